"""Text exports of Word reports (docx2txt, pandoc plain, antiword, mammoth Markdown, LibreOffice
text), read from committed outputs of the converter zoo (tests/fixtures/converters/zoo-*, with
the truth beside each)."""
from __future__ import annotations

import json
from pathlib import Path

from core.check.rules import ERROR, check
from core.pipeline import load_report
from core.template import T4
from tests.core.truth import covered, leaves

CONVERTERS = Path(__file__).resolve().parents[2] / "fixtures" / "converters"
T3_COLUMNS = ("natural", "commercial", "research", "social", "legal", "other", "total")


def _wrong_and_silent(path: Path):
    """Cells read otherwise than printed, and those of them no flag or finding marks."""
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


def test_markdown_escaped_signs_and_decimal_points_are_read_as_numbers():
    # mammoth's Markdown escapes "-2", "+1" and "43.7" as "\-2", "\+1", "43\.7" (a 2019 report)
    report, wrong, silent = _wrong_and_silent(CONVERTERS / "zoo-r0048.mammoth-md.md")
    assert report.value("section2.punishment.change") == -2
    assert report.value("section2.licensing.change") == 1
    assert report.value("section2.licensing.decisions") == 13870
    assert report.value("section2.procurement.amount") == 43.7
    assert [c for c in wrong if c.startswith("section2")] == [] and silent == []
    assert not [f for f in check(report) if f.severity == ERROR]


def test_a_row_printing_only_zeros_is_zero_in_every_column_though_its_blanks_left_no_trace():
    # mammoth's Markdown drops blank cells: 「2.其他法律行政法规禁止公开」 prints 无 0 0 无 无 (five
    # of seven), 表四 nine zeros and 无 of fifteen; wherever the blanks stood, every cell is 0
    report, wrong, silent = _wrong_and_silent(CONVERTERS / "zoo-r0011.mammoth-md.md")
    for key in ("denied_law_forbidden", "unable_unclear", "other_other"):
        assert [report.value(f"section3.{key}.{c}") for c in T3_COLUMNS] == [0] * 7, key
        assert report.cells[f"section3.{key}.natural"].state == "inferred"
    assert [report.value(p) for p in T4.paths()] == [0] * 15
    assert {"section3.denied_law_forbidden", "section4"} <= {f.cell for f in report.flags if f.kind == "inferred"}
    assert wrong == [] and silent == []
    assert not [f for f in check(report) if f.severity == ERROR]


def test_a_glued_row_of_zeros_and_spaced_placeholders_is_zero_in_every_column():
    # docx2txt: 「5.属于三类内部事务信息」 prints "0000 -- 00" (seven cells, one blank lost), 「4.保护第三方
    # 合法权益」 "0 -- 000 -- " : every reading of them is all zeros
    report, wrong, silent = _wrong_and_silent(CONVERTERS / "zoo-r0035.docx2txt.txt")
    for key in ("denied_third_party", "denied_internal_affairs", "carried_over"):
        assert [report.value(f"section3.{key}.{c}") for c in T3_COLUMNS] == [0] * 7, key
    assert silent == []
    assert not [c for c in wrong if c.startswith("section3.denied_")]
