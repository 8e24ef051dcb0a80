"""The "Riwayat" pages: who changed what, when, from which value to which, read from the
audit trail. Readable by everyone who may read the kecamatan's year."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from anggaran.models import SubKegiatan
from lkip.web import riwayat, selectors
from lkip.web.akses import Ruang, lingkup_kecamatan


def _tampil(request: HttpRequest, ruang: Ruang, halaman: riwayat.HalamanRiwayat, **konteks) -> HttpResponse:
    return render(
        request,
        "halaman/riwayat.html",
        {"ruang": ruang, "riwayat": halaman, "daftar_bagian": riwayat.BAGIAN, **konteks},
    )


@require_GET
@lingkup_kecamatan
def riwayat_tahun(request: HttpRequest, ruang: Ruang) -> HttpResponse:
    """Every change of the kecamatan's year, or of one part of it (``?bagian=anggaran``)."""
    bagian = request.GET.get("bagian") or None
    if bagian is not None and bagian not in riwayat.BAGIAN:
        raise Http404
    judul = (
        _("Riwayat perubahan")
        if bagian is None
        else _("Riwayat %(bagian)s") % {"bagian": riwayat.BAGIAN[bagian]}
    )
    halaman = riwayat.halaman_riwayat(
        judul=judul,
        bagian=riwayat.bagian_tahun(ruang.kecamatan, ruang.tahun, bagian),
        nomor=request.GET.get("halaman"),
    )
    return _tampil(request, ruang, halaman, bagian=bagian)


@require_GET
@lingkup_kecamatan
def riwayat_realisasi(request: HttpRequest, ruang: Ruang, indikator_id: int) -> HttpResponse:
    indikator = selectors.indikator_kecamatan(kecamatan=ruang.kecamatan, indikator_id=indikator_id)
    if indikator is None:
        raise Http404
    halaman = riwayat.halaman_riwayat(
        judul=_("Riwayat realisasi %(kode)s %(uraian)s")
        % {"kode": indikator.kode, "uraian": indikator.uraian},
        bagian=riwayat.bagian_realisasi(indikator.pk, ruang.tahun),
        nomor=request.GET.get("halaman"),
    )
    return _tampil(request, ruang, halaman, bagian="realisasi")


@require_GET
@lingkup_kecamatan
def riwayat_sub_kegiatan(request: HttpRequest, ruang: Ruang, sub_kegiatan_id: int) -> HttpResponse:
    sub = (
        SubKegiatan.objects.for_kecamatan_tahun(ruang.kecamatan.pk, ruang.tahun)
        .filter(pk=sub_kegiatan_id)
        .first()
    )
    if sub is None:
        raise Http404
    halaman = riwayat.halaman_riwayat(
        judul=_("Riwayat sub kegiatan %(kode)s %(nama)s") % {"kode": sub.kode, "nama": sub.nama},
        bagian=riwayat.bagian_sub_kegiatan(sub.pk),
        nomor=request.GET.get("halaman"),
    )
    return _tampil(request, ruang, halaman, bagian="anggaran")
