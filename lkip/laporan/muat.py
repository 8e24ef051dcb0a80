"""Load one kecamatan document (``fixtures/kecamatan/<slug>.json``, see ``fixtures/FORMAT.md``).

Every object is found by its natural key and updated in place, so loading the same
document twice changes nothing; rows a document no longer lists are removed from the
collections it owns. The whole document loads in one transaction: a malformed value
stops it with a message naming the place, and nothing is half-written.
"""

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models, transaction

from anggaran.models import IndikatorKegiatan, IndikatorProgram, Kegiatan, Keluaran, Program, SubKegiatan
from capaian.models import Realisasi, RealisasiTriwulan
from capaian.scoring import nilai_teks_opsional
from kecamatan.alur import TahunTerkunci, pastikan_tahun_dapat_diubah
from kecamatan.models import (
    Desa,
    Inovasi,
    Kecamatan,
    KomposisiPegawai,
    Pejabat,
    Penghargaan,
    ProfilKecamatan,
    RincianPegawai,
    SaranaPrasarana,
    UnitOrganisasi,
)
from perencanaan.models import (
    AnggaranPerjanjian,
    Indikator,
    IndikatorTujuan,
    MisiRpjmd,
    PenetapanIku,
    PerjanjianKinerja,
    RencanaKinerjaTahunan,
    Renstra,
    Rpjmd,
    Sasaran,
    TargetPerjanjian,
    TargetRenstra,
    TargetRkt,
    TargetTujuan,
    Tujuan,
)
from umum.angka import AngkaTidakValid, parse_angka
from umum.kolom import batas_kolom, rentang_kolom
from umum.riwayat import isi_kolom, perubahan_oleh

Dokumen = Mapping[str, Any]
M = TypeVar("M", bound=models.Model)


class DokumenTidakValid(ValueError):
    """The document cannot be loaded; the message says where and why, in Indonesian."""


def _simpan(model: type[M], kunci: Mapping[str, Any], **isian: Any) -> M:
    """Create or update the object found by ``kunci``; an object the document does not change
    is not saved, so loading again writes nothing and adds nothing to its history."""
    obj = model._default_manager.filter(**kunci).first() or model(**kunci)
    sebelum = None if obj.pk is None else isi_kolom(obj)
    for nama, nilai in isian.items():
        setattr(obj, nama, nilai)
    try:
        obj.full_clean()
    except ValidationError as exc:
        kunci_teks = ", ".join(f"{k}={v}" for k, v in kunci.items() if not isinstance(v, models.Model))
        rincian = "; ".join(f"{kolom}: {' '.join(pesan)}" for kolom, pesan in exc.message_dict.items())
        raise DokumenTidakValid(f"{model._meta.verbose_name} ({kunci_teks}): {rincian}") from exc
    if sebelum is None or isi_kolom(obj) != sebelum:
        obj.save()
    return obj


def _buang_sisanya(queryset: models.QuerySet, disimpan: Iterable[models.Model]) -> None:
    queryset.exclude(pk__in=[o.pk for o in disimpan]).delete()


def _nilai(teks: str | None, tempat: str) -> dict[str, Any]:
    try:
        nilai = nilai_teks_opsional(teks)
    except AngkaTidakValid as exc:
        raise DokumenTidakValid(f"{tempat}: {exc}") from exc
    if nilai is None:
        return {"angka": None, "huruf": ""}
    return {"angka": nilai.angka, "huruf": nilai.huruf}


