"""Marking a report 已审核 while errors are open: one reason per error, or cancel."""
from __future__ import annotations

from core.model import Finding
from gui import strings
from gui.alt_keys import types_no_alt_letters
from gui.qt import (QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QScrollArea, QSize,
                    QVBoxLayout, QWidget, Qt)

MIN_WIDTH = 560


class _FittingScroll(QScrollArea):
    """As tall as the errors' rows wrapped at its width, up to half the screen (then it
    scrolls). Qt's hints, the wrapped texts measured at other widths, left one or two errors a
    blank band of four to six lines above the buttons, and cut six's last field."""

    width_at_first = 0  # the width its rows wrap at in the dialog at its minimum width

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        panel = self.widget()
        if panel is None or panel.layout() is None:
            return hint
        screen = self.screen().availableGeometry().height() if self.screen() is not None else 768
        width = self.viewport().width() if self.isVisible() else self.width_at_first  # (unshown: 640)
        rows = panel.layout().totalHeightForWidth(width)
        wanted = (rows if rows > 0 else panel.sizeHint().height()) + 2 * self.frameWidth()
        return QSize(hint.width(), min(wanted, screen // 2))


class ReasonsDialog(QDialog):
    """Lists the open errors, each with a field for the reason to dismiss it. OK (enabled once
    every reason is written) dismisses them all and marks the report; 取消 changes nothing."""

    def __init__(self, name: str, errors: list[Finding], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(strings.REVIEW_DIALOG_TITLE)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.errors = list(errors)
        intro = QLabel(strings.REVIEW_DIALOG_TEXT.format(name=name, count=len(self.errors)))
        intro.setWordWrap(True)
        errors_panel = QWidget()
        form = QFormLayout(errors_panel)
        self.fields: list[QLineEdit] = []
        for finding in self.errors:
            label = QLabel(f"{finding.rule}　{finding.message}")
            label.setWordWrap(True)
            field = QLineEdit()
            types_no_alt_letters(field)
            field.setPlaceholderText(strings.REVIEW_REASON_PLACEHOLDER)
            field.textChanged.connect(self._update_ok)
            form.addRow(label)
            form.addRow(field)
            self.fields.append(field)
        # 42 errors of one broken file, 42 reasons to type: one may stand for them all (each error
        # still gets it as its own reason)
        self.same_reason: QCheckBox | None = None
        if len(self.fields) > 1:
            self.same_reason = QCheckBox(strings.REVIEW_SAME_REASON.format(count=len(self.fields)))
            self.same_reason.toggled.connect(self._share_first_reason)
            self.fields[0].textChanged.connect(lambda _text: self._share_first_reason(self.same_reason.isChecked()))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(strings.REVIEW_DIALOG_OK)
        # keys of their own, as the box has (Alt+R as the window's 标记为已审核)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(strings.DIALOG_CANCEL)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        scroll = _FittingScroll()  # many errors still fit a 768-pixel screen
        scroll.setWidget(errors_panel)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # the keys go to the first reason, not the scrolling list (the fields scroll into view
        # as Tab reaches them)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        if self.same_reason is not None:
            layout.addWidget(self.same_reason)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        if self.same_reason is not None:  # Tab from the first reason to the box, then the second
            QWidget.setTabOrder(self.fields[0], self.same_reason)
            QWidget.setTabOrder(self.same_reason, self.fields[1])
        self.setMinimumWidth(MIN_WIDTH)
        margins = layout.contentsMargins()
        scroll.width_at_first = MIN_WIDTH - margins.left() - margins.right() - 2 * scroll.frameWidth()
        # as tall as the texts wrapped at that width: the dialog's size hint measured the
        # wrapped labels at a narrower guess, the excess a blank band above the buttons
        self.resize(MIN_WIDTH, layout.totalHeightForWidth(MIN_WIDTH))
        self._update_ok()
        if self.fields:
            self.fields[0].setFocus()

    def reasons(self) -> list[tuple[Finding, str]]:
        return [(finding, field.text().strip()) for finding, field in zip(self.errors, self.fields)]

    def _share_first_reason(self, on: bool) -> None:
        """The other fields hold the first one's reason, greyed, while the box is checked."""
        for field in self.fields[1:]:
            field.setEnabled(not on)
            if on:
                field.setText(self.fields[0].text())

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(all(field.text().strip() for field in self.fields))

    def accept(self) -> None:
        if self.ok_button.isEnabled():  # Enter in a field with a reason still missing: stay
            super().accept()
