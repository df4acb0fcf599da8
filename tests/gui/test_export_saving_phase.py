"""A long export says what it is doing through the file's save, and can be cancelled safely.

An Excel export of q3001's 354 reports counted 354/354 after 8 s of CPU, then spent 5 s of CPU
(20 s at load 4) in the workbook's save with the status bar still at 「354/354 份报告」 and
nothing moving; the 汇总 export said 「正在导出…」 alone for all of its 3 s of CPU.
"""
import threading

from core.export.common import ExportSteps
from gui import strings
from gui.exporter import write_export
from gui.qt import QFileDialog, Qt
from tests.gui.helpers import window_on_folder


def held_at_saving(released: threading.Event, seen: list):
    """write_export, held once every report is built (its steps' saving) until ``released``."""
    def write(reviews, target, steps: ExportSteps):
        def saving():
            steps.saving()
            seen.append("saving")
            released.wait(60)
        return write_export(reviews, target, ExportSteps(steps.counted, saving, steps.go_on))
    return write


def test_the_save_of_an_excel_export_shows_a_busy_bar_and_says_so(make_window, store, report_folder, qtbot,
                                                                   tmp_path):
    window = window_on_folder(qtbot, make_window, store, report_folder, 6)
    target = tmp_path / "结果.xlsx"
    released, seen = threading.Event(), []
    window.start_export(target, write=held_at_saving(released, seen))
    try:
        qtbot.waitUntil(lambda: window.statusBar().currentMessage() == strings.EXPORT_SAVING, timeout=60000)
        assert window.export_bar.isVisible() and window.cancel_export_button.isVisible()
        assert (window.export_bar.minimum(), window.export_bar.maximum()) == (0, 0)  # busy: no count to give
    finally:
        released.set()
    with qtbot.waitSignal(window.exportFinished, timeout=60000):
        pass
    window.message_box.close()
    assert target.exists()
    assert not window.export_bar.isVisible() and not window.cancel_export_button.isVisible()
    assert not window.cancel_export_action.isEnabled()


def test_cancelling_during_the_save_leaves_the_old_file_and_no_temporary_one(make_window, store, report_folder,
                                                                            qtbot, tmp_path):
    """取消导出 clicked while the workbook is saved: the file the auditor had there stays as it was
    (the new one, finished meanwhile, is not moved over it) and no temporary file is left."""
    window = window_on_folder(qtbot, make_window, store, report_folder, 6)
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "结果.xlsx"
    target.write_bytes(b"the auditor's earlier export")
    released, seen = threading.Event(), []
    window.start_export(target, write=held_at_saving(released, seen))
    qtbot.waitUntil(lambda: seen == ["saving"], timeout=60000)
    with qtbot.waitSignal(window.exportFinished, timeout=60000) as finished:
        qtbot.mouseClick(window.cancel_export_button, Qt.MouseButton.LeftButton)
        assert window.statusBar().currentMessage() == strings.EXPORT_CANCELLING
        released.set()
    assert finished.args[0] == strings.EXPORT_CANCELLED
    assert window.statusBar().currentMessage() == strings.EXPORT_CANCELLED
    assert target.read_bytes() == b"the auditor's earlier export"
    assert sorted(p.name for p in target.parent.iterdir()) == ["结果.xlsx"]
    assert not window.export_bar.isVisible()
    qtbot.waitUntil(lambda: not window.exports.busy())


def test_the_cancel_is_in_the_export_menu_for_the_keyboard(make_window, store, report_folder, qtbot, tmp_path,
                                                          monkeypatch):
    """The menu's 取消正在进行的导出 stops a Word export of the folder: none of its files is left."""
    from gui import folder_prompt
    window = window_on_folder(qtbot, make_window, store, report_folder, 6)
    out = tmp_path / "word"
    out.mkdir()
    assert not window.cancel_export_action.isEnabled()  # nothing to cancel
    released, seen = threading.Event(), []

    def held_after_first(reviews, target, steps: ExportSteps):
        def counted(done, total):
            steps.counted(done, total)
            if done == 2:
                seen.append(done)
                released.wait(60)
        return write_export(reviews, target, ExportSteps(counted, steps.saving, steps.go_on))
    monkeypatch.setattr(folder_prompt, "ask_export_folder", lambda *a, **k: str(out))
    window.start_export(out, write=held_after_first, kind="word")
    qtbot.waitUntil(lambda: seen == [2], timeout=60000)
    assert window.statusBar().currentMessage() == strings.EXPORT_PROGRESS.format(done=2, total=6)
    assert window.export_bar.maximum() == 6 and window.export_bar.value() == 2
    assert list(out.glob("*.docx"))  # two written so far
    assert window.cancel_export_action.isEnabled()
    with qtbot.waitSignal(window.exportFinished, timeout=60000) as finished:
        window.cancel_export_action.trigger()
        released.set()
    assert finished.args[0] == strings.EXPORT_CANCELLED
    assert list(out.iterdir()) == []
    assert QFileDialog  # (no dialog asked: the target was given)
