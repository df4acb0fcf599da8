"""What an auditor's afternoon with the app met (ux69), driven through the real window: the keyboard
left in an emptied 问题清单 after the last 采用建议值; every agency cut to five characters beside
long converted file names."""
import shutil

import pytest

from gui import strings
from gui.paths import samples_dir
from gui.qt import QApplication, Qt
from tests.gui.helpers import PLANTED_CELL, PLANTED_CLEAN, SEED_000, plant_clean_error, select_report


def status(window) -> str:
    return window.statusBar().currentMessage()


@pytest.fixture
def planted_window(make_window, store, tmp_path, qtbot):
    """Seed 000 with one wrong cell (its only problem: 采用建议值 leaves none) beside seed 000 itself."""
    folder = tmp_path / "city"
    folder.mkdir()
    shutil.copy(samples_dir() / SEED_000, folder / SEED_000)
    text = (samples_dir() / SEED_000).read_text(encoding="utf-8")
    (folder / PLANTED_CLEAN).write_text(plant_clean_error(text), encoding="utf-8")
    window = make_window(store)
    window.activateWindow()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.loadFinished, timeout=60000):
        assert window.open_folder(folder)
    return window


@pytest.mark.parametrize("keys", ["Alt+A", "Ctrl+Shift+A"])
def test_last_suggestion_taken_in_the_findings_list_sends_the_keyboard_back_to_the_table(
        planted_window, qtbot, keys):
    """The auditor walks the 问题清单 with the keyboard and takes the report's last suggestion
    (Alt+A, the button's key, or Ctrl+Shift+A): the list empties and the keyboard stayed in it, so
    the next key (↓, F2, F8's neighbours) did nothing. It goes back to the table, on the corrected
    cell, and the status bar says so and what F8 does next."""
    window = planted_window
    session = select_report(qtbot, window, PLANTED_CLEAN)
    findings = window.report_view.findings
    findings.view.setFocus()
    qtbot.waitUntil(findings.view.hasFocus)
    findings.view.selectRow(0)
    assert findings.apply_button.isEnabled()
    modifiers = (Qt.KeyboardModifier.AltModifier if keys == "Alt+A"
                 else Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, modifiers)
    qtbot.waitUntil(lambda: session.review.value(PLANTED_CELL) == 0)
    table = window.report_view.current_view()
    qtbot.waitUntil(table.hasFocus)
    assert table.currentIndex().data(table.model().PathRole) == PLANTED_CELL
    said = status(window)
    assert said.startswith("已保存：") and "本报告的问题已全部处理，光标回到表格" in said and "F8" in said
    # the auditor's next key does what it says: F8 goes on to the other report with problems? none
    # here (seed 000 has none): it says so rather than nothing
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F8)
    assert status(window) == strings.NONE_HERE_NOR_LATER


def test_a_suggestion_taken_at_the_table_leaves_the_keyboard_there(planted_window, qtbot):
    """Taken at the cell (Ctrl+Shift+A in the table), the keyboard stays where it was and the
    status bar says only what was saved."""
    window = planted_window
    session = select_report(qtbot, window, PLANTED_CLEAN)
    table = window.report_view.current_view()
    table.setFocus()
    table.setCurrentIndex(table.model().index_of(PLANTED_CELL))
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: session.review.value(PLANTED_CELL) == 0)
    assert table.hasFocus()
    assert "光标回到表格" not in status(window)


