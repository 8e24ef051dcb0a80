from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from reviu.models import BalasanCatatan, CatatanReviu


class BalasanInline(admin.TabularInline):
    model = BalasanCatatan
    extra = 0
    fields = ["dibuat", "nama", "peran", "isi"]
    readonly_fields = ["dibuat"]


@admin.register(CatatanReviu)
class CatatanReviuAdmin(SimpleHistoryAdmin):
    """Notes are written on the pages (``reviu.services``, which hold who may write what); the
    admin is for reading them and, rarely, correcting one."""

    list_display = ["kecamatan", "tahun", "label", "status", "nama", "dibuat"]
    list_filter = ["status", "jenis", "tahun", "kecamatan"]
    search_fields = ["label", "isi", "nama"]
    list_select_related = ["kecamatan"]
    readonly_fields = ["dibuat", "diperbarui"]
    raw_id_fields = ["indikator", "program", "kegiatan", "sub_kegiatan", "bukti", "oleh"]
    inlines = [BalasanInline]


@admin.register(BalasanCatatan)
class BalasanCatatanAdmin(SimpleHistoryAdmin):
    list_display = ["catatan", "nama", "peran", "dibuat"]
    list_select_related = ["catatan__kecamatan"]
    search_fields = ["isi", "nama"]
    readonly_fields = ["dibuat"]
    raw_id_fields = ["catatan", "oleh"]
