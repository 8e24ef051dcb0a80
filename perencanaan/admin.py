from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from perencanaan.models import (
    AnggaranPerjanjian,
    Indikator,
    IndikatorTujuan,
    PenetapanIku,
    PerjanjianKinerja,
    RencanaKinerjaTahunan,
    Renstra,
    Sasaran,
    TargetPerjanjian,
    TargetRenstra,
    TargetRkt,
    Tujuan,
)
from umum.urutan import kolom_kode


class TujuanInline(admin.StackedInline):
    model = Tujuan
    extra = 0


@admin.register(Renstra)
class RenstraAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "jenis", "berlaku_mulai", "nomor_keputusan"]
    list_filter = ["kecamatan", "jenis"]
    inlines = [TujuanInline]


class IndikatorTujuanInline(admin.TabularInline):
    model = IndikatorTujuan
    extra = 0


@admin.register(Tujuan)
class TujuanAdmin(SimpleHistoryAdmin):
    list_display = [kolom_kode, "uraian", "renstra"]
    list_filter = ["renstra__kecamatan"]
    list_select_related = ["renstra__kecamatan"]
    inlines = [IndikatorTujuanInline]


@admin.register(IndikatorTujuan)
class IndikatorTujuanAdmin(SimpleHistoryAdmin):
    list_display = ["uraian", "satuan", "tujuan"]
    list_filter = ["tujuan__renstra__kecamatan"]


@admin.register(Sasaran)
class SasaranAdmin(SimpleHistoryAdmin):
    list_display = ["nomor", kolom_kode, "uraian", "renstra"]
    list_filter = ["renstra__kecamatan"]
    list_select_related = ["renstra__kecamatan"]
    search_fields = ["uraian"]


class TargetRenstraInline(admin.TabularInline):
    model = TargetRenstra
    extra = 0


@admin.register(Indikator)
class IndikatorAdmin(SimpleHistoryAdmin):
    list_display = [kolom_kode, "uraian", "satuan", "jenis_nilai", "polaritas", "is_iku"]
    list_filter = ["sasaran__renstra__kecamatan", "is_iku", "polaritas", "jenis_nilai"]
    list_select_related = ["sasaran__renstra__kecamatan"]
    search_fields = ["uraian", "kode"]
    inlines = [TargetRenstraInline]


@admin.register(TargetRenstra)
class TargetRenstraAdmin(SimpleHistoryAdmin):
    list_display = ["indikator", "tahun", "angka", "huruf"]
    list_filter = ["indikator__sasaran__renstra__kecamatan", "tahun"]
    list_select_related = ["indikator"]


@admin.register(PenetapanIku)
class PenetapanIkuAdmin(SimpleHistoryAdmin):
    list_display = ["kecamatan", "tahun", "nomor", "tanggal"]
    list_filter = ["kecamatan", "tahun"]


class TargetRktInline(admin.TabularInline):
    model = TargetRkt
    extra = 0
    autocomplete_fields = ["indikator"]


@admin.register(RencanaKinerjaTahunan)
class RencanaKinerjaTahunanAdmin(SimpleHistoryAdmin):
    list_display = ["kecamatan", "tahun", "tanggal"]
    list_filter = ["kecamatan", "tahun"]
    inlines = [TargetRktInline]


class TargetPerjanjianInline(admin.TabularInline):
    model = TargetPerjanjian
    extra = 0
    autocomplete_fields = ["indikator"]


class AnggaranPerjanjianInline(admin.TabularInline):
    model = AnggaranPerjanjian
    extra = 0


@admin.register(PerjanjianKinerja)
class PerjanjianKinerjaAdmin(SimpleHistoryAdmin):
    list_display = ["kecamatan", "tahun", "versi", "jenis", "tanggal", "pihak_pertama_nama"]
    list_filter = ["kecamatan", "tahun", "jenis"]
    inlines = [TargetPerjanjianInline, AnggaranPerjanjianInline]
    fieldsets = [
        (None, {"fields": ["kecamatan", "tahun", "versi", "jenis", "tempat", "tanggal"]}),
        (
            "Pihak pertama",
            {"fields": [f"pihak_pertama_{f}" for f in ("nama", "jabatan", "pangkat", "nip", "status")]},
        ),
        (
            "Pihak kedua",
            {"fields": [f"pihak_kedua_{f}" for f in ("nama", "jabatan", "pangkat", "nip", "status")]},
        ),
    ]


@admin.register(TargetPerjanjian, TargetRkt, AnggaranPerjanjian)
class BarisDokumenAdmin(SimpleHistoryAdmin):
    pass
