"""表二 rows whose cells docx2txt printed glued together, read from committed outputs of the zoos
(truth beside them: tests/fixtures/zoo/README.md, section quirks12)."""
from __future__ import annotations

from pathlib import Path

from core.parse.parser import _zeros_apart
from core.pipeline import load_report
from core.parse.tokens import NA, NUM, Token
from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def _values(report, row: str, columns) -> list:
    return [report.value(f"section2.{row}.{column}") for column in columns]


def test_a_zero_glued_before_a_count_is_a_cell_of_its_own():
    # 规章 prints 0 · 15 · — as "015 --": a count never starts with 0, so the row is 0, 15 and a
    # placeholder. Before: 015 read as 15 in 本年制发件数, 本年废止件数 left blank, unflagged (silent)
    report, wrong, silent = read_against_truth(ZOO / "s2024-r0006-docx2txt.txt")
    assert _values(report, "rules", ("issued", "repealed", "in_force")) == [0, 15, None]
    assert report.cells["section2.rules.in_force"].raw == "--"
    assert not [c for c in wrong if c.startswith("section2.")] and silent == []


def _num(text: str, start: int) -> Token:
    return Token(NUM, text, start, start + len(text), 0, int(text))


def test_zeros_are_cut_off_only_where_the_cut_fills_the_row_exactly():
    dash = Token(NA, "--", 4, 6, 0)
    cut = _zeros_apart([_num("015", 0), dash], 3)
    assert [(t.text, t.start, t.end, t.value) for t in cut] == [("0", 0, 1, 0), ("15", 1, 3, 15), ("--", 4, 6, None)]
    assert [t.text for t in _zeros_apart([_num("00", 0), dash], 3)] == ["0", "0", "--"]
    # cut further than the columns, or short of them: other cuts are possible, left as printed
    assert [t.text for t in _zeros_apart([_num("0015", 0), dash], 3)] == ["0015", "--"]
    assert [t.text for t in _zeros_apart([_num("010", 0), dash], 4)] == ["010", "--"]
    # a row printed as one run is glued_t2's (cut by its readings, flagged)
    assert [t.text for t in _zeros_apart([_num("0026", 0)], 3)] == ["0026"]


def test_counts_glued_with_their_units_are_cut_at_the_units():
    # 2019 表二 printed on one line: 规范性文件3项3项4项 · 行政许可1项00 · 行政处罚0097436项 …:
    # a unit closes its count. Before: each row's run stopped at its first unit, 11 cells wrong
    report, wrong, silent = read_against_truth(ZOO / "quirks907-r0025-docx2txt.txt")
    assert _values(report, "normative_docs", ("new_made", "new_published", "total_published")) == [3, 3, 4]
    assert _values(report, "licensing", ("prev_items", "change", "decisions")) == [1, 0, 0]
    assert _values(report, "punishment", ("prev_items", "change", "decisions")) == [0, 0, 97436]
    assert _values(report, "fees", ("prev_items", "change")) == [153, 0]
    assert _values(report, "procurement", ("count", "amount")) == [118, 0]
    # 189项-1378项 cuts more ways than one (-137 · 8, -13 · 78, -1 · 378): left unread, flagged
    assert _values(report, "coercion", ("change", "decisions")) == [None, None]
    assert "section2.coercion" in {f.cell for f in report.flags if f.kind == "parse"}
    # 11项-20 reads 11 · -2 · 0 or 11 · — · 20, but the report's tables print no dash for a blank
    # cell anywhere: the dash is a minus sign, flagged as so read (before: left unread)
    assert _values(report, "other_services", ("prev_items", "change", "decisions")) == [11, -2, 0]
    assert any(f.cell == "section2.other_services" and f.kind == "inferred" and "短横线按负号" in f.message
               for f in report.flags)
    assert silent == []
    assert sorted(c for c in wrong if c.startswith("section2.")) == [
        "section2.coercion.change", "section2.coercion.decisions"]


def test_a_table_printing_a_change_with_its_sign_cuts_glued_rows_with_signed_changes():
    # 2019 表二 on one line: 行政许可30140 (3 · 0 · 140, or 30 · 1 · 40, 30 · 14 · 0, 301 · 4 · 0),
    # while 行政事业性收费2+2 prints its change signed: a change other than 0 prints its sign, so
    # 3 · 0 · 140, flagged as inferred. Before: left unread. (政府集中采购618.1535 still cuts two ways.)
    report, wrong, silent = read_against_truth(ZOO / "quirks1913-r0013-docx2txt.txt")
    assert _values(report, "licensing", ("prev_items", "change", "decisions")) == [3, 0, 140]
    assert any(f.cell == "section2.licensing" and f.kind == "inferred" and "正负号" in f.message for f in report.flags)
    assert sorted(c for c in wrong if c.startswith("section2.")) == ["section2.procurement.amount",
                                                                     "section2.procurement.count"]
    assert silent == []


