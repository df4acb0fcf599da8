"""Find the six sections of a report, whatever the heading style.

Headings seen in the wild: "三、收到和处理…", "3、 …", "## 二、…", "（四）…行政复议和行政诉讼情况",
"因政府信息公开工作被申请行政复议和提起行政诉讼情况". A heading is a short line holding the section's
key phrase; long lines are prose that merely mention it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from core.readers.document import Line
from core.parse.memo import document_memo, remember
from core.parse.tokens import normalise

_ORDINALS = {1: "一1", 2: "二2", 3: "三3", 4: "四4", 5: "五5", 6: "六6"}
_HEADINGS = {
    1: (re.compile(r"总体情况|总体概况|概述"), 30),
    2: (re.compile(r"主动公开政府信息|主动公开情况"), 40),
    3: (re.compile(r"收到和处理政府信息公开申请|依申请公开政府信息情况|政府信息公开申请情况"), 45),
    4: (re.compile(r"行政复议.{0,8}(行政)?诉讼|复议.{0,3}诉讼情况"), 55),
    5: (re.compile(r"存在的主要问题|主要问题及改进|问题及改进情况"), 40),
    6: (re.compile(r"其他需要报告的事项|其他需要报告|其他事项"), 30),
}
_HEADING_WORD_LIST = ("情况", "问题", "事项", "概述", "概况")
# A centred heading is often typed with spaces between its characters (「二 、 主 动 公 开 … 情 况」,
# or full-width spaces): a heading word's two characters may stand up to three spaces apart.
_SPACES = " \u3000\xa0"
_GAP = 3
_SPACE_SET = frozenset(_SPACES)
_HEADING_WORDS = re.compile("|".join(f"{w[0]}[{_SPACES}]{{0,{_GAP}}}{w[1]}" for w in _HEADING_WORD_LIST))
# (the words as printed alone: the search of a text holding no spaced word, most reports)
_UNSPACED_HEADING_WORDS = re.compile("|".join(_HEADING_WORD_LIST))
# each heading word's first character -> the characters that complete a word after it
_WORD_ENDS = {word[0]: tuple(w[1] for w in _HEADING_WORD_LIST if w[0] == word[0]) for word in _HEADING_WORD_LIST}
_WHITE_SPACE = re.compile(r"\s+")
_PREFIX = re.compile(r"^[#\s*>]*(第?[一二三四五六1-6][、.．,，\s部分]|[（(][一二三四五六1-6][)）])")


@dataclass
class Sections:
    heading_lines: dict[int, int]  # section number -> index of its heading line
    # the headings of 三 and 四 again (with their ordinals) after the last section found: a second
    # report on the page (a column page listing two years), whose tables are not this one's
    another_report: bool = False

    def span(self, number: int, total_lines: int) -> tuple[int, int] | None:
        """Line range [first, last) of a section: from its heading to the next heading found."""
        if number not in self.heading_lines:
            return None
        first = self.heading_lines[number]
        later = [i for n, i in self.heading_lines.items() if i > first]
        return first, min(later) if later else total_lines


def line_text(line: Line) -> str:
    """Line.text, built faster: a one-cell line's text as it is, cells joined from a list (a
    generator joins slower). The head and the headings are looked for in every line of a report."""
    cells = line.cells
    return cells[0].text if len(cells) == 1 else " ".join([c.text for c in cells])


def _heading_text(raw: str) -> str:
    """A line's text (line_text) as headings are matched: normalised, no white space."""
    return _WHITE_SPACE.sub("", normalise(raw)).strip("#*|")


