"""The LKIP on the web: HTML preview and PDF of one kecamatan's year (scoped like every
kecamatan page), and the kabupaten's bulk print of all kecamatan as one zip."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from anggaran.models import Dokumentasi
from lkip.laporan.isi import isi_laporan
from lkip.laporan.models import CetakMassal, KopSurat, LaporanDisetujui
from lkip.laporan.selectors import laporan_disetujui_berlaku, laporan_disetujui_daftar, tahun_tersedia
from lkip.laporan.services import (
    cetak_massal_aksi,
    cetak_massal_aksi_boleh,
    cetak_massal_mulai,
    cetak_massal_pulihkan,
)
from lkip.laporan.simpanan import laporan_siapkan, pdf_cari, pdf_tersimpan
from lkip.laporan.tasks import kecamatan_bertahun, render_sedang_berjalan
from lkip.web.akses import TAHUN_MAKS, TAHUN_MIN, Ruang, lingkup_kecamatan, wajib_berperan


def _wajib_ada(ruang: Ruang) -> None:
    if not tahun_tersedia(kecamatan=ruang.kecamatan, tahun=ruang.tahun):
        raise Http404("Belum ada data untuk tahun ini.")


@require_GET
@lingkup_kecamatan
def pratinjau(request: HttpRequest, ruang: Ruang) -> HttpResponse:
    _wajib_ada(ruang)
    kecamatan, tahun = ruang.kecamatan, ruang.tahun
    bilah = {"slug": kecamatan.slug, "tahun": tahun, "nama": f"Kecamatan {kecamatan.nama}"}
    isi = {**isi_laporan(kecamatan=kecamatan, tahun=tahun), "pratinjau_web": bilah}
    return HttpResponse(render_to_string("laporan/lkip.html", isi))


@require_GET
@lingkup_kecamatan
def unduh_pdf(request: HttpRequest, ruang: Ruang) -> HttpResponse:
    """The frozen PDF once the year is approved (never laid out again); before that the draft
    from the cache when its content is unchanged; while the worker lays the year out after a
    save, a page that says so (and offers the link once it is ready) instead of a second render;
    otherwise it is laid out now and kept."""
    _wajib_ada(ruang)
    beku = laporan_disetujui_berlaku(kecamatan=ruang.kecamatan, tahun=ruang.tahun)
    if beku is not None:
        return _pdf_disetujui(beku, f"LKIP-{ruang.tahun}-{ruang.kecamatan.slug}.pdf")
    laporan = laporan_siapkan(kecamatan=ruang.kecamatan, tahun=ruang.tahun)
    entri = pdf_cari(sha256=laporan.sha256)
    if entri is None and render_sedang_berjalan(kecamatan=ruang.kecamatan, tahun=ruang.tahun):
        return render(request, "halaman/pdf_disiapkan.html", {"ruang": ruang, "siap": False}, status=202)
    entri = entri or pdf_tersimpan(laporan=laporan)
    with entri.berkas.open("rb") as berkas:
        jawaban = HttpResponse(berkas.read(), content_type="application/pdf")
    jawaban["Content-Disposition"] = f'attachment; filename="LKIP-{ruang.tahun}-{ruang.kecamatan.slug}.pdf"'
    return jawaban


def _pdf_disetujui(beku: LaporanDisetujui, nama: str) -> HttpResponse:
    if not beku.berkas.storage.exists(beku.berkas.name):
        raise Http404("Berkas PDF laporan yang disetujui tidak ditemukan.")
    with beku.berkas.open("rb") as berkas:
        jawaban = HttpResponse(berkas.read(), content_type="application/pdf")
    jawaban["Content-Disposition"] = f'attachment; filename="{nama}"'
    return jawaban


@require_GET
@lingkup_kecamatan
def versi_daftar(request: HttpRequest, ruang: Ruang) -> HttpResponse:
    """Every approved version of the year, each downloadable as it was approved."""
    daftar = laporan_disetujui_daftar(kecamatan=ruang.kecamatan, tahun=ruang.tahun)
    return render(request, "halaman/laporan_versi.html", {"ruang": ruang, "daftar": daftar})


@require_GET
@lingkup_kecamatan
def versi_pdf(request: HttpRequest, ruang: Ruang, versi: int) -> HttpResponse:
    beku = get_object_or_404(LaporanDisetujui, kecamatan=ruang.kecamatan, tahun=ruang.tahun, versi=versi)
    return _pdf_disetujui(beku, f"LKIP-{ruang.tahun}-{ruang.kecamatan.slug}-versi-{versi}.pdf")


@require_GET
@lingkup_kecamatan
def pdf_status(request: HttpRequest, ruang: Ruang) -> HttpResponse:
    """The waiting page's status box: still being laid out, or ready with its link."""
    _wajib_ada(ruang)
    siap = not render_sedang_berjalan(kecamatan=ruang.kecamatan, tahun=ruang.tahun)
    return render(request, "halaman/_pdf_disiapkan.html", {"ruang": ruang, "siap": siap})


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
    cetak_massal_pulihkan()
    cetak = get_object_or_404(CetakMassal, pk=pk)
    template = (
        "halaman/_cetak_massal_status.html"
        if request.headers.get("HX-Request")
        else "halaman/cetak_massal_status.html"
    )
    konteks = {
        "cetak": cetak,
        "boleh_batal": cetak_massal_aksi_boleh(cetak=cetak, aksi="batalkan"),
        "boleh_ulang": cetak_massal_aksi_boleh(cetak=cetak, aksi="ulangi"),
    }
    return render(request, template, konteks)


