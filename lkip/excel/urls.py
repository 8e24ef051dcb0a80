from django.urls import path

from lkip.excel import views
from lkip.web.urls import KECAMATAN

app_name = "excel"

urlpatterns = [
    path(f"{KECAMATAN}excel/", views.impor, name="impor"),
    path(f"{KECAMATAN}excel/templat.xlsx", views.templat, name="templat"),
    path(f"{KECAMATAN}excel/terapkan/", views.terapkan, name="terapkan"),
    path(f"{KECAMATAN}excel/batal/", views.batal, name="batal"),
]
