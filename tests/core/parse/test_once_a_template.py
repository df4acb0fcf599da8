"""What the parser works out once a template, built a cheaper way, against the ways they replaced
(kept here as oracles): the same answers on both templates."""
from __future__ import annotations

from core.equations import equations
from core.parse import reconcile
from core.template import tables


def _t3_positions_oracle(version):
    """reconcile._t3_positions as it was: every row's equations walked, a column sum once a row."""
    by_row = reconcile._equations_by_row(version)
    order = tuple(dict.fromkeys(p for eqs in by_row.values() for e in eqs for p in e.cells))
    index = {p: i for i, p in enumerate(order)}
    sides = {}
    for e in (e for eqs in by_row.values() for e in eqs):
        if id(e) not in sides:
            sides[id(e)] = tuple(map(index.__getitem__, e.left)), tuple(map(index.__getitem__, e.right))
    return order, index, {key: [sides[id(e)] for e in eqs] for key, eqs in by_row.items()}


def test_t3_positions_as_every_row_walked():
    for version in ("2019", "2021"):
        order, index, by_row = reconcile._t3_positions(version)
        assert (order, index, by_row) == _t3_positions_oracle(version)
        assert len(order) == len(set(order)) == len(index)


def test_t3_column_sums_as_one_typo_placement_listed_them():
    for version in ("2019", "2021"):
        table = tables(version)["section3"]
        keys = tuple(c.key for c in table.rows[0].columns[:-1])
        eqs, column_sums, sum_cells = reconcile._t3_sums_by_column(version, keys)
        expected_eqs = tuple(e for e in equations(version) if e.rule.startswith("T3"))
        column_of = lambda path: path.rsplit(".", 1)[1]  # noqa: E731
        assert eqs == expected_eqs
        assert column_sums == [[e for e in expected_eqs if all(column_of(p) == c.key for p in e.cells)]
                               for c in table.rows[0].columns[:-1]]
        assert all(len(sums) == 2 for sums in column_sums)  # T3-1 and T3-2 in each part column
        assert set(sum_cells) == {p for e in expected_eqs for p in e.cells} and len(sum_cells) == len(set(sum_cells))
