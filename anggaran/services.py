"""Writes to the budget tree: one transaction, validated with ``full_clean``."""

import hashlib
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils.translation import gettext as _

from anggaran.models import (
    Dokumentasi,
    IndikatorKegiatan,
    IndikatorProgram,
    Kegiatan,
    Keluaran,
    Program,
    SubKegiatan,
)
from kecamatan.alur import pastikan_dapat_diubah
from kecamatan.models import Kecamatan
from umum.gambar import foto_siapkan
from umum.riwayat import bulk_create_riwayat, bulk_update_riwayat, isi_kolom
from umum.urutan import KodeUrut, kunci_kode
from umum.versi import DataKedaluwarsa, versi_objek


def versi_anggaran(sub_kegiatan: list[SubKegiatan], keluaran: list[Keluaran]) -> str:
    """Version token of a year's budget rows and outputs."""
    return versi_objek(None if not sub_kegiatan else sub_kegiatan[0], [*sub_kegiatan, *keluaran])


def _baris(kecamatan: Kecamatan, tahun: int) -> tuple[list[SubKegiatan], list[Keluaran]]:
    sub = list(
        SubKegiatan.objects.for_kecamatan_tahun(kecamatan.pk, tahun).select_for_update().order_by("pk")
    )
    keluaran = list(
        Keluaran.objects.filter(sub_kegiatan__in=[s.pk for s in sub]).select_for_update().order_by("pk")
    )
    return sub, keluaran


def anggaran_versi(*, kecamatan: Kecamatan, tahun: int) -> str:
    return versi_anggaran(*_baris(kecamatan, tahun))


@transaction.atomic
def anggaran_update(
    *,
    kecamatan: Kecamatan,
    tahun: int,
    versi: str,
    sub_kegiatan: dict[int, tuple[Decimal, Decimal | None]],
    keluaran: dict[int, tuple[Decimal | None, Decimal | None]],
    jenis_belanja: dict[int, str] | None = None,
) -> None:
    """Save pagu, realisasi and (when given) jenis belanja of each sub kegiatan and target and
    realisasi of each output (keyed by id; ids of another kecamatan or year are ignored)."""
    pastikan_dapat_diubah(kecamatan, tahun)
    sub, luaran = _baris(kecamatan, tahun)
    if versi_anggaran(sub, luaran) != versi:
        raise DataKedaluwarsa()
    for baris in sub:
        if baris.pk in sub_kegiatan:
            baris.pagu, baris.realisasi = sub_kegiatan[baris.pk]
            kolom = ["pagu", "realisasi"]
            if jenis_belanja is not None and baris.pk in jenis_belanja:
                baris.jenis_belanja = jenis_belanja[baris.pk]
                kolom.append("jenis_belanja")
            baris.full_clean()
            baris.save(update_fields=kolom)
    for baris in luaran:
        if baris.pk in keluaran:
            baris.target, baris.realisasi = keluaran[baris.pk]
            baris.full_clean()
            baris.save(update_fields=["target", "realisasi"])


# --- deletes ----------------------------------------------------------------------------
# ``anggaran_baris_hambatan_hapus`` says why a budget row cannot be deleted ("" when it can): a row
# with children keeps them; the page shows it before asking and ``anggaran_baris_delete`` checks again.


def anggaran_baris_hambatan_hapus(baris: models.Model) -> str:
    if isinstance(baris, Program) and (n := baris.kegiatan.count()):
        return _("Program %(kode)s masih memiliki %(n)s kegiatan; hapus kegiatannya terlebih dahulu.") % {
            "kode": baris.kode,
            "n": n,
        }
    if isinstance(baris, Kegiatan) and (n := baris.sub_kegiatan.count()):
        return _(
            "Kegiatan %(kode)s masih memiliki %(n)s sub kegiatan; hapus sub kegiatannya terlebih dahulu."
        ) % {"kode": baris.kode, "n": n}
    if isinstance(baris, SubKegiatan) and (n := baris.keluaran.count()):
        return _(
            "Sub kegiatan %(kode)s masih memiliki %(n)s indikator keluaran; hapus keluarannya terlebih dahulu."
        ) % {"kode": baris.kode, "n": n}
    return ""


def _program_dari(baris: models.Model) -> Program:
    """The program a budget row belongs to (the row itself for a program): its year is locked."""
    if isinstance(baris, IndikatorProgram):
        baris = baris.program
    if isinstance(baris, IndikatorKegiatan):
        baris = baris.kegiatan
    if isinstance(baris, Keluaran):
        baris = baris.sub_kegiatan
    if isinstance(baris, SubKegiatan):
        baris = baris.kegiatan
    if isinstance(baris, Kegiatan):
        baris = baris.program
    return baris


