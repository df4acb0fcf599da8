"""gui61: what the export tells the auditor once it has written its files."""
from gui import folder_prompt
from gui.qt import QFileDialog
from tests.gui.helpers import PLANTED, select_report, window_on_folder


def test_the_status_bar_counts_the_word_files_and_the_note_apart(make_window, store, report_folder, qtbot,
                                                                 tmp_path, monkeypatch):
    """A folder of 7 reports, one with no table: 导出为 Word wrote 6 Word files and a note on the
    report left out, and the status bar said 「导出完成：7 个文件，在 …」, the note counted as a
    report's file. It says the 6 reports' files and the note apart; the box names the report left
    out and why."""
    (report_folder / "空的报告.txt").write_bytes(b"")
    window = window_on_folder(qtbot, make_window, store, report_folder, 7)
    out = tmp_path / "word"
    out.mkdir()
    monkeypatch.setattr(folder_prompt, "ask_export_folder", lambda *a, **k: str(out))
    with qtbot.waitSignal(window.exportFinished, timeout=120000):
        window.export_actions["word"].trigger()
    assert window.statusBar().currentMessage() == \
        f"导出完成：6 份报告的 Word 文件，另附未导出报告的说明 1 份，在 {out}"
    text = window.message_box.text()
    window.message_box.close()
    assert "\n· 空的报告.txt：未能读出报告的统计表" in text
    assert len(list(out.glob("*.docx"))) == 6


def test_the_report_on_screen_exported_alone_is_not_said_to_hold_the_hidden_reports(
        make_window, store, report_folder, qtbot, tmp_path, monkeypatch):
    """With the list searched down to one report, 导出本报告为 Word wrote that report alone and its
    box said 「其中 5 份在列表中未显示（导出总是包括文件夹中的全部报告…）」: the auditor looked for the
    five in a file that holds one. Only the folder's exports say it."""
    window = window_on_folder(qtbot, make_window, store, report_folder, 6)
    select_report(qtbot, window, PLANTED)
    window.dashboard.search.setText(PLANTED)
    qtbot.waitUntil(lambda: window.dashboard.proxy.rowCount() == 1)
    target = tmp_path / "本报告.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    with qtbot.waitSignal(window.exportFinished, timeout=120000) as blocker:
        window.export_actions[".docx"].trigger()
    text = window.message_box.text()
    window.message_box.close()
    assert blocker.args[0] == [target]
    assert text.startswith("导出完成：1 份报告已导出为 Word 文件。") and "未显示" not in text
    assert window.statusBar().currentMessage() == f"导出完成：{target}"
