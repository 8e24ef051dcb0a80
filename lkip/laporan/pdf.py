"""Render the LKIP: the HTML of ``templates/laporan/lkip.html`` and its PDF (WeasyPrint).

WeasyPrint reads only the project's own static files (stylesheet, bundled fonts): any other
URL is refused, so rendering never touches the network and never prints a silent fallback.
"""

import mimetypes
import multiprocessing
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import connection, connections
from django.template.loader import render_to_string
from weasyprint import HTML, Document
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from kecamatan.models import Kecamatan
from lkip.laporan.isi import isi_laporan

ALAMAT_DASAR = "https://lkip.invalid/"


class PengambilStatis(URLFetcher):
    """Serves ``/static/...`` from the project's static files; refuses everything else."""

    def __init__(self) -> None:
        super().__init__(fail_on_errors=True, allowed_protocols=["https"])

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        bagian = urlsplit(url)
        awalan = "/" + settings.STATIC_URL.strip("/") + "/"
        if f"{bagian.scheme}://{bagian.netloc}/" != ALAMAT_DASAR or not bagian.path.startswith(awalan):
            raise ValueError(f"Alamat di luar berkas statis proyek ditolak: {url}")
        jalur = finders.find(bagian.path.removeprefix(awalan))
        if jalur is None:
            raise FileNotFoundError(f"Berkas statis tidak ada: {bagian.path}")
        jenis = mimetypes.guess_type(jalur)[0] or "application/octet-stream"
        with open(jalur, "rb") as berkas:
            return URLFetcherResponse(url, berkas.read(), {"Content-Type": jenis})


def html_lkip(*, kecamatan: Kecamatan, tahun: int) -> str:
    return render_to_string("laporan/lkip.html", isi_laporan(kecamatan=kecamatan, tahun=tahun))


def tata_letak(html: str) -> Document:
    """Lay the HTML out into pages (the costly step); ``.write_pdf()`` of the result is the PDF."""
    return HTML(string=html, base_url=ALAMAT_DASAR, url_fetcher=PengambilStatis()).render(
        font_config=FontConfiguration()
    )


def pdf_dari_html(html: str) -> bytes:
    return tata_letak(html).write_pdf()


def pdf_lkip(*, kecamatan: Kecamatan, tahun: int) -> bytes:
    return pdf_dari_html(html_lkip(kecamatan=kecamatan, tahun=tahun))


def pdf_banyak(html: list[str], *, proses: int) -> Iterator[bytes]:
    """PDFs of many reports, in order, laid out by up to ``proses`` processes at once.

    Layout needs no database, so the HTML is rendered first and only WeasyPrint runs in the
    forked processes; database connections are closed before forking so no child shares a
    socket with the parent. Inside a transaction (tests) or with one process, it renders in turn.
    """
    proses = max(1, min(proses, len(html)))
    if proses == 1 or connection.in_atomic_block:
        yield from (pdf_dari_html(h) for h in html)
        return
    connections.close_all()
    with ProcessPoolExecutor(max_workers=proses, mp_context=multiprocessing.get_context("fork")) as pool:
        yield from pool.map(pdf_dari_html, html)
