"""Writes to a kecamatan's yearly profile and sign-off, one transaction each, validated with ``full_clean``."""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from kecamatan.models import Kecamatan, PengesahanData, ProfilKecamatan
from umum.versi import DataKedaluwarsa, versi_objek


@transaction.atomic
def profil_update(
    *,
    kecamatan: Kecamatan,
    tahun: int,
    versi: str,
    luas_km2: Decimal | None,
    jumlah_penduduk: int | None,
    isu_strategis: str,
    tempat_laporan: str,
    tanggal_laporan: date | None,
) -> ProfilKecamatan:
    lama = ProfilKecamatan.objects.select_for_update().filter(kecamatan=kecamatan, tahun=tahun).first()
    if versi_objek(lama) != versi:
        raise DataKedaluwarsa()
    profil = lama or ProfilKecamatan(kecamatan=kecamatan, tahun=tahun)
    profil.luas_km2 = luas_km2
    profil.jumlah_penduduk = jumlah_penduduk
    profil.isu_strategis = isu_strategis
    profil.tempat_laporan = tempat_laporan
    profil.tanggal_laporan = tanggal_laporan
    profil.full_clean()
    profil.save()
    return profil


@transaction.atomic
def pengesahan_create(*, kecamatan: Kecamatan, tahun: int, oleh) -> PengesahanData:
    """Record the Camat's sign-off on the year's data now (replacing an earlier one)."""
    pengesahan = PengesahanData.objects.filter(kecamatan=kecamatan, tahun=tahun).first() or PengesahanData(
        kecamatan=kecamatan, tahun=tahun
    )
    pengesahan.disahkan_oleh = oleh
    pengesahan.nama = oleh.get_full_name() or oleh.get_username()
    pengesahan.disahkan_pada = timezone.now()
    pengesahan.full_clean()
    pengesahan.save()
    return pengesahan