def _angka(
    teks: str | int | None, tempat: str, kolom: models.Field | None = None, *, rupiah: bool = False
) -> Decimal | int | None:
    """A number of the document, read as the pages read it: only the digits 0–9, and within
    ``kolom`` (its digits and decimals, or an integer column's range, giving an ``int``)."""
    if teks is None or str(teks).strip() == "":
        return None
    if isinstance(teks, bool):
        raise DokumenTidakValid(f"{tempat}: «{teks}» bukan angka.")
    batas = None if kolom is None else batas_kolom(kolom, rupiah=rupiah)
    try:
        angka = parse_angka(str(teks), batas)
    except AngkaTidakValid as exc:
        raise DokumenTidakValid(f"{tempat}: {exc}") from exc
    if not isinstance(kolom, models.IntegerField):
        return angka
    bawah, atas = rentang_kolom(kolom)
    if (bawah is not None and angka < bawah) or (atas is not None and angka > atas):
        raise DokumenTidakValid(f"{tempat}: «{teks}» harus antara {bawah} dan {atas}.")
    return int(angka)


def _kolom(model: type[models.Model], nama: str) -> models.Field:
    return model._meta.get_field(nama)


def _target_triwulan(data: Dokumen, tempat: str, model: type[models.Model]) -> dict[str, Decimal | None]:
    """The Rencana Aksi's quarterly targets, ``{"1": "3", "2": "4"}``; a quarter left out is empty."""
    triwulan = data.get("target_triwulan") or {}
    if not isinstance(triwulan, dict) or not set(triwulan) <= {"1", "2", "3", "4"}:
        raise DokumenTidakValid(f'{tempat}: target triwulan harus berkunci "1" sampai "4".')
    return {
        f"target_tw{tw}": _angka(
            triwulan.get(str(tw)), f"{tempat}, target triwulan {tw}", _kolom(model, f"target_tw{tw}")
        )
        for tw in range(1, 5)
    }


def _tanggal(teks: str | None) -> date | None:
    return date.fromisoformat(teks) if teks else None


def kecamatan_muat(*, dokumen: Dokumen, alasan: str = "muat_kecamatan", pengguna: Any = None) -> Kecamatan:
    """Create or update a kecamatan and everything the document says about it; every change
    is kept in its history with ``alasan`` and, when known, ``pengguna``."""
    with perubahan_oleh(alasan, pengguna), transaction.atomic():
        return _kecamatan_muat(dokumen)


def _kecamatan_muat(dokumen: Dokumen) -> Kecamatan:
    try:
        data = dokumen["kecamatan"]
        _pastikan_tidak_terkunci(data["slug"], dokumen)
        kecamatan = _simpan(
            Kecamatan,
            {"slug": data["slug"]},
            nama=data["nama"],
            kabupaten=data.get("kabupaten", "Jember"),
            alamat_kantor=data.get("alamat_kantor", ""),
            sintetis=bool(data.get("sintetis", False)),
        )
        for profil in dokumen.get("profil", []):
            _muat_profil(kecamatan, profil)
        for renstra in dokumen.get("renstra", []):
            _muat_renstra(kecamatan, renstra)
        indeks = _IndeksRenstra(kecamatan)
        for iku in dokumen.get("iku", []):
            _simpan(
                PenetapanIku,
                {"kecamatan": kecamatan, "tahun": iku["tahun"]},
                nomor=iku["nomor"],
                tanggal=_tanggal(iku.get("tanggal")),
                tentang=iku.get("tentang", ""),
                menimbang=iku.get("menimbang", ""),
                mengingat=iku.get("mengingat", ""),
                memutuskan=iku.get("memutuskan", ""),
            )
        for rkt in dokumen.get("rkt", []):
            _muat_rkt(kecamatan, rkt, indeks)
        for perjanjian in dokumen.get("perjanjian_kinerja", []):
            _muat_perjanjian(kecamatan, perjanjian, indeks)
        for realisasi in dokumen.get("realisasi", []):
            _muat_realisasi(realisasi, indeks)
        for anggaran in dokumen.get("anggaran", []):
            _muat_anggaran(kecamatan, anggaran, indeks)
    except KeyError as exc:
        raise DokumenTidakValid(f"Kolom wajib {exc} tidak ada dalam dokumen.") from exc
    except ValidationError as exc:
        raise DokumenTidakValid(f"Data tidak valid: {exc.messages}") from exc
    return kecamatan


