"""Everything the LKIP template shows, built from ``dokumen_lkip`` — the same typed document
``manage.py lkip_json`` writes — so the report and the JSON can never disagree.

Each chapter's context is a frozen dataclass built by a small function of its own
(``bab_3_akuntabilitas(dok, umum, nomor) -> Bab3``), in report order, numbering its tables and
figures through one shared ``Penomor``. Groupings, generated sentences and charts are prepared
here; templates only format. Constant number of queries (the document's, plus three).
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils.safestring import SafeString, mark_safe

from capaian import scoring
from capaian.models import KonversiHuruf
from kecamatan.jabatan import pejabat_pada
from kecamatan.models import Kecamatan
from lkip.laporan import dokumen as d
from lkip.laporan import grafik, kalimat
from lkip.laporan.belanja import RingkasanBelanja, ringkasan_belanja
from lkip.laporan.models import BagianNarasi, NarasiLaporan
from lkip.laporan.narasi_bawaan import NARASI_BAWAAN
from lkip.laporan.ringkasan import RingkasanAnalisis, ringkasan_analisis
from lkip.laporan.sdm import RincianSdm, rincian_sdm
from lkip.laporan.selectors import dokumen_lkip
from lkip.laporan.sumber import SumberLaporan, sumber_inovasi, sumber_laporan
from umum.angka import persentase, teks_nilai

# --- Numbering -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Nomor:
    """A numbered caption: ``Tabel 3.2 Pengukuran Realisasi Kinerja Tahun 2024``."""

    jenis: str
    nomor: str
    judul: str
    sumber: str = ""
    """Where a table's numbers come from, printed as «Sumber:» under it (figures have none)."""

    @property
    def id(self) -> str:
        return f"{self.jenis.lower()}-{self.nomor.replace('.', '-')}"

    @property
    def label(self) -> str:
        return f"{self.jenis} {self.nomor}"


@dataclass
class Penomor:
    """Numbers tables and figures per chapter in the order the chapters declare them; one object
    is shared by every chapter so the Daftar Tabel and Daftar Gambar list them all."""

    tabel_semua: list[Nomor] = field(default_factory=list)
    gambar_semua: list[Nomor] = field(default_factory=list)

    @staticmethod
    def _tambah(daftar: list[Nomor], jenis: str, bab: int, judul: str, sumber: str = "") -> Nomor:
        urut = sum(1 for n in daftar if n.nomor.split(".")[0] == str(bab)) + 1
        nomor = Nomor(jenis, f"{bab}.{urut}", judul, sumber)
        daftar.append(nomor)
        return nomor

    def tabel(self, bab: int, judul: str, *, sumber: str) -> Nomor:
        """Every table names its source (``lkip.laporan.sumber``)."""
        return self._tambah(self.tabel_semua, "Tabel", bab, judul, sumber)

    def ganti_sumber(self, tabel: Nomor, sumber: str) -> Nomor:
        """A table whose source names later tables (the efficiency table cites the budget
        realisation's number)."""
        baru = replace(tabel, sumber=sumber)
        self.tabel_semua[self.tabel_semua.index(tabel)] = baru
        return baru

    def gambar(self, bab: int, judul: str) -> Nomor:
        return self._tambah(self.gambar_semua, "Gambar", bab, judul)


def _tabel_bila(isi: tuple, nomor: Penomor, bab: int, judul: str, sumber: str) -> Nomor | None:
    """A table's number, only when it has rows: an empty table is not printed, so it has no
    number and no line in the Daftar Tabel (the consistency check lists what is missing)."""
    return nomor.tabel(bab, judul, sumber=sumber) if isi else None


# --- Prose -----------------------------------------------------------------------------------

TEMPAT_ISIAN = ("kecamatan", "kabupaten", "tahun", "tahun_berikut")
_TEMPAT = re.compile(r"\{(" + "|".join(TEMPAT_ISIAN) + r")\}")


def isi_tempat(teks: str, isian: dict[str, Any]) -> str:
    """Fill the documented placeholders (``{kecamatan}``, ``{tahun}``…) and nothing else.

    The prose is the user's text, not a format string: any other brace, field or format spec
    prints as typed, so a stray ``{`` cannot break the report and no attribute can be read.
    """
    return _TEMPAT.sub(lambda m: str(isian[m.group(1)]), teks)


def _paragraf(teks: str, isian: dict[str, Any]) -> tuple[str, ...]:
    teks = isi_tempat(teks, isian)
    return tuple(p.strip() for p in teks.split("\n\n") if p.strip())


