"""The kabupaten's pages: the dashboard of every kecamatan, the comparison matrix, the trend,
their spreadsheets, and Bappeda's confirmation of the indicator mappings."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from kabupaten import selectors
from kabupaten.models import IndikatorKabupaten, PemetaanIndikator, StatusPemetaan
from kabupaten.services import pemetaan_hapus, pemetaan_tetapkan
from kecamatan.alur import Status
from kecamatan.models import Kecamatan
from lkip.accounts.models import Peran
from lkip.web import ekspor_kabupaten, tabel_kabupaten
from lkip.web.akses import TAHUN_MAKS, TAHUN_MIN, peran_kabupaten
from lkip.web.context_processors import tugas_alur
from lkip.web.grafik_kabupaten import grafik_tren_kabupaten


def _tahun(request: HttpRequest, *, boleh_terbaru: bool = False) -> int | None:
    """The year asked for (``?tahun=``), else the latest year with data; 404 on nonsense."""
    teks = request.GET.get("tahun", "").strip()
    if boleh_terbaru and teks in ("", "terbaru"):
        return None
    if not teks:
        tersedia = selectors.tahun_tersedia()
        return tersedia[0] if tersedia else timezone.localdate().year
    if not teks.isdigit() or not TAHUN_MIN <= int(teks) <= TAHUN_MAKS:
        raise Http404(_("Tahun tidak dikenal: tulis tahun empat angka, mis. 2024."))
    return int(teks)


def _saringan_dasbor(request: HttpRequest) -> dict:
    status = request.GET.get("status", "")
    if status and status not in Status.values:
        status = ""
    urut = request.GET.get("urut", "nama")
    return {
        "tahun": _tahun(request),
        "status": status,
        "predikat": request.GET.get("predikat", "")[:30],
        "urut": urut if urut in selectors.URUTAN else "nama",
        "turun": request.GET.get("arah") == "turun",
    }


def _dasbor(request: HttpRequest) -> selectors.Dasbor:
    return selectors.dasbor(**_saringan_dasbor(request))


#: The dashboard's columns: (sort key or "" for none, label, numeric).
KOLOM_DASBOR = (
    ("nama", gettext_lazy("Kecamatan"), False),
    ("status", gettext_lazy("Status"), False),
    ("kelengkapan", gettext_lazy("Kelengkapan"), True),
    ("capaian", gettext_lazy("Rata-rata capaian"), True),
    ("", gettext_lazy("Predikat"), False),
    ("serapan", gettext_lazy("Serapan anggaran"), True),
    ("catatan", gettext_lazy("Catatan reviu terbuka"), True),
    ("perubahan", gettext_lazy("Perubahan terakhir"), False),
)


def _kolom_dasbor(data: selectors.Dasbor) -> list[dict]:
    """Each header with the link that sorts by it (again: the other way round)."""
    dasar = {"tahun": data.tahun, "status": data.status, "predikat": data.predikat}
    kolom = []
    for kunci, label, angka in KOLOM_DASBOR:
        aktif = kunci and kunci == data.urut
        kueri = ""
        if kunci:
            arah = "naik" if aktif and data.turun else ("turun" if aktif or angka else "naik")
            kueri = urlencode({**dasar, "urut": kunci, "arah": arah})
        urutan = ("descending" if data.turun else "ascending") if aktif else ""
        kolom.append({"label": label, "angka": angka, "kueri": kueri, "aria_sort": urutan})
    return kolom


def halaman_dasbor(request: HttpRequest) -> HttpResponse:
    """The kabupaten's landing page (``beranda``) and ``/kabupaten/``."""
    tugas = tugas_alur(request) if request.user.peran in (Peran.BAPPEDA, Peran.INSPEKTORAT) else None
    saringan = _saringan_dasbor(request)

    def tata(data: selectors.Dasbor) -> str:
        kueri = {"tahun": data.tahun, "status": data.status, "predikat": data.predikat, "urut": data.urut}
        konteks = {
            "kolom": _kolom_dasbor(data),
            "kueri": urlencode({**kueri, "arah": "turun" if data.turun else "naik"}),
            "dasbor": data,
            "tahun_tersedia": selectors.tahun_tersedia(),
            "pilihan_status": Status.choices,
        }
        return render_to_string("halaman/kabupaten/_dasbor_isi.html", konteks)

    konteks = {"tahun": saringan["tahun"], "tugas": tugas, "isi": tabel_kabupaten.dasbor(saringan, tata)}
    return render(request, "halaman/kabupaten/dasbor.html", konteks)


