"""Writes to the plans (Renstra, RKT, Perjanjian Kinerja): one transaction each, validated
with ``full_clean``."""

from decimal import Decimal

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from kecamatan.alur import pastikan_dapat_diubah, pastikan_tahun_dapat_diubah
from kecamatan.models import Kecamatan
from perencanaan.models import (
    AnggaranPerjanjian,
    Indikator,
    IndikatorTujuan,
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
from umum.riwayat import bulk_create_riwayat, bulk_update_riwayat
from umum.versi import DataKedaluwarsa, versi_objek

PIHAK = [
    f"{awalan}_{isian}"
    for awalan in ("pihak_pertama", "pihak_kedua")
    for isian in ("nama", "jabatan", "pangkat", "nip", "status")
]


def versi_perjanjian(perjanjian: PerjanjianKinerja) -> str:
    """Version token of a PK with its targets (uses prefetched ``target``)."""
    return versi_objek(perjanjian, perjanjian.target.all())


@transaction.atomic
def perjanjian_update(
    *,
    perjanjian: PerjanjianKinerja,
    versi: str,
    isian: dict[str, object],
    target: dict[int, tuple[Decimal | None, str]],
) -> PerjanjianKinerja:
    """Save the PK's place, date, signatories and targets (``target``: TargetPerjanjian id →
    (number, letter grade); both empty is a missing target)."""
    perjanjian = (
        PerjanjianKinerja.objects.select_for_update().prefetch_related("target").get(pk=perjanjian.pk)
    )
    pastikan_dapat_diubah(perjanjian.kecamatan_id, perjanjian.tahun)
    if versi_perjanjian(perjanjian) != versi:
        raise DataKedaluwarsa()
    for nama in ["tempat", "tanggal", *PIHAK]:
        if nama in isian:
            setattr(perjanjian, nama, isian[nama])
    perjanjian.full_clean()
    perjanjian.save()
    for baris in perjanjian.target.all():
        if baris.pk not in target:
            continue
        baris.angka, baris.huruf = target[baris.pk]
        baris.full_clean()
        baris.save(update_fields=["angka", "huruf"])
    return perjanjian


@transaction.atomic
def perjanjian_perubahan_create(*, perjanjian: PerjanjianKinerja) -> PerjanjianKinerja:
    """A PK Perubahan: a new version copying the one in force, its targets and program budget,
    to be edited; the earlier version stays as signed."""
    pastikan_dapat_diubah(perjanjian.kecamatan_id, perjanjian.tahun)
    terakhir = PerjanjianKinerja.objects.berlaku(perjanjian.kecamatan, perjanjian.tahun)
    if terakhir is None or terakhir.pk != perjanjian.pk:
        raise DataKedaluwarsa()
    target = list(perjanjian.target.all())
    anggaran = list(perjanjian.anggaran.all())
    baru = PerjanjianKinerja.objects.get(pk=perjanjian.pk)
    baru.pk = None
    baru.versi = perjanjian.versi + 1
    baru.jenis = PerjanjianKinerja.Jenis.PERUBAHAN
    baru.tanggal = None
    baru.full_clean()
    baru.save()
    for t in target:
        TargetPerjanjian.objects.create(
            perjanjian=baru, indikator_id=t.indikator_id, urutan=t.urutan, angka=t.angka, huruf=t.huruf
        )
    for a in anggaran:
        AnggaranPerjanjian.objects.create(
            perjanjian=baru, urutan=a.urutan, program=a.program, anggaran=a.anggaran, keterangan=a.keterangan
        )
    return baru


TARGET_TRIWULAN = ("target_tw1", "target_tw2", "target_tw3", "target_tw4")


# --- RKT --------------------------------------------------------------------------------


def versi_rkt(rkt: RencanaKinerjaTahunan) -> str:
    return versi_objek(rkt, rkt.target.all())


@transaction.atomic
def rkt_create(*, kecamatan: Kecamatan, tahun: int) -> RencanaKinerjaTahunan:
    """The year's RKT, started from the year's targets of the Renstra in force."""
    pastikan_dapat_diubah(kecamatan, tahun)
    renstra = Renstra.objects.berlaku(kecamatan, tahun)
    if renstra is None:
        raise ValidationError(_("Belum ada Renstra yang berlaku untuk tahun %(tahun)s.") % {"tahun": tahun})
    if RencanaKinerjaTahunan.objects.filter(kecamatan=kecamatan, tahun=tahun).exists():
        raise DataKedaluwarsa()
    rkt = RencanaKinerjaTahunan(kecamatan=kecamatan, tahun=tahun)
    rkt.full_clean()
    rkt.save()
    target = {
        t.indikator_id: t
        for t in TargetRenstra.objects.filter(indikator__sasaran__renstra=renstra, tahun=tahun)
    }
    for indikator in Indikator.objects.filter(sasaran__renstra=renstra):
        asal = target.get(indikator.pk)
        TargetRkt.objects.create(
            rkt=rkt, indikator=indikator, angka=asal.angka if asal else None, huruf=asal.huruf if asal else ""
        )
    return rkt


@transaction.atomic
def rkt_update(
    *,
    rkt: RencanaKinerjaTahunan,
    versi: str,
    tanggal,
    target: dict[int, tuple[Decimal | None, str]],
    target_triwulan: dict[int, dict[str, Decimal | None]] | None = None,
) -> RencanaKinerjaTahunan:
    """Save the RKT's date and targets (``target``: TargetRkt id → (number, letter grade)) and,
    when given, the Rencana Aksi's quarterly targets (TargetRkt id → ``target_tw1`` … ``target_tw4``)."""
    rkt = RencanaKinerjaTahunan.objects.select_for_update().prefetch_related("target").get(pk=rkt.pk)
    pastikan_dapat_diubah(rkt.kecamatan_id, rkt.tahun)
    if versi_rkt(rkt) != versi:
        raise DataKedaluwarsa()
    rkt.tanggal = tanggal
    rkt.full_clean()
    rkt.save()
    triwulan = target_triwulan or {}
    for baris in rkt.target.all():
        if baris.pk in target or baris.pk in triwulan:
            kolom = []
            if baris.pk in target:
                baris.angka, baris.huruf = target[baris.pk]
                kolom += ["angka", "huruf"]
            for nama, nilai in triwulan.get(baris.pk, {}).items():
                if nama not in TARGET_TRIWULAN:
                    raise ValueError(nama)
                setattr(baris, nama, nilai)
                kolom.append(nama)
            baris.full_clean()
            baris.save(update_fields=kolom)
    return rkt


# --- Renstra ----------------------------------------------------------------------------


def versi_renstra(renstra: Renstra) -> str:
    """Version token of a Renstra with its indicators and targets (uses the prefetch of
    ``renstra_halaman``)."""
    anak = [x for s in renstra.sasaran.all() for i in s.indikator.all() for x in (i, *i.target_renstra.all())]
    anak += list(renstra.sasaran.all())
    anak += [x for t in renstra.tujuan.all() for i in t.indikator.all() for x in (i, *i.target.all())]
    return versi_objek(renstra, anak)


def _simpan_target(
    baris: dict[int, models.Model],
    baru: type[models.Model],
    isian: dict[str, object],
    tahun_nilai: dict[int, tuple[Decimal | None, str]],
) -> set[int]:
    """Write yearly targets (``tahun`` → (number, letter); both empty removes the row); the
    years whose value changed."""
    diubah = set()
    for tahun, (angka, huruf) in tahun_nilai.items():
        ada = baris.get(tahun)
        if angka is None and not huruf:
            if ada is not None:
                ada.delete()
                diubah.add(tahun)
            continue
        if ada is None or (ada.angka, ada.huruf) != (angka, huruf):
            diubah.add(tahun)
        ada = ada or baru(tahun=tahun, **isian)
        ada.angka, ada.huruf = angka, huruf
        ada.full_clean()
        ada.save()
    return diubah


def _ubah(obj: models.Model, isian: dict[str, object]) -> bool:
    """Set and save the fields of ``isian`` on ``obj``; whether anything changed."""
    berubah = any(getattr(obj, nama) != nilai for nama, nilai in isian.items())
    if berubah:
        for nama, nilai in isian.items():
            setattr(obj, nama, nilai)
        obj.full_clean()
        obj.save()
    return berubah


@transaction.atomic
def renstra_update(
    *,
    renstra: Renstra,
    versi: str,
    indikator: dict[int, dict[str, object]],
    target: dict[tuple[int, int], tuple[Decimal | None, str]],
    rencana: dict[str, object] | None = None,
    sasaran: dict[int, dict[str, object]] | None = None,
    indikator_tujuan: dict[int, dict[str, object]] | None = None,
    target_tujuan: dict[tuple[int, int], tuple[Decimal | None, str]] | None = None,
) -> Renstra:
    """Save indicator fields (``indikator``: id → field values) and yearly targets
    (``target``: (indikator id, tahun) → (number, letter grade); both empty removes it); the
    Renstra's RPJMD and misi (``rencana``), each sasaran's strategi and kebijakan (``sasaran``),
    and the tujuan indicators' fields and targets, keyed the same way."""
    renstra = Renstra.objects.select_for_update().get(pk=renstra.pk)
    renstra = renstra_halaman(renstra_id=renstra.pk)
    if versi_renstra(renstra) != versi:
        raise DataKedaluwarsa()
    diubah: set[int] = set()  # the years whose printed plan this save changes
    if rencana and _ubah(renstra, rencana):
        diubah.update(tahun_renstra(renstra))
    for s in renstra.sasaran.all():
        if _ubah(s, (sasaran or {}).get(s.pk, {})):
            diubah.update(tahun_renstra(renstra))
    for t in renstra.tujuan.all():
        for it in t.indikator.all():
            if _ubah(it, (indikator_tujuan or {}).get(it.pk, {})):
                diubah.update(tahun_renstra(renstra))
            diubah |= _simpan_target(
                {x.tahun: x for x in it.target.all()},
                TargetTujuan,
                {"indikator": it},
                {th: nilai for (pk, th), nilai in (target_tujuan or {}).items() if pk == it.pk},
            )
    for s in renstra.sasaran.all():
        for ind in s.indikator.all():
            isian = indikator.get(ind.pk, {})
            if any(getattr(ind, nama) != nilai for nama, nilai in isian.items()):
                diubah.update(tahun_renstra(renstra))
            for nama, nilai in isian.items():
                setattr(ind, nama, nilai)
            ind.full_clean()
            ind.save()
            diubah |= _simpan_target(
                {t.tahun: t for t in ind.target_renstra.all()},
                TargetRenstra,
                {"indikator": ind},
                {th: target[(ind.pk, th)] for th in renstra.tahun_periode if (ind.pk, th) in target},
            )
    # Checked after the comparison, inside the transaction: a refusal undoes the whole save.
    pastikan_tahun_dapat_diubah(renstra.kecamatan_id, diubah)
    return renstra


def tahun_renstra(renstra: Renstra) -> list[int]:
    """The years this version of the Renstra is the one in force (as ``Renstra.objects.berlaku``
    chooses it). Its tujuan, sasaran and indicators are printed in those years' reports, so
    the lock of any of them holds the version; a Renstra Perubahan from a later year is the
    way to change the plan after a year is locked. One query."""
    versi = list(
        Renstra.objects.filter(
            kecamatan_id=renstra.kecamatan_id,
            tahun_awal__lte=renstra.tahun_akhir,
            tahun_akhir__gte=renstra.tahun_awal,
        )
        .order_by("-versi")
        .values_list("pk", "tahun_awal", "tahun_akhir", "berlaku_mulai")
    )
    return [
        tahun
        for tahun in renstra.tahun_periode
        if next((pk for pk, awal, akhir, mulai in versi if awal <= tahun <= akhir and mulai <= tahun), None)
        == renstra.pk
    ]


def renstra_halaman(*, renstra_id: int) -> Renstra:
    """A Renstra with tujuan, sasaran, indicators and targets prefetched (five queries)."""
    return (
        Renstra.objects.select_related("rpjmd")
        .prefetch_related(
            "tujuan__indikator__target",
            models.Prefetch(
                "sasaran",
                queryset=Sasaran.objects.select_related("tujuan").prefetch_related(
                    models.Prefetch(
                        "indikator", queryset=Indikator.objects.prefetch_related("target_renstra")
                    )
                ),
            ),
        )
        .get(pk=renstra_id)
    )


@transaction.atomic
def tujuan_create(*, renstra: Renstra, kode: str, uraian: str) -> Tujuan:
    pastikan_tahun_dapat_diubah(renstra.kecamatan_id, tahun_renstra(renstra))
    tujuan = Tujuan(renstra=renstra, kode=kode, uraian=uraian, urutan=renstra.tujuan.count() + 1)
    tujuan.full_clean()
    tujuan.save()
    return tujuan


@transaction.atomic
def sasaran_create(*, renstra: Renstra, tujuan: Tujuan, kode: str, nomor: int | None, uraian: str) -> Sasaran:
    if tujuan.renstra_id != renstra.pk:
        raise ValidationError(_("Tujuan itu bukan bagian dari Renstra ini."))
    pastikan_tahun_dapat_diubah(renstra.kecamatan_id, tahun_renstra(renstra))
    sasaran = Sasaran(renstra=renstra, tujuan=tujuan, kode=kode, nomor=nomor, uraian=uraian)
    sasaran.full_clean()
    sasaran.save()
    return sasaran


@transaction.atomic
def indikator_create(*, renstra: Renstra, sasaran: Sasaran, **isian) -> Indikator:
    if sasaran.renstra_id != renstra.pk:
        raise ValidationError(_("Sasaran itu bukan bagian dari Renstra ini."))
    pastikan_tahun_dapat_diubah(renstra.kecamatan_id, tahun_renstra(renstra))
    if Indikator.objects.filter(sasaran__renstra=renstra, kode=isian["kode"]).exists():
        raise ValidationError({"kode": _("Kode indikator ini sudah dipakai dalam Renstra ini.")})
    indikator = Indikator(sasaran=sasaran, urutan=sasaran.indikator.count() + 1, **isian)
    indikator.full_clean()
    indikator.save()
    return indikator


@transaction.atomic
def renstra_perubahan_create(
    *, renstra: Renstra, nomor_keputusan: str, tanggal_keputusan, berlaku_mulai: int
) -> Renstra:
    """A Renstra Perubahan: a new version copying the one given, in force from ``berlaku_mulai``.

    From that year on, the year's PK and RKT targets, realisasi and the sub kegiatan that
    support a sasaran follow the copy (matched by kode), so every year is measured against
    the plan in force; earlier years stay with the earlier version.
    """
    terakhir = (
        Renstra.objects.filter(kecamatan=renstra.kecamatan, tahun_awal=renstra.tahun_awal)
        .order_by("-versi")
        .first()
    )
    if terakhir is None or terakhir.pk != renstra.pk:
        raise DataKedaluwarsa()
    if not renstra.berlaku_mulai <= berlaku_mulai <= renstra.tahun_akhir:
        raise ValidationError(
            {
                "berlaku_mulai": _("Tahun berlaku harus antara %(awal)s dan %(akhir)s.")
                % {"awal": renstra.berlaku_mulai, "akhir": renstra.tahun_akhir}
            }
        )
    # The copy takes over these years' targets, realisasi and budget links.
    pastikan_tahun_dapat_diubah(renstra.kecamatan_id, range(berlaku_mulai, renstra.tahun_akhir + 1))
    lama = renstra_halaman(renstra_id=renstra.pk)
    baru = Renstra(
        kecamatan=renstra.kecamatan,
        tahun_awal=renstra.tahun_awal,
        tahun_akhir=renstra.tahun_akhir,
        versi=renstra.versi + 1,
        jenis=Renstra.Jenis.PERUBAHAN,
        nomor_keputusan=nomor_keputusan,
        tanggal_keputusan=tanggal_keputusan,
        berlaku_mulai=berlaku_mulai,
        rpjmd=renstra.rpjmd,
        misi_rpjmd=renstra.misi_rpjmd,
    )
    baru.full_clean()
    baru.save()
    tujuan_baru = {}
    for t in lama.tujuan.all():
        tujuan_baru[t.pk] = Tujuan.objects.create(renstra=baru, kode=t.kode, urutan=t.urutan, uraian=t.uraian)
        for it in t.indikator.all():
            salinan_tujuan = IndikatorTujuan.objects.create(
                tujuan=tujuan_baru[t.pk],
                urutan=it.urutan,
                uraian=it.uraian,
                satuan=it.satuan,
                target_akhir_angka=it.target_akhir_angka,
                target_akhir_huruf=it.target_akhir_huruf,
            )
            bulk_create_riwayat(
                [
                    TargetTujuan(indikator=salinan_tujuan, tahun=x.tahun, angka=x.angka, huruf=x.huruf)
                    for x in it.target.all()
                ],
                TargetTujuan,
            )
    sasaran_baru, indikator_baru = {}, {}
    for s in lama.sasaran.all():
        sasaran_baru[s.pk] = Sasaran.objects.create(
            renstra=baru,
            tujuan=tujuan_baru[s.tujuan_id],
            kode=s.kode,
            nomor=s.nomor,
            uraian=s.uraian,
            strategi=s.strategi,
            kebijakan=s.kebijakan,
        )
        for i in s.indikator.all():
            salinan = Indikator.objects.get(pk=i.pk)
            salinan.pk = None
            salinan.sasaran = sasaran_baru[s.pk]
            salinan.save()
            indikator_baru[i.pk] = salinan
            bulk_create_riwayat(
                [
                    TargetRenstra(indikator=salinan, tahun=t.tahun, angka=t.angka, huruf=t.huruf)
                    for t in i.target_renstra.all()
                ],
                TargetRenstra,
            )
    # Rows of later apps that point at the plan move with it; resolved by name because
    # perencanaan sits below capaian and anggaran in the dependency chain.
    Realisasi = apps.get_model("capaian", "Realisasi")
    SubKegiatan = apps.get_model("anggaran", "SubKegiatan")
    # Row by row through the history's bulk helper, so each move is in the audit trail.
    pindah = [
        (TargetPerjanjian.objects.filter(perjanjian__tahun__gte=berlaku_mulai), "indikator", indikator_baru),
        (TargetRkt.objects.filter(rkt__tahun__gte=berlaku_mulai), "indikator", indikator_baru),
        (Realisasi.objects.filter(tahun__gte=berlaku_mulai), "indikator", indikator_baru),
        (SubKegiatan.objects.filter(kegiatan__program__tahun__gte=berlaku_mulai), "sasaran", sasaran_baru),
    ]
    for queryset, kolom, salinan_dari in pindah:
        baris = list(queryset.filter(**{f"{kolom}_id__in": list(salinan_dari)}))
        for obj in baris:
            setattr(obj, kolom, salinan_dari[getattr(obj, f"{kolom}_id")])
        if baris:
            bulk_update_riwayat(baris, queryset.model, [kolom])
    return baru


# --- deletes ----------------------------------------------------------------------------
# Each ``<noun>_hambatan_hapus`` says, in Indonesian, why the row cannot be deleted ("" when
# it can); the page shows it before asking, and ``<noun>_delete`` checks it again under lock.


def _tahun(daftar) -> str:
    return ", ".join(str(t) for t in sorted(set(daftar)))


def tujuan_hambatan_hapus(tujuan: Tujuan) -> str:
    jumlah = tujuan.sasaran.count()
    if jumlah:
        return _(
            "Tujuan %(kode)s masih memiliki %(n)s sasaran; hapus atau pindahkan sasarannya terlebih dahulu."
        ) % {"kode": tujuan.kode, "n": jumlah}
    return ""


@transaction.atomic
def tujuan_delete(*, tujuan: Tujuan) -> None:
    """Delete a tujuan without sasaran, with its own indicators (IndikatorTujuan)."""
    tujuan = Tujuan.objects.select_for_update().select_related("renstra").get(pk=tujuan.pk)
    pastikan_tahun_dapat_diubah(tujuan.renstra.kecamatan_id, tahun_renstra(tujuan.renstra))
    if alasan := tujuan_hambatan_hapus(tujuan):
        raise ValidationError(alasan)
    tujuan.delete()


def sasaran_hambatan_hapus(sasaran: Sasaran) -> str:
    jumlah = sasaran.indikator.count()
    if jumlah:
        return _("Sasaran %(kode)s masih memiliki %(n)s indikator; hapus indikatornya terlebih dahulu.") % {
            "kode": sasaran.kode,
            "n": jumlah,
        }
    SubKegiatan = apps.get_model("anggaran", "SubKegiatan")
    tahun = SubKegiatan.objects.filter(sasaran=sasaran).values_list("kegiatan__program__tahun", flat=True)
    if tahun:
        return _(
            "Sasaran %(kode)s didukung sub kegiatan anggaran tahun %(tahun)s; "
            "lepaskan sub kegiatan itu dari sasaran ini terlebih dahulu."
        ) % {"kode": sasaran.kode, "tahun": _tahun(tahun)}
    return ""


@transaction.atomic
def sasaran_delete(*, sasaran: Sasaran) -> None:
    sasaran = Sasaran.objects.select_for_update().select_related("renstra").get(pk=sasaran.pk)
    pastikan_tahun_dapat_diubah(sasaran.renstra.kecamatan_id, tahun_renstra(sasaran.renstra))
    if alasan := sasaran_hambatan_hapus(sasaran):
        raise ValidationError(alasan)
    sasaran.delete()


def indikator_hambatan_hapus(indikator: Indikator) -> str:
    Realisasi = apps.get_model("capaian", "Realisasi")
    tahun = list(Realisasi.objects.filter(indikator=indikator).values_list("tahun", flat=True))
    if tahun:
        return _(
            "Indikator %(kode)s sudah memiliki realisasi tahun %(tahun)s; "
            "realisasi yang sudah dilaporkan tidak boleh hilang."
        ) % {"kode": indikator.kode, "tahun": _tahun(tahun)}
    tahun = list(indikator.target_perjanjian.values_list("perjanjian__tahun", flat=True))
    if tahun:
        return _(
            "Indikator %(kode)s tercantum dalam Perjanjian Kinerja tahun %(tahun)s; "
            "perjanjian yang sudah ditandatangani tidak boleh berubah."
        ) % {"kode": indikator.kode, "tahun": _tahun(tahun)}
    tahun = list(indikator.target_rkt.values_list("rkt__tahun", flat=True))
    if tahun:
        return _("Indikator %(kode)s tercantum dalam RKT tahun %(tahun)s.") % {
            "kode": indikator.kode,
            "tahun": _tahun(tahun),
        }
    return ""


@transaction.atomic
def indikator_delete(*, indikator: Indikator) -> None:
    """Delete an indicator nothing has been measured or agreed against, with its Renstra
    targets; the indicators after it in its sasaran move up one place."""
    indikator = Indikator.objects.select_for_update().select_related("sasaran__renstra").get(pk=indikator.pk)
    renstra = indikator.sasaran.renstra
    pastikan_tahun_dapat_diubah(renstra.kecamatan_id, tahun_renstra(renstra))
    if alasan := indikator_hambatan_hapus(indikator):
        raise ValidationError(alasan)
    sasaran_id, urutan = indikator.sasaran_id, indikator.urutan
    indikator.delete()
    for sesudah in Indikator.objects.filter(sasaran_id=sasaran_id, urutan__gt=urutan).order_by("urutan"):
        sesudah.urutan -= 1
        sesudah.save(update_fields=["urutan"])


def perjanjian_hambatan_hapus(perjanjian: PerjanjianKinerja) -> str:
    if perjanjian.jenis != PerjanjianKinerja.Jenis.PERUBAHAN:
        return _("PK Murni adalah perjanjian awal tahun ini dan tidak dapat dihapus; hanya PK Perubahan.")
    terakhir = PerjanjianKinerja.objects.berlaku(perjanjian.kecamatan, perjanjian.tahun)
    if terakhir is None or terakhir.pk != perjanjian.pk:
        return _("Hanya PK Perubahan versi terakhir yang dapat dihapus; hapus dulu versi %(versi)s.") % {
            "versi": terakhir.versi if terakhir else "–"
        }
    return ""


@transaction.atomic
def perjanjian_delete(*, perjanjian: PerjanjianKinerja) -> None:
    """Delete the latest PK Perubahan (with its targets and budget lines); the version before
    it is in force again."""
    pastikan_dapat_diubah(perjanjian.kecamatan_id, perjanjian.tahun)
    # Lock every version of the year, so no new version appears between the check and the delete.
    list(
        PerjanjianKinerja.objects.select_for_update()
        .filter(kecamatan_id=perjanjian.kecamatan_id, tahun=perjanjian.tahun)
        .order_by("pk")  # not the default order, which joins (and would lock) the kecamatan's row
    )
    perjanjian = PerjanjianKinerja.objects.select_related("kecamatan").get(pk=perjanjian.pk)
    if alasan := perjanjian_hambatan_hapus(perjanjian):
        raise ValidationError(alasan)
    perjanjian.delete()
