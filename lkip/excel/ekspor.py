"""A kecamatan's year as Excel workbooks: the capaian table, the budget realisation, the whole year.

Every number comes from the typed LKIP document (``lkip.laporan.selectors``), which takes it
from the one scoring service and the budget selectors, so a workbook can never disagree with
the report. Cells go through ``umum.lembar``: numbers as numeric cells with Indonesian display
formats, dates as dates, missing as an empty cell, and text that looks like a formula kept as
text. A target or realisasi written with a letter grade (``B (69)``) stays text as written; a
plain number is a number.
"""

import io
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from capaian.models import Realisasi
from capaian.scoring import Nilai
from kecamatan.models import Desa as DesaModel
from kecamatan.models import Kecamatan
from lkip.laporan import dokumen as d
from lkip.laporan.selectors import anggaran_dokumen, capaian_dokumen, dokumen_lkip
from perencanaan.models import AturanTriwulan, Polaritas
from umum.lembar import FORMAT_DESIMAL, FORMAT_RUPIAH, tulis_baris, tulis_judul

JENIS_BERKAS = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: A year is a number without a thousands separator (2024, not 2.024).
FORMAT_TAHUN = "0"

_STATUS = dict(Realisasi.Status.choices)
_POLARITAS = {Polaritas.POSITIF.value: "Positif", Polaritas.NEGATIF.value: "Negatif"}
_ATURAN = dict(AturanTriwulan.choices)
_JENIS_DESA = dict(DesaModel.Jenis.choices)
_JENIS_DOKUMEN = {"murni": "Murni", "perubahan": "Perubahan"}


@dataclass(frozen=True)
class BerkasExcel:
    nama: str
    isi: bytes


def _nilai(nilai: Nilai | None) -> object:
    """A target or realisasi: a plain number as a number, a letter grade as written."""
    if nilai is None:
        return None
    return nilai.teks if nilai.huruf else nilai.angka


def _lembar(buku: Workbook, judul: str, kolom: Sequence[str], lebar: Sequence[int]) -> Worksheet:
    lembar = buku.create_sheet(judul)
    tulis_judul(lembar, kolom, lebar=lebar)
    return lembar


def _simpan(buku: Workbook) -> bytes:
    berkas = io.BytesIO()
    buku.save(berkas)
    return berkas.getvalue()


def _buku_kosong() -> Workbook:
    buku = Workbook()
    buku.remove(buku.active)
    return buku


# --- capaian ---------------------------------------------------------------------------------

_PERSEN = [None] * 8 + [FORMAT_DESIMAL, FORMAT_DESIMAL] + [None] * 5 + [FORMAT_DESIMAL]


def lembar_capaian(buku: Workbook, capaian: d.Capaian | d.CapaianTidakTersedia) -> None:
    """Per indicator, per sasaran and overall, and the predikat scale used (three sheets)."""
    lembar = _lembar(
        buku,
        "Capaian indikator",
        [
            "Sasaran", "Uraian sasaran", "Kode", "Indikator", "Satuan", "Polaritas", "Target",
            "Realisasi", "Capaian (%)", "Capaian dinilai (%)", "Predikat", "Status", "Alasan",
            "Rekap triwulan", "Target akhir Renstra", "Capaian thd target akhir (%)", "Temuan",
        ],
        [8, 36, 10, 48, 12, 10, 12, 12, 12, 12, 16, 18, 30, 12, 14, 14, 48],
    )  # fmt: skip
    if not capaian.tersedia:
        tulis_baris(lembar, [None, capaian.alasan])
        return
    for b in capaian.indikator:
        tulis_baris(
            lembar,
            [
                b.sasaran_no, b.sasaran, b.indikator_kode, b.indikator, b.satuan,
                _POLARITAS.get(b.polaritas, b.polaritas), _nilai(b.target), _nilai(b.realisasi),
                b.capaian, b.capaian_akhir, b.predikat, str(_STATUS.get(b.status, b.status)), b.alasan,
                b.rekap_triwulan, _nilai(b.target_akhir_renstra), b.capaian_terhadap_target_akhir,
                " ".join(t.pesan for t in b.temuan) or None,
            ],
            format_angka=_PERSEN,
        )  # fmt: skip
    lembar = _lembar(buku, "Capaian sasaran", ["Sasaran", "Kode", "Uraian sasaran", "Capaian (%)", "Predikat"],
                     [8, 10, 60, 12, 18])  # fmt: skip
    for s in capaian.sasaran:
        tulis_baris(lembar, [s.no, s.kode, s.sasaran, s.capaian, s.predikat])
    tulis_baris(
        lembar, [None, None, "Rata-rata keseluruhan", capaian.rata_rata.capaian, capaian.rata_rata.predikat]
    )
    skala = capaian.skala_detail
    lembar = _lembar(
        buku, "Skala predikat", ["Predikat", "Keterangan", "Rentang capaian (x, %)"], [12, 24, 24]
    )
    for p in skala.pita:
        tulis_baris(lembar, [p.kode, p.keterangan, p.interval])
    tulis_baris(lembar, [])
    tulis_baris(lembar, ["Skala", f"{skala.kode} — {skala.nama}"])
    tulis_baris(lembar, ["Sumber", skala.sumber or None])
    tulis_baris(
        lembar,
        ["Batas atas capaian (%)", "tanpa batas" if skala.batas_atas is None else skala.batas_atas],
        format_angka=[None, FORMAT_DESIMAL],
    )


