"""表三 printed one cell a paragraph right after each row's label (LibreOffice's plain text of a Word
table), a row printing fewer values than its columns, its blank cells leaving no trace: placed again
against the table's column sums (一 + 二 = （七） + 四) once every row is read, as rows printed beside
their labels are (fixtures: tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import DOUBT, ERROR
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_short_row_one_cell_a_paragraph_is_placed_by_the_column_sums():
    # 「一、本年新收」 prints 474 95 0 16 7, 法律服务机构 blank, the 总计 column blank throughout: at
    # 3146a1eb the 7 went under 法律服务机构 (the first of equal placements while the rows below were
    # unread), 其他 was inferred 7 and 总计 599, and 法律服务机构's column sum offered 0 on a right report
    report, wrong, silent = read_against_truth(ZOO / "q7101-r0009-lo-txt-utf-16.txt")
    assert t3_row(report, "new")[:6] == [474, 95, 0, 16, 0, 7]
    assert report.value("section3.new.total") in (None, 0)
    findings = check(report)
    assert [f for f in findings if f.suggestion] == []
    assert [f for f in findings if f.severity in (ERROR, DOUBT)] == []
    assert wrong == [] and silent == []


def test_glued_runs_left_unread_between_the_labels_are_no_table_one_cell_a_paragraph():
    # docx2txt glues most rows' cells into runs no row reads (「300/3」 after 「1.本机关不掌握相关政府信息」):
    # the text's rows are not the table's cells one a paragraph, so no short row is placed again by
    # the column sums. At bc85bdb9 （一）予以公开 read 315 0 0 0 0 0 0, a 1 went into 1.本机关不掌握's
    # 商业企业 and the planted typo's fix (3 for 4 under 自然人) was lost
    from core.check.rules import check
    report, _, silent = read_against_truth(ZOO / "s4401-r0019-docx2txt.txt")
    assert t3_row(report, "unable_not_held") == [3, 0, 0, 0, 0, 0, 3]
    assert report.value("section3.granted.total") is None
    fixes = [(f.suggestion.cell, f.suggestion.value) for f in check(report) if f.suggestion]
    assert ("section3.granted.natural", 4) in fixes
    assert silent == []
