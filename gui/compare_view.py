"""The comparison of two years of one agency: last year left, this year right, each table in its
own template version's layout; changes coloured, F8 / Shift+F8 from change to change, the
cross-year findings as cards, the prose's numbers and the text reuse. Read-only: "在审核中打开"
takes a cell back to the review window.
"""
from __future__ import annotations

import html
from pathlib import Path

from core.check.cross_year import METHOD, is_fixed_wording, share_text
from core.compare.comparison import Comparison
from core.compare.diff import CHANGE_COLOURS, CHANGE_LABELS, ONLY_ONE_VERSION_COLOUR, BECAME_NONZERO, BECAME_ZERO, \
    DOWN, UP
from core.model import Finding
from core.template import SECTIONS
from gui import compare_strings as text, file_dialogs, palette, strings
from gui.compare_models import CURRENT, PREVIOUS, CompareTableModel
from gui.closing import add_close_keys
from gui.exporter import file_to_write
from gui.focus_ring import FocusRings
from gui.layout import FittingLabel, keep_on_screen, place_in_middle
from gui.qt import (QAction, QApplication, QCheckBox, QColor, QFontMetrics, QFrame, QHBoxLayout,
                    QItemSelection, QItemSelectionModel, QKeySequence, QLabel, QMainWindow, QModelIndex, QPainter,
                    QPalette, QPoint, QPolygon, QPushButton, QRect, QSize, QSizePolicy, QSplitter, QTabWidget,
                    QMessageBox, QTextEdit, QVBoxLayout, QStyle, QTimer, QWidget, Qt, QtWidgets, Signal)
from gui.report_view import TAB_TITLES, CellDelegate, TemplateTableView
from gui.session import format_number, lapsed_tip

SIDES = (PREVIOUS, CURRENT)
REPEATED_BACKGROUND = "#ffe08a"  # a sentence of this year's text that repeats last year's
PANEL_SHARE = (1140, 210)  # the tables' and the findings' widths, in that proportion
PROSE_PREVIOUS_COLUMN, PROSE_CURRENT_COLUMN = 1, 3  # 正文's 上年正文数字, 本年正文数字 (text.PROSE_COLUMNS)


class CompareDelegate(CellDelegate):
    """The review's cell drawing (long row labels wrap), plus a green corner mark on values the
    auditor corrected."""

    def paint(self, painter: QPainter, option, index: QModelIndex) -> None:
        super().paint(painter, option, index)
        if index.data(CompareTableModel.CorrectedRole):
            painter.save()
            rect, size = option.rect, 7
            corner = rect.topRight()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(palette.BACKGROUNDS[palette.CORRECTED]).darker(150))
            painter.drawPolygon(QPolygon([QPoint(corner.x() - size, corner.y()), corner,
                                          QPoint(corner.x(), corner.y() + size)]))
            painter.restore()


LABEL_COLUMNS = {"section3": 2, "section2": 0}  # the column of the row labels (表三's items)
SHARED_COLUMNS = ("section4",)  # one row of values: its columns share the table's width


class YearTable(TemplateTableView):
    """One year's table in the comparison. Where long row labels wrap (LABEL_COLUMNS), its vertical
    scroll bar always shows: the width the labels wrap in, and so the rows' heights, then follow
    the window alone, not the rows' heights in turn (a bar shown or hidden as rows grew narrowed the
    labels, which were measured again 50 ms later: the rows changed height after the window
    showed). ``resized`` tells the comparison to fit the label column, before the table is drawn."""
    resized = Signal()

    def __init__(self, model) -> None:
        super().__init__(model)
        self._wrapping: tuple = ()  # how the labels wrapped when the rows were last measured
        if model.section in LABEL_COLUMNS:
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)  # (the viewport has its new size by now)
        self.resized.emit()

    def fit_label_column(self) -> bool:
        """Give the row label column the width the other columns leave. True when a label wraps
        otherwise than when the rows were last measured: they must be measured again (a drag of
        the window's edge measures them only as often as that: measuring takes a while)."""
        column = LABEL_COLUMNS.get(self.model().section)
        if column is None:
            if self.model().section in SHARED_COLUMNS:
                self.share_width()
            return False
        header = self.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(header.count()) if c != column)
        width = max(header.minimumSectionSize(), self.viewport().width() - others)
        if header.sectionSize(column) != width:
            self.setColumnWidth(column, width)
        wrapping = self._label_wrapping(column)
        if wrapping == self._wrapping:
            return False
        self._wrapping = wrapping
        return True

    def share_width(self) -> None:
        """表四's fifteen columns share the table's width, each at least as wide as its widest
        text (a heading's line such as 「结果」, a value, a difference) and at most as wide as the
        review's, as evenly as that allows: at 1366 two years' 表四 side by side scrolled sideways,
        its 复议后起诉 out of sight (52 px a column, where 37 hold 「结果」 and 「1234」). Still
        wider than the table (numbers of five digits and more, many differences), it scrolls."""
        model = self.model()
        metrics = QFontMetrics(self.font())
        margin = 2 * (self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1) + 2
        columns = model.grid.columns
        least = [0] * columns
        for cell in model.grid.cells:
            if cell.column_span == 1:
                shown = str(model.data(model.index(cell.row, cell.column)) or "")
                least[cell.column] = max([least[cell.column],
                                          *(metrics.horizontalAdvance(line) + margin for line in shown.split("\n"))])
        if not self._review_width:
            self._review_width = self.columnWidth(0)  # as apply_layout set it
        room = self.viewport().width()
        widths = lambda even: [max(need, min(self._review_width, even)) for need in least]  # noqa: E731
        even = room // columns  # the widest even share that fits, less what the wide columns need
        while even > 0 and sum(widths(even)) > room:
            even -= 1
        for column, width in enumerate(widths(even)):
            if self.columnWidth(column) != width:
                self.setColumnWidth(column, width)

    _review_width = 0  # 表四's column width in the review, the widest its columns get here

    def _label_wrapping(self, column: int) -> tuple:
        """The height of each text of the label column, wrapped in its cell's width."""
        metrics = QFontMetrics(self.font())
        margin = 2 * (self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1)
        wrap = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        heights = []
        for cell in self.model().grid.cells:
            if cell.text and cell.column <= column < cell.column + cell.column_span:
                room = sum(self.columnWidth(c) for c in range(cell.column, cell.column + cell.column_span)) - margin
                heights.append(metrics.boundingRect(QRect(0, 0, room, 10_000), wrap, cell.text).height())
        return tuple(heights)


