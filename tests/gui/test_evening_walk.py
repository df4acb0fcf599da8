"""What an auditor's evening with the app found (ux71): the 问题 column at 1366 wide cut a label
in two; the exports and the keyboard walk as the auditor uses them."""
from __future__ import annotations

from gui.qt import QStyleOptionViewItem, Qt
from tests.gui.helpers import PLANTED, PLANTED_CELL, open_folder, select_report


def problems_shown(dashboard, file: str) -> tuple[str, str, int]:
    """(the 问题 cell's text as the model holds it, as the delegate draws it, the room it has)."""
    from gui.dashboard import PROBLEMS

    view = dashboard.view
    index = dashboard.proxy.mapFromSource(dashboard.model.index(dashboard.model.row_of(file), PROBLEMS))
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = view.visualRect(index)
    option.widget = view
    view.itemDelegateForColumn(PROBLEMS).initStyleOption(option, index)
    return index.data(), option.text, option.rect.width() - 6


def test_a_changed_copy_says_its_whole_label_in_the_problem_column_at_1366(make_window, store, report_folder, qtbot):
    """At 1366×768 a report replaced on disk since its correction, one of two copies of its year,
    showed 「内容已…」 in 问题 (its 「内容已变、未采用」 cut by Qt in the middle of its first word): the
    auditor could not tell what it said without hovering. It now reads 「内容已变」, its first label whole."""
    window = make_window(store)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(1366, 768)
    assert open_folder(qtbot, window, report_folder) == 6
    window.reset_layout()
    select_report(qtbot, window, PLANTED)
    model = window.report_view.show_section("section3").model()
    assert model.setData(model.index_of(PLANTED_CELL), "12")
    with open(report_folder / PLANTED, "ab") as f:
        f.write(b"\r\n")  # the agency sent it again
    assert open_folder(qtbot, window, report_folder) == 6
    dashboard = window.dashboard
    file = str(report_folder.resolve() / PLANTED)
    qtbot.waitUntil(lambda: problems_shown(dashboard, file)[0] == "内容已变、未采用")
    _text, shown, room = problems_shown(dashboard, file)
    assert shown == "内容已变"  # the label whole (no room for 「…」 beside it), the rest in the tooltip
    assert dashboard.view.fontMetrics().horizontalAdvance(shown) <= room
    from gui.dashboard import PROBLEMS
    tip = dashboard.model.data(dashboard.model.index(dashboard.model.row_of(file), PROBLEMS), Qt.ItemDataRole.ToolTipRole)
    assert "采用的是另一份" in tip and "当时保存的 1 条修改" in tip  # what the cell leaves out


def word_paragraphs(path) -> list[str]:
    from docx import Document

    return [paragraph.text for paragraph in Document(str(path)).paragraphs]


def test_one_reports_word_file_says_which_copy_of_its_year_counts(make_window, store, report_folder, qtbot,
                                                                 tmp_path, monkeypatch):
    """导出本报告为 Word of a report its agency filed twice for the year: the colleague who received
    the one file read no word of the other copy, where the folder's Word export writes under the
    title which copy counts (审核说明). The one report's file says it too."""
    from gui.qt import QFileDialog
    from tests.gui.helpers import SEED_003, window_on_folder

    window = window_on_folder(qtbot, make_window, store, report_folder, 6, active=True)
    select_report(qtbot, window, PLANTED)  # a copy of 003 (鼓楼区 2021), one wrong cell
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(tmp_path / "一份.docx"), "")))
    with qtbot.waitSignal(window.exportFinished, timeout=60000):
        window.export_report_word()
    if window.message_box is not None:
        window.message_box.close()
    lines = [text for text in word_paragraphs(tmp_path / "一份.docx") if text.startswith("审核说明：")]
    assert lines == [f"审核说明：本单位本年度共有2份报告，本份未计入汇总和跨年度检查；计入的是 {SEED_003}（均未处理，以第1份为准）"]
    # the file written is the report on screen's, its planted 15 (not the other copy's 12)
    from docx import Document
    assert any("15" == cell.text for table in Document(str(tmp_path / "一份.docx")).tables
               for row in table.rows for cell in row.cells)


def test_a_start_after_a_crash_says_what_was_kept_and_what_was_lost(make_window, db_path, report_folder, qtbot):
    """Killed mid-review (kill -9, a power cut), the program started again on the folder as if
    nothing had happened: the corrections were there, but the value being typed was gone unsaid
    and Ctrl+Z found nothing. The start after a crash says what was kept and what was not, once."""
    import subprocess
    import sys

    from core.review.store import ReviewStore
    from gui import strings
    from gui.app import left_by_a_crash, lock_store

    first = ReviewStore(db_path)
    window = make_window(first)
    assert open_folder(qtbot, window, report_folder) == 6
    select_report(qtbot, window, PLANTED)
    model = window.report_view.show_section("section3").model()
    assert model.setData(model.index_of(PLANTED_CELL), "12")  # 已保存: in the database now
    # the program holding the database's lock killed: its lock left behind
    code = ("import os, sys; from gui.qt import QLockFile; "
            "lock = QLockFile(sys.argv[1]); lock.setStaleLockTime(0); assert lock.tryLock(0); os._exit(0)")
    subprocess.run([sys.executable, "-c", code, str(db_path) + ".lock"], check=True)
    assert left_by_a_crash(db_path)
    lock, alone = lock_store(db_path)  # (the next start takes it over)
    assert alone and not left_by_a_crash(db_path)  # (held: no crash to tell of)

    second = ReviewStore(db_path)
    try:
        again = make_window(second)
        again.setWindowState(Qt.WindowState.WindowNoState)
        again.resize(1366, 768)
        again.after_crash = True
        assert open_folder(qtbot, again, report_folder) == 6
        said = again.statusBar().currentMessage()
        assert said.startswith(strings.UNCLEAN_EXIT)
        assert "撤销从本次启动重新记录" in said  # why Ctrl+Z finds nothing
        qtbot.wait(200)
        assert again.statusBar().currentMessage() == said  # lasting: not gone while the auditor looks away
        session = select_report(qtbot, again, PLANTED)
        assert session.review.value(PLANTED_CELL) == 12  # the correction kept
        assert open_folder(qtbot, again, report_folder) == 6  # F5: said once
        assert strings.UNCLEAN_EXIT not in again.statusBar().currentMessage()
    finally:
        lock.unlock()
        again.close()
        second.close()
    lock2, alone = lock_store(db_path)
    lock2.unlock()
    assert not left_by_a_crash(db_path)  # a closing run leaves no lock behind
