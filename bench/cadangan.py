"""The backup → restore drill of docs/deploy.md, end to end on a local PostgreSQL.

    .venv/bin/python bench/cadangan.py --postgres postgres://postgres@127.0.0.1:5432 [--kecamatan arjasa --tahun 2023]

Builds a throwaway database (dropped at the end) with the production settings, loads the seed
kecamatan and takes one year through the review workflow to Disetujui, which freezes its PDF.
Then it backs up as an IT office would (``pg_dump -Fc`` of the database, a copy of the media
folder), restores both into a fresh database and a fresh folder, and compares, on the restored
install: ``manage.py lkip_json`` byte for byte, the approved PDF that ``cetak_lkip`` writes
against the SHA-256 recorded at approval, and ``migrate --check`` (nothing left to apply).

The consistency check (``periksa``) blocks a submission that has a galat, and the seed years
have some; the drill does not test the check, so it approves with the check switched off.

Exit 1 when anything differs.
"""

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
from contextlib import ExitStack, contextmanager
from pathlib import Path

from cetak_massal import siapkan
from konkuren import HOST, MANAGE, ROOT

SETUJUI = """
from kecamatan import alur
from kecamatan.models import Kecamatan
from lkip.accounts.models import Peran, User
from lkip.laporan.models import LaporanDisetujui

alur.temuan_galat = lambda kecamatan, tahun: []  # the drill is about the backup, not the check
k = Kecamatan.objects.get(slug="{slug}")
orang = {{}}
for peran, nama in [(Peran.CAMAT, "camat"), (Peran.INSPEKTORAT, "inspektorat"), (Peran.BAPPEDA, "bappeda")]:
    orang[nama], _ = User.objects.update_or_create(
        username=f"latihan-{{nama}}", defaults={{"peran": peran, "kecamatan": k if nama == "camat" else None}}
    )
alur.alur_terapkan(kecamatan=k, tahun={tahun}, aksi="ajukan", oleh=orang["camat"])
alur.alur_terapkan(kecamatan=k, tahun={tahun}, aksi="reviu", oleh=orang["inspektorat"], catatan="Sesuai.")
alur.alur_terapkan(kecamatan=k, tahun={tahun}, aksi="setujui", oleh=orang["bappeda"])
print(LaporanDisetujui.objects.get(kecamatan=k, tahun={tahun}).sha256_pdf)
"""


@contextmanager
def dua_basis_data(postgres: str):
    """Two new databases on the local server: the install and the one restored into."""
    import psycopg2

    server = urllib.parse.urlsplit(postgres)
    if server.hostname not in (HOST, "localhost"):
        raise SystemExit("--postgres harus server lokal (127.0.0.1).")
    nama = f"lkip_cadangan_{os.getpid()}"
    induk = server._replace(path="/postgres").geturl()

    def perintah(sql: str) -> None:
        sambungan = psycopg2.connect(induk)
        sambungan.autocommit = True
        try:
            with sambungan.cursor() as kursor:
                kursor.execute(sql)
        finally:
            sambungan.close()

    for n in (nama, f"{nama}_pulih"):
        perintah(f'CREATE DATABASE "{n}"')
    try:
        yield tuple(server._replace(path=f"/{n}").geturl() for n in (nama, f"{nama}_pulih"))
    finally:
        for n in (nama, f"{nama}_pulih"):
            perintah(f'DROP DATABASE IF EXISTS "{n}" WITH (FORCE)')


def manage(env: dict[str, str], *argumen: str) -> subprocess.CompletedProcess:
    return subprocess.run([*MANAGE, *argumen], env=env, cwd=ROOT, check=True, capture_output=True, text=True)


