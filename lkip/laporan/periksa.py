"""The consistency check: what a reviewer would find wrong in a kecamatan's LKIP, before it
is submitted.

The year's data is fetched once (``ambil``, a fixed number of queries whatever the number
of indicators or budget rows); then each rule is a function of that data returning typed
findings (``Temuan``). The rules are registered in ``ATURAN`` with their severity: a
``galat`` blocks submission, a ``peringatan`` does not. ``docs/periksa.md`` lists them.
"""

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from django.db.models import Count, Exists, OuterRef, Prefetch
from django.urls import reverse

from anggaran.models import SubKegiatan
from capaian import scoring
from capaian.models import Bukti, Realisasi
from capaian.selectors import BarisCapaian, CapaianTahun, DataTidakTersedia, capaian_tahun
from kecamatan.jabatan import pejabat_pada
from kecamatan.models import Kecamatan, Pejabat, ProfilKecamatan
from lkip.laporan.kalimat import baca_pembanding
from perencanaan.models import (
    PenetapanIku,
    PerjanjianKinerja,
    RencanaKinerjaTahunan,
    TargetRenstra,
)
from umum.angka import format_rupiah, format_tanggal, teks_nilai


class Tingkat(StrEnum):
    GALAT = "galat"
    PERINGATAN = "peringatan"


@dataclass(frozen=True)
class Temuan:
    """One finding: which rule, how serious, what is wrong (Indonesian) and where to fix it."""

    aturan: str
    tingkat: Tingkat
    pesan: str
    url_nama: str
    url_kwargs: tuple[tuple[str, object], ...] = ()

    @property
    def url(self) -> str:
        return reverse(self.url_nama, kwargs=dict(self.url_kwargs))

    def as_json(self) -> dict:
        return {"aturan": self.aturan, "tingkat": self.tingkat.value, "pesan": self.pesan, "url": self.url}


# --- the data, fetched once ---------------------------------------------------------------


@dataclass(frozen=True)
class DataPeriksa:
    kecamatan: Kecamatan
    tahun: int
    capaian: CapaianTahun | None
    alasan_tanpa_capaian: str
    perjanjian_versi: list[PerjanjianKinerja]
    target_renstra: Mapping[tuple[int, int], TargetRenstra]
    """(indikator id, tahun) → the Renstra target."""
    rkt: RencanaKinerjaTahunan | None
    realisasi_lalu: Mapping[int, Realisasi]
    """Indikator id → the previous year's realisasi."""
    jumlah_bukti: Mapping[int, int]
    """Realisasi id → number of evidence files or links."""
    sub_kegiatan: list[SubKegiatan]
    profil: ProfilKecamatan | None
    penetapan_iku: PenetapanIku | None
    konversi: Mapping[str, Decimal] = field(default_factory=dict)

    @property
    def baris(self) -> list[BarisCapaian]:
        return [] if self.capaian is None else self.capaian.baris

    @property
    def perjanjian(self) -> PerjanjianKinerja | None:
        return self.perjanjian_versi[-1] if self.perjanjian_versi else None

    @property
    def pejabat(self) -> list[Pejabat]:
        return [] if self.profil is None else list(self.profil.pejabat.all())

    @property
    def kepala(self) -> Pejabat | None:
        return next((p for p in self.pejabat if p.kepala), None)


