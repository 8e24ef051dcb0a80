"""Bulk layout runs in forked processes and keeps the reports in order. No database: layout
never needs one, which is why it can be forked."""

import os
import shutil
import signal
import subprocess
import time
from concurrent.futures.process import BrokenProcessPool

import pytest

from lkip.laporan.pdf import kumpulan_proses, pdf_banyak


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


def _bunuh_diri_dengan_sigterm(_: int) -> str:
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(5)
    return "masih hidup"


def test_layout_processes_end_on_sigterm_even_under_a_worker_that_only_notes_it():
    """The task worker's SIGTERM handler only notes the signal and finishes the job; a layout
    process must not inherit it, or a stopped worker leaves its children running."""
    dicatat = []
    semula = signal.signal(signal.SIGTERM, lambda *_: dicatat.append("SIGTERM"))
    try:
        with kumpulan_proses(1) as pool, pytest.raises(BrokenProcessPool):
            pool.submit(_bunuh_diri_dengan_sigterm, 0).result(timeout=30)
    finally:
        signal.signal(signal.SIGTERM, semula)
    assert dicatat == []


def test_the_font_configuration_is_reused_within_a_thread_and_not_shared_between_threads():
    import threading

    from lkip.laporan.pdf import konfigurasi_huruf

    lain = []
    utas = threading.Thread(target=lambda: lain.append(konfigurasi_huruf()))
    utas.start()
    utas.join()
    assert konfigurasi_huruf() is konfigurasi_huruf()
    assert lain[0] is not konfigurasi_huruf()
