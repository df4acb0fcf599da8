"""The window on the screens auditors have: 1920×1080 and 1366×768 (the client area of a
maximized window under Windows' title bar and taskbar: 1920×1009, 1366×697)."""
from __future__ import annotations

import os
from pathlib import PurePath

import pytest

from gui.main_window import MainWindow
from gui.qt import QApplication, Qt, QtGui

QTextDocument = QtGui.QTextDocument
from tests.gui.helpers import PLANTED, open_folder, select_report


def shown_window(qtbot, store, settings, width: int, height: int) -> MainWindow:
    """A new window shown at a size, as a start there would show it."""
    window = MainWindow(store, settings)
    qtbot.addWidget(window)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    return window


def planted_open(qtbot, store, settings, report_folder, size) -> MainWindow:
    """A new window at ``size`` with the planted report open, the window active (keys reach it)."""
    window = shown_window(qtbot, store, settings, *size)
    open_folder(qtbot, window, report_folder)
    select_report(qtbot, window, PLANTED)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QApplication.processEvents()
    return window


@pytest.fixture
def start(qtbot, store, settings, report_folder):
    """Start the window at a size (as a first start there would) with the planted report open."""
    def start(width: int, height: int) -> MainWindow:
        window = shown_window(qtbot, store, settings, width, height)
        open_folder(qtbot, window, report_folder)
        select_report(qtbot, window, PLANTED)
        window.report_view.show_section("section3")
        QApplication.processEvents()
        return window
    return start


def t3_shows(window) -> tuple[bool, bool]:
    """(every column, every row) of 表三 visible without scrolling."""
    view = window.report_view.views["section3"]
    viewport = view.viewport()
    return (viewport.width() >= view.horizontalHeader().length(),
            viewport.height() >= view.verticalHeader().length())


def test_1920_shows_all_of_t3_beside_the_list(start):
    window = start(1920, 1009)
    assert window.dashboard.isVisible() and window.dashboard.width() >= 500
    assert t3_shows(window) == (True, True)
    assert window.report_view.side_by_side  # 问题清单 and 原文 beside the tables
    assert window.report_view.findings.width() >= 400


def test_1366_shows_every_column_and_the_focus_mode_every_row(start, qtbot):
    window = start(1366, 697)
    assert window.dashboard.isVisible() and window.dashboard.width() >= 300
    assert t3_shows(window)[0]
    window.report_view.current_view().setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F11)
    assert not window.dashboard.isVisible() and window.focus_mode_action.isChecked()
    QApplication.processEvents()
    assert t3_shows(window) == (True, True)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F11)
    assert window.dashboard.isVisible()


def test_a_long_caption_never_moves_the_splitters(start):
    window = start(1366, 697)
    before = (window.splitter.sizes(), window.report_view.splitter.sizes(),
              window.report_view.bottom.sizes())
    window.report_view.source.show_cell("表三「" + "很长的行名" * 60 + "」", None)
    window.report_view.findings.summary.setText("问题清单　" + "说明" * 300)
    QApplication.processEvents()
    assert (window.splitter.sizes(), window.report_view.splitter.sizes(),
            window.report_view.bottom.sizes()) == before


def test_the_agency_column_elides_in_the_middle(start):
    """单位 and the other columns are cut in the middle (names differ at both ends); 文件 has its
    own cut, keeping the name's end (test_main_window: ..._keeps_the_names_ends_...)."""
    window = start(1366, 697)
    assert window.dashboard.view.textElideMode() == Qt.TextElideMode.ElideMiddle


@pytest.mark.parametrize("size", [(1366, 697), (1920, 1009)])
def test_a_verdict_leaves_the_explanation_readable(start, size):
    """The 审核意见 column a first verdict shows takes its room from 建议, not from 说明:
    at 1366 the fixed widths of the two once squeezed 说明 to one character a line, and then
    to 16 characters (an entry of 40 in three lines and more) beside a 原文 as wide as the list."""
    from core.review.edits import CONFIRMED
    from gui.qt import QFontMetrics

    window = start(*size)
    session = window.report_view.session
    assert session.give_verdict(session.findings[0], CONFIRMED, "请单位核实")
    QApplication.processEvents()
    view = window.report_view.findings.view
    assert not view.isColumnHidden(4)  # 审核意见 shown
    explanation = view.columnWidth(2)
    assert explanation >= view.viewport().width() * 0.5
    assert explanation >= 20 * QFontMetrics(view.font()).horizontalAdvance("中")  # a line of 20
    assert window.report_view.source.width() >= 300  # 原文 still shows a printed row
    assert view.columnWidth(3) >= 60 and view.columnWidth(4) >= 60  # 建议, 审核意见 still there
    assert view.rowHeight(0) <= view.viewport().height() // 2  # the entry stays a few lines
    summary = window.report_view.findings.summary
    assert "已处理 1" in summary.toolTip()
    # the whole line in sight beside 采用建议值 (it was cut at 已处理, the count just changed)
    line = _laid_out_as(summary)
    line.setHtml(summary.text())
    assert "已处理 1" in line.toPlainText() and line.idealWidth() <= summary.contentsRect().width()


