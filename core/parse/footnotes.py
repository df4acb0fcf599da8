"""A note an agency prints right under 表三 or 表四 (「注：1.本表……网上申请 18 件，信函申请 5 件……」,
「注：复议后起诉的 16 件中，3 件尚未审结……」): its counts are no cells of the table.

In a text whose lines are not a grid's rows (PDF text, a page's text), the note's counts standing
apart from their 件 (pdftotext prints a space between a digit and a CJK character) were read as
more values of the table's last row, or of 表四's one row: a row flagged as printing 11 of 7
values, 表四 as printing 16 of 15, where the table is right. `footnote_lines` finds the note's
lines so that the parser reads the table without them: a line opening with 注： or 备注：,
after a row of the table (a line printing four counts or more, each standing alone), and the
lines after it up to the section's end (or the next page, where the table may go on), none of
them such a row. A note printed above the table, or amid its rows, is left as it is.
"""
from __future__ import annotations

import re

from core.readers.document import Document, Line

_NOTE = re.compile(r"[ \t\u3000]*备?注[：:]")
# a count standing alone, between spaces, not a sentence's (「18 件」「2024 年」, as pdftotext spaces them)
_COUNT = re.compile(r"(?<!\S)[0-9０-９]+(?!\S)(?![ \t]*[件个项次人年月日])")
ROW_COUNTS = 4  # a table's row prints this many counts at least (表三's 7, 表四's 15 or a group's 5)


def _has_note(text: str, start: int, stop: int) -> bool:
    """Whether text[start:stop] prints 注： or 注: (备注： too), by str.find (a regex's
    search of a section's text costs more than the whole of this reading on most reports)."""
    at = text.find("注", start, stop)
    while at >= 0:
        if text[at + 1:at + 2] in ("：", ":"):
            return True
        at = text.find("注", at + 1, stop)
    return False


def _text(line: Line) -> str:
    return " ".join([c.text for c in line.cells])


def _is_row(line: Line) -> bool:
    return len(_COUNT.findall(_text(line))) >= ROW_COUNTS


def footnote_lines(doc: Document, regions: dict[int, tuple[int, int] | None]) -> list[int]:
    """The lines of the notes printed under 表三 and 表四 (regions[n]: the section's first and end
    line, or None), as described above."""
    lines, text = doc.lines, doc.text
    out: list[int] = []
    for n in (3, 4):
        span = regions.get(n)
        if not span:
            continue
        first, end = span[0], min(span[1], len(lines))
        start = lines[first].cells[0].start if lines[first].cells else 0
        stop = lines[end].cells[0].start if end < len(lines) and lines[end].cells else len(text)
        if not _has_note(text, start, stop):  # (nearly every report: no note)
            continue
        row_seen = False
        for i in range(first, end):
            line = lines[i]
            if not line.cells:
                continue
            if not line.grid and row_seen and _NOTE.match(line.cells[0].text):
                page_end = next((p for p in doc.page_starts if i < p < end), end)
                if not any(map(_is_row, lines[i + 1:page_end])):
                    out.extend(range(i, page_end))
                break
            row_seen = row_seen or _is_row(line)
    return out
