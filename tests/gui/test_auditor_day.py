"""An auditor's day with the real window (qa21): what the keyboard met on a mixed folder of
corpus reports, zoo outputs and broken files, each driven through the real widgets."""
import shutil
from pathlib import Path

import pytest

from gui import compare_strings, strings
from gui.paths import samples_dir
from gui.qt import QApplication, Qt
from gui.table_models import TemplateTableModel
from tests.gui.helpers import SEED_000, open_folder, select_report

CTRL = Qt.KeyboardModifier.ControlModifier
COMPARE = Path(__file__).resolve().parents[1] / "fixtures" / "compare"
HUAIAN_2023 = COMPARE / "huaian" / "淮安市人民政府办公室2023年报告.txt"
HUAIAN_2024 = COMPARE / "huaian" / "淮安市人民政府办公室2024年报告.txt"


def status(window) -> str:
    return window.statusBar().currentMessage()


def test_f8_onto_an_unreadable_file_says_why_not_problem_1_of_0(make_window, store, tmp_path, qtbot):
    """F8 past a report's last problem onto a file no table was read from (an empty file, a
    binary) said 「已转到下一份有问题的报告 empty.txt：第 1 个问题，共 0 个」: a problem that is not
    there. It names the file and why it could not be read."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(samples_dir() / SEED_000, folder / SEED_000)  # no problem at all
    (folder / "zz-empty.txt").write_bytes(b"")
    window = make_window(store)
    qtbot.waitExposed(window)
    assert open_folder(qtbot, window, folder) == 2
    select_report(qtbot, window, SEED_000)
    table = window.report_view.current_view()
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F8)
    assert window.report_view.session.report.file.endswith("zz-empty.txt")
    message = status(window)
    assert "共 0 个" not in message
    assert message.startswith("已转到下一份有问题的报告 zz-empty.txt：无法读取（")
    assert "空" in message  # the reader's reason: 文件为空


def test_f8_onto_an_unreadable_file_leaves_the_keyboard_in_the_list(make_window, store, tmp_path, qtbot):
    """F8 onto a file no table was read from gave the keyboard to the hidden table: no panel was
    ringed, and ↓ or F8 did nothing until a click. The keyboard is in the report list, where ↓
    opens the next file (ux68)."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(samples_dir() / SEED_000, folder / SEED_000)  # no problem at all
    (folder / "zy-empty.txt").write_bytes(b"")
    (folder / "zz-broken.docx").write_bytes(b"PK\x03\x04 not a zip at all" * 50)
    window = make_window(store)
    qtbot.waitExposed(window)
    assert open_folder(qtbot, window, folder) == 3
    select_report(qtbot, window, SEED_000)
    table = window.report_view.current_view()
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F8)
    assert window.report_view.session.report.file.endswith("zy-empty.txt")
    assert not window.report_view.tabs.isVisible()  # its reason is shown, not a table
    list_view = window.dashboard.view
    qtbot.waitUntil(list_view.hasFocus)
    assert QApplication.focusWidget() is list_view and QApplication.focusWidget().isVisible()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: window.report_view.session.report.file.endswith("zz-broken.docx"))
    # F11 hides the list: the keyboard goes to the file's 原文, not the hidden table
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not window.dashboard.isVisible())
    assert QApplication.focusWidget() is window.report_view.source.editor


