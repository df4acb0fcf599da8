"""A file is what its bytes say: a .txt holding a web page is read as a web page."""
from __future__ import annotations

from pathlib import Path

from core.pipeline import load_report
from core.readers.dispatch import read_document

CONVERTERS = Path(__file__).resolve().parents[2] / "fixtures" / "converters"


def _reads_the_tables(path: Path) -> None:
    doc = read_document(path)
    assert sum(line.grid for line in doc.lines) >= 25  # the table rows, as rows of cells
    report = load_report(path)
    assert report.problems == []
    assert report.value("section3.new.total") == 132
    assert report.value("section3.denied_law_forbidden.natural") == 1  # the page's typo
    assert report.value("section4.review.total") == 4
    assert "<td" not in report.text


def test_a_saved_page_source_under_txt_is_read_as_html():
    _reads_the_tables(CONVERTERS / "page-source.txt")


def test_a_page_held_in_a_script_string_with_escaped_quotes_is_read_as_html():
    assert '\\"' in (CONVERTERS / "page-in-script.txt").read_text(encoding="utf-8")
    _reads_the_tables(CONVERTERS / "page-in-script.txt")
