from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kecamatan.alur import (
    Aksi,
    AlurDitolak,
    aksi_tersedia,
    alur_terapkan,
    pastikan_dapat_diubah,
    status_tahun,
)
from kecamatan.models import AlurLaporan, Kecamatan
from lkip.laporan import periksa
from lkip.web import selectors
from lkip.web import services as web_services
from lkip.web.akses import Ruang, lingkup_kecamatan, wajib_berperan
from lkip.web.context_processors import tugas_alur
from lkip.web.konfirmasi import halaman_konfirmasi, is_dikonfirmasi
from lkip.web.reviu import panel_catatan
from lkip.web.views.kabupaten import halaman_dasbor
from reviu.selectors import ringkasan_catatan_terbuka
from umum.versi_data import tersimpan


@require_GET
@login_required
def beranda(request: HttpRequest) -> HttpResponse:
    """Kecamatan users go straight to their latest year; kabupaten users get the dashboard."""
    user = request.user
    wajib_berperan(user)
    if user.is_peran_kecamatan:
        tahun = selectors.tahun_terbaru(user.kecamatan) or timezone.localdate().year
        return redirect("web:tahun", slug=user.kecamatan.slug, tahun=tahun)
    return halaman_dasbor(request)


@require_GET
@login_required
def tugas(request: HttpRequest) -> HttpResponse:
    """What waits for the user's step, with a link to each year's page."""
    wajib_berperan(request.user)
    # The same as ``selectors.daftar_tugas``, sharing the workflow steps with the menu's count.
    daftar = tugas_alur(request) + selectors.tugas_kekurangan(request.user)
    return render(request, "halaman/tugas.html", {"tugas": daftar})


def _periksa(kecamatan: Kecamatan, tahun: int) -> tuple[periksa.DataPeriksa, list[periksa.Temuan]]:
    """The consistency check's data and findings. Both come only from the data apps (scores,
    targets, budget, profile, officials, IKU), so they are kept per kecamatan's data version: the
    page reads them from the cache until a write to the kecamatan (or to a scale) renews it."""
    data = periksa.ambil(kecamatan=kecamatan, tahun=tahun)
    return data, periksa.jalankan(data)


@require_GET
@lingkup_kecamatan
def tahun(request: HttpRequest, ruang: Ruang) -> HttpResponse:
    data_periksa, temuan = tersimpan(
        "periksa", ruang.kecamatan.pk, ruang.tahun, lambda: _periksa(ruang.kecamatan, ruang.tahun)
    )
    data = selectors.beranda_tahun(kecamatan=ruang.kecamatan, tahun=ruang.tahun, data_periksa=data_periksa)
    alur = selectors.alur_tahun(kecamatan=ruang.kecamatan, tahun=ruang.tahun, peran=request.user.peran)
    ruang.catat_status(alur.status)
    kembali = reverse("web:tahun", kwargs={"slug": ruang.kecamatan.slug, "tahun": ruang.tahun})
    panel = panel_catatan(ruang, tempat=[("tahun", _("Laporan tahun ini"))], kembali=kembali)
    konteks = {
        "ruang": ruang,
        "data": data,
        "periksa": periksa.KelompokTemuan.dari(temuan),
        "alur": alur,
        "panel": panel,
    }
    # The year page already lists what is missing; kecamatan users also see their workflow steps.
    konteks["tugas"] = tugas_alur(request) if request.user.is_peran_kecamatan else None
    return render(request, "halaman/tahun.html", konteks)


def _konfirmasi_kembalikan(request: HttpRequest, ruang: Ruang) -> HttpResponse | None:
    """A return asks first when the year has review notes not yet closed, and lists them: they
    are recorded under the reason, so the kecamatan reads what to answer."""
    if request.POST.get("aksi") != Aksi.KEMBALIKAN or is_dikonfirmasi(request):
        return None
    alur_tahun = AlurLaporan.objects.filter(kecamatan=ruang.kecamatan, tahun=ruang.tahun).first()
    if alur_tahun is None or not request.POST.get("catatan", "").strip():
        return None
    if Aksi.KEMBALIKAN not in aksi_tersedia(alur_tahun.status, request.user.peran):
        return None
    terbuka = ringkasan_catatan_terbuka(alur_tahun)
    if not terbuka:
        return None
    return halaman_konfirmasi(
        request,
        ruang,
        judul=_("Kembalikan laporan tahun %(tahun)s") % {"tahun": ruang.tahun},
        pertanyaan=_(
            "Laporan dikembalikan ke %(kecamatan)s dengan alasan yang Anda tulis. Catatan reviu berikut "
            "belum selesai dan dicatat bersama alasan itu:"
        )
        % {"kecamatan": ruang.kecamatan},
        akibat=terbuka,
        tombol=_("Ya, kembalikan"),
        kembali=reverse("web:tahun", kwargs={"slug": ruang.kecamatan.slug, "tahun": ruang.tahun}),
        bahaya=False,
    )


