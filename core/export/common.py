"""Helpers every export writer shares: titles, labels, how a value is shown, safe writing."""
from __future__ import annotations

import os
import re
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Callable, Iterator, Optional

from core.compare.years import (CHOSEN, FIRST_COMPLETE, MARKED, UNTOUCHED, WORKED, copies_key, standing_copy,
                                standing_reason)
from core.model import INFERRED, PLACEHOLDER, SLASH, Finding, Flag, Number, Report, number_text
from core.review.edits import UNREADABLE, ReportReview, Verdict, unreadable_reason  # noqa: F401 - shared here
from core.template import Row, describe, tables

SEVERITY_LABELS = {"error": "错误", "warning": "警告"}
# 存疑: a cell the parser was unsure of, or a finding of any other severity (a reading problem).
DOUBT = "存疑"
INFERRED_LABEL = "推定"  # a value the parser filled in from the template's sums


def severity_label(severity: str) -> str:
    """错误 / 警告; any other severity is a doubt about the reading: 存疑."""
    return SEVERITY_LABELS.get(severity, DOUBT)


def covering_paths(path: str) -> set[str]:
    """The cell, its row and its table: a flag or finding on any of them covers the cell."""
    section, row, _column = path.split(".")
    return {path, f"{section}.{row}", section}


def flags_for(report: Report, path: str) -> list[Flag]:
    """The flags on a cell, its row or its table (a flag covers every cell inside)."""
    covering = covering_paths(path)
    return [flag for flag in report.flags if flag.cell in covering]


def cell_doubt(report: Report, findings: list[Finding], path: str) -> str:
    """推定 / 存疑 from the parser's flags, else 存疑 when a finding of a severity other than
    error and warning (a doubt about the reading) names the cell; "" otherwise."""
    label = doubt_label(flags_for(report, path))
    if label:
        return label
    covering = covering_paths(path)
    doubtful = any(f.severity not in SEVERITY_LABELS and covering & set(f.cells) for f in findings)
    return DOUBT if doubtful else ""


def doubt_label(flags: list[Flag]) -> str:
    """推定 when the parser filled the value in itself, 存疑 for any other flag, "" for none."""
    if not flags:
        return ""
    return INFERRED_LABEL if any(f.kind == INFERRED for f in flags) else DOUBT


# why a verdict no longer holds, as the window's tooltip says it (gui/strings.py TIP_LAPSED)
LAPSED_REASON = "因单元格已修改而失效，请重新审核"


def opinion(review: ReportReview, finding: Finding) -> tuple[str, str]:
    """审核意见 and 意见说明 of a finding as the window's 问题清单 says them: the standing verdict's
    label and note; of a verdict an edit since made lapse, 「已忽略（已失效）」 and its note (the
    finding is open again, counted and listed as open); ("", "") when none was given."""
    verdict = review.verdict_of(finding)
    if verdict is not None:
        return verdict.label, verdict.note
    lapsed = review.lapsed_verdict_of(finding)
    return (lapsed.lapsed_label, lapsed.note) if lapsed is not None else ("", "")


def opinion_line(review: ReportReview, finding: Finding) -> str:
    """The verdict on a finding in a sentence (a cell's comment, the comparison's Word file):
    「审核意见：已忽略（原文如此）」; a lapsed one 「审核意见：已忽略（已失效）（原文如此），因单元格已修改
    而失效，请重新审核」; "" when none was given."""
    verdict = review.verdict_of(finding)
    lapsed = review.lapsed_verdict_of(finding) if verdict is None else None
    shown: Optional[Verdict] = verdict or lapsed
    if shown is None:
        return ""
    line = f"审核意见：{shown.lapsed_label if lapsed else shown.label}" + (f"（{shown.note}）" if shown.note else "")
    return f"{line}，{LAPSED_REASON}" if lapsed else line


def describe_cell(version: str, path: str) -> str:
    """describe(), or the path itself for anything that is not a template cell."""
    try:
        return describe(version, path)
    except (KeyError, ValueError):
        return path


