"""The zoo's ceiling (bench/zoo_ceiling.py): twin tables that a converter prints byte for byte alike
prove cells undecidable; a twin the equations like less proves nothing."""
from __future__ import annotations

import dataclasses
import random
import shutil

import pytest

from bench.zoo_build import build
from bench.zoo_ceiling import Recipe, Renderer, ceiling, glued_runs, twins
from bench.zoo_convert import ROUTES
from bench.zoo_tables import PLACEHOLDERS, generate

DOCX2TXT = next(r for r in ROUTES if r.name == "docx2txt")
needs_docx2txt = pytest.mark.skipif(not shutil.which("docx2txt"), reason="docx2txt (Debian package docx2txt) is not installed")


def report_2021():
    """A consistent 2021 report printing every zero as 0, but for the cells the tests blank."""
    report = next(r for r in generate(seed=31, count=10, typo_share=0) if r.version == "2021")
    printed = {p: t or "0" for p, t in report.printed.items()}
    # 表二 「规章」: issued blank, repealed 3, in force 0 (docx2txt prints "3" and "0" only)
    printed.update({"section2.rules.issued": "", "section2.rules.repealed": "3", "section2.rules.in_force": "0"})
    # 表四 复议: 12, blank, 1, blank, 13 (docx2txt prints "12 1 13")
    printed.update({"section4.review.maintained": "12", "section4.review.corrected": "",
                    "section4.review.other": "1", "section4.review.pending": "", "section4.review.total": "13"})
    return dataclasses.replace(report, printed=printed)


def report_2019():
    """A consistent 2019 report printing every zero as 0; 表二 「行政处罚」 prints 236, 0, 2."""
    report = next(r for r in generate(seed=31, count=10, typo_share=0) if r.version == "2019")
    printed = {p: "0" if not t or t in PLACEHOLDERS else t for p, t in report.printed.items()}
    printed.update({"section2.punishment.prev_items": "236", "section2.punishment.change": "0",
                    "section2.punishment.decisions": "2"})
    return dataclasses.replace(report, printed=printed)


PUNISHMENT = ("section2.punishment.prev_items", "section2.punishment.change", "section2.punishment.decisions")


def changes(report, glued=frozenset()) -> dict[tuple, frozenset]:
    return {twin.change: twin.differ for twin in twins(report, glued)}


def test_twins_move_printed_values_among_blank_cells_in_order():
    found = changes(report_2021())
    # 3 moved from 已废止 to 本年制发: both cells differ
    assert found[(("section2.rules.issued", "3"), ("section2.rules.repealed", ""))] == \
        {"section2.rules.issued", "section2.rules.repealed"}
    # 3, 0 moved to 本年制发 and 已废止: 现行有效 blank accepts the 0 the truth prints, so only two cells differ
    assert found[(("section2.rules.in_force", ""), ("section2.rules.issued", "3"), ("section2.rules.repealed", "0"))] == \
        {"section2.rules.issued", "section2.rules.repealed"}
    # 1 moved from 其他结果 to 结果纠正 or 尚未审结: T4's sum still holds
    assert (("section4.review.corrected", "1"), ("section4.review.other", "")) in found
    assert (("section4.review.other", ""), ("section4.review.pending", "1")) in found
    # 12 and 1 in any two of the four part cells, in that order, 13 in 总计: C(4, 2) - 1 = 5 twins
    review = [c for c in found if any(p.startswith("section4.") for p, _ in c)]
    assert len(review) == 5 and all(p.startswith("section4.review.") for c in review for p, _ in c)


def test_a_twin_failing_more_equations_is_not_a_twin():
    found = changes(report_2021())
    # 13 moved from 总计 to 尚未审结 (12, -, 1, 13, -): 复议's total no longer adds up
    assert (("section4.review.pending", "13"), ("section4.review.total", "")) not in found
    assert not any(("section4.review.total", "") in c for c in found)


def test_two_rows_of_table_3_moving_a_value_each_way_are_a_twin():
    report = report_2021()
    printed = {p: ("0" if p.startswith("section3.") else t) for p, t in report.printed.items()}
    # 予以公开 prints its 1 under 其他, 部分公开 under 法律服务机构; the other cell of each is blank
    for row, other, legal, total in (("new", "1", "1", "2"), ("total", "1", "1", "2"),
                                     ("granted", "1", "", "1"), ("partial", "", "1", "1")):
        printed.update({f"section3.{row}.other": other, f"section3.{row}.legal": legal, f"section3.{row}.total": total})
    found = changes(dataclasses.replace(report, printed=printed))
    both = (("section3.granted.legal", "1"), ("section3.granted.other", ""),
            ("section3.partial.legal", ""), ("section3.partial.other", "1"))
    assert found[both] == {p for p, _ in both}  # every column still adds up
    # either move alone breaks the column sums of 其他 and 法律服务机构
    assert both[:2] not in found and both[2:] not in found


