"""In a real browser (Debian's Chromium through Playwright): log in, enter a year's realisasi,
watch capaian and predikat change while typing, save, upload evidence; on a laptop and a phone.

The app runs in its own server process on a throwaway SQLite database loaded like the demo
(``make data``), so the browser sees committed data and the suite's database is untouched.
Screenshots go to ``LKIP_SCREENSHOT_DIR`` (default: a temporary directory)."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
SANDI = "sakip-demo-2026"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium Debian (/usr/bin/chromium) tidak terpasang"),
]


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("lkip-browser")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lkip.settings.local",
        "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
        "DJANGO_MEDIA_ROOT": str(tmp / "media"),
        "LKIP_DEMO_PASSWORD": SANDI,
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    fixtures = sorted(str(p) for p in (ROOT / "fixtures" / "kecamatan").glob("*.json"))
    for perintah in (["migrate", "--noinput", "-v0"], ["muat_kecamatan", *fixtures], ["buat_akun_demo"]):
        subprocess.run([*manage, *perintah], env=env, check=True, capture_output=True, cwd=ROOT)
    port = _port_bebas()
    proses = subprocess.Popen(
        [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    alamat = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{alamat}/akun/masuk/", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    yield alamat
    proses.terminate()
    proses.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"],
        )  # fmt: skip
        yield b
        b.close()


@pytest.fixture(scope="module")
def layar(tmp_path_factory) -> Path:
    folder = os.environ.get("LKIP_SCREENSHOT_DIR")
    path = Path(folder) if folder else tmp_path_factory.mktemp("layar")
    path.mkdir(parents=True, exist_ok=True)
    return path


def masuk(page, server: str, nama: str = "operator") -> None:
    page.goto(f"{server}/akun/masuk/")
    page.set_default_timeout(15000)
    page.locator("#id_username").fill(nama)
    page.locator("#id_password").fill(SANDI)
    page.get_by_role("button", name="Masuk").click()


@pytest.mark.parametrize(("ukuran", "lebar", "tinggi"), [("laptop", 1366, 900), ("ponsel", 390, 844)])
def test_operator_enters_realisasi_sees_capaian_change_and_uploads_evidence(
    server, browser, layar, tmp_path, ukuran, lebar, tinggi
):
    page = browser.new_page(viewport={"width": lebar, "height": tinggi})
    masuk(page, server)
    page.wait_for_url("**/k/kalisat/2024/")
    assert "Kecamatan Kalisat" in page.locator("h1").text_content()
    page.screenshot(path=layar / f"beranda-{ukuran}.png", full_page=True)

    page.locator("table.capaian tbody a").first.click()
    page.wait_for_url("**/realisasi/*/")
    predikat = page.locator('[data-uji="predikat"]')
    capaian = page.locator('[data-uji="capaian"]')

    nilai = page.get_by_label("Realisasi tahunan", exact=True)
    for t in (1, 2, 3, 4):
        page.get_by_label(f"Triwulan {'I' * t if t < 4 else 'IV'}", exact=True).fill("")
    page.get_by_label("Status").select_option("terisi")

    def ketik(teks: str) -> tuple[str, str]:
        """Type a realisasi and wait for the server's scoring of it."""
        nilai.fill(teks)
        page.wait_for_function(
            "t => document.querySelector('[data-uji=realisasi]').textContent.trim() === t", arg=teks
        )
        return capaian.text_content().strip(), predikat.text_content().strip()

    rendah = ketik("0,0001")
    tinggi_ = ketik("1.000.000")
    assert rendah != tinggi_ and rendah[1] != tinggi_[1], (rendah, tinggi_)
    page.screenshot(path=layar / f"realisasi-{ukuran}.png", full_page=True)

    nilai.fill("12,34")
    page.get_by_role("button", name="Simpan realisasi").click()
    page.get_by_text("tersimpan").wait_for()  # waits for the redirect after the save
    assert page.get_by_label("Realisasi tahunan", exact=True).input_value() == "12,34"

    bukti = tmp_path / f"bukti-{ukuran}.pdf"
    bukti.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    page.get_by_label("Berkas").set_input_files(str(bukti))
    page.get_by_label("Keterangan").fill(f"Notulen {ukuran}")
    page.get_by_role("button", name="Tambah bukti").click()
    page.get_by_role("link", name=f"Notulen {ukuran}").wait_for()  # swapped in by htmx
    assert page.get_by_role("link", name=f"Notulen {ukuran}").is_visible()
    with page.expect_download() as unduhan:
        page.get_by_role("link", name=f"Notulen {ukuran}").click()
    assert unduhan.value.suggested_filename.endswith(".pdf")
    page.screenshot(path=layar / f"bukti-{ukuran}.png", full_page=True)
    page.close()


