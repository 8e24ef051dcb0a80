"""Profile, Perjanjian Kinerja and budget pages of a kecamatan's year."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from anggaran import services as anggaran_services
from anggaran.selectors import baris_anggaran, pohon_anggaran
from kecamatan import services as kecamatan_services
from kecamatan.models import ProfilKecamatan
from lkip.laporan.models import BagianNarasi, NarasiLaporan
from lkip.laporan.narasi_bawaan import teks_bawaan
from lkip.laporan.sumber import bawaan_profil as sumber_bawaan_profil
from lkip.web import forms_profil
from lkip.web import services as web_services
from lkip.web.akses import Ruang, lingkup_kecamatan
from lkip.web.forms_data import (
    AnggaranForm,
    IndikatorAnggaranKumpulan,
    NarasiForm,
    PerjanjianForm,
    ProfilForm,
    awal_indikator_anggaran,
)
from lkip.web.konfirmasi import halaman_konfirmasi, is_dikonfirmasi, langkah_hapus
from lkip.web.reviu import PanelCatatan, panel_catatan
from lkip.web.selectors import halaman_perjanjian
from perencanaan import services as perencanaan_services
from perencanaan.models import PerjanjianKinerja
from umum.versi import DataKedaluwarsa, versi_objek


@require_http_methods(["GET", "POST"])
@lingkup_kecamatan
def profil(request: HttpRequest, ruang: Ruang) -> HttpResponse:
    lama = ProfilKecamatan.objects.filter(kecamatan=ruang.kecamatan, tahun=ruang.tahun).first()
    tersimpan = ProfilForm(initial=ProfilForm.awal(lama, versi_objek(lama)))
    bawaan = sumber_bawaan_profil(f"Kecamatan {ruang.kecamatan.nama}", ruang.tahun)
    tersimpan.tampilkan_bawaan(bawaan)
    if request.method == "POST":
        ruang.wajib_ubah()
        form = ProfilForm(tersimpan.terapkan_pilihan(request.POST))
        form.tampilkan_bawaan(bawaan)
        if form.is_valid():
            try:
                kecamatan_services.profil_update(
                    kecamatan=ruang.kecamatan,
                    tahun=ruang.tahun,
                    **{n: form.cleaned_data[n] for n in form.fields},
                )
            except DataKedaluwarsa:
                form.tandai_konflik(tersimpan)
            else:
                messages.success(request, _("Profil tersimpan."))
                return redirect("web:profil", slug=ruang.kecamatan.slug, tahun=ruang.tahun)
        return render(request, "halaman/profil.html", {"ruang": ruang, "form": form}, status=form.status_http)
    return render(request, "halaman/profil.html", {"ruang": ruang, "form": tersimpan})


@require_http_methods(["GET", "POST"])
@lingkup_kecamatan
def perjanjian(request: HttpRequest, ruang: Ruang) -> HttpResponse:
    halaman = halaman_perjanjian(kecamatan=ruang.kecamatan, tahun=ruang.tahun)
    pk_berlaku = halaman.berlaku
    if pk_berlaku is None:
        return render(request, "halaman/perjanjian.html", {"ruang": ruang, "halaman": halaman, "form": None})
    versi = perencanaan_services.versi_perjanjian(pk_berlaku)
    tersimpan = PerjanjianForm(initial=PerjanjianForm.awal(pk_berlaku, versi), perjanjian=pk_berlaku)
    if request.method == "POST":
        ruang.wajib_ubah()
        form = PerjanjianForm(tersimpan.terapkan_pilihan(request.POST), perjanjian=pk_berlaku)
        if form.is_valid():
            try:
                perencanaan_services.perjanjian_update(
                    perjanjian=pk_berlaku,
                    versi=form.cleaned_data["versi"],
                    isian=form.isian(),
                    target=form.nilai_target(),
                )
            except DataKedaluwarsa:
                form.tandai_konflik(tersimpan)
            else:
                messages.success(request, _("Perjanjian Kinerja tersimpan."))
                return redirect("web:perjanjian", slug=ruang.kecamatan.slug, tahun=ruang.tahun)
        konteks = {"ruang": ruang, "halaman": halaman, "form": form}
        return render(request, "halaman/perjanjian.html", konteks, status=form.status_http)
    return render(request, "halaman/perjanjian.html", {"ruang": ruang, "halaman": halaman, "form": tersimpan})


@require_POST
@lingkup_kecamatan
def perjanjian_perubahan(request: HttpRequest, ruang: Ruang) -> HttpResponse:
    ruang.wajib_ubah()
    halaman = halaman_perjanjian(kecamatan=ruang.kecamatan, tahun=ruang.tahun)
    if halaman.berlaku is None or str(halaman.berlaku.versi) != request.POST.get("versi_pk"):
        if halaman.berlaku is None:
            raise Http404
        messages.error(
            request, _("Perjanjian Kinerja sudah berubah versinya; periksa lagi sebelum membuat perubahan.")
        )
        return redirect("web:perjanjian", slug=ruang.kecamatan.slug, tahun=ruang.tahun)
    if not is_dikonfirmasi(request):
        return halaman_konfirmasi(
            request,
            ruang,
            judul=_("Buat PK Perubahan"),
            pertanyaan=_("Buat PK Perubahan (versi %(versi)s) dari versi %(lama)s yang berlaku sekarang?")
            % {"versi": halaman.berlaku.versi + 1, "lama": halaman.berlaku.versi},
            akibat=[
                _("Versi baru menyalin target dan anggaran program; tanggalnya dikosongkan."),
                _("Laporan memakai versi baru sejak dibuat; versi lama tetap tersimpan."),
            ],
            tombol=_("Ya, buat PK Perubahan"),
            kembali=reverse("web:perjanjian", kwargs={"slug": ruang.kecamatan.slug, "tahun": ruang.tahun}),
            bahaya=False,
        )
    baru = perencanaan_services.perjanjian_perubahan_create(perjanjian=halaman.berlaku)
    messages.success(
        request,
        _("PK Perubahan (versi %(versi)s) dibuat dari versi sebelumnya; ubah target dan tanggalnya.")
        % {"versi": baru.versi},
    )
    return redirect("web:perjanjian", slug=ruang.kecamatan.slug, tahun=ruang.tahun)


def _catatan_anggaran(ruang: Ruang, pohon) -> PanelCatatan:
    """Notes on the budget rows, shown beside each program, kegiatan and sub kegiatan."""
    tempat = []
    for p in pohon.program:
        tempat.append((f"program:{p.pk}", f"{_('Program')} {p.kode} {p.nama}"))
        for k in p.kegiatan.all():
            tempat.append((f"kegiatan:{k.pk}", f"{_('Kegiatan')} {k.kode} {k.nama}"))
            tempat += [
                (f"sub_kegiatan:{s.pk}", f"{_('Sub kegiatan')} {s.kode} {s.nama}")
                for s in k.sub_kegiatan.all()
            ]
    kembali = reverse("web:anggaran", kwargs={"slug": ruang.kecamatan.slug, "tahun": ruang.tahun})
    return panel_catatan(ruang, tempat=tempat, kembali=kembali)


@require_http_methods(["GET", "POST"])
@lingkup_kecamatan
def anggaran(request: HttpRequest, ruang: Ruang) -> HttpResponse:
    pohon = pohon_anggaran(kecamatan=ruang.kecamatan, tahun=ruang.tahun)
    sub_kegiatan = [s for p in pohon.program for k in p.kegiatan.all() for s in k.sub_kegiatan.all()]
    keluaran = [k for s in sub_kegiatan for k in s.keluaran.all()]
    versi = anggaran_services.versi_anggaran(
        sorted(sub_kegiatan, key=lambda s: s.pk), sorted(keluaran, key=lambda k: k.pk)
    )
    tersimpan = AnggaranForm(initial=AnggaranForm.awal(sub_kegiatan, versi), sub_kegiatan=sub_kegiatan)
    if request.method == "POST":
        ruang.wajib_ubah()
        form = AnggaranForm(tersimpan.terapkan_pilihan(request.POST), sub_kegiatan=sub_kegiatan)
        if form.is_valid():
            try:
                anggaran_services.anggaran_update(
                    kecamatan=ruang.kecamatan,
                    tahun=ruang.tahun,
                    versi=form.cleaned_data["versi"],
                    sub_kegiatan=form.nilai_sub_kegiatan(),
                    jenis_belanja=form.nilai_jenis_belanja(),
                    keluaran=form.nilai_keluaran(),
                )
            except DataKedaluwarsa:
                form.tandai_konflik(tersimpan)
            else:
                messages.success(request, _("Anggaran tersimpan."))
                return redirect("web:anggaran", slug=ruang.kecamatan.slug, tahun=ruang.tahun)
        status = form.status_http
    else:
        form = tersimpan
        status = 200
    konteks = {"ruang": ruang, "pohon": pohon, "form": form, "panel": _catatan_anggaran(ruang, pohon)}
    return render(request, "halaman/anggaran.html", konteks, status=status)


@require_http_methods(["GET", "POST"])
@lingkup_kecamatan
def anggaran_indikator(request: HttpRequest, ruang: Ruang, jenis: str, baris_id: int) -> HttpResponse:
    """The indicators of one program or kegiatan of the year, with their target and realisasi:
    rows are added, edited and removed together, in order."""
    if jenis not in ("program", "kegiatan"):
        raise Http404
    induk = baris_anggaran(jenis=jenis, baris_id=baris_id, kecamatan=ruang.kecamatan, tahun=ruang.tahun)
    if induk is None:
        raise Http404
    kembali = reverse("web:anggaran", kwargs={"slug": ruang.kecamatan.slug, "tahun": ruang.tahun})
    konteks = {
        "ruang": ruang,
        "induk": induk,
        "judul": (_("Indikator program") if jenis == "program" else _("Indikator kegiatan")),
        "kembali": kembali,
        "alamat": request.path,
        "tersimpan": None,
        "galat": "",
    }
    versi = anggaran_services.versi_indikator_anggaran(induk)
    if request.method == "POST":
        ruang.wajib_ubah()
        kumpulan = IndikatorAnggaranKumpulan(request.POST)
        versi_kiriman = request.POST.get("versi", "")
        status = 200
        if kumpulan.is_valid():
            try:
                anggaran_services.indikator_anggaran_update(
                    induk=induk, versi=versi_kiriman, baris=kumpulan.baris()
                )
            except DataKedaluwarsa as exc:
                # The way out: the indicators as stored now beside the user's rows, and the
                # current version, so saving again replaces them with the rows shown.
                konteks["galat"] = exc.messages[0]
                konteks["tersimpan"] = list(induk.indikator.all())
                versi_kiriman = versi
                status = 409
            except ValidationError as exc:
                konteks["galat"] = " ".join(exc.messages)
            else:
                messages.success(
                    request,
                    _("Indikator %(kode)s %(nama)s tersimpan.") % {"kode": induk.kode, "nama": induk.nama},
                )
                return redirect(f"{kembali}#{jenis}-{induk.pk}")
        konteks |= {"kumpulan": kumpulan, "versi": versi_kiriman}
        return render(request, "halaman/anggaran_indikator.html", konteks, status=status)
    kumpulan = IndikatorAnggaranKumpulan(initial=awal_indikator_anggaran(induk))
    return render(
        request, "halaman/anggaran_indikator.html", konteks | {"kumpulan": kumpulan, "versi": versi}
    )


@require_http_methods(["GET", "POST"])
@lingkup_kecamatan
def narasi(request: HttpRequest, ruang: Ruang) -> HttpResponse:
    lama = list(NarasiLaporan.objects.filter(kecamatan=ruang.kecamatan, tahun=ruang.tahun).order_by("pk"))
    kecamatan, tahun = ruang.kecamatan, ruang.tahun
    bawaan = {
        b.value: teks_bawaan(
            b.value, nama_kecamatan=kecamatan.nama, kabupaten=kecamatan.kabupaten, tahun=tahun
        )
        for b in BagianNarasi
    }
    sendiri = frozenset(n.bagian for n in lama)
    awal = {"versi": web_services.versi_narasi(lama), **bawaan, **{n.bagian: n.teks for n in lama}}
    tersimpan = NarasiForm(initial=awal, sendiri=sendiri)
    if request.method == "POST":
        ruang.wajib_ubah()
        form = NarasiForm(tersimpan.terapkan_pilihan(request.POST), sendiri=sendiri)
        if form.is_valid():
            try:
                web_services.narasi_update(
                    kecamatan=ruang.kecamatan,
                    tahun=ruang.tahun,
                    versi=form.cleaned_data["versi"],
                    teks=form.teks(),
                )
            except DataKedaluwarsa:
                form.tandai_konflik(tersimpan)
            else:
                messages.success(request, _("Narasi laporan tersimpan."))
                return redirect("web:narasi", slug=ruang.kecamatan.slug, tahun=ruang.tahun)
        return render(request, "halaman/narasi.html", _konteks_narasi(ruang, form), status=form.status_http)
    return render(request, "halaman/narasi.html", _konteks_narasi(ruang, tersimpan))


def _konteks_narasi(ruang: Ruang, form: NarasiForm) -> dict:
    kembalikan = [(b.value, b.label) for b in BagianNarasi if b.value in form.sendiri]
    return {"ruang": ruang, "form": form, "kembalikan": kembalikan, "panel": _catatan_narasi(ruang)}


@require_POST
@lingkup_kecamatan
def narasi_bawaan(request: HttpRequest, ruang: Ruang) -> HttpResponse:
    """Put one section (``bagian``, posted) back to the default text, after a confirmation."""
    ruang.wajib_ubah()
    kembali = reverse("web:narasi", kwargs={"slug": ruang.kecamatan.slug, "tahun": ruang.tahun})
    bagian = request.POST.get("bagian", "")
    if bagian not in BagianNarasi.values:
        messages.error(
            request, _("Bagian narasi yang akan dikembalikan tidak dikenal; tidak ada yang diubah.")
        )
        return redirect(kembali)
    label = BagianNarasi(bagian).label
    if not is_dikonfirmasi(request):
        return halaman_konfirmasi(
            request,
            ruang,
            judul=_("Kembalikan ke teks bawaan"),
            pertanyaan=_("Kembalikan «%(bagian)s» ke teks bawaan laporan?") % {"bagian": label},
            akibat=[
                _("Teks sendiri bagian ini diganti teks bawaan; bagian lain tidak berubah."),
                _("Teks yang diganti tetap dapat dilihat di riwayat narasi."),
            ],
            tombol=_("Ya, kembalikan"),
            kembali=kembali,
        )
    try:
        ada = web_services.narasi_kembalikan(kecamatan=ruang.kecamatan, tahun=ruang.tahun, bagian=bagian)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(kembali)
    if ada:
        messages.success(request, _("«%(bagian)s» kembali memakai teks bawaan.") % {"bagian": label})
    else:
        messages.info(request, _("«%(bagian)s» sudah memakai teks bawaan.") % {"bagian": label})
    return redirect(kembali)


def _catatan_narasi(ruang: Ruang) -> PanelCatatan:
    """Notes on the prose sections, shown beside each section's text."""
    kembali = reverse("web:narasi", kwargs={"slug": ruang.kecamatan.slug, "tahun": ruang.tahun})
    return panel_catatan(
        ruang, tempat=[(f"bagian:{b.value}", b.label) for b in BagianNarasi], kembali=kembali
    )


