"""The workbook of a kecamatan's year: every sheet prefilled with the current data.

Each sheet has its header and a help row (locked: the sheet is protected without a password,
and only the header, the help row and the keys of the prefilled rows are locked, so rows can
be added and values typed), drop-down lists where a value comes from a list, and a hidden
marker sheet with the template version, the kecamatan and the year, so an old template or
another kecamatan's is recognised on import. Cells are written by ``umum.lembar``.
"""

import io
from collections.abc import Sequence
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from lkip.excel import lembar as L
from lkip.excel.selectors import IsiTahun, isi_tahun
from umum.angka import teks_nilai
from umum.lembar import FORMAT_RUPIAH, isi_sel, tulis_judul

_TERKUNCI = Protection(locked=True)
_TERBUKA = Protection(locked=False)
_BANTUAN_FONT = Font(italic=True, color="555555")
_INFO_ISI = PatternFill("solid", fgColor="EEEEEE")
#: Rows below the data that carry the drop-downs for new entries.
BARIS_TAMBAHAN = 500


def _nilai(angka: Decimal | None, huruf: str) -> object:
    """A target or realisasi: a number cell, or text when it carries a letter grade."""
    if huruf:
        return teks_nilai(angka, huruf)
    return angka


def _tulis_lembar(
    buku: Workbook, lembar: L.Lembar, baris: Sequence[Sequence[object]], daftar: dict[str, str]
) -> Worksheet:
    ws = buku.create_sheet(lembar.judul)
    tulis_judul(ws, [k.judul for k in lembar.kolom], lebar=[k.lebar for k in lembar.kolom])
    isi_sel(ws.cell(L.BARIS_BANTUAN, 1), lembar.bantuan).font = _BANTUAN_FONT
    for kolom in range(1, len(lembar.kolom) + 1):
        ws.cell(L.BARIS_JUDUL, kolom).protection = _TERKUNCI
        ws.cell(L.BARIS_BANTUAN, kolom).protection = _TERKUNCI
    ws.freeze_panes = f"A{L.BARIS_DATA}"
    for nomor, isi in enumerate(baris, start=L.BARIS_DATA):
        for kolom, nilai in enumerate(isi, start=1):
            spec = lembar.kolom[kolom - 1]
            fmt = FORMAT_RUPIAH if spec.nama in ("pagu", "realisasi") and lembar is L.ANGGARAN else None
            sel = isi_sel(ws.cell(nomor, kolom), nilai, format_angka=fmt)
            sel.protection = _TERKUNCI if spec.kunci or spec.info else _TERBUKA
            if spec.info:
                sel.fill = _INFO_ISI
    akhir = L.BARIS_DATA + len(baris) + BARIS_TAMBAHAN
    for kolom, spec in enumerate(lembar.kolom, start=1):
        huruf = get_column_letter(kolom)
        # New rows below the prefilled ones are open, keys included: the column's own style
        # (cells that exist, the header and the prefilled ones, carry theirs).
        ws.column_dimensions[huruf].protection = _TERBUKA
        if spec.daftar and spec.daftar in daftar:
            dv = DataValidation(type="list", formula1=daftar[spec.daftar], allow_blank=True)
            dv.error = "Pilih dari daftar."
            dv.errorTitle = "Isian tidak dikenal"
            dv.showErrorMessage = spec.daftar != "satuan"  # a new unit may be typed
            ws.add_data_validation(dv)
            dv.add(f"{huruf}{L.BARIS_DATA}:{huruf}{akhir}")
    ws.protection.sheet = True
    for aksi in ("insertRows", "deleteRows", "formatColumns", "formatCells", "sort", "autoFilter"):
        setattr(ws.protection, aksi, False)
    return ws


