"""Accounts: a new user has no role and no access; a kecamatan user writes only the years of a
Renstra in force; password change has the login's attempt limit; behind the production proxy
the lockout keys on the client's own address, so nobody can lock a named Camat out."""

import importlib

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse

from capaian.models import Realisasi, SkalaTahun
from kecamatan.models import AlurLaporan, PengesahanData, ProfilKecamatan
from lkip.accounts.models import Peran, User
from perencanaan.models import RencanaKinerjaTahunan
from tests.web.bantuan import SANDI, indikator_pk, pengguna

pytestmark = pytest.mark.django_db

BATAS = django_settings.AXES_FAILURE_LIMIT


# --- a new user ------------------------------------------------------------------------


def test_a_new_user_has_no_role():
    user = User.objects.create_user("baru", password=SANDI)
    assert user.peran == ""
    assert not user.is_peran_kecamatan and not user.is_peran_kabupaten


@pytest.mark.parametrize(
    "alamat",
    [
        reverse("web:beranda"),
        reverse("web:tahun", kwargs={"slug": "kalisat", "tahun": 2024}),
        reverse("laporan:pratinjau", kwargs={"slug": "kalisat", "tahun": 2024}),
        reverse("laporan:cetak_massal"),
    ],
)
def test_a_user_without_a_role_sees_nothing_and_is_told_why(client, alamat):
    client.force_login(User.objects.create_user("baru", password=SANDI))
    jawaban = client.get(alamat)
    assert jawaban.status_code == 403
    halaman = jawaban.content.decode()
    assert "Kalisat" not in halaman
    assert "baru · belum ada peran" in halaman
    if alamat != reverse("laporan:cetak_massal"):
        assert "belum diberi peran" in halaman


def test_the_admin_add_form_does_not_preselect_a_role(client):
    client.force_login(User.objects.create_superuser("akar", "akar@example.org", SANDI, peran=Peran.ADMIN))
    halaman = client.get(reverse("admin:accounts_user_add")).content.decode()
    awal = halaman.index('name="peran"')
    pilihan = halaman[awal : halaman.index("</select>", awal)]
    assert '<option value="" selected>' in pilihan
    assert '<option value="admin" selected>' not in pilihan


def test_the_admin_saves_a_new_user_without_a_role(client):
    client.force_login(User.objects.create_superuser("akar", "akar@example.org", SANDI, peran=Peran.ADMIN))
    data = {"username": "staf-baru", "password1": "kinerja-baru-2027!", "password2": "kinerja-baru-2027!"}
    data |= {"usable_password": "true", "peran": "", "kecamatan": ""}
    assert client.post(reverse("admin:accounts_user_add"), data).status_code == 302
    assert User.objects.get(username="staf-baru").peran == ""


# --- years a kecamatan user may write --------------------------------------------------


@pytest.fixture
def operator(client):
    client.force_login(pengguna(Peran.OPERATOR, "kalisat"))
    return client


def _profil(tahun: int) -> str:
    return reverse("web:profil", kwargs={"slug": "kalisat", "tahun": tahun})


def test_a_save_for_a_year_outside_the_renstra_is_refused_and_the_landing_page_stays(operator):
    jawaban = operator.post(_profil(2100), {"versi": "baru", "luas_wilayah": "10", "jumlah_penduduk": "5"})
    assert jawaban.status_code == 403
    halaman = jawaban.content.decode()
    assert "Tahun 2100 di luar periode Renstra Kecamatan Kalisat (2021–2026)" in halaman
    assert not ProfilKecamatan.objects.filter(kecamatan__slug="kalisat", tahun=2100).exists()
    assert operator.get(reverse("web:beranda")).url == reverse(
        "web:tahun", kwargs={"slug": "kalisat", "tahun": 2024}
    )


@pytest.mark.parametrize("nama", ["web:realisasi", "web:bukti_tambah", "web:narasi", "web:rkt_buat"])
def test_every_write_for_a_year_outside_the_renstra_is_refused(operator, nama):
    SkalaTahun.objects.create(tahun=2031, skala=SkalaTahun.objects.get(tahun=2024).skala)
    indikator = indikator_pk("kalisat", 2024)[0]
    lain = {"indikator_id": indikator.pk} if nama in ("web:realisasi", "web:bukti_tambah") else {}
    alamat = reverse(nama, kwargs={"slug": "kalisat", "tahun": 2031, **lain})
    data = {"versi": "baru", "status": "terisi", "nilai": "90", "tautan": "https://contoh.go.id/bukti"}
    jawaban = operator.post(alamat, data)
    assert jawaban.status_code == 403
    assert "di luar periode Renstra" in jawaban.content.decode()
    assert not Realisasi.objects.filter(indikator=indikator, tahun=2031).exists()
    assert not RencanaKinerjaTahunan.objects.filter(kecamatan__slug="kalisat", tahun=2031).exists()