@transaction.atomic
def anggaran_baris_delete(*, baris: models.Model) -> None:
    """Delete a program, kegiatan, sub kegiatan or output that has no children."""
    baris = type(baris).objects.select_for_update().get(pk=baris.pk)
    program = _program_dari(baris)
    pastikan_dapat_diubah(program.kecamatan_id, program.tahun)
    if alasan := anggaran_baris_hambatan_hapus(baris):
        raise ValidationError(alasan)
    baris.delete()


@transaction.atomic
def anggaran_pohon_simpan(
    *,
    kecamatan: Kecamatan,
    tahun: int,
    program: dict[str, str],
    kegiatan: dict[tuple[str, str], str],
    sub_kegiatan: dict[tuple[str, str, str], dict],
    keluaran: dict[tuple[str, str, str, str], dict],
    indikator_program: dict[tuple[str, str], dict] | None = None,
    indikator_kegiatan: dict[tuple[str, str, str], dict] | None = None,
) -> None:
    """Create or update budget rows by their codes (an import): ``program`` kode → nama,
    ``kegiatan`` (program, kegiatan) → nama, ``sub_kegiatan`` (program, kegiatan, sub) → its
    fields, ``keluaran`` (program, kegiatan, sub, uraian) → its fields, ``indikator_program``
    (program, uraian) and ``indikator_kegiatan`` (program, kegiatan, uraian) → ``satuan``,
    ``target``, ``realisasi``; a new output or indicator goes after its parent's others. A row
    whose parent is neither named nor stored is an error; rows not named are left as they are.
    Each row is validated with ``full_clean`` (the database keeps the unique and range
    constraints) and written only when it changes, level by level with the history's bulk
    helpers, so the queries do not grow with the rows."""
    pastikan_dapat_diubah(kecamatan, tahun)
    # In key order: the default order joins the kecamatan, whose row FOR UPDATE would lock too.
    ada_p = {
        p.kode: p
        for p in Program.objects.select_for_update().filter(kecamatan=kecamatan, tahun=tahun).order_by("pk")
    }
    ada_k = {
        (k.program.kode, k.kode): k
        for k in Kegiatan.objects.filter(program__in=list(ada_p.values())).select_related("program")
    }
    ada_s = {
        (s.kegiatan.program.kode, s.kegiatan.kode, s.kode): s
        for s in SubKegiatan.objects.filter(kegiatan__in=list(ada_k.values())).select_related(
            "kegiatan__program"
        )
    }
    kunci_sub = {s.pk: kunci for kunci, s in ada_s.items()}
    ada_o = {
        (*kunci_sub[o.sub_kegiatan_id], o.uraian): o
        for o in Keluaran.objects.filter(sub_kegiatan__in=list(ada_s.values()))
    }
    urutan_o: dict[tuple, int] = {}
    for kunci, o in ada_o.items():
        urutan_o[kunci[:3]] = max(urutan_o.get(kunci[:3], 0), o.urutan)

    def induk(peta: dict, kunci: tuple):
        if kunci not in peta:
            raise ValidationError(_("Induk %(kode)s tidak ada.") % {"kode": " / ".join(kunci)})
        return peta[kunci]

    def simpan(model, peta: dict, isian: dict, buat) -> None:
        baru, ubah, bidang = [], [], set()
        for kunci, nilai in isian.items():
            obj = peta.get(kunci) or buat(kunci)
            sebelum = None if obj.pk is None else isi_kolom(obj)
            for nama, isi in nilai.items():
                setattr(obj, nama, isi)
            if isinstance(obj, KodeUrut):
                obj.kode_urut = kunci_kode(obj.kode)
            # Parents and sasaran come from the rows fetched above (and the plan's check of the
            # Renstra): no query per row to look each foreign key up again.
            fk = [f.name for f in model._meta.concrete_fields if f.is_relation]
            obj.full_clean(exclude=fk, validate_unique=False, validate_constraints=False)
            if sebelum is None:
                baru.append(obj)
            elif isi_kolom(obj) != sebelum:
                ubah.append(obj)
                bidang |= {
                    n for n in nilai if getattr(obj, n) != sebelum.get(model._meta.get_field(n).attname)
                }
            peta[kunci] = obj
        bulk_create_riwayat(baru, model)
        if ubah:
            bulk_update_riwayat(ubah, model, sorted(bidang))

    def keluaran_baru(kunci: tuple) -> Keluaran:
        urutan_o[kunci[:3]] = urutan_o.get(kunci[:3], 0) + 1
        return Keluaran(sub_kegiatan=induk(ada_s, kunci[:3]), uraian=kunci[3], urutan=urutan_o[kunci[:3]])

    simpan(
        Program,
        ada_p,
        {k: {"nama": n} for k, n in program.items()},
        lambda k: Program(kecamatan=kecamatan, tahun=tahun, kode=k),
    )
    simpan(
        Kegiatan,
        ada_k,
        {k: {"nama": n} for k, n in kegiatan.items()},
        lambda k: Kegiatan(program=induk(ada_p, k[0]), kode=k[1]),
    )
    simpan(SubKegiatan, ada_s, sub_kegiatan, lambda k: SubKegiatan(kegiatan=induk(ada_k, k[:2]), kode=k[2]))
    simpan(Keluaran, ada_o, keluaran, keluaran_baru)

    def indikator(model, ada_induk: dict[tuple, models.Model], isian: dict[tuple, dict]) -> None:
        if not isian:
            return  # the stored indicators are not even read
        kunci_induk = {obj.pk: kunci for kunci, obj in ada_induk.items()}
        ada = {
            (*kunci_induk[getattr(i, f"{model.NAMA_INDUK}_id")], i.uraian): i
            for i in model.objects.filter(**{f"{model.NAMA_INDUK}__in": list(ada_induk.values())})
        }
        urutan: dict[tuple, int] = {}
        for kunci, i in ada.items():
            urutan[kunci[:-1]] = max(urutan.get(kunci[:-1], 0), i.urutan)

        def baru(kunci: tuple):
            urutan[kunci[:-1]] = urutan.get(kunci[:-1], 0) + 1
            return model(
                **{model.NAMA_INDUK: induk(ada_induk, kunci[:-1])},
                uraian=kunci[-1],
                urutan=urutan[kunci[:-1]],
            )

        simpan(model, ada, isian, baru)

    indikator(IndikatorProgram, {(k,): p for k, p in ada_p.items()}, indikator_program or {})
    indikator(IndikatorKegiatan, ada_k, indikator_kegiatan or {})


