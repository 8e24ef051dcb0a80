"""The year page reads the scores, evidence counts, profile and budget rows once, from the
consistency check's data: what it lists is the same as when it reads them itself."""

import pytest

from anggaran.models import SubKegiatan
from capaian.models import Bukti
from kecamatan.models import Kecamatan, ProfilKecamatan
from lkip.laporan import periksa
from lkip.web import selectors
from tests.factories import KecamatanFactory, ProfilFactory, kecamatan_besar

pytestmark = pytest.mark.django_db


def ringkas(data: selectors.BerandaTahun) -> tuple:
    return (
        [(k.teks, k.url) for k in data.kekurangan],
        [(k.label, k.terisi, k.total) for k in data.kelengkapan],
        [(b.capaian.indikator.pk, b.jumlah_bukti, b.ada_analisis, b.nada) for b in data.baris],
        data.tahun_tersedia,
        data.galat,
    )


def kedua_cara(kecamatan: Kecamatan, tahun: int) -> tuple[tuple, tuple]:
    sendiri = selectors.beranda_tahun(kecamatan=kecamatan, tahun=tahun)
    data_periksa = periksa.ambil(kecamatan=kecamatan, tahun=tahun)
    dari_periksa = selectors.beranda_tahun(kecamatan=kecamatan, tahun=tahun, data_periksa=data_periksa)
    return ringkas(sendiri), ringkas(dari_periksa)


@pytest.mark.parametrize("slug", ["arjasa", "kalisat", "kencong", "pakusari", "sumbersari"])
def test_the_seed_years_list_the_same_with_the_check_data(slug):
    kecamatan = Kecamatan.objects.get(slug=slug)
    for tahun in selectors.tahun_tersedia(kecamatan):
        sendiri, dari_periksa = kedua_cara(kecamatan, tahun)
        assert sendiri == dari_periksa


def test_missing_profile_evidence_and_budget_are_listed_the_same_both_ways():
    kecamatan = kecamatan_besar(slug="bolong", indikator=3, sub_kegiatan=6)
    ProfilKecamatan.objects.filter(kecamatan=kecamatan, tahun=2024).delete()
    sub = list(SubKegiatan.objects.for_kecamatan_tahun(kecamatan.pk, 2024).order_by("pk"))
    SubKegiatan.objects.filter(pk__in=[s.pk for s in sub[:2]]).update(pagu=None)
    SubKegiatan.objects.filter(pk__in=[s.pk for s in sub[2:5]]).update(realisasi=None)
    realisasi = selectors.capaian_tahun(kecamatan=kecamatan, tahun=2024).baris[0].realisasi_obj
    Bukti.objects.create(realisasi=realisasi, tautan="https://contoh.go.id/bukti", keterangan="Foto")
    sendiri, dari_periksa = kedua_cara(kecamatan, 2024)
    assert sendiri == dari_periksa
    kekurangan = [teks for teks, _url in sendiri[0]]
    assert kekurangan[0] == "Profil kecamatan tahun ini belum diisi"
    assert "Pagu 2 sub kegiatan belum diisi" in kekurangan
    assert "Realisasi anggaran 3 sub kegiatan belum diisi" in kekurangan
    assert ("Profil", 0, 1) in sendiri[1] and ("Realisasi anggaran", 3, 6) in sendiri[1]
    assert sorted(n for _i, n, _a, _nada in sendiri[2]) == [0, 0, 1]


def test_the_years_with_data_are_those_of_a_pk_or_a_profile_once_each():
    kecamatan = KecamatanFactory(slug="tahunan")
    for tahun in (2022, 2024):
        ProfilFactory(kecamatan=kecamatan, tahun=tahun)
    kecamatan_pk = kecamatan_besar(slug="ber-pk", indikator=1, sub_kegiatan=1)  # PK and profile 2024
    ProfilFactory(kecamatan=kecamatan_pk, tahun=2021)
    assert selectors.tahun_tersedia(kecamatan) == [2022, 2024]
    assert selectors.tahun_tersedia(kecamatan_pk) == [2021, 2024]
