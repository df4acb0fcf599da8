"""Plain text exports (.txt .text .md .csv): one Line per physical line.

Text exports keep the table as tab-separated fields (or one cell per line); an empty field may
be a merged cell or padding, so lines are never grid lines. The display text is the file's own
text (newlines normalised), so a reviewer sees exactly what was saved.
"""
from __future__ import annotations

import csv
import io

from core.readers.document import Document, TextBuilder
from core.readers.encoding import decode_with_problems, looks_binary, utf16_without_bom

BINARY_PROBLEM = "不是文本文件（疑似二进制内容）"
MOJIBAKE_PROBLEM = "文件中的中文曾被按西文编码（Latin-1）转存而成乱码，已按GB18030还原，个别字符可能缺失"


def read_text(path: str, data: bytes, fmt: str = "txt") -> Document:
    """Decode the bytes and split them into lines of tab-separated cells (csv: comma)."""
    if _is_binary(data):
        return Document(path, fmt, problems=[BINARY_PROBLEM])
    text, encoding, problems = decode_with_problems(data)
    repaired = _undo_latin1_mojibake(text)
    if repaired is not None:
        text = repaired
        problems.append(MOJIBAKE_PROBLEM)
    # pdftotext separates pages with a form feed: a page break is a line break here.
    text = text.replace("\f", "\n")
    rows = _csv_rows(text, problems) if fmt == "csv" else None
    if rows is None:
        rows = [line.split("\t") for line in _physical_lines(text)]
    builder = TextBuilder()
    for cells in rows:
        builder.add_line(cells)
    return Document(path, fmt, encoding, builder.text, builder.lines, problems)


def _undo_latin1_mojibake(text: str) -> str | None:
    """GBK text that a tool decoded as Latin-1 and saved again ("°²Æ½ÊÐ"): its characters are
    the GBK bytes. Taken back to bytes and decoded as GB18030 when that yields Chinese text."""
    sample = text[:20000]
    high = sum(1 for ch in sample if "\xa1" <= ch <= "\xfe")
    if high < 100 or any("\u4e00" <= ch <= "\u9fff" for ch in sample) or any(ord(ch) > 0xff for ch in text):
        return None
    repaired = text.encode("latin-1").decode("gb18030", errors="replace")
    chinese = sum(1 for ch in repaired[:20000] if "\u4e00" <= ch <= "\u9fff")
    return repaired if chinese * 2 >= high // 2 and repaired.count("\ufffd") * 20 < chinese else None


def _is_binary(data: bytes) -> bool:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or utf16_without_bom(data):
        return False
    return looks_binary(data)


def _physical_lines(text: str) -> list[str]:
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the final newline ends the last line, it does not start a new one
    return lines


def _csv_rows(text: str, problems: list[str]) -> list[list[str]] | None:
    """Comma-separated rows via the csv module; None (and a problem) if the file is not CSV."""
    try:
        return [row or [""] for row in csv.reader(io.StringIO(text))]
    except csv.Error:
        problems.append("CSV格式有误，已按普通文本逐行读取")
        return None
