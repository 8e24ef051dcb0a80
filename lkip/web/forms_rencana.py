"""Forms for the Renstra (targets per year, indicators, a Perubahan) and the RKT."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lkip.web.forms import NilaiField, VersiForm, nilai_isian
from lkip.web.forms_data import TanggalInput
from perencanaan.models import (
    AturanTriwulan,
    Indikator,
    IndikatorTujuan,
    Polaritas,
    RencanaKinerjaTahunan,
    Renstra,
    Rpjmd,
    Sasaran,
    TargetRenstra,
    TargetRkt,
    TargetTujuan,
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
    target per year of the period (``t_<indikator>_<tahun>``). Also the RPJMD the Renstra
    follows and the misi it supports, each sasaran's strategi and kebijakan (``s<id>_…``),
    and each tujuan indicator's unit, end target and yearly targets (``it<id>_…``, ``tt_…``)."""

    KOLOM = ["uraian", "satuan", "polaritas", "aturan_triwulan", "is_iku", "akhir"]

    rpjmd = forms.ModelChoiceField(label=_("RPJMD yang dijabarkan"), queryset=None, required=False)
    misi_rpjmd = forms.IntegerField(label=_("Nomor misi RPJMD yang didukung"), min_value=1, required=False)

    def __init__(self, *args, renstra: Renstra, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.renstra = renstra
        self.tahun = renstra.tahun_periode
        self.fields["rpjmd"].queryset = Rpjmd.objects.order_by("kabupaten", "tahun_awal")
        self.sasaran = list(renstra.sasaran.all())
        for s in self.sasaran:
            for nama, label in (("strategi", _("Strategi")), ("kebijakan", _("Kebijakan"))):
                self.fields[f"s{s.pk}_{nama}"] = forms.CharField(
                    label=f"{label} {s.kode}",
                    max_length=panjang_kolom(Sasaran, nama),
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 2}),
                )
        self.indikator_tujuan = [i for t in renstra.tujuan.all() for i in t.indikator.all()]
        for i in self.indikator_tujuan:
            self.fields[f"it{i.pk}_satuan"] = forms.CharField(
                label=_("Satuan %(uraian)s") % {"uraian": i.uraian[:40]}, max_length=60, required=False
            )
            self.fields[f"it{i.pk}_akhir"] = NilaiField(
                kolom=IndikatorTujuan._meta.get_field("target_akhir_angka"),
                label=_("Target akhir %(uraian)s") % {"uraian": i.uraian[:40]},
                required=False,
            )
            for tahun in self.tahun:
                self.fields[f"tt_{i.pk}_{tahun}"] = NilaiField(
                    kolom=TargetTujuan._meta.get_field("angka"),
                    label=_("Target %(uraian)s tahun %(tahun)s") % {"uraian": i.uraian[:40], "tahun": tahun},
                    required=False,
                )
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
        data = {"versi": versi, "rpjmd": renstra.rpjmd_id, "misi_rpjmd": renstra.misi_rpjmd}
        for s in renstra.sasaran.all():
            data |= {f"s{s.pk}_strategi": s.strategi, f"s{s.pk}_kebijakan": s.kebijakan}
        for t in renstra.tujuan.all():
            for i in t.indikator.all():
                data |= {
                    f"it{i.pk}_satuan": i.satuan,
                    f"it{i.pk}_akhir": nilai_isian(i.target_akhir_angka, i.target_akhir_huruf),
                }
                for x in i.target.all():
                    data[f"tt_{i.pk}_{x.tahun}"] = nilai_isian(x.angka, x.huruf)
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

    def baris_sasaran(self) -> list[dict]:
        return [
            {"sasaran": s, "strategi": self[f"s{s.pk}_strategi"], "kebijakan": self[f"s{s.pk}_kebijakan"]}
            for s in self.sasaran
        ]

    def baris_tujuan(self) -> list[dict]:
        return [
            {
                "indikator": i,
                "satuan": self[f"it{i.pk}_satuan"],
                "akhir": self[f"it{i.pk}_akhir"],
                "target": [self[f"tt_{i.pk}_{tahun}"] for tahun in self.tahun],
            }
            for i in self.indikator_tujuan
        ]

    def nilai_rencana(self) -> dict:
        rpjmd = self.cleaned_data.get("rpjmd")
        return {"rpjmd": rpjmd, "misi_rpjmd": self.cleaned_data.get("misi_rpjmd")}

    def nilai_sasaran(self) -> dict[int, dict]:
        return {
            s.pk: {n: self.cleaned_data[f"s{s.pk}_{n}"] for n in ("strategi", "kebijakan")}
            for s in self.sasaran
        }

    def nilai_indikator_tujuan(self) -> dict[int, dict]:
        hasil = {}
        for i in self.indikator_tujuan:
            angka, huruf = _nilai(self, f"it{i.pk}_akhir")
            hasil[i.pk] = {
                "satuan": self.cleaned_data[f"it{i.pk}_satuan"],
                "target_akhir_angka": angka,
                "target_akhir_huruf": huruf,
            }
        return hasil

    def nilai_target_tujuan(self) -> dict[tuple[int, int], tuple]:
        return {
            (i.pk, tahun): _nilai(self, f"tt_{i.pk}_{tahun}")
            for i in self.indikator_tujuan
            for tahun in self.tahun
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
