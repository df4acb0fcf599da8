"""Feed generated hostile inputs through read → parse → check → JSON, as `extract` does; count outcomes.

    python bench/fuzz.py --count 10000 --seed 1 [--workers 2] [--timeout 30] [--memory-mb 2048]

Inputs (reproducible from the seed): random bytes under every extension, byte-level mutations of
the samples and fixtures, mutations inside a .docx's document.xml, and structure attacks (huge
numbers, long digit runs in prose, zip bombs, deep HTML, pipes, devices, folders named x.docx,
file names that are not UTF-8, ...). Each input runs in a worker process limited in address
space; a worker that overruns the time limit is killed and replaced. Per input kind it prints:

    ok        read, no problem
    problem   refused or partly read, every problem in Chinese
    crash     an exception escaped, the worker died, or the JSON was invalid (NaN/Infinity)
    hang      over the time limit
    memory    MemoryError, or the worker died at the memory limit
    internal  a safety net caught a bug (内部错误 / 读取文件时出错) or a problem is not in Chinese

"slowest" is the longest one input of the kind took (CPU contention included). POSIX only (pipes,
rlimits, process groups). The goal is 0 in every column but ok and problem; the first few inputs of each bad outcome are
listed with their details and kept (--keep) for reproduction.
"""
from __future__ import annotations

import argparse
import functools
import io
import json
import os
import random
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXTENSIONS = [".txt", ".md", ".csv", ".html", ".mht", ".docx", ".pdf", ".doc", ".wps"]
OUTCOMES = ["ok", "problem", "crash", "hang", "memory", "internal"]
INTERNAL_MARKERS = ("内部错误", "读取文件时出错")


# --- seeds ----------------------------------------------------------------------------------

def _tiny_pdf(lines: list[str]) -> bytes:
    """A valid one-page PDF with Helvetica text lines (ASCII)."""
    content = b"BT /F1 9 Tf 20 780 Td 11 TL " + b" ".join(
        b"(" + line.encode("latin-1", "replace").replace(b"(", b"").replace(b")", b"") + b") '" for line in lines) + b" ET"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
               b" /Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _mht(html: bytes) -> bytes:
    import quopri
    return (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b1\"\r\n\r\n--b1\r\n"
            b"Content-Type: text/html; charset=\"gb2312\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            + quopri.encodestring(html) + b"\r\n--b1--\r\n")


def load_seeds() -> dict[str, list[bytes]]:
    fixtures = ROOT / "tests" / "fixtures"
    texts = [p.read_bytes() for p in sorted((ROOT / "resources" / "samples").glob("*.txt"))]
    texts += [p.read_bytes() for p in sorted((fixtures / "exports").glob("*.txt"))]
    texts.append((fixtures / "report-2019.txt").read_bytes())
    page = (fixtures / "page-gb2312.html").read_bytes()
    sample = texts[0].decode("utf-8")
    seeds = {
        ".txt": texts,
        ".md": [p.read_bytes() for p in sorted((fixtures / "exports").glob("*.md"))],
        ".csv": [t.decode("utf-8", "replace").replace("\t", ",").encode("utf-8") for t in texts[:5]],
        ".html": [page, texts[1].decode("utf-8").replace("\n", "<br>\n").encode("utf-8")],
        ".mht": [_mht(page)],
        ".docx": [(fixtures / "filled-2021.docx").read_bytes(), (fixtures / "consistent-2021.docx").read_bytes()],
        ".pdf": [_tiny_pdf([line for line in sample.splitlines() if line.strip()][:60])],
    }
    seeds["real.pdf"] = [(fixtures / "corpus" / "huaian-2024.pdf").read_bytes()]
    doc = _doc_seed(seeds[".docx"][0])
    seeds[".doc"] = seeds[".wps"] = [doc] if doc else [seeds[".docx"][0]]
    return seeds


def _doc_seed(docx: bytes) -> bytes | None:
    """An old binary .doc made once by LibreOffice (cached), when it is installed."""
    cache = Path(tempfile.gettempdir()) / "gongkai-fuzz-seed.doc"
    if cache.is_file():
        return cache.read_bytes()
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if not office:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "seed.docx").write_bytes(docx)
        subprocess.run([office, f"-env:UserInstallation={Path(tmp, 'profile').as_uri()}", "--headless",
                        "--convert-to", "doc", "--outdir", tmp, str(Path(tmp, "seed.docx"))],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120, check=False)
        made = Path(tmp, "seed.doc")
        if made.is_file():
            shutil.copy(made, cache)
            return made.read_bytes()
    return None