def test_a_count_closed_by_its_unit_is_one_cell_and_an_unsigned_value_no_change():
    # 行政许可2项81,049项 (2 · blank · 81,049): a count other than 0 prints its unit, so 81,049 is
    # one cell (not 8 · 1,049), and of the readings with a blank, the unsigned 2 or 81,049 is no
    # 本年增/减. Before: 2 · 8 · 1049, flagged. (229项 alone stays open: 上一年项目数量 or 处理决定数量.)
    report, wrong, silent = read_against_truth(ZOO / "quirks1913-r0003-docx2txt.txt")
    assert _values(report, "licensing", ("prev_items", "change", "decisions")) == [2, None, 81049]
    assert _values(report, "other_services", ("prev_items", "change", "decisions")) == [None, None, None]
    assert any(f.cell == "section2.other_services" and f.kind == "parse" for f in report.flags)
    assert silent == []


def test_a_short_row_glued_in_a_text_with_no_cell_breaks_is_never_one_wrong_value_unflagged():
    # docx2txt, placeholders 「 -- 」: 行政规范性文件 prints 「-- 525第二十条第（五）项」, its cells --, 5 and
    # 25 glued (or 52 · 5: 表二 has no sum to tell). Before: placed under the columns of 规章's
    # 「 --  --  -- 」 as -- · 525 · blank, unflagged (silent); now the cut 525 may be is left open
    report, wrong, silent = read_against_truth(ZOO / "pq2104-r0050-docx2txt.txt")
    assert silent == []
    assert _values(report, "normative_docs", ("issued", "repealed", "in_force")) == [None, None, None]
    assert report.cells["section2.normative_docs.issued"].raw == "--"
    assert report.cells["section2.normative_docs.repealed"].state == "missing"
    flags = [f.message for f in report.flags if f.cell == "section2.normative_docs"]
    assert flags == ["「行政规范性文件」行印有2个数值，模板为3列，数字可能粘连（-- 525），无法唯一拆分，无法确定的单元格留空，请对照原文填写"]
    assert sorted(c for c in wrong if c.startswith("section2.")) == [
        "section2.normative_docs.in_force", "section2.normative_docs.repealed"]


def test_a_glued_run_under_a_row_of_placeholders_is_cut_not_placed_by_position():
    # 「040第二十条」 under 规章's 「 --  --  -- 」: 0 · 4 · 0, the one cut without a leading zero.
    # Before: read 40 under 本年制发件数 by position, the parser silent, only T2-2 blaming the report
    report, wrong, silent = read_against_truth(ZOO / "q2106-r0012-docx2txt.txt")
    assert _values(report, "normative_docs", ("issued", "repealed", "in_force")) == [0, 4, 0]
    assert "section2.normative_docs" in {f.cell for f in report.flags}
    assert not [c for c in wrong if c.startswith("section2.")] and silent == []


def test_a_zero_glued_before_a_number_with_a_thousands_separator_is_a_cell_of_its_own():
    # pq2504 r0001, 2019 行政许可 prints 2 · 0 · 20,552 as "2020,552". The 0 began a separated
    # number "020,552" (20 552, a leading 0 no count prints), so no reading was 2 | 0 | 20,552 and
    # the row was left blank (3 cells flagged); a 0 is a number of its own
    report, wrong, silent = read_against_truth(ZOO / "pq2504-r0001-docx2txt.txt")
    assert _values(report, "licensing", ("prev_items", "change", "decisions")) == [2, 0, 20552]
    assert not [c for c in wrong if c.startswith("section2.licensing")] and silent == []


def test_a_full_width_plus_sign_stays_on_the_run_of_its_row():
    # q2506 r0006, 2019 其他对外管理服务事项 prints 448 · +88 · 2 as "４４８项＋８８２项": the run of
    # the row's values stopped at the full-width "＋", read as "４４８项" alone: 上一年项目数量 left
    # blank too. Now the whole run is read: 448 sure, +88 | 2 or +8 | 82 the text cannot tell (flagged)
    report, wrong, silent = read_against_truth(ZOO / "q2506-r0006-docx2txt.txt")
    assert _values(report, "other_services", ("prev_items", "change", "decisions")) == [448, None, None]
    flag = next(f for f in report.flags if f.cell == "section2.other_services")
    assert "４４８项＋８８２项" in flag.message
    assert wrong == ["section2.other_services.change", "section2.other_services.decisions"] and silent == []


