"""counts_over_their_units' first pass, the lines holding a unit standing apart, asked of every
token of 表三: _may_stand_apart's test inline, a call a token no more (most reports have no such
line, and the pass was most of what the function cost them)."""
from __future__ import annotations

import core.parse.wrapped_counts as wrapped_counts
from core.parse.tokens import tokenize
from core.parse.wrapped_counts import _may_stand_apart, counts_over_their_units
from core.readers.document import TextBuilder

TEXT = ("1.本机关不掌握相关政府信息     30个 3个 0 0 1个 0     个\n"
        "2.没有现成信息需要另行制作 4 0 0 0 0 0 4\n"
        "3.补正后申请内容仍不明确 2 0 │个 0 0 0 2\n")


def _tokens(text: str):
    builder = TextBuilder()
    builder.add_tab_lines(text.split("\n")[:-1], False)
    return tokenize(builder.lines)


def test_the_lines_of_units_standing_apart_are_found_without_a_call_a_token(monkeypatch):
    tokens = _tokens(TEXT)
    standing = {t.line for t in tokens if _may_stand_apart(t, TEXT)}
    assert standing == {0, 2}  # (「0     个」 and 「0 │个」: a unit apart from its count; 「30个」 none)

    def no_call(token, text):
        raise AssertionError("asked token by token")
    monkeypatch.setattr(wrapped_counts, "_may_stand_apart", no_call)
    # (no count alone on the line above either: nothing moved, the tokens as they were)
    before = list(tokens)
    assert counts_over_their_units(tokens, TEXT) == [] and tokens == before
