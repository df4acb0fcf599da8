"""The slowest single text reports, in milliseconds, as a folder-loading worker meets them (issue 10:
"no input may hit a slow path", ≤ 20 ms).

    python bench/slowest_reports.py SNAPSHOT [--top 12] [--repeat 5] [--only TEXT]

SNAPSHOT is a file of bench/parse_snapshot.py (every fixture, sample, corpus file, the dev zoo, fuzz
inputs and mutants, read once). First every input is parsed and checked once in this process, with the
worker's collector setting and the caches a report's own text fills emptied before each (else a
mutant parsed after its source looks cheap), to find the slowest --top of them; then each of those is measured again
--repeat times, each time in a fresh process set up as a worker is (its imports done, the collector
as gui.folder_job.collect_less leaves it, the shipped samples parsed first so the parser's shared
caches are as warm as after a folder's first files) and meeting the input for the first time. A
single pass's figure moves with whatever else the host runs and with where a collector pass lands;
the median of fresh runs is the figure to quote, with the host's load beside it.
"""
from __future__ import annotations

import argparse
import multiprocessing
import os
import pickle
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.parser_caches import forget_documents  # noqa: E402

SAMPLES = ROOT / "resources" / "samples"


def _parse_and_check(doc) -> float:
    """CPU seconds of parse + check of one Document (a crash counts: it is a result too)."""
    from core.check.rules import check
    from core.parse.parser import parse

    start = time.process_time()
    try:
        check(parse(doc))
    except Exception:  # noqa: BLE001 - the snapshot compares results; here only the time matters
        pass
    return time.process_time() - start


def _as_a_worker() -> None:
    """What a worker process has done before its first file: imports, the shipped samples' parses
    (the caches a folder's first files fill), and the collector's setting."""
    from core.pipeline import read_report, report_files
    from gui.folder_job import collect_less

    for path in report_files(str(SAMPLES)):
        read_report(path)
    collect_less()


def _fresh_run(doc, answer) -> None:
    sys.path.insert(0, str(ROOT))
    _as_a_worker()
    answer.send(_parse_and_check(doc))


def measure_fresh(doc) -> float:
    """One first parse of doc in a new worker-like process (spawned: nothing inherited)."""
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_fresh_run, args=(doc, send))
    process.start()
    seconds = receive.recv()
    process.join()
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("snapshot")
    parser.add_argument("--top", type=int, default=12, help="how many of the slowest to measure again (default 12)")
    parser.add_argument("--repeat", type=int, default=5, help="fresh processes per input (default 5)")
    parser.add_argument("--only", help="only inputs whose name contains this")
    args = parser.parse_args()
    with open(args.snapshot, "rb") as handle:
        documents = pickle.load(handle)["documents"]
    if args.only:
        documents = {name: doc for name, doc in documents.items() if args.only in name}
    _as_a_worker()
    once = {}
    for name, doc in documents.items():
        forget_documents()
        once[name] = _parse_and_check(doc)
    slowest = sorted(once, key=lambda name: -once[name])[:args.top]
    print(f"{len(once)} inputs, one pass each, caches emptied: {1000 * sum(once.values()) / max(len(once), 1):.2f} ms mean; "
          f"load average {os.getloadavg()[0]:.2f}")
    print(f"the {len(slowest)} slowest again, each in {args.repeat} fresh worker-like processes (ms CPU):")
    print(f"{'median':>8} {'least':>7} {'most':>7} {'1 pass':>7}  input")
    for name in slowest:
        runs = [measure_fresh(documents[name]) for _ in range(args.repeat)]
        print(f"{1000 * statistics.median(runs):8.1f} {1000 * min(runs):7.1f} {1000 * max(runs):7.1f} "
              f"{1000 * once[name]:7.1f}  {name}")
    print(f"load average {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
