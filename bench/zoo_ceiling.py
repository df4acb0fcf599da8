"""The zoo's ceiling: which cells of an output no parser can decide (issue 8).

Some converters drop a blank cell without trace (plain pdftotext, docx2txt, mammoth-md,
pdfplumber): 表二 「规章」 printed blank,3,0 comes out as "3 0" or "30" whether the 3 was issued or
repealed. A cell is undecidable when a *twin* table gives the same output byte for byte and is as
plausible by the template's equations: no reading of that output can be right for both tables.

For each output whose truth has blank cells this builds twins: tables equal to the truth except
that the printed texts move among the cells printed blank, each row's printed texts in the same
order:
  (a) within one row of 表二 or 表三, or within 表四's one printed row of fifteen cells (its three
      groups side by side, so moves of whole part columns across the groups are among them);
  (b) 表三's six requester columns permuted, wherever every row keeps the order of its texts;
  (c) moves in two rows of 表三 at once whose changes to the columns cancel (a 1 moving from 其他
      to 法律服务机构 in one row and back in another keeps every column sum);
  (d) where the converter glues a row's printed texts into one run (docx2txt: "行政处罚23602"),
      every other cut of that run into the row's cells: 236,0,2 or 23,60,2 or 2,360,2, each piece
      blank, a placeholder or a number its column can print (no leading zero but in 0 itself, a
      sign only in 本年增/减, decimals only in amounts), cuts breaking an equation within the row
      that the truth meets (表三's 总计, 表四's groups) pruned as they are made. A run counts as
      glued when the output holds it with no character a cell prints on either side, and only in
      an output holding at least half its runs so (a "10" in prose is no converter's glue).
A twin is kept when it fails no more of core/equations.py's equations than the truth does (the
equations a twin touches are the only ones that can change). It is rendered exactly as the
builder rendered the original (the build's random choices replayed: page charset, blank cell
text, <p> wrappers, w3m/lynx widths, html2text options) and pushed through the same converter;
an output equal byte for byte to the one in the zoo proves the cells the two tables print
differently (no answer the scorer accepts for both) undecidable. The original is rendered too: an
output it does not reproduce is left out of the proof (counted as "not reproduced").

Costs: twins are rendered in up to eight rounds, each aiming at cells no twin has proven yet,
fewest differing cells first; an output stops after `cap` twins (default 12) its converter
printed differently from the original, or after 4 * cap twins in all. An output with twins
left that could prove more cells is counted as "capped": its undecidable cells are a lower bound.
Outputs whose file keeps every cell's place (.docx, LibreOffice's .pdf and .doc) are not tried.
"""
from __future__ import annotations

import dataclasses
import json
import random
import re
import shutil
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations, permutations
from pathlib import Path

from bench.zoo_build import _plan
from bench.zoo_convert import LO_TEXT_ENCODINGS, ROUTES, Route, lo_convert, run_tool
from bench.zoo_render import web_page, word_document
from bench.zoo_tables import PLACEHOLDERS, ZooReport, generate
from core.equations import equations
from core.template import T3_PARTS, tables

CAP = 12  # twins per output its converter prints differently (4 * CAP rendered at most)
ROUNDS = 8
_ROW_LIMIT = 20000  # placements enumerated per row (表四: C(15, 7) = 6435)
# run_tool's random choices per route, in the order it asks them (the build's rng is replayed)
_TOOL_CHOICES = {"w3m": ((80, 132, 200),), "lynx": ((80, 132, 200),), "html2text": ((0, 78), (False, True))}
_PDF, _DOC = "pdf:writer_pdf_Export", "doc:MS Word 97"


@dataclass(frozen=True)
class Recipe:
    """How the builder made one output."""
    report: ZooReport
    route: Route
    encoding: str
    charset: str  # the page's bytes
    declared: str  # the charset the page declares
    page_state: tuple  # the build rng's state when the page was drawn
    choices: tuple  # run_tool's answers


@dataclass(frozen=True)
class Twin:
    change: tuple[tuple[str, str], ...]  # (cell, printed text) that differ from the truth
    differ: frozenset[str]  # cells no answer is right for in both tables


