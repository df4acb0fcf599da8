"""gui62: what a keyboard-only auditor reaches, and what the export says it wrote."""
from gui.qt import QApplication, Qt
from tests.gui.helpers import PLANTED, select_report, window_on_folder

SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def test_tab_reaches_only_problems_and_space_filters_the_list(make_window, store, report_folder, qtbot):
    """「只看有问题的」 took no keyboard focus: Tab went list → table → 问题清单 → 原文 and round,
    passing it by. It is the stop before the list (Shift+Tab from the list, Tab from the 原文),
    Space ticks it, and Alt+O ticks it from anywhere in the window."""
    window = window_on_folder(qtbot, make_window, store, report_folder, 6, active=True)
    select_report(qtbot, window, PLANTED)
    dashboard, report_view = window.dashboard, window.report_view
    box = dashboard.only_problems
    assert "(&O)" in box.text()
    dashboard.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dashboard.view)
    qtbot.keyClick(dashboard.view, Qt.Key.Key_Backtab, SHIFT)
    assert QApplication.focusWidget() is box
    listed = dashboard.proxy.rowCount()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked() and window.only_problems_action.isChecked()
    assert dashboard.proxy.rowCount() < listed
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dashboard.view
    report_view.source.editor.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is report_view.source.editor)
    qtbot.keyClick(report_view.source.editor, Qt.Key.Key_Tab)  # round from the last panel
    assert QApplication.focusWidget() is box
    report_view.current_view().setFocus()
    qtbot.keyClick(report_view.current_view(), Qt.Key.Key_O, ALT)  # (a mnemonic's click lands a moment later)
    qtbot.waitUntil(lambda: not box.isChecked())
    assert dashboard.proxy.rowCount() == listed and not window.only_problems_action.isChecked()
