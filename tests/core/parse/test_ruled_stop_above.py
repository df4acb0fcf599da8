"""The dash rule a row lies under, found once a text (ruled._stop_above) as the walk up line by
line found it (the walk, kept here as the oracle, cost a pandoc report 0.8 M instructions)."""
from __future__ import annotations

from typing import Optional

from hypothesis import given, settings
from hypothesis import strategies as st

from core.parse import ruled


def _walk_up(text: str, start: int) -> Optional[int]:
    """The walk _under_rule did: up from the row's line, past indented and empty lines, to the first
    dash rule within _LOOKBACK lines; None at a line printing from its first column."""
    position = start
    for _ in range(ruled._LOOKBACK):
        if position == 0:
            return None
        rule_start = text.rfind("\n", 0, position - 1) + 1
        rule = text[rule_start:position - 1]
        position = rule_start
        if not ruled._DASH_RULE.match(rule):
            if rule[:1].strip():
                return None
            continue
        return rule_start
    return None


_LINES = st.sampled_from(["", "  ", "\t", "  ---- ---- ----", "---- ----", "---- x", "  -- --  ", "-- --",
                          "  一、本年新收  3  4  5", "总计  自然人", "\u3000全角空格起", "  12   0   3", "- -"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_LINES, min_size=1, max_size=90), st.data())
def test_the_rule_found_once_is_the_rule_the_walk_found(lines, data):
    text = "\n".join(lines) + "\n  1  2  3\n"
    row = data.draw(st.integers(0, len(lines)))
    start = sum(len(line) + 1 for line in lines[:row])
    ruled._stops_of[:] = [None, (), ()]
    assert ruled._stop_above(text, start) == _walk_up(text, start)
    # asked again of the same text (the stops kept), for another row
    other = data.draw(st.integers(0, len(lines)))
    start = sum(len(line) + 1 for line in lines[:other])
    assert ruled._stop_above(text, start) == _walk_up(text, start)


def test_a_rule_past_the_lookback_is_not_the_rows():
    text = "  ---- ----\n" + "  x\n" * ruled._LOOKBACK + "  1  2\n"
    start = text.rindex("  1")
    assert _walk_up(text, start) is None and ruled._stop_above(text, start) is None
    text = "  ---- ----\n" + "  x\n" * (ruled._LOOKBACK - 1) + "  1  2\n"
    start = text.rindex("  1")
    assert _walk_up(text, start) == 0 and ruled._stop_above(text, start) == 0
