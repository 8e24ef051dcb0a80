"""Writes to realisasi and evidence. Each is one transaction and validates with ``full_clean``.

Also the rule that holds a predikat scale once it scores a submitted or locked year
(``pastikan_skala_dapat_diubah``), checked by the admin's scale form and its import."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from capaian import scoring
from capaian.models import Bukti, Realisasi, RealisasiTriwulan, SkalaTahun
from kecamatan.alur import STATUS_TERKUNCI, pastikan_dapat_diubah
from kecamatan.models import AlurLaporan, StatusAlur
from perencanaan.models import Indikator
from umum.riwayat import bulk_create_riwayat, bulk_update_riwayat
from umum.versi import DataKedaluwarsa, versi_objek


class SkalaTerkunci(ValidationError):
    """A change to a predikat scale that scores a year already submitted, approved or locked."""


def pastikan_skala_dapat_diubah(skala_id: int | None) -> None:
    """Raise ``SkalaTerkunci`` when the scale scores a year in which some kecamatan's report is
    Diajukan, Direviu, Disetujui or Terkunci: scales are versioned, so that year keeps the scale
    it was scored with and a changed scale is a new scale (another kode) chosen for later years."""
    if skala_id is None:
        return
    alur = (
        AlurLaporan.objects.filter(
            status__in=STATUS_TERKUNCI, tahun__in=SkalaTahun.objects.filter(skala_id=skala_id).values("tahun")
        )
        .select_related("kecamatan")
        .order_by("tahun", "kecamatan__nama")
        .first()
    )
    if alur is None:
        return
    kode = SkalaTahun.objects.filter(skala_id=skala_id).values_list("skala__kode", flat=True).first()
    raise SkalaTerkunci(
        _(
            "Skala «%(skala)s» dipakai tahun %(tahun)s, dan laporan %(kecamatan)s tahun itu berstatus "
            "«%(status)s», jadi skala dan pitanya tidak dapat diubah. Buat skala baru dengan kode lain, "
            "lalu pilih untuk tahun berikutnya di «Skala per tahun»."
        )
        % {
            "skala": kode,
            "tahun": alur.tahun,
            "kecamatan": alur.kecamatan,
            "status": StatusAlur(alur.status).label,
        },
        code="skala_terkunci",
    )


def _triwulan() -> Prefetch:
    """A realisasi's quarters in their own order, without joining up to the sasaran to sort."""
    return Prefetch("triwulan", queryset=RealisasiTriwulan.objects.order_by("triwulan"))


def versi_realisasi(realisasi: Realisasi | None) -> str:
    """Version token of a realisasi with its quarters (uses prefetched ``triwulan``)."""
    return versi_objek(realisasi, [] if realisasi is None else realisasi.triwulan.all())


@transaction.atomic
def realisasi_update(
    *,
    indikator: Indikator,
    tahun: int,
    versi: str,
    status: str,
    nilai: scoring.Nilai | None,
    triwulan: dict[int, Decimal | None],
    alasan: str = "",
    catatan: str = "",
    faktor_keberhasilan: str = "",
    hambatan: str = "",
    tindak_lanjut: str = "",
    pembanding_nasional: str = "",
    pembanding_provinsi: str = "",
    pembanding_kabupaten: str = "",
) -> Realisasi:
    """Save an indicator's realisasi for the year, refusing a stale form.

    The yearly value is stored as typed and the quarters beside it: the scoring reads the
    yearly value when there is one and reports a difference from the quarters' roll-up as a
    finding, so a filled quarter never silently replaces the year."""
    pastikan_dapat_diubah(indikator.sasaran.renstra.kecamatan_id, tahun)
    # Saves of one indicator's year take turns on the indicator's row, so when two forms both
    # create the realisasi the second sees the first's and is refused as stale, not a 500.
    Indikator.objects.select_for_update().filter(pk=indikator.pk).exists()
    # Without the models' default order: it joins the indicator and its sasaran, and on
    # PostgreSQL FOR UPDATE then locks the sasaran's row too, so saves of other indicators of
    # the same sasaran would wait for each other.
    lama = (
        Realisasi.objects.select_for_update()
        .filter(indikator=indikator, tahun=tahun)
        .order_by()
        .prefetch_related(_triwulan())
        .first()
    )
    if versi_realisasi(lama) != versi:
        raise DataKedaluwarsa()
    realisasi = lama or Realisasi(indikator=indikator, tahun=tahun)
    terisi = {t: a for t, a in triwulan.items() if a is not None}
    realisasi.angka = None if nilai is None else nilai.angka
    realisasi.huruf = "" if nilai is None else nilai.huruf
    realisasi.status = status
    realisasi.alasan = alasan
    realisasi.catatan = catatan
    realisasi.faktor_keberhasilan = faktor_keberhasilan
    realisasi.hambatan = hambatan
    realisasi.tindak_lanjut = tindak_lanjut
    realisasi.pembanding_nasional = pembanding_nasional
    realisasi.pembanding_provinsi = pembanding_provinsi
    realisasi.pembanding_kabupaten = pembanding_kabupaten
    realisasi.ada_triwulan = bool(terisi)
    # The indicator is locked above and its row for the year looked up under that lock, so the
    # foreign key and the uniqueness of (indikator, tahun) need no query of their own.
    realisasi.full_clean(exclude=["indikator"])
    realisasi.save()
    ada = {} if lama is None else {t.triwulan: t for t in lama.triwulan.all()}
    kosong = [t.pk for nomor, t in ada.items() if nomor not in terisi]
    if kosong:
        RealisasiTriwulan.objects.filter(pk__in=kosong).delete()
    for nomor, angka in terisi.items():
        baris = ada.get(nomor) or RealisasiTriwulan(realisasi=realisasi, triwulan=nomor)
        if baris.pk is not None and baris.angka == angka:
            continue  # unchanged: no save, so the history shows only the quarters that changed
        baris.angka = angka
        baris.full_clean(exclude=["realisasi"], validate_unique=False)
        baris.save()
    return realisasi


