"""One formset per table of the yearly profile: desa/kelurahan, staff, sarana, officials,
the organisation chart, and the year's innovations and awards. Rows are added, edited and removed together, in order."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kecamatan.models import Desa, KomposisiPegawai, ProfilKecamatan, RincianPegawai, SaranaPrasarana
from lkip.web.forms import AngkaField, KumpulanBaris
from lkip.web.forms_data import TanggalInput


class _Baris(forms.Form):
    id = forms.IntegerField(widget=forms.HiddenInput, required=False)
    #: Selects without a blank option: a browser always sends one of their values, so on a
    #: blank new row they do not count as typed (the row is left out, not refused).
    SELALU_TERKIRIM: tuple[str, ...] = ()

    def has_changed(self) -> bool:
        return any(nama not in self.SELALU_TERKIRIM for nama in self.changed_data)

    def __init__(self, *args, profil: ProfilKecamatan, **kwargs) -> None:
        self.profil = profil
        super().__init__(*args, **kwargs)


def _bulat(label: str, model: type, nama: str) -> AngkaField:
    """A count typed as ``12000`` or ``12.000``, within its column's range; blank is missing."""
    return AngkaField(kolom=model._meta.get_field(nama), label=label, min_value=0)


class DesaBaris(_Baris):
    nama = forms.CharField(label=_("Nama"), max_length=120)
    jenis = forms.ChoiceField(label=_("Jenis"), choices=Desa.Jenis.choices)
    SELALU_TERKIRIM = ("jenis",)
    luas_km2 = AngkaField(kolom=Desa._meta.get_field("luas_km2"), label=_("Luas (km²)"), min_value=0)
    jumlah_penduduk = _bulat(_("Penduduk (jiwa)"), Desa, "jumlah_penduduk")


class PegawaiBaris(_Baris):
    kelompok = forms.CharField(label=_("Kelompok jabatan"), max_length=120, required=False)
    jabatan = forms.CharField(label=_("Jabatan"), max_length=160)
    kebutuhan = _bulat(_("Kebutuhan"), KomposisiPegawai, "kebutuhan")
    bezetting = _bulat(_("Bezetting"), KomposisiPegawai, "bezetting")
    laki_laki = _bulat(_("Laki-laki"), KomposisiPegawai, "laki_laki")
    perempuan = _bulat(_("Perempuan"), KomposisiPegawai, "perempuan")


class RincianPegawaiBaris(_Baris):
    dasar = forms.ChoiceField(label=_("Rincian menurut"), choices=RincianPegawai.Dasar.choices)
    status = forms.ChoiceField(label=_("Status"), choices=RincianPegawai.Status.choices)
    SELALU_TERKIRIM = ("dasar", "status")
    uraian = forms.CharField(label=_("Pangkat atau pendidikan"), max_length=80)
    golongan = forms.CharField(label=_("Golongan"), max_length=10, required=False)
    jumlah = _bulat(_("Jumlah"), RincianPegawai, "jumlah")
    keterangan = forms.CharField(label=_("Keterangan"), max_length=120, required=False)


class SaranaBaris(_Baris):
    nama = forms.CharField(label=_("Sarana/prasarana"), max_length=160)
    jumlah = _bulat(_("Jumlah"), SaranaPrasarana, "jumlah")
    kondisi = forms.CharField(label=_("Kondisi"), max_length=160, required=False)
    jumlah_ideal = _bulat(_("Jumlah ideal"), SaranaPrasarana, "jumlah_ideal")


class PejabatBaris(_Baris):
    jabatan = forms.CharField(label=_("Jabatan"), max_length=200)
    nama = forms.CharField(label=_("Nama"), max_length=160)
    pangkat = forms.CharField(label=_("Pangkat"), max_length=80, required=False)
    golongan = forms.CharField(label=_("Golongan"), max_length=20, required=False)
    nip = forms.CharField(label=_("NIP"), max_length=30, required=False)
    kepala = forms.BooleanField(label=_("Penanda tangan LKIP"), required=False)
    mulai_menjabat = forms.DateField(label=_("Mulai menjabat"), required=False, widget=TanggalInput())
    selesai_menjabat = forms.DateField(label=_("Selesai menjabat"), required=False, widget=TanggalInput())

    def clean(self) -> dict:
        data = super().clean()
        mulai, selesai = data.get("mulai_menjabat"), data.get("selesai_menjabat")
        if mulai and selesai and selesai < mulai:
            self.add_error(
                "selesai_menjabat", _("Tanggal selesai menjabat tidak boleh sebelum tanggal mulai.")
            )
        return data


