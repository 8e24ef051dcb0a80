from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from lkip.laporan import periksa
from lkip.web import selectors
from lkip.web import services as web_services
from lkip.web.akses import Ruang, lingkup_kecamatan, wajib_berperan
from lkip.web.konfirmasi import halaman_konfirmasi, is_dikonfirmasi


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
    temuan = periksa.jalankan(
        periksa.ambil(
            kecamatan=ruang.kecamatan, tahun=ruang.tahun, capaian_dihitung=(data.capaian, data.galat)
        )
    )
    return render(
        request,
        "halaman/tahun.html",
        {"ruang": ruang, "data": data, "periksa": periksa.KelompokTemuan.dari(temuan)},
    )


@require_POST
@lingkup_kecamatan
def sahkan(request: HttpRequest, ruang: Ruang) -> HttpResponse:
    """The Camat signs off the year's data; other roles are refused."""
    if not ruang.bisa_sahkan:
        raise PermissionDenied
    ruang.wajib_ubah()
    if not is_dikonfirmasi(request):
        return halaman_konfirmasi(
            request,
            ruang,
            judul=_("Sahkan data tahun %(tahun)s") % {"tahun": ruang.tahun},
            pertanyaan=_(
                "Dengan mengesahkan, Anda menyatakan data tahun %(tahun)s %(kecamatan)s sudah benar "
                "dan siap dilaporkan."
            )
            % {"tahun": ruang.tahun, "kecamatan": ruang.kecamatan},
            akibat=[_("Perubahan sesudahnya ditandai «diubah setelah pengesahan» sampai disahkan kembali.")],
            tombol=_("Ya, sahkan"),
            kembali=reverse("web:tahun", kwargs={"slug": ruang.kecamatan.slug, "tahun": ruang.tahun}),
            bahaya=False,
        )
    pengesahan = web_services.pengesahan_sahkan(
        kecamatan=ruang.kecamatan, tahun=ruang.tahun, oleh=request.user
    )
    messages.success(
        request,
        _("Data tahun %(tahun)s disahkan oleh %(nama)s.") % {"tahun": ruang.tahun, "nama": pengesahan.nama},
    )
    return redirect("web:tahun", slug=ruang.kecamatan.slug, tahun=ruang.tahun)
