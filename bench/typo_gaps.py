"""Planted typos the checks do not fix, over zoos, grouped by cause: the differential ones apart.

Each zoo report is one table pushed through several converters. A typo fixed on one converter's
output and not on another's is a gap of that converter's reading (or of the checks on it): the
table alone pins the typo there (differential). A typo fixed on no converter may be one the table
cannot pin: a 表四 group has one sum, a 表三 whose 总计 column is left empty has its column sums only,
a lone count's column is unknown where blanks leave no trace.

Per output not fixed, its cause, from the output and its truth:
- undetected: no finding names the typo's cell (table lost: its section not found);
- misread (the flag on the typo's row): the typo's cell not read as printed, or another cell of
  its table read wrong: the checks work on another table than the report's;
- read right: candidates (the finding names several cells, 仅凭表内数字无法确定), split by table and
  by an unfilled 总计 column; withheld (存疑, no value suggested); other.

    python bench/typo_gaps.py ZOO... [--jsonl FILE] [--save FILE] [--list CAUSE]

--save writes the parser's output (JSON Lines) of the typo outputs, --jsonl reads it back instead
of running the parser (the current checkout's `main.py extract`, as bench/zoo.py score runs it).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.zoo_score import default_command, load_scorer, run_parser  # noqa: E402

_COUNT_OFF = re.compile(r"印有\d+个数值")


def typo_cases(scorer, zoos: list[str]) -> list[tuple[Path, dict]]:
    """Each output with a visible planted typo, with its truth."""
    cases = []
    for zoo in zoos:
        for report, truth_file in scorer.find_cases([zoo]):
            truth = json.loads(truth_file.read_text(encoding="utf-8"))
            injected = truth.get("injected")
            if injected and injected.get("visible", True):
                cases.append((report, truth))
    return cases


def _flat(section: dict, prefix: str) -> dict:
    out = {}
    for key, value in (section or {}).items():
        if isinstance(value, dict):
            out.update(_flat(value, f"{prefix}{key}."))
        else:
            out[prefix + key] = value
    return out


def _row_flag(output: dict, cell: str) -> str:
    """What the parser said of the typo's row (or table), in a word."""
    row, table = cell.rsplit(".", 1)[0], cell.split(".")[0]
    messages = [f["message"] for f in output.get("flags") or [] if f["cell"] in (cell, row, table)]
    for word, kind in (("未印出数值", "row printing no values"), ("粘连", "glued digits"),
                       ("版面位置", "placed by position"), ("错位", "placed by order"), ("行序", "placed by order")):
        if any(word in m for m in messages):
            return kind
    if any(_COUNT_OFF.search(m) for m in messages):
        return "row printing more or fewer values than columns"
    return "other flag" if messages else "no flag"


def cause(truth: dict, output: dict | None, scored: dict) -> str:
    """Why a planted typo was not fixed (see the module's doc)."""
    injected = truth["injected"]
    cell = injected["cell"]
    table = cell.split(".")[0]
    output = output or {}
    if not scored.get("detected"):
        part = "第三部分" if table == "section3" else "第四部分"
        if any(part in p and "统计表" in p for p in output.get("problems") or []):
            return "undetected: table lost"
        return "undetected"
    got = _flat(output.get(table) or {}, table + ".")
    truth_cells = _flat(truth.get(table) or {}, table + ".")
    misread = got.get(cell) != injected["printed"] or any(
        p != cell and got.get(p) != want and not (want is None and got.get(p) in (None, 0))
        for p, want in truth_cells.items())
    if misread:
        return "misread: " + _row_flag(output, cell)
    naming = [f for f in output.get("findings") or [] if cell in (f.get("cells") or [])]
    if any("仅凭表内数字无法确定" in f["message"] for f in naming):
        if table == "section4":
            return "read right: candidates, 表四 group"
        unfilled = any("未填写（整列空白）" in f["message"] for f in output.get("findings") or [])
        return "read right: candidates, 表三" + (" 总计 column unfilled" if unfilled else "")
    if naming and all(f["severity"] == "doubt" for f in naming):
        return "read right: withheld (存疑)"
    return "read right: other"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("zoos", nargs="+")
    ap.add_argument("--jsonl", help="the parser's output of these zoos' typo outputs (from --save)")
    ap.add_argument("--save", help="write the parser's output of the typo outputs here (JSON Lines)")
    ap.add_argument("--list", default="", help="list the outputs of causes starting with this")
    ap.add_argument("--scorer", default=None, help="path of score.py (default ../shared/tools/score.py)")
    args = ap.parse_args(argv)
    scorer = load_scorer(args.scorer)
    cases = typo_cases(scorer, args.zoos)
    if args.jsonl:
        outputs = {}
        for line in Path(args.jsonl).read_text(encoding="utf-8").splitlines():
            o = json.loads(line)
            outputs[str(Path(o["file"]).resolve())] = o
    else:
        outputs = run_parser(scorer, default_command(), [f for f, _ in cases])
        if args.save:
            Path(args.save).write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in outputs.values()),
                                       encoding="utf-8")
    rows = []
    for report, truth in cases:
        output = outputs.get(str(report.resolve()))
        scored = scorer.score_one(truth, output)
        rows.append({"report": (report.parent.name, report.name[:5]), "file": f"{report.parent.name}/{report.name}",
                     "converter": (truth.get("zoo") or {}).get("converter", "?"), "fixed": bool(scored.get("fixed")),
                     "cause": None if scored.get("fixed") else cause(truth, output, scored)})
    fixed_somewhere = {row["report"] for row in rows if row["fixed"]}
    gaps = [row for row in rows if not row["fixed"]]
    print(f"{len(rows)} outputs with a planted typo, {len(gaps)} not fixed: "
          f"{sum(r['report'] in fixed_somewhere for r in gaps)} differential (fixed on another converter of the report)")
    by_cause: dict[str, list[dict]] = defaultdict(list)
    for row in gaps:
        by_cause[row["cause"]].append(row)
    print(f"\n{'cause':56s} {'diff':>5s} {'none':>5s}  converters (differential)")
    for name, group in sorted(by_cause.items(), key=lambda item: -len(item[1])):
        differential = [r for r in group if r["report"] in fixed_somewhere]
        top = Counter(r["converter"] for r in differential).most_common(4)
        print(f"{name:56s} {len(differential):5d} {len(group) - len(differential):5d}  "
              + ", ".join(f"{c} {n}" for c, n in top))
    if args.list:
        print()
        for row in gaps:
            if row["cause"].startswith(args.list):
                print(f"{row['file']}\t{row['cause']}\t{'differential' if row['report'] in fixed_somewhere else 'fixed nowhere'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
