"""PDF with a text layer, page by page through pdfplumber.

pdfplumber's ``extract_text()`` gives one line per printed line with single spaces between
words; the parser tokenises those itself, so a line is one cell unless the text shows a wider
gap (two or more spaces, or a tab). Page numbers printed in the footer ("- 4 -", "第4页 共6页")
would read as table values, so lines that are nothing but a page marker are dropped.
"""
from __future__ import annotations

import io
import logging
import re

import pdfplumber

from core.readers.document import Document, TextBuilder

SCANNED_PROBLEM = "扫描件，无文字层，需OCR"
ENCRYPTED_PROBLEM = "PDF文件已加密，无法读取"
CORRUPT_PROBLEM = "PDF文件已损坏或不完整，无法打开"
MIN_TEXT = 20  # non-space characters in the whole file below which it is taken as a scan

# pdfminer logs a warning for every damaged stream; without a handler Python prints them on
# stderr. A NullHandler keeps the console quiet and still lets an app-wide handler see them.
logging.getLogger("pdfminer").addHandler(logging.NullHandler())

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
    problems: list[str] = []
    try:
        pages = _page_texts(data, problems)
    except Exception as exc:  # pdfminer raises many types; a password one means encryption
        problem = ENCRYPTED_PROBLEM if _is_encryption_error(exc) else CORRUPT_PROBLEM
        return Document(path, fmt, problems=[problem])

    builder = TextBuilder()
    for page in pages:
        for line in page.split("\n"):
            if line.strip() and not is_page_marker(line):
                builder.add_line([cell for cell in _GAP.split(line.strip()) if cell])
    if not pages:
        problems.append("PDF文件中没有可读取的页面")
    elif sum(len("".join(page.split())) for page in pages) < MIN_TEXT:
        problems.append(SCANNED_PROBLEM)
    return Document(path, fmt, None, builder.text, builder.lines, problems)


def _is_encryption_error(exc: BaseException) -> bool:
    """pdfplumber wraps pdfminer's PDFPasswordIncorrect / PDFEncryptionError: look inside."""
    seen = []
    while isinstance(exc, BaseException) and exc not in seen:
        seen.append(exc)
        name = type(exc).__name__.lower()
        if "password" in name or "encrypt" in name:
            return True
        inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else None
        exc = inner or exc.__cause__ or exc.__context__
    return False


def _page_texts(data: bytes, problems: list[str]) -> list[str]:
    """Text of each page; a damaged page is reported and skipped, the others still count."""
    texts = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            try:
                texts.append(page.extract_text() or "")
            except Exception:
                problems.append(f"PDF第{number}页无法读取，已跳过")
            page.close()  # frees the page's cached layout objects: long reports stay small
    return texts
