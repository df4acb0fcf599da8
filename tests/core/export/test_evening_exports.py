"""Exports as the auditor's colleague opens them (ux71): a note the auditor began with 「=」."""
from __future__ import annotations

import zipfile

import openpyxl

from core.export.dispatch import export
from core.review.edits import CONFIRMED, ReportReview, verdict_on
from tests.core.export.test_handed_on import T3_1_VALUES
from tests.core.review.test_edits import make_report


def test_a_note_beginning_with_an_equals_sign_is_written_as_text_not_a_formula(tmp_path):
    """The auditor's note 「=上年数，请核对」 on a confirmed finding and 「=B2」 on a correction went
    into the workbook as formulas: Excel showed #NAME? (or offered to repair the whole file) where
    the note was. Both are text, as typed."""
    review = ReportReview(make_report(file=str(tmp_path / "报告.docx"), agency="某某区人民政府办公室",
                                      content_hash="ab" * 32, values=T3_1_VALUES))
    review.set_verdict(verdict_on(review.findings()[0], CONFIRMED, "=上年数，请核对"))
    review.apply(review.edit_for("section3.granted.natural", 4, "=B2"))
    target = tmp_path / "审核结果.xlsx"
    export([review], target)
    book = openpyxl.load_workbook(target)
    notes = {cell.value: cell.data_type for sheet in book for row in sheet.iter_rows() for cell in row
             if isinstance(cell.value, str) and cell.value.startswith("=")}
    assert notes == {"=上年数，请核对": "s", "=B2": "s"}
    with zipfile.ZipFile(target) as archive:  # no formula in any sheet Excel reads
        assert not any(b"<f>" in archive.read(name) for name in archive.namelist() if name.startswith("xl/worksheets/"))
