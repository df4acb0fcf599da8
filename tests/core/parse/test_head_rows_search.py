"""表三's first two rows placed again by the column sums (stream.head_rows_by_column_sums) on a
report whose 一、本年新收 does not add up: the search with a column left free, then one row let
fail, reads the rows as printed (the typo stays for the checks to find)."""
from pathlib import Path

from core.pipeline import load_report

HOSTILE = Path(__file__).resolve().parents[2] / "fixtures" / "hostile"
COLUMNS = ("natural", "commercial", "research", "social", "legal", "other", "total")


def test_head_rows_placed_with_a_row_let_fail_keep_the_printed_order():
    # 一 prints 808 46 0 17 26 0 87 (808 + 46 + 17 + 26 is 897, not 87: the mutated cell), 二 prints
    # 0 0 0 1 1 0 2 and 四、结转下年度 is all 0: no placement holds every column's sum; with 自然人
    # left free and row 一 let fail, the printed order is the one way that holds the others
    report = load_report(HOSTILE / "mutant-823-zoo-r0030-pdftotext-gbk.txt")
    new = [report.cells[f"section3.new.{c}"].arithmetic for c in COLUMNS]
    carried = [report.cells[f"section3.carried_over.{c}"].arithmetic for c in COLUMNS]
    assert new == [808, 46, 0, 17, 26, 0, 87]
    assert carried == [0, 0, 0, 1, 1, 0, 2]
    flagged = {f.cell: f.kind for f in report.flags}
    assert flagged.get("section3.new") == "inferred"
    assert flagged.get("section3.carried_over") == "inferred"
    # no cell of either row is flagged moved: the placement kept what was printed
    assert not [f for f in report.flags if f.cell.startswith(("section3.new.", "section3.carried_over."))]
