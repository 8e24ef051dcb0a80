"""Codes sorted the way people read them: ``3.2.10`` after ``3.2.9``, ``S1.10`` after ``S1.9``.

A database sorts text character by character, so ``3.2.10`` would come before ``3.2.2``.
Each coded model stores a sort key next to its code (``kode_urut``, kept up to date on every
save) and every query orders by that key, so pages, the admin and the report agree and the
ordering costs no query and no Python re-sort.
"""

import re

from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

_ANGKA = re.compile(r"(\d+)")
LEBAR_ANGKA = 10


def kunci_kode(kode: str) -> str:
    """The sort key of a code: every run of digits padded to a fixed width, letters in one
    case, separators dropped (so the database's collation cannot reorder them)."""
    bagian = _ANGKA.split(kode.strip())
    return "".join(
        b.zfill(LEBAR_ANGKA) if b.isdigit() else "".join(c for c in b.casefold() if c.isalnum())
        for b in bagian
    )


class KodeUrut(models.Model):
    """A model with a ``kode`` that sorts naturally through ``kode_urut``."""

    kode_urut = models.CharField(_("kunci urut kode"), max_length=255, editable=False, default="")

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        self.kode_urut = kunci_kode(self.kode)
        bidang = kwargs.get("update_fields")
        if bidang is not None and "kode" in bidang:
            kwargs["update_fields"] = {*bidang, "kode_urut"}
        super().save(*args, **kwargs)


@admin.display(description=_("kode"), ordering="kode_urut")
def kolom_kode(obj: KodeUrut) -> str:
    """The admin's «kode» column, sorted naturally when its header is clicked."""
    return obj.kode
