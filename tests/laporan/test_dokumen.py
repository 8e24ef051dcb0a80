"""The typed report document: frozen dataclasses with Decimal, date and Nilai values, written by
``lkip_json`` as exactly the JSON schema of docs/lkip_json.md (keys, order and formats)."""

import dataclasses
import json
import re
from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.template.loader import render_to_string

from capaian.scoring import Nilai
from kecamatan.models import Kecamatan
from lkip.laporan.dokumen import dokumen_json
from lkip.laporan.isi import bagi_lebar, isi_laporan
from lkip.laporan.selectors import dokumen_lkip
from perencanaan.models import Renstra

pytestmark = pytest.mark.django_db

# Every object of the document by its path, with its keys in order ("*" = a year or quarter).
SKEMA = {
    "": "versi_skema kecamatan tahun profil renstra penetapan_iku rkt perjanjian_kinerja capaian anggaran efisiensi dokumentasi",
    ".anggaran": "program total per_jenis tahun_lalu",
    ".anggaran.per_jenis[]": "jenis nama pagu realisasi serapan porsi",
    ".anggaran.program[]": "kode nama pagu realisasi serapan indikator kegiatan",
    ".anggaran.program[].indikator[]": "uraian satuan target realisasi capaian",
    ".anggaran.program[].kegiatan[]": "kode nama pagu realisasi serapan indikator sub_kegiatan",
    ".anggaran.program[].kegiatan[].indikator[]": "uraian satuan target realisasi capaian",
    ".anggaran.program[].kegiatan[].sub_kegiatan[]": "kode nama pagu realisasi serapan sasaran keluaran jenis_belanja",
    ".anggaran.program[].kegiatan[].sub_kegiatan[].keluaran[]": "uraian satuan target realisasi capaian target_triwulan",
    ".anggaran.total": "pagu realisasi serapan",
    ".capaian": "kecamatan tahun skala indikator sasaran rata_rata tersedia skala_detail",
    ".capaian.indikator[]": "sasaran_no sasaran indikator_kode indikator satuan polaritas target realisasi capaian capaian_akhir predikat status alasan rekap_triwulan temuan target_akhir_renstra capaian_terhadap_target_akhir",
    ".capaian.indikator[].temuan[]": "jenis pesan",
    ".capaian.rata_rata": "capaian predikat",
    ".capaian.sasaran[]": "no kode sasaran capaian predikat",
    ".capaian.skala_detail": "kode nama sumber batas_atas pita",
    ".capaian.skala_detail.pita[]": "kode keterangan interval",
    ".efisiensi[]": "sasaran_no sasaran_kode capaian pagu realisasi serapan putusan",
    ".kecamatan": "slug nama kabupaten alamat_kantor",
    ".penetapan_iku": "nomor tanggal tentang menimbang mengingat memutuskan",
    ".perjanjian_kinerja[]": "versi jenis tempat tanggal pihak_pertama pihak_kedua target anggaran jumlah_anggaran",
    ".perjanjian_kinerja[].anggaran[]": "program anggaran keterangan",
    ".perjanjian_kinerja[].pihak_kedua": "nama jabatan pangkat nip status",
    ".perjanjian_kinerja[].pihak_pertama": "nama jabatan pangkat nip status",
    ".perjanjian_kinerja[].target[]": "indikator nilai target_triwulan",
    ".profil": "luas_km2 jumlah_penduduk desa pegawai sarana organisasi pejabat isu_strategis tempat_laporan tanggal_laporan rincian_pegawai sumber_tabel inovasi penghargaan",
    ".profil.sumber_tabel": "pegawai sarana wilayah pagu_anggaran realisasi_anggaran realisasi_kinerja",
    ".profil.inovasi[]": "nama uraian tahun_mulai dasar_penetapan hasil tautan",
    ".profil.penghargaan[]": "nama pemberi tingkat tanggal",
    ".profil.rincian_pegawai[]": "dasar status uraian golongan jumlah keterangan",
    ".profil.desa[]": "nama jenis luas_km2 jumlah_penduduk",
    ".profil.organisasi[]": "kode nama induk",
    ".profil.pegawai[]": "kelompok jabatan kebutuhan bezetting laki_laki perempuan",
    ".profil.pejabat[]": "jabatan nama pangkat golongan nip kepala mulai_menjabat selesai_menjabat",
    ".profil.sarana[]": "nama jumlah kondisi jumlah_ideal",
    ".renstra": "tahun_awal tahun_akhir versi jenis nomor_keputusan tanggal_keputusan berlaku_mulai versi_lain tujuan rpjmd misi_rpjmd",
    ".renstra.rpjmd": "kabupaten tahun_awal tahun_akhir visi misi",
    ".renstra.rpjmd.misi[]": "nomor uraian",
    ".renstra.tujuan[]": "kode uraian indikator sasaran",
    ".renstra.tujuan[].indikator[]": "uraian satuan target target_akhir",
    ".renstra.tujuan[].sasaran[]": "kode nomor uraian indikator strategi kebijakan",
    ".renstra.tujuan[].sasaran[].indikator[]": "kode uraian satuan jenis_nilai polaritas formula penanggung_jawab sumber_data iku aturan_triwulan target target_akhir realisasi",
    ".renstra.tujuan[].sasaran[].indikator[].realisasi.*": "nilai status alasan triwulan faktor_keberhasilan hambatan tindak_lanjut catatan pembanding",
    ".renstra.tujuan[].sasaran[].indikator[].realisasi.*.pembanding": "nasional provinsi kabupaten",
    ".renstra.versi_lain[]": "versi jenis berlaku_mulai nomor_keputusan",
    ".rkt": "tanggal target",
    ".rkt.target[]": "indikator nilai target_triwulan",
}

