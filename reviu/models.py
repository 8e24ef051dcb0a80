"""A review note and its replies. A note is about one place of a kecamatan's year (``Jenis``);
its target row is kept by a nullable key so deleting the row never deletes the reviewer's note:
``label`` keeps how the place was called when the note was written."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from anggaran.models import Kegiatan, Program, SubKegiatan
from capaian.models import Bukti
from kecamatan.models import Kecamatan
from perencanaan.models import Indikator
from umum.kolom import TeksField
from umum.riwayat import Riwayat


class BagianLaporan(models.TextChoices):
    """The LKIP's chapters and sections a note may point at. The prose sections use the keys of
    ``lkip.laporan.models.BagianNarasi`` (a test holds them equal), so a note on one is shown
    beside its text on the Narasi page; the others are chapters built from the data."""

    SAMPUL = "sampul", _("Sampul")
    KATA_PENGANTAR = "kata_pengantar", _("Kata Pengantar")
    IKHTISAR = "ikhtisar", _("Ikhtisar Eksekutif (pembuka)")
    LATAR_BELAKANG = "latar_belakang", _("BAB I A. Latar Belakang")
    MAKSUD_TUJUAN = "maksud_tujuan", _("BAB I B. Maksud dan Tujuan")
    TUGAS_FUNGSI = "tugas_fungsi", _("BAB I C. Kedudukan, Tugas dan Fungsi")
    SDM = "sdm", _("BAB I D. Sumber Daya Manusia")
    SARANA = "sarana", _("BAB I E. Sarana dan Prasarana")
    ANGGARAN = "anggaran", _("BAB I F. Anggaran")
    ISU_STRATEGIS = "isu_strategis", _("BAB I G. Isu Strategis")
    PROFIL_WILAYAH = "profil_wilayah", _("BAB I H. Profil Wilayah")
    RENSTRA = "renstra", _("BAB II A. Rencana Strategis")
    IKU = "iku", _("BAB II B. Indikator Kinerja Utama")
    PERJANJIAN = "perjanjian", _("BAB II C. Perjanjian Kinerja")
    PENGUKURAN = "pengukuran", _("BAB III A. Kerangka Pengukuran Kinerja")
    CAPAIAN = "capaian", _("BAB III B. Capaian Kinerja")
    REALISASI_ANGGARAN = "realisasi_anggaran", _("BAB III C. Realisasi Anggaran")
    PENUTUP = "penutup", _("BAB IV Penutup (pembuka)")
    PERMASALAHAN = "permasalahan", _("BAB IV B. Permasalahan (tambahan)")
    REKOMENDASI = "rekomendasi", _("BAB IV C. Rekomendasi (tambahan)")
    LAMPIRAN = "lampiran", _("Lampiran")


class CatatanReviu(models.Model):
    class Jenis(models.TextChoices):
        TAHUN = "tahun", _("Laporan tahun ini")
        BAGIAN = "bagian", _("Bagian laporan")
        INDIKATOR = "indikator", _("Indikator")
        PROGRAM = "program", _("Program")
        KEGIATAN = "kegiatan", _("Kegiatan")
        SUB_KEGIATAN = "sub_kegiatan", _("Sub kegiatan")
        BUKTI = "bukti", _("Bukti dukung")

    class Status(models.TextChoices):
        TERBUKA = "terbuka", _("Terbuka")
        DITANGGAPI = "ditanggapi", _("Ditanggapi")
        SELESAI = "selesai", _("Selesai")

    kecamatan = models.ForeignKey(
        Kecamatan, on_delete=models.CASCADE, related_name="catatan_reviu", verbose_name=_("kecamatan")
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    jenis = models.CharField(_("tentang"), max_length=20, choices=Jenis.choices)
    bagian = models.CharField(_("bagian laporan"), max_length=30, choices=BagianLaporan.choices, blank=True)
    indikator = models.ForeignKey(
        Indikator,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("indikator"),
    )
    program = models.ForeignKey(
        Program, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("program")
    )
    kegiatan = models.ForeignKey(
        Kegiatan,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kegiatan"),
    )
    sub_kegiatan = models.ForeignKey(
        SubKegiatan,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sub kegiatan"),
    )
    bukti = models.ForeignKey(
        Bukti,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("bukti dukung"),
    )
    label = models.CharField(_("tempat"), max_length=500, help_text=_("Nama tempat catatan saat ditulis."))
    isi = TeksField(_("catatan"), max_length=5000)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.TERBUKA)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ditulis oleh"),
    )
    nama = models.CharField(_("nama penulis"), max_length=300)
    peran = models.CharField(_("peran penulis"), max_length=20)
    dibuat = models.DateTimeField(_("ditulis"), auto_now_add=True)
    diperbarui = models.DateTimeField(_("diperbarui"), auto_now=True)

    history = Riwayat()

    class Meta:
        verbose_name = _("catatan reviu")
        verbose_name_plural = _("catatan reviu")
        ordering = ["kecamatan__nama", "tahun", "dibuat", "pk"]
        indexes = [models.Index(fields=["kecamatan", "tahun", "status"], name="catatan_tahun_status")]
        constraints = [
            models.CheckConstraint(
                condition=Q(bagian="") | Q(jenis="bagian"), name="catatan_bagian_hanya_untuk_bagian"
            ),
            models.CheckConstraint(
                condition=~Q(jenis="bagian") | ~Q(bagian=""), name="catatan_bagian_wajib_diisi"
            ),
            # At most the key of its own kind is set (a deleted row leaves it empty).
            *(
                models.CheckConstraint(
                    condition=Q(jenis=jenis) | Q(**{f"{jenis}__isnull": True}),
                    name=f"catatan_{jenis}_sesuai_jenis",
                )
                for jenis in ("indikator", "program", "kegiatan", "sub_kegiatan", "bukti")
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kecamatan.nama} {self.tahun} · {self.label}: {self.isi[:60]}"

    @property
    def is_selesai(self) -> bool:
        return self.status == self.Status.SELESAI


class BalasanCatatan(models.Model):
    """One reply in a note's thread, by the kecamatan or by a reviewer."""

    catatan = models.ForeignKey(
        CatatanReviu, on_delete=models.CASCADE, related_name="balasan", verbose_name=_("catatan")
    )
    isi = TeksField(_("balasan"), max_length=5000)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ditulis oleh"),
    )
    nama = models.CharField(_("nama penulis"), max_length=300)
    peran = models.CharField(_("peran penulis"), max_length=20)
    dibuat = models.DateTimeField(_("ditulis"), auto_now_add=True)

    history = Riwayat()

    class Meta:
        verbose_name = _("balasan catatan")
        verbose_name_plural = _("balasan catatan")
        ordering = ["catatan", "dibuat", "pk"]

    def __str__(self) -> str:
        return f"{self.nama}: {self.isi[:60]}"
