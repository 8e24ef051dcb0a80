"""Writes the web pages make that belong to no single app: the report's prose sections and
the Camat's sign-off of everything the report prints."""

from django.db import transaction

from kecamatan import services as kecamatan_services
from kecamatan.models import Kecamatan, PengesahanData
from lkip.laporan.models import NarasiLaporan
from lkip.web.selectors import sidik_laporan
from umum.versi import DataKedaluwarsa, versi_objek


def versi_narasi(narasi: list[NarasiLaporan]) -> str:
    return versi_objek(narasi[0] if narasi else None, narasi)


@transaction.atomic
def narasi_update(*, kecamatan: Kecamatan, tahun: int, versi: str, teks: dict[str, str]) -> None:
    """Save the kecamatan's own text per section; a blank section goes back to the default text."""
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


@transaction.atomic
def pengesahan_sahkan(*, kecamatan: Kecamatan, tahun: int, oleh) -> PengesahanData:
    """The Camat's sign-off, recording the fingerprint of every part of the report as it is
    now, so any later change to what the report prints shows as changed since the sign-off."""
    return kecamatan_services.pengesahan_create(
        kecamatan=kecamatan, tahun=tahun, oleh=oleh, sidik=sidik_laporan(kecamatan=kecamatan, tahun=tahun)
    )
