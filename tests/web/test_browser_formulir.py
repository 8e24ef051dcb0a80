"""In Chromium: nothing typed is lost and actions that matter ask first. A warning before
leaving a form with unsaved input (none after saving); evidence added beside an unsaved
realisasi leaves it as typed; a stale save shows both values and saves with the one taken;
Sahkan, Buat PK Perubahan and Hapus bukti ask with a dialog. Laptop and phone screenshots."""

import pytest
from playwright.sync_api import expect

from tests.web import test_browser
from tests.web.test_browser import CHROMIUM, masuk

# The browser suite's fixtures: a server on a throwaway demo database, Chromium, screenshots.
server, browser, layar = test_browser.server, test_browser.browser, test_browser.layar

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium Debian (/usr/bin/chromium) tidak terpasang"),
]
UKURAN = [("laptop", 1366, 900), ("ponsel", 390, 844)]


def buka_realisasi(page, server, urutan: int = 0) -> str:
    page.goto(f"{server}/k/kalisat/2024/")
    page.locator("table.capaian tbody a").nth(urutan).click()
    page.wait_for_url("**/realisasi/*/")
    return page.url


def catat_dialog(page) -> list:
    """Every dialog the page opens, answered by ``jawab`` (dismiss unless it says accept)."""
    dialog: list = []

    def tangani(d):
        dialog.append((d.type, d.message))
        d.accept() if getattr(page, "_terima", False) else d.dismiss()

    page.on("dialog", tangani)
    return dialog


@pytest.mark.parametrize(("ukuran", "lebar", "tinggi"), UKURAN)
def test_leaving_a_form_with_unsaved_input_warns_and_saving_does_not(
    server, browser, layar, ukuran, lebar, tinggi
):
    page = browser.new_page(viewport={"width": lebar, "height": tinggi})
    masuk(page, server)
    page.wait_for_url("**/k/kalisat/2024/")
    alamat = buka_realisasi(page, server, 1)
    dialog = catat_dialog(page)

    # Untouched: leaving asks nothing.
    page.get_by_role("link", name="Ringkasan", exact=True).click()
    page.wait_for_url("**/k/kalisat/2024/")
    assert dialog == []

    page.goto(alamat)
    catatan = page.get_by_label("Catatan", exact=True)
    catatan.fill(f"Belum disimpan {ukuran}")
    page.get_by_role("link", name="Ringkasan", exact=True).click()
    page.wait_for_timeout(500)
    assert [t for t, _ in dialog] == ["beforeunload"]
    assert page.url == alamat and catatan.input_value() == f"Belum disimpan {ukuran}"

    page.wait_for_load_state("networkidle")  # the live preview has answered
    page.get_by_role("button", name="Simpan realisasi").click()
    page.wait_for_load_state()
    expect(page.locator(".pesan")).to_contain_text("tersimpan")
    page.get_by_role("link", name="Ringkasan", exact=True).click()
    page.wait_for_url("**/k/kalisat/2024/")
    assert [t for t, _ in dialog] == ["beforeunload"]
    page.close()


@pytest.mark.parametrize(("ukuran", "lebar", "tinggi"), UKURAN)
def test_adding_evidence_keeps_the_unsaved_realisasi_as_typed(server, browser, layar, ukuran, lebar, tinggi):
    page = browser.new_page(viewport={"width": lebar, "height": tinggi})
    masuk(page, server)
    page.wait_for_url("**/k/kalisat/2024/")
    buka_realisasi(page, server, 2)
    page.get_by_label("Faktor keberhasilan").fill(f"Koordinasi {ukuran}")
    page.get_by_label("atau tautan").fill(f"https://contoh.go.id/bukti-{ukuran}")
    page.get_by_label("Keterangan").fill(f"Tautan {ukuran}")
    page.get_by_role("button", name="Tambah bukti").click()
    expect(page.get_by_role("link", name=f"Tautan {ukuran}")).to_be_visible()
    expect(page.get_by_text("Bukti dukung ditambahkan.")).to_be_visible()
    assert page.get_by_label("Faktor keberhasilan").input_value() == f"Koordinasi {ukuran}"
    page.screenshot(path=layar / f"bukti-tanpa-kehilangan-{ukuran}.png", full_page=True)

    dialog = catat_dialog(page)
    page._terima = True
    page.locator("#bukti li").filter(has_text=f"Tautan {ukuran}").get_by_role("button", name="Hapus").click()
    page.wait_for_function(
        "t => !document.querySelector('#bukti').textContent.includes(t)", arg=f"Tautan {ukuran}"
    )
    assert [t for t, _ in dialog] == ["confirm"] and "Hapus bukti dukung" in dialog[0][1]
    assert page.get_by_label("Faktor keberhasilan").input_value() == f"Koordinasi {ukuran}"
    page._terima = False
    page.get_by_role("button", name="Simpan realisasi").click()
    page.wait_for_load_state()
    assert page.get_by_label("Faktor keberhasilan").input_value() == f"Koordinasi {ukuran}"
    page.close()


