"""Table models of the three official tables, over the review's current values.

One model per table shape (表二, 表三, 表四). The model's grid is the printed template: header
rows and row labels are read-only cells, value cells are editable; merges are spans the view sets
(``grid.spans()``). Findings, flags and states reach the view through the named roles below; the
model asks the session (that is, core) for all of them and computes nothing itself.
"""
from __future__ import annotations

import functools
from typing import Optional

from core.review.edits import parse_cell_input
from core.template import TEMPLATES
from gui import palette, strings
from gui.looks import LOOK_ROLES, cell_looks
from gui.qt import QAbstractTableModel, QBrush, QColor, QFont, QModelIndex, Qt, Signal
from gui.session import ReportSession, format_number
from gui.template_layout import Grid, GridCell, grid_for

_USER = int(Qt.ItemDataRole.UserRole)
_PAINTED_ROLES = {Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.FontRole,
                  Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.BackgroundRole,
                  Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.CheckStateRole, _USER + 10, _USER + 11}



_CENTERED = Qt.AlignmentFlag.AlignCenter


@functools.lru_cache(maxsize=None)
def _state_brushes(state: str) -> tuple:
    """(text, background) brushes of a value cell in ``state``: dark text on the coloured
    states, whatever the desktop theme; None for a normal cell (the view's own)."""
    background = palette.background(state)
    return (QBrush(QColor("#000000")) if state != palette.NORMAL else None), background


_FLAGS: dict = {}  # (id of a grid, editable) -> {(row, column): flags}
_LABELS: dict = {}  # GridCell -> looks: a label looks the same in every report


def _label_looks(model, cell: GridCell) -> tuple:
    try:
        return _LABELS[cell]
    except KeyError:
        value = _LABELS[cell] = cell_looks(*(grid_cell_data(model, cell, role) for role in LOOK_ROLES))
        return value


class GridTableModel(QAbstractTableModel):
    """A model laid out as a template table's grid (`_grid`, set by the subclass): its size, where
    a cell path is and what cell an index shows. The review's tables and the comparison's."""

    _grid: Grid

    @property
    def grid(self) -> Grid:
        return self._grid

    def index_of(self, path: str) -> QModelIndex:
        cell = self._grid.cell_of(path)
        return self.index(cell.row, cell.column) if cell else QModelIndex()

    def cell_at(self, index: QModelIndex) -> Optional[GridCell]:
        if not index.isValid() or index.model() is not self:
            return None
        return self._grid.anchor(index.row(), index.column())

    def _every_cell_changed(self) -> None:
        if self._grid.rows and self._grid.columns:
            self.dataChanged.emit(self.index(0, 0), self.index(self._grid.rows - 1, self._grid.columns - 1))

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._grid.rows

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._grid.columns


