"""The review workflow of a kecamatan's LKIP per year, and the lock it puts on the year's data.

Draf → Diajukan (Camat) → Direviu (Inspektorat) → Dikembalikan (back to the kecamatan) or
Disetujui (Bappeda) → Terkunci; Bappeda may reopen a locked year, which starts a new version.
The rules are the table ``TRANSISI``; pages ask ``aksi_tersedia`` what a user may do and
``alur_terapkan`` is the one way to move a year. Every service that writes a year's data calls
``pastikan_dapat_diubah`` first, so a new form, command or import cannot forget the lock.

This module sits in ``kecamatan`` because every app depends on it; it reads the user's role
from the user model (``lkip.accounts``), which every app may use, and nothing else above it.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kecamatan.models import AlurLaporan, Kecamatan, RiwayatAlur, StatusAlur
from lkip.accounts.models import Peran

Status = StatusAlur


class Aksi(StrEnum):
    AJUKAN = "ajukan"
    REVIU = "reviu"
    KEMBALIKAN = "kembalikan"
    SETUJUI = "setujui"
    KUNCI = "kunci"
    BUKA = "buka"


LABEL_AKSI: dict[Aksi, str] = {
    Aksi.AJUKAN: gettext_lazy("Ajukan"),
    Aksi.REVIU: gettext_lazy("Simpan hasil reviu"),
    Aksi.KEMBALIKAN: gettext_lazy("Kembalikan ke kecamatan"),
    Aksi.SETUJUI: gettext_lazy("Setujui"),
    Aksi.KUNCI: gettext_lazy("Kunci"),
    Aksi.BUKA: gettext_lazy("Buka kembali"),
}

#: What the note of an action is called; an action listed here cannot be taken without it.
CATATAN_WAJIB: dict[Aksi, str] = {
    Aksi.REVIU: gettext_lazy("catatan reviu"),
    Aksi.KEMBALIKAN: gettext_lazy("alasan pengembalian"),
    Aksi.BUKA: gettext_lazy("alasan membuka kembali"),
}


@dataclass(frozen=True)
class Transisi:
    ke: Status
    peran: frozenset[str]


def _t(ke: Status, *peran: Peran) -> Transisi:
    return Transisi(ke=ke, peran=frozenset(peran))


#: (status, action) → (next status, roles allowed). Nothing else moves a year.
TRANSISI: dict[tuple[Status, Aksi], Transisi] = {
    (Status.DRAF, Aksi.AJUKAN): _t(Status.DIAJUKAN, Peran.CAMAT),
    (Status.DIKEMBALIKAN, Aksi.AJUKAN): _t(Status.DIAJUKAN, Peran.CAMAT),
    (Status.DIAJUKAN, Aksi.REVIU): _t(Status.DIREVIU, Peran.INSPEKTORAT),
    (Status.DIAJUKAN, Aksi.KEMBALIKAN): _t(Status.DIKEMBALIKAN, Peran.INSPEKTORAT),
    (Status.DIREVIU, Aksi.KEMBALIKAN): _t(Status.DIKEMBALIKAN, Peran.INSPEKTORAT, Peran.BAPPEDA),
    (Status.DIREVIU, Aksi.SETUJUI): _t(Status.DISETUJUI, Peran.BAPPEDA),
    (Status.DISETUJUI, Aksi.KUNCI): _t(Status.TERKUNCI, Peran.BAPPEDA),
    (Status.TERKUNCI, Aksi.BUKA): _t(Status.DRAF, Peran.BAPPEDA),
}

#: States in which the kecamatan's data of the year cannot be changed (by anyone).
STATUS_TERKUNCI = frozenset({Status.DIAJUKAN, Status.DIREVIU, Status.DISETUJUI, Status.TERKUNCI})


class TahunTerkunci(ValidationError):
    """A write to a year whose report is under review, approved or locked."""

    def __init__(self, kecamatan: Kecamatan | str, tahun: int, status: Status) -> None:
        self.kecamatan_nama, self.tahun, self.status = str(kecamatan), tahun, Status(status)
        super().__init__(
            _(
                "Data %(kecamatan)s tahun %(tahun)s tidak dapat diubah karena laporannya berstatus "
                "«%(status)s». Perubahan baru dapat disimpan bila laporan dikembalikan ke kecamatan "
                "atau dibuka kembali oleh Bappeda."
            )
            % {"kecamatan": self.kecamatan_nama, "tahun": tahun, "status": self.status.label},
            code="terkunci",
        )


class AlurDitolak(ValidationError):
    """An action that the state machine refuses; the message says why, in Indonesian."""


def aksi_tersedia(status: Status | str, peran: str) -> list[Aksi]:
    """The actions a role may take in a state, in the table's order."""
    return [aksi for (dari, aksi), t in TRANSISI.items() if dari == status and peran in t.peran]


