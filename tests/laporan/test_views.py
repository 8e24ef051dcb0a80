"""The report on the web: preview and PDF scoped to the user's kecamatan, and the bulk zip
printed by the task worker with its progress page."""

import io
import zipfile

import pytest
from django.urls import reverse

from kecamatan.models import Kecamatan
from lkip.accounts.models import Peran
from lkip.laporan.isi import isi_laporan
from lkip.laporan.models import CetakMassal
from tests.factories import kecamatan_besar
from tests.web.bantuan import pengguna


def masuk(client, peran: str, kecamatan: str | None = None):
    user = pengguna(peran, kecamatan)
    client.force_login(user)
    return user


@pytest.mark.django_db
def test_operator_previews_own_report(client):
    masuk(client, Peran.OPERATOR, "kalisat")
    jawaban = client.get(reverse("laporan:pratinjau", args=["kalisat", 2024]))
    assert jawaban.status_code == 200
    html = jawaban.content.decode()
    assert "BAB III" in html and "AKUNTABILITAS KINERJA" in html
    assert "99,85%" in html
    assert "<svg" in html  # the same server-drawn charts as the PDF


@pytest.mark.django_db
def test_operator_downloads_own_pdf(client):
    masuk(client, Peran.CAMAT, "pakusari")
    jawaban = client.get(reverse("laporan:pdf", args=["pakusari", 2021]))
    assert jawaban.status_code == 200
    assert jawaban["Content-Type"] == "application/pdf"
    assert 'filename="LKIP-2021-pakusari.pdf"' in jawaban["Content-Disposition"]
    assert jawaban.content.startswith(b"%PDF")


@pytest.mark.django_db
@pytest.mark.parametrize("nama", ["laporan:pratinjau", "laporan:pdf"])
def test_another_kecamatans_report_is_404(client, nama):
    masuk(client, Peran.OPERATOR, "kalisat")
    assert client.get(reverse(nama, args=["arjasa", 2023])).status_code == 404


@pytest.mark.django_db
def test_year_without_data_is_404_and_anonymous_must_log_in(client):
    assert client.get(reverse("laporan:pratinjau", args=["kalisat", 2024])).status_code == 302
    masuk(client, Peran.BAPPEDA)
    assert client.get(reverse("laporan:pdf", args=["kalisat", 2019])).status_code == 404


@pytest.mark.django_db
def test_kecamatan_roles_cannot_bulk_print(client):
    masuk(client, Peran.OPERATOR, "kalisat")
    assert client.get(reverse("laporan:cetak_massal")).status_code == 403
    assert client.post(reverse("laporan:cetak_massal"), {"tahun": "2021"}).status_code == 403
    assert not CetakMassal.objects.exists()


