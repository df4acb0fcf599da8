"""CPU time of each stage (read → parse → check) per format, and optionally a profile of one file.

    python bench/bench_stages.py [FILE_OR_FOLDER ...] [--repeat N] [--text] [--slowest N] [--profile TARGET] [--top N]

Defaults to the Word, web and PDF reports of the test fixtures and the dev zoo (``--text``: the
text exports too). For each format it prints the CPU milliseconds per report spent reading
(core/readers), parsing (core/parse) and checking (core/check): for each file and stage the least
of N runs (default 3), which other jobs on a busy machine inflate least; the load average is
printed beside them. ``--slowest N`` lists the N files slowest to read. ``--profile FILE`` runs
that file's whole load under cProfile and prints the costliest functions by cumulative and by own
time; ``--profile FOLDER`` does so for parse + check of every report below it (read beforehand).
"""
from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.check.rules import check  # noqa: E402
from core.parse.parser import parse  # noqa: E402
from core.readers.dispatch import read_bytes, read_document  # noqa: E402

SUFFIXES = {".docx", ".html", ".htm", ".mht", ".mhtml", ".pdf"}
TEXT_SUFFIXES = {".txt", ".md", ".csv"}
DEFAULT = [str(ROOT / "tests" / "fixtures"), "/work/zoo/dev"]


def files_under(targets: list[str], suffixes: set[str] = SUFFIXES) -> list[Path]:
    found = []
    for target in map(Path, targets):
        if target.is_file():
            found.append(target)
        else:
            found += sorted(p for p in target.rglob("*") if p.suffix.lower() in suffixes
                            and ".work" not in p.parts and p.is_file())
    return found


def stages(path: Path) -> tuple[str, float, float, float]:
    data, _ = read_bytes(path)
    t0 = time.process_time()
    document = read_document(path, data)
    t1 = time.process_time()
    report = parse(document)
    t2 = time.process_time()
    check(report)
    t3 = time.process_time()
    return document.format, t1 - t0, t2 - t1, t3 - t2


def profile(path: Path, top: int, suffixes: set[str]) -> None:
    profiler = cProfile.Profile(time.process_time)
    if path.is_dir():  # parse + check only, of every report below it
        documents = [read_document(p, read_bytes(p)[0]) for p in files_under([str(path)], suffixes)]
        for document in documents[:3]:
            check(parse(document))  # warm-up
        profiler.enable()
        for document in documents:
            check(parse(document))
        profiler.disable()
    else:
        data, _ = read_bytes(path)
        stages(path)  # warm-up
        profiler.enable()
        check(parse(read_document(path, data)))
        profiler.disable()
    stats = pstats.Stats(profiler).strip_dirs()
    for order in ("cumulative", "tottime"):
        print(f"--- {path.name}: by {order}")
        stats.sort_stats(order).print_stats(top)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("targets", nargs="*", default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=3, help="runs per file; the least counts (default 3)")
    parser.add_argument("--text", action="store_true", help="text exports (.txt .md .csv) too")
    parser.add_argument("--profile", help="profile this one file (or every report below this folder) instead")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--slowest", type=int, default=0, help="list the N files slowest to read")
    args = parser.parse_args()
    suffixes = SUFFIXES | TEXT_SUFFIXES if args.text else SUFFIXES
    if args.profile:
        profile(Path(args.profile), args.top, suffixes)
        return 0
    files = files_under(args.targets, suffixes)
    totals: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0.0, 0.0])
    reads: list[tuple[float, Path]] = []
    for path in files[:3]:
        stages(path)  # warm-up: imports, compiled patterns
    for path in files:
        runs = [stages(path) for _ in range(max(args.repeat, 1))]
        row = totals[runs[0][0]]
        row[0] += 1
        for stage in (1, 2, 3):
            row[stage] += min(run[stage] for run in runs)
        reads.append((min(run[1] for run in runs), path))
    print("load average (1, 5, 15 min): " + " ".join(f"{load:.1f}" for load in os.getloadavg()))
    print(f"{'format':8s} {'reports':>8s} {'read ms':>8s} {'parse ms':>9s} {'check ms':>9s} {'total ms':>9s} {'reports/s':>10s}")
    for fmt, (count, read, parsed, checked) in sorted(totals.items()):
        total = read + parsed + checked
        print(f"{fmt:8s} {count:8d} {1000 * read / count:8.2f} {1000 * parsed / count:9.2f} "
              f"{1000 * checked / count:9.2f} {1000 * total / count:9.2f} {count / total:10.1f}")
    if args.slowest:
        print("slowest to read:")
        for seconds, path in sorted(reads, key=lambda item: -item[0])[:args.slowest]:
            print(f"  {1000 * seconds:8.2f} ms  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
