"""The stable command-line interfaces other tools depend on."""

import json

import pytest
from django.core.management import CommandError, call_command

from kecamatan.models import Kecamatan
from lkip.laporan.selectors import dokumen_lkip
from perencanaan.models import IndikatorTujuan, MisiRpjmd, Renstra, Rpjmd, TargetTujuan
from tests.factories import kecamatan_besar


def jalankan(capsys, *args) -> str:
    call_command(*args)
    return capsys.readouterr().out


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "harapan"),
    [
        (["--target", "90", "--realisasi", "86", "--tahun", "2024"],
         {"capaian": "95.56", "capaian_akhir": "95.56", "predikat": "Sangat Tinggi", "status": "terisi"}),
        (["--target", "100", "--realisasi", "102,5", "--skala", "akip-aa-d"],
         {"capaian": "102.50", "capaian_akhir": "100.00", "predikat": "AA", "status": "terisi"}),
        (["--target", "1.234,5", "--realisasi", "1.234,5", "--tahun", "2021"],
         {"capaian": "100.00", "capaian_akhir": "100.00", "predikat": "Baik", "status": "terisi"}),
        (["--target", "B (69)", "--realisasi", "80,41", "--tahun", "2024"],
         {"capaian": "116.54", "capaian_akhir": "116.54", "predikat": "Sangat Tinggi", "status": "terisi"}),
        (["--target", "10", "--realisasi", "12", "--polaritas", "negatif", "--skala", "akip-aa-d"],
         {"capaian": "80.00", "capaian_akhir": "80.00", "predikat": "BB", "status": "terisi"}),
        (["--target", "0", "--realisasi", "5", "--tahun", "2023"],
         {"capaian": None, "capaian_akhir": None, "predikat": None, "status": "tidak_dapat_dihitung"}),
    ],
)  # fmt: skip
def test_hitung_capaian_json(capsys, args, harapan):
    data = json.loads(jalankan(capsys, "hitung_capaian", *args, "--json"))
    assert {k: data[k] for k in harapan} == harapan


@pytest.mark.django_db
def test_hitung_capaian_readable(capsys):
    keluaran = jalankan(capsys, "hitung_capaian", "--target", "90", "--realisasi", "86", "--tahun", "2024")
    assert "95,56%" in keluaran and "Sangat Tinggi" in keluaran


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "pesan"),
    [
        (["hitung_capaian", "--target", "1.234", "--realisasi", "5", "--tahun", "2024"], "meragukan"),
        (["hitung_capaian", "--target", "sembilan", "--realisasi", "5", "--tahun", "2024"], "bukan angka"),
        (["hitung_capaian", "--target", "9", "--realisasi", "5", "--tahun", "1999"], "tahun 1999"),
        (["hitung_capaian", "--target", "9", "--realisasi", "5", "--skala", "tidak-ada"], "tidak dikenal"),
        (
            ["hitung_capaian", "--target", "0,000000000000001", "--realisasi", "9" * 15, "--tahun", "2024"],
            "paling banyak 4",
        ),  # a target the PK cannot hold; the capaian would overflow
        (["hitung_capaian", "--target", "90", "--realisasi", "1" * 28, "--tahun", "2024"], "terlalu besar"),
        (["hitung_capaian", "--target", "٩٠", "--realisasi", "86", "--tahun", "2024"], "angka selain 0–9"),
        (["capaian", "atlantis", "2024"], "tidak dikenal"),
        (["capaian", "kalisat", "2019"], "2019"),
        (["lkip_json", "atlantis", "2024"], "tidak dikenal"),
        (["lkip_json", "kalisat", "2010"], "2010"),
    ],
)
def test_bad_input_gives_a_clear_message_and_non_zero_exit(args, pesan):
    with pytest.raises(CommandError, match=pesan):
        call_command(*args)


@pytest.mark.django_db
def test_bad_input_exits_non_zero_from_the_shell():
    import subprocess
    import sys

    hasil = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "hitung_capaian",
            "--target",
            "x",
            "--realisasi",
            "1",
            "--skala",
            "akip-aa-d",
        ],
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "DJANGO_SETTINGS_MODULE": "lkip.settings.test"},
    )
    assert hasil.returncode != 0
    assert "bukan angka" in hasil.stderr


@pytest.mark.django_db
def test_lkip_json_holds_the_whole_year(capsys):
    data = json.loads(jalankan(capsys, "lkip_json", "kalisat", "2024"))
    assert data["kecamatan"]["slug"] == "kalisat"
    assert data["renstra"]["tahun_awal"] == 2021
    assert len([i for t in data["renstra"]["tujuan"] for s in t["sasaran"] for i in s["indikator"]]) == 6
    assert data["perjanjian_kinerja"][0]["pihak_pertama"]["jabatan"]
    assert data["capaian"]["rata_rata"] == {"capaian": "99.85", "predikat": "Sangat Tinggi"}
    assert data["anggaran"]["total"] == {
        "pagu": "4416692224.00",
        "realisasi": "3660926754.00",
        "serapan": "82.89",
    }
    program = data["anggaran"]["program"]
    assert len(program) == 4
    assert sum(len(k["sub_kegiatan"]) for p in program for k in p["kegiatan"]) == 13
    assert program[0]["pagu"] == "3116155160.00"
    assert {e["putusan"] for e in data["efisiensi"]} <= {"Efisien", "Kurang Efisien", None}
    ikm = next(
        i for t in data["renstra"]["tujuan"] for s in t["sasaran"] for i in s["indikator"]
        if i["uraian"] == "Indeks Kepuasan Masyarakat"
    )  # fmt: skip
    assert ikm["realisasi"]["2023"]["nilai"] == "84"
    assert ikm["target"]["2026"] == "100"