def _daftar(buku: Workbook, isi: IsiTahun) -> dict[str, str]:
    """Every drop-down's values on a hidden sheet; name → the range formula."""
    ws = buku.create_sheet(L.LEMBAR_DAFTAR)
    satuan = sorted(
        {i.satuan for i in isi.indikator if i.satuan}
        | {k.satuan for s in isi.sub_kegiatan for k in s.keluaran.all() if k.satuan}
        | {i.satuan for induk in (*isi.program, *isi.kegiatan) for i in induk.indikator.all() if i.satuan}
    )
    kolom = {
        **{nama: list(label.values()) for nama, label in L.daftar_tetap().items()},
        "sasaran": [s.kode for s in isi.sasaran],
        "satuan": satuan,
    }
    rumus = {}
    for nomor, (nama, nilai) in enumerate(kolom.items(), start=1):
        huruf = get_column_letter(nomor)
        isi_sel(ws.cell(1, nomor), nama)
        for baris, teks in enumerate(nilai, start=2):
            isi_sel(ws.cell(baris, nomor), teks)
        if nilai:
            rumus[nama] = f"{L.LEMBAR_DAFTAR}!${huruf}$2:${huruf}${len(nilai) + 1}"
    ws.sheet_state = "hidden"
    ws.protection.sheet = True
    return rumus


def _baris_realisasi(isi: IsiTahun) -> list[list[object]]:
    label = L.daftar_tetap()["status"]
    baris = []
    for ind in isi.indikator:
        r = isi.realisasi.get(ind.pk)
        t = isi.target_pk.get(ind.pk)
        tw = {} if r is None else {x.triwulan: x.angka for x in r.triwulan.all()}
        teks = [""] * 8 if r is None else [
            r.alasan, r.catatan, r.faktor_keberhasilan, r.hambatan, r.tindak_lanjut,
            r.pembanding_nasional, r.pembanding_provinsi, r.pembanding_kabupaten,
        ]  # fmt: skip
        baris.append(
            [
                ind.sasaran.kode,
                ind.kode,
                ind.uraian,
                ind.satuan,
                None if t is None else _nilai(t.angka, t.huruf),
                label[r.status] if r is not None else "",
                None if r is None else _nilai(r.angka, r.huruf),
                *(tw.get(n) for n in (1, 2, 3, 4)),
                *teks,
            ]
        )
    return baris


def _baris_renstra(isi: IsiTahun, periode: list[int]) -> list[list[object]]:
    polaritas, aturan = L.daftar_tetap()["polaritas"], L.daftar_tetap()["aturan_triwulan"]
    baris = []
    for ind in isi.indikator:
        target = {t.tahun: t for t in ind.target_renstra.all()}
        baris.append(
            [
                ind.sasaran.kode,
                ind.kode,
                ind.uraian,
                ind.satuan,
                polaritas[ind.polaritas],
                aturan[ind.aturan_triwulan],
                *(_nilai(target[t].angka, target[t].huruf) if t in target else None for t in periode),
            ]
        )
    return baris


def _baris_pk(isi: IsiTahun) -> list[list[object]]:
    return [
        [ind.sasaran.kode, ind.kode, ind.uraian, ind.satuan, _nilai(t.angka, t.huruf)]
        for ind in isi.indikator
        if (t := isi.target_pk.get(ind.pk)) is not None
    ]


def _baris_rkt(isi: IsiTahun) -> list[list[object]]:
    return [
        [
            ind.sasaran.kode,
            ind.kode,
            ind.uraian,
            ind.satuan,
            _nilai(t.angka, t.huruf),
            t.target_tw1,
            t.target_tw2,
            t.target_tw3,
            t.target_tw4,
        ]
        for ind in isi.indikator
        if (t := isi.target_rkt.get(ind.pk)) is not None
    ]


