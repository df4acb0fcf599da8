"""表三 rows that a PDF's reading order (pdftotext) printed out of step with their labels.

pdftotext emits a table by text blocks: a row's values may land under the next row's label, its
总计 may print before its label, the last rows' labels may follow all their values, and a block
of consecutive rows may print column by column (its first column last, beside the labels), and
a band of rows with wrapped labels its later cells first, their first cells beside the labels. The
template fixes the row order and the width, so a run of consecutive rows that together print
exactly rows × width values is cut into blocks of rows in template order, each block read in
one of those layouts, every row adding up (or all but one: a typo). The table's equations then
weigh the cuts: the rows on which every best-scoring cut agrees are read (flagged inferred),
the others left as read and flagged, and a cut whose failing equations do not share one cell is
not taken at all.

The search for cuts is bounded: past _MAX_READINGS distinct cuts a run is too open to say, which
a cheap lower bound may prove before any cut is built, and one table's runs weigh at most
_MAX_VISITS candidate cuts in all (rows of only 0 and placeholders cut in very many ways that
read alike); a run too open is left as read, its rows flagged for the values they printed.
"""
from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from itertools import chain, compress, permutations, product, repeat
from math import inf, perm
from operator import and_, attrgetter, ge, is_, is_not, itemgetter, sub
from typing import Callable, Generator, Iterator, Mapping, NamedTuple, Optional, Sequence, TypeVar, Union, cast

from core.equations import Equation, equations
from core.model import known, strict_sum
from core.parse.columns import equation_score, token_number
from core.parse.row_sums import parts_add_up, tokens_add_up
from core.parse.subtotal_rows import prints_as_eight
from core.parse.tokens import EMPTY, NA, NUM, TEXT, Token
from core.template import Table

_MAX_READINGS = 4096  # distinct cuts weighed by the column sums, no more: beyond, too open to say
_MAX_BLOCK = 8  # rows printed column by column in one block, no more (the 8 不予公开 rows)
# (block, rest of the cut) pairs one table's runs weigh in all, no more: beyond, too open to say.
# Where the cuts are counted, the zoos' tables weigh 2 200 at most, a fuzzed one 5 500 (issue 10).
_MAX_VISITS = 2 * _MAX_READINGS
# ways of putting values printed out of place back into the short rows above a run, no more:
# beyond, too open to say. Of the zoos' 4 700 outputs, a way that reads the run was found among
# 7 at most; a run offering 1 545 ways read in none, after 0.25 s (issue 10).
_MAX_OUT_OF_PLACE = 64
# values of a run tried as the one a misprinted short row printed apart (_misprinted_short_cut),
# no more: beyond, too open to say. The zoos' runs it read offered 6-17; runs of the whole
# table's last 22 rows offered 35-39 and read in none, at 3-5 ms each.
_MAX_MISPRINT_CHOICES = 24


# Rows whose labels wrap over several lines print their first cells beside the label's lines and
# the others in a block of their own, before: a band of such rows prints every row's later cells,
# row after row, then every row's first cells (「5.要求行政机关确认…」 and 「1.申请人无正当理由…」:
# five values each, then 1255 199 and 0 0 beside their labels). The values printed beside the
# band's labels say how many first cells its rows have in all, shared out in row order as the
# rows' sums allow (a label's lines may hold some of the next row's first cells too). A row of
# such a band that does not add up is not read as a typo (the band would be a guess).
_MAX_SPLIT_BLOCK = 4  # rows of such a band, no more
_MAX_BESIDE = 4  # first cells of one row, no more

# rows not adding up that a block shared between _cuts' calls keeps variants with: the most any
# caller allows (a report's one typo)
_SHARED_TYPOS = 1
# rows from which a search's values are read to their end, met from the last row back before
# the search, no more: then the search from the first row says (one finding cuts would not lay
# out most of the blocks met so)
_BACK_ROWS = 3
_NO_CUT = ()  # what _best_cut finds where no cut reads the run (None: too many to say)
_KIND = attrgetter("kind")
_VALUE = attrgetter("value")


# A cut's numbers summed as whole numbers (each below this, so that any sum of them is exact,
# in any order, as it is in floats): an equation then holds exactly where its sides are equal.
_WHOLE = 2 ** 40


def _whole(value: Optional[float]) -> Optional[int]:
    """`value` as a whole number below _WHOLE, else None."""
    if value is None or not abs(value) < _WHOLE or value != int(value):
        return None
    return int(value)


class _RunSums:
    """The differences (left side less right) of a run's equations that its cuts change, kept for
    the cut scored last: the next cut adds in only the rows it does not share with it (the cuts
    share their rows, and those found one after another differ in a few), and of those only the
    cells that differ. Whole numbers only, so that the equations hold or break as summed in any
    order; a cut with other numbers is None."""

    def __init__(self, differences: list[int], terms: tuple[tuple[tuple[int, int, int], ...], ...], width: int):
        self.differences = differences
        self.terms = terms  # each row of the run: (column, equation, 1 on the left side, else -1)
        self.width = width
        self.rows: list = [None] * len(terms)  # each row's numbers, as last added in (None: none yet)
        # (row, its numbers before, after) -> what the change adds to each equation's difference
        self.moves: dict[tuple, Optional[list[tuple[int, int]]]] = {}

    def move(self, row: int, before: Optional[tuple], after: tuple) -> Optional[list[tuple[int, int]]]:
        """What a row's numbers changing from `before` to `after` adds to the equations'
        differences, by equation (those it leaves alone left out)."""
        key = (row, before, after)
        try:
            return self.moves[key]
        except KeyError:  # (a change met first: most recur, cut after cut)
            pass
        whole = list(map(_whole, after)) if len(after) == self.width else [None]
        if None in whole:
            self.moves[key] = None
            return None
        new = cast(list[int], whole)
        # (a row's numbers before were added in: whole)
        old = [0] * self.width if before is None else cast(list[int], list(map(_whole, before)))
        by_equation: dict[int, int] = {}
        for column, equation, sign in self.terms[row]:
            if new[column] != old[column]:
                by_equation[equation] = by_equation.get(equation, 0) + sign * (new[column] - old[column])
        adds = self.moves[key] = [(equation, amount) for equation, amount in by_equation.items() if amount]
        return adds

    def broken(self, row_numbers: list[tuple]) -> Optional[int]:
        """How many of the equations the cut's rows (`row_numbers`, each row's numbers) break."""
        if len(row_numbers) != len(self.rows):
            return None
        moved = []
        # (the rows whose numbers are not those added last: commonly one or two of the cut's)
        for row in compress(range(len(row_numbers)), map(is_not, self.rows, row_numbers)):
            adds = self.move(row, self.rows[row], row_numbers[row])
            if adds is None:
                return None
            moved.append((row, adds))
        differences = self.differences
        for row, adds in moved:
            for equation, amount in adds:
                differences[equation] += amount
            self.rows[row] = row_numbers[row]
        return len(differences) - differences.count(0)


class _TooOpen(Exception):
    """The search passed _MAX_READINGS distinct cuts, or the table's _MAX_VISITS candidates."""


def _reading(block: list[list[Token]]) -> tuple:
    """What a block of rows reads, to tell cuts apart."""
    return tuple(t.value if t.kind == NUM else t.text for r in block for t in r)


def _block_variants(chunk: list, rows: int, width: int) -> list[list[list]]:
    """The ways pdftotext prints `rows` consecutive rows as one block: one row as printed or with
    its 总计 first; several rows column by column (a column's values one per line), the first
    column possibly after the others (printed beside the labels, which come later), and then
    possibly with the 总计 column cut where the page breaks: its top cell before the first column,
    the others after it (printed past the next section's heading). (A band of wrapped labels is
    read where the values beside its labels say so: _split_heads.)"""
    if rows == 1:
        return [[chunk], [chunk[1:] + chunk[:1]]]
    out = []
    middle = (width - 2) * rows
    cut_total = chunk[middle + 1:middle + 1 + rows] + chunk[:middle] + chunk[middle:middle + 1] + chunk[middle + 1 + rows:]
    for columns in (chunk, chunk[-rows:] + chunk[:-rows], cut_total):
        out.append([[columns[c * rows + r] for c in range(width)] for r in range(rows)])
    return out


def _split_band(chunk: list, heads: tuple[int, ...], width: int) -> list[list]:
    """A band of wrapped labels' rows as printed: each row's cells after its first heads[r], row
    after row, then each row's first heads[r] cells (beside its label)."""
    at, tails = 0, []
    for head in heads:
        tails.append(chunk[at:at + width - head])
        at += width - head
    block = []
    for head, tail in zip(heads, tails):
        block.append(chunk[at:at + head] + tail)
        at += head
    return block


@lru_cache(maxsize=1024)
def _band_cells(heads: tuple[int, ...], width: int) -> tuple[tuple[int, ...], ...]:
    """_split_band of a band's values by their places in it (the same for every band so cut)."""
    return tuple(map(tuple, _split_band(list(range(width * len(heads))), heads, width)))


def _band_adds_up(numbers: list, block: tuple[tuple[int, ...], ...]) -> bool:
    """Whether every row of a band adds up (tokens_add_up): `numbers` its values' token_number,
    `block` each row's places among them."""
    number_at = numbers.__getitem__
    for cells in block:
        row = list(map(number_at, cells))
        if None in row or not parts_add_up(row):
            return False
    return True


class Beside(NamedTuple):
    """The values printed beside the labels, by id, for bands of wrapped labels (_split_heads)."""
    labelled: set[int]  # printed beside a label that has fewer than a row's values
    after_text: frozenset[int]  # printed next after a text token (values_after_text)


def _split_heads(tokens: list[Token], rows: int, beside: Beside) -> list[tuple[int, ...]]:
    """How many first cells each of a band's `rows` rows may have printed beside the labels: the
    block ends with the values printed beside labels, shared out in row order, 1 to _MAX_BESIDE a
    row (a label's lines may hold some of the next row's first cells too). Those values are the
    block's last ones that a label's row holds (beside.labelled), or, where it ends so, every
    value from the first one printed after a label's text (beside.after_text): the band's later
    cells print row after row with no text between them, its first cells amid its labels' lines,
    where some may sit under the label of a row above the band (a wrapped label's last line).
    A band of one row prints its first cell alone so (as a block's first column, _block_variants):
    more would be its cells printed late (_late_cuts), which the column sums place.
    Empty when the block does not end so."""
    if not 0 < rows <= _MAX_SPLIT_BLOCK:
        return []
    counts = []
    printed = 0
    while printed < len(tokens) and id(tokens[len(tokens) - 1 - printed]) in beside.labelled:
        printed += 1
    counts.append(printed)
    if printed and beside.after_text:  # (the band's last first cells beside its last label)
        first = next((i for i in range(1, len(tokens)) if id(tokens[i]) in beside.after_text), None)
        if first is not None and len(tokens) - first != printed:
            counts.append(len(tokens) - first)
    most = rows * _MAX_BESIDE if rows > 1 else 1
    return [heads for printed in counts if rows <= printed <= most for heads in _compositions(printed, rows)]


def values_after_text(tokens: list[Token]) -> frozenset[int]:
    """The ids of the values (numbers, placeholders) printed next after a text token, empty cells
    aside: the first value under a label's line."""
    out = set()
    before = None
    for token in tokens:
        if token.kind == EMPTY:
            continue
        if token.kind in (NUM, NA) and before == TEXT:
            out.add(id(token))
        before = token.kind
    return frozenset(out)


@lru_cache(maxsize=256)
def _compositions(total: int, parts: int) -> tuple[tuple[int, ...], ...]:
    """Every way of writing `total` as `parts` counts of 1 to _MAX_BESIDE, in order."""
    if parts == 1:
        return ((total,),) if 1 <= total <= _MAX_BESIDE else ()
    return tuple((first,) + rest for first in range(1, min(_MAX_BESIDE, total - parts + 1) + 1)
                 for rest in _compositions(total - first, parts - 1))


