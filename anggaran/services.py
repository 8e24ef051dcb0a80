"""Writes to the budget tree: one transaction, validated with ``full_clean``."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from anggaran.models import Kegiatan, Keluaran, Program, SubKegiatan
from kecamatan.alur import pastikan_dapat_diubah
from kecamatan.models import Kecamatan
from umum.riwayat import isi_kolom
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
) -> None:
    """Save pagu and realisasi of each sub kegiatan and target and realisasi of each output
    (keyed by id; ids of another kecamatan or year are ignored)."""
    pastikan_dapat_diubah(kecamatan, tahun)
    sub, luaran = _baris(kecamatan, tahun)
    if versi_anggaran(sub, luaran) != versi:
        raise DataKedaluwarsa()
    for baris in sub:
        if baris.pk in sub_kegiatan:
            baris.pagu, baris.realisasi = sub_kegiatan[baris.pk]
            baris.full_clean()
            baris.save(update_fields=["pagu", "realisasi"])
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


@transaction.atomic
def anggaran_pohon_simpan(
    *,
    kecamatan: Kecamatan,
    tahun: int,
    program: dict[str, str],
    kegiatan: dict[tuple[str, str], str],
    sub_kegiatan: dict[tuple[str, str, str], dict],
    keluaran: dict[tuple[str, str, str, str], dict],
) -> None:
    """Create or update budget rows by their codes (an import): ``program`` kode → nama,
    ``kegiatan`` (program, kegiatan) → nama, ``sub_kegiatan`` (program, kegiatan, sub) → its
    fields, ``keluaran`` (program, kegiatan, sub, uraian) → its fields. A row named here whose
    parent is neither named nor stored is an error; rows not named are left as they are. Each
    row is validated with ``full_clean`` and saved only when it changes."""
    pastikan_dapat_diubah(kecamatan, tahun)
    ada_p = {p.kode: p for p in Program.objects.select_for_update().filter(kecamatan=kecamatan, tahun=tahun)}
    ada_k = {
        (k.program.kode, k.kode): k
        for k in Kegiatan.objects.filter(program__in=ada_p.values()).select_related("program")
    }
    ada_s = {
        (s.kegiatan.program.kode, s.kegiatan.kode, s.kode): s
        for s in SubKegiatan.objects.filter(kegiatan__in=ada_k.values()).select_related("kegiatan__program")
    }
    kunci_sub = {s.pk: kunci for kunci, s in ada_s.items()}
    ada_o = {
        (*kunci_sub[o.sub_kegiatan_id], o.uraian): o
        for o in Keluaran.objects.filter(sub_kegiatan__in=ada_s.values())
    }

    def simpan(obj, isian: dict) -> None:
        sebelum = None if obj.pk is None else isi_kolom(obj)
        for nama, nilai in isian.items():
            setattr(obj, nama, nilai)
        obj.full_clean()
        if sebelum is None or isi_kolom(obj) != sebelum:
            obj.save()

    def induk(peta: dict, kunci: tuple):
        if kunci not in peta:
            raise ValidationError(_("Induk %(kode)s tidak ada.") % {"kode": " / ".join(kunci)})
        return peta[kunci]

    for kode, nama in program.items():
        obj = ada_p.get(kode) or Program(kecamatan=kecamatan, tahun=tahun, kode=kode)
        simpan(obj, {"nama": nama})
        ada_p[kode] = obj
    for (kp, kk), nama in kegiatan.items():
        obj = ada_k.get((kp, kk)) or Kegiatan(program=induk(ada_p, kp), kode=kk)
        simpan(obj, {"nama": nama})
        ada_k[(kp, kk)] = obj
    for kunci, isian in sub_kegiatan.items():
        obj = ada_s.get(kunci) or SubKegiatan(kegiatan=induk(ada_k, kunci[:2]), kode=kunci[2])
        simpan(obj, isian)
        ada_s[kunci] = obj
    urutan = {}
    for kunci, isian in keluaran.items():
        obj = ada_o.get(kunci)
        if obj is None:
            sub = induk(ada_s, kunci[:3])
            urutan.setdefault(sub.pk, sub.keluaran.count())
            urutan[sub.pk] += 1
            obj = Keluaran(sub_kegiatan=sub, uraian=kunci[3], urutan=urutan[sub.pk])
        simpan(obj, isian)
