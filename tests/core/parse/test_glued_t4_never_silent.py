"""No glued 表四 reading is silently wrong.

docx2txt prints 表四 as one run of digits and placeholders when the report writes zeros as "--",
"-" or "——" (and blank cells leave no trace): "1--1-23-0-3-0-0-". Such a run cuts several ways,
and a cut may be wrong; what must never happen is a wrong cell that no flag or finding names
(one such reading, "16--1817514-----417----17" with 1817514 as one cell, came with no flag
before the 表四 tokenising weighed "--" as one placeholder). Random consistent 表四 tables, some
with a ±1 slip, glued into a committed docx2txt output in place of its own 表四.
"""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from core.check.rules import check
from core.pipeline import load_report
from tests.core.truth import covered

SOURCE = Path(__file__).resolve().parents[2] / "fixtures" / "converters" / "d2t602-r0039.docx2txt.txt"
ITS_T4 = "总计\n0-00-------\n\n五、"  # the output's own 表四 run, between its header and the next section
GROUPS = ("review", "litigation_direct", "litigation_after_review")
COLUMNS = ("maintained", "corrected", "other", "pending", "total")
PATHS = [f"section4.{g}.{c}" for g in GROUPS for c in COLUMNS]


def a_count(rng: random.Random) -> int:
    draw = rng.random()  # most cells 0, as in real reports
    return 0 if draw < 0.5 else rng.randint(1, 9) if draw < 0.85 else rng.randint(10, 40)


def glued_table(rng: random.Random, slip: bool) -> tuple[list[int], str]:
    """A consistent 表四 (each group's 总计 the sum of its four results), and its run as docx2txt
    glues it, one value moved by 1 when ``slip``."""
    zeros = rng.choice([["--"], ["--", "-"], ["--", "0"], ["--", "-", "0"], ["——", "0"]])
    values: list[int] = []
    for _group in GROUPS:
        results = [a_count(rng) for _ in range(4)]
        values += results + [sum(results)]
    printed = list(values)
    if slip:
        at = rng.randrange(len(printed))
        printed[at] = max(0, printed[at] + rng.choice([-1, 1]))
    return values, "".join(str(v) if v else rng.choice(zeros) for v in printed)


@pytest.mark.parametrize("slip", [False, True])
def test_a_glued_t4_run_is_read_right_or_named(tmp_path, slip):
    source = SOURCE.read_text(encoding="utf-8")
    assert ITS_T4 in source
    rng = random.Random(2026 + slip)
    for n in range(40):
        values, run = glued_table(rng, slip)
        path = tmp_path / f"t4-{n}.docx2txt.txt"
        path.write_text(source.replace(ITS_T4, f"总计\n{run}\n\n五、"), encoding="utf-8")
        report = load_report(path)
        named = {f.cell for f in report.flags} | {cell for f in check(report) for cell in f.cells}
        silent = [p for p, want in zip(PATHS, values) if (report.value(p) or 0) != want and not covered(p, named)]
        assert not silent, (run, values, [(p, report.value(p)) for p in silent])
