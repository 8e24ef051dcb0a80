"""The import: preview plan (new, changed, unchanged; errors by sheet, row and column), apply
all or nothing through the services with the history, idempotence, scope and the lock, the
numbers the forms accept, and the round trip of a seed year."""

import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from anggaran.models import IndikatorKegiatan, IndikatorProgram, Keluaran, Program, SubKegiatan
from capaian.models import Realisasi
from kecamatan.models import AlurLaporan, Desa, Kecamatan, KomposisiPegawai, SaranaPrasarana, StatusAlur
from lkip.accounts.models import Peran
from lkip.excel.aman import periksa_berkas_xlsx
from lkip.excel.rencana import Jenis
from lkip.excel.terapkan import ImporDitolak, impor_terapkan, rencana_berkas
from lkip.laporan.dokumen import dokumen_json
from lkip.laporan.selectors import dokumen_lkip
from perencanaan.models import Indikator, TargetPerjanjian, TargetRenstra, TargetRkt
from tests.excel.bantuan import isi_sel, kolom, templat, ubah
from tests.web.bantuan import pengguna

pytestmark = pytest.mark.django_db
KALISAT = ("kalisat", 2024)


def _kec(slug="kalisat"):
    return Kecamatan.objects.get(slug=slug)


def _rencana(isi: bytes, slug="kalisat", tahun=2024):
    return rencana_berkas(periksa_berkas_xlsx(isi), kecamatan=_kec(slug), tahun=tahun)


def _terapkan(isi: bytes, slug="kalisat", tahun=2024, oleh=None):
    rencana = _rencana(isi, slug, tahun)
    return impor_terapkan(
        berkas=periksa_berkas_xlsx(isi), kecamatan=_kec(slug), tahun=tahun, sidik=rencana.sidik, oleh=oleh
    )


def _realisasi(kode: str, tahun: int = 2024) -> Realisasi:
    return Realisasi.objects.get(
        indikator__kode=kode, indikator__sasaran__renstra__kecamatan__slug="kalisat", tahun=tahun
    )


@pytest.mark.parametrize(
    ("slug", "tahun"),
    [("kalisat", 2024), ("arjasa", 2023), ("kencong", 2023), ("sumbersari", 2023), ("pakusari", 2021)],
)
def test_the_template_of_a_seed_year_imports_as_all_unchanged(slug, tahun):
    rencana = _rencana(templat(slug, tahun), slug, tahun)
    assert rencana.galat == []
    assert rencana.baris and all(b.jenis == Jenis.TETAP for b in rencana.baris)


def test_a_changed_cell_shows_old_and_new_and_applies_with_the_user_in_the_history():
    isi = ubah(
        templat(), lambda b: isi_sel(b, "Realisasi", ("Kode indikator", "S1.1"), "Realisasi tahunan", "3,5")
    )
    rencana = _rencana(isi)
    berubah = [b for b in rencana.baris if b.jenis != Jenis.TETAP]
    assert [(b.lembar, b.baris, b.ubahan) for b in berubah] == [
        ("Realisasi", 3, (next(u for u in berubah[0].ubahan),))
    ]
    assert (berubah[0].ubahan[0].kolom, berubah[0].ubahan[0].lama, berubah[0].ubahan[0].baru) == (
        "Realisasi tahunan",
        "4",
        "3,5",
    )
    operator = pengguna(Peran.OPERATOR, "kalisat")
    _terapkan(isi, oleh=operator)
    r = _realisasi("S1.1")
    assert r.angka == Decimal("3.5")
    catatan = r.history.latest()
    assert (catatan.history_user, catatan.history_change_reason) == (operator, "impor excel")


