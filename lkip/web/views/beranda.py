from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kecamatan.alur import AlurDitolak, alur_terapkan
from lkip.web import selectors
from lkip.web.akses import Ruang, lingkup_kecamatan, wajib_berperan


@require_GET
@login_required
def beranda(request: HttpRequest) -> HttpResponse:
    """Kecamatan users go straight to their latest year; kabupaten users get the list."""
    user = request.user
    wajib_berperan(user)
    if user.is_peran_kecamatan:
        tahun = selectors.tahun_terbaru(user.kecamatan) or timezone.localdate().year
        return redirect("web:tahun", slug=user.kecamatan.slug, tahun=tahun)
    return render(request, "halaman/daftar_kecamatan.html", {"daftar": selectors.daftar_kecamatan()})


@require_GET
@lingkup_kecamatan
def tahun(request: HttpRequest, ruang: Ruang) -> HttpResponse:
    data = selectors.beranda_tahun(kecamatan=ruang.kecamatan, tahun=ruang.tahun)
    alur = selectors.alur_tahun(kecamatan=ruang.kecamatan, tahun=ruang.tahun, peran=request.user.peran)
    return render(request, "halaman/tahun.html", {"ruang": ruang, "data": data, "alur": alur})


@require_POST
@lingkup_kecamatan
def alur(request: HttpRequest, ruang: Ruang) -> HttpResponse:
    """Take one step of the review workflow (submit, review, return, approve, lock, reopen).
    Who may take which step is decided by ``kecamatan.alur``; a refusal comes back as a message."""
    ruang.wajib_dalam_renstra()
    try:
        hasil = alur_terapkan(
            kecamatan=ruang.kecamatan,
            tahun=ruang.tahun,
            aksi=request.POST.get("aksi", ""),
            oleh=request.user,
            catatan=request.POST.get("catatan", ""),
            dari=request.POST.get("dari") or None,
        )
    except AlurDitolak as exc:
        for pesan in exc.messages:
            messages.error(request, pesan)
    else:
        messages.success(
            request,
            _("Laporan tahun %(tahun)s kini berstatus «%(status)s».")
            % {"tahun": ruang.tahun, "status": hasil.get_status_display()},
        )
    return redirect("web:tahun", slug=ruang.kecamatan.slug, tahun=ruang.tahun)
