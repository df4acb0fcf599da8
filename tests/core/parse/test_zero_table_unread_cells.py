"""表三 printing no count but 0: plain pdftotext's text of a table whose cells print 0 or 「－」
(zeros mixed), its rows' values printed apart from their labels in an order no reader could
place. Whichever printed cell a cell is, it counts 0 (a blank and a placeholder count 0 too).

On main 5e2cf35c p2502 r0010 left 24 of those cells unread (each a 0 of the report): flagged,
wrong. Fixtures: tests/fixtures/zoo/README.md."""
from __future__ import annotations

import json
from pathlib import Path

from tests.core.truth import leaves, read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_unread_cells_of_a_table_printing_only_zeros_read_0_and_flagged():
    path = ZOO / "p2502-r0010-pdftotext-utf-8.txt"
    report, wrong, silent = read_against_truth(path)
    truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    zeros = [cell for cell, want in leaves(truth["section3"], "section3") if want == 0]
    assert len(zeros) > 24
    # every 0 of the report reads 0 but three a reader placed as 「－」 (rows flagged): those
    # cells were read, not left unread, and stay as read
    misread = [cell for cell in zeros if report.value(cell) != 0]
    assert len(misread) == 3 and all(report.cells[cell].state == "placeholder" for cell in misread)
    assert sorted(w.split(":")[0] for w in wrong if w.startswith("section3")) == sorted(misread)
    # the cells set so are said to be so, row by row
    said = {f.cell for f in report.flags if "按0计" in f.message}
    assert "section3.granted" in said and "section3.denied_state_secret" in said
    assert silent == []


def test_a_table_printing_a_count_keeps_its_unread_cells_unread():
    # 表三 of counts (blank cells leaving no trace): an unread cell may be any of them, not 0
    report, wrong, silent = read_against_truth(ZOO / "q2501-r0042-pdftotext-utf-8.txt")
    assert not [f for f in report.flags if "表三只印有0和占位符" in f.message]
    assert any(report.cells[p].state == "missing" for p in report.cells if p.startswith("section3."))
