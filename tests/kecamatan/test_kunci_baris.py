"""A save of one part of a kecamatan's year locks its own rows, not the kecamatan's: while one
is open, the kecamatan's row stays free, so another part of the same kecamatan can be saved and a
write to the kecamatan itself does not wait (PostgreSQL row locks; SQLite takes the whole
database for a write anyway). The models sort by the kecamatan's name, and FOR UPDATE in that
order would join and lock the kecamatan's row too."""

import threading
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.db import connection, transaction

from anggaran import services as anggaran_services
from anggaran.models import Program
from kecamatan import services as kecamatan_services
from kecamatan.alur import Status
from kecamatan.models import AlurLaporan, Kecamatan, PengesahanData, ProfilKecamatan
from lkip.accounts.models import Peran
from lkip.laporan.models import NarasiLaporan
from lkip.laporan.narasi_bawaan import NARASI_BAWAAN
from lkip.web import services as web_services
from perencanaan import services as perencanaan_services
from perencanaan.models import PerjanjianKinerja
from reviu import services as reviu_services
from tests.web.bantuan import pengguna
from umum.versi import versi_objek

pytestmark = [
    pytest.mark.konkuren,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks of PostgreSQL"),
]

SLUG, TAHUN = "kalisat", 2024


def _kecamatan() -> Kecamatan:
    return Kecamatan.objects.get(slug=SLUG)


def profil() -> Callable[[], object]:
    def simpan():
        lama = ProfilKecamatan.objects.get(kecamatan=_kecamatan(), tahun=TAHUN)
        return kecamatan_services.profil_update(
            kecamatan=_kecamatan(),
            tahun=TAHUN,
            versi=versi_objek(lama),
            luas_km2=Decimal("12.5"),
            jumlah_penduduk=lama.jumlah_penduduk,
            isu_strategis=lama.isu_strategis,
            tempat_laporan=lama.tempat_laporan,
            tanggal_laporan=lama.tanggal_laporan,
            sumber_pegawai="Data kepegawaian",
        )

    assert ProfilKecamatan.objects.filter(kecamatan=_kecamatan(), tahun=TAHUN).exists()
    return simpan


def pengesahan() -> Callable[[], object]:
    camat = pengguna(Peran.CAMAT, SLUG)
    kecamatan_services.pengesahan_create(kecamatan=_kecamatan(), tahun=TAHUN, oleh=camat)
    assert PengesahanData.objects.filter(kecamatan=_kecamatan(), tahun=TAHUN).exists()
    return lambda: kecamatan_services.pengesahan_create(kecamatan=_kecamatan(), tahun=TAHUN, oleh=camat)


def narasi() -> Callable[[], object]:
    bagian = next(iter(NARASI_BAWAAN))
    NarasiLaporan.objects.create(kecamatan=_kecamatan(), tahun=TAHUN, bagian=bagian, teks="Teks sendiri.")
    return lambda: web_services.narasi_kembalikan(kecamatan=_kecamatan(), tahun=TAHUN, bagian=bagian)


def catatan() -> Callable[[], object]:
    AlurLaporan.objects.update_or_create(
        kecamatan=_kecamatan(), tahun=TAHUN, defaults={"status": Status.DIAJUKAN}
    )
    c = reviu_services.catatan_create(
        kecamatan=_kecamatan(),
        tahun=TAHUN,
        oleh=pengguna(Peran.INSPEKTORAT),
        jenis="tahun",
        isi="Periksa lagi.",
    )
    operator = pengguna(Peran.OPERATOR, SLUG)
    return lambda: reviu_services.catatan_balas(catatan=c, oleh=operator, isi="Sudah diperbaiki.")


def anggaran() -> Callable[[], object]:
    assert Program.objects.filter(kecamatan=_kecamatan(), tahun=TAHUN).exists()
    return lambda: anggaran_services.anggaran_pohon_simpan(
        kecamatan=_kecamatan(), tahun=TAHUN, program={}, kegiatan={}, sub_kegiatan={}, keluaran={}
    )


def perjanjian() -> Callable[[], object]:
    berlaku = PerjanjianKinerja.objects.berlaku(_kecamatan(), TAHUN)
    perubahan = perencanaan_services.perjanjian_perubahan_create(perjanjian=berlaku)
    return lambda: perencanaan_services.perjanjian_delete(perjanjian=perubahan)


@pytest.mark.parametrize(
    "siapkan", [profil, pengesahan, narasi, catatan, anggaran, perjanjian], ids=lambda f: f.__name__
)
def test_an_open_save_leaves_the_kecamatans_row_free(siapkan):
    simpan = siapkan()  # the rows the open save below locks are stored
    terkunci, selesai = threading.Event(), threading.Event()
    galat: list[BaseException] = []

    def simpan_dan_tahan() -> None:
        try:
            with transaction.atomic():
                simpan()
                terkunci.set()
                selesai.wait(10)
        except BaseException as e:  # noqa: BLE001 - reported by the test below
            galat.append(e)
        finally:
            connection.close()

    utas = threading.Thread(target=simpan_dan_tahan)
    utas.start()
    try:
        assert terkunci.wait(10), galat
        with transaction.atomic():
            # NOWAIT: a row the open save holds would raise at once instead of waiting.
            assert Kecamatan.objects.select_for_update(nowait=True).filter(slug=SLUG).exists()
    finally:
        selesai.set()
        utas.join()
    assert not galat
