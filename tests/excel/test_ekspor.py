"""Excel exports read back with openpyxl: the same numbers as the capaian JSON and the budget
selectors, typed cells with Indonesian formats, formula-like text kept as text, scoped access."""

import io
from datetime import date, datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from anggaran.models import SubKegiatan
from anggaran.selectors import pohon_anggaran
from capaian.models import Realisasi
from capaian.selectors import capaian_json, capaian_tahun
from kecamatan.models import Kecamatan
from lkip.accounts.models import Peran
from perencanaan.models import PerjanjianKinerja
from tests.factories import kecamatan_besar
from tests.web.bantuan import indikator_pk, pengguna
from umum.lembar import FORMAT_DESIMAL, FORMAT_RUPIAH

pytestmark = pytest.mark.django_db

SLUG, TAHUN = "kalisat", 2024


def alamat(nama: str, slug: str = SLUG, tahun: int = TAHUN) -> str:
    return reverse(f"web:ekspor_{nama}", kwargs={"slug": slug, "tahun": tahun})


def unduh(client, nama: str, slug: str = SLUG, tahun: int = TAHUN):
    jawaban = client.get(alamat(nama, slug, tahun))
    assert jawaban.status_code == 200
    assert jawaban["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    assert 'filename="' in jawaban["Content-Disposition"] and jawaban["Content-Disposition"].endswith(
        '.xlsx"'
    )
    return load_workbook(io.BytesIO(jawaban.content))


def baris_data(lembar) -> list[dict]:
    """Rows below the header, keyed by the header's text, as cells (value, type and format)."""
    judul = [c.value for c in lembar[1]]
    return [dict(zip(judul, baris, strict=False)) for baris in lembar.iter_rows(min_row=2)]


def dua_tempat(nilai) -> str | None:
    return None if nilai is None else f"{Decimal(str(nilai)):.2f}"


@pytest.fixture
def operator(client):
    client.force_login(pengguna(Peran.OPERATOR, SLUG))
    return client


def test_capaian_workbook_has_the_numbers_of_the_capaian_json(operator):
    kecamatan = Kecamatan.objects.get(slug=SLUG)
    json = capaian_json(capaian_tahun(kecamatan=kecamatan, tahun=TAHUN))
    buku = unduh(operator, "capaian")
    assert buku.sheetnames == ["Capaian indikator", "Capaian sasaran", "Skala predikat"]
    baris = baris_data(buku["Capaian indikator"])
    assert [b["Kode"].value for b in baris] == [i["indikator_kode"] for i in json["indikator"]]
    for b, i in zip(baris, json["indikator"], strict=True):
        assert dua_tempat(b["Capaian (%)"].value) == i["capaian"]
        assert dua_tempat(b["Capaian dinilai (%)"].value) == i["capaian_akhir"]
        assert b["Predikat"].value == i["predikat"]
        assert b["Indikator"].value == i["indikator"]
        if i["capaian"] is not None:
            assert b["Capaian (%)"].data_type == "n" and b["Capaian (%)"].number_format == FORMAT_DESIMAL
        else:
            assert b["Capaian (%)"].value is None  # missing is an empty cell, never 0
        target = b["Target"].value
        if i["target"] is not None and i["target"][0].isdigit():
            assert b["Target"].data_type == "n" and Decimal(str(target)) == Decimal(i["target"])
        else:
            assert target == i["target"]
    sasaran = baris_data(buku["Capaian sasaran"])
    assert [
        (s["Kode"].value, dua_tempat(s["Capaian (%)"].value), s["Predikat"].value) for s in sasaran[:-1]
    ] == [(s["kode"], s["capaian"], s["predikat"]) for s in json["sasaran"]]
    akhir = sasaran[-1]
    assert akhir["Uraian sasaran"].value == "Rata-rata keseluruhan"
    assert dua_tempat(akhir["Capaian (%)"].value) == json["rata_rata"]["capaian"]
    skala = [[c.value for c in r] for r in buku["Skala predikat"].iter_rows()]
    assert any(r[0] == "Skala" and r[1].startswith(json["skala"]) for r in skala)
    assert {r[0] for r in skala} >= {"Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"}


