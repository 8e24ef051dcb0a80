"""Numbers as the users write and read them.

The one place that rounds (``ROUND_HALF_UP``, at the edge only), parses numbers
typed in Indonesian or plain format, and formats them the Indonesian way
(``1.234.567,89``, ``Rp3.116.155.160``, ``95,56%``). Imports only the standard
library so the pure scoring module can use it.
"""

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

DUA_DESIMAL = Decimal("0.01")
SERATUS = Decimal("100")

# Only the ASCII digits are digits here: ``\d`` and ``str.isdigit()`` also accept Arabic-Indic,
# fullwidth and other scripts' digits, which ``Decimal`` would then read silently.
ANGKA = "0123456789"
_KELOMPOK_RIBUAN = re.compile(r"^[0-9]{1,3}([0-9]{3})*$")
_ISI_ANGKA = re.compile(r"[0-9.,]+")

#: Significant digits every supported database keeps exactly. SQLite stores a decimal as a
#: REAL and keeps only 15 significant digits (``DBL_DIG``); a longer number would come back
#: changed, or not fit its column when read.
DIGIT_TEPAT = 15

#: Longer input is not a number anyone types; it is refused before it is read.
PANJANG_MAKS = 60


class AngkaTidakValid(ValueError):
    """A typed number that cannot be read; the message says what was expected."""


@dataclass(frozen=True)
class Batas:
    """Where a number is stored: at most ``bulat`` digits before the decimal point and
    ``desimal`` after it, and never more than ``DIGIT_TEPAT`` significant digits. ``rupiah``
    amounts are whole rupiah (no sen), so a dot in them only ever groups thousands."""

    bulat: int
    desimal: int
    rupiah: bool = False

    @classmethod
    def kolom(cls, max_digits: int, decimal_places: int, *, rupiah: bool = False) -> "Batas":
        """The limits of a ``DecimalField(max_digits, decimal_places)``."""
        return cls(bulat=max_digits - decimal_places, desimal=0 if rupiah else decimal_places, rupiah=rupiah)


#: What any number may be when no column is named: formatting or rounding what was read never
#: overflows the 28-digit ``Decimal`` context. A number that will be stored or divided is read
#: with its column's ``Batas`` instead.
BATAS_UMUM = Batas(bulat=DIGIT_TEPAT, desimal=DIGIT_TEPAT)


def _digit(angka: Decimal) -> tuple[int, int, int]:
    """(digits before the point, digits after it, significant digits), trailing zeros ignored."""
    _tanda, digit, eksponen = angka.as_tuple()
    digit = list(digit)
    while len(digit) > 1 and digit[-1] == 0:
        digit.pop()
        eksponen += 1
    if digit == [0]:
        return 0, 0, 0
    return max(len(digit) + eksponen, 0), max(-eksponen, 0), len(digit)


def periksa_batas(angka: Decimal, batas: Batas, teks: str | None = None) -> Decimal:
    """``angka`` unchanged when it fits ``batas``; otherwise ``AngkaTidakValid`` saying what fits."""
    label = teks if teks is not None else format(angka, "f")
    if not angka.is_finite():
        raise AngkaTidakValid(_pesan(label))
    bulat, desimal, bermakna = _digit(angka)
    if desimal > batas.desimal:
        if batas.rupiah:
            raise AngkaTidakValid(
                f"«{label}»: rupiah ditulis tanpa angka desimal (sen), mis. 1.234.567 atau 1234567."
            )
        if batas.desimal == 0:
            raise AngkaTidakValid(f"«{label}» harus bilangan bulat, tanpa angka di belakang koma.")
        raise AngkaTidakValid(
            f"«{label}» memiliki {desimal} angka di belakang koma; paling banyak {batas.desimal}."
        )
    if bulat > batas.bulat:
        raise AngkaTidakValid(f"«{label}» terlalu besar: paling banyak {batas.bulat} angka sebelum koma.")
    if bermakna > DIGIT_TEPAT:
        raise AngkaTidakValid(
            f"«{label}» terlalu panjang untuk disimpan dengan tepat: paling banyak {DIGIT_TEPAT} angka "
            "(tanpa nol di depan dan di belakang)."
        )
    return angka


