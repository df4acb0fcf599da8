"""表二 rows printing fewer values than columns, their blank cells leaving no trace."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.model import BLANK, MISSING
from core.parse.t2_short_rows import place_short_row
from core.parse.tokens import EMPTY, NUM, Token
from core.pipeline import load_report
from core.template import T2_2019, T2_2021

CONVERTERS = Path(__file__).resolve().parents[2] / "fixtures" / "converters"


def _flag(report, cell: str) -> str:
    return " ".join(f.message for f in report.flags if f.cell == cell)


def test_a_number_alone_on_its_paragraph_is_one_cell_not_digits_glued():
    # mammoth's Markdown prints one cell a paragraph; 2019 「行政处罚」 prints "272" alone (its
    # 上一年项目数量 and 本年增/减 blank, leaving no trace). Read as glued it was cut 2|7|2 "by the
    # sums", though nothing glues it and no equation relates 表二's columns. Unsigned and alone, it
    # is 处理决定数量 (the count the 2021 template kept), flagged with the other reading.
    report = load_report(CONVERTERS / "fix8s808-r0023.mammoth-md.md")
    for key, number in (("punishment", 272), ("coercion", 2532)):
        assert [report.value(f"section2.{key}.{c}") for c in ("prev_items", "change", "decisions")] \
            == [None, None, number]
        message = _flag(report, f"section2.{key}")
        assert "粘连" not in message and "勾稽关系" not in message
        assert "处理决定数量" in message and "也可能是上一年项目数量" in message
    # 「行政事业性收费」 8: no sign, so not 本年增/减
    assert [report.value(f"section2.fees.{c}") for c in ("prev_items", "change")] == [8, None]


def test_a_lone_number_in_a_2019_row_is_placed_by_what_its_columns_are():
    # 「政府集中采购」 prints "117" alone: an amount needs a purchase, so it is the count (it was
    # left unread as a run with no unique cut); 「行政处罚」 "2407" alone is 处理决定数量
    report = load_report(CONVERTERS / "c3s701-r0055.mammoth-md.md")
    assert [report.value(f"section2.procurement.{c}") for c in ("count", "amount")] == [117, None]
    assert "采购项目数量" in _flag(report, "section2.procurement")
    assert report.value("section2.punishment.decisions") == 2407
    assert report.value("section2.punishment.prev_items") is None


def test_a_number_alone_after_its_label_in_a_pdf_text_is_one_cell():
    # pdfplumber prints 「行政处罚 2407」: set apart from its label, the last on its line, the number
    # is one cell (it was cut as glued digits, its 处理决定数量 read 7)
    report = load_report(CONVERTERS / "c3s701-r0055.pdfplumber.txt")
    assert [report.value(f"section2.punishment.{c}") for c in ("prev_items", "change", "decisions")] \
        == [None, None, 2407]
    assert "粘连" not in _flag(report, "section2.punishment")


def test_a_lone_count_of_documents_is_not_cut_nor_given_a_column_no_principle_picks():
    # 2021 「行政规范性文件」 prints "134" alone (cut 1|3|4 before). T2-2 (本年制发件数 ≤ 现行有效件数
    # + 本年废止件数) rules out 本年制发件数; nothing tells 本年废止件数 from 现行有效件数, so both stay
    # empty, the flag naming the number and the two columns.
    report = load_report(CONVERTERS / "guard779-r0006.mammoth-md.md")
    assert [report.cells[f"section2.normative_docs.{c}"].state for c in ("issued", "repealed", "in_force")] \
        == [BLANK, MISSING, MISSING]
    message = _flag(report, "section2.normative_docs")
    assert "134" in message and "本年废止件数" in message and "现行有效件数" in message
    assert "粘连" not in message


def test_two_counts_of_documents_the_first_larger_are_repealed_and_in_force():
    # pdfplumber: 「规章 2 1」, 「行政规范性文件 14 3」, 本年制发件数 blank. Read from the left, 2 issued
    # with 1 in force and none repealed breaks T2-2; only 本年废止件数 · 现行有效件数 keeps it.
    report = load_report(CONVERTERS / "guard780-r0017.pdfplumber.txt")
    for key, repealed, in_force in (("rules", 2, 1), ("normative_docs", 14, 3)):
        assert [report.value(f"section2.{key}.{c}") for c in ("issued", "repealed", "in_force")] \
            == [None, repealed, in_force]
        assert "只能是本年废止件数和现行有效件数" in _flag(report, f"section2.{key}")


def test_a_placeholder_printed_beside_a_number_does_not_make_it_a_change():
    # mammoth: 2019 「行政许可」 prints "无" and "361337" (本年增/减 blank): the unsigned number is no
    # change of the items but 处理决定数量 (read from the left it was 本年增/减)
    report = load_report(CONVERTERS / "md61-r0018.mammoth-md.md")
    assert report.value("section2.licensing.decisions") == 361337
    assert report.value("section2.licensing.change") is None


def test_a_row_of_documents_printing_only_zeros_is_zero_in_every_column():
    # plain-order pdftotext: 「规章 0 -」, 「行政规范性文件 0 0」, a third cell blank: 0 wherever it stood
    report = load_report(CONVERTERS / "pt4s503-r0017.pdftotext-raw-gbk.txt")
    for key in ("rules", "normative_docs"):
        assert [report.value(f"section2.{key}.{c}") for c in ("issued", "repealed", "in_force")] == [0, 0, 0]
        assert "均按0计" in _flag(report, f"section2.{key}")


def _num(text: str) -> Token:
    return Token(NUM, text, 0, len(text), 0, float(text) if "." in text else int(text))


@pytest.mark.parametrize("table, key, printed, placed", [
    (T2_2019, "licensing", ["-417"], [None, "-417", None]),  # a sign: the change
    (T2_2019, "licensing", ["+3", "12"], [None, "+3", "12"]),
    (T2_2019, "fees", ["5"], ["5", None]),
    (T2_2019, "procurement", ["12.5"], [None, "12.5"]),  # a decimal is no count
    (T2_2019, "normative_docs", ["40"], [None, None, "40"]),
    (T2_2021, "rules", ["3", "9"], ["3", None, "9"]),  # 3 issued, in force at the year's end
])
def test_short_rows_are_placed_by_their_columns(table, key, printed, placed):
    cells, why = place_short_row(table.row(key), [_num(t) for t in printed])
    assert [c.text if c is not None else None for c in cells] == placed
    assert why


def test_a_row_printing_only_zeros_or_a_placeholder_is_read_as_printed():
    row = T2_2021.row("rules")
    zero = _num("0")
    assert place_short_row(row, [zero]) == ([zero, None, None], "")
    dash = Token(EMPTY, "", 0, 0, 0)
    assert place_short_row(row, [dash, _num("4")]) == ([dash, _num("4"), None], "")
