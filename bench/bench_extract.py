"""Time extract + check over folders; print reports per second for each format, and the slowest files.

    python bench/bench_extract.py [FOLDER ...] [--repeat N] [--slowest N]

Defaults to the shipped samples and the test fixtures. Seconds are this process's CPU time
(stable on a shared machine). One process, one core: the figure is what one worker process of
the GUI achieves (its garbage collector set as theirs: collect_less). No parse cache is used: this
is the cost of a first open.

The first pass over the folder is the figure: each file parsed for the first time in the process
(the imports, compiled patterns and template grids warmed on the shipped samples before it), as a
worker meets a folder. The parser's searches keep their results by the digits they searched, so a
file parsed again, or a copy of one with the same numbers (bench/make_folder.py makes its
copies distinct by a line, not by their numbers), costs less: the passes after the first are
printed apart, as "again". A folder of distinct tables (a zoo: bench/zoo.py build) gives the
cost of a real province's reports.
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
from gui.folder_job import collect_less  # noqa: E402 - no Qt: the workers' own module

SAMPLES = ROOT / "resources" / "samples"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", default=[str(SAMPLES), str(ROOT / "tests" / "fixtures")])
    parser.add_argument("--repeat", type=int, default=1,
                        help="passes over the files (default 1: the first parse only)")
    parser.add_argument("--slowest", type=int, default=5, help="list this many slowest files (default 5)")
    args = parser.parse_args()
    files = [p for folder in args.folders for p in report_files(folder)]
    for path in report_files(SAMPLES):  # warm-up: imports, compiled patterns, template grids
        check(load_report(path))
    collect_less()  # the garbage collector set as in the window's workers
    first, again = _Tally(), _Tally()
    for number in range(max(args.repeat, 1)):
        tally = first if number == 0 else again
        for path in files:
            start = time.process_time()
            report = load_report(path)
            check(report)
            tally.add(path, "text" if report.format in ("txt", "md", "csv") else report.format,
                      time.process_time() - start)
    first.print("first parse of each file")
    if again.counts:
        again.print(f"again ({args.repeat - 1} more passes: the parser's searches remember their digits)")
    if args.slowest:
        print("slowest files (ms, extract + check, first parse):")
        for path, spent in sorted(first.per_file.items(), key=lambda item: -item[1])[:args.slowest]:
            print(f"{1000 * spent:8.1f}  {path}")
    return 0


class _Tally:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.counts: dict[str, int] = defaultdict(int)
        self.per_file: dict[Path, float] = defaultdict(float)

    def add(self, path: Path, fmt: str, spent: float) -> None:
        self.seconds[fmt] += spent
        self.counts[fmt] += 1
        self.per_file[path] = max(self.per_file[path], spent)

    def print(self, title: str) -> None:
        print(title)
        print(f"{'format':8s} {'reports':>8s} {'seconds':>8s} {'ms/report':>10s} {'reports/s':>10s}")
        for fmt in sorted(self.counts):
            print(f"{fmt:8s} {self.counts[fmt]:8d} {self.seconds[fmt]:8.2f} "
                  f"{1000 * self.seconds[fmt] / self.counts[fmt]:10.2f} {self.counts[fmt] / self.seconds[fmt]:10.1f}")
        total_n, total_s = sum(self.counts.values()), sum(self.seconds.values())
        print(f"{'all':8s} {total_n:8d} {total_s:8.2f} {1000 * total_s / total_n:10.2f} {total_n / total_s:10.1f}")


if __name__ == "__main__":
    sys.exit(main())