def test_only_a_drag_in_the_header_sets_a_wanted_column_width(start, qtbot):
    """A press whose release went elsewhere (a click that opened another window) leaves Qt's
    button state "pressed": the widths the list gives itself then must not count as dragged."""
    from core.review.edits import CONFIRMED
    from gui.qt import QPoint, QWidget

    elsewhere = QWidget()
    qtbot.addWidget(elsewhere)
    elsewhere.show()
    qtbot.mousePress(elsewhere, Qt.MouseButton.LeftButton)  # never released
    window = start(1366, 697)
    session = window.report_view.session
    assert session.give_verdict(session.findings[0], CONFIRMED, "请单位核实")
    QApplication.processEvents()
    view = window.report_view.findings.view
    assert view.columnWidth(2) >= view.viewport().width() * 0.4
    assert view.columnWidth(4) >= 60  # 审核意见 was not "remembered" at the width it was hidden at
    # a real drag: pressed in the header, resized, released
    header = view.horizontalHeader()
    before = view.columnWidth(3)
    qtbot.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(header.sectionPosition(4), 5))
    header.resizeSection(3, before + 30)
    qtbot.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(header.sectionPosition(4), 5))
    view.fit_side_columns()  # as the next report does: the dragged width counted
    # widened as shown (shrunk at 1366), it stays wider: taken as the width wanted before
    # shrinking, it came back narrower than before the drag
    assert view.columnWidth(3) > before
    assert view.columnWidth(2) >= view.viewport().width() * 0.4  # 说明 still keeps its room
    qtbot.mouseRelease(elsewhere, Qt.MouseButton.LeftButton)  # leave no pressed state behind



def shown_cell(view, row: int, column: int) -> str:
    """A cell's text as painted: what the style draws of what the delegate hands it."""
    from gui.qt import QStyleOptionViewItem
    index = view.model().index(row, column)
    option = QStyleOptionViewItem()
    option.initFrom(view.viewport())
    option.widget = view
    option.rect = view.visualRect(index)
    (view.itemDelegateForColumn(column) or view.itemDelegate()).initStyleOption(option, index)
    return option.fontMetrics.elidedText(option.text, option.textElideMode, option.rect.width() - 6)


@pytest.mark.parametrize("size", [(1366, 697), (1920, 1009)])
def test_the_list_shows_file_status_and_problem_without_scrolling(qtbot, store, settings, tmp_path, size):
    """At 1366 the 问题 column began just past the list's edge (文件 took the room), at 1920 too:
    a report that could not be read looked like the others until the list was scrolled."""
    from gui.dashboard import AGENCY, FILE, PROBLEMS, STATUS
    from gui.paths import samples_dir
    sample = sorted(samples_dir().glob("[0-9][0-9][0-9]_*.txt"))[0]
    folder = tmp_path / "reports" / "2023年"
    folder.mkdir(parents=True)
    long_name = folder / "郑州市金水区人民政府办公室2023年政府信息公开工作年度报告.txt"
    long_name.write_bytes(sample.read_bytes())
    (folder / "某某县人民政府2023年政府信息公开工作年度报告（空白）.txt").write_bytes(b"")
    window = MainWindow(store, settings)  # a first start at that size
    qtbot.addWidget(window)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    assert open_folder(qtbot, window, folder.parent) == 2
    view = window.dashboard.view
    QApplication.processEvents()
    assert not view.horizontalScrollBar().isVisible()
    assert view.horizontalHeader().length() <= view.viewport().width()
    model = window.dashboard.model
    read, empty = model.row_of(str(long_name)), 1 - model.row_of(str(long_name))
    assert shown_cell(view, read, FILE).endswith("报告.txt")  # the names' ends
    assert shown_cell(view, empty, FILE).endswith("）.txt")
    assert shown_cell(view, empty, STATUS) == "无法读取"  # as Excel says, in full
    assert shown_cell(view, empty, PROBLEMS) == "空文件"  # 文件为空's label, whole
    assert model.data(model.index(read, FILE), Qt.ItemDataRole.ToolTipRole) == str(long_name)
    agency = model.data(model.index(read, AGENCY))
    assert agency and model.data(model.index(read, AGENCY), Qt.ItemDataRole.ToolTipRole) \
        == f"{agency}\n{long_name}"  # the agency's name in full too
    select_report(qtbot, window, long_name.name)  # (the empty file shows no tables)
    assert t3_shows(window)[0]  # still beside every column of 表三


