"""Site pages as text (the zoo's sitetext routes: a site route's page through w3m, lynx, html2text
or pandoc), from committed outputs of the zoo st28 (truth beside them: tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_letter_of_the_vertical_other_group_label_glued_to_row_3_other():
    # w3m draws 「（六）其他处理」 a letter a line in its own box cell; beside row 3 the cell holds
    # 「理」, read with the row's label as one run 「理3.其他」. Before: 3.其他 not found and its 3
    # read into the row above (other_no_fee natural and total 3: silent)
    report, wrong, silent = read_against_truth(ZOO / "st28-r0007-split-html-w3m.txt")
    assert report.value("section3.other_other.natural") == 3
    assert report.value("section3.other_other.total") == 3
    assert report.value("section3.other_no_fee.natural") is None
    assert silent == []
