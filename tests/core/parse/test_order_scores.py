"""The orders of a row printed over lines are scored by sums compiled once per row
(line_orders.compiled_sums, order_score_exact): they must score every order exactly as the
equations summed cell by cell do (line_orders.order_score), or the order the parser takes changes."""
from __future__ import annotations

import random

import pytest

from core.equations import through
from core.parse.line_orders import compiled_sums, line_orders, order_score, order_score_exact
from core.parse.tokens import NA, NUM, Token
from core.template import tables


def _row(table, key: str) -> list[str]:
    return [f"section3.{key}.{c.key}" for c in table.row(key).columns]


def test_compiled_scores_equal_the_cell_by_cell_scores():
    rng = random.Random(5)
    table = tables("2021")["section3"]
    cells = [p for row in table.rows for p in _row(table, row.key)]
    compared = 0
    for _ in range(300):
        key = rng.choice([row.key for row in table.rows])
        paths = _row(table, key)
        eqs = through("2021", tuple(paths))
        # the other cells: mostly whole numbers, some unknown (an equation through one never counts)
        arithmetic = {p: None if rng.random() < 0.05 else rng.randint(0, 30) for p in cells}
        # a row of seven values over two to four lines, a placeholder ("—", 0) now and then
        values = [Token(NA, "—", 0, 1, 0) if rng.random() < 0.1 else Token(NUM, str(n), 0, 1, 0, n)
                  for n in (rng.randint(0, 30) for _ in paths)]
        for n, token in enumerate(values):
            token.line = min(n // 2, 3)
        compiled = compiled_sums(eqs, paths, arithmetic)
        assert compiled is not None  # every cell a whole number or unknown
        for order in line_orders(values):
            numbers = [t.value if t.kind == NUM else 0 for t in order]
            values_now = {**{p: v for p, v in arithmetic.items() if v is not None or rng.random() < 0.5},
                          **dict(zip(paths, numbers))}
            assert order_score_exact(compiled, numbers, order) == \
                order_score(eqs, values_now, paths, order)
            compared += 1
    assert compared > 600


def test_a_decimal_outside_the_row_is_summed_cell_by_cell():
    """Sums of decimals depend on their order: then nothing is compiled (the parser sums cell by cell)."""
    table = tables("2021")["section3"]
    paths = _row(table, "total")
    eqs = through("2021", tuple(paths))
    arithmetic = {p: 1 for row in table.rows for p in _row(table, row.key)}
    assert compiled_sums(eqs, paths, arithmetic) is not None
    arithmetic["section3.new.natural"] = 0.5
    assert compiled_sums(eqs, paths, arithmetic) is None
    # with an unknown cell beside it the decimal's sum never counts: the row is compiled, and scored alike
    arithmetic["section3.carried_forward.natural"] = None
    compiled = compiled_sums(eqs, paths, arithmetic)
    assert compiled is not None
    values = [Token(NUM, str(n), 0, 1, 0, n) for n in (1, 2, 3, 4, 5, 6, 20)]
    known = {**{p: v for p, v in arithmetic.items() if v is not None}, **{p: t.value for p, t in zip(paths, values)}}
    assert order_score_exact(compiled, [t.value for t in values], values) == order_score(eqs, known, paths, values)


def test_sides_summed_once_serve_every_row():
    """The side totals parser._order_lines_by_the_table keeps across the rows of one table (the cells
    unchanged) compile each row exactly as summing its sides afresh does."""
    rng = random.Random(11)
    table = tables("2021")["section3"]
    cells = [p for row in table.rows for p in _row(table, row.key)]
    for _ in range(20):
        arithmetic = {p: None if rng.random() < 0.02 else 0.5 if rng.random() < 0.005 else rng.randint(0, 30)
                      for p in cells}  # mostly whole numbers, a few unknown, now and then a decimal
        totals: dict = {}
        for row in rng.sample(table.rows, len(table.rows)):
            paths = _row(table, row.key)
            eqs = through("2021", tuple(paths))
            assert compiled_sums(eqs, paths, arithmetic, totals) == compiled_sums(eqs, paths, arithmetic)


def test_an_unknown_cell_counts_neither_way_and_a_text_is_a_bug_shown():
    """Only None is a cell of the row unknown (its equations skipped); a str where a number
    belongs is a bug upstream, which catching TypeError for None used to hide as unknown."""
    table = tables("2021")["section3"]
    paths = _row(table, "total")
    eqs = through("2021", tuple(paths))
    arithmetic = {p: 1 for row in table.rows for p in _row(table, row.key)}
    compiled = compiled_sums(eqs, paths, arithmetic)
    values = [Token(NUM, str(n), 0, 1, 0, n) for n in (1, 2, 3, 4, 5, 6, 21)]
    numbers: list = [t.value for t in values]
    numbers[2] = None
    known = {**arithmetic, **{p: v for p, v in zip(paths, numbers) if v is not None}}
    del known[paths[2]]  # (order_score: an absent cell is unknown)
    assert order_score_exact(compiled, numbers, values) == order_score(eqs, known, paths, values)
    numbers[2] = "3"
    with pytest.raises(TypeError):
        order_score_exact(compiled, numbers, values)
