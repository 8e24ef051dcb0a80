"""Workbooks for the import tests, built in the test from the template (no binary fixtures)."""

import io
import zipfile

from openpyxl import load_workbook

from kecamatan.models import Kecamatan
from lkip.excel.aman import periksa_berkas_xlsx
from lkip.excel.templat import templat_tahun


def templat(slug: str = "kalisat", tahun: int = 2024) -> bytes:
    return templat_tahun(kecamatan=Kecamatan.objects.get(slug=slug), tahun=tahun)


def ubah(isi: bytes, perubahan) -> bytes:
    """The workbook after ``perubahan(buku)`` edited it (openpyxl, as a user's Excel would)."""
    buku = load_workbook(io.BytesIO(isi))
    perubahan(buku)
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


def kolom(buku, lembar: str, judul: str) -> int:
    for sel in buku[lembar][1]:
        if sel.value == judul:
            return sel.column
    raise KeyError(judul)


def baris_dengan(buku, lembar: str, judul: str, nilai) -> int:
    k = kolom(buku, lembar, judul)
    for baris in range(3, buku[lembar].max_row + 1):
        if buku[lembar].cell(baris, k).value == nilai:
            return baris
    raise KeyError(nilai)


def isi_sel(buku, lembar: str, kunci: tuple[str, object], judul: str, nilai) -> None:
    baris = baris_dengan(buku, lembar, *kunci)
    buku[lembar].cell(baris, kolom(buku, lembar, judul)).value = nilai


def zip_dari(bagian: dict[str, bytes | str], *, metode=zipfile.ZIP_DEFLATED) -> bytes:
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", metode) as arsip:
        for nama, isi in bagian.items():
            arsip.writestr(nama, isi)
    return keluaran.getvalue()


def bagian_xlsx(isi: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(isi)) as arsip:
        return {n: arsip.read(n) for n in arsip.namelist()}


def terjaga(isi: bytes):
    return periksa_berkas_xlsx(isi)
