"""The consistency check of a kecamatan's year: what to fix before the LKIP is submitted."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from lkip.laporan import periksa as pemeriksaan
from lkip.web.akses import Ruang, lingkup_kecamatan


@require_GET
@lingkup_kecamatan
def periksa(request: HttpRequest, ruang: Ruang) -> HttpResponse:
    temuan = pemeriksaan.periksa(kecamatan=ruang.kecamatan, tahun=ruang.tahun)
    return render(
        request,
        "halaman/periksa.html",
        {"ruang": ruang, "kelompok": pemeriksaan.KelompokTemuan.dari(temuan), "jumlah": len(temuan)},
    )
