"""A PDF is laid out once per content: the download serves the cached file while the report's
HTML is unchanged, lays it out anew when a save changed it, a save schedules the re-render in
the background, the download page says so while it runs, and old entries are pruned."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kecamatan.models import Kecamatan
from lkip.accounts.models import Peran
from lkip.laporan import simpanan
from lkip.laporan.models import NarasiLaporan, PdfLaporan, RenderLatar
from lkip.laporan.pdf import html_lkip, sha256_html
from tests.web.bantuan import indikator_pk, pengguna

pytestmark = pytest.mark.django_db


@pytest.fixture
def render(monkeypatch):
    """Counts layouts; each returns a small stand-in PDF that names the HTML it came from."""
    dicetak: list[str] = []

    def palsu(html: str, **_) -> bytes:
        dicetak.append(sha256_html(html))
        return b"%PDF-1.7 uji " + sha256_html(html).encode()

    monkeypatch.setattr(simpanan, "pdf_dari_html", palsu)
    return dicetak


def unduh(client, slug="kalisat", tahun=2024):
    return client.get(reverse("laporan:pdf", args=[slug, tahun]))


def test_a_second_download_of_an_unchanged_report_does_not_lay_it_out_again(client, render):
    client.force_login(pengguna(Peran.OPERATOR, "kalisat"))
    pertama, kedua = unduh(client), unduh(client)
    assert len(render) == 1
    assert pertama.status_code == kedua.status_code == 200
    assert pertama.content == kedua.content and pertama.content.startswith(b"%PDF")
    entri = PdfLaporan.objects.get()
    assert (entri.kecamatan.slug, entri.tahun, entri.ukuran) == ("kalisat", 2024, len(pertama.content))
    assert entri.sha256 == sha256_html(html_lkip(kecamatan=entri.kecamatan, tahun=2024))


def test_a_changed_narrative_is_laid_out_anew(client, render):
    client.force_login(pengguna(Peran.OPERATOR, "kalisat"))
    lama = unduh(client).content
    NarasiLaporan.objects.create(
        kecamatan=Kecamatan.objects.get(slug="kalisat"),
        tahun=2024,
        bagian="latar_belakang",
        teks="Teks baru.",
    )
    baru = unduh(client).content
    assert len(render) == 2 and lama != baru
    assert PdfLaporan.objects.count() == 2


def test_the_cached_file_is_the_real_pdf(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(pengguna(Peran.CAMAT, "pakusari"))
    pdf = unduh(client, "pakusari", 2021).content
    entri = PdfLaporan.objects.get()
    assert (tmp_path / entri.berkas.name).read_bytes() == pdf and pdf.startswith(b"%PDF")


def test_a_cache_entry_whose_file_is_gone_is_laid_out_again(client, render):
    client.force_login(pengguna(Peran.OPERATOR, "kalisat"))
    unduh(client)
    entri = PdfLaporan.objects.get()
    entri.berkas.storage.delete(entri.berkas.name)
    assert unduh(client).status_code == 200
    assert len(render) == 2 and PdfLaporan.objects.count() == 1


def test_a_save_renders_the_year_in_the_background_and_the_download_finds_it_ready(
    client, render, django_capture_on_commit_callbacks
):
    operator = pengguna(Peran.OPERATOR, "kalisat")
    client.force_login(operator)
    url = reverse("web:narasi", args=["kalisat", 2024])
    data = {"versi": client.get(url).context["form"].initial["versi"], "latar_belakang": "Paragraf baru."}
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, data).status_code == 302
    assert len(render) == 1  # by the background task, after the save
    assert RenderLatar.objects.get(kecamatan__slug="kalisat", tahun=2024).mulai is None
    assert unduh(client).status_code == 200
    assert len(render) == 1


def test_a_refused_save_or_a_live_preview_schedules_nothing(
    client, render, django_capture_on_commit_callbacks
):
    client.force_login(pengguna(Peran.OPERATOR, "kalisat"))
    with django_capture_on_commit_callbacks(execute=True):
        basi = client.post(
            reverse("web:narasi", args=["kalisat", 2024]), {"versi": "0", "latar_belakang": "x"}
        )
        indikator = indikator_pk("kalisat", 2024)[0]
        pratinjau = client.post(
            reverse("web:realisasi_pratinjau", args=["kalisat", 2024, indikator.pk]), {"angka": "97,5"}
        )
    assert basi.status_code != 302 and pratinjau.status_code == 200
    assert not RenderLatar.objects.exists() and render == []


def test_only_the_last_of_a_burst_of_saves_renders(render, django_capture_on_commit_callbacks):
    from lkip.laporan.services import render_jadwalkan

    kalisat = Kecamatan.objects.get(slug="kalisat")
    with django_capture_on_commit_callbacks(execute=False) as tertunda:
        render_jadwalkan(kecamatan=kalisat, tahun=2024)
        render_jadwalkan(kecamatan=kalisat, tahun=2024)
    for jalankan in tertunda:  # the worker runs both scheduled renders after the quiet period
        jalankan()
    assert len(render) == 1


def test_while_the_year_is_being_laid_out_the_download_says_so_without_a_second_render(client, render):
    kalisat = Kecamatan.objects.get(slug="kalisat")
    RenderLatar.objects.create(kecamatan=kalisat, tahun=2024, diminta=timezone.now(), mulai=timezone.now())
    client.force_login(pengguna(Peran.OPERATOR, "kalisat"))
    jawaban = unduh(client)
    html = jawaban.content.decode()
    assert jawaban.status_code == 202 and render == []
    assert "PDF sedang disiapkan" in html
    assert reverse("laporan:pdf", args=["kalisat", 2024]) + '"' not in html.split("<main", 1)[1]
    status = reverse("laporan:pdf_status", args=["kalisat", 2024])
    assert f'hx-get="{status}"' in html
    RenderLatar.objects.filter(kecamatan=kalisat).update(mulai=None)
    siap = client.get(status, headers={"HX-Request": "true"}).content.decode()
    assert "PDF sudah siap" in siap and reverse("laporan:pdf", args=["kalisat", 2024]) in siap


def test_pruning_removes_unused_entries_and_keeps_the_newest_of_each_year(render):
    kalisat, arjasa = Kecamatan.objects.get(slug="kalisat"), Kecamatan.objects.get(slug="arjasa")
    sekarang = timezone.now()

    def entri(kecamatan, nomor, hari_lalu):
        laporan = simpanan.LaporanSiap(
            kecamatan=kecamatan, tahun=2024, html=f"<p>{nomor}</p>", sha256=f"{nomor:064d}"
        )
        e = simpanan.pdf_simpan(laporan=laporan, pdf=b"%PDF " + str(nomor).encode())
        PdfLaporan.objects.filter(pk=e.pk).update(dipakai=sekarang - timedelta(days=hari_lalu))
        return e

    baru = [entri(kalisat, n, n) for n in range(1, 5)]  # used 1, 2, 3, 4 days ago
    usang = entri(arjasa, 9, 40)
    assert simpanan.pdf_pangkas(umur=timedelta(days=30), sisa=2) == 3
    tersisa = set(PdfLaporan.objects.values_list("pk", flat=True))
    assert tersisa == {baru[0].pk, baru[1].pk}
    assert not usang.berkas.storage.exists(usang.berkas.name)
    assert not baru[3].berkas.storage.exists(baru[3].berkas.name)
    assert baru[0].berkas.storage.exists(baru[0].berkas.name)


def test_a_save_stays_saved_when_its_re_render_cannot_be_scheduled(client, monkeypatch, caplog):
    from lkip.laporan import middleware

    def rusak(**_):
        raise RuntimeError("database is locked")

    monkeypatch.setattr(middleware, "render_jadwalkan", rusak)
    client.force_login(pengguna(Peran.OPERATOR, "kalisat"))
    url = reverse("web:narasi", args=["kalisat", 2024])
    data = {"versi": client.get(url).context["form"].initial["versi"], "latar_belakang": "Tetap tersimpan."}
    assert client.post(url, data).status_code == 302
    assert NarasiLaporan.objects.get(kecamatan__slug="kalisat", tahun=2024).teks == "Tetap tersimpan."
    assert "tidak terjadwal" in caplog.text
