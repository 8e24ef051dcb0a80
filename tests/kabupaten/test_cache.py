"""The dashboard's and the matrix's rows are kept in the database cache under their kecamatan's
data version and the shared one: the second request is served from it in a few queries, every
kind of write is on the next page at once, and a write lays out again only its kecamatan's rows. Each write here runs as a committed transaction would (its on-commit callbacks run),
since the version changes on commit."""

import re
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from simple_history.models import HistoricalChanges

from anggaran import services as anggaran_services
from anggaran.models import SubKegiatan
from capaian import scoring
from capaian import services as capaian_services
from capaian.models import Realisasi, SkalaPredikat, SkalaTahun
from kabupaten import selectors as kabupaten_selectors
from kabupaten.models import PemetaanIndikator, StatusPemetaan
from kabupaten.services import pemetaan_tetapkan
from kecamatan.alur import Aksi, alur_terapkan
from kecamatan.models import Kecamatan
from lkip.accounts.models import Peran
from lkip.laporan.sintetis import kecamatan_sintetis_buat
from reviu import services as reviu_services
from tests.web.bantuan import indikator_pk, pengguna
from umum.riwayat import bulk_update_riwayat
from umum.versi_data import APLIKASI_DATA, jalur_kecamatan, kecamatan_dari, versi_banyak

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


def _versi(*slug: str) -> tuple[str, ...]:
    """The shared version, then each kecamatan's."""
    pk = [Kecamatan.objects.get(slug=s).pk for s in slug]
    bersama, per_kecamatan = versi_banyak(pk)
    return (bersama, *(per_kecamatan[k] for k in pk))


def test_the_version_changes_on_commit_not_before(cache_db, django_capture_on_commit_callbacks):
    """A row laid out between the write and its commit is stored under the old version, which
    nobody asks for once the commit has renewed it; the shared version and the other kecamatan's
    stay."""
    bersama, kalisat, kencong = _versi("kalisat", "kencong")
    with django_capture_on_commit_callbacks(execute=False) as panggilan:
        _alur()
        assert _versi("kalisat", "kencong") == (bersama, kalisat, kencong)
    assert len(panggilan) == 1  # one callback for every row the step wrote
    panggilan[0]()
    baru = _versi("kalisat", "kencong")
    assert (baru[0], baru[2]) == (bersama, kencong)
    assert baru[1] != kalisat


def test_a_shared_write_renews_the_shared_version(cache_db, django_capture_on_commit_callbacks):
    bersama, kalisat = _versi("kalisat")
    with django_capture_on_commit_callbacks(execute=True):
        _skala()
    baru = _versi("kalisat")
    assert baru[0] != bersama and baru[1] == kalisat


def test_a_bulk_write_renews_the_version_of_its_kecamatan(cache_db, django_capture_on_commit_callbacks):
    bersama, kalisat, kencong = _versi("kalisat", "kencong")
    sub = list(SubKegiatan.objects.for_kecamatan_tahun(_kalisat().pk, 2024)[:3])
    for s in sub:
        s.nama += " (ubah)"
    with django_capture_on_commit_callbacks(execute=True):
        bulk_update_riwayat(sub, SubKegiatan, ["nama"])
    baru = _versi("kalisat", "kencong")
    assert (baru[0], baru[2]) == (bersama, kencong)
    assert baru[1] != kalisat


def test_a_rolled_back_savepoint_keeps_the_outer_writes(cache_db, django_capture_on_commit_callbacks):
    """The kecamatan an outer write touched are renewed even when an inner savepoint, which
    touched another, rolls back (that one may be renewed too: a wasted layout, never a stale
    one)."""
    _bersama, kalisat = _versi("kalisat")
    inspektorat = pengguna(Peran.INSPEKTORAT)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        reviu_services.catatan_create(
            kecamatan=_kalisat(), tahun=2024, oleh=inspektorat, jenis="tahun", isi="Lengkapi bukti."
        )
        try:
            with transaction.atomic():
                reviu_services.catatan_create(
                    kecamatan=Kecamatan.objects.get(slug="kencong"),
                    tahun=2024,
                    oleh=inspektorat,
                    jenis="tahun",
                    isi="Dibatalkan.",
                )
                raise RuntimeError
        except RuntimeError:
            pass
    assert _versi("kalisat")[1] != kalisat


def test_a_write_lays_out_again_only_its_kecamatan_rows(
    bappeda, django_capture_on_commit_callbacks, monkeypatch
):
    """After one operator's save, the next dashboard and matrix compute one row each."""
    dibuat = []
    for nama in ("baris_dasbor", "baris_matriks"):
        asli = getattr(kabupaten_selectors, nama)

        def catat(pasangan, *args, _asli=asli, _nama=nama):
            dibuat.append((_nama, sorted(k.slug for k, _t in pasangan)))
            return _asli(pasangan, *args)

        monkeypatch.setattr(kabupaten_selectors, nama, catat)
    _isi(bappeda, DASBOR), _isi(bappeda, MATRIKS)
    semua = sorted(Kecamatan.objects.values_list("slug", flat=True))
    assert dibuat == [("baris_dasbor", semua), ("baris_matriks", semua)]
    dibuat.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _realisasi()
    _isi(bappeda, DASBOR), _isi(bappeda, MATRIKS), _isi(bappeda, DASBOR)
    assert dibuat == [("baris_dasbor", ["kalisat"]), ("baris_matriks", ["kalisat"])]


