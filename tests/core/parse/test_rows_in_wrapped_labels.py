"""表三 rows plain pdftotext printed inside their wrapped label.

q2501 r0008: 「5.要求行政机关确认或重新出具已」, then the row's seven values (1 — — — — — 1), then
「获取信息」, the label's second line. On main 9d948939 the block cuts shifted the run and the row was
read all 「—」: 1 lost in 自然人 and 总计 (flagged), and the 自然人 column short by it made the checks
suggest 5 for （二）部分公开's 自然人, on a consistent report. The values between a label's two lines,
a line each, exactly a row's and adding up, are that row as printed. Fixtures:
tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from core.pipeline import check_report
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
def test_values_printed_between_a_wrapped_labels_lines_are_its_row():
    report, wrong, silent = read_against_truth(ZOO / "q2501-r0008-pdftotext-gbk.txt")
    assert t3_row(report, "not_processed_confirm") == [1, None, None, None, None, None, 1]
    assert report.cells["section3.not_processed_confirm.commercial"].state == "placeholder"
    assert not [w for w in wrong if w.startswith("section3.not_processed_confirm.")]
    # the 自然人 column adds up: no suggestion puts a value in （二）部分公开's 自然人
    suggested = {f.suggestion.cell for f in check_report(report) if f.suggestion}
    assert "section3.partial.natural" not in suggested
    assert silent == []

