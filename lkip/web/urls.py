"""Every page of the web interface. Kecamatan pages are all under ``k/<slug>/<tahun>/`` and
pass through ``lingkup_kecamatan``; ``tests/web/test_isolasi.py`` walks every pattern."""

from django.urls import include, path

from lkip.web.views import (
    akun,
    beranda,
    data,
    dokumentasi,
    ekspor,
    kabupaten,
    periksa,
    realisasi,
    rencana,
    reviu,
    riwayat,
)

KECAMATAN = "k/<slug:slug>/<int:tahun>/"

halaman = [
    path("", beranda.beranda, name="beranda"),
    path("tugas/", beranda.tugas, name="tugas"),
    path("kabupaten/", kabupaten.dasbor, name="kabupaten"),
    path("kabupaten/matriks/", kabupaten.matriks, name="kabupaten_matriks"),
    path("kabupaten/tren/", kabupaten.tren, name="kabupaten_tren"),
    path("kabupaten/dasbor.<slug:format>", kabupaten.ekspor_dasbor, name="kabupaten_dasbor_ekspor"),
    path("kabupaten/matriks.<slug:format>", kabupaten.ekspor_matriks, name="kabupaten_matriks_ekspor"),
    path("kabupaten/pemetaan/", kabupaten.pemetaan, name="kabupaten_pemetaan"),
    path(
        "kabupaten/pemetaan/<int:pemetaan_id>/",
        kabupaten.pemetaan_putuskan,
        name="kabupaten_pemetaan_putuskan",
    ),
    path(KECAMATAN, beranda.tahun, name="tahun"),
    path(f"{KECAMATAN}alur/", beranda.alur, name="alur"),
    path(f"{KECAMATAN}mulai/", beranda.tahun_mulai, name="tahun_mulai"),
    path(f"{KECAMATAN}periksa/", periksa.periksa, name="periksa"),
    path(f"{KECAMATAN}realisasi/<int:indikator_id>/", realisasi.realisasi, name="realisasi"),
    path(
        f"{KECAMATAN}realisasi/<int:indikator_id>/pratinjau/",
        realisasi.realisasi_pratinjau,
        name="realisasi_pratinjau",
    ),
    path(f"{KECAMATAN}realisasi/<int:indikator_id>/bukti/", realisasi.bukti_tambah, name="bukti_tambah"),
    path(f"{KECAMATAN}bukti/<int:bukti_id>/", realisasi.bukti_unduh, name="bukti_unduh"),
    path(f"{KECAMATAN}bukti/<int:bukti_id>/hapus/", realisasi.bukti_hapus, name="bukti_hapus"),
    path(f"{KECAMATAN}profil/", data.profil, name="profil"),
    path(f"{KECAMATAN}profil/desa/", data.profil_desa, name="profil_desa"),
    path(f"{KECAMATAN}profil/pegawai/", data.profil_pegawai, name="profil_pegawai"),
    path(f"{KECAMATAN}profil/rincian-pegawai/", data.profil_rincian_pegawai, name="profil_rincian_pegawai"),
    path(f"{KECAMATAN}profil/sarana/", data.profil_sarana, name="profil_sarana"),
    path(f"{KECAMATAN}profil/pejabat/", data.profil_pejabat, name="profil_pejabat"),
    path(f"{KECAMATAN}profil/organisasi/", data.profil_organisasi, name="profil_organisasi"),
    path(f"{KECAMATAN}profil/inovasi/", data.profil_inovasi, name="profil_inovasi"),
    path(f"{KECAMATAN}profil/penghargaan/", data.profil_penghargaan, name="profil_penghargaan"),
    path(f"{KECAMATAN}renstra/", rencana.renstra, name="renstra"),
    path(f"{KECAMATAN}renstra/tujuan/", rencana.tujuan_tambah, name="tujuan_tambah"),
    path(f"{KECAMATAN}renstra/sasaran/", rencana.sasaran_tambah, name="sasaran_tambah"),
    path(f"{KECAMATAN}renstra/indikator/", rencana.indikator_tambah, name="indikator_tambah"),
    path(f"{KECAMATAN}renstra/perubahan/", rencana.renstra_perubahan, name="renstra_perubahan"),
    path(
        f"{KECAMATAN}renstra/<slug:jenis>/<int:baris_id>/hapus/", rencana.renstra_hapus, name="renstra_hapus"
    ),
    path(f"{KECAMATAN}rkt/", rencana.rkt, name="rkt"),
    path(f"{KECAMATAN}rkt/buat/", rencana.rkt_buat, name="rkt_buat"),
    path(f"{KECAMATAN}perjanjian/", data.perjanjian, name="perjanjian"),
    path(f"{KECAMATAN}perjanjian/perubahan/", data.perjanjian_perubahan, name="perjanjian_perubahan"),
    path(f"{KECAMATAN}perjanjian/<int:perjanjian_id>/hapus/", data.perjanjian_hapus, name="perjanjian_hapus"),
    path(f"{KECAMATAN}anggaran/", data.anggaran, name="anggaran"),
    # Before the budget rows' delete: «dokumentasi» is no kind of budget row.
    path(f"{KECAMATAN}anggaran/dokumentasi/", dokumentasi.dokumentasi, name="dokumentasi"),
    path(
        f"{KECAMATAN}anggaran/dokumentasi/<int:dokumentasi_id>/",
        dokumentasi.dokumentasi_ubah,
        name="dokumentasi_ubah",
    ),
    path(
        f"{KECAMATAN}anggaran/dokumentasi/<int:dokumentasi_id>/foto/",
        dokumentasi.dokumentasi_foto,
        name="dokumentasi_foto",
    ),
    path(
        f"{KECAMATAN}anggaran/dokumentasi/<int:dokumentasi_id>/hapus/",
        dokumentasi.dokumentasi_hapus,
        name="dokumentasi_hapus",
    ),
    path(
        f"{KECAMATAN}anggaran/<slug:jenis>/<int:baris_id>/hapus/", data.anggaran_hapus, name="anggaran_hapus"
    ),
    path(
        f"{KECAMATAN}anggaran/<slug:jenis>/<int:baris_id>/indikator/",
        data.anggaran_indikator,
        name="anggaran_indikator",
    ),
    path(f"{KECAMATAN}narasi/", data.narasi, name="narasi"),
    path(f"{KECAMATAN}narasi/bawaan/", data.narasi_bawaan, name="narasi_bawaan"),
    path(f"{KECAMATAN}catatan/", reviu.catatan, name="catatan"),
    path(f"{KECAMATAN}catatan/tambah/", reviu.catatan_tambah, name="catatan_tambah"),
    path(f"{KECAMATAN}catatan/<int:catatan_id>/balas/", reviu.catatan_balas, name="catatan_balas"),
    path(f"{KECAMATAN}catatan/<int:catatan_id>/status/", reviu.catatan_status, name="catatan_status"),
    path(f"{KECAMATAN}riwayat/", riwayat.riwayat_tahun, name="riwayat"),
    path(f"{KECAMATAN}unduh/capaian.xlsx", ekspor.capaian_xlsx, name="ekspor_capaian"),
    path(f"{KECAMATAN}unduh/anggaran.xlsx", ekspor.anggaran_xlsx, name="ekspor_anggaran"),
    path(f"{KECAMATAN}unduh/tahun.xlsx", ekspor.tahun_xlsx, name="ekspor_tahun"),
    path(
        f"{KECAMATAN}realisasi/<int:indikator_id>/riwayat/",
        riwayat.riwayat_realisasi,
        name="riwayat_realisasi",
    ),
    path(
        f"{KECAMATAN}anggaran/<int:sub_kegiatan_id>/riwayat/",
        riwayat.riwayat_sub_kegiatan,
        name="riwayat_sub_kegiatan",
    ),
]

urlpatterns = [
    path("akun/masuk/", akun.masuk, name="login"),
    path("akun/keluar/", akun.keluar, name="logout"),
    path("akun/sandi/", akun.ganti_sandi, name="password_change"),
    path("akun/sandi/selesai/", akun.ganti_sandi_selesai, name="password_change_done"),
    path("", include((halaman, "web"))),
]
