"""The Word export fills a template prepared once (core/export/docx.py ``_prepare``) instead of
finding every cell of the official template again for each report, which took most of a second a
report. What the user gets must not change by a byte: each file written is compared, part by
part, with what the per-report path wrote before (``reference_save`` below, that path as it was)."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Pt

import core.export.docx as word
from core.export.common import format_value, shown_value
from core.export.docx import write_docx_folder
from core.model import PLACEHOLDER, SLASH, CellValue
from core.review.edits import CellEdit, ReportReview
from tests.core.review.test_edits import make_report

ROOT = Path(__file__).resolve().parents[3]


def reference_save(review: ReportReview, target: Path) -> None:
    """The Word file as written before the template was prepared once: the template opened, its
    cells found, filled and sized, the prose written, the tables' page breaks set, all per report."""
    document = Document(str(word.TEMPLATE_DOCX))
    text_sizes = {table._tbl: word._table_text_size(table._tbl) for table in document.tables}
    for path, cell in word.template_cells(document).items():
        value = shown_value(review, path)
        text = "" if value is None else value if value == "/" else format_value(value)
        word._set_text(cell, text)
        table = cell._tc.getparent().getparent()
        size = text_sizes.get(table)
        if size is None or not cell.paragraphs[0].runs:
            continue
        room = word._text_room_pt(cell, table)
        if text and room:
            while size > word.SMALLEST_PT and len(text) * word.DIGIT_EM * size > room:
                size -= 0.5
        for run in cell.paragraphs[0].runs:
            run.font.size = Pt(size)
    title = word._set_title(document, word.own_title(review.report))
    word._fill_prose(document, title, review.report)
    word._table_three_on_a_page(document)
    for table in document.tables:
        texts = {word._norm(cell.text) for row in table.rows for cell in row.cells}
        if word.T3_APPLICANTS not in texts:
            word._keep_together(table)
    document.save(str(target))


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def real_reviews(tmp_path) -> list[ReportReview]:
    """Three real reports through the parser: a sample with edits (a number too wide for its
    表三 cell, a blank, a cell made "/"), a sample with its title, period and prose, and a PDF
    whose title is printed over two lines; and a made-up report with "/" and "—" printed."""
    pipeline = pytest.importorskip("core.pipeline")
    samples = ROOT / "resources" / "samples"
    edited = ReportReview(pipeline.load_report(samples / "000_f621d1f2d2e52411.txt"))
    for path, value in (("section3.granted.natural", 123456), ("section3.new.total", 9876543),
                        ("section2.fees.amount", 96171.65), ("section4.review.total", None)):
        edited.apply(CellEdit(path, edited.value(path), value, "测试"))
    prose = ReportReview(pipeline.load_report(samples / "001_2b6e7661ff84f527.txt"))
    pdf = ReportReview(pipeline.load_report(ROOT / "tests" / "fixtures" / "corpus" / "huaian-2024.pdf"))
    made = make_report(file=str(tmp_path / "某区.txt"), values={"section2.licensing.decisions": 447228})
    made.cells["section2.procurement.amount"] = CellValue(None, SLASH, "/")
    made.cells["section4.review.pending"] = CellValue(None, PLACEHOLDER, "—")
    return [edited, prose, pdf, ReportReview(made)]


def test_every_word_file_is_byte_for_byte_what_the_per_report_path_wrote(tmp_path):
    reviews = real_reviews(tmp_path)
    assert all(r.report.template == "2021" for r in reviews)
    written = write_docx_folder(reviews, tmp_path / "Word").files  # one export: the prepared template reused
    assert len(written) == 4
    for number, (review, path) in enumerate(zip(reviews, written)):
        before = tmp_path / f"reference{number}.docx"
        reference_save(review, before)
        new, old = parts(path), parts(before)
        assert list(new) == list(old)
        assert new["word/document.xml"] == old["word/document.xml"], path.name
        assert new == old, path.name


def test_each_report_gets_its_own_values_from_the_one_prepared_template(tmp_path):
    """Two reports in one export: the second file holds the second report's numbers, not the
    first's left behind in a template shared between them."""
    first = ReportReview(make_report(file=str(tmp_path / "甲.txt"), values={"section3.new.natural": 3001}))
    second = ReportReview(make_report(file=str(tmp_path / "乙.txt"), values={"section3.new.natural": 7}))
    one, two = write_docx_folder([first, second], tmp_path / "Word").files
    # 表三 row 一、本年新收 (the fourth row), 自然人 in its fourth grid column, as in test_export.py
    assert Document(str(one)).tables[1].rows[3].cells[3].text == "3001"
    assert Document(str(two)).tables[1].rows[3].cells[3].text == "7"
