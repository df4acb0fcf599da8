"""The open report: 表二 / 表三 / 表四 laid out as the official template, the legend, the
问题清单 and the source pane; copy, paste, notes and suggestions on the cells."""
from __future__ import annotations

import html
from pathlib import PurePath
from typing import Callable, Optional

from core.readers.dispatch import GONE_PROBLEM, LINK_LOOP_PROBLEM
from core.readers.legacy import NO_OFFICE_PROBLEM
from core.model import BLANK_TEMPLATE
from core.review.edits import CONFIRMED, DISMISSED, UNREADABLE_REVIEWED, unreadable_reason
from core.template import SECTIONS, TEMPLATES
from gui import palette, strings, text_prompt
from gui.clipboard import parse_tsv, paste_targets, to_tsv
from gui.findings import KEY_APPLY_SUGGESTION, FindingsPanel
from gui.layout import never_widens
from gui.looks import LooksDelegate
from gui.reasons_dialog import ReasonsDialog
from gui.qt import (QAbstractItemDelegate, QAbstractItemView, QApplication, QByteArray, QColor, QEvent, QFontMetrics,
                    QGuiApplication, QHBoxLayout,
                    QItemSelection, QItemSelectionModel, QKeySequence, QLabel, QMenu, QModelIndex,
                    QFrame, QPainter, QPalette, QPen, QPixmap, QPoint, QPointF, QPolygon, QPushButton, QRect,
                    QRegion, QSize, QSplitter,
                    QStaticText, QStyle, QStyleOptionViewItem, QTabWidget, QTableView, QTimer,
                    QVBoxLayout, QWidget, Qt, QtGui, Signal)

from gui.session import ReportSession
from gui.source_pane import SourcePane
from gui.table_models import MODELS, TemplateTableModel
from gui.template_layout import T3_LABEL_COLUMNS, grid_for

TAB_TITLES = {"section2": strings.TAB_T2, "section3": strings.TAB_T3, "section4": strings.TAB_T4}
ROW_PADDING = 4  # a table row is the font's height plus this (the editor has no frame)
SIDE_PANEL_MIN = 420  # the 问题清单 and 原文 go beside the tables when this much width is left
# The cells' keys: the main window's actions and the cells' menu, which shows them
KEY_EDIT, KEY_COPY, KEY_PASTE = "F2", "Ctrl+C", "Ctrl+V"
BOTTOM_PAINT_MS = 1  # a report's 问题清单 and 原文 are painted on a later turn than its table
WARM_UP_STEP_MS = 5  # the tables painted off screen before a report opens: a strip per turn
WARM_UP_STRIP = 120  # pixels
WARM_UP_NUMBERS = 300  # 0 … 299 are laid out before a report opens
MARK_SHORTCUT = "Ctrl+Enter"  # the 标记为已审核 button's tooltip, when the mark can be given


