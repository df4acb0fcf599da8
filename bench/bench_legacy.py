"""Old Word files: the native Word 97 reader against LibreOffice (one run per file, one per folder).

    python bench/bench_legacy.py [--count 40]

Makes a .doc from tests/fixtures/filled-2021.docx with LibreOffice, copies it COUNT times into a
temporary folder, then times reading all COUNT through read_document (the native reader,
core/readers/word97.py), and, with the native reader switched off, 3 of them one soffice process
each and all COUNT through core.readers.legacy.convert_batch (one process) plus the docx reader.
Wall-clock seconds; .doc files per second.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.readers import legacy  # noqa: E402
from core.readers.dispatch import read_document  # noqa: E402


@contextmanager
def without_native_reader():
    """Every .doc goes to LibreOffice, as before the native reader."""
    with mock.patch.object(legacy, "_read_native", return_value=(None, None)):
        yield


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=40)
    args = parser.parse_args()
    office = legacy.find_office()
    if office is None:
        print("LibreOffice (soffice) is not installed")
        return 1
    with tempfile.TemporaryDirectory(prefix="bench-legacy-") as tmp:
        tmp = Path(tmp)
        profile = (tmp / "profile").as_uri()
        subprocess.run([office, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "doc",
                        "--outdir", str(tmp / "made"), str(ROOT / "tests" / "fixtures" / "filled-2021.docx")],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        data = (tmp / "made" / "filled-2021.doc").read_bytes()
        folder = tmp / "reports"
        folder.mkdir()
        paths = []
        for n in range(args.count):
            path = folder / f"{n:03d}.doc"
            path.write_bytes(data)
            paths.append(str(path))

        start = time.perf_counter()
        native_docs = [read_document(p) for p in paths]
        native = time.perf_counter() - start
        assert not any(d.problems for d in native_docs)
        with without_native_reader():
            start = time.perf_counter()
            for path in paths[:3]:
                assert not read_document(path).problems
            alone = (time.perf_counter() - start) / 3

            start = time.perf_counter()
            conversions = legacy.convert_batch(paths, tmp / "work")
            with legacy.use(conversions):
                docs = [read_document(p) for p in paths]
            batch = time.perf_counter() - start
        assert not any(d.problems for d in docs)
        assert [d.text for d in docs] == [d.text for d in native_docs]
    print(f"native Word 97 reader    {native:6.2f} s for {args.count} files ({args.count / native:7.1f} files/s)")
    print(f"one soffice per file     {alone:6.2f} s per file ({1 / alone:7.1f} files/s)")
    print(f"one soffice per folder   {batch:6.2f} s for {args.count} files ({args.count / batch:7.1f} files/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
