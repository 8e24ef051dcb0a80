"""Renstra (targets per year, indicators, tujuan and sasaran, a Perubahan) and RKT pages."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from lkip.web.akses import Ruang, lingkup_kecamatan
from lkip.web.forms_rencana import (
    IndikatorBaruForm,
    RenstraForm,
    RenstraPerubahanForm,
    RktForm,
    SasaranBaruForm,
    TujuanBaruForm,
)
from perencanaan import services
from perencanaan.models import RencanaKinerjaTahunan, Renstra, TargetRkt
from umum.versi import DataKedaluwarsa


def _ke_renstra(ruang: Ruang) -> HttpResponse:
    return redirect("web:renstra", slug=ruang.kecamatan.slug, tahun=ruang.tahun)


def _renstra_berlaku(ruang: Ruang) -> Renstra | None:
    renstra = Renstra.objects.berlaku(ruang.kecamatan, ruang.tahun)
    return None if renstra is None else services.renstra_halaman(renstra_id=renstra.pk)


def _konteks_renstra(ruang: Ruang, renstra: Renstra, **form) -> dict:
    return {
        "ruang": ruang,
        "renstra": renstra,
        "versi_lain": Renstra.objects.filter(
            kecamatan=ruang.kecamatan, tahun_awal=renstra.tahun_awal
        ).order_by("versi"),
        "form": form.get("form")
        or RenstraForm(initial=RenstraForm.awal(renstra, services.versi_renstra(renstra)), renstra=renstra),
        "form_tujuan": form.get("form_tujuan") or TujuanBaruForm(prefix="tujuan"),
        "form_sasaran": form.get("form_sasaran") or SasaranBaruForm(prefix="sasaran", renstra=renstra),
        "form_indikator": form.get("form_indikator")
        or IndikatorBaruForm(prefix="indikator", renstra=renstra),
        "form_perubahan": form.get("form_perubahan")
        or RenstraPerubahanForm(prefix="perubahan", initial={"berlaku_mulai": ruang.tahun}),
    }


@require_http_methods(["GET", "POST"])
@lingkup_kecamatan
def renstra(request: HttpRequest, ruang: Ruang) -> HttpResponse:
    berlaku = _renstra_berlaku(ruang)
    if berlaku is None:
        return render(request, "halaman/renstra.html", {"ruang": ruang, "renstra": None})
    if request.method == "POST":
        ruang.wajib_ubah()
        form = RenstraForm(request.POST, renstra=berlaku)
        if form.is_valid():
            try:
                services.renstra_update(
                    renstra=berlaku,
                    versi=form.cleaned_data["versi"],
                    indikator=form.nilai_indikator(),
                    target=form.nilai_target(),
                )
            except DataKedaluwarsa as exc:
                form.add_error(None, exc)
            except ValidationError as exc:
                form.add_error(None, exc.messages)
            else:
                messages.success(request, _("Renstra tersimpan."))
                return _ke_renstra(ruang)
        status = form.status_http
        return render(
            request, "halaman/renstra.html", _konteks_renstra(ruang, berlaku, form=form), status=status
        )
    return render(request, "halaman/renstra.html", _konteks_renstra(ruang, berlaku))


@require_POST
@lingkup_kecamatan
def tujuan_tambah(request: HttpRequest, ruang: Ruang) -> HttpResponse:
    return _tambah(request, ruang, "tujuan")


@require_POST
@lingkup_kecamatan
def sasaran_tambah(request: HttpRequest, ruang: Ruang) -> HttpResponse:
    return _tambah(request, ruang, "sasaran")


@require_POST
@lingkup_kecamatan
def indikator_tambah(request: HttpRequest, ruang: Ruang) -> HttpResponse:
    return _tambah(request, ruang, "indikator")


def _tambah(request: HttpRequest, ruang: Ruang, jenis: str) -> HttpResponse:
    """Add a tujuan, a sasaran or an indicator to the Renstra in force."""
    ruang.wajib_ubah()
    berlaku = _renstra_berlaku(ruang)
    if berlaku is None:
        raise Http404
    kelas = {"tujuan": TujuanBaruForm, "sasaran": SasaranBaruForm, "indikator": IndikatorBaruForm}
    argumen = {} if jenis == "tujuan" else {"renstra": berlaku}
    form = kelas[jenis](request.POST, prefix=jenis, **argumen)
    if form.is_valid():
        buat = {
            "tujuan": services.tujuan_create,
            "sasaran": services.sasaran_create,
            "indikator": services.indikator_create,
        }
        try:
            buat[jenis](renstra=berlaku, **form.cleaned_data)
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for kolom, galat in exc.message_dict.items():
                    form.add_error(kolom if kolom in form.fields else None, galat)
            else:
                form.add_error(None, exc.messages)
        else:
            messages.success(request, _("%(jenis)s baru ditambahkan.") % {"jenis": jenis.capitalize()})
            return _ke_renstra(ruang)
    return render(
        request,
        "halaman/renstra.html",
        _konteks_renstra(ruang, berlaku, **{f"form_{jenis}": form}),
        status=400,
    )


@require_POST
@lingkup_kecamatan
def renstra_perubahan(request: HttpRequest, ruang: Ruang) -> HttpResponse:
    ruang.wajib_ubah()
    berlaku = _renstra_berlaku(ruang)
    if berlaku is None:
        raise Http404
    form = RenstraPerubahanForm(request.POST, prefix="perubahan")
    if form.is_valid():
        try:
            baru = services.renstra_perubahan_create(renstra=berlaku, **form.cleaned_data)
        except DataKedaluwarsa:
            form.add_error(
                None, _("Renstra ini sudah memiliki versi yang lebih baru; buka tahun yang memakainya.")
            )
        except ValidationError as exc:
            for kolom, galat in exc.message_dict.items():
                form.add_error(kolom if kolom in form.fields else None, galat)
        else:
            messages.success(
                request,
                _("Renstra Perubahan (versi %(versi)s) dibuat, berlaku mulai %(tahun)s.")
                % {"versi": baru.versi, "tahun": baru.berlaku_mulai},
            )
            return redirect(
                "web:renstra", slug=ruang.kecamatan.slug, tahun=max(ruang.tahun, baru.berlaku_mulai)
            )
    return render(
        request, "halaman/renstra.html", _konteks_renstra(ruang, berlaku, form_perubahan=form), status=400
    )


def _rkt(ruang: Ruang) -> RencanaKinerjaTahunan | None:
    return (
        RencanaKinerjaTahunan.objects.filter(kecamatan=ruang.kecamatan, tahun=ruang.tahun)
        .prefetch_related(
            Prefetch(
                "target",
                queryset=TargetRkt.objects.select_related("indikator__sasaran").order_by(
                    "indikator__sasaran__nomor", "indikator__urutan", "indikator__kode_urut"
                ),
            )
        )
        .first()
    )


@require_http_methods(["GET", "POST"])
@lingkup_kecamatan
def rkt(request: HttpRequest, ruang: Ruang) -> HttpResponse:
    rencana = _rkt(ruang)
    if rencana is None:
        ada_renstra = Renstra.objects.berlaku(ruang.kecamatan, ruang.tahun) is not None
        return render(request, "halaman/rkt.html", {"ruang": ruang, "rkt": None, "ada_renstra": ada_renstra})
    if request.method == "POST":
        ruang.wajib_ubah()
        form = RktForm(request.POST, rkt=rencana)
        if form.is_valid():
            try:
                services.rkt_update(
                    rkt=rencana,
                    versi=form.cleaned_data["versi"],
                    tanggal=form.cleaned_data["tanggal"],
                    target=form.nilai_target(),
                )
            except DataKedaluwarsa as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("RKT tersimpan."))
                return redirect("web:rkt", slug=ruang.kecamatan.slug, tahun=ruang.tahun)
        status = form.status_http
        return render(
            request, "halaman/rkt.html", {"ruang": ruang, "rkt": rencana, "form": form}, status=status
        )
    form = RktForm(initial=RktForm.awal(rencana, services.versi_rkt(rencana)), rkt=rencana)
    return render(request, "halaman/rkt.html", {"ruang": ruang, "rkt": rencana, "form": form})


@require_POST
@lingkup_kecamatan
def rkt_buat(request: HttpRequest, ruang: Ruang) -> HttpResponse:
    ruang.wajib_ubah()
    try:
        services.rkt_create(kecamatan=ruang.kecamatan, tahun=ruang.tahun)
    except DataKedaluwarsa:
        messages.info(request, _("RKT tahun ini sudah ada."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("RKT dibuat dari target Renstra tahun ini; periksa lalu simpan."))
    return redirect("web:rkt", slug=ruang.kecamatan.slug, tahun=ruang.tahun)
