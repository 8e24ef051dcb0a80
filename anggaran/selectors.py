"""The budget tree of a kecamatan's year with totals summed in the database.

Constant number of queries: programs, kegiatan, sub kegiatan, outputs and the program and
kegiatan indicators are prefetched,
and every total (program, kegiatan, sasaran, year) is a database aggregate. A realisasi
total is ``None`` when any sub kegiatan under it has no realisasi yet, and a pagu total when
any has no pagu yet (a year started from the last one): missing is not zero.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, DecimalField, Model, Prefetch, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce

from anggaran.models import (
    Dokumentasi,
    IndikatorKegiatan,
    IndikatorProgram,
    Kegiatan,
    Keluaran,
    Program,
    SubKegiatan,
)
from kecamatan.models import Kecamatan
from umum.angka import persentase

NOL = Value(Decimal("0"), output_field=DecimalField(max_digits=18, decimal_places=2))


@dataclass(frozen=True)
class Jumlah:
    pagu: Decimal | None
    realisasi: Decimal | None
    jumlah_sub_kegiatan: int = 0

    @property
    def serapan(self) -> Decimal | None:
        return persentase(self.realisasi, self.pagu)


def _jumlah(baris: dict) -> Jumlah:
    """A total from the ``_anotasi`` values of an aggregate, an annotated row or object."""
    lengkap = baris["total_kosong"] == 0 and baris["total_jumlah"] > 0
    return Jumlah(
        pagu=baris["total_pagu"] if baris["total_pagu_kosong"] == 0 else None,
        realisasi=baris["total_realisasi"] if lengkap else None,
        jumlah_sub_kegiatan=baris["total_jumlah"],
    )


def _anotasi(jalur: str) -> dict:
    awal = f"{jalur}__" if jalur else ""
    return {
        "total_pagu": Coalesce(Sum(f"{awal}pagu"), NOL),
        "total_realisasi": Coalesce(Sum(f"{awal}realisasi"), NOL),
        "total_kosong": Count(f"{awal}pk", filter=Q(**{f"{awal}realisasi__isnull": True})),
        "total_pagu_kosong": Count(f"{awal}pk", filter=Q(**{f"{awal}pagu__isnull": True})),
        "total_jumlah": Count(f"{awal}pk"),
    }


def _dari_anotasi(obj: object) -> Jumlah:
    return _jumlah({k: getattr(obj, k) for k in _anotasi("")})


@dataclass(frozen=True)
class PohonAnggaran:
    program: list[Program]
    total: Jumlah
    per_sasaran: dict[int | None, Jumlah] = field(default_factory=dict)
    per_jenis: dict[str, Jumlah] = field(default_factory=dict)
    """Totals by ``SubKegiatan.jenis_belanja`` ("" = not classified), only the kinds present."""
    tahun_lalu: Jumlah | None = None
    """The previous year's total, when that year's budget tree is in the system."""

    def jumlah_program(self, program: Program) -> Jumlah:
        return _dari_anotasi(program)

    def jumlah_kegiatan(self, kegiatan: Kegiatan) -> Jumlah:
        return _dari_anotasi(kegiatan)


def sub_kegiatan_tahun(kecamatan: Kecamatan, tahun: int) -> QuerySet[SubKegiatan]:
    return SubKegiatan.objects.for_kecamatan_tahun(kecamatan.pk, tahun)


def pohon_anggaran(*, kecamatan: Kecamatan, tahun: int) -> PohonAnggaran:
    sub = SubKegiatan.objects.select_related("sasaran").prefetch_related(
        Prefetch("keluaran", queryset=Keluaran.objects.order_by("urutan"))
    )
    kegiatan = (
        Kegiatan.objects.annotate(**_anotasi("sub_kegiatan"))
        .order_by("kode_urut")
        .prefetch_related(
            Prefetch("indikator", queryset=IndikatorKegiatan.objects.order_by("urutan", "pk")),
            Prefetch("sub_kegiatan", queryset=sub.order_by("kode_urut")),
        )
    )
    program = list(
        Program.objects.filter(kecamatan=kecamatan, tahun=tahun)
        .annotate(**_anotasi("kegiatan__sub_kegiatan"))
        .order_by("kode_urut")
        .prefetch_related(
            Prefetch("indikator", queryset=IndikatorProgram.objects.order_by("urutan", "pk")),
            Prefetch("kegiatan", queryset=kegiatan),
        )
    )
    semua = sub_kegiatan_tahun(kecamatan, tahun)
    total = _jumlah(semua.aggregate(**_anotasi("")))
    per_sasaran, per_jenis, tahun_lalu = _per_kelompok(kecamatan, tahun)
    return PohonAnggaran(
        program=program, total=total, per_sasaran=per_sasaran, per_jenis=per_jenis, tahun_lalu=tahun_lalu
    )


def _tambah(kumpulan: dict, kunci: object, baris: dict) -> None:
    awal = kumpulan.get(kunci) or dict.fromkeys(_anotasi(""), 0)
    kumpulan[kunci] = {k: awal[k] + baris[k] for k in awal}


def _per_kelompok(
    kecamatan: Kecamatan, tahun: int
) -> tuple[dict[int | None, Jumlah], dict[str, Jumlah], Jumlah | None]:
    """The year's totals per sasaran and per kind of spending, and the previous year's total, from
    one query grouped by year, sasaran and kind (the database sums each group; the groups are
    added up here)."""
    baris = (
        SubKegiatan.objects.filter(
            kegiatan__program__kecamatan=kecamatan, kegiatan__program__tahun__in=[tahun - 1, tahun]
        )
        .values("kegiatan__program__tahun", "sasaran_id", "jenis_belanja")
        .annotate(**_anotasi(""))
        .order_by("kegiatan__program__tahun", "sasaran_id", "jenis_belanja")
    )
    per_sasaran: dict = {}
    per_jenis: dict = {}
    lalu: dict = {}
    for b in baris:
        if b["kegiatan__program__tahun"] == tahun:
            _tambah(per_sasaran, b["sasaran_id"], b)
            _tambah(per_jenis, b["jenis_belanja"], b)
        else:
            _tambah(lalu, None, b)
    return (
        {k: _jumlah(v) for k, v in per_sasaran.items()},
        {k: _jumlah(v) for k, v in per_jenis.items()},
        _jumlah(lalu[None]) if lalu else None,
    )


#: The budget rows a page may delete, by the name used in their URL, with the path from each
#: to its program (which carries the kecamatan and the year).
JENIS_BARIS: dict[str, tuple[type[Model], str]] = {
    "program": (Program, ""),
    "kegiatan": (Kegiatan, "program__"),
    "sub-kegiatan": (SubKegiatan, "kegiatan__program__"),
    "keluaran": (Keluaran, "sub_kegiatan__kegiatan__program__"),
}


def baris_anggaran(*, jenis: str, baris_id: int, kecamatan: Kecamatan, tahun: int) -> Model | None:
    """One budget row of the kecamatan's year, or ``None`` (the page answers 404)."""
    if jenis not in JENIS_BARIS:
        return None
    model, jalur = JENIS_BARIS[jenis]
    saring = {"pk": baris_id, f"{jalur}kecamatan": kecamatan, f"{jalur}tahun": tahun}
    return model.objects.filter(**saring).first()


