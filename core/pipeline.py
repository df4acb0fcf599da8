"""From a file path to a parsed, checked report; and the folder walk that feeds the dashboard.

Nothing escapes one file's processing: whatever goes wrong is a Chinese problem on that file's
report, and an unexpected error keeps what was read before it (the text for the source pane, or
the parsed tables when only the checks failed) with a problem saying what could not be done.
"""
from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

from core.model import Finding, Report
from core.parse.cache import ParseCache, parse_key
from core.parse.parser import parse

# Formats the readers understand; everything else in a folder is skipped when walking it.
REPORT_SUFFIXES = {".txt", ".md", ".csv", ".text", ".html", ".htm", ".mht", ".mhtml", ".docx", ".pdf",
                   ".doc", ".wps", ".rtf", ".odt"}

PARSE_FAILED = "解析统计表时出现内部错误（{error}），统计表未能读取，原文仍可查看"
CHECK_FAILED = "规则检查时出现内部错误（{error}），统计表已读取，但未能检查"


@dataclass(frozen=True)
class HashedFile:
    """A file's content hash, with the size and modification time the file had when it was read
    for it: whoever loads the file later uses the hash only while the file still has them."""
    digest: str  # sha256 hex; "" when the file is not a readable report
    size: int
    mtime_ns: int

    def still_fits(self, path, data: Optional[bytes] = None) -> bool:
        """True while the file (and ``data`` read from it) is as it was when hashed."""
        if not self.digest or (data is not None and len(data) != self.size):
            return False
        try:
            info = os.stat(path)
        except OSError:
            return False
        return info.st_size == self.size and info.st_mtime_ns == self.mtime_ns


def hash_file(path) -> HashedFile:
    """The file's content hash (read as load_report reads it: regular files only, within the size
    cap, so a pipe never blocks); its digest is "" when it is not a readable report."""
    from core.readers.dispatch import read_bytes

    try:
        info = os.stat(path)  # before reading: a change while it is read shows as a new mtime
        stamp = (info.st_size, info.st_mtime_ns)
    except OSError:
        stamp = (-1, -1)
    data, problem = read_bytes(path)
    return HashedFile(_digest(data, problem), *stamp)


def _digest(data: bytes, problem: Optional[str]) -> str:
    return hashlib.sha256(data).hexdigest() if data and not problem else ""


def load_report(path, cache: Optional[ParseCache] = None, hashed: Optional[HashedFile] = None,
                uncached: bool = False) -> Report:
    """Read and parse one file (or take its parse from ``cache``). Never raises: problems are
    listed on the report. ``hashed``: the file's hash from a listing (``hash_file``), used while
    the file is unchanged since: the file is then not hashed again, nor read at all when the
    cache holds its parse. ``uncached``: the cache was found not to hold the parse of
    ``hashed``'s bytes (asked for many files at once): it is not asked again for them."""
    report, fresh = read_report(path, cache, hashed, uncached)
    if fresh and cache is not None:
        cache.put(report)
    return report


def read_report(path, cache: Optional[ParseCache] = None, hashed: Optional[HashedFile] = None,
                uncached: bool = False) -> tuple[Report, bool]:
    """``load_report`` without storing a fresh parse: the report, and whether it is one the cache
    should keep (freshly parsed, with a hash and read without a problem that may pass); the
    caller stores it (a worker process hands it to the window, which stores it later)."""
    from core.readers.dispatch import read_bytes

    path = Path(path)
    known = hashed if hashed is not None and hashed.still_fits(path) else None  # its hash still the file's
    if known and cache is not None and not uncached:
        cached = cache.get(parse_key(known.digest, path))
        if cached is not None:
            cached.file = str(path)
            return cached, False
    data, problem = read_bytes(path)  # read once: the hash and the parse see the same bytes
    if known and not problem and known.still_fits(path, data):
        digest = known.digest
    else:
        digest = _digest(data, problem)
        cached = cache.get(parse_key(digest, path)) if cache is not None and digest else None
        if cached is not None:
            cached.file = str(path)
            return cached, False
    report, clean = _parse_file(path, data, problem)
    report.file = str(path)
    report.content_hash = digest
    return report, clean and bool(digest)


def _parse_file(path: Path, data: bytes, problem: Optional[str]) -> tuple[Report, bool]:
    """The file's report, and whether the result is worth caching (read without a problem, or
    with problems the same bytes always meet: ``lasting_problems``; another problem may pass,
    e.g. once LibreOffice is installed)."""
    from core.readers.dispatch import read_document, unread_document

    document = unread_document(path, problem) if problem else read_document(path, data)
    try:
        return parse(document), not problem and lasting(document.problems)
    except Exception as exc:  # a parser bug: keep the text, say the tables could not be read
        return Report(file=str(path), format=document.format, encoding=document.encoding,
                      text=document.text,
                      problems=document.problems + [PARSE_FAILED.format(error=_name(exc))]), False


