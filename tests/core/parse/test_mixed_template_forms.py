"""A 2023 report whose 表二 is the 2019 trial's (规章 / 规范性文件 under 本年新制作数量 …, 其他对外管理服务事项,
政府集中采购) while its 表三 is 2021's, （六）其他处理 printing its three rows 1. 逾期不补正, 2. 逾期未缴纳费用,
3. 其他 (wild/mixed-t2-2019*: 表二 规章 0 0 1, 规范性文件 5 5 5; （六）'s rows 0 … 0, 2 0 0 0 0 0 2, 0 … 0).
表二's words name the 2019 form, so the report is read in it; 表三 is read in the rows it prints and its
（六） rows summed into the one row the 2019 form holds, flagged so."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.check.rules import check
from core.model import ERROR
from core.pipeline import load_report
from tests.core.truth import wrong_cells

WILD = Path(__file__).resolve().parents[2] / "fixtures" / "wild"
COLUMNS = ("natural", "commercial", "research", "social", "legal", "other", "total")


@pytest.mark.parametrize("name", ["mixed-t2-2019.html", "mixed-t2-2019.docx2txt.txt", "mixed-t2-2019.pandoc-plain.txt",
                                  "mixed-t2-2019.pdftotext-layout.txt", "mixed-t2-2019.w3m.txt"])
def test_other_rows_of_2021_in_a_2019_form_are_summed_and_flagged(name):
    """Read in the 2019 form's one （六） row, 表三's three rows printed 21 values there: the row
    flagged as printing 21 of 7 values, its neighbours (（五）5. and （七）总计, or （五）4.) as cut
    unreliably, and the row read as whichever of the three balanced the sums (2.'s, right here by
    luck: two rows with counts would have left one out) or, in pdftotext's text, not at all. Now
    （六）其他处理 holds the three rows' sums (2 0 0 0 0 0 2), one flag says the two forms are mixed,
    表二 read in its own form, nothing else flagged, no 错误."""
    report = load_report(WILD / name)
    assert report.template == "2019"
    assert [report.value(f"section3.other_processing.{c}") for c in COLUMNS] == [2, 0, 0, 0, 0, 0, 2]
    assert wrong_cells(report, "wild/mixed-t2-2019") == []
    assert [f.cell for f in report.flags if f.cell.startswith("section3")] and \
        all(f.cell == "section3.other_processing" for f in report.flags)
    assert any("两版模板混用" in f.message for f in report.flags)
    assert not [f for f in check(report) if f.severity == ERROR]
    assert not report.problems


@pytest.mark.parametrize("name", ["mixed-t2-2021.html", "mixed-t2-2021.pandoc-plain.txt", "mixed-t2-2021.w3m.txt"])
def test_one_other_row_of_2019_in_a_2021_form_is_said(name):
    """The reverse (wild/mixed-t2-2021*, a 2020 report): 表二 in 2021's form, 表三 in the 2019 trial's,
    its （六）其他处理 one row. Read in 2021's form, the three rows of （六） were flagged 「未找到…行」
    as if their labels were lost; the one row printed cannot be cut into them. Now each says the
    table prints the 2019 form's one row; 表二 and 表四 read right."""
    report = load_report(WILD / name)
    assert report.template == "2021"
    assert wrong_cells(report, "wild/mixed-t2-2021", sections=("section2", "section4")) == []
    flagged = {f.cell: f.message for f in report.flags if f.cell.startswith("section3")}
    assert set(flagged) == {"section3.other_no_correction", "section3.other_no_fee", "section3.other_other"}
    assert all("只印有1行（2019年试行模板的格式）" in message for message in flagged.values())
