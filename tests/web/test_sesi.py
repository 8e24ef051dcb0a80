"""A session's idle clock slides with use, but an unchanged session is written at most once a
minute: the pages of a busy server do not each rewrite (and commit) the session row."""

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lkip.accounts.models import Peran
from lkip.web import middleware
from tests.web.bantuan import pengguna

pytestmark = pytest.mark.django_db

BERANDA = reverse("web:tahun", kwargs={"slug": "kalisat", "tahun": 2024})


def tulis_sesi(client, alamat: str = BERANDA) -> list[str]:
    with CaptureQueriesContext(connection) as q:
        assert client.get(alamat).status_code == 200
    return [x["sql"] for x in q.captured_queries if "django_session" in x["sql"] and "SELECT" not in x["sql"]]


def kedaluwarsa(client):
    return Session.objects.get(session_key=client.cookies["sessionid"].value).expire_date


def test_an_unchanged_session_is_renewed_at_most_once_a_minute(client, monkeypatch):
    client.force_login(pengguna(Peran.OPERATOR, "kalisat"))
    assert len(tulis_sesi(client)) == 1  # the first page stamps the login's session
    awal = kedaluwarsa(client)
    assert tulis_sesi(client) == []
    assert tulis_sesi(client) == []
    assert kedaluwarsa(client) == awal

    sekarang = middleware.time.time()
    monkeypatch.setattr(middleware.time, "time", lambda: sekarang + 61)
    (tulis,) = tulis_sesi(client)
    assert tulis.startswith("UPDATE")
    assert kedaluwarsa(client) > awal  # eight hours from now again
    assert tulis_sesi(client) == []


def test_logging_out_still_ends_the_session_at_once(client):
    client.force_login(pengguna(Peran.OPERATOR, "kalisat"))
    tulis_sesi(client)
    with CaptureQueriesContext(connection) as q:
        assert client.post(reverse("logout")).status_code == 302
    assert any("DELETE" in x["sql"] and "django_session" in x["sql"] for x in q.captured_queries)
    assert not Session.objects.exists()


def test_an_anonymous_visit_creates_no_session(client):
    assert client.get(reverse("login")).status_code == 200
    assert not Session.objects.exists()
    assert "sessionid" not in client.cookies
