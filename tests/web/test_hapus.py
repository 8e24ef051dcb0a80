"""Deleting from the pages: tujuan, sasaran, indikator, PK Perubahan and budget rows. A GET
or an unconfirmed POST only asks; a row something depends on is refused with the reason and
stays; a confirmed POST deletes."""

import pytest
from django.urls import reverse

from anggaran.models import Kegiatan, Keluaran, Program, SubKegiatan
from capaian.models import Realisasi
from kecamatan.models import Kecamatan
from lkip.accounts.models import Peran
from perencanaan import services
from perencanaan.models import Indikator, PerjanjianKinerja, Renstra, Sasaran, Tujuan
from tests.web.bantuan import pengguna

pytestmark = pytest.mark.django_db
RUANG = {"slug": "kalisat", "tahun": 2024}


@pytest.fixture
def operator(client):
    client.force_login(pengguna(Peran.OPERATOR, "kalisat"))
    return client


@pytest.fixture
def renstra():
    return Renstra.objects.berlaku(Kecamatan.objects.get(slug="kalisat"), 2024)


def hapus_renstra(jenis: str, baris_id: int) -> str:
    return reverse("web:renstra_hapus", kwargs=RUANG | {"jenis": jenis, "baris_id": baris_id})


def hapus_anggaran(jenis: str, baris_id: int) -> str:
    return reverse("web:anggaran_hapus", kwargs=RUANG | {"jenis": jenis, "baris_id": baris_id})


def pesan(jawaban) -> str:
    return " ".join(str(m) for m in jawaban.context["messages"])


def test_a_new_indicator_is_deleted_after_the_question(operator, renstra):
    sasaran = renstra.sasaran.first()
    baru = services.indikator_create(
        renstra=renstra, sasaran=sasaran, kode="X.9", uraian="Indikator salah ketik", satuan="%",
        jenis_nilai=Indikator.JenisNilai.ANGKA, polaritas="positif",
    )  # fmt: skip
    tanya = operator.get(hapus_renstra("indikator", baru.pk))
    assert tanya.status_code == 200
    assert "Indikator salah ketik" in tanya.content.decode() and "Ya, hapus" in tanya.content.decode()
    assert operator.post(hapus_renstra("indikator", baru.pk)).status_code == 200
    assert Indikator.objects.filter(pk=baru.pk).exists()

    jawaban = operator.post(hapus_renstra("indikator", baru.pk), {"konfirmasi": "ya"}, follow=True)
    assert not Indikator.objects.filter(pk=baru.pk).exists()
    assert "Indikator X.9 dihapus." in pesan(jawaban)
    assert "Indikator salah ketik" not in jawaban.content.decode()


def test_an_indicator_with_realisasi_is_refused_with_the_reason(operator, renstra):
    realisasi = Realisasi.objects.filter(indikator__sasaran__renstra=renstra, tahun=2024).first()
    alamat = hapus_renstra("indikator", realisasi.indikator_id)
    tanya = operator.get(alamat).content.decode()
    assert "sudah memiliki realisasi tahun" in tanya and "Ya, hapus" not in tanya
    jawaban = operator.post(alamat, {"konfirmasi": "ya"}, follow=True)
    assert "sudah memiliki realisasi tahun" in pesan(jawaban)
    assert Indikator.objects.filter(pk=realisasi.indikator_id).exists()


def test_a_sasaran_with_indicators_and_a_tujuan_with_sasaran_are_refused(operator, renstra):
    sasaran = renstra.sasaran.first()
    jawaban = operator.post(hapus_renstra("sasaran", sasaran.pk), {"konfirmasi": "ya"}, follow=True)
    assert f"Sasaran {sasaran.kode} masih memiliki" in pesan(jawaban)
    jawaban = operator.post(hapus_renstra("tujuan", sasaran.tujuan_id), {"konfirmasi": "ya"}, follow=True)
    assert "masih memiliki" in pesan(jawaban) and "sasaran" in pesan(jawaban)
    assert Sasaran.objects.filter(pk=sasaran.pk).exists() and Tujuan.objects.filter(pk=sasaran.tujuan_id)


def test_a_new_tujuan_and_its_sasaran_are_deleted(operator, renstra):
    tujuan = services.tujuan_create(renstra=renstra, kode="T9", uraian="Tujuan keliru")
    sasaran = services.sasaran_create(renstra=renstra, tujuan=tujuan, kode="S9", nomor=None, uraian="Keliru")
    assert "S9" in operator.get(reverse("web:renstra", kwargs=RUANG)).content.decode()
    operator.post(hapus_renstra("sasaran", sasaran.pk), {"konfirmasi": "ya"})
    operator.post(hapus_renstra("tujuan", tujuan.pk), {"konfirmasi": "ya"})
    assert not Sasaran.objects.filter(pk=sasaran.pk).exists()
    assert not Tujuan.objects.filter(pk=tujuan.pk).exists()


