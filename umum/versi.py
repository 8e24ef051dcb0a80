"""Version tokens for optimistic locking: a form carries the token of what it showed, and a
save is refused when the stored data no longer has that token (someone else saved first)."""

import hashlib
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

VERSI_BARU = "baru"


def versi_objek(obj: models.Model | None, anak: Iterable[models.Model] = ()) -> str:
    """A short digest of every stored field of ``obj`` and of its ``anak`` rows; ``baru`` when
    the object does not exist yet."""
    if obj is None:
        return VERSI_BARU
    isi = [_isi(obj), *sorted(_isi(a) for a in anak)]
    return hashlib.sha256(repr(isi).encode()).hexdigest()[:20]


def _isi(obj: models.Model) -> str:
    return repr([(f.attname, str(getattr(obj, f.attname))) for f in obj._meta.concrete_fields])


class DataKedaluwarsa(ValidationError):
    """Someone else saved the item after this form was opened: the save is refused."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "Data ini sudah diubah orang lain sejak formulir dibuka, jadi tidak disimpan. "
                "Isian Anda masih ada di bawah: buka halaman ini di tab lain untuk melihat "
                "perubahan terbaru, lalu simpan lagi bila perlu."
            ),
            code="kedaluwarsa",
        )
