"""The approved report is frozen: on approval its PDF (with the approval line) and its
``lkip_json`` document are kept with their SHA-256, the download serves those bytes from then
on, every earlier PDF says DRAF, and a reopened year keeps its approved versions."""

import hashlib
import json
import subprocess

import pytest
from django.urls import reverse

from kecamatan import alur
from kecamatan.models import AlurLaporan, Kecamatan
from lkip.accounts.models import Peran
from lkip.laporan import services as laporan_services
from lkip.laporan.dokumen import dokumen_json
from lkip.laporan.models import BagianNarasi, LaporanDisetujui, NarasiLaporan
from lkip.laporan.selectors import dokumen_lkip
from tests.web.bantuan import pengguna

pytestmark = pytest.mark.django_db
SLUG, TAHUN = "kalisat", 2024
PDF = reverse("laporan:pdf", kwargs={"slug": SLUG, "tahun": TAHUN})


@pytest.fixture(autouse=True)
def siap(monkeypatch, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(alur, "temuan_galat", lambda kecamatan, tahun: [])


def teks_pdf(pdf: bytes) -> str:
    return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


def _kecamatan() -> Kecamatan:
    return Kecamatan.objects.get(slug=SLUG)


def sampai_direviu(camat, inspektorat) -> None:
    k = _kecamatan()
    alur.alur_terapkan(kecamatan=k, tahun=TAHUN, aksi="ajukan", oleh=camat)
    alur.alur_terapkan(kecamatan=k, tahun=TAHUN, aksi="reviu", oleh=inspektorat, catatan="Sesuai.")


def setujui(bappeda) -> None:
    alur.alur_terapkan(kecamatan=_kecamatan(), tahun=TAHUN, aksi="setujui", oleh=bappeda)


@pytest.fixture
def orang():
    camat = pengguna(Peran.CAMAT, SLUG, nama="camat-uji")
    inspektorat = pengguna(Peran.INSPEKTORAT, nama="inspektorat-uji")
    bappeda = pengguna(Peran.BAPPEDA, nama="bappeda-uji")
    bappeda.first_name, bappeda.last_name = "Ir. Reviu", "Bappeda"
    bappeda.save()
    return camat, inspektorat, bappeda


def test_approval_freezes_the_report_and_reopening_keeps_its_versions(client, orang):
    camat, inspektorat, bappeda = orang
    client.force_login(camat)
    draf = client.get(PDF)
    assert draf.status_code == 200
    teks_draf = teks_pdf(draf.content)
    assert "DRAF" in teks_draf and "Disetujui" not in teks_draf

    sampai_direviu(camat, inspektorat)
    setujui(bappeda)
    v1 = LaporanDisetujui.objects.get(kecamatan__slug=SLUG, tahun=TAHUN)
    assert v1.versi == 1 and v1.disetujui_oleh == "Ir. Reviu Bappeda"
    with v1.berkas.open("rb") as berkas:
        pdf_v1 = berkas.read()
    assert hashlib.sha256(pdf_v1).hexdigest() == v1.sha256_pdf
    assert hashlib.sha256(v1.json.encode("utf-8")).hexdigest() == v1.sha256_json
    assert json.loads(v1.json) == json.loads(
        json.dumps(dokumen_json(dokumen_lkip(kecamatan=_kecamatan(), tahun=TAHUN)))
    )

    # A change behind the workflow's back (the admin) does not change what is downloaded.
    NarasiLaporan.objects.create(
        kecamatan=_kecamatan(), tahun=TAHUN, bagian=BagianNarasi.KATA_PENGANTAR, teks="Diubah lewat admin."
    )
    unduh = client.get(PDF)
    assert unduh.content == pdf_v1
    teks = teks_pdf(unduh.content)
    assert "oleh Ir. Reviu Bappeda" in teks and "Disetujui " in teks
    assert "DRAF" not in teks and "Diubah lewat admin." not in teks
    alur.alur_terapkan(kecamatan=_kecamatan(), tahun=TAHUN, aksi="kunci", oleh=bappeda)
    assert client.get(PDF).content == pdf_v1  # locked: still the frozen PDF

    alur.alur_terapkan(kecamatan=_kecamatan(), tahun=TAHUN, aksi="buka", oleh=bappeda, catatan="Revisi.")
    assert "DRAF" in teks_pdf(client.get(PDF).content)  # reopened: a draft again
    NarasiLaporan.objects.filter(bagian=BagianNarasi.KATA_PENGANTAR).update(
        teks="Kata pengantar versi kedua."
    )
    sampai_direviu(camat, inspektorat)
    setujui(bappeda)

    v2 = LaporanDisetujui.objects.get(kecamatan__slug=SLUG, tahun=TAHUN, versi=2)
    assert v2.sha256_pdf != v1.sha256_pdf
    unduh = client.get(PDF)
    assert hashlib.sha256(unduh.content).hexdigest() == v2.sha256_pdf
    assert "Kata pengantar versi kedua." in teks_pdf(unduh.content)
    lama = client.get(reverse("laporan:versi_pdf", kwargs={"slug": SLUG, "tahun": TAHUN, "versi": 1}))
    assert lama.status_code == 200 and lama.content == pdf_v1
    daftar = client.get(
        reverse("laporan:versi_daftar", kwargs={"slug": SLUG, "tahun": TAHUN})
    ).content.decode()
    assert v1.sha256_pdf in daftar and v2.sha256_pdf in daftar
    assert LaporanDisetujui.objects.count() == 2  # once per approval


def test_a_failed_freeze_rolls_the_approval_back(orang, monkeypatch):
    camat, inspektorat, bappeda = orang
    sampai_direviu(camat, inspektorat)

    def gagal(html: str) -> bytes:
        raise RuntimeError("tata letak gagal")

    monkeypatch.setattr(laporan_services, "pdf_dari_html", gagal)
    with pytest.raises(RuntimeError):
        setujui(bappeda)
    assert AlurLaporan.objects.get(kecamatan__slug=SLUG, tahun=TAHUN).status == "direviu"
    assert not LaporanDisetujui.objects.exists()


def test_another_kecamatans_version_is_404(client, orang):
    camat, inspektorat, bappeda = orang
    sampai_direviu(camat, inspektorat)
    setujui(bappeda)
    client.force_login(pengguna(Peran.OPERATOR, "pakusari"))
    lain = reverse("laporan:versi_pdf", kwargs={"slug": SLUG, "tahun": TAHUN, "versi": 1})
    assert client.get(lain).status_code == 404
    sendiri = reverse("laporan:versi_pdf", kwargs={"slug": "pakusari", "tahun": 2021, "versi": 1})
    assert client.get(sendiri).status_code == 404  # no approved version of its own yet
    client.force_login(camat)
    assert client.get(lain).status_code == 200
