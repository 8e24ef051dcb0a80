"""The address of the person behind a request, as the login lockout keys it."""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def alamat_klien(request: HttpRequest) -> str | None:
    """The client's address. Behind a reverse proxy every request comes from the proxy, so a
    lockout keyed on ``REMOTE_ADDR`` would let one person lock a named user out for everyone;
    there the address is read from the header the proxy sets (``LKIP_HEADER_ALAMAT_KLIEN``).

    A proxy appends the address it saw to ``X-Forwarded-For``; whatever stands left of that was
    sent by the client and can be forged. So the address taken is the one the outermost of the
    ``LKIP_JUMLAH_PROXY`` trusted proxies appended, counted from the right."""
    kepala = settings.LKIP_HEADER_ALAMAT_KLIEN
    if kepala:
        daftar = [a.strip() for a in request.META.get(kepala, "").split(",") if a.strip()]
        jumlah = max(settings.LKIP_JUMLAH_PROXY, 1)
        if len(daftar) >= jumlah:
            try:
                return str(ipaddress.ip_address(daftar[-jumlah]))
            except ValueError:
                pass
    return request.META.get("REMOTE_ADDR")
