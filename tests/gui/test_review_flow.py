"""The auditor's day with the keyboard: the report on screen is the one marked, verdicts on
findings, F8 through the problems, Tab between the panels, every menu action."""
from __future__ import annotations

import os
import shutil

import pytest

from core.review.edits import DISMISSED
from gui import folder_prompt, palette, text_prompt
from gui.dashboard import ERRORS, FILE, HANDLED, STATUS
from core.export.common import describe_cells
from gui.findings import FindingsModel
from gui.paths import samples_dir
from gui.qt import (QAction, QApplication, QEvent, QKeyEvent, QLineEdit, QMenu, QMessageBox,
                    QPalette, Qt)
from gui.table_models import TemplateTableModel
from tests.gui.test_polish import menu_of_key, offscreen_menu
from tests.gui.helpers import (PLANTED, PLANTED_CELL, PLANTED_CLEAN, SEED_000, SEED_003, start_typing,
                               open_folder, plant_clean_error, plant_error, select_report, window_on_folder)

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def folder(tmp_path):
    """The five seeds (not the 示例 with an error), seed 003 with a wrong cell (it also has flags), and seed 000 with a wrong
    cell (nothing else: once fixed, the report has no problem left)."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for seed in sorted(samples_dir().glob("[0-9][0-9][0-9]_*.txt")):
        shutil.copy(seed, folder / seed.name)
    seeds = samples_dir()
    (folder / PLANTED).write_text(plant_error((seeds / SEED_003).read_text("utf-8")), "utf-8")
    (folder / PLANTED_CLEAN).write_text(plant_clean_error((seeds / SEED_000).read_text("utf-8")),
                                        "utf-8")
    return folder


@pytest.fixture
def window(make_window, store, folder, qtbot):
    return window_on_folder(qtbot, make_window, store, folder, 7, active=True)


def status(window) -> str:
    return window.statusBar().currentMessage()


def dashboard_cell(window, file: str, column: int):
    model = window.dashboard.model
    return model.data(model.index(model.row_of(file), column))


def type_into(qtbot, view, path: str, text: str) -> None:
    editor, index = start_typing(qtbot, view, path, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: index.data() == text)


def focus_cell(window) -> str:
    view = window.report_view.current_view()
    return view.currentIndex().data(TemplateTableModel.PathRole)


# --- trust in the review state -------------------------------------------------------------------

def test_fixing_the_last_problem_keeps_the_report_and_ctrl_enter_marks_it(window, qtbot, store):
    dashboard = window.dashboard
    qtbot.mouseClick(dashboard.only_problems, Qt.MouseButton.LeftButton)
    assert window.only_problems_action.isChecked()
    shown = {dashboard.proxy.index(r, FILE).data() for r in range(dashboard.proxy.rowCount())}
    assert PLANTED_CLEAN in shown and "004_a91be580dd15950d.txt" not in shown
    session = select_report(qtbot, window, PLANTED_CLEAN)
    view = window.report_view.show_section("section3")
    type_into(qtbot, view, PLANTED_CELL, "0")  # the report's last problem is fixed
    assert session.findings == []
    # Its row stays listed and selected; the report on screen is still this one.
    assert window.report_view.session is session
    assert dashboard.current_review() is session.review
    assert PLANTED_CLEAN in {dashboard.proxy.index(r, FILE).data()
                             for r in range(dashboard.proxy.rowCount())}

    qtbot.keyClick(view, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: session.review.reviewed)
    assert PLANTED_CLEAN in status(window) and "已审核" in status(window)
    others = [s for s in window._sessions.values() if s is not session]
    assert not any(s.review.reviewed for s in others)
    assert dashboard_cell(window, session.report.file, STATUS) == "已审核"
    assert window.report_view.reviewed_button.text() == "✓ 已审核(&R)"

    # Moving on: the fixed report leaves the filtered list, the selected one is opened.
    select_report(qtbot, window, PLANTED)
    qtbot.waitUntil(lambda: PLANTED_CLEAN not in {dashboard.proxy.index(r, FILE).data()
                                                  for r in range(dashboard.proxy.rowCount())})
    assert window.report_view.session.report.file.endswith(PLANTED)


def test_marking_with_open_errors_asks_a_reason_for_each(window, qtbot, store):
    session = select_report(qtbot, window, PLANTED_CLEAN)
    view = window.report_view.current_view()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return, CTRL)
    dialog = window.report_view.reasons_dialog
    assert dialog is not None and dialog.isVisible()
    assert [f.rule for f in dialog.errors] == ["T3-2", "T3-3"]
    assert not session.review.reviewed
    assert not dialog.ok_button.isEnabled()  # a reason for every error first
    qtbot.keyClicks(dialog.fields[0], "yuanjian")
    qtbot.keyClick(dialog.fields[0], Qt.Key.Key_Return)  # still one reason missing: stays open
    assert dialog.isVisible()
    dialog.fields[1].setFocus()
    qtbot.keyClicks(dialog.fields[1], "tongshang")
    qtbot.keyClick(dialog.fields[1], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.review.reviewed)
    verdicts = [session.verdict_of(f) for f in session.findings]
    assert [(v.verdict, v.note) for v in verdicts] == [(DISMISSED, "yuanjian"), (DISMISSED, "tongshang")]
    stored = store.review_for(session.report)
    assert stored.reviewed and stored.open_errors(stored.findings()) == []
    assert dashboard_cell(window, session.report.file, ERRORS) == "0"
    assert dashboard_cell(window, session.report.file, HANDLED) == "2"
    # The dismissed errors no longer paint the cell red; the list still shows them, with the reason.
    index = view.model().index_of(PLANTED_CELL)
    assert index.data(TemplateTableModel.StateRole) == palette.NORMAL
    panel = window.report_view.findings
    assert panel.model.data(panel.model.index(0, 4)) == "已忽略：yuanjian"
    assert "已处理 2" in panel.summary.text()
    # The list's heading counts as the dashboard's row does: the dismissed errors are no longer open.
    assert "错误 0，" in panel.summary.text()


def test_the_reasons_dialog_opens_ready_to_type_the_first_reason(window, qtbot):
    """Ctrl+Enter with errors open: the auditor types the reason at once. The keys went to the
    scrolling list of errors (it took the focus first), so nothing typed appeared."""
    select_report(qtbot, window, PLANTED_CLEAN)
    window.reviewed_action.trigger()
    dialog = window.report_view.reasons_dialog
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.focusWidget() is not None)
    assert dialog.focusWidget() is dialog.fields[0]
    qtbot.keyClicks(dialog.focusWidget(), "yuanjian")
    assert dialog.fields[0].text() == "yuanjian"
    dialog.reject()



def test_the_reasons_dialog_is_as_tall_as_its_errors_up_to_half_the_screen(qtbot):
    """One or two open errors: the dialog showed a blank band of four to six lines between the
    reason field and its buttons (its wrapped texts measured at a narrower width than shown);
    six: the last field was cut at the buttons. Now the buttons follow the last field, and a
    long list scrolls within half the screen."""
    from core.model import Finding
    from gui.reasons_dialog import ReasonsDialog
    from gui.qt import QScrollArea

    error = Finding("T3-3", "error", ["section3.granted.natural"],
                    "表三「（一）予以公开」行：总计为12，自然人与各类法人或其他组织之和为15，两者应相等")
    for count in (1, 2, 6, 30):
        dialog = ReasonsDialog("鼓楼区人民政府2021年（0-示例-含一处错误_鼓楼区人民政府2021.txt）", [error] * count)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        scroll = dialog.findChild(QScrollArea)
        last = dialog.fields[-1]
        gap = dialog.buttons.mapTo(dialog, dialog.buttons.rect().topLeft()).y() \
            - last.mapTo(dialog, last.rect().bottomLeft()).y()
        if count < 30:
            assert not scroll.verticalScrollBar().isVisible(), count
            assert 0 <= gap <= 2 * dialog.fontMetrics().height(), (count, gap)
        else:
            assert scroll.verticalScrollBar().isVisible()
            assert scroll.height() <= dialog.screen().availableGeometry().height() // 2
        dialog.close()

def test_after_undoing_a_suggestion_its_button_is_there_again(window, qtbot):
    """F8 to the wrong cell, 采用建议值, Ctrl+Z: the cell is wrong again and Ctrl+Shift+A would
    fix it, yet 采用建议值 stayed greyed out (nothing was selected in the 问题清单 any more),
    so with the mouse the suggestion could not be taken again."""
    session = select_report(qtbot, window, PLANTED_CLEAN)
    panel = window.report_view.findings
    window.report_view.current_view().setFocus()
    window.next_problem_action.trigger()
    qtbot.waitUntil(panel.apply_button.isEnabled)
    wrong = session.review.value(PLANTED_CELL)
    panel.apply_button.click()
    qtbot.waitUntil(lambda: session.review.value(PLANTED_CELL) != wrong)
    right = session.review.value(PLANTED_CELL)
    view = window.report_view.current_view()
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: session.review.value(PLANTED_CELL) == wrong)
    assert window.report_view.current_path() == PLANTED_CELL
    qtbot.waitUntil(panel.apply_button.isEnabled)
    panel.apply_button.click()
    qtbot.waitUntil(lambda: session.review.value(PLANTED_CELL) == right)


def test_cancelling_the_reasons_marks_nothing(window, qtbot):
    session = select_report(qtbot, window, PLANTED_CLEAN)
    window.reviewed_action.trigger()
    dialog = window.report_view.reasons_dialog
    qtbot.keyClicks(dialog.fields[0], "x")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert not session.review.reviewed
    assert session.open_errors() and "未标记" in status(window)


def test_an_edit_after_marking_puts_the_report_back_to_modified(window, qtbot, store):
    session = select_report(qtbot, window, SEED_000)
    view = window.report_view.show_section("section3")
    qtbot.keyClick(view, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: session.review.reviewed)
    type_into(qtbot, view, "section3.new.natural", "1")
    assert not session.review.reviewed
    assert "回到“已修改”" in status(window)
    assert dashboard_cell(window, session.report.file, STATUS) == "已修改"
    assert not window.report_view.reviewed_button.isChecked()
    assert window.report_view.reviewed_button.text() == "标记为已审核(&R)"
    assert store.load(session.report.content_hash)[1] is False


def row_state(window, store, session) -> tuple:
    """What the auditor reads of the report: its dashboard row (状态, 错误, 已处理), the 已审核
    button, and what a window opened later reads from the database."""
    stored = store.review_for(session.report)
    return (dashboard_cell(window, session.report.file, STATUS),
            dashboard_cell(window, session.report.file, ERRORS),
            dashboard_cell(window, session.report.file, HANDLED),
            window.report_view.reviewed_button.isChecked(), stored.status,
            len(stored.open_errors(stored.findings())))


def undo(qtbot, window) -> None:
    view = window.report_view.current_view()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)


def redo(qtbot, window) -> None:
    view = window.report_view.current_view()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Y, CTRL)


def test_undoing_dismiss_all_takes_the_reviewed_mark_back_with_it(window, qtbot, store):
    """忽略 of every open error and 已审核 are one step: undone, the two errors are open and the
    report is 未审核 again (it stayed 已审核 with open errors); redone, both come back."""
    session = select_report(qtbot, window, PLANTED_CLEAN)
    before = row_state(window, store, session)
    assert before == ("未审核", "2", "0", False, "未审核", 2)
    window.reviewed_action.trigger()
    dialog = window.report_view.reasons_dialog
    qtbot.keyClicks(dialog.fields[0], "yuanjian")
    dialog.fields[1].setFocus()
    qtbot.keyClicks(dialog.fields[1], "tongshang")
    qtbot.keyClick(dialog.fields[1], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.review.reviewed)
    after = ("已审核", "0", "2", True, "已审核", 0)
    assert row_state(window, store, session) == after
    undo(qtbot, window)
    qtbot.waitUntil(lambda: not session.review.reviewed)
    assert row_state(window, store, session) == before
    assert status(window) == "已撤销：忽略 2 个错误并标记为已审核"
    redo(qtbot, window)
    qtbot.waitUntil(lambda: session.review.reviewed)
    assert row_state(window, store, session) == after


def test_undoing_an_edit_of_a_reviewed_report_gives_its_mark_back(window, qtbot, store):
    """The edit dropped 已审核; undone, the values are those the auditor marked: 已审核 again."""
    session = select_report(qtbot, window, SEED_000)
    view = window.report_view.show_section("section3")
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: session.review.reviewed)
    marked = row_state(window, store, session)
    assert marked[0] == "已审核" and marked[3:5] == (True, "已审核")
    type_into(qtbot, view, "section3.new.natural", "1")
    edited = row_state(window, store, session)
    assert edited[0] == "已修改" and edited[3:5] == (False, "已修改")
    undo(qtbot, window)
    qtbot.waitUntil(lambda: session.review.reviewed)
    assert row_state(window, store, session) == marked
    redo(qtbot, window)
    qtbot.waitUntil(lambda: not session.review.reviewed)
    assert row_state(window, store, session) == edited


def test_the_reviewed_mark_is_a_step_undone_before_the_verdicts_under_it(window, qtbot, store):
    """Each error dismissed on its own, then 已审核: Ctrl+Z takes the mark back first (before, it
    took back a dismissal and left the report 已审核 with an open error)."""
    session = select_report(qtbot, window, PLANTED_CLEAN)
    errors = session.open_errors()
    assert len(errors) == 2
    for finding in errors:
        assert window.report_view.dismiss_finding(finding, "yuanjian")
    dismissed = row_state(window, store, session)
    assert dismissed == ("未审核", "0", "2", False, "未审核", 0)
    window.reviewed_action.trigger()
    qtbot.waitUntil(lambda: session.review.reviewed)
    assert row_state(window, store, session) == ("已审核", "0", "2", True, "已审核", 0)
    undo(qtbot, window)
    qtbot.waitUntil(lambda: not session.review.reviewed)
    assert row_state(window, store, session) == dismissed
    assert status(window) == "已撤销：标记为已审核"
    undo(qtbot, window)
    qtbot.waitUntil(lambda: dashboard_cell(window, session.report.file, ERRORS) == "1")
    assert row_state(window, store, session) == ("未审核", "1", "1", False, "未审核", 1)
    redo(qtbot, window)
    redo(qtbot, window)
    qtbot.waitUntil(lambda: session.review.reviewed)
    assert row_state(window, store, session) == ("已审核", "0", "2", True, "已审核", 0)


def test_the_status_bar_names_an_undo_and_a_redo_not_an_edit(window, qtbot):
    select_report(qtbot, window, SEED_000)
    view = window.report_view.show_section("section3")
    index = view.model().index_of("section3.new.natural")
    before = index.data()
    type_into(qtbot, view, "section3.new.natural", "7")
    assert status(window).startswith("已保存：") and status(window).endswith(f"{before} → 7")
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: index.data() == before)
    assert status(window).startswith("已撤销：修改 表三")
    assert status(window).endswith(f"（7 → {before}）") and "已保存" not in status(window)
    qtbot.keyClick(view, Qt.Key.Key_Y, CTRL)
    qtbot.waitUntil(lambda: index.data() == "7")
    assert status(window).startswith("已重做：修改 表三") and status(window).endswith(f"（{before} → 7）")


def test_typing_an_inferred_value_again_confirms_it_and_ctrl_z_takes_it_back(window, qtbot, store):
    """Seed 002 printed nothing beside （一）予以公开 × 自然人: the parser filled it in (推定, the
    corner mark). The auditor checks the file and types the same number: the 存疑 mark goes, the
    trail records it, and Ctrl+Z brings the doubt back. The same number over an ordinary cell
    records nothing."""
    session = select_report(qtbot, window, "002_8be41c244005adf4.txt")
    view = window.report_view.show_section("section3")
    cell = "section3.granted.natural"
    index = view.model().index_of(cell)
    shown = index.data()
    assert index.data(TemplateTableModel.FlaggedRole) and index.data(TemplateTableModel.StateRole) == palette.FLAGGED
    open_before = len(session.flag_groups)
    type_into(qtbot, view, cell, shown)
    qtbot.waitUntil(lambda: not index.data(TemplateTableModel.FlaggedRole))
    assert index.data(TemplateTableModel.StateRole) != palette.FLAGGED
    assert status(window).startswith("已确认：") and shown in status(window)
    assert "确认此值" in index.data(Qt.ItemDataRole.ToolTipRole)
    edits, _ = store.load(session.report.content_hash)
    assert [(e.cell, e.old, e.new, e.note) for e in edits] == [(cell, int(shown), int(shown), "确认原值")]
    assert len(session.flag_groups) == open_before  # its row's flag still covers the row's other cells
    undo(qtbot, window)
    qtbot.waitUntil(lambda: index.data(TemplateTableModel.FlaggedRole))
    assert status(window).startswith("已撤销：确认 表三")
    ordinary = "section3.new.natural"
    type_into(qtbot, view, ordinary, view.model().index_of(ordinary).data())
    assert len(store.load(session.report.content_hash)[0]) == 2  # the confirmation and its undo only


def test_the_reason_to_dismiss_is_not_prefilled_with_the_note_written_when_confirming(window, qtbot, monkeypatch):
    """An auditor who had confirmed a finding (请单位核对更正, for the agency) and changed her mind
    pressed Ctrl+Shift+I: the reason box held the confirmation's note, and Enter dismissed the
    finding 已忽略：请单位核对更正. The box starts empty; a verdict given again keeps its own note."""
    select_report(qtbot, window, PLANTED)
    offered = []

    def ask(_parent, title, _prompt, text="", required=False):
        offered.append((title, text))
        return ("请单位核对更正", True) if len(offered) == 1 else ("", False)
    monkeypatch.setattr(text_prompt, "ask_text", ask)
    panel = window.report_view.findings
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    qtbot.keyClick(panel.view, Qt.Key.Key_K, CTRL | SHIFT)  # 确认问题
    qtbot.waitUntil(lambda: panel.model.data(panel.model.index(0, 4)) == "确认问题：请单位核对更正")
    qtbot.keyClick(panel.view, Qt.Key.Key_I, CTRL | SHIFT)  # 忽略问题
    qtbot.keyClick(panel.view, Qt.Key.Key_K, CTRL | SHIFT)  # 确认问题 again
    assert offered == [("确认问题", ""), ("忽略问题", ""), ("确认问题", "请单位核对更正")]
    assert panel.model.data(panel.model.index(0, 4)) == "确认问题：请单位核对更正"


def test_confirm_and_dismiss_from_the_keyboard_then_undo(window, qtbot, store, monkeypatch):
    session = select_report(qtbot, window, PLANTED)
    answers = iter([("请单位核对更正", True), ("", True), ("原件如此", True)])
    monkeypatch.setattr(text_prompt, "ask_text", lambda *a, **k: next(answers))
    panel = window.report_view.findings
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    qtbot.keyClick(panel.view, Qt.Key.Key_K, CTRL | SHIFT)  # 确认问题
    qtbot.waitUntil(lambda: panel.model.data(panel.model.index(0, 4)) == "确认问题：请单位核对更正")
    assert panel.current_row() == 0  # the entry stays current
    panel.view.setCurrentIndex(panel.model.index(1, 0))
    qtbot.keyClick(panel.view, Qt.Key.Key_I, CTRL | SHIFT)  # 忽略, with no reason: refused
    assert "理由" in status(window)
    assert panel.model.data(panel.model.index(1, 4)) == ""
    qtbot.keyClick(panel.view, Qt.Key.Key_I, CTRL | SHIFT)
    qtbot.waitUntil(lambda: panel.model.data(panel.model.index(1, 4)) == "已忽略：原件如此")
    assert dashboard_cell(window, session.report.file, HANDLED) == "2"
    assert dashboard_cell(window, session.report.file, ERRORS) == "1"  # the confirmed one
    model = window.dashboard.model
    tip = model.data(model.index(model.row_of(session.report.file), HANDLED), Qt.ItemDataRole.ToolTipRole)
    assert tip == "已确认 1 项，已忽略 1 项"
    cell = window.report_view.models["section3"].index_of(PLANTED_CELL)
    assert "审核意见：确认问题　请单位核对更正" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert [v.verdict for v in store.load_verdicts(session.report.content_hash)] == ["confirmed",
                                                                                     "dismissed"]
    qtbot.keyClick(panel.view, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: panel.model.data(panel.model.index(1, 4)) == "")
    assert dashboard_cell(window, session.report.file, HANDLED) == "1"
    tip = model.data(model.index(model.row_of(session.report.file), HANDLED), Qt.ItemDataRole.ToolTipRole)
    assert tip == "已确认 1 项，已忽略 0 项，待处理 1 项"  # the one no verdict covers any more
    assert store.review_for(session.report).verdict_of(session.findings[1]) is None


def test_an_unknown_severity_reads_as_a_doubt(window, qtbot):
    from core.model import Finding
    session = select_report(qtbot, window, SEED_000)
    session._index([Finding("P-1", "unsure", [PLANTED_CELL], "数字可能识读有误")])
    panel = window.report_view.findings
    panel.model.refresh()
    index = panel.model.index(0, 0)
    assert index.data() == "存疑"
    assert index.data(Qt.ItemDataRole.BackgroundRole).color().name() == palette.BACKGROUNDS["flagged"]
    assert session.state_of(PLANTED_CELL) == palette.FLAGGED


# --- keyboard all the way --------------------------------------------------------------------------

def entry_cells(panel, row: int) -> list:
    return panel.model.data(panel.model.index(row, 0), FindingsModel.CellsRole)


def covered(cell: str, cells: list) -> bool:
    """The table's cell is one of the entry's cells (or in one of its rows)."""
    return any(cell == c or cell.startswith(c + ".") for c in cells)


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def test_f8_walks_every_problem_then_opens_the_next_report(window, qtbot):
    first = select_report(qtbot, window, PLANTED_CLEAN)
    panel = window.report_view.findings
    assert panel.model.rowCount() == 2 and panel.current_row() == 0  # opens on its first problem
    window.dashboard.view.setFocus()  # as the folder opened: the list of reports has the keys
    press(qtbot, Qt.Key.Key_F8)  # the first F8 goes to the first problem, not past it
    assert panel.current_row() == 0 and covered(focus_cell(window), entry_cells(panel, 0))
    assert QApplication.focusWidget() is window.report_view.current_view()
    press(qtbot, Qt.Key.Key_F8)
    assert panel.current_row() == 1 and focus_cell(window) == PLANTED_CELL
    press(qtbot, Qt.Key.Key_F8)  # past the last: the next report with problems opens
    second = window.report_view.session
    assert second is not first and second.report.file.endswith(PLANTED)
    assert window.dashboard.current_review() is second.review
    count = panel.model.rowCount()
    assert count == 3  # T3-2, T3-3 and the flag of its 总计 row (its row of eight 0s has none)
    visited = [panel.current_row()]
    assert covered(focus_cell(window), entry_cells(panel, 0))
    for _ in range(count - 1):
        press(qtbot, Qt.Key.Key_F8)
        visited.append(panel.current_row())
        assert covered(focus_cell(window), entry_cells(panel, visited[-1]))
        section = entry_cells(panel, visited[-1])[0].split(".")[0]
        assert window.report_view.current_section() == section  # its table is shown
        assert QApplication.focusWidget() is window.report_view.current_view()
    assert visited == [0, 1, 2]
    press(qtbot, Qt.Key.Key_F8, SHIFT)
    assert panel.current_row() == 1
    press(qtbot, Qt.Key.Key_F8, SHIFT)
    assert window.report_view.session is second and panel.current_row() == 0
    press(qtbot, Qt.Key.Key_F8, SHIFT)  # before the first: the previous report, on its last problem
    assert window.report_view.session is first
    assert panel.current_row() == 1 and focus_cell(window) == PLANTED_CELL


def test_tab_goes_from_panel_to_panel_and_never_round_inside_one(window, qtbot):
    select_report(qtbot, window, PLANTED)
    report_view = window.report_view
    order = [window.dashboard.view, report_view.views["section3"], report_view.findings.view,
             report_view.source.editor]
    report_view.show_section("section3")
    window.dashboard.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.dashboard.view)
    for widget in order[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is widget
    for widget in reversed(order[:-1]):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab, SHIFT)
        assert QApplication.focusWidget() is widget


def test_the_panel_with_the_keyboard_focus_has_a_ring_around_it(window, qtbot):
    """Tab moves between the list, the table, the 问题清单 and the 原文, whose selections look the
    same with the focus or without: an auditor on the keyboard could not see where F2 or the
    arrows would go. The panel holding the focus is ringed in the highlight colour."""
    select_report(qtbot, window, PLANTED)
    report_view = window.report_view
    qtbot.waitUntil(report_view.bottom.updatesEnabled)  # the 问题清单 and 原文 are painted
    table = report_view.show_section("section3")
    order = [window.dashboard.view, table, report_view.findings.view, report_view.source.editor]
    highlight = window.palette().color(QPalette.ColorRole.Highlight)

    def ringed(panel) -> bool:
        image = panel.grab().toImage()  # the panel as painted, children (the ring) included
        middle = image.height() // 2
        return image.pixelColor(0, middle) == highlight and image.pixelColor(image.width() - 1, middle) == highlight

    window.dashboard.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.dashboard.view)
    for step, focused in enumerate(order):
        if step:
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is focused
        assert [ringed(panel) for panel in order] == [panel is focused for panel in order]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab, SHIFT)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab, SHIFT)
    qtbot.keyClick(table, Qt.Key.Key_F2)  # typing in a cell: the table keeps its ring
    assert QApplication.focusWidget() is not table and table.isAncestorOf(QApplication.focusWidget())
    assert ringed(table) and not ringed(window.dashboard.view)


def test_ctrl_page_down_and_up_switch_the_tables(window, qtbot):
    select_report(qtbot, window, SEED_000)
    view = window.report_view
    view.show_section("section3").setFocus()
    qtbot.keyClick(view.current_view(), Qt.Key.Key_PageDown, CTRL)
    assert view.current_section() == "section4"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown, CTRL)
    assert view.current_section() == "section2"
    assert QApplication.focusWidget() is view.views["section2"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageUp, CTRL)
    assert view.current_section() == "section4"


def test_enter_and_space_on_a_finding_select_its_cells(window, qtbot):
    select_report(qtbot, window, PLANTED)
    report_view = window.report_view
    panel = report_view.findings
    flag_row = next(r for r in range(panel.model.rowCount())
                    if panel.model.data(panel.model.index(r, 0), FindingsModel.FlagRole))
    flag_cell = panel.model.data(panel.model.index(flag_row, 0), FindingsModel.FocusRole)
    report_view.select_cells(["section4.review.total"])
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(flag_row, 0))
    qtbot.keyClick(panel.view, Qt.Key.Key_Space)
    assert covered(focus_cell(window), [flag_cell])
    assert QApplication.focusWidget() is panel.view  # Space: look, stay in the list
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert focus_cell(window) == PLANTED_CELL
    assert QApplication.focusWidget() is report_view.current_view()  # Enter: go and fix it


def test_apply_suggestion_has_a_shortcut_and_a_mnemonic(window, qtbot):
    session = select_report(qtbot, window, PLANTED)
    panel = window.report_view.findings
    assert "(&A)" in panel.apply_button.text() and "(&A)" in window.suggestion_action.text()
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    qtbot.keyClick(panel.view, Qt.Key.Key_A, CTRL | SHIFT)
    qtbot.waitUntil(lambda: session.review.value(PLANTED_CELL) == 12)


def test_every_action_of_every_menu_works(window, qtbot, monkeypatch, tmp_path):
    """Trigger each QAction of the window (menus, submenus, shortcuts-only): an exception or a Qt
    warning fails the test (pytest-qt)."""
    from gui.qt import QFileDialog
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: ""))
    monkeypatch.setattr(folder_prompt, "ask_export_folder", lambda *a, **k: "")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    shown = []
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda *a: shown.append(a[1])))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a: shown.append(a[1])))
    monkeypatch.setattr(text_prompt, "ask_text", lambda *a, **k: ("理由", True))
    select_report(qtbot, window, PLANTED)

    # (QAction.menu() is avoided: in PySide6 6.9 its wrapper may delete the submenu.)
    menus = window.menuBar().findChildren(QMenu)
    submenus = {id(m.menuAction()) for m in menus}
    assert window.recent_menu in menus and len(menus) >= 6
    in_menus = [a for m in menus if m is not window.recent_menu for a in m.actions()
                if not a.isSeparator() and id(a) not in submenus]
    everything = in_menus + [a for a in window.findChildren(QAction)
                             if a not in in_menus and id(a) not in submenus and not a.isSeparator()
                             and a.parent() is not window.recent_menu]
    everything.sort(key=lambda a: a is window.quit_action)  # quitting last
    assert len(everything) >= 28
    # 最近打开 is filled anew each time it is shown (清除列表 empties it): one fresh action at a time.
    window.recent_menu.aboutToShow.emit()
    recent = [a.text() for a in window.recent_menu.actions() if not a.isSeparator()]
    assert "清除列表(&C)" in recent
    for text in recent:
        window.recent_menu.aboutToShow.emit()
        fresh = [a for a in window.recent_menu.actions() if a.text() == text]
        if fresh and fresh[0].isEnabled():
            fresh[0].trigger()
    for action in everything:
        if not action.isEnabled():
            continue
        action.trigger()
        qtbot.wait(1)
        if window.report_view.reasons_dialog is not None:
            window.report_view.reasons_dialog.reject()
        if action is window.only_problems_action:
            assert window.dashboard.only_problems.isChecked() == action.isChecked()
        if action is window.findings_action:
            assert window.report_view.findings.isVisible() == action.isChecked()
        if action is window.source_action:
            assert window.report_view.source.isVisible() == action.isChecked()
        if action is window.focus_mode_action:
            assert window.dashboard.isVisible() != action.isChecked()
    assert set(shown) == {"关于", "颜色与快捷键"}
    assert not window.isVisible()  # 退出 closed the window


def test_ctrl_pgdn_puts_the_cursor_on_the_tables_first_value_and_its_text(window, qtbot):
    """表四 and 表二 reached by Ctrl+PgDn started on their heading (F2 there edits nothing) while
    原文 still named the cell of 表三."""
    from gui.qt import QtGui

    def caption(pane) -> str:
        document = QtGui.QTextDocument()
        document.setHtml(pane.caption.text())
        return document.toPlainText()

    select_report(qtbot, window, PLANTED)
    report_view = window.report_view
    report_view.current_view().setFocus()
    for section, first in (("section4", "section4.review.maintained"), ("section2", "section2.rules.issued")):
        press(qtbot, Qt.Key.Key_PageDown, CTRL)
        assert report_view.current_section() == section
        assert focus_cell(window) == first
        assert caption(report_view.source).startswith("原文 " + report_view.session.describe(first))


def test_f1_shows_the_colours_and_every_key(window, qtbot, monkeypatch):
    """F1, the help key, did nothing: the keys were only under 帮助 → 颜色说明."""
    shown = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a: shown.append(a[1:3])))
    select_report(qtbot, window, PLANTED)
    for widget in (window.report_view.current_view(), window.dashboard.view, window.report_view.findings.view):
        widget.setFocus()
        press(qtbot, Qt.Key.Key_F1)
    assert len(shown) == 3
    title, text = shown[0]
    assert title == "颜色与快捷键" and "F8" in text and "Ctrl+Enter" in text and "红色" in text


# --- the report list and the table keys: the highlighted row is the report on screen --------------

def highlighted_rows(window) -> list[int]:
    return sorted({index.row() for index in window.dashboard.view.selectionModel().selectedRows()})


def shown_row(window) -> int:
    """The dashboard row (as listed) of the report on screen."""
    dashboard = window.dashboard
    source_row = dashboard.model.row_of(window.report_view.session.report.file)
    return dashboard.proxy.mapFromSource(dashboard.model.index(source_row, FILE)).row()


@pytest.mark.parametrize("key", [Qt.Key.Key_Down, Qt.Key.Key_End, Qt.Key.Key_PageDown, Qt.Key.Key_Home])
def test_ctrl_moves_in_the_report_list_highlight_the_report_they_open(window, qtbot, key):
    select_report(qtbot, window, SEED_000)
    start = shown_row(window)
    view = window.dashboard.view
    view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    # As the platform delivers it when no shortcut takes the key (Ctrl+PgDn is the window's
    # 下一张表; a QTest key click would run the shortcut instead).
    QApplication.sendEvent(view, QKeyEvent(QEvent.Type.KeyPress, key, CTRL))
    assert highlighted_rows(window) == [shown_row(window)]
    if key == Qt.Key.Key_PageDown:  # the tables switch, the list stays where it was
        assert shown_row(window) == start
        assert window.report_view.current_section() != "section3"
    else:
        assert shown_row(window) == view.currentIndex().row()


def test_ctrl_space_keeps_the_open_report_highlighted(window, qtbot):
    select_report(qtbot, window, SEED_000)
    view = window.dashboard.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Space, CTRL)
    assert highlighted_rows(window) == [shown_row(window)]


def test_a_search_that_hides_the_open_report_keeps_it_and_highlights_no_other(window, qtbot):
    """The search once opened a neighbour in the hidden report's place (losing a cell being typed
    in: qa27, tests/gui/test_search_hides_report.py): the report stays, no row looks chosen."""
    session = select_report(qtbot, window, SEED_000)  # 顺河…: not listed under the search below
    window.dashboard.search.setText("鼓楼")
    qtbot.waitUntil(lambda: window.dashboard.proxy.rowCount() == 2)
    assert window.report_view.session is session
    assert highlighted_rows(window) == []
    assert window.report_view.filtered_note.isVisible()
    window.dashboard.search.setText("")
    qtbot.waitUntil(lambda: window.dashboard.proxy.rowCount() == 7)
    assert highlighted_rows(window) == [shown_row(window)]


def test_ctrl_page_down_reaching_any_panel_switches_the_tables(window, qtbot):
    """However the key arrives (a shortcut, or a key press the panel would take as 下一页), the
    tables switch and the report list does not move."""
    select_report(qtbot, window, SEED_000)
    report_view = window.report_view
    start = shown_row(window)
    panels = [window.dashboard.view, report_view.views["section3"], report_view.findings.view,
              report_view.source.editor, window.dashboard.search]
    for panel in panels:
        report_view.show_section("section3")
        panel.setFocus()
        QApplication.sendEvent(panel, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_PageDown, CTRL))
        assert report_view.current_section() == "section4", panel.objectName()
        QApplication.sendEvent(QApplication.focusWidget(),
                               QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_PageUp, CTRL))
        assert report_view.current_section() == "section3", panel.objectName()
    assert shown_row(window) == start and highlighted_rows(window) == [start]


def test_ctrl_click_adds_a_year_to_compare_and_never_unhighlights_the_open_report(window, qtbot):
    select_report(qtbot, window, SEED_000)
    view = window.dashboard.view
    first = shown_row(window)
    other = (first + 1) % view.model().rowCount()

    def ctrl_click(row: int) -> None:
        rect = view.visualRect(view.model().index(row, FILE))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, CTRL, rect.center())

    ctrl_click(other)  # the second year of a comparison: both rows highlighted, it is shown
    assert highlighted_rows(window) == sorted([first, other]) and shown_row(window) == other
    assert len(window.dashboard.selected_reviews()) == 2
    ctrl_click(first)  # back to the first: opened, both still highlighted
    assert highlighted_rows(window) == sorted([first, other]) and shown_row(window) == first
    ctrl_click(first)  # again on the report shown: it stays highlighted
    assert first in highlighted_rows(window) and shown_row(window) == first


def test_focus_entering_the_list_before_a_report_is_current_highlights_the_one_it_opens(window, qtbot):
    # As when the list gets the focus while the folder is still loading, before the first
    # report opens: the view makes the first row current (which opens it).
    view = window.dashboard.view
    window.report_view.findings.view.setFocus()
    view.selectionModel().clear()
    assert highlighted_rows(window) == [] and not view.currentIndex().isValid()
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    assert view.currentIndex().isValid()
    assert highlighted_rows(window) == [shown_row(window)] == [view.currentIndex().row()]


@pytest.mark.parametrize("modifiers", [Qt.KeyboardModifier.NoModifier, CTRL])
def test_home_and_end_go_to_the_first_and_last_report_with_their_names_in_sight(window, qtbot, modifiers):
    select_report(qtbot, window, SEED_003)
    window.splitter.setSizes([300, 1000])  # narrower than the list's columns
    view = window.dashboard.view
    view.setFocus()
    for key, row in ((Qt.Key.Key_End, view.model().rowCount() - 1), (Qt.Key.Key_Home, 0)):
        qtbot.keyClick(view, key, modifiers)
        assert shown_row(window) == row and highlighted_rows(window) == [row]
        name = view.visualRect(view.model().index(row, FILE))
        assert view.viewport().rect().contains(name.center())  # the file name is on screen


def test_a_verdict_on_a_doubt_entry_says_why_it_cannot_take_one(window, qtbot):
    """Ctrl+Shift+I on a selected 存疑 entry said "请先在问题清单中选择一个问题" although one was
    selected: a doubt about the reading takes no verdict; the auditor checks the source instead."""
    select_report(qtbot, window, SEED_003)
    panel = window.report_view.findings
    assert panel.model.data(panel.model.index(0, 0)) == "存疑"
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    qtbot.keyClick(panel.view, Qt.Key.Key_I, CTRL | SHIFT)
    assert "选择一个问题" not in status(window)
    assert "存疑" in status(window) and "原文" in status(window)


def test_a_save_that_fails_changes_nothing_and_leaves_no_step_to_undo(window, qtbot, store, monkeypatch):
    """The database refuses the write (a locked or read-only file): the status bar says so, the
    cell keeps its value, the report keeps its mark, and Ctrl+Z has no step that never happened."""
    import sqlite3

    session = select_report(qtbot, window, SEED_000)
    view = window.report_view.show_section("section3")
    index = view.model().index_of("section3.new.natural")
    before = index.data()

    def refuse(*args, **kwargs):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(store, "add_edits", refuse)
    monkeypatch.setattr(store, "set_reviewed", refuse)
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.findChild(QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "7")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: status(window).startswith("保存失败"))
    assert status(window) == "保存失败，修改未生效：审核数据库正被其他程序占用，请稍后再试（database is locked）"
    assert index.data() == before
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return, CTRL)
    assert not session.review.reviewed and not window.report_view.reviewed_button.isChecked()
    assert dashboard_cell(window, session.report.file, STATUS) == "未审核"
    assert session.undo_stack.count() == 0
    assert store.load(session.report.content_hash) == ([], False)


def test_the_verdict_dialog_of_a_long_finding_fits_the_screen(window, qtbot):
    """确认问题 on a finding explained at length (a 存疑 T3-3 runs to ~300 characters): the
    dialog's prompt wraps, so the dialog, its text and its OK button stay on the screen (the
    prompt on one line made it 2188 px wide on a 1366 px screen)."""
    from dataclasses import replace
    from gui.qt import QInputDialog, QLabel, QTimer

    session = select_report(qtbot, window, PLANTED)
    finding = replace(session.findings[0], message="表三各行的合计与各栏之和不等，可能是读取问题而非报告错误，"
                                                   "请核对原文。" * 12)
    seen = {}

    def look():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        seen["width"] = dialog.sizeHint().width()
        seen["screen"] = dialog.screen().availableGeometry().width()
        seen["prompt"] = "".join(label.text() for label in dialog.findChildren(QLabel))
        dialog.reject()

    QTimer.singleShot(0, look)
    assert not window.report_view.confirm_finding(finding)  # cancelled: nothing given
    assert seen["width"] <= seen["screen"]
    assert finding.message in seen["prompt"]


def test_the_audit_trail_names_the_rule_of_the_entry_the_suggestion_was_taken_from(window, qtbot):
    """The planted cell is suggested by T3-2 (its column) and T3-3 (its row). Taken from the T3-3
    entry, the note said 「采用建议值（T3-2）」; taken from the cell with no entry selected, it
    names every rule suggesting that value there."""
    session = select_report(qtbot, window, PLANTED_CLEAN)
    panel = window.report_view.findings
    rows = [r for r in range(panel.model.rowCount())
            if (f := panel.model.data(panel.model.index(r, 0), FindingsModel.FindingRole)) is not None
            and f.rule == "T3-3" and f.suggestion is not None]
    assert rows
    panel.select_row(rows[0])
    qtbot.waitUntil(panel.apply_button.isEnabled)
    panel.apply_button.click()
    qtbot.waitUntil(lambda: session.note_of(PLANTED_CELL) != "")
    assert session.note_of(PLANTED_CELL) == "采用建议值（T3-3）"
    view = window.report_view.current_view()
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: not session.review.is_corrected(PLANTED_CELL))
    assert window.report_view.current_path() == PLANTED_CELL
    panel.view.setCurrentIndex(panel.model.index(-1, -1))
    qtbot.waitUntil(panel.apply_button.isEnabled)
    panel.apply_button.click()
    qtbot.waitUntil(lambda: session.review.is_corrected(PLANTED_CELL))
    assert session.note_of(PLANTED_CELL) == "采用建议值（T3-2、T3-3）"


def test_about_names_the_programs_version(make_window, store, qtbot, monkeypatch):
    """帮助 → 关于 gives the version (pyproject.toml's), which IT and support ask for first; the
    windowed program has no console for --version."""
    import re
    from pathlib import Path

    pyproject = (Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8")
    version = re.search(r'(?m)^version\s*=\s*"([^"]+)"', pyproject).group(1)
    shown = []
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda *a: shown.append(a[2])))
    window = make_window(store)
    window.about_action.trigger()
    assert len(shown) == 1
    assert f"版本 {version}" in shown[0]


@pytest.mark.parametrize("kind", ["empty", "too big", pytest.param("fifo", marks=pytest.mark.skipif(
    not hasattr(os, "mkfifo"), reason="named pipes: POSIX"))])
def test_a_file_without_content_says_why_it_cannot_be_marked(make_window, store, tmp_path, qtbot, kind):
    """An empty file, a pipe or a file too big to be read has no content to key the 已审核 mark
    to: the button was greyed and Ctrl+Enter did nothing, with no word why. (A 5 MB text file was
    told it had 没有可读取的内容（空文件、管道或读取失败）: none of the three.)"""
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(samples_dir() / SEED_000, folder / SEED_000)
    name = "空白报告.txt"
    if kind == "empty":
        (folder / name).write_bytes(b"")
    elif kind == "too big":
        (folder / name).write_bytes("报告".encode() * (2 * 1024 * 1024 // 6 + 1))  # past the 2 MB a text may have
    else:
        os.mkfifo(folder / name)
    window = make_window(store)
    qtbot.waitExposed(window)
    assert open_folder(qtbot, window, folder) == 2
    select_report(qtbot, window, name)
    button = window.report_view.reviewed_button
    assert not button.isEnabled()
    assert button.toolTip() == ("无法标记为已审核：未读到此文件的内容（空文件、管道、文件过大或读取失败），"
                                "而已审核标记是按文件内容保存的")
    window.report_view.views["section3"].setFocus()
    qtbot.keyClick(window.report_view.views["section3"], Qt.Key.Key_Return, CTRL)
    assert "无法标记为已审核" in status(window)
    assert "无法标记为已审核" in window.report_view.no_tables.text()  # the note where the tables would be
    select_report(qtbot, window, SEED_000)  # a report again: the button as before
    assert button.isEnabled() and button.toolTip() == "Ctrl+Enter"


def test_a_confirmed_finding_corrected_away_stays_listed_grey_with_its_note(window, qtbot, store, monkeypatch):
    """确认问题 with a note for the agency, then the cell corrected: the finding went away and the
    note with it, though the exports keep it (已消除). The 问题清单 lists it after the problems, in
    grey, not counted; the keyboard reaches it, Enter shows its cells, Ctrl+C copies it; Ctrl+Z
    brings the finding back with its verdict, listed once."""
    session = select_report(qtbot, window, PLANTED_CLEAN)
    monkeypatch.setattr(text_prompt, "ask_text", lambda *a, **k: ("请单位更正", True))
    panel = window.report_view.findings
    model = panel.model
    problems = model.rowCount()
    assert problems == model.problem_count() == len(session.findings) > 0
    finding = model.data(model.index(0, 0), FindingsModel.FindingRole)
    cells = sorted(finding.cells)
    panel.view.setFocus()
    panel.view.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(panel.view, Qt.Key.Key_K, CTRL | SHIFT)  # 确认问题
    qtbot.waitUntil(lambda: model.data(model.index(0, 4)) == "确认问题：请单位更正")

    view = window.report_view.show_section("section3")
    type_into(qtbot, view, PLANTED_CELL, "0")  # corrected: the finding is gone
    assert session.findings == []
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.problem_count() == 0
    row = [model.data(model.index(0, c)) for c in range(5)]
    message = f"修正后此问题已不存在，审核意见保留（{describe_cells(session.version, cells)}）"
    assert row == ["已消除", finding.rule, message, "", "确认问题：请单位更正"]
    assert model.data(model.index(0, 2), Qt.ItemDataRole.ForegroundRole).color().name() == palette.DISMISSED_TEXT
    assert model.data(model.index(0, 0), FindingsModel.FindingRole) is None
    assert not panel.view.isColumnHidden(4)  # the note is shown
    assert model.counts() == (0, 0, 0, 0)  # no problem, nothing handled among the findings
    assert dashboard_cell(window, session.report.file, ERRORS) == "0"
    assert dashboard_cell(window, session.report.file, HANDLED) in ("", "0")
    dashboard = window.dashboard.model  # its row still says the note is there, where it is counted
    assert dashboard.data(dashboard.index(dashboard.row_of(session.report.file), HANDLED),
                          Qt.ItemDataRole.ToolTipRole) == \
        "已确认 0 项，已忽略 0 项\n另有 1 项审核意见的问题修正后已消除，意见保留（见问题清单末尾，随导出）"
    assert "未发现问题" in panel.summary.text()
    assert not panel.step(1) and not panel.step(-1)  # F8 stops at problems only

    # the keyboard: Tab from the table into the list highlights it; Enter shows its cells
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.view)
    qtbot.waitUntil(lambda: panel.current_row() == 0)
    view.clearSelection()
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.report_view.current_path() in cells)
    selected = {index.data(TemplateTableModel.PathRole) for index in view.selectionModel().selectedIndexes()}
    assert set(cells) <= selected
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().text() == "\t".join(["已消除", finding.rule, message, "", "确认问题：请单位更正"])
    qtbot.keyClick(panel.view, Qt.Key.Key_K, CTRL | SHIFT)  # no finding to give a verdict on
    assert status(window) == "此问题修正后已消除，无需再确认或忽略；可编辑说明（F2）或撤销审核意见（Del）"

    qtbot.keyClick(panel.view, Qt.Key.Key_Z, CTRL)  # the correction undone: the finding is back
    qtbot.waitUntil(lambda: session.findings != [])
    qtbot.waitUntil(lambda: model.problem_count() == problems)
    assert model.rowCount() == problems  # listed once, as the judged finding
    judged = [r for r in range(problems) if model.data(model.index(r, 4))]
    assert len(judged) == 1
    assert model.data(model.index(judged[0], 0), FindingsModel.FindingRole) == finding
    assert [model.data(model.index(judged[0], c)) for c in (0, 1, 4)] == ["错误", finding.rule, "确认问题：请单位更正"]
    tip = dashboard.data(dashboard.index(dashboard.row_of(session.report.file), HANDLED), Qt.ItemDataRole.ToolTipRole)
    assert tip == ("已确认 1 项，已忽略 0 项" + (f"，待处理 {problems - 1} 项" if problems > 1 else ""))


def resolve_first_finding(qtbot, window, monkeypatch, note: str):
    """The planted report's first finding confirmed with ``note``, then corrected away: the list
    holds its grey 已消除 row alone, current, with the keyboard focus. (session, panel, finding)"""
    session = select_report(qtbot, window, PLANTED_CLEAN)
    panel = window.report_view.findings
    model = panel.model
    finding = model.data(model.index(0, 0), FindingsModel.FindingRole)
    monkeypatch.setattr(text_prompt, "ask_text", lambda *a, **k: (note, True))
    panel.view.setFocus()
    panel.view.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(panel.view, Qt.Key.Key_K, CTRL | SHIFT)
    type_into(qtbot, window.report_view.show_section("section3"), PLANTED_CELL, "0")
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.problem_count() == 0)
    panel.view.setFocus()
    panel.view.setCurrentIndex(model.index(0, 0))
    return session, panel, finding


@offscreen_menu
def test_a_resolved_verdict_is_renoted_withdrawn_and_restored_by_keyboard_and_menu(window, qtbot, store,
                                                                                   monkeypatch):
    """The grey 已消除 row's verdict is the auditor's to change: its context menu (Shift+F10) offers
    定位, 复制, 编辑说明 (F2) and 撤销审核意见 (Delete), not 采用建议值 nor 确认/忽略 (no finding is
    left to judge); F2 edits the note, shown at once and stored; Delete drops the row; Ctrl+Z
    brings the row back with the edited note, Ctrl+Z again the first note; Ctrl+Y redoes."""
    session, panel, finding = resolve_first_finding(qtbot, window, monkeypatch, "请单位更正")
    model = panel.model
    assert window.edit_action in window.menuBar().actions()[1].menu().actions()  # 编辑 menu too: its F2
    assert window.edit_action.text() == "编辑说明(&N)…"  # entry is the list's while the keyboard is there

    asked = []
    monkeypatch.setattr(text_prompt, "ask_text", lambda *a, **k: (asked.append((a[1], k)), ("已电话告知", True))[1])
    qtbot.keyClick(panel.view, Qt.Key.Key_F2)
    assert asked == [("编辑说明", {"text": "请单位更正", "required": False})]  # the note there, to amend
    qtbot.waitUntil(lambda: model.data(model.index(0, 4)) == "确认问题：已电话告知")
    assert [v.note for v in session.review.resolved_verdicts(session.findings)] == ["已电话告知"]
    assert status(window) == f"已保存：编辑 {finding.rule} 的说明"  # the action's words, as 编辑说明
    stored = store.load_verdicts(session.report.content_hash)
    assert [(v.verdict, v.note) for v in stored][-1] == ("confirmed", "已电话告知")

    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)  # 撤销审核意见: the row goes, the list is empty
    qtbot.waitUntil(lambda: model.rowCount() == 0)
    assert session.review.resolved_verdicts(session.findings) == []
    assert status(window) == f"已保存：撤销对 {finding.rule} 的审核意见"  # as the action is named
    assert QApplication.focusWidget() is panel.view

    qtbot.keyClick(panel.view, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.data(model.index(0, 4)) == "确认问题：已电话告知"
    assert status(window) == f"已撤销：撤销审核意见 {finding.rule}"
    assert panel.current_row() == 0  # back where the keyboard is: F2 / Delete act on it again
    qtbot.keyClick(panel.view, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: model.data(model.index(0, 4)) == "确认问题：请单位更正")
    qtbot.keyClick(panel.view, Qt.Key.Key_Y, CTRL)
    qtbot.waitUntil(lambda: model.data(model.index(0, 4)) == "确认问题：已电话告知")
    assert model.problem_count() == 0 and model.data(model.index(0, 0)) == "已消除"
    # (last: a menu offscreen leaves the window without a focus widget)
    assert menu_of_key(qtbot, panel.view, keys=True) == [
        ("定位到单元格(&L)\tEnter", ""), ("复制(&C)", "Ctrl+C"), ("编辑说明(&N)…", "F2"), ("撤销审核意见(&D)", "Del")]


def test_f2_and_delete_on_an_open_finding_say_there_is_no_verdict_and_work_once_one_is_given(window, qtbot,
                                                                                            monkeypatch):
    """F2 / Delete on an entry with no verdict: the status bar says what to do first (the key did
    nothing at all). Once confirmed, Delete takes the verdict back: the finding is open again."""
    select_report(qtbot, window, PLANTED_CLEAN)
    panel = window.report_view.findings
    model = panel.model
    panel.view.setFocus()
    panel.view.setCurrentIndex(model.index(0, 0))
    for key in (Qt.Key.Key_F2, Qt.Key.Key_Delete):
        window.statusBar().clearMessage()
        qtbot.keyClick(panel.view, key)
        assert status(window) == "该项还没有审核意见：可先确认问题（Ctrl+Shift+K）或忽略（Ctrl+Shift+I）"
    assert not panel.withdraw_action.isEnabled()
    monkeypatch.setattr(text_prompt, "ask_text", lambda *a, **k: ("请单位更正", True))
    qtbot.keyClick(panel.view, Qt.Key.Key_K, CTRL | SHIFT)
    qtbot.waitUntil(lambda: model.data(model.index(0, 4)) == "确认问题：请单位更正")
    assert panel.withdraw_action.isEnabled()
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: not model.data(model.index(0, 4)))
    assert panel.current_verdict() is None and model.counts()[3] == 0  # nothing handled any more


def f2_entries(window) -> list:
    """The 编辑 menu's entries with F2 beside them: (text, enabled)."""
    menu = next(m for m in window.menuBar().findChildren(QMenu) if m.title() == "编辑(&E)")
    return [(a.text(), a.isEnabled()) for a in menu.actions() if a.shortcut().toString() == "F2"]


def test_f2_is_one_entry_of_the_edit_menu_named_and_acting_as_where_the_keyboard_is(window, qtbot, monkeypatch):
    """The 编辑 menu listed F2 twice, 修改单元格 and 编辑说明, each working in its own panel only
    (and F2 in the file list did nothing). One entry now: 修改单元格 while the keyboard is in the
    tables or the file list, 编辑说明 in the 问题清单 (on only for an entry with a verdict). Del
    beside 撤销审核意见 only while Del does that (the keyboard in the list)."""
    select_report(qtbot, window, PLANTED_CLEAN)
    panel = window.report_view.findings
    model = panel.model
    table = window.report_view.show_section("section3")
    table.setFocus()
    assert f2_entries(window) == [("修改单元格(&E)", True)]
    assert panel.withdraw_action.shortcut().isEmpty()  # Del in the table takes back nothing

    panel.view.setFocus()
    panel.view.setCurrentIndex(model.index(0, 0))
    assert f2_entries(window) == [("编辑说明(&N)…", False)]  # no verdict yet: nothing to edit
    assert panel.withdraw_action.shortcut().toString() == "Del"
    monkeypatch.setattr(text_prompt, "ask_text", lambda *a, **k: ("请单位更正", True))
    qtbot.keyClick(panel.view, Qt.Key.Key_K, CTRL | SHIFT)
    qtbot.waitUntil(lambda: model.data(model.index(0, 4)) == "确认问题：请单位更正")
    assert f2_entries(window) == [("编辑说明(&N)…", True)]
    asked = []
    monkeypatch.setattr(text_prompt, "ask_text", lambda *a, **k: (asked.append(a[1]), ("已电话告知", True))[1])
    window.edit_action.trigger()  # as chosen in the menu: the entry's note, not a cell
    assert asked == ["编辑说明"]
    qtbot.waitUntil(lambda: model.data(model.index(0, 4)) == "确认问题：已电话告知")
    assert QApplication.focusWidget() is panel.view

    dashboard = window.dashboard.view
    dashboard.setFocus()
    assert f2_entries(window) == [("修改单元格(&E)", True)]
    index = table.currentIndex()
    qtbot.keyClick(dashboard, Qt.Key.Key_F2)  # as the menu says: the current cell's editor
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and table.isAncestorOf(editor) and table.currentIndex() == index
    qtbot.keyClick(editor, Qt.Key.Key_Escape)


def test_an_entry_gone_from_under_the_keyboard_leaves_the_next_one_highlighted(window, qtbot, monkeypatch):
    """Delete on a grey 已消除 row (or 采用建议值 from the list) took the entry out and left nothing
    current: ↑ / ↓ started again at the top, Enter and F2 said to select an entry first. The
    entry that took its place (the last one, when it was last) is highlighted; F8 goes to it."""
    select_report(qtbot, window, PLANTED)
    panel = window.report_view.findings
    model = panel.model
    rules = lambda: [model.data(model.index(r, 1)) for r in range(model.rowCount())]  # noqa: E731
    assert rules()[:2] == ["T3-2", "T3-3"] and len(rules()) == 3  # both about the planted cell; a flag
    monkeypatch.setattr(text_prompt, "ask_text", lambda *a, **k: ("请单位更正", True))
    panel.view.setFocus()
    for row in (0, 1):  # both confirmed, then the cell corrected in the table: two grey rows
        panel.view.setCurrentIndex(model.index(row, 0))
        qtbot.keyClick(panel.view, Qt.Key.Key_K, CTRL | SHIFT)
    type_into(qtbot, window.report_view.show_section("section3"), PLANTED_CELL, "12")
    qtbot.waitUntil(lambda: model.resolved_count() == 2)
    assert [model.data(model.index(r, 0)) for r in range(3)] == ["存疑", "已消除", "已消除"]
    second = model.data(model.index(2, 2))

    panel.view.setFocus()
    panel.view.setCurrentIndex(model.index(1, 0))
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)  # 撤销审核意见: the first grey row goes
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    assert QApplication.focusWidget() is panel.view
    assert panel.current_row() == 1 and panel.view.selectionModel().isRowSelected(1)
    assert model.data(model.index(1, 2)) == second  # the one after it took its place
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)  # Del again without a click: the last one goes
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert panel.current_row() == 0  # the last left, the flag
    for rows in (2, 3):  # Ctrl+Z: the two grey rows back
        qtbot.keyClick(panel.view, Qt.Key.Key_Z, CTRL)
        qtbot.waitUntil(lambda: model.rowCount() == rows)
    qtbot.keyClick(panel.view, Qt.Key.Key_Z, CTRL)  # and the correction undone: T3-2, T3-3 open again
    qtbot.waitUntil(lambda: rules()[:2] == ["T3-2", "T3-3"])

    # 采用建议值 from the list: T3-2 and T3-3 go, the flag after them is highlighted, F8 reaches it
    panel.view.setFocus()
    panel.view.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(panel.view, Qt.Key.Key_A, CTRL | SHIFT)
    qtbot.waitUntil(lambda: model.problem_count() == 1)  # the flag, then the two grey rows again
    assert QApplication.focusWidget() is panel.view and panel.current_row() == 0
    assert window.report_view.step_problem(1) and panel.current_row() == 0  # not past it


