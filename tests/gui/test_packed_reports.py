"""first71: a folder's reports stay packed in the window until one is opened (or an action reads
it): listing, linking the years and marking the copies of a year filed twice read what the worker
worked out beside the row. Every view and export still reads each report whole."""
from __future__ import annotations

import json

from core.pipeline import load_report
from gui.dashboard import DashboardModel, ERRORS
from gui.folder_job import summarize
from gui.loader import FolderLoader
from tests.gui.helpers import PLANTED, PLANTED_CELL, SEED_000, SEED_003, open_folder, select_report
from tests.gui.test_loader import many_reports, run_loader


def packed(review) -> bool:
    """Whether the review's report is still packed (its cells not decoded yet)."""
    return "_packed" in vars(review.report)


def exported(qtbot, window, target):
    with qtbot.waitSignal(window.exportFinished, timeout=60000):
        assert window.start_export(target)
    return json.loads(target.read_text(encoding="utf-8"))


def test_a_first_open_s_rows_count_their_findings_with_their_reports_still_packed(qtbot, tmp_path, report_folder,
                                                                                   db_path):
    """45 reports parsed by two worker processes: each row counts its errors, its report undecoded
    until it is asked for, and then holds the numbers a fresh parse reads."""
    folder = many_reports(tmp_path / "many", report_folder / PLANTED, 45)
    rows = [item for batch in run_loader(qtbot, FolderLoader(str(folder), db_path, processes=2)) for item in batch]
    model = DashboardModel()
    model.add_batch(rows)
    model.mark_copies_now()  # (45 copies of one agency's year: the first stands, read whole)
    shown = [model.index(n, ERRORS).data() for n in range(45)]
    assert model.data(model.index(0, 0), model.CopyMarkRole) == "采用"
    assert all(packed(review) for review, _findings in rows)  # (listing and ranking the copies decoded none)
    errors = [summarize(review, findings).errors for review, findings in rows]
    assert errors[0] > 0 and shown == [str(e) for e in errors]
    review = model.review_at(7)
    fresh = load_report(review.report.file)
    assert review.value(PLANTED_CELL) == 15
    assert review.report.cells == fresh.cells and review.report.text == fresh.text
    assert review.report.flags == fresh.flags and review.report.section_spans == fresh.section_spans


def test_a_folder_opened_again_decodes_the_report_opened_and_exports_every_report_whole(
        qtbot, make_window, store, report_folder, tmp_path):
    first = make_window(store)
    assert open_folder(qtbot, first, report_folder) == 6
    before = exported(qtbot, first, tmp_path / "first.json")

    again = make_window(store)  # the reports come from the parse cache, packed
    assert open_folder(qtbot, again, report_folder) == 6
    model = again.dashboard.model
    reviews = {model.file_at(r).rsplit("/", 1)[-1]: model.loaded_review_at(r) for r in range(6)}
    # the first report opened; the others undecoded (the two copies of 鼓楼区 2021 marked without)
    assert again.report_view.session.report.file.endswith(SEED_000)
    assert [name for name, review in reviews.items() if not packed(review)] == [SEED_000]
    assert {model.data(model.index(r, 0), model.CopyMarkRole) for r in range(6)} == {"", "采用", "未采用"}
    session = select_report(qtbot, again, PLANTED)  # opened: its cells read
    assert session.review.value(PLANTED_CELL) == 15
    assert any(finding.cells and PLANTED_CELL in finding.cells for finding in session.findings)
    assert packed(reviews[SEED_003])
    assert exported(qtbot, again, tmp_path / "again.json") == before


def test_a_reopened_folder_s_reports_come_a_batch_a_turn_of_the_window(qtbot, report_folder, db_path, monkeypatch):
    """Decoded from their packed heads, a reopened folder's reports are ready at once: sent all
    together, the window took every batch in one turn (a stall of ~100 ms for 2 000 reports). The
    window's loader sends the next batch once the window has taken the one before."""
    import gui.loader as loader_module
    run_loader(qtbot, FolderLoader(str(report_folder), db_path, processes=1))  # (the parse cache filled)
    monkeypatch.setattr(loader_module, "BATCH_SIZE", 2)
    loader = FolderLoader(str(report_folder), db_path, processes=1, paced=True)
    batches = []
    loader.listed.connect(lambda _token: loader.rows_shown())
    loader.hydrated.connect(lambda _token, items: batches.append(len(items)))
    done = []
    loader.done.connect(lambda _token, cancelled: done.append(cancelled))
    loader.start()
    qtbot.waitUntil(lambda: batches == [2])
    qtbot.wait(300)
    assert batches == [2]  # the next one waits for the window
    for count in (2, 3):
        loader.batch_taken()
        qtbot.waitUntil(lambda: len(batches) == count)
    qtbot.waitUntil(lambda: done == [False])  # (six reports: three batches, then the end)
    loader.wait()
    assert batches == [2, 2, 2]
