"""The one guard every uploaded workbook passes before openpyxl reads a byte of it.

An xlsx is a zip of XML parts. What is refused, each with an Indonesian message and before
anything is parsed: a file over the size limit; a file that is not a zip at all (a csv, pdf or
exe renamed to ``.xlsx``; a password-protected workbook, which Excel stores as an OLE compound
file); a workbook with macros (``vbaProject.bin``); an archive whose declared uncompressed
sizes are too large (a zip bomb: ``zipfile`` never inflates a member past its declared size,
so checking the declarations bounds the memory); and any XML part with a ``DOCTYPE`` or an
``ENTITY`` (an XML bomb: a workbook never needs either). The admin's import of reference data
(``admin_impor``) calls the same function, and ``periksa_berkas_csv`` for a CSV upload.
"""

import io
import re
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

TANDA_ZIP = b"PK\x03\x04"
TANDA_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TANDA_LAIN = {
    b"%PDF": "PDF",
    b"MZ": "program (exe)",
    b"\x7fELF": "program",
}
#: Parts of an xlsx that hold XML; they are the ones an entity could be hidden in.
AKHIRAN_XML = (".xml", ".rels", ".vml")
#: Enough for any real workbook; an archive with more members is not one of ours.
ANGGOTA_MAKS = 500
_POTONGAN = 64 * 1024
_DIMENSI = re.compile(rb'<(?:\w+:)?DIMENSION\s+REF="(?:[A-Z]+[0-9]+:)?[A-Z]+([0-9]+)"')
_BARIS = re.compile(rb"<(?:\w+:)?ROW[\s>/]")
#: Rows a sheet may hold beyond the data rows read (header, help row, the template's open rows).
BARIS_CADANGAN = 250


class BerkasDitolak(ValueError):
    """The upload is not a workbook this system reads; the message says why and what to do."""


@dataclass(frozen=True)
class BerkasXlsx:
    """A workbook that passed the guard: its bytes and the worksheet parts that hold formulas."""

    isi: bytes
    bagian_rumus: frozenset[str]


def _tolak(pesan: str) -> BerkasDitolak:
    return BerkasDitolak(pesan)


def _periksa_tanda(isi: bytes) -> None:
    if isi.startswith(TANDA_ZIP):
        return
    if isi.startswith(TANDA_OLE):
        raise _tolak(
            _(
                "Berkas ini dilindungi kata sandi atau berformat Excel lama (.xls), jadi tidak dapat "
                "dibaca. Buka di Excel, hapus kata sandinya, lalu simpan sebagai «Buku Kerja Excel "
                "(.xlsx)» dan unggah lagi."
            )
        )
    for tanda, jenis in TANDA_LAIN.items():
        if isi.startswith(tanda):
            raise _tolak(
                _("Berkas ini berupa %(jenis)s, bukan buku kerja Excel (.xlsx). Unggah templat .xlsx.")
                % {"jenis": jenis}
            )
    raise _tolak(
        _(
            "Berkas ini bukan buku kerja Excel (.xlsx); mungkin CSV atau teks yang diganti namanya. "
            "Unduh templat, isi, lalu simpan sebagai «Buku Kerja Excel (.xlsx)»."
        )
    )