def test_a_dash_before_digits_is_a_minus_sign_where_the_tables_print_no_dash_for_a_blank():
    # 2019 表二 glued (full-width): 行政许可７－３０ (7 · -3 · 0, or 7 · — · 30), 行政处罚９－４４１
    # (9 · -4 · 41, 9 · — · 441; -44 would leave fewer than 0 items), 行政强制３－３０; 表三 and 表四
    # print every 0 as 0 and no dash anywhere: the dash is a minus sign, each row flagged as so
    # read. Before: the three changes and decisions left unread. (１７０＋２６２０９ still cuts three ways.)
    report, wrong, silent = read_against_truth(ZOO / "q2706-r0047-docx2txt.txt")
    columns = ("prev_items", "change", "decisions")
    assert [_values(report, row, columns) for row in ("licensing", "punishment", "coercion")] == [
        [7, -3, 0], [9, -4, 41], [3, -3, 0]]
    assert all(any(f.cell == f"section2.{row}" and f.kind == "inferred" and "短横线按负号" in f.message
                   for f in report.flags) for row in ("licensing", "punishment", "coercion"))
    assert sorted(c for c in wrong if c.startswith("section2.")) == [
        "section2.other_services.change", "section2.other_services.decisions"] and silent == []


def test_a_dash_before_digits_may_be_a_placeholder_where_the_tables_print_dashes_for_blanks():
    # the other side: a report printing its blank cells as 「-」 (表二's 规章--0, 表三's 172----19
    # and the like): 行政许可3-7380 is 3 · — · 7380 (its truth; -7 would leave fewer than 0 items) and
    # 其他对外管理服务事项34-1094 stays open (34 · -10 · 94 or 34 · — · 1094), flagged
    report, wrong, silent = read_against_truth(ZOO / "dev-r0022-docx2txt.txt")
    columns = ("prev_items", "change", "decisions")
    assert _values(report, "licensing", columns) == [3, None, 7380]
    assert report.cells["section2.licensing.change"].raw == "-"
    assert _values(report, "other_services", columns) == [34, None, None]
    assert any(f.cell == "section2.other_services" and f.kind == "parse" for f in report.flags)
    assert silent == []


def test_a_placeholder_in_last_years_count_says_none_so_the_change_after_it_is_no_minus():
    # s4106 r0041 docx2txt, a report printing 「－」 for its blank cells: 其他对外管理服务事项－－68 is
    # － · － · 68, or － · -6 · 8, which leaves fewer than 0 items (a placeholder counts none, as a
    # blank does): the row is read (left open on 69642b02), flagged as cut
    report, wrong, silent = read_against_truth(ZOO / "s4106-r0041-docx2txt.txt")
    assert _values(report, "other_services", ("prev_items", "change", "decisions")) == [None, None, 68]
    assert report.cells["section2.other_services.change"].raw == "－"
    flag = next(f for f in report.flags if f.cell == "section2.other_services")
    assert flag.kind == "inferred" and "－－68" in flag.message
    # 行政许可792-352458598 stays open: 792 · -352 · 458598 or 792 · -3524 · 58598 …, nothing to choose by
    assert _values(report, "licensing", ("prev_items", "change", "decisions")) == [792, None, None]
    assert sorted(c for c in wrong if c.startswith("section2.")) == [
        "section2.licensing.change", "section2.licensing.decisions"] and silent == []


def test_a_glued_row_of_normative_documents_is_cut_as_the_prose_states_their_number(tmp_path):
    # 2021 表二 glued: 行政规范性文件13013 reads 13 · 0 · 13, 1 · 30 · 13 or 1 · 301 · 3 (本年制发 ≤
    # 现行有效 + 本年废止 each time); the prose says 「全年制发规范性文件13件」, which the template ties to
    # 本年制发件数 (N-1): 13 · 0 · 13, flagged as so cut. Before: the row left unread
    path = ZOO / "dev-r0039-docx2txt.txt"
    report, wrong, silent = read_against_truth(path)
    columns = ("issued", "repealed", "in_force")
    assert _values(report, "normative_docs", columns) == [13, 0, 13]
    assert any(f.cell == "section2.normative_docs" and f.kind == "inferred" and "正文所称制发规范性文件13件" in f.message
               for f in report.flags)
    assert not [c for c in wrong if c.startswith("section2.")] and silent == []
    # a prose stating a number no reading gives (5) chooses nothing: the row stays open, and the
    # rule N-1 is left to weigh the prose against the table
    other = tmp_path / path.name
    other.write_text(path.read_text(encoding="utf-8").replace("制发规范性文件13件", "制发规范性文件5件"), encoding="utf-8")
    report = load_report(other)
    assert _values(report, "normative_docs", columns) == [None, None, None]
    assert any(f.cell == "section2.normative_docs" and f.kind == "parse" for f in report.flags)