DUA_TEMPAT = re.compile(r"^-?\d+\.\d{2}$")
UANG_ATAU_PERSEN = {"pagu", "realisasi", "serapan", "capaian", "capaian_akhir", "anggaran", "jumlah_anggaran",
                    "capaian_terhadap_target_akhir", "batas_atas"}  # fmt: skip


def lkip_json(slug: str, tahun: int) -> dict:
    keluaran = StringIO()
    call_command("lkip_json", slug, str(tahun), stdout=keluaran)
    return json.loads(keluaran.getvalue())


def objek(nilai, jalur: str = ""):
    """Every JSON object in ``nilai`` with its schema path."""
    if isinstance(nilai, dict):
        if jalur.endswith((".target", ".realisasi", ".triwulan", ".target_triwulan")) and all(
            k.isdigit() for k in nilai
        ):
            for v in nilai.values():
                yield from objek(v, jalur + ".*")
            return
        yield jalur, nilai
        for k, v in nilai.items():
            yield from objek(v, f"{jalur}.{k}")
    elif isinstance(nilai, list):
        for v in nilai:
            yield from objek(v, jalur + "[]")


def test_lkip_json_keeps_the_documented_keys_in_their_order():
    dilihat = set()
    for slug, tahun in [("kalisat", 2024), ("pakusari", 2021), ("arjasa", 2023), ("kencong", 2023)]:
        for jalur, isi in objek(lkip_json(slug, tahun)):
            dilihat.add(jalur)
            assert " ".join(isi) == SKEMA[jalur], jalur
    assert dilihat == set(SKEMA)


def test_a_year_that_cannot_be_scored_says_why_in_two_keys():
    capaian = lkip_json("kalisat", 2021)["capaian"]
    assert capaian == {
        "tersedia": False,
        "alasan": "Kecamatan Kalisat belum memiliki Perjanjian Kinerja tahun 2021.",
    }


def test_money_and_percentages_are_strings_with_two_places_or_null():
    dilihat = 0
    for jalur, isi in objek(lkip_json("kalisat", 2024)):
        if jalur.startswith(".renstra") or jalur.endswith(("keluaran[]", "target[]")):
            continue  # values as written and measured quantities, not money
        ditulis = {"realisasi"} if jalur == ".capaian.indikator[]" else set()  # a value as written
        for kunci in UANG_ATAU_PERSEN & set(isi) - ditulis:
            if isinstance(isi[kunci], str):
                assert DUA_TEMPAT.match(isi[kunci]), (jalur, kunci, isi[kunci])
                dilihat += 1
            else:
                assert isi[kunci] is None or isinstance(isi[kunci], dict | list), (jalur, kunci)
    assert dilihat > 50


def test_lkip_json_is_the_typed_document_serialised():
    kalisat = Kecamatan.objects.get(slug="kalisat")
    keluaran = StringIO()
    call_command("lkip_json", "kalisat", "2024", stdout=keluaran)
    dokumen = dokumen_json(dokumen_lkip(kecamatan=kalisat, tahun=2024))
    assert keluaran.getvalue().strip() == json.dumps(dokumen, ensure_ascii=False, indent=2)


