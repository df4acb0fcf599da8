"""From a file path to a parsed, checked report; and the folder walk that feeds the dashboard."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Iterator, Optional

from core.model import Report
from core.parse.cache import ParseCache
from core.parse.parser import parse

# Formats the readers understand; everything else in a folder is skipped when walking it.
REPORT_SUFFIXES = {".txt", ".md", ".csv", ".text", ".html", ".htm", ".mht", ".mhtml", ".docx", ".pdf",
                   ".doc", ".wps"}


def content_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def load_report(path, cache: Optional[ParseCache] = None) -> Report:
    """Read and parse one file (or take its parse from ``cache``). Never raises: problems are
    listed on the report."""
    path = Path(path)
    digest, unreadable = "", ""
    try:
        if path.is_file():  # never open a pipe or a folder: the reader says what it is
            digest = content_hash(path)
    except OSError as exc:
        unreadable = f"无法读取文件：{exc.strerror or exc}"
    cached = cache.get(digest) if cache is not None else None
    if cached is not None:
        cached.file = str(path)
        return cached
    report, clean = _parse_file(path)
    report.file = str(path)
    report.content_hash = digest
    if unreadable:
        report.problems.append(unreadable)
    elif clean and cache is not None:
        cache.put(report)
    return report


def _parse_file(path: Path) -> tuple[Report, bool]:
    """The file's report, and whether the result is worth caching (read without a problem:
    a problem may pass, e.g. once LibreOffice is installed)."""
    from core.readers.dispatch import read_document

    try:
        document = read_document(path)
        return parse(document), not document.problems
    except Exception as exc:  # a bug must not lose the rest of the folder
        return Report(file=str(path), format=path.suffix.lower().lstrip("."),
                      problems=[f"解析时出现内部错误：{type(exc).__name__}: {exc}"]), False


def report_files(target) -> Iterator[Path]:
    """A file itself, or every report-like file below a folder (recursive, sorted, no hidden)."""
    target = Path(target)
    if target.is_file():
        yield target
        return
    for root, dirs, files in os.walk(target):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and not name.startswith("~$") \
                    and Path(name).suffix.lower() in REPORT_SUFFIXES:
                yield Path(root) / name
