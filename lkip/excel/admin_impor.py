"""The admin's import and export of reference data (django-import-export), behind the guard.

Every upload passes the workbook import's guard (``aman``) twice before tablib or openpyxl
parses a byte of it: in the import form (so a refused file is a message beside the file field
and nothing is stored) and again in the format's ``create_dataset``, which is what the confirm
step reads the stored file through. Two formats only, xlsx and CSV, written like every other
export of the system (``umum.lembar``: numbers as numbers, formula-looking text kept as text).

The import is all or nothing: the preview is a dry run in a transaction that is rolled back,
the confirm runs in one transaction that is rolled back on any row error or validation error,
and each history record carries the importing user and the reason «impor admin».
"""

import contextlib
import csv
import io
import os
import re
import secrets
import warnings
from datetime import date, datetime
from decimal import Decimal

import tablib
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_permission_codename
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import widgets
from import_export.admin import ImportExportMixin
from import_export.formats import base_formats
from import_export.forms import ConfirmImportForm, ExportForm, ImportForm
from import_export.results import RowResult
from import_export.tmp_storages import TempFolderStorage
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

from lkip.excel.aman import BerkasDitolak, periksa_berkas_csv, periksa_berkas_xlsx
from umum import lembar
from umum.angka import AngkaTidakValid, Batas, parse_angka, periksa_batas
from umum.kolom import batas_kolom
from umum.riwayat import perubahan_oleh
from umum.unggahan import folder_unggahan_admin

#: The history's reason for every record an admin import writes.
ALASAN_IMPOR = "impor admin"


# --- Formats --------------------------------------------------------------------------------


class XlsxAman(base_formats.XLSX):
    """xlsx read through the guard (first sheet, first row the headers) and written with
    ``umum.lembar``."""

    def periksa(self, berkas) -> None:
        periksa_berkas_xlsx(berkas)

    def create_dataset(self, in_stream) -> tablib.Dataset:
        berkas = periksa_berkas_xlsx(in_stream)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about data validation it does not read
            buku = load_workbook(io.BytesIO(berkas.isi), read_only=True, data_only=True)
            rumus = (
                load_workbook(io.BytesIO(berkas.isi), read_only=True, data_only=False)
                if berkas.bagian_rumus
                else None
            )
        try:
            lembar_data = buku.worksheets[0]
            baris_rumus = rumus.worksheets[0].iter_rows(values_only=True) if rumus else None
            return _dataset(lembar_data.iter_rows(values_only=True), baris_rumus, lembar_data.title)
        finally:
            buku.close()
            if rumus is not None:
                rumus.close()

    def export_data(self, dataset: tablib.Dataset, **kwargs) -> bytes:
        buku = Workbook()
        ws = buku.active
        ws.title = (dataset.title or "Data")[:31]
        lembar.tulis_judul(ws, list(dataset.headers or []), lebar=[24] * len(dataset.headers or []))
        for baris in dataset:
            lembar.tulis_baris(ws, list(baris))
        keluaran = io.BytesIO()
        buku.save(keluaran)
        return keluaran.getvalue()


def _dataset(baris_data, baris_rumus, judul_lembar: str) -> tablib.Dataset:
    """Rows of the first sheet as a dataset: blank rows dropped, at most the row limit, and a
    formula saved without its value (a file written by a program) refused by cell."""
    maks = settings.LKIP_IMPOR_BARIS_MAKS
    dataset = tablib.Dataset(title=judul_lembar)
    judul = None
    jumlah = 0
    for nomor, nilai in enumerate(baris_data, start=1):
        rumus = next(baris_rumus, ()) if baris_rumus is not None else ()
        for kolom, teks in enumerate(rumus):
            if (
                isinstance(teks, str)
                and teks.startswith("=")
                and (kolom >= len(nilai) or nilai[kolom] is None)
            ):
                raise BerkasDitolak(
                    _(
                        "Sel %(sel)s berisi rumus tanpa nilai tersimpan (berkas dibuat program, belum "
                        "dibuka di Excel). Ketik nilainya, atau buka dan simpan berkas di Excel."
                    )
                    % {"sel": f"{get_column_letter(kolom + 1)}{nomor}"}
                )
        if judul is None:
            judul = [("" if j is None else str(j).strip()) for j in nilai]
            while judul and not judul[-1]:
                judul.pop()
            if not judul:
                raise BerkasDitolak(_("Baris pertama lembar pertama harus berisi judul kolom."))
            dataset.headers = judul
            continue
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in nilai):
            continue
        jumlah += 1
        if jumlah > maks:
            raise BerkasDitolak(
                _("Lembar pertama berisi lebih dari %(maks)s baris data, jadi berkas tidak dibaca.")
                % {"maks": maks}
            )
        baris = list(nilai[: len(judul)])
        dataset.append(baris + [None] * (len(judul) - len(baris)))
    if judul is None:
        raise BerkasDitolak(_("Lembar pertama kosong: tidak ada judul kolom maupun data."))
    if not jumlah:
        raise BerkasDitolak(_("Berkas tidak berisi baris data di bawah judul kolom."))
    return dataset


