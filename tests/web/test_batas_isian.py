"""Every number a page takes fits the column it is stored in, or is refused beside its field
in Indonesian with nothing saved; free text has a length limit; names lose bidi controls."""

from decimal import Decimal

import pytest
from django.urls import reverse

from anggaran.models import SubKegiatan
from capaian.models import Realisasi
from kecamatan.models import Kecamatan, ProfilKecamatan
from lkip.accounts.models import Peran
from lkip.laporan.models import BagianNarasi, NarasiLaporan
from perencanaan.models import PerjanjianKinerja, TargetRenstra
from tests.web import test_profil_tabel as tabel
from tests.web.bantuan import pengguna
from tests.web.test_halaman import url
from tests.web.test_realisasi import alamat, isian
from tests.web.test_rencana import ikm, isian_renstra

pytestmark = pytest.mark.django_db

TERLALU_PANJANG = "paling banyak 15 angka"


@pytest.fixture
def operator(client):
    client.force_login(pengguna(Peran.OPERATOR, "kalisat"))
    return client


@pytest.fixture
def indikator():
    from tests.web.bantuan import indikator_pk

    return next(i for i in indikator_pk("kalisat", 2024) if i.jenis_nilai != i.JenisNilai.HURUF)


def _tersimpan(indikator):
    return list(Realisasi.objects.filter(indikator=indikator, tahun=2024).values_list("angka", "huruf"))


# --- realisasi and its live preview --------------------------------------------------------


@pytest.mark.parametrize(
    ("medan", "teks", "pesan"),
    [
        ("nilai", "99999999999999,99", TERLALU_PANJANG),
        ("nilai", "97,12345", "paling banyak 4"),
        ("nilai", "1" * 28, "terlalu besar"),
        ("nilai", "٩٧,٥", "angka selain 0–9"),
        ("nilai", "９７", "angka selain 0–9"),
        ("nilai", "B (٦٩)", "angka selain 0–9"),
        ("triwulan_2", "99999999999999,99", TERLALU_PANJANG),
        ("triwulan_3", "0,123456", "paling banyak 4"),
    ],
)
def test_a_realisasi_that_does_not_fit_is_refused_beside_its_field(operator, indikator, medan, teks, pesan):
    sebelum = _tersimpan(indikator)
    jawaban = operator.post(alamat(indikator), isian(indikator, **{medan: teks}, catatan="Catatan uji"))
    halaman = jawaban.content.decode()
    assert jawaban.status_code == 200
    assert f'id="id_{medan}-galat"' in halaman and pesan in halaman
    assert f'value="{teks}"' in halaman and "Catatan uji" in halaman  # nothing typed is lost
    assert _tersimpan(indikator) == sebelum
    pratinjau = operator.post(alamat(indikator, "web:realisasi_pratinjau"), isian(indikator, **{medan: teks}))
    assert pratinjau.status_code == 200
    assert "Perbaiki isian yang ditandai" in pratinjau.content.decode()


def test_quarters_whose_sum_cannot_be_stored_as_the_year_are_refused(operator, indikator):
    indikator.aturan_triwulan = "kumulatif"
    indikator.save()
    besar = "99.999.999.999,9999"  # each fits; four of them make 16 digits
    data = {f"triwulan_{n}": besar for n in (1, 2, 3, 4)}
    jawaban = operator.post(alamat(indikator), isian(indikator, **data))
    halaman = jawaban.content.decode()
    assert jawaban.status_code == 200
    assert 'id="id_triwulan_4-galat"' in halaman and "Jumlah triwulan tidak muat" in halaman
    assert operator.get(reverse("web:tahun", kwargs={"slug": "kalisat", "tahun": 2024})).status_code == 200


def test_an_average_of_quarters_that_does_not_end_is_scored_and_every_page_still_opens(operator, indikator):
    from capaian.selectors import capaian_tahun
    from lkip.laporan.dokumen import dokumen_json
    from lkip.laporan.selectors import dokumen_lkip

    indikator.aturan_triwulan = "rata_rata"
    indikator.save()
    jawaban = operator.post(
        alamat(indikator), isian(indikator, triwulan_1="10", triwulan_2="10", triwulan_3="11")
    )
    assert jawaban.status_code == 302
    tersimpan = Realisasi.objects.get(indikator=indikator, tahun=2024)
    assert tersimpan.angka is None  # quarters alone: the year is their roll-up, never typed over
    kalisat = Kecamatan.objects.get(slug="kalisat")
    baris = next(b for b in capaian_tahun(kecamatan=kalisat, tahun=2024).baris if b.indikator == indikator)
    assert baris.realisasi.angka.quantize(Decimal("0.0001")) == Decimal("10.3333")
    dokumen_json(dokumen_lkip(kecamatan=kalisat, tahun=2024))
    assert operator.get(reverse("web:tahun", kwargs={"slug": "kalisat", "tahun": 2024})).status_code == 200


