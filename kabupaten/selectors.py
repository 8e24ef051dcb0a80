"""The kabupaten's pages: every kecamatan of a year side by side.

Each function runs a fixed number of queries whatever the number of kecamatan, years,
indicators or history rows: scores come from ``capaian.selectors.capaian_banyak`` (the one
scoring service, every pair at once), budget totals from ``anggaran.selectors.jumlah_banyak``.
"""

from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal

from django.db.models import Max

from anggaran.models import SubKegiatan
from anggaran.selectors import Jumlah, jumlah_banyak
from capaian import scoring
from capaian.models import Realisasi, SkalaTahun
from capaian.selectors import BarisCapaian, CapaianTahun, DataTidakTersedia, capaian_banyak, nada_predikat
from kabupaten.models import IndikatorKabupaten, PemetaanIndikator, StatusPemetaan
from kecamatan.alur import Status
from kecamatan.models import AlurLaporan, Kecamatan, RiwayatAlur
from perencanaan.models import PerjanjianKinerja, Renstra, TargetPerjanjian
from reviu.selectors import catatan_terbuka_banyak
from umum.angka import bulatkan, persentase

#: The dashboard's sort keys, as the page's ``?urut=`` names them.
URUTAN = ("nama", "status", "kelengkapan", "capaian", "serapan", "catatan", "perubahan")


def tahun_tersedia() -> list[int]:
    """Every year some kecamatan has a Perjanjian Kinerja for, newest first (one query)."""
    return sorted(set(PerjanjianKinerja.objects.values_list("tahun", flat=True)), reverse=True)


def _kecamatan() -> list[Kecamatan]:
    return list(Kecamatan.objects.order_by("sintetis", "nama"))


def _status(tahun: list[int], kecamatan_id: list[int]) -> dict[tuple[int, int], Status]:
    return {
        (k, t): Status(s)
        for k, t, s in AlurLaporan.objects.filter(tahun__in=tahun, kecamatan_id__in=kecamatan_id).values_list(
            "kecamatan_id", "tahun", "status"
        )
    }


def _perubahan_terakhir(tahun: list[int], kecamatan_id: list[int]) -> dict[tuple[int, int], datetime]:
    """When the year's realisasi, PK targets, budget or workflow last changed (four queries,
    each one ``GROUP BY`` over a history table)."""
    sumber = [
        (
            Realisasi.history.model.objects,
            "indikator__sasaran__renstra__kecamatan_id",
            "tahun",
            "history_date",
        ),
        (
            TargetPerjanjian.history.model.objects,
            "perjanjian__kecamatan_id",
            "perjanjian__tahun",
            "history_date",
        ),
        (
            SubKegiatan.history.model.objects,
            "kegiatan__program__kecamatan_id",
            "kegiatan__program__tahun",
            "history_date",
        ),
        (RiwayatAlur.objects, "alur__kecamatan_id", "alur__tahun", "pada"),
    ]
    hasil: dict[tuple[int, int], datetime] = {}
    for manager, kolom_kecamatan, kolom_tahun, kolom_waktu in sumber:
        baris = (
            manager.filter(**{f"{kolom_tahun}__in": tahun, f"{kolom_kecamatan}__in": kecamatan_id})
            .values(kolom_kecamatan, kolom_tahun)
            .annotate(terakhir=Max(kolom_waktu))
            .order_by()
        )
        for b in baris:
            kunci = (b[kolom_kecamatan], b[kolom_tahun])
            if kunci not in hasil or b["terakhir"] > hasil[kunci]:
                hasil[kunci] = b["terakhir"]
    return hasil


# --- the dashboard ---------------------------------------------------------------------


