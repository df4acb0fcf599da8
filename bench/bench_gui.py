"""Open a folder in the real window (offscreen) and print how the dashboard fills.

    python bench/bench_gui.py FOLDER [--data DIR] [--fresh] [--profile N] [--stalls N]

The worker processes start first, as the program starts them (gui/app.py), warm while the
window is built. Prints the seconds until the first row, until every row is on the dashboard and
until every report is loaded (rows listed from the parse cache get their reports after), the CPU
seconds of the window's process and of the workers from the open on (and the workers' start-up
before it) and until every row is listed (the workers' then a row: compare it with
``bench_load_costs.py --processes 2``, the same steps with both cores busy), the longest stall of the GUI thread (the
largest gap between ticks of a 5 ms QTimer: while loading, and from the moment the first report
opens, as loading ends, to a second after), and the process's memory once loaded (resident set, and its peak;
and each worker's while loading: the window releases them once the folder is loaded). The review database and the parse cache live in DIR
(default: a folder in the system temp dir); --fresh deletes them first, for a first open.
Run it twice without --fresh to see a folder opened again. --profile N prints the N functions
that took the most CPU time of the GUI thread (cProfile, which sees that thread only). --stalls N
lists the N longest stalls, when each began, and how much of it the GUI thread spent computing
(the rest it waited: for the GIL, held by the loading thread, or for a core of a busy machine).
--scroll scrolls the dashboard every 0.2 s while it loads, as an auditor would: each scroll repaints
it, calling into Python for every cell (the quiet window of a plain run hardly does).
--walk N then opens the next N reports of the dashboard one by one (as the Down key does), each
followed by three table switches (as Ctrl+PgDn does), 0.2 s apart, and prints the longest stall
of each kind of step (and the median of the steps' longest stalls).
It also prints the time the window's process spent in Python's cyclic garbage collector (any
thread), and its longest pass.
"""
from __future__ import annotations

import argparse
import cProfile
import gc
import os
import pstats
import resource
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def rss_mb() -> tuple[float, float]:
    """Resident and peak resident memory of this process, MB (Linux /proc; 0 elsewhere)."""
    fields = {}
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    except OSError:
        return 0.0, 0.0
    kb = lambda key: float(fields.get(key, "0 kB").split()[0])  # noqa: E731
    return kb("VmRSS") / 1024, kb("VmHWM") / 1024


def _cpu_seconds(live: list[int] = ()) -> tuple[float, float]:
    """CPU time of this process, and of its children: ended ones (the worker processes once
    stopped) and the ``live`` ones (Linux /proc)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime + sum(map(_process_cpu, live))


def _resident_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return float(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _process_cpu(pid) -> float:
    """CPU seconds of process ``pid`` (or "self/task/ID": a thread of this one)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime


def _thread_cpu() -> dict[int, float]:
    """CPU seconds of each thread of this process, by native thread id (Linux /proc; {} elsewhere)."""
    found = {}
    try:
        tasks = os.listdir("/proc/self/task")
    except OSError:
        return found
    for tid in tasks:
        cpu = _process_cpu(f"self/task/{tid}")
        if cpu:
            found[int(tid)] = cpu
    return found


