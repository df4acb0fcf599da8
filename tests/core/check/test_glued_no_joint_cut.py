"""docx2txt glues a Word row's cells; with 表三's 总计 column left blank in every row no row has a
sum of its own, and the column sums cut the glued rows together. When a row misprints a count,
no choice of the rows' cuts adds up: the rows were left open, their cells unread, so no sum
through them failed and the misprint showed nowhere. Truth beside the files:
tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import DOUBT, ERROR, GLUED_NO_JOINT_CUT
from tests.core.truth import read_against_truth, suggested_fixes, t3_row, t3_row_flags

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_misprint_in_glued_rows_that_leaves_them_open_is_named_doubtful():
    # q2201 r0027 (2021, placeholders, thousands separators): （七）总计×其他 prints 16 for 61;
    # 14 rows cut several ways each and no choice of them adds up. Too many open rows to try each
    # cell as the misprint: they stay open, and one 存疑 finding names them (the misprint among them).
    report, wrong, silent = read_against_truth(ZOO / "q2201-r0027-docx2txt.txt")
    open_rows = {f.cell for f in report.flags if GLUED_NO_JOINT_CUT in f.causes}
    assert len(open_rows) == 14 and "section3.total" in open_rows
    assert t3_row(report, "total") == [None] * 7
    findings = check(report)
    assert [f for f in findings if f.severity == ERROR] == [] and suggested_fixes(findings) == set()
    named = [f for f in findings if "无论怎样拆分" in f.message]
    assert len(named) == 1 and named[0].severity == DOUBT and "共14行无法唯一拆分" in named[0].message
    assert "section3.total.other" in named[0].cells
    assert {c.rsplit(".", 1)[0] for c in named[0].cells} == open_rows
    assert silent == []


def test_glued_rows_are_cut_where_one_misprint_explains_the_sums():
    # pq2804 r0010 (2019, zeros printed 0): 一、本年新收 prints 3130000 for 13 3 0 0 0 0 misprinted
    # as 31 3 …; （一）予以公开 1030000 (10 3 …), （七）总计 1330000 (13 3 …); 7.属于行政执法案卷 and
    # 1.本机关不掌握 print 1 and 2 under 自然人. The three rows cut several ways (3130000: 31|3,
    # 3|13 or 3|1|30; 1030000: 10|3 or 1|0|30; 1330000: 13|3, 1|33 or 1|3|30), and no choice
    # adds up: （七） = the results asks 10|3 with 13|3, and 一 + 二 = （七） + 四 then asks 13|3
    # of 一, which no cut of 3130000 gives. Taking one cell as the misprint (its sums left out), only
    # 一's or （七）'s 自然人 leave a choice of cuts under which every other sum holds, the same one:
    # 31|3, 10|3, 13|3. Cut so, 一 + 二 = （七） + 四 fails for 自然人 alone: 13 for the 31 printed.
    report, wrong, silent = read_against_truth(ZOO / "pq2804-r0010-docx2txt.txt")
    assert t3_row(report, "new") == [31, 3, 0, 0, 0, 0, None]
    assert t3_row(report, "granted") == [10, 3, 0, 0, 0, 0, None]
    assert t3_row(report, "total") == [13, 3, 0, 0, 0, 0, None]
    for key in ("new", "granted", "total"):
        assert "已按使各项不符只归于一处笔误的拆法拆分" in t3_row_flags(report, key)
    findings = check(report)
    assert [f for f in findings if f.severity == ERROR] == []
    assert suggested_fixes(findings) == {("section3.new.natural", 13)}
    assert [w for w in wrong if w.startswith("section3")] == [] and silent == []
