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


def test_a_csv_of_plain_fields_reads_as_the_csv_module_reads_it():
    # no quote, tab, NUL, CR or pipe: each line's fields between its commas (the text, a tab for
    # each comma, read as a text file's lines); a quoted field keeps its comma, as the module reads it
    plain = read_text("x.csv", "序号,单位,收文数\n1,单位1,38\n\n2,,7".encode("utf-8"), "csv")
    assert plain.text == "序号\t单位\t收文数\n1\t单位1\t38\n\n2\t\t7\n"
    assert [[c.text for c in line.cells] for line in plain.lines] == [
        ["序号", "单位", "收文数"], ["1", "单位1", "38"], [""], ["2", "", "7"]]
    quoted = read_text("x.csv", '单位,说明\n单位1,"甲,乙"\n'.encode("utf-8"), "csv")
    assert [[c.text for c in line.cells] for line in quoted.lines] == [["单位", "说明"], ["单位1", "甲,乙"]]
    assert quoted.text == "单位\t说明\n单位1\t甲,乙\n"
