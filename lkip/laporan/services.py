import hashlib
import json
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from kecamatan.models import Kecamatan
from lkip.accounts.models import User
from lkip.laporan.dokumen import dokumen_json
from lkip.laporan.models import CetakMassal, CetakMassalLaporan, LaporanDisetujui, RenderLatar
from lkip.laporan.pdf import html_lkip, pdf_dari_html
from lkip.laporan.selectors import dokumen_lkip
from lkip.laporan.tasks import cetak_massal, kecamatan_bertahun, render_latar

Status = CetakMassal.Status

#: (status, action) → next status. Only the kabupaten roles print, cancel and retry.
TRANSISI_CETAK: dict[tuple[str, str], str] = {
    (Status.ANTRE, "batalkan"): Status.DIBATALKAN,
    (Status.BERJALAN, "batalkan"): Status.DIBATALKAN,
    (Status.GAGAL, "ulangi"): Status.ANTRE,
    (Status.DIBATALKAN, "ulangi"): Status.ANTRE,
}


def cetak_massal_mulai(*, tahun: int, oleh: User) -> CetakMassal:
    """Record a bulk print and hand it to the worker once the row is committed."""
    with transaction.atomic():
        cetak = CetakMassal(tahun=tahun, dibuat_oleh=oleh, jumlah=len(kecamatan_bertahun(tahun)))
        cetak.full_clean()
        cetak.save()
        transaction.on_commit(lambda: cetak_massal.enqueue(cetak_id=cetak.pk))
    return cetak


def cetak_massal_aksi_boleh(*, cetak: CetakMassal, aksi: str) -> bool:
    return (cetak.status, aksi) in TRANSISI_CETAK


def cetak_massal_aksi(*, cetak_id: int, aksi: str, oleh: User) -> CetakMassal:
    """Cancel a queued or running bulk print, or retry a failed or cancelled one.

    A running job notices the cancel after the report it is laying out and stops; a retry puts
    the same job back in the queue, and reports already in the PDF cache are not laid out again.
    """
    if not oleh.is_peran_kabupaten:
        raise PermissionDenied
    with transaction.atomic():
        cetak = CetakMassal.objects.select_for_update().get(pk=cetak_id)
        tujuan = TRANSISI_CETAK.get((cetak.status, aksi))
        if tujuan is None:
            raise ValidationError(
                f"Pencetakan berstatus “{cetak.get_status_display()}” tidak dapat di{aksi}.", code="transisi"
            )
        if aksi == "batalkan":
            cetak.pesan = f"Dibatalkan oleh {oleh.get_full_name() or oleh.username}."
        else:
            if cetak.berkas:
                cetak.berkas.delete(save=False)
            cetak.laporan.all().delete()
            cetak.jumlah = len(kecamatan_bertahun(cetak.tahun))
            cetak.selesai = 0
            cetak.percobaan = 0
            cetak.pesan = ""
            transaction.on_commit(lambda: cetak_massal.enqueue(cetak_id=cetak.pk))
        cetak.status = tujuan
        cetak.sedang = ""
        cetak.full_clean()
        cetak.save()
    return cetak


def cetak_massal_pulihkan(*, sekarang: datetime | None = None) -> list[CetakMassal]:
    """Find bulk prints whose worker died ("Sedang dicetak" with an old heartbeat) and resume
    them, or fail them with a message once they have died ``LKIP_CETAK_PERCOBAAN_MAKS`` times.

    A job whose reports still wait in the queue while the workers are busy with other reports
    (one started or finished within the period) is waiting its turn, not dead.

    Called when a worker starts and when someone looks at a bulk print.
    """
    sekarang = sekarang or timezone.now()
    batas = sekarang - timedelta(seconds=settings.LKIP_CETAK_DETAK_MATI_DETIK)
    mati = Q(detak__lt=batas) | Q(detak__isnull=True, diperbarui__lt=batas)
    pekerja_sibuk = CetakMassalLaporan.objects.filter(
        Q(mulai__gte=batas) | Q(selesai_pada__gte=batas)
    ).exists()
    hasil = []
    with transaction.atomic():
        for cetak in CetakMassal.objects.select_for_update().filter(mati, status=Status.BERJALAN):
            if pekerja_sibuk and cetak.laporan.filter(status=CetakMassalLaporan.Status.ANTRE).exists():
                continue
            if cetak.percobaan >= settings.LKIP_CETAK_PERCOBAAN_MAKS:
                cetak.status = Status.GAGAL
                cetak.pesan = (
                    f"Proses pencetak berhenti di tengah jalan {cetak.percobaan} kali "
                    f"(terakhir sedang mencetak {cetak.sedang or 'laporan berikutnya'}). Tekan “Ulangi” untuk mencoba lagi."
                )
            else:
                cetak.status = Status.ANTRE
                cetak.pesan = (
                    "Proses pencetak berhenti di tengah jalan; pencetakan dilanjutkan, "
                    "laporan yang sudah jadi tidak dicetak ulang."
                )
                transaction.on_commit(lambda pk=cetak.pk: cetak_massal.enqueue(cetak_id=pk))
            cetak.sedang = ""
            cetak.save(update_fields=["status", "pesan", "sedang", "diperbarui"])
            hasil.append(cetak)
    return hasil


