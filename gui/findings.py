"""问题清单: the findings of the open report (and the cells the parser was unsure of, one entry
a row: core.review.flag_groups).

Clicking an entry (or Enter / Space on it) selects its cells in the right table; 采用建议值
applies the finding's suggestion as an undoable edit; the 审核意见 column shows the auditor's
verdict (确认问题 / 已忽略) with its note. After the open entries, a grey row for each verdict
whose finding the auditor's correction made go away (级别 已消除): the note for the agency still
stands and goes into the exports; it is no problem, so no count and no F8 stop. On any entry with
a verdict, F2 edits its note (编辑说明) and Delete takes it back (撤销审核意见), both undo steps;
the context menu also copies the entry and goes to its cells.
"""
from __future__ import annotations

from typing import Callable, Optional, Union

from core.export.common import describe_cells
from core.model import BLANK_TEMPLATE, Finding
from core.review.edits import (DISMISSED, RESOLVED, RESOLVED_MESSAGE, Verdict, finding_key, unreadable_reason,
                               verdict_cells)
from core.review.flag_groups import FlagGroup
from gui.layout import caption_over_body, never_widens
from gui import palette, strings
from gui.list_model import ReadOnlyListModel
from gui.looks import LooksDelegate
from gui.qt import (QAbstractItemView, QAction, QApplication, QBrush, QColor, QEvent, QHeaderView, QKeySequence,
                    QLabel, QMenu, QModelIndex, QPushButton, QSize, QTableView, QTimer, QWidget, Qt, Signal)

from gui.session import ReportSession, format_number

_USER = int(Qt.ItemDataRole.UserRole)

Entry = Union[Finding, FlagGroup, Verdict]  # a Verdict: one whose finding is gone (已消除)
RESOLVED_SEVERITY = "resolved"  # SeverityRole of a resolved verdict's row
VERDICT_COLUMN = 4  # 审核意见
SIDE_WIDTHS = {3: 150, VERDICT_COLUMN: 120}  # 建议, 审核意见: pixels wanted beside 说明
MIN_SIDE_WIDTH = 40
SIDE_SHARE = 0.4  # of the room right of 规则 that 建议 and 审核意见 may take: 说明 keeps the rest
ROWS_SIZED_PER_TURN = 12


KEY_APPLY_SUGGESTION = "Ctrl+Shift+A"  # the window's 采用建议值, named in this panel's button and menu
KEY_LOCATE = "Enter"  # on an entry: its cells in the table, the keyboard there