def test_importing_the_same_file_twice_changes_nothing_the_second_time():
    def isi(buku):
        isi_sel(buku, "Realisasi", ("Kode indikator", "S1.1"), "Triwulan II", 2)
        isi_sel(buku, "Anggaran", ("Kode sub kegiatan", "1.1.1"), "Realisasi (Rp)", "Rp 1.500.000")
        isi_sel(
            buku,
            "Desa",
            (
                "Nama",
                Desa.objects.filter(profil__kecamatan__slug="kalisat", profil__tahun=2024)
                .order_by("urutan")
                .first()
                .nama,
            ),
            "Jumlah penduduk",
            "12.345",
        )

    berkas = ubah(templat(), isi)
    pertama = _rencana(berkas)
    assert sorted((b.lembar, b.jenis) for b in pertama.baris if b.jenis != Jenis.TETAP) == [
        ("Anggaran", Jenis.UBAH),
        ("Desa", Jenis.UBAH),
        ("Realisasi", Jenis.UBAH),
    ]
    _terapkan(berkas)
    riwayat = sum(m.history.count() for m in (Realisasi, SubKegiatan, Desa))
    kedua = _rencana(berkas)
    assert kedua.galat == [] and not kedua.ada_perubahan
    _terapkan(berkas)
    assert sum(m.history.count() for m in (Realisasi, SubKegiatan, Desa)) == riwayat
    assert (
        SubKegiatan.objects.get(
            kode="1.1.1", kegiatan__program__kecamatan__slug="kalisat", kegiatan__program__tahun=2024
        ).realisasi
        == 1500000
    )


@pytest.mark.parametrize(
    ("teks", "disimpan"),
    [
        ("97,5", Decimal("97.5")),
        ("1.234.567,89", Decimal("1234567.89")),
        ("95,56%", Decimal("95.56")),
        (97.5, Decimal("97.5")),
        ("B (69)", Decimal("69")),
    ],
)
def test_numbers_are_read_like_the_forms(teks, disimpan):
    _terapkan(
        ubah(
            templat(),
            lambda b: isi_sel(b, "Realisasi", ("Kode indikator", "S1.1"), "Realisasi tahunan", teks),
        )
    )
    assert _realisasi("S1.1").angka == disimpan


def test_rupiah_as_text_with_the_prefix_is_read():
    _terapkan(
        ubah(
            templat(),
            lambda b: isi_sel(b, "Anggaran", ("Kode sub kegiatan", "1.1.1"), "Pagu (Rp)", "Rp 3.116.155.160"),
        )
    )
    assert (
        SubKegiatan.objects.get(
            kode="1.1.1", kegiatan__program__kecamatan__slug="kalisat", kegiatan__program__tahun=2024
        ).pagu
        == 3116155160
    )


def test_an_ambiguous_number_is_refused_with_the_reason_naming_sheet_row_and_column():
    rencana = _rencana(
        ubah(
            templat(),
            lambda b: isi_sel(b, "Realisasi", ("Kode indikator", "S1.1"), "Realisasi tahunan", "1.234"),
        )
    )
    assert [str(g) for g in rencana.galat] == [
        "Lembar «Realisasi», baris 3, kolom «Realisasi tahunan»: «1.234» meragukan: titik bisa pemisah ribuan "
        "atau desimal. Tulis 1234 untuk ribuan atau 1,234 untuk desimal."
    ]


