"""Loading folders off the GUI thread: worker processes or the thread, batches, order, speed."""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core.review.edits import ReportReview
from core.model import Report
from core.pipeline import load_report
from gui.folder_job import Listed, run_checks, summarize
from gui.dashboard import ERRORS, FILE, DashboardModel, DashboardWidget
from gui.loader import FolderLoader
from gui.qt import Qt
import core.pipeline
from tests.gui.helpers import PLANTED


def many_reports(folder, source, count):
    folder.mkdir()
    text = source.read_text(encoding="utf-8")
    for i in range(count):
        (folder / f"r{i:03d}.txt").write_text(text + f"\n附：{i}\n", encoding="utf-8")
    return folder


def run_loader(qtbot, loader, hydrated=None):
    """The loader's batches of rows; the reports of rows listed from the cache go to ``hydrated``."""
    batches = []
    loader.batchReady.connect(lambda token, items: batches.append(items))
    if hydrated is not None:
        loader.hydrated.connect(lambda token, items: hydrated.extend(items))
    with qtbot.waitSignal(loader.done, timeout=120000):
        loader.start()
    loader.wait()
    return batches


def loaded_items(qtbot, loader):
    """Every (review, findings) of a load in the folder's order, listed rows replaced by their
    reports as the loader sent them afterwards."""
    hydrated = []
    rows = [item for batch in run_loader(qtbot, loader, hydrated) for item in batch]
    reports = {review.report.file: (review, findings) for review, findings in hydrated}
    return [reports[item.file] if isinstance(item, Listed) else item for item in rows]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes: POSIX")
def test_a_pipe_named_like_a_word_file_is_listed_and_the_load_goes_on(qtbot, tmp_path, report_folder, db_path):
    """A pipe named .doc, .wps, .rtf or .odt was opened to see whether LibreOffice should read it:
    opening a pipe waits for a writer, and the folder never finished loading. Each is listed with
    its reason; the report beside them is read."""
    folder = tmp_path / "pipes"
    folder.mkdir()
    shutil.copy(report_folder / PLANTED, folder / PLANTED)
    for suffix in (".doc", ".wps", ".rtf", ".odt"):
        os.mkfifo(folder / f"管道{suffix}")
    loader = FolderLoader(str(folder), db_path, token=3, processes=1)
    items = loaded_items(qtbot, loader)
    problems = {Path(review.report.file).name: review.report.problems for review, _findings in items}
    assert set(problems) == {PLANTED, "管道.doc", "管道.wps", "管道.rtf", "管道.odt"}
    assert problems[PLANTED] == []
    for suffix in (".doc", ".wps", ".rtf", ".odt"):
        assert problems[f"管道{suffix}"] == ["无法读取文件：不是普通文件（可能是管道、设备或特殊链接），未读取"]


@pytest.mark.parametrize("processes", [1, 2])
def test_every_file_arrives_once_in_folder_order(qtbot, tmp_path, report_folder, db_path, processes):
    folder = many_reports(tmp_path / "many", report_folder / PLANTED, 45)
    loader = FolderLoader(str(folder), db_path, token=7, processes=processes)
    items = loaded_items(qtbot, loader)
    files = [review.report.file for review, _findings in items]
    assert files == sorted(str(p) for p in folder.glob("*.txt"))
    review, findings = items[0]
    assert {f.rule for f in findings} >= {"T3-2", "T3-3"}
    assert review.report.agency == "鼓楼区人民政府"
    assert loader.loaded == loader.total == 45


def test_a_first_open_s_rows_come_with_their_reports(qtbot, tmp_path, report_folder, db_path):
    # Parsed in the worker processes, each row reaches the dashboard with its report: once every
    # row is listed no report is left to follow, and each row says what its report's findings say.
    folder = many_reports(tmp_path / "many", report_folder / PLANTED, 45)
    hydrated = []
    rows = [item for batch in run_loader(qtbot, FolderLoader(str(folder), db_path, processes=2), hydrated)
            for item in batch]
    assert hydrated == []
    assert [review.report.file for review, _f in rows] == sorted(str(p) for p in folder.glob("*.txt"))
    model = DashboardModel()
    model.add_batch(rows)
    errors = [summarize(review, findings).errors for review, findings in rows]
    assert errors[0] > 0
    assert [model.index(n, ERRORS).data() for n in range(45)] == [str(count) for count in errors]
    assert all(model.review_at(n) is rows[n][0] for n in range(45))


def test_stored_edits_are_replayed_by_the_worker(qtbot, report_folder, store, db_path):
    from core.review.edits import CellEdit
    report = load_report(report_folder / PLANTED)
    store.add_edit(report.content_hash, CellEdit("section3.granted.natural", 15, 12), report.file)
    loader = FolderLoader(str(report_folder), db_path, processes=1)
    batches = run_loader(qtbot, loader)
    reviews = {r.report.file: r for batch in batches for r, _f in batch}
    assert reviews[str(report_folder / PLANTED)].value("section3.granted.natural") == 12


def test_two_thousand_rows_reach_the_dashboard_in_batches(qtbot, report_folder):
    # The GUI half of a big folder: 2000 reports inserted in the loader's batches of 50, the
    # view repainting between them. (How fast is a figure of bench/bench_gui.py, not a test.)
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
    inserted = []
    widget.model.rowsInserted.connect(lambda _parent, first, last: inserted.append(last - first + 1))
    for i in range(0, len(items), 50):
        widget.model.add_batch(items[i:i + 50])
        qtbot.wait(1)  # let the view repaint between batches, as the event loop does
    assert inserted == [50] * 40
    assert widget.proxy.rowCount() == 2000
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


