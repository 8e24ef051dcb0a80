"""Many people saving realisasi at once against a real server, for a bounded time.

    .venv/bin/python bench/konkuren.py [--klien 20] [--detik 15] [--maks 4000] [--baris 4]
    .venv/bin/python bench/konkuren.py --postgres postgres://postgres@127.0.0.1:5432
    .venv/bin/python bench/konkuren.py --server gunicorn --proses 3   # when gunicorn is installed

Builds a throwaway database (a SQLite file in a temporary folder, or a new database on the
given local PostgreSQL server, dropped at the end), loads the seed kecamatan, starts the
server on 127.0.0.1 with the production settings and, like ``make run``, the task worker
beside it. Then ``--klien`` operators of Kalisat save the 2024 realisasi of ``--baris``
indicators (so several people share each row): open the form, save it, and on a 409 (someone
saved first) open it again and save again. Stops after ``--detik`` seconds or ``--maks``
requests, whichever comes first, and prints saves, 409s and errors.

Exit 1 when any request failed (a 5xx, another unexpected status, a timeout or a refused
connection): the target is 0 errors at 20 clients.
"""

import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANAGE = [sys.executable, str(ROOT / "manage.py")]
HOST = "127.0.0.1"
KECAMATAN, TAHUN = "kalisat", 2024

SIAPKAN = """
import json
from django.test import Client
from kecamatan.models import Kecamatan
from lkip.accounts.models import Peran, User
from perencanaan.models import PerjanjianKinerja

kecamatan = Kecamatan.objects.get(slug="{kecamatan}")
target = PerjanjianKinerja.objects.berlaku(kecamatan, {tahun}).target.select_related("indikator")
indikator = [t.indikator_id for t in target.order_by("urutan") if t.indikator.jenis_nilai != "huruf"]
sesi = []
for i in range({klien}):
    user, _ = User.objects.update_or_create(
        username=f"bench-{{i}}", defaults={{"peran": Peran.OPERATOR, "kecamatan": kecamatan}}
    )
    klien = Client()
    klien.force_login(user)
    sesi.append(klien.session.session_key)
print(json.dumps({{"indikator": indikator, "sesi": sesi}}))
"""


@dataclass
class Hasil:
    """What the clients saw, shared between their threads."""

    status: Counter = field(default_factory=Counter)
    galat: Counter = field(default_factory=Counter)
    waktu_simpan: list[float] = field(default_factory=list)
    permintaan: int = 0
    kunci: threading.Lock = field(default_factory=threading.Lock)

    def catat(self, status: int | str, detik: float, simpan: bool) -> None:
        with self.kunci:
            self.permintaan += 1
            if isinstance(status, str):
                self.galat[status] += 1
            else:
                self.status[status] += 1
                if simpan and status in (302, 409):
                    self.waktu_simpan.append(detik)


class Klien:
    """One operator in a browser: their session, the CSRF cookie, no redirects followed."""

    def __init__(self, server: str, sessionid: str) -> None:
        self.server = server
        self.kue = {"sessionid": sessionid}
        self.opener = urllib.request.build_opener(_TanpaRedirect())

    def kirim(self, alamat: str, data: dict[str, str] | None = None) -> tuple[int | str, str]:
        isi = None if data is None else urllib.parse.urlencode(data).encode()
        permintaan = urllib.request.Request(self.server + alamat, data=isi)
        permintaan.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.kue.items()))
        if isi is not None:
            permintaan.add_header("Referer", self.server + alamat)
        try:
            jawaban = self.opener.open(permintaan, timeout=30)
        except urllib.error.HTTPError as galat:
            jawaban = galat
        except OSError as galat:  # timeout, refused or reset connection
            return type(galat).__name__, ""
        with jawaban:
            for kepala in jawaban.headers.get_all("Set-Cookie") or []:
                self.kue |= {k: m.value for k, m in SimpleCookie(kepala).items()}
            return jawaban.status, jawaban.read().decode(errors="replace")


