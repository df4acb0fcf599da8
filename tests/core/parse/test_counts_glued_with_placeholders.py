"""Counts glued with their units and placeholders (docx2txt drops the cell breaks) are a cell
each; a date is none (a q2718 converter zoo output, with its truth beside it)."""
from __future__ import annotations

from pathlib import Path

from core.pipeline import load_report
from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_counts_glued_with_placeholders_are_cells_each():
    # docx2txt drops the cell breaks: "１３１５项２３０项////１５４５项二、上年结转…" prints 表三's first row,
    # then the next row's label; each count closed by its unit and each "／" is a cell (7 cells).
    # Read as "1315项" "230项" then text, the row had 2 values and its 总计 was lost (flagged)
    path = ZOO / "quirks2718-r0015-docx2txt.txt"
    report = load_report(path)
    columns = ("natural", "commercial", "research", "social", "legal", "other", "total")
    assert [report.value(f"section3.new.{c}") for c in columns] == [1315, 230, None, None, None, None, 1545]
    assert [report.value(f"section3.carried_over.{c}") for c in columns] == [None, 4, None, None, None, None, 4]
    assert [report.value(f"section3.total.{c}") for c in columns] == [1315, 222, None, None, None, None, 1537]
    assert report.cells["section3.new.research"].state == "placeholder"
    _, wrong, silent = read_against_truth(path)
    assert not [cell for cell in wrong if cell.startswith("section3")] and silent == []


def test_a_date_is_no_row_of_glued_counts():
    # a count carrying its unit is what says the digits are cells; a date carries none
    from core.parse.tokens import NA, NUM, TEXT, tokenize
    from core.readers.document import TextBuilder
    builder = TextBuilder()
    for text in ("2021/12/31", "3项/", "／４项／／／／４项"):
        builder.add_line([text])
    assert [(t.kind, t.text) for t in tokenize(builder.lines)] == [
        (TEXT, "2021/12/31"), (NUM, "3项"), (NA, "/"),
        (NA, "/"), (NUM, "4项"), (NA, "/"), (NA, "/"), (NA, "/"), (NA, "/"), (NUM, "4项")]