class TemplateTableModel(GridTableModel):
    PathRole = _USER + 1  # str: the cell path ("" for label cells)
    FindingsRole = _USER + 2  # list[Finding] naming the cell
    FlagsRole = _USER + 3  # list[Flag] covering the cell
    StateRole = _USER + 4  # str: palette state (error, warning, corrected, flagged, normal)
    OriginalRole = _USER + 5  # the value as parsed
    CorrectedRole = _USER + 6  # bool: the value now differs from the parsed one
    IsValueRole = _USER + 7  # bool: a value cell (not a label)
    IsHeaderRole = _USER + 8  # bool: a column heading of the template
    SpanRole = _USER + 9  # (row_span, column_span) of the cell
    FlaggedRole = _USER + 10  # bool: the parser flagged the cell (the corner mark)
    DoubtRole = _USER + 11  # bool: a 存疑 finding covers the cell its colour does not show (the frame)

    section = ""  # set by the subclasses
    inputRejected = Signal(str)  # typed text the template does not accept (Chinese message)

    def __init__(self, session: Optional[ReportSession] = None, parent=None) -> None:
        super().__init__(parent)
        self._session: Optional[ReportSession] = None
        self._editable = False
        self._template = "2021"
        self._grid = grid_for("2021", self.section)
        self._bold = QFont()
        self._bold.setBold(True)
        self._label_brush = QBrush(QColor(palette.LABEL_BACKGROUND))
        self.set_session(session)

    # --- the report shown --------------------------------------------------------------------

    @property
    def session(self) -> Optional[ReportSession]:
        return self._session

    @property
    def template(self) -> str:
        """The template whose table is shown: the report's (2021 for an unknown one), else 2021."""
        return self._template

    def set_session(self, session: Optional[ReportSession]) -> None:
        self._show(session, session.version if session is not None else "2021")

    def show_template(self, version: str) -> None:
        """A template's table with no report in it (the warm-up lays out each template's)."""
        self._show(None, version)

    def _show(self, session: Optional[ReportSession], version: str) -> None:
        self.beginResetModel()
        if self._session is not None:
            self._session.changed.disconnect(self._on_session_changed)
        self._session = session
        self._editable = session is not None and session.editable  # (flags() asks it of every cell painted)
        self._forget_painted()
        self._template = version if version in TEMPLATES else "2021"
        self._grid = grid_for(version, self.section)
        if session is not None:
            session.changed.connect(self._on_session_changed)
        self.endResetModel()

    def _on_session_changed(self) -> None:
        # An edit can change findings anywhere in the table: refresh every cell.
        self._forget_painted()
        self._every_cell_changed()

    def _forget_painted(self) -> None:
        self._painted: dict = {}  # (row, column, role) -> what data() answers
        self._looks: dict = {}  # (row, column) -> looks(index)
        self._marks: dict = {}  # (row, column) -> marks(index)

    def looks(self, index: QModelIndex) -> tuple:
        """What the delegate paints of a cell (gui.looks), computed once per report."""
        key = (index.row(), index.column())
        try:
            return self._looks[key]
        except KeyError:
            cell = self._grid.anchor(*key)
            if cell is not None and cell.is_value and self._session is not None:
                path, session = cell.path, self._session  # the roles of _value_data, state once
                state, *marks = session.marks(path)
                self._marks[key] = tuple(marks)
                value = cell_looks(session.shown(path), None, _CENTERED, *_state_brushes(state))
            elif cell is not None and not cell.is_value:
                value = _label_looks(self, cell)
            else:
                value = cell_looks(*(None if cell is None else grid_cell_data(self, cell, role)
                                     for role in LOOK_ROLES))
            self._looks[key] = value
            return value

    def marks(self, index: QModelIndex) -> tuple[bool, bool]:
        """(FlaggedRole, DoubtRole) of a cell, as the delegate paints them: found with its looks."""
        key = (index.row(), index.column())
        try:
            return self._marks[key]
        except KeyError:
            self.looks(index)
            return self._marks.setdefault(key, (False, False))  # (a label, or no report)

    # --- QAbstractTableModel -------------------------------------------------------------------

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        # asked for every cell painted; a cell's flags depend only on the template's grid and
        # whether the report may be edited: computed once for all the reports sharing those
        key = (index.row(), index.column())
        table = _FLAGS.setdefault((id(self._grid), self._editable), {})  # grids live as long as the process
        try:
            return table[key]
        except KeyError:
            value = table[key] = self._flags(index)
            return value

    def _flags(self, index: QModelIndex) -> Qt.ItemFlag:
        cell = self.cell_at(index)
        if cell is None:
            return Qt.ItemFlag.NoItemFlags
        if not cell.is_value:
            return Qt.ItemFlag.ItemIsEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role in _PAINTED_ROLES:
            # Every paint asks each cell for these: computed once per content of the session.
            key = (index.row(), index.column(), role)
            try:
                return self._painted[key]
            except KeyError:
                value = self._painted[key] = self._data(index, role)
                return value
        return self._data(index, role)

    def _data(self, index: QModelIndex, role: int):
        cell = self.cell_at(index)
        return None if cell is None else grid_cell_data(self, cell, role)

    def _value_data(self, path: str, role: int):
        session = self._session
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_CENTERED)
        if session is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return session.shown(path)
        if role == Qt.ItemDataRole.EditRole:
            return format_number(session.review.value(path))
        if role == self.StateRole:
            return session.state_of(path)
        if role == Qt.ItemDataRole.BackgroundRole:
            return _state_brushes(session.state_of(path))[1]
        if role == Qt.ItemDataRole.ForegroundRole:
            return _state_brushes(session.state_of(path))[0]
        if role == self.FindingsRole:
            return list(session.findings_for(path))
        if role == self.FlagsRole:
            return list(session.flags_for(path))
        if role == self.FlaggedRole:  # a value the auditor set is sure, whatever the row's flag
            return bool(session.flags_for(path)) and not session.review.is_sure(path)
        if role == self.DoubtRole:
            return session.is_doubted(path)
        if role == self.OriginalRole:
            return session.review.original(path)
        if role == self.CorrectedRole:
            return session.review.is_corrected(path)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(path)
        return None

    def _tooltip(self, path: str) -> str:
        session = self._session
        review = session.review
        lines = [session.describe(path),
                 strings.TIP_VALUE.format(value=session.shown(path) or strings.BLANK_VALUE)]
        if review.is_corrected(path):
            original = format_number(review.original(path)) or strings.BLANK_VALUE
            lines.append(strings.TIP_ORIGINAL.format(value=original))
            note = session.note_of(path)
            if note:
                lines.append(strings.TIP_NOTE.format(note=note))
        elif review.is_confirmed(path):
            lines.append(strings.TIP_CONFIRMED)
        for finding in session.findings_for(path):
            severity = strings.SEVERITY_LABELS.get(finding.severity, strings.SEVERITY_OTHER)
            lines.append(f"【{severity} {finding.rule}】{finding.message}")
            verdict = session.verdict_of(finding)
            if verdict is not None:
                lines.append(strings.TIP_VERDICT.format(verdict=verdict.label, note=verdict.note))
            elif session.lapsed_verdict_of(finding) is not None:
                lines.append(session.lapsed_text(finding))
            suggestion = finding.suggestion
            if suggestion is not None:
                value = format_number(suggestion.value)
                if suggestion.cell == path:
                    lines.append(strings.TIP_SUGGESTED.format(value=value))
                else:
                    lines.append(strings.TIP_SUGGESTED_OTHER.format(
                        cell=session.describe(suggestion.cell), value=value))
        for flag in session.flags_for(path):
            lines.append(strings.TIP_FLAG.format(message=flag.message))
        cell = session.report.cells.get(path)
        if cell is not None and cell.raw and cell.raw != session.shown(path):
            lines.append(strings.TIP_RAW.format(raw=cell.raw))
        return "\n".join(lines)

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        cell = self.cell_at(index)
        session = self._session
        if role != Qt.ItemDataRole.EditRole or cell is None or not cell.is_value or session is None:
            return False
        try:
            number = parse_cell_input(session.version, cell.path, "" if value is None else str(value))
        except ValueError as exc:
            self.inputRejected.emit(strings.INPUT_REJECTED.format(cell=session.describe(cell.path),
                                                                  message=exc))
            return False
        session.edit_cell(cell.path, number)  # the session's changed signal emits dataChanged
        return True


