"""What an auditor met driving the real window on a zoo folder at 1366×768."""
import shutil
from pathlib import Path

import pytest

from gui import strings
from gui.qt import Qt
from tests.gui.helpers import open_folder, read_next_message_box, window_on_folder

COMPARE = Path(__file__).resolve().parents[1] / "fixtures" / "compare"
HUAIAN_2023 = COMPARE / "huaian" / "淮安市人民政府办公室2023年报告.txt"
HUAIAN_2024 = COMPARE / "huaian" / "淮安市人民政府办公室2024年报告.txt"
AGENCY = "淮安市人民政府办公室"


def gap_folder(tmp_path) -> Path:
    """淮安 2022 and 2024 (no 2023), and another agency's 2023: the grid's 2023 column sits
    between 淮安's two years, 缺 for 淮安."""
    folder = tmp_path / "gap"
    folder.mkdir()
    shutil.copy(HUAIAN_2024, folder / HUAIAN_2024.name)
    text = HUAIAN_2023.read_text(encoding="utf-8")
    (folder / "淮安市人民政府办公室2022年报告.txt").write_text(text.replace("2023", "2022"), encoding="utf-8")
    (folder / "宿迁市人民政府办公室2023年报告.txt").write_text(text.replace("淮安市", "宿迁市"), encoding="utf-8")
    return folder


def test_enter_in_the_yearly_grid_compares_the_nearest_year_across_a_missing_one(
        make_window, store, tmp_path, qtbot):
    """年度对照, Enter on 淮安 2024 with 2023 缺 and 2022 two columns left: the status bar said
    「淮安市人民政府办公室没有2024年前后相邻年度的报告」 and nothing opened, while 2022 was in sight
    (Ctrl+D in the report list compares the nearest year). It compares 2024 with 2022 and says so."""
    window = window_on_folder(qtbot, make_window, store, gap_folder(tmp_path), 3)
    grid = window.show_yearly_grid()
    qtbot.addWidget(grid)
    qtbot.waitExposed(grid)
    model = grid.model
    assert model.years == [2022, 2023, 2024]
    assert model.review_at(model.agencies.index(AGENCY), 1) is None  # 淮安 2023: 缺
    cell = model.index_of(AGENCY, 2024)
    grid.view.setCurrentIndex(cell)
    grid.view.setFocus()
    before = len(window.compare_windows)
    qtbot.keyClick(grid.view, Qt.Key.Key_Return)
    assert len(window.compare_windows) == before + 1
    compare = window.compare_windows[-1]
    qtbot.addWidget(compare)
    comparison = compare.view.comparison
    assert (comparison.previous.report.year, comparison.current.report.year) == (2022, 2024)
    assert grid.statusBar().currentMessage() == strings.COMPARE_NEAREST_YEAR.format(
        agency=AGENCY, year=2024, other=2022)


def test_the_findings_heading_claims_nothing_while_no_report_is_open(make_window, store, tmp_path, qtbot):
    """A folder holding no report (or one still loading, nothing selected yet): the heading read
    「问题清单　未发现问题」 beside 「请在左侧列表中选择一份报告」, as if a report had been checked and
    found right. With no report open it names the list only."""
    reports = tmp_path / "reports"
    reports.mkdir()
    shutil.copy(HUAIAN_2024, reports / HUAIAN_2024.name)
    window = window_on_folder(qtbot, make_window, store, reports, 1)
    qtbot.waitUntil(lambda: window.report_view.session is not None)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert open_folder(qtbot, window, empty) == 0
    assert window.report_view.session is None
    heading = window.report_view.findings.summary.text()
    assert strings.FINDINGS_TITLE in heading
    assert strings.FINDINGS_NONE not in heading


def test_about_names_the_app_as_its_title_bar_does(make_window, store, qtbot):
    """帮助 → 关于 was headed 「政府信息公开工作年度报告审核工作台」 under a title bar (and a
    packaged program) called 「政府信息公开年度报告审核工作台」: one program, two names."""
    window = make_window(store)
    qtbot.waitExposed(window)
    said = []

    read_next_message_box(said)
    window.show_about()
    assert said
    assert window.windowTitle().startswith(strings.APP_NAME)
    assert f"<h3>{strings.APP_NAME}</h3>" in said[0]


@pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise", "does not support grabbing")  # offscreen menus
def test_the_comparison_names_its_years_copies_left_to_right_as_its_sides(make_window, store, tmp_path, qtbot):
    """年度对照, Enter on 淮安 2022, its first year, 2023 缺: the year after (2024) is compared, each
    year filed twice. The window put 2022 left and 2024 right, but its status line began
    「2024年有2份报告…」 then 「2022年有2份报告…」: the sides' notes in the order they were asked for."""
    from gui.qt import QApplication, QTimer

    folder = gap_folder(tmp_path)
    for year in (2022, 2024):  # a second copy of each year, other words in its prose (no twin)
        first = folder / f"淮安市人民政府办公室{year}年报告.txt"
        text = first.read_text(encoding="utf-8")
        assert text.count("加强业务培训") == 1
        (folder / f"淮安市人民政府办公室{year}年报告（网页版）.txt").write_text(
            text.replace("加强业务培训", "加强人员培训"), encoding="utf-8")
    window = window_on_folder(qtbot, make_window, store, folder, 5)
    grid = window.show_yearly_grid()
    qtbot.addWidget(grid)
    qtbot.waitExposed(grid)
    picks = []

    def pick_first_copy():  # each year's menu of copies: Enter takes the first
        menu = QApplication.activePopupWidget()
        if menu is not None:
            picks.append(menu)
            qtbot.keyClick(menu, Qt.Key.Key_Return)
        if len(picks) < 2:
            QTimer.singleShot(50, pick_first_copy)

    grid.view.setCurrentIndex(grid.model.index_of(AGENCY, 2022))
    grid.view.setFocus()
    QTimer.singleShot(50, pick_first_copy)
    before = len(window.compare_windows)
    qtbot.keyClick(grid.view, Qt.Key.Key_Return)
    assert len(picks) == 2
    assert len(window.compare_windows) == before + 1
    compare = window.compare_windows[-1]
    qtbot.addWidget(compare)
    assert (compare.view.comparison.previous.report.year, compare.view.comparison.current.report.year) == (2022, 2024)
    note = compare.copies_label.lines[0]
    assert "2022年有2份报告" in note and "2024年有2份报告" in note
    assert note.index("2022年") < note.index("2024年")


@pytest.mark.parametrize("size", [(1366, 697), (1920, 1009)])
def test_f11_twice_gives_the_panels_below_the_tables_their_height_back(qtbot, store, settings, report_folder, size):
    """1366×697, F11 and F11 again: the tables came back 38 px taller, taken from the 问题清单 and
    原文 below them (the focus mode's wide layout kept the narrow one's sizes as they were with the
    legend already hidden); after a verdict, a second entry of the list was out of sight."""
    from gui.qt import QApplication
    from tests.gui.test_layout import planted_open

    window = planted_open(qtbot, store, settings, report_folder, size)
    splitter, side = window.report_view.splitter, window.report_view.side_by_side
    assert side == (size[0] == 1920)  # panels below the tables at 1366, beside them at 1920
    before = splitter.sizes(), window.report_view.bottom.sizes()
    for _turn in range(2):
        window.report_view.current_view().setFocus()
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F11)
        QApplication.processEvents()
    assert window.dashboard.isVisible() and not window.focus_mode_action.isChecked()
    qtbot.waitUntil(lambda: window.report_view.legend.height() > 0)
    QApplication.processEvents()
    assert window.report_view.side_by_side == side
    assert (splitter.sizes(), window.report_view.bottom.sizes()) == before


def test_the_prose_tabs_number_headings_are_whole_for_two_years_apart(make_window, store, tmp_path, qtbot):
    """比对 of 2022 and 2024 (no 2023) at 1366: 正文's headings 「较早年度正文数字」 and
    「较晚年度正文数字」 were cut at both ends (90 px columns, laid out for 「上年正文数字」)."""
    window = window_on_folder(qtbot, make_window, store, gap_folder(tmp_path), 3)
    grid = window.show_yearly_grid()
    qtbot.addWidget(grid)
    grid.view.setCurrentIndex(grid.model.index_of(AGENCY, 2024))
    grid.view.setFocus()
    qtbot.keyClick(grid.view, Qt.Key.Key_Return)
    compare = window.compare_windows[-1]
    qtbot.addWidget(compare)
    compare.resize(1350, 697)
    qtbot.waitExposed(compare)
    table = compare.view.prose_table
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    for column in range(table.columnCount()):
        label = table.horizontalHeaderItem(column).text()
        if column in (1, 3):
            assert label.startswith(("较早年度", "较晚年度"))
        assert header.sectionSize(column) >= metrics.horizontalAdvance(label) + 8, label


def test_the_status_bar_after_word_files_of_a_folder_says_how_many_and_where(
        make_window, store, report_folder, tmp_path, qtbot, monkeypatch):
    """导出 → 导出为 Word (每份报告一个文件) wrote six files into a folder; the status bar said
    「导出完成：…/南通市崇川区人民政府办公室2023年政府信息公开工作年度报告.docx」, the first file
    alone, as if one report had been exported. It says how many files and the folder."""
    from tests.gui.test_export_folders import export

    window = window_on_folder(qtbot, make_window, store, report_folder, 6, active=True)
    word = tmp_path / "Word文件"
    word.mkdir()
    export(qtbot, window, "word", word, monkeypatch)
    written = sorted(word.glob("*.docx"))
    assert len(written) > 1
    said = window.statusBar().currentMessage()
    assert str(word) in said and f"{len(written)} 份报告的 Word 文件" in said and "说明" not in said
    assert written[0].name not in said