def test_agencies_are_readable_beside_long_file_names_in_a_folder_of_several(store, settings, tmp_path, qtbot):
    """A folder of several agencies' reports under a converter's long names (q3401) at 1366, the
    list widened twice (Ctrl+]): 文件 took all the room its longest name wanted and every agency
    stayed at five characters (「顺河…理局」) with the list twice as wide. 单位 now has eight
    characters (「顺河回…管理局」), then three parts of four of the rest (文件 one), and the files
    still tell apart by their ends."""
    from gui.dashboard import AGENCY, FILE
    from tests.gui.test_layout import shown_cell, shown_window

    folder = tmp_path / "q3401"
    folder.mkdir()
    seeds = sorted(samples_dir().glob("[0-9][0-9][0-9]_*.txt"))
    names = []
    for number, seed in enumerate(seeds):
        name = f"r000{number}-pandoc-docx-markdown-utf-8-sig-{number}.txt"
        shutil.copy(seed, folder / name)
        names.append(name)
    window = shown_window(qtbot, store, settings, 1366, 697)
    with qtbot.waitSignal(window.loadFinished, timeout=60000):
        assert window.open_folder(folder)
    view = window.dashboard.view
    header = view.horizontalHeader()
    before = header.sectionSize(AGENCY)
    window.widen_list_action.trigger()
    window.widen_list_action.trigger()
    qtbot.waitUntil(lambda: header.sectionSize(AGENCY) > before)
    metrics = view.fontMetrics()
    assert header.sectionSize(AGENCY) >= metrics.horizontalAdvance("中" * 8) + 6
    row = next(r for r in range(len(names)) if view.model().index(r, AGENCY).data() == "顺河回族区政务服务和大数据管理局")
    # 「顺河…理局」 before; 「顺河回…管理局」 while 文件 took all the room past eight characters
    assert shown_cell(view, row, AGENCY) == "顺河回族区政务…和大数据管理局"
    shown = [shown_cell(view, r, FILE) for r in range(len(names))]
    assert len({text[-6:] for text in shown}) == len(names), shown  # each file's own end in sight


def test_ctrl_z_taken_in_another_table_shows_the_cell_it_changed_back(planted_window, qtbot):
    """The auditor took 采用建议值 in 表三, went on to 表四 (Ctrl+PgDn) and pressed Ctrl+Z: the
    status bar said 「已撤销：…表三…」 but 表四 stayed on screen, the cell changed back out of
    sight. Ctrl+Z (and Ctrl+Y) now shows 表三 with the cell selected, the keyboard still in the
    table for the next key."""
    window = planted_window
    session = select_report(qtbot, window, PLANTED_CLEAN)
    report_view = window.report_view
    table = report_view.current_view()
    table.setFocus()
    table.setCurrentIndex(table.model().index_of(PLANTED_CELL))
    qtbot.waitUntil(table.hasFocus)
    assert report_view.apply_suggestion()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    t4 = report_view.views["section4"]
    qtbot.waitUntil(lambda: report_view.current_view() is t4 and t4.hasFocus())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: session.review.value(PLANTED_CELL) == 3)
    shown = report_view.current_view()
    assert shown is report_view.views["section3"] and shown.hasFocus()
    assert shown.currentIndex().data(shown.model().PathRole) == PLANTED_CELL
    assert status(window).startswith("已撤销")
    # Ctrl+Y from 表二 alike
    report_view.show_section("section2")
    report_view.focus_table()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: session.review.value(PLANTED_CELL) == 0)
    assert report_view.current_view() is report_view.views["section3"]
    assert report_view.current_view().currentIndex().data(shown.model().PathRole) == PLANTED_CELL



def test_taking_a_suggestion_where_none_is_left_says_so(planted_window, qtbot):
    """ux70: Ctrl+Shift+A once the report's last suggestion was taken said 「该问题没有建议值」,
    naming a problem the emptied 问题清单 did not list; before one is chosen it says to choose one."""
    window = planted_window
    session = select_report(qtbot, window, PLANTED_CLEAN)
    table = window.report_view.current_view()
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))  # a label: no problem there, none chosen
    qtbot.waitUntil(table.hasFocus)
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    window.report_view.findings.view.selectionModel().clear()  # no entry of the 问题清单 chosen
    qtbot.keyClick(table, Qt.Key.Key_A, ctrl_shift)
    assert status(window) == strings.NO_SUGGESTION_CHOSEN
    table.setCurrentIndex(table.model().index_of(PLANTED_CELL))
    qtbot.keyClick(table, Qt.Key.Key_A, ctrl_shift)
    qtbot.waitUntil(lambda: session.review.value(PLANTED_CELL) == 0)
    qtbot.keyClick(table, Qt.Key.Key_A, ctrl_shift)
    assert status(window) == strings.NO_SUGGESTION_LEFT == "本报告没有待采用的建议值"
