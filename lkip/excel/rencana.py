"""The diff: a workbook's rows against the database, as a typed plan of changes and errors.

Nothing here writes. Each sheet's rows are parsed with the forms' own fields (``AngkaField``,
``NilaiField``: the same parser and the same Indonesian messages as the pages), checked for
scope (every key must name this kecamatan's Renstra, PK, budget or profile of this year), and
compared with the stored values: each row is new, changed (old → new per column) or unchanged.
``Rencana.sidik`` fingerprints the plan, so an apply can refuse a plan that is no longer the
one previewed. The database is read once per import (``selectors.isi_tahun``), whatever the
number of rows.
"""

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from functools import cache

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from anggaran.models import IndikatorProgram, Keluaran, SubKegiatan
from capaian import scoring
from capaian.models import Realisasi, RealisasiTriwulan
from kecamatan.models import Desa, KomposisiPegawai, SaranaPrasarana
from lkip.excel import lembar as L
from lkip.excel.baca import Bacaan, BarisLembar, Galat
from lkip.excel.selectors import IsiTahun
from lkip.web.forms import AngkaField, NilaiField
from perencanaan.models import Indikator, TargetPerjanjian, TargetRenstra, TargetRkt
from umum.angka import format_angka, format_nilai, format_rupiah, teks_nilai


class Jenis(StrEnum):
    BARU = "baru"
    UBAH = "ubah"
    TETAP = "tetap"


@dataclass(frozen=True)
class Ubahan:
    kolom: str
    lama: str
    baru: str


@dataclass(frozen=True)
class BarisRencana:
    lembar: str
    baris: int
    label: str
    jenis: Jenis
    ubahan: tuple[Ubahan, ...] = ()


@dataclass(frozen=True)
class IsianRealisasi:
    indikator: Indikator
    lama: Realisasi | None
    status: str
    nilai: scoring.Nilai | None
    triwulan: dict[int, Decimal | None]
    teks: dict[str, str]


@dataclass
class Rencana:
    kecamatan_id: int
    tahun: int
    baris: list[BarisRencana] = field(default_factory=list)
    galat: list[Galat] = field(default_factory=list)
    realisasi: list[IsianRealisasi] = field(default_factory=list)
    renstra_indikator: dict[int, dict[str, object]] = field(default_factory=dict)
    renstra_target: dict[tuple[int, int], tuple[Decimal | None, str]] = field(default_factory=dict)
    target_pk: dict[int, tuple[Decimal | None, str]] = field(default_factory=dict)
    #: TargetRkt id → its fields (``angka``, ``huruf``, ``target_tw1`` … ``target_tw4``).
    target_rkt: dict[int, dict[str, object]] = field(default_factory=dict)
    program: dict[str, str] = field(default_factory=dict)
    kegiatan: dict[tuple[str, str], str] = field(default_factory=dict)
    sub_kegiatan: dict[tuple[str, str, str], dict[str, object]] = field(default_factory=dict)
    keluaran: dict[tuple[str, str, str, str], dict[str, object]] = field(default_factory=dict)
    #: (program, uraian) and (program, kegiatan, uraian) → ``satuan``, ``target``, ``realisasi``.
    indikator_program: dict[tuple[str, str], dict[str, object]] = field(default_factory=dict)
    indikator_kegiatan: dict[tuple[str, str, str], dict[str, object]] = field(default_factory=dict)
    profil: dict[str, list[dict]] = field(default_factory=dict)
    #: Sub kegiatan the Anggaran sheet names or the data has: the outputs may hang on them.
    sub_dikenal: set[tuple[str, str, str]] = field(default_factory=set)
    #: Programs (one code) and kegiatan (two) the Anggaran sheet names or the data has; ``None``
    #: when the workbook has no Anggaran sheet (the data's are then the ones known).
    induk_dikenal: set[tuple[str, ...]] | None = None

    @property
    def sidik(self) -> str:
        isi = repr([(b.lembar, b.baris, b.label, str(b.jenis), b.ubahan) for b in self.baris])
        return hashlib.sha256(isi.encode()).hexdigest()

    @property
    def ada_perubahan(self) -> bool:
        return any(b.jenis != Jenis.TETAP for b in self.baris)

    def ringkasan(self) -> list[tuple[str, int, int, int]]:
        """(sheet, new, changed, unchanged) in the workbook's order."""
        hitung: dict[str, Counter] = {}
        for b in self.baris:
            hitung.setdefault(b.lembar, Counter())[b.jenis] += 1
        return [(j, c[Jenis.BARU], c[Jenis.UBAH], c[Jenis.TETAP]) for j, c in hitung.items()]


