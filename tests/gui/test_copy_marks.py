"""gui20: the report list and 年度对照's copy menu show which copy of a year filed twice counts
(采用 / 未采用 in the list's 问题 column, whose width at 1366 holds it whole — after the file's
name it took the part that tells two copies' names apart; the reason in the row's tooltip;
（采用，… / （未采用，… in the menu), and the mark follows
Ctrl+Shift+U, its undo and redo at once. Before, only the review's heading said so, for the
report on screen; the list and the menu named the copies alike."""
from __future__ import annotations

import shutil

from gui.dashboard import FILE, PROBLEMS
from gui.qt import QStyleOptionViewItem, Qt
from tests.gui.helpers import window_on_folder
from tests.gui.test_chosen_copy import FIRST, choose_by_key, undo_key
from tests.gui.test_compare_view import COMPARE
from tests.gui.test_yearly_grid_follows import AGENCY, REVISED, open_twice

BEFORE = "淮安市人民政府办公室2023年报告.txt"
THIS_FIRST = "2024年共2份报告，年度对照、比对和汇总采用这一份（均未处理，以第1份为准）"
THIS_CHOSEN = "2024年共2份报告，年度对照、比对和汇总采用这一份（已设为采用的副本）"


def marks(window) -> dict:
    """File name → its 文件 cell's mark, as the model gives it."""
    model = window.dashboard.model
    return {model.file_at(r).rsplit("/", 1)[-1]: model.data(model.index(r, FILE), model.CopyMarkRole)
            for r in range(model.rowCount())}


def tip(window, name: str) -> list[str]:
    model = window.dashboard.model
    row = next(r for r in range(model.rowCount()) if model.file_at(r).endswith(name))
    return model.data(model.index(row, FILE), Qt.ItemDataRole.ToolTipRole).splitlines()


def painted(window, name: str) -> str:
    """The text the 问题 column's delegate paints for the row of ``name``."""
    view = window.dashboard.view
    proxy = view.model()
    index = next(proxy.index(r, PROBLEMS) for r in range(proxy.rowCount())
                 if proxy.index(r, FILE).data(Qt.ItemDataRole.ToolTipRole).splitlines()[0].endswith(name))
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    option.widget = view
    view.itemDelegateForColumn(PROBLEMS).initStyleOption(option, index)
    return option.text


def menu_items(grid) -> list[tuple[str, str]]:
    """(text, tooltip) of each copy in 年度对照's menu on 2024."""
    index = grid.model.index_of(AGENCY, 2024)
    menu, chosen = grid.copy_menu(index, grid.model.reviews_at(index.row(), index.column()))
    items = [(action.text(), action.toolTip()) for action in chosen]
    menu.deleteLater()
    return items


def test_the_list_and_the_grid_menu_mark_the_copy_that_counts_and_follow_choose_undo_redo(
        make_window, store, tmp_path, qtbot):
    window, grid = open_twice(qtbot, make_window, store, tmp_path)
    assert marks(window) == {FIRST: "采用", REVISED: "未采用", BEFORE: ""}  # 2023 is filed once: no mark
    assert tip(window, FIRST)[1] == THIS_FIRST  # after the path
    assert tip(window, REVISED)[1] == \
        f"2024年共2份报告，采用的是另一份 {FIRST}（均未处理，以第1份为准）；按 Ctrl+Shift+U 改用这一份"
    assert len(tip(window, BEFORE)) == 1
    assert (painted(window, FIRST), painted(window, REVISED), painted(window, BEFORE)) == ("采用", "未采用", "")
    window.dashboard.search.setText("未采用")  # the search finds the 问题 column's words
    qtbot.waitUntil(lambda: window.dashboard.view.model().rowCount() == 1)
    window.dashboard.search.setText("")
    first_item, revised_item = menu_items(grid)
    assert first_item[0].startswith(f"&1　{FIRST}（采用，未审核，")
    assert revised_item[0].startswith(f"&2　{REVISED}（未采用，未审核，")
    assert first_item[1].splitlines()[1] == THIS_FIRST
    assert revised_item[1].splitlines()[1] == f"2024年共2份报告，采用的是另一份 {FIRST}（均未处理，以第1份为准）"

    model = window.dashboard.model
    repainted = []
    model.dataChanged.connect(lambda top, bottom, *_: repainted.extend(range(top.row(), bottom.row() + 1)))
    choose_by_key(qtbot, window, REVISED)  # the marks move with the step itself, not a turn later
    assert marks(window) == {FIRST: "未采用", REVISED: "采用", BEFORE: ""}
    rows = {model.file_at(r).rsplit("/", 1)[-1]: r for r in range(model.rowCount())}
    assert {rows[FIRST], rows[REVISED]} <= set(repainted)  # both rows repainted at once
    assert tip(window, REVISED)[1] == THIS_CHOSEN
    assert (painted(window, REVISED), painted(window, FIRST)) == ("采用", "未采用")
    first_item, revised_item = menu_items(grid)
    assert f"{FIRST}（未采用，" in first_item[0] and f"{REVISED}（采用，" in revised_item[0]
    assert revised_item[1].splitlines()[1] == THIS_CHOSEN

    undo_key(qtbot, window)  # Ctrl+Z: the first copy counts again
    assert marks(window) == {FIRST: "采用", REVISED: "未采用", BEFORE: ""}
    assert tip(window, FIRST)[1] == THIS_FIRST
    assert f"{FIRST}（采用，" in menu_items(grid)[0][0]
    undo_key(qtbot, window, Qt.Key.Key_Y)  # and Ctrl+Y chooses the revised copy again
    assert marks(window) == {FIRST: "未采用", REVISED: "采用", BEFORE: ""}


