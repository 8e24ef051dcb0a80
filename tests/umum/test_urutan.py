"""Codes sort the way people read them (3.2.10 after 3.2.9) in the budget tree, the tables,
the admin and the report, through one stored key and no re-sorting in Python."""

import re

import pytest
from django.urls import reverse

from anggaran.models import SubKegiatan
from anggaran.selectors import pohon_anggaran
from kecamatan.models import Kecamatan
from lkip.accounts.models import Peran
from perencanaan.models import Indikator
from tests import factories
from tests.web.bantuan import pengguna
from umum.urutan import kunci_kode


@pytest.mark.parametrize(
    "urut",
    [
        ["3.2.1", "3.2.2", "3.2.9", "3.2.10", "3.10", "10"],
        ["S1", "S1.1", "S1.2", "S1.9", "S1.10", "S2", "S10"],
        ["1", "1.1", "1.1.1", "1.2", "2"],
        ["5.01.01.2.01.0001", "5.01.01.2.01.0002", "5.01.01.2.01.0010"],
        ["T1", "t2", "T10"],
    ],
)
def test_codes_sort_as_they_read(urut):
    assert sorted(reversed(urut), key=kunci_kode) == urut


def test_the_key_holds_no_separator_a_collation_could_reorder():
    assert kunci_kode(" 3.2.10 ") == "000000000300000000020000000010"
    assert kunci_kode("S1.10") == "s00000000010000000010"


def _kode_sub_kegiatan(slug: str, tahun: int, kegiatan: str) -> list[str]:
    pohon = pohon_anggaran(kecamatan=Kecamatan.objects.get(slug=slug), tahun=tahun)
    k = next(k for p in pohon.program for k in p.kegiatan.all() if k.kode == kegiatan)
    return [s.kode for s in k.sub_kegiatan.all()]


@pytest.mark.django_db
def test_kencongs_budget_tree_puts_3_2_10_after_3_2_9():
    assert _kode_sub_kegiatan("kencong", 2023, "3.2")[-2:] == ["3.2.9", "3.2.10"]


def _kode_tercetak(html: str) -> list[str]:
    """The 3.2.x codes in the order the page prints them."""
    return re.findall(r"(?<![\d.])3\.2\.\d+(?![\d.])", html)


@pytest.mark.django_db
def test_the_budget_page_and_the_report_put_3_2_10_after_3_2_9(client):
    client.force_login(pengguna(Peran.BAPPEDA))
    for url in (
        reverse("web:anggaran", args=["kencong", 2023]),
        reverse("laporan:pratinjau", args=["kencong", 2023]),
    ):
        kode = _kode_tercetak(client.get(url).content.decode())
        assert "3.2.10" in kode
        # every table prints the ten sub kegiatan of 3.2 in reading order
        for i, k in enumerate(kode):
            if k == "3.2.10":
                assert kode[i - 9 : i + 1] == [f"3.2.{n}" for n in range(1, 11)]


@pytest.mark.django_db
def test_the_admin_sorts_the_code_column_naturally(client):
    client.force_login(pengguna(Peran.ADMIN, nama="admin-urut"))
    for urut in ("", "1"):  # the default ordering, and the «kode» column header clicked
        html = client.get(reverse("admin:anggaran_subkegiatan_changelist"), {"o": urut} if urut else {})
        kode = _kode_tercetak(html.content.decode())
        assert kode.index("3.2.9") < kode.index("3.2.10")


@pytest.mark.django_db
def test_indicators_sort_naturally_in_queries_and_the_report_document():
    from lkip.laporan.selectors import dokumen_lkip

    kecamatan = factories.kecamatan_besar(slug="urut", indikator=1, sub_kegiatan=1)
    ada = Indikator.objects.get(sasaran__renstra__kecamatan=kecamatan)
    ada.kode, ada.urutan = "S1.10", 0
    ada.save()
    sasaran = ada.sasaran
    for kode in ["S1.2", "S1.9", "S1.1"]:
        factories.IndikatorFactory(sasaran=sasaran, kode=kode, urutan=0)
    urut = ["S1.1", "S1.2", "S1.9", "S1.10"]
    assert [i.kode for i in Indikator.objects.filter(sasaran=sasaran)] == urut
    renstra = dokumen_lkip(kecamatan=kecamatan, tahun=2024).renstra
    assert [i.kode for i in renstra.tujuan[0].sasaran[0].indikator] == urut


@pytest.mark.django_db
def test_the_key_follows_the_code_on_every_save():
    sub = SubKegiatan.objects.get(kode="3.2.10", kegiatan__program__kecamatan__slug="kencong")
    sub.kode = "3.2.11"
    sub.save(update_fields=["kode"])
    sub.refresh_from_db()
    assert sub.kode_urut == kunci_kode("3.2.11")