# --- anggaran --------------------------------------------------------------------------------

_UANG = [None, None, None, FORMAT_RUPIAH, FORMAT_RUPIAH, FORMAT_DESIMAL]


def lembar_anggaran(buku: Workbook, anggaran: d.Anggaran) -> None:
    """Program → kegiatan → sub kegiatan with pagu, realisasi and serapan, and the outputs."""
    lembar = _lembar(
        buku,
        "Realisasi anggaran",
        ["Tingkat", "Kode", "Uraian", "Pagu (Rp)", "Realisasi (Rp)", "Serapan (%)", "Sasaran didukung"],
        [14, 22, 60, 18, 18, 12, 14],
    )
    for p in anggaran.program:
        tulis_baris(lembar, ["Program", p.kode, p.nama, p.pagu, p.realisasi, p.serapan], format_angka=_UANG)
        for k in p.kegiatan:
            tulis_baris(
                lembar, ["Kegiatan", k.kode, k.nama, k.pagu, k.realisasi, k.serapan], format_angka=_UANG
            )
            for s in k.sub_kegiatan:
                tulis_baris(
                    lembar,
                    ["Sub kegiatan", s.kode, s.nama, s.pagu, s.realisasi, s.serapan, s.sasaran],
                    format_angka=_UANG,
                )
    t = anggaran.total
    tulis_baris(lembar, ["Jumlah", None, None, t.pagu, t.realisasi, t.serapan], format_angka=_UANG)
    lembar = _lembar(
        buku,
        "Keluaran",
        ["Kode sub kegiatan", "Indikator keluaran", "Satuan", "Target", "Realisasi", "Capaian (%)"],
        [22, 60, 14, 12, 12, 12],
    )
    for s in anggaran.semua_sub_kegiatan:
        for o in s.keluaran:
            tulis_baris(lembar, [s.kode, o.uraian, o.satuan, o.target, o.realisasi, o.capaian])


# --- the whole year --------------------------------------------------------------------------