# --- cells ------------------------------------------------------------------------------


class _Sel:
    """Reads one row's cells; each failure becomes a ``Galat`` naming the sheet, row, column."""

    def __init__(self, lembar: L.Lembar, baris: BarisLembar, galat: list[Galat]) -> None:
        self.lembar, self.baris, self.galat = lembar, baris, galat
        self.judul = _judul_kolom(lembar)
        self.gagal = False

    def salah(self, nama: str, pesan: str) -> None:
        self.gagal = True
        self.galat.append(Galat(self.lembar.judul, self.baris.nomor, self.judul.get(nama, ""), pesan))

    def mentah(self, nama: str) -> object:
        return self.baris.nilai.get(nama)

    def teks(self, nama: str, panjang: int | None = None, *, wajib: bool = False) -> str:
        nilai = self.mentah(nama)
        if nilai is None:
            teks = ""
        elif isinstance(nilai, bool):
            teks = "Ya" if nilai else "Tidak"
        elif isinstance(nilai, (int, float)):
            teks = _sebagai_teks_angka(nilai)
        else:
            teks = str(nilai).strip()
        if wajib and not teks:
            self.salah(nama, _("Wajib diisi."))
        if panjang is not None and len(teks) > panjang:
            self.salah(
                nama, _("Paling banyak %(n)s karakter (sekarang %(m)s).") % {"n": panjang, "m": len(teks)}
            )
        return teks

    def _lewat_form(self, nama: str, bidang: forms.Field):
        nilai = self.mentah(nama)
        if not bidang.required and (nilai is None or (isinstance(nilai, str) and not nilai.strip())):
            return None  # a blank cell: what the field's clean() returns (both strip), found without it
        if isinstance(nilai, bool) or (nilai is not None and not isinstance(nilai, (str, int, float))):
            self.salah(
                nama,
                _("Isian ini harus angka, bukan %(jenis)s.")
                % {"jenis": "tanggal" if hasattr(nilai, "year") else "ya/tidak"},
            )
            return None
        teks = _sebagai_teks_angka(nilai) if isinstance(nilai, (int, float)) else (nilai or "")
        try:
            return bidang.clean(teks)
        except ValidationError as exc:
            self.salah(nama, " ".join(exc.messages))
            return None

    def angka(self, nama: str, bidang: AngkaField):
        return self._lewat_form(nama, bidang)

    def nilai(self, nama: str, bidang: NilaiField) -> scoring.Nilai | None:
        return self._lewat_form(nama, bidang)

    def pilihan(self, nama: str, daftar: str, *, bawaan: str | None = None) -> str | None:
        teks = self.teks(nama)
        if not teks:
            return bawaan
        for nilai, label in L.daftar_tetap()[daftar].items():
            if teks.casefold() in (nilai.casefold(), label.casefold()):
                return nilai
        pilihan = ", ".join(f"«{x}»" for x in L.daftar_tetap()[daftar].values())
        self.salah(
            nama,
            _("«%(teks)s» tidak dikenal; pilih salah satu: %(pilihan)s.")
            % {"teks": teks, "pilihan": pilihan},
        )
        return None


@cache
def _judul_kolom(lembar: L.Lembar) -> dict[str, str]:
    return {k.nama: k.judul for k in lembar.kolom}


def _sebagai_teks_angka(nilai: int | float) -> str:
    """A numeric cell as the forms read it: plain digits, decimal comma, no grouping (never
    through ``Decimal(float)``: the shortest repr is what Excel shows and stores)."""
    if isinstance(nilai, int):
        return str(nilai)
    return format(Decimal(repr(nilai)), "f").replace(".", ",")


def _bidang_angka(model, nama: str, *, rupiah: bool = False, wajib: bool = False, min_value=0) -> AngkaField:
    return AngkaField(kolom=model._meta.get_field(nama), rupiah=rupiah, required=wajib, min_value=min_value)


_NILAI_REALISASI = NilaiField(kolom=Realisasi._meta.get_field("angka"), required=False)
_NILAI_RENSTRA = NilaiField(kolom=TargetRenstra._meta.get_field("angka"), required=False)
_NILAI_PK = NilaiField(kolom=TargetPerjanjian._meta.get_field("angka"), required=False)
_TRIWULAN = AngkaField(kolom=RealisasiTriwulan._meta.get_field("angka"), min_value=None)
_PAGU = _bidang_angka(SubKegiatan, "pagu", rupiah=True, wajib=True)
_REALISASI_RP = _bidang_angka(SubKegiatan, "realisasi", rupiah=True)
_NILAI_RKT = NilaiField(kolom=TargetRkt._meta.get_field("angka"), required=False)
_TARGET_KELUARAN = _bidang_angka(Keluaran, "target")
#: The quarterly targets: the same field on TargetRkt and Keluaran (``TargetTriwulan``).
_TARGET_TW = {n: _bidang_angka(Keluaran, f"target_tw{n}") for n in (1, 2, 3, 4)}
_REALISASI_KELUARAN = _bidang_angka(Keluaran, "realisasi")
#: A program's and a kegiatan's indicators share their columns (``IndikatorAnggaran``).
_TARGET_INDIKATOR = _bidang_angka(IndikatorProgram, "target")
_REALISASI_INDIKATOR = _bidang_angka(IndikatorProgram, "realisasi")