def tahun_dokumen(dokumen: Dokumen) -> set[int]:
    """Every year the document writes: its yearly sections and each Renstra's whole period."""
    tahun = {
        int(bagian["tahun"])
        for kunci in ("profil", "iku", "rkt", "perjanjian_kinerja", "realisasi", "anggaran")
        for bagian in dokumen.get(kunci, [])
    }
    for renstra in dokumen.get("renstra", []):
        tahun.update(range(int(renstra["tahun_awal"]), int(renstra["tahun_akhir"]) + 1))
    return tahun


def _pastikan_tidak_terkunci(slug: str, dokumen: Dokumen) -> None:
    """Refuse the whole document before anything is written when one of its years is locked."""
    kecamatan = Kecamatan.objects.filter(slug=slug).first()
    if kecamatan is None:
        return
    try:
        pastikan_tahun_dapat_diubah(kecamatan, tahun_dokumen(dokumen))
    except TahunTerkunci as exc:
        raise DokumenTidakValid(exc.messages[0]) from exc


def _sumber_tabel(data: Dokumen) -> dict[str, str]:
    """``{"pegawai": "Data Kepegawaian …"}`` → the profile's ``sumber_*`` fields (absent: empty)."""
    dikenal = {n.removeprefix("sumber_") for n in ProfilKecamatan.SUMBER}
    asing = set(data) - dikenal
    if asing:
        raise DokumenTidakValid(
            f"sumber_tabel: kunci {', '.join(sorted(asing))} tidak dikenal; "
            f"yang dikenal: {', '.join(sorted(dikenal))}."
        )
    return {n: str(data.get(n.removeprefix("sumber_")) or "").strip() for n in ProfilKecamatan.SUMBER}


