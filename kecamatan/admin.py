from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kecamatan.models import (
    Desa,
    Kecamatan,
    KomposisiPegawai,
    Pejabat,
    PengesahanData,
    ProfilKecamatan,
    SaranaPrasarana,
    UnitOrganisasi,
)


@admin.register(Kecamatan)
class KecamatanAdmin(SimpleHistoryAdmin):
    list_display = ["nama", "slug", "kabupaten"]
    search_fields = ["nama", "slug"]
    prepopulated_fields = {"slug": ["nama"]}


class DesaInline(admin.TabularInline):
    model = Desa
    extra = 0


class KomposisiPegawaiInline(admin.TabularInline):
    model = KomposisiPegawai
    extra = 0


class SaranaPrasaranaInline(admin.TabularInline):
    model = SaranaPrasarana
    extra = 0


class UnitOrganisasiInline(admin.TabularInline):
    model = UnitOrganisasi
    extra = 0
    fk_name = "profil"


class PejabatInline(admin.TabularInline):
    model = Pejabat
    extra = 0


@admin.register(ProfilKecamatan)
class ProfilKecamatanAdmin(SimpleHistoryAdmin):
    list_display = ["kecamatan", "tahun", "luas_km2", "jumlah_penduduk"]
    list_filter = ["tahun", "kecamatan"]
    inlines = [DesaInline, KomposisiPegawaiInline, SaranaPrasaranaInline, UnitOrganisasiInline, PejabatInline]


@admin.register(Desa, KomposisiPegawai, SaranaPrasarana, Pejabat)
class BagianProfilAdmin(SimpleHistoryAdmin):
    list_filter = ["profil__kecamatan", "profil__tahun"]
    list_select_related = ["profil__kecamatan"]


@admin.register(UnitOrganisasi)
class UnitOrganisasiAdmin(SimpleHistoryAdmin):
    list_display = ["nama", "induk", "profil"]
    list_filter = ["profil__kecamatan", "profil__tahun"]
    list_select_related = ["profil__kecamatan", "induk"]


@admin.register(PengesahanData)
class PengesahanDataAdmin(SimpleHistoryAdmin):
    list_display = ["kecamatan", "tahun", "nama", "disahkan_pada"]
    list_filter = ["kecamatan", "tahun"]
    list_select_related = ["kecamatan"]