@pytest.mark.parametrize("size", [(1366, 697), (1920, 1009)])
def test_every_status_of_an_unreadable_file_shows_whole_in_the_list(qtbot, store, settings, tmp_path, size):
    """Marked 已审核, a file that could not be read said 无法读取（已审核） in a column sized for
    无法读取: the list showed 「无…）」 at 1920 and cut it at 1366 too. The status is as short as
    无法读取 with the mark, the same text in the list, above the tables and in Excel."""
    from gui.dashboard import STATUS
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "会议通知.txt").write_text("会议通知：请各科室于周五下午三点到三楼会议室开会。\n", encoding="utf-8")
    window = MainWindow(store, settings)
    qtbot.addWidget(window)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    assert open_folder(qtbot, window, folder) == 1
    view = window.dashboard.view
    assert window.dashboard.select_row(0)
    qtbot.waitUntil(lambda: window.report_view.session is not None)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # 标记为已审核
    review = window.report_view.session.review
    assert review.reviewed
    QApplication.processEvents()
    shown = shown_cell(view, 0, STATUS)
    assert shown == review.status_text == "无法读取✓"
    assert f"状态：{shown}" in window.report_view.title.text()


@pytest.mark.parametrize("size", [(1366, 697), (1920, 1009)])
def test_the_splitters_move_from_the_keyboard_and_the_list_keeps_its_width(qtbot, store, settings, report_folder,
                                                                           size):
    """Only a mouse could move the splitters. Ctrl+] / Ctrl+[ widen / narrow the report list,
    Alt+] / Alt+[ give the 问题清单 and 原文 more / less room (below the tables at 1366, beside
    them at 1920), 恢复默认布局 lays them out as a first start does; the list's width set from
    the keyboard is there at the next start, as a drag's is."""
    ctrl, alt = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
    window = planted_open(qtbot, store, settings, report_folder, size)
    list_width, panels = window.dashboard.width(), window.report_view.bottom
    table = window.report_view.current_view()
    table.setFocus()
    assert window.report_view.side_by_side == (size[0] == 1920)
    length = (lambda: panels.width()) if window.report_view.side_by_side else (lambda: panels.height())
    room = length()
    qtbot.keyClick(table, Qt.Key.Key_BracketRight, alt)
    assert length() >= room + 20
    qtbot.keyClick(table, Qt.Key.Key_BracketLeft, alt)
    qtbot.keyClick(table, Qt.Key.Key_BracketLeft, alt)
    assert length() <= room - 20
    qtbot.keyClick(table, Qt.Key.Key_BracketRight, ctrl)
    qtbot.keyClick(table, Qt.Key.Key_BracketRight, ctrl)
    wider = window.dashboard.width()
    assert wider >= list_width + 2 * 40
    qtbot.keyClick(table, Qt.Key.Key_BracketLeft, ctrl)
    assert list_width < window.dashboard.width() < wider
    for _ in range(40):  # held down: the tables and the list keep their least room, none vanishes
        qtbot.keyClick(table, Qt.Key.Key_BracketRight, alt)
        qtbot.keyClick(table, Qt.Key.Key_BracketLeft, ctrl)
    assert window.dashboard.width() > 0 and table.isVisible() and table.height() > 0 and table.width() > 0

    window.reset_layout_action.trigger()
    QApplication.processEvents()
    assert window.dashboard.width() == list_width
    qtbot.keyClick(table, Qt.Key.Key_BracketRight, ctrl)
    moved = window.splitter.sizes()
    assert moved[0] > list_width
    window.close()
    again = shown_window(qtbot, store, settings, *size)
    QApplication.processEvents()
    assert again.splitter.sizes() == moved


def test_sizes_kept_on_a_1366_screen_never_stack_the_report_on_a_1920_one(qtbot, store, settings, monkeypatch):
    """An auditor widened the list on a 1366 screen; those sizes, restored on a 1920 screen, left
    the report too narrow for the panels beside the tables (the stacked layout). Sizes are kept
    per screen size: a 1920 screen gets its wide layout, the 1366 one the sizes left there."""
    from gui.qt import QSize

    def run(screen: QSize, width: int, height: int, drag=None) -> tuple[list[int], bool]:
        monkeypatch.setattr(MainWindow, "screen_size", lambda self: screen)
        window = shown_window(qtbot, store, settings, width, height)
        QApplication.processEvents()
        if drag:
            window.splitter.setSizes(drag)
            QApplication.processEvents()
        shown = window.splitter.sizes(), window.report_view.side_by_side
        window.close()
        return shown

    first_1920 = run(QSize(1920, 1080), 1920, 1009)
    assert first_1920[1]  # 问题清单 and 原文 beside the tables
    dragged = run(QSize(1366, 768), 1366, 697, drag=[700, 660])
    assert not dragged[1] and dragged[0][0] >= 650  # the list widened, 问题清单 below the tables
    assert run(QSize(1920, 1080), 1920, 1009) == first_1920  # its own layout, not 1366's
    assert run(QSize(1366, 768), 1366, 697)[0] == dragged[0]  # the auditor's sizes, kept there


