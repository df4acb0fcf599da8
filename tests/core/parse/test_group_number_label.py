"""表三's 「（二）部分公开…」 row as pdfplumber prints a narrow label column: its group number with a
letter or none of its label on one line (「年度办（二）部」, 「本年 （二） 0 0 …」), the rest wrapped two or
three letters a line (「分公开」 / 「（区分处」 …). No keyword and no start of five letters named the row:
未找到 the row, its values taken by （一）予以公开 (印有15个数值). The group number names it, with the
letters after it starting its label, or alone right after （一）. Fixtures: tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from core.parse import labels
from core.template import T3_2021
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_group_number_alone_names_the_row_after_the_one_found():
    # pq2504 r0013 (2019): 「本年 （二） 0 0 0 0 0 0 0 0」, then 「度办 部分公」 …: 7 cells were blank, flagged
    report, wrong, silent = read_against_truth(ZOO / "pq2504-r0013-pdfplumber.txt")
    assert t3_row(report, "partial") == [0, 0, 0, 0, 0, 0, 0]
    assert t3_row(report, "granted") == [6, 0, 0, 0, 0, 0, 6]
    assert not [f for f in report.flags if f.cell == "section3.partial"]
    assert wrong == [] and silent == []


def test_a_group_number_after_a_side_label_names_its_row():
    # q2501 r0020 (2021): 「年度办 （二）部 1」 … 「无 1 1 无 无 无 无」 (a row of 8 values, 总计 printed first);
    # found, the row reads 商业企业 1 and stays flagged for its 8 values
    report, wrong, silent = read_against_truth(ZOO / "q2501-r0020-pdfplumber.txt")
    assert not [f for f in report.flags if "未找到" in f.message]
    assert report.value("section3.partial.commercial") == 1
    assert any(f.cell == "section3.partial" and "8个数值" in f.message for f in report.flags)
    assert t3_row(report, "granted") == [6, 1, None, None, None, None, 7]
    assert silent == []


def test_a_group_number_never_names_another_rows_label():
    matchers, _ = labels.row_matchers(T3_2021)
    rows = [row.key for row in T3_2021.rows]
    granted, partial = rows.index("granted"), rows.index("partial")

    def named(run: str, after: int) -> list[str]:
        return [rows[r] for r in labels._hits(matchers, run, after)]

    assert named("年度办(二)部", granted) == ["partial"]
    assert named("(二)", partial) == ["partial"]
    assert named("(二)", granted) == []  # alone, only right after the row before it
    assert named("(二)予以", granted) == []  # the letters after it must start its label
    assert named("(六)其他", rows.index("not_processed_confirm") + 1) == []  # 2021's group label
    assert named("二、上年", 0) == ["carried_over"]  # (二、 is no （二）)
    # 「（七）」 alone is no label of 「总计」, printed whole on its own line (pdftotext -layout prints
    # 「（七） … 855」, the row's values, then 「总计」): the row stays anchored on 「总计」
    assert named("(七)", rows.index("total")) == []
    assert named("(七)总计", rows.index("total")) == ["total"]


def test_a_total_row_printing_its_number_apart_from_its_label_stays_on_its_label():
    # q2401 r0022 (pdftotext -layout): 「（七） … 376」, then 300 76 53 0 0 20 3 (a 法人 subtotal 76 after
    # 自然人), then 「总计」. Anchored on 「（七）」, the row read 376 first (5 cells wrong, flagged)
    report, wrong, silent = read_against_truth(ZOO / "q2401-r0022-pdftotext-layout-utf-8.txt")
    assert t3_row(report, "total") == [300, 53, 0, 0, 20, 3, 376]
    assert wrong == [] and silent == []