class FindingsModel(ReadOnlyListModel):
    COLUMNS = strings.FINDINGS_COLUMNS
    FindingRole = _USER + 1  # the Finding (None for a flag entry)
    FlagRole = _USER + 2  # the FlagGroup: the parser's flags of a row (None for any other entry)
    CellsRole = _USER + 3  # list[str]: cell paths the entry is about
    FocusRole = _USER + 4  # str: the cell to show first (the suggestion's, else the first)
    SeverityRole = _USER + 5  # error | warning | flag | resolved (or a severity of core's own)
    VerdictRole = _USER + 6  # the Verdict on the finding or the resolved one (None when open or a flag)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._session: Optional[ReportSession] = None
        self._entries: list[Entry] = []
        self._problems = 0  # the entries before the resolved verdicts
        self._lapsed = 0  # the findings whose verdict an edit made lapse
        self._looks: dict = {}

    def set_session(self, session: Optional[ReportSession]) -> None:
        if self._session is not None:
            self._session.changed.disconnect(self.refresh)
        self._session = session
        if session is not None:
            session.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._looks: dict = {}  # (row, column) -> looks(index), until the entries change
        session = self._session
        if session is None:
            self._entries = []
        else:
            order = {"error": 0, "warning": 1}
            findings = sorted(session.findings, key=lambda f: order.get(f.severity, 2))
            problems = list(findings) + session.flag_groups
            self._problems = len(problems)
            # an undo that brings a finding back takes its verdict out of these: it is listed once
            self._entries = problems + session.review.resolved_verdicts(session.findings)
            self._lapsed = sum(session.lapsed_verdict_of(f) is not None for f in findings)
        self.endResetModel()

    def has_session(self) -> bool:
        """A report is shown (with no report open the list is empty, not "no problem found")."""
        return self._session is not None

    def lapsed_count(self) -> int:
        """The findings open again, their verdict lapsed: the 审核意见 column says so."""
        return self._lapsed if self._session is not None else 0

    def problem_count(self) -> int:
        """The findings and flags listed: the resolved verdicts after them are no problem."""
        return self._problems if self._session is not None else 0

    def resolved_count(self) -> int:
        return len(self._entries) - self.problem_count()

    def counts(self) -> tuple[int, int, int, int]:
        """Errors, warnings, 存疑 (flags and other severities) not dismissed, and findings with a
        verdict: counted as the dashboard's row counts them (ReportReview.counts)."""
        if self._session is None:
            return 0, 0, 0, 0
        return self._session.review.counts(self._session.findings)

    def unreadable(self) -> bool:
        """The open file gave no table: nothing was checked."""
        return self._session is not None and bool(unreadable_reason(self._session.report))

    def blank_template(self) -> bool:
        """The open file's tables were read and hold nothing (core.model.BLANK_TEMPLATE)."""
        return self._session is not None and BLANK_TEMPLATE in self._session.report.problems

    def looks(self, index: QModelIndex) -> tuple:
        # asked again and again of the same cells as a list opens: sizing its rows, sizing its
        # first columns to their contents, painting it
        key = (index.row(), index.column())
        try:
            return self._looks[key]
        except KeyError:
            value = self._looks[key] = super().looks(index)
            return value

    def entry(self, row: int) -> Optional[Entry]:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def _rows(self) -> list:
        return self._entries

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self._session is None:
            return None
        entry = self.entry(index.row())
        if entry is None:
            return None
        if isinstance(entry, Verdict):
            return self._resolved_data(entry, index.column(), role)
        finding = entry if isinstance(entry, Finding) else None
        severity = finding.severity if finding else "flag"
        if role == self.FindingRole:
            return finding
        if role == self.FlagRole:
            return None if finding else entry
        if role == self.SeverityRole:
            return severity
        verdict = self._session.verdict_of(finding) if finding else None
        if role == self.VerdictRole:
            return verdict
        if role == self.CellsRole:
            return list(finding.cells) if finding else entry.cells
        if role == self.FocusRole:
            if finding and finding.suggestion:
                return finding.suggestion.cell
            cells = finding.cells if finding else entry.cells
            return cells[0] if cells else ""
        column = index.column()
        if role == Qt.ItemDataRole.BackgroundRole and column == 0:
            return QBrush(palette.color(palette.severity_state(severity)))
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 0:
                return QBrush(QColor("#000000"))
            if verdict is not None and verdict.verdict == DISMISSED:
                return QBrush(QColor(palette.DISMISSED_TEXT))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == VERDICT_COLUMN:
                lapsed = self._session.lapsed_verdict_of(finding) if finding else None
                if lapsed is not None:  # open again: says what it had, and why it no longer holds
                    return lapsed.lapsed_label \
                        if role == Qt.ItemDataRole.DisplayRole else self._session.lapsed_text(finding)
                return strings.VERDICT_TEXT.format(verdict=verdict.label, note=verdict.note) \
                    if verdict and verdict.note else (verdict.label if verdict else "")
            return self._text(entry, finding, severity, column)
        return None

    def _resolved_data(self, verdict: Verdict, column: int, role: int):
        """A verdict whose finding is gone, as Excel's 问题清单 lists it: 已消除, its rule, the
        standing message naming its cells, the verdict and its note; all in grey."""
        if role == self.VerdictRole:
            return verdict
        if role == self.SeverityRole:
            return RESOLVED_SEVERITY
        if role in (self.FindingRole, self.FlagRole):
            return None
        cells = verdict_cells(self._session.version, verdict.cells)
        if role == self.CellsRole:
            return cells
        if role == self.FocusRole:
            return cells[0] if cells else ""
        if role == Qt.ItemDataRole.BackgroundRole and column == 0:
            return QBrush(QColor(palette.LABEL_BACKGROUND))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(palette.DISMISSED_TEXT))
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == 0:
            return RESOLVED
        if column == 1:
            return verdict.rule
        if column == 2:
            where = describe_cells(self._session.version, cells)
            return strings.RESOLVED_TEXT.format(message=RESOLVED_MESSAGE, cells=where) if where else RESOLVED_MESSAGE
        if column == VERDICT_COLUMN:
            return strings.VERDICT_TEXT.format(verdict=verdict.label, note=verdict.note) if verdict.note \
                else verdict.label
        return ""

    def _text(self, entry: Entry, finding: Optional[Finding], severity: str, column: int) -> str:
        if column == 0:
            return strings.SEVERITY_LABELS.get(severity, strings.SEVERITY_OTHER)
        if column == 1:
            return finding.rule if finding else strings.FLAG_RULE
        if column == 2:
            return finding.message if finding else entry.message
        if finding and finding.suggestion:
            s = finding.suggestion
            return strings.SUGGESTION_TEXT.format(cell=self._session.describe(s.cell),
                                                  value=format_number(s.value))
        return ""


