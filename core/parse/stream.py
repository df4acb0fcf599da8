"""Tables that a converter flattened into a stream of cells, read by the template's geometry.

The template fixes each table's row labels, their order and each row's column count, and its
equations tie the cells together. Three streams are read here:

- Paragraph streams (mammoth's raw text): every paragraph, so every cell, is followed by an
  empty line, and an empty cell leaves two more. The empty lines between two printed cells
  count the blank cells between them. A row is completed from its gaps only when every gap has
  that shape and the count comes out at exactly the template's width.
- Glued runs (docx2txt): the breaks between cells are gone ("…数量58332171822－672二、上年结转…").
  A row's run is cut so that its 总计 is the sum of the others, and the column sums with the
  other rows choose between cuts; what they leave open stays unread and flagged.
- Reading-order streams (pdftotext): a row whose values are interleaved with label text and do
  not add up may hold a neighbour's value, so it is flagged rather than trusted.
"""
from __future__ import annotations

import re
from typing import Optional

from core.equations import equations, involving
from core.parse.columns import equation_score, reading_scores
from core.parse.glued import MAX_DIGITS, adds_up, jointly_possible, row_completes, split_summed
from core.parse.lost import with_blank_lines, zero_row
from core.model import Flag, Report
from core.readers.document import Line
from core.parse.tokens import EMPTY, NA, NUM, TEXT, Token
from core.template import Table


def _is_empty(line: Line) -> bool:
    return not line.grid and all(not cell.text.strip() for cell in line.cells)


def _alone_on_line(line: Line, token: Token) -> bool:
    return len(line.cells) == 1 and not line.grid and len(line.cells[0].text.strip()) <= token.end - token.start + 1


def _blanks_in_gap(lines: list[Line], after: int, before: int) -> Optional[list[Token]]:
    """Blank cells between printed line `after` and printed line `before`: each paragraph ends
    with one empty line, each empty cell adds two. None if the gap has another shape."""
    gap = range(after + 1, before)
    if not all(_is_empty(lines[i]) for i in gap) or len(gap) % 2 == 0:
        return None
    return [Token(EMPTY, "", lines[i].cells[0].start if lines[i].cells else 0,
                  lines[i].cells[0].start if lines[i].cells else 0, i) for i in list(gap)[1::2]]


def _next_printed(lines: list[Line], index: int) -> int:
    index += 1
    while index < len(lines) and _is_empty(lines[index]):
        index += 1
    return index


def with_blank_paragraphs(lines: list[Line], label_line: int, values: list[Token], width: int) -> Optional[list[Token]]:
    """A row's values with the blank cells its paragraph gaps stand for; None unless that gives
    exactly `width` cells. `label_line` is the last line of the row's label (or header)."""
    if len(values) >= width or not all(_alone_on_line(lines[t.line], t) for t in values):
        return None
    if len({t.line for t in values}) != len(values):
        return None  # two values on one line: not one cell per paragraph
    printed = [label_line] + [t.line for t in values]
    printed.append(_next_printed(lines, printed[-1]))
    out: list[Token] = []
    for n, (after, before) in enumerate(zip(printed, printed[1:])):
        blanks = _blanks_in_gap(lines, after, before)
        if blanks is None:
            return None
        out.extend(blanks)
        if n < len(values):
            out.append(values[n])
    return out if len(out) == width else None


def fill_paragraph_gaps(table: Table, tokens: list[Token], labels: list[tuple[int, str]],
                        values_of: dict[str, list[Token]], lines: list[Line]) -> None:
    """Rows printing fewer values than the template's columns, completed from their gaps."""
    bounds = [i for i, _ in labels] + [len(tokens)]
    for n, (index, key) in enumerate(labels):
        values = values_of.get(key)
        width = len(table.row(key).columns)
        if values is None or len(values) >= width:
            continue
        span = tokens[index:bounds[n + 1]]
        if not span:
            continue  # two rows matched in one run of text
        label_line = max(t.line for t in span[:span.index(values[0])] if t.kind == TEXT) if values \
            else span[0].line
        completed = with_blank_paragraphs(lines, label_line, values, width) or \
            with_blank_lines(lines, label_line, values, width)
        if completed is not None:
            values_of[key] = completed


