"""GBK Chinese that lynx read as UTF-8 (a GBK page whose meta declares utf-8) and printed as UTF-8.

lynx's UTF-8 decoder keeps a sequence only when its continuation bytes (0x80–0xBF) follow its lead
byte: GBK's two-byte characters mostly break that, and a broken sequence is dropped without a
trace; a continuation byte on its own and the bytes 0xFE 0xFF print 「\ufffd」; a pair that happens
to be valid UTF-8 prints as some Cyrillic, Hebrew, Armenian… character (「一」 d2 bb prints 「һ」).
ASCII is untouched: the numbers are intact (GB2312's bytes are all 0xA1–0xFE, none ASCII).

Character by character the loss cannot be undone (「总体情况」 prints nothing at all), nor can a
phrase be found in running text (what a phrase prints depends on the bytes before it, and its last
bytes join the next character's). But a phrase standing alone between ASCII characters (a table's
cell, a heading on its line: white space or digits either side) always prints the same, its lost
bytes dropped the same way: the template's phrases so printed are put back when the form names one
phrase only and holds a character that survived (a form of lone 「\ufffd」s is any of thousands of
words). A cell between two phrases so found is put back where the template's order pins it (the
phrases the template prints between those two print exactly the cells there); a count's unit after
its number where no amount's unit prints alike. Everything else is left as a mark; a cell of marks
only (a 「／」, a 「—」, a full-width digit) reads as one unreadable cell, which the parser reads as
a placeholder and flags. The numbers are never touched.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Iterator

from core.readers.lossy_utf8 import LOST_CELL, LOST_MARK, stands_alone, template_phrases
from core.template import SECTION_TITLES, TEMPLATES

REPLACEMENT = "\ufffd"

# The words real files print in place of the template's (the parser's keywords find either), and the
# marks they number 表三's rows with (「1、属于国家秘密」): a different word prints a different form
DRIFTS = (("社会公益组织", "社会组织"), ("只计这一情形", "只计这一情况"),
          ("其他法律行政法规禁止公开", "其他法律法规禁止公开"), ("“三安全一稳定”", '"三安全一稳定"'))
NUMBER_MARKS = ("、", "．")

# The smallest code point each length of UTF-8 sequence may hold (a smaller one is overlong)
_SMALLEST = {2: 0x80, 3: 0x800, 4: 0x10000, 5: 0x200000, 6: 0x4000000}


@lru_cache(maxsize=None)
def _sequence(data: bytes) -> str:
    """What lynx prints of one whole UTF-8 sequence (lead byte and its continuation bytes): asked of
    the same few pairs of bytes again and again."""
    n = len(data)
    code = data[0] & (0x7F >> n)
    for byte in data[1:]:
        code = code << 6 | (byte & 0x3F)
    if code < _SMALLEST[n] or 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF):
        return REPLACEMENT
    if code > 0x10FFFF:  # printed as its bytes, which are no UTF-8: the reader escapes them
        return data.decode("utf-8", "surrogateescape")
    if code == 0xA0:
        return " "
    if code == 0xAD:
        return ""
    return chr(code)


def lynx_prints(data: bytes) -> list[str]:
    """What lynx prints of the bytes taken as UTF-8, a piece per character it printed, starting
    from no open sequence; a sequence still open at the end is dropped, as the ASCII character
    after it would drop it."""
    printed: list[str] = []
    start = need = 0
    for at, byte in enumerate(data):
        if 0x80 <= byte <= 0xBF:
            if need:
                need -= 1
                if not need:
                    printed.append(_sequence(data[start:at + 1]))
            else:
                printed.append(REPLACEMENT)
            continue
        need = 0  # (an open sequence a lead byte or ASCII breaks is dropped)
        if byte < 0x80:
            printed.append(chr(byte))
        elif byte >= 0xFE:
            printed.append(REPLACEMENT)
        else:
            start = at
            need = 1 if byte < 0xE0 else 2 if byte < 0xF0 else 3 if byte < 0xF8 else 4 if byte < 0xFC else 5
    return [piece for piece in printed if piece]


def damaged(phrase: str) -> list[str]:
    """What a phrase standing alone prints (nothing open before it, its open tail dropped)."""
    return lynx_prints(phrase.encode("gbk"))


# How a phrase standing alone prints, a piece per character printed: damaged() here; a reader of
# another loss (lossy_gb2312.py) passes its own to restore()
Damage = Callable[[str], list[str]]


@lru_cache(maxsize=None)
def _form(phrase: str, damage: Damage = damaged) -> str:
    """damage(), its pieces joined (asked of the same characters again and again)."""
    return "".join(damage(phrase))


def _names_it(form: str) -> bool:
    """Whether a damaged form holds a character that survived (not only 「\ufffd」 and ASCII)."""
    return not form.replace(REPLACEMENT, "").isascii()


@lru_cache(maxsize=None)
def _phrases(damage: Damage) -> tuple[dict[str, tuple[str, str]], frozenset[str]]:
    """The damaged forms of the phrases (white space left out) -> (the phrase, a way it prints),
    and every beginning of a form. A form two phrases share is left out: it names neither."""
    by_form: dict[str, dict[str, str]] = {}  # form -> template phrase -> a way it prints
    for phrase, printed in _printed_phrases():
        # (its pieces joined: a piece that is no ASCII, not 「\ufffd」, or a space, is so in the form;
        # _cell_forms asks again of most)
        form = _form(printed, damage)
        if _names_it(form) and " " not in form:  # (a no-break space: no GB2312 character holds 0xA0)
            by_form.setdefault(form, {}).setdefault(phrase, printed)
    forms: dict[str, tuple[str, str]] = {}
    for form, named in by_form.items():
        # a section's heading and its name without the ordinal print alike (「三、」 prints nothing
        # in 「三、收到和处理…情况」): standing alone, either is that heading
        titles = [t for t in SECTION_TITLES.values() if t in named and all(p in t for p in named)]
        if titles:
            forms[form] = (titles[0], titles[0])
        elif len(named) == 1:
            forms[form] = next(iter(named.items()))
    return forms, frozenset([form[:n] for form in forms for n in range(1, len(form) + 1)])


@lru_cache(maxsize=1)
def _printed_phrases() -> list[tuple[str, str]]:
    """The template's phrases and the ways real files print them: (phrase, as printed)."""
    pairs = []
    for phrase in template_phrases():
        variants = [phrase]
        for official, seen in DRIFTS:
            variants += [v.replace(official, seen) for v in variants if official in v]
        if phrase[:1].isdigit() and phrase[1:2] == ".":
            variants += [v[0] + mark + v[2:] for v in variants for mark in NUMBER_MARKS]
        pairs += [(phrase, v) for v in variants]
    return pairs


