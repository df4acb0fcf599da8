"""The parser on what real tools make of a report: Word, HTML and their text exports.

For each layout: how many cells must be read exactly, and every cell not read exactly must be
flagged — a wrong number nobody flags is the worst bug this product can have.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.pipeline import load_report
from core.check.rules import check
from tests.core.truth import leaves, covered

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
EXPORTS = FIXTURES / "exports"

# (file, truth, cells that must be exactly right out of 200)
LAYOUTS = [
    (FIXTURES / "filled-2021.docx", "filled-2021", 200),
    (FIXTURES / "consistent-2021.docx", "consistent-2021", 200),
    (EXPORTS / "filled-2021.pandoc.md", "filled-2021", 200),          # T3 as raw HTML in Markdown
    (EXPORTS / "consistent-2021.pandoc.md", "consistent-2021", 200),
    (EXPORTS / "consistent-2021.docx2txt.txt", "consistent-2021", 194),  # cells glued together
    (EXPORTS / "consistent-2021.pandoc.txt", "consistent-2021", 25),   # pandoc drops T3: [TABLE]
    (FIXTURES / "page-gb2312.html", "page-gb2312", 200),
    (EXPORTS / "page.lynx.txt", "page-gb2312", 200),
    (EXPORTS / "page.w3m.txt", "page-gb2312", 200),                    # box-drawing borders
    (EXPORTS / "huaian.pdftotext-layout.txt", "huaian-2024", 200),     # pdftotext -layout
    (EXPORTS / "huaian.pdftotext.txt", "huaian-2024", 185),            # reading order: labels after numbers
]


@pytest.mark.parametrize("path,truth_name,must_be_right", LAYOUTS, ids=[p[0].name for p in LAYOUTS])
def test_layout_is_read_or_flagged(path, truth_name, must_be_right):
    truth = json.loads((FIXTURES / f"{truth_name}.expected.json").read_text(encoding="utf-8"))
    report = load_report(path)
    marks = {f.cell for f in report.flags} | {c for f in check(report) for c in f.cells}
    right, silent = 0, []
    for section in ("section2", "section3", "section4"):
        for cell, want in leaves(truth[section], section):
            got = report.value(cell)
            if got == want or (want is None and got in (None, 0)):
                right += 1
            elif not covered(cell, marks):
                silent.append(f"{cell}: truth {want}, got {got}")
    assert silent == []
    assert right >= must_be_right
    assert report.year == truth["year"]


def test_glued_digits_are_split_by_the_row_sums():
    report = load_report(EXPORTS / "consistent-2021.docx2txt.txt")
    assert [report.value(f"section3.new.{c}") for c in
            ("natural", "commercial", "research", "social", "legal", "other", "total")] == [3001, 53, 0, 0, 61, 4, 3119]
    assert "section3.new" in {f.cell for f in report.flags}
    # 12 1 1 6 20 and 1 2 11 6 20 both add up: left empty, never guessed
    assert report.value("section4.litigation_after_review.maintained") is None
    assert report.value("section4.review.total") == 351


def test_numbers_printed_before_their_labels_go_to_the_rows_in_template_order():
    report = load_report(EXPORTS / "huaian.pdftotext.txt")
    assert report.value("section3.granted.total") == 1362
    assert report.value("section3.partial.natural") == 447
    assert report.value("section3.other_other.total") == 110
    assert {"section3.granted", "section3.other_other"} <= {f.cell for f in report.flags}
