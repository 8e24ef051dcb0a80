"""The typed LKIP document: a kecamatan's whole year as frozen dataclasses, one group per
chapter of the data (profil, renstra, perjanjian kinerja, capaian, anggaran, efisiensi).

Values keep their types — ``Decimal`` amounts and percentages, ``date``, ``scoring.Nilai`` for
a target or realisasi as written, ``None`` for missing — so the report computes with them and
never reads a number back out of text. ``dokumen_json`` writes the document as the stable JSON
of ``manage.py lkip_json`` (``docs/lkip_json.md``); field names and order are the JSON's.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

from capaian.scoring import Nilai, Temuan
from capaian.selectors import desimal_teks
from umum.angka import teks_polos

VERSI_SKEMA = 1

POLOS = {"json": "polos"}
"""Field metadata: a measured quantity (area, output, quarter) written as plain text
(``"53.48"``, ``"84.6667"``), not as money or a percentage with two places."""


def _polos(**kwargs: Any) -> Any:
    return field(metadata=POLOS, **kwargs)


# --- Profil --------------------------------------------------------------------------------


@dataclass(frozen=True)
class KecamatanDok:
    slug: str
    nama: str
    kabupaten: str
    alamat_kantor: str


@dataclass(frozen=True)
class Desa:
    nama: str
    jenis: str
    luas_km2: Decimal | None = _polos()
    jumlah_penduduk: int | None = None


@dataclass(frozen=True)
class Pegawai:
    kelompok: str
    jabatan: str
    kebutuhan: int | None
    bezetting: int | None
    laki_laki: int | None
    perempuan: int | None


@dataclass(frozen=True)
class RincianPegawai:
    dasar: str
    """``pangkat`` or ``pendidikan``."""
    status: str
    """``asn`` or ``non_asn``."""
    uraian: str
    golongan: str
    jumlah: int | None
    keterangan: str


@dataclass(frozen=True)
class Sarana:
    nama: str
    jumlah: int | None
    kondisi: str
    jumlah_ideal: int | None


@dataclass(frozen=True)
class UnitOrganisasi:
    kode: str
    nama: str
    induk: str | None


@dataclass(frozen=True)
class Pejabat:
    jabatan: str
    nama: str
    pangkat: str
    golongan: str
    nip: str
    kepala: bool
    mulai_menjabat: date | None = None
    selesai_menjabat: date | None = None


@dataclass(frozen=True)
class SumberTabel:
    """The documents the kecamatan names as its tables' sources (empty: the report derives
    the sentence, ``lkip.laporan.sumber``)."""

    pegawai: str = ""
    sarana: str = ""
    wilayah: str = ""
    pagu_anggaran: str = ""
    realisasi_anggaran: str = ""
    realisasi_kinerja: str = ""


@dataclass(frozen=True)
class Inovasi:
    nama: str
    uraian: str
    tahun_mulai: int | None
    dasar_penetapan: str
    hasil: str
    tautan: str


@dataclass(frozen=True)
class Penghargaan:
    nama: str
    pemberi: str
    tingkat: str
    tanggal: date | None


@dataclass(frozen=True)
class Profil:
    luas_km2: Decimal | None = _polos(default=None)
    jumlah_penduduk: int | None = None
    desa: tuple[Desa, ...] = ()
    pegawai: tuple[Pegawai, ...] = ()
    sarana: tuple[Sarana, ...] = ()
    organisasi: tuple[UnitOrganisasi, ...] = ()
    pejabat: tuple[Pejabat, ...] = ()
    isu_strategis: tuple[str, ...] = ()
    tempat_laporan: str = "Jember"
    tanggal_laporan: date | None = None
    rincian_pegawai: tuple[RincianPegawai, ...] = ()
    sumber_tabel: SumberTabel = field(default_factory=SumberTabel)
    inovasi: tuple[Inovasi, ...] = ()
    penghargaan: tuple[Penghargaan, ...] = ()


# --- Renstra -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pembanding:
    nasional: str | None
    provinsi: str | None
    kabupaten: str | None


@dataclass(frozen=True)
class RealisasiTahun:
    nilai: Nilai | None
    """The year's value: the quarterly roll-up when quarters are filled."""
    status: str
    alasan: str | None
    triwulan: Mapping[int, Decimal | None] = _polos()
    faktor_keberhasilan: str
    hambatan: str
    tindak_lanjut: str
    catatan: str
    pembanding: Pembanding


