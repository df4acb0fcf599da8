"""The template's sums checked as one expression (rules._every_sum_holds) say what the equations
one by one say: every sum balanced (within 1e-9), no cell unknown or absent."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.check.rules import _arithmetic_values, _every_sum_holds
from core.equations import equations
from core.pipeline import load_report

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
SEED_003 = FIXTURES / "corpus" / "003_2385a1ea8664f14a.txt"


def _one_by_one(version: str, values: dict) -> bool:
    for eq in equations(version):
        left, right = map(values.get, eq.left), map(values.get, eq.right)
        try:
            if abs(sum(left) - sum(right)) >= 1e-9:
                return False
        except TypeError:
            return False
    return True


@pytest.fixture(scope="module")
def clean():
    report = load_report(SEED_003)
    return report.template, _arithmetic_values(report)[0]


def test_a_report_whose_sums_hold_holds_at_once(clean):
    version, values = clean
    assert _one_by_one(version, values)
    assert _every_sum_holds(version, values)


def test_each_cell_of_each_sum_changed_by_one_breaks_it(clean):
    version, values = clean
    for path in {p for eq in equations(version) for p in eq.cells}:
        changed = {**values, path: values[path] + 1}
        assert not _every_sum_holds(version, changed), path
        assert not _one_by_one(version, changed)


def test_a_cell_unknown_or_absent_is_no_sum_holding(clean):
    version, values = clean
    path = equations(version)[-1].left[0]  # (the last equation's: the expression reads it last)
    assert not _every_sum_holds(version, {**values, path: None})
    assert not _every_sum_holds(version, {p: v for p, v in values.items() if p != path})


def test_fractions_balance_within_the_same_tolerance(clean):
    version, values = clean
    eq = equations(version)[-1]  # 表四's last group: total = its four parts
    total = eq.left[0]
    near = {**values, total: values[total] + 1e-12}
    far = {**values, total: values[total] + 1e-6}
    assert _every_sum_holds(version, near) == _one_by_one(version, near) is True
    assert _every_sum_holds(version, far) == _one_by_one(version, far) is False


def test_the_values_other_than_counts_are_found_with_the_values():
    from core.check.rules import value_rules
    from core.model import BLANK, NUMBER, PLACEHOLDER, CellValue
    report = load_report(SEED_003)
    cells = report.cells
    paths = list(cells)
    cells[paths[0]] = CellValue(-3, NUMBER, "-3")
    cells[paths[1]] = CellValue(2.5, NUMBER, "2.5")
    cells[paths[2]] = CellValue(None, BLANK, "")
    cells[paths[3]] = CellValue(None, PLACEHOLDER, "—")
    values, others = _arithmetic_values(report)
    assert values == {p: c.arithmetic for p, c in cells.items()}
    assert others == [(p, v) for p, v in values.items() if v is not None and (type(v) is not int or v < 0)]
    assert others[:2] == [(paths[0], -3), (paths[1], 2.5)]
    assert {f.cells[0] for f in value_rules(report, others)} >= {paths[0]}

