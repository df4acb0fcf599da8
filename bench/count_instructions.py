"""Parse + check of make_folder's 18 text sources, for an instruction count that the host's speed
does not move (wall-clock and CPU times here swing by up to 1.5x between hours):

    PYTHONHASHSEED=1 valgrind --tool=callgrind --toggle-collect=starmap_next \\
        --callgrind-out-file=/tmp/cg.out python bench/count_instructions.py [REPO]

Pass 1 warms every cache (imports, compiled patterns, template grids); pass 2 runs under
itertools.starmap, so `--toggle-collect=starmap_next` counts it alone. Read "I refs" in
valgrind's summary (or `callgrind_annotate /tmp/cg.out`) and divide by 18 for a report. REPO
defaults to this checkout; name another worktree's root to count its code with this script.
`--check-only` parses each source once, before both passes, and counts the check alone.
`--cold` empties, before each parse of either pass, the caches a report's own text fills (see
forget_documents), so pass 2 counts what each report costs when it is opened for the first time.
`--first FILE|FOLDER ...` counts instead one read + parse + check of each named report (a folder:
its report files), after the 18 sources warmed the imports: on a zoo's distinct random tables
(bench/zoo.py build), the cost of a province's reports, each met for the first time. The garbage
collector is set as in the window's workers (gui.folder_job.collect_less: frozen after warming,
a young collection every 20 000 new objects), so the count is what a worker spends; `--default-gc`
leaves Python's default (700), as every figure before 2026-12-04 19:10 was counted.
"""
from __future__ import annotations

import sys
from itertools import starmap
from pathlib import Path

_ARGS = sys.argv[1:sys.argv.index("--first")] if "--first" in sys.argv else sys.argv[1:]
FIRST = sys.argv[sys.argv.index("--first") + 1:] if "--first" in sys.argv else None
CHECK_ONLY = "--check-only" in _ARGS
COLD = "--cold" in _ARGS
DEFAULT_GC = "--default-gc" in _ARGS
_REPOS = [a for a in _ARGS if a not in ("--check-only", "--cold", "--default-gc")]
ROOT = Path(_REPOS[0]).resolve() if _REPOS else Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.make_folder import text_sources  # noqa: E402
from core.check.rules import check  # noqa: E402
from core.parse.parser import parse  # noqa: E402
from core.pipeline import load_report, report_files  # noqa: E402
from core.readers.dispatch import read_bytes, read_document  # noqa: E402
from bench.parser_caches import forget_documents  # noqa: E402


def parse_and_check(document) -> None:
    check(parse(document))


def load_and_check(path: Path) -> None:
    check(load_report(path))


def main() -> None:
    documents = [read_document(path, read_bytes(path)[0]) for path in text_sources()]
    if FIRST is not None:
        files = [f for named in map(Path, FIRST) for f in report_files(named)]
        for document in documents:
            parse_and_check(document)
        if not DEFAULT_GC:
            from gui.folder_job import collect_less  # (no Qt: the workers' own module)
            collect_less()
        list(starmap(load_and_check, ((path,) for path in files)))
        print(f"{len(files)} reports read, parsed and checked once (I refs / {len(files)})", file=sys.stderr)
        return
    if CHECK_ONLY:
        reports = [parse(document) for document in documents]
        for report in reports:
            check(report)
        list(starmap(check, ((report,) for report in reports)))
        print(f"{len(reports)} sources parsed once and checked twice", file=sys.stderr)
        return
    for document in documents:
        parse_and_check(document)
    if COLD:  # (emptied outside starmap: the count leaves the emptying out)
        for document in documents:
            forget_documents()
            list(starmap(parse_and_check, ((document,),)))
    else:
        list(starmap(parse_and_check, ((document,) for document in documents)))
    print(f"{len(documents)} sources parsed and checked twice{' (cold)' if COLD else ''}", file=sys.stderr)


if __name__ == "__main__":
    main()