@pytest.mark.parametrize("size", [(1366, 697), (1920, 1009)])
def test_the_panels_room_given_from_the_keyboard_is_there_at_the_next_start(qtbot, store, settings, report_folder,
                                                                            size):
    """The 问题清单 and 原文 given more room (Alt+]) came back at their default room at every start:
    an auditor who wants more of the text beside the tables had to give it again each morning.
    Their room is kept per layout (below the tables at 1366, beside them at 1920) until
    恢复默认布局, which a start also keeps."""
    def start() -> tuple[MainWindow, int]:
        window = planted_open(qtbot, store, settings, report_folder, size)
        panels = window.report_view.bottom
        assert window.report_view.side_by_side == (size[0] == 1920)
        return window, panels.width() if window.report_view.side_by_side else panels.height()

    window, default = start()
    table = window.report_view.current_view()
    table.setFocus()
    for _ in range(3):
        qtbot.keyClick(table, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.AltModifier)
    QApplication.processEvents()
    window.close()
    window, kept = start()
    assert kept >= default + 3 * 20  # three steps of at least 20 pixels each, still there
    window.reset_layout_action.trigger()
    QApplication.processEvents()
    window.close()
    assert start()[1] == default


def test_1366_gives_the_file_and_agency_columns_room_to_be_read(start):
    """At 1366 the list is ~470 px wide: 文件 showed ~70 px (「0-…21.txt」) and 单位 was cut to
    「鼓…府」 while the counts' columns kept room for margins they do not use. The numbers and
    statuses take what their headings and values need; the names take the rest, cut in the middle
    (full path and agency in the tooltip)."""
    from gui.dashboard import AGENCY, FILE, YEAR, PROBLEMS
    window = start(1366, 697)
    dashboard = window.dashboard
    header = dashboard.view.horizontalHeader()
    metrics = dashboard.view.fontMetrics()
    char = metrics.horizontalAdvance("中")
    assert header.sectionSize(FILE) >= char * 11 // 2  # was ~5 characters
    assert header.sectionSize(AGENCY) >= char * 11 // 2  # was under 5
    # each heading from 年度 to 问题 still whole
    model = dashboard.view.model()
    for column in range(YEAR, PROBLEMS):
        title = model.headerData(column, Qt.Orientation.Horizontal)
        assert header.sectionSize(column) >= metrics.horizontalAdvance(title) + 4, title
    # what is cut is said in full in the tooltip: the agency and the file's whole path
    tip = model.index(0, AGENCY).data(Qt.ItemDataRole.ToolTipRole)
    assert str(report_folder_file(window, 0)) in tip


def report_folder_file(window, row: int) -> str:
    proxy = window.dashboard.view.model()
    return window.dashboard.model.review_at(proxy.mapToSource(proxy.index(row, 0)).row()).report.file


def test_1366_gives_the_file_column_what_the_agency_can_spare(start):
    """At 1366 文件 and 单位 shared their room evenly (79 and 78 px): a path showed its last five
    characters (「…年报告.txt」) while 单位 had room beyond 「鼓楼…政府」, two characters of the
    agency's place and two of its kind. 单位 keeps that; 文件 takes the rest."""
    from gui.dashboard import AGENCY, FILE
    window = start(1366, 697)
    header = window.dashboard.view.horizontalHeader()
    metrics = window.dashboard.view.fontMetrics()
    assert header.sectionSize(AGENCY) >= metrics.horizontalAdvance("鼓楼…政府") + 6  # Qt's 3 px a side
    assert header.sectionSize(FILE) - header.sectionSize(AGENCY) >= metrics.horizontalAdvance("中")


def _report_in_a_deep_folder(qtbot, store, settings, tmp_path, last: str, name: str):
    """A sample report as `name` in a county's folder three deep under a long batch name, open in
    a 1366 window: the window and the folder."""
    import shutil
    from gui.paths import samples_dir
    folder = tmp_path / "2020至2024年度政府信息公开工作年度报告（各区县人民政府及市直部门）" / "第一批报送材料" / last
    folder.mkdir(parents=True)
    shutil.copy(sorted(samples_dir().glob("[0-9][0-9][0-9]_*.txt"))[0], folder / name)
    window = shown_window(qtbot, store, settings, 1366, 697)
    open_folder(qtbot, window, tmp_path)
    select_report(qtbot, window, name)
    return window, folder


def _laid_out_as(label) -> QTextDocument:
    """A text document laying out rich text as `label` does (its font, no margin)."""
    shown = QTextDocument()
    shown.setDocumentMargin(0)
    shown.setDefaultFont(label.font())
    return shown


