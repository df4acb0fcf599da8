"""A character the file lost (U+FFFD) is a cell keeping its column, and flagged where it may have
been a digit (a q2718 converter zoo output, with its truth beside it)."""
from __future__ import annotations

from pathlib import Path

from core.pipeline import load_report
from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_character_the_file_lost_is_a_cell_keeping_its_column():
    # lynx read the GBK page as Latin-1 and dropped the second byte of each "－" (0xA3 0xAD, 0xAD a
    # soft hyphen there): the reader puts the GBK back and each lone 0xA3 is the "－" it was (until
    # fresh71 a lone U+FFFD, a cell no number: digits are ASCII and survive); "138个 18个 － － 5个 －
    # 161个" keeps 法律服务机构's 5 in its column
    path = ZOO / "quirks2718-r0014-lynx.txt"
    report = load_report(path)
    columns = ("natural", "commercial", "research", "social", "legal", "other", "total")
    assert [report.value(f"section3.new.{c}") for c in columns] == [138, 18, None, None, 5, None, 161]
    assert report.cells["section3.new.research"].state == "placeholder"
    # a label's last character cut in two by lynx's line break ("…公开申�", "� 1个 � …"): its second
    # half is the label's text, no cell
    assert [report.value(f"section3.other_no_fee.{c}") for c in columns] == [1, None, None, None, None, None, 1]
    _, wrong, silent = read_against_truth(path)
    assert wrong == [] and silent == []
    assert not [f for f in report.flags if "无法识别" in f.message]  # (the reader said the text was mended)


def test_a_lost_character_in_a_text_not_mended_is_flagged(tmp_path):
    # the same text put back as GBK without knowing lynx's dropped soft hyphen, each lone 0xA3 a
    # U+FFFD, saved as UTF-8: no Latin-1 copy of GBK was mended, so the lost character may have
    # been anything, a digit too: its rows read it as a placeholder, flagged
    path = tmp_path / "report.txt"
    latin1 = (ZOO / "quirks2718-r0014-lynx.txt").read_text(encoding="utf-8")
    path.write_text(latin1.encode("latin-1").decode("gb18030", errors="replace"), encoding="utf-8")
    report = load_report(path)
    assert report.value("section3.new.legal") == 5
    flagged = {f.cell for f in report.flags if "无法识别" in f.message}
    assert {"section3.new", "section3.granted", "section3.total"} <= flagged
    assert "section3.carried_over" in flagged and "section3.other_no_fee" in flagged
