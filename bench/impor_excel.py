"""Time and memory of an Excel import: validate (guard, read, plan) and apply.

    .venv/bin/python bench/impor_excel.py [--indikator 1000] [--sub 250] [--postgres URL]

Builds a throwaway database (SQLite file in a temporary directory, or a new database on the
PostgreSQL server at URL, dropped afterwards), loads Kalisat, gives its Renstra ``--indikator``
indicators and its 2024 budget a tree of 10 programs, 40 kegiatan and ``--sub`` sub kegiatan
(300 nodes by default), downloads the template, fills every realisasi (year and four quarters)
and every pagu/realisasi, and times the preview and the apply, with their queries and the peak
Python memory (tracemalloc) and the process's peak RSS. Target: validate + apply ≤ 3 s and
≤ 200 MB.
"""

import argparse
import cProfile
import os
import pstats
import resource
import sys
import tempfile
import time
import tracemalloc
import uuid
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _siapkan(args: argparse.Namespace, tmp: Path) -> str | None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "lkip.settings.local"
    os.environ["DJANGO_MEDIA_ROOT"] = str(tmp / "media")
    if not args.postgres:
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'impor.sqlite3'}"
        return None
    import psycopg2

    nama = f"lkip_bench_impor_{uuid.uuid4().hex[:8]}"
    koneksi = psycopg2.connect(f"{args.postgres.rstrip('/')}/postgres")
    koneksi.autocommit = True
    koneksi.cursor().execute(f'CREATE DATABASE "{nama}"')
    koneksi.close()
    os.environ["DATABASE_URL"] = f"{args.postgres.rstrip('/')}/{nama}"
    return nama


