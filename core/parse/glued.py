"""Split numbers that a converter glued together ("300153006143119"), using the template's sums.

Some exports (docx2txt) drop the separators between table cells, so a row's seven values arrive
as one run of digits. Real numbers have no leading zeros, and a T3 row's 总计 is the sum of the
six applicant columns; T4 groups add up the same way. Those two facts usually leave exactly one
reading. When they leave several, the caller ranks them by the table's other equations, and
flags the row either way.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from enum import Enum
from functools import lru_cache
from itertools import accumulate, chain
from operator import itemgetter
from typing import Callable, Iterable, Iterator, Optional, Sequence, Union

from core.equations import Equation
from core.model import GLUED_UNDECIDED, MISSING, Flag, Number, Report
from core.parse.prose_counts import flat_prose, stated_issued
from core.parse.tokens import COUNT_UNITS, EMPTY, NA, NUM, Token, ascii_digits
from core.template import Table

MAX_DIGITS = 60  # beyond this a "number" is not a glued table row
# What a glued row's flag says when its digits cut several ways and the parser left cells unread or
# chose a cut. Its cause, GLUED_UNDECIDED, is what the checks read: they suggest no value from sums
# resting on such a row (core/check/rules.py).
NO_UNIQUE_CUT = "无法唯一拆分"
# (glued digits cut in several ways that add up alike: the cells they disagree on)
LEFT_OPEN = "无法确定的单元格留空，请对照原文填写"
CUT_LEFT_OPEN = NO_UNIQUE_CUT + "，" + LEFT_OPEN


def _parts(digits: str, count: int) -> Iterator[list[int]]:
    """Every way to cut `digits` into `count` numbers without leading zeros."""
    if count == 1:
        if digits and (digits == "0" or digits[0] != "0"):
            yield [int(digits)]
        return
    limit = len(digits) - (count - 1)
    for cut in range(1, limit + 1):
        head = digits[:cut]
        if head[0] == "0" and cut > 1:
            break
        for rest in _parts(digits[cut:], count - 1):
            yield [int(head)] + rest


def _cuts_adding_to(digits: str, count: int, target: int,
                    residues: Optional[list[int]] = None) -> tuple[tuple[int, ...], ...]:
    """Cuts of `digits` into `count` numbers (no leading zeros) that add up to `target`: memoised on
    (run, count, target) as _adding_to, which callers ask. `residues` is _sum_residues's table for
    a run `digits` ends: built by the first call (None) once its quick tests pass, and shared by
    the searches on the run's tails (each tail asked for once: a memo of them would not pay)."""
    width = len(str(target))
    if len(digits) > count * width:
        return ()  # no part may be longer than the target itself
    if _least_sum(len(digits), count) > target:
        return ()  # however the digits are shared out, the parts add up to more
    if target > 10 ** (len(digits) - count + 1) + 9 * (count - 1):
        return ()  # even the longest possible part cannot reach the target
    if (_digit_sum(digits) - target) % 9:
        return ()  # casting out nines: however the parts are cut, they cannot add up
    if count == 1:
        ok = digits and (digits == "0" or digits[0] != "0") and int(digits) == target
        return ((target,),) if ok else ()
    if count == 2:
        return _two_adding_to(digits, target)
    if residues is None:
        if not _last_digit_sums(digits, count) >> (target % 10) & 1:
            return ()  # the parts' last digits cannot make the target's (a run of 9s passes the nines)
        if count > 3:  # (3 parts: a few heads weighed, each with 4 cuts at most; a table costs more)
            # (the tails' targets are no longer; one table for up to _RESIDUE_PARTS parts serves
            # every count a row's search asks of the run: its bits for fewer parts are the same)
            residues = _sum_residues(digits, width, max(count, _RESIDUE_PARTS))
            if not residues[len(digits)] >> 200 * count + target % 100 & 1:
                return ()  # no cut ends in the target's last two digits
    out: list[tuple[int, ...]] = []
    # (heads that leave the other parts more digits than they can hold, or that are longer than
    # the target, cut nothing: skipped unweighed)
    for cut in range(max(1, len(digits) - (count - 1) * width), min(len(digits) - count + 2, width + 1)):
        head = digits[:cut]
        if head[0] == "0" and cut > 1:
            break
        value = int(head)
        if value > target:
            break  # longer heads are larger still
        left = target - value
        if residues and not residues[len(digits) - cut] >> 200 * (count - 1) + left % 100 & 1:
            continue  # no cut of the tail ends in the two digits it must: it cuts nothing
        # (the last two parts weighed directly: most of the search ends there, and a memo of
        # them, rarely asked for twice, costs more than the four sums it would save)
        for rest in (_two_adding_to(digits[cut:], left) if count == 3
                     else _cuts_adding_to(digits[cut:], count - 1, left, residues)):
            out.append((value,) + rest)
            if len(out) > 50:
                return tuple(out)  # hopelessly ambiguous anyway
    return tuple(out)


_RESIDUE_PARTS = 6  # a 表三 row's parts before its 总计: the parts _sum_residues' tables are built for, at least


@lru_cache(maxsize=1024)
def _sum_residues(digits: str, width: int, count: int) -> list[int]:
    """What the cuts of each tail of `digits` add up to mod 100, as bits: [length] has bit 200k + r
    set when the last `length` digits cut into k parts (no leading zeros, none longer than `width`,
    k up to `count`) adding up to r mod 100. Exact, so a clear bit rules a target out: a sum mod 100
    is the sum of its parts' mod 100, and a part's is its last two digits (or its one digit). Each
    tail's bits come from the shorter tails' (the part cut first, then the tail after it), so one
    table, built once per run, serves the search on all its tails.

    A part of value p added to every cut of the tail after it, for every k at once, is a shift of
    that tail's bits by 200 + p; a sum past 99 (bits 200k + 100 on) is then folded onto 200k."""
    every_count = (1 << 200 * (count + 1)) - 1  # (k from 0 to count)
    low = sum(((1 << 100) - 1) << 200 * k for k in range(count + 1))  # bits 200k to 200k + 99
    by_length = [1]  # no digits: no parts, adding up to 0
    end = len(digits)
    value = list(_digit_values(digits))  # (each digit's value, as int() reads it)
    for start in range(end - 1, -1, -1):
        longest = 1 if digits[start] == "0" else min(width, end - start)
        sums = by_length[end - start - 1] << 200 + value[start]  # (a part of one digit)
        for cut in range(start + 2, start + longest + 1):
            part = 10 * value[cut - 2] + value[cut - 1]  # (mod 100: its last two digits)
            sums |= by_length[end - cut] << 200 + part
        sums &= every_count
        by_length.append((sums & low) | (sums >> 100 & low))
    return by_length


_adding_to = lru_cache(maxsize=4096)(_cuts_adding_to)


def _two_adding_to(digits: str, target: int) -> tuple[tuple[int, int], ...]:
    """_adding_to's cuts into two numbers, found directly: a + b has as many digits as the longer
    of the two, or one more, so four cuts at most are weighed (none when the run is shorter than
    the target or more than twice as long)."""
    width = len(str(target))
    if not width <= len(digits) <= 2 * width:
        return ()
    # a + b ends in the digit the target does: the head's last digit is known before it is read
    # (ASCII digits; others, as int() reads them, weighed whole)
    head_last = "0123456789"[(target - ord(digits[-1]) + 48) % 10] if digits.isascii() else None
    out = []
    shorter = len(digits) - width  # (the tail as long as the target, or one shorter: at most width)
    for cut in ((shorter, shorter + 1, width - 1, width) if shorter + 1 < width - 1 else
                range(min(shorter, width - 1), max(shorter + 1, width) + 1)):  # (in order, each once)
        if 0 < cut < len(digits) and (cut == 1 or digits[0] != "0") and (cut == len(digits) - 1 or digits[cut] != "0") \
                and (head_last is None or digits[cut - 1] == head_last):
            head, tail = int(digits[:cut]), int(digits[cut:])
            if head + tail == target:
                out.append((head, tail))
    return tuple(out)


@lru_cache(maxsize=4096)
def _last_digit_sums(digits: str, count: int) -> int:
    """The last digits that `count` parts cut from `digits` can add up to, as bits (bit r: a sum
    ending in r): a sum ends in the sum of its parts' last digits, the last part's is the run's
    last digit and the others' are any count - 1 of the digits before it (leading zeros not
    ruled out: the bits may be too many, never too few).

    The sums of k digits chosen so far are bits 20k to 20k + 9 of one number, for every k at once:
    a digit added to each sum of k - 1 is a shift of the whole by 20 + the digit, and a sum past 9
    wraps (bits 20k + 10 on folded onto 20k)."""
    every_count = (1 << 20 * count) - 1  # (k from 0 to count - 1)
    ones = sum(0x3FF << 20 * k for k in range(count))  # bits 20k to 20k + 9, every k
    sums = 1  # no digit chosen: a sum of 0
    for digit in _digit_values(digits[:-1]):
        sums |= (sums << (20 + digit)) & every_count
        sums = (sums & ones) | ((sums >> 10) & ones)
        if sums >> 20 * (count - 1) == 0x3FF:
            return 0x3FF  # every last digit already: the digits left add none (nor does the last)
    chosen = sums >> 20 * (count - 1)
    last = int(digits[-1])
    return ((chosen << last) | (chosen >> (10 - last))) & 0x3FF


def _least_sum(length: int, count: int) -> int:
    """The least sum of `count` numbers without leading zeros printed with `length` digits in all:
    the digits shared out evenly (a number of n digits is at least 10^(n-1), a 1-digit one 0)."""
    short, longer = divmod(length, count)
    if short > 1:
        return longer * 10 ** short + (count - longer) * 10 ** (short - 1)
    return longer * 10 if short == 1 else 0  # (1-digit numbers least 0, 2-digit ones 10)


@lru_cache(maxsize=4096)  # _adding_to asks for the same runs under many targets
def _digit_sum(digits: str) -> int:
    return sum(_digit_values(digits))


