"""_pulled_reading's look-ups (core.parse.stream) against the plain scans they replace."""
from __future__ import annotations

import random
from itertools import islice
from pathlib import Path

from core.parse.row_sums import parts_add_up
from core.pipeline import load_report
from core.parse.stream import _equal_later, _Reach

CONVERTERS = Path(__file__).resolve().parents[2] / "fixtures" / "converters"


def _rows_adding_up(numbers: list, unused: list[int], taking: set[int], rows: int, width: int) -> int:
    """The plain count: rows read on from `unused` less `taking`, while they add up."""
    left = (n for n in unused if n not in taking)
    count = 0
    for _ in range(rows):
        row = list(islice(left, width))
        if len(row) < width or not parts_add_up([numbers[n] for n in row]):
            break
        count += 1
    return count


def _equal_later_scanned(numbers: list, later: list[int], value) -> list[int]:
    return [q for k, q in enumerate(later) if not abs(numbers[q] - value) > 1e-9
            and not (k and later[k - 1] == q - 1 and numbers[q - 1] == value)]


def _stream(rng: random.Random, width: int, rows: int) -> list:
    """Rows that add up, a few values moved or spoiled, zeros side by side: most rows read on
    add up, some do not."""
    numbers: list = []
    for _ in range(rows):
        parts = [rng.choice([0, 0, 0, 1, 2, 3]) for _ in range(width - 1)]
        numbers += parts + [sum(parts)]
    for _ in range(rng.randrange(3)):
        numbers.insert(rng.randrange(len(numbers)), numbers.pop(rng.randrange(len(numbers))))
    if rng.random() < 0.3:
        numbers[rng.randrange(len(numbers))] += 1
    return numbers


def test_the_rows_read_on_without_a_pulled_value_are_counted_as_a_plain_read_counts_them():
    rng = random.Random(5)
    for _ in range(400):
        width, rows = rng.choice([(3, 6), (4, 5), (7, 25)])
        numbers = _stream(rng, width, rows)
        unused = sorted(rng.sample(range(len(numbers)), rng.randrange(width + 1, len(numbers) + 1)))
        left_rows = rng.randrange(rows + 1)
        reach = _Reach(numbers, unused[width - 1:], left_rows, width)
        for q in rng.sample(unused[width:], min(5, len(unused) - width)):
            taking = set(unused[:width - 1]) | {q}
            assert reach.rows_without(q) == _rows_adding_up(numbers, unused, taking, left_rows, width)


def test_the_later_values_equal_to_a_wanted_one_are_those_a_scan_finds():
    rng = random.Random(8)
    for _ in range(400):
        numbers = _stream(rng, 7, 6)
        whole = rng.random() < 0.8
        if not whole:
            numbers[rng.randrange(len(numbers))] = 0.5
        at_value: dict | None = None
        if whole:
            at_value = {}
            for n, v in enumerate(numbers):
                at_value.setdefault(v, []).append(n)
        unused = sorted(rng.sample(range(len(numbers)), rng.randrange(len(numbers) + 1)))
        later = unused[rng.randrange(len(unused) + 1):]
        for value in (0, 1, 2, 3, 6, 0.5, 2.0000000001):
            assert _equal_later(numbers, at_value, later, value) == _equal_later_scanned(numbers, later, value)
    # (side by side, the first of equal values stands for them all; one apart, each counts)
    numbers = [5, 0, 0, 0, 3, 0, 0]
    assert _equal_later(numbers, {0: [1, 2, 3, 5, 6], 3: [4], 5: [0]}, [1, 2, 3, 5, 6], 0) == [1, 5]
    assert _equal_later(numbers, {0: [1, 2, 3, 5, 6], 3: [4], 5: [0]}, [1, 3, 5, 6], 0) == [1, 3, 5]


def _pulled_calls(monkeypatch, path) -> list[tuple]:
    """_pulled_reading's arguments (copied) and answer at each call while `path` is read."""
    from core.parse import stream

    calls = []
    pulled = stream._pulled_reading

    def recorded(report, table, numbers):
        found = pulled(report, table, list(numbers))
        calls.append((report, table, list(numbers), found))
        return found
    monkeypatch.setattr(stream, "_pulled_reading", recorded)
    load_report(path)
    monkeypatch.setattr(stream, "_pulled_reading", pulled)
    return calls


def test_rows_placed_again_are_weighed_only_when_the_readings_made_are_few_enough(monkeypatch):
    # zoo123 r0011 (plain pdftotext): a row's parts placed again choose the stream's reading, of
    # 144 readings made; at a cap of 143 none is chosen, at 144 the same as with none near (the
    # readings are all made and counted before any is weighed: the same at main df27c568)
    from core.parse import stream

    calls = _pulled_calls(monkeypatch, CONVERTERS / "zoo123-r0011.pdftotext-gbk.txt")
    assert len(calls) == 1
    report, table, numbers, found = calls[0]
    assert found is not None
    answers = {}
    for cap in (143, 144, 5000):
        monkeypatch.setattr(stream, "_MAX_CANDIDATES", cap)
        answers[cap] = stream._pulled_reading(report, table, numbers)
    assert answers[143] is None
    assert answers[144] == answers[5000] == found
