"""表三 rows printing 8 values (TEMPLATE.md): 自然人, a 法人或其他组织 subtotal, its five parts
(商业企业 … 其他), 总计. The subtotal is the sum of the five parts and 总计 自然人 plus the subtotal;
the template's row has 7 cells, the subtotal left out. Among rows printing 7, such a row prints a
cell more, or a converter cut it back to 7 (its 总计 or a blank part gone), and read as 7 its
values sit one column off: a false 错误 where the report is right, or a wrong cell nobody flags.

Here is what the template says of such a row, for every layout: whether printed values read so
(adds_up_as_eight), the cells stored (without_subtotal), the 总计 implied (implied_total), which
cells are 0 only when read so (zero_only_with_subtotal); the rows weighed by the table's sums; and
the messages flagging them (one family). Each layout keeps its own evidence, where the cells came
from, and hands its rows here:

- tokens: counts glued with their units, a subtotal printed without one glued to the 商业企业
  count after it (glued_cut);
- stream.glued_t3: docx2txt's glued runs that add up only as 8 (glued_readings, printed_subtotal,
  GLUED_SUBTOTAL, GLUED_SUBTOTAL_BLANK_TOTAL);
- parser: pandoc's rows cut to 7, their 总计 cut off (may_be_clipped, read_clipped) or a blank
  part left no trace (may_have_lost_a_blank, read_blank_lost); in a table leaving its 总计 column
  blank, a row printing one (flag_lone_total, zero_row_filling_blank_total) and rows read without
  their subtotal (without_subtotal); rows of 0s that add up either way in a w3m box printing a
  cell past 总计 (zero_only_with_subtotal, ZEROS_PAST_LAST, ZERO_ROW_PRINTS_PAST_TOTAL, …); rows of 0s
  in a grid a converter drew a column wider than the header for a row of 8 (zero_rows_past_padding);
- parser: a row of 8 whose 自然人 is blank, read by its 8 cells (cells_add_up_as_eight, CELLS_OF_EIGHT):
  in w3m's box its last cell in the column drawn after 总计, in a space-aligned table its last value
  right of 总计 (html2text's pipes, the empty first cell printed, are _trim_padding's: prints_as_eight);
- tab_breaks: a catdoc row whose tabs count out a cell more (adds_up_as_eight, without_subtotal;
  the parser flags it with TAB_ROW_OF_EIGHT); wider_parts: rows of 0s in a later w3m box drawn a
  column wider than the header's;
- t3_anchored leaves as read a row flagged SUBTOTAL_UNTOLD (core/model.py).

A row the parser read from a file's own grid (a web page's table, a Word table, a PDF's ruled cells:
parser._on_own_grid) shows every cell it prints, a row of 8 its 8: such a row of 7 is never weighed
as one cut (may_be_clipped, may_have_lost_a_blank, flag_lone_total, zero_row_filling_blank_total).
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import repeat
from operator import attrgetter
from typing import Callable, Iterator, Optional, Sequence, TypeVar

from core.model import (BLANK, CHECK_WITH_SOURCE, INFERRED, MISSING, NUMBER, SUBTOTAL_LEFT_OUT, SUBTOTAL_UNTOLD, TOTAL_CUT_OFF,
                        CellValue, Flag, Number, Report, known)
from core.parse.columns import equation_score, token_number
from core.parse.glued import MAX_CELL_DIGITS
from core.parse.lost import only_zeros, zeros_in_doubt
from core.parse.row_sums import parts_add_up, tokens_add_up
from core.parse.stored_cells import prints_counts, store_row, table_equations, table_values
from core.parse.tokens import EMPTY, NA, NUM, Token
from core.template import Row, Table

_Cells = TypeVar("_Cells", list, tuple)


def adds_up_as_eight(natural: Number, subtotal: Number, parts: Number, total: Number) -> bool:
    """Whether 自然人, a subtotal, the sum of the five parts after it and 总计 add up as a row of 8:
    the subtotal the sum of the parts, 总计 自然人 plus the subtotal."""
    return subtotal == parts and total == implied_total(natural, subtotal)


def implied_total(natural: Number, subtotal: Number) -> Number:
    """The 总计 of a row of 8: 自然人 plus the 法人或其他组织 subtotal."""
    return natural + subtotal


def without_subtotal(cells: _Cells) -> _Cells:
    """A row of 8's cells as the template stores them: the subtotal after 自然人 left out."""
    return cells[:1] + cells[2:]


def zero_only_with_subtotal(as_read: Sequence[bool], printed: list[bool]) -> list[int]:
    """The columns a row's printed cells (`printed`: which are 0) put a 0 in only when read as a
    row of 8 (without_subtotal), not as read (`as_read`: which columns are 0 so)."""
    return [n for n, (read, eight) in enumerate(zip(as_read, without_subtotal(printed))) if eight and not read]


def glued_cut(digits: str, natural: Number, parts: Number, total: Number) -> Optional[int]:
    """Where the digits of a subtotal printed without a unit end in `digits`, the 商业企业 count
    glued after it ("389" + "385件"), the row adding up as 8 (`parts`: the sum of the four parts
    after 商业企业); None where no cut does."""
    for cut in range(1, len(digits)):
        if digits[cut] == "0":
            continue  # (a count other than 0 has no leading 0, and a 0 prints no unit)
        subtotal, rest = int(digits[:cut]), int(digits[cut:])
        if adds_up_as_eight(natural, subtotal, rest + parts, total):
            return cut
    return None


def _front_cells(cells: list[str], at: list[int], modulus: int = 1, residue: int = 0
                 ) -> Iterator[tuple[tuple[Optional[int], int], list[str], list[int]]]:
    """Each way to take one column off the front of a row's printed cells (`at`: each cell's index
    among the printed ones): a placeholder whole, or a digit run's first digits (no leading 0);
    with the cells left. Only the columns whose value (a placeholder's 0) is `residue` modulo
    `modulus`: the others passed over before their cells left are made."""
    first = cells[0]
    if not first.isdigit():
        if not residue:
            yield (None, at[0]), cells[1:], at[1:]
        return
    for end in range(1, min(len(first), MAX_CELL_DIGITS) + 1):
        if end > 1 and first[0] == "0":
            return
        value = int(first[:end])
        if value % modulus != residue:
            continue
        if end == len(first):
            yield (value, at[0]), cells[1:], at[1:]
        else:
            yield (value, at[0]), [first[end:], *cells[1:]], at


