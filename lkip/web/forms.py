"""Forms of the kecamatan pages. Numbers are read the Indonesian way (``97,5``,
``1.234.567,89``) or plain (``97.5``); every message is in Indonesian beside its field."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django import forms
from django.conf import settings
from django.db import models
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from capaian import scoring
from capaian.models import BUKTI_EKSTENSI, Realisasi, RealisasiTriwulan
from umum.angka import AngkaTidakValid, format_angka, parse_angka, periksa_batas, teks_polos
from umum.kolom import batas_kolom, panjang_kolom, rentang_kolom
from umum.versi import VERSI_BARU


def angka_isian(nilai: Decimal | None) -> str:
    """A stored number as it is shown in an input: decimal comma, no thousands dots, so the
    text reads back unambiguously (``1234567,89``)."""
    return "" if nilai is None else teks_polos(nilai).replace(".", ",")


class AngkaField(forms.CharField):
    """A number typed as ``97,5``, ``1.234.567,89`` or ``97.5``; blank is missing (``None``).

    ``kolom`` is the model field it is stored in: its digits and decimals (or an integer
    column's range) are the limits, checked by the number module with a message beside the
    field. ``rupiah`` amounts are whole rupiah. An integer column gives an ``int``."""

    def __init__(
        self, *, kolom: models.Field, rupiah: bool = False, min_value: Decimal | None = None, **kwargs
    ) -> None:
        self.batas = batas_kolom(kolom, rupiah=rupiah)
        self.is_bulat = isinstance(kolom, models.IntegerField)
        bawah, self.max_value = rentang_kolom(kolom) if self.is_bulat else (None, None)
        min_value = bawah if min_value is None else min_value
        self.min_value = None if min_value is None else Decimal(min_value)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        return {
            **super().widget_attrs(widget),
            "inputmode": "numeric" if self.batas.desimal == 0 else "decimal",
            "autocomplete": "off",
        }

    def prepare_value(self, value):
        return angka_isian(value) if isinstance(value, Decimal) else value

    def to_python(self, value) -> Decimal | int | None:
        teks = super().to_python(value)
        if not teks:
            return None
        try:
            angka = parse_angka(teks, self.batas)
        except AngkaTidakValid as exc:
            raise forms.ValidationError(str(exc), code="angka") from exc
        if self.min_value is not None and angka < self.min_value:
            raise forms.ValidationError(
                _("Nilai tidak boleh kurang dari %(min)s.") % {"min": angka_isian(self.min_value)}
            )
        if self.max_value is not None and angka > self.max_value:
            raise forms.ValidationError(
                _("Nilai tidak boleh lebih dari %(max)s.") % {"max": format_angka(Decimal(self.max_value))}
            )
        return int(angka) if self.is_bulat else angka


class NilaiField(forms.CharField):
    """A target or realisasi: a number, a letter grade (``B``) or both (``B (69)``); the number
    must fit ``kolom``, the model field it is stored in."""

    def __init__(self, *, kolom: models.Field, **kwargs) -> None:
        self.batas = batas_kolom(kolom)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "autocomplete": "off"}

    def to_python(self, value) -> scoring.Nilai | None:
        teks = super().to_python(value)
        try:
            nilai = scoring.nilai_teks_opsional(teks)
            if nilai is not None and nilai.angka is not None:
                periksa_batas(nilai.angka, self.batas, teks.strip())
        except AngkaTidakValid as exc:
            raise forms.ValidationError(str(exc), code="nilai") from exc
        return nilai


def nilai_isian(angka: Decimal | None, huruf: str) -> str:
    if huruf and angka is not None:
        return f"{huruf} ({angka_isian(angka)})"
    return huruf or angka_isian(angka)


@dataclass(frozen=True)
class Konflik:
    """A field whose stored value differs from what the user typed, after a refused save."""

    nama: str
    label: str
    id_isian: str
    milik_saya: str
    tersimpan: str
    nilai_tersimpan: str  # as the input holds it, for the script that puts it in the field


PILIH = "ambil_"


def _isian(field: forms.BoundField) -> str | None:
    """A field's value as a browser would send it; ``None`` for an unticked checkbox."""
    nilai = field.value()
    if isinstance(field.field, forms.BooleanField):
        return "on" if nilai else None
    if isinstance(nilai, date):
        return nilai.isoformat()
    return "" if nilai is None else str(nilai)


def _tampil(field: forms.BoundField, teks: str | None) -> str:
    """What a person reads for a sent value: the choice's label, «ya»/«tidak», «–» for blank."""
    if isinstance(field.field, forms.BooleanField):
        return str(_("ya") if teks else _("tidak"))
    if isinstance(field.field, forms.ChoiceField):
        return str(dict(field.field.choices).get(teks, teks or "–"))
    return teks or "–"


class VersiForm(forms.Form):
    """Carries the version token of what the form showed, for stale-save detection.

    After a refused (stale) save the form offers a way out: ``tandai_konflik`` lists beside
    the user's input the values saved meanwhile, and carries the current token, so the next
    save goes through with, per field, the user's value or the stored one (``ambil_<field>``
    = ``tersimpan``, applied by ``terapkan_pilihan`` of the form as stored)."""

    versi = forms.CharField(widget=forms.HiddenInput, initial=VERSI_BARU)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.konflik: list[Konflik] = []
        self.diperbarui: list[str] = []

    @property
    def status_http(self) -> int:
        """409 Conflict when the save was refused as stale, else 200 (a form shown again)."""
        return 409 if self.has_error("__all__", "kedaluwarsa") else 200

    @staticmethod
    def memilih_tersimpan(data: QueryDict) -> bool:
        """Whether the user took a field from the stored data, so ``terapkan_pilihan`` (of the
        form as stored) has anything to do."""
        return any(kunci.startswith(PILIH) and data.get(kunci) == "tersimpan" for kunci in data)

    def terapkan_pilihan(self, data: QueryDict) -> QueryDict:
        """``data`` as posted, with the stored value (this unbound form's) put in each field
        the user chose to take from the stored data."""
        data = data.copy()
        for nama in self.fields:
            if data.get(PILIH + nama) != "tersimpan":
                continue
            nilai = _isian(self[nama])
            if nilai is None:
                data.pop(nama, None)
            else:
                data[nama] = nilai
        return data

    def tandai_konflik(self, tersimpan: "VersiForm") -> None:
        """After a stale save: say so, find the fields where ``tersimpan`` (the form as the data is
        stored now) differs from the input, and take its version token.

        When the page said which fields the user changed (``diubah``, sent by the page's
        script), a field only the other person changed takes their value (listed in
        ``diperbarui``) and only fields both changed are conflicts; without it every
        difference is a conflict, defaulting to what the user typed."""
        self.add_error(
            None,
            forms.ValidationError(
                _(
                    "Data ini sudah diubah orang lain sejak formulir dibuka, jadi belum disimpan. "
                    "Isian Anda masih ada di bawah, dengan nilai yang tersimpan sekarang di "
                    "sampingnya: pilih yang dipakai, lalu simpan lagi."
                ),
                code="kedaluwarsa",
            ),
        )
        data = self.data.copy()
        data["versi"] = tersimpan["versi"].value()
        diubah = None if "diubah" not in data else set(filter(None, data["diubah"].split(",")))
        for nama, field in self.fields.items():
            if nama == "versi":
                continue
            kini = _isian(tersimpan[nama])
            try:
                sama = field.clean(kini) == self.cleaned_data.get(nama, object())
            except forms.ValidationError:
                sama = False
            if sama:
                continue
            if diubah is not None and nama not in diubah:
                if kini is None:
                    data.pop(nama, None)
                else:
                    data[nama] = kini
                self.diperbarui.append(self.label_konflik(nama))
                continue
            self.konflik.append(
                Konflik(
                    nama=nama,
                    label=self.label_konflik(nama),
                    id_isian=self[nama].id_for_label,
                    milik_saya=_tampil(self[nama], _isian(self[nama])),
                    tersimpan=_tampil(self[nama], kini),
                    nilai_tersimpan=kini or "",
                )
            )
            data[PILIH + nama] = "saya"
        self.data = data

    def label_konflik(self, nama: str) -> str:
        """How the list of conflicts names a field (forms with repeated labels say whose)."""
        return str(self.fields[nama].label)

    def konflik_untuk(self, nama: str) -> Konflik | None:
        return next((k for k in self.konflik if k.nama == nama), None)


_TRIWULAN = RealisasiTriwulan._meta.get_field("angka")


class KumpulanBaris(forms.BaseFormSet):
    """A formset of table rows edited in one page (blank extra rows, «Hapus» to remove)."""

    def baris(self) -> list[dict]:
        """Each filled row's cleaned data, its delete box as ``hapus``; blank rows left out."""
        hasil = []
        for form in self.forms:
            data = dict(form.cleaned_data)
            if not data:
                continue
            data["hapus"] = data.pop("DELETE", False)
            hasil.append(data)
        return hasil


class RealisasiForm(VersiForm):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=Realisasi.Status.choices,
        initial=Realisasi.Status.TERISI,
        help_text=_("Pilih «tidak dapat dihitung» atau «tidak berlaku» hanya dengan alasan."),
    )
    nilai = NilaiField(
        kolom=Realisasi._meta.get_field("angka"),
        label=_("Realisasi tahunan"),
        required=False,
        help_text=_(
            "Mis. 97,5 atau B (69). Realisasi tahunan yang diisi itulah yang dihitung; bila kosong, "
            "dihitung dari triwulan. Selisih dengan rekap triwulan ditampilkan untuk diperiksa."
        ),
    )
    triwulan_1 = AngkaField(kolom=_TRIWULAN, label=_("Triwulan I"))
    triwulan_2 = AngkaField(kolom=_TRIWULAN, label=_("Triwulan II"))
    triwulan_3 = AngkaField(kolom=_TRIWULAN, label=_("Triwulan III"))
    triwulan_4 = AngkaField(kolom=_TRIWULAN, label=_("Triwulan IV"))
    alasan = forms.CharField(
        label=_("Alasan"),
        required=False,
        max_length=panjang_kolom(Realisasi, "alasan"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    faktor_keberhasilan = forms.CharField(
        label=_("Faktor keberhasilan"),
        required=False,
        max_length=panjang_kolom(Realisasi, "faktor_keberhasilan"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    hambatan = forms.CharField(
        label=_("Hambatan / faktor kegagalan"),
        required=False,
        max_length=panjang_kolom(Realisasi, "hambatan"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    tindak_lanjut = forms.CharField(
        label=_("Solusi / tindak lanjut"),
        required=False,
        max_length=panjang_kolom(Realisasi, "tindak_lanjut"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    catatan = forms.CharField(
        label=_("Catatan"),
        required=False,
        max_length=panjang_kolom(Realisasi, "catatan"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
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
        self._periksa_jumlah_triwulan()
        tidak_terhitung = (Realisasi.Status.TIDAK_DAPAT_DIHITUNG, Realisasi.Status.TIDAK_BERLAKU)
        if status in tidak_terhitung and not (data.get("alasan") or "").strip():
            self.add_error("alasan", _("Tuliskan alasannya."))
        return data

    def _periksa_jumlah_triwulan(self) -> None:
        """The quarters roll up into the year's stored value: their sum, the largest roll-up of
        any rule, must fit that column too."""
        terisi = [(n, a) for n, a in self.triwulan().items() if a is not None]
        if len(terisi) < 2:
            return
        try:
            periksa_batas(sum((a for _n, a in terisi), Decimal(0)), self.fields["nilai"].batas)
        except AngkaTidakValid as exc:
            self.add_error(
                f"triwulan_{terisi[-1][0]}",
                _("Jumlah triwulan tidak muat sebagai realisasi tahunan: %(pesan)s") % {"pesan": exc},
            )


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
