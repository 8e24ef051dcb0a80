"""Scored data for a kecamatan's year, fully fetched, for commands, pages and the report.

Built in a constant number of queries whatever the number of indicators.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch

from capaian import scoring
from capaian.models import KonversiHuruf, PitaPredikat, Realisasi, SkalaPredikat, SkalaTahun
from kecamatan.models import Kecamatan
from perencanaan.models import Indikator, PerjanjianKinerja, Sasaran, TargetPerjanjian


class DataTidakTersedia(LookupError):
    """The year cannot be scored; the message says what is missing, in Indonesian."""


@dataclass(frozen=True)
class SkalaTerpakai:
    kode: str
    nama: str
    sumber: str
    skala: scoring.Skala


@dataclass(frozen=True)
class BarisCapaian:
    sasaran: Sasaran
    indikator: Indikator
    target: scoring.Nilai | None
    realisasi: scoring.Nilai | None
    realisasi_obj: Realisasi | None
    hasil: scoring.HasilCapaian

    @property
    def target_teks(self) -> str:
        return "" if self.target is None else self.target.teks

    @property
    def realisasi_teks(self) -> str:
        return "" if self.realisasi is None else self.realisasi.teks


@dataclass(frozen=True)
class CapaianSasaran:
    sasaran: Sasaran
    baris: list[BarisCapaian]
    ringkasan: scoring.Ringkasan


@dataclass(frozen=True)
class CapaianTahun:
    kecamatan: Kecamatan
    tahun: int
    skala: SkalaTerpakai
    perjanjian: PerjanjianKinerja
    baris: list[BarisCapaian]
    sasaran: list[CapaianSasaran]
    rata_rata: scoring.Ringkasan
    konversi: Mapping[str, Decimal]


def skala_tahun(tahun: int) -> SkalaTerpakai:
    """The scale in force for ``tahun`` with its bands (two queries)."""
    pilihan = (
        SkalaTahun.objects.select_related("skala")
        .prefetch_related(Prefetch("skala__pita", queryset=PitaPredikat.objects.order_by("urutan")))
        .filter(tahun=tahun)
        .first()
    )
    if pilihan is None:
        raise DataTidakTersedia(f"Belum ada skala predikat yang dipilih untuk tahun {tahun}.")
    return _skala_terpakai(pilihan.skala)


def skala_kode(kode: str) -> SkalaTerpakai:
    skala = SkalaPredikat.objects.prefetch_related("pita").filter(kode=kode).first()
    if skala is None:
        daftar = ", ".join(SkalaPredikat.objects.values_list("kode", flat=True))
        raise DataTidakTersedia(f"Skala «{kode}» tidak dikenal. Pilihan: {daftar}.")
    return _skala_terpakai(skala)


def _skala_terpakai(skala: SkalaPredikat) -> SkalaTerpakai:
    return SkalaTerpakai(kode=skala.kode, nama=skala.nama, sumber=skala.sumber, skala=skala.as_skala())


def nilai_realisasi(realisasi: Realisasi | None, aturan: str) -> scoring.Nilai | None:
    """The year's value: the quarterly roll-up when quarters are filled, else the yearly value.

    Uses the prefetched ``triwulan`` of ``realisasi``.
    """
    if realisasi is None:
        return None
    return scoring.realisasi_berlaku(
        scoring.nilai_opsional(realisasi.angka, realisasi.huruf),
        {t.triwulan: t.angka for t in realisasi.triwulan.all()},
        scoring.AturanTriwulan(aturan),
    )


def pengukuran(
    target: scoring.Nilai | None, realisasi: Realisasi | None, indikator: Indikator
) -> scoring.Pengukuran:
    nilai = nilai_realisasi(realisasi, indikator.aturan_triwulan)
    status = None if realisasi is None else scoring.Status(realisasi.status)
    if status == scoring.Status.TERISI and nilai is None:
        status = None
    return scoring.Pengukuran(
        target=target,
        realisasi=nilai,
        polaritas=scoring.Polaritas(indikator.polaritas),
        status=status,
        alasan="" if realisasi is None else realisasi.alasan,
    )


def capaian_tahun(*, kecamatan: Kecamatan, tahun: int) -> CapaianTahun:
    """Score every indicator of the PK in force for the year, then each sasaran and the whole."""
    skala = skala_tahun(tahun)
    konversi = KonversiHuruf.sebagai_peta()
    perjanjian = PerjanjianKinerja.objects.berlaku(kecamatan, tahun)
    if perjanjian is None:
        raise DataTidakTersedia(
            f"Kecamatan {kecamatan.nama} belum memiliki Perjanjian Kinerja tahun {tahun}."
        )
    target_pk = list(
        TargetPerjanjian.objects.filter(perjanjian=perjanjian)
        .select_related("indikator__sasaran")
        .order_by("indikator__sasaran__nomor", "urutan")
    )
    realisasi = {
        r.indikator_id: r
        for r in Realisasi.objects.filter(
            indikator__in=[t.indikator_id for t in target_pk], tahun=tahun
        ).prefetch_related("triwulan")
    }
    baris = []
    for t in target_pk:
        target = scoring.nilai_opsional(t.angka, t.huruf)
        r = realisasi.get(t.indikator_id)
        ukur = pengukuran(target, r, t.indikator)
        baris.append(
            BarisCapaian(
                sasaran=t.indikator.sasaran,
                indikator=t.indikator,
                target=target,
                realisasi=ukur.realisasi,
                realisasi_obj=r,
                hasil=scoring.hitung_capaian(ukur, skala.skala, konversi),
            )
        )
    per_sasaran: dict[int, list[BarisCapaian]] = {}
    for b in baris:
        per_sasaran.setdefault(b.sasaran.pk, []).append(b)
    sasaran = [
        CapaianSasaran(
            sasaran=kelompok[0].sasaran,
            baris=kelompok,
            ringkasan=scoring.ringkas_sasaran([b.hasil for b in kelompok], skala.skala),
        )
        for kelompok in per_sasaran.values()
    ]
    return CapaianTahun(
        kecamatan=kecamatan,
        tahun=tahun,
        skala=skala,
        perjanjian=perjanjian,
        baris=baris,
        sasaran=sasaran,
        rata_rata=scoring.ringkas_keseluruhan([s.ringkasan for s in sasaran], skala.skala),
        konversi=konversi,
    )


def desimal_teks(nilai: Decimal | None) -> str | None:
    """A Decimal for JSON: a string with a dot and two places, ``None`` stays ``None``."""
    return None if nilai is None else f"{nilai:.2f}"


def capaian_json(data: CapaianTahun) -> dict:
    """The stable JSON shape of ``manage.py capaian --json`` (keys may be added, never removed)."""
    return {
        "kecamatan": data.kecamatan.slug,
        "tahun": data.tahun,
        "skala": data.skala.kode,
        "indikator": [
            {
                "sasaran_no": b.sasaran.nomor,
                "sasaran": b.sasaran.uraian,
                "indikator_kode": b.indikator.kode,
                "indikator": b.indikator.uraian,
                "satuan": b.indikator.satuan,
                "polaritas": b.indikator.polaritas,
                "target": b.target_teks or None,
                "realisasi": b.realisasi_teks or None,
                "capaian": desimal_teks(b.hasil.capaian),
                "capaian_akhir": desimal_teks(b.hasil.capaian_akhir),
                "predikat": b.hasil.predikat,
                "status": b.hasil.status.value,
                "alasan": b.hasil.alasan or None,
            }
            for b in data.baris
        ],
        "sasaran": [
            {
                "no": s.sasaran.nomor,
                "kode": s.sasaran.kode,
                "sasaran": s.sasaran.uraian,
                "capaian": desimal_teks(s.ringkasan.capaian),
                "predikat": s.ringkasan.predikat,
            }
            for s in data.sasaran
        ],
        "rata_rata": {"capaian": desimal_teks(data.rata_rata.capaian), "predikat": data.rata_rata.predikat},
    }