@dataclass
class Job:
    name: str
    recipe: Recipe
    stored: bytes
    left: list[Twin]  # twins not rendered yet
    tried: int = 0
    identical: int = 0
    proven: set[str] = field(default_factory=set)
    reproduced: bool | None = None


# --- replaying the build --------------------------------------------------------------------------

def _route_of(file_name: str) -> str | None:
    if "-" not in file_name:
        return None
    rest = file_name.split("-", 1)[1].rsplit(".", 1)[0]
    labels = {LO_TEXT_ENCODINGS[e][0] if e in LO_TEXT_ENCODINGS else e for r in ROUTES for e in r.encodings}
    for route in sorted(ROUTES, key=lambda r: -len(r.name)):
        if rest == route.name or (rest.startswith(route.name + "-") and rest[len(route.name) + 1:] in labels):
            return route.name
    return None


def replay(target: Path) -> dict[str, Recipe]:
    """Every planned output of the zoo (by file name) and how the builder made it."""
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    seen = {p.name for p in target.iterdir() if p.is_file() and p.suffix != ".json"} | {s["file"] for s in manifest["skipped"]}
    names = {_route_of(name) for name in seen}
    routes = [r for r in ROUTES if r.name in names]  # build's order: ROUTES filtered
    rng = random.Random(manifest["seed"] * 7919 + 1)
    reports = generate(manifest["seed"], manifest["reports"])
    charsets, plan = _plan(reports, routes, manifest["per_report"], rng)
    declared, states = {}, {}
    for report in reports:  # zoo_build._render's draws
        charset = charsets[report.name]
        declared[report.name] = charset if charset == "utf-8" else rng.choice(("gb2312", "gbk"))
        states[report.name] = rng.getstate()
        web_page(report, declared[report.name], rng)
    recipes = {}
    for item in plan:  # zoo_build.build's output loop: run_tool draws, LibreOffice does not
        choices = () if item.route.lo_filter else \
            tuple(rng.choice(options) for options in _TOOL_CHOICES.get(item.route.name, ()))
        recipes[item.name] = Recipe(item.report, item.route, item.encoding, charsets[item.report.name],
                                    declared[item.report.name], states[item.report.name], choices)
    return recipes


# --- twins ----------------------------------------------------------------------------------------

def _value(text: str):
    return None if not text or text in PLACEHOLDERS else float(text.replace(",", ""))


def _disjoint(a: str, b: str) -> bool:
    """No answer the scorer accepts for a cell printing a is accepted for one printing b (a blank or
    placeholder accepts null or 0)."""
    x, y = _value(a), _value(b)
    if x is None or y is None:
        return (x or 0) != (y or 0)
    return abs(x - y) > 1e-6


def _rows(version: str) -> list[tuple[str, ...]]:
    """The runs of cells a converter prints in order: each row of 表二 and 表三, 表四's one row."""
    t = tables(version)
    runs = [tuple(f"{s}.{row.key}.{c.key}" for c in row.columns) for s in ("section2", "section3")
            for row in t[s].rows]
    runs.append(tuple(f"section4.{g.key}.{c.key}" for g in t["section4"].rows for c in g.columns))
    return runs


# a cell's text as its column's kind prints it (bench/zoo_tables: thousands separators in 表二 counts)
_NUMBER = {"count": re.compile(r"0|[1-9]\d*|[1-9]\d{0,2}(?:,\d{3})+"),
           "amount": re.compile(r"(?:0|[1-9]\d*)(?:\.\d+)?"),
           "signed": re.compile(r"0|[+-]?[1-9]\d*")}


def _kinds(version: str) -> dict[str, str]:
    return {f"{s}.{row.key}.{c.key}": c.kind for s, table in tables(version).items() for row in table.rows
            for c in row.columns}


_CELL_CHARS = "[" + re.escape("0123456789.,+-" + "".join(PLACEHOLDERS)) + "]"