#: Actions a role may take but that nobody waits for: a return or a reopening is a correction,
#: so a year in which a role can only do these is not that role's turn.
AKSI_KOREKSI = frozenset({Aksi.KEMBALIKAN, Aksi.BUKA})


def aksi_ditunggu(status: Status | str, peran: str) -> list[Aksi]:
    """The actions by which a role moves a year on: when not empty, it is that role's turn."""
    return [aksi for aksi in aksi_tersedia(status, peran) if aksi not in AKSI_KOREKSI]


def status_ditunggu(peran: str) -> list[Status]:
    """The states in which a year waits for the role, in the states' order."""
    return [status for status in Status if aksi_ditunggu(status, peran)]


def status_tahun(kecamatan: Kecamatan, tahun: int) -> Status:
    nilai = (
        AlurLaporan.objects.filter(kecamatan=kecamatan, tahun=tahun)
        .order_by()  # one row: the default order would join the kecamatan for its name
        .values_list("status", flat=True)
        .first()
    )
    return Status(nilai or Status.DRAF)


def pastikan_dapat_diubah(kecamatan: Kecamatan | int, tahun: int) -> None:
    """Raise ``TahunTerkunci`` when the kecamatan's data of ``tahun`` may not be changed."""
    pastikan_tahun_dapat_diubah(kecamatan, [tahun])


def pastikan_tahun_dapat_diubah(kecamatan: Kecamatan | int, tahun: Iterable[int]) -> None:
    """The same for several years at once (one query): an import or a plan that spans years."""
    tahun = sorted(set(tahun))
    if not tahun:
        return
    kecamatan_id = kecamatan if isinstance(kecamatan, int) else kecamatan.pk
    terkunci = (
        AlurLaporan.objects.filter(kecamatan_id=kecamatan_id, tahun__in=tahun, status__in=STATUS_TERKUNCI)
        .select_related("kecamatan")
        .order_by("tahun")
        .first()
    )
    if terkunci is not None:
        raise TahunTerkunci(terkunci.kecamatan, terkunci.tahun, terkunci.status)


#: What a submit consults, registered by the apps above this one when they are ready (the
#: report's consistency check, the pages' fingerprint of what the report prints), so the rule
#: lives here without this app importing them.
PEMERIKSA: list[Callable[[Kecamatan, int], list[str]]] = []
PENYIDIK: list[Callable[[Kecamatan, int], dict[str, str]]] = []
#: What an approval does inside its transaction once the year is Disetujui (the report freezes
#: its PDF and document): called once per approval with the year's row and the approval's record;
#: an error rolls the approval back.
SETELAH_DISETUJUI: list[Callable[[AlurLaporan, RiwayatAlur], None]] = []
#: The review notes of the year not yet closed, one line each (registered by ``reviu``): a
#: return records them under its reason, so the kecamatan reads what to answer in the history.
CATATAN_TERBUKA: list[Callable[[AlurLaporan], list[str]]] = []
CATATAN_MAKS = RiwayatAlur._meta.get_field("catatan").max_length


def catatan_pengembalian(alur: AlurLaporan, alasan: str) -> str:
    """The reason of a return followed by the list of the year's open review notes."""
    baris = [b for daftar in CATATAN_TERBUKA for b in daftar(alur)]
    if not baris:
        return alasan
    teks = "\n".join([alasan, "", _("Catatan reviu yang belum selesai:"), *(f"- {b}" for b in baris)])
    return teks if len(teks) <= CATATAN_MAKS else teks[: CATATAN_MAKS - 1] + "…"


def temuan_galat(kecamatan: Kecamatan, tahun: int) -> list[str]:
    """Findings that must be fixed before the year can be submitted: the consistency check's
    errors, or, before any check is registered, that the year cannot be scored at all."""
    if PEMERIKSA:
        return [pesan for periksa in PEMERIKSA for pesan in periksa(kecamatan, tahun)]
    # Imported here: capaian sits above kecamatan, and only this fallback needs it.
    from capaian.selectors import DataTidakTersedia, capaian_tahun

    try:
        capaian_tahun(kecamatan=kecamatan, tahun=tahun)
    except DataTidakTersedia as exc:
        return [str(exc)]
    return []


