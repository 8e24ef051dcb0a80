"""Response headers every page carries."""

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.sessions.middleware import SessionMiddleware
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from kecamatan.alur import TahunTerkunci


class PermissionsPolicyMiddleware:
    """Sends ``Permissions-Policy`` from ``LKIP_PERMISSIONS_POLICY``: the browser features the
    app never uses (camera, microphone, location, …) are switched off for every page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.nilai = ", ".join(
            f"{fitur}=({' '.join(asal)})" for fitur, asal in settings.LKIP_PERMISSIONS_POLICY.items()
        )

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self.nilai:
            response.headers.setdefault("Permissions-Policy", self.nilai)
        return response


class TahunTerkunciJadiPesan:
    """A write refused because the year is in review or locked becomes a message, never a 500:
    a page goes back to the year's home (which shows the state and who locked it); an htmx
    request gets 423 Locked with the message as its body."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, TahunTerkunci):
            return None
        pesan = exception.messages[0]
        if getattr(request, "htmx", False):
            return HttpResponse(pesan, status=423, content_type="text/plain; charset=utf-8")
        messages.error(request, pesan)
        kwargs = request.resolver_match.kwargs if request.resolver_match else {}
        if "slug" in kwargs and "tahun" in kwargs:
            jawaban = redirect("web:tahun", slug=kwargs["slug"], tahun=kwargs["tahun"])
        else:
            jawaban = redirect("web:beranda")
        jawaban.lkip_tidak_disimpan = True  # nothing changed: no background re-render
        return jawaban


class SesiBergeser(SessionMiddleware):
    """Django's session middleware whose idle timeout slides with use, renewed at most once in
    ``LKIP_SESI_PERBARUI_DETIK``: a session ends ``SESSION_COOKIE_AGE`` after the last request
    (give or take that interval), as with ``SESSION_SAVE_EVERY_REQUEST``, without writing the
    session row (and committing it) on every page of a busy server. A request that changes
    the session saves it as always."""

    KUNCI = "_lkip_diperbarui"

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        sesi = getattr(request, "session", None)
        if sesi is not None and not sesi.modified and not sesi.is_empty():
            sekarang = int(time.time())
            if sekarang - sesi.get(self.KUNCI, 0) >= settings.LKIP_SESI_PERBARUI_DETIK:
                sesi[self.KUNCI] = sekarang  # marks it modified: saved with a new expiry
        return super().process_response(request, response)
