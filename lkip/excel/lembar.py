"""The sheets of the workbook: their titles, columns and help rows, shared by the template
(``templat``) and the import (``baca``, ``rencana``) so both always agree."""

from dataclasses import dataclass
from functools import cache

from anggaran.models import JenisBelanja
from capaian.models import Realisasi
from kecamatan.models import Desa
from perencanaan.models import AturanTriwulan, Polaritas

#: Raised whenever a sheet or column changes meaning; an older workbook is then refused.
#: 2: the Anggaran sheet carries the jenis belanja, the Keluaran sheet the quarterly targets,
#: and the RKT sheet (with its quarterly targets) was added: a version-1 workbook would read
#: as if those were all empty. The Indikator Program sheet came later without a new version: a
#: version-2 workbook lacks it, and an absent sheet changes nothing.
VERSI_TEMPLAT = "2"
LEMBAR_PENANDA = "_versi"
LEMBAR_DAFTAR = "_daftar"
BARIS_JUDUL, BARIS_BANTUAN, BARIS_DATA = 1, 2, 3


@dataclass(frozen=True)
class Kolom:
    nama: str
    judul: str
    lebar: int = 14
    #: A key of the row: locked for the rows the template was prefilled with.
    kunci: bool = False
    #: Shown for reference only; the import does not read it.
    info: bool = False
    #: The name of a drop-down list (``DAFTAR``, or one filled from the data).
    daftar: str | None = None


@dataclass(frozen=True)
class Lembar:
    judul: str
    bantuan: str
    kolom: tuple[Kolom, ...]

    def indeks(self) -> dict[str, int]:
        return {k.nama: i for i, k in enumerate(self.kolom)}


def _k(nama: str, judul: str, lebar: int = 14, **opsi) -> Kolom:
    return Kolom(nama=nama, judul=judul, lebar=lebar, **opsi)


KODE_SASARAN = _k("kode_sasaran", "Kode sasaran", 12, kunci=True)
KODE_INDIKATOR = _k("kode_indikator", "Kode indikator", 12, kunci=True)
URAIAN_INDIKATOR = _k("indikator", "Indikator kinerja", 48, info=True)

REALISASI = Lembar(
    judul="Realisasi",
    bantuan=(
        "Isi realisasi tahunan (mis. 97,5 atau B (69)) dan/atau triwulan I–IV. Status «Tidak dapat "
        "dihitung» dan «Tidak berlaku» memerlukan alasan. Kolom abu-abu hanya keterangan."
    ),
    kolom=(
        KODE_SASARAN,
        KODE_INDIKATOR,
        URAIAN_INDIKATOR,
        _k("satuan", "Satuan", 10, info=True),
        _k("target", "Target PK", 10, info=True),
        _k("status", "Status", 20, daftar="status"),
        _k("nilai", "Realisasi tahunan", 12),
        _k("tw1", "Triwulan I", 10),
        _k("tw2", "Triwulan II", 10),
        _k("tw3", "Triwulan III", 10),
        _k("tw4", "Triwulan IV", 10),
        _k("alasan", "Alasan", 30),
        _k("catatan", "Catatan", 30),
        _k("faktor_keberhasilan", "Faktor keberhasilan", 40),
        _k("hambatan", "Hambatan / faktor kegagalan", 40),
        _k("tindak_lanjut", "Solusi / tindak lanjut", 40),
        _k("pembanding_nasional", "Realisasi nasional", 12),
        _k("pembanding_provinsi", "Realisasi provinsi", 12),
        _k("pembanding_kabupaten", "Realisasi kabupaten", 12),
    ),
)

PERJANJIAN = Lembar(
    judul="PK",
    bantuan="Target Perjanjian Kinerja yang berlaku tahun ini (mis. 90 atau BB). Baris baru tidak dibaca.",
    kolom=(
        KODE_SASARAN,
        KODE_INDIKATOR,
        URAIAN_INDIKATOR,
        _k("satuan", "Satuan", 10, info=True),
        _k("target", "Target PK", 12),
    ),
)


#: The Rencana Aksi's quarterly targets, on the RKT and Keluaran sheets.
TARGET_TRIWULAN = tuple(
    _k(f"target_tw{n}", f"Target TW {romawi}", 10)
    for n, romawi in ((1, "I"), (2, "II"), (3, "III"), (4, "IV"))
)

RKT = Lembar(
    judul="RKT",
    bantuan=(
        "Target Rencana Kinerja Tahunan (mis. 90 atau BB) dan target triwulan Rencana Aksi (angka; "
        "kosong berarti tidak ditetapkan, bukan 0). Hanya indikator yang ada di RKT tahun ini dibaca."
    ),
    kolom=(
        KODE_SASARAN,
        KODE_INDIKATOR,
        URAIAN_INDIKATOR,
        _k("satuan", "Satuan", 10, info=True),
        _k("target", "Target RKT", 12),
        *TARGET_TRIWULAN,
    ),
)


