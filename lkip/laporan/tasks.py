"""Background work: the bulk print of a year's LKIPs into one zip, and the re-render of one
kecamatan's year after a save.

Both run in the task worker (``manage.py db_worker``), never in a web request. A bulk print is
one task per kecamatan (``cetak_massal_laporan``), so every worker on every machine that shares
the database takes its share: ``cetak_massal`` lists the reports and queues them, each report's
task claims its row, prints it and records the heartbeat (``detak``) and progress, and the last
one to finish queues ``cetak_massal_rakit``, which assembles the zip from the finished files.
Every draft goes through the PDF cache (``lkip.laporan.simpanan``), so a bulk print lays out only
the reports whose HTML changed and a resumed one does not redo what it finished before its
worker died; a year that is Disetujui or Terkunci is printed from its frozen approved PDF. A
report's task does nothing once its job is no longer "Sedang dicetak" (cancelled).
"""

import tempfile
import zipfile
from datetime import datetime, timedelta

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from kecamatan.models import Kecamatan
from lkip.laporan.models import CetakMassal, CetakMassalLaporan, LaporanDisetujui, PdfLaporan, RenderLatar
from lkip.laporan.pdf import pdf_dari_html
from lkip.laporan.selectors import laporan_disetujui_berlaku, tahun_tersedia
from lkip.laporan.simpanan import laporan_siapkan, pdf_cari, pdf_pangkas, pdf_simpan, pdf_tersimpan

Bagian = CetakMassalLaporan.Status


def kecamatan_bertahun(tahun: int) -> list[Kecamatan]:
    """The kecamatan that have a Perjanjian Kinerja for the year: the ones with a report to print."""
    return list(Kecamatan.objects.filter(perjanjian_kinerja__tahun=tahun).distinct().order_by("nama"))


class BerkasDisetujuiHilang(Exception):
    """An approved year's frozen PDF is gone from the media folder: printing a draft instead
    would put an unapproved report in the zip, so the job fails with this message."""


def laporan_cetak(*, kecamatan: Kecamatan, tahun: int) -> PdfLaporan | LaporanDisetujui:
    """What a print of one kecamatan's year is made of: the frozen approved report while the
    year is Disetujui or Terkunci, otherwise the draft from the cache (laid out if it changed)."""
    beku = laporan_disetujui_berlaku(kecamatan=kecamatan, tahun=tahun)
    if beku is not None:
        if not beku.berkas.storage.exists(beku.berkas.name):
            raise BerkasDisetujuiHilang(
                f"Berkas PDF LKIP {kecamatan} tahun {tahun} versi {beku.versi} yang disetujui tidak ditemukan."
            )
        return beku
    laporan = laporan_siapkan(kecamatan=kecamatan, tahun=tahun)
    return pdf_cari(sha256=laporan.sha256) or pdf_simpan(laporan=laporan, pdf=pdf_dari_html(laporan.html))


def _sedang(cetak_id: int) -> str:
    """The reports being laid out right now, by any worker (fits the job's 120 characters)."""
    nama = [
        str(b.kecamatan)
        for b in CetakMassalLaporan.objects.filter(cetak_id=cetak_id, status=Bagian.BERJALAN)
        .select_related("kecamatan")
        .order_by("urutan")
    ]
    teks = ", ".join(nama)
    return teks if len(teks) <= 120 else teks[:119] + "…"


def _gagal(cetak_id: int, pesan: str) -> None:
    CetakMassal.objects.filter(pk=cetak_id, status=CetakMassal.Status.BERJALAN).update(
        status=CetakMassal.Status.GAGAL, sedang="", pesan=pesan, diperbarui=timezone.now()
    )


@task()
def cetak_massal(cetak_id: int) -> None:
    """Start (or resume) a bulk print: one row and one task per kecamatan not finished yet."""
    cetak = CetakMassal.objects.get(pk=cetak_id)
    daftar = kecamatan_bertahun(cetak.tahun)
    sekarang = timezone.now()
    mulai = CetakMassal.objects.filter(pk=cetak_id, status=CetakMassal.Status.ANTRE).update(
        status=CetakMassal.Status.BERJALAN,
        jumlah=len(daftar),
        selesai=0,
        sedang="",
        detak=sekarang,
        percobaan=F("percobaan") + 1,
        diperbarui=sekarang,
    )
    if not mulai:  # cancelled while it waited, or already taken by another worker
        return
    with transaction.atomic():
        bagian = CetakMassalLaporan.objects.filter(cetak_id=cetak_id)
        bagian.exclude(kecamatan__in=daftar).delete()
        # A report "Sedang dicetak" when its job is (re)started lost its worker: queue it again.
        bagian.filter(status=Bagian.BERJALAN).update(status=Bagian.ANTRE, mulai=None, pekerja="")
        ada = {b.kecamatan_id: b for b in bagian}
        for urutan, kecamatan in enumerate(daftar, start=1):
            if kecamatan.pk not in ada:
                CetakMassalLaporan.objects.create(cetak_id=cetak_id, kecamatan=kecamatan, urutan=urutan)
            elif ada[kecamatan.pk].urutan != urutan:
                bagian.filter(pk=ada[kecamatan.pk].pk).update(urutan=urutan)
        selesai = bagian.filter(status=Bagian.SELESAI).count()
        CetakMassal.objects.filter(pk=cetak_id).update(selesai=selesai)
        kurang = list(bagian.exclude(status=Bagian.SELESAI).order_by("urutan").values_list("pk", flat=True))
    if not kurang:
        cetak_massal_rakit.enqueue(cetak_id=cetak_id)
    for bagian_id in kurang:
        cetak_massal_laporan.enqueue(bagian_id=bagian_id)


