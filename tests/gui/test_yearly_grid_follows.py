"""qa18: 年度对照 follows the review while it is open. It showed the counts of the moment it
opened: a cell corrected in a report, its undo, a verdict or 已审核 (which can change which copy of
a year filed twice stands for it) left the grid's numbers behind the review's, with nothing to say
they were stale."""
from __future__ import annotations

import shutil

from gui.qt import Qt
from tests.gui.helpers import select_report, start_typing, window_on_folder
from tests.gui.test_compare_view import COMPARE, HUAIAN_2024

CTRL = Qt.KeyboardModifier.ControlModifier
AGENCY = "淮安市人民政府办公室"
REVISED = "淮安市人民政府办公室2024年报告（修订）.txt"
GRANTED = "section3.granted.natural"  # 表三「（一）予以公开」×「自然人」: 1288 in the first copy, 1289 in the second


def open_twice(qtbot, make_window, store, tmp_path, prose: str = "全年聚焦重点领域"):
    """The 淮安 pair with a second copy of 2024 reading 1289 where the first reads 1288 (its sums
    break), its 第一部分 saying ``prose`` where the first says 全年聚焦重点领域."""
    folder = tmp_path / "twice"
    shutil.copytree(COMPARE / "huaian", folder)
    revised = HUAIAN_2024.read_text(encoding="utf-8").replace("1288\t21", "1289\t21")
    assert revised.count("全年聚焦重点领域") == 1
    (folder / REVISED).write_text(revised.replace("全年聚焦重点领域", prose), encoding="utf-8")
    window = window_on_folder(qtbot, make_window, store, folder, 3)
    grid = window.show_yearly_grid()
    qtbot.addWidget(grid)
    qtbot.waitExposed(grid)
    return window, grid


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key in the report's table, the main window active (the grid beside it had the focus)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view = window.report_view.current_view()
    view.setFocus()
    qtbot.keyClick(view, key, modifier)


def ctrl_d_on(qtbot, window, name: str):
    """The comparison Ctrl+D opens on the dashboard's report named ``name`` (the main window
    active: the grid, open beside it, had the keyboard)."""
    select_report(qtbot, window, name)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    count = len(window.compare_windows)
    window.dashboard.view.setFocus()
    qtbot.keyClick(window.dashboard.view, Qt.Key.Key_D, CTRL)
    assert len(window.compare_windows) == count + 1
    compare = window.compare_windows[-1]
    qtbot.addWidget(compare)
    return compare


def test_the_grid_follows_an_edit_its_undo_and_redo_keeping_the_selection(make_window, store, tmp_path, qtbot):
    window, grid = open_twice(qtbot, make_window, store, tmp_path)
    model = grid.model
    cell = model.index_of(AGENCY, 2024)
    untouched = "错误0 警告0 存疑0\n2份，1处数据不同"
    assert model.data(cell) == untouched
    # the auditor's place in the grid: both years of the agency selected, the cursor on 2023
    # (not the view's setCurrentIndex: it selects as the modifiers Qt last saw say, and a Ctrl+key
    # of the test before left Ctrl "held": 2023, current already, was toggled off)
    flags = grid.view.selectionModel().SelectionFlag
    grid.view.selectionModel().setCurrentIndex(model.index_of(AGENCY, 2023), flags.ClearAndSelect)
    grid.view.selectionModel().select(cell, flags.Select)
    selected = sorted((i.row(), i.column()) for i in grid.view.selectedIndexes())
    assert len(selected) == 2
    # 1288 → 1289 typed in the first copy: its sums break (T3-1 and its total), and the two copies agree
    session = select_report(qtbot, window, "淮安市人民政府办公室2024年报告.txt")
    view = window.report_view.show_section("section3")
    editor, index = start_typing(qtbot, view, GRANTED, "1289")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: index.data() == "1289")
    errors, warnings, doubts, _handled = session.review.counts(session.findings)
    assert errors == 2 and (warnings, doubts) == (0, 0)  # the row total and 总计 no longer add up
    edited = "错误2 警告0 存疑0\n2份，数据相同"
    qtbot.waitUntil(lambda: model.data(cell) == edited)
    assert model.data(cell, Qt.ItemDataRole.ToolTipRole).splitlines()[0] == \
        "所示为第1份的计数（以有修改或处理意见的一份为准）："
    assert grid.view.currentIndex() == model.index_of(AGENCY, 2023)  # the grid kept its place
    assert sorted((i.row(), i.column()) for i in grid.view.selectedIndexes()) == selected
    # undone (Ctrl+Z in the report): as it was, the first copy still counted, untouched again
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: model.data(cell) == untouched)
    assert model.data(cell, Qt.ItemDataRole.ToolTipRole).splitlines()[0] == "所示为第1份的计数（均未处理，以第1份为准）："
    press(qtbot, window, Qt.Key.Key_Y, CTRL)
    qtbot.waitUntil(lambda: model.data(cell) == edited)
    assert sorted((i.row(), i.column()) for i in grid.view.selectedIndexes()) == selected


