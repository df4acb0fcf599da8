"""is_glued stops at the second match of the glued-value pattern it meets: the same answer as
the regex search through the whole text finding two matches (the oracle), on random texts of
the characters that make or break a match."""
from __future__ import annotations

import random

from hypothesis import given, settings, strategies as st

from core.parse.glued_tables import _GLUED_TO_LABEL, is_glued

# values, units, spaces, label marks and numerals, and a few other characters
_ALPHABET = "0123456789０１２ －—-无/件个项 \t、.．（()）一二三七八十属其他行政，,\n"


def _searched(text: str) -> bool:
    return sum(1 for _ in zip(range(2), _GLUED_TO_LABEL.finditer(text))) == 2


@settings(max_examples=800, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_two_matches_found_as_the_regex_search_finds_them(text):
    assert is_glued(text) == _searched(text)


def test_random_runs_of_table_text_answer_as_the_regex_search():
    pieces = ["12", "0", "５", "件", " ", "  ", "\t", "一、", "二、", "（三）", "(四)", "2.属于", "8.其他",
              "—", "-", "无", "/", "本年新收", "，", "1.", "四、结转"]
    rng = random.Random(65)
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 12)))
        assert is_glued(text) == _searched(text), text


def test_a_glued_table_is_told_at_its_second_glued_label():
    # a long text after two glued rows is never walked: the answer is that of its first rows
    text = "一、本年新收3 5 7 15二、上年结转1 0 0 1（一）予以公开" + "说明。" * 20000
    assert is_glued(text)
    assert not is_glued("一、本年新收3 5 7 15" + "说明。" * 20)
