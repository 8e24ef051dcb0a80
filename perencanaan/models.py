from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from kecamatan.models import Kecamatan
from umum.angka import teks_nilai
from umum.kolom import DesimalField, NamaField, TeksField
from umum.riwayat import Riwayat
from umum.urutan import KodeUrut


class Polaritas(models.TextChoices):
    POSITIF = "positif", _("Positif (semakin tinggi semakin baik)")
    NEGATIF = "negatif", _("Negatif (semakin rendah semakin baik)")


class AturanTriwulan(models.TextChoices):
    KUMULATIF = "kumulatif", _("Kumulatif (dijumlah)")
    TERAKHIR = "terakhir", _("Triwulan terakhir yang terisi")
    RATA_RATA = "rata_rata", _("Rata-rata triwulan yang terisi")


#: Names and units that make an indicator an index or a percentage (a ratio, never a sum).
AWALAN_RASIO = ("indeks", "index", "persentase", "prosentase", "presentase", "rasio", "nilai", "tingkat")
SATUAN_RASIO = frozenset({"%", "persen", "indeks", "index", "nilai", "skor", "poin"})


class NilaiField(models.Model):
    """A target or realisasi as written: a number, a letter grade, or both (``B (69)``).

    Missing is both fields empty, never 0.
    """

    angka = DesimalField(_("nilai"), max_digits=18, decimal_places=4, null=True, blank=True)
    huruf = models.CharField(
        _("nilai huruf"),
        max_length=2,
        blank=True,
        help_text=_("Untuk indikator bernilai huruf: AA, A, BB, B, CC, C, D"),
    )

    class Meta:
        abstract = True

    @property
    def is_kosong(self) -> bool:
        return self.angka is None and not self.huruf

    @property
    def nilai_teks(self) -> str:
        return teks_nilai(self.angka, self.huruf)


