"""Writes to a kecamatan's yearly profile and sign-off, one transaction each, validated with ``full_clean``."""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from kecamatan.alur import pastikan_dapat_diubah
from kecamatan.models import (
    Desa,
    Inovasi,
    Kecamatan,
    KomposisiPegawai,
    Pejabat,
    PengesahanData,
    Penghargaan,
    ProfilKecamatan,
    RincianPegawai,
    SaranaPrasarana,
    UnitOrganisasi,
)
from umum.riwayat import isi_kolom
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
    sumber_pegawai: str | None = None,
    sumber_sarana: str | None = None,
    sumber_wilayah: str | None = None,
    sumber_pagu_anggaran: str | None = None,
    sumber_realisasi_anggaran: str | None = None,
    sumber_realisasi_kinerja: str | None = None,
) -> ProfilKecamatan:
    """Save the year's profile; a ``sumber_*`` left ``None`` keeps what is stored (an import
    that does not carry the tables' sources leaves them as they are)."""
    pastikan_dapat_diubah(kecamatan, tahun)
    # Unordered: the models sort by the kecamatan's name, and on PostgreSQL FOR UPDATE would then
    # lock the joined kecamatan row too, so every other save of the kecamatan would wait.
    lama = (
        ProfilKecamatan.objects.select_for_update()
        .filter(kecamatan=kecamatan, tahun=tahun)
        .order_by()
        .first()
    )
    if versi_objek(lama) != versi:
        raise DataKedaluwarsa()
    profil = lama or ProfilKecamatan(kecamatan=kecamatan, tahun=tahun)
    profil.luas_km2 = luas_km2
    profil.jumlah_penduduk = jumlah_penduduk
    profil.isu_strategis = isu_strategis
    profil.tempat_laporan = tempat_laporan
    profil.tanggal_laporan = tanggal_laporan
    sumber = {
        "sumber_pegawai": sumber_pegawai,
        "sumber_sarana": sumber_sarana,
        "sumber_wilayah": sumber_wilayah,
        "sumber_pagu_anggaran": sumber_pagu_anggaran,
        "sumber_realisasi_anggaran": sumber_realisasi_anggaran,
        "sumber_realisasi_kinerja": sumber_realisasi_kinerja,
    }
    for nama, teks in sumber.items():
        if teks is not None:
            setattr(profil, nama, teks.strip())
    profil.full_clean()
    profil.save()
    return profil


@transaction.atomic
def pengesahan_create(
    *, kecamatan: Kecamatan, tahun: int, oleh, sidik: dict[str, str] | None = None
) -> PengesahanData:
    """Record the Camat's sign-off on the year's data now (replacing an earlier one), with the
    fingerprint of each part of the report as signed (``sidik``: part → digest)."""
    # Unordered, so only this row is locked, not the kecamatan's (see profil_update).
    pengesahan = PengesahanData.objects.select_for_update().filter(
        kecamatan=kecamatan, tahun=tahun
    ).order_by().first() or PengesahanData(kecamatan=kecamatan, tahun=tahun)
    pengesahan.sidik = sidik or {}
    pengesahan.disahkan_oleh = oleh
    pengesahan.nama = oleh.get_full_name() or oleh.get_username()
    pengesahan.disahkan_pada = timezone.now()
    pengesahan.full_clean()
    pengesahan.save()
    return pengesahan


TABEL_PROFIL = {
    "desa": Desa,
    "pegawai": KomposisiPegawai,
    "rincian_pegawai": RincianPegawai,
    "sarana": SaranaPrasarana,
    "pejabat": Pejabat,
    "organisasi": UnitOrganisasi,
    "inovasi": Inovasi,
    "penghargaan": Penghargaan,
}


def versi_tabel_profil(profil: ProfilKecamatan, jenis: str) -> str:
    return versi_objek(profil, TABEL_PROFIL[jenis].objects.filter(profil=profil))


@transaction.atomic
def profil_tabel_update(*, profil: ProfilKecamatan, jenis: str, versi: str, baris: list[dict]) -> None:
    """Replace one table of the profile (desa, pegawai, sarana, pejabat, organisasi, inovasi,
    penghargaan) with ``baris``, in order. Each row is the model's fields plus ``id`` (an existing row of this
    profile, or ``None`` for a new one) and ``hapus``. All or nothing."""
    profil = ProfilKecamatan.objects.select_for_update().get(pk=profil.pk)
    pastikan_dapat_diubah(profil.kecamatan_id, profil.tahun)
    model = TABEL_PROFIL[jenis]
    if versi_tabel_profil(profil, jenis) != versi:
        raise DataKedaluwarsa()
    ada = {obj.pk: obj for obj in model.objects.filter(profil=profil)}
    if model is Pejabat:  # the one head may move to another row: clear it before rows are saved
        _kepala_lama_lepas(ada, baris)
    urutan = 0
    for isian in baris:
        isian = dict(isian)
        pk, hapus = isian.pop("id", None), isian.pop("hapus", False)
        if pk is not None and pk not in ada:
            raise DataKedaluwarsa()
        if hapus:
            if pk is not None:
                ada[pk].delete()
            continue
        urutan += 1
        obj = ada.get(pk) or model(profil=profil)
        sebelum = None if obj.pk is None else isi_kolom(obj)
        for nama, nilai in isian.items():
            setattr(obj, nama, nilai)
        obj.urutan = urutan
        obj.full_clean()
        if sebelum is None or isi_kolom(obj) != sebelum:
            obj.save()


def _kepala_lama_lepas(ada: dict[int, Pejabat], baris: list[dict]) -> None:
    """Clear the current head when another row becomes head, saved row by row so the change
    is in the history (a queryset ``update`` would bypass it)."""
    kepala_baru = next((b.get("id") for b in baris if b.get("kepala") and not b.get("hapus")), False)
    for obj in ada.values():
        if obj.kepala and obj.pk != kepala_baru:
            obj.kepala = False
            obj.save(update_fields=["kepala"])