def test_jenis_belanja_and_quarterly_targets_are_read_checked_and_applied():
    rkt = TargetRkt.objects.get(rkt__kecamatan__slug="kalisat", rkt__tahun=2024, indikator__kode="S2.1")
    sub = SubKegiatan.objects.filter(
        kegiatan__program__kecamatan__slug="kalisat", kegiatan__program__tahun=2024
    )
    sub = sub.exclude(keluaran=None).order_by("pk").first()
    keluaran = sub.keluaran.order_by("urutan").first()

    def isi(buku, tw_rkt="3", belanja="Belanja Modal", tw_keluaran=2):
        def ubah_buku(b):
            isi_sel(b, "RKT", ("Kode indikator", "S2.1"), "Target TW II", tw_rkt)
            isi_sel(b, "Anggaran", ("Kode sub kegiatan", sub.kode), "Jenis belanja", belanja)
            isi_sel(b, "Keluaran", ("Indikator keluaran", keluaran.uraian), "Target TW IV", tw_keluaran)

        return ubah(buku, ubah_buku)

    salah = _rencana(isi(templat(), tw_rkt="-1", belanja="Belanja Pegawai", tw_keluaran="x"))
    assert sorted((g.lembar, g.kolom) for g in salah.galat) == [
        ("Anggaran", "Jenis belanja"),
        ("Keluaran", "Target TW IV"),
        ("RKT", "Target TW II"),
    ]
    assert "«Belanja Pegawai» tidak dikenal" in next(g.pesan for g in salah.galat if g.lembar == "Anggaran")
    berkas = isi(templat())
    ubahan = {(b.lembar, u.kolom, u.baru) for b in _rencana(berkas).baris for u in b.ubahan}
    assert {("RKT", "Target triwulan 2", "3"), ("Anggaran", "Jenis belanja", "Belanja Modal")} <= ubahan
    _terapkan(berkas)
    rkt.refresh_from_db()
    assert rkt.target_tw2 == 3 and rkt.history.latest().history_change_reason == "impor excel"
    assert SubKegiatan.objects.get(pk=sub.pk).jenis_belanja == "modal"
    assert Keluaran.objects.get(pk=keluaran.pk).target_tw4 == 2
    assert not _rencana(berkas).ada_perubahan


def test_an_error_in_row_400_of_500_writes_nothing():
    """500 new outputs on one sub kegiatan; row 400 has a negative target: nothing is saved."""

    def banyak(buku):
        ws = buku["Keluaran"]
        awal = ws.max_row + 1
        for n in range(500):
            ws.append(["1", "1.1", "1.1.1", f"Keluaran uji {n:03}", "dokumen", n + 1, n])
        ws.cell(awal + 399, kolom(buku, "Keluaran", "Target")).value = -5

    berkas = ubah(templat(), banyak)
    sebelum = Keluaran.objects.count()
    rencana = _rencana(berkas)
    assert [(g.baris, g.kolom) for g in rencana.galat] == [(rencana.galat[0].baris, "Target")]
    assert "tidak boleh kurang dari 0" in rencana.galat[0].pesan
    with pytest.raises(ImporDitolak):
        impor_terapkan(berkas=periksa_berkas_xlsx(berkas), kecamatan=_kec(), tahun=2024, sidik=rencana.sidik)
    assert Keluaran.objects.count() == sebelum


def test_a_failure_while_writing_row_400_rolls_back_the_rows_before_it(monkeypatch):
    """The plan is clean, but the 400th save fails (as a database error would): all or nothing."""
    from anggaran import services

    def banyak(buku):
        for n in range(500):
            buku["Keluaran"].append(["1", "1.1", "1.1.1", f"Keluaran uji {n:03}", "dokumen", n + 1, n])

    berkas = ubah(templat(), banyak)
    asli, hitung = Keluaran.full_clean, {"n": 0}

    def gagal_ke_400(self, *a, **k):
        hitung["n"] += 1
        if hitung["n"] == 400:
            raise ValidationError("gagal uji")
        return asli(self, *a, **k)

    monkeypatch.setattr(Keluaran, "full_clean", gagal_ke_400)
    sebelum = (Keluaran.objects.count(), Keluaran.history.count())
    with pytest.raises(ValidationError):
        _terapkan(berkas)
    assert hitung["n"] == 400 and services is not None
    assert (Keluaran.objects.count(), Keluaran.history.count()) == sebelum


def test_a_row_for_an_indicator_of_another_kecamatan_is_refused():
    lain = (
        Indikator.objects.filter(sasaran__renstra__kecamatan__slug="arjasa")
        .exclude(
            kode__in=Indikator.objects.filter(sasaran__renstra__kecamatan__slug="kalisat").values("kode")
        )
        .first()
    )

    def tambah(buku):
        ws = buku["Realisasi"]
        ws.append([lain.sasaran.kode, lain.kode, "", "", None, "Terisi", 50])

    rencana = _rencana(ubah(templat(), tambah))
    assert len(rencana.galat) == 1
    assert "tidak ada di Renstra Kalisat yang berlaku tahun 2024" in rencana.galat[0].pesan


