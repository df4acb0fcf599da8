"""表二's 第二十条第（一）项 block printed by pdftotext -layout from a PDF whose table sets its values at
their cells' left edges and its names in the middle of their cells (tests/fixtures/zoo/README.md).
A row printing fewer values than columns is placed under the header's names: a value in the gap
between two names was put under the nearer one, a column left of its own (规章 3 read as 本年制发件数
where the PDF prints it under 本年废止件数). The document's one-column blocks (行政许可 117 under
「本年处理决定数量」, wholly left of that name) show where its values sit: at their cells' left edges,
so a value in the gap before a name is that name's."""
from __future__ import annotations

from pathlib import Path

from core.parse.parser import parse
from core.readers.dispatch import read_document
from tests.core.truth import read_against_truth, t2_documents_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
FLAG_WORDS = "按版面位置归入各列"


def _flagged(report, key: str) -> bool:
    return any(f.cell == f"section2.{key}" and FLAG_WORDS in f.message for f in report.flags)


def test_values_in_the_gap_before_a_name_are_that_names_where_values_sit_at_left_edges():
    report, wrong, silent = read_against_truth(ZOO / "p2302-r0031-pdftotext-layout-utf-8.txt")
    assert t2_documents_row(report, "rules") == [None, 3, None]
    assert t2_documents_row(report, "normative_docs") == [None, 1, None]
    assert not [cell for cell in wrong if cell.startswith("section2.")]
    assert silent == []
    # (no row of the block prints all three: still placed by position, still flagged)
    assert _flagged(report, "rules") and _flagged(report, "normative_docs")


def test_a_value_left_of_the_first_name_and_one_in_a_later_gap():
    report, wrong, silent = read_against_truth(ZOO / "q3006-r0042-pdftotext-layout-utf-8.txt")
    assert t2_documents_row(report, "rules") == [None, 14, None]
    assert t2_documents_row(report, "normative_docs") == [2, None, 27]
    assert not [cell for cell in wrong if cell.startswith("section2.")]
    assert silent == []


def test_values_centred_under_their_names_keep_the_nearest_name(tmp_path):
    # the one-column blocks' values moved onto their names (as a table centring its values prints
    # them): nothing shows left edges, so the gap value stays under the nearer name, flagged
    text = (ZOO / "p2302-r0031-pdftotext-layout-utf-8.txt").read_text(encoding="utf-8")
    text = text.replace("   行政许可       117", "   行政许可                           117")
    text = text.replace("   行政处罚       2084", "   行政处罚                           2084")
    centred = tmp_path / "centred.txt"
    centred.write_text(text, encoding="utf-8")
    report = parse(read_document(centred, centred.read_bytes()))
    assert t2_documents_row(report, "rules") == [3, None, None]
    assert _flagged(report, "rules")