@transaction.atomic
def bukti_create(
    *,
    indikator: Indikator,
    tahun: int,
    berkas: UploadedFile | None = None,
    tautan: str = "",
    keterangan: str = "",
) -> Bukti:
    """Attach evidence to the year's realisasi (created empty, «belum diisi», if needed)."""
    pastikan_dapat_diubah(indikator.sasaran.renstra.kecamatan_id, tahun)
    realisasi, _dibuat = Realisasi.objects.get_or_create(indikator=indikator, tahun=tahun)
    bukti = Bukti(realisasi=realisasi, tautan=tautan, keterangan=keterangan)
    if berkas is not None:
        bukti.berkas = berkas
    bukti.full_clean()
    bukti.save()
    return bukti


@transaction.atomic
def bukti_delete(*, bukti: Bukti) -> None:
    realisasi = Realisasi.objects.select_related("indikator__sasaran__renstra").get(pk=bukti.realisasi_id)
    pastikan_dapat_diubah(realisasi.indikator.sasaran.renstra.kecamatan_id, realisasi.tahun)
    berkas = bukti.berkas
    bukti.delete()
    if berkas:
        transaction.on_commit(lambda: berkas.storage.delete(berkas.name))


@transaction.atomic
def realisasi_impor(*, kecamatan_id: int, tahun: int, isian: list[dict]) -> None:
    """Save the realisasi of many indicators of one kecamatan's year at once (an import).

    Each item: ``indikator``, ``status``, ``nilai`` (``scoring.Nilai`` or ``None``), ``triwulan``
    (1–4 → number or ``None``) and the text fields of ``realisasi_update``. Each row is
    validated with ``full_clean`` (the database keeps the unique and range constraints); rows
    are written with the history's bulk helpers, so the queries do not grow with the rows."""
    pastikan_dapat_diubah(kecamatan_id, tahun)
    ids = [i["indikator"].pk for i in isian]
    if Indikator.objects.filter(pk__in=ids).exclude(sasaran__renstra__kecamatan_id=kecamatan_id).exists():
        raise ValidationError(_("Ada indikator kecamatan lain di antara baris yang diimpor."))
    lama = {
        r.indikator_id: r
        for r in Realisasi.objects.select_for_update()
        .filter(indikator_id__in=ids, tahun=tahun)
        .order_by()  # locks only these rows (see realisasi_update)
        .prefetch_related(_triwulan())
    }
    sekarang = timezone.now()
    baru, ubah, pasangan = [], [], []
    for i in isian:
        r = lama.get(i["indikator"].pk) or Realisasi(indikator=i["indikator"], tahun=tahun)
        nilai, terisi = i["nilai"], {t: a for t, a in i["triwulan"].items() if a is not None}
        r.angka, r.huruf = (None, "") if nilai is None else (nilai.angka, nilai.huruf)
        r.status = i["status"]
        for nama in TEKS_REALISASI:
            setattr(r, nama, i.get(nama, ""))
        r.ada_triwulan = bool(terisi)
        r.diperbarui = sekarang
        # The indicators were fetched above: no query per row to check the foreign key again.
        r.full_clean(exclude=["indikator"], validate_unique=False, validate_constraints=False)
        (ubah if r.pk else baru).append(r)
        pasangan.append((r, terisi))
    bulk_create_riwayat(baru, Realisasi)
    if ubah:
        bulk_update_riwayat(ubah, Realisasi, ["angka", "huruf", "status", "diperbarui", *TEKS_REALISASI])
    tw_baru, tw_ubah, tw_hapus = [], [], []
    for r, terisi in pasangan:
        ada = {t.triwulan: t for t in r.triwulan.all()} if r.indikator_id in lama else {}
        tw_hapus += [t.pk for n, t in ada.items() if n not in terisi]
        for nomor, angka in terisi.items():
            baris = ada.get(nomor)
            if baris is not None and baris.angka == angka:
                continue  # unchanged: no record, as in realisasi_update
            baris = baris or RealisasiTriwulan(realisasi=r, triwulan=nomor)
            baris.angka = angka
            baris.full_clean(exclude=["realisasi"], validate_unique=False, validate_constraints=False)
            (tw_ubah if baris.pk else tw_baru).append(baris)
    if tw_hapus:
        RealisasiTriwulan.objects.filter(pk__in=tw_hapus).delete()
    bulk_create_riwayat(tw_baru, RealisasiTriwulan)
    if tw_ubah:
        bulk_update_riwayat(tw_ubah, RealisasiTriwulan, ["angka"])


TEKS_REALISASI = (
    "alasan", "catatan", "faktor_keberhasilan", "hambatan", "tindak_lanjut",
    "pembanding_nasional", "pembanding_provinsi", "pembanding_kabupaten",
)  # fmt: skip
