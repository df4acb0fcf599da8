"""CPU time of each step of loading a folder for the dashboard, outside the GUI, per report.

    python bench/bench_load_costs.py FOLDER [--count N] [--repeat N] [--processes N]

Runs, in this one process, every step a first open makes a report go through (the listing's
hashing in the window's process; reading, decoding, parsing, checking, the dashboard row, the
packing in a worker; the result pickled back; the window's decoding, and its storing in the
cache once loaded; a reopen's decoding from the cache) and prints the CPU milliseconds of each, per report (the least of N runs of the whole
folder: other jobs of a busy machine inflate that least), beside the load average.

--processes 2 runs the steps in two processes at once, each on every other chunk of 16 files, as
the window's two worker processes share a folder: the CPU time a report with both cores busy,
which is what the workers' figure in bench_gui.py is to be compared with. A core runs a report
slower while the other one is busy too: at load 9-10 on this 2-core machine (2026-12-02),
2 000 reports in one pass cost 4.1-4.2 ms of worker steps a report in two processes at once
against 3.4-4.1 ms in one, and 4.0-4.3 ms in the window's two workers; a worker spends the
same instructions a report as this process (29.6 M against 29.9 M, callgrind, 200 reports).
"""
from __future__ import annotations

import argparse
import multiprocessing
import os
import pickle
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.parse.cache import ParseCache, loads, pack, report_key, stored_form  # noqa: E402
from core.parse.parser import parse  # noqa: E402
from core.pipeline import hash_file, report_files  # noqa: E402
from core.readers.dispatch import read_bytes, read_document  # noqa: E402
from core.review.edits import ReportReview  # noqa: E402
from gui.folder_job import Parsed, RowSummary, summarize  # noqa: E402


def run(files: list[Path], cache_dir: Path) -> dict[str, float]:
    """Seconds of CPU of each step over ``files``."""
    spent: dict[str, float] = {}
    clock = time.process_time

    def timed(name, work, *args):
        start = clock()
        result = work(*args)
        spent[name] = spent.get(name, 0.0) + clock() - start
        return result

    cache_path = cache_dir / "parse-cache.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(str(cache_path) + suffix).unlink(missing_ok=True)
    cache = ParseCache(cache_path)
    packed = []
    for path in files:
        known = timed("window: hash (read + sha256)", hash_file, path)
        data, _problem = timed("worker: read again", read_bytes, path)
        document = timed("worker: decode (read_document)", read_document, path, data)
        report = timed("worker: parse", parse, document)
        report.file, report.content_hash = str(path), known.digest
        review = timed("worker: ReportReview", ReportReview, report)
        findings = timed("worker: check", review.findings)
        row = timed("worker: summarize", summarize, review, findings)
        data_blob = timed("worker: pack report", pack, report)
        findings_blob = timed("worker: pack findings", pack, list(findings))
        packed.append((report_key(report), data_blob, findings_blob, row))
        wire = timed("worker: pickle row and packs back", pickle.dumps, [Parsed(str(path), known.digest, row, data_blob, findings_blob)])
        timed("window: unpickle them", pickle.loads, wire)
        wire = timed("(pickle whole report back)", pickle.dumps, (review, findings))
        timed("(unpickle whole report)", pickle.loads, wire)
    for key, data_blob, findings_blob, row in packed:
        timed("window: decode report", loads, data_blob)
        timed("window: decode findings", loads, findings_blob, list)
    start = clock()
    for at in range(0, len(packed), 200):
        cache.put_packed([(key, data_blob, findings_blob, row.to_json())
                          for key, data_blob, findings_blob, row in packed[at:at + 200]])
    spent["window, once loaded: store (zlib, JSON, SQL)"] = clock() - start
    for key, data_blob, findings_blob, row in packed:
        timed("  of which zlib", stored_form, data_blob)
    start = clock()
    for at in range(0, len(packed), 64):
        with cache.read_ahead([key for key, *_ in packed[at:at + 64]]):
            for key, *_ in packed[at:at + 64]:
                report = cache.get(key)
                cache.get_findings(key)
                ReportReview(report)
    spent["(reopened: decode from the cache, ReportReview)"] = clock() - start
    rows = timed("window: listing's summaries query", cache.summaries, [key for key, *_ in packed])
    for key in rows:
        timed("window: RowSummary.from_json", RowSummary.from_json, rows[key])
    cache.close()
    return spent


_start = None  # in a process measured beside others: the Barrier they all wait at before each run


def _set_start(barrier) -> None:
    global _start
    _start = barrier


def measure(files: list[Path], repeat: int) -> dict[str, float]:
    """The least seconds of CPU of each step over ``files`` in ``repeat`` runs."""
    best: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as work:
        for _ in range(repeat):
            if _start is not None:
                _start.wait()
            for name, seconds in run(files, Path(work)).items():
                best[name] = min(best.get(name, seconds), seconds)
    return best


CHUNK = 16  # files a task, as gui/loader.py sends them to the worker processes (but the last slice's)


def measure_at_once(files: list[Path], repeat: int, processes: int) -> dict[str, float]:
    """``measure`` in ``processes`` processes at once, each on every ``processes``-th chunk of
    the files; the seconds of each step summed over them."""
    chunks = [files[at:at + CHUNK] for at in range(0, len(files), CHUNK)]
    shares = [[path for chunk in chunks[n::processes] for path in chunk] for n in range(processes)]
    context = multiprocessing.get_context("spawn")
    with context.Pool(processes, initializer=_set_start, initargs=(context.Barrier(processes),)) as pool:
        results = pool.starmap(measure, [(share, repeat) for share in shares])
    total: dict[str, float] = {}
    for best in results:
        for name, seconds in best.items():
            total[name] = total.get(name, 0.0) + seconds
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder")
    parser.add_argument("--count", type=int, default=0, help="the first N reports only")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--processes", type=int, default=1,
                        help="run in N processes at once, each on its share of the files (as the window's workers)")
    args = parser.parse_args()
    files = list(report_files(args.folder))
    if args.count:
        files = files[:args.count]
    if args.processes > 1:
        best = measure_at_once(files, args.repeat, args.processes)
    else:
        best = measure(files, args.repeat)
    print(f"{len(files)} reports, least of {args.repeat} runs in {args.processes} process(es) at once, "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; CPU ms a report:")
    for name, seconds in best.items():
        print(f"  {seconds * 1000 / len(files):7.3f}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
