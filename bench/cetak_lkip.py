"""Benchmark of the LKIP PDF as a user feels it; prints figures, asserts nothing.

    .venv/bin/python bench/cetak_lkip.py [--ulang 3] [--massal 31] [--tanpa-chromium]

Uses its own SQLite database and media folder in a temporary directory, loaded from fixtures/,
so it measures the same data on every machine and never touches the demo data.

0. What a user feels for one report, first in the run so the process's peak memory is theirs:
   a fresh render of Kalisat 2024 (data, HTML, layout, cache) and the download of the unchanged
   report through the web view (a cache hit), with their database queries.
1. The layout speed-ups, each alone and all together, on all five kecamatan: the cyclic GC
   paused, the one-box dot leaders, the report's own table layout (switched "off" by injecting
   ``table { table-layout: auto !important }``). Variants are alternated within each round, so
   the machine's noise spreads over all of them; each prints min and median, the ratio to the
   variant without any, the page count of every report and whether its Daftar Isi points at
   the pages the headings are on.
2. Anchors from the same run: stock WeasyPrint laying out the Kalisat seed's own text and its
   37 tables as plain print HTML (a paragraph per line, a table per run of tab-separated lines,
   no styling; about 65 pages), and headless Chromium printing the same report HTML. The
   ratio is taken per round (the report and the anchor back to back) and printed as min and
   median.
3. A bulk print of the five kecamatan and of ``--massal`` synthetic ones (copies of Kalisat
   with new slugs), with a cold and then a warm cache; peak memory of the main process and of
   the layout processes.
"""

import argparse
import html as html_mod
import itertools
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))
SEMENTARA = Path(tempfile.mkdtemp(prefix="bench-lkip-"))
os.environ["DATABASE_URL"] = f"sqlite:///{SEMENTARA / 'bench.sqlite3'}"
os.environ["DJANGO_MEDIA_ROOT"] = str(SEMENTARA / "media")
os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lkip.settings.local")

import django  # noqa: E402

django.setup()

import weasyprint  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from kecamatan.models import Kecamatan  # noqa: E402
from lkip.accounts.models import Peran, User  # noqa: E402
from lkip.laporan import leader  # noqa: E402
from lkip.laporan.models import CetakMassal, PdfLaporan  # noqa: E402
from lkip.laporan.muat import kecamatan_muat  # noqa: E402
from lkip.laporan.pdf import ALAMAT_DASAR, PengambilStatis, html_lkip, tata_letak  # noqa: E402
from lkip.laporan.simpanan import laporan_siapkan, pdf_tersimpan  # noqa: E402
from lkip.laporan.tasks import _laporan_semua, _zip  # noqa: E402

TAHUN = {"arjasa": 2023, "kencong": 2023, "sumbersari": 2023, "pakusari": 2021, "kalisat": 2024}
TABEL_AUTO = "table { table-layout: auto !important; }"

#: name → (GC paused, one-box leaders, the report's table layout)
VARIAN: dict[str, tuple[bool, bool, bool]] = {
    "tanpa percepatan": (False, False, False),
    "GC jeda saja": (True, False, False),
    "leader satu kotak saja": (False, True, False),
    "tabel laporan saja": (False, False, True),
    "semua percepatan": (True, True, True),
}


