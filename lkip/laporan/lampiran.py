"""The report's annexes (Lampiran), each as the kecamatan signs it: the Renstra matrix, the RKT
(sasaran, indicators and targets, then the programs and kegiatan with their indicators and
targets and the sub kegiatan with their outputs, targets and pagu), every version of the
Perjanjian Kinerja with its text, tables and both parties' signatures, the Camat's IKU decree
with its annex table, and the Rencana Aksi's quarterly targets where the kecamatan entered them.

Built from the same typed document and shared parts as the chapters (``isi.Umum``), with no
query of its own besides the letterhead's; templates only format.
"""

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import TypeVar

from lkip.laporan import dokumen as d
from lkip.laporan.isi import (
    LEBAR_TAHUN_LAMPIRAN,
    Bab,
    BarisIku,
    BarisRenstra,
    BarisTarget,
    TandaTangan,
    Umum,
    _bab,
    _baris_renstra,
    _baris_target,
    _indikator_iku,
    _ttd,
    awal_tahun,
    bagi_lebar,
    isi_tempat,
)
from lkip.laporan.kop import Kop, kop_laporan
from lkip.laporan.narasi_bawaan import NASKAH_IKU_BAWAAN

TRIWULAN = (1, 2, 3, 4)


@dataclass(frozen=True)
class KopLampiran:
    """The letterhead over an annex's first page: the kabupaten's logo and name, the kecamatan
    and its office address."""

    pemerintah: str
    logo: str
    instansi: str
    alamat: str


# --- RKT -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BarisAnggaranRkt:
    """One row of the RKT's budget table: a program or kegiatan with its pagu and its first
    indicator, or a sub kegiatan with its pagu and its first output; each further indicator or
    output is a row of its own (``…-lanjut``) under the row that spans them (``rowspan``)."""

    jenis: str
    """``program``, ``kegiatan`` or ``sub``, or one of them with ``-lanjut``."""
    kode: str
    nama: str
    pagu: Decimal | None
    keluaran: d.Keluaran | d.IndikatorAnggaran | None
    """The output of a sub kegiatan, or the indicator of a program or kegiatan."""
    rowspan: int


@dataclass(frozen=True)
class LampiranRkt:
    ttd: TandaTangan
    baris: tuple[BarisTarget, ...]
    anggaran: tuple[BarisAnggaranRkt, ...]
    total_pagu: Decimal
    sumber: str
    """The targets' source, the RKT itself."""
    sumber_program: str
    """The programs' pagu come from the budget."""


def _baris_berindikator(
    jenis: str, kode: str, nama: str, pagu: Decimal | None, indikator: tuple, kosong: tuple
) -> list[BarisAnggaranRkt]:
    """The row of a budget item and one more row per further indicator or output; ``kosong`` is
    what an item without any prints in their place (``(None,)``: a row with empty cells, ``()``:
    the name across those columns)."""
    isi = indikator or kosong
    if not isi:
        return [BarisAnggaranRkt(jenis, kode, nama, pagu, None, 1)]
    return [
        BarisAnggaranRkt(
            jenis if i == 0 else f"{jenis}-lanjut",
            kode,
            nama,
            pagu if i == 0 else None,
            o,
            len(isi) if i == 0 else 0,
        )
        for i, o in enumerate(isi)
    ]


def _baris_anggaran(program: tuple[d.Program, ...]) -> tuple[BarisAnggaranRkt, ...]:
    baris: list[BarisAnggaranRkt] = []
    for p in program:
        baris += _baris_berindikator("program", p.kode, p.nama, p.pagu, p.indikator, ())
        for k in p.kegiatan:
            baris += _baris_berindikator("kegiatan", k.kode, k.nama, k.pagu, k.indikator, ())
            for s in k.sub_kegiatan:
                baris += _baris_berindikator("sub", s.kode, s.nama, s.pagu, s.keluaran, (None,))
    return tuple(baris)


_Baris = TypeVar("_Baris", BarisTarget, BarisIku)


def _urut_sasaran(baris: tuple[_Baris, ...]) -> tuple[_Baris, ...]:
    """Rows in the order of their sasaran's number, so the annex reads 1, 2, 3 like the PK."""
    return tuple(sorted(baris, key=lambda b: (b.sasaran_nomor is None, b.sasaran_nomor or 0)))