def _muat_profil(kecamatan: Kecamatan, data: Dokumen) -> None:
    tempat_tanggal = data.get("tempat_tanggal_laporan") or {}
    profil = _simpan(
        ProfilKecamatan,
        {"kecamatan": kecamatan, "tahun": data["tahun"]},
        luas_km2=_angka(data.get("luas_km2"), "luas", _kolom(ProfilKecamatan, "luas_km2")),
        jumlah_penduduk=_angka(
            data.get("jumlah_penduduk"), "jumlah penduduk", _kolom(ProfilKecamatan, "jumlah_penduduk")
        ),
        isu_strategis="\n".join(data.get("isu_strategis", [])),
        tempat_laporan=tempat_tanggal.get("tempat") or "Jember",
        tanggal_laporan=_tanggal(tempat_tanggal.get("tanggal")),
        **_sumber_tabel(data.get("sumber_tabel") or {}),
    )
    desa = [
        _simpan(
            Desa,
            {"profil": profil, "nama": d["nama"]},
            urutan=i,
            jenis=d.get("jenis", "desa"),
            luas_km2=_angka(d.get("luas_km2"), f"luas desa {d['nama']}", _kolom(Desa, "luas_km2")),
            jumlah_penduduk=_angka(
                d.get("jumlah_penduduk"), f"penduduk desa {d['nama']}", _kolom(Desa, "jumlah_penduduk")
            ),
        )
        for i, d in enumerate(data.get("desa", []), start=1)
    ]
    _buang_sisanya(profil.desa.all(), desa)
    pegawai = [
        _simpan(
            KomposisiPegawai,
            {"profil": profil, "kelompok": p.get("kelompok") or "", "jabatan": p["jabatan"]},
            urutan=i,
            **{
                k: _angka(p.get(k), f"pegawai {p['jabatan']}, {k}", _kolom(KomposisiPegawai, k))
                for k in ("kebutuhan", "bezetting", "laki_laki", "perempuan")
            },
        )
        for i, p in enumerate(data.get("pegawai", []), start=1)
    ]
    _buang_sisanya(profil.pegawai.all(), pegawai)
    rincian = [
        _simpan(
            RincianPegawai,
            {
                "profil": profil,
                "dasar": r["dasar"],
                "status": r["status"],
                "uraian": r["uraian"],
                "golongan": r.get("golongan") or "",
                "keterangan": r.get("keterangan") or "",
            },
            urutan=i,
            jumlah=_angka(
                r.get("jumlah"), f"rincian pegawai {r['uraian']}", _kolom(RincianPegawai, "jumlah")
            ),
        )
        for i, r in enumerate(data.get("rincian_pegawai", []), start=1)
    ]
    _buang_sisanya(profil.rincian_pegawai.all(), rincian)
    sarana = [
        _simpan(
            SaranaPrasarana,
            {"profil": profil, "nama": s["nama"]},
            urutan=i,
            jumlah=_angka(s.get("jumlah"), f"sarana {s['nama']}", _kolom(SaranaPrasarana, "jumlah")),
            kondisi=s.get("kondisi") or "",
            jumlah_ideal=_angka(
                s.get("jumlah_ideal"),
                f"sarana {s['nama']}, jumlah ideal",
                _kolom(SaranaPrasarana, "jumlah_ideal"),
            ),
        )
        for i, s in enumerate(data.get("sarana", []), start=1)
    ]
    _buang_sisanya(profil.sarana.all(), sarana)
    unit: dict[str, UnitOrganisasi] = {}
    for i, u in enumerate(data.get("organisasi", []), start=1):
        induk = u.get("induk")
        if induk and induk not in unit:
            raise DokumenTidakValid(
                f"Unit organisasi «{u['kode']}»: atasan «{induk}» harus ditulis lebih dulu."
            )
        unit[u["kode"]] = _simpan(
            UnitOrganisasi,
            {"profil": profil, "kode": u["kode"]},
            urutan=i,
            nama=u["nama"],
            induk=unit[induk] if induk else None,
        )
    _buang_sisanya(profil.organisasi.all(), unit.values())
    pejabat = [
        _simpan(
            Pejabat,
            {"profil": profil, "jabatan": p["jabatan"], "nama": p["nama"]},
            urutan=i,
            pangkat=p.get("pangkat") or "",
            golongan=p.get("golongan") or "",
            nip=p.get("nip") or "",
            kepala=bool(p.get("kepala")),
            mulai_menjabat=_tanggal(p.get("mulai_menjabat")),
            selesai_menjabat=_tanggal(p.get("selesai_menjabat")),
        )
        for i, p in enumerate(data.get("pejabat", []), start=1)
    ]
    _buang_sisanya(profil.pejabat.all(), pejabat)
    inovasi = [
        _simpan(
            Inovasi,
            {"profil": profil, "nama": x["nama"]},
            urutan=i,
            uraian=x.get("uraian") or "",
            tahun_mulai=x.get("tahun_mulai"),
            dasar_penetapan=x.get("dasar_penetapan") or "",
            hasil=x.get("hasil") or "",
            tautan=x.get("tautan") or "",
        )
        for i, x in enumerate(data.get("inovasi", []), start=1)
    ]
    _buang_sisanya(profil.inovasi.all(), inovasi)
    penghargaan = [
        _simpan(
            Penghargaan,
            {"profil": profil, "nama": x["nama"]},
            urutan=i,
            pemberi=x.get("pemberi") or "",
            tingkat=x.get("tingkat") or "",
            tanggal=_tanggal(x.get("tanggal")),
        )
        for i, x in enumerate(data.get("penghargaan", []), start=1)
    ]
    _buang_sisanya(profil.penghargaan.all(), penghargaan)


