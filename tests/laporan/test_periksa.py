"""The consistency check: one clean year with no findings, then each rule broken on its own."""

import json
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command

from capaian.models import Bukti, Realisasi
from kecamatan.models import Desa, Kecamatan, KomposisiPegawai, Pejabat, SaranaPrasarana, UnitOrganisasi
from lkip.laporan import periksa as pemeriksaan
from lkip.laporan.periksa import Tingkat, ada_galat, periksa
from perencanaan.models import PenetapanIku, RencanaKinerjaTahunan, TargetRkt
from tests.factories import (
    IndikatorFactory,
    KecamatanFactory,
    KegiatanFactory,
    PerjanjianFactory,
    ProfilFactory,
    ProgramFactory,
    RealisasiFactory,
    RealisasiTriwulanFactory,
    RenstraFactory,
    SasaranFactory,
    SubKegiatanFactory,
    TargetPerjanjianFactory,
    TargetRenstraFactory,
    TujuanFactory,
    kecamatan_besar,
)

pytestmark = pytest.mark.django_db

TAHUN = 2024


def _bersih(slug: str = "bersih", indikator: int = 2) -> Kecamatan:
    """A year with nothing to find: every table, signature and comparison filled in."""
    kecamatan = KecamatanFactory(slug=slug)
    profil = ProfilFactory(
        kecamatan=kecamatan, tahun=TAHUN, luas_km2=Decimal("50.53"), jumlah_penduduk=80359,
        tanggal_laporan=date(2025, 2, 7),
    )  # fmt: skip
    Desa.objects.create(profil=profil, nama="Kalisat")
    KomposisiPegawai.objects.create(profil=profil, jabatan="Camat", kebutuhan=1, bezetting=1)
    SaranaPrasarana.objects.create(profil=profil, nama="Kantor", jumlah=1)
    UnitOrganisasi.objects.create(profil=profil, kode="camat", nama="Camat")
    Pejabat.objects.create(
        profil=profil, jabatan="Camat Uji", nama="Drs. CAMAT UJI, M.Si.", pangkat="Pembina",
        nip="19680906 199503 1 003", kepala=True, mulai_menjabat=date(2023, 1, 2),
    )  # fmt: skip
    PenetapanIku.objects.create(
        kecamatan=kecamatan, tahun=TAHUN, nomor="065/1/2024", tanggal=date(2024, 1, 26)
    )
    renstra = RenstraFactory(kecamatan=kecamatan)
    tujuan = TujuanFactory(renstra=renstra)
    perjanjian = PerjanjianFactory(
        kecamatan=kecamatan, tahun=TAHUN, tanggal=date(2024, 1, 26), pihak_pertama_nama="Drs. CAMAT UJI, M.Si.",
        pihak_pertama_nip="19680906 199503 1 003", pihak_pertama_pangkat="Pembina",
    )  # fmt: skip
    rkt = RencanaKinerjaTahunan.objects.create(kecamatan=kecamatan, tahun=TAHUN, tanggal=date(2024, 1, 29))
    program = ProgramFactory(kecamatan=kecamatan, tahun=TAHUN)
    kegiatan = KegiatanFactory(program=program)
    for i in range(indikator):
        sasaran = SasaranFactory(tujuan=tujuan, renstra=renstra, nomor=i + 1)
        ind = IndikatorFactory(sasaran=sasaran, kode=f"S{i + 1}.1")
        TargetRenstraFactory(indikator=ind, tahun=TAHUN, angka=Decimal("90"))
        TargetPerjanjianFactory(perjanjian=perjanjian, indikator=ind, angka=Decimal("90"), urutan=i)
        TargetRkt.objects.create(rkt=rkt, indikator=ind, angka=Decimal("90"))
        realisasi = RealisasiFactory(
            indikator=ind, tahun=TAHUN, angka=Decimal("86"), pembanding_nasional="80",
            pembanding_provinsi="82", pembanding_kabupaten="84",
        )  # fmt: skip
        Bukti.objects.create(realisasi=realisasi, tautan="https://contoh.go.id/bukti.pdf")
        RealisasiFactory(indikator=ind, tahun=TAHUN - 1)
        SubKegiatanFactory(kegiatan=kegiatan, sasaran=sasaran)
    return kecamatan


