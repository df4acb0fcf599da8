"""A web page's elements hidden by their style (display:none) are not read: no browser shows them."""
from __future__ import annotations

from core.readers.html import read_html


def _cells(markup: str) -> list[list[str]]:
    return [[c.text for c in line.cells] for line in read_html("x.html", markup.encode("utf-8")).lines]


def test_hidden_rows_cells_and_spans_are_left_out():
    page = ('<p>本年<span style="DISPLAY: None">99</span>新收</p>'
            '<table><tr><td>a</td><td>1</td></tr>'
            '<tr style="display:none"><td></td><td></td></tr>'
            '<tr><td>b</td><td style="color:red;display :none !important">7</td><td>2</td></tr></table>'
            '<div style="display:none"><p>隐藏的全文 12</p></div>')
    assert _cells(page) == [["本年新收"], ["a", "1"], ["b", "2"]]


def test_a_page_hiding_nothing_reads_as_before():
    page = '<p style="display:block">none of it hidden</p><table><tr><td style="border:none">3</td></tr></table>'
    assert _cells(page) == [["none of it hidden"], ["3"]]


def test_every_element_sharing_a_hiding_style_is_left_out_and_only_those():
    # Word repeats one style on many spans: each is hidden, wherever it is. A look-alike letter
    # (the long s "ſ") is not an s, so that span is shown.
    page = ('<p>收<span style="Display: none">1</span>到<span style="Display: none">2</span></p>'
            '<table><tr><td>c</td><td><span style="Display: none">3</span>4</td></tr></table>'
            '<p><span style="di\u017fplay:none">5</span></p>')
    assert _cells(page) == [["收到"], ["c", "4"], ["5"]]


def test_a_tab_or_a_line_break_in_the_style_hides_as_a_space_does():
    page = ('<table><tr><td>a</td><td style="display:\tnone">7</td><td>1</td></tr>'
            '<tr><td>b</td><td style="display:\n  none">8</td><td>2</td></tr></table>')
    assert _cells(page) == [["a", "1"], ["b", "2"]]
