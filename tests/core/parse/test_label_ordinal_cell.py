"""A 表三 row label whose ordinal a PDF's table prints in a cell of its own (「4」「、无正当理由大量反复申请」)
is the label's, not a value of the row above it (tests/fixtures/zoo/README.md: quirks1401-r0014-lo-pdf)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.parse.tokens import NUM, TEXT, tokenize
from core.readers.document import TextBuilder
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_an_ordinal_cell_before_a_label_is_the_labels_text():
    builder = TextBuilder()
    builder.add_line(["3、要求提供公开出版物", "", "", "0", "", "－", "－", ""])
    builder.add_line(["4", "、无正当理由大量反复申请", "7", "2", "0", "0", "", "", "9"])
    tokens = tokenize(builder.lines)
    second = [t for t in tokens if t.line == 1]
    assert (second[0].kind, second[0].text) == (TEXT, "4、无正当理由大量反复申请")
    assert [t.value for t in second if t.kind == NUM] == [7, 2, 0, 0, 9]


def test_a_number_before_other_text_stays_a_number():
    builder = TextBuilder()
    builder.add_line(["5", "其他"])
    builder.add_line(["12"])
    builder.add_line(["、其他"])  # (a cell starting with 、 on another line than the number)
    assert [t.kind for t in tokenize(builder.lines)] == [NUM, TEXT, NUM, TEXT]


def test_the_ordinal_of_the_next_label_is_no_total_of_the_row_above():
    # 「3.要求提供公开出版物」 prints a 0 and two 「－」, its 总计 blank; the next line starts with
    # 「4」 in a cell of its own. Before: that 4 read as the row's 总计 (a false T3-2 and T3-3 错误),
    # its 0 one column left; and 「1.属于国家秘密」 (a stray empty cell after its last) read one off
    report, wrong, silent = read_against_truth(ZOO / "quirks1401-r0014-lo-pdf.pdf")
    assert t3_row(report, "not_processed_publication") == [None, None, 0, None, None, None, None]
    assert t3_row(report, "denied_state_secret") == [None, None, None, None, None, 0, 0]
    assert [f for f in check(report) if f.severity == "error"] == []
    assert wrong == [] and silent == []
