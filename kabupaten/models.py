from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from perencanaan.models import Indikator, Polaritas
from umum.kolom import DesimalField, NamaField
from umum.riwayat import Riwayat


class IndikatorKabupatenManager(models.Manager["IndikatorKabupaten"]):
    def get_by_natural_key(self, kode: str) -> "IndikatorKabupaten":
        return self.get(kode=kode)


class IndikatorKabupaten(models.Model):
    """An indicator of the kabupaten's catalogue: what several kecamatan measure under their
    own wording, so their capaian can be put side by side."""

    kode = models.SlugField(_("kode"), max_length=30, unique=True, help_text=_("Mis. ikm"))
    nama = NamaField(_("nama"), max_length=300)
    nama_singkat = NamaField(_("nama singkat"), max_length=40, help_text=_("Judul kolom matriks, mis. IKM"))
    satuan = models.CharField(_("satuan"), max_length=60, blank=True)
    polaritas = models.CharField(
        _("polaritas"), max_length=10, choices=Polaritas.choices, default=Polaritas.POSITIF
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)

    objects = IndikatorKabupatenManager()

    history = Riwayat()

    class Meta:
        verbose_name = _("indikator kabupaten")
        verbose_name_plural = _("katalog indikator kabupaten")
        ordering = ["urutan", "kode"]

    def __str__(self) -> str:
        return f"{self.kode}: {self.nama}"

    def natural_key(self) -> tuple[str]:
        return (self.kode,)


class StatusPemetaan(models.TextChoices):
    USULAN = "usulan", _("Usulan (belum dikonfirmasi)")
    DIKONFIRMASI = "dikonfirmasi", _("Dikonfirmasi Bappeda")


class PemetaanIndikator(models.Model):
    """Which catalogue entry a kecamatan's Renstra indicator measures. Proposed by name
    similarity (``kabupaten.pemetaan``), counted in the matrix only once Bappeda confirms it."""

    indikator = models.OneToOneField(
        Indikator, on_delete=models.CASCADE, related_name="pemetaan_kabupaten", verbose_name=_("indikator")
    )
    katalog = models.ForeignKey(
        IndikatorKabupaten,
        on_delete=models.PROTECT,
        related_name="pemetaan",
        verbose_name=_("indikator kabupaten"),
    )
    status = models.CharField(
        _("status"), max_length=15, choices=StatusPemetaan.choices, default=StatusPemetaan.USULAN
    )
    skor = DesimalField(
        _("skor kemiripan"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("0–100; kosong bila ditetapkan langsung, bukan diusulkan"),
    )

    history = Riwayat()

    class Meta:
        verbose_name = _("pemetaan indikator")
        verbose_name_plural = _("pemetaan indikator")
        ordering = ["indikator__sasaran__renstra__kecamatan__nama", "indikator__kode_urut"]
        constraints = [
            models.CheckConstraint(
                condition=Q(skor__isnull=True) | Q(skor__gte=0, skor__lte=100), name="pemetaan_skor_wajar"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indikator} → {self.katalog.kode}"

    @property
    def is_dikonfirmasi(self) -> bool:
        return self.status == StatusPemetaan.DIKONFIRMASI
