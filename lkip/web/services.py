"""Writes the web pages make that belong to no single app: the report's prose sections, and
starting a new year from the last one (plans, budget and profile at once)."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model

from anggaran.models import Program
from kecamatan.alur import pastikan_dapat_diubah
from kecamatan.models import Kecamatan, ProfilKecamatan, UnitOrganisasi
from lkip.accounts.models import User
from lkip.laporan.models import BagianNarasi, NarasiLaporan
from lkip.laporan.narasi_bawaan import NARASI_BAWAAN, sama_teks, teks_bawaan
from lkip.web.selectors import tahun_mulai_hambatan
from perencanaan.models import Indikator, PerjanjianKinerja, Renstra, Sasaran, TargetPerjanjian, TargetRenstra
from umum.riwayat import perubahan_oleh
from umum.versi import DataKedaluwarsa, versi_objek


def versi_narasi(narasi: list[NarasiLaporan]) -> str:
    return versi_objek(narasi[0] if narasi else None, narasi)


def _adalah_bawaan(isi: str, bagian: str, kecamatan: Kecamatan, tahun: int) -> bool:
    """Blank, or the default text as shown (filled in) or as written: the section keeps
    following the default, so a later change of the default reaches it."""
    if not isi:
        return True
    terisi = teks_bawaan(bagian, nama_kecamatan=kecamatan.nama, kabupaten=kecamatan.kabupaten, tahun=tahun)
    return sama_teks(isi, terisi) or sama_teks(isi, NARASI_BAWAAN[bagian])


@transaction.atomic
def narasi_kembalikan(*, kecamatan: Kecamatan, tahun: int, bagian: str) -> bool:
    """Put one section back to the default text: its own text is deleted (the history keeps it).
    Returns whether there was own text to remove."""
    if bagian not in BagianNarasi.values:
        raise ValueError(bagian)
    pastikan_dapat_diubah(kecamatan, tahun)
    # Unordered: the default order joins the kecamatan, whose row FOR UPDATE would lock too.
    baris = NarasiLaporan.objects.select_for_update().filter(kecamatan=kecamatan, tahun=tahun, bagian=bagian)
    ada = baris.order_by().first()
    if ada is None:
        return False
    ada.delete()
    return True


@transaction.atomic
def narasi_update(*, kecamatan: Kecamatan, tahun: int, versi: str, teks: dict[str, str]) -> None:
    """Save the kecamatan's own text per section; a blank section goes back to the default text."""
    pastikan_dapat_diubah(kecamatan, tahun)
    lama = list(
        NarasiLaporan.objects.select_for_update().filter(kecamatan=kecamatan, tahun=tahun).order_by("pk")
    )
    if versi_narasi(lama) != versi:
        raise DataKedaluwarsa()
    per_bagian = {n.bagian: n for n in lama}
    for bagian, isi in teks.items():
        isi = isi.replace("\r\n", "\n").strip()
        baris = per_bagian.get(bagian)
        if _adalah_bawaan(isi, bagian, kecamatan, tahun):
            if baris is not None:
                baris.delete()
            continue
        baris = baris or NarasiLaporan(kecamatan=kecamatan, tahun=tahun, bagian=bagian)
        if baris.teks != isi:
            baris.teks = isi
            baris.full_clean()
            baris.save()


# --- starting a new year from the last one ------------------------------------------------


class TahunBaruDitolak(ValidationError):
    """«Mulai tahun» refused; the message says why, in Indonesian."""


@dataclass(frozen=True)
class HasilTahunBaru:
    tahun: int
    target_pk: int
    """PK targets created (0 when the year before had no PK to take the signatories from)."""
    target_kosong: int
    """Of those, without a Renstra target for the year (left empty)."""
    sub_kegiatan: int
    profil: bool


def _salin(obj: Model, **ubah: object) -> Model:
    """A new, unsaved row with ``obj``'s columns, ``ubah`` replacing some (by field name)."""
    diganti = set(ubah)
    isian = {
        f.attname: getattr(obj, f.attname)
        for f in obj._meta.concrete_fields
        if not f.primary_key and f.name not in diganti and f.attname not in diganti
    }
    return type(obj)(**isian, **ubah)


def _simpan(obj: Model) -> Model:
    obj.full_clean()
    obj.save()
    return obj


def _salin_perjanjian(kecamatan: Kecamatan, tahun: int, renstra: Renstra) -> tuple[int, int]:
    """The year's PK: the signatories of last year's PK in force, the Renstra's yearly targets."""
    asal = PerjanjianKinerja.objects.berlaku(kecamatan, tahun - 1)
    if asal is None:
        return 0, 0
    baru = _simpan(_salin(asal, tahun=tahun, versi=1, jenis=PerjanjianKinerja.Jenis.MURNI, tanggal=None))
    target = {
        t.indikator_id: t
        for t in TargetRenstra.objects.filter(indikator__sasaran__renstra=renstra, tahun=tahun)
    }
    indikator = list(
        Indikator.objects.filter(sasaran__renstra=renstra).order_by(
            "sasaran__nomor", "sasaran__kode_urut", "urutan", "kode_urut"
        )
    )
    kosong = 0
    for urutan, i in enumerate(indikator):
        t = target.get(i.pk)
        kosong += t is None or t.is_kosong
        _simpan(
            TargetPerjanjian(
                perjanjian=baru,
                indikator=i,
                urutan=urutan,
                angka=None if t is None else t.angka,
                huruf="" if t is None else t.huruf,
            )
        )
    return len(indikator), kosong


