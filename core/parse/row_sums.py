"""Whether a 表三 row's parts add up to its 总计: the test every reader of rows weighs a reading by."""
from __future__ import annotations

from typing import Sequence

from core.model import Number, known
from core.parse.columns import token_number
from core.parse.tokens import NA, Token


def parts_add_up(numbers: Sequence[Number]) -> bool:
    """The numbers, every one known, are a row's parts and then its 总计."""
    return abs(sum(numbers[:-1]) - numbers[-1]) < 1e-9


def tokens_add_up(values: list[Token], unknown: bool = False) -> bool:
    """The tokens' counts are a row's parts and then its 总计; `unknown` where a token has none
    (a placeholder, a word)."""
    numbers = [token_number(t) for t in values]
    if not known(numbers):
        return unknown
    return parts_add_up(numbers)


def adds_up_without_blanks(values: list[Token]) -> bool:
    """The tokens may be one 表三 row printed without its blank cells: none at all, or its parts
    then its 总计 (a placeholder counting none); a lone count other than 0 is no row."""
    numbers = [0 if t.kind == NA else token_number(t) for t in values]
    return known(numbers) and (not numbers or parts_add_up(numbers))
