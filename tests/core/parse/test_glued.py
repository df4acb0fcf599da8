"""Cutting glued runs of digits (core/parse/glued.py): the tests that rule a cut out are sound (never
rule out one that adds up) and keep the search small on runs built to defeat them."""
from __future__ import annotations

import random

from hypothesis import given, settings, strategies as st

import core.parse.glued as glued
from core.parse.glued_tables import _readings, _row_sum


def test_the_last_digits_test_never_rules_out_a_cut_that_adds_up():
    # every cut of short runs into 3 to 5 numbers (no leading zeros): the sum's last digit is
    # always among those _last_digit_sums allows, zeros and repeated digits included
    rng = random.Random(3)
    runs = ["999999", "1000001", "909090", "5555555", "10203", "7" * 9]
    runs += ["".join(rng.choice("0123456789") for _ in range(rng.randrange(3, 10))) for _ in range(200)]
    for digits in runs:
        for count in range(3, 6):
            if count > len(digits):
                continue
            allowed = glued._last_digit_sums(digits, count)
            for parts in glued._parts(digits, count):
                assert allowed >> (sum(parts) % 10) & 1, (digits, parts)
            # and the cuts found are those that add up, as a plain search finds them
            for target in {sum(p) for p in glued._parts(digits, count)} | {7, 100}:
                want = sorted(tuple(p) for p in glued._parts(digits, count) if sum(p) == target)
                if len(want) <= 50:  # (beyond, _adding_to stops: hopelessly ambiguous)
                    assert sorted(glued._adding_to(digits, count, target)) == want, (digits, count, target)


def test_a_glued_row_is_cut_every_way_that_adds_up_and_no_other():
    # split_summed skips the 总计 lengths no cut can fill (longer than its parts, or than their sum
    # can reach): the readings it gives are those a plain search through every cut finds
    rng = random.Random(11)
    runs = [("30015306", 1, 4), ("1000001", 1, 7), ("999918", 1, 3), ("0000000", 1, 7), ("5611124", 2, 3)]
    for _ in range(150):
        groups, size = rng.choice([(1, 3), (1, 4), (1, 5), (2, 3)])
        parts = []
        for _ in range(groups):
            group = [rng.choice([0, rng.randrange(1, 10), rng.randrange(10, 300)]) for _ in range(size - 1)]
            parts += group + [sum(group)]
        runs.append(("".join(map(str, parts)), groups, size))
    for digits, groups, size in runs:
        want = sorted(p for p in glued._parts(digits, groups * size)
                      if all(sum(p[g * size:(g + 1) * size - 1]) == p[(g + 1) * size - 1] for g in range(groups)))
        if len(want) <= 50:  # (beyond, _adding_to stops: hopelessly ambiguous)
            assert sorted(glued.split_summed(digits, groups, size)) == want, (digits, groups, size)


def test_a_run_of_nines_is_weighed_in_few_steps():
    # a fuzzed docx2txt export glued 59 nines into a 表三 row: casting out nines lets every cut
    # of 9s through, and whether the row can end adding up once weighed 13 892 sub-searches
    # (0.8 s for the report); the parts' last digits (each a 9) rule out most targets at once
    glued._adding_to.cache_clear()
    glued.completes.cache_clear()
    assert glued.completes("9" * 59, 6, 9) is False  # 9s only: no 总计 is the others plus 9
    assert glued._adding_to.cache_info().misses < 1000
    assert glued.completes("9" * 12, 3, 0) is True  # 999999 and its 总计 999999


def test_a_glued_number_with_a_thousands_separator_may_begin_with_the_cell_before():
    # docx2txt, 2019 行政许可 "62+215,592" (62 | +21 | 5,592): "215,592" is one number, or "2" and
    # "15,592", or "21" and "5,592"; three columns leave the last two
    readings = glued.t2_readings("62+215,592", ["count", "signed", "count"])
    assert sorted([value for value, _, _ in r] for r in readings) == [[62, 2, 15592], [62, 21, 5592]]


