"""Text a converter visibly lost (core.parse.lost): the garbled letters, found without scanning
every text with the regex."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from core.parse.lost import _GARBLED, _TABLE_PLACEHOLDER, _may_hold_garbled, _placeholder_alone, lost_text_flags
from core.readers.document import Document


def _document(text: str) -> Document:
    return Document("x.txt", "txt", "utf-8", text)


def test_every_garbled_letter_is_looked_for():
    # each character of the class, alone among Chinese text, ASCII and a middle dot (Latin-1, not garbled)
    garbled = [ch for ch in map(chr, range(0x10000)) if _GARBLED.match(ch)]
    assert len(garbled) == 23 + 31 + 8 + 17  # (À–Ö, Ø–ö, ø–ÿ, the Windows-1252 symbols)
    assert all(_may_hold_garbled(f"申请 12 件\t{ch}·公开") for ch in garbled)


def test_a_chinese_report_holds_none():
    assert not _may_hold_garbled("一、总体情况\n本年度收到申请 12 件，办结“12”件——（见表三）。\u3000\n")
    assert not _may_hold_garbled("")


def test_two_garbled_letters_on_a_line_are_flagged_and_one_is_not():
    two = _document("三、收到和处理政府信息公开申请情况\nNÅ`b_ÿ 申请\n")
    assert [f.cell for f in lost_text_flags(two)] == ["document"]
    assert lost_text_flags(_document("三、收到和处理政府信息公开申请情况\nNÅ 申请\n")) == []
    # beyond Latin-1: Windows-1252 symbols ("‰" and "™")
    assert [f.cell for f in lost_text_flags(_document("公开申请\n‰ ™\n"))] == ["document"]


def test_a_latin1_sign_that_is_no_garbled_letter_is_no_sign_of_one():
    # a middle dot in a name, a multiplication sign, a no-break space: Latin-1, none of the letters
    assert not _may_hold_garbled("张三·李四 2×3\xa0件")
    assert _may_hold_garbled("张三·李四 ÿ")


def test_a_character_beside_a_garbled_letter_in_utf8_is_none():
    # the test finds a letter's group by its UTF-8 lead byte (0xC3, 0xC5/0xC6/0xCB, 0xE2), then
    # looks for the group's letters: the group's other characters are none ("×", "Ł", "ˇ", a
    # dash, a quote, "…", "‰"'s neighbour "‱", "™"'s "℡"), and any character at all, a lone
    # surrogate (a damaged file's) or one beyond the BMP too, is taken exactly as the regex takes it
    for ch in "×÷ŁſˇˉǄ—“”…‱℡€":
        assert not _may_hold_garbled(f"申请 12 件，{ch}办结"), ch
    assert all(_may_hold_garbled(f"a{ch}") == bool(_GARBLED.search(ch)) for ch in map(chr, range(0x80, 0x3000)))
    assert not _may_hold_garbled("年\ud800报\U0001f600") and _may_hold_garbled("年\ud800ÿ")


def test_a_table_pandoc_could_not_lay_out_is_lost_alone_on_its_line_or_in_a_layout_tables_cell():
    # a page whose article stands in a layout table: pandoc's plain text draws it as a grid and
    # prints 表三 as 「[TABLE]」 inside its cell. Before: only a line of 「[TABLE]」 alone counted,
    # and 表三 missing was a D-2 错误 of a report that prints it
    alone = _document("三、收到和处理政府信息公开申请情况\n\n[TABLE]\n")
    in_cell = _document("| 三、收到和处理政府信息公开申请情况  |        |\n| [TABLE]                  |        |\n")
    assert [f.kind for f in lost_text_flags(alone)] == [f.kind for f in lost_text_flags(in_cell)] == ["lost"]
    assert lost_text_flags(_document("表格印为 [TABLE] 的说明\n| 见 [TABLE] 栏 |\n")) == []


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["[TABLE]", " ", "\t", "|", "\n", "表", "\r", "[TABLE", "]", "\u2028"]), max_size=14)
       .map("".join))
def test_a_placeholder_alone_is_found_as_the_pattern_finds_it(text):
    # each "[TABLE]" looked at around it: a placeholder alone where the pattern finds one (the oracle)
    assert _placeholder_alone(text) == (_TABLE_PLACEHOLDER.search(text) is not None)
