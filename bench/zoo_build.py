"""Build a zoo: generate reports, render them, push them through the converters, write truth files."""
from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bench.zoo_convert import LO_TEXT_ENCODINGS, ROUTES, Route, lo_convert, run_tool, site_text_parts
from bench.zoo_pdf import pdf_variant, rl_pdf
from bench.zoo_render import page_layout, web_page, word_document
from bench.zoo_sites import site_page
from bench.zoo_tables import FULL_WIDTH, ZooReport, add_quirks, generate, number_text


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
    codec = LO_TEXT_ENCODINGS[encoding][1] if encoding in LO_TEXT_ENCODINGS else encoding
    return path.read_bytes().decode(codec, "replace")


def lost_numbers(report: ZooReport, text: str) -> list[str]:
    """Numbers the report prints that the converter's text no longer holds.

    Counted, not looked up: each printed number needs an occurrence of its own among the text's
    runs of digits, so a number printed in three cells needs three (a table dropped whole still
    leaves its small numbers somewhere in the prose and the headings). A converter may glue
    cells into one run ("5222" for 52 and 22), so a run may hold several numbers side by side,
    each in its own stretch. A signed number ("+3", "-417") needs its sign before it. A cell printing
    "0" needs its own 0 too: a dropped table of zeros loses numbers like any other. The numbers
    of the title and the prose (years, dates, 共收到申请N件) need their own occurrences too, so that
    they cannot stand in for the cells of a table the converter dropped.

    The answer lists the table's numbers and the prose's that found no place."""
    text = text.replace("\\", "")  # markdown escapes: 29\\.05
    if report.quirks:  # full-width digits count as the digits they are
        text = text.translate(FULL_WIDTH)
    runs = tuple((m.start(), m.group()) for m in _DIGIT_RUN.finditer(text))
    prose = [m.group().rstrip(".,") for paragraph in [report.title] + [p for ps in report.prose.values() for p in ps]
             for m in _DIGIT_RUN.finditer(paragraph)]
    zeros = ["0" for cell in report.printed.values() if number_text(cell)[0] == "0"]  # a dropped table of zeros is lost too
    wanted = report.nonzero_printed() + zeros + [n for n in prose if n.strip("0.,")]
    wanted.sort(key=lambda n: (-len(n.lstrip("+-")), n))
    lost = _place_greedily(wanted, runs, text)
    nowhere = any(not _places(n, runs, text)[0] for n in lost)  # lost whatever the order
    if lost and not nowhere and _place_all(wanted, runs, text, [_SEARCH_STEPS]):
        return []  # the greedy order went wrong; another order places every number
    return sorted(set(lost), key=lambda n: (len(n), n))


_DIGIT_RUN = re.compile(r"[0-9][0-9.,]*")
_SEARCH_STEPS = 20000  # placements tried before the greedy answer stands


def _places(printed: str, pieces, text: str):
    """Where a printed number can sit among the unused stretches of runs, tightest fit first:
    (index of the stretch, offset in it)."""
    sign, body = (printed[0], printed[1:]) if printed[0] in "+-" else ("", printed)
    found = []
    for index, (start, piece) in enumerate(pieces):
        at = piece.find(body)
        while at >= 0:
            if not sign or (start + at > 0 and text[start + at - 1] == sign):
                found.append((len(piece), at, index))
            at = piece.find(body, at + 1)
    return [(index, at) for _, at, index in sorted(found)], len(body)


def _cut(pieces, index: int, at: int, length: int):
    start, piece = pieces[index]
    rest = [(start, piece[:at]), (start + at + length, piece[at + length:])]
    return pieces[:index] + tuple(p for p in rest if p[1]) + pieces[index + 1:]


def _place_greedily(wanted: list[str], pieces, text: str) -> list[str]:
    lost = []
    for printed in wanted:
        places, length = _places(printed, pieces, text)
        if places:
            pieces = _cut(pieces, *places[0], length)
        else:
            lost.append(printed)
    return lost