def _open_rows(count: int, readings: list[float], total: float):
    """`count` one-cell rows, each read any of `readings`, that must add up to `total`."""
    from core.equations import Equation
    paths = {f"r{n}": [f"t.r{n}"] for n in range(count)}
    rows = {key: [[v] for v in readings] for key in paths}
    eq = Equation("T", tuple(p for cells in paths.values() for p in cells), ("t.total",), "column")
    return rows, paths, [eq], {"t.total": total}


def test_rows_too_open_to_list_every_choice_are_not_said_to_break_the_sums():
    # 8 rows of 0, 1 or 2 adding up to 8: over a thousand choices make the sum hold. The search
    # gives up (more than _MAX_SOLUTIONS of them), and that must not read as "no choice holds",
    # which sends the parser looking for a typo in a table whose sums can all hold
    rows, paths, eqs, values = _open_rows(8, [0, 1, 2], 8)
    found = glued.jointly_possible(rows, paths, eqs, values)
    assert found is not None
    assert found is glued.SOME_HOLD


def test_a_search_that_gives_up_before_any_choice_holds_says_so(monkeypatch):
    monkeypatch.setattr(glued, "MAX_JOINT_STEPS", 2)
    rows, paths, eqs, values = _open_rows(3, [1, 3], 9)
    assert glued.jointly_possible(rows, paths, eqs, values) is glued.NONE_FOUND


def test_the_joint_search_still_says_when_no_choice_holds_and_which_readings_do():
    rows, paths, eqs, values = _open_rows(3, [1, 2], 7)  # at most 2 + 2 + 2
    assert glued.jointly_possible(rows, paths, eqs, values) is None
    rows, paths, eqs, values = _open_rows(3, [1, 3], 9)  # only 3 + 3 + 3
    assert glued.jointly_possible(rows, paths, eqs, values) == {"r0": [1], "r1": [1], "r2": [1]}



def _plain_joint(rows, paths, eqs, values):
    """jointly_possible written plainly: each reading of each row (rows in the order the search
    walks them, glued._closing_order, tested apart below) tried in turn, a partial choice cut off
    once an equation through the row just chosen can no longer hold with the rows not chosen yet
    at their lowest and highest values; the same limits."""
    order = glued._closing_order(rows, paths, eqs, values)
    cells = {p: (key, i) for key in order for i, p in enumerate(paths[key])}
    live = [eq for eq in eqs if any(p in cells for p in eq.cells)
            and all(p in cells or values.get(p) is not None for p in eq.cells)]
    chosen: dict[str, int] = {}
    found: list[tuple[int, ...]] = []
    counts = {"steps": 0, "tried": 0}

    def over() -> bool:
        return (counts["steps"] > glued.MAX_JOINT_STEPS or counts["tried"] > glued._MAX_JOINT_MOVES
                or len(found) > glued._MAX_SOLUTIONS)

    def side_bounds(side) -> tuple[int, int]:
        low = high = 0
        for p in side:
            if p not in cells:
                low, high = low + values[p], high + values[p]
            elif cells[p][0] in chosen:
                key, i = cells[p]
                low, high = low + rows[key][chosen[key]][i], high + rows[key][chosen[key]][i]
            else:
                key, i = cells[p]
                low, high = low + min(r[i] for r in rows[key]), high + max(r[i] for r in rows[key])
        return low, high

    def holds(eq) -> bool:
        (left_low, left_high), (right_low, right_high) = side_bounds(eq.left), side_bounds(eq.right)
        if all(cells[p][0] in chosen for p in eq.cells if p in cells):
            return left_low == right_low
        return left_low <= right_high and right_low <= left_high

    def walk(n: int) -> None:
        counts["steps"] += 1
        if over():
            return
        if n == len(order):
            found.append(tuple(chosen[key] for key in order))
            return
        key = order[n]
        for index in range(len(rows[key])):
            counts["tried"] += 1
            chosen[key] = index
            if all(holds(eq) for eq in live if any(cells.get(p, ("",))[0] == key for p in eq.cells)):
                walk(n + 1)
            del chosen[key]
            if over():
                return

    walk(0)
    if over():
        return glued.SOME_HOLD if found else glued.NONE_FOUND
    return {key: sorted({choice[n] for choice in found}) for n, key in enumerate(order)} if found else None


