"""Render the LKIP: the HTML of ``templates/laporan/lkip.html`` and its PDF (WeasyPrint).

WeasyPrint reads only the project's own static files (stylesheet, bundled fonts): any other
URL is refused, so rendering never touches the network and never prints a silent fallback.

Layout runs with Python's cyclic garbage collector paused: a layout allocates millions of
short-lived objects, so the collector runs hundreds of times and finds next to nothing, while
reference counting frees the boxes anyway; one collection after the PDF is written catches the
few cycles. Dot leaders are laid out as one text box per line (``lkip.laporan.leader``).
"""

import gc
import hashlib
import mimetypes
import multiprocessing
import signal
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.db import connection, connections
from django.template.loader import render_to_string
from weasyprint import CSS, HTML, Document
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from kecamatan.models import Kecamatan
from lkip.laporan import leader
from lkip.laporan.isi import isi_laporan

leader.pasang()

ALAMAT_DASAR = "https://lkip.invalid/"
AWALAN_MEDIA = "/" + settings.MEDIA_URL.strip("/") + "/"
AWALAN_KOP = AWALAN_MEDIA + "kop/"
AWALAN_DOKUMENTASI = AWALAN_MEDIA + "dokumentasi/"


def _berkas_statis(nama: str) -> str | None:
    """The file behind a static name: the source tree's (``{% static %}`` without a manifest),
    or the collected one in STATIC_ROOT, where production's names carry a content hash."""
    jalur = finders.find(nama)
    if jalur is None:
        try:
            if staticfiles_storage.exists(nama):
                jalur = staticfiles_storage.path(nama)
        except SuspiciousFileOperation:  # a name that climbs out of STATIC_ROOT
            return None
    return jalur


class PengambilStatis(URLFetcher):
    """Serves ``/static/...`` from the project's static files, and ``/media/kop/...`` (the
    letterhead's logo) and ``/media/dokumentasi/...`` (the documentation photos) from the file
    storage; refuses everything else."""

    def __init__(self) -> None:
        super().__init__(fail_on_errors=True, allowed_protocols=["https"])

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        bagian = urlsplit(url)
        awalan = "/" + settings.STATIC_URL.strip("/") + "/"
        if f"{bagian.scheme}://{bagian.netloc}/" == ALAMAT_DASAR and bagian.path.startswith(
            (AWALAN_KOP, AWALAN_DOKUMENTASI)
        ):
            return self._kop(url, bagian.path.removeprefix(AWALAN_MEDIA))
        if f"{bagian.scheme}://{bagian.netloc}/" != ALAMAT_DASAR or not bagian.path.startswith(awalan):
            raise ValueError(f"Alamat di luar berkas statis proyek ditolak: {url}")
        jalur = _berkas_statis(bagian.path.removeprefix(awalan))
        if jalur is None:
            raise FileNotFoundError(f"Berkas statis tidak ada: {bagian.path}")
        jenis = mimetypes.guess_type(jalur)[0] or "application/octet-stream"
        with open(jalur, "rb") as berkas:
            return URLFetcherResponse(url, berkas.read(), {"Content-Type": jenis})

    @staticmethod
    def _kop(url: str, nama: str) -> URLFetcherResponse:
        if ".." in nama.split("/") or not default_storage.exists(nama):
            raise FileNotFoundError(f"Berkas gambar laporan tidak ada: {nama}")
        jenis = "image/svg+xml" if nama.endswith(".svg") else mimetypes.guess_type(nama)[0]
        with default_storage.open(nama, "rb") as berkas:
            return URLFetcherResponse(
                url, berkas.read(), {"Content-Type": jenis or "application/octet-stream"}
            )


def html_lkip(*, kecamatan: Kecamatan, tahun: int, disetujui: str = "") -> str:
    """The report's HTML; ``disetujui`` is the approval line of a frozen report ("Disetujui
    <tanggal> oleh <nama>", in every page's footer). Without it every page carries "DRAF"."""
    return render_to_string(
        "laporan/lkip.html", isi_laporan(kecamatan=kecamatan, tahun=tahun, disetujui=disetujui)
    )


