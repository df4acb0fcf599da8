"""The folder dashboard: one row per report file, sortable and filterable.

``DashboardModel`` is a table over the loaded ``ReportReview`` objects (and their findings, as
core computed them). Files that could not be read stay in the list with their reason, in red.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

from core.review.edits import CONFIRMED, DISMISSED, ReportReview
from core.model import Finding
from gui.layout import caption_over_body
from gui import palette, strings
from gui.list_model import ReadOnlyListModel
from gui.qt import (QAbstractItemView, QBrush, QCheckBox, QColor, QHBoxLayout,
                    QHeaderView, QLabel, QLineEdit, QModelIndex, QProgressBar, QPushButton,
                    QSortFilterProxyModel, QTableView, QTimer, QWidget, Qt, Signal)


_USER = int(Qt.ItemDataRole.UserRole)

FILE, AGENCY, YEAR, TEMPLATE, ERRORS, WARNINGS, FLAGS, HANDLED, STATUS, PROBLEMS = range(10)
NUMERIC = {YEAR, ERRORS, WARNINGS, FLAGS, HANDLED}


class DashboardModel(ReadOnlyListModel):
    COLUMNS = strings.DASHBOARD_COLUMNS
    ReviewRole = _USER + 1  # the ReportReview of the row
    SortRole = _USER + 2  # a value to sort by (numbers as numbers)
    HasProblemsRole = _USER + 3  # bool: open findings (no verdict), flags or a file problem
    UnreadableRole = _USER + 4  # bool: the file could not be read as a report

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.root = ""
        self._reviews: list[ReportReview] = []
        self._findings: list[list[Finding]] = []
        self._row_of: dict[str, int] = {}
        self._problem_brush = QBrush(QColor(palette.PROBLEM_TEXT))

    # --- content -------------------------------------------------------------------------------

    def clear(self, root: str = "") -> None:
        self.beginResetModel()
        self.root = root
        self._reviews, self._findings, self._row_of = [], [], {}
        self.endResetModel()

    def add_batch(self, items: list[tuple[ReportReview, list[Finding]]]) -> None:
        """Append loaded reports (from the loader thread's batches)."""
        items = [(r, f) for r, f in items if r.report.file not in self._row_of]
        if not items:
            return
        first = len(self._reviews)
        self.beginInsertRows(QModelIndex(), first, first + len(items) - 1)
        for review, findings in items:
            self._row_of[review.report.file] = len(self._reviews)
            self._reviews.append(review)
            self._findings.append(list(findings))
        self.endInsertRows()

    def update_review(self, review: ReportReview, findings: list[Finding]) -> None:
        """The review changed (an edit, the reviewed mark): refresh its row."""
        row = self._row_of.get(review.report.file)
        if row is None:
            return
        self._reviews[row] = review
        self._findings[row] = list(findings)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def reviews(self) -> list[ReportReview]:
        return list(self._reviews)

    def review_at(self, row: int) -> Optional[ReportReview]:
        return self._reviews[row] if 0 <= row < len(self._reviews) else None

    def findings_at(self, row: int) -> list[Finding]:
        return self._findings[row] if 0 <= row < len(self._findings) else []

    def row_of(self, file: str) -> int:
        return self._row_of.get(file, -1)

    # --- QAbstractTableModel ---------------------------------------------------------------------

    def _rows(self) -> list:
        return self._reviews

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._reviews):
            return None
        review = self._reviews[index.row()]
        report = review.report
        column = index.column()
        if role == self.ReviewRole:
            return review
        if role == self.UnreadableRole:
            return _unreadable(review)
        if role == self.HasProblemsRole:
            open_findings = review.open_findings(self._findings[index.row()])
            return bool(report.problems or report.flags or open_findings)
        if role == self.SortRole:
            value = self._value(index.row(), column)
            if column in NUMERIC:
                return -1 if value is None else value
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.DisplayRole:
            value = self._value(index.row(), column)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == HANDLED:
                verdicts = [review.verdict_of(f) for f in self._findings[index.row()]]
                kinds = [v.verdict for v in verdicts if v is not None]
                return strings.DASHBOARD_VERDICTS_TIP.format(confirmed=kinds.count(CONFIRMED),
                                                             dismissed=kinds.count(DISMISSED))
            lines = [report.file] + report.problems
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ForegroundRole and report.problems:
            return self._problem_brush
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMERIC | {TEMPLATE, STATUS}:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _counts(self, row: int) -> tuple[int, int, int, int]:
        """错误, 警告, 存疑 (flags and other severities) not dismissed; 已处理 (with a verdict)."""
        review = self._reviews[row]
        kinds, handled = [], 0
        for finding in self._findings[row]:
            verdict = review.verdict_of(finding)
            handled += verdict is not None
            if verdict is None or verdict.verdict != DISMISSED:
                kinds.append(finding.severity)
        errors, warnings = kinds.count("error"), kinds.count("warning")
        others = len(kinds) - errors - warnings + len(review.report.flags)
        return errors, warnings, others, handled

    def _value(self, row: int, column: int):
        review = self._reviews[row]
        report = review.report
        if column == FILE:
            return self.display_name(report.file)
        if column == AGENCY:
            return report.agency
        if column == YEAR:
            return report.year
        if column == TEMPLATE:
            return strings.TEMPLATE_NAMES.get(report.template, report.template)
        if column in (ERRORS, WARNINGS, FLAGS, HANDLED):
            return self._counts(row)[column - ERRORS]
        if column == STATUS:
            return review.status
        if column == PROBLEMS:
            return "；".join(report.problems)
        return None

    def display_name(self, file: str) -> str:
        if self.root:
            try:
                return os.path.relpath(file, self.root)
            except ValueError:  # another drive on Windows
                pass
        return Path(file).name