def test_typing_error_is_shown_beside_the_field_in_indonesian(server, browser):
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    masuk(page, server)
    page.wait_for_url("**/k/kalisat/2024/")
    page.locator("table.capaian tbody a").first.click()
    page.get_by_label("Realisasi tahunan", exact=True).fill("1.234")
    page.get_by_role("button", name="Simpan realisasi").click()
    assert page.locator("#id_nilai-galat").get_by_text("meragukan").is_visible()
    assert page.get_by_label("Realisasi tahunan", exact=True).input_value() == "1.234"
    page.close()


@pytest.mark.skipif(
    not Path("/usr/bin/pdftotext").exists(), reason="pdftotext (poppler-utils) tidak terpasang"
)
def test_operator_downloads_the_lkip_pdf_with_the_realisasi_just_saved(server, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    masuk(page, server)
    page.wait_for_url("**/k/kalisat/2024/")
    page.locator("table.capaian tbody a").first.click()
    page.get_by_label("Status").select_option("terisi")
    page.get_by_label("Realisasi tahunan", exact=True).fill("3")
    page.get_by_role("button", name="Simpan realisasi").click()
    page.get_by_text("tersimpan").wait_for()  # waits for the redirect after the save

    page.get_by_role("link", name="LKIP", exact=True).click()
    assert page.get_by_role("heading", name="BAB III AKUNTABILITAS KINERJA").is_visible()
    page.go_back()
    with page.expect_download(timeout=60000) as unduhan:
        page.get_by_role("link", name="Unduh PDF").click()
    assert unduhan.value.suggested_filename == "LKIP-2024-kalisat.pdf"
    berkas = tmp_path / "lkip.pdf"
    unduhan.value.save_as(berkas)
    teks = subprocess.run(["pdftotext", str(berkas), "-"], capture_output=True, text=True, check=True).stdout
    assert "terealisasi 3 dokumen, sehingga capaian kinerjanya 75,00%" in " ".join(teks.split())
    page.close()


def test_the_pdf_link_says_the_report_is_being_prepared_and_asks_only_once(server, browser):
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    masuk(page, server, "bappeda")
    page.goto(f"{server}/k/sumbersari/2023/")
    diminta = []
    page.on("request", lambda r: diminta.append(r.url) if r.url.endswith("/laporan.pdf") else None)
    with page.expect_download(timeout=60000) as unduhan:
        page.get_by_role("link", name="Unduh PDF").click()
        sibuk = page.get_by_role("link", name="Menyiapkan PDF…")
        assert sibuk.get_attribute("aria-disabled") == "true"
        sibuk.dispatch_event("click")  # an impatient second click while it is being laid out
    assert unduhan.value.suggested_filename == "LKIP-2023-sumbersari.pdf"
    assert len(diminta) == 1
    assert page.get_by_role("link", name="Unduh PDF").get_attribute("aria-disabled") is None
    page.close()


def test_one_year_from_draft_to_locked_with_four_users(server, browser, layar):
    """Camat submits; Inspektorat writes a note on an indicator and returns the report, which
    lists the note; the operator sees it beside the realisasi and replies; the Camat submits
    again; Inspektorat closes the note and reviews; Bappeda approves and locks; the operator
    meets the lock; Bappeda reopens it with a reason (so the year is a draft for later tests)."""
    tahun = f"{server}/k/kalisat/2024/"

    def sebagai(nama: str):
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        masuk(page, server, nama)
        page.wait_for_load_state()
        page.goto(tahun)
        return page

    def status(page) -> str:
        return page.locator("[data-status]").get_attribute("data-status")

    def ajukan():
        page = sebagai("camat")
        page.once("dialog", lambda dialog: dialog.accept())  # the submit is the sign-off: it asks first
        page.get_by_role("button", name="Ajukan").click()
        page.wait_for_load_state()
        assert status(page) == "diajukan"
        return page

    def buka_indikator(page) -> str:
        page.locator("table.capaian tbody a").first.click()
        page.wait_for_url("**/realisasi/*/")
        return page.url

    page = sebagai("camat")
    assert status(page) == "draf"
    page.close()
    page = ajukan()
    assert page.get_by_text("data tahun ini hanya dapat dibaca").is_visible()
    page.screenshot(path=layar / "alur-1-diajukan.png", full_page=True)
    page.close()

    # Inspektorat: a note where the problem is, then the return, which lists it.
    page = sebagai("inspektorat")
    realisasi = buka_indikator(page)
    page.get_by_text("Tulis catatan reviu").click()
    page.get_by_label("Isi catatan").fill("Bukti dukung realisasi belum diunggah.")
    page.get_by_role("button", name="Simpan catatan").click()
    page.wait_for_load_state()
    catatan = page.locator("[data-uji=catatan-indikator] article.catatan")
    assert catatan.get_by_text("Bukti dukung realisasi belum diunggah.").is_visible()
    assert catatan.locator("[data-status-catatan]").inner_text() == "Terbuka"
    page.screenshot(path=layar / "alur-2-catatan-indikator.png", full_page=True)
    page.goto(tahun)
    page.get_by_label("Alasan pengembalian").fill("Lengkapi bukti dukung IKU.")
    page.get_by_role("button", name="Kembalikan ke kecamatan").click()
    page.wait_for_load_state()
    assert page.get_by_text("Bukti dukung realisasi belum diunggah.").is_visible()
    page.screenshot(path=layar / "alur-3-konfirmasi-kembalikan.png", full_page=True)
    page.get_by_role("button", name="Ya, kembalikan").click()
    page.wait_for_load_state()
    assert status(page) == "dikembalikan"
    page.close()

    # The operator: the count in the menu, the note beside the realisasi, the reply.
    page = sebagai("operator")
    assert page.locator("[data-jumlah-tugas]").inner_text() == "2"  # the returned year, the note
    assert (
        page.locator("table.riwayat-alur").get_by_text("Bukti dukung realisasi belum diunggah.").is_visible()
    )
    page.goto(realisasi)
    catatan = page.locator("[data-uji=catatan-indikator] article.catatan")
    assert catatan.get_by_text("Bukti dukung realisasi belum diunggah.").is_visible()
    catatan.get_by_label("Balasan").fill("Sudah kami unggah SK Camat sebagai bukti.")
    catatan.get_by_role("button", name="Kirim balasan").click()
    page.wait_for_load_state()
    catatan = page.locator("[data-uji=catatan-indikator] article.catatan")
    assert catatan.locator("[data-status-catatan]").inner_text() == "Ditanggapi"
    assert catatan.get_by_text("Sudah kami unggah SK Camat sebagai bukti.").is_visible()
    page.screenshot(path=layar / "alur-4-operator-membalas.png", full_page=True)
    page.close()

    ajukan().close()

    # Inspektorat closes the answered note and saves the review.
    page = sebagai("inspektorat")
    page.goto(realisasi)
    page.get_by_role("button", name="Tandai selesai").click()
    page.wait_for_load_state()
    catatan = page.locator("[data-uji=catatan-indikator] article.catatan")
    assert catatan.locator("[data-status-catatan]").inner_text() == "Selesai"
    page.goto(tahun)
    page.get_by_label("Catatan reviu", exact=True).fill(
        "Bukti IKU sudah lengkap; narasi BAB III sesuai data."
    )
    page.get_by_role("button", name="Simpan hasil reviu").click()
    assert status(page) == "direviu"
    page.screenshot(path=layar / "alur-5-direviu.png", full_page=True)
    page.close()

    page = sebagai("bappeda")
    # The approval lays out and keeps the PDF before it answers: give it time on a busy machine.
    page.get_by_role("button", name="Setujui").click(timeout=120000)
    assert status(page) == "disetujui"
    page.get_by_role("button", name="Kunci").click()
    assert status(page) == "terkunci"
    assert page.get_by_role("cell", name="Bukti IKU sudah lengkap; narasi BAB III sesuai data.").is_visible()
    page.screenshot(path=layar / "alur-6-terkunci.png", full_page=True)
    page.close()

    page = sebagai("operator")
    assert page.get_by_text("berstatus «Terkunci»: data tahun ini hanya dapat dibaca").is_visible()
    buka_indikator(page)
    assert page.get_by_text("Sudah kami unggah SK Camat sebagai bukti.").is_visible()
    assert (
        page.get_by_role("button", name="Kirim balasan").count() == 0
    )  # a locked year's notes are read only
    page.get_by_label("Realisasi tahunan", exact=True).fill("5")
    page.get_by_role("button", name="Simpan realisasi").click()
    page.wait_for_url(tahun)
    assert page.locator(".pesan-error").get_by_text("tidak dapat diubah").is_visible()
    page.screenshot(path=layar / "alur-7-operator-terkunci.png", full_page=True)
    page.close()

    page = sebagai("bappeda")
    page.get_by_role("button", name="Buka kembali").click()  # without a reason: the browser asks
    assert status(page) == "terkunci"
    page.get_by_label("Alasan membuka kembali").fill("Salah ketik pagu sub kegiatan.")
    page.get_by_role("button", name="Buka kembali").click()
    assert status(page) == "draf"
    assert page.get_by_text("versi 2").is_visible()
    page.screenshot(path=layar / "alur-8-dibuka.png", full_page=True)
    page.close()
