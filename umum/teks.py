"""Text as users type it. Imports only the standard library."""

#: Bidirectional control characters (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI, LRM, RLM,
#: ALM): invisible, they reorder what follows, so a name could print reversed or hide text.
KENDALI_ARAH = frozenset(
    chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C)
)
_HAPUS = dict.fromkeys(map(ord, KENDALI_ARAH))


def hapus_kendali_arah(teks: str) -> str:
    """``teks`` without bidirectional control characters; every other character is kept."""
    return teks.translate(_HAPUS)
