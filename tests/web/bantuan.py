"""Helpers for the web tests: users of each role, the seed kecamatan's ids, evidence files."""

from django.core.files.uploadedfile import SimpleUploadedFile

from capaian.models import Bukti, Realisasi
from kecamatan.models import Kecamatan
from lkip.accounts.models import Peran, User
from perencanaan.models import PerjanjianKinerja

SANDI = "sandi-uji-yang-panjang-2026"
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pengguna(peran: Peran, kecamatan: str | None = None, nama: str | None = None) -> User:
    user = User(
        username=nama or f"{peran}-{kecamatan or 'kab'}",
        peran=peran,
        kecamatan=Kecamatan.objects.get(slug=kecamatan) if kecamatan else None,
        is_staff=peran == Peran.ADMIN,
        is_superuser=peran == Peran.ADMIN,
    )
    user.set_password(SANDI)
    user.full_clean()
    user.save()
    return user


def indikator_pk(slug: str, tahun: int):
    """The indicators of the kecamatan's PK in force, in PK order."""
    perjanjian = PerjanjianKinerja.objects.berlaku(Kecamatan.objects.get(slug=slug), tahun)
    return [t.indikator for t in perjanjian.target.select_related("indikator").order_by("urutan")]


def bukti_berkas(indikator, tahun: int, nama: str = "bukti.pdf") -> Bukti:
    realisasi, _ = Realisasi.objects.get_or_create(indikator=indikator, tahun=tahun)
    return Bukti.objects.create(
        realisasi=realisasi, berkas=SimpleUploadedFile(nama, PDF, "application/pdf"), keterangan="Laporan"
    )
