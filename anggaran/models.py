from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kecamatan.models import Kecamatan
from perencanaan.models import Sasaran, TargetTriwulan
from umum.angka import persentase
from umum.kolom import DesimalField
from umum.riwayat import Riwayat
from umum.urutan import KodeUrut


class Program(KodeUrut):
    kecamatan = models.ForeignKey(
        Kecamatan, on_delete=models.CASCADE, related_name="program", verbose_name=_("kecamatan")
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    kode = models.CharField(_("kode"), max_length=40)
    nama = models.CharField(_("program"), max_length=300)

    history = Riwayat()

    class Meta:
        verbose_name = _("program")
        verbose_name_plural = _("program")
        ordering = ["kecamatan__nama", "tahun", "kode_urut"]
        constraints = [
            models.UniqueConstraint(fields=["kecamatan", "tahun", "kode"], name="program_kode_unik")
        ]

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}"


class Kegiatan(KodeUrut):
    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, related_name="kegiatan", verbose_name=_("program")
    )
    kode = models.CharField(_("kode"), max_length=40)
    nama = models.CharField(_("kegiatan"), max_length=300)

    history = Riwayat()

    class Meta:
        verbose_name = _("kegiatan")
        verbose_name_plural = _("kegiatan")
        ordering = ["program", "kode_urut"]
        constraints = [models.UniqueConstraint(fields=["program", "kode"], name="kegiatan_kode_unik")]

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}"


class IndikatorAnggaran(models.Model):
    """An indicator of a program or a kegiatan with its year's target and realisasi, as the RKT
    prints it beside the row (``Persentase realisasi anggaran`` · ``100 %``)."""

    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    uraian = models.CharField(_("indikator"), max_length=400)
    satuan = models.CharField(_("satuan"), max_length=60, blank=True)
    target = DesimalField(_("target"), max_digits=18, decimal_places=4, null=True, blank=True)
    realisasi = DesimalField(_("realisasi"), max_digits=18, decimal_places=4, null=True, blank=True)

    NAMA_INDUK: str
    """The name of the foreign key to the row the indicator belongs to."""

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.uraian

    @property
    def capaian(self) -> Decimal | None:
        return persentase(self.realisasi, self.target)


def _batas_indikator(induk: str, pesan_kembar: str) -> list[models.BaseConstraint]:
    return [
        models.UniqueConstraint(
            fields=[induk, "uraian"], name=f"indikator_{induk}_unik", violation_error_message=pesan_kembar
        ),
        models.CheckConstraint(
            condition=Q(target__gte=0) | Q(target__isnull=True),
            name=f"indikator_{induk}_target_tidak_negatif",
            violation_error_message=_("Target indikator tidak boleh negatif."),
        ),
        models.CheckConstraint(
            condition=Q(realisasi__gte=0) | Q(realisasi__isnull=True),
            name=f"indikator_{induk}_realisasi_tidak_negatif",
            violation_error_message=_("Realisasi indikator tidak boleh negatif."),
        ),
    ]


class IndikatorProgram(IndikatorAnggaran):
    NAMA_INDUK = "program"

    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, related_name="indikator", verbose_name=_("program")
    )

    history = Riwayat()

    class Meta:
        verbose_name = _("indikator program")
        verbose_name_plural = _("indikator program")
        ordering = ["program", "urutan", "pk"]
        constraints = _batas_indikator(
            "program", _("Program ini sudah memiliki indikator dengan uraian itu.")
        )


class IndikatorKegiatan(IndikatorAnggaran):
    NAMA_INDUK = "kegiatan"

    kegiatan = models.ForeignKey(
        Kegiatan, on_delete=models.CASCADE, related_name="indikator", verbose_name=_("kegiatan")
    )

    history = Riwayat()

    class Meta:
        verbose_name = _("indikator kegiatan")
        verbose_name_plural = _("indikator kegiatan")
        ordering = ["kegiatan", "urutan", "pk"]
        constraints = _batas_indikator(
            "kegiatan", _("Kegiatan ini sudah memiliki indikator dengan uraian itu.")
        )


class SubKegiatanQuerySet(models.QuerySet["SubKegiatan"]):
    def for_kecamatan_tahun(self, kecamatan_id: int, tahun: int) -> "SubKegiatanQuerySet":
        return self.filter(kegiatan__program__kecamatan_id=kecamatan_id, kegiatan__program__tahun=tahun)


class JenisBelanja(models.TextChoices):
    """The budget's economic classification the LKIP reports the spending by (Permendagri 77/2020)."""

    OPERASI = "operasi", _("Belanja Operasi")
    MODAL = "modal", _("Belanja Modal")