def _cetak_massal_ubah(request: HttpRequest, pk: int, aksi: str) -> HttpResponse:
    get_object_or_404(CetakMassal, pk=pk)
    try:
        cetak = cetak_massal_aksi(cetak_id=pk, aksi=aksi, oleh=request.user)
    except ValidationError as galat:
        messages.error(request, " ".join(galat.messages))
    else:
        selesai = "dibatalkan" if aksi == "batalkan" else "diulang"
        messages.success(request, f"Pencetakan LKIP tahun {cetak.tahun} {selesai}.")
    return redirect("laporan:cetak_massal_status", pk=pk)


@require_POST
@peran_kabupaten
def cetak_massal_batalkan(request: HttpRequest, pk: int) -> HttpResponse:
    return _cetak_massal_ubah(request, pk, "batalkan")


@require_POST
@peran_kabupaten
def cetak_massal_ulangi(request: HttpRequest, pk: int) -> HttpResponse:
    return _cetak_massal_ubah(request, pk, "ulangi")


@require_GET
@peran_kabupaten
def cetak_massal_unduh(request: HttpRequest, pk: int) -> HttpResponse:
    cetak = get_object_or_404(CetakMassal, pk=pk)
    if cetak.status != CetakMassal.Status.SELESAI:
        pesan = f"Berkas zip belum ada: pencetakan berstatus “{cetak.get_status_display()}”."
    elif not cetak.berkas or not cetak.berkas.storage.exists(cetak.berkas.name):
        pesan = cetak.pesan or "Berkas zip pencetakan ini tidak ada lagi; cetak ulang bila diperlukan."
    else:
        return FileResponse(
            cetak.berkas.open("rb"), as_attachment=True, filename=f"LKIP-{cetak.tahun}-semua-kecamatan.zip"
        )
    konteks = {"cetak": cetak, "pesan_hilang": pesan, "boleh_batal": False, "boleh_ulang": False}
    return render(request, "halaman/cetak_massal_status.html", konteks, status=404)


@require_GET
@login_required
def logo_kop(request: HttpRequest, nama: str) -> HttpResponse:
    """The letterhead's logo for the report's web preview (the PDF reads it from storage).
    Only the logo in use is served; its name is its content hash, so it is cached for good."""
    kop = KopSurat.objects.filter(logo=f"kop/{nama}").first()
    if kop is None:
        raise Http404
    jenis = (
        "image/svg+xml" if nama.endswith(".svg") else ("image/png" if nama.endswith(".png") else "image/jpeg")
    )
    jawaban = FileResponse(kop.logo.open("rb"), content_type=jenis)
    jawaban["Cache-Control"] = "private, max-age=31536000, immutable"
    jawaban["X-Content-Type-Options"] = "nosniff"
    jawaban["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return jawaban


@require_GET
@login_required
def foto_dokumentasi(request: HttpRequest, nama: str) -> HttpResponse:
    """A documentation photo for the report's web preview, at the address its HTML names (the
    PDF reads it from storage). Served only to a user who may read a kecamatan the photo belongs
    to; to anyone else it does not exist."""
    wajib_berperan(request.user)
    foto = Dokumentasi.objects.filter(berkas=f"dokumentasi/{nama}")
    if request.user.is_peran_kecamatan:
        foto = foto.filter(program__kecamatan_id=request.user.kecamatan_id)
    dokumentasi = foto.first()
    if dokumentasi is None:
        raise Http404
    try:
        berkas = dokumentasi.berkas.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    jawaban = FileResponse(berkas, content_type="image/png" if nama.endswith(".png") else "image/jpeg")
    jawaban["Cache-Control"] = "private, max-age=31536000, immutable"
    jawaban["X-Content-Type-Options"] = "nosniff"
    return jawaban