def test_the_open_report_s_file_name_is_in_sight_above_the_tables_at_1366(qtbot, store, settings, tmp_path):
    """Above the tables the open report's whole path followed its heading, cut at the right edge:
    in a folder such as …/2020至2024年度…（各区县人民政府及市直部门）/第一批报送材料/县区 the file's
    name was never in sight (the list's 文件 shows only its end), so which file was open could
    be told only by hovering. The name comes first, then its folder."""
    name = "某某县人民政府办公室2023年政府信息公开工作年度报告.txt"
    window, folder = _report_in_a_deep_folder(qtbot, store, settings, tmp_path, "县区", name)
    title = window.report_view.title
    html = title.text()
    shown = _laid_out_as(title)  # the heading up to the name's end
    shown.setHtml(html[:html.index(name) + len(name)])
    assert shown.idealWidth() <= title.contentsRect().width()
    assert "县区" in html and title.toolTip() == str(folder / name)  # the folder after it, all in the tooltip


def test_a_long_folder_above_the_tables_is_elided_in_its_middle_at_1366(qtbot, store, settings, tmp_path):
    """At 1366 the folder after the open report's name was cut mid-name at the right edge with no
    mark: 「（…/第一批报送材料/县」 read like another folder, and the subfolder telling one batch or
    county from another was lost. It is elided in its middle: its start, 「…」, its end, whole
    within the line; the tooltip holds the whole path. A folder that fits is shown whole."""
    name = "某某县2023年报.txt"
    window, folder = _report_in_a_deep_folder(qtbot, store, settings, tmp_path, "各县区人民政府办公室", name)
    title = window.report_view.title
    html = title.text()
    shown = _laid_out_as(title)  # the whole line
    shown.setHtml(html)
    assert shown.idealWidth() <= title.contentsRect().width()
    assert f"（{str(tmp_path)[:8]}" in html and "…" in html and "报送材料" + os.sep + "各县区人民政府办公室）" in html
    assert title.toolTip() == str(folder / name)
    title.set_parts("某单位　2023年", name, str(tmp_path))  # a folder that fits: whole
    assert f"（{tmp_path}）" in title.text() and "…" not in title.text()


def _under_headings(view, index) -> bool:
    """Whether any of the cell lies under the headings kept at the top of the view (or above
    the viewport)."""
    return view.visualRect(index).top() < view.headings_height()


def test_1366_keeps_t3s_headings_in_sight_over_its_last_row(start, qtbot):
    """At 1366 表三 scrolls: on its last row the auditor still reads 申请人情况, 自然人 … 总计
    above the numbers (they scrolled out of sight), and no cell the cursor goes to is hidden
    under them, row by row back up to 一、本年新收."""
    window = start(1366, 697)
    view = window.report_view.views["section3"]
    model = view.model()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    current = view.currentIndex()
    assert current.row() == model.rowCount() - 1  # 四、结转下年度继续办理
    assert view.verticalScrollBar().value() > 0  # the body did scroll
    headings = view.headings
    assert headings.isVisible() and headings.rows == 3
    natural = model.index(1, 3)
    assert natural.data() == "自然人"
    # 自然人 is drawn at the top of the viewport, by the headings (on top of the body there)
    place = headings.visualRect(natural)
    assert headings.viewport().rect().contains(place)
    centre = headings.viewport().mapTo(view, place.center())
    assert view.viewport().geometry().contains(centre)
    assert view.childAt(centre) is headings.viewport()
    assert headings.visualRect(natural).left() == view.visualRect(natural).left()  # same columns
    # the current cell is in sight, below the headings
    cell = view.visualRect(current)
    assert cell.top() >= headings.height() and cell.bottom() <= view.viewport().height()
    first_body_row = 3  # 一、本年新收
    while view.currentIndex().row() > first_body_row:
        qtbot.keyClick(view, Qt.Key.Key_Up)
        assert not _under_headings(view, view.currentIndex()), view.currentIndex().row()
        assert view.visualRect(view.currentIndex()).bottom() <= view.viewport().height()
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert not _under_headings(view, view.currentIndex())
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert not _under_headings(view, view.currentIndex())


def test_a_search_result_low_in_t3_shows_under_the_headings(start):
    window = start(1366, 697)
    report_view = window.report_view
    report_view.select_cells(["section3.total.total"], "section3.total.total")
    QApplication.processEvents()
    view = report_view.views["section3"]
    current = view.currentIndex()
    assert current.data(view.model().PathRole) == "section3.total.total"
    assert view.verticalScrollBar().value() > 0
    assert not _under_headings(view, current)
    assert view.headings.isVisible() and view.headings.height() > 0


