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
        ("A", "A (85)", D("100.00"), "Sangat Tinggi"),  # a bare letter: both sides as letters, 90 / 90
        ("B", "B (100)", D("100.00"), "Sangat Tinggi"),  # Pakusari 2021: 70 / 70, not 100 / 70
        ("B (100)", "B", D("100.00"), "Sangat Tinggi"),
        ("B", "80,41", D("128.57"), "Sangat Tinggi"),  # a plain number against a letter: its letter, A
        ("B (69)", "B (72)", D("104.35"), "Sangat Tinggi"),  # both print numbers: 72 / 69
    ],
)
def test_letter_grades(target, realisasi, capaian, predikat):
    hasil = skor(target, realisasi, "permendagri-86-2017")
    assert (hasil.capaian, hasil.predikat) == (capaian, predikat)


@pytest.mark.parametrize(
    ("target", "realisasi", "skala", "capaian", "predikat"),
    [
        ("B", "B (100)", "empat-kategori", D("100.00"), "Baik"),  # not 142,86% Sangat Baik
        ("B", "B", "akip-aa-d", D("100.00"), "AA"),
        ("BB", "B (69)", "akip-aa-d", D("87.50"), "A"),  # 70 / 80
    ],
)
def test_letters_compare_like_with_like_on_every_scale(target, realisasi, skala, capaian, predikat):
    hasil = skor(target, realisasi, skala)
    assert (hasil.capaian, hasil.predikat, hasil.cara) == (capaian, predikat, scoring.CaraBanding.HURUF)


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
        (Nilai(angka=D("50")), {1: D("80"), 2: D("90")}, Nilai(angka=D("50"))),  # the typed year wins
        (None, {1: D("80"), 2: D("90")}, Nilai(angka=D("85"))),  # quarters alone roll up
        (Nilai(huruf="B"), {1: None, 2: None}, Nilai(huruf="B")),
        (None, {1: None}, None),
        (None, {}, None),
    ],
)
def test_a_typed_yearly_realisasi_is_never_replaced_by_its_quarters(tahunan, triwulan, berlaku):
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


def ukur(realisasi: str | None, triwulan: dict, aturan=AturanTriwulan.TERAKHIR, **kw) -> Pengukuran:
    return Pengukuran(
        target=kw.pop("target", Nilai(angka=D("100"))),
        realisasi=scoring.nilai_teks_opsional(realisasi),
        triwulan=triwulan,
        aturan=aturan,
        **kw,
    )


def jenis_temuan(hasil: scoring.HasilCapaian) -> list[scoring.JenisTemuan]:
    return [t.jenis for t in hasil.temuan]


@pytest.mark.parametrize(
    ("target", "realisasi", "triwulan", "capaian", "predikat", "rekap"),
    [
        ("100", "96", {1: D("49")}, D("96.00"), "AA", D("49")),  # one filled quarter used to give 49 C
        ("AA", "AA", {1: D("49")}, D("100.00"), "AA", D("49")),  # AA stays AA, not C
        ("100", "96", {1: D("90"), 2: D("96")}, D("96.00"), "AA", D("96")),  # agree: no finding
    ],
)
def test_the_yearly_value_is_scored_and_the_roll_up_is_shown_beside_it(
    target, realisasi, triwulan, capaian, predikat, rekap
):
    hasil = scoring.hitung_capaian(
        ukur(realisasi, triwulan, target=Nilai.dari_teks(target)), SKALA["akip-aa-d"]
    )
    assert (hasil.capaian, hasil.predikat, hasil.rekap_triwulan) == (capaian, predikat, rekap)
    assert hasil.realisasi == Nilai.dari_teks(realisasi)