class TargetTriwulan(models.Model):
    """The quarterly targets of a Rencana Aksi, where the kecamatan sets them (empty: none set).

    Kept as written for each quarter, not split from the yearly target: the seeds plan a
    quarter's share ("TW 1 = 3", "Tw 1 : 25 %") that need not add up to it."""

    target_tw1 = DesimalField(_("target triwulan I"), max_digits=18, decimal_places=4, null=True, blank=True)
    target_tw2 = DesimalField(_("target triwulan II"), max_digits=18, decimal_places=4, null=True, blank=True)
    target_tw3 = DesimalField(
        _("target triwulan III"), max_digits=18, decimal_places=4, null=True, blank=True
    )
    target_tw4 = DesimalField(_("target triwulan IV"), max_digits=18, decimal_places=4, null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def target_triwulan(self) -> dict[int, Decimal | None]:
        """Quarter → target; empty when no quarter is set."""
        nilai = {1: self.target_tw1, 2: self.target_tw2, 3: self.target_tw3, 4: self.target_tw4}
        return nilai if any(v is not None for v in nilai.values()) else {}


# --- RPJMD ------------------------------------------------------------------------------


class Rpjmd(models.Model):
    """The kabupaten's medium-term plan (RPJMD) whose visi and misi a Renstra follows."""

    kabupaten = NamaField(_("kabupaten"), max_length=120, default="Jember")
    tahun_awal = models.PositiveSmallIntegerField(_("tahun awal"))
    tahun_akhir = models.PositiveSmallIntegerField(_("tahun akhir"))
    visi = TeksField(_("visi"), max_length=2000, blank=True)

    history = Riwayat()

    class Meta:
        verbose_name = _("RPJMD")
        verbose_name_plural = _("RPJMD")
        ordering = ["kabupaten", "tahun_awal"]
        constraints = [
            models.UniqueConstraint(fields=["kabupaten", "tahun_awal"], name="rpjmd_periode_unik"),
            models.CheckConstraint(condition=Q(tahun_akhir__gt=F("tahun_awal")), name="rpjmd_periode_wajar"),
        ]

    def __str__(self) -> str:
        return f"RPJMD Kabupaten {self.kabupaten} {self.tahun_awal}–{self.tahun_akhir}"


class MisiRpjmd(models.Model):
    rpjmd = models.ForeignKey(Rpjmd, on_delete=models.CASCADE, related_name="misi", verbose_name=_("RPJMD"))
    nomor = models.PositiveSmallIntegerField(_("nomor"))
    uraian = TeksField(_("misi"), max_length=1000)

    history = Riwayat()

    class Meta:
        verbose_name = _("misi RPJMD")
        verbose_name_plural = _("misi RPJMD")
        ordering = ["rpjmd", "nomor"]
        constraints = [
            models.UniqueConstraint(fields=["rpjmd", "nomor"], name="misi_rpjmd_unik"),
            models.CheckConstraint(condition=Q(nomor__gte=1), name="misi_rpjmd_nomor_positif"),
        ]

    def __str__(self) -> str:
        return f"Misi {self.nomor}: {self.uraian[:80]}"


# --- Renstra ----------------------------------------------------------------------------


class RenstraQuerySet(models.QuerySet["Renstra"]):
    def berlaku(self, kecamatan: Kecamatan, tahun: int) -> "Renstra | None":
        """The version in force for ``tahun``: the latest revision that took effect by then."""
        return (
            self.filter(
                kecamatan=kecamatan, tahun_awal__lte=tahun, tahun_akhir__gte=tahun, berlaku_mulai__lte=tahun
            )
            .order_by("-versi")
            .first()
        )


class Renstra(models.Model):
    class Jenis(models.TextChoices):
        MURNI = "murni", _("Murni")
        PERUBAHAN = "perubahan", _("Perubahan")

    kecamatan = models.ForeignKey(
        Kecamatan, on_delete=models.CASCADE, related_name="renstra", verbose_name=_("kecamatan")
    )
    tahun_awal = models.PositiveSmallIntegerField(_("tahun awal"))
    tahun_akhir = models.PositiveSmallIntegerField(_("tahun akhir"))
    versi = models.PositiveSmallIntegerField(_("versi"), default=1)
    jenis = models.CharField(_("jenis"), max_length=10, choices=Jenis.choices, default=Jenis.MURNI)
    nomor_keputusan = models.CharField(_("nomor keputusan"), max_length=400, blank=True)
    tanggal_keputusan = models.DateField(_("tanggal keputusan"), null=True, blank=True)
    berlaku_mulai = models.PositiveSmallIntegerField(_("berlaku mulai tahun"))
    rpjmd = models.ForeignKey(
        Rpjmd,
        on_delete=models.PROTECT,
        related_name="renstra",
        verbose_name=_("RPJMD"),
        null=True,
        blank=True,
        help_text=_("RPJMD kabupaten yang dijabarkan Renstra ini"),
    )
    misi_rpjmd = models.PositiveSmallIntegerField(
        _("misi RPJMD yang didukung"),
        null=True,
        blank=True,
        help_text=_("Nomor misi RPJMD yang dirujuk Renstra ini"),
    )

    objects = RenstraQuerySet.as_manager()

    history = Riwayat()

    class Meta:
        verbose_name = _("Renstra")
        verbose_name_plural = _("Renstra")
        ordering = ["kecamatan__nama", "tahun_awal", "versi"]
        constraints = [
            models.UniqueConstraint(fields=["kecamatan", "tahun_awal", "versi"], name="renstra_versi_unik"),
            models.CheckConstraint(
                condition=Q(tahun_akhir__gt=F("tahun_awal")), name="renstra_periode_wajar"
            ),
            models.CheckConstraint(
                condition=Q(berlaku_mulai__gte=F("tahun_awal"), berlaku_mulai__lte=F("tahun_akhir")),
                name="renstra_berlaku_dalam_periode",
            ),
            models.CheckConstraint(condition=Q(versi__gte=1), name="renstra_versi_positif"),
        ]

    def __str__(self) -> str:
        jenis = " Perubahan" if self.jenis == self.Jenis.PERUBAHAN else ""
        return f"Renstra{jenis} {self.kecamatan.nama} {self.tahun_awal}–{self.tahun_akhir} (v{self.versi})"

    @property
    def tahun_periode(self) -> list[int]:
        return list(range(self.tahun_awal, self.tahun_akhir + 1))

    def clean(self) -> None:
        super().clean()
        if self.misi_rpjmd is not None and (
            self.rpjmd_id is None or not self.rpjmd.misi.filter(nomor=self.misi_rpjmd).exists()
        ):
            raise ValidationError(
                {
                    "misi_rpjmd": _("Misi ke-%(nomor)s tidak ada dalam RPJMD yang dipilih.")
                    % {"nomor": self.misi_rpjmd}
                }
            )


class Tujuan(KodeUrut):
    renstra = models.ForeignKey(
        Renstra, on_delete=models.CASCADE, related_name="tujuan", verbose_name=_("Renstra")
    )
    kode = models.CharField(_("kode"), max_length=20)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    uraian = TeksField(_("uraian"), max_length=1000)

    history = Riwayat()

    class Meta:
        verbose_name = _("tujuan")
        verbose_name_plural = _("tujuan")
        ordering = ["renstra", "urutan", "kode_urut"]
        constraints = [models.UniqueConstraint(fields=["renstra", "kode"], name="tujuan_kode_unik")]

    def __str__(self) -> str:
        return f"{self.kode}: {self.uraian[:80]}"


class IndikatorTujuan(models.Model):
    tujuan = models.ForeignKey(
        Tujuan, on_delete=models.CASCADE, related_name="indikator", verbose_name=_("tujuan")
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    uraian = models.CharField(_("indikator tujuan"), max_length=300)
    satuan = models.CharField(_("satuan"), max_length=60, blank=True)
    target_akhir_angka = DesimalField(
        _("target akhir Renstra"), max_digits=18, decimal_places=4, null=True, blank=True
    )
    target_akhir_huruf = models.CharField(_("target akhir Renstra (huruf)"), max_length=2, blank=True)

    history = Riwayat()

    class Meta:
        verbose_name = _("indikator tujuan")
        verbose_name_plural = _("indikator tujuan")
        ordering = ["tujuan", "urutan"]
        constraints = [models.UniqueConstraint(fields=["tujuan", "uraian"], name="indikator_tujuan_unik")]

    def __str__(self) -> str:
        return self.uraian

    @property
    def target_akhir_teks(self) -> str:
        return teks_nilai(self.target_akhir_angka, self.target_akhir_huruf)


class TargetTujuan(NilaiField):
    """A tujuan indicator's target for one Renstra year, stored like ``TargetRenstra``."""

    indikator = models.ForeignKey(
        IndikatorTujuan, on_delete=models.CASCADE, related_name="target", verbose_name=_("indikator tujuan")
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))

    history = Riwayat()

    class Meta:
        verbose_name = _("target indikator tujuan")
        verbose_name_plural = _("target indikator tujuan")
        ordering = ["indikator", "tahun"]
        constraints = [models.UniqueConstraint(fields=["indikator", "tahun"], name="target_tujuan_unik")]

    def __str__(self) -> str:
        return f"{self.indikator.uraian[:60]} {self.tahun}: {self.nilai_teks or '–'}"


class Sasaran(KodeUrut):
    renstra = models.ForeignKey(
        Renstra, on_delete=models.CASCADE, related_name="sasaran", verbose_name=_("Renstra")
    )
    tujuan = models.ForeignKey(
        Tujuan, on_delete=models.CASCADE, related_name="sasaran", verbose_name=_("tujuan")
    )
    kode = models.CharField(_("kode"), max_length=20)
    nomor = models.PositiveSmallIntegerField(
        _("nomor"),
        null=True,
        blank=True,
        help_text=_("Nomor sasaran seperti pada Perjanjian Kinerja; kosong bila tidak diperjanjikan"),
    )
    uraian = TeksField(_("sasaran strategis"), max_length=1000)
    strategi = TeksField(_("strategi"), max_length=2000, blank=True)
    kebijakan = TeksField(_("kebijakan"), max_length=2000, blank=True)

    history = Riwayat()

    class Meta:
        verbose_name = _("sasaran strategis")
        verbose_name_plural = _("sasaran strategis")
        ordering = ["renstra", "nomor", "kode_urut"]
        constraints = [
            models.UniqueConstraint(fields=["renstra", "kode"], name="sasaran_kode_unik"),
            models.UniqueConstraint(fields=["renstra", "nomor"], name="sasaran_nomor_unik"),
        ]

    def __str__(self) -> str:
        return f"Sasaran {self.nomor or self.kode}: {self.uraian[:80]}"


class Indikator(KodeUrut):
    class JenisNilai(models.TextChoices):
        ANGKA = "angka", _("Angka")
        PERSEN = "persen", _("Persen")
        HURUF = "huruf", _("Nilai huruf")

    sasaran = models.ForeignKey(
        Sasaran, on_delete=models.CASCADE, related_name="indikator", verbose_name=_("sasaran")
    )
    kode = models.CharField(_("kode"), max_length=20, help_text=_("Unik dalam satu Renstra, mis. S1.1"))
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    uraian = TeksField(_("indikator kinerja"), max_length=1000)
    satuan = models.CharField(_("satuan"), max_length=60, blank=True)
    jenis_nilai = models.CharField(
        _("jenis nilai"), max_length=10, choices=JenisNilai.choices, default=JenisNilai.ANGKA
    )
    polaritas = models.CharField(
        _("polaritas"),
        max_length=10,
        choices=Polaritas.choices,
        default=Polaritas.POSITIF,
    )
    formula = TeksField(_("formulasi perhitungan"), max_length=3000, blank=True)
    penanggung_jawab = NamaField(_("penanggung jawab"), max_length=200, blank=True)
    sumber_data = models.CharField(_("sumber data"), max_length=300, blank=True)
    is_iku = models.BooleanField(_("IKU"), default=True)
    aturan_triwulan = models.CharField(
        _("aturan realisasi triwulan"),
        max_length=10,
        choices=AturanTriwulan.choices,
        default=AturanTriwulan.TERAKHIR,
    )
    target_akhir_angka = DesimalField(
        _("target akhir Renstra"), max_digits=18, decimal_places=4, null=True, blank=True
    )
    target_akhir_huruf = models.CharField(_("target akhir Renstra (huruf)"), max_length=2, blank=True)

    history = Riwayat()

    class Meta:
        verbose_name = _("indikator kinerja")
        verbose_name_plural = _("indikator kinerja")
        ordering = ["sasaran__nomor", "urutan", "kode_urut"]
        constraints = [
            models.UniqueConstraint(fields=["sasaran", "kode"], name="indikator_kode_unik_per_sasaran"),
        ]

    def __str__(self) -> str:
        return f"{self.kode}: {self.uraian[:80]}"

    @property
    def target_akhir_teks(self) -> str:
        return teks_nilai(self.target_akhir_angka, self.target_akhir_huruf)

    @property
    def is_rasio(self) -> bool:
        """A letter grade, a percentage (by type or the unit «%») or an index («Indeks …»,
        «Persentase …»): a quarter's value is not a part of the year's, so it is never summed."""
        if self.jenis_nilai in (self.JenisNilai.PERSEN, self.JenisNilai.HURUF):
            return True
        return self.satuan.strip().lower() in SATUAN_RASIO or self.uraian.strip().lower().startswith(
            AWALAN_RASIO
        )

    def clean(self) -> None:
        super().clean()
        if self.aturan_triwulan == AturanTriwulan.KUMULATIF and self.is_rasio:
            raise ValidationError(
                {
                    "aturan_triwulan": _(
                        "Indikator %(kode)s berupa indeks, persentase atau nilai huruf: realisasi "
                        "triwulannya tidak dijumlahkan. Pilih «triwulan terakhir» atau «rata-rata»."
                    )
                    % {"kode": self.kode or self.uraian[:40]}
                }
            )


class TargetRenstra(NilaiField):
    indikator = models.ForeignKey(
        Indikator, on_delete=models.CASCADE, related_name="target_renstra", verbose_name=_("indikator")
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))

    history = Riwayat()

    class Meta:
        verbose_name = _("target Renstra")
        verbose_name_plural = _("target Renstra")
        ordering = ["indikator", "tahun"]
        constraints = [models.UniqueConstraint(fields=["indikator", "tahun"], name="target_renstra_unik")]

    def __str__(self) -> str:
        return f"{self.indikator.kode} {self.tahun}: {self.nilai_teks or '–'}"


