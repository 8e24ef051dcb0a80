"""The spreadsheet helpers: numbers stay numbers, missing stays empty, text never runs."""

import io
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from umum.lembar import FORMAT_RUPIAH, csv_teks, isi_sel, tulis_baris, tulis_judul


def _simpan_dan_buka(buku: Workbook):
    berkas = io.BytesIO()
    buku.save(berkas)
    berkas.seek(0)
    return load_workbook(berkas).active


@pytest.mark.parametrize("teks", ["=1+1", "+62812", "-5", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("x")'])
def test_teks_yang_tampak_seperti_rumus_tetap_teks(teks):
    buku = Workbook()
    isi_sel(buku.active["A1"], teks)
    sel = _simpan_dan_buka(buku)["A1"]
    assert sel.data_type == "s"
    # XML keeps no bare carriage return; it reads back as a newline.
    assert sel.value == teks.replace("\r", "\n")
    assert sel.quotePrefix is True


def test_angka_tetap_angka_dan_kosong_tetap_kosong():
    buku = Workbook()
    lembar = buku.active
    tulis_judul(lembar, ["Nama", "Pagu", "Capaian", "Tanggal", "Kosong"], lebar=[20, 16, 10, 12, 8])
    tulis_baris(
        lembar,
        ["Program I", Decimal("3116155160"), Decimal("95.56"), date(2024, 12, 31), None],
        format_angka=[None, FORMAT_RUPIAH],
    )
    lembar = _simpan_dan_buka(buku)
    assert lembar["A1"].font.bold
    assert lembar.freeze_panes == "A2"
    assert lembar["B2"].value == 3116155160
    assert lembar["B2"].number_format == FORMAT_RUPIAH
    assert lembar["C2"].value == pytest.approx(95.56)
    assert lembar["C2"].number_format == "#,##0.00"
    assert lembar["D2"].value.date() == date(2024, 12, 31)
    assert lembar["E2"].value is None
    assert lembar["A2"].quotePrefix is False


def test_csv_untuk_excel_berbahasa_indonesia():
    teks = csv_teks([["Nama", "Capaian", "Kosong"], ["=cmd|' /C calc'!A0", Decimal("95.56"), None]])
    assert teks.startswith("\ufeffNama;Capaian;Kosong\r\n")
    assert "'=cmd|' /C calc'!A0;95,56;\r\n" in teks
