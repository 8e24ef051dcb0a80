"""The scoring rules of DOMAIN.md as tables, against the scales the data migration ships.

No database: the scales are built from the migration's own data.
"""

import importlib
from decimal import Decimal as D

import pytest

from capaian import scoring
from capaian.scoring import AturanTriwulan, Nilai, Pengukuran, Polaritas, Status
from umum.angka import AngkaTidakValid, bulatkan, format_angka, format_persen, format_rupiah, parse_angka

_MIGRASI = importlib.import_module("capaian.migrations.0002_skala_bawaan")
SKALA = {
    data["kode"]: scoring.Skala(
        kode=data["kode"],
        batas_atas=data["batas_atas"],
        pita=tuple(
            scoring.Pita(kode=k, keterangan=ket, bawah=b, bawah_inklusif=bi, atas=a, atas_inklusif=ai)
            for k, ket, b, bi, a, ai in data["pita"]
        ),
    )
    for data in _MIGRASI.SKALA
}


def skor(target: str | None, realisasi: str | None, skala: str, polaritas=Polaritas.POSITIF, **kw):
    return scoring.hitung_capaian(
        Pengukuran(
            target=scoring.nilai_teks_opsional(target),
            realisasi=scoring.nilai_teks_opsional(realisasi),
            polaritas=polaritas,
            **kw,
        ),
        SKALA[skala],
    )


@pytest.mark.parametrize("kode", sorted(SKALA))
def test_shipped_scales_have_no_gap_and_no_overlap(kode):
    assert SKALA[kode].kesalahan() == []


@pytest.mark.parametrize(
    ("realisasi", "predikat"),
    [
        ("150", "AA"),
        ("100", "AA"),
        ("90.01", "AA"),
        ("90,005", "AA"),  # shown as 90,01 → AA
        ("90,004", "A"),  # shown as 90,00 → A, as DOMAIN.md requires
        ("90", "A"),
        ("80.01", "A"),
        ("80", "BB"),
        ("70.01", "BB"),
        ("70", "B"),
        ("60.01", "B"),
        ("60", "CC"),
        ("50.01", "CC"),
        ("50", "C"),
        ("30.01", "C"),
        ("30", "D"),
        ("0", "D"),
    ],
)
def test_akip_aa_d_boundaries(realisasi, predikat):
    assert skor("100", realisasi, "akip-aa-d").predikat == predikat


@pytest.mark.parametrize(
    ("realisasi", "predikat"),
    [
        ("150", "Sangat Baik"),
        ("100.01", "Sangat Baik"),
        ("100", "Baik"),
        ("75.01", "Baik"),
        ("75", "Cukup"),
        ("55", "Cukup"),
        ("54.99", "Kurang"),
        ("0", "Kurang"),
    ],
)
def test_empat_kategori_boundaries(realisasi, predikat):
    assert skor("100", realisasi, "empat-kategori").predikat == predikat


@pytest.mark.parametrize(
    ("realisasi", "predikat"),
    [
        ("120", "Sangat Tinggi"),
        ("90", "Sangat Tinggi"),
        ("89,995", "Sangat Tinggi"),  # shown as 90,00
        ("89.99", "Tinggi"),
        ("75.01", "Tinggi"),
        ("75", "Sedang"),
        ("65.01", "Sedang"),
        ("65", "Rendah"),
        ("50.01", "Rendah"),
        ("50", "Sangat Rendah"),
        ("0", "Sangat Rendah"),
    ],
)
def test_permendagri_boundaries(realisasi, predikat):
    assert skor("100", realisasi, "permendagri-86-2017").predikat == predikat