@pytest.mark.parametrize("status", [StatusAlur.DIAJUKAN, StatusAlur.TERKUNCI])
def test_a_locked_year_refuses_the_import_and_writes_nothing(status):
    berkas = ubah(
        templat(), lambda b: isi_sel(b, "Realisasi", ("Kode indikator", "S1.1"), "Realisasi tahunan", 3)
    )
    rencana = _rencana(berkas)
    AlurLaporan.objects.create(kecamatan=_kec(), tahun=2024, status=status)
    with pytest.raises(ValidationError, match="tidak dapat diubah"):
        impor_terapkan(berkas=periksa_berkas_xlsx(berkas), kecamatan=_kec(), tahun=2024, sidik=rencana.sidik)
    assert _realisasi("S1.1").angka == 4


def test_apply_refuses_when_the_data_changed_since_the_preview():
    berkas = ubah(
        templat(), lambda b: isi_sel(b, "Realisasi", ("Kode indikator", "S1.1"), "Realisasi tahunan", 3)
    )
    rencana = _rencana(berkas)
    Realisasi.objects.filter(pk=_realisasi("S1.1").pk).update(angka=Decimal("2"))
    with pytest.raises(ImporDitolak, match="berubah sejak pratinjau"):
        impor_terapkan(berkas=periksa_berkas_xlsx(berkas), kecamatan=_kec(), tahun=2024, sidik=rencana.sidik)
    assert _realisasi("S1.1").angka == 2


def test_new_budget_rows_and_a_missing_parent():
    def tambah(buku):
        ws = buku["Anggaran"]
        ws.append(["Program", "9", "", "", "Program Uji", None, None, ""])
        ws.append(["Kegiatan", "9", "9.1", "", "Kegiatan Uji", None, None, ""])
        ws.append(["Sub kegiatan", "9", "9.1", "9.1.1", "Sub Uji", "Rp 1.000.000", 250000, "S1"])
        ws.append(["Sub kegiatan", "8", "8.1", "8.1.1", "Yatim", 5, None, ""])

    rencana = _rencana(ubah(templat(), tambah))
    assert [(g.kolom, g.pesan) for g in rencana.galat] == [
        ("Kode kegiatan", "Induknya (kegiatan 8.1) tidak ada di lembar ini maupun di data.")
    ]
    baru = ubah(
        templat(),
        lambda b: [
            b["Anggaran"].append(r)
            for r in [
                ["Program", "9", "", "", "Program Uji", None, None, ""],
                ["Kegiatan", "9", "9.1", "", "Kegiatan Uji", None, None, ""],
                ["Sub kegiatan", "9", "9.1", "9.1.1", "Sub Uji", "Rp 1.000.000", 250000, "S1"],
            ]
        ],
    )
    assert [b.jenis for b in _rencana(baru).baris if b.jenis != Jenis.TETAP] == [Jenis.BARU] * 3
    _terapkan(baru)
    sub = SubKegiatan.objects.get(kode="9.1.1", kegiatan__program__kecamatan__slug="kalisat")
    assert (sub.pagu, sub.realisasi, sub.sasaran.kode, sub.kegiatan.program.nama) == (
        1000000,
        250000,
        "S1",
        "Program Uji",
    )


INDIKATOR = "Indikator Program"
URAIAN_PROGRAM_1 = "Persentase realisasi anggaran"


def _indikator_program(uraian: str = URAIAN_PROGRAM_1) -> IndikatorProgram:
    return IndikatorProgram.objects.get(
        program__kecamatan__slug="kalisat", program__tahun=2024, program__kode="1", uraian=uraian
    )


