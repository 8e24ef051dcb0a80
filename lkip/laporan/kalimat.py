"""Sentences that state numbers, generated from the data so that no number in the report
is typed by hand. Each function takes already-computed values and returns Indonesian text."""

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from capaian import scoring
from umum.angka import (
    AngkaTidakValid,
    format_angka,
    format_nilai,
    format_persen,
    format_rupiah,
    parse_angka,
    teks_polos,
)

_SATUAN = (
    "",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
    "sepuluh",
    "sebelas",
)


def terbilang(n: int) -> str:
    """Small counts in words, as the seeds write them: 3 → ``tiga``, 12 → ``dua belas``."""
    if n < 12:
        return _SATUAN[n] or "nol"
    if n < 20:
        return f"{_SATUAN[n - 10]} belas"
    if n < 100:
        puluh, sisa = divmod(n, 10)
        kata = "sepuluh" if puluh == 1 else f"{_SATUAN[puluh]} puluh"
        return f"{kata} {_SATUAN[sisa]}".strip()
    return str(n)


def daftar_kata(kata: Sequence[str]) -> str:
    """``a``, ``a dan b``, ``a, b dan c``."""
    if len(kata) < 2:
        return "".join(kata)
    return ", ".join(kata[:-1]) + " dan " + kata[-1]


def jumlah(n: int, benda: str) -> str:
    """``6 (enam) indikator``."""
    return f"{n} ({terbilang(n)}) {benda}"


def nilai_dengan_satuan(teks: str | None, satuan: str, jenis_nilai: str) -> str:
    if teks is None or teks == "":
        return "–"
    tampil = format_nilai(teks)
    if jenis_nilai == "huruf":
        return tampil
    if jenis_nilai == "persen" or satuan.strip() == "%":
        return f"{tampil}%"
    if satuan.strip().lower() in {"", "indeks", "nilai", "angka", "poin", "skor"}:
        return tampil
    return f"{tampil} {satuan.strip()}"


def kalimat_capaian(ind: dict, nama_tahun: int) -> str:
    target = nilai_dengan_satuan(ind["target"], ind["satuan"], ind["jenis_nilai"])
    if ind["capaian"] is None:
        alasan = ind["alasan"] or "data belum lengkap"
        return f"Capaian indikator {ind['indikator']} tahun {nama_tahun} belum dapat dihitung ({alasan.rstrip('.')}); target yang ditetapkan {target}."
    realisasi = nilai_dengan_satuan(ind["realisasi"], ind["satuan"], ind["jenis_nilai"])
    kalimat = (
        f"Indikator {ind['indikator']} dengan target {target} terealisasi {realisasi}, "
        f"sehingga capaian kinerjanya {format_persen(Decimal(ind['capaian']))}"
    )
    if ind["capaian_akhir"] != ind["capaian"]:
        kalimat += f" (diperhitungkan {format_persen(Decimal(ind['capaian_akhir']))} sesuai batas skala)"
    return f"{kalimat} dengan predikat {ind['predikat']}."


def _arah(arah: scoring.Arah, polaritas: str) -> str:
    kata = {scoring.Arah.NAIK: "meningkat", scoring.Arah.TURUN: "menurun"}[arah]
    if polaritas == "negatif":
        kata += " (pada indikator ini nilai yang lebih rendah lebih baik)"
    return kata


def _tren_huruf(tren: scoring.Tren, ind: dict, tahun_lalu: int, tahun: int) -> str:
    """Letters with letters: a year that printed only a number is read as the letter it falls in."""
    lalu = format_nilai(tren.lalu.teks)
    if not tren.lalu.huruf:
        lalu += f", setara {tren.huruf_lalu}"
    if tren.arah == scoring.Arah.TETAP:
        return (
            f"Dibandingkan tahun {tahun_lalu} ({lalu}), nilai huruf tahun {tahun} "
            f"({tren.huruf_sekarang}) tidak berubah."
        )
    return (
        f"Dibandingkan tahun {tahun_lalu} ({lalu}), nilai huruf tahun {tahun} "
        f"{_arah(tren.arah, ind['polaritas'])} menjadi {tren.huruf_sekarang}."
    )


def _tren_angka(tren: scoring.Tren, ind: dict, tahun_lalu: int, tahun: int) -> str:
    lalu = format_nilai(tren.lalu.teks)
    if tren.arah == scoring.Arah.TETAP:
        return f"Dibandingkan tahun {tahun_lalu} ({lalu}), realisasi tahun {tahun} tidak berubah."
    besar = format_angka(abs(tren.selisih))
    if ind["jenis_nilai"] == "persen" or ind["satuan"].strip() == "%":
        besar += " poin persen"
    return (
        f"Dibandingkan tahun {tahun_lalu} ({lalu}), realisasi tahun {tahun} "
        f"{_arah(tren.arah, ind['polaritas'])} sebesar {besar}."
    )