def sidik_pengajuan(kecamatan: Kecamatan, tahun: int) -> dict[str, str] | None:
    """The fingerprint of what the report prints at the submit, to show later changes."""
    if not PENYIDIK:
        return None
    return {k: v for penyidik in PENYIDIK for k, v in penyidik(kecamatan, tahun).items()}


def _alur_terkunci(kecamatan: Kecamatan, tahun: int) -> AlurLaporan:
    """The year's row locked for this transaction, created (as a draft) if it is missing."""
    try:
        with transaction.atomic():
            AlurLaporan.objects.get_or_create(kecamatan=kecamatan, tahun=tahun)
    except IntegrityError:  # created at the same moment by someone else: it exists now
        pass
    return AlurLaporan.objects.select_for_update().get(kecamatan=kecamatan, tahun=tahun)


def alur_terapkan(
    *, kecamatan: Kecamatan, tahun: int, aksi: Aksi | str, oleh, catatan: str = "", dari: str | None = None
) -> AlurLaporan:
    """Take ``aksi`` on the year's report as ``oleh``, recording who, when and the note.

    ``dari`` is the state the user saw; when someone else moved the year in between, the action
    is refused with a message saying who did what, instead of acting on a state nobody saw."""
    try:
        aksi = Aksi(aksi)
    except ValueError as exc:
        raise AlurDitolak(_("Aksi itu tidak dikenal."), code="aksi") from exc
    catatan = catatan.strip()
    if aksi in CATATAN_WAJIB and not catatan:
        raise AlurDitolak(_("Isi %(catatan)s lebih dulu.") % {"catatan": CATATAN_WAJIB[aksi]}, code="catatan")
    with transaction.atomic():
        alur = _alur_terkunci(kecamatan, tahun)
        status = Status(alur.status)
        if dari is not None and dari != status:
            raise AlurDitolak(_pesan_sudah_berubah(alur), code="berubah")
        transisi = TRANSISI.get((status, aksi))
        if transisi is None:
            raise AlurDitolak(
                _("Laporan berstatus «%(status)s» tidak dapat di-%(aksi)s.")
                % {"status": status.label, "aksi": LABEL_AKSI[aksi].lower()},
                code="transisi",
            )
        if oleh.peran not in transisi.peran or (oleh.kecamatan_id not in (None, kecamatan.pk)):
            raise PermissionDenied(_("Peran Anda tidak dapat mengambil langkah ini."))
        if aksi == Aksi.AJUKAN:
            galat = temuan_galat(kecamatan, tahun)
            if galat:
                raise AlurDitolak(
                    [_("Laporan belum dapat diajukan; perbaiki dulu temuan berikut:"), *galat], code="galat"
                )
            # The submit is the Camat's sign-off: the signature snapshot the report prints.
            from kecamatan.services import pengesahan_create

            pengesahan_create(
                kecamatan=kecamatan, tahun=tahun, oleh=oleh, sidik=sidik_pengajuan(kecamatan, tahun)
            )
        if aksi == Aksi.KEMBALIKAN:
            catatan = catatan_pengembalian(alur, catatan)
        riwayat = RiwayatAlur(
            alur=alur,
            versi=alur.versi,
            aksi=aksi,
            dari=status,
            ke=transisi.ke,
            oleh=oleh,
            nama=oleh.get_full_name() or oleh.get_username(),
            peran=oleh.peran,
            pada=timezone.now(),
            catatan=catatan,
        )
        riwayat.full_clean(exclude=["alur"])
        alur.status = transisi.ke
        if aksi == Aksi.BUKA:
            alur.versi += 1
        alur.full_clean()
        alur.save()
        riwayat.save()
        if aksi == Aksi.SETUJUI:
            for setelah in SETELAH_DISETUJUI:
                setelah(alur, riwayat)
    return alur


def _pesan_sudah_berubah(alur: AlurLaporan) -> str:
    terakhir = alur.riwayat.order_by("-pada", "-pk").first()
    if terakhir is None:
        return _("Status laporan sudah berubah; muat ulang halaman ini.")
    return _(
        "Laporan ini baru saja di-%(aksi)s oleh %(nama)s (%(waktu)s), sehingga statusnya kini "
        "«%(status)s». Langkah Anda tidak dijalankan; muat ulang halaman untuk melihat keadaan terbaru."
    ) % {
        "aksi": LABEL_AKSI[Aksi(terakhir.aksi)].lower(),
        "nama": terakhir.nama,
        "waktu": timezone.localtime(terakhir.pada).strftime("%d-%m-%Y %H:%M"),
        "status": Status(alur.status).label,
    }
