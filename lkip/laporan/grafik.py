"""Charts as SVG drawn on the server, so the web page and the PDF show the same picture
(WeasyPrint runs no JavaScript). Pure functions: data in, SVG markup out."""

import textwrap
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from umum.angka import format_angka, format_persen

LEBAR = 640
HURUF = 'font-family="Liberation Sans, sans-serif"'
WARNA_UTAMA = "#1f4e79"
WARNA_KEDUA = "#9dc3e6"
WARNA_GARIS = "#c00000"
WARNA_KISI = "#d9d9d9"


@dataclass(frozen=True)
class Batang:
    label: str
    nilai: Decimal | None
    keterangan: str = ""


@dataclass(frozen=True)
class Seri:
    """One indicator across the years: target and realisasi per year (``None`` = missing)."""

    judul: str
    tahun: list[int]
    target: list[Decimal | None]
    realisasi: list[Decimal | None]


def _svg(tinggi: float, isi: list[str], judul: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {LEBAR} {tinggi:.0f}" '
        f'width="100%" role="img" aria-label="{escape(judul)}" class="grafik">'
        f"<title>{escape(judul)}</title>{''.join(isi)}</svg>"
    )


def _teks(
    x: float,
    y: float,
    teks: str,
    ukuran: float = 11,
    jangkar: str = "start",
    tebal: bool = False,
    warna: str = "",
) -> str:
    berat = ' font-weight="bold"' if tebal else ""
    isian = f' fill="{warna}"' if warna else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{ukuran:g}" text-anchor="{jangkar}" {HURUF}{berat}{isian}>'
        f"{escape(teks)}</text>"
    )


LEBAR_HURUF = 0.56
"""Average advance of a Liberation Sans glyph, in em: enough to keep a label off a line or
inside a box (the exact width is the font's; a label this wide or narrower fits)."""


def lebar_teks(teks: str, ukuran: float) -> float:
    return len(teks) * ukuran * LEBAR_HURUF


def _baris_teks(x: float, y: float, baris: list[str], ukuran: float = 11, jangkar: str = "start") -> str:
    return "".join(_teks(x, y + i * (ukuran + 2), b, ukuran, jangkar) for i, b in enumerate(baris))


UKURAN_CETAK = 11
"""The smallest font size of a chart's text in SVG units: 8 pt in print (see ``SKALA_CETAK``)."""
JARAK_GARIS = 6
"""The least space between a value label and the reference line, in SVG units."""


def grafik_batang(
    batang: list[Batang], *, judul: str, batas: Decimal | None, satuan_persen: bool = True
) -> str:
    """Horizontal bars, one per item, with a reference line at ``batas`` (e.g. 100%). Every
    word of an item's name is printed (wrapped beside its bar), and no value label touches the
    reference line."""
    kiri, kanan, tinggi_batang, jarak = 230, 70, 18, 12
    ukuran = UKURAN_CETAK
    puncak = max([b.nilai for b in batang if b.nilai is not None] + [batas or Decimal("0"), Decimal("1")])
    skala = (LEBAR - kiri - kanan) / float(puncak)
    x_batas = None if batas is None else kiri + float(batas) * skala
    per_baris = int((kiri - 12) / (ukuran * LEBAR_HURUF))
    isi = []
    y = 24.0
    for b in batang:
        label = textwrap.wrap(b.label, per_baris) or [""]
        tinggi = max(tinggi_batang, len(label) * (ukuran + 2))
        y_batang = y + (tinggi - tinggi_batang) / 2
        isi.append(_baris_teks(kiri - 8, y + ukuran, label, ukuran, "end"))
        if b.nilai is None:
            isi.append(_teks(kiri + 4, y_batang + 13, b.keterangan or "tidak dapat dihitung", ukuran))
        else:
            panjang = max(float(b.nilai) * skala, 0.5)
            isi.append(
                f'<rect x="{kiri}" y="{y_batang:.1f}" width="{panjang:.1f}" height="{tinggi_batang}" fill="{WARNA_UTAMA}"/>'
            )
            label_nilai = format_persen(b.nilai) if satuan_persen else format_angka(b.nilai, 2)
            x, jangkar, warna = _letak_label(kiri, kiri + panjang, lebar_teks(label_nilai, ukuran), x_batas)
            isi.append(_teks(x, y_batang + 13, label_nilai, ukuran, jangkar, warna=warna))
        y += tinggi + jarak
    bawah = y
    isi.append(f'<line x1="{kiri}" y1="14" x2="{kiri}" y2="{bawah:.1f}" stroke="#000" stroke-width="1"/>')
    if x_batas is not None:
        x = x_batas
        isi.append(
            f'<line x1="{x:.1f}" y1="14" x2="{x:.1f}" y2="{bawah:.1f}" stroke="{WARNA_GARIS}" '
            f'stroke-width="1.5" stroke-dasharray="5,3"/>'
        )
        isi.append(
            _teks(x, 10, format_persen(batas) if satuan_persen else format_angka(batas), ukuran, "middle")
        )
    return _svg(bawah + 8, isi, judul)