TEKS_REALISASI = (
    "alasan", "catatan", "faktor_keberhasilan", "hambatan", "tindak_lanjut",
    "pembanding_nasional", "pembanding_provinsi", "pembanding_kabupaten",
)  # fmt: skip
PANJANG_TEKS_REALISASI = {n: Realisasi._meta.get_field(n).max_length for n in TEKS_REALISASI}


def _tn(angka: Decimal | None, huruf: str = "") -> str:
    """A target or realisasi as the pages show it (``3,5``, ``B (69)``); missing is ``""``."""
    teks = teks_nilai(angka, huruf)
    return format_nilai(teks) if teks else ""


def _banding(
    lembar: str, baris: int, label: str, pasangan: list[tuple[str, str, str]], baru: bool
) -> BarisRencana:
    if baru:
        ubahan = tuple(Ubahan(k, "–", b) for k, _l, b in pasangan if b not in ("", "–"))
        return BarisRencana(lembar, baris, label, Jenis.BARU, ubahan)
    ubahan = tuple(Ubahan(k, lm or "–", b or "–") for k, lm, b in pasangan if lm != b)
    return BarisRencana(lembar, baris, label, Jenis.UBAH if ubahan else Jenis.TETAP, ubahan)


def _ganda(sel: _Sel, dilihat: dict, kunci, nama: str) -> bool:
    if kunci in dilihat:
        sel.salah(
            nama,
            _("Baris ini sama dengan baris %(n)s; tiap baris hanya boleh sekali.") % {"n": dilihat[kunci]},
        )
        return True
    dilihat[kunci] = sel.baris.nomor
    return False


def _indikator(sel: _Sel, peta: dict[tuple[str, str], Indikator], isi: IsiTahun) -> Indikator | None:
    kunci = (sel.teks("kode_sasaran"), sel.teks("kode_indikator"))
    ind = peta.get(kunci)
    if ind is None:
        sel.salah(
            "kode_indikator",
            _("Indikator %(s)s/%(i)s tidak ada di Renstra %(k)s yang berlaku tahun %(t)s.")
            % {"s": kunci[0] or "?", "i": kunci[1] or "?", "k": isi.kecamatan.nama, "t": isi.tahun},
        )
    return ind


# --- sheets -----------------------------------------------------------------------------


def _rencana_realisasi(rencana: Rencana, isi: IsiTahun, baris: list[BarisLembar]) -> None:
    peta = {isi.kunci_indikator(i): i for i in isi.indikator}
    label_status = L.daftar_tetap()["status"]
    dilihat: dict = {}
    for b in baris:
        sel = _Sel(L.REALISASI, b, rencana.galat)
        ind = _indikator(sel, peta, isi)
        if ind is None or _ganda(sel, dilihat, ind.pk, "kode_indikator"):
            continue
        nilai = sel.nilai("nilai", _NILAI_REALISASI)
        tw = {n: sel.angka(f"tw{n}", _TRIWULAN) for n in (1, 2, 3, 4)}
        teks = {n: sel.teks(n, panjang) for n, panjang in PANJANG_TEKS_REALISASI.items()}
        ada_nilai = nilai is not None or any(v is not None for v in tw.values())
        status = sel.pilihan(
            "status", "status", bawaan=Realisasi.Status.TERISI if ada_nilai else Realisasi.Status.BELUM_DIISI
        )
        if sel.gagal or status is None:
            continue
        if status == Realisasi.Status.TERISI and not ada_nilai:
            sel.salah("nilai", _("Isi realisasi tahunan atau salah satu triwulan."))
        if (
            status in (Realisasi.Status.TIDAK_DAPAT_DIHITUNG, Realisasi.Status.TIDAK_BERLAKU)
            and not teks["alasan"]
        ):
            sel.salah("alasan", _("Tuliskan alasannya."))
        if sel.gagal:
            continue
        lama = isi.realisasi.get(ind.pk)
        tw_lama = {} if lama is None else {t.triwulan: t.angka for t in lama.triwulan.all()}
        pasangan = [
            ("Status", "" if lama is None else label_status[lama.status], label_status[status]),
            (
                "Realisasi tahunan",
                "" if lama is None else _tn(lama.angka, lama.huruf),
                "" if nilai is None else _tn(nilai.angka, nilai.huruf),
            ),
            *(
                (
                    f"Triwulan {n}",
                    format_angka(tw_lama.get(n)) if n in tw_lama else "",
                    "" if tw[n] is None else format_angka(tw[n]),
                )
                for n in (1, 2, 3, 4)
            ),
            *((sel.judul[n], "" if lama is None else getattr(lama, n), teks[n]) for n in TEKS_REALISASI),
        ]
        kosong = (
            nilai is None
            and not any(teks.values())
            and not ada_nilai
            and status == Realisasi.Status.BELUM_DIISI
        )
        if lama is None and kosong:
            rencana.baris.append(BarisRencana(L.REALISASI.judul, b.nomor, ind.kode, Jenis.TETAP))
            continue
        hasil = _banding(L.REALISASI.judul, b.nomor, f"{ind.kode} {ind.uraian}", pasangan, lama is None)
        rencana.baris.append(hasil)
        if hasil.jenis != Jenis.TETAP:
            rencana.realisasi.append(IsianRealisasi(ind, lama, status, nilai, tw, teks))