def _salin_anggaran(kecamatan: Kecamatan, tahun: int, renstra: Renstra) -> int:
    """Last year's program → kegiatan → sub kegiatan → outputs, and the program's and kegiatan's
    indicators, every amount, target and realisasi left empty; a sub kegiatan keeps the sasaran
    it supports, found by its kode in the Renstra in force."""
    sasaran = {s.kode: s for s in Sasaran.objects.filter(renstra=renstra)}
    program = Program.objects.filter(kecamatan=kecamatan, tahun=tahun - 1).prefetch_related(
        "indikator",
        "kegiatan__indikator",
        "kegiatan__sub_kegiatan__keluaran",
        "kegiatan__sub_kegiatan__sasaran",
    )
    jumlah = 0
    for p in program:
        p_baru = _simpan(_salin(p, tahun=tahun))
        for i in p.indikator.all():
            _simpan(_salin(i, program=p_baru, target=None, realisasi=None))
        for k in p.kegiatan.all():
            k_baru = _simpan(_salin(k, program=p_baru))
            for i in k.indikator.all():
                _simpan(_salin(i, kegiatan=k_baru, target=None, realisasi=None))
            for s in k.sub_kegiatan.all():
                didukung = None if s.sasaran is None else sasaran.get(s.sasaran.kode)
                s_baru = _simpan(_salin(s, kegiatan=k_baru, pagu=None, realisasi=None, sasaran=didukung))
                jumlah += 1
                for o in s.keluaran.all():
                    _simpan(_salin(o, sub_kegiatan=s_baru, target=None, realisasi=None))
    return jumlah


def _salin_profil(kecamatan: Kecamatan, tahun: int) -> bool:
    """Last year's profile and its tables; the report's signing date is the new year's own, and
    an official whose term ended before the year is left out."""
    asal = (
        ProfilKecamatan.objects.filter(kecamatan=kecamatan, tahun=tahun - 1)
        .prefetch_related("desa", "pegawai", "sarana", "organisasi", "pejabat")
        .first()
    )
    if asal is None:
        return False
    baru = _simpan(_salin(asal, tahun=tahun, tanggal_laporan=None))
    for baris in [*asal.desa.all(), *asal.pegawai.all(), *asal.sarana.all()]:
        _simpan(_salin(baris, profil=baru))
    awal_tahun = date(tahun, 1, 1)
    for p in asal.pejabat.all():
        if p.selesai_menjabat is None or p.selesai_menjabat >= awal_tahun:
            _simpan(_salin(p, profil=baru))
    # The chart's boxes in an order where each one's superior already exists.
    unit_baru: dict[int, UnitOrganisasi] = {}
    sisa = list(asal.organisasi.all())
    while sisa:
        siap = [u for u in sisa if u.induk_id is None or u.induk_id in unit_baru]
        if not siap:  # a cycle cannot be stored; keep the boxes, without their superior
            siap, sisa = sisa, []
        for u in siap:
            unit_baru[u.pk] = _simpan(_salin(u, profil=baru, induk=unit_baru.get(u.induk_id)))
        sisa = [u for u in sisa if u.pk not in unit_baru]
    return True


@transaction.atomic
def tahun_mulai(*, kecamatan: Kecamatan, tahun: int, oleh: User | None) -> HasilTahunBaru:
    """Start ``tahun`` from ``tahun - 1`` without retyping: the PK targets from the Renstra in
    force, the budget tree's structure without amounts, and the profile with its tables. Refused
    (``TahunBaruDitolak``, nothing written) when the year is locked, outside the Renstra, already
    holds data, or there is nothing to copy, so a second click creates nothing. Every row is
    recorded in the history as «Mulai tahun <tahun>» by ``oleh``."""
    # One start at a time per kecamatan: the second waits here, then finds the year filled.
    kecamatan = Kecamatan.objects.select_for_update().get(pk=kecamatan.pk)
    pastikan_dapat_diubah(kecamatan, tahun)
    if alasan := tahun_mulai_hambatan(kecamatan=kecamatan, tahun=tahun):
        raise TahunBaruDitolak(alasan)
    renstra = Renstra.objects.berlaku(kecamatan, tahun)
    with perubahan_oleh(f"Mulai tahun {tahun}", oleh):
        target_pk, target_kosong = _salin_perjanjian(kecamatan, tahun, renstra)
        sub_kegiatan = _salin_anggaran(kecamatan, tahun, renstra)
        profil = _salin_profil(kecamatan, tahun)
    return HasilTahunBaru(
        tahun=tahun,
        target_pk=target_pk,
        target_kosong=target_kosong,
        sub_kegiatan=sub_kegiatan,
        profil=profil,
    )
