"""bench/opcode_profile.py: opcodes by function, inclusive of callees, recursion counted once."""
from __future__ import annotations

import importlib.util
import sys

from bench.opcode_profile import Counts, profile

_CODE = '''
def leaf(n):
    return n + 1

def caller():
    total = 0
    for n in range(3):
        total += leaf(n)
    return total

def down(n):
    return 0 if n == 0 else down(n - 1) + 1
'''


def _module(folder, name):
    path = folder / f"{name}.py"
    path.write_text(_CODE, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _key(counts: Counts, name: str):
    return next(key for key in counts.calls if key[1] == name)


def test_a_callers_count_holds_its_callees_and_is_the_same_every_run(tmp_path):
    module = _module(tmp_path, "op_counted")
    first = profile(module.caller, tmp_path)
    caller, leaf = _key(first, "caller"), _key(first, "leaf")
    assert first.calls[leaf] == 3 and first.calls[caller] == 1
    assert first.inclusive[caller] == first.own[caller] + first.edges[caller, leaf] == first.total
    assert first.edges[caller, leaf] == first.inclusive[leaf] > 0
    again = profile(module.caller, tmp_path)
    assert (again.own, again.inclusive, again.total) == (first.own, first.inclusive, first.total)


def test_recursion_is_counted_once_and_other_code_not_at_all(tmp_path):
    module = _module(tmp_path, "op_recursive")
    counts = profile(lambda: (module.down(4), sorted([3, 1, 2])), tmp_path)
    down = _key(counts, "down")
    assert counts.calls[down] == 5
    assert counts.inclusive[down] == counts.own[down] == counts.total  # (the lambda and sorted: not under tmp_path)
    before = sys.gettrace()
    outside = profile(lambda: sorted([3, 1, 2]), tmp_path)
    assert outside.total == 0 and not outside.calls
    assert sys.gettrace() is before  # (the trace that was set is set again)
