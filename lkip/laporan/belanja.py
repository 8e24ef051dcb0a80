"""BAB III's budget by kind of spending (Belanja Operasi, Belanja Modal) and against the previous
year, from the document's ``anggaran.per_jenis`` and ``anggaran.tahun_lalu``. The table is
numbered only when at least one budget row is classified; nothing is printed otherwise."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from lkip.laporan import dokumen as d
from lkip.laporan import kalimat
from umum.angka import persentase

if TYPE_CHECKING:
    from lkip.laporan.isi import Nomor, Penomor


@dataclass(frozen=True)
class RingkasanBelanja:
    per_jenis: tuple[d.JumlahJenis, ...]
    total: d.Jumlah
    porsi_total: Decimal | None
    """The classified and unclassified rows' pagu as a share of the total (``None``: pagu 0 or
    not typed yet)."""
    tabel: Nomor | None
    kalimat_jenis: str
    kalimat_tahun_lalu: str


def _porsi_total(per_jenis: tuple[d.JumlahJenis, ...], total: d.Jumlah) -> Decimal | None:
    """The kinds' pagu as a share of the total; missing while any kind's pagu is (never a short sum)."""
    if not per_jenis or any(j.pagu is None for j in per_jenis):
        return None
    return persentase(sum((j.pagu for j in per_jenis), Decimal("0")), total.pagu)


def ringkasan_belanja(anggaran: d.Anggaran, tahun: int, nomor: Penomor, *, sumber: str) -> RingkasanBelanja:
    per_jenis = anggaran.per_jenis
    return RingkasanBelanja(
        per_jenis=per_jenis,
        total=anggaran.total,
        porsi_total=_porsi_total(per_jenis, anggaran.total),
        tabel=nomor.tabel(3, f"Realisasi Anggaran menurut Jenis Belanja Tahun {tahun}", sumber=sumber)
        if per_jenis
        else None,
        kalimat_jenis=kalimat.kalimat_jenis_belanja(tahun, per_jenis),
        kalimat_tahun_lalu=kalimat.kalimat_anggaran_tahun_lalu(tahun, anggaran.total, anggaran.tahun_lalu),
    )
