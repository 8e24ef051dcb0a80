"""Benchmark: render Kalisat 2024's LKIP and print seconds, pages, peak memory and queries;
render the same HTML with headless Chromium for comparison; optionally time a bulk run.

    .venv/bin/python bench/cetak_lkip.py [--ulang 3] [--massal 31]

Uses its own SQLite database in a temporary folder, loaded from fixtures/, so it measures
the same data on every machine. Prints figures; it asserts nothing.
"""

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))
SEMENTARA = Path(tempfile.mkdtemp(prefix="bench-lkip-"))
os.environ["DATABASE_URL"] = f"sqlite:///{SEMENTARA / 'bench.sqlite3'}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lkip.settings.local")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from kecamatan.models import Kecamatan  # noqa: E402
from lkip.laporan.pdf import html_lkip, pdf_banyak, tata_letak  # noqa: E402


def rss_puncak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def chromium(html: str) -> float | None:
    biner = shutil.which("chromium") or shutil.which("chromium-browser")
    if biner is None:
        return None
    folder = SEMENTARA / "chromium"
    shutil.copytree(AKAR / "static", folder / "static", dirs_exist_ok=True)
    berkas = folder / "lkip.html"
    berkas.write_text(html.replace('href="/static/', 'href="static/'), encoding="utf-8")
    mulai = time.perf_counter()
    subprocess.run(
        [biner, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         f"--user-data-dir={folder / 'profil'}", "--no-pdf-header-footer",
         f"--print-to-pdf={folder / 'lkip.pdf'}", berkas.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    return time.perf_counter() - mulai


def main() -> None:
    argumen = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    argumen.add_argument("--ulang", type=int, default=3, help="renders of Kalisat 2024 to time")
    argumen.add_argument("--massal", type=int, default=0, help="also time N renders in a row (bulk)")
    opsi = argumen.parse_args()

    call_command("migrate", verbosity=0)
    call_command(
        "muat_kecamatan",
        *sorted(str(p) for p in (AKAR / "fixtures" / "kecamatan").glob("*.json")),
        verbosity=0,
    )
    kalisat = Kecamatan.objects.get(slug="kalisat")
    rss_awal = rss_puncak_mb()

    waktu = []
    for _ in range(opsi.ulang):
        mulai = time.perf_counter()
        with CaptureQueriesContext(connection) as kueri:
            html = html_lkip(kecamatan=kalisat, tahun=2024)
        tengah = time.perf_counter()
        dokumen = tata_letak(html)
        dokumen.write_pdf()
        waktu.append((tengah - mulai, time.perf_counter() - tengah))
    data = min(w[0] for w in waktu)
    cetak = min(w[1] for w in waktu)
    print("LKIP Kecamatan Kalisat 2024")
    print(f"  halaman           {len(dokumen.pages)}")
    print(f"  kueri basis data  {len(kueri.captured_queries)}")
    print(
        f"  detik (terbaik dari {opsi.ulang})  {data + cetak:.2f} s  (data+HTML {data:.2f} s, WeasyPrint {cetak:.2f} s)"
    )
    print(f"  memori puncak     {rss_puncak_mb():.0f} MB proses (awal {rss_awal:.0f} MB)")
    detik_chromium = chromium(html)
    if detik_chromium is None:
        print("  Chromium          tidak terpasang, perbandingan dilewati")
    else:
        print(
            f"  Chromium          {detik_chromium:.2f} s untuk HTML yang sama (rasio WeasyPrint/Chromium {cetak / detik_chromium:.1f})"
        )
    if opsi.massal:
        proses = settings.LKIP_CETAK_PROSES
        mulai = time.perf_counter()
        semua = [html_lkip(kecamatan=kalisat, tahun=2024) for _ in range(opsi.massal)]
        jumlah = sum(1 for _ in pdf_banyak(semua, proses=proses))
        print(
            f"  cetak massal      {jumlah} laporan dalam {time.perf_counter() - mulai:.1f} s ({proses} proses)"
        )
    shutil.rmtree(SEMENTARA, ignore_errors=True)


if __name__ == "__main__":
    main()
