"""Dot leaders (``content: leader(".")``) laid out as one text box per line instead of one per dot.

WeasyPrint 70 fills a leader with a copy of the leader's text box for every dot: a Daftar Isi,
Daftar Tabel and Daftar Gambar of a 36-page LKIP hold about 4,700 of its 7,300 text boxes, and
each is drawn, measured and re-laid out on every pass that resolves ``target-counter()``. This
module keeps WeasyPrint's own rule for where the dots go (on a grid anchored at the right edge of
the line, so dots line up from one line to the next) and then puts the dots that rule keeps into
one text box of ``n`` repeated leader strings at the position of the leftmost one. The page looks
the same and the extracted text is the same.

The replacement is installed only for the WeasyPrint version it was written against; any other
version keeps its own behaviour. ``AKTIF`` switches it off at run time (the benchmark compares).
"""

import weasyprint
from weasyprint.layout import inline as _inline
from weasyprint.layout import leader as _leader
from weasyprint.text.line_break import split_first_line

VERSI_DIDUKUNG = ("70.",)
AKTIF = True

_asli = _leader.handle_leader


def _posisi_titik(line, leader_box, text_box, available_width) -> list[float]:
    """The x of every dot WeasyPrint 70 would draw, by its own rule (``layout/leader.py``)."""
    jumlah = int(line.width // text_box.width)
    posisi_x = line.position_x + line.width
    hasil = []
    for _ in range(jumlah):
        posisi_x -= text_box.width
        if posisi_x < leader_box.position_x:
            continue
        if posisi_x + text_box.width > leader_box.position_x + available_width:
            continue
        hasil.append(posisi_x)
    return hasil


def handle_leader(context, line, containing_block):
    """WeasyPrint 70's ``handle_leader`` with the dots of a line in one text box."""
    if not AKTIF:
        return _asli(context, line, containing_block)
    index, leader_box = _leader.leader_index(line)
    extra_width = 0
    if index is not None and leader_box.children:
        (text_box,) = leader_box.children
        if text_box.width <= 0:
            return
        extra_width = containing_block.width - sum(
            child.margin_width() for child in line.children if child.is_in_normal_flow()
        )
        for shape in context.excluded_shapes:
            if shape.position_y + shape.height > line.position_y:
                extra_width -= shape.width
        available_width = extra_width + text_box.width
        line.width = containing_block.width
        posisi = _posisi_titik(line, leader_box, text_box, available_width)
        anak = []
        if posisi:
            teks = text_box.text * len(posisi)
            layout, _, _, lebar, _, _ = split_first_line(teks, text_box.style, context, None, 0)
            satu = text_box.copy()
            satu.text = teks
            satu.pango_layout = layout
            satu.width = lebar
            satu.position_x = min(posisi)
            anak.append(satu)
        leader_box.children = tuple(anak)
        if line.style["direction"] == "rtl":
            leader_box.translate(dx=-extra_width)

    box = line
    while index is not None:
        for child in box.children[index[0] + 1 :]:
            if child.is_in_normal_flow():
                child.translate(dx=extra_width if line.style["direction"] == "ltr" else -extra_width)
        box = box.children[index[0]]
        box.width += extra_width
        index = index[1]


def terpasang() -> bool:
    return _inline.handle_leader is handle_leader


def pasang() -> None:
    """Install the replacement where WeasyPrint's inline layout calls it, if the version fits."""
    if weasyprint.__version__.startswith(VERSI_DIDUKUNG):
        _inline.handle_leader = handle_leader
