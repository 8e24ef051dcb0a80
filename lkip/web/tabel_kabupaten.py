"""The dashboard's and the matrix's rows, kept laid out in the cache one kecamatan at a time.

Each row is stored under its kecamatan's data version and the shared one (``umum.versi_data``),
with the few values the page filters, sorts, ranks and averages it by. A request after a change
reads every kecamatan's version and then every row in two cache reads; only the rows whose
kecamatan changed since are computed and laid out again, in a fixed number of queries for all of
them. So an operator's save lays out one row of each page, not the whole kabupaten.

A row holds only what belongs to its kecamatan: the rank, the column means, the scales in use
and the filters are worked out from the stored values. The laid-out table is kept too, under
every version it was made from: while nothing changes, a request reads the versions and the
table, two cache reads.
"""

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from functools import cache as cache_fungsi

from django.core.cache import cache
from django.template.loader import get_template
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from kabupaten import selectors
from kabupaten.models import IndikatorKabupaten
from kecamatan.alur import Status
from kecamatan.models import Kecamatan
from umum.versi_data import kunci_simpan, versi_banyak

Pasangan = tuple[Kecamatan, int]


def _halaman(
    nama: str, saringan: dict, pasangan: list[Pasangan], buat_baris: Callable[[list[Pasangan]], list],
    tata: Callable[[list], str],
) -> SafeString:  # fmt: skip
    """The page's laid-out table: from the cache when no row of it changed since, else laid out
    by ``tata`` from the stored rows (``_baris``) and kept.

    Its key carries every kecamatan's version and the shared one, so it changes with any row;
    what the table shows beside the rows (the years to choose from, the mappings waiting, the
    catalogue's columns) changes only with writes that renew one of them."""
    bersama, versi = versi_banyak({k.pk for k, _t in pasangan})
    isi = json.dumps([nama, saringan, bersama, [(k.pk, t, versi[k.pk]) for k, t in pasangan]], sort_keys=True)
    kunci = "lkip:kabupaten:" + hashlib.sha256(isi.encode()).hexdigest()
    html = cache.get(kunci)
    if html is None:
        html = tata(_baris(nama, pasangan, bersama, versi, buat_baris))
        cache.set(kunci, html)
    return html  # a SafeString, laid out (and escaped) by our own templates


def _baris(
    nama: str,
    pasangan: list[Pasangan],
    bersama: str,
    versi: dict[int, str],
    buat: Callable[[list[Pasangan]], list],
) -> list:
    """The stored row of every pair, in order; the missing ones made by ``buat`` (for all of
    them at once) and stored. The versions were read before the data: a row made from data a
    write changes meanwhile is stored under the version that write replaces."""
    kunci = {(k.pk, t): kunci_simpan(nama, t, k.pk, bersama, versi[k.pk]) for k, t in pasangan}
    ada = cache.get_many(list(kunci.values()))
    hilang = [(k, t) for k, t in pasangan if kunci[(k.pk, t)] not in ada]
    if hilang:
        baru = {kunci[(b.kecamatan.pk, b.tahun)]: b for b in buat(hilang)}
        cache.set_many(baru)
        ada |= baru
    # The kecamatan as read on this request (a rename renews its version, so the two agree).
    return [replace(ada[kunci[(k.pk, t)]], kecamatan=k) for k, t in pasangan]


# --- the dashboard ---------------------------------------------------------------------


@dataclass(frozen=True)
class BarisDasborTersimpan:
    """A dashboard row as kept: what ``selectors.saring_dasbor`` filters and sorts it by, and
    its ``<tr>``."""

    kecamatan: Kecamatan
    tahun: int
    status: Status
    predikat: str | None
    kelengkapan: Decimal | None
    nilai_capaian: Decimal | None
    serapan: Decimal | None
    perubahan_terakhir: datetime | None
    catatan_terbuka: int
    kode_pita: tuple[str, ...]
    html: SafeString


