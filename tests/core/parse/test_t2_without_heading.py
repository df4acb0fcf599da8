"""表二 found by its first block heading where section 二's heading is not in the text (html2text of
a CMS article lost it with the page's layout table; tests/fixtures/zoo/README.md:
w2508-r0031-cms-html-html2text)."""
from __future__ import annotations

from pathlib import Path

from core.pipeline import load_report
from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_t2_is_read_from_its_first_block_heading_without_the_sections_heading():
    # before: 「未找到第二部分统计表」, all 22 cells of the 2019 表二 missing (flagged); the table
    # prints from 「第二十条第（一）项」 on, between section 一's prose and section 三's heading
    report, wrong, silent = read_against_truth(ZOO / "w2508-r0031-cms-html-html2text.md")
    assert not any("第二部分" in p for p in report.problems)
    assert [report.value(f"section2.licensing.{c}") for c in ("prev_items", "change", "decisions")] == [776, -410, 261]
    assert report.value("section2.punishment.decisions") == 31203
    assert report.value("section2.procurement.count") == 1
    assert not any(cell.startswith("section2") for cell in wrong) and silent == []


def test_a_page_number_among_the_tables_lines_is_no_value_without_the_heading(tmp_path):
    # pdftotext's page number 「1」 printed after 「第二十条第（八）项」 is page furniture where 表二
    # has its heading; with the heading gone (a damaged text), 表二 found from its first block
    # heading drops it all the same, not reading it as 行政强制's 本年处理决定数量 unflagged
    data = (ZOO / "pages409-r0032-pdftotext-gbk.txt").read_bytes()
    path = tmp_path / "pages409-r0032-no-heading.txt"
    path.write_bytes(data.replace("二、主动公开政府信息情况".encode("gbk"), b""))
    report = load_report(path)
    assert report.value("section2.coercion.decisions") is None
    assert report.value("section2.licensing.decisions") == 37 and report.value("section2.punishment.decisions") == 39320
