"""Scored data for a kecamatan's year, fully fetched, for commands, pages and the report.

Built in a constant number of queries whatever the number of indicators.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch

from capaian import scoring
from capaian.models import (
    KonversiHuruf,
    PitaPredikat,
    Realisasi,
    RealisasiTriwulan,
    SkalaPredikat,
    SkalaTahun,
)
from kecamatan.models import Kecamatan
from perencanaan.models import Indikator, PerjanjianKinerja, Sasaran, TargetPerjanjian
from umum.angka import teks_polos


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
    """The year's value that was scored (the typed yearly value, else the quarters' roll-up)."""
    realisasi_obj: Realisasi | None
    hasil: scoring.HasilCapaian
    capaian_target_akhir: Decimal | None = None
    """Realisasi against the end-of-Renstra target, by the indicator's polarity."""

    @property
    def target_teks(self) -> str:
        return "" if self.target is None else self.target.teks

    @property
    def realisasi_teks(self) -> str:
        return "" if self.realisasi is None else self.realisasi.teks

    @property
    def target_akhir(self) -> scoring.Nilai | None:
        return scoring.nilai_opsional(self.indikator.target_akhir_angka, self.indikator.target_akhir_huruf)

    @property
    def temuan(self) -> tuple[scoring.Temuan, ...]:
        return self.hasil.temuan


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

    @property
    def temuan(self) -> list[tuple[BarisCapaian, scoring.Temuan]]:
        """Every finding of the year, with the indicator it belongs to."""
        return [(b, t) for b in self.baris for t in b.temuan]


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


JUMLAH_NADA = 5


def nada_predikat(pita: scoring.Pita | None, skala: scoring.Skala) -> str:
    """A colour class for a predikat: ``nada-0`` for the best band … ``nada-4`` for the worst,
    spread over however many bands the scale has; ``nada-kosong`` without a predikat."""
    if pita is None:
        return "nada-kosong"
    urut = sorted(skala.pita, key=lambda p: (p.bawah is not None, p.bawah or Decimal(0)), reverse=True)
    posisi = next((i for i, p in enumerate(urut) if p.kode == pita.kode), len(urut) - 1)
    langkah = (JUMLAH_NADA - 1) / max(len(urut) - 1, 1)
    return f"nada-{round(posisi * langkah)}"


def sifat_nilai(indikator: Indikator) -> scoring.SifatNilai:
    return scoring.SifatNilai.RASIO if indikator.is_rasio else scoring.SifatNilai.JUMLAH


def triwulan_realisasi(realisasi: Realisasi | None) -> dict[int, Decimal | None]:
    """The stored quarters (uses the prefetched ``triwulan``)."""
    return {} if realisasi is None else {t.triwulan: t.angka for t in realisasi.triwulan.all()}


def nilai_realisasi(realisasi: Realisasi | None, indikator: Indikator) -> scoring.Nilai | None:
    """The year's value: the yearly value as typed, else the quarters' roll-up by the
    indicator's rule. Uses the prefetched ``triwulan`` of ``realisasi``."""
    if realisasi is None:
        return None
    return scoring.realisasi_berlaku(
        scoring.nilai_opsional(realisasi.angka, realisasi.huruf),
        triwulan_realisasi(realisasi),
        scoring.AturanTriwulan(indikator.aturan_triwulan),
        sifat_nilai(indikator),
    )


def pengukuran(
    target: scoring.Nilai | None, realisasi: Realisasi | None, indikator: Indikator
) -> scoring.Pengukuran:
    return scoring.Pengukuran(
        target=target,
        realisasi=None if realisasi is None else scoring.nilai_opsional(realisasi.angka, realisasi.huruf),
        polaritas=scoring.Polaritas(indikator.polaritas),
        status=None if realisasi is None else scoring.Status(realisasi.status),
        alasan="" if realisasi is None else realisasi.alasan,
        triwulan=triwulan_realisasi(realisasi),
        aturan=scoring.AturanTriwulan(indikator.aturan_triwulan),
        sifat=sifat_nilai(indikator),
    )


def capaian_tahun(
    *, kecamatan: Kecamatan, tahun: int, perjanjian: PerjanjianKinerja | None = None
) -> CapaianTahun:
    """Score every indicator of the PK in force for the year, then each sasaran and the whole.
    A caller that has read the PK in force already passes it as ``perjanjian``."""
    skala = skala_tahun(tahun)
    konversi = KonversiHuruf.sebagai_peta()
    if perjanjian is None:
        perjanjian = PerjanjianKinerja.objects.berlaku(kecamatan, tahun)
    if perjanjian is None:
        raise DataTidakTersedia(
            f"Kecamatan {kecamatan.nama} belum memiliki Perjanjian Kinerja tahun {tahun}."
        )
    target_pk = list(
        TargetPerjanjian.objects.filter(perjanjian=perjanjian)
        .select_related("indikator__sasaran")
        .order_by("indikator__sasaran__nomor", "urutan", "indikator__kode_urut")
    )
    # Keyed by indicator, so unordered: the models' default order joins up to the sasaran.
    realisasi = {
        r.indikator_id: r
        for r in Realisasi.objects.filter(indikator__in=[t.indikator_id for t in target_pk], tahun=tahun)
        .order_by()
        .prefetch_related(Prefetch("triwulan", queryset=RealisasiTriwulan.objects.order_by("triwulan")))
    }
    return _capaian_susun(
        kecamatan=kecamatan,
        tahun=tahun,
        skala=skala,
        konversi=konversi,
        perjanjian=perjanjian,
        target_pk=target_pk,
        realisasi=realisasi,
    )


