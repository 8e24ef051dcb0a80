from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from capaian import scoring, services
from capaian.models import Bukti
from capaian.selectors import DataTidakTersedia
from kecamatan.alur import pastikan_dapat_diubah
from lkip.web import selectors
from lkip.web.akses import Ruang, lingkup_kecamatan
from lkip.web.forms import BuktiForm, RealisasiForm
from lkip.web.konfirmasi import halaman_konfirmasi, is_dikonfirmasi
from lkip.web.reviu import panel_catatan
from perencanaan.models import Indikator
from umum.versi import DataKedaluwarsa


def _indikator(ruang: Ruang, indikator_id: int) -> Indikator:
    indikator = selectors.indikator_kecamatan(kecamatan=ruang.kecamatan, indikator_id=indikator_id)
    if indikator is None:
        raise Http404
    return indikator


def _halaman(ruang: Ruang, indikator: Indikator) -> selectors.HalamanRealisasi:
    try:
        return selectors.halaman_realisasi(kecamatan=ruang.kecamatan, tahun=ruang.tahun, indikator=indikator)
    except DataTidakTersedia as exc:
        raise Http404(str(exc)) from exc


def _catatan(ruang: Ruang, halaman: selectors.HalamanRealisasi) -> dict:
    """The review notes on the indicator and on its evidence, and a new note on either."""
    indikator = halaman.indikator
    tempat = [(f"indikator:{indikator.pk}", f"{_('Indikator')} {indikator.kode}")]
    tempat += [(f"bukti:{b.pk}", f"{_('Bukti')}: {b}") for b in halaman.bukti]
    kembali = reverse(
        "web:realisasi",
        kwargs={"slug": ruang.kecamatan.slug, "tahun": ruang.tahun, "indikator_id": indikator.pk},
    )
    panel = panel_catatan(ruang, tempat=tempat, kembali=kembali)
    return {
        "panel": panel,
        "catatan_indikator": panel.catatan.indikator.get(indikator.pk, []),
        "catatan_bukti": panel.catatan.untuk_bukti(b.pk for b in halaman.bukti),
    }


def _pratinjau_dari(form: RealisasiForm, halaman: selectors.HalamanRealisasi) -> selectors.Pratinjau | None:
    """The preview of what is typed; ``None`` while a number cannot be read yet."""
    data = form.cleaned_data if form.is_bound else None
    if data is None:
        return None
    if any(
        n in form.errors for n in ["status", "nilai", "triwulan_1", "triwulan_2", "triwulan_3", "triwulan_4"]
    ):
        return None
    return selectors.pratinjau_capaian(
        indikator=halaman.indikator,
        target=halaman.target,
        skala=halaman.skala,
        konversi=halaman.konversi,
        status=data.get("status", ""),
        nilai=data.get("nilai"),
        triwulan=form.triwulan(),
        alasan=data.get("alasan", ""),
    )


def _pratinjau_tersimpan(halaman: selectors.HalamanRealisasi) -> selectors.Pratinjau:
    r = halaman.realisasi
    return selectors.pratinjau_capaian(
        indikator=halaman.indikator,
        target=halaman.target,
        skala=halaman.skala,
        konversi=halaman.konversi,
        status="" if r is None else r.status,
        nilai=None if r is None else scoring.nilai_opsional(r.angka, r.huruf),
        triwulan=dict(halaman.triwulan),
        alasan="" if r is None else r.alasan,
    )


def _form_tersimpan(halaman: selectors.HalamanRealisasi) -> RealisasiForm:
    """The form as the realisasi is stored now, with its version token."""
    versi = services.versi_realisasi(halaman.realisasi)
    return RealisasiForm(initial=RealisasiForm.awal(halaman.realisasi, halaman.triwulan, versi))


def _halaman_realisasi(
    request: HttpRequest,
    ruang: Ruang,
    halaman: selectors.HalamanRealisasi,
    form: RealisasiForm,
    pratinjau: selectors.Pratinjau | None,
    status: int = 200,
) -> HttpResponse:
    konteks = {
        "ruang": ruang,
        "halaman": halaman,
        "form": form,
        "pratinjau": pratinjau,
        "bukti_form": BuktiForm(),
        "pesan_bukti": "",
        **_catatan(ruang, halaman),
    }
    return render(request, "halaman/realisasi.html", konteks, status=status)


@require_http_methods(["GET", "POST"])
@lingkup_kecamatan
def realisasi(request: HttpRequest, ruang: Ruang, indikator_id: int) -> HttpResponse:
    indikator = _indikator(ruang, indikator_id)
    if request.method == "POST":
        return _realisasi_simpan(request, ruang, indikator)
    halaman = _halaman(ruang, indikator)
    return _halaman_realisasi(
        request, ruang, halaman, _form_tersimpan(halaman), _pratinjau_tersimpan(halaman)
    )


