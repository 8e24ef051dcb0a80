"""The report's tables are laid out with fixed widths: every table template declares its
columns in a <colgroup> adding up to 100 %, and in the laid-out pages of the five seed
kecamatan no text runs past the right margin or out of its table cell."""

import re
from html.parser import HTMLParser

import pytest
from django.contrib.staticfiles import finders
from weasyprint.formatting_structure import boxes

from kecamatan.models import Kecamatan
from lkip.laporan.pdf import html_lkip, tata_letak

TAHUN = {"arjasa": 2023, "kencong": 2023, "sumbersari": 2023, "pakusari": 2021, "kalisat": 2024}
HALAMAN = {"arjasa": 30, "kencong": 34, "sumbersari": 33, "pakusari": 25, "kalisat": 38}
"""Pages of each report with fixed widths; automatic widths took 28, 32, 31, 25 and 36 with the
shorter analysis sentences of before (Sumbersari's fixed-width report then took 30; the sentences
that now state what each mean averages and compare letters with letters add its 31st page)."""

pytestmark = pytest.mark.django_db


class Tabel(HTMLParser):
    """Each <table>: its class, the widths of its <col class="l-N">, its first header row's columns."""

    def __init__(self) -> None:
        super().__init__()
        self.tabel: list[dict] = []
        self._baris_pertama = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            self.tabel.append({"kelas": a.get("class", ""), "lebar": [], "kolom": 0, "baris": 0})
        elif not self.tabel:
            return
        elif tag == "col":
            cocok = re.fullmatch(r"l-(\d+)", a.get("class", ""))
            self.tabel[-1]["lebar"].append(int(cocok.group(1)) if cocok else None)
        elif tag == "tr":
            self.tabel[-1]["baris"] += 1
        elif tag in ("th", "td") and self.tabel[-1]["baris"] == 1:
            self.tabel[-1]["kolom"] += int(a.get("colspan", 1))


@pytest.fixture(scope="module")
def laporan(django_db_setup, django_db_blocker):
    hasil = {}
    with django_db_blocker.unblock():
        for slug, tahun in TAHUN.items():
            html = html_lkip(kecamatan=Kecamatan.objects.get(slug=slug), tahun=tahun)
            hasil[slug] = {"html": html, "dokumen": tata_letak(html)}
    return hasil


@pytest.mark.parametrize("slug", TAHUN)
def test_every_table_declares_column_widths_that_add_up_to_100_percent(laporan, slug):
    pengurai = Tabel()
    pengurai.feed(laporan[slug]["html"])
    assert len(pengurai.tabel) >= 20
    for t in pengurai.tabel:
        assert None not in t["lebar"], t["kelas"]
        assert sum(t["lebar"]) == 100, (t["kelas"], t["lebar"])
        assert len(t["lebar"]) == t["kolom"], (t["kelas"], t["lebar"], t["kolom"])


def test_every_width_class_used_is_defined_in_the_stylesheet(laporan):
    with open(finders.find("laporan/lkip.css"), encoding="utf-8") as berkas:
        css = berkas.read()
    assert re.search(r"table \{[^}]*table-layout: fixed;", css)
    ditetapkan = {int(n) for n, p in re.findall(r"col\.l-(\d+) \{ width: (\d+)%; \}", css) if n == p}
    dipakai = {int(n) for lap in laporan.values() for n in re.findall(r'<col class="l-(\d+)">', lap["html"])}
    assert dipakai <= ditetapkan


def _teks(box):
    if isinstance(box, boxes.TextBox):
        yield box
    for anak in getattr(box, "children", []):
        yield from _teks(anak)


def _sel(box):
    if isinstance(box, boxes.TableCellBox):
        yield box
        return
    for anak in getattr(box, "children", []):
        yield from _sel(anak)


@pytest.mark.parametrize("slug", TAHUN)
def test_no_text_runs_past_the_right_margin_or_out_of_its_cell(laporan, slug):
    lewat_margin, lewat_sel = [], []
    for nomor, halaman in enumerate(laporan[slug]["dokumen"].pages, start=1):
        kotak = halaman._page_box
        kanan = kotak.content_box_x() + kotak.width
        lewat_margin += [(nomor, t.text) for t in _teks(kotak) if t.position_x + t.width > kanan + 0.5]
        for sel in _sel(kotak):
            batas = sel.content_box_x() + sel.width + 0.5
            lewat_sel += [(nomor, t.text) for t in _teks(sel) if t.position_x + t.width > batas]
    assert lewat_margin == []
    assert lewat_sel == []


@pytest.mark.parametrize("slug", TAHUN)
def test_fixed_widths_keep_or_lower_the_page_count(laporan, slug):
    assert len(laporan[slug]["dokumen"].pages) == HALAMAN[slug]
