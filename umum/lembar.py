"""Spreadsheets the users open: xlsx and CSV written the same way everywhere.

Every export (the kabupaten dashboard and matrix, a kecamatan's year, the import template)
writes its cells through this module, so:

- numbers stay numbers: ``Decimal`` and ``int`` are written as numeric cells (never through
  ``float``), with a display format Excel shows the Indonesian way (``#.##0,00`` in an
  Indonesian locale; the stored format code is the locale-neutral ``#,##0.00``);
- missing is never zero: ``None`` leaves the cell empty;
- text never runs as a formula: a string that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
  carriage return is written as a text cell with Excel's quote prefix in xlsx (the value itself
  is unchanged, so an import reads back exactly what was exported) and with a leading
  apostrophe in CSV, which has no cell types.
"""

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

#: Display formats. Excel localises the separators, so these read ``1.234.567`` and
#: ``95,56`` on an Indonesian machine.
FORMAT_BULAT = "#,##0"
FORMAT_DESIMAL = "#,##0.00"
FORMAT_RUPIAH = '"Rp"#,##0'
FORMAT_TANGGAL = "dd/mm/yyyy"

#: The first characters that make a spreadsheet read text as a formula (OWASP, CSV injection).
AWALAN_RUMUS = ("=", "+", "-", "@", "\t", "\r")

_JUDUL_FONT = Font(bold=True)
_JUDUL_ISI = PatternFill("solid", fgColor="DDE6F0")


def perlu_dilindungi(teks: str) -> bool:
    """Whether a spreadsheet would read ``teks`` as a formula."""
    return teks.startswith(AWALAN_RUMUS)


def isi_sel(sel: Cell, nilai: object, *, format_angka: str | None = None) -> Cell:
    """Write ``nilai`` into ``sel`` with its proper type; see the module docstring."""
    if nilai is None:
        sel.value = None
    elif isinstance(nilai, bool):
        sel.value = "Ya" if nilai else "Tidak"
    elif isinstance(nilai, (int, Decimal)):
        sel.value = nilai
        sel.number_format = format_angka or (FORMAT_BULAT if isinstance(nilai, int) else FORMAT_DESIMAL)
    elif isinstance(nilai, (date, datetime)):
        sel.value = nilai.replace(tzinfo=None) if isinstance(nilai, datetime) else nilai
        sel.number_format = FORMAT_TANGGAL
    else:
        teks = str(nilai)
        sel.value = teks
        # openpyxl reads a leading "=" as a formula unless the type is set after the value.
        sel.data_type = "s"
        if perlu_dilindungi(teks):
            sel.quotePrefix = True
    return sel


def tulis_baris(
    lembar: Worksheet, nilai: Sequence[object], *, format_angka: Sequence[str | None] = ()
) -> int:
    """Append one row; ``format_angka[i]`` overrides the number format of column ``i``."""
    baris = lembar.max_row + 1 if lembar.max_row > 1 or lembar.cell(1, 1).value is not None else 1
    for kolom, isi in enumerate(nilai, start=1):
        fmt = format_angka[kolom - 1] if kolom - 1 < len(format_angka) else None
        isi_sel(lembar.cell(row=baris, column=kolom), isi, format_angka=fmt)
    return baris


def tulis_judul(lembar: Worksheet, judul: Sequence[str], *, lebar: Sequence[int] = ()) -> None:
    """The header row: bold, shaded, wrapped, frozen below, with column widths in characters."""
    baris = tulis_baris(lembar, judul)
    for kolom in range(1, len(judul) + 1):
        sel = lembar.cell(row=baris, column=kolom)
        sel.font = _JUDUL_FONT
        sel.fill = _JUDUL_ISI
        sel.alignment = Alignment(wrap_text=True, vertical="top")
    for kolom, karakter in enumerate(lebar, start=1):
        lembar.column_dimensions[get_column_letter(kolom)].width = karakter
    # A coordinate, not a cell: creating the cell would make the next row start below it.
    lembar.freeze_panes = f"A{baris + 1}"


def _teks_csv(nilai: object) -> str:
    if nilai is None:
        return ""
    if isinstance(nilai, bool):
        return "Ya" if nilai else "Tidak"
    if isinstance(nilai, Decimal):
        return format(nilai, "f").replace(".", ",")
    if isinstance(nilai, int):
        return str(nilai)
    if isinstance(nilai, datetime):
        return nilai.strftime("%d/%m/%Y %H:%M")
    if isinstance(nilai, date):
        return nilai.strftime("%d/%m/%Y")
    teks = str(nilai)
    return "'" + teks if perlu_dilindungi(teks) else teks


def csv_teks(baris: Iterable[Sequence[object]]) -> str:
    """CSV as an Indonesian-locale spreadsheet opens it: ``;`` between fields, a decimal
    comma and no thousands separator, with a byte-order mark so the UTF-8 is recognised."""
    keluaran = io.StringIO()
    keluaran.write("\ufeff")
    penulis = csv.writer(keluaran, delimiter=";", lineterminator="\r\n")
    for isi in baris:
        penulis.writerow([_teks_csv(nilai) for nilai in isi])
    return keluaran.getvalue()