def _realisasi_simpan(request: HttpRequest, ruang: Ruang, indikator: Indikator) -> HttpResponse:
    """Save and redirect. The page (targets, scale, evidence, review notes) is built only when
    the form comes back with errors or is refused as stale; the year's lock is checked by the
    service inside its transaction, and here only before showing errors, so once either way."""
    ruang.wajib_berhak_ubah()
    data = request.POST
    if RealisasiForm.memilih_tersimpan(data):
        data = _form_tersimpan(_halaman(ruang, indikator)).terapkan_pilihan(data)
    form = RealisasiForm(data)
    if form.is_valid():
        try:
            services.realisasi_update(
                indikator=indikator,
                tahun=ruang.tahun,
                versi=form.cleaned_data["versi"],
                status=form.cleaned_data["status"],
                nilai=form.cleaned_data["nilai"],
                triwulan=form.triwulan(),
                **{
                    nama: form.cleaned_data[nama]
                    for nama in [
                        "alasan",
                        "catatan",
                        "faktor_keberhasilan",
                        "hambatan",
                        "tindak_lanjut",
                        "pembanding_nasional",
                        "pembanding_provinsi",
                        "pembanding_kabupaten",
                    ]
                },  # fmt: skip
            )
        except DataKedaluwarsa:
            halaman = _halaman(ruang, indikator)
            form.tandai_konflik(_form_tersimpan(halaman))
        else:
            messages.success(request, _("Realisasi %(kode)s tersimpan.") % {"kode": indikator.kode})
            return redirect(
                "web:realisasi", slug=ruang.kecamatan.slug, tahun=ruang.tahun, indikator_id=indikator.pk
            )
    else:
        halaman = _halaman(ruang, indikator)
        pastikan_dapat_diubah(ruang.kecamatan, ruang.tahun)
    return _halaman_realisasi(request, ruang, halaman, form, _pratinjau_dari(form, halaman), form.status_http)


@require_POST
@lingkup_kecamatan
def realisasi_pratinjau(request: HttpRequest, ruang: Ruang, indikator_id: int) -> HttpResponse:
    """The htmx partial: capaian and predikat of the realisasi as typed, scored on the server."""
    indikator = _indikator(ruang, indikator_id)
    halaman = _halaman(ruang, indikator)
    form = RealisasiForm(request.POST)
    form.is_valid()
    konteks = {"halaman": halaman, "pratinjau": _pratinjau_dari(form, halaman), "form": form}
    return render(request, "halaman/_pratinjau.html", konteks)


def _bagian_bukti(request: HttpRequest, ruang: Ruang, indikator: Indikator, form: BuktiForm, pesan: str = ""):
    """The evidence section alone, for htmx: the realisasi form beside it is left as typed."""
    halaman = _halaman(ruang, indikator)
    konteks = {"ruang": ruang, "halaman": halaman, "bukti_form": form, "pesan_bukti": pesan}
    return render(request, "halaman/_bukti.html", konteks)


@require_POST
@lingkup_kecamatan
def bukti_tambah(request: HttpRequest, ruang: Ruang, indikator_id: int) -> HttpResponse:
    """Add evidence. From the page's script (htmx) only the evidence section is sent back, so
    unsaved input in the realisasi form stays; without it, the whole page."""
    ruang.wajib_ubah()
    indikator = _indikator(ruang, indikator_id)
    form = BuktiForm(request.POST, request.FILES)
    if form.is_valid():
        services.bukti_create(
            indikator=indikator,
            tahun=ruang.tahun,
            berkas=form.cleaned_data["berkas"],
            tautan=form.cleaned_data["tautan"],
            keterangan=form.cleaned_data["keterangan"],
        )
        if request.htmx:
            return _bagian_bukti(request, ruang, indikator, BuktiForm(), _("Bukti dukung ditambahkan."))
        messages.success(request, _("Bukti dukung ditambahkan."))
        return redirect(
            "web:realisasi", slug=ruang.kecamatan.slug, tahun=ruang.tahun, indikator_id=indikator.pk
        )
    if request.htmx:
        return _bagian_bukti(request, ruang, indikator, form)
    halaman = _halaman(ruang, indikator)
    konteks = {
        "ruang": ruang,
        "halaman": halaman,
        "form": _form_tersimpan(halaman),
        "pratinjau": _pratinjau_tersimpan(halaman),
        "bukti_form": form,
        "pesan_bukti": "",
        **_catatan(ruang, halaman),
    }
    return render(request, "halaman/realisasi.html", konteks, status=400)


def _bukti(ruang: Ruang, bukti_id: int) -> Bukti:
    bukti = (
        Bukti.objects.select_related("realisasi")
        .filter(
            pk=bukti_id,
            realisasi__tahun=ruang.tahun,
            realisasi__indikator__sasaran__renstra__kecamatan=ruang.kecamatan,
        )
        .first()
    )
    if bukti is None:
        raise Http404
    return bukti


@require_GET
@lingkup_kecamatan
def bukti_unduh(request: HttpRequest, ruang: Ruang, bukti_id: int) -> HttpResponse:
    bukti = _bukti(ruang, bukti_id)
    if not bukti.berkas:
        raise Http404
    try:
        berkas = bukti.berkas.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(berkas, as_attachment=True, filename=bukti.berkas.name.rsplit("/", 1)[-1])


@require_POST
@lingkup_kecamatan
def bukti_hapus(request: HttpRequest, ruang: Ruang, bukti_id: int) -> HttpResponse:
    """Delete evidence after asking (a dialog, or a page without script)."""
    ruang.wajib_ubah()
    bukti = _bukti(ruang, bukti_id)
    indikator_id = bukti.realisasi.indikator_id
    kembali = reverse(
        "web:realisasi",
        kwargs={"slug": ruang.kecamatan.slug, "tahun": ruang.tahun, "indikator_id": indikator_id},
    )
    if not is_dikonfirmasi(request):
        return halaman_konfirmasi(
            request,
            ruang,
            judul=_("Hapus bukti dukung"),
            pertanyaan=_("Hapus bukti dukung «%(nama)s»?")
            % {"nama": bukti.keterangan or bukti.berkas.name or bukti.tautan},
            akibat=[_("Berkasnya ikut terhapus dari server.")] if bukti.berkas else None,
            tombol=_("Ya, hapus"),
            kembali=kembali,
        )
    services.bukti_delete(bukti=bukti)
    if request.htmx:
        indikator = _indikator(ruang, indikator_id)
        return _bagian_bukti(request, ruang, indikator, BuktiForm(), _("Bukti dukung dihapus."))
    messages.success(request, _("Bukti dukung dihapus."))
    return redirect(kembali)