# --- Program and kegiatan indicators -------------------------------------------------------


def versi_indikator_anggaran(induk: Program | Kegiatan) -> str:
    """Version token of a program's or kegiatan's indicators."""
    return versi_objek(induk, induk.indikator.all())


@transaction.atomic
def indikator_anggaran_update(*, induk: Program | Kegiatan, versi: str, baris: list[dict]) -> None:
    """Save the indicators of a program or kegiatan as the page lists them, in order: each row is
    ``uraian``, ``satuan``, ``target``, ``realisasi`` plus ``id`` (one of this row's indicators,
    or ``None`` for a new one) and ``hapus``. Rows marked ``hapus`` go first, so a name they
    free can be taken by another row; an indicator the list does not name is left as it is.
    All or nothing."""
    induk = type(induk).objects.select_for_update().get(pk=induk.pk)
    program = _program_dari(induk)
    pastikan_dapat_diubah(program.kecamatan_id, program.tahun)
    if versi_indikator_anggaran(induk) != versi:
        raise DataKedaluwarsa()
    model = IndikatorProgram if isinstance(induk, Program) else IndikatorKegiatan
    ada = {obj.pk: obj for obj in induk.indikator.all()}
    if any(b.get("id") is not None and b["id"] not in ada for b in baris):
        raise DataKedaluwarsa()
    for isian in baris:
        if isian.get("hapus") and isian.get("id") is not None:
            ada.pop(isian["id"]).delete()
    urutan = 0
    for isian in baris:
        if isian.get("hapus"):
            continue
        urutan += 1
        pk = isian.get("id")
        obj = ada[pk] if pk is not None else model(**{model.NAMA_INDUK: induk})
        sebelum = None if obj.pk is None else isi_kolom(obj)
        obj.uraian = isian["uraian"].strip()
        obj.satuan = (isian.get("satuan") or "").strip()
        obj.target = isian.get("target")
        obj.realisasi = isian.get("realisasi")
        obj.urutan = urutan
        obj.full_clean()
        if sebelum is None or isi_kolom(obj) != sebelum:
            obj.save()


