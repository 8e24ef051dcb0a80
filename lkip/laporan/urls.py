from django.urls import path

from lkip.laporan import views

app_name = "laporan"

urlpatterns = [
    path("k/<slug:slug>/<int:tahun>/laporan/", views.pratinjau, name="pratinjau"),
    path("k/<slug:slug>/<int:tahun>/laporan.pdf", views.unduh_pdf, name="pdf"),
    path("laporan/cetak-massal/", views.cetak_massal, name="cetak_massal"),
    path("laporan/cetak-massal/<int:pk>/", views.cetak_massal_status, name="cetak_massal_status"),
    path("laporan/cetak-massal/<int:pk>/unduh/", views.cetak_massal_unduh, name="cetak_massal_unduh"),
]