def _random_tables(monkeypatch, seed: int, count: int):
    """Random tables of 1-6 open rows (column sums over some of them, some with a row cell on the
    other side, row sums), each with the search's limits set at random (small ones force give-ups):
    (rows, paths, eqs, values, the plain walk's answer)."""
    from core.equations import Equation
    rng = random.Random(seed)
    for _ in range(count):
        width = rng.randint(1, 4)
        paths = {f"r{n}": [f"t.r{n}.c{c}" for c in range(width)] for n in range(rng.randint(1, 6))}
        rows = {key: [[rng.randint(0, 5) for _ in range(width)] for _ in range(rng.randint(1, 6))] for key in paths}
        hidden = {p: rng.choice(rows[key])[i] for key in paths for i, p in enumerate(paths[key])}
        eqs, values = [], {}
        for c in range(width):
            members = tuple(paths[key][c] for key in paths if rng.random() < 0.6)
            total, other = f"t.total{c}", f"t.other{c}"
            values[other] = rng.choice([0, 2, None])
            right = (total,) + ((rng.choice(list(paths.values()))[c],) if rng.random() < 0.3 else ())
            right = tuple(dict.fromkeys(p for p in right if p not in members))
            known = sum(hidden[p] for p in members) + (values[other] or 0) - sum(hidden.get(p, 0) for p in right[1:])
            values[total] = known if rng.random() < 0.7 else rng.randint(0, 12)
            eqs.append(Equation("T", members + (other,), right, "column"))
        if width > 1:
            eqs += [Equation("R", (cells[-1],), tuple(cells[:-1]), "row") for cells in paths.values()]
        for name, value in (("MAX_JOINT_STEPS", rng.choice([5000, 4, 12])),
                            ("_MAX_JOINT_MOVES", rng.choice([20000, 6, 25])), ("_MAX_SOLUTIONS", rng.choice([200, 2]))):
            monkeypatch.setattr(glued, name, value)
        yield rows, paths, eqs, values, _plain_joint(rows, paths, eqs, values)


def test_the_joint_search_answers_as_trying_every_reading_in_turn(monkeypatch):
    # the search, which counts the readings failing at once without moving them and replays walks
    # met again, answers as the plain walk, give-ups forced by small limits too
    answers = set()
    for rows, paths, eqs, values, want in _random_tables(monkeypatch, 5, 1500):
        assert glued.jointly_possible(rows, paths, eqs, values) == want, (rows, eqs, values)
        answers.add(want if want is None or isinstance(want, glued.GaveUp) else "readings")
    assert answers == {None, glued.SOME_HOLD, glued.NONE_FOUND, "readings"}


def test_the_rows_of_the_sum_leaving_fewest_choices_are_walked_first():
    # 表三 with its 总计 column blank (docx2txt): each column's 一 + 二 = （七） + 四 takes 4 rows
    # (3 × 2 × 9 × 2 = 108 choices), its （七） = Σ results every result row (millions); a sum cuts
    # the walk off only once its last row is chosen, so 一 二 （七） 四 come first, the results after
    # them by their number of readings; rows on no sum last, by theirs
    from core.equations import Equation
    sizes = {"new": 3, "co": 2, "total": 9, "cf": 2, "r1": 4, "r2": 5, "r3": 3, "free": 1}
    rows = {key: [[n] for n in range(size)] for key, size in sizes.items()}
    paths = {key: [f"t.{key}.c"] for key in rows}
    eqs = [Equation("T3-1", ("t.new.c", "t.co.c"), ("t.total.c", "t.cf.c"), "column"),
           Equation("T3-2", ("t.total.c",), ("t.r1.c", "t.r2.c", "t.r3.c", "t.known.c"), "column"),
           Equation("T3-2", ("t.free.c",), ("t.unknown.c",), "column")]  # (an unknown cell: says nothing)
    assert glued._closing_order(rows, paths, eqs, {"t.known.c": 0, "t.unknown.c": None}) == \
        ["co", "cf", "new", "total", "r3", "r1", "r2", "free"]
    # with no sum, by the number of readings, as the walk went before
    assert glued._closing_order(rows, paths, [], {}) == sorted(rows, key=lambda key: sizes[key])


