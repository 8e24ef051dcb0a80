"""What every page's layout shows about the user."""

from django.http import HttpRequest

from lkip.web import selectors


def tugas_alur(request: HttpRequest) -> list[selectors.Tugas]:
    """The user's workflow steps, fetched once per request (a page and its menu share them)."""
    if not hasattr(request, "_tugas_alur"):
        request._tugas_alur = selectors.tugas_alur(request.user)
    return request._tugas_alur


def tugas(request: HttpRequest) -> dict:
    """The number of workflow steps waiting for the user, for the menu. It is a callable, so the
    queries run only when a page's layout prints it, and never for an anonymous visitor."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.peran:
        return {}
    return {"jumlah_tugas": lambda: len(tugas_alur(request))}