@pytest.mark.parametrize(
    ("target", "realisasi", "skala", "capaian", "akhir"),
    [
        ("100", "102.5", "akip-aa-d", D("102.50"), D("100.00")),  # capped by the scale
        ("100", "102.5", "permendagri-86-2017", D("102.50"), D("102.50")),  # no cap
        ("90", "86", "permendagri-86-2017", D("95.56"), D("95.56")),
        ("3", "2", "akip-aa-d", D("66.67"), D("66.67")),  # half-up at the edge only
    ],
)
def test_cap_belongs_to_the_scale(target, realisasi, skala, capaian, akhir):
    hasil = skor(target, realisasi, skala)
    assert (hasil.capaian, hasil.capaian_akhir) == (capaian, akhir)


@pytest.mark.parametrize(
    ("target", "realisasi", "capaian", "akhir", "predikat"),
    [
        ("10", "12", D("80.00"), D("80.00"), "BB"),  # (10 − (12 − 10)) / 10
        ("10", "10", D("100.00"), D("100.00"), "AA"),
        ("10", "5", D("150.00"), D("100.00"), "AA"),  # better than target, capped
        ("10", "25", D("-50.00"), D("0.00"), "D"),  # floor 0 always
    ],
)
def test_negative_polarity(target, realisasi, capaian, akhir, predikat):
    hasil = skor(target, realisasi, "akip-aa-d", Polaritas.NEGATIF)
    assert (hasil.capaian, hasil.capaian_akhir, hasil.predikat) == (capaian, akhir, predikat)


def test_floor_applies_without_a_cap():
    hasil = skor("10", "25", "permendagri-86-2017", Polaritas.NEGATIF)
    assert hasil.capaian == D("-50.00")
    assert hasil.capaian_akhir == D("0.00")
    assert hasil.predikat == "Sangat Rendah"


@pytest.mark.parametrize(
    ("target", "realisasi", "status", "alasan"),
    [
        (None, "80", Status.TIDAK_DAPAT_DIHITUNG, "Target belum ditetapkan."),
        ("0", "80", Status.TIDAK_DAPAT_DIHITUNG, "Target bernilai 0, capaian tidak dapat dihitung."),
        ("90", None, Status.BELUM_DIISI, "Realisasi belum diisi."),
        (None, None, Status.BELUM_DIISI, "Realisasi belum diisi."),
    ],
)
def test_missing_is_never_zero(target, realisasi, status, alasan):
    hasil = skor(target, realisasi, "akip-aa-d")
    assert hasil.status == status
    assert hasil.alasan == alasan
    assert (hasil.capaian, hasil.capaian_akhir, hasil.predikat) == (None, None, None)


@pytest.mark.parametrize("status", [Status.TIDAK_BERLAKU, Status.TIDAK_DAPAT_DIHITUNG])
def test_status_given_with_reason_is_kept(status):
    hasil = skor("90", "80", "akip-aa-d", status=status, alasan="Survei tidak dilaksanakan")
    assert hasil.status == status
    assert hasil.alasan == "Survei tidak dilaksanakan"
    assert hasil.capaian is None


@pytest.mark.parametrize(
    ("target", "realisasi", "capaian", "predikat"),
    [
        ("B (69)", "80,41", D("116.54"), "Sangat Tinggi"),  # the printed number is the value
        ("B", "BB", D("114.29"), "Sangat Tinggi"),  # letters only: 80 / 70
        ("BB", "B", D("87.50"), "Tinggi"),
        ("A", "A (85)", D("94.44"), "Sangat Tinggi"),
    ],
)
def test_letter_grades(target, realisasi, capaian, predikat):
    hasil = skor(target, realisasi, "permendagri-86-2017")
    assert (hasil.capaian, hasil.predikat) == (capaian, predikat)


def test_letter_conversion_table_is_configurable():
    hasil = scoring.hitung_capaian(
        Pengukuran(target=Nilai(huruf="B"), realisasi=Nilai(huruf="BB")),
        SKALA["permendagri-86-2017"],
        {"B": D("60"), "BB": D("75")},
    )
    assert hasil.capaian == D("125.00")


def test_unknown_letter_is_not_computable():
    hasil = scoring.hitung_capaian(
        Pengukuran(target=Nilai(huruf="B"), realisasi=Nilai(huruf="BB")), SKALA["akip-aa-d"], {"B": D("70")}
    )
    assert hasil.status == Status.TIDAK_DAPAT_DIHITUNG
    assert "BB" in hasil.alasan


