"""The LKIP on the web: HTML preview and PDF of one kecamatan's year (scoped like every
kecamatan page), and the kabupaten's bulk print of all kecamatan as one zip."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from lkip.laporan.models import CetakMassal
from lkip.laporan.pdf import html_lkip, pdf_lkip
from lkip.laporan.selectors import tahun_tersedia
from lkip.laporan.services import cetak_massal_mulai
from lkip.laporan.tasks import kecamatan_bertahun
from lkip.web.akses import TAHUN_MAKS, TAHUN_MIN, Ruang, lingkup_kecamatan


def _wajib_ada(ruang: Ruang) -> None:
    if not tahun_tersedia(kecamatan=ruang.kecamatan, tahun=ruang.tahun):
        raise Http404("Belum ada data untuk tahun ini.")


@require_GET
@lingkup_kecamatan
def pratinjau(request: HttpRequest, ruang: Ruang) -> HttpResponse:
    _wajib_ada(ruang)
    return HttpResponse(html_lkip(kecamatan=ruang.kecamatan, tahun=ruang.tahun))


@require_GET
@lingkup_kecamatan
def unduh_pdf(request: HttpRequest, ruang: Ruang) -> HttpResponse:
    _wajib_ada(ruang)
    pdf = pdf_lkip(kecamatan=ruang.kecamatan, tahun=ruang.tahun)
    nama = f"LKIP-{ruang.tahun}-{ruang.kecamatan.slug}.pdf"
    jawaban = HttpResponse(pdf, content_type="application/pdf")
    jawaban["Content-Disposition"] = f'attachment; filename="{nama}"'
    return jawaban


def peran_kabupaten(view):
    @login_required
    @wraps(view)
    def bungkus(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_peran_kabupaten:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return bungkus


@require_http_methods(["GET", "POST"])
@peran_kabupaten
def cetak_massal(request: HttpRequest) -> HttpResponse:
    tahun_ini = timezone.localdate().year
    if request.method == "POST":
        try:
            tahun = int(request.POST.get("tahun", ""))
        except ValueError:
            tahun = 0
        if not TAHUN_MIN <= tahun <= TAHUN_MAKS:
            messages.error(request, "Tahun tidak valid: tulis tahun empat angka, mis. 2024.")
            return redirect("laporan:cetak_massal")
        if not kecamatan_bertahun(tahun):
            messages.error(request, f"Belum ada kecamatan yang memiliki data tahun {tahun}.")
            return redirect("laporan:cetak_massal")
        cetak = cetak_massal_mulai(tahun=tahun, oleh=request.user)
        messages.success(request, f"Pencetakan LKIP tahun {tahun} untuk semua kecamatan dimulai.")
        return redirect("laporan:cetak_massal_status", pk=cetak.pk)
    daftar = list(CetakMassal.objects.select_related("dibuat_oleh")[:20])
    return render(request, "halaman/cetak_massal.html", {"daftar": daftar, "tahun_ini": tahun_ini})


@require_GET
@peran_kabupaten
def cetak_massal_status(request: HttpRequest, pk: int) -> HttpResponse:
    cetak = get_object_or_404(CetakMassal, pk=pk)
    template = (
        "halaman/_cetak_massal_status.html"
        if request.headers.get("HX-Request")
        else "halaman/cetak_massal_status.html"
    )
    return render(request, template, {"cetak": cetak})


@require_GET
@peran_kabupaten
def cetak_massal_unduh(request: HttpRequest, pk: int) -> FileResponse:
    cetak = get_object_or_404(CetakMassal, pk=pk, status=CetakMassal.Status.SELESAI)
    if not cetak.berkas:
        raise Http404
    return FileResponse(
        cetak.berkas.open("rb"), as_attachment=True, filename=f"LKIP-{cetak.tahun}-semua-kecamatan.zip"
    )
