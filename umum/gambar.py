"""Uploaded images the report prints (the kabupaten's logo): PNG, JPEG or SVG, size-limited,
recognised by their bytes, not by the file name the browser sent.

An SVG is drawn by WeasyPrint, so it must be plain drawing: no DOCTYPE or entities (an XML
bomb), no script, no event handler, no link to anything outside the file.
"""

import re
from xml.etree import ElementTree

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

BATAS_BYTE = 512 * 1024

_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"
_SVG_NS = "{http://www.w3.org/2000/svg}"
_HREF = re.compile(r"(^|})href$")


def jenis_gambar(isi: bytes) -> str:
    """``png``, ``jpg`` or ``svg`` for an acceptable image; ``ValidationError`` otherwise."""
    if len(isi) > BATAS_BYTE:
        raise ValidationError(
            _("Berkas logo %(ukuran)s KB, melebihi batas %(batas)s KB.")
            % {"ukuran": len(isi) // 1024, "batas": BATAS_BYTE // 1024}
        )
    if isi.startswith(_PNG):
        return "png"
    if isi.startswith(_JPEG):
        return "jpg"
    _periksa_svg(isi)
    return "svg"


def _periksa_svg(isi: bytes) -> None:
    tolak = ValidationError(_("Logo harus berupa gambar PNG, JPEG, atau SVG."))
    try:
        teks = isi.decode("utf-8")
    except UnicodeDecodeError:
        raise tolak from None
    if "<!DOCTYPE" in teks.upper() or "<!ENTITY" in teks.upper():
        raise ValidationError(_("Logo SVG tidak boleh memuat DOCTYPE atau ENTITY."))
    try:
        akar = ElementTree.fromstring(teks)  # noqa: S314 - DOCTYPE and entities are refused above
    except ElementTree.ParseError:
        raise tolak from None
    if akar.tag not in {"svg", f"{_SVG_NS}svg"}:
        raise tolak
    for unsur in akar.iter():
        if str(unsur.tag).rsplit("}", 1)[-1].lower() in {"script", "foreignobject"}:
            raise ValidationError(_("Logo SVG tidak boleh memuat skrip."))
        for nama, nilai in unsur.attrib.items():
            if nama.rsplit("}", 1)[-1].lower().startswith("on"):
                raise ValidationError(_("Logo SVG tidak boleh memuat skrip."))
            if _HREF.search(nama) and not (nilai.startswith("#") or nilai.startswith("data:image/")):
                raise ValidationError(_("Logo SVG tidak boleh menautkan berkas lain."))


def validasi_logo(berkas) -> None:
    """Field validator: reads the upload (at most one byte past the limit) and checks it."""
    berkas.seek(0)
    isi = berkas.read(BATAS_BYTE + 1)
    berkas.seek(0)
    jenis_gambar(isi)