@lru_cache(maxsize=64)
def _variant_getters(rows: int, width: int) -> tuple[tuple[itemgetter, ...], ...]:
    """_block_variants of a block of `rows` rows as getters, one a row, each reading that row's
    values (as a tuple) from the block's values in printed order."""
    return tuple(tuple(itemgetter(*row) if len(row) > 1 else itemgetter(slice(row[0], row[0] + 1)) for row in block)
                 for block in _block_variants(list(range(rows * width)), rows, width))


def _fewest_cuts(values: list[Token], width: int, shared: Optional[dict] = None, row_keys: tuple = ()) -> int:
    """A lower bound of the distinct cuts of `values` in which every row adds up: the product of
    each row's distinct layouts as one block (as printed, 总计 first), stopped just past
    _MAX_READINGS. Two such cuts differ in a row at the same positions, so they read
    differently; and each is one that _cuts finds, whatever the typos allowed. `row_keys`: each
    row's key in `shared` (_cuts')."""
    fewest = 1
    rows = len(values) // width
    # each row's count by its key (-1: a value in it is neither a number nor a placeholder)
    layouts_of = shared.setdefault(("row layouts",), {}) if shared is not None else None
    known = list(map(layouts_of.get, row_keys[:rows])) if layouts_of is not None else [None] * rows
    for row, layouts in enumerate(known):
        if layouts is None:  # (a row met first)
            chunk = values[row * width:(row + 1) * width]
            if any(t.kind not in (NUM, NA) for t in chunk):
                layouts = -1
            else:
                layouts = len({_reading(block) for block in _block_variants(chunk, 1, width)
                               if tokens_add_up(block[0])})
            if layouts_of is not None:
                layouts_of[row_keys[row]] = layouts
        if layouts < 0:
            return 0
        fewest *= layouts
        if not fewest or fewest > _MAX_READINGS:
            break
    return fewest


def _fewest_failing(values: list[Token], width: int) -> int:
    """A lower bound of the rows not adding up in every cut of `values` (_cut_readings'). A row
    holding one value other than 0, its others 0, does not add up, whichever is its 总计; and the
    rows of a cut are made of blocks of consecutive values, at most _MAX_BLOCK rows long, so a
    value with only 0s within _MAX_BLOCK rows' values of it on both sides (a lone value) is in
    such a row in every cut. Two lone values are never in one row (each would be within reach of
    the other), so every cut has at least as many rows not adding up as there are lone values.
    (A value neither a number nor a placeholder, its value None, counts as a 0 here: it is in no
    block, so there is no cut and any bound holds.)"""
    numbers = list(map(_VALUE, values))  # (a placeholder's: None, counting 0)
    nonzero = list(compress(range(len(numbers)), numbers))
    reach = _MAX_BLOCK * width
    gaps = list(map(sub, nonzero[1:], nonzero))
    if gaps and max(gaps) < reach:  # (most runs: every value within reach of another)
        return 0
    # whether each gap between values other than 0 (and before the first, after the last) is
    # too wide for one block: two values in one are fewer than _MAX_BLOCK rows' values apart
    far = [True, *map(ge, gaps, repeat(reach)), True]
    # (a row adds up within 1e-9: parts_add_up)
    return sum(abs(numbers[at]) >= 1e-9 for at in compress(nonzero, map(and_, far, far[1:])))


def _row_keys(value_ids: tuple, width: int, shared: dict) -> tuple:
    """Each row of values (`width` of their ids) as a number, the same for the same tokens in every
    call sharing `shared`: the same numbers, the same tokens (by identity)."""
    numbered = shared.setdefault(("rows",), {})
    return tuple(numbered.setdefault(value_ids[at:at + width], len(numbered)) for at in range(0, len(value_ids), width))


def _row_sum(values: list[Token], width: int, at: int, row_numbers: Optional[tuple]) -> Optional[int]:
    """What row `at` of the values adds up to, where every count in it is whole (None where one is
    not: a word, a fraction). `row_numbers`: what _cut_readings' fill keeps of the row, if it has."""
    numbers = row_numbers[0] if row_numbers is not None else list(map(token_number, values[at * width:(at + 1) * width]))
    return sum(numbers) if set(map(type, numbers)) == {int} else None


def _odd_sum(values: list[Token], width: int, shared: Optional[dict], row_keys: tuple) -> bool:
    """Whether the values' whole rows hold only whole counts adding up to an odd number: every
    cut of them has a row not adding up (its rows hold the same values, and a row adding up sums
    to twice its 总计). Each row's sum kept by its key in `shared` (_cut_readings.may_read's)."""
    total_rows = len(values) // width
    if shared is None:
        sums = [_row_sum(values, width, row, None) for row in range(total_rows)]
    else:
        row_sums = shared.setdefault(("row sums",), {})
        sums = list(map(row_sums.get, row_keys[:total_rows], repeat(False)))
        if False in sums:  # (rows met first: their sums worked out)
            row_values = shared.get(("row values",), {})
            for row in compress(range(total_rows), map(is_, sums, repeat(False))):
                sums[row] = row_sums[row_keys[row]] = _row_sum(values, width, row, row_values.get(row_keys[row]))
    return None not in sums and strict_sum(sums) % 2 == 1


def _step(look: Iterator[None]) -> Optional[bool]:
    """The next step of a look (may_read's from the last row back): None, or what it says."""
    try:
        next(look)
    except StopIteration as said:
        return cast(bool, said.value)
    return None


def _looked_on(looks: dict, typos: int, row_keys: tuple, total_rows: int) -> Optional[bool]:
    """False where _cut_readings' look from the first row on (may_read's) found that no cut
    reads values beginning with the same rows as these (`row_keys`, more of them); else None."""
    for span in looks.get(("on", typos, row_keys[0]), ()):
        if len(span) < total_rows and row_keys[:len(span)] == span:
            return False
    return None


def _looked_back(looks: dict, typos: int, row_keys: tuple, total_rows: int) -> Optional[bool]:
    """What _cut_readings' look from the last row back (may_read's) said of values ending with
    the same rows as these (`row_keys`, more of them): False, no cut reads them; True, the
    search says; None, not looked at."""
    for span, said in looks.get(("back", typos, row_keys[total_rows - 1]), ()):
        if len(span) < total_rows and row_keys[total_rows - len(span):total_rows] == span:
            return said
    return None


def _cuts(values: list[Token], width: int, typos: int, budget: list[int],
          shared: Optional[dict] = None, labelled: Optional[Beside] = None, row_keys: Optional[tuple] = None
          ) -> Optional[list[list[list[Token]]]]:
    """_cut_readings' cuts, in the order found."""
    cuts = _cut_readings(values, width, typos, budget, shared, labelled, row_keys)
    return None if cuts is None else list(cuts.values())


