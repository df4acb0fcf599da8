"""A PDF whose tables draw their heads as ruled cells (shaded) over rows drawn without lines: the
rows take the columns of the ruled header nearest above them, not those of another ruled table
lower on the page (表三's header under 表二's rows), whose narrow columns would split each of the
rows' own and shift a row whose first cell is blank (truth beside the file: tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def _row(report, key: str, columns: tuple[str, ...]) -> list:
    return [report.value(f"section2.{key}.{c}") for c in columns]


def test_t2_rows_under_a_ruled_head_keep_its_columns_not_those_of_the_table_below():
    report, wrong, silent = read_against_truth(ZOO / "pq3404-r0020-rl-pdf.pdf")
    documents = ("new_made", "new_published", "total_published")
    items = ("prev_items", "change", "decisions")
    assert _row(report, "rules", documents) == [0, None, 9]
    assert _row(report, "normative_docs", documents) == [17, 17, 18]
    # printed (blank) 0 0: before, read 0 (blank) 0 with no flag
    assert _row(report, "other_services", items) == [None, 0, 0]
    assert _row(report, "coercion", items) == [55, 0, 72]
    assert not [f for f in report.flags if f.cell in ("section2.rules", "section2.normative_docs",
                                                       "section2.other_services", "section2.coercion")]
    assert not [c for c in wrong if c.startswith("section2")] and silent == []
