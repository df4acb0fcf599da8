"""表三 and 表二 printed glued by docx2txt in reports whose cells print a unit after each count
other than 0 (「２９，５２３个２，５６５个００００３２，０８８个」), read from committed outputs of the
quirks zoo q1802 (truth beside them: tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import ERROR, check
from core.parse.glued_tables import glued_text
from core.parse.tokens import NUM, _run_pieces
from core.pipeline import load_report
from tests.core.truth import read_against_truth, t3_row, t3_row_flags

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_glued_counts_with_thousands_separators_are_cut_by_their_units():
    # the unit ends a count, its first group starts it, the 0s before it are cells of their own
    pieces = _run_pieces("２９，５２３个２，５６５个００００３２，０８８个二、上年结转", False)
    assert [p[4] for p in pieces if p[3] == NUM] == [29523, 2565, 0, 0, 0, 0, 32088]
    assert pieces[-1][0] == "二、上年结转"  # (the label after them stays one piece of text)
    # 表三's glued text: a unit is a break after its count, one character for one
    text, _ = glued_text("１，２９９个３６个００００１，３３５个三、")
    assert text.split("三")[0].split() == ["1299", "36", "00001335"]


def test_rows_printing_thousands_separators_and_units_read_their_own_values():
    # 「一、本年新收…」's counts print separators: no glued counts for the tokens, so its label took
    # 「（二）部分公开」's 495 44 0 0 0 0 539 (adding up: silent), 「二、上年结转」 and 11 other rows
    # were left unread (the glued reader's runs stopped at the first 个); 表二's 政府集中采购
    # 「１４６个０．１」 read 0 for 0.1 (the run stopped at the full-width point): silent
    report, wrong, silent = read_against_truth(ZOO / "q1802-r0036-docx2txt.txt")
    assert silent == []
    assert t3_row(report, "new") == [29523, 2565, 0, 0, 0, 0, 32088]
    assert t3_row(report, "carried_over") == [1299, 36, 0, 0, 0, 0, 1335]
    assert t3_row(report, "partial") == [495, 44, 0, 0, 0, 0, 539]
    assert t3_row(report, "total") == [28776, 2601, 0, 0, 0, 0, 31377]
    assert report.value("section2.procurement.amount") == 0.1
    # left: 表二's 「６个－１２７４个」 (-1 · 274, -12 · 74 or -127 · 4: no sum says) and a row
    # printing 8 zeros stay open, flagged
    assert not [c for c in wrong if c.startswith("section3.") and "not_processed_publication" not in c]
    assert not [f for f in check(report) if f.severity == ERROR]


def test_a_subtotal_printed_without_its_unit_is_cut_from_the_count_after_it():
    # 「５３１件３８９３８５件００４件０９２０件」: 389, a 法人或其他组织 subtotal, prints no unit, so it
    # glued onto 商业企业's 385件 and read 389385: false 错误 on a consistent report (T3-1, T3-3).
    # Cut, it is the sum of the five after it and 总计 is 自然人 plus it: the row printed 8 cells
    report, wrong, silent = read_against_truth(ZOO / "q1802-r0029-docx2txt.txt")
    assert wrong == [] and silent == []
    assert t3_row(report, "carried_over") == [531, 385, 0, 0, 4, 0, 920]
    # (read as a glued run, the flag also names the subtotal: 「…是「法人或其他组织」小计（本行印有8格，模板无此列）」)
    assert "印有8" in t3_row_flags(report, "carried_over")
    assert not [f for f in check(report) if f.severity == ERROR]


def test_a_glued_count_is_cut_only_where_it_makes_a_subtotal_row(tmp_path):
    # the same row with its 总计 misprinted 921: 389 is still the sum of the five after it, but
    # 531 + 389 is not 921, so no cut reads the row: read as printed, its misprint an 错误
    text = (ZOO / "q1802-r0029-docx2txt.txt").read_text(encoding="utf-8")
    misprinted = text.replace("５３１件３８９３８５件００４件０９２０件", "５３１件３８９３８５件００４件０９２１件")
    assert misprinted != text
    path = tmp_path / "r0029-misprinted.txt"
    path.write_text(misprinted, encoding="utf-8")
    report = load_report(path)
    assert t3_row(report, "carried_over") == [531, 389385, 0, 0, 4, 0, 921]
    assert any(f.severity == ERROR and "section3.carried_over.total" in f.cells for f in check(report))


def test_a_count_with_its_unit_glued_to_the_next_label_marks_a_glued_table():
    # 「２５件１件００２６件二、上年结转…」: only rows 一, 二 and （七） run into the next label, two of
    # them through a count's unit, and the rest print their cells glued on a line of their own
    # (「－００００－」): taken for a table with breaks, 24 rows read 「未印出数值」 or short, 58 cells unread
    report, wrong, silent = read_against_truth(ZOO / "q2201-r0024-docx2txt.txt")
    assert silent == []
    assert t3_row(report, "granted") == [12, 1, 0, 0, 0, 0, 13]
    assert t3_row(report, "unable_not_held") == [7, 0, 0, 0, 0, 0, 7]
    assert t3_row(report, "total") == [25, 1, 0, 0, 0, 0, 26]
    assert "未印出数值" not in t3_row_flags(report, "denied_state_secret")
    assert len([c for c in wrong if c.startswith("section3.")]) <= 1
    assert not [f for f in check(report) if f.severity == ERROR]
