"""A 表三 whose 总计 column is left empty: the prose's 「收到申请N件」 and 「结转下年度Z件」 speak of 一's and
四's counts all the same (the row's sum makes them its 总计), so they tell which of the cells a
column's one failing sum runs through is the misprint.

Base: seed 003 (consistent; 表三 counts only under 自然人: 一 22, 二 1, （七）总计 23, 四 0), its 总计
column emptied. With 总计 empty, a misprint in 一 or 四 breaks 一 + 二 = （七）总计 + 四 of its column and
nothing else: 一, 二 and 四 of that column each mend it alone.
"""
from __future__ import annotations

import copy
from pathlib import Path

from core.check.rules import check
from core.model import BLANK, ERROR, CellValue
from core.template import T3_COLUMNS
from tests.core.check.test_rules import clean, with_values  # noqa: F401 (fixture)
from tests.core.check.test_suggestions import with_prose
from tests.core.truth import read_against_truth, suggested_fixes, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def without_totals(report):
    out = copy.deepcopy(report)
    for path in [p for p in out.cells if p.startswith("section3.") and p.endswith(".total")]:
        out.cells[path] = CellValue(None, BLANK, "")
    return out


def test_the_prose_names_the_misprinted_count_of_one_when_the_total_column_is_empty(clean):
    # 一 × 自然人 printed 21 (22): 一 21 + 二 1 = 22 against （七）总计 23 + 四 0. 一 → 22 or 二 → 2 mend
    # it alike (四 would go below 0); the prose's 22 applications are 一's counts: 一 is the misprint
    report = with_values(without_totals(clean), section3__new__natural=21)
    findings = check(report)
    assert suggested_fixes(findings) == set()
    failing = [f for f in findings if f.rule == "T3-1"]
    assert len(failing) == 1 and "无法确定哪个单元格有误" in failing[0].message
    stated = check(with_prose(report, "全年共收到政府信息公开申请22件。"))
    assert suggested_fixes(stated) == {("section3.new.natural", 22)}
    # the prose agreeing with the misprint leaves 二 alone to blame: 1 → 2
    assert suggested_fixes(check(with_prose(report, "全年共收到政府信息公开申请21件。"))) \
        == {("section3.carried_over.natural", 2)}


def test_the_prose_names_the_misprinted_count_of_four_when_the_total_column_is_empty(clean):
    # 四 × 自然人 printed 1 (0): 一 22 + 二 1 = 23 against （七）总计 23 + 四 1 = 24; 四 → 0, 一 → 23 or
    # 二 → 2 mend it; the prose's 「结转下年度继续办理0件」 is 四's count
    report = with_values(without_totals(clean), section3__carried_forward__natural=1)
    assert suggested_fixes(check(report)) == set()
    stated = check(with_prose(report, "结转下年度继续办理0件。"))
    assert suggested_fixes(stated) == {("section3.carried_forward.natural", 0)}


def test_a_swapped_count_of_one_in_a_site_page_with_its_total_column_empty():
    """w3m's text of a site page (zoo w2608, r0021) whose 表三 leaves 总计 empty; 一 × 自然人 printed
    42 for 24 (two digits swapped). 自然人's 一 42 + 二 0 = 42 against （七）总计 23 + 四 1 = 24: 一 → 24
    or 四 → 19 mend it alone (二 → -18 cannot), each a slip of the hand (42 for 24 swapped, 1 for 19
    a digit dropped). The prose's 「收到政府信息公开申请30件」 is 一's 24 + 6: 一 is the misprint."""
    report, wrong, silent = read_against_truth(ZOO / "w2608-r0021-cms-html-w3m.txt")
    assert wrong == [] and silent == []  # (the truth file holds the numbers as printed)
    assert t3_row(report, "new") == [42, 6, 0, 0, 0, 0, None]
    findings = check(report)
    assert suggested_fixes(findings) == {("section3.new.natural", 24)}


def test_an_off_by_one_count_of_four_in_a_web_page_with_its_total_column_empty():
    """LibreOffice's text of a web page (zoo q3006, r0002) whose 表三 leaves 总计 empty; 四 × 自然人
    printed 0 for 1. 自然人's 一 7 + 二 0 = 7 against （七）总计 6 + 四 0 = 6: 四 0 → 1, 一 7 → 6 or
    （七）总计 6 → 7 (its column of results adds up to 6: no) mend it; 一 and 四 alike by one. The
    prose's 「结转下年度继续办理1件」 is 四's count: 四 is the misprint, 1."""
    report, wrong, silent = read_against_truth(ZOO / "q3006-r0002-lo-web-txt-utf-8-sig.txt")
    assert wrong == [] and silent == []
    findings = check(report)
    assert suggested_fixes(findings) == {("section3.carried_forward.natural", 1)}
    failing = [f for f in findings if f.rule == "T3-1"]
    assert len(failing) == 1 and failing[0].suggestion.cell == "section3.carried_forward.natural"


def test_a_report_adding_up_with_an_empty_total_column_stays_without_error(clean):
    findings = check(with_prose(without_totals(clean), "全年共收到政府信息公开申请99件。"))
    assert [f for f in findings if f.severity == ERROR] == []
    assert suggested_fixes(findings) == set()
    assert len(T3_COLUMNS) == 7


def test_the_prose_on_two_tells_a_dropped_digit_of_one_from_one_of_two(clean):
    # 一 × 自然人 printed 2 (22, a 2 dropped): 一 2 + 二 1 = 3 against （七）总计 23 + 四 0. 一 2 → 22 and
    # 二 1 → 21 mend it alike, each a dropped digit; 「受理申请23件」 is 一 + 二 either way (22 + 1 or
    # 2 + 21). 「（含上年结转1件）」 is 二's count: 二 is as printed, 一 the misprint.
    report = with_values(without_totals(clean), section3__new__natural=2)
    assert suggested_fixes(check(with_prose(report, "全年共受理政府信息公开申请23件。"))) == set()
    stated = check(with_prose(report, "全年共受理政府信息公开申请23件（含上年结转1件）。"))
    assert suggested_fixes(stated) == {("section3.new.natural", 22)}
    # a prose saying 二 was 21 blames 二
    assert suggested_fixes(check(with_prose(report, "全年共受理政府信息公开申请23件，上年结转21件。"))) \
        == {("section3.carried_over.natural", 21)}
