"""The Camat signs off the year's data; a later change to anything the report prints (realisasi,
PK targets, budget, narrative, profile and its tables, the plan) is listed on the year page."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from anggaran.models import Keluaran, SubKegiatan
from capaian.models import Realisasi
from kecamatan.models import Desa, Kecamatan, Pejabat, PengesahanData, ProfilKecamatan
from lkip.accounts.models import Peran
from lkip.laporan.models import NarasiLaporan
from lkip.web import services as web_services
from perencanaan import services as perencanaan_services
from perencanaan.models import PerjanjianKinerja, TargetPerjanjian, TargetRenstra
from tests.factories import kecamatan_besar
from tests.web.bantuan import pengguna

pytestmark = pytest.mark.django_db
BERANDA = reverse("web:tahun", kwargs={"slug": "kalisat", "tahun": 2024})
SAHKAN = reverse("web:sahkan", kwargs={"slug": "kalisat", "tahun": 2024})


def test_camat_signs_off_and_the_page_says_who_and_when(client):
    camat = pengguna(Peran.CAMAT, "kalisat", nama="camat-uji")
    camat.first_name, camat.last_name = "Drs. RUSDIYANTO,", "M.Si."
    camat.save()
    client.force_login(camat)
    assert "belum disahkan Camat" in client.get(BERANDA).content.decode()
    tanya = client.post(SAHKAN)
    assert tanya.status_code == 200 and "Ya, sahkan" in tanya.content.decode()
    assert not PengesahanData.objects.exists()
    jawaban = client.post(SAHKAN, {"konfirmasi": "ya"}, follow=True)
    halaman = jawaban.content.decode()
    assert "disahkan oleh Drs. RUSDIYANTO, M.Si." in halaman
    pengesahan = PengesahanData.objects.get(kecamatan__slug="kalisat", tahun=2024)
    assert pengesahan.disahkan_oleh == camat
    assert "diubah setelah pengesahan" not in halaman


def test_a_realisasi_changed_after_the_sign_off_is_flagged(client):
    client.force_login(pengguna(Peran.CAMAT, "kalisat", nama="camat-uji"))
    client.post(SAHKAN, {"konfirmasi": "ya"})
    PengesahanData.objects.update(disahkan_pada=timezone.now() - timedelta(minutes=5))
    realisasi = (
        Realisasi.objects.for_kecamatan(PengesahanData.objects.get().kecamatan_id).for_tahun(2024).first()
    )
    realisasi.catatan = "diperbaiki"
    realisasi.save()
    assert "diubah setelah pengesahan" in client.get(BERANDA).content.decode()


@pytest.mark.parametrize("peran", [Peran.OPERATOR, Peran.BAPPEDA, Peran.INSPEKTORAT])
def test_only_the_camat_signs_off(client, peran):
    client.force_login(pengguna(peran, "kalisat" if peran == Peran.OPERATOR else None, nama=f"uji-{peran}"))
    assert client.post(SAHKAN, {"konfirmasi": "ya"}).status_code == 403
    assert not PengesahanData.objects.exists()
    assert "Sahkan data tahun" not in client.get(BERANDA).content.decode()


def test_another_kecamatans_camat_gets_404(client):
    client.force_login(pengguna(Peran.CAMAT, "arjasa", nama="camat-arjasa"))
    assert client.post(SAHKAN, {"konfirmasi": "ya"}).status_code == 404
    assert not PengesahanData.objects.exists()


def _ubah_target_pk():
    t = TargetPerjanjian.objects.filter(perjanjian__kecamatan__slug="kalisat", perjanjian__tahun=2024).first()
    t.angka = (t.angka or Decimal(0)) + 1
    t.save()


def _ubah_pagu():
    sub = SubKegiatan.objects.filter(
        kegiatan__program__kecamatan__slug="kalisat", kegiatan__program__tahun=2024
    )
    baris = sub.first()
    baris.pagu += 1000
    baris.save()


def _ubah_keluaran():
    k = Keluaran.objects.filter(sub_kegiatan__kegiatan__program__kecamatan__slug="kalisat").first()
    k.realisasi = Decimal("1.5")
    k.save()


def _tulis_narasi():
    NarasiLaporan.objects.create(
        kecamatan=Kecamatan.objects.get(slug="kalisat"), tahun=2024, bagian="latar_belakang", teks="Baru."
    )


def _ubah_profil():
    ProfilKecamatan.objects.filter(kecamatan__slug="kalisat", tahun=2024).update(jumlah_penduduk=1)


def _hapus_desa():
    Desa.objects.filter(profil__kecamatan__slug="kalisat", profil__tahun=2024).first().delete()


def _ubah_pejabat():
    Pejabat.objects.filter(profil__kecamatan__slug="kalisat", profil__tahun=2024).update(nip="1")


def _ubah_target_renstra():
    t = TargetRenstra.objects.filter(
        indikator__sasaran__renstra__kecamatan__slug="kalisat", tahun=2024
    ).first()
    t.huruf, t.angka = "", Decimal("77")
    t.save()


def _pk_perubahan():
    perjanjian = PerjanjianKinerja.objects.berlaku(Kecamatan.objects.get(slug="kalisat"), 2024)
    perencanaan_services.perjanjian_perubahan_create(perjanjian=perjanjian)


@pytest.mark.parametrize(
    ("ubah", "bagian"),
    [
        (_ubah_target_pk, "Perjanjian Kinerja"),
        (_pk_perubahan, "Perjanjian Kinerja"),
        (_ubah_pagu, "Anggaran"),
        (_ubah_keluaran, "Anggaran"),
        (_tulis_narasi, "Narasi laporan"),
        (_ubah_profil, "Profil kecamatan"),
        (_hapus_desa, "Desa dan kelurahan"),
        (_ubah_pejabat, "Pejabat"),
        (_ubah_target_renstra, "Renstra"),
    ],
)
def test_any_printed_change_after_the_sign_off_is_listed_on_the_year_page(client, ubah, bagian):
    client.force_login(pengguna(Peran.CAMAT, "kalisat", nama="camat-uji"))
    client.post(SAHKAN, {"konfirmasi": "ya"})
    assert "diubah setelah pengesahan" not in client.get(BERANDA).content.decode()
    ubah()
    jawaban = client.get(BERANDA)
    halaman = jawaban.content.decode()
    assert "diubah setelah pengesahan" in halaman
    berubah = jawaban.context["data"].berubah_setelah_disahkan
    assert [b.label for b in berubah if bagian in b.label], berubah
    assert len(berubah) == 1, berubah
    assert f'href="{berubah[0].url}"' in halaman
    client.post(SAHKAN, {"konfirmasi": "ya"})
    assert "diubah setelah pengesahan" not in client.get(BERANDA).content.decode()


def test_saving_a_form_unchanged_is_not_a_change(client):
    client.force_login(pengguna(Peran.CAMAT, "kalisat", nama="camat-uji"))
    client.post(SAHKAN, {"konfirmasi": "ya"})
    for realisasi in Realisasi.objects.for_kecamatan(Kecamatan.objects.get(slug="kalisat").pk).for_tahun(
        2024
    ):
        realisasi.save()
    assert "diubah setelah pengesahan" not in client.get(BERANDA).content.decode()


def test_a_sign_off_recorded_before_fingerprints_still_flags_a_later_realisasi(client):
    client.force_login(pengguna(Peran.CAMAT, "kalisat", nama="camat-uji"))
    client.post(SAHKAN, {"konfirmasi": "ya"})
    PengesahanData.objects.update(sidik={})
    assert "diubah setelah pengesahan" not in client.get(BERANDA).content.decode()
    Realisasi.objects.for_kecamatan(Kecamatan.objects.get(slug="kalisat").pk).for_tahun(2024).first().save()
    assert "diubah setelah pengesahan" in client.get(BERANDA).content.decode()


def test_the_year_page_with_a_sign_off_is_built_in_a_constant_number_of_queries(
    client, django_assert_num_queries
):
    jumlah = {}
    for slug, indikator, sub in (("kecil", 2, 3), ("besar", 25, 40)):
        kecamatan = kecamatan_besar(slug=slug, indikator=indikator, sub_kegiatan=sub)
        camat = pengguna(Peran.CAMAT, slug, nama=f"camat-{slug}")
        web_services.pengesahan_sahkan(kecamatan=kecamatan, tahun=2024, oleh=camat)
        client.force_login(camat)
        alamat = reverse("web:tahun", kwargs={"slug": slug, "tahun": 2024})
        with CaptureQueriesContext(connection) as q:
            assert client.get(alamat).status_code == 200
        jumlah[slug] = len(q)
    assert jumlah["kecil"] == jumlah["besar"]
    with django_assert_num_queries(45):
        client.get(alamat)
