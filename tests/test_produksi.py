"""The production settings: a 500 is logged with its traceback to stderr and answered with
the Indonesian error page under the same Content-Security-Policy as every page."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# A view that fails, served by the production settings without any database.
SKRIP = """
import django
django.setup()
from lkip.web.views import akun

def rusak(request):
    raise RuntimeError("uji kesalahan server")

def ditolak(request):
    from django.core.exceptions import PermissionDenied

    raise PermissionDenied

akun.masuk = rusak
akun.ganti_sandi = ditolak
from django.test import Client

klien = Client(raise_request_exception=False)
klien.get("/akun/sandi/", HTTP_HOST="localhost")
jawaban = klien.get("/akun/masuk/", HTTP_HOST="localhost")
print(jawaban.status_code)
print(jawaban["Content-Security-Policy"])
print(jawaban.content.decode())
"""


def _jalankan() -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lkip.settings.production",
        "DJANGO_SECRET_KEY": "uji-produksi-bukan-rahasia",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": "sqlite://:memory:",
    }
    return subprocess.run(
        [sys.executable, "-c", SKRIP], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60
    )


def test_production_logs_a_500_with_its_traceback_to_stderr_and_shows_the_indonesian_page():
    hasil = _jalankan()
    assert hasil.returncode == 0, hasil.stderr
    status, kebijakan, halaman = hasil.stdout.split("\n", 2)
    assert status == "500"
    assert "Terjadi kesalahan di server" in halaman and '<html lang="id">' in halaman
    assert "SAKIP Kecamatan" in halaman  # the app's layout
    assert "default-src 'self'" in kebijakan
    assert "ERROR django.request" in hasil.stderr
    assert "Internal Server Error: /akun/masuk/" in hasil.stderr
    assert "Traceback (most recent call last)" in hasil.stderr
    assert "RuntimeError: uji kesalahan server" in hasil.stderr
    # A refused request is one line, without a traceback of its own.
    assert (
        "WARNING django.request" in hasil.stderr
        and "Forbidden (Permission denied): /akun/sandi/" in hasil.stderr
    )
    assert hasil.stderr.count("Traceback") == 1
