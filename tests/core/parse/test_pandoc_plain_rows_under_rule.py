"""A row of pandoc's plain-text table (a simple table: a dash rule over its columns, its lines
indented) printing its label and fewer values than columns: each value in the column whose dashes
it stands under, by display width, however far below the rule (表三's rows run 25 lines and more).

On main 905a595b pq2404 r0031 (pandoc's plain text of a web page, zeros blank) read the lone 「1」
of 「1.本机关不掌握相关政府信息」, under 法律服务机构 (the planted misprint, 1 for 0), as 自然人: a row
with its label on the line was never placed by the rule, nor a row more than 12 lines below it.
The sums then failed in doubt and no value was suggested.
Fixtures: tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from core.model import ERROR
from core.pipeline import check_report
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_lone_value_far_below_the_rule_is_read_in_the_column_above_it():
    report, wrong, silent = read_against_truth(ZOO / "pq2404-r0031-pandoc-html-plain.txt")
    assert silent == [] and wrong == []
    assert t3_row(report, "unable_not_held") == [None, None, None, None, 1, None, None]
    assert not [f for f in report.flags if f.cell.startswith("section3.unable_not_held")]
    findings = check_report(report)
    assert {(f.suggestion.cell, f.suggestion.value, f.severity) for f in findings if f.suggestion} \
        == {("section3.unable_not_held.legal", 0, ERROR)}


def test_a_table_drawn_a_column_wider_places_its_rows_by_the_columns_up_to_total():
    # pq2204 r0034 (pandoc's Markdown of a web page): one row of 8 made pandoc draw 表三 a column
    # wider than its header; 「4.保护第三方合法权益」 prints 「－ 0 0 0」 under 商业企业, 科研机构,
    # 法律服务机构 and 总计: placed by the last 7 dashes they read a column to the left (silent)
    report, wrong, silent = read_against_truth(ZOO / "pq2204-r0034-pandoc-html-markdown.md")
    assert silent == []
    assert t3_row(report, "denied_third_party") == [None, None, 0, None, 0, None, 0]


def test_a_table2_block_narrower_than_its_grid_is_not_placed_by_the_last_dashes():
    # pq2504 r0023: 「政府集中采购」 prints its 0 under 采购总金额, the grid's third column of four
    report, wrong, silent = read_against_truth(ZOO / "pq2504-r0023-pandoc-html-markdown.md")
    assert silent == []
    assert report.value("section2.procurement.amount") == 0
