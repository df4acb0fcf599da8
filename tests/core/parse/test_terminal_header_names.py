"""Column names of a WPS table drawn by a terminal browser (w3m, lynx) say where its values lie:
a name wrapped in its narrow cell (表三's 「总」 over 「计」) is still a name, and a value printed at
its cell's left edge lies under the whole name (表四's 「结果纠正」), not under its last word
(tests/fixtures/zoo/README.md: w2503-r0031-wps-html-w3m, w2503-r0003-wps-html-w3m/-lynx)."""
from __future__ import annotations

from pathlib import Path

from core.parse.columns import T3_HEADER_WORDS, header_centres
from core.parse.tokens import TEXT, Token
from tests.core.truth import T3_COLUMN_KEYS, read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
T4_KEYS = ("maintained", "corrected", "other", "pending", "total")


def _header(lines: list[str]) -> tuple[str, list[Token]]:
    text = "\n".join(lines) + "\n"
    tokens, start = [], 0
    for n, line in enumerate(lines):
        tokens.append(Token(TEXT, line.strip(), start + len(line) - len(line.lstrip()), start + len(line), n))
        start += len(line) + 1
    return text, tokens


def test_total_wrapped_in_its_cell_is_named():
    # w3m: 「总」 at 40 on the first line, 「计」 under it: 总计's centre is the cell's, 40.5
    names = "自然人 商业 科研 社会 法律 其他"  # (18 characters)
    text, tokens = _header([" " * 40 + "总", names + " " * 22 + "计"])
    centres = header_centres(text, tokens, T3_HEADER_WORDS, {0, 1}, wide=False)
    assert centres[-1] == 40.5 and None not in centres
    # 「计」 a column right of 「总」: not its rest, 总计 not named
    text, tokens = _header([" " * 40 + "总", names + " " * 23 + "计"])
    assert header_centres(text, tokens, T3_HEADER_WORDS, {0, 1}, wide=False)[-1] is None


def test_t3_values_under_a_wrapped_total_go_to_the_total():
    # before: 总计 unnamed, each row's last value (16 under 「计」) read as 其他 and the 总计 column
    # as blank (14 cells wrong, flagged); now every cell is right
    report, wrong, silent = read_against_truth(ZOO / "w2503-r0031-wps-html-w3m.txt")
    assert [report.value(f"section3.new.{c}") for c in T3_COLUMN_KEYS] == [15, 1, None, None, None, None, 16]
    assert [report.value(f"section3.total.{c}") for c in T3_COLUMN_KEYS] == [14, 1, None, None, None, None, 15]
    assert wrong == [] and silent == []


def test_t4_values_at_their_cells_left_edge_go_under_the_whole_name():
    # 表四 prints 2, 1, 3 at the left edges of 结果纠正, 其他结果 and 总计; before, the 2 lay nearer
    # the centre of 「维持」 (the right half of 「结果维持」) than of 「纠正」 and was read as 结果维持
    for name in ("w2503-r0003-wps-html-w3m.txt", "w2503-r0003-wps-html-lynx.txt"):
        report, wrong, silent = read_against_truth(ZOO / name)
        assert [report.value(f"section4.review.{c}") for c in T4_KEYS] == [None, 2, 1, None, 3], name
        assert not any(cell.startswith("section4") for cell in wrong) and silent == [], name


def test_t4_values_at_the_left_edge_of_every_name_lie_under_it_misprint_and_all():
    # 表四 prints 无 ０ 无 ０ 无 | 无 ０ ０ | １５ １ ４ １ １２ at the left edges of its names, the
    # last group misprinted (总计 12, 21 true): only a placement by position names the misprint's
    # group, and only where every value lies under its name. Measured from the names' centres each
    # value lay 1.5 columns off (a 1-column value in an 8-column name) and the placement was refused
    # (6 cells wrong, flagged); a name's column spans its width
    report, wrong, silent = read_against_truth(ZOO / "w2403-r0028-wps-html-w3m.txt")
    assert [report.value(f"section4.litigation_after_review.{c}") for c in T4_KEYS] == [15, 1, 4, 1, 12]
    assert not any(cell.startswith("section4") for cell in wrong) and silent == []
