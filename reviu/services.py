"""Writing review notes: who may write what, and when.

Reviewers (Inspektorat, Bappeda) write notes on any kecamatan and are the only ones who close a
note (selesai) or reopen it; the kecamatan (operator, Camat) replies to its own notes, and its
reply makes an open note «ditanggapi». Notes do not change the year's data, so they are written
while the year is Diajukan or Direviu (that is when reviewers write them), unlike the data
(``kecamatan.alur.pastikan_dapat_diubah``). A Terkunci year is finished: its notes are kept and
readable, and nothing is written to them until Bappeda reopens the year.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from anggaran.models import Kegiatan, Program, SubKegiatan
from capaian.models import Bukti
from kecamatan.alur import Status, status_tahun
from kecamatan.models import AlurLaporan, Kecamatan
from lkip.accounts.models import Peran
from perencanaan.models import Indikator
from reviu.models import BagianLaporan, BalasanCatatan, CatatanReviu

PERAN_PENINJAU = frozenset({Peran.INSPEKTORAT, Peran.BAPPEDA})
LABEL_MAKS = CatatanReviu._meta.get_field("label").max_length


@dataclass(frozen=True)
class Izin:
    """What a user may do with the notes of one kecamatan's year."""

    #: Write a note, close it or reopen it (the reviewers).
    tulis: bool
    #: Reply in a note's thread.
    balas: bool
    #: Why nothing can be written (a locked year), else "".
    alasan: str = ""


def izin_catatan(user, kecamatan_id: int, status: Status | str) -> Izin:
    """The one rule for note writes; pages ask it which forms to show, services enforce it."""
    if status == Status.TERKUNCI:
        return Izin(
            tulis=False,
            balas=False,
            alasan=_("Laporan tahun ini sudah dikunci: catatan reviu hanya dapat dibaca."),
        )
    if user.peran in PERAN_PENINJAU:
        return Izin(tulis=True, balas=True)
    if user.is_peran_kecamatan and user.kecamatan_id == kecamatan_id:
        return Izin(tulis=False, balas=True)
    return Izin(tulis=False, balas=False)


def _izin(user, kecamatan_id: int, tahun: int) -> Izin:
    izin = izin_catatan(user, kecamatan_id, status_tahun(kecamatan_id, tahun))
    if izin.alasan:
        raise ValidationError(izin.alasan, code="terkunci")
    return izin


def _nama(user) -> str:
    return user.get_full_name() or user.get_username()


def _isi(isi: str, apa: str) -> str:
    isi = (isi or "").strip()
    if not isi:
        raise ValidationError(_("Tulis %(apa)s lebih dulu.") % {"apa": apa}, code="kosong")
    return isi


def _tempat(*, kecamatan: Kecamatan, tahun: int, jenis: str, bagian: str, target_id: int | None):
    """(the target row or None, its label) when the place belongs to the kecamatan's year; a
    place of another kecamatan or year is refused like one that does not exist."""
    Jenis = CatatanReviu.Jenis
    if jenis == Jenis.TAHUN:
        return None, _("Laporan tahun %(tahun)s") % {"tahun": tahun}
    if jenis == Jenis.BAGIAN:
        if bagian not in BagianLaporan.values:
            raise ValidationError(_("Pilih bagian laporan yang dicatat."), code="bagian")
        return None, str(BagianLaporan(bagian).label)
    cari = {
        Jenis.INDIKATOR: Indikator.objects.filter(
            sasaran__renstra__kecamatan=kecamatan,
            sasaran__renstra__tahun_awal__lte=tahun,
            sasaran__renstra__tahun_akhir__gte=tahun,
        ),
        Jenis.PROGRAM: Program.objects.filter(kecamatan=kecamatan, tahun=tahun),
        Jenis.KEGIATAN: Kegiatan.objects.filter(program__kecamatan=kecamatan, program__tahun=tahun),
        Jenis.SUB_KEGIATAN: SubKegiatan.objects.for_kecamatan_tahun(kecamatan.pk, tahun),
        Jenis.BUKTI: Bukti.objects.filter(
            realisasi__tahun=tahun, realisasi__indikator__sasaran__renstra__kecamatan=kecamatan
        ).select_related("realisasi__indikator"),
    }
    if jenis not in cari:
        raise ValidationError(_("Pilih tempat catatan."), code="jenis")
    baris = None if target_id is None else cari[jenis].filter(pk=target_id).first()
    if baris is None:
        raise ValidationError(
            _("Tempat catatan itu tidak ada pada data %(kecamatan)s tahun %(tahun)s.")
            % {"kecamatan": kecamatan, "tahun": tahun},
            code="tempat",
        )
    if jenis == Jenis.INDIKATOR:
        label = f"{_('Indikator')} {baris.kode} {baris.uraian}"
    elif jenis == Jenis.BUKTI:
        label = f"{_('Bukti')} {baris.realisasi.indikator.kode}: {baris}"
    else:
        label = f"{Jenis(jenis).label} {baris.kode} {baris.nama}"
    return baris, label[:LABEL_MAKS]


