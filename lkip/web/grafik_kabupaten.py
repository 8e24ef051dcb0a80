"""The kabupaten's trend chart, drawn by the report's charts module (``lkip.laporan.grafik``)."""

from decimal import Decimal

from kabupaten.selectors import TitikTren
from lkip.laporan.grafik import Seri, grafik_tren

SERATUS = Decimal("100")


def grafik_tren_kabupaten(titik: list[TitikTren], *, judul: str) -> str:
    """Two panels across the Renstra years: mean capaian and serapan anggaran, each against
    100% (the light bar); a year without a number has no dark bar."""
    tahun = [t.tahun for t in titik]
    seri = [
        Seri(
            judul=f"Rata-rata capaian kinerja (%), {judul}",
            tahun=tahun,
            target=[SERATUS] * len(tahun),
            realisasi=[t.capaian for t in titik],
        ),
        Seri(
            judul=f"Serapan anggaran (%), {judul}",
            tahun=tahun,
            target=[SERATUS] * len(tahun),
            realisasi=[t.serapan for t in titik],
        ),
    ]
    return grafik_tren(
        seri,
        judul=f"Tren capaian dan serapan anggaran, {judul}",
        label_target="Acuan 100%",
        label_realisasi="Capaian atau serapan tahun itu",
    )