@pytest.mark.django_db
def test_bappeda_bulk_prints_a_year_into_one_zip(
    client, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    masuk(client, Peran.BAPPEDA)
    with django_capture_on_commit_callbacks(execute=True):
        mulai = client.post(reverse("laporan:cetak_massal"), {"tahun": "2021"})
    cetak = CetakMassal.objects.get()
    assert mulai.url == reverse("laporan:cetak_massal_status", args=[cetak.pk])
    assert (cetak.status, cetak.jumlah, cetak.selesai) == (CetakMassal.Status.SELESAI, 1, 1)
    jawaban = client.get(mulai.url)
    assert "1 dari 1 laporan (100%)" in jawaban.content.decode()
    sebagian = client.get(
        reverse("laporan:cetak_massal_status", args=[cetak.pk]), headers={"HX-Request": "true"}
    )
    assert "<html" not in sebagian.content.decode() and "Unduh berkas zip" in sebagian.content.decode()
    unduh = client.get(reverse("laporan:cetak_massal_unduh", args=[cetak.pk]))
    with zipfile.ZipFile(io.BytesIO(b"".join(unduh.streaming_content))) as arsip:
        assert arsip.namelist() == ["LKIP-2021-pakusari.pdf"]
        assert arsip.read("LKIP-2021-pakusari.pdf").startswith(b"%PDF")


@pytest.mark.django_db
@pytest.mark.parametrize("tahun", ["", "dua ribu", "1999", "2010"])
def test_bulk_print_refuses_a_bad_year_with_a_message(client, tahun):
    masuk(client, Peran.INSPEKTORAT)
    jawaban = client.post(reverse("laporan:cetak_massal"), {"tahun": tahun}, follow=True)
    assert not CetakMassal.objects.exists()
    assert (
        "Tahun tidak valid" in jawaban.content.decode() or "Belum ada kecamatan" in jawaban.content.decode()
    )


@pytest.mark.django_db
def test_report_content_is_built_in_constant_queries(django_assert_num_queries):
    kecil = kecamatan_besar(slug="kecil", indikator=2, sub_kegiatan=3)
    besar = kecamatan_besar(slug="besar", indikator=25, sub_kegiatan=60)
    # The document's queries (with the innovations, awards, photos and the program and kegiatan
    # indicators), the staff by pangkat and pendidikan, and the letterhead.
    with django_assert_num_queries(42):
        isi_laporan(kecamatan=kecil, tahun=2024)
    with django_assert_num_queries(42):
        isi = isi_laporan(kecamatan=besar, tahun=2024)
    assert len(isi["bab3"].baris) == 25


@pytest.mark.django_db
def test_a_year_with_a_plan_but_no_agreement_still_renders_and_says_what_is_missing(client):
    masuk(client, Peran.OPERATOR, "kalisat")
    html = client.get(reverse("laporan:pratinjau", args=["kalisat", 2021])).content.decode()
    assert "Perjanjian Kinerja Kecamatan Kalisat tahun 2021 belum ditandatangani." in html
    assert "Kecamatan Kalisat belum memiliki Perjanjian Kinerja tahun 2021." in html
    assert "Anggaran Kecamatan Kalisat tahun 2021 tidak memuat program, kegiatan dan sub kegiatan." in html


@pytest.mark.django_db
def test_pk_perubahan_gets_its_own_annex_and_becomes_the_basis(client):
    from perencanaan.models import PerjanjianKinerja, TargetPerjanjian

    murni = PerjanjianKinerja.objects.get(kecamatan__slug="kalisat", tahun=2024)
    perubahan = PerjanjianKinerja.objects.create(
        kecamatan=murni.kecamatan, tahun=2024, versi=2, jenis="perubahan", tempat="Jember",
        pihak_pertama_nama="Drs. RUSDIYANTO, M.Si.", pihak_pertama_jabatan="Camat Kalisat",
        pihak_kedua_nama=murni.pihak_kedua_nama, pihak_kedua_jabatan=murni.pihak_kedua_jabatan,
        pihak_kedua_status="plt",
    )  # fmt: skip
    for t in murni.target.all():
        TargetPerjanjian.objects.create(
            perjanjian=perubahan, indikator=t.indikator, urutan=t.urutan, angka=t.angka, huruf=t.huruf
        )
    ikm = perubahan.target.get(indikator__uraian="Indeks Kepuasan Masyarakat")
    ikm.angka = 86
    ikm.save()
    masuk(client, Peran.OPERATOR, "kalisat")
    html = client.get(reverse("laporan:pratinjau", args=["kalisat", 2024])).content.decode()
    assert "Lampiran 3.1. Perjanjian Kinerja Tahun 2024" in html
    assert "Lampiran 3.2. Perjanjian Kinerja Perubahan Tahun 2024" in html
    assert "Plt. " + murni.pihak_kedua_jabatan.upper() in html  # the acting Bupati signs as Plt.
    assert "dengan target 86 terealisasi 86, sehingga capaian kinerjanya 100,00%" in html


@pytest.mark.django_db
def test_kecamatan_prose_replaces_the_default_and_fills_placeholders(client):
    from lkip.laporan.models import NarasiLaporan

    kalisat = Kecamatan.objects.get(slug="kalisat")
    NarasiLaporan.objects.create(
        kecamatan=kalisat, tahun=2024, bagian="latar_belakang",
        teks="Paragraf pertama {kecamatan} tahun {tahun}.\n\nParagraf kedua untuk {tahun_berikut}.",
    )  # fmt: skip
    masuk(client, Peran.OPERATOR, "kalisat")
    html = client.get(reverse("laporan:pratinjau", args=["kalisat", 2024])).content.decode()
    assert "<p>Paragraf pertama Kecamatan Kalisat tahun 2024.</p>" in html
    assert "<p>Paragraf kedua untuk 2025.</p>" in html
    assert "Terselenggaranya tata kelola pemerintahan yang baik" not in html
    assert "Penyusunan Laporan Kinerja Kecamatan Kalisat dimaksudkan" in html  # other sections keep defaults


@pytest.mark.django_db
def test_a_queued_bulk_print_says_how_many_reports_wait(client):
    masuk(client, Peran.BAPPEDA)
    jawaban = client.post(reverse("laporan:cetak_massal"), {"tahun": "2023"}, follow=True)  # not yet run
    assert "Menunggu giliran</strong> — 3 laporan akan dicetak" in jawaban.content.decode()
