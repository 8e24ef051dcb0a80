"""The consistency-check page and its summary on the year's home."""

import pytest
from django.urls import reverse

from lkip.accounts.models import Peran
from tests.web.bantuan import pengguna

pytestmark = pytest.mark.django_db


def url(nama: str, slug: str = "kalisat", tahun: int = 2024) -> str:
    return reverse(f"web:{nama}", kwargs={"slug": slug, "tahun": tahun})


def test_page_lists_errors_then_warnings_each_with_a_link_to_fix(client):
    client.force_login(pengguna(Peran.OPERATOR, "pakusari"))
    halaman = client.get(url("periksa", "pakusari", 2021)).content.decode()
    assert "3 galat, 15 peringatan." in halaman
    galat, peringatan = halaman.index('id="judul-galat"'), halaman.index('id="judul-peringatan"')
    assert galat < halaman.index("B (100)") < peringatan
    assert peringatan < halaman.index("berbeda dengan target PK")  # an RKT that differs: a warning
    assert f'href="{url("rkt", "pakusari", 2021)}">Perbaiki</a>' in halaman


def test_page_of_another_kecamatan_is_404_and_reviewers_see_every_kecamatan(client):
    client.force_login(pengguna(Peran.OPERATOR, "kalisat"))
    assert client.get(url("periksa", "arjasa", 2023)).status_code == 404
    client.force_login(pengguna(Peran.INSPEKTORAT))
    halaman = client.get(url("periksa", "arjasa", 2023)).content.decode()
    assert "1 galat, 10 peringatan." in halaman
    assert "LKIP: tanggal penandatanganan belum diisi lengkap." in halaman


def test_an_empty_year_lists_what_is_missing(client):
    client.force_login(pengguna(Peran.BAPPEDA))
    halaman = client.get(url("periksa", "kalisat", 2030)).content.decode()
    assert "Tidak ada temuan" not in halaman  # no PK, no profile: errors, not silence
    assert "Kecamatan Kalisat belum memiliki Perjanjian Kinerja tahun 2030." in halaman
    assert "Profil kecamatan tahun 2030 belum diisi." in halaman


def test_year_home_shows_the_counts_with_a_link(client):
    client.force_login(pengguna(Peran.CAMAT, "kalisat"))
    halaman = client.get(url("tahun")).content.decode()
    assert "Pemeriksaan data" in halaman
    assert "0 galat, 20 peringatan." in halaman
    assert f'href="{url("periksa")}"' in halaman


def test_year_home_without_pk_counts_the_same_findings_as_the_page(client):
    client.force_login(pengguna(Peran.BAPPEDA))
    halaman = client.get(url("tahun", "kalisat", 2030)).content.decode()
    assert "3 galat, 0 peringatan." in halaman
    assert "3 galat, 0 peringatan." in client.get(url("periksa", "kalisat", 2030)).content.decode()