class FindingsDelegate(LooksDelegate):
    """Measures a 级别 or 规则 cell once per text and width: fitting those two columns to their
    contents measures every entry of the list whenever a report opens (each a call into Python
    and a text layout), and they hold a few short texts."""

    FITTED_COLUMNS = (0, 1)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._hints: dict = {}

    def sizeHint(self, option, index: QModelIndex) -> QSize:
        column = index.column()
        looks = getattr(index.model(), "looks", None)
        if column not in self.FITTED_COLUMNS or looks is None:
            return super().sizeHint(option, index)
        rect = option.rect
        key = (column, looks(index)[0], rect.width(), rect.height(), option.font.key(), option.features.value)
        hint = self._hints.get(key)
        if hint is None:
            if len(self._hints) > 1000:
                self._hints.clear()
            hint = self._hints[key] = super().sizeHint(option, index)
        return QSize(hint)


class FindingsView(QTableView):
    """The list itself: Tab leaves it; Space selects the entry's cells, Enter also goes there.

    建议 and 审核意见 have the widths the auditor gave them (150 and 120 at first) as long as
    说明 keeps half the width beside 级别 and 规则; in a narrower list they shrink together
    (at 1366 the list is about 360 pixels wide, and 说明 was left one character a line)."""
    locateCurrent = Signal(bool)  # True: and move the keyboard focus to the table
    focusedWithoutSelection = Signal()  # the keyboard arrived and no entry is highlighted
    verdictKey = Signal(int)  # F2 / Delete that no shortcut took (the entry has no verdict to change)
    # the keyboard came (True) or went (False); a menu, a prompt or another window taking it for
    # a while is no leaving: the menus' keys read as where the keyboard works
    keyboardHere = Signal(bool)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTabKeyNavigation(False)
        self._side_widths = dict(SIDE_WIDTHS)  # column -> width wanted
        self._scale = 1.0  # how much fit_side_columns last shrank the wanted widths
        self._fitting = False
        self._header_pressed = False  # the auditor is dragging in the header
        self.horizontalHeader().viewport().installEventFilter(self)

    def fit_side_columns(self) -> None:
        """Give 建议 and 审核意见 (when shown) their wanted widths, shrunk to leave 说明 three
        fifths (with half, a verdict at 1366 left it 16 characters a line, an entry four lines)."""
        header = self.horizontalHeader()
        shown = [c for c in self._side_widths if c < header.count() and not self.isColumnHidden(c)]
        if not shown:
            return
        room = self.viewport().width() - self.columnWidth(0) - self.columnWidth(1)
        wanted = sum(self._side_widths[c] for c in shown)
        scale = min(1.0, max(room, 0) * SIDE_SHARE / wanted)
        self._scale = scale
        self._fitting = True
        try:
            for column in shown:
                header.resizeSection(column, max(MIN_SIDE_WIDTH, int(self._side_widths[column] * scale)))
        finally:
            self._fitting = False

    def remember_width(self, column: int, _old: int, new: int) -> None:
        """A width the auditor dragged is the one wanted from now on (not the sizes Qt gives a
        column as it is hidden and shown again, nor ours). It was dragged as shown, shrunk: the
        width wanted is the one that shrinks to it (taken as is, a column widened came back
        narrower)."""
        if self._header_pressed and not self._fitting and new > 0 and column in self._side_widths:
            self._side_widths[column] = round(new / self._scale) if self._scale > 0 else new

    def eventFilter(self, watched, event) -> bool:
        # A drag is a press in the header until its release. The application's button state
        # would not do: a click whose release went to another window leaves it "pressed".
        if watched is self.horizontalHeader().viewport():
            if event.type() == QEvent.Type.MouseButtonPress:
                self._header_pressed = event.button() == Qt.MouseButton.LeftButton
            elif event.type() == QEvent.Type.MouseButtonRelease:
                self._header_pressed = False
        return super().eventFilter(watched, event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_side_columns()

    def moveCursor(self, action, modifiers) -> QModelIndex:
        # Home / End go to the first / last entry, as in the report list (QTableView's went to
        # the row's first / last column: the same row stayed highlighted, the key seemed dead)
        if action in (self.CursorAction.MoveHome, self.CursorAction.MoveEnd):
            modifiers |= Qt.KeyboardModifier.ControlModifier
        return super().moveCursor(action, modifiers)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.keyboardHere.emit(True)
        if event.reason() != Qt.FocusReason.MouseFocusReason and self.model() is not None \
                and self.model().rowCount() and not self.selectionModel().hasSelection():
            self.focusedWithoutSelection.emit()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        if event.reason() not in (Qt.FocusReason.PopupFocusReason, Qt.FocusReason.MenuBarFocusReason,
                                  Qt.FocusReason.ActiveWindowFocusReason):
            self.keyboardHere.emit(False)

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier) \
                and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) \
                and self.currentIndex().isValid():
            self.locateCurrent.emit(key != Qt.Key.Key_Space)
            return
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_entries()
            return
        if event.modifiers() == Qt.KeyboardModifier.NoModifier and key in (Qt.Key.Key_F2, Qt.Key.Key_Delete):
            self.verdictKey.emit(key)
            return
        super().keyPressEvent(event)

    def copy_entries(self) -> None:
        """Ctrl+C: the selected entries whole, a line each, their shown columns tab-separated
        (级别, 规则, 说明, 建议, 审核意见: pasted into a letter to the agency or a sheet). Qt's own
        copy took the current cell alone: 「错误」."""
        model = self.model()
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()}) \
            or ([self.currentIndex().row()] if self.currentIndex().isValid() else [])
        columns = [c for c in range(model.columnCount()) if not self.isColumnHidden(c)]
        lines = ["\t".join(str(model.index(row, c).data() or "").replace("\n", " ") for c in columns).rstrip("\t")
                 for row in rows]
        if lines:
            QApplication.clipboard().setText("\n".join(lines))