def _letak_label(kiri: float, ujung: float, lebar: float, x_garis: float | None) -> tuple[float, str, str]:
    """Where a bar's value label goes (x, text-anchor, colour): right of the bar's end; when
    that would bring it within ``JARAK_GARIS`` of the reference line, inside the bar in white,
    ending short of the line; when the bar is too short for that, right of the line."""
    x = ujung + 4
    if x_garis is None or not (x - JARAK_GARIS < x_garis < x + lebar + JARAK_GARIS):
        return x, "start", "#000"
    akhir = min(ujung - 4, x_garis - JARAK_GARIS)
    if akhir - lebar >= kiri + 2:
        return akhir, "end", "#fff"
    return max(ujung + 4, x_garis + JARAK_GARIS), "start", "#000"


def grafik_tren(
    seri: list[Seri],
    *,
    judul: str,
    label_target: str = "Target",
    label_realisasi: str = "Realisasi",
    per_baris: bool = False,
) -> str:
    """Small multiples: for each indicator, target (light) and realisasi (dark) per year, each
    bar with its value. All text is at least 8 pt in print; when a value is wider than its bar,
    every value of the chart is printed upright above its bar instead of across it.

    With ``per_baris`` each row of panels is an SVG of its own (the legend under the last), so
    a printed page may break between two rows instead of moving the whole chart on."""
    kolom, lebar_panel = 2, LEBAR / 2
    ukuran = UKURAN_CETAK
    judul_panel = [
        textwrap.wrap(s.judul, int((lebar_panel - 20) / (ukuran * LEBAR_HURUF))) or [""] for s in seri
    ]
    baris_judul = max((len(j) for j in judul_panel), default=1)
    label = [format_angka(v, None) for s in seri for v in s.target + s.realisasi if v is not None]
    terlebar = max((lebar_teks(v, ukuran) for v in label), default=0.0)
    jumlah_tahun = max((len(s.tahun) for s in seri), default=1)
    # Upright when a value is wider than its bar: side by side, two values would touch.
    tegak = terlebar > ((lebar_panel - 30) / max(jumlah_tahun, 1) - 8) / 2 - 2
    ruang_label = terlebar + 6 if tegak else ukuran + 4
    tinggi_panel = 8 + baris_judul * (ukuran + 2) + ruang_label + 100 + 22

    def panel(isi: list[str], i: int, y0: float) -> None:
        s, x0 = seri[i], (i % kolom) * lebar_panel
        isi.append(_baris_teks(x0 + 10, y0 + 4 + ukuran, judul_panel[i], ukuran))
        puncak = float(max([v for v in s.target + s.realisasi if v is not None] + [Decimal("1")]))
        dasar_y = y0 + tinggi_panel - 22
        lebar_kelompok = (lebar_panel - 30) / max(len(s.tahun), 1)
        isi.append(
            f'<line x1="{x0 + 15:.1f}" y1="{dasar_y}" x2="{x0 + lebar_panel - 10:.1f}" y2="{dasar_y}" stroke="#000"/>'
        )
        for j, tahun in enumerate(s.tahun):
            xk = x0 + 15 + j * lebar_kelompok
            for k, (v, warna) in enumerate(((s.target[j], WARNA_KEDUA), (s.realisasi[j], WARNA_UTAMA))):
                if v is None:
                    continue
                h = max(float(v) / puncak * 100, 0.5)
                xb = xk + 4 + k * (lebar_kelompok - 8) / 2
                lb = (lebar_kelompok - 8) / 2 - 1
                isi.append(
                    f'<rect x="{xb:.1f}" y="{dasar_y - h:.1f}" width="{lb:.1f}" height="{h:.1f}" fill="{warna}"/>'
                )
                teks = format_angka(v, None)
                if tegak:
                    x, y = xb + lb / 2 + ukuran * 0.35, dasar_y - h - 3
                    putar = f'<text transform="rotate(-90 {x:.1f} {y:.1f})" '
                    isi.append(_teks(x, y, teks, ukuran).replace("<text ", putar, 1))
                else:
                    isi.append(_teks(xb + lb / 2, dasar_y - h - 3, teks, ukuran, "middle"))
            isi.append(_teks(xk + lebar_kelompok / 2, dasar_y + 14, str(tahun), ukuran, "middle"))

    def legenda(isi: list[str], y_leg: float) -> None:
        isi.append(f'<rect x="10" y="{y_leg - 9}" width="12" height="9" fill="{WARNA_KEDUA}"/>')
        isi.append(_teks(26, y_leg, label_target, ukuran))
        x_kedua = 26 + lebar_teks(label_target, ukuran) + 20
        isi.append(f'<rect x="{x_kedua:.1f}" y="{y_leg - 9}" width="12" height="9" fill="{WARNA_UTAMA}"/>')
        isi.append(_teks(x_kedua + 16, y_leg, label_realisasi, ukuran))

    jumlah_baris = max((len(seri) + kolom - 1) // kolom, 1)
    if not per_baris:
        isi: list[str] = []
        for i in range(len(seri)):
            panel(isi, i, (i // kolom) * tinggi_panel)
        legenda(isi, jumlah_baris * tinggi_panel + 14)
        return _svg(jumlah_baris * tinggi_panel + 24, isi, judul)
    bagian = []
    for b in range(jumlah_baris):
        isi = []
        for i in range(b * kolom, min((b + 1) * kolom, len(seri))):
            panel(isi, i, 0)
        terakhir = b == jumlah_baris - 1
        if terakhir:
            legenda(isi, tinggi_panel + 14)
        judul_bagian = judul if jumlah_baris == 1 else f"{judul} ({b + 1} dari {jumlah_baris})"
        bagian.append(_svg(tinggi_panel + (24 if terakhir else 0), isi, judul_bagian))
    return "".join(bagian)


@dataclass(frozen=True)
class Unit:
    kode: str
    nama: str
    induk: str | None


SKALA_CETAK = 467.7 / LEBAR
"""Points per SVG unit in print: a chart spans the A4 text width (165 mm = 467.7 pt)."""
UKURAN_BAGAN = 11
"""The organisation chart's font size in SVG units: 8 pt in print, never shrunk to fit."""
CELAH_BAGAN = 10
"""The space between two boxes of a row."""
INDEN_BAGAN = 6
"""How far a unit's own units, stacked beneath it, are indented on each side."""


def susun_nama(nama: str, lebar: float, ukuran: float = UKURAN_BAGAN) -> list[str]:
    """A unit's name wrapped to a box ``lebar`` wide, every word kept whole."""
    per_baris = max(int(lebar / (ukuran * LEBAR_HURUF)), 1)
    return textwrap.wrap(nama, per_baris, break_long_words=False) or [""]


def _lebar_kata(nama: str) -> float:
    return max((lebar_teks(k, UKURAN_BAGAN) for k in nama.split()), default=0.0)


def _baris_bagan(jumlah: int, lebar_perlu: float) -> list[int]:
    """How many of the head's ``jumlah`` direct units go in each row: as many in one row as
    boxes ``lebar_perlu`` wide fit across the page, spread evenly over the rows needed."""
    muat = max(int((LEBAR - 20) // (lebar_perlu + CELAH_BAGAN)), 1)
    baris = -(-jumlah // muat)
    dasar, sisa = divmod(jumlah, baris)
    return [dasar + (1 if i < sisa else 0) for i in range(baris)]


def bagan_organisasi(unit: list[Unit], *, judul: str) -> str:
    """The organisation chart: the head on top, its direct units in a row (in two or more rows
    when a row of boxes wide enough for their longest word would not fit the page), and their
    units stacked beneath each of them. Names are 8 pt in print and wrap inside their box."""
    if not unit:
        return ""
    anak: dict[str | None, list[Unit]] = {}
    for u in unit:
        anak.setdefault(u.induk, []).append(u)
    akar = anak.get(None, [])[:1]
    if not akar:
        return ""
    baris1 = anak.get(akar[0].kode, [])
    lebar_perlu = max(
        [80.0]
        + [_lebar_kata(u.nama) + 6 for u in baris1]
        + [_lebar_kata(s.nama) + 6 + 2 * INDEN_BAGAN for u in baris1 for s in anak.get(u.kode, [])]
    )
    isi = []

    def kotak(x: float, y: float, w: float, nama: str) -> float:
        baris = susun_nama(nama, w - 6)
        h = 8 + (UKURAN_BAGAN + 2) * len(baris)
        isi.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="#fff" stroke="{WARNA_UTAMA}" stroke-width="1.2"/>'
        )
        isi.append(_baris_teks(x + w / 2, y + 4 + UKURAN_BAGAN, baris, UKURAN_BAGAN, "middle"))
        return h

    w_akar = 200.0
    h_akar = kotak((LEBAR - w_akar) / 2, 10, w_akar, akar[0].nama)
    atas = 10 + h_akar
    bawah = atas + 30
    x_batang = LEBAR / 2
    mulai = 0
    for jumlah in _baris_bagan(len(baris1), lebar_perlu) if baris1 else []:
        jarak = (LEBAR - 20) / jumlah
        lebar_kotak = min(150.0, jarak - CELAH_BAGAN)
        pusat = [10 + jarak * i + jarak / 2 for i in range(jumlah)]
        y1 = bawah
        garis_y = y1 - 15
        # The trunk from the head runs down between two boxes of the rows above to each row's bar.
        isi.append(
            f'<line x1="{x_batang:.1f}" y1="{atas:.1f}" x2="{x_batang:.1f}" y2="{garis_y}" stroke="#000"/>'
        )
        kiri, kanan = min(pusat[0], x_batang), max(pusat[-1], x_batang)
        isi.append(f'<line x1="{kiri:.1f}" y1="{garis_y}" x2="{kanan:.1f}" y2="{garis_y}" stroke="#000"/>')
        for u, cx in zip(baris1[mulai : mulai + jumlah], pusat, strict=True):
            isi.append(f'<line x1="{cx:.1f}" y1="{garis_y}" x2="{cx:.1f}" y2="{y1}" stroke="#000"/>')
            y = y1 + kotak(cx - lebar_kotak / 2, y1, lebar_kotak, u.nama)
            for sub in anak.get(u.kode, []):
                isi.append(
                    f'<line x1="{cx:.1f}" y1="{y:.1f}" x2="{cx:.1f}" y2="{y + 10:.1f}" stroke="#000"/>'
                )
                y += 10
                y += kotak(cx - lebar_kotak / 2 + INDEN_BAGAN, y, lebar_kotak - 2 * INDEN_BAGAN, sub.nama)
            bawah = max(bawah, y + 30)
        atas = garis_y
        # Below the first row the trunk runs in the gap between the two middle boxes.
        x_batang = 10 + jarak * (jumlah // 2) if jumlah % 2 else LEBAR / 2
        mulai += jumlah
    return _svg(bawah - 20, isi, judul)
