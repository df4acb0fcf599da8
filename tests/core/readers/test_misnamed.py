"""A report saved under another format's name (a PDF as .docx or .txt, a Word file or a web page
as .pdf: a download renamed, a site serving one for the other) is read as what its bytes are.
It was reported 「文件已损坏或不完整，无法打开（docx）」, 「PDF文件已损坏或不完整」 or 「不是文本文件」,
though nothing was wrong with it but its name (qa21)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from core.pipeline import load_report

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
PDF = FIXTURES / "corpus" / "huaian-2024.pdf"
DOCX = FIXTURES / "zoo" / "quirks1913-r0001-docx.docx"
HTML = FIXTURES / "page-gb2312.html"
TEXT = FIXTURES / "zoo" / "band5301-r0006-pdftotext-gbk.txt"


@pytest.mark.parametrize("source, name", [
    (PDF, "淮安2024.docx"), (PDF, "淮安2024.doc"), (PDF, "淮安2024.txt"),
    (DOCX, "永安2021.pdf"), (HTML, "网页.pdf"), (TEXT, "盱眙2021.pdf"),
    (TEXT, "盱眙2021.html"), (TEXT, "盱眙2021.htm"),  # a GBK text export named as a web page (qa26)
])
def test_a_misnamed_report_is_read_as_what_it_is(tmp_path, source, name):
    copy = tmp_path / name
    shutil.copy(source, copy)
    report = load_report(copy)
    named_right = load_report(source)
    assert report.problems == named_right.problems
    assert report.agency == named_right.agency and report.year == named_right.year
    assert report.cells and {p: c.value for p, c in report.cells.items()} == \
        {p: c.value for p, c in named_right.cells.items()}


def test_a_damaged_file_is_still_reported_under_its_own_name(tmp_path):
    broken = tmp_path / "坏.docx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    assert load_report(broken).problems == ["文件已损坏或不完整，无法打开（docx）"]
    text = tmp_path / "说明.txt"
    text.write_text("本文件说明 %PDF-1.4 的用法，不是PDF。", encoding="utf-8")
    assert "不是文本文件" not in "".join(load_report(text).problems)


def test_a_web_page_without_its_html_tag_is_still_read_as_a_page(tmp_path):
    """Only text with no markup at all is read as text: a fragment of table tags stays a page."""
    page = tmp_path / "片段.html"
    page.write_text("<table><tr><td>规章</td><td>4</td></tr></table>", encoding="utf-8")
    assert load_report(page).format == "html"


def test_binary_bytes_named_pdf_are_still_a_damaged_pdf(tmp_path):
    junk = tmp_path / "坏.pdf"
    junk.write_bytes(bytes(range(256)) * 8)
    assert load_report(junk).problems == ["PDF文件已损坏或不完整，无法打开"]
