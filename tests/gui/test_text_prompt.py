"""The one-line prompt of 确认问题 / 忽略 (gui/text_prompt.py), driven by its keys."""
from __future__ import annotations

from gui import text_prompt
from PySide6.QtTest import QTest

from gui.qt import QApplication, QDialogButtonBox, QInputDialog, QLineEdit, Qt, QTimer


def _answer(qtbot, steps):
    """Run ``steps(dialog)`` once the modal prompt is up (it blocks in exec)."""
    def act():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, act)
            return
        steps(dialog)
    QTimer.singleShot(0, act)


def test_a_required_reason_keeps_the_prompt_open_until_one_is_typed(qtbot):
    # 忽略 with an empty reason closed the prompt and only the status bar said 「须写明理由」:
    # the auditor had to press Ctrl+Shift+I again. OK waits for a reason; Enter on none does nothing.
    seen = {}

    def steps(dialog):
        field = dialog.findChild(QLineEdit)
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        seen["ok at first"] = ok.isEnabled()
        QTest.keyClicks(field, "  ")
        QTest.keyClick(field, Qt.Key.Key_Return)
        seen["open after Enter on blanks"] = dialog.isVisible()
        QTest.keyClicks(field, "yuanbiao")
        seen["ok with a reason"] = ok.isEnabled()
        QTest.keyClick(field, Qt.Key.Key_Return)

    _answer(qtbot, steps)
    text, accepted = text_prompt.ask_text(None, "忽略问题", "忽略的理由（必填）：", required=True)
    assert seen == {"ok at first": False, "open after Enter on blanks": True, "ok with a reason": True}
    assert (text.strip(), accepted) == ("yuanbiao", True)


def test_a_note_that_may_be_left_empty_is_accepted_empty(qtbot):
    _answer(qtbot, lambda dialog: QTest.keyClick(dialog.findChild(QLineEdit), Qt.Key.Key_Return))
    assert text_prompt.ask_text(None, "确认问题", "给报送单位的说明（可不填）：") == ("", True)


def test_an_alt_letter_is_not_typed_into_the_note(qtbot):
    """gui65: an Alt+letter meant for a button (Alt+C, Alt+O) was typed into the note: 「已核c」."""
    seen = {}

    def steps(dialog):
        field = dialog.findChild(QLineEdit)
        QTest.keyClicks(field, "yihe")
        for letter in (Qt.Key.Key_C, Qt.Key.Key_O):
            QTest.keyClick(field, letter, Qt.KeyboardModifier.AltModifier)
        seen["note"] = field.text()
        QTest.keyClick(field, Qt.Key.Key_Return)

    _answer(qtbot, steps)
    text, accepted = text_prompt.ask_text(None, "确认问题", "说明（可不填）：")
    assert seen == {"note": "yihe"}
    assert (text, accepted) == ("yihe", True)