def test_a_folder_opened_again_comes_from_the_parse_cache(qtbot, report_folder, db_path, store, monkeypatch):
    from core.review.edits import CellEdit
    import core.pipeline
    import gui.folder_job
    first = [item for batch in run_loader(qtbot, FolderLoader(str(report_folder), db_path, processes=1))
             for item in batch]
    edited = first[0][0].report
    store.add_edit(edited.content_hash, CellEdit("section3.granted.natural", edited.value("section3.granted.natural"), 99999),
                   edited.file)

    def refuse(*_args):
        raise AssertionError("parsed or checked again")
    monkeypatch.setattr(core.pipeline, "_parse_file", refuse)
    checked = []
    real_checked = gui.folder_job._checked
    monkeypatch.setattr(gui.folder_job, "_checked", lambda review: checked.append(review) or real_checked(review))
    rows = [item for batch in run_loader(qtbot, FolderLoader(str(report_folder), db_path, processes=1))
            for item in batch]
    # every unedited report is listed from its cached row, as the first open showed it
    assert [isinstance(item, Listed) for item in rows] == [False] + [True] * (len(first) - 1)
    assert [item.summary for item in rows[1:]] == [summarize(r, f) for r, f in first[1:]]
    checked.clear()
    again = loaded_items(qtbot, FolderLoader(str(report_folder), db_path, processes=1))
    assert [repr(r.report) for r, _f in again] == [repr(r.report) for r, _f in first]
    assert [repr(f) for _r, f in again[1:]] == [repr(f) for _r, f in first[1:]]
    # only the corrected report is checked afresh, on its corrected value
    assert [review.report.file for review in checked] == [edited.file]
    assert again[0][0].value("section3.granted.natural") == 99999


@pytest.mark.parametrize("processes", [1, 2])
def test_the_same_bytes_as_text_and_as_a_web_page_are_listed_as_each_reads(qtbot, tmp_path, db_path, processes):
    # a text export (a tag kept on its first line) saved as .html too: the web page's line breaks
    # are spaces, so its 第三部分 table is not found; the .txt is read whole. Each row says so,
    # opened once and again.
    from gui.dashboard import PROBLEMS
    from tests.core.parse.test_cache import marked_text
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "report-2019.txt"
    folder = tmp_path / "same"
    folder.mkdir()
    for i in range(21):  # 42 files: with two processes, worker processes load them
        for suffix in (".html", ".txt"):
            (folder / f"r{i:02d}{suffix}").write_bytes(marked_text(fixture))
    files = sorted(str(p) for p in folder.iterdir())
    fresh = {file: load_report(file) for file in files}  # each read alone
    for load in ("first", "again"):
        model = DashboardModel()
        hydrated = []
        rows = [item for batch in run_loader(qtbot, FolderLoader(str(folder), db_path, processes=processes),
                                             hydrated) for item in batch]
        model.add_batch(rows)
        model.fill(hydrated)
        if load == "again":
            assert all(isinstance(row, Listed) for row in rows)
        reports = {review.report.file: review.report for review, _f in hydrated}
        reports.update((review.report.file, review.report) for review, _f in
                       (item for item in rows if not isinstance(item, Listed)))
        assert [repr(reports[file]) for file in files] == [repr(fresh[file]) for file in files]
        shown = [(Path(model.index(n, FILE).data()).suffix, model.index(n, PROBLEMS).data())
                 for n in range(model.rowCount())]
        assert len(shown) == 42
        assert all(problems == "缺统计表" if suffix == ".html" else problems == ""
                   for suffix, problems in shown)


def old_word_folder(tmp_path, report_folder, monkeypatch):
    """45 planted reports plus three old Word files (a.doc, b.wps, z.doc) that a stand-in
    LibreOffice converts; returns the folder and the stand-in's log of runs."""
    from tests.core.readers.test_legacy import OLE_HEADER, stand_in_office
    log = stand_in_office(tmp_path, monkeypatch)
    folder = many_reports(tmp_path / "many", report_folder / PLANTED, 45)
    for name in ("a.doc", "b.wps", "z.doc"):
        (folder / name).write_bytes(OLE_HEADER)
    return folder, log


def assert_old_word_files_read_in_one_run(folder, log, items):
    """Every report listed, one LibreOffice run for the three old Word files, each read right."""
    reviews = {r.report.file: r for r, _f in items}
    assert len(reviews) == 48
    assert log.read_text().count("run") == 1
    for name in ("a.doc", "b.wps", "z.doc"):
        report = reviews[str(folder / name)].report
        assert report.problems == [] and report.value("section3.total.total") == 2407


@pytest.mark.parametrize("processes", [1, 2])
def test_old_word_files_of_a_folder_take_one_office_run(qtbot, tmp_path, report_folder, db_path,
                                                        monkeypatch, processes):
    folder, log = old_word_folder(tmp_path, report_folder, monkeypatch)
    items = loaded_items(qtbot, FolderLoader(str(folder), db_path, processes=processes))
    assert_old_word_files_read_in_one_run(folder, log, items)