@lru_cache(maxsize=None)
def _printed_orders(damage: Damage) -> list[list[tuple[str, tuple[tuple[str, ...], ...]]]]:
    """Per template and table, the phrases its printed grid shows in reading order (a block's
    heading and header cells before its rows, a group's label before its first row), each with
    the cells it may print as (_cell_forms)."""
    orders = []
    for tables in TEMPLATES.values():
        for table in tables.values():
            order: list[str] = [table.title]
            if table.section == "section3":
                order += ["申请人情况", table.rows[0].columns[0].label, "法人或其他组织", table.rows[0].columns[-1].label,
                          *(c.label for c in table.rows[0].columns[1:-1])]
            if table.section == "section4":
                columns = [c.label for c in table.rows[0].columns]
                order += [table.rows[0].label, table.rows[1].group, *columns,
                          *(r.label for r in table.rows[1:]), *columns, *columns]
            else:
                seen: set[str] = set()
                for row in table.rows:
                    if row.block and row.block not in seen:
                        seen.add(row.block)
                        order += [row.block, "信息内容", *(c.label for c in row.columns)]
                    if row.group and row.group not in seen:
                        seen.add(row.group)
                        order.append(row.group)
                    order.append(row.label)
            orders.append([(phrase, _cell_forms(phrase, damage)) for phrase in order])
    return orders


