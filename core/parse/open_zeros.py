"""Zeros whose cells the sums cannot tell: placeholders read as 0 where their cell is a guess.

A table printed with its blank cells dropped (mammoth's Markdown, pdfplumber's text) and zeros
printed now as 0, now as a placeholder ("/", "无", "—"), now as nothing, puts each value where
the sums place it; between two counts other than 0, a run of cells holding 0 that prints fewer
zeros than it has cells leaves open which cell printed the placeholder, which a 0 and which
nothing ("2 无 0 无 无 2" for seven cells). Every cell of such a run then reads 0 (inferred), as a
row printing only zeros does (lost.zero_row), rather than a placeholder in a cell guessed for it.
"""
from __future__ import annotations

from core.model import BLANK, INFERRED, MISSING, NUMBER, PLACEHOLDER, CellValue, Report


def read_open_zeros(report: Report, paths: list[str]) -> bool:
    """Read as 0 the open runs of zeros along `paths` (a row's cells in printed order, or 表四's
    fifteen); unprinted cells there are blank (the caller knows the sums make them 0). Whether
    any run was so read."""
    if any(p not in report.cells for p in paths):
        return False
    cells = [report.cells[p] for p in paths]
    changed = False
    run: list[int] = []
    for n, cell in enumerate(cells + [None]):
        if cell is not None and (cell.arithmetic == 0 or cell.state == MISSING):
            run.append(n)
            continue
        # (a cell read blank from a trace it left is printed too: only cells placed by no trace are open)
        printed = [i for i in run if cells[i].state in (NUMBER, PLACEHOLDER, BLANK)]
        if any(cells[i].state == PLACEHOLDER for i in run) and len(printed) < len(run):
            for i in run:
                if cells[i].state != NUMBER:
                    report.cells[paths[i]] = CellValue(0, INFERRED)
            changed = True
        run = []
    return changed
