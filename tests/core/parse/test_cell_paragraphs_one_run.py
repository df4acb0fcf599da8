"""The cell-per-paragraph search (core/parse/cell_paragraphs.py) walks a row that is the last that
may split only in one run when no second run of it may start (issue 10: p1703 r0006, the slowest
text input, walked each such row's seven first columns for second runs that had nowhere to
start): what it finds must be what walking them found, in fewer steps."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from core.parse import cell_paragraphs
from tests.core.parse.test_cell_paragraphs_search import _inputs, _run
from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def _sevens(gaps, same_line=(), rows_of=None):
    """A state's sevens over 30 free values, tokens 0…29 (none taken), each on its own line but
    those of `same_line`; `gaps`: where a seven shifted by k first fails, by k."""
    search = SimpleNamespace(same_line=[i in same_line for i in range(30)], rows_of=rows_of or {}, tokens=[None] * 30)
    return SimpleNamespace(search=search, free=list(range(30)), gap_fails_at=gaps.__getitem__)


def _may_start(sevens, row=2, fails_from=14):
    return cell_paragraphs._Sevens.second_run_may_start(sevens, row, fails_from)


def test_a_second_run_with_no_room_between_the_failing_sevens_starts_nowhere():
    # the reading splitting no row fails at its third seven (fails_from 14): a row splitting
    # after its first k values must print its second run's 7 - k values past the 14th, so start
    # past token 7 + k; the rows after it, shifted by k, fail at once (gap k), so the run must
    # start by token (k + 7) - 1 = k + 6: no token in between, for any k
    assert not _may_start(_sevens({k: k for k in range(1, 7)}))
    # the shifted rows failing only at their second seven (gap k + 7): tokens up to k + 13 are
    # left, past 7 + k: a run may start
    assert _may_start(_sevens({k: k + 7 for k in range(1, 7)}))
    # none failing (fails_from -1): a start past the k-th value is enough
    assert _may_start(_sevens({k: k for k in range(1, 7)}), fails_from=-1)


def test_a_first_run_that_cannot_reach_the_room_left_starts_no_second_run():
    # room for a second run only after 3 values (gap 10 = 3 + 7); 0 1 printed on one line with
    # no value between, and token 2 the label value of row 5: the row's first run cannot pass
    # it, nor end after token 0 (mid-line), so its second run would start after 2 values at most
    gaps = {1: 1, 2: 2, 3: 10, 4: 4, 5: 5, 6: 6}
    assert _may_start(_sevens(gaps))
    assert not _may_start(_sevens(gaps, rows_of={2: frozenset({5})}))
    # the label value of the row itself (its 自然人 cell) lets the run on
    assert _may_start(_sevens(gaps, rows_of={2: frozenset({2})}))
    # a line cut mid-way ends the run: token 2 prints on token 1's line but is taken (the free
    # values go on at 3), so no row's run goes from 1 on
    cut = _sevens(gaps, same_line={1})
    cut.free = [0, 1, 3] + list(range(4, 31))
    cut.search.tokens = [None] * 31
    assert not _may_start(cut)


@pytest.mark.parametrize("name, found, steps_walked, steps", [
    # rows 2.重复申请… printing only marks: the rows after two that split walked each first
    # column for a second run that could start nowhere
    ("p1703-r0006-pdftotext-utf-8.txt", 1, 2_480, 1_493),
    ("p7373-r0016-pdftotext-gbk.txt", 1, 2_106, 1_968),
    ("p2929-r0008-pdftotext-utf-8.txt", 0, 1_092, 763),
])
def test_the_rows_left_in_one_run_are_placed_as_walking_their_second_runs(monkeypatch, name, found, steps_walked, steps):
    inputs = _inputs(ZOO / name)
    now, now_steps = _run(cell_paragraphs._Search, inputs)
    monkeypatch.setattr(cell_paragraphs._Sevens, "second_run_may_start", lambda *_: True)
    walked, walked_steps = _run(cell_paragraphs._Search, inputs)
    assert len(walked) == found and now == walked
    assert (walked_steps, now_steps) == (steps_walked, steps)


def test_the_slowest_text_input_reads_its_table_of_marks_whole():
    # 表三 printed a cell a paragraph, 2.重复申请 to 2.申请人逾期未按收费通知… all marks: read as
    # the truth, no cell wrong or silent
    report, wrong, silent = read_against_truth(ZOO / "p1703-r0006-pdftotext-utf-8.txt")
    assert wrong == [] and silent == []
    assert report.value("section3.total.total") == 597
    assert report.value("section3.other_other.natural") == 19