def test_twins_the_same_bytes_are_no_copies_and_show_no_mark(make_window, store, tmp_path, qtbot):
    folder = tmp_path / "twins"
    shutil.copytree(COMPARE / "huaian", folder)
    shutil.copy(folder / FIRST, folder / REVISED)  # the same bytes under another name
    window = window_on_folder(qtbot, make_window, store, folder, 3)
    assert set(marks(window).values()) == {""}


def test_a_copy_whose_table_was_not_found_does_not_count_for_its_year(make_window, store, tmp_path, qtbot):
    """qa26: a year's first copy in the folder, a web page whose lines ran together (第三部分's table
    not found), counted for the year over the text read whole: the list marked it 采用 and 年度对照,
    the X- rules and the 汇总's 年度合计 took it. The copy read whole counts now, and says why."""
    from tests.gui.test_compare_view import HUAIAN_2024
    folder = tmp_path / "web"
    shutil.copytree(COMPARE / "huaian", folder)
    page = folder / "a网页.html"  # first in the folder; a tag kept on its first line: read as a web page
    page.write_bytes(b"<p>" + HUAIAN_2024.read_bytes())
    window = window_on_folder(qtbot, make_window, store, folder, 3)
    whole = HUAIAN_2024.name
    assert marks(window) == {page.name: "未采用", whole: "采用", BEFORE: ""}
    assert tip(window, whole)[1] == \
        "2024年共2份报告，年度对照、比对和汇总采用这一份（均未处理，前面的副本统计表不完整，以统计表完整的一份为准）"
    assert tip(window, page.name)[1].startswith(f"2024年共2份报告，采用的是另一份 {whole}（")
    model = window.dashboard.model
    reviews = {model.file_at(r).rsplit("/", 1)[-1]: model.review_at(r) for r in range(model.rowCount())}
    assert reviews[whole].previous_year is reviews[BEFORE] and reviews[page.name].previous_year is None


def test_a_year_filed_many_times_is_marked_without_a_signal_a_row_nor_ranking_each_copy_again(qtbot, monkeypatch):
    """A folder of 2 000 reports with many copies a year (bench/make_folder.py's) stalled the window
    1.3-2.0 s of GUI-thread CPU at a time while it loaded: each batch marked every copy of its years
    again, each mark a signal of its own (whose listeners went through all 2 000 reports: 9 500
    times), and ranked each copy again, going through its every cell (lacks_a_table, 21 500 times).
    The marks of a batch are one signal now (for the rows whose mark changed: the tooltip, which
    counts the copies, is worded as it is shown), and a copy's tables are looked through once."""
    from core.compare import years
    from core.review.edits import ReportReview
    from gui.dashboard import DashboardModel
    from tests.core.review.test_edits import make_report

    model = DashboardModel()
    looked = []
    real = years.lacks_a_table
    monkeypatch.setattr(years, "lacks_a_table", lambda report: looked.append(report.file) or real(report))
    signals = []
    model.dataChanged.connect(lambda top, bottom, _roles=(): signals.append((top.row(), bottom.row())))
    copies = [ReportReview(make_report(file=f"/data/第{n:02d}份.txt", content_hash=f"{n:064x}")) for n in range(40)]
    for batch in range(4):
        model.add_batch([(review, []) for review in copies[batch * 10:batch * 10 + 10]])
        model.mark_copies_now()
    assert [model.data(model.index(r, FILE), model.CopyMarkRole) for r in (0, 39)] == ["采用", "未采用"]
    assert signals == [(0, 9), (10, 19), (20, 29), (30, 39)]  # one a batch, for its own rows' marks
    tip = model.data(model.index(0, FILE), Qt.ItemDataRole.ToolTipRole)
    assert "2023年共40份报告" in tip  # (the count in every copy's tooltip, no signal needed for it)
    assert sorted(looked) == sorted(review.report.file for review in copies)  # each once


def test_whether_each_copy_was_read_whole_is_worked_out_off_the_gui_thread(make_window, store, tmp_path, qtbot,
                                                                           monkeypatch):
    """Which copy of a year counts depends on whether its tables were read whole (a look at each
    of its cells): the loading thread works that out as each report arrives, so neither the list's
    采用 / 未采用 marks nor 年度对照 look through a report's cells on the GUI thread, where a folder
    of 2 000 reports spent 0.2 s on it, up to ~30 ms in one turn of the window."""
    import threading

    from core.compare import years
    looked = []
    real = years.lacks_a_table
    monkeypatch.setattr(years, "lacks_a_table",
                        lambda report: looked.append(threading.current_thread()) or real(report))
    window, grid = open_twice(qtbot, make_window, store, tmp_path)
    assert marks(window) == {FIRST: "采用", REVISED: "未采用", BEFORE: ""}
    assert first_and_revised_in_menu(grid)
    assert len(looked) == 3 and threading.main_thread() not in looked  # each report once, by the loader


def first_and_revised_in_menu(grid) -> bool:
    first_item, revised_item = menu_items(grid)
    return first_item[0].startswith(f"&1　{FIRST}（采用，") and revised_item[0].startswith(f"&2　{REVISED}（未采用，")
