"""Indonesian number formatting for the pages; formatting only, no computing."""

from decimal import Decimal

from django import template

from umum import angka as _angka

register = template.Library()


@register.filter
def angka(nilai: Decimal | None, desimal: int | None = None) -> str:
    return _angka.format_angka(nilai, desimal)


@register.filter
def persen(nilai: Decimal | None) -> str:
    return _angka.format_persen(nilai)


@register.filter
def rupiah(nilai: Decimal | None) -> str:
    return _angka.format_rupiah(nilai)


@register.filter
def atau_strip(teks: str | None) -> str:
    """Missing is shown as «–», never as an empty cell or 0."""
    return teks if teks else "–"


@register.filter
def ambil(kamus: dict, kunci):
    return kamus[kunci]


@register.filter
def daftar_konflik(form) -> list:
    """The fields of a form refused as stale whose stored value differs (none for other forms)."""
    return getattr(form, "konflik", [])


@register.filter
def diperbarui(form) -> list[str]:
    """Fields a stale save took from the stored data because only the other person changed them."""
    return getattr(form, "diperbarui", [])


@register.filter
def diubah(form) -> str:
    """The names of the fields the user changed, carried to the next save after a conflict."""
    data = getattr(form, "data", None) or {}
    return data.get("diubah", "")


@register.filter
def konflik_isian(field):
    """The conflict of one field after a stale save, or ``None``."""
    cari = getattr(field.form, "konflik_untuk", None)
    return None if cari is None else cari(field.name)


@register.filter
def nilai(isi) -> str:
    """A target or realisasi (``scoring.Nilai``) the Indonesian way: ``97,5``, ``B (69)``; missing → «–»."""
    if isi is None:
        return "–"
    if isi.huruf and isi.angka is not None:
        return f"{isi.huruf} ({_angka.format_angka(isi.angka)})"
    return isi.huruf or _angka.format_angka(isi.angka)


@register.filter
def ambil_daftar(kamus: dict, kunci) -> list:
    """The list kept under ``kunci``, or an empty one (the notes of a row that has none)."""
    return kamus.get(kunci, [])
