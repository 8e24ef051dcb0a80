from django.db import models
from django.utils.translation import gettext_lazy as _

from kecamatan.models import Kecamatan
from umum.gambar import validasi_logo
from umum.kolom import TeksField
from umum.riwayat import Riwayat


class BagianNarasi(models.TextChoices):
    """The report's prose sections a kecamatan may rewrite. Sentences that state numbers are
    never here: they are generated from the data."""

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
    PENUTUP = "penutup", _("BAB IV Penutup (pembuka)")
    PERMASALAHAN = "permasalahan", _("BAB IV B. Permasalahan (tambahan)")
    REKOMENDASI = "rekomendasi", _("BAB IV C. Rekomendasi (tambahan)")


class NarasiLaporan(models.Model):
    """A kecamatan's own text for one prose section of one year's LKIP.

    Paragraphs are separated by a blank line; ``{kecamatan}``, ``{kabupaten}``, ``{tahun}`` and
    ``{tahun_berikut}`` are filled in; any other brace prints as typed. Without a row, the default
    text of the section is used.
    """

    kecamatan = models.ForeignKey(
        Kecamatan, on_delete=models.CASCADE, related_name="narasi", verbose_name=_("kecamatan")
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    bagian = models.CharField(_("bagian"), max_length=30, choices=BagianNarasi.choices)
    teks = TeksField(_("teks"), max_length=10000, help_text=_("Pisahkan paragraf dengan satu baris kosong."))
    diperbarui = models.DateTimeField(_("diperbarui"), auto_now=True)

    history = Riwayat()

    class Meta:
        verbose_name = _("narasi laporan")
        verbose_name_plural = _("narasi laporan")
        ordering = ["kecamatan__nama", "tahun", "bagian"]
        constraints = [models.UniqueConstraint(fields=["kecamatan", "tahun", "bagian"], name="narasi_unik")]

    def __str__(self) -> str:
        return f"{self.kecamatan.nama} {self.tahun}: {self.get_bagian_display()}"


class CetakMassal(models.Model):
    """A request to print every kecamatan's LKIP of a year into one zip, done by the worker."""

    class Status(models.TextChoices):
        ANTRE = "antre", _("Menunggu giliran")
        BERJALAN = "berjalan", _("Sedang dicetak")
        SELESAI = "selesai", _("Selesai")
        GAGAL = "gagal", _("Gagal")
        DIBATALKAN = "dibatalkan", _("Dibatalkan")

    tahun = models.PositiveSmallIntegerField(_("tahun"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ANTRE)
    jumlah = models.PositiveSmallIntegerField(_("jumlah laporan"), default=0)
    selesai = models.PositiveSmallIntegerField(_("laporan selesai"), default=0)
    sedang = models.CharField(_("sedang dicetak"), max_length=120, blank=True)
    berkas = models.FileField(_("berkas zip"), upload_to="cetak/", blank=True)
    pesan = models.TextField(_("pesan"), blank=True)
    detak = models.DateTimeField(
        _("detak terakhir"),
        null=True,
        blank=True,
        help_text=_("Diperbarui pekerja selama mencetak; detak yang lama berarti pekerjanya mati."),
    )
    percobaan = models.PositiveSmallIntegerField(_("percobaan"), default=0)
    dibuat_oleh = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("dibuat oleh")
    )
    dibuat = models.DateTimeField(_("dibuat"), auto_now_add=True)
    diperbarui = models.DateTimeField(_("diperbarui"), auto_now=True)

    class Meta:
        verbose_name = _("cetak massal")
        verbose_name_plural = _("cetak massal")
        ordering = ["-dibuat"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(selesai__lte=models.F("jumlah")), name="cetak_selesai_tidak_melebihi"
            )
        ]

    def __str__(self) -> str:
        return f"Cetak LKIP {self.tahun} ({self.get_status_display()})"

    @property
    def persen(self) -> int:
        return 0 if not self.jumlah else round(100 * self.selesai / self.jumlah)

    @property
    def is_berlangsung(self) -> bool:
        return self.status in {self.Status.ANTRE, self.Status.BERJALAN}


