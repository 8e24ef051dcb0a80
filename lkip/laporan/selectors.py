"""A kecamatan's whole year as one JSON-ready document (``manage.py lkip_json``).

Everything is fetched up front in a constant number of queries, whatever the number of
indicators, years or budget rows; the schema is documented in ``docs/lkip_json.md``.
"""

from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch

from anggaran.selectors import Jumlah, pohon_anggaran
from capaian import scoring
from capaian.models import Realisasi
from capaian.selectors import (
    CapaianTahun,
    DataTidakTersedia,
    capaian_json,
    capaian_tahun,
    desimal_teks,
    nilai_realisasi,
)
from kecamatan.models import Kecamatan, ProfilKecamatan
from perencanaan.models import (
    Indikator,
    PenetapanIku,
    PerjanjianKinerja,
    RencanaKinerjaTahunan,
    Renstra,
    Sasaran,
    TargetPerjanjian,
    TargetRkt,
    Tujuan,
)
from umum.angka import format_angka, teks_polos

VERSI_SKEMA = 1


def _tanggal(nilai: date | None) -> str | None:
    return None if nilai is None else nilai.isoformat()


def _angka(nilai: Decimal | None) -> str | None:
    return None if nilai is None else teks_polos(nilai)


def _profil(kecamatan: Kecamatan, tahun: int) -> dict[str, Any] | None:
    profil = (
        ProfilKecamatan.objects.filter(kecamatan=kecamatan, tahun=tahun)
        .prefetch_related("desa", "pegawai", "sarana", "organisasi", "pejabat")
        .first()
    )
    if profil is None:
        return None
    return {
        "luas_km2": _angka(profil.luas_km2),
        "jumlah_penduduk": profil.jumlah_penduduk,
        "desa": [
            {
                "nama": d.nama,
                "jenis": d.jenis,
                "luas_km2": _angka(d.luas_km2),
                "jumlah_penduduk": d.jumlah_penduduk,
            }
            for d in profil.desa.all()
        ],
        "pegawai": [
            {
                "kelompok": p.kelompok,
                "jabatan": p.jabatan,
                "kebutuhan": p.kebutuhan,
                "bezetting": p.bezetting,
                "laki_laki": p.laki_laki,
                "perempuan": p.perempuan,
            }
            for p in profil.pegawai.all()
        ],
        "sarana": [
            {"nama": s.nama, "jumlah": s.jumlah, "kondisi": s.kondisi, "jumlah_ideal": s.jumlah_ideal}
            for s in profil.sarana.all()
        ],
        "organisasi": [
            {"kode": u.kode, "nama": u.nama, "induk": _kode_induk(u, profil)} for u in profil.organisasi.all()
        ],
        "pejabat": [
            {
                "jabatan": p.jabatan,
                "nama": p.nama,
                "pangkat": p.pangkat,
                "golongan": p.golongan,
                "nip": p.nip,
                "kepala": p.kepala,
            }
            for p in profil.pejabat.all()
        ],
        "isu_strategis": profil.daftar_isu_strategis,
        "tempat_laporan": profil.tempat_laporan,
        "tanggal_laporan": _tanggal(profil.tanggal_laporan),
    }


def _kode_induk(unit, profil: ProfilKecamatan) -> str | None:
    if unit.induk_id is None:
        return None
    return next(u.kode for u in profil.organisasi.all() if u.pk == unit.induk_id)


def _renstra(kecamatan: Kecamatan, tahun: int) -> tuple[Renstra | None, list[Renstra]]:
    semua = list(Renstra.objects.filter(kecamatan=kecamatan, tahun_awal__lte=tahun, tahun_akhir__gte=tahun))
    berlaku = max((r for r in semua if r.berlaku_mulai <= tahun), key=lambda r: r.versi, default=None)
    if berlaku is None:
        return None, semua
    indikator = Indikator.objects.order_by("urutan", "kode_urut").prefetch_related("target_renstra")
    tujuan = Tujuan.objects.order_by("urutan", "kode_urut").prefetch_related(
        "indikator",
        Prefetch(
            "sasaran",
            queryset=Sasaran.objects.order_by("nomor", "kode_urut").prefetch_related(
                Prefetch("indikator", queryset=indikator)
            ),
        ),
    )
    berlaku = Renstra.objects.prefetch_related(Prefetch("tujuan", queryset=tujuan)).get(pk=berlaku.pk)
    return berlaku, semua


