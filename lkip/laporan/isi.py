"""Everything the LKIP template shows, built from ``dokumen_lkip`` — the same document as
``manage.py lkip_json`` — so the report and the JSON can never disagree.

Numbering of tables and figures, groupings, generated sentences and charts are prepared
here; templates only format. Constant number of queries (the document's, plus two).
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.safestring import mark_safe

from capaian import scoring
from capaian.models import KonversiHuruf
from kecamatan.models import Kecamatan
from lkip.laporan import grafik, kalimat
from lkip.laporan.models import BagianNarasi, NarasiLaporan
from lkip.laporan.narasi_bawaan import NARASI_BAWAAN
from lkip.laporan.selectors import dokumen_lkip
from umum.angka import persentase


@dataclass(frozen=True)
class Nomor:
    """A numbered caption: ``Tabel 3.2 Pengukuran Realisasi Kinerja Tahun 2024``."""

    jenis: str
    nomor: str
    judul: str

    @property
    def id(self) -> str:
        return f"{self.jenis.lower()}-{self.nomor.replace('.', '-')}"

    @property
    def label(self) -> str:
        return f"{self.jenis} {self.nomor}"


@dataclass
class Penomor:
    """Numbers captions per chapter in the order they are declared."""

    jenis: str
    daftar: list[Nomor] = field(default_factory=list)
    _kunci: dict[str, Nomor] = field(default_factory=dict)

    def tambah(self, kunci: str, bab: int, judul: str) -> Nomor:
        urut = sum(1 for n in self.daftar if n.nomor.split(".")[0] == str(bab)) + 1
        nomor = Nomor(self.jenis, f"{bab}.{urut}", judul)
        self.daftar.append(nomor)
        self._kunci[kunci] = nomor
        return nomor

    def __getitem__(self, kunci: str) -> Nomor:
        return self._kunci[kunci]


TEMPAT_ISIAN = ("kecamatan", "kabupaten", "tahun", "tahun_berikut")
_TEMPAT = re.compile(r"\{(" + "|".join(TEMPAT_ISIAN) + r")\}")


def isi_tempat(teks: str, isian: dict[str, Any]) -> str:
    """Fill the documented placeholders (``{kecamatan}``, ``{tahun}``…) and nothing else.

    The prose is the user's text, not a format string: any other brace, field or format spec
    prints as typed, so a stray ``{`` cannot break the report and no attribute can be read.
    """
    return _TEMPAT.sub(lambda m: str(isian[m.group(1)]), teks)


def _paragraf(teks: str, isian: dict[str, Any]) -> list[str]:
    teks = isi_tempat(teks, isian)
    return [p.strip() for p in teks.split("\n\n") if p.strip()]


def _narasi(kecamatan: Kecamatan, tahun: int, isian: dict[str, Any]) -> dict[str, list[str]]:
    sendiri = dict(
        NarasiLaporan.objects.filter(kecamatan=kecamatan, tahun=tahun).values_list("bagian", "teks")
    )
    return {b.value: _paragraf(sendiri.get(b.value, NARASI_BAWAAN[b]), isian) for b in BagianNarasi}


def _angka(teks: str | None, konversi: dict[str, Decimal]) -> Decimal | None:
    nilai = scoring.nilai_teks_opsional(teks)
    return None if nilai is None else scoring.angka_dari(nilai, konversi)


def _d(teks: str | None) -> Decimal | None:
    return None if teks is None else Decimal(teks)


def _semua_sub(program: list[dict]) -> list[dict]:
    return [s for p in program for k in p["kegiatan"] for s in k["sub_kegiatan"]]


def _pohon_untuk_sasaran(program: list[dict], kode: str) -> list[dict]:
    """The part of the budget tree whose sub kegiatan support sasaran ``kode``."""
    hasil = []
    for p in program:
        kegiatan = []
        for k in p["kegiatan"]:
            sub = [s for s in k["sub_kegiatan"] if s["sasaran"] == kode]
            if sub:
                kegiatan.append({**k, "sub_kegiatan": sub})
        if kegiatan:
            hasil.append({**p, "kegiatan": kegiatan})
    return hasil


def _baris_renstra(renstra: dict) -> list[dict]:
    """The Renstra matrix as table rows, with the rowspans of tujuan and sasaran cells."""
    baris = []
    for t in renstra["tujuan"]:
        indikator_tujuan = "; ".join(i["uraian"] for i in t["indikator"]) or "–"
        jumlah_t = sum(max(len(s["indikator"]), 1) for s in t["sasaran"]) or 1
        pertama_t = True
        if not t["sasaran"]:
            baris.append(
                {
                    "tujuan": t,
                    "indikator_tujuan": indikator_tujuan,
                    "rowspan_tujuan": 1,
                    "sasaran": None,
                    "indikator": None,
                }
            )
        for s in t["sasaran"]:
            daftar = s["indikator"] or [None]
            for j, ind in enumerate(daftar):
                baris.append(
                    {
                        "tujuan": t if pertama_t else None,
                        "indikator_tujuan": indikator_tujuan,
                        "rowspan_tujuan": jumlah_t,
                        "sasaran": s if j == 0 else None,
                        "rowspan_sasaran": len(daftar),
                        "indikator": ind,
                        "target": [
                            None if ind is None else ind["target"].get(str(th))
                            for th in range(renstra["tahun_awal"], renstra["tahun_akhir"] + 1)
                        ],
                    }
                )
                pertama_t = False
    return baris


def isi_laporan(*, kecamatan: Kecamatan, tahun: int) -> dict[str, Any]:
    dok = dokumen_lkip(kecamatan=kecamatan, tahun=tahun)
    konversi = KonversiHuruf.sebagai_peta()
    nama = f"Kecamatan {dok['kecamatan']['nama']}"
    kabupaten = f"Kabupaten {dok['kecamatan']['kabupaten']}"
    narasi = _narasi(
        kecamatan,
        tahun,
        {"kecamatan": nama, "kabupaten": kabupaten, "tahun": tahun, "tahun_berikut": tahun + 1},
    )
    profil = dok["profil"] or {
        "luas_km2": None, "jumlah_penduduk": None, "desa": [], "pegawai": [], "sarana": [], "organisasi": [],
        "pejabat": [], "isu_strategis": [], "tempat_laporan": "Jember", "tanggal_laporan": None,
    }  # fmt: skip
    renstra = dok["renstra"]
    capaian = dok["capaian"]
    anggaran = dok["anggaran"]
    perjanjian = dok["perjanjian_kinerja"][-1] if dok["perjanjian_kinerja"] else None

    tabel, gambar = Penomor("Tabel"), Penomor("Gambar")
    tabel.tambah("pegawai", 1, f"Komposisi Pegawai {nama} Tahun {tahun}")
    tabel.tambah("sarana", 1, f"Sarana dan Prasarana {nama}")
    tabel.tambah("anggaran", 1, f"Anggaran {nama} Tahun {tahun}")
    tabel.tambah("desa", 1, f"Desa dan Kelurahan di {nama}")
    gambar.tambah("organisasi", 1, f"Struktur Organisasi {nama}")
    if renstra:
        tabel.tambah(
            "renstra",
            2,
            f"Matriks Tujuan dan Sasaran Rencana Strategis {nama} Tahun {renstra['tahun_awal']}–{renstra['tahun_akhir']}",
        )
    tabel.tambah("iku", 2, "Indikator Kinerja Utama (IKU)")
    tabel.tambah("pk", 2, f"Perjanjian Kinerja {nama} Tahun {tahun}")
    tabel.tambah("pk_anggaran", 2, f"Program dan Anggaran dalam Perjanjian Kinerja Tahun {tahun}")
    tabel.tambah("alokasi", 2, f"Alokasi Anggaran per Sasaran Tahun {tahun}")
    tabel.tambah("skala", 3, "Skala Nilai Predikat Kinerja")
    tabel.tambah("pengukuran", 3, f"Pengukuran Realisasi Kinerja Tahun {tahun}")
    gambar.tambah("capaian", 3, f"Capaian Kinerja per Indikator Tahun {tahun}")
    tabel.tambah("tren", 3, f"Perbandingan Realisasi Kinerja Tahun {tahun} dengan Tahun Sebelumnya")
    gambar.tambah("tren", 3, "Target dan Realisasi Indikator selama Periode Renstra")
    tabel.tambah(
        "pembanding", 3, "Perbandingan Realisasi Kinerja dengan Realisasi Nasional, Provinsi dan Kabupaten"
    )
    tabel.tambah("pendukung", 3, "Program, Kegiatan dan Sub Kegiatan Pendukung Sasaran")
    tabel.tambah("efisiensi", 3, "Efisiensi Penggunaan Sumber Daya")
    tabel.tambah("rekap", 3, f"Rekapitulasi Predikat Capaian Kinerja Tahun {tahun}")
    tabel.tambah("realisasi_anggaran", 3, f"Realisasi Anggaran {nama} Tahun {tahun}")
    gambar.tambah("serapan", 3, f"Serapan Anggaran per Program Tahun {tahun}")

    indikator_renstra = {
        i["kode"]: {**i, "sasaran": s}
        for t in (renstra["tujuan"] if renstra else [])
        for s in t["sasaran"]
        for i in s["indikator"]
    }
    tahun_tren = list(range(renstra["tahun_awal"], tahun + 1)) if renstra else [tahun]

    # Per sasaran: its indicators with every sentence the analysis needs.
    baris_capaian = capaian.get("indikator", []) if capaian["tersedia"] else []
    sasaran = []
    for s in capaian.get("sasaran", []) if capaian["tersedia"] else []:
        daftar = []
        for b in baris_capaian:
            if b["sasaran_no"] != s["no"] or (s["no"] is None and b["sasaran"] != s["sasaran"]):
                continue
            ren = indikator_renstra.get(b["indikator_kode"], {})
            realisasi_tahun = ren.get("realisasi", {})
            info = {**b, "jenis_nilai": ren.get("jenis_nilai", "angka"), "formula": ren.get("formula", "")}
            sekarang = _angka(b["realisasi"], konversi)
            sebelumnya = None
            for th in range(tahun - 1, tahun_tren[0] - 1, -1):
                lalu = _angka((realisasi_tahun.get(str(th)) or {}).get("nilai"), konversi)
                if lalu is not None:
                    sebelumnya = (th, lalu)
                    break
            data_tahun = realisasi_tahun.get(str(tahun), {})
            pembanding = data_tahun.get("pembanding", {"nasional": None, "provinsi": None, "kabupaten": None})
            daftar.append(
                {
                    **info,
                    "realisasi_per_tahun": [
                        (realisasi_tahun.get(str(th)) or {}).get("nilai") for th in tahun_tren
                    ],
                    "pembanding": pembanding,
                    "kalimat": [
                        kalimat.kalimat_capaian(info, tahun),
                        kalimat.kalimat_tren(info, sebelumnya, sekarang, tahun),
                        kalimat.kalimat_target_akhir(info, renstra["tahun_akhir"] if renstra else tahun),
                        kalimat.kalimat_pembanding(info, pembanding),
                    ],
                    "faktor_keberhasilan": data_tahun.get("faktor_keberhasilan", ""),
                    "hambatan": data_tahun.get("hambatan", ""),
                    "tindak_lanjut": data_tahun.get("tindak_lanjut", ""),
                }
            )
        pendukung = _pohon_untuk_sasaran(anggaran["program"], s["kode"])
        efisiensi = next((e for e in dok["efisiensi"] if e["sasaran_kode"] == s["kode"]), None)
        sasaran.append(
            {
                **s,
                "indikator": daftar,
                "pendukung": pendukung,
                "efisiensi": efisiensi or {"pagu": None, "realisasi": None, "serapan": None, "putusan": None},
                "kalimat_efisiensi": kalimat.kalimat_efisiensi(efisiensi)
                if efisiensi
                else "Efisiensi tidak dapat dinilai.",
            }
        )

    # Budget per sasaran (BAB II D) and the predikat recap (BAB III E).
    total_pagu = _d(anggaran["total"]["pagu"])
    alokasi = []
    for s in sasaran:
        pagu = _d(s["efisiensi"]["pagu"]) if s["efisiensi"] else None
        alokasi.append({"sasaran": s, "pagu": pagu, "porsi": persentase(pagu, total_pagu)})
    tanpa_sasaran = [x for x in _semua_sub(anggaran["program"]) if x["sasaran"] is None]
    pita = capaian["skala_detail"]["pita"] if capaian["tersedia"] else []
    hitungan = [(p["kode"], sum(1 for b in baris_capaian if b["predikat"] == p["kode"])) for p in pita]
    belum = sum(1 for b in baris_capaian if b["predikat"] is None)

    program = anggaran["program"]
    n_kegiatan = sum(len(p["kegiatan"]) for p in program)
    n_sub = len(_semua_sub(program))
    pegawai = profil["pegawai"]
    jumlah_pegawai = {
        k: (
            sum(p[k] for p in pegawai if p[k] is not None) if any(p[k] is not None for p in pegawai) else None
        )
        for k in ("kebutuhan", "bezetting", "laki_laki", "perempuan")
    }
    desa = [d for d in profil["desa"] if d["jenis"] == "desa"]
    kelurahan = [d for d in profil["desa"] if d["jenis"] == "kelurahan"]
    kepala = next((p for p in profil["pejabat"] if p["kepala"]), None)
    permasalahan = [(s, i["hambatan"]) for s in sasaran for i in s["indikator"] if i["hambatan"]]
    rekomendasi = [(s, i["tindak_lanjut"]) for s in sasaran for i in s["indikator"] if i["tindak_lanjut"]]

    svg = {
        "organisasi": grafik.bagan_organisasi(
            [grafik.Unit(u["kode"], u["nama"], u["induk"]) for u in profil["organisasi"]],
            judul=gambar["organisasi"].judul,
        ),
        "capaian": grafik.grafik_batang(
            [
                grafik.Batang(
                    f"{b['indikator_kode']} {b['indikator']}", _d(b["capaian_akhir"]), b["alasan"] or ""
                )
                for b in baris_capaian
            ],
            judul=gambar["capaian"].judul,
            batas=Decimal("100"),
        ),
        "tren": grafik.grafik_tren(
            [
                grafik.Seri(
                    judul=f"{i['indikator_kode']} {i['indikator']}",
                    tahun=tahun_tren,
                    target=[
                        _angka(
                            indikator_renstra.get(i["indikator_kode"], {}).get("target", {}).get(str(th)),
                            konversi,
                        )
                        for th in tahun_tren
                    ],
                    realisasi=[_angka(v, konversi) for v in i["realisasi_per_tahun"]],
                )
                for s in sasaran
                for i in s["indikator"]
            ],
            judul=gambar["tren"].judul,
        ),
        "serapan": grafik.grafik_batang(
            [
                grafik.Batang(f"{p['kode']} {p['nama']}", _d(p["serapan"]), "realisasi belum lengkap")
                for p in program
            ],
            judul=gambar["serapan"].judul,
            batas=Decimal("100"),
        ),
    }

    ttd = {
        "tempat": profil["tempat_laporan"],
        "tanggal": profil["tanggal_laporan"],
        "jabatan": kepala["jabatan"] if kepala else f"Camat {dok['kecamatan']['nama']}",
        "nama": kepala["nama"] if kepala else "",
        "pangkat": kepala["pangkat"] if kepala else "",
        "nip": kepala["nip"] if kepala else "",
    }
    kalimat_umum = {
        "anggaran": kalimat.kalimat_anggaran(nama, tahun, len(program), n_kegiatan, n_sub, anggaran["total"]),
        "rata_rata": kalimat.kalimat_rata_rata(len(baris_capaian), len(sasaran), capaian["rata_rata"])
        if capaian["tersedia"]
        else capaian["alasan"],
        "rekap": kalimat.kalimat_rekap_predikat(hitungan, len(baris_capaian)),
    }
    grafik_svg = {k: mark_safe(v) for k, v in svg.items()}  # noqa: S308 - every text in it is escaped

    def baris_target(target: list[dict]) -> list[dict]:
        """PK or RKT rows with the indicator each names (a code outside the Renstra shows as is)."""
        return [
            {
                "nilai": t["nilai"],
                "indikator": indikator_renstra.get(
                    t["indikator"],
                    {
                        "uraian": t["indikator"],
                        "satuan": "",
                        "jenis_nilai": "angka",
                        "sasaran": {"nomor": None, "uraian": ""},
                    },
                ),
            }
            for t in target
        ]

    matriks = {
        "tahun_renstra": list(range(renstra["tahun_awal"], renstra["tahun_akhir"] + 1)) if renstra else [],
        "baris_renstra": _baris_renstra(renstra) if renstra else [],
    }
    tujuan = renstra["tujuan"] if renstra else []
    umum = {"nama": nama, "kabupaten": kabupaten, "tahun": tahun}
    return {
        **umum,
        "sampul": {**umum, "terbit": int(ttd["tanggal"][:4]) if ttd["tanggal"] else tahun + 1},
        "pengantar": {**umum, "narasi": narasi["kata_pengantar"], "ttd": ttd},
        "daftar": {
            "tabel": tabel.daftar,
            "gambar": gambar.daftar,
            "perjanjian_semua": dok["perjanjian_kinerja"],
            "ada_renstra": bool(renstra),
        },
        "ikhtisar": {
            **umum,
            "narasi": narasi["ikhtisar"],
            "tujuan": tujuan,
            "sasaran": sasaran,
            "kalimat": kalimat_umum,
            "skala": capaian.get("skala_detail"),
        },
        "bab1": {
            **umum,
            "narasi": narasi,
            "profil": profil,
            "jumlah_pegawai": jumlah_pegawai,
            "desa": desa,
            "kelurahan": kelurahan,
            "program": program,
            "total": anggaran["total"],
            "tabel": tabel,
            "gambar": gambar,
            "grafik": grafik_svg,
            "kalimat": {
                **kalimat_umum,
                "sdm": kalimat.kalimat_sdm(jumlah_pegawai["kebutuhan"], jumlah_pegawai["bezetting"]),
                "wilayah": kalimat.kalimat_wilayah(
                    nama, profil["luas_km2"], profil["jumlah_penduduk"], len(desa), len(kelurahan)
                ),
            },
        },
        "bab2": {
            **umum,
            "narasi": narasi,
            "renstra": renstra,
            "tujuan": tujuan,
            **matriks,
            "indikator_iku": [i for i in indikator_renstra.values() if i["iku"]],
            "penetapan_iku": dok["penetapan_iku"],
            "perjanjian": perjanjian,
            "pk_baris": baris_target(perjanjian["target"] if perjanjian else []),
            "alokasi": alokasi,
            "tanpa_sasaran": tanpa_sasaran,
            "total": anggaran["total"],
            "tabel": tabel,
        },
        "bab3": {
            **umum,
            "narasi": narasi,
            "capaian": capaian,
            "baris": baris_capaian,
            "sasaran": sasaran,
            "tahun_tren": tahun_tren,
            "renstra": renstra,
            "efisiensi": dok["efisiensi"],
            "hitungan": hitungan,
            "belum": belum,
            "program": program,
            "total": anggaran["total"],
            "kalimat": kalimat_umum,
            "tabel": tabel,
            "gambar": gambar,
            "grafik": grafik_svg,
        },
        "bab4": {
            **umum,
            "narasi": narasi,
            "kalimat": kalimat_umum,
            "sasaran": sasaran,
            "permasalahan": permasalahan,
            "rekomendasi": rekomendasi,
            "ttd": ttd,
        },
        "lampiran": {
            **umum,
            "renstra": renstra,
            **matriks,
            "rkt": dok["rkt"],
            "rkt_baris": baris_target(dok["rkt"]["target"] if dok["rkt"] else []),
            "program": program,
            "perjanjian_semua": [
                {**p, "baris": baris_target(p["target"])} for p in dok["perjanjian_kinerja"]
            ],
            "penetapan_iku": dok["penetapan_iku"],
            "indikator_iku": [i for i in indikator_renstra.values() if i["iku"]],
            "ttd_iku": {**ttd, "tanggal": (dok["penetapan_iku"] or {}).get("tanggal")},
        },
    }


__all__ = ["Nomor", "Penomor", "isi_laporan"]
