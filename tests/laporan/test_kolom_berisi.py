"""BAB I's staff and desa tables print only the number columns that hold a value: a column the
seed leaves empty in every row (Arjasa's kebutuhan and jenis kelamin, Kalisat's luas and
penduduk per desa) would be a column of dashes, so it is left out and the text column takes
its width."""

import pytest
from django.template import Context, Template

from kecamatan.models import Kecamatan, ProfilKecamatan
from lkip.laporan.isi import isi_laporan

pytestmark = pytest.mark.django_db


def _bab1(slug: str, tahun: int):
    return isi_laporan(kecamatan=Kecamatan.objects.get(slug=slug), tahun=tahun)["bab1"]


def _html(bab1) -> str:
    halaman = Template(
        '{% load l10n %}{% localize off %}{% include "laporan/bab/_bab_1_pendahuluan.html" with b=b %}'
        "{% endlocalize %}"
    )
    return " ".join(halaman.render(Context({"b": bab1})).split())


def test_arjasa_prints_only_the_bezetting_column_of_its_staff_table():
    bab1 = _bab1("arjasa", 2023)
    assert bab1.kolom_pegawai.kunci == ("bezetting",)
    assert bab1.kolom_pegawai.lebar_teks == 100 - 5 - 16 - 11
    html = _html(bab1)
    assert "<th>Jabatan</th><th>Bezetting</th></tr>" in html
    assert "<th>Kebutuhan</th>" not in html and "<th>Laki-laki</th>" not in html
    assert '<td>Camat</td><td class="angka">1</td></tr>' in html
    assert '<td colspan="3">Jumlah</td><td class="angka">15</td></tr>' in html


def test_kalisat_keeps_every_staff_column_and_lists_its_desa_without_empty_columns():
    bab1 = _bab1("kalisat", 2024)
    assert bab1.kolom_pegawai.kunci == ("kebutuhan", "bezetting", "laki_laki", "perempuan")
    assert bab1.kolom_desa.kunci == () and bab1.kolom_desa.lebar_teks == 93
    html = _html(bab1)
    assert "<th>Kebutuhan</th><th>Bezetting</th><th>Laki-laki</th><th>Perempuan</th>" in html
    assert '<col class="l-7"><col class="l-93"></colgroup>' in html
    assert "Luas (km²)" not in html and "Jumlah Penduduk (jiwa)" not in html
    assert '<td class="tengah">1</td><td>Desa Ajung</td></tr>' in html


def test_a_desa_with_a_value_brings_its_column_back_with_dashes_for_the_others():
    profil = ProfilKecamatan.objects.get(kecamatan__slug="kalisat", tahun=2024)
    desa = profil.desa.first()
    desa.jumlah_penduduk = 7512
    desa.save()
    bab1 = _bab1("kalisat", 2024)
    assert bab1.kolom_desa.kunci == ("jumlah_penduduk",)
    html = _html(bab1)
    assert "<th>Desa/Kelurahan</th><th>Jumlah Penduduk (jiwa)</th>" in html
    assert '<col class="l-7"><col class="l-65"><col class="l-28"></colgroup>' in html
    assert f'<td>Desa {desa.nama}</td><td class="angka">7.512</td>' in html
    assert '<td>Desa Sebanen</td><td class="angka">–</td>' in html
