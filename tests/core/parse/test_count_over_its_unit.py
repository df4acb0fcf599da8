"""A 表三 cell too narrow for its count and unit prints them on two lines; w3m centres the row's other
cells on its label's line, so the count prints alone on the line above (among a column label's
letters) and its unit on the row's line under it. Read in order, the count went to the row above (a
value too many there) and the row lost its 总计: values a column off, and the checks suggested the
总计 on a report that is right. The count is the cell whose unit prints under it (flagged)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.parse.tokens import NUM, TEXT, Token
from core.parse.wrapped_counts import counts_over_their_units
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_total_over_its_unit_glued_after_the_last_count():
    # 「（ … 34」 over 「四 1.本机关不掌握相关政府信息 30个 3个 0 0 1个 0     个」: the tokenizer glued the
    # unit to the 0 before it; the row was read a column off (自然人 blank, 商业企业 30, 总计 0)
    report, wrong, silent = read_against_truth(ZOO / "w2203-r0039-wps-html-w3m.txt")
    assert t3_row(report, "unable_not_held") == [30, 3, 0, 0, 1, 0, 34]
    assert t3_row(report, "denied_admin_query") == [1, 0, 0, 0, 0, 0, 1]
    assert wrong == [] and silent == []
    assert [f for f in check(report) if f.suggestion] == []
    assert any(f.cell == "section3.unable_not_held.total" and "（34）" in f.message for f in report.flags)


def test_a_total_over_its_unit_in_a_ruled_box():
    # 「│结   │  │ … │5 │」 over 「│果   │（│1.本机关不掌握相关政府信息 │3个 │2个 │0 … │0 │个│」
    report, wrong, silent = read_against_truth(ZOO / "w2703-r0028-split-html-w3m.txt")
    assert t3_row(report, "unable_not_held") == [3, 2, 0, 0, 0, 0, 5]
    assert wrong == [] and silent == []
    assert [f for f in check(report) if f.suggestion] == []


def _tokens(text: str) -> list[Token]:
    """Each run of non-spaces a token: a count (NUM, its unit apart when it ends in one) or text."""
    out, offset = [], 0
    for line_number, line in enumerate(text.split("\n")):
        for word in line.split():
            start = text.index(word, offset)
            offset = start + len(word)
            digits = word.rstrip("个")
            if digits.isdigit():
                out.append(Token(NUM, digits, start, offset, line_number, int(digits), "个" if digits != word else ""))
            else:
                out.append(Token(TEXT, word, start, offset, line_number))
    return out


def test_only_a_unit_under_the_count_takes_it():
    text = ("（                        12\n"  # (12 in display columns 26-27, over the lone 个)
            "行标签    5个   7个   0   个\n")
    tokens = _tokens(text)
    moved = counts_over_their_units(tokens, text)
    assert [t.text for t in moved] == ["12"]
    assert [(t.text, t.line) for t in tokens if t.kind == NUM] == [("5", 1), ("7", 1), ("0", 1), ("12", 1)]
    # the unit in another column: the count stays where it printed
    text = ("（    12\n"
            "行标签    5个   7个   0   个\n")
    tokens = _tokens(text)
    assert counts_over_their_units(tokens, text) == []
    # a label's line printing one count: its row's
    text = ("上年结转                  12\n"
            "行标签    5个   7个   0   个\n")
    assert counts_over_their_units(_tokens(text), text) == []
