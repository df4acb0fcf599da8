"""A LibreOffice PDF of a Word report whose 表三 row 「3.危及“三安全一稳定”」 is drawn in other columns
than the rows around it (the zoo's row_shape quirk): its label cell is narrow, wrapped over four
lines, and the label column's left border stops at its top, so pdfplumber finds no cell for the
labels of 4.–8. below it nor for 「（四）无法提供」 and 「（六）其他处理」; on the next page a cell
crossed by the borders of 「3.其他」 and 「（七）总计」 took both labels. Those words were lost or read
at another row: the values of 4.–8. came out on lines without labels, and the parser handed them out
in template order from 3.危及 on, 3.危及 taking 4.'s values (37 5 1 43) without a flag while 4.–7. were
flagged (a shift keeps every column's sum, so no finding showed either). The words now go to the row
they stand in (core/readers/pdf.py `_place_strays`), and a row handed the first of such value lines
is flagged with the others (truth beside the file: tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from core.model import PLACED_BY_ORDER
from core.parse.parser import parse
from core.readers.dispatch import read_document
from core.readers.document import Document, TextBuilder
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
PDF = ZOO / "pq1707-r0026-lo-pdf.pdf"


def _grid_rows(path: Path) -> list[list[str]]:
    return [[cell.text for cell in line.cells] for line in read_document(str(path)).lines if line.grid]


def test_labels_of_cells_drawn_without_a_border_stay_in_their_rows():
    rows = _grid_rows(PDF)
    assert ["4.保护第三方合法权益", "37", "5", "", "", "1", "", "43"] in rows
    assert ["8.属于行政查询事项", "18", "2", "", "", "", "", "20"] in rows
    assert ["（四）无法提供", "1.本机关不掌握相关政府信息", "140", "22", "", "", "1", "", "163"] in rows
    assert rows.count(["3.其他"] + [""] * 7) == 1  # no longer glued to the label above it
    assert ["（七）总计", "758", "114", "", "", "5", "", "877"] in rows
    assert any(row[0] == "（六）其他处理" for row in rows)


def test_the_row_drawn_apart_reads_blank_and_the_rows_below_it_their_own_values():
    report, wrong, silent = read_against_truth(PDF)
    assert t3_row(report, "denied_safety_stability") == [None] * 7
    assert t3_row(report, "denied_third_party") == [37, 5, None, None, 1, None, 43]
    assert t3_row(report, "denied_internal_affairs") == [56, 8, None, None, None, None, 64]
    assert t3_row(report, "denied_process_info") == [23, 4, None, None, None, None, 27]
    assert t3_row(report, "denied_law_enforcement_file") == [21, 3, None, None, None, None, 24]
    assert t3_row(report, "denied_admin_query") == [18, 2, None, None, None, None, 20]
    assert t3_row(report, "total") == [758, 114, None, None, 5, None, 877]
    assert not any(PLACED_BY_ORDER in f.causes for f in report.flags)
    assert silent == []


# The reading before: 4.–8.'s values on lines of their own after 3.危及's label, 8.'s label lost too.
_LOST_LABELS = """3.危及“三安全一稳定”\t\t\t\t\t\t\t
37\t5\t\t\t1\t\t43
56\t8\t\t\t\t\t64
23\t4\t\t\t\t\t27
21\t3\t\t\t\t\t24
18\t2\t\t\t\t\t20"""
# The same rows, 3.危及's label alone on its line, its values after it (a text of a cell a line): its own.
_LABEL_ALONE = _LOST_LABELS.replace("\t\t\t\t\t\t\t\n", "\n", 1)
# The same rows, 3.危及 printing its values beside its label: those are its own.
_BESIDE_LABEL = """3.危及“三安全一稳定”\t37\t5\t\t\t1\t\t43
56\t8\t\t\t\t\t64
23\t4\t\t\t\t\t27
21\t3\t\t\t\t\t24
18\t2\t\t\t\t\t20"""


def _report_with_rows(rows: str):
    text = f"""北辰市民政局2021年政府信息公开工作年度报告