@dataclass(frozen=True)
class IndikatorRenstra:
    kode: str
    uraian: str
    satuan: str
    jenis_nilai: str
    polaritas: str
    formula: str
    penanggung_jawab: str
    sumber_data: str
    iku: bool
    aturan_triwulan: str
    target: Mapping[int, Nilai | None]
    target_akhir: Nilai | None
    realisasi: Mapping[int, RealisasiTahun]
    """Every year recorded across the Renstra's versions, oldest first."""


@dataclass(frozen=True)
class SasaranRenstra:
    kode: str
    nomor: int | None
    uraian: str
    indikator: tuple[IndikatorRenstra, ...]
    strategi: str = ""
    kebijakan: str = ""


@dataclass(frozen=True)
class IndikatorTujuan:
    uraian: str
    satuan: str
    target: Mapping[int, Nilai | None] = field(default_factory=dict)
    target_akhir: Nilai | None = None


@dataclass(frozen=True)
class MisiRpjmd:
    nomor: int
    uraian: str


@dataclass(frozen=True)
class Rpjmd:
    kabupaten: str
    tahun_awal: int
    tahun_akhir: int
    visi: str
    misi: tuple[MisiRpjmd, ...]


@dataclass(frozen=True)
class Tujuan:
    kode: str
    uraian: str
    indikator: tuple[IndikatorTujuan, ...]
    sasaran: tuple[SasaranRenstra, ...]


@dataclass(frozen=True)
class VersiRenstra:
    versi: int
    jenis: str
    berlaku_mulai: int
    nomor_keputusan: str


@dataclass(frozen=True)
class Renstra:
    tahun_awal: int
    tahun_akhir: int
    versi: int
    jenis: str
    nomor_keputusan: str
    tanggal_keputusan: date | None
    berlaku_mulai: int
    versi_lain: tuple[VersiRenstra, ...]
    tujuan: tuple[Tujuan, ...]
    rpjmd: Rpjmd | None = None
    misi_rpjmd: int | None = None

    @property
    def tahun_periode(self) -> tuple[int, ...]:
        return tuple(range(self.tahun_awal, self.tahun_akhir + 1))

    @property
    def semua_indikator(self) -> tuple[tuple[SasaranRenstra, IndikatorRenstra], ...]:
        return tuple((s, i) for t in self.tujuan for s in t.sasaran for i in s.indikator)


# --- IKU, RKT, Perjanjian Kinerja -------------------------------------------------------------


@dataclass(frozen=True)
class PenetapanIku:
    nomor: str
    tanggal: date | None
    tentang: str
    menimbang: str = ""
    """The decree's body as entered; empty: the report prints the default text."""
    mengingat: str = ""
    memutuskan: str = ""


@dataclass(frozen=True)
class TargetIndikator:
    indikator: str
    """The indicator's kode."""
    nilai: Nilai | None
    target_triwulan: Mapping[int, Decimal | None] = _polos(default_factory=dict)
    """The Rencana Aksi's quarterly targets (RKT only; empty when none are set)."""


@dataclass(frozen=True)
class Rkt:
    tanggal: date | None
    target: tuple[TargetIndikator, ...]


@dataclass(frozen=True)
class Pihak:
    nama: str
    jabatan: str
    pangkat: str
    nip: str
    status: str


@dataclass(frozen=True)
class AnggaranPerjanjian:
    program: str
    anggaran: Decimal
    keterangan: str


@dataclass(frozen=True)
class Perjanjian:
    versi: int
    jenis: str
    tempat: str
    tanggal: date | None
    pihak_pertama: Pihak
    pihak_kedua: Pihak
    target: tuple[TargetIndikator, ...]
    anggaran: tuple[AnggaranPerjanjian, ...]
    jumlah_anggaran: Decimal


