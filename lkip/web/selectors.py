"""Data for the pages, fully fetched so a template never triggers a query.

Each function runs a fixed number of queries whatever the number of indicators, quarters,
evidence files or budget rows.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from anggaran.models import SubKegiatan
from capaian import scoring
from capaian.models import Bukti, KonversiHuruf, Realisasi
from capaian.selectors import (
    BarisCapaian,
    CapaianSasaran,
    CapaianTahun,
    DataTidakTersedia,
    capaian_tahun,
    skala_tahun,
)
from kecamatan import alur
from kecamatan.models import AlurLaporan, Kecamatan, PengesahanData, ProfilKecamatan, RiwayatAlur
from perencanaan.models import Indikator, PerjanjianKinerja, TargetPerjanjian

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


@dataclass(frozen=True)
class BarisBeranda:
    capaian: BarisCapaian
    nada: str
    jumlah_bukti: int
    ada_analisis: bool
    url: str

    @property
    def keterangan(self) -> str:
        """The predikat, or why there is none («Belum diisi», «Tidak berlaku tahun ini»)."""
        hasil = self.capaian.hasil
        return hasil.predikat or str(dict(Realisasi.Status.choices)[hasil.status.value])


@dataclass(frozen=True)
class KelompokSasaran:
    sasaran: CapaianSasaran
    nada: str
    baris: list[BarisBeranda]


@dataclass(frozen=True)
class Kelengkapan:
    label: str
    terisi: int
    total: int

    @property
    def is_lengkap(self) -> bool:
        return self.total > 0 and self.terisi >= self.total

    @property
    def persen(self) -> int:
        return 0 if self.total == 0 else round(self.terisi * 100 / self.total)


@dataclass(frozen=True)
class Kekurangan:
    teks: str
    url: str


@dataclass(frozen=True)
class BerandaTahun:
    kecamatan: Kecamatan
    tahun: int
    tahun_tersedia: list[int]
    capaian: CapaianTahun | None
    galat: str
    baris: list[BarisBeranda]
    kelompok: list[KelompokSasaran]
    nada_keseluruhan: str
    kelengkapan: list[Kelengkapan]
    kekurangan: list[Kekurangan]
    pengesahan: PengesahanData | None = None
    berubah_setelah_disahkan: bool = False

    @property
    def persen_lengkap(self) -> int:
        terisi = sum(k.terisi for k in self.kelengkapan)
        total = sum(k.total for k in self.kelengkapan)
        return 0 if total == 0 else round(terisi * 100 / total)


def tahun_tersedia(kecamatan: Kecamatan) -> list[int]:
    """Years with a Perjanjian Kinerja or a profile (one query)."""
    tahun = set(
        PerjanjianKinerja.objects.filter(kecamatan=kecamatan).values_list("tahun", flat=True).distinct()
    )
    tahun |= set(
        ProfilKecamatan.objects.filter(kecamatan=kecamatan).values_list("tahun", flat=True).distinct()
    )
    return sorted(tahun)


def tahun_terbaru(kecamatan: Kecamatan) -> int | None:
    tahun = tahun_tersedia(kecamatan)
    return tahun[-1] if tahun else None


def _url(nama: str, kecamatan: Kecamatan, tahun: int, **kwargs) -> str:
    return reverse(f"web:{nama}", kwargs={"slug": kecamatan.slug, "tahun": tahun, **kwargs})


def beranda_tahun(*, kecamatan: Kecamatan, tahun: int) -> BerandaTahun:
    """The year's home page: completeness, each indicator's capaian and predikat, what is missing."""
    try:
        data: CapaianTahun | None = capaian_tahun(kecamatan=kecamatan, tahun=tahun)
        galat = ""
    except DataTidakTersedia as exc:
        data, galat = None, str(exc)

    baris: list[BarisBeranda] = []
    kekurangan: list[Kekurangan] = []
    kelengkapan: list[Kelengkapan] = []
    if data is not None:
        realisasi_id = [b.realisasi_obj.pk for b in data.baris if b.realisasi_obj is not None]
        bukti = dict(
            Bukti.objects.filter(realisasi_id__in=realisasi_id)
            .values("realisasi_id")
            .annotate(n=Count("pk"))
            .values_list("realisasi_id", "n")
        )
        for b in data.baris:
            r = b.realisasi_obj
            jumlah_bukti = 0 if r is None else bukti.get(r.pk, 0)
            ada_analisis = r is not None and bool(r.faktor_keberhasilan.strip() or r.hambatan.strip())
            url = _url("realisasi", kecamatan, tahun, indikator_id=b.indikator.pk)
            baris.append(
                BarisBeranda(
                    capaian=b,
                    nada=nada_predikat(b.hasil.pita, data.skala.skala),
                    jumlah_bukti=jumlah_bukti,
                    ada_analisis=ada_analisis,
                    url=url,
                )
            )
            if b.target is None:
                kekurangan.append(
                    Kekurangan(
                        _("Target PK %(kode)s belum diisi") % {"kode": b.indikator.kode},
                        _url("perjanjian", kecamatan, tahun),
                    )
                )
            if b.hasil.status == scoring.Status.BELUM_DIISI:
                kekurangan.append(
                    Kekurangan(_("Realisasi %(kode)s belum diisi") % {"kode": b.indikator.kode}, url)
                )
            elif b.hasil.status == scoring.Status.TERISI and jumlah_bukti == 0:
                kekurangan.append(
                    Kekurangan(_("Bukti dukung %(kode)s belum ada") % {"kode": b.indikator.kode}, url)
                )
            if b.hasil.status == scoring.Status.TERISI and not ada_analisis:
                kekurangan.append(
                    Kekurangan(_("Analisis %(kode)s belum ditulis") % {"kode": b.indikator.kode}, url)
                )
        total = len(data.baris)
        kelengkapan += [
            Kelengkapan(_("Target PK"), sum(b.target is not None for b in data.baris), total),
            Kelengkapan(
                _("Realisasi"), sum(b.hasil.status != scoring.Status.BELUM_DIISI for b in data.baris), total
            ),
            Kelengkapan(_("Bukti dukung"), sum(x.jumlah_bukti > 0 for x in baris), total),
            Kelengkapan(_("Analisis"), sum(x.ada_analisis for x in baris), total),
        ]
    else:
        kekurangan.append(Kekurangan(galat, _url("perjanjian", kecamatan, tahun)))

    ada_profil = ProfilKecamatan.objects.filter(kecamatan=kecamatan, tahun=tahun).exists()
    kelengkapan.insert(0, Kelengkapan(_("Profil"), int(ada_profil), 1))
    if not ada_profil:
        kekurangan.insert(
            0, Kekurangan(_("Profil kecamatan tahun ini belum diisi"), _url("profil", kecamatan, tahun))
        )
    anggaran = SubKegiatan.objects.for_kecamatan_tahun(kecamatan.pk, tahun).aggregate(
        total=Count("pk"), terisi=Count("pk", filter=Q(realisasi__isnull=False))
    )
    kelengkapan.append(Kelengkapan(_("Realisasi anggaran"), anggaran["terisi"], anggaran["total"]))
    if anggaran["total"] == 0:
        kekurangan.append(Kekurangan(_("Anggaran tahun ini belum diisi"), _url("anggaran", kecamatan, tahun)))
    elif anggaran["terisi"] < anggaran["total"]:
        kekurangan.append(
            Kekurangan(
                _("Realisasi anggaran %(n)s sub kegiatan belum diisi")
                % {"n": anggaran["total"] - anggaran["terisi"]},
                _url("anggaran", kecamatan, tahun),
            )
        )
    pengesahan = PengesahanData.objects.filter(kecamatan=kecamatan, tahun=tahun).first()
    berubah = (
        pengesahan is not None
        and Realisasi.objects.for_kecamatan(kecamatan.pk)
        .for_tahun(tahun)
        .filter(diperbarui__gt=pengesahan.disahkan_pada)
        .exists()
    )
    return BerandaTahun(
        pengesahan=pengesahan,
        berubah_setelah_disahkan=berubah,
        kecamatan=kecamatan,
        tahun=tahun,
        tahun_tersedia=tahun_tersedia(kecamatan),
        capaian=data,
        galat=galat,
        baris=baris,
        kelompok=[]
        if data is None
        else [
            KelompokSasaran(
                sasaran=s,
                nada=nada_predikat(s.ringkasan.pita, data.skala.skala),
                baris=[x for x in baris if x.capaian.sasaran.pk == s.sasaran.pk],
            )
            for s in data.sasaran
        ],
        nada_keseluruhan="nada-kosong"
        if data is None
        else nada_predikat(data.rata_rata.pita, data.skala.skala),
        kelengkapan=kelengkapan,
        kekurangan=kekurangan,
    )


# --- one indicator's realisasi --------------------------------------------------------


@dataclass(frozen=True)
class HalamanRealisasi:
    kecamatan: Kecamatan
    tahun: int
    indikator: Indikator
    target: scoring.Nilai | None
    realisasi: Realisasi | None
    triwulan: dict[int, Decimal]
    bukti: list[Bukti]
    skala: scoring.Skala
    konversi: Mapping[str, Decimal]


def target_perjanjian(*, kecamatan: Kecamatan, tahun: int, indikator: Indikator) -> scoring.Nilai | None:
    perjanjian = PerjanjianKinerja.objects.berlaku(kecamatan, tahun)
    t = (
        None
        if perjanjian is None
        else TargetPerjanjian.objects.filter(perjanjian=perjanjian, indikator=indikator).first()
    )
    return None if t is None else scoring.nilai_opsional(t.angka, t.huruf)


def indikator_kecamatan(*, kecamatan: Kecamatan, indikator_id: int) -> Indikator | None:
    """The indicator if it belongs to the kecamatan; ``None`` otherwise (the caller answers 404)."""
    return (
        Indikator.objects.select_related("sasaran__renstra")
        .filter(pk=indikator_id, sasaran__renstra__kecamatan=kecamatan)
        .first()
    )


def halaman_realisasi(*, kecamatan: Kecamatan, tahun: int, indikator: Indikator) -> HalamanRealisasi:
    realisasi = (
        Realisasi.objects.filter(indikator=indikator, tahun=tahun)
        .prefetch_related("triwulan", Prefetch("bukti", queryset=Bukti.objects.order_by("diunggah")))
        .first()
    )
    return HalamanRealisasi(
        kecamatan=kecamatan,
        tahun=tahun,
        indikator=indikator,
        target=target_perjanjian(kecamatan=kecamatan, tahun=tahun, indikator=indikator),
        realisasi=realisasi,
        triwulan={} if realisasi is None else {t.triwulan: t.angka for t in realisasi.triwulan.all()},
        bukti=[] if realisasi is None else list(realisasi.bukti.all()),
        skala=skala_tahun(tahun).skala,
        konversi=KonversiHuruf.sebagai_peta(),
    )


@dataclass(frozen=True)
class Pratinjau:
    hasil: scoring.HasilCapaian
    realisasi_tahunan: scoring.Nilai | None
    nada: str


def pratinjau_capaian(
    *,
    indikator: Indikator,
    target: scoring.Nilai | None,
    skala: scoring.Skala,
    konversi: Mapping[str, Decimal],
    status: str,
    nilai: scoring.Nilai | None,
    triwulan: dict[int, Decimal | None],
    alasan: str = "",
) -> Pratinjau:
    """What the scoring service makes of a realisasi as typed, before it is saved."""
    realisasi = scoring.realisasi_berlaku(nilai, triwulan, scoring.AturanTriwulan(indikator.aturan_triwulan))
    hasil = scoring.hitung_capaian(
        scoring.Pengukuran(
            target=target,
            realisasi=realisasi,
            polaritas=scoring.Polaritas(indikator.polaritas),
            status=scoring.Status(status) if status else None,
            alasan=alasan,
        ),
        skala,
        konversi,
    )
    return Pratinjau(hasil=hasil, realisasi_tahunan=realisasi, nada=nada_predikat(hasil.pita, skala))


@dataclass(frozen=True)
class DaftarKecamatan:
    baris: list[tuple[Kecamatan, list[int]]]


def daftar_kecamatan() -> DaftarKecamatan:
    """Every kecamatan with the years it has data for (two queries)."""
    tahun: dict[int, set[int]] = {}
    for kecamatan_id, t in PerjanjianKinerja.objects.values_list("kecamatan_id", "tahun").distinct():
        tahun.setdefault(kecamatan_id, set()).add(t)
    return DaftarKecamatan(
        baris=[(k, sorted(tahun.get(k.pk, set()))) for k in Kecamatan.objects.order_by("nama")]
    )


# --- Perjanjian Kinerja ---------------------------------------------------------------


@dataclass(frozen=True)
class HalamanPerjanjian:
    versi: list[PerjanjianKinerja]
    berlaku: PerjanjianKinerja | None


def halaman_perjanjian(*, kecamatan: Kecamatan, tahun: int) -> HalamanPerjanjian:
    """Every version of the year's PK; the one in force with its targets and program budget."""
    target = TargetPerjanjian.objects.select_related("indikator__sasaran").order_by("urutan", "pk")
    versi = list(
        PerjanjianKinerja.objects.filter(kecamatan=kecamatan, tahun=tahun)
        .order_by("versi")
        .prefetch_related(Prefetch("target", queryset=target), "anggaran")
    )
    return HalamanPerjanjian(versi=versi, berlaku=versi[-1] if versi else None)