def _rencana_renstra(rencana: Rencana, isi: IsiTahun, lembar: L.Lembar, baris: list[BarisLembar]) -> None:
    peta = {isi.kunci_indikator(i): i for i in isi.indikator}
    periode = isi.renstra.tahun_periode if isi.renstra else []
    polaritas, aturan = L.daftar_tetap()["polaritas"], L.daftar_tetap()["aturan_triwulan"]
    dilihat: dict = {}
    for b in baris:
        sel = _Sel(lembar, b, rencana.galat)
        ind = _indikator(sel, peta, isi)
        if ind is None or _ganda(sel, dilihat, ind.pk, "kode_indikator"):
            continue
        bidang = {
            "satuan": sel.teks("satuan", Indikator._meta.get_field("satuan").max_length),
            "polaritas": sel.pilihan("polaritas", "polaritas", bawaan=ind.polaritas),
            "aturan_triwulan": sel.pilihan("aturan_triwulan", "aturan_triwulan", bawaan=ind.aturan_triwulan),
        }
        target = {t: sel.nilai(f"target_{t}", _NILAI_RENSTRA) for t in periode}
        if sel.gagal:
            continue
        if any(getattr(ind, nama) != nilai for nama, nilai in bidang.items()):
            # Only a changed indicator is checked again (its unit against its roll-up rule).
            uji = Indikator(**{f.attname: getattr(ind, f.attname) for f in Indikator._meta.concrete_fields})
            for nama, nilai in bidang.items():
                setattr(uji, nama, nilai)
            try:
                uji.clean()
            except ValidationError as exc:
                sel.salah("aturan_triwulan", " ".join(exc.messages))
                continue
        ada = {t.tahun: t for t in ind.target_renstra.all()}
        pasangan = [
            ("Satuan", ind.satuan, bidang["satuan"]),
            ("Polaritas", polaritas[ind.polaritas], polaritas[bidang["polaritas"]]),
            ("Aturan triwulan", aturan[ind.aturan_triwulan], aturan[bidang["aturan_triwulan"]]),
            *(
                (
                    f"Target {t}",
                    _tn(ada[t].angka, ada[t].huruf) if t in ada else "",
                    "" if target[t] is None else _tn(target[t].angka, target[t].huruf),
                )
                for t in periode
            ),
        ]
        hasil = _banding(lembar.judul, b.nomor, f"{ind.kode} {ind.uraian}", pasangan, False)
        rencana.baris.append(hasil)
        if hasil.jenis == Jenis.TETAP:
            continue
        rencana.renstra_indikator[ind.pk] = bidang
        for t in periode:
            baru = (None, "") if target[t] is None else (target[t].angka, target[t].huruf)
            lama = (ada[t].angka, ada[t].huruf) if t in ada else (None, "")
            if baru != lama:
                rencana.renstra_target[(ind.pk, t)] = baru


