"""Renstra and RKT in the browser's forms: targets per year, new tujuan/sasaran/indikator,
a Renstra Perubahan that keeps every year's numbers, and the year's RKT."""

import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.template.loader import render_to_string
from django.urls import reverse

from lkip.accounts.models import Peran
from lkip.laporan.isi import isi_laporan
from perencanaan.models import (
    Indikator,
    IndikatorTujuan,
    RencanaKinerjaTahunan,
    Renstra,
    Sasaran,
    TargetRenstra,
    TargetTujuan,
)
from tests.web.bantuan import pengguna

pytestmark = pytest.mark.django_db


def alamat(nama: str, tahun: int = 2024) -> str:
    return reverse(f"web:{nama}", kwargs={"slug": "kalisat", "tahun": tahun})


@pytest.fixture
def operator(client):
    client.force_login(pengguna(Peran.OPERATOR, "kalisat"))
    return client


def isian_renstra(client) -> dict:
    form = client.get(alamat("renstra")).context["form"]
    data = {}
    for nama, field in form.fields.items():
        nilai = form.initial.get(nama, field.initial)
        if isinstance(nilai, bool):
            if nilai:
                data[nama] = "on"
        elif nilai is not None:
            data[nama] = nilai
    return data


def ikm() -> Indikator:
    return Indikator.objects.get(
        sasaran__renstra__kecamatan__slug="kalisat", uraian="Indeks Kepuasan Masyarakat"
    )


def test_operator_changes_a_yearly_target_in_indonesian_format(operator):
    data = isian_renstra(operator)
    data[f"t_{ikm().pk}_2025"] = "96,5"
    assert operator.post(alamat("renstra"), data).status_code == 302
    assert TargetRenstra.objects.get(indikator=ikm(), tahun=2025).angka == Decimal("96.5")


def test_a_malformed_target_is_refused_beside_its_field_and_nothing_is_saved(operator):
    data = isian_renstra(operator)
    data[f"t_{ikm().pk}_2025"] = "1.234"
    data[f"t_{ikm().pk}_2026"] = "99"
    jawaban = operator.post(alamat("renstra"), data)
    assert jawaban.status_code == 200
    assert "meragukan" in jawaban.content.decode()
    assert 'value="99"' in jawaban.content.decode()  # what was typed stays in the form
    assert TargetRenstra.objects.get(indikator=ikm(), tahun=2026).angka == Decimal("100")


def test_a_stale_renstra_form_is_refused(operator):
    data = isian_renstra(operator)
    TargetRenstra.objects.filter(indikator=ikm(), tahun=2025).update(angka=Decimal("94"))
    data[f"t_{ikm().pk}_2025"] = "97"
    jawaban = operator.post(alamat("renstra"), data)
    assert jawaban.status_code == 409
    assert "sudah diubah orang lain" in jawaban.content.decode()
    assert TargetRenstra.objects.get(indikator=ikm(), tahun=2025).angka == Decimal("94")


def test_operator_adds_a_tujuan_a_sasaran_and_an_indicator(operator):
    renstra = Renstra.objects.get(kecamatan__slug="kalisat")
    assert (
        operator.post(
            alamat("tujuan_tambah"), {"tujuan-kode": "T9", "tujuan-uraian": "Tujuan baru"}
        ).status_code
        == 302
    )
    tujuan = renstra.tujuan.get(kode="T9")
    data = {
        "sasaran-tujuan": tujuan.pk,
        "sasaran-kode": "S9",
        "sasaran-nomor": "9",
        "sasaran-uraian": "Sasaran baru",
    }
    assert operator.post(alamat("sasaran_tambah"), data).status_code == 302
    sasaran = renstra.sasaran.get(kode="S9")
    data = {
        "indikator-sasaran": sasaran.pk, "indikator-kode": "S9.1", "indikator-uraian": "Jumlah inovasi",
        "indikator-satuan": "inovasi", "indikator-jenis_nilai": "angka", "indikator-polaritas": "positif",
    }  # fmt: skip
    assert operator.post(alamat("indikator_tambah"), data).status_code == 302
    assert sasaran.indikator.get().kode == "S9.1"
    data["indikator-kode"] = "S2.1"  # already used in this Renstra
    jawaban = operator.post(alamat("indikator_tambah"), data)
    assert jawaban.status_code == 400
    assert "sudah dipakai" in jawaban.content.decode()


