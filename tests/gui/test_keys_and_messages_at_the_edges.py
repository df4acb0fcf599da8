"""Keys and messages at the edges, driven through the real window: F8 at the foot of a sorted list
or on the only report with problems, Ctrl+Z / Ctrl+Y with no step to take, a file gone since the
folder was listed, a long file name at 1366, a review database that cannot be opened (bugs an
auditor's day met, qa27)."""
import shutil

from gui import strings
from gui.dashboard import ERRORS
from gui.paths import samples_dir
from gui.qt import QApplication, Qt
from tests.gui.helpers import (PLANTED, PLANTED_CELL, PLANTED_CLEAN, SEED_000, SEED_003, open_folder,
                               plant_clean_error, plant_error, select_report)

SEED_001 = "001_2b6e7661ff84f527.txt"  # 存疑 1
SEED_002 = "002_8be41c244005adf4.txt"  # 存疑 3


def status(window) -> str:
    return window.statusBar().currentMessage()


def sorted_folder(make_window, store, tmp_path, qtbot):
    """Seeds 001 and 002 (存疑 only), seeds 000 and 003 with a wrong cell each (错误 2 each), the
    list sorted by 错误: the two planted reports first."""
    folder = tmp_path / "city"
    folder.mkdir()
    for name in (SEED_001, SEED_002):
        shutil.copy(samples_dir() / name, folder / name)
    text = (samples_dir() / SEED_000).read_text(encoding="utf-8")
    (folder / PLANTED_CLEAN).write_text(plant_clean_error(text), encoding="utf-8")
    text = (samples_dir() / SEED_003).read_text(encoding="utf-8")
    (folder / PLANTED).write_text(plant_error(text), encoding="utf-8")
    window = make_window(store)
    window.activateWindow()
    qtbot.waitExposed(window)
    assert open_folder(qtbot, window, folder) == 4
    window.sort_list(ERRORS)
    proxy = window.dashboard.proxy
    assert {proxy.index(0, 0).data(), proxy.index(1, 0).data()} == {PLANTED_CLEAN, PLANTED}
    return window


def test_f8_after_a_correction_moved_the_report_to_the_foot_of_a_sorted_list(make_window, store, tmp_path, qtbot):
    """The list sorted by 错误, the auditor corrects the first report (采用建议值): with no error
    left it moves to the foot of the list, and F8 said 「本报告没有问题，后面也没有其他有问题的报告」
    with two reports with problems above it. F8 goes on from the list's top and says so."""
    window = sorted_folder(make_window, store, tmp_path, qtbot)
    session = select_report(qtbot, window, PLANTED_CLEAN)
    table = window.report_view.current_view()
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: session.review.value(PLANTED_CELL) == 0)
    proxy = window.dashboard.proxy
    qtbot.waitUntil(lambda: proxy.index(3, 0).data() == PLANTED_CLEAN)  # re-sorted: at the foot
    assert window.dashboard.current_row() == 3
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F8)
    assert window.report_view.session.report.file.endswith(PLANTED)  # the list's first, on top
    assert status(window) != strings.NONE_HERE_NOR_LATER
    assert status(window).startswith(strings.PROBLEM_FROM_TOP + "已转到下一份有问题的报告 ")
    # Shift+F8 on the first report's first problem goes on from the foot: the last report with
    # problems there (the corrected one at the very foot has none left)
    assert window.report_view.findings.current_row() == 0
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert window.report_view.session.report.file.endswith(proxy.index(2, 0).data())
    assert status(window).startswith(strings.PROBLEM_FROM_FOOT + "已转到上一份有问题的报告 ")


def test_f8_on_the_only_report_with_problems_stays_and_says_so(make_window, store, tmp_path, qtbot):
    """With no other report to go to, F8 past the last problem stays (no wrap onto itself)."""
    folder = tmp_path / "one"
    folder.mkdir()
    shutil.copy(samples_dir() / SEED_000, folder / SEED_000)  # no problem
    shutil.copy(samples_dir() / SEED_001, folder / SEED_001)  # 存疑 1
    window = make_window(store)
    qtbot.waitExposed(window)
    assert open_folder(qtbot, window, folder) == 2
    select_report(qtbot, window, SEED_001)
    table = window.report_view.current_view()
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F8)  # its one problem
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F8)
    assert window.report_view.session.report.file.endswith(SEED_001)
    assert status(window) == strings.NO_MORE_PROBLEMS


