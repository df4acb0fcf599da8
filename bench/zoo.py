"""The converter zoo: seeded reports with known truth, through the converters people use, scored.

    python bench/zoo.py build DIR [--seed N] [--count REPORTS] [--per-report ROUTES] [--pages] [--quirks]
    python bench/zoo.py score DIR [--run CMD] [--converters lynx,w3m] [--details]
    python bench/zoo.py ceiling DIR [--cap TWINS] [--converters docx2txt] [--details]

`build` generates consistent 2021 and 2019 reports (half of them with one planted typo), renders
each as a government web page and a Word document, and pushes them through the installed
converters (LibreOffice, pdftotext, pdfplumber, pandoc, docx2txt, mammoth, w3m, lynx, html2text,
antiword, catdoc); every output gets its truth JSON beside it. Each report goes through
--per-report converters, dealt round-robin so every converter gets its share. DIR/manifest.json
lists the outputs per converter, the converters not installed and the outputs skipped because
the converter lost numbers. Opt-in converters, built only when named with --converters: two save
the web page as a .txt (web-source-txt) or with its article inside a script string (web-script-txt);
one draws the report as a PDF the way Word, WPS and print-to-PDF drivers do (rl-pdf, with reportlab:
bench/zoo_pdf.py; each output's traits in its truth's zoo.variant, and `score` prints a table per
trait); four render the report as real sites publish it (bench/zoo_sites.py): Word's web page
(word-html), a WPS spreadsheet's (wps-html), a CMS editor's article in a site's page full of other
numbers (cms-html), and tables split at blocks or page breaks (split-html).
--pages makes the Word documents cross pages as printed ones do: page numbers in the footer and
the tables' header rows repeated on every page (bench/zoo_render.py's PageLayout). --quirks
gives the reports traits of real files the plain zoo lacks (zoo_tables.add_quirks: units in cells,
full-width digits, separators in 表三/表四, 表三's 总计 column empty, rows of 6 or 8 values, a footnote's
mark after a count); `score`
then also prints a table per trait (a file counts under each of its traits).

`score` runs the parser of the current directory's checkout (`python main.py extract`, or --run)
over the zoo and prints tables per converter, encoding, template, zero style and typo kind, and a
one-line summary. It counts the way ../shared/tools/score.py does (it imports it). Another
worktree measures its own parser with: cd OTHER && .venv/bin/python PATH/bench/zoo.py score DIR

`ceiling` proves which cells no parser can decide (bench/zoo_ceiling.py): twin tables whose
converter output is the zoo's byte for byte; it prints per converter and template the cells, the
undecidable ones and, joined with `score`'s rows, the share of the decidable cells read right.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.zoo_build import build  # noqa: E402
from bench.zoo_ceiling import CAP, ceiling, ceiling_tables, wrong_decidable  # noqa: E402
from bench.zoo_score import default_command, load_scorer, score_zoo, summary, table  # noqa: E402

GROUPS = ("converter", "encoding", "template", "zeros", "typo")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="generate and convert a zoo into DIR")
    b.add_argument("dir")
    b.add_argument("--seed", type=int, default=1)
    b.add_argument("--count", type=int, default=50, help="reports to generate (default 50)")
    b.add_argument("--per-report", type=int, default=8, help="converter outputs per report (default 8)")
    b.add_argument("--converters", default="", help="comma-separated converter names (default: all installed)")
    b.add_argument("--pages", action="store_true", help="Word documents with footer page numbers, repeated table "
                                                        "header rows and tables broken at varied rows")
    b.add_argument("--quirks", action="store_true", help="reports with traits of real files: units in cells, "
                                                         "full-width digits, separators, an empty 总计 column, "
                                                         "rows of 6 or 8 values, footnote marks after counts")
    s = sub.add_parser("score", help="score the current checkout's parser on a zoo")
    s.add_argument("dir")
    s.add_argument("--run", default=None, help="command that takes report files and prints JSON Lines "
                                                "(default: this Python, main.py extract)")
    s.add_argument("--scorer", default=None, help="path of score.py (default ../shared/tools/score.py)")
    s.add_argument("--details", action="store_true", help="also list every wrong cell, false 错误, suggestion on a consistent file and planted typo detected but not fixed")
    s.add_argument("--converters", default="", help="score only these comma-separated converters")
    c = sub.add_parser("ceiling", help="prove which cells of a zoo no parser can decide, and score the rest")
    c.add_argument("dir")
    c.add_argument("--cap", type=int, default=CAP, help=f"twins per output its converter prints differently (default {CAP}; 4 x that rendered at most)")
    c.add_argument("--run", default=None, help="parser command, as for score")
    c.add_argument("--scorer", default=None, help="path of score.py (default ../shared/tools/score.py)")
    c.add_argument("--details", action="store_true", help="also list every wrong cell no twin proved undecidable")
    c.add_argument("--converters", default="", help="only these comma-separated converters")
    args = parser.parse_args()

    if args.command == "build":
        manifest = build(Path(args.dir), args.seed, args.count, args.per_report,
                         only=tuple(filter(None, args.converters.split(","))), pages=args.pages,
                         quirks=args.quirks)
        print(f"{manifest['outputs']} outputs in {args.dir}")
        for name, n in manifest["per_converter"].items():
            print(f"  {name:22s} {n}")
        if manifest["missing_tools"]:
            print("converters not installed (skipped): " + ", ".join(manifest["missing_tools"]))
        print(f"outputs skipped: {len(manifest['skipped'])} (reasons in {args.dir}/manifest.json)")
        for skip in manifest["skipped"]:
            print(f"  {skip['file']}: {skip['why']}")
        return 0

    only = tuple(filter(None, args.converters.split(",")))
    if args.command == "ceiling":
        result = ceiling(Path(args.dir), only=only, cap=args.cap,
                         log=lambda *a, **k: print(*a, file=sys.stderr, **k))
        rows = score_zoo(Path(args.dir), args.run or default_command(), load_scorer(args.scorer), only=only)
        print(f"twins per output: at most {args.cap} printed differently, {4 * args.cap} in all; "
              "capped: untried twins left that could prove more cells (a lower bound there)")
        print("\n".join(ceiling_tables(result, rows)))
        if args.details:
            print("\n".join(wrong_decidable(result, rows)))
        return 0

    scorer = load_scorer(args.scorer)
    rows = score_zoo(Path(args.dir), args.run or default_command(), scorer, only=only)
    extra = tuple(g for g in ("quirks", "variant") if any(row["groups"].get(g) for row in rows))
    for group in GROUPS + extra:
        print("\n".join(table(rows, group)))
        print()
    if args.details:
        for row in rows:
            for path, want, got, kind in row["wrong"]:
                print(f"{row['file']}: {kind} {path}: truth {want!r}, got {got!r}")
            if row["counts"]["detected"] and not row["counts"]["fixed"]:
                print(f"{row['file']}: typo not fixed: {json.dumps(row['injected'], ensure_ascii=False)}; suggested "
                      + json.dumps(row["suggestions"], ensure_ascii=False))
            if not row["injected"] and row["suggestions"]:
                print(f"{row['file']}: suggestion on a consistent file: " + json.dumps(row["suggestions"], ensure_ascii=False))
            if not row["injected"] and row["errors"]:
                print(f"{row['file']}: false 错误: " + json.dumps(row["errors"][0], ensure_ascii=False))
    print(summary(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
