"""The one module that imports the Qt binding (PySide6); the rest of gui/ imports from here.

Following qutebrowser's ``qutebrowser/qt`` and Anki's ``aqt/qt``: if the binding ever changes,
this is the only file to touch.
"""
from PySide6 import QtCore, QtGui, QtWidgets  # noqa: F401  (re-exported as modules too)
from PySide6.QtCore import (  # noqa: F401
    QAbstractEventDispatcher,
    QAbstractTableModel,
    QByteArray,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QLibraryInfo,
    QLocale,
    QLockFile,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSettings,
    QSize,
    QSocketNotifier,
    QSortFilterProxyModel,
    QStandardPaths,
    Qt,
    QThread,
    QTimer,
    QTranslator,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import (  # noqa: F401
    QAccessible,
    QAction,
    QBrush,
    QColor,
    QContextMenuEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QPolygon,
    QRegion,
    QShortcut,
    QStaticText,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QUndoCommand,
    QUndoGroup,
    QUndoStack,
    QWindow,
)
from PySide6.QtWidgets import (  # noqa: F401
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStatusBar,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionHeader,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)



# --- PySide6 6.12.0 on Python 3.11: None, True and False lose references -------------------
#
# That build returns None from every void method (setText, show, ...) and True/False from
# Signal.emit()/disconnect() without the reference it hands over, so each call takes one
# reference from the interpreter's None/True/False; within minutes of use the count reaches zero
# and Python aborts ("none_dealloc: deallocating None"). Python 3.12 made these three objects
# immortal, which is why the bug goes unnoticed there. On an affected interpreter we do what 3.12
# does: give the three singletons a reference count so large that no session can use it up.
# The probe finds nothing to repair on a sound PySide6 or on Python 3.12+, and then we do nothing.

import ctypes as _ctypes  # noqa: E402
import sys as _sys  # noqa: E402

IMMORTAL_RESERVE = 1 << 40  # references added; a leak of one per call never spends them


class _Probe(QObject):
    ping = Signal()


def _pyside_loses_references(rounds: int = 16) -> bool:
    probe = _Probe()
    none_before, true_before = _sys.getrefcount(None), _sys.getrefcount(True)
    for _ in range(rounds):
        probe.setObjectName("probe")  # a void method: returns None
        probe.ping.emit()  # returns True
    lost = max(none_before - _sys.getrefcount(None), true_before - _sys.getrefcount(True))
    return lost >= rounds


def _make_immortal(obj) -> None:
    # CPython: ob_refcnt is the first field of every object, at the address id() gives.
    _ctypes.c_ssize_t.from_address(id(obj)).value += IMMORTAL_RESERVE


def guard_singletons() -> bool:
    """Protect None/True/False from PySide6's lost references; True if a repair was needed."""
    if _sys.implementation.name != "cpython" or _sys.version_info >= (3, 12):
        return False
    if not _pyside_loses_references():
        return False
    for obj in (None, True, False):
        _make_immortal(obj)
    return True


SINGLETONS_GUARDED = guard_singletons()
