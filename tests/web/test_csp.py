"""The pages work under a strict Content-Security-Policy (this site only, nothing inline) and
carry a Permissions-Policy. A real browser loads the realisasi page from a server running the
production settings and sees the live preview update with no policy violation."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.urls import reverse

from lkip.accounts.models import Peran
from tests.web.bantuan import indikator_pk, pengguna

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
SANDI = "sakip-demo-2026"

# An inline <script> (one without src), a <style> element, a style="" attribute, an on*= handler
# or a javascript: link: each is refused by the policy.
SEBARIS = re.compile(
    r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle\s*=|\son[a-z]+\s*=|javascript:", re.IGNORECASE
)


def test_no_template_has_an_inline_script_style_or_handler():
    temuan = [
        f"{berkas.relative_to(ROOT)}: {m.group(0)}"
        for berkas in sorted((ROOT / "templates").rglob("*.html"))
        for m in SEBARIS.finditer(berkas.read_text(encoding="utf-8"))
    ]
    assert temuan == []


@pytest.mark.django_db
def test_every_page_sends_a_self_only_policy_and_a_permissions_policy(client):
    client.force_login(pengguna(Peran.OPERATOR, "kalisat"))
    indikator = indikator_pk("kalisat", 2024)[0]
    for alamat in [
        reverse("login"),
        reverse("web:tahun", kwargs={"slug": "kalisat", "tahun": 2024}),
        reverse("web:realisasi", kwargs={"slug": "kalisat", "tahun": 2024, "indikator_id": indikator.pk}),
        reverse("laporan:pratinjau", kwargs={"slug": "kalisat", "tahun": 2024}),
        "/tidak-ada/",
    ]:
        jawaban = client.get(alamat)
        kebijakan = dict(
            bagian.strip().split(" ", 1) for bagian in jawaban["Content-Security-Policy"].split(";")
        )
        assert kebijakan["default-src"] == "'self'", alamat
        assert kebijakan["script-src"] == "'self'" and kebijakan["style-src"] == "'self'", alamat
        assert kebijakan["frame-ancestors"] == "'none'" and kebijakan["object-src"] == "'none'"
        assert "unsafe" not in jawaban["Content-Security-Policy"]
        assert "camera=()" in jawaban["Permissions-Policy"]
        assert "geolocation=()" in jawaban["Permissions-Policy"]


@pytest.mark.django_db
def test_htmx_is_told_not_to_inject_its_inline_indicator_style(client):
    client.force_login(pengguna(Peran.OPERATOR, "kalisat"))
    halaman = client.get(reverse("web:tahun", kwargs={"slug": "kalisat", "tahun": 2024})).content.decode()
    assert """<meta name="htmx-config" content='{"includeIndicatorStyles": false""" in halaman


# --- in a real browser, against the production settings --------------------------------


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server_produksi(tmp_path_factory, statis_produksi):
    tmp = tmp_path_factory.mktemp("lkip-csp")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lkip.settings.production",
        "DJANGO_SECRET_KEY": "uji-csp-bukan-rahasia-" + "x" * 40,
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
        "DJANGO_MEDIA_ROOT": str(tmp / "media"),
        "DJANGO_STATIC_ROOT": str(statis_produksi),
        "LKIP_DEMO_PASSWORD": SANDI,
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    fixtures = sorted(str(p) for p in (ROOT / "fixtures" / "kecamatan").glob("*.json"))
    for perintah in (["migrate", "--noinput", "-v0"], ["muat_kecamatan", *fixtures], ["buat_akun_demo"]):
        subprocess.run([*manage, *perintah], env=env, check=True, capture_output=True, cwd=ROOT)
    port = _port_bebas()
    # Static files come from WhiteNoise under their hashed names, as under gunicorn.
    proses = subprocess.Popen(
        [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    # localhost: the browser keeps the production's Secure cookies there without TLS.
    alamat = f"http://localhost:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{alamat}/akun/masuk/", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    yield alamat
    proses.terminate()
    proses.wait(timeout=10)


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium Debian (/usr/bin/chromium) tidak terpasang")
def test_the_realisasi_page_works_under_the_production_policy(server_produksi):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"],
        )  # fmt: skip
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        page.set_default_timeout(15000)
        konsol: list[str] = []
        page.on("console", lambda pesan: konsol.append(f"{pesan.type}: {pesan.text}"))
        page.on("pageerror", lambda galat: konsol.append(f"pageerror: {galat}"))
        page.on("response", lambda r: r.status >= 400 and konsol.append(f"http {r.status}: {r.url}"))

        # Any violation also fires this event; collect them on every page loaded.
        page.add_init_script(
            "window.__pelanggaran = []; document.addEventListener('securitypolicyviolation',"
            " e => window.__pelanggaran.push(e.violatedDirective + ' ' + e.blockedURI))"
        )
        pelanggaran: list[str] = []

        def periksa() -> None:
            pelanggaran.extend(page.evaluate("window.__pelanggaran"))

        page.goto(f"{server_produksi}/akun/masuk/")
        page.locator("#id_username").fill("operator")
        page.locator("#id_password").fill(SANDI)
        page.get_by_role("button", name="Masuk").click()
        page.wait_for_url("**/k/kalisat/2024/")
        periksa()

        with page.expect_response(re.compile(r"/realisasi/\d+/$")) as halaman:
            page.locator("table.capaian tbody a").first.click()
        kebijakan = halaman.value.header_value("content-security-policy")
        assert "default-src 'self'" in kebijakan and "script-src 'self'" in kebijakan
        assert "camera=()" in halaman.value.header_value("permissions-policy")

        page.get_by_label("Status").select_option("terisi")
        for t in ("I", "II", "III", "IV"):
            page.get_by_label(f"Triwulan {t}", exact=True).fill("")
        nilai = page.get_by_label("Realisasi tahunan", exact=True)
        for teks in ("0,0001", "1.000.000"):
            with page.expect_response(re.compile(r"/pratinjau/$")):
                nilai.fill(teks)
            page.wait_for_function(
                "t => document.querySelector('[data-uji=realisasi]').textContent.trim() === t", arg=teks
            )
        assert page.locator('[data-uji="capaian"]').text_content().strip() not in ("", "–")

        periksa()

        nilai.fill("12,34")
        page.get_by_role("button", name="Simpan realisasi").click()
        assert page.get_by_text("tersimpan").is_visible()
        periksa()
        browser.close()
    assert pelanggaran == []
    assert [k for k in konsol if "Content Security Policy" in k or k.startswith(("error", "pageerror"))] == []