def _riwayat_realisasi(semua: list[Renstra]) -> dict[str, dict[int, Realisasi]]:
    """Realisasi per indicator code and year across every version of the Renstra period: after a
    Renstra Perubahan, earlier years stay with the earlier version's indicator of the same code.
    A later version's row wins a year both hold."""
    riwayat: dict[str, dict[int, Realisasi]] = {}
    baris = (
        Realisasi.objects.filter(indikator__sasaran__renstra__in=semua)
        .select_related("indikator__sasaran__renstra")
        .prefetch_related("triwulan")
        .order_by("indikator__sasaran__renstra__versi", "tahun")
    )
    for r in baris:
        riwayat.setdefault(r.indikator.kode, {})[r.tahun] = r
    return riwayat


def _realisasi_tahunan(realisasi: Realisasi, indikator: Indikator) -> dict[str, Any]:
    nilai = nilai_realisasi(realisasi, indikator)
    return {
        "nilai": None if nilai is None else nilai.teks,
        "status": realisasi.status,
        "alasan": realisasi.alasan or None,
        "triwulan": {str(t.triwulan): _angka(t.angka) for t in realisasi.triwulan.all()},
        "faktor_keberhasilan": realisasi.faktor_keberhasilan,
        "hambatan": realisasi.hambatan,
        "tindak_lanjut": realisasi.tindak_lanjut,
        "catatan": realisasi.catatan,
        "pembanding": {
            "nasional": realisasi.pembanding_nasional or None,
            "provinsi": realisasi.pembanding_provinsi or None,
            "kabupaten": realisasi.pembanding_kabupaten or None,
        },
    }


def _renstra_json(renstra: Renstra | None, semua: list[Renstra]) -> dict[str, Any] | None:
    if renstra is None:
        return None
    riwayat = _riwayat_realisasi(semua)
    return {
        "tahun_awal": renstra.tahun_awal,
        "tahun_akhir": renstra.tahun_akhir,
        "versi": renstra.versi,
        "jenis": renstra.jenis,
        "nomor_keputusan": renstra.nomor_keputusan,
        "tanggal_keputusan": _tanggal(renstra.tanggal_keputusan),
        "berlaku_mulai": renstra.berlaku_mulai,
        "versi_lain": [
            {
                "versi": r.versi,
                "jenis": r.jenis,
                "berlaku_mulai": r.berlaku_mulai,
                "nomor_keputusan": r.nomor_keputusan,
            }
            for r in sorted(semua, key=lambda r: r.versi)
            if r.pk != renstra.pk
        ],
        "tujuan": [
            {
                "kode": t.kode,
                "uraian": t.uraian,
                "indikator": [{"uraian": i.uraian, "satuan": i.satuan} for i in t.indikator.all()],
                "sasaran": [
                    {
                        "kode": s.kode,
                        "nomor": s.nomor,
                        "uraian": s.uraian,
                        "indikator": [
                            {
                                "kode": i.kode,
                                "uraian": i.uraian,
                                "satuan": i.satuan,
                                "jenis_nilai": i.jenis_nilai,
                                "polaritas": i.polaritas,
                                "formula": i.formula,
                                "penanggung_jawab": i.penanggung_jawab,
                                "sumber_data": i.sumber_data,
                                "iku": i.is_iku,
                                "aturan_triwulan": i.aturan_triwulan,
                                "target": {str(t.tahun): t.nilai_teks for t in i.target_renstra.all()},
                                "target_akhir": i.target_akhir_teks or None,
                                "realisasi": {
                                    str(th): _realisasi_tahunan(r, i)
                                    for th, r in sorted(riwayat.get(i.kode, {}).items())
                                },
                            }
                            for i in s.indikator.all()
                        ],
                    }
                    for s in t.sasaran.all()
                ],
            }
            for t in renstra.tujuan.all()
        ],
    }


