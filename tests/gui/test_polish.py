"""What an auditor trips over with the keyboard: F2 on a row's label, Shift+F10 for the context
menu, the 问题 column at 1366 wide, the comparison window's frame on the screen."""
from __future__ import annotations

import pytest

from gui.qt import QApplication, QLineEdit, Qt
from gui.table_models import TemplateTableModel
from tests.gui.helpers import PLANTED, PLANTED_CELL, open_folder, select_report, window_on_folder


@pytest.fixture
def window(make_window, store, report_folder, qtbot):
    return window_on_folder(qtbot, make_window, store, report_folder, 6, active=True)


def label_index(view, text: str, header: bool = False):
    """The model index of the (first) label cell whose text contains ``text``."""
    model = view.model()
    cell = next(c for c in model.grid.cells
                if not c.is_value and c.header == header and text in c.text)
    return model.index(cell.row, cell.column)


# --- F2 ------------------------------------------------------------------------------------------

def test_f2_on_a_row_label_edits_the_rows_first_value(window, qtbot):
    select_report(qtbot, window, PLANTED)
    view = window.report_view.show_section("section3")
    view.setFocus()
    view.setCurrentIndex(label_index(view, "予以公开"))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    assert view.currentIndex().data(TemplateTableModel.PathRole) == PLANTED_CELL
    assert editor.text() == "15"  # the row's first value: 自然人, printed 15


def test_f2_on_a_heading_says_why_nothing_is_edited(window, qtbot):
    select_report(qtbot, window, PLANTED)
    view = window.report_view.show_section("section3")
    view.setFocus()
    view.setCurrentIndex(label_index(view, "自然人", header=True))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    assert view.findChild(QLineEdit) is None or not view.findChild(QLineEdit).isVisible()
    assert "F2" in window.statusBar().currentMessage()


# --- Shift+F10 -----------------------------------------------------------------------------------

SHIFT = Qt.KeyboardModifier.ShiftModifier
# a menu offscreen: the platform cannot raise it or grab the keyboard for it (and conftest's own)
offscreen_menu = pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise", "does not support grabbing")


def menu_of_key(qtbot, widget, key=Qt.Key.Key_F10, modifiers=SHIFT, keys=False) -> list:
    """The texts of the context menu the key opens on ``widget`` ([] when none opens); closed again.
    ``keys``: (text, the key shown beside it) instead.
    (A menu may run its own event loop, exec(): it is read and closed from inside it.)"""
    from gui.qt import QTimer

    seen = []

    def read_and_close():
        menu = QApplication.activePopupWidget()
        if menu is not None:
            seen.extend((a.text(), a.shortcut().toString()) if keys else a.text()
                        for a in menu.actions() if a.text())
            menu.close()

    QTimer.singleShot(0, read_and_close)
    qtbot.keyClick(widget, key, modifiers)
    qtbot.wait(20)
    read_and_close()  # a popup() menu is still open here
    return seen


def focus_planted_cell(qtbot, window):
    """表三 of the planted report, the focus on its planted cell: the view."""
    select_report(qtbot, window, PLANTED)
    view = window.report_view.show_section("section3")
    view.setFocus()
    view.setCurrentIndex(view.model().index_of(PLANTED_CELL))
    return view


@offscreen_menu
def test_shift_f10_opens_the_cells_menu(window, qtbot):
    from gui import strings

    view = focus_planted_cell(qtbot, window)
    # the menu of the current cell (a label's place has none): 修改单元格 and the rest
    assert strings.ACTION_EDIT_CELL in menu_of_key(qtbot, view)


@offscreen_menu
def test_the_cells_menu_shows_the_key_of_each_item(window, qtbot):
    """The menu named no key: the auditor who right-clicked never learnt F2 or Ctrl+Shift+A."""
    view = focus_planted_cell(qtbot, window)
    shown = dict(menu_of_key(qtbot, view, keys=True))
    assert shown["修改单元格(&E)"] == "F2"
    assert (shown["复制(&C)"], shown["粘贴(&P)"]) == ("Ctrl+C", "Ctrl+V")
    assert shown["采用建议值(&A)"] == "Ctrl+Shift+A"


@offscreen_menu
def test_shift_f10_opens_the_report_lists_and_the_findings_menus(window, qtbot):
    select_report(qtbot, window, PLANTED)
    window.dashboard.view.setFocus()
    assert window.compare_action.text() in menu_of_key(qtbot, window.dashboard.view)
    findings = window.report_view.findings.view
    window.activateWindow()  # (a closed menu leaves no window active offscreen)
    findings.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is findings)
    findings.setCurrentIndex(findings.model().index(0, 0))
    assert window.confirm_action.text() in menu_of_key(qtbot, findings)


# --- the comparison's window on the screen ---------------------------------------------------------