def glued_runs(report: ZooReport, text: str) -> frozenset[tuple[str, ...]]:
    """The runs with a digit whose printed texts, two or more, the output holds glued together,
    when it holds at least half of the runs printing numbers only so (converters reprint
    placeholders: docx2txt's " --" for "—"), or of all runs if every one prints a placeholder:
    a run met by chance (a 1 and a 0 in a prose "10件") is no converter's glue and would only
    cost twins."""
    plain, every, glued = [], [], []
    for cells in _rows(report.version):
        texts = [report.printed[p] for p in cells if report.printed[p]]
        run = "".join(texts)
        if len(texts) < 2 or not any(c.isdigit() for c in run):
            continue
        # nothing a cell prints on either side of the run, but a numbered label ("2.") after it
        found = re.search(rf"(?<!{_CELL_CHARS}){re.escape(run)}(?!(?!\d[.、]){_CELL_CHARS})", text)
        if found:
            glued.append(cells)
        every.append(bool(found))
        if not any(t in PLACEHOLDERS for t in texts):
            plain.append(bool(found))
    judged = plain or every
    return frozenset(glued) if judged and 2 * sum(judged) >= len(judged) else frozenset()


def _row_cuts(printed: dict[str, str], cells: tuple[str, ...], kinds: dict[str, str], version: str):
    """Every other cut of the row's printed texts, glued into one run, into its cells that keeps
    each equation within the row the truth meets (表三's 总计, 表四's groups; the cuts that break one
    are pruned as they are made)."""
    run = "".join(printed[p] for p in cells)
    n = len(cells)
    at = {p: i for i, p in enumerate(cells)}
    numbers = {p: _value(printed[p]) or 0 for p in cells}
    ending = defaultdict(list)  # cell index -> the equations within the row it completes
    for e in equations(version):
        if all(p in at for p in e.cells) and abs(sum(map(numbers.get, e.left)) - sum(map(numbers.get, e.right))) < 1e-6:
            ending[max(at[p] for p in e.cells)].append(e)

    def fits(piece: str, cell: str) -> bool:
        return not piece or piece in PLACEHOLDERS or bool(_NUMBER[kinds[cell]].fullmatch(piece))

    # cuttable[i][start]: run[start:] can be cut into cells i.. (so no branch is a dead end)
    cuttable = [[False] * (len(run) + 1) for _ in range(n + 1)]
    cuttable[n][len(run)] = True
    for i in range(n - 1, -1, -1):
        for start in range(len(run) + 1):
            cuttable[i][start] = any(cuttable[i + 1][end] and fits(run[start:end], cells[i])
                                     for end in range(start, len(run) + 1))
    values: dict[str, float] = {}
    count = 0

    def cut(i: int, start: int, pieces: list[str]):
        nonlocal count
        if i == n:
            count += 1
            yield {p: t for p, t in zip(cells, pieces) if t != printed[p]}
            return
        for end in range(start, len(run) + 1):
            if count >= _ROW_LIMIT:
                return
            piece = run[start:end]
            if not (cuttable[i + 1][end] and fits(piece, cells[i])):
                continue
            values[cells[i]] = _value(piece) or 0
            if all(abs(sum(map(values.get, e.left)) - sum(map(values.get, e.right))) < 1e-6 for e in ending[i]):
                yield from cut(i + 1, end, pieces + [piece])

    if run and cuttable[0][0]:
        yield from (change for change in cut(0, 0, []) if change)


def _row_moves(printed: dict[str, str], cells: tuple[str, ...]):
    texts = [printed[p] for p in cells]
    tokens = [t for t in texts if t]
    if not tokens or len(tokens) == len(cells):
        return
    for n, spots in enumerate(combinations(range(len(cells)), len(tokens))):
        if n >= _ROW_LIMIT:
            return
        new = [""] * len(cells)
        for spot, token in zip(spots, tokens):
            new[spot] = token
        yield {p: t for p, t, old in zip(cells, new, texts) if t != old}


def _column_moves(printed: dict[str, str], version: str):
    """表三's six part columns permuted wherever every row prints its texts in the same order."""
    rows = [row.key for row in tables(version)["section3"].rows]
    grid = {r: [printed[f"section3.{r}.{part}"] for part in T3_PARTS] for r in rows}
    for order in permutations(range(len(T3_PARTS))):
        moved = {r: [texts[i] for i in order] for r, texts in grid.items()}
        if moved == grid or any([t for t in moved[r] if t] != [t for t in grid[r] if t] for r in rows):
            continue
        yield {f"section3.{r}.{part}": moved[r][i] for r in rows for i, part in enumerate(T3_PARTS)
               if moved[r][i] != grid[r][i]}