def _data(jumlah_indikator: int, jumlah_sub: int):
    from anggaran.models import Kegiatan, Program, SubKegiatan
    from kecamatan.models import Kecamatan
    from perencanaan.models import Indikator, Renstra

    kecamatan = Kecamatan.objects.get(slug="kalisat")
    renstra = Renstra.objects.berlaku(kecamatan, 2024)
    sasaran = list(renstra.sasaran.all())
    ada = Indikator.objects.filter(sasaran__renstra=renstra).count()
    for n in range(ada, jumlah_indikator):
        Indikator(
            sasaran=sasaran[n % len(sasaran)], kode=f"B{n:04}", uraian=f"Indikator uji {n}", satuan="dokumen"
        ).save()
    Program.objects.filter(kecamatan=kecamatan, tahun=2024).delete()
    subs = []
    for p in range(10):
        program = Program.objects.create(
            kecamatan=kecamatan, tahun=2024, kode=f"{p + 1}", nama=f"Program {p + 1}"
        )
        for k in range(4):
            kegiatan = Kegiatan.objects.create(
                program=program, kode=f"{p + 1}.{k + 1}", nama=f"Kegiatan {p + 1}.{k + 1}"
            )
            for s in range(jumlah_sub // 40 + (1 if p * 4 + k < jumlah_sub % 40 else 0)):
                subs.append(
                    SubKegiatan(
                        kegiatan=kegiatan,
                        kode=f"{kegiatan.kode}.{s + 1}",
                        nama=f"Sub {s}",
                        pagu=Decimal(1000000),
                    )
                )
    for sub in subs:
        sub.save()
    return kecamatan, len(subs)


def _isi(isi: bytes) -> bytes:
    import io

    from openpyxl import load_workbook

    buku = load_workbook(io.BytesIO(isi))
    ws = buku["Realisasi"]
    for baris in range(3, ws.max_row + 1):
        if ws.cell(baris, 2).value:
            ws.cell(baris, 6).value = "Terisi"
            ws.cell(baris, 7).value = f"{baris % 97},5"
            for t in range(4):
                ws.cell(baris, 8 + t).value = baris % 13 + t
    ws = buku["Anggaran"]
    for baris in range(3, ws.max_row + 1):
        if ws.cell(baris, 1).value == "Sub kegiatan":
            ws.cell(baris, 6).value = 2_000_000 + baris
            ws.cell(baris, 7).value = f"Rp {1_000_000 + baris:,}".replace(",", ".")
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--indikator", type=int, default=1000)
    parser.add_argument(
        "--sub", type=int, default=250, help="sub kegiatan (with 10 programs and 40 kegiatan)"
    )
    parser.add_argument("--postgres", help="postgres://user@host:port (a database is created and dropped)")
    parser.add_argument(
        "--profil",
        action="store_true",
        help="profile validate + apply (cProfile, so slower) and print the 30 costliest functions of validate + apply (cProfile)",
    )
    parser.add_argument("--urut", default="tottime", help="cProfile sort key (tottime, cumulative)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        nama_pg = _siapkan(args, Path(tmp))
        try:
            return _jalankan(args)
        finally:
            if nama_pg:
                _hapus_pg(args.postgres, nama_pg)


def _hapus_pg(url: str, nama: str) -> None:
    import psycopg2
    from django.db import connections

    connections.close_all()
    koneksi = psycopg2.connect(f"{url.rstrip('/')}/postgres")
    koneksi.autocommit = True
    koneksi.cursor().execute(f'DROP DATABASE IF EXISTS "{nama}"')
    koneksi.close()


def _jalankan(args: argparse.Namespace) -> int:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from lkip.excel.aman import periksa_berkas_xlsx
    from lkip.excel.templat import templat_tahun
    from lkip.excel.terapkan import impor_terapkan, rencana_berkas

    call_command("migrate", verbosity=0)
    call_command("muat_kecamatan", str(ROOT / "fixtures/kecamatan/kalisat.json"), verbosity=0)
    kecamatan, jumlah_sub = _data(args.indikator, args.sub)
    isi = _isi(templat_tahun(kecamatan=kecamatan, tahun=2024))
    print(
        f"{connection.vendor}: {args.indikator} realisasi, budget tree of {10 + 40 + jumlah_sub} nodes, workbook {len(isi) / 1024:.0f} KB"
    )

    profil = cProfile.Profile() if args.profil else None
    if profil:
        profil.enable()
    mulai, cpu = time.perf_counter(), time.process_time()
    with CaptureQueriesContext(connection) as q_rencana:
        rencana = rencana_berkas(periksa_berkas_xlsx(isi), kecamatan=kecamatan, tahun=2024)
    t_rencana, c_rencana = time.perf_counter() - mulai, time.process_time() - cpu
    assert not rencana.galat, rencana.galat[:3]
    ubah = sum(1 for b in rencana.baris if b.jenis != "tetap")
    mulai, cpu = time.perf_counter(), time.process_time()
    with CaptureQueriesContext(connection) as q_terapkan:
        impor_terapkan(berkas=periksa_berkas_xlsx(isi), kecamatan=kecamatan, tahun=2024, sidik=rencana.sidik)
    t_terapkan, c_terapkan = time.perf_counter() - mulai, time.process_time() - cpu
    if profil:
        profil.disable()
        pstats.Stats(profil).sort_stats(args.urut).print_stats(40)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"validate (guard, read, plan): {t_rencana:6.2f} s wall {c_rencana:6.2f} s CPU  {len(q_rencana.captured_queries):5} queries  {ubah} rows to change"
    )
    print(
        f"apply (re-plan + write):      {t_terapkan:6.2f} s wall {c_terapkan:6.2f} s CPU  {len(q_terapkan.captured_queries):5} queries"
    )
    print(
        f"total {t_rencana + t_terapkan:.2f} s wall, {c_rencana + c_terapkan:.2f} s CPU (target ≤ 3 s); peak RSS of the whole process {rss:.0f} MB (target ≤ 200 MB)"
    )
    tracemalloc.start()
    mulai = time.perf_counter()
    kedua = rencana_berkas(periksa_berkas_xlsx(isi), kecamatan=kecamatan, tahun=2024)
    _sekarang, puncak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    sisa = sum(1 for b in kedua.baris if b.jenis != "tetap")
    print(
        f"the same file again: {sisa} rows to change; peak Python memory of that validation {puncak / 2**20:.0f} MB (traced, so slower: {time.perf_counter() - mulai:.2f} s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
