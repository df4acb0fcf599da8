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


def read_text(path: str, data: bytes, fmt: str = "txt") -> Document:
    """Decode the bytes and split them into lines of tab-separated cells (csv: comma)."""
    if _is_binary(data):
        return Document(path, fmt, problems=[BINARY_PROBLEM])
    text, encoding, problems = decode_with_problems(data)
    # pdftotext separates pages with a form feed: a page break is a line break here.
    text = text.replace("\f", "\n")
    rows = _csv_rows(text, problems) if fmt == "csv" else None
    if rows is None:
        rows = [line.split("\t") for line in _physical_lines(text)]
    builder = TextBuilder()
    for cells in rows:
        builder.add_line(cells)
    return Document(path, fmt, encoding, builder.text, builder.lines, problems)


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
