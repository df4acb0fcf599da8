"""表三 rows lynx laid out one by one, a blank cell a space wide: the spaces count the blank cells.

lynx gives up aligning a table whose labels are too wide and prints each row's cells one space
apart; a blank cell holding &nbsp; prints as one space, so 「…数量 7 1         8」 is 7 自然人, 1 商业企业,
four blanks, 8 总计, and 「…已获取信息   1         1」 starts with a blank 自然人.

On main 9d948939 q2501 r0046 (lynx) read such short rows by the sums alone, which cannot tell
「8.属于行政查询事项 1 … 1」 (自然人) from 「5.要求行政机关确认… 1 … 1」 (商业企业): both swapped, 4 cells wrong
(flagged). Fixture: tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from core.parse.space_gaps import fill_space_gaps
from core.parse.tokens import EMPTY, tokenize
from core.readers.document import TextBuilder
from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
COLUMNS = ("natural", "commercial", "research", "social", "legal", "other", "total")


def row(report, key: str) -> list:
    return [report.value(f"section3.{key}.{c}") for c in COLUMNS]


def test_blank_cells_a_space_wide_place_the_values_of_short_rows():
    report, wrong, silent = read_against_truth(ZOO / "q2501-r0046-lynx.txt")
    assert row(report, "denied_admin_query") == [1, None, None, None, None, None, 1]
    assert row(report, "not_processed_confirm") == [None, 1, None, None, None, None, 1]
    assert row(report, "new") == [7, 1, None, None, None, None, 8]
    assert row(report, "total") == [8, 1, None, None, None, None, 9]
    assert not [w for w in wrong if w.startswith("section3.")]
    assert silent == []


def _filled(*lines: str) -> tuple[list[str], dict[str, list]]:
    """The rows (each line one, of 7 columns) fill_space_gaps completed, and each row's numbers
    after it (None: a blank cell)."""
    builder = TextBuilder()
    for line in lines:
        builder.add_line([line])
    text = "\n".join(lines) + "\n"
    values_of: dict[str, list] = {str(n): [] for n in range(len(lines))}
    for token in tokenize(builder.lines):
        if token.kind != "text":
            values_of[str(token.line)].append(token)
    printed = {key: len(values) for key, values in values_of.items()}
    fill_space_gaps(text, values_of, {key: 7 for key in values_of})
    filled = [key for key, values in values_of.items() if len(values) != printed[key]]
    return filled, {key: [None if t.kind == EMPTY else t.value for t in v] for key, v in values_of.items()}


def test_gaps_counted_when_every_row_counts_out_to_its_columns():
    filled, rows = _filled("   甲行 7 1         8", "   乙行   1         1", "   丙行 1           1")
    assert sorted(filled) == ["0", "1", "2"]
    assert rows["0"] == [7, 1, None, None, None, None, 8]
    assert rows["1"] == [None, 1, None, None, None, None, 1]
    assert rows["2"] == [1, None, None, None, None, None, 1]


def test_single_spaces_leave_the_rows_to_the_sums():
    # blank cells that print nothing: 「12 2 14」 may be any two parts and the 总计
    filled, rows = _filled("   甲行 12 2 14", "   乙行 1 1")
    assert filled == []
    assert rows["0"] == [12, 2, 14]


def test_a_row_not_counting_out_leaves_the_whole_table():
    # the second row's gaps add up to a column too few: the spaces are not blank cells' widths
    filled, rows = _filled("   甲行 7 1         8", "   乙行 1         1")
    assert filled == []
    assert rows["0"] == [7, 1, 8]


def test_an_aligned_table_is_not_counted():
    # columns padded to their header names: the label's padding is no blank cell
    filled, _ = _filled("   一、甲行          7    1                      8", "   二、乙行          1                           1")
    assert filled == []
