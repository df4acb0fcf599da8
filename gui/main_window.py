"""The main window: the folder dashboard on the left, the open report on the right."""
from __future__ import annotations

import gc
import html
import sys
import time
from collections import deque
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Callable, NamedTuple, Optional

import core.check.cross_year  # noqa: F401 - imported with the window: else the first report checked
import core.check.rules  # noqa: F401 - again here (a linked year, an edit) imports them in its turn
from core.export.common import ExportFormat
from core.parse.cache import ParseCache, cache_path_beside
from core.pipeline import REPORT_SUFFIXES
from core.review.edits import ReportReview, unreadable_reason
from core.review.store import ReviewStore
from gui import context_key, file_dialogs, folder_prompt, strings
from gui.dashboard import PROBLEMS, DashboardWidget
from gui.exporter import ExportQueue, Writer, file_to_write, summary_writer, write_export, write_report_word
from gui.folder_job import load_one, unpacked
from gui.focus_ring import FocusRings
from gui.loader import FolderLoader
from gui.paths import resources_dir
from gui.workers import Workers
from gui.qt import (QAction, QApplication, QKeySequence, QMainWindow, QMessageBox, QProgressBar, QPushButton,
                    QSize, QSplitter, QTimer, QUndoGroup, QUndoStack, QWidget, Qt, Signal)

from gui.report_view import (KEY_APPLY_SUGGESTION, KEY_COPY, KEY_EDIT, KEY_PASTE, SIDE_PANEL_MIN,
                             ReportView)
from gui.layout import fitting
from gui.splitters import nudge
from gui.session import ReportSession
from gui.settings import Settings

if TYPE_CHECKING:
    from core.export.common import Exported

STATUS_TIMEOUT_MS = 15000
MESSAGE_RETRY_MS = 300  # an export's box waiting for a cell's value to be confirmed looks again this often
NOT_READ_IN_STATUS = 3  # files not loaded named in the status bar (the list's tooltip names them all)
UNDO_NAMED = 2  # reports named by Ctrl+Z when the one on screen has no step (the others counted)
# Python hands its GIL from a thread running Python (the loader's) to one waiting for it (the GUI
# thread, called back from Qt for every cell it paints) only after this long: 5 ms by default,
# which a paint calling into Python a few hundred times pays again and again. Waiting threads
# are rare while the window is idle, so the loader hardly notices the shorter turns.
GIL_SWITCH_SECONDS = 0.001
ROWS_PAINTED_MS = 100
RECHECK_SLICE_SECONDS = 0.008  # GUI-thread CPU spent checking linked reports again in one turn
WARM_UP_MS = 50  # the tables are painted off screen once, soon after the window shows
DASHBOARD_MIN = 520  # the report list's width when the panels also fit beside the tables
DASHBOARD_NARROW = 300  # ...and at least this when the tables take the rest
DASHBOARD_WIDE_MORE = 240  # beyond DASHBOARD_MIN the list takes this much of the spare width first
# ...the panels keeping this beyond their least: 问题清单's 说明 a line of 20 characters beside
# its 审核意见 at 1920, and a wider table still beside them
SIDE_PANEL_MARGIN = 50
LAYOUT_NAMES = {True: "side", False: "stacked"}  # the report's panels beside / below its tables
WORD = "word"
WORD_ONE = ".docx"  # the report on screen alone, as one Word file
SUMMARY, COMPARE = "summary", "compare"  # the 汇总 export, the 比对 window's (their folders remembered apart)


class ExportAsked(NamedTuple):
    """An export asked for, as its end reports it: how many reports it holds, how many of them
    the list was not showing, how many of them no table was read from."""
    count: int
    hidden: int
    unreadable: int


def _left_out_lines(left_out: tuple[tuple[str, str], ...], most: int = 5, reasons: int = 4) -> str:
    """The reports a Word export left out, by name, each reason once (8 reports of the 2019
    format: one line naming them, not the reason eight times); the first ``reasons`` reasons
    (each unreadable file has its own: thirty would take the box past a 768-pixel screen's
    edge), the rest in the note."""
    by_reason: dict[str, list[str]] = {}
    for file, reason in left_out:
        by_reason.setdefault(reason, []).append(Path(file).name)
    lines = []
    for reason, names in list(by_reason.items())[:reasons]:
        named = "、".join(names[:most]) + (strings.EXPORT_LEFT_OUT_MORE.format(count=len(names)) if len(names) > most else "")
        lines.append(strings.EXPORT_LEFT_OUT_LINE.format(names=named, reason=reason))
    if len(by_reason) > reasons:
        lines.append(strings.EXPORT_LEFT_OUT_REST.format(
            count=sum(len(names) for names in list(by_reason.values())[reasons:])))
    return "\n".join(lines)


