"""Forms of the kecamatan pages. Numbers are read the Indonesian way (``97,5``,
``1.234.567,89``) or plain (``97.5``); every message is in Indonesian beside its field."""

from decimal import Decimal

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from capaian import scoring
from capaian.models import BUKTI_EKSTENSI, Realisasi
from umum.angka import AngkaTidakValid, parse_angka, teks_polos
from umum.versi import VERSI_BARU


def angka_isian(nilai: Decimal | None) -> str:
    """A stored number as it is shown in an input: decimal comma, no thousands dots, so the
    text reads back unambiguously (``1234567,89``)."""
    return "" if nilai is None else teks_polos(nilai).replace(".", ",")


class AngkaField(forms.CharField):
    """A number typed as ``97,5``, ``1.234.567,89`` or ``97.5``; blank is missing (``None``)."""

    def __init__(self, *, min_value: Decimal | None = None, **kwargs) -> None:
        self.min_value = None if min_value is None else Decimal(min_value)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "inputmode": "decimal", "autocomplete": "off"}

    def prepare_value(self, value):
        return angka_isian(value) if isinstance(value, Decimal) else value

    def to_python(self, value) -> Decimal | None:
        teks = super().to_python(value)
        if not teks:
            return None
        try:
            angka = parse_angka(teks)
        except AngkaTidakValid as exc:
            raise forms.ValidationError(str(exc), code="angka") from exc
        if self.min_value is not None and angka < self.min_value:
            raise forms.ValidationError(
                _("Nilai tidak boleh kurang dari %(min)s.") % {"min": angka_isian(self.min_value)}
            )
        return angka


class NilaiField(forms.CharField):
    """A target or realisasi: a number, a letter grade (``B``) or both (``B (69)``)."""

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "autocomplete": "off"}

    def to_python(self, value) -> scoring.Nilai | None:
        teks = super().to_python(value)
        try:
            return scoring.nilai_teks_opsional(teks)
        except AngkaTidakValid as exc:
            raise forms.ValidationError(str(exc), code="nilai") from exc


def nilai_isian(angka: Decimal | None, huruf: str) -> str:
    if huruf and angka is not None:
        return f"{huruf} ({angka_isian(angka)})"
    return huruf or angka_isian(angka)


class VersiForm(forms.Form):
    """Carries the version token of what the form showed, for stale-save detection."""

    versi = forms.CharField(widget=forms.HiddenInput, initial=VERSI_BARU)

    @property
    def status_http(self) -> int:
        """409 Conflict when the save was refused as stale, else 200 (a form shown again)."""
        return 409 if self.has_error("__all__", "kedaluwarsa") else 200


