from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from capaian import scoring
from perencanaan.models import Indikator, NilaiField
from umum.kolom import DesimalField, TautanField, TeksField
from umum.riwayat import Riwayat


class SkalaPredikatManager(models.Manager["SkalaPredikat"]):
    def get_by_natural_key(self, kode: str) -> "SkalaPredikat":
        return self.get(kode=kode)


class SkalaPredikat(models.Model):
    """A versioned predikat scale. Which one a year uses is data (``SkalaTahun``), not code."""

    kode = models.SlugField(_("kode"), max_length=60, unique=True)
    nama = models.CharField(_("nama"), max_length=200)
    sumber = models.CharField(_("dasar/sumber"), max_length=300, blank=True)
    batas_atas = DesimalField(
        _("batas atas capaian (%)"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Capaian di atas nilai ini dihitung sama dengan nilai ini. Kosongkan bila tanpa batas."),
    )

    objects = SkalaPredikatManager()

    history = Riwayat()

    class Meta:
        verbose_name = _("skala predikat")
        verbose_name_plural = _("skala predikat")
        ordering = ["kode"]
        constraints = [
            models.CheckConstraint(
                condition=Q(batas_atas__gt=0) | Q(batas_atas__isnull=True), name="batas_atas_positif"
            )
        ]

    def __str__(self) -> str:
        return f"{self.nama} ({self.kode})"

    def natural_key(self) -> tuple[str]:
        return (self.kode,)

    def as_skala(self) -> scoring.Skala:
        """The scale as the pure scoring service sees it (uses prefetched ``pita`` if present)."""
        return scoring.Skala(
            kode=self.kode,
            batas_atas=self.batas_atas,
            pita=tuple(p.as_pita() for p in self.pita.all()),
        )


class PitaPredikat(models.Model):
    skala = models.ForeignKey(
        SkalaPredikat, on_delete=models.CASCADE, related_name="pita", verbose_name=_("skala")
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    kode = models.CharField(_("predikat"), max_length=40, help_text=_("mis. AA, atau Sangat Tinggi"))
    keterangan = models.CharField(
        _("keterangan"), max_length=80, blank=True, help_text=_("mis. Sangat Memuaskan")
    )
    batas_bawah = DesimalField(_("batas bawah (%)"), max_digits=7, decimal_places=2, null=True, blank=True)
    bawah_inklusif = models.BooleanField(_("batas bawah termasuk"), default=False)
    batas_atas = DesimalField(_("batas atas (%)"), max_digits=7, decimal_places=2, null=True, blank=True)
    atas_inklusif = models.BooleanField(_("batas atas termasuk"), default=True)

    history = Riwayat()

    class Meta:
        verbose_name = _("pita predikat")
        verbose_name_plural = _("pita predikat")
        ordering = ["skala", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["skala", "kode"], name="pita_kode_unik_per_skala"),
            models.CheckConstraint(
                condition=Q(batas_bawah__isnull=True)
                | Q(batas_atas__isnull=True)
                | Q(batas_bawah__lt=models.F("batas_atas")),
                name="pita_bawah_kurang_dari_atas",
            ),
        ]

    def __str__(self) -> str:
        return self.as_pita().label

    def as_pita(self) -> scoring.Pita:
        return scoring.Pita(
            kode=self.kode,
            keterangan=self.keterangan,
            bawah=self.batas_bawah,
            bawah_inklusif=self.bawah_inklusif,
            atas=self.batas_atas,
            atas_inklusif=self.atas_inklusif,
        )


class SkalaTahun(models.Model):
    """Which scale scores a year, for every kecamatan of the kabupaten."""

    tahun = models.PositiveSmallIntegerField(_("tahun"), unique=True)
    skala = models.ForeignKey(
        SkalaPredikat, on_delete=models.PROTECT, related_name="tahun", verbose_name=_("skala")
    )

    history = Riwayat()

    class Meta:
        verbose_name = _("skala per tahun")
        verbose_name_plural = _("skala per tahun")
        ordering = ["tahun"]

    def __str__(self) -> str:
        return f"{self.tahun}: {self.skala.kode}"


class KonversiHuruf(models.Model):
    """Letter grade → number, used when only the letter is printed (``B`` → 70)."""

    huruf = models.CharField(_("nilai huruf"), max_length=2, unique=True)
    angka = DesimalField(_("nilai angka"), max_digits=7, decimal_places=2)

    history = Riwayat()

    class Meta:
        verbose_name = _("konversi nilai huruf")
        verbose_name_plural = _("konversi nilai huruf")
        ordering = ["-angka"]
        constraints = [models.CheckConstraint(condition=Q(angka__gte=0), name="konversi_tidak_negatif")]

    def __str__(self) -> str:
        return f"{self.huruf} = {self.angka}"

    @classmethod
    def sebagai_peta(cls) -> dict[str, Decimal]:
        """The table in force; the default conversion while the table is empty."""
        return dict(cls.objects.values_list("huruf", "angka")) or dict(scoring.KONVERSI_HURUF_BAWAAN)


class RealisasiQuerySet(models.QuerySet["Realisasi"]):
    def for_tahun(self, tahun: int) -> "RealisasiQuerySet":
        return self.filter(tahun=tahun)

    def for_kecamatan(self, kecamatan_id: int) -> "RealisasiQuerySet":
        return self.filter(indikator__sasaran__renstra__kecamatan_id=kecamatan_id)


class Realisasi(NilaiField):
    class Status(models.TextChoices):
        TERISI = scoring.Status.TERISI, _("Terisi")
        BELUM_DIISI = scoring.Status.BELUM_DIISI, _("Belum diisi")
        TIDAK_DAPAT_DIHITUNG = scoring.Status.TIDAK_DAPAT_DIHITUNG, _("Tidak dapat dihitung")
        TIDAK_BERLAKU = scoring.Status.TIDAK_BERLAKU, _("Tidak berlaku tahun ini")

    indikator = models.ForeignKey(
        Indikator, on_delete=models.CASCADE, related_name="realisasi", verbose_name=_("indikator")
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    status = models.CharField(_("status"), max_length=24, choices=Status.choices, default=Status.BELUM_DIISI)
    alasan = TeksField(
        _("alasan"),
        max_length=5000,
        blank=True,
        help_text=_("Wajib bila tidak dapat dihitung atau tidak berlaku"),
    )
    catatan = TeksField(_("catatan"), max_length=5000, blank=True)
    faktor_keberhasilan = TeksField(_("faktor keberhasilan"), max_length=5000, blank=True)
    hambatan = TeksField(_("hambatan/faktor kegagalan"), max_length=5000, blank=True)
    tindak_lanjut = TeksField(_("solusi/tindak lanjut"), max_length=5000, blank=True)
    pembanding_nasional = models.CharField(_("realisasi nasional"), max_length=40, blank=True)
    pembanding_provinsi = models.CharField(_("realisasi provinsi"), max_length=40, blank=True)
    pembanding_kabupaten = models.CharField(_("realisasi kabupaten"), max_length=40, blank=True)
    diperbarui = models.DateTimeField(_("diperbarui"), auto_now=True)

    objects = RealisasiQuerySet.as_manager()

    history = Riwayat()

    class Meta:
        verbose_name = _("realisasi")
        verbose_name_plural = _("realisasi")
        ordering = ["indikator", "tahun"]
        # «Terisi» needs a yearly value or a quarter (quarters alone roll up to the year), which
        # spans two tables, so ``clean`` checks it rather than a CheckConstraint.
        constraints = [
            models.UniqueConstraint(fields=["indikator", "tahun"], name="realisasi_unik_per_tahun"),
        ]

    #: Whether quarterly values come with this realisasi. ``None`` reads the stored quarters;
    #: a service that saves quarters together with the year sets it before ``full_clean``.
    ada_triwulan: bool | None = None

    def __str__(self) -> str:
        return f"{self.indikator.kode} {self.tahun}: {self.nilai_teks or self.get_status_display()}"

    def _ada_triwulan(self) -> bool:
        if self.ada_triwulan is not None:
            return self.ada_triwulan
        return self.pk is not None and self.triwulan.exists()

    def clean(self) -> None:
        tidak_terhitung = (self.Status.TIDAK_DAPAT_DIHITUNG, self.Status.TIDAK_BERLAKU)
        if self.status in tidak_terhitung and not self.alasan.strip():
            raise ValidationError({"alasan": _("Tuliskan alasannya.")})
        if self.status == self.Status.TERISI and self.is_kosong and not self._ada_triwulan():
            raise ValidationError(
                {"angka": _("Status «terisi» memerlukan realisasi tahunan atau salah satu triwulan.")}
            )


class RealisasiTriwulan(models.Model):
    realisasi = models.ForeignKey(
        Realisasi, on_delete=models.CASCADE, related_name="triwulan", verbose_name=_("realisasi")
    )
    triwulan = models.PositiveSmallIntegerField(_("triwulan"))
    angka = DesimalField(_("nilai"), max_digits=18, decimal_places=4)

    history = Riwayat()

    class Meta:
        verbose_name = _("realisasi triwulan")
        verbose_name_plural = _("realisasi triwulan")
        ordering = ["realisasi", "triwulan"]
        constraints = [
            models.UniqueConstraint(fields=["realisasi", "triwulan"], name="realisasi_triwulan_unik"),
            models.CheckConstraint(condition=Q(triwulan__gte=1, triwulan__lte=4), name="triwulan_1_sampai_4"),
        ]

    def __str__(self) -> str:
        return f"TW {self.triwulan}: {self.angka}"


BUKTI_EKSTENSI = ["pdf", "jpg", "jpeg", "png", "xlsx", "xls", "docx", "doc"]


def _lokasi_bukti(instance: "Bukti", filename: str) -> str:
    realisasi = instance.realisasi
    return f"bukti/{realisasi.tahun}/{realisasi.indikator_id}/{filename}"


class Bukti(models.Model):
    """Evidence for a realisasi: an uploaded file or a link."""

    realisasi = models.ForeignKey(
        Realisasi, on_delete=models.CASCADE, related_name="bukti", verbose_name=_("realisasi")
    )
    berkas = models.FileField(
        _("berkas"), upload_to=_lokasi_bukti, blank=True, validators=[FileExtensionValidator(BUKTI_EKSTENSI)]
    )
    tautan = TautanField(_("tautan"), blank=True)
    keterangan = models.CharField(_("keterangan"), max_length=300, blank=True)
    diunggah = models.DateTimeField(_("diunggah"), auto_now_add=True)

    history = Riwayat()

    class Meta:
        verbose_name = _("bukti dukung")
        verbose_name_plural = _("bukti dukung")
        ordering = ["realisasi", "diunggah"]
        constraints = [
            models.CheckConstraint(condition=~Q(berkas="") | ~Q(tautan=""), name="bukti_berkas_atau_tautan"),
        ]

    def __str__(self) -> str:
        return self.keterangan or self.tautan or self.berkas.name
