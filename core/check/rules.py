"""Every consistency rule of TEMPLATE.md for one report (cross-year rules are in compare.py).

Errors are what the template makes certain; warnings are strong plausibility checks. When the
evidence (the equations, then the prose, then how people mistype) singles out one cell that
explains the failing equations of a table, the findings carry a suggestion: that cell and the
value that satisfies all of them; when several cells remain equally likely, the finding names them.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from typing import Callable, Optional

from core.check.glued_rows import column_values, glued_row_suggestion, glued_runs
from core.check.odd_sum import odd_printed_sum
from core.equations import Equation, equations, involving, is_digit_slip
from core.model import (BLANK, DOUBT, ERROR, GLUED_NO_CUT, GLUED_NO_JOINT_CUT, GLUED_UNDECIDED, INFERRED, MISSING, NUMBER, OVERRUN, PLACED_LEFT,
                        PLACED_BY_ORDER, OTHERS_MAY_BE_IN, PLACEHOLDER, READING_UNDECIDED, STREAM_UNANCHORED, WARNING, ZEROS_ANY_READING, Finding, Flag, Number, Report,
                        Suggestion, BLANK_TEMPLATE, CHECK_WITH_SOURCE, known, number_text, strict_sum, without_closing)
from core.parse.prose_counts import INT, Anchors, anchored_finditer, stated_issued, stated_t4
from core.parse.parser import NO_REPORT
from core.parse.glued_tables import uncut_rows_printing_counts
from core.parse.tokens import OVERFLOW_MARKS, parse_number
from core.template import T4, column_of, describe, tables

# DOUBT (存疑): an equation fails through a cell the parser was unsure of, so the failure may be a
# misreading rather than a mistake in the report; an ERROR must mean the report is wrong.


def check(report: Report) -> list[Finding]:
    # No report to check: a file that could not be read, or was read and holds none (a text, a
    # web page saved as .doc). Its problem says so, whatever its format; D-2 is about a report
    # missing sections or tables, and would say so of every section of a file that is none.
    # Nor is a blank template (its tables hold nothing): its problem says so too.
    if not report.cells or BLANK_TEMPLATE in report.problems or any(p in NO_REPORT for p in report.problems):
        return []
    # read once, for the value rules, the sums' rules and the prose rules alike
    values, not_counts = _arithmetic_values(report)
    unfilled = unfilled_columns(report)
    printed_prose = report.prose()  # (the fee's rule reads it as printed, the others without white space)
    prose = _flat_prose(printed_prose)
    said = _prose_says(prose)
    findings: list[Finding] = []
    findings += value_rules(report, not_counts)
    findings += arithmetic_rules(report, values, unfilled, said)
    if any("「##" in flag.message for flag in report.flags):  # (a cell printing 「###」 left unread, flagged)
        findings += overflow_values(report, values)
    findings += misprinted_rows(report, findings)
    findings += glued_rows_adding_up_nowhere(report, findings)
    findings += odd_printed_sum(report, findings, values, unfilled)
    findings += t2_rules(report, printed_prose)
    findings += prose_rules(report, unfilled, prose, said)
    findings += document_rules(report)
    return findings


def _num(report: Report, path: str) -> Optional[Number]:
    cell = report.cells.get(path)
    return cell.arithmetic if cell else None


def unfilled_columns(report: Report) -> dict[str, tuple[str, list[str]]]:
    """Columns a table left empty as a whole beside the others printing numbers: the report did not
    fill them in. 表三's (or 表四's) 总计 left empty beside counts, or its applicants' columns left
    empty beside the 总计. A blank cell elsewhere means 0, but 0 there would break every row's sum;
    so these cells are unknown, and the rules leave the sums through them unchecked (one warning
    a table says so) instead of calling each row wrong.

    Answer: table -> (what the warning says, the paths of its unfilled cells)."""
    out: dict[str, tuple[str, list[str]]] = {}
    cells = report.cells
    for section, name in (("section3", "表三"), ("section4", "表四")):
        if section not in report.tables:
            continue
        total_paths, part_paths = _totals_and_parts(report.template, section)
        get = cells.get
        # two rows at least: one row's blank 总计 beside its counts is that cell's slip (a dropped
        # value), which the row's sum must still call wrong. (A table's cells are looked at only
        # as far as needed: nearly every report prints its first 总计 and its first count.) A cell
        # the parser inferred, never printed (a row printing fewer cells than columns), fills no
        # column: a column of blanks but for such cells is still empty; nor does a cell left
        # unread (a row printing nothing, as w3m draws a row of blanks). Nor does a placeholder
        # ("－") or a 0 closing a row that prints no count: a row of placeholders or zeros prints
        # one under 总计 whether the column is filled or not (or its row printed a cell more than
        # the columns and the placeholder or 0 is a part's, the 总计 the empty cell after it). Nor
        # does one cell whose row the parser flagged as unsure of its reading (a value of the row
        # misplaced under 总计): one doubtful reading fills no column every other row leaves blank,
        # where two rows read without doubt print a count beside their blank 总计 (rows all
        # flagged, placed by position, may as well have left their printed 总计 elsewhere).
        empty = True
        doubtful = False
        for p in total_paths:
            if (c := get(p)) is None or _blank(c) or c.state in (INFERRED, MISSING) \
                    or (c.state in _NO_COUNT and not c.value and _prints_no_count(cells, p, report.template, section)):
                continue
            if doubtful or not _row_read_unsure(report, p):
                empty = False
                break
            doubtful = True
        if doubtful and empty:
            empty = _sure_rows_blank_beside_counts(report, section, total_paths) >= 2
        if empty and _empty_totals(cells, report.template, section, total_paths) >= 2:
            if _rows_printing((p, c) for p in part_paths if (c := get(p)) is not None) >= 2 \
                    or _rows_printing_counts(report, section, part_paths) >= 2:
                out[section] = (f"{name}的「总计」未填写（整列空白）" + _UNFILLED_TAIL, [p for p in total_paths if p in cells])
        elif all(_blank(c) for p in part_paths if (c := get(p)) is not None) \
                and _rows_printing((p, c) for p in total_paths if (c := get(p)) is not None) >= 2:
            out[section] = (f"{name}只填写了「总计」，其余各列整列空白" + _UNFILLED_TAIL,
                            [p for p in part_paths if p in cells])
    return out


_NO_COUNT = (PLACEHOLDER, NUMBER)  # (a NUMBER cell printing 0)


def _rows_printing_counts(report: Report, section: str, part_paths: tuple[str, ...]) -> int:
    """How many rows print a count beside their 总计, counting the glued 表三 rows no cut reads
    (their cells left open, never printed) by their printed digits: such a row printed its counts
    whether the parser could cut them or not. (Looked at only when the rows read fall short of two.)"""
    if section != "section3":
        return 0
    glued = uncut_rows_printing_counts(report, tables(report.template)["section3"])
    if not glued:
        return 0
    printing = {path.split(".")[1] for path in part_paths if (c := report.cells.get(path)) is not None and c.value}
    return len(printing | glued)


def _sure_rows_blank_beside_counts(report: Report, section: str, total_paths: tuple[str, ...]) -> int:
    """How many rows of a table, read without a flag of the parser, leave their 总计 blank beside
    a count other than 0."""
    cells = report.cells
    parts = _row_parts(report.template, section)
    return sum(1 for p in total_paths if (c := cells.get(p)) is not None and _blank(c)
               and any(cells[q].value for q in parts[p] if q in cells) and not _row_read_unsure(report, p))


def _row_read_unsure(report: Report, path: str) -> bool:
    """Whether the parser flagged its reading of this cell or of its row (placed by position or by
    the sums, read from more or fewer values than its columns)."""
    row = path.rpartition(".")[0]
    return any(f.cell in (path, row) and f.kind in ("inferred", "parse") for f in report.flags)


def _prints_no_count(cells: dict, total_path: str, template: str, section: str) -> bool:
    """Whether the row of this 总计 cell prints no count other than 0 in its other cells."""
    return not any(c.value for p in _row_parts(template, section)[total_path] if (c := cells.get(p)) is not None)


@lru_cache(maxsize=None)
def _row_parts(template: str, section: str) -> dict[str, tuple[str, ...]]:
    """A table's 总计 cells -> the other cells of their rows."""
    totals, parts = _totals_and_parts(template, section)
    rows: dict[str, list[str]] = {}  # (a path is "section.row.column": its row is all before its column)
    for path in parts:
        rows.setdefault(path[:path.rindex(".") + 1], []).append(path)
    return {total: tuple(rows.get(total[:-len("total")], ())) for total in totals}


