"""The report's trend and mean sentences: letters are compared with letters, numbers with
numbers, and the overall mean is described as what it is, a mean over sasaran."""

from decimal import Decimal

import pytest

from capaian.scoring import Nilai
from lkip.laporan import kalimat

SAKIP = {"polaritas": "positif", "jenis_nilai": "huruf", "satuan": "nilai"}
IKM = {"polaritas": "positif", "jenis_nilai": "angka", "satuan": "indeks"}
PERSEN = {"polaritas": "positif", "jenis_nilai": "persen", "satuan": "%"}
NEGATIF = {"polaritas": "negatif", "jenis_nilai": "angka", "satuan": "kasus"}


@pytest.mark.parametrize(
    ("ind", "lalu", "sekarang", "teks"),
    [
        (  # Arjasa's Nilai SAKIP: 66 in 2022, B in 2023 — the same grade, not «a rise of 4»
            SAKIP,
            "66",
            "B",
            "Dibandingkan tahun 2022 (66, setara B), nilai huruf tahun 2023 (B) tidak berubah.",
        ),
        (SAKIP, "B", "BB", "Dibandingkan tahun 2022 (B), nilai huruf tahun 2023 meningkat menjadi BB."),
        (
            SAKIP,
            "A (85)",
            "BB",
            "Dibandingkan tahun 2022 (A (85)), nilai huruf tahun 2023 menurun menjadi BB.",
        ),
        (  # both years print numbers: the numbers are compared
            SAKIP,
            "B (69)",
            "B (72)",
            "Dibandingkan tahun 2022 (B (69)), realisasi tahun 2023 meningkat sebesar 3.",
        ),
        (IKM, "80", "82,89", "Dibandingkan tahun 2022 (80), realisasi tahun 2023 meningkat sebesar 2,89."),
        (
            PERSEN,
            "100",
            "96",
            "Dibandingkan tahun 2022 (100), realisasi tahun 2023 menurun sebesar 4 poin persen.",
        ),
        (IKM, "86", "86", "Dibandingkan tahun 2022 (86), realisasi tahun 2023 tidak berubah."),
        (
            NEGATIF,
            "12",
            "10",
            "Dibandingkan tahun 2022 (12), realisasi tahun 2023 menurun (pada indikator ini nilai yang "
            "lebih rendah lebih baik) sebesar 2.",
        ),
    ],
)
def test_trend_sentences_compare_like_with_like(ind, lalu, sekarang, teks):
    assert kalimat.kalimat_tren(ind, (2022, Nilai.dari_teks(lalu)), Nilai.dari_teks(sekarang), 2023) == teks


def test_a_trend_without_an_earlier_year_or_this_year():
    assert kalimat.kalimat_tren(IKM, None, Nilai.dari_teks("80"), 2023).startswith(
        "Realisasi tahun-tahun sebelumnya tidak tersedia"
    )
    assert kalimat.kalimat_tren(IKM, (2022, Nilai.dari_teks("80")), None, 2023) == ""


def test_a_trend_with_a_letter_outside_the_table_says_so():
    teks = kalimat.kalimat_tren(SAKIP, (2022, Nilai(huruf="B")), Nilai(huruf="BB"), 2023, {"B": 70})
    assert teks == (
        "Realisasi tahun 2023 tidak dapat dibandingkan dengan tahun 2022 (B) karena nilai hurufnya "
        "tidak ada dalam tabel konversi."
    )


@pytest.mark.parametrize(
    ("capaian_sasaran", "rata", "teks"),
    [
        (
            ["100.00", "100.00"],
            {"capaian": "100.00", "predikat": "Baik"},
            "Capaian kinerja keseluruhan, yaitu rata-rata capaian 2 (dua) sasaran strategis, adalah "
            "100,00% dengan predikat Baik; capaian setiap sasaran adalah rata-rata capaian indikatornya.",
        ),
        (
            ["90.00", None, "80.00"],
            {"capaian": "85.00", "predikat": "A"},
            "Capaian kinerja keseluruhan, yaitu rata-rata capaian 2 (dua) sasaran strategis (dari 3 "
            "sasaran) yang dapat dihitung, adalah 85,00% dengan predikat A; capaian setiap sasaran "
            "adalah rata-rata capaian indikatornya.",
        ),
        (
            [None],
            {"capaian": None, "predikat": None},
            "Capaian rata-rata belum dapat dihitung karena realisasi belum lengkap.",
        ),
    ],
)
def test_the_overall_mean_is_described_as_a_mean_over_sasaran(capaian_sasaran, rata, teks):
    assert kalimat.kalimat_rata_rata(capaian_sasaran, rata) == teks


