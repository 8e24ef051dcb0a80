"""What the printed report states is right, for all five seed kecamatan, read back from the PDF:
each signature names the official in office on its document's date, the totals are the budget
tree's, years print as years, values carry their units, and no placeholder reaches the page."""

import re
import shutil
import subprocess
from datetime import date

import pytest

from kecamatan.jabatan import pejabat_pada
from kecamatan.models import Kecamatan
from lkip.laporan.isi import awal_tahun, isi_laporan
from lkip.laporan.pdf import pdf_lkip
from lkip.laporan.selectors import dokumen_lkip
from tests.laporan.test_pdf import TAHUN, halaman_teks, normal
from umum.angka import format_persen, format_rupiah

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) tidak terpasang"),
]

PLACEHOLDER = (
    "belum diisi",
    "Belum ada sub kegiatan",
    "dicatat",
    "diisi",
    "Data pegawai",
    "Data sarana",
    "Data desa",
    "Data susunan organisasi",
)
"""Software words and empty-table rows that must never reach a submitted report."""


def _tahun_berpemisah(tahun: int) -> re.Pattern:
    """``2024`` printed with a thousands separator (``2.024``), not inside a larger number."""
    return re.compile(rf"(?<![\d.,]){tahun // 1000}\.{tahun % 1000:03d}(?![.,]?\d)")


@pytest.fixture(scope="module")
def laporan(django_db_setup, django_db_blocker, tmp_path_factory):
    hasil = {}
    with django_db_blocker.unblock():
        for slug, tahun in TAHUN.items():
            kecamatan = Kecamatan.objects.get(slug=slug)
            pdf = pdf_lkip(kecamatan=kecamatan, tahun=tahun)
            tmp = tmp_path_factory.mktemp(slug)
            info = subprocess.run(
                ["pdfinfo", "-"], input=pdf, capture_output=True, check=True
            ).stdout.decode()
            hasil[slug] = {
                "halaman": halaman_teks(pdf, tmp),
                "judul": re.search(r"^Title:\s*(.*)$", info, re.M).group(1).strip(),
                "dok": dokumen_lkip(kecamatan=kecamatan, tahun=tahun),
                "isi": isi_laporan(kecamatan=kecamatan, tahun=tahun),
            }
    return hasil


def _bagian(halaman: list[str], awal: str, akhir: str | None = None) -> str:
    """The text from the page whose heading line starts with ``awal`` (not its TOC line) up to
    the page that starts ``akhir``, or to the end (also when no page starts ``akhir``)."""
    pola = lambda judul: re.compile(rf"^\s*{re.escape(judul)}(?!.*\.{{5}})", re.M)  # noqa: E731
    mulai = next(i for i, h in enumerate(halaman) if pola(awal).search(h))
    selesai = len(halaman)
    if akhir is not None:
        selesai = next((i for i, h in enumerate(halaman) if i > mulai and pola(akhir).search(h)), selesai)
    return normal("\n".join(halaman[mulai:selesai]))


@pytest.mark.parametrize("slug", TAHUN)
def test_no_placeholder_reaches_the_pdf(laporan, slug):
    teks = normal("\n".join(laporan[slug]["halaman"]))
    for frasa in PLACEHOLDER:
        assert frasa.lower() not in teks.lower(), frasa
    # A missing date prints dots only: never a guessed year beside them.
    assert not re.search(r"…\s*\d{4}", teks)


@pytest.mark.parametrize("slug", TAHUN)
def test_years_and_the_pdf_title_print_without_a_thousands_separator(laporan, slug):
    tahun = TAHUN[slug]
    nama = laporan[slug]["dok"].kecamatan.nama
    assert laporan[slug]["judul"] == f"Laporan Kinerja Kecamatan {nama} Tahun {tahun}"
    teks = "\n".join(laporan[slug]["halaman"])
    dok = laporan[slug]["dok"]
    dicetak = set(dok.renstra.tahun_periode) | {tahun - 1, tahun, tahun + 1}
    assert [th for th in sorted(dicetak) if _tahun_berpemisah(th).search(teks)] == []
    assert f"TAHUN {tahun}" in teks