def test_program_and_kegiatan_indicators_change_and_are_added_with_old_and_new_in_the_preview():
    kegiatan = IndikatorKegiatan.objects.filter(
        kegiatan__program__kecamatan__slug="kalisat", kegiatan__program__tahun=2024, kegiatan__kode="1.1"
    )
    sebelum = list(kegiatan.values_list("uraian", flat=True))

    def isi(buku):
        isi_sel(buku, INDIKATOR, ("Indikator", URAIAN_PROGRAM_1), "Realisasi", "97,5")
        isi_sel(buku, INDIKATOR, ("Indikator", URAIAN_PROGRAM_1), "Target", "1.250,5")
        buku[INDIKATOR].append(["1", "1.1", "Jumlah laporan uji", "Laporan", "2,25", None])

    berkas = ubah(templat(), isi)
    rencana = _rencana(berkas)
    assert rencana.galat == []
    berubah = {(b.label, b.jenis, u.kolom, u.lama, u.baru) for b in rencana.baris for u in b.ubahan}
    assert berubah == {
        (f"Program 1: {URAIAN_PROGRAM_1}", Jenis.UBAH, "Target", "100", "1.250,5"),
        (f"Program 1: {URAIAN_PROGRAM_1}", Jenis.UBAH, "Realisasi", "–", "97,5"),
        ("Kegiatan 1.1: Jumlah laporan uji", Jenis.BARU, "Satuan", "–", "Laporan"),
        ("Kegiatan 1.1: Jumlah laporan uji", Jenis.BARU, "Target", "–", "2,25"),
    }
    _terapkan(berkas, oleh=pengguna(Peran.OPERATOR, "kalisat"))
    ind = _indikator_program()
    assert (ind.target, ind.realisasi) == (Decimal("1250.5"), Decimal("97.5"))
    riwayat = ind.history.latest()
    assert riwayat.history_change_reason == "impor excel" and riwayat.history_user is not None
    # The new one goes after the kegiatan's others, which keep their order.
    assert list(kegiatan.order_by("urutan").values_list("uraian", flat=True)) == [
        *sebelum,
        "Jumlah laporan uji",
    ]
    assert kegiatan.get(uraian="Jumlah laporan uji").target == Decimal("2.25")
    assert not _rencana(berkas).ada_perubahan


@pytest.mark.parametrize(
    ("kolom_salah", "teks", "pesan"),
    [("Target", "-1", "tidak boleh kurang dari 0"), ("Realisasi", "sepuluh", "angka")],
)
def test_a_bad_indicator_number_gets_a_message_and_nothing_is_written(kolom_salah, teks, pesan):
    def isi(buku):
        isi_sel(buku, INDIKATOR, ("Indikator", URAIAN_PROGRAM_1), kolom_salah, teks)
        buku[INDIKATOR].append(["1", "", "Indikator baru uji", "%", 5, None])

    berkas = ubah(templat(), isi)
    rencana = _rencana(berkas)
    assert [(g.lembar, g.kolom) for g in rencana.galat] == [(INDIKATOR, kolom_salah)]
    assert pesan in rencana.galat[0].pesan
    with pytest.raises(ImporDitolak):
        impor_terapkan(berkas=periksa_berkas_xlsx(berkas), kecamatan=_kec(), tahun=2024, sidik=rencana.sidik)
    assert _indikator_program().target == 100
    assert not IndikatorProgram.objects.filter(uraian="Indikator baru uji").exists()


