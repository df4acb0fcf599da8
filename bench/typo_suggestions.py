"""How well the checks find and fix planted typos when every cell is read right.

The zoo's generator (bench/zoo_tables.py) makes consistent reports with one planted typo in half
of them; here each report goes to the checks as its printed cells and prose, with no converter
and no parser in between, so the figures measure the rules and their suggestions alone.

    python bench/typo_suggestions.py [--seed N] [--count REPORTS] [--no-prose] [--misses K]
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.zoo_tables import PLACEHOLDERS, ZooReport, generate  # noqa: E402
from core.check.rules import check  # noqa: E402
from core.model import BLANK, NUMBER, PLACEHOLDER, CellValue, Report  # noqa: E402


def as_read(z: ZooReport, prose: bool = True) -> Report:
    report = Report(file=z.name, format="txt", template=z.version, year=z.year,
                    sections=[1, 2, 3, 4, 5, 6], tables=["section2", "section3", "section4"])
    for path, text in z.printed.items():
        value = z.printed_value(path)
        state = NUMBER if value is not None else PLACEHOLDER if text in PLACEHOLDERS else BLANK
        report.cells[path] = CellValue(value, state, text)
    if prose:
        report.text = "\n".join(p for n in sorted(z.prose) for p in z.prose[n])
    return report


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--no-prose", action="store_true", help="leave the prose out (tables only)")
    ap.add_argument("--misses", type=int, default=0, help="list this many typos not fixed")
    args = ap.parse_args(argv)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # typos, detected, fixed, wrong
    consistent = false_errors = 0
    misses = []
    for z in generate(args.seed, args.count):
        findings = check(as_read(z, prose=not args.no_prose))
        if not z.injected:
            consistent += 1
            false_errors += any(f.severity == "error" for f in findings)
            continue
        cell, true = z.injected["cell"], z.injected["true_value"]
        suggested = {(f.suggestion.cell, f.suggestion.value) for f in findings if f.suggestion}
        fixed = (cell, true) in suggested
        for key in (z.injected["kind"], "ALL"):
            c = counts[key]
            c[0] += 1
            c[1] += any(cell in f.cells for f in findings)
            c[2] += fixed
            c[3] += bool(suggested) and not fixed
        if not fixed:
            misses.append(f"{z.name} {z.injected} suggested {sorted(suggested)}")
    print(f"{'typo':16s} {'typos':>6s} {'det%':>7s} {'fix%':>7s} {'wrong':>6s}")
    for kind in sorted(k for k in counts if k != "ALL") + ["ALL"]:
        n, det, fix, wrong = counts[kind]
        print(f"{kind:16s} {n:6d} {100 * det / n:7.2f} {100 * fix / n:7.2f} {wrong:6d}")
    print(f"false 错误: {false_errors}/{consistent} consistent reports")
    for line in misses[:args.misses]:
        print(line)


if __name__ == "__main__":
    main()
