"""Data for the pages, fully fetched so a template never triggers a query.

Each function runs a fixed number of queries whatever the number of indicators, quarters,
evidence files or budget rows.
"""

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.utils.translation import ngettext

from anggaran.models import IndikatorKegiatan, IndikatorProgram, Kegiatan, Keluaran, Program, SubKegiatan
from capaian import scoring
from capaian.models import Bukti, KonversiHuruf, Realisasi, RealisasiTriwulan
from capaian.selectors import (
    BarisCapaian,
    CapaianSasaran,
    CapaianTahun,
    DataTidakTersedia,
    capaian_tahun,
    nada_predikat,
    sifat_nilai,
    skala_tahun,
)
from kecamatan import alur
from kecamatan.models import (
    AlurLaporan,
    Desa,
    Inovasi,
    Kecamatan,
    KomposisiPegawai,
    Pejabat,
    PengesahanData,
    Penghargaan,
    ProfilKecamatan,
    RiwayatAlur,
    SaranaPrasarana,
    UnitOrganisasi,
)
from lkip.accounts.models import Peran
from lkip.laporan.models import NarasiLaporan
from perencanaan.models import (
    AnggaranPerjanjian,
    Indikator,
    IndikatorTujuan,
    PenetapanIku,
    PerjanjianKinerja,
    RencanaKinerjaTahunan,
    Renstra,
    Sasaran,
    TargetPerjanjian,
    TargetRenstra,
    TargetRkt,
    TargetTujuan,
    Tujuan,
)
from reviu.models import CatatanReviu
from reviu.services import PERAN_PENINJAU
from umum.angka import bulatkan

if TYPE_CHECKING:
    from lkip.laporan.periksa import DataPeriksa


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
    #: The parts of the report changed since the sign-off (empty when none or not signed).
    berubah_setelah_disahkan: list["BagianBerubah"] = field(default_factory=list)

    @property
    def tahun_berikut(self) -> int | None:
        """The year «Mulai tahun» offers: the one after the latest year with data."""
        return self.tahun + 1 if self.tahun_tersedia and self.tahun == self.tahun_tersedia[-1] else None

    @property
    def persen_lengkap(self) -> int:
        terisi = sum(k.terisi for k in self.kelengkapan)
        total = sum(k.total for k in self.kelengkapan)
        return 0 if total == 0 else round(terisi * 100 / total)


def tahun_tersedia(kecamatan: Kecamatan) -> list[int]:
    """Years with a Perjanjian Kinerja or a profile (one query: a UNION, which drops repeats)."""
    perjanjian = (
        PerjanjianKinerja.objects.filter(kecamatan=kecamatan).order_by().values_list("tahun", flat=True)
    )
    profil = ProfilKecamatan.objects.filter(kecamatan=kecamatan).order_by().values_list("tahun", flat=True)
    return sorted(perjanjian.union(profil))


def tahun_terbaru(kecamatan: Kecamatan) -> int | None:
    tahun = tahun_tersedia(kecamatan)
    return tahun[-1] if tahun else None


def _url(nama: str, kecamatan: Kecamatan, tahun: int, **kwargs) -> str:
    return reverse(f"web:{nama}", kwargs={"slug": kecamatan.slug, "tahun": tahun, **kwargs})


