"""pandoc's Markdown writes an em dash 「—」 as "---" (and an en dash as "--"): a table printing its
zeros as 「—」 prints "---" in every cell of a row of zeros. A run of three hyphens beside a label or
a count is then a placeholder, not text; alone, or among dashes only, it is a table's rule.

On main 905a595b pq2704 r0022 (pandoc's Markdown of a web page, zeros printed 「—」) joined each
row's "---" into its label as text: 「3.其他」 was not found, most rows were placed by position in
doubt, and the planted misprint (「7.属于行政执法案卷」 总计 32 for 33) was found but no value suggested.
Fixtures: tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from core.model import ERROR
from core.parse.tokens import NA, tokenize
from core.pipeline import check_report
from core.readers.text import read_text
from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_row_of_em_dashes_from_pandoc_markdown_is_read_and_the_misprint_mended():
    report, wrong, silent = read_against_truth(ZOO / "pq2704-r0022-pandoc-html-markdown.md")
    assert silent == [] and wrong == []
    # the row whose cells all print "---" is found, each a placeholder
    assert not [f for f in report.flags if f.cell == "section3.other_other"]
    assert [report.value(f"section3.other_other.{c}") for c in ("natural", "other", "total")] == [None, None, None]
    # the rows are read by their cells, not placed by position in doubt
    assert not [f for f in report.flags if f.cell.startswith("section3")]
    # the misprint named, its value suggested, as the report's own mistake
    suggested = {(f.suggestion.cell, f.suggestion.value, f.severity) for f in check_report(report) if f.suggestion}
    assert suggested == {("section3.denied_law_enforcement_file.total", 33, ERROR)}


def test_three_hyphens_alone_or_among_dashes_stay_a_rule():
    text = "  ------ ---- ----\n---\n---|---\n  3.其他    ---    ---    5\n"
    document = read_text("x.md", text.encode("utf-8"), "md")
    kinds = [[t.kind for t in tokenize(document.lines, i, i + 1)] for i in range(len(document.lines))]
    assert NA not in kinds[0] + kinds[1] + kinds[2]
    assert kinds[3].count(NA) == 2