def test_one_reason_may_stand_for_all_the_open_errors(qtbot):
    """qa31: a broken file with 42 open errors asked for 42 reasons typed one by one before it could
    be marked 已审核. A box (Alt+S, Tab from the first field) gives the first reason to them all;
    each error still gets it as its own reason."""
    from core.model import Finding
    from gui.reasons_dialog import ReasonsDialog

    errors = [Finding(f"T3-{n}", "error", ["section3.granted.natural"], f"错误{n}") for n in (1, 2, 3)]
    dialog = ReasonsDialog("某单位2023年（某.txt）", errors)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.fields[0], "tongyi")
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog.fields[0], Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.same_reason
    qtbot.keyClick(dialog.same_reason, Qt.Key.Key_Space)
    assert dialog.same_reason.isChecked() and dialog.ok_button.isEnabled()
    assert not dialog.fields[2].isEnabled()
    dialog.fields[0].setFocus()
    qtbot.keyClicks(dialog.fields[0], "2")  # the others follow the first
    assert [reason for _finding, reason in dialog.reasons()] == ["tongyi2"] * 3
    dialog.same_reason.setChecked(False)  # each its own again, the text kept to change
    assert dialog.fields[2].isEnabled() and dialog.fields[2].text() == "tongyi2"
    one = ReasonsDialog("某单位2023年（某.txt）", errors[:1])  # one error: no box
    qtbot.addWidget(one)
    assert one.same_reason is None


