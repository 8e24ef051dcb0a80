"""The PDF cache: a report is laid out once per content.

A report's key is the SHA-256 of its HTML (``pdf.sha256_html``). ``pdf_tersimpan`` returns the
kept entry for an HTML or lays it out and keeps it; the download, the background re-render and
the bulk print all go through it, so each kecamatan's year is one cached unit wherever it is
printed. ``pdf_pangkas`` removes entries not used for a while and all but the newest few of a
kecamatan's year.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from kecamatan.models import Kecamatan
from lkip.laporan.models import PdfLaporan
from lkip.laporan.pdf import html_lkip, pdf_dari_html, sha256_html


@dataclass(frozen=True)
class LaporanSiap:
    """A report's HTML and its key, before the cache is asked."""

    kecamatan: Kecamatan
    tahun: int
    html: str
    sha256: str


def laporan_siapkan(*, kecamatan: Kecamatan, tahun: int) -> LaporanSiap:
    html = html_lkip(kecamatan=kecamatan, tahun=tahun)
    return LaporanSiap(kecamatan=kecamatan, tahun=tahun, html=html, sha256=sha256_html(html))


def pdf_cari(*, sha256: str) -> PdfLaporan | None:
    """The kept entry for a key whose file is still there, marked as used; else ``None``."""
    entri = PdfLaporan.objects.filter(sha256=sha256).first()
    if entri is None:
        return None
    if not entri.berkas.storage.exists(entri.berkas.name):
        entri.delete()
        return None
    entri.dipakai = timezone.now()
    entri.save(update_fields=["dipakai"])
    return entri


def pdf_simpan(*, laporan: LaporanSiap, pdf: bytes) -> PdfLaporan:
    """Keep a laid-out PDF under its key (another process may have kept the same one first)."""
    entri = PdfLaporan(
        kecamatan=laporan.kecamatan,
        tahun=laporan.tahun,
        sha256=laporan.sha256,
        ukuran=len(pdf),
        dipakai=timezone.now(),
    )
    entri.berkas.save(
        f"{laporan.kecamatan.slug}-{laporan.tahun}-{laporan.sha256}.pdf", ContentFile(pdf), save=False
    )
    try:
        with transaction.atomic():
            entri.save()
    except IntegrityError:
        nama = entri.berkas.name
        ada = PdfLaporan.objects.get(sha256=laporan.sha256)
        if nama != ada.berkas.name:
            entri.berkas.storage.delete(nama)
        return ada
    return entri


def pdf_tersimpan(*, laporan: LaporanSiap) -> PdfLaporan:
    """The PDF of a prepared report: from the cache, or laid out now and kept (and then the
    cache is pruned, so it stays bounded wherever it grows)."""
    entri = pdf_cari(sha256=laporan.sha256)
    if entri is None:
        entri = pdf_simpan(laporan=laporan, pdf=pdf_dari_html(laporan.html))
        pdf_pangkas()
    return entri


def pdf_pangkas(*, umur: timedelta | None = None, sisa: int | None = None) -> int:
    """Remove entries unused for ``umur`` and all but the ``sisa`` newest of each kecamatan's year.

    Returns how many entries (and their files) were removed.
    """
    umur = timedelta(days=settings.LKIP_PDF_SIMPAN_HARI) if umur is None else umur
    sisa = settings.LKIP_PDF_SIMPAN_PER_TAHUN if sisa is None else sisa
    urutan = PdfLaporan.objects.annotate(
        nomor=Window(RowNumber(), partition_by=["kecamatan", "tahun"], order_by=["-dipakai", "-id"])
    ).values_list("pk", "nomor")
    lebih = {pk for pk, nomor in urutan if nomor > sisa}
    lama = set(PdfLaporan.objects.filter(dipakai__lt=timezone.now() - umur).values_list("pk", flat=True))
    hapus = list(PdfLaporan.objects.filter(pk__in=lebih | lama))
    for entri in hapus:
        entri.berkas.storage.delete(entri.berkas.name)
        entri.delete()
    return len(hapus)
