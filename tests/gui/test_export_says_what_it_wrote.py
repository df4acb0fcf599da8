"""What the export tells the auditor once it has written its files."""
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
    assert window.statusBar().currentMessage() == f"导出完成（Word 文件）：{target}"


def test_the_folder_dialogs_side_bar_shows_the_home_folders_name_whole(make_window, store, qtbot, tmp_path,
                                                                      monkeypatch):
    """Ctrl+O on Linux (Qt's own dialog): the side bar was as wide as its first place, 计算机, and
    the home folder below it read 「r61hor」 for r61home: the auditor could not tell where it led.
    And the dialog opened at some 600×430 whatever the screen, its 名称 column narrower still: it
    takes room (up to 960×640, within the screen) and 名称 the width its columns leave."""
    from gui.qt import QAbstractItemView, QApplication, QFileDialog, QSplitter, Qt, QTimer

    home = tmp_path / "auditor-home-folder"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))  # (Qt's side bar lists QDir.homePath(), read from $HOME)
    QApplication.instance().setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    window = make_window(store)
    qtbot.waitExposed(window)
    seen, roomy, found = [], [], []

    def look_and_cancel():
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()),
                      None)
        if dialog is None or True not in found:
            found.append(dialog is not None)  # once shown, look after its sizing as it shows
            QTimer.singleShot(300 if dialog is not None else 50, look_and_cancel)
            return
        sidebar = dialog.findChild(QAbstractItemView, "sidebar")
        names = [sidebar.model().index(row, 0) for row in range(sidebar.model().rowCount())]
        seen.append((dialog.findChild(QSplitter, "splitter").sizes()[0],
                     max(sidebar.sizeHintForIndex(index).width() for index in names) + 2 * sidebar.frameWidth(),
                     [index.data() for index in names]))
        area = dialog.screen().availableGeometry()
        files = dialog.findChild(QAbstractItemView, "treeView")
        roomy.append((dialog.width() >= min(960, int(area.width() * 0.8)),
                      dialog.height() >= min(640, int(area.height() * 0.8)),
                      files.header().length() >= files.viewport().width()))
        dialog.reject()

    QTimer.singleShot(0, look_and_cancel)
    window.choose_folder()
    width, widest, names = seen[0]
    assert home.name in names
    assert width >= widest, (width, widest, names)
    assert roomy == [(True, True, True)]


def test_the_box_names_at_most_four_reasons_and_leaves_the_rest_to_the_note(make_window, store, qtbot, tmp_path):
    """Each file no table was read from has its own reason (文件为空, 这是一个文件夹, …): listing
    every one, the box of a folder of 30 such files outgrew a 768-pixel screen, its OK button
    below the screen's edge. Four reasons are named, the rest counted and left to the note."""
    from core.export.common import ExportFormat, Exported

    window = make_window(store)
    qtbot.waitExposed(window)
    note = tmp_path / "未导出Word的报告说明.txt"
    left_out = tuple((str(tmp_path / f"坏文件{n}.txt"), f"未能读出报告的统计表（原因{n}）。") for n in range(6))
    with qtbot.waitSignal(window.exportFinished):
        window._on_export_done(Exported((tmp_path / "甲.docx",), ExportFormat.WORD, note, left_out))
    lines = window.message_box.text().split("\n")
    window.message_box.close()
    reasons = [line for line in lines if line.startswith("· ")]
    assert reasons[:4] == [f"· 坏文件{n}.txt：未能读出报告的统计表（原因{n}）。" for n in range(4)]
    assert reasons[4:] == ["· 另有 2 份，原因见说明文件"]
    assert lines[0] == "导出完成：7 份报告中 1 份已导出为 Word 文件，其余 6 份未导出，原因见："
    assert lines[1] == str(note)


def test_a_dialog_made_wider_gives_the_names_column_the_room(qtbot, tmp_path):
    """The dialog given room kept its 名称 column at its first width: the Word files' names cut in
    the middle beside a blank band right of 修改日期."""
    from gui.file_dialogs import fit_columns
    from gui.qt import QAbstractItemView, QFileDialog

    (tmp_path / ("某某市某某区人民政府办公室2023年政府信息公开工作年度报告" * 2 + ".docx")).write_bytes(b"")
    dialog = QFileDialog(None, "导出", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    files = dialog.findChild(QAbstractItemView, "treeView")
    dialog.resize(dialog.width() + 400, dialog.height())
    qtbot.waitUntil(lambda: files.viewport().width() > files.header().length() + 300)
    fit_columns(dialog)
    assert files.header().length() >= files.viewport().width()
    dialog.reject()
