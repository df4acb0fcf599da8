"""The rules read why the parser flagged a cell from the flag's cause (core.model), never from its
message: a message reworded for the auditor leaves every finding as it was, and a message that
merely says the same words drives no rule."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest

from core.check.rules import check
from core.model import GLUED_NO_CUT, NUMBER, READING_UNDECIDED, CellValue, Flag
from core.parse.blocks import UNDECIDED
from core.parse.glued_tables import NO_CUT_ADDS_UP
from core.pipeline import load_report

SEED_003 = Path(__file__).resolve().parents[2] / "fixtures" / "corpus" / "003_2385a1ea8664f14a.txt"
GRANTED_TOTAL = "section3.granted.total"  # （一）予以公开 prints 自然人 12, its other parts 0, 总计 12
PARTIAL_NATURAL = "section3.partial.natural"  # （二）部分公开 × 自然人: 2
PARTIAL_ROW = [f"section3.partial.{c}" for c in ("natural", "commercial", "research", "social", "legal", "other", "total")]


@pytest.fixture(scope="module")
def clean():
    report = load_report(SEED_003)
    assert check(report) == []
    return report


def _granted_total_15(clean):
    """（一）予以公开's 总计 misprinted 15 for 12: its row sum (T3-3) fails through it."""
    report = copy.deepcopy(clean)
    report.cells[GRANTED_TOTAL] = CellValue(15, NUMBER, "15")
    return report


def _t33_cells(report) -> list[list[str]]:
    return [f.cells for f in check(report) if f.rule == "T3-3"]


def test_cells_read_several_ways_alike_are_named_by_their_cause_whatever_the_message_says(clean):
    report = _granted_total_15(clean)
    assert PARTIAL_NATURAL not in sum(_t33_cells(report), [])
    # the failing row's 总计 and a cell of another row each read several ways that add up alike:
    # the finding names the other cell too (the misprint may be there), however the flags are worded
    report.flags += [Flag(GRANTED_TOTAL, "inferred", "换了措辞的说明", (READING_UNDECIDED,)),
                     Flag(PARTIAL_NATURAL, "inferred", "换了措辞的说明", (READING_UNDECIDED,))]
    [cells] = _t33_cells(report)
    assert GRANTED_TOTAL in cells and PARTIAL_NATURAL in cells


def test_a_message_holding_the_words_without_the_cause_names_no_other_cell(clean):
    report = _granted_total_15(clean)
    report.flags += [Flag(GRANTED_TOTAL, "inferred", f"「（一）予以公开」×「总计」：{UNDECIDED}"),
                     Flag(PARTIAL_NATURAL, "inferred", f"「（二）部分公开」×「自然人」：{UNDECIDED}")]
    [cells] = _t33_cells(report)
    assert GRANTED_TOTAL in cells and PARTIAL_NATURAL not in cells


def test_a_row_no_cut_adds_up_is_named_by_its_cause_whatever_the_message_says(clean):
    # no sum fails, but the parser found the row's glued digits misprinted: 存疑 naming the row,
    # its flag's words quoted
    report = copy.deepcopy(clean)
    report.flags.append(Flag("section3.partial", "parse", "「（二）部分公开」行另一种说法", (GLUED_NO_CUT,)))
    [finding] = [f for f in check(report) if f.rule == "T3-3"]
    assert finding.severity == "doubt" and sorted(finding.cells) == sorted(PARTIAL_ROW)
    assert finding.message.startswith("表三「（二）部分公开」行另一种说法。")
    # the same words without the cause: nothing to say of a table that adds up
    report = copy.deepcopy(clean)
    report.flags.append(Flag("section3.partial", "parse", f"「（二）部分公开」行的数字粘连在一起，{NO_CUT_ADDS_UP}，请对照原文核对"))
    assert check(report) == []
