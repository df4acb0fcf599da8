"""表三 rows re-cut from runs printed out of step with their labels (core/parse/blocks.py): the
search for cuts stays bounded whatever the values, and what it finds within its bounds is what
it found before them."""
from __future__ import annotations

import random
from pathlib import Path
from typing import Callable

import core.parse.blocks as blocks
from core.parse.tokens import NA, NUM, TEXT, Token
from core.pipeline import load_report

HOSTILE = Path(__file__).resolve().parents[2] / "fixtures" / "hostile"
CONVERTERS = Path(__file__).resolve().parents[2] / "fixtures" / "converters"


def _tokens(rows: list[list]) -> list[Token]:
    return [Token(NA, "/", 0, 0, 0) if x == "/" else Token(NUM, str(x), 0, 0, 0, x) for row in rows for x in row]


def _weighing(monkeypatch) -> list[int]:
    """The candidate cuts each search of the parse weighs (what it takes off its budget)."""
    weighed: list[int] = []
    search = blocks._cut_readings

    def counted(values, width, typos, budget, *shared):
        before = budget[0]
        found = search(values, width, typos, budget, *shared)
        weighed.append(before - budget[0])
        return found

    monkeypatch.setattr(blocks, "_cut_readings", counted)
    return weighed


def test_a_table_of_zeros_and_placeholders_out_of_step_is_settled_without_weighing_its_cuts(monkeypatch):
    # a byte-level mutant of a pdftotext (raw) report: 表三 prints only 0 and "/" (which count 0),
    # 132 values under one label. Every way of cutting the runs adds up, so each run has more
    # cuts than are weighed (too open): once 933 264 candidates (4 s); a lower bound proves it
    weighed = _weighing(monkeypatch)
    report = load_report(HOSTILE / "mutant-642-r0002-pdftotext-raw-gbk.txt")
    assert weighed, "the runs are searched"
    assert sum(weighed) <= blocks._MAX_READINGS
    # the rows stay as read, each flagged for the count it printed
    parse_flags = {f.cell: f.message for f in report.flags if f.kind == "parse"}
    assert parse_flags["section3.granted"] == "「（一）予以公开」行印有6个数值，模板为7列，请对照原文核对"
    assert parse_flags["section3.unable_need_creation"] == "「2.没有现成信息需要另行制作」行印有132个数值，模板为7列，请对照原文核对"


def test_cuts_that_read_alike_in_many_ways_stop_at_the_budget():
    # 17 rows of 0 then 6 rows "/ 0 0 0 0 0 0": under 4 096 distinct cuts (no bound proves too
    # many), but the 0 rows cut alike in so many ways that the search weighs 885 230 candidates
    values = _tokens([[0] * 7] * 17 + [["/", 0, 0, 0, 0, 0, 0]] * 6)
    budget = [blocks._MAX_VISITS]
    assert blocks._cuts(values, 7, 0, budget) is None
    # (it stops at the step that passes the budget: one memoised rest of the cut at most)
    assert -budget[0] <= blocks._MAX_READINGS + 1
    assert blocks._cuts(values, 7, 1, budget) is None  # the table's budget is spent
    assert budget[0] < 0


def test_the_lower_bound_of_the_cuts_is_never_above_the_cuts_found():
    # rows of width 3 (two values and their total) from 0, 1, 2 and "/", so that many rows add up
    # in several layouts: the bound that declares a run too open without searching it must never
    # exceed what the full search finds
    rng = random.Random(5)
    checked = 0
    for _ in range(400):
        rows = [[rng.choice([0, 0, 1, 2, "/"]) for _ in range(3)] for _ in range(rng.randrange(1, 7))]
        values = _tokens(rows)
        cuts = blocks._cuts(values, 3, 0, [10 ** 9])
        if cuts is not None:
            assert blocks._fewest_cuts(values, 3) <= len(cuts), rows
            checked += 1
    assert checked > 300


