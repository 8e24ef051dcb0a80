"""The review notes: the year's list, a new note, a reply, closing and reopening. Who may do
which is ``reviu.services`` (a refusal there is a 403 or a message); these views only read
the forms and say what happened."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from lkip.web.akses import Ruang, lingkup_kecamatan
from lkip.web.forms_reviu import BalasanForm, CatatanForm, StatusCatatanForm
from lkip.web.reviu import alamat_kembali, panel_catatan, url_tempat
from reviu import services
from reviu.models import BagianLaporan, CatatanReviu


def _url_catatan(ruang: Ruang) -> str:
    return reverse("web:catatan", kwargs={"slug": ruang.kecamatan.slug, "tahun": ruang.tahun})


def _halaman(request: HttpRequest, ruang: Ruang, form: CatatanForm, status: int = 200) -> HttpResponse:
    tempat = [("tahun", _("Laporan tahun ini")), *((f"bagian:{b.value}", b.label) for b in BagianLaporan)]
    panel = panel_catatan(ruang, tempat=tempat, kembali=_url_catatan(ruang))
    tautan = {c.pk: url_tempat(c) for c in panel.catatan.semua}
    konteks = {"ruang": ruang, "panel": panel, "tautan": tautan, "form": form}
    return render(request, "halaman/catatan.html", konteks, status=status)


@require_GET
@lingkup_kecamatan
def catatan(request: HttpRequest, ruang: Ruang) -> HttpResponse:
    """Every note of the year, with the place it is about (linked) and its thread."""
    return _halaman(request, ruang, CatatanForm(initial={"tempat": "tahun"}))


@require_POST
@lingkup_kecamatan
def catatan_tambah(request: HttpRequest, ruang: Ruang) -> HttpResponse:
    """A reviewer's new note. A refused one comes back on the notes page with what was typed."""
    if not _boleh(request, ruang, "tulis"):
        return redirect(_url_catatan(ruang))
    form = CatatanForm(request.POST)
    if form.is_valid():
        jenis, bagian, target_id = form.cleaned_data["tempat"]
        try:
            baru = services.catatan_create(
                kecamatan=ruang.kecamatan,
                tahun=ruang.tahun,
                oleh=request.user,
                jenis=jenis,
                bagian=bagian,
                target_id=target_id,
                isi=form.cleaned_data["isi"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Catatan reviu tersimpan."))
            return redirect(url_tempat(baru))
    return _halaman(request, ruang, form, status=400)


def _catatan(ruang: Ruang, catatan_id: int) -> CatatanReviu:
    """The note if it belongs to the kecamatan year of the URL; 404 otherwise."""
    baris = (
        CatatanReviu.objects.select_related("kecamatan", "bukti__realisasi")
        .filter(pk=catatan_id, kecamatan=ruang.kecamatan, tahun=ruang.tahun)
        .first()
    )
    if baris is None:
        raise Http404
    return baris


def _boleh(request: HttpRequest, ruang: Ruang, apa: str) -> bool:
    """Whether to go on: a user who may never do ``apa`` ("tulis" or "balas") here gets 403
    before the form is read; a locked year says so in a message (``False``)."""
    izin = services.izin_catatan(request.user, ruang.kecamatan.pk, ruang.status)
    if izin.alasan:
        messages.error(request, izin.alasan)
        return False
    if not getattr(izin, apa):
        raise PermissionDenied
    return True


@require_POST
@lingkup_kecamatan
def catatan_balas(request: HttpRequest, ruang: Ruang, catatan_id: int) -> HttpResponse:
    catatan = _catatan(ruang, catatan_id)
    kembali = alamat_kembali(request, ruang, url_tempat(catatan))
    if not _boleh(request, ruang, "balas"):
        return redirect(kembali)
    form = BalasanForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tulis balasan lebih dulu (paling banyak 5.000 karakter)."))
        return redirect(kembali)
    try:
        services.catatan_balas(catatan=catatan, oleh=request.user, isi=form.cleaned_data["isi"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Balasan tersimpan."))
    return redirect(kembali)


@require_POST
@lingkup_kecamatan
def catatan_status(request: HttpRequest, ruang: Ruang, catatan_id: int) -> HttpResponse:
    catatan = _catatan(ruang, catatan_id)
    kembali = alamat_kembali(request, ruang, url_tempat(catatan))
    if not _boleh(request, ruang, "tulis"):
        return redirect(kembali)
    form = StatusCatatanForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Pilih «Tandai selesai» atau «Buka kembali»."))
        return redirect(kembali)
    try:
        hasil = services.catatan_ubah_status(
            catatan=catatan,
            oleh=request.user,
            status=form.cleaned_data["status"],
            dari=form.cleaned_data["dari"] or None,
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, _("Catatan kini berstatus «%(status)s».") % {"status": hasil.get_status_display()}
        )
    return redirect(kembali)
