"""Read any report file into a Document: ``read_document(path)``.

Dispatches on the extension, then lets the bytes correct it where files commonly lie: a ".doc"
that is really a .docx, a web page or a web archive (Word's "save as web page"), or a ".docx"
that is really an old binary .doc. Never raises: every failure is a Chinese problem on the
returned Document, so a folder of thousands of files can be read without one stopping the rest.

Every input is bounded before it is decoded: only regular files are opened (a pipe, a device or
a link to /dev/zero would be read forever), and each format has a size cap well above any real
report, so that a hostile file costs seconds and a few hundred MB at most.
"""
from __future__ import annotations

import errno
import os
import re
import stat

from core.readers.document import Document
from core.readers.text import BINARY_PROBLEM, read_text
from core.readers.traditional import to_simplified

__all__ = ["read_document", "read_bytes", "unread_document", "document_format", "FORMATS", "SIZE_LIMITS"]

MB = 1024 * 1024

# extension -> Document.format
FORMATS = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".csv": "csv",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".mht": "mht", ".mhtml": "mht",
    ".docx": "docx", ".pdf": "pdf", ".doc": "doc", ".wps": "wps",
    ".rtf": "rtf", ".odt": "odt",  # Word's 另存为 RTF; LibreOffice's and WPS's ODF text (Kylin, UOS)
}

# Bytes read at most, per format. A real report is a few hundred KB of text; web pages and Word
# files carry pictures, PDFs carry fonts. Text is the tightest: every byte of it is parsed.
SIZE_LIMITS = {"txt": 2 * MB, "md": 2 * MB, "csv": 2 * MB, "html": 16 * MB, "mht": 32 * MB,
               "docx": 32 * MB, "doc": 32 * MB, "wps": 32 * MB, "pdf": 64 * MB,
               "rtf": 64 * MB, "odt": 32 * MB}  # an RTF's pictures are written out in hex: twice their size

READ_FAILED = "无法读取文件："  # what a problem says when the file's bytes could not be read at all
FOLDER_PROBLEM = "无法读取文件：这是一个文件夹"
FOLDER_CLOSED_PROBLEM = "无法打开文件夹：没有读取权限，其中的报告未读取"
NOT_REGULAR_PROBLEM = "无法读取文件：不是普通文件（可能是管道、设备或特殊链接），未读取"
GONE_PROBLEM = "无法读取文件：文件不存在"  # (moved or deleted after the folder was listed)
# a link that leads back to itself (a.txt → b.txt → a.txt): the system's ELOOP, "系统错误（40）" before
LINK_LOOP_PROBLEM = "无法读取文件：这是一个指向自身的符号链接，没有内容可读"
NOT_WORD_PROBLEM = "文件已损坏或不是Word文档，无法打开"


def without_read_failed(problem: str) -> str:
    """The problem without its 无法读取文件： opening, for a line that already says 无法读取
    (the CSV's 状态 无法读取：…, the banner 无法读取或不是年度报告：…)."""
    return problem[len(READ_FAILED):] if problem.startswith(READ_FAILED) else problem

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_RTF = b"{\\rtf"
_MARKUP = re.compile(rb"<\x00?[A-Za-z!/?]")  # a tag's opening, in any ASCII-compatible or UTF-16 encoding


def document_format(path) -> str:
    """The Document.format an extension stands for ("" when unsupported)."""
    return FORMATS.get(os.path.splitext(os.fspath(path))[1].lower(), "")


def read_document(path, data: bytes | None = None) -> Document:
    """Read one file (or its bytes, already read by ``read_bytes``); problems are reported,
    never raised."""
    path = os.fspath(path)
    fmt = document_format(path)
    try:
        if data is None:
            data, problem = read_bytes(path)
            if problem:
                return unread_document(path, problem)
        return to_simplified(_dispatch(path, data, fmt))  # a Big5 mirror's traditional characters
    except Exception as exc:  # a reader bug must not stop a batch
        return Document(path, fmt, problems=[f"读取文件时出错：{type(exc).__name__}: {exc}"])


def unread_document(path, problem: str) -> Document:
    """The Document of a file that was not read (``read_bytes`` gave a problem)."""
    return Document(os.fspath(path), document_format(path) or _extension_name(os.fspath(path)), problems=[problem])