_ASCII_DIGIT_VALUES = bytes.maketrans(b"0123456789", bytes(range(10)))


def _digit_values(digits: str):
    """The digits' values, as int() reads each: ASCII ones read as bytes at once (a run's new
    stretches are what a report's first parse reads, each digit of each once)."""
    if digits.isascii():
        return digits.encode().translate(_ASCII_DIGIT_VALUES)
    return map(int, digits)


def _sum_groups(digits: str, groups: int, size: int) -> Iterator[list[int]]:
    """Cuts into `groups` groups of `size` numbers where each group's last is the sum of the others.

    For each group, the total (its last number) is fixed first; the parts are then searched with
    the running sum as a bound, so a run that nothing fits is rejected quickly.
    """
    if groups == 0:
        if not digits:
            yield []
        return
    shortest = size if groups > 1 else len(digits)  # the last group takes all that is left
    digit_sums = None  # digit_sums[k]: the digit sum of digits[:k], for casting out nines
    if digits.isascii():  # (other digits, as int() reads them, summed each time)
        digit_sums = [0, *accumulate(_digit_values(digits))]
    carry = len(str(size - 1))  # the digits a sum of size - 1 numbers may have beyond its longest
    for length in range(shortest, len(digits) - (groups - 1) * size + 1):
        group = digits[:length]
        # No part can be longer than the total it adds up to (at least length / size digits). Nor
        # can the total be longer than the parts reach: of size - 1 numbers cut from the
        # length - total_len digits before it, the longest has length - total_len - (size - 2)
        # digits at most, and the sum at most `carry` more.
        longest_total = min(length - (size - 1), (length - size + 2 + carry) // 2)
        for total_len in range(-(-length // size), longest_total + 1):
            total_digits = group[length - total_len:]
            if total_digits[0] == "0" and total_len > 1:
                continue
            total = int(total_digits)
            head = length - total_len
            if ((digit_sums[head] if digit_sums else _digit_sum(group[:head])) - total) % 9:
                continue  # casting out nines: however the parts are cut, they cannot add up
            for parts in _adding_to(group[:length - total_len], size - 1, total):
                for rest in _sum_groups(digits[length:], groups - 1, size):
                    yield list(parts) + [total] + rest


def split_summed(digits: str, groups: int, size: int, limit: int = 200) -> list[list[int]]:
    """Readings of a glued run as `groups` groups that each add up (at most `limit` of them)."""
    if not digits.isdigit() or len(digits) > MAX_DIGITS or len(digits) < groups * size:
        return []
    out = []
    for reading in _sum_groups(digits, groups, size):
        out.append(reading)
        if len(out) >= limit:
            break
    return out


def split_plain(digits: str, count: int, accept: Callable[[list[int]], bool], limit: int = 200) -> list[list[int]]:
    """Readings of a glued run as `count` numbers that `accept` allows (rows without a sum)."""
    if not digits.isdigit() or len(digits) > 24 or len(digits) < count:
        return []
    out = []
    for reading in _parts(digits, count):
        if accept(reading):
            out.append(reading)
            if len(out) >= limit:
                break
    return out


def adds_up(digits: str, groups: int, size: int) -> bool:
    """Whether a run of digits can be cut into `groups` groups of at most `size` numbers (the
    others blank, leaving no trace) where each group's last column is the sum of its others: a
    group takes a stretch of the run (maybe none), its 总计 is the stretch's tail, or blank when
    the stretch is all zeros. Exact, and fast where a search through every cut is not."""
    if groups == 1:
        return _group_adds_up(digits, size)
    return any(_group_adds_up(digits[:cut], size) and adds_up(digits[cut:], groups - 1, size)
               for cut in range(len(digits) + 1))


@lru_cache(maxsize=4096)
def _group_adds_up(digits: str, size: int) -> bool:
    if not digits.strip("0"):
        return len(digits) <= size  # every digit a 0 (or none): the sums hold
    for start in _total_starts(digits, size):
        total = digits[start:]
        # (fewer parts than -(-start // len(total)) would need one longer than the 总计)
        if any(_adding_to(digits[:start], count, int(total)) for count in range(-(-start // len(total)), size)):
            return True
    return False


def _total_starts(digits: str, columns: int) -> Iterator[int]:
    """Where a run of digits printing a row of `columns` numbers (the last its 总计, the sum of the
    others) may start its 总计: the tail from there a number, as long as each part before it at
    most, and those parts' digits adding up to the 总计's mod 9."""
    digit_sums = [0, *accumulate(_digit_values(digits))]  # digit_sums[k]: of digits[:k]
    for start in range(1, len(digits)):
        total = digits[start:]
        if total[0] == "0" and len(total) > 1:
            continue
        if not len(total) <= start <= (columns - 1) * len(total):
            continue  # the parts add up to fewer digits than they have, and none is above the 总计
        if (2 * digit_sums[start] - digit_sums[-1]) % 9:
            continue  # casting out nines: however the parts are cut, they cannot add up
        yield start


def reading_places(digits: str, columns: int) -> Optional[dict[tuple[int, int, int], int]]:
    """Where the readings of a row printed as one run of digits pass (blanks allowed, leaving no
    trace; the last of `columns` columns its 总计, a tail of the run, the sum of the numbers cut
    before it): for each place (its cell, 0, and the digits used) and sum of the numbers cut there,
    the columns that may have been taken by then, as bits. For a place a reading of the run reaches (numbers
    cut from the digits used adding up to the sum, in the columns taken or fewer), bit `taken` is
    completes(digits[used:], columns - taken, sum): a way on that adds up, joined to the way there,
    is a reading listed here. Its cuts listed once serve every place of the run, where completes
    searches again from each. None for a run that cuts too many ways to list (_adding_to stops at
    51), all 0s, or of other digits than ASCII ones: completes weighs them."""
    if not digits.isascii() or not digits.strip("0"):
        return None
    places: dict[tuple[int, int, int], int] = {}
    for start in _total_starts(digits, columns):
        total = digits[start:]
        for count in range(-(-start // len(total)), columns):
            cuts = _adding_to(digits[:start], count, int(total))
            if len(cuts) > 50:
                return None  # maybe not all of them
            for parts in cuts:
                used = sum_so_far = 0
                for k in range(count + 1):  # k numbers cut, in k to k + columns - 1 - count columns
                    places[0, used, sum_so_far] = places.get((0, used, sum_so_far), 0) | ((1 << (columns - count)) - 1) << k
                    if k < count:
                        used += len(str(parts[k]))
                        sum_so_far += parts[k]
    return places


MAX_LISTED_CUTS = 200  # a row of several cells cut more ways is weighed place by place


def row_reading_places(cells: tuple[str, ...], columns: int) -> Optional[dict[tuple[int, int, int], int]]:
    """reading_places for a row printed as several cells (digit runs and placeholders, a
    placeholder one column of 0): for each place (its cell, the digits of it used) and sum so far,
    the columns that may have been taken by then, as bits; bit `taken` is what row_completes (or
    completes, in the last cell) answers there, blanks allowed, runs cut. None for a row whose
    digits are all 0s, whose last cell is not a run of digits (its 总计 is then blank or 0), with
    a run longer than MAX_CELL_DIGITS (row_completes does not weigh it) or not ASCII, or whose
    runs are cut more than MAX_LISTED_CUTS ways on the way to its readings."""
    runs = [c for c in cells if c.isdigit()]
    if not cells[-1].isdigit() or not any(c.strip("0") for c in runs) or \
            not all(c.isascii() and len(c) <= MAX_CELL_DIGITS for c in runs):
        return None
    last = len(cells) - 1
    places: dict[tuple[int, int, int], int] = {}
    followed = 0  # cuts of a run followed
    digit_sums: list[int] = []  # (what the runs of pieces[index:] add up to uncut, by index: summed once a total)

    def walk(pieces: tuple[str, ...], index: int, left: int, way: list[tuple[int, int, int]]) -> bool:
        """Each way to read pieces[index:] (cells, the last cut short before its 总计) as numbers
        adding up to `left`, listed with the way there (the places passed, the columns taken: one
        a place); False once too many cuts were followed."""
        nonlocal followed
        if index == len(pieces):
            if left:
                return True
            spare = columns - len(way) + 1  # (the columns before the 总计 left blank, plus one)
            for taken, place in enumerate(way):
                places[place] = places.get(place, 0) | ((1 << spare) - 1) << taken
            return True
        if (digit_sums[index] - left) % 9:
            return True  # casting out nines: however the runs left are cut, they cannot add up to it
        piece = pieces[index]
        after = len(pieces) - index - 1  # (each piece after this one takes a column at least)
        if not piece.isdigit():
            return len(way) + after < columns and walk(pieces, index + 1, left, way + [(index + 1, 0, way[-1][2])])
        before_total = index == last  # (the last cell's digits before its 总计: it stays the place's cell)
        most = columns - len(way) - after  # (numbers it may be cut into)
        cuts: Iterable[Sequence[int]]
        if not any(p.isdigit() for p in pieces[index + 1:]):  # the last run: its numbers add up to all that is left
            listed: list[tuple[int, ...]] = []
            for count in range(1, min(len(piece), most) + 1):
                adding = _adding_to(piece, count, left)
                if len(adding) > 50:
                    return False  # maybe not all of them (_adding_to stops at 51)
                listed += adding
            cuts = listed
        else:
            cuts = _cuts_up_to(piece, most, left)
        for parts in cuts:
            followed += 1
            if followed > MAX_LISTED_CUTS:
                return False
            steps = list(way)
            used, sum_so_far = 0, way[-1][2]
            for part in parts:
                used += len(str(part))
                sum_so_far += part
                steps.append((index, used, sum_so_far) if used < len(piece) or before_total else (index + 1, 0, sum_so_far))
            if not walk(pieces, index + 1, left - sum(parts), steps):
                return False
        return True

    for start in range(len(cells[-1])):
        total = cells[-1][start:]
        if total[0] == "0" and len(total) > 1:
            continue
        pieces = cells[:-1] + ((cells[-1][:start],) if start else ())
        digit_sums = list(accumulate((int(p) if p.isdigit() else 0 for p in reversed(pieces)), initial=0))[::-1]
        if not walk(pieces, 0, int(total), [(0, 0, 0)]):
            return None
    return places


def _cuts_up_to(digits: str, most: int, bound: int) -> Iterator[list[int]]:
    """Cuts of `digits` into at most `most` numbers without leading zeros adding up to at most `bound`."""
    if most < 1:
        return
    for cut in range(1, len(digits) + 1) if digits[0] != "0" else (1,):
        value = int(digits[:cut])
        if value > bound:
            break
        if cut == len(digits):
            yield [value]
        elif most > 1:
            for rest in _cuts_up_to(digits[cut:], most - 1, bound - value):
                yield [value] + rest


@lru_cache(maxsize=4096)
def completes(digits: str, columns: int, taken: int) -> bool:
    """Whether a row whose columns so far add up to `taken` can end in one whose 总计 (its last
    column) is the sum of the others, when `digits` are what is left of its run for `columns`
    more columns (the others blank, leaving no trace): the 总计 is the run's tail, and the digits
    before it are cut into at most columns - 1 numbers. Exact: a search may skip what fails."""
    if not digits.strip("0"):
        return taken == 0 and len(digits) <= columns  # zeros only: each a 0, the 总计 too or blank
    digit_sums = None  # digit_sums[k]: the digit sum of digits[:k], for casting out nines
    if digits.isascii():  # (other digits left to _adding_to, which reads them as int() does)
        digit_sums = [0, *accumulate(_digit_values(digits))]
    for start in range(len(digits)):
        total = digits[start:]
        if total[0] == "0" and len(total) > 1:
            continue
        rest = int(total) - taken
        if rest < 0:
            continue
        if start == 0:
            if rest == 0:
                return True
            continue
        if digit_sums and (digit_sums[start] - rest) % 9:
            continue  # casting out nines, as _adding_to does first for any count: no cut adds up
        # (fewer parts than -(-start // len(str(rest))) would need one longer than the rest)
        if any(_adding_to(digits[:start], count, rest) for count in range(-(-start // len(str(rest))), columns)):
            return True
    return False


MAX_CELL_DIGITS = 12  # a printed cell cut by _fits at most this long; beyond, no pruning


@lru_cache(maxsize=8192)
def row_completes(cells: tuple[str, ...], columns: int, taken: int, blanks: bool, cut: bool,
                  long: bool = False) -> bool:
    """completes for what is left of a row printed as several cells (digit runs and placeholders):
    whether they can fill `columns` more columns (blank ones too, when `blanks`; digit runs cut
    into numbers without leading zeros, when `cut`, else taken whole) so that the last column is
    `taken` plus the others. Exact, except that it answers True when a cell is too long to weigh;
    with `long`, a long cell is weighed too when no digit run follows it (see _fits)."""
    if blanks and cut and len(cells) == 1 and cells[0].isdigit() and len(cells[0]) <= MAX_DIGITS:
        return completes(cells[0], columns, taken)
    if not long and any(c.isdigit() and len(c) > MAX_CELL_DIGITS for c in cells):
        return True
    if not cells:
        return blanks and taken == 0  # blank columns to the end, the 总计 too
    if blanks and _fits(cells, -taken, columns - 1, blanks, cut, long):
        return True  # every cell before a blank 总计: they add up to 0 with `taken`
    *before, last = cells
    if not last.isdigit():  # a placeholder 总计 (0)
        return _fits(tuple(before), -taken, columns - 1, blanks, cut, long)
    tails = range(len(last)) if cut else (0,)
    for start in tails:
        total = last[start:]
        if total[0] == "0" and len(total) > 1:
            continue
        head = tuple(before) + ((last[:start],) if start else ())
        if int(total) >= taken and _fits(head, int(total) - taken, columns - 1, blanks, cut, long):
            return True
    return False


@lru_cache(maxsize=8192)
def _fits(cells: tuple[str, ...], target: int, columns: int, blanks: bool, cut: bool, long: bool = False) -> bool:
    """Whether printed cells fill `columns` columns (fewer, the rest blank, when `blanks`) with
    values adding up to `target`: a placeholder is one column of 0, a digit run one number or
    (when `cut`) several without leading zeros. With `long`, the last digit run is cut by
    _adding_to, which weighs a run of any length (the target is known once the runs before it
    are cut); a long run before another answers True (not weighed)."""
    if target < 0 or columns < len(cells):
        return False
    if not cells:
        return target == 0 and (blanks or columns == 0)
    if cut and not (long and any(len(c) > MAX_CELL_DIGITS for c in cells)):  # (a long run may answer True unweighed)
        runs = [c for c in cells if c.isdigit()]
        if all(c.isascii() for c in runs) and (sum(map(int, runs)) - target) % 9:
            # casting out nines: however the runs are cut, their numbers add up to their digits'
            # sum mod 9, which is each run's own value mod 9
            return False
    first, rest = cells[0], cells[1:]
    if not first.isdigit():
        return _fits(rest, target, columns - 1, blanks, cut, long)
    if not cut:
        return (first[0] != "0" or first == "0") and \
            _fits(rest, target - int(first), columns - 1, blanks, cut, long)
    if (long or first.isascii()) and not any(c.isdigit() for c in rest):
        # the placeholders after it take a column each: its cuts that add up, searched as
        # _adding_to does, are what the cuts weighed one by one below would find (ASCII digits:
        # a part with another script's leading 0 is a number to them, which _adding_to bounds
        # would rule out)
        counts = range(1, min(len(first), columns - len(rest)) + 1) if blanks else (columns - len(rest),)
        return any(0 < count <= len(first) and _adding_to(first, count, target) for count in counts)
    if long and len(first) > MAX_CELL_DIGITS:
        return True
    for count in range(1, min(len(first), columns - len(rest)) + 1):
        for parts in _parts_up_to(first, count, target):
            if _fits(rest, target - sum(parts), columns - count, blanks, cut, long):
                return True
    return False


def _parts_up_to(digits: str, count: int, bound: int) -> Iterator[list[int]]:
    """_parts' cuts whose numbers add up to `bound` at most, in _parts' order: a head above the
    bound ends the search (longer heads are larger still), and so does a run longer than `count`
    numbers no greater than the bound can print (ASCII digits: another script's leading 0 is no
    0 to _parts)."""
    if len(digits) > count * len(str(bound)) and digits.isascii():
        return  # each part is at most the bound, so has at most its digits
    if count == 1:
        if digits and (digits == "0" or digits[0] != "0") and int(digits) <= bound:
            yield [int(digits)]
        return
    for cut in range(1, len(digits) - count + 2):
        head = digits[:cut]
        if head[0] == "0" and cut > 1:
            break
        value = int(head)
        if value > bound:
            break
        for rest in _parts_up_to(digits[cut:], count - 1, bound - value):
            yield [value] + rest


# --- 表二 rows glued to their labels ------------------------------------------------------------

_PLACEHOLDERS = "－—/-无"
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?![\d,])")
_SIGNS = "+-－"
_COUNT_UNITS = COUNT_UNITS  # a unit after a count closes its cell ("规范性文件3项3项4项")
_PLUS_SIGN = re.compile(r"[+＋]\d")
# A dash standing for a blank cell: one not before a digit other than 0 (a minus sign always is),
# or an em dash, never a sign.
_DASH_PLACEHOLDER = re.compile(r"[-－–](?![1-9１-９])|—")
_ASCII_MARKS = str.maketrans("．，＋", ".,+")
_MAX_T2_READINGS = 50
_MAX_T2_STEPS = 5000


def t2_runs(text: str, rows) -> dict[str, tuple[int, int]]:
    """(start, end) in `text` of the run of values after each 表二 row's label, rows found by
    label in template order ("…规章000规范性文件6671第二十条…": "000" and "6671")."""
    runs: dict[str, tuple[int, int]] = {}
    position = 0
    for row in rows:
        found = [(text.find(w, position), w) for w in row.keywords if text.find(w, position) >= 0]
        if not found:
            continue
        at, word = min(found)
        start = at + len(word)
        rest = row.label[row.label.find(word) + len(word):] if word in row.label else ""
        if rest and text.startswith(rest, start):
            start += len(rest)  # the label's words after the keyword ("对外管理服务" + "事项")
        end = start
        while end < len(text) and (text[end] in _PLACEHOLDERS or text[end] in _SIGNS or text[end] in "＋.．,， \t\n"
                                   or text[end].isdigit() or (text[end] in _COUNT_UNITS and text[end - 1].isdigit())):
            end += 1  # (a count's unit goes on the run: "3项3项4项" is three cells, the unit closing each)
        runs[row.key] = (start, end)
        position = end
    return runs


def t2_readings(run: str, kinds: list[str], blanks: int = 0) -> list[tuple[tuple[Optional[Number], int, int], ...]]:
    """Every way to read a 表二 row's run of printed values as its columns (`kinds` as in the
    template: "signed" for 本年增/减, "amount" for sums of money): a digit run is cut into numbers
    without leading zeros, a sign starts a number of a signed column only, a "-" or "－" may also
    be a placeholder, a decimal point stays inside an amount. Each column is (value, start, end)
    in the run, value None for a placeholder. With `blanks`, that many columns printed nothing
    (a blank cell docx2txt left no trace of): (None, at, at), nothing taken from the run.
    [] when the run reads no way, or too many ways."""
    out: list[tuple] = []
    steps = [0]

    def number_ends(start: int, kind: str):
        # (no number starts with a 0 but 0 itself: "2020,552" is 2 | 0 | 20,552, never 2 | "020,552")
        grouped = _THOUSANDS.match(run, start) if run[start] != "0" else None
        if grouped:  # "11,563": one number, never cut inside
            yield grouped.end(), int(grouped.group().replace(",", ""))
            # but glued, its first digits may end the cell before: "21" + "5,592"
            for cut in range(start + 1, grouped.group().index(",") + start):
                if run[cut] != "0" and _THOUSANDS.match(run, cut):
                    yield cut, int(run[start:cut])
            return
        digits_end = start
        while digits_end < len(run) and run[digits_end].isdigit():
            digits_end += 1
        # no cell holds more than MAX_DIGITS digits (and int() refuses a 4 301-digit string)
        lengths = range(1, min(digits_end - start, MAX_DIGITS) + 1) if run[start] != "0" else (1,)
        for length in lengths:
            end = start + length
            yield end, int(run[start:end])
            if end == digits_end and kind == "amount" and run[end:end + 1] == "." and run[end + 1:end + 2].isdigit():
                decimals_end = end + 1
                while decimals_end < len(run) and run[decimals_end].isdigit():
                    decimals_end += 1
                for last in range(end + 2, decimals_end + 1):
                    yield last, float(run[start:last])

    def walk(at: int, taken: tuple, blanks: int = blanks) -> None:
        steps[0] += 1
        if steps[0] > _MAX_T2_STEPS or len(out) > _MAX_T2_READINGS:
            return
        while at < len(run) and run[at] in " \t\n":
            at += 1
        if len(taken) == len(kinds):
            if at == len(run) and not blanks:
                out.append(taken)
            return
        if blanks:
            walk(at, taken + ((None, at, at),), blanks - 1)
        if at == len(run):
            return
        kind, char = kinds[len(taken)], run[at]
        if run.startswith(("--", "——"), at):
            walk(at + 2, taken + ((None, at, at + 2),), blanks)  # docx2txt prints a cell's "—" as "--"
        if char in _PLACEHOLDERS:
            walk(at + 1, taken + ((None, at, at + 1),), blanks)
        if char in _SIGNS and kind == "signed" and run[at + 1:at + 2].isdigit() and run[at + 1] != "0":
            for end, value in number_ends(at + 1, kind):
                walk(end, taken + ((-value if char != "+" else value, at, end),), blanks)
        if char.isdigit():
            for end, value in number_ends(at, kind):
                walk(end, taken + ((value, at, end),), blanks)

    walk(0, ())
    return [] if len(out) > _MAX_T2_READINGS or steps[0] > _MAX_T2_STEPS else out


def _counts_with_units(run: str) -> list[tuple[int, int]]:
    """(start, end) of the counts in a 表二 row's run closed by their unit ("2项81,049项"), less their
    leading 0s: a count other than 0 prints its unit and a 0 none, so such a count is one cell, the
    0s before it cells of their own. Not after a sign: a change prints no unit ("-1378项" is
    -137 · 8), nor after a decimal point."""
    out = []
    for n, ch in enumerate(run):
        if ch not in _COUNT_UNITS or not n or not run[n - 1].isdigit():
            continue
        start = n
        while start and (run[start - 1].isdigit() or run[start - 1] == ","):
            start -= 1
        if start and run[start - 1] in _SIGNS + ".":
            continue
        while start < n - 1 and run[start] == "0":
            start += 1
        out.append((start, n))
    return out


def _uncut(readings: list, whole: list[tuple[int, int]]) -> list:
    """The readings taking each of the `whole` counts (_counts_with_units) as one cell."""
    return [r for r in readings if not any(a < first < b for _, first, _ in r for a, b in whole)] if whole else readings


def _likely_t2_readings(template: str, key: str, readings: list, run: str = "", signed: bool = False,
                        dashes: bool = True, with_blanks: Callable[[], list] = list,
                        stated: Optional[int] = None) -> tuple[list, str]:
    """The readings of a glued 表二 row worth keeping, and the assumption that chose them ("" when
    none was needed). Certain: 上一年项目数量 plus 本年增/减 is this year's count, never below 0 (a
    placeholder in 上一年项目数量 says none: 「－－68」 is － · － · 68, never － · -6 · 8).
    Plausible, preferred when some reading keeps it: 2021's 本年制发 ≤ 现行有效 + 本年废止 (T2-2);
    2019's 本年新公开 ≤ 对外公开总数量 (the total published counts this year's), and 本年新公开 =
    本年新制作: a 规章 or 规范性文件 has no effect until published (立法法; 国办发〔2018〕37号: 未经
    公开发布的不得作为行政管理依据), so what an agency makes in a year it publishes that year.
    `signed`: the table prints a change with its sign ("+2"), so a change other than 0 prints one:
    readings whose 本年增/减 (the `run`'s) is 0, a placeholder, blank or signed are preferred; so
    are they where every reading has a blank cell. `dashes`: the report's tables may print a dash
    for a blank cell (_prints_dashes); where they print none, a "-" before digits is a minus sign,
    not a placeholder ("1-1190": 1 · -1 · 190, never 1 · - · 1190), and the digits after it may be
    the change alone beside a blank cell that left no trace ("91-32": 91 · -3 · 2 or 91 · -32 ·
    blank, both kept): `with_blanks` gives the run's readings with blank cells. `stated`: the
    number of 规范性文件 the prose says were issued (prose_counts.py), which the template ties to
    2021's 行政规范性文件 本年制发件数 (the N-1 rule): the readings giving that cell this number are
    preferred ("31331" with 「制发规范性文件31件」: 31 · 3 · 31 or 31 · 33 · 1, never 3 · 13 · 31);
    where none does, the prose and the table disagree, which N-1 shows, and the readings stay.
    The rows these assumptions leave one reading are flagged as inferred by the caller."""
    values = lambda r: [0 if first == last else value for value, first, last in r]  # noqa: E731 (a blank: 0)
    if template == "2019" and key not in ("rules", "normative_docs", "procurement"):
        possible = [r for r in readings if values(r)[1] is None or (values(r)[0] or 0) + values(r)[1] >= 0] or readings
        assumed = ""
        if not dashes:
            def as_minus(r) -> bool:  # (no dash of the run read as a placeholder)
                return not any(value is None and last > first and run[first] in _SIGNS for value, first, last in r)

            minus = list(filter(as_minus, possible))
            if minus and len(minus) < len(possible):
                possible, assumed = minus + [r for r in with_blanks() if r not in minus and as_minus(r) and (
                    values(r)[1] is None or (values(r)[0] or 0) + values(r)[1] >= 0)], "表中未以短横线表示空白，短横线按负号拆分"
        # (a row short of cells: an unsigned value is not the change either, as t2_short_rows reads it)
        if signed or all(any(first == last for _, first, last in r) for r in possible):
            with_sign = [r for r in possible if not values(r)[1] or run[r[1][1]] in _SIGNS]
            if with_sign and len(with_sign) < len(possible):
                return with_sign, "按本年增/减带正负号拆分" if signed else "按不带正负号的数不是本年增/减拆分"
        return possible, assumed
    if key not in ("rules", "normative_docs"):
        return readings, ""
    plausible = [r for r in readings if None in values(r) or
                 (values(r)[1] <= values(r)[2] if template == "2019" else values(r)[0] <= values(r)[1] + values(r)[2])]
    readings = plausible or readings
    if template != "2019":
        as_stated = [r for r in readings if key == "normative_docs" and stated is not None and values(r)[0] == stated]
        if as_stated and len(as_stated) < len(readings):
            return as_stated, f"按正文所称制发规范性文件{stated}件拆分"
        return readings, ""
    published_as_made = [r for r in readings if values(r)[0] is not None and values(r)[0] == values(r)[1]]
    if published_as_made and len(published_as_made) < len(readings):
        return published_as_made, "按本年新公开数量等于本年新制作数量拆分"
    return readings, ""


def _money_unit(text: str, at: int) -> str:
    """The unit of money printed at `at`, right after a glued row's run ("1000元"), or ""."""
    return next((unit for unit in _MONEY_UNITS if text.startswith(unit, at)), "")


_MONEY_UNITS = ("万元", "千元", "亿元", "元")  # (元 last: the others end in it)


def glued_t2(report: Report, table: Table, dropped: Sequence[tuple[int, int]] = ()) -> dict[str, list[Optional[Token]]]:
    """表二's rows read from the runs glued to their labels, for the rows the parser read nothing
    in (docx2txt prints "…规章000规范性文件6671第二十条…", often with the heading 二、 glued to the
    paragraph before it, so the section was not found at all).

    A cell is filled where every reading of its run agrees (in 规章/规范性文件, readings that keep
    2021's 本年制发 ≤ 现行有效 + 本年废止 (T2-2), or 2019's 本年新公开 ≤ 对外公开总数量 (the total
    published counts this year's), are preferred); the others stay unread, flagged. The text at
    `dropped` (offsets of a page's number, page_furniture.py) is read as spaces."""
    if 2 in report.section_spans:
        start, end = report.section_spans[2]
    else:
        start = report.text.find("第二十条")
        end = report.section_spans[3][0] if 3 in report.section_spans else report.text.find("申请人情况", start)
        if start < 0 or end <= start:
            return {}
    open_rows = {row.key for row in table.rows
                 if all(report.cells[f"section2.{row.key}.{c.key}"].state == MISSING for c in row.columns)}
    if not open_rows:
        return {}  # every row read something (commonly so): no run is read again
    out: dict[str, list[Optional[Token]]] = {}
    flags: list[Flag] = []
    signed = signs_printed(report.text, start, end)
    for key, (run_start, run_end) in t2_runs(report.text[start:end], table.rows).items():
        run = report.text[start + run_start:start + run_end]
        for a, b in dropped:  # (commonly none)
            a, b = max(a - start - run_start, 0), min(b - start - run_start, len(run))
            if a < b:
                run = run[:a] + " " * (b - a) + run[b:]
        if key not in open_rows or not run.strip():
            continue
        row = table.row(key)
        read = t2_run_cells(report, row, run, start + run_start, signed)
        if read is None:
            continue
        cells, assumed, cut = read
        out[key] = cells
        printed = " ".join(run.split())  # (its flag quotes the run as printed)
        if None in cells:
            flags.append(Flag(f"section2.{key}", "parse", f"「{row.label}」行的数字粘连在一起（{printed}），"
                                                           + CUT_LEFT_OPEN, (GLUED_UNDECIDED,)))
        elif cut:
            flags.append(Flag(f"section2.{key}", "inferred", f"「{row.label}」行的数字粘连在一起（{printed}），"
                                                              f"{assumed or '已拆分'}，请对照原文核对"))
    report.flags = [f for f in report.flags if f.cell not in {f"section2.{key}" for key in out}] + flags
    return out


def signs_printed(text: str, start: int, end: int) -> bool:
    """Whether 表二 (text[start:end]) prints a change with its sign: a "+" before a digit (a "-"
    may be a placeholder)."""
    return _PLUS_SIGN.search(text, start, end) is not None


def _prints_dashes(text: str, at: int) -> bool:
    """Whether the report's tables print a dash for a blank cell anywhere (_DASH_PLACEHOLDER): from
    表二's first block heading (before `at`, a row's run) to section 五's heading after it (the whole
    text after `at` where none is found: a dash in its prose counts too, the cautious way). 表三
    and 表四 hold no negative count, so a dash there is a placeholder whatever follows it."""
    start = text.find("第二十条")
    end = text.find("存在的主要问题", at)
    return _DASH_PLACEHOLDER.search(text, start if 0 <= start < at else at, end if end >= 0 else len(text)) is not None


def t2_run_cells(report: Report, row, run: str, offset: int, signed: bool
                 ) -> Optional[tuple[list[Optional[Token]], str, bool]]:
    """A 表二 row's cells read from its `run` of glued values (at `offset` in the text): each cell
    every reading of the run agrees on (a Token; an EMPTY one for a blank cell), None for the
    others; and the assumption that chose the readings ("" when none was needed; 空白单元格未留痕迹
    where a reading has a blank); and whether the run was cut (it sets fewer pieces apart than the
    row has columns, a count's unit closing a piece). None when the run reads no way. `signed`: the
    table prints a change with its sign (_likely_t2_readings)."""
    # (a full-width point, comma or plus read as ASCII, one for one: "０．１" is an amount of 0.1,
    # "１，２３４" a count with its thousands separator, "＋８８" a change of +88)
    run = ascii_digits(run).translate(_ASCII_MARKS)
    whole = _counts_with_units(run)
    # a count's unit ends its cell: a space in its place keeps the offsets
    run = "".join(" " if ch in _COUNT_UNITS and n and run[n - 1].isdigit() else ch for n, ch in enumerate(run))
    kinds = [c.kind for c in row.columns]
    full = t2_readings(run, kinds)
    readings = _uncut(full, whole)
    if not readings and any(ch.isdigit() for ch in run):  # no way to fill every column: some were blank
        short = [r for blanks in range(1, len(kinds)) for r in t2_readings(run, kinds, blanks)]
        readings = _uncut(short, whole) or full or short
    readings, assumed = _likely_t2_readings(
        report.template, row.key, readings, run, signed, _prints_dashes(report.text, offset),
        lambda: [r for blanks in range(1, len(kinds)) for r in _uncut(t2_readings(run, kinds, blanks), whole)],
        stated_issued(flat_prose(report)) if row.key == "normative_docs" and report.template != "2019" else None)
    if not readings:
        return None
    if any(first == last for r in readings for _, first, last in r):
        assumed = "空白单元格未留痕迹，" + (assumed or "已拆分")
    cells: list[Optional[Token]] = []
    for n in range(len(row.columns)):
        column = {r[n] for r in readings}
        if len({(value, first == last) for value, first, last in column}) > 1:
            cells.append(None)
            continue
        value, first, last = readings[0][n]
        text = run[first:last]
        unit = _money_unit(report.text, offset + len(run)) \
            if kinds[n] == "amount" and value is not None and not run[last:].strip() else ""
        cells.append(Token(EMPTY, "", offset + first, offset + first, 0) if first == last else
                     Token(NA, text, offset + first, offset + last, 0) if value is None else
                     Token(NUM, text, offset + first, offset + last, 0, value) if not unit else
                     # the unit the run stopped at is the amount's: a sum in 元 is converted (cell_from_token)
                     Token(NUM, text + unit, offset + first, offset + len(run) + len(unit), 0, value, unit))
    return cells, assumed, len(run.split()) < len(row.columns)


# --- rows whose cuts only the other rows can choose -------------------------------------------

MAX_JOINT_STEPS = 5000  # rows this open are left as they are
_MAX_JOINT_MOVES = 20000  # readings tried in all (every choice made so far seen on ~1 600)
_MAX_SOLUTIONS = 200


class GaveUp(Enum):
    """jointly_possible's answer when its search gives up (unlike None: no choice holds)."""
    SOME_HOLD = "some choices make every sum hold, too many to list"
    NONE_FOUND = "no choice that makes every sum hold found yet: whether one does is not known"


SOME_HOLD, NONE_FOUND = GaveUp.SOME_HOLD, GaveUp.NONE_FOUND


def around_unread(eqs, unread: set[str]) -> list:
    """Equations that skip cells left unread (a typo's row no cut adds up): where an unread cell is
    alone on one side of an equation, it equals the other side, which takes its place in every
    other equation through it (T3-1 一 + 二 = （七）总计 + 四 and T3-2 （七）总计 = Σ results give
    一 + 二 = Σ results + 四 when the 总计 row is unread). Only combinations free of unread cells;
    without them every sum through the row says nothing, and the other rows' cuts lose their
    column sums."""
    out = []
    seen = None  # the sides of the equations there are, sorted (built when first asked: most calls combine none)
    defined: dict[str, list[tuple]] = {}  # cell -> (equation, the cell's side, the other side), where alone on a side
    for defining in eqs:
        for alone, other in ((defining.left, defining.right), (defining.right, defining.left)):
            if len(alone) == 1 and alone[0] in unread:
                defined.setdefault(alone[0], []).append((defining, alone, other))
    for cell in sorted(defined):
        for defining, alone, other in defined[cell]:
            if unread.intersection(other):
                continue
            for eq in eqs:
                if eq is defining or cell not in eq.cells:
                    continue
                left = tuple(q for p in eq.left for q in (other if p == cell else (p,)))
                right = tuple(q for p in eq.right for q in (other if p == cell else (p,)))
                if unread.intersection(left + right):
                    continue
                if seen is None:
                    seen = {(tuple(sorted(e.left)), tuple(sorted(e.right))) for e in eqs}
                key = (tuple(sorted(left)), tuple(sorted(right)))
                if key in seen:
                    continue
                seen.add(key)
                out.append(Equation(f"{eq.rule}+{defining.rule}", left, right, eq.kind))
    return out


def jointly_possible(rows: dict[str, list[list[float]]], paths: dict[str, list[str]], eqs,
                     values: dict[str, Optional[float]], chosen_only: bool = False) -> Union[dict[str, list[int]], None, GaveUp]:
    """For rows each with several readings (their cells' values in `paths` order, none unknown),
    the readings of each row that take part in some choice of one reading per row under which
    every equation through them holds, the other cells at `values`. An equation through a cell
    that is unknown and in none of the rows says nothing.

    None when no choice makes them all hold (a typo somewhere: the rows stay as they are). When
    the search gives up (more than MAX_JOINT_STEPS steps, _MAX_JOINT_MOVES readings tried or
    _MAX_SOLUTIONS choices): SOME_HOLD if it found a choice that holds, else NONE_FOUND.
    Counts are never negative: a partial choice whose sums can no longer balance is cut off.

    `chosen_only`, for a caller that reads only the readings kept (a dict, the same one) and takes
    every other answer alike: a search that surely gives up is not made, and NONE_FOUND is answered
    for it (whether or not it would have found a choice before giving up)."""
    one_way = [key for key in rows if len(rows[key]) == 1]
    if one_way and all(rows.values()) and _small_whole_numbers(rows, values):  # (a row of no reading: below)
        return _one_way_known(rows, one_way, paths, eqs, values, chosen_only)
    return _jointly_possible(rows, paths, eqs, values, chosen_only=chosen_only)


def jointly_possible_without(rows: dict[str, list[list[float]]], paths: dict[str, list[str]], eqs,
                             values: dict[str, Optional[float]]) -> Callable[[set[str]], Union[dict[str, list[int]], None, GaveUp]]:
    """A function answering, for a set of cells, jointly_possible(rows, paths, the equations of
    `eqs` through none of those cells, values): for a caller asking of each cell of a row (or
    column) in turn whether it is the misprint. What the answers share is worked out once: which
    rows are read one way, the open rows' bounds, and which sums through the rows read one way
    cannot balance with the open rows at their bounds (_one_way_known's test, the same whichever
    cells are left out: cells leaving one of them in are answered None at once).

    Every number an int below 2**30: the answers are jointly_possible's, give-ups included. Ints
    beyond (a typo row's printed digits read as one cell, 172531234949240021300, leave the walk in
    fractions' _search): the test is made in ints all the same, exact, and cells it answers None
    for are cells no choice holds for (jointly_possible's walk finds none there, though it may give
    up before it is sure: NONE_FOUND); the others are answered by jointly_possible itself."""
    one_way = [key for key in rows if len(rows[key]) == 1]
    if not one_way or not all(rows.values()) or not _whole_numbers(rows, values):
        return lambda cells: _jointly_possible(rows, paths, [e for e in eqs if cells.isdisjoint(e.cell_set)], values)
    small = _small_whole_numbers(rows, values)
    known = dict(values)
    for key in one_way:
        known.update(zip(paths[key], rows[key][0]))
    open_rows = {key: readings for key, readings in rows.items() if len(readings) > 1}
    apart = _sums_apart(open_rows, one_way, paths, eqs, known)

    def answer(cells: set[str]) -> Union[dict[str, list[int]], None, GaveUp]:
        if any(cells.isdisjoint(e.cell_set) for e in apart):
            return None
        kept = [e for e in eqs if cells.isdisjoint(e.cell_set)]
        if not small:
            return _jointly_possible(rows, paths, kept, values)
        found = _jointly_possible(open_rows, paths, kept, known, len(one_way)) if open_rows else {}
        return {**{key: [0] for key in one_way}, **found} if isinstance(found, dict) else found
    return answer


def _whole_numbers(rows: dict[str, list[list[float]]], values: dict[str, Optional[float]]) -> bool:
    """Whether every number is an int, of any size."""
    return (set(map(type, chain.from_iterable(chain.from_iterable(rows.values())))) <= _INT_ONLY
            and set(map(type, values.values())) <= _INT_OR_NONE)


def sums_no_choice_holds(rows: dict[str, list[list[float]]], paths: dict[str, list[str]], eqs,
                         values: dict[str, Optional[float]]) -> Optional[list]:
    """The equations of `eqs` that no choice of one reading per row makes hold, each weighed on its
    own (those through no row, or through an unknown cell outside them, say nothing, as in
    jointly_possible); None when jointly_possible might give up on some of `eqs` with these rows
    (its walk could take more than MAX_JOINT_STEPS steps) or counts in other than small whole
    numbers: then whether such an equation makes jointly_possible answer None is not known.

    jointly_possible answers None for any equations among which one is here, exactly: its walk
    never gives up on these rows, and no choice makes every sum hold when one sum holds under none."""
    if not rows or not all(rows.values()) or not _small_whole_numbers(rows, values):
        return None
    choices = 1
    for readings in rows.values():
        choices *= len(readings)
    if 1 + len(rows) * choices > MAX_JOINT_STEPS:  # (the walk's turns, in any order of the rows)
        return None
    where = {p: (key, i) for key, readings in rows.items() for i, p in enumerate(paths[key])}
    never = []
    for eq in eqs:
        if eq.cell_set.isdisjoint(where) or any(p not in where and values.get(p) is None for p in eq.cells):
            continue
        known = [values[p] or 0 for p in eq.right if p not in where] + [-(values[p] or 0) for p in eq.left if p not in where]
        gaps: set[float] = {sum(known)}  # (every cell outside the rows known here: `or 0` only for mypy)
        for key, readings in rows.items():  # each row moves the gap by its cells left minus right
            left = [where[p][1] for p in eq.left if where.get(p, ("",))[0] == key]
            right = [where[p][1] for p in eq.right if where.get(p, ("",))[0] == key]
            if left or right:
                moves: set[float] = {sum(r[i] for i in left) - sum(r[i] for i in right) for r in readings}
                gaps = {gap - move for gap in gaps for move in moves}
        if 0 not in gaps:
            never.append(eq)
    return never


def _small_whole_numbers(rows: dict[str, list[list[float]]], values: dict[str, Optional[float]]) -> bool:
    """Whether every number is an int below 2**30 in size: the sums of any equation's cells (fewer
    than 1 024 of them) then stay below 2**40, so _jointly_possible searches in whole numbers."""
    # (asked at C level: each number's type, then the least and the greatest of those not 0; None
    # and 0 are the values' only falsy ones, and 0 is in range)
    numbers = list(chain.from_iterable(chain.from_iterable(rows.values())))
    if not set(map(type, numbers)) <= _INT_ONLY or (numbers and not -2 ** 30 < min(numbers) <= max(numbers) < 2 ** 30):
        return False
    if not set(map(type, values.values())) <= _INT_OR_NONE:
        return False
    known = list(filter(None, values.values()))
    return not known or -2 ** 30 < min(known) <= max(known) < 2 ** 30


_INT_ONLY = {int}
_INT_OR_NONE = {int, type(None)}


def _one_way_known(rows, one_way: list[str], paths, eqs, values,
                   chosen_only: bool = False) -> Union[dict[str, list[int]], None, GaveUp]:
    """jointly_possible with the rows read one way among `rows` (in whole numbers): they are no
    choice, so their cells join the known values, as the search would have them. It walks them
    first (they sort first), one step and one reading tried each, and cuts its walk off there when
    a sum through them no longer balances (sides apart, or out of each other's reach with the rows
    still open at their bounds): that is weighed here once, and the open rows are searched from
    those counts on."""
    known = dict(values)
    for key in one_way:
        known.update(zip(paths[key], rows[key][0]))
    open_rows = {key: readings for key, readings in rows.items() if len(readings) > 1}
    if _sums_apart(open_rows, one_way, paths, eqs, known, True):
        return None
    found = _jointly_possible(open_rows, paths, eqs, known, len(one_way), chosen_only) if open_rows else {}
    if not isinstance(found, dict):
        return found
    return {**{key: [0] for key in one_way}, **found}


def _sums_apart(open_rows: dict[str, list[list[float]]], one_way: list[str], paths: dict[str, list[str]], eqs,
                known: dict, first: bool = False) -> list:
    """_one_way_known's test: the sums of `eqs` through the rows read one way (their cells in
    `known`) whose sides cannot meet with the open rows at their bounds (`first`: only the first
    such sum, or none)."""
    bounds = {p: (min(column), max(column)) for key, readings in open_rows.items()
              for p, column in zip(paths[key], zip(*readings))}
    one_way_cells = {p for key in one_way for p in paths[key]}
    apart = []
    for eq in eqs:
        if eq.cell_set.isdisjoint(one_way_cells) or any(p not in bounds and known.get(p) is None for p in eq.cells):
            continue
        (left_low, left_high), (right_low, right_high) = (
            [sum(bounds[p][end] if p in bounds else known[p] for p in side) for end in (0, 1)] for side in (eq.left, eq.right))
        if left_low > right_high or right_low > left_high:
            apart.append(eq)  # (with no open row, low and high are one: the sides differ)
            if first:
                break
    return apart


def _jointly_possible(rows: dict[str, list[list[float]]], paths: dict[str, list[str]], eqs,
                      values: dict[str, Optional[float]], counted: int = 0,
                      chosen_only: bool = False) -> Union[dict[str, list[int]], None, GaveUp]:
    """jointly_possible's search (`counted`: the steps taken and readings tried before, by
    _one_way_known). A row with no reading leaves no choice of one reading per row: None."""
    if not all(rows.values()):
        return None
    order = _closing_order(rows, paths, eqs, values)
    where = {p: (n, i) for n, key in enumerate(order) for i, p in enumerate(paths[key])}
    columns = [list(zip(*rows[key])) for key in order]  # (each reading as long as its row's paths)
    lows = [list(map(min, by_column)) for by_column in columns]
    highs = [list(map(max, by_column)) for by_column in columns]
    # per equation: [left low, left high, right low, right high, rows not chosen yet]
    state: list[list[float]] = []
    touches: list[list[tuple[int, int, list[int]]]] = [[] for _ in order]  # row -> (equation, side, cells)
    for eq in eqs:
        if eq.cell_set.isdisjoint(where) or any(p not in where and values.get(p) is None for p in eq.cells):
            continue
        bounds: list[float] = []
        rows_in: set[int] = set()
        for side_number, side in enumerate((eq.left, eq.right)):
            known: float = 0  # (each side read once: its known cells, and its rows' cells by row)
            low: float = 0
            high: float = 0
            cells_of: dict[int, list[int]] = {}
            for p in side:
                at = where.get(p)
                if at is None:
                    v = values[p]
                    if v is not None:  # (never None here, by the test above: said so to mypy)
                        known += v
                    continue
                n, i = at
                low += lows[n][i]
                high += highs[n][i]
                cells_of.setdefault(n, []).append(i)
            bounds += [known + low, known + high]
            for n, cells in cells_of.items():
                touches[n].append((len(state), side_number, cells))
            rows_in.update(cells_of)
        state.append(bounds + [len(rows_in)])
    if _whole_below(columns, lows, highs, state):
        found, gave_up = _whole_search([rows[key] for key in order], touches, state, lows, highs, counted, chosen_only)
    else:  # (fractions: weighed move by move, as the sums in floats fall)
        found, gave_up = _search(order, rows, touches, state, lows, highs)
    if gave_up:
        return SOME_HOLD if found else NONE_FOUND
    if not found:
        return None
    return {key: sorted({choice[n] for choice in found}) for n, key in enumerate(order)}


def _closing_order(rows: dict[str, list[list[float]]], paths: dict[str, list[str]], eqs,
                   values: dict[str, Optional[float]]) -> list[str]:
    """The rows in the order the search walks them: the rows of the sum that leaves the fewest
    choices first, then of the next, so that each sum is weighed as early as it can be (a sum
    cuts the walk off only once its last row is chosen). Rows on no sum come by how many
    readings they have, as they did before. (表三 with its 总计 column blank: each sum takes 一,
    二, （七）总计 and 四 of a column, 16 × 3 × 31 × 7 choices, or every result row, millions; the
    rows by their number of readings put （七）总计 last, and the walk gave up before any sum closed.)"""
    by_size = sorted(rows, key=lambda key: len(rows[key]))
    row_of = {p: key for key in rows for p in paths[key]}
    rows_in: list[set[str]] = []
    for eq in eqs:
        if any(p not in row_of and values.get(p) is None for p in eq.cells):
            continue  # (an unknown cell outside the rows: the sum says nothing, as in the search)
        keys = {row_of[p] for p in eq.cells if p in row_of}
        if keys:
            rows_in.append(keys)
    order: list[str] = []
    placed: set[str] = set()
    while True:
        best = None
        best_choices = 0
        for keys in rows_in:
            left = keys - placed
            if not left:
                continue
            choices = 1
            for key in left:
                choices *= len(rows[key])
            if best is None or choices < best_choices:
                best, best_choices = left, choices
        if best is None:
            break
        new = sorted(best, key=by_size.index)
        order += new
        placed.update(new)
    return order + [key for key in by_size if key not in placed]


def _whole_below(columns, lows, highs, state) -> bool:
    """Whether every value of the readings (by row, by column) and every bound is a whole number
    (an int, or a float that is one) below 2**40 in size, or every one is an int, of any size (sums
    of ints are exact however large: a typo row's glued digits read as one number,
    172531234949240021300, left the walk to _search, 20 000 moves where the whole walk met its
    turns again): for ints alone, the readings' least and greatest are their columns' lows and
    highs. A row with no reading or no column bounds nothing: it leaves the others whole."""
    numbers = [x for bounds in state for x in bounds]
    if all(set(map(type, column)) == {int} for by_column in columns for column in by_column):
        if set(map(type, numbers)) <= _INT_ONLY:
            return True
        numbers += [min((min(low) for low in lows if low), default=0), max((max(high) for high in highs if high), default=0)]
    else:
        numbers += [x for by_column in columns for column in by_column for x in column]
    return all((type(x) is int or (type(x) is float and x.is_integer())) and abs(x) < 2 ** 40 for x in numbers)


def _search(order, rows, touches, state, lows, highs) -> tuple[list[tuple[int, ...]], bool]:
    """jointly_possible's walk: the choices found, and whether it gave up."""
    # what choosing each reading of a row does to the bounds of each equation it is in
    shifts = [[[(e, side, sum(r[i] - lows[n][i] for i in cells), sum(r[i] - highs[n][i] for i in cells))
                for e, side, cells in touches[n]] for r in rows[key]] for n, key in enumerate(order)]
    equations_of = [sorted({e for e, _, _ in touches[n]}) for n in range(len(order))]
    chosen: list[int] = []
    found: list[tuple[int, ...]] = []
    steps = [0]
    tried = [0]

    def given_up() -> bool:
        return steps[0] > MAX_JOINT_STEPS or tried[0] > _MAX_JOINT_MOVES or len(found) > _MAX_SOLUTIONS

    # The walk below runs up to _MAX_JOINT_MOVES moves: each choosing a reading moves the bounds of
    # the equations through its row (and counts the row chosen), then weighs them. The state is one
    # flat list (equation e's five at 5e), each move's additions listed by where they go: the same
    # additions, in the same order, as on the equations' own lists.
    flat = [x for bounds in state for x in bounds]
    moves = [[[(5 * e + 2 * side, 5 * e + 2 * side + 1, low, high) for e, side, low, high in by_reading]
              for by_reading in shifts[n]] for n in range(len(order))]
    weighed = [[5 * e for e in equations_of[n]] for n in range(len(order))]
    total = len(order)

    def search(depth: int) -> None:
        steps[0] += 1
        if steps[0] > MAX_JOINT_STEPS or tried[0] > _MAX_JOINT_MOVES or len(found) > _MAX_SOLUTIONS:
            return  # given_up()
        if depth == total:
            found.append(tuple(chosen))
            return
        bases = weighed[depth]
        for index, additions in enumerate(moves[depth]):
            tried[0] += 1
            for low_at, high_at, low, high in additions:
                flat[low_at] += low
                flat[high_at] += high
            for base in bases:
                flat[base + 4] -= 1  # one row fewer left to choose
            chosen.append(index)
            for base in bases:  # whether the sums through the row can still hold
                left_low, left_high, right_low, right_high, open_rows = flat[base:base + 5]
                if open_rows == 0 and abs(left_low - right_low) > 1e-9:
                    break
                if left_low > right_high + 1e-9 or right_low > left_high + 1e-9:
                    break
            else:
                search(depth + 1)
            chosen.pop()
            for low_at, high_at, low, high in additions:
                flat[low_at] -= low
                flat[high_at] -= high
            for base in bases:
                flat[base + 4] += 1
            if steps[0] > MAX_JOINT_STEPS or tried[0] > _MAX_JOINT_MOVES or len(found) > _MAX_SOLUTIONS:
                return  # given up whatever the readings left would do

    search(0)
    return found, given_up()


def _whole_search(rows: list[list[list[float]]], touches, state, lows, highs,
                  counted: int = 0, chosen_only: bool = False) -> tuple[list[tuple[int, ...]], bool]:
    """_search in whole numbers (below 2**40: exact in floats), with the same steps, tries, choices
    and give-ups, each row's turn cheaper and the walks below a row met again counted, not made.

    An equation's state is one number, the gap right low - left low: its high bounds follow from
    which rows are chosen (a row moves high - low by its own cells' high - low, whatever its
    reading), so at row n's turn left high - left low and right high - right low are known. A
    reading moves the gap by kC - d, d its left cells minus its right cells in the equation, kC the
    same of the row's lows; it keeps the sums possible when d lies within bounds the gap gives (one
    value if n is the equation's last row: the sides must meet). The readings of each row are sorted
    by d per equation, and a turn bisects each equation's bounds, keeping the readings within all
    (as bits); the others are counted as tried, where the walk would have tried them.

    Below row n the walk depends only on n and the gaps of the equations it shares with the rows
    above: a walk met again from the same gaps makes the same steps, tries and choices, so it is
    counted and its choices taken at once, unless a limit would be passed in it (then it is walked,
    to give up where it gave up).

    With `chosen_only`, a walk that surely gives up is not made (_passes_a_limit): ([], True)."""
    total = len(rows)
    equations_of = [sorted({e for e, _, _ in touches[n]}) for n in range(total)]
    rows_of: dict[int, list[int]] = {}
    for n in range(total):
        for e in equations_of[n]:
            rows_of.setdefault(e, []).append(n)
    meeting = [[e for e, those in sorted(rows_of.items()) if those[0] < n <= those[-1]] for n in range(total)]
    gaps = [bounds[2] - bounds[0] for bounds in state]
    left_spread = [bounds[1] - bounds[0] for bounds in state]  # left high - left low, rows chosen so far
    right_spread = [bounds[3] - bounds[2] for bounds in state]
    # the least and the most each gap can be at a row's turn, whatever was chosen above: a turn
    # that keeps every reading under all of them is not weighed
    gap_lows, gap_highs = list(gaps), list(gaps)
    # A row's turn weighs only the equations shared with rows above: through no row above, an
    # equation's gap is still its first, and the readings it keeps are kept once (`fixed`); and
    # the row last in an equation keeps the readings of the one d that meets it, looked up (`met`).
    turns: list[list[tuple[int, float, float, list[float], list[int]]]] = []  # per row, per equation shared above, not its last: (equation, lowest d, highest d (from the gap), ds sorted, firsts)
    met: list[list[tuple[int, float, dict[float, int]]]] = []  # per row, per equation it is the last row of, shared above: (equation, k_c, d -> its readings)
    fixed: list[int] = []  # per row: the readings the equations first through it keep
    moves: list[list[list[tuple[int, float]]]] = []  # per row, per reading: (equation, its move of the gap)
    # Each row's turn is set up when the walk (or _passes_a_limit's count) first reaches it, the
    # rows above set up before it: a walk that gives up a few rows down (most with rows this open)
    # sets up only those. A row's set-up reads the gaps as the rows above left them only for the
    # equations it shares with them, through which it is weighed (`first_gaps`: the gaps before
    # any row moved them, for the equations first through the row, which no row above moves).
    first_gaps = list(gaps)

    def set_up(n: int) -> None:
        """Row n's turns, meetings, readings kept at once and moves (the rows above are set up)."""
        sides: dict[int, tuple[list[int], list[int]]] = {e: ([], []) for e in equations_of[n]}
        for e, side, cells in touches[n]:
            sides[e][side].extend(cells)
        turns.append([])
        met.append([])
        fixed.append((1 << len(rows[n])) - 1)
        by_equation = []  # per equation: (equation, each reading's move of its gap)
        for e in equations_of[n]:
            left, right = sides[e]
            low_left, high_left = sum(lows[n][i] for i in left), sum(highs[n][i] for i in left)
            low_right, high_right = sum(lows[n][i] for i in right), sum(highs[n][i] for i in right)
            k_c = low_left - low_right
            if n == rows_of[e][-1]:  # the left low and right low after the move must meet
                lowest = highest = k_c
            else:  # left low <= right high and right low <= left high, after the move
                lowest = -left_spread[e] - (low_right - high_left)
                highest = right_spread[e] + (low_left - high_right)
            left_spread[e] += low_left - high_left
            right_spread[e] += low_right - high_right
            if len(left) == 1 and not right:  # (a column sum's row: one cell, on one side)
                ds = [r[left[0]] for r in rows[n]]
            elif len(right) == 1 and not left:
                ds = [-r[right[0]] for r in rows[n]]
            else:
                ds = [sum(map(r.__getitem__, left)) - sum(map(r.__getitem__, right)) for r in rows[n]]
            if n < rows_of[e][-1]:  # (past its last row an equation's gap is read no more: not moved)
                by_equation.append([(e, k_c - d) for d in ds])
            if n == rows_of[e][0]:
                fixed[n] &= sum(1 << index for index, d in enumerate(ds) if first_gaps[e] + lowest <= d <= first_gaps[e] + highest)
            elif n == rows_of[e][-1]:
                readings_of: dict[float, int] = {}
                for index, d in enumerate(ds):
                    readings_of[d] = readings_of.get(d, 0) | 1 << index
                met[n].append((e, k_c, readings_of))
            elif gap_highs[e] + lowest > min(ds) or gap_lows[e] + highest < max(ds):  # (else it keeps every reading, whatever the gap)
                ordered = sorted(range(len(ds)), key=ds.__getitem__)
                firsts = [0]
                for index in ordered:
                    firsts.append(firsts[-1] | 1 << index)
                turns[n].append((e, lowest, highest, [ds[index] for index in ordered], firsts))
            gap_lows[e] += k_c - max(ds)
            gap_highs[e] += k_c - min(ds)
        # (a gap a reading leaves where it was is not moved: the reading with a column's low, say)
        moves.append([[(e, move) for e, move in by_reading if move] for by_reading in zip(*by_equation)]
                     if by_equation else [[] for _ in rows[n]])
        # the equations whose readings differ most first: the most likely to keep none, which ends the turn
        met[n].sort(key=lambda entry: -len(entry[2]))

    def last_turns() -> tuple[list, list]:
        """`lasts` and `ending` (below), set up when the walk first reaches the row before the last."""
        # The last row's turn weighs the gaps as the row before it moved them: each reading of that row
        # has its moves added to the last row's k_cs (`lasts`), and leaves the gaps as they are.
        for n in range(len(fixed), total):
            set_up(n)
        lasts = met[-1:]  # (one row: nothing moved before it)
        if total > 1:
            lasts = []
            for by_reading in moves[total - 2]:
                moved = dict(by_reading)
                lasts.append([(e, k_c + moved.get(e, 0), readings_of) for e, k_c, readings_of in met[total - 1]])
        # Most readings of the row before the last leave the last row none. Per equation the last row
        # meets, those readings (as bits) grouped by the k_c each gives it (`ending`): a turn of that
        # row tells at once, from the gap, which of its readings leave the last row's turn nothing.
        ending: list[tuple[int, dict[float, int], dict[float, int]]] = []  # (equation, the last row's readings by d, k_c -> the readings before giving it)
        for position, (e, _, readings_of) in enumerate(met[total - 1] if total > 1 else ()):
            by_k_c: dict[float, int] = {}
            for index, entries in enumerate(lasts):
                by_k_c[entries[position][1]] = by_k_c.get(entries[position][1], 0) | 1 << index
            ending.append((e, readings_of, by_k_c))
        return lasts, ending

    chosen: list[int] = []
    found: list[tuple[int, ...]] = []
    steps = tried = counted  # (the steps taken and readings tried before: _one_way_known)
    walked: dict[tuple, tuple[int, int, list[tuple[int, ...]]]] = {}  # -> steps, tries, choices below
    gaps_met = [itemgetter(*those) if those else (lambda gaps: ()) for those in meeting]  # (a walk's key)

    def kept_at(depth: int) -> int:
        """The readings of row `depth` (not the last) that keep the sums possible, the rows above
        chosen to leave `gaps`, as bits (the row set up first, if the walk has not reached it yet)."""
        while len(fixed) <= depth:
            set_up(len(fixed))
        kept = fixed[depth]
        for e, k_c, readings_of in met[depth]:
            if not kept:
                break
            kept &= readings_of.get(gaps[e] + k_c, 0)
        for e, lowest, highest, ds, firsts in turns[depth]:
            if not kept:
                break
            gap = gaps[e]
            kept &= firsts[bisect_right(ds, gap + highest)] & ~firsts[bisect_left(ds, gap + lowest)]
        return kept

    if chosen_only and _passes_a_limit(rows, counted, gaps, gaps_met, moves, kept_at):
        return [], True

    def over() -> bool:
        return steps > MAX_JOINT_STEPS or tried > _MAX_JOINT_MOVES or len(found) > _MAX_SOLUTIONS

    def last_turn(depth: int, met_now: list[tuple[int, float, dict[float, int]]]) -> None:
        """search(total - 1), always walked: as cheap as a walk met again is replayed, and the
        choices end there (no gap is moved for the walk below, one step each). `met_now`: met[depth]
        with the moves of the reading chosen above added to each k_c (lasts)."""
        nonlocal steps, tried
        steps += 1
        if over():
            return
        kept = fixed[depth]
        for e, k_c, readings_of in met_now:
            if not kept:
                break
            kept &= readings_of.get(gaps[e] + k_c, 0)
        done = 0
        while kept:
            bit = kept & -kept
            kept ^= bit
            index = bit.bit_length() - 1
            tried += index - done + 1
            done = index + 1
            if tried - 1 > _MAX_JOINT_MOVES:
                return
            steps += 1
            if steps > MAX_JOINT_STEPS or tried > _MAX_JOINT_MOVES or len(found) > _MAX_SOLUTIONS:
                return  # over()
            found.append((*chosen, index))
            if len(found) > _MAX_SOLUTIONS:
                return  # over(), the counts checked just above
        tried += len(rows[depth]) - done

    lasts: list[list[tuple[int, float, dict[float, int]]]] = []  # (set up by last_turns, when first needed)
    ending: list[tuple[int, dict[float, int], dict[float, int]]] = []

    def search(depth: int) -> None:
        nonlocal steps, tried, lasts, ending
        if depth >= total - 2 and not lasts:
            lasts, ending = last_turns()
        if depth == total - 1:
            last_turn(depth, lasts[0])  # (one row in all: below a row, the last is called directly)
            return
        steps += 1
        if over():
            return
        if depth == total:
            found.append(tuple(chosen))
            return
        key = (depth, gaps_met[depth](gaps))
        if key in walked:
            more_steps, more_tries, below = walked[key]
            if (steps + more_steps <= MAX_JOINT_STEPS and tried + more_tries <= _MAX_JOINT_MOVES
                    and len(found) + len(below) <= _MAX_SOLUTIONS):
                steps += more_steps
                tried += more_tries
                found.extend(tuple(chosen) + choice for choice in below)
                return
        steps_before, tried_before, found_before = steps, tried, len(found)
        kept = kept_at(depth)
        done = 0  # readings of the row counted as tried
        hopeless = 0  # (the row before the last) readings under which the last row's turn keeps none
        if depth + 2 == total:
            may_end = kept if fixed[depth + 1] else 0
            for e, readings_of, by_k_c in ending:
                if not may_end:
                    break
                gap = gaps[e]
                may_end &= sum(readings for k_c, readings in by_k_c.items() if gap + k_c in readings_of)  # (disjoint)
            hopeless = kept & ~may_end
        while kept:
            if kept & -kept & hopeless:
                # a stretch of readings whose last turns keep none: counted at once as the walk counts
                # them (a step each, and every reading of the last row tried), unless a limit falls
                # inside it (then walked, to give up where the walk does)
                alive = kept & ~hopeless
                stretch = kept & ((alive & -alive) - 1) if alive else kept
                count, past = stretch.bit_count(), stretch.bit_length()
                more_tries = past - done + count * len(rows[depth + 1])
                if steps + count <= MAX_JOINT_STEPS and tried + more_tries <= _MAX_JOINT_MOVES:
                    steps += count
                    tried += more_tries
                    done = past
                    kept ^= stretch
                    continue
                hopeless = 0
            bit = kept & -kept
            kept ^= bit
            index = bit.bit_length() - 1
            tried += index - done + 1  # (the readings before it fail)
            done = index + 1
            if tried - 1 > _MAX_JOINT_MOVES:
                return
            chosen.append(index)
            if depth + 2 == total:
                last_turn(depth + 1, lasts[index])
            else:
                for e, move in moves[depth][index]:
                    gaps[e] += move
                search(depth + 1)
                for e, move in moves[depth][index]:
                    gaps[e] -= move
            chosen.pop()
            if steps > MAX_JOINT_STEPS or tried > _MAX_JOINT_MOVES or len(found) > _MAX_SOLUTIONS:
                return  # (over()) given up whatever the readings left would do
        tried += len(rows[depth]) - done
        if not over():
            walked[key] = (steps - steps_before, tried - tried_before, [choice[depth:] for choice in found[found_before:]])

    search(0)
    return found, over()


# turns weighed and readings moved by _passes_a_limit at most (then the walk is made): enough for
# the give-ups whose shallow rows' ways share their gaps, well under the walk's own cost for those
_MAX_COUNTING = 1100


def _passes_a_limit(rows: list[list[list[float]]], counted: int, gaps: list[float], gaps_met, moves,
                    kept_at: Callable[[int], int]) -> bool:
    """Whether _whole_search's walk surely passes MAX_JOINT_STEPS or _MAX_JOINT_MOVES, and so gives
    up. Walked whole, it takes a step at each row's turn (and one for each choice found) and tries
    every reading of the row there, a walk met again counted as walked: its steps are at least
    the turns of the rows down to any depth, under every way there the sums keep, and its tries
    those turns each times its row's readings. Counted row by row, the ways down to a row grouped
    by the gaps they leave the equations below it (the walk's memo key: a group's turns keep the
    same readings and lead on alike), until a count passes a limit (True) or the last row is
    reached or the counting would pass _MAX_COUNTING (False: the walk is made, which often keeps
    few of the ways deeper down). `gaps` is _whole_search's, moved here and put back, for
    `kept_at`."""
    start = list(gaps)
    level = {gaps_met[0](gaps): (start, 1)}  # key -> (the gaps, the ways down to the row leaving them)
    steps = tried = counted
    ways, work = 1, 0  # (the ways down to the row; the turns weighed and readings moved so far)
    try:
        for depth in range(len(rows)):
            steps += ways
            tried += ways * len(rows[depth])
            if steps > MAX_JOINT_STEPS or tried > _MAX_JOINT_MOVES:
                return True
            if depth + 1 == len(rows) or work + len(level) > _MAX_COUNTING:
                return False
            work += len(level)
            turns = []  # per group: its gaps, its ways, the readings its turn keeps
            ways = 0
            # (the next row's turns, counted before they are grouped: `ways` only grows group by
            # group, so once it passes a limit the groups left need not be weighed)
            most_ways = min(MAX_JOINT_STEPS - steps, (_MAX_JOINT_MOVES - tried) // len(rows[depth + 1]))
            for those, count in level.values():
                gaps[:] = those
                kept = kept_at(depth)
                turns.append((those, count, kept))
                ways += count * kept.bit_count()
                work += kept.bit_count()
                if ways > most_ways:
                    return True
            if work > _MAX_COUNTING:
                return False
            below: dict[tuple, tuple[list[float], int]] = {}
            key_below = gaps_met[depth + 1]
            for those, count, kept in turns:
                while kept:
                    bit = kept & -kept
                    kept ^= bit
                    moved = list(those)
                    for e, move in moves[depth][bit.bit_length() - 1]:
                        moved[e] += move
                    key = key_below(moved)
                    if key in below:
                        below[key] = (below[key][0], below[key][1] + count)
                    else:
                        below[key] = (moved, count)
            level = below
        return False
    finally:
        gaps[:] = start
