"""Reading truth files (keys of OUTPUT.md) the way ../shared/tools/score.py does, and what a
report reads as (its 表三 rows, the fixes its findings suggest)."""
from __future__ import annotations

import json
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def leaves(tree: dict, prefix: str):
    """(dotted path, value) for every cell of a nested section dict."""
    for key, value in tree.items():
        if isinstance(value, dict):
            yield from leaves(value, f"{prefix}.{key}")
        else:
            yield f"{prefix}.{key}", value


def covered(path: str, marks: set[str]) -> bool:
    """A flag or finding on a row or section covers every cell inside it."""
    parts = path.split(".")
    return any(".".join(parts[:i]) in marks for i in range(1, len(parts) + 1))


def wrong_cells(report, truth_name: str, sections=("section2", "section3", "section4")) -> list[str]:
    """Cells of ``report`` that differ from tests/fixtures/<truth_name>.expected.json (a blank
    read for a 0 or a null of the truth counts as right, as the scorer counts it)."""
    truth = json.loads((FIXTURES / f"{truth_name}.expected.json").read_text(encoding="utf-8"))
    wrong = []
    for section in sections:
        for cell, want in leaves(truth[section], section):
            got = report.value(cell)
            if not (got == want or (want in (None, 0) and got is None)):
                wrong.append(f"{cell}: truth {want}, got {got}")
    return wrong


def read_against_truth(path: Path):
    """(report, wrong cells, silent cells) of a converter output read against the truth file beside
    it (X.txt + X.json): a wrong cell is silent when no flag or finding covers it."""
    from core.check.rules import check
    from core.pipeline import load_report

    truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    report = load_report(path)
    marks = {f.cell for f in report.flags} | {c for f in check(report) for c in f.cells}
    wrong, silent = [], []
    for section in ("section2", "section3", "section4"):
        for cell, want in leaves(truth[section], section):
            got = report.value(cell)
            if not (got == want or (want is None and got in (None, 0))):
                wrong.append(cell)
                if not covered(cell, marks):
                    silent.append(cell)
    return report, wrong, silent


T3_COLUMN_KEYS = ("natural", "commercial", "research", "social", "legal", "other", "total")


def t2_documents_row(report, key: str) -> list:
    """A 表二 document row's values (规章, 行政规范性文件: 本年制发, 本年废止, 现行有效件数)."""
    return [report.value(f"section2.{key}.{c}") for c in ("issued", "repealed", "in_force")]


def t3_row(report, key: str) -> list:
    """A 表三 row's values as the report printed them (None for a blank or a placeholder)."""
    return [report.value(f"section3.{key}.{c}") for c in T3_COLUMN_KEYS]


def t3_row_flags(report, key: str) -> str:
    """The messages of the flags on a 表三 row (on the row, not on one of its cells), joined."""
    return " ".join(f.message for f in report.flags if f.cell == f"section3.{key}")


def t3_row_counted(report, key: str) -> list:
    """A 表三 row's values as the sums count them (a placeholder is 0)."""
    return [report.cells[f"section3.{key}.{c}"].arithmetic for c in T3_COLUMN_KEYS]


def suggested_fixes(findings) -> set[tuple[str, object]]:
    """The fixes the findings suggest, as (cell, value)."""
    return {(f.suggestion.cell, f.suggestion.value) for f in findings if f.suggestion}
