"""Random strings and numbers fed to the scoring service: it answers every one of them, and the
only exception it may raise is the documented invalid-input error ``AngkaTidakValid``."""

from decimal import Decimal

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from capaian import scoring
from tests.capaian.test_scoring import SKALA
from umum.angka import AngkaTidakValid

HURUF = list(scoring.HURUF_SAH)

teks_nilai = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.text(alphabet="0123456789.,-+ %Rp()ABCD", max_size=30),
    st.builds(
        lambda h, a: f"{h} ({a})" if a else h,
        st.sampled_from([*HURUF, "b", "Aa", "E"]),
        st.text(alphabet="0123456789.,-", max_size=12),
    ),
    st.decimals(allow_nan=False, allow_infinity=False, places=4, min_value=-(10**20), max_value=10**20).map(
        str
    ),
)
angka_acak = st.one_of(st.none(), st.decimals(allow_nan=True, allow_infinity=True))
konversi_acak = st.one_of(
    st.just(dict(scoring.KONVERSI_HURUF_BAWAAN)),
    st.dictionaries(st.sampled_from(HURUF), st.decimals(min_value=0, max_value=1000, places=2), max_size=7),
)


def _nilai(teks: str | None) -> scoring.Nilai | None:
    return scoring.nilai_teks_opsional(teks)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    target=teks_nilai,
    realisasi=teks_nilai,
    triwulan=st.dictionaries(st.integers(1, 4), angka_acak, max_size=4),
    polaritas=st.sampled_from(scoring.Polaritas),
    status=st.one_of(st.none(), st.sampled_from(scoring.Status)),
    aturan=st.sampled_from(scoring.AturanTriwulan),
    sifat=st.sampled_from(scoring.SifatNilai),
    skala=st.sampled_from(sorted(SKALA)),
    konversi=konversi_acak,
)
@example(  # a tiny target under a huge realisasi once crashed the rounding (InvalidOperation)
    target="0,0000000001",
    realisasi="9999999999999999",
    triwulan={},
    polaritas=scoring.Polaritas.POSITIF,
    status=None,
    aturan=scoring.AturanTriwulan.TERAKHIR,
    sifat=scoring.SifatNilai.JUMLAH,
    skala="permendagri-86-2017",
    konversi=dict(scoring.KONVERSI_HURUF_BAWAAN),
)
def test_scoring_answers_any_input_or_says_it_is_invalid(
    target, realisasi, triwulan, polaritas, status, aturan, sifat, skala, konversi
):
    try:
        pengukuran = scoring.Pengukuran(
            target=_nilai(target),
            realisasi=_nilai(realisasi),
            polaritas=polaritas,
            status=status,
            triwulan=triwulan,
            aturan=aturan,
            sifat=sifat,
        )
        hasil = scoring.hitung_capaian(pengukuran, SKALA[skala], konversi)
    except AngkaTidakValid as exc:
        assert str(exc)  # the message says what was expected
        return
    # Whatever came in, what comes out holds together.
    assert (hasil.capaian is None) == (hasil.capaian_akhir is None) == (hasil.predikat is None)
    if hasil.ada_angka:
        assert hasil.status == scoring.Status.TERISI
        assert hasil.capaian_akhir >= 0
        assert hasil.predikat == SKALA[skala].pita_untuk(hasil.capaian_akhir).kode
    else:
        assert hasil.alasan or hasil.status != scoring.Status.TERISI
    assert all(t.pesan for t in hasil.temuan)
    if pengukuran.realisasi is not None:
        assert hasil.realisasi == pengukuran.realisasi  # a typed year is never replaced
    ringkas = scoring.ringkas_sasaran([hasil, hasil], SKALA[skala])
    assert ringkas.capaian == hasil.capaian_akhir


@settings(max_examples=300, deadline=None)
@given(lalu=teks_nilai, sekarang=teks_nilai, konversi=konversi_acak)
def test_trend_comparison_answers_any_pair_or_says_it_is_invalid(lalu, sekarang, konversi):
    try:
        a, b = _nilai(lalu), _nilai(sekarang)
    except AngkaTidakValid:
        return
    if a is None or b is None:
        return
    tren = scoring.banding_tren(a, b, konversi)
    if tren is not None:
        assert tren.arah in scoring.Arah
        assert (tren.selisih is None) == (tren.cara == scoring.CaraBanding.HURUF)
    balik = scoring.banding_tren(b, a, konversi)
    assert (tren is None) == (balik is None)
    if tren is not None and tren.arah != scoring.Arah.TETAP:
        assert balik.arah != tren.arah


@settings(max_examples=200, deadline=None)
@given(akhir=teks_nilai, realisasi=teks_nilai, polaritas=st.sampled_from(scoring.Polaritas))
def test_end_of_renstra_capaian_is_a_number_or_missing(akhir, realisasi, polaritas):
    try:
        hasil = scoring.capaian_target_akhir(_nilai(akhir), _nilai(realisasi), polaritas)
    except AngkaTidakValid:
        return
    assert hasil is None or (isinstance(hasil, Decimal) and hasil >= 0)
