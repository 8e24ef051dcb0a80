from django.urls import path

from lkip.laporan import views

app_name = "laporan"

urlpatterns = [
    path("k/<slug:slug>/<int:tahun>/laporan/", views.pratinjau, name="pratinjau"),
    path("k/<slug:slug>/<int:tahun>/laporan.pdf", views.unduh_pdf, name="pdf"),
    path("k/<slug:slug>/<int:tahun>/laporan/versi/", views.versi_daftar, name="versi_daftar"),
    path("k/<slug:slug>/<int:tahun>/laporan/versi/<int:versi>.pdf", views.versi_pdf, name="versi_pdf"),
    path("k/<slug:slug>/<int:tahun>/laporan-pdf/status/", views.pdf_status, name="pdf_status"),
    # The letterhead's logo, at the address the report's HTML names (lkip.laporan.kop.AWALAN_LOGO).
    path("media/kop/<str:nama>", views.logo_kop, name="logo_kop"),
    # A documentation photo, at the address the report's HTML names (Dokumentasi.berkas).
    path("media/dokumentasi/<str:nama>", views.foto_dokumentasi, name="foto_dokumentasi"),
    path("laporan/cetak-massal/", views.cetak_massal, name="cetak_massal"),
    path("laporan/cetak-massal/<int:pk>/", views.cetak_massal_status, name="cetak_massal_status"),
    path(
        "laporan/cetak-massal/<int:pk>/batalkan/", views.cetak_massal_batalkan, name="cetak_massal_batalkan"
    ),
    path("laporan/cetak-massal/<int:pk>/ulangi/", views.cetak_massal_ulangi, name="cetak_massal_ulangi"),
    path("laporan/cetak-massal/<int:pk>/unduh/", views.cetak_massal_unduh, name="cetak_massal_unduh"),
]
