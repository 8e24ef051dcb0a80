"""CPU time per request of the year page (GET ``/k/<slug>/<tahun>/``) and of a successful
realisasi save (POST ``/k/<slug>/<tahun>/realisasi/<id>/``) with the demo data (``make data``),
in the app's process and, on PostgreSQL, in the database's server process for the connection.
Under load the machine is CPU-bound, so CPU per request, not the time of one quiet request, is
what a change has to lower; ``bench/halaman.py`` times the pages' GETs.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lkip .venv/bin/python bench/cpu_permintaan.py \
        [--ulang 50] [--profil tahun|simpan]

Each save writes a value that differs from the one before (the version token taken between the
requests, outside the time), so every save changes the row and writes history, as a user's does.
Prints the queries of one request and the CPU milliseconds: min and median per request for
the app, the mean per request for the PostgreSQL server process (its clock counts in ticks).
``--profil`` prints a cProfile of 20 requests instead.
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
os.environ.setdefault("DJANGO_DEBUG", "0")  # DEBUG keeps every query's SQL: not what a server does

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from capaian.models import Realisasi  # noqa: E402
from capaian.services import versi_realisasi  # noqa: E402
from lkip.accounts.models import User  # noqa: E402
from lkip.web.forms import RealisasiForm  # noqa: E402
from perencanaan.models import PerjanjianKinerja  # noqa: E402

TAHUN = 2024


def cpu_server() -> float:
    """CPU milliseconds of the PostgreSQL server process of this connection (0 elsewhere)."""
    if connection.vendor != "postgresql":
        return 0.0
    if not hasattr(cpu_server, "pid"):
        with connection.cursor() as c:
            c.execute("SELECT pg_backend_pid()")
            cpu_server.pid = c.fetchone()[0]
    with open(f"/proc/{cpu_server.pid}/stat") as f:
        bagian = f.read().rsplit(")", 1)[1].split()
    return (int(bagian[11]) + int(bagian[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ulang", type=int, default=50)
    parser.add_argument("--profil", choices=["tahun", "simpan"])
    args = parser.parse_args()
    operator = User.objects.filter(username="operator").select_related("kecamatan").first()
    if operator is None:
        print("Akun demo belum ada: jalankan `make data` dulu.")
        return 2
    klien = Client()
    klien.force_login(operator)
    slug = operator.kecamatan.slug
    indikator = PerjanjianKinerja.objects.berlaku(operator.kecamatan, TAHUN).target.first().indikator_id
    alamat_tahun = f"/k/{slug}/{TAHUN}/"
    alamat_simpan = f"/k/{slug}/{TAHUN}/realisasi/{indikator}/"

    def tersimpan() -> Realisasi | None:
        return (
            Realisasi.objects.filter(indikator_id=indikator, tahun=TAHUN).prefetch_related("triwulan").first()
        )

    r = tersimpan()
    triwulan = {} if r is None else {t.triwulan: t.angka for t in r.triwulan.all()}
    isian = {k: "" if v is None else str(v) for k, v in RealisasiForm.awal(r, triwulan, "").items()}
    isian.setdefault("status", Realisasi.Status.TERISI)
    giliran = [0]

    def tahun() -> None:
        assert klien.get(alamat_tahun).status_code == 200

    def simpan(versi: str) -> None:
        giliran[0] += 1
        data = {**isian, "versi": versi, "nilai": "97,5" if giliran[0] % 2 else "98,5"}
        jawaban = klien.post(alamat_simpan, data)
        assert jawaban.status_code == 302, jawaban.status_code

    for _ in range(3):  # warm up: templates, URL resolvers, connections
        tahun()
        simpan(versi_realisasi(tersimpan()))
    query: dict[str, int] = {}
    with CaptureQueriesContext(connection) as q:
        tahun()
    query["tahun"] = len(q)  # now: every request empties the log
    versi = versi_realisasi(tersimpan())
    with CaptureQueriesContext(connection) as q:
        simpan(versi)
    query["simpan"] = len(q)

    if args.profil:
        import cProfile
        import pstats

        profil = cProfile.Profile()
        for _ in range(20):
            versi = versi_realisasi(tersimpan())
            profil.enable()
            tahun() if args.profil == "tahun" else simpan(versi)
            profil.disable()
        pstats.Stats(profil).sort_stats("cumulative").print_stats(60)
        return 0

    waktu: dict[str, list[float]] = {"tahun": [], "simpan": []}
    server = {"tahun": 0.0, "simpan": 0.0}
    for _ in range(args.ulang):
        for nama, jalan in (("tahun", tahun), ("simpan", simpan)):
            argumen = () if nama == "tahun" else (versi_realisasi(tersimpan()),)
            awal_server, awal = cpu_server(), time.process_time()
            jalan(*argumen)
            waktu[nama].append((time.process_time() - awal) * 1000)
            server[nama] += cpu_server() - awal_server
    print(f"{connection.vendor}, {args.ulang} permintaan masing-masing")
    print(f"{'permintaan':<12} {'query':>5} {'cpu min':>8} {'median':>8} {'server':>8}  (ms)")
    for nama, w in waktu.items():
        print(
            f"{nama:<12} {query[nama]:>5} {min(w):8.1f} {statistics.median(w):8.1f} "
            f"{server[nama] / args.ulang:8.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
