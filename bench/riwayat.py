"""Time of the Riwayat pages as the audit trail grows, on a throwaway database.

    .venv/bin/python bench/riwayat.py [--ukuran 1000 10000 50000] [--ulang 10]

Builds a SQLite file in a temporary directory (or, with ``--postgres URL``, a new database on
that server, dropped afterwards), loads the five seed kecamatan, then adds history records by
editing Kalisat's 2024 budget rows until each size is reached, and prints p50/p95 and the
queries of the year's page, its first and last page, and one budget row's page.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _siapkan(args: argparse.Namespace, tmp: Path) -> str | None:
    """Point Django at a fresh database; the PostgreSQL database's name, to drop it later."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "lkip.settings.local"
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
    os.environ["DJANGO_MEDIA_ROOT"] = str(tmp / "media")
    if not args.postgres:
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'riwayat.sqlite3'}"
        return None
    import psycopg2

    nama = f"lkip_bench_riwayat_{uuid.uuid4().hex[:8]}"
    koneksi = psycopg2.connect(f"{args.postgres.rstrip('/')}/postgres")
    koneksi.autocommit = True
    koneksi.cursor().execute(f'CREATE DATABASE "{nama}"')
    koneksi.close()
    os.environ["DATABASE_URL"] = f"{args.postgres.rstrip('/')}/{nama}"
    return nama


def _ukur(klien, alamat: str, ulang: int) -> tuple[float, float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    assert klien.get(alamat).status_code == 200, alamat
    waktu = []
    for _ in range(ulang):
        mulai = time.perf_counter()
        klien.get(alamat)
        waktu.append((time.perf_counter() - mulai) * 1000)
    with CaptureQueriesContext(connection) as kueri:
        klien.get(alamat)
    p95 = sorted(waktu)[max(0, round(len(waktu) * 0.95) - 1)]
    return statistics.median(waktu), p95, len(kueri.captured_queries)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ukuran", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--ulang", type=int, default=10)
    parser.add_argument("--postgres", help="mis. postgres://postgres@127.0.0.1:5432")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        nama_pg = _siapkan(args, Path(tmp))
        try:
            return _jalankan(args)
        finally:
            if nama_pg:
                from django.db import connections

                connections.close_all()
                import psycopg2

                koneksi = psycopg2.connect(f"{args.postgres.rstrip('/')}/postgres")
                koneksi.autocommit = True
                koneksi.cursor().execute(f'DROP DATABASE "{nama_pg}"')
                koneksi.close()


def _jalankan(args: argparse.Namespace) -> int:
    import django

    django.setup()
    from django.core.management import call_command
    from django.core.paginator import Paginator
    from django.db import transaction
    from django.test import Client

    from anggaran.models import SubKegiatan
    from kecamatan.models import Kecamatan
    from lkip.accounts.models import Peran, User
    from lkip.web.riwayat import PER_HALAMAN, bagian_tahun, riwayat_queryset

    call_command("migrate", verbosity=0)
    fixtures = sorted(str(p) for p in (ROOT / "fixtures" / "kecamatan").glob("*.json"))
    call_command("muat_kecamatan", *fixtures, verbosity=0)
    bappeda = User.objects.create_user("bappeda-bench", password=uuid.uuid4().hex, peran=Peran.BAPPEDA)
    klien = Client()
    klien.force_login(bappeda)
    kalisat = Kecamatan.objects.get(slug="kalisat")
    sub = list(SubKegiatan.objects.for_kecamatan_tahun(kalisat.pk, 2024))
    riwayat = SubKegiatan.history.model
    dasar = "/k/kalisat/2024/riwayat/"
    print(f"{'catatan':>8}  {'halaman':<28} {'p50 ms':>8} {'p95 ms':>8} {'kueri':>6}")
    for ukuran in sorted(args.ukuran):
        while riwayat.objects.count() < ukuran:
            with transaction.atomic():
                for s in sub:
                    s.pagu += 1
                    s.save(update_fields=["pagu"])
        jumlah = Paginator(riwayat_queryset(bagian_tahun(kalisat, 2024)), PER_HALAMAN)
        halaman = {
            "tahun, halaman 1": dasar,
            f"tahun, halaman {jumlah.num_pages}": f"{dasar}?halaman={jumlah.num_pages}",
            "anggaran": f"{dasar}?bagian=anggaran",
            "satu sub kegiatan": f"/k/kalisat/2024/anggaran/{sub[0].pk}/riwayat/",
        }
        for nama, alamat in halaman.items():
            p50, p95, kueri = _ukur(klien, alamat, args.ulang)
            print(f"{jumlah.count:>8}  {nama:<28} {p50:>8.1f} {p95:>8.1f} {kueri:>6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
