from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Peran(models.TextChoices):
    OPERATOR = "operator", _("Operator kecamatan")
    CAMAT = "camat", _("Camat")
    BAPPEDA = "bappeda", _("Bappeda")
    INSPEKTORAT = "inspektorat", _("Inspektorat")
    ADMIN = "admin", _("Administrator")


PERAN_KECAMATAN = (Peran.OPERATOR, Peran.CAMAT)
PERAN_KABUPATEN = (Peran.BAPPEDA, Peran.INSPEKTORAT, Peran.ADMIN)


class User(AbstractUser):
    # No role until an administrator chooses one: a new account sees nothing.
    peran = models.CharField(
        _("peran"),
        max_length=20,
        choices=Peran.choices,
        blank=True,
        default="",
        help_text=_("Tanpa peran, akun ini tidak dapat membuka data apa pun."),
    )
    kecamatan = models.ForeignKey(
        "kecamatan.Kecamatan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pengguna",
        verbose_name=_("kecamatan"),
        help_text=_("Wajib untuk operator dan camat; kosong untuk peran kabupaten."),
    )

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")
        constraints = [
            models.CheckConstraint(
                condition=(Q(peran__in=PERAN_KECAMATAN) & Q(kecamatan__isnull=False))
                | (~Q(peran__in=PERAN_KECAMATAN) & Q(kecamatan__isnull=True)),
                name="kecamatan_sesuai_peran",
            )
        ]

    @property
    def is_peran_kecamatan(self) -> bool:
        return self.peran in PERAN_KECAMATAN

    @property
    def is_peran_kabupaten(self) -> bool:
        """Bappeda, Inspektorat and administrators: they see every kecamatan."""
        return self.peran in PERAN_KABUPATEN
