"""Glued 表三 rows: blank cells that left no trace placed by the column sums weighed one at a time
(core/parse/glued_places.py), and numbers printed with thousands separators (stream.glued_text)."""
from __future__ import annotations

from pathlib import Path

from core.equations import Equation
from core.parse.glued_places import placed_by_sums, sums_may_hold
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"

PATHS = {"a": ["a.x", "a.y"], "b": ["b.x", "b.y"]}
SUMS = [Equation("T", ("t.x",), ("a.x", "b.x"), "column"), Equation("T", ("t.y",), ("a.y", "b.y"), "column")]


def test_the_one_placement_every_sum_holds_under_is_chosen():
    # a prints 5 and b prints 3, each in column x or y; the totals 5 and 3 say where
    rows = {"a": [(5, 0), (0, 5)], "b": [(3, 0), (0, 3)]}
    assert placed_by_sums(rows, PATHS, SUMS, {"t.x": 5, "t.y": 3}) == {"a": 0, "b": 1}
    assert placed_by_sums(rows, PATHS, SUMS, {"t.x": 8, "t.y": 0}) == {"a": 0, "b": 0}


def test_no_placement_when_the_sums_allow_two_or_none():
    rows = {"a": [(5, 0), (0, 5)], "b": [(5, 0), (0, 5)]}
    assert placed_by_sums(rows, PATHS, SUMS, {"t.x": 5, "t.y": 5}) is None  # a in x and b in y, or the other way
    rows = {"a": [(5, 0), (0, 5)], "b": [(3, 0), (0, 3)]}
    assert placed_by_sums(rows, PATHS, SUMS, {"t.x": 6, "t.y": 2}) is None  # a typo: no placement adds up
    assert placed_by_sums(rows, PATHS, SUMS, {"t.x": None, "t.y": 3}) == {"a": 0, "b": 1}  # y's sum alone says
    rows = {"a": [(5, 0), (0, 5)], "b": [(5, 0), (0, 5)]}
    assert placed_by_sums(rows, PATHS, SUMS, {"t.x": None, "t.y": 5}) is None  # x's total unknown: two ways


def test_a_placement_the_sums_rule_out_is_told():
    rows = {"a": [(5, 0), (0, 5)], "b": [(3, 0), (0, 3)]}
    assert sums_may_hold(rows, PATHS, SUMS, {"t.x": 5, "t.y": 3}) is True
    assert sums_may_hold({"a": [(5, 0)], "b": rows["b"]}, PATHS, SUMS, {"t.x": 5, "t.y": 3}) is True
    assert sums_may_hold({"a": [(0, 5)], "b": rows["b"]}, PATHS, SUMS, {"t.x": 5, "t.y": 3}) is False  # y: 5 + b > 3
    assert sums_may_hold({"a": [(0, 5)], "b": rows["b"]}, PATHS, SUMS, {"t.x": None, "t.y": None}) is True


def test_a_row_placed_by_guess_goes_where_the_column_sums_can_hold():
    # q2506 r0009 (docx2txt, blanks dropped): 「二、上年结转」 prints 963 14 977 and no cut or sum says
    # which blank columns 14 skips: placed from the left, 14 went to 商业企业, where 一 + 二 = （七） + 四
    # cannot hold (3527 + 14 against 3291 + 236, rows already read). The leftmost placement the sums
    # leave possible puts it under 社会公益组织 (358 + 14 = 336 + 36); still flagged, as placed by guess
    report, wrong, silent = read_against_truth(ZOO / "q2506-r0009-docx2txt.txt")
    assert t3_row(report, "carried_over") == [963, None, None, 14, None, None, 977]
    assert any(f.cell == "section3.carried_over" and "自左向右放置" in f.message for f in report.flags)
    assert not [c for c in wrong if c.startswith("section3.carried_over")] and silent == []


def test_a_docx2txt_table_with_many_blanks_dropped_is_placed_by_its_column_sums():
    # 「（一）予以公开1472714790052016726」: 14727 1479 0 · 0 520 16726 with one blank among the
    # applicant columns, and eight more rows alike: millions of joint placements, more than the joint
    # search walks, so each row was placed from the left (520 under 法律服务机构; 17 cells wrong,
    # flagged, on 0e390b8). Weighed one sum at a time, 其他's sums leave one placement.
    report, wrong, silent = read_against_truth(ZOO / "zoo77-r0013-docx2txt.txt")
    assert t3_row(report, "granted")[4:] == [0, 520, 16726]
    assert t3_row(report, "carried_over")[4:] == [0, 65, 268]
    assert t3_row(report, "total")[4:] == [0, 791, 25468]
    assert not any(w.startswith("section3.") for w in wrong)
    assert silent == []
    assert not any("自左向右" in f.message for f in report.flags)


def test_a_glued_number_with_thousands_separators_ends_after_its_last_group():
    # 「3,0836253,708二、上年结转…」: 3,083 625 3,708, blanks dropped. The comma was no value
    # character: the run ended at 「3」, no cut added up and 一, 予以公开 and 总计 were left unread
    # (9 cells wrong, flagged, on 0e390b8). Each cell spans its digits as printed, separators too.
    report, wrong, silent = read_against_truth(ZOO / "quirks907-r0028-docx2txt.txt")
    assert t3_row(report, "new") == [3083, 625, None, None, None, None, 3708]
    assert t3_row(report, "granted") == [1148, 216, None, None, None, None, 1364]
    assert t3_row(report, "total") == [3033, 568, None, None, None, None, 3601]
    assert report.cells["section3.new.natural"].raw == "3,083"
    assert not any(w.startswith("section3.") for w in wrong)
    assert silent == []


def test_glued_text_takes_separators_out_and_says_where_each_character_prints():
    from core.parse.stream import glued_text
    text, origin = glued_text("总计２，０４１５１５－－1,234,5679")
    assert text == "总计2041 515－－1234567  9"
    assert origin is not None and [("总计２，０４１５１５－－1,234,5679")[i] for i in origin] == list("总计２０４１，５１５－－1234567,,9")
    # no group of three after the comma: nothing moves (a count's unit reads as a break after it)
    assert glued_text("无分隔12，3件") == ("无分隔12，3 ", None)