def glued_readings(printed: list[str], parts: int, total: bool, cut: Callable[..., list[tuple]], most: int
                   ) -> list[tuple[tuple[Optional[int], int], ...]]:
    """The readings (as `cut` gives them) of a 表三 row's printed cells, digits glued across cells,
    as 自然人, a 法人或其他组织 subtotal, the `parts` columns after it, and (`total`) its 总计, where the
    subtotal is the sum of those parts and the 总计 自然人 plus the subtotal. Taken from both ends
    first, the 总计 fixed by the two before the parts: only the parts are cut, by the layout's `cut`
    (cells, columns, accept: the readings whose values `accept` takes; stream's walk of glued
    digits), `most` readings at most (a walk of every column would give up on a long run of
    digits, after thousands of steps)."""
    out: list[tuple] = []
    # Casting out nines: every printed digit lands in one value (`cut` cuts the parts' cells whole,
    # a placeholder reads 0), so the values' sum is the digits' sum modulo 9; read as 8 it is
    # 自然人 + 2 × subtotal + 总计 = 2 × 自然人 + 3 × subtotal (without a 总计: 自然人 + 2 × subtotal).
    # A 自然人 and subtotal that miss it read no way: with a 总计, 2 × 自然人 must miss the digits'
    # sum by a multiple of 3, so most first cuts are passed over without trying their subtotals
    # (a run that adds up no way, docx2txt's glued row, tries every pair otherwise).
    digits = sum(sum(map(int, cell)) for cell in printed if cell.isdigit()) % 9
    for natural, cells, at in _front_cells(printed, list(range(len(printed)))):
        first = natural[0] or 0
        if total:  # (3 × subtotal ≡ digits − 2 × 自然人 (mod 9): the subtotal's residue modulo 3, if any)
            if (digits - 2 * first) % 3:
                continue
            modulus, residue = 3, (digits - 2 * first) % 9 // 3
        else:  # (2 × subtotal ≡ digits − 自然人 (mod 9): 5 × 2 ≡ 1)
            modulus, residue = 9, 5 * (digits - first) % 9
        for subtotal, middle, middle_at in _front_cells(cells, at, modulus, residue) if cells else ():
            if not middle:
                continue
            ends: list[tuple] = []
            if total:
                wanted = implied_total(natural[0] or 0, subtotal[0] or 0)
                last = middle[-1]
                if not last.isdigit():  # (a placeholder: a 总计 of 0)
                    if not wanted:
                        ends.append(((None, middle_at[-1]), middle[:-1], middle_at[:-1]))
                elif last == str(wanted):
                    ends.append(((wanted, middle_at[-1]), middle[:-1], middle_at[:-1]))
                elif last.endswith(str(wanted)) and (wanted or len(last) > 1):
                    ends.append(((wanted, middle_at[-1]), [*middle[:-1], last[:-len(str(wanted))]], middle_at))
            else:
                ends.append((None, middle, middle_at))
            for end, rest, rest_at in ends:
                if not rest:
                    continue
                summed = subtotal[0] or 0
                placeholders = sum(not cell.isdigit() for cell in rest)
                if placeholders > parts or \
                        sum(len(cell) for cell in rest if cell.isdigit()) > (parts - placeholders) * len(str(summed)):
                    continue  # (no part exceeds the subtotal: too many digits for the columns left)
                for reading in cut(rest, parts, lambda values: sum(v or 0 for v in values) == summed):
                    columns = [(value, rest_at[index]) for value, index in reading]
                    out.append((natural, subtotal, *columns, *((end,) if end else ())))
                    if len(out) > most:
                        return out
    return out


def printed_subtotal(reading: tuple, cells: list[tuple[str, int, int]]) -> str:
    """How a reading's second value, a subtotal, prints (a placeholder: counted as 0)."""
    value, index = reading[1]
    return f"{cells[index][0]}，按0计" if value is None else str(value)


def may_be_clipped(values: list[Token], values_of: Optional[dict[str, list[Token]]] = None,
                   widths: Optional[dict[str, int]] = None) -> bool:
    """Whether a 表三 row of 7 values that does not add up may be a row printing 8 (a 法人或其他组织
    subtotal after 自然人, TEMPLATE.md) whose last cell, the 总计, the converter cut off: pandoc
    cuts every row of a Word table to the table's columns. Its second value is then the sum of
    the five after it. A misprint can read so too ("10 5 0 0 0 0 5", its 总计 misprinted 5 for 15):
    read_clipped weighs the two by the table's sums. A subtotal of 0 ("3 0 0 0 0 0 0")
    moves no value: a 总计 cut off and one misprinted 0 read alike and mend the sums alike, so its
    values after 自然人 must print their 0 alike (the last is then 其他, a part like the others: "1 - -
    - - - 0" prints its 总计 last), unless the table prints its zeros every which way
    (_zeros_mixed of the table's rows `values_of`, where given): a last cell printing unlike the
    others then says nothing, as long as it prints something (a blank last cell is a 总计 left
    blank, as tables do). Asked only of rows stored as printed: a row over several lines that a
    PDF's reading order printed out of order (lines_reordered) is no row a converter cut."""
    second, last = token_number(values[1]), token_number(values[-1])
    if second is None or last is None or second < last:
        return False  # (a row's 总计 is no less than its 商业企业: most rows stop here)
    if not second and (last or not token_number(values[0]) or (len({t.text for t in values[1:]}) > 1 and (
            values[-1].kind == EMPTY or values_of is None or widths is None or not _zeros_mixed(values_of, widths)))):
        return False  # (a row of 0s adds up)
    numbers = [token_number(t) for t in values]
    return known(numbers) and second == sum(numbers[2:]) and not parts_add_up(numbers)


def _zeros_mixed(values_of: dict[str, list[Token]], widths: dict[str, int]) -> bool:
    """Whether a table prints its zeros every which way: three rows or more each print a 0 and a
    placeholder or blank cell beside it (a table printing its zeros one way prints a placeholder
    at most where a column does not apply, and the same in every row)."""
    mixed = 0
    for key, values in values_of.items():
        if len(values) == widths[key] and any(t.kind in (NA, EMPTY) for t in values) \
                and any(t.kind == NUM and t.value == 0 for t in values):
            mixed += 1
            if mixed >= 3:
                return True
    return False