def test_ctrl_z_in_a_report_with_no_step_names_the_reports_that_have_some(make_window, store, tmp_path, qtbot):
    """The auditor corrected one report, opened the next and pressed Ctrl+Z: 「没有可撤销的操作：
    撤销只能撤回本次打开以来的修改…」, as if the correction made minutes ago could no longer be
    taken back. Each report keeps its own steps: the message names the report that has one, and
    Ctrl+Z there takes it back."""
    window = sorted_folder(make_window, store, tmp_path, qtbot)
    session = select_report(qtbot, window, PLANTED_CLEAN)
    table = window.report_view.current_view()
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    assert window.report_view.apply_suggestion()
    qtbot.waitUntil(lambda: session.review.value(PLANTED_CELL) == 0)
    select_report(qtbot, window, SEED_001)
    table = window.report_view.current_view()
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert status(window) == strings.NOTHING_TO_UNDO_HERE.format(names=PLANTED_CLEAN)
    assert session.review.value(PLANTED_CELL) == 0  # nothing taken back in another report
    select_report(qtbot, window, PLANTED_CLEAN)
    qtbot.keyClick(window.report_view.current_view(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: session.review.value(PLANTED_CELL) == 3)
    # nothing anywhere: the message as it was
    qtbot.keyClick(window.report_view.current_view(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert status(window) == strings.NOTHING_TO_UNDO


def note_in_place_of_the_tables(window) -> str:
    from gui.qt import QtGui
    text = QtGui.QTextDocument()
    text.setHtml(window.report_view.no_tables.text())
    return text.toPlainText()


def test_a_file_gone_since_the_folder_was_listed_is_not_sent_back_to_the_agency(
        make_window, store, tmp_path, qtbot, monkeypatch):
    """A report moved away while the folder loaded (a colleague tidying the shared folder, a USB
    stick pulled out): 「原因：文件不存在」 and then 「请向报送单位索取能读取的文件（Word、WPS 或可复制
    文字的 PDF，而非扫描件）」, advice for the agency's file, not for a file that is gone from here."""
    import core.readers.dispatch as dispatch
    folder = tmp_path / "city"
    folder.mkdir()
    shutil.copy(samples_dir() / SEED_000, folder / SEED_000)
    shutil.copy(samples_dir() / SEED_001, folder / "gone.txt")
    real_open = dispatch.open_without_blocking  # (how the readers open a file)

    def gone_while_loading(path, *args, **kwargs):  # listed, then moved away before it was read
        if str(path).endswith("gone.txt"):
            raise FileNotFoundError(2, "No such file or directory")
        return real_open(path, *args, **kwargs)
    monkeypatch.setattr(dispatch, "open_without_blocking", gone_while_loading)
    window = make_window(store)
    qtbot.waitExposed(window)
    assert open_folder(qtbot, window, folder) == 2
    select_report(qtbot, window, "gone.txt")
    said = note_in_place_of_the_tables(window)
    assert "原因：文件不存在" in said
    assert "报送单位" not in said and "扫描件" not in said
    assert strings.NO_TABLES_GONE in said


LONG_NAME = ("某某市某某区人民政府办公室关于二〇二四年度政府信息公开工作年度报告的公开发布稿"
             "最终修订版本确认无误可以上网公开请各位领导审阅.txt")


def test_a_long_file_name_above_the_tables_is_elided_in_its_middle_at_1366(qtbot, store, settings, tmp_path):
    """At 1366 an 80-character file name ran past the line above the tables, cut mid-character
    under 标记为已审核 with no mark (the folder already down to 「…」). Its middle is elided too:
    its start and its end (the extension) in sight, within the label; the tooltip holds the whole
    path."""
    from tests.gui.test_layout import _laid_out_as, _report_in_a_deep_folder
    window, folder = _report_in_a_deep_folder(qtbot, store, settings, tmp_path, "县区", LONG_NAME)
    title = window.report_view.title
    html = title.text()
    shown = _laid_out_as(title)
    shown.setHtml(html[:html.index(".txt") + len(".txt")])  # the line up to the name's end
    assert shown.idealWidth() <= title.contentsRect().width()
    line = shown.toPlainText()
    assert "某某市某某区" in line and line.endswith("审阅.txt") and "…" in line
    assert title.toolTip() == str(folder / LONG_NAME)


def test_a_review_database_that_cannot_be_opened_is_explained_in_chinese(tmp_path):
    """The box at start-up said 「无法打开审核记录数据库：[Errno 1] Operation not permitted:
    '/…/gongkai-shenhe'」 for a data folder the user may not write, and 「…：file is not a
    database」 for a damaged database: English, and nothing on what to do."""
    import errno

    from core.review.store import ReviewStore
    from gui.app import db_open_error
    damaged = tmp_path / "reviews.sqlite3"
    damaged.write_bytes(b"\x07" * 5000)
    try:
        ReviewStore(damaged)
    except Exception as exc:  # noqa: BLE001 - what the window's start meets
        said = db_open_error(exc, damaged)
    assert said == strings.DB_DAMAGED.format(path=damaged)
    assert "file is not a database" not in said and "信息技术人员" in said
    folder = tmp_path / "gongkai-shenhe"
    refused = PermissionError(errno.EPERM, "Operation not permitted", str(folder))
    said = db_open_error(refused, folder / "reviews.sqlite3")
    assert "Operation not permitted" not in said and "Errno" not in said
    assert said.startswith(f"无法打开审核记录数据库（{folder / 'reviews.sqlite3'}）：无法写入“{folder}”：没有写入权限。")
    # the data folder itself could not be made: the path is the error's
    said = db_open_error(refused, None)
    assert said.startswith(f"无法打开审核记录数据库（{folder}）：无法写入“{folder}”：没有写入权限。")


def test_ctrl_y_with_nothing_to_redo_says_so(make_window, store, tmp_path, qtbot):
    """Ctrl+Y with nothing to redo did nothing at all (Ctrl+Z says why it has nothing to undo);
    after an undo it redoes, as before."""
    window = sorted_folder(make_window, store, tmp_path, qtbot)
    session = select_report(qtbot, window, PLANTED_CLEAN)
    table = window.report_view.current_view()
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert status(window) == strings.NOTHING_TO_REDO
    assert window.report_view.apply_suggestion()
    qtbot.waitUntil(lambda: session.review.value(PLANTED_CELL) == 0)
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: session.review.value(PLANTED_CELL) == 3)
    qtbot.keyClick(table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: session.review.value(PLANTED_CELL) == 0)
    window.statusBar().clearMessage()
    qtbot.keyClick(table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert status(window) == strings.NOTHING_TO_REDO
