"""Dot leaders: one text box per line instead of one per dot, with the dots where WeasyPrint
itself puts them; the cyclic GC is paused during layout. No database: layout needs none."""

import gc

import pytest
import weasyprint
from weasyprint.formatting_structure import boxes

from lkip.laporan import leader, pdf

DAFTAR = """<html><head><style>
  @page { size: A5; margin: 15mm; }
  li { list-style: none; } a::after { content: leader(".") "%s"; }
  li.dalam { padding-left: 14pt; }
</style></head><body><ul>%s</ul></body></html>"""


def html_daftar(baris: int) -> str:
    isi = "".join(
        f'<li class="{"dalam" if n % 2 else ""}"><a>{"Judul bagian " * (1 + n % 3)}{n}</a></li>'
        for n in range(baris)
    )
    return DAFTAR % ("12", isi)


def titik_per_baris(dokumen) -> list[tuple[int, float, float]]:
    """For each leader on the page: (text boxes, x of its first dot, x where its last dot ends)."""
    hasil = []

    def telusuri(kotak):
        for anak in getattr(kotak, "children", ()):
            if isinstance(anak, boxes.InlineBox) and anak.is_leader and anak.children:
                teks = [t for t in anak.children if isinstance(t, boxes.TextBox)]
                hasil.append(
                    (
                        len(teks),
                        min(t.position_x for t in teks),
                        max(t.position_x + t.width for t in teks),
                    )
                )
            telusuri(anak)

    for halaman in dokumen.pages:
        telusuri(halaman._page_box)
    return hasil


@pytest.fixture
def leader_lama(monkeypatch):
    monkeypatch.setattr(leader, "AKTIF", False)


def test_the_replacement_is_installed_for_the_version_it_was_written_for():
    assert leader.terpasang() == weasyprint.__version__.startswith(leader.VERSI_DIDUKUNG)


@pytest.mark.skipif(not leader.terpasang(), reason="hanya untuk WeasyPrint 70")
def test_each_leader_line_is_one_text_box_with_the_dots_where_weasyprint_puts_them(monkeypatch):
    html = html_daftar(30)
    baru = titik_per_baris(pdf.tata_letak(html))
    monkeypatch.setattr(leader, "AKTIF", False)
    lama = titik_per_baris(pdf.tata_letak(html))
    assert len(baru) == len(lama) >= 20  # a line too full for a dot has none either way
    assert all(jumlah == 1 for jumlah, _, _ in baru)
    assert sum(jumlah for jumlah, _, _ in lama) > 30 * 20  # WeasyPrint's own: a box per dot
    for (_, awal_baru, akhir_baru), (_, awal_lama, akhir_lama) in zip(baru, lama, strict=True):
        assert awal_baru == pytest.approx(awal_lama, abs=0.01)
        assert akhir_baru == pytest.approx(akhir_lama, abs=0.5)


def test_the_cyclic_gc_is_paused_during_layout_and_back_on_after(monkeypatch):
    dilihat = []
    asli = weasyprint.HTML.render

    def render(self, *args, **kwargs):
        dilihat.append(gc.isenabled())
        return asli(self, *args, **kwargs)

    monkeypatch.setattr(weasyprint.HTML, "render", render)
    assert gc.isenabled()
    pdf.pdf_dari_html("<p>Satu halaman.</p>")
    assert dilihat == [False] and gc.isenabled()
