"""Time extract + check over folders; print reports per second for each format, and the slowest files.

    python bench/bench_extract.py [FOLDER ...] [--repeat N] [--slowest N]

Defaults to the shipped samples and the test fixtures. Seconds are this process's CPU time
(stable on a shared machine). One process, one core: the figure is what one worker process of
the GUI or one `extract` run achieves. No parse cache is used: this is the cost of a first open.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.pipeline import load_report, report_files  # noqa: E402
from core.check.rules import check  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", default=[str(ROOT / "resources" / "samples"), str(ROOT / "tests" / "fixtures")])
    parser.add_argument("--repeat", type=int, default=5, help="passes over the files (default 5)")
    parser.add_argument("--slowest", type=int, default=5, help="list this many slowest files (default 5)")
    args = parser.parse_args()
    files = [p for folder in args.folders for p in report_files(folder)]
    seconds: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    per_file: dict[Path, float] = defaultdict(float)
    for path in files:  # warm-up: imports, caches
        check(load_report(path))
    for _ in range(args.repeat):
        for path in files:
            start = time.process_time()
            report = load_report(path)
            check(report)
            spent = time.process_time() - start
            fmt = "text" if report.format in ("txt", "md", "csv") else report.format
            seconds[fmt] += spent
            counts[fmt] += 1
            per_file[path] += spent / args.repeat
    print(f"{'format':8s} {'reports':>8s} {'seconds':>8s} {'ms/report':>10s} {'reports/s':>10s}")
    for fmt in sorted(counts):
        print(f"{fmt:8s} {counts[fmt]:8d} {seconds[fmt]:8.2f} {1000 * seconds[fmt] / counts[fmt]:10.2f} "
              f"{counts[fmt] / seconds[fmt]:10.1f}")
    total_n, total_s = sum(counts.values()), sum(seconds.values())
    print(f"{'all':8s} {total_n:8d} {total_s:8.2f} {1000 * total_s / total_n:10.2f} {total_n / total_s:10.1f}")
    if args.slowest:
        print("slowest files (ms, extract + check):")
        for path, spent in sorted(per_file.items(), key=lambda item: -item[1])[:args.slowest]:
            print(f"{1000 * spent:8.1f}  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