def _aturan(kecamatan: Kecamatan, tahun: int = TAHUN) -> list[tuple[str, Tingkat]]:
    return [(t.aturan, t.tingkat) for t in periksa(kecamatan=kecamatan, tahun=tahun)]


def _realisasi(kecamatan: Kecamatan, kode: str = "S1.1", tahun: int = TAHUN) -> Realisasi:
    return Realisasi.objects.get(
        indikator__sasaran__renstra__kecamatan=kecamatan, indikator__kode=kode, tahun=tahun
    )


def test_a_clean_year_has_no_finding():
    kecamatan = _bersih()
    assert periksa(kecamatan=kecamatan, tahun=TAHUN) == []
    assert not ada_galat([])


def test_every_rule_of_the_table_is_tested_here():
    diuji = {
        "tanpa_perjanjian", "pk_beda_renstra", "rkt_beda_pk", "indikator_tanpa_nilai",
        "realisasi_beda_triwulan", "huruf_di_luar_pita", "realisasi_di_atas_pagu",
        "sasaran_tanpa_sub_kegiatan", "sub_kegiatan_tanpa_sasaran", "capaian_lebih_tanpa_analisis",
        "penanda_tangan_tidak_lengkap", "penanda_tangan_tidak_menjabat", "tahun_lalu_kosong",
        "bukti_kosong", "profil_kosong", "pembanding_kosong", "pembanding_tidak_terbaca",
        "tanggal_laporan_sebelum_akhir_tahun", "tanpa_iku",
    }  # fmt: skip
    assert {a.kode for a in pemeriksaan.ATURAN} == diuji


def test_a_year_without_pk_is_an_error():
    kecamatan = KecamatanFactory(slug="tanpa-pk", nama="Tanpa PK")
    temuan = periksa(kecamatan=kecamatan, tahun=TAHUN)
    assert (temuan[0].aturan, temuan[0].tingkat, temuan[0].url) == (
        "tanpa_perjanjian", Tingkat.GALAT, f"/k/tanpa-pk/{TAHUN}/perjanjian/",
    )  # fmt: skip
    assert temuan[0].pesan == f"Kecamatan Tanpa PK belum memiliki Perjanjian Kinerja tahun {TAHUN}."
    assert ada_galat(temuan)


def test_a_year_without_a_chosen_scale_sends_to_the_administrator():
    kecamatan = _bersih()
    kecamatan.perjanjian_kinerja.update(tahun=2030)
    [temuan] = [t for t in periksa(kecamatan=kecamatan, tahun=2030) if t.aturan == "tanpa_perjanjian"]
    assert temuan.pesan.startswith("Belum ada skala predikat yang dipilih untuk tahun 2030.")
    assert temuan.url == "/admin/capaian/skalatahun/"


def test_pk_target_differing_from_renstra_is_an_error_unless_a_perubahan_is_recorded():
    kecamatan = _bersih()
    target = kecamatan.perjanjian_kinerja.get().target.get(indikator__kode="S1.1")
    target.angka = Decimal("95")
    target.save()
    TargetRkt.objects.filter(indikator=target.indikator).update(angka=Decimal("95"))
    [temuan] = periksa(kecamatan=kecamatan, tahun=TAHUN)
    assert (temuan.aturan, temuan.tingkat) == ("pk_beda_renstra", Tingkat.GALAT)
    assert "S1.1 (95)" in temuan.pesan and "(90)" in temuan.pesan
    assert temuan.url == f"/k/bersih/{TAHUN}/perjanjian/"
    kecamatan.perjanjian_kinerja.update(jenis="perubahan")
    assert periksa(kecamatan=kecamatan, tahun=TAHUN) == []