def test_a_comparison_placed_below_the_screens_edge_comes_back_whole(qtbot):
    """A window manager may place the 比对 window so that its bottom (legend, status bar) is below
    the screen's edge: the window moves up until it is all on the screen."""
    from pathlib import Path

    from core.compare.comparison import Comparison
    from core.pipeline import load_report
    from gui.compare_view import CompareWindow

    folder = Path(__file__).resolve().parents[1] / "fixtures" / "compare" / "huaian"
    compare = CompareWindow(Comparison(load_report(folder / "淮安市人民政府办公室2023年报告.txt"),
                                       load_report(folder / "淮安市人民政府办公室2024年报告.txt")))
    qtbot.addWidget(compare)
    area = compare.screen().availableGeometry()
    compare.move(compare.x(), area.bottom() - compare.height() // 2)  # half of it below the screen
    compare.show()
    qtbot.waitExposed(compare)
    frame = compare.frameGeometry  # (the offscreen screen is narrower than the tables: height only)
    qtbot.waitUntil(lambda: area.top() <= frame().top() and frame().bottom() <= area.bottom())


# --- the 问题 column at 1366 wide ----------------------------------------------------------------------

def test_the_problem_column_says_what_is_wrong_in_a_word_and_its_tooltip_says_it_whole(
        make_window, store, report_folder, qtbot):
    """At 1366×768 the 问题 column holds ~4 characters: 「不是文…」, 「文件已…」 said nothing. The
    cell now shows the problem's label (「非文本」, 「空文件」), the tooltip the text itself."""
    from gui.dashboard import PROBLEMS
    from gui.qt import QStyleOptionViewItem

    (report_folder / "二进制.txt").write_bytes(bytes(range(256)) * 16)
    (report_folder / "空文件.txt").write_bytes(b"")
    window = make_window(store)
    window.setWindowState(Qt.WindowState.WindowNoState)  # (first start: maximized on the 800 px screen)
    window.resize(1366, 768)
    assert open_folder(qtbot, window, report_folder) == 8
    window.reset_layout()
    dashboard = window.dashboard
    view = dashboard.view
    for name, label, text in (("二进制.txt", "非文本", "不是文本文件（疑似二进制内容）"),
                              ("空文件.txt", "空文件", "文件为空")):
        index = dashboard.proxy.mapFromSource(
            dashboard.model.index(dashboard.model.row_of(str(report_folder / name)), PROBLEMS))
        assert index.data() == label
        assert text in index.data(Qt.ItemDataRole.ToolTipRole).split("\n")
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.rect = view.visualRect(index)
        option.widget = view
        view.itemDelegateForColumn(PROBLEMS).initStyleOption(option, index)
        assert option.text == label  # whole, not cut, in the column as wide as 1366 leaves it
        assert option.fontMetrics.horizontalAdvance(option.text) <= option.rect.width() - 6


def test_a_number_typed_on_a_row_label_goes_into_the_rows_first_value(window, qtbot):
    session = select_report(qtbot, window, PLANTED)
    view = window.report_view.show_section("section3")
    view.setFocus()
    view.setCurrentIndex(label_index(view, "予以公开"))
    qtbot.keyClick(view, Qt.Key.Key_1)
    editor = view.findChild(QLineEdit)
    assert editor is not None and editor.text() == "1"
    qtbot.keyClicks(editor, "2")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.review.value(PLANTED_CELL) == 12)


def test_the_comparison_opens_with_the_keyboard_in_this_years_table(qtbot):
    from pathlib import Path

    from core.compare.comparison import Comparison
    from core.pipeline import load_report
    from gui.compare_models import CURRENT
    from gui.compare_view import CompareWindow

    folder = Path(__file__).resolve().parents[1] / "fixtures" / "compare" / "huaian"
    compare = CompareWindow(Comparison(load_report(folder / "淮安市人民政府办公室2023年报告.txt"),
                                       load_report(folder / "淮安市人民政府办公室2024年报告.txt")))
    qtbot.addWidget(compare)
    compare.show()
    compare.activateWindow()
    qtbot.waitExposed(compare)
    table = compare.view.views["section3"][CURRENT]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)


def test_the_report_lists_column_titles_say_what_each_column_counts(window, qtbot):
    """存疑, 已处理 and 问题 (which also says 采用/未采用) said nothing of what they count: hovering a
    title of the report list now shows it, as Qt's header asks the list for it."""
    from PySide6.QtGui import QHelpEvent

    from gui.dashboard import FLAGS, HANDLED, PROBLEMS
    from gui.qt import QEvent, QToolTip

    header = window.dashboard.view.horizontalHeader()
    shown = {}
    for column in (FLAGS, HANDLED, PROBLEMS):
        at = header.viewport().rect().center()
        at.setX(header.sectionViewportPosition(column) + header.sectionSize(column) // 2)
        QApplication.sendEvent(header.viewport(),
                               QHelpEvent(QEvent.Type.ToolTip, at, header.viewport().mapToGlobal(at)))
        shown[column] = QToolTip.text()
    QToolTip.hideText()
    assert shown[FLAGS] == "存疑数：解析不确定的行（改正或确认单元格后消除）及其他读取问题"
    assert shown[HANDLED] == "已给出处理意见（确认或忽略）的问题数；悬停可见待处理的问题和修正后已消除的审核意见"
    assert "采用／未采用" in shown[PROBLEMS]


@pytest.mark.parametrize("modifier", [Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier])
def test_a_number_typed_on_the_keypad_opens_the_cell_as_one_typed_above_the_letters(window, qtbot, modifier):
    """qa31: a digit of the numeric keypad (which Qt sends with the keypad modifier) typed on a
    row's label did not go to the row's first value as a digit above the letters does."""
    session = select_report(qtbot, window, PLANTED)
    view = window.report_view.show_section("section3")
    view.setFocus()
    view.setCurrentIndex(label_index(view, "予以公开"))
    qtbot.keyClick(view, Qt.Key.Key_1, modifier)
    editor = view.findChild(QLineEdit)
    assert editor is not None and editor.text() == "1"
    qtbot.keyClick(editor, Qt.Key.Key_2, modifier)
    qtbot.keyClick(editor, Qt.Key.Key_Enter if modifier else Qt.Key.Key_Return, modifier)
    qtbot.waitUntil(lambda: session.review.value(PLANTED_CELL) == 12)