def _ttd_rencana(dok: d.DokumenLkip, umum: Umum, tanggal: date | None) -> TandaTangan:
    """The Camat in office on a yearly plan's date (an undated one is set at the year's start)."""
    return _ttd(dok, umum.profil, tanggal, awal_tahun(umum.tahun))


def lampiran_rkt(dok: d.DokumenLkip, umum: Umum) -> LampiranRkt | None:
    if dok.rkt is None:
        return None
    return LampiranRkt(
        ttd=_ttd_rencana(dok, umum, dok.rkt.tanggal),
        baris=_urut_sasaran(_baris_target(dok.rkt.target, umum)),
        anggaran=_baris_anggaran(dok.anggaran.program),
        total_pagu=dok.anggaran.total.pagu,
        sumber=umum.sumber.rkt,
        sumber_program=umum.sumber.pagu_anggaran,
    )


# --- Perjanjian Kinerja ----------------------------------------------------------------------


@dataclass(frozen=True)
class LampiranPerjanjian:
    perjanjian: d.Perjanjian
    baris: tuple[BarisTarget, ...]
    judul: str
    """``Perjanjian Kinerja Tahun 2024`` or ``Perjanjian Kinerja Perubahan Tahun 2023``."""
    nomor: str
    """``3`` alone, or ``3.1``, ``3.2`` when the year has a PK Perubahan."""
    sumber: str


def lampiran_perjanjian(dok: d.DokumenLkip, umum: Umum) -> tuple[LampiranPerjanjian, ...]:
    semua = dok.perjanjian_kinerja
    return tuple(
        LampiranPerjanjian(
            perjanjian=p,
            baris=_baris_target(p.target, umum),
            judul=f"Perjanjian Kinerja{' Perubahan' if p.jenis == 'perubahan' else ''} Tahun {umum.tahun}",
            nomor=f"3.{i}" if len(semua) > 1 else "3",
            sumber=sumber,
        )
        for i, (p, sumber) in enumerate(zip(semua, umum.sumber.perjanjian, strict=True), start=1)
    )


# --- Keputusan IKU ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Diktum:
    nama: str
    teks: str
    rincian: tuple[str, ...]


@dataclass(frozen=True)
class KeputusanIku:
    penetapan: d.PenetapanIku | None
    menimbang: tuple[str, ...]
    mengingat: tuple[str, ...]
    diktum: tuple[Diktum, ...]
    indikator: tuple[BarisIku, ...]
    ttd: TandaTangan
    naskah_bawaan: bool
    """The body is the default text (the kecamatan has not entered its decree's own)."""
    sumber: str


def _baris(teks: str) -> tuple[str, ...]:
    return tuple(b.strip() for b in teks.splitlines() if b.strip())


def _diktum(teks: str) -> tuple[Diktum, ...]:
    """``KESATU : …`` lines, each followed by its ``- …`` items; a line of neither form
    continues the previous diktum's text."""
    hasil: list[Diktum] = []
    for b in _baris(teks):
        kepala, titik_dua, isi = b.partition(":")
        if titik_dua and kepala.strip().isupper() and " " not in kepala.strip():
            hasil.append(Diktum(kepala.strip(), isi.strip(), ()))
        elif hasil and b.startswith("-"):
            hasil[-1] = replace(hasil[-1], rincian=(*hasil[-1].rincian, b.lstrip("- ").strip()))
        elif hasil:
            hasil[-1] = replace(hasil[-1], teks=f"{hasil[-1].teks} {b}")
        else:
            hasil.append(Diktum("", b, ()))
    return tuple(hasil)


def keputusan_iku(dok: d.DokumenLkip, umum: Umum) -> KeputusanIku:
    iku = dok.penetapan_iku
    isian = {"kecamatan": umum.nama, "kabupaten": umum.kabupaten, "tahun": umum.tahun}
    bawaan = {k: isi_tempat(v, isian) for k, v in NASKAH_IKU_BAWAAN.items()}
    naskah = {k: (getattr(iku, k, "") or "").strip() or bawaan[k] for k in bawaan}
    return KeputusanIku(
        penetapan=iku,
        menimbang=_baris(naskah["menimbang"]),
        mengingat=_baris(naskah["mengingat"]),
        diktum=_diktum(naskah["memutuskan"]),
        indikator=_urut_sasaran(_indikator_iku(umum)),
        ttd=_ttd_rencana(dok, umum, None if iku is None else iku.tanggal),
        naskah_bawaan=all(naskah[k] == bawaan[k] for k in bawaan),
        sumber=umum.sumber.iku,
    )


