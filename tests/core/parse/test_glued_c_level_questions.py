"""Questions glued 表三 asks of every row and reading, asked at C level (types and bounds of a list, the
columns a reading takes): the same answers as the Python loops they replaced (kept here as oracles)."""
from __future__ import annotations

import random

from core.parse.glued import _small_whole_numbers
from core.parse.glued_tables import _columns_taken, _placements_only


def _small_whole_numbers_by_loops(rows, values) -> bool:
    return all(type(x) is int and -2 ** 30 < x < 2 ** 30 for readings in rows.values() for r in readings for x in r) \
        and all(v is None or (type(v) is int and -2 ** 30 < v < 2 ** 30) for v in values.values())


def _columns_taken_by_loop(reading: tuple) -> tuple[int, ...]:
    return tuple([n for n, (value, _) in enumerate(reading) if value])


def _placements_only_by_loops(readings: list[tuple]) -> bool:
    if len(readings) < 2:
        return False
    printed = [value for value, _ in readings[0] if value]
    if not printed:
        return False
    for reading in readings:
        if [value for value, _ in reading if value] != printed:
            return False
    return len(set(map(_columns_taken_by_loop, readings))) > 1


def _number(rnd: random.Random):
    return rnd.choice([0, 0, 1, 7, 250, -3, 2 ** 30 - 1, 2 ** 30, -2 ** 30, -2 ** 30 + 1, 2.0, 0.5, True, None])


def test_small_whole_numbers_answers_as_the_loops_did():
    rnd = random.Random(66)
    answers = []
    for _ in range(3000):
        rows = {f"r{n}": [[_number(rnd) if rnd.random() < 0.1 else rnd.randint(0, 99) for _ in range(rnd.randint(0, 4))]
                          for _ in range(rnd.randint(0, 3))] for n in range(rnd.randint(0, 3))}
        if any(x is None for readings in rows.values() for r in readings for x in r):
            continue  # (a reading's value is never unknown)
        values = {f"v{n}": _number(rnd) if rnd.random() < 0.3 else rnd.choice([None, 0, 5]) for n in range(rnd.randint(0, 6))}
        expected = _small_whole_numbers_by_loops(rows, values)
        assert _small_whole_numbers(rows, values) is expected, (rows, values)
        answers.append(expected)
    assert answers.count(True) > 300 and answers.count(False) > 300


def test_columns_taken_and_placements_only_answer_as_the_loops_did():
    rnd = random.Random(67)
    differ = 0
    for _ in range(3000):
        width = rnd.randint(1, 7)
        printed = [rnd.choice([0, 0, 3, 12, 0.0, 1.5]) for _ in range(rnd.randint(0, width))]

        def reading() -> tuple:
            columns = [(value, index) for index, value in enumerate(printed)]
            while len(columns) < width:  # (blanks (None, -1) and placeholders (None, index) anywhere)
                columns.insert(rnd.randint(0, len(columns)), (None, rnd.choice([-1, 0])))
            if rnd.random() < 0.1 and columns:
                columns[rnd.randrange(len(columns))] = (rnd.choice([4, 0]), 0)
            return tuple(columns)

        readings = [reading() for _ in range(rnd.randint(1, 4))]
        for r in readings:
            assert _columns_taken(r) == _columns_taken_by_loop(r)
        assert _placements_only(readings) is _placements_only_by_loops(readings), readings
        differ += _placements_only_by_loops(readings)
    assert differ > 100
