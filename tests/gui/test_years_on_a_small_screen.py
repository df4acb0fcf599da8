"""年度对照's years all in sight on a small screen (a year filed twice wraps its copies line
under its counts), and the window says which years are out of sight when they cannot all fit."""
from __future__ import annotations

from tests.gui.helpers import window_on_folder
from tests.gui.test_compare_view import HUAIAN_2024

AGENCY = "淮安市人民政府办公室"


def years_filed_twice(folder, years) -> int:
    """Each of ``years`` of one agency filed twice: a whole copy, and one holding 表二 alone
    (a page saved half): the cell says 「2份（1份无法完整读取）」 under its counts."""
    text = HUAIAN_2024.read_text(encoding="utf-8")
    half = text[:text.index("三、收到和处理政府信息公开申请情况")]
    for year in years:
        (folder / f"{AGENCY}{year}年报告.txt").write_text(text.replace("2024", str(year)), encoding="utf-8")
        (folder / f"{AGENCY}{year}年报告（网页）.txt").write_text(half.replace("2024", str(year)),
                                                                 encoding="utf-8")
    return 2 * len(years)


def cut_columns(grid) -> list[int]:
    """The years' columns not wholly inside the grid's viewport."""
    view = grid.view
    width = view.viewport().width()
    return [column for column in range(grid.model.columnCount())
            if view.columnViewportPosition(column) < 0
            or view.columnViewportPosition(column) + view.columnWidth(column) > width]


def test_every_year_is_in_sight_its_copies_line_wrapped(make_window, store, qtbot, tmp_path):
    """Five years each filed twice, one copy read in part: the line under the counts,
    「2份（1份无法完整读取）」, widened every column beyond the counts, and the last year (2024)
    was under a horizontal scroll bar on a screen that held every column's counts (at 1366×768,
    the zoo q2901's 2025 out of sight). The columns now take the counts' width and the line wraps."""
    years = range(2020, 2025)
    window = window_on_folder(qtbot, make_window, store, tmp_path, years_filed_twice(tmp_path, years))
    grid = window.show_yearly_grid()
    qtbot.addWidget(grid)
    qtbot.waitExposed(grid)
    qtbot.wait(50)
    assert grid.model.years == list(years)
    cell = grid.model.index(0, 4).data()
    assert cell.split("\n")[1] == "2份（1份无法完整读取）"
    view = grid.view
    lines = cell.split("\n")
    metrics = view.fontMetrics()
    # the line is wider than the counts: once it widened the column, the grid did not fit
    assert metrics.horizontalAdvance(lines[1]) > metrics.horizontalAdvance(lines[0]) + 20
    assert cut_columns(grid) == []
    assert not view.horizontalScrollBar().isVisible()
    assert all(view.columnWidth(c) >= metrics.horizontalAdvance(lines[0]) for c in range(5))  # counts whole
    # the copies line wrapped: the row is three lines high
    assert view.rowHeight(0) >= 3 * metrics.lineSpacing()


def test_years_out_of_sight_are_named_and_reached_by_the_keys(make_window, store, qtbot, tmp_path):
    """Eight years whose counts alone are wider than the screen: the grid scrolls, and the status
    bar names the years out of sight on each side (a cut column gave no hint there was more);
    End reaches the last year, Home the first, and the note follows."""
    from gui.qt import Qt

    text = HUAIAN_2024.read_text(encoding="utf-8")
    years = list(range(2018, 2026))
    for year in years:
        (tmp_path / f"{AGENCY}{year}年报告.txt").write_text(text.replace("2024", str(year)), encoding="utf-8")
    window = window_on_folder(qtbot, make_window, store, tmp_path, len(years))
    grid = window.show_yearly_grid()
    qtbot.addWidget(grid)
    qtbot.waitExposed(grid)
    qtbot.wait(50)
    assert grid.model.years == years
    view = grid.view
    view.setFocus()
    view.setCurrentIndex(grid.model.index(0, 0))
    qtbot.wait(20)
    left, right = grid.years_out_of_sight()
    assert left == [] and right and right[-1] == 2025
    assert grid.more_years.isVisible()
    shown = grid.more_years.text()
    assert shown.startswith("右侧还有") and "2025年" in shown and "End" in shown
    qtbot.keyClick(view, Qt.Key.Key_End)
    qtbot.waitUntil(lambda: view.currentIndex().column() == len(years) - 1)
    qtbot.waitUntil(lambda: grid.years_out_of_sight()[1] == [])
    assert grid.more_years.text().startswith("左侧还有") and "2018" in grid.more_years.text()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    qtbot.waitUntil(lambda: grid.more_years.text().startswith("右侧还有"))


