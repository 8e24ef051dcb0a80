"""The bulk print survives a crash: a job whose worker died is resumed (or failed with a message
once it died too often) when a worker starts or someone looks at it; a job can be cancelled and
retried; it lays out only the reports not already in the PDF cache; zips past the retention
period are removed, and a missing zip is a 404 with a message."""

import io
import zipfile
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.management import get_commands
from django.urls import reverse
from django.utils import timezone

from kecamatan.models import Kecamatan
from lkip.accounts.models import Peran
from lkip.laporan import tasks
from lkip.laporan.management.commands import db_worker
from lkip.laporan.models import CetakMassal, PdfLaporan
from lkip.laporan.pdf import sha256_html
from lkip.laporan.services import cetak_massal_aksi, cetak_massal_pangkas
from lkip.laporan.simpanan import laporan_siapkan, pdf_simpan
from tests.web.bantuan import pengguna

pytestmark = pytest.mark.django_db
Status = CetakMassal.Status
TAHUN = 2023  # arjasa, kencong, sumbersari


@pytest.fixture
def render(monkeypatch):
    """Counts the reports laid out by bulk prints; each gets a stand-in PDF naming its HTML."""
    dicetak: list[str] = []

    def palsu(html: str) -> bytes:
        dicetak.append(sha256_html(html))
        return b"%PDF-1.7 uji " + sha256_html(html).encode()

    monkeypatch.setattr(tasks, "pdf_dari_html", palsu)
    return dicetak


@pytest.fixture
def bappeda(client):
    user = pengguna(Peran.BAPPEDA)
    client.force_login(user)
    return user


def mati(cetak: CetakMassal, *, percobaan: int, menit_lalu: int = 10) -> None:
    """What a worker killed mid-job leaves behind: "Sedang dicetak" and an old heartbeat."""
    lalu = timezone.now() - timedelta(minutes=menit_lalu)
    CetakMassal.objects.filter(pk=cetak.pk).update(
        status=Status.BERJALAN, selesai=1, sedang="Kencong", percobaan=percobaan, detak=lalu, diperbarui=lalu
    )


def isi_zip(client, cetak: CetakMassal) -> list[str]:
    unduh = client.get(reverse("laporan:cetak_massal_unduh", args=[cetak.pk]))
    assert unduh.status_code == 200
    with zipfile.ZipFile(io.BytesIO(b"".join(unduh.streaming_content))) as arsip:
        return arsip.namelist()


def test_a_killed_job_is_resumed_when_a_worker_starts_and_reuses_finished_reports(
    client, bappeda, render, monkeypatch, django_capture_on_commit_callbacks
):
    arjasa = laporan_siapkan(kecamatan=Kecamatan.objects.get(slug="arjasa"), tahun=TAHUN)
    pdf_simpan(laporan=arjasa, pdf=b"%PDF-1.7 sudah jadi sebelum pekerjanya mati")
    cetak = CetakMassal.objects.create(tahun=TAHUN, jumlah=3, dibuat_oleh=bappeda)
    mati(cetak, percobaan=1)
    dijalankan = []
    monkeypatch.setattr(db_worker.PerintahPekerja, "handle", lambda self, *a, **k: dijalankan.append(True))
    with django_capture_on_commit_callbacks(execute=True):
        db_worker.Command(stdout=io.StringIO()).handle(batch=True)
    assert dijalankan == [True]  # then the worker loop itself runs
    assert get_commands()["db_worker"] == "lkip.laporan"  # this is the db_worker manage.py runs
    cetak.refresh_from_db()
    assert (cetak.status, cetak.selesai, cetak.jumlah, cetak.percobaan) == (Status.SELESAI, 3, 3, 2)
    assert len(render) == 2 and arjasa.sha256 not in render  # only the reports not yet finished
    assert isi_zip(client, cetak) == [f"LKIP-{TAHUN}-{s}.pdf" for s in ("arjasa", "kencong", "sumbersari")]


def test_a_job_that_keeps_dying_fails_with_a_message_when_its_page_is_seen(client, bappeda, settings, render):
    cetak = CetakMassal.objects.create(tahun=TAHUN, jumlah=3, dibuat_oleh=bappeda)
    mati(cetak, percobaan=settings.LKIP_CETAK_PERCOBAAN_MAKS)
    html = client.get(reverse("laporan:cetak_massal_status", args=[cetak.pk])).content.decode()
    cetak.refresh_from_db()
    assert cetak.status == Status.GAGAL and render == []
    assert "Proses pencetak berhenti di tengah jalan 3 kali (terakhir sedang mencetak Kencong)" in html
    assert reverse("laporan:cetak_massal_ulangi", args=[cetak.pk]) in html
    assert 'hx-trigger="every 2s"' not in html  # a failed job is not polled forever


def test_a_job_with_a_fresh_heartbeat_is_left_to_its_worker(client, bappeda, render):
    cetak = CetakMassal.objects.create(tahun=TAHUN, jumlah=3, dibuat_oleh=bappeda)
    mati(cetak, percobaan=1, menit_lalu=1)
    html = client.get(reverse("laporan:cetak_massal_status", args=[cetak.pk])).content.decode()
    cetak.refresh_from_db()
    assert cetak.status == Status.BERJALAN and render == []
    assert "Sedang dicetak" in html and reverse("laporan:cetak_massal_batalkan", args=[cetak.pk]) in html