class RealisasiForm(VersiForm):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=Realisasi.Status.choices,
        initial=Realisasi.Status.TERISI,
        help_text=_("Pilih «tidak dapat dihitung» atau «tidak berlaku» hanya dengan alasan."),
    )
    nilai = NilaiField(
        label=_("Realisasi tahunan"),
        required=False,
        help_text=_(
            "Mis. 97,5 atau B (69). Realisasi tahunan yang diisi itulah yang dihitung; bila kosong, "
            "dihitung dari triwulan. Selisih dengan rekap triwulan ditampilkan untuk diperiksa."
        ),
    )
    triwulan_1 = AngkaField(label=_("Triwulan I"))
    triwulan_2 = AngkaField(label=_("Triwulan II"))
    triwulan_3 = AngkaField(label=_("Triwulan III"))
    triwulan_4 = AngkaField(label=_("Triwulan IV"))
    alasan = forms.CharField(label=_("Alasan"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    faktor_keberhasilan = forms.CharField(
        label=_("Faktor keberhasilan"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    hambatan = forms.CharField(
        label=_("Hambatan / faktor kegagalan"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    tindak_lanjut = forms.CharField(
        label=_("Solusi / tindak lanjut"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    catatan = forms.CharField(label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    pembanding_nasional = forms.CharField(label=_("Realisasi nasional"), required=False, max_length=40)
    pembanding_provinsi = forms.CharField(label=_("Realisasi provinsi"), required=False, max_length=40)
    pembanding_kabupaten = forms.CharField(label=_("Realisasi kabupaten"), required=False, max_length=40)

    TRIWULAN = (1, 2, 3, 4)

    @classmethod
    def awal(cls, realisasi: Realisasi | None, triwulan: dict[int, Decimal], versi: str) -> dict:
        if realisasi is None:
            return {"versi": versi}
        data = {
            "versi": versi,
            "status": realisasi.status,
            "nilai": nilai_isian(realisasi.angka, realisasi.huruf),
        }
        for nama in [
            "alasan", "faktor_keberhasilan", "hambatan", "tindak_lanjut", "catatan",
            "pembanding_nasional", "pembanding_provinsi", "pembanding_kabupaten",
        ]:  # fmt: skip
            data[nama] = getattr(realisasi, nama)
        for nomor, angka in triwulan.items():
            data[f"triwulan_{nomor}"] = angka
        return data

    def triwulan(self) -> dict[int, Decimal | None]:
        return {n: self.cleaned_data.get(f"triwulan_{n}") for n in self.TRIWULAN}

    def clean(self) -> dict:
        data = super().clean()
        status = data.get("status")
        ada_nilai = data.get("nilai") is not None or any(v is not None for v in self.triwulan().values())
        if status == Realisasi.Status.TERISI and not ada_nilai and "nilai" not in self.errors:
            self.add_error("nilai", _("Isi realisasi tahunan atau salah satu triwulan."))
        tidak_terhitung = (Realisasi.Status.TIDAK_DAPAT_DIHITUNG, Realisasi.Status.TIDAK_BERLAKU)
        if status in tidak_terhitung and not (data.get("alasan") or "").strip():
            self.add_error("alasan", _("Tuliskan alasannya."))
        return data


# Signatures of the evidence types accepted: the first bytes of each kind of file.
TANDA_BERKAS: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF-",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "xlsx": (b"PK\x03\x04",),
    "docx": (b"PK\x03\x04",),
    "xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
    "doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
}


class BuktiForm(forms.Form):
    berkas = forms.FileField(
        label=_("Berkas"),
        required=False,
        help_text=_("PDF, gambar (JPG/PNG), Excel atau Word; paling besar %(mb)s MB.")
        % {"mb": settings.LKIP_BUKTI_MAKS_BYTE // (1024 * 1024)},
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(f".{e}" for e in BUKTI_EKSTENSI)}),
    )
    tautan = forms.URLField(
        label=_("atau tautan"), required=False, assume_scheme="https", help_text=_("Mis. tautan Google Drive")
    )
    keterangan = forms.CharField(label=_("Keterangan"), required=False, max_length=300)

    def clean_berkas(self):
        berkas = self.cleaned_data.get("berkas")
        if not berkas:
            return None
        ekstensi = berkas.name.rsplit(".", 1)[-1].lower() if "." in berkas.name else ""
        if ekstensi not in TANDA_BERKAS:
            raise forms.ValidationError(
                _("Jenis berkas «.%(ext)s» tidak diterima. Pilih salah satu: %(daftar)s.")
                % {"ext": ekstensi, "daftar": ", ".join(BUKTI_EKSTENSI)}
            )
        if berkas.size > settings.LKIP_BUKTI_MAKS_BYTE:
            raise forms.ValidationError(
                _("Berkas terlalu besar (%(ukuran)s MB); paling besar %(mb)s MB.")
                % {
                    "ukuran": f"{berkas.size / (1024 * 1024):.1f}".replace(".", ","),
                    "mb": settings.LKIP_BUKTI_MAKS_BYTE // (1024 * 1024),
                }
            )
        awal = berkas.read(16)
        berkas.seek(0)
        if not any(awal.startswith(tanda) for tanda in TANDA_BERKAS[ekstensi]):
            raise forms.ValidationError(
                _("Isi berkas bukan %(ext)s yang sah; periksa kembali berkasnya.") % {"ext": ekstensi.upper()}
            )
        return berkas

    def clean(self) -> dict:
        data = super().clean()
        if not self.errors and not data.get("berkas") and not data.get("tautan"):
            raise forms.ValidationError(_("Unggah berkas atau isi tautan."))
        return data