def read_clipped(report: Report, table: Table, rows: dict[str, list[Token]], pages: tuple[int, ...] = (),
                 rows_cut: bool = False) -> list[str]:
    """The rows of may_be_clipped read as printing a subtotal, their 总计 cut off, where
    more of the table's equations other than the row's own hold so (the 总计 then 自然人 plus the
    subtotal) than as read: the values from 商业企业 on are stored one column to the left, the 总计
    inferred as 自然人 plus the subtotal, the row flagged. A misprint read so breaks the two
    columns its values moved from and to where it mended the 总计 column: no better; nor where
    the table prints too few rows for a column's sum to say. A subtotal of 0 moves no value
    that could tell the two apart: such a row stays as printed, its 总计 flagged (the sums through
    it then fail in doubt, not as the report's mistake). Where every other row left its 总计
    blank, the table never filled that column: the cell cut off was blank too (a 总计 inferred
    there would be the column's only value, and every blank beside it would read as a 0 failing
    its row's sum). That is weighed on the other rows' 总计 cells as stored, of the rows printing
    a count other than 0, two at least as the rules weigh an unfilled column (a row of 0s or
    blanks, or one not read, says nothing of the column; a row here may be cut, its 总计 its
    其他; one blank 总计 beside counts may be a value dropped). There a subtotal of 0 is read as
    cut too: its parts are 0 either way, and a 0 under 总计 would be the column's only value,
    every blank 总计 beside it then failing its row's sum. Returns the rows so read. `pages` and
    `rows_cut` choose the words saying the 总计 is not there (cut_words)."""
    values = table_values(report, table.section)
    others = [row.key for row in table.rows if row.key not in rows and prints_counts(report, table, row.key)]
    blank_totals = _others_leave_total_blank(report, table, others)
    out = []
    for key, printed in rows.items():
        numbers = [n for n in map(token_number, printed) if n is not None]  # (all known: every one)
        paths = table.row_paths(key)
        if blank_totals and not numbers[1]:  # (no sum can weigh it: the same 0s, and blank reads as 0)
            store_row(report, table, key, [*without_subtotal(printed), None])
            report.cells[paths[-1]] = CellValue(None, BLANK)
            report.flags.append(Flag(f"{table.section}.{key}", "inferred", _CLIPPED_ZERO_SUBTOTAL_BLANK_TOTAL.format(
                table.row(key).label, _printed_alike(report.text, printed[-1]), **cut_words(report, pages, rows_cut))))
            values = table_values(report, table.section)
            out.append(key)
            continue
        moved = dict(values)
        # (its 总计 weighed as it would be stored: blank, 0 to the sums, under a column the
        # table leaves blank; inferred there, it would break that column's sums as much as
        # the plain reading breaks the part columns the subtotal reading mends)
        moved.update(zip(paths, [*without_subtotal(numbers), 0 if blank_totals else implied_total(numbers[0], numbers[1])]))
        # (the row's own sum holds read so by its making: only the others' say, the columns)
        eqs = tuple(eq for eq in table_equations(report.template, table.section) if not eq.cell_set.issubset(paths))
        as_cut, as_read = equation_score(eqs, moved), equation_score(eqs, values)
        # (a subtotal of 0 moves no value, the 总计 alone differs: a tie is the 总计 column failing
        # either way, which cannot tell a 总计 cut off from one misprinted 0: flagged below as such;
        # a last cell printing blank is rather a 总计 left blank, which the column's rules weigh)
        if as_cut < as_read or (as_cut == as_read and (numbers[1] or printed[-1].kind == EMPTY)):
            if numbers[1] and _mostly_in_doubt(report, table, others):
                # the sums that keep it as printed weigh it against rows read in doubt: they
                # cannot tell a misprinted 总计 from one cut off (flagged: its failing sum 存疑)
                report.flags.append(Flag(f"{table.section}.{key}", "parse", _CLIPPED_IN_DOUBT.format(
                    table.row(key).label, report.text[printed[1].start:printed[1].end], **cut_words(report, pages, rows_cut))))
            continue
        words = cut_words(report, pages, rows_cut)
        if not numbers[1]:
            # (a 总计 cut off and one misprinted 0 print alike: dev r0059 pandoc-docx-markdown's planted
            # 「1 0 0 0 0 0 0」, its 总计 misprinted 0 for 1, prints as quirks805 r0001's row of 8 cut;
            # kept as printed, the value offered is the true 总计 in either reading)
            report.flags.append(Flag(f"{table.section}.{key}.{table.row(key).columns[-1].key}", "parse",
                                     _CLIPPED_ZERO_SUBTOTAL.format(table.row(key).label, numbers[0],
                                                                   _printed_alike(report.text, printed[-1], printed[1:]),
                                                                   **words)))
            continue
        store_row(report, table, key, [*without_subtotal(printed), None])
        total = implied_total(numbers[0], numbers[1])
        subtotal = report.text[printed[1].start:printed[1].end]
        total_path = f"{table.section}.{key}.{table.row(key).columns[-1].key}"
        if blank_totals:
            report.cells[total_path] = CellValue(None, BLANK)
            message = _CLIPPED_BLANK_TOTAL.format(table.row(key).label, subtotal, **words)
        else:
            report.cells[total_path] = CellValue(total, INFERRED)
            message = _CLIPPED_SUBTOTAL.format(table.row(key).label, subtotal, total, **words)
        report.flags.append(Flag(f"{table.section}.{key}", "inferred", message, () if blank_totals else (TOTAL_CUT_OFF,)))
        values = table_values(report, table.section)
        out.append(key)
    return out


def read_grid_eights_blank_total(report: Report, table: Table, rows: dict[str, list[Token]]) -> list[str]:
    """Rows of the file's own grid (a web page's or a Word file's table) printing 8 cells, the last
    empty, read as their first 7 (that last cell taken for a stray one), in a table whose rows
    printing counts all leave 总计 blank: where the second cell, a count other than 0, is the sum
    of the five after it (blank cells 0), the row may print a 法人或其他组织 subtotal after 自然人
    (TEMPLATE.md), its 总计 the empty last cell; read as 7 the subtotal sits under 商业企业 and every
    part a column to the right. Read so where more of the table's equations other than the row's
    own (表三's columns: 一 + 二 = （七） + 四) hold than as read, the row flagged; left as read and
    flagged where they hold alike (a grid's blank cells print no 0 to tell the two apart). Returns
    the rows read as 8."""
    out: list[str] = []
    if not rows or not _total_column_left_blank(report, table):
        return out
    values = table_values(report, table.section)
    for key, cells in rows.items():
        numbers = _eight_cells_numbers(cells)
        if numbers is None or numbers[1] != sum(numbers[2:7]):
            continue
        paths = table.row_paths(key)
        eqs = tuple(eq for eq in table_equations(report.template, table.section) if not eq.cell_set.issubset(paths))
        moved = dict(values)
        moved.update(zip(paths, without_subtotal(numbers)))
        as_eight, as_read = equation_score(eqs, moved), equation_score(eqs, values)
        label, subtotal = table.row(key).label, report.text[cells[1].start:cells[1].end]
        if as_eight < as_read:
            continue
        if as_eight == as_read:
            report.flags.append(Flag(f"{table.section}.{key}", "parse", _GRID_EIGHT_UNDECIDED.format(label, subtotal)))
            continue
        store_row(report, table, key, without_subtotal(cells))
        report.flags.append(Flag(f"{table.section}.{key}", "inferred", GRID_ROW_OF_EIGHT_BLANK_TOTAL.format(label, subtotal),
                                 (SUBTOTAL_LEFT_OUT,)))
        values = table_values(report, table.section)
        out.append(key)
    return out


def _others_leave_total_blank(report: Report, table: Table, keys: list[str]) -> bool:
    """Whether the rows `keys` (those printing a count other than 0) print no 总计, two of them
    printing it blank at least: a 总计 not read (a short row's values placed in its first columns)
    or read as a blank that left no trace (0, inferred) says nothing against a column the table
    leaves blank, but no row printing one says nothing for it either."""
    printed_blank = 0
    for key in keys:
        total = report.cells[table.row_paths(key)[-1]]
        if total.state == BLANK:
            printed_blank += 1
        elif not (total.state == MISSING or (total.state == INFERRED and total.value == 0)):
            return False  # (a 总计 printed or inferred: the table fills the column)
    return printed_blank >= 2


def _mostly_in_doubt(report: Report, table: Table, keys: list[str]) -> bool:
    """Whether most of the rows flag their reading (a flag on the row or one of its cells)."""
    flagged = {f.cell.split(".")[1] for f in report.flags if f.cell.startswith(f"{table.section}.") and "." in f.cell}
    return 2 * sum(key in flagged for key in keys) > len(keys)


def _printed_alike(text: str, token: Token, cells: Sequence[Token] = ()) -> str:
    """How cells printing alike, `token` one of them, print, said of them all: 均空白, or 均印为「0」
    (「-」, 「－」, …: as the text prints it); `cells` printing unlike: 均为0、占位符或空白."""
    if len({t.text for t in cells}) > 1:
        return "均为0、占位符或空白"
    return "均空白" if token.kind == EMPTY else f"均印为「{text[token.start:token.end]}」"


