"""表二 under a terminal's header whose column names fill their cells one space apart.

w3m and lynx print 「本年制发件数 本年废止件数 现行有效件数」 one space apart (w3m wraps them over
「数」), each cell's value at its left edge, padded: a value starting where a name starts is under
it. lynx lays 表二 out by characters, w3m by display columns; the measure under which every value
starts where its column does is the table's.

On main 9d948939 such names were taken for no columns (plain text separates words by a space):
q2501 r0046 (lynx) left 「规章             18项」 unplaced (本年废止件数, flagged blank), w2303 r0003
(w3m) read 「行政规范性 —                    212」's 212 as 本年废止件数 (flagged). Fixtures:
tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from tests.core.truth import read_against_truth, t2_documents_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_lynx_value_at_a_names_start_by_characters_is_under_that_name():
    # 「   规章             18项」 under 「    信息内容   本年制发件数 本年废止件数 …」: 18项 starts at
    # character 18, where 本年废止件数 does (by display columns it starts inside 本年制发件数)
    report, wrong, silent = read_against_truth(ZOO / "q2501-r0046-lynx.txt")
    assert t2_documents_row(report, "rules") == [None, 18, None]
    assert not [w for w in wrong if w.startswith("section2.")]
    assert silent == []


def test_w3m_values_at_the_names_starts_by_display_columns():
    report, wrong, silent = read_against_truth(ZOO / "w2303-r0003-wps-html-w3m.txt")
    assert t2_documents_row(report, "rules") == [0, None, None]
    assert t2_documents_row(report, "normative_docs") == [None, None, 212]
    assert silent == []
