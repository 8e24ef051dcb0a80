"""Writes the web pages make that belong to no single app: the report's prose sections."""

from django.db import transaction

from kecamatan.alur import pastikan_dapat_diubah
from kecamatan.models import Kecamatan
from lkip.laporan.models import NarasiLaporan
from umum.versi import DataKedaluwarsa, versi_objek


def versi_narasi(narasi: list[NarasiLaporan]) -> str:
    return versi_objek(narasi[0] if narasi else None, narasi)


@transaction.atomic
def narasi_update(*, kecamatan: Kecamatan, tahun: int, versi: str, teks: dict[str, str]) -> None:
    """Save the kecamatan's own text per section; a blank section goes back to the default text."""
    pastikan_dapat_diubah(kecamatan, tahun)
    lama = list(
        NarasiLaporan.objects.select_for_update().filter(kecamatan=kecamatan, tahun=tahun).order_by("pk")
    )
    if versi_narasi(lama) != versi:
        raise DataKedaluwarsa()
    per_bagian = {n.bagian: n for n in lama}
    for bagian, isi in teks.items():
        isi = isi.strip()
        baris = per_bagian.get(bagian)
        if not isi:
            if baris is not None:
                baris.delete()
            continue
        baris = baris or NarasiLaporan(kecamatan=kecamatan, tahun=tahun, bagian=bagian)
        if baris.teks != isi:
            baris.teks = isi
            baris.full_clean()
            baris.save()