def test_old_word_files_take_one_office_run_when_their_parse_is_gone_from_the_cache(
        qtbot, tmp_path, report_folder, db_path, monkeypatch):
    # The worker processes convert, parse and cache the old Word files and send their rows;
    # the window's loader then reads their reports from the cache. When it does not find them
    # there (another process rebuilt the cache, a busy moment, another parser version), it
    # parses them again: from the folder's one LibreOffice run, never a second run.
    import core.parse.cache
    folder, log = old_word_folder(tmp_path, report_folder, monkeypatch)
    # only this process's cache misses: the worker processes (spawned) keep the real one
    monkeypatch.setattr(core.parse.cache.ParseCache, "get", lambda self, content_hash: None)
    items = loaded_items(qtbot, FolderLoader(str(folder), db_path, processes=2))
    assert_old_word_files_read_in_one_run(folder, log, items)


def test_worker_processes_use_the_window_s_parser_version(tmp_path, report_folder, monkeypatch):
    # A worker computing its own version from the source files could meet files edited since
    # the window started: its results would be stored under a version the window never asks for.
    # The window stores the workers' fresh parses under its version: a worker finds them there.
    import gui.folder_job
    from gui.folder_job import Parsed, load_chunk
    from core.parse.cache import ParseCache, parse_key
    from core.pipeline import hash_file
    opened = {}
    monkeypatch.setattr(gui.folder_job, "_caches", opened)  # this test's own, closed below
    cache_path = tmp_path / "cache.sqlite3"
    files = [str(p) for p in sorted(report_folder.glob("*.txt"))]
    hashed = [hash_file(f) for f in files]
    first = load_chunk(files, None, str(cache_path), None, "window-version", hashed)
    assert all(isinstance(item, Parsed) for item in first)
    with ParseCache(cache_path, version="window-version") as cache:
        cache.put_packed([(parse_key(item.content_hash, item.file), item.data, item.findings,
                           item.summary.to_json()) for item in first])
    again = load_chunk(files, None, str(cache_path), None, "window-version", hashed)
    for cache in opened.values():
        cache.close()
    assert [type(item) for item in again] == [Listed] * len(files)
    assert [item.summary for item in again] == [item.summary for item in first]


def listed_paced(qtbot, report_folder, db_path):
    """A paced loader of the folder, started and waited for until it listed every row (the window
    never says its rows are shown, so it lists, then waits): (loader, rows, decoded reports)."""
    loader = FolderLoader(str(report_folder), db_path, processes=1, paced=True)
    rows, hydrated = [], []
    loader.batchReady.connect(lambda token, items: rows.extend(items))
    loader.hydrated.connect(lambda token, items: hydrated.extend(items))
    with qtbot.waitSignal(loader.listed, timeout=60000):
        loader.start()
    return loader, rows, hydrated


def test_a_folder_opened_again_is_listed_before_any_report_is_decoded(qtbot, report_folder, db_path,
                                                                      monkeypatch):
    import core.parse.cache
    first = loaded_items(qtbot, FolderLoader(str(report_folder), db_path, processes=1))

    def refuse(*_args, **_kwargs):
        raise AssertionError("a report was decoded or parsed before every row was listed")
    monkeypatch.setattr(core.parse.cache, "loads", refuse)
    monkeypatch.setattr(core.pipeline, "_parse_file", refuse)
    # paced, and the window never says its rows are shown: the loader lists, then waits
    loader, rows, hydrated = listed_paced(qtbot, report_folder, db_path)
    loader.cancel()
    loader.wait()
    assert [row.file for row in rows] == [review.report.file for review, _f in first]
    assert all(isinstance(row, Listed) for row in rows)
    assert hydrated == []


def test_an_edit_made_while_the_rows_are_listed_is_in_the_report_that_follows(qtbot, report_folder, db_path,
                                                                            store):
    # the listed rows' reports are looked up in the review database again as they are decoded
    # (a few at a time): an edit stored after the listing, before the decoding, is replayed
    from core.review.edits import CellEdit
    first = loaded_items(qtbot, FolderLoader(str(report_folder), db_path, processes=1))
    loader, rows, hydrated = listed_paced(qtbot, report_folder, db_path)
    assert all(isinstance(row, Listed) for row in rows)
    edited = first[-1][0].report
    store.add_edit(edited.content_hash, CellEdit("section3.granted.natural", edited.value("section3.granted.natural"), 99999),
                   edited.file)
    with qtbot.waitSignal(loader.done, timeout=60000):
        loader.rows_shown()
    loader.wait()
    reports = {review.report.file: review for review, _findings in hydrated}
    assert len(reports) == len(first)
    assert reports[edited.file].current().value("section3.granted.natural") == 99999
    assert all(reports[review.report.file].current().value("section3.granted.natural")
               == review.report.value("section3.granted.natural") for review, _f in first[:-1])


