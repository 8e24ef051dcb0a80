"""Every page of the web interface. Kecamatan pages are all under ``k/<slug>/<tahun>/`` and
pass through ``lingkup_kecamatan``; ``tests/web/test_isolasi.py`` walks every pattern."""

from django.urls import include, path

from lkip.web.views import akun, beranda, data, realisasi

KECAMATAN = "k/<slug:slug>/<int:tahun>/"

halaman = [
    path("", beranda.beranda, name="beranda"),
    path(KECAMATAN, beranda.tahun, name="tahun"),
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
    path(f"{KECAMATAN}perjanjian/", data.perjanjian, name="perjanjian"),
    path(f"{KECAMATAN}perjanjian/perubahan/", data.perjanjian_perubahan, name="perjanjian_perubahan"),
    path(f"{KECAMATAN}anggaran/", data.anggaran, name="anggaran"),
    path(f"{KECAMATAN}narasi/", data.narasi, name="narasi"),
]

urlpatterns = [
    path("akun/masuk/", akun.masuk, name="login"),
    path("akun/keluar/", akun.keluar, name="logout"),
    path("akun/sandi/", akun.ganti_sandi, name="password_change"),
    path("akun/sandi/selesai/", akun.ganti_sandi_selesai, name="password_change_done"),
    path("", include((halaman, "web"))),
]
