"""表三's first two rows and stream.head_rows_by_column_sums, on reports whose 一、本年新收 or
二、上年结转 does not add up: rows printed each after its own label are read as printed (the
typo stays for the checks to find and name)."""
from pathlib import Path

from core.check.rules import check
from core.pipeline import load_report

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
HOSTILE = FIXTURES / "hostile"
COLUMNS = ("natural", "commercial", "research", "social", "legal", "other", "total")


def test_head_rows_printed_each_after_its_label_keep_the_printed_order():
    # 一 prints 808 46 0 17 26 0 87 (808 + 46 + 17 + 26 is 897, not 87: the mutated cell) after its
    # label, 二 prints 0 0 0 1 1 0 2 after its own: each row's seven values beside its label are its
    # cells, not interleaved with the other's; the rows are read as printed
    report = load_report(HOSTILE / "mutant-823-zoo-r0030-pdftotext-gbk.txt")
    new = [report.cells[f"section3.new.{c}"].arithmetic for c in COLUMNS]
    carried = [report.cells[f"section3.carried_over.{c}"].arithmetic for c in COLUMNS]
    assert new == [808, 46, 0, 17, 26, 0, 87]
    assert carried == [0, 0, 0, 1, 1, 0, 2]
    # neither row is said to be printed interleaved with the other, nor a cell of it moved
    assert not [f for f in report.flags if "交错印出" in f.message]
    assert not [f for f in report.flags if f.cell.startswith(("section3.new.", "section3.carried_over."))]


def test_a_typo_in_the_first_row_of_a_text_export_is_named_not_read_as_interleaved_rows():
    # LibreOffice's text export prints a cell a line: 一 「9 2 无 无 无 无 12」 (12 for 11: the planted
    # typo), 二 「1 无 无 无 无 无 1」, each after its label. Placed again by the column sums, the 1 of
    # 二 went to 一's 科研机构, four cells of 一 were flagged undecided and no value was suggested.
    # Read as printed, one column's sum (总计) and one row's fail: what one misprint breaks
    report = load_report(FIXTURES / "zoo" / "q2501-r0020-lo-txt-gbk.txt")
    new = [report.cells[f"section3.new.{c}"].arithmetic for c in COLUMNS]
    carried = [report.cells[f"section3.carried_over.{c}"].arithmetic for c in COLUMNS]
    assert new == [9, 2, 0, 0, 0, 0, 12]
    assert carried == [1, 0, 0, 0, 0, 0, 1]
    assert not [f for f in report.flags if "交错印出" in f.message or "几种读法" in f.message]
    suggested = {(f.suggestion.cell, f.suggestion.value) for f in check(report) if f.suggestion}
    assert suggested == {("section3.new.total", 11)}


def test_a_row_printed_out_of_order_after_its_label_is_still_placed_by_the_sums():
    # pdftotext -layout of q2401 r0009: 二、上年结转's label wraps over four lines, its 总计 「2」 on the
    # first, 「2 - - - - -」 two lines below: read in printed order 自然人 2, 商业企业 2, 总计 -, two
    # columns' sums and the row's own fail (more than a misprint): the column sums place it
    report = load_report(FIXTURES / "zoo" / "q2401-r0009-pdftotext-layout-utf-8.txt")
    carried = [report.cells[f"section3.carried_over.{c}"].arithmetic for c in COLUMNS]
    assert carried == [2, 0, 0, 0, 0, 0, 2]
