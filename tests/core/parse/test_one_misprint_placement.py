"""A glued 表三 row whose blanks left no trace, placed by guess, moved to where the table's failing
sums cross at one cell (core/parse/one_misprint.py). Fixture: tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.equations import equations
from core.parse.one_misprint import one_cell_mends, placement_for_one_misprint
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
T3 = [e for e in equations("2021") if e.rule.startswith("T3")]
ROWS = ("new", "carried_over", "granted", "total", "carried_forward")
COLUMNS = ("natural", "commercial", "research", "social", "legal", "other", "total")


def table(rows: dict[str, tuple]) -> dict:
    """表三 of 2021 with `rows` as given (7 values each) and every other row 0."""
    values = {f"section3.{e}": 0 for eq in T3 for e in (p.split(".", 1)[1] for p in eq.cells)}
    for key, cells in rows.items():
        values.update((f"section3.{key}.{c}", v) for c, v in zip(COLUMNS, cells))
    return values


def test_the_carried_forward_count_goes_where_the_misprint_alone_explains_the_sums():
    # q2206 r0009: 「一、本年新收」 prints 722 66 9 … 897 (商业企业 66 for 166: no cut adds up), 「四、结转
    # 下年度」 a lone 6 (商业企业). Placed from the left under 自然人, 自然人's and 商业企业's 一+二 = （七）+ 四
    # both failed beside 一's own sum: no cell explained them and nothing was suggested. Under 商业企业
    # only 一's sum and 商业企业's column fail, both mended by 一×商业企业 = 166
    report, wrong, silent = read_against_truth(ZOO / "q2206-r0009-docx2txt.txt")
    assert t3_row(report, "carried_forward") == [None, 6, None, None, None, None, 6]
    assert any(f.cell == "section3.carried_forward" and "一处笔误" in f.message for f in report.flags)
    findings = check(report)
    assert {(f.suggestion.cell, f.suggestion.value) for f in findings if f.suggestion} == {("section3.new.commercial", 166)}
    assert "section3.carried_forward.natural" not in wrong and silent == []


def test_one_cell_mends_only_sums_crossing_at_one_cell():
    holds = table({"new": (5, 1, 0, 0, 0, 0, 6), "granted": (5, 1, 0, 0, 0, 0, 6), "total": (5, 1, 0, 0, 0, 0, 6)})
    assert one_cell_mends(T3, holds) is None  # every sum holds
    misprint = {**holds, "section3.new.commercial": 2}  # its row and its column fail: one cell mends both
    assert one_cell_mends(T3, misprint) is True
    two = {**misprint, "section3.granted.natural": 4}  # another column and row fail too
    assert one_cell_mends(T3, two) is False


def test_only_a_row_with_one_placement_that_explains_the_sums_is_moved():
    paths = {key: [f"section3.{key}.{c}" for c in COLUMNS] for key in ROWS}
    # 一 misprints 商业企业 66 for 166; 四's 6 read under 自然人 (the guess), its placements any part column;
    # （一）予以公开 the one result row (so it equals （七）总计)
    values = table({"new": (722, 66, 9, 0, 0, 0, 897), "carried_over": (42, 11, 1, 0, 0, 0, 54),
                    "granted": (764, 171, 10, 0, 0, 0, 945), "total": (764, 171, 10, 0, 0, 0, 945),
                    "carried_forward": (6, 0, 0, 0, 0, 0, 6)})
    placements = {"carried_forward": [tuple(6 if c in (n, 6) else 0 for c in range(7)) for n in range(6)]}
    assert placement_for_one_misprint(["carried_forward"], placements, paths, T3, values) == \
        ("carried_forward", (0, 6, 0, 0, 0, 0, 6))
    # with no misprint and every sum holding, nothing is moved
    consistent = {**values, "section3.new.commercial": 166, "section3.carried_forward.natural": 0,
                  "section3.carried_forward.commercial": 6}
    assert placement_for_one_misprint(["carried_forward"], placements, paths, T3, consistent) is None