def test_ctrl_d_on_one_report_compares_the_nearest_year_when_the_next_one_is_missing(
        make_window, store, tmp_path, qtbot):
    """An agency's 2022 and 2024 reports, no 2023: Ctrl+D on 2024 alone said 「文件夹中没有…其他年度的
    报告」 though 2022 is listed (and 年度对照 only pairs neighbouring years; two rows far apart
    cannot be selected together by keyboard). It compares 2024 with 2022 and says so."""
    folder = tmp_path / "gap"
    folder.mkdir()
    shutil.copy(HUAIAN_2024, folder / HUAIAN_2024.name)
    text = HUAIAN_2023.read_text(encoding="utf-8").replace("2023", "2022")
    (folder / "淮安市人民政府办公室2022年报告.txt").write_text(text, encoding="utf-8")
    window = make_window(store)
    qtbot.waitExposed(window)
    assert open_folder(qtbot, window, folder) == 2
    session = select_report(qtbot, window, HUAIAN_2024.name)
    assert session.report.year == 2024
    window.dashboard.view.setFocus()
    before = len(window.compare_windows)
    qtbot.keyClick(window.dashboard.view, Qt.Key.Key_D, CTRL)
    assert len(window.compare_windows) == before + 1
    comparison = window.compare_windows[-1].view.comparison
    assert (comparison.previous.report.year, comparison.current.report.year) == (2022, 2024)
    assert status(window) == strings.COMPARE_NEAREST_YEAR.format(
        agency="淮安市人民政府办公室", year=2024, other=2022)
    assert status(window) != compare_strings.COMPARE_NO_OTHER_YEAR.format(agency="淮安市人民政府办公室")


ZOO = Path(__file__).resolve().parents[1] / "fixtures" / "zoo"


def window_on_zoo_docx(make_window, store, tmp_path, qtbot):
    """The window, shown and active, on a folder of one zoo .docx whose 采用建议值 clears both its
    errors and leaves a warning and a 存疑 entry; that report selected."""
    folder = tmp_path / "docx"
    folder.mkdir()
    shutil.copy(ZOO / "quirks1913-r0001-docx.docx", folder)
    window = make_window(store)
    window.activateWindow()
    qtbot.waitExposed(window)
    assert open_folder(qtbot, window, folder) == 1
    select_report(qtbot, window, "quirks1913-r0001-docx.docx")
    return window


def test_tab_into_the_findings_after_a_fix_highlights_an_entry(make_window, store, tmp_path, qtbot):
    """采用建议值 cleared the errors; the warning and the 存疑 entry stayed, none highlighted. Tab
    into the list showed nothing selected, ↓ went to the second entry (Qt had made the first one
    current without showing it) and Ctrl+Shift+I said 请先在问题清单中选择一个问题. The keyboard's
    arrival highlights the entry: ↓ then reaches the next one, and the verdict keys act on it."""
    window = window_on_zoo_docx(make_window, store, tmp_path, qtbot)
    view = window.report_view
    findings = view.findings
    table = view.current_view()
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: findings.model.rowCount() == 2)  # the two errors fixed at once
    assert not findings.view.selectionModel().hasSelection()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.waitUntil(findings.view.hasFocus)
    assert [i.row() for i in findings.view.selectionModel().selectedRows()] == [0]
    assert findings.current_finding() is not None and findings.current_finding().rule == "T2-3"
    qtbot.keyClick(findings.view, Qt.Key.Key_Down)
    assert findings.current_row() == 1  # the 存疑 entry, the second: not past it
    qtbot.keyClick(findings.view, Qt.Key.Key_Up)
    assert findings.current_finding().rule == "T2-3"


