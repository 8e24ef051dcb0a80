"""Synthetic kecamatan for benchmarks and for trying the kabupaten pages at scale.

Each is a copy of Kalisat's document (its Renstra 2021–2026, profile, PK and budget) with the
slug ``sintetis-NNN``, the name "Sintetis NNN", the ``sintetis`` flag, and for each year asked
for a PK, realisasi and budget drawn from a seeded random generator, so the same command gives
the same data. A synthetic kecamatan can never pass for a real one (``Kecamatan``'s
constraint ties the flag to the slug prefix); ``hapus_kecamatan_sintetis`` removes them all.
"""

import copy
import json
import random
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.db.models import ProtectedError

from kabupaten.models import PemetaanIndikator, StatusPemetaan
from kecamatan.alur import pastikan_tahun_dapat_diubah
from kecamatan.models import AWALAN_SINTETIS, AlurLaporan, Kecamatan
from lkip.laporan.muat import kecamatan_muat
from perencanaan.models import Indikator, PerjanjianKinerja, RencanaKinerjaTahunan
from umum.riwayat import bulk_create_riwayat, perubahan_oleh

DOKUMEN_ASAL = Path(__file__).resolve().parents[2] / "fixtures" / "kecamatan" / "kalisat.json"
ALASAN = "buat_kecamatan_sintetis"


def slug_sintetis(nomor: int) -> str:
    return f"{AWALAN_SINTETIS}{nomor:03d}"


def _angka(nilai: Decimal) -> str:
    return format(nilai.quantize(Decimal("0.01")), "f")


def _target(indikator: dict, tahun: int, pk_asal: dict[str, str]) -> str | None:
    return indikator["target"].get(str(tahun)) or pk_asal.get(indikator["kode"])


def _realisasi(target: str, acak: random.Random) -> str:
    """A realisasi near the target: a number, also for a letter-grade target ("B (69)")."""
    angka = Decimal(target.split("(")[-1].rstrip(")")) if "(" in target else Decimal(target)
    return _angka(angka * Decimal(str(round(acak.uniform(0.55, 1.12), 3))))


def dokumen_sintetis(asal: dict, nomor: int, tahun: list[int], benih: int) -> dict:
    """Kalisat's document turned into synthetic kecamatan ``nomor`` for the years ``tahun``."""
    acak = random.Random(benih * 100003 + nomor)
    dokumen = copy.deepcopy(asal)
    dokumen["kecamatan"].update(
        slug=slug_sintetis(nomor), nama=f"Sintetis {nomor:03d}", sintetis=True, alamat_kantor=""
    )
    profil, pk, anggaran = asal["profil"][0], asal["perjanjian_kinerja"][0], asal["anggaran"][0]
    pk_asal = {t["indikator"]: t["nilai"] for t in pk["target"]}
    indikator = [i for t in asal["renstra"][0]["tujuan"] for s in t["sasaran"] for i in s["indikator"]]
    dokumen["profil"] = [dict(copy.deepcopy(profil), tahun=t) for t in tahun]
    dokumen["iku"], dokumen["rkt"] = [], []
    dokumen["perjanjian_kinerja"], dokumen["realisasi"], dokumen["anggaran"] = [], [], []
    for t in tahun:
        target = [
            {"indikator": i["kode"], "nilai": _target(i, t, pk_asal)}
            for i in indikator
            if _target(i, t, pk_asal)
        ]
        dokumen["perjanjian_kinerja"].append(
            dict(copy.deepcopy(pk), tahun=t, tanggal=f"{t}-01-26", target=target)
        )
        for x in target:
            # About one indicator in eight is not filled yet: completeness varies.
            kosong = acak.random() < 0.125
            dokumen["realisasi"].append(
                {
                    "indikator": x["indikator"],
                    "tahun": t,
                    "nilai": None if kosong else _realisasi(x["nilai"], acak),
                    "status": "belum_diisi" if kosong else "terisi",
                }
            )
        dokumen["anggaran"].append(_anggaran(anggaran, t, acak))
    return dokumen


