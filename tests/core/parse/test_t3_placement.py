"""表三's short rows placed by the whole table's sums at once (core/parse/t3_placement.py)."""
from pathlib import Path

from core.check.rules import check
from core.model import NUMBER, CellValue, Report
from core.parse.t3_placement import undecided_columns, unique_placement
from core.parse.tokens import NUM, Token
from core.pipeline import load_report
from core.template import tables
from tests.core.truth import T3_COLUMN_KEYS, t3_row_counted as _row
from tests.core.truth import suggested_fixes

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "converters"
T3 = tables("2019")["section3"]


def _report(rows: dict[str, list[int]]) -> Report:
    """A 2019 report whose 表三 rows hold `rows` (every other row 0)."""
    report = Report(file="t.txt", format="txt", template="2019")
    for row in T3.rows:
        for column, value in zip(T3_COLUMN_KEYS, rows.get(row.key, [0] * 7)):
            report.cells[f"section3.{row.key}.{column}"] = CellValue(value, NUMBER)
    return report


def _printed(*numbers: int) -> list[Token]:
    return [Token(NUM, str(n), 0, len(str(n)), 0, value=n) for n in numbers]


def _values(placed: list) -> list:
    return [None if t is None else t.value for t in placed]


def test_a_short_row_goes_where_the_column_sums_put_it():
    # 「一、本年新收」 prints 5 3 8 (blank cells dropped): any two of six part columns by its own sum;
    # （七）总计 prints 5 under 自然人 and 3 under 科研机构, nothing is carried over or forward: only
    # 自然人 and 科研机构 hold 一+二 = 七+四
    report = _report({"total": [5, 0, 3, 0, 0, 0, 8], "granted": [5, 0, 3, 0, 0, 0, 8]})
    placed = unique_placement(report, T3, {"new": _printed(5, 3, 8)})
    assert _values(placed["new"]) == [5, None, 3, None, None, None, 8]


def test_two_placements_holding_every_sum_choose_none():
    # 一, 七 and 予以公开 all print 5 3 8: 商业企业 or 科研机构 or … hold every sum alike
    report = _report({})
    rows = {key: _printed(5, 3, 8) for key in ("new", "total", "granted")}
    assert unique_placement(report, T3, rows) is None
    # each row's six part columns may hold its 5 or its 3 (or nothing): all named as undecided
    assert undecided_columns(report, T3, rows) == {key: [0, 1, 2, 3, 4, 5] for key in rows}


def test_a_row_the_sums_place_is_not_named_undecided():
    # 「一、本年新收」 has one placement (see above); 「（一）予以公开」 printing 5 3 8 too could take
    # 自然人 and 科研机构 only, as （七）总计 leaves nothing elsewhere: neither is undecided
    report = _report({"total": [5, 0, 3, 0, 0, 0, 8]})
    assert undecided_columns(report, T3, {"new": _printed(5, 3, 8), "granted": _printed(5, 3, 8)}) == {}


def test_one_misprinted_row_is_read_with_the_cell_the_sums_want():
    # 予以公开 prints all seven cells but its 总计 9 misses its parts' 8: read with that one cell
    # as the sums want it, 一's 5 3 8 still has one placement (the printed 9 is kept: the checker
    # names it)
    report = _report({"total": [5, 0, 3, 0, 0, 0, 8], "granted": [5, 0, 3, 0, 0, 0, 9]})
    placed = unique_placement(report, T3, {"new": _printed(5, 3, 8)})
    assert _values(placed["new"]) == [5, None, 3, None, None, None, 8]
    assert report.cells["section3.granted.total"].value == 9


def test_two_rows_failing_their_own_sums_choose_none():
    report = _report({"total": [5, 0, 3, 0, 0, 0, 8], "granted": [5, 0, 3, 0, 0, 0, 9],
                      "partial": [1, 0, 0, 0, 0, 0, 0]})
    assert unique_placement(report, T3, {"new": _printed(5, 3, 8)}) is None


