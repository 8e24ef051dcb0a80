"""Selectors of the "Riwayat" pages: the audit trail that django-simple-history keeps, read.

A page is one ``UNION ALL`` of narrow keys over the history tables of the models it covers,
newest first, counted and paginated in the database; then one more ``UNION ALL`` fetches the
page's rows, each with its values and the values of the record before it as JSON. So a page
is three queries (count, keys, rows) whatever the data. Which rows belong to a kecamatan's year, and how an item is named, is the table
``BAGIAN`` below.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.paginator import Page, Paginator
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery, TextField, Value
from django.db.models.functions import Cast, Coalesce, Concat, JSONObject
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
from capaian.models import Bukti, Realisasi, RealisasiTriwulan
from kecamatan.models import (
    Desa,
    Inovasi,
    Kecamatan,
    KomposisiPegawai,
    Pejabat,
    PengesahanData,
    Penghargaan,
    ProfilKecamatan,
    SaranaPrasarana,
    UnitOrganisasi,
)
from lkip.laporan.models import BagianNarasi, NarasiLaporan
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
from umum.angka import format_angka, format_rupiah, format_tanggal

PER_HALAMAN = 50

#: Columns that change on every save and say nothing a reader needs.
KOLOM_MESIN = {"id", "diperbarui", "diunggah"}

#: Whole numbers that are names, not quantities: never grouped by thousands (2024, not 2.024).
KOLOM_NOMOR = {"tahun", "tahun_awal", "tahun_akhir", "berlaku_mulai", "versi", "urutan", "triwulan", "nomor"}

Lingkup = Callable[[Kecamatan, int], Q]


def _renstra_tahun(awalan: str) -> Lingkup:
    """Rows of the Renstra that covers the year (every version of its period)."""
    return lambda k, t: Q(
        **{f"{awalan}kecamatan_id": k.pk, f"{awalan}tahun_awal__lte": t, f"{awalan}tahun_akhir__gte": t}
    )


def _tahun(awalan: str) -> Lingkup:
    return lambda k, t: Q(**{f"{awalan}kecamatan_id": k.pk, f"{awalan}tahun": t})


@dataclass(frozen=True)
class Model:
    """How the history of one model is read: which rows belong to a kecamatan's year, the
    text that names the parent the users know the row by, and how the row itself is named."""

    model: type[models.Model]
    bagian: str
    lingkup: Lingkup
    induk: Any = None
    nama: Callable[[dict[str, Any]], str] = lambda d: ""


def _gabung(*bagian: Any) -> Any:
    """Text of columns and literals joined; a missing column (a deleted parent) reads as empty."""
    teks = [
        Coalesce(Cast(b, TextField()), Value(""), output_field=TextField())
        if isinstance(b, F)
        else Value(b.value, output_field=TextField())
        for b in bagian
    ]
    return teks[0] if len(teks) == 1 else Concat(*teks, output_field=TextField())


INDIKATOR = _gabung(F("indikator__kode"), Value(" "), F("indikator__uraian"))
INDIKATOR_REALISASI = _gabung(
    F("realisasi__indikator__kode"), Value(" "), F("realisasi__indikator__uraian"), Value(", "),
    F("realisasi__tahun"),
)  # fmt: skip

MODEL: tuple[Model, ...] = (
    Model(Kecamatan, "profil", lambda k, t: Q(id=k.pk), nama=lambda d: d["nama"] or ""),
    Model(ProfilKecamatan, "profil", _tahun(""), nama=lambda d: d["tahun"] or ""),
    Model(Desa, "profil", _tahun("profil__"), nama=lambda d: d["nama"] or ""),
    Model(KomposisiPegawai, "profil", _tahun("profil__"), nama=lambda d: d["jabatan"] or ""),
    Model(SaranaPrasarana, "profil", _tahun("profil__"), nama=lambda d: d["nama"] or ""),
    Model(UnitOrganisasi, "profil", _tahun("profil__"), nama=lambda d: d["nama"] or ""),
    Model(Pejabat, "profil", _tahun("profil__"), nama=lambda d: f"{d['nama']} ({d['jabatan']})"),
    Model(Inovasi, "profil", _tahun("profil__"), nama=lambda d: d["nama"] or ""),
    Model(Penghargaan, "profil", _tahun("profil__"), nama=lambda d: d["nama"] or ""),
    Model(PengesahanData, "profil", _tahun(""), nama=lambda d: d["nama"] or ""),
    Model(
        Renstra,
        "renstra",
        _renstra_tahun(""),
        nama=lambda d: f"{d['tahun_awal']}–{d['tahun_akhir']} (v{d['versi']})",
    ),
    Model(Tujuan, "renstra", _renstra_tahun("renstra__"), nama=lambda d: f"{d['kode']} {d['uraian']}"),
    Model(
        IndikatorTujuan,
        "renstra",
        _renstra_tahun("tujuan__renstra__"),
        induk=_gabung(F("tujuan__kode")),
        nama=lambda d: d["uraian"] or "",
    ),
    Model(
        TargetTujuan,
        "renstra",
        lambda k, t: Q(indikator__tujuan__renstra__kecamatan_id=k.pk, tahun=t),
        induk=_gabung(F("indikator__uraian")),
        nama=lambda d: d["tahun"] or "",
    ),
    Model(Sasaran, "renstra", _renstra_tahun("renstra__"), nama=lambda d: f"{d['kode']} {d['uraian']}"),
    Model(
        Indikator,
        "renstra",
        _renstra_tahun("sasaran__renstra__"),
        nama=lambda d: f"{d['kode']} {d['uraian']}",
    ),
    Model(
        TargetRenstra,
        "renstra",
        lambda k, t: Q(indikator__sasaran__renstra__kecamatan_id=k.pk, tahun=t),
        induk=INDIKATOR,
        nama=lambda d: d["tahun"] or "",
    ),
    Model(PenetapanIku, "renstra", _tahun(""), nama=lambda d: d["nomor"] or ""),
    Model(RencanaKinerjaTahunan, "rkt", _tahun(""), nama=lambda d: d["tahun"] or ""),
    Model(TargetRkt, "rkt", _tahun("rkt__"), induk=INDIKATOR),
    Model(PerjanjianKinerja, "perjanjian", _tahun(""), nama=lambda d: f"{d['tahun']} (v{d['versi']})"),
    Model(TargetPerjanjian, "perjanjian", _tahun("perjanjian__"), induk=INDIKATOR),
    Model(AnggaranPerjanjian, "perjanjian", _tahun("perjanjian__"), nama=lambda d: d["program"] or ""),
    Model(
        Realisasi,
        "realisasi",
        lambda k, t: Q(indikator__sasaran__renstra__kecamatan_id=k.pk, tahun=t),
        induk=INDIKATOR,
    ),
    Model(
        RealisasiTriwulan,
        "realisasi",
        lambda k, t: Q(realisasi__indikator__sasaran__renstra__kecamatan_id=k.pk, realisasi__tahun=t),
        induk=INDIKATOR_REALISASI,
        nama=lambda d: _("Triwulan %(n)s") % {"n": d["triwulan"]},
    ),
    Model(
        Bukti,
        "realisasi",
        lambda k, t: Q(realisasi__indikator__sasaran__renstra__kecamatan_id=k.pk, realisasi__tahun=t),
        induk=INDIKATOR_REALISASI,
        nama=lambda d: d["keterangan"] or d["tautan"] or (d["berkas"] or "").rsplit("/", 1)[-1],
    ),
    Model(Program, "anggaran", _tahun(""), nama=lambda d: f"{d['kode']} {d['nama']}"),
    Model(Kegiatan, "anggaran", _tahun("program__"), nama=lambda d: f"{d['kode']} {d['nama']}"),
    Model(
        IndikatorProgram,
        "anggaran",
        _tahun("program__"),
        induk=_gabung(F("program__kode")),
        nama=lambda d: d["uraian"] or "",
    ),
    Model(
        IndikatorKegiatan,
        "anggaran",
        _tahun("kegiatan__program__"),
        induk=_gabung(F("kegiatan__kode")),
        nama=lambda d: d["uraian"] or "",
    ),
    Model(SubKegiatan, "anggaran", _tahun("kegiatan__program__"), nama=lambda d: f"{d['kode']} {d['nama']}"),
    Model(
        Keluaran,
        "anggaran",
        _tahun("sub_kegiatan__kegiatan__program__"),
        induk=_gabung(F("sub_kegiatan__kode")),
        nama=lambda d: d["uraian"] or "",
    ),
    Model(
        Dokumentasi,
        "anggaran",
        _tahun("program__"),
        induk=_gabung(F("program__kode")),
        nama=lambda d: d["keterangan"] or "",
    ),
    Model(
        NarasiLaporan,
        "narasi",
        _tahun(""),
        nama=lambda d: str(dict(BagianNarasi.choices).get(d["bagian"], d["bagian"])),
    ),
)

PER_MODEL = {m.model._meta.label_lower: m for m in MODEL}

BAGIAN = {
    "profil": _("Profil"),
    "renstra": _("Renstra"),
    "rkt": _("RKT"),
    "perjanjian": _("Perjanjian Kinerja"),
    "realisasi": _("Realisasi"),
    "anggaran": _("Anggaran"),
    "narasi": _("Narasi laporan"),
}

JENIS = {"+": _("ditambah"), "~": _("diubah"), "-": _("dihapus")}


@dataclass(frozen=True)
class Perubahan:
    kolom: str
    lama: str
    baru: str


@dataclass(frozen=True)
class Catatan:
    """One history record as the page shows it."""

    waktu: datetime
    jenis: str
    jenis_kode: str
    pengguna: str
    alasan: str
    jenis_item: str
    item: str
    perubahan: tuple[Perubahan, ...]


def _kolom(model: type[models.Model]) -> list[models.Field]:
    return [f for f in model._meta.concrete_fields if f.name not in KOLOM_MESIN]


def _json(model: type[models.Model]) -> JSONObject:
    """The row's values as text (exact decimals, ISO dates) keyed by column."""
    return JSONObject(**{f.attname: Cast(F(f.attname), TextField()) for f in _kolom(model)})


