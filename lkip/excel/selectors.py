"""A kecamatan's year as the workbook carries it, fetched in a constant number of queries.

The template is written from it and an import is compared against it, so what is exported
and what an import diffs are the same rows."""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from anggaran.models import IndikatorKegiatan, IndikatorProgram, Kegiatan, Keluaran, Program, SubKegiatan
from capaian.models import Realisasi
from kecamatan.models import Desa, Kecamatan, KomposisiPegawai, ProfilKecamatan, SaranaPrasarana
from perencanaan.models import (
    Indikator,
    PerjanjianKinerja,
    RencanaKinerjaTahunan,
    Renstra,
    Sasaran,
    TargetPerjanjian,
    TargetRenstra,
    TargetRkt,
)


@dataclass
class IsiTahun:
    kecamatan: Kecamatan
    tahun: int
    renstra: Renstra | None
    sasaran: list[Sasaran]
    indikator: list[Indikator]
    realisasi: dict[int, Realisasi]
    perjanjian: PerjanjianKinerja | None
    target_pk: dict[int, TargetPerjanjian]
    program: list[Program]
    profil: ProfilKecamatan | None
    rkt: RencanaKinerjaTahunan | None = None
    target_rkt: dict[int, TargetRkt] = field(default_factory=dict)
    desa: list[Desa] = field(default_factory=list)
    pegawai: list[KomposisiPegawai] = field(default_factory=list)
    sarana: list[SaranaPrasarana] = field(default_factory=list)

    @property
    def kegiatan(self) -> list[Kegiatan]:
        return [k for p in self.program for k in p.kegiatan.all()]

    @property
    def sub_kegiatan(self) -> list[SubKegiatan]:
        return [s for k in self.kegiatan for s in k.sub_kegiatan.all()]

    def kunci_indikator(self, indikator: Indikator) -> tuple[str, str]:
        return (indikator.sasaran.kode, indikator.kode)


def isi_tahun(*, kecamatan: Kecamatan, tahun: int) -> IsiTahun:
    renstra = Renstra.objects.berlaku(kecamatan, tahun)
    sasaran: list[Sasaran] = []
    indikator: list[Indikator] = []
    if renstra is not None:
        sasaran = list(renstra.sasaran.order_by("nomor", "kode_urut"))
        indikator = list(
            Indikator.objects.filter(sasaran__renstra=renstra)
            .select_related("sasaran")
            .prefetch_related(Prefetch("target_renstra", queryset=TargetRenstra.objects.order_by("tahun")))
            .order_by("sasaran__nomor", "sasaran__kode_urut", "urutan", "kode_urut")
        )
    realisasi = {
        r.indikator_id: r
        for r in Realisasi.objects.filter(
            indikator__in=[i.pk for i in indikator], tahun=tahun
        ).prefetch_related("triwulan")
    }
    perjanjian = PerjanjianKinerja.objects.berlaku(kecamatan, tahun)
    target_pk = {}
    if perjanjian is not None:
        target_pk = {t.indikator_id: t for t in perjanjian.target.all()}
    rkt = RencanaKinerjaTahunan.objects.filter(kecamatan=kecamatan, tahun=tahun).first()
    target_rkt = {} if rkt is None else {t.indikator_id: t for t in rkt.target.all()}
    sub = SubKegiatan.objects.select_related("sasaran").prefetch_related(
        Prefetch("keluaran", queryset=Keluaran.objects.order_by("urutan", "pk"))
    )
    program = list(
        Program.objects.filter(kecamatan=kecamatan, tahun=tahun)
        .order_by("kode_urut")
        .prefetch_related(
            Prefetch("indikator", queryset=IndikatorProgram.objects.order_by("urutan", "pk")),
            Prefetch(
                "kegiatan",
                queryset=Kegiatan.objects.order_by("kode_urut").prefetch_related(
                    Prefetch("indikator", queryset=IndikatorKegiatan.objects.order_by("urutan", "pk")),
                    Prefetch("sub_kegiatan", queryset=sub.order_by("kode_urut")),
                ),
            ),
        )
    )
    profil = (
        ProfilKecamatan.objects.filter(kecamatan=kecamatan, tahun=tahun)
        .prefetch_related(
            Prefetch("desa", queryset=Desa.objects.order_by("urutan", "nama")),
            Prefetch("pegawai", queryset=KomposisiPegawai.objects.order_by("urutan", "pk")),
            Prefetch("sarana", queryset=SaranaPrasarana.objects.order_by("urutan", "pk")),
        )
        .first()
    )
    isi = IsiTahun(
        kecamatan=kecamatan,
        tahun=tahun,
        renstra=renstra,
        sasaran=sasaran,
        indikator=indikator,
        realisasi=realisasi,
        perjanjian=perjanjian,
        target_pk=target_pk,
        program=program,
        profil=profil,
        rkt=rkt,
        target_rkt=target_rkt,
    )
    if profil is not None:
        isi.desa, isi.pegawai, isi.sarana = (
            list(profil.desa.all()),
            list(profil.pegawai.all()),
            list(profil.sarana.all()),
        )
    return isi
