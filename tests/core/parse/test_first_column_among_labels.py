"""2019 表三 of plain pdftotext whose first band's 自然人 column prints among the labels, a value
to a paragraph: the header prints first, the labels run to 「3.危及…」, then rows 一 and 二's
first values and （一）/（二）'s 自然人 (one paragraph each), the other labels, the header's word
其他 with the rest of rows 一 and 二, and the bands; （一）/（二）'s 总计 prints apart
(column_blocks._blocks_after_header_words), from committed outputs of the converter zoo (truth
beside them: tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from core.parse import column_blocks
from tests.core.truth import read_against_truth
from tests.core.truth import t3_row as _t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_first_column_printed_among_the_labels_is_read_as_the_first_bands():
    # among the labels: 26058 8511 0 0 439 (rows 一 and 二) then 12005 2658 (（一）/（二）'s 自然人);
    # after the last label: 其他, 0 0 34569 0 0 0 0 439; 法律服务机构's 0 after section 五's
    # heading: 16 lone values for rows 一 and 二's 14. Before: 144 表三 cells flagged (not read)
    report, wrong, silent = read_against_truth(ZOO / "pages2929-r0020-pdftotext-gbk.txt")
    assert _t3_row(report, "new") == [26058, 8511, 0, 0, 0, 0, 34569]
    assert _t3_row(report, "carried_over") == [0, 439, 0, 0, 0, 0, 439]
    # 16129 prints alone after the band's columns, 3571 after section 五's heading
    assert _t3_row(report, "granted") == [12005, 4124, 0, 0, 0, 0, 16129]
    assert _t3_row(report, "partial") == [2658, 913, 0, 0, 0, 0, 3571]
    # the planted drop: 1736 printed 173, read as printed and flagged
    assert _t3_row(report, "not_processed_massive") == [1293, 443, 0, 0, 0, 0, 173]
    assert any(f.cell == "section3.not_processed_massive" for f in report.flags)
    assert _t3_row(report, "total") == [26058, 8950, 0, 0, 0, 0, 35008]
    assert not [cell for cell in wrong if cell.startswith("section3")] and silent == []


def test_same_layout_in_another_zoo():
    # 26665 6452 0 0 580 11160 3653 among the labels; a planted +1 in 4.无正当理由大量反复申请's
    # 法律服务机构 (1 for 0), read as printed and flagged. Before: 144 表三 cells flagged
    report, wrong, silent = read_against_truth(ZOO / "pages8383-r0023-pdftotext-utf-8.txt")
    assert _t3_row(report, "new") == [26665, 6452, 0, 0, 0, 0, 33117]
    assert _t3_row(report, "granted") == [11160, 2943, 0, 0, 0, 0, 14103]
    assert _t3_row(report, "partial") == [3653, 965, 0, 0, 0, 0, 4618]
    assert _t3_row(report, "not_processed_massive") == [0, 0, 0, 0, 1, 0, 0]
    assert any(f.cell == "section3.not_processed_massive" for f in report.flags)
    assert wrong == [] and silent == []


def test_the_value_under_the_legal_header_cell_printed_apart_is_row_ones():
    # zeros as 「－」: among the labels 30701 4027 － 1995 131 then 15224 2825 (（一）/（二）'s 自然人),
    # after the last label 其他, 331 － 35059 － 16 － － 2142, and 「法律 / 服务 / 机构 / 0」 (the
    # 「－」 read as 0) after section 四's heading. 一 = 30701 4027 － 331 [－] － 35059 holds only with
    # that value as 一's 法律服务机构 (the first row under the header cell), out of print order.
    # Before: 表三 unread, 44 cells flagged
    report, wrong, silent = read_against_truth(ZOO / "p6007-r0029-pdftotext-utf-8.txt")
    assert _t3_row(report, "new") == [30701, 4027, None, 331, None, None, 35059]
    assert _t3_row(report, "carried_over") == [1995, 131, None, 16, None, None, 2142]
    assert _t3_row(report, "granted") == [15224, 2010, None, 177, None, None, 17411]
    assert _t3_row(report, "total") == [29953, 3955, None, 347, None, None, 34255]
    assert _t3_row(report, "carried_forward") == [2743, 203, None, None, None, None, 2946]
    assert wrong == [] and silent == []
    assert not [f for f in report.flags if f.cell.startswith("section3")]


def test_head_rows_may_take_the_legal_value_apart_as_row_ones_out_of_order():
    def counted(values):
        return [(v, i, i + 1) for i, v in enumerate(values)]

    # printed: 一's 5 1 0 2, 二's 1 then 一's other 0 and 总计 8, 二's … ; 一's 法律服务机构 (0) last
    values = counted([5, 1, 0, 2, 1, 0, 8, 0, 0, 0, 0, 1, 0])
    sums = [6, 1, 0, 2, 0, 0, 9]
    values.append((0, 99, 100))
    assert column_blocks._head_rows(values, sums) is None  # (一 cannot take its legal 0 in order)
    found = column_blocks._head_rows(values, sums, legal=len(values) - 1)
    assert found is not None
    first, second = found
    assert [v for v, _, _ in first] == [5, 1, 0, 2, 0, 0, 8] and first[4] == (0, 99, 100)
    assert [v for v, _, _ in second] == [1, 0, 0, 0, 0, 0, 1]


def test_page_ones_values_before_page_twos_labels_are_read():
    # page 1 ends after 「2、其他法律法规禁止公开」's label: 65 21 0 1 0 (rows 一 and 二), then
    # 35|9|0|0 (（一）（二）'s and （三）1–2's 自然人, one paragraph), the header's words 其他 0 /
    # 法律 服务 机构 0 with 0 86 0 0 0 0 1, then both bands' other six columns (11|2 … 46|11, 0|0 × 6);
    # page 2 the other labels and the bands after them. Before: 31 表三 cells flagged, 3 rows'
    # values read from 一's
    report, wrong, silent = read_against_truth(ZOO / "pages2929-r0028-pdftotext-gbk.txt")
    assert _t3_row(report, "new") == [65, 21, 0, 0, 0, 0, 86]
    assert _t3_row(report, "carried_over") == [1, 0, 0, 0, 0, 0, 1]
    assert _t3_row(report, "granted") == [35, 11, 0, 0, 0, 0, 46]
    assert _t3_row(report, "partial") == [9, 2, 0, 0, 0, 0, 11]
    assert _t3_row(report, "denied_law_forbidden") == [0] * 7
    assert _t3_row(report, "denied_internal_affairs") == [3, 1, 0, 0, 0, 0, 4]
    assert _t3_row(report, "total") == [61, 21, 0, 0, 0, 0, 82]
    assert _t3_row(report, "carried_forward") == [5, 0, 0, 0, 0, 0, 5]
    assert wrong == [] and silent == []
    assert not [f for f in report.flags if f.cell.startswith("section3")]


def test_values_among_labels_takes_rows_one_and_two_first_and_tells_bands_printing_six_columns():
    text = ("一、本年新收\n\n（一）予以公开\n\n5\n\n1\n\n35\n9\n0\n0\n\n其他\n0\n\n"
            + "\n\n".join("0" for _ in range(11)) + "\n\n11\n2\n\n0\n0\n\n5、要求行政机关确认")
    found = column_blocks._values_among_labels(text, 0, text.index("5、要求"), frozenset())
    assert found is not None
    head, columns, narrow = found
    assert len(head) == 14 and [v for v, _, _ in head[:3]] == [5, 1, 0]
    assert [[v for v, _, _ in c] for c in columns] == [[35, 9, 0, 0], [11, 2], [0, 0]]
    assert narrow == 2  # (35|9|0|0: the 自然人 of the first two bands, two rows each)
    # a count beside a label, or 13 lone values: not this layout
    beside = text.replace("\n\n11\n", "\n（二）部分公开\n11\n")
    assert column_blocks._values_among_labels(beside, 0, beside.index("5、要求"), frozenset()) is None
    shorter = text.replace("\n\n1\n\n", "\n\n", 1)
    assert column_blocks._values_among_labels(shorter, 0, shorter.index("5、要求"), frozenset()) is None


def test_t3s_legal_header_cell_among_t4s_pieces_under_section_five_is_t3s():
    # the same report: 表四 prints 0 0 0 0 0 2 0 0 2 in section 四, the rest among its header's
    # pieces under section 五's heading (总计 4 / 复议后起诉 … 2 0 0 / 尚未审结 0 / 总计 2), with
    # 表三's 「法律 服务 机构 0」 and 3571 / 35008 / 0 among them. Before, the 表三 words ended the
    # pieces: 表四 read 9 values, 7 cells wrong (flagged)
    report, wrong, silent = read_against_truth(ZOO / "pages2929-r0020-pdftotext-gbk.txt")
    assert [report.value(f"section4.litigation_direct.{c}") for c in
            ("maintained", "corrected", "other", "pending", "total")] == [2, 0, 0, 2, 4]
    assert [report.value(f"section4.litigation_after_review.{c}") for c in
            ("maintained", "corrected", "other", "pending", "total")] == [2, 0, 0, 0, 2]
    assert wrong == [] and silent == []


def test_t3_legal_words_are_the_header_cells_pieces_only():
    from core.parse.pdfblocks import _t3_legal_words
    from core.parse.tokens import EMPTY, NUM, TEXT, Token

    def line(*texts: str) -> list:
        return [Token(NUM if t.isdigit() else EMPTY if not t else TEXT, t, 0, len(t), 0,
                      int(t) if t.isdigit() else None) for t in texts]

    assert _t3_legal_words(line("法律")) and _t3_legal_words(line("机构", "0"))
    assert _t3_legal_words(line("法律 服务 机构"))
    assert not _t3_legal_words(line("0"))  # (no words)
    assert not _t3_legal_words(line("总计"))  # (表四's)
    assert not _t3_legal_words(line("法律", ""))