def test_a_row_from_the_cache_shows_what_its_report_shows(qtbot, report_folder):
    from gui.folder_job import RowSummary
    review = ReportReview(load_report(report_folder / PLANTED))
    findings = run_checks(review)
    summary = summarize(review, findings)
    assert RowSummary.from_json(summary.to_json()) == summary
    assert RowSummary.from_json(["row-0", *summary.to_json()[1:]]) is None  # another format: a miss
    assert RowSummary.from_json(summary.to_json()[:-1]) is None

    direct, listed = DashboardWidget(), DashboardWidget()
    qtbot.addWidget(direct)
    qtbot.addWidget(listed)
    direct.model.add_batch([(review, findings)])
    wanted = []
    listed.model.hydrate = lambda file: wanted.append(file) or (review, findings)
    listed.model.add_batch([Listed(review.report.file, review.report.content_hash, summary)])
    roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, DashboardModel.SortRole,
             DashboardModel.HasProblemsRole, DashboardModel.UnreadableRole]
    shown = lambda widget: [widget.model.index(0, c).data(role)  # noqa: E731
                            for c in range(widget.model.columnCount()) for role in roles]
    assert shown(listed) == shown(direct)
    assert direct.model.index(0, ERRORS).data() == "2"  # the planted cell breaks T3-2 and T3-3
    assert wanted == []  # listing and painting it needed no report
    assert listed.model.review_at(0) is review  # wanted now: loaded at once, once
    assert listed.model.review_at(0) is review and wanted == [review.report.file]


def test_reports_sent_after_their_rows_never_replace_one_in_use(qtbot, report_folder):
    review = ReportReview(load_report(report_folder / PLANTED))
    findings = run_checks(review)
    widget = DashboardWidget()
    qtbot.addWidget(widget)
    widget.model.hydrate = lambda file: (review, findings)
    widget.model.add_batch([Listed(review.report.file, review.report.content_hash, summarize(review, findings))])
    in_use = widget.model.review_at(0)
    widget.model.fill([(ReportReview(load_report(report_folder / PLANTED)), findings)])
    assert widget.model.review_at(0) is in_use


def test_a_listed_row_whose_report_arrives_with_stored_work_shows_that_work(qtbot, report_folder):
    """Reviews are kept by content hash: a copy of a report (the same bytes under another name) is
    listed from the cache as untouched, and its report, read once the rows are shown, may bring
    the edit the auditor has just made to the other copy. The row kept the cached summary
    (未审核, 错误 2) while the report it opened said 已修改 with no error."""
    from core.review.edits import CellEdit
    from gui.dashboard import STATUS
    review = ReportReview(load_report(report_folder / PLANTED))
    findings = run_checks(review)
    widget = DashboardWidget()
    qtbot.addWidget(widget)
    widget.model.add_batch([Listed(review.report.file, review.report.content_hash, summarize(review, findings))])
    assert widget.model.index(0, ERRORS).data() == "2" and widget.model.index(0, STATUS).data() == "未审核"
    edited = ReportReview(review.report, [CellEdit("section3.granted.natural", 15, 12)])
    widget.model.fill([(edited, run_checks(edited))])
    assert widget.model.index(0, STATUS).data() == "已修改"
    assert widget.model.index(0, ERRORS).data() == "0"


def test_rows_arrive_in_batches(qtbot, report_folder, db_path):
    widget = DashboardWidget()
    qtbot.addWidget(widget)
    inserts = []
    widget.model.rowsInserted.connect(lambda _parent, first, last: inserts.append(last - first + 1))
    folder = report_folder
    loader = FolderLoader(str(folder), db_path, processes=1)
    loader.batchReady.connect(lambda token, items: widget.model.add_batch(items))
    with qtbot.waitSignal(loader.done, timeout=60000):
        loader.start()
    loader.wait()
    assert sum(inserts) == widget.model.rowCount() == 6
    assert len(inserts) < 6  # several rows per insertion


def test_the_window_reopens_a_folder_from_the_cache_without_parsing(qtbot, make_window, store, report_folder,
                                                                     monkeypatch):
    from tests.gui.helpers import SEED_000, open_folder, select_report
    window = make_window(store)
    sessions = {}  # the report on screen when every row was there, and when loading was done
    window.loadListed.connect(lambda _n: sessions.setdefault("listed", window.report_view.session))
    window.loadFinished.connect(lambda _n: sessions.setdefault("done", window.report_view.session))
    assert open_folder(qtbot, window, report_folder) == 6
    shown = [[window.dashboard.model.index(r, c).data() for c in range(10)] for r in range(6)]

    def refuse(*_args):
        raise AssertionError("parsed again")
    monkeypatch.setattr(core.pipeline, "_parse_file", refuse)
    again = make_window(store)
    with qtbot.waitSignal(again.loadListed, timeout=60000):
        again.open_folder(report_folder)
    # every row is there at once; a report clicked before the loader sent it is read at once
    assert [[again.dashboard.model.index(r, c).data() for c in range(9)] for r in range(6)] == \
        [row[:9] for row in shown]
    # (a copy's 采用 / 未采用 in 问题 once the reports of its year are loaded: 003 and planted_003
    # are two copies of 鼓楼区 2021)
    qtbot.waitUntil(lambda: [[again.dashboard.model.index(r, c).data() for c in range(10)] for r in range(6)]
                    == shown)
    session = select_report(qtbot, again, PLANTED)
    assert session.review.value("section3.granted.natural") is not None
    # the first report opened once loading was done, not with the first rows
    assert sessions["listed"] is None and sessions["done"].report.file == str(report_folder / SEED_000)


