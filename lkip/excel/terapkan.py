"""Applying an import: the one step that writes, all or nothing, through each app's services.

The plan is made again inside the transaction from the stored workbook and the data as it is
now; if it is not the plan the user previewed (``sidik``), or it has errors, nothing is
written. Every history record written gets the reason ``impor excel`` and the user."""

from django.db import transaction
from django.utils.translation import gettext as _

from anggaran.services import anggaran_pohon_simpan
from capaian.services import realisasi_impor
from kecamatan import services as kecamatan_services
from kecamatan.alur import pastikan_tahun_dapat_diubah
from kecamatan.models import Kecamatan, ProfilKecamatan
from lkip.excel.aman import BerkasXlsx
from lkip.excel.baca import baca_buku
from lkip.excel.rencana import Rencana, lembar_impor, rencana_buat
from lkip.excel.selectors import isi_tahun
from perencanaan.services import (
    perjanjian_update,
    renstra_halaman,
    renstra_update,
    rkt_update,
    versi_perjanjian,
    versi_renstra,
    versi_rkt,
)
from umum.riwayat import perubahan_oleh
from umum.versi import versi_objek

ALASAN = "impor excel"


class ImporDitolak(ValueError):
    """The import was not applied; the message says why."""


def rencana_berkas(berkas: BerkasXlsx, *, kecamatan: Kecamatan, tahun: int) -> Rencana:
    """Read and diff a guarded workbook: the preview. Raises ``BerkasDitolak``."""
    isi = isi_tahun(kecamatan=kecamatan, tahun=tahun)
    bacaan = baca_buku(berkas, slug=kecamatan.slug, tahun=tahun, lembar=lembar_impor(isi))
    return rencana_buat(isi=isi, bacaan=bacaan)


def impor_terapkan(*, berkas: BerkasXlsx, kecamatan: Kecamatan, tahun: int, sidik: str, oleh=None) -> Rencana:
    with transaction.atomic(), perubahan_oleh(ALASAN, oleh):
        isi = isi_tahun(kecamatan=kecamatan, tahun=tahun)
        rencana = rencana_buat(
            isi=isi, bacaan=baca_buku(berkas, slug=kecamatan.slug, tahun=tahun, lembar=lembar_impor(isi))
        )
        if rencana.galat:
            raise ImporDitolak(
                _("Berkas masih memiliki %(n)s kesalahan; tidak ada yang disimpan.")
                % {"n": len(rencana.galat)}
            )
        if rencana.sidik != sidik:
            raise ImporDitolak(
                _(
                    "Data tahun ini berubah sejak pratinjau dibuat, jadi impor tidak diterapkan. "
                    "Lihat pratinjau yang baru lalu terapkan lagi."
                )
            )
        tahun_diubah = {tahun, *(t for _i, t in rencana.renstra_target)}
        pastikan_tahun_dapat_diubah(kecamatan, tahun_diubah)
        _terapkan(rencana, isi)
    return rencana


def _terapkan(rencana: Rencana, isi) -> None:
    kecamatan, tahun = isi.kecamatan, isi.tahun
    if rencana.realisasi:
        realisasi_impor(
            kecamatan_id=kecamatan.pk,
            tahun=tahun,
            isian=[
                {
                    "indikator": r.indikator,
                    "status": r.status,
                    "nilai": r.nilai,
                    "triwulan": r.triwulan,
                    **r.teks,
                }
                for r in rencana.realisasi
            ],
        )
    if rencana.renstra_indikator:
        renstra = renstra_halaman(renstra_id=isi.renstra.pk)
        renstra_update(
            renstra=renstra,
            versi=versi_renstra(renstra),
            indikator=rencana.renstra_indikator,
            target=rencana.renstra_target,
        )
    if rencana.target_pk:
        perjanjian = isi.perjanjian
        perjanjian_update(
            perjanjian=perjanjian, versi=versi_perjanjian(perjanjian), isian={}, target=rencana.target_pk
        )
    if rencana.target_rkt:
        rkt_update(
            rkt=isi.rkt,
            versi=versi_rkt(isi.rkt),
            tanggal=isi.rkt.tanggal,
            target={pk: (t["angka"], t["huruf"]) for pk, t in rencana.target_rkt.items()},
            target_triwulan={
                pk: {n: v for n, v in t.items() if n.startswith("target_tw")}
                for pk, t in rencana.target_rkt.items()
            },
        )
    pohon = {
        "program": rencana.program,
        "kegiatan": rencana.kegiatan,
        "sub_kegiatan": rencana.sub_kegiatan,
        "keluaran": rencana.keluaran,
        "indikator_program": rencana.indikator_program,
        "indikator_kegiatan": rencana.indikator_kegiatan,
    }
    if any(pohon.values()):
        anggaran_pohon_simpan(kecamatan=kecamatan, tahun=tahun, **pohon)
    if rencana.profil:
        profil = isi.profil or kecamatan_services.profil_update(
            kecamatan=kecamatan, tahun=tahun, versi=versi_objek(None), luas_km2=None, jumlah_penduduk=None,
            isu_strategis="", tempat_laporan="", tanggal_laporan=None,
        )  # fmt: skip
        for jenis, baris in rencana.profil.items():
            model = kecamatan_services.TABEL_PROFIL[jenis]
            profil_segar = ProfilKecamatan.objects.get(pk=profil.pk)
            kecamatan_services.profil_tabel_update(
                profil=profil_segar,
                jenis=jenis,
                versi=versi_objek(profil_segar, model.objects.filter(profil=profil_segar)),
                baris=baris,
            )