@pytest.mark.parametrize(
    ("teks", "nilai"),
    [
        ("B (69)", Nilai(angka=D("69"), huruf="B")),
        ("bb", Nilai(huruf="BB")),
        ("A(90,5)", Nilai(angka=D("90.5"), huruf="A")),
        ("97,5", Nilai(angka=D("97.5"))),
    ],
)
def test_values_are_read_as_written(teks, nilai):
    assert Nilai.dari_teks(teks) == nilai


@pytest.mark.parametrize(
    ("teks", "angka"),
    [
        ("97,5", D("97.5")),
        ("97.5", D("97.5")),
        ("1.234,5", D("1234.5")),
        ("1.234.567,89", D("1234567.89")),
        ("1,234,567.89", D("1234567.89")),
        ("1.234.567", D("1234567")),
        ("1234567", D("1234567")),
        ("Rp3.116.155.160", D("3116155160")),
        ("95,56%", D("95.56")),
        (" 100 ", D("100")),
        ("0.125", D("0.125")),
        ("-5", D("-5")),
    ],
)
def test_parse_angka_accepts_indonesian_and_plain(teks, angka):
    assert parse_angka(teks) == angka


@pytest.mark.parametrize("teks", ["", "abc", "1.234", "12.34.5", "1,2,3", "1.234,5,6", "B (x)", "9..5", ",5"])
def test_parse_angka_refuses_malformed_or_ambiguous(teks):
    with pytest.raises(AngkaTidakValid) as galat:
        Nilai.dari_teks(teks) if teks.startswith("B") else parse_angka(teks)
    assert "1234" in str(galat.value) or "97,5" in str(galat.value) or "B (69)" in str(galat.value)


@pytest.mark.parametrize(
    ("nilai", "teks"),
    [
        (D("1234567.891"), "1.234.567,89"),
        (D("2.345"), "2,35"),  # half-up, not banker's
        (D("2.335"), "2,34"),
    ],
)
def test_format_angka_indonesian(nilai, teks):
    assert format_angka(nilai, 2) == teks


def test_formats_for_people():
    assert format_rupiah(D("3116155160.00")) == "Rp3.116.155.160"
    assert format_rupiah(D("1949000.50")) == "Rp1.949.000,50"
    assert format_persen(D("95.555")) == "95,56%"
    assert format_persen(None) == "–"
    assert format_angka(D("82.50")) == "82,5"
    assert bulatkan(D("0.125")) == D("0.13")


@pytest.mark.parametrize(
    ("aturan", "triwulan", "tahunan"),
    [
        (AturanTriwulan.KUMULATIF, {1: D("10"), 2: D("20"), 3: None, 4: D("30")}, D("60")),
        (AturanTriwulan.TERAKHIR, {1: D("10"), 2: D("20"), 3: D("25"), 4: None}, D("25")),
        (AturanTriwulan.TERAKHIR, {4: D("40"), 1: D("10")}, D("40")),
        (AturanTriwulan.RATA_RATA, {1: D("10"), 2: D("20"), 3: None, 4: D("30")}, D("20")),
        (AturanTriwulan.KUMULATIF, {1: None, 2: None}, None),
        (AturanTriwulan.RATA_RATA, {}, None),
    ],
)
def test_quarterly_roll_up(aturan, triwulan, tahunan):
    assert scoring.realisasi_tahunan(triwulan, aturan) == tahunan


def test_sasaran_and_overall_means_use_capped_values_and_skip_missing():
    skala = SKALA["akip-aa-d"]
    s1 = scoring.ringkas_sasaran([skor("100", "120", "akip-aa-d"), skor("100", "80", "akip-aa-d")], skala)
    s2 = scoring.ringkas_sasaran([skor("100", "85", "akip-aa-d"), skor("100", None, "akip-aa-d")], skala)
    assert (s1.capaian, s1.predikat) == (D("90.00"), "A")  # (100 + 80) / 2, not (120 + 80) / 2
    assert (s2.capaian, s2.jumlah, s2.jumlah_dihitung) == (D("85.00"), 2, 1)
    semua = scoring.ringkas_keseluruhan([s1, s2], skala)
    assert (semua.capaian, semua.predikat) == (D("87.50"), "A")