def test_a_caller_reading_only_the_readings_kept_gets_the_same_ones(monkeypatch):
    # with chosen_only the search is not made where its count of turns, row by row, already passes
    # a limit: the readings kept are the plain walk's wherever it keeps some, and a search that
    # gives up still gives up (said as NONE_FOUND: it may not have looked for a choice)
    answers = set()
    for work in (1100, 3):  # (little: the count stops early and the walk is made)
        monkeypatch.setattr(glued, "_MAX_COUNTING", work)
        for rows, paths, eqs, values, want in _random_tables(monkeypatch, 6, 1500):
            got = glued.jointly_possible(rows, paths, eqs, values, chosen_only=True)
            if isinstance(want, glued.GaveUp):
                assert isinstance(got, glued.GaveUp), (rows, eqs, values)
                answers.add((want, got))
            else:
                assert got == want, (rows, eqs, values)
    # the count told some give-ups at once (a search that had found a choice among them)
    assert (glued.SOME_HOLD, glued.NONE_FOUND) in answers


def test_rows_too_open_to_list_are_given_up_on_before_the_walk_for_a_caller_reading_only_the_readings_kept():
    # 9 rows of 0, 1 or 2 adding up to 8: the ways down to each row that keep 8 within reach (a
    # sum so far of at most 8, and at least 8 less 2 a row left) are 1, 3, 9, 27, 81, 237, 644,
    # 1 534 and 2 907, a step each: 5 443 steps, past MAX_JOINT_STEPS (5 000). Given up without
    # the walk, which finds some of the choices that hold before it gives up
    rows, paths, eqs, values = _open_rows(9, [0, 1, 2], 8)
    assert glued.jointly_possible(rows, paths, eqs, values) is glued.SOME_HOLD
    assert glued.jointly_possible(rows, paths, eqs, values, chosen_only=True) is glued.NONE_FOUND


def _sums(cells: tuple[str, ...], cut: bool) -> set[tuple[int, int]]:
    """(columns filled, sum) of every way to read the printed cells, by plain enumeration."""
    if not cells:
        return {(0, 0)}
    first, rest = cells[0], _sums(cells[1:], cut)
    if not first.isdigit():
        heads = {(1, 0)}
    elif not cut:
        heads = {(1, int(first))} if first[0] != "0" or first == "0" else set()
    else:
        heads = {(count, sum(parts)) for count in range(1, len(first) + 1) for parts in glued._parts(first, count)}
    return {(c + d, s + t) for c, s in heads for d, t in rest}


def test_casting_out_nines_never_rules_out_a_row_that_can_add_up():
    # whether printed cells fill the columns left with values adding up to a target (_fits), and
    # whether a run's rest can end in a 总计 that is the others' sum (completes), both now skip
    # targets whose nines differ from the digits': checked against a plain enumeration of every cut
    rng = random.Random(11)

    def run() -> str:
        return "".join(rng.choice("0123456789" if rng.random() < 0.7 else "019") for _ in range(rng.randint(1, 5)))

    for _ in range(1500):
        cells = tuple(run() if rng.random() < 0.75 else rng.choice(["-", "无"]) for _ in range(rng.randint(0, 3)))
        columns, blanks, cut = rng.randint(0, 7), rng.random() < 0.5, rng.random() < 0.8
        readings = _sums(cells, cut)
        for target in {s for _, s in readings} | {rng.randint(0, 500), 9, 10}:
            want = any(s == target and (c == columns or blanks and c <= columns) for c, s in readings)
            assert glued._fits(cells, target, columns, blanks, cut) is want, (cells, target, columns, blanks, cut)
        digits, taken = run(), rng.choice([0, rng.randint(0, 200)])
        want = not digits.strip("0") and taken == 0 and len(digits) <= columns or any(
            int(digits[start:]) == taken + sum(parts)
            for start in range(len(digits)) if digits[start] != "0" or start == len(digits) - 1
            for count in range(0 if start == 0 else 1, max(columns, 1)) for parts in
            ([[]] if start == 0 else glued._parts(digits[:start], count)))
        assert glued.completes(digits, max(columns, 1), taken) is want, (digits, columns, taken)


