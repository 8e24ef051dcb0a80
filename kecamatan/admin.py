from django.contrib import admin, messages
from django.db import models
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from simple_history.admin import SimpleHistoryAdmin

from kecamatan.alur import TahunTerkunci, pastikan_dapat_diubah
from kecamatan.models import (
    AlurLaporan,
    Desa,
    Inovasi,
    Kecamatan,
    KomposisiPegawai,
    Pejabat,
    PengesahanData,
    Penghargaan,
    ProfilKecamatan,
    RincianPegawai,
    RiwayatAlur,
    SaranaPrasarana,
    UnitOrganisasi,
)


def ambil_jalur(obj: object, jalur: str) -> object:
    """Follow a dotted attribute path (``profil.tahun``); ``""`` is the object itself."""
    for nama in filter(None, jalur.split(".")):
        obj = getattr(obj, nama, None)
        if obj is None:
            return None
    return obj


class KunciTahunAdmin(SimpleHistoryAdmin):
    """Refuses saving and deleting rows of a year whose report is in review or locked, with a
    message, the same lock the services hold (``kecamatan.alur``).

    ``jalur_kunci`` is the dotted path from a row to its kecamatan id and to its year, or a
    dict of those per model when one admin serves several models."""

    jalur_kunci: tuple[str, str] | dict[type[models.Model], tuple[str, str]] = ("kecamatan_id", "tahun")

    def tahun_kunci(self, obj: models.Model) -> list[tuple[int, int]]:
        jalur = self.jalur_kunci if isinstance(self.jalur_kunci, tuple) else self.jalur_kunci[type(obj)]
        return [(ambil_jalur(obj, jalur[0]), ambil_jalur(obj, jalur[1]))]

    def pastikan_tidak_terkunci(self, obj: models.Model) -> None:
        """Both where the row is now and where the form would put it."""
        pasangan = set(self.tahun_kunci(obj))
        if obj.pk is not None:
            lama = type(obj)._default_manager.filter(pk=obj.pk).first()
            if lama is not None:
                pasangan.update(self.tahun_kunci(lama))
        for kecamatan_id, tahun in sorted(pasangan, key=str):
            if kecamatan_id is not None and tahun is not None:
                pastikan_dapat_diubah(kecamatan_id, tahun)

    def save_model(self, request: HttpRequest, obj: models.Model, form, change: bool) -> None:
        self.pastikan_tidak_terkunci(obj)
        super().save_model(request, obj, form, change)

    def delete_model(self, request: HttpRequest, obj: models.Model) -> None:
        self.pastikan_tidak_terkunci(obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: models.QuerySet) -> None:
        for obj in queryset:  # all checked before any is deleted
            self.pastikan_tidak_terkunci(obj)
        super().delete_queryset(request, queryset)

    def _tolak(self, request: HttpRequest, exc: TahunTerkunci) -> HttpResponse:
        self.message_user(request, exc.messages[0], messages.ERROR)
        return HttpResponseRedirect(request.get_full_path())

    # Each of these runs its writes in a transaction: the refusal is caught outside it, so
    # nothing of the save (inlines included) is kept.
    def changeform_view(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return super().changeform_view(request, *args, **kwargs)
        except TahunTerkunci as exc:
            return self._tolak(request, exc)

    def delete_view(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return super().delete_view(request, *args, **kwargs)
        except TahunTerkunci as exc:
            return self._tolak(request, exc)

    def changelist_view(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return super().changelist_view(request, *args, **kwargs)
        except TahunTerkunci as exc:
            return self._tolak(request, exc)


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


class RincianPegawaiInline(admin.TabularInline):
    model = RincianPegawai
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


class InovasiInline(admin.StackedInline):
    model = Inovasi
    extra = 0


class PenghargaanInline(admin.TabularInline):
    model = Penghargaan
    extra = 0


@admin.register(ProfilKecamatan)
class ProfilKecamatanAdmin(KunciTahunAdmin):
    list_display = ["kecamatan", "tahun", "luas_km2", "jumlah_penduduk"]
    list_filter = ["tahun", "kecamatan"]
    inlines = [
        DesaInline,
        KomposisiPegawaiInline,
        RincianPegawaiInline,
        SaranaPrasaranaInline,
        UnitOrganisasiInline,
        PejabatInline,
        InovasiInline,
        PenghargaanInline,
    ]


@admin.register(Desa, KomposisiPegawai, RincianPegawai, SaranaPrasarana, Pejabat, Inovasi, Penghargaan)
class BagianProfilAdmin(KunciTahunAdmin):
    jalur_kunci = ("profil.kecamatan_id", "profil.tahun")
    list_filter = ["profil__kecamatan", "profil__tahun"]
    list_select_related = ["profil__kecamatan"]


@admin.register(UnitOrganisasi)
class UnitOrganisasiAdmin(KunciTahunAdmin):
    jalur_kunci = ("profil.kecamatan_id", "profil.tahun")
    list_display = ["nama", "induk", "profil"]
    list_filter = ["profil__kecamatan", "profil__tahun"]
    list_select_related = ["profil__kecamatan", "induk"]


@admin.register(PengesahanData)
class PengesahanDataAdmin(KunciTahunAdmin):
    list_display = ["kecamatan", "tahun", "nama", "disahkan_pada"]
    list_filter = ["kecamatan", "tahun"]
    list_select_related = ["kecamatan"]


class RiwayatAlurInline(admin.TabularInline):
    model = RiwayatAlur
    extra = 0
    can_delete = False
    readonly_fields = ["versi", "aksi", "dari", "ke", "oleh", "nama", "peran", "pada", "catatan"]

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class HanyaBacaAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(RiwayatAlur)
class RiwayatAlurAdmin(HanyaBacaAdmin):
    list_display = ["alur", "versi", "aksi", "dari", "ke", "nama", "pada"]
    list_filter = ["aksi", "alur__tahun", "alur__kecamatan"]
    list_select_related = ["alur__kecamatan"]


@admin.register(AlurLaporan)
class AlurLaporanAdmin(HanyaBacaAdmin):
    """Read-only: a year moves only through the workflow's steps on the year page."""

    list_display = ["kecamatan", "tahun", "status", "versi", "diperbarui"]
    list_filter = ["status", "tahun", "kecamatan"]
    list_select_related = ["kecamatan"]
    readonly_fields = ["kecamatan", "tahun", "status", "versi", "diperbarui"]
    inlines = [RiwayatAlurInline]
