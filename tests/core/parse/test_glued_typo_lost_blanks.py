"""A glued 表三 whose blank cells left no trace, with one row no cut adds up (core/parse/glued_tables.py,
_placed_around_a_typo_row).

docx2txt of q4002 r0007 (units and separators in the cells, blanks dropped): 「3.危及“三安全一稳定”」 prints
「1,398件141件21件24件1,653件」, its 总计 a misprint (1653 for 1584). Eight other rows print 4 or 5 values for
their 6 columns, which blank column each left no trace of known only from the column sums. On main 9ca91b5c the
misprint broke every joint choice, the rows were placed from the left (自然人 first) and 29 cells went a column
off (（一）予以公开's 126 and 157 under 社会公益组织 and 法律服务机构, the typo row's 21 and 24 too), flagged.
The misprint is in the row whose own sum fails under every cut: each of its cells taken as the misprint, only its
总计 leaves a choice under which every other sum holds, one placement a row. Fixture: tests/fixtures/zoo/README.md.
"""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def _row(report, key: str) -> list:
    return [report.value(f"section3.{key}.{c}")
            for c in ("natural", "commercial", "research", "social", "legal", "other", "total")]


def test_the_rows_are_placed_where_the_one_misprint_explains_every_failing_sum():
    report, wrong, silent = read_against_truth(ZOO / "q4002-r0007-docx2txt.txt")
    assert [w for w in wrong if w.startswith("section3")] == []
    assert silent == []
    # the values under the columns the sums give them (a blank column read 0, as the sums fill it)
    assert _row(report, "granted")[4:] == [126, 157, 10058]
    assert _row(report, "other_other")[4:] == [20, 25, 1649]
    assert _row(report, "denied_safety_stability") == [1398, 141, None, None, 21, 24, 1653]  # as printed, misprint and all
    flags = {f.cell: f.message for f in report.flags}
    assert "已放在使各项不符只归于一处笔误的列" in flags["section3.granted"]
    assert "已自左向右放置" not in " ".join(flags.values())


def test_only_the_misprint_is_named_and_its_value_offered():
    report, _, _ = read_against_truth(ZOO / "q4002-r0007-docx2txt.txt")
    t3 = [f for f in check(report) if f.rule.startswith("T3")]
    assert sorted(f.rule for f in t3) == ["T3-2", "T3-3"]  # the 总计 column and the row: no column's sum off
    assert all(f.suggestion is not None and f.suggestion.cell == "section3.denied_safety_stability.total"
               and f.suggestion.value == 1584 for f in t3)
