"""Synthetic kecamatan: flagged, never mixed with the real five, removable whole."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from kabupaten.models import PemetaanIndikator
from kecamatan.alur import Status
from kecamatan.models import AlurLaporan, Kecamatan
from lkip.accounts.models import Peran
from lkip.laporan.sintetis import kecamatan_sintetis_buat
from perencanaan.models import PerjanjianKinerja
from tests.web.bantuan import pengguna

NYATA = {"arjasa", "kalisat", "kencong", "pakusari", "sumbersari"}


@pytest.mark.django_db
def test_the_command_makes_flagged_kecamatan_with_a_pk_and_mappings_per_year():
    call_command("buat_kecamatan_sintetis", "--jumlah", "2", "--tahun", "2023-2024", verbosity=0)
    sintetis = Kecamatan.objects.filter(sintetis=True).order_by("slug")
    assert [k.slug for k in sintetis] == ["sintetis-001", "sintetis-002"]
    assert all(k.nama.startswith("Sintetis ") for k in sintetis)
    assert set(PerjanjianKinerja.objects.filter(kecamatan__in=sintetis).values_list("tahun", flat=True)) == {
        2023,
        2024,
    }
    assert PemetaanIndikator.objects.filter(indikator__sasaran__renstra__kecamatan__in=sintetis).count() == 12
    # The same seed gives the same data: running again writes nothing new.
    sebelum = PerjanjianKinerja.history.count()
    kecamatan_sintetis_buat(jumlah=2, tahun=[2023, 2024])
    assert PerjanjianKinerja.history.count() == sebelum


@pytest.mark.django_db
@pytest.mark.parametrize(("slug", "sintetis"), [("sintetis-999", False), ("kalisat-2", True)])
def test_the_flag_and_the_slug_prefix_cannot_disagree(slug, sintetis):
    with pytest.raises(ValidationError, match="sintetis"):
        Kecamatan(slug=slug, nama="Uji", sintetis=sintetis).full_clean()


@pytest.mark.django_db
def test_delete_removes_only_the_synthetic_ones():
    kecamatan_sintetis_buat(jumlah=2, tahun=[2024])
    call_command("hapus_kecamatan_sintetis", verbosity=0)
    assert set(Kecamatan.objects.values_list("slug", flat=True)) == NYATA
    assert PerjanjianKinerja.objects.filter(kecamatan__slug="kalisat", tahun=2024).exists()


@pytest.mark.django_db
def test_delete_is_refused_whole_while_a_synthetic_year_is_locked():
    kecamatan_sintetis_buat(jumlah=2, tahun=[2024])
    AlurLaporan.objects.create(
        kecamatan=Kecamatan.objects.get(slug="sintetis-002"), tahun=2024, status=Status.TERKUNCI
    )
    with pytest.raises(CommandError, match="Terkunci"):
        call_command("hapus_kecamatan_sintetis", verbosity=0)
    assert Kecamatan.objects.filter(sintetis=True).count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize("tahun", ["2019-2020", "2025-2021", "abc", "2021-2022-2023"])
def test_years_outside_the_copied_renstra_are_refused(tahun):
    with pytest.raises(CommandError, match="Tahun"):
        call_command("buat_kecamatan_sintetis", "--jumlah", "1", "--tahun", tahun, verbosity=0)
    assert not Kecamatan.objects.filter(sintetis=True).exists()


@pytest.mark.django_db
def test_delete_is_refused_whole_while_an_account_belongs_to_a_synthetic_kecamatan():
    kecamatan_sintetis_buat(jumlah=1, tahun=[2024])
    pengguna(Peran.OPERATOR, "sintetis-001")
    with pytest.raises(CommandError, match="akun"):
        call_command("hapus_kecamatan_sintetis", verbosity=0)
    assert PerjanjianKinerja.objects.filter(kecamatan__slug="sintetis-001").exists()