def _profil_tabel(jenis: str):
    judul, Kumpulan = forms_profil.TABEL[jenis]

    @require_http_methods(["GET", "POST"])
    @lingkup_kecamatan
    def view(request: HttpRequest, ruang: Ruang) -> HttpResponse:
        profil = ProfilKecamatan.objects.filter(kecamatan=ruang.kecamatan, tahun=ruang.tahun).first()
        konteks = {"ruang": ruang, "judul": judul, "jenis": jenis, "profil": profil, "tersimpan": None}
        if profil is None:
            return render(request, "halaman/profil_tabel.html", konteks)
        versi = kecamatan_services.versi_tabel_profil(profil, jenis)
        if request.method == "POST":
            ruang.wajib_ubah()
            kumpulan = Kumpulan(request.POST, profil=profil)
            versi_kiriman = request.POST.get("versi", "")
            galat = ""
            if kumpulan.is_valid():
                try:
                    kecamatan_services.profil_tabel_update(
                        profil=profil, jenis=jenis, versi=versi_kiriman, baris=kumpulan.baris()
                    )
                except DataKedaluwarsa as exc:
                    galat = exc.messages[0]
                    # The way out: the table as stored now beside the user's rows, and the
                    # current version, so saving again replaces it with the rows shown.
                    konteks["tersimpan"] = forms_profil.tampilan(profil, jenis)
                    versi_kiriman = versi
                except ValidationError as exc:
                    galat = " ".join(exc.messages)
                else:
                    messages.success(request, _("%(judul)s tersimpan.") % {"judul": judul})
                    return redirect(f"web:profil_{jenis}", slug=ruang.kecamatan.slug, tahun=ruang.tahun)
            konteks |= {"kumpulan": kumpulan, "versi": versi_kiriman, "galat": galat}
            return render(
                request,
                "halaman/profil_tabel.html",
                konteks,
                status=409 if "diubah orang lain" in galat else 200,
            )
        kumpulan = Kumpulan(initial=forms_profil.awal(profil, jenis), profil=profil)
        return render(
            request,
            "halaman/profil_tabel.html",
            konteks | {"kumpulan": kumpulan, "versi": versi, "galat": ""},
        )

    return view


