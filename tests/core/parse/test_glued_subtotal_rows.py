"""表三 rows docx2txt glued whose Word row printed 8 cells, a 法人或其他组织 subtotal after 自然人
(TEMPLATE.md: rows printing 6 or 8 values), read from committed outputs of the fresh zoos q2001 and
q2006 (truth beside them: tests/fixtures/zoo/README.md, section dx51)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import ERROR, check
from tests.core.truth import read_against_truth, t3_row, t3_row_flags

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_subtotal_row_in_a_blank_total_table_leaves_its_total_blank():
    # 总计 blank throughout, zeros print 「－」: 「（二）部分公开…」 prints 「1－－－－－－」, seven cells
    # where the others print six (「－1－－－－」). Before: its last 「－」 read as its 总计, so the 总计
    # column was no longer blank, and every row printing a count failed T3-3 as an 错误 (总计为0)
    report, wrong, silent = read_against_truth(ZOO / "q2001-r0030-docx2txt.txt")
    assert wrong == [] and silent == []
    assert t3_row(report, "partial") == [1, None, None, None, None, None, None]
    assert report.cells["section3.partial.total"].state == "blank"
    assert "小计" in t3_row_flags(report, "partial")  # read so: said so, the other reading named
    findings = check(report)
    assert not [f for f in findings if f.severity == ERROR]
    assert [f.message for f in findings if f.rule == "T3-3"] == ["表三的「总计」未填写（整列空白），无法核对各行合计，请对照原文核对"]


def test_a_glued_row_of_8_adding_up_twice_drops_its_subtotal():
    # 「（一）予以公开339261000160365」: 339 | 26 | 10 0 0 16 0 | 365, 26 the sum of the five after it
    # and 365 = 339 + 26. Before: no cut into 7 added up, read 33926 | 10 | 0 | 0 | 16 | 0 | 365 (flagged)
    report, wrong, silent = read_against_truth(ZOO / "q2001-r0040-docx2txt.txt")
    assert silent == [] and not [c for c in wrong if c.startswith("section3.")]
    assert t3_row(report, "granted") == [339, 10, 0, 0, 16, 0, 365]
    assert "（26）" in t3_row_flags(report, "granted") and "小计" in t3_row_flags(report, "granted")


def test_a_subtotal_glued_to_the_natural_count_is_cut_off_it():
    # full-width digits, placeholders 「--」: 「４２２ --  --  --  -- ６」 is 4 | 2 | 2 - - - - | 6.
    # Before: read 422 under 自然人 and 6 under 其他 (flagged)
    report, wrong, silent = read_against_truth(ZOO / "q2006-r0020-docx2txt.txt")
    assert wrong == [] and silent == []
    assert t3_row(report, "unable_not_held") == [4, 2, None, None, None, None, 6]
    assert "小计" in t3_row_flags(report, "unable_not_held")


def test_glued_rows_of_8_are_read_whatever_their_digits():
    # glued_readings passes over the 自然人 and subtotal cuts whose values miss the printed digits'
    # sum modulo 9 (casting out nines, as no reading can): a row of 8, with or without its 总计,
    # glued whole or printing a placeholder, is still read as printed among its readings
    from random import Random

    from core.parse.glued_tables import _MAX_READINGS, _cut_parts
    from core.parse.subtotal_rows import glued_readings

    def read(printed: list[str], total: bool) -> list[list]:
        return [[v for v, _ in r] for r in glued_readings(printed, 5, total, _cut_parts, _MAX_READINGS)]

    assert read(["339261000160365"], True) == [[339, 26, 10, 0, 0, 16, 0, 365]]
    assert read(["122", "－", "－", "－", "－", "3"], True) == [[1, 2, 2, None, None, None, None, 3]]
    assert read(["101102103104105106107"], True) == []  # (make_folder's filled template: no row adds up)
    random = Random(7)
    for _ in range(300):
        natural = random.choice([0, random.randint(1, 40), random.randint(100, 3000)])
        parts = [random.choice([0, random.randint(1, 20), random.randint(20, 400)]) for _ in range(5)]
        total = random.random() < 0.7
        values = [natural, sum(parts), *parts] + ([natural + sum(parts)] if total else [])
        glued = random.random() < 0.5
        printed = ["".join(map(str, values))] if glued else [str(v) for v in values]
        if not glued and values[3] == 0:
            printed[3] = "－"
            values[3] = None
        readings = read(printed, total)
        if len(readings) <= _MAX_READINGS:  # (beyond, the walk stops early: a row left unread)
            assert values in readings, printed