def _perlu_konfirmasi(request: HttpRequest, ruang: Ruang) -> bool:
    """The Camat's submit is the sign-off: it asks first, when the Camat may take it now (any
    other request goes straight to the workflow, which refuses it with its own message)."""
    if request.POST.get("aksi") != Aksi.AJUKAN or is_dikonfirmasi(request):
        return False
    return Aksi.AJUKAN in aksi_tersedia(status_tahun(ruang.kecamatan, ruang.tahun), request.user.peran)


@require_POST
@lingkup_kecamatan
def alur(request: HttpRequest, ruang: Ruang) -> HttpResponse:
    """Take one step of the review workflow (submit, review, return, approve, lock, reopen).
    Who may take which step is decided by ``kecamatan.alur``; a refusal comes back as a message."""
    ruang.wajib_dalam_renstra()
    if _perlu_konfirmasi(request, ruang):
        return halaman_konfirmasi(
            request,
            ruang,
            judul=_("Ajukan laporan tahun %(tahun)s") % {"tahun": ruang.tahun},
            pertanyaan=_(
                "Dengan mengajukan, Anda mengesahkan data tahun %(tahun)s %(kecamatan)s sebagai benar "
                "dan siap direviu Inspektorat."
            )
            % {"tahun": ruang.tahun, "kecamatan": ruang.kecamatan},
            akibat=[_("Selama direviu, data tahun ini tidak dapat diubah sampai laporan dikembalikan.")],
            tombol=_("Ya, ajukan"),
            kembali=reverse("web:tahun", kwargs={"slug": ruang.kecamatan.slug, "tahun": ruang.tahun}),
            bahaya=False,
        )
    konfirmasi = _konfirmasi_kembalikan(request, ruang)
    if konfirmasi is not None:
        return konfirmasi
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


@require_http_methods(["GET", "POST"])
@lingkup_kecamatan
def tahun_mulai(request: HttpRequest, ruang: Ruang) -> HttpResponse:
    """«Mulai tahun <N>» (the URL's year) from the year before: a page lists what will be
    copied, or why it cannot be; only the confirmed POST copies, then the new year's home shows
    what is left to fill."""
    if not ruang.bisa_ubah:
        raise PermissionDenied
    if request.method == "POST":
        pastikan_dapat_diubah(ruang.kecamatan, ruang.tahun)
    asal = reverse("web:tahun", kwargs={"slug": ruang.kecamatan.slug, "tahun": ruang.tahun - 1})
    if request.method != "POST" or not is_dikonfirmasi(request):
        rencana = selectors.rencana_tahun_baru(kecamatan=ruang.kecamatan, tahun=ruang.tahun)
        return halaman_konfirmasi(
            request,
            ruang,
            judul=_("Mulai tahun %(tahun)s") % {"tahun": ruang.tahun},
            pertanyaan=_(
                "Data tahun %(tahun)s %(kecamatan)s dimulai dari tahun %(asal)s tanpa mengetik ulang. "
                "Yang akan disalin:"
            )
            % {"tahun": ruang.tahun, "kecamatan": ruang.kecamatan, "asal": rencana.asal},
            akibat=rencana.salinan,
            tombol=_("Ya, mulai tahun %(tahun)s") % {"tahun": ruang.tahun},
            kembali=asal,
            bahaya=False,
            alasan=rencana.alasan,
        )
    try:
        hasil = web_services.tahun_mulai(kecamatan=ruang.kecamatan, tahun=ruang.tahun, oleh=request.user)
    except web_services.TahunBaruDitolak as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(asal)
    messages.success(
        request,
        _(
            "Tahun %(tahun)s dimulai: %(target)s target PK (%(kosong)s masih kosong), %(sub)s sub kegiatan "
            "tanpa pagu dan realisasi, dan %(profil)s. Lengkapi yang tercantum di «Yang belum lengkap»."
        )
        % {
            "tahun": hasil.tahun,
            "target": hasil.target_pk,
            "kosong": hasil.target_kosong,
            "sub": hasil.sub_kegiatan,
            "profil": _("profil beserta tabelnya") if hasil.profil else _("tanpa profil"),
        },
    )
    return redirect("web:tahun", slug=ruang.kecamatan.slug, tahun=ruang.tahun)