def test_a_run_with_one_cut_is_read_as_before():
    # two rows of 表三's width printed column by column (each column's two values one after the
    # other): the one cut in which both rows add up
    rows = [[1, 2, 0, 0, 0, 0, 3], [4, 0, 5, 0, 0, 0, 9]]
    printed = _tokens([[rows[r][c] for c in range(7) for r in range(2)]])
    budget = [blocks._MAX_VISITS]
    cuts = blocks._cuts(printed, 7, 0, budget)
    assert [[[t.value for t in row] for row in cut] for cut in cuts] == [rows]
    assert 0 < blocks._MAX_VISITS - budget[0] < 10


def test_runs_of_zeros_repeated_by_a_mutation_stop_at_the_tables_budget(monkeypatch):
    # a byte-level mutant of a dev-zoo pdfplumber report: 表三's lines of 0 and "—" repeated and
    # spliced (「2.重复申请」 runs into a copy of 「（一）予以公开」's lines), so that runs of 56 to
    # 133 values follow rows printed short. Each run is too open (over 4 096 distinct cuts, all
    # alike), which the lower bound cannot prove: once 600-1 300 ms; unbounded, 25 759 candidates
    weighed = _weighing(monkeypatch)
    report = load_report(HOSTILE / "mutant-677-r0035-pdfplumber.txt")
    assert weighed, "the runs are searched"
    # the table's budget, passed by one memoised rest of a cut at most, then nothing more
    assert sum(weighed) <= blocks._MAX_VISITS + blocks._MAX_READINGS
    assert weighed[1:] == [0] * (len(weighed) - 1)
    # the rows stay as read, each flagged for the count it printed (line 37: "（一）予以公开 0 — —")
    parse_flags = {f.cell: f.message for f in report.flags if f.kind == "parse"}
    assert parse_flags["section3.granted"] == "「（一）予以公开」行印有3个数值，模板为7列，请对照原文核对"


def _every_cut(values: list[Token], width: int, typos: int) -> list[tuple]:
    """Every cut of `values` into blocks of rows (as _block_variants prints them) in which all
    rows but `typos` add up, each as the values it reads row by row: the search without memo."""
    def adds_up(row):
        numbers = [0 if t.kind == NA else t.value for t in row]
        return sum(numbers[:-1]) == numbers[-1]

    rows = len(values) // width
    out = []

    def walk(row, left, read):
        if row == rows:
            out.append(tuple(read))
            return
        for size in range(1, min(blocks._MAX_BLOCK, rows - row) + 1):
            for block in blocks._block_variants(values[row * width:(row + size) * width], size, width):
                fails = sum(not adds_up(r) for r in block)
                if fails <= left:
                    walk(row + size, left - fails,
                         read + [t.value if t.kind == NUM else t.text for r in block for t in r])

    walk(0, typos, [])
    return out


def test_the_cuts_found_are_every_distinct_cut_once_in_the_order_first_found():
    # rows of width 3 from 0, 1, 2 and "/" (many cuts, many reading alike): the memoised search
    # keeps one cut per distinct reading, the first the plain walk finds, in that order, with or
    # without a typo allowed
    rng = random.Random(11)
    checked = 0
    for _ in range(300):
        rows = [[rng.choice([0, 0, 1, 2, "/"]) for _ in range(3)] for _ in range(rng.randrange(1, 6))]
        values = _tokens(rows)
        for typos in (0, 1):
            cuts = blocks._cuts(values, 3, typos, [10 ** 9])
            if cuts is None:
                continue
            read = [tuple(t.value if t.kind == NUM else t.text for row in cut for t in row) for cut in cuts]
            assert read == list(dict.fromkeys(_every_cut(values, 3, typos))), rows
            checked += 1
    assert checked > 400


