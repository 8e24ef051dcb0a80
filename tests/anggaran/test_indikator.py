"""Program and kegiatan indicators: one per name under a row, never negative, kept in the
history, scored against their target, and gone with their row."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from anggaran.models import IndikatorKegiatan, IndikatorProgram, Kegiatan, Program
from kecamatan.models import Kecamatan

pytestmark = pytest.mark.django_db


@pytest.fixture
def program() -> Program:
    kecamatan = Kecamatan.objects.create(slug="uji-indikator", nama="Uji Indikator")
    return Program.objects.create(kecamatan=kecamatan, tahun=2024, kode="1", nama="Program Uji")


@pytest.fixture
def kegiatan(program) -> Kegiatan:
    return Kegiatan.objects.create(program=program, kode="1.1", nama="Kegiatan Uji")


def test_one_indicator_per_name_under_a_program(program):
    IndikatorProgram.objects.create(program=program, uraian="Persentase realisasi anggaran")
    with pytest.raises(IntegrityError), transaction.atomic():
        IndikatorProgram.objects.create(program=program, uraian="Persentase realisasi anggaran")


def test_the_same_name_under_another_kegiatan_is_allowed_and_validated_in_indonesian(kegiatan):
    lain = Kegiatan.objects.create(program=kegiatan.program, kode="1.2", nama="Kegiatan Lain")
    IndikatorKegiatan.objects.create(kegiatan=kegiatan, uraian="Jumlah laporan")
    IndikatorKegiatan.objects.create(kegiatan=lain, uraian="Jumlah laporan")
    kembar = IndikatorKegiatan(kegiatan=kegiatan, uraian="Jumlah laporan")
    with pytest.raises(ValidationError) as galat:
        kembar.full_clean()
    assert "sudah memiliki indikator dengan uraian itu" in " ".join(galat.value.messages)


@pytest.mark.parametrize("kolom", ["target", "realisasi"])
def test_a_negative_target_or_realisasi_is_refused_by_the_database(program, kolom):
    with pytest.raises(IntegrityError), transaction.atomic():
        IndikatorProgram.objects.create(program=program, uraian="X", **{kolom: Decimal("-1")})


def test_capaian_is_realisasi_over_target_and_missing_stays_missing(program):
    ada = IndikatorProgram(program=program, uraian="A", target=Decimal("100"), realisasi=Decimal("76.91"))
    assert ada.capaian == Decimal("76.91")
    assert IndikatorProgram(program=program, uraian="B", target=Decimal("100")).capaian is None
    assert IndikatorProgram(program=program, uraian="C", realisasi=Decimal("5")).capaian is None


def test_changes_are_in_the_history_and_the_indicators_go_with_their_row(kegiatan):
    indikator = IndikatorKegiatan.objects.create(kegiatan=kegiatan, uraian="Jumlah dokumen", target=10)
    indikator.target = Decimal("12")
    indikator.save()
    assert [h.target for h in indikator.history.order_by("history_id")] == [10, 12]
    IndikatorProgram.objects.create(program=kegiatan.program, uraian="Persentase realisasi anggaran")
    program = kegiatan.program
    program.delete()
    assert not IndikatorKegiatan.objects.filter(kegiatan__program__kecamatan=program.kecamatan).exists()
    assert not IndikatorProgram.objects.filter(program__kecamatan=program.kecamatan).exists()