def _place_all(wanted: list[str], pieces, text: str, budget: list[int]) -> bool:
    """Whether every number finds its own place (depth-first, within the budget of steps)."""
    if not wanted:
        return True
    places, length = _places(wanted[0], pieces, text)
    for index, at in places:
        budget[0] -= 1
        if budget[0] < 0:
            return False
        if _place_all(wanted[1:], _cut(pieces, index, at, length), text, budget):
            return True
    return False


@dataclass(frozen=True)
class Planned:
    report: ZooReport
    route: Route
    encoding: str

    @property
    def name(self) -> str:
        return output_name(self.report, self.route, self.encoding)


def build(target: Path, seed: int, count: int, per_report: int, only=(), log=print, pages: bool = False,
          quirks: bool = False) -> dict:
    """Write the zoo into target (a new or empty folder); `only` limits the converters to those named;
    `pages`: the Word documents print page numbers, repeat their tables' header rows and break
    the tables at varied rows (drawn from a random stream of their own: the rest of the zoo is
    the same as without); `quirks`: the reports get traits of real files (zoo_tables.add_quirks,
    from a random stream of their own too)."""
    if target.exists() and any(not p.name.startswith(".") for p in target.iterdir()):
        raise SystemExit(f"zoo build: {target} is not empty")
    work = target / ".work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    rng = random.Random(seed * 7919 + 1)
    reports = generate(seed, count)
    if quirks:
        traits = random.Random(seed * 7919 + 3)
        for report in reports:
            add_quirks(traits, report)
    routes = [r for r in ROUTES if r.available() and (r.name in only if only or r.opt_in else True)]
    if not shutil.which("soffice"):  # the .pdf and .doc are LibreOffice's
        routes = [r for r in routes if r.source not in ("pdf", "doc")]
    charsets, plan = _plan(reports, routes, per_report, rng)
    log(f"{len(reports)} reports, {len(plan)} planned outputs over {len(routes)} converters")
    layouts = random.Random(seed * 7919 + 2) if pages else None
    pages, sources = _render(reports, plan, charsets, work, rng, log, layouts)
    made_by_lo = _libreoffice(plan, sources, work, log)
    variants = random.Random(seed * 7919 + 4)  # rl-pdf's traits: a stream of their own


    outputs, skipped = [], []
    for item in plan:
        report, route, encoding = item.report, item.route, item.encoding
        out = target / item.name
        if route.lo_filter:
            made = made_by_lo.get(item.name)
            if made is None:
                skipped.append({"file": out.name, "why": "LibreOffice made no file"})
                continue
            shutil.move(str(made), out)
        elif route.source == "report":
            variant = pdf_variant(variants)
            out.write_bytes(rl_pdf(report, variant, variants.randrange(1 << 30)))
        elif route.source == "site":
            out.write_bytes(site_page(route.name, report, encoding, f"{seed}:{report.name}").encode(encoding))
        elif route.source == "sitetext":  # the site page, dumped by a text tool (own random stream)
            out.write_bytes(_site_text(route, report, seed, work))
        else:
            out.write_bytes(run_tool(route, sources[(route.source, report.name)], pages[report.name],
                                     charsets[report.name], encoding, lambda options: rng.choice(options)))
        text = output_text(out, encoding)
        if route.source == "site":  # a number cut by an editor's spans (1<span>2</span>) reads whole
            text = re.sub(r"<[^<>]*>", "", re.sub(r"</?(?:td|th|tr|p|div|br|table)\b[^<>]*>", "\n", text))
        lost = [] if text is None else lost_numbers(report, text) if text.strip() else ["(empty output)"]
        if lost:
            skipped.append({"file": out.name, "why": "converter lost numbers: " + " ".join(lost[:8])})
            out.unlink()
            continue
        label = _label(route, encoding)
        truth = report.truth(f"{route.name} ({label}) of the {route.source} rendering; zeros as {report.zero_style}")
        truth["zoo"] = {"converter": route.name, "encoding": label, "source": route.source, "zeros": report.zero_style}
        if quirks:
            truth["zoo"]["quirks"] = list(report.quirks)
        if route.source == "report":
            truth["zoo"]["variant"] = variant.traits()
        out.with_suffix(".json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        outputs.append(item)

    manifest = {"seed": seed, **({"pages": True} if layouts else {}), **({"quirks": True} if quirks else {}), "reports": len(reports), "per_report": per_report, "outputs": len(outputs),
                "per_converter": dict(sorted(Counter(o.route.name for o in outputs).items())),
                "missing_tools": sorted({r.tool for r in ROUTES if not r.available()}), "skipped": skipped}
    (target / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return manifest


def _site_text(route: Route, report: ZooReport, seed: int, work: Path) -> bytes:
    """A site route's page of the report pushed through a page-to-text tool, as UTF-8."""
    kind, tool = site_text_parts(route)
    choices = random.Random(f"{route.name}:{seed}:{report.name}")
    charset = choices.choice(("utf-8", "gbk"))
    page = site_page(kind, report, charset, f"{seed}:{report.name}")
    source = work / f"{report.name}-{kind}-{charset}.html"
    source.write_bytes(page.encode(charset))
    tool_route = next(r for r in ROUTES if r.name == tool)
    try:
        return run_tool(tool_route, source, page, charset, "utf-8", lambda options: choices.choice(options))
    except IndexError:  # html2text's pad_tables fails on some editor tables: the user turns it off
        return run_tool(tool_route, source, page, charset, "utf-8", lambda options: options[0])


def _plan(reports: list[ZooReport], routes: list[Route], per_report: int, rng: random.Random):
    """Each report's page charset, and its outputs: converters dealt round-robin, per_report each."""
    order = routes[:]
    rng.shuffle(order)
    k = min(per_report, len(order))
    charsets: dict[str, str] = {}
    plan: list[Planned] = []
    for i, report in enumerate(reports):
        charsets[report.name] = rng.choice(("utf-8", "gbk"))
        for j in range(k):
            route = order[(i * k + j) % len(order)]
            same_as_page = route.name == "web" or route.encodings == ("page",)
            encoding = charsets[report.name] if same_as_page else rng.choice(route.encodings)
            plan.append(Planned(report, route, encoding))
    return charsets, plan


def _render(reports, plan, charsets, work: Path, rng: random.Random, log, layouts: random.Random | None = None):
    """The web page and the Word document of every report, and the .pdf/.doc LibreOffice makes of it."""
    pages: dict[str, str] = {}
    sources: dict[tuple[str, str], Path] = {}
    for report in reports:
        charset = charsets[report.name]
        declared = charset if charset == "utf-8" else rng.choice(("gb2312", "gbk"))
        pages[report.name] = web_page(report, declared, rng)
        sources[("web", report.name)] = work / f"{report.name}.html"
        sources[("web", report.name)].write_bytes(pages[report.name].encode(charset))
        sources[("word", report.name)] = work / f"{report.name}.docx"
        word_document(report, sources[("word", report.name)], page_layout(layouts) if layouts else None)
    for source, target in (("pdf", "pdf:writer_pdf_Export"), ("doc", "doc:MS Word 97")):
        names = sorted({item.report.name for item in plan if item.route.source == source})
        if names:
            log(f"LibreOffice: {len(names)} .docx -> {source}")
            lo_convert([work / f"{name}.docx" for name in names], target, work / source)
            sources.update({(source, name): work / source / f"{name}.{source}" for name in names})
    return pages, sources


def _libreoffice(plan: list[Planned], sources, work: Path, log) -> dict[str, Path]:
    """The LibreOffice outputs, one call per (converter, charset) over every report that takes it."""
    made: dict[str, Path] = {}
    jobs = sorted({(item.route.name, item.encoding) for item in plan if item.route.lo_filter})
    for name, encoding in jobs:
        todo = [item for item in plan if item.route.name == name and item.encoding == encoding]
        route = todo[0].route
        outdir = work / "lo" / f"{name}-{_label(route, encoding)}"
        log(f"LibreOffice: {len(todo)} {route.source} -> {name} {_label(route, encoding)}")
        lo_convert([sources[(route.source, item.report.name)] for item in todo],
                   route.lo_filter.format(enc=encoding), outdir)
        for item in todo:
            if (outdir / f"{item.report.name}.{route.ext}").exists():
                made[item.name] = outdir / f"{item.report.name}.{route.ext}"
    return made