def test_a_queued_job_is_cancelled_and_its_task_then_does_nothing(client, bappeda, render):
    cetak = CetakMassal.objects.create(tahun=TAHUN, jumlah=3, dibuat_oleh=bappeda)
    jawaban = client.post(reverse("laporan:cetak_massal_batalkan", args=[cetak.pk]), follow=True)
    assert "Pencetakan LKIP tahun 2023 dibatalkan." in jawaban.content.decode()
    tasks.cetak_massal.call(cetak_id=cetak.pk)  # the worker reaches it later
    cetak.refresh_from_db()
    assert (cetak.status, bool(cetak.berkas), render) == (Status.DIBATALKAN, False, [])
    assert cetak.pesan == f"Dibatalkan oleh {bappeda.username}."


def test_a_running_job_stops_after_the_report_it_is_on_when_cancelled(bappeda, monkeypatch):
    cetak = CetakMassal.objects.create(tahun=TAHUN, jumlah=3, dibuat_oleh=bappeda)
    dicetak = []

    def batal_di_tengah(html: str) -> bytes:
        dicetak.append(html)
        if len(dicetak) == 2:
            cetak_massal_aksi(cetak_id=cetak.pk, aksi="batalkan", oleh=bappeda)
        return b"%PDF-1.7 uji " + sha256_html(html).encode()

    monkeypatch.setattr(tasks, "pdf_dari_html", batal_di_tengah)
    tasks.cetak_massal.call(cetak_id=cetak.pk)
    cetak.refresh_from_db()
    assert cetak.status == Status.DIBATALKAN and not cetak.berkas
    assert len(dicetak) == 2  # the third report was never laid out
    assert PdfLaporan.objects.count() == 2  # the finished ones are kept for the retry


def test_a_cancelled_job_is_retried_to_the_end(client, bappeda, render, django_capture_on_commit_callbacks):
    cetak = CetakMassal.objects.create(
        tahun=TAHUN, jumlah=3, status=Status.DIBATALKAN, pesan="Dibatalkan", dibuat_oleh=bappeda
    )
    with django_capture_on_commit_callbacks(execute=True):
        jawaban = client.post(reverse("laporan:cetak_massal_ulangi", args=[cetak.pk]), follow=True)
    assert "Pencetakan LKIP tahun 2023 diulang." in jawaban.content.decode()
    cetak.refresh_from_db()
    assert (cetak.status, cetak.selesai, cetak.pesan) == (Status.SELESAI, 3, "")
    assert len(isi_zip(client, cetak)) == 3


def test_a_finished_job_cannot_be_cancelled_and_says_why(client, bappeda):
    cetak = CetakMassal.objects.create(
        tahun=TAHUN, jumlah=3, selesai=3, status=Status.SELESAI, dibuat_oleh=bappeda
    )
    jawaban = client.post(reverse("laporan:cetak_massal_batalkan", args=[cetak.pk]), follow=True)
    assert "Pencetakan berstatus “Selesai” tidak dapat dibatalkan." in jawaban.content.decode()
    cetak.refresh_from_db()
    assert cetak.status == Status.SELESAI


def test_zips_past_the_retention_period_are_removed_and_their_download_is_a_404_with_a_message(
    client, bappeda
):
    lama = CetakMassal.objects.create(
        tahun=TAHUN, jumlah=3, selesai=3, status=Status.SELESAI, dibuat_oleh=bappeda
    )
    baru = CetakMassal.objects.create(
        tahun=TAHUN, jumlah=3, selesai=3, status=Status.SELESAI, dibuat_oleh=bappeda
    )
    for cetak in (lama, baru):
        cetak.berkas.save(f"uji-{cetak.pk}.zip", ContentFile(b"PK zip"), save=True)
    CetakMassal.objects.filter(pk=lama.pk).update(diperbarui=timezone.now() - timedelta(days=8))
    nama_lama = lama.berkas.name
    assert cetak_massal_pangkas(umur=timedelta(days=7)) == 1
    lama.refresh_from_db()
    assert not lama.berkas and not lama.berkas.storage.exists(nama_lama)
    jawaban = client.get(reverse("laporan:cetak_massal_unduh", args=[lama.pk]))
    assert jawaban.status_code == 404
    assert "Berkas zip dihapus otomatis 7 hari setelah selesai" in jawaban.content.decode()
    assert client.get(reverse("laporan:cetak_massal_unduh", args=[baru.pk])).status_code == 200


def test_a_zip_missing_from_disk_is_a_404_with_a_message_not_a_500(client, bappeda):
    cetak = CetakMassal.objects.create(
        tahun=TAHUN, jumlah=3, selesai=3, status=Status.SELESAI, dibuat_oleh=bappeda
    )
    cetak.berkas.save("uji-hilang.zip", ContentFile(b"PK zip"), save=True)
    cetak.berkas.storage.delete(cetak.berkas.name)
    jawaban = client.get(reverse("laporan:cetak_massal_unduh", args=[cetak.pk]))
    assert jawaban.status_code == 404
    assert (
        "Berkas zip pencetakan ini tidak ada lagi; cetak ulang bila diperlukan." in jawaban.content.decode()
    )


def test_a_failed_render_fails_the_job_with_its_reason(bappeda, monkeypatch):
    def rusak(html: str) -> bytes:
        raise MemoryError("memori habis")

    monkeypatch.setattr(tasks, "pdf_dari_html", rusak)
    cetak = CetakMassal.objects.create(tahun=TAHUN, jumlah=3, dibuat_oleh=bappeda)
    tasks.cetak_massal.call(cetak_id=cetak.pk)  # the report's own task fails, the job with it
    cetak.refresh_from_db()
    assert (cetak.status, cetak.pesan) == (
        Status.GAGAL,
        "Pencetakan LKIP Kecamatan Arjasa gagal: memori habis",
    )
    assert not cetak.berkas