@lru_cache(maxsize=None)
def _totals_and_parts(template: str, section: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A table's cell paths: its 总计 cells, and the others."""
    paths = tables(template)[section].paths()
    return (tuple(p for p in paths if p.endswith(".total")),
            tuple(p for p in paths if not p.endswith(".total")))


_UNFILLED_TAIL = "，无法核对各行合计，请对照原文核对"


def _blank(cell) -> bool:
    return cell.value is None and cell.state == BLANK


def _blanks(cells) -> int:
    return sum(1 for c in cells if c is not None and _blank(c))


def _empty_totals(cells: dict, template: str, section: str, total_paths: tuple[str, ...]) -> int:
    """How many of these 总计 cells are empty: printed blank, or never printed beside a count of
    their row (a row printing a cell fewer than the columns, placed from the left: the cell it left
    out is its 总计, read as 0, which would make it wrong whatever the row holds, or inferred from
    the sums, as the equations fill a cell no row printed)."""
    return sum(1 for p in total_paths if (c := cells.get(p)) is not None
               and (_blank(c) or (c.state == INFERRED
                                  and not _prints_no_count(cells, p, template, section))))


def _rows_printing(cells) -> int:
    """How many rows of these cells print a value other than 0."""
    return len({path.rpartition(".")[0] for path, cell in cells if cell.value})


def _fmt(value: Optional[Number]) -> str:
    return "空" if value is None else number_text(value, places=4)


# --- T3-4 / T4-4 / T2-1: what a cell may hold --------------------------------------------------

def value_rules(report: Report, others: list[tuple[str, Number]]) -> list[Finding]:
    """T3-4, T4-4, T2-1; `others`: the values other than a count, as _arithmetic_values finds them
    (a count, a whole number not below 0, is right in every kind of column)."""
    if not others:
        return []
    out = []
    flags = {f.cell: f for f in report.flags if f.kind != "missing"}
    for path, value in others:
        kind = column_of(report.template, path).kind
        section = path.split(".")[0]
        rule = {"section2": "T2-1", "section3": "T3-4", "section4": "T4-4"}[section]
        if isinstance(value, float) and not math.isfinite(value):
            problem = "不是有效的数值"
        elif kind == "count" and (value < 0 or value != int(value)):
            problem = "应为不小于0的整数"
        elif kind == "amount" and value < 0:
            problem = "应为不小于0的数"
        elif kind == "signed" and value != int(value):
            problem = "应为整数"
        else:
            continue
        message = f"{describe(report.template, path)}为{_fmt(value)}，{problem}"
        unsure = _unsure(report, path, flags)
        if unsure:  # a value in a cell the parser placed by guess may belong elsewhere
            message += f"。可能是读取问题而非报告错误，请对照原文核对（{unsure}）"
        out.append(Finding(rule, DOUBT if unsure else ERROR, [path], message, actual=value))
    return out


# --- T3-1..3, T4-1..3: the sums ------------------------------------------------------------------

def _sides(eq: Equation, values: dict) -> tuple[Number, Number]:
    return sum(map(values.__getitem__, eq.left)), sum(map(values.__getitem__, eq.right))


def _equation_message(report: Report, eq: Equation, left: Number, right: Number) -> str:
    subject, left_sum, right_sum = _equation_wording(report.template, eq)
    return f"{subject}：{left_sum}{_fmt(left)}，{right_sum}{_fmt(right)}，两者应相等"


@lru_cache(maxsize=None)
def _equation_wording(version: str, eq: Equation) -> tuple[str, str, str]:
    """What a failing equation's message names (a column or a row of a table), and what it says
    before each side's sum: the same in every report of a template."""
    if eq.rule == "T3-1":
        column = describe(version, eq.left[0]).split("×")[-1]
        return f"表三{column}列", "一、本年新收 + 二、上年结转 = ", "（七）总计 + 四、结转下年度 = "
    if eq.rule == "T3-2":
        column = describe(version, eq.left[0]).split("×")[-1]
        return f"表三{column}列", "（七）总计为", "各项办理结果之和为"
    if eq.rule == "T3-3":
        row_name = describe(version, eq.left[0]).split("×")[0]
        return f"{row_name}行", "总计为", "自然人与各类法人或其他组织之和为"
    row = tables(version)["section4"].row(eq.left[0].split(".")[1])
    name = f"{row.group}·{row.label}" if row.group else row.label
    return f"表四「{name}」", "总计为", "结果维持、结果纠正、其他结果、尚未审结之和为"


def _placeholder_note(report: Report, eq: Equation) -> str:
    """Which cells of the equation printed a placeholder ("—", "/", "无") that counts as 0."""
    marked = [p for p in eq.cells if report.cells[p].state == PLACEHOLDER]
    if not marked:
        return ""
    shown = "、".join(f"「{report.cells[p].printed}」" for p in marked[:1])
    return f"（其中{len(marked)}个单元格印为{shown}等占位符，按0计算）"


def _unsure(report: Report, path: str, flags: dict[str, Flag]) -> str:
    """Why the parser was unsure of a cell (its flag, or the cell, row or table flagged), or "".
    A cell the auditor corrected is sure: its row's flag no longer speaks for it."""
    if path in report.corrected:
        return ""
    if flags:  # (most reports have none: each cell of each failing sum asks)
        parts = path.split(".")
        for key in (path, ".".join(parts[:2]), parts[0]):
            if key in flags:
                # (the finding says 请对照原文核对 before it names the cell)
                return without_closing(flags[key].message, CHECK_WITH_SOURCE)
    return "未能从原文读出，按勾稽关系推定" if report.cells[path].state == INFERRED else ""


def _unsure_cells(report: Report, eq: Equation, flags: dict[str, Flag],
                  inferred: frozenset[str]) -> list[tuple[str, str]]:
    """(cell, why) for the cells of the equation the parser flagged or filled in itself (`inferred`)."""
    if not flags and inferred.isdisjoint(eq.cells):
        return []  # (most failing sums: no cell to ask about)
    return [(path, why) for path in eq.cells if (why := _unsure(report, path, flags))]


def _shaky_cells(report: Report, failing: list[Equation], suggestion: Suggestion,
                 flags: dict[str, Flag], overrun_rows: frozenset[str] = frozenset()) -> list[str]:
    """The cells the suggested value rests on that the parser cut from a glued run by guess (among
    several cuts, or placing its values from the left; a cell of such a row filled in from the
    sums is one too) or read in a row printing more values than its columns (`overrun_rows`:
    others' values ran into it; a cell of its table the parser filled in from the sums is one
    too: the sums it came from may run through such a row), when every failing sum through the
    suggested cell runs through one (else []): a sum of cells read without such a guess that the
    value balances grounds it. The suggested cell itself in such a row is shaky alone: which of
    the row's values is its own is unknown, so a failing sum through it says nothing of the report."""
    if _row_key(suggestion.cell) in overrun_rows and suggestion.cell not in report.corrected:
        return [suggestion.cell]
    overrun_tables = {row.split(".")[0] for row in overrun_rows}
    shaky: list[str] = []
    for eq in failing:
        if suggestion.cell not in eq.cells:
            continue
        cells = [p for p in eq.cells if p != suggestion.cell and p not in report.corrected
                 and (_guessed_cut(eq, p, flags) or _row_key(p) in overrun_rows
                      or (p.split(".")[0] in overrun_tables and report.cells[p].state == INFERRED))]
        if not cells:
            return []
        shaky += cells
    return list(dict.fromkeys(shaky))


def _in_a_row_of_others_values(report: Report, failing: list[Equation], suggestion: Suggestion, mixed: frozenset[str],
                               unsure_rows: frozenset[str], flags: dict[str, Flag]) -> bool:
    """Whether the suggested cell is in a row (表四 group, 表四) that may hold values printed
    elsewhere (`mixed`: OTHERS_MAY_BE_IN): which of them is its own, and in which cell, the reading
    does not know, so its failing sum says nothing of the report (p2702 r0035, p3602 r0017 and
    r0037, pq3603 r0011: values offered on consistent reports). A failing sum of 表三 through the
    cell whose other cells are all in rows read without a doubt grounds the value all the same
    (q3801 r0006: 「（七）总计」 interleaved with its label, its 自然人 19 for 109 a misprint that
    the 自然人 column's T3-1 through three rows read surely names)."""
    row = _row_key(suggestion.cell)
    if suggestion.cell in report.corrected or (row not in mixed and suggestion.cell.split(".")[0] not in mixed):
        return False
    if row not in mixed or not row.startswith("section3."):
        return True
    return not any(all(_row_key(p) != row and _row_key(p) not in unsure_rows and p not in flags
                       for p in eq.cells if p != suggestion.cell)
                   for eq in failing if suggestion.cell in eq.cells)


def _rests_on_an_unanchored_row(report: Report, failing: list[Equation], values: dict[str, Optional[Number]],
                                suggestion: Suggestion, unanchored_rows: frozenset[str]) -> bool:
    """Whether nothing but the row's own values speaks for the suggested value: the cell is in a
    row read from a stream that lost blank cells, whose values may be a neighbour's
    (`unanchored_rows`, STREAM_UNANCHORED), and each sum through it but its row's own runs through a
    cell left unread or through a row whose values printed apart from its label, placed by the
    rows' order (PLACED_BY_ORDER), that fails its own sum: so that no column read consistently
    checks the value. The row's values then disagree with each other alone, which a neighbour's
    value read into the row does as well as a misprint (s3506 r0030: 总计 = 17 offered for a blank
    row read 6/1/7/1/1/1/1, its column's （七）总计 unread; pq4005 r0037: 总计 = 525 offered for
    一、本年新收 read 524 - - 1 - - -, its column's 二 placed by order and read 1 152 4 6 - - -)."""
    row = _row_key(suggestion.cell)
    if row not in unanchored_rows or suggestion.cell in report.corrected:
        return False
    placed = frozenset(f.cell for f in report.flags if PLACED_BY_ORDER in f.causes)
    broken = frozenset(key for eq in failing if len(keys := {_row_key(p) for p in eq.cells}) == 1
                       for key in keys if key != row and key in placed)

    def unchecked(eq: Equation) -> bool:
        return any(values.get(p) is None or _row_key(p) in broken for p in eq.cells)

    if not all(all(_row_key(p) == row for p in eq.cells) or broken and unchecked(eq)
               for eq in failing if suggestion.cell in eq.cells):
        return False
    return all(unchecked(eq) for eq in equations(report.template)
               if suggestion.cell in eq.cell_set and any(_row_key(p) != row for p in eq.cells))


def _satisfiable_with(report: Report, values: dict[str, Optional[Number]], suggestion: Suggestion) -> bool:
    """Whether every sum through the suggested cell that runs through unread cells can still hold
    with the suggested value, its unread cells counting 0 or more: a value past a sum's side whose
    other cells are all read (a 予以公开 总计 of 13 where （七）总计 is 9) is no repair of the report."""
    trial = {**values, suggestion.cell: suggestion.value}
    for eq in equations(report.template):
        if suggestion.cell not in eq.cell_set:
            continue
        sides = []
        for side in (eq.left, eq.right):
            known = [v for p in side if (v := trial.get(p)) is not None]
            sides.append((sum(known), len(known) < len(side)))
        (left, left_open), (right, right_open) = sides
        if left_open and not right_open and left > right + 1e-9 or right_open and not left_open and right > left + 1e-9:
            return False
    return True


def _count_for_an_unprinted_cell(report: Report, suggestion: Suggestion, unsure_rows: frozenset[str]) -> bool:
    """Whether the suggestion gives a count to a cell that printed nothing: a 表三 row the parser
    flagged, printing fewer values than its columns and each a count other than 0 (so every
    value it printed is in a cell of its own, each cell without one printed nothing: its blanks
    left no trace), the cell one of those it filled in itself. A misprint is a value printed
    wrong; a count the sums miss there is rather one the reading did not place (printed in the
    header or a neighbouring row, or its value put under another column), and only the column
    sums, through other rows read as loosely, say which column: no value the text grounds."""
    row = _row_key(suggestion.cell)
    if not suggestion.value or not row.startswith("section3.") or row not in unsure_rows:
        return False
    cell = report.cells[suggestion.cell]
    if cell.state != INFERRED or cell.span is not None:
        return False
    paths = [p for p in report.cells if p.startswith(row + ".")]
    printed = [report.cells[p] for p in paths if report.cells[p].span is not None]
    return 0 < len(printed) < len(paths) and all(c.state == NUMBER and c.value for c in printed)


def _lone_printed_count(report: Report, suggestion: Suggestion, unsure_rows: frozenset[str]) -> bool:
    """Whether the suggestion changes the one count a flagged 表三 row printed, its other cells filled
    in by the parser as 0 (printed nothing: blanks that left no trace). A row printing one count other
    than 0 and no other cell fails its own sum wherever the count is placed; its other values were
    lost to the reading (p3602 r0025 plain pdftotext: 「（二）部分公开」 read only its 总计 7, and 0
    was offered for it), so the sums through it say nothing of the printed count."""
    row = _row_key(suggestion.cell)
    if not row.startswith("section3.") or row not in unsure_rows:
        return False
    cell = report.cells[suggestion.cell]
    if cell.span is None or cell.state != NUMBER or not cell.value:
        return False
    return all(c.state == INFERRED and c.span is None and c.value == 0 for p, c in report.cells.items()
               if p.startswith(row + ".") and p != suggestion.cell)


def _guessed_cut(eq: Equation, path: str, flags: dict[str, Flag]) -> bool:
    """Whether the equation's value of the cell rests on a guessed cut of its glued row. A row
    placed from the left guessed only which column each part is in: its 总计 (printed last) and
    its own sum (the parts add up alike wherever they are) do not rest on the guess."""
    row = _row_key(path)
    for flag in (flags.get(path), flags.get(row)):
        if flag is None:
            continue
        if GLUED_UNDECIDED in flag.causes:
            return True
        if PLACED_LEFT in flag.causes and not path.endswith(".total") \
                and any(_row_key(p) != row for p in eq.cells):
            return True
    return False


def _prose_restores(stated: list[Statement], values: dict, suggestion: Suggestion) -> bool:
    """Whether a number the prose states, read apart from the tables, agrees with the suggested
    value and not with the printed one: evidence no cut of a glued run makes. The prose is taken
    as a whole: a cell it states alone (「含上年结转1件」) counts its number in the others
    (pq4005 r0037: 「受理申请525件（含上年结转1件）」 with 二's 总计 read 0 is no evidence for 525 in 一)."""
    said = {readings[0][0]: number for readings, number in stated
            if len(readings) == 1 and len(readings[0]) == 1 and readings[0][0] != suggestion.cell}
    values = {**values, **said}
    trial = {**values, suggestion.cell: suggestion.value}
    return any(_agrees(fact, trial) > _agrees(fact, values) for fact in stated
               if any(suggestion.cell in cells for cells in fact[0]))


# CellValue.arithmetic of a cell printing no value, by its state: blank and placeholder count as 0,
# the others (slash, missing, inferred) as unknown
_ARITHMETIC_OF_STATE = {BLANK: 0, PLACEHOLDER: 0}


def _arithmetic_values(report: Report) -> tuple[dict[str, Optional[Number]], list[tuple[str, Number]]]:
    """Each cell's CellValue.arithmetic: its value unless it printed none, and then, without a
    call of the property a cell, what its state counts as. With it, each (cell, value) of a value
    other than a count (a whole number not below 0), which only value_rules looks at: both found
    in one pass over the cells."""
    values: dict[str, Optional[Number]] = {}
    others: list[tuple[str, Number]] = []
    for path, cell in report.cells.items():
        if (value := cell.value) is None:
            values[path] = _ARITHMETIC_OF_STATE.get(cell.state)
        else:
            values[path] = value
            if type(value) is not int or value < 0:
                others.append((path, value))
    return values, others


def arithmetic_rules(report: Report, values: dict[str, Optional[Number]], unfilled: dict[str, tuple[str, list[str]]],
                     said: ProseSays) -> list[Finding]:
    """The sums' rules; `values`: _arithmetic_values, `unfilled`: unfilled_columns, `said`:
    _prose_says of _flat_prose."""
    if unfilled:  # the cells of a column left unfilled are unknown (the check's values are kept)
        values = {**values, **{path: None for _, paths in unfilled.values() for path in paths}}
    get = values.get
    failing: list[tuple[Equation, Finding]] = []
    unread_failing: list[Finding] = []
    failing_unread: list[Equation] = []  # the equations of unread_failing
    for eq in () if _every_sum_holds(report.template, values) else equations(report.template):
        # (TypeError for None, not a check first: the sides listed and asked known() cost 1.5 % of
        # cold60 r0019-catdoc's instructions, a set of the unknown cells 1 %; a str here passes as unread)
        try:  # most equations hold: summed once, nothing else built for them
            left, right = strict_sum(map(get, eq.left)), strict_sum(map(get, eq.right))
        except TypeError:  # a cell unread (None)
            finding = _fails_whatever_unread(report, eq, values)
            if finding is not None:
                unread_failing.append(finding)
                failing_unread.append(eq)
            continue
        if abs(left - right) < 1e-9:
            continue
        # expected is the computed sum; actual what the report prints for it
        expected, actual = (right, left) if len(eq.right) > len(eq.left) else (left, right)
        message = _equation_message(report, eq, left, right) + _placeholder_note(report, eq)
        failing.append((eq, Finding(eq.rule, ERROR, list(eq.cells), message, expected=expected, actual=actual)))
    for section, (message, paths) in unfilled.items():
        unread_failing.append(Finding("T3-3" if section == "section3" else "T4-1", WARNING, paths, message))
    if not failing:
        return unread_failing
    flags = {f.cell: f for f in report.flags if f.kind != "missing"}
    statements = _totals_read_from_parts(report.template, stated_numbers(said), unfilled)
    rows, section_cells = _rows_and_sections(tuple(report.cells))
    # cells of a table the parser laid out by guess (it printed too few or too many values)
    guessed = frozenset(p for key in flags if key in section_cells for p in section_cells[key])
    # rows the parser flagged (laid out, split or placed by guess)
    unsure_rows = rows.intersection(flags)
    inferred = frozenset(p for p, cell in report.cells.items() if cell.state == INFERRED)  # cells the parser filled in
    overrun_rows = frozenset(f.cell for f in report.flags if OVERRUN in f.causes)  # (rows of others' counts too)
    unanchored_rows = frozenset(f.cell for f in report.flags if STREAM_UNANCHORED in f.causes)
    mixed = frozenset(f.cell for f in report.flags if OTHERS_MAY_BE_IN in f.causes)  # (rows, 表四 groups, 表四)
    # those of them that may follow a repair: a row (or 表四) that printed only 0s, placeholders and
    # blanks is 0 in every cell whichever reading is right, so no repair makes one of them a count
    follows = inferred - _zeros_any_reading(report, flags)
    # 表三's equations share cells across rows and columns; each group of 表四 stands alone.
    units: dict[str, list[tuple[Equation, Finding]]] = {}
    for eq, finding in failing:
        units.setdefault("section3" if eq.rule.startswith("T3") else eq.rule, []).append((eq, finding))
    for group in units.values():
        best = repair_candidates(report, [e for e, _ in group], values, statements, follows, guessed, unsure_rows,
                                 failing_unread=tuple(failing_unread))
        if not best and group[0][0].rule.startswith("T3"):
            off = _row_read_a_column_off(report, values)
            if off is not None:  # a reading of the text, not the report, fails the sums
                row, row_paths, at = off
                label = tables(report.template)["section3"].row(row.split(".")[1]).label
                column = column_of(report.template, row_paths[at]).label
                for _, finding in group:
                    finding.severity = DOUBT
                    finding.cells = list(dict.fromkeys(finding.cells + list(row_paths)))
                    finding.message += (f"。可能是读取问题而非报告错误：「{label}」行若在「{column}」列少印了一格（空白单元格"
                                        f"未留痕迹，行末的空格是转换时补上的），其后各数右移一列，则各项合计相符，请对照原文核对")
                continue
        provisos: dict[int, str] = {}  # (a candidate that holds only under another reading of a row says which)
        if len(best) == 1 and group[0][0].rule.startswith("T3"):
            other = _moved_count_explains(report, [e for e, _ in group], values, best[0], unsure_rows)
            if other is not None:  # two readings fit: which cell is wrong stays unknown
                rival, moved_from, moved_to = other
                best = [best[0], rival]
                provisos[1] = (f"（若{describe(report.template, moved_from)}所印的{_fmt(values[moved_from])}"
                               f"实属「{column_of(report.template, moved_to).label}」列）")
        suggestion = best[0] if len(best) == 1 else None
        if suggestion and not _satisfiable_with(report, values, suggestion):
            suggestion = None  # (no value of the unread cells, none below 0, would balance a sum through it)
        if suggestion and (_count_for_an_unprinted_cell(report, suggestion, unsure_rows)
                           or _lone_printed_count(report, suggestion, unsure_rows)):
            suggestion = None
        # The value suggested balances the failing sums through it with the other cells as read:
        # one of them read in doubt (a glued run cut by guess, placed from the left) may be what
        # is wrong, and the value would then be one the report never meant.
        if suggestion and _rests_on_an_unanchored_row(report, [e for e, _ in group], values, suggestion, unanchored_rows) \
                and not _prose_restores(statements, values, suggestion):
            suggestion = None
        shaky = _shaky_cells(report, [e for e, _ in group], suggestion, flags, overrun_rows) if suggestion else []
        if shaky and suggestion and not _prose_restores(statements, values, suggestion):
            suggestion = None
        if suggestion and group[0][0].rule.startswith("T3") and _reading_order_lost(report):
            suggestion = None  # (a value balancing sums through rows that may hold others' values)
        if suggestion and _in_a_row_of_others_values(report, [e for e, _ in group], suggestion, mixed, unsure_rows, flags):
            suggestion = None
        candidates = [suggestion] if suggestion else best if len(best) > 1 else []
        absorbing: list[Finding] = []  # findings of sums failing through cells filled in from a misprint
        for eq, finding in group:
            if suggestion and suggestion.cell in finding.cells:
                finding.suggestion = suggestion
            elif len(best) > 1 and any(s.cell in finding.cells for s in best):
                shown = "；或".join(f"{describe(report.template, s.cell)}应为{_fmt(s.value)}{provisos.get(n, '')}"
                                   for n, s in enumerate(best[:5]))
                finding.message += f"。仅凭表内数字无法确定哪个单元格有误，可能是：{shown}"
            elif _names_misprint_absorbed(report, eq, finding, values, candidates, inferred):
                absorbing.append(finding)
                continue
            unsure = _unsure_cells(report, eq, flags, inferred)
            if suggestion is None and shaky:  # the cells that withheld the value are named first
                unsure = sorted(unsure, key=lambda u: u[0] not in shaky)
            # A surely read cell that explains every failure is a mistake of the report itself.
            explained = suggestion is not None and suggestion.cell in finding.cells \
                and suggestion.cell not in {p for p, _ in unsure}
            if unsure and not explained and not _broken_by_typed_values(report, eq, values):
                finding.severity = DOUBT
                named = "；".join(f"{describe(report.template, p)}：{why}" for p, why in unsure[:2])
                finding.message += f"。可能是读取问题而非报告错误，请对照原文核对（{named}）"
        # such a sum fails because the misprint does: it is the report's mistake when the sums
        # through the misprint itself say so
        for finding in absorbing:
            sources = [f for _, f in group if f not in absorbing and set(f.cells) & set(finding.cells)]
            if not any(f.severity == ERROR for f in sources):
                finding.severity = DOUBT
                finding.message += "。可能是读取问题而非报告错误，请对照原文核对"
        if group[0][0].rule.startswith("T3") and (lost := _reading_order_lost(report)):
            for _, finding in group:
                if finding.severity == ERROR:
                    finding.severity = DOUBT
                    finding.message += _READING_ORDER_LOST.format(*lost)
    out = [f for _, f in failing] + unread_failing
    _name_undecided_cells(report, out)
    return out


def overflow_values(report: Report, values: dict[str, Optional[Number]]) -> list[Finding]:
    """A cell printing 「###」 (Excel's mark of a number too wide for its column: the parser leaves it
    unread) whose value the template's sums fix: every other cell of a sum through it read, the
    sum's balance its value. Offered as the suggestion of a 存疑 finding naming the sums, when
    each such sum gives the same count (one not below 0)."""
    findings = []
    for path, cell in report.cells.items():
        if cell.state != MISSING or not cell.raw or not OVERFLOW_MARKS.match(cell.raw):
            continue
        given: dict[Number, list[Equation]] = {}
        for eq in involving(report.template, path):
            if None in (values.get(p) for p in eq.cells if p != path):
                continue  # (another cell of the sum unread too: it fixes neither)
            left = strict_sum(values.get(p) for p in eq.left if p != path)  # (all known: see above)
            right = strict_sum(values.get(p) for p in eq.right if p != path)
            value = right - left if path in eq.left else left - right
            given.setdefault(int(value) if float(value).is_integer() else value, []).append(eq)
        if not given:
            continue
        named = describe(report.template, path)
        said = "；".join(f"按{'、'.join(dict.fromkeys(_equation_wording(report.template, eq)[0] for eq in eqs))}的合计关系"
                        f"（{'、'.join(eq.rule for eq in eqs)}）应为{_fmt(value)}" for value, eqs in given.items())
        first = next(iter(given.values()))[0]
        message = f"{named}印为「{cell.raw}」（Excel表格列宽不足时显示的符号，数值没有印出）：{said}"
        value = next(iter(given))
        if len(given) == 1 and value >= 0:
            findings.append(Finding(first.rule, DOUBT, list(dict.fromkeys((path, *first.cells))),
                                    message + "，" + CHECK_WITH_SOURCE, expected=value, suggestion=Suggestion(path, value)))
        else:  # (the sums disagree, or want a count below 0: another cell is misprinted or misread)
            findings.append(Finding(first.rule, DOUBT, list(dict.fromkeys((path, *first.cells))),
                                    message + "，两者不能同时成立，" + CHECK_WITH_SOURCE))
    return findings


_READING_ORDER_LOST = ("。可能是读取问题而非报告错误：表三有{0}行未找到，另有{1}行印出的数值多于模板列数，"
                       "各数值未与行标签一同印出，本行读出的数值可能混有他行的数值，请对照原文核对")


def _reading_order_lost(report: Report) -> Optional[tuple[int, int]]:
    """(rows not found, rows holding others' values) of 表三 when there are two of each at least,
    else None: the converter printed the table's values apart from their labels (plain pdftotext
    over pages: p3602 r0012, 9 rows not found and three rows of 22 to 30 values), so a row that did
    read a value per column may hold its neighbours' values, and its failing sum says nothing of
    the report."""
    missing = overrun = 0
    for f in report.flags:
        if f.cell.startswith("section3.") and f.cell.count(".") == 1:
            missing += f.kind == "missing"
            overrun += OVERRUN in f.causes
    return (missing, overrun) if missing >= 2 and overrun >= 2 else None


def _totals_read_from_parts(template: str, statements: list[Statement],
                            unfilled: dict[str, tuple[str, list[str]]]) -> list[Statement]:
    """The statements, each 总计 of a 总计 column left unfilled (unfilled_columns) read as the sum of
    its row's other cells: the row's sum (T3-3, T4) makes them the 总计 the report did not print,
    so the prose's 「收到申请N件」 still speaks of 一's counts, and can tell which of the cells a
    column's one failing sum runs through is the misprint."""
    unknown = {p for _, paths in unfilled.values() for p in paths if p.endswith(".total")}
    if not unknown:
        return statements
    out: list[Statement] = []
    for readings, number in statements:
        read = tuple(tuple(q for p in cells
                           for q in (_row_parts(template, p.split(".")[0])[p] if p in unknown else (p,)))
                     for cells in readings)
        out.append((read, number))
    return out


def _zeros_any_reading(report: Report, flags: dict[str, Flag]) -> frozenset[str]:
    """The cells of the rows (or 表四) flagged ZEROS_ANY_READING and for nothing else, that no flag
    of their own names (one read from the sums, "推定为", is unknown: it may be a count the
    converter lost). A row also flagged otherwise (printing fewer values than its columns, placed
    by the rows' order) may have lost a count to another row: its zeros are not sure."""
    zero_rows = {flag.cell for flag in report.flags if ZEROS_ANY_READING in flag.causes}
    if not zero_rows:
        return frozenset()
    zero_rows -= {flag.cell for flag in report.flags if ZEROS_ANY_READING not in flag.causes}
    return frozenset(p for p in report.cells if p not in flags
                     and any(p.startswith(row + ".") for row in zero_rows))


def _every_sum_holds(version: str, values: dict[str, Optional[Number]]) -> bool:
    """Whether every equation of the template balances over `values`, every cell of it known:
    most reports' do, and the rules then have nothing to say of their sums (False: ask each)."""
    try:  # (not the cells asked first: that costs 0.5 % of cold60 r0019-catdoc's instructions)
        return _all_sums_hold(version)(values)
    except (TypeError, KeyError):  # a cell unknown (None) or absent
        return False


@lru_cache(maxsize=4)
def _all_sums_hold(version: str) -> Callable[[dict], bool]:
    """The template's equations as one expression over a report's values, built once a template:
    each side added in order, as the sums of arithmetic_rules do (sum() only starts from 0), and
    held to the same 1e-9. A call of sum() a side costs more than its additions; on a report whose
    sums all hold, this one expression is all its sums cost."""
    def side(paths: tuple[str, ...]) -> str:
        return "(" + " + ".join(f"v[{path!r}]" for path in paths) + ")"
    tests = " and ".join(f"abs({side(eq.left)} - {side(eq.right)}) < 1e-9" for eq in equations(version))
    return eval(f"lambda v: {tests}")  # (the template's own cell paths: no text of a report)


def _names_misprint_absorbed(report: Report, eq: Equation, finding: Finding, values: dict,
                             candidates: list[Suggestion], inferred: frozenset[str]) -> bool:
    """A sum failing through cells the parser filled in from other sums, which a candidate
    misprint outside it explains: the filled cells took the misprint over (the sum they were
    computed from runs through it), and with the candidate's value they follow it back and the
    sum holds. The finding then names the candidates (its suggestion when there is one), not the
    filled cells; True when it does."""
    absorbed: list[tuple[Suggestion, list[str]]] = []
    for candidate in candidates:
        if candidate.cell in eq.cells:
            return False
        trial, changed = _with_refills(report, values, candidate.cell, candidate.value, inferred)
        filled = [p for p in changed[1:] if p in eq.cells]
        if filled and _holds(eq, trial):
            absorbed.append((candidate, filled))
    if not absorbed:
        return False
    filled = list(dict.fromkeys(p for _, cells in absorbed for p in cells))
    if len({_row_key(p) for p in eq.cells}) == 1:  # a row's sum: its cells by their columns
        names = "本行" + "、".join(f"「{column_of(report.template, p).label}」" for p in filled)
    else:
        names = "、".join(describe(report.template, p) for p in filled[:2]) + (f"等{len(filled)}个单元格" if len(filled) > 2 else "")
    finding.cells += [s.cell for s, _ in absorbed if s.cell not in finding.cells]
    if len(absorbed) == 1 and len(candidates) == 1:
        misprint = absorbed[0][0]
        finding.suggestion = misprint
        finding.message += (f"。其中{names}未能从原文读出，是按勾稽关系推定的，推定时用到了"
                            f"{describe(report.template, misprint.cell)}所印的{_fmt(values[misprint.cell])}："
                            f"按其他各项合计，该格应为{_fmt(misprint.value)}，改正后推定值随之改变，两者即相等")
    else:
        shown = "；或".join(f"{describe(report.template, s.cell)}应为{_fmt(s.value)}" for s, _ in absorbed[:5])
        finding.message += f"。其中{names}未能从原文读出，是按勾稽关系推定的，推定所用的数中有笔误，无法确定是哪一格，可能是：{shown}"
    return True


def _broken_by_typed_values(report: Report, eq: Equation, values: dict) -> bool:
    """Whether the equation holds once some of the auditor's values in it go back to what the
    parser read: the cells as read agree with each other and the values typed break the sum, so a
    doubtful reading of another cell does not explain the failure (the auditor's values are sure)."""
    typed = [p for p in eq.cells if report.read_values.get(p) is not None][:8]
    for n in range(1, len(typed) + 1):
        for back in combinations(typed, n):
            if _holds(eq, {**values, **{p: report.read_values[p] for p in back}}):
                return True
    return False


def misprinted_rows(report: Report, findings: list[Finding]) -> list[Finding]:
    """A 表三 row whose printed digits no cut makes add up (its flag's cause GLUED_NO_CUT, a run
    of digits that no cut reads) holds a misprint whatever it reads, yet its cells may be unread
    or filled in from the column sums, so that no equation through them fails: the row is named
    存疑 (a misprint, or a misreading), unless a finding names it already. When the column sums
    and the row's printed digits single out its misprinted cell (core.check.glued_rows), the
    finding naming the row suggests that cell's value."""
    out = []
    cells_of: Optional[dict[str, tuple[str, ...]]] = None  # each row's cells in the report's order (at the first such flag)
    named: list[tuple[frozenset[str], Finding]] = []  # each finding with its cells (not changed here), found with cells_of
    runs: Optional[dict[str, str]] = None  # 表三's glued runs, found at the first row asking (once a report)
    sums_read: dict[str, Optional[Number]] = {}  # the cells as the column sums read them (found with the runs)
    corrected = frozenset(report.corrected)
    for flag in report.flags:
        if GLUED_NO_CUT not in flag.causes:
            continue
        if cells_of is None:
            cells_of = _cells_by_row(tuple(report.cells))
            named = [(frozenset(f.cells), f) for f in findings]
        cells = cells_of.get(flag.cell, ())
        if not cells or not corrected.isdisjoint(cells):
            continue  # (cells the auditor corrected are read: their sums speak for the row)
        naming = [f for finding_cells, f in named if finding_cells.issuperset(cells)]
        if any(f.suggestion for f in naming):
            continue
        if runs is None:
            runs = glued_runs(report)
            sums_read = column_values(report, runs)
        suggestion = glued_row_suggestion(report, flag.cell.split(".")[1], runs, sums_read)
        if naming:  # (one finding a row, however many of its flags say so)
            naming[0].suggestion = suggestion
            continue
        message = f"表三{without_closing(flag.message)}。本行各格的数值因此未能读准（或留空，或按勾稽关系推定），" \
                  "经过本行的各项合计不一定能显出这处笔误"
        if suggestion:
            message += (f"。按其他各行与各列合计，本行只有{describe(report.template, suggestion.cell)}"
                        f"与印出的数字不符，应为{_fmt(suggestion.value)}")
        finding = Finding("T3-3", DOUBT, [cells[-1], *cells[:-1]], message + "。可能是读取问题而非报告错误，请对照原文核对",
                          suggestion=suggestion)
        out.append(finding)
        named.append((frozenset(cells), finding))
    return out


def glued_rows_adding_up_nowhere(report: Report, findings: list[Finding]) -> list[Finding]:
    """表三's glued rows that several cuts read alike, left open (their cells unread), where no
    choice of their cuts makes every sum of the table hold (their flags' cause GLUED_NO_JOINT_CUT):
    the table holds a misprint (or a misreading), yet no sum through the unread cells fails, and a
    misprint in an open row would show nowhere. The open rows are named 存疑, unless a finding
    names them all already."""
    rows = list(dict.fromkeys(f.cell for f in report.flags if GLUED_NO_JOINT_CUT in f.causes))
    if not rows:
        return []
    cells_of = _cells_by_row(tuple(report.cells))
    cells = [p for row in rows for p in cells_of.get(row, ())]
    if not cells or set(cells) <= {p for f in findings for p in f.cells}:
        return []
    table = tables(report.template)["section3"]
    named = "、".join(f"「{table.row(row.split('.')[1]).label}」" for row in rows[:3]) + ("等" if len(rows) > 3 else "")
    message = (f"表三的数字粘连在一起，{named}共{len(rows)}行无法唯一拆分，而各行无论怎样拆分，各项合计都不能全部相符，"
               f"故表中必有笔误（或有数字未能读准）；这些行的单元格未能读出，经过它们的各项合计显不出笔误，"
               f"笔误可能在其中任一行，{CHECK_WITH_SOURCE}")
    return [Finding("T3-3", DOUBT, cells, message)]


def _undecided_cells(report: Report) -> list[str]:
    return list(dict.fromkeys(f.cell for f in report.flags
                              if f.kind == "inferred" and READING_UNDECIDED in f.causes and f.cell not in report.corrected))


def _name_undecided_cells(report: Report, findings: list[Finding]) -> None:
    """A sum failing through a cell whose value the parser could read in several ways alike
    (their flags' cause READING_UNDECIDED) may fail for a misprint any of those cells holds in the text:
    the finding names them all."""
    undecided = _undecided_cells(report)
    if not undecided:
        return
    for finding in findings:
        if not set(finding.cells) & set(undecided):
            continue
        others = [p for p in undecided if p not in finding.cells]
        if not others:
            continue
        finding.cells += others
        shown = "、".join(describe(report.template, p) for p in others[:3])
        finding.message += (f"。另有{len(others)}个单元格与此处的数值有几种同样合计的读法，"
                            f"印错的数可能在其中任一格（{shown}{'等' if len(others) > 3 else ''}）")


def _fails_whatever_unread(report: Report, eq: Equation, values: dict) -> Optional[Finding]:
    """The equation through unread cells, when it fails whatever they hold: its unread cells all
    on one side (counts are never negative), whose read cells already exceed the other side.

    Such a cell is left unread where the sums would force a negative count, or where its row's
    values were not found: skipping the equation would leave a misprint in its read cells unseen
    (the parser may have filled another cell of it from a sum that the misprint broke). Always
    存疑: the cells around an unread one were read in trouble."""
    unread_left = None in map(values.get, eq.left)
    unread_right = None in map(values.get, eq.right)
    if unread_left and unread_right:
        return None
    left = sum(values[p] for p in eq.left if values.get(p) is not None)
    right = sum(values[p] for p in eq.right if values.get(p) is not None)
    if (right - left if unread_right else left - right) < 1e-9:
        return None
    unread = sum(values.get(p) is None for p in eq.cells)
    message = _equation_message(report, eq, left, right) + _placeholder_note(report, eq) + \
        f"（以上只计读出的单元格；另有{unread}个单元格未能从原文读出，无论其为何值（不小于0），两者都不能相等）。可能是读取问题而非报告错误，请对照原文核对"
    return Finding(eq.rule, DOUBT, list(eq.cells), message)


def repair_candidates(report: Report, failing: list[Equation], values: dict,
                      stated: list[Statement], inferred: frozenset[str], guessed: frozenset[str] = frozenset(),
                      unsure_rows: frozenset[str] = frozenset(),
                      failing_unread: tuple[Equation, ...] = ()) -> list[Suggestion]:
    """The cells whose new value best explains the failing equations, best first; one when the
    evidence singles it out, several when it does not, none when no single cell can.

    A candidate cell's new value satisfies every failing equation it is in and breaks none that
    holds (a cell the parser filled in from the equations may follow it); the candidates mending
    the most failures come first (all of them, when one mistake is all there is: a row and a
    column of 表三 cross at one cell). Among those, in order: the prose
    (a number the text states that the printed tables contradict and the new value restores, or
    that the printed tables agree with and the new value would break), then how people mistype (a
    new value the printed one differs from by a slipped digit or ±1; a total that does not add up;
    anything else). None either when a candidate's value rests on `guessed` cells only (every
    equation it mends holds another one), or on the own sum of a row in `unsure_rows` only, unless
    the new value is a slipped digit: a layout guessed proves nothing. The prose, read apart from
    the tables, grounds a candidate whose value it restores; so does an equation of
    `failing_unread` (through unread cells, failing whatever they hold) through the candidate that
    its new value balances with the unread cells 0: the row's sum and the column's cross at the
    candidate and give it the same value, though a cell of the column was not read. `failing`:
    equations failing over `values` (none with a cell unknown); `inferred`: the cells the parser
    filled in."""
    if not failing:
        return []
    scored: list[tuple[tuple, Suggestion]] = []
    grounded: dict[str, bool] = {}
    # Without a cell the parser filled in, a new value changes its own cell only, so it can mend
    # only the failing equations that cell is in: one in fewer than two of them explains too little.
    mends_enough = min(2, len(failing))
    failing_through = Counter(p for eq in failing for p in eq.cells) if not inferred else None
    first_failing: dict[str, Equation] = {}  # each cell's first failing equation, in the template's order
    for eq in failing:
        for p in eq.cells:
            first_failing.setdefault(p, eq)
    sides: dict[int, tuple[Number, Number]] = {}  # _sides of each failing equation over `values` (never changed here)
    # each statement with the cells of all its readings: it speaks of a candidate changing one of them
    stated_cells = [(fact, frozenset(p for cells in fact[0] for p in cells)) for fact in stated]
    for path, eq in first_failing.items():
        if failing_through is not None and failing_through[path] < mends_enough:
            continue
        # (_balance of the first failing equation through the cell, its sums worked out once)
        left, right = sides.get(id(eq)) or sides.setdefault(id(eq), _sides(eq, values))
        new = values[path] + (right - left if path in eq.left else left - right)
        if new < 0:
            continue
        trial, changed = _with_refills(report, values, path, new, inferred)
        if not all(_holds(e, trial) for p in changed for e in involving(report.template, p)):
            continue
        # the failing sums it mends: those through a changed cell (each holds now); the others'
        # cells are as read, and they fail as they did
        explained = [eq for eq in failing if not eq.cell_set.isdisjoint(changed)]
        if len(explained) < mends_enough:
            continue  # a cell that mends a single failing equation among several explains too little
        prose = sum(_agrees(fact, trial) - _agrees(fact, values) for fact, cells in stated_cells
                    if not cells.isdisjoint(changed))
        likelihood = _typo_likelihood(report, path, values[path], new, explained)
        evidence = (len(explained), prose, likelihood)
        scored.append((evidence, Suggestion(path, int(new) if float(new).is_integer() else new)))
        # The prose is read apart from the tables: a value it states is evidence no layout guessed.
        agreeing = [eq for eq in failing_unread if path in eq.cells
                    and _holds(eq, {**trial, **{p: 0 for p in eq.cells if trial.get(p) is None}})]
        grounded[path] = prose > 0 or (
            any(all(p == path or p not in guessed for p in eq.cells) for eq in explained)
            and (likelihood == 2 or not all(_within_unsure_row(eq, unsure_rows) for eq in explained + agreeing))
            and not _lone_misplaced_count(report, path, new, unsure_rows))
    if not scored:
        return []
    # a cell whose value the parser could read in several ways alike grounds nothing: the
    # misprint may be in any of them (_name_undecided_cells)
    for path in _undecided_cells(report):
        if path in grounded:
            grounded[path] = False
    top = max(e for e, _ in scored)
    best = [s for e, s in scored if e == top]
    return best if all(grounded[s.cell] for s in best) else []


def _with_refills(report: Report, values: dict, path: str, new: Number,
                  inferred: frozenset[str]) -> tuple[dict, list[str]]:
    """The values with `path` set to `new`, and the cells that changed (`path` first).

    A cell the parser filled in from an equation (one of `inferred`) follows the cell it was
    computed from: the equation's one filled cell, or its filled total (the sum of the parts),
    takes the value that balances it again, if that keeps all its equations balanced."""
    trial = dict(values)
    trial[path] = new
    changed = [path]
    if not inferred:
        return trial, changed
    for eq in involving(report.template, path):
        if _holds(eq, trial):
            continue
        filled = [p for p in eq.cells if p != path and p in inferred]
        if len(filled) > 1:
            filled = [p for p in filled if len(eq.left) == 1 and p == eq.left[0]]
        if len(filled) != 1:
            continue
        refilled = {**trial, filled[0]: _balance(eq, trial, filled[0])}
        if refilled[filled[0]] >= 0 and all(_holds(e, refilled) for e in involving(report.template, filled[0])):
            trial = refilled
            changed.append(filled[0])
    return trial, changed


def _lone_misplaced_count(report: Report, path: str, new: Number, unsure_rows: frozenset[str]) -> bool:
    """A count that should not be there (its new value 0), in a row the parser laid out by guess,
    that the row's placement could as well have put in the part column beside it: a cell the row
    did not print (0) lies that way with only zeros between, so moving that gap past the count
    moves the count a column and changes no other value. The sums would then single out that
    cell just as well, so which cell the count is in stays unknown. In a row placed from the left
    (its blanks left no trace), a blank cell is such a gap too: the placement put it there; and a
    cell it did not print that the sums filled in with the count itself, zeros only between, may be
    where the count was printed (q3106 r0038 docx2txt: 「4项00－04项」 under 四、结转, the 4 placed under
    自然人 and 商业企业's 4 inferred): read there, the cell the count left is the blank the row lost,
    and every sum holds with the report as printed."""
    row = _row_key(path)
    if new != 0 or row not in unsure_rows or not path.startswith("section3."):
        return False
    paths = _cells_by_row(tuple(report.cells))[row]
    at = paths.index(path)
    if at == len(paths) - 1:
        return False  # a 总计 is printed last: it does not move
    placed = any(f.cell == row and PLACED_LEFT in f.causes for f in report.flags)
    gaps = (INFERRED, MISSING, BLANK) if placed else (INFERRED, MISSING)
    count = report.cells[path].arithmetic
    for gap, p in enumerate(paths):
        cell = report.cells[p]
        if gap == at or cell.state not in gaps:
            continue
        if cell.arithmetic not in (0, None) and not (
                placed and cell.state == INFERRED and cell.span is None and cell.arithmetic == count):
            continue
        step = 1 if gap > at else -1
        between = [report.cells[q].arithmetic for q in paths[min(gap, at) + 1:max(gap, at)]]
        if at + step != len(paths) - 1 and all(v in (0, None) for v in between):
            return True
    return False


def _moved_count_explains(report: Report, failing: list[Equation], values: dict, suggestion: Suggestion,
                          unsure_rows: frozenset[str]) -> Optional[tuple[Suggestion, str, str]]:
    """Another reading of a 表三 row the parser laid out by guess, under which one cell explains
    the failing sums otherwise than `suggestion` does: that cell and its value, with the cell the
    count is read in and the one it moves to (the rival holds only so read), or None.

    The reading moves a printed count a column toward a cell the row did not print, past zeros
    only (the gap moves past it: the printed order is kept; see _lone_misplaced_count), and fails
    no more sums than the `failing` ones now. A count moved so changes which column's sums fail,
    so the crossing moves with it: 1 printed under 自然人 or under 商业企业, with （七）总计's
    商业企业 misprinted 0, names （七）总计×自然人 or ×商业企业 alike. A count that is its row's
    only one may as well be its 总计 (the row's sum fails wherever it is). Only a reading that
    blames a value it prints is a rival: one blaming a cell it leaves unprinted needs a value the
    report never printed. `failing`: 表三's sums failing as read, every one."""
    eqs = _table3_equations(report.template)
    failing_now = set(map(id, failing))  # (the template's own equations: told apart by identity)
    cells_of = _cells_by_row(tuple(report.cells))
    for row in sorted(r for r in unsure_rows if r.startswith("section3.")):
        paths = cells_of[row]
        last = len(paths) - 1
        for at, path in enumerate(paths):
            count = values.get(path)
            if not count or report.cells[path].state != NUMBER:
                continue
            lone = all(values.get(p) in (0, None) for p in paths if p != path)
            if at == last and not lone:
                continue  # a 总计 printed after its parts does not move
            for step in (-1, 1):
                to = at + step
                if not 0 <= to <= last or (to == last and not lone):
                    continue
                gap = next((g for g in range(to, -1 if step < 0 else last + 1, step)
                            if values.get(paths[g]) not in (0, None) or report.cells[paths[g]].state in _UNPRINTED), None)
                if gap is None or report.cells[paths[gap]].state not in _UNPRINTED or values.get(paths[gap]) not in (0, None):
                    continue
                trial = {**values, path: 0, paths[to]: count}
                moved = {path, paths[to]}  # a move changes only the sums through its two cells
                now = [e for e in eqs
                       if (not _holds(e, trial) if not moved.isdisjoint(e.cell_set) else id(e) in failing_now)]
                if len(now) > len(failing):
                    continue
                other = _one_cell_for(report, now, trial)
                if other is None or (other.cell, other.value) == (suggestion.cell, suggestion.value):
                    continue
                # a misprint is a printed value: a reading blaming a cell it leaves unprinted is no rival
                if other.cell == paths[to] or (other.cell != path and report.cells[other.cell].state == NUMBER):
                    return other, path, paths[to]
    return None


def _row_read_a_column_off(report: Report, values: dict) -> Optional[tuple[str, tuple[str, ...], int]]:
    """A 表三 row read one column to the left of where it printed, which no single cell explains:
    (the row, its cells, the column where it printed no cell), or None.

    A row printing a cell fewer than the columns (its blank dropped without a trace) that a
    converter pads at its end (pandoc, LibreOffice, w3m draw every row of a table as wide as the
    table) reads each value after the dropped cell a column to the left, and its last part is the
    padding: an empty cell. When moving the row's values from one column a column to the right
    (a blank there, the padding dropped) makes every sum of 表三 hold, the sums failing as read
    say nothing of the report: the reading is in doubt. (The first value moved prints a count:
    a 0 moved changes no sum.)"""
    eqs = _table3_equations(report.template)
    for row, paths in _cells_by_row(tuple(report.cells)).items():
        if not row.startswith("section3."):
            continue
        parts = paths[:-1]  # (its 总计 last)
        if report.cells[parts[-1]].state != BLANK:
            continue
        for at in range(len(parts) - 1):
            if not values.get(parts[at]):
                continue
            trial = {**values, parts[at]: 0}
            for i in range(at + 1, len(parts)):
                trial[parts[i]] = values.get(parts[i - 1])
            if all(_holds(e, trial) for e in eqs):
                return row, paths, at
    return None


@lru_cache(maxsize=4)
def _table3_equations(version: str) -> tuple[Equation, ...]:
    return tuple(e for e in equations(version) if e.rule.startswith("T3"))


# a cell the row printed nothing for, not even a blank cell's trace (BLANK: it is one, in place)
_UNPRINTED = (INFERRED, MISSING)


def _one_cell_for(report: Report, failing: list[Equation], values: dict) -> Optional[Suggestion]:
    """The one cell whose new value (not negative) makes every failing equation hold and breaks
    none through it, or None."""
    if not failing:
        return None
    common = set(failing[0].cells).intersection(*(e.cells for e in failing[1:]))
    found = []
    for path in common:
        new = _balance(failing[0], values, path)
        if new >= 0 and all(_holds(e, {**values, path: new}) for e in involving(report.template, path)):
            found.append(Suggestion(path, int(new) if float(new).is_integer() else new))
    return found[0] if len(found) == 1 else None


def _row_key(path: str) -> str:
    return ".".join(path.split(".")[:2])


@lru_cache(maxsize=8)
def _rows_and_sections(paths: tuple[str, ...]) -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    """The rows of these cells, and the cells of each section: every report of a template has
    the same cells, split once."""
    sections: dict[str, list[str]] = {}
    for path in paths:
        sections.setdefault(path.split(".")[0], []).append(path)
    return frozenset(map(_row_key, paths)), {key: tuple(cells) for key, cells in sections.items()}


@lru_cache(maxsize=8)
def _cells_by_row(paths: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """These cells grouped by row, in their order: every report of a template has the same cells."""
    rows: dict[str, list[str]] = {}
    for path in paths:
        rows.setdefault(_row_key(path), []).append(path)
    return {row: tuple(cells) for row, cells in rows.items()}


def _within_unsure_row(eq: Equation, unsure_rows: frozenset[str]) -> bool:
    """All the equation's cells are in one row the parser was unsure of: a misread row breaks its
    own sum as surely as a typo does, so that sum alone cannot tell which cell is wrong."""
    rows = set(map(_row_key, eq.cells))
    return len(rows) == 1 and rows <= unsure_rows


def _holds(eq: Equation, values: dict[str, Optional[Number]]) -> bool:
    """The equation balances, or cannot be checked (a cell of it is unknown)."""
    # (summed at once: a cell unknown stops its side's sum; the sides listed and asked known()
    # first cost 1.9 % of cold60 r0019-catdoc's instructions: asked of every trial value)
    try:
        return abs(strict_sum(map(values.get, eq.left)) - strict_sum(map(values.get, eq.right))) < 1e-9
    except TypeError:  # None, a cell unknown
        return True


def _balance(eq: Equation, values: dict, path: str) -> Number:
    """The value of one cell that makes the equation balance."""
    left, right = _sides(eq, values)
    return values[path] + (right - left if path in eq.left else left - right)


def _agrees(fact: Statement, values: dict) -> int:
    """1 when the table agrees with what the prose states (in one of the readings), else 0."""
    readings, number = fact
    return int(any(all(values.get(p) is not None for p in cells) and abs(sum(values[p] for p in cells) - number) < 1e-9
                   for cells in readings))


def _typo_likelihood(report: Report, path: str, printed: Number, true: Number, failing: list[Equation]) -> int:
    """How likely a person typing `true` prints `printed`: 2 for a slipped digit (one dropped, one
    extra, two adjacent ones swapped) or ±1; 1 for a total that does not add up (a sum
    miscounted by any amount); 0 for anything else."""
    if report.cells[path].state == NUMBER and is_digit_slip(printed, true):
        return 2
    return 1 if any(path == eq.left[0] and len(eq.left) == 1 for eq in failing) else 0


# --- T2-2, T2-3 ----------------------------------------------------------------------------------

# A number in prose: at most 15 digits (and 12 decimals), never part of a longer run of digits.
# Bounded repeats and the look-arounds keep every pattern linear in the text: an unbounded \d+
# at a pattern's start is retried from every digit of a long run (quadratic).
_N = r"(?<![\d.])(\d{1,15}(?:\.\d{1,12})?)(?![\d.])"
_PROSE_FEE = re.compile(r"(?:行政事业性)?收费(?:金额|总额)?[^。；;，,\d]{0,8}?" + _N + r"\s{0,3}(万元|元)")


# 表二's rows of documents (2021 template), with their cells of T2-2: issued, repealed, in force
_T2_COUNTS = tuple((row, tuple(f"section2.{row}.{c}" for c in ("issued", "repealed", "in_force")))
                   for row in ("rules", "normative_docs"))


def t2_rules(report: Report, prose: str) -> list[Finding]:
    """T2-2, T2-3; `prose`: report.prose()."""
    out = []
    if report.template != "2019":
        for row, paths in _T2_COUNTS:
            counts = [_num(report, path) for path in paths]
            if not known(counts):
                continue
            issued, repealed, in_force = counts
            if issued > in_force + repealed:
                name = describe(report.template, f"section2.{row}").split("「")[-1].rstrip("」")
                out.append(Finding("T2-2", WARNING, list(paths),
                                   f"表二「{name}」：本年制发{issued}件，多于现行有效{in_force}件与本年废止{repealed}件之和",
                                   expected=in_force + repealed, actual=issued))
    fee_path = "section2.fees.amount"
    fee = report.cells.get(fee_path) if report.template != "2019" else None
    if fee and fee.value is not None:
        raw = " ".join((fee.raw or "").split())  # (a unit printed on the line after its number: "1000 元")
        if ("元" in raw and "万元" not in raw) or "¥" in raw or "￥" in raw:  # (¥: a sum in 元)
            out.append(Finding("T2-3", WARNING, [fee_path],
                               f"表二收费金额印为「{raw}」，单位应为万元（已按{_fmt(fee.value)}万元读取）"))
        elif fee.value > 1_000_000:
            out.append(Finding("T2-3", WARNING, [fee_path],
                               f"表二收费金额{_fmt(fee.value)}万元（超过100亿元），疑似按元填写"))
        stated = _search(_PROSE_FEE, prose)
        if stated:
            amount = _value(stated.group(1)) / (10000 if stated.group(2) == "元" else 1)
            if abs(amount - fee.value) > 1e-4 * max(1.0, abs(amount)):
                out.append(Finding("T2-3", WARNING, [fee_path],
                                   f"正文收费金额为{stated.group(1)}{stated.group(2)}，与表二收费金额{_fmt(fee.value)}万元不一致",
                                   expected=round(amount, 6), actual=fee.value))
    return out


# --- N-1, N-2: prose against tables ----------------------------------------------------------------

_RECEIVED = re.compile(r"(?:共|累计|全年|本年度?)?(?:收到|受理|接收)[^。；;，,\d]{0,14}?申请[^。；;，,\d]{0,6}?" + INT + r"件")
_CARRIED = [re.compile(r"结转(?:至|到)?下一?年度?(?:继续办理|办理)?[^。；;，,\d]{0,4}" + INT + r"件"),
            re.compile(INT + r"件[^。；;，,\d]{0,6}结转(?:至|到)?下一?年度?")]
# 二、上年结转: 「上年结转0件」, 「（含上年结转2件）」 (evidence for which cell is misprinted only: the
# template has no rule on it)
_CARRIED_OVER = re.compile(r"上一?年度?结转[^。；;，,\d]{0,6}?" + INT + r"件")
# 「受理申请525件（含上年结转1件）」: the number received counts last year's carried over too
_WITH_CARRIED_OVER = re.compile(r"[（(]?(?:其中)?(?:包?含|包括)上一?年度?结转")
_ALL_MAINTAINED = re.compile(r"均(?:获|被|予以)?维持|零败诉|无一败诉|未发生败诉")
_NONE_RECEIVED = re.compile(r"(?:未|没有)收到[^。；;，,]{0,12}?(?:政府信息)?公开申请")


_OTHER_MATTERS = re.compile(r"复议|诉讼|信访|投诉|举报")


# Where a match of each pattern here may start (prose_counts._ANCHORS tells how).
_ANCHORS: Anchors = {pattern.pattern: anchors for pattern, anchors in (
    (_RECEIVED, (("收到", "受理", "接收"), 3)), (_CARRIED[0], (("结转",), 0)),
    (_CARRIED[1], (("结转",), 15 + 1 + 6)), (_CARRIED_OVER, (("结转",), 4)), (_NONE_RECEIVED, (("收到",), 2)),
    (_ALL_MAINTAINED, (("维持", "败诉"), 3)), (_PROSE_FEE, (("收费",), 5)))}


def _finditer(pattern: re.Pattern, prose: str):
    return anchored_finditer(pattern, prose, _ANCHORS)


def _search(pattern: re.Pattern, prose: str) -> Optional[re.Match]:
    return next(_finditer(pattern, prose), None)


def _value(digits: str) -> Number:
    """parse_number's value of the digits a pattern here matched (_N, INT: within its limits)."""
    parsed = parse_number(digits)
    assert parsed is not None
    return parsed[0]


def _prose_number(pattern: re.Pattern, prose: str, exclude: Optional[re.Pattern] = None) -> Optional[Number]:
    """The first number the pattern finds in the prose, skipping matches about other matters."""
    for m in _finditer(pattern, prose):
        if exclude is None or not exclude.search(m.group(0)):
            return _value(m.group(1))
    return None


@dataclass(frozen=True)
class ProseSays:
    """What the prose (_flat_prose) says, searched once a report for every rule asking."""
    numbers: dict[str, Number]  # about 表三 and 表四: received, forward, carried (over), review, litigation
    none_received: bool  # no request received (_NONE_RECEIVED)
    all_maintained: bool  # every review and lawsuit upheld (_ALL_MAINTAINED)
    received_with_carried: bool = False  # the number received said to count 二、上年结转 too (_WITH_CARRIED_OVER)


def _prose_says(prose: str) -> ProseSays:
    return ProseSays(_stated(prose), _search(_NONE_RECEIVED, prose) is not None,
                     _search(_ALL_MAINTAINED, prose) is not None, _received_with_carried(prose))


def _received_with_carried(prose: str) -> bool:
    """Whether the first number received the prose states (as _stated reads it) is said right
    after it to include last year's carried over (「…申请525件（含上年结转1件）」)."""
    if "含上" not in prose and "括上" not in prose:  # (_WITH_CARRIED_OVER needs one: most prose has neither)
        return False
    for m in _finditer(_RECEIVED, prose):
        if not _OTHER_MATTERS.search(m.group(0)):
            return _WITH_CARRIED_OVER.match(prose, m.end()) is not None
    return False


def _stated(prose: str) -> dict[str, Number]:
    """The numbers the prose states about 表三 and 表四: received, forward, review, litigation."""
    out: dict[str, Number] = {}
    received = _prose_number(_RECEIVED, prose, exclude=_OTHER_MATTERS)
    if received is not None:
        out["received"] = received
    for pattern in _CARRIED:
        forward = _prose_number(pattern, prose)
        if forward is not None:
            out["forward"] = forward
            break
    carried = _prose_number(_CARRIED_OVER, prose)
    if carried is not None:
        out["carried"] = carried
    for name, number in zip(("review", "litigation"), stated_t4(prose)):
        if number is not None:
            out[name] = number
    return out


# Statement: what the prose says a sum of cells is, as (readings, number): the table agrees when
# the cells of one reading add up to the number.
Statement = tuple[tuple[tuple[str, ...], ...], Number]
_STATED_CELLS = {"received": (("section3.new.total",), ("section3.new.total", "section3.carried_over.total")),
                 "forward": (("section3.carried_forward.total",),),
                 "carried": (("section3.carried_over.total",),),
                 "review": (("section4.review.total",),),
                 "litigation": (("section4.litigation_direct.total", "section4.litigation_after_review.total"),)}


def _flat_prose(prose: str) -> str:
    """The report's prose (report.prose()) without whitespace."""
    return "".join(prose.split())  # (str.split and re's \s know the same whitespace; split is faster)


def stated_numbers(said: ProseSays) -> list[Statement]:
    """What the prose says the tables' sums are."""
    out: list[Statement] = [(_STATED_CELLS[name][-1:] if name == "received" and said.received_with_carried
                             else _STATED_CELLS[name], number) for name, number in said.numbers.items()]
    if said.none_received:
        out.append(((("section3.new.total",),), 0))
    if said.all_maintained:
        out += [(((f"section4.{g.key}.corrected",),), 0) for g in T4.rows]
    return out


def prose_rules(report: Report, unfilled: dict[str, tuple[str, list[str]]], prose: str,
                said: ProseSays) -> list[Finding]:
    """N-1, N-2; `unfilled` and `said` as for arithmetic_rules, `prose`: _flat_prose."""
    out = []
    unknown = frozenset(p for _, paths in unfilled.values() for p in paths)

    def num(path: str) -> Optional[Number]:  # a cell of a column left unfilled is unknown
        return None if path in unknown else _num(report, path)

    new, carried = num("section3.new.total"), num("section3.carried_over.total")
    received = said.numbers.get("received")
    if received is not None and new is not None and received not in (new, new + (carried or 0)):
        out.append(Finding("N-1", WARNING, ["section3.new.total"],
                           f"正文称收到申请{received}件，表三「一、本年新收」为{_fmt(new)}件"
                           + (f"（含上年结转为{_fmt(new + carried)}件）" if carried else ""),
                           expected=received, actual=new))
    forward = num("section3.carried_forward.total")
    number = said.numbers.get("forward")
    if number is not None and forward is not None and number != forward:
        out.append(Finding("N-1", WARNING, ["section3.carried_forward.total"],
                           f"正文称结转下年度{number}件，表三「四、结转下年度继续办理」为{_fmt(forward)}件",
                           expected=number, actual=forward))
    review = num("section4.review.total")
    number = said.numbers.get("review")
    if number is not None and review is not None and number != review:
        out.append(Finding("N-1", WARNING, ["section4.review.total"],
                           f"正文称行政复议{number}件，表四行政复议总计为{_fmt(review)}件", expected=number, actual=review))
    direct, after = num("section4.litigation_direct.total"), num("section4.litigation_after_review.total")
    number = said.numbers.get("litigation")
    if number is not None and direct is not None and after is not None and number != direct + after:
        out.append(Finding("N-1", WARNING, ["section4.litigation_direct.total", "section4.litigation_after_review.total"],
                           f"正文称行政诉讼{number}件，表四两类行政诉讼总计之和为{_fmt(direct + after)}件",
                           expected=number, actual=direct + after))
    if report.template != "2019":
        issued = num("section2.normative_docs.issued")
        number = stated_issued(prose)
        if number is not None and issued is not None and number != issued:
            out.append(Finding("N-1", WARNING, ["section2.normative_docs.issued"],
                               f"正文称制发规范性文件{number}件，表二为{_fmt(issued)}件", expected=number, actual=issued))

    # (a glued 表四 placed from the left guessed each value's column: a 结果纠正 there may be another result's)
    placed = any(PLACED_LEFT in f.causes for f in report.flags if f.cell.startswith("section4"))
    if said.all_maintained and not placed:
        bad = [f"section4.{g}.{c}" for g in ("review", "litigation_direct", "litigation_after_review")
               for c in ("corrected",) if (num(f"section4.{g}.{c}") or 0) > 0]
        if bad:
            out.append(Finding("N-2", WARNING, bad, "正文称复议诉讼“均获维持/零败诉”，但表四有结果纠正的案件"))
    if said.none_received and (new or 0) > 0:
        out.append(Finding("N-2", WARNING, ["section3.new.total"],
                           f"正文称未收到政府信息公开申请，但表三本年新收为{_fmt(new)}件", actual=new))
    return out


# --- D-1..3: the document as a whole --------------------------------------------------------------

SECTION_NAMES = {1: "一、总体情况", 2: "二、主动公开政府信息情况", 3: "三、收到和处理政府信息公开申请情况",
                 4: "四、行政复议、行政诉讼情况", 5: "五、存在的主要问题及改进情况", 6: "六、其他需要报告的事项"}


_SECTION_MARKS = {1: "总体情况", 2: "主动公开政府信息", 3: "政府信息公开申请", 4: "行政诉讼",
                  5: "存在的主要问题", 6: "其他需要报告"}
# Words of each table's header or first rows: the text holds the table though the reader lost it.
_TABLE_MARKS = {"section2": ("信息内容", "第二十条"), "section3": ("本年新收", "申请人情况", "勾稽关系"),
                "section4": ("结果维持", "尚未审结")}


def document_rules(report: Report) -> list[Finding]:
    out = []
    if report.title_year and report.period_year and report.title_year != report.period_year:
        out.append(Finding("D-1", WARNING, [], f"标题年度为{report.title_year}年，统计期限为{report.period_year}年，两者不一致",
                           expected=report.title_year, actual=report.period_year))
    missing_sections = [SECTION_NAMES[n] for n in range(1, 7) if n not in report.sections]
    missing_tables = [s for s in ("section2", "section3", "section4") if s not in report.tables]
    if missing_sections or missing_tables:
        names = {"section2": "表二（主动公开）", "section3": "表三（依申请公开）", "section4": "表四（复议诉讼）"}
        parts = []
        if missing_sections:
            parts.append("缺少章节：" + "、".join(missing_sections))
        if missing_tables:
            parts.append("缺少统计表：" + "、".join(names[s] for s in missing_tables))
        # A title or table the text holds but the reader could not place is a reading problem.
        text = "".join(report.text.split())  # (as in _flat_prose)
        seen = all(_SECTION_MARKS[n] in text for n in range(1, 7) if n not in report.sections) and \
            all(any(m in text for m in _TABLE_MARKS[s]) or _emptied(report, s) for s in missing_tables)
        lost = any(f.kind == "lost" for f in report.flags)  # the converter visibly lost text (parse/lost.py)
        message = "；".join(parts) + ("（原文中可见相应标题或表格文字，可能是读取问题，请对照原文核对）" if seen else
                                     "（转换时有文字丢失或成了乱码，可能是读取问题，请核对原文件）" if lost else "")
        out.append(Finding("D-2", DOUBT if seen or lost else ERROR, missing_tables, message))
    if report.year:
        if report.template == "2019" and report.year >= 2021:
            out.append(Finding("D-3", WARNING, ["section2"], f"{report.year}年度报告使用了2019年试行模板的表格"))
        elif report.template == "2021" and report.year <= 2020 and _has_2021_rows(report):
            out.append(Finding("D-3", WARNING, ["section3"], f"{report.year}年度报告使用了2021年新模板的表格"))
    return out


def _emptied(report: Report, section: str) -> bool:
    """The table's section has its heading and nothing under it: no report is written so, but a
    converter that cannot render a complex table (pandoc's plain text) drops it that way."""
    span = report.section_spans.get(int(section[-1]))
    if span is None:
        return False
    body = report.text[span[0]:span[1]].split("\n", 1)[1:]
    return len("".join(body[0].split()) if body else "") < 10


def _has_2021_rows(report: Report) -> bool:
    return any(report.cells[p].state == NUMBER for p in report.cells if p.startswith("section3.other_no_"))