@settings(max_examples=400, deadline=None)
@given(st.text("0123456789０１٠٥", max_size=9), st.integers(1, 5), st.integers(0, 3000))
def test_the_cuts_up_to_a_bound_are_the_plain_cuts_that_stay_within_it(digits, count, bound):
    # _fits weighs a cell's cuts whose numbers add up to no more than its target; _parts_up_to
    # stops at a head above the bound, or a run too long for numbers within it: the same cuts, in
    # the same order, as every cut filtered (other scripts' digits, whose "leading 0" _parts
    # allows, included)
    want = [parts for parts in glued._parts(digits, count) if sum(parts) <= bound]
    assert list(glued._parts_up_to(digits, count, bound)) == want


def test_a_row_with_a_cell_too_long_to_weigh_is_cut_without_following_cuts_past_its_total():
    # "16491120088024--018595" (lossy4242): 16491 + 1200 + 880 + 24 = 18595, the one reading; the
    # values before the 总计 can never pass the last cell read whole (018595), so the walk stops
    # there even where the first cell, 14 digits, is too long for row_completes to weigh
    cells = ["16491120088024", "--", "018595"]
    want = [((16491, 0), (1200, 0), (880, 0), (24, 0), (None, 1), (0, 2), (18595, 2))]
    for blanks in (False, True):
        glued.row_completes.cache_clear()
        assert _readings(cells, 7, _row_sum, blanks) == want
    assert glued.row_completes.cache_info().misses < 50  # (81 before the bound)


def test_sums_around_an_unread_total_row_skip_it():
    # 表三's 总计 row unread: T3-1 一 + 二 = 总计 + 四 and T3-2 总计 = Σ results combine, per
    # column, into 一 + 二 = Σ results + 四; nothing else is free of the row's cells
    from core.equations import equations
    from core.template import RESULT_ROWS_2021, T3_COLUMNS
    eqs = [e for e in equations("2021") if e.rule.startswith("T3")]
    unread = {f"section3.total.{c.key}" for c in T3_COLUMNS}
    combined = glued.around_unread(eqs, unread)
    assert len(combined) == len(T3_COLUMNS)
    natural = next(e for e in combined if "section3.new.natural" in e.cells)
    assert set(natural.left) == {"section3.new.natural", "section3.carried_over.natural"}
    assert set(natural.right) == {f"section3.{r}.natural" for r in RESULT_ROWS_2021} | {"section3.carried_forward.natural"}
    assert glued.around_unread(eqs, set()) == []


def _adding_to_before(digits: str, count: int, target: int) -> tuple[tuple[int, ...], ...]:
    """_adding_to as it was before the tails' sums mod 100 (_sum_residues) ruled cuts out: the
    reference its search must agree with, cut for cut and in the same order."""
    width = len(str(target))
    if len(digits) > count * width or glued._least_sum(len(digits), count) > target:
        return ()
    if target > 10 ** (len(digits) - count + 1) + 9 * (count - 1) or (glued._digit_sum(digits) - target) % 9:
        return ()
    if count > 2 and not glued._last_digit_sums(digits, count) >> (target % 10) & 1:
        return ()
    if count == 1:
        ok = digits and (digits == "0" or digits[0] != "0") and int(digits) == target
        return ((target,),) if ok else ()
    if count == 2:
        return glued._two_adding_to(digits, target)
    out: list[tuple[int, ...]] = []
    for cut in range(max(1, len(digits) - (count - 1) * width), min(len(digits) - count + 2, width + 1)):
        head = digits[:cut]
        if head[0] == "0" and cut > 1:
            break
        value = int(head)
        if value > target:
            break
        for rest in _adding_to_before(digits[cut:], count - 1, target - value):
            out.append((value,) + rest)
            if len(out) > 50:
                return tuple(out)
    return tuple(out)


_NUMBERS = st.one_of(st.just(0), st.integers(1, 9), st.integers(10, 999), st.integers(1000, 99999))


@settings(max_examples=400, deadline=None)
@given(parts=st.lists(_NUMBERS, min_size=3, max_size=7), count=st.integers(3, 7),
       shift=st.one_of(st.just(0), st.integers(-120, 120), st.sampled_from([-100, 100, -1000, 1000])))
