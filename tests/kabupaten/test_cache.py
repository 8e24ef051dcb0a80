"""The dashboard and the matrix are kept in the database cache under the data version: the
second request is served from it in a few queries, and every kind of write is on the next page
at once. Each write here runs as a committed transaction would (its on-commit callbacks run),
since the version changes on commit."""

import re
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse

from anggaran import services as anggaran_services
from anggaran.models import SubKegiatan
from capaian import scoring
from capaian import services as capaian_services
from capaian.models import Realisasi, SkalaPredikat, SkalaTahun
from kabupaten.models import PemetaanIndikator, StatusPemetaan
from kabupaten.services import pemetaan_tetapkan
from kecamatan.alur import Aksi, alur_terapkan
from kecamatan.models import Kecamatan
from lkip.accounts.models import Peran
from lkip.laporan.sintetis import kecamatan_sintetis_buat
from reviu import services as reviu_services
from tests.web.bantuan import indikator_pk, pengguna
from umum.versi_data import versi_data

DASBOR = reverse("web:kabupaten") + "?tahun=2024"
MATRIKS = reverse("web:kabupaten_matriks") + "?tahun=2024"
MATRIKS_2023 = reverse("web:kabupaten_matriks") + "?tahun=2023"
TERBARU = reverse("web:kabupaten_matriks")
HALAMAN = [DASBOR, MATRIKS, MATRIKS_2023, TERBARU]


@pytest.fixture
def cache_db(settings, db):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "lkip_cache_uji"}
    }
    call_command("createcachetable", verbosity=0)
    cache.clear()
    return cache


@pytest.fixture
def bappeda(client, cache_db):
    client.force_login(pengguna(Peran.BAPPEDA))
    return client


def _isi(client, alamat: str) -> str:
    jawaban = client.get(alamat)
    assert jawaban.status_code == 200
    # The only part of a page that differs between two requests for the same data.
    return re.sub(r'(csrfmiddlewaretoken" value=|X-CSRFToken": )"[^"]*"', "", jawaban.content.decode())


def _kalisat():
    return Kecamatan.objects.get(slug="kalisat")


def _realisasi():
    indikator = next(i for i in indikator_pk("kalisat", 2024) if i.jenis_nilai != "huruf")
    lama = Realisasi.objects.prefetch_related("triwulan").filter(indikator=indikator, tahun=2024).first()
    capaian_services.realisasi_update(
        indikator=indikator,
        tahun=2024,
        versi=capaian_services.versi_realisasi(lama),
        status=Realisasi.Status.TERISI,
        nilai=scoring.Nilai(angka=Decimal("3.5")),
        triwulan={},
    )


def _anggaran():
    k = _kalisat()
    sub = SubKegiatan.objects.for_kecamatan_tahun(k.pk, 2024).order_by("pk").first()
    anggaran_services.anggaran_update(
        kecamatan=k,
        tahun=2024,
        versi=anggaran_services.anggaran_versi(kecamatan=k, tahun=2024),
        sub_kegiatan={sub.pk: (sub.pagu * 2, sub.realisasi)},
        keluaran={},
    )


def _alur():
    alur_terapkan(kecamatan=_kalisat(), tahun=2024, aksi=Aksi.AJUKAN, oleh=pengguna(Peran.CAMAT, "kalisat"))


def _pemetaan():
    usulan = PemetaanIndikator.objects.filter(status=StatusPemetaan.USULAN).select_related("indikator")
    pemetaan_tetapkan(pemetaan=usulan.get(indikator__sasaran__renstra__kecamatan__slug="kencong"))


def _skala():
    tahun = SkalaTahun.objects.get(tahun=2024)
    tahun.skala = SkalaPredikat.objects.exclude(pk=tahun.skala_id).order_by("kode").first()
    tahun.full_clean()
    tahun.save()


def _catatan():
    reviu_services.catatan_create(
        kecamatan=_kalisat(),
        tahun=2024,
        oleh=pengguna(Peran.INSPEKTORAT),
        jenis="tahun",
        isi="Lengkapi bukti.",
    )


@pytest.mark.parametrize(
    ("tulis", "berubah"),
    [
        (_realisasi, [DASBOR, MATRIKS, TERBARU]),
        (_anggaran, [DASBOR]),
        (_alur, [DASBOR]),
        (_pemetaan, [MATRIKS, MATRIKS_2023, TERBARU]),
        (_skala, [DASBOR, MATRIKS, TERBARU]),
        (_catatan, [DASBOR]),
    ],
    ids=["realisasi", "anggaran", "alur", "pemetaan", "skala", "catatan"],
)
def test_every_write_is_on_the_next_page_at_once(bappeda, django_capture_on_commit_callbacks, tulis, berubah):
    sebelum = {alamat: _isi(bappeda, alamat) for alamat in HALAMAN}
    assert {alamat: _isi(bappeda, alamat) for alamat in HALAMAN} == sebelum  # from the cache
    with django_capture_on_commit_callbacks(execute=True):
        tulis()
    sesudah = {alamat: _isi(bappeda, alamat) for alamat in HALAMAN}
    cache.clear()
    segar = {alamat: _isi(bappeda, alamat) for alamat in HALAMAN}
    assert sesudah == segar
    assert [a for a in HALAMAN if sesudah[a] != sebelum[a]] == berubah


def test_the_version_changes_on_commit_not_before(cache_db, django_capture_on_commit_callbacks):
    """A page laid out between the write and its commit is stored under the old version, which
    nobody asks for once the commit has renewed it."""
    awal = versi_data()
    with django_capture_on_commit_callbacks(execute=False) as panggilan:
        _alur()
        assert versi_data() == awal
    assert panggilan
    for fungsi in panggilan:
        fungsi()
    assert versi_data() != awal


def test_a_bulk_write_renews_the_version_too(cache_db, django_capture_on_commit_callbacks):
    awal = versi_data()
    with django_capture_on_commit_callbacks(execute=True):
        kecamatan_sintetis_buat(jumlah=1, tahun=[2024])
    assert versi_data() != awal


@pytest.mark.parametrize("alamat", [DASBOR, MATRIKS])
def test_a_cached_page_takes_the_same_few_queries_at_any_size(
    bappeda, django_assert_num_queries, django_capture_on_commit_callbacks, alamat
):
    """Session, user, the menu's workflow steps, the version, the laid-out table (the session,
    unchanged, is saved at most once a minute), whatever the number of kecamatan; laid out again,
    the page takes its own constant count (test_halaman.py)."""
    for jumlah, mulai in ((2, 1), (10, 3)):
        with django_capture_on_commit_callbacks(execute=True):
            kecamatan_sintetis_buat(jumlah=jumlah, tahun=[2024], mulai=mulai)
        segar = _isi(bappeda, alamat)
        assert segar.count('class="lencana sintetis"') == Kecamatan.objects.filter(sintetis=True).count()
        with django_assert_num_queries(5):
            assert _isi(bappeda, alamat) == segar