def _bagian_queryset(spesifikasi: Model, saring: Q) -> models.QuerySet:
    riwayat = spesifikasi.model.history.model
    sebelum = (
        riwayat.objects.filter(id=OuterRef("id"), history_id__lt=OuterRef("history_id"))
        .order_by("-history_id")
        .annotate(isi=_json(spesifikasi.model))
        .values("isi")[:1]
    )
    return (
        riwayat.objects.filter(saring)
        .order_by()
        .annotate(
            isi=_json(spesifikasi.model),
            isi_sebelum=Subquery(sebelum, output_field=models.JSONField()),
            label=Value(spesifikasi.model._meta.label_lower, TextField()),
            nama_induk=spesifikasi.induk if spesifikasi.induk is not None else Value("", TextField()),
            nama_pengguna=_gabung(F("history_user__first_name"), Value(" "), F("history_user__last_name")),
            akun=_gabung(F("history_user__username")),
        )
        .values(
            "history_id",
            "history_date",
            "history_type",
            "history_change_reason",
            "label",
            "nama_induk",
            "nama_pengguna",
            "akun",
            "isi",
            "isi_sebelum",
        )
    )


def _gabungkan(semua: list[models.QuerySet]) -> models.QuerySet:
    pertama, *sisa = semua
    return pertama.union(*sisa, all=True) if sisa else pertama