def read_bytes(path) -> tuple[bytes, str | None]:
    """The file's bytes, or (b"", a Chinese problem). Only a regular file of a supported type
    and within its format's size cap is read."""
    path = os.fspath(path)
    if os.path.isdir(path):
        return b"", _folder_problem(path)
    fmt = document_format(path)
    if not fmt:
        ext = os.path.splitext(path)[1]
        return b"", f"不支持的文件类型：{ext.lower() or '（无扩展名）'}"
    limit = SIZE_LIMITS[fmt]
    try:
        # the descriptor read directly: a file object and its buffer, made and dropped for each
        # file, were half of reading a report of a few KB (the window hashes each file of a
        # folder, a worker reads it again to parse it)
        handle = open_without_blocking(path, _READ_FLAGS)
        try:
            info = os.fstat(handle)
            if stat.S_ISDIR(info.st_mode):
                return b"", FOLDER_PROBLEM
            if not stat.S_ISREG(info.st_mode):
                return b"", NOT_REGULAR_PROBLEM
            if info.st_size > limit:
                return b"", _too_large(limit)
            data = _read_up_to(handle, info.st_size + 1)
            if len(data) > info.st_size:  # growing since fstat: read on, up to the cap
                data += _read_up_to(handle, limit + 1 - len(data))
        finally:
            os.close(handle)
    except FileNotFoundError:
        return b"", GONE_PROBLEM
    except IsADirectoryError:
        return b"", FOLDER_PROBLEM
    except PermissionError:
        return b"", "无法读取文件：没有读取权限"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return b"", LINK_LOOP_PROBLEM
        return b"", f"无法读取文件：系统错误（{exc.errno or type(exc).__name__}）"
    if len(data) > limit:
        return b"", _too_large(limit)
    return data, ("文件为空" if not data else None)


def _too_large(limit: int) -> str:
    return f"文件过大（超过{limit // MB}MB），未读取"


# as open(path, "rb") opens a file: never in Windows' text mode (O_BINARY), which would turn CR LF into LF
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0)


def _read_up_to(handle: int, count: int) -> bytes:
    """Up to ``count`` bytes from the descriptor, fewer only at the file's end (as a buffered
    file's read(count) gives them: one system call may give fewer)."""
    data = os.read(handle, count)
    if not data or len(data) >= count:
        return data
    parts, got = [data], len(data)
    while got < count:
        more = os.read(handle, count - got)
        if not more:
            break
        parts.append(more)
        got += len(more)
    return b"".join(parts)


def open_without_blocking(path, flags):
    """Opening a pipe for reading waits for a writer; non-blocking, it returns at once and the
    caller sees it is not a regular file."""
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def _ole_header_ok(data: bytes) -> bool:
    """The fixed fields of a compound file's header: byte order mark, sector sizes 512/4096, 64."""
    return len(data) >= 512 and data[28:30] == b"\xfe\xff" and data[30:32] in (b"\x09\x00", b"\x0c\x00") \
        and data[32:34] == b"\x06\x00"


def _folder_problem(path: str) -> str:
    """A folder given as a report: named like one ("x.docx"), or one the walk could not open."""
    return FOLDER_PROBLEM if os.access(path, os.R_OK | os.X_OK) else FOLDER_CLOSED_PROBLEM


def _extension_name(path: str) -> str:
    return os.path.splitext(path)[1].lower().lstrip(".")


# The other formats' readers are imported when a file first needs them: with pdfplumber,
# python-docx, lxml and their own tables, importing them all cost each worker process ~0.2 s of
# CPU as it started, for a folder of text exports that needs none of them.

def read_docx(path: str, data: bytes, fmt: str) -> Document:
    from core.readers.docx import read_docx as read

    return read(path, data, fmt)


def read_legacy(path: str, data: bytes, fmt: str) -> Document:
    from core.readers.legacy import read_legacy as read

    return read(path, data, fmt)


def read_html(path: str, data: bytes, fmt: str) -> Document:
    from core.readers.html import read_html as read

    return read(path, data, fmt)


def read_mht(path: str, data: bytes, fmt: str) -> Document:
    from core.readers.html import read_mht as read

    return read(path, data, fmt)


def read_pdf(path: str, data: bytes, fmt: str) -> Document:
    from core.readers.pdf import read_pdf as read

    return read(path, data, fmt)


