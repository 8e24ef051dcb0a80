"""Background work: the bulk print of a year's LKIPs into one zip, and the re-render of one
kecamatan's year after a save.

Both run in the task worker (``manage.py db_worker``), never in a web request. Every report goes
through the PDF cache (``lkip.laporan.simpanan``), one kecamatan's year at a time, so a bulk print
lays out only the reports whose HTML changed, and a resumed bulk print does not redo the ones it
finished before its worker died. The bulk print writes its progress and a heartbeat (``detak``)
after each report, and stops when its row is no longer "Sedang dicetak" (cancelled).
"""

import tempfile
import zipfile
from datetime import datetime, timedelta

from django.conf import settings
from django.core.files import File
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from kecamatan.models import Kecamatan
from lkip.laporan.models import CetakMassal, PdfLaporan, RenderLatar
from lkip.laporan.pdf import pdf_banyak
from lkip.laporan.selectors import tahun_tersedia
from lkip.laporan.simpanan import (
    LaporanSiap,
    laporan_siapkan,
    pdf_cari,
    pdf_pangkas,
    pdf_simpan,
    pdf_tersimpan,
)


def kecamatan_bertahun(tahun: int) -> list[Kecamatan]:
    """The kecamatan that have a Perjanjian Kinerja for the year: the ones with a report to print."""
    return list(Kecamatan.objects.filter(perjanjian_kinerja__tahun=tahun).distinct().order_by("nama"))


class Dibatalkan(Exception):
    """The bulk print's row left "Sedang dicetak" while it ran: someone cancelled it."""


def _maju(cetak_id: int, *, selesai: int, sedang: str) -> None:
    """Record progress and the heartbeat; stop if the job was cancelled meanwhile."""
    diubah = CetakMassal.objects.filter(pk=cetak_id, status=CetakMassal.Status.BERJALAN).update(
        selesai=selesai, sedang=sedang, detak=timezone.now(), diperbarui=timezone.now()
    )
    if not diubah:
        raise Dibatalkan


def _laporan_semua(cetak_id: int, laporan: list[LaporanSiap]) -> list[PdfLaporan]:
    """Every report's cache entry, in order: kept ones first, the rest laid out side by side."""
    entri: dict[int, PdfLaporan] = {}
    kurang = []
    for nomor, lap in enumerate(laporan):
        ada = pdf_cari(sha256=lap.sha256)
        if ada is None:
            kurang.append(nomor)
        else:
            entri[nomor] = ada
    berikut = [str(laporan[n].kecamatan) for n in kurang] + [""]
    _maju(cetak_id, selesai=len(entri), sedang=berikut[0])
    hasil = pdf_banyak([laporan[n].html for n in kurang], proses=settings.LKIP_CETAK_PROSES)
    try:
        for urutan, (nomor, pdf) in enumerate(zip(kurang, hasil, strict=True), start=1):
            entri[nomor] = pdf_simpan(laporan=laporan[nomor], pdf=pdf)
            _maju(cetak_id, selesai=len(entri), sedang=berikut[urutan])
    finally:
        hasil.close()
    return [entri[n] for n in range(len(laporan))]


def _zip(cetak: CetakMassal, daftar: list[PdfLaporan]) -> None:
    """Assemble the zip from the finished reports' files and attach it to the job."""
    with tempfile.TemporaryFile() as sementara:
        with zipfile.ZipFile(sementara, "w", compression=zipfile.ZIP_DEFLATED) as arsip:
            for entri in daftar:
                with entri.berkas.open("rb") as pdf:
                    arsip.writestr(f"LKIP-{cetak.tahun}-{entri.kecamatan.slug}.pdf", pdf.read())
        sementara.seek(0)
        cetak.berkas.save(f"LKIP-{cetak.tahun}-{cetak.pk}.zip", File(sementara), save=False)


@task()
def cetak_massal(cetak_id: int) -> None:
    cetak = CetakMassal.objects.get(pk=cetak_id)
    daftar = kecamatan_bertahun(cetak.tahun)
    mulai = CetakMassal.objects.filter(pk=cetak_id, status=CetakMassal.Status.ANTRE).update(
        status=CetakMassal.Status.BERJALAN,
        jumlah=len(daftar),
        selesai=0,
        sedang=str(daftar[0]) if daftar else "",
        detak=timezone.now(),
        percobaan=F("percobaan") + 1,
        diperbarui=timezone.now(),
    )
    if not mulai:  # cancelled while it waited, or already taken by another worker
        return
    try:
        laporan = [laporan_siapkan(kecamatan=k, tahun=cetak.tahun) for k in daftar]
        _zip(cetak, _laporan_semua(cetak_id, laporan))
    except Dibatalkan:
        return
    except Exception as exc:
        CetakMassal.objects.filter(pk=cetak_id, status=CetakMassal.Status.BERJALAN).update(
            status=CetakMassal.Status.GAGAL,
            sedang="",
            pesan=f"Pencetakan gagal: {exc}",
            diperbarui=timezone.now(),
        )
        raise
    selesai = CetakMassal.objects.filter(pk=cetak_id, status=CetakMassal.Status.BERJALAN).update(
        status=CetakMassal.Status.SELESAI,
        berkas=cetak.berkas.name,
        sedang="",
        detak=timezone.now(),
        diperbarui=timezone.now(),
    )
    if not selesai:  # cancelled during the last report: the zip is not wanted
        cetak.berkas.storage.delete(cetak.berkas.name)
    pdf_pangkas()


def render_sedang_berjalan(*, kecamatan: Kecamatan, tahun: int) -> bool:
    """A background render of this year started recently and has not finished."""
    batas = timezone.now() - timedelta(seconds=settings.LKIP_CETAK_DETAK_MATI_DETIK)
    return RenderLatar.objects.filter(kecamatan=kecamatan, tahun=tahun, mulai__gte=batas).exists()


@task()
def render_latar(kecamatan_id: int, tahun: int, diminta: str) -> None:
    """Lay out one year's report into the cache, unless a later save asked again (then the
    render scheduled by that save does it, after its own quiet period)."""
    jadwal = (
        RenderLatar.objects.select_related("kecamatan").filter(kecamatan_id=kecamatan_id, tahun=tahun).first()
    )
    if jadwal is None or jadwal.diminta != datetime.fromisoformat(diminta):
        return
    if not tahun_tersedia(kecamatan=jadwal.kecamatan, tahun=tahun):
        return
    RenderLatar.objects.filter(pk=jadwal.pk).update(mulai=timezone.now())
    try:
        pdf_tersimpan(laporan=laporan_siapkan(kecamatan=jadwal.kecamatan, tahun=tahun))
    finally:
        RenderLatar.objects.filter(pk=jadwal.pk).update(mulai=None)