def _pihak(perjanjian: PerjanjianKinerja, awalan: str) -> dict[str, str]:
    return {k: getattr(perjanjian, f"{awalan}_{k}") for k in ("nama", "jabatan", "pangkat", "nip", "status")}


def _perjanjian_json(kecamatan: Kecamatan, tahun: int) -> list[dict[str, Any]]:
    daftar = (
        PerjanjianKinerja.objects.filter(kecamatan=kecamatan, tahun=tahun)
        .order_by("versi")
        .prefetch_related(
            Prefetch(
                "target", queryset=TargetPerjanjian.objects.select_related("indikator").order_by("urutan")
            ),
            "anggaran",
        )
    )
    return [
        {
            "versi": p.versi,
            "jenis": p.jenis,
            "tempat": p.tempat,
            "tanggal": _tanggal(p.tanggal),
            "pihak_pertama": _pihak(p, "pihak_pertama"),
            "pihak_kedua": _pihak(p, "pihak_kedua"),
            "target": [
                {"indikator": t.indikator.kode, "nilai": t.nilai_teks or None} for t in p.target.all()
            ],
            "anggaran": [
                {"program": a.program, "anggaran": desimal_teks(a.anggaran), "keterangan": a.keterangan}
                for a in p.anggaran.all()
            ],
            "jumlah_anggaran": desimal_teks(sum((a.anggaran for a in p.anggaran.all()), Decimal("0"))),
        }
        for p in daftar
    ]


def _rkt_json(kecamatan: Kecamatan, tahun: int) -> dict[str, Any] | None:
    rkt = (
        RencanaKinerjaTahunan.objects.filter(kecamatan=kecamatan, tahun=tahun)
        .prefetch_related(Prefetch("target", queryset=TargetRkt.objects.select_related("indikator")))
        .first()
    )
    if rkt is None:
        return None
    return {
        "tanggal": _tanggal(rkt.tanggal),
        "target": [{"indikator": t.indikator.kode, "nilai": t.nilai_teks or None} for t in rkt.target.all()],
    }


def _jumlah_json(jumlah: Jumlah) -> dict[str, Any]:
    return {
        "pagu": desimal_teks(jumlah.pagu),
        "realisasi": desimal_teks(jumlah.realisasi),
        "serapan": desimal_teks(jumlah.serapan),
    }


def _capaian_json(data: CapaianTahun | None, galat: str | None) -> dict[str, Any]:
    if data is None:
        return {"tersedia": False, "alasan": galat}
    hasil = capaian_json(data)
    for baris, b in zip(hasil["indikator"], data.baris, strict=True):
        baris["target_akhir_renstra"] = b.indikator.target_akhir_teks or None
        baris["capaian_terhadap_target_akhir"] = desimal_teks(b.capaian_target_akhir)
    hasil["tersedia"] = True
    hasil["skala_detail"] = {
        "kode": data.skala.kode,
        "nama": data.skala.nama,
        "sumber": data.skala.sumber,
        "batas_atas": desimal_teks(data.skala.skala.batas_atas),
        "pita": [
            {"kode": p.kode, "keterangan": p.keterangan, "interval": interval_pita(p)}
            for p in data.skala.skala.pita
        ],
    }
    return hasil


def interval_pita(pita: scoring.Pita) -> str:
    """A band as readers write it: ``80 < x ≤ 90``, ``x > 90``, ``55 ≤ x ≤ 75``."""
    bawah = "" if pita.bawah is None else f"{format_angka(pita.bawah)} {'≤' if pita.bawah_inklusif else '<'} "
    atas = "" if pita.atas is None else f" {'≤' if pita.atas_inklusif else '<'} {format_angka(pita.atas)}"
    if pita.bawah is not None and pita.atas is None:
        return f"x {'≥' if pita.bawah_inklusif else '>'} {format_angka(pita.bawah)}"
    return f"{bawah}x{atas}"


