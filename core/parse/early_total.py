"""A 表三 row a cell short whose 总计 printed before its last cells of 0s and placeholders.

Plain pdftotext prints a PDF's words in reading order, a row's cells left to right only while
they share a baseline: a cell whose text sits higher (a row a cell short, its last cell drawn
apart) prints before the cells left of it. The row then reads 「4 2 — — 6 —」 for 4 2 — — — 6: its
总计 taken for 法律服务机构, its 总计 left unread (then filled in from the sums, wrongly).

Only the sums tell: the count printed last but for 0s and placeholders is the 总计 when it is the
sum of the row's other values, and the table's sums through the row, broken as read, all hold
so. The 0s and placeholders are 0 in whichever of the remaining cells they print (which one is
the cell no trace shows is unknown): the row stays flagged.
"""
from __future__ import annotations

from core.model import BLANK, CHECK_WITH_SOURCE, INFERRED, MISSING, NUMBER, PLACEHOLDER, CellValue, Flag, Report
from core.parse.columns import equation_score
from core.parse.lost_label import LOST  # (a character the file lost: a cell's, or a label's, no 0 or placeholder printed)
from core.parse.reconcile import row_equations
from core.parse.stored_cells import table_values
from core.template import Table

TOTAL_PRINTED_EARLY = ("「{0}」行印有{1}个数值，模板为{2}列：其中{3}印在其后的0和占位符之前（PDF文字顺序，文字位置较高的单元格先印出），"
                       "它等于本行其余各数之和，表三各项合计也只在它是总计时相符，已读作本行总计；其余0和占位符各在哪一格无法确定，"
                       "均按0计，" + CHECK_WITH_SOURCE)


def read_totals_printed_early(report: Report, table: Table, paged: bool) -> list[str]:
    """Read each flagged row of 表三 stored a value short from 自然人 on in printed order, its 总计
    unread or filled in from the sums, whose 总计 printed before its trailing 0s and placeholders;
    returns the rows read so. `paged`: the text is a PDF's, page by page (only a PDF's text
    order puts a cell before those left of it)."""
    moved: list[str] = []
    if not paged:
        return moved
    cells = report.cells
    flagged = {f.cell for f in report.flags}
    for row in table.rows:
        key = row.key
        if f"{table.section}.{key}" not in flagged:
            continue
        paths = list(table.row_paths(key))
        if not paths[-1].endswith(".total"):
            continue
        row_cells = [cells[p] for p in paths]
        printed = row_cells[:-1]
        if row_cells[-1].state not in (MISSING, INFERRED) or row_cells[-1].span is not None:
            continue
        spans = [span for c in printed if (span := c.span) is not None and c.state in (NUMBER, PLACEHOLDER, BLANK)]
        if len(spans) != len(printed) or any(a[1] > b[0] for a, b in zip(spans, spans[1:])):
            continue  # (not every value stored in printed order from 自然人 on)
        values = [c.arithmetic for c in printed]
        counts = [n for n, v in enumerate(values) if v]
        if not counts or counts[-1] == len(values) - 1 or printed[counts[-1]].state != NUMBER \
                or any(c.raw == LOST for c in printed[counts[-1] + 1:]):
            continue  # (nothing but 0s and placeholders after it: no other order to weigh)
        last = counts[-1]
        if values[last] != sum(v for n, v in enumerate(values) if n != last and v):
            continue
        eqs = row_equations(report.template, key)
        before = table_values(report, table.section)
        before.update({paths[-1]: None})  # (a 总计 filled in from the sums is no printed one)
        moved_cells = printed[:last] + printed[last + 1:] + [CellValue(None, BLANK), printed[last]]
        after = dict(before)
        after.update((p, c.arithmetic) for p, c in zip(paths, moved_cells))
        known = [e for e in eqs if all(after.get(p) is not None for p in e.cells)]
        columns = tuple(e for e in eqs if e.kind != "row")
        if equation_score(eqs, after) != len(known) or equation_score(columns, after) <= equation_score(columns, before):
            continue
        for path, cell in zip(paths, moved_cells):
            cells[path] = cell
        shown = report.text[spans[last][0]:spans[last][1]]
        report.flags[:] = [f for f in report.flags if not (
            f.cell == paths[-1] and f.kind == "inferred"
            or f.cell == f"{table.section}.{key}" and f.message.startswith(f"「{row.label}」行印有{len(printed)}个数值"))]
        report.flags.append(Flag(f"{table.section}.{key}", "parse",
                                 TOTAL_PRINTED_EARLY.format(row.label, len(printed), len(paths), shown)))
        moved.append(key)
    return moved
