"""Staff by pangkat/golongan and by education (ASN and non-ASN): loaded from the seeds, edited on
the profile's table page, printed in BAB I under the composition table, numbered only when
there are rows, with an empty count shown as "–" and left out of the total."""

import pytest
from django.template import Context, Template
from django.urls import reverse

from kecamatan.models import ProfilKecamatan, RincianPegawai
from lkip.accounts.models import Peran
from lkip.laporan.isi import isi_laporan
from tests.web.bantuan import pengguna
from tests.web.test_profil_tabel import kiriman

pytestmark = pytest.mark.django_db


def _bab1(slug: str, tahun: int):
    from kecamatan.models import Kecamatan

    return isi_laporan(kecamatan=Kecamatan.objects.get(slug=slug), tahun=tahun)["bab1"]


def _html(bab1) -> str:
    sisipan = Template(
        '{% load l10n %}{% localize off %}{% include "laporan/bab/_sdm.html" with r=b.sdm nama=b.nama %}'
        "{% endlocalize %}"
    )
    return " ".join(sisipan.render(Context({"b": bab1})).split())


def test_arjasa_prints_both_tables_with_the_seeds_totals():
    bab1 = _bab1("arjasa", 2023)
    assert bab1.sdm.pangkat.nomor.label == "Tabel 1.2"
    assert bab1.sdm.pendidikan.nomor.label == "Tabel 1.3"
    # The next numbered table of BAB I follows them (Arjasa lists no sarana: that table is left out).
    assert bab1.tabel_sarana is None and bab1.tabel_anggaran.label == "Tabel 1.4"
    assert (bab1.sdm.pangkat.jumlah, bab1.sdm.pendidikan.jumlah) == (15, 23)
    assert (bab1.sdm.jumlah_asn, bab1.sdm.jumlah_non_asn) == (15, 8)
    html = _html(bab1)
    assert "Jumlah ASN Kecamatan Arjasa menurut Pangkat/Golongan Ruang Tahun 2023" in html
    assert '<td>Penata Tingkat I</td><td class="tengah">III/d</td><td class="angka">3</td>' in html
    # "-" in the seed: shown as "–", not 0.
    assert '<td>Penata Muda Tingkat I</td><td class="tengah">III/b</td><td class="angka">–</td>' in html
    assert "didukung oleh 15 orang ASN dan 8 orang Non ASN" in html


def test_without_rows_no_table_is_printed_or_numbered():
    bab1 = _bab1("pakusari", 2021)
    assert bab1.sdm.pangkat is None and bab1.sdm.pendidikan is None
    # Pakusari lists no staff table either: BAB I's first numbered table is Tabel 1.1.
    berikut = [t for t in (bab1.tabel_pegawai, bab1.tabel_sarana, bab1.tabel_anggaran) if t]
    assert berikut[0].label == "Tabel 1.1"
    assert _html(bab1) == ""


def test_an_empty_count_is_left_out_of_the_total_and_all_empty_is_no_total():
    profil = ProfilKecamatan.objects.get(kecamatan__slug="kencong", tahun=2023)
    pangkat = list(profil.rincian_pegawai.filter(dasar="pangkat"))
    pangkat[0].jumlah = None  # Pembina Tingkat I, 1
    pangkat[0].save()
    assert _bab1("kencong", 2023).sdm.pangkat.jumlah == 10
    for r in pangkat:
        r.jumlah = None
        r.save()
    sdm = _bab1("kencong", 2023).sdm
    assert sdm.pangkat.jumlah is None
    assert '<td colspan="3">Jumlah</td><td class="angka">–</td>' in _html(_bab1("kencong", 2023))


def test_the_operator_adds_rows_on_the_profile_table_page(client):
    client.force_login(pengguna(Peran.OPERATOR, "kalisat"))
    alamat = reverse("web:profil_rincian_pegawai", kwargs={"slug": "kalisat", "tahun": 2024})
    data = kiriman(client, "rincian_pegawai")
    assert data["form-INITIAL_FORMS"] == "0"
    data |= {
        "form-0-dasar": "pangkat", "form-0-status": "asn", "form-0-uraian": "Penata Tingkat I",
        "form-0-golongan": "III/d", "form-0-jumlah": "4",
        "form-1-dasar": "pendidikan", "form-1-status": "non_asn", "form-1-uraian": "SMA", "form-1-jumlah": "11",
    }  # fmt: skip
    assert client.post(alamat, data).status_code == 302
    rows = list(RincianPegawai.objects.filter(profil__kecamatan__slug="kalisat").order_by("urutan"))
    assert [(r.dasar, r.status, r.uraian, r.golongan, r.jumlah) for r in rows] == [
        ("pangkat", "asn", "Penata Tingkat I", "III/d", 4),
        ("pendidikan", "non_asn", "SMA", "", 11),
    ]
    laporan = client.get(reverse("laporan:pratinjau", args=["kalisat", 2024])).content.decode()
    assert "Jumlah ASN Kecamatan Kalisat menurut Pangkat/Golongan Ruang Tahun 2024" in laporan

    salah = kiriman(client, "rincian_pegawai")
    salah["form-0-jumlah"] = "-3"
    assert client.post(alamat, salah).status_code == 200
    assert RincianPegawai.objects.get(pk=rows[0].pk).jumlah == 4