def may_have_lost_a_blank(values: list[Token]) -> bool:
    """Whether a 表三 row of 7 values that does not add up may be a row printing 8 (a 法人或其他组织
    subtotal after 自然人, TEMPLATE.md) one of whose five part cells was blank and left no trace
    (mammoth, pandoc and w3m print a blank cell so): its second value is then the sum of the four
    parts printed after it, and 自然人 plus it the 总计, its last. No cell of the row prints
    empty (a row whose blanks leave a trace lost none); placeholders and blanks count 0."""
    if len(values) != 7 or values[1].kind != NUM or values[-1].kind != NUM:
        return False
    first = 0 if values[0].kind == NA else token_number(values[0])
    second, last = token_number(values[1]), token_number(values[-1])
    if first is None or second is None or first + second != last:
        return False  # (most rows stop here: 自然人 plus 商业企业 is no 总计)
    if not second:
        return False  # (a subtotal of 0: its parts are 0, the row adds up as printed; rows of 0s stop here)
    if any(t.kind == EMPTY for t in values):
        return False
    numbers = [0 if t.kind == NA else token_number(t) for t in values]
    if not known(numbers):
        return False
    return adds_up_as_eight(numbers[0], numbers[1], sum(numbers[2:-1]), numbers[-1]) \
        and not parts_add_up(numbers)


def prints_as_eight(values: list[Token]) -> bool:
    """Whether a 表三 row printing 8 values is a row of 8 (自然人, a 法人或其他组织 subtotal, its
    five parts, 总计; placeholders count 0) and not 7 values beside a stray one: its second value
    the sum of the five after it, 总计 自然人 plus it, while neither its last 7 nor its first 7 add
    up as a row of 7 (a subtotal of 0 has parts of 0: whichever 0 it is, the cells stored are the
    same)."""
    if len(values) != 8 or any(t.kind not in (NUM, NA) for t in values[1:7:6]) \
            or any(t.kind not in (NUM, NA, EMPTY) for t in values):
        return False
    numbers = [token_number(t) for t in values]
    if not known(numbers):
        return False
    return adds_up_as_eight(numbers[0], numbers[1], sum(numbers[2:7]), numbers[7]) \
        and not parts_add_up(numbers[1:]) and not parts_add_up(numbers[:7])


def short_row_of_eight(values: list[Token], width: int) -> bool:
    """Whether a 表三 row printing fewer values than its columns, none an empty cell (its blanks
    left no trace: lynx's or pdfplumber's text of a table whose zeros print blank), prints a
    法人或其他组织 subtotal after 自然人 (TEMPLATE.md): five values at least, the second a count other
    than 0 and the sum of those after it but the last, two of them counts other than 0, the last
    自然人 plus it (「35 13 11 2 48」). Such a row adds up no way as 7 with its 总计 last (自然人, the
    parts and the subtotal come to more than 自然人 plus the subtotal); read so, the subtotal sits
    under 商业企业 and moves the column sums of the whole table. A subtotal repeating one part
    proves nothing: 「0 1 - 1 0 1」, a misprinted 1 under 法律服务机构 (s77 r0032), reads so too."""
    if not 5 <= len(values) < width or any(t.kind not in (NUM, NA) for t in values):
        return False
    numbers = [token_number(t) if t.kind == NUM else 0 for t in values]
    return known(numbers) and bool(numbers[1]) and numbers[1] == sum(numbers[2:-1]) \
        and sum(1 for n in numbers[2:-1] if n) >= 2 and numbers[-1] == implied_total(numbers[0], numbers[1])


def cells_add_up_as_eight(cells: Sequence[Token]) -> bool:
    """Whether a 表三 row's 8 cells, as its grid draws them (blank cells too, each 0, as
    placeholders), are a row of 8: its second cell a count other than 0, the sum of the five
    after it, and 总计 自然人 plus it, while neither its last 7 nor its first 7 add up as a row of 7.
    A blank 自然人 is what a reading of the row's values alone loses: a blank left no trace, or
    was taken for a label column's empty half, and the subtotal read as 自然人 (a row whose 总计
    equals that subtotal, summing to twice its 总计)."""
    numbers = _eight_cells_numbers(cells)
    if numbers is None:
        return False
    return adds_up_as_eight(numbers[0], numbers[1], sum(numbers[2:7]), numbers[7]) \
        and not parts_add_up(numbers[1:]) and not parts_add_up(numbers[:7])


def _eight_cells_numbers(cells: Sequence[Token]) -> Optional[list[Number]]:
    """A grid row's 8 cells as numbers (a placeholder or a blank cell 0) where its second may be a
    法人或其他组织 subtotal (a count other than 0); None otherwise."""
    if len(cells) != 8 or cells[1].kind != NUM or any(t.kind not in (NUM, NA, EMPTY) for t in cells):
        return None
    numbers = [token_number(t) if t.kind == NUM else 0 for t in cells]
    return numbers if known(numbers) and numbers[1] else None


def prints_as_eight_blank_total(values: list[Token]) -> bool:
    """Whether a 表三 row printing 8 cells, its last empty, in a table leaving its 总计 column
    blank, is a row of 8: its second value, other than 0, the sum of the five after it (read as 7,
    that subtotal sits in 商业企业 and every part a column off)."""
    if len(values) != 8 or values[-1].kind != EMPTY or any(t.kind not in (NUM, NA) for t in values[:-1]):
        return False
    numbers = [0 if t.kind == NA else token_number(t) for t in values[:-1]]
    return known(numbers) and bool(numbers[1]) and numbers[1] == sum(numbers[2:7])


def zero_subtotal_row(values: list[Token]) -> bool:
    """Whether a 表三 row of 7 values, none printed empty, may be a row of 8 (a 法人或其他组织 subtotal
    after 自然人, TEMPLATE.md) one of whose five parts was blank and left no cell: a subtotal of 0, its
    parts 0s and placeholders, 总计 自然人's. It adds up so and as read alike (may_have_lost_a_blank
    asks rows of a subtotal other than 0, which the sums weigh): only where the text shows the blank
    is it read so. Most rows stop at their second value."""
    if len(values) != 7:
        return False
    for n in range(1, 6):  # (the subtotal and its parts: 0s and placeholders, none blank)
        token = values[n]
        if not (token.kind == NA or (token.kind == NUM and token.value == 0)):
            return False
    first, last = values[0], values[6]
    if first.kind == EMPTY or last.kind == EMPTY:
        return False
    natural = 0 if first.kind == NA else token_number(first)
    return natural is not None and natural == (0 if last.kind == NA else token_number(last))