def test_mean_of_nothing_is_missing_not_zero():
    kosong = scoring.ringkas_sasaran([skor("100", None, "akip-aa-d")], SKALA["akip-aa-d"])
    assert (kosong.capaian, kosong.predikat) == (None, None)


def test_mean_is_rounded_once_at_the_edge():
    skala = SKALA["permendagri-86-2017"]
    # 66.666… and 100: rounding each first would give (66.67 + 100) / 2 = 83.335 → 83.34
    ringkas = scoring.ringkas_sasaran([skor("3", "2", skala.kode), skor("1", "1", skala.kode)], skala)
    assert ringkas.capaian == D("83.33")


@pytest.mark.parametrize(
    ("capaian", "serapan", "putusan"),
    [
        (D("95"), D("90"), scoring.Efisiensi.EFISIEN),
        (D("90"), D("90"), scoring.Efisiensi.EFISIEN),
        (D("90"), D("95.5"), scoring.Efisiensi.KURANG_EFISIEN),
        (None, D("90"), None),
        (D("90"), None, None),
    ],
)
def test_efficiency_verdict(capaian, serapan, putusan):
    assert scoring.efisiensi(capaian, serapan).putusan == putusan


@pytest.mark.parametrize(
    ("pita", "pesan"),
    [
        ((scoring.Pita("A", bawah=D("50")), scoring.Pita("B", atas=D("40"))), "tidak bersambung"),
        (
            (scoring.Pita("A", bawah=D("50"), bawah_inklusif=True), scoring.Pita("B", atas=D("50"))),
            "sama-sama memuat",
        ),
        (
            (scoring.Pita("A", bawah=D("50")), scoring.Pita("B", atas=D("50"), atas_inklusif=False)),
            "sama-sama tidak",
        ),
        ((scoring.Pita("A", bawah=D("0"), atas=D("100")),), "di bawah 0"),
    ],
)
def test_scale_with_gap_or_overlap_is_reported(pita, pesan):
    assert any(pesan in k for k in scoring.Skala(kode="x", pita=pita).kesalahan())


def test_scoring_imports_only_what_it_may():
    import ast
    from pathlib import Path

    sumber = Path(scoring.__file__).read_text()
    modul = set()
    for node in ast.walk(ast.parse(sumber)):
        if isinstance(node, ast.Import):
            modul.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            modul.add(node.module)
    assert modul <= {"decimal", "dataclasses", "enum", "typing", "umum.angka"}


@pytest.mark.parametrize(
    ("tahunan", "triwulan", "berlaku"),
    [
        (Nilai(angka=D("50")), {1: D("80"), 2: D("90")}, Nilai(angka=D("85"))),  # quarters win
        (Nilai(huruf="B"), {1: None, 2: None}, Nilai(huruf="B")),  # no quarter filled: the year
        (None, {}, None),
    ],
)
def test_the_years_realisasi_is_the_quarters_roll_up_when_any_is_filled(tahunan, triwulan, berlaku):
    assert scoring.realisasi_berlaku(tahunan, triwulan, AturanTriwulan.RATA_RATA) == berlaku


@pytest.mark.parametrize(
    ("angka", "huruf", "nilai"),
    [
        (None, "", None),
        (D("0"), "", Nilai(angka=D("0"))),
        (None, "B", Nilai(huruf="B")),
        (D("69"), "B", Nilai(angka=D("69"), huruf="B")),
    ],
)
def test_a_stored_value_is_missing_only_when_empty(angka, huruf, nilai):
    assert scoring.nilai_opsional(angka, huruf) == nilai