def rss_mb(siapa: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(siapa).ru_maxrss / 1024


def ringkas(detik: list[float]) -> str:
    return f"min {min(detik):6.2f} s  median {statistics.median(detik):6.2f} s"


def waktu(fungsi: Callable[[], object]) -> tuple[float, object]:
    mulai = time.perf_counter()
    hasil = fungsi()
    return time.perf_counter() - mulai, hasil


def teks_halaman(pdf: bytes) -> list[str]:
    berkas = SEMENTARA / "periksa.pdf"
    berkas.write_bytes(pdf)
    keluar = subprocess.run(
        ["pdftotext", "-layout", str(berkas), "-"], capture_output=True, text=True, check=True
    )
    return keluar.stdout.split("\f")[:-1]


def label(teks: str) -> str:
    cocok = re.search(r"Halaman (\d+) dari \d+", teks)
    if cocok:
        return cocok.group(1)
    baris = [b.strip() for b in teks.strip().splitlines() if b.strip()]
    return baris[-1] if baris and re.fullmatch(r"[ivxlc]+", baris[-1]) else ""


def daftar_isi_benar(halaman: list[str]) -> str:
    """ "ya" when every Daftar Isi entry's number is the page its heading is printed on."""
    normal = [re.sub(r"\s+", " ", h) for h in halaman]
    awal = next(i for i, h in enumerate(halaman) if "DAFTAR ISI" in h and "KATA PENGANTAR ...." in normal[i])
    entri = re.findall(r"^\s*(.+?)\s*\.{3,}\s*([ivxlc]+|\d+)\s*$", halaman[awal], flags=re.M)
    akhir = next(i for i, h in enumerate(halaman) if "DAFTAR GAMBAR" in h and i > awal)
    salah = []
    for judul, nomor in entri:
        judul = judul.strip()
        if re.fullmatch(r"[ivxlc]+", nomor):
            letak = next(
                (i for i, h in enumerate(halaman) if judul in [b.strip() for b in h.splitlines()]), None
            )
        else:
            letak = next((i for i, h in enumerate(normal) if i > akhir and judul in h), None)
        if letak is None or label(halaman[letak]) != nomor:
            salah.append(judul)
    return "ya" if entri and not salah else f"TIDAK ({len(salah)} salah dari {len(entri)})"


def cetak_varian(html: str, varian: tuple[bool, bool, bool]):
    gc_jeda, satu_kotak, tabel_laporan = varian
    leader.AKTIF = satu_kotak
    try:
        dokumen = tata_letak(html, gc_jeda=gc_jeda, gaya_tambahan="" if tabel_laporan else TABEL_AUTO)
        return len(dokumen.pages), dokumen.write_pdf()
    finally:
        leader.AKTIF = True


def bagian_percepatan(laporan: dict[str, str], ulang: int, kalisat: str) -> None:
    print("\n1. Percepatan tata letak (bergantian per putaran; Kalisat 2024 dan kelima kecamatan)")
    detik = {nama: [] for nama in VARIAN}
    lima = {nama: [] for nama in VARIAN}
    halaman = {nama: {} for nama in VARIAN}
    daftar_isi = {nama: {} for nama in VARIAN}
    nama_varian = list(VARIAN)
    for putaran in range(ulang):
        urutan = nama_varian[putaran % len(nama_varian) :] + nama_varian[: putaran % len(nama_varian)]
        for nama in urutan:
            jumlah = 0.0
            for slug, html in laporan.items():
                t, (hal, pdf) = waktu(lambda html=html, nama=nama: cetak_varian(html, VARIAN[nama]))
                jumlah += t
                if slug == kalisat:
                    detik[nama].append(t)
                if putaran == 0:
                    halaman[nama][slug] = hal
                    daftar_isi[nama][slug] = daftar_isi_benar(teks_halaman(pdf))
            lima[nama].append(jumlah)
    dasar = statistics.median(detik["tanpa percepatan"])
    dasar_lima = statistics.median(lima["tanpa percepatan"])
    for nama in VARIAN:
        rasio = statistics.median(detik[nama]) / dasar
        rasio_lima = statistics.median(lima[nama]) / dasar_lima
        print(
            f"  {nama:24s} Kalisat {ringkas(detik[nama])} ({rasio:4.2f}×)   lima {ringkas(lima[nama])} ({rasio_lima:4.2f}×)"
        )
    for nama in VARIAN:
        hal = " ".join(f"{s} {halaman[nama][s]}" for s in laporan)
        benar = sorted(set(daftar_isi[nama].values()))
        print(f"  {nama:24s} halaman: {hal}; daftar isi benar: {', '.join(benar)}")


def html_polos_seed(folder: Path) -> tuple[str, int] | None:
    """The Kalisat seed's own text and tables as plain print HTML, no styling: a run of lines
    holding tabs is one table (a row per line, a cell per tab-separated field; the seed's 37
    tables), every other line a paragraph. Returns the HTML and the number of tables."""
    seed = sorted(folder.glob("004_*.txt"))
    if not seed:
        return None
    baris = [b for b in seed[0].read_text(encoding="utf-8").splitlines() if b.strip()]
    isi, tabel = [], 0
    for bertab, kelompok in itertools.groupby(baris, key=lambda b: "\t" in b):
        if bertab:
            tabel += 1
            isi.append(
                "<table>"
                + "".join(
                    "<tr>" + "".join(f"<td>{html_mod.escape(sel)}</td>" for sel in b.split("\t")) + "</tr>"
                    for b in kelompok
                )
                + "</table>"
            )
        else:
            isi.extend(f"<p>{html_mod.escape(b)}</p>" for b in kelompok)
    return f"<!doctype html><html lang='id'><body>{''.join(isi)}</body></html>", tabel


def bagian_jangkar(html_kalisat: str, ulang: int, folder_seed: Path) -> None:
    print("\n2. Pembanding dalam putaran yang sama")
    polos = html_polos_seed(folder_seed)
    biner = shutil.which("chromium") or shutil.which("chromium-browser")
    detik_lkip, detik_seed, detik_chromium = [], [], []
    halaman_seed = tabel_seed = 0
    for _ in range(ulang):
        t, _hasil = waktu(lambda: cetak_varian(html_kalisat, VARIAN["semua percepatan"]))
        detik_lkip.append(t)
        if polos:

            def seed_polos():
                dokumen = weasyprint.HTML(
                    string=polos[0], base_url=ALAMAT_DASAR, url_fetcher=PengambilStatis()
                )
                return dokumen.render()

            t, dokumen = waktu(lambda: (d := seed_polos(), d.write_pdf())[0])
            detik_seed.append(t)
            halaman_seed = len(dokumen.pages)
            tabel_seed = polos[1]
        if biner:
            detik_chromium.append(chromium(biner, html_kalisat))
    print(f"  LKIP Kalisat 2024 (WeasyPrint, semua percepatan)   {ringkas(detik_lkip)}")
    if polos:
        rasio = [lkip / seed for lkip, seed in zip(detik_lkip, detik_seed, strict=True)]
        print(
            f"  seed Kalisat, teks + {tabel_seed} tabel, HTML polos ({halaman_seed} hal.) {ringkas(detik_seed)}  "
            f"→ rasio LKIP/seed per putaran: min {min(rasio):4.2f}, median {statistics.median(rasio):4.2f}"
        )
    else:
        print("  teks seed Kalisat tidak ditemukan, pembanding dilewati")
    if biner:
        rasio = statistics.median(detik_lkip) / statistics.median(detik_chromium)
        print(
            f"  Chromium --print-to-pdf, HTML yang sama           {ringkas(detik_chromium)}  → rasio WeasyPrint/Chromium {rasio:4.2f}"
        )
    else:
        print("  Chromium tidak terpasang, perbandingan dilewati")


def chromium(biner: str, html: str) -> float:
    folder = SEMENTARA / "chromium"
    shutil.copytree(AKAR / "static", folder / "static", dirs_exist_ok=True)
    berkas = folder / "lkip.html"
    berkas.write_text(html.replace('href="/static/', 'href="static/'), encoding="utf-8")
    mulai = time.perf_counter()
    subprocess.run(
        [biner, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         f"--user-data-dir={folder / 'profil'}", "--no-pdf-header-footer",
         f"--print-to-pdf={folder / 'lkip.pdf'}", berkas.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    return time.perf_counter() - mulai


def kosongkan_simpanan() -> None:
    for entri in PdfLaporan.objects.all():
        entri.berkas.storage.delete(entri.berkas.name)
    PdfLaporan.objects.all().delete()


def cetak_massal(daftar: list[tuple[Kecamatan, int]]) -> tuple[float, int]:
    """The bulk print's own steps (HTML, cache, layout processes, zip) over the given reports."""
    cetak = CetakMassal.objects.create(tahun=2024, jumlah=len(daftar), status=CetakMassal.Status.BERJALAN)
    mulai = time.perf_counter()
    laporan = [laporan_siapkan(kecamatan=k, tahun=t) for k, t in daftar]
    _zip(cetak, _laporan_semua(cetak.pk, laporan))
    detik = time.perf_counter() - mulai
    ukuran = cetak.berkas.size
    cetak.berkas.delete(save=False)
    return detik, ukuran


def salin_kalisat(jumlah: int) -> list[Kecamatan]:
    dokumen = json.loads((AKAR / "fixtures" / "kecamatan" / "kalisat.json").read_text(encoding="utf-8"))
    hasil = []
    for nomor in range(1, jumlah + 1):
        salinan = json.loads(json.dumps(dokumen))
        salinan["kecamatan"]["slug"] = f"sintetis-{nomor:02d}"
        salinan["kecamatan"]["nama"] = f"Sintetis {nomor:02d}"
        salinan["kecamatan"]["sintetis"] = True
        hasil.append(kecamatan_muat(dokumen=salinan))
    return hasil


def bagian_segar(kalisat: Kecamatan, ulang: int) -> None:
    """First in the run, so the process's peak memory is that of a fresh render and a download."""
    print("\n0. Yang dirasakan pengguna: satu laporan")
    segar = []
    for _ in range(ulang):
        kosongkan_simpanan()
        with CaptureQueriesContext(connection) as kueri_segar:
            t, _hasil = waktu(lambda: pdf_tersimpan(laporan=laporan_siapkan(kecamatan=kalisat, tahun=2024)))
        segar.append(t)
    print(
        f"  render segar Kalisat 2024 (data+HTML+tata letak+simpan)  {ringkas(segar)}, {len(kueri_segar)} kueri"
    )

    operator = User.objects.create_user(username="bench-operator", peran=Peran.OPERATOR, kecamatan=kalisat)
    klien = Client()
    klien.force_login(operator)
    alamat = reverse("laporan:pdf", args=["kalisat", 2024])
    unduh = []
    for _ in range(max(ulang, 5)):
        with CaptureQueriesContext(connection) as kueri_unduh:
            t, jawaban = waktu(lambda: klien.get(alamat))
        assert jawaban.status_code == 200 and jawaban.content.startswith(b"%PDF")
        unduh.append(t)
    print(
        f"  unduh laporan yang tidak berubah (tampilan web)          {ringkas(unduh)}, {len(kueri_unduh)} kueri"
    )
    print(f"  memori puncak proses setelah render segar dan unduh      {rss_mb():.0f} MB")


def bagian_massal(massal: int) -> None:
    print("\n3. Yang dirasakan pengguna: cetak massal (cache dingin lalu hangat)")
    proses = settings.LKIP_CETAK_PROSES
    lima = [(Kecamatan.objects.get(slug=s), t) for s, t in TAHUN.items()]
    kosongkan_simpanan()
    dingin, ukuran = cetak_massal(lima)
    hangat, _ = cetak_massal(lima)
    print(
        f"  cetak massal 5 kecamatan ({proses} proses)   dingin {dingin:6.1f} s   hangat {hangat:6.2f} s   zip {ukuran / 1e6:.1f} MB"
    )
    if massal:
        mulai = time.perf_counter()
        sintetis = [(k, 2024) for k in salin_kalisat(massal)]
        print(
            f"  ({massal} kecamatan sintetis disalin dari Kalisat dalam {time.perf_counter() - mulai:.1f} s)"
        )
        kosongkan_simpanan()
        dingin, ukuran = cetak_massal(sintetis)
        hangat, _ = cetak_massal(sintetis)
        print(
            f"  cetak massal {massal} kecamatan ({proses} proses)  dingin {dingin:6.1f} s   hangat {hangat:6.2f} s   "
            f"zip {ukuran / 1e6:.1f} MB"
        )
    print(
        f"  memori puncak seluruh putaran: proses utama {rss_mb():.0f} MB, "
        f"proses tata letak {rss_mb(resource.RUSAGE_CHILDREN):.0f} MB"
    )


def main() -> None:
    argumen = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    argumen.add_argument("--ulang", type=int, default=3, help="rounds of every variant (min and median)")
    argumen.add_argument(
        "--massal", type=int, default=31, help="synthetic kecamatan in the bulk print (0: none)"
    )
    argumen.add_argument(
        "--seed", type=Path, default=AKAR.parent / "shared" / "seeds", help="folder of the seed LKIP texts"
    )
    argumen.add_argument("--tanpa-percepatan", action="store_true", help="skip part 1 (the variants)")
    opsi = argumen.parse_args()
    try:
        call_command("migrate", verbosity=0)
        call_command(
            "muat_kecamatan",
            *sorted(str(p) for p in (AKAR / "fixtures" / "kecamatan").glob("*.json")),
            verbosity=0,
        )
        kalisat = Kecamatan.objects.get(slug="kalisat")
        with CaptureQueriesContext(connection) as kueri:
            html_kalisat = html_lkip(kecamatan=kalisat, tahun=2024)
        print(
            f"LKIP Kecamatan Kalisat 2024: HTML dari {len(kueri)} kueri, WeasyPrint {weasyprint.__version__}"
        )
        print(f"memori awal {rss_mb():.0f} MB")
        bagian_segar(kalisat, opsi.ulang)
        if not opsi.tanpa_percepatan:
            laporan = {
                s: html_lkip(kecamatan=Kecamatan.objects.get(slug=s), tahun=t) for s, t in TAHUN.items()
            }
            bagian_percepatan(laporan, opsi.ulang, "kalisat")
        bagian_jangkar(html_kalisat, opsi.ulang, opsi.seed)
        bagian_massal(opsi.massal)
    finally:
        shutil.rmtree(SEMENTARA, ignore_errors=True)


if __name__ == "__main__":
    main()
