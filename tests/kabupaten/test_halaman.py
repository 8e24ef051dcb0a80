"""The dashboard, the matrix and the trend: who sees them, what they show, and that they are
built in a constant number of queries whatever the number of kecamatan and years."""

import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from capaian.selectors import capaian_tahun
from kabupaten import selectors
from kecamatan.alur import Status
from kecamatan.models import AlurLaporan, Kecamatan
from lkip.accounts.models import Peran
from lkip.laporan.sintetis import kecamatan_sintetis_buat
from tests.web.bantuan import pengguna

TAHUN = [2023, 2024]


@pytest.fixture
def bappeda(client):
    client.force_login(pengguna(Peran.BAPPEDA))
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("peran", [Peran.OPERATOR, Peran.CAMAT])
@pytest.mark.parametrize("nama", ["web:kabupaten", "web:kabupaten_matriks", "web:kabupaten_tren"])
def test_kecamatan_users_get_403(client, peran, nama):
    client.force_login(pengguna(peran, "kalisat"))
    assert client.get(reverse(nama)).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("peran", [Peran.BAPPEDA, Peran.INSPEKTORAT, Peran.ADMIN])
def test_the_kabupaten_landing_page_is_the_dashboard(client, peran):
    client.force_login(pengguna(peran))
    halaman = client.get(reverse("web:beranda") + "?tahun=2023").content.decode()
    assert "Kinerja kecamatan tahun 2023" in halaman
    assert 'data-uji="dasbor"' in halaman


@pytest.mark.django_db
def test_every_kecamatan_has_a_row_and_those_without_data_say_so(bappeda):
    data = selectors.dasbor(tahun=2023)
    per_slug = {b.kecamatan.slug: b for b in data.baris}
    assert set(per_slug) == {"arjasa", "kalisat", "kencong", "pakusari", "sumbersari"}
    assert not per_slug["kalisat"].ada_data and not per_slug["pakusari"].ada_data
    halaman = bappeda.get(reverse("web:kabupaten") + "?tahun=2023").content.decode()
    assert halaman.count("belum ada data") == 2


@pytest.mark.django_db
def test_dashboard_figures_are_the_scoring_services(bappeda):
    """Mean capaian and predikat are ``capaian_tahun``'s, to the digit; serapan is the budget's."""
    baris = {b.kecamatan.slug: b for b in selectors.dasbor(tahun=2023).baris}
    for slug in ("arjasa", "kencong", "sumbersari"):
        sendiri = capaian_tahun(kecamatan=Kecamatan.objects.get(slug=slug), tahun=2023)
        assert baris[slug].nilai_capaian == sendiri.rata_rata.capaian
        assert baris[slug].predikat == sendiri.rata_rata.predikat
        assert baris[slug].jumlah_indikator == len(sendiri.baris)
    kalisat = selectors.dasbor(tahun=2024).baris
    kalisat = next(b for b in kalisat if b.kecamatan.slug == "kalisat")
    assert kalisat.kelengkapan == Decimal("100")
    assert kalisat.serapan is not None and Decimal("0") < kalisat.serapan <= Decimal("100")
    halaman = bappeda.get(reverse("web:kabupaten") + "?tahun=2024").content.decode()
    assert "Sangat Tinggi" in halaman


@pytest.mark.django_db
def test_filter_by_status_and_predikat_and_sort(bappeda):
    AlurLaporan.objects.create(
        kecamatan=Kecamatan.objects.get(slug="kencong"), tahun=2023, status=Status.DIAJUKAN
    )
    diajukan = selectors.dasbor(tahun=2023, status=Status.DIAJUKAN).baris
    assert [b.kecamatan.slug for b in diajukan] == ["kencong"]
    halaman = bappeda.get(reverse("web:kabupaten") + "?tahun=2023&status=diajukan").content.decode()
    assert "Kencong" in halaman and "Arjasa" not in halaman

    semua = selectors.dasbor(tahun=2023, urut="capaian", turun=True).baris
    nilai = [b.nilai_capaian for b in semua if b.nilai_capaian is not None]
    assert nilai == sorted(nilai, reverse=True) and len(nilai) == 3
    # Missing sorts last whichever the direction.
    assert all(b.nilai_capaian is None for b in semua[3:])
    naik = selectors.dasbor(tahun=2023, urut="capaian").baris
    assert [b.nilai_capaian for b in naik[:3]] == sorted(nilai)

    predikat = semua[0].predikat
    saring = selectors.dasbor(tahun=2023, predikat=predikat).baris
    assert saring and all(b.predikat == predikat for b in saring)
    tanpa = selectors.dasbor(tahun=2023, predikat="-").baris
    assert {b.kecamatan.slug for b in tanpa} == {"kalisat", "pakusari"}


