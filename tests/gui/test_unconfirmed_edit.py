"""A number the auditor typed but never confirmed (no Enter, no Tab) is not an edit: closing the
window, or moving to another report, with the cell's editor open discards it as Esc would."""
import pytest

from gui.qt import QApplication, QLineEdit, Qt
from tests.gui.helpers import PLANTED, PLANTED_CELL, SEED_000, SEED_003, select_report, start_typing, window_on_folder


@pytest.fixture
def window(make_window, store, report_folder, qtbot):
    return window_on_folder(qtbot, make_window, store, report_folder, 6, active=True)


def half_type(qtbot, window, text="99"):
    """F2 on the planted cell of 表三 and ``text`` typed, not confirmed."""
    view = window.report_view.show_section("section3")
    editor, index = start_typing(qtbot, view, PLANTED_CELL, text)
    assert editor.text() == text and view.state() == view.State.EditingState
    return view, index


def test_closing_the_window_with_a_cell_half_typed_stores_nothing(window, qtbot, store):
    session = select_report(qtbot, window, PLANTED)
    view, index = half_type(qtbot, window)
    window.close()
    assert view.state() == view.State.NoState  # the editor closed as by Esc
    assert index.data() == "15"  # as printed
    edits, _ = store.load(session.report.content_hash)
    assert edits == []
    assert session.undo_stack.count() == 0


def test_ctrl_q_with_a_cell_half_typed_stores_nothing(window, qtbot, store):
    session = select_report(qtbot, window, PLANTED)
    view, index = half_type(qtbot, window)
    editor = next(e for e in view.findChildren(QLineEdit) if e.isVisible())
    qtbot.keyClick(editor, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()
    edits, _ = store.load(session.report.content_hash)
    assert edits == []


def test_another_report_chosen_with_a_cell_half_typed_leaves_the_first_unchanged(window, qtbot, store):
    session = select_report(qtbot, window, PLANTED)
    view, index = half_type(qtbot, window)
    select_report(qtbot, window, SEED_003)
    edits, _ = store.load(session.report.content_hash)
    assert edits == []
    assert session.undo_stack.count() == 0


def test_a_dialog_over_a_cell_half_typed_stores_nothing_and_the_editor_waits(window, qtbot, store, monkeypatch):
    """Ctrl+O while typing: the folder dialog took the focus and Qt stored the number then; now
    it stays in the cell's editor, unconfirmed, and the dialog cancelled brings the auditor back
    to it."""
    from gui.qt import QDialog, QFileDialog

    session = select_report(qtbot, window, PLANTED)
    view, index = half_type(qtbot, window)
    stored_while_open = []

    def a_dialog(*args, **kwargs):
        dialog = QDialog(window)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        stored_while_open.extend(store.load(session.report.content_hash)[0])
        dialog.close()
        return ""  # cancelled

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", a_dialog)
    editor = next(e for e in view.findChildren(QLineEdit) if e.isVisible())
    qtbot.keyClick(editor, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert stored_while_open == []
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor)
    assert editor.text() == "99" and index.data() == "15"
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # confirmed now: stored
    qtbot.waitUntil(lambda: index.data() == "99")
    assert [(e.old, e.new) for e in store.load(session.report.content_hash)[0]] == [(15, 99)]


def test_a_change_to_the_report_while_a_cell_is_typed_leaves_the_typed_number(window, qtbot, store):
    """Ctrl+Enter (标记为已审核) pressed with a number half typed: the mark redrew the report's
    cells and Qt wrote the cell's value back into its open editor, so the 34 typed read 50 again
    (and Enter then stored nothing), under the auditor's eyes. The editor keeps what was typed,
    for Enter to store or Esc to drop."""
    session = select_report(qtbot, window, SEED_000)
    view = window.report_view.show_section("section3")
    index = view.model().index_of("section3.granted.natural")
    assert index.data() == "0"
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_3)  # typing opens the editor, as in a spreadsheet
    editor = next(e for e in view.findChildren(QLineEdit) if e.isVisible())
    qtbot.keyClick(editor, Qt.Key.Key_4)
    assert editor.text() == "34"
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert session.review.reviewed  # the mark was given
    assert view.state() == view.State.EditingState and editor.text() == "34"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: index.data() == "34")
    assert [(e.old, e.new) for e in store.load(session.report.content_hash)[0]] == [(0, 34)]


