"""What a reader hands the parser: the file's text and its rows of cells, whatever the format.

Every reader renders its format to one display ``text`` (what the source pane shows) and a list
of ``Line`` objects in document order. A line is a paragraph or a table row; its cells carry
offsets into ``text`` so that every parsed number can point back at where it came from.

A grid row whose cells are merged over several grid positions is a ``MergedLine``: its ``merges``
say which cells cover more than one column, or stand under a cell merged down from a row above.

``Line.grid`` is True when the cells come from a real table grid (HTML, DOCX, a PDF table): there
an empty cell is a printed blank. In plain text, empty fields may be merged cells or padding, so
they mean nothing. A grid of the file's own (a web page's, a Word file's, a PDF's ruled cells) shows
every cell of a row; one a converter drew may not (``Document.rows_cut_to_columns``; pandoc's pipe
tables in a text file).

A plain text's lines are made when first asked for (``Document.deferred``): parse tells a text
holding no report (a program's log, a CSV of numbers) from its text and its first lines alone.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import repeat
from typing import TYPE_CHECKING, Callable, Optional

# A text report's hundreds of one-cell lines are made without running Cell's and Line's __init__
# (TextBuilder.add_tab_lines): an object made bare and its fields set runs no Python frame, and
# every text report is read so (-1.2 % of the instructions of a report met for the first time).
_new = object.__new__


@dataclass(slots=True)
class Cell:
    text: str
    start: int  # offset of the cell's text in Document.text
    end: int


@dataclass(slots=True)  # (hundreds a report, read in every parse stage: no __dict__ to make or look in)
class Line:
    cells: list[Cell]
    grid: bool = False

    def __setstate__(self, state) -> None:
        """Unpickled: from (None, slots) as a Line pickles now, or from the attribute dict a Line
        pickled before it had slots (the parse snapshots hold such Lines)."""
        for name, value in (state[1] if isinstance(state, tuple) else state).items():
            object.__setattr__(self, name, value)

    @property
    def text(self) -> str:
        return " ".join(c.text for c in self.cells)


@dataclass(slots=True, frozen=True)
class Merge:
    """A cell of a file's own table grid merged over more than one grid position (HTML's colspan /
    rowspan, Word's w:gridSpan / w:vMerge). The file holds it once, in the row and column it
    starts in; the parser decides what it means for each cell it covers (a merged 0 is a 0 in
    each of 表三's columns under it, where 表二's template merges its own value cells)."""
    at: int  # in its own row, the cell's index in the line's cells; in a row below, the index of
    # the cell the merge's part in this row stands before (len(cells): after the last)
    cell: Cell  # the merged cell as its own row holds it (its text and offsets)
    columns: int  # the grid columns it covers
    own: bool  # whether this line is the row it starts in


@dataclass(slots=True)
class MergedLine(Line):
    """A grid row holding a merged cell or a part of one merged in a row above (only such rows are
    made so: a Line holds no merges, and costs nothing more)."""
    merges: tuple[Merge, ...] = ()


@dataclass
class Document:
    path: str
    format: str  # txt | md | csv | html | mht | docx | pdf | doc | wps | rtf | odt | ...
    encoding: str | None = None
    text: str = ""
    lines: list[Line] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # Chinese, one per problem
    # lines that begin a page, where the text marks pages (pdftotext's form feeds): a number alone
    # beside a page break may be the page's number in its footer or header, not a cell
    page_starts: tuple[int, ...] = ()
    # a grid's rows as a writer cut them to its table's columns (pandoc's web page of a Word table:
    # a row printing 8 cells shows 7, no trace of the one cut); a grid read as drawn shows every cell
    rows_cut_to_columns: bool = False

    @classmethod
    def deferred(cls, path: str, fmt: str, encoding: str | None, text: str,
                 make_lines: Callable[[Optional[int]], list[Line]], problems: list[str],
                 page_starts: tuple[int, ...] = ()) -> Document:
        """A Document whose lines are made by `make_lines` (the first `count` of them, or all for
        None) when first asked for: a file that is no report (a program's log, a CSV of numbers,
        tens of thousands of lines) is told from its text alone, and a Line and its Cells made for
        each of its lines would cost more than all the rest (parse asks only first_lines of it)."""
        document = cls(path, fmt, encoding, text, [], problems, page_starts)
        del document.lines  # (made by __getattr__ when first asked for)
        document.__dict__["_make_lines"] = make_lines
        return document

    if not TYPE_CHECKING:  # (hidden from mypy: it would take any misspelt attribute for a list of lines)
        def __getattr__(self, name: str):
            """Only asked for an attribute the Document does not hold: the lines of a deferred
            one, made now and kept."""
            if name == "lines":
                make = self.__dict__.pop("_make_lines", None)
                if make is not None:
                    lines = self.__dict__["lines"] = make(None)
                    return lines
            raise AttributeError(f"'Document' object has no attribute '{name}'")

    def __getstate__(self) -> dict[str, object]:
        """Pickled with its lines made (their maker is no value to store)."""
        self.lines  # noqa: B018 - (made, if deferred)
        return self.__dict__

    def first_lines(self, count: int) -> list[Line]:
        """``lines[:count]``, the rest of a deferred Document's lines left unmade."""
        make = self.__dict__.get("_make_lines")
        return self.lines[:count] if make is None else make(count)


