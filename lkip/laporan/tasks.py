"""Background work: print every kecamatan's LKIP of a year into one zip.

Runs in the task worker (``manage.py db_worker``), never in a web request; progress is
written to ``CetakMassal`` after each report so the page can show it.
"""

import io
import zipfile

from django.conf import settings
from django.core.files.base import ContentFile
from django_tasks import task

from kecamatan.models import Kecamatan
from lkip.laporan.models import CetakMassal
from lkip.laporan.pdf import html_lkip, pdf_banyak


def kecamatan_bertahun(tahun: int) -> list[Kecamatan]:
    """The kecamatan that have a Perjanjian Kinerja for the year: the ones with a report to print."""
    return list(Kecamatan.objects.filter(perjanjian_kinerja__tahun=tahun).distinct().order_by("nama"))


@task()
def cetak_massal(cetak_id: int) -> None:
    cetak = CetakMassal.objects.get(pk=cetak_id)
    daftar = kecamatan_bertahun(cetak.tahun)
    CetakMassal.objects.filter(pk=cetak_id).update(
        status=CetakMassal.Status.BERJALAN,
        jumlah=len(daftar),
        selesai=0,
        sedang=str(daftar[0]) if daftar else "",
    )
    penampung = io.BytesIO()
    try:
        html = [html_lkip(kecamatan=k, tahun=cetak.tahun) for k in daftar]
        with zipfile.ZipFile(penampung, "w", compression=zipfile.ZIP_DEFLATED) as arsip:
            hasil = pdf_banyak(html, proses=settings.LKIP_CETAK_PROSES)
            for nomor, (kecamatan, pdf) in enumerate(zip(daftar, hasil, strict=True), start=1):
                arsip.writestr(f"LKIP-{cetak.tahun}-{kecamatan.slug}.pdf", pdf)
                sedang = str(daftar[nomor]) if nomor < len(daftar) else ""
                CetakMassal.objects.filter(pk=cetak_id).update(selesai=nomor, sedang=sedang)
    except Exception as exc:
        CetakMassal.objects.filter(pk=cetak_id).update(
            status=CetakMassal.Status.GAGAL, sedang="", pesan=str(exc)
        )
        raise
    cetak.refresh_from_db()
    cetak.berkas.save(f"LKIP-{cetak.tahun}-{cetak.pk}.zip", ContentFile(penampung.getvalue()), save=False)
    cetak.status = CetakMassal.Status.SELESAI
    cetak.sedang = ""
    cetak.save(update_fields=["berkas", "status", "sedang", "diperbarui"])
