from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.urls import reverse_lazy

from lkip.web.forms_akun import FormGantiSandi, FormMasuk

masuk = auth_views.LoginView.as_view(
    template_name="registration/login.html", authentication_form=FormMasuk, redirect_authenticated_user=True
)
keluar = auth_views.LogoutView.as_view()


class GantiSandi(auth_views.PasswordChangeView):
    """Password change with the login's attempt limit: while this user is locked out from this
    address, no attempt is checked at all, right or wrong."""

    template_name = "registration/ganti_sandi.html"
    success_url = reverse_lazy("password_change_done")
    form_class = FormGantiSandi

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        kredensial = {"username": request.user.get_username()}
        if AxesProxyHandler.is_locked(request, kredensial):
            return get_lockout_response(request, None, kredensial)
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "request": self.request}


ganti_sandi = GantiSandi.as_view()
ganti_sandi_selesai = auth_views.PasswordChangeDoneView.as_view(
    template_name="registration/ganti_sandi_selesai.html"
)
