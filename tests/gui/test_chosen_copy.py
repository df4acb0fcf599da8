"""gui19: 设为采用的副本 (Ctrl+Shift+U, the report list's context menu, 编辑 menu) chooses which copy of
a year filed twice stands for it, undoable and saved with the review; and every open comparison
follows the copy that stands, a grid's too, into another template version's layout. Before, only
Ctrl+D's comparison followed (and not across template versions), and the only way to make a copy
stand was to mark it 已审核."""
from __future__ import annotations

import shutil

from core.review.store import ReviewStore
from gui.qt import QMenu, Qt
from tests.gui.helpers import open_folder, select_report, window_on_folder
from tests.gui.test_compare_view import COMPARE
from tests.gui.test_yearly_grid_follows import AGENCY, GRANTED, REVISED, compared, open_twice

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
FIRST = "淮安市人民政府办公室2024年报告.txt"


def by_name(window) -> dict:
    return {r.report.file.rsplit("/", 1)[-1]: r for r in window.dashboard.model.reviews()}


def choose_by_key(qtbot, window, name: str) -> None:
    """Ctrl+Shift+U on the report ``name`` selected in the list."""
    select_report(qtbot, window, name)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.dashboard.view.setFocus()
    qtbot.keyClick(window.dashboard.view, Qt.Key.Key_U, CTRL_SHIFT)


def undo_key(qtbot, window, key=Qt.Key.Key_Z) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.dashboard.view.setFocus()
    qtbot.keyClick(window.dashboard.view, key, Qt.KeyboardModifier.ControlModifier)


def test_choosing_a_copy_switches_the_grid_and_a_comparison_opened_from_it_undo_redo_and_restart(
        make_window, store, db_path, tmp_path, qtbot):
    window, grid = open_twice(qtbot, make_window, store, tmp_path, prose="全年按修订稿聚焦重点领域")
    reviews = by_name(window)
    first, revised, before = reviews[FIRST], reviews[REVISED], reviews["淮安市人民政府办公室2023年报告.txt"]
    cell = grid.model.index_of(AGENCY, 2024)
    assert grid.model.data(cell, grid.model.ReviewRole) is first
    # the auditor compares 2023 with the first copy of 2024, picked in the grid
    with qtbot.waitSignal(grid.compareRequested):
        grid.compareRequested.emit(before, first)
    opened = window.compare_windows[-1]
    qtbot.addWidget(opened)
    source, caption, prose, note = compared(opened)
    assert source is first and FIRST in caption and "修订稿" not in prose
    assert note.startswith(f"2024年有2份报告，比对的是第1份 {FIRST}（均未处理，以第1份为准）")  # said now, as Ctrl+D's
    # the action is where the auditor looks: the list's context menu and the 编辑 menu
    assert window.choose_copy_action in window.dashboard_context_menu().actions()
    edit_menu = next(m for m in window.menuBar().findChildren(QMenu) if m.title() == "编辑(&E)")
    assert window.choose_copy_action in edit_menu.actions()
    # the revised copy on screen says which copy counts, and the key to make it this one
    select_report(qtbot, window, REVISED)
    heading = window.report_view.title  # a few words after the file's name, the sentence in its tooltip
    assert f"{REVISED}（2份之一，未采用）　（" in heading.text()
    assert heading.toolTip().splitlines()[1] == \
        f"2024年共2份报告，采用的是另一份 {FIRST}（均未处理，以第1份为准）；按 Ctrl+Shift+U 改用这一份"
    # Ctrl+Shift+U on the revised copy: it stands, though nobody worked on either
    choose_by_key(qtbot, window, REVISED)
    qtbot.waitUntil(lambda: revised.chosen)
    assert not first.chosen
    assert f"{REVISED}（2份之一，采用）" in heading.text()
    assert heading.toolTip().splitlines()[1] == "2024年共2份报告，年度对照、比对和汇总采用这一份（已设为采用的副本）"
    assert window.statusBar().currentMessage() == \
        f"已设为采用的副本：{REVISED}（{AGENCY}2024年共2份，其余不再计入）"
    qtbot.waitUntil(lambda: grid.model.data(cell, grid.model.ReviewRole) is revised)
    assert grid.model.data(cell, Qt.ItemDataRole.ToolTipRole).splitlines()[0] == "所示为第2份的计数（已设为采用的副本）："
    assert window.dashboard.model.review_at(0) is not None
    assert revised.previous_year is before  # the X- rules pair it
    qtbot.waitUntil(lambda: compared(opened)[0] is revised)
    source, caption, prose, note = compared(opened)
    assert REVISED in caption and "全年按修订稿聚焦重点领域" in prose
    assert note.startswith(f"2024年有2份报告，比对的是第2份 {REVISED}（已设为采用的副本）")
    assert opened.view.models["section3"]["current"].index_of(GRANTED).data() == "1289"
    # again on the same copy: nothing to do, and it says so
    choose_by_key(qtbot, window, REVISED)
    assert window.statusBar().currentMessage() == f"{REVISED} 已是{AGENCY}2024年采用的副本"
    # Ctrl+Z takes it back: the first copy stands again, everywhere; Ctrl+Y once more
    undo_key(qtbot, window)
    qtbot.waitUntil(lambda: not revised.chosen)
    assert f"{REVISED}（2份之一，未采用）" in heading.text()
    assert heading.toolTip().splitlines()[1].startswith(f"2024年共2份报告，采用的是另一份 {FIRST}")
    assert window.statusBar().currentMessage() == f"已撤销：设为采用的副本：{REVISED}"
    qtbot.waitUntil(lambda: grid.model.data(cell, grid.model.ReviewRole) is first)
    qtbot.waitUntil(lambda: compared(opened)[0] is first)
    assert opened.view.models["section3"]["current"].index_of(GRANTED).data() == "1288"
    assert first.previous_year is before and revised.previous_year is None
    undo_key(qtbot, window, Qt.Key.Key_Y)
    qtbot.waitUntil(lambda: revised.chosen)
    qtbot.waitUntil(lambda: compared(opened)[0] is revised)
    # saved with the review: a restarted program opens the folder with the revised copy standing
    for compare in list(window.compare_windows):
        compare.close()
    window.close()
    with ReviewStore(db_path) as reopened:
        again = window_on_folder(qtbot, make_window, reopened, tmp_path / "twice", 3)
        copies = by_name(again)
        assert copies[REVISED].chosen and not copies[FIRST].chosen
        assert copies[REVISED].previous_year is copies["淮安市人民政府办公室2023年报告.txt"]
        again.stop_loading()