class TextBuilder:
    """Builds a Document's text and lines together so offsets always agree."""

    def __init__(self) -> None:
        self._parts: list[str] = []  # one per line, without its newline
        self._length = 0
        self.lines: list[Line] = []

    def add_line(self, cells: list[str], grid: bool = False, sep: str = "\t", framed: bool = False) -> None:
        """A line of these fields joined by `sep`; `framed`: the first field and the last are the
        text before the first separator and after the last one ("| a | b |"), not cells."""
        # Called for every line of every report: the common one-cell line takes no loop.
        position = self._length
        if len(cells) == 1:
            cell = cells[0]
            end = position + len(cell)
            self._parts.append(cell)
            self._length = end + 1
            self.lines.append(Line([Cell(cell, position, end)], grid))
            return
        text = sep.join(cells)
        self._parts.append(text)
        self._length = position + len(text) + 1
        built: list[Cell] = []
        step = len(sep)
        if framed:
            position += len(cells[0]) + step
            cells = cells[1:-1]
        for text in cells:  # (each Cell made bare: see _new)
            end = position + len(text)
            made = _new(Cell)
            made.text, made.start, made.end = text, position, end
            built.append(made)
            position = end + step
        self.lines.append(Line(built, grid))

    def extend_line(self, line: str, cells: list[str], first: int) -> None:
        """A physical line that goes on with the last line's row (a table row broken inside a
        cell): the line a line of the text, its cells (fields between pipes, the first at `first`
        in it) the row's. The first field ends the cell the last line's last one began, both
        blank ("…| 0|" then "| —"): that cell is kept."""
        position = self._length
        self._parts.append(line)
        self._length = position + len(line) + 1
        row = self.lines[-1].cells
        position += first + len(cells[0]) + 1
        for text in cells[1:]:
            end = position + len(text)
            row.append(Cell(text, position, end))
            position = end + 1

    def add_pieces(self, line: str, cuts: list[int], sep: str) -> None:
        """A physical line read as several lines, cut at the offsets `cuts`: a piece holding `sep`
        a grid row of the fields between, any other a line of one cell."""
        position = self._length
        self._parts.append(line)
        self._length = position + len(line) + 1
        bounds = [0, *cuts, len(line)]
        for low, high in zip(bounds, bounds[1:]):
            piece = line[low:high]
            fields = piece.split(sep) if sep in piece else [piece]
            cells, start = [], position + low
            for text in fields:
                cells.append(Cell(text, start, start + len(text)))
                start += len(text) + len(sep)
            self.lines.append(Line(cells, len(fields) > 1))

    def add_tab_lines(self, lines: list[str], tabbed: bool | None = None) -> None:
        """``add_line(line.split("\\t"))`` for every line (a text file's hundreds of lines, in
        one call; a line holding no tab is not split). `tabbed`: whether any line holds a tab,
        where the caller knows (looked for in their join otherwise)."""
        position = self._length
        append = self.lines.append
        if tabbed is None:
            tabbed = "\t" in "".join(lines)
        if not tabbed:  # (most texts hold no tab: no line asked, see _one_cell_lines)
            self._length = self._one_cell_lines(lines, position, self.lines.extend)
            self._parts.extend(lines)
            return
        for line in lines:
            end = position + len(line)
            if "\t" in line:
                cells, start = [], position
                for piece in line.split("\t"):  # (each Cell made bare: see _new)
                    cell = _new(Cell)
                    cell.text, cell.start, cell.end = piece, start, start + len(piece)
                    cells.append(cell)
                    start = cell.end + 1
            else:  # (Cell(line, position, end) and Line([cell]), made bare: see _new)
                cell = _new(Cell)
                cell.text, cell.start, cell.end = line, position, end
                cells = [cell]
            made = _new(Line)
            made.cells, made.grid = cells, False
            append(made)
            position = end + 1
        self._parts.extend(lines)
        self._length = position

    @staticmethod
    def _one_cell_lines(lines: list[str], position: int, extend) -> int:
        """add_tab_lines's lines when none holds a tab: each a Line of one Cell (both made bare,
        see _new), added by `extend`; the offset after the last line's newline. (All made bare
        at once, by map: -9 % of the instructions of the loop making each.)"""
        made_lines = list(map(_new, repeat(Line, len(lines))))
        for line, cell, made in zip(lines, map(_new, repeat(Cell)), made_lines):
            cell.text = line
            cell.start = position
            position += len(line)
            cell.end = position
            made.cells = [cell]
            made.grid = False
            position += 1
        extend(made_lines)
        return position

    @property
    def text(self) -> str:
        return "\n".join(self._parts) + "\n" if self._parts else ""