def restore(text: str, damage: Damage = damaged, digit_units: bool = False) -> str:
    """The text with the template's phrases standing alone put back, the rest marked (`damage`:
    how lynx printed a phrase standing alone; `digit_units`: a digit alone before a count's unit
    is a count, where no unit prints as a row's number mark does: 「3、其他」 unlike 「3件」)."""
    spans: list[tuple[int, int, str]] = []  # (start, end, text put back)
    anchors: list[tuple[int, str]] = []  # (index in spans, phrase)
    units = _count_units(damage)
    for match in _numbers_and_marks(text):
        # a count's unit put back; any other lost characters after a number (「元」 or 「万元」 of a
        # fee) a cell of their own, unreadable: the number is read, its row flagged
        spans.append((match.start(2), match.end(2), units.get(match.group(2), " " + LOST_CELL)))
    counted: set[int] = set()  # where a digit alone and its unit put back start
    if digit_units:
        for match in re.finditer(_DIGIT_AND_MARK, text):
            if match.group(2) in units:
                spans.append((match.start(2), match.end(2), units[match.group(2)]))
                counted.add(match.start())
    taken = {start for start, _, _ in spans}
    for start, end, phrase, printed in _standing_alone(text, taken, damage):
        anchors.append((len(spans), phrase))
        spans.append((start, end, _wrapped(printed, text[start:end], damage)))
    _place_by_order(text, spans, anchors, damage, counted)
    out, at = [], 0
    for start, end, put in sorted(spans):
        out.append(_marked(text, at, start))
        out.append(put)
        at = end
    out.append(_marked(text, at, len(text)))
    return "".join(out)


def _wrapped(printed: str, found: str, damage: Damage) -> str:
    """The phrase put back with the white space lynx printed inside its damaged form (a label
    wrapped in its cell) where lynx printed it: after the phrase's characters whose damaged form
    printed before it, so that each line holds a piece of the label, as lynx prints a label it read
    right. (White space after the whole phrase would leave lines of white space only, which a table
    printed a cell a line reads as blank cells.) A label printed a character a line (a group's
    label in its narrow cell spanning rows) is put back whole on its first line, the white space
    after it: the parser finds a group's label whole."""
    if not any(c.isspace() for c in found):
        return printed
    pieces, taken, printed_before, left = [], 0, 0, ""
    for part in _SPACES.split(found):
        if not part.isspace():
            printed_before += len(part)
            continue
        # the most characters whose form printed no more than the parts before the white space,
        # one at least and one left after it (a character may print nothing: its place is a guess)
        at = taken + 1
        if at >= len(printed):
            left += part  # (no character left to follow it)
            continue
        while at + 1 < len(printed) and len(_form(printed[:at + 1], damage)) <= printed_before:
            at += 1
        pieces += [printed[taken:at], part]
        taken = at
    pieces.append(printed[taken:])
    lines = pieces[::2]
    if len(lines) > 2 and max(map(len, lines)) <= 2:  # a character a line
        return printed + "".join(pieces[1::2]) + left
    return "".join(pieces) + left


_SPACES = re.compile(r"(\s+)")


@lru_cache(maxsize=None)
def _cell_forms(phrase: str, damage: Damage) -> tuple[tuple[str, ...], ...]:
    """The ways a phrase prints as cells: as one cell (the damaged form of it or of a way real files
    print it, holding a character that is no ASCII, or a row's number alone: 「3.」 of 「3.其他」) or
    none (nothing, or other ASCII: 「其他结果」), or printed vertically, a character a line, a cell per
    character printing some (each character alone, nothing open before it)."""
    ways: list[tuple[str, ...]] = []
    for printed in _variants().get(phrase, (phrase,)):
        whole = _form(printed, damage)
        way = (whole,) if not whole.isascii() or _NUMBERED.fullmatch(whole) else ()
        if way not in ways:
            ways.append(way)
    chars = tuple(form for form in (_form(char, damage) for char in phrase) if form)
    if len(chars) > 1 and all(not form.isascii() for form in chars):
        ways.append(chars)
    return tuple(ways)


@lru_cache(maxsize=1)
def _variants() -> dict[str, list[str]]:
    """Per template phrase, the ways real files print it."""
    variants: dict[str, list[str]] = {}
    for phrase, printed in _printed_phrases():
        variants.setdefault(phrase, []).append(printed)
    return variants


# A row's number alone, its words lost (「3.其他」 prints 「3.」): a cell to place, no value
_NUMBERED = re.compile(r"\d\.")


