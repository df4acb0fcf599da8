"""The on-screen grids of the official tables (gui/template_layout.py): no Qt needed."""
import pytest

from core.template import RESULTS, tables
from gui.template_layout import grid_for


def covered(grid):
    """Every (row, column) of the grid mapped to its anchor; no overlaps."""
    seen = {}
    for cell in grid.cells:
        for r in range(cell.row, cell.row + cell.row_span):
            for c in range(cell.column, cell.column + cell.column_span):
                assert (r, c) not in seen, f"{cell} overlaps {seen[(r, c)]}"
                seen[(r, c)] = cell
    return seen


@pytest.mark.parametrize("version", ["2021", "2019"])
@pytest.mark.parametrize("section", ["section2", "section3", "section4"])
def test_every_template_cell_appears_once_and_the_grid_is_filled(version, section):
    grid = grid_for(version, section)
    paths = [c.path for c in grid.value_cells()]
    assert sorted(paths) == sorted(tables(version)[section].paths())
    seen = covered(grid)
    assert len(seen) == grid.rows * grid.columns  # no holes: the printed form has none


def spans(grid):
    return {c.text: (c.row, c.column, c.row_span, c.column_span) for c in grid.cells if c.text}


def test_t3_2021_headers_and_groups_as_printed():
    grid = grid_for("2021", "section3")
    assert (grid.rows, grid.columns) == (3 + 25, 10)
    s = spans(grid)
    assert s["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"] == (0, 0, 3, 3)
    assert s["申请人情况"] == (0, 3, 1, 7)
    assert s["自然人"] == (1, 3, 2, 1)
    assert s["法人或其他组织"] == (1, 4, 1, 5)
    assert s["总计"] == (1, 9, 2, 1)
    assert [grid.anchor(2, c).text for c in range(4, 9)] == [
        "商业企业", "科研机构", "社会公益\n组织", "法律服务\n机构", "其他"]
    assert s[RESULTS] == (5, 0, 22, 1)  # （一）予以公开 .. （七）总计
    assert s["（三）不予公开"][2:] == (8, 1)
    assert s["（四）无法提供"][2:] == (3, 1)
    assert s["（五）不予处理"][2:] == (5, 1)
    assert s["（六）其他处理"][2:] == (3, 1)
    assert s["一、本年新收政府信息公开申请数量"] == (3, 0, 1, 3)
    assert s["（一）予以公开"] == (5, 1, 1, 2)
    assert s["四、结转下年度继续办理"] == (27, 0, 1, 3)
    assert grid.cell_of("section3.granted.natural").row == 5
    assert grid.cell_of("section3.granted.natural").column == 3


def test_t3_2019_other_processing_is_one_row():
    grid = grid_for("2019", "section3")
    assert (grid.rows, grid.columns) == (3 + 23, 10)
    s = spans(grid)
    assert s["（六）其他处理"] == (23, 1, 1, 2)
    assert s[RESULTS] == (5, 0, 20, 1)


def test_t2_2021_blocks():
    grid = grid_for("2021", "section2")
    assert grid.columns == 4
    texts = [grid.anchor(r, 0).text for r in range(grid.rows)]
    assert texts == ["第二十条第（一）项", "信息内容", "规章", "行政规范性文件",
                     "第二十条第（五）项", "信息内容", "行政许可",
                     "第二十条第（六）项", "信息内容", "行政处罚", "行政强制",
                     "第二十条第（八）项", "信息内容", "行政事业性收费"]
    assert grid.anchor(0, 0).column_span == 4
    fee = grid.cell_of("section2.fees.amount")
    assert (fee.column, fee.column_span) == (1, 3)  # one value spans the width, as printed
    assert grid.anchor(12, 1).text == "本年收费金额（单位：万元）"


def test_t2_2019_has_five_blocks():
    grid = grid_for("2019", "section2")
    blocks = [c.text for c in grid.cells if c.column_span == grid.columns]
    assert blocks == ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项",
                      "第二十条第（八）项", "第二十条第（九）项"]
    change = grid.cell_of("section2.fees.change")
    assert (change.column, change.column_span) == (2, 2)


def test_t4_two_level_header():
    grid = grid_for("2021", "section4")
    assert (grid.rows, grid.columns) == (4, 15)
    s = spans(grid)
    assert s["行政复议"] == (0, 0, 1, 5)
    assert s["行政诉讼"] == (0, 5, 1, 10)
    assert s["未经复议直接起诉"] == (1, 5, 1, 5)
    assert s["复议后起诉"] == (1, 10, 1, 5)
    assert grid.anchor(1, 0).text == "结果\n维持" and grid.anchor(1, 0).row_span == 2
    assert [grid.anchor(3, c).path for c in (0, 4, 9, 14)] == [
        "section4.review.maintained", "section4.review.total",
        "section4.litigation_direct.total", "section4.litigation_after_review.total"]