# --- Capaian -------------------------------------------------------------------------------


@dataclass(frozen=True)
class BarisCapaian:
    sasaran_no: int | None
    sasaran: str
    indikator_kode: str
    indikator: str
    satuan: str
    polaritas: str
    target: Nilai | None
    realisasi: Nilai | None
    capaian: Decimal | None
    """Raw, from the formula, rounded half-up to two places."""
    capaian_akhir: Decimal | None
    """After floor 0 and the scale's cap."""
    predikat: str | None
    status: str
    alasan: str | None
    rekap_triwulan: Decimal | None = field(metadata={"json": "polos"})
    """The quarters' roll-up shown beside a typed yearly value (``None`` without quarters)."""
    temuan: tuple[Temuan, ...]
    """What a reader should check (a yearly value that differs from its quarters, a letter
    whose number lies outside its band)."""
    target_akhir_renstra: Nilai | None
    capaian_terhadap_target_akhir: Decimal | None


@dataclass(frozen=True)
class SasaranCapaian:
    no: int | None
    kode: str
    sasaran: str
    capaian: Decimal | None
    predikat: str | None


@dataclass(frozen=True)
class Ringkasan:
    capaian: Decimal | None
    predikat: str | None


@dataclass(frozen=True)
class PitaSkala:
    kode: str
    keterangan: str
    interval: str


@dataclass(frozen=True)
class SkalaDetail:
    kode: str
    nama: str
    sumber: str
    batas_atas: Decimal | None
    pita: tuple[PitaSkala, ...]


@dataclass(frozen=True)
class Capaian:
    """The scored year; the shape of ``manage.py capaian --json`` plus the report's additions."""

    kecamatan: str
    tahun: int
    skala: str
    indikator: tuple[BarisCapaian, ...]
    sasaran: tuple[SasaranCapaian, ...]
    rata_rata: Ringkasan
    tersedia: bool
    skala_detail: SkalaDetail


@dataclass(frozen=True)
class CapaianTidakTersedia:
    """The year cannot be scored; ``alasan`` says what is missing, in Indonesian."""

    alasan: str
    tersedia: bool = False
    indikator: tuple[BarisCapaian, ...] = ()
    sasaran: tuple[SasaranCapaian, ...] = ()


# --- Anggaran, efisiensi ---------------------------------------------------------------------


@dataclass(frozen=True)
class Jumlah:
    pagu: Decimal | None
    """``None`` when any sub kegiatan under it has no pagu yet."""
    realisasi: Decimal | None
    """``None`` when any sub kegiatan under it has no realisasi yet."""
    serapan: Decimal | None


@dataclass(frozen=True)
class Keluaran:
    uraian: str
    satuan: str
    target: Decimal | None = _polos()
    realisasi: Decimal | None = _polos()
    capaian: Decimal | None = None
    target_triwulan: Mapping[int, Decimal | None] = _polos(default_factory=dict)
    """The Rencana Aksi's quarterly targets (empty when none are set)."""


@dataclass(frozen=True)
class SubKegiatan:
    kode: str
    nama: str
    pagu: Decimal | None
    realisasi: Decimal | None
    serapan: Decimal | None
    sasaran: str | None
    """Kode of the sasaran it supports."""
    keluaran: tuple[Keluaran, ...]
    jenis_belanja: str | None = None
    """``operasi`` or ``modal``; ``None`` when the row is not classified."""


@dataclass(frozen=True)
class IndikatorAnggaran:
    """An indicator of a program or a kegiatan (the RKT's «Indikator» and «Target» columns)."""

    uraian: str
    satuan: str
    target: Decimal | None = _polos()
    realisasi: Decimal | None = _polos()
    capaian: Decimal | None = None


@dataclass(frozen=True)
class Kegiatan:
    kode: str
    nama: str
    pagu: Decimal | None
    realisasi: Decimal | None
    serapan: Decimal | None
    indikator: tuple[IndikatorAnggaran, ...]
    sub_kegiatan: tuple[SubKegiatan, ...]


