"""Writes to the Perjanjian Kinerja: one transaction each, validated with ``full_clean``."""

from decimal import Decimal

from django.db import transaction

from perencanaan.models import AnggaranPerjanjian, PerjanjianKinerja, TargetPerjanjian
from umum.versi import DataKedaluwarsa, versi_objek

PIHAK = [
    f"{awalan}_{isian}"
    for awalan in ("pihak_pertama", "pihak_kedua")
    for isian in ("nama", "jabatan", "pangkat", "nip", "status")
]


def versi_perjanjian(perjanjian: PerjanjianKinerja) -> str:
    """Version token of a PK with its targets (uses prefetched ``target``)."""
    return versi_objek(perjanjian, perjanjian.target.all())


@transaction.atomic
def perjanjian_update(
    *,
    perjanjian: PerjanjianKinerja,
    versi: str,
    isian: dict[str, object],
    target: dict[int, tuple[Decimal | None, str]],
) -> PerjanjianKinerja:
    """Save the PK's place, date, signatories and targets (``target``: TargetPerjanjian id →
    (number, letter grade); both empty is a missing target)."""
    perjanjian = (
        PerjanjianKinerja.objects.select_for_update().prefetch_related("target").get(pk=perjanjian.pk)
    )
    if versi_perjanjian(perjanjian) != versi:
        raise DataKedaluwarsa()
    for nama in ["tempat", "tanggal", *PIHAK]:
        if nama in isian:
            setattr(perjanjian, nama, isian[nama])
    perjanjian.full_clean()
    perjanjian.save()
    for baris in perjanjian.target.all():
        if baris.pk not in target:
            continue
        baris.angka, baris.huruf = target[baris.pk]
        baris.full_clean()
        baris.save(update_fields=["angka", "huruf"])
    return perjanjian


@transaction.atomic
def perjanjian_perubahan_create(*, perjanjian: PerjanjianKinerja) -> PerjanjianKinerja:
    """A PK Perubahan: a new version copying the one in force, its targets and program budget,
    to be edited; the earlier version stays as signed."""
    terakhir = PerjanjianKinerja.objects.berlaku(perjanjian.kecamatan, perjanjian.tahun)
    if terakhir is None or terakhir.pk != perjanjian.pk:
        raise DataKedaluwarsa()
    target = list(perjanjian.target.all())
    anggaran = list(perjanjian.anggaran.all())
    baru = PerjanjianKinerja.objects.get(pk=perjanjian.pk)
    baru.pk = None
    baru.versi = perjanjian.versi + 1
    baru.jenis = PerjanjianKinerja.Jenis.PERUBAHAN
    baru.tanggal = None
    baru.full_clean()
    baru.save()
    for t in target:
        TargetPerjanjian.objects.create(
            perjanjian=baru, indikator_id=t.indikator_id, urutan=t.urutan, angka=t.angka, huruf=t.huruf
        )
    for a in anggaran:
        AnggaranPerjanjian.objects.create(
            perjanjian=baru, urutan=a.urutan, program=a.program, anggaran=a.anggaran, keterangan=a.keterangan
        )
    return baru
