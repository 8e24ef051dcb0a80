"""Forms for the profile, the Perjanjian Kinerja and the budget tree."""

from django import forms
from django.utils.translation import gettext_lazy as _

from anggaran.models import IndikatorProgram, JenisBelanja, Keluaran, SubKegiatan
from kecamatan.models import ProfilKecamatan
from lkip.web.forms import AngkaField, KumpulanBaris, NilaiField, VersiForm, nilai_isian
from perencanaan.models import PerjanjianKinerja, StatusPenandatangan, TargetPerjanjian
from umum.gambar import BATAS_FOTO_BYTE, SISI_FOTO_TERSIMPAN
from umum.kolom import panjang_kolom


class TanggalInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class ProfilForm(VersiForm):
    luas_km2 = AngkaField(
        kolom=ProfilKecamatan._meta.get_field("luas_km2"), label=_("Luas wilayah (km²)"), min_value=0
    )
    jumlah_penduduk = AngkaField(
        kolom=ProfilKecamatan._meta.get_field("jumlah_penduduk"), label=_("Jumlah penduduk (jiwa)")
    )
    isu_strategis = forms.CharField(
        label=_("Isu strategis"),
        required=False,
        max_length=panjang_kolom(ProfilKecamatan, "isu_strategis"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Satu isu per baris"),
    )
    tempat_laporan = forms.CharField(
        label=_("Tempat penandatanganan laporan"), max_length=80, initial="Jember"
    )
    tanggal_laporan = forms.DateField(
        label=_("Tanggal penandatanganan laporan"), required=False, widget=TanggalInput()
    )

    LABEL_SUMBER = {
        "sumber_pegawai": _("Sumber tabel pegawai"),
        "sumber_sarana": _("Sumber tabel sarana dan prasarana"),
        "sumber_wilayah": _("Sumber tabel desa dan kelurahan"),
        "sumber_pagu_anggaran": _("Sumber tabel pagu anggaran"),
        "sumber_realisasi_anggaran": _("Sumber tabel realisasi anggaran"),
        "sumber_realisasi_kinerja": _("Sumber tabel realisasi kinerja"),
    }
    """The label of each of ``ProfilKecamatan.SUMBER``, the tables' sources."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for nama in ProfilKecamatan.SUMBER:  # after the fields above, in the model's order
            self.fields[nama] = forms.CharField(
                label=self.LABEL_SUMBER[nama], required=False, max_length=panjang_kolom(ProfilKecamatan, nama)
            )

    def tampilkan_bawaan(self, bawaan: dict[str, str]) -> None:
        """Show each source's default sentence as the field's placeholder: what the report
        prints while the field is empty."""
        for nama, teks in bawaan.items():
            self.fields[nama].widget.attrs["placeholder"] = teks

    @classmethod
    def awal(cls, profil: ProfilKecamatan | None, versi: str) -> dict:
        if profil is None:
            return {"versi": versi}
        return {
            **{nama: getattr(profil, nama) for nama in ProfilKecamatan.SUMBER},
            "versi": versi,
            "luas_km2": profil.luas_km2,
            "jumlah_penduduk": None if profil.jumlah_penduduk is None else str(profil.jumlah_penduduk),
            "isu_strategis": profil.isu_strategis,
            "tempat_laporan": profil.tempat_laporan,
            "tanggal_laporan": profil.tanggal_laporan,
        }


class PerjanjianForm(VersiForm):
    """The PK's header and signatories, plus one target field per indicator (``target_<id>``)."""

    tempat = forms.CharField(label=_("Tempat"), max_length=80)
    tanggal = forms.DateField(label=_("Tanggal"), required=False, widget=TanggalInput())
    pihak_pertama_nama = forms.CharField(label=_("Pihak pertama: nama"), max_length=160)
    pihak_pertama_jabatan = forms.CharField(label=_("Pihak pertama: jabatan"), max_length=200)
    pihak_pertama_pangkat = forms.CharField(label=_("Pihak pertama: pangkat"), max_length=80, required=False)
    pihak_pertama_nip = forms.CharField(label=_("Pihak pertama: NIP"), max_length=30, required=False)
    pihak_pertama_status = forms.ChoiceField(
        label=_("Pihak pertama: status"), choices=StatusPenandatangan.choices
    )
    pihak_kedua_nama = forms.CharField(label=_("Pihak kedua: nama"), max_length=160)
    pihak_kedua_jabatan = forms.CharField(label=_("Pihak kedua: jabatan"), max_length=200)
    pihak_kedua_pangkat = forms.CharField(label=_("Pihak kedua: pangkat"), max_length=80, required=False)
    pihak_kedua_nip = forms.CharField(label=_("Pihak kedua: NIP"), max_length=30, required=False)
    pihak_kedua_status = forms.ChoiceField(
        label=_("Pihak kedua: status"), choices=StatusPenandatangan.choices
    )

    ISIAN = [
        "tempat", "tanggal",
        "pihak_pertama_nama", "pihak_pertama_jabatan", "pihak_pertama_pangkat", "pihak_pertama_nip",
        "pihak_pertama_status",
        "pihak_kedua_nama", "pihak_kedua_jabatan", "pihak_kedua_pangkat", "pihak_kedua_nip",
        "pihak_kedua_status",
    ]  # fmt: skip

    def __init__(self, *args, perjanjian: PerjanjianKinerja, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.target = list(perjanjian.target.all())
        for t in self.target:
            self.fields[f"target_{t.pk}"] = NilaiField(
                kolom=TargetPerjanjian._meta.get_field("angka"),
                label=_("Target %(kode)s") % {"kode": t.indikator.kode},
                required=False,
            )

    @classmethod
    def awal(cls, perjanjian: PerjanjianKinerja, versi: str) -> dict:
        data = {nama: getattr(perjanjian, nama) for nama in cls.ISIAN}
        data["versi"] = versi
        for t in perjanjian.target.all():
            data[f"target_{t.pk}"] = nilai_isian(t.angka, t.huruf)
        return data

    def baris_target(self) -> list[tuple[object, forms.BoundField]]:
        return [(t, self[f"target_{t.pk}"]) for t in self.target]

    def isian(self) -> dict:
        return {nama: self.cleaned_data[nama] for nama in self.ISIAN}

    def nilai_target(self) -> dict:
        hasil = {}
        for t in self.target:
            nilai = self.cleaned_data.get(f"target_{t.pk}")
            hasil[t.pk] = (None, "") if nilai is None else (nilai.angka, nilai.huruf)
        return hasil


_PAGU = SubKegiatan._meta.get_field("pagu")
_REALISASI = SubKegiatan._meta.get_field("realisasi")
_TARGET = Keluaran._meta.get_field("target")
_CAPAI = Keluaran._meta.get_field("realisasi")


class AnggaranForm(VersiForm):
    """Pagu and realisasi of each sub kegiatan, target and realisasi of each output of the year."""

    def __init__(self, *args, sub_kegiatan: list, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.sub_kegiatan = sub_kegiatan
        for s in sub_kegiatan:
            self.fields[f"pagu_{s.pk}"] = AngkaField(
                kolom=_PAGU, rupiah=True, label=_("Pagu (Rp)"), required=True, min_value=0
            )
            self.fields[f"realisasi_{s.pk}"] = AngkaField(
                kolom=_REALISASI, rupiah=True, label=_("Realisasi (Rp)"), min_value=0
            )
            self.fields[f"jenis_{s.pk}"] = forms.ChoiceField(
                label=_("Jenis belanja"),
                choices=[("", _("Belum dikelompokkan")), *JenisBelanja.choices],
                required=False,
            )
            for k in s.keluaran.all():
                self.fields[f"target_{k.pk}"] = AngkaField(kolom=_TARGET, label=_("Target"), min_value=0)
                self.fields[f"capai_{k.pk}"] = AngkaField(kolom=_CAPAI, label=_("Realisasi"), min_value=0)

    @classmethod
    def awal(cls, sub_kegiatan: list, versi: str) -> dict:
        data: dict = {"versi": versi}
        for s in sub_kegiatan:
            data[f"pagu_{s.pk}"] = s.pagu
            data[f"realisasi_{s.pk}"] = s.realisasi
            data[f"jenis_{s.pk}"] = s.jenis_belanja
            for k in s.keluaran.all():
                data[f"target_{k.pk}"] = k.target
                data[f"capai_{k.pk}"] = k.realisasi
        return data

    def nilai_sub_kegiatan(self) -> dict:
        return {
            s.pk: (self.cleaned_data[f"pagu_{s.pk}"], self.cleaned_data[f"realisasi_{s.pk}"])
            for s in self.sub_kegiatan
        }

    def nilai_jenis_belanja(self) -> dict:
        return {s.pk: self.cleaned_data[f"jenis_{s.pk}"] for s in self.sub_kegiatan}

    def nilai_keluaran(self) -> dict:
        return {
            k.pk: (self.cleaned_data[f"target_{k.pk}"], self.cleaned_data[f"capai_{k.pk}"])
            for s in self.sub_kegiatan
            for k in s.keluaran.all()
        }

    def label_konflik(self, nama: str) -> str:
        jenis, _pisah, pk = nama.partition("_")
        for s in self.sub_kegiatan:
            if jenis in ("pagu", "realisasi", "jenis") and str(s.pk) == pk:
                return f"{s.kode} · {self.fields[nama].label}"
            for k in s.keluaran.all():
                if jenis in ("target", "capai") and str(k.pk) == pk:
                    return f"{s.kode} · {k.uraian} · {self.fields[nama].label}"
        return super().label_konflik(nama)

    @property
    def baris_sub(self) -> dict:
        """Sub kegiatan id → (pagu, realisasi, [(output, target, realisasi)], jenis belanja) bound
        fields."""
        return {
            s.pk: (
                self[f"pagu_{s.pk}"],
                self[f"realisasi_{s.pk}"],
                [(k, self[f"target_{k.pk}"], self[f"capai_{k.pk}"]) for k in s.keluaran.all()],
                self[f"jenis_{s.pk}"],
            )
            for s in self.sub_kegiatan
        }


class IndikatorAnggaranBaris(forms.Form):
    """One indicator of a program or kegiatan; a blank row is left out."""

    id = forms.IntegerField(widget=forms.HiddenInput, required=False)
    uraian = forms.CharField(label=_("Indikator"), max_length=panjang_kolom(IndikatorProgram, "uraian"))
    satuan = forms.CharField(
        label=_("Satuan"),
        max_length=panjang_kolom(IndikatorProgram, "satuan"),
        required=False,
    )
    target = AngkaField(kolom=IndikatorProgram._meta.get_field("target"), label=_("Target"), min_value=0)
    realisasi = AngkaField(
        kolom=IndikatorProgram._meta.get_field("realisasi"), label=_("Realisasi"), min_value=0
    )


class _KumpulanIndikator(KumpulanBaris):
    def clean(self) -> None:
        if any(self.errors):
            return
        dipakai: set[str] = set()
        for form in self.forms:
            data = form.cleaned_data
            if not data or data.get("DELETE"):
                continue
            kunci = data["uraian"].strip().casefold()
            if kunci in dipakai:
                raise forms.ValidationError(
                    _("Indikator «%(uraian)s» tertulis dua kali; satu baris untuk satu indikator.")
                    % {"uraian": data["uraian"].strip()}
                )
            dipakai.add(kunci)


IndikatorAnggaranKumpulan = forms.formset_factory(
    IndikatorAnggaranBaris, formset=_KumpulanIndikator, extra=2, can_delete=True
)


def awal_indikator_anggaran(induk) -> list[dict]:
    """A program's or kegiatan's indicators as initial data of the formset."""
    return [
        {"id": i.pk, "uraian": i.uraian, "satuan": i.satuan, "target": i.target, "realisasi": i.realisasi}
        for i in induk.indikator.all()
    ]


class NarasiForm(VersiForm):
    """One text per prose section of the report, shown as the report prints it now: the
    kecamatan's own text, or the default until it is changed. Blank (or the default left as
    it is) keeps the default text."""

    def __init__(self, *args, sendiri: frozenset[str] = frozenset(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        from lkip.laporan.models import BagianNarasi, NarasiLaporan

        self.sendiri = sendiri
        for bagian in BagianNarasi:
            self.fields[bagian.value] = forms.CharField(
                label=bagian.label,
                required=False,
                max_length=panjang_kolom(NarasiLaporan, "teks"),
                widget=forms.Textarea(attrs={"rows": 6}),
                help_text=_("Teks sendiri kecamatan.")
                if bagian.value in sendiri
                else _("Teks bawaan laporan; ubah kalimatnya seperlunya."),
            )

    def teks(self) -> dict[str, str]:
        return {n: self.cleaned_data[n] for n in self.fields if n != "versi"}


class DokumentasiForm(forms.Form):
    """A documentation photo for a program, kegiatan or sub kegiatan of the year."""

    bagian = forms.ChoiceField(label=_("Foto kegiatan untuk"))
    foto = forms.FileField(
        label=_("Foto"),
        help_text=_("JPG atau PNG, paling besar %(mb)s MB; disimpan dengan sisi terpanjang %(sisi)s piksel.")
        % {"mb": BATAS_FOTO_BYTE // (1024 * 1024), "sisi": SISI_FOTO_TERSIMPAN},
        widget=forms.ClearableFileInput(attrs={"accept": ".jpg,.jpeg,.png,image/jpeg,image/png"}),
    )
    keterangan = forms.CharField(
        label=_("Keterangan foto"), max_length=300, help_text=_("Dicetak di bawah foto dalam laporan.")
    )
    tampilkan_di_laporan = forms.BooleanField(label=_("Tampilkan di laporan"), required=False, initial=True)

    def __init__(self, *args, pilihan: list[tuple[str, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["bagian"].choices = pilihan

    def clean_foto(self) -> bytes:
        """The upload's bytes, at most one past the limit (a huge file is not read whole); the
        service checks what they are and re-encodes them."""
        berkas = self.cleaned_data["foto"]
        berkas.seek(0)
        return berkas.read(BATAS_FOTO_BYTE + 1)


class DokumentasiUbahForm(forms.Form):
    keterangan = forms.CharField(label=_("Keterangan foto"), max_length=300)
    tampilkan_di_laporan = forms.BooleanField(label=_("Tampilkan di laporan"), required=False)
