"""Bulk layout runs in forked processes and keeps the reports in order. No database: layout
never needs one, which is why it can be forked."""

import shutil
import subprocess

import pytest

from lkip.laporan.pdf import pdf_banyak


def teks(pdf: bytes, tmp_path) -> str:
    berkas = tmp_path / "x.pdf"
    berkas.write_bytes(pdf)
    return subprocess.run(["pdftotext", str(berkas), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) tidak terpasang")
@pytest.mark.parametrize("proses", [1, 2])
def test_reports_come_back_in_order_whatever_the_processes(tmp_path, proses):
    html = [f"<html><body><p>Laporan kecamatan nomor {n}</p></body></html>" for n in range(5)]
    hasil = list(pdf_banyak(html, proses=proses))
    assert [teks(pdf, tmp_path).strip() for pdf in hasil] == [
        f"Laporan kecamatan nomor {n}" for n in range(5)
    ]