@pytest.mark.parametrize("slug", TAHUN)
def test_each_head_signature_names_the_official_in_office_on_its_date(laporan, slug):
    dok, halaman = laporan[slug]["dok"], laporan[slug]["halaman"]
    pejabat = dok.profil.pejabat
    tahun = TAHUN[slug]
    dokumen = [
        (_bagian(halaman, "KATA PENGANTAR", "DAFTAR ISI"), dok.profil.tanggal_laporan),
        (_bagian(halaman, "Lampiran 4.", "Lampiran 5."), dok.penetapan_iku.tanggal or awal_tahun(tahun)),
    ]
    if dok.rkt is not None:
        dokumen.append((_bagian(halaman, "Lampiran 2.", "Lampiran 3"), dok.rkt.tanggal or awal_tahun(tahun)))
    for teks, tanggal in dokumen:
        penanda = pejabat_pada(pejabat, tanggal)
        assert penanda.nama in teks
        if penanda.nip:
            assert f"NIP. {penanda.nip}" in teks
        if penanda.pangkat:
            assert penanda.pangkat in teks
        lain = [p.nama for p in pejabat if p.jabatan == penanda.jabatan and p is not penanda]
        assert not [n for n in lain if n in teks]


@pytest.mark.parametrize("slug", TAHUN)
def test_each_pk_is_signed_by_a_camat_whose_term_covers_its_date(laporan, slug):
    dok, halaman = laporan[slug]["dok"], laporan[slug]["halaman"]
    teks = _bagian(halaman, "Lampiran 3", "Lampiran 4.")
    for pk in dok.perjanjian_kinerja:
        pertama = pk.pihak_pertama
        assert pertama.nama in teks and pk.pihak_kedua.nama in teks
        cocok = [p for p in dok.profil.pejabat if p.nip and p.nip == pertama.nip]
        for p in cocok:
            assert p.mulai_menjabat is None or p.mulai_menjabat <= pk.tanggal
            assert p.selesai_menjabat is None or pk.tanggal <= p.selesai_menjabat


def test_arjasa_and_pakusari_iku_decrees_name_the_camat_the_seeds_show(laporan):
    # Lampiran 5 (Rencana Aksi) follows in Arjasa: it is signed on the RKT's date, by its Camat.
    arjasa = _bagian(laporan["arjasa"]["halaman"], "Lampiran 4.", "Lampiran 5.")
    assert "DENDHY RADIANT, S.STP" in arjasa and "FAUZI" not in arjasa
    assert "3 April 2023" in arjasa
    pakusari = _bagian(laporan["pakusari"]["halaman"], "Lampiran 4.", "Lampiran 5.")
    assert "Drs. MOCHAMAD SURYADI, M.Si" in pakusari and "SYAMSUL" not in pakusari
    assert "NIP. 19670622 199303 1 006" in pakusari
    # Their Kata Pengantar, signed later, names the Camat who took office after them.
    assert "A.FAUZI, S.Sos., M.Si." in _bagian(laporan["arjasa"]["halaman"], "KATA PENGANTAR", "DAFTAR ISI")
    assert "R. SYAMSUL HIDAYAT, S.Sos" in _bagian(
        laporan["pakusari"]["halaman"], "KATA PENGANTAR", "DAFTAR ISI"
    )


@pytest.mark.parametrize("slug", TAHUN)
def test_the_cover_year_and_the_kata_pengantar_agree(laporan, slug):
    dok, halaman = laporan[slug]["dok"], laporan[slug]["halaman"]
    sampul, pengantar = halaman[0], _bagian(halaman, "KATA PENGANTAR", "DAFTAR ISI")
    tanggal = dok.profil.tanggal_laporan
    tahun_sampul = [int(t) for t in re.findall(r"^\s*(\d{4})\s*$", sampul, re.M)]
    if tanggal is None:
        assert tahun_sampul == []
        assert re.search(r"Jember, …+ CAMAT", pengantar)
    else:
        assert tahun_sampul == [tanggal.year]
        assert f"{tanggal.day} " in pengantar and str(tanggal.year) in pengantar


@pytest.mark.parametrize("slug", TAHUN)
def test_budget_totals_in_the_text_are_the_budget_trees(laporan, slug):
    dok = laporan[slug]["dok"]
    teks = normal("\n".join(laporan[slug]["halaman"]))
    total = dok.anggaran.total
    assert total.pagu == sum((s.pagu for s in dok.anggaran.semua_sub_kegiatan), start=total.pagu * 0)
    assert f"pagu anggaran {format_rupiah(total.pagu)}" in teks
    if total.realisasi is not None:
        assert f"terealisasi {format_rupiah(total.realisasi)} atau {format_persen(total.serapan)}" in teks
    # Every "Jumlah" row of the budget tables prints the same total.
    assert teks.count(f"Jumlah {format_rupiah(total.pagu).removeprefix('Rp')}") >= 2


