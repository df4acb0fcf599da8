"""Glued cells read by what the prose says of them (core/parse/prose_counts.py): docx2txt prints
表四's cells with no break, and where the cuts that add up differ in their groups' 总计, the one
the prose's 「行政复议N件」「行政诉讼M件」 (the N-1 rule's numbers) gives is preferred."""
from __future__ import annotations

from pathlib import Path

from core.parse.prose_counts import stated_issued, stated_t4
from core.parse.glued_tables import _open_t4
from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_the_prose_states_the_numbers_of_reviews_lawsuits_and_documents_issued():
    assert stated_t4("全年发生政府信息公开行政复议11件、行政诉讼15件。") == (11, 15)
    assert stated_t4("全年未发生因政府信息公开引起的行政复议、行政诉讼案件。") == (0, 0)
    assert stated_t4("全年发生政府信息公开行政复议0件、行政诉讼3件。") == (0, 3)
    assert stated_t4("本年度工作平稳。") == (None, None)
    assert stated_issued("全年制发规范性文件31件，均按规定公开。") == 31
    assert stated_issued("本年度行政事业性收费112.1万元。") is None


def test_glued_t4_values_go_to_the_groups_the_prose_counts_them_in():
    # 表四 prints 「…总计33」: a 3 and its group's 总计 3, the blank cells leaving no trace, in any
    # of the three groups; the prose says 「行政复议0件、行政诉讼3件」: not 行政复议 (before: put there,
    # the leftmost group); of the two 行政诉讼 groups, the leftmost, flagged as so placed
    report, wrong, silent = read_against_truth(ZOO / "dev-r0002-docx2txt.txt")
    assert [report.value(f"section4.litigation_direct.{c}") for c in ("maintained", "total")] == [3, 3]
    assert report.value("section4.review.total") is None and report.value("section4.review.maintained") is None
    flag = next(f for f in report.flags if f.cell == "section4")
    assert "按正文所称行政复议0件、行政诉讼3件选取" in flag.message and "已自左向右放置" in flag.message
    assert not [c for c in wrong if c.startswith("section4")] and silent == []


def test_a_cut_the_prose_alone_chooses_is_read_whole_and_flagged_inferred():
    # two cuts of a glued 表四 that add up: 行政复议 1 · 0 · 0 · 0 · 1 and 行政诉讼 (direct) 0 · 0 · 0 · 0 · 0,
    # or the other way round; the prose's 「行政复议1件、行政诉讼0件」 leaves the first
    cells = [("1", 0, 1)] + [("0", 1 + n, 2 + n) for n in range(14)]
    first = tuple((v, n) for n, v in enumerate([1, 0, 0, 0, 1] + [0] * 10))
    second = tuple((v, n) for n, v in enumerate([0] * 5 + [1, 0, 0, 0, 1] + [0] * 5))
    tokens, cut, flag = _open_t4([first, second], cells, "…", (1, 0))
    assert [t.value for t in tokens] == [1, 0, 0, 0, 1] + [0] * 10
    assert flag.kind == "inferred" and "按正文所称行政复议1件、行政诉讼0件选取" in flag.message
    # with no prose to choose, they differ only in the groups their values took: placed from the
    # left, flagged as so placed (a guess)
    tokens, cut, flag = _open_t4([first, second], cells, "…")
    assert [t.value for t in tokens] == [1, 0, 0, 0, 1] + [0] * 10
    assert flag.kind == "parse" and "已自左向右放置" in flag.message and "按正文所称" not in flag.message