@pytest.mark.parametrize(
    ("realisasi", "triwulan", "temuan"),
    [
        ("96", {1: D("49")}, [scoring.JenisTemuan.REKAP_TRIWULAN_BERBEDA]),
        ("AA", {1: D("49")}, [scoring.JenisTemuan.REKAP_TRIWULAN_BERBEDA]),  # 49 is a C
        ("AA", {4: D("95")}, []),  # 95 is an AA
        ("96", {3: D("96.004")}, []),  # the same as shown
        ("96", {}, []),
        (None, {1: D("49")}, []),  # nothing to differ from
    ],
)
def test_a_yearly_value_that_differs_from_its_quarters_is_a_finding(realisasi, triwulan, temuan):
    hasil = scoring.hitung_capaian(ukur(realisasi, triwulan), SKALA["akip-aa-d"])
    assert jenis_temuan(hasil) == temuan


def test_the_roll_up_finding_says_both_values_in_indonesian():
    hasil = scoring.hitung_capaian(ukur("96", {1: D("49.5")}), SKALA["akip-aa-d"])
    assert hasil.temuan[0].pesan.startswith("Realisasi tahunan 96 berbeda dengan rekap triwulan 49,5")


@pytest.mark.parametrize(
    ("aturan", "triwulan", "realisasi"),
    [
        (AturanTriwulan.TERAKHIR, {1: D("80"), 2: D("84")}, Nilai(angka=D("84"))),
        (AturanTriwulan.RATA_RATA, {1: D("80"), 2: D("84")}, Nilai(angka=D("82"))),
        (AturanTriwulan.KUMULATIF, {1: D("3"), 2: D("4")}, Nilai(angka=D("7"))),
    ],
)
def test_quarters_alone_roll_up_by_the_indicators_rule(aturan, triwulan, realisasi):
    hasil = scoring.hitung_capaian(ukur(None, triwulan, aturan), SKALA["akip-aa-d"])
    assert (hasil.realisasi, hasil.status, hasil.temuan) == (realisasi, Status.TERISI, ())


def test_an_index_never_sums_its_quarters():
    ikm = ukur(None, {1: D("80"), 2: D("84")}, AturanTriwulan.KUMULATIF, sifat=scoring.SifatNilai.RASIO)
    hasil = scoring.hitung_capaian(ikm, SKALA["akip-aa-d"])
    assert hasil.rekap_triwulan is None  # never 164
    assert (hasil.status, hasil.capaian) == (Status.BELUM_DIISI, None)
    assert jenis_temuan(hasil) == [scoring.JenisTemuan.ATURAN_TRIWULAN_TIDAK_SAH]
    assert "tidak boleh dijumlah" in hasil.temuan[0].pesan
    assert scoring.realisasi_berlaku(None, ikm.triwulan, ikm.aturan, ikm.sifat) is None


@pytest.mark.parametrize(
    ("sifat", "boleh"),
    [
        (scoring.SifatNilai.JUMLAH, set(AturanTriwulan)),
        (scoring.SifatNilai.RASIO, {AturanTriwulan.TERAKHIR, AturanTriwulan.RATA_RATA}),
    ],
)
def test_roll_up_rules_allowed_per_kind(sifat, boleh):
    assert {a for a in AturanTriwulan if scoring.aturan_sah(a, sifat)} == boleh


@pytest.mark.parametrize(
    ("target", "realisasi", "skala", "temuan", "capaian"),
    [
        ("90", "B (87)", "akip-aa-d", 1, D("96.67")),  # 87 is an A: kept as typed (87 / 90), flagged
        ("B (87)", "80", "permendagri-86-2017", 1, D("91.95")),  # the conversion table's band of B
        ("B (69)", "80,41", "permendagri-86-2017", 0, D("116.54")),  # 69 is a B: nothing to check
        ("B (70)", "B (60,01)", "akip-aa-d", 0, D("85.73")),  # both ends of B's band (60, 70]
        ("AA", "AA (100)", "akip-aa-d", 0, D("100.00")),
        ("D (0)", "D (30)", "empat-kategori", 0, None),  # target 0: not computable, still no finding
    ],
)
def test_a_letter_outside_its_band_is_kept_and_flagged(target, realisasi, skala, temuan, capaian):
    hasil = skor(target, realisasi, skala)
    assert hasil.capaian == capaian
    assert jenis_temuan(hasil) == [scoring.JenisTemuan.HURUF_DI_LUAR_PITA] * temuan
    assert hasil.realisasi == Nilai.dari_teks(realisasi)