def _named_wrongly(data: bytes, fmt: str) -> str:
    """The format a file's bytes plainly are when its name says another (a PDF saved as .docx
    or .txt, a Word file or a web page saved as .pdf): it was reported damaged, not a report, or
    binary, though it reads as what it is. ``fmt`` when the bytes agree or say nothing sure (a
    ".pdf" of plain text is tried as text by ``_dispatch``)."""
    head = data[:1024]
    if fmt != "pdf":
        if head.lstrip().startswith(b"%PDF-") or (fmt in ("doc", "wps", "docx", "rtf", "odt") and b"%PDF-" in head
                                                    and not data.startswith((_ZIP, _OLE))):
            return "pdf"
        return fmt
    if b"%PDF-" in head:
        return fmt
    if data.startswith(_ZIP):
        return "docx"
    if data.startswith(_OLE) and _ole_header_ok(data):
        return "doc"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"mime-version"):
        return "mht"
    if text.startswith((b"<!doctype html", b"<html")):
        return "html"
    return fmt


def _dispatch(path: str, data: bytes, fmt: str) -> Document:
    fmt = _named_wrongly(data, fmt)
    if fmt in ("rtf", "odt"):
        if (data.startswith(_RTF) if fmt == "rtf" else is_odf_text(data)):
            return read_legacy(path, data, fmt)  # LibreOffice reads them
        fmt = "doc"  # a .docx, a .doc or a web page under the name: read as a Word file is
    if fmt in ("doc", "wps", "docx"):
        if data.startswith(_ZIP):
            return read_docx(path, data, fmt)
        if data.startswith(_OLE):
            if not _ole_header_ok(data):
                return Document(path, fmt, problems=[NOT_WORD_PROBLEM])  # not worth a LibreOffice run
            return read_legacy(path, data, fmt)
        head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        if head.startswith(b"mime-version"):
            return read_mht(path, data, fmt)
        if head.startswith(b"<") or b"<html" in head:
            return read_html(path, data, fmt)
        if fmt == "docx":
            return read_docx(path, data, fmt)  # reports the file as damaged
        if data.startswith(_RTF):
            return read_legacy(path, data, fmt)  # LibreOffice reads RTF
        document = read_text(path, data, fmt)  # plain text saved under a Word name?
        if document.problems == [BINARY_PROBLEM]:  # no: and no converter would make sense of it
            return Document(path, fmt, problems=[NOT_WORD_PROBLEM])
        return document
    if fmt == "html" and data[:64].lstrip().lower().startswith(b"mime-version"):
        return read_mht(path, data, fmt)
    if fmt == "html":
        if not _MARKUP.search(data):  # a text export saved as .html: as a page its lines would run together
            document = read_text(path, data, "txt")
            if document.problems != [BINARY_PROBLEM]:
                return document
        return read_html(path, data, fmt)
    if fmt == "mht":
        return read_mht(path, data, fmt)
    if fmt == "pdf":
        if b"%PDF-" not in data[:1024]:  # no PDF at all: a text export saved as .pdf reads as text
            document = read_text(path, data, "txt")
            if document.problems != [BINARY_PROBLEM]:
                return document
        return read_pdf(path, data, fmt)  # reports the file as damaged when it is no PDF
    if fmt in ("txt", "md") and _holds_html(data, fmt):
        return read_html(path, data, fmt)
    return read_text(path, data, fmt)


def is_odf_text(data: bytes) -> bool:
    """An OpenDocument text (.odt): a zip whose first member, stored uncompressed, is "mimetype"
    holding application/vnd.oasis.opendocument.text (a .docx is a zip too)."""
    if not data.startswith(_ZIP) or data[30:38] != b"mimetype":
        return False
    start = 38 + int.from_bytes(data[28:30], "little")  # past the member's extra field
    return data[start:start + 39] == b"application/vnd.oasis.opendocument.text"


def _holds_html(data: bytes, fmt: str) -> bool:
    """A text file that is a web page: saved page source, or (.txt) table markup in a script string."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")) or (head.startswith(b"<") and b"<html" in head):
        return True
    if fmt != "txt" or data.count(b"<", 0, 200_000) < 20:  # no 20 "<td": most text, not copied lower-cased
        return False
    sample = data[:200_000].lower()
    return sample.count(b"<td") >= 20 and (b"</tr>" in sample or b"<\\/tr>" in sample)
