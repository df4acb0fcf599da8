"""Each kind of export starts its dialog where that kind was saved last: after the Word files went
into a folder of their own, the next Excel (or 汇总) dialog opened in that Word folder."""
from pathlib import Path

import pytest

from gui import folder_prompt
from gui.qt import QFileDialog
from tests.gui.helpers import window_on_folder


@pytest.fixture
def window(make_window, store, report_folder, qtbot):
    return window_on_folder(qtbot, make_window, store, report_folder, 6, active=True)


def export(qtbot, window, kind, chosen: Path, monkeypatch) -> str:
    """Run an export of ``kind`` ("word", ".xlsx", ".csv", ".json" or "summary") to ``chosen``;
    returns where its dialog started."""
    asked = []

    def save_dialog(parent, title, start, *args, **kwargs):
        asked.append(start)
        return str(chosen), ""

    def folder_dialog(parent, title, start):
        asked.append(start)
        return str(chosen)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    monkeypatch.setattr(folder_prompt, "ask_export_folder", folder_dialog)
    with qtbot.waitSignal(window.exportFinished, timeout=120000):
        if kind == "summary":
            window.export_summary()
        elif kind == ".docx":
            window.export_report_word()
        else:
            window.export(kind)
    if window.message_box is not None:
        window.message_box.close()
    return asked[0]


def test_each_export_kind_starts_where_it_was_saved_last(window, qtbot, tmp_path, report_folder, monkeypatch):
    beside = str(report_folder.parent)  # the first time: beside the opened folder, not in it
    excel, word, summary = tmp_path / "表格", tmp_path / "Word文件", tmp_path / "汇总表"
    excel.mkdir()
    summary.mkdir()
    assert Path(export(qtbot, window, ".xlsx", excel / "结果.xlsx", monkeypatch)).parent == Path(beside)
    assert export(qtbot, window, "word", word, monkeypatch) == beside
    assert Path(export(qtbot, window, ".xlsx", excel / "结果.xlsx", monkeypatch)).parent == excel
    assert Path(export(qtbot, window, "summary", summary / "汇总.xlsx", monkeypatch)).parent == Path(beside)
    assert export(qtbot, window, "word", word, monkeypatch) == str(word)
    assert Path(export(qtbot, window, "summary", summary / "汇总.xlsx", monkeypatch)).parent == summary
    assert Path(export(qtbot, window, ".csv", excel / "结果.csv", monkeypatch)).parent == Path(beside)


def test_a_word_folder_with_a_dot_in_its_name_is_remembered_itself(window, qtbot, tmp_path, monkeypatch):
    """qa31: the Word export's folder was remembered as a file's would be when its name held a dot
    ("2024.12 Word"): its parent, so the next Word dialog opened one folder up."""
    word = tmp_path / "2024.12 Word"
    word.mkdir()  # (as the folder dialog makes a folder typed new)
    export(qtbot, window, "word", word, monkeypatch)
    assert export(qtbot, window, "word", word, monkeypatch) == str(word)


def test_a_remembered_folder_since_deleted_starts_at_its_nearest_folder_still_there(
        window, qtbot, tmp_path, monkeypatch):
    """qa31: an Excel exported into a folder since deleted (or on a USB stick taken out): the next
    dialog started in a folder that is not there; it starts in the nearest one that is."""
    gone = tmp_path / "导出" / "本周"
    gone.mkdir(parents=True)
    export(qtbot, window, ".xlsx", gone / "结果.xlsx", monkeypatch)
    (gone / "结果.xlsx").unlink()
    gone.rmdir()
    assert Path(export(qtbot, window, ".xlsx", tmp_path / "结果.xlsx", monkeypatch)).parent == tmp_path / "导出"


def test_the_first_word_file_of_one_report_starts_where_the_word_files_went(window, qtbot, tmp_path, monkeypatch):
    """qa31: after 导出为 Word put every report's file into a folder of their own, 导出本报告为 Word
    started beside the reports' folder; the first time, it starts where the Word files went, and
    then where it was saved last."""
    from tests.gui.helpers import PLANTED, select_report

    select_report(qtbot, window, PLANTED)
    word, one = tmp_path / "Word文件", tmp_path / "单份"
    word.mkdir()
    one.mkdir()
    export(qtbot, window, "word", word, monkeypatch)
    assert Path(export(qtbot, window, ".docx", one / "本报告.docx", monkeypatch)).parent == word
    assert Path(export(qtbot, window, ".docx", one / "本报告.docx", monkeypatch)).parent == one


def test_a_report_s_word_file_starts_where_the_last_word_export_went(window, qtbot, tmp_path, monkeypatch):
    """gui65: 导出本报告为 Word started where the report's Word file before went, after 导出为 Word
    had since put every report's file in another folder, and 导出为 Word started beside the
    reports' folder after a report's Word file went elsewhere: each starts where the last Word
    export, of either kind, went."""
    from tests.gui.helpers import PLANTED, select_report

    select_report(qtbot, window, PLANTED)
    one, week = tmp_path / "单份", tmp_path / "本周Word"
    one.mkdir()
    week.mkdir()
    export(qtbot, window, ".docx", one / "本报告.docx", monkeypatch)
    export(qtbot, window, "word", week, monkeypatch)
    assert Path(export(qtbot, window, ".docx", week / "本报告.docx", monkeypatch)).parent == week
    assert Path(export(qtbot, window, ".docx", one / "本报告.docx", monkeypatch)).parent == week
    assert Path(export(qtbot, window, ".docx", one / "本报告.docx", monkeypatch)).parent == one
    # and 导出为 Word（每份报告一个文件） starts where the report's Word file went last
    assert export(qtbot, window, "word", week, monkeypatch) == str(one)
    assert export(qtbot, window, "word", week, monkeypatch) == str(week)