def test_a_run_whose_lone_values_need_more_typos_than_allowed_has_no_cut_and_costs_nothing():
    # width 3, nine rows: a 1 first and a 2 last, 0s between. The two are 26 values apart, more
    # than one block of _MAX_BLOCK rows spans (24), so each sits in a row of 0s but itself, which
    # does not add up whatever cell it takes: every cut has two rows not adding up
    values = _tokens([[1, 0, 0]] + [[0, 0, 0]] * 7 + [[0, 0, 2]])
    assert blocks._fewest_failing(values, 3) == 2
    for typos in (0, 1):
        budget = [blocks._MAX_VISITS]
        assert blocks._cuts(values, 3, typos, budget) == []
        assert budget == [blocks._MAX_VISITS]
    # with two typos allowed the cuts are searched (the rows as printed are one)
    assert blocks._cuts(values, 3, 2, [blocks._MAX_VISITS])
    # a value that is no number nor placeholder counts as a 0 (it is in no block: no cut at all,
    # and the search finds none): the 1 alone is lone
    texted = values[:-1] + [Token(TEXT, "合计", 0, 0, 0)]
    assert blocks._fewest_failing(texted, 3) == 1
    assert blocks._cuts(texted, 3, 1, [blocks._MAX_VISITS]) == []
    # within one block's reach the two may share a row (1 0 1, 2 0 2): no bound
    assert blocks._fewest_failing(_tokens([[1, 0, 0]] + [[0, 0, 0]] * 6 + [[0, 0, 2]]), 3) == 0


def _cuts_and_budget(values, width: int, typos: int, shared, **replaced):
    """The cuts blocks._cuts finds and the budget it leaves, with blocks' functions named in
    `replaced` set aside for the ones given (a shortcut set aside: the plain search)."""
    kept = {name: getattr(blocks, name) for name in replaced}
    try:
        for name, function in replaced.items():
            setattr(blocks, name, function)
        budget = [blocks._MAX_VISITS]
        cuts = blocks._cuts(values, width, typos, budget, None if shared is None else {})
    finally:
        for name, function in kept.items():
            setattr(blocks, name, function)
    return cuts, budget


def test_the_lone_values_bound_changes_no_search_but_its_work():
    # sparse runs of width 2-4 (mostly 0s, some 1-3 and "/"): each search finds the same cuts and
    # takes the same off the budget (or is too open alike) as the search without the bound
    rng = random.Random(3)
    bound, pruned = blocks._fewest_failing, 0
    for _ in range(150):
        width = rng.choice([2, 3, 4])
        rows = [[rng.choice([0] * 12 + [1, 2, 3, "/"]) for _ in range(width)] for _ in range(rng.randrange(1, 14))]
        values = _tokens(rows)
        for typos in (0, 1):
            for shared in (None, {}):
                pruned += bound(values, width) > typos
                assert _cuts_and_budget(values, width, typos, shared) == \
                    _cuts_and_budget(values, width, typos, shared, _fewest_failing=lambda values, width: 0), rows
    assert pruned > 20


def _rows_adding_up(rng: random.Random, parts_from: list, spoil: Callable[[list], object]) -> tuple[int, list[list]]:
    """A width of 2-4 and 1-11 rows of it: each row's parts drawn from `parts_from`, its 总计 (last)
    their sum ("/" adds nothing), then `spoil`ed (given the row, as it likes)."""
    width = rng.choice([2, 3, 4])
    rows = []
    for _ in range(rng.randrange(1, 12)):
        row = [rng.choice(parts_from) for _ in range(width - 1)]
        row.append(sum(p for p in row if p != "/"))
        spoil(row)
        rows.append(row)
    return width, rows


def test_values_of_an_odd_sum_have_no_cut_without_a_typo():
    # rows adding up sum to twice their 总计s, so whole counts of an odd sum have no cut in which
    # every row adds up: told before any block is laid out, with the same cuts and budget as the
    # search (none and nothing taken off; with a typo allowed, the search as before)
    rng = random.Random(11)
    settled = 0

    def total_one_over(row: list) -> None:  # (some rows: their 总计 one over their parts' sum)
        row[-1] += rng.random() < 0.15

    for _ in range(200):
        width, rows = _rows_adding_up(rng, [0, 0, 1, 2, 3, "/"], total_one_over)
        values = _tokens(rows)
        for typos in (0, 1):
            for shared in (None, {}):
                settled += typos == 0 and blocks._odd_sum(values, width, None, ())
                assert _cuts_and_budget(values, width, typos, shared) == \
                    _cuts_and_budget(values, width, typos, shared, _odd_sum=lambda values, width, shared, row_keys: False), rows
    assert settled > 30


