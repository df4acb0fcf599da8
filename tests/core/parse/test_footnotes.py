"""A note printed right under 表三 or 表四 (「注：1.本表……网上申请 18 件，信函申请 5 件……」) is no
part of the table: in PDF text its counts, spaced apart from their 件, were read as more values of
表三's last row and of 表四's row (flags on a report read right). (wild/notes-under-tables,
wild/notes-naming-rows: the report of wild/t4-two-tables, its tables printed whole, a note under
表三 and 表四; the page, and it through pandoc to Word, LibreOffice to PDF and pdftotext -layout.)"""
from __future__ import annotations

from pathlib import Path

import pytest

from core.check.rules import check
from core.model import ERROR
from core.pipeline import load_report
from tests.core.truth import wrong_cells

WILD = Path(__file__).resolve().parents[2] / "fixtures" / "wild"
TRUTH = "wild/t4-two-tables"


def _table_flags(report) -> list[str]:
    # (「3.其他」's label wraps in the PDF's narrow column, its values on the line above it: a flag of
    # its own, the same without a note)
    return [f.cell for f in report.flags if f.cell.startswith(("section3", "section4")) and f.cell != "section3.other_other"]


@pytest.mark.parametrize("name", ["notes-under-tables.pdftotext-layout.txt", "notes-naming-rows.pdftotext-layout.txt"])
def test_a_note_under_a_table_is_not_read_as_its_values(name):
    """Before: 「四、结转下年度继续办理」 flagged as printing 11 (or 10) values, 表四 as printing 16
    (or 17) of 15, though every cell was right. Now nothing is flagged; the note naming rows
    (「“本机关不掌握相关政府信息”6 件」, 「注：四、结转下年度继续办理 0 件」) moves no value either."""
    report = load_report(WILD / name)
    assert wrong_cells(report, TRUTH) == []
    assert _table_flags(report) == []
    assert report.value("section3.carried_forward.total") == 0 and report.value("section4.litigation_after_review.total") == 16
    assert not [f for f in check(report) if f.severity == ERROR]


def test_a_note_amid_the_rows_is_left_in_the_table(tmp_path):
    """A note printed before the table's last row (a page's foot, the table going on): the row
    after it is read, not dropped with the note."""
    text = (WILD / "notes-under-tables.pdftotext-layout.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    last = next(n for n, line in enumerate(lines) if line.startswith("四、结转下年度继续"))
    note = next(n for n, line in enumerate(lines) if line.startswith("注：1.本表"))
    moved = lines[:last] + lines[note:note + 2] + lines[last:note] + lines[note + 2:]
    path = tmp_path / "note-amid-rows.txt"
    path.write_text("\n".join(moved), encoding="utf-8")
    report = load_report(path)
    assert report.cells["section3.carried_forward.total"].state != "missing"
    assert report.value("section3.carried_forward.total") == 0
    assert report.value("section3.total.total") == 27
