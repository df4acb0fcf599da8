"""表三 dumped by lynx one cell a paragraph from a web editor's table, whose blank cells are saved
as 「<br/>」 (an empty line more where the cell stands) or 「&nbsp;」 (no line at all): each extra
empty line bounds a row's blank cells from below, and the table's equations, weighed over only the
placements keeping those bounds, leave one reading (core/parse/blank_traces.py). Fixtures:
tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import ERROR
from core.parse.blank_traces import blank_traces
from core.parse.t3_placement import _traced_options
from core.parse.tokens import NA, NUM, TEXT, Token
from core.readers.document import Cell, Line
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_extra_empty_lines_place_a_blank_total_table_where_reading_from_the_left_did_not():
    # w2403 r0027 (cms-html-lynx, 总计 column blank, zeros blank): every row prints 自然人, 商业企业 and
    # 其他; 「2.其他法律行政法规禁止公开」 prints 180 / 28, four empty lines, 7 (three blank cells
    # before 7: it is 其他's). Read from the left, 其他's values sat under 科研机构 (32 cells wrong,
    # flagged) on main cfa40e9e
    report, wrong, silent = read_against_truth(ZOO / "w2403-r0027-cms-html-lynx.txt")
    assert t3_row(report, "new")[:6] == [8520, 1256, 0, 0, 0, 332]
    assert t3_row(report, "denied_law_forbidden")[:6] == [180, 28, 0, 0, 0, 7]
    assert t3_row(report, "total")[:6] == [8414, 1361, 0, 0, 0, 348]
    assert report.value("section3.total.total") is None  # (blank, as printed)
    assert any(f.cell == "section3.new" and "空白单元格只有一部分留下空行" in f.message for f in report.flags)
    assert [f for f in check(report) if f.severity == ERROR] == []
    assert [cell for cell in wrong if cell.startswith("section3")] == [] and silent == []


def _lines(texts: list[str]) -> list[Line]:
    return [Line([Cell(text, 0, len(text))] if text else []) for text in texts]


def _number(text: str, line: int) -> Token:
    return Token(NUM, text, 0, len(text), line, value=int(text))


def test_each_empty_line_past_the_spacing_is_a_blank_cell_at_least():
    texts = ["（一）予以公开", "", "5", "", "", "2", "", "（二）部分公开", "", "3", "", "3"]
    lines = _lines(texts)
    label = [Token(TEXT, texts[0], 0, 7, 0), Token(TEXT, texts[7], 0, 7, 7)]
    tokens = [label[0], _number("5", 2), _number("2", 5), label[1], _number("3", 9), _number("3", 11)]
    values_of = {"granted": tokens[1:3], "partial": tokens[4:6]}
    traces = blank_traces(tokens, [(0, "granted"), (3, "partial")], values_of, lines, {"granted": 7, "partial": 7})
    assert traces == {"granted": (0, 1)}  # (partial's gaps are the table's spacing: no trace, not listed)


def test_bounded_options_keep_the_blank_cells_before_each_value():
    values = [_number("5", 0), _number("2", 1)]
    # 总计 printed: 5 then 2 in the parts, the 总计 7 last; a blank cell at least between 5 and 2
    options = _traced_options(values + [_number("7", 2)], 7, (0, 1, 0), blank_total=False)
    assert options is not None
    assert all(columns[1] - columns[0] >= 2 and columns[-1] == 6 for _, columns in options)
    assert len(options) == 10  # (of the 15 placements of two values in six columns, those not side by side)
    # 总计 blank: three blank cells at least before 2, which then stands four columns past 5 or more
    options = _traced_options(values, 7, (0, 3), blank_total=True)
    assert options is not None
    assert {cells for cells, _ in options} == {(5, 0, 0, 0, 2, 0, 0), (5, 0, 0, 0, 0, 2, 0), (0, 5, 0, 0, 0, 2, 0)}


def test_the_none_of_a_vertical_label_printed_a_character_a_line_is_no_cell():
    # w2203 r0034 (split-html-lynx): 「（四）无法提供」 printed a character a line right after
    # 「8、属于行政查询事项」's 17 / 4 / 0 / 21: its 「无」 was read as the row's last cell (a
    # placeholder, 0), 21 then under 社会公益组织 and 总计 0; its 7 rows of 表三 had their gaps
    # unread so (8 cells wrong, flagged) on main cfa40e9e
    report, wrong, silent = read_against_truth(ZOO / "w2203-r0034-split-html-lynx.txt")
    assert t3_row(report, "denied_admin_query") == [17, 4, 0, 0, 0, 0, 21]
    assert t3_row(report, "denied_law_forbidden")[3] == 1
    assert [cell for cell in wrong if cell.startswith("section3")] == []
    assert silent == []


def test_a_lost_character_among_a_rows_values_leaves_the_gaps_unread():
    # lynx printing a UTF-8 page read as GB2312 leaves 「\ufffd」 of words it could not print: after
    # a row's last value, two empty lines, then such a remnant (w2603 r0030, split-html-lynx, before
    # the repeated header): taken for a cell, it bounded 3 blank cells before it; no gap is read
    texts = ["1.本机关不掌握相关政府信息", "", "96", "", "3", "", "", "\ufffd"]
    lines = _lines(texts)
    tokens = [Token(TEXT, texts[0], 0, 14, 0), _number("96", 2), _number("3", 4), Token(NA, "\ufffd", 0, 1, 7)]
    widths = {"unable_not_held": 7}
    assert blank_traces(tokens, [(0, "unable_not_held")], {"unable_not_held": tokens[1:]}, lines, widths) == {}
    # (a placeholder mark printed so is a cell: 「无」 after the same gap bounds one blank cell before it)
    tokens[3] = Token(NA, "无", 0, 1, 7)
    lines[7] = Line([Cell("无", 0, 1)])
    assert blank_traces(tokens, [(0, "unable_not_held")], {"unable_not_held": tokens[1:]}, lines, widths) \
        == {"unable_not_held": (0, 0, 1)}


def test_a_blank_total_table_whose_one_column_fails_its_sums_is_placed_by_the_traces_all_the_same():
    # w2708 r0033 (cms-html-lynx, 总计 column blank, zeros mixed, （七）总计's 自然人 792 printed 72): no
    # placement holds every column sum; every one but 自然人's holds under one placement only, the
    # rows' values under 自然人, 商业企业 and 法律服务机构. Read from the left, 法律服务机构's values sat
    # under 科研机构 or 社会公益组织 (21 cells wrong, flagged) on main cfa40e9e
    report, wrong, silent = read_against_truth(ZOO / "w2708-r0033-cms-html-lynx.txt")
    assert [v or 0 for v in t3_row(report, "new")[:6]] == [721, 38, 0, 0, 7, 0]
    assert [v or 0 for v in t3_row(report, "total")[:6]] == [72, 38, 0, 0, 6, 0]  # (its 72 as printed)
    assert any(f.cell == "section3.new" and "除「自然人」列（疑有笔误）外各列合计相符" in f.message for f in report.flags)
    assert any("「自然人」列" in f.message for f in check(report))  # (the misprint still shown)
    # (left: four printed 0s read blank, as before)
    assert [cell for cell in wrong if cell.startswith("section3")] == [
        "section3.carried_over.legal", "section3.denied_internal_affairs.legal",
        "section3.not_processed_massive.social", "section3.not_processed_confirm.social"]
    assert silent == []