def _counting_blocks(monkeypatch) -> list[int]:
    """How many blocks of rows the searches lay out (each block's layouts are got once)."""
    laid_out = [0]
    getters = blocks._variant_getters

    def counted(rows, width):
        laid_out[0] += 1
        return getters(rows, width)
    monkeypatch.setattr(blocks, "_variant_getters", counted)
    return laid_out


def test_a_run_whose_last_row_reads_no_way_is_settled_from_its_end(monkeypatch):
    # width 3: eleven rows 1 1 2, then 0 5 0, which adds up neither as printed nor with its 总计
    # first, nor in any block with the rows above (each such block sums to an odd number, and
    # rows adding up sum to twice their 总计s). Read from the first row on, the search laid out
    # every block of up to _MAX_BLOCK rows from each of the eleven rows (68) before finding that
    # none reaches the end. Now the first row's first block is laid out (it reads: the search
    # goes on), then from the end back the 8 blocks ending with the last row say so (the values'
    # odd sum, which settles it before any block, set aside)
    laid_out = _counting_blocks(monkeypatch)
    values = _tokens([[1, 1, 2]] * 11 + [[0, 5, 0]])
    budget = [blocks._MAX_VISITS]
    assert blocks._cuts(values, 3, 0, budget) == []
    assert laid_out == [0]
    monkeypatch.setattr(blocks, "_odd_sum", lambda values, width, shared, row_keys: False)
    assert blocks._cuts(values, 3, 0, budget) == []
    assert laid_out == [1 + 8]
    assert budget == [blocks._MAX_VISITS]  # (a search finding no cut weighs none)
    # with a typo allowed three cuts (the 1 1 2 rows read alike however they are blocked): the
    # last row as printed or with its 总计 first (5 0 0), or the last three rows printed column by
    # column, their first column last (0 1 1, 5 1 1, 0 2 2); every block laid out once
    laid_out[0] = 0
    cuts = blocks._cuts(values, 3, 1, [blocks._MAX_VISITS])
    assert len(cuts) == len(set(_every_cut(values, 3, 1))) == 3
    assert laid_out == [68]


def test_a_search_settled_from_its_end_finds_what_the_search_from_the_first_row_finds():
    # runs of width 2-4 that mostly add up, a row in several spoiled: every search finds the
    # cuts the plain walk finds, in its order, and one finding none takes nothing off the budget
    rng = random.Random(7)
    empty = 0

    def a_cell_spoiled(row: list) -> None:  # (some rows: a cell, any, replaced by 1 or 3)
        if rng.random() < 0.2:
            row[rng.randrange(len(row))] = rng.choice([1, 3])

    for _ in range(200):
        width, rows = _rows_adding_up(rng, [0, 0, 0, 1, 2, "/"], a_cell_spoiled)
        values = _tokens(rows)
        for typos in (0, 1):
            for shared in (None, {}):
                budget = [blocks._MAX_VISITS]
                cuts = blocks._cuts(values, width, typos, budget, shared)
                if cuts is None:
                    continue
                read = [tuple(t.value if t.kind == NUM else t.text for row in cut for t in row) for cut in cuts]
                assert read == list(dict.fromkeys(_every_cut(values, width, typos))), rows
                if not cuts:
                    empty += 1
                    assert budget == [blocks._MAX_VISITS]
    assert empty > 100


def _count_out_of_place_work(monkeypatch) -> dict[str, int]:
    work = {"blocks": 0, "completions": 0, "sums": 0}
    for name, kind in (("_block_variants", "blocks"), ("tokens_add_up", "sums")):
        def counted(*args, _original=getattr(blocks, name), _kind=kind):
            work[_kind] += 1
            return _original(*args)
        monkeypatch.setattr(blocks, name, counted)

    def completer(row, _original=blocks._completer):  # (a short row completed by a value: counted)
        complete = _original(row)

        def counted(value):
            work["completions"] += 1
            return complete(value)
        return counted
    monkeypatch.setattr(blocks, "_completer", completer)
    return work