#: The data models no kecamatan owns: a write to one renews every row.
BERSAMA = {
    "capaian.SkalaPredikat",
    "capaian.PitaPredikat",
    "capaian.SkalaTahun",
    "capaian.KonversiHuruf",
    "perencanaan.Rpjmd",
    "perencanaan.MisiRpjmd",
    "kabupaten.IndikatorKabupaten",
}


def _model_data():
    return [
        m
        for label in sorted(APLIKASI_DATA)
        for m in apps.get_app_config(label).get_models()
        if not issubclass(m, HistoricalChanges)
    ]


def test_every_data_model_is_owned_by_a_kecamatan_or_shared():
    """A new model is placed on purpose: owned through its foreign keys, or listed here."""
    bersama = {m._meta.label for m in _model_data() if jalur_kecamatan(m) is None}
    assert bersama == BERSAMA


@pytest.mark.django_db
def test_each_row_finds_its_kecamatan_with_and_without_its_parents_loaded():
    diperiksa = 0
    for model in _model_data():
        jalur = jalur_kecamatan(model)
        if not jalur:
            continue
        kolom = "__".join(jalur) + "_id"
        for pk, pemilik in model.objects.values_list("pk", kolom).order_by("pk")[:3]:
            assert kecamatan_dari(model.objects.get(pk=pk)) == pemilik, model
            if len(jalur) > 1:
                dimuat = model.objects.select_related(jalur[0]).get(pk=pk)
                assert kecamatan_dari(dimuat) == pemilik, model
            diperiksa += 1
    assert diperiksa > 40


@pytest.mark.parametrize(("alamat", "kueri"), [(DASBOR, 6), (MATRIKS, 6), (TERBARU, 7)])
def test_a_cached_page_takes_the_same_few_queries_at_any_size(
    bappeda, django_assert_num_queries, django_capture_on_commit_callbacks, alamat, kueri
):
    """Session, user, the menu's workflow steps, the kecamatan, their versions, the laid-out
    table; in the latest years also each kecamatan's latest year (the session, unchanged, is
    saved at most once a minute), whatever the number of kecamatan; laid out again, the page
    takes its own constant count (test_halaman.py)."""
    for jumlah, mulai in ((2, 1), (10, 3)):
        with django_capture_on_commit_callbacks(execute=True):
            kecamatan_sintetis_buat(jumlah=jumlah, tahun=[2024], mulai=mulai)
        segar = _isi(bappeda, alamat)
        assert segar.count('class="lencana sintetis"') == Kecamatan.objects.filter(sintetis=True).count()
        with django_assert_num_queries(kueri):
            assert _isi(bappeda, alamat) == segar


TAHUN_KALISAT = reverse("web:tahun", args=["kalisat", 2024])


def _pejabat():
    from kecamatan.models import Pejabat

    p = Pejabat.objects.filter(profil__kecamatan__slug="kalisat", profil__tahun=2024).order_by("pk").first()
    p.nip = ""  # the consistency check flags an official without NIP
    p.save()


@pytest.mark.parametrize(
    "tulis",
    [_realisasi, _anggaran, _alur, _skala, _catatan, _pejabat],
    ids=["realisasi", "anggaran", "alur", "skala", "catatan", "pejabat"],
)
def test_the_year_page_keeps_its_consistency_check_until_a_write(
    bappeda, django_capture_on_commit_callbacks, tulis
):
    """The year page keeps the check's data and findings under the kecamatan's version: after
    any write, the page equals one laid out with an empty cache."""
    sebelum = _isi(bappeda, TAHUN_KALISAT)
    assert _isi(bappeda, TAHUN_KALISAT) == sebelum
    with django_capture_on_commit_callbacks(execute=True):
        tulis()
    sesudah = _isi(bappeda, TAHUN_KALISAT)
    cache.clear()
    assert sesudah == _isi(bappeda, TAHUN_KALISAT)
    if tulis in (_realisasi, _alur, _pejabat):  # a pagu doubled shows on other pages only
        assert sesudah != sebelum


def test_a_cached_year_page_reads_the_check_from_the_cache(bappeda, django_assert_num_queries):
    """Session, user, the kecamatan, its version, the kept check, then what the page reads
    itself (years, sign-off, workflow, review notes)."""
    _isi(bappeda, TAHUN_KALISAT)
    with django_assert_num_queries(10):
        _isi(bappeda, TAHUN_KALISAT)