def test_the_largest_realisasi_that_fits_is_saved_and_every_page_still_opens(operator, indikator):
    jawaban = operator.post(alamat(indikator), isian(indikator, nilai="99.999.999.999,9999"))
    assert jawaban.status_code == 302
    assert _tersimpan(indikator) == [(Decimal("99999999999.9999"), "")]
    assert operator.get(alamat(indikator)).status_code == 200
    assert operator.get(reverse("web:tahun", kwargs={"slug": "kalisat", "tahun": 2024})).status_code == 200
    assert operator.get(reverse("laporan:pratinjau", args=["kalisat", 2024])).status_code == 200


# --- budget: whole rupiah ------------------------------------------------------------------


def _isian_anggaran(client) -> tuple[dict, SubKegiatan]:
    form = client.get(url("anggaran")).context["form"]
    data = {
        k: (v if isinstance(v, str) else form.fields[k].prepare_value(v) if v is not None else "")
        for k, v in form.initial.items()
    }
    return data, form.sub_kegiatan[0]


@pytest.mark.parametrize(
    ("teks", "pesan"),
    [
        ("1234567890123456", TERLALU_PANJANG),  # a 16-digit pagu
        ("1.234.567,891", "rupiah ditulis tanpa angka desimal"),
        ("1.234.567,50", "rupiah ditulis tanpa angka desimal"),
        ("1,234", "rupiah tidak memakai angka desimal (sen), jadi koma di sini bisa pemisah ribuan"),
        ("١٢٣٤", "angka selain 0–9"),
    ],
)
def test_a_pagu_that_is_not_whole_rupiah_or_does_not_fit_is_refused(operator, teks, pesan):
    data, sub = _isian_anggaran(operator)
    lama = sub.pagu
    jawaban = operator.post(url("anggaran"), data | {f"pagu_{sub.pk}": teks})
    assert jawaban.status_code == 200
    assert pesan in jawaban.content.decode()
    assert SubKegiatan.objects.get(pk=sub.pk).pagu == lama


def test_in_rupiah_a_single_dot_groups_thousands(operator):
    data, sub = _isian_anggaran(operator)
    assert operator.post(url("anggaran"), data | {f"pagu_{sub.pk}": "Rp1.234"}).status_code == 302
    assert SubKegiatan.objects.get(pk=sub.pk).pagu == Decimal("1234")


# --- profile, its tables, plans ------------------------------------------------------------


def _isian_profil() -> dict:
    from umum.versi import versi_objek

    lama = ProfilKecamatan.objects.get(kecamatan__slug="kalisat", tahun=2024)
    return {"versi": versi_objek(lama), "luas_km2": "53,49", "jumlah_penduduk": "1.075.123",
            "isu_strategis": "Stunting", "tempat_laporan": "Kalisat"}  # fmt: skip


@pytest.mark.parametrize(
    ("medan", "teks", "pesan"),
    [
        ("luas_km2", "123456789,5", "paling banyak 8 angka sebelum koma"),
        ("luas_km2", "53,491", "paling banyak 2"),
        ("jumlah_penduduk", "3.000.000.000", "tidak boleh lebih dari 2.147.483.647"),
        ("jumlah_penduduk", "1.075,5", "harus bilangan bulat"),
        ("isu_strategis", "x" * 5001, "5000"),
        *[(nama, "x" * 201, "200") for nama in ProfilKecamatan.SUMBER],
    ],
)
def test_a_profile_value_that_does_not_fit_is_refused_beside_its_field(operator, medan, teks, pesan):
    lama = ProfilKecamatan.objects.get(kecamatan__slug="kalisat", tahun=2024)
    jawaban = operator.post(url("profil"), _isian_profil() | {medan: teks})
    halaman = jawaban.content.decode()
    assert jawaban.status_code == 200
    assert f'id="id_{medan}-galat"' in halaman and pesan in halaman
    baru = ProfilKecamatan.objects.get(pk=lama.pk)
    assert (baru.luas_km2, baru.jumlah_penduduk, baru.isu_strategis) == (
        lama.luas_km2, lama.jumlah_penduduk, lama.isu_strategis
    )  # fmt: skip


def test_each_tables_source_is_saved_from_the_profile_page_under_its_label(operator):
    halaman = operator.get(url("profil")).content.decode()
    for teks in ["pegawai", "sarana dan prasarana", "desa dan kelurahan", "pagu anggaran", "realisasi anggaran",
                 "realisasi kinerja"]:  # fmt: skip
        assert f">Sumber tabel {teks}<" in halaman
    isian = {nama: f"  Dokumen {i}  " for i, nama in enumerate(ProfilKecamatan.SUMBER)}
    assert operator.post(url("profil"), _isian_profil() | isian).status_code == 302
    baru = ProfilKecamatan.objects.get(kecamatan__slug="kalisat", tahun=2024)
    assert [getattr(baru, nama) for nama in ProfilKecamatan.SUMBER] == [f"Dokumen {i}" for i in range(6)]


