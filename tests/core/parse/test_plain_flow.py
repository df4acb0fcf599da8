"""表三 of plain pdftotext (no -layout) with blank zeros: rows whose labels print apart from their
values, read from committed zoo outputs (truth beside each: tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from core.parse.plain_flow import (_cuts_into_rows, bunched_labels_cut, head_labels_printed_later, rows_run_on,
                                   short_rows_dealt)
from core.parse.tokens import NUM, TEXT, Token
from core.template import tables
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
T3 = tables("2021")["section3"]


def _tokens(*items) -> list[Token]:
    """A text's tokens, one a line: a str is text, an int a count."""
    return [Token(NUM, str(item), n, n + 1, n, item) if isinstance(item, int) else Token(TEXT, item, n, n + 1, n)
            for n, item in enumerate(items)]


def _texts(tokens: list[Token]) -> list[str]:
    return [t.text for t in tokens]


def test_first_rows_printed_before_their_labels_are_read_as_row_one_and_flagged():
    # 「…其他 总计」 372 132 504 「三、本（一）予以公开」 209 77 286 「（二）部分公开」 38 14 … and only then
    # 「一、本年新收…」「二、上年结转…」 one after the other: 372 + 132 = 504 is row 一's or row 二's
    # (T3-1 adds them alike); read as 一's, as the report has it, and both rows flagged
    report, wrong, silent = read_against_truth(ZOO / "s501-r0028-pdftotext-gbk.txt")
    assert silent == []
    assert t3_row(report, "new") == [372, 132, 0, 0, 0, 0, 504]
    assert t3_row(report, "carried_over") == [0] * 7
    doubts = [f.cell for f in report.flags if "属于哪一行无法确定" in f.message]
    assert doubts == ["section3.new", "section3.carried_over"]
    # 「3.其他」「（七）总计」「四、结转下年度继续办理」 one after the other, then 355 129 484 17 3 20:
    # 504 = 484 + 20 (T3-1 in the 总计 column) takes 355 129 484 for （七） and 17 3 20 for 四
    assert t3_row(report, "total") == [355, 129, 0, 0, 0, 0, 484]
    assert t3_row(report, "carried_forward") == [17, 3, 0, 0, 0, 0, 20]
    assert not any(t3_row(report, "other_other"))  # (none of the run: unread, flagged)


def test_short_rows_take_the_cells_printed_after_the_last_of_them_in_order():
    # 「一、本年新收」 21 · 「二、上年结转」 1 · 「（一）予以公开」 10 · 「（二）部分公开」 2 3, the rest of
    # the header, then 24 1 2 12 2: 21 3 24 · 1 1 · 10 2 12 · 2 2 is the one way all four add up
    report, wrong, silent = read_against_truth(ZOO / "s501-r0034-pdftotext-gbk.txt")
    assert silent == []
    assert t3_row(report, "new") == [21, 3, 0, 0, 0, 0, 24]
    assert t3_row(report, "carried_over") == [1, 0, 0, 0, 0, 0, 1]
    assert t3_row(report, "granted") == [10, 2, 0, 0, 0, 0, 12]
    assert t3_row(report, "partial") == [2, 0, 0, 0, 0, 0, 2]
    for key in ("new", "carried_over", "granted", "partial"):  # still printed short: flagged
        assert f"section3.{key}" in {f.cell for f in report.flags}


def test_head_rows_that_cut_one_way_are_not_flagged_as_either():
    # 5 0 5 · 3 3: 一 5 0 5 and 二 3 3 is the only cut where both add up
    tokens = _tokens("总计", 5, 0, 5, 3, 3, "三、本年度办理结果（一）予以公开", 4, 4,
                     "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（二）部分公开", 1, 1)
    assert head_labels_printed_later(T3, tokens) == []
    assert _texts(tokens)[:9] == ["总计", "一、本年新收政府信息公开申请数量", "5", "0", "5",
                                  "二、上年结转政府信息公开申请数量", "3", "3", "三、本年度办理结果（一）予以公开"]


def test_rows_dealt_alike_every_way_are_read():
    # 「（一）予以公开」 1 · 「（二）部分公开」 1 1 1: whichever 1 is whose, both rows read 1 1
    tokens = _tokens("三、本年度办理结果（一）予以公开", 1, "（二）部分公开", 1, 1, 1, "1.属于国家秘密")
    assert short_rows_dealt(T3, tokens)
    assert _texts(tokens) == ["三、本年度办理结果（一）予以公开", "1", "1", "（二）部分公开", "1", "1", "1.属于国家秘密"]


def test_head_rows_that_cut_no_way_stay_where_they_print():
    # 153 15 18 adds up no way (a misprint): nothing moved, the two rows stay unfound (flagged)
    tokens = _tokens("总计", 153, 15, 18, "三、本年度办理结果（一）予以公开", 4, 4,
                     "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（二）部分公开", 1, 1)
    before = list(tokens)
    assert head_labels_printed_later(T3, tokens) is None
    assert tokens == before