def test_a_sasaran_of_another_kecamatan_cannot_be_forged_into_the_form(operator):
    lain = Renstra.objects.filter(kecamatan__slug="arjasa").first().sasaran.first()
    data = {"indikator-sasaran": lain.pk, "indikator-kode": "X1", "indikator-uraian": "x",
            "indikator-jenis_nilai": "angka", "indikator-polaritas": "positif"}  # fmt: skip
    jawaban = operator.post(alamat("indikator_tambah"), data)
    assert jawaban.status_code == 400
    assert not Indikator.objects.filter(kode="X1").exists()


def indikator_json(dokumen: dict) -> dict[str, dict]:
    return {i["kode"]: i for t in dokumen["renstra"]["tujuan"] for s in t["sasaran"] for i in s["indikator"]}


def test_renstra_perubahan_takes_over_from_its_year_and_keeps_every_number(operator, capsys):
    call_command("lkip_json", "kalisat", "2024")
    sebelum = json.loads(capsys.readouterr().out)
    data = {
        "perubahan-nomor_keputusan": "Perbup 12/2024",
        "perubahan-tanggal_keputusan": "2024-03-01",
        "perubahan-berlaku_mulai": "2024",
    }
    assert operator.post(alamat("renstra_perubahan"), data).status_code == 302
    versi = Renstra.objects.filter(kecamatan__slug="kalisat").order_by("versi")
    assert [(r.versi, r.jenis, r.berlaku_mulai) for r in versi] == [
        (1, "perubahan", 2021),
        (2, "perubahan", 2024),
    ]
    call_command("lkip_json", "kalisat", "2024")
    sesudah = json.loads(capsys.readouterr().out)
    assert sesudah["renstra"]["versi"] == 2
    assert sesudah["capaian"] == sebelum["capaian"]
    assert sesudah["efisiensi"] == sebelum["efisiensi"]
    assert (
        indikator_json(sesudah)["S2.1"]["realisasi"]["2023"]["nilai"] == "84"
    )  # earlier years from version 1
    assert indikator_json(sesudah)["S2.1"]["realisasi"] == indikator_json(sebelum)["S2.1"]["realisasi"]
    call_command("lkip_json", "kalisat", "2023")
    assert json.loads(capsys.readouterr().out)["renstra"]["versi"] == 1
    # The RPJMD it follows and the tujuan indicators come along too.
    assert sesudah["renstra"]["rpjmd"] == sebelum["renstra"]["rpjmd"]
    assert sesudah["renstra"]["misi_rpjmd"] == 2
    assert [t["indikator"] for t in sesudah["renstra"]["tujuan"]] == [
        t["indikator"] for t in sebelum["renstra"]["tujuan"]
    ]


def test_renstra_perubahan_refuses_a_year_outside_the_period(operator):
    data = {"perubahan-nomor_keputusan": "Perbup 1/2030", "perubahan-berlaku_mulai": "2030"}
    jawaban = operator.post(alamat("renstra_perubahan"), data)
    assert jawaban.status_code == 400
    assert "Tahun berlaku harus antara 2021 dan 2026" in jawaban.content.decode()
    assert Renstra.objects.filter(kecamatan__slug="kalisat").count() == 1


def test_rkt_is_started_from_the_renstra_and_edited(operator):
    assert "Buat RKT dari target Renstra" in operator.get(alamat("rkt", 2025)).content.decode()
    assert operator.post(alamat("rkt_buat", 2025)).status_code == 302
    rkt = RencanaKinerjaTahunan.objects.get(kecamatan__slug="kalisat", tahun=2025)
    target = rkt.target.get(indikator=ikm())
    assert target.angka == Decimal("95")
    form = operator.get(alamat("rkt", 2025)).context["form"]
    data = {**form.initial, f"target_{target.pk}": "96,25", "tanggal": "2025-01-15"}
    assert operator.post(alamat("rkt", 2025), data).status_code == 302
    target.refresh_from_db()
    assert target.angka == Decimal("96.25")