def test_only_tables_with_one_block_of_headings_keep_them_in_sight():
    """表三 and 表四 start with three rows of column headings; 表二 has headings in each of its
    blocks, none of which holds for the whole table."""
    from gui.report_view import heading_rows
    from gui.template_layout import grid_for

    for version in ("2019", "2021"):
        assert heading_rows(grid_for(version, "section3")) == 3
        assert heading_rows(grid_for(version, "section4")) == 3
        assert heading_rows(grid_for(version, "section2")) == 0


def test_in_a_short_table_the_cursor_never_goes_under_the_headings(qtbot):
    """A table a few rows high (the 问题清单 dragged up): Up from the last row to 一、本年新收,
    then Page Up and Down, each cell the cursor reaches shows below the headings."""
    from gui.report_view import TemplateTableView
    from gui.table_models import MODELS

    view = TemplateTableView(MODELS["section3"](None))
    qtbot.addWidget(view)
    view.keep_headings_in_view()
    view.resize(view.natural_width(), 220)
    view.show()
    qtbot.waitExposed(view)
    model = view.model()
    view.setCurrentIndex(model.index(model.rowCount() - 1, model.columnCount() - 1))
    QApplication.processEvents()
    assert view.verticalScrollBar().value() > 0
    moved = []
    while view.currentIndex().row() > 3:  # 一、本年新收
        qtbot.keyClick(view, Qt.Key.Key_Up)
        assert not _under_headings(view, view.currentIndex()), view.currentIndex().row()
        assert view.visualRect(view.currentIndex()).bottom() <= view.viewport().height()
        moved.append(view.verticalScrollBar().value())
    assert moved[-1] == 0  # back at the top: the headings over their own rows
    for key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
        qtbot.keyClick(view, key)
        assert not _under_headings(view, view.currentIndex())


def test_the_headings_follow_the_tables_columns_and_horizontal_scroll(qtbot):
    from gui.report_view import TemplateTableView
    from gui.table_models import MODELS

    view = TemplateTableView(MODELS["section3"](None))
    qtbot.addWidget(view)
    view.keep_headings_in_view()
    view.resize(420, 300)  # narrower than the table: it scrolls sideways
    view.show()
    qtbot.waitExposed(view)
    total = view.model().index(1, view.model().columnCount() - 1)
    assert total.data() == "总计"
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    QApplication.processEvents()
    assert view.headings.visualRect(total).left() == view.visualRect(total).left()
    view.setColumnWidth(3, view.columnWidth(3) + 40)  # 自然人 wider
    QApplication.processEvents()
    assert view.headings.columnWidth(3) == view.columnWidth(3)
    assert view.headings.visualRect(total).left() == view.visualRect(total).left()


def test_a_click_on_a_heading_kept_in_sight_leaves_the_table_where_it_is(start, qtbot):
    window = start(1366, 697)
    view = window.report_view.views["section3"]
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    scrolled = view.verticalScrollBar().value()
    assert scrolled > 0
    natural = view.model().index(1, 3)
    qtbot.mouseClick(view.headings.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.headings.visualRect(natural).center())
    assert view.currentIndex() == natural  # the click reached the table's cursor
    assert view.verticalScrollBar().value() == scrolled  # and the numbers stayed under it


def short_t3(qtbot, height: int = 220):
    """表三 alone, a few rows high (the 问题清单 dragged up), its headings kept in view."""
    from gui.report_view import TemplateTableView
    from gui.table_models import MODELS

    view = TemplateTableView(MODELS["section3"](None))
    qtbot.addWidget(view)
    view.keep_headings_in_view()
    view.resize(view.natural_width(), height)
    view.show()
    qtbot.waitExposed(view)
    return view


def ink_rows(view, rect) -> list[int]:
    """The rows of pixels (viewport y) in ``rect`` of the viewport holding text: pixels far
    darker than the cell's background (the grid lines are left out by a margin)."""
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    rows = []
    for y in range(rect.top() + 2, rect.bottom() - 1):
        if any(image.pixelColor(round(x * ratio), round(y * ratio)).lightness() < 100
               for x in range(rect.left() + 3, rect.right() - 2)):
            rows.append(y)
    return rows


def test_the_tall_results_label_stays_in_sight_as_t3_scrolls(qtbot):
    """三、本年度办理结果 spans twenty rows: scrolled to (七)总计 its middle was out of sight and the
    auditor saw an empty grey cell beside the rows; its text is now in the part in sight, centred
    there, at every scroll position (the scrolled pixels painted again, not left where they were)."""
    view = short_t3(qtbot)
    model = view.model()
    label = next(c for c in model.grid.cells if c.text == "三、本年度办理结果")
    index = model.index(label.row, label.column)
    covered = view.headings_height()
    bar = view.verticalScrollBar()
    assert bar.maximum() > 200 and covered > 40
    for value in range(0, bar.maximum() + 1, 7):  # as the wheel scrolls it, a few pixels a step
        bar.setValue(value)
        QApplication.processEvents()
        span = view.visualRect(index)
        top, bottom = max(span.top(), covered), min(span.bottom(), view.viewport().height() - 1)
        if bottom - top < 90:  # too little of it in sight for its five lines
            continue
        sight = span.adjusted(0, top - span.top(), 0, bottom - span.bottom())
        ink = ink_rows(view, sight)
        assert ink, f"no text in sight at scroll {value}"
        middle = (ink[0] + ink[-1]) / 2
        assert abs(middle - (top + bottom) / 2) < 12, value
    assert bar.value() == bar.maximum() and view.visualRect(index).top() < 0  # the foot of the table shown