@pytest.mark.parametrize(
    ("teks", "pesan"),
    [("40000", "tidak boleh lebih dari 32.767"), ("١٢", "angka selain 0–9"), ("2,5", "harus bilangan bulat")],
)
def test_a_staff_count_outside_its_column_is_refused_beside_its_cell(operator, teks, pesan):
    data = tabel.kiriman(operator, "pegawai") | {"form-0-kebutuhan": teks}
    jawaban = operator.post(tabel.alamat("pegawai"), data)
    halaman = jawaban.content.decode()
    assert jawaban.status_code == 200
    assert 'id="id_form-0-kebutuhan-galat"' in halaman and pesan in halaman
    assert tabel.profil().pegawai.first().kebutuhan == 2


def test_a_renstra_target_that_does_not_fit_is_refused_and_nothing_is_saved(operator):
    sebelum = list(TargetRenstra.objects.filter(indikator=ikm()).values_list("tahun", "angka"))
    data = isian_renstra(operator) | {f"t_{ikm().pk}_2025": "97,12345", f"t_{ikm().pk}_2026": "98"}
    jawaban = operator.post(reverse("web:renstra", kwargs={"slug": "kalisat", "tahun": 2024}), data)
    assert jawaban.status_code == 200
    assert "paling banyak 4" in jawaban.content.decode()
    assert list(TargetRenstra.objects.filter(indikator=ikm()).values_list("tahun", "angka")) == sebelum


def test_a_pk_target_that_does_not_fit_is_refused_beside_its_field(operator):
    form = operator.get(url("perjanjian")).context["form"]
    target = form.target[0]
    data = {k: v for k, v in form.initial.items() if v is not None} | {f"target_{target.pk}": "1" * 16}
    jawaban = operator.post(url("perjanjian"), data)
    assert jawaban.status_code == 200
    assert f'id="id_target_{target.pk}-galat"' in jawaban.content.decode()
    assert TERLALU_PANJANG in jawaban.content.decode()


# --- text ----------------------------------------------------------------------------------


def test_analysis_text_longer_than_its_limit_is_refused_and_kept_in_the_form(operator, indikator):
    panjang = "Koordinasi lintas sektor. " * 200  # 5200 characters
    jawaban = operator.post(alamat(indikator), isian(indikator, nilai="90", hambatan=panjang))
    halaman = jawaban.content.decode()
    assert jawaban.status_code == 200
    assert 'id="id_hambatan-galat"' in halaman and "5000" in halaman
    assert not Realisasi.objects.filter(indikator=indikator, tahun=2024, hambatan=panjang).exists()


def test_report_prose_longer_than_its_limit_is_refused(operator):
    form = operator.get(url("narasi")).context["form"]
    bagian = BagianNarasi.values[0]
    data = {"versi": form.initial.get("versi", form["versi"].value()), bagian: "kata " * 2001}
    jawaban = operator.post(url("narasi"), data)
    assert jawaban.status_code == 200
    assert "10000" in jawaban.content.decode()
    assert not NarasiLaporan.objects.filter(kecamatan__slug="kalisat", tahun=2024, bagian=bagian).exists()


RLO = "\u202e"


def test_bidi_controls_are_removed_from_the_pk_signatories(operator):
    form = operator.get(url("perjanjian")).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None} | {
        "pihak_pertama_nama": f"{RLO}NAMA CAMAT\u2066, S.Sos.\u2069",
        "pihak_kedua_jabatan": "Bupati\u200f Jember\u061c",
    }
    assert operator.post(url("perjanjian"), data).status_code == 302
    perjanjian = PerjanjianKinerja.objects.berlaku(Kecamatan.objects.get(slug="kalisat"), 2024)
    assert perjanjian.pihak_pertama_nama == "NAMA CAMAT, S.Sos."
    assert perjanjian.pihak_kedua_jabatan == "Bupati Jember"


def test_bidi_controls_are_removed_from_an_officials_name_and_jabatan(operator):
    data = tabel.kiriman(operator, "pejabat")
    n = int(data["form-INITIAL_FORMS"])
    data |= {
        f"form-{n}-jabatan": f"Kasi {RLO}Pemerintahan\u202c",
        f"form-{n}-nama": f"\u200eSITI{RLO} AMINAH",
    }
    assert operator.post(tabel.alamat("pejabat"), data).status_code == 302
    pejabat = tabel.profil().pejabat.get(nama="SITI AMINAH")
    assert pejabat.jabatan == "Kasi Pemerintahan"