class CsvAman(base_formats.CSV):
    """CSV read through the guard (UTF-8, ``;`` or ``,`` between fields, as an Indonesian
    Excel writes it) and written like the system's other CSV exports (``umum.lembar.csv_teks``:
    ``;``, decimal comma, a leading apostrophe before formula-looking text, which the import
    takes off again)."""

    def is_binary(self) -> bool:  # decoded here, behind the guard, not by the temp storage
        return True

    def get_read_mode(self) -> str:
        return "rb"

    def periksa(self, berkas) -> None:
        periksa_berkas_csv(berkas)

    def create_dataset(self, in_stream) -> tablib.Dataset:
        teks = periksa_berkas_csv(in_stream)
        baris_pertama = teks.split("\n", 1)[0]
        pemisah = ";" if baris_pertama.count(";") >= baris_pertama.count(",") else ","
        try:
            return _dataset(
                ([_tanpa_apostrof(v) for v in b] for b in csv.reader(io.StringIO(teks), delimiter=pemisah)),
                None,
                "CSV",
            )
        except csv.Error as exc:
            raise BerkasDitolak(
                _("Berkas CSV ini rusak (%(sebab)s); simpan ulang sebagai «CSV UTF-8».") % {"sebab": exc}
            ) from exc

    def export_data(self, dataset: tablib.Dataset, **kwargs) -> bytes:
        return lembar.csv_teks([list(dataset.headers or []), *dataset]).encode("utf-8")


def _tanpa_apostrof(nilai: str) -> str | None:
    nilai = nilai.strip()
    if not nilai:
        return None
    if nilai.startswith("'") and lembar.perlu_dilindungi(nilai[1:]):
        return nilai[1:]
    return nilai


FORMAT_ADMIN = [XlsxAman, CsvAman]


# --- Widgets: what a cell holds, read the way the forms read it --------------------------------


