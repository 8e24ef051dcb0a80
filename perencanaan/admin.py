from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from kecamatan.admin import KunciTahunAdmin, ambil_jalur
from perencanaan.models import (
    AnggaranPerjanjian,
    Indikator,
    IndikatorTujuan,
    MisiRpjmd,
    PenetapanIku,
    PerjanjianKinerja,
    RencanaKinerjaTahunan,
    Renstra,
    Rpjmd,
    Sasaran,
    TargetPerjanjian,
    TargetRenstra,
    TargetRkt,
    TargetTujuan,
    Tujuan,
)
from perencanaan.services import tahun_renstra
from umum.urutan import kolom_kode


class KunciRenstraAdmin(KunciTahunAdmin):
    """A part of the plan is printed in every year its Renstra version is in force: the lock of
    any of those years holds it."""

    jalur_renstra = "renstra"

    def tahun_kunci(self, obj: models.Model) -> list[tuple[int, int]]:
        renstra = ambil_jalur(obj, self.jalur_renstra)
        if renstra is None:
            return []
        return [(renstra.kecamatan_id, tahun) for tahun in tahun_renstra(renstra)]


class MisiRpjmdInline(admin.TabularInline):
    model = MisiRpjmd
    extra = 0


@admin.register(Rpjmd)
class RpjmdAdmin(SimpleHistoryAdmin):
    """The kabupaten's RPJMD: visi and misi, shared by every kecamatan's Renstra that follows it."""

    list_display = ["__str__", "kabupaten", "tahun_awal", "tahun_akhir"]
    inlines = [MisiRpjmdInline]


@admin.register(MisiRpjmd)
class MisiRpjmdAdmin(SimpleHistoryAdmin):
    list_display = ["nomor", "uraian", "rpjmd"]
    list_filter = ["rpjmd"]


class TujuanInline(admin.StackedInline):
    model = Tujuan
    extra = 0


@admin.register(Renstra)
class RenstraAdmin(KunciRenstraAdmin):
    jalur_renstra = ""  # the Renstra itself
    list_display = ["__str__", "jenis", "berlaku_mulai", "nomor_keputusan"]
    list_filter = ["kecamatan", "jenis"]
    inlines = [TujuanInline]


class IndikatorTujuanInline(admin.TabularInline):
    model = IndikatorTujuan
    extra = 0


@admin.register(Tujuan)
class TujuanAdmin(KunciRenstraAdmin):
    list_display = [kolom_kode, "uraian", "renstra"]
    list_filter = ["renstra__kecamatan"]
    list_select_related = ["renstra__kecamatan"]
    inlines = [IndikatorTujuanInline]


class TargetTujuanInline(admin.TabularInline):
    model = TargetTujuan
    extra = 0


@admin.register(IndikatorTujuan)
class IndikatorTujuanAdmin(KunciRenstraAdmin):
    jalur_renstra = "tujuan.renstra"
    list_display = ["uraian", "satuan", "tujuan"]
    list_filter = ["tujuan__renstra__kecamatan"]
    inlines = [TargetTujuanInline]


@admin.register(TargetTujuan)
class TargetTujuanAdmin(KunciTahunAdmin):
    jalur_kunci = ("indikator.tujuan.renstra.kecamatan_id", "tahun")
    list_display = ["indikator", "tahun", "angka", "huruf"]
    list_filter = ["indikator__tujuan__renstra__kecamatan", "tahun"]
    list_select_related = ["indikator"]


@admin.register(Sasaran)
class SasaranAdmin(KunciRenstraAdmin):
    list_display = ["nomor", kolom_kode, "uraian", "renstra"]
    list_filter = ["renstra__kecamatan"]
    list_select_related = ["renstra__kecamatan"]
    search_fields = ["uraian"]


class TargetRenstraInline(admin.TabularInline):
    model = TargetRenstra
    extra = 0


@admin.register(Indikator)
class IndikatorAdmin(KunciRenstraAdmin):
    jalur_renstra = "sasaran.renstra"
    list_display = [kolom_kode, "uraian", "satuan", "jenis_nilai", "polaritas", "is_iku"]
    list_filter = ["sasaran__renstra__kecamatan", "is_iku", "polaritas", "jenis_nilai"]
    list_select_related = ["sasaran__renstra__kecamatan"]
    search_fields = ["uraian", "kode"]
    inlines = [TargetRenstraInline]


@admin.register(TargetRenstra)
class TargetRenstraAdmin(KunciTahunAdmin):
    jalur_kunci = ("indikator.sasaran.renstra.kecamatan_id", "tahun")
    list_display = ["indikator", "tahun", "angka", "huruf"]
    list_filter = ["indikator__sasaran__renstra__kecamatan", "tahun"]
    list_select_related = ["indikator"]


@admin.register(PenetapanIku)
class PenetapanIkuAdmin(KunciTahunAdmin):
    list_display = ["kecamatan", "tahun", "nomor", "tanggal"]
    list_filter = ["kecamatan", "tahun"]


class TargetRktInline(admin.TabularInline):
    model = TargetRkt
    extra = 0
    autocomplete_fields = ["indikator"]


@admin.register(RencanaKinerjaTahunan)
class RencanaKinerjaTahunanAdmin(KunciTahunAdmin):
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
class PerjanjianKinerjaAdmin(KunciTahunAdmin):
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
class BarisDokumenAdmin(KunciTahunAdmin):
    jalur_kunci = {
        TargetPerjanjian: ("perjanjian.kecamatan_id", "perjanjian.tahun"),
        TargetRkt: ("rkt.kecamatan_id", "rkt.tahun"),
        AnggaranPerjanjian: ("perjanjian.kecamatan_id", "perjanjian.tahun"),
    }
    pass
