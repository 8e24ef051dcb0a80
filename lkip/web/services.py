"""Writes the web pages make that belong to no single app: the report's prose sections."""

from django.db import transaction

from kecamatan.alur import pastikan_dapat_diubah
from kecamatan.models import Kecamatan
from lkip.laporan.models import BagianNarasi, NarasiLaporan
from lkip.laporan.narasi_bawaan import NARASI_BAWAAN, sama_teks, teks_bawaan
from umum.versi import DataKedaluwarsa, versi_objek


def versi_narasi(narasi: list[NarasiLaporan]) -> str:
    return versi_objek(narasi[0] if narasi else None, narasi)


def _adalah_bawaan(isi: str, bagian: str, kecamatan: Kecamatan, tahun: int) -> bool:
    """Blank, or the default text as shown (filled in) or as written: the section keeps
    following the default, so a later change of the default reaches it."""
    if not isi:
        return True
    terisi = teks_bawaan(bagian, nama_kecamatan=kecamatan.nama, kabupaten=kecamatan.kabupaten, tahun=tahun)
    return sama_teks(isi, terisi) or sama_teks(isi, NARASI_BAWAAN[bagian])


@transaction.atomic
def narasi_kembalikan(*, kecamatan: Kecamatan, tahun: int, bagian: str) -> bool:
    """Put one section back to the default text: its own text is deleted (the history keeps it).
    Returns whether there was own text to remove."""
    if bagian not in BagianNarasi.values:
        raise ValueError(bagian)
    pastikan_dapat_diubah(kecamatan, tahun)
    baris = NarasiLaporan.objects.select_for_update().filter(kecamatan=kecamatan, tahun=tahun, bagian=bagian)
    ada = baris.first()
    if ada is None:
        return False
    ada.delete()
    return True


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
        isi = isi.replace("\r\n", "\n").strip()
        baris = per_bagian.get(bagian)
        if _adalah_bawaan(isi, bagian, kecamatan, tahun):
            if baris is not None:
                baris.delete()
            continue
        baris = baris or NarasiLaporan(kecamatan=kecamatan, tahun=tahun, bagian=bagian)
        if baris.teks != isi:
            baris.teks = isi
            baris.full_clean()
            baris.save()