def test_work_on_a_re_saved_file_is_carried_over_from_the_edit_menu(make_window, store, report_folder, qtbot):
    """A corrected report re-saved by an editor (a line end added) has other bytes: the window
    said 「当时保存的 1 条修改…未应用」 and the auditor could only redo the work by hand. 编辑 →
    沿用以前的审核 applies it to the content now, as one undo step."""
    from gui.qt import QMenu
    from tests.gui.helpers import PLANTED, PLANTED_CELL

    window = make_window(store)
    window.activateWindow()
    qtbot.waitExposed(window)
    assert open_folder(qtbot, window, report_folder) == 6
    session = select_report(qtbot, window, PLANTED)
    model = window.report_view.show_section("section3").model()
    assert model.setData(model.index_of(PLANTED_CELL), "12")
    with open(report_folder / PLANTED, "ab") as f:
        f.write(b"\r\n")
    assert open_folder(qtbot, window, report_folder) == 6  # F5
    session = select_report(qtbot, window, PLANTED)
    assert session.review.value(PLANTED_CELL) == 15
    assert window.report_view.problems.isVisible()
    edit_menu = next(m for m in window.menuBar().findChildren(QMenu) if m.title() == "编辑(&E)")
    carry = next(a for a in edit_menu.actions() if a.text() == strings.ACTION_CARRY_EARLIER)
    assert carry is window.carry_action
    carry.trigger()
    assert session.review.value(PLANTED_CELL) == 12
    assert status(window) == strings.CARRIED.format(cells=1, verdicts=0)
    table = window.report_view.current_view()  # the cell set is the one shown, alone selected
    assert [i.data(TemplateTableModel.PathRole) for i in table.selectionModel().selectedIndexes()] == [PLANTED_CELL]
    assert not window.report_view.problems.isVisible()
    assert session.undo_stack.count() == 1  # one step
    window.undo_action.trigger()
    assert session.review.value(PLANTED_CELL) == 15
    carry.trigger()  # again: the earlier content's work is still there to carry
    assert session.review.value(PLANTED_CELL) == 12
    carry.trigger()  # the cell holds it now: nothing left, and no empty undo step
    assert status(window) == strings.CARRIED_NOTHING
    assert session.undo_stack.count() == 1


def test_carrying_on_a_file_never_worked_on_says_so(make_window, store, report_folder, qtbot):
    window = make_window(store)
    qtbot.waitExposed(window)
    assert open_folder(qtbot, window, report_folder) == 6
    session = select_report(qtbot, window, SEED_000)
    window.carry_action.trigger()
    assert status(window) == strings.CARRY_NONE_STORED
    assert session.undo_stack.count() == 0


@pytest.mark.qt_no_exception_capture
def test_an_unexpected_error_in_a_menu_action_is_shown_and_logged(make_window, store, tmp_path, qtbot):
    """The packaged window has no console: an exception in a slot was printed to nowhere and the
    key or menu item did nothing, with no word and no trace. The error is shown in Chinese, says
    the saved work is safe, and its traceback is logged beside the database."""
    import sys

    from gui import crash
    from gui.qt import QAction, QMessageBox

    window = make_window(store)
    qtbot.waitExposed(window)
    log = tmp_path / "data" / crash.LOG_NAME
    hook = sys.excepthook
    reporter = crash.install(log, lambda: window)
    try:
        broken = QAction("坏的操作", window)
        broken.triggered.connect(lambda: 1 / 0)
        broken.trigger()
        qtbot.waitUntil(lambda: reporter.box is not None and reporter.box.isVisible())
        box = reporter.box
        assert box.windowTitle() == strings.CRASH_TITLE
        assert "ZeroDivisionError: division by zero" in box.text() and str(log) in box.text()
        assert "已存入审核数据库" in box.text()
        broken.trigger()  # again while the box is up: logged, no second box
        assert reporter.box is box
        assert log.read_text(encoding="utf-8").count("ZeroDivisionError: division by zero") == 2
        assert [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()] == [box]
        box.close()
    finally:
        sys.excepthook = hook


def test_opening_another_folder_gives_an_open_yearly_grid_of_that_folder(make_window, store, tmp_path,
                                                                          report_folder, qtbot):
    """年度对照 open, Ctrl+O on another folder: the grid kept the last folder's agencies and years
    (淮安 2023 and 2024 over a folder of other agencies), and Enter on one compared reports no
    longer listed. It shows the folder now open."""
    from gui.yearly_grid import YearlyGridWindow

    huaian = tmp_path / "huaian"
    huaian.mkdir()
    shutil.copy(HUAIAN_2023, huaian)
    shutil.copy(HUAIAN_2024, huaian)
    window = make_window(store)
    qtbot.waitExposed(window)
    assert open_folder(qtbot, window, huaian) == 2
    grid = window.show_yearly_grid()
    assert grid.model.agencies == ["淮安市人民政府办公室"]
    assert open_folder(qtbot, window, report_folder) == 6  # Ctrl+O on another folder
    grids = [w for w in window.compare_windows if isinstance(w, YearlyGridWindow) and w.isVisible()]
    assert len(grids) == 1 and grids[0] is not grid
    assert "淮安市人民政府办公室" not in grids[0].model.agencies
    assert "鼓楼区人民政府" in grids[0].model.agencies
    review = grids[0].model.index_of("鼓楼区人民政府", 2021).data(grids[0].model.ReviewRole)
    assert review is not None and review in window.dashboard.model.reviews()