@dataclass(frozen=True)
class TombolAlur:
    aksi: str
    label: str
    catatan_wajib: str  # what the note is called when the action needs one, else ""


@dataclass(frozen=True)
class AlurTahun:
    """The year's place in the review workflow, its history and what this user may do next."""

    status: str
    status_label: str
    versi: int
    terkunci: bool
    riwayat: list[RiwayatAlur]
    tombol: list[TombolAlur]


def alur_tahun(*, kecamatan: Kecamatan, tahun: int, peran: str) -> AlurTahun:
    """Two queries: the workflow row and its transitions, newest first. The buttons come from
    the state machine's table (``kecamatan.alur``), never from the template."""
    baris = AlurLaporan.objects.filter(kecamatan=kecamatan, tahun=tahun).first()
    status = alur.Status(baris.status if baris else alur.Status.DRAF)
    riwayat = [] if baris is None else list(baris.riwayat.order_by("-pada", "-pk"))
    return AlurTahun(
        status=status.value,
        status_label=status.label,
        versi=baris.versi if baris else 1,
        terkunci=status in alur.STATUS_TERKUNCI,
        riwayat=riwayat,
        tombol=[
            TombolAlur(
                aksi=a.value, label=str(alur.LABEL_AKSI[a]), catatan_wajib=str(alur.CATATAN_WAJIB.get(a, ""))
            )
            for a in alur.aksi_tersedia(status, peran)
        ],
    )
