"""原文: the report's source text, with the selected cell's text highlighted and scrolled into view."""
from __future__ import annotations

import html
from typing import Optional

from gui.layout import caption_over_body, never_widens
from gui import palette, strings
from gui.qt import (QCheckBox, QColor, QFontMetrics, QLabel, QPlainTextEdit, Qt,
                    QTextCursor, QTimer, QTextEdit, QTextFormat, QWidget)


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
        self.wrap = QCheckBox(strings.SOURCE_WRAP)
        self.wrap.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.wrap.toggled.connect(self.set_wrapping)
        self.set_wrapping(False)
        caption_over_body(self, self.caption, self.wrap, (self.editor, 0))
        self._text = ""
        self._span: Optional[tuple[int, int]] = None
        self._caption("")

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

    def set_wrapping(self, wrap: bool) -> None:
        mode = QPlainTextEdit.LineWrapMode.WidgetWidth if wrap else QPlainTextEdit.LineWrapMode.NoWrap
        self.editor.setLineWrapMode(mode)
        self.editor.centerCursor()

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
