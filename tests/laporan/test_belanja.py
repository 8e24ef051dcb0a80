"""Belanja Operasi and Belanja Modal: a choice on each sub kegiatan, loaded from the seeds, edited
on the Anggaran page, and reported in BAB III F (with the previous year's serapan when that year's
budget is in the system)."""

import copy
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.urls import reverse

from anggaran.models import JenisBelanja, SubKegiatan
from kecamatan.models import Kecamatan
from lkip.accounts.models import Peran
from lkip.laporan.isi import isi_laporan
from lkip.laporan.muat import DokumenTidakValid, kecamatan_muat
from lkip.laporan.selectors import dokumen_lkip
from tests.conftest import baca_dokumen
from tests.factories import KegiatanFactory, ProgramFactory, SubKegiatanFactory
from tests.web.bantuan import pengguna

pytestmark = pytest.mark.django_db


def _bab3_html(kecamatan: Kecamatan, tahun: int) -> str:
    bab3 = isi_laporan(kecamatan=kecamatan, tahun=tahun)["bab3"]
    sisipan = Template(
        '{% load l10n %}{% localize off %}{% include "laporan/bab/_belanja.html" %}{% endlocalize %}'
    )
    return " ".join(sisipan.render(Context({"r": bab3.belanja})).split())


def _per_jenis(slug: str, tahun: int) -> dict:
    dok = dokumen_lkip(kecamatan=Kecamatan.objects.get(slug=slug), tahun=tahun)
    return {j.jenis: (j.pagu, j.realisasi) for j in dok.anggaran.per_jenis}


def test_the_split_equals_what_the_seeds_print():
    # Arjasa 2023 BAB III C and Tabel 3.8; Kalisat 2024 BAB III F (pagu and realisasi of both).
    assert _per_jenis("arjasa", 2023) == {
        "operasi": (Decimal("3436986263"), Decimal("2948197153")),
        "modal": (Decimal("148428700"), Decimal("116150000")),
    }
    assert _per_jenis("kalisat", 2024) == {
        "operasi": (Decimal("4374921592"), Decimal("3625226754")),
        "modal": (Decimal("41770632"), Decimal("35700000")),
    }
    # Kencong's named rows are all operasi; its belanja modal is the one row the seed totals but
    # never itemises. Sumbersari and Pakusari do not say which row is which.
    kencong = _per_jenis("kencong", 2023)
    assert set(kencong) == {"operasi", "modal"}
    assert kencong["modal"] == (Decimal("44039600"), Decimal("33800000"))
    assert _per_jenis("sumbersari", 2023) == {}
    assert _per_jenis("pakusari", 2021) == {}


def test_bab_3_prints_the_split_table_with_shares_that_add_up():
    html = _bab3_html(Kecamatan.objects.get(slug="arjasa"), 2023)
    assert "Realisasi Anggaran menurut Jenis Belanja Tahun 2023" in html
    assert '<td>Belanja Operasi</td><td class="angka">3.436.986.263</td><td class="angka">95,86%</td>' in html
    assert '<td>Belanja Modal</td><td class="angka">148.428.700</td><td class="angka">4,14%</td>' in html
    assert '3.585.414.963</td><td class="angka">100,00%</td>' in html
    assert "Belanja Modal sebesar Rp148.428.700 (4,14% dari pagu), terealisasi Rp116.150.000 (78,25%)" in html


def test_no_classified_row_prints_no_table_and_takes_no_table_number():
    kecamatan = Kecamatan.objects.get(slug="sumbersari")
    isi = isi_laporan(kecamatan=kecamatan, tahun=2023)
    assert isi["bab3"].belanja.tabel is None
    assert not any("Jenis Belanja" in n.judul for n in isi["daftar"].tabel)
    assert "Belanja" not in _bab3_html(kecamatan, 2023)
    assert "jenis belanja" not in isi["ikhtisar"].kalimat_belanja


def test_rows_not_classified_are_shown_apart_never_counted_as_operasi():
    kecamatan = Kecamatan.objects.get(slug="arjasa")
    sub = SubKegiatan.objects.for_kecamatan_tahun(kecamatan.pk, 2023).get(kode="2.1.1")
    sub.jenis_belanja = ""
    sub.save()
    jenis = _per_jenis("arjasa", 2023)
    assert jenis[None] == (Decimal("387600000"), Decimal("386800000"))
    assert jenis["operasi"][0] == Decimal("3436986263") - Decimal("387600000")
    html = _bab3_html(kecamatan, 2023)
    assert '<td>Belum dikelompokkan</td><td class="angka">387.600.000</td>' in html
    assert "sedangkan Rp387.600.000 belum dikelompokkan menurut jenis belanja" in html


