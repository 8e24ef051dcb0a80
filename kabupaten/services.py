"""Writes of the kabupaten catalogue and of the indicator mappings.

The catalogue and the mappings are Bappeda's, not a kecamatan's: the LKIP does not print them,
so a year under review or locked does not hold them (``kecamatan.alur``'s lock guards what a
kecamatan's report prints). Confirming a mapping changes only the comparison pages.
"""

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kabupaten.models import IndikatorKabupaten, PemetaanIndikator, StatusPemetaan
from kabupaten.pemetaan import skor_kemiripan, usulan_terbaik
from kecamatan.models import Kecamatan
from perencanaan.models import Indikator, Polaritas
from umum.riwayat import isi_kolom, perubahan_oleh


class KatalogTidakValid(ValueError):
    """A catalogue document that cannot be loaded; the message says why, in Indonesian."""


def _simpan(obj: Any, **isian: Any) -> Any:
    sebelum = None if obj.pk is None else isi_kolom(obj)
    for nama, nilai in isian.items():
        setattr(obj, nama, nilai)
    obj.full_clean()
    if sebelum is None or isi_kolom(obj) != sebelum:
        obj.save()
    return obj


def _indikator_dokumen(baris: Mapping[str, Any]) -> Indikator:
    renstra = baris["renstra"]
    indikator = (
        Indikator.objects.filter(
            sasaran__renstra__kecamatan__slug=baris["kecamatan"],
            sasaran__renstra__tahun_awal=renstra["tahun_awal"],
            sasaran__renstra__versi=renstra["versi"],
            kode=baris["indikator"],
        )
        .select_related("sasaran")
        .first()
    )
    if indikator is None:
        raise KatalogTidakValid(
            _("Indikator «%(kode)s» Renstra %(tahun)s versi %(versi)s kecamatan «%(kecamatan)s» tidak ada.")
            % {
                "kode": baris["indikator"],
                "tahun": renstra["tahun_awal"],
                "versi": renstra["versi"],
                "kecamatan": baris["kecamatan"],
            }
        )
    return indikator


def katalog_muat(*, dokumen: Mapping[str, Any], alasan: str = "muat_katalog") -> tuple[int, int]:
    """Create or update the catalogue and the mappings of ``fixtures/kabupaten/katalog.json``
    (natural keys: catalogue ``kode``; kecamatan slug, Renstra start year and version, indicator
    ``kode``). Loading again changes nothing. All or nothing. Returns (entries, mappings)."""
    try:
        with perubahan_oleh(alasan), transaction.atomic():
            katalog = {}
            for urutan, baris in enumerate(dokumen.get("katalog", []), start=1):
                obj = IndikatorKabupaten.objects.filter(kode=baris["kode"]).first() or IndikatorKabupaten(
                    kode=baris["kode"]
                )
                katalog[baris["kode"]] = _simpan(
                    obj,
                    nama=baris["nama"],
                    nama_singkat=baris.get("nama_singkat") or baris["nama"][:40],
                    satuan=baris.get("satuan", ""),
                    polaritas=baris.get("polaritas", Polaritas.POSITIF),
                    urutan=urutan,
                )
            jumlah = 0
            for baris in dokumen.get("pemetaan", []):
                indikator = _indikator_dokumen(baris)
                entri = (
                    katalog.get(baris["katalog"])
                    or IndikatorKabupaten.objects.filter(kode=baris["katalog"]).first()
                )
                if entri is None:
                    raise KatalogTidakValid(
                        _("Indikator kabupaten «%(kode)s» tidak ada dalam katalog.")
                        % {"kode": baris["katalog"]}
                    )
                obj = PemetaanIndikator.objects.filter(indikator=indikator).first() or PemetaanIndikator(
                    indikator=indikator
                )
                _simpan(
                    obj,
                    katalog=entri,
                    status=baris.get("status", StatusPemetaan.USULAN),
                    skor=skor_kemiripan(indikator.uraian, entri.nama),
                )
                jumlah += 1
    except KeyError as exc:
        raise KatalogTidakValid(_("Kolom wajib %(kolom)s tidak ada dalam dokumen.") % {"kolom": exc}) from exc
    except ValidationError as exc:
        raise KatalogTidakValid("; ".join(exc.messages)) from exc
    return len(katalog), jumlah


def pemetaan_usulkan(*, kecamatan: Iterable[Kecamatan] | None = None) -> list[PemetaanIndikator]:
    """Propose a catalogue entry for every indicator that has no mapping yet, by name
    similarity; existing mappings (proposed or confirmed) are left alone."""
    katalog = list(IndikatorKabupaten.objects.order_by("urutan", "kode"))
    if not katalog:
        return []
    per_kode = {k.kode: k for k in katalog}
    pasangan = [(k.kode, k.nama) for k in katalog]
    calon = Indikator.objects.filter(pemetaan_kabupaten__isnull=True)
    if kecamatan is not None:
        calon = calon.filter(sasaran__renstra__kecamatan__in=list(kecamatan))
    baru = []
    with transaction.atomic():
        for indikator in calon.order_by("pk"):
            usulan = usulan_terbaik(indikator.uraian, pasangan)
            if usulan is None:
                continue
            obj = PemetaanIndikator(indikator=indikator, katalog=per_kode[usulan.kode], skor=usulan.skor)
            obj.full_clean()
            obj.save()
            baru.append(obj)
    return baru


def pemetaan_tetapkan(
    *, pemetaan: PemetaanIndikator, katalog: IndikatorKabupaten | None = None
) -> PemetaanIndikator:
    """Bappeda confirms a mapping, optionally onto another catalogue entry than proposed."""
    with transaction.atomic():
        if katalog is not None and katalog.pk != pemetaan.katalog_id:
            pemetaan.katalog = katalog
            pemetaan.skor = skor_kemiripan(pemetaan.indikator.uraian, katalog.nama)
        return _simpan(pemetaan, status=StatusPemetaan.DIKONFIRMASI)


def pemetaan_hapus(*, pemetaan: PemetaanIndikator) -> None:
    """Bappeda rejects a proposal: the indicator is left out of the comparison."""
    with transaction.atomic():
        pemetaan.delete()
