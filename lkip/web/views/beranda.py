from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from lkip.web import selectors
from lkip.web.akses import Ruang, lingkup_kecamatan


@require_GET
@login_required
def beranda(request: HttpRequest) -> HttpResponse:
    """Kecamatan users go straight to their latest year; kabupaten users get the list."""
    user = request.user
    if user.is_peran_kecamatan:
        tahun = selectors.tahun_terbaru(user.kecamatan) or timezone.localdate().year
        return redirect("web:tahun", slug=user.kecamatan.slug, tahun=tahun)
    return render(request, "halaman/daftar_kecamatan.html", {"daftar": selectors.daftar_kecamatan()})


@require_GET
@lingkup_kecamatan
def tahun(request: HttpRequest, ruang: Ruang) -> HttpResponse:
    data = selectors.beranda_tahun(kecamatan=ruang.kecamatan, tahun=ruang.tahun)
    return render(request, "halaman/tahun.html", {"ruang": ruang, "data": data})