CELLS_NAMED = 4  # a finding's cells named one by one (问题清单, CSV); more are named by column or row
CELLS_OF_COLUMN = "{table}「{column}」列的 {count} 格"
CELLS_OF_ROW = "{row}行的 {count} 格"
CELLS_AND_MORE = "{named}等 {count} 格"
CELLS_OF_COLUMN_NAMED = "{table}「{column}」列{rows}"


def _column_label(version: str, path_parts: list[str]) -> str:
    section, row, column = path_parts
    return next(c.label for c in tables(version)[section].row(row).columns if c.key == column)


_TRAILING_NOTE = re.compile(r"(?<=.)（[^（）]*）$")  # （二）部分公开（区分处理的，…）
GROUP_NUMBER = re.compile(r"^（[一二三四五六七八九十]+）")


def short_row_label(version: str, section: str, row_key: str) -> str:
    """A row as a sum or a list of cells names it: 表三's without 政府信息公开申请数量 and notes
    in brackets (一、本年新收, （二）部分公开), a numbered row with its group's number
    (（三）1.属于国家秘密) and cut at its first pause (（六）1.申请人无正当理由逾期不补正);
    row_label elsewhere."""
    row = tables(version)[section].row(row_key)
    if section != "section3":
        return row_label(section, row)
    label = _TRAILING_NOTE.sub("", row.label.replace("政府信息公开申请数量", ""))
    if label[:1].isdigit():
        label = re.split(r"[、，](?=.)", label, maxsplit=1)[0]
    group = GROUP_NUMBER.match(row.group or "")
    return group.group(0) + label if group and label[:1].isdigit() else label


def describe_cells(version: str, cells: list[str]) -> str:
    """A finding's cells, as Excel's 问题清单 (单元格) and the CSV's line of its verdict name them.
    A few are named one by one; the many of a column's or a row's sum (T3-2 lists 表三's whole
    column, 25 cells) are named by that column or row and counted: named one by one they made a
    row 35 lines tall on paper, the 说明 beside it saying the same, and the report's sheet
    colours each of them."""
    parts = [cell.split(".") for cell in cells]
    one_column = all(len(p) == 3 for p in parts) and len({(p[0], p[2]) for p in parts}) == 1
    if len(cells) <= CELLS_NAMED:
        if one_column and len(cells) > 2:
            # T3-1's four cells of a column, each named in full, printed 9 lines tall in 问题清单
            try:
                section, _, column = parts[0]
                rows = "".join(f"「{short_row_label(version, section, p[1])}」" for p in parts)
                return CELLS_OF_COLUMN_NAMED.format(table=describe(version, section),
                                                    column=_column_label(version, parts[0]), rows=rows)
            except (KeyError, StopIteration):
                pass
        return "、".join(describe_cell(version, cell) for cell in cells)
    if all(len(p) == 3 for p in parts):
        if one_column:
            try:
                return CELLS_OF_COLUMN.format(table=describe(version, parts[0][0]),
                                              column=_column_label(version, parts[0]), count=len(cells))
            except (KeyError, StopIteration):
                pass
        if len({(p[0], p[1]) for p in parts}) == 1:  # one row of one table
            row_name = describe_cell(version, ".".join(parts[0][:2]))
            return CELLS_OF_ROW.format(row=row_name, count=len(cells))
    named = "、".join(describe_cell(version, cell) for cell in cells[:CELLS_NAMED - 1])
    return CELLS_AND_MORE.format(named=named, count=len(cells))


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
    """A value as text for comments and Word: 12, 12.5, 30 (for 30.0), 空白 for None; as the
    window shows it (a change of 25.1 to 37.9 is 12.8, not 12.799999999999997)."""
    return "空白" if value is None else number_text(value)


def shown_value(review: ReportReview, path: str):
    """The value a table shows now: the number, "/" where the report printed "/", the report's
    own mark ("—", "无") where it wrote "none" that way (and nobody changed either), None for
    blank."""
    value = review.value(path)
    if value is None and not review.is_corrected(path):
        return printed_mark(review.report, path) or None
    return value


