"""The bulk print spread over several task workers sharing one PostgreSQL database.

    .venv/bin/python bench/cetak_massal.py --postgres postgres://postgres@127.0.0.1:5432 [--pekerja 2]

Builds a throwaway database on the given local PostgreSQL server (dropped at the end), loads
the seed kecamatan with the production settings, starts ``--pekerja`` ``manage.py db_worker``
processes, each with its own worker id as on separate machines, and asks for the bulk print of
``--tahun`` the way the page does. It waits for the job, then prints the time, which worker laid
out which kecamatan, and the zip's contents.

Exit 1 when the job did not finish, the zip lacks a kecamatan or holds something that is not a
PDF, or (with two or more workers) a worker did no report.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from contextlib import ExitStack
from pathlib import Path

from konkuren import MANAGE, ROOT, basis_data, proses

MULAI = """
from lkip.accounts.models import Peran, User
from lkip.laporan.services import cetak_massal_mulai

oleh, _ = User.objects.update_or_create(username="bench-bappeda", defaults={{"peran": Peran.BAPPEDA}})
print(cetak_massal_mulai(tahun={tahun}, oleh=oleh).pk)
"""


def siapkan(env: dict[str, str]) -> None:
    fixtures = sorted(str(p) for p in (ROOT / "fixtures" / "kecamatan").glob("*.json"))
    for perintah in (
        ["migrate", "--noinput", "-v0"],
        ["collectstatic", "--noinput", "-v0"],
        ["muat_kecamatan", *fixtures],
    ):
        subprocess.run([*MANAGE, *perintah], env=env, cwd=ROOT, check=True, capture_output=True)


def tunggu(url: str, cetak_id: int, batas: float) -> tuple[str, int, int, str, float]:
    import psycopg2

    mulai = time.perf_counter()
    sambungan = psycopg2.connect(url)
    sambungan.autocommit = True
    try:
        while True:
            with sambungan.cursor() as kursor:
                kursor.execute(
                    "SELECT status, selesai, jumlah, berkas, pesan FROM laporan_cetakmassal WHERE id = %s",
                    [cetak_id],
                )
                status, selesai, jumlah, berkas, pesan = kursor.fetchone()
            lama = time.perf_counter() - mulai
            if status in ("selesai", "gagal", "dibatalkan") or lama > batas:
                return status, selesai, jumlah, berkas or pesan, lama
            time.sleep(0.5)
    finally:
        sambungan.close()


def pembagian(url: str, cetak_id: int) -> list[tuple[str, str, float]]:
    import psycopg2

    with psycopg2.connect(url) as sambungan, sambungan.cursor() as kursor:
        kursor.execute(
            "SELECT k.slug, b.pekerja, EXTRACT(EPOCH FROM b.selesai_pada - b.mulai) "
            "FROM laporan_cetakmassallaporan b JOIN kecamatan_kecamatan k ON k.id = b.kecamatan_id "
            "WHERE b.cetak_id = %s ORDER BY b.urutan",
            [cetak_id],
        )
        return [(slug, pekerja, float(detik or 0)) for slug, pekerja, detik in kursor.fetchall()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--postgres", required=True, help="a local server, postgres://postgres@127.0.0.1:5432"
    )
    parser.add_argument("--pekerja", type=int, default=2, help="db_worker processes")
    parser.add_argument("--tahun", type=int, default=2023, help="the year printed (2023: three kecamatan)")
    parser.add_argument("--batas", type=float, default=300, help="seconds to wait for the job")
    args = parser.parse_args()

    with ExitStack() as tumpukan:
        url = tumpukan.enter_context(basis_data(args.postgres))
        folder = Path(tumpukan.enter_context(tempfile.TemporaryDirectory(prefix="lkip-cetak-massal-")))
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "DJANGO_SETTINGS_MODULE": "lkip.settings.production",
            "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY", "bench-cetak-bukan-rahasia-" + "x" * 30),
            "DJANGO_MEDIA_ROOT": str(folder / "media"),
            "DJANGO_STATIC_ROOT": str(folder / "static"),
        }
        siapkan(env)
        for nomor in range(1, args.pekerja + 1):
            perintah = [*MANAGE, "db_worker", "--worker-id", f"pekerja-{nomor}", "--interval", "0.5"]
            tumpukan.enter_context(proses(perintah, env, folder / f"pekerja-{nomor}.log"))
        time.sleep(3)  # every worker is polling before the job is queued
        jawaban = subprocess.run(
            [*MANAGE, "shell", "-c", MULAI.format(tahun=args.tahun)],
            env=env, cwd=ROOT, check=True, capture_output=True, text=True,
        )  # fmt: skip
        cetak_id = int(jawaban.stdout.strip().splitlines()[-1])
        status, selesai, jumlah, berkas, lama = tunggu(url, cetak_id, args.batas)
        bagian = pembagian(url, cetak_id)
        isi: list[tuple[str, bytes]] = []
        if status == "selesai":
            with zipfile.ZipFile(folder / "media" / berkas) as arsip:
                isi = [(nama, arsip.read(nama)[:5]) for nama in arsip.namelist()]

    per_pekerja: dict[str, list[str]] = {}
    for slug, pekerja, _detik in bagian:
        per_pekerja.setdefault(pekerja or "(belum)", []).append(slug)
    print(f"PostgreSQL · {args.pekerja} pekerja · tahun {args.tahun} · {jumlah} laporan")
    print(f"  status            {status} ({selesai}/{jumlah}) dalam {lama:.1f} s")
    for slug, pekerja, detik in bagian:
        print(f"  {slug:<16}  {pekerja or '-':<12} {detik:6.1f} s")
    for pekerja, daftar in sorted(per_pekerja.items()):
        print(f"  {pekerja:<16}  {len(daftar)} laporan")
    print(f"  zip               {len(isi)} berkas: {', '.join(n for n, _ in isi)}")

    diharapkan = {f"LKIP-{args.tahun}-{slug}.pdf" for slug, _p, _d in bagian}
    masalah = []
    if status != "selesai":
        masalah.append(f"pencetakan berstatus {status}: {berkas}")
    if {n for n, _ in isi} != diharapkan or any(awal != b"%PDF-" for _n, awal in isi):
        masalah.append("zip tidak lengkap atau berisi bukan PDF")
    if args.pekerja >= 2 and len([p for p in per_pekerja if p != "(belum)"]) < 2:
        masalah.append("hanya satu pekerja yang mencetak")
    for teks in masalah:
        print(f"  GAGAL: {teks}")
    return 1 if masalah else 0


if __name__ == "__main__":
    sys.exit(main())
