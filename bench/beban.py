"""The kabupaten's load: many reviewers and operators at once, and the matrix at province scale.

    .venv/bin/python bench/beban.py [--klien 20] [--detik 20] [--sintetis 31] [--tahun 2024]
    .venv/bin/python bench/beban.py --postgres postgres://postgres@127.0.0.1:5432
    .venv/bin/python bench/beban.py --url http://127.0.0.1:8000 --pengguna admin --sandi ...
    .venv/bin/python bench/beban.py --provinsi 660          # also time the matrix for 660 kecamatan

Without ``--url`` it builds a throwaway database (SQLite file, or a new database on a local
PostgreSQL, dropped at the end), loads the five seeds, the kabupaten catalogue and
``--sintetis`` synthetic kecamatan for ``--tahun`` (the first three through the loader, the rest bulk copies of the first: see
``bench/salin_massal.py``), and starts the server on 127.0.0.1 with the
production settings (``--server runserver`` or ``gunicorn`` with ``deploy/gunicorn.conf.py``),
with persistent connections (``DATABASE_CONN_MAX_AGE=60``, as ``deploy/lkip.env.contoh``) and,
as production runs it, one task worker (``db_worker``) beside it: each save schedules the
year's report to be laid out again, and the worker doing it shares the CPU with the server
(``--tanpa-pekerja`` to leave it out). ``--tanpa-cache`` runs it on the dummy cache, every
dashboard and matrix laid out on each request, to compare. With ``--url`` it runs against a
server that is already up, logging in as ``--pengguna`` (an administrator: it reads the
kabupaten pages and saves a realisasi) — the save always goes to the synthetic kecamatan
``sintetis-001``, never to a real one, so that server needs ``buat_kecamatan_sintetis`` first.

``--klien`` clients run for ``--detik`` seconds: three in four are reviewers opening the
dashboard, the matrix and a kecamatan's year page in turn; one in four is an operator opening
the year page and saving a realisasi (a 409, someone saved first, is an answer, not an error).
Prints p50/p95 per page, the errors and the machine's load average before and after; the budget is p95 ≤ 500 ms for the matrix, ≤ 300 ms
for the rest, no errors (exit 1 otherwise).

``--provinsi N`` then copies the synthetic kecamatan in bulk up to N (the copies carry no
history: a benchmark database) and prints the matrix and dashboard selectors' time and queries
at 31, a quarter of N and N kecamatan, and how the time grows per kecamatan.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from konkuren import HOST, MANAGE, ROOT, Klien, _port_bebas, basis_data, proses, tunggu_server  # noqa: E402

SASARAN_SIMPAN = "sintetis-001"
#: Synthetic kecamatan made through the loader (with history); the rest are bulk copies.
DIMUAT = 3

SALIN = """
import sys
sys.path.insert(0, {bench!r})
from kecamatan.models import Kecamatan
from salin_massal import salin_kecamatan
salin_kecamatan(Kecamatan.objects.get(slug="sintetis-001"), {jumlah}, mulai={mulai})
"""
ANGGARAN_MS = {"matriks": 500}
ANGGARAN_BAWAAN_MS = 300

SIAPKAN = """
import json
from django.test import Client
from kecamatan.models import Kecamatan
from lkip.accounts.models import Peran, User
from perencanaan.models import PerjanjianKinerja

kecamatan = Kecamatan.objects.get(slug="{slug}")
target = PerjanjianKinerja.objects.berlaku(kecamatan, {tahun}).target.select_related("indikator")
indikator = [t.indikator_id for t in target.order_by("urutan") if t.indikator.jenis_nilai != "huruf"]
sesi = {{}}
for nama, peran, k in (("bench-bappeda", Peran.BAPPEDA, None), ("bench-operator", Peran.OPERATOR, kecamatan)):
    user, _ = User.objects.update_or_create(username=nama, defaults={{"peran": peran, "kecamatan": k}})
    sesi[nama] = []
    for _i in range({klien}):
        klien = Client()
        klien.force_login(user)
        sesi[nama].append(klien.session.session_key)
