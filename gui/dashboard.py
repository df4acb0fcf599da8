"""The folder dashboard: one row per report file, sortable and filterable.

``DashboardModel`` is a table over the loaded ``ReportReview`` objects (and their findings, as
core computed them). Files that could not be read stay in the list with their reason, in red.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

from core.review.edits import ReportReview
from core.model import Finding
from gui.layout import caption_over_body
from gui import palette, strings
from gui.list_model import ReadOnlyListModel
from gui.qt import (QAbstractItemView, QBrush, QCheckBox, QColor, QHBoxLayout,
                    QHeaderView, QLabel, QLineEdit, QModelIndex, QProgressBar, QPushButton,
                    QSortFilterProxyModel, QTableView, QWidget, Qt, Signal)


_USER = int(Qt.ItemDataRole.UserRole)

FILE, AGENCY, YEAR, TEMPLATE, ERRORS, WARNINGS, FLAGS, STATUS, PROBLEMS = range(9)
NUMERIC = {YEAR, ERRORS, WARNINGS, FLAGS}


class DashboardModel(ReadOnlyListModel):
    COLUMNS = strings.DASHBOARD_COLUMNS
    ReviewRole = _USER + 1  # the ReportReview of the row
    SortRole = _USER + 2  # a value to sort by (numbers as numbers)
    HasProblemsRole = _USER + 3  # bool: errors, warnings, flags or a file problem
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
            counts = self._counts(index.row())
            return bool(report.problems) or any(counts)
        if role == self.SortRole:
            value = self._value(index.row(), column)
            if column in NUMERIC:
                return -1 if value is None else value
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.DisplayRole:
            value = self._value(index.row(), column)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [report.file] + report.problems
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ForegroundRole and report.problems:
            return self._problem_brush
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMERIC | {TEMPLATE, STATUS}:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _counts(self, row: int) -> tuple[int, int, int]:
        findings = self._findings[row]
        errors = sum(1 for f in findings if f.severity == "error")
        return errors, len(findings) - errors, len(self._reviews[row].report.flags)

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
        if column in (ERRORS, WARNINGS, FLAGS):
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
    """Search by agency or file name; optionally only reports with something to look at."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._text = ""
        self._only_problems = False
        self.setSortRole(DashboardModel.SortRole)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_search(self, text: str) -> None:
        self._change_filter(lambda: setattr(self, "_text", text.strip().casefold()))

    def set_only_problems(self, only: bool) -> None:
        self._change_filter(lambda: setattr(self, "_only_problems", bool(only)))

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
                                                  DashboardModel.HasProblemsRole):
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
        self.only_problems = QCheckBox(strings.ACTION_ONLY_PROBLEMS)
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
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        char = self.fontMetrics().horizontalAdvance("中")
        widths = {FILE: char * 9, AGENCY: char * 10, YEAR: char * 3 + 12, TEMPLATE: char * 4 + 12,
                  ERRORS: char * 2 + 16, WARNINGS: char * 2 + 16, FLAGS: char * 2 + 16,
                  STATUS: char * 3 + 16, PROBLEMS: char * 16}
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
        self.view.selectRow(index.row())
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def select_row(self, row: int) -> bool:
        index = self.proxy.index(row, FILE)
        if not index.isValid():
            return False
        self.view.setCurrentIndex(index)
        self.view.selectRow(row)
        return True

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        review = None
        if current.isValid():
            review = self.model.review_at(self.proxy.mapToSource(current).row())
        self.reviewSelected.emit(review)

    # --- several reports at once (the two years of a comparison) -------------------------------------

    def selected_reviews(self) -> list[ReportReview]:
        """The reviews of the selected rows, in the order shown."""
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        return [self.model.review_at(self.proxy.mapToSource(self.proxy.index(r, FILE)).row()) for r in rows]

    def _update_count(self, *_args) -> None:
        self.count_label.setText(strings.DASHBOARD_COUNT.format(total=self.model.rowCount(),
                                                                shown=self.proxy.rowCount()))
