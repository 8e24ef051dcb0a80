"""Reading a guarded workbook (``aman.periksa_berkas_xlsx``) into plain rows, bounded.

openpyxl reads it with ``read_only=True, data_only=True``: rows are streamed, never the whole
sheet, and a formula gives its cached value. A sheet is refused when its declared size or the
rows actually read pass ``LKIP_IMPOR_BARIS_MAKS``; reading stops there. A formula saved without
a cached value (a workbook written by a program, never opened in Excel) would read as empty,
so it is reported instead. The hidden marker sheet must name this template version, this
kecamatan and this year.
"""

import io
import warnings
from dataclasses import dataclass, field
from functools import lru_cache

from django.conf import settings
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from lkip.excel import lembar as L
from lkip.excel.aman import BerkasDitolak, BerkasXlsx


@dataclass(frozen=True)
class Galat:
    """A per-cell or per-row error, named as the user sees it."""

    lembar: str
    baris: int
    kolom: str
    pesan: str

    def __str__(self) -> str:
        tempat = f"baris {self.baris}" + (f", kolom «{self.kolom}»" if self.kolom else "")
        return f"Lembar «{self.lembar}», {tempat}: {self.pesan}"


@dataclass(frozen=True)
class BarisLembar:
    nomor: int
    nilai: dict[str, object]


@dataclass
class Bacaan:
    lembar: dict[str, list[BarisLembar]] = field(default_factory=dict)
    galat: list[Galat] = field(default_factory=list)


def _buka(isi: bytes, *, data_only: bool):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about data validation it does not read
        return load_workbook(io.BytesIO(isi), read_only=True, data_only=data_only)


def _periksa_penanda(buku, *, slug: str, tahun: int) -> None:
    if L.LEMBAR_PENANDA not in buku.sheetnames:
        raise BerkasDitolak(
            _(
                "Buku kerja ini bukan templat LKIP (lembar penanda tidak ada). Unduh templat dari "
                "halaman Impor Excel tahun ini, isi, lalu unggah."
            )
        )
    penanda = {}
    for baris in buku[L.LEMBAR_PENANDA].iter_rows(min_row=1, max_row=3, max_col=2, values_only=True):
        if baris and baris[0] is not None:
            penanda[str(baris[0])] = "" if baris[1] is None else str(baris[1]).strip()
    if penanda.get("versi_templat") != L.VERSI_TEMPLAT:
        raise BerkasDitolak(
            _(
                "Templat ini versi %(lama)s; yang berlaku versi %(baru)s. Unduh templat baru lalu salin isiannya."
            )
            % {"lama": penanda.get("versi_templat") or "lama", "baru": L.VERSI_TEMPLAT}
        )
    if penanda.get("kecamatan") != slug:
        raise BerkasDitolak(
            _("Templat ini milik kecamatan «%(lain)s», bukan kecamatan ini. Unduh templat kecamatan ini.")
            % {"lain": penanda.get("kecamatan") or "?"}
        )
    if penanda.get("tahun") != str(tahun):
        raise BerkasDitolak(
            _("Templat ini untuk tahun %(lain)s, bukan %(tahun)s. Unduh templat tahun %(tahun)s.")
            % {"lain": penanda.get("tahun") or "?", "tahun": tahun}
        )


def _terlalu_banyak(judul: str, maks: int) -> BerkasDitolak:
    return BerkasDitolak(
        _("Lembar «%(lembar)s» berisi lebih dari %(maks)s baris data, jadi berkas tidak dibaca.")
        % {"lembar": judul, "maks": maks}
    )


def _sel_rumus(buku, judul: str, lebar: int, maks: int) -> set[tuple[int, int]]:
    """(row, column) of every formula of the sheet, read from the formulas themselves."""
    hasil = set()
    for nomor, baris in enumerate(
        buku[judul].iter_rows(min_row=L.BARIS_DATA, max_col=lebar, values_only=True)
    ):
        if nomor > maks:
            break
        for kolom, nilai in enumerate(baris):
            if isinstance(nilai, str) and nilai.startswith("="):
                hasil.add((nomor + L.BARIS_DATA, kolom))
    return hasil