class PenetapanIku(models.Model):
    """The Camat's decree that sets the IKU for a year."""

    kecamatan = models.ForeignKey(
        Kecamatan, on_delete=models.CASCADE, related_name="penetapan_iku", verbose_name=_("kecamatan")
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    nomor = models.CharField(_("nomor keputusan"), max_length=160)
    tanggal = models.DateField(_("tanggal"), null=True, blank=True)
    tentang = models.CharField(_("tentang"), max_length=300, blank=True)
    # The decree's body as the kecamatan signed it; empty prints the default text.
    menimbang = TeksField(_("menimbang"), max_length=5000, blank=True)
    mengingat = TeksField(
        _("mengingat"), max_length=10000, blank=True, help_text=_("Satu dasar hukum per baris.")
    )
    memutuskan = TeksField(
        _("memutuskan"),
        max_length=10000,
        blank=True,
        help_text=_("Satu diktum per baris, diawali namanya dan titik dua (KESATU : …)."),
    )

    history = Riwayat()

    class Meta:
        verbose_name = _("penetapan IKU")
        verbose_name_plural = _("penetapan IKU")
        constraints = [models.UniqueConstraint(fields=["kecamatan", "tahun"], name="penetapan_iku_unik")]

    def __str__(self) -> str:
        return f"Keputusan IKU {self.kecamatan.nama} {self.tahun}"


# --- RKT --------------------------------------------------------------------------------


class RencanaKinerjaTahunan(models.Model):
    kecamatan = models.ForeignKey(
        Kecamatan, on_delete=models.CASCADE, related_name="rkt", verbose_name=_("kecamatan")
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    tanggal = models.DateField(_("tanggal"), null=True, blank=True)

    history = Riwayat()

    class Meta:
        verbose_name = _("Rencana Kinerja Tahunan (RKT)")
        verbose_name_plural = _("Rencana Kinerja Tahunan (RKT)")
        ordering = ["kecamatan__nama", "tahun"]
        constraints = [models.UniqueConstraint(fields=["kecamatan", "tahun"], name="rkt_unik_per_tahun")]

    def __str__(self) -> str:
        return f"RKT {self.kecamatan.nama} {self.tahun}"


class TargetRkt(NilaiField, TargetTriwulan):
    rkt = models.ForeignKey(
        RencanaKinerjaTahunan, on_delete=models.CASCADE, related_name="target", verbose_name=_("RKT")
    )
    indikator = models.ForeignKey(
        Indikator, on_delete=models.PROTECT, related_name="target_rkt", verbose_name=_("indikator")
    )

    history = Riwayat()

    class Meta:
        verbose_name = _("target RKT")
        verbose_name_plural = _("target RKT")
        constraints = [models.UniqueConstraint(fields=["rkt", "indikator"], name="target_rkt_unik")]

    def __str__(self) -> str:
        return f"{self.indikator.kode}: {self.nilai_teks or '–'}"


# --- Perjanjian Kinerja -----------------------------------------------------------------


class StatusPenandatangan(models.TextChoices):
    DEFINITIF = "definitif", _("Definitif")
    PLT = "plt", _("Plt.")
    PLH = "plh", _("Plh.")


class PerjanjianKinerjaQuerySet(models.QuerySet["PerjanjianKinerja"]):
    def berlaku(self, kecamatan: Kecamatan, tahun: int) -> "PerjanjianKinerja | None":
        """The PK in force for the year: the latest version (a PK Perubahan replaces the Murni)."""
        return self.filter(kecamatan=kecamatan, tahun=tahun).order_by("-versi").first()


class PerjanjianKinerja(models.Model):
    class Jenis(models.TextChoices):
        MURNI = "murni", _("Murni")
        PERUBAHAN = "perubahan", _("Perubahan")

    kecamatan = models.ForeignKey(
        Kecamatan, on_delete=models.CASCADE, related_name="perjanjian_kinerja", verbose_name=_("kecamatan")
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    versi = models.PositiveSmallIntegerField(_("versi"), default=1)
    jenis = models.CharField(_("jenis"), max_length=10, choices=Jenis.choices, default=Jenis.MURNI)
    tempat = NamaField(_("tempat"), max_length=80, default="Jember")
    tanggal = models.DateField(_("tanggal"), null=True, blank=True)
    # Signatories are snapshots: the PK keeps who signed even after officials change.
    pihak_pertama_nama = NamaField(_("pihak pertama: nama"), max_length=160)
    pihak_pertama_jabatan = NamaField(_("pihak pertama: jabatan"), max_length=200)
    pihak_pertama_pangkat = NamaField(_("pihak pertama: pangkat"), max_length=80, blank=True)
    pihak_pertama_nip = NamaField(_("pihak pertama: NIP"), max_length=30, blank=True)
    pihak_pertama_status = models.CharField(
        _("pihak pertama: status"),
        max_length=10,
        choices=StatusPenandatangan.choices,
        default=StatusPenandatangan.DEFINITIF,
    )
    pihak_kedua_nama = NamaField(_("pihak kedua: nama"), max_length=160)
    pihak_kedua_jabatan = NamaField(_("pihak kedua: jabatan"), max_length=200)
    pihak_kedua_pangkat = NamaField(_("pihak kedua: pangkat"), max_length=80, blank=True)
    pihak_kedua_nip = NamaField(_("pihak kedua: NIP"), max_length=30, blank=True)
    pihak_kedua_status = models.CharField(
        _("pihak kedua: status"),
        max_length=10,
        choices=StatusPenandatangan.choices,
        default=StatusPenandatangan.DEFINITIF,
    )

    objects = PerjanjianKinerjaQuerySet.as_manager()

    history = Riwayat()

    class Meta:
        verbose_name = _("Perjanjian Kinerja")
        verbose_name_plural = _("Perjanjian Kinerja")
        ordering = ["kecamatan__nama", "tahun", "versi"]
        constraints = [
            models.UniqueConstraint(fields=["kecamatan", "tahun", "versi"], name="pk_versi_unik"),
            models.CheckConstraint(condition=Q(versi__gte=1), name="pk_versi_positif"),
        ]

    def __str__(self) -> str:
        jenis = " Perubahan" if self.jenis == self.Jenis.PERUBAHAN else ""
        return f"Perjanjian Kinerja{jenis} {self.kecamatan.nama} {self.tahun} (v{self.versi})"


class TargetPerjanjian(NilaiField):
    perjanjian = models.ForeignKey(
        PerjanjianKinerja,
        on_delete=models.CASCADE,
        related_name="target",
        verbose_name=_("Perjanjian Kinerja"),
    )
    indikator = models.ForeignKey(
        Indikator, on_delete=models.PROTECT, related_name="target_perjanjian", verbose_name=_("indikator")
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)

    history = Riwayat()

    class Meta:
        verbose_name = _("target Perjanjian Kinerja")
        verbose_name_plural = _("target Perjanjian Kinerja")
        ordering = ["perjanjian", "urutan"]
        constraints = [models.UniqueConstraint(fields=["perjanjian", "indikator"], name="target_pk_unik")]

    def __str__(self) -> str:
        return f"{self.indikator.kode}: {self.nilai_teks or '–'}"


class AnggaranPerjanjian(models.Model):
    """A program budget line as signed in the PK (a snapshot; the budget tree lives in ``anggaran``)."""

    perjanjian = models.ForeignKey(
        PerjanjianKinerja,
        on_delete=models.CASCADE,
        related_name="anggaran",
        verbose_name=_("Perjanjian Kinerja"),
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    program = models.CharField(_("program"), max_length=300)
    anggaran = DesimalField(_("anggaran (Rp)"), max_digits=18, decimal_places=2)
    keterangan = models.CharField(_("keterangan"), max_length=120, blank=True)

    history = Riwayat()

    class Meta:
        verbose_name = _("anggaran program PK")
        verbose_name_plural = _("anggaran program PK")
        ordering = ["perjanjian", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["perjanjian", "program"], name="anggaran_pk_unik"),
            models.CheckConstraint(condition=Q(anggaran__gte=0), name="anggaran_pk_tidak_negatif"),
        ]

    def __str__(self) -> str:
        return self.program