def ambil(
    *, kecamatan: Kecamatan, tahun: int, capaian_dihitung: tuple[CapaianTahun | None, str] | None = None
) -> DataPeriksa:
    """Everything the rules read, in a fixed number of queries. A page that has already scored
    the year passes ``capaian_dihitung`` (the scores, or ``None`` and why not) to save queries."""
    # Rows of one kecamatan's year, or read into a mapping: ``order_by()`` (or a key of the row's
    # own) spares the joins that the models' default order makes, up to the kecamatan's name.
    perjanjian_versi = list(
        PerjanjianKinerja.objects.filter(kecamatan=kecamatan, tahun=tahun).order_by("versi")
    )
    if capaian_dihitung is not None:
        capaian, alasan = capaian_dihitung
    else:
        berlaku = perjanjian_versi[-1] if perjanjian_versi else None
        try:
            capaian, alasan = capaian_tahun(kecamatan=kecamatan, tahun=tahun, perjanjian=berlaku), ""
        except DataTidakTersedia as exc:
            capaian, alasan = None, str(exc)
    indikator_id = [] if capaian is None else [b.indikator.pk for b in capaian.baris]
    realisasi_id = [b.realisasi_obj.pk for b in (capaian.baris if capaian else []) if b.realisasi_obj]
    # The rules need the officials; of the other tables only whether they have a row.
    profil = (
        ProfilKecamatan.objects.filter(kecamatan=kecamatan, tahun=tahun)
        .order_by()
        .annotate(**{f"ada_{nama}": _ada_baris(nama) for nama, _label, _halaman in TABEL_PROFIL})
        .prefetch_related(_tabel_profil("pejabat"))
        .first()
    )
    return DataPeriksa(
        kecamatan=kecamatan,
        tahun=tahun,
        capaian=capaian,
        alasan_tanpa_capaian=alasan,
        perjanjian_versi=perjanjian_versi,
        target_renstra={
            (t.indikator_id, t.tahun): t
            for t in TargetRenstra.objects.filter(indikator_id__in=indikator_id, tahun=tahun).order_by()
        },
        rkt=RencanaKinerjaTahunan.objects.filter(kecamatan=kecamatan, tahun=tahun)
        .order_by()
        .prefetch_related("target")
        .first(),
        realisasi_lalu={
            r.indikator_id: r
            for r in Realisasi.objects.filter(indikator_id__in=indikator_id, tahun=tahun - 1).order_by()
        },
        jumlah_bukti=dict(
            Bukti.objects.filter(realisasi_id__in=realisasi_id)
            .order_by()
            .values("realisasi_id")
            .annotate(n=Count("pk"))
            .values_list("realisasi_id", "n")
        ),
        sub_kegiatan=list(
            SubKegiatan.objects.for_kecamatan_tahun(kecamatan.pk, tahun).order_by(
                "kegiatan__program__kode", "kegiatan__kode", "kode"
            )
        ),
        profil=profil,
        penetapan_iku=PenetapanIku.objects.filter(kecamatan=kecamatan, tahun=tahun).first(),
        konversi={} if capaian is None else capaian.konversi,
    )


# --- helpers ------------------------------------------------------------------------------


def _tabel_profil(nama: str) -> Prefetch:
    """A table of one profile in its model's order after ``profil``: every row has the same
    profile, and ordering by it would join the profile and its kecamatan."""
    model = ProfilKecamatan._meta.get_field(nama).related_model
    urutan = [f for f in model._meta.ordering if f != "profil"]
    return Prefetch(nama, queryset=model.objects.order_by(*urutan))


def _ada_baris(nama: str) -> Exists:
    """Whether the profile's table ``nama`` has a row, inside the profile's own query."""
    model = ProfilKecamatan._meta.get_field(nama).related_model
    return Exists(model.objects.filter(profil=OuterRef("pk")))


def _ruang(data: DataPeriksa) -> tuple[tuple[str, object], ...]:
    return (("slug", data.kecamatan.slug), ("tahun", data.tahun))


def _temuan(aturan: str, tingkat: Tingkat, pesan: str, data: DataPeriksa, halaman: str, **kwargs) -> Temuan:
    """A finding fixed on a page of the year (``halaman`` is a ``web:`` URL name); a page
    outside the web pages is given whole (``admin:…``)."""
    if ":" in halaman:
        return Temuan(aturan, tingkat, pesan, halaman, tuple(kwargs.items()))
    return Temuan(aturan, tingkat, pesan, f"web:{halaman}", tuple({**dict(_ruang(data)), **kwargs}.items()))


def _sama(a: scoring.Nilai | None, b: scoring.Nilai | None) -> bool:
    """Two values as written are the same: equal numbers (``90`` = ``90,00``) and letters."""
    if a is None or b is None:
        return a is b
    return a.huruf == b.huruf and a.angka == b.angka


