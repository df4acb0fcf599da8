"""The cell-per-paragraph search (core/parse/cell_paragraphs.py) made cheaper, not different
(issue 10: no text report over ~150 M instructions): a row's runs walked over the free values'
list, a state's free values made from the state before's, a seven whose half sum is not printed
within it told no row at once. The search must walk the same states in the same steps and find
the same placements as before on the two slowest zoo inputs (2 106 and 1 092 steps, the counts
before the speed-up), and each shortcut must give what the long way gives."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.parse import cell_paragraphs
from tests.core.parse import cell_paragraphs_oracle as oracle
from tests.core.parse.test_cell_paragraphs_search import _inputs, _run
from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
_WIDTH, _ROWS = cell_paragraphs._WIDTH, cell_paragraphs._ROWS


def test_a_table_read_after_two_thousand_steps_is_still_read_whole():
    # row 二's last 0 far below it, 3.其他 before （七）总计: one placement, splitting three
    # rows, after 2 106 steps (as before the speed-up; 1 968 since a row with no second run to
    # start walks one run: test_cell_paragraphs_one_run.py); every 表三 cell then reads as printed
    path = ZOO / "p7373-r0016-pdftotext-gbk.txt"
    found, steps = _run(cell_paragraphs._Search, _inputs(path))
    assert len(found) == 1 and steps == 1_968
    report, wrong, silent = read_against_truth(path)
    assert not [cell for cell in wrong if cell.startswith("section3")]
    assert report.value("section3.granted.total") == 176  # (（一）予以公开: 143 30 3 0 0 0 176)
    assert silent == []


def test_a_table_no_placement_reads_is_still_left_after_the_same_steps():
    # 3.其他's 1081 75 | 16969 | 49 0 0 0 1205: （七）总计's 16969 among its values, which no
    # row's run may pass over: no placement splitting three rows or fewer, after 1 092 steps (as
    # before the speed-up; 763 since a row with no second run to start walks one run); the
    # other readers' reading and flags stand
    path = ZOO / "p2929-r0008-pdftotext-utf-8.txt"
    found, steps = _run(cell_paragraphs._Search, _inputs(path))
    assert found == [] and steps == 763
    _, wrong, silent = read_against_truth(path)
    assert wrong and silent == []


def _tokens(values: list[int]) -> list[tuple[int, int, int, int]]:
    """Values each on a line of its own (none side by side), no label before any."""
    return [(value, 10 * i, 10 * i + 1, 2 * i) for i, value in enumerate(values)]


def _counted_from_0(free: tuple[list[int], list[int]]) -> tuple[list[int], list[int]]:
    """A state's free values and the sums of the first j of them (a state's sums may all be more
    by the same amount: only their differences are read)."""
    values, sums = free
    return values, [s - sums[0] for s in sums]


def test_the_free_values_after_a_row_split_in_two_are_those_left():
    # 30 values 0 1 2 3 4 0 1 …; the state's row takes tokens 7 8 9 (its first run) and 15…18
    # (its second): left 10…14 and 19…29, whose values are 0 1 2 3 4 and 4 0 1 2 3 4 0 1 2 3 4
    search = cell_paragraphs._Search(_tokens([i % 5 for i in range(30)]), {}, [False] * 30)
    state = search._free(sum(1 << i for i in range(7)))
    after = _counted_from_0(cell_paragraphs._free_after(state, [15, 8, 16, 9, 17, 7, 18]))  # (in column order)
    assert after[0] == [10, 11, 12, 13, 14] + list(range(19, 30))
    assert after[1] == [0, 0, 1, 3, 6, 10, 14, 14, 15, 17, 20, 24, 24, 25, 27, 30, 34]
    assert after == search._free(sum(1 << i for i in range(10)) | sum(1 << i for i in range(15, 19)))
    # the run near the end: the sums after it kept as they are, less what the run adds up to
    # (tokens 22…25: 2 3 4 0), those before it moved by it; the same differences
    late = _counted_from_0(cell_paragraphs._free_after(state, [22, 8, 23, 9, 24, 7, 25]))
    assert late == search._free(sum(1 << i for i in range(10)) | sum(1 << i for i in range(22, 26)))
    # a row in one run: the next seven
    assert _counted_from_0(cell_paragraphs._free_after(state, list(range(7, 14)))) == search._free((1 << 14) - 1)


def test_the_free_values_made_from_the_state_before_are_the_masks_on_the_fixtures(monkeypatch):
    # every state the search meets on the two slowest inputs: the lists made from the state
    # before are the ones the state's bit mask gives
    checked = []
    rows = cell_paragraphs._Search._rows

    def checking_rows(self, row, used, head, results, split, before=None):
        if before is not None:
            assert _counted_from_0(cell_paragraphs._free_after(*before)) == self._free(used)
            checked.append(row)
        return rows(self, row, used, head, results, split, before)

    monkeypatch.setattr(cell_paragraphs._Search, "_rows", checking_rows)
    for name in ("p7373-r0016-pdftotext-gbk.txt", "p2929-r0008-pdftotext-utf-8.txt"):
        _run(cell_paragraphs._Search, _inputs(ZOO / name))
    assert len(checked) > 100


@pytest.mark.parametrize("t, row_may_be", [
    # 1 1 1 1 1 1 6: adds up to 12, its 总计 6 (half) printed among them: may be its row
    (0, True),
    # 1 1 1 (3, taken) 1 1 1 0: adds up to 6, half 3 printed between its first and last value
    # but not one of them (taken by another row): the long way tells it no row
    (1, False),
    # 1 1 1 1 1 1 0: adds up to 6, no 3 printed from its first value to its last: told at once
    (2, False),
])
def test_a_seven_whose_half_sum_is_not_among_its_values_is_no_row(t, row_may_be):
    values = [1, 1, 1, 1, 1, 1, 6] + [1, 1, 1, 3, 1, 1, 1, 0] + [1, 1, 1, 1, 1, 1, 0] + [0] * 7
    search = cell_paragraphs._Search(_tokens(values), {}, [False] * len(values))
    used = 1 << 10  # (the 3)
    drifts = cell_paragraphs._Drifts(search, 2, used, search._free(used), None, 2)
    assert drifts.clean(t, 0) is row_may_be
    seven = drifts.free[7 * t:7 * t + 7]
    assert cell_paragraphs._seven_may_be(search, 2 + t, tuple(seven), sum(values[i] for i in seven), None,
                                         None) is row_may_be


def test_a_states_second_run_starts_are_the_same_whatever_its_first_run():
    # 20 values of 1 each on a line of its own but 8 (on 7's line), 10 11 12 lines of a 0; words
    # before 8 11 12 15; tokens 0…5 taken: free 6…19. The starts after words are looked at once
    # a state (_flow_starts) and read for each first run's length k as when walked each time
    values = [0 if i in (10, 11, 12) else 1 for i in range(20)]
    tokens = _tokens(values)
    tokens[8] = (1, 81, 82, tokens[7][3])
    after_text = [i in (8, 11, 12, 15) for i in range(20)]
    search = cell_paragraphs._Search(tokens, {}, after_text)
    used = (1 << 6) - 1
    free = search._free(used)
    run_starts: dict = {}
    # k = 4 (6 7 8 9, then 10): 11, a line of zeros right after the first run (its run 11 12 13
    # adds up to 1), not 12 (a line of zeros after one), 15 (15 16 17: 3)
    assert search._run_starts(4, 10, None, used, free, -1, None, run_starts) == [(11, 5, 1), (15, 9, 3)]
    # k = 1 (6, then 7): 8 inside 7's line, 11 12 lines of zeros after one, 15: too few values left
    assert search._run_starts(1, 7, None, used, free, -1, None, run_starts) == []
    # k = 2 (6 7, then 8): 15 16 17 18 19; the same when the state looks at its starts anew
    assert search._run_starts(2, 8, None, used, free, -1, None, run_starts) == [(15, 9, 5)]
    assert search._run_starts(2, 8, None, used, free, -1, None, {}) == [(15, 9, 5)]
    assert (0, None) in run_starts  # (looked at once)


def test_a_state_whose_rows_label_values_cannot_fit_natural_persons_column_is_left_at_once():
    # a table printed row after row, a cell a line, each row's 自然人 cell right after its label:
    # 一 5 0 0 0 0 0 5, 二 all 0, （一） 3 … 3, （二） 2 … 2, the other rows 0, （七）总计 5 … 5,
    # 四 all 0: one placement, the table as printed (as the search before the pruning found)
    table = [[5, 0, 0, 0, 0, 0, 5], [0] * 7, [3, 0, 0, 0, 0, 0, 3], [2, 0, 0, 0, 0, 0, 2]] + [[0] * 7] * 19 \
        + [[5, 0, 0, 0, 0, 0, 5], [0] * 7]
    values = [value for row in table for value in row]
    inputs = (_tokens(values), {_WIDTH * row: frozenset({row}) for row in range(_ROWS - 2)}, [False] * len(values))
    found, _ = _run(cell_paragraphs._Search, inputs)
    assert found == _run(oracle._Search, inputs)[0]
    assert [[[values[i] for i in cells] for cells in placed] for placed in found] == [table]
    # the result rows' label values, each its row's 自然人 cell, add up to 5: after 一 read as
    # 4 0 0 0 0 0 4 (二's 自然人 cell its label value, 0), 一 + 二's 自然人 cell, 4, cannot
    # hold them (四 >= 0): no placement of the rows from 二 on, nor from （一） on; told at once
    search = cell_paragraphs._Search(*inputs)
    zeros = (0,) * _WIDTH
    misread = (4, 0, 0, 0, 0, 0, 4)
    assert search.owns_sum_from[2] == 5 and search.owns_sum_from[3] == 2
    steps = search.steps
    assert search._rows(1, (1 << 7) - 1, misread, zeros, 3) == []
    assert search._rows(2, (1 << 14) - 1, misread, zeros, 3) == []
    # （二） after （一） read as 3 …: 3 + 2 fit 一 + 二's 5, not its 4
    assert search._rows(3, (1 << 21) - 1, misread, (3, 0, 0, 0, 0, 0, 3), 3) == []
    assert search.steps == steps  # (no row walked)
    # the same states walked (the bound set aside): no placement either
    walked = cell_paragraphs._Search(*inputs)
    walked.owns_sum_from = [0] * len(walked.owns_sum_from)
    assert walked._rows(1, (1 << 7) - 1, misread, zeros, 3) == []
    assert walked._rows(2, (1 << 14) - 1, misread, zeros, 3) == []
    assert walked._rows(3, (1 << 21) - 1, misread, (3, 0, 0, 0, 0, 0, 3), 3) == []
    assert walked.steps > 0
    assert walked._rows(2, (1 << 14) - 1, (5, 0, 0, 0, 0, 0, 5), zeros, 0) != []
