"""Loading folders off the GUI thread: worker processes or the thread, batches, order, speed."""
import time

import pytest

from core.review.edits import ReportReview
from core.model import Report
from core.pipeline import load_report
from gui.folder_job import run_checks
from gui.dashboard import FILE, DashboardWidget
from gui.loader import FolderLoader
from tests.gui.helpers import PLANTED


def many_reports(folder, source, count):
    folder.mkdir()
    text = source.read_text(encoding="utf-8")
    for i in range(count):
        (folder / f"r{i:03d}.txt").write_text(text + f"\n附：{i}\n", encoding="utf-8")
    return folder


def run_loader(qtbot, loader):
    batches = []
    loader.batchReady.connect(lambda token, items: batches.append(items))
    with qtbot.waitSignal(loader.done, timeout=120000):
        loader.start()
    loader.wait()
    return batches


@pytest.mark.parametrize("processes", [1, 2])
def test_every_file_arrives_once_in_folder_order(qtbot, tmp_path, report_folder, db_path, processes):
    folder = many_reports(tmp_path / "many", report_folder / PLANTED, 45)
    loader = FolderLoader(str(folder), db_path, token=7, processes=processes)
    batches = run_loader(qtbot, loader)
    files = [review.report.file for batch in batches for review, _findings in batch]
    assert files == sorted(str(p) for p in folder.glob("*.txt"))
    review, findings = batches[0][0]
    assert {f.rule for f in findings} >= {"T3-2", "T3-3"}
    assert review.report.agency == "鼓楼区人民政府"
    assert loader.loaded == loader.total == 45


def test_stored_edits_are_replayed_by_the_worker(qtbot, report_folder, store, db_path):
    from core.review.edits import CellEdit
    report = load_report(report_folder / PLANTED)
    store.add_edit(report.content_hash, CellEdit("section3.granted.natural", 15, 12), report.file)
    loader = FolderLoader(str(report_folder), db_path, processes=1)
    batches = run_loader(qtbot, loader)
    reviews = {r.report.file: r for batch in batches for r, _f in batch}
    assert reviews[str(report_folder / PLANTED)].value("section3.granted.natural") == 12


def test_two_thousand_rows_reach_the_dashboard_quickly(qtbot, report_folder):
    # The GUI half of a big folder: 2000 reports inserted in the loader's batches of 50.
    widget = DashboardWidget()
    qtbot.addWidget(widget)
    widget.show()
    base = load_report(report_folder / PLANTED)
    findings = run_checks(ReportReview(base))
    items = []
    for i in range(2000):
        report = Report(file=f"/x/r{i:04d}.txt", format="txt", agency=f"单位{i}", year=2021,
                        template="2021", cells=base.cells, flags=base.flags)
        items.append((ReportReview(report), findings))
    start = time.perf_counter()
    slowest = 0.0
    for i in range(0, len(items), 50):
        t = time.perf_counter()
        widget.model.add_batch(items[i:i + 50])
        qtbot.wait(1)  # let the view repaint between batches, as the event loop does
        slowest = max(slowest, time.perf_counter() - t)
    assert widget.proxy.rowCount() == 2000
    assert time.perf_counter() - start < 5
    assert slowest < 0.5  # generous: shared CI machines; typically a few milliseconds
    assert widget.proxy.index(1999, FILE).data() == "r1999.txt"


def test_an_unreadable_database_is_said_on_every_report(qtbot, report_folder, tmp_path):
    bad = tmp_path / "not-a-database"
    bad.mkdir()  # a folder where the database should be: sqlite cannot open it
    loader = FolderLoader(str(report_folder), bad, processes=2)
    failures = []
    loader.failed.connect(lambda token, message: failures.append(message))
    batches = run_loader(qtbot, loader)
    reviews = [r for batch in batches for r, _f in batch]
    assert len(reviews) == 6
    assert all(any("审核记录" in p for p in r.report.problems) for r in reviews)
    assert failures and "审核记录" in failures[0]
