"""Instructions one parser function costs, inclusive, over reports met for the first time:

    python bench/function_counts.py MODULE:FUNCTION ... --first FILE|FOLDER ... [--repo REPO]

e.g. `python bench/function_counts.py core.parse.tokens:tokenize core.parse.parser:parse_rows
--first /work/zoo/cold60` prints each function's M instructions (callgrind, deterministic) on the
reports of bench/count_instructions.py --first, warmed as it warms them. callgrind sees only C
functions under CPython 3.11, not Python ones: after the warming, every reference to the function
(each module's global of it) is replaced by a wrapper calling it from inside
itertools.dropwhile's predicate, and callgrind collects only inside dropwhile_next
(`--toggle-collect`), which nothing else in the code under count calls (the test asserts it). The
wrapper's own frames add some 2 000 instructions a call: a function called thousands of times
reads high by that much. One valgrind run a function (~30 s for cold60); not for a function that
calls itself (its inner call would toggle the collection off) nor a method (only module globals
are replaced).
"""
from __future__ import annotations

import argparse
import importlib
import os
import subprocess
import sys
import tempfile
from itertools import dropwhile
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent


def counted(function: Callable) -> Callable:
    """`function`, called from inside dropwhile_next (the frame callgrind toggles its count at)."""
    def wrapper(*args, **kwargs):
        result = []

        def call(_) -> bool:
            result.append(function(*args, **kwargs))
            return False  # (the one item is yielded: dropwhile_next returns)
        list(dropwhile(call, (None,)))
        return result[0]
    return wrapper


def replace_everywhere(function: Callable, replacement: Callable) -> int:
    """Every module global bound to `function` rebound to `replacement` (a caller's `from x import
    f` holds its own reference); how many were."""
    replaced = 0
    for name, module in list(sys.modules.items()):
        if name == "__main__":
            continue
        namespace = getattr(module, "__dict__", None)
        if not isinstance(namespace, dict):
            continue
        for key, value in list(namespace.items()):
            if value is function:
                namespace[key] = replacement
                replaced += 1
    return replaced


def _run_one(target: str, files: list[str]) -> None:
    """In the process valgrind runs: warm as count_instructions --first does, wrap, read the reports."""
    sys.path.insert(0, str(ROOT))
    from bench.make_folder import text_sources
    from core.check.rules import check
    from core.parse.parser import parse
    from core.pipeline import report_files
    from core.readers.dispatch import read_bytes, read_document
    from gui.folder_job import collect_less

    for path in text_sources():
        check(parse(read_document(path, read_bytes(path)[0])))
    collect_less()
    module_name, name = target.split(":")
    function = getattr(importlib.import_module(module_name), name)
    if not replace_everywhere(function, counted(function)):
        raise SystemExit(f"{target}: no module holds it")
    rules, pipeline = sys.modules["core.check.rules"], sys.modules["core.pipeline"]
    for path in (f for named in map(Path, files) for f in report_files(named)):
        rules.check(pipeline.load_report(path))  # (looked up now: either may be the function counted)


def main() -> int:
    if sys.argv[1:2] == ["--inside"]:  # (the run under valgrind)
        _run_one(sys.argv[2], sys.argv[3:])
        return 0
    sys.path.insert(0, str(ROOT))
    from bench.first_counts import callgrind_total  # (one reading of a dump's total for both tools)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("targets", nargs="+", help="MODULE:FUNCTION")
    parser.add_argument("--first", nargs="+", required=True, help="report files or folders")
    parser.add_argument("--repo", default=str(ROOT), help="the checkout whose code is counted")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="function_counts-") as folder:  # (a dump is read once)
        for target in args.targets:
            out = Path(folder) / target.replace(":", "-")
            subprocess.run(["valgrind", "--tool=callgrind", "--toggle-collect=dropwhile_next",
                            f"--callgrind-out-file={out}", sys.executable,
                            str(Path(args.repo) / "bench" / "function_counts.py"), "--inside", target, *args.first],
                           env={**os.environ, "PYTHONHASHSEED": "1"}, cwd=args.repo, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            print(f"{callgrind_total(out) / 1e6:7.1f} M  {target}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
