"""Snapshot what the readers return, to prove a reader change leaves every Document unchanged.

    python bench/reader_snapshot.py save SNAPSHOT [--mutants N] [FOLDER ...]
    python bench/reader_snapshot.py compare SNAPSHOT

Reads every .docx/.html/.htm/.mht/.pdf/.txt/.md/.csv under the folders (default: the shared corpus, the test
fixtures, the shipped samples and the dev zoo) plus N mutated copies (reproducible: fixed seed,
made with bench/fuzz.py's mutators: mutated bytes, mutated document.xml; a quarter as many mutated
text files besides), and stores each
Document (format, encoding, text, every line's cells with offsets and grid flag, problems).
``compare`` reads the same inputs again and lists every Document that differs, and prints the
CPU milliseconds each format's reader took per file (saved inputs only, one run: a rough figure
to set beside the same line of a ``save`` made with the old code).
"""
from __future__ import annotations

import argparse
import pickle
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.fuzz import load_seeds, mutate, mutate_docx_xml  # noqa: E402
from core.readers.dispatch import read_bytes, read_document  # noqa: E402

SUFFIXES = {".docx", ".html", ".htm", ".mht", ".mhtml", ".pdf", ".txt", ".md", ".csv"}
TEXT_SUFFIXES = {".txt", ".md", ".csv"}
DEFAULT_FOLDERS = ["/work/shared/corpus", str(ROOT / "tests" / "fixtures"), str(ROOT / "resources" / "samples"),
                   "/work/zoo/dev"]


def inputs(folders: list[str], mutants: int):
    """(name, path for the reader, bytes) of every input, in a fixed order."""
    files = sorted(p for folder in folders for p in Path(folder).rglob("*")
                   if p.is_file() and p.suffix.lower() in SUFFIXES)
    for path in files:
        data, problem = read_bytes(path)
        if not problem:
            yield str(path), str(path), data
    rng = random.Random(20261201)
    seeds = load_seeds()
    pages = [p.read_bytes() for p in files if p.suffix.lower() in (".html", ".htm")][:40]
    small_pdfs = [p.read_bytes() for p in files if p.suffix.lower() == ".pdf" and p.stat().st_size < 200_000][:20]
    for index in range(mutants):
        kind = index % 4
        if kind == 0:
            ext, data = ".docx", mutate_docx_xml(rng, seeds)
        elif kind == 1:
            ext, data = ".docx", mutate(rng, rng.choice(seeds[".docx"]), seeds)
        elif kind == 2:
            ext, data = ".html", mutate(rng, rng.choice(pages or seeds[".html"]), seeds)
        else:
            ext, data = ".pdf", mutate(rng, rng.choice(small_pdfs or seeds[".pdf"]), seeds)
        yield f"mutant-{index}{ext}", f"/nonexistent/mutant-{index}{ext}", data
    # Text mutants after the others, so that adding them left the earlier mutants as they were.
    texts = [p for p in files if p.suffix.lower() in TEXT_SUFFIXES][:60]
    for index in range(mutants // 4 if texts else 0):
        source = rng.choice(texts)
        ext = source.suffix.lower()
        yield f"mutant-text-{index}{ext}", f"/nonexistent/mutant-text-{index}{ext}", \
            mutate(rng, source.read_bytes(), seeds)


def snapshot(path: str, data: bytes) -> tuple:
    doc = read_document(path, data)
    lines = tuple((line.grid, tuple((c.text, c.start, c.end) for c in line.cells)) for line in doc.lines)
    return doc.format, doc.encoding, doc.text, lines, tuple(doc.problems)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["save", "compare"])
    parser.add_argument("snapshot")
    parser.add_argument("folders", nargs="*")
    parser.add_argument("--mutants", type=int, default=400)
    parser.add_argument("--only", help="compare: only inputs whose name ends with this (e.g. .docx)")
    args = parser.parse_args()
    if args.action == "save":
        folders, mutants = args.folders or DEFAULT_FOLDERS, args.mutants
        started = time.process_time()
        results = {name: snapshot(path, data) for name, path, data in inputs(folders, mutants)}
        with open(args.snapshot, "wb") as handle:
            pickle.dump({"folders": folders, "mutants": mutants, "results": results}, handle)
        print(f"saved {len(results)} documents in {time.process_time() - started:.1f} s CPU")
        return 0
    with open(args.snapshot, "rb") as handle:
        saved = pickle.load(handle)
    started = time.process_time()
    differ, compared = [], 0
    cpu: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])
    expected = [name for name in saved["results"] if not args.only or name.endswith(args.only)]
    for name, path, data in inputs(saved["folders"], saved["mutants"]):
        if args.only and not name.endswith(args.only):
            continue
        compared += 1
        read_started = time.process_time()
        result = snapshot(path, data)
        if not name.startswith("mutant-"):
            entry = cpu[result[0]]
            entry[0] += 1
            entry[1] += time.process_time() - read_started
        if saved["results"].get(name) != result:
            differ.append(name)
    missing = len(expected) - compared
    print(f"compared {compared} documents in {time.process_time() - started:.1f} s CPU: "
          f"{len(differ)} differ, {missing} missing")
    print("read CPU per file: " + ", ".join(f"{fmt} {1000 * seconds / count:.1f} ms ({count})"
                                         for fmt, (count, seconds) in sorted(cpu.items())))
    for name in differ[:30]:
        print("  differs:", name)
    return 1 if differ or missing else 0


if __name__ == "__main__":
    sys.exit(main())
