"""表三 printing no count, its zeros printed every which way (0, 「-」 and blank cells mixed in a row),
in a converter's text: pandoc cuts a Word row printing 8 cells (a 法人或其他组织 subtotal after 自然人)
back to the table's 7 columns, no trace left, and the row then reads its 0s a column off while
adding up as well. Which cells print 0 no sum and no cell tells: the table is flagged.

On main 9d948939 pq2404 r0038 (pandoc's GFM of a web page, 2019 template) read 「3.补正后申请内容
仍不明确」's 0 under 社会公益组织, 科研机构's in the report, flagged by nothing (silent).
Fixtures: tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from core.parse.subtotal_rows import ZERO_TABLE_MAY_BE_CUT
from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_mixed_table_of_zeros_from_pandoc_is_flagged_as_read():
    report, wrong, silent = read_against_truth(ZOO / "pq2404-r0038-pandoc-html-gfm.md")
    assert silent == []
    # the cell one column off stays as printed (0 under 社会公益组织, the 科研机构 blank beside it) …
    assert wrong == ["section3.unable_unclear.research"]
    assert report.value("section3.unable_unclear.social") == 0
    # … the table said to be in doubt, once, as a whole
    said = [f for f in report.flags if f.message == ZERO_TABLE_MAY_BE_CUT]
    assert [f.cell for f in said] == ["section3"]


def test_a_table_of_zeros_printed_one_way_is_not_flagged():
    # every zero printed alike (「0」): a row read a column off reads the same
    report, wrong, silent = read_against_truth(ZOO / "w1304-r0040-cms-html-w3m.txt")
    assert silent == [] and wrong == []
    assert not [f for f in report.flags if f.message == ZERO_TABLE_MAY_BE_CUT]
