"""glued_tables._later_label_before (is a later row's label between a glued row's label and its values?)
found by str.find over the later rows' keywords, against the one pattern of every keyword it
replaced (kept here as the oracle): the same answer for every row of every table."""
from __future__ import annotations

import random
import re

from core.parse.glued_tables import _later_keywords, _later_label_before
from core.template import tables


def _pattern_oracle(table):
    """The replaced search's set-up: one pattern of the table's keywords, later rows' first."""
    last_row = {w: n for n, row in enumerate(table.rows) for w in row.keywords}
    words = sorted(last_row, key=lambda w: -last_row[w])
    pattern = re.compile("|".join(map(re.escape, words))) if words else re.compile(r"(?!)")
    return pattern, last_row, max(map(len, words), default=0)


def _later_by_pattern(text, keywords, row, label_end, start):
    """The replaced search: a match of the latest row's keyword starting there, moved on past
    keywords of rows not after `row`."""
    pattern, last_row, longest = keywords
    at = label_end
    while (found := pattern.search(text, at, start + longest - 1)) is not None and found.start() < start:
        if last_row[found.group()] > row:
            return True
        at = found.start() + 1
    return False


def _texts(table, rng, count):
    words = [w for row in table.rows for w in row.keywords] or ["其他"]
    fillers = ["12", "--", " ", "、", "（一）", "其他", "情况", "3"]
    for _ in range(count):
        pieces = [rng.choice(words) if rng.random() < 0.4 else rng.choice(fillers) for _ in range(rng.randint(0, 8))]
        text = "".join(pieces)
        if text and rng.random() < 0.5:  # a keyword cut short, or running past the end
            cut = rng.randint(0, len(text))
            text = text[:cut] if rng.random() < 0.5 else text[cut:]
        yield text


def test_str_find_search_answers_as_the_one_pattern_did():
    rng = random.Random(62)
    checked = found = 0
    for version in ("2019", "2021"):
        for table in tables(version).values():
            oracle = _pattern_oracle(table)
            later = _later_keywords(table)
            for text in _texts(table, rng, 60):
                for n in range(len(table.rows)):
                    for label_end in range(0, len(text) + 1, 3):
                        for start in range(label_end + 1, len(text) + 2, 2):
                            expected = _later_by_pattern(text, oracle, n, label_end, start)
                            assert _later_label_before(text, later[n], label_end, start) == expected, \
                                (table.section, n, text, label_end, start)
                            checked += 1
                            found += expected
    assert checked > 10_000 and found > 1_000  # (both answers met often)


def test_a_later_keyword_running_past_the_values_start_counts():
    table = tables("2021")["section3"]
    later = _later_keywords(table)
    n = next(i for i, row in enumerate(table.rows) if row.key == "new")
    word = later[n][-1]
    text = "x" + word + "12"
    assert _later_label_before(text, later[n], 0, 2)  # it starts before the values, ends after
    assert not _later_label_before(text, later[n], 2, 3)  # it starts before label_end