def test_the_band_finding_names_the_value_and_the_band():
    hasil = skor("90", "B (87)", "akip-aa-d")
    assert hasil.temuan[0].pesan == (
        "Nilai «B (87)»: angka 87 berada di luar rentang huruf B (60 < x ≤ 70). "
        "Nilai tetap dipakai seperti tertulis; periksa kembali."
    )


@pytest.mark.parametrize(
    ("huruf", "pita"),
    [
        ("AA", scoring.Pita("AA", bawah=D("90"))),
        ("B", scoring.Pita("B", bawah=D("60"), atas=D("70"))),
        ("D", scoring.Pita("D", atas=D("30"))),
        ("E", None),
    ],
)
def test_letter_bands_from_the_conversion_table(huruf, pita):
    assert scoring.pita_huruf(huruf, scoring.KONVERSI_HURUF_BAWAAN) == pita


@pytest.mark.parametrize(
    ("lalu", "sekarang", "cara", "arah", "selisih", "huruf"),
    [
        ("66", "B", scoring.CaraBanding.HURUF, scoring.Arah.TETAP, None, ("B", "B")),  # Arjasa's Nilai SAKIP
        ("B", "BB", scoring.CaraBanding.HURUF, scoring.Arah.NAIK, None, ("B", "BB")),
        ("A (85)", "BB", scoring.CaraBanding.HURUF, scoring.Arah.TURUN, None, ("A", "BB")),
        ("B (69)", "B (72)", scoring.CaraBanding.ANGKA, scoring.Arah.NAIK, D("3"), ("", "")),
        ("80", "75,5", scoring.CaraBanding.ANGKA, scoring.Arah.TURUN, D("-4.5"), ("", "")),
        ("82,89", "82,89", scoring.CaraBanding.ANGKA, scoring.Arah.TETAP, D("0"), ("", "")),
    ],
)
def test_trends_compare_letters_with_letters_and_numbers_with_numbers(
    lalu, sekarang, cara, arah, selisih, huruf
):
    tren = scoring.banding_tren(
        Nilai.dari_teks(lalu), Nilai.dari_teks(sekarang), scoring.KONVERSI_HURUF_BAWAAN
    )
    assert (tren.cara, tren.arah, tren.selisih, (tren.huruf_lalu, tren.huruf_sekarang)) == (
        cara, arah, selisih, huruf
    )  # fmt: skip


def test_a_trend_with_a_letter_outside_the_table_has_no_direction():
    assert scoring.banding_tren(Nilai(huruf="B"), Nilai(huruf="E"), scoring.KONVERSI_HURUF_BAWAAN) is None


@pytest.mark.parametrize(
    ("akhir", "realisasi", "polaritas", "capaian"),
    [
        ("100", "82,89", Polaritas.POSITIF, D("82.89")),
        ("10", "12", Polaritas.NEGATIF, D("80.00")),  # lower is better: (10 − (12 − 10)) / 10
        ("10", "8", Polaritas.NEGATIF, D("120.00")),  # not 80 as a positive ratio would give
        ("10", "25", Polaritas.NEGATIF, D("0.00")),  # floor 0
        ("B", "B (67)", Polaritas.POSITIF, D("100.00")),  # like with like
        ("70", "B (67)", Polaritas.POSITIF, D("95.71")),
        ("0", "5", Polaritas.POSITIF, None),
        (None, "5", Polaritas.POSITIF, None),
        ("5", None, Polaritas.POSITIF, None),
    ],
)
def test_capaian_against_the_end_of_renstra_target_uses_polarity(akhir, realisasi, polaritas, capaian):
    assert (
        scoring.capaian_target_akhir(
            scoring.nilai_teks_opsional(akhir), scoring.nilai_teks_opsional(realisasi), polaritas
        )
        == capaian
    )