def test_bappeda_reads_the_renstra_but_cannot_change_it(client):
    client.force_login(pengguna(Peran.BAPPEDA))
    assert client.get(alamat("renstra")).status_code == 200
    assert (
        client.post(alamat("tujuan_tambah"), {"tujuan-kode": "T9", "tujuan-uraian": "x"}).status_code == 403
    )


def test_an_index_cannot_be_set_to_sum_its_quarters(operator):
    data = isian_renstra(operator)
    data[f"i{ikm().pk}_aturan_triwulan"] = "kumulatif"
    data[f"t_{ikm().pk}_2025"] = "97"
    jawaban = operator.post(alamat("renstra"), data)
    assert jawaban.status_code == 200
    assert "realisasi triwulannya tidak dijumlahkan" in jawaban.content.decode()
    assert ikm().aturan_triwulan == "terakhir"  # nothing of the form is half-saved
    assert TargetRenstra.objects.get(indikator=ikm(), tahun=2025).angka != Decimal("97")


def sakip_tujuan() -> IndikatorTujuan:
    return IndikatorTujuan.objects.get(
        tujuan__renstra__kecamatan__slug="kalisat", uraian="Nilai SAKIP Kecamatan"
    )


def test_operator_sets_tujuan_targets_and_a_sasarans_strategi_and_the_report_prints_them(operator, capsys):
    sasaran = Sasaran.objects.get(renstra__kecamatan__slug="kalisat", kode="S2")
    data = isian_renstra(operator)
    data[f"tt_{sakip_tujuan().pk}_2024"] = "B (69)"
    data[f"it{sakip_tujuan().pk}_akhir"] = "B (75)"
    data[f"s{sasaran.pk}_strategi"] = "Memfasilitasi dan memantau penyelenggaraan pelayanan publik"
    assert operator.post(alamat("renstra"), data).status_code == 302
    target = TargetTujuan.objects.get(indikator=sakip_tujuan(), tahun=2024)
    assert (target.angka, target.huruf) == (Decimal("69"), "B")
    call_command("lkip_json", "kalisat", "2024")
    renstra = json.loads(capsys.readouterr().out)["renstra"]
    (indikator,) = [
        i for t in renstra["tujuan"] for i in t["indikator"] if i["uraian"] == "Nilai SAKIP Kecamatan"
    ]
    assert indikator["target"] == {"2024": "B (69)"}
    assert indikator["target_akhir"] == "B (75)"
    teks = render_to_string("laporan/lkip.html", isi_laporan(kecamatan=sasaran.renstra.kecamatan, tahun=2024))
    assert "Strategi dan Kebijakan per Sasaran" in teks
    assert "Memfasilitasi dan memantau penyelenggaraan pelayanan publik" in teks
    # Emptying the field removes the target again; missing is never 0.
    data = isian_renstra(operator)
    data[f"tt_{sakip_tujuan().pk}_2024"] = ""
    assert operator.post(alamat("renstra"), data).status_code == 302
    assert not TargetTujuan.objects.filter(indikator=sakip_tujuan()).exists()


def test_a_misi_the_rpjmd_does_not_have_is_refused_and_nothing_is_saved(operator):
    data = isian_renstra(operator)
    data["misi_rpjmd"] = "5"
    data[f"tt_{sakip_tujuan().pk}_2024"] = "B (69)"
    jawaban = operator.post(alamat("renstra"), data)
    assert jawaban.status_code == 200
    assert "Misi ke-5 tidak ada dalam RPJMD yang dipilih." in jawaban.content.decode()
    assert Renstra.objects.get(kecamatan__slug="kalisat").misi_rpjmd == 2
    assert not TargetTujuan.objects.filter(indikator=sakip_tujuan()).exists()