class _TanpaRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def bekerja(
    klien: Klien, alamat: str, nomor: int, hasil: Hasil, berhenti: threading.Event, maks: int
) -> None:
    """Open the form, save it; on a 409 the next round opens it again, as a person would."""
    putaran = 0
    while not berhenti.is_set():
        with hasil.kunci:
            if hasil.permintaan >= maks:
                berhenti.set()
                return
        mulai = time.perf_counter()
        status, html = klien.kirim(alamat)
        hasil.catat(status, time.perf_counter() - mulai, simpan=False)
        if status != 200:
            continue
        isian = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', html))
        putaran += 1
        data = {**isian, "status": "terisi", "nilai": f"{nomor},{putaran % 100:02d}", "catatan": f"k{nomor}"}
        mulai = time.perf_counter()
        status, _html = klien.kirim(alamat, data)
        hasil.catat(status, time.perf_counter() - mulai, simpan=True)


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


@contextmanager
def basis_data(postgres: str | None, nama: str = "konkuren"):
    """A throwaway database URL: a SQLite file, or a new database ``lkip_<nama>_<pid>`` on the
    local PostgreSQL (each bench its own name, so two benches never share one)."""
    if not postgres:
        folder = Path(tempfile.mkdtemp(prefix=f"lkip-{nama}-"))
        try:
            yield f"sqlite:///{folder / 'db.sqlite3'}"
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return
    import psycopg2

    server = urllib.parse.urlsplit(postgres)
    if server.hostname not in (HOST, "localhost"):
        raise SystemExit("--postgres harus server lokal (127.0.0.1).")
    nama = f"lkip_{nama}_{os.getpid()}"
    induk = server._replace(path="/postgres").geturl()

    def perintah(sql: str) -> None:
        sambungan = psycopg2.connect(induk)
        sambungan.autocommit = True
        try:
            with sambungan.cursor() as kursor:
                kursor.execute(sql)
        finally:
            sambungan.close()

    perintah(f'CREATE DATABASE "{nama}"')
    try:
        yield server._replace(path=f"/{nama}").geturl()
    finally:
        perintah(f'DROP DATABASE IF EXISTS "{nama}" WITH (FORCE)')


@contextmanager
def proses(argumen: list[str], env: dict[str, str], log: Path):
    """A child process that is always stopped, logging to ``log``."""
    with open(log, "w") as keluaran:
        anak = subprocess.Popen(argumen, env=env, cwd=ROOT, stdout=keluaran, stderr=subprocess.STDOUT)
        try:
            yield anak
        finally:
            anak.send_signal(signal.SIGTERM)
            try:
                anak.wait(timeout=10)
            except subprocess.TimeoutExpired:
                anak.kill()
                anak.wait()