def _lines_with_heading_words(lines: list[Line], text: str) -> tuple[list[int] | None, bool]:
    """The lines a cell of which may hold a heading word, in order: those of every heading word
    in `text` (each line one part of it, ended by a line break, its cells at their offsets). No
    two heading words can overlap (none ends with a character another begins with), so a word in
    a cell is found in the text. None when a word found lies in no cell of the line its line
    breaks say (a cell holding a line break): then every line is looked at."""
    found: list[int] = []
    index = at = 0
    count = text.count
    starts, spaced_ends = _heading_word_starts(text)
    for start in starts:
        end = spaced_ends.get(start, start + 2) if spaced_ends else start + 2
        index += count("\n", at, start)
        at = start
        if found and found[-1] == index:
            continue
        cells = lines[index].cells if index < len(lines) else None
        if not cells or start < cells[0].start or end > cells[-1].end:
            return None, True
        found.append(index)
    return found, bool(spaced_ends)


def _heading_word_starts(text: str) -> tuple[list[int], dict[int, int]]:
    """Where _HEADING_WORDS.finditer(text) finds its matches, in order, and the end of each spaced
    out (「情 况」; the others are two characters long): every place of a word's first character that
    the next character (past up to _GAP spaces) completes a word after, found
    by str.find (a regex tries its four first characters at every character of the text; str.find
    scans for one character some three times as fast as for two, and these characters are few in a
    report). The same places: no two of the words can overlap (see _lines_with_heading_words)."""
    starts: list[int] = []
    spaced: dict[int, int] = {}
    find = text.find
    for first, ends in _WORD_ENDS.items():
        at = find(first)
        while at >= 0:
            after = text[at + 1:at + 2]
            if after in ends:
                starts.append(at)
            elif after in _SPACE_SET:
                end = at + 2
                while end <= at + _GAP and text[end:end + 1] in _SPACE_SET:
                    end += 1
                if text[end:end + 1] in ends:
                    starts.append(at)
                    spaced[at] = end + 1
            at = find(first, at + 1)
    starts.sort()
    return starts, spaced


def names_a_heading_word(text: str) -> bool:
    """Whether the text holds a heading word, printed whole or spaced out: find_sections looks at
    no line holding none."""
    return bool(_heading_word_starts(text)[0])


def _headings_matched(raw: str) -> tuple[tuple[int, bool], ...]:
    """(section number, whether the line's ordinal is the section's) of every section whose
    heading a line's text (line_text) may be."""
    heading = _heading_text(raw)
    if not heading or len(heading) > 60:
        return ()
    prefix = _PREFIX.match(heading)
    return tuple((number, prefix is not None and any(ch in prefix.group() for ch in _ORDINALS[number]))
                 for number, (pattern, limit) in _HEADINGS.items()
                 if len(heading) <= limit and pattern.search(heading))


def _wrapped_heading(previous: Line, raw: str) -> tuple[int, ...]:
    """The sections whose heading, ordinal and all, `previous` (a line of one cell) begins and the
    line after it (text `raw`, holding the heading word) ends: a heading in a table's narrow cell,
    which w3m wraps over two lines ("三、收到和处理政府信息公" / "开申请情况"). Only with the
    section's own ordinal: the two halves of a row label or of prose read as no heading."""
    if len(previous.cells) != 1 or len(raw) > 30:
        return ()
    head = previous.cells[0].text
    # (looked at as printed first: normalising every short line holding a heading word costs more
    # than finding the headings; an ordinal is printed with one of these characters first)
    if len(head) > 40 or head.lstrip(_LEADING)[:1] not in _ORDINAL_FIRST:
        return ()
    if raw.lstrip(_LEADING)[:1] in _ORDINAL_FIRST and _PREFIX.match(_heading_text(raw)):
        return ()  # (a line beginning with an ordinal is a heading or row label of its own)
    return tuple(number for number, ordinal_ok in _headings_matched(head.strip() + raw.strip()) if ordinal_ok)


_LEADING = " \t\u3000#*>"
_ORDINAL_FIRST = frozenset("第一二三四五六123456１２３４５６（(")


# A table of contents (目录) names the sections with their page numbers, a tab or dot leaders between
# (「三、收到和处理政府信息公开申请情况\t3」, Word's TOC field): such lines, three sections' at least,
# start no section; nor do headings listed line after line, each printed again further on (a web
# page's links to its sections).
# Taken for the headings, they made the report a table of contents followed by
# "another report", its tables not found.
_PAGE_AFTER = re.compile(r"(?:\s|[.…·．_\-]{2,})\s*\d{1,3}$")
_CONTENTS_ENTRIES = 3


