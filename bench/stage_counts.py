"""Instructions of each stage of a report's read, parse and check, all from one valgrind run:

    python bench/stage_counts.py FILE|FOLDER ... [--repo REPO] [--per-report] [--top N]

e.g. `python bench/stage_counts.py /work/zoo/cold60/r0046-lo-web-txt-utf-8-sig.txt --per-report`.
bench/function_counts.py counts one function a valgrind run (~1 min each); this counts every
function of STAGES at once. After the warming of count_instructions.py --first, each is replaced
(every module global bound to it, see function_counts.replace_everywhere) by a wrapper calling it
from inside itertools.dropwhile's predicate, and callgrind dumps its count before and after every
dropwhile_next (`--dump-before`, `--dump-after`): each call of a stage leaves four dumps (the code
run since the last stage, the stage itself, and the two small ones of dropwhile's second step).
A stage called from inside another is counted in the outer one (the wrapper calls it directly);
"gap>NAME" is the code between the stage before and NAME (parse()'s own lines, and the freeing of
what parse made is in "gap>check"). The Document's lines, made when first asked for, are counted
apart ("make_lines", right after read_document). Prints each stage's M instructions over all the
reports (with --per-report, each report's too), dearest first.
"""
from __future__ import annotations

import argparse
import glob
import importlib
import os
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from itertools import dropwhile, starmap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# MODULE:FUNCTION of each stage counted (module globals only: a function another module imported
# by name is replaced there too)
STAGES = """
core.readers.dispatch:read_bytes core.pipeline:_digest core.readers.dispatch:read_document
core.parse.parser:names_no_table core.parse.metadata:read_metadata core.parse.lost:lost_text_flags
core.parse.sections:find_sections core.parse.parser:_fallback_t2_span core.parse.page_furniture:furniture
core.parse.footnotes:footnote_lines core.parse.page_furniture:without core.parse.tokens:tokenize
core.parse.parser:detect_version core.parse.parser:_is_report core.parse.parser:parse_rows
core.parse.labels:find_labels core.parse.printed_sum:t3_printed_sum core.parse.printed_sum:confirmed_sum
core.parse.lost:headless_table_flags core.parse.unread:unread_cell_flags core.parse.lost:lost_character_flags
core.model:blank_template core.parse.second_tables:second_set_problem core.parse.t4:parse_t4
core.parse.parser:t3_spill core.parse.parser:one_t3 core.parse.parser:t2_values
core.parse.parser:t2_complete_columns core.parse.parser:put_docs_in_header_order
core.parse.parser:t4_stray_values core.parse.parser:t4_last_total_apart core.parse.parser:t4_printed_apart
core.parse.parser:t4_partly_under_section5 core.parse.parser:read_transposed_t3
core.parse.parser:counts_over_their_units core.parse.parser:values_printed core.parse.parser:reread_glued
core.parse.parser:head_rows_by_column_sums core.parse.parser:read_anchored_rows core.parse.parser:read_column_blocks
core.parse.parser:place_stray_totals core.parse.parser:read_totals_printed_early
core.parse.parser:put_parts_in_header_order core.parse.parser:reread_glued_t4
core.parse.parser:put_t4_columns_in_header_order core.check.rules:check
""".split()


def _run_inside(names_file: str, files: list[str]) -> None:
    """In the process valgrind runs: warm as count_instructions --first does, wrap, read the reports."""
    sys.path.insert(0, os.getcwd())  # (the checkout counted: valgrind runs in it)
    from bench.function_counts import replace_everywhere
    from bench.make_folder import text_sources
    from core.check.rules import check
    from core.parse.parser import parse
    from core.pipeline import report_files
    from core.readers.dispatch import read_bytes, read_document
    from gui.folder_job import collect_less

    for path in text_sources():
        check(parse(read_document(path, read_bytes(path)[0])))
    collect_less()
    names: list[str] = []
    inside = [False]

    def counted(name, function):
        def wrapper(*args, **kwargs):
            if inside[0]:  # (a stage inside another: counted in the outer one)
                return function(*args, **kwargs)
            result = []

            def call(_) -> bool:
                inside[0] = True
                try:
                    result.append(function(*args, **kwargs))
                finally:
                    inside[0] = False
                return False
            names.append(name)
            list(dropwhile(call, (None,)))
            return result[0]
        return wrapper

    for target in STAGES:
        module_name, name = target.split(":")
        function = getattr(importlib.import_module(module_name), name)
        replace_everywhere(function, counted(name, function))
    dispatch = sys.modules["core.readers.dispatch"]
    read, lines = dispatch.read_document, counted("make_lines", lambda document: document.lines)

    def read_with_lines(path, data=None):
        document = read(path, data)
        lines(document)  # (a deferred Document's lines, made here rather than in the stage asking first)
        return document
    dispatch.read_document = read_with_lines
    pipeline, rules = sys.modules["core.pipeline"], sys.modules["core.check.rules"]

    def one(path: Path) -> None:
        names.append(f"#{path.name}")
        rules.check(pipeline.load_report(path))
    list(starmap(one, ((path,) for named in map(Path, files) for path in report_files(named))))
    Path(names_file).write_text("\n".join(names), encoding="utf-8")


def _total(dump: str) -> int:
    with open(dump, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if line.startswith(("summary:", "totals:")):
                return int(line.split()[1])
    return 0


def stage_counts(folder: Path) -> dict[str, Counter[str]]:
    """Each report's instructions by stage, from the dumps and the names a run left in `folder`."""
    names = (folder / "names").read_text(encoding="utf-8").split("\n")
    dumps = sorted(glob.glob(str(folder / "cg.*")), key=lambda name: int(name.rsplit(".", 1)[1]))
    values = [_total(dump) for dump in dumps]
    per: dict[str, Counter[str]] = defaultdict(Counter)
    report, at = "", 0
    for name in names:
        if name.startswith("#"):
            report = name[1:]
            continue
        per[report][f"gap>{name}"] += values[at] + values[at + 2]
        per[report][name] += values[at + 1] + values[at + 3]
        at += 4
    per[report]["tail"] += sum(values[at:]) + _total(str(folder / "cg"))
    return per


def main() -> int:
    if sys.argv[1:2] == ["--inside"]:  # (the run under valgrind)
        _run_inside(sys.argv[2], sys.argv[3:])
        return 0
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--repo", default=str(ROOT), help="the checkout whose code is counted")
    parser.add_argument("--per-report", action="store_true")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="stage_counts-") as folder:
        subprocess.run(["valgrind", "--tool=callgrind", "--toggle-collect=starmap_next",
                        "--dump-before=dropwhile_next", "--dump-after=dropwhile_next",
                        f"--callgrind-out-file={folder}/cg", sys.executable, str(ROOT / "bench" / "stage_counts.py"),
                        "--inside", f"{folder}/names", *map(os.path.abspath, args.inputs)],
                       env={**os.environ, "PYTHONHASHSEED": "1"}, cwd=args.repo, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        per = stage_counts(Path(folder))
    every: Counter[str] = Counter()
    for report, counts in per.items():
        every.update(counts)
        if args.per_report:
            print(f"{report}: {sum(counts.values()) / 1e6:.2f} M")
            for name, count in counts.most_common(args.top):
                print(f"  {count / 1e6:8.3f}  {name}")
    print(f"all {len(per)} reports: {sum(every.values()) / 1e6:.1f} M")
    for name, count in every.most_common(args.top):
        print(f"  {count / 1e6:8.3f}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
