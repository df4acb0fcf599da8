"""qa27: a search of the list that hides the report on screen. It made a neighbour current, which
opened that report and lost the cell the auditor was typing in; with no neighbour the report
stayed on screen as if the list still chose it. Now the report and the typing stay, no row of the
list is current, a note above the tables says the search hides it, and clearing the search gives
its row back (without opening it again)."""
from __future__ import annotations

from gui import strings
from gui.qt import QLineEdit, Qt
from tests.gui.helpers import PLANTED, PLANTED_CELL, select_report, start_typing, window_on_folder


def test_a_search_that_hides_the_report_on_screen_keeps_it_and_the_typing_and_says_so(
        make_window, store, report_folder, qtbot):
    window = window_on_folder(qtbot, make_window, store, report_folder, 6)
    session = select_report(qtbot, window, PLANTED)
    dashboard, view = window.dashboard, window.report_view
    row = dashboard.view.currentIndex().row()
    table = view.show_section("section3")
    editor, index = start_typing(qtbot, table, PLANTED_CELL, "12")
    dashboard.search.setText("南通")  # another report's agency: one row found, not this one
    qtbot.wait(20)
    assert dashboard.proxy.rowCount() == 1
    assert view.session is session  # not the report found
    assert not dashboard.view.currentIndex().isValid()  # nothing in the list looks chosen
    assert view.filtered_note.isVisible()
    assert "搜索「南通」没有找到这份报告" in view.filtered_note.text()
    assert editor.isVisible() and editor.text() == "12"  # the typing kept
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: index.data() == "12")
    assert session.review.value(PLANTED_CELL) == 12
    # the note's link clears the search: the report's row is current again, the report not reopened
    table.setCurrentIndex(index)
    view.filtered_note.linkActivated.emit("clear")
    assert dashboard.search.text() == ""
    assert dashboard.view.currentIndex().row() == row
    assert dashboard.view.selectionModel().isRowSelected(row)
    assert view.session is session and table.currentIndex() == index  # (opening again moved the cell)
    assert not view.filtered_note.isVisible()
    # a search that lists it shows no note; one that hides it, then Down from the box, opens the first found
    dashboard.search.setText("planted")
    assert not view.filtered_note.isVisible() and dashboard.view.currentIndex().isValid()
    dashboard.search.setText("南通")
    assert view.filtered_note.isVisible()
    qtbot.keyClick(dashboard.search, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: view.session is not session)
    assert "南通" in view.session.report.agency
    assert not view.filtered_note.isVisible()
    assert not [e for e in table.findChildren(QLineEdit) if e.isVisible()]


def test_the_note_is_the_windows_own_words(make_window, store, report_folder, qtbot):
    """The search as typed, HTML-escaped in the note (a "<" must not start a tag)."""
    window = window_on_folder(qtbot, make_window, store, report_folder, 6)
    select_report(qtbot, window, PLANTED)
    window.dashboard.search.setText("<b>")
    assert window.report_view.filtered_note.isVisible()
    assert "&lt;b&gt;" in window.report_view.filtered_note.text()
    assert strings.FILTERED_OUT.startswith("搜索「{search}」")
