"""2021 表三 of plain pdftotext a cell a paragraph whose page 2 ends with its bare page number 「2」
printed among the values (before （二）部分公开's 总计 7): 176 values for 175 cells, so the search
could place none. The one value at a page's end that equals that page's number is set aside when
the values are one too many with it (cell_paragraphs._bare_page_number); committed output of the
converter zoo p8383 (truth beside it: tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import ERROR, check
from core.parse.cell_paragraphs import _bare_page_number, _tokens
from tests.core.truth import read_against_truth
from tests.core.truth import t3_row as _t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
FILE = ZOO / "p8383-r0021-pdftotext-gbk.txt"


def test_a_bare_page_number_among_the_values_is_set_aside():
    # before: （二）'s row and 「2.没有现成信息需要另行制作」's read wrong (3 cells, flagged)
    report, wrong, silent = read_against_truth(FILE)
    assert _t3_row(report, "partial") == [6, 1, None, None, None, None, 7]
    assert _t3_row(report, "unable_need_creation") == [None] * 7
    assert _t3_row(report, "total") == [508, 141, None, 14, None, None, 663]
    assert wrong == [] and silent == []
    assert not [f for f in report.flags if f.cell.startswith("section3")]
    assert not [f for f in check(report) if f.severity == ERROR and any(c.startswith("section3") for c in f.cells)]
    # the page's number 「2」 (page 2's last paragraphs: 「2」, then the 总计 7) is no cell
    footer = report.text.index("\n\n2\n\n7\n\n\n申请人情况") + 2
    assert all(cell.span != (footer, footer + 1) for path, cell in report.cells.items() if path.startswith("section3"))
    assert report.cells["section3.partial.total"].span == (footer + 3, footer + 4)


# page 1 ends at 「1」; page 2 ends with values; page 3 starts after its repeated header (furniture)
_TEXT = "正文\n\n1\n\n三、表\n\n5\n\n2\n\n7\n\n\n申请人情况\n\n8\n\n9"
_PAGE_2 = _TEXT.index("三、表")
_HEADER = _TEXT.index("申请人情况")
_FURNITURE = frozenset({(_HEADER, _HEADER + 5)})


def _footer(text: str, pages: tuple[int, ...], furniture=_FURNITURE):
    tokens = _tokens(text, _PAGE_2, len(text))
    found = _bare_page_number(text, tokens, pages, furniture)
    return None if found is None else text[tokens[found][1]:tokens[found][2]]


def test_only_the_one_value_equal_to_its_page_number_with_only_values_after_it_on_the_page():
    # page 3 found starting after its repeated header (the header dropped as page furniture)
    pages = (_PAGE_2, _HEADER + 6)
    assert _footer(_TEXT, pages) == "2"
    assert _footer(_TEXT, (_PAGE_2, _HEADER)) == "2"
    # words (not furniture) after it on its page: no footer
    assert _footer(_TEXT, pages, frozenset()) is None
    # not the page's number, or two of them: none
    assert _footer(_TEXT.replace("\n2\n", "\n3\n"), pages) is None
    assert _footer(_TEXT.replace("\n5\n", "\n2\n"), pages) is None
    # the last page has no page break after it: none
    assert _footer(_TEXT, (_PAGE_2,)) is None
