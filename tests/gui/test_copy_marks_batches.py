"""The report list's 采用 / 未采用 marks while a folder loads, batch by batch: the copies of a
year that come in a later batch are marked against the copy that stands, the count of copies
in every copy's tooltip follows, and a copy that comes later and stands instead (one the auditor
chose) takes the mark from the copy that stood, as if all had come at once."""
from __future__ import annotations

from core.model import CellValue, Report
from core.review.edits import STATUS_UNREVIEWED, ReportReview
from gui import compare_strings
from gui.dashboard import FILE, DashboardModel, DashboardWidget
from gui.folder_job import Listed, RowSummary
from gui.qt import Qt


def copy(n: int, chosen: bool = False, whole: bool = True):
    """Report ``n`` of 某县财政局's 2021, with bytes of its own; ``whole``: its three tables read
    (else 表三 and 表四 were not found: a copy that comes after every whole one)."""
    report = Report(f"/x/r{n:02d}.txt", "txt", agency="某县财政局", year=2021, template="2021",
                    cells={"section2.rules.issued": CellValue(1, raw="1")}, content_hash=f"copy{n}",
                    tables=[] if whole else ["section2"])
    return ReportReview(report, chosen=chosen), []


def listed(n: int) -> Listed:
    summary = RowSummary("某县财政局", 2021, "2021", 0, 0, 0, 0, STATUS_UNREVIEWED, (), False, False, 0, 0)
    return Listed(f"/x/r{n:02d}.txt", f"copy{n}", summary)


def shown_list(qtbot) -> DashboardWidget:
    widget = DashboardWidget()  # (kept by the test: qtbot holds it weakly)
    qtbot.addWidget(widget)
    widget.resize(700, 300)
    widget.show()
    return widget


def marks(model: DashboardModel) -> list[str]:
    return [model.data(model.index(row, FILE), DashboardModel.CopyMarkRole) for row in range(model.rowCount())]


def tip(model: DashboardModel, row: int) -> str:
    """The line of the row's tooltip that says which copy counts."""
    return model.data(model.index(row, FILE), Qt.ItemDataRole.ToolTipRole).splitlines()[1]


def settle(qtbot, model: DashboardModel) -> None:
    qtbot.waitUntil(lambda: not model._marking.isActive())


def test_copies_that_come_batch_by_batch_are_marked_as_if_they_came_at_once(qtbot):
    widget = shown_list(qtbot)
    model = widget.model
    model.add_batch([copy(0), copy(1)])
    settle(qtbot, model)
    assert marks(model) == ["采用", "未采用"]
    model.add_batch([copy(2), copy(3)])
    settle(qtbot, model)
    assert marks(model) == ["采用", "未采用", "未采用", "未采用"]
    # the first copy's tooltip counts the copies that came after it
    assert tip(model, 0) == "2021年共4份报告，年度对照、比对和汇总采用这一份（均未处理，以第1份为准）"
    assert tip(model, 1).startswith("2021年共4份报告，采用的是另一份 r00.txt（")
    assert tip(model, 3).startswith("2021年共4份报告，采用的是另一份 r00.txt（")

    model.add_batch([copy(4, chosen=True), copy(5)])  # the auditor chose r04 in an earlier session
    settle(qtbot, model)
    assert marks(model) == ["未采用", "未采用", "未采用", "未采用", "采用", "未采用"]
    assert tip(model, 0).startswith("2021年共6份报告，采用的是另一份 r04.txt（")
    assert tip(model, 4) == f"2021年共6份报告，年度对照、比对和汇总采用这一份（{compare_strings.COPY_STANDS_CHOSEN}）"

    model.add_batch([copy(6)])
    settle(qtbot, model)
    assert marks(model)[4:] == ["采用", "未采用", "未采用"]
    assert tip(model, 1).startswith("2021年共7份报告，采用的是另一份 r04.txt（")


def test_a_copy_filled_in_before_the_one_that_stands_changes_why_it_stands(qtbot):
    # a folder opened again: rows listed from the cache get their reports after, in any order
    widget = shown_list(qtbot)
    model = widget.model
    model.add_batch([listed(0), copy(1), copy(2)])
    settle(qtbot, model)
    assert marks(model) == ["", "采用", "未采用"]
    assert tip(model, 1).endswith("（均未处理，以第1份为准）")
    model.fill([copy(0, whole=False)])  # the first file, whose 表三 and 表四 were lost
    settle(qtbot, model)
    assert marks(model) == ["未采用", "采用", "未采用"]  # the first whole copy stands...
    assert tip(model, 1) == \
        f"2021年共3份报告，年度对照、比对和汇总采用这一份（{compare_strings.COPY_STANDS_COMPLETE}）"  # ...and says so
    assert tip(model, 2).startswith("2021年共3份报告，采用的是另一份 r01.txt（")