def _buat_dasbor(pasangan: list[Pasangan]) -> list[BarisDasborTersimpan]:
    templat = get_template("halaman/kabupaten/_dasbor_baris.html")
    return [
        BarisDasborTersimpan(
            kecamatan=b.kecamatan,
            tahun=b.tahun,
            status=b.status,
            predikat=b.predikat,
            kelengkapan=b.kelengkapan,
            nilai_capaian=b.nilai_capaian,
            serapan=b.serapan,
            perubahan_terakhir=b.perubahan_terakhir,
            catatan_terbuka=b.catatan_terbuka,
            kode_pita=b.kode_pita,
            html=SafeString(templat.render({"b": b})),
        )
        for b in selectors.baris_dasbor(pasangan)
    ]


def dasbor(saringan: dict, tata: Callable[[selectors.Dasbor], str]) -> SafeString:
    """The dashboard's table, laid out by ``tata`` from ``selectors.saring_dasbor`` of the
    stored rows: the same rows, filters and order as ``selectors.dasbor``."""
    return _halaman(
        "dasbor",
        saringan,
        selectors.pasangan_dasbor(saringan["tahun"]),
        _buat_dasbor,
        lambda baris: tata(selectors.saring_dasbor(baris, **saringan)),
    )


# --- the matrix ------------------------------------------------------------------------


@dataclass(frozen=True)
class BarisMatriksTersimpan:
    """A matrix row as kept: what ``selectors.susun_matriks`` ranks and averages it by, and its
    cells after the rank."""

    kecamatan: Kecamatan
    tahun: int
    nilai_peringkat: Decimal | None
    nilai_kolom: tuple[Decimal | None, ...]
    skala_kode: str
    skala_nama: str
    html: SafeString
    peringkat: int | None = None


def _pembuat_matriks(katalog: Callable[[], list[IndikatorKabupaten]]) -> Callable[[list[Pasangan]], list]:
    def buat(pasangan: list[Pasangan]) -> list[BarisMatriksTersimpan]:
        templat = get_template("halaman/kabupaten/_matriks_baris.html")
        label = {
            "target": _("target"),
            "realisasi": _("realisasi"),
            "tidak_diukur": _("tidak diukur"),
            "sintetis": _("sintetis"),
        }
        hasil = []
        for b in selectors.baris_matriks(pasangan, katalog()):
            konteks = {
                "b": b,
                "label": label,
                "awalan_tahun": reverse("web:tahun", args=[b.kecamatan.slug, b.tahun]),
                # Reversed once per row, not per cell.
                "awalan": reverse("web:realisasi", args=[b.kecamatan.slug, b.tahun, 0]).removesuffix("0/"),
            }
            hasil.append(
                BarisMatriksTersimpan(
                    kecamatan=b.kecamatan,
                    tahun=b.tahun,
                    nilai_peringkat=b.nilai_peringkat,
                    nilai_kolom=b.nilai_kolom,
                    skala_kode=b.skala_kode,
                    skala_nama=b.skala_nama,
                    html=SafeString(templat.render(konteks)),
                )
            )
        return hasil

    return buat


def matriks(tahun: int | None, tata: Callable[[selectors.Matriks], str]) -> SafeString:
    """The matrix's table, laid out by ``tata`` from ``selectors.susun_matriks`` of the stored
    rows: the same rows, ranks, means and scales as ``selectors.matriks``.

    The catalogue belongs to no kecamatan, so a change to it renews the shared version and
    every row is laid out again in its new columns."""
    katalog = cache_fungsi(selectors.katalog_matriks)  # read only when something is laid out

    def susun(baris: list) -> str:
        return tata(
            selectors.susun_matriks(
                tahun=tahun, katalog=katalog(), baris=baris, jumlah_usulan=selectors.jumlah_usulan()
            )
        )

    return _halaman(
        "matriks", {"tahun": tahun}, selectors.pasangan_matriks(tahun), _pembuat_matriks(katalog), susun
    )
