"""Memos: what the parser worked out once, kept in a plain dict for the next time it is asked.

A memo is emptied whole once it holds its bound of entries, which keeps a long session's memory
flat while the texts that recur (a table's counts and labels, in every report of a converter)
are soon worked out again. The dict is a plain one, not a subclass: Python 3.11 specialises
`d.get(k)`, `d[k]` and `k in d` only on a dict of that exact type, and memos sit on the
per-token path. So a caller asks its dict itself and, when the answer is not there, stores it
with `remember`; one that stores an answer a cell makes room once a call (`make_room`), a call
of `remember` a cell costing more than it saves; a function of one text is `memoised`.

The memos keyed by what a report prints (its digit runs, cell texts, lines, label runs) are made
by `document_memo`, which lists them: `forget_documents` empties them all, as a session has them
before it opens a report it has not read (the benches that measure a report met for the first
time). Memos keyed by the template alone are plain dicts, kept.
"""
from __future__ import annotations

from functools import wraps
from typing import Callable, TypeVar

K = TypeVar("K")
V = TypeVar("V")

MEMO_BOUND = 4096  # entries a memo holds before it is emptied, unless its maker says otherwise

_DOCUMENT_MEMOS: list[dict] = []  # every memo document_memo made


def document_memo() -> dict:
    """A new, empty memo keyed by what reports print: `forget_documents` empties it. Listed for
    good: one a module, or one a template's table, never one a call."""
    memo: dict = {}
    _DOCUMENT_MEMOS.append(memo)
    return memo


def remember(memo: dict[K, V], key: K, value: V, bound: int = MEMO_BOUND) -> V:
    """`value`, kept in `memo` under `key` (the memo emptied first when it holds `bound` entries)."""
    if len(memo) >= bound:
        memo.clear()
    memo[key] = value
    return value


def make_room(memo: dict, bound: int = MEMO_BOUND, adding: int = 1) -> None:
    """Empties `memo` when `adding` more entries would take it past `bound`: for a caller that
    stores several at once, or once for all it stores in a call (which may then pass the bound)."""
    if len(memo) + adding > bound:
        memo.clear()


def memoised(memo: dict) -> Callable[[Callable[[str], V]], Callable[[str], V]]:
    """A decorator: the function (of one text, its answer never None), its answers kept in
    `memo`. As cheap to ask as a function that looks its dict up itself: one call, one `get`."""
    known = memo.get

    def keeping(work: Callable[[str], V]) -> Callable[[str], V]:
        @wraps(work)
        def ask(text: str) -> V:
            answer = known(text)
            if answer is None:
                answer = remember(memo, text, work(text))
            return answer
        return ask

    return keeping


def forget_documents() -> None:
    """Empties every document memo."""
    for memo in _DOCUMENT_MEMOS:
        memo.clear()
