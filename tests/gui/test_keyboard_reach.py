"""What a keyboard-only auditor reaches, and what the export says it wrote."""
from gui.qt import QApplication, Qt
from tests.gui.helpers import PLANTED, select_report, window_on_folder

SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def test_tab_reaches_only_problems_and_space_filters_the_list(make_window, store, report_folder, qtbot):
    """「只看有问题的」 took no keyboard focus: Tab went list → table → 问题清单 → 原文 and round,
    passing it by. It is the stop before the list (Shift+Tab from the list, Tab from the 原文),
    Space ticks it, and Alt+O ticks it from anywhere in the window."""
    window = window_on_folder(qtbot, make_window, store, report_folder, 6, active=True)
    select_report(qtbot, window, PLANTED)
    dashboard, report_view = window.dashboard, window.report_view
    box = dashboard.only_problems
    assert "(&O)" in box.text()
    dashboard.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dashboard.view)
    qtbot.keyClick(dashboard.view, Qt.Key.Key_Backtab, SHIFT)
    assert QApplication.focusWidget() is box
    listed = dashboard.proxy.rowCount()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked() and window.only_problems_action.isChecked()
    assert dashboard.proxy.rowCount() < listed
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dashboard.view
    report_view.source.editor.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is report_view.source.editor)
    qtbot.keyClick(report_view.source.editor, Qt.Key.Key_Tab)  # round from the last panel
    assert QApplication.focusWidget() is box
    report_view.current_view().setFocus()
    qtbot.keyClick(report_view.current_view(), Qt.Key.Key_O, ALT)  # (a mnemonic's click lands a moment later)
    qtbot.waitUntil(lambda: not box.isChecked())
    assert dashboard.proxy.rowCount() == listed and not window.only_problems_action.isChecked()


def test_the_export_box_and_status_bar_name_the_format_written(make_window, store, report_folder, qtbot,
                                                               tmp_path, monkeypatch):
    """The window told Word from the rest by the files' ``.docx``, and said of Excel, CSV and JSON
    alike 「导出完成，共写入 1 个文件」: the export says what it wrote, and the box and the status bar
    name it for every format."""
    from gui import file_dialogs, folder_prompt

    window = window_on_folder(qtbot, make_window, store, report_folder, 6)
    select_report(qtbot, window, PLANTED)
    said = {}
    for key, name, written in ((".xlsx", "Excel 工作簿", "结果.xlsx"), (".csv", "CSV 文件", "结果.csv"),
                               (".json", "JSON 文件", "结果.json"), (".docx", "Word 文件", "本报告.docx")):
        target = tmp_path / written
        monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, t=target, **k: (str(t), ""))
        with qtbot.waitSignal(window.exportFinished, timeout=120000):
            window.export_actions[key].trigger()
        said[key] = (window.message_box.text().split("\n")[0], window.statusBar().currentMessage())
        window.message_box.close()
        assert said[key][1] == f"导出完成（{name}）：{target}", said[key]
    assert said[".xlsx"][0] == "导出完成，已写入 Excel 工作簿："
    assert said[".csv"][0] == "导出完成，已写入 CSV 文件："
    assert said[".json"][0] == "导出完成，已写入 JSON 文件："
    assert said[".docx"][0] == "导出完成：1 份报告已导出为 Word 文件。"
    out = tmp_path / "word"
    monkeypatch.setattr(folder_prompt, "ask_export_folder", lambda *a, **k: str(out))
    with qtbot.waitSignal(window.exportFinished, timeout=120000):
        window.export_actions["word"].trigger()
    assert window.message_box.text().startswith("导出完成：6 份报告已导出为 Word 文件。")
    window.message_box.close()
    assert window.statusBar().currentMessage() == f"导出完成：6 份报告的 Word 文件，在 {out}"


