"""Make a folder of many distinct report files from the samples and the test fixtures.

    python bench/make_folder.py DEST [--count 2000] [--mix text|all]

``text`` (the default): the samples and the converter outputs in tests/fixtures/exports, each copy
made distinct by a line appended at its end (so that no two files share a content hash).
``all`` adds the Word, web-page and PDF fixtures (one in ten files), made distinct the same way
(a zip comment, an HTML comment, a PDF comment after %%EOF).
"""
from __future__ import annotations

import argparse
import io
import shutil
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def text_sources() -> list[Path]:
    return sorted((ROOT / "resources" / "samples").glob("*.txt")) + sorted(p for p in (FIXTURES / "exports").glob("*.*") if p.name != "README.md") \
        + [FIXTURES / "report-2019.txt"]


def other_sources() -> list[Path]:
    return [FIXTURES / "filled-2021.docx", FIXTURES / "consistent-2021.docx", FIXTURES / "page-gb2312.html",
            FIXTURES / "corpus" / "huaian-2024.pdf"]


def distinct_copy(source: Path, target: Path, n: int) -> None:
    """``source`` copied to ``target`` with bytes that differ from every other copy."""
    data = source.read_bytes()
    suffix = source.suffix.lower()
    if suffix == ".docx":
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for item in src.infolist():
                dst.writestr(item, src.read(item.filename))
            dst.comment = f"copy {n}".encode()
        data = out.getvalue()
    elif suffix in (".html", ".htm"):
        data += f"\n<!-- copy {n} -->\n".encode()
    elif suffix == ".pdf":
        data += f"\n% copy {n}\n".encode()
    else:  # text in whatever encoding: an ASCII line survives them all
        data += f"\n\ncopy {n}\n".encode()
    target.write_bytes(data)


def make_folder(dest: Path, count: int, mix: str = "text") -> list[Path]:
    if dest.exists():
        shutil.rmtree(dest)
    texts, others = text_sources(), other_sources()
    made = []
    for n in range(count):
        if mix == "all" and n % 10 == 9:
            source = others[(n // 10) % len(others)]
        else:
            source = texts[n % len(texts)]
        folder = dest / f"{n // 200:02d}"  # a province: one subfolder per city
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{n:04d}-{source.stem}{source.suffix}"
        distinct_copy(source, target, n)
        made.append(target)
    return made


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dest")
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--mix", choices=("text", "all"), default="text")
    args = parser.parse_args()
    made = make_folder(Path(args.dest), args.count, args.mix)
    print(f"{len(made)} files in {args.dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