class T2TableModel(TemplateTableModel):
    """表二 主动公开政府信息情况: blocks of 第二十条, each with its 信息内容 header row."""
    section = "section2"


class T3TableModel(TemplateTableModel):
    """表三 收到和处理政府信息公开申请情况: corner note, 申请人情况 header, result groups."""
    section = "section3"


class T4TableModel(TemplateTableModel):
    """表四 行政复议、行政诉讼情况: three groups of five columns, one value row."""
    section = "section4"


MODELS = {"section2": T2TableModel, "section3": T3TableModel, "section4": T4TableModel}


def grid_cell_data(model, cell: GridCell, role: int):
    """The roles every table in the template's layout answers alike (the review's and the
    comparison's): the layout roles the view and delegate read, the labels (headers bold and
    centred, like the printed template); a value cell's other roles from model._value_data."""
    if role == TemplateTableModel.IsValueRole:
        return cell.is_value
    if role == TemplateTableModel.SpanRole:
        return (cell.row_span, cell.column_span)
    if role == TemplateTableModel.PathRole:
        return cell.path
    if role == TemplateTableModel.IsHeaderRole:
        return cell.header
    if cell.is_value:
        return model._value_data(cell.path, role)
    if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
        return cell.text
    if role == Qt.ItemDataRole.BackgroundRole:
        return model._label_brush
    if role == Qt.ItemDataRole.TextAlignmentRole:
        horizontal = Qt.AlignmentFlag.AlignHCenter if cell.header or cell.row_span > 1 \
            else Qt.AlignmentFlag.AlignLeft
        return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
    if role == Qt.ItemDataRole.FontRole and cell.header:
        return model._bold
    return None
