from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class FormMasuk(AuthenticationForm):
    error_messages = {
        "invalid_login": _("Nama pengguna atau kata sandi salah. Perhatikan huruf besar dan kecil."),
        "inactive": _("Akun ini tidak aktif."),
    }
