"""表四 printed short of its blank cells (pdfplumber's and pdftotext's text drop them)."""
from __future__ import annotations

from core.parse.t4 import _t4_placed_by_groups
from core.parse.tokens import NUM, Token


def _values(*numbers: int) -> list[Token]:
    return [Token(NUM, str(n), 2 * i, 2 * i + 1, 0, n) for i, n in enumerate(numbers)]


def test_seven_values_go_leftmost_where_every_group_adds_up_and_prints_its_total():
    placed = _t4_placed_by_groups(_values(2, 1, 3, 5, 5, 4, 4), 15)
    assert [t.value if t else None for t in placed] == [2, 1, None, None, 3, 5, None, None, None, 5,
                                                         4, None, None, None, 4]


def test_no_placement_when_a_group_cannot_add_up():
    assert _t4_placed_by_groups(_values(2, 1, 4, 5, 5, 4, 4), 15) is None  # 2 + 1 is not 4


def test_layout_line_with_a_misprinted_group_is_placed_by_its_columns():
    # pdftotext -layout, 表四 on one space-aligned line of 12 values (3 blank cells); 未经复议直接起诉
    # prints 11 无 0 · 10 (a typo: its 总计 is 11). No placement adds up in every group, yet each
    # value lies under its column name: read by position, the typo left to the checker (T4-2).
    # Before: all 15 cells read in printed order and flagged, 10 of them wrong
    from pathlib import Path

    from core.check.rules import check
    from tests.core.truth import read_against_truth

    report, wrong, silent = read_against_truth(Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
                                               / "p6007-r0022-pdftotext-layout-gbk.txt")
    assert wrong == [] and silent == []
    direct = [report.value(f"section4.litigation_direct.{c}") for c in ("maintained", "corrected", "other",
                                                                        "pending", "total")]
    assert direct == [11, None, 0, None, 10]
    assert not [f for f in report.flags if f.cell.startswith("section4")]
    assert any(f.rule == "T4-2" for f in check(report))


def test_the_prose_settles_which_group_two_values_fill():
    # mammoth's Markdown drops 表四's blank cells: 「3 3」 is left, and every group can take it (a
    # result and its 总计). The leftmost placement read it as 行政复议 and N-1 then warned 「正文称
    # 行政复议0件，表四行政复议总计为3件」 on a right report; the prose (「行政复议0件、行政诉讼3件」)
    # puts it under 未经复议直接起诉, the first 行政诉讼 group, as printed
    from pathlib import Path

    from core.check.rules import check
    from tests.core.truth import read_against_truth

    report, wrong, silent = read_against_truth(Path(__file__).parents[2] / "fixtures" / "zoo" / "dev-r0002-mammoth-md.md")
    assert report.value("section4.review.total") in (0, None)
    assert report.value("section4.litigation_direct.maintained") == 3
    assert report.value("section4.litigation_direct.total") == 3
    assert not [c for c in wrong if c.startswith("section4")] and silent == []
    assert "按正文所称行政复议0件、行政诉讼3件放置" in next(f.message for f in report.flags if f.cell == "section4")
    assert not [f for f in check(report) if f.rule == "N-1"]


def test_the_prose_chooses_nothing_where_no_placement_agrees():
    # a prose count no placement gives (the prose's own slip): the leftmost placement, as before
    placed = _t4_placed_by_groups(_values(2, 1, 3, 5, 5, 4, 4), 15, (7, None))
    assert [t.value if t else None for t in placed] == [2, 1, None, None, 3, 5, None, None, None, 5,
                                                         4, None, None, None, 4]
    placed = _t4_placed_by_groups(_values(3, 3), 15, (0, 3))
    assert [t.value if t else None for t in placed][:10] == [None] * 5 + [3, None, None, None, 3]