def periksa_aksara(teks: str) -> None:
    """Refuse digits of other scripts (``١٢``, ``１２``) with a message, instead of reading them."""
    if any(c.isdigit() and c not in ANGKA for c in teks):
        raise AngkaTidakValid(
            f"«{teks.strip()}» memakai angka selain 0–9 (mis. angka Arab atau lebar penuh). "
            "Ketik ulang dengan angka 0–9."
        )


def bulatkan(nilai: Decimal, tempat: int = 2) -> Decimal:
    """Round half-up to ``tempat`` decimal places: 2.345 → 2.35, never banker's rounding."""
    return nilai.quantize(Decimal(1).scaleb(-tempat), rounding=ROUND_HALF_UP)


def persentase(bagian: Decimal | None, keseluruhan: Decimal | None) -> Decimal | None:
    """``bagian / keseluruhan × 100``, exact; ``None`` when either is missing or the base is 0."""
    if bagian is None or keseluruhan is None or keseluruhan == 0:
        return None
    return bagian / keseluruhan * SERATUS


def _gabung_ribuan(bagian_bulat: str, pemisah: str, teks: str) -> str:
    kelompok = bagian_bulat.split(pemisah)
    if not all(k and set(k) <= set(ANGKA) for k in kelompok) or not _KELOMPOK_RIBUAN.match("".join(kelompok)):
        raise AngkaTidakValid(_pesan(teks))
    if len(kelompok[0]) > 3 or any(len(k) != 3 for k in kelompok[1:]):
        raise AngkaTidakValid(_pesan(teks))
    return "".join(kelompok)


def _pesan(teks: str) -> str:
    return (
        f"«{teks}» bukan angka yang dapat dibaca. Tulis misalnya 97,5 atau 1.234.567,89 "
        "(format Indonesia), atau 97.5 (format biasa)."
    )


def parse_angka(teks: str, batas: Batas | None = None) -> Decimal:
    """Read a number typed as ``97,5``, ``1.234.567,89``, ``1,234,567.89`` or ``97.5``.

    A single dot followed by exactly three digits (``1.234``) could be a thousands
    separator or a decimal point, so it is refused with a message instead of guessed;
    where ``batas`` allows no decimals (rupiah, counts) the dot can only group thousands,
    and a comma before three digits (``1,234``) is the doubtful one instead. With ``batas``
    the number must fit it (``periksa_batas``), without it ``BATAS_UMUM``. Only the digits
    0–9 are read; every refusal is an ``AngkaTidakValid`` with an Indonesian message.
    """
    asli = teks
    if len(teks) > PANJANG_MAKS:
        raise AngkaTidakValid(f"Angka terlalu panjang: paling banyak {PANJANG_MAKS} karakter.")
    periksa_aksara(teks)
    teks = teks.strip().replace("\u00a0", "").replace(" ", "")
    teks = teks.removesuffix("%")
    if teks[:2].lower() == "rp":
        teks = teks[2:].lstrip(".")
    tanda = ""
    if teks and teks[0] in "+-":
        tanda, teks = ("-" if teks[0] == "-" else ""), teks[1:]
    if not teks or not _ISI_ANGKA.fullmatch(teks) or teks[0] not in ANGKA:
        raise AngkaTidakValid(_pesan(asli.strip()))
    bulat_saja = batas is not None and batas.desimal == 0

    titik, koma = teks.count("."), teks.count(",")
    if titik and koma:
        desimal = "," if teks.rfind(",") > teks.rfind(".") else "."
        ribuan = "." if desimal == "," else ","
        if teks.count(desimal) > 1:
            raise AngkaTidakValid(_pesan(asli.strip()))
        bulat, pecahan = teks.split(desimal)
        normal = f"{_gabung_ribuan(bulat, ribuan, asli.strip())}.{pecahan}"
    elif koma == 1:
        bulat, pecahan = teks.split(",")
        if bulat_saja and _mungkin_ribuan(bulat, pecahan):
            raise AngkaTidakValid(_pesan_ragu_koma(asli.strip(), bulat, pecahan, batas))
        normal = f"{bulat}.{pecahan}"
    elif koma > 1:
        normal = _gabung_ribuan(teks, ",", asli.strip())
    elif titik > 1:
        normal = _gabung_ribuan(teks, ".", asli.strip())
    elif titik == 1:
        bulat, pecahan = teks.split(".")
        if _mungkin_ribuan(bulat, pecahan) and bulat_saja:
            normal = bulat + pecahan
        elif _mungkin_ribuan(bulat, pecahan):
            raise AngkaTidakValid(
                f"«{asli.strip()}» meragukan: titik bisa pemisah ribuan atau desimal. "
                f"Tulis {bulat}{pecahan} untuk ribuan atau {bulat},{pecahan} untuk desimal."
            )
        else:
            normal = teks
    else:
        normal = teks
    if not normal or normal.startswith(".") or normal.endswith("."):
        raise AngkaTidakValid(_pesan(asli.strip()))
    try:
        angka = Decimal(tanda + normal)
    except InvalidOperation as exc:  # pragma: no cover - the pattern above already guards
        raise AngkaTidakValid(_pesan(asli.strip())) from exc
    return periksa_batas(angka, batas or BATAS_UMUM, asli.strip())