def lasting(problems: list[str]) -> bool:
    """Whether every one of a document's reading problems is one its bytes meet again with the
    same readers (the cache's version covers them): a damaged, encrypted or scanned file, or a
    text's encoding. A damaged old Word file costs LibreOffice a few seconds each time: its
    failure is cached like a parse, so a folder opened again lists it with its reason at once,
    and the file is tried again only once its bytes change. LibreOffice missing, timing out or
    cancelled, a file unreadable for now, a reader's crash: tried again at every open."""
    if not problems:
        return True
    # a problem comes from a reader already imported (worker processes import the readers of
    # other formats than text only when a file needs them: none is imported for this)
    known = {getattr(module, name, None) for module_name, names in LASTING_PROBLEMS.items()
             if (module := sys.modules.get(module_name)) is not None for name in names}
    return set(problems) <= known


# The readers' problems that the same bytes always meet: module -> names of its constants.
LASTING_PROBLEMS = {
    "core.readers.legacy": ("CONVERT_FAILED", "DAMAGED_PROBLEM", "ENCRYPTED_PROBLEM"),
    "core.readers.dispatch": ("NOT_WORD_PROBLEM",),
    "core.readers.docx": ("CORRUPT_PROBLEM", "BOMB_PROBLEM"),
    "core.readers.pdf": ("SCANNED_PROBLEM", "UNMAPPED_PROBLEM", "ENCRYPTED_PROBLEM", "CORRUPT_PROBLEM"),
    "core.readers.text": ("BINARY_PROBLEM", "MOJIBAKE_PROBLEM", "UTF8_MOJIBAKE_PROBLEM", "UTF8_READ_AS_LATIN1",
                          "GBK_READ_AS_UTF8", "UTF8_READ_AS_GB2312"),
    "core.readers.encoding": ("LOSSY_PROBLEM", "DAMAGED_UTF8_PROBLEM"),
}


def check_report(report: Report) -> list[Finding]:
    """The report's findings; a bug in the checks is a problem on the report, never a lost report."""
    from core.check.rules import check

    try:
        return check(report)
    except Exception as exc:
        report.problems.append(CHECK_FAILED.format(error=_name(exc)))
        return []


def _name(exc: BaseException) -> str:
    return type(exc).__name__


def report_files(target) -> Iterator[Path]:
    """A file itself, or every report-like file below a folder (recursive, sorted, no hidden).

    Whatever is not a folder is given back as it is (a pipe, a device: reading it reports why it
    is not read); so is a folder named like a report ("x.docx"), which is then walked too, and a
    folder that cannot be opened (reading it says so), so that no report goes missing unsaid.
    """
    return map(Path, report_paths(target))


# Files Windows writes into folders of documents: not a report, nor a file the auditor left out.
SYSTEM_FILES = {"thumbs.db", "desktop.ini"}


def report_paths(target, not_reports: Optional[list[str]] = None) -> Iterator[str]:
    """``report_files`` as strings (a folder of 2 000 reports was listed in 13 ms of CPU by
    pathlib, 3 ms so: the window lists a folder before its workers get their first file).
    ``not_reports``, when given, gets the files of the walk left out for their format (an OFD, a
    scan as .jpg, a .zip of reports: the auditor must know they were not checked), not the
    hidden ones, Office's ~$ lock files or SYSTEM_FILES."""
    target = Path(target)
    if not target.is_dir():
        yield str(target)
        return
    unreadable: list[OSError] = []  # folders the walk could not open: listed, with their reason
    for root, dirs, files in os.walk(target, onerror=unreadable.append):
        yield from map(str, _folders_of(unreadable))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        names = sorted(files + [d for d in dirs if _suffix(d) in REPORT_SUFFIXES])
        folder = str(Path(root))
        for name in names:
            if name.startswith(".") or name.startswith("~$"):
                continue
            if _suffix(name) in REPORT_SUFFIXES:
                yield os.path.join(folder, name)
            elif not_reports is not None and name.lower() not in SYSTEM_FILES:
                not_reports.append(os.path.join(folder, name))
    yield from map(str, _folders_of(unreadable))


def _suffix(name: str) -> str:
    """``Path(name).suffix.lower()`` for a file's name ("" for "x." too, as pathlib says)."""
    suffix = os.path.splitext(name)[1]
    return "" if suffix == "." else suffix.lower()


def _folders_of(errors: list[OSError]) -> Iterator[Path]:
    while errors:
        error = errors.pop(0)
        if error.filename:
            yield Path(error.filename)
