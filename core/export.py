"""Exporting reviewed reports (their corrected values): Excel, CSV, JSON and Word.

``export(reviews, target)`` picks the format from the target: ``.xlsx`` (core/export_xlsx.py),
``.csv`` and ``.json`` (here), or a folder, which receives one Word file per report filled into
the official 2021 template (core/export_docx.py). No export ever writes onto a report's source
file; files are written to a temporary name first and then moved into place, so a failed export
never leaves half a file.
"""
from __future__ import annotations

import csv
import json
import os
import re
from pathlib import Path
from typing import Callable, Iterable, Optional

from .edits import ReportReview
from .model import SLASH, Number, Report
from .output import report_json
from .template import Row, tables

SEVERITY_LABELS = {"error": "错误", "warning": "警告"}
CELL_ORIGINAL, CELL_CORRECTED = "原值", "已修正"
CSV_HEADER = ["文件", "单位", "年度", "表", "行", "列", "原值", "修正值", "状态"]


# --- the dispatcher -------------------------------------------------------------------------

def export(reviews: Iterable[ReportReview], target) -> list[Path]:
    """Write ``reviews`` to ``target``; returns the files written.

    ``.xlsx`` / ``.csv`` / ``.json`` write one file; a folder (an existing one, or a path ending
    with a slash or without suffix) receives Word files. Raises ValueError (Chinese message)
    for an unknown format or a target that is one of the reports' source files.
    """
    reviews = list(reviews)
    path = Path(target)
    refuse_source_files(path, reviews)
    if _is_folder(target):
        from .export_docx import write_docx_folder
        return write_docx_folder(reviews, path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from .export_xlsx import write_xlsx
        write_xlsx(reviews, path)
    elif suffix == ".csv":
        write_csv(reviews, path)
    elif suffix == ".json":
        write_json(reviews, path)
    else:
        raise ValueError(f"不支持的导出格式“{path.suffix}”：请选择 .xlsx、.csv、.json 文件或一个文件夹")
    return [path]


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


# --- shared helpers (also used by the xlsx and docx writers) --------------------------------

def report_title(report: Report) -> str:
    """单位 + 年度, e.g. 某某区人民政府办公室2023年; the file name when both are unknown."""
    agency = report.agency or ""
    year = f"{report.year}年" if report.year else ""
    return (agency + year) or Path(report.file).stem or "报告"


def row_label(section: str, row: Row) -> str:
    """The row's label, with its group where the label alone is ambiguous:
    （三）不予公开·1.属于国家秘密, 行政诉讼·复议后起诉."""
    if row.group and (section == "section4" or row.label[:1].isdigit()):
        return f"{row.group}·{row.label}"
    return row.label


def format_value(value: Optional[Number]) -> str:
    """A value as text for comments and Word: 12, 12.5, 30 (for 30.0), 空白 for None."""
    if value is None:
        return "空白"
    text = repr(value) if isinstance(value, float) else str(value)
    return text[:-2] if text.endswith(".0") else text


def shown_value(review: ReportReview, path: str):
    """The value a table shows now: the number, "/" where the report printed "/" (and nobody
    changed it), None for blank."""
    value = review.value(path)
    if value is None and not review.is_corrected(path):
        cell = review.report.cells.get(path)
        if cell is not None and cell.state == SLASH:
            return "/"
    return value


def unique_path(path: Path) -> Path:
    """``path``, or ``name(2).ext``, ``name(3).ext``... if it exists: never overwrite."""
    candidate, n = path, 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}({n}){path.suffix}")
        n += 1
    return candidate


_UNSAFE_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def safe_file_name(name: str) -> str:
    name = _UNSAFE_IN_FILE_NAMES.sub("_", name).strip().strip(".")
    return name[:120] or "报告"


def atomic_write(target: Path, write: Callable[[Path], None]) -> None:
    """Call ``write(temporary_path)`` then move the result onto ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.stem}.{os.getpid()}.tmp{target.suffix}")
    try:
        write(temporary)
        os.replace(temporary, target)
    except PermissionError as error:
        raise PermissionError(f"无法写入“{target}”：文件可能正被其他程序（如 Excel、Word）打开") from error
    finally:
        if temporary.exists():
            temporary.unlink()


# --- CSV ------------------------------------------------------------------------------------

def csv_rows(review: ReportReview) -> list[list]:
    """One line per cell: 文件, 单位, 年度, 表, 行, 列, 原值, 修正值 (the value after review,
    equal to 原值 when uncorrected), 状态 (原值 / 已修正)."""
    report = review.report
    out = []
    for section, table in tables(report.template).items():
        for row in table.rows:
            for column in row.columns:
                path = f"{section}.{row.key}.{column.key}"
                corrected = review.is_corrected(path)
                out.append([report.file, report.agency or "", report.year or "", table.title,
                            row_label(section, row), column.label,
                            _csv_value(review.original(path)), _csv_value(review.value(path)),
                            CELL_CORRECTED if corrected else CELL_ORIGINAL])
    return out


def _csv_value(value: Optional[Number]) -> str:
    return "" if value is None else format_value(value)


def write_csv(reviews: Iterable[ReportReview], target: Path) -> None:
    """Long form, UTF-8 with BOM (Excel opens it correctly)."""
    def write(path: Path) -> None:
        with open(path, "w", encoding="utf-8-sig", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(CSV_HEADER)
            for review in reviews:
                writer.writerows(csv_rows(review))
    atomic_write(target, write)


# --- JSON -----------------------------------------------------------------------------------

def review_json(review: ReportReview) -> dict:
    """The OUTPUT.md object of the corrected report, plus the review: "status" (审核状态) and
    "corrections", one entry per corrected cell: parsed value, value now, last note and time."""
    out = report_json(review.current(), review.findings())
    out["status"] = review.status
    out["corrections"] = [
        {"cell": path, "old": c.original, "new": c.current, "note": c.note, "time": c.time}
        for path, c in review.corrections().items()
    ]
    return out


def write_json(reviews: Iterable[ReportReview], target: Path) -> None:
    """A JSON array, one object per report, UTF-8."""
    data = [review_json(review) for review in reviews]

    def write(path: Path) -> None:
        with open(path, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=2)
            f.write("\n")
    atomic_write(target, write)