KILLED_PARENT = """
import os, signal, sys
from concurrent.futures import ProcessPoolExecutor
import multiprocessing
from gui.folder_job import start_worker

if __name__ == "__main__":
    pool = ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn"), initializer=start_worker)
    pids = {pool.submit(os.getpid).result() for _ in range(4)}
    with open(sys.argv[1], "w") as out:
        out.write(" ".join(map(str, pids)))
    os.kill(os.getpid(), signal.SIGKILL)  # no shutdown, no cleanup: as a SIGTERM'd window
"""


@pytest.mark.skipif(sys.platform == "win32", reason="kills a process with a POSIX signal")
def test_worker_processes_end_when_the_window_process_is_killed(tmp_path):
    script = tmp_path / "killed_parent.py"
    script.write_text(KILLED_PARENT, encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    pids = tmp_path / "workers.txt"
    # no pipes: a worker left running would hold them open
    subprocess.run([sys.executable, str(script), str(pids)], cwd=root, timeout=120,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env={**os.environ, "PYTHONPATH": str(root)})
    workers = [int(pid) for pid in pids.read_text().split()]
    assert workers

    def alive(pid):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    deadline = time.monotonic() + 30  # not a timing assertion: they end at once, a stuck one never
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in workers if alive(pid)]
    for pid in left:
        os.kill(pid, 9)
    assert not left


@pytest.mark.skipif(not hasattr(os, "SCHED_BATCH"), reason="the batch scheduling policy is Linux's")
def test_worker_processes_run_under_the_batch_policy():
    # Background work that a woken window preempts at once, but that keeps its full share of
    # the CPU beside other busy programs (at a nice value it got a quarter of it).
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from gui.folder_job import start_worker
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"), initializer=start_worker) as pool:
        policy = pool.submit(os.sched_getscheduler, 0).result(timeout=120)
        niceness = pool.submit(os.getpriority, os.PRIO_PROCESS, 0).result(timeout=120)
    assert policy == os.SCHED_BATCH
    assert niceness == os.getpriority(os.PRIO_PROCESS, 0)


