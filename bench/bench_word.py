"""Word export speed: reports a second written by 导出 → Word of a folder (core/export/docx.py).

    python bench/bench_word.py [FOLDER] [--count N] [--repeat R] [--profile] [--top N]

Loads the first N report files of FOLDER (default: the s77 zoo, /work/zoo/s77; its .json
answer files are skipped) through core.pipeline, then writes them into a temporary folder with
core.export.dispatch.export, as the window does, R times (default 3). Prints the wall time of
each run and its reports a second, then the best of the R runs, in wall time and in CPU time (which
other jobs on a busy machine inflate less), beside the load average; the loading is not timed. ``--profile`` runs one export under cProfile and prints the costliest functions.
Figures, printed, not asserted.
"""
from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core import pipeline  # noqa: E402
from core.export.dispatch import export  # noqa: E402
from core.export.docx import word_refusal  # noqa: E402
from core.review.edits import ReportReview  # noqa: E402

DEFAULT = "/work/zoo/s77"


def load(folder: str, count: int) -> list[ReportReview]:
    reviews = []
    for path in sorted(pipeline.report_files(folder)):
        if path.suffix.lower() == ".json":
            continue
        report = pipeline.load_report(path)
        if word_refusal(report) is None:  # only reports that get a Word file
            reviews.append(ReportReview(report))
        if len(reviews) == count:
            break
    return reviews


def run(reviews: list[ReportReview]) -> tuple[float, float]:
    """The export's wall time and CPU time (s)."""
    out = Path(tempfile.mkdtemp(prefix="bench_word."))
    try:
        start, cpu = time.perf_counter(), time.process_time()
        written = export(reviews, out / "Word", progress=lambda done, total: None).files
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        assert len(written) == len(reviews), (len(written), len(reviews))
        return elapsed, cpu
    finally:
        shutil.rmtree(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", default=DEFAULT)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    reviews = load(args.folder, args.count)
    print(f"{len(reviews)} reports from {args.folder}")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        run(reviews)
        profiler.disable()
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(args.top)
        stats.sort_stats("tottime").print_stats(args.top)
        return
    times = []
    for _ in range(args.repeat):
        elapsed, cpu = run(reviews)
        times.append((elapsed, cpu))
        print(f"  {elapsed:.2f} s  {len(reviews) / elapsed:.1f} reports/s  (CPU {cpu:.2f} s)")
    best, best_cpu = min(t[0] for t in times), min(t[1] for t in times)
    n = len(reviews)
    print(f"best: {n / best:.1f} reports/s ({best / n * 1000:.1f} ms a report; CPU {best_cpu / n * 1000:.1f} ms "
          f"a report, {n / best_cpu:.1f} reports/s of one core), load {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
