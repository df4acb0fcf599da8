"""Instructions of a first open's work around the parse, for the first N reports of a folder:

    PYTHONHASHSEED=1 valgrind --tool=callgrind --toggle-collect=starmap_next \\
        --callgrind-out-file=/tmp/cg.out python bench/around_counts.py FOLDER worker|window [--repo DIR] [-n 64]

``worker``: what a worker process does with them (``load_chunk`` in chunks of 32, with a fresh parse
cache and review database: read, parse, check, the row, packing for the window; the files hashed
before, uncounted). ``window``: what the
window's loader thread does for them (hashing each file, then decoding each worker's ``Parsed`` as
``_decode`` does: ``with_row`` and ``_key_agency``), the ``Parsed`` made first, uncounted. Read "I refs"
(valgrind's summary); the first 32 files of the folder's end warm the imports and caches first.
``--repo`` counts another checkout's code (main's, /work/wt/base, to compare). Deterministic, unlike
the CPU seconds of ``bench_gui.py`` on a shared machine. (SHA-256 costs more under valgrind than
natively: the host's SHA instructions are not used there.)
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from itertools import starmap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder")
    parser.add_argument("part", choices=("worker", "window"))
    parser.add_argument("--repo", default=str(ROOT), help="the checkout whose code runs (default: this one)")
    parser.add_argument("-n", type=int, default=64, help="reports counted (default 64)")
    args = parser.parse_args()
    sys.path.insert(0, args.repo)
    from core.parse.cache import ParseCache, cache_path_beside
    from core.pipeline import hash_file, report_paths
    from core.review.store import ReviewStore
    import gui.folder_job as job
    from gui.loader import _key_agency

    paths = list(report_paths(args.folder))
    files, warm = paths[:args.n], paths[-32:]
    data = tempfile.mkdtemp(prefix="around-counts-")
    try:
        db = os.path.join(data, "reviews.sqlite3")
        ReviewStore(db).close()
        cache = str(cache_path_beside(db))
        ParseCache(cache).close()
        job.start_worker(True)

        def hashes(part: list[str]) -> tuple:
            """What the loader sends with a chunk: each file's hash, and that none has a review."""
            hashed = [hash_file(path) for path in part]
            return part, hashed, [known.digest for known in hashed]

        def load(part: list[str], hashed: list, unreviewed: list[str]) -> list:
            return job.load_chunk(part, db, cache, None, None, hashed, unreviewed)

        def chunk(part: list[str]) -> list:
            return load(*hashes(part))

        def decode(items: list) -> None:
            for item in items:
                _key_agency(job.with_row(item, None, item.content_hash))

        decode(chunk(warm))
        chunks = [(files[start:start + 32],) for start in range(0, len(files), 32)]
        if args.part == "worker":  # (the files hashed first, as the window hashes them)
            list(starmap(load, [hashes(part) for part, in chunks]))
        else:
            items = [item for part, in chunks for item in chunk(part)]

            def window(part: list[str], parsed: list) -> None:
                for path in part:
                    hash_file(path)
                decode(parsed)
            list(starmap(window, [(files, items)]))
    finally:
        shutil.rmtree(data, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
