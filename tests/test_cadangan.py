"""The drills of docs/deploy.md, on PostgreSQL (they need ``pg_dump`` and a server several
processes share): backup → restore gives the same ``lkip_json`` and the same approved PDF, and a
bulk print is shared by two ``db_worker`` processes into one complete zip."""

import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
BASIS = settings.DATABASES["default"]

pytestmark = pytest.mark.skipif(
    BASIS["ENGINE"] != "django.db.backends.postgresql",
    reason="latihan cadangan dan dua pekerja memerlukan PostgreSQL (pg_dump, basis data bersama)",
)


def _server() -> str:
    sandi = f":{quote(BASIS['PASSWORD'])}" if BASIS.get("PASSWORD") else ""
    return f"postgres://{quote(BASIS['USER'])}{sandi}@{BASIS['HOST'] or '127.0.0.1'}:{BASIS['PORT'] or 5432}"


def _bench(nama: str, *argumen: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "bench" / nama), "--postgres", _server(), *argumen],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )  # fmt: skip


@pytest.mark.skipif(shutil.which("pg_dump") is None, reason="pg_dump tidak terpasang")
def test_a_restored_backup_gives_the_same_lkip_json_and_the_same_approved_pdf():
    hasil = _bench("cadangan.py", "--kecamatan", "arjasa", "--tahun", "2023")
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    baris = hasil.stdout.splitlines()
    for nama in ("lkip_json sama", "PDF disetujui sama", "tidak ada migrasi tertunda"):
        assert any(b.split() == [*nama.split(), "ya"] for b in baris), hasil.stdout
    sebelum, sesudah = next(b for b in baris if "PDF disetujui  " in b).split("SHA-256 ")[1].split(" → ")
    assert sebelum == sesudah and len(sebelum) == 16


def test_two_db_workers_share_a_bulk_print_and_its_zip_is_complete():
    hasil = _bench("cetak_massal.py", "--pekerja", "2", "--tahun", "2023")
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    assert "selesai (3/3)" in hasil.stdout
    assert "LKIP-2023-arjasa.pdf, LKIP-2023-kencong.pdf, LKIP-2023-sumbersari.pdf" in hasil.stdout
    pekerja = {
        b.split()[0] for b in hasil.stdout.splitlines() if b.strip().endswith(("1 laporan", "2 laporan"))
    }
    assert pekerja == {"pekerja-1", "pekerja-2"}, hasil.stdout