def test_cells_printed_out_of_place_are_searched_without_building_the_same_rows_again(monkeypatch):
    # plain pdftotext of a 2021 report (zoo seed 501, r0020): 表三's last rows, from 「7.属于行政
    # 执法案卷」 on (five labels not found, 44 values under 「1.本机关不掌握相关政府信息」), print
    # two values more than rows × 7, and 「1.属于国家秘密」 and 「2.其他法律行政法规禁止公开」 six
    # values each. Every pair of the run's 107 values that completes those two rows is tried
    # (over 1 500 choices), and no way of putting them back reads the run: each choice once
    # rebuilt the same rows (13 905 blocks laid out, 9 945 rows completed, 77 527 rows summed).
    # (the search now gives up on so many ways as too open: lifted here to weigh them all)
    monkeypatch.setattr(blocks, "_MAX_OUT_OF_PLACE", 10 ** 6)
    work = _count_out_of_place_work(monkeypatch)
    report = load_report(CONVERTERS / "zoo501-r0020.pdftotext.txt")
    # each of the 2 short rows is completed by each of the 107 values at most once
    assert 0 < work["completions"] <= 2 * 107
    # a block of the same values is laid out once, whichever choice's rows it starts
    assert 0 < work["blocks"] <= 1500
    assert 0 < work["sums"] <= 10000
    # the run is left as read, each row flagged for what it printed
    parse_flags = {f.cell: f.message for f in report.flags if f.kind == "parse"}
    assert parse_flags["section3.denied_state_secret"] == "「1.属于国家秘密」行印有6个数值，模板为7列，请对照原文核对"
    assert parse_flags["section3.unable_not_held"] == "「1.本机关不掌握相关政府信息」行印有44个数值，模板为7列，请对照原文核对"


def test_over_64_ways_of_putting_cells_back_are_too_open_to_weigh(monkeypatch):
    # the same r0020: its 1 545 ways of putting two values back into the short rows above the run
    # are more than any run read in the zoos (7 at most): no cut of the run is weighed at all
    work = _count_out_of_place_work(monkeypatch)
    report = load_report(CONVERTERS / "zoo501-r0020.pdftotext.txt")
    assert work["blocks"] == 0  # (no run of rows laid out; 930 when every way is weighed)
    assert 0 < work["completions"] <= 2 * 107
    # and the user sees what the whole search left: the run as read, its rows flagged
    parse_flags = {f.cell: f.message for f in report.flags if f.kind == "parse"}
    assert parse_flags["section3.denied_state_secret"] == "「1.属于国家秘密」行印有6个数值，模板为7列，请对照原文核对"
    assert parse_flags["section3.unable_not_held"] == "「1.本机关不掌握相关政府信息」行印有44个数值，模板为7列，请对照原文核对"


def _plain_late_tails(tail, late, rows, width, typos, budget):
    """_late_tails written plainly: every placement of every count of late cells in every row
    tried in turn and taken off the budget, each row weighed as built, nothing remembered."""
    from itertools import permutations

    def walk(row, printed, taken, fails):
        if row == rows:
            return [[]] if taken == len(late) and printed == len(tail) else []
        found = []
        for count in range(1 if row == 0 else 0, min(len(late) - taken, width) + 1):
            for columns in permutations(range(width), count):
                budget[0] -= 1
                if budget[0] < 0:
                    raise blocks._TooOpen
                cells = [None] * width
                for column, token in zip(columns, late[taken:taken + count]):
                    cells[column] = token
                own = iter(tail[printed:printed + width - count])
                cells = [t if t is not None else next(own, None) for t in cells]
                failing = fails + (None in cells or not blocks.tokens_add_up(cells))
                if None not in cells and failing <= typos:
                    found += [[cells] + rest for rest in walk(row + 1, printed + width - count, taken + count, failing)]
        return found

    first: dict[tuple, list] = {}  # each distinct reading once, where first found
    for block in walk(0, 0, 0, 0):
        first.setdefault(blocks._reading(block), block)
    return list(first.values())


