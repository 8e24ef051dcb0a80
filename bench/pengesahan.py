"""What the Camat's sign-off costs: the fingerprint of everything the report prints
(``sidik_laporan``) for each demo kecamatan's year, and the year page with and without a
sign-off. Prints p50/p95 in ms and the query count (``make data`` first).

    DATABASE_URL=sqlite:///db.sqlite3 .venv/bin/python bench/pengesahan.py [--ulang 30]

Nothing is saved: the sign-off used for the page timing is rolled back.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lkip.settings.local")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.core.signals import request_finished, request_started  # noqa: E402
from django.db import close_old_connections, connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from kecamatan import services as kecamatan_services  # noqa: E402
from lkip.accounts.models import User  # noqa: E402
from lkip.web import selectors  # noqa: E402
from perencanaan.models import PerjanjianKinerja  # noqa: E402


def ukur(fungsi, ulang: int) -> tuple[float, float, int]:
    with CaptureQueriesContext(connection) as q:
        fungsi()
    query = len(q)  # now: every request clears the connection's query log
    waktu = []
    for _ in range(ulang):
        mulai = time.perf_counter()
        fungsi()
        waktu.append((time.perf_counter() - mulai) * 1000)
    p95 = statistics.quantiles(waktu, n=20)[18] if len(waktu) >= 2 else waktu[0]
    return statistics.median(waktu), p95, query


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ulang", type=int, default=30)
    args = parser.parse_args()
    camat = User.objects.filter(username="camat").select_related("kecamatan").first()
    if camat is None:
        print("Akun demo belum ada: jalankan `make data` dulu.")
        return 2
    print(f"{'sidik laporan':<28} {'p50 ms':>8} {'p95 ms':>8} {'query':>6}")
    tahun = PerjanjianKinerja.objects.select_related("kecamatan").order_by("kecamatan__slug", "tahun")
    for kecamatan, t in dict.fromkeys((pk.kecamatan, pk.tahun) for pk in tahun):
        p50, p95, n = ukur(lambda k=kecamatan, t=t: selectors.sidik_laporan(kecamatan=k, tahun=t), args.ulang)
        print(f"{kecamatan.slug + ' ' + str(t):<28} {p50:>8.1f} {p95:>8.1f} {n:>6}")

    # One connection for the whole run, as in the tests, so the page's queries are counted.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    klien = Client()
    klien.force_login(camat)
    alamat = f"/k/{camat.kecamatan.slug}/2024/"
    print(f"\n{'ringkasan tahun ' + camat.kecamatan.slug:<28} {'p50 ms':>8} {'p95 ms':>8} {'query':>6}")
    with transaction.atomic():
        kecamatan_services.pengesahan_create(
            kecamatan=camat.kecamatan,
            tahun=2024,
            oleh=camat,
            sidik=selectors.sidik_laporan(kecamatan=camat.kecamatan, tahun=2024),
        )
        p50, p95, n = ukur(lambda: klien.get(alamat), args.ulang)
        print(f"{'dengan pengesahan':<28} {p50:>8.1f} {p95:>8.1f} {n:>6}")
        transaction.set_rollback(True)
    p50, p95, n = ukur(lambda: klien.get(alamat), args.ulang)
    print(f"{'tanpa pengesahan':<28} {p50:>8.1f} {p95:>8.1f} {n:>6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
