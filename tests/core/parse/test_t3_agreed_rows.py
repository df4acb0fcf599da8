"""表三 rows that every placement holding all the sums places alike, when several placements do."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.export.report_json import report_json
from core.pipeline import load_report
from tests.core.truth import t3_row_counted as _row

CONVERTERS = Path(__file__).resolve().parents[2] / "fixtures" / "converters"


def test_rows_every_reading_places_alike_are_placed_so_when_readings_tie_elsewhere():
    # mammoth's Markdown, one cell a paragraph, a blank cell leaving nothing: 「（七）总计」 prints
    # all seven cells (社会公益组织 0, 法律服务机构 29), so 「（一）予以公开」 239 27 — 14 — 280 has its
    # 14 under 法律服务机构 in every reading where the column sums hold (so 3 in 「1.本机关不掌握
    # 相关政府信息」 and 「1.申请人无正当理由逾期不补正…」). Only 「二、上年结转」 0 5 — — — 5 and
    # 「四、结转下年度继续办理」 0 5 — 5 tie: their 5 may be 商业企业's or 科研机构's.
    report = load_report(CONVERTERS / "zoo4401-r0046.mammoth-md.md")
    assert _row(report, "granted") == [239, 27, 0, 0, 14, 0, 280]
    assert _row(report, "unable_not_held") == [64, 8, 0, 0, 3, 0, 75]
    assert _row(report, "other_no_correction") == [54, 6, 0, 0, 3, 0, 63]
    tied = [f.message for f in report.flags if f.cell == "section3.carried_over" and f.kind == "inferred"]
    assert any("几种读法同样合计" in m and "「商业企业」、「科研机构」" in m for m in tied)
    # a consistent report: every sum holds as read, nothing to report
    assert report_json(report, check(report))["findings"] == []