def test_cells_printed_late_are_placed_as_trying_every_placement_in_turn():
    # rows of width 2-4 (most adding up, some with a placeholder, a fraction or a typo), 1-3 of
    # their cells printed after the others: the search, which weighs a row by the cell it puts
    # last and reads the rows below a place once, finds the same readings in the same order,
    # takes the same off the budget and gives up (too open) on the same budgets
    rng = random.Random(8)
    outcomes = set()
    for _ in range(1500):
        width, rows = rng.randint(2, 4), rng.randint(1, 3)
        values = []
        for _ in range(rows):
            parts = [rng.choice([0, 1, 2, 3, "/", 0.5]) for _ in range(width - 1)]
            total = sum(0 if p == "/" else p for p in parts) + (rng.random() < 0.2)
            values += parts + [total]
        tokens = _tokens([values])
        out = sorted(rng.sample(range(len(tokens)), rng.randint(1, min(3, len(tokens)))))
        late = [tokens[i] for i in out]
        tail = [t for i, t in enumerate(tokens) if i not in out]
        typos, budget = rng.choice([0, 1]), rng.choice([10 ** 6, rng.randint(0, 200)])
        answers = []
        for search in (blocks._late_tails, _plain_late_tails):
            left = [budget]
            try:
                answers.append(([blocks._reading(block) for block in search(tail, late, rows, width, typos, left)],
                                left[0]))
            except blocks._TooOpen:
                answers.append("too open")
        assert answers[0] == answers[1], (values, out, typos, budget)
        outcomes.add("too open" if answers[0] == "too open" else bool(answers[0][0]))
        # searched only for whether there is a reading (none built): the same verdict, the same
        # taken off the budget, too open alike
        left = [budget]
        try:
            some = blocks._late_tails(tail, late, rows, width, typos, left, read=False)
            assert answers[0] != "too open" and (bool(some), left[0]) == (bool(answers[0][0]), answers[0][1])
        except blocks._TooOpen:
            assert answers[0] == "too open"
    assert outcomes == {"too open", True, False}


def test_searches_sharing_their_last_rows_find_and_weigh_what_each_finds_alone():
    # _out_of_place_cut searches the run once per value taken out of it (a short row's, printed
    # inside the run): those searches share their last rows and what is read below them. Shared,
    # each search must find the same cuts in the same order, and take the same off the table's
    # budget (or give up alike: too open), as searched alone.
    rng = random.Random(5)
    compared = gave_up = 0
    for _ in range(150):
        printed = _tokens([[rng.choice([0, 0, 1, 2, "/"]) for _ in range(3)] for _ in range(rng.randrange(2, 7))])
        printed += _tokens([[rng.choice([0, 1, 2])]])  # one value more than whole rows: one is taken out
        table_budget = rng.choice([40, 400, 10 ** 9])
        budget_shared, budget_alone = [table_budget], [table_budget]
        shared: dict = {}
        for taken in range(len(printed)):
            rest = printed[:taken] + printed[taken + 1:]
            for typos in (0, 1):
                alone = blocks._cuts(rest, 3, typos, budget_alone)
                found = blocks._cuts(rest, 3, typos, budget_shared, shared)
                if alone is None:
                    assert found is None
                    gave_up += 1
                else:
                    assert [[list(map(id, row)) for row in cut] for cut in found] == \
                        [[list(map(id, row)) for row in cut] for cut in alone]
                    compared += 1
                if budget_alone[0] >= 0:
                    assert budget_shared[0] == budget_alone[0]
                else:  # (a search past the budget stops where it passes it: below 0 is all that counts)
                    assert budget_shared[0] < 0
    assert compared > 500 and gave_up > 10


def test_a_short_row_completed_by_each_value_reads_as_completing_it_one_value_at_a_time():
    # a short row's numbers summed once for all the values put back into it (_completer) make
    # the same rows, in the same order, as _completions of each value: with placeholders,
    # fractions, a value completing it as a part or as its 总计, or both (a 0 among zeros)
    rng = random.Random(11)
    for _ in range(2000):
        width = rng.randint(1, 5)
        row = _tokens([[rng.choice([0, 0, 1, 2, 3, "/", 0.5]) for _ in range(width)]])
        complete = blocks._completer(row)
        for value in _tokens([[0, 1, 2, 3, 4, 5, 6, "/", 0.5, 1.5]]):
            assert [blocks._reading([r]) for r in complete(value)] == \
                [blocks._reading([r]) for r in blocks._completions(row, value)], (row, value)