@dataclass(frozen=True)
class BarisDasbor:
    kecamatan: Kecamatan
    tahun: int
    status: Status
    capaian: CapaianTahun | None
    alasan: str
    """Why there is no score (no PK for the year, no scale chosen); empty when scored."""
    anggaran: Jumlah | None
    perubahan_terakhir: datetime | None
    catatan_terbuka: int = 0
    """Review notes of the year not yet selesai (terbuka or ditanggapi)."""

    @property
    def ada_data(self) -> bool:
        return self.capaian is not None or self.anggaran is not None

    @property
    def jumlah_indikator(self) -> int:
        return 0 if self.capaian is None else len(self.capaian.baris)

    @property
    def jumlah_terisi(self) -> int:
        """Indicators with a realisasi entered (a value, or a reason it cannot be scored)."""
        if self.capaian is None:
            return 0
        return sum(b.hasil.status != scoring.Status.BELUM_DIISI for b in self.capaian.baris)

    @property
    def kelengkapan(self) -> Decimal | None:
        return persentase(Decimal(self.jumlah_terisi), Decimal(self.jumlah_indikator))

    @property
    def rata_rata(self) -> scoring.Ringkasan | None:
        return None if self.capaian is None else self.capaian.rata_rata

    @property
    def nilai_capaian(self) -> Decimal | None:
        return None if self.capaian is None else self.capaian.rata_rata.capaian

    @property
    def predikat(self) -> str | None:
        return None if self.capaian is None else self.capaian.rata_rata.predikat

    @property
    def nada(self) -> str:
        if self.capaian is None:
            return "nada-kosong"
        return nada_predikat(self.capaian.rata_rata.pita, self.capaian.skala.skala)

    @property
    def serapan(self) -> Decimal | None:
        return None if self.anggaran is None else self.anggaran.serapan

    @property
    def kode_pita(self) -> tuple[str, ...]:
        """The bands of the year's scale, best first (the predikat filter offers them)."""
        return () if self.capaian is None else tuple(p.kode for p in self.capaian.skala.skala.pita)


@dataclass(frozen=True)
class Dasbor:
    tahun: int
    baris: list
    """``BarisDasbor``, or any row with the attributes the filter and sort read (the web's
    cached rows: ``lkip.web.tabel_kabupaten``)."""
    jumlah_kecamatan: int
    pilihan_predikat: list[str]
    """The predikat that occur this year, best first, for the filter."""
    status: str = ""
    predikat: str = ""
    urut: str = "nama"
    turun: bool = False


def _kunci_urut(urut: str):
    """A sort key; a missing value sorts after every value, whatever the direction."""
    urutan_status = {s: i for i, s in enumerate(Status)}
    kunci = {
        "nama": lambda b: b.kecamatan.nama.lower(),
        "status": lambda b: urutan_status[b.status],
        "kelengkapan": lambda b: b.kelengkapan,
        "capaian": lambda b: b.nilai_capaian,
        "serapan": lambda b: b.serapan,
        "perubahan": lambda b: b.perubahan_terakhir,
        "catatan": lambda b: b.catatan_terbuka,
    }[urut]
    return kunci


def _urutkan(baris: list[BarisDasbor], urut: str, turun: bool) -> list[BarisDasbor]:
    kunci = _kunci_urut(urut)
    ada = sorted((b for b in baris if kunci(b) is not None), key=kunci, reverse=turun)
    return ada + [b for b in baris if kunci(b) is None]


def baris_dasbor(pasangan: list[tuple[Kecamatan, int]]) -> list[BarisDasbor]:
    """One row per (kecamatan, year) pair, in the given order (a fixed number of queries)."""
    tahun = sorted({t for _k, t in pasangan})
    kecamatan_id = sorted({k.pk for k, _t in pasangan})
    skor = capaian_banyak(pasangan)
    anggaran = jumlah_banyak(kecamatan_id=kecamatan_id, tahun=tahun)
    status = _status(tahun, kecamatan_id)
    perubahan = _perubahan_terakhir(tahun, kecamatan_id)
    catatan = catatan_terbuka_banyak(tahun, kecamatan_id)
    hasil = []
    for k, t in pasangan:
        c = skor[(k.pk, t)]
        hasil.append(
            BarisDasbor(
                kecamatan=k,
                tahun=t,
                status=status.get((k.pk, t), Status.DRAF),
                capaian=None if isinstance(c, DataTidakTersedia) else c,
                alasan=str(c) if isinstance(c, DataTidakTersedia) else "",
                anggaran=anggaran.get((k.pk, t)),
                perubahan_terakhir=perubahan.get((k.pk, t)),
                catatan_terbuka=catatan.get((k.pk, t), 0),
            )
        )
    return hasil