def test_an_indicator_of_an_unknown_or_another_kecamatans_program_is_refused():
    lain = Program.objects.create(kecamatan=_kec("arjasa"), tahun=2024, kode="9", nama="Program Arjasa")
    lain.kegiatan.create(kode="9.1", nama="Kegiatan Arjasa")

    def isi(buku):
        buku[INDIKATOR].append(["9", "", "Indikator uji", "%", 5, None])
        buku[INDIKATOR].append(["9", "9.1", "Indikator uji", "%", 5, None])
        buku[INDIKATOR].append(["1", "1.99", "Indikator uji", "%", 5, None])
        buku[INDIKATOR].append(["", "", "Indikator uji", "%", 5, None])

    rencana = _rencana(ubah(templat(), isi))
    assert [(g.kolom, g.pesan) for g in rencana.galat] == [
        ("Kode program", "Program 9 tidak ada di lembar Anggaran maupun di data."),
        ("Kode kegiatan", "Kegiatan 9.1 (program 9) tidak ada di lembar Anggaran maupun di data."),
        ("Kode kegiatan", "Kegiatan 1.99 (program 1) tidak ada di lembar Anggaran maupun di data."),
        ("Kode program", "Wajib diisi."),
    ]
    # A program the same workbook adds on its Anggaran sheet may carry indicators at once.
    baru = ubah(
        templat(),
        lambda b: (
            b["Anggaran"].append(["Program", "9", "", "", "Program Uji", None, None, ""]),
            b[INDIKATOR].append(["9", "", "Indikator uji", "%", 5, None]),
        ),
    )
    assert _rencana(baru).galat == []
    _terapkan(baru)
    ind = IndikatorProgram.objects.get(program__kecamatan__slug="kalisat", program__kode="9")
    assert (ind.uraian, ind.target, ind.urutan) == ("Indikator uji", 5, 1)
    assert not lain.indikator.exists()


@pytest.mark.parametrize("status", [StatusAlur.DIAJUKAN, StatusAlur.TERKUNCI])
def test_a_locked_year_refuses_the_indicators_and_writes_nothing(status):
    berkas = ubah(
        templat(), lambda b: isi_sel(b, INDIKATOR, ("Indikator", URAIAN_PROGRAM_1), "Realisasi", 90)
    )
    rencana = _rencana(berkas)
    assert rencana.ada_perubahan
    AlurLaporan.objects.create(kecamatan=_kec(), tahun=2024, status=status)
    with pytest.raises(ValidationError, match="tidak dapat diubah"):
        impor_terapkan(berkas=periksa_berkas_xlsx(berkas), kecamatan=_kec(), tahun=2024, sidik=rencana.sidik)
    assert _indikator_program().realisasi is None


def test_the_plan_is_built_in_a_constant_number_of_queries(django_assert_num_queries):
    def banyak(n):
        def isi(buku):
            for i in range(n):
                buku["Keluaran"].append(["1", "1.1", "1.1.1", f"Keluaran uji {i:03}", "dokumen", i + 1, i])
                buku["Anggaran"].append(
                    ["Sub kegiatan", "1", "1.1", f"1.1.{100 + i}", f"Sub {i}", 1000 + i, None, "S1"]
                )
                buku["Indikator Program"].append(["1", "", f"Indikator uji {i:03}", "%", i, None])
                buku["Indikator Program"].append(["1", "1.1", f"Indikator uji {i:03}", "%", "1,5", i])

        return periksa_berkas_xlsx(ubah(templat(), isi))

    kecil, besar = banyak(2), banyak(300)
    # 17 before the RKT sheet: the RKT and its targets; then the program and kegiatan indicators
    with django_assert_num_queries(21) as kecil_q:
        rencana_berkas(kecil, kecamatan=_kec(), tahun=2024)
    with django_assert_num_queries(len(kecil_q.captured_queries)):
        r = rencana_berkas(besar, kecamatan=_kec(), tahun=2024)
    assert sum(1 for b in r.baris if b.jenis == Jenis.BARU) == 1200


