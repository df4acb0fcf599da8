"""gui63: the 问题清单's context menu names its keys; a save name Windows cannot hold is refused;
the 文件 column's room."""
from __future__ import annotations

import pytest

from gui.qt import Qt
from tests.gui.helpers import PLANTED, select_report, window_on_folder
from tests.gui.test_polish import menu_of_key, offscreen_menu


@pytest.fixture
def window(make_window, store, report_folder, qtbot):
    return window_on_folder(qtbot, make_window, store, report_folder, 6, active=True)


def shown_keys(entries) -> dict:
    """{entry's text: the key shown beside it} of a menu's (text, shortcut) pairs; a key written
    after a tab in the text is shown by the menu as its key too."""
    keys = {}
    for text, shortcut in entries:
        name, _tab, written = text.partition("\t")
        keys[name] = shortcut or written
    return keys


@offscreen_menu
def test_the_findings_menu_shows_the_key_of_each_item(window, qtbot):
    """The 问题清单's menu showed Ctrl+C and F2 but not Ctrl+Shift+A beside 采用建议值 (the
    button's tooltip alone named it) nor Enter beside 定位到单元格: the mouse user never learnt them."""
    select_report(qtbot, window, PLANTED)
    panel = window.report_view.findings
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    shown = shown_keys(menu_of_key(qtbot, panel.view, keys=True))
    assert shown["采用建议值(&A)"] == "Ctrl+Shift+A"
    assert shown["定位到单元格(&L)"] == "Enter"
    assert shown["复制(&C)"] == "Ctrl+C"
    assert shown["确认问题(&K)…"] == "Ctrl+Shift+K"


@offscreen_menu
def test_the_findings_menus_locate_does_what_enter_does(window, qtbot):
    """定位到单元格 shows Enter beside it: chosen, it does what Enter does, the keyboard in the
    table on the entry's cell (it left the keyboard in the list)."""
    from gui.qt import QApplication, QTimer

    select_report(qtbot, window, PLANTED)
    panel = window.report_view.findings
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(0, 0))

    def choose_locate():
        menu = QApplication.activePopupWidget()
        if menu is not None:
            next(a for a in menu.actions() if a.text().startswith("定位到单元格")).trigger()
            menu.close()

    QTimer.singleShot(0, choose_locate)
    # (offscreen, a closed menu leaves the window with no focus widget: the request is what is seen)
    with qtbot.waitSignals([panel.locate, panel.goToTable]):
        qtbot.keyClick(panel.view, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
        qtbot.wait(20)
        choose_locate()