def _standing_alone(text: str, taken: set[int], damage: Damage):
    """(start, end, phrase, as printed) of each phrase printed standing alone: its damaged form
    between ASCII characters (or the text's ends), so that nothing was open before it and its open
    tail was dropped; longest first. The form may run over ASCII (「1\ufffd\ufffdڹ」 of 「1、属于国家秘密」)
    and over white space holding one line break at most (lynx wraps a long label in its cell; a
    blank line parts two cells)."""
    forms, beginnings = _phrases(damage)
    runs = [(m.start(), m.end()) for m in _LOST.finditer(text)]
    done = 0  # where the last phrase found ends
    i = 0
    while i < len(runs):
        first = runs[i][0]
        if first in taken or first < done:
            i += 1
            continue
        lead = first  # the ASCII (not white space) right before the run: a form may open with it
        while lead > done and not text[lead - 1].isspace() and text[lead - 1].isascii():
            lead -= 1
        best = None
        for opening in range(lead, first + 1):
            key = text[opening:first]
            j = i
            while j < len(runs):
                start, end = runs[j]
                if j > i:
                    between = text[runs[j - 1][1]:start]
                    if between.isspace():
                        if between.count("\n") > 1:
                            break
                    elif any(c.isspace() for c in between):
                        break
                    else:
                        key += between
                key += text[start:end]
                if key not in beginnings:
                    break
                after = end  # the form may close on ASCII before the next white space or run
                while True:
                    found = forms.get(key + text[end:after])
                    if found is not None and (best is None or after > best[1]):
                        best = (opening, after, *found)
                    if after >= len(text) or text[after].isspace() or not text[after].isascii() \
                            or key + text[end:after + 1] not in beginnings:
                        break
                    after += 1
                j += 1
        if best is None:
            i += 1
            continue
        yield best
        done = best[1]
        while i < len(runs) and runs[i][0] < done:
            i += 1


def _place_by_order(text: str, spans: list[tuple[int, int, str]], anchors: list[tuple[int, str]],
                    damage: Damage, counted: set[int]) -> None:
    """Put back the cells between two phrases found whose damaged forms name no phrase alone (「规章」
    prints 「\ufffd」 as many words do) where the template's order pins them: the phrases the
    template prints between those two, each printing as its cell or cells (printed vertically,
    a character a line), all the cells there and nothing else. A digit and a lost character may be
    a count and its unit (「6个」) or a row's number (「3、其他」): a value or a cell, whichever fits."""
    orders = _order_places(damage)
    units = _count_units(damage)
    for (first, before), (second, after) in zip(anchors, anchors[1:]):
        cells = [m for m in _CHUNK.finditer(text, spans[first][1], spans[second][0])
                 if (not m.group().isascii() or _NUMBERED.fullmatch(m.group()))
                 and not _NUMBER_AND_MARK.fullmatch(m.group()) and m.start() not in counted]
        if not cells or len(cells) > 24:
            continue
        forms = tuple(cell.group() for cell in cells)
        maybe_values = tuple(f[:1].isdigit() and f[1:] in units for f in forms)
        fits = set()
        for order, names, places in orders:
            for i in places.get(before, ()):
                for j in range(i + 1, min(len(names), i + 8 + len(cells))):  # (some print no cell)
                    if names[j] == after:
                        fits.update(_fits(order[i + 1:j], forms, maybe_values, 0))
        if len(fits) == 1:
            labels: set[int] = set()
            for phrase, at, count in fits.pop():
                spans.append((cells[at].start(), cells[at].end(), phrase))
                spans += [(cell.start(), cell.end(), "") for cell in cells[at + 1:at + count]]
                labels.update(range(at, at + count))
            for at, cell in enumerate(cells):  # a count and its unit, then: the unit put back
                if maybe_values[at] and at not in labels:
                    spans.append((cell.start() + 1, cell.end(), units[forms[at][1:]]))


@lru_cache(maxsize=None)
def _order_places(damage: Damage) -> list[tuple[list, list[str], dict[str, list[int]]]]:
    """_printed_orders with each order's phrases and where each phrase stands in it (asked for
    every two phrases found)."""
    out = []
    for order in _printed_orders(damage):
        names = [phrase for phrase, _ in order]
        places: dict[str, list[int]] = {}
        for i, name in enumerate(names):
            places.setdefault(name, []).append(i)
        out.append((order, names, places))
    return out


def _fits(order, forms: tuple[str, ...], maybe_values: tuple[bool, ...], at: int) -> list[tuple]:
    """The ways the phrases of `order`, in turn, print exactly the cells forms[at:] (but those that
    may be values): per phrase that printed some, (phrase, its first cell, the cells it takes)."""
    if at < len(forms) and maybe_values[at]:
        found = _fits(order, forms, maybe_values, at + 1)  # (a value)
    else:
        found = []
    if not order:
        return found + ([()] if at == len(forms) else [])
    (phrase, ways), rest = order[0], order[1:]
    for way in ways:
        if forms[at:at + len(way)] == way:
            placed = ((phrase, at, len(way)),) if way else ()
            found += [placed + tail for tail in _fits(rest, forms, maybe_values, at + len(way))]
    return found


