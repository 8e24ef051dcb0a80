from datetime import date

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kecamatan.jabatan import masa_mencakup
from umum.kolom import BilanganField, BilanganKecilField, DesimalField, NamaField, TautanField, TeksField
from umum.riwayat import Riwayat

SUMBER_BANTUAN = _(
    "Dicetak sebagai «Sumber:» di bawah tabelnya, misalnya «Dokumen Pelaksanaan Anggaran Kecamatan "
    "Kalisat Tahun 2024». Kosongkan untuk memakai kalimat bawaan."
)

#: The slug prefix of every synthetic kecamatan (``manage.py buat_kecamatan_sintetis``).
AWALAN_SINTETIS = "sintetis-"


class KecamatanManager(models.Manager["Kecamatan"]):
    def get_by_natural_key(self, slug: str) -> "Kecamatan":
        return self.get(slug=slug)


class Kecamatan(models.Model):
    slug = models.SlugField(_("kode"), max_length=60, unique=True, help_text=_("Huruf kecil, mis. kalisat"))
    nama = NamaField(_("nama"), max_length=120, help_text=_("Tanpa kata «Kecamatan», mis. Kalisat"))
    kabupaten = NamaField(_("kabupaten"), max_length=120, default="Jember")
    alamat_kantor = models.CharField(_("alamat kantor"), max_length=255, blank=True)
    sintetis = models.BooleanField(
        _("sintetis"),
        default=False,
        help_text=_("Data buatan untuk uji beban dan demo; kodenya selalu berawalan «sintetis-»."),
    )

    objects = KecamatanManager()

    history = Riwayat()

    class Meta:
        verbose_name = _("kecamatan")
        verbose_name_plural = _("kecamatan")
        ordering = ["nama"]
        constraints = [
            # A synthetic kecamatan can never pass for a real one, nor a real one for synthetic.
            models.CheckConstraint(
                condition=Q(sintetis=True, slug__startswith=AWALAN_SINTETIS)
                | (Q(sintetis=False) & ~Q(slug__startswith=AWALAN_SINTETIS)),
                name="kecamatan_sintetis_berawalan",
                violation_error_message=_(
                    "Kecamatan sintetis wajib berkode «sintetis-…», dan hanya kecamatan sintetis yang "
                    "boleh berkode demikian."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"Kecamatan {self.nama}"

    @property
    def label_sintetis(self) -> str:
        return str(_("sintetis")) if self.sintetis else ""

    def natural_key(self) -> tuple[str]:
        return (self.slug,)


class ProfilKecamatan(models.Model):
    """What the LKIP's BAB I says about the kecamatan in one year."""

    kecamatan = models.ForeignKey(
        Kecamatan, on_delete=models.CASCADE, related_name="profil", verbose_name=_("kecamatan")
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    luas_km2 = DesimalField(_("luas (km²)"), max_digits=10, decimal_places=2, null=True, blank=True)
    jumlah_penduduk = BilanganField(_("jumlah penduduk"), null=True, blank=True)
    isu_strategis = TeksField(
        _("isu strategis"), max_length=5000, blank=True, help_text=_("Satu isu per baris")
    )
    tempat_laporan = NamaField(_("tempat penandatanganan laporan"), max_length=80, default="Jember")
    tanggal_laporan = models.DateField(_("tanggal penandatanganan laporan"), null=True, blank=True)
    # The documents each table's numbers come from ("Sumber:" under the table); empty: the
    # report derives the sentence (``lkip.laporan.sumber``).
    sumber_pegawai = NamaField(
        _("sumber data kepegawaian"), max_length=200, blank=True, help_text=SUMBER_BANTUAN
    )
    sumber_sarana = NamaField(
        _("sumber data sarana dan prasarana"), max_length=200, blank=True, help_text=SUMBER_BANTUAN
    )
    sumber_wilayah = NamaField(
        _("sumber data wilayah (desa/kelurahan)"), max_length=200, blank=True, help_text=SUMBER_BANTUAN
    )
    sumber_pagu_anggaran = NamaField(
        _("sumber data pagu anggaran"), max_length=200, blank=True, help_text=SUMBER_BANTUAN
    )
    sumber_realisasi_anggaran = NamaField(
        _("sumber data realisasi anggaran"), max_length=200, blank=True, help_text=SUMBER_BANTUAN
    )
    sumber_realisasi_kinerja = NamaField(
        _("sumber data realisasi kinerja"), max_length=200, blank=True, help_text=SUMBER_BANTUAN
    )

    history = Riwayat()

    SUMBER = (
        "sumber_pegawai",
        "sumber_sarana",
        "sumber_wilayah",
        "sumber_pagu_anggaran",
        "sumber_realisasi_anggaran",
        "sumber_realisasi_kinerja",
    )
    """The source fields, in the order the forms and the fixtures list them."""

    class Meta:
        verbose_name = _("profil kecamatan")
        verbose_name_plural = _("profil kecamatan")
        ordering = ["kecamatan__nama", "tahun"]
        constraints = [
            models.UniqueConstraint(fields=["kecamatan", "tahun"], name="profil_unik_per_tahun"),
            models.CheckConstraint(condition=Q(tahun__gte=2000, tahun__lte=2100), name="profil_tahun_wajar"),
        ]

    def __str__(self) -> str:
        return f"{self.kecamatan} {self.tahun}"

    @property
    def daftar_isu_strategis(self) -> list[str]:
        return [baris.strip() for baris in self.isu_strategis.splitlines() if baris.strip()]


class Desa(models.Model):
    class Jenis(models.TextChoices):
        DESA = "desa", _("Desa")
        KELURAHAN = "kelurahan", _("Kelurahan")

    profil = models.ForeignKey(
        ProfilKecamatan, on_delete=models.CASCADE, related_name="desa", verbose_name=_("profil")
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    nama = NamaField(_("nama"), max_length=120)
    jenis = models.CharField(_("jenis"), max_length=10, choices=Jenis.choices, default=Jenis.DESA)
    luas_km2 = DesimalField(_("luas (km²)"), max_digits=10, decimal_places=2, null=True, blank=True)
    jumlah_penduduk = BilanganField(_("jumlah penduduk"), null=True, blank=True)

    history = Riwayat()

    class Meta:
        verbose_name = _("desa/kelurahan")
        verbose_name_plural = _("desa/kelurahan")
        ordering = ["profil", "urutan", "nama"]
        constraints = [models.UniqueConstraint(fields=["profil", "nama"], name="desa_unik_per_profil")]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} {self.nama}"


class KomposisiPegawai(models.Model):
    """One row of the staff-composition table (kebutuhan against bezetting)."""

    profil = models.ForeignKey(
        ProfilKecamatan, on_delete=models.CASCADE, related_name="pegawai", verbose_name=_("profil")
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    kelompok = NamaField(_("kelompok jabatan"), max_length=120, blank=True)
    jabatan = NamaField(_("jabatan"), max_length=160)
    kebutuhan = BilanganKecilField(_("kebutuhan"), null=True, blank=True)
    bezetting = BilanganKecilField(_("bezetting (yang ada)"), null=True, blank=True)
    laki_laki = BilanganKecilField(_("laki-laki"), null=True, blank=True)
    perempuan = BilanganKecilField(_("perempuan"), null=True, blank=True)

    history = Riwayat()

    class Meta:
        verbose_name = _("komposisi pegawai")
        verbose_name_plural = _("komposisi pegawai")
        ordering = ["profil", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["profil", "kelompok", "jabatan"], name="pegawai_unik_per_profil")
        ]

    def __str__(self) -> str:
        return self.jabatan


class RincianPegawai(models.Model):
    """One row of the staff breakdowns the LKIP prints beside the composition table: ASN by
    pangkat/golongan, and ASN and non-ASN by education (one row per level and status)."""

    class Dasar(models.TextChoices):
        PANGKAT = "pangkat", _("Pangkat")
        PENDIDIKAN = "pendidikan", _("Pendidikan")

    class Status(models.TextChoices):
        ASN = "asn", _("ASN")
        NON_ASN = "non_asn", _("Non ASN")

    profil = models.ForeignKey(
        ProfilKecamatan, on_delete=models.CASCADE, related_name="rincian_pegawai", verbose_name=_("profil")
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    dasar = models.CharField(_("rincian menurut"), max_length=12, choices=Dasar.choices)
    status = models.CharField(_("status kepegawaian"), max_length=8, choices=Status.choices)
    uraian = NamaField(_("pangkat atau pendidikan"), max_length=80)
    golongan = models.CharField(_("golongan ruang"), max_length=10, blank=True)
    jumlah = BilanganKecilField(_("jumlah"), null=True, blank=True)
    keterangan = models.CharField(_("keterangan"), max_length=120, blank=True)

    history = Riwayat()

    class Meta:
        verbose_name = _("rincian pegawai")
        verbose_name_plural = _("rincian pegawai")
        ordering = ["profil", "urutan"]
        constraints = [
            models.UniqueConstraint(
                fields=["profil", "dasar", "status", "uraian", "golongan", "keterangan"],
                name="rincian_pegawai_unik_per_profil",
            )
        ]

    def __str__(self) -> str:
        return f"{self.uraian} {self.golongan}".strip()


class SaranaPrasarana(models.Model):
    profil = models.ForeignKey(
        ProfilKecamatan, on_delete=models.CASCADE, related_name="sarana", verbose_name=_("profil")
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    nama = models.CharField(_("sarana/prasarana"), max_length=160)
    jumlah = BilanganField(_("jumlah"), null=True, blank=True)
    kondisi = models.CharField(_("kondisi"), max_length=160, blank=True)
    jumlah_ideal = BilanganField(_("jumlah ideal"), null=True, blank=True)

    history = Riwayat()

    class Meta:
        verbose_name = _("sarana dan prasarana")
        verbose_name_plural = _("sarana dan prasarana")
        ordering = ["profil", "urutan"]
        constraints = [models.UniqueConstraint(fields=["profil", "nama"], name="sarana_unik_per_profil")]

    def __str__(self) -> str:
        return self.nama


class UnitOrganisasi(models.Model):
    """A box of the organisation chart (susunan organisasi); the tree is built by ``induk``."""

    profil = models.ForeignKey(
        ProfilKecamatan, on_delete=models.CASCADE, related_name="organisasi", verbose_name=_("profil")
    )
    kode = models.SlugField(_("kode"), max_length=60)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    nama = NamaField(_("nama unit/jabatan"), max_length=200)
    induk = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="bawahan",
        verbose_name=_("atasan"),
    )

    history = Riwayat()

    class Meta:
        verbose_name = _("unit organisasi")
        verbose_name_plural = _("susunan organisasi")
        ordering = ["profil", "urutan"]
        constraints = [models.UniqueConstraint(fields=["profil", "kode"], name="unit_unik_per_profil")]

    def __str__(self) -> str:
        return self.nama


class Pejabat(models.Model):
    """An official of the kecamatan in a year: who signs, with pangkat and NIP."""

    profil = models.ForeignKey(
        ProfilKecamatan, on_delete=models.CASCADE, related_name="pejabat", verbose_name=_("profil")
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    jabatan = NamaField(_("jabatan"), max_length=200)
    nama = NamaField(_("nama"), max_length=160)
    pangkat = NamaField(_("pangkat"), max_length=80, blank=True)
    golongan = NamaField(_("golongan"), max_length=20, blank=True)
    nip = NamaField(_("NIP"), max_length=30, blank=True)
    kepala = models.BooleanField(_("kepala (penandatangan laporan)"), default=False)
    mulai_menjabat = models.DateField(_("mulai menjabat"), null=True, blank=True)
    selesai_menjabat = models.DateField(
        _("selesai menjabat"), null=True, blank=True, help_text=_("Kosongkan bila masih menjabat")
    )

    history = Riwayat()

    class Meta:
        verbose_name = _("pejabat")
        verbose_name_plural = _("pejabat")
        ordering = ["profil", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["profil", "jabatan", "nama"], name="pejabat_unik_per_profil"),
            models.UniqueConstraint(
                fields=["profil"], condition=Q(kepala=True), name="satu_kepala_per_profil"
            ),
            models.CheckConstraint(
                condition=Q(mulai_menjabat__isnull=True)
                | Q(selesai_menjabat__isnull=True)
                | Q(mulai_menjabat__lte=models.F("selesai_menjabat")),
                name="masa_jabatan_urut",
                violation_error_message=_("Tanggal selesai menjabat tidak boleh sebelum tanggal mulai."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nama} ({self.jabatan})"

    def menjabat_pada(self, tanggal: date) -> bool | None:
        """Whether the term covers ``tanggal``; ``None`` when the term is not recorded."""
        return masa_mencakup(self.mulai_menjabat, self.selesai_menjabat, tanggal)


class Inovasi(models.Model):
    """An innovation of the kecamatan reported in a year's LKIP (BAB III): what it is, since when,
    on what basis and what it brought."""

    profil = models.ForeignKey(
        ProfilKecamatan, on_delete=models.CASCADE, related_name="inovasi", verbose_name=_("profil")
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    nama = NamaField(_("nama inovasi"), max_length=200)
    uraian = TeksField(
        _("uraian"), max_length=2000, blank=True, help_text=_("Apa inovasinya dan masalah yang diatasinya.")
    )
    tahun_mulai = models.PositiveSmallIntegerField(_("tahun mulai"), null=True, blank=True)
    dasar_penetapan = models.CharField(
        _("dasar penetapan"), max_length=200, blank=True, help_text=_("mis. SK Bupati nomor dan tanggalnya")
    )
    hasil = TeksField(_("hasil atau manfaat"), max_length=2000, blank=True)
    tautan = TautanField(_("tautan"), blank=True)

    history = Riwayat()

    class Meta:
        verbose_name = _("inovasi")
        verbose_name_plural = _("inovasi")
        ordering = ["profil", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["profil", "nama"], name="inovasi_unik_per_profil"),
            models.CheckConstraint(
                condition=Q(tahun_mulai__isnull=True) | Q(tahun_mulai__gte=1945, tahun_mulai__lte=2100),
                name="inovasi_tahun_mulai_wajar",
                violation_error_message=_("Tahun mulai inovasi harus antara 1945 dan 2100."),
            ),
        ]

    def __str__(self) -> str:
        return self.nama


class Penghargaan(models.Model):
    """An award the kecamatan received in the year: what, from whom, at which level, when."""

    profil = models.ForeignKey(
        ProfilKecamatan, on_delete=models.CASCADE, related_name="penghargaan", verbose_name=_("profil")
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    nama = NamaField(_("penghargaan"), max_length=200)
    pemberi = NamaField(_("pemberi"), max_length=200, blank=True)
    tingkat = models.CharField(
        _("tingkat"), max_length=60, blank=True, help_text=_("mis. Kabupaten, Nasional")
    )
    tanggal = models.DateField(_("tanggal"), null=True, blank=True)

    history = Riwayat()

    class Meta:
        verbose_name = _("penghargaan")
        verbose_name_plural = _("penghargaan")
        ordering = ["profil", "urutan"]
        constraints = [models.UniqueConstraint(fields=["profil", "nama"], name="penghargaan_unik_per_profil")]

    def __str__(self) -> str:
        return self.nama


class PengesahanData(models.Model):
    """The Camat's sign-off on the kecamatan's data for a year (who, when); signing again
    replaces it. Data changed afterwards shows as changed since the sign-off."""

    kecamatan = models.ForeignKey(
        Kecamatan, on_delete=models.CASCADE, related_name="pengesahan", verbose_name=_("kecamatan")
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    disahkan_oleh = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("disahkan oleh"),
    )
    nama = NamaField(_("nama penanda tangan"), max_length=160)
    disahkan_pada = models.DateTimeField(_("disahkan pada"))
    sidik = models.JSONField(
        _("sidik data yang disahkan"),
        default=dict,
        blank=True,
        help_text=_("Per bagian laporan, ringkasan isi data saat disahkan; beda berarti diubah sesudahnya."),
    )

    history = Riwayat()

    class Meta:
        verbose_name = _("pengesahan data")
        verbose_name_plural = _("pengesahan data")
        ordering = ["kecamatan__nama", "tahun"]
        constraints = [
            models.UniqueConstraint(fields=["kecamatan", "tahun"], name="pengesahan_unik_per_tahun")
        ]

    def __str__(self) -> str:
        return f"Pengesahan {self.kecamatan.nama} {self.tahun}"


class StatusAlur(models.TextChoices):
    DRAF = "draf", _("Draf")
    DIAJUKAN = "diajukan", _("Diajukan")
    DIREVIU = "direviu", _("Direviu")
    DIKEMBALIKAN = "dikembalikan", _("Dikembalikan")
    DISETUJUI = "disetujui", _("Disetujui")
    TERKUNCI = "terkunci", _("Terkunci")


class AlurLaporan(models.Model):
    """Where a kecamatan's LKIP of one year stands in the review workflow (``kecamatan.alur``).
    A year without a row is a draft."""

    kecamatan = models.ForeignKey(
        Kecamatan, on_delete=models.CASCADE, related_name="alur", verbose_name=_("kecamatan")
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    status = models.CharField(_("status"), max_length=20, choices=StatusAlur.choices, default=StatusAlur.DRAF)
    versi = models.PositiveSmallIntegerField(_("versi"), default=1)
    diperbarui = models.DateTimeField(_("diperbarui"), auto_now=True)

    class Meta:
        verbose_name = _("alur laporan")
        verbose_name_plural = _("alur laporan")
        ordering = ["kecamatan__nama", "tahun"]
        constraints = [
            models.UniqueConstraint(fields=["kecamatan", "tahun"], name="alur_unik_per_tahun"),
            models.CheckConstraint(condition=Q(versi__gte=1), name="alur_versi_positif"),
        ]

    def __str__(self) -> str:
        return f"{self.kecamatan} {self.tahun}: {self.get_status_display()}"


class RiwayatAlur(models.Model):
    """One transition of the workflow: who took which action, when, with what note."""

    alur = models.ForeignKey(
        AlurLaporan, on_delete=models.CASCADE, related_name="riwayat", verbose_name=_("alur laporan")
    )
    versi = models.PositiveSmallIntegerField(_("versi"))
    aksi = models.CharField(_("aksi"), max_length=20)
    dari = models.CharField(_("dari status"), max_length=20, choices=StatusAlur.choices)
    ke = models.CharField(_("ke status"), max_length=20, choices=StatusAlur.choices)
    oleh = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("oleh")
    )
    nama = NamaField(_("nama"), max_length=160)
    peran = models.CharField(_("peran"), max_length=20)
    pada = models.DateTimeField(_("pada"))
    catatan = TeksField(_("catatan"), max_length=5000, blank=True)

    class Meta:
        verbose_name = _("riwayat alur")
        verbose_name_plural = _("riwayat alur")
        ordering = ["alur", "pada", "pk"]

    def __str__(self) -> str:
        return f"{self.alur}: {self.aksi}"
