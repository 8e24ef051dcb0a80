"""The template as a user opens it: prefilled, help rows, drop-downs, locks, hidden marker."""

import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from tests.excel.bantuan import baris_dengan, kolom, templat

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def buku(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return load_workbook(io.BytesIO(templat("kalisat", 2024)))


def test_sheets_in_order_and_the_marker_hidden(buku):
    assert buku.sheetnames == [
        "Realisasi", "Target Renstra", "PK", "RKT", "Anggaran", "Keluaran", "Indikator Program", "Desa", "Pegawai",
        "Sarana", "_versi", "_daftar",
    ]  # fmt: skip
    assert [buku[s].sheet_state for s in ("_versi", "_daftar")] == ["hidden", "hidden"]
    assert [[c.value for c in r] for r in buku["_versi"].iter_rows()] == [
        ["versi_templat", "2"], ["kecamatan", "kalisat"], ["tahun", 2024],
    ]  # fmt: skip


def test_prefilled_with_numbers_as_numbers_and_a_help_row(buku):
    ws = buku["Anggaran"]
    baris = baris_dengan(buku, "Anggaran", "Kode sub kegiatan", "1.1.1")
    assert ws.cell(baris, kolom(buku, "Anggaran", "Pagu (Rp)")).value == 1949000
    assert ws.cell(baris, kolom(buku, "Anggaran", "Sasaran yang didukung")).value == "S1"
    assert ws["A2"].value.startswith("Satu baris per program")
    r = buku["Realisasi"]
    assert r.cell(baris_dengan(buku, "Realisasi", "Kode indikator", "S1.1"), 7).value == Decimal("4")
    i = buku["Indikator Program"]
    program = baris_dengan(buku, "Indikator Program", "Indikator", "Persentase realisasi anggaran")
    assert [c.value for c in i[program]] == ["1", None, "Persentase realisasi anggaran", "%", 100, None]
    assert i["A2"].value.startswith("Indikator tiap program (kode kegiatan kosong)")


def test_headers_and_keys_are_locked_values_and_new_rows_open(buku):
    ws = buku["Anggaran"]
    assert ws.protection.sheet and not ws.protection.password
    assert ws.protection.insertRows is False  # adding rows is allowed
    baris = baris_dengan(buku, "Anggaran", "Kode sub kegiatan", "1.1.1")
    assert ws["A1"].protection.locked and ws["A2"].protection.locked
    assert ws.cell(baris, kolom(buku, "Anggaran", "Kode sub kegiatan")).protection.locked
    assert not ws.cell(baris, kolom(buku, "Anggaran", "Pagu (Rp)")).protection.locked
    assert not ws.column_dimensions["D"].protection.locked  # cells of new rows


def test_list_values_have_drop_downs(buku):
    def daftar(lembar: str, judul: str) -> list[str]:
        huruf = buku[lembar].cell(1, kolom(buku, lembar, judul)).column_letter
        dv = next(
            d for d in buku[lembar].data_validations.dataValidation if str(d.sqref).startswith(f"{huruf}3:")
        )
        rentang = dv.formula1.split("!")[1].replace("$", "")
        return [c.value for (c,) in buku["_daftar"][rentang]]

    assert daftar("Target Renstra", "Polaritas") == [
        "Positif (semakin tinggi semakin baik)", "Negatif (semakin rendah semakin baik)",
    ]  # fmt: skip
    assert daftar("Target Renstra", "Aturan triwulan")[0] == "Kumulatif (dijumlah)"
    assert daftar("Anggaran", "Sasaran yang didukung") == ["S1", "S2", "S3", "S4", "S5", "S6"]
    assert "dokumen" in daftar("Keluaran", "Satuan")
    assert {"Dokumen", "Laporan", "unit"} <= set(daftar("Indikator Program", "Satuan"))
    assert daftar("Realisasi", "Status")[0] == "Terisi"
