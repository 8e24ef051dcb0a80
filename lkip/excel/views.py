"""The Excel pages of a kecamatan's year: download the template, upload it, preview the plan,
apply it. Scoped like every kecamatan page (``lkip.web.akses``); uploading and applying need a
role that writes and a year that is not locked. Between the preview and the apply the upload
is kept under its SHA-256 (``umum.unggahan``) and the plan's fingerprint in the session; the apply
reads the file again and refuses when the plan is no longer the one shown. The stored file is
removed once the import is applied or cancelled, or replaced by a newer upload."""

import hashlib

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from kecamatan.alur import TahunTerkunci
from lkip.excel.aman import BerkasDitolak, periksa_berkas_xlsx
from lkip.excel.templat import templat_tahun
from lkip.excel.terapkan import ImporDitolak, impor_terapkan, rencana_berkas
from lkip.web.akses import Ruang, lingkup_kecamatan
from umum.unggahan import unggahan_hapus, unggahan_jalur, unggahan_simpan


class UnggahForm(forms.Form):
    berkas = forms.FileField(label=gettext_lazy("Buku kerja (.xlsx)"))


def _kunci_sesi(ruang: Ruang) -> str:
    return f"impor:{ruang.kecamatan.pk}:{ruang.tahun}"


@require_http_methods(["GET"])
@lingkup_kecamatan
def templat(request: HttpRequest, ruang: Ruang) -> HttpResponse:
    isi = templat_tahun(kecamatan=ruang.kecamatan, tahun=ruang.tahun)
    respons = HttpResponse(
        isi, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    nama = f"lkip-{ruang.kecamatan.slug}-{ruang.tahun}.xlsx"
    respons["Content-Disposition"] = f'attachment; filename="{nama}"'
    return respons


@require_http_methods(["GET", "POST"])
@lingkup_kecamatan
def impor(request: HttpRequest, ruang: Ruang) -> HttpResponse:
    konteks = {"ruang": ruang, "form": UnggahForm()}
    if request.method == "GET":
        return render(request, "halaman/impor.html", konteks)
    ruang.wajib_ubah()
    form = UnggahForm(request.POST, request.FILES)
    konteks["form"] = form
    if not form.is_valid():
        return render(request, "halaman/impor.html", konteks, status=400)
    try:
        berkas = periksa_berkas_xlsx(form.cleaned_data["berkas"])
        rencana = rencana_berkas(berkas, kecamatan=ruang.kecamatan, tahun=ruang.tahun)
    except BerkasDitolak as exc:
        form.add_error("berkas", str(exc))
        return render(request, "halaman/impor.html", konteks, status=400)
    sha = hashlib.sha256(berkas.isi).hexdigest()
    sebelumnya = (request.session.get(_kunci_sesi(ruang)) or {}).get("sha")
    if sebelumnya and sebelumnya != sha:
        unggahan_hapus(sebelumnya)  # the newer upload replaces the previous preview
        del request.session[_kunci_sesi(ruang)]
    if not rencana.galat and rencana.ada_perubahan:
        unggahan_simpan(berkas.isi)
        request.session[_kunci_sesi(ruang)] = {"sha": sha, "sidik": rencana.sidik}
    konteks |= {"rencana": rencana, "sha": sha}
    return render(request, "halaman/impor_pratinjau.html", konteks)


@require_POST
@lingkup_kecamatan
def terapkan(request: HttpRequest, ruang: Ruang) -> HttpResponse:
    ruang.wajib_ubah()
    tersimpan = request.session.get(_kunci_sesi(ruang)) or {}
    sha = request.POST.get("sha", "")
    kembali = redirect("excel:impor", slug=ruang.kecamatan.slug, tahun=ruang.tahun)
    jalur = unggahan_jalur(sha)
    if jalur is None or tersimpan.get("sha") != sha or not jalur.is_file():
        messages.error(request, _("Pratinjau impor ini sudah tidak berlaku. Unggah berkasnya lagi."))
        return kembali
    try:
        berkas = periksa_berkas_xlsx(jalur.read_bytes())
        if hashlib.sha256(berkas.isi).hexdigest() != sha:
            raise ImporDitolak(_("Berkas tersimpan berubah; unggah lagi."))
        rencana = impor_terapkan(
            berkas=berkas,
            kecamatan=ruang.kecamatan,
            tahun=ruang.tahun,
            sidik=tersimpan["sidik"],
            oleh=request.user,
        )
    except (BerkasDitolak, ImporDitolak, TahunTerkunci, ValidationError) as exc:
        pesan = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        messages.error(request, pesan)
        return kembali
    del request.session[_kunci_sesi(ruang)]
    unggahan_hapus(sha)
    ubah = sum(1 for b in rencana.baris if b.jenis != "tetap")
    messages.success(request, _("Impor diterapkan: %(n)s baris baru atau berubah disimpan.") % {"n": ubah})
    return redirect("web:tahun", slug=ruang.kecamatan.slug, tahun=ruang.tahun)


@require_POST
@lingkup_kecamatan
def batal(request: HttpRequest, ruang: Ruang) -> HttpResponse:
    """Drop the previewed import: its stored upload is removed and nothing is written."""
    ruang.wajib_ubah()
    tersimpan = request.session.pop(_kunci_sesi(ruang), None) or {}
    if tersimpan.get("sha"):
        unggahan_hapus(tersimpan["sha"])
        messages.info(request, _("Impor dibatalkan; berkas yang diunggah sudah dihapus."))
    return redirect("excel:impor", slug=ruang.kecamatan.slug, tahun=ruang.tahun)
