"""What the parser makes in bulk reads exactly as the plain definitions would: a text's display
width is the sum of its characters' (each character looked up once), and the tokens and cells made
bare (object.__new__, every field set) equal those their dataclass constructors make."""
from __future__ import annotations

import unicodedata

import core.parse.columns as columns
from core.model import BLANK, NUMBER, PLACEHOLDER, CellValue, Report
from core.parse.columns import display_width
from core.parse.stored_cells import store_row
from core.parse import tokens
from core.parse.tokens import EMPTY, NA, NUM, TEXT, Token, tokenize
from core.readers.document import Cell, Line, TextBuilder
from core.template import tables

# ASCII, CJK, full-width and half-width forms, CJK punctuation, box drawing, circled numbers,
# a combining mark, Hangul, a wide character beyond the BMP, an ambiguous-width one (·)
_SAMPLES = ["abc 12", "一、本年新收", "（自然人）", "ａｂ１２", "ｶﾀｶﾅ", "、。「」", "─│┼", "①⑳㉑",
            "e\u0301", "한국", "\U00020000", "·×", "商业\t企业 0 —"]


def _width(text: str) -> int:  # the definition: a terminal's columns, East Asian wide and full-width as two
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def test_display_width_is_the_sum_of_its_characters_widths():
    for text in _SAMPLES:
        assert display_width(text) == _width(text), text
    assert display_width("".join(_SAMPLES)) == _width("".join(_SAMPLES))


def test_display_width_looks_each_character_up_once(monkeypatch):
    asked: list[str] = []

    class Counting:
        @staticmethod
        def east_asian_width(ch: str) -> str:
            asked.append(ch)
            return unicodedata.east_asian_width(ch)

    monkeypatch.setattr(columns, "unicodedata", Counting)
    monkeypatch.setattr(columns, "_CHAR_WIDTHS", columns._CharWidths())
    display_width.cache_clear()
    texts = ["「自然人」甲", "「自然人」乙", "「商业企业」甲乙"]
    assert [display_width(t) for t in texts] == [_width(t) for t in texts]
    assert sorted(asked) == sorted(set("".join(texts)))  # (a text's characters, each asked once)
    display_width.cache_clear()  # (its entries were worked out with the counting module)


def test_tokens_made_by_tokenize_equal_those_the_constructor_makes():
    builder = TextBuilder()
    builder.add_line(["收费金额 251000 元"])
    builder.add_line(["一、本年新收 12 — 3.5 0"])
    builder.add_line(["", "7", "/", " "], grid=True)
    lines = builder.lines
    # (line 0 is 0-13, line 1 14-31, line 2 32-38: its cells 32-32, 33-34, 35-36, 37-38)
    assert tokenize(lines) == [
        Token(TEXT, "收费金额", 0, 4, 0), Token(NUM, "251000", 5, 13, 0, 251000, "元"),
        Token(TEXT, "一、本年新收", 14, 20, 1), Token(NUM, "12", 21, 23, 1, 12), Token(NA, "—", 24, 25, 1),
        Token(NUM, "3.5", 26, 29, 1, 3.5), Token(NUM, "0", 30, 31, 1, 0),
        Token(EMPTY, "", 32, 32, 2), Token(NUM, "7", 33, 34, 2, 7), Token(NA, "/", 35, 36, 2),
        Token(EMPTY, "", 37, 38, 2)]
    assert repr(tokenize(lines)[1]) == repr(Token(NUM, "251000", 5, 13, 0, 251000, "元"))


def test_cells_of_one_number_or_mark_read_alike_first_met_and_kept():
    # a text browser's cells of a value each, indented (lynx), a Markdown cell's markup, a mark:
    # one piece each, its token made at once; the same when the cell's text was met before
    builder = TextBuilder()
    builder.add_line(["   7"])
    builder.add_line(["<td>40</td>"])
    builder.add_line([" 无 ", " 12万元"], grid=True)
    lines = builder.lines
    # (line 0 is 0-4, line 1 5-16, line 2 17-27: its cells 17-20 and 21-27)
    expected = [Token(NUM, "7", 3, 4, 0, 7), Token(NUM, "40", 9, 11, 1, 40), Token(NA, "无", 18, 19, 2),
                Token(NUM, "12万元", 22, 26, 2, 12, "万元")]
    tokens._KEPT_PIECES.clear()
    assert tokenize(lines) == expected
    assert tokenize(lines) == expected  # (kept: read from the pieces of the first reading)

def test_cells_stored_bare_equal_those_the_constructor_makes():
    table = tables("2021")["section3"]
    key = table.rows[0].key
    text = "12 — 3 "
    report = Report(file="x", format="txt", text=text, template="2021")
    values = [Token(NUM, "12", 0, 2, 0, 12), Token(NA, "—", 3, 4, 0), Token(EMPTY, "", 6, 7, 0), None,
              Token(NUM, "3", 5, 6, 0, 3), Token(EMPTY, "", 6, 7, 0), Token(NUM, "12", 0, 2, 0, 12)]
    store_row(report, table, key, values)
    stored = [report.cells[p] for p in table.row_paths(key)]
    assert stored == [CellValue(12, NUMBER, "12", (0, 2)), CellValue(None, PLACEHOLDER, "—", (3, 4)),
                      CellValue(None, BLANK, "", (6, 7)), CellValue(None, "missing"),
                      CellValue(3, NUMBER, "3", (5, 6)), CellValue(None, BLANK, "", (6, 7)),
                      CellValue(12, NUMBER, "12", (0, 2))]


def test_cells_of_a_line_of_several_fields_equal_those_the_constructor_makes():
    builder = TextBuilder()
    builder.add_line(["标题"])
    builder.add_line(["| a ", " 12 ", " |"], grid=True, sep="|", framed=True)
    builder.add_line(["x", "", "yz"], sep="\t")
    # (line 0 is 0-2; line 1 "| a | 12 | |" 3-15, its cell after the first pipe 8-12; line 2 16-21)
    assert builder.lines == [Line([Cell("标题", 0, 2)]), Line([Cell(" 12 ", 8, 12)], True),
                             Line([Cell("x", 16, 17), Cell("", 18, 18), Cell("yz", 19, 21)])]
