"""p50/p95 response time of the main pages with the demo data (``make data`` first).

    DATABASE_URL=sqlite:///db.sqlite3 .venv/bin/python bench/halaman.py [--ulang 30]

Fails (exit 1) when a page's p95 is above the budget of 300 ms.
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

from django.test import Client  # noqa: E402

from lkip.accounts.models import User  # noqa: E402
from perencanaan.models import PerjanjianKinerja  # noqa: E402

ANGGARAN_P95_MS = 300


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ulang", type=int, default=30)
    args = parser.parse_args()
    operator = User.objects.filter(username="operator").select_related("kecamatan").first()
    if operator is None:
        print("Akun demo belum ada: jalankan `make data` dulu.")
        return 2
    klien = Client()
    klien.force_login(operator)
    slug, tahun = operator.kecamatan.slug, 2024
    indikator = PerjanjianKinerja.objects.berlaku(operator.kecamatan, tahun).target.first().indikator_id
    halaman = {
        "ringkasan tahun": f"/k/{slug}/{tahun}/",
        "realisasi": f"/k/{slug}/{tahun}/realisasi/{indikator}/",
        "perjanjian kinerja": f"/k/{slug}/{tahun}/perjanjian/",
        "anggaran": f"/k/{slug}/{tahun}/anggaran/",
        "renstra": f"/k/{slug}/{tahun}/renstra/",
        "rkt": f"/k/{slug}/{tahun}/rkt/",
        "tabel pegawai": f"/k/{slug}/{tahun}/profil/pegawai/",
        "profil": f"/k/{slug}/{tahun}/profil/",
        "pemeriksaan": f"/k/{slug}/{tahun}/periksa/",
    }
    gagal = False
    print(f"{'halaman':<20} {'p50 ms':>8} {'p95 ms':>8}")
    for nama, alamat in halaman.items():
        assert klien.get(alamat).status_code == 200, alamat
        waktu = []
        for _ in range(args.ulang):
            mulai = time.perf_counter()
            klien.get(alamat)
            waktu.append((time.perf_counter() - mulai) * 1000)
        p50 = statistics.median(waktu)
        p95 = statistics.quantiles(waktu, n=20)[-1]
        print(f"{nama:<20} {p50:8.1f} {p95:8.1f}")
        gagal |= p95 > ANGGARAN_P95_MS
    print(f"anggaran waktu: p95 ≤ {ANGGARAN_P95_MS} ms per halaman — {'GAGAL' if gagal else 'lolos'}")
    return 1 if gagal else 0


if __name__ == "__main__":
    sys.exit(main())