def _paired_moves(printed: dict[str, str], version: str):
    """Moves in two rows of 表三 at once whose changes to the columns cancel (one row's value moves
    right while another's moves left by as much, or both rows on opposite sides of an equation move
    alike): the column equations a single move breaks may hold again."""
    keyed = defaultdict(list)
    for row in tables(version)["section3"].rows:
        cells = tuple(f"section3.{row.key}.{c.key}" for c in row.columns)
        for change in _row_moves(printed, cells):
            delta = tuple((_value(change.get(p, printed[p])) or 0) - (_value(printed[p]) or 0) for p in cells)
            if any(delta):
                keyed[delta].append((row.key, change))
    for delta, moves in keyed.items():
        opposite = tuple(-d for d in delta)
        for n, (row, change) in enumerate(moves):
            partners = moves[n + 1:] + (keyed.get(opposite, []) if delta < opposite else [])
            for other_row, other in partners:
                if other_row != row:
                    yield {**change, **other}


def twins(report: ZooReport, glued: frozenset[tuple[str, ...]] = frozenset()) -> list[Twin]:
    """The twins of a report as plausible as it by the equations, fewest differing cells first;
    `glued`: the runs its converter prints as one run of characters (glued_runs)."""
    printed = report.printed
    if "" not in printed.values() and not glued:
        return []
    numbers = {p: _value(t) or 0 for p, t in printed.items()}
    by_cell = defaultdict(list)
    for equation in equations(report.version):
        for p in equation.left + equation.right:
            by_cell[p].append(equation)

    def failing(eqs, values) -> int:
        return sum(abs(sum(values(p) for p in e.left) - sum(values(p) for p in e.right)) > 1e-6 for e in eqs)

    kinds = _kinds(report.version)
    moves = [m for cells in _rows(report.version)
             for m in (_row_cuts(printed, cells, kinds, report.version) if cells in glued else _row_moves(printed, cells))]
    moves += list(_column_moves(printed, report.version))
    moves += list(_paired_moves(printed, report.version))
    found, seen = [], set()
    for change in moves:
        key = tuple(sorted(change.items()))
        differ = frozenset(p for p, t in change.items() if _disjoint(printed[p], t))
        if not differ or key in seen:
            continue
        seen.add(key)
        touched = {e for p in change for e in by_cell[p]}
        if failing(touched, lambda p: _value(change[p]) or 0 if p in change else numbers[p]) \
                > failing(touched, numbers.__getitem__):
            continue
        found.append(Twin(key, differ))
    found.sort(key=lambda t: (len(t.differ), len(t.change), t.change))
    return found


# --- rendering and converting ---------------------------------------------------------------------