def test_a_bunch_whose_run_is_one_rows_worth_is_left_to_the_last_label():
    # 「1.属于国家秘密」「2.其他法律…」 then 5 1 6: either row may hold it, nothing moved
    tokens = _tokens("三、本年度办理结果（一）予以公开", 1, 1, "1.属于国家秘密", "2.其他法律行政法规禁止公开", 5, 1, 6,
                     "3.危及“三安全一稳定”", 2, 2)
    before = list(tokens)
    assert not bunched_labels_cut(T3, tokens)
    assert tokens == before


def test_rows_dealt_two_ways_stay_as_printed():
    # 「（一）予以公开」 1 · 「（二）部分公开」 1 1 0 1: 1 1 · 1 0 1 or 1 0 1 · 1 1, the sums cannot tell
    tokens = _tokens("三、本年度办理结果（一）予以公开", 1, "（二）部分公开", 1, 1, 0, 1, "1.属于国家秘密")
    before = list(tokens)
    assert not short_rows_dealt(T3, tokens)
    assert tokens == before


def test_a_bunchs_run_is_cut_into_rows_that_each_add_up_or_print_nothing():
    # 1 2 3 | 0 0: the first row 1 + 2 = 3, the second 0 = 0; neither a lone 1 nor 1 2 3 0 0 adds up
    assert _cuts_into_rows(_tokens(1, 2, 3, 0, 0), 2) == [[3, 2]]
    # a word among the values: no piece holding it is a row, so no cut reads the run
    assert _cuts_into_rows(_tokens(1, 2, 3, "其中", 0, 0), 2) == []
    # either row may be the one that printed nothing
    assert _cuts_into_rows(_tokens(4, 1, 5), 2) == [[0, 3], [3, 0]]
    # fractions add up as row_sums.parts_add_up has them (0.1 + 0.2 is 0.3 within its tolerance)
    fractions = [Token(NUM, text, n, n + 1, n, float(text)) for n, text in enumerate(("0.1", "0.2", "0.3"))]
    assert _cuts_into_rows(fractions, 1) == [[3]]


def test_rows_whose_labels_print_apart_take_the_full_rows_printed_after_the_row_above():
    # plain pdftotext, 2021 表三 (zeros print as 0): 「2.重复申请」 then 0 0 0 0 0 0 0, 1268 354 0 0 0 0 1622,
    # 0 0 0 0 0 0 0 and more, 「（五）不予处理」's block holding 「3.要求提供公开出版物」「4.无正当理由…」
    # printed later with no value: the two full rows after 2's that add up are 3's and 4's (before,
    # 2 read 18 values and 3 and 4 nothing, flagged)
    report, wrong, silent = read_against_truth(ZOO / "p2302-r0023-pdftotext-gbk.txt")
    assert silent == []
    assert t3_row(report, "not_processed_duplicate") == [0] * 7
    assert t3_row(report, "not_processed_publication") == [1268, 354, 0, 0, 0, 0, 1622]
    assert t3_row(report, "not_processed_massive") == [0] * 7
    assert not [w for w in wrong if "not_processed_publication" in w or "not_processed_massive" in w]


def test_rows_run_on_moves_nothing_where_a_run_on_row_does_not_add_up():
    # every row up to 1.信访举报投诉类申请 printing 7 zeros beside its label; 2's run holds 7 values
    # and then 1268 354 0 0 0 0 1623: no row, so 3 and 4 are left unread
    keys = [row.key for row in T3.rows]
    before_2 = [item for row in T3.rows[:keys.index("not_processed_duplicate")] for item in [row.label] + [0] * 7]
    labels = ["2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息"]
    tokens = _tokens(*before_2, labels[0], 0, 0, 0, 0, 0, 0, 0, 1268, 354, 0, 0, 0, 0, 1623, 0, 0, 0, 0, 0, 0, 0,
                     labels[1], labels[2], labels[3], 1, 0, 0, 0, 0, 0, 1)
    before = _texts(tokens)
    assert not rows_run_on(T3, tokens)
    assert _texts(tokens) == before
    # where it adds up, 3's and 4's labels go before the second and third rows (the values keep
    # their order); what follows them stays after 4's
    tokens = _tokens(*before_2, labels[0], 0, 0, 0, 0, 0, 0, 0, 1268, 354, 0, 0, 0, 0, 1622, 0, 0, 0, 0, 0, 0, 0,
                     76, 1, labels[1], labels[2], labels[3], 1, 0, 0, 0, 0, 0, 1)
    assert rows_run_on(T3, tokens)
    assert _texts(tokens)[len(before_2):] == [labels[0]] + ["0"] * 7 + [labels[1], "1268", "354"] + ["0"] * 4 + \
        ["1622", labels[2]] + ["0"] * 7 + ["76", "1", labels[3], "1", "0", "0", "0", "0", "0", "1"]
    # rows of zeros alone tell no cut from another (a column's run of zeros adds up row by row too)
    tokens = _tokens(*before_2, labels[0], *[0] * 23, labels[1], labels[2], labels[3], 1, 0, 0, 0, 0, 0, 1)
    before = _texts(tokens)
    assert not rows_run_on(T3, tokens)
    assert _texts(tokens) == before
