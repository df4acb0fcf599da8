"""Run the command line of the frozen program and of the source side by side; any difference
in what they write is a packaging bug (a module, data file or template missing from the build).

    .venv/bin/python packaging/compare_frozen.py [dist/GongkaiShenhe/GongkaiShenhe]

Inputs: report fixtures of the repository in every format the readers know (.txt .md .csv
.html .htm .mht .docx .doc .wps .rtf .odt .pdf), the samples and a .pdf that is plain text, copied into
one folder; the two years of tests/fixtures/compare for `compare`. Commands: --version (the
version only), extract, export to .xlsx/.csv/.json and to a folder of Word files, compare. Each
program gets its own HOME (review database, parse cache), so neither sees the other's work.
Workbooks and Word files are compared by their parts, without docProps/core.xml (the time they
were written). Exit 0 when everything is the same.
"""
from __future__ import annotations

import base64
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
FORMATS = {".txt", ".md", ".csv", ".html", ".htm", ".mht", ".docx", ".doc", ".wps", ".rtf", ".odt", ".pdf"}
TEXT_FORMATS = {".txt", ".md", ".csv"}
OUTPUTS = ("out.xlsx", "out.csv", "out.json")


def gather_inputs(folder: Path) -> Path:
    """One folder of reports: the fixtures at the top of tests/fixtures and in some of its
    folders (every Word, web and PDF file, three of each text format: the converters' outputs
    are many), the samples, and a sample saved as .pdf (plain text under a PDF name)."""
    folder.mkdir(parents=True)
    for source in (FIXTURES, *(FIXTURES / name for name in ("wild", "corpus", "converters", "zoo", "hostile")),
                   ROOT / "resources" / "samples"):
        taken: dict[str, int] = {}
        for path in sorted(source.iterdir()):
            suffix = path.suffix.lower()
            if not path.is_file() or suffix not in FORMATS or (folder / path.name).exists():
                continue
            taken[suffix] = taken.get(suffix, 0) + 1
            if suffix in TEXT_FORMATS and taken[suffix] > 3 and source != ROOT / "resources" / "samples":
                continue
            shutil.copy(path, folder / path.name)
    sample = sorted((ROOT / "resources" / "samples").glob("*.txt"))[-1]
    shutil.copy(sample, folder / "text-saved-as.pdf")
    shutil.copy(FIXTURES / "word97-extras.doc", folder / "word97-extras.wps")
    shutil.copy(FIXTURES / "page-gb2312.html", folder / "page-gb2312.htm")
    page = base64.encodebytes((FIXTURES / "page-gb2312.html").read_bytes())
    (folder / "page-gb2312.mht").write_bytes(  # a web archive, as Internet Explorer saves a page
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_Part"\r\n\r\n'
        b'------=_Part\r\nContent-Type: text/html; charset="gb2312"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
        + page.replace(b"\n", b"\r\n") + b"\r\n------=_Part--\r\n")
    return folder


def run_all(program: list[str], inputs: Path, out: Path) -> None:
    """The user's commands, each one's stdout and stderr kept (paths of `out` written as OUT)."""
    home = out / "home"
    home.mkdir(parents=True)
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
               XDG_CACHE_HOME=str(home / "cache"), APPDATA=str(home / "data"), LOCALAPPDATA=str(home / "data"),
               QT_QPA_PLATFORM="offscreen")
    env.pop("GONGKAI_DB", None)
    env.pop("GONGKAI_PARSE_CACHE", None)
    years = sorted((FIXTURES / "compare" / "huaian").glob("*.txt"))
    commands = {
        "extract": ["extract", str(inputs)],
        "extract-again": ["extract", str(inputs)],  # the second run reads the parse cache
        **{name: ["export", str(inputs), "--to", str(out / name)] for name in OUTPUTS},
        "word": ["export", str(inputs), "--to", str(out / "word") + os.sep],
        "compare": ["compare", *map(str, years)],
        "compare-folders": ["compare", str(FIXTURES / "compare" / "county"), str(FIXTURES / "compare" / "huaian")],
    }
    for name, arguments in commands.items():
        result = subprocess.run(program + arguments, capture_output=True, env=env, timeout=900)
        text = logged(result.stdout + b"\n--stderr--\n" + result.stderr, out, Path(program[-1]).name)
        (out / f"{name}.log").write_bytes(f"exit {result.returncode}\n".encode() + text)
    version = subprocess.run(program + ["--version"], capture_output=True, text=True, env=env, timeout=120)
    (out / "version.txt").write_text(version.stdout.split()[-1] if version.stdout.split() else version.stderr)


def logged(output: bytes, out: Path, program: str) -> bytes:
    """A command's output as compared: the paths of ``out`` written as OUT, and the name the
    program says its messages with (「main.py：注意：…」, 「GongkaiShenhe：注意：…」) as PROGRAM."""
    return output.replace(str(out).encode(), b"OUT").replace(f"{program}：".encode(), "PROGRAM：".encode())


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist() if name != "docProps/core.xml"}


def differences(source: Path, frozen: Path) -> list[str]:
    out = []
    names = {p.relative_to(source) for p in source.rglob("*") if p.is_file() and "home" not in p.parts}
    names |= {p.relative_to(frozen) for p in frozen.rglob("*") if p.is_file() and "home" not in p.parts}
    for name in sorted(names):
        a, b = source / name, frozen / name
        if not (a.is_file() and b.is_file()):
            out.append(f"{name}: only in {'the source run' if a.is_file() else 'the frozen run'}")
        elif name.suffix in (".xlsx", ".docx"):
            parts_a, parts_b = _parts(a), _parts(b)
            changed = sorted(n for n in parts_a.keys() | parts_b.keys() if parts_a.get(n) != parts_b.get(n))
            if changed:
                out.append(f"{name}: parts differ: {', '.join(changed)}")
        elif a.read_bytes() != b.read_bytes():
            out.append(f"{name}: differs")
    return out


def main(argv: list[str]) -> int:
    frozen = Path(argv[0]) if argv else ROOT / "dist" / "GongkaiShenhe" / (
        "GongkaiShenhe-cli.exe" if os.name == "nt" else "GongkaiShenhe")
    if not frozen.is_file():
        print(f"no frozen program at {frozen} (bash packaging/build.sh first)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="gongkai-compare-frozen-") as work:
        work = Path(work)
        inputs = gather_inputs(work / "reports")
        run_all([sys.executable, str(ROOT / "main.py")], inputs, work / "source")
        run_all([str(frozen)], inputs, work / "frozen")
        found = differences(work / "source", work / "frozen")
        count = len(list(inputs.iterdir()))
        words = len(list((work / "frozen" / "word").glob("*")))
        for line in found:
            print(line)
        print(f"{count} reports; extract, export (.xlsx .csv .json, {words} files of the Word export), compare: "
              + (f"{len(found)} differences" if found else "the frozen program writes the same as the source"))
        return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