def test_same_value_written_with_more_decimals_is_not_a_difference():
    kecamatan = _bersih()
    TargetRkt.objects.filter(rkt__kecamatan=kecamatan).update(angka=Decimal("90.0000"))
    assert periksa(kecamatan=kecamatan, tahun=TAHUN) == []


def test_rkt_disagreeing_with_pk_is_an_error():
    kecamatan = _bersih()
    TargetRkt.objects.filter(indikator__kode="S1.1", rkt__kecamatan=kecamatan).update(angka=Decimal("85"))
    TargetRkt.objects.filter(indikator__kode="S2.1", rkt__kecamatan=kecamatan).delete()
    temuan = periksa(kecamatan=kecamatan, tahun=TAHUN)
    assert [(t.aturan, t.tingkat) for t in temuan] == [("rkt_beda_pk", Tingkat.PERINGATAN)] * 2
    assert "Target RKT S1.1 (85) berbeda dengan target PK (90)" in temuan[0].pesan
    assert "S2.1 ada di PK tetapi tidak ada di RKT" in temuan[1].pesan
    assert temuan[0].url == f"/k/bersih/{TAHUN}/rkt/"


def test_an_indicator_without_target_or_realisasi_is_an_error():
    kecamatan = _bersih()
    kecamatan.perjanjian_kinerja.get().target.filter(indikator__kode="S1.1").update(angka=None)
    TargetRkt.objects.filter(indikator__kode="S1.1", rkt__kecamatan=kecamatan).update(angka=None)
    TargetRenstraFactory._meta.model.objects.filter(indikator__kode="S1.1", indikator__sasaran__renstra__kecamatan=kecamatan).update(angka=None)  # fmt: skip
    r = _realisasi(kecamatan, "S2.1")
    Realisasi.objects.filter(pk=r.pk).update(angka=None, status=Realisasi.Status.BELUM_DIISI)
    temuan = [t for t in periksa(kecamatan=kecamatan, tahun=TAHUN) if t.aturan == "indikator_tanpa_nilai"]
    assert [t.pesan for t in temuan] == ["Target PK S1.1 belum diisi.", "Realisasi S2.1 belum diisi."]
    assert all(t.tingkat == Tingkat.GALAT for t in temuan)
    assert temuan[1].url == f"/k/bersih/{TAHUN}/realisasi/{r.indikator_id}/"


def test_a_yearly_realisasi_differing_from_its_quarters_is_an_error():
    kecamatan = _bersih()
    r = _realisasi(kecamatan)
    r.indikator.aturan_triwulan = "terakhir"
    r.indikator.save()
    for tw, angka in ((1, "70"), (2, "75"), (3, "78"), (4, "80")):
        RealisasiTriwulanFactory(realisasi=r, triwulan=tw, angka=Decimal(angka))
    [temuan] = periksa(kecamatan=kecamatan, tahun=TAHUN)
    assert (temuan.aturan, temuan.tingkat) == ("realisasi_beda_triwulan", Tingkat.GALAT)
    assert temuan.pesan.startswith("S1.1") and "tahunan 86" in temuan.pesan and "triwulan 80" in temuan.pesan
    r.triwulan.filter(triwulan=4).update(angka=Decimal("86"))
    assert periksa(kecamatan=kecamatan, tahun=TAHUN) == []


@pytest.mark.parametrize(
    ("huruf", "angka", "ada_temuan"),
    [("B", "69", False), ("B", "70", False), ("B", "87", True), ("B", "100", True), ("BB", "70", True)],
)
def test_a_letter_whose_number_lies_outside_its_band_is_an_error(huruf, angka, ada_temuan):
    kecamatan = _bersih()
    r = _realisasi(kecamatan)
    Realisasi.objects.filter(pk=r.pk).update(huruf=huruf, angka=Decimal(angka))
    temuan = [t for t in periksa(kecamatan=kecamatan, tahun=TAHUN) if t.aturan == "huruf_di_luar_pita"]
    assert bool(temuan) is ada_temuan
    if ada_temuan:
        assert temuan[0].tingkat == Tingkat.GALAT
        assert f"«{huruf} ({angka})»" in temuan[0].pesan