def test_a_second_window_on_the_same_database_is_asked_about(tmp_path, qtbot):
    """Started twice (the first window slow to show), two windows reviewed from one database:
    neither saw the other's edits and each exported its own. The second is warned, 退出 first."""
    import subprocess
    import sys

    from gui.app import lock_store, second_window_box
    from gui.qt import QMessageBox

    db = tmp_path / "reviews.sqlite3"
    first, alone = lock_store(db)
    assert alone
    second, alone = lock_store(db)
    assert not alone
    box = second_window_box()
    qtbot.addWidget(box)
    assert [b.text() for b in box.buttons()] == [strings.ALREADY_RUNNING_OPEN, strings.ALREADY_RUNNING_QUIT]
    assert box.defaultButton().text() == strings.ALREADY_RUNNING_QUIT
    box.open()
    qtbot.waitExposed(box)
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.buttonRole(box.clickedButton()) == QMessageBox.ButtonRole.RejectRole
    first.unlock()
    third, alone = lock_store(db)
    assert alone
    third.unlock()
    # a window killed (kill -9, a power cut) leaves its lock: the next start takes it over
    code = ("import os, sys; from PySide6.QtCore import QLockFile; "
            "lock = QLockFile(sys.argv[1]); lock.setStaleLockTime(0); assert lock.tryLock(0); os._exit(0)")
    subprocess.run([sys.executable, "-c", code, str(db) + ".lock"], check=True)
    assert (tmp_path / "reviews.sqlite3.lock").exists()
    fourth, alone = lock_store(db)
    assert alone
    fourth.unlock()


def test_ctrl_c_in_the_findings_copies_the_entry_not_its_first_cell(make_window, store, tmp_path, qtbot):
    """Ctrl+C on a finding, to paste it into the letter to the agency, copied 「错误」 (Qt's copy of
    the current cell, the first column). It copies the entry: 级别, 规则, 说明 and 建议."""
    window = window_on_zoo_docx(make_window, store, tmp_path, qtbot)
    findings = window.report_view.findings
    findings.view.setFocus()
    qtbot.waitUntil(findings.view.hasFocus)
    finding = findings.current_finding()
    assert finding is not None and finding.rule == "T3-2"
    QApplication.clipboard().setText("")
    qtbot.keyClick(findings.view, Qt.Key.Key_C, CTRL)
    copied = QApplication.clipboard().text()
    level, rule, message, suggestion = copied.split("\t")
    assert (level, rule) == ("错误", "T3-2")
    assert message == finding.message.replace("\n", " ")
    assert suggestion.endswith("改为 0")


def test_typing_a_slash_in_a_cell_leaves_it_blank(make_window, store, report_folder, qtbot):
    """The tables show 「/」 where a report prints it; typed over a misread number (as the auditor
    reads it in the report), it said 「请输入不小于0的整数，已保留原值」. It leaves the cell blank."""
    from tests.gui.helpers import PLANTED, PLANTED_CELL, start_typing

    window = make_window(store)
    window.activateWindow()
    qtbot.waitExposed(window)
    assert open_folder(qtbot, window, report_folder) == 6
    session = select_report(qtbot, window, PLANTED)
    view = window.report_view.show_section("section3")
    editor, _index = start_typing(qtbot, view, PLANTED_CELL, "/")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.review.is_corrected(PLANTED_CELL))
    assert session.review.value(PLANTED_CELL) is None
    assert "请输入" not in status(window)
