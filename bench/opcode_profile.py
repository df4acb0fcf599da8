"""Python opcodes each function of core/ runs, over reports met for the first time (no valgrind):

    python bench/opcode_profile.py FILE|FOLDER ... [--repo REPO] [--top N]
                                   [--callees FUNCTION] [--lines PATH:FIRST-LAST] [--save PICKLE]

Warms as bench/count_instructions.py --first does (make_folder's 18 text sources parsed and
checked once), then reads, parses and checks each report once under sys.settrace with
f_trace_opcodes, counting each opcode core/'s code runs: by function (its own, and inclusive of
every core function it calls: an activation's count once, however deep it recurses), by line,
and by caller -> callee. The count is deterministic (the same on every run and host) and takes
about a minute for cold60, where bench/function_counts.py takes one valgrind run a function.

It is a proxy, not the instruction count: C work (a regex, a dict look-up, making or freeing an
object) is no opcode, so code that calls into C costs more instructions an opcode than plain
bytecode does (cold60, 2026-12-07: 12.0 M opcodes for 1 005 M instructions, ≈ 84 a opcode on
average; a loop of attribute stores and compares costs ~10-20 an opcode). Use it to find where
the bytecode goes and who calls what, then count instructions with bench/first_counts.py or
bench/function_counts.py. A generator's frame is counted a call each time it resumes.

`--top N`: the N functions of most inclusive opcodes (default 40); `--callees FUNCTION`: what each
function of that name calls, inclusive (e.g. `--callees parse_rows`); `--lines core/parse/tokens.py:592-723`:
each line's own opcodes; `--save`: the counts pickled (a dict of Counters: own, inclusive, calls, lines, edges, per_report).
"""
from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

ROOT = Path(__file__).resolve().parent.parent

Key = tuple[str, str, int]  # (path under the traced folder, function name, its first line)


@dataclass
class Counts:
    """Opcodes counted under one trace (see profile)."""
    own: Counter = field(default_factory=Counter)  # function -> the opcodes of its own frames
    inclusive: Counter = field(default_factory=Counter)  # function -> with those of the functions it calls
    calls: Counter = field(default_factory=Counter)  # function -> its frames (a generator's: each resumption)
    lines: Counter = field(default_factory=Counter)  # (path, line) -> opcodes
    edges: Counter = field(default_factory=Counter)  # (caller, callee) -> the callee's inclusive opcodes
    total: int = 0


def profile(work: Callable[[], object], under: Path, counts: Optional[Counts] = None) -> Counts:
    """Runs `work()` counting the opcodes of the code in files under the folder `under` (added
    to `counts` when given)."""
    counts = counts or Counts()
    prefix = str(under.resolve()) + "/"
    active: Counter = Counter()  # function -> its frames running now (recursion counted once)
    stack: list[Key] = []

    def tracer(frame, event, arg):
        code = frame.f_code
        if not code.co_filename.startswith(prefix):
            return None
        frame.f_trace_opcodes = True
        path = code.co_filename[len(prefix):]
        key = (path, code.co_name, code.co_firstlineno)
        start = counts.total
        outermost = active[key] == 0
        active[key] += 1
        counts.calls[key] += 1
        caller = stack[-1] if stack else None
        stack.append(key)

        def local(frame, event, arg):
            if event == "opcode":
                counts.total += 1
                counts.own[key] += 1
                counts.lines[path, frame.f_lineno] += 1
            elif event == "return":
                active[key] -= 1
                stack.pop()
                if outermost:
                    counts.inclusive[key] += counts.total - start
                counts.edges[caller, key] += counts.total - start
            return local
        return local

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        work()
    finally:
        sys.settrace(previous)
    return counts


def _name(key: Key) -> str:
    return f"{key[0]}:{key[2]} {key[1]}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--repo", default=str(ROOT), help="the checkout whose code is counted")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--callees", help="a function's name: what it calls, inclusive")
    parser.add_argument("--lines", help="PATH:FIRST-LAST, PATH under the checkout (core/parse/tokens.py:592-723)")
    parser.add_argument("--save", help="a file to pickle the counts into")
    args = parser.parse_args()
    repo = Path(args.repo).resolve()
    sys.path.insert(0, str(repo))
    from bench.make_folder import text_sources
    from core.check.rules import check
    from core.parse.parser import parse
    from core.pipeline import load_report, report_files
    from core.readers.dispatch import read_bytes, read_document

    for path in text_sources():  # (warmed as count_instructions --first warms)
        check(parse(read_document(path, read_bytes(path)[0])))
    files = [f for named in map(Path, args.inputs) for f in report_files(named)]
    counts = Counts()
    per_report: dict[str, int] = {}
    for path in files:
        before = counts.total
        profile(lambda: check(load_report(path)), repo / "core", counts)
        per_report[path.name] = counts.total - before
    print(f"{counts.total / 1e6:.2f} M opcodes in core/, {len(files)} reports "
          f"(cheapest {min(per_report.values()) / 1e3:.1f} k, dearest {max(per_report.values()) / 1e3:.1f} k)")
    if args.callees:
        rows = sorted(((c, callee) for (caller, callee), c in counts.edges.items()
                       if caller is not None and caller[1] == args.callees), reverse=True)
        for c, callee in rows[:args.top]:
            print(f"{c:10d}  {_name(callee)}")
    elif args.lines:
        path, span = args.lines.rsplit(":", 1)
        path = path.removeprefix("core/")
        first, last = map(int, span.split("-"))
        source = (repo / "core" / path).read_text(encoding="utf-8").splitlines()
        for line in range(first, last + 1):
            if (c := counts.lines.get((path, line))):
                print(f"{c:10d} {line:5d}  {source[line - 1].rstrip()[:110]}")
    else:
        print(f"{'inclusive':>10} {'%':>5} {'own':>9} {'calls':>7}  function")
        for key, c in counts.inclusive.most_common(args.top):
            print(f"{c:10d} {100 * c / counts.total:5.1f} {counts.own[key]:9d} {counts.calls[key]:7d}  {_name(key)}")
    if args.save:
        with open(args.save, "wb") as out:
            pickle.dump({"own": counts.own, "inclusive": counts.inclusive, "calls": counts.calls,
                         "lines": counts.lines, "edges": counts.edges, "per_report": per_report}, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