def _unreadable(review: ReportReview) -> bool:
    return not review.report.cells and bool(review.report.problems)


class DashboardFilterModel(QSortFilterProxyModel):
    """Search by agency or file name; optionally only reports with something to look at.

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
            self._refilter.start()

    def _change_filter(self, change) -> None:
        if hasattr(self, "endFilterChange"):  # Qt 6.10+ (6.9 has only the begin half)
            self.beginFilterChange()
            change()
            self.endFilterChange()
        else:
            change()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        model = self.sourceModel()
        if self._only_problems and not model.data(model.index(source_row, FILE, source_parent),
                                                  DashboardModel.HasProblemsRole) \
                and model.review_at(source_row).report.file != self._pinned:
            return False
        if self._text:
            review = model.review_at(source_row)
            haystack = f"{review.report.agency or ''}\n{review.report.file}".casefold()
            return self._text in haystack
        return True


class DashboardWidget(QWidget):
    """Search box, 只看有问题的, the table, and the loading progress with its 取消 button."""
    reviewSelected = Signal(object)  # ReportReview (None when the selection is cleared)
    cancelRequested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model = DashboardModel(self)
        self.proxy = DashboardFilterModel(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit()
        self.search.setObjectName("dashboardSearch")
        self.search.setPlaceholderText(strings.SEARCH_PLACEHOLDER)
        self.search.setClearButtonEnabled(True)
        self.search.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Ctrl+F; Tab goes panel to panel
        self.only_problems = QCheckBox(strings.ACTION_ONLY_PROBLEMS)
        self.only_problems.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # also in the 视图 menu
        self.count_label = QLabel()

        self.view = QTableView()
        self.view.setObjectName("dashboardView")
        self.view.setModel(self.proxy)
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
        # Narrow columns: beside 表三 the list shows every column up to 状态 (1366 and 1920 wide).
        widths = {FILE: char * 7, AGENCY: char * 7, YEAR: fits("0000"), TEMPLATE: fits("2021版"),
                  ERRORS: fits("错误"), WARNINGS: fits("警告"), FLAGS: fits("存疑"),
                  HANDLED: fits("已处理"), STATUS: fits("未审核"), PROBLEMS: char * 16}
        for column, width in widths.items():
            header.resizeSection(column, width)
        header.setStretchLastSection(True)

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

        self.search.textChanged.connect(self.proxy.set_search)
        self.only_problems.toggled.connect(self.proxy.set_only_problems)
        self.cancel_button.clicked.connect(self.cancelRequested)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row)
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                       self.proxy.layoutChanged):
            signal.connect(self._update_count)
        self._update_count()

    # --- loading -------------------------------------------------------------------------------

    def start_loading(self, root: str) -> None:
        self.model.clear(root)
        self.progress.setRange(0, 0)  # busy until the file count is known
        self.progress.setFormat("")
        self.progress_row.show()

    def set_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(strings.LOADING.format(done=done, total=total))

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
        self.view.setCurrentIndex(index)
        self.view.scrollTo(self.view.currentIndex())

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        review = None
        if current.isValid():
            review = self.model.review_at(self.proxy.mapToSource(current).row())
        self.reviewSelected.emit(review)

    def pin(self, file: str) -> None:
        """Keep the report on screen listed whatever the filters say, until another is opened."""
        self.proxy.pin(file)

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

    def _update_count(self, *_args) -> None:
        self.count_label.setText(strings.DASHBOARD_COUNT.format(total=self.model.rowCount(),
                                                                shown=self.proxy.rowCount()))