def _muat_rpjmd(kecamatan: Kecamatan, data: Dokumen | None) -> Rpjmd | None:
    """The kabupaten's RPJMD the Renstra follows. It belongs to the kabupaten, not to one
    kecamatan's document: a document adds or updates its visi and misi, never removes them."""
    if not data:
        return None
    rpjmd = Rpjmd.objects.filter(
        kabupaten=data.get("kabupaten") or kecamatan.kabupaten, tahun_awal=data["tahun_awal"]
    ).first()
    isian = {"tahun_akhir": data["tahun_akhir"]}
    if data.get("visi") or rpjmd is None:
        isian["visi"] = data.get("visi") or ""
    rpjmd = _simpan(
        Rpjmd,
        {"kabupaten": data.get("kabupaten") or kecamatan.kabupaten, "tahun_awal": data["tahun_awal"]},
        **isian,
    )
    for m in data.get("misi", []):
        _simpan(MisiRpjmd, {"rpjmd": rpjmd, "nomor": m["nomor"]}, uraian=m["uraian"])
    return rpjmd


def _muat_renstra(kecamatan: Kecamatan, data: Dokumen) -> None:
    renstra = _simpan(
        Renstra,
        {"kecamatan": kecamatan, "tahun_awal": data["tahun_awal"], "versi": data.get("versi", 1)},
        tahun_akhir=data["tahun_akhir"],
        jenis=data.get("jenis") or Renstra.Jenis.MURNI,
        nomor_keputusan=data.get("nomor_keputusan") or "",
        tanggal_keputusan=_tanggal(data.get("tanggal_keputusan")),
        berlaku_mulai=data.get("berlaku_mulai", data["tahun_awal"]),
        rpjmd=_muat_rpjmd(kecamatan, data.get("rpjmd")),
        misi_rpjmd=data.get("misi_rpjmd"),
    )
    kode_indikator: set[str] = set()
    semua_tujuan, semua_sasaran = [], []
    for i, t in enumerate(data.get("tujuan", []), start=1):
        tujuan = _simpan(Tujuan, {"renstra": renstra, "kode": t["kode"]}, urutan=i, uraian=t["uraian"])
        semua_tujuan.append(tujuan)
        indikator_tujuan = [
            _muat_indikator_tujuan(renstra, tujuan, j, it)
            for j, it in enumerate(t.get("indikator", []), start=1)
        ]
        _buang_sisanya(tujuan.indikator.all(), indikator_tujuan)
        for s in t.get("sasaran", []):
            sasaran = _simpan(
                Sasaran,
                {"renstra": renstra, "kode": s["kode"]},
                tujuan=tujuan,
                nomor=s.get("nomor"),
                uraian=s["uraian"],
                strategi=s.get("strategi") or "",
                kebijakan=s.get("kebijakan") or "",
            )
            semua_sasaran.append(sasaran)
            semua_indikator = []
            for k, ind in enumerate(s.get("indikator", []), start=1):
                if ind["kode"] in kode_indikator:
                    raise DokumenTidakValid(
                        f"Kode indikator «{ind['kode']}» dipakai dua kali dalam satu Renstra."
                    )
                kode_indikator.add(ind["kode"])
                semua_indikator.append(_muat_indikator(renstra, sasaran, k, ind))
            _buang_sisanya(sasaran.indikator.all(), semua_indikator)
    _buang_sisanya(renstra.sasaran.all(), semua_sasaran)
    _buang_sisanya(renstra.tujuan.all(), semua_tujuan)


def _target_tahunan(renstra: Renstra, data: Dokumen, tempat: str) -> dict[int, dict[str, Any]]:
    """The yearly targets of ``data["target"]`` that are filled, checked against the period."""
    hasil = {}
    for tahun, teks in (data.get("target") or {}).items():
        nilai = _nilai(teks, f"{tempat}, target {tahun}")
        if nilai["angka"] is None and not nilai["huruf"]:
            continue
        if not renstra.tahun_awal <= int(tahun) <= renstra.tahun_akhir:
            raise DokumenTidakValid(f"{tempat}: target tahun {tahun} di luar periode Renstra.")
        hasil[int(tahun)] = nilai
    return hasil