def _teks(nilai: scoring.Nilai | None) -> str:
    return "–" if nilai is None else nilai.teks.replace(".", ",")


def _nip(teks: str) -> str:
    return re.sub(r"\D", "", teks)


def _nama(teks: str) -> str:
    """A name without titles' punctuation and spacing, for matching «A. FAUZI» to «A.FAUZI»."""
    return re.sub(r"[^a-z]", "", teks.split(",")[0].lower())


# --- the rules ----------------------------------------------------------------------------


def tanpa_perjanjian(data: DataPeriksa) -> Iterator[Temuan]:
    """Without a PK (or a scale for the year) nothing can be scored."""
    if not data.perjanjian_versi:
        pesan = f"Kecamatan {data.kecamatan.nama} belum memiliki Perjanjian Kinerja tahun {data.tahun}."
        yield _temuan("tanpa_perjanjian", Tingkat.GALAT, pesan, data, "perjanjian")
    elif data.capaian is None:  # the scale of the year is chosen by the administrator
        pesan = f"{data.alasan_tanpa_capaian} Minta administrator memilihnya."
        yield _temuan("tanpa_perjanjian", Tingkat.GALAT, pesan, data, "admin:capaian_skalatahun_changelist")


def pk_beda_renstra(data: DataPeriksa) -> Iterator[Temuan]:
    """A PK target that differs from the Renstra's target of the year, with no PK Perubahan."""
    if any(p.jenis == PerjanjianKinerja.Jenis.PERUBAHAN for p in data.perjanjian_versi):
        return
    for b in data.baris:
        t = data.target_renstra.get((b.indikator.pk, data.tahun))
        renstra = None if t is None else scoring.nilai_opsional(t.angka, t.huruf)
        if b.target is not None and renstra is not None and not _sama(b.target, renstra):
            yield _temuan(
                "pk_beda_renstra",
                Tingkat.GALAT,
                f"Target PK {b.indikator.kode} ({_teks(b.target)}) berbeda dengan target Renstra tahun "
                f"{data.tahun} ({_teks(renstra)}), padahal tidak ada PK Perubahan.",
                data,
                "perjanjian",
            )


def rkt_beda_pk(data: DataPeriksa) -> Iterator[Temuan]:
    if data.capaian is None:
        return
    if data.rkt is None:
        yield _temuan("rkt_beda_pk", Tingkat.GALAT, f"RKT tahun {data.tahun} belum dibuat.", data, "rkt")
        return
    rkt = {t.indikator_id: scoring.nilai_opsional(t.angka, t.huruf) for t in data.rkt.target.all()}
    for b in data.baris:
        if b.indikator.pk not in rkt:
            pesan = f"Indikator {b.indikator.kode} ada di PK tetapi tidak ada di RKT."
        elif rkt[b.indikator.pk] is None and b.target is not None:
            pesan = f"Target RKT {b.indikator.kode} belum diisi, sedangkan target PK {_teks(b.target)}."
        elif not _sama(rkt[b.indikator.pk], b.target):
            pesan = (
                f"Target RKT {b.indikator.kode} ({_teks(rkt[b.indikator.pk])}) berbeda dengan target PK "
                f"({_teks(b.target)})."
            )
        else:
            continue
        # The PK is signed after the budget is set and is what the year is scored on; an RKT
        # that differs is for the reviewer to see, not a reason to hold the submission.
        yield _temuan("rkt_beda_pk", Tingkat.PERINGATAN, pesan, data, "rkt")


def indikator_tanpa_nilai(data: DataPeriksa) -> Iterator[Temuan]:
    for b in data.baris:
        if b.target is None:
            yield _temuan(
                "indikator_tanpa_nilai",
                Tingkat.GALAT,
                f"Target PK {b.indikator.kode} belum diisi.",
                data,
                "perjanjian",
            )
        if b.hasil.status == scoring.Status.BELUM_DIISI:
            yield _temuan(
                "indikator_tanpa_nilai",
                Tingkat.GALAT,
                f"Realisasi {b.indikator.kode} belum diisi.",
                data,
                "realisasi",
                indikator_id=b.indikator.pk,
            )


