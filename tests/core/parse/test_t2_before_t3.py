"""Plain pdftotext prints 表三's first two rows (一、本年新收, 二、上年结转) after both their labels and
the table's header, 表二's last columns before them: no value of 表二 is read into 表三, and the two
rows' fourteen values, printed in the order of the page's text blocks, go where the column sums put
them. From committed zoo outputs (tests/fixtures/converters)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.pipeline import load_report
from tests.core.truth import t3_row as _row

CONVERTERS = Path(__file__).resolve().parents[2] / "fixtures" / "converters"


def test_the_second_row_printed_out_of_column_order_is_placed_by_the_column_sums():
    # 二、上年结转 prints "1 0 0 1 0 0 0" (自然人, 法律服务机构, 其他, 总计, 商业企业, 科研机构, 社会公益组织,
    # as pdftotext takes the blocks); 一 + 二 = （七）总计 + 四 per column: 18 + 1 = 17 + 2 for 自然人
    report = load_report(CONVERTERS / "pt4s503-r0020.pdftotext-utf-8.txt")
    assert _row(report, "new") == [18, 4, 0, 0, 0, 0, 22]
    assert _row(report, "carried_over") == [1, 0, 0, 0, 0, 0, 1]
    assert _row(report, "total") == [17, 4, 0, 0, 0, 0, 21]
    assert _row(report, "carried_forward") == [2, 0, 0, 0, 0, 0, 2]
    flagged = {f.cell for f in report.flags}
    assert "section3.carried_over" in flagged  # placed, not read as printed: the auditor checks it
    assert not [f for f in check(report) if f.severity == "error"]


def test_cells_the_column_sums_move_name_what_the_printed_order_read(tmp_path):
    # the same text but 二、上年结转 printed "0 1 0 0 0 0 1" after 一's values: the report may have
    # swapped 自然人 and 商业企业 of row 二 (a real misprint: T3-1 fails in both columns) as much as
    # pdftotext its blocks; the column sums place the 1 under 自然人, and the two cells so moved say
    # what the printed order read, else the misprint vanished without a word
    lines = (CONVERTERS / "pt4s503-r0020.pdftotext-utf-8.txt").read_text(encoding="utf-8").split("\n")
    assert [lines[i] for i in range(108, 121, 2)] == ["1", "0", "0", "1", "0", "0", "0"]
    for i, value in zip(range(108, 121, 2), ["0", "1", "0", "0", "0", "0", "1"]):
        lines[i] = value
    path = tmp_path / "swapped.pdftotext.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    report = load_report(path)
    assert _row(report, "carried_over") == [1, 0, 0, 0, 0, 0, 1]
    moved = {f.cell: f.message for f in report.flags}
    for column, printed in (("natural", "0"), ("commercial", "1")):
        assert f"按印出顺序为{printed}" in moved.get(f"section3.carried_over.{column}", ""), column
    assert "section3.carried_over.total" not in moved  # 1 either way

def test_values_of_table_two_printed_before_table_three_header_are_no_cells_of_it():
    # 表二's 本年新公开数量 1, 对外公开总数量 18, 处理决定数量 12291, 本年增/减 -56 and 24 print after
    # section 三's heading and the labels of its rows 一 and 二 (-56: 表三 counts are never signed)
    report = load_report(CONVERTERS / "zoo-r0016.pdftotext-utf-8.txt")
    read = [cell.value for path, cell in report.cells.items() if path.startswith("section3.")]
    for value in (-56, 12291, 18):
        assert value not in read
    assert not [f for f in check(report) if f.severity == "error"]


def test_table_two_columns_printing_a_value_for_each_row_are_read_after_section_three_heading():
    # a 2019 report, zeros as "-" but for a few blank cells (no trace): under section 三's heading
    # 本年新公开数量 0 4 · 对外公开总数量 20 · 本年增/减 -47 · 处理决定数量 6241 182 · 本年增/减 0 - ·
    # 处理决定数量 3 0 · 本年增/减 0 · 采购总金额 0; a column printing one value for each row of its
    # block is read, and 对外公开总数量 20 is 规范性文件's, the one row publishing anything new (4,
    # counted in its total); -47, alone under a header of two rows, stays unread and flagged
    report = load_report(CONVERTERS / "pt3s502-r0034.pdftotext-gbk.txt")
    read = {
        "rules.new_published": 0, "normative_docs.new_published": 4, "normative_docs.total_published": 20,
        "licensing.decisions": 6241, "other_services.decisions": 182,
        "punishment.change": 0, "punishment.decisions": 3, "coercion.decisions": 0,
        "fees.change": 0, "procurement.amount": 0,
    }
    for path, value in read.items():
        assert report.value(f"section2.{path}") == value, path
    assert report.value("section2.coercion.change") is None  # printed "-"
    for path in ("rules.total_published", "other_services.change", "licensing.change"):
        assert report.value(f"section2.{path}") is None
    flagged = {f.cell for f in report.flags}
    assert {"section2.other_services", "section2.licensing"} <= flagged
    table_three = [cell.value for path, cell in report.cells.items() if path.startswith("section3.")]
    assert -47 not in table_three and 6241 not in table_three and 20 not in table_three
    assert not [f for f in check(report) if f.severity == "error"]


def test_a_value_printed_apart_leaves_the_full_columns_read_and_its_own_column_unread():
    # a 2019 report, zeros as 0 or blank: 处理决定数量 prints 72514 under its header and 2 after an
    # empty line (行政许可 and 其他对外管理服务事项's, as the truth has it; from the text either may be
    # either's, or 2 a later column's), while the other columns print a value for each row
    report = load_report(CONVERTERS / "pt5s802-r0016.pdftotext-utf-8.txt")
    read = {
        "rules.new_published": 2, "rules.total_published": 4,
        "normative_docs.new_published": 0, "normative_docs.total_published": 130,
        "punishment.change": -64, "punishment.decisions": 4191,
        "coercion.change": 0, "coercion.decisions": 32, "fees.change": 0,
    }
    for path, value in read.items():
        assert report.value(f"section2.{path}") == value, path
    assert report.value("section2.licensing.decisions") is None
    assert report.value("section2.other_services.decisions") is None
    flagged = {f.cell for f in report.flags}
    assert {"section2.licensing", "section2.other_services"} <= flagged
    assert not [f for f in check(report) if f.severity == "error"]


def test_a_negative_value_under_a_count_column_is_not_read_into_it(tmp_path):
    # the same report with 处理决定数量's block printing 6241 and -47: a count is never negative, so
    # -47 is another column's (a 本年增/减 printed apart) and the block is not read as this column's
    text = (CONVERTERS / "pt3s502-r0034.pdftotext-gbk.txt").read_bytes()
    assert text.count(b"6241\n182\n") == 1
    changed = tmp_path / "report.pdftotext-gbk.txt"
    changed.write_bytes(text.replace(b"6241\n182\n", b"6241\n-47\n"))
    report = load_report(changed)
    assert report.value("section2.other_services.decisions") is None
    assert report.value("section2.licensing.decisions") is None
    assert {"section2.other_services", "section2.licensing"} <= {f.cell for f in report.flags}