def test_the_document_holds_decimals_dates_and_values_as_written():
    dok = dokumen_lkip(kecamatan=Kecamatan.objects.get(slug="kalisat"), tahun=2024)
    assert dok.anggaran.total.pagu == Decimal("4416692224.00")
    assert dok.anggaran.total.serapan == Decimal("82.89")
    assert dok.capaian.rata_rata.capaian == Decimal("99.85")
    assert dok.profil.tanggal_laporan == date(2025, 2, 7)
    assert all(isinstance(b.realisasi, Nilai) for b in dok.capaian.indikator if b.realisasi is not None)
    ikm = next(i for _, i in dok.renstra.semua_indikator if i.uraian == "Indeks Kepuasan Masyarakat")
    assert ikm.target[2026] == Nilai(angka=Decimal("100"))
    assert ikm.realisasi[2023].nilai == Nilai(angka=Decimal("84"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        dok.anggaran.total.pagu = Decimal("0")  # type: ignore[misc]


def test_quarters_are_written_as_plain_numbers():
    from capaian.models import Realisasi

    ikm = Realisasi.objects.get(
        indikator__sasaran__renstra__kecamatan__slug="kalisat", tahun=2024, indikator__kode="S2.1"
    )
    ikm.indikator.aturan_triwulan = "rata_rata"
    ikm.indikator.save()
    Realisasi.objects.filter(pk=ikm.pk).update(angka=None)  # quarters alone: the year is their roll-up
    for tw, nilai in [(1, "80"), (2, "84.5"), (3, "82.2500")]:
        ikm.triwulan.create(triwulan=tw, angka=nilai)
    data = lkip_json("kalisat", 2024)
    indikator = next(
        i
        for t in data["renstra"]["tujuan"]
        for s in t["sasaran"]
        for i in s["indikator"]
        if i["kode"] == "S2.1"
    )
    assert indikator["realisasi"]["2024"]["triwulan"] == {"1": "80", "2": "84.5", "3": "82.25"}
    assert indikator["realisasi"]["2024"]["nilai"] == "82.25"  # (80 + 84.5 + 82.25) / 3


def test_the_templates_run_no_query(django_assert_num_queries):
    isi = isi_laporan(kecamatan=Kecamatan.objects.get(slug="kalisat"), tahun=2024)
    with django_assert_num_queries(0):
        html = render_to_string("laporan/lkip.html", isi)
    assert "99,85%" in html


def test_tables_and_figures_are_numbered_in_order_per_chapter():
    isi = isi_laporan(kecamatan=Kecamatan.objects.get(slug="kalisat"), tahun=2024)
    assert [n.nomor for n in isi["daftar"].tabel] == [
        "1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6",
        "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8",
    ]  # fmt: skip
    # Kalisat's tujuan indicators follow the matrix; it states no strategi or kebijakan.
    assert isi["bab2"].tabel_tujuan.label == "Tabel 2.2"
    assert isi["bab2"].tabel_strategi is None
    # Kalisat enters no national, provincial or kabupaten figure: that table is a sentence.
    assert isi["bab3"].tabel_pembanding is None
    assert [n.nomor for n in isi["daftar"].gambar] == ["1.1", "3.1", "3.2", "3.3"]
    assert isi["bab3"].tabel_pengukuran.label == "Tabel 3.2"
    assert isi["bab2"].tabel_renstra.judul.startswith("Matriks Tujuan dan Sasaran")


def test_without_a_renstra_neither_matrix_nor_iku_table_is_printed_or_numbered():
    Renstra.objects.filter(kecamatan__slug="kalisat").update(berlaku_mulai=2025)  # none in force in 2024
    isi = isi_laporan(kecamatan=Kecamatan.objects.get(slug="kalisat"), tahun=2024)
    assert isi["bab2"].tabel_renstra is None
    assert isi["bab2"].tabel_iku is None
    assert isi["bab2"].tabel_pk.label == "Tabel 2.1"
    assert isi["bab3"].tabel_skala.label == "Tabel 3.1"
    html = render_to_string("laporan/lkip.html", isi)
    assert "Belum ada Rencana Strategis yang berlaku untuk tahun 2024." in html
    assert "Indikator Kinerja Utama Kecamatan Kalisat tahun 2024 belum ditetapkan." in html


@pytest.mark.parametrize(
    ("jumlah", "kolom", "harapan"),
    [(42, 6, (7,) * 6), (40, 3, (13, 13, 14)), (36, 5, (7, 7, 7, 7, 8)), (40, 1, (40,)), (30, 0, ())],
)
def test_year_columns_share_their_width_in_whole_percents(jumlah, kolom, harapan):
    assert bagi_lebar(jumlah, kolom) == harapan


def test_quarterly_targets_are_written_as_plain_numbers():
    sub = lkip_json("arjasa", 2023)["anggaran"]["program"][0]["kegiatan"][0]["sub_kegiatan"][0]
    assert sub["keluaran"][0]["target_triwulan"] == {"1": "3", "2": "4", "3": "4", "4": "3"}
    assert lkip_json("sumbersari", 2023)["rkt"]["target"][1]["target_triwulan"] == {
        "1": "25",
        "2": "25",
        "3": "25",
        "4": "25",
    }