def test_one_re_download_does_not_hide_the_years_of_the_other_names(qtbot):
    """Six agencies' reports of 2018-2024 (…2019年政府信息公开工作年度报告.txt) and one re-download
    (…报告(1).txt): that one name shared no end with the others, so nothing was taken as shared
    and at 1366 (and 1920) the years of an agency were all cut the same, 「南京…报告.txt」. What
    most names share goes first now; the odd name is cut as before."""
    from gui.file_column import affixes_in, elide_shared, shared_parts
    from gui.qt import QApplication, QFontMetrics

    metrics = QFontMetrics(QApplication.font())
    width = metrics.horizontalAdvance("中") * 7 + 6  # 文件's room at 1366
    agencies = ["南京市鼓楼区第17街道办事处", "宿迁市", "徐州市铜山区市场监督管理局", "淮安市人民政府办公室",
                "苏州市吴江区人民政府办公室", "连云港市灌云县人力资源和社会保障局"]
    names = [f"{agency}{year}年政府信息公开工作年度报告.txt" for agency in agencies for year in range(2018, 2025)]
    names.append("南京市鼓楼区第17街道办事处2021年政府信息公开工作年度报告(1).txt")
    parts = shared_parts(names)
    assert parts[1] == "年政府信息公开工作年度报告.txt"
    shown = {name: elide_shared(name, metrics, width, *affixes_in(name, parts)) for name in names}
    assert all(metrics.horizontalAdvance(text) <= width for text in shown.values())
    nanjing = [shown[f"{agencies[0]}{year}年政府信息公开工作年度报告.txt"] for year in range(2018, 2025)]
    assert len(set(nanjing)) == 7  # each year its own
    assert all(str(year) in text for year, text in zip(range(2018, 2025), nanjing))
    odd = shown[names[-1]]
    assert odd.endswith("1).txt") and odd not in nanjing  # (cut as before: its end kept)


def test_the_x_cards_fit_their_panel_at_1366(qtbot, monkeypatch, tmp_path):
    """At 1366×768 the 跨年度检查 cards were wider than their panel: their right edges cut and a
    horizontal scroll bar under them, the line of the two years' values (「上年 103 → 本年 34（差
    -69）」) kept on one line. Every line of a card wraps in the panel's width now."""
    from core.compare.comparison import Comparison
    from core.pipeline import load_report
    from gui.qt import QRect, QtGui
    from tests.gui.test_compare_view import shown_comparison

    screen = QRect(0, 0, 1366, 768 - 40)  # less a 40-pixel taskbar
    monkeypatch.setattr(QtGui.QScreen, "availableGeometry", lambda _screen: screen)
    last_year = tmp_path / f"{AGENCY}2023年报告.txt"  # this year's numbers as last year's: cards
    last_year.write_text(HUAIAN_2024.read_text(encoding="utf-8").replace("2024", "2023"), encoding="utf-8")
    compare = shown_comparison(qtbot, Comparison(load_report(last_year), load_report(HUAIAN_2024)))
    compare.resize(1366 - 16, 768 - 40 - 48)  # (the offscreen screen is 800 wide: as maximised at 1366)
    qtbot.wait(100)
    scroll = compare.view.cards_scroll
    assert compare.view.cards and scroll.isVisible()
    assert scroll.viewport().width() < 260  # the narrow panel of a 1366 screen
    qtbot.waitUntil(lambda: scroll.widget().width() <= scroll.viewport().width())
    assert not scroll.horizontalScrollBar().isVisible()
    for card in compare.view.cards:
        assert card.geometry().right() < scroll.viewport().width()


def test_the_keyboard_starts_in_the_report_list(make_window, store, report_folder, qtbot):
    """At start the keyboard was on 只看有问题的 (the first stop of Tab), with no ring in sight:
    Up and Down did nothing, Space turned the filter on unseen. It starts in the report list, the
    arrows moving from report to report."""
    from gui.qt import QApplication, Qt

    window = window_on_folder(qtbot, make_window, store, report_folder, 6, active=True)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert QApplication.focusWidget() is window.dashboard.view
    qtbot.waitUntil(lambda: window.report_view.session is not None)
    first = window.report_view.session.report.file
    qtbot.keyClick(window.dashboard.view, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: window.report_view.session.report.file != first)
    assert not window.dashboard.only_problems.isChecked()


def test_a_copies_note_does_not_run_under_the_years_out_of_sight(make_window, store, qtbot, tmp_path):
    """Eight years, the grid scrolled (the status bar names 「右侧还有…」 at its right), and the first
    year filed twice with one number apart: on that year the copies note, as wide as the bar,
    ran under the years' note (at 1366, 「…267 / 26右侧还有2025年（按 → 或 End 查看）」). It now takes
    the wording that fits beside it."""
    from gui.qt import QFontMetrics

    text = HUAIAN_2024.read_text(encoding="utf-8")
    years = list(range(2018, 2026))
    for year in years:
        (tmp_path / f"{AGENCY}{year}年报告.txt").write_text(text.replace("2024", str(year)), encoding="utf-8")
    assert "1288" in text
    (tmp_path / f"{AGENCY}2018年报告（网页）.txt").write_text(text.replace("2024", "2018").replace("1288", "1289", 1),
                                                          encoding="utf-8")
    window = window_on_folder(qtbot, make_window, store, tmp_path, len(years) + 1)
    grid = window.show_yearly_grid()
    qtbot.addWidget(grid)
    qtbot.waitExposed(grid)
    qtbot.wait(50)
    view = grid.view
    view.setFocus()
    view.setCurrentIndex(grid.model.index(0, 0))
    qtbot.waitUntil(lambda: "数据不同" in grid.statusBar().currentMessage())
    assert grid.more_years.text().startswith("右侧还有")
    bar = grid.statusBar()
    message = bar.currentMessage()
    assert message in grid.model.copies_notes(0, 0) or message.endswith("…")
    shown = QFontMetrics(bar.font()).horizontalAdvance(message)
    assert shown + grid.more_years.width() <= bar.width()