def _muat_indikator_tujuan(renstra: Renstra, tujuan: Tujuan, urutan: int, data: Dokumen) -> IndikatorTujuan:
    tempat = f"Indikator tujuan {tujuan.kode} «{data['uraian'][:40]}»"
    akhir = _nilai(data.get("target_akhir"), f"{tempat}, target akhir")
    indikator = _simpan(
        IndikatorTujuan,
        {"tujuan": tujuan, "uraian": data["uraian"]},
        urutan=urutan,
        satuan=data.get("satuan") or "",
        target_akhir_angka=akhir["angka"],
        target_akhir_huruf=akhir["huruf"],
    )
    target = [
        _simpan(TargetTujuan, {"indikator": indikator, "tahun": tahun}, **nilai)
        for tahun, nilai in _target_tahunan(renstra, data, tempat).items()
    ]
    _buang_sisanya(indikator.target.all(), target)
    return indikator


def _muat_indikator(renstra: Renstra, sasaran: Sasaran, urutan: int, data: Dokumen) -> Indikator:
    tempat = f"Indikator {data['kode']}"
    akhir = _nilai(data.get("target_akhir"), f"{tempat}, target akhir")
    indikator = _simpan(
        Indikator,
        {"sasaran": sasaran, "kode": data["kode"]},
        urutan=urutan,
        uraian=data["uraian"],
        satuan=data.get("satuan") or "",
        jenis_nilai=data.get("jenis_nilai") or Indikator.JenisNilai.ANGKA,
        polaritas=data.get("polaritas") or "positif",
        formula=data.get("formula") or "",
        penanggung_jawab=data.get("penanggung_jawab") or "",
        sumber_data=data.get("sumber_data") or "",
        is_iku=bool(data.get("iku", True)),
        aturan_triwulan=data.get("aturan_triwulan") or "terakhir",
        target_akhir_angka=akhir["angka"],
        target_akhir_huruf=akhir["huruf"],
    )
    target = [
        _simpan(TargetRenstra, {"indikator": indikator, "tahun": tahun}, **nilai)
        for tahun, nilai in _target_tahunan(renstra, data, tempat).items()
    ]
    _buang_sisanya(indikator.target_renstra.all(), target)
    return indikator


class _IndeksRenstra:
    """Finds an indikator or sasaran by kode in the Renstra version in force for a year."""

    def __init__(self, kecamatan: Kecamatan) -> None:
        self.kecamatan = kecamatan
        self._renstra: dict[int, Renstra | None] = {}

    def renstra(self, tahun: int) -> Renstra:
        if tahun not in self._renstra:
            self._renstra[tahun] = Renstra.objects.berlaku(self.kecamatan, tahun)
        renstra = self._renstra[tahun]
        if renstra is None:
            raise DokumenTidakValid(
                f"Tidak ada Renstra {self.kecamatan.nama} yang berlaku pada tahun {tahun}."
            )
        return renstra

    def indikator(self, kode: str, tahun: int) -> Indikator:
        renstra = self.renstra(tahun)
        indikator = Indikator.objects.filter(sasaran__renstra=renstra, kode=kode).first()
        if indikator is None:
            raise DokumenTidakValid(
                f"Indikator «{kode}» tidak ada dalam {renstra} yang berlaku tahun {tahun}."
            )
        return indikator

    def sasaran(self, kode: str, tahun: int) -> Sasaran:
        renstra = self.renstra(tahun)
        sasaran = renstra.sasaran.filter(kode=kode).first()
        if sasaran is None:
            raise DokumenTidakValid(f"Sasaran «{kode}» tidak ada dalam {renstra} yang berlaku tahun {tahun}.")
        return sasaran


