"""Tokens and row labels read the same wherever the same text recurs (the parser keeps what a cell
text and a label run read as, across lines, tables and reports)."""
from __future__ import annotations

from core.parse.labels import find_labels
from core.parse.tokens import NUM, TEXT, Token, ascii_digits, tokenize
from core.readers.document import TextBuilder
from core.template import tables


def _lines(*rows: list[str]) -> TextBuilder:
    builder = TextBuilder()
    for cells in rows:
        builder.add_line(cells)
    return builder


def test_a_number_in_a_recurring_cell_points_at_its_own_line_and_keeps_a_unit_printed_apart():
    builder = _lines(["收费金额 251000 元"], ["其他"], ["收费金额 251000 元"], ["251000", "元"])
    text = builder.text
    numbers = [t for t in tokenize(builder.lines) if t.kind == NUM]
    assert [(t.value, t.unit, t.line) for t in numbers] == [(251000, "元", 0), (251000, "元", 2), (251000, "元", 3)]
    assert [text[t.start:t.end] for t in numbers] == ["251000 元", "251000 元", "251000\t元"]


def test_a_label_run_recurring_in_a_table_is_found_once_and_only_forward():
    table = tables("2021")["section3"]

    def run(text: str, line: int) -> Token:
        return Token(TEXT, text, 0, len(text), line)

    tokens = [run("一、本年新收政府信息公开申请数量", 0), run("二、上年结转政府信息公开申请数量", 1),
              run("一、本年新收政府信息公开申请数量", 2), run("（一）予以公开", 3)]
    assert find_labels(table, tokens) == [(0, "new"), (1, "carried_over"), (3, "granted")]
    assert find_labels(table, tokens[2:]) == [(0, "new"), (1, "granted")]  # read again: from row one


def test_the_same_runs_find_each_templates_own_rows():
    tokens = [Token(TEXT, text, 0, len(text), n) for n, text in enumerate(["规章", "规范性文件", "行政许可", "其他对外管理服务事项"])]
    assert [key for _, key in find_labels(tables("2019")["section2"], tokens)] == \
        ["rules", "normative_docs", "licensing", "other_services"]
    assert [key for _, key in find_labels(tables("2021")["section2"], tokens)] == ["rules", "normative_docs", "licensing"]


def test_normalise_reads_full_width_punctuation_digits_and_odd_spaces_as_nfkc_does():
    from core.parse.tokens import normalise
    # checked by hand: full-width punctuation, digits and letters become ASCII; the ideographic
    # space and the no-break space become spaces; circled and compatibility forms are unfolded
    assert normalise("（一）收到申请数：１２，其中；") == "(一)收到申请数:12,其中;"
    assert normalise("本年\u3000新收\xa0３件") == "本年 新收 3件"
    assert normalise("①２０２３年") == "12023年"
    assert normalise("\uf98e度报告") == "年度报告"  # a compatibility ideograph of 年


def test_normalise_equals_nfkc_on_every_mix_of_the_replaced_punctuation_and_other_characters():
    import random
    import unicodedata
    from core.parse.tokens import normalise
    # the punctuation replaced before NFKC beside combining marks (which reorder and compose),
    # other full-width forms, Kangxi radicals, letters that compose: NFKC all the same
    alphabet = "，（）：；\u3000\xa0" + "\u0301\u0323\u0308\u3099\u309a" + "ＡＢ１２％．" + "\u2f00\u2fd5" \
        + "aeoAカか年情况,() :;" + "\uf98e\u2460\u3251"
    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert normalise(text) == unicodedata.normalize("NFKC", text)



def test_full_width_forms_are_their_ascii_characters_under_nfkc():
    import unicodedata
    # what normalise replaces them by before NFKC: each form's own decomposition, nothing more
    for code in range(0xFF01, 0xFF5F):
        assert unicodedata.normalize("NFKC", chr(code)) == chr(code - 0xFEE0)


def test_normalise_equals_nfkc_on_lines_of_full_width_forms_beside_other_odd_characters():
    import random
    import unicodedata
    from core.parse.tokens import normalise
    # full-width forms followed by combining marks (Ａ + U+0301 composes to Á), beside characters
    # NFKC still has to unfold (①, ㊑, a compatibility ideograph, Kangxi radicals), over lines
    alphabet = "０１９ＡＺａｚ％．／｛～！" + "\u0301\u0308\u3099" + "\n\n" + "│├─年情况 ,a" + "\u2460\u3251\uf98e\u2f00" \
        + "，（）\u3000"
    rng = random.Random(63)
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert normalise(text) == unicodedata.normalize("NFKC", text)


def test_a_line_whose_only_odd_characters_are_full_width_forms_is_not_decomposed(monkeypatch):
    import unicodedata
    from core.parse.tokens import normalise
    # w3m's box of a WPS table, printed on one line by a mutant (10 366 characters, NFKC'd by four
    # readers: 61 M instructions of 164 M): its full-width digits are replaced, NFKC is not run
    line = "│理结果 │无│2.没有现成信息需要另行制作 │４ │ │ │０ │０ │０ │４ │" * 300
    called = []
    monkeypatch.setattr(unicodedata, "normalize", lambda form, text: called.append(text) or text)
    assert normalise(line) == line.replace("４", "4").replace("０", "0")
    assert not called