def realisasi_beda_triwulan(data: DataPeriksa) -> Iterator[Temuan]:
    """A yearly value typed beside quarters whose roll-up (by the indicator's rule) differs: the
    scoring service's own finding, so this check and the capaian pages say the same thing."""
    for b in data.baris:
        for t in b.temuan:
            if t.jenis == scoring.JenisTemuan.REKAP_TRIWULAN_BERBEDA:
                yield _temuan(
                    "realisasi_beda_triwulan",
                    Tingkat.GALAT,
                    f"{b.indikator.kode}: {t.pesan}",
                    data,
                    "realisasi",
                    indikator_id=b.indikator.pk,
                )


def _pita_huruf(huruf: str, skala: scoring.Skala, konversi: Mapping[str, Decimal]) -> scoring.Pita | None:
    """The band of a letter: the scale's own band of that name, else the conversion table's
    (from the next lower letter's number, exclusive, to the letter's number)."""
    sendiri = next((p for p in skala.pita if p.kode == huruf), None)
    if sendiri is not None or huruf not in konversi:
        return sendiri
    bawah = max((v for v in konversi.values() if v < konversi[huruf]), default=None)
    return scoring.Pita(kode=huruf, bawah=bawah, bawah_inklusif=bawah is None, atas=konversi[huruf])


def huruf_di_luar_pita(data: DataPeriksa) -> Iterator[Temuan]:
    if data.capaian is None:
        return
    skala = data.capaian.skala.skala
    for b in data.baris:
        yearly = (
            None
            if b.realisasi_obj is None
            else scoring.nilai_opsional(b.realisasi_obj.angka, b.realisasi_obj.huruf)
        )
        for jenis, nilai, halaman, kwargs in (
            ("target PK", b.target, "perjanjian", {}),
            ("realisasi", yearly, "realisasi", {"indikator_id": b.indikator.pk}),
        ):
            if nilai is None or not nilai.huruf or nilai.angka is None:
                continue
            pita = _pita_huruf(nilai.huruf, skala, data.konversi)
            if pita is not None and not pita.memuat(nilai.angka):
                yield _temuan(
                    "huruf_di_luar_pita",
                    Tingkat.GALAT,
                    f"Nilai {jenis} {b.indikator.kode} «{_teks(nilai)}»: angka {teks_nilai(nilai.angka)} "
                    f"di luar rentang huruf {nilai.huruf}; periksa hurufnya atau angkanya.",
                    data,
                    halaman,
                    **kwargs,
                )


def realisasi_di_atas_pagu(data: DataPeriksa) -> Iterator[Temuan]:
    for s in data.sub_kegiatan:
        if s.realisasi is not None and s.pagu is not None and s.realisasi > s.pagu:
            yield _temuan(
                "realisasi_di_atas_pagu",
                Tingkat.GALAT,
                f"Realisasi anggaran sub kegiatan {s.kode} {s.nama} ({format_rupiah(s.realisasi)}) "
                f"melebihi pagunya ({format_rupiah(s.pagu)}).",
                data,
                "anggaran",
            )


def sasaran_tanpa_sub_kegiatan(data: DataPeriksa) -> Iterator[Temuan]:
    didukung = {s.sasaran_id for s in data.sub_kegiatan}
    diperjanjikan = {b.sasaran.pk: b.sasaran for b in data.baris}
    for s in diperjanjikan.values():
        if s.pk not in didukung:
            yield _temuan(
                "sasaran_tanpa_sub_kegiatan",
                Tingkat.PERINGATAN,
                f"Sasaran {s.nomor or s.kode} «{s.uraian}» tidak didukung sub kegiatan mana pun, "
                "sehingga efisiensinya tidak dapat dihitung.",
                data,
                "anggaran",
            )