def test_a_report_filed_once_has_no_copy_to_choose(make_window, store, tmp_path, qtbot):
    """Nor has one whose only other file is its twin (the same bytes: one report, one review)."""
    folder = tmp_path / "once"
    shutil.copytree(COMPARE / "huaian", folder)
    (folder / "again").mkdir()
    shutil.copy(folder / FIRST, folder / "again" / FIRST)
    window = window_on_folder(qtbot, make_window, store, folder, 3)
    choose_by_key(qtbot, window, "2023年报告.txt")
    assert window.statusBar().currentMessage() == \
        f"{AGENCY}2023年只有这一份报告（淮安市人民政府办公室2023年报告.txt），无需选择采用的副本"
    assert not window.report_view.session.undo_stack.canUndo()
    assert "份之一" not in window.report_view.title.text()
    select_report(qtbot, window, f"again/{FIRST}")
    assert window.report_view.twins_note.text() == f"与 {FIRST} 内容相同，共用一份审核记录和撤销历史"
    assert "份之一" not in window.report_view.title.text() and "\n" not in window.report_view.title.toolTip()


COUNTY = "某某县人民政府办公室"
COUNTY_2021 = "某某县人民政府办公室2021年报告.txt"
OLD_FORMAT = "某某县人民政府办公室2021年报告（旧版格式）.txt"  # 2021 filed again in the 2019 trial template