def test_worker_processes_leave_the_window_the_cpu_on_windows_and_where_there_is_no_batch_policy(monkeypatch):
    # Windows: the process's priority class BELOW_NORMAL (no new dependency: ctypes); elsewhere
    # without Linux's batch policy (macOS): a nice value. Each asked of the system as the worker starts.
    import ctypes
    import types
    from gui import folder_job
    asked = []
    kernel32 = types.SimpleNamespace(GetCurrentProcess=lambda: "this process",
                                     SetPriorityClass=lambda process, level: asked.append((process, level)))
    monkeypatch.delattr(os, "SCHED_BATCH", raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(ctypes, "windll", types.SimpleNamespace(kernel32=kernel32), raising=False)
    monkeypatch.setattr(os, "nice", lambda step: asked.append(("nice", step)))
    folder_job._lower_priority()
    assert asked == [("this process", 0x4000)]  # BELOW_NORMAL_PRIORITY_CLASS
    asked.clear()
    monkeypatch.setattr(sys, "platform", "darwin")
    folder_job._lower_priority()
    assert asked == [("nice", folder_job.WORKER_NICENESS)] and folder_job.WORKER_NICENESS > 0


def test_a_folder_s_files_are_hashed_once_whether_parsed_or_taken_from_the_cache(qtbot, report_folder, db_path,
                                                                                monkeypatch):
    """The listing hashes each file to look it up in the parse cache; loading it then uses that
    hash (it hashed every file a second time); a file whose parse is cached is not even read."""
    import core.readers.dispatch
    hashed, read = [], []
    real_digest, real_read = core.pipeline._digest, core.readers.dispatch.read_bytes
    monkeypatch.setattr(core.pipeline, "_digest", lambda data, problem: hashed.append(data)
                        or real_digest(data, problem))
    monkeypatch.setattr(core.readers.dispatch, "read_bytes", lambda path: read.append(path) or real_read(path))
    files = sorted(str(p) for p in report_folder.iterdir())
    first = loaded_items(qtbot, FolderLoader(str(report_folder), db_path, processes=1))
    assert [r.report.file for r, _f in first] == files
    assert len(hashed) == len(files)  # was twice as many
    assert len(read) == 2 * len(files)  # listed, then parsed
    hashed.clear()
    read.clear()
    again = loaded_items(qtbot, FolderLoader(str(report_folder), db_path, processes=1))
    assert [repr(r.report) for r, _f in again] == [repr(r.report) for r, _f in first]
    assert len(hashed) == len(read) == len(files)  # the listing only


def test_worker_processes_take_the_listing_s_hashes(tmp_path, report_folder, monkeypatch):
    import gui.folder_job
    from gui.folder_job import load_chunk
    opened = {}
    monkeypatch.setattr(gui.folder_job, "_caches", opened)  # this test's own, closed below
    files = [str(p) for p in sorted(report_folder.glob("*.txt"))]
    hashes = [core.pipeline.hash_file(f) for f in files]
    hashed = []
    real_digest = core.pipeline._digest
    monkeypatch.setattr(core.pipeline, "_digest", lambda data, problem: hashed.append(data)
                        or real_digest(data, problem))
    items = load_chunk(files, None, str(tmp_path / "cache.sqlite3"), None, None, hashes)
    for cache in opened.values():
        cache.close()
    assert hashed == []
    assert [item.content_hash for item in items] == [h.digest for h in hashes]


def test_a_worker_takes_from_the_cache_what_it_holds_and_parses_the_rest(tmp_path, report_folder, monkeypatch):
    # which files the cache holds is asked once for the chunk: a file parsed before (a copy
    # elsewhere in the folder) is not parsed again, nor a copy of one the chunk parsed; the others are
    import gui.folder_job
    from gui.folder_job import Parsed, load_chunk
    from core.parse.cache import ParseCache, parse_key
    opened = {}
    monkeypatch.setattr(gui.folder_job, "_caches", opened)  # this test's own, closed below
    files = [str(p) for p in sorted(report_folder.glob("*.txt"))][:3]
    copy = tmp_path / "copy.txt"
    shutil.copy(files[1], copy)
    files.append(str(copy))
    cache_path = tmp_path / "cache.sqlite3"
    with ParseCache(cache_path) as cache:
        first = load_report(Path(files[0]), cache)
    hashes = [core.pipeline.hash_file(f) for f in files]
    parsed = []
    real_parse = core.pipeline._parse_file
    monkeypatch.setattr(core.pipeline, "_parse_file", lambda path, data, problem: parsed.append(str(path))
                        or real_parse(path, data, problem))
    items = load_chunk(files, None, str(cache_path), None, None, hashes)
    for cache in opened.values():
        cache.close()
    assert parsed == files[1:3]
    assert items[0].content_hash == first.content_hash and items[0].file == files[0]
    assert items[3].content_hash == items[1].content_hash and items[3].file == str(copy)
    # the fresh parses come back packed, for the window to store (as the loader does)
    assert [type(item) for item in items] == [Listed, Parsed, Parsed, Parsed]
    with ParseCache(cache_path) as cache:
        cache.put_packed([(parse_key(item.content_hash, item.file), item.data, item.findings,
                           item.summary.to_json()) for item in items[1:]])
        assert all(cache.get(parse_key(h.digest, f)) is not None for h, f in zip(hashes, files))


def test_the_window_s_workers_load_one_folder_after_another(qtbot, tmp_path, report_folder, db_path):
    # Started once (as the program starts), kept warm for every folder opened after the first.
    from gui.workers import Workers
    workers = Workers(2)
    try:
        workers.start()
        started = set(workers.pids())
        assert len(started) == 2
        for name in ("first", "second"):
            folder = many_reports(tmp_path / name, report_folder / PLANTED, 41)
            items = loaded_items(qtbot, FolderLoader(str(folder), db_path, workers=workers))
            assert [review.report.file for review, _f in items] == sorted(str(p) for p in folder.glob("*.txt"))
            assert all({f.rule for f in findings} >= {"T3-2", "T3-3"} for _review, findings in items)
            assert set(workers.pids()) == started  # the same processes: none started again
    finally:
        workers.stop()


@pytest.mark.skipif(sys.platform == "win32", reason="kills a process with a POSIX signal")
def test_a_killed_worker_loses_no_report_and_the_next_folder_gets_new_workers(qtbot, tmp_path, report_folder,
                                                                              db_path):
    import signal
    from gui.workers import Workers
    workers = Workers(2)
    try:
        workers.start()
        killed = workers.pids()
        os.kill(killed[0], signal.SIGKILL)
        for name in ("first", "second"):
            folder = many_reports(tmp_path / name, report_folder / PLANTED, 41)
            items = loaded_items(qtbot, FolderLoader(str(folder), db_path, workers=workers))
            assert len(items) == 41
            assert all(review.report.agency == "鼓楼区人民政府" for review, _f in items)
        assert not set(workers.pids()) & set(killed)  # the broken pool was replaced
    finally:
        workers.stop()


def test_stored_edits_are_replayed_by_worker_processes_beside_files_with_nothing_stored(qtbot, tmp_path,
                                                                                        report_folder, store,
                                                                                        db_path):
    # The listing asks the database once which files have a review; the others skip it.
    from core.review.edits import CellEdit
    folder = many_reports(tmp_path / "many", report_folder / PLANTED, 41)
    edited = load_report(folder / "r007.txt")
    store.add_edit(edited.content_hash, CellEdit("section3.granted.natural", 15, 12), edited.file)
    items = loaded_items(qtbot, FolderLoader(str(folder), db_path, processes=2))
    values = {Path(review.report.file).name: review.value("section3.granted.natural") for review, _f in items}
    assert values.pop("r007.txt") == 12
    assert set(values.values()) == {15} and len(values) == 40


def test_a_folder_hashed_a_slice_at_a_time_loses_nor_repeats_no_file(qtbot, tmp_path, report_folder, db_path,
                                                                      monkeypatch):
    # The workers start on the first slice while the rest is hashed; old Word files wait for
    # the folder's one LibreOffice run, whichever slice they are in.
    import gui.loader
    monkeypatch.setattr(gui.loader, "HASH_SLICE", 16)
    folder, log = old_word_folder(tmp_path, report_folder, monkeypatch)
    items = loaded_items(qtbot, FolderLoader(str(folder), db_path, processes=2))
    assert [review.report.file for review, _f in items] == sorted(str(p) for p in folder.iterdir())
    assert_old_word_files_read_in_one_run(folder, log, items)
    again = loaded_items(qtbot, FolderLoader(str(folder), db_path, processes=2))  # from the cache
    assert [repr(review.report) for review, _f in again] == [repr(review.report) for review, _f in items]


def test_the_window_releases_its_workers_once_a_folder_is_loaded(qtbot, tmp_path, report_folder, store, settings):
    # Idle workers would hold ~50 MB each for the rest of the session; the next folder starts new ones.
    from gui.main_window import MainWindow
    from gui.workers import Workers
    from tests.gui.helpers import open_folder
    workers = Workers(2)
    window = MainWindow(store, settings, workers=workers)
    qtbot.addWidget(window)
    try:
        workers.start()
        first = set(workers.pids())
        assert len(first) == 2
        for name in ("first", "second"):
            folder = many_reports(tmp_path / name, report_folder / PLANTED, 41)
            assert open_folder(qtbot, window, folder) == 41
            assert workers.pids() == []  # none left idle
            model = window.dashboard.model
            assert all(model.review_at(row).report.agency == "鼓楼区人民政府" for row in range(41))
    finally:
        window.stop_loading()
        workers.stop()


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("processes", [1, 2])
def test_a_damaged_old_word_file_is_listed_with_its_reason_at_once_when_opened_again(
        qtbot, tmp_path, report_folder, db_path, monkeypatch, processes):
    # LibreOffice spends seconds failing on it; opened again, the folder lists it from the
    # parse cache, 无法读取 with the reason, and LibreOffice is not started for it
    import core.readers.legacy as legacy
    from core.readers.legacy import DAMAGED_PROBLEM
    folder = many_reports(tmp_path / "many", report_folder / PLANTED, 45)
    damaged = folder / "损坏.doc"
    damaged.write_bytes((Path(__file__).resolve().parents[1] / "fixtures" / "damaged.doc").read_bytes())
    first = {review.report.file: review for review, _f in
             loaded_items(qtbot, FolderLoader(str(folder), db_path, processes=processes))}
    assert first[str(damaged)].report.problems == [DAMAGED_PROBLEM]

    def refuse(*_args, **_kwargs):
        raise AssertionError("LibreOffice started again")
    monkeypatch.setattr(legacy, "_run_office", refuse)
    hydrated = []
    rows = [item for batch in run_loader(qtbot, FolderLoader(str(folder), db_path, processes=processes),
                                         hydrated) for item in batch]
    row = next(item for item in rows if item.file == str(damaged))
    assert isinstance(row, Listed)
    assert row.summary.unreadable and row.summary.problems == (DAMAGED_PROBLEM,)
    assert row.summary.status == "无法读取"
    assert {review.report.file: review.report.problems for review, _f in hydrated}[str(damaged)] == [DAMAGED_PROBLEM]


def test_a_freshly_parsed_row_clicked_before_its_report_arrives_is_not_parsed_again(
        qtbot, make_window, store, tmp_path, report_folder, monkeypatch):
    # a worker process sent the row with its parse (not yet in the parse cache, stored once the
    # folder is loaded): the auditor clicking it before its report arrives gets that parse at
    # once, not the file read again in the window (seconds, for an old Word file's LibreOffice)
    folder = many_reports(tmp_path / "many", report_folder / PLANTED, 45)
    window = make_window(store)
    with qtbot.waitSignal(window.loadListed, timeout=120000):
        window.open_folder(folder)

    def refuse(*_args):
        raise AssertionError("parsed again in the window")
    monkeypatch.setattr(core.pipeline, "_parse_file", refuse)
    model = window.dashboard.model
    last = model.rowCount() - 1
    assert model.file_at(last) == str(folder / "r044.txt")
    review = model.review_at(last)
    assert review.report.file == str(folder / "r044.txt")
    assert review.report.value("section3.granted.natural") is not None
    assert {f.rule for f in model.findings_at(last)} >= {"T3-2", "T3-3"}  # the planted cell


def test_a_cache_locked_by_another_program_is_waited_for_once_not_once_a_slice(
        qtbot, tmp_path, report_folder, db_path, monkeypatch):
    # the fresh parses are stored a slice at a time after the folder is loaded; quitting or
    # opening another folder waits for that. A cache another program keeps locked made every
    # slice wait for the lock in turn (ten seconds each): the first wait that fails ends it
    import sqlite3
    import core.parse.cache as cache_module
    import gui.loader
    from core.parse.cache import ParseCache
    monkeypatch.setattr(cache_module, "BUSY_TIMEOUT", 0.2)
    monkeypatch.setattr(gui.loader, "STORE_SLICE", 10)
    folder = many_reports(tmp_path / "many", report_folder / PLANTED, 45)
    loader = FolderLoader(str(folder), db_path, processes=2)
    ParseCache(loader.cache_path).close()  # the file, with its table
    holder = sqlite3.connect(loader.cache_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program writing it
    tries = []
    real = ParseCache.put_packed
    monkeypatch.setattr(ParseCache, "put_packed", lambda self, rows: tries.append(len(rows)) or real(self, rows))
    try:
        items = loaded_items(qtbot, loader)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert len(items) == 45
    assert tries == [10]  # five slices; the first found the cache locked
    # nothing was stored: opened again, the folder is parsed again, whole
    again = loaded_items(qtbot, FolderLoader(str(folder), db_path, processes=2))
    assert [review.report.file for review, _f in again] == [review.report.file for review, _f in items]


class _HeldPool:
    """Worker processes stood in for by a queue of tasks that run, in this process, only when
    the test says: what the window shows between two finished tasks can be looked at."""

    def __init__(self) -> None:
        self.tasks = []  # (future, function, args), in the order sent

    def submit(self, function, *args):
        from concurrent.futures import Future
        future = Future()
        self.tasks.append((future, function, args))
        return future

    def run_next(self) -> int:
        """Run the first task not yet run; the number of files it held."""
        future, function, args = self.tasks.pop(0)
        future.set_result(function(*args))
        return len(args[0])

    def files_waiting(self) -> int:
        return sum(len(args[0]) for _future, _function, args in self.tasks)


class _HeldWorkers:
    processes = 2

    def __init__(self) -> None:
        self.pool = _HeldPool()

    def start(self):
        return self.pool

    def pids(self):
        return []

    def release(self) -> None:
        pass

    stop = release

    def discard(self, _executor) -> None:
        pass


def test_the_first_row_and_the_progress_come_after_one_file_not_a_whole_chunk(qtbot, tmp_path, report_folder,
                                                                               store, settings):
    # qa14: a folder of 368 files stayed at 0/368 for ~3 s: each worker sent its first chunk's
    # 16 rows back together, once all were parsed. Now each worker's first task is one file.
    from gui.folder_job import _caches, _stores
    from gui.main_window import MainWindow
    from gui import strings
    folder = many_reports(tmp_path / "many", report_folder / PLANTED, 41)
    workers = _HeldWorkers()
    window = MainWindow(store, settings, workers=workers)
    qtbot.addWidget(window)
    window.show()
    finished = []
    window.loadFinished.connect(finished.append)
    try:
        assert window.open_folder(folder)
        pool = workers.pool
        qtbot.waitUntil(lambda: pool.files_waiting() == 41)  # every file sent, none parsed yet
        dashboard = window.dashboard
        qtbot.waitUntil(lambda: dashboard.progress.format() == strings.LOADING.format(done=0, total=41))
        assert dashboard.model.rowCount() == 0
        assert pool.run_next() == 1  # one worker's first file parsed; 40 files still to go
        # The loader thread posts the batch and then the progress: the row can show a moment
        # before the count does, so wait for both (asserting one right after the other raced).
        qtbot.waitUntil(lambda: dashboard.model.rowCount() == 1
                        and dashboard.progress.format() == "正在载入 1/41 份报告…")
        assert dashboard.model.review_at(0).report.file == str(folder / "r000.txt")
        assert pool.files_waiting() == 40
        assert pool.run_next() == 1  # the other worker's first file
        qtbot.waitUntil(lambda: dashboard.model.rowCount() == 2
                        and dashboard.progress.format() == "正在载入 2/41 份报告…")
        assert [pool.run_next() for _ in range(4)] == [2, 2, 4, 4]  # then larger tasks
        while pool.tasks:
            pool.run_next()
        qtbot.waitUntil(lambda: finished == [41], timeout=30000)
        assert [dashboard.model.review_at(row).report.file for row in range(41)] == \
            sorted(str(path) for path in folder.glob("*.txt"))
    finally:
        window.stop_loading()
        for opened in (_stores, _caches):  # the stand-in workers' connections, opened in this process
            for key in [key for key in opened if str(tmp_path) in str(key)]:
                opened.pop(key).close()


def test_the_workers_warm_up_while_the_auditor_picks_a_folder(qtbot, tmp_path, store, settings, monkeypatch):
    # Released once a folder is loaded, the workers started again only as the next folder was
    # opened: their start-up came before its first row. Now they start as the dialog opens.
    from gui.main_window import MainWindow
    from gui.qt import QFileDialog
    log = []

    class Recorded(_HeldWorkers):
        def start(self):
            log.append("start")
            return self.pool

        def release(self):
            log.append("release")

    window = MainWindow(store, settings, workers=Recorded())
    qtbot.addWidget(window)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args: log.append("dialog") or "")
    window.choose_folder()  # cancelled: nothing to load, their memory back
    assert log == ["start", "dialog", "release"]



@pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise", "does not support grabbing")  # offscreen menus
def test_the_workers_warm_up_while_the_recent_menu_is_open(qtbot, tmp_path, report_folder, store, settings):
    # qa15: 文件 → 最近打开 → a number opened the folder with the workers released after the last
    # one: their start-up came before its first row, where the folder dialog had them warm.
    from gui.main_window import MainWindow
    log = []

    class Recorded(_HeldWorkers):
        def start(self):
            log.append("start")
            return None  # no processes: the folder loads in the loader's thread

        def release(self):
            log.append(f"release with {window.dashboard.model.rowCount()} rows")

    settings.recent_folders = [str(report_folder)]
    window = MainWindow(store, settings, workers=Recorded())
    qtbot.addWidget(window)
    window.show()
    menu = window.recent_menu
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitExposed(menu)
    assert log == ["start"]  # as the menu shows, before a folder is chosen
    qtbot.keyClick(menu, Qt.Key.Key_Escape)  # closed without a choice: their memory back
    qtbot.waitUntil(lambda: log == ["start", "release with 0 rows"])
    del log[:]
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitExposed(menu)
    with qtbot.waitSignal(window.loadFinished, timeout=60000):
        qtbot.keyClick(menu, Qt.Key.Key_1)
    # warm as the menu showed, and kept for the folder chosen: released only once it is loaded
    assert log[0] == "start"
    assert [entry for entry in log if entry.startswith("release")] == ["release with 6 rows"]
