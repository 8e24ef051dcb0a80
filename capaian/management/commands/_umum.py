"""Argument helpers shared by the commands of this project."""

from django.core.management.base import CommandError

from kecamatan.models import Kecamatan


def kecamatan_dari_slug(slug: str) -> Kecamatan:
    kecamatan = Kecamatan.objects.filter(slug=slug.lower()).first()
    if kecamatan is None:
        daftar = ", ".join(Kecamatan.objects.values_list("slug", flat=True)) or "(belum ada)"
        raise CommandError(f"Kecamatan «{slug}» tidak dikenal. Yang ada: {daftar}.")
    return kecamatan
