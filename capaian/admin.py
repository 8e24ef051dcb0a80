from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from simple_history.admin import SimpleHistoryAdmin

from capaian import scoring
from capaian.models import (
    Bukti,
    KonversiHuruf,
    PitaPredikat,
    Realisasi,
    RealisasiTriwulan,
    SkalaPredikat,
    SkalaTahun,
)
from capaian.services import pastikan_skala_dapat_diubah
from kecamatan.admin import KunciTahunAdmin


class PitaFormSet(forms.BaseInlineFormSet):
    """A scale is saved only when its bands leave no gap and do not overlap."""

    def clean(self) -> None:
        super().clean()
        if self.has_changed():
            pastikan_skala_dapat_diubah(self.instance.pk)
        pita = []
        for form in self.forms:
            if not form.cleaned_data or form.cleaned_data.get("DELETE"):
                continue
            data = form.cleaned_data
            pita.append(
                scoring.Pita(
                    kode=data["kode"],
                    bawah=data.get("batas_bawah"),
                    bawah_inklusif=data.get("bawah_inklusif", False),
                    atas=data.get("batas_atas"),
                    atas_inklusif=data.get("atas_inklusif", False),
                )
            )
        kesalahan = scoring.Skala(kode="", pita=tuple(pita)).kesalahan()
        if kesalahan:
            raise ValidationError(kesalahan)


class PitaPredikatInline(admin.TabularInline):
    model = PitaPredikat
    formset = PitaFormSet
    extra = 0


class SkalaPredikatForm(forms.ModelForm):
    """A scale that scores a year already submitted or locked keeps what it was scored with."""

    class Meta:
        model = SkalaPredikat
        fields = ["kode", "nama", "sumber", "batas_atas"]

    def clean(self):
        data = super().clean()
        if self.instance.pk is not None and self.has_changed():
            pastikan_skala_dapat_diubah(self.instance.pk)
        return data


@admin.register(SkalaPredikat)
class SkalaPredikatAdmin(SimpleHistoryAdmin):
    form = SkalaPredikatForm
    list_display = ["kode", "nama", "batas_atas"]
    inlines = [PitaPredikatInline]


@admin.register(PitaPredikat)
class PitaPredikatAdmin(SimpleHistoryAdmin):
    """Bands are edited with their scale (where gaps are checked); this list is for reading."""

    list_display = [
        "skala",
        "kode",
        "keterangan",
        "batas_bawah",
        "bawah_inklusif",
        "batas_atas",
        "atas_inklusif",
    ]
    list_filter = ["skala"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(SkalaTahun)
class SkalaTahunAdmin(SimpleHistoryAdmin):
    list_display = ["tahun", "skala"]
    list_editable = ["skala"]


@admin.register(KonversiHuruf)
class KonversiHurufAdmin(SimpleHistoryAdmin):
    list_display = ["huruf", "angka"]


class RealisasiTriwulanInline(admin.TabularInline):
    model = RealisasiTriwulan
    extra = 0
    max_num = 4


class BuktiInline(admin.TabularInline):
    model = Bukti
    extra = 0


@admin.register(Realisasi)
class RealisasiAdmin(KunciTahunAdmin):
    jalur_kunci = ("indikator.sasaran.renstra.kecamatan_id", "tahun")
    list_display = ["indikator", "tahun", "angka", "huruf", "status"]
    list_filter = ["indikator__sasaran__renstra__kecamatan", "tahun", "status"]
    list_select_related = ["indikator"]
    autocomplete_fields = ["indikator"]
    inlines = [RealisasiTriwulanInline, BuktiInline]


@admin.register(RealisasiTriwulan, Bukti)
class BagianRealisasiAdmin(KunciTahunAdmin):
    jalur_kunci = ("realisasi.indikator.sasaran.renstra.kecamatan_id", "realisasi.tahun")
    list_select_related = ["realisasi__indikator"]
