"""The charts as a reader sees them: value labels clear of the 100 % line, a value on every
bar, and an organisation chart that prints every word of every name inside its box."""

from decimal import Decimal
from xml.etree import ElementTree

import pytest

from lkip.laporan.grafik import (
    JARAK_GARIS,
    SKALA_CETAK,
    Batang,
    Seri,
    Unit,
    bagan_organisasi,
    grafik_batang,
    grafik_tren,
    lebar_teks,
)
from umum.angka import format_angka

NS = "{http://www.w3.org/2000/svg}"


def _svg(markup: str):
    return ElementTree.fromstring(markup)


def _teks(akar):
    return [t for t in akar.iter(f"{NS}text")]


def _rentang(t) -> tuple[float, float]:
    """The x range a text element covers, by its anchor."""
    x, lebar = float(t.get("x")), lebar_teks(t.text, float(t.get("font-size")))
    return {"start": (x, x + lebar), "middle": (x - lebar / 2, x + lebar / 2), "end": (x - lebar, x)}[
        t.get("text-anchor")
    ]


@pytest.mark.parametrize(
    "nilai",
    ["3", "95", "97.5", "98.8", "99.75", "99.85", "100", "100.4", "101", "102.5", "104", "60", "116.54"],
)
def test_a_bar_value_label_keeps_clear_of_the_100_percent_line(nilai):
    akar = _svg(
        grafik_batang(
            [Batang("Indikator", Decimal(nilai)), Batang("Lain", Decimal("116.54"))],
            judul="Capaian",
            batas=Decimal("100"),
        )
    )
    garis = [g for g in akar.iter(f"{NS}line") if g.get("stroke-dasharray")]
    x_garis = float(garis[0].get("x1"))
    label = [t for t in _teks(akar) if t.text.endswith("%") and float(t.get("y")) > 14]
    assert len(label) == 2
    for t in label:
        awal, akhir = _rentang(t)
        assert akhir + JARAK_GARIS <= x_garis or x_garis <= awal - JARAK_GARIS, (nilai, awal, akhir, x_garis)
        # A label inside its bar is white on the bar, within it; one outside is black on white.
        batang = [
            r
            for r in akar.iter(f"{NS}rect")
            if float(r.get("y")) < float(t.get("y")) < float(r.get("y")) + 18
        ]
        ujung = float(batang[0].get("x")) + float(batang[0].get("width"))
        if t.get("fill") == "#fff":
            assert float(batang[0].get("x")) < awal and akhir < ujung
        else:
            assert awal > ujung


def test_every_chart_prints_its_text_at_8_pt_or_more():
    seri = Seri(
        "Indeks Kepuasan Masyarakat",
        [2021, 2022, 2023, 2024, 2025, 2026],
        [Decimal("82.5")] * 6,
        [Decimal("80.41")] * 6,
    )
    grafik = [
        grafik_batang(
            [
                Batang(
                    "S1.1 Jumlah dokumen penataan organisasi dan tata laksana Pemerintah Daerah", Decimal(100)
                )
            ],
            judul="Capaian",
            batas=Decimal("100"),
        ),
        grafik_tren([seri, seri, seri], judul="Tren"),
    ]
    for g in grafik:
        assert min(float(t.get("font-size")) * SKALA_CETAK for t in _teks(_svg(g))) >= 8


def test_a_bar_chart_prints_every_word_of_a_long_name():
    nama = "S1.1 Jumlah dokumen penataan organisasi dan tata laksana Pemerintah Daerah yang dilaksanakan"
    akar = _svg(grafik_batang([Batang(nama, Decimal(90))], judul="Capaian", batas=Decimal("100")))
    kata = " ".join(t.text for t in _teks(akar)).split()
    assert all(k in kata for k in nama.split())


def test_target_and_realisasi_bars_both_carry_their_values():
    seri = Seri(
        "Indeks Kepuasan Masyarakat",
        [2022, 2023, 2024],
        [Decimal(85), Decimal(88), None],
        [Decimal(86), None, Decimal("90.5")],
    )
    akar = _svg(grafik_tren([seri], judul="Tren"))
    batang = [r for r in akar.iter(f"{NS}rect") if float(r.get("width")) > 12]
    nilai = {t.text for t in _teks(akar)}
    assert len(batang) == 4  # two targets, two realisasi; the missing ones are not drawn
    assert {"85", "88", "86", "90,5"} <= nilai


NAMA_PANJANG = "Kepala Seksi Pemberdayaan Masyarakat dan Kesejahteraan Sosial (PMKS) Kecamatan"


