"""Traditional characters (a Big5 mirror of a report) are read as the simplified report."""
from __future__ import annotations

from core.readers.document import Document, TextBuilder
from core.readers.traditional import is_traditional, to_simplified


def test_a_traditional_document_reads_as_simplified_with_its_offsets_kept():
    builder = TextBuilder()
    for _ in range(3):
        builder.add_line(["政府信息公開工作年度報告。本年新收政府信息公開申請數量、結轉下年度繼續辦理、行政復議、總計"])
    builder.add_line(["（七）總計", "12", "3"], grid=True)
    document = Document("x.txt", "txt", text=builder.text, lines=builder.lines)
    length = len(document.text)
    to_simplified(document)
    assert document.text.startswith("政府信息公开工作年度报告。本年新收政府信息公开申请数量、结转下年度继续办理、行政复议、总计")
    assert len(document.text) == length
    cell = document.lines[3].cells[0]
    assert cell.text == "（七）总计" == document.text[cell.start:cell.end]


def test_a_simplified_report_quoting_a_few_traditional_names_is_left_alone():
    text = "本年度收到申请12件。" * 200 + "转载自《臺灣關係法》研究與報告。"
    assert not is_traditional(text)
    document = Document("x.txt", "txt", text=text)
    assert to_simplified(document).text == text