profil_desa = _profil_tabel("desa")
profil_pegawai = _profil_tabel("pegawai")
profil_rincian_pegawai = _profil_tabel("rincian_pegawai")
profil_sarana = _profil_tabel("sarana")
profil_pejabat = _profil_tabel("pejabat")
profil_organisasi = _profil_tabel("organisasi")
profil_inovasi = _profil_tabel("inovasi")
profil_penghargaan = _profil_tabel("penghargaan")


@require_http_methods(["GET", "POST"])
@lingkup_kecamatan
def perjanjian_hapus(request: HttpRequest, ruang: Ruang, perjanjian_id: int) -> HttpResponse:
    """Delete the year's latest PK Perubahan, after asking; the version before it applies again."""
    ruang.wajib_ubah()
    perjanjian = PerjanjianKinerja.objects.filter(
        pk=perjanjian_id, kecamatan=ruang.kecamatan, tahun=ruang.tahun
    ).first()
    if perjanjian is None:
        raise Http404
    label = _("PK Perubahan versi %(versi)s") % {"versi": perjanjian.versi}
    return langkah_hapus(
        request,
        ruang,
        judul=_("Hapus %(label)s") % {"label": label},
        pertanyaan=_("Hapus %(label)s tahun %(tahun)s?") % {"label": label, "tahun": ruang.tahun},
        akibat=[
            _("Target dan anggaran program versi ini ikut terhapus."),
            _("Versi sebelumnya kembali berlaku untuk laporan."),
        ],
        alasan=perencanaan_services.perjanjian_hambatan_hapus(perjanjian),
        kembali=reverse("web:perjanjian", kwargs={"slug": ruang.kecamatan.slug, "tahun": ruang.tahun}),
        hapus=lambda: perencanaan_services.perjanjian_delete(perjanjian=perjanjian),
        berhasil=_("%(label)s dihapus.") % {"label": label},
    )