# --- Rencana Aksi ----------------------------------------------------------------------------


@dataclass(frozen=True)
class BarisAksi:
    """An indicator or an output with its quarterly targets (``None``: that quarter is empty)."""

    sasaran: str
    uraian: str
    satuan: str
    target: str
    triwulan: tuple[Decimal | None, ...]


@dataclass(frozen=True)
class BarisAksiKeluaran:
    program: str
    kegiatan: str
    sub_kegiatan: str
    keluaran: d.Keluaran
    triwulan: tuple[Decimal | None, ...]


@dataclass(frozen=True)
class RencanaAksi:
    indikator: tuple[BarisAksi, ...]
    keluaran: tuple[BarisAksiKeluaran, ...]
    ttd: TandaTangan
    sumber: str


def _per_triwulan(nilai: Mapping[int, Decimal | None]) -> tuple[Decimal | None, ...]:
    return tuple(nilai.get(tw) for tw in TRIWULAN)


def rencana_aksi(dok: d.DokumenLkip, umum: Umum) -> RencanaAksi | None:
    """Only what has quarterly targets; ``None`` when nothing has (no empty annex is printed)."""
    indikator = []
    if dok.rkt is not None:
        for t, b in zip(dok.rkt.target, _baris_target(dok.rkt.target, umum), strict=True):
            if t.target_triwulan:
                nilai = "–" if b.nilai is None else b.nilai.teks
                indikator.append(
                    BarisAksi(b.sasaran, b.indikator, b.satuan, nilai, _per_triwulan(t.target_triwulan))
                )
    keluaran = tuple(
        BarisAksiKeluaran(p.nama, k.nama, s.nama, o, _per_triwulan(o.target_triwulan))
        for p in dok.anggaran.program
        for k in p.kegiatan
        for s in k.sub_kegiatan
        for o in s.keluaran
        if o.target_triwulan
    )
    if not indikator and not keluaran:
        return None
    tanggal = dok.rkt.tanggal if dok.rkt else None
    return RencanaAksi(tuple(indikator), keluaran, _ttd_rencana(dok, umum, tanggal), umum.sumber.rencana_aksi)


# --- All annexes -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Lampiran(Bab):
    kop: KopLampiran | None
    renstra: d.Renstra | None
    baris_renstra: tuple[BarisRenstra, ...]
    lebar_tahun_renstra: tuple[int, ...]
    rkt: LampiranRkt | None
    perjanjian_semua: tuple[LampiranPerjanjian, ...]
    iku: KeputusanIku
    aksi: RencanaAksi | None
    sumber_renstra: str


def kop_lampiran(dok: d.DokumenLkip, kop: Kop | None) -> KopLampiran | None:
    if kop is None:
        return None
    return KopLampiran(
        pemerintah=kop.pemerintah,
        logo=kop.logo,
        instansi=f"Kecamatan {dok.kecamatan.nama}",
        alamat=dok.kecamatan.alamat_kantor,
    )


def lampiran(dok: d.DokumenLkip, umum: Umum, kop: KopLampiran | None) -> Lampiran:
    renstra = dok.renstra
    return Lampiran(
        **_bab(umum),
        kop=kop,
        renstra=renstra,
        baris_renstra=_baris_renstra(renstra),
        lebar_tahun_renstra=bagi_lebar(LEBAR_TAHUN_LAMPIRAN, len(renstra.tahun_periode) if renstra else 0),
        rkt=lampiran_rkt(dok, umum),
        perjanjian_semua=lampiran_perjanjian(dok, umum),
        iku=keputusan_iku(dok, umum),
        aksi=rencana_aksi(dok, umum),
        sumber_renstra=umum.sumber.renstra,
    )


__all__ = ["Lampiran", "kop_laporan", "kop_lampiran", "lampiran"]