KALIMAT_TREN = {scoring.CaraBanding.HURUF: _tren_huruf, scoring.CaraBanding.ANGKA: _tren_angka}


def kalimat_tren(
    ind: dict,
    sebelumnya: tuple[int, scoring.Nilai] | None,
    sekarang: scoring.Nilai | None,
    tahun: int,
    konversi: Mapping[str, Decimal] = scoring.KONVERSI_HURUF_BAWAAN,
) -> str:
    """This year's realisasi against the latest earlier year, compared like with like by the
    scoring service: numbers with numbers, a year with only a letter by its letter."""
    if sekarang is None:
        return ""
    if sebelumnya is None:
        return "Realisasi tahun-tahun sebelumnya tidak tersedia sebagai pembanding."
    tahun_lalu, nilai_lalu = sebelumnya
    tren = scoring.banding_tren(nilai_lalu, sekarang, konversi)
    if tren is None:
        return (
            f"Realisasi tahun {tahun} tidak dapat dibandingkan dengan tahun {tahun_lalu} "
            f"({format_nilai(nilai_lalu.teks)}) karena nilai hurufnya tidak ada dalam tabel konversi."
        )
    return KALIMAT_TREN[tren.cara](tren, ind, tahun_lalu, tahun)


def kalimat_target_akhir(ind: dict, tahun_akhir: int) -> str:
    if ind["target_akhir_renstra"] is None:
        return "Target akhir periode Renstra untuk indikator ini tidak tersedia."
    akhir = nilai_dengan_satuan(ind["target_akhir_renstra"], ind["satuan"], ind["jenis_nilai"])
    if ind["capaian_terhadap_target_akhir"] is None:
        return f"Target akhir periode Renstra ({tahun_akhir}) sebesar {akhir}."
    persen = Decimal(ind["capaian_terhadap_target_akhir"])
    keadaan = "telah tercapai" if persen >= 100 else "belum tercapai"
    return (
        f"Terhadap target akhir periode Renstra ({tahun_akhir}) sebesar {akhir}, realisasi ini mencapai "
        f"{format_persen(persen)}, sehingga target akhir {keadaan}."
    )


TINGKAT_PEMBANDING = ("nasional", "provinsi", "kabupaten")


def baca_pembanding(teks: str | None) -> Decimal | None:
    """A comparison value as typed on the realisasi page (``86,34``, ``86.34``, ``85%``), read with
    the forms' number parser; ``None`` when it is empty or cannot be read (the consistency check
    reports the latter)."""
    if teks is None or not teks.strip():
        return None
    try:
        return parse_angka(teks)
    except AngkaTidakValid:
        return None


def nama_tingkat(tingkat: str, kabupaten: str) -> str:
    return {"nasional": "nasional", "provinsi": "Provinsi Jawa Timur", "kabupaten": kabupaten}[tingkat]


def _posisi(sendiri: Decimal, lain: Decimal, polaritas: str, kecamatan: str, nama: str) -> tuple[str, str]:
    """Where the kecamatan stands, and on a negative indicator the clause saying which side is
    the better one (above a value there is below it in performance)."""
    if sendiri == lain:
        return "sama dengan", ""
    letak = "berada di atas" if sendiri > lain else "berada di bawah"
    if polaritas != "negatif":
        return letak, ""
    makna = "lebih baik daripada" if sendiri < lain else "belum sebaik"
    return (
        letak,
        f"; karena pada indikator ini nilai yang lebih rendah lebih baik, kinerja {kecamatan} {makna} {nama}",
    )


def kalimat_posisi_pembanding(
    *,
    indikator: str,
    kecamatan: str,
    kabupaten: str,
    realisasi: Decimal | None,
    polaritas: str,
    satuan: str,
    jenis_nilai: str,
    pembanding: Mapping[str, str | None],
) -> str:
    """Where the kecamatan's realisasi stands against each comparison value entered
    (``pembanding``: ``nasional``/``provinsi``/``kabupaten`` → the value as typed).

    One sentence per level with a readable value; a missing or unreadable value (or a realisasi
    without a number) gives no sentence. On a negative indicator a lower value is the better
    one, and the sentence says so.
    """
    if realisasi is None:
        return ""
    sendiri = nilai_dengan_satuan(teks_polos(realisasi), satuan, jenis_nilai)
    kalimat = []
    for tingkat in TINGKAT_PEMBANDING:
        nilai = baca_pembanding(pembanding.get(tingkat))
        if nilai is None:
            continue
        nama = nama_tingkat(tingkat, kabupaten)
        lain = nilai_dengan_satuan(teks_polos(nilai), satuan, jenis_nilai)
        letak, makna = _posisi(realisasi, nilai, polaritas, kecamatan, nama)
        kalimat.append(
            f"Realisasi {indikator} {kecamatan} sebesar {sendiri} {letak} nilai {nama} ({lain}){makna}."
        )
    return " ".join(kalimat)