def _contents_entries(candidates: dict[int, list[tuple[int, bool]]], paged: list[tuple[int, int]]) -> set[int]:
    """The lines of a table of contents: headings a page number follows, three sections' at least;
    or headings with their ordinals on consecutive lines, three sections in order at least, each
    printed again as a heading further on (a web page's list of links to its sections)."""
    entries = {index for index, _ in paged} if len({number for _, number in paged}) >= _CONTENTS_ENTRIES else set()
    section_at: dict[int, int] = {}
    last_at: dict[int, int] = {}  # section -> its last heading line with its ordinal
    for number, found_in in candidates.items():
        for index, ordinal_ok in found_in:
            if ordinal_ok:
                section_at.setdefault(index, number)
                last_at[number] = max(last_at.get(number, index), index)
    run: list[int] = []
    for index in sorted(section_at) + [-1]:
        if run and (index != run[-1] + 1 or section_at[index] <= section_at[run[-1]]):
            if len(run) >= _CONTENTS_ENTRIES and all(last_at[section_at[i]] > run[-1] for i in run):
                entries.update(run)
            run = []
        if index >= 0:
            run.append(index)
    return entries


# line text -> _headings_matched of it: the headings and the table's row labels naming 情况 recur
# in every report of a template
_MATCHED: dict[str, tuple[tuple[int, bool], ...]] = document_memo()


def find_sections(lines: list[Line], text: str | None = None) -> Sections:
    """The sections' heading lines. `text`, the Document's text the lines' cells are offsets into,
    when given, points at the lines holding a heading word (looked for once in the whole text,
    not line by line: a report's lines are mostly prose and table rows holding none)."""
    candidates: dict[int, list[tuple[int, bool]]] = {n: [] for n in _HEADINGS}
    contents: list[tuple[int, int]] = []  # (line, section) of headings a page number follows
    indices, spaced = _lines_with_heading_words(lines, text) if text is not None else (None, True)
    search = _HEADING_WORDS.search if spaced else _UNSPACED_HEADING_WORDS.search
    for index in range(len(lines)) if indices is None else indices:
        cells = lines[index].cells
        if len(cells) == 1:
            raw = cells[0].text
        else:  # (a row of a table: its cells joined only when one holds a heading word, which
            # no join can make, the cells being joined by spaces)
            for cell in cells:
                if search(cell.text):
                    break
            else:
                continue
            raw = " ".join([c.text for c in cells])
        if len(raw) > 200 or not search(raw):
            continue  # cheap tests before normalising: a paragraph, or no heading word at all
        matched = _MATCHED.get(raw)
        if matched is None:
            matched = remember(_MATCHED, raw, _headings_matched(raw))
        for number, ordinal_ok in matched:
            candidates[number].append((index, ordinal_ok))
        if matched and raw[-1:].isdigit() and _PAGE_AFTER.search(raw):
            contents.append((index, matched[0][0]))
        if index and not matched:  # (a line naming a section itself is no heading's tail)
            for number in _wrapped_heading(lines[index - 1], raw):
                candidates[number].append((index - 1, True))
    entries = _contents_entries(candidates, contents)
    if entries:
        candidates = {n: [c for c in found_in if c[0] not in entries] for n, found_in in candidates.items()}
    found: dict[int, int] = {}
    after = -1
    for number in sorted(candidates):
        options = [(i, ok) for i, ok in candidates[number] if i > after]
        if not options:
            continue
        # Prefer a heading with the right ordinal ("三、"), else the first short mention.
        with_ordinal = [i for i, ok in options if ok]
        index = with_ordinal[0] if with_ordinal else options[0][0]
        found[number] = index
        after = index
    again = [n for n in (3, 4) if any(ok and i > after for i, ok in candidates[n])]
    return Sections(found, another_report=len(found) == 6 and again == [3, 4])
