"""Exporting reviewed reports (their corrected values): Excel, CSV, JSON and Word.

``export(reviews, target)`` picks the format from the target: ``.xlsx`` (core/export/xlsx.py),
``.csv`` and ``.json`` (core/export/flat.py), or a folder, which receives one Word file per report
filled into the official 2021 template (core/export/docx.py). No export ever writes onto a
report's source file; files are written to a temporary name first and then moved into place, so a
failed export never leaves half a file.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from core.export.common import ExportFormat, Exported, ExportSteps, copy_notes
from core.export.docx import write_docx_folder
from core.export.flat import write_csv, write_json
from core.export.xlsx import common_folder, report_sheet_names, write_xlsx
from core.review.edits import ReportReview


def export(reviews: Iterable[ReportReview], target,
           progress: Optional[Callable[[int, int], None]] = None, steps: Optional[ExportSteps] = None) -> Exported:
    """Write ``reviews`` to ``target``; returns what was written (the Word export's note and the
    reports it left out apart from the reports' files).

    ``.xlsx`` / ``.csv`` / ``.json`` write one file; a folder (an existing one, or a path ending
    with a slash or without suffix) receives Word files. Raises ValueError (Chinese message)
    for an unknown format or a target that is one of the reports' source files.
    ``progress(done, total)``: called before each report is written and once all are (or
    ``steps``: that count, the file's saving, and whether to go on: ExportSteps).
    """
    if steps is None:
        steps = ExportSteps(counted=progress) if progress else ExportSteps()
    progress = steps.count  # (stops a cancelled export before its next report)
    reviews = list(reviews)
    path = Path(target)
    refuse_source_files(path, reviews)
    if _is_folder(target):  # counted out as each file is written (it first names them all)
        return write_docx_folder(reviews, path, progress=progress)
    items = _reporting(reviews, progress)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        write_xlsx(items, path, report_sheet_names([review.report for review in reviews]),
                   common_folder(review.report.file for review in reviews), copy_notes(reviews), steps)
        return Exported((path,), ExportFormat.EXCEL)
    if suffix == ".csv":
        write_csv(items, path, copy_notes(reviews), steps)
        return Exported((path,), ExportFormat.CSV)
    if suffix == ".json":
        write_json(items, path, copy_notes(reviews), steps)
        return Exported((path,), ExportFormat.JSON)
    raise ValueError(f"不支持的导出格式“{path.suffix}”：请选择 .xlsx、.csv、.json 文件或一个文件夹")


def _reporting(reviews: list[ReportReview], progress: Callable[[int, int], None]) -> Iterator[ReportReview]:
    """The reviews one by one (each writer goes through them once), counting them out."""
    total = len(reviews)
    for done, review in enumerate(reviews):
        progress(done, total)
        yield review
    progress(total, total)


def _is_folder(target) -> bool:
    text = os.fspath(target)
    path = Path(text)
    if path.is_dir() or text.endswith(("/", "\\")):
        return True
    if path.suffix == "":
        if path.exists():
            raise ValueError(f"导出目标“{path}”已存在且不是文件夹")
        return True
    return False


def refuse_source_files(target: Path, reviews: list[ReportReview]) -> None:
    for review in reviews:
        if review.report.file and _same_file(target, Path(review.report.file)):
            raise ValueError(f"不能导出到原始报告文件“{review.report.file}”上，请另选保存位置")


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))