def test_a_letter_band_comes_from_the_scale_when_the_scale_has_that_letter():
    skala = pemeriksaan.scoring.Skala(
        kode="uji",
        pita=(pemeriksaan.scoring.Pita(kode="B", bawah=Decimal("60"), atas=Decimal("75")),),
    )
    pita = pemeriksaan._pita_huruf("B", skala, pemeriksaan.scoring.KONVERSI_HURUF_BAWAAN)
    assert pita.memuat(Decimal("74")) and not pita.memuat(Decimal("76"))
    bawaan = pemeriksaan._pita_huruf("D", skala, pemeriksaan.scoring.KONVERSI_HURUF_BAWAAN)
    assert bawaan.memuat(Decimal("0")) and bawaan.memuat(Decimal("30")) and not bawaan.memuat(Decimal("31"))


def test_budget_realisasi_above_pagu_is_an_error():
    kecamatan = _bersih()
    sub = kecamatan.program.get().kegiatan.get().sub_kegiatan.first()
    sub.realisasi = sub.pagu + 1
    sub.save()
    [temuan] = periksa(kecamatan=kecamatan, tahun=TAHUN)
    assert (temuan.aturan, temuan.tingkat) == ("realisasi_di_atas_pagu", Tingkat.GALAT)
    assert "Rp1.000.001" in temuan.pesan and "Rp1.000.000" in temuan.pesan
    assert temuan.url == f"/k/bersih/{TAHUN}/anggaran/"


def test_a_sasaran_without_sub_kegiatan_and_a_sub_kegiatan_without_sasaran_are_warnings():
    kecamatan = _bersih()
    sub = kecamatan.program.get().kegiatan.get().sub_kegiatan.first()
    sub.sasaran = None
    sub.save()
    temuan = periksa(kecamatan=kecamatan, tahun=TAHUN)
    assert [(t.aturan, t.tingkat) for t in temuan] == [
        ("sasaran_tanpa_sub_kegiatan", Tingkat.PERINGATAN),
        ("sub_kegiatan_tanpa_sasaran", Tingkat.PERINGATAN),
    ]
    assert not ada_galat(temuan)


def test_capaian_above_100_needs_an_explanation_in_the_analysis():
    kecamatan = _bersih()
    r = _realisasi(kecamatan)
    Realisasi.objects.filter(pk=r.pk).update(angka=Decimal("99"))
    [temuan] = periksa(kecamatan=kecamatan, tahun=TAHUN)
    assert (temuan.aturan, temuan.tingkat) == ("capaian_lebih_tanpa_analisis", Tingkat.PERINGATAN)
    assert "110,00%" in temuan.pesan
    Realisasi.objects.filter(pk=r.pk).update(faktor_keberhasilan="Layanan daring dibuka sejak Maret.")
    assert periksa(kecamatan=kecamatan, tahun=TAHUN) == []


def test_missing_signatory_date_nip_or_pangkat():
    kecamatan = _bersih()
    kecamatan.perjanjian_kinerja.update(pihak_kedua_nama="", pihak_pertama_pangkat="")
    kecamatan.profil.update(tanggal_laporan=None)
    temuan = [
        t for t in periksa(kecamatan=kecamatan, tahun=TAHUN) if t.aturan == "penanda_tangan_tidak_lengkap"
    ]
    assert [(t.tingkat, t.pesan) for t in temuan] == [
        (Tingkat.GALAT, "LKIP: tanggal penandatanganan belum diisi lengkap."),
        (Tingkat.GALAT, "PK (pihak kedua): penanda tangan belum ada."),
        (Tingkat.PERINGATAN, "PK (pihak pertama): pangkat Drs. CAMAT UJI, M.Si. belum diisi."),
    ]
    assert temuan[0].url == f"/k/bersih/{TAHUN}/profil/"