def _kosongkan(kecamatan: Kecamatan, tahun: int) -> None:
    """The year's structure only: the values the workbook carries are removed."""
    Realisasi.objects.filter(indikator__sasaran__renstra__kecamatan=kecamatan, tahun=tahun).delete()
    Program.objects.filter(kecamatan=kecamatan, tahun=tahun).delete()
    for model in (Desa, KomposisiPegawai, SaranaPrasarana):
        model.objects.filter(profil__kecamatan=kecamatan, profil__tahun=tahun).delete()
    TargetPerjanjian.objects.filter(perjanjian__kecamatan=kecamatan, perjanjian__tahun=tahun).update(
        angka=None, huruf=""
    )
    TargetRkt.objects.filter(rkt__kecamatan=kecamatan, rkt__tahun=tahun).update(
        angka=None, huruf="", target_tw1=None, target_tw2=None, target_tw3=None, target_tw4=None
    )
    renstra = Indikator.objects.filter(sasaran__renstra__kecamatan=kecamatan)
    TargetRenstra.objects.filter(indikator__in=renstra).delete()


#: What the workbook does not carry yet: the profile's table sources (the "Sumber:" lines; the
#: profile page and the fixtures carry them), the year's innovations and awards, and the
#: documentation photos (files, not cells).
TIDAK_DIBAWA_BUKU = {"sumber_tabel", "inovasi", "penghargaan", "dokumentasi"}


def _tanpa(isi, kunci: set[str]):
    if isinstance(isi, dict):
        return {k: _tanpa(v, kunci) for k, v in isi.items() if k not in kunci}
    if isinstance(isi, list):
        return [_tanpa(v, kunci) for v in isi]
    return isi


def _json(kecamatan, tahun: int) -> str:
    """The year's ``lkip_json`` without what the workbook does not carry yet."""
    dok = dokumen_json(dokumen_lkip(kecamatan=kecamatan, tahun=tahun))
    return json.dumps(_tanpa(dok, TIDAK_DIBAWA_BUKU), sort_keys=True, default=str)


@pytest.mark.parametrize(
    ("slug", "tahun"),
    [("kalisat", 2024), ("arjasa", 2023), ("kencong", 2023), ("sumbersari", 2023), ("pakusari", 2021)],
)
def test_round_trip_a_seed_year_reproduces_the_same_lkip_json(slug, tahun):
    """Everything the year holds goes through the workbook, nothing left out: the kinds of
    spending, the Rencana Aksi's quarterly targets (RKT and outputs) and the program and
    kegiatan indicators included."""
    kecamatan = _kec(slug)
    asli = _json(kecamatan, tahun)
    berkas = templat(slug, tahun)
    _kosongkan(kecamatan, tahun)
    assert _json(kecamatan, tahun) != asli
    rencana = _rencana(berkas, slug, tahun)
    assert rencana.galat == []
    _terapkan(berkas, slug, tahun)
    assert _json(kecamatan, tahun) == asli
    assert not _rencana(berkas, slug, tahun).ada_perubahan


def test_apply_writes_in_batches_not_one_query_per_row():
    """300 new outputs and 300 changed realisasi quarters cost a few more INSERT batches than 2
    (SQLite takes at most 999 parameters per statement), never a query per row."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def banyak(n):
        def isi(buku):
            for i in range(n):
                buku["Keluaran"].append(["1", "1.1", "1.1.1", f"Keluaran uji {i:03}", "dokumen", i + 1, i])
                buku["Anggaran"].append(
                    ["Sub kegiatan", "1", "1.1", f"1.1.{100 + i}", f"Sub {i}", 1000 + i, None, "S1"]
                )

        return ubah(templat(), isi)

    hitung = []
    for n in (2, 300):
        berkas = banyak(n)
        with CaptureQueriesContext(connection) as q:
            _terapkan(berkas)
        hitung.append(len(q.captured_queries))
        assert Keluaran.objects.filter(uraian__startswith="Keluaran uji").count() == n
        Keluaran.objects.filter(uraian__startswith="Keluaran uji").delete()
        SubKegiatan.objects.filter(
            nama__startswith="Sub ", kegiatan__program__kecamatan__slug="kalisat"
        ).delete()
    assert hitung[1] - hitung[0] <= 12, hitung  # 598 more rows: 9 more batch statements here
