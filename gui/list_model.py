"""A read-only table of items, one row each, with fixed Chinese column titles.

The dashboard and the findings list are both this shape; each says what its rows are
(`_rows()`) and what a cell shows (`data()`).
"""
from __future__ import annotations

from gui.looks import LOOK_ROLES, cell_looks
from gui.qt import QAbstractTableModel, QModelIndex, Qt

_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable  # (asked for every cell painted)


class ReadOnlyListModel(QAbstractTableModel):
    COLUMNS: tuple[str, ...] = ()
    COLUMN_TIPS: tuple[str, ...] = ()  # what each column counts, shown over its title

    def _rows(self) -> list:
        raise NotImplementedError

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows())

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.COLUMNS):
            return self.COLUMNS[section]
        if role == Qt.ItemDataRole.ToolTipRole and 0 <= section < len(self.COLUMN_TIPS):
            return self.COLUMN_TIPS[section]
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _ROW_FLAGS

    def looks(self, index: QModelIndex) -> tuple:
        """What gui.looks.LooksDelegate paints of a cell: data() asked in Python, not from Qt."""
        return cell_looks(*(self.data(index, role) for role in LOOK_ROLES))
