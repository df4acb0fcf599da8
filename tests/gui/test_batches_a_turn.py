"""A folder opened again: its rows, listed from the parse cache, were sent in batches that all
waited for the window at once, and the window took them in one turn of its event loop (a stall
of 40-60 ms for 2 000 rows, keys and paints waiting). It takes one batch a turn now: the list
fills as the batches come, every row there in the folder's order with its counts, and a report
the auditor opens meanwhile stays open and selected."""
from __future__ import annotations

import threading

import pytest

import gui.loader
from gui.loader import FolderLoader
from gui.qt import QTimer
from gui.workers import PROCESSES_ENV
from tests.gui.helpers import PLANTED, open_folder
from tests.gui.test_loader import many_reports

REPORTS = 41
BATCH = 5  # rows a batch: 41 rows in 9 batches


def rows_shown(window) -> list[list[str]]:
    model = window.dashboard.model
    return [[model.index(row, column).data() for column in range(model.columnCount())]
            for row in range(model.rowCount())]


@pytest.fixture
def reopened(qtbot, tmp_path, report_folder, store, make_window, monkeypatch):
    """A folder of 41 reports loaded once (rows as they read), and a second window on the same
    database with its loader's batches of 5 rows all waiting for it: opened, the window is kept
    busy until the loader has listed every row."""
    monkeypatch.setenv(PROCESSES_ENV, "1")  # loaded in the loader's thread: no processes to start
    folder = many_reports(tmp_path / "many", report_folder / PLANTED, REPORTS)
    first = make_window(store)
    assert open_folder(qtbot, first, folder) == REPORTS
    expected = rows_shown(first)
    monkeypatch.setattr(gui.loader, "BATCH_SIZE", BATCH)
    every_row_sent = threading.Event()
    hydrate = FolderLoader._hydrate

    def after_every_row(loader, paths):  # (the loader's thread, once it sent every row)
        every_row_sent.set()
        hydrate(loader, paths)
    monkeypatch.setattr(FolderLoader, "_hydrate", after_every_row)
    again = make_window(store)
    qtbot.waitExposed(again)
    turns = [0]  # the event loop's turns, counted by a zero timer (it fires once a turn)
    ticker = QTimer(again)
    ticker.setInterval(0)
    ticker.timeout.connect(lambda: turns.__setitem__(0, turns[0] + 1))
    ticker.start()
    return folder, again, expected, every_row_sent, turns


def test_rows_listed_from_the_cache_come_a_batch_a_turn_all_of_them_in_order(qtbot, reopened):
    folder, window, expected, every_row_sent, turns = reopened
    inserted = []  # (turn, rows) of each batch the list took
    window.dashboard.model.rowsInserted.connect(lambda _parent, first, last: inserted.append((turns[0], last - first + 1)))
    with qtbot.waitSignal(window.loadFinished, timeout=60000):
        assert window.open_folder(folder)
        assert every_row_sent.wait(60)  # every batch waits for the window now
    # each batch in a turn of its own: the window answered keys and painted in between
    assert len(inserted) >= REPORTS // BATCH
    assert [turn for turn, _rows in inserted] == sorted({turn for turn, _rows in inserted})
    # every row there once, in the folder's order, each with the counts of its first open
    assert sum(rows for _turn, rows in inserted) == REPORTS
    assert rows_shown(window) == expected
    assert [row[0] for row in expected] == [f"r{n:03d}.txt" for n in range(REPORTS)]
    assert window.dashboard.count_label.text().startswith(f"共 {REPORTS} 份，显示 {REPORTS} 份")


def test_a_report_opened_while_the_rows_come_stays_open_and_selected(qtbot, reopened):
    folder, window, expected, every_row_sent, _turns = reopened
    dashboard = window.dashboard
    chosen = str(folder / "r002.txt")
    when = []  # the rows listed as the auditor clicked

    def click() -> None:
        when.append(dashboard.model.rowCount())
        assert dashboard.select_file(chosen)

    def click_once_three_rows_are_there(*_args) -> None:
        if dashboard.model.rowCount() >= 3 and not hasattr(click, "asked"):
            click.asked = True
            QTimer.singleShot(0, click)  # on a turn of its own, as a click
    dashboard.model.rowsInserted.connect(click_once_three_rows_are_there)
    with qtbot.waitSignal(window.loadFinished, timeout=60000):
        assert window.open_folder(folder)
        assert every_row_sent.wait(60)
    assert when and when[0] < REPORTS  # clicked while rows were still coming
    # the report clicked is on screen and its row the one selected, all rows there
    assert window.report_view.session.report.file == chosen
    assert dashboard.current_review().report.file == chosen
    assert [review.report.file for review in dashboard.selected_reviews()] == [chosen]
    assert rows_shown(window) == expected
