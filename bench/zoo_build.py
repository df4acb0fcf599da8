"""Build a zoo: generate reports, render them, push them through the converters, write truth files."""
from __future__ import annotations

import json
import random
import shutil
import subprocess
from collections import Counter
from pathlib import Path

from bench.zoo_convert import CODEC, LO_TEXT_ENCODINGS, ROUTES, Route, lo_convert, run_tool
from bench.zoo_render import web_page, word_document
from bench.zoo_tables import ZooReport, generate


def _label(route: Route, encoding: str) -> str:
    """The encoding as the score tables print it."""
    return LO_TEXT_ENCODINGS[encoding][0] if encoding in LO_TEXT_ENCODINGS else encoding


def output_name(report: ZooReport, route: Route, encoding: str) -> str:
    suffix = f"-{_label(route, encoding)}" if len(route.encodings) > 1 else ""
    return f"{report.name}-{route.name}{suffix}.{route.ext}"


def output_text(path: Path, encoding: str) -> str | None:
    """The text of an output, for the lost-number check (None: not checked)."""
    if path.suffix == ".pdf":
        if shutil.which("pdftotext"):
            return subprocess.run(["pdftotext", str(path), "-"], capture_output=True).stdout.decode("utf-8", "replace")
        return None
    if encoding == "binary":
        return None
    label = LO_TEXT_ENCODINGS[encoding][1] if encoding in LO_TEXT_ENCODINGS else CODEC.get(encoding, "utf-8")
    return path.read_bytes().decode(label, "replace")


def lost_numbers(report: ZooReport, text: str) -> list[str]:
    """Non-zero numbers the report prints that the converter's text no longer holds."""
    text = text.replace("\\", "")  # markdown escapes: 29\\.05
    return sorted({n for n in report.nonzero_printed() if n not in text}, key=len)


def build(target: Path, seed: int, count: int, per_report: int, only=(), log=print) -> dict:
    """Write the zoo into target; `only` limits the converters to those named."""
    target.mkdir(parents=True, exist_ok=True)
    work = target / ".work"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir()
    rng = random.Random(seed * 7919 + 1)
    reports = generate(seed, count)
    routes = [r for r in ROUTES if r.available() and (not only or r.name in only)]
    missing_tools = sorted({r.tool for r in ROUTES if not r.available()})
    if not shutil.which("soffice"):
        routes = [r for r in routes if r.source not in ("pdf", "doc")]
    order = routes[:]
    rng.shuffle(order)
    k = min(per_report, len(order))
    plan: list[tuple[ZooReport, Route, str]] = []
    charsets: dict[str, str] = {}
    for i, report in enumerate(reports):
        charsets[report.name] = rng.choice(("utf-8", "gbk"))
        for j in range(k):
            route = order[(i * k + j) % len(order)]
            encoding = charsets[report.name] if route.name == "web" else rng.choice(route.encodings)
            plan.append((report, route, encoding))
    log(f"{len(reports)} reports, {len(plan)} planned outputs over {len(routes)} converters")

    pages: dict[str, str] = {}
    for report in reports:
        charset = charsets[report.name]
        declared = charset if charset == "utf-8" else rng.choice(("gb2312", "gbk"))
        pages[report.name] = web_page(report, declared, rng)
        (work / f"{report.name}.html").write_bytes(pages[report.name].encode(charset))
        word_document(report, work / f"{report.name}.docx")

    def needs(source: str) -> list[ZooReport]:
        names = {rep.name for rep, route, _ in plan if route.source == source}
        return [rep for rep in reports if rep.name in names]

    sources = {("web", rep.name): work / f"{rep.name}.html" for rep in reports}
    sources.update({("word", rep.name): work / f"{rep.name}.docx" for rep in reports})
    for source, fmt in (("pdf", "pdf:writer_pdf_Export"), ("doc", "doc:MS Word 97")):
        todo = needs(source)
        if todo:
            log(f"LibreOffice: {len(todo)} .docx -> {source}")
            lo_convert([work / f"{rep.name}.docx" for rep in todo], fmt, work / source)
            sources.update({(source, rep.name): work / source / f"{rep.name}.{source}" for rep in todo})

    # LibreOffice routes: one call per (route, charset) over every report that takes it
    written: dict[tuple[str, str, str], Path] = {}
    lo_jobs = Counter((route.name, enc) for _, route, enc in plan if route.lo_filter)
    for (name, enc), n in sorted(lo_jobs.items()):
        route = next(r for r in routes if r.name == name)
        todo = [rep for rep, r, e in plan if r.name == name and e == enc]
        outdir = work / "lo" / f"{name}-{_label(route, enc)}"
        log(f"LibreOffice: {n} {route.source} -> {name} {_label(route, enc)}")
        lo_convert([sources[(route.source, rep.name)] for rep in todo], route.lo_filter.format(enc=enc), outdir)
        for rep in todo:
            made = outdir / f"{rep.name}.{route.ext}"
            if made.exists():
                written[(rep.name, name, enc)] = made

    outputs, skipped = [], []
    for report, route, encoding in plan:
        out = target / output_name(report, route, encoding)
        if route.lo_filter:
            made = written.get((report.name, route.name, encoding))
            if made is None:
                skipped.append({"file": out.name, "why": "LibreOffice made no file"})
                continue
            shutil.move(str(made), out)
        else:
            source = sources.get((route.source, report.name))
            if source is None or not source.exists():
                skipped.append({"file": out.name, "why": f"no {route.source} source"})
                continue
            data = run_tool(route, source, pages[report.name], charsets[report.name], encoding,
                            lambda options: rng.choice(options))
            out.write_bytes(data)
        text = output_text(out, encoding)
        lost = lost_numbers(report, text) if text is not None else []
        if text is not None and not text.strip():
            lost = ["(empty output)"]
        if lost:
            skipped.append({"file": out.name, "why": "converter lost numbers: " + " ".join(lost[:8])})
            out.unlink()
            continue
        layout = f"{route.name} ({_label(route, encoding)}) of the {route.source} rendering; zeros as {report.zero_style}"
        truth = report.truth(layout)
        truth["zoo"] = {"converter": route.name, "encoding": _label(route, encoding), "source": route.source,
                       "zeros": report.zero_style}
        out.with_suffix(".json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        outputs.append(out.name)

    manifest = {"seed": seed, "reports": len(reports), "per_report": k, "outputs": len(outputs),
                "per_converter": dict(sorted(Counter(_converter(n) for n in outputs).items())),
                "missing_tools": missing_tools, "skipped": skipped}
    (target / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return manifest


def _converter(file_name: str) -> str:
    stem = file_name.rsplit(".", 1)[0]
    name = stem.split("-", 1)[1]
    for route in sorted(ROUTES, key=lambda r: -len(r.name)):
        if name == route.name or name.startswith(route.name + "-"):
            return route.name
    return name