# --- Dokumentasi -----------------------------------------------------------------------------


def dokumentasi_tempat(
    *, kecamatan: Kecamatan, tahun: int, bagian: str
) -> tuple[Program, Kegiatan | None, SubKegiatan | None]:
    """The budget row a photo documents, from its form value (``program:3``, ``kegiatan:7``,
    ``sub_kegiatan:12``), only within this kecamatan's year; ``ValidationError`` otherwise."""
    jenis, _sep, nomor = bagian.partition(":")
    model = {"program": Program, "kegiatan": Kegiatan, "sub_kegiatan": SubKegiatan}.get(jenis)
    tahun_ini = {
        Program: {"kecamatan": kecamatan, "tahun": tahun},
        Kegiatan: {"program__kecamatan": kecamatan, "program__tahun": tahun},
        SubKegiatan: {"kegiatan__program__kecamatan": kecamatan, "kegiatan__program__tahun": tahun},
    }
    baris = None
    if model is not None and nomor.isdigit():
        baris = model.objects.filter(pk=int(nomor), **tahun_ini[model]).first()
    if baris is None:
        raise ValidationError(
            _("Pilih program, kegiatan atau sub kegiatan anggaran tahun ini untuk foto ini.")
        )
    if isinstance(baris, SubKegiatan):
        return baris.kegiatan.program, baris.kegiatan, baris
    if isinstance(baris, Kegiatan):
        return baris.program, baris, None
    return baris, None, None


@transaction.atomic
def dokumentasi_create(
    *, kecamatan: Kecamatan, tahun: int, bagian: str, foto: bytes, keterangan: str, tampilkan_di_laporan: bool
) -> Dokumentasi:
    """Add a photo to a program, kegiatan or sub kegiatan of the year. ``foto`` is the upload's
    bytes; it is checked and re-encoded (``umum.gambar.foto_siapkan``) and stored under its hash."""
    pastikan_dapat_diubah(kecamatan.pk, tahun)
    program, kegiatan, sub_kegiatan = dokumentasi_tempat(kecamatan=kecamatan, tahun=tahun, bagian=bagian)
    siap = foto_siapkan(foto)
    sidik = hashlib.sha256(siap.isi).hexdigest()
    dokumentasi = Dokumentasi(
        program=program,
        kegiatan=kegiatan,
        sub_kegiatan=sub_kegiatan,
        sidik=sidik,
        lebar=siap.lebar,
        tinggi=siap.tinggi,
        keterangan=keterangan.strip(),
        tampilkan_di_laporan=tampilkan_di_laporan,
    )
    dokumentasi.full_clean(exclude=["berkas"])  # the bytes were checked above; nothing is stored yet
    nama = f"dokumentasi/{sidik}.{siap.jenis}"
    storage = dokumentasi.berkas.storage
    if storage.exists(nama):  # the same photo again: one file serves both rows
        dokumentasi.berkas.name = nama
    else:  # a file left by a rolled-back upload has these very bytes: reusing it is safe
        dokumentasi.berkas.save(f"{sidik}.{siap.jenis}", ContentFile(siap.isi), save=False)
    dokumentasi.save()
    return dokumentasi


@transaction.atomic
def dokumentasi_update(
    *, dokumentasi: Dokumentasi, keterangan: str, tampilkan_di_laporan: bool
) -> Dokumentasi:
    """Change a photo's caption or whether the report prints it."""
    obj = Dokumentasi.objects.select_for_update().select_related("program").get(pk=dokumentasi.pk)
    pastikan_dapat_diubah(obj.program.kecamatan_id, obj.program.tahun)
    sebelum = isi_kolom(obj)
    obj.keterangan = keterangan.strip()
    obj.tampilkan_di_laporan = tampilkan_di_laporan
    obj.full_clean(exclude=["berkas"])
    if isi_kolom(obj) != sebelum:
        obj.save()
    return obj


@transaction.atomic
def dokumentasi_delete(*, dokumentasi: Dokumentasi) -> None:
    obj = Dokumentasi.objects.select_for_update().select_related("program").get(pk=dokumentasi.pk)
    pastikan_dapat_diubah(obj.program.kecamatan_id, obj.program.tahun)
    berkas = obj.berkas
    obj.delete()
    # The same photo may be attached twice (one file, named by its hash): keep it while used.
    if berkas and not Dokumentasi.objects.filter(berkas=berkas.name).exists():
        transaction.on_commit(lambda: berkas.storage.delete(berkas.name))
