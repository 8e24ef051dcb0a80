"""Writes to the budget tree: one transaction, validated with ``full_clean``."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from anggaran.models import Kegiatan, Keluaran, Program, SubKegiatan
from kecamatan.alur import pastikan_dapat_diubah
from kecamatan.models import Kecamatan
from umum.versi import DataKedaluwarsa, versi_objek


def versi_anggaran(sub_kegiatan: list[SubKegiatan], keluaran: list[Keluaran]) -> str:
    """Version token of a year's budget rows and outputs."""
    return versi_objek(None if not sub_kegiatan else sub_kegiatan[0], [*sub_kegiatan, *keluaran])


def _baris(kecamatan: Kecamatan, tahun: int) -> tuple[list[SubKegiatan], list[Keluaran]]:
    sub = list(
        SubKegiatan.objects.for_kecamatan_tahun(kecamatan.pk, tahun).select_for_update().order_by("pk")
    )
    keluaran = list(
        Keluaran.objects.filter(sub_kegiatan__in=[s.pk for s in sub]).select_for_update().order_by("pk")
    )
    return sub, keluaran


def anggaran_versi(*, kecamatan: Kecamatan, tahun: int) -> str:
    return versi_anggaran(*_baris(kecamatan, tahun))


@transaction.atomic
def anggaran_update(
    *,
    kecamatan: Kecamatan,
    tahun: int,
    versi: str,
    sub_kegiatan: dict[int, tuple[Decimal, Decimal | None]],
    keluaran: dict[int, tuple[Decimal | None, Decimal | None]],
    jenis_belanja: dict[int, str] | None = None,
) -> None:
    """Save pagu, realisasi and (when given) jenis belanja of each sub kegiatan and target and
    realisasi of each output (keyed by id; ids of another kecamatan or year are ignored)."""
    pastikan_dapat_diubah(kecamatan, tahun)
    sub, luaran = _baris(kecamatan, tahun)
    if versi_anggaran(sub, luaran) != versi:
        raise DataKedaluwarsa()
    for baris in sub:
        if baris.pk in sub_kegiatan:
            baris.pagu, baris.realisasi = sub_kegiatan[baris.pk]
            kolom = ["pagu", "realisasi"]
            if jenis_belanja is not None and baris.pk in jenis_belanja:
                baris.jenis_belanja = jenis_belanja[baris.pk]
                kolom.append("jenis_belanja")
            baris.full_clean()
            baris.save(update_fields=kolom)
    for baris in luaran:
        if baris.pk in keluaran:
            baris.target, baris.realisasi = keluaran[baris.pk]
            baris.full_clean()
            baris.save(update_fields=["target", "realisasi"])


# --- deletes ----------------------------------------------------------------------------
# ``anggaran_baris_hambatan_hapus`` says why a budget row cannot be deleted ("" when it can): a row
# with children keeps them; the page shows it before asking and ``anggaran_baris_delete`` checks again.


def anggaran_baris_hambatan_hapus(baris: models.Model) -> str:
    if isinstance(baris, Program) and (n := baris.kegiatan.count()):
        return _("Program %(kode)s masih memiliki %(n)s kegiatan; hapus kegiatannya terlebih dahulu.") % {
            "kode": baris.kode,
            "n": n,
        }
    if isinstance(baris, Kegiatan) and (n := baris.sub_kegiatan.count()):
        return _(
            "Kegiatan %(kode)s masih memiliki %(n)s sub kegiatan; hapus sub kegiatannya terlebih dahulu."
        ) % {"kode": baris.kode, "n": n}
    if isinstance(baris, SubKegiatan) and (n := baris.keluaran.count()):
        return _(
            "Sub kegiatan %(kode)s masih memiliki %(n)s indikator keluaran; hapus keluarannya terlebih dahulu."
        ) % {"kode": baris.kode, "n": n}
    return ""


def _program_dari(baris: models.Model) -> Program:
    """The program a budget row belongs to (the row itself for a program): its year is locked."""
    if isinstance(baris, Keluaran):
        baris = baris.sub_kegiatan
    if isinstance(baris, SubKegiatan):
        baris = baris.kegiatan
    if isinstance(baris, Kegiatan):
        baris = baris.program
    return baris


@transaction.atomic
def anggaran_baris_delete(*, baris: models.Model) -> None:
    """Delete a program, kegiatan, sub kegiatan or output that has no children."""
    baris = type(baris).objects.select_for_update().get(pk=baris.pk)
    program = _program_dari(baris)
    pastikan_dapat_diubah(program.kecamatan_id, program.tahun)
    if alasan := anggaran_baris_hambatan_hapus(baris):
        raise ValidationError(alasan)
    baris.delete()