def rows_in_sight(view) -> set[int]:
    """The rows of the table shown whole below the headings kept at the top."""
    covered, height = view.headings_height(), view.viewport().height()
    return {row for row in range(view.model().rowCount())
            if view.rowViewportPosition(row) >= covered
            and view.rowViewportPosition(row) + view.rowHeight(row) <= height}


@pytest.mark.parametrize("height", [220, 300])
def test_page_down_and_up_show_every_row_of_t3_on_the_way(qtbot, height):
    """Page Down from 一、本年新收 to the foot of 表三, then Page Up back: each page is the
    rows in sight below the headings, so that every row is shown on the way (a page the
    viewport's height, headings included, went past the rows under them unseen)."""
    view = short_t3(qtbot, height)
    model = view.model()
    column = 3  # 自然人
    view.setCurrentIndex(model.index(3, column))  # 一、本年新收
    view.setFocus()
    QApplication.processEvents()
    last = model.rowCount() - 1
    for key, end in ((Qt.Key.Key_PageDown, last), (Qt.Key.Key_PageUp, 3)):
        seen = rows_in_sight(view)
        for _ in range(model.rowCount()):
            before = view.currentIndex().row()
            qtbot.keyClick(view, key)
            current = view.currentIndex()
            assert current.row() != before and current.column() == column
            assert not _under_headings(view, current)
            seen |= rows_in_sight(view)
            if current.row() == end:
                break
        assert view.currentIndex().row() == end
        assert set(range(3, last + 1)) <= seen, sorted(set(range(3, last + 1)) - seen)


def test_a_click_beside_the_scroll_bars_handle_pages_by_the_rows_in_sight(qtbot):
    from gui.qt import QtWidgets

    view = short_t3(qtbot)
    bar = view.verticalScrollBar()
    bar.setValue(0)
    QApplication.processEvents()
    seen = rows_in_sight(view)
    while bar.value() < bar.maximum():
        bar.triggerAction(QtWidgets.QAbstractSlider.SliderAction.SliderPageStepAdd)
        QApplication.processEvents()
        seen |= rows_in_sight(view)
    assert set(range(3, view.model().rowCount())) <= seen


def test_ctrl_home_from_the_foot_of_t3_shows_its_top(start, qtbot):
    """Ctrl+Home goes to the first row below the headings kept in view, the table at its top, as
    in a spreadsheet with frozen panes: it went to the corner heading (本列数据的勾稽关系…), which
    the headings show, and left the table scrolled, 一、本年新收 … out of sight."""
    window = start(1366, 697)
    view = window.report_view.views["section3"]
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert view.verticalScrollBar().value() > 0
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    current = view.currentIndex()
    assert (current.row(), current.column()) == (3, 0) and current.data().startswith("一、本年新收")
    assert view.verticalScrollBar().value() == 0


def test_up_from_the_foot_of_t3_scrolls_only_as_far_as_each_cell_needs(start, qtbot):
    """Up from the foot of 表三 scrolled the table to its top as soon as the cell fitted there (half
    a page at once at 1366): with the headings kept in view, a cell going under them is brought
    just below them, and the table moves no further (the comparison's tables alike)."""
    window = start(1366, 697)
    view = window.report_view.views["section3"]
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert view.currentIndex().data(view.model().PathRole) == "section3.carried_forward.total"
    bar, covered = view.verticalScrollBar(), view.headings_height()
    assert bar.value() > 0
    moved = 0
    while view.currentIndex().row() > view.headings.rows:
        before = bar.value()
        qtbot.keyClick(view, Qt.Key.Key_Up)
        rect = view.visualRect(view.currentIndex())
        assert in_sight(view, view.currentIndex())
        if bar.value() != before:  # it had gone under the headings: just below them now
            moved += 1
            assert rect.top() == covered
    assert bar.value() == 0 and moved > 1  # (the first rows scrolled into sight one by one)


def in_sight(view, index) -> bool:
    """Whether the cell is shown whole: below the headings kept in view (or one of them), above
    the viewport's foot."""
    rect = view.visualRect(index)
    if index.row() < view.headings.rows:
        return view.headings.isVisible()
    return view.headings_height() <= rect.top() and rect.bottom() <= view.viewport().height()