def tanpa_iku(data: DataPeriksa) -> Iterator[Temuan]:
    """No indicator of the PK is an IKU: BAB II B and the IKU annex print no table."""
    if data.baris and not any(b.indikator.is_iku for b in data.baris):
        yield _temuan(
            "tanpa_iku",
            Tingkat.PERINGATAN,
            "Tidak ada indikator Perjanjian Kinerja yang ditandai IKU, sehingga tabel IKU di BAB II dan "
            "lampiran IKU tidak dicetak.",
            data,
            "renstra",
        )


def sub_kegiatan_tanpa_sasaran(data: DataPeriksa) -> Iterator[Temuan]:
    for s in data.sub_kegiatan:
        if s.sasaran_id is None:
            yield _temuan(
                "sub_kegiatan_tanpa_sasaran",
                Tingkat.PERINGATAN,
                f"Sub kegiatan {s.kode} {s.nama} belum dikaitkan dengan sasaran yang didukungnya.",
                data,
                "anggaran",
            )


def capaian_lebih_tanpa_analisis(data: DataPeriksa) -> Iterator[Temuan]:
    for b in data.baris:
        r = b.realisasi_obj
        if b.hasil.mentah is None or b.hasil.mentah <= 100 or r is None:
            continue
        if not (r.faktor_keberhasilan.strip() or r.catatan.strip()):
            yield _temuan(
                "capaian_lebih_tanpa_analisis",
                Tingkat.PERINGATAN,
                f"Capaian {b.indikator.kode} melebihi 100% ({str(b.hasil.capaian).replace('.', ',')}%) "
                "tanpa penjelasan pada analisis (faktor keberhasilan atau catatan).",
                data,
                "realisasi",
                indikator_id=b.indikator.pk,
            )


@dataclass(frozen=True)
class Tandatangan:
    dokumen: str
    nama: str
    tanggal: date | None
    nip: str
    pangkat: str
    halaman_nama: str
    """Where the signatory is fixed."""
    halaman_tanggal: tuple[str, dict]
    """Where the date is fixed: URL name and extra kwargs."""
    butuh_nip: bool = True


def _ttd_kepala(data: DataPeriksa, tanggal: date | None) -> dict:
    """The head's signature as the report prints it: the official in office on the date."""
    pejabat = pejabat_pada(data.pejabat, tanggal)
    return {
        "nama": pejabat.nama if pejabat else "",
        "nip": pejabat.nip if pejabat else "",
        "pangkat": pejabat.pangkat if pejabat else "",
        "halaman_nama": "profil_pejabat" if data.profil else "profil",
    }


def _tandatangan(data: DataPeriksa) -> list[Tandatangan]:
    """Every signature the report prints, with its document's date."""
    tanggal_laporan = None if data.profil is None else data.profil.tanggal_laporan
    hasil = [
        Tandatangan(
            "LKIP",
            tanggal=tanggal_laporan,
            halaman_tanggal=("profil", {}),
            **_ttd_kepala(data, tanggal_laporan),
        )
    ]
    awal = date(data.tahun, 1, 1)
    iku = data.penetapan_iku
    if iku is not None:
        ubah_iku = ("admin:perencanaan_penetapaniku_change", {"object_id": iku.pk})
        hasil.append(
            Tandatangan(
                "Keputusan IKU",
                tanggal=iku.tanggal,
                halaman_tanggal=ubah_iku,
                **_ttd_kepala(data, iku.tanggal or awal),
            )
        )
    if data.rkt is not None:
        hasil.append(
            Tandatangan(
                "RKT",
                tanggal=data.rkt.tanggal,
                halaman_tanggal=("rkt", {}),
                **_ttd_kepala(data, data.rkt.tanggal or awal),
            )
        )
    pk = data.perjanjian
    if pk is not None:
        hasil += [
            Tandatangan(
                "PK (pihak pertama)",
                pk.pihak_pertama_nama,
                pk.tanggal,
                pk.pihak_pertama_nip,
                pk.pihak_pertama_pangkat,
                "perjanjian",
                ("perjanjian", {}),
            ),
            # The Bupati is elected: there is no NIP or pangkat to print.
            Tandatangan(
                "PK (pihak kedua)",
                pk.pihak_kedua_nama,
                pk.tanggal,
                "",
                "",
                "perjanjian",
                ("perjanjian", {}),
                butuh_nip=False,
            ),
        ]
    return hasil