def _pastikan_baris_alur(kecamatan: Kecamatan, tahun: int) -> None:
    """The year's workflow row exists (as a draft if new), so the menu's count, which reads the
    notes through that row, sees a note on a year nobody has submitted yet."""
    try:
        with transaction.atomic():
            AlurLaporan.objects.get_or_create(kecamatan=kecamatan, tahun=tahun)
    except IntegrityError:  # created at the same moment by someone else: it exists now
        pass


def catatan_create(
    *,
    kecamatan: Kecamatan,
    tahun: int,
    oleh,
    jenis: str,
    isi: str,
    bagian: str = "",
    target_id: int | None = None,
) -> CatatanReviu:
    """A reviewer's new note on a place of the kecamatan's year; it starts «terbuka»."""
    if not _izin(oleh, kecamatan.pk, tahun).tulis:
        raise PermissionDenied(_("Hanya Inspektorat dan Bappeda yang menulis catatan reviu."))
    isi = _isi(isi, _("catatan"))
    with transaction.atomic():
        baris, label = _tempat(
            kecamatan=kecamatan, tahun=tahun, jenis=jenis, bagian=bagian, target_id=target_id
        )
        catatan = CatatanReviu(
            kecamatan=kecamatan,
            tahun=tahun,
            jenis=jenis,
            bagian=bagian if jenis == CatatanReviu.Jenis.BAGIAN else "",
            label=label,
            isi=isi,
            oleh=oleh,
            nama=_nama(oleh),
            peran=oleh.peran,
        )
        if baris is not None:
            setattr(catatan, jenis, baris)
        catatan.full_clean()
        catatan.save()
        _pastikan_baris_alur(kecamatan, tahun)
    return catatan


def _catatan_terkunci(catatan: CatatanReviu) -> CatatanReviu:
    # of=self: the kecamatan is read along, but only the note's row is locked.
    return CatatanReviu.objects.select_for_update(of=("self",)).select_related("kecamatan").get(pk=catatan.pk)


def catatan_balas(*, catatan: CatatanReviu, oleh, isi: str) -> BalasanCatatan:
    """A reply in the note's thread. The kecamatan's reply to an open note makes it
    «ditanggapi»; a reviewer's reply leaves the state as it is (closing is a separate step)."""
    isi = _isi(isi, _("balasan"))
    with transaction.atomic():
        catatan = _catatan_terkunci(catatan)
        if not _izin(oleh, catatan.kecamatan_id, catatan.tahun).balas:
            raise PermissionDenied(_("Anda tidak dapat membalas catatan ini."))
        if catatan.is_selesai:
            raise ValidationError(
                _("Catatan ini sudah selesai, jadi tidak dapat dibalas; minta peninjau membukanya kembali."),
                code="selesai",
            )
        balasan = BalasanCatatan(catatan=catatan, isi=isi, oleh=oleh, nama=_nama(oleh), peran=oleh.peran)
        balasan.full_clean()
        balasan.save()
        if oleh.is_peran_kecamatan and catatan.status == CatatanReviu.Status.TERBUKA:
            catatan.status = CatatanReviu.Status.DITANGGAPI
            catatan.save(update_fields=["status", "diperbarui"])
    return balasan


def catatan_ubah_status(*, catatan: CatatanReviu, oleh, status: str, dari: str | None = None) -> CatatanReviu:
    """A reviewer closes a note (selesai) or reopens it (terbuka). ``dari`` is the state the
    reviewer saw; when another reviewer changed it in between, the step is refused."""
    Status_ = CatatanReviu.Status
    if status not in (Status_.SELESAI, Status_.TERBUKA):
        raise ValidationError(_("Status catatan itu tidak dikenal."), code="status")
    with transaction.atomic():
        catatan = _catatan_terkunci(catatan)
        if not _izin(oleh, catatan.kecamatan_id, catatan.tahun).tulis:
            raise PermissionDenied(
                _("Hanya Inspektorat dan Bappeda yang menutup atau membuka catatan reviu.")
            )
        if catatan.status == status or (dari is not None and dari != catatan.status):
            raise ValidationError(
                _(
                    "Catatan ini sudah berstatus «%(status)s»; muat ulang halaman untuk melihat keadaan terbaru."
                )
                % {"status": catatan.get_status_display()},
                code="berubah",
            )
        catatan.status = status
        catatan.full_clean()
        catatan.save(update_fields=["status", "diperbarui"])
    return catatan
