"""django-import-export resources of the reference data an administrator keeps in the admin:
kecamatan, officials with their terms of office, predikat scales and their bands, the
letter-grade conversion and the kabupaten's indicator catalogue.

Rows are found by their natural keys (kode, slug; an official by kecamatan, year, jabatan and
name), foreign keys by the related row's kode, columns are headed in Indonesian as the admin
labels them, numbers are read as ``Decimal`` by the forms' parser. Each row is validated with
``full_clean``; a row that changes nothing is skipped and writes no history. An import never
deletes. The locks hold as in the admin: an official of a year under review or locked cannot
change, nor a scale that scores such a year.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields, resources
from import_export.instance_loaders import CachedInstanceLoader, ModelInstanceLoader

from capaian.models import KonversiHuruf, PitaPredikat, SkalaPredikat
from capaian.services import pastikan_skala_dapat_diubah
from kabupaten.models import IndikatorKabupaten
from kecamatan.alur import pastikan_dapat_diubah
from kecamatan.models import Kecamatan, Pejabat, ProfilKecamatan
from lkip.excel.admin_impor import AngkaWidget, KunciWidget, widget_kolom
from umum.angka import Batas


def kolom(model, nama: str, judul: str | None = None, **lain) -> fields.Field:
    """A resource field for a model column, headed by its Indonesian label."""
    label = judul or str(model._meta.get_field(nama).verbose_name)
    return fields.Field(
        attribute=nama, column_name=label[:1].upper() + label[1:], widget=widget_kolom(model, nama), **lain
    )


class SumberAdmin(resources.ModelResource):
    """What every resource here shares: validated rows, unchanged rows skipped, one transaction."""

    #: Columns that must be in the file for a row to be found (its natural key).
    kolom_wajib: tuple[str, ...] = ()

    def before_import(self, dataset, **kwargs) -> None:
        judul = {str(j).strip() for j in dataset.headers or []}
        kurang = [
            self.fields[n].column_name
            for n in self.get_import_id_fields()
            if self.fields[n].column_name not in judul
        ]
        if kurang:
            raise ValidationError(
                _("Kolom kunci tidak ada di berkas: %(kolom)s. Pakai judul kolom seperti hasil ekspor.")
                % {"kolom": ", ".join(f"«{k}»" for k in kurang)}
            )

    def pastikan_dapat_diubah(self, instance) -> None:
        """Raise a ``ValidationError`` when this row may not be written; nothing by default."""

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True) -> None:
        try:
            super().validate_instance(instance, import_validation_errors, validate_unique)
            self.pastikan_dapat_diubah(instance)
        except ValidationError as exc:
            if not hasattr(exc, "error_dict"):
                raise
            # Each error under its column's heading, as the user sees it in the file.
            judul = {f.attribute: f.column_name for f in self.fields.values() if f.attribute}
            raise ValidationError({judul.get(k, k): v for k, v in exc.error_dict.items()}) from exc


def _meta(model, nama: list[str], kunci: list[str]):
    return type(
        "Meta",
        (),
        {
            "model": model,
            "fields": nama,
            "import_id_fields": kunci,
            "export_order": nama,
            "import_order": nama,
            "skip_unchanged": True,
            "report_skipped": True,
            "clean_model_instances": True,
            "use_transactions": True,
            # One query finds every row of the file when the key is one column.
            "instance_loader_class": CachedInstanceLoader if len(kunci) == 1 else ModelInstanceLoader,
        },
    )


class KecamatanResource(SumberAdmin):
    slug = kolom(Kecamatan, "slug")
    nama = kolom(Kecamatan, "nama")
    kabupaten = kolom(Kecamatan, "kabupaten")
    alamat_kantor = kolom(Kecamatan, "alamat_kantor")
    sintetis = kolom(Kecamatan, "sintetis")

    Meta = _meta(Kecamatan, ["slug", "nama", "kabupaten", "alamat_kantor", "sintetis"], ["slug"])


class ProfilWidget(KunciWidget):
    """The profile an official belongs to: the kecamatan's kode in this column and the year in
    the «Tahun» column of the same row."""

    def __init__(self) -> None:
        super().__init__(ProfilKecamatan, field="kecamatan__slug")

    def clean(self, value, row=None, **kwargs):
        slug = "" if value is None else str(value).strip()
        if not slug:
            return None
        try:
            tahun = AngkaWidget(Batas(bulat=4, desimal=0)).clean((row or {}).get(JUDUL_TAHUN))
        except ValueError as exc:
            raise ValueError(
                _("Kolom «%(kolom)s»: %(pesan)s") % {"kolom": JUDUL_TAHUN, "pesan": exc}
            ) from exc
        if tahun is None:
            raise ValueError(_("Isi kolom «%(kolom)s».") % {"kolom": JUDUL_TAHUN})
        profil = (
            ProfilKecamatan.objects.filter(kecamatan__slug=slug, tahun=tahun)
            .select_related("kecamatan")
            .first()
        )
        if profil is None:
            if not Kecamatan.objects.filter(slug=slug).exists():
                raise ValueError(_("Kecamatan dengan kode «%(kode)s» tidak ada.") % {"kode": slug})
            raise ValueError(
                _("Profil kecamatan «%(kode)s» tahun %(tahun)s belum ada; buat profil tahun itu dulu.")
                % {"kode": slug, "tahun": tahun}
            )
        return profil

    def render(self, value, obj=None, **kwargs):
        return None if value is None else value.kecamatan.slug


JUDUL_TAHUN = "Tahun"


class PejabatResource(SumberAdmin):
    """Officials and their terms of office, per kecamatan and year (the profile's table)."""

    profil = fields.Field(attribute="profil", column_name="Kecamatan", widget=ProfilWidget())
    tahun = fields.Field(
        attribute="profil__tahun",
        column_name=JUDUL_TAHUN,
        readonly=True,
        widget=AngkaWidget(Batas(bulat=4, desimal=0)),
    )
    urutan = kolom(Pejabat, "urutan")
    jabatan = kolom(Pejabat, "jabatan")
    nama = kolom(Pejabat, "nama")
    pangkat = kolom(Pejabat, "pangkat")
    golongan = kolom(Pejabat, "golongan")
    nip = kolom(Pejabat, "nip")
    kepala = kolom(Pejabat, "kepala")
    mulai_menjabat = kolom(Pejabat, "mulai_menjabat")
    selesai_menjabat = kolom(Pejabat, "selesai_menjabat")

    Meta = _meta(
        Pejabat,
        [
            "profil",
            "tahun",
            "urutan",
            "jabatan",
            "nama",
            "pangkat",
            "golongan",
            "nip",
            "kepala",
            "mulai_menjabat",
            "selesai_menjabat",
        ],
        ["profil", "jabatan", "nama"],
    )

    def get_queryset(self):
        return Pejabat.objects.select_related("profil__kecamatan")

    def pastikan_dapat_diubah(self, instance: Pejabat) -> None:
        pastikan_dapat_diubah(instance.profil.kecamatan_id, instance.profil.tahun)
        if instance.kepala:
            lain = Pejabat.objects.filter(profil=instance.profil, kepala=True).exclude(pk=instance.pk).first()
            if lain is not None:
                raise ValidationError(
                    {
                        "kepala": _(
                            "Profil ini sudah punya kepala (%(nama)s). Isi «Tidak» pada baris kepala lama, "
                            "letakkan baris itu lebih dulu, atau ubah di halaman Profil."
                        )
                        % {"nama": lain.nama}
                    }
                )


class SkalaPredikatResource(SumberAdmin):
    kode = kolom(SkalaPredikat, "kode")
    nama = kolom(SkalaPredikat, "nama")
    sumber = kolom(SkalaPredikat, "sumber")
    batas_atas = kolom(SkalaPredikat, "batas_atas")

    Meta = _meta(SkalaPredikat, ["kode", "nama", "sumber", "batas_atas"], ["kode"])

    def pastikan_dapat_diubah(self, instance: SkalaPredikat) -> None:
        pastikan_skala_dapat_diubah(instance.pk)


class PitaPredikatResource(SumberAdmin):
    """The bands of the scales, one row each; after the rows, every scale touched must still
    leave no gap and no overlap, as the admin's scale form requires."""

    skala = fields.Field(
        attribute="skala", column_name="Skala", widget=KunciWidget(SkalaPredikat, field="kode")
    )
    kode = kolom(PitaPredikat, "kode")
    urutan = kolom(PitaPredikat, "urutan")
    keterangan = kolom(PitaPredikat, "keterangan")
    batas_bawah = kolom(PitaPredikat, "batas_bawah")
    bawah_inklusif = kolom(PitaPredikat, "bawah_inklusif")
    batas_atas = kolom(PitaPredikat, "batas_atas")
    atas_inklusif = kolom(PitaPredikat, "atas_inklusif")

    Meta = _meta(
        PitaPredikat,
        [
            "skala",
            "kode",
            "urutan",
            "keterangan",
            "batas_bawah",
            "bawah_inklusif",
            "batas_atas",
            "atas_inklusif",
        ],
        ["skala", "kode"],
    )

    def get_queryset(self):
        return PitaPredikat.objects.select_related("skala")

    def before_import(self, dataset, **kwargs) -> None:
        super().before_import(dataset, **kwargs)
        self.skala_diubah: set[int] = set()

    def pastikan_dapat_diubah(self, instance: PitaPredikat) -> None:
        pastikan_skala_dapat_diubah(instance.skala_id)
        self.skala_diubah.add(instance.skala_id)

    def after_import(self, dataset, result, **kwargs) -> None:
        super().after_import(dataset, result, **kwargs)
        for skala in SkalaPredikat.objects.filter(pk__in=getattr(self, "skala_diubah", ())).prefetch_related(
            "pita"
        ):
            kesalahan = skala.as_skala().kesalahan()
            if kesalahan:
                raise ValidationError(
                    _("Pita skala «%(skala)s» sesudah impor tidak bersambung: %(salah)s")
                    % {"skala": skala.kode, "salah": " ".join(kesalahan)}
                )


class KonversiHurufResource(SumberAdmin):
    huruf = kolom(KonversiHuruf, "huruf")
    angka = kolom(KonversiHuruf, "angka")

    Meta = _meta(KonversiHuruf, ["huruf", "angka"], ["huruf"])


class IndikatorKabupatenResource(SumberAdmin):
    kode = kolom(IndikatorKabupaten, "kode")
    nama = kolom(IndikatorKabupaten, "nama")
    nama_singkat = kolom(IndikatorKabupaten, "nama_singkat")
    satuan = kolom(IndikatorKabupaten, "satuan")
    polaritas = kolom(IndikatorKabupaten, "polaritas")
    urutan = kolom(IndikatorKabupaten, "urutan")

    Meta = _meta(
        IndikatorKabupaten, ["kode", "nama", "nama_singkat", "satuan", "polaritas", "urutan"], ["kode"]
    )
