"""How far 表三's equations can place the values of a table whose blank cells left no trace.

Plain pdftotext (no -layout) of a table with blank zeros prints each row's values without its
blank cells, so a value's column is not in the text. This asks the truth of each such output in
a converter zoo: with every row's printed values known (in column order, blanks dropped: the
best a reader of the text can hope for), how many placements of them make every equation of
表三 hold (core.parse.t3_placement's search: T3-1, T3-2, T3-3; with one misprinted cell where
the zoo planted a typo)? Classes:

- whole: every row printed whole or blank all along (nothing to place).
- decidable: one placement; the reading is pinned.
- symmetric: several, all the same reading but for which of the six part columns the used ones
  are. The equations treat the part columns alike, so any placement moved to other part columns
  in the same left-to-right order (all rows at once) holds as well: the text never says whether
  a table with two used part columns used 自然人 and 商业企业 or 科研机构 and 其他.
- several: readings that group the values differently; many: 64 or more placements.
- none: no placement within the search's budget (or the typo is not one misprinted cell).

Values only: where a printed 0 sits among blank cells (0 or blank, which the scorer tells apart)
no equation can say, so a table of zeros counts as decidable while its 0s may sit anywhere.

Rows known is the best case. The printed order alone does not give them: a results row beside a
blank results row may move into it with every equation still holding (T3-2 sums all results
rows alike), and plain pdftotext prints a row's 总计 out of order where its label wraps (seed 99
r0018: 「（一）予以公开」 298 before its 212 86, 「（二）部分公开」's 33 six rows later), so a
search by printed order (upper-left before lower-right) finds no placement there at all.

With --details FILE (the output of `bench/zoo.py score DIR --converters pdftotext --details`,
one per zoo, named in the order of the zoos) the wrong 表三 cells of each class are counted.

    .venv/bin/python bench/t3_column_decidability.py /work/zoo/dev [--details dev.txt]
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import re
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from core.model import BLANK, NUMBER, CellValue, Report  # noqa: E402
from core.parse.t3_placement import _options, _search  # noqa: E402
from core.parse.tokens import NUM, Token  # noqa: E402
from core.template import tables  # noqa: E402

_LISTED = 64
_PLAIN = re.compile(r"-pdftotext-(?:gbk|utf-8)\.txt$")
_WRONG = re.compile(r"(r\d+-pdftotext-(?:gbk|utf-8)\.txt): (?:flagged|silent|invented)\S* section3\.")


def decidability(truth: dict) -> str:
    """The class of one output's 表三 (see the module's doc)."""
    return placed(truth)[0]


def placed(truth: dict) -> tuple[str, int]:
    """The class of one output's 表三 and how many of its cells the placements found disagree on
    (cells no reading of the text can name; of the first 64 placements when there are more)."""
    table = tables(truth["template"])["section3"]
    report = Report(file="truth", format="txt", encoding="utf-8", text="")
    report.template = truth["template"]
    width = len(table.rows[0].columns)
    short: dict[str, list[Token]] = {}
    for row in table.rows:
        cells = [truth["section3"][row.key][c.key] for c in row.columns]
        printed = [v for v in cells if v is not None]
        if 0 < len(printed) < width:
            short[row.key] = [Token(NUM, str(v), 0, 0, 0, v) for v in printed]
            continue
        for column, value in zip(row.columns, cells):  # printed whole, or blank all along: known
            report.cells[f"section3.{row.key}.{column.key}"] = \
                CellValue(value, NUMBER, str(value)) if value is not None else CellValue(None, BLANK)
    if not short:
        return "whole", 0  # every row printed whole or blank all along: nothing to place
    if all(len(_options(tokens, width) or ()) == 1 for tokens in short.values()):
        return "decidable", 0  # every short row reads one way (all its cells 0, wherever they print)
    found = _search(report, table, short, _LISTED, misprint=bool(truth.get("injected")))
    if found is None or not found[0]:
        return "none", 0
    solutions, options = found
    undecided = sum(len({options[key][choice[key]][0][c] for choice in solutions}) > 1
                    for key in short if key in options for c in range(width))
    if len(solutions) == 1:
        return "decidable", 0
    if len(solutions) >= _LISTED:
        return "many", undecided
    fixed = {row.key: tuple(report.cells[f"section3.{row.key}.{c.key}"].arithmetic for c in row.columns)
             for row in table.rows if row.key not in short}
    readings = set()
    for choice in solutions:
        cells = dict(fixed)
        cells.update((key, options[key][n][0]) for key, n in choice.items() if key in short)
        cells = {k: v for k, v in cells.items() if k in fixed or k in short}
        used = [c for c in range(width - 1) if any(v[c] for v in cells.values())] + [width - 1]
        readings.add(tuple((key, tuple(cells[key][c] for c in used)) for key in sorted(cells)))
    return ("symmetric" if len(readings) == 1 else "several"), undecided


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("zoos", nargs="+")
    parser.add_argument("--details", action="append", default=[],
                        help="zoo.py score --details output, one per zoo in order")
    args = parser.parse_args(argv)
    files, wrong, undecided = Counter(), Counter(), Counter()
    for n, zoo in enumerate(args.zoos):
        wrong_in: Counter = Counter()
        if n < len(args.details):
            with open(args.details[n], encoding="utf-8") as lines:
                for line in lines:
                    m = _WRONG.match(line)
                    if m:
                        wrong_in[m.group(1)] += 1
        for path in sorted(glob.glob(os.path.join(zoo, "*-pdftotext-*.txt"))):
            if not _PLAIN.search(path):
                continue
            with open(path.rsplit(".", 1)[0] + ".json", encoding="utf-8") as f:
                truth = json.load(f)
            if truth["zoo"]["zeros"] not in ("blank", "mixed"):
                continue
            kind = "typo" if truth.get("injected") else "consistent"
            found, open_cells = placed(truth)
            name = os.path.basename(path)
            print(f"{os.path.basename(zoo):14} {name:28} {truth['zoo']['zeros']:6} {kind:10} "
                  f"wrong 表三 {wrong_in[name]:3}  undecided {open_cells:3}  {found}")
            files[found, kind] += 1
            wrong[found, kind] += wrong_in[name]
            undecided[found, kind] += open_cells
    print()
    for key in sorted(files):
        print(f"{key[0]:10} {key[1]:10} files {files[key]:4}  wrong 表三 cells {wrong[key]:5}  "
              f"undecided {undecided[key]:5}")
    print(f"{'all':21} files {sum(files.values()):4}  wrong 表三 cells {sum(wrong.values()):5}  "
          f"undecided {sum(undecided.values()):5}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
