"""read_text's shortcuts read a text as the line-by-line reading did (random texts made of the
pieces the shortcuts look for)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from core.readers import text as text_reader
from core.readers.document import TextBuilder
from core.readers.text import read_text

_PIECES = ["<table>", "<td>", "</td>", "<th>", "</th>", '<td colspan="2">', "<tr>", "&nbsp;", " ", "\t",
           "\n", "\u3000", "a", "中", "1", "|", "---", ":", "-", " **", "\f"]
texts = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_framed_delimiter_found_as_the_pattern_finds_it(text):
    assert text_reader._has_framed_delimiter(text) == (text_reader._FRAMED_DELIMITER.search(text) is not None)


def _cells(builder: TextBuilder) -> list[tuple[bool, list[tuple[str, int, int]]]]:
    return [(line.grid, [(c.text, c.start, c.end) for c in line.cells]) for line in builder.lines]


@settings(max_examples=400, deadline=None)
@given(texts)
def test_empty_html_cells_found_as_every_line_looked_at_finds_them(text):
    text = text.replace("|", "").replace("\f", "\n")  # (a text holding no pipe: the lines between its empty cells)
    lines = text_reader._physical_lines(text)
    each, around = TextBuilder(), TextBuilder()
    text_reader._add_lines_with_tables(each, lines, False, True, False, "\t" in text)
    text_reader._add_lines_around_empty_cells(around, text, lines, "\t" in text)
    assert _cells(around) == _cells(each)
    assert around.text == each.text


@settings(max_examples=400, deadline=None)
@given(texts, st.sampled_from(["txt", "md"]))
def test_the_text_shown_holds_every_cell_where_its_offsets_say(text, fmt):
    saved = ("中文报告\n" + text).replace("\f", "\n")
    document = read_text("x." + fmt, saved.encode("utf-8"), fmt)
    assert document.text == (saved if saved.endswith("\n") else saved + "\n")
    for line in document.lines:
        for cell in line.cells:
            assert document.text[cell.start:cell.end] == cell.text
