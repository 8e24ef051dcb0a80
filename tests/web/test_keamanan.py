"""Accounts and security basics: login in Indonesian, lockout, session expiry, CSRF on every
form including the live preview, and the demo accounts."""

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from lkip.accounts.models import Peran, User
from tests.web.bantuan import SANDI, indikator_pk, pengguna

pytestmark = pytest.mark.django_db


def test_login_page_is_in_indonesian_with_labels(client):
    halaman = client.get(reverse("login")).content.decode()
    assert '<html lang="id">' in halaman
    assert "Masuk" in halaman and 'for="id_username"' in halaman and 'for="id_password"' in halaman


def test_operator_logs_in_and_lands_on_the_latest_year_of_the_own_kecamatan(client):
    pengguna(Peran.OPERATOR, "kalisat", nama="op")
    jawaban = client.post(reverse("login"), {"username": "op", "password": SANDI}, follow=True)
    assert jawaban.redirect_chain[-1][0] == reverse("web:tahun", kwargs={"slug": "kalisat", "tahun": 2024})
    assert "Kecamatan Kalisat" in jawaban.content.decode()


def test_bappeda_lands_on_the_list_of_every_kecamatan(client):
    client.force_login(pengguna(Peran.BAPPEDA))
    halaman = client.get(reverse("web:beranda")).content.decode()
    for nama in ["Arjasa", "Kalisat", "Kencong", "Pakusari", "Sumbersari"]:
        assert nama in halaman


def test_wrong_password_message_is_in_indonesian(client):
    pengguna(Peran.OPERATOR, "kalisat", nama="op")
    halaman = client.post(reverse("login"), {"username": "op", "password": "salah"}).content.decode()
    assert "Nama pengguna atau kata sandi salah" in halaman


def test_login_is_locked_after_repeated_failures_even_with_the_right_password(client):
    pengguna(Peran.OPERATOR, "kalisat", nama="op")
    for _ in range(django_settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "op", "password": "salah"})
    terkunci = client.post(reverse("login"), {"username": "op", "password": SANDI})
    assert terkunci.status_code == 429
    assert "dikunci sementara" in terkunci.content.decode()
    assert "_auth_user_id" not in client.session


def test_logout_is_a_post_and_ends_the_session(client):
    client.force_login(pengguna(Peran.OPERATOR, "kalisat"))
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("web:beranda")).status_code == 302


def test_password_change(client):
    user = pengguna(Peran.CAMAT, "kalisat")
    client.force_login(user)
    jawaban = client.post(
        reverse("password_change"),
        {"old_password": SANDI, "new_password1": "kinerja-baru-2027!", "new_password2": "kinerja-baru-2027!"},
    )
    assert jawaban.status_code == 302
    user.refresh_from_db()
    assert user.check_password("kinerja-baru-2027!")


def test_sessions_expire():
    assert django_settings.SESSION_COOKIE_AGE <= 12 * 60 * 60
    assert django_settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


@pytest.mark.parametrize("nama", ["web:realisasi", "web:realisasi_pratinjau", "web:bukti_tambah"])
def test_csrf_is_required_on_every_form_including_the_live_preview(nama):
    klien = Client(enforce_csrf_checks=True)
    klien.force_login(pengguna(Peran.OPERATOR, "kalisat"))
    indikator = indikator_pk("kalisat", 2024)[0]
    alamat = reverse(nama, kwargs={"slug": "kalisat", "tahun": 2024, "indikator_id": indikator.pk})
    assert klien.post(alamat, {"status": "terisi", "nilai": "90"}).status_code == 403
    halaman = klien.get(
        reverse("web:realisasi", kwargs={"slug": "kalisat", "tahun": 2024, "indikator_id": indikator.pk})
    )
    token = halaman.cookies["csrftoken"].value
    # htmx sends the token in a header on every partial update (hx-headers on <body>).
    assert 'hx-headers=\'{"X-CSRFToken": "' in halaman.content.decode()
    assert (
        klien.post(alamat, {"status": "terisi", "nilai": "90"}, headers={"X-CSRFToken": token}).status_code
        != 403
    )


def test_demo_accounts_one_per_role(capsys):
    call_command("buat_akun_demo")
    keluaran = capsys.readouterr().out
    for peran in Peran:
        user = User.objects.get(peran=peran, username=peran.value)
        assert user.check_password("sakip-demo-2026")
        assert f"nama pengguna: {user.username}" in keluaran
    assert User.objects.get(username="operator").kecamatan.slug == "kalisat"
    assert User.objects.get(username="camat").kecamatan.slug == "kalisat"
    assert User.objects.get(username="admin").is_superuser
