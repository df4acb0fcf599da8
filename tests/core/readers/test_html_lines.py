"""A web page's paragraphs and table rows as lines: each cell points at its own text (the source
pane highlights it), and a cell merged down stops at its table's end."""
from __future__ import annotations

from core.readers.document import MergedLine
from core.readers.html import read_html


def _page(body: str) -> bytes:
    return f'<html><head><meta charset="utf-8"><title>标题</title></head><body>{body}</body></html>'.encode()


def test_paragraphs_between_rows_keep_their_order_and_offsets():
    """Links and paragraphs around a table (a portal page's) are one-cell lines in the page's order,
    the table's rows grid lines; every cell's offsets give back its text."""
    links = "".join(f'<li><a href="/c{n}">栏目{n}</a></li>' for n in range(3))
    page = _page(f'<ul>{links}</ul><p>前言</p><table><tr><td>指标</td><td>2023</td></tr>'
                 f'<tr><td>指标0</td><td>12</td></tr></table><p>结语 <span>一段</span></p>')
    doc = read_html("page.html", page)
    assert [(line.grid, [cell.text for cell in line.cells]) for line in doc.lines] == [
        (False, ["标题"]), (False, ["栏目0"]), (False, ["栏目1"]), (False, ["栏目2"]), (False, ["前言"]),
        (True, ["指标", "2023"]), (True, ["指标0", "12"]), (False, ["结语 一段"])]
    for line in doc.lines:
        for cell in line.cells:
            assert doc.text[cell.start:cell.end] == cell.text


def test_a_cell_merged_down_stops_at_its_tables_end():
    """「合计」 merged down over three rows of a table printing two: the second row holds it, the
    next table's row (after a paragraph, or right after the table) does not."""
    first = '<table><tr><td rowspan="3">合计</td><td>1</td></tr><tr><td>2</td></tr></table>'
    second = '<table><tr><td>甲</td><td>3</td></tr></table>'
    for between in ("<p>说明</p>", ""):
        doc = read_html("page.html", _page(first + between + second))
        rows = [line for line in doc.lines if line.grid]
        assert [[cell.text for cell in line.cells] for line in rows] == [["合计", "1"], ["2"], ["甲", "3"]]
        assert isinstance(rows[1], MergedLine) and [m.cell.text for m in rows[1].merges] == ["合计"]
        assert not isinstance(rows[2], MergedLine)