def _rencana_pk(rencana: Rencana, isi: IsiTahun, baris: list[BarisLembar]) -> None:
    peta = {isi.kunci_indikator(i): i for i in isi.indikator}
    dilihat: dict = {}
    for b in baris:
        sel = _Sel(L.PERJANJIAN, b, rencana.galat)
        ind = _indikator(sel, peta, isi)
        if ind is None or _ganda(sel, dilihat, ind.pk, "kode_indikator"):
            continue
        target = isi.target_pk.get(ind.pk)
        if target is None:
            sel.salah(
                "kode_indikator",
                _("Indikator %(i)s tidak ada di Perjanjian Kinerja tahun %(t)s; tambahkan di halaman PK.")
                % {"i": ind.kode, "t": isi.tahun},
            )
            continue
        nilai = sel.nilai("target", _NILAI_PK)
        if sel.gagal:
            continue
        baru = (None, "") if nilai is None else (nilai.angka, nilai.huruf)
        hasil = _banding(
            L.PERJANJIAN.judul,
            b.nomor,
            f"{ind.kode} {ind.uraian}",
            [("Target PK", _tn(target.angka, target.huruf), _tn(*baru))],
            False,
        )
        rencana.baris.append(hasil)
        if hasil.jenis != Jenis.TETAP:
            rencana.target_pk[target.pk] = baru


def _target_tw(sel: _Sel) -> dict[str, Decimal | None]:
    return {f"target_tw{n}": sel.angka(f"target_tw{n}", bidang) for n, bidang in _TARGET_TW.items()}


def _pasangan_tw(lama, baru: dict[str, Decimal | None]) -> list[tuple[str, str, str]]:
    return [
        (
            f"Target triwulan {n}",
            "" if lama is None else _a(getattr(lama, f"target_tw{n}")),
            _a(baru[f"target_tw{n}"]),
        )
        for n in (1, 2, 3, 4)
    ]


def _rencana_rkt(rencana: Rencana, isi: IsiTahun, baris: list[BarisLembar]) -> None:
    peta = {isi.kunci_indikator(i): i for i in isi.indikator}
    dilihat: dict = {}
    for b in baris:
        sel = _Sel(L.RKT, b, rencana.galat)
        ind = _indikator(sel, peta, isi)
        if ind is None or _ganda(sel, dilihat, ind.pk, "kode_indikator"):
            continue
        target = isi.target_rkt.get(ind.pk)
        if target is None:
            sel.salah(
                "kode_indikator",
                _("Indikator %(i)s tidak ada di RKT tahun %(t)s; tambahkan di halaman RKT.")
                % {"i": ind.kode, "t": isi.tahun},
            )
            continue
        nilai = sel.nilai("target", _NILAI_RKT)
        triwulan = _target_tw(sel)
        if sel.gagal:
            continue
        baru = (None, "") if nilai is None else (nilai.angka, nilai.huruf)
        hasil = _banding(
            L.RKT.judul,
            b.nomor,
            f"{ind.kode} {ind.uraian}",
            [("Target RKT", _tn(target.angka, target.huruf), _tn(*baru)), *_pasangan_tw(target, triwulan)],
            False,
        )
        rencana.baris.append(hasil)
        if hasil.jenis != Jenis.TETAP:
            rencana.target_rkt[target.pk] = {"angka": baru[0], "huruf": baru[1], **triwulan}


def _rp(nilai) -> str:
    return "" if nilai is None else format_rupiah(nilai)


def _a(nilai) -> str:
    return "" if nilai is None else format_angka(Decimal(nilai))


