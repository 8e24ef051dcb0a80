"""Business keys and ranges are enforced by the database itself, not only by forms."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from anggaran.models import SubKegiatan
from capaian.models import Realisasi, RealisasiTriwulan
from kecamatan.models import Kecamatan
from lkip.accounts.models import Peran, User
from perencanaan.models import Renstra
from tests import factories


def gagal(buat) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        buat()


@pytest.mark.django_db
def test_kecamatan_slug_is_unique():
    gagal(lambda: Kecamatan.objects.create(slug="kalisat", nama="Kalisat lagi"))


@pytest.mark.django_db
def test_one_realisasi_per_indicator_and_year():
    realisasi = factories.RealisasiFactory()
    gagal(
        lambda: Realisasi.objects.create(
            indikator=realisasi.indikator, tahun=realisasi.tahun, status="belum_diisi"
        )
    )


@pytest.mark.django_db
@pytest.mark.parametrize("triwulan", [0, 5])
def test_triwulan_is_1_to_4(triwulan):
    realisasi = factories.RealisasiFactory()
    gagal(
        lambda: RealisasiTriwulan.objects.create(realisasi=realisasi, triwulan=triwulan, angka=Decimal("1"))
    )


@pytest.mark.django_db
def test_filled_realisasi_needs_a_yearly_value_or_a_quarter():
    """Spans two tables, so the model checks it: quarters alone may fill a year."""
    realisasi = Realisasi(indikator=factories.IndikatorFactory(), tahun=2024, status="terisi")
    with pytest.raises(ValidationError) as galat:
        realisasi.full_clean()
    assert "realisasi tahunan atau salah satu triwulan" in str(galat.value)
    realisasi.ada_triwulan = True
    realisasi.full_clean()
    realisasi.ada_triwulan = None
    realisasi.save()
    RealisasiTriwulan.objects.create(realisasi=realisasi, triwulan=2, angka=Decimal("5"))
    realisasi.full_clean()  # the stored quarter counts


@pytest.mark.django_db
@pytest.mark.parametrize("kolom", ["pagu", "realisasi"])
def test_budget_amounts_are_not_negative(kolom):
    kegiatan = factories.KegiatanFactory()
    isian = {"pagu": Decimal("10"), "realisasi": Decimal("5"), kolom: Decimal("-1")}
    gagal(lambda: SubKegiatan.objects.create(kegiatan=kegiatan, kode="x", nama="x", **isian))


@pytest.mark.django_db
def test_renstra_version_is_unique_and_in_force_within_its_period():
    renstra = factories.RenstraFactory()
    gagal(lambda: factories.RenstraFactory(kecamatan=renstra.kecamatan))
    gagal(lambda: factories.RenstraFactory(kecamatan=renstra.kecamatan, versi=2, berlaku_mulai=2030))
    gagal(lambda: factories.RenstraFactory(tahun_awal=2026, tahun_akhir=2021, berlaku_mulai=2026))


@pytest.mark.django_db
def test_renstra_in_force_is_the_latest_revision_that_took_effect():
    murni = factories.RenstraFactory()
    perubahan = factories.RenstraFactory(
        kecamatan=murni.kecamatan, versi=2, jenis="perubahan", berlaku_mulai=2023
    )
    assert Renstra.objects.berlaku(murni.kecamatan, 2022) == murni
    assert Renstra.objects.berlaku(murni.kecamatan, 2023) == perubahan
    assert Renstra.objects.berlaku(murni.kecamatan, 2030) is None


@pytest.mark.django_db
def test_pk_version_is_unique_per_year():
    pk = factories.PerjanjianFactory()
    gagal(lambda: factories.PerjanjianFactory(kecamatan=pk.kecamatan))


@pytest.mark.django_db
def test_kecamatan_roles_need_a_kecamatan_and_kabupaten_roles_have_none():
    kalisat = Kecamatan.objects.get(slug="kalisat")
    gagal(lambda: User.objects.create(username="op", peran=Peran.OPERATOR))
    gagal(lambda: User.objects.create(username="bp", peran=Peran.BAPPEDA, kecamatan=kalisat))
    assert User.objects.create(username="op2", peran=Peran.OPERATOR, kecamatan=kalisat).is_peran_kecamatan


@pytest.mark.django_db
def test_only_one_head_signs_per_profile():
    profil = factories.ProfilFactory()
    profil.pejabat.create(jabatan="Camat", nama="A", kepala=True)
    gagal(lambda: profil.pejabat.create(jabatan="Plt. Camat", nama="B", kepala=True))


def test_model_choices_match_the_scoring_vocabulary():
    from capaian import scoring
    from perencanaan.models import AturanTriwulan, Polaritas

    assert {c.value for c in Polaritas} == {p.value for p in scoring.Polaritas}
    assert {c.value for c in AturanTriwulan} == {a.value for a in scoring.AturanTriwulan}
    assert {c.value for c in Realisasi.Status} == {s.value for s in scoring.Status}
