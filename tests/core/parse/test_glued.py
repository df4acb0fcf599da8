"""Cutting glued runs of digits (core/parse/glued.py): the tests that rule a cut out are sound (never
rule out one that adds up) and keep the search small on runs built to defeat them."""
from __future__ import annotations

import random

import core.parse.glued as glued


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
