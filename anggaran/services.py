"""Writes to the budget tree: one transaction, validated with ``full_clean``."""

from decimal import Decimal

from django.db import transaction

from anggaran.models import Keluaran, SubKegiatan
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
