"""The LKIP PDF of every seed kecamatan, read back through its extracted text: every heading,
a table of contents whose page numbers are the pages the headings are really on, every
caption, and the key figures equal to lkip_json's."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kecamatan.models import Kecamatan
from lkip.laporan.isi import isi_laporan
from lkip.laporan.pdf import pdf_lkip
from lkip.laporan.selectors import dokumen_lkip
from umum.angka import format_persen, format_rupiah

TAHUN = {"arjasa": 2023, "kencong": 2023, "sumbersari": 2023, "pakusari": 2021, "kalisat": 2024}
HALAMAN = range(20, 61)  # a kecamatan LKIP runs 25–50 pages; outside this something is lost or repeated

JUDUL = [
    "KATA PENGANTAR", "DAFTAR ISI", "DAFTAR TABEL", "DAFTAR GAMBAR", "IKHTISAR EKSEKUTIF",
    "BAB I", "PENDAHULUAN", "A. Latar Belakang", "B. Maksud dan Tujuan",
    "C. Kedudukan, Tugas, Fungsi dan Susunan Organisasi", "D. Sumber Daya Manusia",
    "E. Sarana dan Prasarana", "F. Anggaran", "G. Isu Strategis", "H. Profil Wilayah",
    "BAB II", "PERENCANAAN KINERJA", "A. Rencana Strategis", "B. Indikator Kinerja Utama",
    "C. Perjanjian Kinerja", "D. Alokasi Anggaran per Sasaran",
    "BAB III", "AKUNTABILITAS KINERJA", "A. Kerangka Pengukuran Kinerja", "B. Capaian Kinerja",
    "C. Analisis Program dan Kegiatan Pendukung Sasaran", "D. Analisis Efisiensi Penggunaan Sumber Daya",
    "E. Rekapitulasi Predikat Capaian Kinerja", "F. Realisasi Anggaran",
    "BAB IV", "PENUTUP", "A. Kesimpulan", "B. Permasalahan", "C. Rekomendasi", "LAMPIRAN",
]  # fmt: skip

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) tidak terpasang"),
]


def halaman_teks(pdf: bytes, tmp: Path) -> list[str]:
    berkas = tmp / "lkip.pdf"
    berkas.write_bytes(pdf)
    teks = subprocess.run(
        ["pdftotext", "-layout", str(berkas), "-"], capture_output=True, text=True, check=True
    ).stdout
    return teks.split("\f")[:-1]


def label_halaman(teks: str) -> str:
    """The page number printed in the footer: ``12`` from "Halaman 12 dari 31", or ``iv``."""
    cocok = re.search(r"Halaman (\d+) dari \d+", teks)
    if cocok:
        return cocok.group(1)
    # The roman numeral ends the footer line (which also says DRAF or the approval, on the left).
    baris = [b.split()[-1] for b in teks.strip().splitlines() if b.strip()]
    return baris[-1] if baris and re.fullmatch(r"[ivxlc]+", baris[-1]) else ""


def normal(teks: str) -> str:
    """Whitespace as one space; a line broken after a dash ("2021–" / "2026") joined again."""
    return re.sub(r"–\s+", "–", re.sub(r"\s+", " ", teks))


@pytest.fixture(scope="module")
def laporan(django_db_setup, django_db_blocker, tmp_path_factory):
    hasil = {}
    with django_db_blocker.unblock():
        for slug, tahun in TAHUN.items():
            kecamatan = Kecamatan.objects.get(slug=slug)
            pdf = pdf_lkip(kecamatan=kecamatan, tahun=tahun)
            hasil[slug] = {
                "pdf": pdf,
                "halaman": halaman_teks(pdf, tmp_path_factory.mktemp(slug)),
                "dok": dokumen_lkip(kecamatan=kecamatan, tahun=tahun),
                "isi": isi_laporan(kecamatan=kecamatan, tahun=tahun),
            }
    return hasil


@pytest.mark.parametrize("slug", TAHUN)
def test_page_count_is_in_range(laporan, slug):
    assert len(laporan[slug]["halaman"]) in HALAMAN


@pytest.mark.parametrize("slug", TAHUN)
def test_every_chapter_and_section_heading_is_printed(laporan, slug):
    semua = normal("\n".join(laporan[slug]["halaman"]))
    for judul in JUDUL:
        assert judul in semua, judul


@pytest.mark.parametrize("slug", TAHUN)
def test_table_of_contents_points_at_the_pages_the_headings_are_on(laporan, slug):
    halaman = laporan[slug]["halaman"]
    awal_daftar = next(
        i
        for i, h in enumerate(halaman)
        if "DAFTAR ISI" in h and re.search(r"KATA PENGANTAR ?\.{4}", normal(h))
    )
    entri = re.findall(r"^\s*(.+?)\s*\.{3,}\s*([ivxlc]+|\d+)\s*$", halaman[awal_daftar], flags=re.M)
    assert len(entri) >= 30
    akhir_daftar = next(i for i, h in enumerate(halaman) if "DAFTAR GAMBAR" in h and i > awal_daftar)
    for judul, nomor in entri:
        judul = judul.strip()
        if re.fullmatch(r"[ivxlc]+", nomor):  # front matter: the heading stands alone on its line
            letak = next(i for i, h in enumerate(halaman) if judul in [b.strip() for b in h.splitlines()])
        else:
            letak = next((i for i, h in enumerate(halaman) if i > akhir_daftar and judul in normal(h)), None)
            assert letak is not None, f"{judul} tidak tercetak setelah daftar isi"
        assert label_halaman(halaman[letak]) == nomor, (
            f"{judul}: daftar isi {nomor}, tercetak di {label_halaman(halaman[letak])}"
        )


@pytest.mark.parametrize("slug", TAHUN)
def test_every_table_and_figure_caption_is_printed_and_listed(laporan, slug):
    semua = normal("\n".join(laporan[slug]["halaman"]))
    isi = laporan[slug]["isi"]
    for nomor in [*isi["daftar"].tabel, *isi["daftar"].gambar]:
        keterangan = normal(f"{nomor.label} {nomor.judul}")
        assert semua.count(keterangan) >= 2, keterangan  # in its list and above/below the table


@pytest.mark.parametrize("slug", TAHUN)
def test_key_figures_equal_lkip_json(laporan, slug):
    semua = normal("\n".join(laporan[slug]["halaman"]))
    dok = laporan[slug]["dok"]
    capaian = dok.capaian
    assert f"{format_persen(capaian.rata_rata.capaian)} dengan predikat {capaian.rata_rata.predikat}" in semua
    for baris in capaian.indikator:
        assert f"capaian kinerjanya {format_persen(baris.capaian)}" in semua, baris.indikator
    total = dok.anggaran.total
    assert f"total pagu anggaran {format_rupiah(total.pagu)}" in semua
    assert f"terealisasi {format_rupiah(total.realisasi)} atau {format_persen(total.serapan)}" in semua


def test_kalisat_figures_as_the_seed_prints_them(laporan):
    semua = normal("\n".join(laporan["kalisat"]["halaman"]))
    assert "99,85% dengan predikat Sangat Tinggi" in semua
    assert "capaian kinerjanya 95,56%" in semua
    assert "Rp4.416.692.224" in semua and "Rp3.660.926.754" in semua
    assert "Drs. RUSDIYANTO, M.Si." in semua and "NIP. 19680906 199503 1 003" in semua
    assert "7 Februari 2025" in semua


@pytest.mark.parametrize("slug", TAHUN)
def test_front_matter_is_roman_and_chapters_start_at_one(laporan, slug):
    halaman = laporan[slug]["halaman"]
    pengantar = next(h for h in halaman if "KATA PENGANTAR" in h and "...." not in h)
    assert label_halaman(pengantar) == "i"
    bab1 = next(h for h in halaman if "PENDAHULUAN" in h and "A. Latar Belakang" in h and "...." not in h)
    assert label_halaman(bab1) == "1"


def test_every_glyph_printed_exists_in_the_bundled_font(laporan):
    from django.contrib.staticfiles import finders
    from fontTools.ttLib import TTFont

    peta = TTFont(finders.find("laporan/fonts/LiberationSans-Regular.ttf")).getBestCmap()
    tanpa = {
        c for lap in laporan.values() for h in lap["halaman"] for c in h if ord(c) > 31 and ord(c) not in peta
    }
    assert tanpa == set()