def test_mammoth_markdown_row_is_not_left_in_a_column_the_total_row_prints_0():
    # mammoth's Markdown drops blank cells; （七）总计 prints all seven cells with 科研机构 0, so
    # 「（一）予以公开」 13882 3558 651 2 162 18255 cannot hold 651 under 科研机构 (the row-by-row
    # search left it there, and 2 under 社会公益组织, with four sums failing)
    report = load_report(FIXTURES / "md61-r0006.mammoth-md.md")
    assert _row(report, "granted") == [13882, 3558, 0, 651, 2, 162, 18255]
    assert _row(report, "partial") == [1398, 359, 0, 65, 0, 16, 1838]
    assert _row(report, "unable_not_held") == [4161, 1065, 0, 197, 0, 49, 5472]
    assert any(f.cell == "section3.granted" for f in report.flags)  # still named as printed short
    assert not [f for f in check(report) if f.severity == "error"]  # a consistent report


def test_pdfplumber_rows_placed_around_one_misprinted_cell():
    # 「7.属于行政执法案卷」 prints all seven cells, 法律服务机构 21 for 12 (swapped digits): no
    # placement makes every sum hold, one does with that cell as the sums want it; 一 and 四 are
    # read so, and the checker suggests the misprint's true value
    report = load_report(FIXTURES / "guard779-r0059.pdfplumber.txt")
    assert _row(report, "new") == [10885, 2684, 0, 128, 800, 0, 14497]
    assert _row(report, "carried_forward") == [0, 158, 0, 13, 42, 0, 213]
    assert _row(report, "total") == [10885, 2526, 0, 115, 758, 0, 14284]
    suggested = suggested_fixes(check(report))
    assert suggested == {("section3.denied_law_enforcement_file.legal", 12)}


def test_a_table_of_many_tying_rows_still_names_the_columns_in_doubt():
    # pdftotext -raw of a table with blank zeros (seed 502, r0028): a dozen 表三 rows print two or
    # three values each and several placements add up alike. The search once ran out of its budget
    # in the four rows of 一+二 = 七+四 (every combination of their placements tried one by one)
    # and the rows kept only 「印有N个数值」; the last of the four is now looked up from the other
    # three, the search ends, and 「一、本年新收」 names the columns the sums leave open
    report = load_report(FIXTURES / "zoo502-r0028.pdftotext-raw-gbk.txt")
    doubts = [flag.message for flag in report.flags
              if flag.cell == "section3.new" and "几种读法同样合计" in flag.message]
    assert doubts and "「自然人」" in doubts[0]


def test_reachable_sums_of_counts_as_bits_are_the_sums_listed_as_sets(monkeypatch):
    # the sums the search prunes by, of whole counts listed as an integer's bits: each position's
    # and column's sums the same as the sets list (the float 3.0 one of them as 3 is), and None
    # where they grow past _REACHABLE, as the sets stop there
    from core.parse import t3_placement
    rows = [[((a, b, 0, a + b), ()) for a in (0, 1, 5) for b in (0, 2, 7)],
            [((3, 0, n, 3 + n), ()) for n in range(0, 90, 3)],
            [((m % 50, 1, m, m % 50 + 1 + m), ()) for m in range(0, 20000, 7)]]
    bits = t3_placement._reachable_sums(rows, 3, 4)
    assert isinstance(bits[0][0], t3_placement._SumBits)
    monkeypatch.setattr(t3_placement, "_WIDEST_SUM", -1)  # the sets, as before
    sets = t3_placement._reachable_sums(rows, 3, 4)
    assert isinstance(sets[0][0], set)
    assert [[s is None for s in position] for position in bits] == [[s is None for s in position] for position in sets]
    assert any(s is None for position in sets for s in position)  # (column 2 past _REACHABLE)
    for by_bits, by_set in zip(bits, sets):
        for b, s in zip(by_bits, by_set):
            if s is not None:
                assert [x for x in range(-2, 20100) if x in b] == sorted(s)
                assert (3.0 in b, 2.5 in b) == (3.0 in s, 2.5 in s)
    # a misprint's reading may hold a value below 0 (no shift by it): listed as sets, as before
    misread = [[((2, -1, 0, 1), ()), ((0, 1, 0, 1), ())], [((1, 1, 1, 3), ())]]
    below = t3_placement._reachable_sums(misread, 3, 2)
    monkeypatch.setattr(t3_placement, "_WIDEST_SUM", 1 << 16)
    assert t3_placement._reachable_sums(misread, 3, 2) == below
    assert below[0] == [{3, 1}, {0, 2}, {1}]
