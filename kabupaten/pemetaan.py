"""Name similarity between a kecamatan's indicator and the kabupaten's catalogue.

Kecamatan word one indicator in many ways ("IKM", "Indeks Kepuasan Masyarakat", "Hasil Survey
Kepuasan Masyarakat (SKM) pada bidang Pelayanan Publik"). A name is normalised (case,
punctuation, known abbreviations and spellings, words that carry no meaning here) into a set
of words; two names are compared by the overlap of those sets and by ``difflib`` over the
sorted words. A proposal is made only above ``AMBANG``; Bappeda confirms it. Pure: no database.
"""

import difflib
import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

#: Abbreviations and spellings found in the kecamatan documents, with what they stand for.
SINGKATAN: dict[str, str] = {
    "ikm": "indeks kepuasan masyarakat",
    "skm": "survei kepuasan masyarakat",
    "sakip": "sistem akuntabilitas kinerja instansi pemerintah",
    "lkip": "laporan kinerja instansi pemerintah",
    "opd": "perangkat daerah",
    "pd": "perangkat daerah",
    "kec": "kecamatan",
    "trantib": "ketenteraman ketertiban",
    "kesos": "kesejahteraan sosial",
    "pbb": "pajak bumi bangunan",
    "dg": "dengan",
    "prosentase": "persentase",
    "presentase": "persentase",
    "survey": "survei",
    "ketentraman": "ketenteraman",
    "msyarakat": "masyarakat",
    "fasilitas": "fasilitasi",
    "tercapai": "capai",
    "ditindaklanjuti": "tindak lanjut",
    "ditinda": "tindak",
}

#: Words that say nothing about which indicator is meant.
KATA_KOSONG = frozenset(
    {
        "yang", "dan", "di", "pada", "dalam", "dengan", "serta", "untuk", "oleh", "ke", "dari",
        "bidang", "hasil", "tingkat", "jumlah", "nilai", "indeks", "survei", "persentase", "kecamatan",
        "1", "tahun", "dilaksanakan", "upaya", "secara",
    }
)  # fmt: skip

#: Score (0–100) from which a proposal is made.
AMBANG = Decimal("55")


def normalisasi(teks: str) -> list[str]:
    """The meaningful words of a name, abbreviations spelled out, in order."""
    teks = unicodedata.normalize("NFKD", teks).encode("ascii", "ignore").decode().lower()
    kata = re.findall(r"[a-z0-9]+", teks)
    hasil: list[str] = []
    for k in kata:
        for bagian in SINGKATAN.get(k, k).split():
            if bagian not in KATA_KOSONG and bagian not in hasil:
                hasil.append(bagian)
    return hasil


def skor_kemiripan(a: str, b: str) -> Decimal:
    """0–100: half the share of the shorter name's words found in the other, half ``difflib``'s
    ratio over the sorted words (so word order and small spelling differences count less)."""
    kata_a, kata_b = normalisasi(a), normalisasi(b)
    if not kata_a or not kata_b:
        return Decimal("0")
    cakupan = len(set(kata_a) & set(kata_b)) / min(len(kata_a), len(kata_b))
    rasio = difflib.SequenceMatcher(None, " ".join(sorted(kata_a)), " ".join(sorted(kata_b))).ratio()
    skor = Decimal(str(round((cakupan + rasio) * 50, 4)))
    return skor.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Usulan:
    kode: str
    skor: Decimal


def usulan_terbaik(uraian: str, katalog: list[tuple[str, str]], ambang: Decimal = AMBANG) -> Usulan | None:
    """The catalogue entry (kode, nama) whose name is nearest ``uraian``, if it reaches ``ambang``;
    ties go to the entry listed first."""
    terbaik: Usulan | None = None
    for kode, nama in katalog:
        skor = skor_kemiripan(uraian, nama)
        if skor >= ambang and (terbaik is None or skor > terbaik.skor):
            terbaik = Usulan(kode=kode, skor=skor)
    return terbaik
