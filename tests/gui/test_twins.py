"""Two files with the same bytes (the same report copied into two sub-folders) share one review:
every change made to one shows on the other's row and tables at once, and both say so; Ctrl+Z and
Ctrl+Y in either take back (put back) the latest step of the work they share."""
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
    assert window.report_view.twins_note.text() == f"与 {SECOND} 内容相同，共用一份审核记录和撤销历史"
    assert window.report_view.twins_note.isVisible()

    type_into(qtbot, window.report_view.show_section("section3"), CELL, "3")
    for file in (first, second):
        assert (dashboard_cell(window, file, STATUS), dashboard_cell(window, file, ERRORS)) == ("已修改", "2")
    assert dashboard_cell(window, other, STATUS) == "未审核"
    assert f"与 {FIRST} 内容相同，共用一份审核记录和撤销历史" in dashboard_cell_tip(window, second)
    assert "内容相同" not in dashboard_cell_tip(window, other)

    twin = select_report(qtbot, window, SECOND)
    assert shown_value(window) == "3"
    assert "状态：已修改" in window.report_view.title.text()
    assert window.report_view.twins_note.text() == f"与 {FIRST} 内容相同，共用一份审核记录和撤销历史"
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


def trail(store, session) -> list[tuple]:
    """The stored 修改记录 of the shared work: (old, new, note, undo) of each edit, in order."""
    edits, _ = store.load(session.report.content_hash)
    return [(e.old, e.new, e.note, e.undo) for e in edits]


def key(qtbot, window, key) -> None:
    """Ctrl+<key> on the table on screen, as the auditor presses it."""
    view = window.report_view.current_view()
    view.setFocus()
    qtbot.keyClick(view, key, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_z_on_the_twin_undoes_the_edit_made_in_the_other_copy(window, qtbot, folder, store):
    """The two copies are one piece of work: an edit made in the first copy is the twin's too, and
    Ctrl+Z on the twin takes it back (it said 没有可撤销的操作, though the shared values held the
    edit and nothing told where it could be undone); Ctrl+Y there puts it back."""
    first, second = str(folder / FIRST), str(folder / SECOND)
    select_report(qtbot, window, FIRST)
    type_into(qtbot, window.report_view.show_section("section3"), CELL, "3")
    twin = select_report(qtbot, window, SECOND)
    assert shown_value(window) == "3"

    key(qtbot, window, Qt.Key.Key_Z)
    message = window.statusBar().currentMessage()
    assert "没有可撤销的操作" not in message
    assert message == "已撤销：修改 表三「（一）予以公开」×「自然人」（3 → 0）"
    assert shown_value(window) == "0"
    for file in (first, second):
        assert (dashboard_cell(window, file, STATUS), dashboard_cell(window, file, ERRORS)) == ("未审核", "0")
    assert trail(store, twin) == [(0, 3, "", False), (3, 0, "撤销", True)]

    key(qtbot, window, Qt.Key.Key_Y)
    qtbot.waitUntil(lambda: shown_value(window) == "3")
    assert window.statusBar().currentMessage() == "已重做：修改 表三「（一）予以公开」×「自然人」（0 → 3）"
    assert window.undo_action.text() == "撤销 修改 表三「（一）予以公开」×「自然人」"  # the 编辑 menu's
    for file in (first, second):
        assert (dashboard_cell(window, file, STATUS), dashboard_cell(window, file, ERRORS)) == ("已修改", "2")
    assert trail(store, twin) == [(0, 3, "", False), (3, 0, "撤销", True), (0, 3, "重做", False)]
    select_report(qtbot, window, FIRST)
    assert shown_value(window) == "3"


def test_ctrl_z_in_either_copy_undoes_the_latest_step_of_the_shared_work(window, qtbot, folder, store):
    """One cell edited in the first copy (0 → 3), then in the twin (3 → 5): Ctrl+Z in the first
    copy took its own step back and set the cell to 0 under the twin's 5 (the trail read 3 → 0 of
    a cell at 5, and the twin's undo was stale). Ctrl+Z in either copy takes back the latest step
    of the shared work, so the trail reads one value after another, in either copy's table."""
    first, second = str(folder / FIRST), str(folder / SECOND)
    one = select_report(qtbot, window, FIRST)
    type_into(qtbot, window.report_view.show_section("section3"), CELL, "3")
    select_report(qtbot, window, SECOND)
    type_into(qtbot, window.report_view.show_section("section3"), CELL, "5")

    select_report(qtbot, window, FIRST)
    assert shown_value(window) == "5"
    key(qtbot, window, Qt.Key.Key_Z)  # the twin's step: 5 back to 3
    qtbot.waitUntil(lambda: shown_value(window) != "5")
    assert shown_value(window) == "3"
    assert trail(store, one)[-1] == (5, 3, "撤销", True)
    select_report(qtbot, window, SECOND)
    assert shown_value(window) == "3"
    key(qtbot, window, Qt.Key.Key_Z)  # then the first copy's: 3 back to 0
    qtbot.waitUntil(lambda: shown_value(window) == "0")
    assert not window.undo_action.isEnabled()
    for file in (first, second):
        assert dashboard_cell(window, file, STATUS) == "未审核"

    key(qtbot, window, Qt.Key.Key_Y)  # redone in the twin: 0 to 3
    qtbot.waitUntil(lambda: shown_value(window) == "3")
    select_report(qtbot, window, FIRST)
    key(qtbot, window, Qt.Key.Key_Y)  # and in the first copy: 3 to 5
    qtbot.waitUntil(lambda: shown_value(window) == "5")
    assert not window.redo_action.isEnabled()
    assert trail(store, one) == [(0, 3, "", False), (3, 5, "", False), (5, 3, "撤销", True),
                                 (3, 0, "撤销", True), (0, 3, "重做", False), (3, 5, "重做", False)]
    # every step reads on from the value before it: nothing lost, nothing twice
    values = [0] + [new for _old, new, _note, _undo in trail(store, one)]
    assert [old for old, _new, _note, _undo in trail(store, one)] == values[:-1]
    # what a window opened later reads is what both copies show
    assert store.review_for(one.report).value(CELL) == 5
    select_report(qtbot, window, SECOND)
    assert shown_value(window) == "5"


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
    key(qtbot, window, Qt.Key.Key_Z)  # the mark given in the twin, taken back from the first copy
    assert window.statusBar().currentMessage() == "已撤销：标记为已审核"
    assert not window.report_view.reviewed_button.isChecked()
    assert dashboard_cell(window, first, STATUS) == dashboard_cell(window, str(folder / SECOND), STATUS) == "未审核"
    assert not store.review_for(session.report).reviewed


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