def _plain_choices(values: list[Token], short: list[list[Token]], any_order: bool) -> list[tuple]:
    """_out_of_place_cut's choices written plainly (as before they were sped up): every value
    from `start` on scanned at each value taken, the second of two values alike passed over but
    where the scan starts; each choice as what its ways and its rest read."""
    from itertools import permutations
    read = blocks._reading([values])
    choices, seen = [], set()

    def choose(start, taken):
        if len(taken) == len(short):
            around = list(zip([-1] + taken, taken + [len(values)]))
            key = tuple(read[i] for i in taken) + sum((read[a + 1:b] for a, b in around), ())
            if key in seen:
                return
            seen.add(key)
            rest = [t for a, b in around for t in values[a + 1:b]]
            ways = []
            for order in (permutations(taken) if any_order else (tuple(taken),)):
                if any_order and order == tuple(taken):
                    continue
                way = [([], ())]
                for row, i in enumerate(order):
                    way = [(w + [c], at + ((i, next(k for k, t in enumerate(c) if t is values[i])),))
                           for w, at in way for c in blocks._completions(short[row], values[i])]
                ways += [w for w, at in way if not any_order or blocks._by_column(at)]
            if ways:
                choices.append(([blocks._reading(w) for w in ways], blocks._reading([rest])))
            return
        for i in range(start, min(start + 1, len(values)) if any_order and taken else len(values)):
            if len(choices) > blocks._MAX_OUT_OF_PLACE:
                return
            if i > start and read[i - 1] == read[i]:
                continue
            if values[i].kind in (NUM, NA) and any(blocks._completions(short[row], values[i]) for row in
                                                   (range(len(short)) if any_order else (len(taken),))):
                choose(i + 1, taken + [i])

    choose(0, [])
    return choices


def test_the_values_put_back_into_short_rows_are_chosen_as_scanning_every_value_at_each_step(monkeypatch):
    # choose takes only the values that complete a short row, found once (not every value
    # scanned again at each value taken): the same choices, in the same order, as the plain
    # scan, with values alike side by side (zeros), placeholders and one to three short rows
    rng = random.Random(14)
    weighed: list[list[tuple]] = []

    def weigh(run, values, choices, *args, **kwargs):
        weighed.append([([blocks._reading(w) for w in ways], blocks._reading([rest])) for ways, rest in choices])
        return None

    monkeypatch.setattr(blocks, "_weigh_choices", weigh)
    compared = 0
    for _ in range(300):
        width = rng.randint(2, 4)
        short = [_tokens([[rng.choice([0, 0, 1, 2, 3, "/"]) for _ in range(width - 1)]]) for _ in range(rng.randint(1, 3))]
        values = _tokens([[rng.choice([0, 0, 0, 1, 2, 3, 5, "/"]) for _ in range(rng.randint(4, 24))]])
        weighed.clear()
        blocks._out_of_place_cut(["k"] * len(short), values, width, None, [0], short, False)
        expected = []
        for any_order in (False, True) if len(short) > 1 else (False,):
            plain = _plain_choices(values, short, any_order)
            if any_order and not plain:
                break
            if len(plain) > blocks._MAX_OUT_OF_PLACE:
                break
            if plain:
                expected.append(plain)
        assert weighed == expected, (short, values)
        compared += sum(map(len, expected))
    assert compared > 300


def test_a_choice_whose_values_left_cut_no_way_changes_no_verdict():
    # _weigh_choices passes over the ways of a choice whose values left read no cut (their rows
    # are never read): the verdict is the one weighing only the choices that read some.
    short = _tokens([[1, 2]])  # a row printed one value short (its 总计, 3, is in the run)
    run = _tokens([[1, 1, 2], [3], [2, 2, 4]])
    reads = ([[short + [run[3]]]], run[:3] + run[4:])  # the 3 taken: the rest reads 1 1 2 | 2 2 4
    reads_not = ([[short + [run[2]]]], run[:2] + run[3:])  # the 2 taken: 1 1 3 adds up no way
    assert blocks._cuts(reads_not[1], 3, 0, [10 ** 9]) == []

    def weigh(choices):
        return blocks._weigh_choices(["a", "b", "c"], run, choices, 3, lambda *_: 0, [10 ** 9], False, None,
                                     (0,))
    found = weigh([reads_not, reads])
    assert found is not None and found == weigh([reads])
    assert [[t.value for t in row] for row in found[1]] == [[1, 2, 3], [1, 1, 2], [2, 2, 4]]


