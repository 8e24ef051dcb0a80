"""Excel downloads of a kecamatan's year: capaian, budget realisation, the whole year.

Readable by whoever may open the year (``lingkup_kecamatan``): the kecamatan's own users and
the kabupaten's reviewers; a year the system holds nothing for is 404, like the report."""

from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from lkip.excel.ekspor import JENIS_BERKAS, BerkasExcel, ekspor_anggaran, ekspor_capaian, ekspor_tahun
from lkip.laporan.selectors import tahun_tersedia
from lkip.web.akses import Ruang, lingkup_kecamatan


def _unduh(ruang: Ruang, buat: Callable[..., BerkasExcel]) -> HttpResponse:
    if not tahun_tersedia(kecamatan=ruang.kecamatan, tahun=ruang.tahun):
        raise Http404("Belum ada data untuk tahun ini.")
    berkas = buat(kecamatan=ruang.kecamatan, tahun=ruang.tahun)
    jawaban = HttpResponse(berkas.isi, content_type=JENIS_BERKAS)
    jawaban["Content-Disposition"] = f'attachment; filename="{berkas.nama}"'
    return jawaban


@require_GET
@lingkup_kecamatan
def capaian_xlsx(request: HttpRequest, ruang: Ruang) -> HttpResponse:
    return _unduh(ruang, ekspor_capaian)


@require_GET
@lingkup_kecamatan
def anggaran_xlsx(request: HttpRequest, ruang: Ruang) -> HttpResponse:
    return _unduh(ruang, ekspor_anggaran)


@require_GET
@lingkup_kecamatan
def tahun_xlsx(request: HttpRequest, ruang: Ruang) -> HttpResponse:
    return _unduh(ruang, ekspor_tahun)