def sha256_html(html: str) -> str:
    """The cache key of a report: the HTML holds every number, and the layout is deterministic."""
    return hashlib.sha256(html.encode("utf-8")).hexdigest()


@contextmanager
def tanpa_gc(aktif: bool = True) -> Iterator[None]:
    """Pause the cyclic garbage collector for the block (``aktif=False`` leaves it alone)."""
    semula = gc.isenabled()
    if aktif:
        gc.disable()
    try:
        yield
    finally:
        if aktif and semula:
            gc.enable()


_per_utas = threading.local()


def konfigurasi_huruf() -> FontConfiguration:
    """The thread's font configuration, reused from one report to the next.

    WeasyPrint registers each ``@font-face`` file once per configuration and skips it when it is
    already there, so a fresh configuration per report only repeats loading the bundled fonts
    (about 0.15 s a report). One per thread, because Fontconfig and Pango objects are not shared
    safely between threads; forked layout processes start from their parent's copy.
    """
    if getattr(_per_utas, "huruf", None) is None:
        _per_utas.huruf = FontConfiguration()
    return _per_utas.huruf


def tata_letak(html: str, *, gc_jeda: bool = True, gaya_tambahan: str = "") -> Document:
    """Lay the HTML out into pages (the costly step); ``.write_pdf()`` of the result is the PDF.

    ``gaya_tambahan`` is a stylesheet applied after the report's own (the benchmark uses it to
    switch a speed-up off).
    """
    gaya = [CSS(string=gaya_tambahan)] if gaya_tambahan else []
    with tanpa_gc(gc_jeda):
        return HTML(string=html, base_url=ALAMAT_DASAR, url_fetcher=PengambilStatis()).render(
            font_config=konfigurasi_huruf(), stylesheets=gaya
        )


def pdf_dari_html(html: str, *, gc_jeda: bool = True, gaya_tambahan: str = "") -> bytes:
    dokumen = tata_letak(html, gc_jeda=gc_jeda, gaya_tambahan=gaya_tambahan)
    with tanpa_gc(gc_jeda):
        pdf = dokumen.write_pdf()
    del dokumen
    if gc_jeda:
        gc.collect()
    return pdf


def pdf_lkip(*, kecamatan: Kecamatan, tahun: int) -> bytes:
    return pdf_dari_html(html_lkip(kecamatan=kecamatan, tahun=tahun))


def _anak_mulai() -> None:
    """A layout process ends on SIGTERM/SIGINT: it must not inherit the worker's graceful handler,
    which only notes the signal and carries on (children then outlive a stopped worker)."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def kumpulan_proses(proses: int) -> ProcessPoolExecutor:
    """Forked layout processes that end on SIGTERM like any other process."""
    return ProcessPoolExecutor(
        max_workers=proses, mp_context=multiprocessing.get_context("fork"), initializer=_anak_mulai
    )


def pdf_banyak(html: list[str], *, proses: int) -> Iterator[bytes]:
    """PDFs of many reports, in order, laid out by up to ``proses`` processes at once.

    Layout needs no database, so the HTML is rendered first and only WeasyPrint runs in the
    forked processes; database connections are closed before forking so no child shares a
    socket with the parent. Inside a transaction (tests) or with one process, it renders in turn.
    Closing the iterator early (a cancelled bulk print) drops the reports not yet started.
    """
    proses = max(1, min(proses, len(html)))
    if proses == 1 or connection.in_atomic_block:
        yield from (pdf_dari_html(h) for h in html)
        return
    connections.close_all()
    pool = kumpulan_proses(proses)
    try:
        for hasil in [pool.submit(pdf_dari_html, h) for h in html]:
            yield hasil.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