def printed_mark(report: Report, path: str) -> str:
    """"/" where the report printed "/" (not applicable), its own mark ("—", "无") where it wrote
    "none" that way in 表三/表四; "" for any other cell."""
    cell = report.cells.get(path)
    if cell is not None and cell.state == SLASH:
        return "/"
    if cell is not None and cell.state == PLACEHOLDER:
        return cell.printed or "—"
    return ""


class ExportFormat(Enum):
    """The format of an export's files (the value: their extension, without the dot)."""
    EXCEL = "xlsx"
    CSV = "csv"
    JSON = "json"
    WORD = "docx"


@dataclass(frozen=True)
class Exported:
    """What an export wrote. ``files``: the reports' files (the one workbook, CSV or JSON, or a
    Word file for each report the Word export wrote); ``format``: theirs (the window names it,
    where it told Word from the rest by the files' names); ``note``: the Word export's note on
    the reports it left out (None when it left none out); ``left_out``: each report left out, as
    its source file and why."""
    files: tuple[Path, ...]
    format: ExportFormat
    note: Optional[Path] = None
    left_out: tuple[tuple[str, str], ...] = ()

    @property
    def paths(self) -> list[Path]:
        """Every file written, the note last."""
        return [*self.files, *([self.note] if self.note else [])]


def numbered(path: Path, n: int) -> Path:
    """``name（n）.ext``: the name an export gives its file where ``path`` is taken, its brackets
    full-width as the Chinese words around them and the （source） a Word file of a report filed
    twice carries (「…年度报告（正式发布版）（2）.docx」, not 「…（正式发布版）(2).docx」)."""
    return path.with_name(f"{path.stem}（{n}）{path.suffix}")


def unique_path(path: Path) -> Path:
    """``path``, or ``name（2）.ext``, ``name（3）.ext``... whichever does not exist yet, created
    empty to claim it: the creation is exclusive (O_EXCL), so two exports into one folder at once
    never pick the same name. The caller writes over its own empty file (``atomic_write``) or
    removes it."""
    candidate, n = path, 2
    while True:
        try:
            os.close(os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
            return candidate
        except FileExistsError:
            candidate = numbered(path, n)
            n += 1


def write_unique(path: Path, write: Callable[[Path], object]) -> Path:
    """Call ``write(temporary_path)``, then give the file ``path``'s name, or ``name（2）.ext``...
    whichever is free; returns the name given. The name appears only with the whole file in it
    (a hard link, exclusive like O_EXCL): a crash mid-export (kill, power cut) leaves no empty or
    half-written file under a report's name, only a hidden temporary one. Where the drive has no
    hard links (FAT, some network shares) the name is claimed empty first (``unique_path``)."""
    temporary = None
    try:
        with writing_into(path.parent):
            path.parent.mkdir(parents=True, exist_ok=True)
            # a name of its own (not the process's id alone): two exports may run at once; made
            # afresh by ``write`` (mkstemp's file is private to its owner, an export is not)
            handle, name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=f".tmp{path.suffix}", dir=path.parent)
            os.close(handle)
            temporary = Path(name)
            temporary.unlink()
            write(temporary)
            candidate, n = path, 2
            while True:
                try:
                    os.link(temporary, candidate)
                    return candidate
                except FileExistsError:
                    candidate = numbered(path, n)
                    n += 1
                except OSError:  # no hard links on this drive
                    break
            target = unique_path(path)
        try:
            os.replace(temporary, target)
        except BaseException as error:
            target.unlink(missing_ok=True)  # the empty claim, released
            if isinstance(error, PermissionError):
                raise PermissionError(FILE_IN_USE.format(target=target)) from error
            raise
        return target
    finally:
        if temporary is not None and temporary.exists():
            temporary.unlink()


_UNSAFE_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]')

# Names Windows keeps for its devices, with any extension (CON.xlsx, com1.txt): no file can have them
_WINDOWS_DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"{port}{n}" for port in ("COM", "LPT") for n in range(1, 10))}
NAME_FORBIDDEN_CHARACTERS = ("{what}“{name}”含有 Windows 不允许的字符 {characters}\n"
                             "名称里不能有 \\ / : * ? \" < > | ，否则审核人员的 Windows 电脑上打不开这样的文件。请换一个名称。")