# --- generators -----------------------------------------------------------------------------

def random_bytes(rng: random.Random, ext: str, seeds) -> bytes:
    size = int(2 ** rng.uniform(0, 16))
    flavour = rng.random()
    if flavour < 0.5:
        return rng.randbytes(size)
    if flavour < 0.8:  # text-like: digits, CJK, separators
        alphabet = "0123456789 \t\n,.-/|（）一二三四五六七总计申请件万元行政复议诉讼本年新收结转" + "<>{}[]#*\\&;"
        return "".join(rng.choice(alphabet) for _ in range(size)).encode(rng.choice(["utf-8", "gb18030", "utf-16-le"]))
    magic = {".docx": b"PK\x03\x04", ".pdf": b"%PDF-1.4\n", ".doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
             ".wps": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".mht": b"MIME-Version: 1.0\r\n", ".html": b"<html>"}
    return magic.get(ext, b"\xef\xbb\xbf") + rng.randbytes(size)


def mutate(rng: random.Random, data: bytes, seeds) -> bytes:
    data = bytearray(data)
    for _ in range(rng.choice([1, 1, 2, 3, 8, 30])):
        if not data:
            data = bytearray(rng.randbytes(16))
        op = rng.randrange(9)
        i = rng.randrange(len(data))
        if op == 0:
            data[i] = rng.randrange(256)
        elif op == 1:
            data[i] ^= 1 << rng.randrange(8)
        elif op == 2:
            del data[i:i + rng.randrange(1, 200)]
        elif op == 3:
            data[i:i] = rng.randbytes(rng.randrange(1, 50))
        elif op == 4:
            j = rng.randrange(len(data))
            data[i:i] = data[j:j + rng.randrange(1, 2000)] * rng.choice([1, 2, 10])
        elif op == 5:
            del data[i:]
        elif op == 6:
            data[i:i] = rng.choice([b"9" * rng.choice([20, 61, 320, 5000]) + b".5", b"\t", b"\n", b"/", b"-",
                                    "总计".encode(), "一、本年新收".encode(), b"\x00\x00", b"<td>", b"</tr>"])
        elif op == 7:
            other = rng.choice(rng.choice(list(seeds.values())))
            j = rng.randrange(len(other))
            data[i:i] = other[j:j + rng.randrange(1, 4000)]
        else:
            data[i:i + 1] = bytes([data[i]]) * rng.randrange(2, 300)
    return bytes(data)