def _mungkin_ribuan(bulat: str, pecahan: str) -> bool:
    """``1.234`` / ``1,234``: one separator before exactly three digits may group thousands."""
    return len(pecahan) == 3 and len(bulat) <= 3 and bulat != "0"


def _pesan_ragu_koma(teks: str, bulat: str, pecahan: str, batas: Batas) -> str:
    jenis = "rupiah tidak memakai angka desimal (sen)" if batas.rupiah else "nilai ini bilangan bulat"
    return (
        f"«{teks}» meragukan: {jenis}, jadi koma di sini bisa pemisah ribuan atau salah ketik. "
        f"Tulis {bulat}{pecahan} atau {bulat}.{pecahan}."
    )


def format_angka(nilai: Decimal | None, desimal: int | None = None) -> str:
    """``1234567.891`` → ``1.234.567,89`` with ``desimal=2``; without it, as many decimals
    as the value carries, trailing zeros dropped (``82.50`` → ``82,5``). Missing → ``–``."""
    if nilai is None:
        return "–"
    if desimal is not None:
        nilai = bulatkan(nilai, desimal)
        teks = f"{nilai:,.{desimal}f}"
    else:
        normal = nilai.normalize() if nilai == nilai.to_integral_value() else nilai
        teks = f"{normal:,f}"
        if "." in teks:
            teks = teks.rstrip("0").rstrip(".")
    return teks.replace(",", "\0").replace(".", ",").replace("\0", ".")


def format_persen(nilai: Decimal | None) -> str:
    """``95.555`` → ``95,56%``; missing → ``–``."""
    return "–" if nilai is None else f"{format_angka(nilai, 2)}%"


def format_rupiah(nilai: Decimal | None) -> str:
    """``3116155160`` → ``Rp3.116.155.160``; sen shown only when there are any."""
    if nilai is None:
        return "–"
    desimal = 0 if bulatkan(nilai) == nilai.to_integral_value() else 2
    return f"Rp{format_angka(nilai, desimal)}"


def teks_polos(angka: Decimal) -> str:
    """A decimal as plain text with a dot and no needless zeros: ``90.0000`` → ``90``.

    At most four decimals (the precision values are stored with), rounded half-up, so a
    rolled-up average such as 84.666… reads ``84.6667``."""
    angka = bulatkan(angka, 4)
    if angka == angka.to_integral_value():
        return str(angka.quantize(Decimal(1)))
    return format(angka.normalize(), "f")


def teks_nilai(angka: Decimal | None, huruf: str = "") -> str:
    """A target or realisasi as printed: ``B (69)``, ``B``, ``82.5``; missing → ``""``."""
    if huruf and angka is not None:
        return f"{huruf} ({teks_polos(angka)})"
    if huruf:
        return huruf
    return "" if angka is None else teks_polos(angka)


BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip


def format_tanggal(tanggal) -> str:
    """``date(2025, 2, 7)`` → ``7 Februari 2025``; missing → ``–``."""
    if tanggal is None:
        return "–"
    return f"{tanggal.day} {BULAN[tanggal.month - 1]} {tanggal.year}"


def format_nilai(teks: str | None) -> str:
    """A value as written (``"82.5"``, ``"B (69)"``) the Indonesian way (``82,5``, ``B (69)``)."""
    if teks is None or teks == "":
        return "–"
    kepala, kurung, sisa = teks.partition("(")
    if kurung:
        return f"{kepala}({format_nilai(sisa.rstrip(')').strip())})"
    try:
        return format_angka(Decimal(teks))
    except InvalidOperation:
        return teks