def penanda_tangan_tidak_lengkap(data: DataPeriksa) -> Iterator[Temuan]:
    for t in _tandatangan(data):
        aturan = "penanda_tangan_tidak_lengkap"
        if not t.nama.strip():
            pesan = f"{t.dokumen}: penanda tangan belum ada."
            yield _temuan(aturan, Tingkat.GALAT, pesan, data, t.halaman_nama)
            continue
        if t.tanggal is None:
            halaman, kwargs = t.halaman_tanggal
            pesan = f"{t.dokumen}: tanggal penandatanganan belum diisi lengkap."
            yield _temuan(aturan, Tingkat.GALAT, pesan, data, halaman, **kwargs)
        isian = (("NIP", t.nip), ("pangkat", t.pangkat)) if t.butuh_nip else ()
        kurang = [label for label, isi in isian if not isi.strip()]
        if kurang:
            pesan = f"{t.dokumen}: {' dan '.join(kurang)} {t.nama} belum diisi."
            yield _temuan(aturan, Tingkat.PERINGATAN, pesan, data, t.halaman_nama)


def _pejabat_untuk(data: DataPeriksa, t: Tandatangan) -> Pejabat | None:
    nip = _nip(t.nip)
    return next(
        (
            p
            for p in data.pejabat
            if (nip and _nip(p.nip) == nip) or (_nama(p.nama) and _nama(p.nama) == _nama(t.nama))
        ),
        None,
    )


def penanda_tangan_tidak_menjabat(data: DataPeriksa) -> Iterator[Temuan]:
    """A signatory whose recorded term does not cover the document's date."""
    for t in _tandatangan(data):
        pejabat = _pejabat_untuk(data, t) if t.nama.strip() else None
        if pejabat is None or t.tanggal is None or pejabat.menjabat_pada(t.tanggal) is not False:
            continue
        masa = " – ".join(
            format_tanggal(d) if d else "…" for d in (pejabat.mulai_menjabat, pejabat.selesai_menjabat)
        )
        yield _temuan(
            "penanda_tangan_tidak_menjabat",
            Tingkat.GALAT,
            f"{t.dokumen} bertanggal {format_tanggal(t.tanggal)} ditandatangani {pejabat.nama}, yang "
            f"menurut data pejabat menjabat {masa}.",
            data,
            "profil_pejabat",
        )


def tanggal_laporan_sebelum_akhir_tahun(data: DataPeriksa) -> Iterator[Temuan]:
    """The LKIP reports a whole year, so it cannot be signed before that year ends."""
    tanggal = None if data.profil is None else data.profil.tanggal_laporan
    if tanggal is not None and tanggal <= date(data.tahun, 12, 31):
        yield _temuan(
            "tanggal_laporan_sebelum_akhir_tahun",
            Tingkat.GALAT,
            f"LKIP tahun {data.tahun} bertanggal {format_tanggal(tanggal)}, sebelum tahun {data.tahun} "
            "berakhir; sampul dan Kata Pengantar mencetak tanggal ini.",
            data,
            "profil",
        )


def tahun_lalu_kosong(data: DataPeriksa) -> Iterator[Temuan]:
    for b in data.baris:
        lalu = data.realisasi_lalu.get(b.indikator.pk)
        if lalu is None or lalu.status == Realisasi.Status.BELUM_DIISI:
            yield _temuan(
                "tahun_lalu_kosong",
                Tingkat.PERINGATAN,
                f"Realisasi {b.indikator.kode} tahun {data.tahun - 1} belum ada, jadi perbandingan "
                "dengan tahun sebelumnya kosong.",
                data,
                "realisasi",
                indikator_id=b.indikator.pk,
                tahun=data.tahun - 1,
            )


def bukti_kosong(data: DataPeriksa) -> Iterator[Temuan]:
    for b in data.baris:
        r = b.realisasi_obj
        if r is not None and r.status == Realisasi.Status.TERISI and not data.jumlah_bukti.get(r.pk):
            yield _temuan(
                "bukti_kosong",
                Tingkat.PERINGATAN,
                f"Bukti dukung realisasi {b.indikator.kode} belum diunggah.",
                data,
                "realisasi",
                indikator_id=b.indikator.pk,
            )


