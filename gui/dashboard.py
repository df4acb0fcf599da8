"""The folder dashboard: one row per report file, sortable and filterable.

``DashboardModel`` is a table over the loaded ``ReportReview`` objects (and their findings, as
core computed them). Files that could not be read stay in the list with their reason, in red.
"""
from __future__ import annotations

import bisect
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from core.review.edits import (CONFIRMED, DISMISSED, STATUS_REVIEWED, STATUS_TEXTS, UNREADABLE_REVIEWED,
                               ReportReview)
from core.review.twins import Twins
from core.model import BLANK_TEMPLATE, Finding
from core.readers.problems import problem_labels
from gui.file_column import FileColumnDelegate, FolderNames
from gui.folder_job import Listed, Loaded, RowSummary, run_checks, summarize
from gui.layout import caption_over_body
from gui import compare_strings, palette, strings
from gui.list_model import ReadOnlyListModel
from gui.looks import LooksDelegate, cell_looks
from gui.qt import (QAbstractItemView, QAccessible, QBrush, QCheckBox, QColor, QEvent, QHBoxLayout, QHeaderView,
                    QItemSelectionModel, QLabel, QLineEdit, QModelIndex, QProgressBar, QPushButton,
                    QRect, QSortFilterProxyModel, QStyle, QStyleOptionHeader, QTableView, QTimer, QWidget, Qt,
                    Signal)


_USER = int(Qt.ItemDataRole.UserRole)

FILE, AGENCY, YEAR, TEMPLATE, ERRORS, WARNINGS, FLAGS, HANDLED, STATUS, PROBLEMS = range(10)
NUMERIC = {YEAR, ERRORS, WARNINGS, FLAGS, HANDLED}


class _Row:
    """One report of the dashboard: what it shows, computed once (when first painted); and the
    report itself, which a row listed from the parse cache gets only when it is first needed (or
    the loader sends it)."""
    __slots__ = ("file", "content_hash", "name", "summary", "_display", "_sort", "looks", "review", "findings",
                 "earlier_work", "copies_key", "copy_mark", "copy_tip")

    def __init__(self, file: str, summary: RowSummary, name: str, content_hash: str = "") -> None:
        self.file = file
        self.content_hash = content_hash  # of the bytes the summary describes
        self.review: Optional[ReportReview] = None
        self.findings: list[Finding] = []
        self.earlier_work = 0  # corrections and verdicts stored for this file's earlier content
        self.copies_key: Optional[tuple] = None  # (agency key, year) of a loaded report with tables
        self.copy_mark = ""  # 采用 / 未采用 on a copy of a year filed twice (``DashboardModel._mark_copies``)
        self.copy_tip: Optional[tuple[str, dict]] = None  # why, for the tooltip: its words and what they say
        self.show(summary, name)

    def show(self, summary: RowSummary, name: str) -> None:
        self.summary, self.name = summary, name
        self._display = self._sort = None  # most rows of a big folder are never painted
        self.looks: Optional[list] = None  # each column's cell_looks, once painted

    @property
    def display(self) -> tuple[str, ...]:
        if self._display is None:
            self._display = tuple("" if v is None else str(v) for v in self._values())
        return self._display

    @property
    def sort(self) -> tuple:
        if self._sort is None:  # (a copy's 采用 / 未采用 left out: sorted by 问题, it is no problem)
            self._sort = tuple((-1 if v is None else v) if column in NUMERIC else ("" if v is None else str(v))
                               for column, v in enumerate(self._values(marked=False)))
        return self._sort

    def _values(self, marked: bool = True) -> tuple:
        summary = self.summary
        # a file no table was read from has no template, whatever its text made the parser guess
        # (a notice was listed as 2021版); Excel's 汇总 leaves it blank. A blank template's tables
        # were read: its form is known
        no_table = summary.unreadable and BLANK_TEMPLATE not in summary.problems
        template = strings.TEMPLATE_UNKNOWN if no_table else strings.TEMPLATE_NAMES.get(summary.template, summary.template)
        return (self.name, summary.agency, summary.year, template,
                summary.errors, summary.warnings, summary.others, summary.handled, summary.status,
                "、".join(filter(None, [problem_labels(summary.problems),  # the texts whole: its tooltip
                                       strings.EARLIER_WORK_LABEL if self.earlier_work else "",
                                       self.copy_mark if marked else ""])))


@dataclass(slots=True)
class _YearMarks:
    """A year's copy marks as last worked out (``DashboardModel.mark_copies_now``): its number of
    copies, the row that stands for it and that row's rank, why it stands, and the tooltip's
    words every copy of the year shares."""
    count: int
    number: int
    rank: int
    reason: int
    said: dict