def read_blank_lost(report: Report, table: Table, rows: dict[str, list[Token]]) -> list[str]:
    """The rows of may_have_lost_a_blank read as printing a subtotal and a blank part cell
    that left no trace, where more of the table's equations other than the row's own hold so
    than as read (as read_clipped weighs a row cut): the subtotal is left out, the
    four parts and the blank placed in the five part columns the way the columns' sums hold best
    (where several do, the blank goes after the parts' last count: 0s, placeholders and a blank
    add up alike), the row flagged. Returns the rows so read."""
    values = table_values(report, table.section)
    out = []
    for key, printed in rows.items():
        paths = table.row_paths(key)
        eqs = tuple(eq for eq in table_equations(report.template, table.section) if not eq.cell_set.issubset(paths))
        best, best_score = None, equation_score(eqs, values)
        parts = printed[2:-1]
        for at in range(len(parts), -1, -1):  # (the blank last first: ties keep it latest)
            blank = Token(EMPTY, "", printed[1].end, printed[1].end, printed[1].line)
            placed = [printed[0], *parts[:at], blank, *parts[at:], printed[-1]]
            moved = dict(values)
            moved.update(zip(paths, [0 if t.kind in (EMPTY, NA) else token_number(t) for t in placed]))
            score = equation_score(eqs, moved)
            if score > best_score:
                best, best_score = placed, score
        if best is None:
            continue
        store_row(report, table, key, best)
        column = table.row(key).columns[best.index(next(t for t in best if t.kind == EMPTY))].label
        report.flags.append(Flag(f"{table.section}.{key}", "inferred", _BLANK_LOST_SUBTOTAL.format(
            table.row(key).label, report.text[printed[1].start:printed[1].end], column)))
        values = table_values(report, table.section)
        out.append(key)
    return out


def flag_lone_total(report: Report, table: Table, values_of: dict[str, list[Token]], widths: dict[str, int],
                    not_whole: set[str], pages: tuple[int, ...] = (), rows_cut: bool = False) -> None:
    """A 表三 row read whole on one line, its 总计 a count its parts do not add up to, in a table
    every other row of which printing a count other than 0 leaves 总计 blank (three at least; a
    row of 0s or blanks prints alike either way): the table never fills that column, so the row
    may print 8 cells (a 法人或其他组织 subtotal after 自然人, TEMPLATE.md) cut to the table's 7, its 总计 then its 其他; with the subtotal not the sum of the parts after it (a
    misprint among them), which it is the sums cannot say. Flagged, not placed; `pages` and
    `rows_cut` choose the words saying the 总计 is not there (cut_words)."""
    if table.section != "section3":
        return
    key, blank = None, 0
    for row in table.rows:
        cell = report.cells.get(table.row_paths(row.key)[-1])
        if cell is None or cell.state not in (NUMBER, BLANK) or not prints_counts(report, table, row.key):
            continue  # (a row printing no count but 0 says nothing of the 总计 column, nor one not read)
        if cell.state == NUMBER:
            if key is not None:
                return  # (most tables print their 总计 in every row: asked of two rows)
            key = row.key
        else:
            blank += 1
    if key is None or blank < 3:
        return
    values = values_of.get(key) or []
    if key in not_whole or len(values) != widths[key] or len({t.line for t in values}) != 1 \
            or tokens_add_up(values, unknown=True) or any(f.cell.startswith(f"{table.section}.{key}") for f in report.flags):
        return
    report.flags.append(Flag(f"{table.section}.{key}", "parse",
                             _LONE_TOTAL.format(table.row(key).label, widths[key], values[-1].text,
                                                **cut_words(report, pages, rows_cut))))


def zero_row_filling_blank_total(report: Report, table: Table, values_of: dict[str, list[Token]],
                                 widths: dict[str, int], not_whole: set[str], pages: tuple[int, ...] = (),
                                 rows_cut: bool = False) -> None:
    """A 表三 row read whole from only 0s, placeholders and blanks, its last cell printed, in a
    table every other row of which printing a count other than 0 leaves 总计 blank (two at least,
    as read_clipped weighs it: _total_column_left_blank): the table never fills that
    column, so the row may print 8 cells (a 法人或其他组织 subtotal after 自然人, TEMPLATE.md) its
    blank 总计 cut off (pandoc cuts a Word table's rows to its columns; a stream leaves a blank cell
    no trace), each part then the cell after the one read. Both readings add up (may_be_clipped leaves such rows as
    printed): which parts print 0 and which a placeholder or blank no sum can tell. The cells 0
    in the subtotal reading only are read as 0 (a blank counts 0 alike), the row flagged
    (SUBTOTAL_UNTOLD: read_anchored_rows leaves it so, its values beside its label either way).
    `pages` and `rows_cut` choose the words saying the 总计 is not there (cut_words)."""
    if table.section != "section3" or not _total_column_left_blank(report, table):
        return  # (most tables: their first row printing a 总计 fills it)
    flagged: Optional[set[str]] = None  # the rows flagged, once a row asks
    for key, values in values_of.items():
        if len(values) != widths[key] or values[-1].kind == EMPTY or key in not_whole:
            continue
        # (its numbers are its 0s, a row of others skipped below; read as 8, part n is printed cell n + 1)
        printed = [t.kind == NUM for t in values]
        columns = zero_only_with_subtotal(printed, printed)
        if not columns or not only_zeros(values):
            continue  # (most rows: the two readings put their 0s alike, or the row prints a count)
        if flagged is None:
            flagged = {f.cell.split(".")[1] for f in report.flags if f.cell.startswith(f"{table.section}.")}
        if key in flagged:
            continue
        zeros_in_doubt(report, table, key, columns, _zero_row_fills_blank_total(cut_words(report, pages, rows_cut)),
                       (SUBTOTAL_UNTOLD,))


def zero_rows_a_writer_cuts(report: Report, table: Table) -> None:
    """表三 rows whose cells as read are only 0s, placeholders and blanks, in a table printing counts
    and its zeros every which way (three rows or more each print a 0 beside a placeholder or blank),
    drawn by a writer that cuts each row to the table's columns and leaves no trace of the cell
    cut (pandoc's tables: cuts_rows_to_columns). A row printing 8 cells (a 法人或其他组织 subtotal
    after 自然人, TEMPLATE.md) cut back to 7 reads its parts a column off; where the subtotal is 0
    both readings add up, and which cells print 0 and which are blank no sum and no cell tells
    (q2206 r0032 pandoc-docx-gfm: 「0 · · 0 · · ·」 is 0 · 0 · · · · after a blank subtotal). The
    sums weigh a row of counts so cut (may_be_clipped), not one of 0s: each row printing blank a
    cell that is 0 when read as 8 is flagged, those cells read as 0 (a blank counts 0 alike). A
    row whose cells read as 8 are 0 where printed 0 is left as read (its 0s are 0 either way).
    zero_table_rows_may_be_cut flags a table printing no count."""
    if table.section != "section3" or report.format not in _CONVERTED_TEXT \
            or ("---" not in report.text and '<tr class="' not in report.text):
        return  # (no table of pandoc's: each draws three dashes or more, or rows of HTML)
    cells = report.cells
    if not _may_mix_zeros(cells, table):
        return  # (most tables: fewer than 3 cells 0, or fewer than 3 blank; counted at C speed)
    zero_rows: dict[str, list[bool]] = {}  # the rows of 0s and blanks as read: which cells are 0
    mixed = 0
    counts = False
    for row in table.rows:
        found = [cells.get(path) for path in table.row_paths(row.key)]
        read = [cell for cell in found if cell is not None and cell.state not in (MISSING, INFERRED)]
        if len(read) < len(found):
            continue  # (a cell not printed as read: a row read otherwise)
        if any(cell.value not in (0, None) for cell in read):
            counts = True
            continue
        zero = [cell.value == 0 for cell in read]
        mixed += any(zero) and not all(zero)
        zero_rows[row.key] = zero
    if not counts or mixed < 3 or not cuts_rows_to_columns(report.text):
        return  # (most tables print their zeros one way)
    flagged = {f.cell.split(".")[1] if "." in f.cell else "" for f in report.flags if f.cell.startswith(table.section)}
    if "" in flagged or any(SUBTOTAL_UNTOLD in f.causes or SUBTOTAL_LEFT_OUT in f.causes or _PAST_HEADER in f.message
                            for f in report.flags if f.cell.startswith(table.section)):
        # (the table flagged whole; or a row of 8 shows, a cell past the header's: pandoc drew the
        # table a column wider, cutting none; pq1805 r0046 pandoc-html-gfm)
        return
    for key, zero in zero_rows.items():
        if key not in flagged and (columns := zero_only_with_subtotal(zero, zero + [False])):
            zeros_in_doubt(report, table, key, columns, _ZERO_ROW_CUT_UNTRACED, (SUBTOTAL_UNTOLD,))