def _muat_rkt(kecamatan: Kecamatan, data: Dokumen, indeks: _IndeksRenstra) -> None:
    tahun = data["tahun"]
    rkt = _simpan(
        RencanaKinerjaTahunan, {"kecamatan": kecamatan, "tahun": tahun}, tanggal=_tanggal(data.get("tanggal"))
    )
    target = [
        _simpan(
            TargetRkt,
            {"rkt": rkt, "indikator": indeks.indikator(t["indikator"], tahun)},
            **_nilai(t.get("nilai"), f"RKT {tahun}, {t['indikator']}"),
            **_target_triwulan(t, f"RKT {tahun}, {t['indikator']}", TargetRkt),
        )
        for t in data.get("target", [])
    ]
    _buang_sisanya(rkt.target.all(), target)


def _pihak(data: Dokumen, awalan: str) -> dict[str, str]:
    return {
        f"{awalan}_nama": data["nama"],
        f"{awalan}_jabatan": data["jabatan"],
        f"{awalan}_pangkat": data.get("pangkat") or "",
        f"{awalan}_nip": data.get("nip") or "",
        f"{awalan}_status": data.get("status") or "definitif",
    }


def _muat_perjanjian(kecamatan: Kecamatan, data: Dokumen, indeks: _IndeksRenstra) -> None:
    tahun = data["tahun"]
    perjanjian = _simpan(
        PerjanjianKinerja,
        {"kecamatan": kecamatan, "tahun": tahun, "versi": data.get("versi", 1)},
        jenis=data.get("jenis") or PerjanjianKinerja.Jenis.MURNI,
        tempat=data.get("tempat") or "Jember",
        tanggal=_tanggal(data.get("tanggal")),
        **_pihak(data["pihak_pertama"], "pihak_pertama"),
        **_pihak(data["pihak_kedua"], "pihak_kedua"),
    )
    target = [
        _simpan(
            TargetPerjanjian,
            {"perjanjian": perjanjian, "indikator": indeks.indikator(t["indikator"], tahun)},
            urutan=i,
            **_nilai(t.get("nilai"), f"PK {tahun}, {t['indikator']}"),
        )
        for i, t in enumerate(data.get("target", []), start=1)
    ]
    _buang_sisanya(perjanjian.target.all(), target)
    anggaran = [
        _simpan(
            AnggaranPerjanjian,
            {"perjanjian": perjanjian, "program": a["program"]},
            urutan=i,
            anggaran=_angka(
                a["anggaran"],
                f"PK {tahun}, anggaran {a['program']}",
                _kolom(AnggaranPerjanjian, "anggaran"),
                rupiah=True,
            ),
            keterangan=a.get("keterangan") or "",
        )
        for i, a in enumerate(data.get("anggaran", []), start=1)
    ]
    _buang_sisanya(perjanjian.anggaran.all(), anggaran)


def _muat_realisasi(data: Dokumen, indeks: _IndeksRenstra) -> None:
    tahun = data["tahun"]
    tempat = f"Realisasi {data['indikator']} {tahun}"
    nilai = _nilai(data.get("nilai"), tempat)
    ada_nilai = nilai["angka"] is not None or bool(nilai["huruf"])
    status = data.get("status") or (Realisasi.Status.TERISI if ada_nilai else Realisasi.Status.BELUM_DIISI)
    pembanding = data.get("pembanding") or {}
    realisasi = _simpan(
        Realisasi,
        {"indikator": indeks.indikator(data["indikator"], tahun), "tahun": tahun},
        status=status,
        alasan=data.get("alasan") or "",
        catatan=data.get("catatan") or "",
        faktor_keberhasilan=data.get("faktor_keberhasilan") or "",
        hambatan=data.get("hambatan") or "",
        tindak_lanjut=data.get("tindak_lanjut") or "",
        pembanding_nasional=pembanding.get("nasional") or "",
        pembanding_provinsi=pembanding.get("provinsi") or "",
        pembanding_kabupaten=pembanding.get("kabupaten") or "",
        **nilai,
    )
    triwulan = [
        _simpan(
            RealisasiTriwulan,
            {"realisasi": realisasi, "triwulan": int(tw)},
            angka=_angka(teks, f"{tempat}, TW {tw}", _kolom(RealisasiTriwulan, "angka")),
        )
        for tw, teks in (data.get("triwulan") or {}).items()
        if teks is not None and str(teks).strip()
    ]
    _buang_sisanya(realisasi.triwulan.all(), triwulan)