def _rencana_anggaran(rencana: Rencana, isi: IsiTahun, baris: list[BarisLembar]) -> None:
    program = {p.kode: p for p in isi.program}
    kegiatan = {(p.kode, k.kode): k for p in isi.program for k in p.kegiatan.all()}
    sub = {
        (p.kode, k.kode, s.kode): s
        for p in isi.program
        for k in p.kegiatan.all()
        for s in k.sub_kegiatan.all()
    }
    sasaran = {s.kode: s for s in isi.sasaran}
    label_belanja = L.daftar_tetap()["jenis_belanja"]
    panjang = {n: SubKegiatan._meta.get_field(n).max_length for n in ("kode", "nama")}
    dilihat: dict = {}
    induk: list[tuple[_Sel, tuple]] = []
    for b in baris:
        sel = _Sel(L.ANGGARAN, b, rencana.galat)
        jenis = sel.pilihan("jenis", "jenis_anggaran")
        if jenis is None:
            if not sel.gagal:
                sel.salah("jenis", _("Pilih Program, Kegiatan atau Sub kegiatan."))
            continue
        kode = [sel.teks("kode_program", panjang["kode"], wajib=True)]
        if jenis != "program":
            kode.append(sel.teks("kode_kegiatan", panjang["kode"], wajib=True))
        if jenis == "sub_kegiatan":
            kode.append(sel.teks("kode_sub", panjang["kode"], wajib=True))
        nama = sel.teks("nama", panjang["nama"], wajib=True)
        kunci = tuple(kode)
        if sel.gagal or _ganda(sel, dilihat, kunci, "kode_program"):
            continue
        if len(kunci) > 1:
            induk.append((sel, kunci[:-1]))
        if jenis == "program":
            lama = program.get(kunci[0])
            hasil = _banding(
                L.ANGGARAN.judul,
                b.nomor,
                f"Program {kunci[0]}",
                [("Nama", lama.nama if lama else "", nama)],
                lama is None,
            )
            if hasil.jenis != Jenis.TETAP:
                rencana.program[kunci[0]] = nama
        elif jenis == "kegiatan":
            lama = kegiatan.get(kunci)
            hasil = _banding(
                L.ANGGARAN.judul,
                b.nomor,
                f"Kegiatan {kunci[1]}",
                [("Nama", lama.nama if lama else "", nama)],
                lama is None,
            )
            if hasil.jenis != Jenis.TETAP:
                rencana.kegiatan[kunci] = nama
        else:
            pagu = sel.angka("pagu", _PAGU)
            realisasi = sel.angka("realisasi", _REALISASI_RP)
            jenis_belanja = sel.pilihan("jenis_belanja", "jenis_belanja", bawaan="")
            kode_sasaran = sel.teks("sasaran")
            if kode_sasaran and kode_sasaran not in sasaran:
                sel.salah(
                    "sasaran",
                    _("Sasaran «%(s)s» tidak ada di Renstra yang berlaku tahun ini.") % {"s": kode_sasaran},
                )
            if sel.gagal:
                continue
            lama = sub.get(kunci)
            pasangan = [
                ("Nama", lama.nama if lama else "", nama),
                ("Pagu", _rp(lama.pagu) if lama else "", _rp(pagu)),
                ("Realisasi", _rp(lama.realisasi) if lama else "", _rp(realisasi)),
                ("Sasaran", (lama.sasaran.kode if lama and lama.sasaran else ""), kode_sasaran),
                (
                    "Jenis belanja",
                    label_belanja.get(lama.jenis_belanja, "") if lama else "",
                    label_belanja.get(jenis_belanja or "", ""),
                ),
            ]
            hasil = _banding(L.ANGGARAN.judul, b.nomor, f"Sub kegiatan {kunci[2]}", pasangan, lama is None)
            if hasil.jenis != Jenis.TETAP:
                rencana.sub_kegiatan[kunci] = {
                    "nama": nama,
                    "pagu": pagu,
                    "realisasi": realisasi,
                    "sasaran_id": sasaran[kode_sasaran].pk if kode_sasaran else None,
                    "jenis_belanja": jenis_belanja,
                }
        rencana.baris.append(hasil)
    ada = {(k,) for k in program} | set(kegiatan) | set(dilihat)
    for sel, kunci in induk:
        if kunci not in ada:
            nama = "program" if len(kunci) == 1 else "kegiatan"
            sel.salah(
                "kode_program" if len(kunci) == 1 else "kode_kegiatan",
                _("Induknya (%(jenis)s %(kode)s) tidak ada di lembar ini maupun di data.")
                % {"jenis": nama, "kode": kunci[-1]},
            )
    rencana.sub_dikenal = set(sub) | {k for k in dilihat if len(k) == 3}
    rencana.induk_dikenal = {(k,) for k in program} | set(kegiatan) | {k for k in dilihat if len(k) < 3}


