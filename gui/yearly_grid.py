"""年度对照: the open folder's agencies × years — which reports exist, which year is missing, the
errors and warnings of each. Double-click a year to compare it with the year before. A year filed
twice (a .doc and a .pdf, a re-download) counts the copy that stands for it (the one the auditor
reviewed, else the first: core.compare.years.copy_rank), says whether the others hold the same numbers (and in which cells not), and asks which copy to compare, in a menu at the cell that
the arrows and Enter (or the copy's number) choose from."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from gui import compare_strings as text
from gui import strings
from gui.compare_models import YearlyGridModel
from gui.closing import add_close_keys
from gui.compare_view import PLACED_MS
from gui.layout import FRAME_ROOM, STATUS_MARGINS, fitting, keep_on_screen, place_in_middle
from gui.qt import (QAbstractItemView, QAction, QFontMetrics, QHeaderView, QKeySequence, QLabel,
                    QMainWindow, QMenu, QMessageBox, QModelIndex, QSize, QStyle, QTableView, QTimer, QVBoxLayout,
                    QWidget, Qt, Signal)


class YearlyGridView(QTableView):
    """The grid; Enter (as a double-click) compares the current year with the year before,
    Ctrl+D the two selected years of one agency."""
    enterPressed = Signal(QModelIndex)
    ctrlEnterPressed = Signal()  # (no comparison: the status bar says what Ctrl+Enter is for)

    def __init__(self, model: YearlyGridModel, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("yearlyGrid")
        self.setModel(model)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # the years' widths are fitted to the screen (fit_columns), and the auditor's to drag
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)  # (a line too wide wraps; never 「错误2 警…」)

    def column_needs(self, changed=None) -> tuple[list[int], list[int]]:
        """Each year's width with every line of its cells whole, and its least: its heading and
        its cells' first lines (错误 警告 存疑) whole, the line under them on a year filed twice
        (「8份（1份无法完整读取），其余6处数据不同」) wrapped. Measured again for the ``changed``
        columns alone (an edit in the review redraws one year's cell: not all of them read again)."""
        model = self.model()
        if changed is None or len(self._needs) != model.columnCount():
            self._needs = [(0, 0)] * model.columnCount()
            changed = range(model.columnCount())
        metrics = QFontMetrics(self.font())
        # a cell's text margins, its grid line and a little air: 「错误2 警告1 存疑0」 touched the lines
        margin = 2 * (self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1) + 8
        header = self.horizontalHeader()
        heading_font = header.font()
        heading_font.setBold(True)  # the current year's heading is drawn bold
        headings = QFontMetrics(heading_font)
        heading_margin = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header) + 4
        for column in changed:
            heading = headings.horizontalAdvance(str(model.headerData(column, Qt.Orientation.Horizontal))) \
                + heading_margin
            cells = [str(model.index(row, column).data() or "").split("\n") for row in range(model.rowCount())]
            least = max([heading, *(metrics.horizontalAdvance(lines[0]) + margin for lines in cells)])
            whole = max([least, *(metrics.horizontalAdvance(line) + margin for lines in cells for line in lines[1:])])
            self._needs[column] = (whole, least)
        return [whole for whole, _least in self._needs], [least for _whole, least in self._needs]

    _needs: list = []  # (whole, least) of each year's column, as column_needs last measured them

    def fit_columns(self, room: int, changed=None) -> None:
        """The years' columns within ``room`` pixels where they can be: each as wide as its
        lines whole, else the widest columns narrowed alike down to their least, their long lines
        wrapped (at 1366×768 the zoo q2901's 2025 was under a horizontal scroll bar: columns as wide
        as 「8份（1份无法完整读取），其余6处数据不同」 beside others of 「错误0 警告0 存疑0」).
        ``changed``: the columns whose cells changed since the last fit (None: all)."""
        whole, least = self.column_needs(changed)
        widths = lambda most: [max(low, min(high, most)) for low, high in zip(least, whole)]  # noqa: E731
        most = max(whole, default=0)
        if sum(whole) > room:
            low, high = 0, most  # the widest cap that fits (a wider column is never narrower)
            while low < high:
                middle = (low + high + 1) // 2
                if sum(widths(middle)) <= room:
                    low = middle
                else:
                    high = middle - 1
            most = low
        header = self.horizontalHeader()
        for column, width in enumerate(widths(most)):
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)

    def keyPressEvent(self, event) -> None:
        # not the view's activated signal: a style may emit it on a single click too
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                # Ctrl+Enter is 标记为已审核 everywhere else (F1): it compared here as Enter does
                self.ctrlEnterPressed.emit()
                return
            if self.currentIndex().isValid():
                self.enterPressed.emit(self.currentIndex())
                return
        super().keyPressEvent(event)