def test_an_export_ending_while_a_value_is_typed_waits_with_its_box(window, qtbot, store, tmp_path, monkeypatch):
    """An export of a large folder runs for a minute and the auditor works on. Its box came up
    in the middle of a value being typed: the rest of the digits went to the box and the Enter
    meant to store the value closed the box unseen, leaving the cell half typed (「1」 of 「12」).
    The box waits until the value is stored; the status bar says 导出完成 at once (ux68)."""
    from gui.qt import QFileDialog

    session = select_report(qtbot, window, PLANTED)
    target = tmp_path / "结果.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    view, index = half_type(qtbot, window, "1")
    editor = next(e for e in view.findChildren(QLineEdit) if e.isVisible())
    with qtbot.waitSignal(window.exportFinished, timeout=120000):
        window.export_actions[".json"].trigger()
    assert target.exists()
    assert window.statusBar().currentMessage() == f"导出完成（JSON 文件）：{target}"
    qtbot.wait(500)
    assert window.message_box is None  # no box over the cell being typed
    assert QApplication.focusWidget() is editor
    qtbot.keyClicks(editor, "2")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: index.data() == "12")
    assert [(e.old, e.new) for e in store.load(session.report.content_hash)[0]] == [(15, 12)]
    qtbot.waitUntil(lambda: window.message_box is not None and window.message_box.isVisible())
    assert window.message_box.text().startswith("导出完成，已写入 JSON 文件：")
    window.message_box.close()


def test_an_export_box_waiting_for_a_typed_value_is_not_shown_once_the_window_closed(
        window, qtbot, tmp_path, monkeypatch):
    """Ctrl+Q with the value still half typed: the waiting box must not come up alone, with no
    window under it, and keep the program running."""
    from gui.qt import QFileDialog

    select_report(qtbot, window, PLANTED)
    target = tmp_path / "结果.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    half_type(qtbot, window, "1")
    with qtbot.waitSignal(window.exportFinished, timeout=120000):
        window.export_actions[".json"].trigger()
    window.close()
    qtbot.wait(800)
    assert window.message_box is None


def test_an_export_ending_while_a_reason_is_typed_waits_for_the_reasons_box(window, qtbot, store, tmp_path,
                                                                             monkeypatch):
    """The same with 忽略's reason being typed: the export's box came up over the reason's box,
    took the keys and closed on the Enter meant for the reason. It waits for the reason's box."""
    from gui.qt import QFileDialog, QInputDialog, QTimer

    session = select_report(qtbot, window, PLANTED)
    window.report_view.findings.select_row(0)
    target = tmp_path / "结果.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    finished = []
    window.exportFinished.connect(finished.append)
    seen = {}

    def in_the_reasons_box():
        prompts = [p for p in window.findChildren(QInputDialog) if p.isVisible()]
        if not prompts or not finished:
            QTimer.singleShot(50, in_the_reasons_box)  # the export still running
            return
        qtbot.wait(600)
        seen["box over the reason"] = window.message_box is not None and window.message_box.isVisible()
        seen["modal"] = QApplication.activeModalWidget() is prompts[0]
        if seen["box over the reason"]:
            window.message_box.close()
        prompts[0].setTextValue("已电话核实")
        prompts[0].accept()

    window.export_actions[".json"].trigger()  # runs on while the reason is asked
    QTimer.singleShot(0, in_the_reasons_box)
    window.dismiss_action.trigger()
    assert seen == {"box over the reason": False, "modal": True}
    assert [v.note for v in store.load_verdicts(session.report.content_hash)] == ["已电话核实"]
    qtbot.waitUntil(lambda: window.message_box is not None and window.message_box.isVisible())
    assert window.message_box.text().startswith("导出完成，已写入 JSON 文件：")
    window.message_box.close()


def test_the_next_start_says_which_typed_value_was_dropped_as_the_window_closed(window, qtbot, store, settings,
                                                                                make_window, report_folder):
    """ux69: the auditor typed 99 in a cell and closed the window (Alt+F4) without Enter: the value
    was dropped, by design, but nothing ever said so; the next day the cell showed 15 again. The
    next start says which value of which cell was not saved, once."""
    from tests.gui.helpers import open_folder
    session = select_report(qtbot, window, PLANTED)
    half_type(qtbot, window)
    window.close()
    assert store.load(session.report.content_hash)[0] == []  # dropped, as before
    again = make_window(store)
    qtbot.waitExposed(again)
    open_folder(qtbot, again, report_folder)
    said = again.statusBar().currentMessage()
    assert said.startswith(f"上次关闭窗口时，{PLANTED} 表三「（一）予以公开」×「自然人」 正在输入的「99」还没有确认"), said
    assert "没有保存" in said
    open_folder(qtbot, again, report_folder)  # said once
    assert "上次关闭窗口时" not in again.statusBar().currentMessage()


def test_closing_with_a_cell_opened_but_nothing_typed_says_nothing_next_time(window, qtbot, store, settings):
    select_report(qtbot, window, PLANTED)
    half_type(qtbot, window, "15")  # the value it holds: nothing lost
    window.close()
    assert settings.dropped_typing == ""
