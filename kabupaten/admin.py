from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from kabupaten.models import IndikatorKabupaten, PemetaanIndikator, StatusPemetaan
from kabupaten.services import pemetaan_tetapkan


@admin.register(IndikatorKabupaten)
class IndikatorKabupatenAdmin(SimpleHistoryAdmin):
    list_display = ["kode", "nama_singkat", "nama", "satuan", "polaritas", "urutan"]
    search_fields = ["kode", "nama"]


@admin.register(PemetaanIndikator)
class PemetaanIndikatorAdmin(SimpleHistoryAdmin):
    list_display = ["indikator", "kecamatan", "katalog", "status", "skor"]
    list_filter = ["status", "katalog", "indikator__sasaran__renstra__kecamatan"]
    list_select_related = ["indikator__sasaran__renstra__kecamatan", "katalog"]
    search_fields = ["indikator__uraian", "indikator__kode", "katalog__nama"]
    raw_id_fields = ["indikator"]
    actions = ["konfirmasi"]

    @admin.display(description=_("kecamatan"), ordering="indikator__sasaran__renstra__kecamatan__nama")
    def kecamatan(self, obj: PemetaanIndikator) -> str:
        return obj.indikator.sasaran.renstra.kecamatan.nama

    @admin.action(description=_("Konfirmasi pemetaan yang dipilih"))
    def konfirmasi(self, request, queryset) -> None:
        jumlah = 0
        for pemetaan in queryset.filter(status=StatusPemetaan.USULAN).select_related("indikator", "katalog"):
            pemetaan_tetapkan(pemetaan=pemetaan)
            jumlah += 1
        self.message_user(request, _("%(n)s pemetaan dikonfirmasi.") % {"n": jumlah}, messages.SUCCESS)