def sha256(isi: bytes) -> str:
    return hashlib.sha256(isi).hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--postgres", required=True, help="a local server, postgres://postgres@127.0.0.1:5432"
    )
    parser.add_argument("--kecamatan", default="arjasa")
    parser.add_argument("--tahun", type=int, default=2023)
    args = parser.parse_args()
    slug, tahun = args.kecamatan, str(args.tahun)
    for alat in ("pg_dump", "pg_restore"):
        if shutil.which(alat) is None:
            print(f"{alat} tidak terpasang (paket postgresql-client).")
            return 2

    with ExitStack() as tumpukan:
        asal, pulih = tumpukan.enter_context(dua_basis_data(args.postgres))
        folder = Path(tumpukan.enter_context(tempfile.TemporaryDirectory(prefix="lkip-cadangan-")))
        umum = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "lkip.settings.production",
            "DJANGO_SECRET_KEY": os.environ.get(
                "DJANGO_SECRET_KEY", "bench-cadangan-bukan-rahasia-" + "x" * 30
            ),
            "DJANGO_STATIC_ROOT": str(folder / "static"),
        }
        env_asal = {**umum, "DATABASE_URL": asal, "DJANGO_MEDIA_ROOT": str(folder / "media")}
        env_pulih = {**umum, "DATABASE_URL": pulih, "DJANGO_MEDIA_ROOT": str(folder / "media-pulih")}

        siapkan(env_asal)
        sha_disetujui = manage(
            env_asal, "shell", "-c", SETUJUI.format(slug=slug, tahun=tahun)
        ).stdout.split()[-1]
        json_asal = manage(env_asal, "lkip_json", slug, tahun).stdout

        # The backup: the database in pg_dump's custom format, and the media folder.
        mulai = time.perf_counter()
        cadangan = folder / "lkip.dump"
        subprocess.run(
            ["pg_dump", "--format=custom", "--no-owner", "--file", str(cadangan), asal], check=True
        )
        shutil.make_archive(str(folder / "media"), "gztar", root_dir=folder / "media")
        waktu_cadang = time.perf_counter() - mulai

        # The restore, into a fresh database and a fresh media folder.
        mulai = time.perf_counter()
        subprocess.run(
            ["pg_restore", "--no-owner", "--exit-on-error", "--dbname", pulih, str(cadangan)], check=True
        )
        shutil.unpack_archive(folder / "media.tar.gz", folder / "media-pulih")
        waktu_pulih = time.perf_counter() - mulai

        json_pulih = manage(env_pulih, "lkip_json", slug, tahun).stdout
        pdf = folder / "pulih.pdf"
        manage(env_pulih, "cetak_lkip", slug, tahun, "-o", str(pdf))
        sha_pulih = sha256(pdf.read_bytes())
        migrasi = subprocess.run(
            [*MANAGE, "migrate", "--check"], env=env_pulih, cwd=ROOT, capture_output=True, text=True
        )
        ukuran = cadangan.stat().st_size, (folder / "media.tar.gz").stat().st_size

    hasil = [
        ("lkip_json sama", json_asal == json_pulih and bool(json_asal)),
        ("PDF disetujui sama", sha_pulih == sha_disetujui),
        ("tidak ada migrasi tertunda", migrasi.returncode == 0),
    ]
    print(f"Latihan cadangan → pemulihan · {slug} {tahun} · PostgreSQL")
    print(
        f"  cadangan          pg_dump {ukuran[0] / 1e6:.1f} MB + media {ukuran[1] / 1e6:.1f} MB, {waktu_cadang:.1f} s"
    )
    print(f"  pemulihan         pg_restore + media, {waktu_pulih:.1f} s")
    print(
        f"  lkip_json         SHA-256 {sha256(json_asal.encode())[:16]} → {sha256(json_pulih.encode())[:16]}"
    )
    print(f"  PDF disetujui     SHA-256 {sha_disetujui[:16]} → {sha_pulih[:16]}")
    for nama, lolos in hasil:
        print(f"  {nama:<28} {'ya' if lolos else 'TIDAK'}")
    return 0 if all(lolos for _n, lolos in hasil) else 1


if __name__ == "__main__":
    sys.exit(main())
