"""表四 in plain pdftotext's order: some of a group's parts print side by side on a line (left to
right), the others each on a line of its own, in the order pdftotext reads its blocks, not always
left to right. The parts add up to the 总计 in any order, so where the lone counts differ, which
column each is in is unknown: the group is flagged, never read silently."""
from __future__ import annotations

import json
from pathlib import Path

from core.check.rules import check
from core.model import ERROR, READING_UNDECIDED
from core.pipeline import load_report
from tests.core.truth import read_against_truth

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _t4_group_flags(report):
    return {f.cell for f in report.flags if f.cell.startswith("section4.") and READING_UNDECIDED in f.causes}


def test_lone_parts_of_a_t4_group_printed_out_of_order_are_flagged_not_silent():
    """wild/t3-subtotal-rows' Word file through LibreOffice and plain pdftotext: 行政复议 prints
    「14 2」, then 「0」, then 「2」 (its 尚未审结 header apart too), its 总计 18: the truth is 14, 2,
    2 (其他结果), 0 (尚未审结). Read in printed order, 其他结果 0 and 尚未审结 2 add up to 18 as well:
    before, two cells wrong and nothing said. Now the group is flagged; the two groups printing
    only 0s (any order reads the same) are not."""
    report = load_report(FIXTURES / "wild" / "t3-subtotal-rows.pdftotext.txt")
    truth = json.loads((FIXTURES / "wild" / "t3-subtotal-rows.expected.json").read_text(encoding="utf-8"))
    assert report.value("section4.review.total") == truth["section4"]["review"]["total"] == 18
    assert _t4_group_flags(report) == {"section4.review"}
    assert not [f for f in check(report) if f.severity == ERROR and any(c.startswith("section4") for c in f.cells)]


def test_lone_parts_alike_or_a_part_a_line_are_read_without_a_flag():
    """Zoo q2301, r0023 (plain pdftotext): 行政复议 「12 0」, 「0」, 「0」 (the lone counts alike: any
    order reads 12, 0, 0, 0) is not flagged; 未经复议直接起诉 「13 0」, 「6」, 「0」 is, though printed
    order is right here (13, 0, 6, 0): the text cannot tell it from the case above. Every cell right."""
    report, wrong, silent = read_against_truth(FIXTURES / "zoo" / "q2301-r0023-pdftotext-gbk.txt")
    assert not [c for c in wrong if c.startswith("section4")]
    assert _t4_group_flags(report) == {"section4.litigation_direct"}
