"""A bulk print is one task per kecamatan, claimed by whichever worker takes it, and the last one
to finish queues the task that assembles the zip; an approved year is printed from its frozen
PDF, in the zip and by ``cetak_lkip``, never as a DRAF."""

import hashlib
import io
import zipfile
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks import default_task_backend
from django_tasks.base import TaskContext

from kecamatan import alur
from kecamatan.models import Kecamatan
from lkip.accounts.models import Peran
from lkip.laporan import tasks
from lkip.laporan.models import CetakMassal, CetakMassalLaporan, LaporanDisetujui
from lkip.laporan.pdf import sha256_html
from lkip.laporan.services import cetak_massal_aksi, cetak_massal_pulihkan
from tests.web.bantuan import pengguna

pytestmark = pytest.mark.django_db
Status = CetakMassal.Status
TAHUN = 2023  # arjasa, kencong, sumbersari


@pytest.fixture
def render(monkeypatch):
    """The drafts laid out; each gets a stand-in PDF naming its HTML."""
    dicetak: list[str] = []

    def palsu(html: str) -> bytes:
        dicetak.append(sha256_html(html))
        return b"%PDF-1.7 uji " + sha256_html(html).encode()

    monkeypatch.setattr(tasks, "pdf_dari_html", palsu)
    return dicetak


