"""A row whose blanks left no trace (docx2txt's glued runs) is placed from the left: which column a
count is in is a guess. Where the sums fill a cell the row did not print with that very count, next
to it with only zeros between, the count may be that cell's, and the report right: the checks say
the sums fail in doubt and offer no 0 for the count. Fixture: tests/fixtures/zoo/README.md (q3106)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import DOUBT
from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_placed_count_the_sums_inferred_beside_it_is_not_offered_0():
    # 「四、结转下年度继续办理」 prints 「4项00－04项」 (自然人 blank, 商业企业 4, …, 总计 4): the 4
    # was placed under 自然人 and 商业企业's 4 inferred from its column; at 69642b02 自然人 0 was
    # offered as a correction where the report prints a blank
    report, _, silent = read_against_truth(ZOO / "q3106-r0038-docx2txt.txt")
    assert silent == []
    assert report.value("section3.carried_forward.natural") == 4  # (read so still: flagged)
    assert report.cells["section3.carried_forward.commercial"].value == 4
    findings = [f for f in check(report) if "section3.carried_forward.natural" in f.cells]
    assert findings and all(f.severity == DOUBT for f in findings)
    assert [f.suggestion for f in findings if f.suggestion] == []
