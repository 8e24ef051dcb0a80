"""Time of the consistency check (``lkip.laporan.periksa``): the five seed kecamatan as loaded
by ``make data``, then generated kecamatan of growing size (created and rolled back).

    DATABASE_URL=sqlite:///db.sqlite3 .venv/bin/python bench/periksa.py [--ulang 20]

Prints p50/p95 in milliseconds, the number of queries and of findings per run.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lkip.settings.local")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from kecamatan.models import Kecamatan  # noqa: E402
from lkip.laporan.periksa import periksa  # noqa: E402

SEED = [("arjasa", 2023), ("kencong", 2023), ("sumbersari", 2023), ("pakusari", 2021), ("kalisat", 2024)]
UKURAN = [(2, 3), (25, 40), (100, 150)]


def ukur(kecamatan: Kecamatan, tahun: int, ulang: int) -> tuple[float, float, int, int]:
    with CaptureQueriesContext(connection) as q:
        temuan = periksa(kecamatan=kecamatan, tahun=tahun)
    waktu = []
    for _ in range(ulang):
        mulai = time.perf_counter()
        periksa(kecamatan=kecamatan, tahun=tahun)
        waktu.append((time.perf_counter() - mulai) * 1000)
    return statistics.median(waktu), statistics.quantiles(waktu, n=20)[-1], len(q), len(temuan)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ulang", type=int, default=20)
    args = parser.parse_args()
    print(f"{'data':<28} {'p50 ms':>8} {'p95 ms':>8} {'query':>6} {'temuan':>7}")
    for slug, tahun in SEED:
        kecamatan = Kecamatan.objects.filter(slug=slug).first()
        if kecamatan is None:
            print(f"{slug}: belum dimuat (jalankan `make data`)")
            continue
        p50, p95, n_query, n_temuan = ukur(kecamatan, tahun, args.ulang)
        print(f"{f'{slug} {tahun}':<28} {p50:8.1f} {p95:8.1f} {n_query:6} {n_temuan:7}")
    from tests.factories import kecamatan_besar

    for indikator, sub_kegiatan in UKURAN:
        with transaction.atomic():
            kecamatan = kecamatan_besar(
                slug=f"bench-{indikator}", indikator=indikator, sub_kegiatan=sub_kegiatan
            )
            p50, p95, n_query, n_temuan = ukur(kecamatan, 2024, args.ulang)
            transaction.set_rollback(True)
        label = f"{indikator} indikator, {sub_kegiatan} sub"
        print(f"{label:<28} {p50:8.1f} {p95:8.1f} {n_query:6} {n_temuan:7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