def _periksa_anggota(arsip: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    anggota = arsip.infolist()
    if len(anggota) > ANGGOTA_MAKS:
        raise _tolak(_("Berkas ini berisi terlalu banyak bagian untuk sebuah buku kerja; tidak dibaca."))
    nama = {a.filename for a in anggota}
    if any(n.lower().endswith("vbaproject.bin") for n in nama):
        raise _tolak(
            _(
                "Buku kerja ini berisi makro (VBA), jadi tidak dibaca. Simpan ulang sebagai «Buku Kerja "
                "Excel (.xlsx)» tanpa makro, lalu unggah lagi."
            )
        )
    if "[Content_Types].xml" not in nama or "xl/workbook.xml" not in nama:
        raise _tolak(_("Berkas ini arsip zip, tetapi bukan buku kerja Excel (.xlsx)."))
    bagian_maks = settings.LKIP_IMPOR_BAGIAN_MAKS_BYTE
    total = 0
    for a in anggota:
        if a.flag_bits & 0x1:
            raise _tolak(
                _("Berkas ini terenkripsi, jadi tidak dapat dibaca. Hapus kata sandinya lalu unggah lagi.")
            )
        total += a.file_size
        if a.file_size > bagian_maks or total > settings.LKIP_IMPOR_TOTAL_MAKS_BYTE:
            raise _tolak(
                _(
                    "Isi berkas ini bila dibuka jauh lebih besar dari buku kerja biasa (mungkin «zip "
                    "bomb»), jadi tidak dibaca. Paling besar %(mb)s MB setelah dibuka."
                )
                % {"mb": settings.LKIP_IMPOR_TOTAL_MAKS_BYTE // (1024 * 1024)}
            )
    return anggota


def _periksa_xml(arsip: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Refuse a DOCTYPE or ENTITY anywhere in the part, read in bounded pieces, and a worksheet
    with more rows than an import reads (counted here, or declared by its ``dimension``: openpyxl
    would otherwise scan a whole sheet to size it before reading a row). Returns whether the part
    holds a formula (``<f>``), so the reader can tell a formula without a cached value."""
    ada_rumus = False
    lembar = info.filename.startswith("xl/worksheets/")
    baris_maks = settings.LKIP_IMPOR_BARIS_MAKS + BARIS_CADANGAN
    baris = 0
    ekor = b""
    with arsip.open(info) as aliran:
        while potongan := aliran.read(_POTONGAN):
            teks = (ekor + potongan).upper()
            if lembar:
                if not ekor and (cocok := _DIMENSI.search(teks)) and int(cocok.group(1)) > baris_maks:
                    raise _tolak(_pesan_baris(info.filename, settings.LKIP_IMPOR_BARIS_MAKS))
                baris += sum(1 for m in _BARIS.finditer(teks) if m.end() > len(ekor))
                if baris > baris_maks:
                    raise _tolak(_pesan_baris(info.filename, settings.LKIP_IMPOR_BARIS_MAKS))
            if b"<!DOCTYPE" in teks or b"<!ENTITY" in teks:
                raise _tolak(
                    _(
                        "Bagian %(bagian)s berisi deklarasi DOCTYPE/ENTITY yang tidak pernah dipakai "
                        "Excel (bisa berupa «XML bomb»), jadi berkas tidak dibaca."
                    )
                    % {"bagian": info.filename}
                )
            ada_rumus = ada_rumus or b"<F>" in teks or b"<F " in teks
            ekor = potongan[-16:]
    return ada_rumus


def periksa_berkas_xlsx(berkas) -> BerkasXlsx:
    """The guard: ``berkas`` is bytes or an uploaded file; raises ``BerkasDitolak``."""
    maks = settings.LKIP_IMPOR_MAKS_BYTE
    if isinstance(berkas, bytes):
        isi = berkas
    else:
        if getattr(berkas, "size", 0) > maks:
            raise _tolak(_pesan_besar(maks))
        berkas.seek(0)
        isi = berkas.read(maks + 1)
    if len(isi) > maks:
        raise _tolak(_pesan_besar(maks))
    if not isi:
        raise _tolak(_("Berkas kosong."))
    _periksa_tanda(isi)
    try:
        with zipfile.ZipFile(io.BytesIO(isi)) as arsip:
            rumus = set()
            for info in _periksa_anggota(arsip):
                if info.filename.lower().endswith(AKHIRAN_XML) and _periksa_xml(arsip, info):
                    rumus.add(info.filename)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError) as exc:
        raise _tolak(
            _("Berkas .xlsx ini rusak atau tidak lengkap; simpan ulang di Excel lalu unggah lagi.")
        ) from exc
    return BerkasXlsx(isi=isi, bagian_rumus=frozenset(r for r in rumus if r.startswith("xl/worksheets/")))


def _pesan_baris(bagian: str, maks: int) -> str:
    return _(
        "Salah satu lembar (%(bagian)s) berisi lebih dari %(maks)s baris data, jadi berkas tidak "
        "dibaca. Hapus baris kosong di bawah tabel atau bagi datanya."
    ) % {"bagian": bagian.rsplit("/", 1)[-1], "maks": maks}


def _pesan_besar(maks: int) -> str:
    return _("Berkas terlalu besar: paling besar %(mb)s MB.") % {"mb": maks // (1024 * 1024)}


def periksa_berkas_csv(berkas) -> str:
    """The guard for a CSV upload (the admin's reference-data import): at most
    ``LKIP_IMPOR_MAKS_BYTE``, not a workbook, PDF or program renamed to ``.csv``, text in UTF-8
    (with or without a byte-order mark) without NUL bytes, and at most ``LKIP_IMPOR_BARIS_MAKS``
    lines. Returns the decoded text; raises ``BerkasDitolak``."""
    maks = settings.LKIP_IMPOR_MAKS_BYTE
    if isinstance(berkas, bytes):
        isi = berkas
    else:
        if getattr(berkas, "size", 0) > maks:
            raise _tolak(_pesan_besar(maks))
        berkas.seek(0)
        isi = berkas.read(maks + 1)
    if len(isi) > maks:
        raise _tolak(_pesan_besar(maks))
    if not isi.strip():
        raise _tolak(_("Berkas kosong."))
    if isi.startswith(TANDA_ZIP):
        raise _tolak(
            _("Berkas ini buku kerja Excel (.xlsx), bukan CSV. Pilih format «xlsx» lalu unggah lagi.")
        )
    if isi.startswith(TANDA_OLE):
        raise _tolak(
            _(
                "Berkas ini berformat Excel lama (.xls) atau dilindungi kata sandi, bukan CSV; simpan sebagai CSV UTF-8."
            )
        )
    for tanda, jenis in TANDA_LAIN.items():
        if isi.startswith(tanda):
            raise _tolak(_("Berkas ini berupa %(jenis)s, bukan CSV.") % {"jenis": jenis})
    if b"\x00" in isi:
        raise _tolak(
            _("Berkas ini bukan teks CSV (berisi karakter NUL); mungkin UTF-16. Simpan sebagai «CSV UTF-8».")
        )
    try:
        teks = isi.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _tolak(
            _(
                "Berkas CSV ini bukan UTF-8 (baris %(baris)s). Di Excel simpan sebagai «CSV UTF-8 "
                "(dibatasi koma)», lalu unggah lagi."
            )
            % {"baris": isi[: exc.start].count(b"\n") + 1}
        ) from exc
    # The header and the data rows; a quoted field may span lines, so this bounds the work, and
    # the reader counts records again.
    if teks.count("\n") > settings.LKIP_IMPOR_BARIS_MAKS + 1:
        raise _tolak(_pesan_baris_csv(settings.LKIP_IMPOR_BARIS_MAKS))
    return teks


def _pesan_baris_csv(maks: int) -> str:
    return _("Berkas CSV ini berisi lebih dari %(maks)s baris data, jadi tidak dibaca. Bagi datanya.") % {
        "maks": maks
    }