def test_a_report_without_its_head_signatory_is_an_error():
    kecamatan = _bersih()
    Pejabat.objects.filter(profil__kecamatan=kecamatan).update(kepala=False)
    pesan = [t.pesan for t in periksa(kecamatan=kecamatan, tahun=TAHUN) if t.tingkat == Tingkat.GALAT]
    assert pesan == [
        "LKIP: penanda tangan belum ada.",
        "Keputusan IKU: penanda tangan belum ada.",
        "RKT: penanda tangan belum ada.",
    ]


def test_a_signatory_out_of_office_on_the_documents_date_is_an_error():
    kecamatan = _bersih()
    Pejabat.objects.filter(profil__kecamatan=kecamatan).update(mulai_menjabat=date(2024, 3, 1))
    temuan = periksa(kecamatan=kecamatan, tahun=TAHUN)
    assert [(t.aturan, t.tingkat) for t in temuan] == [("penanda_tangan_tidak_menjabat", Tingkat.GALAT)] * 3
    assert temuan[0].pesan.startswith(
        "Keputusan IKU bertanggal 26 Januari 2024 ditandatangani Drs. CAMAT UJI"
    )
    assert "1 Maret 2024 – …" in temuan[0].pesan
    assert temuan[1].pesan.startswith("RKT bertanggal 29 Januari 2024")
    assert temuan[2].pesan.startswith("PK (pihak pertama) bertanggal 26 Januari 2024")
    assert temuan[0].url == f"/k/bersih/{TAHUN}/profil/pejabat/"
    Pejabat.objects.filter(profil__kecamatan=kecamatan).update(
        mulai_menjabat=date(2022, 1, 1), selesai_menjabat=date(2024, 12, 31)
    )
    [akhir] = periksa(kecamatan=kecamatan, tahun=TAHUN)
    assert akhir.pesan.startswith("LKIP bertanggal 7 Februari 2025")


def test_the_check_judges_the_official_the_report_prints_for_each_date():
    """Two Camat in a year: each document is signed, and judged, by the one in office that day."""
    kecamatan = _bersih()
    profil = kecamatan.profil.get()
    Pejabat.objects.filter(profil=profil).update(mulai_menjabat=date(2024, 3, 1))
    Pejabat.objects.create(
        profil=profil, jabatan="Camat Uji", nama="LAMA, S.STP", pangkat="Pembina", nip="19811220 200012 1 001",
        selesai_menjabat=date(2024, 2, 29),
    )  # fmt: skip
    kecamatan.perjanjian_kinerja.update(
        pihak_pertama_nama="LAMA, S.STP", pihak_pertama_nip="19811220 200012 1 001"
    )
    assert periksa(kecamatan=kecamatan, tahun=TAHUN) == []


def test_no_iku_indicator_is_a_warning_because_the_iku_tables_are_left_out():
    from perencanaan.models import Indikator

    kecamatan = _bersih()
    Indikator.objects.filter(sasaran__renstra__kecamatan=kecamatan).update(is_iku=False)
    [temuan] = periksa(kecamatan=kecamatan, tahun=TAHUN)
    assert (temuan.aturan, temuan.tingkat) == ("tanpa_iku", Tingkat.PERINGATAN)
    assert temuan.url == f"/k/bersih/{TAHUN}/renstra/"


def test_a_report_signed_before_its_year_ends_is_an_error():
    kecamatan = _bersih()
    kecamatan.profil.update(tanggal_laporan=date(TAHUN, 1, 31))
    [temuan] = periksa(kecamatan=kecamatan, tahun=TAHUN)
    assert (temuan.aturan, temuan.tingkat) == ("tanggal_laporan_sebelum_akhir_tahun", Tingkat.GALAT)
    assert temuan.pesan.startswith(f"LKIP tahun {TAHUN} bertanggal 31 Januari {TAHUN}, sebelum tahun")
    assert temuan.url == f"/k/bersih/{TAHUN}/profil/"
    kecamatan.profil.update(tanggal_laporan=date(TAHUN + 1, 1, 1))
    assert periksa(kecamatan=kecamatan, tahun=TAHUN) == []


