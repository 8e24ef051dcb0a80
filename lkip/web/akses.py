"""Who may see and change what. Every kecamatan page lives under ``/k/<slug>/<tahun>/`` and
goes through ``lingkup_kecamatan``, so scoping is one check instead of one per view."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from kecamatan.models import Kecamatan
from lkip.accounts.models import Peran, User

TAHUN_MIN, TAHUN_MAKS = 2000, 2100


@dataclass(frozen=True)
class Ruang:
    """The kecamatan and year a request is about, and what the user may do there."""

    kecamatan: Kecamatan
    tahun: int
    user: User

    @property
    def bisa_ubah(self) -> bool:
        return self.user.peran in (Peran.OPERATOR, Peran.CAMAT, Peran.ADMIN)

    @property
    def bisa_sahkan(self) -> bool:
        return self.user.peran == Peran.CAMAT

    def wajib_ubah(self) -> None:
        if not self.bisa_ubah:
            raise PermissionDenied


def kecamatan_terlihat(user: User, slug: str) -> Kecamatan:
    """The kecamatan if the user may see it; 404 otherwise, so other kecamatan do not even
    appear to exist for a kecamatan user."""
    if user.is_peran_kecamatan:
        if user.kecamatan is None or user.kecamatan.slug != slug:
            raise Http404
        return user.kecamatan
    return get_object_or_404(Kecamatan, slug=slug)


def lingkup_kecamatan(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @login_required
    @wraps(view)
    def bungkus(request: HttpRequest, slug: str, tahun: int, **kwargs) -> HttpResponse:
        if not TAHUN_MIN <= tahun <= TAHUN_MAKS:
            raise Http404
        ruang = Ruang(kecamatan=kecamatan_terlihat(request.user, slug), tahun=tahun, user=request.user)
        return view(request, ruang, **kwargs)

    return bungkus
