"""Response headers every page carries."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


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