def test_budget_workbook_has_the_amounts_of_the_budget_selector(operator):
    pohon = pohon_anggaran(kecamatan=Kecamatan.objects.get(slug=SLUG), tahun=TAHUN)
    buku = unduh(operator, "anggaran")
    baris = baris_data(buku["Realisasi anggaran"])
    program = [b for b in baris if b["Tingkat"].value == "Program"]
    assert [b["Kode"].value for b in program] == [p.kode for p in pohon.program]
    for b, p in zip(program, pohon.program, strict=True):
        jumlah = pohon.jumlah_program(p)
        assert Decimal(str(b["Pagu (Rp)"].value)) == jumlah.pagu
        assert b["Pagu (Rp)"].number_format == FORMAT_RUPIAH
        assert dua_tempat(b["Serapan (%)"].value) == dua_tempat(jumlah.serapan)
    sub = [b for b in baris if b["Tingkat"].value == "Sub kegiatan"]
    semua_sub = [s for p in pohon.program for k in p.kegiatan.all() for s in k.sub_kegiatan.all()]
    assert [b["Kode"].value for b in sub] == [s.kode for s in semua_sub]
    for b, s in zip(sub, semua_sub, strict=True):
        assert Decimal(str(b["Pagu (Rp)"].value)) == s.pagu
        assert (b["Realisasi (Rp)"].value is None) == (s.realisasi is None)
    total = baris[-1]
    assert total["Tingkat"].value == "Jumlah"
    assert Decimal(str(total["Pagu (Rp)"].value)) == pohon.total.pagu == Decimal("4416692224")
    assert dua_tempat(total["Serapan (%)"].value) == dua_tempat(pohon.total.serapan)
    keluaran = baris_data(buku["Keluaran"])
    assert len(keluaran) == sum(s.keluaran.count() for s in semua_sub)


def test_a_missing_budget_realisasi_is_an_empty_cell_and_its_totals_too(operator):
    sub = SubKegiatan.objects.for_kecamatan_tahun(Kecamatan.objects.get(slug=SLUG).pk, TAHUN).first()
    sub.realisasi = None
    sub.save()
    baris = baris_data(unduh(operator, "anggaran")["Realisasi anggaran"])
    sel = next(b for b in baris if b["Kode"].value == sub.kode and b["Tingkat"].value == "Sub kegiatan")
    assert sel["Realisasi (Rp)"].value is None and sel["Serapan (%)"].value is None
    assert baris[-1]["Realisasi (Rp)"].value is None


def test_text_that_looks_like_a_formula_stays_text(operator):
    indikator = indikator_pk(SLUG, TAHUN)[0]
    realisasi = Realisasi.objects.get(indikator=indikator, tahun=TAHUN)
    realisasi.faktor_keberhasilan = '=HYPERLINK("http://contoh.invalid","klik")'
    realisasi.hambatan = "-1 petugas cuti"
    realisasi.save()
    sub = SubKegiatan.objects.for_kecamatan_tahun(Kecamatan.objects.get(slug=SLUG).pk, TAHUN).first()
    sub.nama = "@SUM(1;2) penyediaan"
    sub.save()
    buku = unduh(operator, "tahun")
    baris = next(b for b in baris_data(buku["Realisasi"]) if b["Kode"].value == indikator.kode)
    for kolom, teks in [
        ("Faktor keberhasilan", realisasi.faktor_keberhasilan),
        ("Hambatan", realisasi.hambatan),
    ]:
        assert baris[kolom].value == teks
        assert baris[kolom].data_type == "s"
        assert baris[kolom].quotePrefix is True
    sel = next(b for b in baris_data(buku["Realisasi anggaran"]) if b["Kode"].value == sub.kode)
    assert sel["Uraian"].value == sub.nama and sel["Uraian"].data_type == "s" and sel["Uraian"].quotePrefix
    assert baris["Indikator"].quotePrefix is False  # ordinary text is left alone