@pytest.mark.parametrize(
    ("capaian", "predikat", "indikator", "teks"),
    [
        (
            "100.00",
            "Baik",
            ["100.00"],
            "Sasaran ini memperoleh capaian 100,00% dengan predikat Baik, yaitu rata-rata capaian 1 (satu) "
            "indikator.",
        ),
        (
            "90.00",
            "A",
            ["90.00", None, "90.00"],
            "Sasaran ini memperoleh capaian 90,00% dengan predikat A, yaitu rata-rata capaian 2 (dua) "
            "indikator (dari 3 indikator) yang dapat dihitung.",
        ),
        (
            None,
            None,
            [None],
            "Capaian sasaran ini belum dapat dihitung karena realisasi indikatornya belum lengkap.",
        ),
    ],
)
def test_a_sasaran_mean_is_described_as_the_mean_of_its_indicators(capaian, predikat, indikator, teks):
    assert kalimat.kalimat_sasaran(capaian, predikat, indikator) == teks


def _pratinjau(client, slug: str, tahun: int) -> str:
    from django.urls import reverse

    from lkip.accounts.models import Peran
    from tests.web.bantuan import pengguna

    client.force_login(pengguna(Peran.BAPPEDA))
    jawaban = client.get(reverse("laporan:pratinjau", args=[slug, tahun]))
    assert jawaban.status_code == 200
    return " ".join(jawaban.content.decode().split())


@pytest.mark.django_db
def test_arjasas_report_compares_its_nilai_sakip_by_letter(client):
    html = _pratinjau(client, "arjasa", 2023)
    assert "Dibandingkan tahun 2022 (66, setara B), nilai huruf tahun 2023 (B) tidak berubah." in html
    assert "meningkat sebesar 4." not in html


@pytest.mark.django_db
def test_pakusaris_report_states_the_mean_over_its_two_sasaran(client):
    html = _pratinjau(client, "pakusari", 2021)
    assert "rata-rata capaian 2 (dua) sasaran strategis, adalah 100,00% dengan predikat Baik" in html
    assert "3 (tiga) indikator pada 2 (dua) sasaran" not in html
    assert "predikat Baik, yaitu rata-rata capaian 2 (dua) indikator." in html  # sasaran 2


# --- Where the kecamatan stands against the kabupaten, province and nation --------------------


def _posisi(realisasi, pembanding, polaritas="positif", satuan="indeks", jenis_nilai="angka"):
    return kalimat.kalimat_posisi_pembanding(
        indikator="Indeks Kepuasan Masyarakat",
        kecamatan="Kecamatan Arjasa",
        kabupaten="Kabupaten Jember",
        realisasi=None if realisasi is None else Decimal(realisasi),
        polaritas=polaritas,
        satuan=satuan,
        jenis_nilai=jenis_nilai,
        pembanding=pembanding,
    )


