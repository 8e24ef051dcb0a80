"""Error pages are in Indonesian, in the app's layout, and say what to do next."""

import pytest
from django.test import Client
from django.urls import reverse

from lkip.accounts.models import Peran
from tests.web.bantuan import indikator_pk, pengguna

pytestmark = pytest.mark.django_db


def _tata_letak(halaman: str) -> None:
    assert '<html lang="id">' in halaman
    assert 'class="merek"' in halaman and "css/web.css" in halaman
    assert "Kembali ke beranda" in halaman


def test_an_unknown_address_gets_the_indonesian_404_page(client):
    client.force_login(pengguna(Peran.OPERATOR, "kalisat"))
    jawaban = client.get("/tidak-ada/")
    assert jawaban.status_code == 404
    halaman = jawaban.content.decode()
    _tata_letak(halaman)
    assert "Halaman tidak ditemukan" in halaman
    assert "Not Found" not in halaman


def test_another_kecamatans_page_is_the_same_404_with_nothing_of_it_shown(client):
    client.force_login(pengguna(Peran.OPERATOR, "kalisat"))
    jawaban = client.get(reverse("web:tahun", kwargs={"slug": "arjasa", "tahun": 2023}))
    assert jawaban.status_code == 404
    halaman = jawaban.content.decode()
    assert "Halaman tidak ditemukan" in halaman and "Arjasa" not in halaman


def test_a_refused_write_gets_the_indonesian_403_page(client):
    client.force_login(pengguna(Peran.BAPPEDA))
    indikator = indikator_pk("kalisat", 2024)[0]
    alamat = reverse("web:realisasi", kwargs={"slug": "kalisat", "tahun": 2024, "indikator_id": indikator.pk})
    jawaban = client.post(alamat, {"status": "terisi", "nilai": "90"})
    assert jawaban.status_code == 403
    halaman = jawaban.content.decode()
    _tata_letak(halaman)
    assert "Akses ditolak" in halaman and "tidak berhak" in halaman
    assert "403 Forbidden" not in halaman


def test_a_form_without_its_csrf_token_gets_the_indonesian_page():
    klien = Client(enforce_csrf_checks=True)
    klien.force_login(pengguna(Peran.OPERATOR, "kalisat"))
    jawaban = klien.post(reverse("web:narasi", kwargs={"slug": "kalisat", "tahun": 2024}), {"versi": "baru"})
    assert jawaban.status_code == 403
    halaman = jawaban.content.decode()
    _tata_letak(halaman)
    assert "Formulir tidak dapat diterima" in halaman
    assert "CSRF verification failed" not in halaman
