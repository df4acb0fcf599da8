"""A loading folder's batches and the report list's repaints: rows added under a full list
leave the rows in sight alone (only the scroll bar grows); rows that land in sight are painted."""
from __future__ import annotations

from core.review.edits import STATUS_UNREVIEWED
from core.model import CellValue, Report
from core.review.edits import ReportReview
from gui.dashboard import AGENCY, FILE, DashboardModel, DashboardWidget
from gui.folder_job import Listed, RowSummary
from gui.qt import QEvent, QObject, Qt


def rows(first: int, count: int, agency: str = "某市民政局") -> list[Listed]:
    summary = RowSummary(agency, 2021, "2021", 0, 0, 0, 0, STATUS_UNREVIEWED, (), False, False, 0, 0)
    return [Listed(f"/x/r{n:04d}.txt", f"hash{n}", summary) for n in range(first, first + count)]


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, _watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def shown_list(qtbot):
    widget = DashboardWidget()
    qtbot.addWidget(widget)
    widget.resize(700, 300)
    widget.show()
    qtbot.waitExposed(widget)
    counter = PaintCounter()
    widget.view.viewport().installEventFilter(counter)
    return widget, counter


def last_row_in_sight(widget) -> int:
    view = widget.view
    return view.rowAt(view.viewport().height() - 1)


def test_rows_added_under_a_full_list_do_not_repaint_the_rows_in_sight(qtbot):
    widget, counter = shown_list(qtbot)
    widget.model.add_batch(rows(0, 40))  # more than the 300 px list holds
    qtbot.waitUntil(lambda: counter.paints > 0)  # the first rows are painted
    bar = widget.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    in_sight, before = last_row_in_sight(widget), bar.maximum()
    assert 0 < in_sight < 39
    qtbot.wait(50)
    counter.paints = 0
    widget.model.add_batch(rows(40, 50))
    qtbot.waitUntil(lambda: bar.maximum() > before)  # the scroll bar reaches the new rows...
    qtbot.wait(50)
    assert counter.paints == 0  # ...and the rows in sight, unchanged, were not painted again
    assert last_row_in_sight(widget) == in_sight
    bar.setValue(bar.maximum())  # scrolled to the end: the last row of the batch is there
    qtbot.waitUntil(lambda: counter.paints > 0)
    assert last_row_in_sight(widget) == 89
    assert widget.view.indexAt(widget.view.viewport().rect().bottomLeft()).data() == "r0089.txt"


def test_rows_that_land_in_sight_are_painted(qtbot):
    widget, counter = shown_list(qtbot)
    widget.model.add_batch(rows(0, 3))  # the list is not full: the next rows show at once
    qtbot.waitUntil(lambda: counter.paints > 0)
    qtbot.wait(50)
    counter.paints = 0
    widget.model.add_batch(rows(3, 3))
    qtbot.waitUntil(lambda: counter.paints > 0)
    assert last_row_in_sight(widget) == -1 and widget.proxy.rowCount() == 6

    widget.model.add_batch(rows(6, 40))  # full now; sorted by 单位, a batch may go to the top
    widget.view.sortByColumn(AGENCY, Qt.SortOrder.AscendingOrder)
    qtbot.wait(50)
    counter.paints = 0
    widget.model.add_batch(rows(46, 1, agency="一个排在最前的单位"))
    qtbot.waitUntil(lambda: counter.paints > 0)
    assert widget.proxy.index(0, FILE).data() == "r0046.txt"



def copies(first: int, count: int) -> list:
    """``count`` reports of one agency's 2021, each with other bytes (copies of a year filed
    more than once: the first stands for the year, 采用, the others 未采用), as loaded."""
    items = []
    for n in range(first, first + count):
        report = Report(f"/x/r{n:04d}.txt", "txt", agency="某县财政局", year=2021, template="2021",
                        cells={"section2.rules.issued": CellValue(1, raw="1")}, content_hash=f"copy{n}")
        items.append((ReportReview(report), []))
    return items


def mark(widget, row: int) -> str:
    """The 采用 / 未采用 mark of the list's row ``row`` (in the list's order)."""
    return widget.proxy.index(row, FILE).data(DashboardModel.CopyMarkRole)


def test_copies_marked_under_the_rows_in_sight_repaint_nothing_and_show_once_scrolled_to(qtbot):
    widget, counter = shown_list(qtbot)
    widget.model.add_batch(rows(0, 30))
    qtbot.waitUntil(lambda: counter.paints > 0)
    in_sight = last_row_in_sight(widget)
    assert 0 < in_sight < 30
    qtbot.wait(50)
    counter.paints = 0
    # a batch of one year's copies under the rows in sight: for a change of more than ~200 cells
    # (here 30 rows) Qt repainted every row in sight, wherever the changed rows were
    widget.model.add_batch(copies(30, 30))
    qtbot.waitUntil(lambda: mark(widget, 59) == "未采用")  # marked on the next turn...
    qtbot.wait(50)
    assert counter.paints == 0  # ...and the rows in sight, unchanged, were not painted again
    assert [mark(widget, row) for row in (29, 30, 31)] == ["", "采用", "未采用"]
    bar = widget.view.verticalScrollBar()
    bar.setValue(bar.maximum())  # scrolled to them: they are painted
    qtbot.waitUntil(lambda: counter.paints > 0)
    assert widget.view.rowAt(0) <= 55 <= last_row_in_sight(widget)


def test_copies_marked_in_sight_are_painted(qtbot):
    widget, counter = shown_list(qtbot)
    widget.model.add_batch(copies(0, 1) + rows(1, 39))
    qtbot.waitUntil(lambda: counter.paints > 0)
    qtbot.wait(50)
    assert mark(widget, 0) == ""  # the year's only copy so far
    counter.paints = 0
    widget.model.add_batch(copies(40, 1))  # its second copy, out of sight: the first, in sight, is 采用
    qtbot.waitUntil(lambda: mark(widget, 0) == "采用")
    qtbot.waitUntil(lambda: counter.paints > 0)