class PdfLaporan(models.Model):
    """One rendered LKIP PDF, kept under the SHA-256 of the HTML it was laid out from.

    The HTML holds every number of the report and the layout is deterministic, so the same hash
    is the same PDF: a download or a bulk print whose HTML hashes to a kept entry serves its file
    instead of laying the report out again. Entries are pruned by last use and by count.
    """

    kecamatan = models.ForeignKey(
        Kecamatan, on_delete=models.CASCADE, related_name="pdf_laporan", verbose_name=_("kecamatan")
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    sha256 = models.CharField(_("SHA-256 HTML"), max_length=64, unique=True)
    berkas = models.FileField(_("berkas PDF"), upload_to="lkip-pdf/")
    ukuran = models.PositiveIntegerField(_("ukuran (byte)"))
    dibuat = models.DateTimeField(_("dibuat"), auto_now_add=True)
    dipakai = models.DateTimeField(_("terakhir dipakai"))

    class Meta:
        verbose_name = _("PDF laporan tersimpan")
        verbose_name_plural = _("PDF laporan tersimpan")
        ordering = ["kecamatan__nama", "tahun", "-dipakai"]
        indexes = [models.Index(fields=["kecamatan", "tahun", "-dipakai"], name="pdf_laporan_terbaru")]

    def __str__(self) -> str:
        return f"LKIP {self.kecamatan.nama} {self.tahun} ({self.sha256[:12]})"


class RenderLatar(models.Model):
    """The background re-render of one kecamatan's year after a save.

    ``diminta`` is the time of the latest save; a scheduled render that finds a later request
    leaves the work to the render scheduled by that request (one render per burst of saves).
    ``mulai`` is set while a render runs, so the download page can say so.
    """

    kecamatan = models.ForeignKey(
        Kecamatan, on_delete=models.CASCADE, related_name="+", verbose_name=_("kecamatan")
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    diminta = models.DateTimeField(_("diminta"))
    mulai = models.DateTimeField(_("mulai dicetak"), null=True, blank=True)

    class Meta:
        verbose_name = _("cetak ulang di latar")
        verbose_name_plural = _("cetak ulang di latar")
        constraints = [models.UniqueConstraint(fields=["kecamatan", "tahun"], name="render_latar_unik")]

    def __str__(self) -> str:
        return f"{self.kecamatan.nama} {self.tahun}"


class LaporanDisetujui(models.Model):
    """The frozen LKIP of one approval: the PDF and the ``lkip_json`` document as they were when
    Bappeda approved the year's version, with their SHA-256. From the approval on, this PDF is
    what the download serves; a reopened year keeps its earlier versions here."""

    kecamatan = models.ForeignKey(
        Kecamatan, on_delete=models.PROTECT, related_name="laporan_disetujui", verbose_name=_("kecamatan")
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    versi = models.PositiveSmallIntegerField(_("versi"))
    berkas = models.FileField(_("berkas PDF"), upload_to="lkip-disetujui/")
    sha256_pdf = models.CharField(_("SHA-256 PDF"), max_length=64)
    json = models.TextField(_("dokumen JSON"))
    sha256_json = models.CharField(_("SHA-256 JSON"), max_length=64)
    disetujui_oleh = models.CharField(_("disetujui oleh"), max_length=150)
    disetujui_pada = models.DateTimeField(_("disetujui pada"))

    class Meta:
        verbose_name = _("laporan disetujui")
        verbose_name_plural = _("laporan disetujui")
        ordering = ["kecamatan__nama", "tahun", "-versi"]
        constraints = [
            models.UniqueConstraint(fields=["kecamatan", "tahun", "versi"], name="laporan_disetujui_unik")
        ]

    def __str__(self) -> str:
        return f"LKIP {self.kecamatan.nama} {self.tahun} versi {self.versi} (disetujui)"


class CetakMassalLaporan(models.Model):
    """One kecamatan's report in a bulk print, laid out by its own task.

    Any ``db_worker`` sharing the database claims it (Menunggu → Sedang dicetak, one worker
    wins), keeps the PDF it printed (the cached draft, or the frozen approved report) and, when
    it is the last of the job, hands the job to the task that assembles the zip.
    """

    class Status(models.TextChoices):
        ANTRE = "antre", _("Menunggu giliran")
        BERJALAN = "berjalan", _("Sedang dicetak")
        SELESAI = "selesai", _("Selesai")

    cetak = models.ForeignKey(
        CetakMassal, on_delete=models.CASCADE, related_name="laporan", verbose_name=_("cetak massal")
    )
    kecamatan = models.ForeignKey(
        Kecamatan, on_delete=models.CASCADE, related_name="+", verbose_name=_("kecamatan")
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ANTRE)
    pdf = models.ForeignKey(
        PdfLaporan,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("PDF tersimpan"),
    )
    disetujui = models.ForeignKey(
        LaporanDisetujui,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("laporan disetujui"),
        help_text=_("Tahun yang sudah disetujui dicetak dari PDF yang dibekukan, bukan DRAF."),
    )
    pekerja = models.CharField(_("pekerja"), max_length=64, blank=True)
    mulai = models.DateTimeField(_("mulai dicetak"), null=True, blank=True)
    selesai_pada = models.DateTimeField(_("selesai dicetak"), null=True, blank=True)

    class Meta:
        verbose_name = _("laporan cetak massal")
        verbose_name_plural = _("laporan cetak massal")
        ordering = ["cetak", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["cetak", "kecamatan"], name="cetak_massal_laporan_unik")
        ]

    def __str__(self) -> str:
        return f"{self.cetak}: {self.kecamatan.nama}"


class KopSurat(models.Model):
    """The kabupaten's logo and letterhead, set once by the administrator, printed on the cover
    and on the first page of each annex. One row at most; without it the cover is plain.

    ``sidik`` is the SHA-256 of the logo's bytes and names its file, so the report's HTML (and
    with it the PDF cache key) changes whenever the logo does."""

    tunggal = models.PositiveSmallIntegerField(default=1, editable=False)
    pemerintah = models.CharField(
        _("nama pemerintah daerah"), max_length=120, help_text=_("Contoh: PEMERINTAH KABUPATEN JEMBER")
    )
    logo = models.FileField(
        _("logo"),
        upload_to="kop/",
        validators=[validasi_logo],
        help_text=_("PNG, JPEG atau SVG, paling besar 512 KB."),
    )
    sidik = models.CharField(_("SHA-256 logo"), max_length=64, editable=False)
    diperbarui = models.DateTimeField(_("diperbarui"), auto_now=True)

    history = Riwayat()

    class Meta:
        verbose_name = _("kop surat dan logo")
        verbose_name_plural = _("kop surat dan logo")
        constraints = [
            models.UniqueConstraint(fields=["tunggal"], name="kop_surat_tunggal"),
            models.CheckConstraint(condition=models.Q(tunggal=1), name="kop_surat_satu_baris"),
        ]

    def __str__(self) -> str:
        return self.pemerintah