@pytest.mark.parametrize(
    ("realisasi", "pembanding", "polaritas", "teks"),
    [
        (  # Arjasa 2023: IKM 82,89 against the kabupaten's 86,34
            "82.89",
            {"kabupaten": "86.34"},
            "positif",
            "Realisasi Indeks Kepuasan Masyarakat Kecamatan Arjasa sebesar 82,89 berada di bawah "
            "nilai Kabupaten Jember (86,34).",
        ),
        (
            "85.2",
            {"kabupaten": "82,1"},
            "positif",
            "Realisasi Indeks Kepuasan Masyarakat Kecamatan Arjasa sebesar 85,2 berada di atas "
            "nilai Kabupaten Jember (82,1).",
        ),
        (
            "86.34",
            {"kabupaten": "86,34"},
            "positif",
            "Realisasi Indeks Kepuasan Masyarakat Kecamatan Arjasa sebesar 86,34 sama dengan "
            "nilai Kabupaten Jember (86,34).",
        ),
        (  # negative: lower is better, so being below is the good side
            "3",
            {"nasional": "5"},
            "negatif",
            "Realisasi Indeks Kepuasan Masyarakat Kecamatan Arjasa sebesar 3 berada di bawah nilai "
            "nasional (5); karena pada indikator ini nilai yang lebih rendah lebih baik, kinerja "
            "Kecamatan Arjasa lebih baik daripada nasional.",
        ),
        (
            "7",
            {"provinsi": "5"},
            "negatif",
            "Realisasi Indeks Kepuasan Masyarakat Kecamatan Arjasa sebesar 7 berada di atas nilai "
            "Provinsi Jawa Timur (5); karena pada indikator ini nilai yang lebih rendah lebih baik, "
            "kinerja Kecamatan Arjasa belum sebaik Provinsi Jawa Timur.",
        ),
        (
            "5",
            {"kabupaten": "5"},
            "negatif",
            "Realisasi Indeks Kepuasan Masyarakat Kecamatan Arjasa "
            "sebesar 5 sama dengan nilai Kabupaten Jember (5).",
        ),
    ],
)
def test_where_the_kecamatan_stands_honors_polarity(realisasi, pembanding, polaritas, teks):
    assert _posisi(realisasi, pembanding, polaritas) == teks


def test_each_level_entered_gets_its_sentence_in_order():
    teks = _posisi("80", {"kabupaten": "82", "nasional": "78", "provinsi": None})
    assert teks == (
        "Realisasi Indeks Kepuasan Masyarakat Kecamatan Arjasa sebesar 80 berada di atas nilai nasional (78). "
        "Realisasi Indeks Kepuasan Masyarakat Kecamatan Arjasa sebesar 80 berada di bawah nilai "
        "Kabupaten Jember (82)."
    )


def test_values_print_with_the_indicators_unit():
    teks = _posisi("95", {"kabupaten": "90%"}, satuan="%", jenis_nilai="persen")
    assert teks.endswith("sebesar 95% berada di atas nilai Kabupaten Jember (90%).")


@pytest.mark.parametrize(
    ("realisasi", "pembanding"),
    [
        ("80", {}),  # nothing entered
        ("80", {"kabupaten": "", "nasional": "  ", "provinsi": None}),
        ("80", {"kabupaten": "delapan puluh"}),  # malformed: the consistency check reports it
        ("80", {"kabupaten": "86.345"}),  # ambiguous thousands/decimal dot: refused, not guessed
        (None, {"kabupaten": "86,34"}),  # no realisasi (or a bare letter): nothing to compare
    ],
)
def test_no_sentence_without_a_readable_value(realisasi, pembanding):
    assert _posisi(realisasi, pembanding) == ""


def test_a_malformed_value_is_skipped_and_the_readable_ones_stay():
    teks = _posisi("80", {"nasional": "n/a", "kabupaten": "82"})
    assert teks == (
        "Realisasi Indeks Kepuasan Masyarakat Kecamatan Arjasa sebesar 80 berada di bawah nilai "
        "Kabupaten Jember (82)."
    )


def test_without_any_comparison_value_the_report_says_so():
    ind = {"indikator": "IKM", "kecamatan": "Kecamatan Arjasa", "kabupaten": "Kabupaten Jember",
           "realisasi_angka": Decimal("80"), **IKM}  # fmt: skip
    assert kalimat.kalimat_pembanding(
        ind, {"nasional": None, "provinsi": None, "kabupaten": None}
    ).startswith("Tidak tersedia data realisasi nasional, provinsi maupun kabupaten")
    assert kalimat.kalimat_pembanding(ind, {"nasional": None, "provinsi": None, "kabupaten": "86.34"}) == (
        "Realisasi IKM Kecamatan Arjasa sebesar 80 berada di bawah nilai Kabupaten Jember (86,34)."
    )
