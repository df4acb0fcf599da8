"""Plain pdftotext prints 表四 one value a paragraph, blank cells as empty paragraphs. A form
feed ends a line of its own: when 表四's first value opens a page, the empty line the feed leaves
is no blank cell. pq1713 r0046 prints 14 zeros under the header, the first on a new page, its 15th
0 after the last page's number 「第4页」 at the very end: the feed's line was read as a blank
行政复议×结果维持 and the 14 zeros as the other cells, 15 cells and no flag (truth 0, a silent
cell). Truth beside the file: tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from core.model import BLANK
from core.pipeline import load_report
from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_table_printing_fewer_values_than_cells_across_a_page_break_is_flagged():
    report, wrong, silent = read_against_truth(ZOO / "pq1713-r0046-pdftotext-gbk.txt")
    flags = [f.message for f in report.flags if f.cell == "section4"]
    assert "表四印有14个数值，模板为15个，请对照原文核对" in flags
    assert [report.cells[p].arithmetic for p in report.cells if p.startswith("section4")] == [0] * 15
    assert not any(c.startswith("section4") for c in wrong)
    assert silent == []


def test_the_same_gap_without_the_page_break_still_stands_for_a_blank_cell(tmp_path):
    """The rule's other side: the form feed printed as an empty line, the two empty lines under
    the header are an empty paragraph: a blank 结果维持 read from the stream, no flag needed."""
    data = (ZOO / "pq1713-r0046-pdftotext-gbk.txt").read_bytes()
    feed = data.index(b"\f0\n")
    path = tmp_path / "no-feed.txt"
    path.write_bytes(data[:feed] + b"\n" + data[feed + 1:])
    report = load_report(path)
    assert report.cells["section4.review.maintained"].state == BLANK
    assert [report.value(p) for p in report.cells if p.startswith("section4")][1:] == [0] * 14
    assert not [f for f in report.flags if f.cell.startswith("section4")]