class DashboardModel(ReadOnlyListModel):
    """Rows are added in batches; each row's texts are computed once, so a repaint costs only
    lookups. A row listed from the cache (``Listed``) gets its report from ``hydrate(file)``
    when something asks for it, unless ``fill`` brought it first."""
    COLUMNS = strings.DASHBOARD_COLUMNS
    COLUMN_TIPS = strings.DASHBOARD_COLUMN_TIPS
    ReviewRole = _USER + 1  # the ReportReview of the row
    SortRole = _USER + 2  # a value to sort by (numbers as numbers)
    HasProblemsRole = _USER + 3  # bool: open findings (no verdict), flags or a file problem, not 已审核
    UnreadableRole = _USER + 4  # bool: the file could not be read as a report
    CopyMarkRole = _USER + 5  # 采用 / 未采用 on a copy of a year filed twice; "" otherwise

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.root = ""
        self._prefix = ("", "")  # (root, root with a separator at its end): display_name's
        self._items: list[_Row] = []
        self._row_of: dict[str, int] = {}
        self.name_parts = FolderNames()  # what the 文件 column's names share (its delegate's cut)
        self._twins = Twins()  # rows with the same bytes: one review
        self.earlier_work_known = False  # set_earlier_work has marked this folder's rows
        self._copies: dict[tuple, list[int]] = {}  # (agency key, year) → its loaded rows, in the folder's order
        self._agency_keys: dict[str, str] = {}  # agency → normalise_agency of it
        self._stale_years: set[tuple] = set()  # keys of ``_copies`` whose marks are to be worked out
        # the rows that came into each stale year since its marks were worked out, and each year's
        # marks as last worked out (while only rows come into it, they are worked out for those)
        self._came: dict[tuple, list[int]] = {}
        self._marked: dict[tuple, _YearMarks] = {}
        self._marking = QTimer(self)
        self._marking.setSingleShot(True)
        self._marking.setInterval(0)
        self._marking.timeout.connect(self.mark_copies_now)
        self._problem_brush = QBrush(QColor(palette.PROBLEM_TEXT))
        self.hydrate: Optional[Callable[[str], tuple[ReportReview, list[Finding]]]] = None

    # --- content -------------------------------------------------------------------------------

    def names(self, first: int = 0, last: int = -1) -> list[str]:
        """The 文件 column's texts of rows ``first`` to ``last`` (every row's by default: the file
        column cuts what they all share)."""
        items = self._items[first:] if last < 0 else self._items[first:last + 1]
        return [row.name for row in items]

    def agencies(self, first: int = 0, last: int = -1) -> list[str]:
        """The 单位 column's texts of rows ``first`` to ``last`` (every row's by default). Not
        through ``_Row.display``: that works out every column's text of rows mostly never painted
        (a third of a batch's time on the GUI thread as a folder's rows were listed)."""
        items = self._items[first:] if last < 0 else self._items[first:last + 1]
        return ["" if row.summary.agency is None else str(row.summary.agency) for row in items]

    def clear(self, root: str = "") -> None:
        self.beginResetModel()
        self.root = root
        self._items, self._row_of = [], {}
        self.name_parts = FolderNames()  # what the 文件 column's names share (its delegate's cut)
        self.earlier_work_known = False  # set_earlier_work has marked this folder's rows
        self._twins = Twins()
        self._copies, self._stale_years = {}, set()
        self._came, self._marked = {}, {}
        self.endResetModel()

    def add_batch(self, items: list) -> None:
        """Append loaded reports (from the loader thread's batches): (review, findings) pairs
        (``Loaded`` ones with their row worked out), or ``Listed`` rows whose report comes later."""
        rows, seen = [], set()
        for item in items:
            file = item.file if isinstance(item, Listed) else item[0].report.file
            if file in self._row_of or file in seen:
                continue
            seen.add(file)
            if isinstance(item, Listed):
                rows.append(_Row(file, item.summary, self.display_name(file), item.content_hash))
                self._twins.add(file, item.content_hash)
            else:
                review, findings = item
                twin_findings = self._with_twin_work(review)
                if twin_findings is not None:
                    summary, findings = summarize(review, twin_findings), twin_findings
                else:
                    summary = item.summary if isinstance(item, Loaded) else summarize(review, findings)
                row = _Row(file, summary, self.display_name(file), review.report.content_hash)
                row.review, row.findings = review, list(findings)
                rows.append(row)
        if not rows:
            return
        first = len(self._items)
        self.name_parts.add(row.name for row in rows)  # (before the rows are painted)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        for row in rows:
            self._row_of[row.file] = len(self._items)
            self._items.append(row)
        self.endInsertRows()
        self._mark_copies([number for number in range(first, len(self._items)) if self._items[number].review])

    def _with_twin_work(self, review: ReportReview) -> Optional[list[Finding]]:
        """A report arriving while a twin of it (the same bytes) is loaded takes the twin's work,
        which the window keeps up to date with every change made here (a review read from the
        store before such a change lacks it). Its findings then, None when its work was the same."""
        file = review.report.file
        self._twins.add(file, review.report.content_hash)
        for twin in self._twin_rows(file):
            if twin.review is not review:
                return run_checks(review) if review.share_work(twin.review) else None
        return None

    def _twin_rows(self, file: str) -> list[_Row]:
        """The loaded rows of the files with the bytes of ``file``."""
        rows = (self._items[self._row_of[other]] for other in self._twins.of(file) if other in self._row_of)
        return [row for row in rows if row.review is not None]

    def twins_of(self, file: str) -> list[str]:
        """The other files of the folder with the bytes of ``file`` (they share its review)."""
        return self._twins.of(file)

    def twin_reviews(self, review: ReportReview) -> list[ReportReview]:
        """The loaded reviews of the other files with the report's bytes."""
        return [row.review for row in self._twin_rows(review.report.file) if row.review is not review]

    def twins_text(self, file: str) -> str:
        """与 X 内容相同，共用一份审核记录和撤销历史 ("" for a file with no twin)."""
        twins = [self.display_name(other) for other in self.twins_of(file)]
        if not twins:
            return ""
        names = "、".join(twins[:TWINS_NAMED])
        if len(twins) > TWINS_NAMED:
            names = strings.TWINS_MORE.format(names=names, count=len(twins))
        return strings.TWINS_NOTE.format(names=names)

    def fill(self, items: list[tuple[ReportReview, list[Finding]]]) -> None:
        """The reports of listed rows (rows that already have theirs keep them: a session may
        hold that object)."""
        arrived: list[int] = []  # their years' copies marked once for the batch, not a call a row
        for review, findings in items:
            number = self._row_of.get(review.report.file)
            if number is not None and self._items[number].review is None:
                self._arrived(number, review, findings, arrived)
        if arrived:
            self._mark_copies(arrived)

    def _set(self, number: int, review: ReportReview, findings: list[Finding], quiet: bool = False,
             to_mark: Optional[list[int]] = None) -> None:
        """The row's report; ``quiet``: its summary is known unless the file changed since;
        ``to_mark``: its number goes there, its copies to be marked by the caller (else now)."""
        row = self._items[number]
        row.review, row.findings = review, list(findings)
        # the same bytes under the row's own name (so the same reader): the summary listed from
        # the cache is this report's (the cache keys it by both, core.parse.cache.parse_key),
        # unless the report comes with stored work (kept by hash: made on a copy since the listing)
        if quiet and row.content_hash and row.content_hash == review.report.content_hash \
                and not (review.edits or review.verdict_trail or review.reviewed or review.chosen):
            self._copies_changed(number, to_mark)
            return
        row.content_hash = review.report.content_hash
        self._twins.add(row.file, row.content_hash)
        summary = summarize(review, row.findings)
        if not (quiet and summary == row.summary):
            row.show(summary, row.name)
            self.dataChanged.emit(self.index(number, 0), self.index(number, self.columnCount() - 1))
        self._copies_changed(number, to_mark)  # (its work may make it, or another copy, the one that stands)

    def _copies_changed(self, number: int, to_mark: Optional[list[int]]) -> None:
        if to_mark is None:
            self._mark_copies([number])
        else:
            to_mark.append(number)

    def _mark_copies(self, numbers: list[int]) -> None:
        """Mark 采用 / 未采用 on the copies of the years of the loaded rows ``numbers``: which copy
        stands for a year filed twice (core.compare.years.copy_rank, as 年度对照, the comparisons
        and the 汇总 take it), and why. The rows of a year are kept by (agency key, year), and its
        marks worked out on the next turn of the event loop, once for all the rows that changed
        meanwhile (a folder's loading brings its reports one by one: 2000 twins of one year would
        be gone through 2000 times); rows whose mark changed are repainted then."""
        from core.compare.pairing import normalise_agency
        from core.compare.years import copies_key

        def normalised(agency: str) -> str:
            key = self._agency_keys.get(agency)
            if key is None:
                key = self._agency_keys[agency] = normalise_agency(agency)
            return key

        for number in numbers:
            row = self._items[number]
            key = copies_key(row.review.report, normalised)
            if key != row.copies_key:
                if row.copies_key is not None:
                    self._copies[row.copies_key].remove(number)
                    self._stale_years.add(row.copies_key)
                    self._marked.pop(row.copies_key, None)  # a row left it: its marks worked out anew
                if key is not None:
                    bisect.insort(self._copies.setdefault(key, []), number)
                    self._came.setdefault(key, []).append(number)
                row.copies_key = key
            elif key is not None:  # its report's work changed (its rank may have): worked out anew
                self._marked.pop(key, None)
            if key is not None:
                self._stale_years.add(key)
            elif row.copy_mark:
                self._show_mark(number, "", None)
        if self._stale_years:
            self._marking.start()

    def mark_copies_now(self) -> None:
        """Work out the marks of the years whose copies changed (``_mark_copies``)."""
        from core.compare.years import copy_rank, standing_and_reason

        years, self._stale_years = self._stale_years, set()
        changed: list[int] = []  # rows whose mark changed: repainted at once, one signal
        for key in years:
            rows = self._copies.get(key, [])
            came = self._came.pop(key, [])
            if self._mark_those_that_came(key, rows, came, changed):
                continue
            self._marked.pop(key, None)
            copies = [self._items[n].review for n in rows]
            hashes = {review.report.content_hash or id(review) for review in copies}
            if len(hashes) < 2:  # a year filed once (twins, the same bytes, are one report)
                for number in rows:
                    self._set_mark(number, "", None, changed)
                continue
            standing, reason = standing_and_reason(copies)
            said = dict(year=key[1], count=len(copies), file=Path(standing.report.file).name,
                        why=compare_strings.why_this_copy(reason))
            for number, review in zip(rows, copies):
                self._mark_copy(number, review, standing, said, changed)
            first = next(n for n, review in zip(rows, copies) if review is standing)
            self._marked[key] = _YearMarks(len(rows), first, copy_rank(standing), reason, said)
        if changed:
            # one signal for the rows between: a signal a row (9 500 while a folder of 2 000 reports
            # with many copies a year loaded) had every listener work each time
            self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), self.columnCount() - 1))

    def _mark_those_that_came(self, key: tuple, rows: list[int], came: list[int], changed: list[int]) -> bool:
        """Mark the rows ``came`` that came into the year ``key`` since its marks were worked out,
        when nothing else changed in it and none of them stands for it instead (else False: the
        year's marks are worked out anew). Each batch of a loading folder brings more copies of
        its years: ranking every copy of each again (and again) was a third of the GUI thread's
        work a batch, in a folder holding many copies of each year. The year's tooltip words are
        one object for all its rows: the new count (and reason) reach every row of the year."""
        from core.compare.years import FIRST_COMPLETE, UNTOUCHED, copy_rank

        marked = self._marked.get(key)
        if marked is None or not came or len(rows) != marked.count + len(came):
            return False
        standing = self._items[marked.number].review
        if min((copy_rank(self._items[n].review), n) for n in came) < (marked.rank, marked.number):
            return False  # a copy that came stands for the year (or one before it, as good, does)
        reason = FIRST_COMPLETE if marked.rank == UNTOUCHED and rows[0] != marked.number else marked.rank
        marked.count = marked.said["count"] = len(rows)
        if reason != marked.reason:
            marked.reason, marked.said["why"] = reason, compare_strings.why_this_copy(reason)
        for number in came:
            self._mark_copy(number, self._items[number].review, standing, marked.said, changed)
        return True

    def _mark_copy(self, number: int, review: ReportReview, standing: ReportReview, said: dict,
                   changed: list[int]) -> None:
        """采用 on the copy that stands for its year (and on its twins), 未采用 on the others."""
        stands = review is standing or (review.report.content_hash
                                        and review.report.content_hash == standing.report.content_hash)
        if stands:
            self._set_mark(number, compare_strings.COPY_MARK_THIS, (compare_strings.COPIES_THIS, said), changed)
        else:
            self._set_mark(number, compare_strings.COPY_MARK_OTHER, (compare_strings.COPIES_OTHER, said), changed)

    def _show_mark(self, number: int, mark: str, tip: Optional[tuple[str, dict]]) -> None:
        changed: list[int] = []
        self._set_mark(number, mark, tip, changed)
        if changed:
            self.dataChanged.emit(self.index(number, 0), self.index(number, self.columnCount() - 1))

    def _set_mark(self, number: int, mark: str, tip: Optional[tuple[str, dict]], changed: list[int]) -> None:
        """The row's mark, its number added to ``changed`` if it changed, and its tooltip's words
        (formatted as the tooltip is shown: each copy's says how many copies the year has, so a
        batch bringing one more copy changed every copy's, and had each row's text made again)."""
        row = self._items[number]
        row.copy_tip = tip
        if row.copy_mark != mark:
            row.copy_mark = mark
            row.show(row.summary, row.name)  # (its 问题 text)
            changed.append(number)

    def _arrived(self, number: int, review: ReportReview, findings: list[Finding],
                 to_mark: Optional[list[int]] = None) -> None:
        """The report of a listed row, with the work of a loaded twin if it has one."""
        twin_findings = self._with_twin_work(review)
        self._set(number, review, findings if twin_findings is None else twin_findings, quiet=True, to_mark=to_mark)

    def set_earlier_work(self, found: dict[str, int]) -> None:
        """Mark the rows whose file has work stored for content it no longer holds (by file; not
        a row the auditor has worked on since the lookup, as update_review says)."""
        # the rows marked now, and those marked before: the others keep their 0 (a loop over each
        # of a 2 000-report folder's rows took 4-5 ms of the turn that opens its first report)
        marked = {number for number, row in enumerate(self._items) if row.earlier_work}
        marked.update(self._row_of[file] for file in found if file in self._row_of)
        for number in sorted(marked):
            row = self._items[number]
            review = row.review
            worked = review is not None and bool(review.edits or review.verdict_trail or review.reviewed)
            count = 0 if worked else found.get(row.file, 0)
            if count != row.earlier_work:
                row.earlier_work = count
                row.show(row.summary, row.name)
                self.dataChanged.emit(self.index(number, 0), self.index(number, self.columnCount() - 1))
        self.earlier_work_known = True

    def earlier_work_of(self, file: str) -> Optional[int]:
        """The work stored for the file's earlier content, as marked (None before the marking)."""
        if not self.earlier_work_known:
            return None
        number = self._row_of.get(file)
        return self._items[number].earlier_work if number is not None else 0

    def update_review(self, review: ReportReview, findings: list[Finding]) -> None:
        """The review changed (an edit, the reviewed mark): refresh its row."""
        number = self._row_of.get(review.report.file)
        if number is not None:
            if review.edits or review.verdict_trail or review.reviewed:
                self._items[number].earlier_work = 0  # work on this content now, as the report view says
            self._set(number, review, findings)
            self.mark_copies_now()  # the auditor's own step: its copies' marks now, not on the next turn

    def _loaded(self, number: int) -> _Row:
        row = self._items[number]
        if row.review is None and self.hydrate is not None:
            review, findings = self.hydrate(row.file)
            if row.review is None:
                self._arrived(number, review, findings)
        return row

    def reviews(self) -> list[ReportReview]:
        """Every report (those not loaded yet are loaded now)."""
        rows = [self._loaded(n) for n in range(len(self._items))]
        return [row.review for row in rows if row.review is not None]

    def unreadable_count(self) -> int:
        """How many files listed could not be read as a report (their rows in red)."""
        return sum(1 for item in self._items if item.summary.unreadable)

    def incomplete_count(self) -> int:
        """How many reports were read only in part (a table missing or cut short: red rows too)."""
        return sum(1 for item in self._items if item.summary.problems and not item.summary.unreadable)

    def loaded_reviews(self) -> list[ReportReview]:
        """The reports loaded so far (nothing is loaded for this)."""
        return [row.review for row in self._items if row.review is not None]

    def copies_of(self, review: ReportReview) -> list[ReportReview]:
        """``core.compare.years.copies_of`` among the loaded reports, from the rows kept by
        (agency key, year) for the 采用 / 未采用 marks: the heading of the first report opened
        went through every report of the folder for its copies (5-6 ms of 2 000 reports)."""
        from core.compare.years import copies_key

        key = copies_key(review.report)
        return [] if key is None else [self._items[number].review for number in self._copies.get(key, [])]

    def review_at(self, row: int) -> Optional[ReportReview]:
        return self._loaded(row).review if 0 <= row < len(self._items) else None

    def loaded_review_at(self, row: int) -> Optional[ReportReview]:
        """The row's report if loaded (None otherwise: nothing is loaded for this)."""
        return self._items[row].review if 0 <= row < len(self._items) else None

    def findings_at(self, row: int) -> list[Finding]:
        return self._loaded(row).findings if 0 <= row < len(self._items) else []

    def file_at(self, row: int) -> str:
        return self._items[row].file if 0 <= row < len(self._items) else ""

    def agency_at(self, row: int) -> str:
        return (self._items[row].summary.agency or "") if 0 <= row < len(self._items) else ""

    def year_at(self, row: int) -> str:
        """The row's 年度 as the search reads it (「2023年」), "" when not known."""
        year = self._items[row].summary.year if 0 <= row < len(self._items) else None
        return f"{year}年" if year else ""

    def problems_at(self, row: int) -> str:
        """The row's 问题 text (已损坏、空文件、内容已变…); "" for most rows, without computing
        their texts."""
        item = self._items[row] if 0 <= row < len(self._items) else None
        return item.display[PROBLEMS] if item is not None and \
            (item.summary.problems or item.earlier_work or item.copy_mark) else ""

    def row_of(self, file: str) -> int:
        return self._row_of.get(file, -1)

    # --- QAbstractTableModel ---------------------------------------------------------------------

    def _rows(self) -> list:
        return self._items

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        number = index.row()
        if not 0 <= number < len(self._items) or not index.isValid():
            return None
        row, column = self._items[number], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.display[column]
        if role == self.SortRole:
            return row.sort[column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTER if column in _CENTERED else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._problem_brush if row.summary.problems else None
        if role == self.HasProblemsRole:
            # a report the auditor has marked 已审核 is done: 只看有问题的 and F8's walk to the next
            # report leave it out (its 存疑, which no verdict can close, kept it in the queue forever)
            done = row.summary.status in (STATUS_REVIEWED, UNREADABLE_REVIEWED)
            return (row.summary.has_problems or bool(row.earlier_work)) and not done
        if role == self.UnreadableRole:
            return row.summary.unreadable
        if role == self.CopyMarkRole:
            return row.copy_mark
        if role == self.ReviewRole:
            return self.review_at(number)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == HANDLED:
                return self._verdicts_tip(number)
            agency = [row.summary.agency] if column == AGENCY and row.summary.agency else []
            twins = self.twins_text(row.file)
            earlier = [strings.EARLIER_WORK.format(count=row.earlier_work)] if row.earlier_work else []
            copies = [row.copy_tip[0].format(**row.copy_tip[1])] if row.copy_tip else []
            return "\n".join([*agency, row.file, *copies, *([twins] if twins else []), *row.summary.problems,
                              *earlier])
        return None

    def _verdicts_tip(self, number: int) -> str:
        """已处理's tooltip: the verdicts by kind, the findings still waiting for one, and the
        verdicts kept though their finding is gone (已消除: the note still goes to the agency, in
        no count of the row). A row listed from the cache has no verdict: no report is loaded."""
        row = self._items[number]
        kinds = []
        if row.summary.handled:  # only then is there a verdict to count
            review = self.review_at(number)
            kinds = [v.verdict for v in map(review.verdict_of, row.findings) if v is not None]
        tip = strings.DASHBOARD_VERDICTS_TIP.format(confirmed=kinds.count(CONFIRMED), dismissed=kinds.count(DISMISSED))
        if row.summary.waiting:
            tip += strings.DASHBOARD_WAITING_TIP.format(count=row.summary.waiting)
        if row.summary.resolved:
            tip += strings.DASHBOARD_RESOLVED_TIP.format(count=row.summary.resolved)
        return tip

    def looks(self, index: QModelIndex) -> tuple:
        """What the delegate paints of a cell (gui.looks): the same as data()."""
        row, column = self._items[index.row()], index.column()
        if row.looks is None:  # kept: the view asks again on every repaint (each batch of rows)
            brush = self._problem_brush if row.summary.problems else None
            row.looks = [cell_looks(text, None, _CENTER if number in _CENTERED else None, brush)
                         for number, text in enumerate(row.display)]
        return row.looks[column]

    def display_name(self, file: str) -> str:
        if self._prefix[0] != self.root:  # (worked out once a folder: a batch names 250 files)
            self._prefix = (self.root, os.path.join(self.root, ""))
        prefix = self._prefix[1]
        if self.root and file.startswith(prefix) and ".." not in file:  # the common case, fast
            return file[len(prefix):]
        if self.root:
            try:
                return os.path.relpath(file, self.root)
            except ValueError:  # another drive on Windows
                pass
        return Path(file).name


_CENTERED = NUMERIC | {TEMPLATE, STATUS}
TWINS_NAMED = 3  # twins named in a tooltip; more are counted
NOT_READ_NAMED = 20  # files not read named in the tooltip; more are counted
_CENTER = int(Qt.AlignmentFlag.AlignCenter)


class DashboardFilterModel(QSortFilterProxyModel):
    """Search by agency, year (「2023」 lists every 2023 report, not only those whose file name
    says it), file name or the 问题 column's words (已损坏…); optionally only reports with
    something to look at.

    The report on screen (``pinned``) stays listed under 只看有问题的: fixing its last problem must
    not hide its row and move the selection to another report the auditor has not looked at.
    (The search is the auditor's own move, and applies to it as to any other.)
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._text = ""
        self._only_problems = False
        self._pinned = ""  # file of the report on screen
        self._refilter = QTimer(self)
        self._refilter.setSingleShot(True)
        self._refilter.setInterval(0)
        self._refilter.timeout.connect(lambda: self._change_filter(lambda: None))
        self.setSortRole(DashboardModel.SortRole)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_search(self, text: str) -> None:
        self._change_filter(lambda: setattr(self, "_text", text.strip().casefold()))

    def set_only_problems(self, only: bool) -> None:
        self._change_filter(lambda: setattr(self, "_only_problems", bool(only)))

    def pin(self, file: str) -> None:
        """Keep ``file`` listed. The filter is run again on the next turn of the event loop:
        a pin set while a filter change removes rows must not filter inside that change."""
        if file != self._pinned:
            self._pinned = file
            if self._only_problems:  # else every row is listed anyway (filtering 2 000 rows
                self._refilter.start()  # again would stall each report's opening)

    @property
    def pinned(self) -> str:
        """The file of the report on screen ("" for none)."""
        return self._pinned

    def _change_filter(self, change) -> None:
        if hasattr(self, "endFilterChange"):  # Qt 6.10+ (6.9 has only the begin half)
            self.beginFilterChange()
            change()
            self.endFilterChange()
        else:
            change()
            self.invalidateFilter()

    def looks(self, index: QModelIndex) -> tuple:
        return self.sourceModel().looks(self.mapToSource(index))

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        model = self.sourceModel()
        if self._only_problems and not model.data(model.index(source_row, FILE, source_parent),
                                                  DashboardModel.HasProblemsRole) \
                and model.file_at(source_row) != self._pinned:
            return False
        if self._text:
            haystack = f"{model.agency_at(source_row)}\n{model.year_at(source_row)}\n" \
                       f"{model.file_at(source_row)}\n{model.problems_at(source_row)}".casefold()
            return self._text in haystack
        return True


_SELECT_ROW = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
_MOVES = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End,
          Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}
_TABLE_KEYS = {Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}  # with Ctrl: the window's 上一张表 / 下一张表
_CTRL = Qt.KeyboardModifier.ControlModifier


PHRASE_ENDS = "（(，,、；;：:。 "  # where a cell's text may be cut without cutting a word


def whole_phrases(text: str, metrics, width: int) -> str:
    """``text`` if it fits ``width``; else its longest run of whole phrases that fits with an
    ellipsis; else its first phrase alone when that fits (a 4-character label fills the 问题
    column at 1366: 「内容已变、未采用」 was cut by Qt to 「内容已…」, which said nothing; the
    tooltip holds the rest, ux70); else the text itself (Qt cuts it at the end)."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    kept = first = ""
    for number, char in enumerate(text):
        if char in PHRASE_ENDS and number:
            phrase = text[:number].rstrip(PHRASE_ENDS)
            first = first or phrase
            shorter = phrase + "…"
            if metrics.horizontalAdvance(shorter) > width:
                break
            kept = shorter
    if not kept and first and metrics.horizontalAdvance(first) <= width:
        return first
    return kept or text


class ProblemsColumnDelegate(LooksDelegate):
    """The 问题 cells cut after a whole label: 「乱码、缺…」 (a word cut in two) says nothing."""

    def initStyleOption(self, option, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideRight
        if option.text:
            style = option.widget.style() if option.widget is not None else None
            margin = (style.pixelMetric(style.PixelMetric.PM_FocusFrameHMargin, None, option.widget) + 1
                      if style is not None else 3)
            option.text = whole_phrases(option.text, option.fontMetrics, option.rect.width() - 2 * margin)


class DashboardView(QTableView):
    """The report list. The report on screen is its current row, and that row is always
    highlighted: Qt's extended selection would let Ctrl+arrows (Home, End) move the current row
    without selecting it, and Ctrl+Space or Ctrl+click unselect it, so that another report opens
    while the highlight stays where it was. Ctrl+click on a row not selected still adds it (the
    two years to compare)."""

    resized = Signal()
    openRequested = Signal()  # Enter / Return on a report: on to its tables
    # Since the last layout: None nothing changed, True only rows added under the last row in
    # sight, False anything else (see doItemsLayout).
    _below_only: Optional[bool] = None

    def viewportEvent(self, event) -> bool:
        # the viewport's width, not the view's: the rows' scroll bar, shown as the list fills,
        # takes its width from the columns (a horizontal scroll bar at 1366 else)
        handled = super().viewportEvent(event)
        if event.type() == QEvent.Type.Resize:
            self.resized.emit()
        return handled

    def setModel(self, model) -> None:
        super().setModel(model)
        model.rowsInserted.connect(self._on_rows_inserted)
        for signal in (model.rowsRemoved, model.rowsMoved, model.modelReset, model.layoutChanged,
                       model.columnsInserted, model.columnsRemoved):
            signal.connect(self._relayout_all)

    def dataChanged(self, top_left: QModelIndex, bottom_right: QModelIndex, roles=()) -> None:
        # Qt repaints every row in sight for a change of more than ~200 cells (20 rows), wherever
        # its rows are: each batch of a loading folder (its new copies marked 未采用, under the
        # rows in sight) repainted the list, 7-8 ms of the GUI thread a batch beside the two
        # workers. Rows out of sight are painted as they come into it. (A screen reader is told
        # of every change, as Qt tells it.)
        if top_left != bottom_right and not self._in_sight(top_left.row(), bottom_right.row()) \
                and not QAccessible.isActive():
            return
        super().dataChanged(top_left, bottom_right, list(roles))

    def _in_sight(self, top: int, bottom: int) -> bool:
        """Whether any of the rows ``top``..``bottom`` (the view's model's) is in sight."""
        first = self.rowAt(0)
        if first < 0:  # no row at the top (an empty list): nothing to compare with
            return True
        last = self.rowAt(self.viewport().height() - 1)
        if last < 0:  # the rows end above the view's bottom
            last = self.model().rowCount() - 1
        return top <= last and bottom >= first

    def _on_rows_inserted(self, _parent, first: int, _last: int) -> None:
        bottom = self.rowAt(self.viewport().height() - 1)  # -1: the rows do not fill the view
        self._below_only = self._below_only is not False and 0 <= bottom < first

    def _relayout_all(self, *_args) -> None:
        self._below_only = False

    def doItemsLayout(self) -> None:
        # Qt lays the view out again on the turn after rows are inserted, and repaints every row
        # in sight: 15 ms of the GUI thread for each batch of a loading folder, whose rows go at
        # the end, under those in sight once the list is full. Then only the scroll bar changes.
        below_only, self._below_only = self._below_only, None
        if below_only:
            self.updateGeometries()
            return
        super().doItemsLayout()

    def selectionCommand(self, index: QModelIndex, event=None):
        command = super().selectionCommand(index, event)
        toggles = bool(command & QItemSelectionModel.SelectionFlag.Toggle)
        if event is None:  # setCurrentIndex() from code, whatever keys are held
            return _SELECT_ROW if toggles else command
        kind = event.type()
        if kind == QEvent.Type.KeyPress:
            if command == QItemSelectionModel.SelectionFlag.NoUpdate and event.key() in _MOVES:
                return _SELECT_ROW  # Ctrl+arrow moves as the arrow alone does
            if toggles:
                return QItemSelectionModel.SelectionFlag.NoUpdate  # Ctrl+Space: the row stays
        elif kind == QEvent.Type.MouseButtonPress and toggles:
            if self.selectionModel().isSelected(index):
                return QItemSelectionModel.SelectionFlag.NoUpdate  # opens it, still highlighted
            return QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        return command

    # The report the folder opens at once loaded: the one the auditor left off at ("" the first).
    start_file = ""

    def moveCursor(self, action, modifiers) -> QModelIndex:
        if action == self.CursorAction.MoveNext and self.start_file and not self.currentIndex().isValid():
            # The keyboard reaching the list before any report is open (focusInEvent asks for the
            # next row): the report the load's end would open, not the first row, which opened
            # and kept the auditor off the report left off at. None while its row is not listed.
            proxy = self.model()
            row = proxy.sourceModel().row_of(self.start_file)
            if row < 0:
                return QModelIndex()
            index = proxy.mapFromSource(proxy.sourceModel().index(row, FILE))
            if index.isValid():
                return index
        # Home / End go to the first / last report, not to the row's first / last column (which
        # scrolled the names out of a narrow list).
        if action in (self.CursorAction.MoveHome, self.CursorAction.MoveEnd) and self.model().rowCount():
            column = self.currentIndex().column() if self.currentIndex().isValid() else FILE
            row = 0 if action == self.CursorAction.MoveHome else self.model().rowCount() - 1
            return self.model().index(row, column)
        return super().moveCursor(action, modifiers)

    def focusInEvent(self, event) -> None:
        # Focus reaching the list before any row is current (the first rows listed, the first
        # report not yet opened) makes the first row current, opening it, without selecting it.
        super().focusInEvent(event)
        current = self.currentIndex()
        if current.isValid() and not self.selectionModel().isRowSelected(current.row()):
            self.selectionModel().select(current, _SELECT_ROW)

    def keyPressEvent(self, event) -> None:
        # Ctrl+PgDn / Ctrl+PgUp switch the tables (the window's shortcuts): never the list's page.
        if event.key() in _TABLE_KEYS and event.modifiers() & _CTRL:
            event.ignore()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & _CTRL \
                and self.currentIndex().isValid():
            self.openRequested.emit()
            return
        super().keyPressEvent(event)


class SearchBox(QLineEdit):
    """The search field: Down, Enter or Return go on to the reports found (Tab does too); Esc
    clears the search and goes back to the whole list (it did nothing: the keyboard stayed in
    the box, the list filtered)."""
    toList = Signal()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & _CTRL:
            self.toList.emit()
            return
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.clear()
            self.toList.emit()
            return
        super().keyPressEvent(event)


class DashboardWidget(QWidget):
    """Search box, 只看有问题的, the table, and the loading progress with its 取消 button."""
    reviewSelected = Signal(object)  # ReportReview (None when the selection is cleared)
    # the search that hides the report on screen from the list ("" once it is listed again)
    shownFilteredOut = Signal(str)
    cancelRequested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model = DashboardModel(self)
        self.proxy = DashboardFilterModel(self)
        self.proxy.setSourceModel(self.model)

        self.search = SearchBox()
        self.search.setObjectName("dashboardSearch")
        self.search.setPlaceholderText(strings.SEARCH_PLACEHOLDER)
        self.search.setClearButtonEnabled(True)
        self.search.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Ctrl+F; Tab goes panel to panel
        # Tab's stop before the list (and Alt+O): with click focus only, the keyboard reached it
        # through the 视图 menu alone
        self.only_problems = QCheckBox(strings.MENU_ONLY_PROBLEMS)
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)  # the files not read named too: two lines in a narrow list
        self.not_read: list[str] = []  # files of the folder that are not listed (set_not_read)

        self.view = DashboardView()
        self.view.setObjectName("dashboardView")
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(LooksDelegate(self.view))
        self.view.setItemDelegateForColumn(FILE, FileColumnDelegate(self.view))
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the folder's order until a click
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # names differ at both ends
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        char = self.fontMetrics().horizontalAdvance("中")
        fits = lambda text: self.fontMetrics().horizontalAdvance(text) + 14  # noqa: E731
        # The counts, year, template and status take their heading's or widest value's width and
        # the margins Qt draws (a cell's 3 px a side, a heading's 4): at 1366 the list is ~470 px
        # wide and each px they kept beyond that was taken from 文件 and 单位 (「0-…21.txt」, 「鼓…府」).
        # (A sorted column's arrow: Windows draws it above the heading; elsewhere it may cut it.)
        tight = lambda text: self.fontMetrics().horizontalAdvance(text) + 8  # noqa: E731
        heading = lambda title, value: max(tight(title), tight(value))  # noqa: E731
        # Narrow columns: beside 表三 the list shows every column, 问题 included (1366 and 1920 wide).
        # 单位's own width shows two characters of the agency's place and two of its kind
        # (「鼓楼…政府」): 文件, which tells the rows apart, has the room 单位 went beyond that (qa9)
        widths = {FILE: char * 7, AGENCY: tight("鼓楼…政府"), YEAR: heading("年度", "0000"),
                  TEMPLATE: heading("模板", "2021版"), ERRORS: tight("错误"), WARNINGS: tight("警告"),
                  FLAGS: tight("存疑"), HANDLED: tight("已处理"),
                  STATUS: max(heading("状态", status) for status in STATUS_TEXTS),  # each one whole
                  PROBLEMS: char * 16}
        for column, width in widths.items():
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self._base_widths = widths
        self._problems_seen = tight("无法读取")  # a problem's label (2-4 characters), in sight at 1366
        # 文件 and 单位 give up room down to this (a list narrower still scrolls to 问题)
        self._names_least = {FILE: fits("中中中中"), AGENCY: fits("中中")}
        self.view.setItemDelegateForColumn(PROBLEMS, ProblemsColumnDelegate(self.view))
        self._sharing = False
        self._widths_dragged = False  # once the user drags a column, the widths are theirs
        # 文件's room to show its widest name whole (the folder's names measured as they are listed)
        self._file_need = 0
        self._agency_need = 0  # 单位's room to show its widest agency whole, measured likewise
        self._agency_readable = fits("中" * 8)  # what 单位 is given before 文件 is whole
        self._agencies_seen: set[str] = set()  # two of the folder's agencies at most
        self._agencies_measured: set[str] = set()  # the folder's agencies whose width is in _agency_need
        self.model.rowsInserted.connect(self._measure_names)
        self.model.modelReset.connect(self._forget_names)
        header.sectionResized.connect(self._on_section_resized)
        # a sorted column's arrow beside its heading (Linux's styles; Windows draws it above): room
        # for it, else 「错误」 squeezed under it at 1366×768 (qa27)
        self._arrow_room = 0
        header.sortIndicatorChanged.connect(self._make_room_for_arrow)
        self.view.resized.connect(self._share_spare_width)

        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton(strings.ACTION_CANCEL)
        self.progress_row = QWidget()
        progress_layout = QHBoxLayout(self.progress_row)
        progress_layout.setContentsMargins(0, 0, 0, 0)
        progress_layout.addWidget(self.progress, 1)
        progress_layout.addWidget(self.cancel_button)
        self.progress_row.hide()

        caption_over_body(self, self.search, self.only_problems, (self.view, 1), (self.progress_row, 0),
                          (self.count_label, 0))

        self._filtering = False  # a search changing the rows: the current row it moves opens nothing
        self._filtered_out = ""  # the search that hides the report on screen ("": it is listed)
        self.search.textChanged.connect(self._search)
        self.search.toList.connect(self._go_to_list)
        self.only_problems.toggled.connect(self.proxy.set_only_problems)
        for changed in (self.search.textChanged, self.only_problems.toggled):  # (the rows shown may not change)
            changed.connect(self._update_count)
        self.cancel_button.clicked.connect(self.cancelRequested)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row)
        # A search that hides the report on screen makes a neighbour current (and opens it).
        for signal in (self.proxy.rowsRemoved, self.proxy.layoutChanged):
            signal.connect(self._highlight_current)
        # 共 counts the folder: also rows a search hides, which the proxy never announces
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                       self.proxy.layoutChanged, self.model.rowsInserted, self.model.modelReset):
            signal.connect(self._update_count)
        self._update_count()

    def _search(self, text: str) -> None:
        """Filter the list by ``text``. A search never changes the report on screen: a row it
        hides made a neighbour current, which opened that report and lost the cell the auditor
        was typing in. The report stays on screen, no row of the list is current while it is
        hidden (no other report looks selected), the window says so (``shownFilteredOut``), and
        its row is current again once a search lists it; a report found opens as the auditor
        chooses it (a click, or Down or Enter from the box)."""
        if not self.proxy.pinned:  # no report on screen: the list's own way
            self.proxy.set_search(text)
            self._say_filtered_out()
            return
        self._filtering = True
        try:
            self.proxy.set_search(text)
        finally:
            self._filtering = False
        self._keep_shown_current()

    def _keep_shown_current(self) -> None:
        """The row of the report on screen current (quietly: it is open), or no row when a
        search hides it."""
        row = self.model.row_of(self.proxy.pinned)
        index = self.proxy.mapFromSource(self.model.index(row, FILE)) if row >= 0 else QModelIndex()
        self._filtering = True  # the report on screen is open already: nothing to open
        try:
            if index.isValid():
                if self.view.currentIndex().row() != index.row() or not self.view.currentIndex().isValid():
                    self._select(index)
            elif self.view.currentIndex().isValid():
                self.view.selectionModel().clear()
        finally:
            self._filtering = False
        self._say_filtered_out()

    def _say_filtered_out(self) -> None:
        file = self.proxy.pinned
        row = self.model.row_of(file) if file else -1
        hidden = row >= 0 and not self.proxy.mapFromSource(self.model.index(row, FILE)).isValid()
        said = self.search.text().strip() if hidden else ""
        if said != self._filtered_out:
            self._filtered_out = said
            self.shownFilteredOut.emit(said)

    def _go_to_list(self) -> None:
        """From the search box to the reports found: the first one opens unless the report on
        screen is among them."""
        if not self.view.currentIndex().isValid() and self.proxy.rowCount():
            self.view.setCurrentIndex(self.proxy.index(0, FILE))
        self.view.setFocus(Qt.FocusReason.TabFocusReason)
        if self.view.currentIndex().isValid():
            self.view.scrollTo(self.view.currentIndex())

    # --- loading -------------------------------------------------------------------------------

    def start_loading(self, root: str, start_file: str = "") -> None:
        """``start_file``: the report the folder opens at, once loaded (else the first)."""
        self.model.clear(root)
        self.view.start_file = start_file
        self.set_not_read([])
        self.progress.setRange(0, 0)  # busy until the file count is known
        self.progress.setFormat("")
        self.progress_row.show()

    def set_progress(self, done: int, total: int) -> None:
        # setValue repaints the bar at once (tens of milliseconds a step, in the middle of the
        # loading): let it be painted with the rest of the window instead.
        self.progress.setUpdatesEnabled(False)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(strings.LOADING.format(done=done, total=total))
        self.progress.setUpdatesEnabled(True)  # schedules the repaint

    def finish_loading(self) -> None:
        self.progress_row.hide()

    # --- selection -----------------------------------------------------------------------------

    def current_review(self) -> Optional[ReportReview]:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.review_at(self.proxy.mapToSource(index).row())

    def select_file(self, file: str) -> bool:
        row = self.model.row_of(file)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, FILE))
        if not index.isValid():
            return False
        self._select(index)
        return True

    def select_row(self, row: int) -> bool:
        index = self.proxy.index(row, FILE)
        if not index.isValid():
            return False
        self._select(index)
        return True

    def _select(self, index: QModelIndex) -> None:
        # Opening the report re-pins the filter, which may drop the previous report's row and
        # shift the rows: ``index`` is stale afterwards, the view's current index is not.
        # (Explicit flags: the view's own would toggle the row while Ctrl is held.)
        self.view.selectionModel().setCurrentIndex(index, _SELECT_ROW)
        self.view.scrollTo(self.view.currentIndex())

    def _measure_names(self, _parent, first: int, last: int) -> None:
        """文件's need grows with a wider name listed: the names share the room again."""
        # (each agency measured once: a folder holds each agency's years, and copies of them)
        advance = self.fontMetrics().horizontalAdvance
        names = self.model.names(first, last)
        widest = max(map(advance, names)) + 8 if names else 0
        agencies = [agency for agency in self.model.agencies(first, last) if agency]
        new = set(agencies) - self._agencies_measured
        self._agencies_measured |= new
        widest_agency = max(map(advance, new)) + 8 if new else 0
        header = self.view.horizontalHeader()
        share = False
        if len(self._agencies_seen) < 2:  # (two are enough to know the folder holds several)
            for agency in agencies:
                self._agencies_seen.add(agency)
                if len(self._agencies_seen) > 1:
                    share = True  # several agencies now: 单位 gets its first share
                    break
        if widest > self._file_need:
            self._file_need = widest
            share = header.sectionSize(FILE) < widest
        if widest_agency > self._agency_need:
            self._agency_need = widest_agency
            share = share or header.sectionSize(AGENCY) < widest_agency
        if share:
            self._share_spare_width()

    def _forget_names(self) -> None:
        self._file_need = 0
        self._agency_need = 0
        self._agencies_seen = set()
        self._agencies_measured = set()

    def _share_spare_width(self) -> None:
        """The list's width goes first to the columns from 年度 to 状态 and to the start of 问题
        (a report's problem is seen without scrolling, at 1366 too); what is left goes to 文件
        and 单位: beyond their own widths to 文件 until its widest name is whole (at 1920 the
        names r0001-cms-html…-plain.txt were 「r0001-cms…ext.md」 beside an agency cut the same)
        and to 单位 until its widest agency is whole, half each while they are short of both, the
        rest to 单位 (3:2 while no name is listed); short of their own widths 单位 keeps its own
        (「鼓楼…政府」) while 文件 has more, then they share evenly (文件 keeps its name's end,
        both are cut in the middle, and their tooltips say them in full)."""
        if self._widths_dragged:
            return
        base = self._base_widths
        fixed = sum(self._fixed_width(column) for column in base if column not in (FILE, AGENCY, PROBLEMS))
        room = self.view.viewport().width() - fixed - self._problems_seen
        spare = room - base[FILE] - base[AGENCY]
        if spare >= 0:
            if not self._file_need:
                to_file = spare * 3 // 5
            else:
                # In a folder of several agencies 单位 first takes up to half of it, up to its
                # widest agency, to show eight characters (「顺河回族…管理局」); then three parts of
                # four of the rest, 文件 one, each up to its widest name, and 单位 what is left (文件
                # took it all: a folder of long converted names left every agency cut to 「泰和…育局」
                # at 1366 with the list widened, ux69, and to 「东陵市…民政局」 at 1920). One agency's
                # files: its name tells no row apart, 文件 goes first.
                file_more = max(0, self._file_need - base[FILE])
                to_file = min(spare, file_more)
                if len(self._agencies_seen) > 1:
                    readable = max(0, min(self._agency_need, self._agency_readable) - base[AGENCY])
                    agency_first = min(readable, spare // 2)
                    left = spare - agency_first
                    to_agency = 0
                    if agency_first == readable:
                        agency_more = max(0, self._agency_need - base[AGENCY] - agency_first)
                        to_agency = min(agency_more, max(left * 3 // 4, left - file_more))
                    to_file = min(file_more, left - to_agency)
            file, agency = base[FILE] + to_file, base[AGENCY] + spare - to_file
        else:
            least = self._names_least
            agency = max(least[AGENCY], min(base[AGENCY], room // 2))
            file = max(least[FILE], room - agency)
        header = self.view.horizontalHeader()
        self._sharing = True
        try:
            header.resizeSection(FILE, file)
            header.resizeSection(AGENCY, agency)
            header.resizeSection(PROBLEMS, self._problems_seen)  # stretched to the list's edge
        finally:
            self._sharing = False

    def dragged_widths(self) -> list[int]:
        """The columns' widths the user dragged ([] while they are the list's own)."""
        header = self.view.horizontalHeader()
        return [header.sectionSize(column) for column in range(header.count())] if self._widths_dragged else []

    def use_widths(self, widths: list[int]) -> None:
        """Widths the user dragged at an earlier start, theirs again (the last column stretches)."""
        header = self.view.horizontalHeader()
        if len(widths) != header.count() or min(widths, default=0) <= 0:
            return
        self._sharing = True
        try:
            for column, width in enumerate(widths[:-1]):
                header.resizeSection(column, width)
        finally:
            self._sharing = False
        self._widths_dragged = True

    def _fixed_width(self, column: int) -> int:
        """A column's own width, and the sort arrow's room when the list is sorted by it."""
        sorted_by = self.view.horizontalHeader().sortIndicatorSection()
        return self._base_widths[column] + (self._arrow_room if column == sorted_by else 0)

    def sort_arrow_room(self) -> int:
        """How much narrower the style draws a heading's text when its column is sorted (the
        arrow beside it); 0 for a style that draws it above (Windows)."""
        header = self.view.horizontalHeader()
        height = max(header.height(), header.sizeHint().height(), self.fontMetrics().height() + 8)

        def label_width(indicator) -> int:
            option = QStyleOptionHeader()
            option.initFrom(header)
            option.rect = QRect(0, 0, 200, height)
            option.orientation = Qt.Orientation.Horizontal
            option.state |= QStyle.StateFlag.State_Horizontal
            option.sortIndicator = indicator
            return header.style().subElementRect(QStyle.SubElement.SE_HeaderLabel, option, header).width()
        return max(0, label_width(QStyleOptionHeader.SortIndicator.None_)
                   - label_width(QStyleOptionHeader.SortIndicator.SortDown))

    def _make_room_for_arrow(self, column: int, _order) -> None:
        """The sorted column wider by its arrow's room, the one sorted before back to its own
        width; 文件 and 单位 give the room (``_share_spare_width``). Widths the user dragged stay."""
        if self._widths_dragged:
            return
        self._arrow_room = self.sort_arrow_room()
        header = self.view.horizontalHeader()
        self._sharing = True
        try:
            for fixed in self._base_widths:
                if fixed not in (FILE, AGENCY, PROBLEMS):
                    header.resizeSection(fixed, self._fixed_width(fixed))
        finally:
            self._sharing = False
        self._share_spare_width()

    def _on_section_resized(self, column: int, old: int, new: int) -> None:
        if not self._sharing and column != PROBLEMS:  # 问题 follows the edge (stretched)
            self._widths_dragged = True

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._filtering:  # a search moved it, not the auditor (_search)
            return
        review = None
        if current.isValid():
            review = self.model.review_at(self.proxy.mapToSource(current).row())
        self.reviewSelected.emit(review)

    def _highlight_current(self, *_args) -> None:
        current = self.view.currentIndex()
        if current.isValid() and not self.view.selectionModel().isRowSelected(current.row()):
            self.view.selectionModel().select(current, _SELECT_ROW)

    def pin(self, file: str) -> None:
        """Keep the report on screen listed whatever the filters say, until another is opened
        (but for a search: ``_search``)."""
        self.proxy.pin(file)
        self._say_filtered_out()

    def sort_by(self, column: int) -> Qt.SortOrder:
        """Sort the list by ``column`` as a click on its heading does (-1: the folder's order): the
        counts most first, the files with a 问题 first, the texts A to Z; the column it is sorted by
        already turns round. The report on screen stays in sight."""
        header = self.view.horizontalHeader()
        if column < 0:
            order = Qt.SortOrder.AscendingOrder
        elif header.sortIndicatorSection() == column:
            order = Qt.SortOrder.DescendingOrder if header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder \
                else Qt.SortOrder.AscendingOrder
        else:  # the most first; the files with a 问题 first (Z to A puts the empty ones last)
            order = Qt.SortOrder.DescendingOrder if column in (NUMERIC - {YEAR}) | {PROBLEMS} \
                else Qt.SortOrder.AscendingOrder
        self.view.sortByColumn(column, order)
        if self.view.currentIndex().isValid():
            self.view.scrollTo(self.view.currentIndex())
        return order

    def problem_rows(self) -> list[int]:
        """Rows (of the list as shown) of reports with something to look at."""
        proxy = self.proxy
        return [r for r in range(proxy.rowCount())
                if proxy.index(r, FILE).data(DashboardModel.HasProblemsRole)]

    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    # --- several reports at once (the two years of a comparison) -------------------------------------

    def selected_reviews(self) -> list[ReportReview]:
        """The reviews of the selected rows, in the order shown."""
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        return [self.model.review_at(self.proxy.mapToSource(self.proxy.index(r, FILE)).row()) for r in rows]

    def set_not_read(self, paths: list[str]) -> None:
        """Name, under the list, the folder's files that are not in it (not a report's format)."""
        self.not_read = list(paths)
        root = self.model.root
        names = [os.path.relpath(p, root) if root else p for p in self.not_read[:NOT_READ_NAMED]]
        if len(self.not_read) > NOT_READ_NAMED:
            names.append(strings.NOT_READ_MORE.format(count=len(self.not_read)))
        self.count_label.setToolTip(strings.NOT_READ_TIP.format(names="\n".join(names)) if names else "")
        self._update_count()

    def _update_count(self, *_args) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        text = strings.DASHBOARD_COUNT.format(total=total, shown=shown)
        search = self.search.text().strip()
        why = [*([strings.HIDDEN_BY_SEARCH.format(text=search)] if search else []),
               *([strings.HIDDEN_BY_ONLY_PROBLEMS] if self.only_problems.isChecked() else [])]
        if shown < total and why:
            text += strings.DASHBOARD_HIDDEN_BY.format(why="、".join(why))
        if self.not_read:
            text += strings.NOT_READ_COUNT.format(count=len(self.not_read))
        self.count_label.setText(text)
