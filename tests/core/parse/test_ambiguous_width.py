"""Characters of ambiguous East Asian width (「—」, curly quotes, ①) in a terminal's dump: w3m of a
GBK page gives them two columns, of a UTF-8 page one. Which, the dump's own alignment tells.

On main 9d948939 w2303 r0003 (wps-html through w3m) counted 「—」 one column: 表四's values after
one fell a column early (复议后起诉's 总计 0 read blank), and 表二's 「行政规范性 —                    212」
put 212 under 本年废止件数 (flagged, wrong); 表二's header names, filling their cells one space
apart (「本年制发件 本年废止件 现行有效件」, each wrapped over 「数」), were taken for no columns at
all. Fixture: tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from core.parse.columns import ambiguous_wide
from tests.core.truth import read_against_truth, t2_documents_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_dashes_two_columns_wide_where_the_cells_after_them_line_up_so():
    text = ("信息内容   自然人     商业企业   科研机构   总计\n"
            "甲行       1          2          3          6\n"
            "乙行       —         —         4          4\n"
            "丙行       —         5          —         5\n")
    assert ambiguous_wide(text) == {"—"}
    assert not ambiguous_wide(text.replace("—         ", "—          "))


def test_a_dash_one_column_wide_is_so_counted():
    text = ("信息内容   自然人     商业企业   科研机构   总计\n"
            "甲行       1          2          3          6\n"
            "乙行       —          —          4          4\n")
    assert not ambiguous_wide(text)


def test_w3m_of_a_gbk_page_reads_the_cells_after_a_dash_in_their_columns():
    report, wrong, silent = read_against_truth(ZOO / "w2303-r0003-wps-html-w3m.txt")
    assert t2_documents_row(report, "normative_docs") == [None, None, 212]
    assert report.value("section4.litigation_after_review.total") == 0
    assert report.value("section4.litigation_direct.other") == 2
    assert wrong == []
    assert silent == []