def tahun_tersedia(*, kecamatan: Kecamatan, tahun: int) -> bool:
    """Whether the system holds anything for the kecamatan's year (a plan, profile or PK)."""
    return (
        PerjanjianKinerja.objects.filter(kecamatan=kecamatan, tahun=tahun).exists()
        or ProfilKecamatan.objects.filter(kecamatan=kecamatan, tahun=tahun).exists()
        or Renstra.objects.filter(kecamatan=kecamatan, tahun_awal__lte=tahun, tahun_akhir__gte=tahun).exists()
    )


def dokumen_lkip(*, kecamatan: Kecamatan, tahun: int) -> dict[str, Any]:
    renstra, semua_renstra = _renstra(kecamatan, tahun)
    try:
        capaian, galat = capaian_tahun(kecamatan=kecamatan, tahun=tahun), None
    except DataTidakTersedia as exc:
        capaian, galat = None, str(exc)
    anggaran = pohon_anggaran(kecamatan=kecamatan, tahun=tahun)
    iku = PenetapanIku.objects.filter(kecamatan=kecamatan, tahun=tahun).first()

    efisiensi = []
    if capaian is not None:
        for s in capaian.sasaran:
            jumlah = anggaran.per_sasaran.get(s.sasaran.pk)
            putusan = scoring.efisiensi(s.ringkasan.akhir, None if jumlah is None else jumlah.serapan)
            efisiensi.append(
                {
                    "sasaran_no": s.sasaran.nomor,
                    "sasaran_kode": s.sasaran.kode,
                    "capaian": desimal_teks(s.ringkasan.capaian),
                    **(
                        _jumlah_json(jumlah) if jumlah else {"pagu": None, "realisasi": None, "serapan": None}
                    ),
                    "putusan": None if putusan.putusan is None else putusan.putusan.value,
                }
            )

    return {
        "versi_skema": VERSI_SKEMA,
        "kecamatan": {
            "slug": kecamatan.slug,
            "nama": kecamatan.nama,
            "kabupaten": kecamatan.kabupaten,
            "alamat_kantor": kecamatan.alamat_kantor,
        },
        "tahun": tahun,
        "profil": _profil(kecamatan, tahun),
        "renstra": _renstra_json(renstra, semua_renstra),
        "penetapan_iku": None
        if iku is None
        else {"nomor": iku.nomor, "tanggal": _tanggal(iku.tanggal), "tentang": iku.tentang},
        "rkt": _rkt_json(kecamatan, tahun),
        "perjanjian_kinerja": _perjanjian_json(kecamatan, tahun),
        "capaian": _capaian_json(capaian, galat),
        "anggaran": {
            "program": [
                {
                    "kode": p.kode,
                    "nama": p.nama,
                    **_jumlah_json(anggaran.jumlah_program(p)),
                    "kegiatan": [
                        {
                            "kode": k.kode,
                            "nama": k.nama,
                            **_jumlah_json(anggaran.jumlah_kegiatan(k)),
                            "sub_kegiatan": [
                                {
                                    "kode": s.kode,
                                    "nama": s.nama,
                                    "pagu": desimal_teks(s.pagu),
                                    "realisasi": desimal_teks(s.realisasi),
                                    "serapan": desimal_teks(s.serapan),
                                    "sasaran": None if s.sasaran is None else s.sasaran.kode,
                                    "keluaran": [
                                        {
                                            "uraian": o.uraian,
                                            "satuan": o.satuan,
                                            "target": _angka(o.target),
                                            "realisasi": _angka(o.realisasi),
                                            "capaian": desimal_teks(o.capaian),
                                        }
                                        for o in s.keluaran.all()
                                    ],
                                }
                                for s in k.sub_kegiatan.all()
                            ],
                        }
                        for k in p.kegiatan.all()
                    ],
                }
                for p in anggaran.program
            ],
            "total": _jumlah_json(anggaran.total),
        },
        "efisiensi": efisiensi,
    }