def test_alt_letters_in_a_reason_act_and_type_nothing(qtbot):
    """gui65: in the 标记为已审核 dialog, Alt+S (the box's key) and Alt+C typed 「s」 and 「c」 into
    the reason being written, and the buttons had no key of their own: the reason read 「重复s」,
    and the dialog was left by Tab and Tab. Alt+letters now act (Alt+R marks, Alt+C cancels, Alt+S
    ticks the box) and never type their letter."""
    from core.model import Finding
    from gui.reasons_dialog import ReasonsDialog

    errors = [Finding(f"T3-{n}", "error", ["section3.granted.natural"], f"错误{n}") for n in (1, 2)]
    dialog = ReasonsDialog("某单位2023年（某.txt）", errors)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    field = dialog.fields[0]
    qtbot.keyClicks(field, "chongfu")
    for letter in (Qt.Key.Key_S, Qt.Key.Key_Q, Qt.Key.Key_C):
        qtbot.keyClick(field, letter, Qt.KeyboardModifier.AltModifier)
    assert field.text() == "chongfu"
    qtbot.keyClicks(field, "le")  # typing goes on
    assert field.text() == "chongfule"
    # (the offscreen platform fires no mnemonic: they were pressed on the screen, Alt+S, R and C)
    assert "(&R)" in dialog.ok_button.text()
    assert dialog.buttons.button(dialog.buttons.StandardButton.Cancel).text() == "取消(&C)"


