"""Glued runs printing nothing but zeros and placeholders (docx2txt, tests/fixtures/converters):
every reading of them is all 0, so they are read as 0 without weighing each reading; the report
reads the same as when every reading is weighed."""
from __future__ import annotations

from pathlib import Path

from core.parse import glued_tables, glued_typo
from core.pipeline import load_report

CONVERTERS = Path(__file__).resolve().parents[2] / "fixtures" / "converters"
T4_COLUMNS = ("maintained", "corrected", "other", "pending", "total")


def _cells_and_flags(report) -> tuple:
    return ({p: (c.value, c.state, c.raw, c.span) for p, c in report.cells.items()},
            sorted((f.cell, f.kind, f.message) for f in report.flags))


def test_a_glued_t4_of_zeros_is_read_as_0_without_listing_its_readings(monkeypatch):
    # zoo61-r0006: 表四 prints "000000000", nine zeros for fifteen cells (blanks left no trace):
    # every way to place them reads 0 throughout, and nine columns for fifteen place them many
    # ways, which settles it (every cell 0, flagged), where the groups' readings used to be
    # listed until more than 500, then the first two
    asked = []
    by_group = glued_tables._readings_by_group

    def counting(*args, **kwargs):
        found = by_group(*args, **kwargs)
        asked.append((kwargs.get("enough", 0), None if found is None else len(found[0])))
        return found
    monkeypatch.setattr(glued_tables, "_readings_by_group", counting)
    report = load_report(CONVERTERS / "zoo61-r0006.docx2txt.txt")
    for group in ("review", "litigation_direct", "litigation_after_review"):
        assert [report.value(f"section4.{group}.{c}") for c in T4_COLUMNS] == [0, 0, 0, 0, 0]
    [flag] = [f for f in report.flags if f.cell == "section4"]
    assert "均按0计" in flag.message
    assert not asked  # no reading listed

    # the first two readings of the groups, and every reading listed (the whole list, or the walk
    # when there are too many), read the same
    quick = _cells_and_flags(report)
    monkeypatch.setattr(glued_tables, "_zeros_read_many_ways", lambda printed, width: False)
    assert _cells_and_flags(load_report(CONVERTERS / "zoo61-r0006.docx2txt.txt")) == quick
    assert asked and all(enough == 2 for enough, _ in asked)
    monkeypatch.setattr(glued_tables, "_readings_by_group", lambda *args, enough=0, **kwargs: by_group(*args, **kwargs))
    assert _cells_and_flags(load_report(CONVERTERS / "zoo61-r0006.docx2txt.txt")) == quick


def test_rows_of_zeros_are_not_weighed_as_a_slip_and_the_rows_weighed_share_their_choices(monkeypatch):
    # t4dashes-r0035: nine rows of 表三 print "0000000"; 「8.属于行政查询事项」 "512000017" is the
    # slip (51 typed for 15), read as printed. A row of zeros reads 0 however it is cut and adds
    # up, so it is never read against the open rows' choices as the slip's row
    weighed = []
    read = glued_tables._one_off_reading

    def counting(*args, **kwargs):
        weighed.append(args[0])
        return read(*args, **kwargs)
    monkeypatch.setattr(glued_tables, "_one_off_reading", counting)
    report = load_report(CONVERTERS / "t4dashes-r0035.docx2txt.txt")
    assert [report.value(f"section3.denied_admin_query.{c}")
            for c in ("natural", "commercial", "research", "social", "legal", "other", "total")] == [51, 2, 0, 0, 0, 0, 17]
    assert ["512000017"] in weighed
    assert not any(all(text.strip("0") == "" for text in printed) for printed in weighed)

    # what the rows weighed one after another share, worked out for each row again, reads the same
    quick = _cells_and_flags(report)
    alone = glued_typo.one_off_with_open_rows
    monkeypatch.setattr(glued_tables, "one_off_with_open_rows", lambda *args, shared=None: alone(*args))
    assert _cells_and_flags(load_report(CONVERTERS / "t4dashes-r0035.docx2txt.txt")) == quick
