"""2021 表三 of plain pdftotext (no -layout) printed one cell per paragraph in the PDF's text-flow
order (core/parse/cell_paragraphs.py), read from committed outputs of the converter zoo (truth
beside each: tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import ERROR, check
from core.model import INFERRED
from core.parse import cell_paragraphs
from core.pipeline import load_report
from tests.core.truth import read_against_truth
from tests.core.truth import t3_row as _t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_rows_whose_cells_print_apart_are_placed_by_the_flow_and_the_sums():
    # （二）'s 总计 1921 prints after （五）'s group labels, far below its row (1474 387 0 0 60 0);
    # 3.其他 prints 0 0 78 0 2460 before （七）总计 and its 1888 494 last, after 四's values;
    # 「5.要求…」's label holds its 自然人 367. Before: 30 cells flagged, none of these rows read
    report, wrong, silent = read_against_truth(ZOO / "pages303-r0010-pdftotext-utf-8.txt")
    assert _t3_row(report, "granted") == [8109, 2127, 0, 0, 335, 0, 10571]
    assert _t3_row(report, "partial") == [1474, 387, 0, 0, 60, 0, 1921]
    assert _t3_row(report, "other_no_correction") == [447, 117, 0, 0, 18, 0, 582]
    assert _t3_row(report, "other_other") == [1888, 494, 0, 0, 78, 0, 2460]
    assert _t3_row(report, "total") == [25668, 6725, 0, 0, 1059, 0, 33452]
    assert _t3_row(report, "carried_forward") == [0, 298, 0, 0, 45, 0, 343]
    assert wrong == [] and silent == []
    assert not [f for f in report.flags if f.cell.startswith("section3")]
    assert not [f for f in check(report) if f.severity == ERROR]
    # every cell but where its value printed: spans in the text, the value printed there
    cell = report.cells["section3.partial.total"]
    assert report.text[cell.span[0]:cell.span[1]] == "1921"


def test_a_zero_lost_in_conversion_is_put_where_the_column_sums_need_it_and_flagged():
    # the table crosses a page: 二's values print among page 2's header words, （一）'s 自然人
    # 20618 after both their labels, （二）'s 总计 4881 before its other cells; 四 prints
    # 303 98 0 0 0 401, one 0 lost (174 values). Before: 48 cells flagged
    path = ZOO / "pages917-r0020-pdftotext-gbk.txt"
    report, wrong, silent = read_against_truth(path)
    assert _t3_row(report, "carried_over") == [2444, 213, 0, 0, 0, 0, 2657]
    assert _t3_row(report, "granted") == [20618, 1721, 0, 0, 0, 123, 22462]
    assert _t3_row(report, "partial") == [4481, 374, 0, 0, 0, 26, 4881]
    assert _t3_row(report, "not_processed_confirm") == [2830, 237, 0, 0, 0, 17, 3084]
    assert _t3_row(report, "other_no_correction") == [1019, 85, 0, 0, 0, 6, 1110]
    assert _t3_row(report, "total") == [38005, 3172, 0, 0, 0, 225, 41402]
    assert _t3_row(report, "carried_forward") == [303, 98, 0, 0, 0, 0, 401]
    assert not [cell for cell in wrong if cell.startswith("section3")] and silent == []
    lost = [f for f in report.flags if f.cell.startswith("section3")]
    assert len(lost) == 1 and lost[0].kind == "inferred"
    assert report.cells[lost[0].cell].state == INFERRED and report.cells[lost[0].cell].value == 0
    assert lost[0].cell.startswith("section3.carried_forward.")


def test_the_text_without_its_lost_zero_places_every_row():
    # the search alone on the values as printed (174): each row starts at the first value left
    text = (ZOO / "pages917-r0020-pdftotext-gbk.txt").read_bytes().decode("gbk")
    start = text.index("申请人情况")
    end = text.index("四、政府信息公开行政复议", start)
    tokens = cell_paragraphs._tokens(text, start, end)
    assert len(tokens) == 174
    search = cell_paragraphs._Search(tokens, cell_paragraphs._label_rows(text, tokens, start, end),
                                     cell_paragraphs._after_text(text, tokens))
    search.run()
    assert len(search.found) == 1
    values = [[search.values[i] for i in cells] for cells in search.found[0]]
    assert values[0] == [35864, 3057, 0, 0, 0, 225, 39146]
    assert values[12] == [5327, 445, 0, 0, 0, 31, 5803]


def test_a_value_right_after_its_label_is_its_rows_first_cell():
    # 「5.要求…已 2830 237」: 2830 is （五）5's 自然人; labels printed together (the group
    # labels' block) tell nothing of the value after them
    text = "5.要求行政机关确认或重新出具已 2830 237\n\n（五）不 3.要求提供公开出版物\n4.无正当理由大量反复申请\n\n0\n\n1921\n"
    tokens = cell_paragraphs._tokens(text, 0, len(text))
    assert [t[0] for t in tokens] == [2830, 237, 0, 1921]
    assert cell_paragraphs._label_rows(text, tokens, 0, len(text)) == {0: frozenset({19})}


def test_a_table_read_in_full_that_adds_up_is_left_as_read():
    # the reader is tried only for a 表三 read in part or not adding up
    report = load_report(ZOO / "pages303-r0010-pdftotext-utf-8.txt")
    assert not cell_paragraphs.read_cell_paragraphs(report, _t3_table())


def test_page_lines_are_not_values():
    text = "0\n\n第2页\n\n7\n\n- 3 -\n\n5\n"
    assert [t[0] for t in cell_paragraphs._tokens(text, 0, len(text))] == [0, 7, 5]


def _t3_table():
    from core.template import tables
    return tables("2021")["section3"]


def test_a_table_whose_largest_value_outweighs_the_rest_is_settled_before_any_step():
    # every row adds up to twice its 总计, the sum of its other cells (（七）总计 and 四 too), so a
    # lone 2 among 174 zeros (s2407 r0011-pdftotext's 表三) fits no row: the search proved it by
    # walking thousands of drifts (1 G instructions), now before its first state
    tokens = [(2 if i == 147 else 0, 2 * i, 2 * i + 1, 2 * i) for i in range(cell_paragraphs._CELLS)]
    search = cell_paragraphs._Search(tokens, {}, [False] * len(tokens))
    search.run()
    assert search.found == [] and search.steps == 0 and not search.memo
    # two 2s may share a row (one its 总计): the search is walked
    tokens[150] = (2, 300, 301, 300)
    search = cell_paragraphs._Search(tokens, {}, [False] * len(tokens))
    search.run()
    assert search.memo