@pytest.mark.django_db
def test_a_nonsense_year_is_404(bappeda):
    assert bappeda.get(reverse("web:kabupaten") + "?tahun=abc").status_code == 404
    assert bappeda.get(reverse("web:kabupaten_matriks") + "?tahun=1850").status_code == 404


@pytest.mark.django_db
def test_the_matrix_warns_about_different_scales_and_links_each_cell(bappeda):
    data = selectors.matriks(tahun=None)
    assert {s.kode for s in data.skala} == {"akip-aa-d", "empat-kategori", "permendagri-86-2017"}
    halaman = bappeda.get(reverse("web:kabupaten_matriks")).content.decode()
    assert 'data-uji="skala-berbeda"' in halaman
    kalisat = next(b for b in data.baris if b.kecamatan.slug == "kalisat")
    ikm = next(s for s in kalisat.sel if s.katalog.kode == "ikm")
    alamat = reverse("web:realisasi", args=["kalisat", 2024, ikm.baris.indikator.pk])
    assert f'href="{alamat}"' in halaman
    # Target and realisasi are in the link's text (read on focus), not only in a tooltip.
    assert f"target {ikm.baris.target_teks}" in halaman
    # One year: one scale, no warning.
    satu = bappeda.get(reverse("web:kabupaten_matriks") + "?tahun=2023").content.decode()
    assert 'data-uji="skala-berbeda"' not in satu


@pytest.mark.django_db
def test_matrix_ranking_and_means():
    data = selectors.matriks(tahun=2023)
    dinilai = [b for b in data.baris if b.rata_rata is not None]
    assert [b.peringkat for b in dinilai][0] == 1
    rata = [b.rata_rata.capaian for b in dinilai]
    assert rata == sorted(rata, reverse=True)
    assert all(b.peringkat is None for b in data.baris if b.rata_rata is None)
    ikm = next(i for i, k in enumerate(data.kolom) if k.katalog.kode == "ikm")
    nilai = [b.sel[ikm].baris.hasil.akhir for b in data.baris if b.sel[ikm].baris]
    assert data.kolom[ikm].jumlah == 3
    assert data.kolom[ikm].rata_rata == (sum(nilai) / 3).quantize(Decimal("0.01"))


@pytest.mark.django_db
def test_unconfirmed_mappings_stay_out_of_the_matrix():
    data = selectors.matriks(tahun=2023)
    kencong = next(b for b in data.baris if b.kecamatan.slug == "kencong")
    # Kencong 2023's PK uses the Renstra revision; its IKM there is confirmed, "SKM Aparatur" is not.
    assert data.jumlah_usulan == 1
    assert {s.katalog.kode for s in kencong.sel if s.baris} >= {"ikm"}


@pytest.mark.django_db
def test_the_trend_draws_capaian_and_serapan_per_renstra_year(bappeda):
    titik = selectors.tren(kecamatan=Kecamatan.objects.get(slug="kalisat"))
    assert [t.tahun for t in titik] == list(range(2021, 2027))
    assert next(t for t in titik if t.tahun == 2024).capaian is not None
    halaman = bappeda.get(reverse("web:kabupaten_tren") + "?kecamatan=kalisat").content.decode()
    assert "<svg" in halaman and "Serapan anggaran (%), Kecamatan Kalisat" in halaman
    assert bappeda.get(reverse("web:kabupaten_tren") + "?kecamatan=tidak-ada").status_code == 404
    kabupaten = selectors.tren(kecamatan=None)
    assert kabupaten[0].tahun == 2021 and kabupaten[-1].tahun == 2024


