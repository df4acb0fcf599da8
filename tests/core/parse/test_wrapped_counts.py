"""表三 counts too wide for their cells, printed over their units (「493」 over 「个」), read from a
page line by line (pdfplumber): the counts print on the line above their row's label, the units
alone on the line below, the row's one-line cells beside the label (core/parse/wrapped_counts.py).
Read from committed zoo outputs (truth beside each: tests/fixtures/zoo/README.md, section "md54")."""
from __future__ import annotations

from pathlib import Path

from core.parse.wrapped_counts import WRAPPED_ABOVE, WRAPPED_BY_SUMS
from tests.core.truth import covered, read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def _messages(report, key: str) -> list[str]:
    return [f.message for f in report.flags if f.cell == f"section3.{key}"]


def test_counts_above_a_label_are_its_rows_not_the_row_above():
    # 「493 118 639」 above 「一、本年新收…」 (its 28个 beside it, 「个 个 个」 below) went unread, and
    # 「161 213」 above 「（一）予以公开」 were read as 二、上年结转's: four rows a line off, 22 cells
    # wrong (flagged). Zeros print blank here: the rows are short, placed as printed, flagged
    report, wrong, silent = read_against_truth(ZOO / "q2201-r0035-pdfplumber.txt")
    assert silent == []
    assert not [cell for cell in wrong if cell.startswith("section3.")]
    assert t3_row(report, "new") == [493, 118, 28, 0, 0, 0, 639]
    assert t3_row(report, "carried_over") == [12, 11, 3, 0, 0, 0, 26]  # (no longer holding 161 and 213)
    assert t3_row(report, "granted") == [161, 41, 11, 0, 0, 0, 213]
    assert t3_row(report, "total") == [499, 129, 29, 0, 0, 0, 657]
    for key, label in (("new", "一、本年新收政府信息公开申请数量"), ("granted", "（一）予以公开"), ("total", "（七）总计")):
        assert WRAPPED_ABOVE.format(label) in _messages(report, key)
    # (the counts above the first label are read: the table is no longer flagged for them)
    assert not [f for f in report.flags if f.cell == "section3"]


def test_a_row_of_every_cell_is_read_in_the_one_order_the_column_sums_allow():
    # every cell printed (「－」 for none): 「464 150 642」 above 「一、本年新收…」 and 「－ － 9项 19项」
    # beside it may interleave in 20 ways; one only makes T3-1 and T3-2 hold in every column
    report, wrong, silent = read_against_truth(ZOO / "q4242-r0023-pdfplumber.txt")
    assert wrong == [] and silent == []
    assert t3_row(report, "new") == [464, 150, None, None, 9, 19, 642]
    assert t3_row(report, "granted") == [256, 95, None, None, 5, 12, 368]
    assert t3_row(report, "total") == [443, 164, None, None, 8, 21, 636]
    assert WRAPPED_BY_SUMS.format("（一）予以公开") in _messages(report, "granted")
    assert WRAPPED_ABOVE.format("（一）予以公开") not in _messages(report, "granted")


def test_the_same_in_pdftotext_layout_stays_flagged_where_blanks_left_no_trace():
    # pdftotext -layout of the same shape (quirks812): before, 「一、本年新收…」 took the next row's
    # 155 … 155 and its own counts went unread (18 cells wrong, the table flagged); now each row
    # holds its own. 「四、结转下年度继续办理」 (2,614 2,703 over 89 个 0 —) prints 5 cells of 7,
    # its blanks leaving no trace: which cell its 2,703 is the sums place, flagged. Since 「—」 is
    # measured as wide as the PDF draws it (columns.ambiguous_wide), 四 is read right and
    # （七）总计's 27,401 (printed over its 个 like 四's) falls a column early, flagged the same way
    report, wrong, silent = read_against_truth(ZOO / "quirks812-r0026-pdftotext-layout-gbk.txt")
    assert silent == []
    assert t3_row(report, "new") == [25063, 4886, None, None, None, None, 29949]
    assert t3_row(report, "carried_over")[1] == 155 and t3_row(report, "granted")[0] == 10707
    assert [cell for cell in wrong if cell.startswith("section3.")] == [
        "section3.total.other", "section3.total.total"]
    marks = {f.cell for f in report.flags}
    assert all(covered(cell, marks) for cell in wrong if cell.startswith("section3."))


def test_a_count_printed_apart_from_its_unit_is_no_line_of_wrapped_units():
    # plain pdftotext, a cell a line: 「0」 / 「（七）总计」 / 「21 件」 / 「四、结转下年度继续办理」 / 「2件」.
    # 「21 件」 holds a lone 件, but beside a count: the 0 above 「（七）总计」 is 其他处理's, not
    # 总计's wrapped over its unit. Taken down, 总计's row and 结转下年度's were read a cell off
    # (结转下年度's 自然人 2 inferred 23, flagged)
    report, wrong, silent = read_against_truth(ZOO / "pq2204-r0031-pdftotext-utf-8.txt")
    assert silent == []
    assert t3_row(report, "carried_forward")[0] == 2
    assert t3_row(report, "total")[0] == 21
    assert not [m for key in ("total", "carried_forward") for m in _messages(report, key) if "分两行印出" in m]
