"""Capaian against the end-of-Renstra target follows the indicator's polarity, in the capaian
data and in the report's sentence, like the yearly capaian does."""

from decimal import Decimal

import pytest

from capaian.models import Realisasi
from capaian.selectors import capaian_tahun
from kecamatan.models import Kecamatan
from lkip.laporan.selectors import dokumen_lkip


@pytest.mark.django_db
def test_a_negative_indicator_is_measured_against_its_end_target_by_its_polarity():
    kalisat = Kecamatan.objects.get(slug="kalisat")
    realisasi = Realisasi.objects.select_related("indikator").get(
        indikator__sasaran__renstra__kecamatan=kalisat, tahun=2024, indikator__kode="S2.1"
    )
    indikator = realisasi.indikator
    indikator.polaritas = "negatif"  # e.g. a complaint count: lower is better
    indikator.target_akhir_angka, indikator.target_akhir_huruf = Decimal("10"), ""
    indikator.save()
    realisasi.angka = Decimal("8")
    realisasi.save()

    baris = next(b for b in capaian_tahun(kecamatan=kalisat, tahun=2024).baris if b.indikator == indikator)
    assert baris.capaian_target_akhir == Decimal("120.00")  # (10 − (8 − 10)) / 10, not 8 / 10
    dokumen = dokumen_lkip(kecamatan=kalisat, tahun=2024)
    dok_baris = next(b for b in dokumen.capaian.indikator if b.indikator_kode == "S2.1")
    assert dok_baris.capaian_terhadap_target_akhir == Decimal("120.00")