def riwayat_queryset(bagian: Iterable[tuple[Model, Q]]) -> models.QuerySet:
    """The keys of every history record of ``bagian`` (model, filter on its history), newest
    first: narrow rows, so counting and paging do not build every row's values."""
    return _gabungkan(
        [
            spesifikasi.model.history.model.objects.filter(saring)
            .order_by()
            .annotate(label=Value(spesifikasi.model._meta.label_lower, TextField()))
            .values("history_id", "history_date", "label")
            for spesifikasi, saring in bagian
        ]
    ).order_by("-history_date", "-history_id")


def _isi_halaman(kunci: list[dict]) -> list[dict]:
    """The full rows (values, previous values, names) of one page's keys, in the keys' order:
    one query, since every part is filtered to its few ids."""
    if not kunci:
        return []
    per_label: dict[str, list[int]] = {}
    for k in kunci:
        per_label.setdefault(k["label"], []).append(k["history_id"])
    baris = _gabungkan(
        [_bagian_queryset(PER_MODEL[label], Q(history_id__in=ids)) for label, ids in per_label.items()]
    )
    menurut_kunci = {(b["label"], b["history_id"]): b for b in baris}
    return [menurut_kunci[(k["label"], k["history_id"])] for k in kunci]


def _format(field: models.Field, teks: str | None) -> str:
    if teks is None or teks == "":
        return "–"
    if field.choices:
        return str(dict(field.flatchoices).get(teks, teks))
    if isinstance(field, models.BooleanField):
        return _("ya") if teks.lower() in {"1", "true"} else _("tidak")
    if isinstance(field, models.DateField):
        return format_tanggal(date.fromisoformat(teks[:10]))
    if field.name in KOLOM_NOMOR:
        return teks
    if isinstance(field, models.DecimalField | models.IntegerField) and not field.is_relation:
        try:
            angka = Decimal(teks)
        except InvalidOperation:
            return teks
        if "(rp)" in str(field.verbose_name).lower():
            return format_rupiah(angka)
        return format_angka(angka)
    return teks


