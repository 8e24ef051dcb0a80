"""Benchmark: lay out the five seed kecamatan's LKIPs and print, per report, the layout time,
the pages, and how much text runs past the right margin or out of its table cell.

    .venv/bin/python bench/tabel_lkip.py

Uses its own SQLite database in a temporary folder, loaded from fixtures/. Prints figures;
it asserts nothing (tests/laporan/test_tata_letak.py does).
"""

import os
import sys
import tempfile
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))
SEMENTARA = Path(tempfile.mkdtemp(prefix="bench-tabel-"))
os.environ["DATABASE_URL"] = f"sqlite:///{SEMENTARA / 'bench.sqlite3'}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lkip.settings.local")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from weasyprint.formatting_structure import boxes  # noqa: E402

from kecamatan.models import Kecamatan  # noqa: E402
from lkip.laporan.pdf import html_lkip, tata_letak  # noqa: E402

TAHUN = {"arjasa": 2023, "kencong": 2023, "sumbersari": 2023, "pakusari": 2021, "kalisat": 2024}


def teks(box):
    if isinstance(box, boxes.TextBox):
        yield box
    for anak in getattr(box, "children", []):
        yield from teks(anak)


def sel(box):
    if isinstance(box, boxes.TableCellBox):
        yield box
        return
    for anak in getattr(box, "children", []):
        yield from sel(anak)


def lewat(dokumen) -> tuple[int, int, float]:
    """Text boxes past the right margin, past their cell, and the worst overrun in px."""
    margin = lewat_sel = 0
    terburuk = 0.0
    for halaman in dokumen.pages:
        kotak = halaman._page_box
        kanan = kotak.content_box_x() + kotak.width
        for t in teks(kotak):
            lebih = t.position_x + t.width - kanan
            if lebih > 0.5:
                margin += 1
                terburuk = max(terburuk, lebih)
        for s in sel(kotak):
            batas = s.content_box_x() + s.width
            for t in teks(s):
                lebih = t.position_x + t.width - batas
                if lebih > 0.5:
                    lewat_sel += 1
                    terburuk = max(terburuk, lebih)
    return margin, lewat_sel, terburuk


def main() -> None:
    call_command("migrate", verbosity=0)
    call_command(
        "muat_kecamatan",
        *sorted(str(p) for p in (AKAR / "fixtures" / "kecamatan").glob("*.json")),
        verbosity=0,
    )
    print(
        f"{'kecamatan':12} {'tahun':>5} {'tata letak':>10} {'halaman':>7} {'lewat margin':>12} {'lewat sel':>9} {'terburuk':>8}"
    )
    for slug, tahun in TAHUN.items():
        html = html_lkip(kecamatan=Kecamatan.objects.get(slug=slug), tahun=tahun)
        mulai = time.perf_counter()
        dokumen = tata_letak(html)
        detik = time.perf_counter() - mulai
        margin, di_sel, terburuk = lewat(dokumen)
        print(
            f"{slug:12} {tahun:>5} {detik:>9.2f}s {len(dokumen.pages):>7} {margin:>12} {di_sel:>9} {terburuk:>6.1f}px"
        )


if __name__ == "__main__":
    main()
