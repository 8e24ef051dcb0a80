"""After a save under ``/k/<kecamatan>/<tahun>/``, schedule that year's report to be laid out
again in the background, so "Unduh PDF" usually finds it ready in the cache.

One place instead of every view: a save is a successful non-GET request that redirects (every
form of the web interface answers a successful save with a redirect, and a form with errors,
a live preview or a refusal with a page of its own). Admin edits are not seen here; they miss
the cache and render on the next download.
"""

import logging
import re

from django.http import HttpRequest, HttpResponse

from kecamatan.models import Kecamatan
from lkip.laporan.services import render_jadwalkan

POLA_TAHUN = re.compile(r"^/k/(?P<slug>[-\w]+)/(?P<tahun>\d{4})/")
METODE_BACA = {"GET", "HEAD", "OPTIONS", "TRACE"}
logger = logging.getLogger(__name__)


class RenderSetelahSimpan:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        jawaban = self.get_response(request)
        disimpan = not getattr(jawaban, "lkip_tidak_disimpan", False)
        if request.method not in METODE_BACA and 300 <= jawaban.status_code < 400 and disimpan:
            cocok = POLA_TAHUN.match(request.path_info)
            if cocok:
                # The kecamatan the view worked on (``lkip.web.akses.lingkup_kecamatan``).
                ruang = getattr(request, "ruang", None)
                self.jadwalkan(cocok["slug"], int(cocok["tahun"]), getattr(ruang, "kecamatan", None))
        return jawaban

    @staticmethod
    def jadwalkan(slug: str, tahun: int, kecamatan: Kecamatan | None = None) -> None:
        """The save is done; failing to schedule its re-render must not turn it into an error
        (the next download then lays the report out itself)."""
        try:
            if kecamatan is None or kecamatan.slug != slug:
                kecamatan = Kecamatan.objects.filter(slug=slug).first()
            if kecamatan:
                render_jadwalkan(kecamatan=kecamatan, tahun=tahun)
        except Exception:
            logger.exception("Cetak ulang LKIP %s %s di latar tidak terjadwal", slug, tahun)
