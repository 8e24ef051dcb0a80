"""Test data factories (the seed kecamatan come from fixtures; anything else from here)."""

from decimal import Decimal

import factory

from anggaran.models import IndikatorKegiatan, IndikatorProgram, Kegiatan, Keluaran, Program, SubKegiatan
from capaian.models import Realisasi, RealisasiTriwulan
from kecamatan.models import Kecamatan, ProfilKecamatan
from perencanaan.models import (
    Indikator,
    PerjanjianKinerja,
    Renstra,
    Sasaran,
    TargetPerjanjian,
    TargetRenstra,
    Tujuan,
)


class KecamatanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Kecamatan
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"uji-{n}")
    nama = factory.Sequence(lambda n: f"Uji {n}")


class ProfilFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProfilKecamatan

    kecamatan = factory.SubFactory(KecamatanFactory)
    tahun = 2024


class RenstraFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Renstra

    kecamatan = factory.SubFactory(KecamatanFactory)
    tahun_awal = 2021
    tahun_akhir = 2026
    berlaku_mulai = 2021


class TujuanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tujuan

    renstra = factory.SubFactory(RenstraFactory)
    kode = factory.Sequence(lambda n: f"T{n}")
    uraian = "Meningkatnya kualitas pelayanan publik"


class SasaranFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sasaran

    tujuan = factory.SubFactory(TujuanFactory)
    renstra = factory.SelfAttribute("tujuan.renstra")
    kode = factory.Sequence(lambda n: f"S{n}")
    nomor = factory.Sequence(lambda n: n + 1)
    uraian = "Meningkatnya kepuasan masyarakat"


class IndikatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indikator

    sasaran = factory.SubFactory(SasaranFactory)
    kode = factory.Sequence(lambda n: f"I{n}")
    uraian = "Indeks Kepuasan Masyarakat"
    satuan = "indeks"


class TargetRenstraFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TargetRenstra

    indikator = factory.SubFactory(IndikatorFactory)
    tahun = 2024
    angka = Decimal("90")


class PerjanjianFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PerjanjianKinerja

    kecamatan = factory.SubFactory(KecamatanFactory)
    tahun = 2024
    pihak_pertama_nama = "Camat Uji"
    pihak_pertama_jabatan = "Camat"
    pihak_kedua_nama = "Bupati Uji"
    pihak_kedua_jabatan = "Bupati Jember"


class TargetPerjanjianFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TargetPerjanjian

    perjanjian = factory.SubFactory(PerjanjianFactory)
    indikator = factory.SubFactory(IndikatorFactory)
    angka = Decimal("90")


class RealisasiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Realisasi

    indikator = factory.SubFactory(IndikatorFactory)
    tahun = 2024
    angka = Decimal("86")
    status = Realisasi.Status.TERISI


class RealisasiTriwulanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RealisasiTriwulan

    realisasi = factory.SubFactory(RealisasiFactory)
    triwulan = 1
    angka = Decimal("20")


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Program

    kecamatan = factory.SubFactory(KecamatanFactory)
    tahun = 2024
    kode = factory.Sequence(lambda n: f"P{n}")
    nama = "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"


class KegiatanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Kegiatan

    program = factory.SubFactory(ProgramFactory)
    kode = factory.Sequence(lambda n: f"K{n}")
    nama = "Administrasi Keuangan Perangkat Daerah"


class SubKegiatanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SubKegiatan

    kegiatan = factory.SubFactory(KegiatanFactory)
    kode = factory.Sequence(lambda n: f"SK{n}")
    nama = "Penyediaan Gaji dan Tunjangan ASN"
    pagu = Decimal("1000000")
    realisasi = Decimal("900000")


class KeluaranFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Keluaran

    sub_kegiatan = factory.SubFactory(SubKegiatanFactory)
    uraian = factory.Sequence(lambda n: f"Jumlah dokumen {n}")
    satuan = "dokumen"
    target = Decimal("12")
    realisasi = Decimal("12")


class IndikatorProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndikatorProgram

    program = factory.SubFactory(ProgramFactory)
    uraian = factory.Sequence(lambda n: f"Persentase realisasi anggaran {n}")
    satuan = "%"
    target = Decimal("100")


class IndikatorKegiatanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndikatorKegiatan

    kegiatan = factory.SubFactory(KegiatanFactory)
    uraian = factory.Sequence(lambda n: f"Jumlah laporan {n}")
    satuan = "laporan"
    target = Decimal("12")


def kecamatan_besar(*, slug: str, indikator: int, sub_kegiatan: int):
    """A kecamatan with ``indikator`` scored indicators and ``sub_kegiatan`` budget rows, to show
    that query counts do not grow with the data."""
    kecamatan = KecamatanFactory(slug=slug)
    ProfilFactory(kecamatan=kecamatan)
    renstra = RenstraFactory(kecamatan=kecamatan)
    tujuan = TujuanFactory(renstra=renstra)
    perjanjian = PerjanjianFactory(kecamatan=kecamatan)
    semua_sasaran = []
    for i in range(indikator):
        sasaran = SasaranFactory(tujuan=tujuan, renstra=renstra, nomor=i + 1)
        semua_sasaran.append(sasaran)
        ind = IndikatorFactory(sasaran=sasaran)
        for tahun in renstra.tahun_periode:
            TargetRenstraFactory(indikator=ind, tahun=tahun)
        TargetPerjanjianFactory(perjanjian=perjanjian, indikator=ind, urutan=i)
        realisasi = RealisasiFactory(indikator=ind)
        RealisasiFactory(indikator=ind, tahun=2023)
        RealisasiTriwulanFactory(realisasi=realisasi, triwulan=1)
    program = ProgramFactory(kecamatan=kecamatan)
    IndikatorProgramFactory(program=program)
    for i in range(sub_kegiatan):
        if i % 3 == 0:
            kegiatan = KegiatanFactory(program=program)
            IndikatorKegiatanFactory(kegiatan=kegiatan)
        sub = SubKegiatanFactory(kegiatan=kegiatan, sasaran=semua_sasaran[i % len(semua_sasaran)])
        KeluaranFactory(sub_kegiatan=sub)
    return kecamatan


def catatan_di_setiap_tempat(*, kecamatan, tahun: int = 2024) -> int:
    """A reviewer's note, with a reply by the kecamatan, on the year, every prose section, every
    indicator, evidence and budget row of the kecamatan's year (through the services, so every
    rule holds): the pages that show notes must not grow with them. Returns how many."""
    from anggaran.models import Kegiatan, Program, SubKegiatan
    from capaian.models import Bukti
    from lkip.accounts.models import Peran, User
    from lkip.laporan.models import BagianNarasi
    from perencanaan.models import Indikator
    from reviu import services

    peninjau = User.objects.create(username=f"peninjau-{kecamatan.slug}", peran=Peran.INSPEKTORAT)
    operator = User.objects.create(
        username=f"penjawab-{kecamatan.slug}", peran=Peran.OPERATOR, kecamatan=kecamatan
    )
    tempat = [("tahun", "", None)] + [("bagian", b.value, None) for b in BagianNarasi]
    baris = {
        "indikator": Indikator.objects.filter(sasaran__renstra__kecamatan=kecamatan),
        "program": Program.objects.filter(kecamatan=kecamatan, tahun=tahun),
        "kegiatan": Kegiatan.objects.filter(program__kecamatan=kecamatan, program__tahun=tahun),
        "sub_kegiatan": SubKegiatan.objects.for_kecamatan_tahun(kecamatan.pk, tahun),
        "bukti": Bukti.objects.filter(
            realisasi__tahun=tahun, realisasi__indikator__sasaran__renstra__kecamatan=kecamatan
        ),
    }
    tempat += [(jenis, "", pk) for jenis, qs in baris.items() for pk in qs.values_list("pk", flat=True)]
    for jenis, bagian, target_id in tempat:
        catatan = services.catatan_create(
            kecamatan=kecamatan, tahun=tahun, oleh=peninjau, jenis=jenis, bagian=bagian, target_id=target_id,
            isi=f"Periksa {jenis} {bagian or target_id or ''}.",
        )  # fmt: skip
        services.catatan_balas(catatan=catatan, oleh=operator, isi="Sudah kami perbaiki.")
    return len(tempat)