def test_a_unit_in_brackets_belongs_to_its_number():
    from core.parse.tokens import normalise, parse_number
    assert parse_number(normalise("737（件）")) == (737, "件")
    assert parse_number(normalise("12.5（万元）")) == (12.5, "万元")
    assert parse_number("737(件") is None and parse_number("(737)") is None


def test_a_sum_keeps_its_unit_of_money_and_a_yuan_sign_is_a_sum_in_yuan():
    from core.parse.tokens import normalise, parse_number
    assert parse_number("1.1千元") == (1.1, "千元") and parse_number("0.5亿元") == (0.5, "亿元")
    assert parse_number(normalise("￥1,100.00")) == (1100.0, "元") and parse_number("¥1100") == (1100, "元")
    assert parse_number("¥") is None and parse_number("¥元") is None and parse_number("¥-5") is None


def test_a_circled_footnote_mark_after_a_number_is_no_digit():
    """NFKC makes 「①」 a 1: 「737①」 would read 7371. The mark is no part of the count: the cell
    reads 737 (since wild71; it was no number, its row flagged); 「⒈」 opening a label is still 「1.」."""
    builder = TextBuilder()
    builder.add_line(["一、本年新收", "737①", "⒈属于国家秘密"], grid=True)
    tokens = tokenize(builder.lines)
    assert [(t.kind, t.text, t.value) for t in tokens] == [
        (TEXT, "一、本年新收", None), (NUM, "737", 737), (TEXT, "1.属于国家秘密", None)]


def test_pieces_between_borders_and_odd_spaces_read_normalised_and_point_at_their_printed_text():
    """A w3m dump's box-drawing borders, pipes and an ideographic space part the pieces; each reads
    as NFKC makes it and points at its own printed characters. A circled number opening a piece is
    no footnote mark (「①12」 reads 112), one after digits is (「737①」 reads 737, its mark left out)."""
    builder = TextBuilder()
    builder.add_line(["│ 一、本年新收\u3000１２３ │ ５件|737① ①12 │"])
    text = builder.text
    tokens = tokenize(builder.lines)
    assert [(t.kind, t.text, t.value, t.unit) for t in tokens] == [
        (TEXT, "一、本年新收", None, ""), (NUM, "123", 123, ""), (NUM, "5件", 5, "件"),
        (NUM, "737", 737, ""), (NUM, "112", 112, "")]
    assert [text[t.start:t.end] for t in tokens] == ["一、本年新收", "１２３", "５件", "737", "①12"]


def test_counts_glued_with_their_units_are_counts_each_0_a_cell_of_its_own():
    # docx2txt drops a Word table's cell breaks: a row's counts print "621项146项00040项807项" and the
    # next row's label follows. The unit ends a count and a count never starts with 0, so the 0s
    # before 40 are three cells: 621 146 0 0 0 40 807, then the label as text
    builder = _lines(["621项146项00040项807项二、上年结转政府信息公开申请数量"], ["11项2项000013项"])
    text = builder.text
    tokens = tokenize(builder.lines)
    assert [(t.kind, t.value, t.unit) for t in tokens[:8]] == [
        (NUM, 621, "项"), (NUM, 146, "项"), (NUM, 0, ""), (NUM, 0, ""), (NUM, 0, ""), (NUM, 40, "项"),
        (NUM, 807, "项"), (TEXT, None, "")]
    assert [text[t.start:t.end] for t in tokens[:8]] == ["621项", "146项", "0", "0", "0", "40项", "807项",
                                                        "二、上年结转政府信息公开申请数量"]
    assert [t.value for t in tokens[8:]] == [11, 2, 0, 0, 0, 0, 13]
    # one count with its unit stays one token; words with a number and a unit are no counts
    assert [(t.kind, t.value) for t in tokenize(_lines(["5项"], ["2021年3月"], ["第3条"]).lines)] == [
        (NUM, 5), (TEXT, None), (TEXT, None)]


def test_zeros_a_text_browser_glues_to_a_row_label_are_cells_of_their_own():
    # lynx prints a label filling its column right against the row's first cells:
    # 「…不计其他情形）00 0 0」 is the label, then 0 and 0; other digits there may be one cell
    # or several glued (「…情形）726」: 72 and 6), so they stay text and the row is read by position
    label = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    builder = _lines([label + "00 0  0 0    0 0"], [label + "726 3 4"], ["（2021）30"])
    text = builder.text
    tokens = tokenize(builder.lines)
    assert [(t.kind, t.value) for t in tokens[:8]] == [(TEXT, None)] + [(NUM, 0)] * 7
    assert [text[t.start:t.end] for t in tokens[:3]] == [label, "0", "0"]
    assert [(t.kind, t.value) for t in tokens[8:]] == [(TEXT, None), (NUM, 3), (NUM, 4), (TEXT, None)]


def test_full_width_digits_read_as_ascii_one_character_for_one():
    # 表三 glued in full-width digits ("１４７２７１４７９") is cut as ASCII digits at the same offsets;
    # other full-width characters (Ｑ, －, （) and the text around stay as printed
    text = "（一）予以公开１４７２７１４７９０　共计０项－Ｑ９\n二、上年结转 963"
    assert ascii_digits(text) == "（一）予以公开1472714790　共计0项－Ｑ9\n二、上年结转 963"
    assert ascii_digits(text) == text.translate({0xFF10 + n: 0x30 + n for n in range(10)})
    assert ascii_digits("二、上年结转 963") == "二、上年结转 963"