class CellDelegate(LooksDelegate):
    """Keeps a selected cell's state colour (a frame marks the selection instead), draws the
    corner mark of flagged cells, and lets a cell spanning rows share its height among them.
    A row label too long for its cell wraps, its row as tall as its lines, as in the printed
    template: kept on one line, （二）部分公开（区分处理的，只计这一情形，不计其他情形） was cut to
    「…不计…」 at 1366 and at 1920 alike (表三 still fits a 1366 screen in focus mode, F11)."""

    # The cell is asked of the model in Python, not through index.data(): each of those goes
    # through Qt and back, handing the GIL to the loading thread and waiting to get it back
    # (hundreds of cells are painted at once, while a folder loads). For the same reason there
    # is no initStyleOption of its own: paint and sizeHint adjust the option they are given.
    @staticmethod
    def _cell(index: QModelIndex):
        cell_at = getattr(index.model(), "cell_at", None)  # the review's and the comparison's models
        return cell_at(index) if cell_at is not None else None

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        # Called for every cell painted: the option's state is read once, as an int (each read
        # of a flag, and each test of one, makes a Python enum object).
        model = index.model()
        cell_at = getattr(model, "cell_at", None)  # the review's and the comparison's models
        cell = cell_at(index) if cell_at is not None else None
        state = option.state.value
        if cell is None or not cell.is_value:
            in_sight = self._in_sight(option, index, cell)
            if in_sight is not option:  # its place changes as the table scrolls: not kept
                super().paint(painter, in_sight, index)
            elif not self._draw_label(painter, option, index, cell, model, state):
                super().paint(painter, option, index)
            return
        selected = state & _SELECTED
        if not self._draw_value(painter, option, index, model, state):
            if selected:
                opt = QStyleOptionViewItem(option)
                opt.state &= ~QStyle.StateFlag.State_Selected
                super().paint(painter, opt, index)
            else:
                super().paint(painter, option, index)
        marks = getattr(model, "marks", None)  # the review's models: found with the cell's looks
        if marks is not None:
            flagged, doubted = marks(index)
        else:
            flagged = model.data(index, TemplateTableModel.FlaggedRole)
            doubted = model.data(index, TemplateTableModel.DoubtRole)
        if not flagged and not selected and not doubted:
            return
        painter.save()
        rect = option.rect
        if doubted:  # a corrected cell keeps its green; the 存疑 finding through it is a dashed frame
            pen = QPen(QColor(palette.FLAG_MARK))
            pen.setWidth(2)
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(2, 2, -3, -3))
        if flagged:
            size = 7
            corner = rect.topRight()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(palette.FLAG_MARK))
            painter.drawPolygon(QPolygon([QPoint(corner.x() - size, corner.y()), corner,
                                          QPoint(corner.x(), corner.y() + size)]))
        if selected:
            pen = QPen(option.palette.highlight().color())
            pen.setWidth(2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        painter.restore()

    def _in_sight(self, option: QStyleOptionViewItem, index: QModelIndex, cell) -> QStyleOptionViewItem:
        """The option of a row label spanning rows (三、本年度办理结果) with its text kept in the
        part of the span in sight: centred there, or as close as its lines allow; its centre
        on the whole span was out of sight once 表三 scrolled, an empty grey cell. The option
        itself when the whole span is in sight (below the headings the view keeps at its top)."""
        view = option.widget
        if cell is None or cell.row_span == 1 or cell.header or not isinstance(view, TemplateTableView):
            return option
        rect = option.rect
        top = max(rect.top(), view.headings_height())
        bottom = min(rect.bottom() + 1, view.viewport().height())
        if (top, bottom) == (rect.top(), rect.bottom() + 1) or top >= bottom:
            return option
        margin = self._margin(view)
        text = option.fontMetrics.boundingRect(
            QRect(0, 0, max(1, rect.width() - 2 * margin), rect.height()),
            int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), str(index.data() or ""))
        height = min(rect.height(), max(bottom - top, text.height() + 2 * margin))
        y = max(rect.top(), min((top + bottom - height) // 2, rect.bottom() + 1 - height))
        option = QStyleOptionViewItem(option)
        option.rect = QRect(rect.left(), y, rect.width(), height)
        return option

    _texts: dict = {}  # a number's laid-out text (QStaticText), for every cell showing it
    MAX_TEXTS = 5000
    _labels: dict = {}  # a label cell as the style paints it (QPixmap), for every report
    MAX_LABELS = 2000

    def _draw_label(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex,
                    cell, model, state: int) -> bool:
        """Draw a label cell of the template from the picture the style painted of it before:
        a label looks the same in every report, and the style lays its wrapped Chinese text out
        again on every paint (the first paint of a label, its glyphs included, costs the most:
        see ReportView.warm_up). False where the style must
        draw it: no template cell, a model whose labels may change (the comparison's), the
        focused cell."""
        if cell is None or type(model) not in _FIXED_LABEL_MODELS or state & _HAS_FOCUS:
            return False
        rect = option.rect
        ratio = painter.device().devicePixelRatioF()
        widget = option.widget
        key = (cell, rect.width(), rect.height(), ratio, state, option.features.value,
               option.font.key(), option.palette.cacheKey(), id(widget.style()) if widget is not None else 0)
        picture = self._labels.get(key)
        if picture is None:
            if len(self._labels) >= self.MAX_LABELS:
                self._labels.clear()
            picture = QPixmap(max(1, round(rect.width() * ratio)), max(1, round(rect.height() * ratio)))
            picture.setDevicePixelRatio(ratio)
            picture.fill(option.palette.color(QPalette.ColorRole.Base))  # the viewport beneath
            local = QStyleOptionViewItem(option)
            local.rect = QRect(0, 0, rect.width(), rect.height())
            local_painter = QPainter(picture)
            super().paint(local_painter, local, index)
            local_painter.end()
            self._labels[key] = picture
        painter.drawPixmap(rect.topLeft(), picture)
        return True

    @classmethod
    def static_text(cls, text: str) -> QStaticText:
        """The laid-out text kept for a number (made on first use)."""
        static = cls._texts.get(text)
        if static is None:
            if len(cls._texts) >= cls.MAX_TEXTS:
                cls._texts.clear()
            static = cls._texts[text] = QStaticText(text)
        return static

    def _draw_value(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex, model,
                    state: int) -> bool:
        """Draw a value cell as the style draws it (its background, its text centred in the
        state's colour), from a laid-out text kept for every cell showing that number: the
        style lays the text out again on every paint, half the cost of painting a table.
        False where the style must draw it: the focused cell (its focus frame), a text wider
        than the cell (elided), a model without looks (the comparison's)."""
        looks = getattr(model, "looks", None)
        if looks is None or state & _HAS_FOCUS:
            return False
        text, font, _alignment, foreground, background = looks(index)
        rect = option.rect
        static = None
        if text:
            static = self.static_text(text)
            size = static.size()
            if font is not None or size.width() > rect.width() - 2 * self._margin(option.widget):
                return False
        if background is not None:
            painter.fillRect(rect, background)
        if static is not None:
            painter.save()
            if foreground is not None:
                painter.setPen(foreground.color())
            else:
                group = (QPalette.ColorGroup.Disabled if not state & _ENABLED
                         else QPalette.ColorGroup.Active if state & _ACTIVE
                         else QPalette.ColorGroup.Inactive)
                painter.setPen(option.palette.color(group, QPalette.ColorRole.Text))
            painter.setFont(option.font)
            painter.drawStaticText(QPointF(rect.x() + (rect.width() - size.width()) / 2,
                                           rect.y() + (rect.height() - int(size.height())) // 2), static)
            painter.restore()
        return True

    _margin_of: tuple = (None, 4)  # (style, its text margin in a cell): asked of the style once

    def _margin(self, widget) -> int:
        """The style's text margin in a cell, each side (as QCommonStyle's item view text)."""
        if widget is None:
            return 4
        style = widget.style()
        if self._margin_of[0] is not style:
            self._margin_of = (style, 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1))
        return self._margin_of[1]

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        cell = self._cell(index)
        hint = super().sizeHint(option, index)
        if cell is not None and cell.row_span > 1:  # a label spanning rows: each row carries a share
            hint.setHeight(hint.height() // cell.row_span)
        return hint

    def eventFilter(self, editor, event) -> bool:
        """A number typed is stored by Enter, Tab, a move to another cell or a click elsewhere
        in the window, not because the window stopped being the active one: Qt's delegate
        stored it as another window took the focus (a dialog, a menu opened from the menu bar,
        another program), so a number the auditor never confirmed entered the data. The editor
        stays open instead, with its text, for the auditor to confirm or Esc when back."""
        if event.type() == QEvent.Type.FocusOut and event.reason() in _AWAY_REASONS:
            return False
        return super().eventFilter(editor, event)

    def setEditorData(self, editor, index) -> None:
        """Fill a new editor with the cell's value, but never overwrite what the auditor typed:
        Qt writes the value into the open editor whenever the model says the cell changed, and
        a change of the report (标记为已审核 by Ctrl+Enter, a verdict, a recheck as the years are
        linked) turned a half-typed 34 back into the 50 it replaced."""
        if getattr(editor, "isModified", None) is not None and editor.isModified():
            return
        super().setEditorData(editor, index)

    def createEditor(self, parent, option, index):
        editor = super().createEditor(parent, option, index)
        if hasattr(editor, "setAlignment"):
            editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if hasattr(editor, "setFrame"):
            editor.setFrame(False)  # the rows are one line high: no room for a frame
        return editor


_AWAY_REASONS = (Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason)
_FIXED_LABEL_MODELS = set(MODELS.values())  # their label cells are the template's, in every report
_SELECTED = QStyle.StateFlag.State_Selected.value  # the option's state bits, as ints
_HAS_FOCUS = QStyle.StateFlag.State_HasFocus.value
_ENABLED = QStyle.StateFlag.State_Enabled.value
_ACTIVE = QStyle.StateFlag.State_Active.value


class TemplateTableView(QTableView):
    """A table drawn as the printed template: no header views, merged cells by setSpan."""

    def __init__(self, model: TemplateTableModel, parent=None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setObjectName(f"table_{model.section}")
        self.setItemDelegate(CellDelegate(self))
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setWordWrap(True)
        self.setCornerButtonEnabled(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table for the next panel
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setStyleSheet("QTableView { gridline-color: #8a8f98; }")
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        model.modelReset.connect(self.apply_layout)
        self.apply_layout()

    def model(self) -> TemplateTableModel:  # typed for readers
        return super().model()

    def keep_headings_in_view(self) -> None:
        """Keep the table's column headings (its leading heading rows, 表三's 申请人情况 …
        总计) at the top of the view while the body scrolls under them, as a spreadsheet's
        frozen panes: at 1366×768 a cell of (七)总计 showed numbers under no heading."""
        if self.headings is None:
            self.headings = HeadingRows(self)
            self._place_headings()

    def headings_height(self) -> int:
        """The height of the viewport's top the headings cover (0 without them)."""
        return self.headings.height() if self.headings is not None and self.headings.isVisible() else 0

    def scrollTo(self, index: QModelIndex, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        """Bring the cell into sight. A cell of the body is brought below the headings kept in view
        (never under them), scrolling only as far as that takes (the table snapped to its top as
        soon as a cell fitted there: Up from the foot of 表三 jumped half a page), and a heading
        they show (a click on one) moves nothing. A table whose headings are not kept in view is
        put at its top when the cell is in sight there, for the headings are its first rows."""
        covered = self.headings_height()
        if covered and index.isValid() and index.row() < self.headings.rows:
            return
        super().scrollTo(index, hint)
        if not index.isValid():
            return
        if hint == QAbstractItemView.ScrollHint.EnsureVisible and not covered:
            bottom = self.visualRect(index).bottom() + self.verticalOffset()
            if bottom < self.viewport().height():
                self.verticalScrollBar().setValue(0)
                return
        if covered:
            top = self.visualRect(index).top()
            if top < covered:
                bar = self.verticalScrollBar()
                bar.setValue(bar.value() - (covered - top))

    def updateGeometries(self) -> None:
        super().updateGeometries()
        self._place_headings()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        if dy:  # the viewport's pixels moved: a spanning label's text stays in sight (CellDelegate)
            viewport = self.viewport()
            model = self.model()
            for cell in self._tall_labels():
                viewport.update(self.visualRect(model.index(cell.row, cell.column)))

    def _tall_labels(self) -> list:
        """The row labels of the table spanning rows."""
        grid = self.model().grid
        if self._tall_of[0] is not grid:
            self._tall_of = (grid, [cell for cell in grid.spans()
                                    if cell.row_span > 1 and not cell.header and not cell.is_value])
        return self._tall_of[1]

    _tall_of: tuple = (None, [])  # (grid, its row labels spanning rows)

    def _place_headings(self) -> None:
        headings = self.headings
        if headings is None:
            return
        height = sum(self.rowHeight(row) for row in range(headings.rows))
        headings.setVisible(height > 0)
        headings.setGeometry(QRect(self.viewport().geometry().topLeft(),
                                   QSize(self.viewport().width(), height)))
        # a click beside the scroll bar's handle pages by the rows in sight below the headings,
        # less a row: the row cut by the foot of the page is shown whole on the next one
        row = QFontMetrics(self.font()).height() + ROW_PADDING
        self.verticalScrollBar().setPageStep(max(1, self.viewport().height() - self.headings_height() - row))

    def moveCursor(self, action, modifiers) -> QModelIndex:
        """With headings kept at the top: Page Down / Page Up step by the rows in sight below
        them (a step of the viewport's height, the part under the headings included, went past
        as many rows as they hide without showing them); Ctrl+Home goes to the first row below
        them, as in a spreadsheet with frozen panes (to the corner heading, the table left
        scrolled, its first rows out of sight). Ctrl+End goes to the last row's last cell (表三's
        四、结转 × 总计) from anywhere: from a heading, Qt's walk went down the column its span
        starts in (自然人)."""
        current = self.currentIndex()
        covered = self.headings_height()
        if covered and action == QAbstractItemView.CursorAction.MoveHome \
                and modifiers & Qt.KeyboardModifier.ControlModifier:
            return self.model().index(self.headings.rows, 0)
        if action == QAbstractItemView.CursorAction.MoveEnd and modifiers & Qt.KeyboardModifier.ControlModifier:
            return self._last_cell()
        if not covered or not current.isValid() or action not in (
                QAbstractItemView.CursorAction.MovePageDown, QAbstractItemView.CursorAction.MovePageUp):
            return super().moveCursor(action, modifiers)
        step = max(1, self.viewport().height() - covered)
        rect = self.visualRect(current)
        first_body_row = self.headings.rows
        down = action == QAbstractItemView.CursorAction.MovePageDown
        # The page's far row is the last one whole within a step of the cursor's row: brought
        # into sight, it leaves no row between unseen (the row at a step's distance, when taller
        # than the rows before it, as a wrapped label's row is, scrolled one row past unseen).
        if down:
            limit = rect.bottom() + step
            row = self.rowAt(limit)
            if row < 0:  # the last row shown
                row = self.model().rowCount() - 1
                while row > 0 and self.isRowHidden(row):
                    row -= 1
            elif self.rowViewportPosition(row) + self.rowHeight(row) - 1 > limit:
                row = self._next_shown(row, -1, current.row())
        else:
            limit = rect.top() - step
            row = self.rowAt(limit)
            if row >= 0 and self.rowViewportPosition(row) < limit:
                row = self._next_shown(row, 1, current.row())
            if row < first_body_row:  # the top: its first row below the headings, then a heading
                row = first_body_row if current.row() > first_body_row else 0
        model = self.model()
        grid = model.grid
        cell = grid.covering(row, current.column())  # a label spanning rows: its own
        if cell is not None and cell is grid.covering(current.row(), current.column()):
            # a label taller than the page (三、本年度办理结果 in a short table): the page goes past it
            row = min(max(cell.row + cell.row_span if down else cell.row - 1, 0), model.rowCount() - 1)
            cell = grid.covering(row, current.column())
        return model.index(cell.row, cell.column) if cell is not None else model.index(row, current.column())

    def _next_shown(self, row: int, direction: int, stop: int) -> int:
        """The next row shown from ``row`` in ``direction``, short of ``stop`` (else ``row``)."""
        other = row + direction
        while other != stop and self.isRowHidden(other):
            other += direction
        return other if other != stop else row

    def _last_cell(self) -> QModelIndex:
        """The last cell of the last row shown (the cell spanning it, if any)."""
        model = self.model()
        row = model.rowCount() - 1
        while row > 0 and self.isRowHidden(row):
            row -= 1
        column = model.columnCount() - 1
        cell = model.grid.covering(row, column)
        return model.index(cell.row, cell.column) if cell is not None else model.index(row, column)

    # Row heights of a template's table depend only on its labels, the font and the column
    # widths: measured once (resizeRowsToContents lays out every wrapped label, a tenth of a
    # second or more), then set again on every report of that template.
    _row_heights: dict[tuple, list[int]] = {}

    _applied: Optional[tuple] = None  # (grid, key) of the layout last set
    headings: Optional["HeadingRows"] = None  # drawn over the top: see keep_headings_in_view

    def apply_layout(self) -> None:
        model = self.model()
        grid = model.grid
        key = self._layout_key()
        if key is not None and self._applied == (grid, key):
            return  # another report of the same template: a reset keeps spans, widths and heights
        self.clearSpans()
        for cell in grid.spans():
            self.setSpan(cell.row, cell.column, cell.row_span, cell.column_span)
        widths = self._column_widths()
        for column, width in enumerate(widths):
            self.setColumnWidth(column, width)
        heights = self._row_heights.get(key) if key is not None else None
        if heights is None:
            self.resizeRowsToContents()
            minimum = QFontMetrics(self.font()).height() + ROW_PADDING
            heights = [max(self.rowHeight(row), minimum) for row in range(grid.rows)]
            if key is not None:
                self._row_heights[key] = heights
        for row, height in enumerate(heights):
            if self.rowHeight(row) != height:
                self.setRowHeight(row, height)
        self._applied = (grid, key) if key is not None else None
        if self.headings is not None:
            self.headings.copy_layout()
            self._place_headings()

    def _layout_key(self) -> Optional[tuple]:
        """What the layout of a template's table depends on (None: the comparison's, which
        sets its own widths after this)."""
        model = self.model()
        if not isinstance(model, TemplateTableModel):
            return None
        return (model.section, model.template, self.font().key(), tuple(self._column_widths()), model.grid.rows)

    def _column_widths(self) -> list[int]:
        metrics = QFontMetrics(self.font())
        char = metrics.horizontalAdvance("中")
        value = max(char * 4 + 16, metrics.horizontalAdvance("0000000") + 16)
        section = self.model().section
        columns = self.model().grid.columns
        if section == "section3":
            labels = [char * 2 + 14, char * 6 + 16, char * 16 + 16]  # long labels elide
            return labels + [value] * (columns - T3_LABEL_COLUMNS)
        if section == "section2":
            return [char * 11 + 16] + [char * 9 + 16] * (columns - 1)
        # 表四: fifteen narrow columns, headings in two lines (结果/维持) as printed.
        return [max(char * 2 + 18, metrics.horizontalAdvance("00000") + 14)] * columns

    def natural_width(self) -> int:
        """The width that shows every column without a horizontal scroll bar."""
        return (self.horizontalHeader().length() + 2 * self.frameWidth()
                + self.verticalScrollBar().sizeHint().width())

    def value_of_label(self, index: QModelIndex) -> QModelIndex:
        """The first value cell of a row label's row, right of it (none for a heading)."""
        model = self.model()
        grid = model.grid
        label = grid.covering(index.row(), index.column())
        if label is None or label.header:
            return QModelIndex()
        for column in range(label.column + label.column_span, grid.columns):
            cell = grid.anchor(index.row(), column)
            if cell is not None and cell.is_value:
                return model.index(cell.row, cell.column)
        return QModelIndex()

    def keyPressEvent(self, event) -> None:
        # A number typed on a row's label goes to the row's first value, as F2 does (on the label
        # it searched the labels for the digit and changed nothing).
        current = self.currentIndex()
        typing = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier  # (the keypad's digits)
        if event.text().strip() and not event.modifiers() & ~typing \
                and current.isValid() and not current.data(TemplateTableModel.IsValueRole) \
                and self.state() != QAbstractItemView.State.EditingState:
            value = self.value_of_label(current)
            if value.isValid():
                self.selectionModel().setCurrentIndex(value, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        # Enter on a value cell starts editing, as in a spreadsheet.
        # (the numeric keypad's Enter comes with the keypad modifier)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier) \
                and self.state() != QAbstractItemView.State.EditingState:
            index = self.currentIndex()
            if index.isValid() and index.flags() & Qt.ItemFlag.ItemIsEditable:
                self.edit(index)
                return
        super().keyPressEvent(event)

    def closeEditor(self, editor, hint) -> None:
        """Enter (or a click elsewhere) keeps the number typed, Esc the one before; either way
        the edit is over and the cursor stays on the cell, which alone is selected, as in a
        spreadsheet (the cells of the finding that led here stayed framed, as if still in use)."""
        super().closeEditor(editor, hint)
        current = self.currentIndex()
        if current.isValid() and self.state() != QAbstractItemView.State.EditingState:
            self.selectionModel().select(current, QItemSelectionModel.SelectionFlag.ClearAndSelect)


def heading_rows(grid) -> int:
    """How many rows of headings a table starts with: rows of column headings only, and no
    heading further down (0 for 表二, each of its blocks has its own)."""
    rows = {row for cell in grid.cells if cell.header for row in range(cell.row, cell.row + cell.row_span)}
    count = 0
    while count in rows:
        count += 1
    return count if count == len(rows) else 0


class HeadingRows(QTableView):
    """A table's heading rows, drawn over the top of its view (Qt's frozen column example,
    turned to rows): the same model, selection, spans, widths and heights, the view's
    horizontal scroll; the view's body scrolls under it."""

    def __init__(self, view: TemplateTableView) -> None:
        super().__init__(view)
        self.view = view
        self.rows = 0
        self.setObjectName(f"headings_{view.model().section}")
        self.setModel(view.model())
        self.setSelectionModel(view.selectionModel())
        self.setItemDelegate(CellDelegate(self))
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setWordWrap(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the view
        # the view's menu is for the cell under the mouse: not the body's cell under the headings
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        self.setAutoScroll(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setStyleSheet(view.styleSheet())
        view.horizontalScrollBar().valueChanged.connect(self.horizontalScrollBar().setValue)
        view.horizontalHeader().sectionResized.connect(lambda column, _old, width:
                                                       self.setColumnWidth(column, width))
        view.verticalHeader().sectionResized.connect(self._row_resized)
        self.copy_layout()

    def copy_layout(self) -> None:
        """The view's heading rows: its spans over them, its widths and heights; its other
        rows hidden (only the headings are drawn here)."""
        view = self.view
        grid = view.model().grid
        self.rows = heading_rows(grid)
        self.clearSpans()
        for cell in grid.spans():
            if cell.row < self.rows:
                self.setSpan(cell.row, cell.column, cell.row_span, cell.column_span)
        for column in range(grid.columns):
            self.setColumnWidth(column, view.columnWidth(column))
        for row in range(grid.rows):
            self.setRowHidden(row, row >= self.rows)
            if row < self.rows:
                self.setRowHeight(row, view.rowHeight(row))
        self.horizontalScrollBar().setValue(view.horizontalScrollBar().value())

    def _row_resized(self, row: int, _old: int, height: int) -> None:
        if row < self.rows:
            self.setRowHeight(row, height)
            self.view._place_headings()

    def updateGeometries(self) -> None:
        super().updateGeometries()
        # its range follows its own widths: set again to the view's offset once they are known
        self.horizontalScrollBar().setValue(self.view.horizontalScrollBar().value())

    def wheelEvent(self, event) -> None:
        self.view.wheelEvent(event)  # the wheel over the headings scrolls the table


def _sample_text() -> str:
    """A report's text as the readers give it: the template's labels, tab-separated numbers."""
    grid = grid_for("2021", "section3")
    labels = [cell.text for cell in grid.cells if not cell.is_value and cell.text]
    return "\n".join(f"{label}\t{row}\t0\t12\t3\t0\t0\t15" for row, label in enumerate(dict.fromkeys(labels)))


class LegendWidget(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(QLabel(strings.LEGEND_TITLE))
        for state in palette.STATES:
            swatch = QLabel()
            swatch.setFixedSize(16, 16)
            swatch.setStyleSheet(f"background: {palette.BACKGROUNDS[state]}; border: 1px solid #888;")
            layout.addWidget(swatch)
            layout.addWidget(QLabel(palette.LEGEND[state]))
            layout.addSpacing(10)
        mark = QLabel("◥")
        mark.setStyleSheet(f"color: {palette.FLAG_MARK};")
        layout.addWidget(mark)
        # The dashed frame is explained in the tooltip, not the label: a longer legend widened the
        # panel's least width, so the tables were laid out 658 or 701 px wide as the window's turns
        # fell, and at 658 the warm-up left 表三's 「其他」 heading unpainted (a flaky test).
        flag_mark = QLabel(strings.LEGEND_FLAG_MARK)
        flag_mark.setToolTip(strings.LEGEND_FLAG_MARK_TIP)
        layout.addWidget(flag_mark)
        layout.addStretch(1)


class ReportHeading(QLabel):
    """The line above the tables: the report's heading in bold, then its file's name and folder.
    The folder is elided in its middle to the label's width, so that both its start and its end
    (the subfolder telling one batch or county from another) stay in sight: it was cut at the
    right edge, mid-name and with no mark, reading like another folder. A name too long for the
    line then is elided in its middle too. The tooltip holds the whole path."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setTextFormat(Qt.TextFormat.RichText)
        self._parts: Optional[tuple[str, str, str, str]] = None  # heading, file's name, its tag, folder
        self._measure = QtGui.QTextDocument()  # the text as the label lays it out
        self._measure.setDocumentMargin(0)

    def set_parts(self, heading: str, name: str, folder: str, tag: str = "") -> None:
        """``tag`` follows the name, never elided: （2份之一，未采用）."""
        self._parts = (heading, name, tag, folder)
        self._fit()

    def set_plain(self, text: str) -> None:
        self._parts = None
        self.setText(text)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._parts is not None:
            self._fit()

    def _html(self, name: str, folder: str) -> str:
        heading, _name, tag, _folder = self._parts
        shown = strings.REPORT_FILE.format(name=name + tag, folder=folder) if name else folder
        return f"<b>{html.escape(heading)}</b>　<small>{html.escape(shown)}</small>"

    def _name_html(self, name: str) -> str:
        """The line up to the file name's end."""
        return f"<b>{html.escape(self._parts[0])}</b>　<small>{html.escape(name)}</small>"

    def _fits(self, text: str) -> bool:
        self._measure.setDefaultFont(self.font())
        self._measure.setHtml(text)
        return self._measure.idealWidth() <= self.contentsRect().width()

    def _most_kept(self, text: str, html_of) -> int:
        """The most characters of ``text`` kept by ``_elided`` for ``html_of`` the result to fit
        (0: 「…」 alone)."""
        low, high = 0, len(text) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if self._fits(html_of(_elided(text, middle))):
                low = middle
            else:
                high = middle - 1
        return low

    def _fit(self) -> None:
        _heading, name, _tag, folder = self._parts
        text = self._html(name, folder)
        if len(folder) > 1 and not self._fits(text):
            folder = _elided(folder, self._most_kept(folder, lambda shorter: self._html(name, shorter)))
            text = self._html(name, folder)
        # a file's name too long for the line by itself (an 80-character name at 1366) was cut at
        # the right edge mid-character, under 标记为已审核: its middle goes too. (A name that fits
        # stays whole, the few words after it cut rather than it.)
        if len(name) > 1 and not self._fits(self._name_html(name)):
            name = _elided(name, self._most_kept(name, self._name_html))
            text = self._html(name, folder)
        if text != self.text():
            self.setText(text)


def _elided(text: str, kept: int) -> str:
    """``text`` with its middle replaced by 「…」, ``kept`` of its characters left, two thirds of
    them from its end (a folder's last names say most)."""
    tail = kept - kept // 3
    return f"{text[:kept - tail]}…{text[len(text) - tail:] if tail else ''}"


class ReportView(QWidget):
    statusMessage = Signal(str)
    clearSearchRequested = Signal()  # the link of filtered_note

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._session: Optional[ReportSession] = None

        self.title = ReportHeading(strings.NO_REPORT)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        never_widens(self.title)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(f"color: {palette.PROBLEM_TEXT};")
        self.problems.hide()
        # The files with the same bytes, which share the review (the window says which: twins_text)
        self.twins_note = QLabel()
        self.twins_note.setObjectName("twinsNote")
        self.twins_note.setWordWrap(True)
        self.twins_note.hide()
        # the list's search hides the report on screen (set_filtered_out): said above its tables
        self.filtered_note = QLabel()
        self.filtered_note.setObjectName("filteredNote")
        self.filtered_note.setWordWrap(True)
        self.filtered_note.setTextFormat(Qt.TextFormat.RichText)
        self.filtered_note.setStyleSheet(f"background: {palette.SOURCE_LINE}; padding: 2px;")
        self.filtered_note.linkActivated.connect(lambda _link: self.clearSearchRequested.emit())
        self.filtered_note.setToolTip(strings.FILTERED_OUT_TIP)
        self.filtered_note.hide()
        self.twins_text: Callable[[str], str] = lambda _file: ""
        # a year filed twice: (a few words in the heading, its sentence in the heading's tooltip) on
        # which copy counts, and the key that makes it this one (a line of its own cost 表三 its
        # last rows at 1366×768, even in the focus mode)
        self.copies_text: Callable[[object], tuple[str, str]] = lambda _review: ("", "")
        self.reviewed_button = QPushButton(strings.ACTION_MARK_REVIEWED)
        self.reviewed_button.setCheckable(True)
        self.reviewed_button.setEnabled(False)
        self.reviewed_button.setToolTip(MARK_SHORTCUT)
        self.reviewed_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Tab goes panel to panel
        self.reasons_dialog: Optional[ReasonsDialog] = None
        self.reviewed_button.clicked.connect(lambda checked: self.set_reviewed(checked))

        self.models: dict[str, TemplateTableModel] = {}
        self.views: dict[str, TemplateTableView] = {}
        self.tabs = QTabWidget()
        self.tabs.setObjectName("reportTabs")
        self.tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Ctrl+PgDn / Ctrl+PgUp switch
        for section in SECTIONS:
            model = MODELS[section](None, self)
            view = TemplateTableView(model)
            view.keep_headings_in_view()
            model.inputRejected.connect(self.statusMessage)
            view.selectionModel().currentChanged.connect(self._on_current_cell)
            view.customContextMenuRequested.connect(self._cell_menu)
            self.models[section] = model
            self.views[section] = view
            index = self.tabs.addTab(view, TAB_TITLES[section])
            self.tabs.setTabToolTip(index, strings.TAB_TOOLTIPS[section])
        self.tabs.setCurrentIndex(SECTIONS.index("section3"))
        self.tabs.hide()  # until a report opens: an empty template costs a paint, says nothing
        self.tabs.currentChanged.connect(lambda _i: self._show_source(self.current_view().currentIndex()))
        self.legend = LegendWidget()
        # A file no table could be read from: an empty grid said nothing; this says why and what
        # the auditor can do, in the tables' place
        self.no_tables = QLabel()
        self.no_tables.setObjectName("noTablesNote")
        self.no_tables.setTextFormat(Qt.TextFormat.RichText)
        self.no_tables.setWordWrap(True)
        self.no_tables.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.no_tables.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.no_tables.setContentsMargins(12, 12, 12, 12)
        self.no_tables.hide()

        self.findings = FindingsPanel()
        self.findings.locate.connect(self.select_cells)
        self.findings.applySuggestion.connect(self.apply_suggestion)
        self.findings.cell_suggestion = self._finding_at_current_cell
        self.findings.goToTable.connect(self.focus_table)
        self.findings.editNote.connect(self.edit_verdict_note)
        self.findings.withdrawVerdict.connect(self.withdraw_verdict)
        self.findings.hint.connect(self.statusMessage)
        self.source = SourcePane()

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.setSpacing(2)
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.reviewed_button)
        top_layout.addLayout(heading)
        # the notes above the tables keep clear of the window's right edge, as the dashboard's
        # side keeps clear of the report's (a splitter's handle): a changed file's red lines ran
        # to the edge, flush with it (gui60)
        notes = QVBoxLayout()
        notes.setContentsMargins(0, 0, self.style().pixelMetric(QStyle.PixelMetric.PM_SplitterWidth), 0)
        notes.setSpacing(top_layout.spacing())
        notes.addWidget(self.filtered_note)
        notes.addWidget(self.problems)
        notes.addWidget(self.twins_note)
        top_layout.addLayout(notes)
        top_layout.addWidget(self.tabs, 1)
        top_layout.addWidget(self.no_tables, 1)
        top_layout.addWidget(self.legend)
        top_layout.addStretch(0)  # takes the tables' room while they are hidden (no report)

        # The 问题清单 and 原文 panels: below the tables, or beside them when the view is wide
        # enough (a 1920 screen), which leaves the tables the whole height (see _fit_layout).
        self.bottom = QSplitter(Qt.Orientation.Horizontal)
        self.bottom.addWidget(self.findings)
        self.bottom.addWidget(self.source)
        self.bottom.setSizes([450, 550])
        # Below the tables, a wider window widens the 问题清单 most: its 说明 wraps, 原文 scrolls.
        self.bottom.setStretchFactor(0, 3)
        self.bottom.setStretchFactor(1, 2)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("reportSplitter")
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.bottom)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([640, 260])
        self.side_by_side = False
        self._fitted = False  # laid out for the view's width once (a resize event came)
        self._kept_layouts: dict[bool, tuple[QByteArray, QByteArray]] = {}
        self._before_focus: Optional[tuple[bool, QByteArray, QByteArray]] = None  # (F11: before_focus_mode)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self._paint_bottom = QTimer(self)
        self._paint_bottom.setSingleShot(True)
        self._paint_bottom.setInterval(BOTTOM_PAINT_MS)
        self._paint_bottom.timeout.connect(self._bottom_step)
        self._held = False  # the view is filled, painted a turn later (set_session's paint_next_turn)
        self._after_paint: list[Callable[[], None]] = []  # called once the report opened is painted
        self.warmed = False  # the tables were painted off screen before any report opened

    def _bottom_step(self) -> None:
        """A report opened with paint_next_turn is painted on its own turn (its table); then the
        问题清单's rows are sized on one turn, the panels painted on the next."""
        if self._held:
            self._release()
            self._paint_bottom.start()
        elif self.findings.size_rows():
            self._paint_bottom.start()
        else:
            self.bottom.setUpdatesEnabled(True)
            if self._after_paint:  # a timer's turn: after the panels' paint, posted now
                QTimer.singleShot(BOTTOM_PAINT_MS, self, self._painted)

    def after_paint(self, then: Callable[[], None]) -> None:
        """Call ``then`` on a turn of its own once the report opened is painted (its table, then
        its 问题清单 and 原文), or on the next turn when nothing is left to paint."""
        self._after_paint.append(then)
        if not self._paint_bottom.isActive():
            QTimer.singleShot(BOTTOM_PAINT_MS, self, self._painted)

    def _painted(self) -> None:
        if self._paint_bottom.isActive():  # another report opened meanwhile: after its paint
            return
        waiting, self._after_paint = self._after_paint, []
        for then in waiting:
            then()

    def _release(self) -> None:
        """Paint the view held by set_session (the 问题清单 and 原文 stay held if they are)."""
        self._held = False
        self.setUpdatesEnabled(True)

    def warm_up(self) -> None:
        """Paint the three tables once off screen, before any report opens, a strip of rows
        per turn of the event loop: the first report then opens as fast as the next ones (the
        labels' pictures, the row heights for the window's font and the glyphs of the template's
        text are ready), and no turn takes long while a folder loads."""
        steps = self._warm_up_steps()
        timer = QTimer(self)
        timer.setInterval(WARM_UP_STEP_MS)

        def step() -> None:
            if self._session is not None or next(steps, None) is None:
                timer.stop()
                timer.deleteLater()
                self.warmed = self._session is None
        timer.timeout.connect(step)
        timer.start()

    def _warm_up_steps(self):
        for view in self.views.values():
            view.ensurePolished()
            view.apply_layout()  # heights measured with the font the view paints with
            yield view
            # the other templates' row heights too (a turn each): the first report of the 2019
            # template opened in a turn of ~14 ms, most of it measuring its three tables' rows
            for version in TEMPLATES:
                if version != view.model().template:
                    view.model().show_template(version)  # its reset lays the table out
                    yield view
            view.model().set_session(None)
            yield view
            viewport = view.viewport()
            size = viewport.size().expandedTo(QSize(view.natural_width(), view.verticalHeader().length()))
            viewport.resize(size)
            picture = QPixmap(size)
            for top in range(0, size.height(), WARM_UP_STRIP):
                strip = QRect(0, top, size.width(), WARM_UP_STRIP)
                viewport.render(picture, strip.topLeft(), QRegion(strip))
                yield view
        # The numbers of the first report (the tables above were painted empty): each laid
        # out, its glyphs drawn, a hundred per turn.
        view = self.views["section3"]
        picture = QPixmap(view.viewport().size())
        for first in range(0, WARM_UP_NUMBERS, 100):
            painter = QPainter(picture)
            painter.setFont(view.font())
            for number in range(first, first + 100):
                painter.drawStaticText(QPointF(0, 0), CellDelegate.static_text(str(number)))
            painter.end()
            yield view
        # The 原文 pane's first report lays out and highlights text for the first time (Qt's
        # text layout, its Python types made on first use): done once on a pane never shown.
        pane = SourcePane()
        pane.resize(self.source.size())
        yield pane
        text = _sample_text()
        pane.set_text(text)
        yield pane
        pane.show_cell(strings.TAB_T3, (0, text.index("\t")))
        yield pane
        pane.editor.viewport().render(QPixmap(pane.editor.viewport().size()))
        yield pane
        pane.deleteLater()

    # --- layout -------------------------------------------------------------------------------

    def table_width(self) -> int:
        """The width showing every column of every table."""
        return max(view.natural_width() for view in self.views.values())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_layout()

    def reset_layout(self) -> None:
        """The tables and the panels as the view's width first lays them out."""
        self._kept_layouts.pop(self.side_by_side, None)
        self._fit_layout(again=True)

    def layouts(self) -> dict[bool, tuple[QByteArray, QByteArray]]:
        """The sizes of the tables and panels (splitter, panels' splitter) the auditor left in each
        layout (key: side by side), the one shown as it is now: kept for the next start."""
        layouts = dict(self._kept_layouts)
        if self._fitted:
            layouts[self.side_by_side] = (self.splitter.saveState(), self.bottom.saveState())
        return layouts

    def before_focus_mode(self) -> None:
        """F11 on: the sizes of the layout shown, as they are before the legend and the list hide.
        Hidden, they gave the tables their room (and at 1366 the wider view turned side by side,
        keeping those grown sizes for later): F11 off brought the tables back 38 px taller, taken
        from the 问题清单 and 原文."""
        if self._fitted:
            self._before_focus = (self.side_by_side, self.splitter.saveState(), self.bottom.saveState())

    def after_focus_mode(self) -> None:
        """F11 off (the legend and the list shown again): the sizes from before F11, once the
        window has laid itself out."""
        held, self._before_focus = self._before_focus, None
        if held is None:
            return
        side, splitter, bottom = held
        self._kept_layouts[side] = (splitter, bottom)  # the layout's, when the view turns back to it

        def restore() -> None:
            if self.side_by_side == side:  # (the same layout all along, or turned back to)
                self.splitter.restoreState(splitter)
                self.bottom.restoreState(bottom)
        QTimer.singleShot(0, self, restore)

    def keep_layouts(self, layouts: dict[bool, tuple[QByteArray, QByteArray]]) -> None:
        """Sizes a previous start left (see ``layouts``): each layout, once shown, takes them."""
        self._kept_layouts.update(layouts)

    def _fit_layout(self, again: bool = False) -> None:
        side = self.width() >= self.table_width() + SIDE_PANEL_MIN
        if self._fitted and side == self.side_by_side and not again:
            return
        if self._fitted and side != self.side_by_side:
            # The auditor's sizes of the layout left are there when the window is wide (narrow) again.
            self._kept_layouts[self.side_by_side] = (self.splitter.saveState(), self.bottom.saveState())
        self._fitted = True
        self.side_by_side = side
        kept = self._kept_layouts.get(side)
        if kept is not None and self.splitter.restoreState(kept[0]) and self.bottom.restoreState(kept[1]):
            self.splitter.setStretchFactor(0, 0 if side else 3)
            return
        vertical, horizontal = Qt.Orientation.Vertical, Qt.Orientation.Horizontal
        self.splitter.setOrientation(horizontal if side else vertical)
        self.bottom.setOrientation(vertical if side else horizontal)
        if side:  # the tables at their width, the rest to the panels; the list over the text
            table = self.table_width() + 4
            self.splitter.setSizes([table, max(self.width() - table, SIDE_PANEL_MIN)])
            self.splitter.setStretchFactor(0, 0)
            self.bottom.setSizes([1, 1])
        else:
            height = self.height()
            self.splitter.setSizes([height * 7 // 10, height - height * 7 // 10])
            self.splitter.setStretchFactor(0, 3)
            self.bottom.setSizes([600, 400])  # 说明 and, once a verdict is given, 审核意见

    # --- the report shown ----------------------------------------------------------------------

    @property
    def session(self) -> Optional[ReportSession]:
        return self._session

    def set_session(self, session: Optional[ReportSession], paint_next_turn: bool = False) -> None:
        """Show the report. ``paint_next_turn`` (the window opening the report the auditor chose):
        the view is filled on this turn of the event loop and painted on the next, each turn half
        as long (filling the tables and painting them took a turn of ~25 ms as the first report
        opened, more on a busy machine); the view shows the report before until then."""
        if self._session is not None:
            self._session.changed.disconnect(self._update_title)
            self._session.stepped.disconnect(self._show_step)
        paint_later = session is not None and self.isVisible()
        if paint_later:
            # The table first, the 问题清单 and 原文 on later turns of the event loop (its rows
            # sized, then painted): one long stall becomes short ones (the window answers keys
            # and the mouse between).
            if paint_next_turn:
                self._held = True
                self.setUpdatesEnabled(False)
            self.bottom.setUpdatesEnabled(False)
            self._paint_bottom.start()
        elif self._held:  # no report, or a hidden view: nothing to wait for
            self._release()
        self._session = session
        for model in self.models.values():
            model.set_session(session)
        unreadable = session is not None and bool(unreadable_reason(session.report))
        self.tabs.setVisible(session is not None and not unreadable)
        self.legend.setVisible(not unreadable)
        self.no_tables.setVisible(unreadable)
        self.findings.set_session(session, size_later=paint_later)
        self.source.set_text(session.report.text if session else "")
        if session is not None:
            session.changed.connect(self._update_title)
            session.stepped.connect(self._show_step)
        self._update_title()
        if session is not None and not unreadable:  # (no cell to select: 原文 stays uncaptioned)
            self._start_on_first_values()
            self._show_first_problem()

    def set_filtered_out(self, search: str) -> None:
        """Say that the list's search ``search`` hides the report on screen ("": it is listed)."""
        self.filtered_note.setText(strings.FILTERED_OUT.format(search=html.escape(search)) if search else "")
        self.filtered_note.setVisible(bool(search) and self._session is not None)

    def update_notes(self) -> None:
        """The heading and its notes anew (another copy of the report's year came to stand for it)."""
        self._update_title()

    def _start_on_first_values(self) -> None:
        """Each table's cursor on its first value, where Ctrl+PgDn finds it: it was on the
        table's heading (F2 edits nothing there) and 原文 still named a cell of the table left."""
        for view in self.views.values():
            values = view.model().grid.value_cells()
            if values:
                first = min(values, key=lambda cell: (cell.row, cell.column))
                view.setCurrentIndex(view.model().index(first.row, first.column))

    def _show_first_problem(self) -> None:
        """Open on the first finding (or flag) with its cells selected; else on 表三."""
        if self.findings.model.problem_count() > 0:
            self.findings.show_first()
        else:
            view = self.show_section("section3")
            first = view.model().index_of("section3.new.natural")
            if first.isValid():
                view.setCurrentIndex(first)

    def _update_title(self) -> None:
        session = self._session
        if session is None:
            self.title.set_plain(strings.NO_REPORT)
            self.problems.hide()
            self.twins_note.hide()
            self.reviewed_button.setEnabled(False)
            self.reviewed_button.setChecked(False)
            self.reviewed_button.setText(strings.ACTION_MARK_REVIEWED)
            self.reviewed_button.setToolTip(MARK_SHORTCUT)
            return
        report = session.report
        reason = unreadable_reason(report)
        text = strings.REPORT_HEADER.format(
            agency=report.agency or strings.UNKNOWN_AGENCY,
            year=strings.YEAR.format(year=report.year) if report.year else strings.UNKNOWN_YEAR,
            # no table read, no template (the list says 未识别 too), whatever the text made the parser
            # guess; a blank template's tables were read (reason says it holds no number)
            template=strings.TEMPLATE_UNKNOWN if not report.tables else strings.TEMPLATE_NAMES.get(report.template, report.template),
            status=session.review.status_text)
        # One line: the heading, the file's name, its folder (elided in its middle; the tooltip
        # has the whole path). The whole path first hid the name behind a long folder.
        file = PurePath(report.file)
        # after the file's name, before its folder: the name stays in sight at 1366
        copies_tag, copies_sentence = self.copies_text(session.review)
        if file.name:
            self.title.set_parts(text, file.name, str(file.parent), copies_tag)
        else:
            self.title.set_parts(text, "", report.file)
        self.title.setToolTip(report.file + (f"\n{copies_sentence}" if copies_sentence else ""))
        lines = []
        if report.problems and not reason:  # (no report read: the note in the tables' place says why)
            lines.append(strings.FILE_PROBLEMS_READ.format(problems="；".join(report.problems)))
        if reason:
            self.no_tables.setText(self._no_tables_text(session, reason))
        earlier = getattr(session, "earlier_work", 0)
        if earlier and not (session.review.edits or session.review.verdict_trail):
            lines.append(strings.EARLIER_WORK.format(count=earlier))
        if lines:
            self.problems.setText("\n".join(lines))
            self.problems.show()
        else:
            self.problems.hide()
        twins = self.twins_text(report.file)
        self.twins_note.setText(twins)
        self.twins_note.setVisible(bool(twins))
        self.reviewed_button.setEnabled(session.markable)
        self.reviewed_button.setToolTip(session.unmarkable_reason or MARK_SHORTCUT)
        self.reviewed_button.setChecked(session.review.reviewed)
        self.reviewed_button.setText(strings.REVIEWED_DONE if session.review.reviewed
                                     else strings.ACTION_MARK_REVIEWED)

    @staticmethod
    def _no_tables_text(session: ReportSession, reason: str) -> str:
        can = []
        text = session.report.text
        if text and not text.isspace():  # (no copy of the text)
            can.append(strings.NO_TABLES_LOOK)
        problems = session.report.problems
        blank = BLANK_TEMPLATE in problems  # its tables were read: they hold nothing
        # the agency is asked for a readable file only when the file is theirs: one moved away
        # since the folder was read, or a link to itself, is a matter of this computer's folder
        can.append(strings.BLANK_TEMPLATE_ASK if blank else strings.NO_TABLES_INSTALL
                   if NO_OFFICE_PROBLEM in problems else strings.NO_TABLES_GONE
                   if GONE_PROBLEM in problems else strings.NO_TABLES_LINK_LOOP
                   if LINK_LOOP_PROBLEM in problems else strings.NO_TABLES_ASK)
        if session.markable:
            can.append(strings.NO_TABLES_MARK.format(status=UNREADABLE_REVIEWED))
        items = "".join(f"<li>{html.escape(line)}</li>" for line in can)
        why = html.escape(strings.NO_TABLES_REASON.format(reason=reason))
        cannot = f"<p>{html.escape(session.unmarkable_reason)}。</p>" if not session.markable else ""
        title = strings.BLANK_TEMPLATE_TITLE if blank else strings.NO_TABLES_TITLE
        return (f"<p style='font-size:large'><b>{html.escape(title)}</b></p>"
                f"<p style='color:{palette.PROBLEM_TEXT}'>{why}</p>"
                f"<p>{html.escape(strings.NO_TABLES_CAN)}</p><ul>{items}</ul>{cannot}")

    def current_section(self) -> str:
        return SECTIONS[self.tabs.currentIndex()]

    def current_view(self) -> TemplateTableView:
        return self.views[self.current_section()]

    def _show_step(self, paths: list) -> None:
        """Ctrl+Z / Ctrl+Y of an edit shows the cells it changed, in their table: taken from
        表四, the undo of a 表三 edit changed a table out of sight (the status bar named the cell,
        the auditor saw nothing change). The keyboard stays in the tables if it was there."""
        if not paths:
            return
        in_table = any(view.hasFocus() for view in self.views.values())
        self.select_cells(paths, paths[0])
        if in_table:
            self.focus_table()

    def show_section(self, section: str) -> TemplateTableView:
        self.tabs.setCurrentIndex(SECTIONS.index(section))
        return self.views[section]

    # --- selection and the source pane ---------------------------------------------------------

    def select_cells(self, cells: list[str], focus: str = "") -> None:
        """Select the cells (paths, or whole rows/sections) in their table; focus one of them."""
        cells = [c for c in cells if c]
        if not cells and not focus:
            return
        section = (focus or cells[0]).split(".")[0]
        if section not in self.views:
            return
        view = self.show_section(section)
        model = self.models[section]
        wanted = [c for c in cells if c.split(".")[0] == section]
        paths = model.grid.paths_under(wanted)
        selection = QItemSelection()
        for path in paths:
            index = model.index_of(path)
            selection.select(index, index)
        focus_path = focus if model.grid.cell_of(focus) else (paths[0] if paths else "")
        focus_index = model.index_of(focus_path) if focus_path else QModelIndex()
        selection_model = view.selectionModel()
        if focus_index.isValid():
            selection_model.setCurrentIndex(focus_index, QItemSelectionModel.SelectionFlag.NoUpdate)
        selection_model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if focus_index.isValid():
            view.scrollTo(focus_index)
            self._show_source(focus_index)

    def _on_current_cell(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and current.model() is self.current_view().model():
            self._show_source(current)
            self.findings.update_apply_button()

    def _show_source(self, index: QModelIndex) -> None:
        session = self._session
        if session is None or not index.isValid():
            return
        path = index.data(TemplateTableModel.PathRole)
        if not path:
            return
        cell = session.report.cells.get(path)
        span = cell.span if cell else None
        self.source.show_cell(session.describe(path), span, cell.raw if cell else "",
                              near=None if span else _printed_near(session.report, path))

    def current_path(self) -> str:
        index = self.current_view().currentIndex()
        return index.data(TemplateTableModel.PathRole) or "" if index.isValid() else ""

    # --- editing -------------------------------------------------------------------------------

    def edit_current(self) -> bool:
        """F2: edit the current value cell. On a row's label, the row's first value cell (the
        label is where Left and Home end); elsewhere the status bar says why nothing is edited."""
        session = self._session
        if session is None:
            return False
        if not session.editable:
            self.statusMessage.emit(strings.READ_ONLY_REPORT)
            return False
        view = self.current_view()
        index = view.currentIndex()
        if index.isValid() and not index.data(TemplateTableModel.IsValueRole):
            index = view.value_of_label(index)
            if index.isValid():
                view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if not index.isValid() or not index.flags() & Qt.ItemFlag.ItemIsEditable:
            self.statusMessage.emit(strings.EDIT_NOT_A_VALUE)
            return False
        view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        view.edit(index)
        return True

    def copy(self) -> str:
        """Copy the selected value cells of the current table as TSV; returns the text."""
        view = self.current_view()
        model = view.model()
        if model.session is None:
            return ""
        selected = [(i.row(), i.column()) for i in view.selectionModel().selectedIndexes()]
        if not selected and view.currentIndex().isValid():
            selected = [(view.currentIndex().row(), view.currentIndex().column())]
        text = to_tsv(model.grid, selected, model.session.shown)
        if text:
            QGuiApplication.clipboard().setText(text)
            count = sum(1 for r, c in selected if (cell := model.grid.anchor(r, c)) and cell.is_value)
            self.statusMessage.emit(strings.COPIED.format(count=count))
        return text

    def paste(self, text: Optional[str] = None) -> int:
        """Paste TSV (the clipboard's by default) from the current cell on, as ONE undo step."""
        session = self._session
        view = self.current_view()
        model = view.model()
        if session is None:
            return 0
        index = view.currentIndex()
        if not index.isValid():
            self.statusMessage.emit(strings.PASTE_NO_TARGET)
            return 0
        data = parse_tsv(QGuiApplication.clipboard().text() if text is None else text)
        targets = paste_targets(model.grid, index.row(), index.column(), data)
        if not targets:
            self.statusMessage.emit(strings.PASTE_NOTHING)
            return 0
        from core.review.edits import parse_cell_input
        changes = []
        for path, field in targets:
            try:
                changes.append((path, parse_cell_input(session.version, path, field)))
            except ValueError as exc:
                self.statusMessage.emit(strings.PASTE_REJECTED.format(cell=session.describe(path),
                                                                      message=exc))
                return 0
        count = session.edit_cells(changes)
        first = model.index_of(targets[0][0])
        last = model.index_of(targets[-1][0])
        view.selectionModel().select(QItemSelection(first, last),
                                     QItemSelectionModel.SelectionFlag.ClearAndSelect)
        return count

    def apply_suggestion(self, finding=None) -> bool:
        """Apply a finding's suggestion (the selected one in the list by default)."""
        session = self._session
        if session is None:
            return False
        finding = finding or self.findings.current_finding() or self._finding_at_current_cell()
        if finding is None or finding.suggestion is None:
            # (a report with none to take, after the last was taken: 「该问题没有建议值」 named a
            # problem the 问题清单 did not list)
            offered = any(f.suggestion is not None and not session.review.is_dismissed(f) for f in session.findings)
            self.statusMessage.emit(strings.NO_SUGGESTION if finding is not None
                                    else strings.NO_SUGGESTION_CHOSEN if offered else strings.NO_SUGGESTION_LEFT)
            return False
        # the keyboard in the 问题清单 (its list, or its button's Alt+A): emptied of open entries, the
        # list took the next key and did nothing with it; the keyboard goes back to the table then
        focus = QApplication.focusWidget()
        from_list = focus is not None and (focus is self.findings or self.findings.isAncestorOf(focus))
        saved: list[str] = []
        session.saved.connect(saved.append)
        try:
            # the entry chosen in the 问题清单 speaks for itself; taken at the cell, every rule suggesting it
            ok = session.apply_suggestion(finding, its_own=finding is self.findings.current_finding())
        finally:
            session.saved.disconnect(saved.append)
        if ok:
            self.select_cells([finding.suggestion.cell], finding.suggestion.cell)
            if from_list and not any(self.findings.model.counts()[:3]) and self.focus_table():
                self.statusMessage.emit(strings.LAST_PROBLEM_HANDLED.format(
                    saved=saved[-1] if saved else strings.SAVED_MANY.format(count=1)))
        return ok

    def _finding_at_current_cell(self, with_suggestion: bool = True):
        """The finding of the current cell: the one suggesting a value for it; or, when
        ``with_suggestion`` is False and none does, the first finding about it."""
        index = self.current_view().currentIndex()
        path = index.data(TemplateTableModel.PathRole) if index.isValid() else ""
        found = index.data(TemplateTableModel.FindingsRole) or [] if path else []
        for finding in found:
            if finding.suggestion is not None and finding.suggestion.cell == path:
                return finding
        return None if with_suggestion or not found else found[0]

    def add_note(self, path: str = "", note: Optional[str] = None) -> bool:
        session = self._session
        path = path or self.current_path()
        if session is None or not path:
            return False
        if not session.review.is_corrected(path):
            self.statusMessage.emit(strings.NOTE_NOT_CORRECTED)
            return False
        if note is None:
            note, ok = text_prompt.ask_text(self, strings.NOTE_TITLE,
                                            strings.NOTE_PROMPT.format(cell=session.describe(path)),
                                            text=session.note_of(path))
            if not ok:
                return False
        return session.add_note(path, note.strip())

    def set_reviewed(self, reviewed: bool) -> bool:
        """Mark the report shown 已审核 (or not). With errors still open, a dialog asks for the
        reason to dismiss each one first; the mark is then given when it is accepted."""
        session = self._session
        if session is None or not session.markable:
            self.reviewed_button.setChecked(False)
            if session is not None:
                self.statusMessage.emit(session.unmarkable_reason)
            return False
        errors = session.open_errors() if reviewed else []
        if errors:
            self.reviewed_button.setChecked(session.review.reviewed)
            self._ask_reasons(session, errors)
            return False
        ok = session.set_reviewed(reviewed)
        self.reviewed_button.setChecked(session.review.reviewed)
        return ok

    def _ask_reasons(self, session: ReportSession, errors) -> None:
        dialog = ReasonsDialog(session.name, errors, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # The session is the one asked about: the answer marks that report, whatever happens.
        dialog.accepted.connect(lambda: session.dismiss_and_mark_reviewed(dialog.reasons()))
        dialog.rejected.connect(
            lambda: self.statusMessage.emit(strings.REVIEW_CANCELLED.format(name=session.name)))
        dialog.destroyed.connect(lambda: setattr(self, "reasons_dialog", None))
        self.reasons_dialog = dialog
        dialog.open()

    # --- verdicts ------------------------------------------------------------------------------

    def confirm_finding(self, finding=None, note: Optional[str] = None) -> bool:
        """确认问题: the report is wrong; the note goes to the agency (asked when not given)."""
        return self._give_verdict(CONFIRMED, finding, note)

    def dismiss_finding(self, finding=None, reason: Optional[str] = None) -> bool:
        """忽略 the finding, with the reason (asked when not given)."""
        return self._give_verdict(DISMISSED, finding, reason)

    def _give_verdict(self, verdict: str, finding, note: Optional[str]) -> bool:
        session = self._session
        if session is None:
            return False
        finding = finding or self.findings.current_finding() or self._finding_at_current_cell(False)
        if finding is None:
            doubt = self.findings.current_flag() is not None
            self.statusMessage.emit(strings.NO_VERDICT_ON_DOUBT if doubt else strings.NO_VERDICT_ON_RESOLVED
                                    if self.findings.current_is_resolved() else strings.NO_FINDING)
            return False
        if note is None:
            title, prompt = ((strings.CONFIRM_TITLE, strings.CONFIRM_PROMPT) if verdict == CONFIRMED
                             else (strings.DISMISS_TITLE, strings.DISMISS_PROMPT))
            # the note of the same verdict, to amend; a 确认 note for the agency is no reason to
            # 忽略 (Enter then dismissed the finding with it), nor the other way round
            standing = session.verdict_of(finding)
            note, ok = text_prompt.ask_text(self, title, prompt.format(rule=finding.rule,
                                                                       message=finding.message),
                                            text=standing.note if standing and standing.verdict == verdict else "",
                                            required=verdict == DISMISSED)
            if not ok:
                return False
        return session.give_verdict(finding, verdict, note)

    def edit_verdict_note(self) -> bool:
        """编辑说明 (F2 in the 问题清单): the current entry's verdict with the note typed, its
        decision kept; also of a grey 已消除 row, whose finding is gone."""
        session, verdict = self._session, self.findings.current_verdict()
        if session is None or verdict is None:
            self.statusMessage.emit(strings.NO_VERDICT if self.findings.current_row() >= 0 else strings.NO_FINDING)
            return False
        prompt = strings.CONFIRM_PROMPT if verdict.verdict == CONFIRMED else strings.DISMISS_PROMPT
        note, ok = text_prompt.ask_text(self, strings.EDIT_NOTE_TITLE,
                                        prompt.format(rule=verdict.rule, message=self.findings.current_message()),
                                        text=verdict.note, required=verdict.verdict == DISMISSED)
        return ok and session.renote_verdict(verdict, note)

    def withdraw_verdict(self) -> bool:
        """撤销审核意见 (Delete in the 问题清单): the current entry's verdict taken back, an undo step."""
        session, verdict = self._session, self.findings.current_verdict()
        if session is None or verdict is None:
            self.statusMessage.emit(strings.NO_VERDICT if self.findings.current_row() >= 0 else strings.NO_FINDING)
            return False
        return session.withdraw_verdict(verdict)

    # --- moving around -------------------------------------------------------------------------

    def step_problem(self, delta: int) -> bool:
        """Select the next (+1) / previous (-1) entry of the 问题清单 and its cells, in its table;
        False past the last (or first). The keyboard focus goes to the table."""
        if self._session is None or not self.findings.step(delta):
            return False
        self.focus_table()
        return True

    def focus_table(self) -> bool:
        """The keyboard to the table on screen; False (the focus left as it is) when no table is
        shown: a file that could not be read shows its reason instead, and a hidden table given
        the focus took every key unseen (↓ and F8 did nothing, no panel was ringed)."""
        if self.tabs.isHidden():
            return False
        self.current_view().setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True

    def editing(self) -> bool:
        """A cell's editor is open: a value is being typed, not yet confirmed."""
        return any(view.state() == QAbstractItemView.State.EditingState for view in self.views.values())

    def typed_value(self) -> Optional[tuple[str, str]]:
        """The cell (described) and the text of an open editor holding another value than its
        cell's; None when no value is being typed."""
        session = self._session
        for view in self.views.values():
            if session is not None and view.state() == QAbstractItemView.State.EditingState:
                index = view.currentIndex()
                editor = view.indexWidget(index)
                text = editor.text().strip() if hasattr(editor, "text") else ""
                if text and text != (index.data() or ""):
                    return session.describe(index.data(TemplateTableModel.PathRole)), text
        return None

    def discard_edit(self) -> None:
        """Close a cell's open editor as Esc does: what it holds was never confirmed (the window
        closing stored it as the editor lost the focus)."""
        for view in self.views.values():
            if view.state() == QAbstractItemView.State.EditingState:
                editor = view.indexWidget(view.currentIndex())
                if editor is not None:
                    view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.RevertModelCache)

    def switch_table(self, delta: int) -> None:
        """表二 → 表三 → 表四 and round again (Ctrl+PgDn; Ctrl+PgUp goes back)."""
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + delta) % self.tabs.count())
        self.focus_table()

    def _cell_menu(self, pos) -> None:
        view = self.current_view()
        index = view.indexAt(pos)
        if not index.isValid() or not index.data(TemplateTableModel.IsValueRole):
            return
        path = index.data(TemplateTableModel.PathRole)
        menu = QMenu(self)
        edit = menu.addAction(strings.ACTION_EDIT_CELL, lambda: view.edit(index))
        edit.setEnabled(bool(index.flags() & Qt.ItemFlag.ItemIsEditable))
        copy = menu.addAction(strings.ACTION_COPY, self.copy)
        paste = menu.addAction(strings.ACTION_PASTE, self.paste)
        menu.addSeparator()
        finding = self._finding_at_current_cell() if view.currentIndex() == index else None
        apply = menu.addAction(strings.ACTION_APPLY_SUGGESTION, lambda: self.apply_suggestion(finding))
        apply.setEnabled(finding is not None)
        # each item shows its key, as the menus do: the keys are learnt where they are used
        for action, key in ((edit, KEY_EDIT), (copy, KEY_COPY), (paste, KEY_PASTE), (apply, KEY_APPLY_SUGGESTION)):
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # the menu's own keys
        note = menu.addAction(strings.ACTION_ADD_NOTE, lambda: self.add_note(path))
        note.setEnabled(bool(self._session and self._session.review.is_corrected(path)))
        menu.exec(view.viewport().mapToGlobal(pos))


def _printed_near(report, path: str) -> Optional[int]:
    """Where the text prints near a cell it does not print: another cell of its row, or else the
    start of its table's section."""
    row = path.rpartition(".")[0] + "."
    spans = [cell.span[0] for key, cell in report.cells.items() if cell.span and key.startswith(row)]
    if spans:
        return min(spans)
    section = path.partition(".")[0].removeprefix("section")
    where = report.section_spans.get(int(section)) if section.isdigit() else None
    return where[0] if where else None
