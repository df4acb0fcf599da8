"""bench/function_counts.py: the wrapper callgrind counts a function through, and where it goes."""
from __future__ import annotations

import sys
import types
from itertools import dropwhile
from pathlib import Path

from bench import function_counts
from bench.function_counts import counted, replace_everywhere

ROOT = Path(__file__).resolve().parents[2]


def test_counted_calls_through_dropwhile_and_returns_the_result(monkeypatch):
    seen = []

    def spy(predicate, iterable):  # dropwhile as the wrapper calls it
        seen.append(predicate)
        return dropwhile(predicate, iterable)
    monkeypatch.setattr(function_counts, "dropwhile", spy)

    def add(a, b=0):
        return [a + b]
    wrapped = counted(add)
    assert wrapped(2, b=3) == [5]
    assert wrapped(1) == [1]
    assert len(seen) == 2  # one dropwhile a call: the function ran inside its predicate


def test_every_module_global_of_the_function_is_replaced():
    def target():
        return "real"
    one, other = types.ModuleType("fc_one"), types.ModuleType("fc_other")
    one.target, other.alias, other.unrelated = target, target, len
    sys.modules.update(fc_one=one, fc_other=other)
    try:
        assert replace_everywhere(target, counted(target)) == 2
        assert one.target is not target and other.alias is one.target and other.unrelated is len
        assert one.target() == "real"
    finally:
        del sys.modules["fc_one"], sys.modules["fc_other"]


def test_the_counted_code_never_calls_dropwhile():
    """callgrind counts inside dropwhile_next only: a call of it in the code under count would be
    counted as the function's."""
    sources = [p for folder in ("core", "gui") for p in (ROOT / folder).rglob("*.py")]
    assert sources
    assert not [p for p in sources if "dropwhile" in p.read_text(encoding="utf-8")]