TABEL_PROFIL = (
    ("desa", "Desa/kelurahan", "profil_desa"),
    ("pegawai", "Komposisi pegawai", "profil_pegawai"),
    ("sarana", "Sarana dan prasarana", "profil_sarana"),
    ("organisasi", "Susunan organisasi", "profil_organisasi"),
    ("pejabat", "Pejabat", "profil_pejabat"),
)


def profil_kosong(data: DataPeriksa) -> Iterator[Temuan]:
    if data.profil is None:
        yield _temuan(
            "profil_kosong",
            Tingkat.GALAT,
            f"Profil kecamatan tahun {data.tahun} belum diisi.",
            data,
            "profil",
        )
        return
    for nama, label, halaman in TABEL_PROFIL:
        if not getattr(data.profil, f"ada_{nama}"):
            yield _temuan(
                "profil_kosong",
                Tingkat.PERINGATAN,
                f"Tabel {label} kosong, padahal dicetak di BAB I laporan.",
                data,
                halaman,
            )
    for label, isi in (
        ("luas wilayah", data.profil.luas_km2),
        ("jumlah penduduk", data.profil.jumlah_penduduk),
    ):
        if isi is None:
            yield _temuan(
                "profil_kosong", Tingkat.PERINGATAN, f"Profil: {label} belum diisi.", data, "profil"
            )


def pembanding_kosong(data: DataPeriksa) -> Iterator[Temuan]:
    for b in data.baris:
        r = b.realisasi_obj
        if r is None or r.status != Realisasi.Status.TERISI:
            continue
        kosong = [
            label
            for label, isi in (
                ("nasional", r.pembanding_nasional),
                ("provinsi", r.pembanding_provinsi),
                ("kabupaten", r.pembanding_kabupaten),
            )
            if not isi.strip()
        ]
        if kosong:
            yield _temuan(
                "pembanding_kosong",
                Tingkat.PERINGATAN,
                f"Nilai pembanding {', '.join(kosong)} untuk {b.indikator.kode} belum diisi.",
                data,
                "realisasi",
                indikator_id=b.indikator.pk,
            )


def pembanding_tidak_terbaca(data: DataPeriksa) -> Iterator[Temuan]:
    """A comparison value the report cannot read as a number gets no comparison sentence."""
    for b in data.baris:
        r = b.realisasi_obj
        if r is None:
            continue
        for label, isi in (
            ("nasional", r.pembanding_nasional),
            ("provinsi", r.pembanding_provinsi),
            ("kabupaten", r.pembanding_kabupaten),
        ):
            if isi.strip() and baca_pembanding(isi) is None:
                yield _temuan(
                    "pembanding_tidak_terbaca",
                    Tingkat.PERINGATAN,
                    f"Nilai pembanding {label} «{isi.strip()}» untuk {b.indikator.kode} tidak dapat dibaca "
                    "sebagai angka (tulis misalnya 86,34), sehingga tidak dibandingkan dalam laporan.",
                    data,
                    "realisasi",
                    indikator_id=b.indikator.pk,
                )


@dataclass(frozen=True)
class Aturan:
    kode: str
    judul: str
    periksa: Callable[[DataPeriksa], Iterator[Temuan]]