def test_kencongs_capital_spending_makes_its_totals_the_seeds(laporan):
    dok = laporan["kencong"]["dok"]
    assert format_rupiah(dok.anggaran.total.pagu) == "Rp3.739.669.394"
    assert format_rupiah(dok.anggaran.total.realisasi) == "Rp3.114.077.597"
    assert dok.anggaran.total.pagu == dok.perjanjian_kinerja[-1].jumlah_anggaran
    teks = normal("\n".join(laporan["kencong"]["halaman"]))
    assert "Belanja Modal (tidak dirinci) 44.039.600 33.800.000" in teks


def test_the_capaian_table_prints_units_beside_values(laporan):
    pengukuran = _bagian(laporan["kalisat"]["halaman"], "Tabel 3.2 Pengukuran Realisasi Kinerja")
    pengukuran = pengukuran[: pengukuran.index("Rata-rata capaian")]
    assert re.search(r"\b4 dokumen\b", pengukuran)
    assert re.search(r"\b\d+(,\d+)?%", pengukuran)


@pytest.mark.parametrize("slug", TAHUN)
def test_one_number_per_sasaran_in_every_table_and_annex(laporan, slug):
    """The PK gives each sasaran its number; the RKT and IKU annexes print the same one."""
    isi = laporan[slug]["isi"]
    nomor_pk = {r.indikator: r.sasaran_nomor for r in isi["bab2"].pk_baris}
    lampiran = isi["lampiran"]
    rkt_baris = lampiran.rkt.baris if lampiran.rkt else ()
    for r in rkt_baris:
        if r.indikator in nomor_pk:
            assert r.sasaran_nomor == nomor_pk[r.indikator]
    nomor_rkt = [r.sasaran_nomor for r in rkt_baris if r.sasaran_nomor is not None]
    assert nomor_rkt == sorted(nomor_rkt)
    nomor_iku = [i.sasaran_nomor for i in lampiran.iku.indikator if i.sasaran_nomor is not None]
    assert nomor_iku == sorted(nomor_iku)
    for i in lampiran.iku.indikator:
        if i.indikator.uraian in nomor_pk:
            assert i.sasaran_nomor == nomor_pk[i.indikator.uraian]
    for s in isi["bab3"].sasaran:
        assert s.no in set(nomor_pk.values()) | {None}


def test_a_missing_signing_date_prints_dots_and_no_guessed_year(laporan):
    """Arjasa's LKIP has no signing day ("Januari 2024" in the seed): the cover prints no
    publication year and the Kata Pengantar leaves the date to be written in."""
    assert laporan["arjasa"]["dok"].profil.tanggal_laporan is None
    pengantar = _bagian(laporan["arjasa"]["halaman"], "KATA PENGANTAR", "DAFTAR ISI")
    assert "Jember, ……………………… CAMAT ARJASA" in pengantar
    assert "2024" not in laporan["arjasa"]["halaman"][0]


def test_the_signer_rule_on_its_own():
    from lkip.laporan.dokumen import Pejabat

    lama = Pejabat("Camat X", "LAMA", "", "", "1", False, None, date(2023, 6, 30))
    baru = Pejabat("Camat X", "BARU", "", "", "2", True, date(2023, 7, 1), None)
    tanpa_masa = Pejabat("Camat X", "TANPA MASA", "", "", "3", False)
    bupati = Pejabat("Bupati", "BUPATI", "", "", "", False)
    semua = (bupati, lama, baru)
    assert pejabat_pada(semua, date(2023, 6, 30)) is lama
    assert pejabat_pada(semua, date(2023, 7, 1)) is baru
    assert pejabat_pada(semua, None) is baru
    # No recorded term cannot be excluded; a recorded term that excludes the date is.
    assert pejabat_pada((tanpa_masa, baru), date(2023, 1, 2)) is tanpa_masa
    # Nobody could have signed then: the head, so the consistency check reports it.
    assert pejabat_pada((baru,), date(2023, 1, 2)) is baru
    assert pejabat_pada((bupati,), date(2023, 1, 2)) is None