def lembar_profil(buku: Workbook, dok: d.DokumenLkip) -> None:
    lembar = _lembar(buku, "Profil", ["Data", "Nilai"], [34, 70])
    p = dok.profil or d.Profil()
    # A row is (label, value) or (label, value, number format).
    for label, *isi in [
        ("Kecamatan", dok.kecamatan.nama),
        ("Kabupaten", dok.kecamatan.kabupaten),
        ("Alamat kantor", dok.kecamatan.alamat_kantor or None),
        ("Tahun", dok.tahun, FORMAT_TAHUN),
        ("Luas wilayah (km²)", p.luas_km2),
        ("Jumlah penduduk", p.jumlah_penduduk),
        ("Tempat penandatanganan laporan", p.tempat_laporan),
        ("Tanggal penandatanganan laporan", p.tanggal_laporan),
        *[(f"Isu strategis {i}", isu) for i, isu in enumerate(p.isu_strategis, start=1)],
    ]:
        tulis_baris(lembar, [label, isi[0]], format_angka=[None, *isi[1:]])
    lembar = _lembar(buku, "Desa", ["Nama", "Jenis", "Luas (km²)", "Jumlah penduduk"], [28, 12, 12, 16])
    for x in p.desa:
        tulis_baris(lembar, [x.nama, str(_JENIS_DESA.get(x.jenis, x.jenis)), x.luas_km2, x.jumlah_penduduk])
    lembar = _lembar(
        buku,
        "Pegawai",
        ["Kelompok", "Jabatan", "Kebutuhan", "Bezetting", "Laki-laki", "Perempuan"],
        [24, 40, 11, 11, 11, 11],
    )
    for x in p.pegawai:
        tulis_baris(
            lembar, [x.kelompok or None, x.jabatan, x.kebutuhan, x.bezetting, x.laki_laki, x.perempuan]
        )
    lembar = _lembar(
        buku, "Sarana", ["Sarana/prasarana", "Jumlah", "Kondisi", "Jumlah ideal"], [36, 10, 24, 12]
    )
    for x in p.sarana:
        tulis_baris(lembar, [x.nama, x.jumlah, x.kondisi or None, x.jumlah_ideal])
    lembar = _lembar(
        buku, "Pejabat", ["Jabatan", "Nama", "Pangkat", "Golongan", "NIP", "Kepala"], [36, 30, 18, 10, 22, 8]
    )
    for x in p.pejabat:
        tulis_baris(
            lembar, [x.jabatan, x.nama, x.pangkat or None, x.golongan or None, x.nip or None, x.kepala]
        )


def lembar_renstra(buku: Workbook, dok: d.DokumenLkip) -> None:
    """The Renstra in force: each indicator with its target per year and at the period's end."""
    r = dok.renstra
    tahun = r.tahun_periode if r else ()
    lembar = _lembar(
        buku,
        "Target Renstra",
        ["Tujuan", "Sasaran", "Kode", "Indikator", "Satuan", "Polaritas", "IKU", "Aturan triwulan",
         *[f"Target {t}" for t in tahun], "Target akhir"],
        [8, 8, 10, 48, 12, 10, 6, 20, *[11] * len(tahun), 12],
    )  # fmt: skip
    if r is None:
        tulis_baris(lembar, [None, None, None, f"Belum ada Renstra yang berlaku untuk tahun {dok.tahun}."])
        return
    for t in r.tujuan:
        for s in t.sasaran:
            for i in s.indikator:
                tulis_baris(
                    lembar,
                    [
                        t.kode, s.nomor if s.nomor is not None else s.kode, i.kode, i.uraian, i.satuan,
                        _POLARITAS.get(i.polaritas, i.polaritas), i.iku,
                        str(_ATURAN.get(i.aturan_triwulan, i.aturan_triwulan)),
                        *[_nilai(i.target.get(th)) for th in tahun], _nilai(i.target_akhir),
                    ],
                )  # fmt: skip
    lembar = _lembar(buku, "Renstra", ["Data", "Nilai"], [26, 50])
    for label, *isi in [
        ("Periode", f"{r.tahun_awal}–{r.tahun_akhir}"),
        ("Versi", r.versi),
        ("Jenis", _JENIS_DOKUMEN.get(r.jenis, r.jenis)),
        ("Nomor keputusan", r.nomor_keputusan or None),
        ("Tanggal keputusan", r.tanggal_keputusan),
        ("Berlaku mulai tahun", r.berlaku_mulai, FORMAT_TAHUN),
    ]:
        tulis_baris(lembar, [label, isi[0]], format_angka=[None, *isi[1:]])


