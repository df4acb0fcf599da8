"""原文: the report's source text, with the selected cell's text highlighted and scrolled into view."""
from __future__ import annotations

import html
import re
from typing import Optional

from gui.layout import caption_over_body, never_widens
from gui import palette, strings
from gui.qt import (QCheckBox, QColor, QFontMetrics, QLabel, QPlainTextEdit, Qt,
                    QTextCursor, QTimer, QTextEdit, QTextFormat, QWidget)


_FIELD_SPLIT = re.compile(r"[|\t]|\s{2,}|\u3000")
_NUMBER = re.compile(r"^[-+−]?[\d,，.．]+(?:件|个|项|万元|元|%)?$")
# values after a label in one field (「…公开申请 0 0」: a text export spaces its values once)
_TRAILING_NUMBERS = re.compile(r"(?:\s+[-+−]?[\d,，.．]+(?:件|个|项|万元|元|%)?)+$")


def row_label(line: str) -> str:
    """The words of a row before its value (its label, a column's table cells' texts), the
    numbers and the table's rules left out: 「一、本年新收政府信息公开申请数量」 of
    「| 一、本年新收政府信息公开申请数量 |  | 25 | 63 |」."""
    fields = (_TRAILING_NUMBERS.sub("", field.strip(" :-：")) for field in _FIELD_SPLIT.split(line))
    return "　".join(field for field in fields if field and not _NUMBER.match(field))


def utf16_offset(text: str, offset: int) -> int:
    """A Python string offset as a Qt (UTF-16) text position."""
    return len(text[:offset].encode("utf-16-le")) // 2  # characters beyond the BMP count twice