@pytest.mark.parametrize(("ukuran", "lebar", "tinggi"), UKURAN)
def test_a_conflict_shows_both_values_and_saves_with_the_one_taken(
    server, browser, layar, ukuran, lebar, tinggi
):
    kita = browser.new_page(viewport={"width": lebar, "height": tinggi})
    masuk(kita, server)
    kita.wait_for_url("**/k/kalisat/2024/")
    alamat = buka_realisasi(kita, server, 3)

    lain = browser.new_context().new_page()
    masuk(lain, server, "camat")
    lain.wait_for_url("**/k/kalisat/2024/")
    lain.goto(alamat)
    lain.get_by_label("Status").select_option("terisi")
    lain.get_by_label("Realisasi tahunan", exact=True).fill("4")
    lain.get_by_label("Catatan", exact=True).fill(f"Dari Camat {ukuran}")
    lain.wait_for_load_state("networkidle")
    lain.get_by_role("button", name="Simpan realisasi").click()
    expect(lain.locator(".pesan")).to_contain_text("tersimpan")
    lain.close()

    kita.get_by_label("Status").select_option("terisi")
    kita.get_by_label("Realisasi tahunan", exact=True).fill("2")
    kita.get_by_label("Hambatan / faktor kegagalan").fill(f"Hambatan kita {ukuran}")
    kita.wait_for_load_state("networkidle")  # the live preview has answered
    kita.get_by_role("button", name="Simpan realisasi").click()
    ringkas = kita.locator('[data-uji="konflik"]')
    expect(ringkas).to_be_visible()
    assert "sudah diubah orang lain" in kita.locator(".galat-form").first.text_content()
    expect(kita.locator('[data-uji="diperbarui"]')).to_contain_text("Catatan")
    assert kita.get_by_label("Catatan", exact=True).input_value() == f"Dari Camat {ukuran}"
    assert kita.get_by_label("Hambatan / faktor kegagalan").input_value() == f"Hambatan kita {ukuran}"
    kita.screenshot(path=layar / f"konflik-{ukuran}.png", full_page=True)

    baris = ringkas.locator("tr").filter(has_text="Realisasi tahunan")
    baris.get_by_role("radio").nth(1).check()
    assert kita.get_by_label("Realisasi tahunan", exact=True).input_value() == "4"
    kita.get_by_role("button", name="Simpan realisasi").click()
    expect(kita.locator(".pesan")).to_contain_text("tersimpan")
    assert kita.get_by_label("Realisasi tahunan", exact=True).input_value() == "4"
    assert kita.get_by_label("Hambatan / faktor kegagalan").input_value() == f"Hambatan kita {ukuran}"
    # The note only the Camat changed is taken from the saved data, not overwritten.
    assert kita.get_by_label("Catatan", exact=True).input_value() == f"Dari Camat {ukuran}"
    kita.close()


def test_pk_perubahan_and_the_submit_ask_first(server, browser, layar):
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    masuk(page, server, "camat")
    page.wait_for_url("**/k/kalisat/2024/")
    dialog = catat_dialog(page)

    page.goto(f"{server}/k/kalisat/2024/perjanjian/")
    page.get_by_role("button", name="Buat PK Perubahan").click()
    page.wait_for_timeout(300)
    assert [t for t, _ in dialog] == ["confirm"]
    assert "v2" not in page.locator(".versi").text_content()
    page._terima = True
    page.get_by_role("button", name="Buat PK Perubahan").click()
    expect(page.get_by_text("PK Perubahan (versi 2) dibuat")).to_be_visible()
    page._terima = False

    # The Camat's submit is the sign-off: it asks first, and refusing leaves the year a draft.
    page.goto(f"{server}/k/kalisat/2024/")
    page.get_by_role("button", name="Ajukan").click()
    page.wait_for_timeout(300)
    assert [t for t, _ in dialog][-1] == "confirm" and len(dialog) >= 2
    assert page.locator("[data-status]").get_attribute("data-status") == "draf"
    # Agreed, it is checked: the new PK Perubahan has no signing date yet, so the submit is
    # refused with the list of what to fix, and the year stays a draft.
    page._terima = True
    page.get_by_role("button", name="Ajukan").click()
    expect(page.get_by_text("Laporan belum dapat diajukan")).to_be_visible()
    assert page.locator("[data-status]").get_attribute("data-status") == "draf"
    page._terima = False
    page.screenshot(path=layar / "ajukan-ditolak-laptop.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=layar / "ajukan-ditolak-ponsel.png", full_page=True)
    page.close()


@pytest.mark.parametrize(("ukuran", "lebar", "tinggi"), UKURAN)
def test_without_script_the_confirmation_is_a_page(server, browser, layar, ukuran, lebar, tinggi):
    konteks = browser.new_context(java_script_enabled=False, viewport={"width": lebar, "height": tinggi})
    page = konteks.new_page()
    masuk(page, server)
    page.wait_for_url("**/k/kalisat/2024/")
    page.goto(f"{server}/k/kalisat/2024/anggaran/")
    page.get_by_role("link", name="Hapus program").first.click()
    expect(page.get_by_role("heading", name="Hapus program")).to_be_visible()
    expect(page.get_by_text("masih memiliki")).to_be_visible()
    page.screenshot(path=layar / f"hapus-ditolak-{ukuran}.png", full_page=True)
    page.goto(f"{server}/k/kalisat/2024/perjanjian/")
    page.get_by_role("button", name="Buat PK Perubahan").click()
    expect(page.get_by_role("button", name="Ya, buat PK Perubahan")).to_be_visible()
    page.screenshot(path=layar / f"konfirmasi-{ukuran}.png", full_page=True)
    page.get_by_role("link", name="Batal").click()
    page.wait_for_url("**/perjanjian/")
    page.goto(f"{server}/k/kalisat/2024/renstra/")
    page.screenshot(path=layar / f"renstra-{ukuran}.png", full_page=True)
    konteks.close()
