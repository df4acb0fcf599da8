"""Domain objects: a parsed report, its cells, parse flags and rule findings."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Optional, TypeGuard, Union

Number = Union[int, float]


def known(values: list[Optional[Number]]) -> TypeGuard[list[Number]]:
    """No value is unknown (None): ``values`` are numbers."""
    return None not in values


if TYPE_CHECKING:
    def strict_sum(values: Iterable[Optional[Number]], /) -> Number:
        """sum(values), which raises TypeError at an unknown value (None): for the callers that
        sum cells at once and catch it (most sums are of known cells; nothing is checked first),
        or that know none is unknown where mypy cannot tell it (line_orders.order_score_exact)."""
else:
    strict_sum = sum


def number_text(value: Number, places: int = 6) -> str:
    """A value as the report would print it, for every text that shows one (tables, findings,
    exports): 12, 12.5, 30 for 30.0, at most `places` decimals (0.1 + 0.2 shows as 0.3)."""
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return f"{value:.{places}f}".rstrip("0").rstrip(".")
    return str(value)


# How a cell was printed. BLANK, SLASH and PLACEHOLDER print as null but stay distinct from 0
# internally; MISSING means the text holds nothing for the cell at all (a truncated table, a lost
# row); INFERRED means the parser filled the value from the template's rules (always flagged).
# SLASH is a not-applicable mark in 表二; PLACEHOLDER is such a mark ("—", "/", "-", "无") in 表三/
# 表四, where every cell applies and the mark is how a report writes "none": it computes as 0.
NUMBER, BLANK, SLASH, MISSING, INFERRED = "number", "blank", "slash", "missing", "inferred"
PLACEHOLDER = "placeholder"
# a Markdown writer's escape of a punctuation mark (pandoc and mammoth write a cell's "-" as "\-")
_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


@dataclass(slots=True)  # (some 200 a report, each made by the parser: no __dict__ to make or fill)
class CellValue:
    """A cell as parsed. Never changed in place, only replaced in Report.cells: the parser starts
    every cell of a report from one shared unread (MISSING) CellValue."""
    value: Optional[Number]
    state: str = NUMBER
    raw: str = ""  # the text as printed ("251000元", "/", "")
    span: Optional[tuple[int, int]] = None  # offsets in Report.text

    @property
    def arithmetic(self) -> Optional[Number]:
        """The value the rules compute with: blank and placeholder count as 0, slash and missing
        as unknown."""
        if self.value is not None:
            return self.value
        return 0 if self.state in (BLANK, PLACEHOLDER) else None

    @property
    def printed(self) -> str:
        """``raw`` as the report printed it, for what shows a mark: a Markdown file's escape taken
        off (a pandoc .md prints a cell's 「-」 as 「\\-」, which the CSV's 原值 showed)."""
        return _MARKDOWN_ESCAPE.sub(r"\1", self.raw) if "\\" in self.raw else self.raw


# Why the parser flagged a cell, where the parser or the rules treat such a cell apart (Flag.causes).
# They test these codes, never the message: a message is for the auditor and may be reworded.
GLUED_UNDECIDED = "glued-undecided"  # glued digits that several cuts read alike: cells they disagree on left open
GLUED_NO_CUT = "glued-no-cut"  # glued digits that no cut makes add up: a misprint (or a misreading)
# glued 表三 rows left open where no choice of their cuts makes every sum of the table hold: a misprint
# (or a misreading) in the table, which no sum through the open rows' unread cells can show
GLUED_NO_JOINT_CUT = "glued-no-joint-cut"
PLACED_LEFT = "placed-left"  # glued digits whose blank cells left no trace: values placed from the left
READING_UNDECIDED = "reading-undecided"  # readings that add up alike: which number the cell printed is unknown
LINES_BY_SUMS = "lines-by-sums"  # a row printed over several lines: its lines ordered by the sums
NEIGHBOUR_MAY_HOLD = "neighbour-may-hold"  # a row read whole whose values the text lets a neighbouring row hold
SUBTOTAL_UNTOLD = "subtotal-untold"  # a 表三 row of 0s that may print a subtotal: which parts print 0 is unknown
PLACED_BY_POSITION = "placed-by-position"  # a row (or 表四) placed by where its values print, not surely
PLACED_BY_ORDER = "placed-by-order"  # a row whose values printed apart from its label, placed by the rows' order
SUBTOTAL_LEFT_OUT = "subtotal-left-out"  # a 表三 row read from 8 values: its subtotal (总计 − 自然人) printed, no cell
# a 表三 row of 8 whose 总计 a converter cut off, read from the 7 left: its subtotal printed, no cell, and its
# 总计 (inferred, 自然人 plus the subtotal) a cell not printed
TOTAL_CUT_OFF = "total-cut-off"
# a row printing more values than its columns and a subtotal's: others' values ran into it, as a stream
# prints a table (plain pdftotext), so which of them are its own and in which cell is unknown
OVERRUN = "overrun"
# a 表三 row read whole from a stream that lost blank cells (one value a line, no grid), its values
# not adding up: a neighbour's may have run into it, so its own sum alone grounds no repair
STREAM_UNANCHORED = "stream-unanchored"
# a row (or 表四 group, or 表四) read from text whose order the converter lost, its values printed among
# label text or pieced together from elsewhere, not adding up (or more values than its cells): others'
# values may be among its cells, so a value that balances its sum rests on the reading, not on the report
OTHERS_MAY_BE_IN = "others-may-be-in"
# a row (or 表四) that printed only 0s, placeholders and blanks, its cells read as 0: each is 0 whichever reading
# of the row is right (no count to place), so a sum's repair cannot make one of them a count
ZEROS_ANY_READING = "zeros-any-reading"

# How a flag's message ends: what the auditor does about it, one phrase for each kind of doubt
# (tests/core/parse/test_flag_messages.py holds every message the fixtures make to them).
CHECK_WITH_SOURCE = "请对照原文核对"  # a cell the parser placed, split, read or inferred with a doubt
# text the converter lost or garbled: the source pane shows the converted text, not what was lost
CHECK_ORIGINAL_FILE = "请核对原文件"
FILL_IN_FROM_SOURCE = "请对照原文填写"  # a cell the parser left empty
CLOSINGS = (CHECK_WITH_SOURCE, CHECK_ORIGINAL_FILE, FILL_IN_FROM_SOURCE)


def closing_of(message: str) -> str:
    """The phrase the message ends in (one of CLOSINGS), or ""."""
    return next((c for c in CLOSINGS if message.endswith("，" + c)), "")


def without_closing(message: str, only: str = "") -> str:
    """The message less its closing phrase (only that one, if given), where a longer text says the
    phrase once at its end."""
    closing = closing_of(message)
    return message[:-len(closing) - 1] if closing and only in ("", closing) else message


@dataclass
class Flag:
    """A cell (or row, or section) the parser was not sure of."""
    cell: str
    kind: str  # parse | inferred | missing | unit | lost (a converter visibly lost text; cell "document")
    message: str
    causes: tuple[str, ...] = ()  # the codes above that hold for it; () for most flags (not in the JSON)
    # the value the parser gave the cell, where the message ends in it ("…推定为0"); None for most
    # flags (not in the JSON): the 问题清单 says one message of a row's cells once with their values
    value: Optional[Number] = None

    def to_json(self) -> dict:
        return {"cell": self.cell, "kind": self.kind, "message": self.message}


@dataclass
class Suggestion:
    cell: str
    value: Number


# a finding's severity; doubt: a failing equation through a cell the parser was unsure of
ERROR, WARNING, DOUBT = "error", "warning", "doubt"


@dataclass
class Finding:
    rule: str
    severity: str  # ERROR | WARNING | DOUBT
    cells: list[str]
    message: str
    expected: Optional[Number] = None
    actual: Optional[Number] = None
    suggestion: Optional[Suggestion] = None

    def to_json(self) -> dict:
        out: dict[str, object] = {"rule": self.rule, "severity": self.severity, "cells": list(self.cells),
                                  "message": self.message, "expected": self.expected, "actual": self.actual}
        if self.suggestion:
            out["suggestion"] = {"cell": self.suggestion.cell, "value": self.suggestion.value}
        return out


@dataclass
class Report:
    file: str
    format: str
    encoding: Optional[str] = None
    agency: Optional[str] = None
    year: Optional[int] = None
    title_year: Optional[int] = None
    period_year: Optional[int] = None
    template: str = "unknown"  # 2021 | 2019 | unknown
    cells: dict[str, CellValue] = field(default_factory=dict)  # path -> value as parsed
    flags: list[Flag] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    sections: list[int] = field(default_factory=list)  # section numbers found (1..6)
    tables: list[str] = field(default_factory=list)  # sections whose table was found
    section_spans: dict[int, tuple[int, int]] = field(default_factory=dict)  # offsets in text
    text: str = ""  # the source text, as the source pane shows it
    content_hash: str = ""
    # cells the auditor set by hand (ReportReview.current): sure, whatever the parser's flags say
    corrected: tuple[str, ...] = ()
    # the sum of every count printed in 表三's body wherever it is read (core.parse.printed_sum);
    # None where the parser cannot vouch that each number there is a cell
    t3_printed_sum: Optional[int] = None
    # each corrected cell's value as the parser read it (ReportReview.current): whether a failing
    # sum is the auditor's values disagreeing with a reading that agreed with itself
    read_values: dict[str, Optional[Number]] = field(default_factory=dict)

    if not TYPE_CHECKING:  # (hidden from mypy: it would take any misspelt attribute for a field)
        def __getattr__(self, name: str):
            """Only asked for an attribute the report does not hold: a field of a report read from
            its packed form (core.parse.cache: cells, flags and text stay packed until one of them
            is first asked for), decoded now and kept. Another thread decoding it at once keeps
            the values the first one set."""
            packed = self.__dict__.get("_packed")
            if packed is not None and name in packed.fields:
                attributes = self.__dict__
                for field_name, value in packed.unpack().items():
                    attributes.setdefault(field_name, value)
                attributes.pop("_packed", None)
                return attributes[name]
            raise AttributeError(f"'Report' object has no attribute '{name}'")

    def has_cells(self) -> bool:
        """``bool(self.cells)``: any cell read, known of a packed report without decoding it."""
        packed = self.__dict__.get("_packed")
        return bool(self.cells) if packed is None else packed.has_cells

    def known_lacks_a_table(self) -> Optional[bool]:
        """``lacks_a_table(self)`` as a packed report's head says it (worked out as it was packed,
        where it was parsed); None when the report is not packed."""
        packed = self.__dict__.get("_packed")
        return None if packed is None else packed.lacks_a_table

    def value(self, path: str) -> Optional[Number]:
        cell = self.cells.get(path)
        return cell.value if cell else None

    def prose(self) -> str:
        """The text outside sections 二–四 (where the tables live)."""
        if not self.section_spans:
            return self.text
        cut = sorted(self.section_spans[n] for n in (2, 3, 4) if n in self.section_spans)
        out, pos = [], 0
        for start, end in cut:
            out.append(self.text[pos:start])
            pos = max(pos, end)
        out.append(self.text[pos:])
        return "".join(out)


# The reason a file whose three tables hold nothing is listed as no report: the blank template
# itself, or a report's unfilled draft (decided on the parse: blank_template)
BLANK_TEMPLATE = "空白模板（找到三张统计表，但没有填写任何数字）"


def blank_template(report: Report) -> bool:
    """Every table found and no cell holding anything, neither a number nor a mark such as "—" or
    "无": the blank template (or an unfilled draft), no report. A report of an agency with nothing
    to count still prints its 0s, its "无" or the 总计's, and stays a report."""
    return bool(report.cells) and len(report.tables) == 3 and not any(
        cell.value is not None or cell.state == PLACEHOLDER for cell in report.cells.values())


def lacks_a_table(report: Report) -> bool:
    """A table (表二, 表三 or 表四) the parser did not find (rule D-2's 缺少统计表: a web page whose
    lines ran together), or of which no cell was read (every cell of it MISSING)."""
    if report.tables and any(section not in report.tables for section in ("section2", "section3", "section4")):
        return True
    cells = report.cells
    unread = [path for path, cell in cells.items() if cell.state == MISSING]
    if not unread:  # (most reports: every cell read)
        return False
    sections = {_section(path) for path in unread}  # those with an unread cell: is any of theirs read?
    section_of = _SECTION_OF
    for path, cell in cells.items():
        if cell.state != MISSING:
            section = section_of.get(path) or _section(path)
            if section in sections:
                sections.discard(section)
                if not sections:
                    return False
    return True


def _section(path: str) -> str:
    section = _SECTION_OF.get(path)
    if section is None:
        section = _SECTION_OF[path] = path.partition(".")[0]
    return section


# each cell path's section ("section3.granted.total" → "section3"), looked up rather than cut from
# the path for each of a report's ~200 cells (the template's paths: a few hundred in all)
_SECTION_OF: dict[str, str] = {}
