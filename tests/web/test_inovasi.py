"""The year's innovations and awards: kept as two tables of the profile (edited row by row, with
history), printed in BAB III G where a year has them, and left out where it has none."""

import pytest
from django.urls import reverse

from kecamatan.models import Inovasi, Kecamatan, Penghargaan, ProfilKecamatan
from lkip.accounts.models import Peran
from lkip.laporan.isi import isi_laporan
from lkip.laporan.pdf import html_lkip
from tests.web.bantuan import pengguna
from tests.web.test_profil_tabel import kiriman

pytestmark = pytest.mark.django_db


def alamat(jenis: str) -> str:
    return reverse(f"web:profil_{jenis}", kwargs={"slug": "kalisat", "tahun": 2024})


@pytest.fixture
def operator(client):
    client.force_login(pengguna(Peran.OPERATOR, "kalisat"))
    return client


def _kalisat():
    return Kecamatan.objects.get(slug="kalisat")


def test_the_seeds_innovations_and_awards_are_printed_in_bab_iii_g():
    sumbersari = html_lkip(kecamatan=Kecamatan.objects.get(slug="sumbersari"), tahun=2023)
    assert 'href="#bab-3-g">G. Inovasi dan Penghargaan' in sumbersari
    assert "melaksanakan 8 inovasi yang dilaporkan pada tahun 2023" in sumbersari
    for nama in ("SERULING (Setiap Rabu Muspika Keliling)", "Kapling (Kamis Pelayanan Keliling)",
                 "SK Bupati Nomor 188.45/499/1.12/2022 tanggal 5 Desember 2022", "KIP Awards 2023"):  # fmt: skip
        assert nama in sumbersari
    # Only one award names its giver: the column is printed, empty cells read "–".
    assert "<th>Pemberi</th>" in sumbersari and "<th>Tingkat</th>" not in sumbersari
    kencong = isi_laporan(kecamatan=Kecamatan.objects.get(slug="kencong"), tahun=2023)["bab3"].inovasi
    assert kencong.tabel_inovasi is None  # the seed reports no innovation: a sentence, no table
    assert [p.tingkat for p in kencong.penghargaan] == ["", "", "Kabupaten"]
    assert kencong.kolom_penghargaan == {"tingkat"}
    arjasa = isi_laporan(kecamatan=Kecamatan.objects.get(slug="arjasa"), tahun=2023)["bab3"].inovasi
    assert [i.nama for i in arjasa.inovasi] == ["PELUM ARJASA WORO-WORO"] and arjasa.tabel_penghargaan is None


@pytest.mark.parametrize(("slug", "tahun"), [("kalisat", 2024), ("pakusari", 2021)])
def test_a_year_without_innovation_or_award_prints_no_section_and_no_toc_line(slug, tahun):
    html = html_lkip(kecamatan=Kecamatan.objects.get(slug=slug), tahun=tahun)
    assert "bab-3-g" not in html and "Inovasi dan Penghargaan" not in html


def test_the_operator_adds_an_innovation_and_an_award_and_the_report_numbers_their_tables(operator):
    data = kiriman(operator, "inovasi") | {
        "form-0-nama": "Layanan Keliling Malam",
        "form-0-tahun_mulai": "2023",
        "form-0-dasar_penetapan": "SK Camat Nomor 1/2023",
        "form-0-uraian": "Pelayanan adminduk di balai desa pada malam hari.",
        "form-0-hasil": "Antrean di kantor kecamatan berkurang.",
        "form-0-tautan": "kalisat.jemberkab.go.id/keliling",
    }
    assert operator.post(alamat("inovasi"), data).status_code == 302
    data = kiriman(operator, "penghargaan") | {
        "form-0-nama": "Kecamatan Terbaik Pelayanan PATEN",
        "form-0-pemberi": "Bupati Jember",
        "form-0-tanggal": "2024-08-17",
    }
    assert operator.post(alamat("penghargaan"), data).status_code == 302
    inovasi = Inovasi.objects.get(profil__kecamatan__slug="kalisat")
    assert inovasi.tautan == "https://kalisat.jemberkab.go.id/keliling" and inovasi.tahun_mulai == 2023
    assert (
        inovasi.history.count() == 1
        and Penghargaan.objects.get(profil__kecamatan__slug="kalisat").history.first().history_user.peran
    )
    isi = isi_laporan(kecamatan=_kalisat(), tahun=2024)
    bab = isi["bab3"].inovasi
    assert bab.tabel_inovasi.label.startswith("Tabel 3.") and bab.tabel_penghargaan.judul == (
        "Penghargaan yang Diraih Kecamatan Kalisat Tahun 2024"
    )
    nomor = [t.label for t in isi["daftar"].tabel]
    assert nomor[-2:] == [bab.tabel_inovasi.label, bab.tabel_penghargaan.label]  # numbered after F
    assert isi["daftar"].ada_inovasi
    html = html_lkip(kecamatan=_kalisat(), tahun=2024)
    assert "Sejak 2023<br>SK Camat Nomor 1/2023" in html and "17 Agustus 2024" in html
    riwayat = operator.get(reverse("web:riwayat", kwargs={"slug": "kalisat", "tahun": 2024}))
    assert "Layanan Keliling Malam" in riwayat.content.decode()


def test_bad_rows_are_refused_in_indonesian_and_nothing_is_written(operator):
    data = kiriman(operator, "inovasi") | {
        "form-0-nama": "Inovasi Uji",
        "form-0-tahun_mulai": "20x",
        "form-0-tautan": "bukan alamat",
    }
    jawaban = operator.post(alamat("inovasi"), data)
    halaman = jawaban.content.decode()
    assert jawaban.status_code == 200 and "Masukkan keseluruhan angka bilangan." in halaman
    assert "Masukkan URL yang valid." in halaman
    data = kiriman(operator, "penghargaan") | {"form-0-pemberi": "Bupati", "form-0-tanggal": "31-02-2024"}
    halaman = operator.post(alamat("penghargaan"), data).content.decode()
    assert "Bidang ini tidak boleh kosong." in halaman and "Masukkan tanggal yang valid." in halaman
    profil = ProfilKecamatan.objects.get(kecamatan__slug="kalisat", tahun=2024)
    assert not profil.inovasi.exists() and not profil.penghargaan.exists()


def test_a_year_started_from_the_last_does_not_copy_its_awards(operator):
    """An award is the year's: the next year starts without it (tahun_mulai copies the profile)."""
    from lkip.web.services import tahun_mulai

    profil = ProfilKecamatan.objects.get(kecamatan__slug="kalisat", tahun=2024)
    Penghargaan.objects.create(profil=profil, nama="Juara 1 Lomba Kecamatan Sehat")
    Inovasi.objects.create(profil=profil, nama="Layanan Keliling Malam")
    tahun_mulai(kecamatan=_kalisat(), tahun=2025, oleh=pengguna(Peran.CAMAT, "kalisat"))
    baru = ProfilKecamatan.objects.get(kecamatan__slug="kalisat", tahun=2025)
    assert not baru.penghargaan.exists() and not baru.inovasi.exists()
