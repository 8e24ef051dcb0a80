"""Every seed indicator scored under its year's scale equals the value computed by hand
from DOMAIN.md's rules (tests/data/capaian_seed), independently of this code."""

import json

import pytest
from django.core.management import call_command

from capaian.selectors import capaian_json, capaian_tahun
from kecamatan.models import Kecamatan
from tests.conftest import DATA, SEED

HARAPAN = {slug: json.loads((DATA / "capaian_seed" / f"{slug}.json").read_text()) for slug in SEED}


@pytest.mark.django_db
@pytest.mark.parametrize("slug", SEED)
def test_every_seed_indicator_scores_as_computed_by_hand(slug):
    harapan = HARAPAN[slug]
    data = capaian_json(capaian_tahun(kecamatan=Kecamatan.objects.get(slug=slug), tahun=harapan["tahun"]))
    assert data["skala"] == harapan["skala"]
    hasil = [
        {k: b[k] for k in ("indikator_kode", "target", "realisasi", "capaian", "capaian_akhir", "predikat")}
        for b in data["indikator"]
    ]
    assert hasil == [
        {
            "indikator_kode": h["kode"],
            "target": h["target"],
            "realisasi": h["realisasi"],
            "capaian": h["capaian"],
            "capaian_akhir": h["capaian_akhir"],
            "predikat": h["predikat"],
        }
        for h in harapan["indikator"]
    ]
    assert [[t["jenis"] for t in b["temuan"]] for b in data["indikator"]] == [
        h.get("temuan", []) for h in harapan["indikator"]
    ]
    assert [(s["kode"], s["capaian"], s["predikat"]) for s in data["sasaran"]] == [
        (s["kode"], s["capaian"], s["predikat"]) for s in harapan["sasaran"]
    ]
    assert data["rata_rata"] == harapan["rata_rata"]


@pytest.mark.django_db
def test_capaian_command_scores_kalisat_six_indicators_under_permendagri(capsys):
    call_command("capaian", "kalisat", "2024", "--json")
    data = json.loads(capsys.readouterr().out)
    assert data["kecamatan"] == "kalisat"
    assert data["tahun"] == 2024
    assert data["skala"] == "permendagri-86-2017"
    assert len(data["indikator"]) == 6
    ikm = next(b for b in data["indikator"] if b["indikator"] == "Indeks Kepuasan Masyarakat")
    assert ikm == {
        **ikm,
        "sasaran_no": 2,
        "polaritas": "positif",
        "target": "90",
        "realisasi": "86",
        "capaian": "95.56",
        "capaian_akhir": "95.56",
        "predikat": "Sangat Tinggi",
        "status": "terisi",
    }
    sakip = next(b for b in data["indikator"] if b["indikator"] == "Nilai SAKIP OPD")
    assert (sakip["target"], sakip["capaian"]) == ("B (69)", "116.54")
    assert data["rata_rata"] == {"capaian": "99.85", "predikat": "Sangat Tinggi"}
    for baris in data["indikator"]:
        assert set(baris) >= {
            "sasaran_no", "sasaran", "indikator", "satuan", "polaritas", "target", "realisasi",
            "capaian", "capaian_akhir", "predikat", "status",
        }  # fmt: skip
    assert set(data["sasaran"][0]) >= {"no", "sasaran", "capaian", "predikat"}


@pytest.mark.django_db
def test_capaian_command_prints_a_readable_table(capsys):
    call_command("capaian", "kencong", "2023")
    keluaran = capsys.readouterr().out
    assert "akip-aa-d" in keluaran
    assert "102,20%" in keluaran  # raw capaian
    assert "Rata-rata capaian: 96,84% AA" in keluaran