def test_the_whole_year_workbook_has_every_part_with_dates_as_dates(operator):
    kecamatan = Kecamatan.objects.get(slug=SLUG)
    pk = PerjanjianKinerja.objects.berlaku(kecamatan, TAHUN)
    pk.tanggal = date(2024, 1, 2)
    pk.save()
    buku = unduh(operator, "tahun")
    assert buku.sheetnames == [
        "Profil", "Desa", "Pegawai", "Sarana", "Pejabat", "Target Renstra", "Renstra", "PK", "Anggaran PK",
        "Realisasi", "Capaian indikator", "Capaian sasaran", "Skala predikat", "Realisasi anggaran", "Keluaran",
    ]  # fmt: skip
    perjanjian = [b for b in baris_data(buku["PK"]) if b["Versi"].value == pk.versi]
    assert len(perjanjian) == pk.target.count()
    assert perjanjian[0]["Tanggal"].is_date and perjanjian[0]["Tanggal"].value == datetime(2024, 1, 2)
    profil = {b["Data"].value: b["Nilai"] for b in baris_data(buku["Profil"])}
    assert profil["Kecamatan"].value == "Kalisat" and profil["Tahun"].value == TAHUN
    assert profil["Tahun"].data_type == "n" and profil["Tahun"].number_format == "0"  # 2024, not 2.024
    assert len(baris_data(buku["Desa"])) == kecamatan.profil.get(tahun=TAHUN).desa.count()
    renstra = baris_data(buku["Target Renstra"])
    judul = [c.value for c in buku["Target Renstra"][1]]
    assert "Target 2021" in judul and "Target 2026" in judul
    kode_pk = {t.indikator.kode for t in pk.target.select_related("indikator")}
    assert kode_pk <= {b["Kode"].value for b in renstra}
    realisasi = {b["Kode"].value: b for b in baris_data(buku["Realisasi"])}
    for r in Realisasi.objects.filter(indikator__in=[t.indikator for t in pk.target.all()], tahun=TAHUN):
        if r.angka is not None and not r.huruf and not r.triwulan.exists():
            assert Decimal(str(realisasi[r.indikator.kode]["Realisasi tahun"].value)) == r.angka


def test_every_role_that_reads_the_year_may_download_and_other_kecamatan_get_404(client):
    for peran, kecamatan in [
        (Peran.OPERATOR, SLUG),
        (Peran.CAMAT, SLUG),
        (Peran.BAPPEDA, None),
        (Peran.INSPEKTORAT, None),
    ]:
        client.force_login(pengguna(peran, kecamatan))
        for nama in ("capaian", "anggaran", "tahun"):
            assert client.get(alamat(nama)).status_code == 200, (peran, nama)
            status = client.get(alamat(nama, slug="arjasa", tahun=2023)).status_code
            assert status == (404 if kecamatan else 200), (peran, nama)
    client.logout()
    assert client.get(alamat("tahun")).status_code == 302


def test_a_year_with_no_data_at_all_is_404(operator):
    assert operator.get(alamat("tahun", tahun=2099)).status_code == 404


def test_the_pages_offer_the_downloads(operator):
    tahun = operator.get(reverse("web:tahun", kwargs={"slug": SLUG, "tahun": TAHUN})).content.decode()
    assert alamat("tahun") in tahun and alamat("capaian") in tahun and "Unduh Excel" in tahun
    anggaran = operator.get(reverse("web:anggaran", kwargs={"slug": SLUG, "tahun": TAHUN})).content.decode()
    assert alamat("anggaran") in anggaran
    indikator = indikator_pk(SLUG, TAHUN)[0]
    realisasi = operator.get(
        reverse("web:realisasi", kwargs={"slug": SLUG, "tahun": TAHUN, "indikator_id": indikator.pk})
    ).content.decode()
    assert alamat("capaian") in realisasi


# The year's workbook reads the report's document, with its innovations, awards and photos; both
# budget workbooks read the budget tree, which fetches the program and kegiatan indicators too.
@pytest.mark.parametrize(("nama", "query"), [("capaian", 11), ("anggaran", 12), ("tahun", 43)])
def test_exports_take_the_same_queries_whatever_the_size(client, django_assert_num_queries, nama, query):
    kecil = kecamatan_besar(slug="kecil", indikator=2, sub_kegiatan=3)
    besar = kecamatan_besar(slug="besar", indikator=25, sub_kegiatan=40)
    client.force_login(pengguna(Peran.BAPPEDA))
    client.get(reverse("web:beranda"))  # the first request after the login saves the session
    with CaptureQueriesContext(connection) as q:
        assert client.get(alamat(nama, kecil.slug)).status_code == 200
    with django_assert_num_queries(query):
        buku = unduh(client, nama, besar.slug)
    assert len(q) == query
    lembar = {"capaian": "Capaian indikator", "anggaran": "Realisasi anggaran", "tahun": "Realisasi"}[nama]
    assert len(baris_data(buku[lembar])) >= 25