def beranda_tahun(
    *, kecamatan: Kecamatan, tahun: int, data_periksa: "DataPeriksa | None" = None
) -> BerandaTahun:
    """The year's home page: completeness, each indicator's capaian and predikat, what is missing.
    The page also runs the consistency check, whose data (``lkip.laporan.periksa.ambil``) already
    holds the scores, the evidence counts, the profile and the sub kegiatan: given as
    ``data_periksa``, they are not read a second time."""
    if data_periksa is not None:
        data, galat = data_periksa.capaian, data_periksa.alasan_tanpa_capaian
    else:
        try:
            data, galat = capaian_tahun(kecamatan=kecamatan, tahun=tahun), ""
        except DataTidakTersedia as exc:
            data, galat = None, str(exc)

    baris: list[BarisBeranda] = []
    kekurangan: list[Kekurangan] = []
    kelengkapan: list[Kelengkapan] = []
    if data is not None:
        if data_periksa is not None:
            bukti = data_periksa.jumlah_bukti
        else:
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

    if data_periksa is not None:
        ada_profil = data_periksa.profil is not None
    else:
        ada_profil = ProfilKecamatan.objects.filter(kecamatan=kecamatan, tahun=tahun).exists()
    kelengkapan.insert(0, Kelengkapan(_("Profil"), int(ada_profil), 1))
    if not ada_profil:
        kekurangan.insert(
            0, Kekurangan(_("Profil kecamatan tahun ini belum diisi"), _url("profil", kecamatan, tahun))
        )
    if data_periksa is not None:
        sub = data_periksa.sub_kegiatan
        anggaran = {
            "total": len(sub),
            "terisi": sum(s.realisasi is not None for s in sub),
            "tanpa_pagu": sum(s.pagu is None for s in sub),
        }
    else:
        anggaran = SubKegiatan.objects.for_kecamatan_tahun(kecamatan.pk, tahun).aggregate(
            total=Count("pk"),
            terisi=Count("pk", filter=Q(realisasi__isnull=False)),
            tanpa_pagu=Count("pk", filter=Q(pagu__isnull=True)),
        )
    kelengkapan.append(Kelengkapan(_("Realisasi anggaran"), anggaran["terisi"], anggaran["total"]))
    if anggaran["total"] == 0:
        kekurangan.append(Kekurangan(_("Anggaran tahun ini belum diisi"), _url("anggaran", kecamatan, tahun)))
    if anggaran["tanpa_pagu"]:
        kekurangan.append(
            Kekurangan(
                _("Pagu %(n)s sub kegiatan belum diisi") % {"n": anggaran["tanpa_pagu"]},
                _url("anggaran", kecamatan, tahun),
            )
        )
    if anggaran["terisi"] < anggaran["total"]:
        kekurangan.append(
            Kekurangan(
                _("Realisasi anggaran %(n)s sub kegiatan belum diisi")
                % {"n": anggaran["total"] - anggaran["terisi"]},
                _url("anggaran", kecamatan, tahun),
            )
        )
    pengesahan = (
        PengesahanData.objects.select_related("kecamatan").filter(kecamatan=kecamatan, tahun=tahun).first()
    )
    return BerandaTahun(
        pengesahan=pengesahan,
        berubah_setelah_disahkan=berubah_sejak_pengesahan(pengesahan),
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
        else TargetPerjanjian.objects.filter(perjanjian=perjanjian, indikator=indikator)
        .order_by("urutan")
        .first()
    )
    return None if t is None else scoring.nilai_opsional(t.angka, t.huruf)


def indikator_kecamatan(*, kecamatan: Kecamatan, indikator_id: int) -> Indikator | None:
    """The indicator if it belongs to the kecamatan; ``None`` otherwise (the caller answers 404)."""
    return (
        Indikator.objects.select_related("sasaran__renstra")
        .filter(pk=indikator_id, sasaran__renstra__kecamatan=kecamatan)
        .order_by()
        .first()
    )


