"""Where each table's numbers come from: the sentence printed as «Sumber:» under every table.

A table's source is the document or record its numbers are read from: the Renstra (with its
decree), the Perjanjian Kinerja of its date, the RKT, the IKU decree, the scale's regulation,
the realisation the kecamatan entered, and the profile's and budget's own documents. The
kecamatan names the latter on its profile page (``ProfilKecamatan.SUMBER``); while a field is
empty the sentence is derived here, the way the seeds word it ("Dokumen Pelaksanaan Anggaran
Kecamatan Kalisat Tahun 2024").
"""

from dataclasses import dataclass

from lkip.laporan import dokumen as d
from umum.angka import format_tanggal


def bawaan(nama: str, tahun: int) -> d.SumberTabel:
    """The sentence each profile source prints while the kecamatan has not named its own."""
    return d.SumberTabel(
        pegawai=f"Data Kepegawaian {nama} Tahun {tahun}",
        sarana=f"Data Sarana dan Prasarana {nama} Tahun {tahun}",
        wilayah=f"Data Profil Wilayah {nama} Tahun {tahun}",
        pagu_anggaran=f"Dokumen Pelaksanaan Anggaran (DPA) {nama} Tahun {tahun}",
        realisasi_anggaran=f"Laporan Realisasi Anggaran {nama} Tahun {tahun}",
        realisasi_kinerja=f"Data Realisasi Kinerja {nama} Tahun {tahun}",
    )


def bawaan_profil(nama: str, tahun: int) -> dict[str, str]:
    """``bawaan`` keyed by the profile's field names (``sumber_pegawai``…), for its form."""
    b = bawaan(nama, tahun)
    return {f"sumber_{k}": v for k, v in vars(b).items()}


def sumber_inovasi(nama: str, tahun: int, inovasi: tuple[d.Inovasi, ...]) -> str:
    """The kecamatan's own list, and the decrees that establish the innovations where named."""
    teks = f"Data Inovasi {nama} Tahun {tahun}"
    if any(i.dasar_penetapan for i in inovasi):
        teks += "; dasar penetapan sebagaimana tercantum pada tabel"
    return teks


def _tanggal(tanggal) -> str:
    return f" tanggal {format_tanggal(tanggal)}" if tanggal else ""


@dataclass(frozen=True)
class SumberLaporan:
    """Every source a table of the report names, computed once from the document."""

    pegawai: str
    sarana: str
    wilayah: str
    pagu_anggaran: str
    realisasi_anggaran: str
    realisasi_kinerja: str
    realisasi_tren: str
    """Realisasi over the Renstra's years up to this one."""
    renstra: str
    renstra_singkat: str
    """The Renstra without its decree, where the line names several documents."""
    iku: str
    rkt: str
    rencana_aksi: str
    skala: str
    perjanjian: tuple[str, ...]
    """One per version of the year's PK, in the document's order."""

    @property
    def perjanjian_berlaku(self) -> str:
        return self.perjanjian[-1] if self.perjanjian else ""

    @property
    def pengukuran(self) -> str:
        """Targets from the PK, realisasi as entered, the end-of-period targets from the Renstra."""
        return "; ".join(
            s for s in (self.perjanjian_berlaku, self.realisasi_kinerja, self.renstra_singkat) if s
        )

    @property
    def pendukung(self) -> str:
        return f"{self.pagu_anggaran}; {self.realisasi_anggaran}"


def _renstra(nama: str, renstra: d.Renstra | None, *, keputusan: bool = True) -> str:
    if renstra is None:
        return ""
    jenis = " Perubahan" if renstra.jenis == "perubahan" else ""
    teks = f"Rencana Strategis{jenis} {nama} Tahun {renstra.tahun_awal}–{renstra.tahun_akhir}"
    if keputusan and renstra.nomor_keputusan:
        teks += f" ({renstra.nomor_keputusan}{_tanggal(renstra.tanggal_keputusan)})"
    return teks


def _iku(dok: d.DokumenLkip, renstra: str) -> str:
    iku = dok.penetapan_iku
    if iku is None:
        return renstra
    teks = f"Keputusan Camat {dok.kecamatan.nama} Nomor {iku.nomor}{_tanggal(iku.tanggal)}"
    return f"{teks} tentang {iku.tentang}" if iku.tentang else teks


def _perjanjian(nama: str, tahun: int, p: d.Perjanjian) -> str:
    jenis = " Perubahan" if p.jenis == "perubahan" else ""
    return f"Dokumen Perjanjian Kinerja{jenis} {nama} Tahun {tahun}{_tanggal(p.tanggal)}"


def sumber_laporan(dok: d.DokumenLkip) -> SumberLaporan:
    nama, tahun = f"Kecamatan {dok.kecamatan.nama}", dok.tahun
    sendiri = dok.profil.sumber_tabel if dok.profil else d.SumberTabel()
    asal = bawaan(nama, tahun)
    pilih = {k: getattr(sendiri, k) or getattr(asal, k) for k in vars(asal)}
    renstra = _renstra(nama, dok.renstra)
    awal = dok.renstra.tahun_awal if dok.renstra else tahun
    tren = sendiri.realisasi_kinerja or (
        f"Data Realisasi Kinerja {nama} Tahun {awal}–{tahun}" if awal < tahun else asal.realisasi_kinerja
    )
    skala = dok.capaian.skala_detail if dok.capaian.tersedia else None
    rkt = f"Rencana Kinerja Tahunan {nama} Tahun {tahun}{_tanggal(dok.rkt.tanggal if dok.rkt else None)}"
    return SumberLaporan(
        **pilih,
        realisasi_tren=tren,
        renstra=renstra,
        renstra_singkat=_renstra(nama, dok.renstra, keputusan=False),
        iku=_iku(dok, renstra),
        rkt=rkt,
        rencana_aksi=f"Rencana Aksi Kinerja {nama} Tahun {tahun}",
        skala=(skala.sumber or f"Skala {skala.nama}") if skala else "",
        perjanjian=tuple(_perjanjian(nama, tahun, p) for p in dok.perjanjian_kinerja),
    )
