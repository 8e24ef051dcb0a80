"""Indonesian number formats for templates. Inputs are the typed values of the report
(``Decimal``, ``int``, ``date``, ``scoring.Nilai``) or decimal strings; missing (``None`` or
``""``) shows as ``–``, never as 0."""

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from django import template

from capaian.scoring import Nilai
from umum import angka

register = template.Library()

HURUF_DAN_ANGKA = re.compile(r"[A-Z]{1,2} \(")


def _desimal(nilai) -> Decimal | None:
    if nilai is None or nilai == "":
        return None
    try:
        return Decimal(str(nilai))
    except InvalidOperation as exc:
        raise template.TemplateSyntaxError(f"Bukan angka: {nilai!r}") from exc


@register.filter
def rupiah(nilai) -> str:
    """``"4416692224.00"`` → ``Rp4.416.692.224``."""
    return angka.format_rupiah(_desimal(nilai))


@register.filter
def rupiah_polos(nilai) -> str:
    """``"4416692224.00"`` → ``4.416.692.224`` (for table columns headed «Rp»)."""
    d = _desimal(nilai)
    return "–" if d is None else angka.format_rupiah(d).removeprefix("Rp")


@register.filter
def persen(nilai) -> str:
    """``"95.56"`` → ``95,56%``."""
    return angka.format_persen(_desimal(nilai))


@register.filter
def desimal(nilai, tempat=None) -> str:
    """A number with Indonesian separators; ``tempat`` fixes the decimals."""
    return angka.format_angka(_desimal(nilai), None if tempat in (None, "") else int(tempat))


def format_nilai(nilai_: Nilai) -> str:
    """A typed value the Indonesian way: ``82,5``, ``B``, ``B (69)``."""
    if nilai_.angka is None:
        return nilai_.huruf
    teks = angka.format_angka(nilai_.angka)
    return f"{nilai_.huruf} ({teks})" if nilai_.huruf else teks


@register.filter
def nilai(teks) -> str:
    """A target or realisasi as written: ``Nilai`` or ``"82.5"`` → ``82,5``, ``B (69)`` stays."""
    if isinstance(teks, Nilai):
        return format_nilai(teks)
    return angka.format_nilai(teks)


@register.filter
def tanggal(nilai) -> str:
    """``date`` or ISO string → ``7 Februari 2025``."""
    if isinstance(nilai, str) and nilai:
        nilai = date.fromisoformat(nilai)
    return angka.format_tanggal(nilai or None)


@register.filter
def ribuan(nilai) -> str:
    """An integer count with a thousands dot: ``80359`` → ``80.359``; missing → ``–``."""
    return "–" if nilai is None or nilai == "" else angka.format_angka(Decimal(nilai), 0)


@register.filter
def romawi(nomor) -> str:
    """``4`` → ``IV`` (sasaran numbering in the seeds' style)."""
    nomor = int(nomor)
    hasil = ""
    for nilai_, huruf in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while nomor >= nilai_:
            hasil += huruf
            nomor -= nilai_
    return hasil


@register.filter
def dengan_satuan(nilai_, indikator) -> str:
    """A value with its indicator's unit: ``85%``, ``4 dokumen``, ``86``, ``B (69)``.

    ``indikator`` is anything with ``satuan`` and ``jenis_nilai``."""
    from lkip.laporan.kalimat import nilai_dengan_satuan

    teks = nilai_.teks if isinstance(nilai_, Nilai) else nilai_
    hasil = nilai_dengan_satuan(teks, indikator.satuan, indikator.jenis_nilai)
    if HURUF_DAN_ANGKA.match(hasil):
        # A letter grade and its number ("B (100)") wrap at their space in a narrow column;
        # held together they would be cut between two digits ("B (10" / "0)").
        return hasil
    # A no-break space keeps the number with its unit's first word in a narrow table column.
    return hasil.replace(" ", "\u00a0", 1)


@register.filter
def angka_satuan(nilai, satuan: str) -> str:
    """A measured number with its unit, as ``dengan_satuan`` writes an indicator's value:
    ``100%``, ``14 laporan``, ``–`` when missing."""
    from lkip.laporan.kalimat import nilai_dengan_satuan

    if nilai is None or nilai == "":
        return "–"
    return nilai_dengan_satuan(str(_desimal(nilai)), satuan or "", "angka").replace(" ", "\u00a0", 1)


@register.filter
def awalan_jabatan(status) -> str:
    """``plt`` → ``Plt. ``, ``plh`` → ``Plh. ``, a definitive official → nothing."""
    return {"plt": "Plt. ", "plh": "Plh. "}.get(status, "")


@register.filter
def ambil(objek, nama: str):
    """The field ``nama`` of a row, for tables whose columns are chosen from the data."""
    return getattr(objek, nama)