@pytest.fixture
def antrean(settings):
    """A queue that only collects tasks, so the test plays the workers, in any order."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    backend = default_task_backend
    backend.clear()
    return backend


def jalankan(hasil) -> None:
    """What a worker does with one queued task."""
    if hasil.task.takes_context:
        hasil.task.call(TaskContext(task_result=hasil), *hasil.args, **hasil.kwargs)
    else:
        hasil.task.call(*hasil.args, **hasil.kwargs)


def ambil(antrean, tugas) -> list:
    diambil = [h for h in antrean.results if h.task.name == tugas.name]
    antrean.results[:] = [h for h in antrean.results if h.task.name != tugas.name]
    return diambil


@pytest.fixture
def bappeda():
    return pengguna(Peran.BAPPEDA)


def isi_zip(cetak: CetakMassal) -> dict[str, bytes]:
    cetak.refresh_from_db()
    with cetak.berkas.open("rb") as berkas, zipfile.ZipFile(io.BytesIO(berkas.read())) as arsip:
        return {nama: arsip.read(nama) for nama in arsip.namelist()}


def test_each_report_is_its_own_task_and_the_last_one_to_finish_queues_the_zip(antrean, render, bappeda):
    cetak = CetakMassal.objects.create(tahun=TAHUN, dibuat_oleh=bappeda)
    tasks.cetak_massal.call(cetak_id=cetak.pk)
    laporan = ambil(antrean, tasks.cetak_massal_laporan)
    assert len(laporan) == 3 and antrean.results == []
    cetak.refresh_from_db()
    assert (cetak.status, cetak.jumlah, cetak.selesai) == (Status.BERJALAN, 3, 0)

    for nomor, hasil in enumerate(reversed(laporan), start=1):  # workers finish in any order
        assert ambil(antrean, tasks.cetak_massal_rakit) == []  # nothing to assemble yet
        jalankan(hasil)
        cetak.refresh_from_db()
        assert (cetak.selesai, cetak.persen, cetak.sedang) == (nomor, round(100 * nomor / 3), "")
    rakit = ambil(antrean, tasks.cetak_massal_rakit)
    assert len(rakit) == 1 and cetak.status == Status.BERJALAN
    jalankan(rakit[0])
    cetak.refresh_from_db()
    assert cetak.status == Status.SELESAI and len(render) == 3
    assert list(isi_zip(cetak)) == [f"LKIP-{TAHUN}-{s}.pdf" for s in ("arjasa", "kencong", "sumbersari")]
    assert set(CetakMassalLaporan.objects.filter(cetak=cetak).values_list("status", flat=True)) == {"selesai"}


def test_a_second_copy_of_a_report_task_prints_nothing(antrean, render, bappeda):
    cetak = CetakMassal.objects.create(tahun=TAHUN, dibuat_oleh=bappeda)
    tasks.cetak_massal.call(cetak_id=cetak.pk)
    pertama = ambil(antrean, tasks.cetak_massal_laporan)[0]
    jalankan(pertama)
    jalankan(pertama)  # queued twice (a resume) or taken by a second worker
    cetak.refresh_from_db()
    assert (cetak.selesai, len(render)) == (1, 1)


def test_a_report_queued_when_its_job_was_cancelled_is_not_laid_out(antrean, render, bappeda):
    cetak = CetakMassal.objects.create(tahun=TAHUN, dibuat_oleh=bappeda)
    tasks.cetak_massal.call(cetak_id=cetak.pk)
    laporan = ambil(antrean, tasks.cetak_massal_laporan)
    jalankan(laporan[0])
    cetak_massal_aksi(cetak_id=cetak.pk, aksi="batalkan", oleh=bappeda)
    for hasil in laporan[1:]:
        jalankan(hasil)
    cetak.refresh_from_db()
    assert (cetak.status, cetak.selesai, len(render), antrean.results) == (Status.DIBATALKAN, 1, 1, [])


def test_a_job_waiting_behind_busy_workers_is_not_taken_for_dead(antrean, render, bappeda):
    lama = timezone.now() - timedelta(minutes=10)
    menunggu = CetakMassal.objects.create(tahun=TAHUN, dibuat_oleh=bappeda)
    tasks.cetak_massal.call(cetak_id=menunggu.pk)
    CetakMassal.objects.filter(pk=menunggu.pk).update(detak=lama, diperbarui=lama)
    lain = CetakMassal.objects.create(tahun=2024, dibuat_oleh=bappeda)
    tasks.cetak_massal.call(cetak_id=lain.pk)
    antrean.clear()
    # A worker started one of the other job's reports a moment ago: the workers are alive.
    CetakMassalLaporan.objects.filter(cetak=lain).update(status="berjalan", mulai=timezone.now())
    assert cetak_massal_pulihkan() == []
    menunggu.refresh_from_db()
    assert menunggu.status == Status.BERJALAN
    # Once no worker has done anything for the whole period, the job is resumed.
    CetakMassalLaporan.objects.filter(cetak=lain).update(mulai=lama)
    assert [c.pk for c in cetak_massal_pulihkan()] == [menunggu.pk]


def setujui(slug: str, tahun: int, monkeypatch) -> LaporanDisetujui:
    """Take the year through the workflow to Disetujui, which freezes its report."""
    monkeypatch.setattr(alur, "temuan_galat", lambda kecamatan, tahun: [])
    k = Kecamatan.objects.get(slug=slug)
    alur.alur_terapkan(kecamatan=k, tahun=tahun, aksi="ajukan", oleh=pengguna(Peran.CAMAT, slug))
    alur.alur_terapkan(
        kecamatan=k, tahun=tahun, aksi="reviu", oleh=pengguna(Peran.INSPEKTORAT), catatan="Sesuai."
    )
    alur.alur_terapkan(kecamatan=k, tahun=tahun, aksi="setujui", oleh=pengguna(Peran.BAPPEDA, nama="bappeda"))
    return LaporanDisetujui.objects.get(kecamatan=k, tahun=tahun)


def test_an_approved_year_is_printed_from_its_frozen_pdf_in_the_zip_and_by_cetak_lkip(
    monkeypatch, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    beku = setujui("arjasa", TAHUN, monkeypatch)
    with beku.berkas.open("rb") as berkas:
        pdf_beku = berkas.read()
    dicetak: list[str] = []
    monkeypatch.setattr(
        tasks,
        "pdf_dari_html",
        lambda html: dicetak.append(html) or b"%PDF-1.7 draf " + sha256_html(html).encode(),
    )
    cetak = CetakMassal.objects.create(tahun=TAHUN, dibuat_oleh=pengguna(Peran.ADMIN))
    tasks.cetak_massal.call(cetak_id=cetak.pk)
    isi = isi_zip(cetak)
    assert cetak.status == Status.SELESAI
    assert hashlib.sha256(isi[f"LKIP-{TAHUN}-arjasa.pdf"]).hexdigest() == beku.sha256_pdf
    assert len(dicetak) == 2 and all("DRAF" in h for h in dicetak)  # kencong and sumbersari only
    assert CetakMassalLaporan.objects.get(cetak=cetak, kecamatan__slug="arjasa").disetujui == beku

    keluaran = tmp_path / "arjasa.pdf"
    pesan = io.StringIO()
    call_command("cetak_lkip", "arjasa", str(TAHUN), "-o", str(keluaran), stdout=pesan)
    assert keluaran.read_bytes() == pdf_beku
    assert f"versi 1 yang disetujui (SHA-256 {beku.sha256_pdf[:12]}" in pesan.getvalue()

    call_command("cetak_lkip", "arjasa", str(TAHUN), "-o", str(keluaran), "--html", stdout=io.StringIO())
    html = keluaran.read_text(encoding="utf-8")
    assert "Disetujui" in html and "DRAF" not in html


def test_an_approved_year_whose_frozen_file_is_gone_fails_the_job_instead_of_zipping_a_draft(
    monkeypatch, settings, tmp_path, render
):
    settings.MEDIA_ROOT = tmp_path
    beku = setujui("arjasa", TAHUN, monkeypatch)
    beku.berkas.storage.delete(beku.berkas.name)
    cetak = CetakMassal.objects.create(tahun=TAHUN, dibuat_oleh=pengguna(Peran.ADMIN))
    tasks.cetak_massal.call(cetak_id=cetak.pk)
    cetak.refresh_from_db()
    pesan = f"Berkas PDF LKIP Kecamatan Arjasa tahun {TAHUN} versi 1 yang disetujui tidak ditemukan."
    assert (cetak.status, cetak.pesan, bool(cetak.berkas)) == (
        Status.GAGAL,
        f"Pencetakan LKIP Kecamatan Arjasa gagal: {pesan}",
        False,
    )
    with pytest.raises(Exception, match="yang disetujui tidak ditemukan"):
        call_command("cetak_lkip", "arjasa", str(TAHUN), "-o", str(tmp_path / "x.pdf"))


def test_the_admin_shows_which_worker_printed_each_report_in_a_constant_number_of_queries(
    client, antrean, render, bappeda
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    client.force_login(pengguna(Peran.ADMIN))
    kueri = {}
    for tahun in (2024, 2023):  # one report, then three
        cetak = CetakMassal.objects.create(tahun=tahun, dibuat_oleh=bappeda)
        tasks.cetak_massal.call(cetak_id=cetak.pk)
        CetakMassalLaporan.objects.filter(cetak=cetak).update(pekerja="server-b-2")
        client.get(reverse("admin:laporan_cetakmassal_change", args=[cetak.pk]))  # caches warmed
        with CaptureQueriesContext(connection) as tangkap:
            halaman = client.get(reverse("admin:laporan_cetakmassal_change", args=[cetak.pk]))
        assert halaman.status_code == 200
        isi = halaman.content.decode()
        assert isi.count("server-b-2") == CetakMassalLaporan.objects.filter(cetak=cetak).count()
        kueri[tahun] = len(tangkap)
    assert kueri[2023] == kueri[2024]