class TeksWidget(widgets.CharWidget):
    """Text with surrounding spaces removed; a whole number typed in a text column (a NIP an
    Excel cell turned numeric) is read back as its digits."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            value = format(value, "f") if isinstance(value, Decimal) else str(value)
        return super().clean(value, row, **kwargs).strip()


class AngkaWidget(widgets.Widget):
    """A number: numeric cells, or text as the forms read it (``97,5``, ``1.234.567,89``,
    ``97.5``; ``1.234`` refused as ambiguous), checked against its column; ``Decimal``, never
    through ``float`` arithmetic."""

    def __init__(self, batas: Batas, **kwargs) -> None:
        self.batas = batas
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        try:
            if isinstance(value, bool):
                raise AngkaTidakValid(_("«%(nilai)s» bukan angka.") % {"nilai": value})
            if isinstance(value, str):
                angka = parse_angka(value, self.batas)
            elif isinstance(value, float):
                angka = periksa_batas(Decimal(repr(value)), self.batas)
            elif isinstance(value, (int, Decimal)):
                angka = periksa_batas(Decimal(value), self.batas)
            else:
                raise AngkaTidakValid(_("«%(nilai)s» bukan angka.") % {"nilai": value})
        except AngkaTidakValid as exc:
            raise ValueError(str(exc)) from exc
        if self.batas.desimal == 0:
            return int(angka)
        # Exact (the check above allows no more places), and shown as the database keeps it.
        return angka.quantize(Decimal(1).scaleb(-self.batas.desimal))

    def render(self, value, obj=None, **kwargs):
        return value


class YaTidakWidget(widgets.Widget):
    """Ya/Tidak (also 1/0, true/false); an empty cell is Tidak."""

    YA = {"ya", "y", "true", "1", "benar"}
    TIDAK = {"tidak", "t", "false", "0", "salah", ""}

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, bool):
            return value
        teks = "" if value is None else str(value).strip().lower()
        if teks.endswith(".0"):
            teks = teks[:-2]
        if teks in self.YA:
            return True
        if teks in self.TIDAK:
            return False
        raise ValueError(_("«%(nilai)s»: isi Ya atau Tidak.") % {"nilai": value})

    def render(self, value, obj=None, **kwargs):
        return value


class TanggalWidget(widgets.Widget):
    """A date cell, or text ``31/12/2024`` or ``2024-12-31``."""

    def clean(self, value, row=None, **kwargs):
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        teks = str(value).strip()
        for pola in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y"):
            try:
                return datetime.strptime(teks, pola).date()
            except ValueError:
                continue
        raise ValueError(_("«%(nilai)s» bukan tanggal; tulis misalnya 31/12/2024.") % {"nilai": teks})

    def render(self, value, obj=None, **kwargs):
        return value


class KunciWidget(widgets.ForeignKeyWidget):
    """A foreign key by the related row's natural key (kode, slug), with a message when the
    key names nothing."""

    def clean(self, value, row=None, **kwargs):
        teks = "" if value is None else str(value).strip()
        if not teks:
            return None
        try:
            return self.get_queryset(teks, row).get(**{self.field: teks})
        except self.model.DoesNotExist as exc:
            raise ValueError(
                _("%(model)s dengan kode «%(kode)s» tidak ada.")
                % {"model": str(self.model._meta.verbose_name).capitalize(), "kode": teks}
            ) from exc


def widget_kolom(model: type[models.Model], nama: str) -> widgets.Widget:
    """The widget that reads a column as its model field wants it."""
    kolom = model._meta.get_field(nama)
    if isinstance(kolom, models.BooleanField):
        return YaTidakWidget()
    if isinstance(kolom, (models.DecimalField, models.IntegerField)):
        return AngkaWidget(batas_kolom(kolom))
    if isinstance(kolom, models.DateField):
        return TanggalWidget()
    return TeksWidget()


# --- The admin --------------------------------------------------------------------------------


class FormImpor(ImportForm):
    """The upload step: the guard runs here, before the file is stored or parsed."""

    def __init__(self, formats, resources, **kwargs) -> None:
        super().__init__(formats, resources, **kwargs)
        self.formats = formats
        self.fields["import_file"].label = gettext_lazy("Berkas yang diimpor")
        self.fields["import_file"].help_text = gettext_lazy(
            "xlsx (lembar pertama, baris pertama judul kolom) atau CSV UTF-8; judul kolom seperti "
            "pada hasil ekspor."
        )
        self.fields["format"].label = gettext_lazy("Format")

    def clean(self):
        data = super().clean()
        berkas, urutan = data.get("import_file"), data.get("format")
        if berkas is None or urutan in (None, ""):
            return data
        try:
            self.formats[int(urutan)]().periksa(berkas)
        except BerkasDitolak as exc:
            self.add_error("import_file", str(exc))
        finally:
            berkas.seek(0)
        return data


class SimpananImpor(TempFolderStorage):
    """The upload kept between the preview and the confirm: in its own folder of the media
    folder (shared by every web process, pruned by ``pangkas_lkip``), under a random hex name,
    so the confirm form can name nothing else."""

    def get_full_path(self) -> str:
        return str(folder_unggahan_admin() / self.name)

    def save(self, data: bytes) -> None:
        self.name = self.name or secrets.token_hex(16)
        with open(self.get_full_path(), "wb") as berkas:
            berkas.write(data)

    def read(self) -> bytes:
        with open(self.get_full_path(), "rb") as berkas:
            return berkas.read()

    def remove(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            os.remove(self.get_full_path())


_NAMA_SIMPANAN = re.compile(r"[0-9a-f]{32}")


class FormKonfirmasi(ConfirmImportForm):
    def clean_import_file_name(self) -> str:
        nama = super().clean_import_file_name()
        if not _NAMA_SIMPANAN.fullmatch(nama):
            raise forms.ValidationError(_("Berkas impor tidak dikenal; unggah lagi."))
        return nama


class ImporEksporAdmin(ImportExportMixin):
    """Mixed into a ``ModelAdmin`` in front of its own class: import and export of the model's
    resource, xlsx and CSV, guarded, atomic, in the history, for those allowed to write it."""

    formats = FORMAT_ADMIN
    import_form_class = FormImpor
    confirm_form_class = FormKonfirmasi
    tmp_storage_class = SimpananImpor
    # Every column, always: a file exported here is a file that can be imported again.
    export_form_class = ExportForm
    import_template_name = "admin/import_export/import.html"

    def has_import_permission(self, request: HttpRequest) -> bool:
        """Staff who may both add and change the model (superusers may)."""
        user = request.user
        if not (user.is_active and user.is_staff):
            return False
        opts = self.opts
        return all(
            user.has_perm(f"{opts.app_label}.{get_permission_codename(aksi, opts)}")
            for aksi in ("add", "change")
        )

    def has_export_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return bool(user.is_active and user.is_staff and self.has_view_permission(request))

    def add_data_read_fail_error_to_form(self, form, e) -> None:
        if isinstance(e, BerkasDitolak):
            form.add_error("import_file", str(e))
        else:
            form.add_error(
                "import_file",
                _(
                    "Berkas tidak dapat dibaca sebagai format yang dipilih; periksa formatnya lalu unggah lagi."
                ),
            )

    def process_import(self, request: HttpRequest, **kwargs):
        """The confirm step; a file the guard refuses now (the stored copy is read again) is
        a message on the import page, never a 500."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        konfirmasi = self.create_confirm_form(request)
        if not konfirmasi.is_valid():
            messages.error(request, " ".join(p for daftar in konfirmasi.errors.values() for p in daftar))
            return self._ke_halaman_impor()
        try:
            return super().process_import(request, **kwargs)
        except BerkasDitolak as exc:
            SimpananImpor(name=konfirmasi.cleaned_data["import_file_name"]).remove()
            messages.error(request, str(exc))
            return self._ke_halaman_impor()

    def process_dataset(self, dataset, form, request, **kwargs):
        # The confirm writes all rows or none: a row that became invalid since the preview
        # (someone saved in between) rolls the whole import back.
        kwargs.setdefault("rollback_on_validation_errors", True)
        with perubahan_oleh(ALASAN_IMPOR, request.user):
            return super().process_dataset(dataset, form, request, **kwargs)

    def process_result(self, result, request: HttpRequest):
        if result.has_errors() or result.has_validation_errors():
            pesan = [_("Impor dibatalkan; tidak ada data yang disimpan.")]
            pesan += [str(e.error) for e in result.base_errors]
            pesan += [
                _("Baris %(baris)s: %(pesan)s") % {"baris": r.number, "pesan": "; ".join(_pesan_baris(r))}
                for r in result.invalid_rows
            ]
            pesan += [
                _("Baris %(baris)s: %(pesan)s") % {"baris": nomor, "pesan": galat[0].error}
                for nomor, galat in result.row_errors()
            ]
            messages.error(request, " ".join(pesan))
            return self._ke_halaman_impor()
        return super().process_result(result, request)

    def _ke_halaman_impor(self) -> HttpResponseRedirect:
        app_label, model_name = self.get_model_info()
        return HttpResponseRedirect(reverse(f"admin:{app_label}_{model_name}_import"))

    def add_success_message(self, result, request: HttpRequest) -> None:
        total = result.totals
        messages.success(
            request,
            _("Impor selesai: %(baru)s baru, %(ubah)s diubah, %(tetap)s tidak berubah (%(model)s).")
            % {
                "baru": total[RowResult.IMPORT_TYPE_NEW],
                "ubah": total[RowResult.IMPORT_TYPE_UPDATE],
                "tetap": total[RowResult.IMPORT_TYPE_SKIP],
                "model": self.opts.verbose_name_plural,
            },
        )

    def get_export_data(self, file_format, request: HttpRequest, queryset, **kwargs):
        """Native values for both formats: the format writes them (``umum.lembar``)."""
        if not self.has_export_permission(request):
            raise PermissionDenied
        data = self.get_data_for_export(request, queryset, force_native_type=True, **kwargs)
        return file_format.export_data(data)


def _pesan_baris(baris) -> list[str]:
    pesan = [f"{kolom}: {' '.join(daftar)}" for kolom, daftar in baris.field_specific_errors.items()]
    return pesan + [str(p) for p in baris.non_field_specific_errors]
