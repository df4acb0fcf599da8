"""UTF-8 Chinese read as Latin-1 with the bytes 0x80–0x9F lost (lynx): the template's phrases put back."""
from __future__ import annotations

import re
from pathlib import Path

from core.parse import metadata, sections
from core.readers.lossy_utf8 import EXTRA_PHRASES, LOST_CELL, LOST_MARK, damaged, restore, template_phrases
from core.readers.text import UTF8_READ_AS_LATIN1, read_text

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def lynx(text: str) -> str:
    """What lynx prints of UTF-8 text it took for Latin-1: the bytes 0x80–0x9F and the soft hyphen
    dropped, the no-break space printed as a space."""
    data = bytes(b for b in text.encode("utf-8") if not (0x80 <= b <= 0x9F or b == 0xAD))
    return data.replace(b"\xa0", b" ").decode("latin-1")


def test_a_characters_damaged_form_names_several_characters():
    assert damaged("一") == damaged("三") == damaged("不") == "ä¸"
    assert damaged("（") == damaged("）") == damaged("０") == "ï¼"


def test_the_template_phrases_are_put_back_and_whole_characters_decoded():
    text = lynx("（三）不予公开\n   1.属于国家秘密\n   12\n   3个\n2021年\n")
    assert restore(text) == "（三）不予公开\n   1.属于国家秘密\n   12\n   3个\n2021年\n"


def test_a_phrase_wrapped_over_lines_keeps_its_line_breaks():
    # lynx wraps a long label and prints a vertical group label a character a line; 科研机构's 研
    # holds the byte 0xA0, printed as a space
    assert restore(lynx("二、上年结转政府\n   信息公开申请数量")) == "二、上年结转政府\n   信息公开申请数量"
    assert restore(lynx("（\n三\n）\n不\n予\n公\n开")) == "（\n三\n）\n不\n予\n公\n开"
    assert restore(lynx("   科研机构\n")) == "   科研机构\n"


def test_a_lost_character_is_marked_never_dropped():
    # two numbers either side of a lost character stay apart; a cell of one lost character (a
    # 「／」, a 「无」, a full-width digit) reads as the mark of a lost cell, which the parser flags
    assert restore(lynx("12一34")) == f"12{LOST_MARK}34"
    # (无's last byte is 0xA0: its space stays)
    assert restore(lynx("   ／\n   无\n   ８\n")) == f"   {LOST_CELL}\n   {LOST_CELL} \n   {LOST_CELL}\n"


def test_a_unit_is_put_back_only_closing_a_number():
    assert restore(lynx("   98418元\n   5万元 2条\n")) == "   98418元\n   5万元 2条\n"
    assert restore(lynx("元年")) == f"{LOST_MARK}年"


def test_no_two_phrases_print_alike():
    forms = [damaged(p) for p in template_phrases()]
    assert len(forms) == len(set(forms))


def test_the_words_kept_here_are_the_parsers():
    # the parser's statement of the period (统计期限…), its section headings and its 表三 header:
    # each of its words is among the phrases put back
    period = re.search(r"统计\(\?:([^)]*)\)", metadata._PERIOD.pattern).group(1).split("|")
    assert {f"统计{word}" for word in period} <= set(EXTRA_PHRASES)
    phrases = template_phrases()
    for number, (heading, _) in sections._HEADINGS.items():
        assert any(heading.search(p) for p in phrases), number
    assert "申请人情况" in phrases and "法人或其他组织" in phrases


def test_the_reader_says_what_it_did():
    path = ZOO / "w1907-r0037-cms-html-lynx.txt"
    doc = read_text(str(path), path.read_bytes())
    assert doc.problems == [UTF8_READ_AS_LATIN1]
    assert "二、主动公开政府信息情况" in doc.text and "2021年政府信息公开工作年度报告" in doc.text
    assert "已按模板的行列名称还原统计表，正文无法还原" in UTF8_READ_AS_LATIN1