def test_a_signatory_without_a_recorded_term_is_not_judged():
    kecamatan = _bersih()
    Pejabat.objects.filter(profil__kecamatan=kecamatan).update(mulai_menjabat=None)
    assert periksa(kecamatan=kecamatan, tahun=TAHUN) == []


def test_a_missing_earlier_year_is_a_warning_linked_to_that_year():
    kecamatan = _bersih()
    lalu = _realisasi(kecamatan, tahun=TAHUN - 1)
    lalu.delete()
    [temuan] = periksa(kecamatan=kecamatan, tahun=TAHUN)
    assert (temuan.aturan, temuan.tingkat) == ("tahun_lalu_kosong", Tingkat.PERINGATAN)
    assert temuan.url == f"/k/bersih/{TAHUN - 1}/realisasi/{lalu.indikator_id}/"


def test_missing_evidence_is_a_warning():
    kecamatan = _bersih()
    Bukti.objects.filter(realisasi=_realisasi(kecamatan, "S2.1")).delete()
    [temuan] = periksa(kecamatan=kecamatan, tahun=TAHUN)
    assert (temuan.aturan, temuan.tingkat, temuan.pesan) == (
        "bukti_kosong", Tingkat.PERINGATAN, "Bukti dukung realisasi S2.1 belum diunggah.",
    )  # fmt: skip


def test_an_empty_profile_table_the_report_prints_is_a_warning_and_no_profile_an_error():
    kecamatan = _bersih()
    SaranaPrasarana.objects.filter(profil__kecamatan=kecamatan).delete()
    kecamatan.profil.update(jumlah_penduduk=None)
    temuan = periksa(kecamatan=kecamatan, tahun=TAHUN)
    assert [(t.aturan, t.tingkat, t.url) for t in temuan] == [
        ("profil_kosong", Tingkat.PERINGATAN, f"/k/bersih/{TAHUN}/profil/sarana/"),
        ("profil_kosong", Tingkat.PERINGATAN, f"/k/bersih/{TAHUN}/profil/"),
    ]
    kecamatan.profil.all().delete()
    assert ("profil_kosong", Tingkat.GALAT) in _aturan(kecamatan)


def test_missing_comparison_values_are_a_warning():
    kecamatan = _bersih()
    Realisasi.objects.filter(pk=_realisasi(kecamatan).pk).update(
        pembanding_nasional="", pembanding_provinsi=""
    )
    [temuan] = periksa(kecamatan=kecamatan, tahun=TAHUN)
    assert (temuan.aturan, temuan.tingkat) == ("pembanding_kosong", Tingkat.PERINGATAN)
    assert temuan.pesan == "Nilai pembanding nasional, provinsi untuk S1.1 belum diisi."


def test_an_unreadable_comparison_value_is_a_warning():
    kecamatan = _bersih()
    Realisasi.objects.filter(pk=_realisasi(kecamatan).pk).update(pembanding_kabupaten="delapan puluh")
    [temuan] = periksa(kecamatan=kecamatan, tahun=TAHUN)
    assert (temuan.aturan, temuan.tingkat) == ("pembanding_tidak_terbaca", Tingkat.PERINGATAN)
    assert temuan.pesan.startswith("Nilai pembanding kabupaten «delapan puluh» untuk S1.1 tidak dapat dibaca")


def test_errors_come_before_warnings():
    kecamatan = _bersih()
    Bukti.objects.filter(realisasi__indikator__sasaran__renstra__kecamatan=kecamatan).delete()
    kecamatan.profil.update(tanggal_laporan=None)
    tingkat = [t for _, t in _aturan(kecamatan)]
    assert tingkat == sorted(tingkat, key=lambda t: t != Tingkat.GALAT) and tingkat[0] == Tingkat.GALAT


# --- the five seeds ---------------------------------------------------------------------------

SEED = {
    ("arjasa", 2023): {"galat": 1, "peringatan": 10},
    ("kencong", 2023): {"galat": 1, "peringatan": 11},
    ("sumbersari", 2023): {"galat": 0, "peringatan": 9},
    ("pakusari", 2021): {"galat": 3, "peringatan": 15},
    ("kalisat", 2024): {"galat": 0, "peringatan": 20},
}