def _rencana_keluaran(rencana: Rencana, isi: IsiTahun, baris: list[BarisLembar]) -> None:
    lama_semua = {
        (p.kode, k.kode, s.kode, o.uraian): o
        for p in isi.program for k in p.kegiatan.all() for s in k.sub_kegiatan.all() for o in s.keluaran.all()
    }  # fmt: skip
    dikenal = rencana.sub_dikenal or {k[:3] for k in lama_semua} | {
        (p.kode, k.kode, s.kode) for p in isi.program for k in p.kegiatan.all() for s in k.sub_kegiatan.all()
    }
    dilihat: dict = {}
    for b in baris:
        sel = _Sel(L.KELUARAN, b, rencana.galat)
        kunci = (
            sel.teks("kode_program", wajib=True),
            sel.teks("kode_kegiatan", wajib=True),
            sel.teks("kode_sub", wajib=True),
            sel.teks("uraian", Keluaran._meta.get_field("uraian").max_length, wajib=True),
        )
        satuan = sel.teks("satuan", Keluaran._meta.get_field("satuan").max_length)
        target = sel.angka("target", _TARGET_KELUARAN)
        realisasi = sel.angka("realisasi", _REALISASI_KELUARAN)
        triwulan = _target_tw(sel)
        if sel.gagal or _ganda(sel, dilihat, kunci, "uraian"):
            continue
        if kunci[:3] not in dikenal:
            sel.salah(
                "kode_sub",
                _("Sub kegiatan %(kode)s tidak ada di lembar Anggaran maupun di data.") % {"kode": kunci[2]},
            )
            continue
        lama = lama_semua.get(kunci)
        pasangan = [
            ("Satuan", lama.satuan if lama else "", satuan),
            ("Target", _a(lama.target) if lama else "", _a(target)),
            ("Realisasi", _a(lama.realisasi) if lama else "", _a(realisasi)),
            *_pasangan_tw(lama, triwulan),
        ]
        hasil = _banding(L.KELUARAN.judul, b.nomor, f"{kunci[2]}: {kunci[3]}", pasangan, lama is None)
        rencana.baris.append(hasil)
        if hasil.jenis != Jenis.TETAP:
            rencana.keluaran[kunci] = {"satuan": satuan, "target": target, "realisasi": realisasi, **triwulan}


def _rencana_indikator_anggaran(rencana: Rencana, isi: IsiTahun, baris: list[BarisLembar]) -> None:
    lama_semua = {
        **{(p.kode, "", i.uraian): i for p in isi.program for i in p.indikator.all()},
        **{(p.kode, k.kode, i.uraian): i for p in isi.program for k in p.kegiatan.all() for i in k.indikator.all()},
    }  # fmt: skip
    dikenal = rencana.induk_dikenal
    if dikenal is None:
        dikenal = {(p.kode,) for p in isi.program} | {
            (p.kode, k.kode) for p in isi.program for k in p.kegiatan.all()
        }
    panjang = {n: IndikatorProgram._meta.get_field(n).max_length for n in ("uraian", "satuan")}
    dilihat: dict = {}
    for b in baris:
        sel = _Sel(L.INDIKATOR_ANGGARAN, b, rencana.galat)
        kode_program = sel.teks("kode_program", wajib=True)
        kode_kegiatan = sel.teks("kode_kegiatan")
        uraian = sel.teks("uraian", panjang["uraian"], wajib=True)
        satuan = sel.teks("satuan", panjang["satuan"])
        target = sel.angka("target", _TARGET_INDIKATOR)
        realisasi = sel.angka("realisasi", _REALISASI_INDIKATOR)
        kunci = (kode_program, kode_kegiatan, uraian)
        if sel.gagal or _ganda(sel, dilihat, kunci, "uraian"):
            continue
        induk = (kode_program, kode_kegiatan) if kode_kegiatan else (kode_program,)
        if induk not in dikenal:
            if kode_kegiatan:
                sel.salah(
                    "kode_kegiatan",
                    _("Kegiatan %(kode)s (program %(p)s) tidak ada di lembar Anggaran maupun di data.")
                    % {"kode": kode_kegiatan, "p": kode_program},
                )
            else:
                sel.salah(
                    "kode_program",
                    _("Program %(kode)s tidak ada di lembar Anggaran maupun di data.")
                    % {"kode": kode_program},
                )
            continue
        lama = lama_semua.get(kunci)
        pasangan = [
            ("Satuan", lama.satuan if lama else "", satuan),
            ("Target", _a(lama.target) if lama else "", _a(target)),
            ("Realisasi", _a(lama.realisasi) if lama else "", _a(realisasi)),
        ]
        label = f"Kegiatan {kode_kegiatan}" if kode_kegiatan else f"Program {kode_program}"
        hasil = _banding(L.INDIKATOR_ANGGARAN.judul, b.nomor, f"{label}: {uraian}", pasangan, lama is None)
        rencana.baris.append(hasil)
        if hasil.jenis != Jenis.TETAP:
            isian = {"satuan": satuan, "target": target, "realisasi": realisasi}
            if kode_kegiatan:
                rencana.indikator_kegiatan[kunci] = isian
            else:
                rencana.indikator_program[(kode_program, uraian)] = isian


@dataclass(frozen=True)
class _Profil:
    lembar: L.Lembar
    jenis: str
    model: type
    kunci: tuple[str, ...]
    teks: tuple[str, ...]
    angka: tuple[str, ...]


PROFIL = (
    _Profil(L.DESA, "desa", Desa, ("nama",), ("nama",), ("luas_km2", "jumlah_penduduk")),
    _Profil(
        L.PEGAWAI,
        "pegawai",
        KomposisiPegawai,
        ("kelompok", "jabatan"),
        ("kelompok", "jabatan"),
        ("kebutuhan", "bezetting", "laki_laki", "perempuan"),
    ),
    _Profil(L.SARANA, "sarana", SaranaPrasarana, ("nama",), ("nama", "kondisi"), ("jumlah", "jumlah_ideal")),
)


