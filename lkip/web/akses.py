"""Who may see and change what. Every kecamatan page lives under ``/k/<slug>/<tahun>/`` and
goes through ``lingkup_kecamatan``, so scoping is one check instead of one per view."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from kecamatan.alur import STATUS_TERKUNCI, Status, pastikan_dapat_diubah, status_tahun
from kecamatan.models import Kecamatan
from lkip.accounts.models import Peran, User
from perencanaan.models import Renstra

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

    @cached_property
    def status(self) -> Status:
        """The year's place in the review workflow (``kecamatan.alur``)."""
        return status_tahun(self.kecamatan, self.tahun)

    def catat_status(self, status: Status | str) -> None:
        """The year's status as the page has just read it with the workflow's history
        (``selectors.alur_tahun``), so ``status`` needs no query of its own."""
        self.__dict__["status"] = Status(status)

    @property
    def terkunci(self) -> bool:
        """Under review, approved or locked: forms show the data but offer no save."""
        return self.status in STATUS_TERKUNCI

    def wajib_ubah(self) -> None:
        """Refuse a write the user may not make. A kecamatan user writes only the years of a
        Renstra in force, so a save for a far year (2100) cannot create that year's data and
        move everyone's landing page there; reading other years stays open. A year in review
        or locked refuses every write (``TahunTerkunci``, turned into a message by
        ``lkip.web.middleware.TahunTerkunciJadiPesan``); the services check it again."""
        self.wajib_berhak_ubah()
        pastikan_dapat_diubah(self.kecamatan, self.tahun)

    def wajib_berhak_ubah(self) -> None:
        """``wajib_ubah`` without the year's lock, for a view that leaves the lock to its
        service (checked there inside the save's transaction) instead of checking it twice."""
        if not self.bisa_ubah:
            raise PermissionDenied
        self.wajib_dalam_renstra()

    def wajib_dalam_renstra(self) -> None:
        """A kecamatan user acts only on the years of a Renstra in force."""
        if self.user.is_peran_kecamatan and Renstra.objects.berlaku(self.kecamatan, self.tahun) is None:
            raise PermissionDenied(pesan_di_luar_renstra(self.kecamatan, self.tahun))


def pesan_di_luar_renstra(kecamatan: Kecamatan, tahun: int) -> str:
    periode = sorted(
        set(Renstra.objects.filter(kecamatan=kecamatan).values_list("tahun_awal", "tahun_akhir"))
    )
    if not periode:
        return _(
            "%(kecamatan)s belum memiliki Renstra, jadi data tahun %(tahun)s belum dapat "
            "diubah. Minta administrator memasukkan Renstra lebih dulu."
        ) % {"kecamatan": str(kecamatan), "tahun": tahun}
    return _(
        "Tahun %(tahun)s di luar periode Renstra %(kecamatan)s (%(periode)s), jadi datanya hanya dapat "
        "dibaca. Pilih tahun di dalam periode Renstra, atau minta administrator memasukkan Renstra "
        "periode berikutnya."
    ) % {
        "tahun": tahun,
        "kecamatan": str(kecamatan),
        "periode": ", ".join(f"{awal}–{akhir}" for awal, akhir in periode),
    }


def wajib_berperan(user: User) -> None:
    """A new account has no role and may open nothing until an administrator chooses one."""
    if not user.peran:
        raise PermissionDenied(
            _(
                "Akun Anda belum diberi peran, jadi belum dapat membuka data apa pun. Minta "
                "administrator memilih peran (dan kecamatan, untuk operator atau camat) bagi akun ini."
            )
        )


def kecamatan_terlihat(user: User, slug: str) -> Kecamatan:
    """The kecamatan if the user may see it; 404 otherwise, so other kecamatan do not even
    appear to exist for a kecamatan user."""
    wajib_berperan(user)
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
        request.ruang = ruang  # so the report's re-render after a save needs no lookup of its own
        return view(request, ruang, **kwargs)

    return bungkus


def peran_kabupaten(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The kabupaten's pages: Bappeda, Inspektorat and the administrator; everyone else 403."""

    @login_required
    @wraps(view)
    def bungkus(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        wajib_berperan(request.user)
        if not request.user.is_peran_kabupaten:
            raise PermissionDenied(_("Halaman ini hanya untuk Bappeda, Inspektorat dan administrator."))
        return view(request, *args, **kwargs)

    return bungkus
