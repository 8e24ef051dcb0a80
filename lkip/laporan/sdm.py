"""BAB I's staff breakdowns beside the composition table: ASN by pangkat/golongan and ASN and
non-ASN by education, from the profile's ``rincian_pegawai``. Each table is numbered only when
it has rows; a count left empty stays "–" and is left out of the total (never read as 0)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from lkip.laporan import dokumen as d

if TYPE_CHECKING:
    from lkip.laporan.isi import Nomor, Penomor


@dataclass(frozen=True)
class TabelRincian:
    nomor: Nomor
    baris: tuple[d.RincianPegawai, ...]
    jumlah: int | None
    """The sum of the counts filled; ``None`` when none is."""


@dataclass(frozen=True)
class RincianSdm:
    pangkat: TabelRincian | None
    pendidikan: TabelRincian | None
    jumlah_asn: int | None
    jumlah_non_asn: int | None
    """From the education table, which counts both; ``None`` when it has no such row filled."""


def _jumlah(baris: tuple[d.RincianPegawai, ...]) -> int | None:
    ada = [b.jumlah for b in baris if b.jumlah is not None]
    return sum(ada) if ada else None


def _tabel(
    baris: tuple[d.RincianPegawai, ...], nomor: Penomor, judul: str, sumber: str
) -> TabelRincian | None:
    if not baris:
        return None
    return TabelRincian(nomor.tabel(1, judul, sumber=sumber), baris, _jumlah(baris))


def rincian_sdm(profil: d.Profil, nama: str, tahun: int, nomor: Penomor, *, sumber: str) -> RincianSdm:
    pangkat = tuple(r for r in profil.rincian_pegawai if r.dasar == "pangkat")
    pendidikan = tuple(r for r in profil.rincian_pegawai if r.dasar == "pendidikan")
    return RincianSdm(
        pangkat=_tabel(
            pangkat, nomor, f"Jumlah ASN {nama} menurut Pangkat/Golongan Ruang Tahun {tahun}", sumber
        ),
        pendidikan=_tabel(
            pendidikan,
            nomor,
            f"Jumlah ASN dan Non ASN {nama} menurut Latar Belakang Pendidikan Tahun {tahun}",
            sumber,
        ),
        jumlah_asn=_jumlah(tuple(r for r in pendidikan if r.status == "asn")),
        jumlah_non_asn=_jumlah(tuple(r for r in pendidikan if r.status == "non_asn")),
    )