NAME_CONTROL_CHARACTERS = "{what}含有看不见的控制字符，Windows 不允许。请重新输入名称。"
NAME_DEVICE = "“{device}”是 Windows 保留给设备的名称，不能用作{what}（Windows 电脑上打不开）。请换一个名称。"
NAME_TRAILING = "{what}“{name}”以空格或句点结尾，Windows 会去掉它们（文件就对不上了）。请去掉结尾的空格或句点。"


def windows_name_refusal(name: str, folder: bool = False) -> str:
    """Why a file (``folder``: a folder) cannot be named ``name`` on the auditors' Windows PCs, in
    Chinese; "" when it can. On Linux a name may hold * or ?, and Qt's save dialog writes *.xlsx:
    Windows can neither open nor copy it. A file's name ending in a space or a dot is let be: the
    export adds its extension after it (结果 . → 结果 ..xlsx), which Windows takes."""
    what = "文件夹名" if folder else "文件名"
    characters = sorted(set(_UNSAFE_IN_FILE_NAMES.findall(name)), key=name.index)
    shown = [c for c in characters if c.isprintable()]
    if shown:
        return NAME_FORBIDDEN_CHARACTERS.format(what=what, name=name, characters=" ".join(shown))
    if characters:
        return NAME_CONTROL_CHARACTERS.format(what=what)
    device = name.split(".")[0].rstrip(" ")
    if device.upper() in _WINDOWS_DEVICES:
        return NAME_DEVICE.format(device=device, what=what)
    if folder and name.endswith((" ", ".")) and name.strip(" ."):
        return NAME_TRAILING.format(what=what, name=name)
    return ""


# A name's room: 255 bytes on a Linux drive (ext4, a Chinese character takes 3 in UTF-8), less
# what the hidden temporary name adds (.{name}.xxxxxxxx.tmp.docx) and a （2） for a second file (7 bytes)
NAME_BYTES = 200


def safe_file_name(name: str) -> str:
    name = _UNSAFE_IN_FILE_NAMES.sub("_", name).strip().strip(".")[:120]
    if len(name.encode("utf-8")) > NAME_BYTES:  # cut between characters, the cut shown
        name = name.encode("utf-8")[:NAME_BYTES - len("…".encode("utf-8"))].decode("utf-8", "ignore") + "…"
    return name or "报告"


FOLDER_NOT_WRITABLE = "无法在文件夹“{folder}”中保存：该文件夹只读或没有写入权限，请另选保存位置"
FILE_IN_USE = "无法写入“{target}”：文件可能正被其他程序（如 Excel、Word）打开"


@contextmanager
def writing_into(folder: Path) -> Iterator[None]:
    """Creating a file or folder inside ``folder``: a refusal there is the folder's (read-only,
    no rights), said in Chinese and naming it, not "[Errno 13] Permission denied"."""
    try:
        yield
    except PermissionError as error:
        raise PermissionError(FOLDER_NOT_WRITABLE.format(folder=folder)) from error


class ExportCancelled(Exception):
    """The auditor cancelled the export: nothing of it is left at its target."""


@dataclass
class ExportSteps:
    """What a long export says as it runs (called from its thread): ``counted(done, total)``
    before each report and once all are; ``saving()`` once every report is built and the file
    itself is being written (an Excel workbook of 354 reports took 5 s of CPU there, 20 s at
    load 4, after the count had said every report was done); ``go_on()`` False once the auditor
    cancelled (asked before the finished file replaces the target)."""
    counted: Callable[[int, int], None] = lambda done, total: None
    saving: Callable[[], None] = lambda: None
    go_on: Callable[[], bool] = lambda: True

    def count(self, done: int, total: int) -> None:
        """``counted``, after stopping the export if it was cancelled (ExportCancelled)."""
        if not self.go_on():
            raise ExportCancelled()
        self.counted(done, total)