class SubKegiatan(KodeUrut):
    kegiatan = models.ForeignKey(
        Kegiatan, on_delete=models.CASCADE, related_name="sub_kegiatan", verbose_name=_("kegiatan")
    )
    kode = models.CharField(_("kode"), max_length=40)
    nama = models.CharField(_("sub kegiatan"), max_length=400)
    pagu = DesimalField(_("pagu (Rp)"), max_digits=18, decimal_places=2, null=True, blank=True)
    """Empty (``None``) until the year's allocation is typed, e.g. in a year started from the last."""
    realisasi = DesimalField(_("realisasi (Rp)"), max_digits=18, decimal_places=2, null=True, blank=True)
    sasaran = models.ForeignKey(
        Sasaran,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sub_kegiatan",
        verbose_name=_("sasaran yang didukung"),
    )
    jenis_belanja = models.CharField(
        _("jenis belanja"),
        max_length=10,
        choices=JenisBelanja.choices,
        blank=True,
        help_text=_("Kosong: belum dikelompokkan (laporan tidak menghitungnya sebagai operasi atau modal)."),
    )

    objects = SubKegiatanQuerySet.as_manager()

    history = Riwayat()

    class Meta:
        verbose_name = _("sub kegiatan")
        verbose_name_plural = _("sub kegiatan")
        ordering = ["kegiatan", "kode_urut"]
        constraints = [
            models.UniqueConstraint(fields=["kegiatan", "kode"], name="sub_kegiatan_kode_unik"),
            models.CheckConstraint(condition=Q(pagu__gte=0), name="pagu_tidak_negatif"),
            models.CheckConstraint(
                condition=Q(realisasi__gte=0) | Q(realisasi__isnull=True),
                name="realisasi_anggaran_tidak_negatif",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}"

    @property
    def serapan(self) -> Decimal | None:
        return persentase(self.realisasi, self.pagu)


class Keluaran(TargetTriwulan):
    """An output indicator of a sub kegiatan (target, realisasi, satuan)."""

    sub_kegiatan = models.ForeignKey(
        SubKegiatan, on_delete=models.CASCADE, related_name="keluaran", verbose_name=_("sub kegiatan")
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    uraian = models.CharField(_("indikator keluaran"), max_length=400)
    satuan = models.CharField(_("satuan"), max_length=60, blank=True)
    target = DesimalField(_("target"), max_digits=18, decimal_places=4, null=True, blank=True)
    realisasi = DesimalField(_("realisasi"), max_digits=18, decimal_places=4, null=True, blank=True)

    history = Riwayat()

    class Meta:
        verbose_name = _("indikator keluaran")
        verbose_name_plural = _("indikator keluaran")
        ordering = ["sub_kegiatan", "urutan"]
        constraints = [models.UniqueConstraint(fields=["sub_kegiatan", "uraian"], name="keluaran_unik")]

    def __str__(self) -> str:
        return self.uraian

    @property
    def capaian(self) -> Decimal | None:
        return persentase(self.realisasi, self.target)


def _lokasi_dokumentasi(instance: "Dokumentasi", filename: str) -> str:
    return f"dokumentasi/{filename}"


class Dokumentasi(models.Model):
    """A photo of a program's work (or one of its kegiatan or sub kegiatan), with the caption the
    report prints under it. The file is named by the SHA-256 of its bytes (``sidik``): the
    report's HTML names it, so a new photo is a new HTML and a new PDF cache key."""

    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, related_name="dokumentasi", verbose_name=_("program")
    )
    kegiatan = models.ForeignKey(
        Kegiatan,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="dokumentasi",
        verbose_name=_("kegiatan"),
    )
    sub_kegiatan = models.ForeignKey(
        SubKegiatan,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="dokumentasi",
        verbose_name=_("sub kegiatan"),
    )
    berkas = models.FileField(_("foto"), upload_to=_lokasi_dokumentasi, max_length=200)
    sidik = models.CharField(_("SHA-256"), max_length=64, editable=False)
    lebar = models.PositiveIntegerField(_("lebar (piksel)"), editable=False)
    tinggi = models.PositiveIntegerField(_("tinggi (piksel)"), editable=False)
    keterangan = models.CharField(_("keterangan foto"), max_length=300)
    tampilkan_di_laporan = models.BooleanField(_("tampilkan di laporan"), default=True)
    diunggah = models.DateTimeField(_("diunggah"), auto_now_add=True)

    history = Riwayat()

    class Meta:
        verbose_name = _("dokumentasi")
        verbose_name_plural = _("dokumentasi")
        ordering = ["program", "diunggah", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(sub_kegiatan__isnull=True) | Q(kegiatan__isnull=False),
                name="dokumentasi_sub_kegiatan_dengan_kegiatan",
            ),
        ]

    def __str__(self) -> str:
        return self.keterangan

    def clean(self) -> None:
        if self.kegiatan_id and self.program_id and self.kegiatan.program_id != self.program_id:
            raise ValidationError(_("Kegiatan foto tidak termasuk program yang dipilih."))
        if self.sub_kegiatan_id and self.sub_kegiatan.kegiatan_id != self.kegiatan_id:
            raise ValidationError(_("Sub kegiatan foto tidak termasuk kegiatan yang dipilih."))

    @property
    def bagian(self) -> str:
        """What the photo documents, as the upload form names it (``sub_kegiatan:12``)."""
        if self.sub_kegiatan_id:
            return f"sub_kegiatan:{self.sub_kegiatan_id}"
        if self.kegiatan_id:
            return f"kegiatan:{self.kegiatan_id}"
        return f"program:{self.program_id}"
