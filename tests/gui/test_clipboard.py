"""Excel-style TSV copy and paste over the template grid (gui/clipboard.py): no Qt needed."""
from gui.clipboard import parse_tsv, paste_targets, to_tsv
from gui.template_layout import grid_for


def test_copy_is_the_bounding_rectangle_of_value_cells():
    grid = grid_for("2021", "section3")
    a = grid.cell_of("section3.granted.natural")
    b = grid.cell_of("section3.partial.commercial")
    label = (a.row, 1)  # the row label: not a value, not copied
    text = to_tsv(grid, [(a.row, a.column), (b.row, b.column), label], lambda p: p.split(".")[1])
    assert text == "granted\t\r\n\tpartial\r\n"


def test_parse_tsv_as_excel_and_wps_write_it():
    assert parse_tsv("1\t2\r\n3\t4\r\n") == [["1", "2"], ["3", "4"]]
    assert parse_tsv("7\n") == [["7"]]
    assert parse_tsv("") == []
    assert parse_tsv("\t5") == [["", "5"]]


def test_paste_skips_label_rows_and_columns():
    grid = grid_for("2021", "section2")
    start = grid.cell_of("section2.rules.issued")
    targets = paste_targets(grid, start.row, start.column, [["1", "2", "3"], ["4"], ["5"], ["6", "x"]])
    assert targets == [("section2.rules.issued", "1"), ("section2.rules.repealed", "2"),
                       ("section2.rules.in_force", "3"), ("section2.normative_docs.issued", "4"),
                       ("section2.licensing.decisions", "5"),  # past the block's header rows
                       ("section2.punishment.decisions", "6")]  # one value in this row: "x" dropped


def test_round_trip_through_tsv():
    grid = grid_for("2021", "section3")
    values = {p: str(i) for i, p in enumerate(tables_paths(grid))}
    cells = [(c.row, c.column) for c in grid.value_cells()]
    text = to_tsv(grid, cells, values.get)
    first = grid.cell_of("section3.new.natural")
    pasted = dict(paste_targets(grid, first.row, first.column, parse_tsv(text)))
    assert pasted == values


def tables_paths(grid):
    return [c.path for c in grid.value_cells()]