def _tahun_lalu(kecamatan: Kecamatan, tahun: int, baris: list[tuple[str, str | None]]) -> None:
    kegiatan = KegiatanFactory(program=ProgramFactory(kecamatan=kecamatan, tahun=tahun))
    for pagu, realisasi in baris:
        SubKegiatanFactory(
            kegiatan=kegiatan, pagu=Decimal(pagu), realisasi=None if realisasi is None else Decimal(realisasi)
        )


def test_serapan_is_compared_with_the_previous_year_when_its_budget_is_entered():
    kecamatan = Kecamatan.objects.get(slug="arjasa")
    assert _bab3_html(kecamatan, 2023).count("Pada tahun 2022") == 0
    # Arjasa's seed: 2022 pagu Rp3.232.811.959, realisasi Rp3.068.395.340 (94,91%), in two rows.
    _tahun_lalu(kecamatan, 2022, [("3000000000", "2900000000"), ("232811959", "168395340")])
    html = _bab3_html(kecamatan, 2023)
    assert (
        "Pada tahun 2022 pagu anggaran sebesar Rp3.232.811.959 terealisasi Rp3.068.395.340 (94,91%). "
        "Dibandingkan tahun tersebut, serapan anggaran tahun 2023 (85,47%) turun 9,44 poin persen."
    ) in html
    assert dokumen_lkip(kecamatan=kecamatan, tahun=2023).anggaran.tahun_lalu.tahun == 2022


def test_a_previous_year_with_missing_realisasi_is_not_compared():
    kecamatan = Kecamatan.objects.get(slug="arjasa")
    _tahun_lalu(kecamatan, 2022, [("3000000000", "2900000000"), ("232811959", None)])
    html = _bab3_html(kecamatan, 2023)
    assert (
        "realisasinya belum lengkap tercatat, sehingga serapan kedua tahun tidak dapat dibandingkan" in html
    )
    assert "poin persen" not in html


def test_the_split_and_the_previous_year_take_no_extra_query_at_any_size(django_assert_num_queries):
    kecamatan = Kecamatan.objects.get(slug="kalisat")
    # Kalisat's Renstra also has tujuan indicators (their targets) and an RPJMD (its misi).
    with django_assert_num_queries(42):
        dokumen_lkip(kecamatan=kecamatan, tahun=2024)
    _tahun_lalu(kecamatan, 2023, [(str(1000 + i), str(900 + i)) for i in range(30)])
    sasaran = SubKegiatan.objects.for_kecamatan_tahun(kecamatan.pk, 2024).first().sasaran
    kegiatan = KegiatanFactory(program=ProgramFactory(kecamatan=kecamatan, tahun=2024))
    for i in range(30):
        SubKegiatanFactory(kegiatan=kegiatan, sasaran=sasaran, jenis_belanja=["operasi", "modal", ""][i % 3])
    with django_assert_num_queries(42):
        dok = dokumen_lkip(kecamatan=kecamatan, tahun=2024)
    assert [j.jenis for j in dok.anggaran.per_jenis] == ["operasi", "modal", None]
    assert dok.anggaran.tahun_lalu.pagu == sum(Decimal(1000 + i) for i in range(30))


def test_an_unknown_kind_in_a_fixture_is_refused_with_its_place():
    rusak = copy.deepcopy(baca_dokumen("kalisat"))
    rusak["anggaran"][0]["program"][0]["kegiatan"][0]["sub_kegiatan"][0]["jenis_belanja"] = "pegawai"
    with pytest.raises(DokumenTidakValid, match="1.1.1"):
        kecamatan_muat(dokumen=rusak)
    sub = SubKegiatan.objects.for_kecamatan_tahun(Kecamatan.objects.get(slug="kalisat").pk, 2024).get(
        kode="1.1.1"
    )
    assert sub.jenis_belanja == JenisBelanja.OPERASI


def test_the_operator_sets_the_kind_on_the_budget_page(client):
    client.force_login(pengguna(Peran.OPERATOR, "kalisat"))
    alamat = reverse("web:anggaran", kwargs={"slug": "kalisat", "tahun": 2024})
    halaman = client.get(alamat)
    assert "Jenis belanja" in halaman.content.decode()
    form = halaman.context["form"]
    data = {
        k: (v if isinstance(v, str) else form.fields[k].prepare_value(v) if v is not None else "")
        for k, v in form.initial.items()
    }
    sub = form.sub_kegiatan[0]
    assert data[f"jenis_{sub.pk}"] == "operasi"
    assert client.post(alamat, {**data, f"jenis_{sub.pk}": "modal"}).status_code == 302
    assert SubKegiatan.objects.get(pk=sub.pk).jenis_belanja == JenisBelanja.MODAL
    salah = client.post(alamat, {**data, f"jenis_{sub.pk}": "pegawai"})
    assert salah.status_code == 200 and f'id="id_jenis_{sub.pk}-galat"' in salah.content.decode()
    assert SubKegiatan.objects.get(pk=sub.pk).jenis_belanja == JenisBelanja.MODAL
