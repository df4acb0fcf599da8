"""Parse + check of make_folder's 18 text sources, for an instruction count that the host's speed
does not move (wall-clock and CPU times here swing by up to 1.5x between hours):

    PYTHONHASHSEED=1 valgrind --tool=callgrind --toggle-collect=starmap_next \\
        --callgrind-out-file=/tmp/cg.out python bench/count_instructions.py [REPO]

Pass 1 warms every cache (imports, compiled patterns, template grids); pass 2 runs under
itertools.starmap, so `--toggle-collect=starmap_next` counts it alone. Read "I refs" in
valgrind's summary (or `callgrind_annotate /tmp/cg.out`) and divide by 18 for a report. REPO
defaults to this checkout; name another worktree's root to count its code with this script.
`--check-only` parses each source once, before both passes, and counts the check alone.
"""
from __future__ import annotations

import sys
from itertools import starmap
from pathlib import Path

CHECK_ONLY = "--check-only" in sys.argv[1:]
_REPOS = [a for a in sys.argv[1:] if a != "--check-only"]
ROOT = Path(_REPOS[0]).resolve() if _REPOS else Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.make_folder import text_sources  # noqa: E402
from core.check.rules import check  # noqa: E402
from core.parse.parser import parse  # noqa: E402
from core.readers.dispatch import read_bytes, read_document  # noqa: E402


def parse_and_check(document) -> None:
    check(parse(document))


def main() -> None:
    documents = [read_document(path, read_bytes(path)[0]) for path in text_sources()]
    if CHECK_ONLY:
        reports = [parse(document) for document in documents]
        for report in reports:
            check(report)
        list(starmap(check, ((report,) for report in reports)))
        print(f"{len(reports)} sources parsed once and checked twice", file=sys.stderr)
        return
    for document in documents:
        parse_and_check(document)
    list(starmap(parse_and_check, ((document,) for document in documents)))
    print(f"{len(documents)} sources parsed and checked twice", file=sys.stderr)


if __name__ == "__main__":
    main()
