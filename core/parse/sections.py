"""Find the six sections of a report, whatever the heading style.

Headings seen in the wild: "三、收到和处理…", "3、 …", "## 二、…", "（四）…行政复议和行政诉讼情况",
"因政府信息公开工作被申请行政复议和提起行政诉讼情况". A heading is a short line holding the section's
key phrase; long lines are prose that merely mention it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from core.readers.document import Line
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
_HEADING_WORDS = re.compile(r"情况|问题|事项|概述|概况")
_WHITE_SPACE = re.compile(r"\s+")
_PREFIX = re.compile(r"^[#\s*>]*(第?[一二三四五六1-6][、.．,，\s部分]|[（(][一二三四五六1-6][)）])")


@dataclass
class Sections:
    heading_lines: dict[int, int]  # section number -> index of its heading line

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


def find_sections(lines: list[Line]) -> Sections:
    candidates: dict[int, list[tuple[int, bool]]] = {n: [] for n in _HEADINGS}
    search = _HEADING_WORDS.search
    for index, line in enumerate(lines):
        cells = line.cells
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
        text = _heading_text(raw)
        if not text or len(text) > 60:
            continue
        prefix = _PREFIX.match(text)
        for number, (pattern, limit) in _HEADINGS.items():
            if len(text) <= limit and pattern.search(text):
                ordinal_ok = bool(prefix) and any(ch in prefix.group() for ch in _ORDINALS[number])
                candidates[number].append((index, ordinal_ok))
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
    return Sections(found)
