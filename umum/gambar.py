"""Uploaded images the report prints: the kabupaten's logo (PNG, JPEG or SVG) and the
documentation photos (JPEG or PNG), size-limited, recognised by their bytes, not by the file
name the browser sent.

An SVG is drawn by WeasyPrint, so it must be plain drawing: no DOCTYPE or entities (an XML
bomb), no script, no event handler, no link to anything outside the file.
"""

import io
import re
from dataclasses import dataclass
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


# --- Documentation photos -------------------------------------------------------------------

BATAS_FOTO_BYTE = 8 * 1024 * 1024
"""The largest photo accepted as uploaded (a phone's JPEG is 2–6 MB)."""
BATAS_FOTO_PIKSEL = 40_000_000
"""Width × height above which an image is refused before it is decoded (a decompression bomb)."""
SISI_FOTO_TERSIMPAN = 1600
"""The longest side of the stored photo: sharp on an A4 page at 150 dpi, small in the PDF."""
SISI_FOTO_MINIMUM = 200


@dataclass(frozen=True)
class Foto:
    """A photo as stored: re-encoded (so only pixels are kept, never EXIF or other metadata),
    turned upright, at most ``SISI_FOTO_TERSIMPAN`` on its longest side."""

    isi: bytes
    jenis: str
    """``jpg`` or ``png``."""
    lebar: int
    tinggi: int


def foto_siapkan(isi: bytes) -> Foto:
    """Check an uploaded photo (JPEG or PNG by its bytes, size, pixels) and re-encode it;
    ``ValidationError`` with an Indonesian message otherwise."""
    # Imported here: Pillow comes with WeasyPrint; only the photo upload needs it in a request.
    from PIL import Image, ImageOps, UnidentifiedImageError

    if len(isi) > BATAS_FOTO_BYTE:
        raise ValidationError(
            _("Foto %(ukuran)s MB, melebihi batas %(batas)s MB.")
            % {
                "ukuran": f"{len(isi) / (1024 * 1024):.1f}".replace(".", ","),
                "batas": BATAS_FOTO_BYTE // (1024 * 1024),
            }
        )
    if not (isi.startswith(_PNG) or isi.startswith(_JPEG)):
        raise ValidationError(_("Foto harus berupa gambar JPG atau PNG."))
    rusak = ValidationError(_("Berkas foto rusak atau bukan gambar JPG/PNG yang sah."))
    try:
        with Image.open(io.BytesIO(isi)) as gambar:
            if gambar.format not in {"JPEG", "PNG"}:
                raise rusak
            if gambar.width * gambar.height > BATAS_FOTO_PIKSEL:
                raise ValidationError(
                    _(
                        "Foto %(lebar)s × %(tinggi)s piksel terlalu besar; perkecil dulu sampai %(mp)s megapiksel."
                    )
                    % {"lebar": gambar.width, "tinggi": gambar.height, "mp": BATAS_FOTO_PIKSEL // 1_000_000}
                )
            gambar.load()
            tegak = ImageOps.exif_transpose(gambar)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise rusak from None
    if min(tegak.size) < SISI_FOTO_MINIMUM:
        raise ValidationError(
            _(
                "Foto %(lebar)s × %(tinggi)s piksel terlalu kecil untuk dicetak; paling kecil %(sisi)s piksel per sisi."
            )
            % {"lebar": tegak.width, "tinggi": tegak.height, "sisi": SISI_FOTO_MINIMUM}
        )
    tegak.thumbnail((SISI_FOTO_TERSIMPAN, SISI_FOTO_TERSIMPAN))
    keluaran = io.BytesIO()
    if tegak.mode == "P":
        tegak = tegak.convert("RGBA")
    if "A" in tegak.getbands():  # transparency only PNG keeps
        tegak.convert("RGBA").save(keluaran, format="PNG", optimize=True)
        jenis = "png"
    else:
        tegak.convert("RGB").save(keluaran, format="JPEG", quality=85, optimize=True)
        jenis = "jpg"
    return Foto(isi=keluaran.getvalue(), jenis=jenis, lebar=tegak.width, tinggi=tegak.height)