def test_the_runs_values_with_a_value_taken_out_further_down_are_settled_from_their_first_rows(monkeypatch):
    # width 3: a row 1 1 2, then rows 3 5 11 and 13 17 37 (neither adds up in any layout, alone
    # or blocked with its neighbours), then 14 rows of zeros and one value more. _out_of_place_cut
    # searches the run once for each value it takes out (a short row's, printed inside the run):
    # with a typo allowed, every search finds no cut (the two rows need two), and the last rows
    # read, so looking from the end back says nothing. Looked at from the first row on, the
    # blocks reach no row past the third, whatever follows: the first search says so, and the
    # searches with a value taken out further down, their first rows alike, lay out no block.
    printed = _tokens([[1, 1, 2], [3, 5, 11], [13, 17, 37]] + [[0, 0, 0]] * 14 + [[0]])
    laid_out = _counting_blocks(monkeypatch)
    shared: dict = {}
    budget = [blocks._MAX_VISITS]
    # (the rows the first search looked at from the first on: to the third, and the blocks of up
    # to _MAX_BLOCK rows from it; the value taken out after them)
    first_rows = (2 + blocks._MAX_BLOCK) * 3
    assert blocks._cuts(printed[:first_rows] + printed[first_rows + 1:], 3, 1, budget, shared) == []
    assert laid_out[0] > 0
    laid_out[0] = 0
    for taken in range(first_rows + 1, len(printed)):
        rest = printed[:taken] + printed[taken + 1:]
        assert blocks._cuts(rest, 3, 1, budget, shared) == [] == _every_cut(rest, 3, 1)
    assert laid_out == [0]
    assert budget == [blocks._MAX_VISITS]


def test_searches_of_long_runs_sharing_their_first_or_last_rows_find_and_weigh_what_each_finds_alone():
    # as above, for runs of 9-24 rows (what each look from the first row on or the last back
    # says is kept for the values beginning or ending with the rows it met, once it met fewer
    # than all): each value of the run taken out in turn, and the values without their last one
    # to three rows (_late_readings' heads), searched sharing what is kept and alone find the
    # same cuts in the same order and take the same off the budget
    rng = random.Random(23)
    compared = settled = 0
    settles = blocks._looked_on, blocks._looked_back

    def counted(look):
        def settling(*args):
            nonlocal settled
            said = look(*args)
            settled += said is False
            return said
        return settling

    for name, look in zip(("_looked_on", "_looked_back"), settles):
        setattr(blocks, name, counted(look))
    try:
        for _ in range(40):
            rows = []
            for _ in range(rng.randrange(9, 25)):
                row = [rng.choice([0, 0, 0, 1, 2, "/"]) for _ in range(2)]
                row.append(sum(p for p in row if p != "/"))
                if rng.random() < 0.15:
                    row[rng.randrange(3)] = rng.choice([1, 3, 5])
                rows.append(row)
            printed = _tokens(rows + [[rng.choice([0, 1, 2])]])
            budget_shared, budget_alone = [10 ** 9], [10 ** 9]
            shared: dict = {}
            for taken in range(len(printed)):
                rest = printed[:taken] + printed[taken + 1:]
                for cut_off in (0, 1, 3):
                    head = rest[:len(rest) - 3 * cut_off]
                    for typos in (0, 1):
                        alone = blocks._cuts(head, 3, typos, budget_alone)
                        found = blocks._cuts(head, 3, typos, budget_shared, shared)
                        assert (alone is None) == (found is None)
                        if alone is not None:
                            assert [[list(map(id, row)) for row in cut] for cut in found] == \
                                [[list(map(id, row)) for row in cut] for cut in alone]
                            compared += 1
                        assert budget_shared[0] == budget_alone[0]
    finally:
        blocks._looked_on, blocks._looked_back = settles
    assert compared > 5000 and settled > 500
