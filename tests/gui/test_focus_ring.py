"""The ring around the panel with the keyboard focus, and the window's end with a menu open."""
import pytest
import shiboken6

from gui.main_window import MainWindow
from gui.qt import QApplication, QtWidgets


def test_the_ring_follows_the_focus(make_window, store, qtbot):
    window = make_window(store)
    qtbot.waitExposed(window)
    window.activateWindow()
    list_ring = window.focus_rings.rings[id(window.dashboard.view)][1]
    source = window.report_view.source.editor
    source_ring = window.focus_rings.rings[id(source)][1]
    window.dashboard.view.setFocus()
    qtbot.waitUntil(lambda: list_ring.isVisible())
    assert not source_ring.isVisible()
    source.setFocus()
    qtbot.waitUntil(lambda: source_ring.isVisible())
    assert not list_ring.isVisible()


def test_a_focus_change_after_a_panel_is_deleted_raises_nothing(make_window, store, qtbot):
    # At the program's end the window's children are deleted one by one, the panels (and their
    # rings) before the rings' keeper, and the focus moves meanwhile: it must not reach a ring
    # already deleted (RuntimeError: Internal C++ object (FocusRing) already deleted).
    window = make_window(store)
    qtbot.waitExposed(window)
    window.activateWindow()
    source = window.report_view.source.editor
    source.setFocus()
    qtbot.waitUntil(source.hasFocus)
    shiboken6.delete(source)
    window.dashboard.view.setFocus()
    list_ring = window.focus_rings.rings[id(window.dashboard.view)][1]
    qtbot.waitUntil(list_ring.isVisible)


# The offscreen platform cannot raise a popup or grab the keyboard for it; not our warnings.
@pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise", "does not support grabbing")
def test_the_program_ending_with_a_menu_open_raises_nothing(store, settings, qtbot):
    # The program's end as auditors saw it fail: the window still shown, a menu open, PySide
    # deletes the window; its panels (and their rings) go first, the menu closing moves the focus.
    window = MainWindow(store, settings)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.dashboard.view.setFocus()
    qtbot.waitUntil(window.dashboard.view.hasFocus)
    menu = window.menuBar().findChildren(QtWidgets.QMenu)[0]
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is menu)
    window.workers.stop()
    shiboken6.delete(window)  # as PySide deletes the windows left at the program's end