_CHUNK = re.compile(r"\S+")

# A cell of a number of two digits or more and what follows it up to white space. (A digit alone
# before a lost character may be a row's number, 「3、其他」 printing 「3\ufffd\ufffd」 as 「3件」 does:
# left as it is.)
_NUMBER_AND_MARK = re.compile(r"(?<!\S)([+\-]?\d[\d,]*\d(?:\.\d+)?|\d\.\d+)([^\x00-\x7f]+)(?!\S)")
# A digit right before a character that is no ASCII: every match of _NUMBER_AND_MARK holds one
# (its number's last digit and its mark's first character), and a long text few
_DIGIT_THEN_LOST = re.compile(r"\d[^\x00-\x7f]")


def _numbers_and_marks(text: str) -> Iterator[re.Match]:
    """_NUMBER_AND_MARK.finditer(text), the pattern tried only at the start of a run of characters
    that are no white space holding a digit right before one that is no ASCII (opening on no one
    character, it is slow to try at every place of a long text). A match opens such a run (its
    number's characters are no white space, its mark's first is no ASCII), so the first such digit
    found past the match before leads back to the next match's start. (A mark may run on over
    white space that is no ASCII: digits inside the match before are passed over.)"""
    done, tried = 0, -1
    last = run = 0  # the last digit walked back from and its run's start: text[run:last] no white space
    for digit in _DIGIT_THEN_LOST.finditer(text):
        start = at = digit.start()
        if start < done:
            continue
        while at > last and not text[at - 1].isspace():  # (str.isspace is the pattern's \s)
            at -= 1
        if at == last:
            at = run  # (walked back to the last digit: its run goes on; each character walked once)
        last, run, start = start, at, at
        if start != tried:
            tried = start
            match = _NUMBER_AND_MARK.match(text, start)
            if match:
                done = match.end()
                yield match


# A digit alone and what follows it up to white space (compiled when first asked for: digit_units only)
_DIGIT_AND_MARK = r"(?<!\S)(\d)([^\x00-\x7f]+)(?!\S)"
COUNT_UNITS = ("件", "个", "项", "条", "次", "宗", "人次")
AMOUNT_UNITS = ("万元", "元", "万")


@lru_cache(maxsize=None)
def _count_units(damage: Damage) -> dict[str, str]:
    """The damaged forms of the units a number prints after its digits: a count's, each printed by
    no amount's unit, and an amount's printed by no other unit (here 「元」 and 「万元」 print alike:
    a fee's unit stays lost, and its cell unread; lossy_gb2312.py's tell them apart)."""
    amounts = [_form(unit, damage) for unit in AMOUNT_UNITS]
    units: dict[str, str] = {}
    for unit in COUNT_UNITS:
        form = _form(unit, damage)
        if form and form not in amounts:
            units.setdefault(form, unit)
    for unit, form in zip(AMOUNT_UNITS, amounts):
        if form and amounts.count(form) == 1 and form not in units:
            units[form] = unit
    return units


def _marked(text: str, start: int, end: int) -> str:
    """The text between phrases put back: each run of characters that are no ASCII a mark a
    character, or one unreadable cell where the run stands alone."""
    def mark(match: re.Match) -> str:
        if stands_alone(text, start + match.start(), start + match.end()):
            return LOST_CELL
        return LOST_MARK * len(match.group())

    return _LOST.sub(mark, text[start:end])


_LOST = re.compile(r"[^\x00-\x7f]+")


def read_as_utf8(data: bytes) -> str | None:
    """The text lynx printed of a GBK page it read as UTF-8, or None for any other bytes: many
    「\ufffd」, hardly any Chinese, the characters that survived mostly two-byte ones
    (U+0080–U+07FF: Cyrillic, Hebrew, Arabic… where a report has none)."""
    replacements = data.count(b"\xef\xbf\xbd")
    if replacements < 50:
        return None
    text = data.decode("utf-8", "surrogateescape")
    sample = text[:20000]
    two_byte = len(_TWO_BYTE.findall(sample))
    chinese = len(_CHINESE.findall(sample))
    if two_byte < 20 or chinese * 4 > two_byte or sample.count(REPLACEMENT) < 50:
        return None
    return text


_TWO_BYTE = re.compile("[\u0100-\u07ff]")
_CHINESE = re.compile("[\u4e00-\u9fff]")
