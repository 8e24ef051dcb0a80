"""In BAB III's supporting-programs table a keluaran without a realisasi (or a target) reads
"realisasi –", not "realisasi – bulan": the unit belongs to a number."""

import pytest

from kecamatan.models import Kecamatan
from lkip.laporan.pdf import html_lkip

pytestmark = pytest.mark.django_db


def test_a_missing_realisasi_is_a_dash_without_its_unit():
    html = " ".join(html_lkip(kecamatan=Kecamatan.objects.get(slug="arjasa"), tahun=2023).split())
    assert "Keluaran: Jumlah bulan Banpol yang menerima honor — target 13 bulan, realisasi –</small>" in html
    assert "realisasi – bulan" not in html
    # A realisasi that is there keeps its unit.
    kalisat = " ".join(html_lkip(kecamatan=Kecamatan.objects.get(slug="kalisat"), tahun=2024).split())
    assert "target 3 Unit, realisasi 3 Unit (100,00%)" in kalisat