def atomic_write(target: Path, write: Callable[[Path], None], go_on: Optional[Callable[[], bool]] = None) -> None:
    """Call ``write(temporary_path)`` then move the result onto ``target``, unless ``go_on()``
    says the export was cancelled meanwhile (ExportCancelled: the target as it was).

    A refusal while creating the folder or the temporary file is the folder's; a refusal of
    the move alone is the target file's (on Windows, a file open in Excel or Word)."""
    temporary = target.with_name(f".{target.stem}.{os.getpid()}.tmp{target.suffix}")
    try:
        with writing_into(target.parent):
            target.parent.mkdir(parents=True, exist_ok=True)
            write(temporary)
        if go_on is not None and not go_on():
            raise ExportCancelled()
        try:
            os.replace(temporary, target)
        except PermissionError as error:
            raise PermissionError(FILE_IN_USE.format(target=target)) from error
    finally:
        if temporary.exists():
            temporary.unlink()


def named_if_only_suffix(target: str, suffixes: tuple[str, ...], default_stem: str) -> str:
    """``target`` with ``default_stem`` before its name when the name is only one of ``suffixes``
    (``out/.xlsx``: a file called .xlsx has no suffix of its own, Path(".xlsx").suffix is "",
    so the export took it for a folder and wrote Word files into a hidden .xlsx folder); else
    as it is."""
    path = Path(target)
    if path.name.lower() in suffixes:
        return str(path.with_name(default_stem + path.name))
    return target


# --- a year filed twice: which copy counts ---------------------------------------------------------
# Why the copy that counts was taken (core.compare.years.copy_rank), in the window's words
# (gui/compare_strings.py COPY_STANDS_*: core cannot import the GUI).
COPY_REASONS = {CHOSEN: "已设为采用的副本", MARKED: "以已审核的一份为准", WORKED: "以有修改或处理意见的一份为准",
                UNTOUCHED: "均未处理，以第1份为准", FIRST_COMPLETE: "均未处理，前面的副本统计表不完整，以统计表完整的一份为准"}


@dataclass(frozen=True)
class CopyNote:
    """One report of a year its agency filed more than once (a .doc beside its .pdf, a re-download)."""
    counted: bool  # this copy stands for the year (汇总's 年度合计, 年度对照, the cross-year checks)
    counted_file: str  # the copy that does
    files: tuple[str, ...]  # every copy, in the export's order
    reason: str  # why that one (COPY_REASONS)

    def to_json(self) -> dict:
        return {"counted": self.counted, "counted_file": self.counted_file, "files": list(self.files),
                "reason": self.reason}

    def short(self) -> str:
        """As 汇总's 说明 says it (the report list's 采用／未采用)."""
        if self.counted:
            return f"采用（同年度{len(self.files)}份，{self.reason}）"
        return f"未采用（同年度{len(self.files)}份，采用 {Path(self.counted_file).name}）"

    def line(self) -> str:
        """The sentence a report sheet prints under its file line."""
        count = len(self.files)
        if self.counted:
            return f"本单位本年度共有{count}份报告，计入汇总和跨年度检查的是本份（{self.reason}）"
        return (f"本单位本年度共有{count}份报告，本份未计入汇总和跨年度检查；计入的是 "
                f"{Path(self.counted_file).name}（{self.reason}）")


def copy_notes(reviews: list[ReportReview]) -> dict[int, CopyNote]:
    """id(review) → its CopyNote, for the reports whose agency's year appears more than once
    among ``reviews`` (copies_key); the copy counted is the one that stands (standing_copy)."""
    groups: dict[tuple[str, int], list[ReportReview]] = {}
    for review in reviews:
        key = copies_key(review.report)
        if key is not None:
            group = groups.setdefault(key, [])
            if all(other is not review for other in group):  # twins share one review
                group.append(review)
    notes: dict[int, CopyNote] = {}
    for group in groups.values():
        if len(group) < 2:
            continue
        standing = standing_copy(group)
        reason = COPY_REASONS.get(standing_reason(group), COPY_REASONS[UNTOUCHED])
        files = tuple(r.report.file for r in group)
        for review in group:
            notes[id(review)] = CopyNote(review is standing, standing.report.file, files, reason)
    return notes
