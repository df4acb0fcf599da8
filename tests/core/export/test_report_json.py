"""The JSON shape of a report none of whose tables could be read (OUTPUT.md: flags)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.export.report_json import report_json
from core.pipeline import read_report
from tests.core.parse.test_site_text import garbled_lynx_dump

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _flagged_sections(path) -> list[str]:
    report, _ = read_report(str(path))
    return [flag["cell"] for flag in report_json(report, check(report))["flags"]]


def test_a_file_whose_tables_could_not_be_read_flags_every_section(tmp_path):
    # its cells print null, which is no reading of them: a consumer of the JSON (and score.py) must
    # see them flagged, not taken for blank cells read right
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert _flagged_sections(empty) == ["section2", "section3", "section4"]
    # a garbled lynx dump of a report, and a PDF whose fonts carry no map to Unicode (需OCR)
    # (st28-r0001-word-html-lynx, a UTF-8 page lynx read as GB2312, is now read: lossy_gb2312.py)
    # (w1610-r0021-split-html-lynx, UTF-8 but for the site's name in GBK, is now read: encoding.py)
    assert _flagged_sections(garbled_lynx_dump(tmp_path / "garbled.txt")) == ["section2", "section3", "section4"]
    report, _ = read_report(str(FIXTURES / "rl-no-tounicode.pdf"))
    flags = report_json(report)["flags"]
    assert [f["cell"] for f in flags] == ["section2", "section3", "section4"]
    assert flags[0]["message"].startswith("未能读出统计表：") and "需OCR" in flags[0]["message"]


def test_a_report_or_a_blank_template_gets_no_such_flag(tmp_path):
    # a report read whole: its own flags only (none here); a blank template's tables were read
    assert _flagged_sections(FIXTURES / "consistent-2021.docx") == []
    assert _flagged_sections(FIXTURES.parent.parent / "resources/2021-official-template.docx") == []
    # a report whose 表四 is cut off: the parser's one flag on section4, not a second
    text = (FIXTURES / "report-2019.txt").read_text(encoding="utf-8")
    cut = tmp_path / "cut.txt"
    cut.write_text(text[:text.index("四、政府信息公开行政复议")], encoding="utf-8")
    assert _flagged_sections(cut) == ["section4"]