class SourcePane(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.caption = QLabel()
        self.caption.setTextFormat(Qt.TextFormat.RichText)
        never_widens(self.caption)  # a long cell name or source text must not move the splitters
        self.caption.setWordWrap(True)  # at 1366 the cell's name and its text take two lines
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("sourceText")
        self.editor.setReadOnly(True)
        self.editor.setPlaceholderText(strings.SOURCE_EMPTY)
        # Table rows in text exports are tab-separated: wide tab stops, and no wrapping by
        # default, keep a row on one line so that a number sits under its neighbours.
        self.editor.setTabStopDistance(QFontMetrics(self.editor.font()).horizontalAdvance("中") * 3)
        self.editor.setTabChangesFocus(True)  # Tab goes on to the next panel
        self._text = ""
        self._span: Optional[tuple[int, int]] = None
        # The row's label pinned at the viewport's left edge while it is scrolled out of sight: a
        # value far along a long row (a Markdown table's) was shown as a bare number (ux69)
        self.pin = QLabel(self.editor.viewport())
        self.pin.setObjectName("sourceRowLabel")
        self.pin.setTextFormat(Qt.TextFormat.PlainText)
        self.pin.setFont(self.editor.font())
        self.pin.setAutoFillBackground(True)
        self.pin.setStyleSheet(f"QLabel#sourceRowLabel {{ background: {palette.SOURCE_LINE};"
                               " border-right: 1px solid gray; padding: 0 3px; }")
        self.pin.hide()
        self._pin_queued = False
        # placed a turn later: measuring a line while the text is laid out kept the scroll bar's
        # range at that of the lines measured so far (a value far along a row stayed out of sight)
        self.editor.horizontalScrollBar().valueChanged.connect(self._queue_pin)
        self.editor.verticalScrollBar().valueChanged.connect(self._queue_pin)
        self.wrap = QCheckBox(strings.SOURCE_WRAP)
        self.wrap.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.wrap.toggled.connect(self.set_wrapping)
        self.set_wrapping(False)
        caption_over_body(self, self.caption, self.wrap, (self.editor, 0))
        self._caption("")

    def _queue_pin(self, *_args) -> None:
        if not self._pin_queued:
            self._pin_queued = True
            QTimer.singleShot(0, self, self._place_pin)

    def _place_pin(self) -> None:
        """Show the highlighted row's label at the left edge while its start is out of sight, in
        the room left of the value (hidden when there is none, or nothing is highlighted)."""
        self._pin_queued = False
        pin, editor = self.pin, self.editor
        if self._span is None or editor.lineWrapMode() != QPlainTextEdit.LineWrapMode.NoWrap:
            pin.hide()
            return
        start = self._span[0]
        line_start = self._text.rfind("\n", 0, start) + 1
        label = row_label(self._text[line_start:start])
        cursor = QTextCursor(editor.document())
        cursor.setPosition(utf16_offset(self._text, line_start))
        line_left = editor.cursorRect(cursor).left()
        cursor.setPosition(utf16_offset(self._text, start))
        value = editor.cursorRect(cursor)
        room = value.left() - 2 * QFontMetrics(editor.font()).horizontalAdvance("中") // 3
        if not label or line_left >= 0 or room <= 0 or value.bottom() < 0 or value.top() > editor.viewport().height():
            pin.hide()
            return
        metrics = QFontMetrics(pin.font())
        margins = pin.contentsMargins().left() + pin.contentsMargins().right() + 8
        text = metrics.elidedText(label, Qt.TextElideMode.ElideLeft, room - margins)
        if text in ("", "…"):
            pin.hide()
            return
        pin.setText(text)
        pin.setToolTip(label)
        pin.setGeometry(0, value.top(), min(room, metrics.horizontalAdvance(text) + margins), value.height())
        pin.show()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._queue_pin()

    def shown_row_label(self) -> str:
        """The row label pinned at the left edge ("" when none is)."""
        return self.pin.text() if self.pin.isVisible() else ""

    def _scroll_to_value(self) -> None:
        """The value in sight with as much of its line before it as fits: a row's label prints
        left of its values. Scrolled the least way (ensureCursorVisible), a value reached from one
        further right went to the left edge, its label out of sight: at 1366 the panel showed
        「0　0　0」 and no row name."""
        editor = self.editor
        editor.ensureCursorVisible()
        if editor.lineWrapMode() != QPlainTextEdit.LineWrapMode.NoWrap or self._span is None:
            return
        bar = editor.horizontalScrollBar()
        end = editor.cursorRect().right() + bar.value()  # the caret sits at the value's end
        start_cursor = QTextCursor(editor.document())
        start_cursor.setPosition(utf16_offset(self._text, self._span[0]))
        start = editor.cursorRect(start_cursor).left() + bar.value()
        margin = QFontMetrics(editor.font()).horizontalAdvance("中")
        wanted = max(0, end + margin - editor.viewport().width())
        bar.setValue(min(wanted, max(0, start - margin // 2)))  # never past the value's start
        self._place_pin()

    def set_wrapping(self, wrap: bool) -> None:
        mode = QPlainTextEdit.LineWrapMode.WidgetWidth if wrap else QPlainTextEdit.LineWrapMode.NoWrap
        self.editor.setLineWrapMode(mode)
        self.editor.centerCursor()
        self._queue_pin()

    def _caption(self, detail: str) -> None:
        self.caption.setText(f"<b>{strings.SOURCE_TITLE}</b>　{html.escape(detail)}")
        self.caption.setToolTip(detail)

    @property
    def highlighted_span(self) -> Optional[tuple[int, int]]:
        """The highlighted span, as offsets into the report text (None when nothing is)."""
        return self._span

    def set_text(self, text: str) -> None:
        self._text = text or ""
        self._span = None
        self.editor.setExtraSelections([])  # the band of the cell shown before, on the new text
        self.editor.setPlainText(self._text)
        self.pin.hide()
        self._caption("")

    def selected_text(self) -> str:
        return self.editor.textCursor().selectedText()

    def show_cell(self, name: str, span: Optional[tuple[int, int]], raw: str = "",
                  near: Optional[int] = None) -> None:
        """Highlight ``span`` (offsets into the text) and scroll it into view. None clears the
        highlight; the text then goes to ``near`` (where the cell's row or table prints) if given,
        so that the auditor still sees the printed text around a cell it does not print."""
        if span is None or not self._text:
            self._span = None
            self.pin.hide()
            self.editor.setExtraSelections([])
            self._caption(strings.SOURCE_NO_SPAN.format(cell=name))
            if near is not None and self._text:
                caret = QTextCursor(self.editor.document())
                caret.setPosition(utf16_offset(self._text, max(0, min(len(self._text), near))))
                self.editor.setTextCursor(caret)
                self.editor.centerCursor()
            return
        start, end = max(0, span[0]), min(len(self._text), span[1])
        self._span = (start, end)
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(utf16_offset(self._text, start))
        cursor.setPosition(utf16_offset(self._text, end), QTextCursor.MoveMode.KeepAnchor)

        line = QTextEdit.ExtraSelection()
        line.format.setBackground(QColor(palette.SOURCE_LINE))
        line.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        line.cursor = QTextCursor(cursor)
        line.cursor.clearSelection()
        mark = QTextEdit.ExtraSelection()
        mark.format.setBackground(QColor(palette.SOURCE_HIGHLIGHT))
        mark.format.setFontWeight(700)
        mark.cursor = cursor
        self.editor.setExtraSelections([line, mark])

        caret = QTextCursor(cursor)
        caret.clearSelection()  # the yellow mark shows the cell; a selection would hide it
        self.editor.setTextCursor(caret)
        self.editor.centerCursor()
        # sideways once the text is laid out (the next pass of the event loop): on a text just set,
        # the scroll bar's range was still the narrow one of the lines measured so far, and a value
        # far along a long row (a Markdown table's) stayed out of sight, the band over its label only
        QTimer.singleShot(0, self.editor, self._scroll_to_value)
        self._caption(strings.SOURCE_CELL.format(cell=name, raw=raw or self._text[start:end]))
