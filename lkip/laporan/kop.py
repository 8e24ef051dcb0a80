"""The kabupaten's letterhead (kop surat) and logo: the one write, and what the report reads.

The logo's file is named by the SHA-256 of its bytes and the report's HTML names that file, so
a new logo is a new HTML and a new PDF cache key; the layout reads the file from storage
(``pdf.PengambilStatis``), never from the network.
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile, File
from django.db import transaction

from lkip.laporan.models import KopSurat
from umum.gambar import BATAS_BYTE, jenis_gambar

AWALAN_LOGO = "/" + settings.MEDIA_URL.strip("/") + "/"
"""Where the report's HTML finds uploaded files (the site's media URL; the layout's fetcher
serves the same path from the file storage)."""


@dataclass(frozen=True)
class Kop:
    pemerintah: str
    logo: str
    """The logo's address in the report's HTML (``/media/kop/<sha256>.png``)."""


@transaction.atomic
def kop_surat_simpan(*, pemerintah: str, logo: File | None) -> KopSurat:
    """Create or update the one letterhead; ``logo=None`` keeps the current logo."""
    kop = KopSurat.objects.select_for_update().filter(tunggal=1).first() or KopSurat()
    kop.pemerintah = pemerintah.strip()
    if logo is None:
        kop.full_clean()
    else:
        logo.seek(0)
        isi = logo.read(BATAS_BYTE + 1)
        jenis = jenis_gambar(isi)
        kop.sidik = hashlib.sha256(isi).hexdigest()
        kop.full_clean(exclude=["logo"])  # the logo's bytes were checked above; nothing is stored yet
        kop.logo.save(f"{kop.sidik}.{jenis}", ContentFile(isi), save=False)
    kop.save()
    return kop


def kop_laporan() -> Kop | None:
    """The letterhead for the report (one query); ``None`` prints a plain cover."""
    kop = KopSurat.objects.filter(tunggal=1).first()
    if kop is None or not kop.logo:
        return None
    return Kop(pemerintah=kop.pemerintah, logo=AWALAN_LOGO + kop.logo.name)