def test_a_sasaran_supported_by_the_budget_is_refused(operator, renstra):
    sub = SubKegiatan.objects.for_kecamatan_tahun(renstra.kecamatan_id, 2024).first()
    sasaran = services.sasaran_create(
        renstra=renstra, tujuan=renstra.tujuan.first(), kode="S9", nomor=None, uraian="Didukung anggaran"
    )
    sub.sasaran = sasaran
    sub.save()
    jawaban = operator.post(hapus_renstra("sasaran", sasaran.pk), {"konfirmasi": "ya"}, follow=True)
    assert "didukung sub kegiatan anggaran tahun 2024" in pesan(jawaban)
    assert SubKegiatan.objects.get(pk=sub.pk).sasaran_id == sasaran.pk


def test_an_unknown_kind_or_another_renstras_row_is_404(operator):
    lain = Indikator.objects.filter(sasaran__renstra__kecamatan__slug="arjasa").first()
    assert operator.get(hapus_renstra("indikator", lain.pk)).status_code == 404
    assert operator.get(hapus_renstra("renstra", 1)).status_code == 404


def test_the_latest_pk_perubahan_is_deleted_and_the_murni_applies_again(operator):
    kecamatan = Kecamatan.objects.get(slug="kalisat")
    murni = PerjanjianKinerja.objects.berlaku(kecamatan, 2024)
    perubahan = services.perjanjian_perubahan_create(perjanjian=murni)
    alamat = reverse("web:perjanjian_hapus", kwargs=RUANG | {"perjanjian_id": perubahan.pk})
    halaman = operator.get(reverse("web:perjanjian", kwargs=RUANG)).content.decode()
    assert alamat in halaman
    jawaban = operator.post(alamat, {"konfirmasi": "ya"}, follow=True)
    assert "PK Perubahan versi 2 dihapus." in pesan(jawaban)
    assert PerjanjianKinerja.objects.berlaku(kecamatan, 2024).pk == murni.pk


def test_the_murni_and_an_older_perubahan_are_refused(operator):
    kecamatan = Kecamatan.objects.get(slug="kalisat")
    murni = PerjanjianKinerja.objects.berlaku(kecamatan, 2024)
    kedua = services.perjanjian_perubahan_create(perjanjian=murni)
    services.perjanjian_perubahan_create(perjanjian=PerjanjianKinerja.objects.get(pk=kedua.pk))
    for perjanjian, alasan in ((murni, "PK Murni"), (kedua, "versi terakhir")):
        alamat = reverse("web:perjanjian_hapus", kwargs=RUANG | {"perjanjian_id": perjanjian.pk})
        jawaban = operator.post(alamat, {"konfirmasi": "ya"}, follow=True)
        assert alasan in pesan(jawaban)
    assert PerjanjianKinerja.objects.filter(kecamatan=kecamatan, tahun=2024).count() == 3


def test_budget_rows_are_deleted_leaf_first(operator):
    program = Program.objects.create(kecamatan=Kecamatan.objects.get(slug="kalisat"), tahun=2024,
                                     kode="9.99", nama="Program keliru")  # fmt: skip
    kegiatan = Kegiatan.objects.create(program=program, kode="9.99.1", nama="Kegiatan keliru")
    sub = SubKegiatan.objects.create(kegiatan=kegiatan, kode="9.99.1.1", nama="Sub keliru", pagu=0)
    keluaran = Keluaran.objects.create(sub_kegiatan=sub, uraian="Keluaran keliru")
    halaman = operator.get(reverse("web:anggaran", kwargs=RUANG)).content.decode()
    assert hapus_anggaran("keluaran", keluaran.pk) in halaman

    for jenis, baris, anak in (("program", program, "kegiatan"), ("kegiatan", kegiatan, "sub kegiatan"),
                               ("sub-kegiatan", sub, "indikator keluaran")):  # fmt: skip
        jawaban = operator.post(hapus_anggaran(jenis, baris.pk), {"konfirmasi": "ya"}, follow=True)
        assert f"masih memiliki 1 {anak}" in pesan(jawaban)
    assert Program.objects.filter(pk=program.pk).exists()

    for jenis, baris in (("keluaran", keluaran), ("sub-kegiatan", sub), ("kegiatan", kegiatan),
                         ("program", program)):  # fmt: skip
        assert operator.get(hapus_anggaran(jenis, baris.pk)).status_code == 200
        jawaban = operator.post(hapus_anggaran(jenis, baris.pk), {"konfirmasi": "ya"}, follow=True)
        assert "dihapus" in pesan(jawaban)
    assert not Program.objects.filter(pk=program.pk).exists()


def test_another_kecamatans_budget_row_is_404_and_read_only_roles_get_403(client):
    lain = Program.objects.filter(kecamatan__slug="arjasa").first()
    sendiri = Program.objects.filter(kecamatan__slug="kalisat", tahun=2024).first()
    client.force_login(pengguna(Peran.OPERATOR, "kalisat"))
    assert client.post(hapus_anggaran("program", lain.pk), {"konfirmasi": "ya"}).status_code == 404
    client.force_login(pengguna(Peran.INSPEKTORAT))
    assert client.get(hapus_anggaran("program", sendiri.pk)).status_code == 403
    assert client.post(hapus_anggaran("program", sendiri.pk), {"konfirmasi": "ya"}).status_code == 403
    assert Program.objects.filter(pk=sendiri.pk).exists()