@pytest.mark.parametrize("jumlah", [2, 5, 8])
def test_the_organisation_chart_prints_every_word_of_every_name_inside_its_box(jumlah):
    unit = [Unit("camat", "Camat", None), Unit("sekcam", "Sekretaris Kecamatan", "camat")]
    unit += [Unit(f"s{i}", f"{NAMA_PANJANG} {i}", "camat") for i in range(jumlah)]
    unit += [
        Unit(f"sub{i}", "Sub Bagian Umum dan Kepegawaian Perencanaan dan Keuangan", f"s{i}")
        for i in range(jumlah)
    ]
    akar = _svg(bagan_organisasi(unit, judul="Bagan"))
    kotak = [r for r in akar.iter(f"{NS}rect")]
    teks = _teks(akar)
    for u in unit:
        for kata in u.nama.split():
            assert any(kata in (t.text or "").split() for t in teks), kata
    for t in teks:
        x, y = float(t.get("x")), float(t.get("y"))
        lebar = lebar_teks(t.text, float(t.get("font-size")))
        dalam = [
            r
            for r in kotak
            if float(r.get("x")) <= x - lebar / 2 + 0.5
            and x + lebar / 2 - 0.5 <= float(r.get("x")) + float(r.get("width"))
            and float(r.get("y")) < y <= float(r.get("y")) + float(r.get("height"))
        ]
        assert dalam, t.text


def _bagan(jumlah: int):
    unit = [Unit("camat", "Camat", None), Unit("sekcam", "Sekretaris Kecamatan", "camat")]
    unit += [Unit(f"s{i}", f"{NAMA_PANJANG} {i}", "camat") for i in range(jumlah)]
    unit += [Unit("sub", "Subbag Perencanaan, Pelaporan dan Keuangan", "sekcam")]
    unit += [Unit("desa", "Desa/Kelurahan", "camat")]
    return _svg(bagan_organisasi(unit, judul="Bagan"))


@pytest.mark.parametrize("jumlah", [0, 3, 5, 8, 12])
def test_the_organisation_chart_prints_names_at_8_pt_or_more_in_boxes_that_never_overlap(jumlah):
    akar = _bagan(jumlah)
    assert min(float(t.get("font-size")) * SKALA_CETAK for t in _teks(akar)) >= 8
    kotak = [
        (
            float(r.get("x")),
            float(r.get("y")),
            float(r.get("x")) + float(r.get("width")),
            float(r.get("y")) + float(r.get("height")),
        )
        for r in akar.iter(f"{NS}rect")
    ]
    for i, a in enumerate(kotak):
        for b in kotak[i + 1 :]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)
    # No connector runs through a box: a vertical line crossing a box's height lies outside it.
    for g in akar.iter(f"{NS}line"):
        x1, y1, x2, y2 = (float(g.get(k)) for k in ("x1", "y1", "x2", "y2"))
        if x1 != x2:
            continue
        for k in kotak:
            lewat = min(y1, y2) < k[3] - 0.5 and max(y1, y2) > k[1] + 0.5
            assert not (lewat and k[0] + 0.5 < x1 < k[2] - 0.5), (x1, y1, y2, k)
    lebar = float(akar.get("viewBox").split()[2])
    assert all(k[0] >= 0 and k[2] <= lebar for k in kotak)


def test_a_trend_chart_drawn_per_row_has_the_same_bars_and_one_legend_under_the_last_row():
    seri = [
        Seri(
            f"Indikator {i}", [2022, 2023, 2024], [Decimal(80 + i)] * 3, [Decimal(70 + i), None, Decimal(90)]
        )
        for i in range(5)
    ]
    utuh = _svg(grafik_tren(seri, judul="Tren"))
    markup = grafik_tren(seri, judul="Tren", per_baris=True)
    bagian = [_svg(b if b.startswith("<svg") else "<svg" + b) for b in markup.split("<svg")[1:]]
    assert len(bagian) == 3
    nilai = sorted(t.text for b in bagian for t in _teks(b))
    assert nilai == sorted(t.text for t in _teks(utuh))
    assert [sum(t.text == "Realisasi" for t in _teks(b)) for b in bagian] == [0, 0, 1]


@pytest.mark.parametrize("tahun", [3, 4, 6, 10])
@pytest.mark.parametrize("nilai", ["4", "100", "82.5", "80.41", "1234567"])
def test_no_two_values_of_a_trend_chart_overlap(tahun, nilai):
    seri = Seri(
        "Indikator", list(range(2021, 2021 + tahun)), [Decimal(nilai)] * tahun, [Decimal(nilai)] * tahun
    )
    akar = _svg(grafik_tren([seri], judul="Tren"))
    label = [t for t in _teks(akar) if t.text == format_angka(Decimal(nilai), None)]
    assert len(label) == 2 * tahun
    datar = [t for t in label if not t.get("transform")]
    rentang = sorted(_rentang(t) for t in datar)
    assert all(a[1] <= b[0] for a, b in zip(rentang, rentang[1:], strict=False)), rentang
    # An upright value stays inside its bar's width.
    for t in label:
        if t.get("transform"):
            x = float(t.get("x"))
            assert any(
                float(r.get("x")) <= x - float(t.get("font-size")) * 0.7 + 0.5
                and x <= float(r.get("x")) + float(r.get("width"))
                for r in akar.iter(f"{NS}rect")
            )