_VALUE = attrgetter("value")
_NO_CELL = CellValue(None, MISSING)


def _may_mix_zeros(cells: dict[str, CellValue], table: Table) -> bool:
    """Whether three rows of the table may each print a 0 beside a blank or placeholder (a cell
    read as 0 and one read with no value, as zero_rows_a_writer_cuts counts them): three cells
    of each kind at least. Most tables print their zeros one way, or none: this says so for the
    cost of counting, where weighing each row cost 0.5 M instructions a pandoc report."""
    values = list(map(_VALUE, map(cells.get, table.paths(), repeat(_NO_CELL))))
    return values.count(None) >= 3 and values.count(0) >= 3


# pandoc's tables: a simple table's dash rule (plain, Markdown), a grid table's border, a table
# with merged cells left as HTML in Markdown, its rows striped (a web page's source saved as text
# keeps every cell); a pipe table's delimiter row (GitHub Markdown) is asked more: _pandoc_pipes.
# Compiled when first asked (few texts are): a compile costs a report read cold more than the search.
# Each opens on the line break before a line, searched in the text after a line break: a pattern
# opening on ^ (re.M) is tried at every character of the text (~50 instructions a character), one
# opening on "\n" only at its line breaks (the text copied once, its first line a line like the others).
@lru_cache(maxsize=1)
def _pandoc_tables() -> tuple[re.Pattern, re.Pattern]:
    return (re.compile(r'\n(?: *-{3,}(?: +-{3,})+ *$|\+-{3,}\+|<tr class="(?:odd|even)">)', re.M),
            re.compile(r"\n\|(?:[-:]{3,}\|){7,} *$", re.M))


def cuts_rows_to_columns(text: str) -> bool:
    """Whether a text's tables are drawn by pandoc, which cuts each row to the table's columns
    (a Word table's grid, a web table's) and leaves no trace of a cell cut."""
    drawn, _ = _pandoc_tables()
    lines = "\n" + text
    return drawn.search(lines) is not None or _pandoc_pipes(lines)


def _pandoc_pipes(lines: str) -> bool:
    """Whether a pipe table of 8 columns or more prints every row as wide as its delimiter row, as
    pandoc draws them (html2text's rows print their own cells: a header spanning columns, one
    cell; a row of 8, 8). `lines`: the text after a line break."""
    for match in _pandoc_tables()[1].finditer(lines):
        width = match.group().count("|")
        rows = lines[match.end():].lstrip("\n").split("\n", 40)[:40]
        rows = rows[:next((n for n, line in enumerate(rows) if not line.startswith("|")), len(rows))]
        if rows and all(line.count("|") == width for line in rows):
            return True
    return False


def zero_rows_past_padding(text: str, values_of: dict[str, list[Token]], gathered: dict[str, list[Token]],
                           widths: dict[str, int], weighed: set[str]) -> tuple[dict[str, list[int]], str]:
    """表三 rows of a grid whose header has one empty column after 总计 (_column_after_total: the
    converter drew every row as wide as the widest, LibreOffice's PDF or pandoc's Markdown of a web
    table one row of which printed 8 cells), that column empty in every row, every row read without
    it (a stray cell). The row that printed the cell more is the one whose cell there holds the
    page's markup or a printed blank (pandoc keeps a cell's 「<span …></span>」 or no-break space,
    and pads the other rows with spaces alone: a row so told and read as 8 is weighed, the others
    are not it); where none does, no cell shows which it is. Where no row printing a count may be the one (each
    adds up so, or the second of a row failing its sum is not the sum of the five after it, as a
    法人或其他组织 subtotal after 自然人 is: a misprint), each row of 0s, placeholders and blanks that
    may be the one may print such a subtotal, blank or 0: both add up, the two readings put the 0s
    in other columns. Each such row (read whole, on its own line; `weighed`: rows read otherwise)
    with the columns 0 only in the subtotal reading (`gathered`: the rows' values before the
    padding was trimmed), and the flag's message for them."""
    ended: list[str] = []  # the rows whose cell in the column after 总计 is empty
    marked: list[str] = []  # those whose cell there holds markup: printed by the page
    for key, values in values_of.items():
        width = widths[key]
        if len(values) != width:
            if len(values) > width:
                return {}, ""  # (a row printing something past 总计: the one, read by its cells)
            continue
        if _prints_a_count(values) and not tokens_add_up(values, unknown=True):
            numbers = [0 if t.kind in (NA, EMPTY) else token_number(t) for t in values]
            if known(numbers) and numbers[1] == sum(numbers[2:]):
                return {}, ""  # (a row of counts failing its sum that may be the one: the sums weigh it)
        row = gathered.get(key) or []
        at = next((n for n, t in enumerate(row) if t is values[-1]), None)
        if at is None or at + 1 >= len(row) or row[at + 1].line != values[-1].line:
            continue
        end = row[at + 1]
        if end.kind != EMPTY:
            return {}, ""
        ended.append(key)
        if text[end.start:end.end].strip(" \t"):
            marked.append(key)  # (a no-break space or a tag: nothing a converter pads a row with)
    out: dict[str, list[int]] = {}
    for key in marked or ended:
        values = values_of[key]
        if key in weighed or not only_zeros(values) or len({t.line for t in values}) != 1:
            continue
        zero = [t.kind == NUM for t in values] + [False]
        if columns := zero_only_with_subtotal(zero[:-1], zero):
            out[key] = columns
    return out, ZEROS_PAST_LAST if marked else ZEROS_PAST_LAST_UNTOLD


def _prints_a_count(values: list[Token]) -> bool:
    """Whether the cells print a count other than 0 (0s and placeholders count nothing)."""
    return any(t.kind == NUM and token_number(t) for t in values)


def _total_column_left_blank(report: Report, table: Table) -> bool:
    """Whether every row printing a count other than 0 left its 总计 cell blank, two rows at least:
    printed blank, or not printed and read as a blank (0, inferred: a stream leaves a blank cell no
    trace; the sums would give a count)."""
    cells = report.cells
    blank = 0
    for row in table.rows:
        total = cells.get(table.row_paths(row.key)[-1])
        if total is not None and total.state == NUMBER and total.value:
            return False  # (a count under 总计: most tables, at their first row printing one)
        if prints_counts(report, table, row.key):
            if total is None or not (total.state == BLANK or (total.state == INFERRED and total.value == 0)):
                return False
            blank += 1
    return blank >= 2


