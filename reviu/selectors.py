"""Reading review notes: a year's notes grouped by the place they are about, and the counts the
dashboards and the workflow show. Every function is a fixed number of queries."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch

from kecamatan.models import AlurLaporan, Kecamatan
from reviu.models import BalasanCatatan, CatatanReviu

Status = CatatanReviu.Status
Jenis = CatatanReviu.Jenis
#: A note still waiting for someone: the kecamatan (terbuka) or the reviewer (ditanggapi).
BELUM_SELESAI = (Status.TERBUKA, Status.DITANGGAPI)


@dataclass(frozen=True)
class CatatanTahun:
    """A kecamatan year's notes, oldest first, each with its replies, and by place."""

    semua: list[CatatanReviu]
    tahun: list[CatatanReviu] = field(default_factory=list)
    bagian: dict[str, list[CatatanReviu]] = field(default_factory=dict)
    indikator: dict[int, list[CatatanReviu]] = field(default_factory=dict)
    #: Budget rows and evidence: row id → notes.
    program: dict[int, list[CatatanReviu]] = field(default_factory=dict)
    kegiatan: dict[int, list[CatatanReviu]] = field(default_factory=dict)
    sub_kegiatan: dict[int, list[CatatanReviu]] = field(default_factory=dict)
    bukti: dict[int, list[CatatanReviu]] = field(default_factory=dict)
    #: Notes whose row was deleted after they were written: shown with their label only.
    tanpa_tempat: list[CatatanReviu] = field(default_factory=list)

    def jumlah(self, status: str) -> int:
        return sum(1 for c in self.semua if c.status == status)

    @property
    def jumlah_terbuka(self) -> int:
        return self.jumlah(Status.TERBUKA)

    @property
    def jumlah_ditanggapi(self) -> int:
        return self.jumlah(Status.DITANGGAPI)

    @property
    def jumlah_selesai(self) -> int:
        return self.jumlah(Status.SELESAI)

    @property
    def belum_selesai(self) -> list[CatatanReviu]:
        return [c for c in self.semua if c.status in BELUM_SELESAI]

    def untuk_bukti(self, bukti_ids) -> list[CatatanReviu]:
        """The notes on the given pieces of evidence, in the year's order."""
        ids = set(bukti_ids)
        return [c for c in self.semua if c.bukti_id in ids]


def _kelompokkan(daftar: list[CatatanReviu]) -> CatatanTahun:
    kelompok: dict[str, defaultdict] = {
        j: defaultdict(list) for j in ("bagian", "indikator", "program", "kegiatan", "sub_kegiatan", "bukti")
    }
    tahun, tanpa_tempat = [], []
    for c in daftar:
        if c.jenis == Jenis.TAHUN:
            tahun.append(c)
        elif c.jenis == Jenis.BAGIAN:
            kelompok["bagian"][c.bagian].append(c)
        elif getattr(c, f"{c.jenis}_id") is None:
            tanpa_tempat.append(c)
        else:
            kelompok[c.jenis][getattr(c, f"{c.jenis}_id")].append(c)
    return CatatanTahun(
        semua=daftar, tahun=tahun, tanpa_tempat=tanpa_tempat, **{k: dict(v) for k, v in kelompok.items()}
    )


def catatan_tahun(*, kecamatan: Kecamatan, tahun: int) -> CatatanTahun:
    """Two queries: the notes (with the evidence's indicator, for its link) and their replies."""
    daftar = list(
        CatatanReviu.objects.filter(kecamatan=kecamatan, tahun=tahun)
        .select_related("kecamatan", "bukti__realisasi")
        .prefetch_related(Prefetch("balasan", queryset=BalasanCatatan.objects.order_by("dibuat", "pk")))
        .order_by("dibuat", "pk")
    )
    return _kelompokkan(daftar)


def catatan_terbuka_banyak(
    tahun: list[int], kecamatan_id: list[int] | None = None
) -> dict[tuple[int, int], int]:
    """(kecamatan id, year) → how many of its notes are not yet selesai (terbuka or
    ditanggapi), for every year in ``tahun`` (of the given kecamatan, or all); a pair without
    such notes is absent. One query."""
    catatan = CatatanReviu.objects.filter(tahun__in=tahun, status__in=BELUM_SELESAI)
    if kecamatan_id is not None:
        catatan = catatan.filter(kecamatan_id__in=kecamatan_id)
    baris = (
        catatan.order_by()
        .values("kecamatan_id", "tahun")
        .annotate(n=Count("pk"))
        .values_list("kecamatan_id", "tahun", "n")
    )
    return {(kecamatan_id, th): n for kecamatan_id, th, n in baris}


def catatan_terbuka_per_kecamatan(tahun: int) -> dict[int, int]:
    """Kecamatan id → how many of its notes of ``tahun`` are not yet selesai; a kecamatan
    without such notes is absent. One query."""
    return {k: n for (k, _th), n in catatan_terbuka_banyak([tahun]).items()}


def ringkasan_catatan_terbuka(alur: AlurLaporan) -> list[str]:
    """One line per note of the year not yet selesai: what the workflow records when a report is
    returned (registered in ``kecamatan.alur.CATATAN_TERBUKA``). One query."""
    daftar = CatatanReviu.objects.filter(
        kecamatan_id=alur.kecamatan_id, tahun=alur.tahun, status__in=BELUM_SELESAI
    ).order_by("dibuat", "pk")
    return [f"{c.label} ({c.get_status_display().lower()}): {c.isi}" for c in daftar]
