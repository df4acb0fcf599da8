"""Two files with the same bytes (the same report copied into two sub-folders) share one review:
every change made to one shows on the other's row and tables at once, and both say so."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from gui.dashboard import ERRORS, FILE, STATUS, DashboardModel
from gui.folder_job import load_one
from gui.qt import Qt
from tests.gui.helpers import select_report, window_on_folder
from tests.gui.test_review_flow import dashboard_cell, type_into

TWINS = Path(__file__).parents[1] / "fixtures" / "twins"
FIRST = os.path.join("一处", "report.txt")  # seed 000 twice, and seed 001 once (other.txt)
SECOND = os.path.join("二处", "report.txt")
CELL = "section3.granted.natural"  # printed 0: 3 breaks T3-2 and T3-3


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "reports"
    shutil.copytree(TWINS, folder)
    return folder


@pytest.fixture
def window(make_window, store, folder, qtbot):
    return window_on_folder(qtbot, make_window, store, folder, 3)


def shown_value(window) -> str:
    view = window.report_view.show_section("section3")
    return view.model().index_of(CELL).data()


def test_an_edit_shows_on_the_twin_row_and_tables_and_undo_takes_it_back_from_both(window, qtbot, folder):
    first, second, other = (str(folder / name) for name in (FIRST, SECOND, "other.txt"))
    assert dashboard_cell(window, second, STATUS) == "未审核"
    session = select_report(qtbot, window, FIRST)
    assert window.report_view.twins_note.text() == f"与 {SECOND} 内容相同，共用一份审核记录"
    assert window.report_view.twins_note.isVisible()

    type_into(qtbot, window.report_view.show_section("section3"), CELL, "3")
    for file in (first, second):
        assert (dashboard_cell(window, file, STATUS), dashboard_cell(window, file, ERRORS)) == ("已修改", "2")
    assert dashboard_cell(window, other, STATUS) == "未审核"
    assert f"与 {FIRST} 内容相同，共用一份审核记录" in dashboard_cell_tip(window, second)
    assert "内容相同" not in dashboard_cell_tip(window, other)

    twin = select_report(qtbot, window, SECOND)
    assert shown_value(window) == "3"
    assert "状态：已修改" in window.report_view.title.text()
    assert window.report_view.twins_note.text() == f"与 {FIRST} 内容相同，共用一份审核记录"
    assert [f.rule for f in twin.open_errors()] == ["T3-2", "T3-3"]

    select_report(qtbot, window, FIRST)
    window.undo_action.trigger()
    for file in (first, second):
        assert (dashboard_cell(window, file, STATUS), dashboard_cell(window, file, ERRORS)) == ("未审核", "0")

    # With the twin on screen, a change to the first copy (the 年度对照 window edits it so) shows
    # in the twin's tables and heading at once: here the edit redone.
    select_report(qtbot, window, SECOND)
    assert shown_value(window) == "0"
    session.undo_stack.redo()
    assert shown_value(window) == "3"
    assert "状态：已修改" in window.report_view.title.text()
    assert dashboard_cell(window, second, ERRORS) == "2"


def test_each_copy_undoes_its_own_steps(window, qtbot, folder):
    """Two copies share the work, each has its own undo steps: Ctrl+Z on the copy on screen takes
    back the step taken there (from both copies), not the step taken in the other copy, which
    Ctrl+Z takes back there."""
    first, second = str(folder / FIRST), str(folder / SECOND)
    other_cell = "section3.granted.commercial"
    one = select_report(qtbot, window, FIRST)
    type_into(qtbot, window.report_view.show_section("section3"), CELL, "3")
    two = select_report(qtbot, window, SECOND)
    assert two.undo_stack is not one.undo_stack
    assert two.undo_stack.count() == 0 and not window.undo_action.isEnabled()  # nothing done here
    assert two.review.value(CELL) == 3  # ...though the work is shared
    assert two.edit_cell(other_cell, 5)  # (as typed: the first edit's editor is still a child here)
    assert (one.undo_stack.count(), two.undo_stack.count()) == (1, 1)
    window.undo_action.trigger()  # Ctrl+Z on the second copy: its own step
    for session in (one, two):
        assert (session.review.value(CELL), session.review.value(other_cell)) == (3, 0)
    assert dashboard_cell(window, first, STATUS) == dashboard_cell(window, second, STATUS) == "已修改"
    assert not window.undo_action.isEnabled()  # the first copy's step is not the second's
    select_report(qtbot, window, FIRST)
    window.undo_action.trigger()
    for session in (one, two):
        assert session.review.value(CELL) == 0
    assert dashboard_cell(window, first, STATUS) == dashboard_cell(window, second, STATUS) == "未审核"


def test_the_reviewed_mark_given_to_one_copy_is_the_others(window, qtbot, folder, store):
    first = str(folder / FIRST)
    session = select_report(qtbot, window, SECOND)
    view = window.report_view.current_view()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: session.review.reviewed)
    assert dashboard_cell(window, first, STATUS) == "已审核"
    select_report(qtbot, window, FIRST)
    assert window.report_view.reviewed_button.isChecked()
    assert store.review_for(session.report).reviewed


def dashboard_cell_tip(window, file: str) -> str:
    model = window.dashboard.model
    return model.data(model.index(model.row_of(file), FILE), Qt.ItemDataRole.ToolTipRole)


def test_a_copy_read_before_an_edit_to_its_twin_arrives_with_the_edit(folder, store, qtbot):
    """The loader may read a copy's review from the database before the auditor edits its twin,
    and send it after: the row shows the twin's work, not the stale review's."""
    first, second = str(folder / FIRST), str(folder / SECOND)
    stale = load_one(second, store, keep_row=False)
    model = DashboardModel()
    model.clear(str(folder))
    model.add_batch([load_one(first, store, keep_row=False)])
    edited = model.review_at(0)
    store.apply(edited, edited.edit_for(CELL, 3))
    model.add_batch([stale])
    row = model.row_of(second)
    assert model.review_at(row).value(CELL) == 3
    assert [model.data(model.index(row, column)) for column in (STATUS, ERRORS)] == ["已修改", "2"]