def test_the_tails_sums_mod_100_rule_out_only_cuts_that_cannot_add_up(parts, count, shift):
    # a 表三 row glued from its cells, weighed for its own sum and for sums near it (off by a few,
    # or by 100 or 1000: the same last two digits): _adding_to finds exactly the cuts, in the
    # order, that the search before the table found
    digits = "".join(map(str, parts))
    target = max(0, sum(parts[:count]) + shift)
    glued._adding_to.cache_clear()
    assert glued._adding_to(digits, count, target) == _adding_to_before(digits, count, target)


def test_the_tails_sums_mod_100_are_those_of_every_cut():
    # each tail's bits, k parts of at most `width` digits: exactly the sums mod 100 of its cuts
    rng = random.Random(5)
    runs = ["1000001", "909090", "99999999", "0000", "10203040"]
    runs += ["".join(rng.choice("0123456789") for _ in range(rng.randrange(3, 11))) for _ in range(60)]
    for digits in runs:
        for width in (1, 2, 3):
            table = glued._sum_residues(digits, width, 4)
            for length in range(len(digits) + 1):
                tail = digits[len(digits) - length:]
                for k in range(1, 5):
                    sums = {sum(p) % 100 for p in glued._parts(tail, k) if all(len(str(n)) <= width for n in p)} \
                        if 0 < k <= length else set()
                    assert table[length] >> 200 * k & (1 << 100) - 1 == sum(1 << r for r in sums), (tail, width, k)


def test_a_table_for_more_parts_holds_the_same_bits_for_fewer():
    # _adding_to builds one table a run for _RESIDUE_PARTS parts at least and asks it of every
    # count up to it: its bits for k parts must be the table for k parts' own, in every tail
    rng = random.Random(64)
    runs = ["1000001", "909090", "0000"] + ["".join(rng.choice("0123456789") for _ in range(rng.randrange(3, 24)))
                                           for _ in range(80)]
    for digits in runs:
        for width in (1, 2, 3, 5):
            big = glued._sum_residues(digits, width, 7)
            for count in range(1, 7):
                small = glued._sum_residues(digits, width, count)
                mask = (1 << 200 * (count + 1)) - 1
                assert [bits & mask for bits in big] == small, (digits, width, count)


def test_rows_with_no_reading_or_no_column_leave_the_numbers_whole():
    # a row with no reading (or whose readings have no cell) bounds nothing: it must neither raise
    # (min() of no column's lows) nor stop the others' whole numbers from being searched as such
    assert glued._whole_below([[]], [[]], [[]], []) is True
    assert glued._whole_below([[], [(1, 2)]], [[], [1]], [[], [2]], [[0, 1, 2, 2, 1]]) is True
    assert glued._whole_below([[], [(1.5, 2)]], [[], [1.5]], [[], [2]], [[0, 1, 2, 2, 1]]) is False


def test_a_row_with_no_reading_leaves_no_joint_choice():
    # one reading per row is no choice at all when a row has none: None (no choice holds), not
    # an IndexError, whether the other rows are read several ways or one way
    from core.equations import Equation
    paths = {"a": ["t.a"], "b": ["t.b"]}
    eq = Equation("T", ("t.a", "t.b"), ("t.total",), "column")
    values = {"t.total": 3}
    assert glued._jointly_possible({"a": [], "b": [[1], [2]]}, paths, [eq], values) is None
    assert glued.jointly_possible({"a": [], "b": [[1], [2]]}, paths, [eq], values) is None
    assert glued.jointly_possible({"a": [], "b": [[3]]}, paths, [eq], values) is None
    assert glued.jointly_possible({"a": [[0]], "b": [[3]]}, paths, [eq], values) == {"a": [0], "b": [0]}


def test_a_zero_before_a_thousands_separator_never_starts_that_number():
    # "2020,552": 2 | 0 | 20,552; "020,552" is no number (a count prints no leading 0)
    readings = glued.t2_readings("2020,552", ["count", "signed", "count"])
    assert [[value for value, _, _ in r] for r in readings] == [[2, 0, 20552]]