def mutate_docx_xml(rng: random.Random, seeds) -> bytes:
    """A valid archive whose document.xml was mutated (so the XML and table code are reached)."""
    source = zipfile.ZipFile(io.BytesIO(rng.choice(seeds[".docx"])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                if rng.random() < 0.5:
                    data = mutate(rng, data, seeds)
                else:  # structural: duplicate/remove table parts, odd spans, huge numbers
                    edits = [("<w:t>", "<w:t>" + "9" * rng.choice([61, 400, 5000]) + ".5"),
                             ("<w:tcPr>", '<w:tcPr><w:gridSpan w:val="%d"/>' % rng.choice([0, -1, 9999, 2**31])),
                             ("<w:tcPr>", '<w:tcPr><w:vMerge w:val="restart"/>'),
                             ("</w:tr>", "</w:tr>" * 2), ("<w:tr>", ""), ("<w:tbl>", "<w:tbl><w:tbl>")]
                    for _ in range(rng.randrange(1, 6)):
                        old, new = rng.choice(edits)
                        positions = [m.start() for m in re.finditer(re.escape(old), text)][:500]
                        if positions:
                            k = rng.choice(positions)
                            text = text[:k] + new + text[k + len(old):]
                    data = text.encode("utf-8")
            target.writestr(item, data)
    return out.getvalue()


def _report_text(rng: random.Random, seeds) -> str:
    return rng.choice(seeds[".txt"][:5]).decode("utf-8")


@functools.lru_cache(maxsize=None)
def _zip_bomb(size: int) -> bytes:
    """A .docx whose document.xml inflates to ``size`` bytes of spaces (made once per size)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as member:
            block = b" " * (1 << 20)
            for _ in range(size >> 20):
                member.write(block)
    return out.getvalue()


def _deep_html(depth: int) -> bytes:
    return ("<html><body>" + "<div>" * depth + "一、本年新收 1 2 3" + "</div>" * depth + "</body></html>").encode()


def _billion_laughs_docx(seed: bytes) -> bytes:
    lol = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
           + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10))
           + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           '<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')
    return _replace_member(seed, "word/document.xml", lol.encode())


def _replace_member(archive: bytes, name: str, data: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(archive))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, data if item.filename == name else source.read(item))
    return out.getvalue()


def structure_attack(rng: random.Random, seeds, folder: Path, index: int) -> tuple[str, Path]:
    """(attack name, path) — a hostile file, or something that is not a file at all."""
    text = _report_text(rng, seeds)
    attacks = {
        "huge-decimal-cell": lambda: text.replace("\t0\t", "\t" + "9" * 320 + ".5\t", 3),
        "4301-digit-cell": lambda: text.replace("\t1\t", "\t" + "9" * 4301 + "\t", 2),
        "huge-fee": lambda: text.replace("收费", "收费金额" + "9" * 400 + ".5万元 ", 1),
        "prose-digit-run": lambda: text.replace("本年", "本年" + "7" * rng.choice([20_000, 100_000, 400_000]), 1),
        "prose-digits-then-unit": lambda: text + "\n" + ("1" * 5000 + "件结转下年度") * 20,
        "long-line": lambda: text + "\n" + "一、本年新收\t" * 200_000,
        "many-numbers": lambda: text.replace("（七）总计", "（七）总计 " + "1 " * rng.choice([10_000, 300_000]), 1),
        "artefact-brackets": lambda: text + "\n" + "{#" * 500_000,
        "artefact-bookmarks": lambda: text + "\n" + "[bookmark:" * 200_000,
        "nul-bytes": lambda: text.replace("\n", "\x00\n"),
        "only-labels": lambda: "\n".join(line.split("\t")[0] for line in text.splitlines()),
        "meta-charset": lambda: "<meta" * 50_000,
        "deep-table": lambda: "<table>" * 5_000 + "<tr><td>1</td></tr>" + "</table>" * 5_000,
        "huge-rowspan": lambda: "<table><tr><td rowspan=2147483647 colspan=99999>一、本年新收</td><td>1</td></tr></table>",
        "dense-table": lambda: "<p>" + text.replace("\n", "</p><p>") + "</p><table>"
                               + ("<tr>" + "<td>1</td>" * 100 + "</tr>") * rng.choice([900, 15_000]) + "</table>",
    }
    name = rng.choice(list(attacks) + ["deep-html", "zip-bomb", "billion-laughs", "dense-docx", "fifo", "dev-zero",
                                       "folder-named-docx", "non-utf8-name", "empty", "over-cap"])
    path = folder / f"{index}-{name}.txt"
    if name in attacks:
        content = attacks[name]()
        suffix = ".html" if name in ("meta-charset", "deep-table", "huge-rowspan", "dense-table") else rng.choice([".txt", ".md", ".csv"])
        path = path.with_suffix(suffix)
        path.write_bytes(content.encode(rng.choice(["utf-8", "gb18030"]), "replace"))
    elif name == "deep-html":
        path = path.with_suffix(".html")
        path.write_bytes(_deep_html(rng.choice([1_000, 100_000])))
    elif name == "zip-bomb":
        path = path.with_suffix(".docx")
        path.write_bytes(_zip_bomb(rng.choice([64, 1024]) << 20))
    elif name == "dense-docx":  # a table of tiny cells filling document.xml up to the archive bounds
        cell = "<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>"
        rows = ("<w:tr>" + cell * 50 + "</w:tr>") * rng.choice([100, 3_000])
        xml = ('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
               "<w:p><w:r><w:t>三、收到和处理政府信息公开申请情况</w:t></w:r></w:p><w:tbl>" + rows + "</w:tbl></w:body></w:document>")
        path = path.with_suffix(".docx")
        path.write_bytes(_replace_member(seeds[".docx"][0], "word/document.xml", xml.encode()))
    elif name == "billion-laughs":
        path = path.with_suffix(".docx")
        path.write_bytes(_billion_laughs_docx(seeds[".docx"][0]))
    elif name == "fifo" and hasattr(os, "mkfifo"):
        os.mkfifo(path)
    elif name == "dev-zero" and os.path.exists("/dev/zero"):
        os.symlink("/dev/zero", path)
    elif name == "folder-named-docx":
        path = path.with_suffix(".docx")
        path.mkdir()
    elif name == "non-utf8-name" and os.name == "posix":
        path = Path(os.fsdecode(os.fsencode(str(folder)) + b"/%d-\xff\xfe\xb0\xa1.txt" % index))
        path.write_bytes(text.encode("utf-8"))
    elif name == "over-cap":
        with open(path, "wb") as handle:
            handle.truncate(64 << 20)  # sparse
    else:
        path.write_bytes(b"")
    return f"attack:{name}", path


def make_input(rng: random.Random, seeds, folder: Path, index: int) -> tuple[str, Path]:
    roll = rng.random()
    if roll < 0.06:
        return structure_attack(rng, seeds, folder, index)
    ext = rng.choice(EXTENSIONS)
    if roll < 0.36:
        kind, data = f"random{ext}", random_bytes(rng, ext, seeds)
    elif ext == ".docx" and rng.random() < 0.6:
        kind, data = "mutate-xml.docx", mutate_docx_xml(rng, seeds)
    elif ext in (".doc", ".wps") and rng.random() < 0.97:
        kind, data = f"random{ext}", random_bytes(rng, ext, seeds)  # LibreOffice runs are slow: few of them
    elif ext == ".pdf" and rng.random() < 0.06:  # a real report PDF: a few, pdfminer takes seconds on it
        kind, data = "mutate-real.pdf", mutate(rng, seeds["real.pdf"][0], seeds)
    else:
        kind, data = f"mutate{ext}", mutate(rng, rng.choice(seeds[ext]), seeds)
    path = folder / f"{index}{ext}"
    path.write_bytes(data)
    return kind, path


# --- the worker -----------------------------------------------------------------------------

def worker(memory_mb: int) -> None:
    """Reads paths (one JSON string a line) on stdin, answers one JSON object a line."""
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (memory_mb << 20, memory_mb << 20))
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)  # anything a library prints goes to stderr, not into the answers
    sys.path.insert(0, str(ROOT))
    from core.export.report_json import report_json
    from core.pipeline import check_report, load_report

    for line in sys.stdin:
        path = json.loads(line)
        start = time.monotonic()
        try:
            report = load_report(path)
            out = json.dumps(report_json(report, check_report(report)), ensure_ascii=False, allow_nan=False)
            json.loads(out)
            problems = report.problems
            if any("MemoryError" in p for p in problems):
                answer = {"outcome": "memory", "detail": problems}
            elif any(m in p for p in problems for m in INTERNAL_MARKERS) or \
                    not all(any("\u4e00" <= ch <= "\u9fff" for ch in p) for p in problems):
                answer = {"outcome": "internal", "detail": problems}
            else:
                answer = {"outcome": "problem" if problems else "ok", "detail": problems[:1]}
        except MemoryError:
            answer = {"outcome": "memory", "detail": "MemoryError"}
        except BaseException as exc:  # noqa: BLE001 - exactly what is being counted
            import traceback
            answer = {"outcome": "crash", "detail": traceback.format_exc(limit=-4)}
        answer["seconds"] = time.monotonic() - start
        answers.write(json.dumps(answer, ensure_ascii=True) + "\n")
        answers.flush()
        if answer["outcome"] == "memory":
            return  # start afresh: the heap may be fragmented


class Worker:
    def __init__(self, memory_mb: int) -> None:
        self.memory_mb = memory_mb
        self.proc = subprocess.Popen([sys.executable, __file__, "--worker", "--memory-mb", str(memory_mb)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                     start_new_session=True, text=True, encoding="utf-8")
        self.started = 0.0
        self.job = None

    def send(self, job) -> None:
        self.job, self.started = job, time.monotonic()
        self.proc.stdin.write(json.dumps(str(job[2]), ensure_ascii=True) + "\n")
        self.proc.stdin.flush()

    def kill(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)  # the worker and any LibreOffice it started
        except ProcessLookupError:
            pass
        self.proc.wait()


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        path.rmdir()
    elif os.path.lexists(path):
        path.unlink()


def run(count: int, seed: int, workers: int, timeout: float, memory_mb: int, keep: Path | None) -> int:
    rng = random.Random(seed)
    seeds = load_seeds()
    folder = Path(tempfile.mkdtemp(prefix="gongkai-fuzz-"))
    results: dict[str, Counter] = defaultdict(Counter)
    slowest: dict[str, float] = defaultdict(float)
    bad: dict[str, list] = defaultdict(list)
    print(f"{count} inputs (seed {seed}) in {folder}; {workers} workers, {timeout:.0f} s, {memory_mb} MB",
          flush=True)
    pool = [Worker(memory_mb) for _ in range(workers)]
    pending = (((i, *make_input(rng, seeds, folder, i)) for i in range(count)))  # made as they are needed
    started = time.monotonic()
    done = 0

    def record(job, outcome, detail) -> None:
        nonlocal done
        done += 1
        results[job[1]][outcome] += 1
        if outcome not in ("ok", "problem"):
            bad[outcome].append((job[1], str(job[2]), detail))
            if keep and os.path.isfile(job[2]) and len(bad[outcome]) <= 20:
                keep.mkdir(parents=True, exist_ok=True)
                shutil.copy(job[2], keep / f"{outcome}-{Path(job[2]).name}")
        _remove(Path(job[2]))
        if done % 500 == 0:
            print(f"  {done}/{count}  {time.monotonic() - started:.0f} s", flush=True)

    for w in pool:
        job = next(pending, None)
        if job:
            w.send(job)
    while any(w.job for w in pool):
        busy = [w for w in pool if w.job]
        ready, _, _ = select.select([w.proc.stdout for w in busy], [], [], 0.5)
        for w in busy:
            if w.proc.stdout in ready:
                line = w.proc.stdout.readline()
                if line:
                    answer = json.loads(line)
                    slowest[w.job[1]] = max(slowest[w.job[1]], answer["seconds"])
                    record(w.job, answer["outcome"], answer["detail"])
                    if answer["outcome"] == "memory":
                        w.kill()
                        w.__init__(memory_mb)
                else:  # the worker died
                    code = w.proc.wait()
                    record(w.job, "memory" if code in (-signal.SIGKILL, -signal.SIGABRT) else "crash",
                           f"worker exited {code}")
                    w.__init__(memory_mb)
            elif time.monotonic() - w.started > timeout:
                w.kill()
                record(w.job, "hang", f"over {timeout:.0f} s")
                w.__init__(memory_mb)
            else:
                continue
            w.job = None
            job = next(pending, None)
            if job:
                w.send(job)
    for w in pool:
        w.proc.stdin.close()
        w.kill()
    shutil.rmtree(folder, ignore_errors=True)

    width = max(len(k) for k in results)
    print(f"\n{'kind':<{width}}  " + "  ".join(f"{o:>8}" for o in OUTCOMES) + "  slowest")
    totals = Counter()
    for kind in sorted(results):
        totals.update(results[kind])
        print(f"{kind:<{width}}  " + "  ".join(f"{results[kind][o]:>8}" for o in OUTCOMES)
              + f"  {slowest[kind]:6.1f} s")
    print(f"{'total':<{width}}  " + "  ".join(f"{totals[o]:>8}" for o in OUTCOMES))
    print(f"{sum(totals.values())} inputs in {time.monotonic() - started:.0f} s")
    for outcome, items in bad.items():
        print(f"\n{outcome}: {len(items)}")
        for kind, path, detail in items[:8]:
            print(f"  {kind} {path}\n    {str(detail)[-600:]}")
    return 0 if all(totals[o] == 0 for o in OUTCOMES[2:]) else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per input (default 30)")
    parser.add_argument("--memory-mb", type=int, default=2048, help="address space per worker (default 2048)")
    parser.add_argument("--keep", type=Path, help="copy the first bad inputs of each outcome here")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.memory_mb)
        return 0
    return run(args.count, args.seed, args.workers, args.timeout, args.memory_mb, args.keep)


if __name__ == "__main__":
    sys.exit(main())
