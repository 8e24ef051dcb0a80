from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy

from lkip.web.forms_akun import FormMasuk

masuk = auth_views.LoginView.as_view(
    template_name="registration/login.html", authentication_form=FormMasuk, redirect_authenticated_user=True
)
keluar = auth_views.LogoutView.as_view()
ganti_sandi = auth_views.PasswordChangeView.as_view(
    template_name="registration/ganti_sandi.html", success_url=reverse_lazy("password_change_done")
)
ganti_sandi_selesai = auth_views.PasswordChangeDoneView.as_view(
    template_name="registration/ganti_sandi_selesai.html"
)