# --- constant queries -------------------------------------------------------------------


@pytest.mark.django_db
def test_dashboard_matrix_and_trend_queries_do_not_grow_with_kecamatan(client, django_assert_num_queries):
    client.force_login(pengguna(Peran.BAPPEDA))
    halaman = [
        reverse("web:kabupaten") + "?tahun=2024",
        reverse("web:kabupaten_matriks") + "?tahun=2024",
        reverse("web:kabupaten_matriks"),
        reverse("web:kabupaten_tren"),
        reverse("web:kabupaten_dasbor_ekspor", args=["xlsx"]) + "?tahun=2024",
        reverse("web:kabupaten_matriks_ekspor", args=["csv"]),
    ]
    kecil = kecamatan_sintetis_buat(jumlah=3, tahun=TAHUN)
    client.get(reverse("web:beranda"))  # the first request after the login saves the session
    hitungan = {}
    for alamat in halaman:
        with CaptureQueriesContext(connection) as kueri:
            assert client.get(alamat).status_code == 200
        hitungan[alamat] = len(kueri)
    kecamatan_sintetis_buat(jumlah=9, tahun=TAHUN, mulai=4)
    assert Kecamatan.objects.filter(sintetis=True).count() == 12 > len(kecil)
    for alamat in halaman:
        with django_assert_num_queries(hitungan[alamat]):
            jawaban = client.get(alamat)
        assert jawaban.status_code == 200
    isi = client.get(halaman[0]).content.decode()
    assert isi.count("Sintetis 0") == 12 and isi.count('class="lencana sintetis"') == 12


@pytest.mark.django_db
def test_the_dashboard_counts_each_kecamatans_review_notes_not_yet_closed(bappeda):
    """Terbuka and ditanggapi notes count, selesai ones do not; the count links to the notes,
    sorts, and is in the export."""
    from reviu import services as reviu_services
    from reviu.models import CatatanReviu

    inspektorat = pengguna(Peran.INSPEKTORAT)
    arjasa, kencong = Kecamatan.objects.get(slug="arjasa"), Kecamatan.objects.get(slug="kencong")
    for isi in ("Target IKU belum sesuai Renstra.", "Lampiran RKT belum ditandatangani."):
        reviu_services.catatan_create(kecamatan=arjasa, tahun=2023, oleh=inspektorat, jenis="tahun", isi=isi)
    selesai = reviu_services.catatan_create(
        kecamatan=kencong, tahun=2023, oleh=inspektorat, jenis="tahun", isi="Sudah diperbaiki."
    )
    reviu_services.catatan_ubah_status(catatan=selesai, oleh=inspektorat, status=CatatanReviu.Status.SELESAI)

    baris = {b.kecamatan.slug: b for b in selectors.dasbor(tahun=2023, urut="catatan", turun=True).baris}
    assert baris["arjasa"].catatan_terbuka == 2
    assert baris["kencong"].catatan_terbuka == 0
    assert next(iter(baris)) == "arjasa"
    halaman = bappeda.get(reverse("web:kabupaten") + "?tahun=2023").content.decode()
    assert f'href="{reverse("web:catatan", args=["arjasa", 2023])}">2</a>' in halaman

    jawaban = bappeda.get(reverse("web:kabupaten_dasbor_ekspor", args=["xlsx"]) + "?tahun=2023")
    lembar = load_workbook(io.BytesIO(jawaban.content)).active
    judul = [sel.value for sel in lembar[1]]
    kolom = judul.index("Catatan reviu terbuka")
    nilai = {r[0].value: r[kolom].value for r in lembar.iter_rows(min_row=2)}
    assert nilai["Arjasa"] == 2 and nilai["Kencong"] == 0