# The messages flagging a row read as 8, or left as read where it may be one: what the parser saw,
# how it read the row, what to check in the original. One phrase for each thing they share.
_IS_SUBTOTAL = "是「法人或其他组织」小计（本行印有8格，模板无此列）"
_READ_WITHOUT = "已略去小计，其余各数依次归入本行各列"
_MAY_BE_EIGHT = "本行可能印有8格（自然人之后是「法人或其他组织」小计，模板无此列），{cut}"
_OTHERS_LEAVE_TOTAL_BLANK = "表内其余印有非0数值的各行总计均空白"
_ZERO_EIGHT = "本行印有8格（自然人之后是「法人或其他组织」小计，末格总计空白）"
_CHECK = CHECK_WITH_SOURCE
_ZEROS_EITHER = "两种读法同样合计，{1}是0还是空白无法确定，均按0计，" + _CHECK
GLUED_SUBTOTAL = ("「{0}」行的数字粘连在一起，按模板各列拆分均不合计：其中第二个数（{1}）等于其后五个数之和、"
                  "与自然人相加等于总计，" + _IS_SUBTOTAL + "。" + _READ_WITHOUT + "，" + _CHECK)
GLUED_SUBTOTAL_BLANK_TOTAL = ("「{0}」行的数字粘连在一起，表三总计列空白：其中第二个数（{1}）等于其后五个数之和，"
                              + _IS_SUBTOTAL + "。" + _READ_WITHOUT + "，本行总计也按空白计（也可能是表格只在本行印了总计），"
                              + _CHECK)
_CLIPPED_SUBTOTAL = ("「{}」行第二个数值（{}）等于其后五个数值之和，" + _IS_SUBTOTAL + "，{cut}。"
                     + _READ_WITHOUT + "，总计按自然人加小计推定为{}，" + _CHECK)
_CLIPPED_BLANK_TOTAL = ("「{}」行第二个数值（{}）等于其后五个数值之和，" + _IS_SUBTOTAL + "，{cut_blank}。"
                        + _READ_WITHOUT + "；" + _OTHERS_LEAVE_TOTAL_BLANK + "，本行总计也按空白计，" + _CHECK)
# ({2}: how the cells after 自然人 print, alike: 均印为「0」, 均印为「-」 or 均空白)
_CLIPPED_ZERO_SUBTOTAL = ("「{0}」行自然人之后各格（含总计）{2}：若本行印有8格（自然人之后是「法人或其他组织」小计0，"
                          "模板无此列），{cut}，总计应为{1}；也可能是总计印错。两者无法区分，总计已按原文读取，"
                          + _CHECK)
# (the same in a table whose rows printing counts all leave 总计 blank: the cell cut off was blank too)
_CLIPPED_ZERO_SUBTOTAL_BLANK_TOTAL = ("「{0}」行自然人之后六格{1}，" + _OTHERS_LEAVE_TOTAL_BLANK + "：本行应印有8格"
                                      "（自然人之后是「法人或其他组织」小计0，模板无此列），{cut}。"
                                      "已略去小计读取，本行总计也按空白计；也可能是表格只在本行印了总计且印错，" + _CHECK)
_CLIPPED_IN_DOUBT = ("「{}」行第二个数值（{}）等于其后五个数值之和：" + _MAY_BE_EIGHT + "；也可能是总计印错。"
                     "表内其余各行大多读取存疑，合计无法判断，已按原文读取，" + _CHECK)
_BLANK_LOST_SUBTOTAL = ("「{}」行第二个数值（{}）等于其后四个数值之和、与自然人相加等于总计，" + _IS_SUBTOTAL
                        + "，其中一格空白未留痕迹。" + _READ_WITHOUT + "，空白单元格按各列合计推断在「{}」列，" + _CHECK)
_LONE_TOTAL = ("「{0}」行读满{1}列，总计印为{2}而合计不符，" + _OTHERS_LEAVE_TOTAL_BLANK + "：" + _MAY_BE_EIGHT
               + "，各数值属于哪一列无法确定，" + _CHECK)
# (rows of 0s, placeholders and blanks printing a cell more, its last blank: a stray cell, or a row of 8)
_PAST_HEADER = "比表头多"  # (each message of a row printing a cell past the header's says so)
_PAST_LAST = "「{0}」行比表头多印1格，末格空白，各格都是0、占位符或空白：末格可能是多出的空格，也可能" + _ZERO_EIGHT + "。"
ZERO_ROW_CUT_BLANK = _PAST_LAST + "两种读法同样合计，已按末格为多出的空格读取，哪几格是0、哪几格空白无法确定，" + _CHECK
ZEROS_PAST_LAST = _PAST_LAST + _ZEROS_EITHER
GAP_ROW_OF_EIGHT = ("「{0}」行印有7个数值，各格一段，其间一处多空一格：本行印有8格，其中一格空白。自然人之后的「{1}」"
                    + "是「法人或其他组织」小计（模板无此列），空白一格是「{2}」。" + _READ_WITHOUT + "，" + _CHECK)


# How the messages of a row read as 8 say its last cell is not there, as the auditor sees the
# document: "cut" its 总计, "cut_blank" a 总计 blank or not there, "cut_last" its last cell (the
# messages' named fields; a dict: a NamedTuple class costs ~1.5 M instructions to make at import)
CutWords = dict[str, str]


def _cut_words(cut: str, cut_blank: str, cut_last: str) -> CutWords:
    return {"cut": cut, "cut_blank": cut_blank, "cut_last": cut_last}


# A PDF's page (read from the PDF, or its text by pdftotext: pages marked) shows a row as it was
# printed, no converter cut it: the 总计 a row of 8 would print is not on the page (a table wider
# than the page's margin, a row broken off), which the auditor sees there.
ON_A_PAGE = _cut_words("末格（总计）没有印出（PDF中本行只见7格，第8格不在页面上）",
                       "末格（总计）空白或没有印出（PDF中本行只见7格）", "末格没有印出（PDF中本行只见7格）")
# pandoc's tables (a web page's rows striped by it, its pipe or dashed tables): pandoc cuts each row to
# the table's columns, so the 总计 of a row of 8 was there and pandoc dropped it.
BY_A_CONVERTER = _cut_words("转换时末格（总计）被截去", "末格（总计）空白或转换时被截去", "转换时末格被截去")
# any other text (pdfplumber's text of a PDF with no page marked, a Word file's text export): what
# dropped the cell nobody knows, what the auditor sees is a row of 7 cells.
IN_THE_TEXT = _cut_words("末格（总计）没有印出（文中本行只有7格）", "末格（总计）空白或没有印出（文中本行只有7格）",
                         "末格没有印出（文中本行只有7格）")


def cut_words(report: Report, pages: tuple[int, ...], rows_cut: bool) -> CutWords:
    """The words for `report`'s rows read as 8: `pages`, the lines beginning a page where its text
    marks them (Document.page_starts); `rows_cut`, a web page's rows pandoc cut
    (Document.rows_cut_to_columns). Asked when a row is flagged (a text's pandoc tables are looked
    for then)."""
    if pages or report.format == "pdf":
        return ON_A_PAGE
    return BY_A_CONVERTER if rows_cut or cuts_rows_to_columns(report.text) else IN_THE_TEXT