@pytest.mark.parametrize("size", [(1366, 697), (1920, 1009)])
def test_keys_and_f8_never_leave_the_cursor_under_the_headings(start, qtbot, size):
    """The keyboard walk of an auditor at both screen sizes: Down from 一、本年新收 to (七)总计 and
    Up back, in 自然人 and in 总计; then F8 through every problem of the folder (a report opening
    on a cell low in its table): the cell is always in sight, never under the headings."""
    window = start(*size)
    report_view = window.report_view
    view = report_view.views["section3"]
    model = view.model()
    total_row = next(c.row for c in model.grid.cells if c.text.endswith("总计") and not c.header)
    for column in (3, model.columnCount() - 1):
        view.setFocus()
        qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
        view.setCurrentIndex(model.index(3, column))
        for key, stop in ((Qt.Key.Key_Down, total_row), (Qt.Key.Key_Up, 3)):
            while view.currentIndex().row() != stop:
                qtbot.keyClick(view, key)
                assert in_sight(view, view.currentIndex()), (key, view.currentIndex().row())
    window.dashboard.select_row(0)
    QApplication.processEvents()
    seen = set()
    for _ in range(10):  # the folder's eight problems, then the last again
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F8)
        QApplication.processEvents()
        table = report_view.current_view()
        step = (PurePath(report_view.session.report.file).name, table.currentIndex().row())
        seen.add(step)
        assert in_sight(table, table.currentIndex()), step
    assert {name for name, _row in seen} == {"001_2b6e7661ff84f527.txt", "002_8be41c244005adf4.txt",
                                             "003_2385a1ea8664f14a.txt", PLANTED}
    assert (PLANTED, total_row) in seen  # its 存疑 on (七)总计, low in the table


@pytest.mark.parametrize("start", [(3, 0), (7, 2)])  # 一、本年新收 (across the label columns), 1.属于国家秘密
def test_page_down_and_up_in_the_row_labels_go_down_t3_and_back(qtbot, start):
    """In the row labels' columns a page lands on the label there (三、本年度办理结果 spans twenty
    rows): Page Down goes down to 四、结转下年度继续办理 and Page Up back to 一、本年新收 (a step
    into the middle of a spanning label moved nothing)."""
    view = short_t3(qtbot, 300)
    model = view.model()
    view.setCurrentIndex(model.index(*start))
    view.setFocus()
    QApplication.processEvents()
    last = model.rowCount() - 1
    for key, end in ((Qt.Key.Key_PageDown, last), (Qt.Key.Key_PageUp, 3)):
        for _ in range(model.rowCount()):
            before = view.currentIndex().row()
            qtbot.keyClick(view, key)
            assert view.currentIndex().row() != before, (key, before)
            assert in_sight(view, view.currentIndex()) or view.visualRect(view.currentIndex()).height() \
                > view.viewport().height() - view.headings_height()  # a label taller than the rows in sight
            if view.currentIndex().row() == end:
                break
        assert view.currentIndex().row() == end
        assert not view.currentIndex().data(view.model().IsValueRole)  # still in the labels


@pytest.mark.parametrize("size", [(1366, 697), (1920, 1009)])
def test_every_row_label_of_t3_is_shown_whole(start, size):
    """（二）部分公开（区分处理的，只计这一情形，不计其他情形） was cut to 「…不计…」 at 1366 and at
    1920 (kept on one line), and so were 5.要求行政机关确认或重新出具已… and both items of （六）.
    A label too long for its cell wraps and its row is as tall as its lines, as the printed
    template's cells are; 表三 still fits 1366 in focus mode (the test above)."""
    from gui.qt import QFontMetrics, QRect, QStyle

    window = start(*size)
    view = window.report_view.views["section3"]
    metrics = QFontMetrics(view.font())
    margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    wrap = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
    grid = view.model().grid
    for cell in grid.cells:
        if not cell.text or cell.header:
            continue
        width = sum(view.columnWidth(c) for c in range(cell.column, cell.column + cell.column_span)) - margin
        height = sum(view.rowHeight(r) for r in range(cell.row, cell.row + cell.row_span))
        assert metrics.boundingRect(QRect(0, 0, width, 10_000), wrap, cell.text).height() <= height, cell.text
    # （二）: 28 characters, 336 px here, in 表三's two label columns (290 px less margins): two lines
    partly = next(c for c in grid.cells if c.text.startswith("（二）部分公开"))
    assert metrics.horizontalAdvance(partly.text) > view.columnWidth(1) + view.columnWidth(2) - margin
    assert view.rowHeight(partly.row) >= 2 * metrics.height()
    # a label that fits keeps its row one line high: 表三 stays as short as it can
    first = next(c for c in grid.cells if c.text.startswith("一、本年新收"))
    assert view.rowHeight(first.row) < 2 * metrics.height()
