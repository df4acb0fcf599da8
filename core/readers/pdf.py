"""PDF with a text layer, page by page through pdfplumber.

pdfplumber's ``extract_text()`` gives one line per printed line with single spaces between
words; the parser tokenises those itself, so a line is one cell unless the text shows a wider
gap (two or more spaces, or a tab). Page numbers printed in the footer ("- 4 -", "第4页 共6页")
would read as table values, so lines that are nothing but a page marker are dropped.
"""
from __future__ import annotations

import io
import re

import pdfplumber

from core.document import Document, TextBuilder

SCANNED_PROBLEM = "扫描件，无文字层，需OCR"
ENCRYPTED_PROBLEM = "PDF文件已加密，无法读取"
CORRUPT_PROBLEM = "PDF文件已损坏或不完整，无法打开"
MIN_TEXT = 20  # non-space characters in the whole file below which it is taken as a scan

_GAP = re.compile(r"\t+| {2,}")
_PAGE_MARKER = re.compile(
    r"""^(?:
        [-—–－~～_]+\s*\d+\s*[-—–－~～_]+          # - 4 -   — 4 —
      | 第\s*\d+\s*页(?:\s*[,，/、]?\s*共\s*\d+\s*页)?  # 第 4 页 共 6 页
      | 共\s*\d+\s*页\s*[,，]?\s*第\s*\d+\s*页      # 共 6 页 第 4 页
      | \d+\s*/\s*\d+                               # 4/6
      | page\s*\d+(?:\s*(?:of|/)\s*\d+)?            # Page 4 of 6
    )$""",
    re.I | re.X,
)


def is_page_marker(line: str) -> bool:
    return bool(_PAGE_MARKER.match(line.strip()))


def read_pdf(path: str, data: bytes, fmt: str = "pdf") -> Document:
    try:
        pages = _page_texts(data)
    except Exception as exc:  # pdfminer raises many types; a password one means encryption
        name = type(exc).__name__.lower()
        encrypted = "password" in name or "encrypt" in name
        return Document(path, fmt, problems=[ENCRYPTED_PROBLEM if encrypted else CORRUPT_PROBLEM])

    builder = TextBuilder()
    for page in pages:
        for line in page.split("\n"):
            if line.strip() and not is_page_marker(line):
                builder.add_line([cell for cell in _GAP.split(line.strip()) if cell])
    problems = []
    if sum(len("".join(page.split())) for page in pages) < MIN_TEXT:
        problems.append(SCANNED_PROBLEM)
    return Document(path, fmt, None, builder.text, builder.lines, problems)


def _page_texts(data: bytes) -> list[str]:
    texts = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            texts.append(page.extract_text() or "")
            page.close()  # frees the page's cached layout objects: long reports stay small
    return texts
