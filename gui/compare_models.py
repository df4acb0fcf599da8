"""Models of the comparison views: one year's table of a comparison, and the 年度对照 grid.

``CompareTableModel`` shows one side (the previous or the current year) of one table in the
template layout of that year's own version, every value cell coloured by its kind of change.
It answers the same layout roles as ``TemplateTableModel`` so the review's table view and its
delegate draw it. What changed, and by how much, comes from core (``core.compare``).
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from core.compare.comparison import Comparison
from core.compare.diff import (CHANGE_COLOURS, CHANGE_LABELS, ONLY_ONE_VERSION_COLOUR, UNCHANGED, ZERO_BOTH,
                               CellChange)
from core.template import describe
from gui import compare_strings as text, palette, strings
from gui.compare_strings import why_this_copy
from gui.qt import QAbstractTableModel, QBrush, QColor, QFont, QModelIndex, Qt
from gui.session import format_number, shown_text
from gui.table_models import GridTableModel, TemplateTableModel, grid_cell_data
from gui.template_layout import T3_LABEL_COLUMNS, GridCell, grid_for

PREVIOUS, CURRENT = "previous", "current"


def change_brush(kind: str) -> Optional[QBrush]:
    colour = CHANGE_COLOURS.get(kind)
    return QBrush(QColor("#" + colour)) if colour else None


def format_delta(change: CellChange, separator: str = " ") -> str:
    """+285 (+10.1%); the percentage only where last year's value is not 0. In a cell the two
    go on two lines (separator "\n") to fit the narrow value columns."""
    if change.delta is None:
        return ""
    delta = format_number(change.delta)
    out = delta if delta.startswith("-") else "+" + delta
    if change.percent is not None:
        if separator == "\n":  # in the cell: whole percent from 10 % up, to fit the column
            out += "\n" + (f"{change.percent:+.0f}%" if abs(change.percent) >= 10 else f"{change.percent:+.1f}%")
        else:
            out += f"{separator}({change.percent:+.1f}%)"
    return out


class CompareTableModel(GridTableModel):
    # The layout roles of TemplateTableModel (the review's view and delegate read them).
    PathRole = TemplateTableModel.PathRole
    FlagsRole = TemplateTableModel.FlagsRole
    IsValueRole = TemplateTableModel.IsValueRole
    IsHeaderRole = TemplateTableModel.IsHeaderRole
    SpanRole = TemplateTableModel.SpanRole
    KindRole = TemplateTableModel.SpanRole + 20  # str: the kind of change ("" outside value cells)
    CorrectedRole = TemplateTableModel.CorrectedRole  # bool: the auditor corrected this value

    def __init__(self, comparison: Comparison, section: str, side: str, parent=None) -> None:
        super().__init__(parent)
        self.comparison = comparison
        self.section = section
        self.side = side
        review = comparison.previous if side == PREVIOUS else comparison.current
        self.review = review
        self.version = review.report.template
        self._grid = grid_for(self.version, section)
        self.show_delta = False
        self._bold = QFont()
        self._bold.setBold(True)
        self._label_brush = QBrush(QColor(palette.LABEL_BACKGROUND))
        self._only_brush = QBrush(QColor("#" + ONLY_ONE_VERSION_COLOUR))

    def set_comparison(self, comparison: Comparison) -> None:
        """The same pair drawn again (the reviews changed): same layout, new values and colours;
        the view keeps its selection and scroll position."""
        self.comparison = comparison
        self.review = comparison.previous if self.side == PREVIOUS else comparison.current
        self._every_cell_changed()

    def set_show_delta(self, on: bool) -> None:
        self.show_delta = on
        self._every_cell_changed()

    def change_of(self, path: str) -> Optional[CellChange]:
        return self.comparison.change_at(path, self.side)

    def row_changed(self, row: int) -> bool:
        """True when a value cell of the grid row changed (the 只看变化 filter keeps it), or holds
        a number only this template version has (2020's （六）其他处理 1 beside 2021's （六）1.
        逾期不补正 1: not the same in both years, and listed in the exports' 变化清单 too)."""
        for column in range(self._grid.columns):
            cell = self._grid.anchor(row, column)
            if cell is not None and cell.is_value:
                change = self.change_of(cell.path)
                if change is not None and change.changed:
                    return True
                if change is None and self.review.value(cell.path):
                    return True
        return False

    def row_has_values(self, row: int) -> bool:
        return any((c := self._grid.anchor(row, column)) is not None and c.is_value
                   for column in range(self._grid.columns))

    def headings(self) -> list[tuple[list[int], list[int]]]:
        """The table's blocks as (heading rows, value rows): a run of rows without values heads
        the value rows up to the next such run. A table of one block (表三, 表四) has its column
        headings there, not a heading of its own: none then."""
        blocks: list[tuple[list[int], list[int]]] = []
        for row in range(self._grid.rows):
            if self.row_has_values(row):
                if blocks:
                    blocks[-1][1].append(row)
            elif not blocks or blocks[-1][1]:
                blocks.append(([row], []))
            else:
                blocks[-1][0].append(row)
        return blocks if len(blocks) > 1 else []

    # --- QAbstractTableModel -------------------------------------------------------------------

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        cell = self.cell_at(index)
        if cell is None:
            return Qt.ItemFlag.NoItemFlags
        if cell.is_value:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable  # read-only
        return Qt.ItemFlag.ItemIsEnabled

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        cell = self.cell_at(index)
        if cell is None or role == self.FlagsRole:  # the comparison has no parse flags
            return None
        if role == Qt.ItemDataRole.DisplayRole and self.is_vertical_label(cell):
            # one character a line, as vertical text is set: the column is one character wide,
            # and 三、 wrapped as one piece was wider than it (cut to …本年度办理结果)
            return "\n".join(cell.text)
        if role == Qt.ItemDataRole.DisplayRole and self.is_narrow_heading(cell):
            # 表三's value columns are narrower than the review's (under four characters): a heading
            # set as printed, four characters a line (社会公益/组织, 商业企业), broke mid-word as
            # 社会公/益/组织, 商业企/业; two a line break it between its words (社会/公益/组织)
            words = cell.text.replace("\n", "")
            return "\n".join(words[i:i + 2] for i in range(0, len(words), 2))
        return grid_cell_data(self, cell, role)

    def is_narrow_heading(self, cell: GridCell) -> bool:
        """A heading of one of 表三's value columns longer than three characters."""
        return (self.section == "section3" and cell.header and cell.column_span == 1
                and cell.column >= T3_LABEL_COLUMNS and len(cell.text.replace("\n", "")) > 3)

    def is_vertical_label(self, cell: GridCell) -> bool:
        """表三's 三、本年度办理结果, down the first (narrow) column beside the result rows."""
        return (self.section == "section3" and cell.column == 0 and cell.row_span > 1
                and not cell.is_value and not cell.header)

    def shown(self, path: str) -> str:
        return shown_text(self.review, path)  # as the review shows it: "/" and "—" kept

    def _value_data(self, path: str, role: int):
        change = self.change_of(path)
        kind = change.kind if change is not None else ""
        if role == self.KindRole:
            return kind
        if role == self.CorrectedRole:
            return self.review.is_corrected(path)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.DisplayRole:
            if self.show_delta and self.side == CURRENT and change is not None and change.changed:
                return format_delta(change, "\n")
            return self.shown(path)
        if role == Qt.ItemDataRole.BackgroundRole:
            if change is None:
                return self._only_brush
            return change_brush(kind)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#000000")) if change is None or change.changed else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(self.explanation(path))
        return None

    def explanation(self, path: str) -> list[str]:
        """What the tooltip says of a value cell, a line each: its name, both years' values, the
        kind of change and the difference; 仅一版模板有 with which template; 审核中已修正 with
        the original. The window's cell line says the same for the cell under the keyboard."""
        change = self.change_of(path)
        report = self.review.report
        lines = [describe(self.version, path)]
        show = lambda v: strings.BLANK_VALUE if v is None else format_number(v)  # noqa: E731
        if change is None:
            lines.append(text.TIP_ONLY.format(year=report.year, template=strings.TEMPLATE_NAMES.get(
                self.version, self.version)))
            if self.review.is_corrected(path):
                lines.append(text.TIP_CORRECTED.format(year=report.year, original=show(self.review.original(path))))
            return lines
        previous = self.comparison.previous.report.year
        current = self.comparison.current.report.year
        lines.append(text.TIP_PREVIOUS.format(year=previous, value=show(change.previous)))
        lines.append(text.TIP_PREVIOUS.format(year=current, value=show(change.current)))
        lines.append(text.TIP_KIND.format(kind=CHANGE_LABELS.get(change.kind, change.kind)))
        if change.kind not in (UNCHANGED, ZERO_BOTH) and change.delta is not None:
            lines.append(text.TIP_DELTA.format(delta=format_delta(change)))
        # both years' corrections, whichever side the cell is read from (last year's side said
        # only its own: this year's correction, marked in the cell beside it, went unsaid)
        for year, review, own_path in ((previous, self.comparison.previous, change.previous_path),
                                       (current, self.comparison.current, change.path)):
            if own_path and review.is_corrected(own_path):
                lines.append(text.TIP_CORRECTED.format(year=year, original=show(review.original(own_path))))
        return lines


def _difference_text(cell: str, values: list) -> str:
    """表三「（一）予以公开」×「自然人」：1288 / 空白 (each copy's value, in the copies' order)."""
    from core.compare.frame import cell_label
    return text.YEARLY_COPY_DIFFERENCE.format(
        cell=cell_label(cell), values=" / ".join(format_number(v) or strings.BLANK_VALUE for v in values))


def unread_copies(copies: list) -> list[int]:
    """The numbers (1 for the first) of ``copies`` whose tables were not read whole
    (core.compare.years.read_whole, as the loading thread worked it out for each): no
    differences are counted against them."""
    from core.compare.years import read_whole_of
    return [n for n, review in enumerate(copies, 1) if not read_whole_of(review)]


def unread_note(copies: list, briefly: bool = False) -> str:
    """第2份无法完整读取（缺统计表），不与其他副本逐格比较; "" when every copy was read whole."""
    from core.readers.problems import problem_labels
    numbers = unread_copies(copies)
    if not numbers:
        return ""
    said = "、".join(str(n) for n in numbers)
    if briefly:
        return text.COPIES_UNREAD_BRIEFLY.format(numbers=said)
    labels = "、".join(dict.fromkeys(problem_labels(copies[n - 1].report.problems) or text.TABLE_READ_IN_PART
                                     for n in numbers))
    return text.COPIES_UNREAD.format(numbers=said, labels=labels)


def copies_differ(copies: list, differences: list) -> tuple[str, str]:
    """The status bar's words on how ``copies`` (a year filed twice) differ, whole and brief:
    ``differences`` are among the copies read whole; a copy not read whole is said apart."""
    whole = len(copies) - len(unread_copies(copies))
    differ = text.YEARLY_COPIES_NOTE_DIFFER.format(cells=len(differences), first=_difference_text(*differences[0])) \
        if differences else text.YEARLY_COPIES_NOTE_SAME
    briefly = text.YEARLY_COPIES_NOTE_CELLS.format(cells=len(differences)) if differences else differ
    if whole == len(copies):
        return differ, briefly
    unread = [unread_note(copies), unread_note(copies, briefly=True)]
    if whole < 2:
        return unread[0], unread[1]
    return f"{unread[0]}；{differ}", f"{unread[1]}；{briefly}"


def other_copies_note(copies: list, shown) -> tuple[list[str], str]:
    """Of a comparison whose side ``shown`` is one of ``copies`` (its agency's year filed twice; the
    copy that stands for it, as the cross-year links pair it): status-bar lines saying which copy
    it is, why, and whether the others hold other numbers, fullest first; and a tooltip naming
    every copy and every difference, and the rule. ([], "") for a year filed once."""
    if len(copies) < 2 or not any(review is shown for review in copies):
        return [], ""
    from core.compare.frame import copy_differences, folder_frame  # pandas: only for a year filed twice
    from core.compare.years import copy_rank, standing_copy, standing_reason
    frame = folder_frame(copies, lambda _review: [])  # (the cells only: no checks run)
    unread = unread_copies(copies)
    differences = copy_differences(frame, [n - 1 for n in range(1, len(copies) + 1) if n not in unread])
    number = next(n for n, review in enumerate(copies, 1) if review is shown)
    differ, briefly = copies_differ(copies, differences)
    said = dict(year=shown.report.year, count=len(copies), number=number, file=Path(shown.report.file).name,
                why=why_this_copy(standing_reason(copies) if shown is standing_copy(copies) else copy_rank(shown)),
                other=text.OTHER_COPY if len(copies) == 2 else text.OTHER_COPIES.format(count=len(copies) - 1))
    lines = [text.COMPARE_COPIES_NOTE.format(differ=differ, **said),
             text.COMPARE_COPIES_NOTE_SHORT.format(differ=differ, **said),
             text.COMPARE_COPIES_NOTE_SHORTER.format(differ=differ, **said),
             text.COMPARE_COPIES_NOTE_SHORTER.format(differ=briefly, **said)]
    tip = [(text.COMPARE_COPY_LINE_SHOWN if review is shown else text.COMPARE_COPY_LINE).format(
        number=n, file=review.report.file) for n, review in enumerate(copies, 1)]
    tip += _differences_tip(copies, differences)
    return lines, "\n".join(tip + [text.COPY_RULE])


def _differences_tip(copies: list, differences: list, most: int = 12) -> list[str]:
    """The tooltip's lines on where ``copies`` differ (``differences``: among those read whole)."""
    lines = list(filter(None, [unread_note(copies)]))
    if len(copies) - len(unread_copies(copies)) < 2:
        return lines
    if not differences:
        return lines + [text.YEARLY_COPIES_SAME_TIP]
    lines.append(text.YEARLY_COPIES_DIFFER_TIP.format(cells=len(differences)))
    lines += [_difference_text(cell, values) for cell, values in differences[:most]]
    if len(differences) > most:
        lines.append(text.YEARLY_MORE_DIFFERENCES.format(count=len(differences) - most))
    return lines


class YearlyGridModel(QAbstractTableModel):
    """Agencies × years of the open folder: each cell one report (its errors and warnings), or
    缺 for a missing year. Built from ``core.compare.frame`` (a pandas DataFrame)."""
    ReviewRole = int(Qt.ItemDataRole.UserRole) + 1  # the ReportReview of the cell (None: missing)

    def __init__(self, reviews: list, findings: list, parent=None) -> None:
        super().__init__(parent)
        from core.compare.frame import folder_frame, yearly_grid  # pandas: only when the grid opens

        self._reviews = reviews
        self._findings = {id(r): f for r, f in zip(reviews, findings)}
        self.frame = folder_frame(reviews, self.findings_of)
        self.grid = yearly_grid(self.frame)
        self.agencies = [str(a) for a in self.grid.index] if not self.grid.empty else []
        self.years = [int(y) for y in self.grid.columns] if not self.grid.empty else []
        self._missing = QBrush(QColor("#eeeeee"))
        self._differences: dict[tuple[int, int], list] = {}  # a year filed twice: where its copies differ
        self._frame_row = {id(review): n for n, review in enumerate(reviews)}
        self._cell_of = {n: (row, column) for row in range(len(self.agencies)) for column in range(len(self.years))
                         for n in self.rows_at(row, column)}  # the frame's row → the grid cell showing it

    def refresh(self, changed: list) -> list[QModelIndex]:
        """The reports of ``changed`` ((review, findings) pairs) changed while the grid is open (an
        edit, its undo, a verdict, 已审核): their rows of the frame computed again, and their
        cells drawn again, the counts, which copy stands and where the copies differ. The grid
        keeps its cells (and the auditor's selection): an edit moves no report to another year.
        Returns the cells redrawn."""
        rows = {}
        for review, findings in changed:
            number = self._frame_row.get(id(review))
            if number is not None:
                self._findings[id(review)] = findings
                rows[number] = review
        if not rows:
            return []
        from core.compare.frame import refresh_rows
        refresh_rows(self.frame, rows, self.findings_of)
        cells = sorted({self._cell_of[n] for n in rows if n in self._cell_of})
        indexes = [self.index(row, column) for row, column in cells]
        for index in indexes:
            self._differences.pop((index.row(), index.column()), None)
            self.dataChanged.emit(index, index)
        return indexes

    def findings_of(self, review) -> list:
        """The report's findings as the report list holds them."""
        return self._findings.get(id(review), [])

    def rows_at(self, row: int, column: int) -> list[int]:
        if not (0 <= row < len(self.agencies) and 0 <= column < len(self.years)):
            return []
        return list(self.grid.iat[row, column])

    def standing_row(self, row: int, column: int) -> Optional[int]:
        """The frame's row of the report the cell shows: of a year filed twice, the copy that
        stands for it (the one the auditor reviewed, else the first: as the cross-year links pair
        it and the 汇总 counts it); None for a missing year."""
        rows = self.rows_at(row, column)
        if not rows:
            return None
        from core.compare.frame import standing_row
        return standing_row(self.frame, rows)

    def review_at(self, row: int, column: int):
        shown = self.standing_row(row, column)
        return self._reviews[shown] if shown is not None else None

    def reviews_at(self, row: int, column: int) -> list:
        """Every report of the cell (a year filed twice has two)."""
        return [self._reviews[n] for n in self.rows_at(row, column)]

    def copy_differences(self, row: int, column: int) -> list:
        """Of a year filed twice: the cells its copies differ in, with each copy's value."""
        if (row, column) not in self._differences:
            from core.compare.frame import copy_differences
            rows, unread = self.rows_at(row, column), unread_copies(self.reviews_at(row, column))
            whole = [r for n, r in enumerate(rows, 1) if n not in unread]  # (a copy read in part: no version)
            self._differences[row, column] = copy_differences(self.frame, whole)
        return self._differences[row, column]

    def copies_text(self, row: int, column: int) -> str:
        """The cell's line under the counts of a year filed twice: how many copies, and whether
        they hold the same numbers; a copy not read whole is said, and not compared."""
        count, differences = len(self.rows_at(row, column)), self.copy_differences(row, column)
        unread = len(unread_copies(self.reviews_at(row, column)))
        if not unread:
            return (text.YEARLY_COPIES_DIFFER.format(count=count, cells=len(differences)) if differences
                    else text.YEARLY_COPIES_SAME.format(count=count))
        if unread == count:
            return text.YEARLY_COPIES_UNREAD_ALL.format(count=count)
        said = text.YEARLY_COPIES_UNREAD.format(count=count, unread=unread)
        if count - unread < 2:
            return said
        return said + (text.YEARLY_COPIES_UNREAD_DIFFER.format(cells=len(differences)) if differences
                       else text.YEARLY_COPIES_UNREAD_SAME)

    def _copy_line(self, number: int, frame_row: int) -> str:
        record = self.frame.iloc[frame_row]
        return text.YEARLY_COPY_LINE.format(number=number, file=Path(record["file"]).name, status=record["status"],
                                            errors=int(record["errors"]), warnings=int(record["warnings"]),
                                            doubts=int(record["doubts"]))

    def _shown_copy(self, row: int, column: int) -> tuple[int, str]:
        """Of a year filed twice: the number of the copy the cell shows, and why that one."""
        from core.compare.years import FIRST_COMPLETE, UNTOUCHED
        rows, shown = self.rows_at(row, column), self.standing_row(row, column)
        number, rank = rows.index(shown) + 1, int(self.frame.at[shown, "rank"])
        return number, why_this_copy(FIRST_COMPLETE if rank == UNTOUCHED and number > 1 else rank)

    def _copies_tip(self, row: int, column: int, most: int = 12) -> str:
        rows = self.rows_at(row, column)
        number, why = self._shown_copy(row, column)
        lines = [text.YEARLY_COPY_SHOWN.format(number=number, why=why)]
        lines += [self._copy_line(n, r) for n, r in enumerate(rows, 1)]
        lines += _differences_tip(self.reviews_at(row, column), self.copy_differences(row, column), most)
        return "\n".join(lines + [text.COPY_RULE])

    def copies_note(self, row: int, column: int) -> str:
        """One line on a year filed twice (for the status bar: the keyboard reaches no tooltip); "" otherwise."""
        notes = self.copies_notes(row, column)
        return notes[0] if notes else ""

    def copies_notes(self, row: int, column: int) -> list[str]:
        """The line of ``copies_note``, then shorter ones, shortest last: the status bar shows the
        longest that fits its width (the whole line ran past a 1020 px window at 1366×768)."""
        rows = self.rows_at(row, column)
        if len(rows) < 2:
            return []
        differ, briefly = copies_differ(self.reviews_at(row, column), self.copy_differences(row, column))
        file = Path(self.frame.iloc[self.standing_row(row, column)]["file"]).name
        number, why = self._shown_copy(row, column)
        said = dict(count=len(rows), number=number, why=why)
        return [text.YEARLY_COPIES_NOTE.format(agency=self.agencies[row], year=self.years[column], file=file,
                                               differ=differ, **said),
                text.YEARLY_COPIES_NOTE_SHORT.format(file=file, differ=differ, **said),
                text.YEARLY_COPIES_NOTE_SHORTER.format(differ=differ, **said),
                text.YEARLY_COPIES_NOTE_SHORTER.format(differ=briefly, **said)]

    def index_of(self, agency: str, year: int) -> QModelIndex:
        if agency in self.agencies and year in self.years:
            return self.index(self.agencies.index(agency), self.years.index(year))
        return QModelIndex()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.agencies)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.years)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return f"{self.years[section]}年" if 0 <= section < len(self.years) else None
        return self.agencies[section] if 0 <= section < len(self.agencies) else None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if not self.rows_at(index.row(), index.column()):
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        rows = self.rows_at(index.row(), index.column())
        if role == self.ReviewRole:
            return self.review_at(index.row(), index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if not rows:
            if role == Qt.ItemDataRole.DisplayRole:
                return text.YEARLY_MISSING
            if role == Qt.ItemDataRole.BackgroundRole:
                return self._missing
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole):
            return None  # (the view asks a dozen roles a cell: a row of the frame read for each made opening slow)
        record = self.frame.iloc[self.standing_row(index.row(), index.column())]
        if role == Qt.ItemDataRole.DisplayRole:
            label = text.YEARLY_CELL.format(errors=int(record["errors"]), warnings=int(record["warnings"]),
                                           doubts=int(record["doubts"]))
            if len(rows) < 2:
                return label
            return label + self.copies_text(index.row(), index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            if len(rows) < 2:
                return text.YEARLY_CELL_TIP.format(file=record["file"], template=record["template"],
                                                   status=record["status"])
            return self._copies_tip(index.row(), index.column())
        if role == Qt.ItemDataRole.ForegroundRole and int(record["errors"]):
            return QBrush(QColor(palette.PROBLEM_TEXT))
        return None