def _perubahan(model: type[models.Model], isi: dict, sebelum: dict | None, jenis: str) -> tuple:
    hasil = []
    for field in _kolom(model):
        if field.is_relation:
            continue
        baru, lama = isi.get(field.attname), (sebelum or {}).get(field.attname)
        if jenis == "~" and sebelum is not None and _sama(field, baru, lama):
            continue
        if jenis == "+" and baru in (None, ""):
            continue
        hasil.append(
            Perubahan(
                kolom=str(field.verbose_name),
                lama="–" if jenis == "+" or sebelum is None else _format(field, lama),
                baru="–" if jenis == "-" else _format(field, baru),
            )
        )
    return tuple(hasil)


def _sama(field: models.Field, a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a == b
    if isinstance(field, models.DecimalField):
        try:
            return Decimal(a) == Decimal(b)
        except InvalidOperation:
            return a == b
    return a == b


def _catatan(baris: dict) -> Catatan:
    spesifikasi = PER_MODEL[baris["label"]]
    model = spesifikasi.model
    isi, sebelum, jenis = baris["isi"], baris["isi_sebelum"], baris["history_type"]
    nama = str(spesifikasi.nama(isi))
    item = (
        f"{baris['nama_induk'].strip()} — {nama}"
        if baris["nama_induk"].strip() and nama
        else (nama or baris["nama_induk"].strip())
    )
    return Catatan(
        waktu=baris["history_date"],
        jenis=str(JENIS[jenis]),
        jenis_kode={"+": "tambah", "~": "ubah", "-": "hapus"}[jenis],
        pengguna=baris["nama_pengguna"].strip() or baris["akun"] or _("(sistem)"),
        alasan=baris["history_change_reason"] or "",
        jenis_item=str(model._meta.verbose_name).capitalize(),
        item=item,
        perubahan=_perubahan(model, isi, sebelum, jenis),
    )


@dataclass(frozen=True)
class HalamanRiwayat:
    judul: str
    halaman: Page
    catatan: list[Catatan]


def halaman_riwayat(*, judul: str, bagian: list[tuple[Model, Q]], nomor: Any) -> HalamanRiwayat:
    """One page of the history of ``bagian``: three queries (count, the page's keys, their rows)."""
    halaman = Paginator(riwayat_queryset(bagian), PER_HALAMAN).get_page(nomor)
    catatan = [_catatan(b) for b in _isi_halaman(list(halaman.object_list))]
    return HalamanRiwayat(judul=judul, halaman=halaman, catatan=catatan)


def bagian_tahun(kecamatan: Kecamatan, tahun: int, bagian: str | None = None) -> list[tuple[Model, Q]]:
    """Every model of the kecamatan's year, or only those of one ``bagian`` (profil, renstra…)."""
    return [(m, m.lingkup(kecamatan, tahun)) for m in MODEL if bagian is None or m.bagian == bagian]


def bagian_realisasi(indikator_id: int, tahun: int) -> list[tuple[Model, Q]]:
    """An indicator's realisasi of the year, its quarters and its evidence."""
    return [
        (PER_MODEL["capaian.realisasi"], Q(indikator_id=indikator_id, tahun=tahun)),
        (
            PER_MODEL["capaian.realisasitriwulan"],
            Q(realisasi__indikator_id=indikator_id, realisasi__tahun=tahun),
        ),
        (PER_MODEL["capaian.bukti"], Q(realisasi__indikator_id=indikator_id, realisasi__tahun=tahun)),
    ]


def bagian_sub_kegiatan(sub_kegiatan_id: int) -> list[tuple[Model, Q]]:
    """A budget row (sub kegiatan) and its outputs."""
    return [
        (PER_MODEL["anggaran.subkegiatan"], Q(id=sub_kegiatan_id)),
        (PER_MODEL["anggaran.keluaran"], Q(sub_kegiatan_id=sub_kegiatan_id)),
    ]
