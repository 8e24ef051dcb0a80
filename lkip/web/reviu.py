"""The review notes as the staff pages show them: the year's notes, what this user may do with
them, the places a new note on this page may be about, and where each note lives."""

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from lkip.laporan.models import BagianNarasi
from lkip.web.akses import Ruang
from reviu.models import CatatanReviu
from reviu.selectors import CatatanTahun, catatan_tahun
from reviu.services import Izin, izin_catatan

Jenis = CatatanReviu.Jenis


@dataclass(frozen=True)
class PanelCatatan:
    """What a page needs to show notes beside its fields and to take a new one or a reply."""

    catatan: CatatanTahun
    izin: Izin
    #: The places a new note written on this page may be about: (form value, label).
    tempat: list[tuple[str, str]]
    #: The page's own address: every note form returns there.
    kembali: str


def panel_catatan(ruang: Ruang, *, tempat: list[tuple[str, str]], kembali: str) -> PanelCatatan:
    """Two queries (the notes, their replies), plus the year's state when the page has not
    read it yet (the layout reads it anyway)."""
    return PanelCatatan(
        catatan=catatan_tahun(kecamatan=ruang.kecamatan, tahun=ruang.tahun),
        izin=izin_catatan(ruang.user, ruang.kecamatan.pk, ruang.status),
        tempat=tempat,
        kembali=kembali,
    )


def url_tempat(catatan: CatatanReviu) -> str:
    """The staff page where the note is shown beside what it is about, at the note."""
    kw = {"slug": catatan.kecamatan.slug, "tahun": catatan.tahun}
    if catatan.jenis == Jenis.TAHUN:
        url = reverse("web:tahun", kwargs=kw)
    elif catatan.jenis == Jenis.BAGIAN and catatan.bagian in BagianNarasi.values:
        url = reverse("web:narasi", kwargs=kw)
    elif catatan.jenis == Jenis.INDIKATOR and catatan.indikator_id:
        url = reverse("web:realisasi", kwargs=kw | {"indikator_id": catatan.indikator_id})
    elif catatan.jenis == Jenis.BUKTI and catatan.bukti_id:
        url = reverse("web:realisasi", kwargs=kw | {"indikator_id": catatan.bukti.realisasi.indikator_id})
    elif catatan.jenis in (Jenis.PROGRAM, Jenis.KEGIATAN, Jenis.SUB_KEGIATAN) and getattr(
        catatan, f"{catatan.jenis}_id"
    ):
        url = reverse("web:anggaran", kwargs=kw)
    else:
        url = reverse("web:catatan", kwargs=kw)
    return f"{url}#catatan-{catatan.pk}"


def alamat_kembali(request: HttpRequest, ruang: Ruang, cadangan: str) -> str:
    """The page a note form came from, when it is a page of the same kecamatan year; else
    ``cadangan`` (a forged address never takes the user elsewhere)."""
    kembali = request.POST.get("kembali", "")
    awalan = reverse("web:tahun", kwargs={"slug": ruang.kecamatan.slug, "tahun": ruang.tahun})
    if kembali.startswith(awalan) and url_has_allowed_host_and_scheme(
        kembali, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return kembali
    return cadangan
