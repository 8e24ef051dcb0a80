"""The confirmation step of an action that matters (delete, sign-off, a new PK version).

The first POST, without ``konfirmasi=ya``, gets a page that says what will happen and asks
again, so it works without JavaScript; ``static/js/formulir.js`` turns that into a dialog
and sends ``konfirmasi=ya`` straight away when the user agrees."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lkip.web.akses import Ruang

TANDA = "konfirmasi"
#: Fields of the first POST that are not carried to the confirmation form.
TIDAK_DIBAWA = {"csrfmiddlewaretoken", TANDA}


def is_dikonfirmasi(request: HttpRequest) -> bool:
    return request.POST.get(TANDA) == "ya"


def halaman_konfirmasi(
    request: HttpRequest,
    ruang: Ruang,
    *,
    judul: str,
    pertanyaan: str,
    tombol: str,
    kembali: str,
    akibat: list[str] | None = None,
    bahaya: bool = True,
    alasan: str = "",
) -> HttpResponse:
    """The page that asks again; it posts the same fields back to the same URL. With
    ``alasan`` (why the action is refused) it says so instead and offers only the way back."""
    isian = [(k, v) for k, v in request.POST.items() if k not in TIDAK_DIBAWA]
    konteks = {
        "ruang": ruang,
        "judul": judul,
        "pertanyaan": pertanyaan,
        "akibat": akibat or [],
        "tombol": tombol,
        "kembali": kembali,
        "bahaya": bahaya,
        "isian": isian,
        "alasan": alasan,
        "aksi": request.path,
    }
    return render(request, "halaman/konfirmasi.html", konteks)


def langkah_hapus(
    request: HttpRequest,
    ruang: Ruang,
    *,
    judul: str,
    pertanyaan: str,
    alasan: str,
    kembali: str,
    hapus: Callable[[], None],
    berhasil: str,
    akibat: list[str] | None = None,
) -> HttpResponse:
    """A delete in two steps: a GET (or an unconfirmed POST) shows what will be deleted, or
    why it cannot be; only a confirmed POST deletes. The service checks again under lock, and
    its refusal is shown as a message with nothing changed."""
    if request.method != "POST" or not is_dikonfirmasi(request):
        return halaman_konfirmasi(
            request,
            ruang,
            judul=judul,
            pertanyaan=pertanyaan,
            akibat=akibat,
            tombol=_("Ya, hapus"),
            kembali=kembali,
            alasan=alasan,
        )
    try:
        hapus()
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, berhasil)
    return redirect(kembali)
