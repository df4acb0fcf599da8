"""A notes file among the reports (a README naming 表四's rows and quoting counts) is listed as no
report with its reason, not as a report with 存疑 findings; a report in every format the app reads
is still a report, its year read."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.check.rules import check
from core.parse.parser import NO_REPORT, NOT_A_REPORT
from core.pipeline import read_report
from core.readers.problems import problem_labels

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


@pytest.mark.parametrize("name", ["README.md", "converters/README.md", "zoo/README.md"])
def test_a_readme_among_the_reports_is_no_report(name):
    # Before: zoo/README.md was a report of template 「unknown」 with 25 values read from its tables
    # of planted typos (表三 二、上年结转 自然人 2, 表四 行政复议 维持 1 …) and 5 存疑 findings
    report, _ = read_report(str(FIXTURES / name))
    assert report.problems == [NOT_A_REPORT]
    assert problem_labels(report.problems) == "非年报"  # the dashboard's 问题 column
    assert [path for path, cell in report.cells.items() if cell.value is not None] == []
    assert check(report) == []


@pytest.mark.parametrize("name, year", [
    ("filled-2021.docx", 2023), ("filled-2021.odt", 2023), ("filled-2021.rtf", 2023),
    ("page-gb2312.html", 2023), ("report-2019.txt", 2020), ("corpus/huaian-2024.pdf", 2024),
    ("zoo/r0031-mammoth-md.md", 2019)])
def test_a_report_in_each_format_is_still_a_report(name, year):
    report, _ = read_report(str(FIXTURES / name))
    assert not any(problem in NO_REPORT for problem in report.problems)
    assert report.year == year
    assert report.tables  # its tables found and read