@pytest.mark.django_db
def test_lkip_json_agrees_with_capaian(capsys):
    for slug, tahun in [("arjasa", 2023), ("pakusari", 2021)]:
        capaian = json.loads(jalankan(capsys, "capaian", slug, str(tahun), "--json"))
        lkip = json.loads(jalankan(capsys, "lkip_json", slug, str(tahun)))
        assert lkip["capaian"]["rata_rata"] == capaian["rata_rata"]
        assert [b["capaian"] for b in lkip["capaian"]["indikator"]] == [
            b["capaian"] for b in capaian["indikator"]
        ]


@pytest.mark.django_db
def test_lkip_json_query_count_does_not_grow_with_the_data(django_assert_num_queries):
    kecil = kecamatan_besar(slug="kecil", indikator=2, sub_kegiatan=3)
    besar = kecamatan_besar(slug="besar", indikator=25, sub_kegiatan=60)
    # Two of them fetch the program and the kegiatan indicators, whatever their number.
    with django_assert_num_queries(39):
        dokumen_lkip(kecamatan=kecil, tahun=2024)
    with django_assert_num_queries(39):
        data = dokumen_lkip(kecamatan=besar, tahun=2024)
    assert len(data.capaian.indikator) == 25
    assert len(data.anggaran.semua_sub_kegiatan) == 60


@pytest.mark.django_db
def test_quarterly_values_roll_up_beside_the_typed_year(capsys):
    from capaian.models import Realisasi

    kalisat = Kecamatan.objects.get(slug="kalisat")
    ikm = Realisasi.objects.get(
        indikator__sasaran__renstra__kecamatan=kalisat, tahun=2024, indikator__kode="S2.1"
    )
    ikm.indikator.aturan_triwulan = "rata_rata"
    ikm.indikator.save()
    for tw, nilai in [(1, "80"), (2, "84"), (3, "90")]:
        ikm.triwulan.create(triwulan=tw, angka=nilai)
    data = json.loads(jalankan(capsys, "capaian", "kalisat", "2024", "--json"))
    baris = next(b for b in data["indikator"] if b["indikator_kode"] == "S2.1")
    # The typed yearly 86 is scored; the roll-up is shown beside it and the difference is a finding.
    assert (baris["realisasi"], baris["capaian"], baris["rekap_triwulan"]) == ("86", "95.56", "84.6667")
    assert [t["jenis"] for t in baris["temuan"]] == ["rekap_triwulan_berbeda"]
    assert "S2.1: Realisasi tahunan 86 berbeda dengan rekap triwulan 84,6667" in jalankan(
        capsys, "capaian", "kalisat", "2024"
    )

    ikm.angka = None
    ikm.save()
    data = json.loads(jalankan(capsys, "capaian", "kalisat", "2024", "--json"))
    baris = next(b for b in data["indikator"] if b["indikator_kode"] == "S2.1")
    assert (baris["realisasi"], baris["capaian"], baris["temuan"]) == ("84.6667", "94.07", [])


def _dengan_tujuan_dan_rpjmd(kecamatan, jumlah: int) -> None:
    """``jumlah`` tujuan indicators with a target each year, and an RPJMD with ``jumlah`` misi."""
    renstra = Renstra.objects.get(kecamatan=kecamatan)
    rpjmd = Rpjmd.objects.create(kabupaten=f"Uji {kecamatan.slug}", tahun_awal=2021, tahun_akhir=2026)
    for n in range(1, jumlah + 1):
        MisiRpjmd.objects.create(rpjmd=rpjmd, nomor=n, uraian=f"Misi {n}")
        indikator = IndikatorTujuan.objects.create(tujuan=renstra.tujuan.first(), urutan=n, uraian=f"Ind {n}")
        for tahun in renstra.tahun_periode:
            TargetTujuan.objects.create(indikator=indikator, tahun=tahun, angka=n)
    renstra.rpjmd, renstra.misi_rpjmd = rpjmd, 1
    renstra.save()


@pytest.mark.django_db
def test_tujuan_targets_and_the_rpjmd_keep_the_query_count_constant_at_any_size(django_assert_num_queries):
    kecil = kecamatan_besar(slug="kecil", indikator=2, sub_kegiatan=3)
    besar = kecamatan_besar(slug="besar", indikator=25, sub_kegiatan=60)
    _dengan_tujuan_dan_rpjmd(kecil, 2)
    _dengan_tujuan_dan_rpjmd(besar, 25)
    with django_assert_num_queries(41):
        dokumen_lkip(kecamatan=kecil, tahun=2024)
    with django_assert_num_queries(41):
        data = dokumen_lkip(kecamatan=besar, tahun=2024)
    (tujuan,) = data.renstra.tujuan
    assert len(tujuan.indikator) == 25
    assert tujuan.indikator[24].target[2024].angka == 25
    assert [m.nomor for m in data.renstra.rpjmd.misi] == list(range(1, 26))