class FindingsPanel(QWidget):
    """The list with its summary line and the 采用建议值 button."""
    locate = Signal(object, str)  # cells (list[str]), the cell to focus
    applySuggestion = Signal(object)  # Finding
    goToTable = Signal()  # Enter on an entry: the auditor wants to work on its cells
    editNote = Signal()  # 编辑说明 of the current entry's verdict
    withdrawVerdict = Signal()  # 撤销审核意见 of the current entry's verdict
    hint = Signal(str)  # a line for the status bar

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model = FindingsModel(self)
        self.summary = QLabel(strings.FINDINGS_TITLE)
        never_widens(self.summary)
        self.apply_button = QPushButton(strings.ACTION_APPLY_SUGGESTION)
        self.apply_button.setEnabled(False)
        self.apply_button.setToolTip(KEY_APPLY_SUGGESTION)
        self.apply_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Tab goes list to list
        self.view = FindingsView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(FindingsDelegate(self.view))  # rows sized and painted with fewer calls
        self.view.setObjectName("findingsView")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(VERDICT_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(self.view.remember_width)
        header.sectionResized.connect(self._on_section_resized)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.verdict_actions: list = []  # 确认问题 / 忽略, added to the context menu by the window
        # the verdict of the current entry, the grey 已消除 ones' too (on only while the current entry
        # has a verdict). F2 and Delete work in the list: the keys reach it as verdictKey. The
        # window's F2 is one menu entry, 修改单元格 or 编辑说明 as the keyboard is in the tables or
        # here; so F2 is no shortcut of the list's own (two would be ambiguous): its F2 is shown
        # in the context menu only. The 编辑 menu lists 撤销审核意见 with Del while the keyboard is
        # here (elsewhere Del does not take a verdict back).
        self.edit_note_action = self._entry_action(strings.ACTION_EDIT_VERDICT_NOTE, "F2", self.editNote)
        self.withdraw_action = self._entry_action(strings.ACTION_WITHDRAW_VERDICT, "", self.withdrawVerdict)
        self.keyboard_here = False  # the keyboard is in the list (a menu or a prompt over it aside)
        self.view.verdictKey.connect(self._verdict_key)
        self.view.keyboardHere.connect(self._keyboard_moved)
        # the finding suggesting a value for the table's current cell (set by the report view):
        # 采用建议值 applies it when no entry is selected here, as Ctrl+Shift+A does
        self.cell_suggestion: Callable[[], Optional[Finding]] = lambda: None

        caption_over_body(self, self.summary, self.apply_button, (self.view, 0))

        self.view.selectionModel().currentRowChanged.connect(self._on_current)
        self.view.clicked.connect(self._on_user_click)
        self.view.locateCurrent.connect(self._locate_current)
        self.view.focusedWithoutSelection.connect(self._highlight_on_arrival)
        self.apply_button.clicked.connect(self._apply_current)
        self._kept: Optional[tuple] = None  # (entry, row) current before a refresh
        self._sizing: Optional[object] = None  # the current sizing of the rows (_size_rows)
        self._size_later = False  # set_session leaves the rows' sizing to size_rows()
        self._pending: Optional[object] = None  # the sizing size_rows() is to start
        self._cursor: Optional[int] = None  # where stepping continues when no entry is current
        # The current entry was highlighted for the keyboard, no F8 (nor click, nor arrow) has
        # reached it yet (the report opened on its first entry; the one after an entry gone): the
        # next F8 goes to it, not past it.
        self._unvisited = False
        self._resize_queued = False  # the rows are to be sized again for their columns' new widths
        self.model.modelAboutToBeReset.connect(self._keep_current)
        self.model.modelReset.connect(self._on_reset)

    def _entry_action(self, text: str, key: str, signal) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        # the key shown in the menus; it works in a menu showing it (the list's keys are verdictKey)
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.setEnabled(False)
        action.triggered.connect(signal.emit)
        return action

    def _keyboard_moved(self, here: bool) -> None:
        self.keyboard_here = here
        self.withdraw_action.setShortcut(QKeySequence("Del") if here else QKeySequence())

    def set_session(self, session: Optional[ReportSession], size_later: bool = False) -> None:
        """Show the report's entries; ``size_later``: its rows are sized by size_rows(), called
        before the list is painted (the report view paints it a turn after the table)."""
        self.view.setCurrentIndex(QModelIndex())  # another report: nothing to keep current
        self._size_later = size_later
        try:
            self.model.set_session(session)
        finally:
            self._size_later = False
        self._cursor = None
        self._unvisited = False

    def size_rows(self) -> bool:
        """Size the screenful of rows left for later by set_session; False if none was."""
        pending, self._pending = self._pending, None
        if pending is None or pending is not self._sizing:
            return False
        self._size_rows(0, pending)
        return True

    def current_finding(self) -> Optional[Finding]:
        index = self.view.currentIndex()
        return self.model.data(index, FindingsModel.FindingRole) if index.isValid() else None

    def current_flag(self):
        """The parser's flags of the current entry, a FlagGroup (None for a finding or no entry)."""
        index = self.view.currentIndex()
        return self.model.data(index, FindingsModel.FlagRole) if index.isValid() else None

    def current_verdict(self) -> Optional[Verdict]:
        """The verdict of the current entry: on its finding, or one whose finding is gone (已消除)."""
        index = self.view.currentIndex()
        return self.model.data(index, FindingsModel.VerdictRole) if index.isValid() else None

    def current_is_resolved(self) -> bool:
        """The current entry is a grey 已消除 row: a verdict and no finding."""
        index = self.view.currentIndex()
        return index.isValid() and self.model.data(index, FindingsModel.SeverityRole) == RESOLVED_SEVERITY

    def current_message(self) -> str:
        """The current entry's 说明, as listed."""
        index = self.view.currentIndex()
        return self.model.index(index.row(), 2).data() or "" if index.isValid() else ""

    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int) -> None:
        self.view.selectRow(row)
        self._on_clicked(self.model.index(row, 0))
        self._unvisited = False

    def show_first(self) -> None:
        """Show the first entry and its cells as the report opens, for F8 still to reach."""
        self.select_row(0)
        self._unvisited = True

    def step(self, delta: int) -> bool:
        """Select the next (+1) or previous (-1) entry and its cells; False past either end.

        With no current entry, stepping forward starts at the first one and back at the last.
        After a fix made an entry disappear, the cursor sits just before the entry that took
        its place, so that the next step lands on it.
        """
        count = self.model.problem_count()  # the resolved verdicts after them are no problem
        row = min(self.current_row(), count)
        if row < 0:
            row = self._cursor if self._cursor is not None else (-1 if delta > 0 else count)
        target = row if delta > 0 and self._unvisited else row + delta
        if not 0 <= target < count:
            return False
        self.select_row(target)
        return True

    def _highlight_on_arrival(self) -> None:
        """Tab into the list with no entry highlighted (the one selected was fixed and left it):
        Qt made the first entry current without showing it, so ↓ skipped to the second and
        确认问题 / 忽略 said to select one first. The entry F8 would reach next is highlighted."""
        row = self._cursor + 1 if self._cursor is not None else max(self.current_row(), 0)
        self.view.selectRow(min(max(row, 0), self.model.rowCount() - 1))

    def _keep_current(self) -> None:
        row = self.current_row()
        self._kept = (self.model.entry(row), row) if row >= 0 else None

    def _on_reset(self) -> None:
        errors, warnings, others, handled = self.model.counts()
        if not self.model.has_session():  # nothing was checked: 未发现问题 would say it was, and was right
            text = ""
        elif errors or warnings or others or handled:
            text = strings.FINDINGS_SUMMARY.format(errors=errors, warnings=warnings, flags=others)
            if handled:
                text += strings.FINDINGS_HANDLED.format(handled=handled)
        elif self.model.unreadable():
            text = strings.FINDINGS_BLANK_TEMPLATE if self.model.blank_template() else strings.FINDINGS_UNREADABLE
        else:
            text = strings.FINDINGS_NONE
        self.summary.setText(f"<b>{strings.FINDINGS_TITLE}</b>　{text}" if text else f"<b>{strings.FINDINGS_TITLE}</b>")
        self.summary.setToolTip(text)  # the line is cut at the button in a narrow list
        # room for 说明 until a verdict is given (one whose finding is gone has its note there too, and
        # one lapsed says so there)
        self.view.setColumnHidden(VERDICT_COLUMN, not handled and not self.model.resolved_count()
                                  and not self.model.lapsed_count())
        self.view.fit_side_columns()
        self._sizing = object()  # a list sized on later turns stops sizing when it changes
        if self._size_later:
            self._pending = self._sizing
        else:
            self._pending = None
            self._size_rows(0, self._sizing)
        self._restore_current()
        # the table's cells are refreshed after this list: the current cell's findings are read
        # once they are
        self.apply_button.setEnabled(False)
        QTimer.singleShot(0, self, self.update_apply_button)
        self.update_verdict_actions()  # (a verdict given or taken back on the same current entry)

    def _size_rows(self, first: int, sizing: object) -> None:
        """Each row as high as its wrapped text: a screenful now, the rest a few at a time on
        later turns of the event loop (a report with many entries would stall its opening;
        measuring a row lays out its text, about half a millisecond)."""
        if sizing is not self._sizing:
            return
        end = min(first + ROWS_SIZED_PER_TURN, self.model.rowCount())
        for row in range(first, end):
            self.view.resizeRowToContents(row)
        if end < self.model.rowCount():
            QTimer.singleShot(0, self, lambda: self._size_rows(end, sizing))

    def _on_section_resized(self, column: int, old: int, new: int) -> None:
        """A wrapped column got another width (the window, a splitter, Alt+[ / Alt+]): each entry
        takes another number of lines, and a row left at its old height cuts its text off."""
        if column >= 2 and old != new and not self._resize_queued:
            self._resize_queued = True
            QTimer.singleShot(0, self, self._size_rows_again)

    def _size_rows_again(self) -> None:
        self._resize_queued = False
        if self._pending is not None:  # not sized yet: size_rows() sizes them for the width then
            return
        self._sizing = object()
        self._size_rows(0, self._sizing)

    def _restore_current(self) -> None:
        """Keep the same entry current across a refresh, without selecting cells again."""
        kept, self._kept = self._kept, None
        cursor, self._cursor = self._cursor, None
        if kept is None:
            if cursor is not None and self.view.hasFocus() and self.model.rowCount():
                # the entry taken out from under the keyboard came back (Ctrl+Z): highlighted
                # again, for F2 / Delete / Enter to act on it (nothing was current, they said so)
                self.view.selectRow(min(cursor + 1, self.model.rowCount() - 1))
            return
        entry, row = kept
        for candidate in range(self.model.rowCount()):
            if _same_entry(self.model.entry(candidate), entry):
                self.view.selectRow(candidate)
                return
        if self.view.hasFocus() and self.model.rowCount():
            # gone from under the keyboard (撤销审核意见 on a grey row, 采用建议值 from here): the
            # entry that took its place (the last, when it was last) is highlighted, for the
            # arrows, Enter and F2 to go on without a click; F8 goes to it, not past it. (Gone
            # while the keyboard is in the table, nothing is: 确认问题 there is the cell's.)
            self.view.selectRow(min(row, self.model.rowCount() - 1))
            self._unvisited = True
            return
        self._cursor = row - 1  # the entry is gone (fixed): continue with the one after it

    def _on_current(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._unvisited = False
        self.update_apply_button()
        self.update_verdict_actions()

    def _verdict_key(self, key: int) -> None:
        action = self.edit_note_action if key == Qt.Key.Key_F2 else self.withdraw_action
        if action.isEnabled():  # (its shortcut normally takes the key first)
            action.trigger()
        else:
            self.hint.emit(strings.NO_VERDICT if self.view.currentIndex().isValid() else strings.NO_FINDING)

    def update_verdict_actions(self) -> None:
        judged = self.current_verdict() is not None
        self.edit_note_action.setEnabled(judged)
        self.withdraw_action.setEnabled(judged)

    def _suggesting(self) -> Optional[Finding]:
        """The finding 采用建议值 applies: the selected entry's, else the current cell's."""
        finding = self.current_finding()
        if finding is not None and finding.suggestion is not None:
            return finding
        return None if self.view.currentIndex().isValid() else self.cell_suggestion()

    def update_apply_button(self) -> None:
        self.apply_button.setEnabled(self._suggesting() is not None)

    def _on_user_click(self, index: QModelIndex) -> None:
        self._unvisited = False
        self._on_clicked(index)

    def _on_clicked(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        self.locate.emit(self.model.data(index, FindingsModel.CellsRole),
                         self.model.data(index, FindingsModel.FocusRole))

    def _locate_current(self, go_to_table: bool) -> None:
        self._on_clicked(self.view.currentIndex())
        if go_to_table:
            self.goToTable.emit()

    def _apply_current(self) -> None:
        finding = self._suggesting()
        if finding is not None:
            self.applySuggestion.emit(finding)

    def _context_menu(self, pos) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        finding = self.model.data(index, FindingsModel.FindingRole)
        menu = QMenu(self)
        # 定位 does what Enter on the entry does, and says so after a tab (shown as its key): Enter
        # as the item's shortcut would take the menu's own Enter, whichever item is highlighted
        locate = menu.addAction(strings.ACTION_LOCATE + "\t" + KEY_LOCATE)
        locate.triggered.connect(lambda: (self._on_clicked(index), self.goToTable.emit()))
        if self.model.data(index, FindingsModel.SeverityRole) != RESOLVED_SEVERITY:  # nothing to apply
            apply = menu.addAction(strings.ACTION_APPLY_SUGGESTION)
            apply.setEnabled(bool(finding and finding.suggestion))
            apply.triggered.connect(lambda: self.applySuggestion.emit(finding))
            apply.setShortcut(QKeySequence(KEY_APPLY_SUGGESTION))  # shown, as the menus show keys
            apply.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # the menu's own
        copy = menu.addAction(strings.ACTION_COPY, self.view.copy_entries)
        copy.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))  # shown, as the menus show keys
        copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # the menu's own
        menu.addSeparator()
        if finding is not None:
            for action in self.verdict_actions:
                menu.addAction(action)
        menu.addAction(self.edit_note_action)  # (the entry right-clicked is the current one)
        menu.addAction(self.withdraw_action)
        menu.exec(self.view.viewport().mapToGlobal(pos))


def _same_entry(a: Optional[Entry], b: Optional[Entry]) -> bool:
    """The same finding (rule and cells) or the same row's flags, across a re-check (a flag of
    the row the auditor corrected leaves its entry, which stays the same entry)."""
    if isinstance(a, Finding) and isinstance(b, Finding):
        return finding_key(a) == finding_key(b)
    if isinstance(a, FlagGroup) and isinstance(b, FlagGroup):
        return a.row == b.row
    if isinstance(a, Verdict) and isinstance(b, Verdict):
        return a.key == b.key
    return a is b