def test_the_camat_cannot_sign_off_a_year_outside_the_renstra(client):
    client.force_login(pengguna(Peran.CAMAT, "kalisat"))
    jawaban = client.post(reverse("web:alur", kwargs={"slug": "kalisat", "tahun": 2100}), {"aksi": "ajukan"})
    assert jawaban.status_code == 403
    assert not PengesahanData.objects.filter(kecamatan__slug="kalisat", tahun=2100).exists()
    assert not AlurLaporan.objects.filter(kecamatan__slug="kalisat", tahun=2100).exists()


def test_years_outside_the_renstra_can_still_be_read(operator):
    assert operator.get(_profil(2100)).status_code == 200


def test_years_inside_the_renstra_are_still_written(operator):
    halaman = operator.get(reverse("web:narasi", kwargs={"slug": "kalisat", "tahun": 2026}))
    versi = halaman.context["form"].initial["versi"]
    jawaban = operator.post(
        reverse("web:narasi", kwargs={"slug": "kalisat", "tahun": 2026}),
        {"versi": versi, "latar_belakang": "Teks kecamatan sendiri."},
    )
    assert jawaban.status_code == 302


def test_an_administrator_may_still_prepare_a_year_outside_the_renstra(client):
    client.force_login(pengguna(Peran.ADMIN))
    jawaban = client.post(_profil(2031), {"versi": "baru", "luas_wilayah": "10", "jumlah_penduduk": "5"})
    assert jawaban.status_code != 403


# --- password change attempt limit -----------------------------------------------------


def _ganti(klien: Client, lama: str, **meta) -> int:
    baru = "kinerja-baru-2027!"
    data = {"old_password": lama, "new_password1": baru, "new_password2": baru}
    return klien.post(reverse("password_change"), data, **meta).status_code


def test_password_change_is_locked_after_repeated_wrong_passwords_even_with_the_right_one(client):
    user = pengguna(Peran.CAMAT, "kalisat")
    client.force_login(user)
    for _ in range(BATAS - 1):
        assert _ganti(client, "salah") == 200
    assert _ganti(client, "salah") == 429
    jawaban = client.post(
        reverse("password_change"),
        {"old_password": SANDI, "new_password1": "kinerja-baru-2027!", "new_password2": "kinerja-baru-2027!"},
    )
    assert jawaban.status_code == 429
    assert "dikunci sementara" in jawaban.content.decode()
    user.refresh_from_db()
    assert user.check_password(SANDI)


def test_the_password_change_lock_is_keyed_by_the_address(client):
    user = pengguna(Peran.CAMAT, "kalisat")
    client.force_login(user)
    for _ in range(BATAS):
        _ganti(client, "salah", REMOTE_ADDR="203.0.113.9")
    assert _ganti(client, SANDI, REMOTE_ADDR="198.51.100.7") == 302


# --- lockout behind the production proxy -----------------------------------------------

PROXY = "10.0.0.2"
PENYERANG = "203.0.113.9"
CAMAT = "198.51.100.7"


@pytest.fixture
def di_balik_proxy(settings):
    settings.LKIP_HEADER_ALAMAT_KLIEN = "HTTP_X_FORWARDED_FOR"
    settings.LKIP_JUMLAH_PROXY = 1


def _masuk(sandi: str, diteruskan: str) -> int:
    return (
        Client()
        .post(
            reverse("login"),
            {"username": "camat", "password": sandi},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=diteruskan,
        )
        .status_code
    )


@pytest.mark.usefixtures("di_balik_proxy")
def test_behind_the_proxy_one_person_cannot_lock_a_named_camat_out():
    pengguna(Peran.CAMAT, "kalisat", nama="camat")
    for _ in range(BATAS + 2):
        _masuk("tebakan", PENYERANG)
    assert _masuk(SANDI, PENYERANG) == 429
    assert _masuk(SANDI, CAMAT) == 302


@pytest.mark.usefixtures("di_balik_proxy")
def test_a_forged_forwarded_address_does_not_move_the_lock_onto_the_camat():
    """The proxy appends the address it saw; an address the client sent in front is ignored."""
    pengguna(Peran.CAMAT, "kalisat", nama="camat")
    for _ in range(BATAS + 2):
        _masuk("tebakan", f"{CAMAT}, {PENYERANG}")
    assert _masuk(SANDI, CAMAT) == 302
    assert _masuk(SANDI, f"{CAMAT}, {PENYERANG}") == 429


def test_production_reads_the_client_address_from_the_proxy_header(monkeypatch):
    monkeypatch.setenv("DJANGO_SECRET_KEY", "uji-produksi")
    produksi = importlib.import_module("lkip.settings.production")
    assert produksi.LKIP_HEADER_ALAMAT_KLIEN == "HTTP_X_FORWARDED_FOR"
    assert produksi.LKIP_JUMLAH_PROXY == 1
    assert produksi.AXES_CLIENT_IP_CALLABLE == "lkip.accounts.klien.alamat_klien"
    assert produksi.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