def _narasi(kecamatan: Kecamatan, tahun: int, isian: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    sendiri = dict(
        NarasiLaporan.objects.filter(kecamatan=kecamatan, tahun=tahun).values_list("bagian", "teks")
    )
    return {b.value: _paragraf(sendiri.get(b.value, NARASI_BAWAAN[b]), isian) for b in BagianNarasi}


def _untuk_kalimat(*bagian: object, **tambahan: Any) -> dict[str, Any]:
    """The mapping ``kalimat`` reads: the fields of typed values, a value as written by its text
    (numbers stay ``Decimal``)."""
    hasil: dict[str, Any] = {}
    for obj in bagian:
        for f in fields(obj):
            nilai = getattr(obj, f.name)
            hasil[f.name] = nilai.teks if isinstance(nilai, scoring.Nilai) else nilai
    return {**hasil, **tambahan}


def _angka(nilai: scoring.Nilai | None, konversi: Mapping[str, Decimal]) -> Decimal | None:
    return None if nilai is None else scoring.angka_dari(nilai, konversi)


def _svg(markup: str) -> SafeString:
    return mark_safe(markup)  # noqa: S308 - grafik escapes every text it draws


# --- Shared parts ----------------------------------------------------------------------------


@dataclass(frozen=True)
class TandaTangan:
    tempat: str
    tanggal: date | None
    jabatan: str
    nama: str
    pangkat: str
    nip: str


@dataclass(frozen=True)
class AnalisisIndikator:
    indikator_kode: str
    indikator: str
    satuan: str
    jenis_nilai: str
    realisasi: scoring.Nilai | None
    realisasi_per_tahun: tuple[scoring.Nilai | None, ...]
    target_per_tahun: tuple[scoring.Nilai | None, ...]
    pembanding: d.Pembanding
    kalimat: tuple[str, ...]
    faktor_keberhasilan: str
    hambatan: str
    tindak_lanjut: str


@dataclass(frozen=True)
class AnalisisSasaran:
    no: int | None
    kode: str
    sasaran: str
    capaian: Decimal | None
    predikat: str | None
    kalimat_capaian: str
    indikator: tuple[AnalisisIndikator, ...]
    pendukung: tuple[d.Program, ...]
    efisiensi: d.Efisiensi
    kalimat_efisiensi: str


@dataclass(frozen=True)
class KalimatUmum:
    anggaran: str
    rata_rata: str
    rekap: str


@dataclass(frozen=True)
class Umum:
    """What several chapters share, computed once."""

    nama: str
    kabupaten: str
    tahun: int
    narasi: Mapping[str, tuple[str, ...]]
    profil: d.Profil
    ttd: TandaTangan
    tahun_tren: tuple[int, ...]
    sasaran: tuple[AnalisisSasaran, ...]
    hitungan: tuple[tuple[str, int], ...]
    kalimat: KalimatUmum
    indikator: Mapping[str, tuple[d.SasaranRenstra, d.IndikatorRenstra]]
    sumber: SumberLaporan


@dataclass(frozen=True)
class Bab:
    nama: str
    kabupaten: str
    tahun: int


def _bab(umum: Umum) -> dict[str, Any]:
    return {"nama": umum.nama, "kabupaten": umum.kabupaten, "tahun": umum.tahun}


def _ttd(
    dok: d.DokumenLkip, profil: d.Profil, tanggal: date | None, acuan: date | None = None
) -> TandaTangan:
    """The head's signature on a document dated ``tanggal``: the official in office that day.

    ``acuan`` stands in for a missing date when the document's kind fixes its time (an IKU decree
    or an RKT is set at the start of its year); the date itself still prints as missing.
    """
    pejabat = pejabat_pada(profil.pejabat, tanggal or acuan)
    return TandaTangan(
        tempat=profil.tempat_laporan,
        tanggal=tanggal,
        jabatan=pejabat.jabatan if pejabat else f"Camat {dok.kecamatan.nama}",
        nama=pejabat.nama if pejabat else "",
        pangkat=pejabat.pangkat if pejabat else "",
        nip=pejabat.nip if pejabat else "",
    )


def awal_tahun(tahun: int) -> date:
    """When a yearly plan document (IKU decree, RKT) without a date is taken to be set."""
    return date(tahun, 1, 1)


def _sebelumnya(ren: d.IndikatorRenstra | None, tahun: int, awal: int) -> tuple[int, scoring.Nilai] | None:
    """The latest earlier year of the period with a realisasi, as typed (a letter stays a letter,
    so the trend compares like with like)."""
    for th in range(tahun - 1, awal - 1, -1):
        tercatat = None if ren is None else ren.realisasi.get(th)
        if tercatat is not None and tercatat.nilai is not None:
            return th, tercatat.nilai
    return None


def _analisis_indikator(
    b: d.BarisCapaian,
    ren: d.IndikatorRenstra | None,
    dok: d.DokumenLkip,
    tahun_tren: tuple[int, ...],
    konversi: Mapping[str, Decimal],
) -> AnalisisIndikator:
    tahun = dok.tahun
    jenis_nilai = "angka" if ren is None else ren.jenis_nilai
    info = _untuk_kalimat(b, jenis_nilai=jenis_nilai, formula="" if ren is None else ren.formula)
    tercatat = None if ren is None else ren.realisasi.get(tahun)
    pembanding = d.Pembanding(None, None, None) if tercatat is None else tercatat.pembanding
    tahun_akhir = dok.renstra.tahun_akhir if dok.renstra else tahun
    return AnalisisIndikator(
        indikator_kode=b.indikator_kode,
        indikator=b.indikator,
        satuan=b.satuan,
        jenis_nilai=jenis_nilai,
        realisasi=b.realisasi,
        realisasi_per_tahun=tuple(
            None if ren is None or th not in ren.realisasi else ren.realisasi[th].nilai for th in tahun_tren
        ),
        target_per_tahun=tuple(None if ren is None else ren.target.get(th) for th in tahun_tren),
        pembanding=pembanding,
        kalimat=(
            kalimat.kalimat_capaian(info, tahun),
            kalimat.kalimat_tren(info, _sebelumnya(ren, tahun, tahun_tren[0]), b.realisasi, tahun, konversi),
            kalimat.kalimat_target_akhir(info, tahun_akhir),
            kalimat.kalimat_pembanding(
                {
                    **info,
                    "realisasi_angka": None if b.realisasi is None else b.realisasi.angka,
                    "kecamatan": f"Kecamatan {dok.kecamatan.nama}",
                    "kabupaten": f"Kabupaten {dok.kecamatan.kabupaten}",
                },
                _untuk_kalimat(pembanding),
            ),
        ),
        faktor_keberhasilan="" if tercatat is None else tercatat.faktor_keberhasilan,
        hambatan="" if tercatat is None else tercatat.hambatan,
        tindak_lanjut="" if tercatat is None else tercatat.tindak_lanjut,
    )


def _pohon_untuk_sasaran(program: tuple[d.Program, ...], kode: str) -> tuple[d.Program, ...]:
    """The part of the budget tree whose sub kegiatan support sasaran ``kode``."""
    hasil = []
    for p in program:
        kegiatan = []
        for k in p.kegiatan:
            sub = tuple(s for s in k.sub_kegiatan if s.sasaran == kode)
            if sub:
                kegiatan.append(replace(k, sub_kegiatan=sub))
        if kegiatan:
            hasil.append(replace(p, kegiatan=tuple(kegiatan)))
    return tuple(hasil)


def _analisis_sasaran(
    dok: d.DokumenLkip,
    indeks: Mapping[str, tuple[d.SasaranRenstra, d.IndikatorRenstra]],
    tahun_tren: tuple[int, ...],
    konversi: Mapping[str, Decimal],
) -> tuple[AnalisisSasaran, ...]:
    hasil = []
    for s in dok.capaian.sasaran:
        baris = [
            b
            for b in dok.capaian.indikator
            if b.sasaran_no == s.no and (s.no is not None or b.sasaran == s.sasaran)
        ]
        efisiensi = next((e for e in dok.efisiensi if e.sasaran_kode == s.kode), None)
        hasil.append(
            AnalisisSasaran(
                no=s.no,
                kode=s.kode,
                sasaran=s.sasaran,
                capaian=s.capaian,
                predikat=s.predikat,
                kalimat_capaian=kalimat.kalimat_sasaran(
                    s.capaian, s.predikat, [b.capaian_akhir for b in baris]
                ),
                indikator=tuple(
                    _analisis_indikator(
                        b, indeks.get(b.indikator_kode, (None, None))[1], dok, tahun_tren, konversi
                    )
                    for b in baris
                ),
                pendukung=_pohon_untuk_sasaran(dok.anggaran.program, s.kode),
                efisiensi=efisiensi or d.Efisiensi(s.no, s.kode, s.capaian, None, None, None, None),
                kalimat_efisiensi=kalimat.kalimat_efisiensi(_untuk_kalimat(efisiensi))
                if efisiensi
                else "Efisiensi tidak dapat dinilai.",
            )
        )
    return tuple(hasil)


def _umum(dok: d.DokumenLkip, kecamatan: Kecamatan, konversi: Mapping[str, Decimal]) -> Umum:
    nama, kabupaten, tahun = (
        f"Kecamatan {dok.kecamatan.nama}",
        f"Kabupaten {dok.kecamatan.kabupaten}",
        dok.tahun,
    )
    isian = {"kecamatan": nama, "kabupaten": kabupaten, "tahun": tahun, "tahun_berikut": tahun + 1}
    profil = dok.profil or d.Profil()
    renstra = dok.renstra
    indeks = {i.kode: (s, i) for s, i in renstra.semua_indikator} if renstra else {}
    tahun_tren = tuple(range(renstra.tahun_awal, tahun + 1)) if renstra else (tahun,)
    baris = dok.capaian.indikator
    pita = dok.capaian.skala_detail.pita if dok.capaian.tersedia else ()
    hitungan = tuple((p.kode, sum(1 for b in baris if b.predikat == p.kode)) for p in pita)
    program = dok.anggaran.program
    sasaran = _analisis_sasaran(dok, indeks, tahun_tren, konversi)
    rata_rata = (
        kalimat.kalimat_rata_rata([s.capaian for s in sasaran], _untuk_kalimat(dok.capaian.rata_rata))
        if dok.capaian.tersedia
        else dok.capaian.alasan
    )
    return Umum(
        nama=nama,
        kabupaten=kabupaten,
        tahun=tahun,
        narasi=_narasi(kecamatan, tahun, isian),
        profil=profil,
        ttd=_ttd(dok, profil, profil.tanggal_laporan),
        tahun_tren=tahun_tren,
        sasaran=sasaran,
        hitungan=hitungan,
        kalimat=KalimatUmum(
            anggaran=kalimat.kalimat_anggaran(
                nama,
                tahun,
                len(program),
                sum(len(p.kegiatan) for p in program),
                len(dok.anggaran.semua_sub_kegiatan),
                _untuk_kalimat(dok.anggaran.total),
            ),
            rata_rata=rata_rata,
            rekap=kalimat.kalimat_rekap_predikat(list(hitungan), len(baris)),
        ),
        indikator=indeks,
        sumber=sumber_laporan(dok),
    )


# --- Cover, front matter, summary --------------------------------------------------------------


@dataclass(frozen=True)
class Sampul(Bab):
    terbit: int | None
    """The year the report is signed; ``None`` while its date is missing (never guessed)."""


@dataclass(frozen=True)
class KataPengantar(Bab):
    narasi: tuple[str, ...]
    ttd: TandaTangan


@dataclass(frozen=True)
class Ikhtisar(Bab):
    narasi: tuple[str, ...]
    tujuan: tuple[d.Tujuan, ...]
    sasaran: tuple[AnalisisSasaran, ...]
    kalimat: KalimatUmum
    skala: d.SkalaDetail | None
    analisis: RingkasanAnalisis
    kalimat_belanja: str


@dataclass(frozen=True)
class Daftar:
    tabel: tuple[Nomor, ...]
    gambar: tuple[Nomor, ...]
    perjanjian_semua: tuple[d.Perjanjian, ...]
    ada_renstra: bool
    ada_rencana_aksi: bool = False
    ada_inovasi: bool = False


def sampul(dok: d.DokumenLkip, umum: Umum) -> Sampul:
    tanggal = umum.profil.tanggal_laporan
    return Sampul(**_bab(umum), terbit=tanggal.year if tanggal else None)


def kata_pengantar(dok: d.DokumenLkip, umum: Umum) -> KataPengantar:
    return KataPengantar(**_bab(umum), narasi=umum.narasi[BagianNarasi.KATA_PENGANTAR], ttd=umum.ttd)


def ikhtisar(dok: d.DokumenLkip, umum: Umum) -> Ikhtisar:
    return Ikhtisar(
        **_bab(umum),
        narasi=umum.narasi[BagianNarasi.IKHTISAR],
        tujuan=dok.renstra.tujuan if dok.renstra else (),
        sasaran=umum.sasaran,
        kalimat=umum.kalimat,
        skala=dok.capaian.skala_detail if dok.capaian.tersedia else None,
        analisis=ringkasan_analisis(umum.sasaran),
        kalimat_belanja=kalimat.kalimat_jenis_belanja(umum.tahun, dok.anggaran.per_jenis),
    )


def daftar(dok: d.DokumenLkip, nomor: Penomor) -> Daftar:
    """Built last, once every chapter has numbered its tables and figures."""
    return Daftar(
        tabel=tuple(nomor.tabel_semua),
        gambar=tuple(nomor.gambar_semua),
        perjanjian_semua=dok.perjanjian_kinerja,
        ada_renstra=dok.renstra is not None,
        ada_inovasi=bool(dok.profil and (dok.profil.inovasi or dok.profil.penghargaan)),
    )


# --- BAB I -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class JumlahPegawai:
    kebutuhan: int | None
    bezetting: int | None
    laki_laki: int | None
    perempuan: int | None


@dataclass(frozen=True)
class Kolom:
    """A number column of a table whose columns depend on the data: the field it prints, its
    header and its width in percent of the table."""

    kunci: str
    judul: str
    lebar: int


@dataclass(frozen=True)
class KolomTabel:
    """The number columns a table prints (those with at least one value: a column that would
    hold only dashes is left out) and the width left for its text column, so the widths still
    add up to 100 %."""

    kolom: tuple[Kolom, ...]
    lebar_teks: int

    @property
    def kunci(self) -> tuple[str, ...]:
        return tuple(k.kunci for k in self.kolom)


def _kolom_berisi(baris, kolom: tuple[Kolom, ...], lebar_lain: int) -> KolomTabel:
    ada = tuple(k for k in kolom if any(getattr(b, k.kunci) is not None for b in baris))
    return KolomTabel(ada, 100 - lebar_lain - sum(k.lebar for k in ada))


KOLOM_PEGAWAI = (
    Kolom("kebutuhan", "Kebutuhan", 13),
    Kolom("bezetting", "Bezetting", 11),
    Kolom("laki_laki", "Laki-laki", 11),
    Kolom("perempuan", "Perempuan", 13),
)
KOLOM_DESA = (Kolom("luas_km2", "Luas (km²)", 20), Kolom("jumlah_penduduk", "Jumlah Penduduk (jiwa)", 28))


@dataclass(frozen=True)
class KalimatBab1:
    anggaran: str
    sdm: str
    wilayah: str


@dataclass(frozen=True)
class Bab1(Bab):
    narasi: Mapping[str, tuple[str, ...]]
    profil: d.Profil
    jumlah_pegawai: JumlahPegawai
    anggaran: d.Anggaran
    kalimat: KalimatBab1
    gambar_organisasi: Nomor | None
    """``None`` (and no number) when there is nothing to draw; so for each table below."""
    grafik_organisasi: SafeString
    tabel_pegawai: Nomor | None
    kolom_pegawai: KolomTabel
    """No and Kelompok take 21 %, Jabatan the rest."""
    sdm: RincianSdm
    tabel_sarana: Nomor | None
    tabel_anggaran: Nomor | None
    tabel_desa: Nomor | None
    kolom_desa: KolomTabel
    """No takes 7 %, the desa's name the rest."""


def _jumlah_pegawai(pegawai: tuple[d.Pegawai, ...]) -> JumlahPegawai:
    def jumlah(nama: str) -> int | None:
        ada = [getattr(p, nama) for p in pegawai if getattr(p, nama) is not None]
        return sum(ada) if ada else None

    return JumlahPegawai(*(jumlah(k) for k in ("kebutuhan", "bezetting", "laki_laki", "perempuan")))


def bab_1_pendahuluan(dok: d.DokumenLkip, umum: Umum, nomor: Penomor) -> Bab1:
    nama, tahun, profil, sumber = umum.nama, umum.tahun, umum.profil, umum.sumber
    organisasi = nomor.gambar(1, f"Struktur Organisasi {nama}") if profil.organisasi else None
    jumlah_pegawai = _jumlah_pegawai(profil.pegawai)
    n_desa = sum(1 for x in profil.desa if x.jenis == "desa")
    n_kelurahan = sum(1 for x in profil.desa if x.jenis == "kelurahan")
    return Bab1(
        **_bab(umum),
        narasi=umum.narasi,
        profil=profil,
        jumlah_pegawai=jumlah_pegawai,
        anggaran=dok.anggaran,
        kalimat=KalimatBab1(
            anggaran=umum.kalimat.anggaran,
            sdm=kalimat.kalimat_sdm(jumlah_pegawai.kebutuhan, jumlah_pegawai.bezetting),
            wilayah=kalimat.kalimat_wilayah(
                nama, profil.luas_km2, profil.jumlah_penduduk, n_desa, n_kelurahan
            ),
        ),
        gambar_organisasi=organisasi,
        grafik_organisasi=_svg(
            grafik.bagan_organisasi(
                [grafik.Unit(u.kode, u.nama, u.induk) for u in profil.organisasi], judul=organisasi.judul
            )
        )
        if organisasi
        else _svg(""),
        tabel_pegawai=_tabel_bila(
            profil.pegawai, nomor, 1, f"Komposisi Pegawai {nama} Tahun {tahun}", sumber.pegawai
        ),
        kolom_pegawai=_kolom_berisi(profil.pegawai, KOLOM_PEGAWAI, 21),
        sdm=rincian_sdm(profil, nama, tahun, nomor, sumber=sumber.pegawai),
        tabel_sarana=_tabel_bila(profil.sarana, nomor, 1, f"Sarana dan Prasarana {nama}", sumber.sarana),
        tabel_anggaran=_tabel_bila(
            dok.anggaran.program, nomor, 1, f"Anggaran {nama} Tahun {tahun}", sumber.pagu_anggaran
        ),
        tabel_desa=_tabel_bila(profil.desa, nomor, 1, f"Desa dan Kelurahan di {nama}", sumber.wilayah),
        kolom_desa=_kolom_berisi(profil.desa, KOLOM_DESA, 7),
    )


# --- BAB II ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class BarisRenstra:
    """One row of the Renstra matrix, with the rowspans of the tujuan and sasaran cells."""

    tujuan: d.Tujuan | None
    indikator_tujuan: str
    rowspan_tujuan: int
    sasaran: d.SasaranRenstra | None
    rowspan_sasaran: int
    indikator: d.IndikatorRenstra | None
    target: tuple[scoring.Nilai | None, ...]


@dataclass(frozen=True)
class BarisTujuan:
    """One tujuan indicator with its yearly targets (the tujuan cell spans its indicators)."""

    tujuan: d.Tujuan | None
    rowspan_tujuan: int
    indikator: d.IndikatorTujuan
    target: tuple[scoring.Nilai | None, ...]


@dataclass(frozen=True)
class BarisTarget:
    """A PK or RKT row with the indicator it names (a code outside the Renstra shows as is)."""

    sasaran_nomor: int | None
    sasaran: str
    indikator: str
    satuan: str
    jenis_nilai: str
    nilai: scoring.Nilai | None


@dataclass(frozen=True)
class BarisIku:
    sasaran: str
    indikator: d.IndikatorRenstra
    sasaran_nomor: int | None = None
    """The sasaran's number in the PK, the one every table prints."""


@dataclass(frozen=True)
class Alokasi:
    sasaran: AnalisisSasaran
    pagu: Decimal | None
    porsi: Decimal | None


@dataclass(frozen=True)
class Bab2(Bab):
    narasi: Mapping[str, tuple[str, ...]]
    renstra: d.Renstra | None
    misi_didukung: d.MisiRpjmd | None
    baris_renstra: tuple[BarisRenstra, ...]
    lebar_renstra: tuple[int, ...]
    """The Renstra matrix's column widths: tujuan, sasaran, indikator, then one per year."""
    lebar_tahun_renstra: tuple[int, ...]
    baris_tujuan: tuple[BarisTujuan, ...]
    tujuan_bertarget: bool
    """Whether any tujuan indicator has a target: the target columns print only then."""
    strategi: tuple[d.SasaranRenstra, ...]
    """Sasaran with a strategi or kebijakan, in the matrix's order."""
    indikator_iku: tuple[BarisIku, ...]
    penetapan_iku: d.PenetapanIku | None
    perjanjian: d.Perjanjian | None
    pk_baris: tuple[BarisTarget, ...]
    alokasi: tuple[Alokasi, ...]
    jumlah_tanpa_sasaran: int
    total: d.Jumlah
    tabel_renstra: Nomor | None
    tabel_tujuan: Nomor | None
    tabel_strategi: Nomor | None
    tabel_iku: Nomor | None
    tabel_pk: Nomor | None
    tabel_pk_anggaran: Nomor | None
    tabel_alokasi: Nomor


def _baris_renstra(renstra: d.Renstra | None) -> tuple[BarisRenstra, ...]:
    if renstra is None:
        return ()
    baris = []
    for t in renstra.tujuan:
        indikator_tujuan = "; ".join(i.uraian for i in t.indikator) or "–"
        jumlah_t = sum(max(len(s.indikator), 1) for s in t.sasaran) or 1
        if not t.sasaran:
            baris.append(BarisRenstra(t, indikator_tujuan, 1, None, 1, None, ()))
        for s in t.sasaran:
            for j, ind in enumerate(s.indikator or (None,)):
                baris.append(
                    BarisRenstra(
                        tujuan=t if s is t.sasaran[0] and j == 0 else None,
                        indikator_tujuan=indikator_tujuan,
                        rowspan_tujuan=jumlah_t,
                        sasaran=s if j == 0 else None,
                        rowspan_sasaran=max(len(s.indikator), 1),
                        indikator=ind,
                        target=tuple(
                            None if ind is None else ind.target.get(th) for th in renstra.tahun_periode
                        ),
                    )
                )
    return tuple(baris)


def _baris_tujuan(renstra: d.Renstra | None) -> tuple[BarisTujuan, ...]:
    if renstra is None:
        return ()
    return tuple(
        BarisTujuan(
            tujuan=t if j == 0 else None,
            rowspan_tujuan=len(t.indikator),
            indikator=i,
            target=tuple(i.target.get(th) for th in renstra.tahun_periode),
        )
        for t in renstra.tujuan
        for j, i in enumerate(t.indikator)
    )


def _misi_didukung(renstra: d.Renstra | None) -> d.MisiRpjmd | None:
    if renstra is None or renstra.rpjmd is None:
        return None
    return next((m for m in renstra.rpjmd.misi if m.nomor == renstra.misi_rpjmd), None)


def _baris_target(target: tuple[d.TargetIndikator, ...], umum: Umum) -> tuple[BarisTarget, ...]:
    hasil = []
    for t in target:
        sasaran, ind = umum.indikator.get(t.indikator, (None, None))
        if ind is None:
            hasil.append(BarisTarget(None, "", t.indikator, "", "angka", t.nilai))
        else:
            hasil.append(
                BarisTarget(sasaran.nomor, sasaran.uraian, ind.uraian, ind.satuan, ind.jenis_nilai, t.nilai)
            )
    return tuple(hasil)


def _indikator_iku(umum: Umum) -> tuple[BarisIku, ...]:
    return tuple(BarisIku(s.uraian, i, s.nomor) for s, i in umum.indikator.values() if i.iku)


def bagi_lebar(jumlah: int, kolom: int) -> tuple[int, ...]:
    """``jumlah`` percent split into ``kolom`` whole-percent widths that add up exactly."""
    if kolom == 0:
        return ()
    dasar, sisa = divmod(jumlah, kolom)
    return tuple(dasar + (1 if i >= kolom - sisa else 0) for i in range(kolom))


def _lebar_renstra(baris: tuple[BarisRenstra, ...], jumlah_tahun: int) -> tuple[int, ...]:
    """The Renstra matrix's widths: when every target is short ("100", "82,5", "B"), a year
    column needs only the width of its heading, and the three text columns share the rest, so
    the matrix's rows (a tujuan's text in a fifth of the page) are shorter and a short matrix
    fits under its chapter's opening text instead of leaving half a page empty."""
    pendek = all(
        t is None or len(teks_nilai(t.angka, t.huruf)) <= PANJANG_TARGET_PENDEK
        for b in baris
        for t in b.target
    )
    tahun = LEBAR_TAHUN_RENSTRA
    if pendek and jumlah_tahun:
        tahun = min(tahun, LEBAR_TAHUN_SEMPIT * jumlah_tahun)
    return bagi_lebar(100 - tahun, 3) + bagi_lebar(tahun, jumlah_tahun)


def bab_2_perencanaan(dok: d.DokumenLkip, umum: Umum, nomor: Penomor) -> Bab2:
    nama, tahun, renstra, sumber = umum.nama, umum.tahun, dok.renstra, umum.sumber
    total = dok.anggaran.total
    perjanjian = dok.perjanjian_kinerja[-1] if dok.perjanjian_kinerja else None
    pk_baris = _baris_target(perjanjian.target, umum) if perjanjian else ()
    indikator_iku = _indikator_iku(umum)
    baris_tujuan = _baris_tujuan(renstra)
    baris_renstra = _baris_renstra(renstra)
    strategi = tuple(
        s for t in (renstra.tujuan if renstra else ()) for s in t.sasaran if s.strategi or s.kebijakan
    )
    return Bab2(
        **_bab(umum),
        narasi=umum.narasi,
        renstra=renstra,
        misi_didukung=_misi_didukung(renstra),
        baris_renstra=baris_renstra,
        lebar_renstra=_lebar_renstra(baris_renstra, len(renstra.tahun_periode) if renstra else 0),
        lebar_tahun_renstra=bagi_lebar(LEBAR_TAHUN_RENSTRA, len(renstra.tahun_periode) if renstra else 0),
        baris_tujuan=baris_tujuan,
        tujuan_bertarget=any(b.indikator.target or b.indikator.target_akhir for b in baris_tujuan),
        strategi=strategi,
        indikator_iku=indikator_iku,
        penetapan_iku=dok.penetapan_iku,
        perjanjian=perjanjian,
        pk_baris=pk_baris,
        alokasi=tuple(
            Alokasi(s, s.efisiensi.pagu, persentase(s.efisiensi.pagu, total.pagu)) for s in umum.sasaran
        ),
        jumlah_tanpa_sasaran=sum(1 for x in dok.anggaran.semua_sub_kegiatan if x.sasaran is None),
        total=total,
        tabel_renstra=nomor.tabel(
            2,
            f"Matriks Tujuan dan Sasaran Rencana Strategis {nama} Tahun {renstra.tahun_awal}–{renstra.tahun_akhir}",
            sumber=sumber.renstra,
        )
        if renstra
        else None,
        tabel_tujuan=_tabel_bila(
            baris_tujuan, nomor, 2, f"Tujuan dan Indikator Tujuan {nama}", sumber.renstra
        ),
        tabel_strategi=_tabel_bila(strategi, nomor, 2, "Strategi dan Kebijakan per Sasaran", sumber.renstra),
        tabel_iku=_tabel_bila(indikator_iku, nomor, 2, "Indikator Kinerja Utama (IKU)", sumber.iku),
        tabel_pk=_tabel_bila(
            pk_baris, nomor, 2, f"Perjanjian Kinerja {nama} Tahun {tahun}", sumber.perjanjian_berlaku
        ),
        tabel_pk_anggaran=_tabel_bila(
            perjanjian.anggaran if perjanjian else (),
            nomor,
            2,
            f"Program dan Anggaran dalam Perjanjian Kinerja Tahun {tahun}",
            sumber.perjanjian_berlaku,
        ),
        tabel_alokasi=nomor.tabel(
            2, f"Alokasi Anggaran per Sasaran Tahun {tahun}", sumber=sumber.pagu_anggaran
        ),
    )


# --- BAB III ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Satuan:
    """How an indicator's values print: ``4 dokumen``, ``85%``, ``B (69)``."""

    satuan: str
    jenis_nilai: str


@dataclass(frozen=True)
class Bab3(Bab):
    narasi: Mapping[str, tuple[str, ...]]
    capaian: d.Capaian | d.CapaianTidakTersedia
    baris: tuple[d.BarisCapaian, ...]
    pengukuran: tuple[tuple[d.BarisCapaian, Satuan], ...]
    sasaran: tuple[AnalisisSasaran, ...]
    tahun_tren: tuple[int, ...]
    lebar_tahun_tren: tuple[int, ...]
    hitungan: tuple[tuple[str, int], ...]
    belum: int
    anggaran: d.Anggaran
    kalimat: KalimatUmum
    tabel_skala: Nomor
    tabel_pengukuran: Nomor
    gambar_capaian: Nomor
    grafik_capaian: SafeString
    tabel_tren: Nomor
    gambar_tren: Nomor
    grafik_tren: SafeString
    tabel_pembanding: Nomor | None
    tabel_pendukung: Nomor | None
    tanpa_pendukung: tuple[AnalisisSasaran, ...]
    """Sasaran no sub kegiatan supports: named in a sentence, not as empty rows."""
    tabel_efisiensi: Nomor
    tabel_rekap: Nomor
    tabel_realisasi_anggaran: Nomor
    gambar_serapan: Nomor
    grafik_serapan: SafeString
    belanja: RingkasanBelanja
    inovasi: "InovasiPenghargaan | None"
    """BAB III G, only when the year has an innovation or an award."""
    dokumentasi: tuple["FotoProgram", ...]
    """BAB III C's photos, one group per program; empty: no photo is marked for the report."""


@dataclass(frozen=True)
class InovasiPenghargaan:
    inovasi: tuple[d.Inovasi, ...]
    penghargaan: tuple[d.Penghargaan, ...]
    tabel_inovasi: Nomor | None
    tabel_penghargaan: Nomor | None
    kolom_penghargaan: frozenset[str]
    """The award columns some row fills (``pemberi``, ``tingkat``, ``tanggal``): a column no
    row fills is left out rather than printed as dashes."""
    lebar_penghargaan: tuple[int, ...]
    """Percent widths of the award table's columns: No, the award, then the columns printed."""


@dataclass(frozen=True)
class Foto:
    gambar: Nomor
    """The figure's number; its title is the photo's caption."""
    berkas: str
    bagian: str
    """The kegiatan or sub kegiatan it documents (``""``: the program as a whole)."""
    potret: bool


@dataclass(frozen=True)
class FotoProgram:
    kode: str
    nama: str
    foto: tuple[Foto, ...]


def _dokumentasi(dok: d.DokumenLkip, nomor: Penomor) -> tuple[FotoProgram, ...]:
    """The photos grouped under their program, each numbered as a figure of BAB III."""
    nama: dict[tuple[str, ...], str] = {}
    for p in dok.anggaran.program:
        nama[(p.kode,)] = p.nama
        for k in p.kegiatan:
            nama[(p.kode, k.kode)] = f"Kegiatan {k.kode} {k.nama}"
            for x in k.sub_kegiatan:
                nama[(p.kode, k.kode, x.kode)] = f"Sub Kegiatan {x.kode} {x.nama}"
    kelompok: dict[str, list[Foto]] = {}
    for f in dok.dokumentasi:
        kunci = tuple(k for k in (f.program, f.kegiatan, f.sub_kegiatan) if k)
        kelompok.setdefault(f.program, []).append(
            Foto(
                gambar=nomor.gambar(3, f.keterangan),
                berkas=f.berkas,
                bagian=nama.get(kunci, "") if len(kunci) > 1 else "",
                potret=f.tinggi > f.lebar,
            )
        )
    return tuple(FotoProgram(kode, nama.get((kode,), ""), tuple(foto)) for kode, foto in kelompok.items())


#: The award table's column widths by how many of pemberi, tingkat and tanggal it prints.
LEBAR_PENGHARGAAN = {0: (6, 94), 1: (6, 64, 30), 2: (6, 48, 26, 20), 3: (6, 40, 26, 14, 14)}


def _inovasi_penghargaan(profil: d.Profil | None, umum: Umum, nomor: Penomor) -> InovasiPenghargaan | None:
    if profil is None or not (profil.inovasi or profil.penghargaan):
        return None
    nama, tahun = umum.nama, umum.tahun
    kolom = frozenset(
        n for n in ("pemberi", "tingkat", "tanggal") if any(getattr(p, n) for p in profil.penghargaan)
    )
    return InovasiPenghargaan(
        inovasi=profil.inovasi,
        penghargaan=profil.penghargaan,
        tabel_inovasi=_tabel_bila(
            profil.inovasi,
            nomor,
            3,
            f"Inovasi {nama} Tahun {tahun}",
            sumber_inovasi(nama, tahun, profil.inovasi),
        ),
        tabel_penghargaan=_tabel_bila(
            profil.penghargaan,
            nomor,
            3,
            f"Penghargaan yang Diraih {nama} Tahun {tahun}",
            f"Data Penghargaan {nama} Tahun {tahun}",
        ),
        kolom_penghargaan=kolom,
        lebar_penghargaan=LEBAR_PENGHARGAAN[len(kolom)],
    )


def _grafik_capaian(baris: tuple[d.BarisCapaian, ...], judul: Nomor) -> SafeString:
    batang = [
        grafik.Batang(f"{b.indikator_kode} {b.indikator}", b.capaian_akhir, b.alasan or "") for b in baris
    ]
    return _svg(grafik.grafik_batang(batang, judul=judul.judul, batas=Decimal("100")))


def _grafik_tren(umum: Umum, judul: Nomor, konversi: Mapping[str, Decimal]) -> SafeString:
    seri = [
        grafik.Seri(
            judul=f"{i.indikator_kode} {i.indikator}",
            tahun=list(umum.tahun_tren),
            target=[_angka(v, konversi) for v in i.target_per_tahun],
            realisasi=[_angka(v, konversi) for v in i.realisasi_per_tahun],
        )
        for s in umum.sasaran
        for i in s.indikator
    ]
    return _svg(grafik.grafik_tren(seri, judul=judul.judul, per_baris=True))


def _grafik_serapan(program: tuple[d.Program, ...], judul: Nomor) -> SafeString:
    batang = [grafik.Batang(f"{p.kode} {p.nama}", p.serapan, "realisasi belum lengkap") for p in program]
    return _svg(grafik.grafik_batang(batang, judul=judul.judul, batas=Decimal("100")))


def _tingkat_pembanding(umum: Umum) -> tuple[str, ...]:
    """The levels (nasional, Provinsi Jawa Timur, the kabupaten) with a value entered for some
    indicator; empty: the comparison table is not printed."""
    return tuple(
        kalimat.nama_tingkat(t, umum.kabupaten)
        for t in kalimat.TINGKAT_PEMBANDING
        if any(getattr(i.pembanding, t) for s in umum.sasaran for i in s.indikator)
    )


def _satuan(b: d.BarisCapaian, umum: Umum) -> Satuan:
    ren = umum.indikator.get(b.indikator_kode, (None, None))[1]
    return Satuan(b.satuan, "angka" if ren is None else ren.jenis_nilai)


def bab_3_akuntabilitas(
    dok: d.DokumenLkip, umum: Umum, nomor: Penomor, konversi: Mapping[str, Decimal]
) -> Bab3:
    nama, tahun, sumber = umum.nama, umum.tahun, umum.sumber
    skala = nomor.tabel(3, "Skala Nilai Predikat Kinerja", sumber=sumber.skala)
    pengukuran = nomor.tabel(3, f"Pengukuran Realisasi Kinerja Tahun {tahun}", sumber=sumber.pengukuran)
    capaian = nomor.gambar(3, f"Capaian Kinerja per Indikator Tahun {tahun}")
    tren = nomor.tabel(
        3,
        f"Perbandingan Realisasi Kinerja Tahun {tahun} dengan Tahun Sebelumnya",
        sumber=sumber.realisasi_tren,
    )
    gambar_tren = nomor.gambar(3, "Target dan Realisasi Indikator selama Periode Renstra")
    tingkat = _tingkat_pembanding(umum)
    pembanding = _tabel_bila(
        tingkat,
        nomor,
        3,
        "Perbandingan Realisasi Kinerja dengan Realisasi Nasional, Provinsi dan Kabupaten",
        f"{sumber.realisasi_kinerja}; realisasi {kalimat.daftar_kata(tingkat)} Tahun {tahun}",
    )
    pendukung = _tabel_bila(
        tuple(s for s in umum.sasaran if s.pendukung),
        nomor,
        3,
        "Program, Kegiatan dan Sub Kegiatan Pendukung Sasaran",
        sumber.pendukung,
    )
    dokumentasi = _dokumentasi(dok, nomor)
    efisiensi = nomor.tabel(3, "Efisiensi Penggunaan Sumber Daya", sumber="")
    rekap = nomor.tabel(
        3,
        f"Rekapitulasi Predikat Capaian Kinerja Tahun {tahun}",
        sumber=f"{pengukuran.label} {pengukuran.judul}",
    )
    realisasi_anggaran = nomor.tabel(
        3, f"Realisasi Anggaran {nama} Tahun {tahun}", sumber=sumber.realisasi_anggaran
    )
    efisiensi = nomor.ganti_sumber(
        efisiensi,
        f"capaian kinerja pada {pengukuran.label} dan serapan anggaran pada {realisasi_anggaran.label}",
    )
    belanja = ringkasan_belanja(dok.anggaran, tahun, nomor, sumber=sumber.realisasi_anggaran)
    serapan = nomor.gambar(3, f"Serapan Anggaran per Program Tahun {tahun}")
    inovasi = _inovasi_penghargaan(dok.profil, umum, nomor)
    baris = dok.capaian.indikator
    return Bab3(
        **_bab(umum),
        narasi=umum.narasi,
        capaian=dok.capaian,
        baris=baris,
        pengukuran=tuple((b, _satuan(b, umum)) for b in baris),
        sasaran=umum.sasaran,
        tahun_tren=umum.tahun_tren,
        lebar_tahun_tren=bagi_lebar(LEBAR_TAHUN_TREN, len(umum.tahun_tren)),
        hitungan=umum.hitungan,
        belum=sum(1 for b in baris if b.predikat is None),
        anggaran=dok.anggaran,
        kalimat=umum.kalimat,
        tabel_skala=skala,
        tabel_pengukuran=pengukuran,
        gambar_capaian=capaian,
        grafik_capaian=_grafik_capaian(baris, capaian),
        tabel_tren=tren,
        gambar_tren=gambar_tren,
        grafik_tren=_grafik_tren(umum, gambar_tren, konversi),
        tabel_pembanding=pembanding,
        tabel_pendukung=pendukung,
        tanpa_pendukung=tuple(s for s in umum.sasaran if not s.pendukung),
        tabel_efisiensi=efisiensi,
        tabel_rekap=rekap,
        tabel_realisasi_anggaran=realisasi_anggaran,
        gambar_serapan=serapan,
        grafik_serapan=_grafik_serapan(dok.anggaran.program, serapan),
        belanja=belanja,
        inovasi=inovasi,
        dokumentasi=dokumentasi,
    )


# --- BAB IV, annexes ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Bab4(Bab):
    narasi: Mapping[str, tuple[str, ...]]
    kalimat: KalimatUmum
    sasaran: tuple[AnalisisSasaran, ...]
    permasalahan: tuple[tuple[AnalisisSasaran, str], ...]
    rekomendasi: tuple[tuple[AnalisisSasaran, str], ...]
    ttd: TandaTangan


def bab_4_penutup(dok: d.DokumenLkip, umum: Umum) -> Bab4:
    return Bab4(
        **_bab(umum),
        narasi=umum.narasi,
        kalimat=umum.kalimat,
        sasaran=umum.sasaran,
        permasalahan=tuple((s, i.hambatan) for s in umum.sasaran for i in s.indikator if i.hambatan),
        rekomendasi=tuple((s, i.tindak_lanjut) for s in umum.sasaran for i in s.indikator if i.tindak_lanjut),
        ttd=umum.ttd,
    )


# Percent of the table width the year columns share; the other columns are in the templates.
LEBAR_TAHUN_RENSTRA = 42
LEBAR_TAHUN_SEMPIT = 6
"""Percent of a year column holding only short targets: its bold heading ("2016") fits at 9 pt."""
PANJANG_TARGET_PENDEK = 4
LEBAR_TAHUN_TREN = 36
LEBAR_TAHUN_LAMPIRAN = 26


def isi_laporan(*, kecamatan: Kecamatan, tahun: int, disetujui: str = "") -> dict[str, Any]:
    """The template context of ``laporan/lkip.html``: one typed value per chapter, and the
    approval line of a frozen report (empty: the report is a draft)."""
    # The annexes build on this module's shared parts, so they are imported here, not above.
    from lkip.laporan.lampiran import kop_lampiran, kop_laporan, lampiran

    dok = dokumen_lkip(kecamatan=kecamatan, tahun=tahun)
    konversi = KonversiHuruf.sebagai_peta()
    umum = _umum(dok, kecamatan, konversi)
    nomor = Penomor()
    bab1 = bab_1_pendahuluan(dok, umum, nomor)
    bab2 = bab_2_perencanaan(dok, umum, nomor)
    bab3 = bab_3_akuntabilitas(dok, umum, nomor, konversi)
    lamp = lampiran(dok, umum, kop_lampiran(dok, kop_laporan()))
    return {
        **_bab(umum),
        "sampul": sampul(dok, umum),
        "pengantar": kata_pengantar(dok, umum),
        "daftar": replace(daftar(dok, nomor), ada_rencana_aksi=lamp.aksi is not None),
        "ikhtisar": ikhtisar(dok, umum),
        "bab1": bab1,
        "bab2": bab2,
        "bab3": bab3,
        "bab4": bab_4_penutup(dok, umum),
        "lampiran": lamp,
        "disetujui": disetujui,
        "pratinjau_web": None,
    }


__all__ = ["Nomor", "Penomor", "isi_laporan", "isi_tempat"]
