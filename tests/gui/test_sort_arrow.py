"""qa27: on Linux the sorted column's arrow is drawn beside its heading, in the room of the text:
「错误」, a column as wide as its heading, was squeezed under it at 1366×768."""
from __future__ import annotations

from gui.dashboard import AGENCY, ERRORS, FILE, WARNINGS
from gui.qt import QApplication
from tests.gui.helpers import window_on_folder


def test_the_sorted_column_is_wider_by_its_arrow_and_gives_it_back(make_window, store, report_folder, qtbot):
    window = window_on_folder(qtbot, make_window, store, report_folder, 6)
    dashboard = window.dashboard
    header = dashboard.view.horizontalHeader()
    room = dashboard.sort_arrow_room()
    if QApplication.style().objectName() == "fusion":  # (the tests' style: the arrow beside the text)
        assert room > 0
    own = header.sectionSize(ERRORS)
    names = header.sectionSize(FILE) + header.sectionSize(AGENCY)
    dashboard.sort_by(ERRORS)
    assert header.sectionSize(ERRORS) == own + room
    text = header.fontMetrics().horizontalAdvance("错误")
    assert header.sectionSize(ERRORS) - room >= text  # the heading whole beside the arrow
    assert header.sectionSize(FILE) + header.sectionSize(AGENCY) <= names  # 文件 and 单位 give it, if they can
    dashboard.sort_by(WARNINGS)
    assert header.sectionSize(ERRORS) == own and header.sectionSize(WARNINGS) > own - 1
    dashboard.sort_by(-1)  # the folder's order: every column its own width
    assert header.sectionSize(ERRORS) == own