def narrow_columns(view: TemplateTableView) -> None:
    """Two years side by side must fit a 1366-pixel screen: narrower columns than the review's.
    The row label column takes the width the others leave (cut labels beside unused pixels:
    YearTable.fit_label_column), and long labels wrap in it (CompareDelegate)."""
    metrics = QFontMetrics(view.font())
    char = metrics.horizontalAdvance("中")
    value = metrics.horizontalAdvance("000000") + 8  # (headings two characters a line: CompareTableModel)
    model = view.model()
    if model.section == "section3":
        widths = [char + 8, char * 3 + 8, char * 6 + 8] + [value] * (model.grid.columns - 3)
    elif model.section == "section2":
        widths = [char * 7 + 10] + [char * 6 + 10] * (model.grid.columns - 1)
    else:
        return
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)
    view.resizeRowsToContents()


class FindingCard(QFrame):
    """One cross-year finding: rule, message, both years' values, the verdict given in the review;
    a click, or Enter / Space once Tab has reached it, selects its cells."""
    clicked = Signal(object)  # Finding

    def __init__(self, finding: Finding, values: str, verdict=None, parent=None, lapsed=None) -> None:
        super().__init__(parent)
        self.finding = finding
        self.setObjectName(f"card_{finding.rule}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.set_selected(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        title = QLabel(f"<b>{finding.rule}</b>　{strings.SEVERITY_LABELS.get(finding.severity, '')}")
        message = QLabel(html.escape(finding.message))
        message.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(message)
        if values:
            # wrapped too: on one line 「上年 103 → 本年 34（差 -69）」 made the card wider than its
            # panel at 1366, the cards' right edges cut above a horizontal scroll bar
            shown = QLabel(values)
            shown.setWordWrap(True)
            layout.addWidget(shown)
        if verdict is not None:  # given in the review: the card must not read as still open
            opinion = QLabel(html.escape(strings.TIP_VERDICT.format(verdict=verdict.label, note=verdict.note)))
            opinion.setWordWrap(True)
            layout.addWidget(opinion)
        elif lapsed is not None:  # an edit since made it lapse: open again, says what it had, as 问题清单 does
            opinion = QLabel(html.escape(strings.TIP_VERDICT.format(verdict=lapsed.lapsed_label, note=lapsed.note)))
            opinion.setWordWrap(True)
            opinion.setToolTip(lapsed_tip(lapsed))
            layout.addWidget(opinion)

    def key(self) -> tuple:
        """The same finding after a rebuild (its message may name new values)."""
        return self.finding.rule, tuple(self.finding.cells)

    def set_selected(self, on: bool) -> None:
        self.selected = on
        self._restyle()

    def _restyle(self) -> None:
        border = "2px solid #8a6d00" if self.selected else "1px solid #c9a227"
        if self.hasFocus():  # where Tab went: the main window's focus ring colour
            border = f"2px solid {self.palette().color(QPalette.ColorRole.Highlight).name()}"
        self.setStyleSheet(f"FindingCard {{ background: #fff4cc; border: {border}; border-radius: 4px; }}")

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self._restyle()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self._restyle()

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.finding)
        super().mousePressEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit(self.finding)
            return
        super().keyPressEvent(event)


