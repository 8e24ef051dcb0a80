from django.contrib import admin

from kecamatan.admin import KunciTahunAdmin
from lkip.laporan.kop import kop_surat_simpan
from lkip.laporan.models import (
    CetakMassal,
    CetakMassalLaporan,
    KopSurat,
    NarasiLaporan,
    PdfLaporan,
    RenderLatar,
)
from lkip.laporan.narasi_bawaan import NARASI_BAWAAN


@admin.register(NarasiLaporan)
class NarasiLaporanAdmin(KunciTahunAdmin):
    list_display = ["kecamatan", "tahun", "bagian", "diperbarui"]
    list_filter = ["kecamatan", "tahun", "bagian"]

    def get_changeform_initial_data(self, request):
        awal = super().get_changeform_initial_data(request)
        bagian = awal.get("bagian")
        if bagian in NARASI_BAWAAN and "teks" not in awal:
            awal["teks"] = NARASI_BAWAAN[bagian]
        return awal


class CetakMassalLaporanInline(admin.TabularInline):
    """Each kecamatan's report of the job: its status, the worker that printed it, and when."""

    model = CetakMassalLaporan
    fields = ["urutan", "kecamatan", "status", "pekerja", "mulai", "selesai_pada", "disetujui"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("cetak", "kecamatan", "disetujui__kecamatan")


@admin.register(CetakMassal)
class CetakMassalAdmin(admin.ModelAdmin):
    """Bulk prints are started from their page (the workers fill them in); here they are read."""

    inlines = [CetakMassalLaporanInline]

    list_display = ["tahun", "status", "selesai", "jumlah", "dibuat_oleh", "dibuat"]
    list_filter = ["status", "tahun"]
    readonly_fields = [f.name for f in CetakMassal._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(PdfLaporan)
class PdfLaporanAdmin(admin.ModelAdmin):
    """The PDF cache, to read; entries are made by rendering and removed by pruning."""

    list_display = ["kecamatan", "tahun", "ukuran", "dibuat", "dipakai"]
    list_filter = ["tahun", "kecamatan"]
    readonly_fields = [f.name for f in PdfLaporan._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(RenderLatar)
class RenderLatarAdmin(admin.ModelAdmin):
    list_display = ["kecamatan", "tahun", "diminta", "mulai"]
    readonly_fields = [f.name for f in RenderLatar._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(KopSurat)
class KopSuratAdmin(admin.ModelAdmin):
    """The one letterhead: added once, then changed; saved through its service, which names the
    logo's file by its content hash."""

    list_display = ["pemerintah", "diperbarui"]
    readonly_fields = ["sidik", "diperbarui"]

    def has_add_permission(self, request) -> bool:
        return super().has_add_permission(request) and not KopSurat.objects.exists()

    def save_model(self, request, obj, form, change) -> None:
        logo = form.cleaned_data.get("logo") if "logo" in form.changed_data else None
        simpan = kop_surat_simpan(pemerintah=form.cleaned_data["pemerintah"], logo=logo)
        obj.pk, obj.logo, obj.sidik = simpan.pk, simpan.logo, simpan.sidik