@require_GET
@peran_kabupaten
def dasbor(request: HttpRequest) -> HttpResponse:
    return halaman_dasbor(request)


@require_GET
@peran_kabupaten
def matriks(request: HttpRequest) -> HttpResponse:
    def tata(data: selectors.Matriks) -> str:
        konteks = {"matriks": data, "tahun_tersedia": selectors.tahun_tersedia()}
        return render_to_string("halaman/kabupaten/_matriks_isi.html", konteks)

    isi = tabel_kabupaten.matriks(_tahun(request, boleh_terbaru=True), tata)
    return render(request, "halaman/kabupaten/matriks.html", {"isi": isi})


@require_GET
@peran_kabupaten
def tren(request: HttpRequest) -> HttpResponse:
    slug = request.GET.get("kecamatan", "")
    kecamatan = get_object_or_404(Kecamatan, slug=slug) if slug else None
    titik = selectors.tren(kecamatan=kecamatan)
    judul = kecamatan.__str__() if kecamatan else _("Seluruh kecamatan")
    konteks = {
        "kecamatan": kecamatan,
        "daftar_kecamatan": Kecamatan.objects.order_by("sintetis", "nama"),
        "titik": titik,
        "grafik": grafik_tren_kabupaten(titik, judul=str(judul)),
    }
    return render(request, "halaman/kabupaten/tren.html", konteks)


@require_GET
@peran_kabupaten
def ekspor_dasbor(request: HttpRequest, format: str) -> HttpResponse:
    data = _dasbor(request)
    return ekspor_kabupaten.jawaban(
        f"dasbor-kabupaten-{data.tahun}", ekspor_kabupaten.baris_dasbor(data), format
    )


@require_GET
@peran_kabupaten
def ekspor_matriks(request: HttpRequest, format: str) -> HttpResponse:
    data = selectors.matriks(tahun=_tahun(request, boleh_terbaru=True))
    nama = f"matriks-kabupaten-{data.tahun or 'terbaru'}"
    return ekspor_kabupaten.jawaban(nama, ekspor_kabupaten.baris_matriks(data), format)


@require_GET
@peran_kabupaten
def pemetaan(request: HttpRequest) -> HttpResponse:
    usulan = list(
        PemetaanIndikator.objects.filter(status=StatusPemetaan.USULAN)
        .select_related("indikator__sasaran__renstra__kecamatan", "katalog")
        .order_by("indikator__sasaran__renstra__kecamatan__nama", "indikator__kode_urut")
    )
    konteks = {
        "usulan": usulan,
        "katalog": list(IndikatorKabupaten.objects.order_by("urutan", "kode")),
        "bisa_ubah": request.user.peran in (Peran.BAPPEDA, Peran.ADMIN),
    }
    return render(request, "halaman/kabupaten/pemetaan.html", konteks)


@require_POST
@peran_kabupaten
def pemetaan_putuskan(request: HttpRequest, pemetaan_id: int) -> HttpResponse:
    """Bappeda confirms a proposal (onto the proposed entry or another one) or rejects it."""
    if request.user.peran not in (Peran.BAPPEDA, Peran.ADMIN):
        raise PermissionDenied(_("Hanya Bappeda yang mengonfirmasi pemetaan indikator."))
    obj = get_object_or_404(
        PemetaanIndikator.objects.select_related("indikator", "katalog"),
        pk=pemetaan_id,
        status=StatusPemetaan.USULAN,
    )
    if request.POST.get("aksi") == "tolak":
        pemetaan_hapus(pemetaan=obj)
        messages.success(
            request, _("Usulan untuk %(indikator)s ditolak.") % {"indikator": obj.indikator.kode}
        )
        return redirect("web:kabupaten_pemetaan")
    katalog = obj.katalog
    kode = request.POST.get("katalog", "")
    if kode and kode != katalog.kode:
        katalog = IndikatorKabupaten.objects.filter(kode=kode).first()
        if katalog is None:
            messages.error(request, _("Indikator kabupaten «%(kode)s» tidak ada.") % {"kode": kode[:30]})
            return redirect("web:kabupaten_pemetaan")
    pemetaan_tetapkan(pemetaan=obj, katalog=katalog)
    messages.success(
        request,
        _("%(indikator)s dipetakan ke «%(katalog)s».")
        % {"indikator": obj.indikator.kode, "katalog": katalog.nama},
    )
    return redirect("web:kabupaten_pemetaan")
