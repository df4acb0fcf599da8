"""Suggestions on random 表三 tables glued as docx2txt prints them, each split by the rule that gave it.

Consistent tables (2019 or 2021, zeros printed as 0, as nothing or as a placeholder, each row's
run glued to the next label or not) go into a committed docx2txt output in place of its 表三, one
slip planted (±1, a digit dropped or swapped, a 总计 any other number; with --two, one in each of
two rows) or none (--none). Each report is parsed once and checked twice, with and without
core.check.glued_rows: a suggestion is "right" when it names a planted cell with its true value;
the others are listed with the seed, split "glued_rows" (new with it) or "other rules".

    python bench/glued_suggestions.py [--seed N] [--count TABLES] [--none | --two] [--blank]
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import core.check.rules as rules  # noqa: E402
from core.pipeline import load_report  # noqa: E402
from core.template import tables  # noqa: E402

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "converters"
BASE = {"2021": FIXTURES / "d2t602-r0039.docx2txt.txt", "2019": FIXTURES / "d2t602-r0006.docx2txt.txt"}
HEAD = ("三、收到和处理政府信息公开申请情况\n\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
        "申请人情况\n\n自然人\n法人或其他组织\n总计\n\n商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他\n\n")
GROUPS = {"granted": "三、本年度办理结果", "denied_state_secret": "（三）不予公开", "unable_not_held": "（四）无法提供",
          "not_processed_complaint": "（五）不予处理", "other_no_correction": "（六）其他处理"}
OUTER = ("new", "carried_over", "total", "carried_forward")


def _count(rng: random.Random) -> int:
    r = rng.random()
    return 0 if r < 0.55 else rng.randint(1, 9) if r < 0.85 else rng.randint(10, 99) if r < 0.95 else rng.randint(100, 2000)


def _table(rng: random.Random, version: str) -> dict[str, list[int]]:
    keys = [r.key for r in tables(version)["section3"].rows]
    results = [k for k in keys if k not in OUTER]
    v = {k: [0] * 7 for k in keys}
    for k in results:
        v[k][:6] = [_count(rng) for _ in range(6)]
    for c in range(6):
        v["total"][c] = sum(v[k][c] for k in results)
        v["carried_forward"][c] = _count(rng)
        went = v["total"][c] + v["carried_forward"][c]
        v["carried_over"][c] = rng.randint(0, went) if rng.random() < 0.4 else 0
        v["new"][c] = went - v["carried_over"][c]
    for k in keys:
        v[k][6] = sum(v[k][:6])
    return v


def _slip(rng: random.Random, value: int, last: bool):
    text = str(value)
    for _ in range(50):
        kind = rng.choice(["pm1", "drop", "swap"] + (["total"] if last else []))
        n = rng.randrange(len(text))
        new = {"pm1": str(max(0, value + rng.choice((-1, 1)))),
               "drop": text[:n] + text[n + 1:],
               "swap": text[:n] + text[n + 1:n + 2] + text[n] + text[n + 2:],
               "total": str(rng.randint(0, 3 * value + 10))}[kind]
        if new and (new == "0" or new[0] != "0") and new != text:
            return new
    return None


def _text(rng: random.Random, version: str, v: dict, printed: dict, blank: bool) -> str:
    style = "" if blank else rng.choice(["0", "", "-", "--", "mix"])
    body = HEAD
    for row in tables(version)["section3"].rows:
        if row.key in GROUPS and not (version == "2019" and row.key == "other_no_correction"):
            body += GROUPS[row.key] + "\n"
        cells = [printed.get((row.key, c)) or (str(x) if x else rng.choice(["0", "", "-", "--"]) if style == "mix" else style)
                 for c, x in enumerate(v[row.key])]
        body += row.label + "\n" + "".join(cells) + ("" if rng.random() < 0.5 else "\n\n")
    base = BASE[version].read_text(encoding="utf-8")
    return base[:base.index("三、收到和处理政府信息公开申请情况")] + body + "\n" + base[base.index("四、政府信息公开行政复议"):]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--none", action="store_true", help="plant no slip")
    parser.add_argument("--two", action="store_true", help="plant a slip in each of two rows")
    parser.add_argument("--blank", action="store_true", help="every zero printed as nothing")
    args = parser.parse_args()
    real = rules.glued_row_suggestion
    tally = {"tables": 0, "right": 0, "glued_rows": 0, "other rules": 0}
    for seed in range(args.seed, args.seed + args.count):
        rng = random.Random(seed)
        version = rng.choice(["2021", "2019"])
        v = _table(rng, version)
        rows = [r.key for r in tables(version)["section3"].rows]
        printed = {}
        for key in ([] if args.none else rng.sample(rows, 2 if args.two else 1)):
            c = rng.randrange(7)
            printed[(key, c)] = _slip(rng, v[key][c], c == 6)
        path = Path(tempfile.gettempdir()) / f"glued-suggestions-{seed}.docx2txt.txt"
        path.write_text(_text(rng, version, v, printed, args.blank), encoding="utf-8")
        report = load_report(path)
        path.unlink()
        found = {}
        for name, rule in (("other rules", lambda *a: None), ("glued_rows", real)):
            rules.glued_row_suggestion = rule
            found[name] = {(f.suggestion.cell, f.suggestion.value) for f in rules.check(report) if f.suggestion}
        rules.glued_row_suggestion = real
        tally["tables"] += 1
        columns = [c.key for c in tables(version)["section3"].rows[0].columns]
        for cell, value in found["glued_rows"]:
            _, key, column = cell.split(".")
            truth = v[key][columns.index(column)]
            if (key, columns.index(column)) in printed and printed[(key, columns.index(column))] and value == truth:
                tally["right"] += 1
                continue
            by = "other rules" if (cell, value) in found["other rules"] else "glued_rows"
            tally[by] += 1
            print(f"seed {seed} ({version}): {by} suggests {cell} = {value}, true value {truth}"
                  f"{'' if value == truth else ' (WRONG VALUE)'}; planted {printed}")
    print(tally)
    return 0


if __name__ == "__main__":
    sys.exit(main())
