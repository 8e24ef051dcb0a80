"""Loading the seed documents: complete, idempotent, and all-or-nothing on bad input."""

import copy

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from anggaran.models import SubKegiatan
from capaian.models import Realisasi
from kecamatan.models import Kecamatan
from lkip.laporan.muat import DokumenTidakValid, kecamatan_muat
from perencanaan.models import Indikator, PerjanjianKinerja
from tests.conftest import FIXTURES, SEED, baca_dokumen

APP = ["kecamatan", "perencanaan", "capaian", "anggaran"]


def hitung_baris() -> dict[str, int]:
    return {m._meta.label: m.objects.count() for a in APP for m in apps.get_app_config(a).get_models()}


@pytest.mark.django_db
def test_the_five_seed_kecamatan_are_loaded():
    assert sorted(Kecamatan.objects.values_list("slug", flat=True)) == [
        "arjasa", "kalisat", "kencong", "pakusari", "sumbersari",
    ]  # fmt: skip
    for slug in SEED:
        kecamatan = Kecamatan.objects.get(slug=slug)
        assert PerjanjianKinerja.objects.filter(kecamatan=kecamatan).exists(), slug
        assert SubKegiatan.objects.filter(kegiatan__program__kecamatan=kecamatan).exists(), slug
        assert Realisasi.objects.for_kecamatan(kecamatan.pk).exists(), slug


@pytest.mark.django_db
def test_kalisat_fixture_matches_the_seed_primary_tables():
    kalisat = Kecamatan.objects.get(slug="kalisat")
    assert Indikator.objects.filter(sasaran__renstra__kecamatan=kalisat).count() == 6
    sub = SubKegiatan.objects.for_kecamatan_tahun(kalisat.pk, 2024)
    assert sub.count() == 13
    assert sum(s.pagu for s in sub) == 4416692224
    assert sum(s.realisasi for s in sub) == 3660926754


@pytest.mark.django_db
def test_loading_again_changes_nothing():
    sebelum = hitung_baris()
    for slug in SEED:
        call_command("muat_kecamatan", str(FIXTURES / f"{slug}.json"), verbosity=0)
    assert hitung_baris() == sebelum


@pytest.mark.django_db
def test_a_bad_value_stops_the_load_and_keeps_what_was_saved():
    dokumen = baca_dokumen("kalisat")
    rusak = copy.deepcopy(dokumen)
    rusak["kecamatan"]["nama"] = "Kalisat Baru"
    rusak["realisasi"][-1]["nilai"] = "delapan puluh"
    sebelum = hitung_baris()
    with pytest.raises(DokumenTidakValid, match="delapan puluh"):
        kecamatan_muat(dokumen=rusak)
    assert Kecamatan.objects.get(slug="kalisat").nama == "Kalisat"
    assert hitung_baris() == sebelum


@pytest.mark.django_db
def test_unknown_indicator_code_is_named():
    dokumen = baca_dokumen("kalisat")
    dokumen["realisasi"][0]["indikator"] = "S99.9"
    with pytest.raises(DokumenTidakValid, match="S99.9"):
        kecamatan_muat(dokumen=dokumen)


@pytest.mark.django_db
def test_command_reports_missing_and_malformed_files(tmp_path):
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command("muat_kecamatan", str(tmp_path / "tidak-ada.json"))
    rusak = tmp_path / "rusak.json"
    rusak.write_text("{bukan json")
    with pytest.raises(CommandError, match="bukan JSON"):
        call_command("muat_kecamatan", str(rusak))
    kurang = tmp_path / "kurang.json"
    kurang.write_text('{"profil": []}')
    with pytest.raises(CommandError, match="kecamatan"):
        call_command("muat_kecamatan", str(kurang))


@pytest.mark.django_db
def test_an_index_that_sums_its_quarters_is_refused():
    """Sumbersari's IKM was once «kumulatif» in the fixture; an index never rolls up by sum."""
    dokumen = baca_dokumen("sumbersari")
    ikm = next(
        i
        for t in dokumen["renstra"][0]["tujuan"]
        for s in t["sasaran"]
        for i in s["indikator"]
        if i["uraian"] == "Indeks Kepuasan Masyarakat"
    )
    assert ikm["aturan_triwulan"] == "terakhir"
    ikm["aturan_triwulan"] = "kumulatif"
    sebelum = hitung_baris()
    with pytest.raises(DokumenTidakValid, match="tidak dijumlahkan"):
        kecamatan_muat(dokumen=dokumen)
    assert hitung_baris() == sebelum


@pytest.mark.django_db
def test_officials_terms_are_loaded_where_the_seed_shows_them():
    from datetime import date

    from kecamatan.models import Pejabat

    camat = {
        p.nama: (p.mulai_menjabat, p.selesai_menjabat)
        for p in Pejabat.objects.filter(profil__kecamatan__slug="arjasa", jabatan="Camat Arjasa")
    }
    assert camat == {
        "A.FAUZI, S.Sos., M.Si.": (date(2023, 11, 21), None),
        "DENDHY RADIANT, S.STP": (None, None),
    }
    dokumen = baca_dokumen("arjasa")
    dokumen["profil"][0]["pejabat"][0]["mulai_menjabat"] = "2023-06-01"
    kecamatan_muat(dokumen=dokumen)
    assert Pejabat.objects.get(profil__kecamatan__slug="arjasa", kepala=True).mulai_menjabat == date(
        2023, 6, 1
    )