def compared(compare) -> tuple:
    """The 2024 side of a comparison as the auditor reads it: the copy, its caption, its 正文 and
    the status bar's line on the copies."""
    view = compare.view
    note = compare.copies_label.lines[0] if compare.copies_label is not None else ""  # (its fullest wording)
    return (view.comparison.current_source, view.captions["section3"]["current"].text(),
            view.reuse_texts["current"].toPlainText(), note)


def test_marking_the_other_copy_switches_the_grid_and_ctrl_d_to_it(make_window, store, tmp_path, qtbot):
    """已审核 on the second copy makes it the one that stands for 2024: the open grid shows its counts
    and says why at once; the comparison Ctrl+D opened on 2023 (with the first copy, then standing)
    shows the second now, its numbers, file and 正文, and says so, as a new Ctrl+D does; the mark
    taken back, the first again. The open comparison went on showing the first copy, saying 第1份
    stood, and its 正文 stayed the first copy's whatever changed."""
    window, grid = open_twice(qtbot, make_window, store, tmp_path, prose="全年按修订稿聚焦重点领域")
    model = grid.model
    cell = model.index_of(AGENCY, 2024)
    by_name = {r.report.file.rsplit("/", 1)[-1]: r for r in window.dashboard.model.reviews()}
    first, revised = by_name["淮安市人民政府办公室2024年报告.txt"], by_name[REVISED]
    assert model.data(cell, model.ReviewRole) is first
    grid.view.setCurrentIndex(cell)  # the status bar's note on the year follows too
    assert "所示为第1份" in grid.statusBar().currentMessage()
    opened = ctrl_d_on(qtbot, window, "2023年报告.txt")
    source, caption, prose, note = compared(opened)
    assert source is first and "淮安市人民政府办公室2024年报告.txt" in caption
    assert "全年聚焦重点领域" in prose and "修订稿" not in prose
    assert note.startswith("2024年有2份报告，比对的是第1份 淮安市人民政府办公室2024年报告.txt（均未处理，以第1份为准）")
    session = select_report(qtbot, window, REVISED)
    errors = session.review.counts(session.findings)[0]
    assert errors == 2  # its 1289 breaks the two sums
    window.report_view.show_section("section3")
    press(qtbot, window, Qt.Key.Key_Return, CTRL)  # 标记为已审核: a reason for each open error first
    dialog = window.report_view.reasons_dialog
    assert dialog is not None and len(dialog.fields) == 2
    qtbot.keyClicks(dialog.fields[0], "yuanjian")
    dialog.fields[1].setFocus()
    qtbot.keyClicks(dialog.fields[1], "xiuding")
    qtbot.keyClick(dialog.fields[1], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.review.reviewed)
    qtbot.waitUntil(lambda: model.data(cell, model.ReviewRole) is revised)
    assert model.data(cell) == "错误0 警告0 存疑0\n2份，1处数据不同"  # its two errors dismissed
    tip = model.data(cell, Qt.ItemDataRole.ToolTipRole).splitlines()
    assert tip[2] == f"第2份：{REVISED}（已审核，错误0 警告0 存疑0）"
    assert tip[0] == "所示为第2份的计数（以已审核的一份为准）："
    assert "所示为第2份" in grid.statusBar().currentMessage()
    # the comparison open on 2023 ↔ 2024 shows the copy that stands now
    qtbot.waitUntil(lambda: compared(opened)[0] is revised)
    source, caption, prose, note = compared(opened)
    assert REVISED in caption and "全年按修订稿聚焦重点领域" in prose
    assert note.startswith(f"2024年有2份报告，比对的是第2份 {REVISED}（以已审核的一份为准）")
    cell_1289 = opened.view.models["section3"]["current"].index_of(GRANTED)
    assert cell_1289.data() == "1289"
    # as a comparison opened now does
    compare = ctrl_d_on(qtbot, window, "2023年报告.txt")
    assert compared(compare) == compared(opened)
    compare.close()
    # the mark (and the dismissals with it, one step) taken back: the first copy stands again
    select_report(qtbot, window, REVISED)
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: model.data(cell, model.ReviewRole) is first)
    assert model.data(cell) == "错误0 警告0 存疑0\n2份，1处数据不同"
    qtbot.waitUntil(lambda: compared(opened)[0] is first)
    source, caption, prose, note = compared(opened)
    assert "全年聚焦重点领域" in prose and "修订稿" not in prose and REVISED not in caption
    assert note.startswith("2024年有2份报告，比对的是第1份")
    assert opened.view.models["section3"]["current"].index_of(GRANTED).data() == "1288"
    compare = ctrl_d_on(qtbot, window, "2023年报告.txt")
    assert compared(compare) == compared(opened)
    compare.close()