def _baris_anggaran(isi: IsiTahun) -> tuple[list[list[object]], list[list[object]]]:
    anggaran, keluaran = [], []
    jenis_belanja = L.daftar_tetap()["jenis_belanja"]
    for p in isi.program:
        anggaran.append(["Program", p.kode, "", "", p.nama, None, None, "", ""])
        for k in p.kegiatan.all():
            anggaran.append(["Kegiatan", p.kode, k.kode, "", k.nama, None, None, "", ""])
            for s in k.sub_kegiatan.all():
                sasaran = s.sasaran.kode if s.sasaran else ""
                anggaran.append(
                    [
                        "Sub kegiatan", p.kode, k.kode, s.kode, s.nama, s.pagu, s.realisasi, sasaran,
                        jenis_belanja.get(s.jenis_belanja, ""),
                    ]
                )  # fmt: skip
                for o in s.keluaran.all():
                    keluaran.append(
                        [
                            p.kode, k.kode, s.kode, o.uraian, o.satuan, o.target, o.realisasi,
                            o.target_tw1, o.target_tw2, o.target_tw3, o.target_tw4,
                        ]
                    )  # fmt: skip
    return anggaran, keluaran


def _baris_indikator_anggaran(isi: IsiTahun) -> list[list[object]]:
    """A program's indicators, then each of its kegiatan's, in the tree's order."""
    baris = []
    for p in isi.program:
        baris += [[p.kode, "", i.uraian, i.satuan, i.target, i.realisasi] for i in p.indikator.all()]
        for k in p.kegiatan.all():
            baris += [[p.kode, k.kode, i.uraian, i.satuan, i.target, i.realisasi] for i in k.indikator.all()]
    return baris


def _baris_profil(isi: IsiTahun) -> dict[L.Lembar, list[list[object]]]:
    jenis = L.daftar_tetap()["jenis_desa"]
    return {
        L.DESA: [[d.nama, jenis[d.jenis], d.luas_km2, d.jumlah_penduduk] for d in isi.desa],
        L.PEGAWAI: [
            [p.kelompok, p.jabatan, p.kebutuhan, p.bezetting, p.laki_laki, p.perempuan] for p in isi.pegawai
        ],
        L.SARANA: [[s.nama, s.jumlah, s.kondisi, s.jumlah_ideal] for s in isi.sarana],
    }


def _penanda(buku: Workbook, isi: IsiTahun) -> None:
    ws = buku.create_sheet(L.LEMBAR_PENANDA)
    for baris, (label, nilai) in enumerate(
        [("versi_templat", L.VERSI_TEMPLAT), ("kecamatan", isi.kecamatan.slug), ("tahun", isi.tahun)], start=1
    ):
        isi_sel(ws.cell(baris, 1), label)
        isi_sel(ws.cell(baris, 2), nilai)
    ws.sheet_state = "hidden"
    ws.protection.sheet = True


def templat_buat(isi: IsiTahun) -> bytes:
    buku = Workbook()
    buku.remove(buku.active)
    daftar = _daftar(buku, isi)
    periode = isi.renstra.tahun_periode if isi.renstra else []
    anggaran, keluaran = _baris_anggaran(isi)
    _tulis_lembar(buku, L.REALISASI, _baris_realisasi(isi), daftar)
    _tulis_lembar(buku, L.lembar_renstra(periode), _baris_renstra(isi, periode), daftar)
    _tulis_lembar(buku, L.PERJANJIAN, _baris_pk(isi), daftar)
    _tulis_lembar(buku, L.RKT, _baris_rkt(isi), daftar)
    _tulis_lembar(buku, L.ANGGARAN, anggaran, daftar)
    _tulis_lembar(buku, L.KELUARAN, keluaran, daftar)
    _tulis_lembar(buku, L.INDIKATOR_ANGGARAN, _baris_indikator_anggaran(isi), daftar)
    for lembar, baris in _baris_profil(isi).items():
        _tulis_lembar(buku, lembar, baris, daftar)
    _penanda(buku, isi)
    buku.move_sheet(L.LEMBAR_DAFTAR, offset=len(buku.sheetnames))
    buku.active = 0
    keluaran_berkas = io.BytesIO()
    buku.save(keluaran_berkas)
    return keluaran_berkas.getvalue()


def templat_tahun(*, kecamatan, tahun: int) -> bytes:
    return templat_buat(isi_tahun(kecamatan=kecamatan, tahun=tahun))