三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况
自然人\t法人或其他组织\t总计
商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他
一、本年新收政府信息公开申请数量\t758\t114\t\t\t5\t\t877
二、上年结转政府信息公开申请数量\t\t\t\t\t\t\t
三、本年度办理结果\t（一）予以公开\t286\t43\t\t\t3\t\t332
（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t60\t9\t\t\t\t\t69
（三）不予公开\t1.属于国家秘密\t\t\t\t\t\t\t
2.其他法律行政法规禁止公开\t\t\t\t\t\t\t
{rows}
1.本机关不掌握相关政府信息\t140\t22\t\t\t1\t\t163
2.没有现成信息需要另行制作\t30\t4\t\t\t\t\t34
3.补正后申请内容仍不明确\t\t\t\t\t\t\t
（五）不予处理\t1.信访举报投诉类申请\t\t\t\t\t\t\t
2.重复申请\t54\t9\t\t\t\t\t63
3.要求提供公开出版物\t\t\t\t\t\t\t
4.无正当理由大量反复申请\t\t\t\t\t\t\t
5.要求行政机关确认或重新出具已获取信息\t\t\t\t\t\t\t
（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t33\t5\t\t\t\t\t38
2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t\t\t\t\t\t\t
3.其他\t\t\t\t\t\t\t
（七）总计\t758\t114\t\t\t5\t\t877
四、结转下年度继续办理\t\t\t\t\t\t\t
四、政府信息公开行政复议、行政诉讼情况"""
    builder = TextBuilder()
    for line in text.split("\n"):
        cells = line.split("\t")
        builder.add_line(cells, grid=len(cells) > 1)
    return parse(Document("x.pdf", "pdf", None, builder.text, builder.lines, []))


def _placed_by_order(report) -> set[str]:
    return {f.cell.split(".")[1] for f in report.flags if PLACED_BY_ORDER in f.causes}


def test_the_row_taking_the_first_of_the_unlabelled_value_lines_is_flagged_with_the_others():
    # 3.危及 printing 6 empty cells, a row short: 4.'s values, read into it, are one guess with the
    # rows after it, flagged as they are
    report = _report_with_rows(_LOST_LABELS.replace("\t\t\t\t\t\t\t\n", "\t\t\t\t\t\t\n", 1))
    assert t3_row(report, "denied_safety_stability") == [37, 5, None, None, 1, None, 43]
    assert _placed_by_order(report) == {"denied_safety_stability", "denied_third_party", "denied_internal_affairs",
                                        "denied_process_info", "denied_law_enforcement_file"}


def test_a_row_printing_its_blank_cells_on_its_line_keeps_them_and_the_value_lines_go_to_the_rows_after():
    # as the PDF printed it before the reader kept the labels: 3.危及's 7 empty cells are its own
    # (with 8, a blank subtotal after 自然人, the same), the 5 lines are 4. to 8.'s, placed by order
    for blanks in (7, 8):
        report = _report_with_rows(_LOST_LABELS.replace("\t" * 7 + "\n", "\t" * blanks + "\n", 1))
        assert t3_row(report, "denied_safety_stability") == [None] * 7
        assert t3_row(report, "denied_third_party") == [37, 5, None, None, 1, None, 43]
        assert t3_row(report, "denied_admin_query") == [18, 2, None, None, None, None, 20]
        assert _placed_by_order(report) == {"denied_third_party", "denied_internal_affairs", "denied_process_info",
                                            "denied_law_enforcement_file", "denied_admin_query"}


def test_a_row_printing_values_beside_its_label_or_after_its_label_alone_keeps_them_unflagged():
    for rows in (_BESIDE_LABEL, _LABEL_ALONE):
        report = _report_with_rows(rows)
        assert t3_row(report, "denied_safety_stability") == [37, 5, None, None, 1, None, 43]
        assert "denied_safety_stability" not in _placed_by_order(report)
        assert "denied_third_party" in _placed_by_order(report)
