"""Snapshot what parse + check make of every input, to prove a parser or rules change (a speed-up)
leaves every result unchanged; and list the inputs parse + check spend most CPU on.

    python bench/parse_snapshot.py save SNAPSHOT [--fuzz N] [--mutants N] [--seed N] [FOLDER ...]
    python bench/parse_snapshot.py compare SNAPSHOT [--slowest N]

``save`` reads every report file under the folders (default: the shared corpus, the test
fixtures, the shipped samples and the dev zoo), N inputs made by bench/fuzz.py (seed 7, as its
documented run) and N byte-level mutants of the text files among them (seed 20261201, or --seed), and stores
each Document (the readers run once) with what parse + check made of it: the JSON `extract`
prints, and beyond it every cell's value, state, raw text and span, the sections, tables and
their spans. ``compare`` parses and checks the stored Documents again with the current code and
lists every result that differs; the readers are not run again. Both print the inputs whose
parse + check took the most CPU (least of two runs in compare).
"""
from __future__ import annotations

import argparse
import gc
import pickle
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.fuzz import load_seeds, make_input, mutate  # noqa: E402
from bench.reader_snapshot import DEFAULT_FOLDERS  # noqa: E402 - the same inputs as the readers' snapshot
from core.check.rules import check  # noqa: E402
from core.export.report_json import report_json  # noqa: E402
from core.parse.parser import parse  # noqa: E402
from core.pipeline import report_files  # noqa: E402
from core.readers.dispatch import read_bytes, read_document, unread_document  # noqa: E402

TEXT_SUFFIXES = {".txt", ".md", ".csv"}


def documents(folders: list[str], fuzz: int, mutants: int, seed: int = 20261201):
    """(name, Document) of every input, in a fixed order."""
    files = [p for folder in folders for p in report_files(folder)]
    for path in files:
        data, problem = read_bytes(path)
        yield str(path), unread_document(path, problem) if problem else read_document(path, data)
    seeds = load_seeds()
    with tempfile.TemporaryDirectory() as tmp:
        rng = random.Random(7)
        for index in range(fuzz):
            kind, path = make_input(rng, seeds, Path(tmp), index)
            if kind.endswith((".doc", ".wps")) or kind.startswith("attack:"):
                continue  # LibreOffice runs, devices and pipes test the readers, not the parser
            data, problem = read_bytes(path)
            yield f"fuzz-{index}-{kind}", unread_document(path, problem) if problem else read_document(path, data)
        texts = [p for p in files if p.suffix.lower() in TEXT_SUFFIXES]
        rng = random.Random(seed)
        for index in range(mutants):
            source = rng.choice(texts)
            path = Path(tmp, f"mutant-{index}{source.suffix}")
            path.write_bytes(mutate(rng, source.read_bytes(), seeds))
            yield f"mutant-{index}-{source.name}", read_document(path, path.read_bytes())


def result(doc) -> tuple[object, float]:
    """What parse + check make of a Document, every detail that reaches a user, and the CPU."""
    start = time.process_time()
    try:
        report = parse(doc)
    except Exception as exc:  # noqa: BLE001 - a crash is a result too
        return ("parse failed", type(exc).__name__), time.process_time() - start
    try:
        findings = check(report)
    except Exception as exc:  # noqa: BLE001
        findings = [("check failed", type(exc).__name__)]
    spent = time.process_time() - start
    cells = tuple((path, repr(c.value), c.state, c.raw, c.span) for path, c in report.cells.items())
    out = report_json(report, [f for f in findings if not isinstance(f, tuple)])
    out.pop("file", None)
    details = (repr(out), cells, tuple(report.sections), tuple(report.tables),
               tuple(sorted(report.section_spans.items())), report.title_year, report.period_year,
               repr([f for f in findings if isinstance(f, tuple)]))
    return details, spent


def print_slowest(spent: dict[str, float], count: int) -> None:
    print(f"slowest parse + check (ms CPU), {len(spent)} inputs, "
          f"{1000 * sum(spent.values()) / max(len(spent), 1):.2f} ms mean:")
    for name, seconds in sorted(spent.items(), key=lambda item: -item[1])[:count]:
        print(f"{1000 * seconds:8.1f}  {name}")


def _settle() -> None:
    """Leave the stored inputs out of the collector's full passes: walking the ~2 million objects
    they hold took 0.3 s inside whichever input's parse a pass fell in (one mutant, 3 ms alone, was
    listed slowest at 317 ms), a pause a worker holding one report never pays."""
    gc.collect()
    gc.freeze()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["save", "compare"])
    parser.add_argument("snapshot")
    parser.add_argument("folders", nargs="*")
    parser.add_argument("--fuzz", type=int, default=1000, help="inputs made by bench/fuzz.py (default 1000)")
    parser.add_argument("--mutants", type=int, default=1000, help="mutated text files (default 1000)")
    parser.add_argument("--seed", type=int, default=20261201, help="save: the mutants' seed (default 20261201)")
    parser.add_argument("--slowest", type=int, default=10)
    parser.add_argument("--only", help="compare: only inputs whose name contains this")
    args = parser.parse_args()
    if args.action == "save":
        folders = args.folders or DEFAULT_FOLDERS
        started = time.process_time()
        docs = dict(documents(folders, args.fuzz, args.mutants, args.seed))
        _settle()
        results, spent = {}, {}
        for name, doc in docs.items():
            results[name], spent[name] = result(doc)
        with open(args.snapshot, "wb") as handle:
            pickle.dump({"folders": folders, "documents": docs, "results": results}, handle)
        print(f"saved {len(results)} results in {time.process_time() - started:.1f} s CPU")
        print_slowest(spent, args.slowest)
        return 0
    with open(args.snapshot, "rb") as handle:
        saved = pickle.load(handle)
    _settle()
    differ, spent = [], {}
    for name, doc in saved["documents"].items():
        if args.only and args.only not in name:
            continue
        details, first = result(doc)
        _, second = result(doc)
        spent[name] = min(first, second)
        if details != saved["results"][name]:
            differ.append(name)
    print(f"compared {len(spent)} results: {len(differ)} differ")
    for name in differ[:30]:
        print("  differs:", name)
    print_slowest(spent, args.slowest)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
