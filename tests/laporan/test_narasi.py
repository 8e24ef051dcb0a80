"""A kecamatan's prose is text: only the documented placeholders are filled, every other brace
prints as typed, in the preview and in the PDF."""

import shutil
import subprocess

import pytest
from django.urls import reverse

from kecamatan.models import Kecamatan
from lkip.accounts.models import Peran
from lkip.laporan.isi import isi_tempat
from lkip.laporan.models import NarasiLaporan
from lkip.laporan.pdf import pdf_lkip
from tests.web.bantuan import pengguna

ISIAN = {
    "kecamatan": "Kecamatan Kalisat",
    "kabupaten": "Kabupaten Jember",
    "tahun": 2024,
    "tahun_berikut": 2025,
}


@pytest.mark.parametrize(
    ("teks", "harapan"),
    [
        ("{kecamatan} tahun {tahun} dan {tahun_berikut}, {kabupaten}",
         "Kecamatan Kalisat tahun 2024 dan 2025, Kabupaten Jember"),
        ("Rumus {a} dan kurung { sendiri }", "Rumus {a} dan kurung { sendiri }"),
        ("Hanya satu { kurung buka", "Hanya satu { kurung buka"),
        ("Hanya satu } kurung tutup", "Hanya satu } kurung tutup"),
        ("{{kecamatan}}", "{Kecamatan Kalisat}"),
        ("{0}{}{kecamatan!r}{tahun:>999999999}", "{0}{}{kecamatan!r}{tahun:>999999999}"),
        ("{kecamatan.__class__.__mro__}", "{kecamatan.__class__.__mro__}"),
        ("{tahun[0]} {KECAMATAN} { kecamatan }", "{tahun[0]} {KECAMATAN} { kecamatan }"),
    ],
)  # fmt: skip
def test_only_the_documented_placeholders_are_filled(teks, harapan):
    assert isi_tempat(teks, ISIAN) == harapan


@pytest.fixture
def narasi_berkurung(db):
    kalisat = Kecamatan.objects.get(slug="kalisat")
    NarasiLaporan.objects.create(
        kecamatan=kalisat, tahun=2024, bagian="latar_belakang",
        teks="Target {indeks} naik } lalu { turun, di {kecamatan} {tahun:>99999999}.",
    )  # fmt: skip
    return kalisat


def test_a_brace_in_the_prose_prints_literally_in_the_preview(client, narasi_berkurung):
    client.force_login(pengguna(Peran.OPERATOR, "kalisat"))
    jawaban = client.get(reverse("laporan:pratinjau", args=["kalisat", 2024]))
    assert jawaban.status_code == 200
    assert "<p>Target {indeks} naik } lalu { turun, di Kecamatan Kalisat {tahun:&gt;99999999}.</p>" in (
        jawaban.content.decode()
    )


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) tidak terpasang")
def test_a_brace_in_the_prose_prints_literally_in_the_pdf(narasi_berkurung, tmp_path):
    berkas = tmp_path / "lkip.pdf"
    berkas.write_bytes(pdf_lkip(kecamatan=narasi_berkurung, tahun=2024))
    teks = subprocess.run(["pdftotext", str(berkas), "-"], capture_output=True, text=True, check=True).stdout
    assert "Target {indeks} naik } lalu { turun, di Kecamatan Kalisat {tahun:>99999999}." in " ".join(
        teks.split()
    )