def _baca_lembar(buku, lembar: L.Lembar, rumus: set[tuple[int, int]], bacaan: Bacaan, maks: int) -> None:
    ws = buku[lembar.judul]
    lebar = len(lembar.kolom)
    judul = next(
        ws.iter_rows(min_row=L.BARIS_JUDUL, max_row=L.BARIS_JUDUL, max_col=lebar, values_only=True), ()
    )
    diharapkan = tuple(k.judul for k in lembar.kolom)
    if tuple("" if j is None else str(j).strip() for j in judul) != diharapkan:
        raise BerkasDitolak(
            _(
                "Judul kolom lembar «%(lembar)s» tidak sesuai templat (kolom dipindah, dihapus atau "
                "ditambah). Unduh templat baru lalu salin isiannya."
            )
            % {"lembar": lembar.judul}
        )
    baris_data = []
    for indeks, isi in enumerate(ws.iter_rows(min_row=L.BARIS_DATA, max_col=lebar, values_only=True)):
        if indeks >= maks:
            raise _terlalu_banyak(lembar.judul, maks)
        nomor = indeks + L.BARIS_DATA
        isi = (tuple(isi) + (None,) * lebar)[:lebar]
        tanpa_nilai = False
        for kolom, nilai in enumerate(isi):
            if nilai is None and (nomor, kolom) in rumus:
                tanpa_nilai = True
                bacaan.galat.append(
                    Galat(
                        lembar.judul,
                        nomor,
                        lembar.kolom[kolom].judul,
                        _(
                            "sel %(sel)s berisi rumus tanpa nilai tersimpan. Buka berkas di Excel, "
                            "simpan, lalu unggah lagi (atau ketik nilainya)."
                        )
                        % {"sel": f"{get_column_letter(kolom + 1)}{nomor}"},
                    )
                )
        if tanpa_nilai or all(n is None or (isinstance(n, str) and not n.strip()) for n in isi):
            continue  # a row with a formula error is reported once, not checked further
        baris_data.append(
            BarisLembar(nomor=nomor, nilai={k.nama: n for k, n in zip(lembar.kolom, isi, strict=True)})
        )
    bacaan.lembar[lembar.judul] = baris_data


def baca_buku(berkas: BerkasXlsx, *, slug: str, tahun: int, lembar: list[L.Lembar]) -> Bacaan:
    """The rows of each sheet in ``lembar`` that the workbook has; ``BerkasDitolak`` for a
    workbook that cannot be read at all.

    The preview and the apply read the same bytes: the last few readings are kept (by the bytes,
    the scope, the sheets and the row limit), so the apply does not parse the workbook again.
    The plan is still made afresh against the data; the result is never mutated by its users."""
    return _baca_buku(
        berkas.isi, berkas.bagian_rumus, slug, tahun, tuple(lembar), settings.LKIP_IMPOR_BARIS_MAKS
    )


@lru_cache(maxsize=2)
def _baca_buku(
    isi: bytes, bagian_rumus: frozenset[str], slug: str, tahun: int, lembar: tuple[L.Lembar, ...], maks: int
) -> Bacaan:
    try:
        buku = _buka(isi, data_only=True)
    except BerkasDitolak:
        raise
    except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
        raise BerkasDitolak(
            _("Buku kerja ini rusak atau tidak dapat dibaca; simpan ulang di Excel lalu unggah lagi.")
        ) from exc
    bacaan = Bacaan()
    try:
        _periksa_penanda(buku, slug=slug, tahun=tahun)
        bagian = {judul: getattr(buku[judul], "_worksheet_path", "").lstrip("/") for judul in buku.sheetnames}
        for spec in lembar:
            if spec.judul not in buku.sheetnames:
                continue
            rumus: set[tuple[int, int]] = set()
            if bagian.get(spec.judul) in bagian_rumus:
                dengan_rumus = _buka(isi, data_only=False)
                try:
                    rumus = _sel_rumus(dengan_rumus, spec.judul, len(spec.kolom), maks)
                finally:
                    dengan_rumus.close()
            _baca_lembar(buku, spec, rumus, bacaan, maks)
    finally:
        buku.close()
    return bacaan
