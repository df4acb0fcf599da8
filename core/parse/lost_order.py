"""表三 rows read blank, or with no count but 0s, in a table whose reading order is lost.

Plain pdftotext over a PDF's pages can print 表三's values in blocks apart from their labels: rows
not found, rows holding many more values than columns (their OVERRUN flags), and between them labels
printed one after another with no value between (pq4005 r0025: 「（一）予以公开」 right before
「（二）部分公开」, its 209 50 6 265 printed among other rows' values). A row read blank there is no
sure blank: its values may be among those the overrunning rows hold. Flagged, so that a blank read
for a value is never silent (core.check.rules._reading_order_lost makes its failing sums 存疑).
So too a row read with no count but 0s and placeholders (p4302 r0029: 「1.本机关不掌握相关政府信息」 followed by
「0 / / 0 0 / /」, other rows' cells, its own 4 0 4 printed elsewhere): its sum holds whatever the values
were, so nothing in the table confirms it. A row holding a count above 0 is left: its own sum tells."""
from __future__ import annotations

from core.model import BLANK, NUMBER, OVERRUN, PLACEHOLDER, Flag, Report
from core.template import Table

LOST_ORDER_BLANK = ("「{0}」行未印出数值：表三有{1}行未找到，另有{2}行印出的数值多于模板列数，"
                    "数值与行标签分开印出，本行的数值可能印在别处，已按空白读取，请对照原文核对")
LOST_ORDER_ZEROS = ("「{0}」行只读到0和占位符：表三有{1}行未找到，另有{2}行印出的数值多于模板列数，"
                    "数值与行标签分开印出，本行读到的数值可能属于别行，请对照原文核对")


def flag_blank_rows_of_a_lost_order(report: Report, table: Table) -> None:
    """Flag each row of 表三 read blank, or with no count but 0s, and not flagged, where two rows at least were not found
    and two at least hold more values than columns (the test core.check.rules applies)."""
    missing = overrun = 0
    flagged: set[str] = set()
    prefix = f"{table.section}."
    for f in report.flags:
        if f.cell.startswith(prefix):
            flagged_row = f.cell if f.cell.count(".") == 1 else f.cell.rsplit(".", 1)[0]
            flagged.add(flagged_row)
            if flagged_row == f.cell:
                missing += f.kind == "missing"
                overrun += OVERRUN in f.causes
    if missing < 2 or overrun < 2:
        return
    for row in table.rows:
        path = prefix + row.key
        if path in flagged:
            continue
        cells = [report.cells.get(f"{path}.{column.key}") for column in row.columns]
        if all(cell is not None and cell.state == BLANK for cell in cells):
            report.flags.append(Flag(path, "parse", LOST_ORDER_BLANK.format(row.label, missing, overrun)))
        elif all(cell is not None and (cell.state in (BLANK, PLACEHOLDER) or cell.state == NUMBER and cell.value == 0)
                 for cell in cells):
            report.flags.append(Flag(path, "parse", LOST_ORDER_ZEROS.format(row.label, missing, overrun)))
