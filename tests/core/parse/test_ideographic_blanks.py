"""A web table's blank cells filled with an ideographic space (U+3000), as a text browser prints
its rows on one line: "677 177 \u3000 \u3000 18 \u3000 872" prints 7 cells, 3 of them blank
(truth of the zoo output: tests/fixtures/zoo/README.md, section quirks14)."""
from __future__ import annotations

from pathlib import Path

from core.parse.tokens import EMPTY, NUM, tokenize
from core.readers.document import TextBuilder
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def _kinds(*rows: str) -> list[list[str]]:
    builder = TextBuilder()
    for text in rows:
        builder.add_line([text])
    tokens = tokenize(builder.lines)
    return [[t.kind for t in tokens if t.line == n and t.kind in (NUM, EMPTY)] for n in range(len(rows))]


def test_an_ideographic_space_standing_alone_between_values_is_a_blank_cell():
    e, n = EMPTY, NUM
    assert _kinds("一、本年新收政府信息公开申请数量 677 177 \u3000 \u3000 18 \u3000 872",
                  "四、结转下年度继续办理 \u3000 20 \u3000 \u3000 1 \u3000 21",
                  "2.重复申请 1 \u3000 \u3000 \u3000 \u3000 \u3000 \u3000") == [
        [n, n, e, e, n, e, n], [e, n, e, e, n, e, n], [n, e, e, e, e, e, e]]


def test_an_ideographic_space_indenting_or_inside_prose_is_no_cell():
    assert _kinds("\u3000\u3000本机关共收到申请 5 件。\u3000\u3000其中 3 件", "　　2 件") == [[NUM, NUM], [NUM]]


def test_a_lynx_table_printing_its_zeros_as_ideographic_spaces_reads_every_cell_in_its_column():
    # lynx's text of a web report whose blank cells hold U+3000: the blanks were no cells, so every
    # row read 4 or 5 values for 7 columns, placed by the sums (18 under 科研机构, not 法律服务机构;
    # 16 cells wrong, flagged, on 2fa8400)
    report, wrong, silent = read_against_truth(ZOO / "zoo4455-r0034-lynx.txt")
    assert t3_row(report, "new") == [677, 177, None, None, 18, None, 872]
    assert t3_row(report, "carried_forward") == [None, 20, None, None, 1, None, 21]
    assert wrong == [] and silent == []


def test_a_lynx_row_aligned_in_columns_takes_no_ideographic_space_for_a_cell():
    # a lynx row padded to its header, printing 8 cells (a stray blank after 总计):
    # 「0   无    \u3000    0      0      0 0 \u3000」. The last blank, one space after 总计, was read
    # as a cell and the one between 无 and 0, padded wider, was not: 7 cells, each a column off
    # (总计 0 read blank: silent). Its blanks are told by their place, as the row's others are
    n = NUM
    assert _kinds("8.属于行政查询事项       0   无    \u3000    0      0      0 0 \u3000") == [[n, n, n, n, n]]
    report, wrong, silent = read_against_truth(ZOO / "q2301-r0041-lynx.txt")
    assert t3_row(report, "denied_admin_query") == [0, None, None, 0, 0, 0, 0]
    assert silent == []
