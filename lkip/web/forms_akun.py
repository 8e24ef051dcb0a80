from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _


class FormMasuk(AuthenticationForm):
    error_messages = {
        "invalid_login": _("Nama pengguna atau kata sandi salah. Perhatikan huruf besar dan kecil."),
        "inactive": _("Akun ini tidak aktif."),
    }


class FormGantiSandi(PasswordChangeForm):
    """A wrong current password counts as a failed login of this user from this address, so
    guessing it in a session left open meets the same limit and lockout as the login page."""

    error_messages = {
        **PasswordChangeForm.error_messages,
        "password_incorrect": _("Sandi lama salah. Setelah beberapa kali salah, penggantian sandi dikunci."),
    }

    def __init__(self, user, *args, request: HttpRequest | None = None, **kwargs) -> None:
        self.request = request
        super().__init__(user, *args, **kwargs)

    def clean_old_password(self) -> str:
        try:
            return super().clean_old_password()
        except ValidationError:
            user_login_failed.send(
                sender=type(self), credentials={"username": self.user.get_username()}, request=self.request
            )
            raise