def cetak_massal_pangkas(*, umur: timedelta | None = None) -> int:
    """Remove the zips of bulk prints finished longer ago than ``umur`` (the retention period);
    the job stays in the history and says why its zip is gone."""
    umur = timedelta(days=settings.LKIP_CETAK_SIMPAN_HARI) if umur is None else umur
    lama = CetakMassal.objects.filter(status=Status.SELESAI, diperbarui__lt=timezone.now() - umur).exclude(
        berkas=""
    )
    jumlah = 0
    for cetak in lama:
        cetak.berkas.delete(save=False)
        cetak.pesan = (
            f"Berkas zip dihapus otomatis {umur.days} hari setelah selesai; cetak ulang bila diperlukan."
        )
        cetak.save(update_fields=["berkas", "pesan"])
        jumlah += 1
    return jumlah


def render_jadwalkan(*, kecamatan: Kecamatan, tahun: int) -> None:
    """Schedule a background re-render of the year after the quiet period; a later call before
    it runs replaces it (only the last of a burst of saves renders)."""
    sekarang = timezone.now()
    jadwal = RenderLatar.objects.filter(kecamatan=kecamatan, tahun=tahun)
    # A year saved before has its row: one UPDATE, without a transaction of its own.
    if not jadwal.update(diminta=sekarang):
        try:
            with transaction.atomic():
                RenderLatar.objects.create(kecamatan=kecamatan, tahun=tahun, diminta=sekarang)
        except IntegrityError:  # another save of the same year created the row at the same moment
            jadwal.update(diminta=sekarang)
    tugas = render_latar
    jeda = settings.LKIP_RENDER_JEDA_DETIK
    if jeda and tugas.get_backend().supports_defer:
        tugas = tugas.using(run_after=sekarang + timedelta(seconds=jeda))
    transaction.on_commit(
        lambda: tugas.enqueue(kecamatan_id=kecamatan.pk, tahun=tahun, diminta=sekarang.isoformat())
    )


BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip


def baris_disetujui(*, nama: str, pada: datetime) -> str:
    """The line a frozen report prints: "Disetujui 1 Desember 2026 oleh <nama>"."""
    tanggal = timezone.localtime(pada).date()
    return f"Disetujui {tanggal.day} {BULAN[tanggal.month - 1]} {tanggal.year} oleh {nama}"


def laporan_bekukan(alur, riwayat) -> LaporanDisetujui:
    """Freeze the approved version of a year: lay out its PDF with the approval line and keep
    it with the ``lkip_json`` document, each under its SHA-256. Runs inside the approval's
    transaction (``kecamatan.alur.SETELAH_DISETUJUI``, its last step), so an approval without
    its frozen report is never committed; when the row cannot be saved, the file goes too."""
    kecamatan, tahun = alur.kecamatan, alur.tahun
    baris = baris_disetujui(nama=riwayat.nama, pada=riwayat.pada)
    pdf = pdf_dari_html(html_lkip(kecamatan=kecamatan, tahun=tahun, disetujui=baris))
    teks_json = json.dumps(
        dokumen_json(dokumen_lkip(kecamatan=kecamatan, tahun=tahun)), ensure_ascii=False, indent=2
    )
    beku = LaporanDisetujui(
        kecamatan=kecamatan,
        tahun=tahun,
        versi=alur.versi,
        sha256_pdf=hashlib.sha256(pdf).hexdigest(),
        json=teks_json,
        sha256_json=hashlib.sha256(teks_json.encode("utf-8")).hexdigest(),
        disetujui_oleh=riwayat.nama,
        disetujui_pada=riwayat.pada,
    )
    beku.berkas.save(f"{kecamatan.slug}-{tahun}-versi-{alur.versi}.pdf", ContentFile(pdf), save=False)
    nama_berkas, penyimpanan = beku.berkas.name, beku.berkas.storage
    try:
        beku.full_clean(exclude=["berkas"])
        beku.save()
    except Exception:
        penyimpanan.delete(nama_berkas)
        raise
    return beku
