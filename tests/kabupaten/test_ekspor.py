"""The dashboard and the matrix as xlsx (read back with openpyxl) and CSV."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from kabupaten import selectors
from kecamatan.models import Kecamatan
from lkip.accounts.models import Peran
from tests.web.bantuan import pengguna


@pytest.fixture
def bappeda(client):
    client.force_login(pengguna(Peran.BAPPEDA))
    return client


def _buka(jawaban):
    assert jawaban.status_code == 200
    assert jawaban["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(jawaban.content)).active


@pytest.mark.django_db
def test_dashboard_xlsx_has_numbers_as_numbers_and_missing_as_empty(bappeda):
    lembar = _buka(bappeda.get(reverse("web:kabupaten_dasbor_ekspor", args=["xlsx"]) + "?tahun=2023"))
    judul = [c.value for c in lembar[1]]
    baris = {r[0]: dict(zip(judul, r, strict=True)) for r in lembar.iter_rows(min_row=2, values_only=True)}
    assert set(baris) == {"Arjasa", "Kalisat", "Kencong", "Pakusari", "Sumbersari"}
    arjasa = next(b for b in selectors.dasbor(tahun=2023).baris if b.kecamatan.slug == "arjasa")
    assert baris["Arjasa"]["Rata-rata capaian (%)"] == pytest.approx(float(arjasa.nilai_capaian))
    assert baris["Arjasa"]["Pagu (Rp)"] == int(arjasa.anggaran.pagu)
    assert baris["Arjasa"]["Tahun"] == 2023
    assert baris["Kalisat"]["Rata-rata capaian (%)"] is None
    assert baris["Kalisat"]["Keterangan"] == "belum ada data"
    kolom = judul.index("Pagu (Rp)") + 1
    assert lembar.cell(row=2, column=kolom).number_format == '"Rp"#,##0'
    assert lembar.cell(row=2, column=judul.index("Tahun") + 1).number_format == "0"


@pytest.mark.django_db
def test_a_name_that_looks_like_a_formula_is_text_in_xlsx_and_csv(bappeda):
    Kecamatan.objects.filter(slug="arjasa").update(nama="=1+2 Arjasa")
    lembar = _buka(bappeda.get(reverse("web:kabupaten_dasbor_ekspor", args=["xlsx"]) + "?tahun=2023"))
    sel = next(r[0] for r in lembar.iter_rows(min_row=2) if str(r[0].value).startswith("="))
    assert sel.data_type == "s" and sel.quotePrefix
    teks = bappeda.get(reverse("web:kabupaten_dasbor_ekspor", args=["csv"]) + "?tahun=2023").content.decode()
    assert "\n'=1+2 Arjasa;" in teks


@pytest.mark.django_db
def test_matrix_csv_and_xlsx_carry_every_cell_with_target_and_realisasi(bappeda):
    jawaban = bappeda.get(reverse("web:kabupaten_matriks_ekspor", args=["csv"]) + "?tahun=2023")
    assert jawaban["Content-Disposition"] == 'attachment; filename="matriks-kabupaten-2023.csv"'
    baris = jawaban.content.decode("utf-8-sig").splitlines()
    judul = baris[0].split(";")
    assert judul[:4] == ["Peringkat", "Kecamatan", "Tahun", "Skala"] and "IKM: capaian (%)" in judul
    data = selectors.matriks(tahun=2023)
    pertama = baris[1].split(";")
    assert pertama[1] == data.baris[0].kecamatan.nama
    ikm = judul.index("IKM: capaian (%)")
    sel = next(s for s in data.baris[0].sel if s.katalog.kode == "ikm")
    assert pertama[ikm] == format(sel.capaian, "f").replace(".", ",")
    assert pertama[ikm + 2] == sel.baris.target_teks
    assert baris[-1].split(";")[1] == "Rata-rata kolom"

    lembar = _buka(bappeda.get(reverse("web:kabupaten_matriks_ekspor", args=["xlsx"]) + "?tahun=2023"))
    assert lembar.cell(row=2, column=ikm + 1).value == pytest.approx(float(sel.capaian))
    assert Decimal(str(lembar.cell(row=2, column=ikm + 1).value)) == sel.capaian


@pytest.mark.django_db
def test_an_unknown_format_is_404(bappeda):
    assert bappeda.get(reverse("web:kabupaten_dasbor_ekspor", args=["pdf"])).status_code == 404
