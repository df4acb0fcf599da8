"""表三 rows printing 6 or 8 cells (TEMPLATE.md "rows printing 6 or 8 values") whose converter keeps
their blank cells: pandoc's Markdown of a web page keeps an empty cell's no-break space and pads a
row with bare empty cells; mammoth's raw text leaves two more empty lines for an empty cell (zoo
pq1805, tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import ERROR
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_row_of_8_zeros_told_by_its_printed_blank_past_total_is_flagged_not_read_silently():
    # 「四、结转下年度继续办理」 printed ０ (blank) (blank) － － (blank) ０ (blank): a blank 法人或其他组织
    # subtotal after 自然人, so its second ０ is 其他's and its 总计 blank; read as a stray last cell the
    # ０ is 总计's. Both add up. Its 8th cell holds a no-break space where the rows pandoc padded
    # hold nothing: the row printed 8, and which cells are 0 no sum tells (silent before)
    report, wrong, silent = read_against_truth(ZOO / "pq1805-r0046-pandoc-html-gfm.md")
    flag = next(f for f in report.flags if f.cell == "section3.carried_forward")
    assert "多印1格" in flag.message and "小计，末格总计空白" in flag.message
    # the row of 8 printing counts (一、本年新收, its stray last cell blank) adds up as read: not flagged
    assert t3_row(report, "new") == [149, 32, 7, 0, 0, 3, 191]
    assert not any(f.cell.startswith("section3.new") for f in report.flags)
    # nor are the rows pandoc padded (二、上年结转 printed 7, its 8th cell bare)
    assert not any(f.cell.startswith("section3.carried_over") for f in report.flags)
    assert silent == []


def test_a_row_of_6_in_a_paragraph_stream_is_read_as_6_not_filled_to_7_by_another_streams_gaps():
    # 「四、结转下年度继续办理」 printed 0 0 15 (blank) 0 15 in Word, its 商业企业 0 left out. mammoth's
    # paragraphs tell the blank cell (two more empty lines), and its other rows prove the shape; the
    # gap was read as lynx's two blank cells (one empty line each) and the row as 7: 15 under
    # 科研机构, a false 错误 T3-1 「科研机构」列 424 ≠ 439. Read as a row of 6, the sums place it
    report, wrong, silent = read_against_truth(ZOO / "pq1805-r0048-mammoth-raw.txt")
    assert t3_row(report, "carried_forward") == [0, 0, 0, 15, None, 0, 15]
    assert any(f.cell == "section3.carried_forward" and "印有6个数值" in f.message for f in report.flags)
    assert [f for f in check(report) if f.severity == ERROR] == []
    assert silent == []


def test_a_row_of_6_one_a_paragraph_completed_by_an_empty_line_is_placed_by_the_table():
    # LibreOffice's text, zeros printed 无: 「4、无正当理由大量反复申请」 prints 351 20 4 14 21 410 (its
    # 法律服务机构 left out) and the empty line after its 410 was read as its 7th cell. Its lines
    # were ordered by the row's sum alone, the blank before the 总计: 21 under 法律服务机构, whose
    # column then failed (0 ≠ 21) as 其他's did (723 ≠ 702). Where that one blank goes, the line does
    # not say: the table's sums place it (flagged either way; the report's own misprint, 189 for 183
    # in 6.属于四类过程性信息's 总计, still found)
    report, wrong, silent = read_against_truth(ZOO / "q3201-r0004-lo-txt-gb18030.txt")
    assert t3_row(report, "not_processed_massive") == [351, 20, 4, 14, None, 21, 410]
    assert any(f.cell == "section3.not_processed_massive" for f in report.flags)
    findings = check(report)
    assert not any(f.rule == "T3-2" and "section3.total.legal" in f.cells for f in findings)
    assert any(f.suggestion and f.suggestion.cell == "section3.denied_process_info.total" for f in findings)
    assert wrong == [] and silent == []
