"""What an auditor's evening with the app found (ux71): the 问题 column at 1366 wide cut a label
in two; the exports and the keyboard walk as the auditor uses them."""
from __future__ import annotations

from gui.qt import QStyleOptionViewItem, Qt
from tests.gui.helpers import PLANTED, PLANTED_CELL, open_folder, select_report


def problems_shown(dashboard, file: str) -> tuple[str, str, int]:
    """(the 问题 cell's text as the model holds it, as the delegate draws it, the room it has)."""
    from gui.dashboard import PROBLEMS

    view = dashboard.view
    index = dashboard.proxy.mapFromSource(dashboard.model.index(dashboard.model.row_of(file), PROBLEMS))
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = view.visualRect(index)
    option.widget = view
    view.itemDelegateForColumn(PROBLEMS).initStyleOption(option, index)
    return index.data(), option.text, option.rect.width() - 6


def test_a_changed_copy_says_its_whole_label_in_the_problem_column_at_1366(make_window, store, report_folder, qtbot):
    """At 1366×768 a report replaced on disk since its correction, one of two copies of its year,
    showed 「内容已…」 in 问题 (its 「内容已变、未采用」 cut by Qt in the middle of its first word): the
    auditor could not tell what it said without hovering. It now reads 「内容已变」, its first label whole."""
    window = make_window(store)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(1366, 768)
    assert open_folder(qtbot, window, report_folder) == 6
    window.reset_layout()
    select_report(qtbot, window, PLANTED)
    model = window.report_view.show_section("section3").model()
    assert model.setData(model.index_of(PLANTED_CELL), "12")
    with open(report_folder / PLANTED, "ab") as f:
        f.write(b"\r\n")  # the agency sent it again
    assert open_folder(qtbot, window, report_folder) == 6
    dashboard = window.dashboard
    file = str(report_folder.resolve() / PLANTED)
    qtbot.waitUntil(lambda: problems_shown(dashboard, file)[0] == "内容已变、未采用")
    _text, shown, room = problems_shown(dashboard, file)
    assert shown == "内容已变"  # the label whole (no room for 「…」 beside it), the rest in the tooltip
    assert dashboard.view.fontMetrics().horizontalAdvance(shown) <= room
    from gui.dashboard import PROBLEMS
    tip = dashboard.model.data(dashboard.model.index(dashboard.model.row_of(file), PROBLEMS), Qt.ItemDataRole.ToolTipRole)
    assert "采用的是另一份" in tip and "当时保存的 1 条修改" in tip  # what the cell leaves out
