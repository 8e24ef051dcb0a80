"""The one number parser: every number fits where it is stored or is refused with an Indonesian
message, only the digits 0–9 are read, and what the app prints reads back as the same value."""

from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from umum.angka import (
    DIGIT_TEPAT,
    AngkaTidakValid,
    Batas,
    format_angka,
    format_persen,
    format_rupiah,
    parse_angka,
    teks_polos,
)

NILAI = Batas.kolom(18, 4)  # targets and realisasi
RUPIAH = Batas.kolom(18, 2, rupiah=True)  # pagu and realisasi anggaran
LUAS = Batas.kolom(10, 2)


@pytest.mark.parametrize(
    ("teks", "batas", "pesan"),
    [
        ("99999999999999,99", NILAI, "paling banyak 15 angka"),
        ("1234567890123456", RUPIAH, "paling banyak 15 angka"),
        ("1" * 28, None, "terlalu besar"),
        ("97,12345", NILAI, "paling banyak 4"),
        ("1.234.567,891", RUPIAH, "rupiah ditulis tanpa angka desimal"),
        ("Rp1.500,50", RUPIAH, "rupiah ditulis tanpa angka desimal"),
        ("123456789,5", LUAS, "paling banyak 8 angka sebelum koma"),
        ("٩٧", NILAI, "angka selain 0–9"),  # Arabic-Indic
        ("۹۷,۵", NILAI, "angka selain 0–9"),  # Extended Arabic-Indic
        ("９７", NILAI, "angka selain 0–9"),  # fullwidth
        ("B (٦٩)", NILAI, "angka selain 0–9"),
        ("9" * 200, NILAI, "terlalu panjang"),
    ],
)
def test_a_number_that_does_not_fit_its_column_is_refused_with_a_message(teks, batas, pesan):
    with pytest.raises(AngkaTidakValid, match=pesan):
        parse_angka(teks, batas)


def test_rupiah_has_no_decimals_so_a_dot_groups_thousands_and_a_lone_comma_is_doubtful():
    assert parse_angka("1.234", RUPIAH) == Decimal("1234")
    assert parse_angka("Rp3.116.155.160", RUPIAH) == Decimal("3116155160")
    assert parse_angka("1.234.567,00", RUPIAH) == Decimal("1234567")
    with pytest.raises(AngkaTidakValid, match="rupiah tidak memakai angka desimal") as galat:
        parse_angka("1,234", RUPIAH)
    assert "Tulis 1234 atau 1.234." in str(galat.value)
    with pytest.raises(AngkaTidakValid, match="meragukan"):  # not rupiah: still doubtful
        parse_angka("1.234", NILAI)


def test_the_largest_values_that_fit_are_accepted():
    assert parse_angka("99.999.999.999,9999", NILAI) == Decimal("99999999999.9999")
    assert parse_angka("99999999999999", NILAI) == Decimal("99999999999999")
    assert parse_angka("999.999.999.999.999", RUPIAH) == Decimal("999999999999999")
    assert parse_angka("97,50000", NILAI) == Decimal("97.5")  # trailing zeros are not digits


# --- properties ----------------------------------------------------------------------

BATAS = st.builds(
    Batas.kolom,
    max_digits=st.integers(min_value=1, max_value=18),
    decimal_places=st.integers(min_value=0, max_value=4),  # the columns have 0, 2 or 4
    rupiah=st.booleans(),
).filter(lambda b: b.bulat >= 1)

TEKS_ANGKA = st.text(alphabet="0123456789.,-+ Rp%\u00a0٣３", max_size=30)


@given(teks=st.one_of(st.text(max_size=80), TEKS_ANGKA), batas=st.one_of(st.none(), BATAS))
@example(teks="1" * 28, batas=None)
@example(teks="٣", batas=None)
@example(teks="1.234", batas=Batas.kolom(18, 2, rupiah=True))
def test_any_text_is_read_or_refused_with_the_documented_error_only(teks, batas):
    try:
        angka = parse_angka(teks, batas)
    except AngkaTidakValid as exc:
        assert str(exc)  # a message for the user, never empty
        return
    assert angka.is_finite()
    # What was read fits: it formats and rounds without overflowing the decimal context.
    format_persen(angka)
    teks_polos(angka)


@st.composite
def nilai_dalam_batas(draw) -> tuple[Decimal, Batas]:
    batas = draw(BATAS)
    bulat = min(batas.bulat, DIGIT_TEPAT)
    desimal = min(batas.desimal, DIGIT_TEPAT - bulat) if bulat < DIGIT_TEPAT else 0
    satuan = draw(st.integers(min_value=0, max_value=10**bulat - 1))
    pecahan = draw(st.integers(min_value=0, max_value=10**desimal - 1)) if desimal else 0
    tanda = draw(st.sampled_from([1, -1]))
    angka = tanda * (Decimal(satuan) + Decimal(pecahan).scaleb(-desimal))
    return angka, batas


@given(nilai_dalam_batas())
@example((Decimal("1234"), Batas.kolom(18, 0)))
@example((Decimal("999999999999999"), Batas.kolom(18, 2, rupiah=True)))
def test_what_the_app_prints_reads_back_as_the_same_value(kasus):
    angka, batas = kasus
    assert parse_angka(format_angka(angka, batas.desimal), batas) == angka
    assert parse_angka(teks_polos(angka).replace(".", ","), batas) == angka  # as shown in an input
    if batas.rupiah and angka >= 0:
        assert parse_angka(format_rupiah(angka), batas) == angka