@task(takes_context=True)
def cetak_massal_laporan(context, bagian_id: int) -> None:
    """Print one kecamatan's report of a bulk print, on whichever worker took this task."""
    bagian = CetakMassalLaporan.objects.select_related("cetak", "kecamatan").filter(pk=bagian_id).first()
    if bagian is None:  # the job was retried from the start meanwhile
        return
    cetak_id = bagian.cetak_id
    pekerja = (context.task_result.worker_ids or [""])[-1][:64]
    with transaction.atomic():
        cetak = CetakMassal.objects.select_for_update().get(pk=cetak_id)
        if cetak.status != CetakMassal.Status.BERJALAN:
            return
        diklaim = CetakMassalLaporan.objects.filter(pk=bagian_id, status=Bagian.ANTRE).update(
            status=Bagian.BERJALAN, mulai=timezone.now(), pekerja=pekerja
        )
        if not diklaim:  # a second copy of this task (queued again on a resume): one prints it
            return
        CetakMassal.objects.filter(pk=cetak_id).update(
            sedang=_sedang(cetak_id), detak=timezone.now(), diperbarui=timezone.now()
        )
    try:
        hasil = laporan_cetak(kecamatan=bagian.kecamatan, tahun=bagian.cetak.tahun)
    except Exception as exc:
        CetakMassalLaporan.objects.filter(pk=bagian_id).update(status=Bagian.ANTRE, mulai=None)
        _gagal(cetak_id, f"Pencetakan LKIP {bagian.kecamatan} gagal: {exc}")
        raise
    beku = isinstance(hasil, LaporanDisetujui)
    with transaction.atomic():
        cetak = CetakMassal.objects.select_for_update().get(pk=cetak_id)
        if cetak.status != CetakMassal.Status.BERJALAN:  # cancelled: the draft stays in the cache
            return
        dicatat = (
            CetakMassalLaporan.objects.filter(pk=bagian_id)
            .exclude(status=Bagian.SELESAI)
            .update(
                status=Bagian.SELESAI,
                pdf=None if beku else hasil,
                disetujui=hasil if beku else None,
                selesai_pada=timezone.now(),
            )
        )
        semua = CetakMassalLaporan.objects.filter(cetak_id=cetak_id)
        selesai, jumlah = semua.filter(status=Bagian.SELESAI).count(), semua.count()
        CetakMassal.objects.filter(pk=cetak_id).update(
            selesai=selesai,
            jumlah=jumlah,
            sedang=_sedang(cetak_id),
            detak=timezone.now(),
            diperbarui=timezone.now(),
        )
    if dicatat and selesai == jumlah:
        cetak_massal_rakit.enqueue(cetak_id=cetak_id)


def _berkas_bagian(bagian: CetakMassalLaporan, tahun: int):
    """The file of a finished report; printed again if the cache lost it since."""
    simpanan = bagian.disetujui or bagian.pdf
    if simpanan is None or not simpanan.berkas.storage.exists(simpanan.berkas.name):
        simpanan = laporan_cetak(kecamatan=bagian.kecamatan, tahun=tahun)
    return simpanan.berkas


def _zip(cetak: CetakMassal, daftar: list[CetakMassalLaporan]) -> None:
    """Assemble the zip from the finished reports' files and attach it to the job."""
    with tempfile.TemporaryFile() as sementara:
        with zipfile.ZipFile(sementara, "w", compression=zipfile.ZIP_DEFLATED) as arsip:
            for bagian in daftar:
                with _berkas_bagian(bagian, cetak.tahun).open("rb") as pdf:
                    arsip.writestr(f"LKIP-{cetak.tahun}-{bagian.kecamatan.slug}.pdf", pdf.read())
        sementara.seek(0)
        cetak.berkas.save(f"LKIP-{cetak.tahun}-{cetak.pk}.zip", File(sementara), save=False)


@task()
def cetak_massal_rakit(cetak_id: int) -> None:
    """Assemble a bulk print's zip once every report is finished, and close the job."""
    cetak = CetakMassal.objects.get(pk=cetak_id)
    if cetak.status != CetakMassal.Status.BERJALAN:
        return
    daftar = list(
        CetakMassalLaporan.objects.filter(cetak_id=cetak_id)
        .select_related("kecamatan", "pdf", "disetujui")
        .order_by("urutan")
    )
    try:
        _zip(cetak, daftar)
    except Exception as exc:
        _gagal(cetak_id, f"Pencetakan gagal saat menyusun zip: {exc}")
        raise
    selesai = CetakMassal.objects.filter(pk=cetak_id, status=CetakMassal.Status.BERJALAN).update(
        status=CetakMassal.Status.SELESAI,
        berkas=cetak.berkas.name,
        selesai=len(daftar),
        sedang="",
        detak=timezone.now(),
        diperbarui=timezone.now(),
    )
    if not selesai:  # cancelled while the zip was assembled: it is not wanted
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