def test_the_file_dialog_shows_size_type_and_date_whole_and_gives_names_the_rest(qtbot, tmp_path):
    """Qt's own dialog sizes 大小, 类型 and 修改日期 for "128.88 GB", "mp3Folder" and a US date: at
    1366×768 an .xlsx file's type read 「Ex…表格」. Each takes what its values need (as the files are
    listed, and in each folder entered), and 名称 the room left."""
    from gui.file_dialogs import fit_columns
    from gui.qt import QAbstractItemView, QFileDialog

    folder = tmp_path / "导出"
    folder.mkdir()
    (folder / "结果.xlsx").write_bytes(b"PK\x03\x04" + b"\0" * 2000)
    (folder / ("某某市某某区人民政府办公室2023年政府信息公开工作年度报告" + ".docx")).write_bytes(b"")
    dialog = QFileDialog(None, "导出", str(folder))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.addWidget(dialog)
    dialog.resize(960, 600)
    dialog.show()
    qtbot.waitExposed(dialog)
    files = dialog.findChild(QAbstractItemView, "treeView")
    header = files.header()
    qtbot.waitUntil(lambda: files.model().rowCount(files.rootIndex()) == 2)
    fit_columns(dialog)
    for column in (1, 2, 3):  # each value whole
        qtbot.waitUntil(lambda c=column: header.sectionSize(c) >= files.sizeHintForColumn(c))
    assert header.length() <= files.viewport().width() + 1  # none pushed out of sight
    dialog.resize(dialog.width() + 400, dialog.height())  # a wider dialog: the names take it
    qtbot.waitUntil(lambda: header.length() >= files.viewport().width() - 1)
    assert header.sectionSize(0) > 400
    dialog.reject()


def test_an_export_asked_while_the_folder_loads_waits_and_says_why(make_window, store, report_folder, qtbot,
                                                                   tmp_path, monkeypatch):
    """导出为 Excel while 正在载入 340/354 份报告 wrote the reports listed so far and said
    「共导出 224 份报告」: nothing told the auditor the file missed the rest of the folder. A folder's
    export asked while it loads writes nothing and says to wait; once loaded, it holds every report."""
    from gui import file_dialogs

    window = make_window(store)
    qtbot.waitExposed(window)
    target = tmp_path / "结果.csv"
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(window.loadFinished, timeout=60000):
        assert window.open_folder(str(report_folder))
        assert window.is_loading()
        with qtbot.waitSignal(window.exportFinished, timeout=10000) as blocker:
            window.export_actions[".csv"].trigger()
    assert blocker.args[0] == "文件夹还在载入，载入完成后再导出（现在导出会缺少尚未载入的报告）"
    assert window.message_box.text() == blocker.args[0]
    window.message_box.close()
    assert not target.exists()
    with qtbot.waitSignal(window.exportFinished, timeout=120000) as blocker:
        window.export_actions[".csv"].trigger()
    assert blocker.args[0] == [target]
    assert "共导出 6 份报告" in window.message_box.text()
    window.message_box.close()


def test_the_count_line_says_what_hides_the_reports_it_does_not_show(make_window, store, report_folder, qtbot,
                                                                    tmp_path):
    """「只看有问题的」 stays ticked from one folder to the next: a folder of reports with no problem
    opened as an empty list under 「共 2 份，显示 0 份」, nothing saying why. The line names what
    hides them, the search too."""
    import shutil
    from tests.gui.helpers import SEED_003, open_folder

    window = window_on_folder(qtbot, make_window, store, report_folder, 6)
    dashboard = window.dashboard
    qtbot.keyClick(dashboard.view, Qt.Key.Key_O, ALT)
    qtbot.waitUntil(dashboard.only_problems.isChecked)
    clean = tmp_path / "clean"
    clean.mkdir()
    for name in ("000_f621d1f2d2e52411.txt", "004_a91be580dd15950d.txt"):
        shutil.copy(report_folder / name, clean / name)
    assert open_folder(qtbot, window, clean) == 2
    assert dashboard.proxy.rowCount() == 0
    assert dashboard.count_label.text() == "共 2 份，显示 0 份（只看有问题的）"
    assert open_folder(qtbot, window, report_folder) == 6
    dashboard.search.setText(SEED_003)
    qtbot.waitUntil(lambda: dashboard.proxy.rowCount() == 1)
    assert dashboard.count_label.text() == f"共 6 份，显示 1 份（搜索“{SEED_003}”、只看有问题的）"
    qtbot.keyClick(dashboard.view, Qt.Key.Key_O, ALT)
    qtbot.waitUntil(lambda: not dashboard.only_problems.isChecked())
    assert dashboard.count_label.text() == f"共 6 份，显示 1 份（搜索“{SEED_003}”）"
    dashboard.search.clear()
    assert dashboard.count_label.text() == "共 6 份，显示 6 份"
