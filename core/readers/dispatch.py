"""Read any report file into a Document: ``read_document(path)``.

Dispatches on the extension, then lets the bytes correct it where files commonly lie: a ".doc"
that is really a .docx, a web page or a web archive (Word's "save as web page"), or a ".docx"
that is really an old binary .doc. Never raises: every failure is a Chinese problem on the
returned Document, so a folder of thousands of files can be read without one stopping the rest.
"""
from __future__ import annotations

import os

from core.readers.document import Document
from core.readers.docx import read_docx
from core.readers.html import read_html, read_mht
from core.readers.legacy import read_legacy
from core.readers.pdf import read_pdf
from core.readers.text import read_text

__all__ = ["read_document", "FORMATS", "MAX_BYTES"]

MAX_BYTES = 50 * 1024 * 1024

# extension -> Document.format
FORMATS = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".csv": "csv",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".mht": "mht", ".mhtml": "mht",
    ".docx": "docx", ".pdf": "pdf", ".doc": "doc", ".wps": "wps",
}

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_document(path) -> Document:
    """Read one file; problems (unsupported, empty, corrupt, ...) are reported, never raised."""
    path = os.fspath(path)
    ext = os.path.splitext(path)[1].lower()
    fmt = FORMATS.get(ext)
    if fmt is None:
        return Document(path, ext.lstrip(".") or "", problems=[f"不支持的文件类型：{ext or '（无扩展名）'}"])
    try:
        data, problem = _load(path)
        if problem:
            return Document(path, fmt, problems=[problem])
        return _dispatch(path, data, fmt)
    except Exception as exc:  # a reader bug must not stop a batch
        return Document(path, fmt, problems=[f"读取文件时出错：{type(exc).__name__}: {exc}"])


def _load(path: str) -> tuple[bytes, str | None]:
    try:
        if os.path.isdir(path):
            return b"", "无法读取文件：这是一个文件夹"
        size = os.path.getsize(path)
        if size == 0:
            return b"", "文件为空"
        if size > MAX_BYTES:
            return b"", "文件过大（超过50MB），未读取"
        with open(path, "rb") as f:
            data = f.read()
    except FileNotFoundError:
        return b"", "无法读取文件：文件不存在"
    except PermissionError:
        return b"", "无法读取文件：没有读取权限"
    except OSError as exc:
        return b"", f"无法读取文件：{exc.strerror or exc}"
    return data, ("文件为空" if not data else None)


def _dispatch(path: str, data: bytes, fmt: str) -> Document:
    if fmt in ("doc", "wps", "docx"):
        if data.startswith(_ZIP):
            return read_docx(path, data, fmt)
        if data.startswith(_OLE):
            return read_legacy(path, data, fmt)
        head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        if head.startswith(b"mime-version"):
            return read_mht(path, data, fmt)
        if head.startswith(b"<") or b"<html" in head:
            return read_html(path, data, fmt)
        if fmt == "docx":
            return read_docx(path, data, fmt)  # reports the file as damaged
        return read_legacy(path, data, fmt)  # RTF and the rest: LibreOffice may manage
    if fmt == "html" and data[:64].lstrip().lower().startswith(b"mime-version"):
        return read_mht(path, data, fmt)
    if fmt == "html":
        return read_html(path, data, fmt)
    if fmt == "mht":
        return read_mht(path, data, fmt)
    if fmt == "pdf":
        return read_pdf(path, data, fmt)
    if fmt in ("txt", "md") and _holds_html(data, fmt):
        return read_html(path, data, fmt)
    return read_text(path, data, fmt)


def _holds_html(data: bytes, fmt: str) -> bool:
    """A text file that is a web page: saved page source, or (.txt) table markup in a script string."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")) or (head.startswith(b"<") and b"<html" in head):
        return True
    sample = data[:200_000].lower()
    return fmt == "txt" and sample.count(b"<td") >= 20 and (b"</tr>" in sample or b"<\\/tr>" in sample)