def zeros_of_an_untold_row(drawn: str, among: str) -> str:
    """The message of a row of 0s, placeholders and blanks where `drawn` draws an empty column
    after 总计: some row `among` these printed a cell more (a row of 8), and which one no cell shows."""
    return ("「{0}」行各格都是0、占位符或空白，{1}可能是0也可能空白：" + drawn + "多画了1个空列，" + among
            + "有一行多印了1格（若是本行，自然人之后是「法人或其他组织」小计，末格总计空白），看不出是哪一行。"
            "已按各格所在的列读取，两种读法同样合计，均按0计，" + _CHECK)


ZEROS_PAST_LAST_UNTOLD = zeros_of_an_untold_row("表头在「总计」之后", "表内")
_ZERO_ROW_CUT_UNTRACED = ("「{0}」行各格都是0、占位符或空白，表格由转换工具逐行截成表头的列数：若本行印有8格（自然人之后是「法人或其他组织」"
                          "小计，模板无此列），转换时末格被截去不留痕迹，其后各格应左移一列。" + _ZEROS_EITHER)


def _zero_row_fills_blank_total(words: CutWords) -> str:
    return ("「{0}」行各格都是0、占位符或空白，连总计一格也印出，而" + _OTHERS_LEAVE_TOTAL_BLANK + "："
            "本行可能印有8格（自然人之后是「法人或其他组织」小计，末格总计空白），" + words["cut_last"]
            + "（若是，第二格是小计，其后各数值应左移一列）。" + _ZEROS_EITHER)
ZERO_ROW_PRINTS_PAST_TOTAL = ("「{0}」行印有8格，比表头多1格（表格在总计之后多画的一列中也印了数值），各格都是0、占位符或空白："
                              "合计看不出多出的是哪一格，已按模板把第二格当作「法人或其他组织」小计略去，"
                              "其余各格按表格的格位读取，" + _CHECK)
# (a catdoc row whose tabs count out a cell more, one blank written as a line break: tab_breaks)
ROW_OF_EIGHT = ("「{0}」行印有8个数值：第二个数（{1}）等于其后五个数之和、与自然人相加等于总计，"
                + _IS_SUBTOTAL + "。" + _READ_WITHOUT + "，" + _CHECK)
# (a row of 8 read by its grid's cells, its 自然人 blank: what its values alone read a column off)
CELLS_OF_EIGHT = ("「{0}」行比表头多印1格（{1}）：第二格（{2}）等于其后五格之和、与自然人相加等于总计，"
                  + _IS_SUBTOTAL + "。" + _READ_WITHOUT + "{3}，" + _CHECK)
ROW_OF_EIGHT_BLANK_TOTAL = ("「{0}」行印有8个数值，末格（总计）空白：第二个数（{1}）等于其后五个数之和，" + _IS_SUBTOTAL + "。"
                            + _READ_WITHOUT + "；" + _OTHERS_LEAVE_TOTAL_BLANK + "，本行总计也按空白计，" + _CHECK)
# (a row of 8 whose blanks left no trace, read without its subtotal: short_row_of_eight)
SHORT_ROW_OF_EIGHT = ("「{0}」行印有{1}个数值，空白单元格未留痕迹：第二个数（{2}）等于其后至总计前各数之和、与自然人相加等于总计，"
                      + _IS_SUBTOTAL + "。已略去小计，其余各数按各列合计归入本行各列，" + _CHECK)
# (a grid row of 8 cells, its last empty, in a table leaving 总计 blank: read_grid_eights_blank_total)
GRID_ROW_OF_EIGHT_BLANK_TOTAL = ("「{0}」行比表头多印1格，末格（总计）空白：第二格（{1}）等于其后五格之和（空白格按0计），"
                                 + _IS_SUBTOTAL + "。" + _READ_WITHOUT + "；" + _OTHERS_LEAVE_TOTAL_BLANK
                                 + "，本行总计也按空白计，" + _CHECK)
_GRID_EIGHT_UNDECIDED = ("「{0}」行比表头多印1格，末格空白：第二格（{1}）等于其后五格之和（空白格按0计），" + _MAY_BE_EIGHT.format(
    cut="末格是总计") + "；也可能末格是多出的空格。表内合计两种读法相同，已按前7格读取，" + _CHECK)
TAB_ROW_OF_EIGHT = ("「{0}」行按制表符数出比表头多1格（其中一个空白单元格处换行）：第二格等于其后五格之和，"
                    + _IS_SUBTOTAL + "。" + _READ_WITHOUT + "，" + _CHECK)


def blank_cells_phrase(row: Row, cells: Sequence[Token]) -> str:
    """CELLS_OF_EIGHT's {3}: the columns a row of 8 read without its subtotal (`cells`, 7) leaves
    blank, named (「，其中「自然人」「其他」空白」), or nothing where none is."""
    names = "".join(f"「{column.label}」" for column, cell in zip(row.columns, cells) if cell.kind == EMPTY)
    return f"，其中{names}空白" if names else ""


def zero_table_rows_may_be_cut(report: Report, table: Table) -> None:
    """表三 printing no count, only 0s, placeholders and blanks, its zeros printed every which way
    (three rows or more each print a 0 beside a placeholder or blank, as _zeros_mixed counts), read
    from a text whose rows a converter may have cut (pandoc cuts a Word table's rows to its columns,
    no trace left): a row printing 8 cells (a 法人或其他组织 subtotal after 自然人, TEMPLATE.md) cut
    back to 7 reads its cells a column off and adds up as well, so which cells print 0 and which are
    blank no sum and no cell tells. Every cell is 0 either way: the values are left as read and the
    table flagged. Asked only of a text or Markdown export (a Word, web or PDF file is read by its
    own cells, where a row of 8 shows), not of a table whose rows the parser already flagged (their
    doubt said there), nor of one printing a count (its sums weigh a row of 8 that moves one)."""
    if table.section != "section3" or report.format not in _CONVERTED_TEXT \
            or any(f.cell.startswith(table.section) for f in report.flags):
        return
    cells = report.cells
    mixed = 0
    for row in table.rows:
        zero = blank = False
        for path in table.row_paths(row.key):
            cell = cells[path]
            if cell.state == MISSING or cell.value not in (0, None):
                return  # (most tables print a count: the first test ends it at the first one)
            zero = zero or cell.value == 0
            blank = blank or cell.value is None
        mixed += zero and blank
    if mixed < 3:
        return
    report.flags.append(Flag(table.section, "inferred", ZERO_TABLE_MAY_BE_CUT))


_CONVERTED_TEXT = ("txt", "md")
ZERO_TABLE_MAY_BE_CUT = ("表三只印有0、占位符和空白，且多行中0与占位符、空白混印：若某行印有8格（自然人之后是"
                         "「法人或其他组织」小计，模板无此列），转换时末格被截去，该行各格会错开一列而合计照样相符，"
                         "哪几格印的是0、哪几格空白无法确定。各格无论如何都是0，已按各格所在的列读取，" + _CHECK)