class MainWindow(QMainWindow):
    loadListed = Signal(int)  # every report of the folder has its row (their number)
    loadFinished = Signal(int)  # number of reports listed
    exportFinished = Signal(object)  # list[Path] written (Exported.paths: the note last), or a str: the error

    def __init__(self, store: ReviewStore, settings: Settings, parent=None,
                 workers: Optional[Workers] = None) -> None:
        """``workers``: the worker processes that load folders (started early by the program,
        so that they are warm when the first folder is listed); else started on first need."""
        super().__init__(parent)
        sys.setswitchinterval(min(sys.getswitchinterval(), GIL_SWITCH_SECONDS))
        self.store = store
        self.settings = settings
        self.folder = ""
        self.workers = workers if workers is not None else Workers()  # released once a folder is loaded
        self._loader: Optional[FolderLoader] = None
        self._load_token = 0
        self._focus_to_restore: Optional[QWidget] = None  # where F5 found the keyboard (reload)
        self._cell_to_restore: Optional[tuple[str, str]] = None  # (file, cell) F5 found it on
        self._pending_rechecks: deque[ReportReview] = deque()  # linked reports not yet checked again
        self._rechecking = False  # checking linked reports again: the years after them keep theirs
        self._parse_cache: Optional[ParseCache] = None  # this thread's, for listed rows (below)
        # The loader's signals, taken in order, one batch of rows a turn of the event loop (below)
        self._load_steps: deque[tuple[int, Callable[..., None], tuple, bool]] = deque()
        self._stepping = QTimer(self)
        self._stepping.setSingleShot(True)
        self._stepping.setInterval(0)
        self._stepping.timeout.connect(self._next_load_step)
        self.exports = ExportQueue(self)  # one at a time; a second export waits its turn
        self.exports.done.connect(self._on_export_done)
        self.exports.failed.connect(self._on_export_failed)
        self.exports.progress.connect(self._on_export_progress)
        self.exports.saving.connect(self._on_export_saving)
        self.exports.cancelled.connect(self._on_export_cancelled)
        self._sessions: dict[str, ReportSession] = {}
        # content hash -> the undo steps of its one review, shared by the sessions of its files
        self._undo_stacks: dict[str, QUndoStack] = {}
        self._sharing_work = False  # giving a change to the report's twins (files with its bytes)
        self._report_message = ""  # the status bar's message about the report on screen (show_report_status)
        # the folder's years are linked (every report loaded): the auditor's work may move a link
        self._years_linked = False
        self._relinking = False
        self._copy_ranks: dict[str, int] = {}  # file → its copy_rank when last linked (_relink_copies)
        self.message_box: Optional[QMessageBox] = None  # the last "export done" box (non-modal)
        self.closed = False  # closeEvent ran: an export it waited for ends without a box
        # the program's last run ended without closing (gui.app.left_by_a_crash): said once the
        # first folder is loaded, as a value dropped at closing is said
        self.after_crash = False
        # each export asked for: how many reports it holds, and what the list did not show of them
        self._exports_asked: deque[ExportAsked] = deque()

        context_key.install(QApplication.instance())  # Shift+F10: the context menu, as on Windows
        self.setWindowTitle(strings.APP_NAME)
        self.setAcceptDrops(True)
        self.undo_group = QUndoGroup(self)
        self.dashboard = DashboardWidget()
        self.report_view = ReportView()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.dashboard)
        self.splitter.addWidget(self.report_view)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.setCentralWidget(self.splitter)
        self.statusBar().showMessage(strings.DROP_HINT)
        self._install_export_bar()

        self.dashboard.reviewSelected.connect(self._open_review)
        self.dashboard.shownFilteredOut.connect(self.report_view.set_filtered_out)
        self.report_view.clearSearchRequested.connect(self.dashboard.search.clear)
        self.dashboard.view.openRequested.connect(self._enter_report)
        self.dashboard.model.hydrate = self._load_listed
        self.report_view.twins_text = self.dashboard.model.twins_text
        self.report_view.copies_text = self.copies_text
        self.dashboard.cancelRequested.connect(self.cancel_loading)
        self.report_view.statusMessage.connect(self.show_report_status)

        self._create_actions()
        self._create_menus()
        self._set_tab_order()
        self._install_comparison()  # 年度对照 and two years side by side (block below)
        self._restore_window()
        QTimer.singleShot(WARM_UP_MS, self, self.report_view.warm_up)  # once the window is up

    # --- actions and menus -----------------------------------------------------------------------

    def _action(self, text: str, slot, shortcuts=(), checkable=False) -> QAction:
        action = QAction(text, self)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work with the menu bar hidden too
        return action

    def _create_actions(self) -> None:
        self.open_action = self._action(strings.ACTION_OPEN, self.choose_folder, ["Ctrl+O"])
        self.reload_action = self._action(strings.ACTION_RELOAD, self.reload, ["F5"])
        self.quit_action = self._action(strings.ACTION_QUIT, self.close, ["Ctrl+Q"])

        self.undo_action = self.undo_group.createUndoAction(self, strings.ACTION_UNDO)
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo_action = self.undo_group.createRedoAction(self, strings.ACTION_REDO)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        # Ctrl+Z with nothing to undo (a day's work reopened: the steps end with the window) did
        # nothing at all. This twin of the key, enabled only while 撤销 is not, says why; one of
        # the two is enabled at a time, so the key is never ambiguous.
        self.nothing_to_undo_action = self._action(strings.ACTION_UNDO, self._nothing_to_undo, ["Ctrl+Z"])
        self.nothing_to_undo_action.setEnabled(not self.undo_action.isEnabled())
        self.undo_action.changed.connect(
            lambda: self.nothing_to_undo_action.setEnabled(not self.undo_action.isEnabled()))
        # Ctrl+Y with nothing to redo did nothing at all, the same way: its twin says why
        self.nothing_to_redo_action = self._action(strings.ACTION_REDO, lambda: self.show_status(strings.NOTHING_TO_REDO),
                                                   ["Ctrl+Y", "Ctrl+Shift+Z"])
        self.nothing_to_redo_action.setEnabled(not self.redo_action.isEnabled())
        self.redo_action.changed.connect(
            lambda: self.nothing_to_redo_action.setEnabled(not self.redo_action.isEnabled()))

        # Copy and paste act on the template tables: they are shortcuts of the report view only,
        # so Ctrl+C in the search box or the dashboard keeps its usual meaning.
        view = self.report_view.tabs
        self.copy_action = self._view_action(strings.ACTION_COPY, self.report_view.copy, KEY_COPY, view)
        self.paste_action = self._view_action(strings.ACTION_PASTE, lambda: self.report_view.paste(),
                                              KEY_PASTE, view)
        # F2, one key and one entry of the 编辑 menu: 编辑说明 while the keyboard is in the 问题清单,
        # 修改单元格 anywhere else in the window (the menu listed both with F2, each key working in
        # its own panel only: in the file list F2 did nothing at all)
        self.edit_action = self._action(strings.ACTION_EDIT_CELL, self.edit_key, [KEY_EDIT])
        findings = self.report_view.findings
        findings.view.keyboardHere.connect(lambda _here: self._follow_keyboard())
        findings.edit_note_action.changed.connect(self._follow_keyboard)  # a verdict given or taken back
        self.suggestion_action = self._action(strings.ACTION_APPLY_SUGGESTION,
                                              lambda: self.report_view.apply_suggestion(),
                                              [KEY_APPLY_SUGGESTION])
        self.confirm_action = self._action(strings.ACTION_CONFIRM_FINDING,
                                           lambda: self.report_view.confirm_finding(), ["Ctrl+Shift+K"])
        self.dismiss_action = self._action(strings.ACTION_DISMISS_FINDING,
                                           lambda: self.report_view.dismiss_finding(), ["Ctrl+Shift+I"])
        self.report_view.findings.verdict_actions = [self.confirm_action, self.dismiss_action]
        self.note_action = self._action(strings.ACTION_ADD_NOTE, lambda: self.report_view.add_note())
        self.carry_action = self._action(strings.ACTION_CARRY_EARLIER, self.carry_earlier_work)
        self.reviewed_action = self._action(strings.ACTION_MARK_REVIEWED, self.toggle_reviewed,
                                            ["Ctrl+Return", "Ctrl+Enter"])
        self.find_action = self._action(strings.ACTION_FIND, self.focus_search, ["Ctrl+F"])

        self.next_problem_action = self._action(strings.ACTION_NEXT_PROBLEM,
                                                lambda: self.step_problem(1), ["F8"])
        self.previous_problem_action = self._action(strings.ACTION_PREVIOUS_PROBLEM,
                                                    lambda: self.step_problem(-1), ["Shift+F8"])
        self.next_table_action = self._action(strings.ACTION_NEXT_TABLE,
                                              lambda: self.report_view.switch_table(1), ["Ctrl+PgDown"])
        self.previous_table_action = self._action(strings.ACTION_PREVIOUS_TABLE,
                                                  lambda: self.report_view.switch_table(-1),
                                                  ["Ctrl+PgUp"])

        self.only_problems_action = self._toggle(strings.MENU_ONLY_PROBLEMS,
                                                 self.dashboard.only_problems.setChecked, False)
        self.dashboard.only_problems.toggled.connect(self.only_problems_action.setChecked)
        self.findings_action = self._toggle(strings.ACTION_SHOW_FINDINGS,
                                            self.report_view.findings.setVisible, True)
        self.source_action = self._toggle(strings.ACTION_SHOW_SOURCE,
                                          self.report_view.source.setVisible, True)
        wrap_box = self.report_view.source.wrap  # a check box Tab passes by: the menu reaches it
        self.wrap_source_action = self._toggle(strings.ACTION_WRAP_SOURCE, wrap_box.setChecked, wrap_box.isChecked())
        wrap_box.toggled.connect(self.wrap_source_action.setChecked)
        self.focus_mode_action = self._toggle(strings.ACTION_FOCUS_MODE, self.set_focus_mode, False,
                                              ["F11"])
        # The splitters' handles from the keyboard (a drag's sizes are kept, and so are these)
        panels = self.report_view.splitter  # the tables first, the 问题清单 and 原文 second
        self.widen_list_action = self._action(strings.ACTION_WIDEN_LIST, lambda: nudge(self.splitter, 1),
                                              ["Ctrl+]"])
        self.narrow_list_action = self._action(strings.ACTION_NARROW_LIST, lambda: nudge(self.splitter, -1),
                                               ["Ctrl+["])
        self.grow_panels_action = self._action(strings.ACTION_GROW_PANELS, lambda: nudge(panels, -1), ["Alt+]"])
        self.shrink_panels_action = self._action(strings.ACTION_SHRINK_PANELS, lambda: nudge(panels, 1),
                                                 ["Alt+["])
        self.reset_layout_action = self._action(strings.ACTION_RESET_LAYOUT, self.reset_layout)

        self.export_actions = {
            ".xlsx": self._action(strings.ACTION_EXPORT_XLSX, lambda: self.export(".xlsx"), ["Ctrl+E"]),
            ".csv": self._action(strings.ACTION_EXPORT_CSV, lambda: self.export(".csv")),
            ".json": self._action(strings.ACTION_EXPORT_JSON, lambda: self.export(".json")),
            WORD: self._action(strings.ACTION_EXPORT_WORD, lambda: self.export(WORD)),
            WORD_ONE: self._action(strings.ACTION_EXPORT_WORD_ONE, self.export_report_word),
        }
        self.export_actions[WORD_ONE].setToolTip(strings.ACTION_EXPORT_WORD_ONE_TIP)
        # F1, the help key everywhere: the colours and every key are in it
        self.legend_action = self._action(strings.ACTION_LEGEND, self.show_legend_help, ["F1"])
        self.about_action = self._action(strings.ACTION_ABOUT, self.show_about)

    def _follow_keyboard(self) -> None:
        findings = self.report_view.findings
        in_list = findings.keyboard_here
        self.edit_action.setText(strings.ACTION_EDIT_VERDICT_NOTE if in_list else strings.ACTION_EDIT_CELL)
        self.edit_action.setEnabled(findings.edit_note_action.isEnabled() if in_list else True)

    def edit_key(self) -> None:
        """F2 (编辑 → 修改单元格 / 编辑说明): the note of the 问题清单's current verdict while the
        keyboard is in that list, else the table's current cell."""
        findings = self.report_view.findings
        if findings.keyboard_here:
            findings.edit_note_action.trigger()
        else:
            self.report_view.edit_current()

    def _toggle(self, text: str, apply, checked: bool, shortcuts=()) -> QAction:
        """A checkable action that calls ``apply(on)`` when it changes (menu, shortcut or code)."""
        action = QAction(text, self)
        action.setCheckable(True)
        action.setChecked(checked)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.toggled.connect(lambda on: apply(bool(on)))
        self.addAction(action)
        return action

    def _view_action(self, text: str, slot, shortcut: str, widget) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        widget.addAction(action)
        return action

    def _create_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(strings.MENU_FILE)
        file_menu.addAction(self.open_action)
        self.recent_menu = file_menu.addMenu(strings.MENU_RECENT)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.recent_menu.aboutToShow.connect(self._warm_workers)
        self.recent_menu.aboutToHide.connect(self._release_idle_workers_soon)
        self._fill_recent_menu()
        file_menu.addAction(self.reload_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu(strings.MENU_EDIT)
        for action in (self.undo_action, self.redo_action, None, self.copy_action, self.paste_action,
                       self.edit_action, None, self.suggestion_action, self.note_action, self.carry_action,
                       None, self.confirm_action, self.dismiss_action, self.report_view.findings.withdraw_action,
                       self.reviewed_action, None,
                       self.find_action):
            edit_menu.addSeparator() if action is None else edit_menu.addAction(action)

        view_menu = bar.addMenu(strings.MENU_VIEW)
        for action in (self.next_problem_action, self.previous_problem_action, None,
                       self.next_table_action, self.previous_table_action, None,
                       self.only_problems_action, self.findings_action, self.source_action,
                       self.wrap_source_action,
                       self.focus_mode_action):
            view_menu.addSeparator() if action is None else view_menu.addAction(action)
        sort_menu = view_menu.addMenu(strings.MENU_SORT)
        for column, text in strings.SORT_BY:
            sort_menu.addAction(text).triggered.connect(lambda _=False, c=column: self.sort_list(c))
        sort_menu.addSeparator()
        sort_menu.addAction(strings.SORT_FOLDER_ORDER).triggered.connect(lambda: self.sort_list(-1))
        layout_menu = view_menu.addMenu(strings.MENU_LAYOUT)
        for action in (self.widen_list_action, self.narrow_list_action, None, self.grow_panels_action,
                       self.shrink_panels_action, None, self.reset_layout_action):
            layout_menu.addSeparator() if action is None else layout_menu.addAction(action)

        export_menu = bar.addMenu(strings.MENU_EXPORT)
        for action in self.export_actions.values():
            export_menu.addAction(action)

        help_menu = bar.addMenu(strings.MENU_HELP)
        help_menu.addAction(self.legend_action)
        help_menu.addAction(self.about_action)

    def _set_tab_order(self) -> None:
        """Tab / Shift+Tab: 只看有问题的, the report list, the open table, the 问题清单, the source
        text (and round to 只看有问题的)."""
        panels: list[QWidget] = [self.dashboard.view, *self.report_view.views.values(),
                                 self.report_view.findings.view, self.report_view.source.editor]
        chain = [self.dashboard.only_problems, *panels]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        self.focus_rings = FocusRings(panels, self)  # where Tab went: the panel is ringed

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        folders = self.settings.recent_folders
        for number, folder in enumerate(folders, 1):
            # numbered as desktop programs number them (1 … 9, then 0): the number chooses the
            # folder, where only the arrows reached it; a "&" of its name is shown, not a key
            key = f"&{number}" if number < 10 else f"{number // 10}&{number % 10}"
            action = menu.addAction(f"{key} {folder.replace('&', '&&')}")
            action.setData(folder)
            action.triggered.connect(lambda _checked=False, f=folder: self.open_folder(f))
        if not folders:
            menu.addAction(strings.EMPTY_RECENT).setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction(strings.ACTION_CLEAR_RECENT, self._clear_recent)

    def _warm_workers(self) -> None:
        """最近打开 is about to show: the workers start warming up while the auditor picks a folder,
        as they do while the folder dialog is open (started as its number was pressed, their start-up
        came before the folder's first row)."""
        if self.settings.recent_folders:
            self.workers.start()

    def _release_idle_workers_soon(self) -> None:
        # A menu hides before its chosen action is triggered: look once that has run.
        QTimer.singleShot(0, self, self._release_idle_workers)

    def _release_idle_workers(self) -> None:
        """No folder was chosen (the menu was closed): the warmed workers' memory back."""
        if not self.is_loading():
            self.workers.release()

    def _clear_recent(self) -> None:
        self.settings.recent_folders = []
        self._fill_recent_menu()

    # --- folders -----------------------------------------------------------------------------------

    def choose_folder(self) -> None:
        # the folder of folders: an auditor done with one city's folder moves on to the next one
        # beside it (the dialog opened inside the folder done with, a level too deep)
        done = self.folder or self.settings.last_folder
        start = str(Path(done).parent) if done and Path(done).parent.is_dir() else str(Path.home())
        # The workers were released once the last folder was loaded: started now, they warm up
        # while the auditor picks the next one (their start-up, 1.2-1.8 s on a busy machine,
        # was most of the wait for a big folder's first row).
        self.workers.start()
        folder = file_dialogs.existing_directory(self, strings.OPEN_FOLDER_TITLE, start)
        if folder:  # "" means the dialog was cancelled
            self.open_folder(folder)
        elif not self.is_loading():
            self.workers.release()

    def reload(self) -> None:
        if self.folder:
            # the keyboard goes back to the panel it was in once the report is open again: closing
            # the report's tables sent it on to the 问题清单, where it stayed
            self._focus_to_restore = self._panel_of(QApplication.focusWidget())
            session = self.report_view.session
            # and to the cell it was on (it went back to the table's first cell)
            self._cell_to_restore = (session.report.file, self.report_view.current_path()) \
                if session is not None and self._focus_to_restore in self.report_view.views.values() else None
            self.open_folder(self.folder)

    def _panel_of(self, widget: Optional[QWidget]) -> Optional[QWidget]:
        """The report table holding ``widget`` (a cell's open editor: closed by the reload, it took
        the keyboard's way back with it, which then stayed in the 问题清单), else ``widget``."""
        tables = list(self.report_view.views.values())
        place = widget
        while place is not None:
            if place in tables:
                return place
            place = place.parentWidget()
        return widget

    def open_folder(self, folder) -> bool:
        """List the folder's reports in the dashboard; loading runs in a thread."""
        path = Path(folder)
        if not path.is_dir():
            self.show_status(strings.FOLDER_MISSING.format(folder=folder))
            return False
        self.stop_loading()
        self._close_sessions()
        self._reopen_yearly_grid = self._close_yearly_grids() or self._reopen_yearly_grid
        another = str(path.resolve()) != self.folder
        self.folder = str(path.resolve())
        self.settings.remember_folder(self.folder)
        self.setWindowTitle(f"{strings.APP_NAME} — {self.folder}")
        self.dashboard.start_loading(self.folder, self.settings.last_report(self.folder))
        if another:  # a search typed for the last folder would hide this one's reports (F5 keeps it)
            self.dashboard.search.clear()
        self._load_token += 1
        self._pending_rechecks = deque()  # the last folder's linked reports: never checked now
        self._load_steps.clear()  # the last folder's rows still waiting: never shown now
        self._years_linked = False
        self._copy_ranks = {}
        loader = FolderLoader(self.folder, self.store.path, self._load_token, self, paced=True,
                              workers=self.workers)
        # Bound methods of the window run in the GUI thread (queued). Signals of a loader that was
        # cancelled may still be on their way: the slots drop those whose token is not current.
        # What it sends is taken a batch a turn (_in_turn), in the order it was sent.
        loader.counted.connect(self._on_counted)
        loader.batchReady.connect(self._batch_came)
        loader.progress.connect(self._progress_came)
        loader.listed.connect(self._listed_came)
        loader.hydrated.connect(self._hydrated_came)
        loader.failed.connect(self._on_load_failed)
        loader.done.connect(self._done_came)
        self._loader = loader
        loader.start()
        return True

    def is_loading(self) -> bool:
        return self._loader is not None and self._loader.isRunning()

    def cancel_loading(self) -> None:
        if self._loader is not None:
            self._loader.cancel()

    def stop_loading(self) -> None:
        """Cancel a running load and wait for its thread (it stops after the current file)."""
        loader = self._loader
        if loader is None:
            return
        loader.cancel()
        loader.wait()
        loader.deleteLater()
        self._loader = None

    # The loader's batches arrive as queued signals, and Qt delivers every signal waiting in one
    # turn of the event loop: a folder opened again had its eight batches of 250 rows listed from
    # the parse cache (or of their reports) taken in one turn, ~5 ms each, a stall of 40-60 ms.
    # Each signal is put in a queue instead, and the queue is taken a batch a turn (a zero timer:
    # paints, keys and the rest of the window's events come in between), in the order sent.
    def _batch_came(self, token: int, items) -> None:
        self._in_turn(token, self._on_batch, (items,))

    def _progress_came(self, token: int, done: int, total: int) -> None:
        self._in_turn(token, self._on_progress, (done, total), batch=False)

    def _listed_came(self, token: int) -> None:
        # a turn of its own too: the list, its progress bar gone, is laid out and painted again
        self._in_turn(token, self._on_listed, ())

    def _hydrated_came(self, token: int, items) -> None:
        self._in_turn(token, self._on_hydrated, (items,))

    def _done_came(self, token: int, cancelled: bool) -> None:
        self._in_turn(token, self._on_loaded, (cancelled,))

    def _in_turn(self, token: int, step: Callable[..., None], args: tuple, batch: bool = True) -> None:
        """``step(token, *args)`` after every step queued before it; ``batch``: the turn ends
        after it (the others, a progress count, cost next to nothing)."""
        if token != self._load_token:  # a folder left meanwhile
            return
        self._load_steps.append((token, step, args, batch))
        if not self._stepping.isActive():
            self._stepping.start()

    def _next_load_step(self) -> None:
        steps = self._load_steps
        try:
            while steps:
                token, step, args, batch = steps.popleft()
                step(token, *args)
                if batch:
                    break
        finally:  # (a step that failed leaves the others to come, as separate signals did)
            if steps:
                self._stepping.start()  # the next batch in the next turn

    def _on_counted(self, token: int, total: int) -> None:
        if token == self._load_token:
            self.dashboard.set_progress(0, total)

    def _on_progress(self, token: int, done: int, total: int) -> None:
        if token == self._load_token:
            self.dashboard.set_progress(done, total)
            self.show_status(strings.LOADING.format(done=done, total=total))

    def _on_load_failed(self, token: int, message: str) -> None:
        if token == self._load_token:
            self.show_status(message)

    def _on_batch(self, token: int, items) -> None:
        if token != self._load_token:
            return
        self.dashboard.model.add_batch(items)
        # Loaded reports live as long as the folder is open: keep them out of the cyclic garbage
        # collector's full passes, which would otherwise scan them all again and again and stall
        # the window for longer and longer (reports are freed by reference counting all the same).
        gc.freeze()

    def _on_hydrated(self, token: int, items) -> None:
        if token == self._load_token:
            self.dashboard.model.fill(items)
            gc.freeze()
            if self._loader is not None:
                self._loader.batch_taken()  # the next batch, in a turn of its own

    def _on_listed(self, token: int) -> None:
        """Every report has its row: the auditor can start (reports of rows listed from the
        cache keep arriving, and one clicked before its arrival is read at once)."""
        if token == self._load_token and self._loader is not None:
            self.dashboard.finish_loading()
            self.loadListed.emit(self.dashboard.model.rowCount())
            # once the new rows are painted (the next pass of the event loop)
            QTimer.singleShot(ROWS_PAINTED_MS, lambda: self._rows_painted(token))

    def _rows_painted(self, token: int) -> None:
        if token == self._load_token and self._loader is not None:
            self._loader.rows_shown()

    def _load_listed(self, file: str):
        """The report of a row listed from the cache, wanted before the loader sent it."""
        parsed = self._loader.fresh_parse(file) if self._loader is not None else None
        item = unpacked(parsed, self.store) if parsed is not None else None
        if item is not None:
            return item
        if self._parse_cache is None:
            path = cache_path_beside(self.store.path)
            self._parse_cache = ParseCache(path) if path else None
        return load_one(file, self.store, cache=self._parse_cache, keep_row=False)

    def _on_loaded(self, token: int, cancelled: bool) -> None:
        if token != self._load_token:
            return
        self.dashboard.finish_loading()
        earlier_work = {}
        if not cancelled and self._loader is not None:
            self.dashboard.set_not_read(self._loader.not_read)
            # looked up in the loader's thread: the report opened now takes its count from the row
            earlier_work = self._loader.earlier_work
            self.dashboard.model.set_earlier_work(earlier_work)
        # The first report opens now, not with the first rows: laying out its tables takes the
        # GUI thread for a moment that would stall the filling list.
        if not cancelled and self.report_view.session is None:
            # where the auditor left off in this folder (a review takes days), else the first
            last = self.settings.last_report(self.folder)
            if not (last and self.dashboard.select_file(last)):
                self.dashboard.select_row(0)
        # The rest (linking the years, which loadFinished does) once the report is painted, its
        # table and then its 问题清单 and 原文, each on a turn of its own: linking on the turn of a
        # paint made that turn as long as the opening had been.
        self.report_view.after_paint(lambda: self._finish_load(token, cancelled, earlier_work))

    def _finish_load(self, token: int, cancelled: bool, earlier_work: dict[str, int]) -> None:
        if token != self._load_token:
            return
        count = self.dashboard.model.rowCount()
        # a value typed as the window closed on this folder, dropped: said once, before the counts
        dropped, self.settings.dropped_typing = self.settings.dropped_typing, ""
        if self.after_crash:  # what a crash kept and what it lost (Ctrl+Z finding nothing said it late)
            dropped = "；".join(filter(None, [strings.UNCLEAN_EXIT, dropped]))
            self.after_crash = False
        said_first = dropped + "。" if dropped else ""
        if cancelled:
            self.show_status(said_first + strings.LOAD_CANCELLED.format(count=count))
        elif count == 0:
            self.show_status(said_first + strings.NO_REPORTS.format(folder=self.folder) + self._not_read_note())
        else:
            notes = self._red_rows_note() + self._not_read_note() + self._earlier_work_note(earlier_work)
            # a folder deep in the disk pushed the counts, what the message is for, past the bar's
            # end: without its name (the title bar's) when the whole would be cut
            self.show_status(fitting([said_first + strings.LOADED.format(count=count, folder=self.folder) + notes,
                                      said_first + strings.LOADED_SHORT.format(count=count) + notes,
                                      *([dropped] if dropped else [])], self.statusBar()))
        if dropped:  # a value lost: said until the next message, not for 15 s while the auditor looks away
            self.statusBar().showMessage(self.statusBar().currentMessage())
        self._restore_focus()
        # loadFinished once the years are linked and the linked reports checked again
        self.link_previous_years(lambda: self._after_years_linked(token, count))

    def _after_years_linked(self, token: int, count: int) -> None:
        if token == self._load_token:
            # Idle until another folder: their memory back meanwhile. Not as the first report
            # opens: the two processes ending took both cores (and the thread ending them Python's
            # GIL) while the GUI thread laid the report out.
            self.workers.release()
        if self._reopen_yearly_grid and token == self._load_token:  # 年度对照 again, of this folder
            self._reopen_yearly_grid = False
            self.show_yearly_grid()
        self.loadFinished.emit(count)

    def _close_yearly_grids(self) -> bool:
        """Another folder opened (or F5): an open 年度对照 showed the last folder's agencies and
        years, and Enter on one compared reports no longer listed. Closed now, it opens again once
        this folder is loaded; True when one was open."""
        if "gui.yearly_grid" not in sys.modules:  # (never opened: not imported)
            return False
        from gui.yearly_grid import YearlyGridWindow

        grids = [w for w in self.compare_windows if isinstance(w, YearlyGridWindow) and w.isVisible()]
        for grid in grids:
            grid.close()
        return bool(grids)

    def _restore_focus(self) -> None:
        """After F5: the keyboard in the panel it was in (a report's table: the table now on
        screen), unless it has gone elsewhere than this window's panels meanwhile."""
        widget, self._focus_to_restore = self._focus_to_restore, None
        cell, self._cell_to_restore = self._cell_to_restore, None
        now = QApplication.focusWidget()
        if widget is None or now is None or now.window() is not self:
            return
        try:
            in_tables = widget in self.report_view.views.values()
            usable = widget.window() is self and widget.isVisible() and widget.isEnabled()
        except RuntimeError:  # deleted meanwhile (a box that had the keyboard)
            return
        if in_tables:
            session = self.report_view.session
            if session is not None and cell is not None and cell[1] and session.report.file == cell[0]:
                self.report_view.select_cells([cell[1]], focus=cell[1])
            if session is not None and self.report_view.current_view().isVisible():
                self.report_view.focus_table()
        elif usable:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _red_rows_note(self) -> str:
        """The red rows counted (among hundreds they pass unseen): the files not read, and the
        reports read only in part, which are red too (5 无法读取 said of 7 red rows left two unexplained)."""
        model = self.dashboard.model
        counts = [text.format(count=count) for text, count in (
            (strings.LOADED_UNREADABLE, model.unreadable_count()),
            (strings.LOADED_INCOMPLETE, model.incomplete_count())) if count]
        return strings.LOADED_RED_ROWS.format(counts="、".join(counts)) if counts else ""

    def _earlier_work_note(self, found: dict[str, int]) -> str:
        """How many reports the list marks 内容已变 (``found``, the loader's lookup): their file
        was re-saved or replaced since the auditor worked on it, and that work no longer applies
        (the report view says so once opened)."""
        return strings.EARLIER_WORK_COUNT.format(count=len(found)) if found else ""

    def _not_read_note(self) -> str:
        """The files not loaded, counted and the first few named (the list's tooltip names them
        all, but a tooltip needs the mouse)."""
        paths = self.dashboard.not_read
        if not paths:
            return ""
        names = "、".join(Path(p).name for p in paths[:NOT_READ_IN_STATUS])
        more = strings.NOT_READ_ETC if len(paths) > NOT_READ_IN_STATUS else ""
        return strings.NOT_READ_COUNT.format(count=len(paths)) + f"：{names}{more}"

    # --- the open report ---------------------------------------------------------------------------

    def session_for(self, review: ReportReview) -> ReportSession:
        """The report's session, created when it is first opened. Its undo stack is its twins':
        files with the same bytes share one review, so Ctrl+Z in any copy takes back the latest
        step of that work, wherever it was taken (a copy undoing its own older step would set a
        cell back under a value the twin gave it since)."""
        file = review.report.file
        session = self._sessions.get(file)
        if session is None:
            row = self.dashboard.model.row_of(file)
            findings = self.dashboard.model.findings_at(row) if row >= 0 else None
            content_hash = review.report.content_hash
            stack = self._undo_stacks.get(content_hash)
            if stack is None and content_hash:  # (a file without content saves no work: no twins)
                stack = self._undo_stacks[content_hash] = QUndoStack(self)
            session = ReportSession(review, self.store, findings, self,
                                    earlier_work=self.dashboard.model.earlier_work_of(file), undo_stack=stack)
            session.next_years = lambda r=review: self._next_years_of(r)
            session.changed.connect(lambda s=session: self._on_session_changed(s))
            session.saved.connect(self.show_status)
            session.failed.connect(self.show_status)
            self.undo_group.addStack(session.undo_stack)
            self._sessions[file] = session
        return session

    def _nothing_to_undo(self) -> None:
        """Ctrl+Z with nothing to undo in the report on screen. Each report keeps its own steps:
        the message said only 撤销只能撤回本次打开以来的修改, as if an edit made an hour ago in
        another report could no longer be taken back; it names the reports that have steps."""
        current = self.report_view.session
        stacks, names = set(), []
        for session in reversed(list(self._sessions.values())):  # the latest opened first
            stack = session.undo_stack
            if session is current or stack is None or stack in stacks or not stack.canUndo():
                continue
            stacks.add(stack)  # twins share one stack: named once
            names.append(Path(session.review.report.file).name)
        if not names:
            self.show_status(strings.NOTHING_TO_UNDO)
            return
        shown = "、".join(names[:UNDO_NAMED])
        if len(names) > UNDO_NAMED:
            shown = strings.UNDO_ELSEWHERE_MORE.format(names=shown, count=len(names))
        self.show_status(strings.NOTHING_TO_UNDO_HERE.format(names=shown))

    def _on_session_changed(self, session: ReportSession) -> None:
        """Refresh the report's row, and give the change to its twins: files with the same bytes
        share one review (the store keys it by content hash), so their rows, and a twin's tables
        if they are on screen, show it at once."""
        self.dashboard.model.update_review(session.review, session.findings)
        if self._sharing_work:  # a twin taking the change: its row is refreshed, nothing more
            return
        self._sharing_work = True
        try:
            for twin in self.dashboard.model.twin_reviews(session.review):
                if twin.share_work(session.review):
                    self._recheck(twin)  # its session's changed signal repaints a view showing it
        finally:
            self._sharing_work = False
        self._relink_copies(session.review)

    def _relink_copies(self, review: ReportReview) -> None:
        """The auditor's work on a copy of a year filed twice (an edit, a verdict, the mark, or
        their undo) can change which copy stands for the year (core.compare.years.copy_rank): the
        years before and after pair that one now, and the reports whose link moved are checked
        again (their X findings). Only when the report's rank moved since its last change (each
        report's first change links again, not each edit: linking 3000 reports takes ~40 ms);
        nothing while the folder still loads (the years are linked once it has)."""
        if not self._years_linked or self.is_loading() or self._relinking:
            return
        from core.compare.years import copy_rank, link_previous_years

        rank = copy_rank(review)
        if self._copy_ranks.get(review.report.file) == rank:
            return
        self._copy_ranks[review.report.file] = rank
        self._relinking = True
        try:
            changed = link_previous_years(self.dashboard.model.loaded_reviews())
            with self._checking_again():
                for relinked in changed:
                    self._recheck(relinked)
        finally:
            self._relinking = False
        self._repair_comparisons()  # (the reason a copy stands may have changed even if it did not)

    def _repair_comparisons(self) -> None:
        """Every open comparison follows the copy that stands for each of its two years (a year
        filed twice: core.compare.years.copy_rank): when another copy stands for a side's year
        (the auditor's work on it, 设为采用的副本, or their undo), the side shows that copy, its
        numbers, file, 正文 and note, in its own template version's layout. Until then a side shows
        the copy it was opened with (one picked in 年度对照). Only Ctrl+D's comparisons followed,
        and not into another template version: a grid's kept showing a copy that no longer stood."""
        loaded = self.dashboard.model.loaded_reviews()
        for window in list(self.compare_windows):
            stood = getattr(window, "stood", None)
            if stood is None or not window.view.sessions:  # (a folder reopened: it keeps its last comparison)
                continue
            shown = [session.review for session in window.view.sessions]
            now = [_standing_of(review, loaded) for review in shown]
            pair = [new if new is not before else side for side, before, new in zip(shown, stood, now)]
            window.stood = now
            if any(a is not b for a, b in zip(pair, shown)):
                self._show_pair(window, pair)
            self._say_copies(window)

    def _show_pair(self, window, pair: list[ReportReview]) -> None:
        """The comparison window shows ``pair`` instead (the same agency's same two years): in the
        same layout when both template versions are the same, else in a view built anew."""
        from core.compare.comparison import Comparison, PairError

        shown = [session.review for session in window.view.sessions]
        if [r.report.template for r in pair] == [r.report.template for r in shown]:
            window.view.set_pair([self.session_for(review) for review in pair])
            return
        try:
            comparison = Comparison(*pair)
        except PairError as error:  # (copies of one agency's years pair as their first copies did)
            window.statusBar().showMessage(str(error), 15000)
            return
        window.set_comparison(comparison)
        self._wire_view(window.view, pair)

    def _open_review(self, review: Optional[ReportReview]) -> None:
        if review is None:  # the selection was cleared: keep showing the report
            return
        session = self.session_for(review)
        if session is not self.report_view.session:
            self._clear_report_status()
        self.undo_group.setActiveStack(session.undo_stack)
        self.report_view.set_session(session, paint_next_turn=True)
        self.dashboard.pin(review.report.file)  # listed until the auditor opens another
        if self.folder:
            self.settings.remember_report(self.folder, review.report.file)

    def _close_sessions(self) -> None:
        if self.report_view.session is not None:  # emptying the tables lays them out again
            self.report_view.set_session(None)
        self.dashboard.pin("")
        for session in self._sessions.values():
            self.undo_group.removeStack(session.undo_stack)
            session.deleteLater()
        self._sessions.clear()
        for stack in self._undo_stacks.values():
            stack.deleteLater()
        self._undo_stacks.clear()

    def _enter_report(self) -> None:
        """Enter on a report of the list: the keyboard goes on to its table (Enter did nothing:
        only Tab, or a click, left the list). A file with no tables keeps it in the list."""
        view = self.report_view
        if view.session is not None and view.current_view().isVisible():
            view.focus_table()

    def carry_earlier_work(self) -> None:
        """编辑 → 沿用以前的审核: the report's file was re-saved or replaced, and the work stored
        for its earlier content («内容已变») could only be read about: it is applied here."""
        session = self.report_view.session
        if session is None:
            return
        result = session.carry_earlier_work()
        if result is None:
            self.show_report_status(strings.CARRY_NONE_STORED)
        elif result[0] < 0:
            return  # not saved: the status bar says why
        elif result == (0, 0):
            self.show_report_status(strings.CARRIED_NOTHING)
        else:
            if session.carried_cells:  # the first cell set, not the cells of a finding now gone
                self.report_view.select_cells(session.carried_cells[:1], focus=session.carried_cells[0])
            self.show_report_status(strings.CARRIED.format(cells=result[0], verdicts=result[1]))

    def toggle_reviewed(self) -> None:
        """Ctrl+Enter: always the report on screen (its name is in the status message)."""
        session = self.report_view.session
        if session is not None:
            self.report_view.set_reviewed(not session.review.reviewed)

    def step_problem(self, delta: int) -> None:
        """F8 / Shift+F8: the next (previous) problem of the report shown, across its tables;
        past its last one, the next report with problems opens (past its first, the previous
        report opens on its last problem); past the list's last such report, its first."""
        view = self.report_view
        if view.session is not None and view.step_problem(delta):
            self.show_report_status(strings.PROBLEM_AT.format(number=view.findings.current_row() + 1,
                                                       count=view.findings.model.problem_count()))
            return
        current = self.dashboard.current_row()
        rows = self.dashboard.problem_rows()
        later = [r for r in rows if r > current] if delta > 0 else [r for r in rows if r < current][::-1]
        # none after it: on from the list's other end. A sorted list moves the report just
        # corrected to its foot (sorted by 错误, it has none left), and F8 said 后面也没有其他有问题的
        # 报告 with every other report still waiting above it.
        wrapped = not later
        if wrapped:
            later = [r for r in rows if r < current] if delta > 0 else [r for r in rows if r > current][::-1]
        if not later:
            if view.session is not None and view.findings.model.problem_count() == 0:
                self.show_report_status(strings.NONE_HERE_NOR_LATER if delta > 0 else strings.NONE_HERE_NOR_EARLIER)
            else:
                self.show_report_status(strings.NO_MORE_PROBLEMS if delta > 0 else strings.NO_EARLIER_PROBLEMS)
            return
        self.dashboard.select_row(later[0])
        count = view.findings.model.problem_count() if view.session is not None else 0
        if count:  # the key lands on the report's first problem (its last, going back)
            view.findings.select_row(0 if delta > 0 else count - 1)
        self._keys_to_report()
        # another report opened under the auditor's eyes: it was silent (a message left by an
        # earlier key, 已是最后一个问题, stayed on as Shift+F8 went back through the reports)
        name = Path(view.session.report.file).name if view.session is not None else ""
        reason = unreadable_reason(view.session.report) if view.session is not None else ""
        if reason and not count:  # a file whose tables could not be read: no 第 1 个问题，共 0 个
            message = strings.PROBLEM_NEXT_UNREADABLE if delta > 0 else strings.PROBLEM_PREVIOUS_UNREADABLE
            message = message.format(name=name, reason=reason)
        else:
            message = strings.PROBLEM_NEXT_REPORT if delta > 0 else strings.PROBLEM_PREVIOUS_REPORT
            message = message.format(name=name, number=1 if delta > 0 else count, count=count)
        if wrapped:
            message = (strings.PROBLEM_FROM_TOP if delta > 0 else strings.PROBLEM_FROM_FOOT) + message
        self.show_report_status(message)

    def _keys_to_report(self) -> None:
        """The keyboard to the report just opened: its table, or for a file with no table (无法读取)
        the report list, where ↓ and F8 go on (the hidden table took the keys unseen), or with the
        list hidden (F11) the file's 原文, the one thing there is to read."""
        if self.report_view.focus_table():
            return
        if self.dashboard.isVisible():
            self.dashboard.view.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.report_view.source.isVisible():
            self.report_view.source.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_focus_mode(self, on: bool) -> None:
        """F11: the report alone (the list and the legend hidden), the tables at full height."""
        if on:
            self.report_view.before_focus_mode()
        self.dashboard.setVisible(not on)
        self.report_view.legend.setVisible(not on)
        if on:
            self._keys_to_report()
        else:
            self.report_view.after_focus_mode()

    def sort_list(self, column: int) -> None:
        """视图 → 报告列表排序: the headings' sort, by keyboard."""
        order = self.dashboard.sort_by(column)
        if column < 0:
            self.show_status(strings.SORTED_FOLDER)
            return
        up = order == Qt.SortOrder.AscendingOrder
        if column == PROBLEMS:  # texts: 从大到小 would say nothing
            self.show_status(strings.SORTED_PROBLEMS.format(
                where=strings.SORT_PROBLEMS_LAST if up else strings.SORT_PROBLEMS_FIRST))
            return
        self.show_status(strings.SORTED.format(column=strings.DASHBOARD_COLUMNS[column],
                                               order=strings.SORT_UP if up else strings.SORT_DOWN))

    def focus_search(self) -> None:
        self.dashboard.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.dashboard.search.selectAll()

    def show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, STATUS_TIMEOUT_MS)

    def show_report_status(self, message: str) -> None:
        """A message about the report on screen (F8's 第 1 个问题，共 9 个, a copy, a verdict): gone
        once another report opens, where it stayed up to 15 s, as if about that one."""
        self.show_status(message)
        self._report_message = message

    def _clear_report_status(self) -> None:
        """Another report opens: the last one's message goes (any other message stays: 导出完成)."""
        if self._report_message and self.statusBar().currentMessage() == self._report_message:
            self.statusBar().clearMessage()
        self._report_message = ""

    # --- export --------------------------------------------------------------------------------------

    def export(self, kind: str) -> None:
        """Ask where to (a file, or a folder for Word), then export every listed report."""
        if self._refused_while_loading():
            return
        reviews = self.dashboard.model.reviews()
        if not reviews:
            self.show_status(strings.EXPORT_NOTHING)
            return
        start = self._export_start(kind)
        if kind == WORD:
            target = folder_prompt.ask_export_folder(self, strings.EXPORT_FOLDER_TITLE, str(start))
        else:
            target = self._ask_export_file(start, kind, strings.EXPORT_DEFAULT_NAME, strings.EXPORT_FILTERS[kind])
        if not target or not self._export_place_confirmed(Path(target), kind):  # cancelled
            return
        self.start_export(Path(target), reviews, kind=kind)

    def _refused_while_loading(self) -> bool:
        """A folder's export asked while it loads is refused, and says so: it wrote the reports
        listed so far and said 「共导出 224 份报告」 of a folder of 354, the rest missing unsaid."""
        if not self.is_loading():
            return False
        self._report_export(strings.EXPORT_WHILE_LOADING, error=True)
        return True

    def _ask_export_file(self, start: Path, suffix: str, default_stem: str, file_filter: str) -> str:
        """The file an export writes, asked in a save dialog ("" when cancelled)."""
        target, _filter = file_dialogs.save_file_name(self, strings.EXPORT_TITLE, str(start / (default_stem + suffix)),
                                                      file_filter)
        named = file_to_write(target, (suffix,), default_stem) if target else ""
        # the dialog asked about the name as typed; ask about the file written
        return named if file_dialogs.replace_confirmed(self, strings.EXPORT_TITLE, target, named) else ""

    def export_report_word(self) -> None:
        """导出本报告为 Word: the report on screen alone, in the official template. The Word export
        of the folder writes a file for every report (300 reports: minutes, and a folder of files
        to find this one's in) where the auditor wanted the one corrected."""
        session = self.report_view.session
        if session is None:
            self.show_status(strings.EXPORT_NO_REPORT)
            return
        from core.export.docx import word_name, word_refusal
        refusal = word_refusal(session.report)
        if refusal:
            self._report_export(refusal, error=True)
            return
        target = self._ask_export_file(self._export_start(WORD_ONE), WORD_ONE, word_name(session.report),
                                       strings.EXPORT_WORD_FILTER)
        if not target or not self._export_place_confirmed(Path(target), WORD_ONE):  # cancelled
            return
        # and its year's copies, the folder's order kept (which counts: core.compare.years.copy_rank)
        copies = self.dashboard.model.copies_of(session.review)
        self.start_export(Path(target), [session.review, *copies], write=write_report_word, kind=WORD_ONE)

    def _export_place_confirmed(self, target: Path, kind: str) -> bool:
        """Word files or a CSV written inside the open folder are read as reports the next time it
        is opened (every report listed twice, once as its Word export): ask before writing there."""
        written = ".docx" if kind == WORD else kind
        if not self.folder or written not in REPORT_SUFFIXES:
            return True
        place = target if kind == WORD else target.parent
        try:
            inside = place.resolve().is_relative_to(Path(self.folder).resolve())
        except OSError:
            return True
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        return not inside or QMessageBox.question(
            self, strings.EXPORT_TITLE, strings.EXPORT_INTO_FOLDER.format(folder=Path(self.folder).name),
            buttons, QMessageBox.StandardButton.No) == QMessageBox.StandardButton.Yes

    def _export_start(self, kind: str) -> Path:
        """Where the dialog of an export of ``kind`` starts: where that kind was saved last (after
        the Word files went into a folder of their own, the next Excel dialog opened there), else
        beside the open folder (not in it: the auditor's reports stay as they were), but not among
        the program's own samples (a build's _internal/resources: perhaps read-only, and deleted
        with the program at an upgrade): the home folder then."""
        if self.settings.export_folder(kind):
            return Path(self.settings.export_folder(kind))
        other_word = {WORD_ONE: WORD, WORD: WORD_ONE}.get(kind)  # a Word export: where the other went
        if other_word and self.settings.export_folder(other_word):
            return Path(self.settings.export_folder(other_word))
        if self.folder:
            folder = Path(self.folder).resolve()
            if not folder.is_relative_to(resources_dir().resolve()):
                return folder.parent
        return Path.home()

    def start_export(self, target: Path, reviews: Optional[list[ReportReview]] = None,
                     write: Writer = write_export, kind: str = "") -> bool:
        """Export in the export thread (``write``: how; by default the format the target's
        extension names), never over a report of the folder. ``kind`` names the export whose
        folder is remembered (by default the target's extension, or Word for a folder)."""
        reviews = self.dashboard.model.reviews() if reviews is None else reviews
        if target.exists() and target.is_file() and any(
                _same_file(target, Path(r.report.file)) for r in reviews):
            self._report_export(strings.EXPORT_SOURCE, error=True)
            return False
        # a Word export's target is its folder, whatever its name ("2024.12 导出" has a suffix)
        is_folder = kind == WORD or (not kind and not target.suffix)
        self.settings.set_export_folder(kind or target.suffix.lower() or WORD,
                                        str(target if is_folder else target.parent))
        # the next Word export, of the folder or of a report, starts where the last one went (a
        # report's Word file started where the one before went, after 导出为 Word had put the files
        # in another folder; the folder's started beside the reports, after a report's had gone)
        if kind in (WORD, WORD_ONE):
            self.settings.set_export_folder(WORD_ONE if kind == WORD else WORD, "")
        # an export of the folder holds every report, whatever the search or 只看有问题的 shows:
        # its end says how many, and how many of them the list was not showing (the report on
        # screen exported alone is no more than itself)
        hidden = 0 if kind == WORD_ONE else self.dashboard.model.rowCount() - self.dashboard.proxy.rowCount()
        unreadable = sum(1 for review in reviews if unreadable_reason(review.report))
        if write is not write_export or target.suffix.lower() not in (".xlsx", ".csv", ".json"):
            unreadable = 0  # (Word, to a folder, leaves them out and says so)
        # (a report's Word file is given its year's other copies, for its 审核说明 line: one report)
        self._exports_asked.append(ExportAsked(1 if kind == WORD_ONE else len(reviews), max(hidden, 0), unreadable))
        started = self.exports.submit(reviews, target, write)
        self.show_status(strings.EXPORT_RUNNING if started else strings.EXPORT_BUSY)
        if started:
            self._show_export_bar(0, 0)
        return True

    def _install_export_bar(self) -> None:
        """A running export's bar and its 取消 button, at the status bar's right (hidden otherwise):
        the count of reports, then a busy bar while the file is saved (tens of seconds for an
        Excel workbook of 350 reports, after the count had said every report was done)."""
        self.export_bar = QProgressBar()
        self.export_bar.setMaximumWidth(200)
        self.export_bar.setTextVisible(False)  # (the message beside it says the count, or 正在保存)
        self.cancel_export_button = QPushButton(strings.ACTION_CANCEL_EXPORT_BUTTON)
        self.cancel_export_button.setToolTip(strings.EXPORT_CANCEL_TIP)
        self.cancel_export_action = self._action(strings.ACTION_CANCEL_EXPORT, self.cancel_export)
        self.cancel_export_action.setEnabled(False)
        self.cancel_export_button.clicked.connect(self.cancel_export)
        for widget in (self.export_bar, self.cancel_export_button):
            self.statusBar().addPermanentWidget(widget)
            widget.hide()

    def _show_export_bar(self, done: int, total: int) -> None:
        self.export_bar.setRange(0, total)  # (0, 0): busy, no count
        self.export_bar.setValue(done)
        for widget in (self.export_bar, self.cancel_export_button):
            widget.show()
        self.cancel_export_action.setEnabled(self.cancel_export_button.isEnabled())  # (not once cancelled)

    def _hide_export_bar(self) -> None:
        """(An export waiting its turn shows it again with its first count, its 取消 ready.)"""
        for widget in (self.export_bar, self.cancel_export_button):
            widget.hide()
        self.cancel_export_button.setEnabled(True)
        self.cancel_export_action.setEnabled(False)

    def _on_export_progress(self, done: int, total: int) -> None:
        # no time-out: the count stays until the next one, or the export's end, replaces it
        self.statusBar().showMessage(strings.EXPORT_PROGRESS.format(done=done, total=total))
        self._show_export_bar(done, total)

    def _on_export_saving(self) -> None:
        self.statusBar().showMessage(strings.EXPORT_SAVING)
        self._show_export_bar(0, 0)

    def cancel_export(self) -> None:
        """Stop the export running (and drop those waiting): nothing is left at their targets."""
        if not self.exports.busy():
            return
        for _ in range(self.exports.cancel()):  # the exports dropped before their turn: the last asked
            if self._exports_asked:
                self._exports_asked.pop()
        self.statusBar().showMessage(strings.EXPORT_CANCELLING)
        self.cancel_export_button.setEnabled(False)
        self.cancel_export_action.setEnabled(False)

    def _on_export_cancelled(self) -> None:
        if self._exports_asked:
            self._exports_asked.popleft()  # this export's count: it wrote nothing
        self._hide_export_bar()
        self.show_status(strings.EXPORT_CANCELLED)
        self.exportFinished.emit(strings.EXPORT_CANCELLED)

    def _on_export_done(self, written: Exported) -> None:
        asked = self._exports_asked.popleft() if self._exports_asked else ExportAsked(0, 0, 0)
        self._hide_export_bar()  # (cancelled too late, if it was: the file was in place)
        files = list(written.files)
        shown = "\n".join(str(p) for p in files[:10]) + ("\n…" if len(files) > 10 else "")
        hidden = strings.EXPORT_HIDDEN.format(hidden=asked.hidden) if asked.hidden else ""
        # Word writes a file for each report it can take and a note on the others, apart
        word = written.format is ExportFormat.WORD
        kind = strings.EXPORT_FORMAT_NAMES[written.format.value]
        if word and (written.note is not None or len(files) > 1):  # a folder's Word files
            folder = (files[0] if files else written.note).parent
            self.show_status(strings.EXPORT_DONE_STATUS_WORD.format(
                count=len(files), note=strings.EXPORT_NOTE_TOO if written.note else "", folder=folder))
        else:
            self.show_status(strings.EXPORT_DONE_STATUS.format(format=kind, path=files[0] if files else ""))
        if word:
            # how many reports made it (one file each), of how many, which were left out and
            # why, each count once; the reports hidden from the list said apart
            if written.left_out:
                text = strings.EXPORT_WORD_LEFT_OUT.format(
                    total=len(files) + len(written.left_out), count=len(files), left=len(written.left_out),
                    note=written.note) + "\n" + _left_out_lines(written.left_out)
            else:
                text = strings.EXPORT_WORD_DONE.format(count=len(files))
            text += ("\n\n" + shown) if files else ""
            reports = hidden
        else:
            text = strings.EXPORT_DONE.format(format=kind, paths=shown)
            reports = "，".join(part for part in (
                strings.EXPORT_REPORTS.format(count=asked.count) if asked.count else "",
                strings.EXPORT_UNREADABLE.format(count=asked.unreadable) if asked.unreadable else "",
                hidden) if part)
        if not self.closed:  # after Ctrl+Q the box would stand alone and keep the program running
            self._message(QMessageBox.Icon.Information, text + (f"\n\n{reports}" if reports else ""))
        self.exportFinished.emit(written.paths)

    def _on_export_failed(self, message: str) -> None:
        if self._exports_asked:
            self._exports_asked.popleft()  # this export's count: it wrote nothing
        self._hide_export_bar()
        self._report_export(strings.EXPORT_FAILED.format(error=message), error=True)

    def _report_export(self, message: str, error: bool) -> None:
        self.show_status(message)
        self._message(QMessageBox.Icon.Warning, message)
        self.exportFinished.emit(message)

    def _message(self, icon, text: str) -> None:
        """A window-modal box that does not block the event loop (tests close it). An export ends
        while the auditor works on: with a cell's value half typed, the box took the rest of its
        keys and the Enter meant to store it closed the box unseen, the value left as far as it
        was typed. The box waits until the value is confirmed or dropped, and while another box
        is up (a reason being typed for 忽略, the box of the export before): the status bar says
        导出完成 meanwhile."""
        if (self.report_view.editing() or QApplication.activeModalWidget() is not None) and not self.closed:
            QTimer.singleShot(MESSAGE_RETRY_MS, self, lambda: None if self.closed else self._message(icon, text))
            return  # (a window closed meanwhile shows no box: it would stand alone, the program kept running)
        box = QMessageBox(icon, strings.EXPORT_TITLE, text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.message_box = box

    # --- two years side by side: 年度对照, 比对, 汇总 (gui/compare_view.py, gui/yearly_grid.py) ------

    def _install_comparison(self) -> None:
        from gui import compare_strings
        from gui.qt import QAbstractItemView

        self.compare_windows: list = []  # open CompareWindow / YearlyGridWindow objects
        self._reopen_yearly_grid = False  # 年度对照 was open as another folder (or F5) began to load
        self.yearly_action = self._action(compare_strings.ACTION_YEARLY, self.show_yearly_grid, ["Ctrl+Shift+Y"])
        self.compare_action = self._action(compare_strings.ACTION_COMPARE_SELECTED, self.compare_selected,
                                           ["Ctrl+D"])
        self.choose_copy_action = self._action(compare_strings.ACTION_CHOOSE_COPY, self.choose_copy,
                                               ["Ctrl+Shift+U"])
        self.choose_copy_action.setToolTip(compare_strings.ACTION_CHOOSE_COPY_TIP)
        self.choose_copy_action.setStatusTip(compare_strings.ACTION_CHOOSE_COPY_TIP)
        self.summary_action = self._action(compare_strings.ACTION_EXPORT_SUMMARY,
                                           lambda: self.export_summary())  # not triggered(checked)
        from gui.qt import QMenu

        menus = {m.title(): m for m in self.menuBar().findChildren(QMenu)}
        view_menu, export_menu = menus[strings.MENU_VIEW], menus[strings.MENU_EXPORT]
        view_menu.addSeparator()
        view_menu.addAction(self.yearly_action)
        view_menu.addAction(self.compare_action)
        edit_menu = menus[strings.MENU_EDIT]  # beside 标记为已审核: a verdict on the copy, saved with the review
        edit_menu.insertAction(self.reviewed_action, self.choose_copy_action)
        export_menu.addSeparator()
        export_menu.addAction(self.summary_action)
        export_menu.addSeparator()
        export_menu.addAction(self.cancel_export_action)
        self.dashboard.model.dataChanged.connect(self._recheck_next_years)
        self.dashboard.model.dataChanged.connect(self._update_yearly_grids)
        view = self.dashboard.view
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._dashboard_menu)

    def link_previous_years(self, then: Optional[Callable[[], None]] = None) -> None:
        """Reports whose agency's year before is in the folder get the X rules in their checks.
        Checking them again takes ~0.8 ms a report (0.25 s for 300 pairs, more than a second
        for a big folder of two years): the report on screen first, the others a slice per turn
        of the event loop, so that the window stays responsive; ``then`` once all are done."""
        from core.compare.years import link_previous_years

        changed = link_previous_years(self.dashboard.model.reviews())
        self._years_linked = True
        self._copy_ranks = {}  # (unknown until a report changes: its first change links again)
        shown = self.report_view.session.review if self.report_view.session is not None else None
        changed.sort(key=lambda review: review is not shown)  # stable: the folder's order after
        self._pending_rechecks = deque(changed)
        token = self._load_token
        QTimer.singleShot(0, self, lambda: self._recheck_slice(token, then))  # a turn after linking

    def _recheck_slice(self, token: int, then: Optional[Callable[[], None]]) -> None:
        if token != self._load_token:  # another folder was opened meanwhile
            return
        pending = self._pending_rechecks
        start = time.thread_time()
        shown = self.report_view.session.review if self.report_view.session is not None else None
        # A new link changes the report's findings, not its values: the years after it keep theirs.
        with self._checking_again():
            while pending:  # one at least
                review = pending.popleft()
                self._recheck(review)
                # the report on screen alone: its tables and list are filled and painted again
                if review is shown or time.thread_time() - start >= RECHECK_SLICE_SECONDS:
                    break
        if pending:
            QTimer.singleShot(0, self, lambda: self._recheck_slice(token, then))
        elif then is not None:
            then()

    def _drain_rechecks(self) -> None:
        """The linked reports not checked again yet, now (the year-by-year views count their X findings)."""
        with self._checking_again():
            while self._pending_rechecks:
                self._recheck(self._pending_rechecks.popleft())

    @contextmanager
    def _checking_again(self):
        """While reports are checked again, the rows they change do not check the years after them
        again (_recheck_next_years): a check changes findings, not values, so those keep theirs."""
        self._rechecking = True
        try:
            yield
        finally:
            self._rechecking = False

    def _recheck(self, review: ReportReview) -> None:
        from gui.folder_job import run_checks

        session = self._sessions.get(review.report.file)
        if session is not None:
            session.recheck()  # its changed signal updates the dashboard row
        else:
            self.dashboard.model.update_review(review, run_checks(review))

    def _next_years_of(self, review: ReportReview) -> list[ReportReview]:
        """The folder's reviews whose year before is ``review`` (an edit of it moves their X findings)."""
        from core.compare.years import next_years

        return next_years(review, self.dashboard.model.loaded_reviews())

    def _recheck_next_years(self, top, _bottom=None, _roles=None) -> None:
        """An edit in year N−1 moves the X findings of year N: check N again (once per change)."""
        from core.compare.years import next_years

        if self._rechecking or not self._years_linked:
            return  # (no year is linked to another before the folder is loaded: nothing to check)
        review = self.dashboard.model.review_at(top.row())
        if review is None:
            return
        # (links are set once all reports are loaded: loaded_reviews() holds every one)
        with self._checking_again():
            for later in next_years(review, self.dashboard.model.loaded_reviews()):
                self._recheck(later)

    def _update_yearly_grids(self, top, bottom, _roles=None) -> None:
        """A report's row changed (an edit, its undo, a verdict, 已审核, a recheck): an open 年度对照
        shows its new counts and which copy of its year stands (it showed them as it opened)."""
        if not self.compare_windows:  # (most changes: nothing imported for them)
            return
        from gui.yearly_grid import YearlyGridWindow

        grids = [w for w in self.compare_windows if isinstance(w, YearlyGridWindow)]
        if not grids:
            return
        model = self.dashboard.model
        for row in range(top.row(), bottom.row() + 1):
            review = model.loaded_review_at(row)
            if review is not None:
                for grid in grids:
                    grid.report_changed(review, model.findings_at(row))

    def _dashboard_menu(self, pos) -> None:
        self.dashboard_context_menu().popup(self.dashboard.view.viewport().mapToGlobal(pos))

    def dashboard_context_menu(self):
        from gui.qt import QMenu

        menu = QMenu(self)
        menu.addAction(self.compare_action)
        menu.addAction(self.yearly_action)
        menu.addSeparator()
        menu.addAction(self.choose_copy_action)
        self.dashboard_menu = menu
        return menu

    def show_yearly_grid(self):
        from gui.yearly_grid import YearlyGridWindow

        self._drain_rechecks()
        model = self.dashboard.model
        reviews = model.reviews()
        window = YearlyGridWindow(reviews, [model.findings_at(r) for r in range(len(reviews))], self)
        window.compareRequested.connect(self.open_comparison)
        if self.report_view.session is not None:
            window.show_review(self.report_view.session.review)
        self._keep_window(window)
        return window

    def compare_selected(self):
        from gui import compare_strings

        self._drain_rechecks()
        reviews = self.dashboard.selected_reviews()
        if not reviews and self.report_view.session is not None:  # a search hides its row: the one shown
            reviews = [self.report_view.session.review]
        if len(reviews) == 1:  # the keyboard selects one row: its agency's year before (or after)
            alone, reviews = reviews[0], self._year_pair(reviews[0])
            if not reviews:
                return self._compare_nearest_year(alone)
            return self.open_comparison(*reviews)
        if len(reviews) != 2:
            self.show_status(compare_strings.COMPARE_NEED_TWO)
            return None
        return self.open_comparison(*reviews)

    def choose_copy(self) -> bool:
        """设为采用的副本 (Ctrl+Shift+U): the selected report (else the one on screen) stands for its
        agency's year filed twice, in 年度对照, the comparisons, the X- rules and the 汇总, whatever
        work the other copies hold; one undo step, saved with the review. There was no way to say
        which copy counts but to mark it 已审核 (and so unmark the others)."""
        from core.compare.years import choose_copy
        from gui import compare_strings
        from gui.undo import ChosenCopyCommand

        selected = [r for r in self.dashboard.selected_reviews() if r is not None]
        shown = self.report_view.session.review if self.report_view.session is not None else None
        review = selected[0] if len(selected) == 1 else shown
        if review is None:
            self.show_status(compare_strings.CHOOSE_COPY_NOTHING)
            return False
        report = review.report
        said = dict(name=Path(report.file).name, agency=report.agency or compare_strings.THIS_AGENCY,
                    year=report.year or "")
        copies = self.dashboard.model.copies_of(review)
        if len(copies) < 2:
            self.show_status(compare_strings.CHOOSE_COPY_ALONE.format(**said))
            return False
        marks = choose_copy(review, copies)
        if not marks:
            self.show_status(compare_strings.CHOOSE_COPY_ALREADY.format(**said))
            return False
        said["count"] = len(copies)
        step = ChosenCopyCommand(lambda marks, again: self._commit_chosen(marks, again, said), marks,
                                 compare_strings.CHOOSE_COPY_STEP.format(**said))
        self.session_for(review).undo_stack.push(step)  # (its redo saves the marks)
        return review.chosen

    def _commit_chosen(self, marks: list, step: str, said: dict) -> bool:
        """Save the copies' chosen marks (one transaction), then show them: their rows, their twins,
        the years linked anew, 年度对照 and the open comparisons; False if saving failed."""
        import sqlite3

        from core.review.store import store_error_text
        from gui import compare_strings

        try:
            self.store.mark_chosen(marks)
        except (sqlite3.Error, OSError, ValueError) as exc:
            self.show_status(strings.SAVE_FAILED.format(error=store_error_text(exc)))
            return False
        for review, _chosen in marks:  # its row, its twins, the links (_on_session_changed)
            self.session_for(review).changed.emit()
        self.report_view.update_notes()  # (a third copy on screen: which one stands now)
        what = compare_strings.CHOOSE_COPY_STEP.format(**said)
        self.show_status(step.format(what=what) if step else compare_strings.CHOSE_COPY.format(**said))
        return True

    def copies_text(self, review: ReportReview) -> tuple[str, str]:
        """The review's heading on a copy of a year filed twice: a few words, and a sentence, on
        whether this copy is the one that stands for it, and why, or which one does and the key to
        choose this one instead (("", "") for a year filed once: twins, the same bytes, are one report)."""
        from core.compare.years import standing_copy, standing_reason

        copies = self.dashboard.model.copies_of(review)
        own = review.report.content_hash
        if not any(c is not review and not (own and c.report.content_hash == own) for c in copies):
            return "", ""
        from gui import compare_strings

        standing = standing_copy(copies)
        said = dict(year=review.report.year, count=len(copies), why=compare_strings.why_this_copy(standing_reason(copies)),
                    file=Path(standing.report.file).name)
        if standing is review or (own and standing.report.content_hash == own):
            return compare_strings.COPIES_TAG_THIS.format(**said), compare_strings.COPIES_THIS.format(**said)
        return compare_strings.COPIES_TAG_OTHER.format(**said), compare_strings.COPIES_OTHER.format(**said)

    def _say_copies(self, window) -> None:
        """A side's year filed twice, shown through the copy that stands for it (as the X- rules
        pair it): the comparison says so, why, and whether the others hold other numbers; both
        sides' notes when both are; none for a copy the auditor picked that does not stand (their
        own choice: the report selected for Ctrl+D, a copy picked in 年度对照)."""
        from core.compare.years import copies_of, standing_copy
        from gui.compare_models import other_copies_note

        loaded = self.dashboard.model.loaded_reviews()
        notes = []
        for session in window.view.sessions:
            copies = copies_of(session.review, loaded)
            if len(copies) > 1 and standing_copy(copies) is session.review:
                notes.append(other_copies_note(copies, session.review))
        notes = [(lines, tip) for lines, tip in notes if lines]
        if not notes and window.copies_label is None:
            return
        if len(notes) == 2:  # each wording of the first beside the same of the second
            lines = [f"{a}　{b}" for a, b in zip(*(lines for lines, _tip in notes))]
        else:
            lines = notes[0][0] if notes else []
        window.say_copies(lines, "\n\n".join(tip for _lines, tip in notes))

    def _compare_nearest_year(self, review: ReportReview):
        """Ctrl+D on one report whose agency has no report of the year just before or after:
        its nearest other year (2019 beside 2021), as the status bar says; the status bar said
        "no other year" while the folder held one, and two rows far apart in the list cannot be
        selected together by keyboard."""
        from core.compare.years import nearest_year
        from gui import compare_strings

        agency = review.report.agency or compare_strings.THIS_AGENCY
        other = nearest_year(review, self.dashboard.model.loaded_reviews())
        if other is None:
            self.show_status(compare_strings.COMPARE_NO_OTHER_YEAR.format(agency=agency))
            return None
        pair = [other, review] if other.report.year < review.report.year else [review, other]
        window = self.open_comparison(*pair)
        if window is not None:
            self.show_status(strings.COMPARE_NEAREST_YEAR.format(
                agency=agency, year=review.report.year, other=other.report.year))
        return window

    def _year_pair(self, review: ReportReview) -> list[ReportReview]:
        """The report and its agency's report of the year before, as linked for the X- rules;
        for an agency's first year, the year after; [] when the folder holds neither."""
        if review.previous_year is not None:
            return [review.previous_year, review]
        # loaded ones only: the years are linked once every report is (decoding the rest here,
        # on the GUI thread, while a big folder loads would stall the window for seconds)
        loaded = self.dashboard.model.loaded_reviews()
        after = [r for r in loaded if r.previous_year is review]
        if after:
            return [review, after[0]]
        # A year filed twice is linked by the copy that stands for it only: another copy takes that one's years.
        first = next((r for r in loaded if r is not review and _same_year(r, review)
                      and (r.previous_year is not None or any(o.previous_year is r for o in loaded))), None)
        if first is None:
            return []
        return [first.previous_year, review] if first.previous_year is not None \
            else [review, next(o for o in loaded if o.previous_year is first)]

    def open_comparison(self, first: ReportReview, second: ReportReview):
        """Both years side by side in their own window; None (and why, in the status bar) if refused."""
        from core.compare.comparison import Comparison, PairError
        from gui.compare_view import CompareWindow

        if first.report.year and second.report.year and first.report.year > second.report.year:
            # the earlier year first, as the window's sides are: the status line's notes on each
            # year's copies read in this order (年度对照's first year, compared with the year after,
            # came as the later year first)
            first, second = second, first
        try:
            comparison = Comparison(first, second)
        except PairError as error:
            self.show_status(str(error))
            return None
        # a window of its own, not owned by this one: an owned window stays above its owner, so
        # 在审核中打开 left the review behind the comparison; closed with this one (closeEvent)
        window = CompareWindow(comparison, screen=self.screen())
        self._wire_view(window.view, [first, second])
        # the copies that stand for the two years now: a side follows its year's when it changes
        loaded = self.dashboard.model.loaded_reviews()
        window.stood = [_standing_of(first, loaded), _standing_of(second, loaded)]
        self._keep_window(window)
        self._say_copies(window)
        return window

    def _wire_view(self, view, reviews: list[ReportReview]) -> None:
        # it follows corrections and verdicts given here, through the reports' sessions
        view.follow([self.session_for(review) for review in reviews])
        view.openInReview.connect(self.open_in_review)
        view.settings = self.settings  # one 比对 export folder for every comparison window
        view.first_export_folder = lambda: self._export_start(COMPARE)

    def _keep_window(self, window) -> None:
        self.compare_windows = [w for w in self.compare_windows if w.isVisible()] + [window]
        window.destroyed.connect(lambda *_args, w=window: self.compare_windows.remove(w)
                                 if w in self.compare_windows else None)
        window.show()
        window.raise_()  # (a window manager may place a new top-level window behind a maximised one)
        window.activateWindow()

    def open_in_review(self, file: str, path: str) -> bool:
        if not self.dashboard.select_file(file):
            return False
        self.raise_()
        self.activateWindow()
        if path:
            self.report_view.select_cells([path], focus=path)
        self.report_view.focus_table()  # the keys go to the cell shown, not the list they were in
        return True

    def export_summary(self, target: Optional[Path] = None) -> bool:
        from gui import compare_strings

        if self._refused_while_loading():
            return False
        self._drain_rechecks()
        model = self.dashboard.model
        rows = [n for n in range(model.rowCount()) if model.review_at(n) is not None]  # (every report loaded)
        reviews = [model.review_at(n) for n in rows]
        if not reviews:
            self.show_status(strings.EXPORT_NOTHING)
            return False
        if target is None:
            start = self._export_start(SUMMARY) / compare_strings.SUMMARY_DEFAULT
            chosen, _filter = file_dialogs.save_file_name(self, compare_strings.SUMMARY_TITLE, str(start),
                                                          strings.EXPORT_FILTERS[".xlsx"])
            if not chosen:
                return False
            named = file_to_write(chosen, (".xlsx",), Path(compare_strings.SUMMARY_DEFAULT).stem)
            if not file_dialogs.replace_confirmed(self, compare_strings.SUMMARY_TITLE, chosen, named):
                return False
            target = Path(named)
        # (written in the export thread: some 3 ms a report, seconds for a province's folder)
        return self.start_export(target, reviews, summary_writer([model.findings_at(n) for n in rows]),
                                 kind=SUMMARY)

    # --- help --------------------------------------------------------------------------------------

    def show_about(self) -> None:
        from core.cli import app_version  # the version --version prints (pyproject.toml's)

        QMessageBox.about(self, strings.ABOUT_TITLE,
                          strings.ABOUT_TEXT.format(version=html.escape(app_version()),
                                                    db=html.escape(str(self.store.path))))

    def show_legend_help(self) -> None:
        QMessageBox.information(self, strings.LEGEND_DIALOG_TITLE, strings.LEGEND_HELP)

    # --- drag and drop -----------------------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:
        if _dropped_folder(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        folder = _dropped_folder(event.mimeData())
        if folder:
            event.acceptProposedAction()
            self.open_folder(folder)

    # --- window state --------------------------------------------------------------------------------

    def _restore_window(self) -> None:
        geometry = self.settings.window_state("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            # First start: the whole screen (government PCs run 1366×768 and 1920×1080).
            self.resize(self.screen().availableGeometry().size())
            self.setWindowState(Qt.WindowState.WindowMaximized)
        self._splitters_restored = False
        kept = {}
        for side, name in LAYOUT_NAMES.items():
            tables = self.settings.window_state(f"report_tables_{name}")
            panels = self.settings.window_state(f"report_panels_{name}")
            if tables is not None and panels is not None:
                kept[side] = (tables, panels)
        self.report_view.keep_layouts(kept)
        # the 视图 menu's panels as they were left (the 原文 hidden, or wrapped, came back as at first)
        for name, action in self._view_options().items():
            action.setChecked(self.settings.view_option(name, action.isChecked()))
            # kept as they change: a window killed (or its PC switched off) keeps them too
            action.toggled.connect(lambda on, name=name: self.settings.set_view_option(name, on))
        # the list sorted as it was left (sorted by 错误 before lunch, it reopened in the folder's order)
        column, descending = self.settings.list_sort
        if 0 <= column < self.dashboard.model.columnCount():
            self.dashboard.view.sortByColumn(
                column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
        self.dashboard.view.horizontalHeader().sortIndicatorChanged.connect(
            lambda section, order: setattr(self.settings, "list_sort",
                                           (section, order == Qt.SortOrder.DescendingOrder)))

    def _view_options(self) -> dict[str, QAction]:
        return {"show_findings": self.findings_action, "show_source": self.source_action,
                "wrap_source": self.wrap_source_action}

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._splitters_restored:
            return
        # Splitter sizes only hold once the window has its size: set them on the first show.
        self._splitters_restored = True
        # Shown explicitly now: else the splitter shows it again (polish, layout, a second paint
        # of the whole window) as the first report opens, a stall of 15-40 ms.
        self.report_view.show()
        state = self.settings.window_state(self._splitter_key())
        if state is None or not self.splitter.restoreState(state):
            self._default_list_width()
        self.dashboard.use_widths(self.settings.list_widths(self._screen_key()))  # as dragged there
        # the keyboard starts in the report list: Qt gave it to Tab's first stop, 只看有问题的,
        # where it showed no ring, the arrows did nothing and Space turned the filter on unseen
        if self.focusWidget() in (None, self.dashboard.only_problems):
            self.dashboard.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _default_list_width(self) -> None:
        total = sum(self.splitter.sizes()) or self.width()
        report = self.report_width(total)
        self.splitter.setSizes([total - report, report])

    def reset_layout(self) -> None:
        """The list's width a first start gives it; the tables and their panels as the report's
        width lays them out (side by side or stacked, their default shares)."""
        if self.dashboard.isVisible():  # (focus mode: the list keeps its width for its return)
            self._default_list_width()
        self.report_view.reset_layout()

    def screen_size(self) -> QSize:
        return self.screen().size()

    def _splitter_key(self) -> str:
        """The list/report sizes are kept per screen size: sizes saved on a 1366 screen (the list
        beside the tables, 问题清单 below them) kept that stacked layout on a 1920 one, where the
        panels fit beside the tables. Each screen size starts from its own layout."""
        return f"main_splitter_{self._screen_key()}"

    def _screen_key(self) -> str:
        size = self.screen_size()
        return f"{size.width()}x{size.height()}"

    def report_width(self, total: int) -> int:
        """The report's share of ``total``: the tables with the panels beside them when the list
        keeps a useful width (1920 wide), else the tables' full width, the list the rest."""
        tables = self.report_view.table_width() + 4
        side = tables + SIDE_PANEL_MIN
        if total - side >= DASHBOARD_MIN:
            # the list takes the room beyond the panels' least, but a margin: at 1920 half of it
            # went to the panels, and the list cut every agency to 8 characters (「东陵市…民政局」)
            spare = total - side - DASHBOARD_MIN
            margin = min(spare, SIDE_PANEL_MARGIN)
            rest = spare - margin - min(spare - margin, DASHBOARD_WIDE_MORE)  # (a wider screen: shared)
            return side + margin + rest // 2
        return min(total - DASHBOARD_NARROW, tables) if total - tables >= DASHBOARD_NARROW \
            else total * 2 // 3

    def closeEvent(self, event) -> None:
        self.closed = True
        typed = self.report_view.typed_value()
        session = self.report_view.session
        # a number typed and never confirmed is not an edit; the next start says it was dropped
        self.settings.dropped_typing = strings.DROPPED_TYPING.format(
            name=Path(session.report.file).name, cell=typed[0], text=typed[1]) if typed and session else ""
        self.report_view.discard_edit()
        for window in list(self.compare_windows):  # the comparisons are not owned by this window
            window.close()
        self.stop_loading()
        self.workers.stop()
        if self._parse_cache is not None:
            self._parse_cache.close()
            self._parse_cache = None
        self.exports.wait()  # never leave half an export behind
        self.settings.set_window_state("geometry", self.saveGeometry())
        self.settings.set_window_state(self._splitter_key(), self.splitter.saveState())
        self.settings.set_list_widths(self._screen_key(), self.dashboard.dragged_widths())
        for side, (tables, panels) in self.report_view.layouts().items():
            self.settings.set_window_state(f"report_tables_{LAYOUT_NAMES[side]}", tables)
            self.settings.set_window_state(f"report_panels_{LAYOUT_NAMES[side]}", panels)
        self.settings.sync()
        super().closeEvent(event)


def _dropped_folder(mime) -> str:
    """The folder of a drop: a folder itself, or the folder holding a dropped file."""
    if not mime.hasUrls():
        return ""
    for url in mime.urls():
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.is_dir():
                return str(path)
            if path.is_file():
                return str(path.parent)
    return ""


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _standing_of(review: ReportReview, loaded: list[ReportReview]) -> ReportReview:
    """The copy that stands for ``review``'s agency's year (itself for a year filed once)."""
    from core.compare.years import copies_of, standing_copy

    copies = copies_of(review, loaded)
    return standing_copy(copies) if copies else review


def _same_year(a: ReportReview, b: ReportReview) -> bool:
    """Both reports are one agency's report of one year (as core.compare.years pairs them)."""
    from core.compare.pairing import same_agency

    return a.report.year is not None and a.report.year == b.report.year \
        and same_agency(a.report.agency, b.report.agency)