def dasbor(
    *, tahun: int, status: str = "", predikat: str = "", urut: str = "nama", turun: bool = False
) -> Dasbor:
    """Every kecamatan in the year (those without data too), filtered and sorted."""
    semua = baris_dasbor(pasangan_dasbor(tahun))
    return saring_dasbor(semua, tahun=tahun, status=status, predikat=predikat, urut=urut, turun=turun)


def pasangan_dasbor(tahun: int) -> list[tuple[Kecamatan, int]]:
    """The dashboard's rows: every kecamatan, in the year (one query)."""
    return [(k, tahun) for k in _kecamatan()]


def saring_dasbor(
    semua: list, *, tahun: int, status: str = "", predikat: str = "", urut: str = "nama", turun: bool = False
) -> Dasbor:
    """The dashboard of these rows (every kecamatan's, in name order), filtered and sorted."""
    pilihan = []
    for b in semua:
        for kode in b.kode_pita:
            if kode not in pilihan:
                pilihan.append(kode)
    baris = [
        b
        for b in semua
        if (not status or b.status == status)
        and (not predikat or (b.predikat or "") == predikat or (predikat == "-" and b.predikat is None))
    ]
    urut = urut if urut in URUTAN else "nama"
    return Dasbor(
        tahun=tahun,
        baris=_urutkan(baris, urut, turun),
        jumlah_kecamatan=len(semua),
        pilihan_predikat=pilihan,
        status=status,
        predikat=predikat,
        urut=urut,
        turun=turun,
    )


# --- the comparison matrix -------------------------------------------------------------


@dataclass(frozen=True)
class SelMatriks:
    katalog: IndikatorKabupaten
    baris: BarisCapaian | None
    """The kecamatan's indicator mapped onto the entry, scored; ``None``: not measured."""
    nada: str = "nada-kosong"

    @property
    def capaian(self) -> Decimal | None:
        return None if self.baris is None else self.baris.hasil.capaian_akhir

    @property
    def predikat(self) -> str | None:
        return None if self.baris is None else self.baris.hasil.predikat


@dataclass(frozen=True)
class BarisMatriks:
    kecamatan: Kecamatan
    tahun: int
    capaian: CapaianTahun | None
    alasan: str
    sel: list[SelMatriks]
    rata_rata: scoring.Ringkasan | None
    nada: str
    peringkat: int | None = None

    @property
    def skala_kode(self) -> str:
        return "" if self.capaian is None else self.capaian.skala.kode

    @property
    def skala_nama(self) -> str:
        return "" if self.capaian is None else self.capaian.skala.nama

    @property
    def nilai_peringkat(self) -> Decimal | None:
        """The row mean as shown, which ranks it; ``None``: unranked."""
        return None if self.rata_rata is None else self.rata_rata.capaian

    @property
    def nilai_kolom(self) -> tuple[Decimal | None, ...]:
        """Each column's capped capaian, for the column means."""
        return tuple(None if s.baris is None else s.baris.hasil.akhir for s in self.sel)


@dataclass(frozen=True)
class KolomMatriks:
    katalog: IndikatorKabupaten
    rata_rata: Decimal | None
    jumlah: int
    """How many kecamatan have a score for it."""


@dataclass(frozen=True)
class SkalaDipakai:
    kode: str
    nama: str
    kecamatan: list[str]

    @property
    def kecamatan_awal(self) -> list[str]:
        """The first few, for the warning; the rest is counted (``sisa``)."""
        return self.kecamatan[:6]

    @property
    def sisa(self) -> int:
        return max(len(self.kecamatan) - 6, 0)


@dataclass(frozen=True)
class Matriks:
    tahun: int | None
    """``None``: each kecamatan's latest year."""
    kolom: list[KolomMatriks]
    baris: list[BarisMatriks]
    skala: list[SkalaDipakai] = field(default_factory=list)
    jumlah_usulan: int = 0
    """Mappings still waiting for Bappeda's confirmation (not counted in the matrix)."""

    @property
    def skala_berbeda(self) -> bool:
        return len(self.skala) > 1


