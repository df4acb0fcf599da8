"""A plain text's lines are made only when first asked for (a program's log or a CSV of numbers,
no report, is told from its text alone): made late, or only the first of them, they are the lines
the builder made of the text at once."""
from __future__ import annotations

import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

from core.readers import text as text_reader
from core.readers.document import TextBuilder
from core.readers.text import read_text

_PIECES = ["\n", "\t", ",", '"', " ", "a", "中", "1", "\r\n", "\n\n"]
texts = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


def _cells(lines) -> list[tuple[bool, list[tuple[str, int, int]]]]:
    return [(line.grid, [(c.text, c.start, c.end) for c in line.cells]) for line in lines]


@settings(max_examples=400, deadline=None)
@given(texts, st.sampled_from(["txt", "csv"]))
def test_deferred_lines_are_the_lines_made_at_once(text, fmt):
    doc = read_text(f"x.{fmt}", text.encode("utf-8"), fmt)
    if "lines" in doc.__dict__:
        return  # (an empty text: nothing deferred)
    first = [doc.first_lines(count) for count in range(6)]
    assert "lines" not in doc.__dict__  # (the first lines asked for: the rest not made)
    builder = TextBuilder()
    rows = text_reader._csv_rows(text.replace("\r\n", "\n"), []) if fmt == "csv" else None
    if rows is None:
        builder.add_tab_lines(text_reader._physical_lines(doc.text))
        assert doc.text == builder.text
    else:
        for cells in rows:
            builder.add_line(cells)
        assert doc.text == builder.text  # (a CSV's text is its rows joined, tabs between the fields)
    assert _cells(doc.lines) == _cells(builder.lines)
    for count, lines in enumerate(first):
        assert _cells(lines) == _cells(builder.lines[:count])
    # every cell a stretch of the text, as the parser reads them
    assert all(doc.text[c.start:c.end] == c.text for line in doc.lines for c in line.cells)


def test_a_deferred_document_pickles_with_its_lines():
    doc = read_text("log.txt", "第一行\n第二行\t2\n".encode("utf-8"))
    assert "lines" not in doc.__dict__
    again = pickle.loads(pickle.dumps(doc))
    assert [[c.text for c in line.cells] for line in again.lines] == [["第一行"], ["第二行", "2"]]
    assert again == doc