def _rencana_profil(rencana: Rencana, isi: IsiTahun, spec: _Profil, baris: list[BarisLembar]) -> None:
    ada = list(getattr(isi, spec.jenis))
    peta = {tuple(getattr(o, k) for k in spec.kunci): o for o in ada}
    bidang_angka = {n: _bidang_angka(spec.model, n) for n in spec.angka}
    wajib = {"nama", "jabatan"}
    tabel: list[dict] = []
    dilihat: dict = {}
    berubah = False
    for b in baris:
        sel = _Sel(spec.lembar, b, rencana.galat)
        isian: dict[str, object] = {
            n: sel.teks(n, spec.model._meta.get_field(n).max_length, wajib=n in wajib) for n in spec.teks
        }
        if spec.model is Desa:
            isian["jenis"] = sel.pilihan("jenis", "jenis_desa", bawaan=Desa.Jenis.DESA)
        for n, bidang in bidang_angka.items():
            isian[n] = sel.angka(n, bidang)
        kunci = tuple(isian[k] for k in spec.kunci)
        if sel.gagal or _ganda(sel, dilihat, kunci, spec.kunci[-1]):
            continue
        lama = peta.get(kunci)
        urutan_berubah = lama is not None and ada.index(lama) != len(tabel)
        pasangan = [
            (
                sel.judul[n],
                "" if lama is None else _a(getattr(lama, n)) if n in spec.angka else str(getattr(lama, n)),
                _a(v) if n in spec.angka else str(v),
            )
            for n, v in isian.items()
        ]
        if urutan_berubah:
            pasangan.append(("Urutan", str(ada.index(lama) + 1), str(len(tabel) + 1)))
        hasil = _banding(
            spec.lembar.judul, b.nomor, " / ".join(k for k in kunci if k), pasangan, lama is None
        )
        rencana.baris.append(hasil)
        berubah = berubah or hasil.jenis != Jenis.TETAP
        tabel.append({"id": None if lama is None else lama.pk, **isian})
    if berubah:
        dipakai = {t["id"] for t in tabel}
        # Rows the sheet does not list stay, after the listed ones: an import never deletes.
        sisa = [
            {
                "id": o.pk,
                **{
                    n: getattr(o, n)
                    for n in (*spec.teks, *spec.angka, *(("jenis",) if spec.model is Desa else ()))
                },
            }
            for o in ada
            if o.pk not in dipakai
        ]
        rencana.profil[spec.jenis] = tabel + sisa


def lembar_impor(isi: IsiTahun) -> list[L.Lembar]:
    periode = isi.renstra.tahun_periode if isi.renstra else []
    return [
        L.REALISASI,
        L.lembar_renstra(periode),
        L.PERJANJIAN,
        L.RKT,
        L.ANGGARAN,
        L.KELUARAN,
        L.INDIKATOR_ANGGARAN,
        L.DESA,
        L.PEGAWAI,
        L.SARANA,
    ]


def rencana_buat(*, isi: IsiTahun, bacaan: Bacaan) -> Rencana:
    """The plan of one workbook against the year's data (``isi``), with every error."""
    rencana = Rencana(kecamatan_id=isi.kecamatan.pk, tahun=isi.tahun, galat=list(bacaan.galat))
    renstra = L.lembar_renstra(isi.renstra.tahun_periode if isi.renstra else [])
    langkah = [
        (L.REALISASI.judul, lambda b: _rencana_realisasi(rencana, isi, b)),
        (renstra.judul, lambda b: _rencana_renstra(rencana, isi, renstra, b)),
        (L.PERJANJIAN.judul, lambda b: _rencana_pk(rencana, isi, b)),
        (L.RKT.judul, lambda b: _rencana_rkt(rencana, isi, b)),
        (L.ANGGARAN.judul, lambda b: _rencana_anggaran(rencana, isi, b)),
        (L.KELUARAN.judul, lambda b: _rencana_keluaran(rencana, isi, b)),
        (L.INDIKATOR_ANGGARAN.judul, lambda b: _rencana_indikator_anggaran(rencana, isi, b)),
        *((p.lembar.judul, (lambda b, p=p: _rencana_profil(rencana, isi, p, b))) for p in PROFIL),
    ]
    for judul, buat in langkah:
        if judul in bacaan.lembar:
            buat(bacaan.lembar[judul])
    return rencana