def _pasangan_terbaru(kecamatan: list[Kecamatan]) -> list[tuple[Kecamatan, int]]:
    """Each kecamatan's latest year that can be scored: a PK, and a scale chosen for the year."""
    terakhir = dict(
        PerjanjianKinerja.objects.filter(tahun__in=SkalaTahun.objects.values("tahun"))
        .values("kecamatan_id")
        .annotate(t=Max("tahun"))
        .values_list("kecamatan_id", "t")
    )
    return [(k, terakhir[k.pk]) for k in kecamatan if k.pk in terakhir]


def _sel(katalog: list[IndikatorKabupaten], c: CapaianTahun | None, peta: dict[int, int]) -> list[SelMatriks]:
    per_katalog: dict[int, BarisCapaian] = {}
    if c is not None:
        for b in c.baris:
            kode = peta.get(b.indikator.pk)
            # Two indicators of one PK on the same entry: the first in the PK's order counts.
            if kode is not None and kode not in per_katalog:
                per_katalog[kode] = b
    hasil = []
    for k in katalog:
        b = per_katalog.get(k.pk)
        nada = "nada-kosong" if b is None or c is None else nada_predikat(b.hasil.pita, c.skala.skala)
        hasil.append(SelMatriks(katalog=k, baris=b, nada=nada))
    return hasil


def pasangan_matriks(tahun: int | None) -> list[tuple[Kecamatan, int]]:
    """The matrix's rows: every kecamatan in the year, or (``None``) each in its latest year
    that can be scored (one or two queries)."""
    kecamatan = _kecamatan()
    return [(k, tahun) for k in kecamatan] if tahun is not None else _pasangan_terbaru(kecamatan)


def katalog_matriks() -> list[IndikatorKabupaten]:
    """The matrix's columns, in the catalogue's order (one query)."""
    return list(IndikatorKabupaten.objects.order_by("urutan", "kode"))


def baris_matriks(
    pasangan: list[tuple[Kecamatan, int]], katalog: list[IndikatorKabupaten]
) -> list[BarisMatriks]:
    """The rows of these pairs, unranked, in the given order (a fixed number of queries)."""
    skor = capaian_banyak(pasangan)
    peta = dict(
        PemetaanIndikator.objects.filter(
            status=StatusPemetaan.DIKONFIRMASI,
            indikator__sasaran__renstra__kecamatan_id__in={k.pk for k, _t in pasangan},
        ).values_list("indikator_id", "katalog_id")
    )
    baris = []
    for k, t in pasangan:
        c = skor[(k.pk, t)]
        c = None if isinstance(c, DataTidakTersedia) else c
        sel = _sel(katalog, c, peta)
        rata = (
            None
            if c is None
            else scoring.rata_rata([s.baris.hasil.akhir for s in sel if s.baris], c.skala.skala)
        )
        if rata is not None and rata.akhir is None:
            rata = None
        nada = "nada-kosong" if rata is None or c is None else nada_predikat(rata.pita, c.skala.skala)
        alasan = str(skor[(k.pk, t)]) if c is None else ""
        baris.append(
            BarisMatriks(kecamatan=k, tahun=t, capaian=c, alasan=alasan, sel=sel, rata_rata=rata, nada=nada)
        )
    return baris


def jumlah_usulan() -> int:
    """Mappings still waiting for Bappeda's confirmation (one query)."""
    return PemetaanIndikator.objects.filter(status=StatusPemetaan.USULAN).count()


def susun_matriks(
    *, tahun: int | None, katalog: list[IndikatorKabupaten], baris: list, jumlah_usulan: int
) -> Matriks:
    """The matrix of these rows: ranked, with the column means and the scales in use. A row is
    a ``BarisMatriks`` or anything with its ``nilai_peringkat``, ``nilai_kolom``, ``skala_kode``
    and ``skala_nama`` (the web's cached rows)."""
    return Matriks(
        tahun=tahun,
        kolom=_kolom(katalog, baris),
        baris=_peringkat(baris),
        skala=_skala_dipakai(baris),
        jumlah_usulan=jumlah_usulan,
    )


