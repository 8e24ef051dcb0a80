"""Forms for the Renstra (targets per year, indicators, a Perubahan) and the RKT."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lkip.web.forms import NilaiField, VersiForm, nilai_isian
from lkip.web.forms_data import TanggalInput
from perencanaan.models import (
    AturanTriwulan,
    Indikator,
    Polaritas,
    RencanaKinerjaTahunan,
    Renstra,
    Sasaran,
    TargetRenstra,
    TargetRkt,
    Tujuan,
)
from umum.kolom import panjang_kolom


def _nilai(form: forms.Form, nama: str) -> tuple:
    nilai = form.cleaned_data.get(nama)
    return (None, "") if nilai is None else (nilai.angka, nilai.huruf)


class RktForm(VersiForm):
    tanggal = forms.DateField(label=_("Tanggal RKT"), required=False, widget=TanggalInput())

    def __init__(self, *args, rkt: RencanaKinerjaTahunan, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.target = list(rkt.target.all())
        for t in self.target:
            self.fields[f"target_{t.pk}"] = NilaiField(
                kolom=TargetRkt._meta.get_field("angka"),
                label=_("Target %(kode)s") % {"kode": t.indikator.kode},
                required=False,
            )

    @classmethod
    def awal(cls, rkt: RencanaKinerjaTahunan, versi: str) -> dict:
        return {"versi": versi, "tanggal": rkt.tanggal} | {
            f"target_{t.pk}": nilai_isian(t.angka, t.huruf) for t in rkt.target.all()
        }

    def baris_target(self) -> list[tuple[object, forms.BoundField]]:
        return [(t, self[f"target_{t.pk}"]) for t in self.target]

    def nilai_target(self) -> dict:
        return {t.pk: _nilai(self, f"target_{t.pk}") for t in self.target}


class RenstraForm(VersiForm):
    """Per indicator: its text, unit, polarity, quarterly rule, IKU flag, end target and one
    target per year of the period (``t_<indikator>_<tahun>``)."""

    KOLOM = ["uraian", "satuan", "polaritas", "aturan_triwulan", "is_iku", "akhir"]

    def __init__(self, *args, renstra: Renstra, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.renstra = renstra
        self.tahun = renstra.tahun_periode
        self.indikator = [i for s in renstra.sasaran.all() for i in s.indikator.all()]
        for i in self.indikator:
            awalan = f"i{i.pk}_"
            self.fields[awalan + "uraian"] = forms.CharField(
                label=_("Indikator %(kode)s") % {"kode": i.kode},
                max_length=panjang_kolom(Indikator, "uraian"),
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[awalan + "satuan"] = forms.CharField(
                label=_("Satuan %(kode)s") % {"kode": i.kode}, max_length=60, required=False
            )
            self.fields[awalan + "polaritas"] = forms.ChoiceField(
                label=_("Polaritas %(kode)s") % {"kode": i.kode}, choices=Polaritas.choices
            )
            self.fields[awalan + "aturan_triwulan"] = forms.ChoiceField(
                label=_("Aturan triwulan %(kode)s") % {"kode": i.kode}, choices=AturanTriwulan.choices
            )
            self.fields[awalan + "is_iku"] = forms.BooleanField(
                label=_("IKU %(kode)s") % {"kode": i.kode}, required=False
            )
            self.fields[awalan + "akhir"] = NilaiField(
                kolom=Indikator._meta.get_field("target_akhir_angka"),
                label=_("Target akhir %(kode)s") % {"kode": i.kode},
                required=False,
            )
            for tahun in self.tahun:
                self.fields[f"t_{i.pk}_{tahun}"] = NilaiField(
                    kolom=TargetRenstra._meta.get_field("angka"),
                    label=_("Target %(kode)s tahun %(tahun)s") % {"kode": i.kode, "tahun": tahun},
                    required=False,
                )

    @classmethod
    def awal(cls, renstra: Renstra, versi: str) -> dict:
        data = {"versi": versi}
        for s in renstra.sasaran.all():
            for i in s.indikator.all():
                awalan = f"i{i.pk}_"
                data |= {
                    awalan + "uraian": i.uraian,
                    awalan + "satuan": i.satuan,
                    awalan + "polaritas": i.polaritas,
                    awalan + "aturan_triwulan": i.aturan_triwulan,
                    awalan + "is_iku": i.is_iku,
                    awalan + "akhir": nilai_isian(i.target_akhir_angka, i.target_akhir_huruf),
                }
                for t in i.target_renstra.all():
                    data[f"t_{i.pk}_{t.tahun}"] = nilai_isian(t.angka, t.huruf)
        return data

    def baris(self) -> list[dict]:
        """One row per indicator: the indicator, its field per column and per year."""
        return [
            {
                "indikator": i,
                "kolom": {k: self[f"i{i.pk}_{k}"] for k in self.KOLOM},
                "target": [self[f"t_{i.pk}_{tahun}"] for tahun in self.tahun],
            }
            for i in self.indikator
        ]

    def nilai_indikator(self) -> dict[int, dict]:
        hasil = {}
        for i in self.indikator:
            awalan = f"i{i.pk}_"
            angka, huruf = _nilai(self, awalan + "akhir")
            hasil[i.pk] = {
                "uraian": self.cleaned_data[awalan + "uraian"],
                "satuan": self.cleaned_data[awalan + "satuan"],
                "polaritas": self.cleaned_data[awalan + "polaritas"],
                "aturan_triwulan": self.cleaned_data[awalan + "aturan_triwulan"],
                "is_iku": self.cleaned_data[awalan + "is_iku"],
                "target_akhir_angka": angka,
                "target_akhir_huruf": huruf,
            }
        return hasil

    def nilai_target(self) -> dict[tuple[int, int], tuple]:
        return {
            (i.pk, tahun): _nilai(self, f"t_{i.pk}_{tahun}") for i in self.indikator for tahun in self.tahun
        }


class TujuanBaruForm(forms.Form):
    kode = forms.CharField(label=_("Kode tujuan"), max_length=20, help_text=_("mis. T3"))
    uraian = forms.CharField(
        label=_("Uraian tujuan"),
        max_length=panjang_kolom(Tujuan, "uraian"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class SasaranBaruForm(forms.Form):
    tujuan = forms.ModelChoiceField(label=_("Tujuan"), queryset=None)
    kode = forms.CharField(label=_("Kode sasaran"), max_length=20, help_text=_("mis. S7"))
    nomor = forms.IntegerField(label=_("Nomor pada PK"), min_value=1, required=False)
    uraian = forms.CharField(
        label=_("Uraian sasaran"),
        max_length=panjang_kolom(Sasaran, "uraian"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, renstra: Renstra, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["tujuan"].queryset = renstra.tujuan.all()


class IndikatorBaruForm(forms.Form):
    sasaran = forms.ModelChoiceField(label=_("Sasaran"), queryset=None)
    kode = forms.CharField(label=_("Kode indikator"), max_length=20, help_text=_("mis. S7.1"))
    uraian = forms.CharField(
        label=_("Uraian indikator"),
        max_length=panjang_kolom(Indikator, "uraian"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    satuan = forms.CharField(label=_("Satuan"), max_length=60, required=False)
    jenis_nilai = forms.ChoiceField(label=_("Jenis nilai"), choices=Indikator.JenisNilai.choices)
    polaritas = forms.ChoiceField(label=_("Polaritas"), choices=Polaritas.choices)

    def __init__(self, *args, renstra: Renstra, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sasaran"].queryset = renstra.sasaran.all()


class RenstraPerubahanForm(forms.Form):
    nomor_keputusan = forms.CharField(label=_("Nomor keputusan Renstra Perubahan"), max_length=400)
    tanggal_keputusan = forms.DateField(label=_("Tanggal keputusan"), required=False, widget=TanggalInput())
    berlaku_mulai = forms.IntegerField(label=_("Berlaku mulai tahun"), min_value=2000, max_value=2100)