@require_http_methods(["GET", "POST"])
@lingkup_kecamatan
def anggaran_hapus(request: HttpRequest, ruang: Ruang, jenis: str, baris_id: int) -> HttpResponse:
    """Delete a program, kegiatan, sub kegiatan or output of the year, after asking."""
    ruang.wajib_ubah()
    baris = baris_anggaran(jenis=jenis, baris_id=baris_id, kecamatan=ruang.kecamatan, tahun=ruang.tahun)
    if baris is None:
        raise Http404
    label = f"{baris._meta.verbose_name} {getattr(baris, 'kode', '')}".strip()
    return langkah_hapus(
        request,
        ruang,
        judul=_("Hapus %(label)s") % {"label": label},
        pertanyaan=_("Hapus %(label)s «%(nama)s» dari anggaran tahun %(tahun)s?")
        % {"label": label, "nama": getattr(baris, "nama", None) or baris.uraian, "tahun": ruang.tahun},
        alasan=anggaran_services.anggaran_baris_hambatan_hapus(baris),
        kembali=reverse("web:anggaran", kwargs={"slug": ruang.kecamatan.slug, "tahun": ruang.tahun}),
        hapus=lambda: anggaran_services.anggaran_baris_delete(baris=baris),
        berhasil=_("%(label)s dihapus.") % {"label": label[:1].upper() + label[1:]},
    )