@pytest.mark.django_db
def test_quarterly_targets_and_the_iku_decree_text_are_loaded_from_the_seeds():
    from anggaran.models import Keluaran
    from perencanaan.models import PenetapanIku, TargetRkt

    gaji = Keluaran.objects.get(
        sub_kegiatan__kegiatan__program__kecamatan__slug="arjasa", uraian__startswith="Jumlah bulan ASN"
    )
    assert gaji.target_triwulan == {1: 3, 2: 4, 3: 4, 4: 3}
    ikm = TargetRkt.objects.get(rkt__kecamatan__slug="sumbersari", indikator__kode="S2.1")
    assert ikm.target_triwulan == {1: 25, 2: 25, 3: 25, 4: 25}
    assert TargetRkt.objects.get(rkt__kecamatan__slug="kalisat", indikator__kode="S2.1").target_triwulan == {}
    iku = PenetapanIku.objects.get(kecamatan__slug="sumbersari", tahun=2023)
    assert "Keputusan Sekretaris Daerah;" in iku.menimbang
    assert len(iku.mengingat.splitlines()) == 12


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("triwulan", "pesan"),
    [({"5": "1"}, "berkunci"), ({"1": "tiga"}, "target triwulan 1"), ([1, 2], "berkunci")],
)
def test_a_bad_quarterly_target_stops_the_load_with_its_place(triwulan, pesan):
    dokumen = copy.deepcopy(baca_dokumen("sumbersari"))
    dokumen["rkt"][0]["target"][0]["target_triwulan"] = triwulan
    with pytest.raises(DokumenTidakValid, match=pesan):
        kecamatan_muat(dokumen=dokumen)


def _indikator_dokumen(dokumen: dict) -> dict[str, list[tuple]]:
    """Program and kegiatan kode → their indicators in the document, as stored values."""
    from decimal import Decimal

    def nilai(teks):
        return None if teks is None else Decimal(teks)

    hasil = {}
    for p in dokumen["anggaran"][0]["program"]:
        for baris in [p, *p["kegiatan"]]:
            hasil[baris["kode"]] = [
                (i["uraian"], i.get("satuan") or "", nilai(i.get("target")), nilai(i.get("realisasi")))
                for i in baris.get("indikator", [])
            ]
    return hasil


def _indikator_tersimpan(slug: str, tahun: int) -> dict[str, list[tuple]]:
    from anggaran.models import Kegiatan, Program

    hasil = {}
    for p in Program.objects.filter(kecamatan__slug=slug, tahun=tahun).prefetch_related("indikator"):
        hasil[p.kode] = [(i.uraian, i.satuan, i.target, i.realisasi) for i in p.indikator.all()]
    for k in Kegiatan.objects.filter(program__kecamatan__slug=slug, program__tahun=tahun).prefetch_related(
        "indikator"
    ):
        hasil[k.kode] = [(i.uraian, i.satuan, i.target, i.realisasi) for i in k.indikator.all()]
    return hasil


@pytest.mark.django_db
@pytest.mark.parametrize("slug", SEED)
def test_program_and_kegiatan_indicators_are_loaded_as_the_document_lists_them(slug):
    dokumen = baca_dokumen(slug)
    assert _indikator_tersimpan(slug, dokumen["anggaran"][0]["tahun"]) == _indikator_dokumen(dokumen)


@pytest.mark.django_db
def test_the_seed_indicators_of_kencong_carry_the_realisasi_bab_iii_states():
    from decimal import Decimal

    from anggaran.models import IndikatorProgram

    realisasi = IndikatorProgram.objects.get(
        program__kecamatan__slug="kencong", program__kode="1", uraian="Persentase Realisasi Anggaran"
    )
    assert (realisasi.target, realisasi.realisasi, realisasi.capaian) == (
        Decimal("100"),
        Decimal("76.91"),
        Decimal("76.91"),
    )


@pytest.mark.django_db
def test_indicators_follow_the_document_when_it_changes_and_a_bad_target_is_named():
    from anggaran.models import HistoricalIndikatorKegiatan

    dokumen = baca_dokumen("kalisat")
    program = dokumen["anggaran"][0]["program"][0]
    kegiatan = program["kegiatan"][1]
    kegiatan["indikator"][0]["target"] = "41"
    kegiatan["indikator"].append({"uraian": "Jumlah dokumen keuangan", "satuan": "dokumen", "target": "2"})
    program.pop("indikator")
    kecamatan_muat(dokumen=dokumen)
    assert _indikator_tersimpan("kalisat", 2024) == _indikator_dokumen(dokumen)
    jumlah_riwayat = HistoricalIndikatorKegiatan.objects.count()
    kecamatan_muat(dokumen=dokumen)  # the same document again writes nothing
    assert HistoricalIndikatorKegiatan.objects.count() == jumlah_riwayat
    kegiatan["indikator"][0]["target"] = "empat puluh"
    with pytest.raises(DokumenTidakValid, match="Kegiatan 1.2 2024, target indikator"):
        kecamatan_muat(dokumen=dokumen)
