"""Outputs of the q2718 converter zoo (--quirks --seed 2718), each with its truth beside it."""
from __future__ import annotations

from pathlib import Path

from core.pipeline import load_report
from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_an_html2text_row_opening_with_a_blank_cell_keeps_every_cell():
    # html2text writes 表四's one row of values without outer pipes; its first cell blank, the row
    # opens with " |" and is not closed by one: " |  |  |  |  | 14|  | 1|  | 15| 2|  | 2|  | 4"
    # (行政复议 all blank, 未经复议直接起诉 14 · blank · 1 · blank · 15, 复议后起诉 2 · blank · 2 · blank · 4)
    path = ZOO / "quirks2718-r0028-html2text.md"
    report = load_report(path)
    assert [report.value(f"section4.review.{c}") for c in ("maintained", "corrected", "other", "pending", "total")] \
        == [None] * 5
    assert [report.value(f"section4.litigation_direct.{c}")
            for c in ("maintained", "corrected", "other", "pending", "total")] == [14, None, 1, None, 15]
    assert [report.value(f"section4.litigation_after_review.{c}")
            for c in ("maintained", "corrected", "other", "pending", "total")] == [2, None, 2, None, 4]
    assert not [f for f in report.flags if f.cell.startswith("section4")]
    _, wrong, silent = read_against_truth(path)
    assert not [cell for cell in wrong if cell.startswith("section4")] and silent == []


def test_an_html2text_row_opening_and_closing_with_a_pipe_is_still_a_bare_row():
    # html2text frames no table: "| 2| 3| | 6| | | | | | | | | |" is 表四's row of 15 cells, the first
    # and the last ten blank, not a framed row of 13 (行政复议 blank · 2 · 3 · blank · 6; the planted
    # typo prints 其他结果 3 for 4, so the group's 总计 6 fails its sum: the checker's, not the reader's)
    path = ZOO / "quirks2718-r0005-html2text.md"
    report = load_report(path)
    assert [report.value(f"section4.review.{c}") for c in ("maintained", "corrected", "other", "pending", "total")] \
        == [None, 2, 3, None, 6]
    _, wrong, silent = read_against_truth(path)
    assert not [cell for cell in wrong if cell.startswith("section4")] and silent == []


def test_a_character_the_file_lost_is_a_cell_keeping_its_column():
    # lynx read the GBK page as Latin-1 and dropped the second byte of each "－" (0xA3 0xAD, 0xAD a
    # soft hyphen there): once the reader puts the GBK back each is a lone U+FFFD, a cell no number
    # (digits are ASCII and survive); "138个 18个 � � 5个 � 161个" keeps 法律服务机构's 5 in its column
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
    # the same text saved as UTF-8: no Latin-1 copy of GBK was mended, so the lost character may
    # have been anything, a digit too: its rows read it as a placeholder, flagged
    from core.readers.dispatch import read_document
    path = tmp_path / "report.txt"
    path.write_text(read_document(str(ZOO / "quirks2718-r0014-lynx.txt")).text, encoding="utf-8")
    report = load_report(path)
    assert report.value("section3.new.legal") == 5
    flagged = {f.cell for f in report.flags if "无法识别" in f.message}
    assert {"section3.new", "section3.granted", "section3.total"} <= flagged
    assert "section3.carried_over" in flagged and "section3.other_no_fee" in flagged


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


def test_counts_glued_with_placeholders_are_cells_each():
    # docx2txt drops the cell breaks: "１３１５项２３０项////１５４５项二、上年结转…" prints 表三's first row,
    # then the next row's label; each count closed by its unit and each "／" is a cell (7 cells).
    # Read as "1315项" "230项" then text, the row had 2 values and its 总计 was lost (flagged)
    path = ZOO / "quirks2718-r0015-docx2txt.txt"
    report = load_report(path)
    columns = ("natural", "commercial", "research", "social", "legal", "other", "total")
    assert [report.value(f"section3.new.{c}") for c in columns] == [1315, 230, None, None, None, None, 1545]
    assert [report.value(f"section3.carried_over.{c}") for c in columns] == [None, 4, None, None, None, None, 4]
    assert [report.value(f"section3.total.{c}") for c in columns] == [1315, 222, None, None, None, None, 1537]
    assert report.cells["section3.new.research"].state == "placeholder"
    _, wrong, silent = read_against_truth(path)
    assert not [cell for cell in wrong if cell.startswith("section3")] and silent == []


def test_a_date_is_no_row_of_glued_counts():
    # a count carrying its unit is what says the digits are cells; a date carries none
    from core.parse.tokens import NA, NUM, TEXT, tokenize
    from core.readers.document import TextBuilder
    builder = TextBuilder()
    for text in ("2021/12/31", "3项/", "／４项／／／／４项"):
        builder.add_line([text])
    assert [(t.kind, t.text) for t in tokenize(builder.lines)] == [
        (TEXT, "2021/12/31"), (NUM, "3项"), (NA, "/"),
        (NA, "/"), (NUM, "4项"), (NA, "/"), (NA, "/"), (NA, "/"), (NA, "/"), (NUM, "4项")]


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