def t4_with_blank_paragraphs(tokens: list[Token], values: list[Token], width: int, lines: list[Line]) -> list[Token]:
    """表四's one row of values completed from its gaps (see fill_paragraph_gaps); as given if
    the gaps do not say."""
    if not tokens or len(values) >= width:
        return values
    header = [t.line for t in tokens if t.kind == TEXT and (not values or t.start < values[0].start)]
    if not header:
        return values
    return with_blank_paragraphs(lines, max(header), values, width) or values


# --- rows glued into one run of text ----------------------------------------------------------

_VALUE_CHARS = set("0123456789－—/-无 \t\n")
_CELL = re.compile(r"\d+|[－—/\-]|无")
_CELL_PAIRED = re.compile(r"\d+|--|——|[－—/\-]|无")  # where "--" and "——" print one placeholder


def _printed_cells(run: str, offset: int, pattern: re.Pattern) -> list[tuple[str, int, int]]:
    """(text, start, end) of the printed cells of a run; a "--" standing alone is one cell."""
    out = []
    for chunk in re.finditer(r"\S+", run):
        if chunk.group() in ("--", "——"):
            out.append((chunk.group(), offset + chunk.start(), offset + chunk.end()))
            continue
        out.extend((m.group(), offset + chunk.start() + m.start(), offset + chunk.start() + m.end())
                   for m in pattern.finditer(chunk.group()))
    return out


_MAX_READINGS = 60
_MAX_STEPS = 20000  # a run this ambiguous is left unread anyway


def _label_end(text: str, position: int) -> int:
    """Where a row's values start: the first digit or placeholder after its label words
    ("无" only where it does not start a word of the label, as in "无正当理由")."""
    while position < len(text):
        char = text[position]
        if char.isdigit() or char in "－—/-":
            return position
        if char == "无" and (position + 1 == len(text) or text[position + 1] in _VALUE_CHARS):
            return position
        position += 1
    return position


def _value_run(text: str, start: int) -> tuple[int, int]:
    """The run of value characters from `start`, less the numbering of the label glued after it
    ("00000002.其他…": the 2 is the next row's number)."""
    end = start
    while end < len(text) and text[end] in _VALUE_CHARS:
        if text[end] == "无" and end + 1 < len(text) and text[end + 1] not in _VALUE_CHARS:
            break  # "无法…", "无正当理由…": the next label
        end += 1
    if end < len(text) and text[end] in ".、．" and end > start and text[end - 1].isdigit():
        end -= 1
    return start, end


def _glued_runs(text: str, table: Table) -> dict[str, tuple[int, int]]:
    """(start, end) of each row's run of values in `text`, rows found by label in template order."""
    runs: dict[str, tuple[int, int]] = {}
    position = 0
    for row in table.rows:
        words = row.keywords or ("其他",)
        found = [(text.find(w, position), w) for w in words if text.find(w, position) >= 0]
        if not found:
            continue
        at, word = min(found)
        start, end = _value_run(text, _label_end(text, at + len(word)))
        runs[row.key] = (start, end)
        position = end
    return runs


