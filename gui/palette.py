"""Cell colours, keyed by the state a cell is shown in. The one place colours are chosen.

States, strongest first: a cell a finding names as the one to fix (error), a cell taking part
in a failing error rule (error_involved), a cell of a warning, a corrected cell, a cell the parser
was unsure of (flagged). Label cells of the template get their own quiet grey.
"""
from __future__ import annotations

from gui import strings
from gui.qt import QBrush, QColor

ERROR = "error"
ERROR_INVOLVED = "error_involved"
WARNING = "warning"
CORRECTED = "corrected"
FLAGGED = "flagged"
NORMAL = "normal"

# In priority order: a cell shows the first state that applies.
STATES = (ERROR, ERROR_INVOLVED, WARNING, CORRECTED, FLAGGED)

BACKGROUNDS = {
    ERROR: "#f28b82",  # red
    ERROR_INVOLVED: "#fde0dc",  # light red: part of a failing sum
    WARNING: "#ffd666",  # amber
    CORRECTED: "#b7e1b0",  # green
    FLAGGED: "#cfe2ff",  # light blue: the parser was unsure
}
LEGEND = {
    ERROR: strings.LEGEND_ERROR,
    ERROR_INVOLVED: strings.LEGEND_ERROR_INVOLVED,
    WARNING: strings.LEGEND_WARNING,
    CORRECTED: strings.LEGEND_CORRECTED,
    FLAGGED: strings.LEGEND_FLAGGED,
}

LABEL_BACKGROUND = "#f3f4f6"  # template header and row label cells
FLAG_MARK = "#3b6fd8"  # the corner mark of a flagged cell
PROBLEM_TEXT = "#c00000"  # dashboard rows of files that could not be read
SOURCE_HIGHLIGHT = "#ffe066"  # the selected cell's text in the source pane
SOURCE_LINE = "#fff6cc"  # ...and its line

SEVERITY_STATES = {"error": ERROR, "warning": WARNING, "doubt": FLAGGED, "flag": FLAGGED}
DISMISSED_TEXT = "#6b7280"  # a finding the auditor dismissed (忽略), in the findings list


def severity_state(severity: str) -> str:
    """The state a severity is drawn in; one this version does not know reads as 存疑."""
    return SEVERITY_STATES.get(severity, FLAGGED)


def color(name_or_state: str) -> QColor:
    return QColor(BACKGROUNDS.get(name_or_state, name_or_state))


def background(state: str):
    """The brush for a value cell in ``state``; None for a normal cell (the view's own base)."""
    if state in BACKGROUNDS:
        return QBrush(QColor(BACKGROUNDS[state]))
    return None
