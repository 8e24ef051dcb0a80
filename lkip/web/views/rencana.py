"""Renstra (targets per year, indicators, tujuan and sasaran, a Perubahan) and RKT pages."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
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
from lkip.web.konfirmasi import langkah_hapus
from perencanaan import services
from perencanaan.models import Indikator, RencanaKinerjaTahunan, Renstra, Sasaran, TargetRkt, Tujuan
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
    tersimpan = RenstraForm(
        initial=RenstraForm.awal(berlaku, services.versi_renstra(berlaku)), renstra=berlaku
    )
    if request.method == "POST":
        ruang.wajib_ubah()
        form = RenstraForm(tersimpan.terapkan_pilihan(request.POST), renstra=berlaku)
        if form.is_valid():
            try:
                services.renstra_update(
                    renstra=berlaku,
                    versi=form.cleaned_data["versi"],
                    indikator=form.nilai_indikator(),
                    target=form.nilai_target(),
                    rencana=form.nilai_rencana(),
                    sasaran=form.nilai_sasaran(),
                    indikator_tujuan=form.nilai_indikator_tujuan(),
                    target_tujuan=form.nilai_target_tujuan(),
                )
            except DataKedaluwarsa:
                form.tandai_konflik(tersimpan)
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
    tersimpan = RktForm(initial=RktForm.awal(rencana, services.versi_rkt(rencana)), rkt=rencana)
    if request.method == "POST":
        ruang.wajib_ubah()
        form = RktForm(tersimpan.terapkan_pilihan(request.POST), rkt=rencana)
        if form.is_valid():
            try:
                services.rkt_update(
                    rkt=rencana,
                    versi=form.cleaned_data["versi"],
                    tanggal=form.cleaned_data["tanggal"],
                    target=form.nilai_target(),
                )
            except DataKedaluwarsa:
                form.tandai_konflik(tersimpan)
            else:
                messages.success(request, _("RKT tersimpan."))
                return redirect("web:rkt", slug=ruang.kecamatan.slug, tahun=ruang.tahun)
        status = form.status_http
        return render(
            request, "halaman/rkt.html", {"ruang": ruang, "rkt": rencana, "form": form}, status=status
        )
    return render(request, "halaman/rkt.html", {"ruang": ruang, "rkt": rencana, "form": tersimpan})


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


#: What the Renstra page may delete: model, its service, how the page names it.
HAPUS_RENSTRA = {
    "tujuan": (Tujuan, services.tujuan_hambatan_hapus, services.tujuan_delete, _l("tujuan")),
    "sasaran": (Sasaran, services.sasaran_hambatan_hapus, services.sasaran_delete, _l("sasaran")),
    "indikator": (Indikator, services.indikator_hambatan_hapus, services.indikator_delete, _l("indikator")),
}


@require_http_methods(["GET", "POST"])
@lingkup_kecamatan
def renstra_hapus(request: HttpRequest, ruang: Ruang, jenis: str, baris_id: int) -> HttpResponse:
    """Delete a tujuan, sasaran or indicator of the Renstra in force, after asking."""
    ruang.wajib_ubah()
    if jenis not in HAPUS_RENSTRA:
        raise Http404
    model, hambatan, hapus, nama = HAPUS_RENSTRA[jenis]
    berlaku = Renstra.objects.berlaku(ruang.kecamatan, ruang.tahun)
    jalur = "sasaran__renstra" if model is Indikator else "renstra"
    baris = None if berlaku is None else model.objects.filter(pk=baris_id, **{jalur: berlaku}).first()
    if baris is None:
        raise Http404
    label = f"{nama} {baris.kode}"
    return langkah_hapus(
        request,
        ruang,
        judul=_("Hapus %(label)s") % {"label": label},
        pertanyaan=_("Hapus %(label)s «%(uraian)s» dari Renstra ini?")
        % {"label": label, "uraian": baris.uraian},
        akibat=[_("Target per tahunnya ikut terhapus.")] if model is Indikator else None,
        alasan=hambatan(baris),
        kembali=reverse("web:renstra", kwargs={"slug": ruang.kecamatan.slug, "tahun": ruang.tahun}),
        hapus=lambda: hapus(**{jenis: baris}),
        berhasil=_("%(label)s dihapus.") % {"label": label[:1].upper() + label[1:]},
    )