def test_a_comparison_follows_the_chosen_copy_into_the_other_template_version(make_window, store, tmp_path, qtbot):
    """某某县 2020 (2019 template) ↔ 2021 (2021 template), then the 2021 copy in the 2019 template
    chosen: the comparison draws both years in the 2019 layout (表三 26 rows each side, no row
    of the 2021 template left), on the tab the auditor was on; undone, the 2021 layout again."""
    folder = tmp_path / "county"
    shutil.copytree(COMPARE / "county", folder)
    old_format = (COMPARE / "county" / "某某县人民政府办公室2020年报告.txt").read_text(encoding="utf-8")
    (folder / OLD_FORMAT).write_text(old_format.replace("2020", "2021"), encoding="utf-8")
    window = window_on_folder(qtbot, make_window, store, folder, 3)
    reviews = by_name(window)
    before, current, old = reviews["某某县人民政府办公室2020年报告.txt"], reviews[COUNTY_2021], reviews[OLD_FORMAT]
    assert (before.report.template, current.report.template, old.report.template) == ("2019", "2021", "2019")
    assert current.previous_year is before  # the first copy stands
    select_report(qtbot, window, "某某县人民政府办公室2020年报告.txt")
    window.dashboard.view.setFocus()
    qtbot.keyClick(window.dashboard.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    opened = window.compare_windows[-1]
    qtbot.addWidget(opened)
    assert opened.view.comparison.current_source is current
    rows_2021 = opened.view.models["section3"]["current"].rowCount()
    rows_2019 = opened.view.models["section3"]["previous"].rowCount()
    assert rows_2021 != rows_2019
    opened.view.tabs.setCurrentIndex(2)  # 表四
    choose_by_key(qtbot, window, OLD_FORMAT)
    qtbot.waitUntil(lambda: opened.view.comparison.current_source is old)
    view = opened.view
    assert view.comparison.current.report.template == "2019"
    assert view.models["section3"]["current"].rowCount() == rows_2019  # the 2019 layout both sides
    assert view.tabs.currentIndex() == 2
    assert OLD_FORMAT in view.captions["section3"]["current"].text()
    assert view.sessions and view.sessions[1].review is old  # it follows the review still
    assert opened.copies_label.lines[0].startswith(f"2021年有2份报告，比对的是第2份 {OLD_FORMAT}（已设为采用的副本）")
    undo_key(qtbot, window)
    qtbot.waitUntil(lambda: opened.view.comparison.current_source is current)
    assert opened.view.models["section3"]["current"].rowCount() == rows_2021
    assert opened.copies_label.lines[0].startswith(f"2021年有2份报告，比对的是第1份 {COUNTY_2021}")


def test_a_choice_that_cannot_be_saved_changes_nothing_and_says_why(make_window, store, tmp_path, qtbot, monkeypatch):
    import sqlite3

    window, grid = open_twice(qtbot, make_window, store, tmp_path)
    reviews = by_name(window)
    first, revised = reviews[FIRST], reviews[REVISED]

    def locked(_marks):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(window.store, "set_chosen", locked)
    choose_by_key(qtbot, window, REVISED)
    assert window.statusBar().currentMessage().startswith("保存失败，修改未生效：审核数据库正被其他程序占用")
    assert not revised.chosen and not first.chosen
    assert not window.report_view.session.undo_stack.canUndo()  # no step to undo: nothing happened
    assert grid.model.data(grid.model.index_of(AGENCY, 2024), grid.model.ReviewRole) is first


def test_the_copies_words_leave_the_file_name_in_sight_at_1366(qtbot, store, settings, tmp_path):
    """The heading's few words on the copies follow the file's name, before its folder: at 1366 the
    name is whole (as test_layout's ..._file_name_is_in_sight_above_the_tables_at_1366 asks of a
    report filed once); put before the name, they pushed its end 52 px out of sight."""
    from gui.paths import samples_dir
    from tests.gui.test_layout import QTextDocument
    from tests.gui.test_layout import shown_window

    folder = tmp_path / "县区"
    folder.mkdir()
    name = "某某县人民政府办公室2023年政府信息公开工作年度报告.txt"
    text = sorted(samples_dir().glob("[0-9][0-9][0-9]_*.txt"))[0].read_text(encoding="utf-8")
    (folder / name).write_text(text, encoding="utf-8")
    (folder / "某某县人民政府办公室2023年政府信息公开工作年度报告（重新下载）.txt").write_text(text + "\n", encoding="utf-8")
    window = shown_window(qtbot, store, settings, 1366, 697)
    open_folder(qtbot, window, tmp_path)
    select_report(qtbot, window, name)
    title = window.report_view.title
    html = title.text()
    assert name + "（2份之一，采用）　（" in html
    shown = QTextDocument()  # the heading up to the name's end, as the label lays it out
    shown.setDocumentMargin(0)
    shown.setDefaultFont(title.font())
    shown.setHtml(html[:html.index(name) + len(name)])
    assert shown.idealWidth() <= title.contentsRect().width()