def test_a_glued_row_is_cut_every_way_its_columns_can_print():
    report = report_2019()
    assert not changes(report)  # no blank cell: nothing moves unless the converter glues the row
    found = changes(report, frozenset({PUNISHMENT}))
    prev, change, decisions = PUNISHMENT
    # "23602" read as 23, 60, 2 or as 2, 360, 2: 上一年项目数量 and 本年增/减 differ
    assert found[((change, "60"), (prev, "23"))] == {prev, change}
    assert found[((change, "360"), (prev, "2"))] == {prev, change}
    # 236, blank, 02 and 2, 36, 02: a count printed with a leading zero is no cut
    assert not any((decisions, "02") in c for c in found)
    # 23, 602, blank: 处理决定数量 blank accepts 0, not the truth's 2
    assert found[((change, "602"), (decisions, ""), (prev, "23"))] == set(PUNISHMENT)


def test_a_glued_row_of_table_3_is_cut_only_as_its_equations_allow():
    report = report_2019()
    printed = {p: ("0" if p.startswith("section3.") else t) for p, t in report.printed.items()}
    columns = ("natural", "commercial", "research", "social", "legal", "other", "total")
    for row in ("new", "total", "granted"):  # 1 + 10 = 11 new requests, all granted
        printed.update({f"section3.{row}.{c}": t for c, t in zip(columns, ("1", "10", "0", "0", "0", "0", "11"))})
    granted = tuple(f"section3.granted.{c}" for c in columns)
    found = changes(dataclasses.replace(report, printed=printed), frozenset({granted}))
    # "110000011" read as 11, 0, 0, 0, 0, 0, 11 keeps the row's 总计 but no longer adds up the
    # columns 自然人 and 商业企业 with 本年新收 and 总计; every other cut breaks the row's 总计
    assert not any(p.startswith("section3.") for c in found for p, _ in c)


def test_a_run_met_by_chance_is_no_glue():
    report = report_2019()
    # one row's digits in prose, the rest of the tables printed cell by cell: no converter glue
    assert not glued_runs(report, "全年行政处罚23602件。" + " ".join(report.printed.values()))
    # every row glued between labels, but 行政处罚's "23602" is followed by a 0: that row is no run
    rows = {p.rsplit(".", 1)[0]: () for p in report.printed}
    rows = [tuple(p for p in report.printed if p.rsplit(".", 1)[0] == row) for row in rows]
    text = "标签".join("".join(report.printed[p] for p in cells) for cells in rows).replace("23602", "236020")
    glued = glued_runs(report, text)
    assert PUNISHMENT not in glued and ("section2.rules.new_made", "section2.rules.new_published",
                                        "section2.rules.total_published") in glued


def _recipe(report) -> Recipe:
    return Recipe(report, DOCX2TXT, "utf-8", "utf-8", "utf-8", random.Random(1).getstate(), ())


@needs_docx2txt
def test_docx2txt_prints_a_twin_byte_for_byte_alike(tmp_path):
    truth = report_2021()
    moved = (("section2.rules.issued", "3"), ("section2.rules.repealed", ""))
    sum_broken = (("section4.review.pending", "13"), ("section4.review.total", ""))
    placeholder = (("section2.rules.issued", "—"),)  # a printed dash: docx2txt keeps it
    original, twin, broken, dashed = Renderer(tmp_path).outputs(
        [(_recipe(truth), ()), (_recipe(truth), moved), (_recipe(truth), sum_broken), (_recipe(truth), placeholder)], 0)
    assert twin == original  # "3 0" either way: no reading of the text can tell 本年制发 from 已废止
    assert broken == original  # the same text too, but the equations rule this table out
    assert dashed != original


@needs_docx2txt
def test_ceiling_of_a_built_zoo_proves_the_blank_cells_docx2txt_drops(tmp_path):
    seed = next(s for s in range(2000, 2100) if generate(s, 1)[0].zero_style == "blank")
    build(tmp_path, seed, 1, 1, only=("docx2txt",), log=lambda *a: None)
    result = ceiling(tmp_path, log=lambda *a: None)
    [(name, entry)] = result.items()
    assert entry["converter"] == "docx2txt"
    assert entry["status"] in ("tried", "capped")  # the original re-rendered byte for byte
    assert entry["identical"] > 0 and entry["undecidable"]
    truth = generate(seed, 1)[0]
    for path in entry["undecidable"]:
        row = path.rsplit(".", 1)[0]
        # an undecidable cell sits in a row that prints a blank cell
        assert any(truth.printed[p] == "" for p in truth.printed if p.startswith(row + "."))


@needs_docx2txt
def test_docx2txt_prints_another_cut_of_a_glued_row_byte_for_byte_alike(tmp_path):
    truth = report_2019()
    renderer = Renderer(tmp_path)
    [original] = renderer.outputs([(_recipe(truth), ())], 0)
    assert "行政处罚23602" in original.decode("utf-8")
    glued = glued_runs(truth, original.decode("utf-8"))
    assert PUNISHMENT in glued
    prev, change, decisions = PUNISHMENT
    other_cut = ((change, "60"), (prev, "23"))
    found = {twin.change: twin for twin in twins(truth, glued)}
    assert found[other_cut].differ == {prev, change}
    [twin] = renderer.outputs([(_recipe(truth), other_cut)], 1)
    assert twin == original  # no reading of "23602" can tell 236, 0, 2 from 23, 60, 2
