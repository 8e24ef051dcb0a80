"""Helpers for the web tests: users of each role, the seed kecamatan's ids, evidence files."""

import io
from html.parser import HTMLParser

from django.core.files.uploadedfile import SimpleUploadedFile

from anggaran.models import Dokumentasi
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


def gambar(lebar: int = 640, tinggi: int = 480, format: str = "JPEG", warna=(40, 120, 200)) -> bytes:
    """An image made here with Pillow (no binary fixture): a plain colour with a darker band."""
    from PIL import Image, ImageDraw

    mode = "RGBA" if format == "PNG" and len(warna) == 4 else "RGB"
    img = Image.new(mode, (lebar, tinggi), warna)
    ImageDraw.Draw(img).rectangle([0, tinggi // 3, lebar, tinggi // 2], fill=(20, 20, 20))
    keluaran = io.BytesIO()
    img.save(keluaran, format=format)
    return keluaran.getvalue()


def foto_dokumentasi(program, keterangan: str = "Rapat koordinasi", isi: bytes | None = None) -> Dokumentasi:
    """A documentation photo on the program, through the service (checked, re-encoded, stored)."""
    from anggaran.services import dokumentasi_create

    return dokumentasi_create(
        kecamatan=program.kecamatan,
        tahun=program.tahun,
        bagian=f"program:{program.pk}",
        foto=isi or gambar(),
        keterangan=keterangan,
        tampilkan_di_laporan=True,
    )


class _IsianForm(HTMLParser):
    """Collects what a browser would send for the first ``<form>`` whose action matches."""

    def __init__(self, action: str | None) -> None:
        super().__init__()
        self.action, self.di_form, self.selesai = action, False, False
        self.isian: list[tuple[str, str]] = []
        self._pilih: tuple[str, list[tuple[str, bool]]] | None = None
        self._teks: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and not self.selesai and (self.action is None or a.get("action", "") == self.action):
            self.di_form = True
        if not self.di_form:
            return
        if tag == "input" and "name" in a and "disabled" not in a:
            jenis = a.get("type", "text")
            if jenis in ("checkbox", "radio"):
                if "checked" in a:
                    self.isian.append((a["name"], a.get("value", "on")))
            elif jenis not in ("submit", "button", "file"):
                self.isian.append((a["name"], a.get("value", "")))
        elif tag == "select" and "name" in a:
            self._pilih = (a["name"], [])
        elif tag == "option" and self._pilih is not None:
            self._pilih[1].append((a.get("value", ""), "selected" in a))
        elif tag == "textarea" and "name" in a:
            self._teks = (a["name"], [])

    def handle_data(self, data):
        if self._teks is not None:
            self._teks[1].append(data)

    def handle_endtag(self, tag):
        if tag == "select" and self._pilih is not None:
            nama, opsi = self._pilih
            dipilih = [v for v, s in opsi if s] or [v for v, _ in opsi[:1]]
            self.isian += [(nama, v) for v in dipilih]
            self._pilih = None
        elif tag == "textarea" and self._teks is not None:
            # A browser drops the one newline right after <textarea>.
            self.isian.append((self._teks[0], "".join(self._teks[1]).removeprefix("\n")))
            self._teks = None
        elif tag == "form" and self.di_form:
            self.di_form, self.selesai = False, True


def kiriman_browser(html: str, action: str | None = None) -> dict[str, str]:
    """The fields a browser submits for a form of the page, untouched: extra rows included,
    each select on its first option unless another is selected."""
    pengurai = _IsianForm(action)
    pengurai.feed(html)
    return dict(pengurai.isian)