def _capaian_susun(
    *,
    kecamatan: Kecamatan,
    tahun: int,
    skala: SkalaTerpakai,
    konversi: Mapping[str, Decimal],
    perjanjian: PerjanjianKinerja,
    target_pk: list[TargetPerjanjian],
    realisasi: Mapping[int, Realisasi],
) -> CapaianTahun:
    """The scored year from its fetched rows (``realisasi`` by indicator id, quarters prefetched)."""
    baris = []
    for t in target_pk:
        target = scoring.nilai_opsional(t.angka, t.huruf)
        r = realisasi.get(t.indikator_id)
        hasil = scoring.hitung_capaian(pengukuran(target, r, t.indikator), skala.skala, konversi)
        akhir = scoring.nilai_opsional(t.indikator.target_akhir_angka, t.indikator.target_akhir_huruf)
        baris.append(
            BarisCapaian(
                sasaran=t.indikator.sasaran,
                indikator=t.indikator,
                target=target,
                realisasi=hasil.realisasi,
                realisasi_obj=r,
                hasil=hasil,
                capaian_target_akhir=scoring.capaian_target_akhir(
                    akhir, hasil.realisasi, scoring.Polaritas(t.indikator.polaritas), konversi
                ),
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


def capaian_banyak(
    pasangan: list[tuple[Kecamatan, int]],
) -> dict[tuple[int, int], CapaianTahun | DataTidakTersedia]:
    """``capaian_tahun`` for every (kecamatan, year) pair at once, in seven queries whatever
    their number: the kabupaten's pages. A pair that cannot be scored maps to the reason."""
    kecamatan = list({k.pk: k for k, _t in pasangan}.values())
    tahun = sorted({t for _k, t in pasangan})
    konversi = KonversiHuruf.sebagai_peta()
    skala: dict[int, SkalaTerpakai] = {
        p.tahun: _skala_terpakai(p.skala)
        for p in SkalaTahun.objects.select_related("skala")
        .prefetch_related(Prefetch("skala__pita", queryset=PitaPredikat.objects.order_by("urutan")))
        .filter(tahun__in=tahun)
    }
    berlaku: dict[tuple[int, int], PerjanjianKinerja] = {}
    for p in PerjanjianKinerja.objects.filter(kecamatan__in=kecamatan, tahun__in=tahun).order_by("versi"):
        berlaku[(p.kecamatan_id, p.tahun)] = p  # the latest version wins
    target: dict[int, list[TargetPerjanjian]] = {p.pk: [] for p in berlaku.values()}
    for t in (
        TargetPerjanjian.objects.filter(perjanjian__in=list(target))
        .select_related("indikator__sasaran")
        .order_by("indikator__sasaran__nomor", "urutan", "indikator__kode_urut")
    ):
        target[t.perjanjian_id].append(t)
    realisasi: dict[tuple[int, int], Realisasi] = {
        (r.indikator_id, r.tahun): r
        for r in Realisasi.objects.filter(
            indikator__in={t.indikator_id for daftar in target.values() for t in daftar}, tahun__in=tahun
        ).prefetch_related("triwulan")
    }
    hasil: dict[tuple[int, int], CapaianTahun | DataTidakTersedia] = {}
    for k, t in pasangan:
        perjanjian = berlaku.get((k.pk, t))
        if perjanjian is None:
            hasil[(k.pk, t)] = DataTidakTersedia(
                f"Kecamatan {k.nama} belum memiliki Perjanjian Kinerja tahun {t}."
            )
        elif t not in skala:
            hasil[(k.pk, t)] = DataTidakTersedia(f"Belum ada skala predikat yang dipilih untuk tahun {t}.")
        else:
            daftar = target[perjanjian.pk]
            hasil[(k.pk, t)] = _capaian_susun(
                kecamatan=k,
                tahun=t,
                skala=skala[t],
                konversi=konversi,
                perjanjian=perjanjian,
                target_pk=daftar,
                realisasi={
                    x.indikator_id: realisasi[(x.indikator_id, t)]
                    for x in daftar
                    if (x.indikator_id, t) in realisasi
                },
            )
    return hasil


def desimal_teks(nilai: Decimal | None) -> str | None:
    """A Decimal for JSON: a string with a dot and two places, ``None`` stays ``None``."""
    return None if nilai is None else f"{nilai:.2f}"


def temuan_json(temuan: tuple[scoring.Temuan, ...]) -> list[dict[str, str]]:
    return [{"jenis": t.jenis.value, "pesan": t.pesan} for t in temuan]


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
                "rekap_triwulan": None
                if b.hasil.rekap_triwulan is None
                else teks_polos(b.hasil.rekap_triwulan),
                "temuan": temuan_json(b.temuan),
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