ATURAN: tuple[Aturan, ...] = (
    Aturan("tanpa_perjanjian", "Perjanjian Kinerja dan skala predikat tahun ini ada", tanpa_perjanjian),
    Aturan(
        "pk_beda_renstra", "Target PK sama dengan target Renstra, kecuali ada PK Perubahan", pk_beda_renstra
    ),
    Aturan("rkt_beda_pk", "Target RKT sama dengan target PK", rkt_beda_pk),
    Aturan("indikator_tanpa_nilai", "Setiap indikator punya target dan realisasi", indikator_tanpa_nilai),
    Aturan(
        "realisasi_beda_triwulan", "Realisasi tahunan sama dengan hasil triwulannya", realisasi_beda_triwulan
    ),
    Aturan("huruf_di_luar_pita", "Angka nilai huruf berada dalam rentang hurufnya", huruf_di_luar_pita),
    Aturan("realisasi_di_atas_pagu", "Realisasi anggaran tidak melebihi pagu", realisasi_di_atas_pagu),
    Aturan("sasaran_tanpa_sub_kegiatan", "Setiap sasaran didukung sub kegiatan", sasaran_tanpa_sub_kegiatan),
    Aturan("sub_kegiatan_tanpa_sasaran", "Setiap sub kegiatan mendukung sasaran", sub_kegiatan_tanpa_sasaran),
    Aturan("tanpa_iku", "Ada indikator yang ditetapkan sebagai IKU", tanpa_iku),
    Aturan(
        "capaian_lebih_tanpa_analisis",
        "Capaian di atas 100% dijelaskan dalam analisis",
        capaian_lebih_tanpa_analisis,
    ),
    Aturan(
        "penanda_tangan_tidak_lengkap",
        "Penanda tangan, tanggal, NIP dan pangkat lengkap",
        penanda_tangan_tidak_lengkap,
    ),
    Aturan(
        "penanda_tangan_tidak_menjabat",
        "Penanda tangan menjabat pada tanggal dokumen",
        penanda_tangan_tidak_menjabat,
    ),
    Aturan(
        "tanggal_laporan_sebelum_akhir_tahun",
        "LKIP ditandatangani setelah tahun laporannya berakhir",
        tanggal_laporan_sebelum_akhir_tahun,
    ),
    Aturan("tahun_lalu_kosong", "Realisasi tahun sebelumnya ada untuk perbandingan", tahun_lalu_kosong),
    Aturan("bukti_kosong", "Setiap realisasi punya bukti dukung", bukti_kosong),
    Aturan("profil_kosong", "Profil dan tabel-tabelnya terisi", profil_kosong),
    Aturan("pembanding_kosong", "Nilai pembanding nasional, provinsi, kabupaten terisi", pembanding_kosong),
    Aturan(
        "pembanding_tidak_terbaca", "Nilai pembanding dapat dibaca sebagai angka", pembanding_tidak_terbaca
    ),
)

URUTAN_TINGKAT = {Tingkat.GALAT: 0, Tingkat.PERINGATAN: 1}


def jalankan(data: DataPeriksa) -> list[Temuan]:
    """Every rule over the fetched data; errors first, then in the order of ``ATURAN``."""
    temuan = [t for aturan in ATURAN for t in aturan.periksa(data)]
    return sorted(temuan, key=lambda t: URUTAN_TINGKAT[t.tingkat])


def periksa(*, kecamatan: Kecamatan, tahun: int) -> list[Temuan]:
    return jalankan(ambil(kecamatan=kecamatan, tahun=tahun))


def ada_galat(temuan: list[Temuan]) -> bool:
    """Whether the findings block submission."""
    return any(t.tingkat == Tingkat.GALAT for t in temuan)


@dataclass(frozen=True)
class KelompokTemuan:
    """The findings grouped by severity, for the page and the year's home."""

    galat: list[Temuan]
    peringatan: list[Temuan]

    @classmethod
    def dari(cls, temuan: list[Temuan]) -> "KelompokTemuan":
        return cls(
            galat=[t for t in temuan if t.tingkat == Tingkat.GALAT],
            peringatan=[t for t in temuan if t.tingkat == Tingkat.PERINGATAN],
        )


__all__ = [
    "ATURAN",
    "Aturan",
    "DataPeriksa",
    "Temuan",
    "Tingkat",
    "ada_galat",
    "ambil",
    "jalankan",
    "periksa",
]


def pesan_galat(kecamatan: Kecamatan, tahun: int) -> list[str]:
    """The errors that hold a submission, as messages (registered with the review workflow)."""
    return [t.pesan for t in periksa(kecamatan=kecamatan, tahun=tahun) if t.tingkat == Tingkat.GALAT]
