"""Review notes: who writes what, the states, the lock of a finished year, forged places, the
counts for the dashboards and the list a return records."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError

from anggaran.models import Kegiatan, Program, SubKegiatan
from kecamatan.alur import Aksi, Status, alur_terapkan
from kecamatan.models import AlurLaporan, Kecamatan, RiwayatAlur
from lkip.accounts.models import Peran
from lkip.laporan.models import BagianNarasi
from reviu import services
from reviu.models import BagianLaporan, BalasanCatatan, CatatanReviu
from reviu.selectors import catatan_tahun, catatan_terbuka_per_kecamatan, ringkasan_catatan_terbuka
from tests.web.bantuan import bukti_berkas, indikator_pk, pengguna

pytestmark = pytest.mark.django_db

SLUG, TAHUN = "kalisat", 2024


@pytest.fixture
def kecamatan() -> Kecamatan:
    return Kecamatan.objects.get(slug=SLUG)


@pytest.fixture
def inspektorat():
    return pengguna(Peran.INSPEKTORAT)


def status(kecamatan: Kecamatan, nilai: Status, tahun: int = TAHUN) -> None:
    AlurLaporan.objects.update_or_create(kecamatan=kecamatan, tahun=tahun, defaults={"status": nilai})


def tulis(kecamatan, oleh, jenis="tahun", isi="Periksa lagi.", **kw) -> CatatanReviu:
    return services.catatan_create(kecamatan=kecamatan, tahun=TAHUN, oleh=oleh, jenis=jenis, isi=isi, **kw)


def test_every_prose_section_of_the_report_can_be_the_place_of_a_note():
    assert {b.value: str(b.label) for b in BagianNarasi}.items() <= {
        b.value: str(b.label) for b in BagianLaporan
    }.items()


def test_a_note_on_each_kind_of_place_keeps_its_row_and_label(kecamatan, inspektorat):
    indikator = indikator_pk(SLUG, TAHUN)[0]
    bukti = bukti_berkas(indikator, TAHUN)
    program = Program.objects.filter(kecamatan=kecamatan, tahun=TAHUN).first()
    kegiatan = Kegiatan.objects.filter(program=program).first()
    sub = SubKegiatan.objects.filter(kegiatan=kegiatan).first()
    baris = {
        "indikator": indikator,
        "program": program,
        "kegiatan": kegiatan,
        "sub_kegiatan": sub,
        "bukti": bukti,
    }
    for jenis, obj in baris.items():
        c = tulis(kecamatan, inspektorat, jenis, target_id=obj.pk)
        assert getattr(c, jenis) == obj and c.status == CatatanReviu.Status.TERBUKA
    assert tulis(kecamatan, inspektorat, "bagian", bagian="latar_belakang").label == "BAB I A. Latar Belakang"
    assert tulis(kecamatan, inspektorat).label == f"Laporan tahun {TAHUN}"
    c = CatatanReviu.objects.get(jenis="indikator")
    assert c.label == f"Indikator {indikator.kode} {indikator.uraian}"
    assert c.nama == inspektorat.username and c.peran == Peran.INSPEKTORAT
    data = catatan_tahun(kecamatan=kecamatan, tahun=TAHUN)
    assert [x.pk for x in data.indikator[indikator.pk]] == [c.pk]
    assert (
        len(data.sub_kegiatan[sub.pk]) == len(data.bukti[bukti.pk]) == len(data.bagian["latar_belakang"]) == 1
    )
    assert len(data.tahun) == 1 and data.jumlah_terbuka == 7
    # The year now has a workflow row (a draft), through which the menu counts its notes.
    assert AlurLaporan.objects.get(kecamatan=kecamatan, tahun=TAHUN).status == Status.DRAF


@pytest.mark.parametrize("jenis", ["indikator", "program", "kegiatan", "sub_kegiatan", "bukti"])
def test_a_place_of_another_kecamatan_or_year_is_refused_and_nothing_is_written(
    kecamatan, inspektorat, jenis
):
    lain = Kecamatan.objects.get(slug="arjasa")
    indikator = indikator_pk("arjasa", 2023)[0]
    program = Program.objects.filter(kecamatan=lain, tahun=2023).first()
    kegiatan = Kegiatan.objects.filter(program=program).first()
    obj = {
        "indikator": indikator,
        "program": program,
        "kegiatan": kegiatan,
        "sub_kegiatan": SubKegiatan.objects.filter(kegiatan=kegiatan).first(),
        "bukti": bukti_berkas(indikator, 2023),
    }[jenis]
    with pytest.raises(ValidationError, match="tidak ada pada data Kecamatan Kalisat tahun 2024"):
        tulis(kecamatan, inspektorat, jenis, target_id=obj.pk)
    # Arjasa's own row in another of Arjasa's years is refused the same way.
    with pytest.raises(ValidationError, match="tidak ada pada data"):
        services.catatan_create(
            kecamatan=lain, tahun=2019, oleh=inspektorat, jenis=jenis, isi="x", target_id=obj.pk
        )
    assert not CatatanReviu.objects.exists()


def test_an_unknown_section_or_an_empty_note_is_refused(kecamatan, inspektorat):
    with pytest.raises(ValidationError, match="Pilih bagian"):
        tulis(kecamatan, inspektorat, "bagian", bagian="bab_9")
    with pytest.raises(ValidationError, match="Tulis catatan"):
        tulis(kecamatan, inspektorat, isi="   ")
    assert not CatatanReviu.objects.exists()


@pytest.mark.parametrize("peran", [Peran.OPERATOR, Peran.CAMAT, Peran.ADMIN])
def test_only_reviewers_write_notes(kecamatan, peran):
    with pytest.raises(PermissionDenied):
        tulis(kecamatan, pengguna(peran, SLUG if peran != Peran.ADMIN else None))
    assert not CatatanReviu.objects.exists()


def test_the_kecamatans_reply_makes_it_ditanggapi_and_only_the_reviewer_closes_or_reopens(
    kecamatan, inspektorat
):
    status(kecamatan, Status.DIAJUKAN)  # notes are written while the year's data is locked
    c = tulis(kecamatan, inspektorat)
    operator = pengguna(Peran.OPERATOR, SLUG)
    services.catatan_balas(catatan=c, oleh=operator, isi="Sudah diperbaiki.")
    c.refresh_from_db()
    assert c.status == CatatanReviu.Status.DITANGGAPI
    with pytest.raises(PermissionDenied):
        services.catatan_ubah_status(catatan=c, oleh=operator, status="selesai")
    services.catatan_balas(catatan=c, oleh=inspektorat, isi="Terima kasih.")
    c.refresh_from_db()
    assert c.status == CatatanReviu.Status.DITANGGAPI  # a reviewer's reply moves nothing
    services.catatan_ubah_status(catatan=c, oleh=pengguna(Peran.BAPPEDA), status="selesai", dari="ditanggapi")
    c.refresh_from_db()
    assert c.status == CatatanReviu.Status.SELESAI
    with pytest.raises(ValidationError, match="sudah selesai"):
        services.catatan_balas(catatan=c, oleh=operator, isi="Satu lagi.")
    # A reviewer acting on the state it saw before someone else closed it is refused.
    with pytest.raises(ValidationError, match="sudah berstatus «Selesai»"):
        services.catatan_ubah_status(catatan=c, oleh=inspektorat, status="terbuka", dari="ditanggapi")
    services.catatan_ubah_status(catatan=c, oleh=inspektorat, status="terbuka", dari="selesai")
    c.refresh_from_db()
    assert c.status == CatatanReviu.Status.TERBUKA
    assert [b.isi for b in c.balasan.order_by("dibuat", "pk")] == ["Sudah diperbaiki.", "Terima kasih."]
    # Every step is in the history, with who took it.
    assert [h.status for h in c.history.order_by("history_date", "history_id")] == [
        "terbuka", "ditanggapi", "selesai", "terbuka"
    ]  # fmt: skip


def test_another_kecamatan_may_not_reply(kecamatan, inspektorat):
    c = tulis(kecamatan, inspektorat)
    with pytest.raises(PermissionDenied):
        services.catatan_balas(catatan=c, oleh=pengguna(Peran.OPERATOR, "arjasa"), isi="Bukan milik kami.")
    assert not BalasanCatatan.objects.exists()


def test_a_terkunci_year_keeps_its_notes_readable_and_refuses_every_note_write(kecamatan, inspektorat):
    c = tulis(kecamatan, inspektorat)
    status(kecamatan, Status.TERKUNCI)
    for langkah in (
        lambda: tulis(kecamatan, inspektorat),
        lambda: services.catatan_balas(catatan=c, oleh=pengguna(Peran.CAMAT, SLUG), isi="x"),
        lambda: services.catatan_ubah_status(catatan=c, oleh=inspektorat, status="selesai"),
    ):
        with pytest.raises(ValidationError, match="sudah dikunci"):
            langkah()
    c.refresh_from_db()
    assert c.status == CatatanReviu.Status.TERBUKA
    assert CatatanReviu.objects.count() == 1 and not BalasanCatatan.objects.exists()


def test_the_database_refuses_a_note_pointing_at_a_row_of_another_kind(kecamatan, inspektorat):
    c = tulis(kecamatan, inspektorat)
    c.indikator = indikator_pk(SLUG, TAHUN)[0]
    with pytest.raises(IntegrityError):
        c.save()


def test_open_notes_per_kecamatan_in_one_query(django_assert_num_queries, inspektorat):
    for slug, tahun, n in (("kalisat", TAHUN, 3), ("arjasa", TAHUN, 2), ("arjasa", 2023, 4)):
        k = Kecamatan.objects.get(slug=slug)
        for _ in range(n):
            services.catatan_create(kecamatan=k, tahun=tahun, oleh=inspektorat, jenis="tahun", isi="x")
    kalisat = Kecamatan.objects.get(slug="kalisat")
    c = CatatanReviu.objects.filter(kecamatan=kalisat).first()
    services.catatan_ubah_status(catatan=c, oleh=inspektorat, status="selesai")
    with django_assert_num_queries(1):
        hasil = catatan_terbuka_per_kecamatan(TAHUN)
    assert hasil == {kalisat.pk: 2, Kecamatan.objects.get(slug="arjasa").pk: 2}
    assert catatan_terbuka_per_kecamatan(2030) == {}


def test_a_return_records_the_open_notes_under_its_reason(kecamatan, inspektorat):
    indikator = indikator_pk(SLUG, TAHUN)[0]
    status(kecamatan, Status.DIAJUKAN)
    tulis(kecamatan, inspektorat, "indikator", isi="Bukti realisasi belum ada.", target_id=indikator.pk)
    selesai = tulis(kecamatan, inspektorat, isi="Sudah beres.")
    services.catatan_ubah_status(catatan=selesai, oleh=inspektorat, status="selesai")
    alur = AlurLaporan.objects.get(kecamatan=kecamatan, tahun=TAHUN)
    assert ringkasan_catatan_terbuka(alur) == [
        f"Indikator {indikator.kode} {indikator.uraian} (terbuka): Bukti realisasi belum ada."
    ]
    alur_terapkan(
        kecamatan=kecamatan, tahun=TAHUN, aksi=Aksi.KEMBALIKAN, oleh=inspektorat, catatan="Lengkapi bukti."
    )
    catatan = RiwayatAlur.objects.get(alur=alur, aksi=Aksi.KEMBALIKAN).catatan
    assert catatan.startswith("Lengkapi bukti.\n\nCatatan reviu yang belum selesai:\n- Indikator ")
    assert "Bukti realisasi belum ada." in catatan and "Sudah beres." not in catatan
