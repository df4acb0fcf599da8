"""The six sections are found the same whether their headings are looked for line by line or in the
document's whole text (the parser's way), including headings in table rows and cells holding a
line break."""
from __future__ import annotations

from core.parse.sections import find_sections
from core.readers.document import TextBuilder


def _document(*rows: list[str]) -> TextBuilder:
    builder = TextBuilder()
    for cells in rows:
        builder.add_line(cells)
    return builder


def test_headings_in_prose_and_in_a_table_row_are_found_from_the_text():
    builder = _document(
        ["XX区人民政府2021年政府信息公开工作年度报告"],
        ["一、总体情况"],
        ["本年度，我区主动公开政府信息情况良好，存在的主要问题已在第五部分说明。" * 3],
        ["二、主动公开政府信息情况"],
        ["第二十条第（一）项", "信息内容", "本年制发件数"],
        ["规章", "0", "0"],
        ["三", "收到和处理政府信息公开申请情况"],  # a heading split over two cells of a row
        ["（四）政府信息公开行政复议、行政诉讼情况"],
        ["五、存在的主要问题及改进情况"],
        ["六、其他需要报告的事项"],
        ["无。"],
    )
    expected = {1: 1, 2: 3, 3: 6, 4: 7, 5: 8, 6: 9}
    assert find_sections(builder.lines).heading_lines == expected
    assert find_sections(builder.lines, builder.text).heading_lines == expected


def test_a_cell_holding_a_line_break_does_not_shift_the_headings_after_it():
    # (the lines' line breaks no longer count the text's: every line is looked at instead)
    builder = _document(["一、总体情况"], ["概述\n续行"], ["二、主动公开政府信息情况"], ["三、收到和处理政府信息公开申请情况"])
    expected = {1: 0, 2: 2, 3: 3}
    assert find_sections(builder.lines).heading_lines == expected
    assert find_sections(builder.lines, builder.text).heading_lines == expected


def test_heading_words_run_together_are_each_found_where_the_regex_finds_them():
    # the heading words are found with str.find, not the regex: the same places, in the same order,
    # however they crowd together (no two of them can overlap)
    import random

    from core.parse.sections import _HEADING_WORDS, _heading_word_starts

    rng = random.Random(5)
    # (and spaced out, 「情 况」: up to three spaces, ASCII, full-width or no-break, between a word's characters)
    pieces = ["情况", "问题", "事项", "概述", "概况", "况", "题", "情", "概", "述", "x", "\n", " ", "\u3000", "\xa0"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        starts, spaced = _heading_word_starts(text)
        assert [(at, spaced.get(at, at + 2)) for at in starts] == [m.span() for m in _HEADING_WORDS.finditer(text)], text
