"""Forms of the review notes: a new note on a place of the year, a reply, a change of state."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from reviu.models import BalasanCatatan, CatatanReviu
from umum.kolom import panjang_kolom


class CatatanForm(forms.Form):
    """``tempat`` is ``tahun``, ``bagian:<key>`` or ``<jenis>:<id>``; whether that place exists
    in the kecamatan's year is the service's check (a forged id is refused there)."""

    tempat = forms.CharField(label=_("Tempat"), max_length=60)
    isi = forms.CharField(
        label=_("Catatan"),
        max_length=panjang_kolom(CatatanReviu, "isi"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_tempat(self) -> tuple[str, str, int | None]:
        jenis, _sep, kunci = self.cleaned_data["tempat"].partition(":")
        if jenis not in CatatanReviu.Jenis.values:
            raise ValidationError(_("Pilih tempat catatan."))
        if jenis == CatatanReviu.Jenis.TAHUN:
            return jenis, "", None
        if jenis == CatatanReviu.Jenis.BAGIAN:
            return jenis, kunci, None
        if not kunci.isascii() or not kunci.isdigit():
            raise ValidationError(_("Pilih tempat catatan."))
        return jenis, "", int(kunci)


class BalasanForm(forms.Form):
    isi = forms.CharField(
        label=_("Balasan"),
        max_length=panjang_kolom(BalasanCatatan, "isi"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class StatusCatatanForm(forms.Form):
    status = forms.ChoiceField(
        choices=[(s, s.label) for s in (CatatanReviu.Status.SELESAI, CatatanReviu.Status.TERBUKA)]
    )
    dari = forms.ChoiceField(choices=CatatanReviu.Status.choices, required=False)
