"""Section headings and 表四 column names that w3m wraps in a WPS page's narrow table cells
(tests/fixtures/zoo/README.md: w1903-r0012-wps-html-w3m): 「三、收到和处理政府信息公」 over
「开申请情况」, 「四、政府信息公开行政复议」 over 「、行政诉讼情况」, 表四's 「结果纠」 over 「正」 and
「总」 over 「计」. The report prints 表三 blank and 表四 as one line 5 1 3 9 2 1 3."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.parse.columns import repeated_header_centres
from core.parse.t4 import T4_HEADER_WORDS
from core.parse.sections import find_sections
from core.parse.tokens import TEXT, Token
from core.readers.document import TextBuilder
from tests.core.truth import T3_COLUMN_KEYS, read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
FILE = ZOO / "w1903-r0012-wps-html-w3m.txt"
T4_GROUPS = ("review", "litigation_direct", "litigation_after_review")
T4_COLUMNS = ("maintained", "corrected", "other", "pending", "total")


def _t4(report) -> list[list]:
    return [[report.value(f"section4.{g}.{c}") for c in T4_COLUMNS] for g in T4_GROUPS]


def test_blank_t3_keeps_its_last_row_blank_and_t4_values_sit_under_their_columns():
    # before: neither heading found, 表三 read from 「本年新收」 400 lines on, its last row
    # 「四、结转下年度继续办理」 took 表四's 5 1 3 9 2 1 3 (a false T3-1 错误 on a right report), and
    # 表四's direct 其他 1 was read as 纠正 (values put leftmost, the header's wrapped names unfound)
    report, wrong, silent = read_against_truth(FILE)
    # (表三 prints no count but 0: the row printing nothing reads 0, flagged, not 表四's values)
    assert t3_row(report, "carried_forward") == [0] * len(T3_COLUMN_KEYS)
    assert "section3.carried_forward" in {f.cell for f in report.flags}
    assert _t4(report) == [[5, 1, 3, None, 9], [2, None, 1, None, 3], [None] * 5]
    assert not [f for f in check(report) if f.severity == "error"]
    assert wrong == [] and silent == []
    assert report.sections == [1, 2, 3, 4, 5, 6]


def read_against_truth_at(path: Path):
    truth = FILE.with_suffix(".json")
    path.with_suffix(".json").write_bytes(truth.read_bytes())
    return read_against_truth(path)


def _document(*lines: str) -> TextBuilder:
    builder = TextBuilder()
    for line in lines:
        builder.add_line([line])
    return builder


def test_a_heading_wrapped_over_two_lines_is_found_at_its_first():
    builder = _document("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公", "开申请情况",
                        "四、结转下年度继续办理", "四、政府信息公开行政复议", "、行政诉讼情况", "五、存在的主要问题及改进情况")
    expected = {1: 0, 2: 1, 3: 2, 4: 5, 5: 7}
    assert find_sections(builder.lines).heading_lines == expected
    assert find_sections(builder.lines, builder.text).heading_lines == expected


def test_halves_without_the_sections_ordinal_make_no_heading():
    # a row label's or prose's halves: the joined text names a section, but no ordinal begins it
    builder = _document("一、总体情况", "二、主动公开政府信息情况", "（本列数据）收到和处理政府信息公", "开申请情况")
    assert 3 not in find_sections(builder.lines).heading_lines
    # a heading printed without its ordinal under 表三's last row 「四、结转下年度继续办理」: the row
    # and the heading are no heading together, 表三 keeps its last row
    builder = _document("三、收到和处理政府信息公开申请情况", "四、结转下年度继续办理", "政府信息公开行政复议、行政诉讼情况")
    assert find_sections(builder.lines).heading_lines == {3: 0, 4: 2}


def _centres(lines: list[str]):
    """repeated_header_centres of two groups of 表四's header printed as `lines`, by characters."""
    header = "\n".join(lines) + "\n"
    tokens, start = [], 0
    for n, line in enumerate(lines):
        tokens.append(Token(TEXT, line.strip(), start + len(line) - len(line.lstrip()), start + len(line), n))
        start += len(line) + 1
    return repeated_header_centres(header, tokens, T4_HEADER_WORDS, 2, set(range(len(lines))), wide=False)


def test_t4_names_wrapped_in_their_cells_give_the_columns_centres():
    # the second group's 「结果纠」 over 「正」 and 「总」 over 「计」, each rest starting the line
    # below at its cell's column (28 and 42)
    first = "结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠 其他结果 尚未审结 总"
    # whole names at their centres (「结果维持」 at 0..4: 2); 纠正 the centre of 「结果纠」 and 「正」
    # (28..31), 总计 that of 「总」 and 「计」 (42..43)
    assert _centres([first, " " * 28 + "正" + " " * 13 + "计"]) == [2, 7, 12, 17, 21, 25, 29.5, 34, 39, 42.5]
    # 「正」 a column right of its cell: not the rest of 纠正, the header no longer names every column
    assert _centres([first, " " * 29 + "正" + " " * 12 + "计"]) is None
    # a header printed a character a line (pdftotext): 「纠」 continues a column begun above it
    above = " " * 28 + "结"
    assert _centres([above, first, " " * 28 + "正" + " " * 13 + "计"]) is None
