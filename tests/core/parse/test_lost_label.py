"""A 表三 row label lost to characters no decoding reads: a site's page whose text lynx wrote in
one charset while parts came in another (tests/fixtures/zoo/README.md) prints 「（二）部分公开（…）」
as two lines of 「�」, its values 2 … 2 kept. They ran on into 「（一）予以公开」: 11 3 0 14 � � 2 2,
read as 予以公开 11 3 0 14 (社会公益组织) / � / � (placeholders) / 2 (总计), 部分公开 not found, and a
存疑 finding offered 予以公开's 总计 = 28 on a consistent report."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_values_after_a_lost_label_go_to_the_row_whose_label_the_text_lacks():
    report, wrong, silent = read_against_truth(ZOO / "w2803-r0037-split-html-lynx.txt")
    assert t3_row(report, "granted")[0] == 11 and t3_row(report, "granted")[-1] == 14
    assert t3_row(report, "partial")[0] == 2 and t3_row(report, "partial")[-1] == 2
    assert any(f.cell == "section3.partial" and "无法识别的字符" in f.message for f in report.flags)
    assert [f for f in check(report) if f.suggestion is not None] == []
    assert wrong == [] and silent == []


def test_a_lost_last_label_and_lost_header_words_leave_no_cell_unread():
    """w3503 r0001 split-html-lynx (zeros printed as 0): 「四、结转下年度继续办理」's label is lost to two
    lines of 「�」 after （七）总计's 3 0 0 0 0 0 3, its seven 0s kept; 表四's header lost 「其他结果」 to two
    lines of 「�」 before any count. 四、结转 was not found (its 0s run into （七）总计: 印有16个数值) and 表四
    read 17 values for 15, 行政复议's 结果维持 and 结果纠正 left unread."""
    report, wrong, silent = read_against_truth(ZOO / "w3503-r0001-split-html-lynx.txt")
    assert t3_row(report, "total") == [3, 0, 0, 0, 0, 0, 3]
    assert t3_row(report, "carried_forward") == [0] * 7
    assert any(f.cell == "section3.carried_forward" and "无法识别的字符" in f.message for f in report.flags)
    assert [report.value(f"section4.review.{key}") for key in ("maintained", "corrected", "other", "pending", "total")] \
        == [0, 0, 0, 0, 0]
    assert not any(f.cell == "section4" and "印有" in f.message for f in report.flags)
    assert wrong == [] and silent == []


def test_the_first_and_last_rows_lost_labels_in_a_table_leaving_0s_blank():
    """w3503 r0007 split-html-lynx (0s left blank): 「一、本年新收…」's label lost to two lines of 「�」
    between the header's last word 其他 and 418 121 539, before 「二、上年结转…」; 「四、结转下年度…」's
    after （七）总计's 418 111 529, its 15 15 kept. 一 was not found (its values dropped with the header),
    （七）总计 read 418 111 529 � � 15 with 总计 15, and 四 was not found: 10 cells wrong, flagged."""
    report, wrong, silent = read_against_truth(ZOO / "w3503-r0007-split-html-lynx.txt")
    assert t3_row(report, "new") == [418, 121, 0, 0, 0, 0, 539]  # (blank cells placed by the sums: 0)
    assert t3_row(report, "total") == [418, 111, 0, 0, 0, 0, 529]
    assert t3_row(report, "carried_over")[1] == 5 and t3_row(report, "carried_forward")[1] == 15
    assert any(f.cell == "section3.new" and "表头之后" in f.message for f in report.flags)
    assert wrong == [] and silent == []


def test_a_repeated_header_whose_first_line_was_lost_is_no_row_s_cell():
    """w3403 r0038 split-html-lynx (0s left blank): the site split 表三 after 「1.信访举报投诉类申请」 and
    printed its header again, its first line (the 勾稽关系 note) lost to a line of 「�」. The repeated
    header was told as such only from 「申请人情况」 on, so 1.信访's 16 2 18 ran on into a 「�」 cell: the
    row read 1 value, its counts went to 「3.补正后申请内容仍不明确」 above, and the table's blank columns
    were placed a column off (法律服务机构's 15 12 1 2 15 read as 科研机构's): 16 cells wrong, flagged."""
    report, wrong, silent = read_against_truth(ZOO / "w3403-r0038-split-html-lynx.txt")
    assert t3_row(report, "not_processed_complaint") == [16, 2, 0, 0, 0, 0, 18]
    assert t3_row(report, "unable_unclear") in ([None] * 7, [0] * 7)
    assert t3_row(report, "new")[4] == 15 and t3_row(report, "new")[2] in (None, 0)
    assert wrong == [] and silent == []