def tunggu_server(alamat: str, anak: subprocess.Popen) -> None:
    for _ in range(200):
        if anak.poll() is not None:
            raise SystemExit("Server berhenti sebelum siap; lihat lognya.")
        try:
            urllib.request.urlopen(f"{alamat}/akun/masuk/", timeout=1)
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("Server tidak siap dalam 20 detik.")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--klien", type=int, default=20, help="operators saving at once")
    parser.add_argument("--detik", type=float, default=15, help="how long the clients run (at most 120)")
    parser.add_argument("--maks", type=int, default=4000, help="requests in total, at most")
    parser.add_argument("--baris", type=int, default=4, help="how many realisasi rows they share")
    parser.add_argument(
        "--postgres", help="a local PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432"
    )
    parser.add_argument("--server", choices=["runserver", "gunicorn"], default="runserver")
    parser.add_argument("--proses", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--tanpa-pekerja", action="store_true", help="do not run the task worker beside it")
    args = parser.parse_args()
    args.detik = min(args.detik, 120)
    gunicorn = Path(sys.executable).with_name("gunicorn")  # the venv's, whatever PATH says
    if args.server == "gunicorn" and not gunicorn.exists():
        print("gunicorn tidak terpasang; pakai --server runserver.")
        return 2

    with ExitStack() as tumpukan:
        url = tumpukan.enter_context(basis_data(args.postgres))
        log = Path(tumpukan.enter_context(tempfile.TemporaryDirectory(prefix="lkip-konkuren-log-")))
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "DJANGO_SETTINGS_MODULE": "lkip.settings.production",
            "DJANGO_SECRET_KEY": os.environ.get(
                "DJANGO_SECRET_KEY", "bench-konkuren-bukan-rahasia-" + "x" * 30
            ),
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_ALLOWED_HOSTS": HOST,
            "DJANGO_MEDIA_ROOT": str(log / "media"),
            "DJANGO_STATIC_ROOT": str(log / "static"),
        }
        fixtures = sorted(str(p) for p in (ROOT / "fixtures" / "kecamatan").glob("*.json"))
        siapkan = (
            ["migrate", "--noinput", "-v0"],
            ["collectstatic", "--noinput", "-v0"],
            ["muat_kecamatan", *fixtures],
        )
        for perintah in siapkan:
            subprocess.run([*MANAGE, *perintah], env=env, cwd=ROOT, check=True, capture_output=True)
        siap = subprocess.run(
            [*MANAGE, "shell", "-c", SIAPKAN.format(kecamatan=KECAMATAN, tahun=TAHUN, klien=args.klien)],
            env=env, cwd=ROOT, check=True, capture_output=True, text=True,
        )  # fmt: skip
        import json

        data = json.loads(siap.stdout.strip().splitlines()[-1])
        indikator = data["indikator"][: max(args.baris, 1)]

        port = _port_bebas()
        if args.server == "gunicorn":
            perintah_server = [
                str(gunicorn),
                "lkip.wsgi",
                "--bind",
                f"{HOST}:{port}",
                "--workers",
                str(args.proses),
            ]
        else:
            perintah_server = [*MANAGE, "runserver", f"{HOST}:{port}", "--noreload"]
        server = tumpukan.enter_context(proses(perintah_server, env, log / "server.log"))
        if not args.tanpa_pekerja:
            tumpukan.enter_context(proses([*MANAGE, "db_worker"], env, log / "pekerja.log"))
        alamat = f"http://{HOST}:{port}"
        tunggu_server(alamat, server)

        hasil = Hasil()
        berhenti = threading.Event()
        utas = []
        for i, sesi in enumerate(data["sesi"]):
            baris = indikator[i % len(indikator)]
            tujuan = f"/k/{KECAMATAN}/{TAHUN}/realisasi/{baris}/"
            utas.append(
                threading.Thread(
                    target=bekerja,
                    args=(Klien(alamat, sesi), tujuan, i, hasil, berhenti, args.maks),
                    daemon=True,
                )
            )
        mulai = time.perf_counter()
        for u in utas:
            u.start()
        berhenti.wait(args.detik)
        berhenti.set()
        for u in utas:
            u.join(timeout=35)
        lama = time.perf_counter() - mulai
        log_server = (log / "server.log").read_text(errors="replace")

    basis = "PostgreSQL" if args.postgres else "SQLite"
    galat_5xx = sum(n for s, n in hasil.status.items() if s >= 500)
    lain = sum(n for s, n in hasil.status.items() if s not in (200, 302, 409) and s < 500)
    galat = galat_5xx + lain + sum(hasil.galat.values())
    waktu = sorted(hasil.waktu_simpan)
    print(f"{basis} · {args.server} · {args.klien} klien · {len(indikator)} baris · {lama:.1f} s")
    print(f"  permintaan        {hasil.permintaan:>7}  ({hasil.permintaan / lama:.0f}/s)")
    print(f"  tersimpan (302)   {hasil.status[302]:>7}")
    print(f"  ditolak (409)     {hasil.status[409]:>7}")
    print(
        f"  galat             {galat:>7}  (5xx {galat_5xx}, lain {lain}, koneksi {sum(hasil.galat.values())})"
    )
    if galat:
        print(f"    status: {dict(hasil.status)} koneksi: {dict(hasil.galat)}")
    if "database is locked" in log_server:
        print(f"  «database is locked» di log server: {log_server.count('database is locked')} kali")
    if len(waktu) >= 2:
        p95 = statistics.quantiles(waktu, n=20)[-1]
        print(f"  simpan p50/p95    {statistics.median(waktu) * 1000:.0f} / {p95 * 1000:.0f} ms")
    print(f"  target: 0 galat pada 20 klien — {'lolos' if galat == 0 else 'GAGAL'}")
    return 1 if galat else 0


if __name__ == "__main__":
    sys.exit(main())