def test_withdrawing_a_verdict_on_a_reviewed_report_takes_the_mark_with_it(window, qtbot, store, monkeypatch):
    """qa31: an error confirmed, the report marked 已审核, then Del on the confirmation: the error
    was open again and the report still 已审核 (the 汇总 said 已审核 beside 未处理问题 1), where
    marking it asks a reason for every open error. The mark goes with the verdict, in one step:
    Ctrl+Z gives both back."""
    session = select_report(qtbot, window, PLANTED_CLEAN)
    panel = window.report_view.findings
    model = panel.model
    panel.view.setFocus()
    panel.view.setCurrentIndex(model.index(0, 0))
    monkeypatch.setattr(text_prompt, "ask_text", lambda *a, **k: ("请单位更正", True))
    for row in (1, 0):  # its two errors confirmed
        panel.view.setCurrentIndex(model.index(row, 0))
        qtbot.keyClick(panel.view, Qt.Key.Key_K, CTRL | SHIFT)
        qtbot.waitUntil(lambda: model.data(model.index(row, 4)) == "确认问题：请单位更正")
    assert session.open_errors() == []
    qtbot.keyClick(panel.view, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: session.review.reviewed)  # (no reasons asked: the error is handled)
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: not model.data(model.index(0, 4)))
    assert session.open_errors() and not session.review.reviewed
    assert not store.review_for(session.report).reviewed
    assert "已取消已审核标记" in status(window) and "T3" in status(window)
    assert dashboard_cell(window, session.report.file, STATUS) != "已审核"
    window.undo_action.trigger()  # one step: the verdict and the mark
    qtbot.waitUntil(lambda: session.review.reviewed)
    assert model.data(model.index(0, 4)) == "确认问题：请单位更正"
    assert store.review_for(session.report).reviewed