def kalimat_pembanding(ind: dict, pembanding: dict) -> str:
    """The comparison with national, provincial and kabupaten values: where the kecamatan
    stands against each readable value, or a sentence that none is available."""
    if not any(v and v.strip() for v in pembanding.values()):
        return (
            "Tidak tersedia data realisasi nasional, provinsi maupun kabupaten untuk indikator yang sama, "
            "sehingga perbandingan tidak dapat dilakukan."
        )
    realisasi = ind.get("realisasi_angka")
    return kalimat_posisi_pembanding(
        indikator=ind["indikator"],
        kecamatan=ind["kecamatan"],
        kabupaten=ind["kabupaten"],
        realisasi=realisasi,
        polaritas=ind["polaritas"],
        satuan=ind["satuan"],
        jenis_nilai=ind["jenis_nilai"],
        pembanding=pembanding,
    )


def kalimat_efisiensi(baris: dict) -> str:
    if baris["putusan"] is None:
        if baris["serapan"] is None:
            return "Tidak ada anggaran yang dialokasikan untuk mendukung sasaran ini, sehingga efisiensi tidak dapat dinilai."
        return "Capaian sasaran belum dapat dihitung, sehingga efisiensi tidak dapat dinilai."
    capaian, serapan = format_persen(Decimal(baris["capaian"])), format_persen(Decimal(baris["serapan"]))
    banding = "tidak lebih rendah dari" if baris["putusan"] == "Efisien" else "lebih rendah dari"
    return (
        f"Capaian sasaran {capaian} {banding} serapan anggaran pendukungnya {serapan}, "
        f"sehingga penggunaan sumber daya tergolong {baris['putusan']}."
    )


def kalimat_anggaran(kecamatan: str, tahun: int, program: int, kegiatan: int, sub: int, total: dict) -> str:
    if sub == 0:
        return f"Anggaran {kecamatan} tahun {tahun} tidak memuat program, kegiatan dan sub kegiatan."
    kalimat = (
        f"Pada tahun {tahun} {kecamatan} melaksanakan {jumlah(program, 'program')}, {jumlah(kegiatan, 'kegiatan')} "
        f"dan {jumlah(sub, 'sub kegiatan')}"
    )
    if total["pagu"] is None:
        return kalimat + "; pagu anggarannya belum lengkap tercatat."
    kalimat += f" dengan total pagu anggaran {format_rupiah(Decimal(total['pagu']))}"
    if total["realisasi"] is None:
        return kalimat + "; realisasi anggaran belum dilaporkan lengkap."
    return (
        kalimat
        + f", terealisasi {format_rupiah(Decimal(total['realisasi']))} atau {format_persen(Decimal(total['serapan']))}."
    )


def kalimat_rata_rata(capaian_sasaran: Sequence[str | None], rata: dict) -> str:
    """The overall capaian is the mean over sasaran (each the mean of its indicators), so the
    sentence counts sasaran, and says so when some could not be scored yet."""
    if rata["capaian"] is None:
        return "Capaian rata-rata belum dapat dihitung karena realisasi belum lengkap."
    dihitung = sum(1 for c in capaian_sasaran if c is not None)
    sasaran = jumlah(dihitung, "sasaran strategis")
    if dihitung < len(capaian_sasaran):
        sasaran = f"{jumlah(dihitung, 'sasaran strategis')} (dari {len(capaian_sasaran)} sasaran) yang dapat dihitung"
    return (
        f"Capaian kinerja keseluruhan, yaitu rata-rata capaian {sasaran}, adalah "
        f"{format_persen(Decimal(rata['capaian']))} dengan predikat {rata['predikat']}; capaian setiap "
        "sasaran adalah rata-rata capaian indikatornya."
    )


def kalimat_sasaran(
    capaian: str | None, predikat: str | None, capaian_indikator: Sequence[str | None]
) -> str:
    """A sasaran's capaian is the mean of its indicators' capaian after the cap."""
    if capaian is None:
        return "Capaian sasaran ini belum dapat dihitung karena realisasi indikatornya belum lengkap."
    dihitung = sum(1 for c in capaian_indikator if c is not None)
    indikator = jumlah(dihitung, "indikator")
    if dihitung < len(capaian_indikator):
        indikator += f" (dari {len(capaian_indikator)} indikator) yang dapat dihitung"
    return (
        f"Sasaran ini memperoleh capaian {format_persen(Decimal(capaian))} dengan predikat {predikat}, "
        f"yaitu rata-rata capaian {indikator}."
    )