def _muat_indikator_anggaran(
    model: type[IndikatorProgram | IndikatorKegiatan], induk: Program | Kegiatan, data: Dokumen, tempat: str
) -> None:
    """The indicators of a program or kegiatan, in the document's order; the rest are removed."""
    indikator = [
        _simpan(
            model,
            {model.NAMA_INDUK: induk, "uraian": i["uraian"]},
            urutan=n,
            satuan=i.get("satuan") or "",
            target=_angka(i.get("target"), f"{tempat}, target indikator", _kolom(model, "target")),
            realisasi=_angka(
                i.get("realisasi"), f"{tempat}, realisasi indikator", _kolom(model, "realisasi")
            ),
        )
        for n, i in enumerate(data.get("indikator", []), start=1)
    ]
    _buang_sisanya(induk.indikator.all(), indikator)


def _muat_anggaran(kecamatan: Kecamatan, data: Dokumen, indeks: _IndeksRenstra) -> None:
    tahun = data["tahun"]
    program = []
    for p in data.get("program", []):
        prog = _simpan(Program, {"kecamatan": kecamatan, "tahun": tahun, "kode": p["kode"]}, nama=p["nama"])
        program.append(prog)
        _muat_indikator_anggaran(IndikatorProgram, prog, p, f"Program {p['kode']} {tahun}")
        kegiatan = []
        for k in p.get("kegiatan", []):
            keg = _simpan(Kegiatan, {"program": prog, "kode": k["kode"]}, nama=k["nama"])
            kegiatan.append(keg)
            _muat_indikator_anggaran(IndikatorKegiatan, keg, k, f"Kegiatan {k['kode']} {tahun}")
            sub = []
            for s in k.get("sub_kegiatan", []):
                tempat = f"Sub kegiatan {s['kode']} {tahun}"
                sk = _simpan(
                    SubKegiatan,
                    {"kegiatan": keg, "kode": s["kode"]},
                    nama=s["nama"],
                    pagu=_angka(s["pagu"], f"{tempat}, pagu", _kolom(SubKegiatan, "pagu"), rupiah=True),
                    realisasi=_angka(
                        s.get("realisasi"),
                        f"{tempat}, realisasi",
                        _kolom(SubKegiatan, "realisasi"),
                        rupiah=True,
                    ),
                    sasaran=indeks.sasaran(s["sasaran"], tahun) if s.get("sasaran") else None,
                    jenis_belanja=s.get("jenis_belanja") or "",
                )
                sub.append(sk)
                keluaran = [
                    _simpan(
                        Keluaran,
                        {"sub_kegiatan": sk, "uraian": o["uraian"]},
                        urutan=i,
                        satuan=o.get("satuan") or "",
                        target=_angka(
                            o.get("target"), f"{tempat}, target keluaran", _kolom(Keluaran, "target")
                        ),
                        realisasi=_angka(
                            o.get("realisasi"), f"{tempat}, realisasi keluaran", _kolom(Keluaran, "realisasi")
                        ),
                        **_target_triwulan(o, f"{tempat}, keluaran", Keluaran),
                    )
                    for i, o in enumerate(s.get("keluaran", []), start=1)
                ]
                _buang_sisanya(sk.keluaran.all(), keluaran)
            _buang_sisanya(keg.sub_kegiatan.all(), sub)
        _buang_sisanya(prog.kegiatan.all(), kegiatan)
    _buang_sisanya(Program.objects.filter(kecamatan=kecamatan, tahun=tahun), program)
