from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "SAKIP Kecamatan"
admin.site.site_title = "SAKIP Kecamatan"
admin.site.index_title = "Administrasi data kinerja"

urlpatterns = [
    path("", include("lkip.web.urls")),
    path("", include("lkip.laporan.urls")),
    path("", include("lkip.excel.urls")),
    path("admin/", admin.site.urls),
]

# Uploaded evidence is never served from MEDIA_URL: only through the scoped view in lkip.web,
# so a user of another kecamatan gets 404 for it.