def kalimat_rekap_predikat(hitungan: list[tuple[str, int]], n_indikator: int) -> str:
    bagian = [f"{jumlah(n, 'indikator')} berpredikat {p}" for p, n in hitungan if n]
    if not bagian:
        return "Belum ada indikator yang dapat diberi predikat."
    daftar = bagian[0] if len(bagian) == 1 else ", ".join(bagian[:-1]) + " dan " + bagian[-1]
    return f"Dari {jumlah(n_indikator, 'indikator')} yang diperjanjikan, {daftar}."


def kalimat_sdm(kebutuhan: int | None, bezetting: int | None) -> str:
    if kebutuhan is None and bezetting is None:
        return ""
    bagian = []
    if kebutuhan is not None:
        bagian.append(
            f"kebutuhan pegawai berdasarkan analisis jabatan sebanyak {format_angka(Decimal(kebutuhan), 0)} orang"
        )
    if bezetting is not None:
        bagian.append(f"pegawai yang ada (bezetting) sebanyak {format_angka(Decimal(bezetting), 0)} orang")
    kalimat = "Berdasarkan tabel berikut, " + ", sedangkan ".join(bagian)
    if kebutuhan is not None and bezetting is not None and bezetting < kebutuhan:
        kalimat += (
            f", sehingga masih terdapat kekurangan {format_angka(Decimal(kebutuhan - bezetting), 0)} orang"
        )
    return kalimat + "."


def kalimat_wilayah(kecamatan: str, luas: str | None, penduduk: int | None, desa: int, kelurahan: int) -> str:
    bagian = []
    if luas:
        bagian.append(f"luas wilayah {kecamatan} ± {format_angka(Decimal(luas))} km²")
    if penduduk is not None:
        bagian.append(f"jumlah penduduk {format_angka(Decimal(penduduk), 0)} jiwa")
    wilayah = []
    if desa:
        wilayah.append(jumlah(desa, "desa"))
    if kelurahan:
        wilayah.append(jumlah(kelurahan, "kelurahan"))
    if wilayah:
        bagian.append("secara administratif membawahi " + " dan ".join(wilayah))
    if not bagian:
        return ""
    kalimat = ", ".join(bagian)
    return kalimat[0].upper() + kalimat[1:] + "."


# --- Jenis belanja, the previous year's budget ------------------------------------------------


def _realisasi_jenis(realisasi: Decimal | None, serapan: Decimal | None) -> str:
    if realisasi is None or serapan is None:
        return "realisasinya belum lengkap tercatat"
    return f"terealisasi {format_rupiah(realisasi)} ({format_persen(serapan)})"


def kalimat_jenis_belanja(tahun: int, per_jenis: Sequence) -> str:
    """``per_jenis``: the document's ``JumlahJenis`` rows (operasi, modal, not classified)."""
    if not per_jenis:
        return ""
    bagian = [
        f"{j.nama} sebesar {format_rupiah(j.pagu)} ({format_persen(j.porsi)} dari pagu), "
        f"{_realisasi_jenis(j.realisasi, j.serapan)}"
        for j in per_jenis
        if j.jenis is not None
    ]
    kalimat = f"Menurut jenis belanjanya, anggaran tahun {tahun} terdiri atas " + ", serta ".join(bagian)
    lain = next((j for j in per_jenis if j.jenis is None), None)
    if lain is not None:
        kalimat += f"; sedangkan {format_rupiah(lain.pagu)} belum dikelompokkan menurut jenis belanja"
    return kalimat + "."


def kalimat_anggaran_tahun_lalu(tahun: int, total: Any, lalu: Any) -> str:
    """The year's serapan against the previous year's (``lalu``: the document's ``JumlahTahun``);
    empty when the previous year's budget is not in the system."""
    if lalu is None:
        return ""
    awal = f"Pada tahun {lalu.tahun} pagu anggaran sebesar {format_rupiah(lalu.pagu)}"
    if lalu.serapan is None:
        return (
            awal
            + "; realisasinya belum lengkap tercatat, sehingga serapan kedua tahun tidak dapat dibandingkan."
        )
    awal += f" terealisasi {format_rupiah(lalu.realisasi)} ({format_persen(lalu.serapan)})"
    if total.serapan is None:
        return (
            awal
            + f"; realisasi tahun {tahun} belum lengkap, sehingga serapan kedua tahun belum dapat dibandingkan."
        )
    selisih = total.serapan - lalu.serapan
    if selisih == 0:
        arah = "sama dengan tahun sebelumnya"
    else:
        arah = f"{'naik' if selisih > 0 else 'turun'} {format_angka(abs(selisih), 2)} poin persen"
    return (
        awal
        + f". Dibandingkan tahun tersebut, serapan anggaran tahun {tahun} ({format_persen(total.serapan)}) {arah}."
    )
