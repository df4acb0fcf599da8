"""A 表三 label a PDF's text wrapped after its number, ran into its group label or clipped still
names its row (outputs of the q2718 converter zoo, --quirks --seed 2718, each with its truth beside it)."""
from __future__ import annotations

from pathlib import Path

from core.pipeline import load_report
from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_label_wrapped_after_its_number_and_two_characters_names_its_row():
    # pdfplumber of a PDF whose 表三 label column is narrow: "8.属于 0 0 0 0 0 0 0" then "行政查" and
    # "询事项" below; the row's own number (8) and the start of its label (属于) name 8.属于行政查询事项.
    # Not found, its seven values went to 7.属于行政执法案卷 (13 values) and the totals were inferred.
    # (The row prints 8 cells, a 法人或其他组织 subtotal 0 after 自然人, its 总计 blank as in every
    # row: a row of 0s reads the same either way)
    path = ZOO / "quirks2718-r0038-pdfplumber.txt"
    report = load_report(path)
    assert not [f for f in report.flags if f.message.startswith("未找到「")]
    columns = ("natural", "commercial", "research", "social", "legal", "other")
    assert [report.value(f"section3.denied_admin_query.{c}") for c in columns] == [0] * 6
    assert [report.value(f"section3.denied_law_enforcement_file.{c}") for c in columns] == [0] * 6
    assert report.value("section3.new.total") in (None, 0)  # (总计 printed blank in every row, not 110 + 16 + 4)
    _, wrong, silent = read_against_truth(path)
    assert wrong == [] and silent == []


def test_a_label_run_into_its_group_label_keeps_its_number():
    # "（四 1、本机 18 3 3 － － － － 21" then "关不掌" / "握相关" …: the group label's end and the row's
    # number and first two characters on one line; the row prints a subtotal (3) after 自然人
    path = ZOO / "quirks2718-r0042-pdfplumber.txt"
    report = load_report(path)
    columns = ("natural", "commercial", "research", "social", "legal", "other", "total")
    assert [report.value(f"section3.unable_not_held.{c}") for c in columns] == [18, 3, None, None, None, None, 21]
    _, wrong, silent = read_against_truth(path)
    assert wrong == [] and silent == []


def test_a_label_clipped_after_its_chinese_number_and_a_character_names_its_row(tmp_path):
    # LibreOffice's PDF of q2718 r0038 clips the last row's label to "四、结" (its number and one
    # character); not found, its values went to （七）总计 (13 values)
    text = (ZOO / "quirks2718-r0038-pdfplumber.txt").read_text(encoding="utf-8")
    assert "四、结转下年度继续办理 1项 0 0 0 0 0\n" in text
    path = tmp_path / "report.txt"
    path.write_text(text.replace("四、结转下年度继续办理 1项", "四、结 1项"), encoding="utf-8")
    report = load_report(path)
    columns = ("natural", "commercial", "research", "social", "legal", "other")
    assert [report.value(f"section3.carried_forward.{c}") for c in columns] == [1, 0, 0, 0, 0, 0]
    assert [report.value(f"section3.total.{c}") for c in columns] == [109, 17, 0, 0, 4, 0]
