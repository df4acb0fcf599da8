"""Plain pdftotext scatters 表三's body when every zero prints: most values come out away from their
labels, but some rows still print whole right after their label, seven counts whose parts add up
to the 总计. Those rows are read as printed, not placed by the template's order. From a committed
zoo output (tests/fixtures/converters)."""
from __future__ import annotations

from core.check.rules import check
from core.pipeline import load_report
from tests.core.parse.test_t2_before_t3 import CONVERTERS, _row  # a 表三 row of a committed output


def test_rows_printed_whole_after_their_label_are_read_as_printed():
    # "（三）不 4.保护第三方合法权益" then 1193 96 / 72 / 0 / 9 / 0 / 1370 (1193+96+72+9 = 1370), and
    # likewise 「1.本机关不掌握相关政府信息」 5809 467 354 0 46 0 6676 and 「1.信访举报投诉类申请」
    # 553 44 33 0 4 0 634; the parser had put zeros or other rows' values there, by the template's order
    report = load_report(CONVERTERS / "ptplain1212-r0008.pdftotext-gbk.txt")
    assert _row(report, "denied_third_party") == [1193, 96, 72, 0, 9, 0, 1370]
    assert _row(report, "unable_not_held") == [5809, 467, 354, 0, 46, 0, 6676]
    assert _row(report, "not_processed_complaint") == [553, 44, 33, 0, 4, 0, 634]
    # 「2.重复申请」 prints seven zeros right after its label
    assert _row(report, "not_processed_duplicate") == [0] * 7
    flagged = {f.cell for f in report.flags}
    assert "section3.denied_third_party" not in flagged
    # the rows still scattered stay flagged: nothing wrong goes unnoticed
    assert "section3.granted" in flagged or any(f.cell.startswith("section3.granted") for f in report.flags)
    assert not [f for f in check(report) if f.severity == "error"]


def _swapped_first_row(tmp_path):
    # a 2021 report printing its zeros as "-": 「一、本年新收政府信息公开申请数量」 then 18 / 4 / - / - /
    # - / - / 22 right after it; the copy misprints 18 and 4 in each other's columns (4 自然人, 18 商业企业)
    text = (CONVERTERS / "ptplain1212-r0005.pdftotext-gbk.txt").read_bytes()
    row = "一、本年新收政府信息公开申请数量\n\n18\n\n4\n\n-\n".encode("gbk")
    assert text.count(row) == 1
    path = tmp_path / "report.pdftotext-gbk.txt"
    path.write_bytes(text.replace(row, "一、本年新收政府信息公开申请数量\n\n4\n\n18\n\n-\n".encode("gbk")))
    return load_report(path)


def test_a_row_printing_placeholders_beside_its_label_is_read_as_printed():
    report = load_report(CONVERTERS / "ptplain1212-r0005.pdftotext-gbk.txt")
    assert _row(report, "new") == [18, 4, None, None, None, None, 22]
    assert report.cells["section3.new.research"].state == "placeholder"  # "-": printed, counted as 0
    assert not [f for f in check(report) if f.severity == "error"]


def test_a_misprint_in_a_row_printed_beside_its_label_is_named_by_the_column_sums(tmp_path):
    # the rest of 表三 scatters: a reading of the whole table put 18 and 4 back where every sum holds
    # and the misprint vanished behind the row's general 请核对; read as printed, the two columns'
    # T3-1 sums name it
    report = _swapped_first_row(tmp_path)
    assert _row(report, "new") == [4, 18, None, None, None, None, 22]
    named = {cell for f in check(report) if f.rule == "T3-1" for cell in f.cells}
    assert {"section3.new.natural", "section3.new.commercial"} <= named


def test_a_row_printed_beside_its_label_not_adding_up_is_not_mended_by_moving_its_values(tmp_path):
    # the report misprints 一's 商业企业 and 总计 in each other's cells: 18 22 - - - - 4 right after
    # the label. The whole-table reading moved 22 and 4 back so that every sum held, and nothing
    # but the row's general 请核对 was left of the misprint; a row printed whole beside its label
    # prints its values left to right, so it is read as printed and the sums name it
    text = (CONVERTERS / "ptplain1212-r0005.pdftotext-gbk.txt").read_bytes()
    label = "一、本年新收政府信息公开申请数量\n\n".encode("gbk")
    assert text.count(label + b"18\n\n4\n\n-\n\n-\n\n-\n\n-\n\n22\n") == 1
    path = tmp_path / "report.pdftotext-gbk.txt"
    path.write_bytes(text.replace(label + b"18\n\n4\n\n-\n\n-\n\n-\n\n-\n\n22\n",
                                  label + b"18\n\n22\n\n-\n\n-\n\n-\n\n-\n\n4\n"))
    report = load_report(path)
    assert _row(report, "new") == [18, 22, None, None, None, None, 4]
    findings = check(report)
    row_sum = [f for f in findings if f.rule == "T3-3" and "section3.new.total" in f.cells]
    assert row_sum and row_sum[0].severity == "error"
    named = {cell for f in findings if f.rule == "T3-1" for cell in f.cells}
    assert {"section3.new.commercial", "section3.new.total"} <= named


def test_a_line_of_labels_gives_its_values_to_none_of_them_for_sure():
    # LibreOffice's PDF of a Word report (quirks zoo 907, r0009; tests/fixtures/zoo) prints one line
    # 「3.补正后申请内容仍不明确 1.信访举报投诉类申请 2.重复申请 3.要求提供公开出版物 （五）不 予处理
    # 4.无正当理由大量反复申请 5.要求行政机关确认或重新出具已 获取信息」 then / / / / / / / (the first row's),
    # and further down each row of （五） again beside its own values. The line ended with 5.'s full
    # label, so its placeholders counted as 5.'s row printed a second time, and 5.'s own row
    # (1176 47 27 20 / 32 1302, adding up) was left unread (flagged). A line holding labels before
    # its last names no row for sure: 5. is read from its own line
    from pathlib import Path

    from tests.core.truth import read_against_truth

    zoo = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
    report, wrong, silent = read_against_truth(zoo / "quirks907-r0009-lo-pdf.pdf")
    assert _row(report, "not_processed_confirm") == [1176, 47, 27, 20, None, 32, 1302]
    assert not any(w.startswith("section3.not_processed_confirm") for w in wrong)
    assert silent == []