class ProseTable(QtWidgets.QTableWidget):
    """正文's numbers: 事项 and the two years' numbers and sentences. The sentences share the
    width the other columns leave (fixed at 330 px each, they wrapped in two or three lines
    beside 380 blank pixels at 1366, more at 1920), and the rows are measured again as they widen."""
    NARROW, SENTENCE = 90, 330  # 事项's and the numbers' widths; a sentence's at least
    SENTENCE_COLUMNS = (2, 4)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def narrow_width(self, column: int) -> int:
        """NARROW, or the column's heading whole: two years apart it reads 「较早年度正文数字」,
        cut at both ends in 90 px."""
        item = self.horizontalHeaderItem(column)
        header = self.horizontalHeader()
        margin = header.style().pixelMetric(QtWidgets.QStyle.PixelMetric.PM_HeaderMargin, None, header)
        return max(self.NARROW, header.fontMetrics().horizontalAdvance(item.text()) + 2 * margin + 8
                   if item is not None else 0)

    def fit_columns(self) -> None:
        header = self.horizontalHeader()
        narrow = {c: self.narrow_width(c) for c in range(self.columnCount()) if c not in self.SENTENCE_COLUMNS}
        spare = max(self.viewport().width() - sum(narrow.values()), 2 * self.SENTENCE)
        previous, current = self.SENTENCE_COLUMNS
        widths = narrow | {previous: spare // 2, current: spare - spare // 2}
        if all(header.sectionSize(c) == w for c, w in widths.items()):
            return
        for column, width in widths.items():
            header.resizeSection(column, width)
        self.resizeRowsToContents()


def _sentence_html(sentence: str, repeated: bool) -> str:
    """A sentence of the reuse texts: repeated ones highlighted, fixed wording (not counted) grey."""
    if repeated:
        return f'<span style="background:{REPEATED_BACKGROUND}">{html.escape(sentence)}</span>'
    if is_fixed_wording(sentence):
        return f'<span style="color:#888888">{html.escape(sentence)}</span>'
    return html.escape(sentence)


class CompareView(QWidget):
    openInReview = Signal(str, str)  # file, cell path
    statusMessage = Signal(str)

    def __init__(self, comparison: Comparison, parent=None) -> None:
        super().__init__(parent)
        self.comparison = comparison
        self.export_folder = ""  # where the export dialog opens (the last export's folder), if known
        # the main window's settings, when it opened this window: one 比对 export folder for every
        # comparison window, read when the dialog opens (not copied, which goes stale)
        self.settings = None
        # the main window's: where a first export starts (beside the opened folder, never in it,
        # where a Word 比对报告 would be read as a report at the next opening)
        self.first_export_folder = None
        self._syncing = False
        self._opening_path = ""  # the cell the keyboard started on, until another is chosen
        self._change_said = False  # the status bar shows F8's 第 n 处变化 (cleared on a tab switch)
        self._scrolling = False  # one year's table scrolls the other's (_scroll_other)
        self.sessions: list = []  # the two reports' ReportSessions this view follows (follow())
        self._rebuild_timer = QTimer(self)  # several changes in one event-loop turn: one rebuild
        self._rebuild_timer.setSingleShot(True)
        self._rebuild_timer.setInterval(0)
        self._rebuild_timer.timeout.connect(self.rebuild)
        self.models: dict[str, dict[str, CompareTableModel]] = {}
        self.views: dict[str, dict[str, TemplateTableView]] = {}
        self.count_labels: dict[str, QLabel] = {}
        self.captions: dict[str, dict[str, QLabel]] = {}  # each table's side: the year and file it shows
        before, now = comparison.previous.report, comparison.current.report

        self.title = QLabel(f"<b>{html.escape(now.agency or '')}</b>　{before.year}年 ↔ {now.year}年")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.delta_box = QCheckBox(text.SHOW_DELTA)
        self.delta_box.setToolTip(text.SHOW_DELTA_TIP)
        self.only_changes_box = QCheckBox(text.ONLY_CHANGES)
        self.only_changes_box.setToolTip(text.ONLY_CHANGES_TIP)
        # Alt+D / Alt+C (or a click) switch a box and leave the keyboard where it was: a check box
        # that takes clicks' focus takes its mnemonic's too, and the auditor in this year's table
        # was left on the box, Tab leading back to last year's table. Tab still reaches them.
        for box in (self.delta_box, self.only_changes_box):
            box.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.previous_button = QPushButton(text.PREVIOUS_CHANGE + "（Shift+F8）")
        self.next_button = QPushButton(text.NEXT_CHANGE + "（F8）")
        self.review_button = QPushButton(text.OPEN_IN_REVIEW)
        self.review_button.setToolTip(text.OPEN_IN_REVIEW_TIP)
        self.export_button = QPushButton(text.EXPORT_COMPARE)
        toolbar = QHBoxLayout()
        toolbar.addWidget(self.title, 1)
        for widget in (self.delta_box, self.only_changes_box, self.previous_button, self.next_button,
                       self.review_button, self.export_button):
            toolbar.addWidget(widget)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("compareTabs")
        # Where the keyboard was, read as the tab bar changes and before the page does: the
        # page's switch gave the focus to the next table in the Tab chain, last year's (from
        # this year's 表三, Ctrl+PgDn landed in 上年's 表四). Connected before the tab widget
        # connects its own switch (in setTabBar): Qt calls the slots in that order.
        self._kept_place: tuple = ()
        self.prose_table, self.reuse_texts = None, {}  # (built with 正文's page, after the tables')
        bar = QtWidgets.QTabBar()
        bar.currentChanged.connect(self._remember_place)
        self.tabs.setTabBar(bar)
        for section in SECTIONS:
            self.tabs.addTab(self._table_page(section), TAB_TITLES[section])
        self.tabs.addTab(self._prose_page(), text.TAB_PROSE)
        self.tabs.setCurrentIndex(SECTIONS.index("section3"))
        self.tabs.currentChanged.connect(self._restore_place)

        self.cards: list[FindingCard] = []
        # with no finding, one line beside the tabs says so and the panel's width goes to the
        # tables (at 1366 the panel took 210 px to say 未发现跨年度问题 beside wrapped row labels)
        self.findings_line = QLabel()
        self.findings_line.setObjectName("findingsLine")
        self.findings_line.setContentsMargins(0, 0, 8, 0)
        self.tabs.setCornerWidget(self.findings_line, Qt.Corner.TopRightCorner)
        self.body = body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(self.tabs)
        body.addWidget(self._findings_panel())
        body.setStretchFactor(0, 5)
        body.setStretchFactor(1, 1)
        body.setSizes(list(PANEL_SHARE))
        self._fill_cards()  # (in the splitter by now: a panel hidden before it was in one showed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(toolbar)
        layout.addWidget(body, 1)
        # the cell under the keyboard explained in one line (its tooltip's lines, which only the
        # mouse brought up): the arrows and F8 left a keyboard user with colours and no numbers
        self.cell_line = FittingLabel()
        self.cell_line.setObjectName("cellLine")
        self.cell_line.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.cell_line)
        self.legend = self._legend()
        layout.addWidget(self.legend)

        self.delta_box.toggled.connect(self.set_show_delta)
        self.only_changes_box.toggled.connect(self.set_only_changes)
        self.next_button.clicked.connect(lambda: self.next_change(1))
        self.previous_button.clicked.connect(lambda: self.next_change(-1))
        self.review_button.clicked.connect(self.open_in_review)
        self.export_button.clicked.connect(self.export)
        self.export_button.setToolTip(text.EXPORT_COMPARE_TIP)
        # as in the review: the panel Tab went to is ringed (both tables show the same selection)
        self.focus_rings = FocusRings([view for section in SECTIONS for view in self.views[section].values()]
                                      + [self.prose_table, *self.reuse_texts.values()], self)
        self.next_action = self._shortcut("F8", lambda: self.next_change(1))
        self.previous_action = self._shortcut("Shift+F8", lambda: self.next_change(-1))
        # as in the review: Ctrl+PgDn / Ctrl+PgUp go to the next / previous tab (正文 included)
        self._shortcut("Ctrl+PgDown", lambda: self._switch_tab(1))
        self._shortcut("Ctrl+PgUp", lambda: self._switch_tab(-1))
        self._shortcut("Ctrl+E", self.export)  # as the review's 导出 (its button: Alt+E)
        self._order_tab_chain()
        # the keyboard starts on the first change of the table on screen (else its first value),
        # selected in both years: it started on the heading cell, where no frame shows
        section = self.current_section()
        first = self.models[section][CURRENT].data(self.first_cell(section, CURRENT), CompareTableModel.PathRole)
        if first:
            self.select([first], [self.counterpart(first, CURRENT) or first])
        self._opening_path = first or ""  # (set after select(), which forgets it)
        self.tabs.currentChanged.connect(lambda _index: self.say_cell())
        self.tabs.currentChanged.connect(self._forget_change_message)
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self.say_cell()

    def keyboard_table(self) -> "TemplateTableView | None":
        """The year's table the keyboard is in; when it is elsewhere in the window (a card, a
        button), this year's table on screen; None on 正文."""
        section = self.current_section()
        if not section:
            return None
        focus = QApplication.focusWidget()
        return next((view for view in self.views[section].values() if view is focus),
                    self.views[section][CURRENT])

    def say_cell(self) -> None:
        """The cell line: the name, both years' values, the change and the difference, and
        whether the auditor corrected it, of the cell under the keyboard."""
        view = self.keyboard_table()
        # 正文 has no cell of the tables: the line goes (an empty line under its texts said nothing)
        self.cell_line.setVisible(view is not None)
        self.legend.setVisible(view is not None)  # nor are 正文's numbers coloured as it explains
        index = view.currentIndex() if view is not None else QModelIndex()
        path = view.model().data(index, CompareTableModel.PathRole) if index.isValid() else ""
        if not path:
            self.cell_line.set_lines([])
            self.cell_line.setToolTip("")
            return
        name, *facts = view.model().explanation(path)
        facts = "；".join(facts)
        # the fullest wording that fits (a long row label of （六）其他处理 beside 审核中已修正 at 1366)
        self.cell_line.set_lines([text.CELL_LINE.format(name=name, facts=facts),
                                  text.CELL_LINE_SHORT.format(name=name, facts=facts)])
        self.cell_line.setToolTip(text.CELL_LINE_SHORT.format(name=name, facts=facts))

    def _focus_changed(self, _old, new) -> None:
        if new is not None and self.isAncestorOf(new):  # (another window's focus says nothing here)
            self.say_cell()

    def _order_tab_chain(self) -> None:
        """Tab from 显示差值 or 只看变化 goes on to the tables (上年, then 本年): it went through
        the four buttons first, which have keys of their own (Shift+F8, F8, Alt+O, Alt+E). The
        buttons and the tab bar (Ctrl+PgUp/PgDn) come after the tables and the cards."""
        head = [self.delta_box, self.only_changes_box]
        tail = [self.previous_button, self.next_button, self.review_button, self.export_button,
                self.tabs.tabBar()]
        middle = [self.views[section][side] for section in SECTIONS for side in SIDES]
        middle += [self.prose_table, *self.reuse_texts.values(), *self.cards]
        order = head + middle + tail
        for before, after in zip(order, order[1:]):
            QWidget.setTabOrder(before, after)

    def _say(self, message: str, change: bool = False) -> None:
        """A message in the window's status bar; ``change``: F8's place among the changes."""
        self._change_said = change
        self.statusMessage.emit(message)

    def _forget_change_message(self, _index: int) -> None:
        """Another tab: F8's 第 n 处变化 goes, which stayed 15 s over a table it did not speak of."""
        if self._change_said:
            self._say("")

    def _switch_tab(self, step: int) -> None:
        index = self.tabs.currentIndex() + step
        if 0 <= index < self.tabs.count():
            self.tabs.setCurrentIndex(index)

    # --- the keyboard's side across tabs ---------------------------------------------------------------

    def _place_of(self, widget) -> tuple:
        """(side, row, column) of the keyboard in `widget` when it is a year's table or a part
        of 正文, else ()."""
        if widget is None:
            return ()
        for views in self.views.values():
            for side, view in views.items():
                if widget is view:
                    current = view.currentIndex()
                    return (side, current.row(), current.column()) if current.isValid() else (side, -1, -1)
        for side, edit in self.reuse_texts.items():
            if widget is edit:
                return side, -1, -1
        if widget is self.prose_table:
            current = self.prose_table.currentIndex()
            if not current.isValid() or current.column() == 0:  # 事项: neither year's
                return ()
            side = PREVIOUS if current.column() < PROSE_CURRENT_COLUMN else CURRENT
            return side, current.row(), current.column()
        return ()

    def _remember_place(self, _index: int) -> None:
        self._kept_place = self._place_of(QApplication.focusWidget())

    def _restore_place(self, index: int) -> None:
        """After a tab switch the keyboard is on the same year's side as before: in that year's
        table, on the cell it had there, else on the cell of the same row and column the
        previous table had, else on its first cell; on 正文, in that year's columns."""
        place, self._kept_place = self._kept_place, ()
        if not place:
            return
        side, row, column = place
        if index >= len(SECTIONS):
            self._enter_prose(side)
            return
        view = self.views[SECTIONS[index]][side]
        model = view.model()
        current = view.currentIndex()
        if not current.isValid() or view.isRowHidden(current.row()):
            inside = 0 <= row < model.rowCount() and 0 <= column < model.columnCount()
            if not inside or view.isRowHidden(row):
                first = self.first_cell(SECTIONS[index], side)
                row, column = (first.row(), first.column()) if first.isValid() else (0, 0)
            anchor = model.cell_at(model.index(row, column))  # a merged cell: its top-left
            if anchor is not None:
                row, column = anchor.row, anchor.column
            current = model.index(row, column)
            # the place only: the selection (both years' mirrored) stays as it is
            view.selectionModel().setCurrentIndex(current, QItemSelectionModel.SelectionFlag.NoUpdate)
        view.setFocus(Qt.FocusReason.TabFocusReason)
        view.scrollTo(current)

    def _enter_prose(self, side: str) -> None:
        """正文 from a year's table: its numbers' table in that year's columns (the row it had),
        or that year's text when there are no numbers."""
        table = self.prose_table
        if table.rowCount() == 0:
            self.reuse_texts[side].setFocus(Qt.FocusReason.TabFocusReason)
            return
        current = table.currentIndex()
        row = current.row() if current.isValid() else 0
        column = PROSE_CURRENT_COLUMN if side == CURRENT else PROSE_PREVIOUS_COLUMN
        if current.isValid() and self._place_of(table)[:1] == (side,):
            column = current.column()  # already in that year's columns: where it was
        table.selectionModel().setCurrentIndex(table.model().index(row, column),
                                               QItemSelectionModel.SelectionFlag.ClearAndSelect)
        table.setFocus(Qt.FocusReason.TabFocusReason)

    # --- building --------------------------------------------------------------------------------

    def _shortcut(self, key: str, slot) -> QAction:
        action = QAction(self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    @staticmethod
    def _counts_text(comparison: Comparison, section: str) -> str:
        """变化 n · 未变 n · …, and the grey cells one template version has (not counted)."""
        line = text.COUNTS.format(**comparison.counts[section].to_json())
        only = sum(len(comparison.one_version_cells(side, section)) for side in SIDES)
        return line + (text.COUNTS_ONLY.format(count=only) if only else "")

    def _table_page(self, section: str) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        label = QLabel(self._counts_text(self.comparison, section))
        label.setToolTip(text.COUNTS_TIP)
        self.count_labels[section] = label
        layout.addWidget(label)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.models[section], self.views[section] = {}, {}
        for side in SIDES:
            model = CompareTableModel(self.comparison, section, side, self)
            view = YearTable(model)
            view.setObjectName(f"compare_{section}_{side}")
            view.setItemDelegate(CompareDelegate(view))
            view.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
            narrow_columns(view)
            view.keep_headings_in_view()  # 表三/表四 scroll at 1366: their column headings stay in sight
            view.customContextMenuRequested.connect(lambda pos, v=view: self._cell_menu(v, pos))
            view.selectionModel().selectionChanged.connect(
                lambda *_args, s=section, d=side: self._mirror_selection(s, d))
            view.selectionModel().currentChanged.connect(lambda *_args: self.say_cell())
            self.models[section][side], self.views[section][side] = model, view
            column = QWidget()
            column_layout = QVBoxLayout(column)
            column_layout.setContentsMargins(0, 0, 0, 0)
            caption = QLabel()
            self.captions.setdefault(section, {})[side] = caption
            self._caption(caption, side)
            # a long name is cut at the column's edge instead of widening the column
            caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            column_layout.addWidget(caption)
            column_layout.addWidget(view, 1)
            splitter.addWidget(column)
        left, right = self.views[section][PREVIOUS], self.views[section][CURRENT]
        for a, b in ((left, right), (right, left)):
            for bar, other in ((a.verticalScrollBar(), b.verticalScrollBar()),
                               (a.horizontalScrollBar(), b.horizontalScrollBar())):
                bar.valueChanged.connect(lambda value, o=other: self._scroll_other(o, value))
        for view in (left, right):  # a wider or narrower label column: its labels wrap anew
            view.resized.connect(lambda s=section: self._fit_label_columns(s))
        layout.addWidget(splitter, 1)
        self._align_rows(section)
        return page

    def _caption(self, caption: QLabel, side: str) -> None:
        """The side's year, template and file named: a year filed twice is compared through one of its copies."""
        report = (self.comparison.previous if side == PREVIOUS else self.comparison.current).report
        word = self.comparison.sided(text.PREVIOUS_SIDE if side == PREVIOUS else text.CURRENT_SIDE)
        caption.setText(f"<b>{word}</b>　"
                        + html.escape(text.SIDE_TITLE.format(
                            year=report.year, template=strings.TEMPLATE_NAMES.get(report.template, report.template),
                            file=Path(report.file).name if report.file else "")))
        caption.setToolTip(report.file or "")

    def _scroll_other(self, bar, value: int) -> None:
        """The other year's table scrolls with this one as far as it goes: where it stops (a
        shorter table, 2019版 beside 2021版) it no longer pulls this one back (the foot of the
        longer 表三 was out of reach, Ctrl+End's cell out of sight)."""
        if self._scrolling:
            return
        self._scrolling = True
        try:
            bar.setValue(value)
        finally:
            self._scrolling = False

    def _prose_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        columns = [self.comparison.sided(title) for title in text.PROSE_COLUMNS]
        self.prose_table = ProseTable(0, len(columns))
        self.prose_table.setObjectName("proseNumbers")
        self.prose_table.setHorizontalHeaderLabels(list(columns))
        self.prose_table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.prose_table.verticalHeader().hide()
        self.prose_table.setWordWrap(True)
        layout.addWidget(self.prose_table, 1)
        self.reuse_label = QLabel()
        self.reuse_label.setObjectName("reuseLine")
        self.reuse_label.setToolTip(METHOD)
        layout.addWidget(self.reuse_label)
        texts = QSplitter(Qt.Orientation.Horizontal)
        self.reuse_texts: dict[str, QTextEdit] = {}
        for side in SIDES:
            edit = QTextEdit()
            edit.setReadOnly(True)
            edit.setToolTip(METHOD)
            self.reuse_texts[side] = edit
            texts.addWidget(edit)
        layout.addWidget(texts, 1)
        self._fill_prose()
        return page

    def _fill_prose(self) -> None:
        """正文's numbers and texts, from the two reports compared (again when a side's report is
        another one: the copy of a year filed twice that stands for it changed)."""
        self.prose_table.setRowCount(len(self.comparison.prose))
        for r, row in enumerate(self.comparison.prose):
            cells = [row.topic,
                     str(row.previous.value) if row.previous else "", row.previous.sentence if row.previous else "",
                     str(row.current.value) if row.current else "", row.current.sentence if row.current else ""]
            for c, value in enumerate(cells):
                item = QtWidgets.QTableWidgetItem(value)
                item.setToolTip(value)
                self.prose_table.setItem(r, c, item)
        self.prose_table.fit_columns()
        reuse = self.comparison.reuse
        self.reuse_label.setText(text.REUSE_LINE.format(overall=share_text(reuse.overall), **{
            k: share_text(s.share, s.current) for k, s in reuse.sections.items()}))
        for side, edit in self.reuse_texts.items():
            blocks = []
            for name, section in reuse.sections.items():
                sentences = section.previous if side == PREVIOUS else section.current
                body = "".join(_sentence_html(s, repeated) for s, repeated in sentences)
                shown = share_text(section.share, section.current)
                said = text.REUSE_SECTION if section.share is not None else text.REUSE_SECTION_UNCOUNTED
                blocks.append(f"<p><b>{said.format(section=name, share=shown)}"
                              f"</b><br>{body}</p>")
            edit.setHtml("".join(blocks))

    def _findings_panel(self) -> QWidget:
        self.findings_panel = panel = QWidget()
        panel.setObjectName("findingsPanel")
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        self.findings_title = QLabel()
        layout.addWidget(self.findings_title)
        self.cards_scroll = QtWidgets.QScrollArea()
        self.cards_scroll.setWidgetResizable(True)
        # Tab goes to the cards themselves (ringed when they have the focus), not first to their
        # scroll area, a stop with no ring and nothing to do
        self.cards_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.cards_scroll, 1)
        return panel

    def _fill_cards(self, selected: tuple = ()) -> None:
        """The X cards of self.comparison (again after a rebuild: a new inner widget replaces the
        old one); ``selected`` is the key of the card to show selected."""
        findings = self.comparison.findings
        self.findings_title.setText(f"<b>{text.FINDINGS_TITLE.format(count=len(findings))}</b>")
        inner = QWidget()
        cards = QVBoxLayout(inner)
        cards.setContentsMargins(0, 0, 0, 0)
        self._show_findings_panel(bool(findings))
        if not self.comparison.consecutive:
            self.findings_line.setText(text.NOT_CONSECUTIVE_LINE)
            self.findings_line.setToolTip(text.NOT_CONSECUTIVE)
        else:
            self.findings_line.setText(text.FINDINGS_NONE_LINE)
            self.findings_line.setToolTip(text.FINDINGS_NONE_TIP)
        self.cards = []
        for finding in findings:
            current = self.comparison.current
            card = FindingCard(finding, self._card_values(finding), current.verdict_of(finding),
                               lapsed=current.lapsed_verdict_of(finding))
            card.clicked.connect(self.select_finding)
            card.set_selected(card.key() == selected)
            self.cards.append(card)
            cards.addWidget(card)
        cards.addStretch(1)
        self.cards_scroll.setWidget(inner)  # deletes the previous inner widget and its cards

    def _show_findings_panel(self, on: bool) -> None:
        """The cards' panel beside the tables when there are cards, else the one line beside the
        tabs (a correction in the review can bring cards, or take the last one away)."""
        self.findings_line.setHidden(on)
        if self.findings_panel.isHidden() != on:
            return
        self.findings_panel.setVisible(on)
        if on:  # back from hidden (its width was 0): the share it opens with
            total = sum(self.body.sizes()) or sum(PANEL_SHARE)
            panel = total * PANEL_SHARE[1] // sum(PANEL_SHARE)
            self.body.setSizes([total - panel, panel])

    def _card_values(self, finding: Finding) -> str:
        if finding.rule == "X-2" and finding.expected is not None and finding.actual is not None:
            # 现行有效 against 上年 + 制发 − 废止: last year's count alone is not what is missing
            return text.CARD_EXPECTED.format(expected=format_number(finding.expected),
                                             current=format_number(finding.actual)) + \
                text.CARD_DELTA.format(delta=format_number(finding.actual - finding.expected))
        now = [c for c in finding.cells if c.count(".") == 2]
        before = [c for c in self.comparison.cells_before(finding) if c.count(".") == 2]
        if not now or not before:
            return ""
        current = [self.comparison.current.value(c) for c in now]
        previous = [self.comparison.previous.value(c) for c in before]
        if None in current or None in previous:
            return ""
        p, c = sum(previous), sum(current)
        return text.CARD_VALUES.format(previous=format_number(p), current=format_number(c)) + \
            text.CARD_DELTA.format(delta=format_number(c - p))

    def _legend(self) -> QWidget:
        legend = QWidget()
        layout = QHBoxLayout(legend)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(QLabel(text.LEGEND_TITLE))
        swatches = [(CHANGE_COLOURS[k], CHANGE_LABELS[k]) for k in (UP, BECAME_NONZERO, DOWN, BECAME_ZERO)]
        for colour, label in swatches + [(ONLY_ONE_VERSION_COLOUR, text.LEGEND_ONLY)]:
            swatch = QLabel()
            swatch.setFixedSize(16, 16)
            swatch.setStyleSheet(f"background: #{colour}; border: 1px solid #888;")
            layout.addWidget(swatch)
            layout.addWidget(QLabel(label))
            layout.addSpacing(8)
        layout.addWidget(QLabel(text.LEGEND_CORRECTED))
        layout.addStretch(1)
        return legend

    # --- modes -------------------------------------------------------------------------------------

    def set_show_delta(self, on: bool) -> None:
        for section in SECTIONS:
            self.models[section][CURRENT].set_show_delta(on)
            for side in SIDES:  # the difference takes two lines (and 表四's columns its width)
                self.views[section][side].fit_label_column()
                self.views[section][side].resizeRowsToContents()
            self._align_rows(section)

    def _fit_label_columns(self, section: str) -> None:
        """A year's table was resized (the window, the splitter between the years): the label
        columns take the width left, and the rows are measured at once where a label wraps anew,
        both years together, before they are drawn."""
        views = [self.views[section][side] for side in SIDES]
        if any([view.fit_label_column() for view in views]):  # (both fitted)
            for view in views:
                view.resizeRowsToContents()
            self._align_rows(section)
        for view in views:  # the scroll bars follow the widths and heights now, not a turn later
            view.updateGeometries()

    def _align_rows(self, section: str) -> None:
        """Same template on both sides: give each row the taller of its two heights, so that
        the rows stay side by side as the tables scroll together. (First the rows left in sight
        beside 表三's 三、本年度办理结果 grow to hold it whole: see _fit_vertical_labels.)"""
        left, right = self.views[section][PREVIOUS], self.views[section][CURRENT]
        for view in (left, right):
            self._fit_vertical_labels(view)
        if left.model().grid.rows != right.model().grid.rows:
            return
        for row in range(left.model().grid.rows):
            height = max(left.rowHeight(row), right.rowHeight(row))
            left.setRowHeight(row, height)
            right.setRowHeight(row, height)

    def set_only_changes(self, on: bool) -> None:
        for section in SECTIONS:
            for side in SIDES:
                model, view = self.models[section][side], self.views[section][side]
                for row in range(model.rowCount()):
                    view.setRowHidden(row, on and model.row_has_values(row) and not model.row_changed(row))
                # a heading (第二十条第（八）项, its 信息内容 row) goes with the last of its rows
                for heading, rows in model.headings():
                    gone = on and bool(rows) and all(view.isRowHidden(row) for row in rows)
                    for row in heading:
                        view.setRowHidden(row, gone)
                view.resizeRowsToContents()  # (the rows a vertical label grew: measured again)
            self._align_rows(section)

    @staticmethod
    def _fit_vertical_labels(view: "YearTable") -> None:
        """表三's 三、本年度办理结果 is set down its narrow column, a character a line, over the
        result rows: with most of them hidden (只看变化) it had the height of two or three rows and
        was cut to 「三、…」, the auditor not told which group the rows left belong to. The rows of
        its span still in sight share what it lacks."""
        model = view.model()
        for cell in model.grid.spans():
            if not model.is_vertical_label(cell):
                continue
            rows = [row for row in range(cell.row, cell.row + cell.row_span) if not view.isRowHidden(row)]
            if not rows:
                continue
            font = model.data(model.index(cell.row, cell.column), Qt.ItemDataRole.FontRole) or view.font()
            # (a line more than its characters: the cell's margins and frame)
            need = QFontMetrics(font).lineSpacing() * (len(cell.text.replace("\n", "")) + 1) + 8
            lacking = need - sum(view.rowHeight(row) for row in rows)
            if lacking > 0:
                share = -(-lacking // len(rows))
                for row in rows:
                    view.setRowHeight(row, view.rowHeight(row) + share)

    # --- selection, in both years at once ------------------------------------------------------------

    def show_section(self, section: str) -> None:
        self.tabs.setCurrentIndex(SECTIONS.index(section))

    def current_section(self) -> str:
        index = self.tabs.currentIndex()
        return SECTIONS[index] if index < len(SECTIONS) else ""

    def counterpart(self, path: str, side: str) -> str:
        change = self.comparison.change_at(path, side)
        if change is None:
            return ""
        return change.previous_path if side == CURRENT else change.path

    def select(self, current: list[str], previous: list[str]) -> None:
        """Select cells (paths or whole rows/tables) in this year's and last year's table."""
        self._opening_path = ""  # another cell chosen: F8 goes on from it
        wanted = {CURRENT: [c for c in current if c], PREVIOUS: [c for c in previous if c]}
        first = (wanted[CURRENT] or wanted[PREVIOUS] or [""])[0]
        section = first.split(".")[0]
        if section not in SECTIONS:
            return
        self.show_section(section)
        self._syncing = True
        try:
            for side in SIDES:
                model, view = self.models[section][side], self.views[section][side]
                paths = model.grid.paths_under(wanted[side])
                selection = QItemSelection()
                for path in paths:
                    index = model.index_of(path)
                    selection.select(index, index)
                selection_model = view.selectionModel()
                selection_model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                if paths:
                    focus = model.index_of(paths[0])
                    selection_model.setCurrentIndex(focus, QItemSelectionModel.SelectionFlag.NoUpdate)
                    view.scrollTo(focus)
        finally:
            self._syncing = False

    def _mirror_selection(self, section: str, side: str) -> None:
        """A cell selected on one side selects the same cell on the other."""
        if self._syncing:
            return
        self._opening_path = ""
        model, view = self.models[section][side], self.views[section][side]
        paths = [model.data(i, CompareTableModel.PathRole) for i in view.selectionModel().selectedIndexes()]
        paths = [p for p in paths if p]
        others = [self.counterpart(p, side) for p in paths]
        if side == CURRENT:
            self.select(paths, others)
        else:
            self.select(others, paths)

    def selected_path(self, side: str = CURRENT) -> str:
        section = self.current_section()
        if not section:
            return ""
        view = self.views[section][side]
        index = view.selectionModel().currentIndex()
        return view.model().data(index, CompareTableModel.PathRole) or "" if index.isValid() else ""

    def selected_card(self) -> "FindingCard | None":
        return next((card for card in self.cards if card.selected), None)

    def select_finding(self, finding: Finding) -> None:
        for card in self.cards:
            card.set_selected(card.finding is finding)
        if not finding.cells:  # X-3 on the prose: show the repeated text
            self.tabs.setCurrentIndex(len(SECTIONS))
            return
        self.select(list(finding.cells), self.comparison.cells_before(finding))

    def next_change(self, step: int = 1) -> str:
        """Select the next (step 1) or previous (step -1) changed cell; returns its path. The
        status bar says which change of how many it is, and when it went round from the last
        change to the first (or back from the first to the last): that was silent."""
        changes = [c.path for c in self.comparison.changes()]
        if not changes:
            self._say(text.NO_CHANGE)
            return ""
        here = self._chosen_path()
        order = {p: i for i, p in enumerate(c.path for c in self.comparison.cells)}
        if here in order:
            position = order[here]
            later = [p for p in changes if (order[p] - position) * step > 0]
            target = (later[0] if step > 0 else later[-1]) if later else None
        else:  # nothing chosen yet: from the top (F8) or the end (Shift+F8) of the table on screen
            target = self._first_change_from_table(changes, step)
        wrapped = target is None
        if wrapped:
            target = changes[0] if step > 0 else changes[-1]
        self.select([target], [self.counterpart(target, CURRENT)])
        number, count = changes.index(target) + 1, len(changes)
        if not wrapped:
            message = text.CHANGE_AT.format(number=number, count=count)
        else:
            message = (text.CHANGES_FROM_START if step > 0 else text.CHANGES_FROM_END).format(number=number, count=count)
        section = target.split(".")[0]
        in_table = [p for p in changes if p.split(".")[0] == section]
        if section in TAB_TITLES:
            message += text.CHANGE_IN_TABLE.format(table=TAB_TITLES[section], number=in_table.index(target) + 1,
                                                   count=len(in_table))
        self._say(message, change=True)
        return target

    def _chosen_path(self) -> str:
        """This year's cell the keyboard is on, unless it is still the one the window opened
        on: as the review's first problem, F8 then goes to that change, not past it."""
        path = self.selected_path(CURRENT)
        return "" if path and path == self._opening_path else path

    def _first_change_from_table(self, changes: list[str], step: int) -> "str | None":
        """The first change of the table on screen or a later one (step 1), the last of it or an
        earlier one (step -1); None past the last table (and on 正文): round to the other end."""
        section = self.current_section()
        if section:
            rank = {s: i for i, s in enumerate(SECTIONS)}
            here = rank[section]
            ahead = [p for p in changes if (rank.get(p.split(".")[0], here) - here) * step >= 0]
            if ahead:
                return ahead[0] if step > 0 else ahead[-1]
        return None

    def first_cell(self, section: str, side: str) -> QModelIndex:
        """Where the keyboard starts in a year's table: its first changed cell shown, else its
        first value shown. It started on the table's heading cell, where the cell frame cannot
        be seen: nothing showed where the arrows would go from."""
        model, view = self.models[section][side], self.views[section][side]
        cells = [c for c in sorted(model.grid.value_cells(), key=lambda c: (c.row, c.column))
                 if not view.isRowHidden(c.row)]
        changed = [c for c in cells if (change := model.change_of(c.path)) is not None and change.changed]
        first = (changed or cells or [None])[0]
        return model.index(first.row, first.column) if first is not None else QModelIndex()

    # --- following the review ------------------------------------------------------------------------

    def follow(self, sessions) -> None:
        """Rebuild whenever one of the two reports' sessions changes (a correction, a verdict in
        the main window), so that the window and its export show the reviews as they are now."""
        self.unfollow()
        self.sessions = list(sessions)
        for session in self.sessions:
            session.changed.connect(self._rebuild_timer.start)
            session.destroyed.connect(self._session_gone)

    def set_pair(self, sessions) -> None:
        """Compare these two reports instead (of one agency's same two years, in the same template
        versions: the layout stays): the copy of a year filed twice that stands for it changed."""
        self.follow(sessions)
        self._rebuild_timer.start()

    def unfollow(self) -> None:
        for session in self.sessions:
            for signal, slot in (("changed", self._rebuild_timer.start), ("destroyed", self._session_gone)):
                try:
                    getattr(session, signal).disconnect(slot)
                except (RuntimeError, TypeError):  # already deleted (a folder reopened)
                    pass
        self.sessions = []
        self._rebuild_timer.stop()

    def _session_gone(self, *_args) -> None:
        self.unfollow()  # the folder was reopened: the window keeps its last comparison

    def rebuild(self) -> None:
        """Draw the comparison again from the reviews as they stand now, keeping what the
        auditor looks at: the tab, the selected cells, the scroll positions and the selected card."""
        reviews = [s.review for s in self.sessions] or [self.comparison.previous, self.comparison.current]
        try:
            comparison = Comparison(*reviews)
        except ValueError:  # PairError: nothing the review can change makes a valid pair invalid
            return
        before = (self.comparison.previous, self.comparison.current)
        self.comparison = comparison
        if (comparison.previous, comparison.current) != before:  # (identity: ReportReview has no __eq__)
            # another copy of a year filed twice stands for it now (set_pair): its file, its text
            for captions in self.captions.values():
                for side, caption in captions.items():
                    self._caption(caption, side)
            self._fill_prose()
        for section in SECTIONS:
            self.count_labels[section].setText(self._counts_text(comparison, section))
            for side in SIDES:
                self.models[section][side].set_comparison(comparison)
            if self.delta_box.isChecked():  # a difference may now take two lines, or one
                for side in SIDES:
                    self.views[section][side].resizeRowsToContents()
                self._align_rows(section)
        if self.only_changes_box.isChecked():
            self.set_only_changes(True)
        bar = self.cards_scroll.verticalScrollBar()
        position, card = bar.value(), self.selected_card()
        self._fill_cards(card.key() if card is not None else ())
        self._order_tab_chain()  # the new cards after the tables again, not after the buttons
        self.cards_scroll.widget().adjustSize()
        bar.setValue(position)
        self.say_cell()  # a correction in the review: new values under the keyboard

    # --- leaving the comparison --------------------------------------------------------------------

    def _cell_menu(self, view: TemplateTableView, pos) -> None:
        index = view.indexAt(pos)
        path = view.model().data(index, CompareTableModel.PathRole) if index.isValid() else ""
        if not path:
            return
        menu = QtWidgets.QMenu(self)
        menu.addAction(text.OPEN_IN_REVIEW, lambda: self.openInReview.emit(view.model().review.report.file, path))
        menu.popup(view.viewport().mapToGlobal(pos))
        self._menu = menu  # keep it alive while it shows

    def open_in_review(self) -> None:
        for side in (CURRENT, PREVIOUS):
            path = self.selected_path(side)
            if path:
                review = self.comparison.current if side == CURRENT else self.comparison.previous
                self.openInReview.emit(review.report.file, path)
                return
        self.openInReview.emit(self.comparison.current.report.file, "")

    def export(self) -> None:
        before, now = self.comparison.previous.report, self.comparison.current.report
        name = f"{now.agency or ''}{before.year}-{now.year}比对.xlsx"
        shared = self.settings.export_folder("compare") if self.settings is not None else ""
        folder = shared or self.export_folder
        if not folder and self.first_export_folder is not None:
            folder = str(self.first_export_folder())
        elif not folder and now.file:
            folder = str(Path(now.file).parent.parent)
        start = str(Path(folder) / name) if folder else name
        keyboard = QApplication.focusWidget()
        try:
            target, chosen = file_dialogs.save_file_name(self, text.EXPORT_COMPARE_TITLE, start,
                                                         text.EXPORT_COMPARE_FILTER)
            suffixes = (".docx", ".xlsx") if "docx" in chosen else (".xlsx", ".docx")
            named = file_to_write(target, suffixes, Path(name).stem) if target else ""
            # the dialog asked about the name as typed (「比对」); 「比对.xlsx」 was written over unasked
            if named and not file_dialogs.replace_confirmed(self, text.EXPORT_COMPARE_TITLE, target, named):
                named = ""
        finally:
            self.give_back_focus(keyboard)
        if named:
            self.export_to(Path(named))

    def give_back_focus(self, keyboard) -> None:
        """After a dialog: this window active again, the keyboard where it was (the table and
        its cell). Under Xvfb, with no window manager to do it, F8 did nothing after 导出比对's
        dialog closed: the window was left without a focused widget."""
        window = self.window()
        window.raise_()
        window.activateWindow()
        if keyboard is None or not self.isAncestorOf(keyboard) or not keyboard.isVisible():
            section = self.current_section()
            keyboard = self.views[section][CURRENT] if section else self.prose_table
        keyboard.setFocus(Qt.FocusReason.OtherFocusReason)

    def export_to(self, target: Path) -> bool:
        """.xlsx: both years side by side; .docx: the Word 比对报告."""
        from core.export.compare_docx import write_compare_docx
        from core.export.compare_xlsx import write_compare_xlsx

        target = Path(target)
        files = {Path(r.report.file).resolve() for r in (self.comparison.previous, self.comparison.current)}
        if target.resolve() in files:
            self._say(strings.EXPORT_SOURCE)
            return False
        write = write_compare_docx if target.suffix.lower() == ".docx" else write_compare_xlsx
        try:
            write(self.comparison, target)
        except (OSError, ValueError) as error:
            from core.cli import os_error_text  # (Python's own words are English)
            self._say(text.EXPORT_COMPARE_FAILED.format(
                error=os_error_text(error) if isinstance(error, OSError) else error))
            return False
        self._say(text.EXPORT_COMPARE_DONE.format(path=target))
        self.export_folder = str(target.parent)
        if self.settings is not None:
            self.settings.set_export_folder("compare", self.export_folder)
        return True


WINDOW_SIZE = QSize(1920, 1080)  # at most: the screen's free area is the usual size
PLACED_MS = 250  # by then the window manager has placed a new window


class CompareWindow(QMainWindow):
    """The comparison in its own window (several may be open beside the review)."""

    def __init__(self, comparison: Comparison, parent=None, screen=None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if screen is not None:  # the review's screen, for a window without a parent
            self.setScreen(screen)
        before, now = comparison.previous.report, comparison.current.report
        self.setWindowTitle(text.COMPARE_TITLE.format(agency=now.agency or "", previous=before.year,
                                                      current=now.year))
        self.view = CompareView(comparison, self)
        self.setCentralWidget(self.view)
        # (a lambda: it holds the window, which a caller may keep only its view of)
        self.view.statusMessage.connect(lambda message: self.statusBar().showMessage(message, 15000))
        self.copies_label: FittingLabel | None = None  # a side's year filed twice (say_copies)
        add_close_keys(self)
        help_action = QAction(self)  # F1: the keys and the cross-year rules of this window
        help_action.setShortcut(QKeySequence("F1"))
        help_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        help_action.triggered.connect(lambda: QMessageBox.information(self, text.HELP_TITLE, text.HELP))
        self.addAction(help_action)
        # the keyboard starts in this year's table (it started on 显示差值: arrows and Shift+F10
        # did nothing until Tab had been pressed a few times)
        self.view.views[SECTIONS[self.view.tabs.currentIndex()]][CURRENT].setFocus(Qt.FocusReason.OtherFocusReason)
        # the screen's free area less a title bar: on a 1366×768 screen its bottom (the legend and
        # the status bar, where 导出比对 says where it wrote) was off the screen at 1366×768; on a
        # 1920×1080 one, 1366×768 left two years' 表三 scrolled, their labels wrapped in 3 lines
        place_in_middle(self, WINDOW_SIZE)

    def set_comparison(self, comparison: Comparison) -> None:
        """Show ``comparison`` in a view built anew (another copy of a year stands for it, in
        another template version: its tables have other rows), on the same tab, the keyboard in
        this year's table if it was in the window. The caller has the new view follow the review."""
        old = self.view
        focus = QApplication.focusWidget()
        had_focus = focus is not None and old.isAncestorOf(focus)
        tab, delta, only = old.tabs.currentIndex(), old.delta_box.isChecked(), old.only_changes_box.isChecked()
        old.unfollow()
        self.view = CompareView(comparison, self)
        self.view.statusMessage.connect(lambda message: self.statusBar().showMessage(message, 15000))
        self.view.tabs.setCurrentIndex(tab)
        self.view.delta_box.setChecked(delta)
        self.view.only_changes_box.setChecked(only)
        self.setCentralWidget(self.view)  # (the old view deleted with it)
        if had_focus:
            section = self.view.current_section()  # ("" on 正文)
            target = self.view.views[section][CURRENT] if section else self.view.prose_table
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def say_copies(self, lines: list[str], tip: str) -> None:
        """A lasting line in the status bar on the copy of a year filed twice that a side shows
        (``lines`` fullest first: the longest that fits), hidden only while a message is shown."""
        if self.copies_label is None:
            self.copies_label = FittingLabel()
            self.copies_label.setObjectName("copiesNote")
            self.statusBar().addWidget(self.copies_label, 1)
        self.copies_label.set_lines(lines)
        self.copies_label.setToolTip(tip)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        keep_on_screen(self)
        # the window manager places the window once it is mapped: kept on screen then too
        QTimer.singleShot(PLACED_MS, self, lambda: keep_on_screen(self))

    def closeEvent(self, event) -> None:
        self.view.unfollow()  # a closed window does no work
        super().closeEvent(event)
