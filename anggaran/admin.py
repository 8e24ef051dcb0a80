from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from anggaran.models import Kegiatan, Keluaran, Program, SubKegiatan
from umum.urutan import kolom_kode


class KegiatanInline(admin.TabularInline):
    model = Kegiatan
    extra = 0


@admin.register(Program)
class ProgramAdmin(SimpleHistoryAdmin):
    list_display = [kolom_kode, "nama", "kecamatan", "tahun"]
    list_filter = ["kecamatan", "tahun"]
    inlines = [KegiatanInline]


class SubKegiatanInline(admin.TabularInline):
    model = SubKegiatan
    extra = 0


@admin.register(Kegiatan)
class KegiatanAdmin(SimpleHistoryAdmin):
    list_display = [kolom_kode, "nama", "program"]
    list_filter = ["program__kecamatan", "program__tahun"]
    list_select_related = ["program"]
    inlines = [SubKegiatanInline]


class KeluaranInline(admin.TabularInline):
    model = Keluaran
    extra = 0


@admin.register(SubKegiatan)
class SubKegiatanAdmin(SimpleHistoryAdmin):
    list_display = [kolom_kode, "nama", "pagu", "realisasi", "sasaran"]
    list_filter = ["kegiatan__program__kecamatan", "kegiatan__program__tahun"]
    list_select_related = ["sasaran"]
    inlines = [KeluaranInline]


@admin.register(Keluaran)
class KeluaranAdmin(SimpleHistoryAdmin):
    list_display = ["uraian", "satuan", "target", "realisasi", "sub_kegiatan"]