def matriks(*, tahun: int | None) -> Matriks:
    """Kecamatan × catalogue indicators (confirmed mappings only), ranked by the row mean of the
    capped capaian; rows without any score last, unranked."""
    katalog = katalog_matriks()
    baris = baris_matriks(pasangan_matriks(tahun), katalog)
    return susun_matriks(tahun=tahun, katalog=katalog, baris=baris, jumlah_usulan=jumlah_usulan())


def _kolom(katalog: list[IndikatorKabupaten], baris: list) -> list[KolomMatriks]:
    hasil = []
    for i, k in enumerate(katalog):
        nilai = [b.nilai_kolom[i] for b in baris if b.nilai_kolom[i] is not None]
        rerata = None if not nilai else bulatkan(sum(nilai, Decimal("0")) / len(nilai))
        hasil.append(KolomMatriks(katalog=k, rata_rata=rerata, jumlah=len(nilai)))
    return hasil


def _peringkat(baris: list) -> list:
    """Competition ranking (1, 2, 2, 4) by the row mean as shown (two decimals)."""
    dinilai = sorted((b for b in baris if b.nilai_peringkat is not None), key=lambda b: -b.nilai_peringkat)
    hasil, sebelumnya, peringkat = [], None, 0
    for i, b in enumerate(dinilai, start=1):
        if b.nilai_peringkat != sebelumnya:
            peringkat, sebelumnya = i, b.nilai_peringkat
        hasil.append(replace(b, peringkat=peringkat))
    return hasil + [b for b in baris if b.nilai_peringkat is None]


def _skala_dipakai(baris: list) -> list[SkalaDipakai]:
    per_kode: dict[str, SkalaDipakai] = {}
    for b in baris:
        if not b.skala_kode:
            continue
        per_kode.setdefault(b.skala_kode, SkalaDipakai(kode=b.skala_kode, nama=b.skala_nama, kecamatan=[]))
        per_kode[b.skala_kode].kecamatan.append(f"{b.kecamatan.nama} {b.tahun}")
    return list(per_kode.values())


# --- the trend -------------------------------------------------------------------------


@dataclass(frozen=True)
class TitikTren:
    tahun: int
    capaian: Decimal | None
    serapan: Decimal | None
    jumlah_kecamatan: int


def _tahun_renstra(kecamatan: Kecamatan | None) -> list[int]:
    """The years of the kecamatan's Renstra periods, or of every kecamatan's (one query)."""
    renstra = Renstra.objects.all() if kecamatan is None else Renstra.objects.filter(kecamatan=kecamatan)
    tahun = set()
    for awal, akhir in renstra.values_list("tahun_awal", "tahun_akhir").distinct():
        tahun.update(range(awal, akhir + 1))
    return sorted(tahun)


def tren(*, kecamatan: Kecamatan | None) -> list[TitikTren]:
    """Mean capaian and serapan per Renstra year, for one kecamatan or the whole kabupaten
    (the mean of the kecamatan's means, and all budget realised over all pagu)."""
    daftar = [kecamatan] if kecamatan is not None else _kecamatan()
    tahun = _tahun_renstra(kecamatan)
    baris = baris_dasbor([(k, t) for t in tahun for k in daftar])
    titik = []
    for t in tahun:
        pada = [b for b in baris if b.tahun == t]
        rata = [b.rata_rata.akhir for b in pada if b.rata_rata is not None and b.rata_rata.akhir is not None]
        anggaran = [b.anggaran for b in pada if b.anggaran is not None]
        lengkap = anggaran and all(a.realisasi is not None for a in anggaran)
        serapan = (
            persentase(
                sum((a.realisasi for a in anggaran), Decimal("0")),
                sum((a.pagu for a in anggaran), Decimal("0")),
            )
            if lengkap
            else None
        )
        titik.append(
            TitikTren(
                tahun=t,
                capaian=None if not rata else bulatkan(sum(rata, Decimal("0")) / len(rata)),
                serapan=None if serapan is None else bulatkan(serapan),
                jumlah_kecamatan=len(rata),
            )
        )
    if kecamatan is None:
        # Every kecamatan's Renstra together spans more years than any one has data for.
        ada = [i for i, x in enumerate(titik) if x.capaian is not None or x.serapan is not None]
        titik = titik[ada[0] : ada[-1] + 1] if ada else []
    return titik