class Renderer:
    """Renders tables (the truth's or a twin's) the builder's way, converting in batches."""

    def __init__(self, work: Path):
        self.work = work
        self.sources: dict[tuple, Path] = {}
        self.pages: dict[tuple, str] = {}
        self.count = 0

    def _key(self, report: ZooReport, change) -> tuple:
        return report.name, change

    def source(self, recipe: Recipe, change) -> Path:
        """The rendered web page or .docx of the report with the change (made once per table)."""
        report = recipe.report
        kind = "web" if recipe.route.source == "web" else "word"
        key = (kind,) + self._key(report, change)
        if key not in self.sources:
            twin = dataclasses.replace(report, printed={**report.printed, **dict(change)})
            self.count += 1
            stem = f"{report.name}-{self.count}"
            if kind == "web":
                rng = random.Random()
                rng.setstate(recipe.page_state)
                page = web_page(twin, recipe.declared, rng)
                path = self.work / "web" / f"{stem}.html"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(page.encode(recipe.charset))
                self.pages[key] = page
            else:
                path = self.work / "word" / f"{stem}.docx"
                path.parent.mkdir(parents=True, exist_ok=True)
                word_document(twin, path)
            self.sources[key] = path
        return self.sources[key]

    def outputs(self, wanted: list[tuple[Recipe, tuple]], batch: int) -> list[bytes | None]:
        """The converter output of each (recipe, change)."""
        primary = [self.source(recipe, change) for recipe, change in wanted]
        derived: dict[tuple[str, Path], Path] = {}
        for target in (_PDF, _DOC):
            source = "pdf" if target == _PDF else "doc"
            docs = sorted({p for (r, _), p in zip(wanted, primary) if r.route.source == source})
            outdir = self.work / f"{source}-{batch}"
            if docs:
                lo_convert(docs, target, outdir)
            derived.update({(source, p): outdir / f"{p.stem}.{source}" for p in docs})
        sources = [derived.get((r.route.source, p), p) for (r, _), p in zip(wanted, primary)]
        made: dict[int, Path] = {}
        for job_target in sorted({r.route.lo_filter.format(enc=r.encoding) for r, _ in wanted if r.route.lo_filter}):
            todo = [i for i, (r, _) in enumerate(wanted) if r.route.lo_filter
                    and r.route.lo_filter.format(enc=r.encoding) == job_target]
            outdir = self.work / f"lo-{batch}-{abs(hash(job_target))}"
            lo_convert(sorted({sources[i] for i in todo}), job_target, outdir)
            for i in todo:
                made[i] = outdir / f"{sources[i].stem}.{wanted[i][0].route.ext}"
        out: list[bytes | None] = []
        for i, (recipe, change) in enumerate(wanted):
            if recipe.route.lo_filter:
                out.append(made[i].read_bytes() if made[i].exists() else None)
                continue
            if not sources[i].exists():
                out.append(None)
                continue
            answers = iter(recipe.choices)
            kind = "web" if recipe.route.source == "web" else "word"
            page = self.pages.get((kind,) + self._key(recipe.report, change), "")
            out.append(run_tool(recipe.route, sources[i], page, recipe.charset, recipe.encoding,
                                lambda options: next(answers)))
        return out


def _text(output: bytes, recipe: Recipe) -> str:
    """The output as text, in the character set it was written in."""
    codec = recipe.charset if recipe.encoding == "page" else recipe.encoding
    try:
        return output.decode(codec, errors="replace")
    except LookupError:
        return output.decode("utf-8", errors="replace")


def _pick(job: Job, cap: int) -> list[Twin]:
    """Untried twins that aim at cells no twin has proven yet, one twin per open cell this round,
    within the budget: `cap` twins printed differently, 4 * cap twins in all."""
    room = min(cap - (job.tried - job.identical), 4 * cap - job.tried)
    aimed, picked = set(), []
    for twin in job.left:
        if len(picked) >= room:
            break
        if twin.differ - job.proven - aimed:
            picked.append(twin)
            aimed |= twin.differ
    job.left = [t for t in job.left if t not in picked]
    return picked


def _open(job: Job) -> bool:
    """Whether an untried twin could still prove a cell."""
    return any(twin.differ - job.proven for twin in job.left)


def ceiling(target: Path, only=(), cap: int = CAP, log=print) -> dict[str, dict]:
    """Per output of the zoo: its undecidable cells and how they were found."""
    recipes = replay(target)
    jobs: list[Job] = []
    result: dict[str, dict] = {}
    for name, recipe in sorted(recipes.items()):
        path = target / name
        if not path.exists() or (only and recipe.route.name not in only):
            continue
        entry = {"converter": recipe.route.name, "template": recipe.report.version, "undecidable": [],
                 "twins": 0, "tried": 0, "identical": 0, "status": "no blank cells"}
        result[name] = entry
        if recipe.encoding == "binary":
            entry["status"] = "keeps cell places"
            continue
        stored = path.read_bytes()
        found = twins(recipe.report, glued_runs(recipe.report, _text(stored, recipe)))
        entry["twins"] = len(found)
        if found:
            jobs.append(Job(name, recipe, stored, found))
            entry["status"] = "tried"
        elif "" in recipe.report.printed.values():
            entry["status"] = "no plausible twin"
    log(f"ceiling: {len(result)} outputs, {len(jobs)} with twins, "
        f"{sum(len(j.left) for j in jobs)} twins")
    work = Path(tempfile.mkdtemp(prefix="zoo-ceiling-"))
    try:
        renderer = Renderer(work)
        for round_no in range(ROUNDS):
            picks = [(job, twin) for job in jobs if job.reproduced is not False for twin in _pick(job, cap)]
            originals = [job for job in jobs if job.reproduced is None]
            if not picks and not originals:
                break
            wanted = [(job.recipe, ()) for job in originals] + [(job.recipe, twin.change) for job, twin in picks]
            log(f"  round {round_no + 1}: {len(originals)} originals, {len(picks)} twins")
            made = renderer.outputs(wanted, round_no)
            for job, output in zip(originals, made):
                job.reproduced = output == job.stored
            for (job, twin), output in zip(picks, made[len(originals):]):
                job.tried += 1
                if output == job.stored:
                    job.identical += 1
                    job.proven |= twin.differ
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for job in jobs:
        entry = result[job.name]
        entry.update(tried=job.tried, identical=job.identical, undecidable=sorted(job.proven))
        if not job.reproduced:
            entry.update(status="not reproduced", undecidable=[])
        elif _open(job):
            entry["status"] = "capped"
    return result