def _readings(cells: list[str], width: int, accept, blanks: bool, cut: bool = True,
              limit: int = _MAX_READINGS + 1) -> list[tuple[tuple[Optional[int], int], ...]]:
    """Every way to read the printed cells as `width` columns that `accept` allows: a digit run
    is cut into numbers without leading zeros, a placeholder fills one column, and a column may
    have printed nothing at all (its blank left no trace). Each column is (value, index of the
    printed cell it comes from), value None for a placeholder and index -1 for a blank.

    The search walks the readings depth first and gives up after _MAX_STEPS steps or beyond
    _MAX_READINGS readings (or once it has `limit`). A branch that cannot end in an accepted
    reading (cells left over; for _row_sum, no 总计 the rest can print equals the sum, see
    glued.row_completes) is not walked: the steps are those of branches holding readings."""
    groups = 1 if accept is _row_sum else getattr(accept, "groups", 0)
    run = groups and len(cells) == 1 and cells[0].isdigit() and len(cells[0]) <= MAX_DIGITS
    if run and not adds_up(cells[0], groups, width // groups):
        return []  # one run of digits that no cut makes add up: the walk would find nothing
    out: list[tuple] = []
    steps = [0]
    ends: dict[tuple[int, int, int], bool] = {}

    def moves(index: int, used: int, taken: int) -> list[tuple[int, int]]:
        """The (index, used) after each child of a step, in the walk's order."""
        if taken == width:
            return []
        out_moves = []
        if blanks and width - taken > len(cells) - index:
            out_moves.append((index, used))  # this column printed nothing
        if index == len(cells):
            return out_moves
        cell = cells[index]
        if not cell.isdigit():
            out_moves.append((index + 1, 0))
            return out_moves
        rest = cell[used:]
        if not cut:
            if rest[0] != "0" or rest == "0":
                out_moves.append((index + 1, 0))
            return out_moves
        for cut_at in range(1, len(rest) + 1) if rest[0] != "0" else (1,):
            out_moves.append((index + 1, 0) if cut_at == len(rest) else (index, used + cut_at))
        return out_moves

    def can_end(index: int, used: int, taken: int) -> bool:
        """Whether this branch holds a reading that uses every cell."""
        key = (index, used, taken)
        if key not in ends:
            ends[key] = index == len(cells) if taken == width else \
                any(can_end(i, u, taken + 1) for i, u in moves(index, used, taken))
        return ends[key]

    def walk(index: int, used: int, taken: tuple, total: int) -> bool:
        """`used`: digits of cells[index] already cut off; `total`: the sum of `taken`.
        False once the walk has given up."""
        steps[0] += 1
        if len(out) >= limit or steps[0] > _MAX_STEPS:
            return False
        if len(taken) == width:
            if index == len(cells) and accept([v for v, _ in taken]):
                out.append(taken)
            return True
        if blanks and width - len(taken) > len(cells) - index:
            if not step(index, used, taken + ((None, -1),), total):  # this column printed nothing
                return False
        if index == len(cells):
            return True
        cell = cells[index]
        if not cell.isdigit():
            return step(index + 1, 0, taken + ((None, index),), total)
        rest = cell[used:]
        if not cut:
            if rest[0] != "0" or rest == "0":
                value = int(rest)
                return step(index + 1, 0, taken + ((value, index),), total + value)
            return True
        cuts = range(1, len(rest) + 1) if rest[0] != "0" else (1,)
        for cut_at in cuts:
            following = (index + 1, 0) if cut_at == len(rest) else (index, used + cut_at)
            value = int(rest[:cut_at])
            if not step(*following, taken + ((value, index),), total + value):
                return False
        return True

    hopeless = getattr(accept, "hopeless", None)  # a partial reading no way on can make accepted

    def balances(index: int, used: int, taken: int, total: int) -> bool:
        """For a row (_row_sum): exactly whether some way on adds up (glued.row_completes)."""
        if groups != 1:
            return True
        left = (cells[index][used:],) + tuple(cells[index + 1:]) if index < len(cells) else ()
        return row_completes(left, width - taken, total, blanks, cut)

    def step(index: int, used: int, taken: tuple, total: int) -> bool:
        if not can_end(index, used, len(taken)) or (hopeless and hopeless(taken)) or \
                (len(taken) < width and not balances(index, used, len(taken), total)):
            return True  # holds no accepted reading: not walked (the checks are exact)
        return walk(index, used, taken, total)

    step(0, 0, (), 0)
    return out


def _full_readings(printed: list[str], width: int, groups: int = 1) -> list[tuple]:
    """Readings in which every column printed a value (no blank lost); a run of digits alone is
    cut by glued.py's search, which finds the 总计 first. A run that cuts one way only is read so
    even when its sum fails: that is how the report printed it (a typo for the checks to find)."""
    if len(printed) == 1 and printed[0].isdigit():
        readings = [tuple((v, 0) for v in reading) for reading in split_summed(printed[0], groups, width // groups,
                                                                              _MAX_READINGS)]
    else:
        readings = _readings(printed, width, _group_sums(groups), False)
    if not readings:
        only = _readings(printed, width, lambda values: True, False, limit=2)
        readings = only if len(only) == 1 else []
    return readings


def _group_sums(groups: int):
    if groups == 1:
        return _row_sum

    def accept(values: list[Optional[int]]) -> bool:
        size = len(values) // groups
        return all(_row_sum(values[g * size:(g + 1) * size]) for g in range(groups))
    accept.groups = groups  # for _readings: the run's groups that add up
    return accept


def _row_sum(values: list[Optional[int]]) -> bool:
    return sum(v or 0 for v in values[:-1]) == (values[-1] or 0)


def _row_sum_holds(report: Report, row) -> bool:
    values = [report.cells[f"section3.{row.key}.{c.key}"].arithmetic for c in row.columns]
    return None not in values and _row_sum(values)


# A value glued to the label of the next row: "…596二、上年结转", "…435（二）部分公开", "…00002.其他…".
_GLUED_TO_LABEL = re.compile(r"[0-9－—\-无][ \t]*(?:[一二三四五六七八九十]、|[（(][一二三四五六七八九十][）)]|[1-8][.、．][\u4e00-\u9fff])")


def is_glued(text: str) -> bool:
    """Whether the converter dropped the breaks between a table's cells (several rows' values run
    straight into the next row's label): only then are runs of digits cut."""
    return len(_GLUED_TO_LABEL.findall(text)) >= 3


def _table_start(text: str) -> Optional[tuple[int, int]]:
    """Without a section heading (glued into the line before it), from 表三's header on."""
    at = text.find("申请人情况")
    return (at, len(text)) if at >= 0 else None


def glued_t3(report: Report, table: Table) -> dict[str, list[Optional[Token]]]:
    """表三's rows read from runs of glued cells, for the rows the parser could not read.

    A row's run is cut into seven values whose 总计 is the sum of the others; where several cuts
    do that, the column sums (T3-1, T3-2) with the other rows choose; a cell they leave open stays
    unread. Only rows the parser could not read from their printed cells are read again.
    """
    span = report.section_spans.get(3) or _table_start(report.text)
    if not span:
        return {}
    text = report.text[span[0]:span[1]]
    if not is_glued(text):
        return {}
    unsure = {f.cell.split(".")[1] for f in report.flags if f.cell.startswith("section3.")
              and (f.kind in ("parse", "missing") or not _row_sum_holds(report, table.row(f.cell.split(".")[1])))}
    unsure |= {row.key for row in table.rows if all(report.cells[f"section3.{row.key}.{c.key}"].state == "missing"
                                                       for c in row.columns)}
    width = len(table.rows[0].columns)
    pieces: dict[str, list[re.Match]] = {}
    patterns: dict[str, list[list]] = {}  # a row's printed cells under each cell pattern
    candidates: dict[str, list[tuple]] = {}
    read: dict[tuple[str, ...], list[tuple]] = {}  # the same printed cells read once (both patterns)
    for key, (start, end) in _glued_runs(text, table).items():
        run = text[start:end].strip()
        if key not in unsure or not run:
            continue
        offset = span[0] + start + text[start:end].index(run)
        for pattern in (_CELL, _CELL_PAIRED):
            pieces[key] = _printed_cells(run, offset, pattern)
            patterns.setdefault(key, []).append(pieces[key])
            printed = [p[0] for p in pieces[key]]
            # A blank cell of a glued row leaves no trace: columns without a value are assumed
            # only when the printed cells cannot fill the row otherwise.
            # Printed cells taken whole first (a blank left no trace); then glued cells cut.
            if tuple(printed) not in read:
                read[tuple(printed)] = _readings(printed, width, _row_sum, True, cut=False) or \
                    _full_readings(printed, width) or _readings(printed, width, _row_sum, True)
            candidates[key] = list(read[tuple(printed)])
            if candidates[key]:
                break
    if not candidates:
        return {}
    paths = {key: [f"section3.{key}.{c.key}" for c in table.rows[0].columns] for key in candidates}
    values = {p: c.arithmetic for p, c in report.cells.items() if p.startswith("section3.")}
    for key in candidates:
        for p in paths[key]:
            values[p] = None
    eqs = [e for e in equations(report.template) if e.rule.startswith("T3")]
    ambiguous = {key for key, found in candidates.items() if len(found) > 1}
    through = {key: {id(e) for p in paths[key] for e in involving(report.template, p)} for key in ambiguous}
    involved = {key: [e for e in eqs if id(e) in through[key]] for key in ambiguous}
    around = {key: sorted({p for e in involved[key] for p in e.cells} - set(paths[key])) for key in ambiguous}
    weighed: dict[str, tuple] = {}  # the other cells a row's readings were last weighed against
    # the open rows' cuts chosen together, by all the sums (readings of the same values weighed once),
    # the other rows as they read alone
    sums_of = {key: sorted({tuple(v or 0 for v, _ in r) for r in found}) for key, found in candidates.items()
               if len(found) > 1}
    alone = dict(values)
    alone.update((p, v or 0) for key, found in candidates.items() if len(found) == 1
                 for p, (v, _) in zip(paths[key], found[0]))
    joint = jointly_possible({key: [list(s) for s in sums] for key, sums in sums_of.items()},
                             paths, eqs, alone) if sums_of else None
    for key, kept in (joint or {}).items():
        chosen = {sums_of[key][i] for i in kept}
        candidates[key] = [r for r in candidates[key] if tuple(v or 0 for v, _ in r) in chosen]
    changed = True
    while changed:  # settle unique rows, then let them choose among the others' readings
        changed = False
        for key, found in candidates.items():
            if len(found) == 1:
                for p, (v, _) in zip(paths[key], found[0]):
                    if values[p] != (v or 0):
                        values[p], changed = v or 0, True
            elif len(found) > 1:
                now = tuple(map(values.get, around[key]))
                if weighed.get(key) == now:
                    continue
                weighed[key] = now
                scores = reading_scores(involved[key], values, paths[key], [[v or 0 for v, _ in r] for r in found])
                top = max(scores)
                best = [r for r, sc in zip(found, scores) if sc == top]
                if len(best) < len(found):
                    candidates[key], changed = best, True
    for key, found in candidates.items():
        if found:
            continue
        for cells in patterns[key]:  # no cut adds up: a typo? read as printed if the other rows say where
            candidates[key] = _one_off_reading([p[0] for p in cells], paths[key], eqs, values)
            if candidates[key]:
                pieces[key] = cells
                break
    out: dict[str, list[Optional[Token]]] = {}
    messages: dict[str, Optional[Flag]] = {}
    for key, found in candidates.items():
        row = table.row(key)
        if not found:
            continue  # the parser's own reading stands, flagged as it was
        agreed = [found[0][n] if all(r[n] == found[0][n] for r in found) else None for n in range(width)]
        if None in agreed and not any(v for reading in found for v, _ in reading):
            zero_row(report, paths[key], f"section3.{key}", f"「{row.label}」行")  # 0 whichever reading
            continue
        if None in agreed and _row_sum_holds(report, row):
            continue  # the parser placed the whole row by the same sums: its reading stands
        out[key] = _tokens(tuple(agreed), pieces[key])
        broken = equation_score([e for e in eqs if any(p in e.cells for p in paths[key])], values) < 0
        if None in agreed:
            messages[key] = Flag(f"section3.{key}", "parse", f"「{row.label}」行的数字粘连在一起，无法唯一拆分，无法确定的单元格留空")
        elif key in ambiguous or broken or _cut_or_assumed(agreed):
            messages[key] = Flag(f"section3.{key}", "inferred", f"「{row.label}」行的数字粘连在一起，已按勾稽关系拆分，请核对")
    read_again = {f"section3.{key}" for key in out}
    report.flags = [f for f in report.flags if f.cell not in read_again and f.cell.rsplit(".", 1)[0] not in read_again]
    report.flags.extend(flag for flag in messages.values() if flag)
    return out


def _one_off_reading(printed: list[str], paths: list[str], eqs, values: dict) -> list[tuple]:
    """The one cut of a row's run that agrees with the values the column sums give its cells in
    all columns but one — the row as printed, with its one wrong number for the checks to show.
    Empty unless the column sums give every cell and exactly one cut fits."""
    expected = []
    for path in paths:
        solved = None
        for eq in eqs:
            if path in eq.cells and eq.kind == "column":
                others = [p for p in eq.cells if p != path]
                if all(values.get(p) is not None for p in others):
                    left = sum(values[p] for p in eq.left if p != path)
                    right = sum(values[p] for p in eq.right if p != path)
                    solved = right - left if path in eq.left else left - right
                    break
        if solved is None:
            return []
        expected.append(solved)

    def one_off(row: list[Optional[int]]) -> bool:
        return sum((v or 0) != e for v, e in zip(row, expected)) == 1

    one_off.hopeless = lambda taken: sum((v or 0) != e for (v, _), e in zip(taken, expected)) > 1
    found = _readings(printed, len(paths), one_off, False, limit=2)
    return found if len(found) == 1 else []


def _cut_or_assumed(reading: list) -> bool:
    """Whether a reading cut a printed run into several values or assumed a blank column."""
    sources = [index for _, index in reading]
    return -1 in sources or len(set(sources)) < len(sources)


def _tokens(reading: tuple, cells: list[tuple[str, int, int]]) -> list[Optional[Token]]:
    """Tokens for (value, printed cell) pairs; None where the reading is open."""
    out: list[Optional[Token]] = []
    for column in reading:
        if column is None:
            out.append(None)
            continue
        value, index = column
        if index < 0:
            out.append(Token(EMPTY, "", cells[0][1], cells[0][1], 0))
            continue
        text, start, end = cells[index]
        out.append(Token(NA, text, start, end, 0) if value is None else Token(NUM, str(value), start, end, 0, value))
    return out


def glued_t4(report: Report, width: int) -> Optional[tuple[list[Optional[Token]], bool]]:
    """表四's fifteen cells from the run after its header, when the parser could not read them:
    cut so that each of the three groups adds up to its 总计; None unless exactly one cut does.
    With the cells, whether a run had to be cut (or a blank assumed) to get them; no cells when
    the run reads several ways that are all zeros."""
    if "section4" in report.tables and not any(f.cell.startswith("section4") and f.kind in ("parse", "missing")
                                               for f in report.flags):
        return None
    start = report.section_spans[4][0] if 4 in report.section_spans else report.text.find("结果维持")
    if start < 0:
        return None
    end = report.section_spans[5][0] if 5 in report.section_spans else len(report.text)
    text = report.text[start:end]
    if not is_glued(report.text):
        return None
    header_end = text.rfind("总计", 0, (text.find("五、") + 1 or len(text) + 1) - 1)
    if header_end < 0:
        return None
    run_start, run_end = _value_run(text, _label_end(text, header_end + 2))
    run = text[run_start:run_end]
    tried: list[list[str]] = []
    for pattern in (_CELL, _CELL_PAIRED):
        cells = _printed_cells(run, start + run_start, pattern)
        if [c[0] for c in cells] in tried:
            continue  # printed alike by both patterns: read once
        tried.append([c[0] for c in cells])
        found = _full_readings([c[0] for c in cells], width, groups=3) or \
            _readings([c[0] for c in cells], width, _group_sums(3), True)
        if len(found) == 1:
            return _tokens(found[0], cells), _cut_or_assumed(list(found[0]))
        if found and not any(v for reading in found for v, _ in reading):
            return [], True  # every reading all zeros: each cell is 0, however it was printed
        if found:
            return None
    return None


# --- rows whose values are interleaved with label text -----------------------------------------

def interleaved_rows(report: Report, table: Table, tokens: list[Token], values_of: dict[str, list[Token]]) -> list[str]:
    """Rows of 表三 read in full whose values a PDF's reading order interleaved with label text
    ("…不再处理其政府信息公开 24 / （六）其他处理 / 3 0 0 0 0 / 申请 / 0") and whose stored 总计 is
    not the sum of the others: the stream may have given this row a value of its neighbour (the
    总计 can print before the label), so the row is unsure, not wrong."""
    position = {id(t): i for i, t in enumerate(tokens)}
    flagged = {f.cell for f in report.flags}
    out = []
    for key, values in values_of.items():
        row = table.row(key)
        if len(values) != len(row.columns) or f"{table.section}.{key}" in flagged \
                or any(id(t) not in position for t in values):
            continue
        first, last = position[id(values[0])], position[id(values[-1])]
        if any(t.kind == TEXT for t in tokens[first:last]) and not _row_sum_holds(report, row):
            out.append(key)
    return out
