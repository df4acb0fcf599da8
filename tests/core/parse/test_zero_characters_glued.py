"""Zero characters glued to a row's counts (docx2txt's 「244〇1〇〇29」) are read as 0s only in the
stretches of digits and zero characters holding one: the text reads exactly as the pattern's
sub() over the whole text reads it (the oracle), at a fraction of its cost."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from core.parse.tokens import _GLUED_ZERO_RUN, _ZERO_GLYPHS, _zero_run_as_digits, glued_zeros_as_digits

_PIECES = [*"0129", *_ZERO_GLYPHS, " ", "\n", "一、", "（二）", "第三", "二", "年", "O", "\u0663", "市", ".", "(四)"]


def _oracle(text: str) -> str:
    return _GLUED_ZERO_RUN.sub(_zero_run_as_digits, text)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_the_text_reads_as_the_patterns_sub_reads_it(text):
    assert glued_zeros_as_digits(text) == _oracle(text)


def test_glued_zero_characters_are_0s_and_words_keep_theirs():
    # a row's counts glued to the next row's label; a year in Chinese numerals, names left out
    # (「○○市」) and a lone zero character stay as printed; an Arabic-Indic digit is a digit
    text = "244〇1〇〇29二、上年结转\n二〇二二年○○市○○局 〇 1\u0663〇 零售\n〇〇〇〇〇〇〇"
    assert glued_zeros_as_digits(text) == "244010029二、上年结转\n二〇二二年○○市○○局 〇 1\u06630 零售\n0000000"
    assert glued_zeros_as_digits(text) == _oracle(text)
    assert glued_zeros_as_digits("本年新收 12 件") == "本年新收 12 件"