# --- the report -----------------------------------------------------------------------------------

def ceiling_tables(result: dict[str, dict], rows: list[dict]) -> list[str]:
    """Per converter, per template and ALL: cells, undecidable cells, and the decidable cells right
    (the scorer's rows joined by file name)."""
    scored = {row["file"]: row for row in rows}
    lines = ["tried: outputs with twins rendered; unrep: originals not reproduced; twins: rendered; same: byte "
             "for byte alike; cells%: right (score); undec: cells proven undecidable; ceil%: decidable cells; "
             "wr-und / wr-dec: wrong cells among the undecidable / decidable; dec%: decidable cells right", ""]
    for group in ("converter", "template"):
        sums: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for name, entry in result.items():
            row = scored.get(name)
            if row is None:
                continue
            undecidable = set(entry["undecidable"])
            wrong = {path for path, *_ in row["wrong"]}
            for key in (entry[group], "ALL"):
                s = sums[key]
                s["files"] += 1
                s["tried"] += entry["status"] in ("tried", "capped")
                s["capped"] += entry["status"] == "capped"
                s["unreproduced"] += entry["status"] == "not reproduced"
                s["twins"] += entry["tried"]
                s["identical"] += entry["identical"]
                s["cells"] += row["counts"]["cells"]
                s["right"] += row["counts"]["right"]
                s["undecidable"] += len(undecidable)
                s["wrong_undecidable"] += len(wrong & undecidable)
                s["wrong_decidable"] += len(wrong - undecidable)
        head = (f"{group:22s} {'files':>5s} {'tried':>5s} {'capped':>6s} {'unrep':>5s} {'twins':>6s} {'same':>5s} "
                f"{'cells':>7s} {'cells%':>6s} {'undec':>5s} {'ceil%':>6s} {'wr-und':>6s} {'wr-dec':>6s} {'dec%':>7s}")
        lines += [head, "-" * len(head)]
        for key in sorted(k for k in sums if k != "ALL") + ["ALL"]:
            s = sums[key]
            decidable = s["cells"] - s["undecidable"]
            lines.append(
                f"{key:22s} {s['files']:5d} {s['tried']:5d} {s['capped']:6d} {s['unreproduced']:5d} {s['twins']:6d} "
                f"{s['identical']:5d} {s['cells']:7d} {_pct(s['right'], s['cells'])} {s['undecidable']:5d} "
                f"{_pct(decidable, s['cells'])} {s['wrong_undecidable']:6d} {s['wrong_decidable']:6d} "
                f"{_pct(decidable - s['wrong_decidable'], decidable, 3)}")
        lines.append("")
    return lines


def wrong_decidable(result: dict[str, dict], rows: list[dict]) -> list[str]:
    """Every wrong cell no twin proved undecidable, as zoo.py score --details prints it."""
    lines = []
    for row in rows:
        entry = result.get(row["file"])
        if entry is None:
            continue
        for path, want, got, kind in row["wrong"]:
            if path not in entry["undecidable"]:
                lines.append(f"{row['file']}: {kind} {path}: truth {want!r}, got {got!r} ({entry['status']})")
    return lines


def _pct(part: int, whole: int, places: int = 2) -> str:
    return f"{100.0 * part / whole:6.{places}f}" if whole else "     -"