def _anggaran(asal: dict, tahun: int, acak: random.Random) -> dict:
    anggaran = dict(copy.deepcopy(asal), tahun=tahun)
    for program in anggaran["program"]:
        for kegiatan in program["kegiatan"]:
            for sub in kegiatan["sub_kegiatan"]:
                pagu = Decimal(sub["pagu"]) * Decimal(str(round(acak.uniform(0.8, 1.2), 3)))
                pagu = pagu.quantize(Decimal("1"))
                sub["pagu"] = str(pagu)
                realisasi = (pagu * Decimal(str(round(acak.uniform(0.6, 1.0), 3)))).quantize(Decimal("1"))
                sub["realisasi"] = str(realisasi)
    return anggaran


def kecamatan_sintetis_buat(
    *, jumlah: int, tahun: list[int], benih: int = 1, mulai: int = 1
) -> list[Kecamatan]:
    """Create (or update, same data) synthetic kecamatan ``mulai`` … ``mulai + jumlah - 1``,
    and map their indicators onto the catalogue as Kalisat's are (confirmed)."""
    asal = json.loads(DOKUMEN_ASAL.read_text(encoding="utf-8"))
    hasil = [
        kecamatan_muat(dokumen=dokumen_sintetis(asal, nomor, tahun, benih), alasan=ALASAN)
        for nomor in range(mulai, mulai + jumlah)
    ]
    _petakan_seperti_kalisat(hasil)
    return hasil


def _petakan_seperti_kalisat(kecamatan: list[Kecamatan]) -> None:
    peta = dict(
        PemetaanIndikator.objects.filter(
            indikator__sasaran__renstra__kecamatan__slug="kalisat", status=StatusPemetaan.DIKONFIRMASI
        ).values_list("indikator__kode", "katalog_id")
    )
    baru = [
        PemetaanIndikator(indikator=i, katalog_id=peta[i.kode], status=StatusPemetaan.DIKONFIRMASI)
        for i in Indikator.objects.filter(
            sasaran__renstra__kecamatan__in=kecamatan, kode__in=list(peta), pemetaan_kabupaten__isnull=True
        )
    ]
    with perubahan_oleh(ALASAN), transaction.atomic():
        bulk_create_riwayat(baru, PemetaanIndikator)


def kecamatan_sintetis_hapus() -> int:
    """Delete every synthetic kecamatan with all its data; refused, with nothing deleted, while
    one of their years is under review or locked (like any other write)."""
    sintetis = list(Kecamatan.objects.filter(sintetis=True))
    tahun: dict[int, set[int]] = {}
    for k_id, t in AlurLaporan.objects.filter(kecamatan__in=sintetis).values_list("kecamatan_id", "tahun"):
        tahun.setdefault(k_id, set()).add(t)
    with perubahan_oleh("hapus_kecamatan_sintetis"), transaction.atomic():
        for k in sintetis:
            pastikan_tahun_dapat_diubah(k, tahun.get(k.pk, set()))
        # The targets protect their indicators; they go first, with their PK and RKT.
        PerjanjianKinerja.objects.filter(kecamatan__in=sintetis).delete()
        RencanaKinerjaTahunan.objects.filter(kecamatan__in=sintetis).delete()
        try:
            for k in sintetis:
                k.delete()
        except ProtectedError as exc:
            raise SintetisTerlindungi(
                "Kecamatan sintetis tidak dihapus: masih ada akun atau laporan disetujui yang "
                "terkait dengannya. Lepaskan akun itu dari kecamatannya lebih dulu."
            ) from exc
    return len(sintetis)


class SintetisTerlindungi(Exception):
    """A synthetic kecamatan that something kept for good still refers to (an account, an
    approved report); nothing is deleted."""