def test_an_edit_of_a_dismissed_findings_cell_opens_it_again_and_ctrl_z_brings_the_dismissal_back(
        window, qtbot, store):
    """A verdict stands for the values it was given on. 忽略 「原文如此」 on the planted 15, then 16
    typed into that cell: the finding (same rule and cells, another discrepancy now) is open again,
    in the list, the dashboard's counts and the database alike, and says why; Ctrl+Z gives the 15
    back and with it the dismissal."""
    session = select_report(qtbot, window, PLANTED)
    panel = window.report_view.findings
    named = [f for f in session.findings if PLANTED_CELL in f.cells]
    for finding in named:
        assert window.report_view.dismiss_finding(finding, "原文如此")
    rows = [row for row in range(panel.model.problem_count())
            if PLANTED_CELL in panel.model.data(panel.model.index(row, 0), FindingsModel.CellsRole)]
    assert rows and all(panel.model.index(row, 4).data() == "已忽略：原文如此" for row in rows)
    handled = dashboard_cell(window, session.report.file, HANDLED)
    assert handled == str(len(named))

    view = window.report_view.show_section("section3")
    type_into(qtbot, view, PLANTED_CELL, "16")
    assert "因单元格已修改而失效" in status(window)
    for row in rows:
        assert panel.model.index(row, 4).data() == "已忽略（已失效）"
        assert panel.model.index(row, 4).data(Qt.ItemDataRole.ToolTipRole) == \
            "审核意见（已忽略：原文如此）因单元格已修改而失效，请重新审核"
        assert panel.model.data(panel.model.index(row, 0), FindingsModel.VerdictRole) is None
    assert dashboard_cell(window, session.report.file, HANDLED) == "0"
    assert not panel.view.isColumnHidden(4)  # nothing handled, and still the column says why
    cell = window.report_view.models["section3"].index_of(PLANTED_CELL)
    assert "因单元格已修改而失效" in cell.data(Qt.ItemDataRole.ToolTipRole)
    stored = store.review_for(session.report)
    assert all(stored.verdict_of(f) is None for f in stored.findings() if PLANTED_CELL in f.cells)

    undo(qtbot, window)
    qtbot.waitUntil(lambda: session.review.value(PLANTED_CELL) == 15)
    assert "恢复有效" in status(window)
    assert all(panel.model.index(row, 4).data() == "已忽略：原文如此" for row in rows)
    assert dashboard_cell(window, session.report.file, HANDLED) == handled
    stored = store.review_for(session.report)
    assert all(stored.is_dismissed(f) for f in stored.findings() if PLANTED_CELL in f.cells)