class InovasiBaris(_Baris):
    nama = forms.CharField(label=_("Nama inovasi"), max_length=200)
    tahun_mulai = forms.IntegerField(label=_("Tahun mulai"), min_value=1945, max_value=2100, required=False)
    dasar_penetapan = forms.CharField(label=_("Dasar penetapan"), max_length=200, required=False)
    uraian = forms.CharField(
        label=_("Uraian"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    hasil = forms.CharField(
        label=_("Hasil atau manfaat"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    tautan = forms.URLField(label=_("Tautan"), max_length=200, required=False, assume_scheme="https")


class PenghargaanBaris(_Baris):
    nama = forms.CharField(label=_("Penghargaan"), max_length=200)
    pemberi = forms.CharField(label=_("Pemberi"), max_length=200, required=False)
    tingkat = forms.CharField(label=_("Tingkat"), max_length=60, required=False)
    tanggal = forms.DateField(label=_("Tanggal"), required=False, widget=TanggalInput())


class OrganisasiBaris(_Baris):
    kode = forms.SlugField(label=_("Kode"), max_length=60, help_text=_("mis. sekcam"))
    nama = forms.CharField(label=_("Unit/jabatan"), max_length=200)
    induk = forms.ModelChoiceField(label=_("Atasan"), queryset=None, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["induk"].queryset = self.profil.organisasi.all()


class _Kumpulan(KumpulanBaris):
    def __init__(self, *args, profil: ProfilKecamatan, **kwargs) -> None:
        self.profil = profil
        super().__init__(*args, form_kwargs={"profil": profil}, **kwargs)

    def clean(self) -> None:
        if any(self.errors):
            return
        if self.form.__name__ == "PejabatBaris":
            kepala = [
                f for f in self.forms if f.cleaned_data.get("kepala") and not f.cleaned_data.get("DELETE")
            ]
            if len(kepala) > 1:
                raise forms.ValidationError(_("Hanya satu pejabat yang menandatangani LKIP."))


def _kumpulan(kelas: type[_Baris]) -> type[_Kumpulan]:
    return forms.formset_factory(kelas, formset=_Kumpulan, extra=2, can_delete=True)


TABEL = {
    "desa": (_("Desa dan kelurahan"), _kumpulan(DesaBaris)),
    "pegawai": (_("Komposisi pegawai"), _kumpulan(PegawaiBaris)),
    "rincian_pegawai": (_("Pegawai menurut pangkat dan pendidikan"), _kumpulan(RincianPegawaiBaris)),
    "sarana": (_("Sarana dan prasarana"), _kumpulan(SaranaBaris)),
    "pejabat": (_("Pejabat"), _kumpulan(PejabatBaris)),
    "organisasi": (_("Susunan organisasi"), _kumpulan(OrganisasiBaris)),
    "inovasi": (_("Inovasi"), _kumpulan(InovasiBaris)),
    "penghargaan": (_("Penghargaan"), _kumpulan(PenghargaanBaris)),
}


def awal(profil: ProfilKecamatan, jenis: str) -> list[dict]:
    """The table's rows as initial data of its formset."""
    kelas = TABEL[jenis][1].form
    kolom = [n for n in kelas.base_fields if n != "id"]
    rows = getattr(profil, jenis).all()
    return [{"id": r.pk, **{n: getattr(r, n) for n in kolom}} for r in rows]


def tampilan(profil: ProfilKecamatan, jenis: str) -> dict:
    """The table as stored, as text to read: column labels and one row of values per row."""
    kelas = TABEL[jenis][1].form
    kolom = [(n, f) for n, f in kelas.base_fields.items() if n != "id"]
    baris = []
    for r in getattr(profil, jenis).all():
        isi = []
        for nama, field in kolom:
            nilai = getattr(r, nama)
            if isinstance(field, forms.BooleanField):
                isi.append(str(_("ya") if nilai else ""))
            elif isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
                isi.append(str(dict(field.choices).get(nilai, nilai)))
            else:
                isi.append("–" if nilai is None or nilai == "" else str(nilai))
        baris.append(isi)
    return {"kolom": [str(f.label) for _n, f in kolom], "baris": baris}