SMALLEST = QSize(900, 500)  # a grid of a few reports: room for the hint, and for more years


class YearlyGridWindow(QMainWindow):
    compareRequested = Signal(object, object)  # two ReportReview objects of one agency

    def __init__(self, reviews: list, findings: list, parent=None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(text.YEARLY_TITLE)
        self.model = YearlyGridModel(reviews, findings, self)
        self.view = YearlyGridView(self.model)
        hint = QLabel(text.YEARLY_HINT if self.model.rowCount() else text.YEARLY_NOTHING)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)
        self.setCentralWidget(body)
        self._changed: dict[int, tuple] = {}  # id(review) → (review, findings) changed since the last refresh
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)  # the next turn: a recheck of many reports redraws once
        self._refresh_timer.timeout.connect(self.refresh)
        self.view.doubleClicked.connect(self.compare_with_neighbour)
        self.view.selectionModel().currentChanged.connect(self._say_copies)
        self._copies_said = ""
        self.view.enterPressed.connect(self.compare_with_neighbour)
        self.view.ctrlEnterPressed.connect(
            lambda: self.statusBar().showMessage(text.YEARLY_CTRL_ENTER, 15000))
        action = QAction(text.ACTION_COMPARE_SELECTED, self)
        action.setShortcut(QKeySequence("Ctrl+D"))
        action.triggered.connect(self.compare_selected)
        self.addAction(action)
        self.compare_action = action
        add_close_keys(self)
        help_action = QAction(self)  # F1: this window's keys (F1 did nothing here, as the 比对 window's shows its own)
        help_action.setShortcut(QKeySequence("F1"))
        help_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        help_action.triggered.connect(self.show_help)
        self.addAction(help_action)
        self.help_box: Optional[QMessageBox] = None
        # the status bar (made on its first message, Qt's way) before the size is measured: made
        # later it took its height from the grid's, whose last rows and columns then scrolled
        # (two scroll bars at 1366×768 on a grid that fitted the screen)
        self.statusBar()
        # the years out of sight named at the bar's right, when the screen cannot hold them all
        self.more_years = QLabel()
        self.statusBar().addPermanentWidget(self.more_years)
        self.view.fit_columns(self._room_for_columns())
        for signal in (self.view.horizontalScrollBar().valueChanged, self.view.horizontalScrollBar().rangeChanged):
            signal.connect(self._say_years_out_of_sight)
        # the whole grid where the screen allows: at 900×500 whatever the screen, a folder of
        # thirty agencies scrolled on a 1920×1080 screen, two thirds of it unused
        self.view.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
        size = self.sizeHint().expandedTo(SMALLEST)
        if size.height() > self.screen().availableGeometry().height() - FRAME_ROOM.height():
            # the rows will scroll: their bar (not shown yet, so not in the size hint) takes its
            # width beside the columns, which scrolled sideways by as much at 1366×768
            size.setWidth(size.width() + self.view.verticalScrollBar().sizeHint().width())
        place_in_middle(self, size)

    def _room_for_columns(self) -> int:
        """The years' room on the screen: its width less the window's frame and margins, the
        agencies' column and the rows' scroll bar (kept for it: a grid that wraps grows taller)."""
        margins = self.centralWidget().layout().contentsMargins()
        view = self.view
        return (self.screen().availableGeometry().width() - FRAME_ROOM.width() - margins.left() - margins.right()
                - 2 * view.frameWidth() - view.verticalHeader().sizeHint().width()
                - view.verticalScrollBar().sizeHint().width())

    def years_out_of_sight(self) -> tuple[list[int], list[int]]:
        """The years left and right of the grid's viewport, wholly or in part."""
        view, width = self.view, self.view.viewport().width()
        left, right = [], []
        for column, year in enumerate(self.model.years):
            start = view.columnViewportPosition(column)
            if start < 0:
                left.append(year)
            elif start + view.columnWidth(column) > width:
                right.append(year)
        return left, right

    def _say_years_out_of_sight(self, *_args) -> None:
        left, right = self.years_out_of_sight()
        said = [text.YEARLY_MORE_LEFT.format(years=_years(left)) if left else "",
                text.YEARLY_MORE_RIGHT.format(years=_years(right)) if right else ""]
        self.more_years.setText("　".join(filter(None, said)))
        if getattr(self, "_copies_said", "") and self.statusBar().currentMessage() == self._copies_said:
            self._say_copies(self.view.currentIndex())  # the wording that fits beside the note

    def report_changed(self, review, findings: list) -> None:
        """A report changed in the review (an edit, its undo, a verdict, 已审核): the grid shows its
        new counts, and which copy of its year stands, on the event loop's next turn."""
        self._changed[id(review)] = (review, findings)
        self._refresh_timer.start()

    def refresh(self) -> None:
        changed, self._changed = list(self._changed.values()), {}
        redrawn = self.model.refresh(changed)
        if redrawn:
            # a copies line may have changed (「2份，数据相同」 → 「2份，1处数据不同」)
            self.view.fit_columns(self._room_for_columns(), {index.column() for index in redrawn})
            self._say_copies(self.view.currentIndex())  # the status bar's note on the current year, anew

    def showEvent(self, event) -> None:
        super().showEvent(event)
        keep_on_screen(self)  # a taller window: its bottom (the status bar) stays on the screen
        QTimer.singleShot(PLACED_MS, self, lambda: keep_on_screen(self))

    def show_review(self, review) -> bool:
        """Put the cursor on the report's year (the report on screen as the grid opens: Enter
        then compares it with its year before, not the first agency's first year)."""
        for row in range(self.model.rowCount()):
            for column in range(self.model.columnCount()):
                if any(r is review for r in self.model.reviews_at(row, column)):
                    self.view.setCurrentIndex(self.model.index(row, column))
                    return True
        return False

    def _say_copies(self, index: QModelIndex) -> None:
        """On a year filed twice the status bar says whose counts the cell shows and whether the
        other copies hold the same numbers (and where not): a tooltip is out of the keyboard's reach.
        The longest wording that fits the bar's width: Qt cuts a longer one at the edge."""
        notes = self.model.copies_notes(index.row(), index.column()) if index.isValid() else []
        note = fitting(notes, self.statusBar(), self._message_room()) if notes else ""
        if note:
            self.statusBar().showMessage(note)
        elif self.statusBar().currentMessage() == self._copies_said:
            self.statusBar().clearMessage()
        self._copies_said = note

    def _message_room(self) -> int:
        """The status bar's width for a message: less the years-out-of-sight note at its right, which
        a message as wide as the bar ran under (at 1366, 「…267 / 26右侧还有2025年…」)."""
        bar = self.statusBar()
        note = self.more_years.sizeHint().width() + bar.layout().spacing() if self.more_years.text() else 0
        return bar.width() - STATUS_MARGINS - note

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if hasattr(self, "more_years"):
            self._say_years_out_of_sight()
        if getattr(self, "_copies_said", "") and self.statusBar().currentMessage() == self._copies_said:
            self._say_copies(self.view.currentIndex())  # the wording that fits the new width

    def compare_with_neighbour(self, index: QModelIndex) -> bool:
        """The double-clicked year against the agency's nearest year before (or, for its first
        year, the nearest after), as Ctrl+D on one report pairs it (core.compare.years.nearest_year):
        with a 缺 between (2019, 缺 2020, 2021) it said "no neighbouring year" while one was in sight."""
        if self.model.review_at(index.row(), index.column()) is None:
            if index.isValid():  # a 缺: say so, rather than nothing happening
                self.statusBar().showMessage(text.YEARLY_NO_REPORT.format(
                    agency=self.model.agencies[index.row()], year=self.model.years[index.column()]), 15000)
            return False
        earlier = range(index.column() - 1, -1, -1)
        later = range(index.column() + 1, len(self.model.years))
        for column in [*earlier, *later]:
            if self.model.review_at(index.row(), column) is not None:
                review = self.copy_at(index.row(), index.column())
                other = self.copy_at(index.row(), column) if review is not None else None
                if other is None:  # the auditor chose none (Esc)
                    return False
                self.compareRequested.emit(other, review)
                year, other_year = self.model.years[index.column()], self.model.years[column]
                if abs(year - other_year) > 1:  # not the year just before or after: say which
                    self.statusBar().showMessage(strings.COMPARE_NEAREST_YEAR.format(
                        agency=self.model.agencies[index.row()], year=year, other=other_year), 15000)
                return True
        self.statusBar().showMessage(text.YEARLY_NO_PAIR.format(agency=self.model.agencies[index.row()],
                                                                year=self.model.years[index.column()]), 15000)
        return False

    def compare_selected(self) -> bool:
        indexes = [i for i in self.view.selectionModel().selectedIndexes()
                   if self.model.review_at(i.row(), i.column()) is not None]
        if len(indexes) != 2 or indexes[0].row() != indexes[1].row():
            self.statusBar().showMessage(text.COMPARE_NEED_TWO, 15000)
            return False
        first = self.copy_at(indexes[0].row(), indexes[0].column())
        second = self.copy_at(indexes[1].row(), indexes[1].column()) if first is not None else None
        if second is None:
            return False
        self.compareRequested.emit(first, second)
        return True

    def copy_at(self, row: int, column: int):
        """The cell's report; of a year filed twice, the copy the auditor picks (None: none picked)."""
        copies = self.model.reviews_at(row, column)
        if len(copies) < 2:
            return copies[0] if copies else None
        return self.pick_copy(self.model.index(row, column), copies)

    def pick_copy(self, index: QModelIndex, copies: list):
        """A menu at the cell naming each copy's file (its number chooses it, as do the arrows and
        Enter; Esc chooses none): the comparison's caption then names the file compared."""
        menu, chosen = self.copy_menu(index, copies)
        self.view.scrollTo(index)
        rect = self.view.visualRect(index)
        picked = menu.exec(self.view.viewport().mapToGlobal(rect.bottomLeft()))
        if picked is None:
            self.statusBar().showMessage(text.PICK_COPY_NONE, 15000)
        return chosen.get(picked)

    def copy_menu(self, index: QModelIndex, copies: list) -> tuple[QMenu, dict]:
        """``pick_copy``'s menu, and the copy of each of its actions: each copy's file, whether it
        is the one that counts for the year (采用 / 未采用, as the report list marks it) and its
        counts; the tooltip says why that copy counts."""
        from core.compare.years import standing_copy, standing_reason
        from gui.compare_models import why_this_copy

        menu = QMenu(self)
        menu.setToolTipsVisible(True)
        heading = menu.addAction(text.PICK_COPY.format(agency=self.model.agencies[index.row()],
                                                       year=self.model.years[index.column()], count=len(copies)))
        heading.setEnabled(False)
        # the copy that counts now (the cell redraws on the next turn after Ctrl+Shift+U or its undo)
        standing = standing_copy(copies)
        own = standing.report.content_hash
        said = dict(year=self.model.years[index.column()], count=len(copies), why=why_this_copy(standing_reason(copies)),
                    file=Path(standing.report.file).name)
        chosen = {}
        for number, review in enumerate(copies, 1):
            errors, warnings, doubts, _handled = review.counts(self.model.findings_of(review))
            name = Path(review.report.file).name.replace("&", "&&")  # (a "&" of the name is no mnemonic)
            stands = review is standing or bool(own and review.report.content_hash == own)  # (its twin too)
            mark = text.COPY_MARK_THIS if stands else text.COPY_MARK_OTHER
            action = menu.addAction(text.PICK_COPY_ITEM.format(
                number=number, file=name, mark=mark, status=review.status_text, errors=errors, warnings=warnings,
                doubts=doubts))
            why = (text.COPIES_THIS if stands else text.COPIES_OTHER_MENU).format(**said)
            action.setToolTip("\n".join(filter(None, [review.report.file, why])))
            chosen[action] = review
        shown = self.model.review_at(index.row(), index.column())  # the copy the cell counts, offered first
        menu.setActiveAction(next((a for a, review in chosen.items() if review is shown), next(iter(chosen))))
        return menu, chosen

    def show_help(self) -> None:
        self.help_box = QMessageBox(QMessageBox.Icon.Information, text.YEARLY_HELP_TITLE, text.YEARLY_HELP,
                                    QMessageBox.StandardButton.Ok, self)
        self.help_box.exec()

    def index_of(self, agency: str, year: int) -> Optional[QModelIndex]:
        return self.model.index_of(agency, year)


def _years(years: list[int]) -> str:
    """2024年、2025年; the first and last of more than three."""
    if len(years) > 3:
        return text.YEARLY_YEAR_SPAN.format(first=years[0], last=years[-1], count=len(years))
    return "、".join(f"{year}年" for year in years)