def _cut_readings(values: list[Token], width: int, typos: int, budget: list[int],
                  shared: Optional[dict] = None, labelled: Optional[Beside] = None, row_keys: Optional[tuple] = None
                  ) -> Optional[dict[tuple[int, ...], list[list[Token]]]]:
    """The distinct readings of `values` as whole rows, in template order, printed in blocks of
    consecutive rows, in which every row adds up but at most `typos` rows (a report's own
    mistake); empty when there are none, None when there are too many or the search would weigh
    more candidates than budget[0] holds (what it weighs is taken off). `shared` keeps each block
    of tokens' layouts for calls on values that share blocks (the same tokens, by identity).
    `labelled`: the values printed beside the labels, for bands of wrapped labels, whose rows'
    first cells they are (_split_heads). `row_keys`: _row_keys of the values, when the caller has
    them (a shared block's key is a slice of them, and so is the key of the values or of their
    rows from one on). Each cut is keyed by what its rows read: a number a row, the same for the
    rows reading the same values (the same numbers, and the same placeholders where they print
    one), in every call sharing `shared`."""
    if budget[0] <= 0:
        return None
    if shared is None:
        row_keys = ()
    elif row_keys is None:
        row_keys = _row_keys(tuple(map(id, values)), width, shared)
    # the cuts of the same values made before, with what they took off the budget: a call
    # again (one table's runs end with the same rows) takes off the same, the places it meets
    # being the same (`readings` below)
    calls: Optional[dict] = shared.setdefault(("cuts",), {}) if shared is not None else None
    made = calls.get((typos, row_keys)) if calls is not None else None
    if made is not None:
        cuts, cost = made
        budget[0] -= cost
        return cuts if budget[0] >= 0 else None
    total_rows = len(values) // width
    # what may_read's looks said of values beginning, or ending, with the same rows (see there)
    looks: Optional[dict] = shared.setdefault(("looks",), {}) if shared is not None else None
    if looks and total_rows and (_looked_on(looks, typos, row_keys, total_rows) is False
                                 or _looked_back(looks, typos, row_keys, total_rows) is False):
        return {}  # (no cut: nothing taken off the budget)
    if _fewest_cuts(values, width, shared, row_keys) > _MAX_READINGS:
        return None
    if _fewest_failing(values, width) > typos or not typos and _odd_sum(values, width, shared, row_keys):
        # no cut, and no place of the search reads the rows from it on (each cut of them would
        # end one of the values', taking more typos than left to reach it; or, of an odd sum, no
        # typo allowed, the rows from it on would sum to an odd number less what the rows before
        # it add up to, an even one): it takes nothing off the budget
        if calls is not None:
            calls[typos, row_keys] = ({}, 0)
        return {}
    found: dict[tuple[int, int], dict[tuple, list[list[Token]]]] = {}
    numbers: list[Optional[float]] = []  # a placeholder ("—", "无") counts 0 in 表三
    read: list = []  # what a cut reads, to tell cuts apart
    kinds: list[str] = []  # each value's kind
    # what a row reads -> a number, so a cut's key is one number a row (the same cuts told apart:
    # every row is `width` values long), not every value it reads; one numbering for all the
    # calls that share blocks, since a shared block keeps its key
    row_ids: dict[tuple, int] = shared.setdefault(("row ids",), {}) if shared is not None else {}
    most_typos = typos

    def fill(hi: int) -> None:
        """The numbers, readings and kinds of the values up to `hi`, worked out when a block first
        needs them (a block met in other calls, `shared`, needs none; a search that ends early,
        a first row no block reads, needs only the first blocks' values)."""
        if len(numbers) < hi:
            if row_values is None:
                more = values[len(numbers):hi]
                numbers.extend(map(token_number, more))
                read.extend(t.value if t.kind == NUM else t.text for t in more)
                kinds.extend(map(_KIND, more))
                return
            # (by whole rows, each worked out once for every call sharing its tokens: the calls
            # on one run's values, a value taken out, share all their rows but one or two)
            for at in range(len(numbers) // width, hi // width):
                known = row_values.get(row_keys[at])
                if known is None:
                    more = values[at * width:(at + 1) * width]
                    known = row_values[row_keys[at]] = (list(map(token_number, more)),
                                                        [t.value if t.kind == NUM else t.text for t in more],
                                                        list(map(_KIND, more)))
                numbers.extend(known[0])
                read.extend(known[1])
                kinds.extend(known[2])

    # each row's numbers, readings and kinds, by its key (blocks are whole rows: fill's `hi` is a
    # row's end)
    row_values: Optional[dict] = shared.setdefault(("row values",), {}) if shared is not None else None

    # variants with more rows not adding up than this are never built: those a shared block keeps
    # serve calls with a typo allowed too (every caller allows one at most)
    cap = most_typos if shared is None else max(most_typos, _SHARED_TYPOS)
    # the blocks' variants, by their rows' keys (shared), else by (row, size)
    blocks: dict[tuple, list] = shared.setdefault(("blocks", cap), {}) if shared is not None else {}

    # the layouts of a block that add up (but `cap` rows), by what the block reads: blocks of the
    # same values at other places (rows of zeros) take the same layouts
    layouts_read: dict[tuple, list] = shared.setdefault(("layouts", cap), {}) if shared is not None else {}

    def layouts_reading(size: int, read_here: list, numbers_here: list, getters: tuple) -> list[tuple[int, int, tuple, int]]:
        """The layouts (indices into `getters`) of a block of `size` rows reading `read_here`
        (their numbers `numbers_here`) with `cap` rows at most not adding up, each with that
        count, what it reads and how many layouts read so: the first of those alike."""
        read_key = (size, tuple(read_here))
        out = layouts_read.get(read_key)
        if out is None:
            alike: dict[tuple, int] = {}  # what a layout reads (which fixes its numbers) -> layouts reading so
            firsts = []
            unnumbered = None in numbers_here  # (a value without a number, in no row of most blocks)
            for layout, block in enumerate(getters):
                fails = 0
                for cells in block:  # (whether the row does not add up)
                    row_numbers = cells(numbers_here)
                    if (unnumbered and None in row_numbers) or not abs(sum(row_numbers[:-1]) - row_numbers[-1]) < 1e-9:
                        fails += 1
                        if fails > cap:
                            break
                else:
                    block_key = tuple([row_ids.setdefault(cells(read_here), len(row_ids)) for cells in block])
                    if block_key not in alike:
                        firsts.append((layout, fails, block_key))
                    alike[block_key] = alike.get(block_key, 0) + 1
            out = layouts_read[read_key] = [(layout, fails, key, alike[key]) for layout, fails, key in firsts]
        return out

    def blocks_at(row: int, size: int) -> list[tuple[list, int, tuple, int]]:
        """The block variants of rows row to row + size - 1 with `cap` rows at most that do not
        add up, each with that count, what it reads and how many of the block's layouts read so
        (the first of them kept: blocks of zeros read alike in every layout, and a cut of the
        others reads as one of its): worked out once, whatever the typos left (a variant with
        more can never be taken, and `readings` passes over those with more than it allows).
        A variant's rows are [its rows, or None and the getters and tokens that make them]: made
        by `readings` where a cut goes on from the block (most searches end with none)."""
        key = row_keys[row:row + size] if shared is not None else (row, size)
        out = blocks.get(key)
        if out is None:
            alike: dict[tuple, int] = {}  # what a variant reads (which fixes its numbers) -> layouts reading so
            variants: list[tuple[tuple, int, list]] = []  # (what a variant reads, its rows not adding up, its rows: see above), the first of those alike
            lo, hi = row * width, (row + size) * width
            fill(hi)
            here = kinds[lo:hi]
            if here.count(NUM) + here.count(NA) == hi - lo:  # (no text, no empty cell)
                tokens, read_here = values[lo:hi], read[lo:hi]
                getters = _variant_getters(size, width)
                for layout, fails, block_key, count in layouts_reading(size, read_here, numbers[lo:hi], getters):
                    alike[block_key] = count
                    variants.append((block_key, fails, [None, getters[layout], tokens]))
                # (_split_heads finds none unless the block ends with a value beside a label)
                numbers_here, reading_at = numbers[lo:hi], read_here.__getitem__
                for heads in _split_heads(tokens, size, labelled) \
                        if labelled and id(tokens[-1]) in labelled.labelled else ():
                    block = _band_cells(heads, width)
                    if _band_adds_up(numbers_here, block):
                        block_key = tuple([row_ids.setdefault(tuple(map(reading_at, cells)), len(row_ids))
                                           for cells in block])
                        alike[block_key] = alike.get(block_key, 0) + 1
                        if alike[block_key] == 1:
                            variants.append((block_key, 0, [[[tokens[i] for i in cells] for cells in block]]))
            out = blocks[key] = [(rows, fails, block_key, alike[block_key]) for block_key, fails, rows in variants]
        return out

    # The readings of the rows from one on (with typos left) depend only on the values from there
    # on: a call on values sharing their last rows with an earlier call's (a short row's value
    # taken out further up) reuses that call's. It takes off the budget what reading them again
    # would: each such place below not yet met in this call, once, as its search would.
    done: dict = shared.setdefault(("readings",), {}) if shared is not None else {}
    met: set = set()  # (typos, row keys) of the places this call took off the budget
    # A search from a row that reads none of the rows from there on looked only at the blocks it
    # tried: each up to _MAX_BLOCK rows long at each row it met. Where the values ran on that far
    # at each (no block cut short by the values' end), any values holding the same tokens in those
    # rows fail alike from that row with as many typos left, whatever follows: their search tries
    # the same blocks and meets the same rows (and takes nothing off the budget: no block it tries
    # goes on with a reading). Kept by typos and the row's key: the keys of the rows looked at
    # (`spans`); by place, how many rows from its own it looked at (None: a block cut short).
    spans: dict = shared.setdefault(("failed",), {}) if shared is not None else {}
    looked_at: dict = shared.setdefault(("failed reach",), {}) if shared is not None else {}
    reach: dict[tuple[int, int], Optional[int]] = {}  # (row, typos) reading none -> rows looked at from it

    def take_off(place: tuple) -> None:
        stack = [place]
        while stack:
            at = stack.pop()
            if at not in met:
                met.add(at)
                if at not in done:
                    # a place a search found reading none by a failed span (spans) and left
                    # unstored: it tried no block going on with a reading, and cost nothing
                    continue
                _, cost, below = done[at]
                budget[0] -= cost
                if budget[0] < 0:
                    raise _TooOpen
                stack.extend(below)

    def readings(row: int, typos: int) -> dict[tuple, list[list[Token]]]:
        if row == total_rows:
            return {(): []}
        if (row, typos) not in found:
            place = (typos, row_keys[row:]) if shared is not None else None
            if place is not None and place in done:
                take_off(place)
                found[(row, typos)] = done[place][0]
                if not found[(row, typos)]:
                    reach[(row, typos)] = looked_at.get(place)
                return found[(row, typos)]
            if spans:  # (none where no calls share)
                for span in spans.get((typos, row_keys[row]), ()):
                    if len(span) <= total_rows - row and row_keys[row:row + len(span)] == span:
                        found[(row, typos)] = {}
                        reach[(row, typos)] = len(span)
                        return found[(row, typos)]
            out: dict[tuple, list[list[Token]]] = {}
            cost, below = 0, set()
            # (rows looked at from this one, while it reads none: None once a block is cut short)
            far: Optional[int] = _MAX_BLOCK if total_rows - row >= _MAX_BLOCK else None
            for size in range(1, min(_MAX_BLOCK, total_rows - row) + 1):
                for block, fails, block_key, layouts in blocks_at(row, size):
                    left = typos - fails
                    if left < 0:
                        continue
                    rests = readings(row + size, left)
                    if far is not None and not rests:
                        deeper = reach.get((row + size, left))
                        far = None if deeper is None else max(far, size + deeper)
                    # every layout is weighed with every reading of the rows below (budget's
                    # candidates), though those alike add no cut
                    cost += layouts * len(rests)
                    if place is not None and row + size < total_rows:
                        below.add((left, row_keys[row + size:]))
                    budget[0] -= layouts * len(rests)
                    if budget[0] < 0:
                        raise _TooOpen
                    if rests and block[0] is None:  # (its rows, made at first need: most blocks go on with no cut)
                        block[0] = [list(cells(block[2])) for cells in block[1]]
                    for rest_key, rest in rests.items():
                        key = block_key + rest_key
                        if key not in out:
                            out[key] = block[0] + rest
                            if len(out) > _MAX_READINGS:  # (it grows only here)
                                # every cut of the run goes on with these cuts of its last rows
                                raise _TooOpen
            found[(row, typos)] = out
            if not out:
                reach[(row, typos)] = far
            if place is not None:
                done[place] = (out, cost, tuple(below))
                met.add(place)
                if not out:
                    looked_at[place] = far
                    if far is not None:
                        spans.setdefault((typos, row_keys[row]), []).append(row_keys[row:row + far])
        return found[(row, typos)]

    def may_read() -> bool:
        """Whether some cut may read the values (False: none does). The blocks from the first
        row (the search lays them out first); the blocks ending with the last row; the rows the
        blocks from the first row reach, each with the fewest rows not adding up before it;
        then the rows the rows after them are read from, found the same way from the last row
        back (the blocks met kept for the search): most searches find none, some with no block
        from the first row or none ending with the last, others with no way on from the first
        rows (the values of a run with a short row's value taken out below them, the rows after
        it shifted), others after reading all but the last rows. Where more than _BACK_ROWS rows
        are met both ways, the search says. What each look says of values beginning (ending)
        with the rows it met is kept in `looks`, for the calls sharing `shared`: the calls on
        one run's values, a value taken out here or there, begin or end alike."""
        if not total_rows:
            return True
        # what the look from the last row back said of values ending with the same rows (its
        # False settled before)
        back_said = _looked_back(looks, typos, row_keys, total_rows) if looks else None
        # (a block whose rows all add up sums to twice their 总计s: where its counts are whole, a
        # block of an odd sum has a row not adding up in every layout, told without laying it out;
        # the rows' sums worked out only where a block must have no row failing, block by block)
        # each row's sum by its key (_row_keys), found once for all the calls sharing `shared`
        row_sums = shared.setdefault(("row sums",), {}) if shared is not None else {}
        known_rows = row_values if row_values is not None else {}  # (fill's)

        def with_row(block_sum: Optional[int], row: int) -> Optional[int]:
            """A block's sum with `row` added (None once a count in it is not whole)."""
            row_sum = row_sums.get(row_keys[row], False)
            if row_sum is False:
                row_sum = row_sums[row_keys[row]] = _row_sum(values, width, row, known_rows.get(row_keys[row]))
            return None if block_sum is None or row_sum is None else block_sum + row_sum

        block_sum: Optional[int] = 0
        for size in range(1, min(_MAX_BLOCK, total_rows) + 1):
            if not typos and shared is not None and block_sum is not None:
                block_sum = with_row(block_sum, size - 1)
                if block_sum is not None and block_sum % 2:
                    continue
            if any(fails <= typos for _, fails, _, _ in blocks_at(0, size)):
                break
        else:
            return False
        back = None
        if back_said is None:
            # (the blocks ending with the last row first: where none reads, that settles it)
            back = reads_back(with_row)
            back_said = _step(back)
            if back_said is False:
                return False
        if not reads_on(with_row):
            return False
        while back_said is None:
            back_said = _step(cast(Iterator[None], back))
        return back_said

    def reads_back(with_row: Callable[[Optional[int], int], Optional[int]]) -> Generator[None, None, bool]:
        """may_read's look from the last row back, a row met at a time (_step): False when no
        cut reads the last rows."""
        fewest = {total_rows: 0}
        met_rows = 0
        lowest = total_rows  # (the first row the look met)
        said = False
        for end in range(total_rows, 0, -1):
            after = fewest.get(end)
            if after is None:
                continue
            met_rows += 1
            if met_rows > 1:
                yield  # (the blocks ending with the rows met so far laid out: some read)
            if met_rows > _BACK_ROWS:
                said = True
                break
            odd_fails = after == typos and shared is not None  # (no row left to fail: an odd block cannot be one)
            block_sum: Optional[int] = 0
            lowest = end - min(_MAX_BLOCK, end)
            for size in range(1, min(_MAX_BLOCK, end) + 1):
                start = end - size
                if odd_fails and block_sum is not None:
                    block_sum = with_row(block_sum, start)
                    if block_sum is not None and block_sum % 2:
                        continue
                for _, fails, _, _ in blocks_at(start, size):
                    if after + fails <= typos and fewest.get(start, typos + 1) > after + fails:
                        fewest[start] = after + fails
                        if not start:
                            return True
        if lowest and looks is not None:
            # The look met only rows from `lowest` on, none the first: it says the same of any
            # values ending with these rows, more than them (the calls on one run's values, a
            # short row's value taken out further up, end alike)
            looks.setdefault(("back", typos, row_keys[total_rows - 1]), []).append((row_keys[lowest:total_rows], said))
        return said

    def reads_on(with_row: Callable[[Optional[int], int], Optional[int]]) -> bool:
        """may_read's look from the first row on, as reads_back's from the end: False when no
        cut reads the first rows met."""
        reached = {0: 0}  # (a row the blocks reach -> the fewest rows not adding up before it)
        met_rows = 0
        last_met = 0
        for begin in range(total_rows):
            fails_before = reached.get(begin)
            if fails_before is None:
                continue
            met_rows += 1
            if met_rows > _BACK_ROWS:
                return True
            last_met = begin
            odd_fails = fails_before == typos and shared is not None  # (no row left to fail: an odd block cannot be one)
            block_sum: Optional[int] = 0
            for size in range(1, min(_MAX_BLOCK, total_rows - begin) + 1):
                stop = begin + size
                if odd_fails and block_sum is not None:
                    block_sum = with_row(block_sum, stop - 1)
                    if block_sum is not None and block_sum % 2:
                        continue
                for _, fails, _, _ in blocks_at(begin, size):
                    if fails_before + fails <= typos and reached.get(stop, typos + 1) > fails_before + fails:
                        reached[stop] = fails_before + fails
                        if stop == total_rows:
                            return True
        if last_met + _MAX_BLOCK < total_rows and looks is not None:
            # The look met only rows before last_met + _MAX_BLOCK, not the last: no cut reads
            # any values beginning with these rows, more than them (the calls on one run's
            # values, a short row's value taken out further down, begin alike)
            looks.setdefault(("on", typos, row_keys[0]), []).append(row_keys[:last_met + _MAX_BLOCK])
        return False

    if (typos, row_keys) not in done and not may_read():
        # no cut: the search would find none and take nothing off the budget (no place of it
        # reads the rows from it on)
        if calls is not None:
            calls[typos, row_keys] = ({}, 0)
        return {}
    before = budget[0]
    try:
        cuts = readings(0, typos)
    except _TooOpen:
        return None
    if calls is not None:
        calls[typos, row_keys] = (cuts, before - budget[0])
    return cuts


# What a cell's flag says when the best cuts put different values in it (recut_runs' `undecided`):
# the checks name every such cell in a sum that fails through one of them (core/check/rules.py),
# found by the cause READING_UNDECIDED (core.model) every such flag has (also when no reading adds up at all).
PLACE_UNKNOWN = "此格印的是哪个数无法确定"
UNDECIDED = "几种读法同样合计，" + PLACE_UNKNOWN
UNDECIDED_CELL = "「{}」×「{}」：" + UNDECIDED + "，已按其中一种读取，请对照原文核对"  # (row, column)


def recut_runs(table: Table, values_of: dict[str, list[Token]], template: str,
               undecided: Optional[dict[str, list[int]]] = None,
               tokens: Optional[list[Token]] = None, misprint_rows: Optional[set[str]] = None) -> dict[str, list[Token]]:
    """Rows re-read from runs of consecutive rows that print rows × width values between them but
    not width each (or not adding up): of the cuts in which every row adds up, the one the
    table's column sums prefer, when no other cut does as well. Returns the new rows.

    A row the best cuts disagree on stays as read; but where they put the row not adding up (a
    misprint) in different rows, one that printed nothing beside its label (its values are in the
    run, under other labels), but for the table's first two rows, takes the first best cut's
    values, and the
    columns where the cuts disagree go into `undecided` (row -> column indices): left empty, the
    row's cells would be filled in from the sums, and a misprint the cuts place in different
    cells would vanish with them. `tokens`: the section's tokens, in printed order, which tell
    the values printed after a label's text (bands of wrapped labels: _split_heads). `misprint_rows`
    gets the rows returned that do not add up: the misprint the table's sums name, read whole
    (its cells printed apart placed by the column sums), not a row of zeros."""
    keys = [row.key for row in table.rows]
    width = len(table.rows[0].columns)

    def off(key: str) -> bool:
        return len(values_of.get(key, ())) != width  # a full row that does not add up may be a typo

    def cells(rows: Mapping[str, Sequence[Optional[Token]]]) -> dict[str, Optional[float]]:
        values: dict[str, Optional[float]] = {}
        for row in table.rows:
            tokens = rows.get(row.key, values_of.get(row.key))
            if tokens and len(tokens) == width:
                values.update(zip(table.row_paths(row.key), map(token_number, tokens)))
        return values

    place = _places(table)  # cell -> (row, column)
    scorers: dict[tuple[str, ...], tuple] = {}

    def scorer(run: tuple[str, ...]) -> tuple:
        """For the cuts of one run: the score of the equations that no cell of the run enters
        (the same for every cut), and the others' sides, each cell the value of a cell beside
        the run or the place (row, column) of one in the run, in the equation's order."""
        around = cells({key: [] for key in run})
        in_run = frozenset(run)
        fixed, varying_cells, varying_eqs = [], [], []
        # each equation's sides: a cell of the run as its place (row, column), a value beside it (known)
        varying: list[tuple[list, ...]] = []
        for eq, rows in _equation_rows(table, template):
            if in_run.isdisjoint(rows):
                fixed.append(eq)
            elif all(place.get(p, ("",))[0] in in_run or around.get(p) is not None for p in eq.cells):
                # (a cell beside the run unknown: equation_score always skips the equation)
                varying.append(tuple([place[p] if place.get(p, ("",))[0] in in_run else around[p] for p in side]
                                     for side in (eq.left, eq.right)))
                varying_cells.append(eq.cell_set)
                varying_eqs.append(eq)
        # the cells every fixed equation that fails goes through (None: none fails), and those
        # equations with their sides' sums, for one_misprint
        fixed_shared: Optional[frozenset[str]] = None
        fixed_failing = []
        fixed_score = 0  # (equation_score of them all: the sum of each one's)
        for eq in fixed:
            eq_score = equation_score((eq,), around)
            fixed_score += eq_score
            if eq_score < 0:
                fixed_shared = eq.cell_set if fixed_shared is None else fixed_shared & eq.cell_set
                fixed_failing.append((eq, strict_sum(around[c] for c in eq.left), strict_sum(around[c] for c in eq.right)))
        # the sides again as indices into the cut's flat values (flat_values), the values beside
        # the run first: summed by map, in the same order
        consts: list[float] = []
        position = {key: n * width for n, key in enumerate(run)}
        sides_at: list[list[list[int]]] = []  # (a cell of the run: its place in the rows; a value beside it: ~ its index)
        for sides in varying:
            sides_at.append([])
            for side in sides:
                at = []
                for c in side:
                    if type(c) is tuple:
                        at.append(position[c[0]] + c[1])
                    else:
                        at.append(~len(consts))
                        consts.append(c)
                sides_at[-1].append(at)
        shift = len(consts)
        compiled = tuple(tuple(tuple(i + shift if i >= 0 else ~i for i in side) for side in sides)
                         for sides in sides_at)
        # the sides as score sums them: the equations through most of the run's rows first (a
        # cut's column sums break where its rows all add up, and once the equations broken so far
        # keep it below the floor score is given, the rest are not summed)
        reach = [len({(i - shift) // width for side in sides for i in side if i >= shift}) for sides in compiled]
        widest_first = tuple(compiled[k] for k in sorted(range(len(compiled)), key=lambda k: -reach[k]))
        # the same sides as each row's part in them, for _RunSums (None: a value beside the run
        # not a whole number)
        sums = None
        whole_consts = list(map(_whole, consts))
        if None not in whole_consts:
            whole_known = cast(list[int], whole_consts)
            differences = [0] * len(compiled)
            terms: list[list[tuple[int, int, int]]] = [[] for _ in run]
            for equation, sides_at_once in enumerate(compiled):
                for side_at, sign in zip(sides_at_once, (1, -1)):
                    for i in side_at:
                        if i < shift:
                            differences[equation] += sign * whole_known[i]
                        else:
                            terms[(i - shift) // width].append(((i - shift) % width, equation, sign))
            sums = _RunSums(differences, tuple(map(tuple, terms)), width)
        return (fixed_score, varying, fixed_shared, varying_cells,
                (tuple(consts), compiled, shift + len(run) * width), (varying_eqs, fixed_failing, around),
                widest_first, sums)

    def flat_values(rows: dict[str, list[Token]], row_numbers, flat: tuple) -> Optional[tuple]:
        """The values beside the run, then each row's numbers in run order (`row_numbers`, else
        worked out); None when a row is not `width` long (the sides are then summed by place)."""
        consts, _, size = flat
        if row_numbers is None:
            row_numbers = [tuple(map(token_number, row)) for row in rows.values()]
        values = consts + tuple(chain.from_iterable(row_numbers))
        return values if len(values) == size else None

    def score(rows, row_numbers=None, floor: float = -inf, run: Optional[tuple[str, ...]] = None) -> int:
        """equation_score of cells(rows), summed in the same order: what the rows beside the run
        give is worked out once per run, not for every cut. `row_numbers`: each row's numbers,
        when known. `floor`: a score below it is only known to be below (the cut is never chosen):
        what is returned then is some score below it, the most the cut could still make. `run`:
        the run's keys (a tuple), `rows` then the rows in their order (no mapping built for a cut
        scored by its numbers)."""
        if run is None:
            run = tuple(rows)
        known = scorers.get(run)
        if known is None:
            known = scorers[run] = scorer(run)
        fixed, varying, _, _, flat, _, widest_first, sums = known
        broken = sums.broken(row_numbers) if sums is not None and row_numbers is not None else None
        if broken is not None:
            # what summing the equations one by one returns: the score, or once the equations
            # broken so far keep it below `floor`, the score then
            most = fixed + len(widest_first)
            for _ in range(broken):
                most -= 2
                if most < floor:
                    break
            return most
        if type(rows) is not dict:
            rows = dict(zip(run, rows))
        total = fixed
        values = flat_values(rows, row_numbers, flat)
        if values is not None:
            take = values.__getitem__
            most = fixed + len(widest_first)  # the score if every equation left holds
            for left, right in widest_first:
                if not abs(sum(map(take, left)) - sum(map(take, right))) < 1e-9:
                    most -= 2
                    if most < floor:
                        return most
            return most
        for left, right in varying:
            # (a cut's rows hold numbers and placeholders only: none unknown)
            left_sum = strict_sum(token_number(rows[c[0]][c[1]]) if type(c) is tuple else c for c in left)
            right_sum = strict_sum(token_number(rows[c[0]][c[1]]) if type(c) is tuple else c for c in right)
            total += 1 if abs(left_sum - right_sum) < 1e-9 else -1
        return total

    def confirmed(rows: Mapping[str, Sequence[Optional[Token]]]) -> bool:
        """The table's equations all hold but those through one cell (a typo they localise), and
        those through a row beside the run that does not add up as read: its values are in doubt
        (a total printed before its row's other cells, read in their place, until a later reader
        places it), so what it breaks says nothing of the run's cut."""
        values = cells(rows)
        doubtful = frozenset(path for key in keys if key not in rows and _total_elsewhere(values_of.get(key, ()), width)
                             for path in table.row_paths(key))
        shared: Optional[frozenset[str]] = None
        for eq in equations(template):
            try:
                if abs(strict_sum(map(values.get, eq.left)) - strict_sum(map(values.get, eq.right))) < 1e-9:
                    continue
            except TypeError:  # an unknown cell (a row not read whole, or no number): says nothing
                continue
            if doubtful and not doubtful.isdisjoint(eq.cell_set):
                continue
            shared = eq.cell_set if shared is None else shared & eq.cell_set
        return shared is None or bool(shared)

    def one_misprint(rows: dict[str, list[Token]], row_numbers=None, unbroken: bool = False) -> bool:
        """Whether one cell lies in every equation the cut breaks (it breaks some) and one value
        of it, not below 0, makes them all hold: a misprint there explains them all, wherever
        that cell is. The equations as score weighs them. `unbroken`: a cut breaking none counts
        too."""
        run = tuple(rows)
        if run not in scorers:
            scorers[run] = scorer(run)
        _, varying, shared, varying_cells, flat, (varying_eqs, fixed_failing, around), _, _ = scorers[run]
        if shared is not None and not shared:
            return False
        values = flat_values(rows, row_numbers, flat)
        take = values.__getitem__ if values is not None else None
        failing = list(fixed_failing)  # (equation, its left side's sum, its right side's)
        for (left, right), (left_at, right_at), eq_cells, eq in zip(varying, flat[1], varying_cells, varying_eqs):
            if take is not None:
                left_sum, right_sum = sum(map(take, left_at)), sum(map(take, right_at))
            else:
                left_sum = sum(token_number(rows[c[0]][c[1]]) if type(c) is tuple else c for c in left)
                right_sum = sum(token_number(rows[c[0]][c[1]]) if type(c) is tuple else c for c in right)
            if abs(left_sum - right_sum) >= 1e-9:
                shared = eq_cells if shared is None else shared & eq_cells
                if not shared:
                    return False
                failing.append((eq, left_sum, right_sum))
        if shared is None:
            return unbroken
        return any(_one_value_fits(cell, failing, rows, place, around) for cell in shared)

    out: dict[str, list[Token]] = {}
    budget = [_MAX_VISITS]  # candidate cuts left to weigh, for all the table's runs
    # blocks, readings of rows and of cells printed late that the runs' cuts share (the same
    # tokens): the runs ending with the table's last rows cut those rows alike
    shared: dict = {}
    # the values printed beside a label that has fewer than a row's, and those printed after a
    # label's text (a wrapped label's first cells): worked out for the first run cut (most
    # tables cut none, and the section's every token is looked at)
    labelled: Optional[Beside] = None
    # A run is cut only when its rows print as many values as they have cells, or more: with
    # beyond[i] what keys[:i] print beyond their cells and ahead[i] the most of it from keys[:i]
    # on, no run from `start` ending at `end` or later does once ahead[end + 1] < beyond[start].
    beyond = [0]
    for key in keys:
        beyond.append(beyond[-1] + len(values_of.get(key, ())) - width)
    ahead = list(beyond)
    for i in range(len(ahead) - 2, -1, -1):
        ahead[i] = max(ahead[i], ahead[i + 1])
    start = 0
    while start < len(keys):
        if keys[start] not in values_of or not off(keys[start]):
            start += 1
            continue
        in_run: list[Token] = []  # the run's values, a row added each step
        for end in range(start, len(keys)):
            if ahead[end + 1] < beyond[start]:
                break  # (each run from here on would be passed over below: too few values)
            run = keys[start:end + 1]
            if run[-1] not in values_of and not any(k in values_of for k in keys[end + 1:]):
                break  # a row the text lacks: the template's order no longer counts the rows
            # (a row whose label matched out of place, between rows found, printed its values in the run)
            in_run += values_of.get(run[-1], ())
            values = list(in_run)
            if start == 0 and len(values) > len(run) * width and not prints_as_eight(values_of[keys[0]]):
                # the table's first rows print after the values of what precedes the table (表二's
                # cells that the reading order put below 表三's heading): those are not the table's
                # (but a first row of 8 adding up so prints a subtotal, no value from before it)
                values = values[len(values) - len(run) * width:]
            extra = len(values) - len(run) * width
            last = end == len(keys) - 1
            if not off(run[-1]) or not (extra == 0 or (last and 0 < extra <= _MAX_STRAYS)):
                continue
            if labelled is None:
                labelled = Beside({id(t) for k in keys if 0 < len(values_of.get(k, ())) < width for t in values_of[k]},
                                  values_after_text(tokens) if tokens else frozenset())
            found: Union[tuple[list[list[Optional[Token]]], list[list[Token]], bool], tuple[()], None]
            if extra:
                # rows above printed one value short each, that value printed inside this run
                short = [k for k in keys[:start] if k not in out and len(values_of.get(k, ())) == width - 1]
                if len(short) != extra:
                    continue
                run = short + run
                found = _out_of_place_cut(run, values, width, score, budget,
                                          [values_of[k] for k in short], last, labelled, one_misprint, shared)
            else:
                # a row whose label has one value beside it printed its first column there (the
                # cell nearest the label column), its others in a block of their own
                beside = {id(values_of[k][0]): k for k in run if len(values_of.get(k, ())) == 1}
                found = _best_cut(run, values, width, score, budget, beside, one_misprint, labelled, shared)
                if found == _NO_CUT and last:  # (a run too open to say stays as read)
                    found = _out_of_place_cut(run, values, width, score, budget, [], True, labelled, one_misprint,
                                              shared)
            if not found and last and budget[0] > 0:
                surplus = _surplus_cut(keys[start:], values_of, width, score, budget, labelled, one_misprint, shared)
                if surplus is not None:
                    run, found = surplus
            if found and confirmed(dict(zip(run, found[0]))):
                best, first, misprinted = found
                # a row the cuts disagree on stays as read (and flagged): its cells were printed,
                # so none of them is left to be inferred
                agreed = [(key, cast(list[Token], row)) for key, row in zip(run, best) if None not in row]
                out.update(agreed)
                if misprint_rows is not None:
                    misprint_rows.update(key for key, row in agreed if not tokens_add_up(row))
                for key, row, first_row in zip(run, best, first):
                    # (the first two rows are left to head_rows_by_column_sums, which weighs
                    # their fourteen values against the whole table's column sums)
                    if None in row and misprinted and not values_of.get(key) and undecided is not None \
                            and key not in keys[:2]:
                        out[key] = first_row
                        undecided[key] = [i for i, t in enumerate(row) if t is None]
                start = end
                break
        start += 1
    return out


def _total_elsewhere(values: Sequence[Token], width: int) -> bool:
    """Whether a row of `width` values does not add up as read but would with one of its counts
    other than the last as its 总计: its own cells, the total printed out of its place (「85 73 6 — —
    — 6」, （二）部分公开's 85 printed first), for a later reader to place."""
    if len(values) != width:
        return False
    numbers = [token_number(t) if t.kind == NUM else 0 if t.kind == NA else None for t in values]
    if not known(numbers) or parts_add_up(numbers):
        return False
    whole = sum(numbers)
    return any(n and 2 * n == whole for n in numbers[:-1])


@lru_cache(maxsize=8)
def _places(table: Table) -> dict[str, tuple[str, int]]:
    """Each cell of the table -> (its row, its column). (Cached: not to be changed.)"""
    return {path: (row.key, column) for row in table.rows for column, path in enumerate(table.row_paths(row.key))}


@lru_cache(maxsize=8)
def _equation_rows(table: Table, template: str) -> tuple[tuple[Equation, frozenset[str]], ...]:
    """The template's equations, in order, each with the rows of the table its cells lie in."""
    places = _places(table)
    return tuple((eq, frozenset(places[p][0] for p in eq.cells if p in places)) for eq in equations(template))


def _one_value_fits(cell: str, failing: list, rows: dict[str, list[Token]], place: dict[str, tuple[str, int]],
                    around: dict[str, Optional[float]]) -> bool:
    """Whether one value of `cell`, not below 0, makes every equation in `failing` hold (each
    with its sides' sums as the cut reads them): a misprint there would have to be that value,
    which a count cannot be below 0, and two equations must not ask two values of it."""
    row, column = place.get(cell, ("", 0))
    old = token_number(rows[row][column]) if row in rows else around.get(cell)
    if old is None:
        return False
    wanted = None
    for eq, left_sum, right_sum in failing:
        value = old + (right_sum - left_sum if cell in eq.left else left_sum - right_sum)
        if value < 0 or (wanted is not None and abs(value - wanted) >= 1e-9):
            return False
        wanted = value
    return True


def _best_cut(run: list[str], values: list[Token], width: int, score,
              budget: list[int], beside: Optional[dict[int, str]] = None, one_misprint=None,
              labelled: Optional[Beside] = None, shared: Optional[dict] = None
              ) -> Union[tuple[list[list[Optional[Token]]], list[list[Token]], bool], tuple[()], None]:
    """The cells on which every cut the column sums rank best agrees (the others left unread),
    the first of those cuts, and whether they disagree on which row does not add up (a misprint
    they place in different rows):
    first among cuts where every row adds up, else among those where one row does not (a typo,
    which the sums then localise). _NO_CUT when there is no cut, None when too many. Cuts the sums rank
    alike that differ in one row only are told apart by the values printed alone beside a row's
    label (`beside`: token id -> row): the cuts putting most of them in their row's first column
    are kept. Without that, a typo that the cuts place in different cells of its row leaves both
    cells open, and the sums fill them in and hide it."""
    # Thousands of cuts of zeros read a few numbers: each cut is told by what its rows read (its
    # key in _cut_readings: a number a row), and a row's numbers are worked out once per reading.
    # A cut is scored once per numbers it reads (the score sums nothing else), told by one
    # number a row, the row's numbers' index (`number_ids`, kept for every call of `scored`).
    number_ids: dict[tuple, int] = {}
    number_rows: list[tuple] = []  # index -> numbers
    scored: dict[tuple, int] = {}

    run_key = tuple(run)
    for typos in (0, 1):
        found = _cut_readings(values, width, typos, budget, shared, labelled)
        if found is None:
            return None  # too open; with a typo allowed too (those cuts are among them)
        if not found:
            continue
        cuts, keys = list(found.values()), list(found)
        # what a row reads (its number in the keys) -> a row reading so, and its numbers' index:
        # the values read fix the numbers (a placeholder counts 0)
        read_rows: dict[int, list[Token]] = {}
        read_numbers: dict[int, int] = {}

        def cut_reads(key: tuple[int, ...], rows: list[list[Token]]) -> tuple[int, ...]:
            try:
                return tuple(map(read_numbers.__getitem__, key))
            except KeyError:  # (a reading met for the first time)
                for reading, row in zip(key, rows):
                    if reading not in read_rows:
                        read_rows[reading] = row
                        row_numbers = tuple(map(token_number, row))
                        if row_numbers not in number_ids:
                            number_ids[row_numbers] = len(number_rows)
                            number_rows.append(row_numbers)
                        read_numbers[reading] = number_ids[row_numbers]
                return tuple(map(read_numbers.__getitem__, key))
        reads_of = list(map(cut_reads, keys, cuts))
        # a cut scoring below the best so far less 2 is never weighed (best keeps the top score,
        # _one_misprint_cuts two below it): its score is only known to be below that. Each
        # numbers read is scored once, where a cut first reads them (a cut reading them again
        # scores the same, whichever cut, and leaves the floor as it was).
        floor = -inf
        cut_reading = dict(zip(reads_of, cuts))  # numbers read -> a cut reading them, in the order first read
        for reads, rows in cut_reading.items():
            if reads not in scored:
                scored[reads] = score(rows, list(map(number_rows.__getitem__, reads)), floor, run_key)
            floor = max(floor, scored[reads] - 2)
        scores = list(map(scored.__getitem__, reads_of))
        top = max(scores)  # (once: up to 4 096 cuts)
        best = [k for k, s in enumerate(scores) if s == top]  # (the cuts' positions in `cuts`)
        if one_misprint is not None and (typos or len(best) > 1):
            # (one_misprint weighs the numbers a cut reads, whichever cut: once per numbers read)
            def explained(reads: tuple) -> bool:
                return one_misprint(dict(zip(run, cut_reading[reads])), list(map(number_rows.__getitem__, reads)))
            if typos:
                kept = set(_one_misprint_cuts(list(cut_reading), list(map(scored.__getitem__, cut_reading)), top,
                                              explained))
                best = [k for k, reads in enumerate(reads_of) if reads in kept] or best
            else:
                # every row adds up, but the best cuts break the table's sums alike (a misprint
                # outside the run, or in a row's parts and its total alike): those a misprint of
                # one cell explains are kept (a cut moving a value to balance the misprint's
                # column breaks another column's sum, which no value of one cell mends)
                kept = set(filter(explained, dict.fromkeys(map(reads_of.__getitem__, best))))
                best = [k for k in best if reads_of[k] in kept] or best
        # each row's readings among the best cuts
        readings = [set(column) for column in zip(*map(keys.__getitem__, best))]
        # (rows read differently print differently: the cuts differ in several rows where their
        # readings do, and the texts need not be looked at)
        if beside and sum(len(read) > 1 for read in readings) <= 1:
            # each row's distinct lists among the best cuts (the cuts share them: a set over them
            # is the set over all cuts): rows read alike may print differently
            distinct = [list(dict(zip(map(id, column), column)).values())
                        for column in zip(*map(cuts.__getitem__, best))]
            differ = [r for r in range(len(run)) if len({tuple(t.text for t in row) for row in distinct[r]}) > 1]
            if len(differ) == 1:  # (cuts differing in several rows: the run is not understood)
                def first_column(k: int) -> int:
                    return sum(beside.get(id(row[0])) == key for key, row in zip(run, cuts[k]))
                most = max(map(first_column, best))
                best = [k for k in best if first_column(k) == most]
                readings = [set(column) for column in zip(*map(keys.__getitem__, best))]
        # one row a reading: the values read are the cells' values
        distinct = [list(map(read_rows.__getitem__, read)) for read in readings]
        # a cell all the cuts agree on (the first cut's token), else None
        first = cuts[best[0]]
        return [[first[r][c] if len({row[c].value for row in distinct[r]}) == 1 else None
                 for c in range(min(map(len, distinct[r])))] for r in range(len(run))], \
            first, typos == 1 and _first_failures_differ(set(map(reads_of.__getitem__, best)), number_rows)
    return _NO_CUT


def _one_misprint_cuts(cuts: list, scores: list[int], top: int, explained) -> list:
    """The best cuts of a run with one row not adding up (a typo), told apart by whether one
    misprinted cell explains every equation they break (`explained`), not by how many they
    break: a misprint breaks every sum through its cell, and a cell of the （七）总计 row is in one
    more (一+二 = 总计+四) than a cell of a result row, so counting them would always put the
    misprint outside that row. The cuts one cell explains, ranked best or one equation short
    (that one more), in the order found; empty when none is. (`cuts` may be what they read.)"""
    return [rows for rows, s in zip(cuts, scores) if s >= top - 2 and explained(rows)]


def _first_failures_differ(reads: set[tuple[int, ...]], number_rows: list[tuple]) -> bool:
    """_misprints_differ of cuts told by what they read (each row's numbers' index into
    `number_rows`): whether a row adds up depends on its numbers alone, so the cuts reading
    alike are weighed once."""
    firsts = {next((n for n, numbers in enumerate(map(number_rows.__getitem__, cut))
                    if None in numbers or not parts_add_up(numbers)), None) for cut in reads}
    return len(firsts) > 1


def _misprints_differ(cuts: list[list[list[Token]]]) -> bool:
    """Whether the cuts differ in their first row not adding up (_failing_row): the cuts share
    their rows (the same lists), and thousands of them hold a few hundred, so whether a row adds
    up is worked out once per row."""
    fails: dict[int, bool] = {}
    seen: set[Optional[int]] = set()
    for rows in cuts:
        found = None
        for n, row in enumerate(rows):
            failing = fails.get(id(row))
            if failing is None:
                failing = fails[id(row)] = not tokens_add_up(row)
            if failing:
                found = n
                break
        seen.add(found)
        if len(seen) > 1:
            return True
    return False


def _failing_row(rows: list[list[Token]], known: Optional[dict[int, tuple[list[Token], bool]]] = None) -> Optional[int]:
    """The index of the first row that does not add up, or None. `known`: whether a row (by id,
    kept with the row, which the cuts share) does not, for rows met again."""
    for n, row in enumerate(rows):
        seen = known.get(id(row)) if known is not None else None
        if seen is None:
            seen = (row, not tokens_add_up(row))
            if known is not None:
                known[id(row)] = seen
        if seen[1]:
            return n
    return None


# Cells pdftotext prints out of their rows' place (issue 8). A row's label set over two lines
# leaves one of its cells in a text block of its own, printed later amid the values of rows
# further down (「二、上年结转」, 「（二）部分公开」: six values beside the label, the seventh among
# 「（五）不予处理」's); and the cells of the table's last rows that sit beside their labels, which
# print after every value, print after the others too (「3.其他」's 0, 「四、结转下年度继续办理」's 34
# after the 总计 row). Both leave the run of rows printing rows × width values cut in no way.
# rows above the run one value short each, whose value prints inside it, no more: three in zoo
# 5301 r0055 (「二、上年结转」, 「（二）部分公开」, 「8.属于行政查询事项」, beside wide values printed
# two to a line)
_MAX_STRAYS = 3
_MAX_LATE = 3  # cells printed after every other value of the run, no more
# 四、结转's cells printed late where a misprinted short row's 总计 is printed apart in the run
# (_misprinted_short_cut): its first two cells joined on one line beside its label's lines, two
# more after the label, "2470 0" … 「四、结转下年度继续办理」 "0 0"
_MAX_LATE_MISPRINTED = 4
_LATE_ROWS = 3  # the rows those cells belong to: the last three at most (其他, 总计, 结转)


def _completions(row: list[Token], value: Token) -> list[list[Token]]:
    """The rows `value` put back into a row printed one value short makes, each adding up."""
    out: dict[tuple, list[Token]] = {}
    numbers, number = [token_number(t) for t in row], [token_number(value)]
    whole = list(map(_whole, numbers + number))
    if None not in whole and row:
        # whole numbers sum exactly in any order: the row adds up with the value among its parts
        # wherever it goes, or with it as the 总计
        *parts, total, value_number = cast(list[int], whole)
        among, last = sum(parts) + value_number == total, sum(parts) + total == value_number
        places = [p for p in range(len(row) + 1) if (among if p < len(row) else last)]
    else:
        places = []
        for p in range(len(row) + 1):
            completed = numbers[:p] + number + numbers[p:]  # (tokens_add_up of the row, its numbers worked out once)
            if known(completed) and abs(sum(completed[:-1]) - completed[-1]) < 1e-9:
                places.append(p)
    for p in places:
        completed_row = row[:p] + [value] + row[p:]
        out.setdefault(_reading([completed_row]), completed_row)
    return list(out.values())


def _completer(row: list[Token]) -> Callable[[Token], list[list[Token]]]:
    """_completions of `row` as a function of the value, the row's numbers summed once (a run's
    every value is put back into each short row above it)."""
    whole = [_whole(token_number(t)) for t in row]
    if not row or None in whole:
        return lambda value: _completions(row, value)
    *parts, total = cast(list[int], whole)
    parts_sum = sum(parts)
    row_read = _reading([row])  # (a completion's reading is the row's with the value's put in)

    def complete(value: Token) -> list[list[Token]]:
        value_number = _whole(token_number(value))
        if value_number is None:
            return _completions(row, value)
        # (as _completions sums whole numbers: the value among the parts, or as the 总计)
        among, last = parts_sum + value_number == total, parts_sum + total == value_number
        if not (among or last):
            return []
        out: dict[tuple, list[Token]] = {}
        value_read = _reading([[value]])
        for p in range(len(row) + 1):
            if among if p < len(row) else last:
                out.setdefault(row_read[:p] + value_read + row_read[p:], row[:p] + [value] + row[p:])
        return list(out.values())
    return complete


def _last_adding_up(own: list[Token], placed: list[Token]) -> Optional[tuple[bool, tuple[bool, ...]]]:
    """Whether a row of the cells `own` (in order) and `placed` adds up with the last own cell in
    the last column, and with each placed cell there: a row's parts add up to its last value
    when that value is half the row's sum, wherever the others stand. None in numbers not
    whole (or not below 2**40), whose sums in floats depend on the order they are added in."""
    numbers = list(map(token_number, own + placed))
    if not known(numbers):
        return False, (False,) * len(placed)
    if set(map(type, numbers)) == {int} and numbers:  # (most rows: whole counts, their bound told in C)
        if not max(map(abs, numbers)) < 2 ** 40:
            return None
    elif not all((type(x) is int or (type(x) is float and x.is_integer())) and abs(x) < 2 ** 40 for x in numbers):
        return None
    total = sum(numbers)
    return bool(own) and 2 * numbers[len(own) - 1] == total, tuple(2 * x == total for x in numbers[len(own):])


@lru_cache(maxsize=256)
def _placements_putting_last(width: int, count: int, lasts: tuple[int, ...]) -> tuple[tuple[tuple[int, ...], int], ...]:
    """The placements of `count` cells among `width` columns (in the order permutations gives
    them) that put in the last column the last own cell (-1) or placed cell j, for those in
    `lasts`, each with which it puts there."""
    last = width - 1
    out = [(p, -1) for p in permutations(range(last), count)] if -1 in lasts else []
    for j in lasts:
        if j >= 0:
            out.extend((p[:j] + (last,) + p[j:], j) for p in permutations(range(last), count - 1))
    return tuple(sorted(out))


_Cell = TypeVar("_Cell")  # a row's cell: a token, or what it reads


def _placed(columns: tuple[int, ...], own: Sequence[_Cell], placed: Sequence[_Cell], width: int) -> list[_Cell]:
    """A row of the `placed` cells in these columns, the `own` cells in the others in order."""
    cells: list = [None] * width  # (each filled below)
    for column, token in zip(columns, placed):
        cells[column] = token
    if len(columns) == len(placed) and len(own) == width - len(columns):
        for column, token in zip(_own_columns(columns, width), own):
            cells[column] = token
        return cells
    rest = iter(own)
    return [t if t is not None else next(rest) for t in cells]


@lru_cache(maxsize=4096)
def _own_columns(columns: tuple[int, ...], width: int) -> tuple[int, ...]:
    """The columns a row's own cells fill, in order, when `columns` take the placed ones."""
    return tuple(c for c in range(width) if c not in columns)


def _late_tails(tail: list[Token], late: list[Token], rows: int, width: int, typos: int,
                budget: list[int], read: bool = True) -> list[list[list[Token]]]:
    """The readings of `rows` rows printed as `tail` with the `late` cells taken out (in row
    order; the first row holding one), every row adding up but at most `typos`. Each row
    placed is taken off budget[0] (_TooOpen past it), as often as the search meets it: the
    rows below a row are read once for each place (row, values printed, cells taken, rows not
    adding up) they start from, and taken off again at each further meeting. Without `read`,
    no reading is built: [[]] when there is one, else [] (the same places met, the same taken
    off the budget: which places a search meets depends only on which rows add up)."""
    below: dict[tuple[int, int, int, int], tuple[list[list[list[Token]]], int]] = {}

    def walk(row: int, printed: int, taken: int, fails: int) -> list[list[list[Token]]]:
        """The readings of rows row to rows - 1 from this place, in the order found."""
        place = (row, printed, taken, fails)
        if place in below:
            found, cost = below[place]
            budget[0] -= cost
            if budget[0] < 0:
                raise _TooOpen
            return found
        before = budget[0]
        found = []
        if row == rows:
            if taken == len(late) and printed == len(tail):
                found.append([])
        else:
            least = 1 if row == 0 else 0
            for count in range(least, min(len(late) - taken, width) + 1):
                budget[0] -= perm(width, count)  # every placement is taken off, whether it reads a row or not
                if budget[0] < 0:
                    raise _TooOpen
                if (row == rows - 1 and count != len(late) - taken) or printed + width - count > len(tail):
                    continue  # the last row leaving late cells untaken (or taking none), or own cells run out
                own, placed = tail[printed:printed + width - count], late[taken:taken + count]
                lasts = _last_adding_up(own, placed)
                if lasts is None:
                    for columns in permutations(range(width), count):
                        cells = _placed(columns, own, placed, width)
                        failing = fails + (not tokens_add_up(cells))
                        if failing <= typos:
                            rests = walk(row + 1, printed + width - count, taken + count, failing)
                            if read:
                                found.extend([cells] + rest for rest in rests)
                            elif rests:
                                found = [[]]
                    continue
                # Whether a placement's row adds up depends only on the cell it puts last: the
                # placements putting the same cell last meet the same place below, read once and
                # taken off again at each further meeting; only those reading rows below are built.
                rests_of: dict[int, list[list[list[Token]]]] = {}
                for last, adds_up in [(-1, lasts[0]), *enumerate(lasts[1])]:
                    meetings = perm(width - 1, count - (last >= 0))  # (the last own cell, or placed cell j)
                    failing = fails + (not adds_up)
                    if not meetings or failing > typos:
                        continue
                    next_place = (row + 1, printed + width - count, taken + count, failing)
                    rests = walk(*next_place)
                    budget[0] -= (meetings - 1) * below[next_place][1]
                    if budget[0] < 0:
                        raise _TooOpen
                    if rests:
                        rests_of[last] = rests
                if not read:
                    found = [[]] if rests_of or found else []
                    continue
                # A placement reading as one before reads the same numbers, so meets the same
                # place below: every reading it makes reads as one made before, and only the first
                # of those is kept (in the order found), here and in every reading that goes on
                # with these rows.
                own_read, placed_read = _reading([own]), _reading([placed])
                rows_read = set()
                for columns, last in _placements_putting_last(width, count, tuple(rests_of)):
                    row_read = tuple(_placed(columns, own_read, placed_read, width))
                    if row_read in rows_read:
                        continue
                    rows_read.add(row_read)
                    row_cells = _placed(columns, own, placed, width)  # (one row for every reading below, as they share theirs)
                    found.extend([row_cells] + rest for rest in rests_of[last])
        below[place] = (found, before - budget[0])
        return found

    if not read:
        return walk(0, 0, 0, 0)
    out: dict[tuple, list[list[Token]]] = {}
    reads_of: dict[int, tuple] = {}  # id of a row -> what it reads (the blocks share their rows)
    for block in walk(0, 0, 0, 0):
        reading: tuple = ()
        for row in block:
            if id(row) not in reads_of:
                reads_of[id(row)] = _reading([row])
            reading += reads_of[id(row)]
        out.setdefault(reading, block)
    return list(out.values())


def _late_cuts(values: list[Token], width: int, typos: int, budget: list[int], placing: list[int],
               tails_of: dict, shared: Optional[dict] = None, labelled: Optional[Beside] = None,
               most_late: int = _MAX_LATE, known_ids: Optional[tuple[tuple, tuple]] = None
               ) -> Optional[list[list[list[Token]]]]:
    """The readings of `values` as rows whose last rows printed a few cells (`most_late` at
    most) after all the others (see _cuts; None when too open). The late cells' placements are
    counted off `placing` (budget as for _cuts' blocks), the tails read kept in `tails_of`.
    `known_ids`: the values' ids and _row_keys, when the caller has them."""
    try:
        return _late_readings(values, width, typos, budget, placing, tails_of, shared, labelled, most_late, known_ids)
    except _TooOpen:
        return None


class _Tails:
    """The readings _late_tails finds of a tail and its late cells, known to be some: built when
    first asked for (most tails go with heads that no cut reads, and are never read)."""

    def __init__(self, tail: list[Token], late: list[Token], rows: int, width: int, typos: int, cost: int):
        self.search = (tail, late, rows, width, typos)
        self.cost = cost  # (what the search takes off a budget, taken off when it was found)
        self.found: Optional[list[list[list[Token]]]] = None

    def readings(self) -> list[list[list[Token]]]:
        if self.found is None:
            self.found = _late_tails(*self.search, [self.cost])  # (the same search: it ends at 0)
        return self.found


def _tails_read(key: tuple, tail: list[Token], late: list[Token], rows: int, width: int, typos: int,
                placing: list[int], shared: Optional[dict]) -> Optional[_Tails]:
    """Whether `tail` and `late` (the same tokens: `key`) read some way (_late_tails), their
    readings then (None: none), found once for all the calls sharing `shared`, each call taking
    off `placing` what searching them costs (it is the same)."""
    done = shared.setdefault(("late tails",), {}) if shared is not None else {}
    if key in done:
        tails, cost = done[key]
        placing[0] -= cost
        if placing[0] < 0:  # (searching them again would have passed the budget)
            raise _TooOpen
        return tails
    before = placing[0]
    some = _late_tails(tail, late, rows, width, typos, placing, read=False)
    tails = _Tails(tail, late, rows, width, typos, before - placing[0]) if some else None
    done[key] = (tails, before - placing[0])
    return tails


def _late_readings(values: list[Token], width: int, typos: int, budget: list[int], placing: list[int],
                   tails_of: dict, shared: Optional[dict] = None, labelled: Optional[Beside] = None,
                   most_late: int = _MAX_LATE, known_ids: Optional[tuple[tuple, tuple]] = None
                   ) -> Optional[list[list[list[Token]]]]:
    total_rows = len(values) // width
    out: dict[tuple, list[list[Token]]] = {}
    row_keys: Optional[tuple]  # (None: the values are not whole rows, or no calls share)
    if known_ids is not None:
        ids, row_keys = known_ids
    else:
        ids = tuple(map(id, values))
        row_keys = _row_keys(ids, width, shared) if shared is not None else None
    if len(values) % width:
        row_keys = None  # (the heads' _row_keys are the values' first ones where the values are whole rows)
    # what the tail and late cells read, by their tokens' identity (for every call sharing `shared`)
    read_of = shared.setdefault(("tails read",), {}) if shared is not None else tails_of
    for count in range(1, most_late + 1):
        late = values[len(values) - count:]
        for rows in range(1, min(_LATE_ROWS, total_rows) + 1):
            tokens = ("tokens", ids[len(values) - rows * width:], count)  # (tail + late, by their identity)
            tail = values[len(values) - rows * width:len(values) - count]
            if tokens not in read_of:
                read_of[tokens] = None if any(t.kind not in (NUM, NA) for t in tail + late) \
                    else (_reading([tail]), _reading([late]))
            if read_of[tokens] is None:
                continue
            head = None  # (the values before the tail: copied once some tail reads)
            for tail_typos in range(typos + 1):
                key = read_of[tokens] + (rows, tail_typos)
                if key not in tails_of:
                    tails_of[key] = _tails_read(tokens + (rows, tail_typos), tail, late, rows, width, tail_typos,
                                                placing, shared)
                some = tails_of[key]
                if some is None:
                    continue
                if head is None:
                    head = values[:len(values) - rows * width]
                heads = _cuts(head, width, typos - tail_typos, budget, shared, labelled,
                              row_keys[:total_rows - rows] if row_keys is not None else None)
                if heads is None:
                    return None
                if not heads:
                    continue
                tails = some.readings()
                if key + ("reads",) not in tails_of:  # (a cut's reading: its head's, then its tail's)
                    tails_of[key + ("reads",)] = [_reading(tail_rows) for tail_rows in tails]
                tail_reads = tails_of[key + ("reads",)]
                for head_rows in heads:
                    # (a head's cuts are the same lists, `shared`'s, each time its values are cut)
                    head_key = ("head", id(head_rows))
                    if head_key not in tails_of:
                        tails_of[head_key] = (head_rows, _reading(head_rows))  # (kept with its rows)
                    head_read = tails_of[head_key][1]
                    for tail_rows, tail_read in zip(tails, tail_reads):
                        out.setdefault(head_read + tail_read, head_rows + tail_rows)
                        if len(out) > _MAX_READINGS:
                            return None
    return list(out.values())


def _out_of_place_cut(run: list[str], values: list[Token], width: int, score, budget: list[int],
                      short: list[list[Token]], late: bool, labelled: Optional[Beside] = None, one_misprint=None,
                      shared: Optional[dict] = None) -> Optional[tuple[list[list[Optional[Token]]], list[list[Token]], bool]]:
    """As _best_cut, for a run whose rows printed some cells out of place: `short` are the rows
    above it (run's first keys) printed one value short each, whose values lie in `values`, in
    their order; and, when `late`, the run (the table's last rows) may have printed a few cells
    of its last rows after all its other values. The printed placements come first; cells
    printed late are weighed only where no placement of the values in order cuts the run, or
    (a row not adding up) none of the best is one misprint (`one_misprint`: _weigh_choices)."""
    choices: list[tuple[list[list[list[Token]]], list[Token]]] = []  # (short rows' readings, the rest)
    seen: set[tuple] = set()
    completed: dict[tuple[int, int], list[list[Token]]] = {}  # (short row, value) -> _completions
    completers = [_completer(row) for row in short]

    def completions(row: int, i: int) -> list[list[Token]]:
        if (row, i) not in completed:
            completed[row, i] = completers[row](values[i])
        return completed[row, i]

    placed: dict[tuple[int, int], list[tuple[list[Token], tuple[int, int]]]] = {}

    def placings(row: int, i: int) -> list[tuple[list[Token], tuple[int, int]]]:
        """Each completion of short row `row` by value i, with (i, the column it puts i in): found
        once, not again for each choice and order that places the value there."""
        if (row, i) not in placed:
            value = values[i]
            # (the column: where the value is, by identity, found by C's loop, not Python's)
            placed[row, i] = [(c, (i, list(map(is_, c, repeat(value))).index(True))) for c in completions(row, i)]
        return placed[row, i]

    def takes(rows: tuple[int, ...], i: int) -> bool:
        """Whether value i completes one of the short `rows`."""
        return values[i].kind in (NUM, NA) and any(completions(row, i) for row in rows)

    # the values (their indices, in order) that complete one of some short rows, but those alike
    # the value before them (taking out the second of two values alike leaves what taking the
    # first does; a choice's values may start at one): choose takes no other, and finding them
    # once spares a scan of every value at each value it takes
    fitting: dict[tuple[int, ...], list[int]] = {}

    def fitting_values(rows: tuple[int, ...]) -> list[int]:
        if rows not in fitting:
            fitting[rows] = [i for i in range(len(values)) if not (i and read[i - 1] == read[i]) and takes(rows, i)]
        return fitting[rows]

    def choose(start: int, taken: list[int]) -> None:
        if len(taken) == len(short):
            around = list(zip([-1] + taken, taken + [len(values)]))  # (taken, in increasing order)
            key = tuple(read[i] for i in taken) + sum((read[a + 1:b] for a, b in around), ())
            if key in seen:
                return
            seen.add(key)
            rest = []
            for a, b in around:
                rest += values[a + 1:b]
            ways = []
            for order in (permutations(taken) if any_order else (tuple(taken),)):
                if any_order and order == tuple(taken):
                    continue  # (weighed in the rows' order already)
                # each row's completion by its value, every combination (the last row's varying
                # first); out of their rows' order, the values print left to right: by column
                for way in product(*[placings(row, i) for row, i in enumerate(order)]):
                    if not any_order or _by_column(tuple(map(itemgetter(1), way))):
                        ways.append(list(map(itemgetter(0), way)))
            if ways:
                choices.append((ways, rest))
            return
        if any_order and taken:  # (the next value only: printed together, left to right)
            if start < len(values) and len(choices) <= _MAX_OUT_OF_PLACE and takes(tuple(range(len(short))), start):
                choose(start + 1, taken + [start])
            return
        rows = tuple(range(len(short))) if any_order else (len(taken),)
        fits = fitting_values(rows)
        after = fits[bisect_left(fits, start):]
        if 0 < start < len(values) and read[start - 1] == read[start] and takes(rows, start):
            after = [start] + after  # (a value alike the one before it is taken first only)
        for i in after:
            if len(choices) > _MAX_OUT_OF_PLACE:
                return
            choose(i + 1, taken + [i])

    read = _reading([values])

    # the short rows' values in their rows' order first; then printed together, left to right:
    # pdftotext prints the cells it set apart (beside a wide value that joined its neighbour on one
    # line, "1342 317") one after another by column, not in their rows' order ("196 0 82")
    for any_order in (False, True) if len(short) > 1 else (False,):
        choices.clear()
        seen.clear()
        choose(0, [])
        if any_order and not choices:
            return None
        if len(choices) > _MAX_OUT_OF_PLACE:
            return None  # (too many: too open to say)
        found = _weigh_choices(run, values, choices, width, score, budget, late, labelled, one_misprint=one_misprint,
                               shared=shared) if choices else None
        if found:
            return found
    if found is None and len(short) == 1 and budget[0] > 0:
        found = _misprinted_short_cut(run, values, width, score, budget, short[0], late, labelled, shared)
    return found


def _by_column(placed: tuple[tuple[int, int], ...]) -> bool:
    """Whether values (their index in the run, the column each is put in) printed left to right."""
    columns = [column for _, column in sorted(placed)]
    return all(a <= b for a, b in zip(columns, columns[1:]))


def _misprinted_short_cut(run: list[str], values: list[Token], width: int, score, budget: list[int],
                          short: list[Token], late: bool, labelled: Optional[Beside], shared: Optional[dict] = None
                          ) -> Optional[tuple[list[list[Optional[Token]]], list[list[Token]], bool]]:
    """_out_of_place_cut's reading where the row printed one value short is the report's misprint
    (it adds up with no value of the run): that row takes any one number of the run but 0 in any
    column, and every other row of the run adds up. (A 0 taken from among the run's many would
    cut it in too many ways to tell apart, and a row's value printed apart is its 总计, a 0 only
    where the whole row is.) The row's own sum cannot say which value or column:
    the table's column sums weigh them (a value put in the wrong column breaks two column sums
    that share no cell, which recut_runs' check of the cut does not take), and cells on which the
    best readings differ are left unread. The other rows are read in order (cells printed late
    weighed for each value taken in each column would cost more than all the rest of the parse).
    Where none reads so and the run ends the table (`late`), the value is the row's 总计, the
    cell a row prints apart, taken from before the run's last rows, which may print up to
    _MAX_LATE_MISPRINTED cells late: a value's one column leaves few enough readings to weigh."""
    choices: list[tuple[list[list[list[Token]]], list[Token]]] = []
    totals: list[tuple[list[list[Token]], list[Token]]] = []  # the value as the row's 总计 (one way, the values left)
    # (whole counts: a row with the value put among the parts adds up where the short row's parts
    # but its last and the value add up to its last, and with the value last where the short row
    # adds up to it, whatever its place: told once a value, not summed for each of its places)
    numbers = [token_number(t) for t in short]
    whole = bool(short) and all(type(x) is int for x in numbers)
    if whole:
        short_read = _reading([short])
        whole_numbers = cast(list[int], numbers)
        parts_but_last, short_sum = sum(whole_numbers[:-1]), sum(whole_numbers)
    for i, value in enumerate(values):
        if value.kind != NUM or not value.value or (i and values[i - 1].text == value.text):
            continue  # (taking out the second of two values alike leaves what taking the first does)
        rows = {}
        if whole and type(value.value) is int:
            among = parts_but_last + value.value == numbers[-1]  # (adding up with it among the parts)
            last = short_sum == value.value  # (adding up with it last)
            for p in range(width):
                if last if p >= len(short) else among:
                    continue
                read = short_read[:p] + (value.value,) + short_read[p:]  # (_reading of the row)
                if read not in rows:
                    rows[read] = short[:p] + [value] + short[p:]
        else:
            for p in range(width):
                row = short[:p] + [value] + short[p:]
                if not tokens_add_up(row):
                    rows.setdefault(_reading([row]), row)
            last = tokens_add_up(short + [value])
        if rows:
            choices.append(([[row] for row in rows.values()], values[:i] + values[i + 1:]))
            if not last and i < len(values) - _LATE_ROWS * width:
                # (a value from among the last rows' cells would leave their tail to be read
                # again for each, past any budget: not weighed)
                totals.append(([short + [value]], choices[-1][1]))
        if len(choices) > _MAX_MISPRINT_CHOICES:
            return None  # (too many: too open to say)
    found = _weigh_choices(run, values, choices, width, score, budget, False, labelled, (0,), shared=shared) \
        if choices else None
    if found is None and late and totals and budget[0] > 0:
        found = _weigh_choices(run, values, [([way], rest) for way, rest in totals], width, score, budget, True,
                               labelled, (0,), shared=shared, most_late=_MAX_LATE_MISPRINTED)
    return found


def _weigh_choices(run: list[str], values: list[Token], choices: list[tuple[list[list[list[Token]]], list[Token]]],
                   width: int, score, budget: list[int], late: bool, labelled: Optional[Beside],
                   rest_typos: tuple[int, ...] = (0, 1), one_misprint=None, shared: Optional[dict] = None,
                   most_late: int = _MAX_LATE) -> Optional[tuple[list[list[Optional[Token]]], list[list[Token]], bool]]:
    """_out_of_place_cut's verdict on its `choices`: (the short rows' readings, the values left),
    the rows left cut from those values with `rest_typos` rows not adding up (the fewest first),
    every reading scored by the column sums. The readings with cells printed late come after
    those in order; but where no best reading in order keeps the table's sums or breaks them as
    one misprint would (`one_misprint`, recut_runs'), the late ones are weighed with them: a
    last row may add up read in order with its late cell in the wrong column (the column sums
    then break), and a misprinted one adds up in no reading, so its sum cannot say that the
    values in order read it; the column sums place late cells (each part column must hold),
    `most_late` at most."""
    position = {id(t): i for i, t in enumerate(values)}
    last_values = frozenset(id(t) for t in values[-most_late:])  # (a late reading's cells printed apart)
    placing = [_MAX_VISITS]  # the late cells' placements weighed, for this run (beside budget's cuts)
    tails_of: dict = {}
    if shared is None:
        shared = {}  # blocks of the same tokens, met again in other choices' rests
    numbers: dict[int, tuple] = {}  # id of a row -> its numbers (the cuts share their rows)
    failing: dict[int, tuple[list[Token], bool]] = {}  # id of a row -> (it, whether it does not add up)

    def row_numbers(row: list[Token]) -> tuple:
        if id(row) not in numbers:
            numbers[id(row)] = tuple(map(token_number, row))
        return numbers[id(row)]

    def failing_row(rows: list[list[Token]]) -> Optional[list[Token]]:
        """The first of the rows not adding up, or None (a cut's: its way's, else its reading's)."""
        n = _failing_row(rows, failing)
        return None if n is None else rows[n]

    run_key = tuple(run)
    rest_ids: dict[int, tuple[tuple, tuple]] = {}  # a choice's rest (by id) -> its ids and _row_keys

    def ids_of(rest: list[Token]) -> tuple[tuple, tuple]:
        if id(rest) not in rest_ids:  # (`choices` holds the rests while these are kept)
            ids = tuple(map(id, rest))
            rest_ids[id(rest)] = ids, _row_keys(ids, width, shared)
        return rest_ids[id(rest)]

    for typos in rest_typos:
        cuts: list[list[list[Token]]] = []
        scores: list[int] = []
        top: float
        for cut, apart in (((lambda rest: _cuts(rest, width, typos, budget, shared, labelled, ids_of(rest)[1])),
                            frozenset()),
                           ((lambda rest: _late_cuts(rest, width, typos, budget, placing, tails_of, shared, labelled,
                                                     most_late, ids_of(rest)))
                            if late else None, last_values)):
            if cut is None:
                continue
            if cuts:
                top = max(scores)
                if one_misprint is None or any(one_misprint(dict(zip(run, rows)), list(map(row_numbers, rows)), True)
                                               for rows, s in zip(cuts, scores) if s == top):
                    break
            found = []
            found_numbers = []  # each cut's rows' numbers: its way's, then its reading's
            stretches: dict[int, bool] = {}  # (_printed_together's, for this `apart`)
            for ways, rest in choices:
                readings = cut(rest)
                if readings is None:
                    return None  # too open
                if not readings:
                    continue  # (no cut goes on from its ways: their rows need not be read)
                readings_numbers = [list(map(row_numbers, rows)) for rows in readings]
                # whether each reading's row not adding up printed together, for the ways adding up
                # (a way's row not adding up is the cut's, whatever the reading)
                together = [_printed_together(failing_row(rows), position, apart, stretches) for rows in readings] \
                    if typos else [True] * len(readings)
                for way in ways:
                    way_failing = failing_row(way) if typos else None
                    if way_failing is not None and not _printed_together(way_failing, position, apart, stretches):
                        continue
                    way_numbers = list(map(row_numbers, way))
                    for rows, rows_numbers, kept in zip(readings, readings_numbers, together):
                        if kept or way_failing is not None:
                            found.append(way + rows)
                            found_numbers.append(way_numbers + rows_numbers)
                if len(cuts) + len(found) > _MAX_READINGS:
                    return None
            cuts += found
            top = max(scores, default=-inf)  # (a cut scoring below the best so far is never weighed)
            for rows, cut_numbers in zip(found, found_numbers):
                scores.append(score(rows, cut_numbers, top, run_key))
                top = max(top, scores[-1])
        if cuts:
            top = max(scores)
            best = [rows for rows, s in zip(cuts, scores) if s == top]
            return ([[cells[0] if len({c.value for c in cells}) == 1 else None for cells in zip(*rows)]
                     for rows in zip(*best)], best[0],
                    typos == 1 and _misprints_differ(best))
    return None


# A row printed one value short may print that value after a later row's, with other rows' strays
# (「（二）部分公开」's 总计 and the 0 of 「6.属于四类过程性信息」 after 「4.无正当理由大量反复申请」's
# seven values): that later row prints a few values more than a row's.
_MAX_SURPLUS = 4  # values printed after a row's own, in all, no more: placed in every order


def _surplus_cut(rows: list[str], values_of: dict[str, list[Token]], width: int, score, budget: list[int],
                 labelled: Optional[Beside], one_misprint=None, shared: Optional[dict] = None
                 ) -> Optional[tuple[list[str], tuple[list[list[Optional[Token]]], list[list[Token]], bool]]]:
    """The table's last `rows` read where some printed one value short each and others printed
    fewer than two rows' values but more than one's (their surplus: the values after their first
    `width`): each short row takes one surplus value that makes it add up (in any order: the
    surplus prints where the page's text blocks put it), and the other rows are cut from what is
    left as _out_of_place_cut cuts them (with cells printed late at the end). The rows in the
    order read (the short ones first) and _out_of_place_cut's verdict; None where the rows do not
    print so, or the search is too open."""
    short = [k for k in rows if len(values_of.get(k, ())) == width - 1]
    surplus = [t for k in rows if width < len(values_of.get(k, ())) < 2 * width for t in values_of[k][width:]]
    if not short or not len(short) <= len(surplus) <= _MAX_SURPLUS:
        return None
    values = [t for k in rows for t in values_of.get(k, ())]
    own = {id(t) for k in short for t in values_of[k]}
    choices, seen = [], set()
    for picked in permutations(range(len(surplus)), len(short)):
        taken = own | {id(surplus[i]) for i in picked}
        rest = [t for t in values if id(t) not in taken]
        key = (_reading([[surplus[i] for i in picked]]), _reading([rest]))  # (surplus values alike)
        if key in seen:
            continue
        seen.add(key)
        ways: list[list[list[Token]]] = [[]]
        for k, i in zip(short, picked):
            ways = [way + [row] for way in ways for row in _completions(values_of[k], surplus[i])]
        if ways:
            choices.append((ways, rest))
    order = short + [k for k in rows if k not in short]
    if not choices or any(len(rest) != width * (len(order) - len(short)) for _, rest in choices):
        return None
    found = _weigh_choices(order, values, choices, width, score, budget, True, labelled, one_misprint=one_misprint,
                           shared=shared)
    return (order, found) if found else None


def _printed_together(row: Optional[list[Token]], position: dict[int, int], apart: frozenset = frozenset(),
                      stretches: Optional[dict] = None) -> bool:
    """Whether a cut's row not adding up (a misprint), `row` (None: every row adds up, which
    passes), was printed as one stretch of the run's values:
    a row put together from values printed apart, around the ones taken out of place, may be
    put together wrong as well as misprinted, and a cut that calls it a misprint would hide
    what went wrong (the sums then name cells that were printed right). Its cells among `apart`
    (a late reading's cells printed after all the others, which the column sums place one by
    one) are left out of the stretch. `stretches` keeps the verdict on each row (by id: the cuts
    share their rows, which outlive it) for the cuts sharing it, all with the same `apart`."""
    if row is None:
        return True
    if stretches is not None and id(row) in stretches:
        return stretches[id(row)]
    places = sorted(position.get(id(t), -1) for t in row if id(t) not in apart)
    together = not places or (places[0] >= 0 and places[-1] - places[0] == len(places) - 1)
    if stretches is not None:
        stretches[id(row)] = together
    return together
