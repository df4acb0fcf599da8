"""Site pages as text (the zoo's sitetext routes: a site route's page through w3m, lynx, html2text
or pandoc), from committed outputs of the zoo st28 (truth beside them: tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from core.parse.parser import NOT_A_REPORT
from core.readers.encoding import UTF8_READ_AS_GBK
from core.pipeline import read_report
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


def test_utf8_chinese_read_as_gbk_is_said_to_be_garbled():
    # lynx dumping a UTF-8 page whose meta declares gb2312: every character read as GBK, the bytes
    # no GBK character holds dropped. Nothing to put back; before: only 「不是……年度报告」
    report, _ = read_report(str(ZOO / "st28-r0001-word-html-lynx.txt"))
    assert report.problems == [UTF8_READ_AS_GBK, NOT_A_REPORT]


def test_chinese_that_is_no_report_is_not_said_to_be_garbled(tmp_path):
    # a GBK text holding no report (its characters taken back to GBK make almost no UTF-8 Chinese)
    path = tmp_path / "notice.txt"
    path.write_bytes(("关于开展城市环境卫生整治工作的通知。各街道、各部门：为进一步改善人居环境，"
                      "经研究决定在全区范围内开展为期三个月的专项整治行动，现将有关事项通知如下。" * 3).encode("gbk"))
    report, _ = read_report(str(path))
    assert report.problems == [NOT_A_REPORT]