def _thread_spent(before: dict[int, float], after: dict[int, float], names: dict[int, str]) -> str:
    """The CPU seconds each thread spent between ``before`` and ``after``, the costliest first;
    threads Python did not start (the loader's QThread, Qt's own) by their id."""
    spent = sorted(((cpu - before.get(tid, 0.0), tid) for tid, cpu in after.items()), reverse=True)
    return ", ".join(f"{names.get(tid, f'thread {tid}')} {cpu:.2f}" for cpu, tid in spent if cpu >= 0.005)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder")
    parser.add_argument("--data", default=str(Path(tempfile.gettempdir()) / "gongkai-bench-data"))
    parser.add_argument("--fresh", action="store_true", help="start without review database and parse cache")
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="print the N costliest functions of the GUI thread (cProfile)")
    parser.add_argument("--profile-out", default="", metavar="FILE",
                        help="with --profile: also save the GUI thread's profile to FILE (pstats)")
    parser.add_argument("--stalls", type=int, default=0, metavar="N",
                        help="list the N longest stalls: when, and how much of each the GUI thread computed")
    parser.add_argument("--walk", type=int, default=0, metavar="N",
                        help="once loaded, open the next N reports and switch tables after each (0.2 s apart)")
    parser.add_argument("--scroll", action="store_true",
                        help="scroll the dashboard every 0.2 s, as an auditor would while it loads (each scroll repaints it)")
    parser.add_argument("--timeline", type=float, default=0, metavar="S",
                        help="print every S seconds the CPU seconds each process spent since (and the rows listed)")
    args = parser.parse_args()
    if not Path(args.folder).is_dir():  # the window would list the problem and wait for the user
        parser.error(f"not a folder: {args.folder}")

    data = Path(args.data)
    if args.fresh and data.exists():
        shutil.rmtree(data)
    data.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["GONGKAI_DB"] = str(data / "reviews.sqlite3")

    from gui.workers import Workers
    workers = Workers()  # as the program does: started first, warm while the window is built
    workers.start()
    from core.review.store import ReviewStore
    from gui.main_window import MainWindow
    from gui.qt import QApplication, QTimer
    from gui.settings import Settings

    app = QApplication.instance() or QApplication([sys.argv[0]])
    store = ReviewStore(data / "reviews.sqlite3")
    window = MainWindow(store, Settings(data / "settings.ini"), workers=workers)
    window.resize(1366, 768)
    window.show()
    app.processEvents()

    ticks: list[float] = []
    cpu_ticks: list[float] = []  # the GUI thread's own CPU time at each tick
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: (ticks.append(time.perf_counter()), cpu_ticks.append(time.thread_time())))
    marks: dict[str, float] = {}
    window.dashboard.model.rowsInserted.connect(lambda *_args: marks.setdefault("first", time.perf_counter()))
    window.loadListed.connect(lambda _count: marks.setdefault("listed", time.perf_counter()))
    window.loadFinished.connect(lambda _count: marks.setdefault("done", time.perf_counter()))
    worker_mb: list[float] = []  # each worker's memory once every row is listed (released when loaded)
    window.loadListed.connect(lambda _count: worker_mb.extend(_resident_mb(pid) for pid in workers.pids()))
    at_rows: list[tuple[float, float]] = []  # CPU seconds of the window's process and the workers once every row is listed
    window.loadListed.connect(lambda _count: at_rows.append(_cpu_seconds(workers.pids())))
    threads_at_rows: list[tuple[dict[int, float], dict[int, str]]] = []  # each thread's CPU then, and its name
    window.loadListed.connect(lambda _count: threads_at_rows.append(
        (_thread_cpu(), {thread.native_id: thread.name for thread in threading.enumerate()})))
    # the first report opens when the loader is done, just before loadFinished
    window.dashboard.reviewSelected.connect(lambda _review: marks.setdefault("opened", time.perf_counter()))
    # a second more after the end: the first report opens then, and its stall is seen
    steps: list[tuple[str, float]] = []  # (kind, when) of each step of --walk
    if args.walk:
        plan = [kind for n in range(args.walk) for kind in ("report",) + ("table",) * 3]

        def step() -> None:
            if not plan:
                walker.stop()
                QTimer.singleShot(500, app.quit)
                return
            kind = plan.pop(0)
            steps.append((kind, time.perf_counter()))
            if kind == "report":
                window.dashboard.select_row(window.dashboard.current_row() + 1)
            else:
                window.report_view.switch_table(1)
        walker = QTimer()
        walker.setInterval(200)
        walker.timeout.connect(step)
        window.loadFinished.connect(lambda _count: QTimer.singleShot(1000, walker.start))
    else:
        window.loadFinished.connect(lambda _count: QTimer.singleShot(1000, app.quit))
    if args.scroll:
        scroller = QTimer()
        scroller.setInterval(200)
        bar = window.dashboard.view.verticalScrollBar()
        scroller.timeout.connect(lambda: bar.setValue((bar.value() + 20) % max(bar.maximum(), 1)))
        scroller.start()
    timeline: list[tuple[float, int, float, list[float]]] = []  # when, rows, own CPU, each worker's CPU
    if args.timeline:
        sampler = QTimer()
        sampler.setInterval(int(args.timeline * 1000))
        sampler.timeout.connect(lambda: timeline.append((time.perf_counter(), window.dashboard.model.rowCount(),
                                                         _cpu_seconds()[0], list(map(_process_cpu, workers.pids())))))
        sampler.start()
    collections: list[tuple[float, int]] = []  # each pass of the window's cyclic collector: seconds, generation
    collecting: dict[str, float] = {}

    def on_collect(phase: str, info: dict) -> None:
        if phase == "start":
            collecting["since"] = time.perf_counter()
        elif "since" in collecting:
            collections.append((time.perf_counter() - collecting.pop("since"), info["generation"]))
    gc.callbacks.append(on_collect)
    start = time.perf_counter()
    gui_cpu_start = time.thread_time()
    cpu_start = _cpu_seconds(workers.pids())  # the workers' start-up before it is told apart
    threads_start = _thread_cpu()
    workers_start = [_process_cpu(pid) for pid in workers.pids()]
    # the GUI thread's CPU time, not the wall clock: on a busy machine a function descheduled
    # midway was charged for the other programs' turns
    profile = cProfile.Profile(time.thread_time) if args.profile else None
    if profile is not None:
        profile.enable()
    timer.start()
    window.open_folder(args.folder)
    app.exec()
    if profile is not None:
        profile.disable()
    timer.stop()
    gc.callbacks.remove(on_collect)
    gui_thread_cpu = time.thread_time() - gui_cpu_start
    window.stop_loading()
    workers.stop()  # worker processes have ended: their CPU time is counted
    own, worker_cpu = (end - begin for end, begin in zip(_cpu_seconds(), cpu_start))
    cpu = own + worker_cpu
    app.processEvents()
    rss, peak = rss_mb()
    done = marks.get("done", time.perf_counter())
    gaps = [(b - a, b) for a, b in zip([start] + ticks, ticks)]
    gui_cpu = [b - a for a, b in zip([gui_cpu_start] + cpu_ticks, cpu_ticks)]
    opened = min(marks.get("opened", done), done)
    stalls = list(zip(gaps, gui_cpu))
    walked = steps[0][1] if steps else float("inf")  # the walk's stalls are told apart
    loading = max(((gap, cpu) for (gap, end), cpu in stalls if end <= opened), default=(0.0, 0.0))
    after = max(((gap, cpu) for (gap, end), cpu in stalls if opened < end <= walked), default=(0.0, 0.0))
    # the GUI thread's own CPU time in the stall, and the most it spent in any one
    loading_cpu = max((cpu for (gap, end), cpu in stalls if end <= opened), default=0.0)
    after_cpu = max((cpu for (gap, end), cpu in stalls if opened < end <= walked), default=0.0)
    rows = window.dashboard.model.rowCount()
    # without bytecode caches every process compiles its modules at each start: 2026-12-02, the two
    # workers' start-up took 0.43-0.49 s of CPU so, 0.18-0.21 s with them (as an installed program has)
    compiled = ", every module compiled from source: PYTHONDONTWRITEBYTECODE" if sys.flags.dont_write_bytecode else ""
    print(f"rows on the dashboard      {rows}")
    print(f"seconds to the first row   {marks.get('first', done) - start:.2f}")
    print(f"seconds to all rows        {marks.get('listed', done) - start:.2f}")
    print(f"seconds to all reports     {done - start:.2f}  (reports of rows listed from the cache follow the rows)")
    print(f"CPU seconds, all processes {cpu:.2f}  (the window's process {own:.2f}, workers {worker_cpu:.2f}; "
          f"before the folder was opened, the workers' start-up {cpu_start[1]:.2f}{compiled})")
    if at_rows:
        rows_own, rows_workers = (end - begin for end, begin in zip(at_rows[0], cpu_start))
        print(f"CPU seconds to all rows    {rows_own + rows_workers:.2f}  (the window's process {rows_own:.2f}, "
              f"workers {rows_workers:.2f}: {rows_workers * 1000 / max(rows, 1):.2f} ms a row)")
    if threads_at_rows:
        at, names = threads_at_rows[0]
        names[threading.main_thread().native_id] = "GUI thread"
        print(f"CPU seconds to all rows, by thread of the window's process: {_thread_spent(threads_start, at, names)}")
    print(f"CPU seconds, GUI thread    {gui_thread_cpu:.2f}  (of the window's process; the rest: the loader thread's)")
    print(f"longest GUI stall (ms)     {loading[0] * 1000:.0f} while loading (GUI-thread CPU {loading[1] * 1000:.0f}), "
          f"{after[0] * 1000:.0f} as the first report opens, or after (CPU {after[1] * 1000:.0f})")
    print(f"most GUI-thread CPU in one stall (ms)  {loading_cpu * 1000:.0f} while loading, "
          f"{after_cpu * 1000:.0f} as the first report opens, or after")
    longest = max(collections, default=(0.0, 0))
    print(f"cyclic collector (window) {sum(c[0] for c in collections):.2f} s in {len(collections)} passes, "
          f"the longest {longest[0] * 1000:.0f} ms (generation {longest[1]}; "
          f"{sum(1 for c in collections if c[1] == 2)} full passes)")
    print(f"warm-up done before the first report opened: {'yes' if window.report_view.warmed else 'no'}")
    print(f"load average (1 min)       {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"memory once loaded (MB)    {rss:.0f} (peak {peak:.0f}); each worker process while loading "
          f"{', '.join(f'{mb:.0f}' for mb in worker_mb) or '-'} (released once the folder is loaded)")
    if steps:
        # each step's longest gap (and the GUI thread's CPU in it) until the next step
        ends = [when for _kind, when in steps[1:]] + [float("inf")]
        worst: dict[str, list[tuple[float, float]]] = {}
        for (kind, when), until in zip(steps, ends):
            inside = [(gap, cpu) for (gap, end), cpu in stalls if when < end <= until]
            worst.setdefault(kind, []).append(max(inside, default=(0.0, 0.0)))
        for kind, label in (("report", "moving to the next report"), ("table", "switching tables (Ctrl+PgDn)")):
            found = sorted(worst.get(kind, []))
            if found:
                print(f"{label:28} longest stall {found[-1][0] * 1000:.0f} ms (CPU {found[-1][1] * 1000:.0f}), "
                      f"median {found[len(found) // 2][0] * 1000:.0f} ms (CPU "
                      f"{sorted(c for _g, c in found)[len(found) // 2] * 1000:.0f}), {len(found)} steps")
    if timeline:
        print("timeline: s, rows listed, CPU seconds since the last line: the window's process, each worker")
        last_own, last_workers = cpu_start[0], workers_start
        for when, count, own_cpu, each in timeline:
            if when > done:
                break
            spent = [cpu - before for cpu, before in zip(each, last_workers)] if len(last_workers) == len(each) else each
            print(f"  {when - start:5.2f}  {count:5d}  {own_cpu - last_own:5.2f}  {'  '.join(f'{cpu:5.2f}' for cpu in spent)}")
            last_own, last_workers = own_cpu, each
    if args.stalls:
        print("longest stalls: ms, of which GUI-thread CPU ms (the rest: waiting for the GIL or a core), at s")
        for number in sorted(range(len(gaps)), key=lambda n: -gaps[n][0])[:args.stalls]:
            gap, end = gaps[number]
            print(f"  {gap * 1000:5.0f}  cpu {gui_cpu[number] * 1000:4.0f}  at {end - gap - start:6.2f}"
                  f"{'  (the first report opens, or after)' if end > opened else ''}")
    if profile is not None:
        pstats.Stats(profile).sort_stats("tottime").print_stats(args.profile)
        if args.profile_out:
            profile.dump_stats(args.profile_out)
    window.stop_loading()
    window.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