def jumlah_banyak(*, kecamatan_id: list[int], tahun: list[int]) -> dict[tuple[int, int], Jumlah]:
    """The year's budget total of every (kecamatan, year) that has budget rows, in one query
    (the kabupaten's pages); a pair without rows is absent, not zero."""
    baris = (
        SubKegiatan.objects.filter(
            kegiatan__program__kecamatan_id__in=kecamatan_id, kegiatan__program__tahun__in=tahun
        )
        .values("kegiatan__program__kecamatan_id", "kegiatan__program__tahun")
        .annotate(**_anotasi(""))
        .order_by()
    )
    return {(b["kegiatan__program__kecamatan_id"], b["kegiatan__program__tahun"]): _jumlah(b) for b in baris}


@dataclass(frozen=True)
class HalamanDokumentasi:
    """The documentation page: the photos in budget order, and every row a photo may document
    (``program:3``, ``kegiatan:7``, ``sub_kegiatan:12`` with its label) for the upload form."""

    foto: list[Dokumentasi]
    pilihan: list[tuple[str, str]]


def halaman_dokumentasi(*, kecamatan: Kecamatan, tahun: int) -> HalamanDokumentasi:
    """Three queries: programs with their kegiatan and sub kegiatan, and the photos."""
    program = list(
        Program.objects.filter(kecamatan=kecamatan, tahun=tahun)
        .order_by("kode_urut")
        .prefetch_related(
            Prefetch(
                "kegiatan",
                queryset=Kegiatan.objects.order_by("kode_urut").prefetch_related(
                    Prefetch("sub_kegiatan", queryset=SubKegiatan.objects.order_by("kode_urut"))
                ),
            )
        )
    )
    pilihan: list[tuple[str, str]] = []
    urutan: dict[str, int] = {}
    for p in program:
        pilihan.append((f"program:{p.pk}", f"Program {p.kode} {p.nama}"))
        for k in p.kegiatan.all():
            pilihan.append((f"kegiatan:{k.pk}", f"— Kegiatan {k.kode} {k.nama}"))
            pilihan += [
                (f"sub_kegiatan:{s.pk}", f"—— Sub kegiatan {s.kode} {s.nama}") for s in k.sub_kegiatan.all()
            ]
    urutan = {kunci: i for i, (kunci, _label) in enumerate(pilihan)}
    label = dict(pilihan)
    foto = list(
        Dokumentasi.objects.filter(program__kecamatan=kecamatan, program__tahun=tahun).order_by(
            "diunggah", "pk"
        )
    )
    foto.sort(key=lambda f: urutan.get(f.bagian, len(urutan)))
    for f in foto:
        f.label_bagian = label.get(f.bagian, "").lstrip("— ")
    return HalamanDokumentasi(foto=foto, pilihan=pilihan)
