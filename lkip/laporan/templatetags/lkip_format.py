"""Indonesian number formats for templates. Inputs are Decimals or the decimal strings of
``lkip_json``; missing (``None`` or ``""``) shows as ``–``, never as 0."""

from datetime import date
from decimal import Decimal, InvalidOperation

from django import template

from umum import angka

register = template.Library()


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


@register.filter
def nilai(teks) -> str:
    """A target or realisasi as written: ``"82.5"`` → ``82,5``, ``"B (69)"`` stays."""
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
def dengan_satuan(teks, indikator) -> str:
    """A value with its indicator's unit: ``85%``, ``4 dokumen``, ``86``, ``B (69)``."""
    from lkip.laporan.kalimat import nilai_dengan_satuan

    return nilai_dengan_satuan(teks, indikator.get("satuan", ""), indikator.get("jenis_nilai", "angka"))


@register.filter
def awalan_jabatan(status) -> str:
    """``plt`` → ``Plt. ``, ``plh`` → ``Plh. ``, a definitive official → nothing."""
    return {"plt": "Plt. ", "plh": "Plh. "}.get(status, "")
