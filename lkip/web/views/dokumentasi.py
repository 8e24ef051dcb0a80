"""Documentation photos of the year's programs, kegiatan and sub kegiatan: the list with the
upload form, a photo's caption and «tampilkan di laporan» mark, the photo itself, and its delete."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from anggaran import services as anggaran_services
from anggaran.models import Dokumentasi
from anggaran.selectors import halaman_dokumentasi
from lkip.web.akses import Ruang, lingkup_kecamatan
from lkip.web.forms_data import DokumentasiForm, DokumentasiUbahForm
from lkip.web.konfirmasi import langkah_hapus


def _kembali(ruang: Ruang) -> str:
    return reverse("web:dokumentasi", kwargs={"slug": ruang.kecamatan.slug, "tahun": ruang.tahun})


def _dokumentasi(ruang: Ruang, dokumentasi_id: int) -> Dokumentasi:
    dokumentasi = Dokumentasi.objects.filter(
        pk=dokumentasi_id, program__kecamatan=ruang.kecamatan, program__tahun=ruang.tahun
    ).first()
    if dokumentasi is None:
        raise Http404
    return dokumentasi


@require_http_methods(["GET", "POST"])
@lingkup_kecamatan
def dokumentasi(request: HttpRequest, ruang: Ruang) -> HttpResponse:
    halaman = halaman_dokumentasi(kecamatan=ruang.kecamatan, tahun=ruang.tahun)
    status = 200
    if request.method == "POST":
        ruang.wajib_ubah()
        form = DokumentasiForm(request.POST, request.FILES, pilihan=halaman.pilihan)
        if form.is_valid():
            try:
                anggaran_services.dokumentasi_create(
                    kecamatan=ruang.kecamatan,
                    tahun=ruang.tahun,
                    bagian=form.cleaned_data["bagian"],
                    foto=form.cleaned_data["foto"],
                    keterangan=form.cleaned_data["keterangan"],
                    tampilkan_di_laporan=form.cleaned_data["tampilkan_di_laporan"],
                )
            except ValidationError as exc:
                form.add_error("foto", exc.messages)
            else:
                messages.success(request, _("Foto dokumentasi ditambahkan."))
                return redirect(_kembali(ruang))
        status = 400
    else:
        form = DokumentasiForm(pilihan=halaman.pilihan)
    konteks = {"ruang": ruang, "halaman": halaman, "form": form}
    return render(request, "halaman/dokumentasi.html", konteks, status=status)


@require_POST
@lingkup_kecamatan
def dokumentasi_ubah(request: HttpRequest, ruang: Ruang, dokumentasi_id: int) -> HttpResponse:
    """Save a photo's caption and whether the report prints it."""
    ruang.wajib_ubah()
    obj = _dokumentasi(ruang, dokumentasi_id)
    form = DokumentasiUbahForm(request.POST)
    if not form.is_valid():
        galat = [e for daftar in form.errors.values() for e in daftar]
        messages.error(
            request,
            _("Foto «%(nama)s» tidak diubah: %(galat)s") % {"nama": obj.keterangan, "galat": " ".join(galat)},
        )
        return redirect(_kembali(ruang))
    anggaran_services.dokumentasi_update(
        dokumentasi=obj,
        keterangan=form.cleaned_data["keterangan"],
        tampilkan_di_laporan=form.cleaned_data["tampilkan_di_laporan"],
    )
    messages.success(request, _("Foto «%(nama)s» tersimpan.") % {"nama": form.cleaned_data["keterangan"]})
    return redirect(_kembali(ruang))


@require_GET
@lingkup_kecamatan
def dokumentasi_foto(request: HttpRequest, ruang: Ruang, dokumentasi_id: int) -> HttpResponse:
    """The photo, for this kecamatan's users and the kabupaten's (the PDF reads it from storage).
    Its name is its content hash, so it never changes under the same URL."""
    obj = _dokumentasi(ruang, dokumentasi_id)
    try:
        berkas = obj.berkas.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    jenis = "image/png" if obj.berkas.name.endswith(".png") else "image/jpeg"
    jawaban = FileResponse(berkas, content_type=jenis)
    jawaban["Cache-Control"] = "private, max-age=86400"
    jawaban["X-Content-Type-Options"] = "nosniff"
    return jawaban


@require_http_methods(["GET", "POST"])
@lingkup_kecamatan
def dokumentasi_hapus(request: HttpRequest, ruang: Ruang, dokumentasi_id: int) -> HttpResponse:
    """Delete a photo, after asking."""
    ruang.wajib_ubah()
    obj = _dokumentasi(ruang, dokumentasi_id)
    return langkah_hapus(
        request,
        ruang,
        judul=_("Hapus foto dokumentasi"),
        pertanyaan=_("Hapus foto «%(nama)s»?") % {"nama": obj.keterangan},
        akibat=[_("Foto tidak lagi dicetak di laporan; berkasnya dihapus dari server.")],
        alasan="",
        kembali=_kembali(ruang),
        hapus=lambda: anggaran_services.dokumentasi_delete(dokumentasi=obj),
        berhasil=_("Foto dokumentasi dihapus."),
    )
