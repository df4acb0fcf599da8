"""Instructions each report costs when met for the first time, all from one valgrind run:

    python bench/first_counts.py FILE|FOLDER ... [--repo REPO] [--out PREFIX]

Runs bench/count_instructions.py --first under callgrind with --dump-after=starmap_next: the
count makes one starmap step a report (read + parse + check), so callgrind writes one dump a
report, in report_files' order. Prints each report's M instructions, cheapest first, then the
cheapest, the median and the total (the total is the "summary:" of count_instructions --first).
One run instead of one a report (cgm.sh): a report's count then includes what the caches left
by the reports before it save it, as in the total. `--repo`: count another checkout's code (as
count_instructions.py's REPO); `--out`: where callgrind writes its dumps (PREFIX, PREFIX.1 ...).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.pipeline import report_files  # noqa: E402


def callgrind_total(dump: Path) -> int:
    """The instructions a callgrind dump counted (its summary line)."""
    for line in dump.read_text().splitlines():
        if line.startswith(("summary:", "totals:")):
            return int(line.split()[1])
    raise ValueError(f"no summary in {dump}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--repo", default=str(ROOT))
    parser.add_argument("--out", help="callgrind's dump prefix (default: a temporary folder's)")
    args = parser.parse_args()
    files = [f for named in map(Path, args.inputs) for f in report_files(named)]
    out = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="first_counts-")) / "cg"
    subprocess.run(["valgrind", "--tool=callgrind", "--toggle-collect=starmap_next", "--dump-after=starmap_next",
                    f"--callgrind-out-file={out}", sys.executable, str(ROOT / "bench" / "count_instructions.py"),
                    args.repo, "--first", *args.inputs],
                   env={**os.environ, "PYTHONHASHSEED": "1"}, cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    counts = sorted((callgrind_total(Path(f"{out}.{n}")), path.name) for n, path in enumerate(files, 1))
    for count, name in counts:
        print(f"{count / 1e6:7.1f} M  {name}")
    values = [count for count, _ in counts]
    middle = len(values) // 2
    median = values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2
    print(f"cheapest {values[0] / 1e6:.1f} M, median {median / 1e6:.1f} M, total {sum(values) / 1e6:.1f} M "
          f"({len(values)} reports, {sum(values) / len(values) / 1e6:.1f} M a report)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