print(json.dumps({{"indikator": indikator, "sesi": sesi}}))
"""


class Catatan:
    def __init__(self) -> None:
        self.waktu: dict[str, list[float]] = defaultdict(list)
        self.status: dict[str, Counter] = defaultdict(Counter)
        self.kunci = threading.Lock()

    def catat(self, halaman: str, status, detik: float) -> None:
        with self.kunci:
            self.status[halaman][status] += 1
            self.waktu[halaman].append(detik)


def _minta(klien: Klien, catatan: Catatan, halaman: str, alamat: str, data=None):
    mulai = time.perf_counter()
    status, html = klien.kirim(alamat, data)
    catatan.catat(halaman, status, time.perf_counter() - mulai)
    return status, html


def peninjau(klien: Klien, tahun: int, catatan: Catatan, berhenti: threading.Event) -> None:
    urutan = [
        ("dasbor", f"/kabupaten/?tahun={tahun}"),
        ("matriks", f"/kabupaten/matriks/?tahun={tahun}"),
        ("beranda kecamatan", f"/k/{SASARAN_SIMPAN}/{tahun}/"),
    ]
    i = 0
    while not berhenti.is_set():
        halaman, alamat = urutan[i % len(urutan)]
        _minta(klien, catatan, halaman, alamat)
        i += 1


def operator(klien: Klien, tahun: int, indikator: int, nomor: int, catatan: Catatan, berhenti) -> None:
    alamat = f"/k/{SASARAN_SIMPAN}/{tahun}/realisasi/{indikator}/"
    putaran = 0
    while not berhenti.is_set():
        _minta(klien, catatan, "beranda kecamatan", f"/k/{SASARAN_SIMPAN}/{tahun}/")
        status, html = klien.kirim(alamat)
        if status != 200:
            catatan.catat("simpan realisasi", status, 0.0)
            continue
        isian = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', html))
        putaran += 1
        data = {**isian, "status": "terisi", "nilai": f"{70 + nomor % 30},{putaran % 100:02d}"}
        _minta(klien, catatan, "simpan realisasi", alamat, data)


def masuk(alamat: str, pengguna: str, sandi: str) -> str:
    """Log in through the login form; the session key."""
    klien = Klien(alamat, "")
    klien.kue = {}
    status, html = klien.kirim("/akun/masuk/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    if status != 200 or token is None:
        raise SystemExit(f"Halaman masuk {alamat} tidak dapat dibuka ({status}).")
    data = {"csrfmiddlewaretoken": token.group(1), "username": pengguna, "password": sandi}
    status, _html = klien.kirim("/akun/masuk/", data)
    if status != 302 or "sessionid" not in klien.kue:
        raise SystemExit(f"Gagal masuk sebagai «{pengguna}» ({status}); periksa --pengguna dan --sandi.")
    return klien.kue["sessionid"]


def jalankan(alamat: str, sesi_peninjau, sesi_operator, indikator, tahun, detik) -> Catatan:
    catatan, berhenti, utas = Catatan(), threading.Event(), []
    for sesi in sesi_peninjau:
        utas.append(threading.Thread(target=peninjau, args=(Klien(alamat, sesi), tahun, catatan, berhenti)))
    for i, sesi in enumerate(sesi_operator):
        baris = indikator[i % len(indikator)]
        utas.append(
            threading.Thread(target=operator, args=(Klien(alamat, sesi), tahun, baris, i, catatan, berhenti))
        )
    for u in utas:
        u.daemon = True
        u.start()
    berhenti.wait(detik)
    berhenti.set()
    for u in utas:
        u.join(timeout=35)
    return catatan


def laporkan(catatan: Catatan, judul: str, lama: float) -> int:
    print(judul)
    galat_total = 0
    lolos = True
    for halaman in ("dasbor", "matriks", "beranda kecamatan", "simpan realisasi"):
        waktu = sorted(t for t in catatan.waktu.get(halaman, []) if t > 0)
        status = catatan.status.get(halaman, Counter())
        baik = {200, 302} | ({409} if halaman == "simpan realisasi" else set())
        galat = sum(n for s, n in status.items() if s not in baik)
        galat_total += galat
        if len(waktu) < 2:
            print(f"  {halaman:<18} (terlalu sedikit permintaan)")
            lolos = False
            continue
        p50, p95 = statistics.median(waktu) * 1000, statistics.quantiles(waktu, n=20)[-1] * 1000
        batas = ANGGARAN_MS.get(halaman, ANGGARAN_BAWAAN_MS)
        lolos &= p95 <= batas
        tanda = "ok" if p95 <= batas else "LEWAT"
        print(
            f"  {halaman:<18} {len(waktu):>6} perm.  p50 {p50:6.0f} ms  p95 {p95:6.0f} ms  "
            f"(batas {batas} ms: {tanda})  galat {galat}"
            + (f"  {dict(status)}" if galat or len(status) > 1 else "")
        )
    jumlah = sum(len(v) for v in catatan.waktu.values())
    print(f"  total {jumlah} permintaan dalam {lama:.1f} s ({jumlah / lama:.0f}/s), galat {galat_total}")
    print(f"  anggaran waktu dan 0 galat: {'lolos' if lolos and not galat_total else 'GAGAL'}")
    return 0 if lolos and not galat_total else 1


def _beban(rata: tuple[float, float, float]) -> str:
    return " / ".join(f"{x:.2f}" for x in rata) + f" ({os.cpu_count()} inti)"


def _waktu(fungsi, ulang: int = 3) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    terbaik, kueri = float("inf"), 0
    for _ in range(ulang):
        with CaptureQueriesContext(connection) as tangkap:
            mulai = time.perf_counter()
            fungsi()
            terbaik = min(terbaik, time.perf_counter() - mulai)
        kueri = len(tangkap)
    return terbaik, kueri


def provinsi(url: str, sampai: int, tahun: int) -> None:
    """Copy the synthetic kecamatan in bulk and time the matrix and the dashboard selectors, and
    the matrix page through the cache: every row laid out (after a shared write), one row (after
    one kecamatan's write), and kept."""
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "lkip.settings.local"
    os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver"
    os.environ["DJANGO_DEBUG"] = "0"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.test import Client
    from salin_massal import salin_kecamatan

    from kabupaten import selectors
    from kecamatan.models import Kecamatan
    from lkip.accounts.models import User
    from umum.versi_data import versi_naikkan

    klien = Client()
    klien.force_login(User.objects.get(username="bench-bappeda"))

    def halaman(segar: str = "") -> None:
        if segar == "semua":
            versi_naikkan()  # as after a write to a scale: every row is laid out again
        elif segar == "satu":
            versi_naikkan([asal.pk])  # as after an operator's save: that kecamatan's row
        assert klien.get(f"/kabupaten/matriks/?tahun={tahun}").status_code == 200

    asal = Kecamatan.objects.get(slug=SASARAN_SIMPAN)
    print(f"\nMatriks dan dasbor tahun {tahun} pada skala provinsi (selector, waktu terbaik dari 3)")
    print(
        f"  {'kecamatan':>9}  {'matriks':>9}  {'kueri':>5}  {'dasbor':>9}  {'kueri':>5}  {'ms/kec. (matriks)':>18}"
        f"  {'halaman matriks: disusun':>24}  {'1 kec. berubah':>18}  {'dari cache':>10}"
    )
    ukuran = sorted({31, max(31, sampai // 4), sampai})
    hasil = []
    for n in ukuran:
        ada = Kecamatan.objects.count()
        if n > ada:
            mulai = time.perf_counter()
            salin_kecamatan(asal, n - ada, mulai=Kecamatan.objects.filter(sintetis=True).count() + 1)
            print(f"  ({n - ada} kecamatan disalin dalam {time.perf_counter() - mulai:.1f} s)")
        n = Kecamatan.objects.count()
        t_matriks, q_matriks = _waktu(lambda: selectors.matriks(tahun=tahun))
        t_dasbor, q_dasbor = _waktu(lambda: selectors.dasbor(tahun=tahun))
        t_susun, q_susun = _waktu(lambda: halaman("semua"))
        t_satu, q_satu = _waktu(lambda: halaman("satu"))
        halaman()
        t_cache, q_cache = _waktu(halaman)
        hasil.append((n, t_matriks))
        print(
            f"  {n:>9}  {t_matriks * 1000:>7.0f}ms  {q_matriks:>5}  {t_dasbor * 1000:>7.0f}ms  {q_dasbor:>5}"
            f"  {t_matriks * 1000 / n:>18.2f}  {t_susun * 1000:>12.0f}ms ({q_susun:>2} kueri)"
            f"  {t_satu * 1000:>6.0f}ms ({q_satu:>2} kueri)  {t_cache * 1000:>4.0f}ms ({q_cache} kueri)"
        )
    (n0, t0), (n1, t1) = hasil[0], hasil[-1]
    print(
        f"  pertumbuhan: ×{n1 / n0:.1f} kecamatan → ×{t1 / t0:.1f} waktu matriks; kueri tetap, "
        "waktu bertambah lurus dengan banyak baris yang dinilai (Python, satu kali per indikator). "
        "Setelah satu kecamatan berubah, hanya barisnya yang disusun; dari cache, halaman hanya "
        "membaca teks yang sudah disusun."
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--klien", type=int, default=20)
    parser.add_argument("--detik", type=float, default=20, help="how long the clients run (at most 300)")
    parser.add_argument(
        "--sintetis", type=int, default=31, help="synthetic kecamatan in the throwaway database"
    )
    parser.add_argument("--tahun", type=int, default=2024)
    parser.add_argument(
        "--postgres", help="a local PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432"
    )
    parser.add_argument("--server", choices=["runserver", "gunicorn"], default="runserver")
    parser.add_argument("--proses", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--tanpa-pekerja", action="store_true", help="do not run the task worker beside it")
    parser.add_argument(
        "--tanpa-cache", action="store_true", help="the dummy cache: every page laid out on each request"
    )
    parser.add_argument("--url", help="run against this server instead (already up, with the data)")
    parser.add_argument("--pengguna", default="admin", help="with --url: an administrator account")
    parser.add_argument("--sandi", default=os.environ.get("LKIP_DEMO_PASSWORD", "sakip-demo-2026"))
    parser.add_argument(
        "--provinsi", type=int, default=0, help="also time the matrix up to this many kecamatan"
    )
    args = parser.parse_args()
    args.detik = min(args.detik, 300)
    operator_n = max(args.klien // 4, 1)

    if args.url:
        sesi = masuk(args.url.rstrip("/"), args.pengguna, args.sandi)
        # The realisasi form's indicators of the synthetic kecamatan, from its year page.
        status, html = Klien(args.url.rstrip("/"), sesi).kirim(f"/k/{SASARAN_SIMPAN}/{args.tahun}/")
        indikator = sorted(
            {int(x) for x in re.findall(rf"/k/{SASARAN_SIMPAN}/{args.tahun}/realisasi/(\d+)/", html)}
        )
        if status != 200 or not indikator:
            raise SystemExit(
                f"{SASARAN_SIMPAN} {args.tahun} tidak ada di server itu; jalankan buat_kecamatan_sintetis."
            )
        beban_awal = os.getloadavg()
        mulai = time.perf_counter()
        catatan = jalankan(
            args.url.rstrip("/"), [sesi] * (args.klien - operator_n), [sesi] * operator_n,
            indikator[:4], args.tahun, args.detik,
        )  # fmt: skip
        kode = laporkan(catatan, f"{args.url} · {args.klien} klien", time.perf_counter() - mulai)
        print(
            f"  beban mesin (1/5/15 menit): sebelum {_beban(beban_awal)}, sesudah {_beban(os.getloadavg())}"
        )
        return kode

    gunicorn = Path(sys.executable).with_name("gunicorn")  # the venv's, whatever PATH says
    if args.server == "gunicorn" and not gunicorn.exists():
        print("gunicorn tidak terpasang; pakai --server runserver.")
        return 2
    with ExitStack() as tumpukan:
        url = tumpukan.enter_context(basis_data(args.postgres, "beban"))
        log = Path(tumpukan.enter_context(tempfile.TemporaryDirectory(prefix="lkip-beban-log-")))
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "DJANGO_SETTINGS_MODULE": "lkip.settings.production",
            "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY", "bench-beban-bukan-rahasia-" + "x" * 30),
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_ALLOWED_HOSTS": HOST,
            "DJANGO_MEDIA_ROOT": str(log / "media"),
            "DJANGO_STATIC_ROOT": str(log / "static"),
            "DATABASE_CONN_MAX_AGE": os.environ.get("DATABASE_CONN_MAX_AGE", "60"),
        }
        if args.tanpa_cache:
            env["LKIP_CACHE_BACKEND"] = "django.core.cache.backends.dummy.DummyCache"
        mulai = time.perf_counter()
        fixtures = sorted(str(p) for p in (ROOT / "fixtures" / "kecamatan").glob("*.json"))
        for perintah in (
            ["migrate", "--noinput", "-v0"],
            ["collectstatic", "--noinput", "-v0"],
            ["muat_kecamatan", *fixtures],
            ["muat_katalog", "fixtures/kabupaten/katalog.json"],
            [
                "buat_kecamatan_sintetis",
                "--jumlah",
                str(min(args.sintetis, DIMUAT)),
                "--tahun",
                str(args.tahun),
            ],
        ):
            subprocess.run([*MANAGE, *perintah], env=env, cwd=ROOT, check=True, capture_output=True)
        if args.sintetis > DIMUAT:
            salin = SALIN.format(
                bench=str(Path(__file__).resolve().parent), jumlah=args.sintetis - DIMUAT, mulai=DIMUAT + 1
            )
            subprocess.run(
                [*MANAGE, "shell", "-c", salin], env=env, cwd=ROOT, check=True, capture_output=True
            )
        siap = subprocess.run(
            [*MANAGE, "shell", "-c", SIAPKAN.format(slug=SASARAN_SIMPAN, tahun=args.tahun, klien=args.klien)],
            env=env, cwd=ROOT, check=True, capture_output=True, text=True,
        )  # fmt: skip
        data = json.loads(siap.stdout.strip().splitlines()[-1])
        print(
            f"(data: 5 kecamatan nyata + {args.sintetis} sintetis tahun {args.tahun}, {time.perf_counter() - mulai:.0f} s)"
        )
        port = _port_bebas()
        if args.server == "gunicorn":
            perintah_server = [
                str(gunicorn),
                "lkip.wsgi",
                "--config",
                str(ROOT / "deploy" / "gunicorn.conf.py"),
                "--bind",
                f"{HOST}:{port}",
                "--workers",
                str(args.proses),
                "--access-logfile",
                str(log / "akses.log"),
            ]
        else:
            perintah_server = [*MANAGE, "runserver", f"{HOST}:{port}", "--noreload"]
        server = tumpukan.enter_context(proses(perintah_server, env, log / "server.log"))
        layanan = [server]
        if not args.tanpa_pekerja:
            layanan.append(tumpukan.enter_context(proses([*MANAGE, "db_worker"], env, log / "pekerja.log")))
        alamat = f"http://{HOST}:{port}"
        tunggu_server(alamat, server)
        beban_awal = os.getloadavg()
        mulai = time.perf_counter()
        catatan = jalankan(
            alamat,
            data["sesi"]["bench-bappeda"][: args.klien - operator_n],
            data["sesi"]["bench-operator"][:operator_n],
            data["indikator"][:4],
            args.tahun,
            args.detik,
        )
        lama = time.perf_counter() - mulai
        basis = "PostgreSQL" if args.postgres else "SQLite"
        pekerja = "tanpa pekerja" if args.tanpa_pekerja else "1 pekerja tugas"
        judul = f"{basis} · {args.server} ({args.proses} proses) · {pekerja} · {args.klien} klien"
        judul += " · tanpa cache" if args.tanpa_cache else " · cache"
        kode = laporkan(catatan, f"{judul} · {5 + args.sintetis} kecamatan", lama)
        print(
            f"  beban mesin (1/5/15 menit): sebelum {_beban(beban_awal)}, sesudah {_beban(os.getloadavg())}"
        )
        if args.provinsi:
            for anak in layanan:  # the timings below have the CPU to themselves
                anak.terminate()
                anak.wait(timeout=30)
            provinsi(url, args.provinsi, args.tahun)
    return kode


if __name__ == "__main__":
    sys.exit(main())
