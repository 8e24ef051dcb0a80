"""The production settings: static files through WhiteNoise under hashed names; a 500 is logged with its traceback to stderr and answered with
the Indonesian error page under the same Content-Security-Policy as every page."""

import gzip
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

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


def _jalankan(statis: Path) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lkip.settings.production",
        "DJANGO_SECRET_KEY": "uji-produksi-bukan-rahasia",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": "sqlite://:memory:",
        "DJANGO_STATIC_ROOT": str(statis),
    }
    return subprocess.run(
        [sys.executable, "-c", SKRIP], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60
    )


def test_production_logs_a_500_with_its_traceback_to_stderr_and_shows_the_indonesian_page(statis_produksi):
    hasil = _jalankan(statis_produksi)
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


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ambil(alamat: str, **kepala: str) -> tuple[int, dict[str, str], bytes]:
    permintaan = urllib.request.Request(alamat, headers={"Host": "localhost", **kepala})
    try:
        jawaban = urllib.request.urlopen(permintaan, timeout=10)
    except urllib.error.HTTPError as galat:
        jawaban = galat
    with jawaban:
        return jawaban.status, dict(jawaban.headers.items()), jawaban.read()


def test_gunicorn_serves_the_hashed_compressed_static_files_through_whitenoise(statis_produksi, tmp_path):
    """`make serve`'s web process: the page names the stylesheet by its content hash, and that
    name is served compressed and cacheable for a year; the unhashed name is not kept."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lkip.settings.production",
        "DJANGO_SECRET_KEY": "uji-gunicorn-bukan-rahasia-" + "x" * 40,
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DJANGO_STATIC_ROOT": str(statis_produksi),
        "GUNICORN_WORKERS": "1",
    }
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "migrate", "--noinput", "-v0"],
        env=env, cwd=ROOT, check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    port = _port_bebas()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "lkip.wsgi", "--config", str(ROOT / "deploy" / "gunicorn.conf.py"),
         "--bind", f"127.0.0.1:{port}"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    alamat = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                status, _kepala, halaman = _ambil(f"{alamat}/akun/masuk/")
                break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()
                time.sleep(0.1)
        assert status == 200
        css = re.search(r'href="(/static/css/web\.[0-9a-f]{12}\.css)"', halaman.decode())
        assert css, "the login page names its stylesheet by content hash"
        status, kepala, isi = _ambil(alamat + css.group(1), **{"Accept-Encoding": "gzip"})
        assert status == 200 and kepala["Content-Encoding"] == "gzip"
        assert "immutable" in kepala["Cache-Control"] and "max-age=315360000" in kepala["Cache-Control"]
        assert b"body" in gzip.decompress(isi)
        assert _ambil(f"{alamat}/static/css/web.css")[0] == 404
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.django_db
def test_a_pdf_is_laid_out_with_the_production_static_names(statis_produksi, settings, tmp_path):
    """Under the manifest the report links ``lkip.<hash>.css``; the PDF renderer must still find it
    (and its fonts) in STATIC_ROOT, not refuse it."""
    settings.STATIC_ROOT = statis_produksi
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    from kecamatan.models import Kecamatan
    from lkip.laporan.pdf import html_lkip, pdf_dari_html

    html = html_lkip(kecamatan=Kecamatan.objects.get(slug="arjasa"), tahun=2023)
    assert re.search(r"/static/laporan/lkip\.[0-9a-f]{12}\.css", html)
    pdf = pdf_dari_html(html)
    berkas = tmp_path / "lkip.pdf"
    berkas.write_bytes(pdf)
    teks = subprocess.run(["pdftotext", berkas, "-"], capture_output=True, check=True, text=True).stdout
    huruf = subprocess.run(["pdffonts", berkas], capture_output=True, check=True, text=True).stdout
    # The stylesheet applied: its running footer numbers the body pages.
    assert "AKUNTABILITAS KINERJA" in teks and re.search(r"Halaman (\d+) dari \1\b", teks)
    assert "Liberation-Sans-Bold" in huruf and "Liberation-Sans-Italic" in huruf  # its bundled fonts
