from django.contrib import admin

from anggaran.models import (
    Dokumentasi,
    IndikatorKegiatan,
    IndikatorProgram,
    Kegiatan,
    Keluaran,
    Program,
    SubKegiatan,
)
from kecamatan.admin import KunciTahunAdmin
from umum.urutan import kolom_kode


class KegiatanInline(admin.TabularInline):
    model = Kegiatan
    extra = 0


class IndikatorProgramInline(admin.TabularInline):
    model = IndikatorProgram
    extra = 0
    fields = ["urutan", "uraian", "satuan", "target", "realisasi"]


class IndikatorKegiatanInline(admin.TabularInline):
    model = IndikatorKegiatan
    extra = 0
    fields = ["urutan", "uraian", "satuan", "target", "realisasi"]


@admin.register(Program)
class ProgramAdmin(KunciTahunAdmin):
    list_display = [kolom_kode, "nama", "kecamatan", "tahun"]
    list_filter = ["kecamatan", "tahun"]
    inlines = [IndikatorProgramInline, KegiatanInline]


class SubKegiatanInline(admin.TabularInline):
    model = SubKegiatan
    extra = 0


@admin.register(Kegiatan)
class KegiatanAdmin(KunciTahunAdmin):
    jalur_kunci = ("program.kecamatan_id", "program.tahun")
    list_display = [kolom_kode, "nama", "program"]
    list_filter = ["program__kecamatan", "program__tahun"]
    list_select_related = ["program"]
    inlines = [IndikatorKegiatanInline, SubKegiatanInline]


class KeluaranInline(admin.TabularInline):
    model = Keluaran
    extra = 0


@admin.register(SubKegiatan)
class SubKegiatanAdmin(KunciTahunAdmin):
    jalur_kunci = ("kegiatan.program.kecamatan_id", "kegiatan.program.tahun")
    list_display = [kolom_kode, "nama", "pagu", "realisasi", "sasaran", "jenis_belanja"]
    list_filter = ["kegiatan__program__kecamatan", "kegiatan__program__tahun", "jenis_belanja"]
    list_select_related = ["sasaran"]
    inlines = [KeluaranInline]


@admin.register(Keluaran)
class KeluaranAdmin(KunciTahunAdmin):
    jalur_kunci = ("sub_kegiatan.kegiatan.program.kecamatan_id", "sub_kegiatan.kegiatan.program.tahun")
    list_display = ["uraian", "satuan", "target", "realisasi", "sub_kegiatan"]


@admin.register(IndikatorProgram)
class IndikatorProgramAdmin(KunciTahunAdmin):
    jalur_kunci = ("program.kecamatan_id", "program.tahun")
    list_display = ["uraian", "satuan", "target", "realisasi", "program"]
    list_filter = ["program__kecamatan", "program__tahun"]
    list_select_related = ["program"]


@admin.register(IndikatorKegiatan)
class IndikatorKegiatanAdmin(KunciTahunAdmin):
    jalur_kunci = ("kegiatan.program.kecamatan_id", "kegiatan.program.tahun")
    list_display = ["uraian", "satuan", "target", "realisasi", "kegiatan"]
    list_filter = ["kegiatan__program__kecamatan", "kegiatan__program__tahun"]
    list_select_related = ["kegiatan"]


@admin.register(Dokumentasi)
class DokumentasiAdmin(KunciTahunAdmin):
    """Captions and the report mark are corrected here; a photo is added on the Dokumentasi page,
    where its bytes are checked and re-encoded, so the admin neither adds one nor swaps its file."""

    jalur_kunci = ("program.kecamatan_id", "program.tahun")
    list_display = ["keterangan", "program", "tampilkan_di_laporan", "diunggah"]
    list_filter = ["program__kecamatan", "program__tahun", "tampilkan_di_laporan"]
    list_select_related = ["program"]
    readonly_fields = [
        "program",
        "kegiatan",
        "sub_kegiatan",
        "berkas",
        "sidik",
        "lebar",
        "tinggi",
        "diunggah",
    ]

    def has_add_permission(self, request) -> bool:
        return False
