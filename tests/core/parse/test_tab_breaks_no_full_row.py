"""catdoc's text of a Word 表三 whose zeros print blank, a blank cell in every row: no full row to
prove its separators count out (tab_breaks.py: a tab one separator, a line break two), so each row's
values went to the leftmost columns the sums allowed (科研机构 and 社会公益组织 for 法律服务机构 and
其他, flagged). The rows carrying their 总计 count it out into the last column, which proves the
separators; a table whose labels are followed by an extra empty field counts past it and is not
trusted (zoos q2601 and s2307, tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import ERROR
from core.parse.parser import parse
from core.readers.dispatch import read_document
from tests.core.truth import read_against_truth, suggested_fixes, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_rows_carrying_their_totals_prove_the_separators():
    # 「一、本年新收…\t11,002\t1,768\n\t51\t760\t13,581」: 51 法律服务机构, 760 其他 (read 科研, 社会)
    report, wrong, silent = read_against_truth(ZOO / "q2601-r0038-catdoc.txt")
    assert t3_row(report, "new") == [11002, 1768, None, None, 51, 760, 13581]
    assert t3_row(report, "carried_forward") == [188, None, None, None, None, 27, 215]
    assert wrong == [] and silent == []
    # the planted swap (予以公开×商业企业 printed 741, true 714) is named and fixed
    assert ("section3.granted.commercial", 714) in suggested_fixes(check(report))


def test_a_table_of_blank_zeros_and_no_typo_reads_right_with_no_error():
    report, wrong, silent = read_against_truth(ZOO / "s2307-r0019-catdoc.txt")
    assert t3_row(report, "new") == [21523, 3735, None, None, 818, 683, 26759]
    assert wrong == [] and silent == []
    assert [f for f in check(report) if f.severity == ERROR] == []


def test_separators_counting_past_the_last_column_are_not_trusted(tmp_path):
    # an empty field after every row's label: each row would count a column to the right, its
    # 总计 past the table; left to the sums, and the rows so read are flagged, not shifted silently
    text = (ZOO / "q2601-r0038-catdoc.txt").read_text(encoding="utf-8")
    for label in ("一、本年新收政府信息公开申请数量", "（一）予以公开", "（七）总计", "四、结转下年度继续办理"):
        text = text.replace(label + "\t", label + "\t\t")
    shifted = tmp_path / "shifted.txt"
    shifted.write_text(text, encoding="utf-8")
    report = parse(read_document(shifted, shifted.read_bytes()))
    flagged = {f.cell for f in report.flags}
    assert report.value("section3.new.legal") != 51  # the separators were not followed
    assert {"section3.new", "section3.granted", "section3.total", "section3.carried_forward"} <= flagged
