"""Time extract + check over a folder; print reports per second for each format.

    python bench/bench_extract.py [FOLDER ...] [--repeat N]

Defaults to the shipped samples and the test fixtures. Seconds are this process's CPU time
(stable on a shared machine). One process, one core: the figure is
what one worker thread of the GUI or one `extract` run achieves.
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
    parser.add_argument("--repeat", type=int, default=20, help="passes over the files (default 20)")
    args = parser.parse_args()
    files = [p for folder in args.folders for p in report_files(folder)]
    seconds: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    for path in files:  # warm-up: imports, caches
        check(load_report(path))
    for _ in range(args.repeat):
        for path in files:
            start = time.process_time()
            report = load_report(path)
            check(report)
            seconds[report.format] += time.process_time() - start
            counts[report.format] += 1
    print(f"{'format':8s} {'reports':>8s} {'seconds':>8s} {'reports/s':>10s}")
    for fmt in sorted(counts):
        print(f"{fmt:8s} {counts[fmt]:8d} {seconds[fmt]:8.2f} {counts[fmt] / seconds[fmt]:10.1f}")
    total_n, total_s = sum(counts.values()), sum(seconds.values())
    print(f"{'all':8s} {total_n:8d} {total_s:8.2f} {total_n / total_s:10.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