@pytest.mark.parametrize(("slug", "tahun"), list(SEED))
def test_the_seeds_findings_by_severity(slug, tahun):
    temuan = periksa(kecamatan=Kecamatan.objects.get(slug=slug), tahun=tahun)
    jumlah = {t.value: sum(x.tingkat == t for x in temuan) for t in Tingkat}
    assert jumlah == SEED[(slug, tahun)]


def test_arjasas_iku_decree_is_signed_by_the_camat_in_office_on_its_date():
    """3 April 2023 is before A. Fauzi took office (21 November 2023): the decree is signed by
    Dendhy Radiant, as the seed prints it, so nothing is found; only his pangkat is missing."""
    temuan = periksa(kecamatan=Kecamatan.objects.get(slug="arjasa"), tahun=2023)
    assert [t.pesan for t in temuan if t.aturan == "penanda_tangan_tidak_menjabat"] == []
    assert "Keputusan IKU: pangkat DENDHY RADIANT, S.STP belum diisi." in [t.pesan for t in temuan]


def test_kencongs_report_dated_before_its_year_ends_is_found():
    temuan = periksa(kecamatan=Kecamatan.objects.get(slug="kencong"), tahun=2023)
    assert [t.pesan for t in temuan if t.tingkat == Tingkat.GALAT] == [
        "LKIP tahun 2023 bertanggal 31 Januari 2023, sebelum tahun 2023 berakhir; sampul dan Kata "
        "Pengantar mencetak tanggal ini."
    ]


def test_kalisats_rkt_targets_that_differ_from_the_pk_are_found():
    temuan = periksa(kecamatan=Kecamatan.objects.get(slug="kalisat"), tahun=2024)
    pesan = [t.pesan for t in temuan if t.aturan == "rkt_beda_pk"]
    assert "Target RKT S2.1 (85) berbeda dengan target PK (90)." in pesan
    assert "Target RKT S3.1 (100) berbeda dengan target PK (85)." in pesan


# --- queries, command ----------------------------------------------------------------------


def test_the_check_runs_in_a_constant_number_of_queries(django_assert_num_queries):
    kecil = kecamatan_besar(slug="periksa-kecil", indikator=2, sub_kegiatan=3)
    besar = kecamatan_besar(slug="periksa-besar", indikator=25, sub_kegiatan=40)
    with django_assert_num_queries(QUERY):
        periksa(kecamatan=kecil, tahun=TAHUN)
    with django_assert_num_queries(QUERY):
        temuan = periksa(kecamatan=besar, tahun=TAHUN)
    assert len([t for t in temuan if t.aturan == "bukti_kosong"]) == 25


QUERY = 15  # 20 before the PK was read once and the profile tables only asked whether they have rows


def test_command_prints_findings_and_exits_non_zero_on_errors(capsys):
    with pytest.raises(SystemExit) as keluar:
        call_command("periksa", "arjasa", "2023")
    assert keluar.value.code == 1
    keluaran = capsys.readouterr().out
    assert "Kecamatan Arjasa — tahun 2023: 1 galat, 10 peringatan" in keluaran
    assert "GALAT" in keluaran and "/k/arjasa/2023/" in keluaran


def test_command_json_and_exit_zero_with_warnings_only(capsys):
    call_command("periksa", "sumbersari", "2023", "--json")
    data = json.loads(capsys.readouterr().out)
    assert data["ada_galat"] is False and data["jumlah"] == {"galat": 0, "peringatan": 9}
    assert data["temuan"][0] == {
        "aturan": "bukti_kosong",
        "tingkat": "peringatan",
        "pesan": "Bukti dukung realisasi S1.1 belum diunggah.",
        "url": data["temuan"][0]["url"],
    }
    assert data["temuan"][0]["url"].startswith("/k/sumbersari/2023/realisasi/")


def test_command_unknown_kecamatan_says_so():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="tidak dikenal"):
        call_command("periksa", "tidak-ada", "2024")