def lembar_renstra(tahun_periode: list[int]) -> Lembar:
    """The Renstra's columns depend on its period: one target column per year."""
    return Lembar(
        judul="Target Renstra",
        bantuan=(
            "Satuan, polaritas, aturan triwulan dan target tiap tahun Renstra yang berlaku. "
            "Target kosong berarti belum ditetapkan (bukan 0)."
        ),
        kolom=(
            KODE_SASARAN,
            KODE_INDIKATOR,
            URAIAN_INDIKATOR,
            _k("satuan", "Satuan", 10, daftar="satuan"),
            _k("polaritas", "Polaritas", 18, daftar="polaritas"),
            _k("aturan_triwulan", "Aturan triwulan", 22, daftar="aturan_triwulan"),
            *(_k(f"target_{t}", f"Target {t}", 10) for t in tahun_periode),
        ),
    )


ANGGARAN = Lembar(
    judul="Anggaran",
    bantuan=(
        "Satu baris per program, kegiatan atau sub kegiatan; kode induk diisi di kolomnya. Pagu, "
        "realisasi (Rp, bulat) dan jenis belanja (operasi/modal; kosong: belum dikelompokkan) hanya "
        "untuk sub kegiatan. Baris yang tidak ada di lembar ini tidak dihapus."
    ),
    kolom=(
        _k("jenis", "Jenis", 14, daftar="jenis_anggaran"),
        _k("kode_program", "Kode program", 12, kunci=True),
        _k("kode_kegiatan", "Kode kegiatan", 12, kunci=True),
        _k("kode_sub", "Kode sub kegiatan", 14, kunci=True),
        _k("nama", "Nama", 48),
        _k("pagu", "Pagu (Rp)", 16),
        _k("realisasi", "Realisasi (Rp)", 16),
        _k("sasaran", "Sasaran yang didukung", 14, daftar="sasaran"),
        _k("jenis_belanja", "Jenis belanja", 16, daftar="jenis_belanja"),
    ),
)

KELUARAN = Lembar(
    judul="Keluaran",
    bantuan=(
        "Indikator keluaran tiap sub kegiatan: target, realisasi dan target triwulan Rencana Aksi. "
        "Kosong berarti belum diisi (bukan 0)."
    ),
    kolom=(
        _k("kode_program", "Kode program", 12, kunci=True),
        _k("kode_kegiatan", "Kode kegiatan", 12, kunci=True),
        _k("kode_sub", "Kode sub kegiatan", 14, kunci=True),
        _k("uraian", "Indikator keluaran", 48, kunci=True),
        _k("satuan", "Satuan", 12, daftar="satuan"),
        _k("target", "Target", 12),
        _k("realisasi", "Realisasi", 12),
        *TARGET_TRIWULAN,
    ),
)

INDIKATOR_ANGGARAN = Lembar(
    judul="Indikator Program",
    bantuan=(
        "Indikator tiap program (kode kegiatan kosong) dan tiap kegiatan: satuan, target dan "
        "realisasi (angka; kosong berarti belum diisi, bukan 0). Baris yang tidak ada di lembar ini "
        "tidak dihapus."
    ),
    kolom=(
        _k("kode_program", "Kode program", 12, kunci=True),
        _k("kode_kegiatan", "Kode kegiatan", 12, kunci=True),
        _k("uraian", "Indikator", 48, kunci=True),
        _k("satuan", "Satuan", 12, daftar="satuan"),
        _k("target", "Target", 12),
        _k("realisasi", "Realisasi", 12),
    ),
)

DESA = Lembar(
    judul="Desa",
    bantuan="Desa/kelurahan tahun ini, urut seperti di laporan. Baris yang dihapus di sini tidak dihapus dari data.",
    kolom=(
        _k("nama", "Nama", 24, kunci=True),
        _k("jenis", "Jenis", 12, daftar="jenis_desa"),
        _k("luas_km2", "Luas (km²)", 12),
        _k("jumlah_penduduk", "Jumlah penduduk", 14),
    ),
)

PEGAWAI = Lembar(
    judul="Pegawai",
    bantuan="Komposisi pegawai: kebutuhan, bezetting, laki-laki, perempuan (bilangan bulat).",
    kolom=(
        _k("kelompok", "Kelompok jabatan", 24, kunci=True),
        _k("jabatan", "Jabatan", 32, kunci=True),
        _k("kebutuhan", "Kebutuhan", 10),
        _k("bezetting", "Bezetting", 10),
        _k("laki_laki", "Laki-laki", 10),
        _k("perempuan", "Perempuan", 10),
    ),
)

SARANA = Lembar(
    judul="Sarana",
    bantuan="Sarana dan prasarana: jumlah, kondisi, jumlah ideal.",
    kolom=(
        _k("nama", "Sarana/prasarana", 32, kunci=True),
        _k("jumlah", "Jumlah", 10),
        _k("kondisi", "Kondisi", 20),
        _k("jumlah_ideal", "Jumlah ideal", 12),
    ),
)

JENIS_ANGGARAN = {"program": "Program", "kegiatan": "Kegiatan", "sub_kegiatan": "Sub kegiatan"}


@cache
def daftar_tetap() -> dict[str, dict[str, str]]:
    """Fixed drop-down lists: value stored → label shown. An import accepts either."""
    return {
        "status": {str(k): str(v) for k, v in Realisasi.Status.choices},
        "polaritas": {str(k): str(v) for k, v in Polaritas.choices},
        "aturan_triwulan": {str(k): str(v) for k, v in AturanTriwulan.choices},
        "jenis_anggaran": JENIS_ANGGARAN,
        "jenis_belanja": {str(k): str(v) for k, v in JenisBelanja.choices},
        "jenis_desa": {str(k): str(v) for k, v in Desa.Jenis.choices},
    }
