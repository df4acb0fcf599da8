"""表三 with a units column (「单位」, 「件」 in every row) between the row labels and 自然人: the
「件」 beside 「3.其他」 made its label 「3.其他件」, no row's, so the row was placed by order and
flagged 「数值与行标签错位印出」 on a page read right."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.check.rules import check
from core.model import ERROR
from core.pipeline import load_report
from tests.core.truth import wrong_cells

WILD = Path(__file__).resolve().parents[2] / "fixtures" / "wild"


@pytest.mark.parametrize("suffix", ["html", "w3m.txt", "lynx.txt", "pandoc-plain.txt"])
def test_a_units_column_beside_the_labels_leaves_every_row_found(suffix):
    report = load_report(WILD / f"t3-units-column.{suffix}")
    assert wrong_cells(report, "wild/structures") == []
    assert report.flags == []
    assert [f for f in check(report) if f.severity == ERROR] == []