def lembar_perjanjian(buku: Workbook, dok: d.DokumenLkip) -> None:
    """Every version of the year's PK: its date and signatories, then each indicator's target."""
    uraian = {i.kode: i.uraian for _s, i in dok.renstra.semua_indikator} if dok.renstra else {}
    lembar = _lembar(
        buku,
        "PK",
        [
            "Versi",
            "Jenis",
            "Tempat",
            "Tanggal",
            "Pihak pertama",
            "Pihak kedua",
            "Kode",
            "Indikator",
            "Target",
        ],
        [7, 11, 12, 12, 28, 28, 10, 48, 12],
    )
    for p in dok.perjanjian_kinerja:
        kepala = [p.versi, _JENIS_DOKUMEN.get(p.jenis, p.jenis), p.tempat, p.tanggal, p.pihak_pertama.nama,
                  p.pihak_kedua.nama]  # fmt: skip
        for t in p.target:
            tulis_baris(lembar, [*kepala, t.indikator, uraian.get(t.indikator), _nilai(t.nilai)])
    lembar = _lembar(
        buku, "Anggaran PK", ["Versi", "Program", "Anggaran (Rp)", "Keterangan"], [7, 60, 18, 24]
    )
    for p in dok.perjanjian_kinerja:
        for a in p.anggaran:
            tulis_baris(
                lembar,
                [p.versi, a.program, a.anggaran, a.keterangan or None],
                format_angka=[None, None, FORMAT_RUPIAH],
            )


def lembar_realisasi(buku: Workbook, dok: d.DokumenLkip) -> None:
    """The year's realisasi of each Renstra indicator, its quarters, analysis and comparisons."""
    lembar = _lembar(
        buku,
        "Realisasi",
        ["Kode", "Indikator", "Satuan", "Realisasi tahun", "Triwulan I", "Triwulan II", "Triwulan III",
         "Triwulan IV", "Status", "Alasan", "Faktor keberhasilan", "Hambatan", "Tindak lanjut", "Catatan",
         "Pembanding nasional", "Pembanding provinsi", "Pembanding kabupaten"],
        [10, 48, 12, 14, 11, 11, 11, 11, 18, 24, 40, 40, 40, 30, 16, 16, 16],
    )  # fmt: skip
    if dok.renstra is None:
        return
    for _s, i in dok.renstra.semua_indikator:
        r = i.realisasi.get(dok.tahun)
        if r is None:
            tulis_baris(lembar, [i.kode, i.uraian, i.satuan, *[None] * 5, str(_STATUS["belum_diisi"])])
            continue
        tulis_baris(
            lembar,
            [
                i.kode, i.uraian, i.satuan, _nilai(r.nilai), *[r.triwulan.get(t) for t in range(1, 5)],
                str(_STATUS.get(r.status, r.status)), r.alasan, r.faktor_keberhasilan or None,
                r.hambatan or None, r.tindak_lanjut or None, r.catatan or None,
                r.pembanding.nasional, r.pembanding.provinsi, r.pembanding.kabupaten,
            ],
        )  # fmt: skip


# --- the three workbooks ---------------------------------------------------------------------


def ekspor_capaian(*, kecamatan: Kecamatan, tahun: int) -> BerkasExcel:
    buku = _buku_kosong()
    lembar_capaian(buku, capaian_dokumen(kecamatan=kecamatan, tahun=tahun))
    return BerkasExcel(f"capaian-{kecamatan.slug}-{tahun}.xlsx", _simpan(buku))


def ekspor_anggaran(*, kecamatan: Kecamatan, tahun: int) -> BerkasExcel:
    buku = _buku_kosong()
    lembar_anggaran(buku, anggaran_dokumen(kecamatan=kecamatan, tahun=tahun))
    return BerkasExcel(f"anggaran-{kecamatan.slug}-{tahun}.xlsx", _simpan(buku))


def ekspor_tahun(*, kecamatan: Kecamatan, tahun: int) -> BerkasExcel:
    """One workbook: profile and its tables, Renstra targets, PK, realisasi, capaian, budget."""
    dok = dokumen_lkip(kecamatan=kecamatan, tahun=tahun)
    buku = _buku_kosong()
    lembar_profil(buku, dok)
    lembar_renstra(buku, dok)
    lembar_perjanjian(buku, dok)
    lembar_realisasi(buku, dok)
    lembar_capaian(buku, dok.capaian)
    lembar_anggaran(buku, dok.anggaran)
    return BerkasExcel(f"lkip-{kecamatan.slug}-{tahun}.xlsx", _simpan(buku))
