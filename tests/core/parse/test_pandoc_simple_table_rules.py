"""pandoc's plain text draws a simple table between rules, a run of dashes a column; an empty
column's run is as short as 「--」, which alone is a placeholder. A rule is no row's cells (zoo
w1715 r0013, tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from core.parse.tokens import NA, tokenize
from core.readers.document import TextBuilder
from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_rule_with_short_runs_makes_no_placeholder():
    builder = TextBuilder()
    builder.add_line(["  -------------------- ---------------------------- -- --"])
    builder.add_line(["行政许可  --  5件"])  # (a placeholder beside a label stays one)
    assert [(t.kind, t.line) for t in tokenize(builder.lines) if t.kind == NA] == [(NA, 1)]


def test_a_t2_row_before_a_simple_tables_rule_keeps_its_value_in_its_column():
    # 「行政规范性文件」 prints 16件 under 现行有效件数 only (zeros print blank); the next table's
    # rule ended in 「-- --」, read as two more cells: five for three columns, the blanks trimmed
    # as padding, and 16 stored under 本年制发件数 with no flag
    report, wrong, silent = read_against_truth(ZOO / "w1715-r0013-split-html-pandoc-html-plain.txt")
    assert [report.value(f"section2.normative_docs.{c}") for c in ("issued", "repealed", "in_force")] == [None, None, 16]
    assert [report.value(f"section2.rules.{c}") for c in ("issued", "repealed", "in_force")] == [None, 8, None]
    assert silent == []
