"""A 表三 row whose label wraps far earlier than the other rows' labels (pdftotext -layout of a
PDF where a Word row printing 8 cells was squeezed into the table's width, its label cell narrowed:
「3.危」 / 「及“三安」 / 「全一稳」 / 「定”」 beside 「4.保护第三方合法权益」 on one line). That row sits
on a grid of its own: where its values print does not say their columns.

On main 9d948939 q2506 r0018's row printed 「－」 and 「0」 only; the 0 (其他 in the report) lay
under 法律服务机构 and was read there, placed for sure: 其他 read blank, nobody told (silent).
Fixtures: tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from core.parse.parser import narrowed_labels
from core.template import tables
from core.parse.tokens import TEXT, Token
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_row_of_zeros_under_a_narrowed_label_reads_0_throughout_flagged():
    report, wrong, silent = read_against_truth(ZOO / "q2506-r0018-pdftotext-layout-gbk.txt")
    assert silent == []
    # 0 in every column (a blank counts 0 alike): the report's 0 under 其他 among them
    assert t3_row(report, "denied_safety_stability") == [0] * 7
    said = [f.message for f in report.flags if f.cell == "section3.denied_safety_stability"]
    assert any("按版面位置" in m for m in said) and any("均按0计" in m for m in said)
    assert not [w for w in wrong if w.startswith("section3.denied_safety_stability")]


def test_narrowed_is_half_the_widest_first_line_or_less():
    table = tables("2021")["section3"]
    text = "3.危 4.保护第三方合法权益 5.属于三类内部事务信 6.属于四"
    at = {word: text.index(word) for word in text.split()}
    label_of = {key: Token(TEXT, word, at[word], at[word] + len(word), 0) for key, word in
                zip(("denied_safety_stability", "denied_third_party", "denied_internal_affairs", "denied_process_info"),
                    text.split())}
    # 「3.危」 (4 columns) and 「6.属于四」 (8) wrap at half of 20 or less; 「5.属于三类内部事务信」 wraps
    # at the column's width; 「4.保护第三方合法权益」 prints whole
    assert narrowed_labels(text, table, label_of) == {"denied_safety_stability", "denied_process_info"}
