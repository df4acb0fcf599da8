"""GBK Chinese that lynx read as UTF-8 (a GBK page declaring utf-8): the template's phrases put back."""
from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings, strategies as st

from core.readers.lossy_gbk import _NUMBER_AND_MARK, _numbers_and_marks, damaged, lynx_prints, read_as_utf8, restore
from core.readers.lossy_utf8 import LOST_CELL, LOST_MARK
from core.readers.text import GBK_READ_AS_UTF8, read_text

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
R = "\ufffd"


def lynx(text: str) -> str:
    """What lynx prints of GBK text it took for UTF-8, each line on its own (a line starts with
    nothing open: its white space broke any sequence)."""
    return "\n".join("".join(lynx_prints(line.encode("gbk"))) for line in text.split("\n"))


def test_what_lynx_prints_of_bytes_it_takes_for_utf8():
    # (each checked against lynx 2.9 -dump -display_charset=utf-8 of a page declaring utf-8)
    # a lead byte broken by the next byte is dropped without a trace, a continuation byte alone
    # prints 「\ufffd」, a pair that happens to be UTF-8 prints as itself: 「一」 d2 bb is 「һ」
    assert lynx_prints(bytes.fromhex("d5feb8aed0c5cfa2")) == [R, R, R, "Ϣ"]
    assert lynx_prints("一".encode("gbk")) == ["һ"]
    assert lynx_prints("总体情况".encode("gbk")) == []
    # overlong and surrogate sequences print one 「\ufffd」; beyond U+10FFFF lynx prints the bytes
    # (no UTF-8: read back escaped); U+00A0 prints a space, U+00AD nothing
    assert lynx_prints(bytes.fromhex("c080")) == lynx_prints(bytes.fromhex("eda080")) == [R]
    assert lynx_prints(bytes.fromhex("f7b6afb9")) == ["\udcf7\udcb6\udcaf\udcb9"]
    assert lynx_prints(bytes.fromhex("c2a0c2ad41")) == [" ", "A"]
    # ASCII is untouched: numbers survive
    assert lynx_prints("共12件".encode("gbk")) == [R, R, "1", "2", R, R]


def test_a_phrase_standing_alone_is_put_back():
    text = lynx("   一、总体情况\n\n   行政规范性文件\n\n   0\n")
    assert text == "   һ" + R * 2 + "\n\n   " + R * 2 + "淶ļ" + R + "\n\n   0\n"
    assert restore(text) == "   一、总体情况\n\n   行政规范性文件\n\n   0\n"


def test_a_phrase_inside_running_text_is_not():
    # what a phrase prints after other Chinese depends on those bytes: left as marks, a mark a
    # character printed, none dropped (「是」 printed none)
    text = lynx("一是行政规范性文件12件")
    assert text == "һ" + R * 2 + "淶ļ" + R + "12" + R * 2
    assert restore(text) == LOST_MARK * 6 + "12" + LOST_MARK * 2


def test_a_cell_of_lost_characters_is_one_unreadable_cell():
    # 「／」 and a full-width 「８」 print alike: a placeholder or a digit, flagged by the parser
    assert lynx("   ／") == lynx("   ８") == "   " + R * 2
    assert restore(lynx("   ／\n   12\n")) == f"   {LOST_CELL}\n   12\n"


def test_a_phrase_printing_no_character_of_its_own_is_placed_by_the_templates_order():
    # 「规章」 prints one 「\ufffd」 as a thousand words do; between 现行有效件数 and 行政规范性文件,
    # where the template prints it, it is 规章. Elsewhere it stays unread
    assert damaged("规章") == [R]
    table = "   现行有效件数\n\n   规章\n\n   0\n\n   1\n\n   2\n\n   行政规范性文件\n\n   3\n"
    assert restore(lynx(table)) == table
    assert restore(lynx("   信息内容\n\n   规章\n\n   行政规范性文件\n")) == \
        f"   信息内容\n\n   {LOST_CELL}\n\n   行政规范性文件\n"


def test_a_digit_and_a_lost_character_are_a_count_or_a_rows_number_whichever_the_order_fits():
    # 「6个」 and 「3.其他」's 「3、其他」 print alike (a digit, then 「\ufffd」s): between 现行有效件数 and
    # 行政规范性文件 only 规章 may stand, so 「6\ufffd」 is a count, its unit put back; 「3.」 alone is
    # 3.其他's number, where the template prints that row
    table = "   现行有效件数\n\n   规章\n\n   6个\n\n   行政规范性文件\n"
    assert restore(lynx(table)) == table
    rows = "   （七）总计\n"
    other = "   2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\n   0\n   3.\n   0\n" + rows
    assert restore(lynx(other)) == other.replace("3.", "3.其他")


def test_a_label_printed_a_character_a_line_is_placed_too():
    # 表三's group label in a cell spanning its rows: a character a line, each alone
    partial = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    text = f"   {partial}\n   0\n" + "".join(f"   {c}\n" for c in "（三）不予公开") + "   1.属于国家秘密\n   0\n"
    assert restore(lynx(text)).split() == [partial, "0", "（三）不予公开", "1.属于国家秘密", "0"]


def test_a_counts_unit_is_put_back_a_fees_is_not():
    # 「件」 prints 「\ufffd\ufffd」 after its number; 「元」 and 「万元」 print alike: the fee's unit is a
    # cell of its own, unreadable, and its row flagged. A digit alone before lost characters may be
    # a row's number (「3、其他」 prints as 「3件」): left as it is
    assert restore(lynx("   40件\n   8300元\n   8300万元\n   3件\n")) == \
        f"   40件\n   8300 {LOST_CELL}\n   8300 {LOST_CELL}\n   3{LOST_MARK * 2}\n"


def test_only_such_pages_are_read_so():
    assert read_as_utf8("二、主动公开政府信息情况 12件".encode("utf-8") * 40) is None
    assert read_as_utf8(("一、总体情况" + R * 60).encode("utf-8")) is None  # no two-byte characters
    path = ZOO / "w2003-r0029-split-html-lynx.txt"
    assert read_as_utf8(path.read_bytes()) is not None


def test_the_reader_says_what_it_did():
    path = ZOO / "w2003-r0029-split-html-lynx.txt"
    doc = read_text(str(path), path.read_bytes())
    assert doc.problems == [GBK_READ_AS_UTF8]
    assert "二、主动公开政府信息情况" in doc.text and "（三）不予公开" in doc.text
    assert "\udcf7" not in doc.text  # (bytes lynx printed that are no UTF-8: marks)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="120,.+- \u3000\n\xa0a中件\ufffd", max_size=40))
def test_numbers_and_their_lost_marks_are_found_as_the_whole_pattern_finds_them(text):
    # (the pattern tried only where a digit stands before a character that is no ASCII)
    whole = [(m.span(), m.groups()) for m in _NUMBER_AND_MARK.finditer(text)]
    assert [(m.span(), m.groups()) for m in _numbers_and_marks(text)] == whole