@dataclass(frozen=True)
class Program:
    kode: str
    nama: str
    pagu: Decimal | None
    realisasi: Decimal | None
    serapan: Decimal | None
    indikator: tuple[IndikatorAnggaran, ...]
    kegiatan: tuple[Kegiatan, ...]


@dataclass(frozen=True)
class JumlahJenis:
    """The year's budget of one kind of spending; ``jenis`` ``None``: rows not classified."""

    jenis: str | None
    nama: str
    pagu: Decimal
    realisasi: Decimal | None
    serapan: Decimal | None
    porsi: Decimal | None
    """Share of the year's total pagu, in percent."""


@dataclass(frozen=True)
class JumlahTahun:
    tahun: int
    pagu: Decimal
    realisasi: Decimal | None
    serapan: Decimal | None


@dataclass(frozen=True)
class Anggaran:
    program: tuple[Program, ...]
    total: Jumlah
    per_jenis: tuple[JumlahJenis, ...] = ()
    """Operasi, then modal, then the rows not classified; empty when no row is classified."""
    tahun_lalu: JumlahTahun | None = None
    """The previous year's total, when its budget is in the system."""

    @property
    def semua_sub_kegiatan(self) -> tuple[SubKegiatan, ...]:
        return tuple(s for p in self.program for k in p.kegiatan for s in k.sub_kegiatan)


@dataclass(frozen=True)
class Efisiensi:
    sasaran_no: int | None
    sasaran_kode: str
    capaian: Decimal | None
    pagu: Decimal | None
    realisasi: Decimal | None
    serapan: Decimal | None
    putusan: str | None
    """``Efisien``, ``Kurang Efisien``, or ``None`` when capaian or serapan is missing."""


@dataclass(frozen=True)
class Dokumentasi:
    """A photo the operator marked «tampilkan di laporan», under the budget row it documents."""

    program: str
    """The program's kode."""
    kegiatan: str | None
    sub_kegiatan: str | None
    keterangan: str
    berkas: str
    """The photo's address in the report's HTML (``/media/dokumentasi/<sha256>.jpg``)."""
    lebar: int
    tinggi: int


@dataclass(frozen=True)
class DokumenLkip:
    versi_skema: int
    kecamatan: KecamatanDok
    tahun: int
    profil: Profil | None
    renstra: Renstra | None
    penetapan_iku: PenetapanIku | None
    rkt: Rkt | None
    perjanjian_kinerja: tuple[Perjanjian, ...]
    capaian: Capaian | CapaianTidakTersedia
    anggaran: Anggaran
    efisiensi: tuple[Efisiensi, ...]
    dokumentasi: tuple[Dokumentasi, ...] = ()
    """Photos printed in BAB III C, in budget order (program, kegiatan, sub kegiatan), then as uploaded."""


# --- JSON ----------------------------------------------------------------------------------


def _json(nilai: Any, polos: bool = False) -> Any:
    if isinstance(nilai, CapaianTidakTersedia):
        return {"tersedia": False, "alasan": nilai.alasan}
    if isinstance(nilai, Nilai):
        return nilai.teks
    if is_dataclass(nilai):
        return {
            f.name: _json(getattr(nilai, f.name), f.metadata.get("json") == "polos") for f in fields(nilai)
        }
    if isinstance(nilai, Enum):
        return nilai.value
    if isinstance(nilai, Decimal):
        return teks_polos(nilai) if polos else desimal_teks(nilai)
    if isinstance(nilai, date):
        return nilai.isoformat()
    if isinstance(nilai, Mapping):
        return {str(k): _json(v, polos) for k, v in nilai.items()}
    if isinstance(nilai, tuple | list):
        return [_json(v, polos) for v in nilai]
    return nilai


def dokumen_json(dokumen: DokumenLkip) -> dict[str, Any]:
    """The document as the JSON of ``manage.py lkip_json``: money and percentages as decimal
    strings with two places, values as written, dates ISO, missing as ``null``."""
    return _json(dokumen)
