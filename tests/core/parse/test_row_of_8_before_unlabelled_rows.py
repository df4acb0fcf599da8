"""A 表三 row printing 8 cells on its label's line, then lines of whole rows whose labels a PDF's
text lost (LibreOffice's PDF of a Word report, zoo pq1707 r0026, tests/fixtures/zoo/README.md):
the row's own cells are those on its line, the lines after are the rows after it."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import ERROR
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_row_of_8_blank_cells_keeps_them_and_the_value_lines_after_go_to_the_rows_after_it():
    # 「3.危及“三安全一稳定”」 printed 8 empty cells (a blank 法人或其他组织 subtotal after 自然人) on its
    # line; the lines after print 37 5 _ _ 1 _ 43 … 18 2 _ _ _ _ 20, the rows 4. to 8. whose labels
    # the text lost. Its 8 blanks were trimmed as padding, so it took 37 5 1 43 and every row after
    # it took the next one's values, 8.属于行政查询事项 none: wrong counts on an unflagged row
    report, wrong, silent = read_against_truth(ZOO / "pq1707-r0026-lo-pdf.pdf")
    assert t3_row(report, "denied_safety_stability") == [None] * 7
    assert t3_row(report, "denied_third_party") == [37, 5, None, None, 1, None, 43]
    assert t3_row(report, "denied_admin_query") == [18, 2, None, None, None, None, 20]
    placed = [f.cell for f in report.flags if "已按模板顺序归位" in f.message]
    assert placed == [f"section3.{key}" for key in ("denied_third_party", "denied_internal_affairs",
                                                    "denied_process_info", "denied_law_enforcement_file",
                                                    "denied_admin_query")]
    assert [f for f in check(report) if f.severity == ERROR] == []
    assert wrong == [] and silent == []