def halaman_realisasi(*, kecamatan: Kecamatan, tahun: int, indikator: Indikator) -> HalamanRealisasi:
    # One row, and its quarters and evidence in their own order: the models' default order
    # would join up to the sasaran only to sort.
    realisasi = (
        Realisasi.objects.filter(indikator=indikator, tahun=tahun)
        .order_by()
        .prefetch_related(
            Prefetch("triwulan", queryset=RealisasiTriwulan.objects.order_by("triwulan")),
            Prefetch("bukti", queryset=Bukti.objects.order_by("diunggah")),
        )
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
    """The value scored: the yearly value as typed, else the quarters' roll-up."""
    nada: str

    @property
    def rekap_triwulan(self) -> Decimal | None:
        """The quarters' roll-up to the stored precision (an average can run on forever)."""
        rekap = self.hasil.rekap_triwulan
        return None if rekap is None else bulatkan(rekap, 4)

    @property
    def temuan(self) -> tuple[scoring.Temuan, ...]:
        return self.hasil.temuan


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
    hasil = scoring.hitung_capaian(
        scoring.Pengukuran(
            target=target,
            realisasi=nilai,
            polaritas=scoring.Polaritas(indikator.polaritas),
            status=scoring.Status(status) if status else None,
            alasan=alasan,
            triwulan=triwulan,
            aturan=scoring.AturanTriwulan(indikator.aturan_triwulan),
            sifat=sifat_nilai(indikator),
        ),
        skala,
        konversi,
    )
    return Pratinjau(hasil=hasil, realisasi_tahunan=hasil.realisasi, nada=nada_predikat(hasil.pita, skala))


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


# --- the Camat's sign-off: what the report prints, fingerprinted per part ---------------

#: Fields that change on every save without the data changing.
_BUKAN_ISI = {"diperbarui"}


@dataclass(frozen=True)
class BagianLaporan:
    """A part of what the report prints, with the rows it is made of (one query each)."""

    kode: str
    label: str
    halaman: str  # the URL name of the page where it is edited
    sumber: tuple  # callables (kecamatan, tahun) → QuerySet


def _renstra_tahun(k: Kecamatan, t: int):
    return Renstra.objects.filter(kecamatan=k, tahun_awal__lte=t, tahun_akhir__gte=t)


def _profil(model):
    return lambda k, t: model.objects.filter(profil__kecamatan=k, profil__tahun=t)


BAGIAN_LAPORAN: tuple[BagianLaporan, ...] = (
    BagianLaporan("profil", _l("Profil kecamatan"), "profil", (
        lambda k, t: Kecamatan.objects.filter(pk=k.pk),
        lambda k, t: ProfilKecamatan.objects.filter(kecamatan=k, tahun=t),
    )),
    BagianLaporan("desa", _l("Desa dan kelurahan"), "profil_desa", (_profil(Desa),)),
    BagianLaporan("pegawai", _l("Komposisi pegawai"), "profil_pegawai", (_profil(KomposisiPegawai),)),
    BagianLaporan("sarana", _l("Sarana dan prasarana"), "profil_sarana", (_profil(SaranaPrasarana),)),
    BagianLaporan("pejabat", _l("Pejabat"), "profil_pejabat", (_profil(Pejabat),)),
    BagianLaporan("organisasi", _l("Susunan organisasi"), "profil_organisasi", (_profil(UnitOrganisasi),)),
    BagianLaporan("inovasi", _l("Inovasi"), "profil_inovasi", (_profil(Inovasi),)),
    BagianLaporan("penghargaan", _l("Penghargaan"), "profil_penghargaan", (_profil(Penghargaan),)),
    BagianLaporan("renstra", _l("Renstra: tujuan, sasaran, indikator dan target"), "renstra", (
        _renstra_tahun,
        lambda k, t: Tujuan.objects.filter(renstra__in=_renstra_tahun(k, t)),
        lambda k, t: IndikatorTujuan.objects.filter(tujuan__renstra__in=_renstra_tahun(k, t)),
        lambda k, t: Sasaran.objects.filter(renstra__in=_renstra_tahun(k, t)),
        lambda k, t: Indikator.objects.filter(sasaran__renstra__in=_renstra_tahun(k, t)),
        lambda k, t: TargetRenstra.objects.filter(indikator__sasaran__renstra__in=_renstra_tahun(k, t)),
        lambda k, t: TargetTujuan.objects.filter(indikator__tujuan__renstra__in=_renstra_tahun(k, t)),
        lambda k, t: PenetapanIku.objects.filter(kecamatan=k, tahun=t),
    )),
    BagianLaporan("rkt", _l("RKT"), "rkt", (
        lambda k, t: RencanaKinerjaTahunan.objects.filter(kecamatan=k, tahun=t),
        lambda k, t: TargetRkt.objects.filter(rkt__kecamatan=k, rkt__tahun=t),
    )),
    BagianLaporan("perjanjian", _l("Perjanjian Kinerja: penandatangan, target dan anggaran"), "perjanjian", (
        lambda k, t: PerjanjianKinerja.objects.filter(kecamatan=k, tahun=t),
        lambda k, t: TargetPerjanjian.objects.filter(perjanjian__kecamatan=k, perjanjian__tahun=t),
        lambda k, t: AnggaranPerjanjian.objects.filter(perjanjian__kecamatan=k, perjanjian__tahun=t),
    )),
    BagianLaporan("realisasi", _l("Realisasi dan analisis indikator"), "tahun", (
        lambda k, t: Realisasi.objects.filter(indikator__sasaran__renstra__in=_renstra_tahun(k, t)),
        lambda k, t: RealisasiTriwulan.objects.filter(
            realisasi__indikator__sasaran__renstra__in=_renstra_tahun(k, t)
        ),
    )),
    BagianLaporan("anggaran", _l("Anggaran: indikator, pagu, realisasi dan keluaran"), "anggaran", (
        lambda k, t: Program.objects.filter(kecamatan=k, tahun=t),
        lambda k, t: Kegiatan.objects.filter(program__kecamatan=k, program__tahun=t),
        lambda k, t: IndikatorProgram.objects.filter(program__kecamatan=k, program__tahun=t),
        lambda k, t: IndikatorKegiatan.objects.filter(
            kegiatan__program__kecamatan=k, kegiatan__program__tahun=t
        ),
        lambda k, t: SubKegiatan.objects.for_kecamatan_tahun(k.pk, t),
        lambda k, t: Keluaran.objects.filter(
            sub_kegiatan__kegiatan__program__kecamatan=k, sub_kegiatan__kegiatan__program__tahun=t
        ),
    )),
    BagianLaporan("narasi", _l("Narasi laporan"), "narasi", (
        lambda k, t: NarasiLaporan.objects.filter(kecamatan=k, tahun=t),
    )),
)  # fmt: skip


def _sidik_baris(queryset) -> list[str]:
    kolom = [f.attname for f in queryset.model._meta.concrete_fields if f.attname not in _BUKAN_ISI]
    return [repr([str(v) for v in baris]) for baris in queryset.order_by("pk").values_list(*kolom)]


def sidik_laporan(*, kecamatan: Kecamatan, tahun: int) -> dict[str, str]:
    """A digest per part of the report of everything it prints from the database, in a fixed
    number of queries (one per table); a part whose digest differs has changed."""
    hasil = {}
    for bagian in BAGIAN_LAPORAN:
        isi = [_sidik_baris(sumber(kecamatan, tahun)) for sumber in bagian.sumber]
        hasil[bagian.kode] = hashlib.sha256(repr(isi).encode()).hexdigest()[:20]
    return hasil


@dataclass(frozen=True)
class BagianBerubah:
    label: str
    url: str


def berubah_sejak_pengesahan(pengesahan: PengesahanData | None) -> list[BagianBerubah]:
    """The parts of the report changed since the Camat signed off (none without a sign-off).
    A sign-off recorded before parts were fingerprinted compares realisasi by time only."""
    if pengesahan is None:
        return []
    kecamatan, tahun = pengesahan.kecamatan, pengesahan.tahun
    if not pengesahan.sidik:
        berubah = (
            Realisasi.objects.for_kecamatan(kecamatan.pk)
            .for_tahun(tahun)
            .filter(diperbarui__gt=pengesahan.disahkan_pada)
            .exists()
        )
        kode = {"realisasi"} if berubah else set()
    else:
        kini = sidik_laporan(kecamatan=kecamatan, tahun=tahun)
        kode = {k for k, v in kini.items() if pengesahan.sidik.get(k) != v}
    return [
        BagianBerubah(b.label, _url(b.halaman, kecamatan, tahun)) for b in BAGIAN_LAPORAN if b.kode in kode
    ]


def sidik_pengajuan(kecamatan: Kecamatan, tahun: int) -> dict[str, str]:
    """The fingerprint taken when the Camat submits (registered with the review workflow)."""
    return sidik_laporan(kecamatan=kecamatan, tahun=tahun)


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
    baris = AlurLaporan.objects.filter(kecamatan=kecamatan, tahun=tahun).order_by().first()
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


# --- whose turn it is -----------------------------------------------------------------


@dataclass(frozen=True)
class Tugas:
    """One thing waiting for the user: a year to act on, or (for the operator) missing data."""

    kecamatan: Kecamatan
    tahun: int
    status_label: str
    langkah: list[str]
    url: str
    #: The latest return reason of a returned year (the note to answer), else "".
    catatan: str = ""
    #: How many items of the year's data are missing (operator), else None.
    jumlah_kekurangan: int | None = None
    #: How many review notes of the year wait for this user (to reply to, or to close).
    jumlah_catatan: int = 0

    @property
    def is_alur(self) -> bool:
        """A step of the review workflow (counted in the menu), not a missing-data reminder."""
        return self.jumlah_kekurangan is None


def _tahun_renstra(kecamatan_id: int, sampai: int) -> list[int]:
    """The years a Renstra of the kecamatan is in force, up to ``sampai`` (one query)."""
    tahun: set[int] = set()
    for awal, akhir, mulai in Renstra.objects.filter(kecamatan_id=kecamatan_id).values_list(
        "tahun_awal", "tahun_akhir", "berlaku_mulai"
    ):
        tahun.update(range(max(awal, mulai), min(akhir, sampai) + 1))
    return sorted(tahun)


def _alur_kecamatan(kecamatan_id: int) -> dict[int, AlurLaporan]:
    """Year → the kecamatan's workflow row, each with ``alasan``: its latest return reason
    (one query)."""
    alasan = (
        RiwayatAlur.objects.filter(alur=OuterRef("pk"), aksi=alur.Aksi.KEMBALIKAN)
        .order_by("-pada", "-pk")
        .values("catatan")[:1]
    )
    baris = (
        AlurLaporan.objects.filter(kecamatan_id=kecamatan_id)
        .order_by()  # into a mapping: the default order would join the kecamatan for its name
        .annotate(alasan=Subquery(alasan), catatan_terbuka=_jumlah_catatan(CatatanReviu.Status.TERBUKA))
    )
    return {a.tahun: a for a in baris}


def _jumlah_catatan(status: str, **saring) -> Coalesce:
    """The number of the workflow row's year's review notes in ``status``, inside the row's own
    query (a note's service makes sure its year has a row)."""
    jumlah = (
        CatatanReviu.objects.filter(
            kecamatan_id=OuterRef("kecamatan_id"), tahun=OuterRef("tahun"), status=status, **saring
        )
        .order_by()
        .values("kecamatan_id")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    return Coalesce(Subquery(jumlah), 0)


def _tugas_catatan(baris: AlurLaporan, n: int, langkah: str) -> Tugas:
    return Tugas(
        kecamatan=baris.kecamatan,
        tahun=baris.tahun,
        status_label=str(alur.Status(baris.status).label),
        langkah=[langkah],
        url=_url("catatan", baris.kecamatan, baris.tahun),
        jumlah_catatan=n,
    )


def _tugas(baris: AlurLaporan | None, kecamatan: Kecamatan, tahun: int, langkah, catatan="") -> Tugas:
    status = alur.Status(baris.status if baris else alur.Status.DRAF)
    return Tugas(
        kecamatan=kecamatan,
        tahun=tahun,
        status_label=str(status.label),
        langkah=[str(x) for x in langkah],
        url=_url("tahun", kecamatan, tahun),
        catatan=catatan,
    )


def _tugas_kecamatan(user) -> list[Tugas]:
    """Camat: the years of the Renstra the state machine lets them move on (drafts and returned
    years to submit). Operator: the returned years, whose notes are answered by fixing the data."""
    kecamatan = user.kecamatan
    baris = _alur_kecamatan(kecamatan.pk)
    catatan = []
    for t in sorted(baris):
        if baris[t].catatan_terbuka:
            baris[t].kecamatan = kecamatan
            n = baris[t].catatan_terbuka
            langkah = ngettext("Tanggapi %(n)s catatan reviu", "Tanggapi %(n)s catatan reviu", n) % {"n": n}
            catatan.append(_tugas_catatan(baris[t], n, langkah))
    if user.peran == Peran.OPERATOR:
        dikembalikan = sorted(t for t, a in baris.items() if a.status == alur.Status.DIKEMBALIKAN)
        langkah = [_("Tanggapi catatan pengembalian")]
        return [
            _tugas(baris[t], kecamatan, t, langkah, baris[t].alasan or "") for t in dikembalikan
        ] + catatan
    daftar = []
    for t in _tahun_renstra(kecamatan.pk, sampai=timezone.localdate().year):
        status = baris[t].status if t in baris else alur.Status.DRAF
        langkah = [alur.LABEL_AKSI[a] for a in alur.aksi_ditunggu(status, user.peran)]
        if langkah:
            alasan = (baris[t].alasan or "") if t in baris else ""
            daftar.append(_tugas(baris.get(t), kecamatan, t, langkah, alasan))
    return daftar + catatan


def tugas_alur(user) -> list[Tugas]:
    """The workflow steps waiting for the user, asked of the state machine: at most three
    queries whatever the number of kecamatan and years; none without a role."""
    if not user.is_authenticated or not user.peran:
        return []
    if user.is_peran_kecamatan:
        return _tugas_kecamatan(user)
    status = alur.status_ditunggu(user.peran)
    if not status and user.peran not in PERAN_PENINJAU:
        return []
    baris = (
        AlurLaporan.objects.annotate(
            # Replies to this role's notes wait for it: to close them or to reopen them.
            ditanggapi=_jumlah_catatan(CatatanReviu.Status.DITANGGAPI, peran=user.peran)
        )
        .filter(Q(status__in=status) | Q(ditanggapi__gt=0))
        .select_related("kecamatan")
        .order_by("kecamatan__nama", "tahun")
    )
    daftar = []
    for a in baris:
        if a.status in status:
            langkah = [alur.LABEL_AKSI[x] for x in alur.aksi_ditunggu(a.status, user.peran)]
            daftar.append(_tugas(a, a.kecamatan, a.tahun, langkah))
        if a.ditanggapi:
            n = a.ditanggapi
            langkah = ngettext("Periksa %(n)s tanggapan catatan", "Periksa %(n)s tanggapan catatan", n) % {
                "n": n
            }
            daftar.append(_tugas_catatan(a, n, langkah))
    return daftar


def tugas_kekurangan(user) -> list[Tugas]:
    """For the operator: how much data of their current year (the year the landing page opens)
    is still missing, from the year page's list of what is missing; nothing for other roles."""
    if not user.is_authenticated or user.peran != Peran.OPERATOR:
        return []
    kecamatan = user.kecamatan
    tahun = tahun_terbaru(kecamatan) or timezone.localdate().year
    jumlah = len(beranda_tahun(kecamatan=kecamatan, tahun=tahun).kekurangan)
    if not jumlah:
        return []
    return [
        Tugas(
            kecamatan=kecamatan,
            tahun=tahun,
            status_label=str(alur.status_tahun(kecamatan, tahun).label),
            langkah=[_("Lengkapi data")],
            url=_url("tahun", kecamatan, tahun),
            jumlah_kekurangan=jumlah,
        )
    ]


def daftar_tugas(user) -> list[Tugas]:
    """Everything waiting for the user: the workflow steps, then (operator) the missing data."""
    return tugas_alur(user) + tugas_kekurangan(user)


# --- starting a new year from the last one ------------------------------------------------


@dataclass(frozen=True)
class RencanaTahunBaru:
    """What «Mulai tahun» would copy into ``tahun`` from ``tahun - 1``, or why it cannot."""

    kecamatan: Kecamatan
    tahun: int
    alasan: str
    """Why the year cannot be started ("" when it can)."""
    salinan: list[str]
    """What will be copied, one sentence per part."""

    @property
    def asal(self) -> int:
        return self.tahun - 1


def _bagian_terisi(kecamatan: Kecamatan, tahun: int) -> list[str]:
    """The parts of the year that already hold data (five queries)."""
    bagian = [
        (_("Perjanjian Kinerja"), PerjanjianKinerja.objects.filter(kecamatan=kecamatan, tahun=tahun)),
        (_("profil"), ProfilKecamatan.objects.filter(kecamatan=kecamatan, tahun=tahun)),
        (_("anggaran"), Program.objects.filter(kecamatan=kecamatan, tahun=tahun)),
        (_("RKT"), RencanaKinerjaTahunan.objects.filter(kecamatan=kecamatan, tahun=tahun)),
        (
            _("realisasi"),
            Realisasi.objects.filter(indikator__sasaran__renstra__kecamatan=kecamatan, tahun=tahun),
        ),
    ]
    return [str(label) for label, baris in bagian if baris.exists()]


def tahun_mulai_hambatan(*, kecamatan: Kecamatan, tahun: int) -> str:
    """Why ``tahun`` cannot be started from the year before ("" when it can): the year is
    locked, lies outside every Renstra in force, already holds data, or there is nothing to copy."""
    from lkip.web.akses import pesan_di_luar_renstra

    try:
        alur.pastikan_dapat_diubah(kecamatan, tahun)
    except alur.TahunTerkunci as exc:
        return exc.messages[0]
    if Renstra.objects.berlaku(kecamatan, tahun) is None:
        return pesan_di_luar_renstra(kecamatan, tahun)
    if terisi := _bagian_terisi(kecamatan, tahun):
        return _(
            "Tahun %(tahun)s sudah memiliki data (%(bagian)s), jadi tidak ada yang disalin agar tidak "
            "tertimpa atau berganda. Lengkapi datanya di halaman tahun %(tahun)s."
        ) % {"tahun": tahun, "bagian": ", ".join(terisi)}
    if not _bagian_terisi(kecamatan, tahun - 1):
        return _("Tahun %(asal)s belum memiliki data untuk disalin ke tahun %(tahun)s.") % {
            "asal": tahun - 1,
            "tahun": tahun,
        }
    return ""


def rencana_tahun_baru(*, kecamatan: Kecamatan, tahun: int) -> RencanaTahunBaru:
    """The confirmation page's content, in a constant number of queries."""
    alasan = tahun_mulai_hambatan(kecamatan=kecamatan, tahun=tahun)
    if alasan:
        return RencanaTahunBaru(kecamatan=kecamatan, tahun=tahun, alasan=alasan, salinan=[])
    asal = tahun - 1
    renstra = Renstra.objects.berlaku(kecamatan, tahun)
    indikator = Indikator.objects.filter(sasaran__renstra=renstra).aggregate(
        semua=Count("pk", distinct=True),
        bertarget=Count("target_renstra", filter=Q(target_renstra__tahun=tahun), distinct=True),
    )
    pk_asal = PerjanjianKinerja.objects.berlaku(kecamatan, asal)
    anggaran = Program.objects.filter(kecamatan=kecamatan, tahun=asal).aggregate(
        n_program=Count("pk", distinct=True),
        n_kegiatan=Count("kegiatan", distinct=True),
        n_sub=Count("kegiatan__sub_kegiatan", distinct=True),
        n_keluaran=Count("kegiatan__sub_kegiatan__keluaran", distinct=True),
    )
    profil = (
        ProfilKecamatan.objects.filter(kecamatan=kecamatan, tahun=asal)
        .annotate(
            n_desa=Count("desa", distinct=True),
            n_pegawai=Count("pegawai", distinct=True),
            n_sarana=Count("sarana", distinct=True),
            n_organisasi=Count("organisasi", distinct=True),
            n_pejabat=Count("pejabat", distinct=True),
        )
        .first()
    )
    salinan = []
    if pk_asal is None:
        salinan.append(
            _(
                "Perjanjian Kinerja tidak dibuat: tahun %(asal)s tidak memiliki PK untuk disalin "
                "penandatangannya."
            )
            % {"asal": asal}
        )
    else:
        salinan.append(
            _(
                "Perjanjian Kinerja tahun %(tahun)s dengan penandatangan PK tahun %(asal)s (tanggal "
                "dikosongkan) dan target %(n)s indikator dari Renstra %(periode)s; %(kosong)s indikator "
                "belum memiliki target Renstra tahun %(tahun)s dan targetnya dibiarkan kosong."
            )
            % {
                "tahun": tahun,
                "asal": asal,
                "n": indikator["semua"],
                "periode": f"{renstra.tahun_awal}–{renstra.tahun_akhir}",
                "kosong": indikator["semua"] - indikator["bertarget"],
            }
        )
    if anggaran["n_program"]:
        salinan.append(
            _(
                "Susunan anggaran tahun %(asal)s: %(program)s program, %(kegiatan)s kegiatan, %(sub)s sub "
                "kegiatan dan %(keluaran)s indikator keluaran, dengan kode, nama dan sasaran yang didukung; "
                "pagu, realisasi serta target dan realisasi keluaran dikosongkan."
            )
            % {"asal": asal, **{k.removeprefix("n_"): n for k, n in anggaran.items()}}
        )
    if profil is not None:
        salinan.append(
            _(
                "Profil tahun %(asal)s: luas, penduduk, isu strategis, %(desa)s desa/kelurahan, %(pegawai)s "
                "baris pegawai, %(sarana)s sarana, %(organisasi)s unit organisasi dan %(pejabat)s pejabat "
                "(kecuali yang masa jabatannya berakhir sebelum tahun %(tahun)s); tanggal penandatanganan "
                "laporan dikosongkan."
            )
            % {
                "asal": asal,
                "tahun": tahun,
                "desa": profil.n_desa,
                "pegawai": profil.n_pegawai,
                "sarana": profil.n_sarana,
                "organisasi": profil.n_organisasi,
                "pejabat": profil.n_pejabat,
            }
        )
    return RencanaTahunBaru(kecamatan=kecamatan, tahun=tahun, alasan="", salinan=salinan)
