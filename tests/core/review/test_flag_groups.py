"""The parser's flags as the 问题清单 lists them: one entry per row, naming its cells."""
from __future__ import annotations

from pathlib import Path

from core.export.report_json import report_json
from core.model import Flag
from core.pipeline import load_report
from core.review.edits import CellEdit, ReportReview
from core.review.flag_groups import count_groups, group_flags

SEED_002 = Path(__file__).parents[2] / "fixtures" / "corpus" / "002_8be41c244005adf4.txt"
T3_COLUMNS = ("natural", "commercial", "research", "social", "legal", "other", "total")
# seed 002 prints nothing beside these three rows of 表三 (counted in the text); the sums make
# every cell of them 0
SILENT_ROWS = ("granted", "partial", "denied_state_secret")


def test_a_row_printing_nothing_is_one_entry_naming_its_seven_inferred_cells():
    report = load_report(SEED_002)
    review = ReportReview(report)
    groups = review.open_flag_groups()
    assert len(groups) == 3  # was 24: a row's flag and one flag per inferred cell
    for group, row in zip(groups, SILENT_ROWS):
        assert group.cells == [f"section3.{row}"] + [f"section3.{row}.{c}" for c in T3_COLUMNS]
        assert "行未印出数值" in group.message and "按勾稽关系推定为0" in group.message
    assert groups[0].message == "表三「（一）予以公开」行未印出数值；全行7格：未能从原文读出，按勾稽关系推定为0，请对照原文核对"
    assert review.counts(review.findings())[2] == 3  # 存疑 as the list shows it
    # each cell keeps its own flag: the export and the table's tooltips read them
    assert len(report.flags) == 24
    assert len(report_json(report, review.findings())["flags"]) == 24


def test_cells_of_different_rows_are_not_merged():
    why = "未能从原文读出，按勾稽关系推定为0"
    flags = [Flag("section3.granted.natural", "inferred", why, value=0),
             Flag("section3.partial.natural", "inferred", why, value=0),
             Flag("section3.granted.total", "inferred", why, value=0),
             Flag("section4", "inferred", "表四的数值按版面位置归入各列，各数所在的列不够确定，请对照原文核对"),
             Flag("section3.partial.total", "inferred", "未能从原文读出，按勾稽关系推定为3", value=3)]
    groups = group_flags("2021", flags)
    assert [g.cells for g in groups] == [["section3.granted.natural", "section3.granted.total"],
                                         ["section3.partial.natural", "section3.partial.total"],
                                         ["section4"]]
    assert groups[0].message == f"表三「（一）予以公开」的自然人、总计（2格）：{why}"
    # one row, two values filled in: each cell's said
    assert groups[1].message == ("表三「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」的自然人、总计（2格）"
                                 "未能从原文读出，按勾稽关系推定：自然人为0，总计为3")
    assert groups[2].message == "表四的数值按版面位置归入各列，各数所在的列不够确定，请对照原文核对"  # names its table
    # the report list's 存疑 counts these entries (without making their messages): 3, not 5 flags
    assert count_groups(flags) == 3
    assert count_groups(flags + [Flag("document", "lost", "原文转换时有内容缺失，请对照原文核对")]) == 4


def test_a_cell_the_auditor_corrected_leaves_its_rows_entry():
    report = load_report(SEED_002)
    review = ReportReview(report)
    review.apply(CellEdit("section3.granted.natural", 0, 2))
    first = review.open_flag_groups()[0]
    assert "section3.granted.natural" not in first.cells
    assert first.message == ("表三「（一）予以公开」行未印出数值；商业企业、科研机构、社会公益组织、法律服务机构、其他、"
                             "总计（6格）：未能从原文读出，按勾稽关系推定为0，请对照原文核对")


def test_cells_filled_with_different_values_say_each_value_but_the_most_common_once():
    why = "未能从原文读出，按勾稽关系推定为{}"
    values = {"natural": 5, "commercial": 1, "research": 0, "social": 0, "legal": 0, "other": 0, "total": 7}
    flags = [Flag("section3.granted", "parse", "「（一）予以公开」行未印出数值，请对照原文核对")]
    flags += [Flag(f"section3.granted.{column}", "inferred", why.format(value), value=value)
              for column, value in values.items()]
    [group] = group_flags("2021", flags)
    assert group.message == ("表三「（一）予以公开」行未印出数值；全行7格未能从原文读出，按勾稽关系推定："
                             "自然人为5，商业企业为1，总计为7，其余为0，请对照原文核对")


def test_a_rows_second_flag_does_not_name_the_row_again():
    flags = [Flag("section3.other_other", "parse", "「3.其他」行印有3个数值，模板为7列，请对照原文核对"),
             Flag("section3.other_other", "inferred", "「3.其他」行只印有0和占位符，空白单元格未留痕迹，0与占位符各在哪一格无法确定，均按0计，请对照原文核对")]
    [group] = group_flags("2021", flags)
    # (and what both ask of the auditor said once, at the end)
    assert group.message == "表三「3.其他」行印有3个数值，模板为7列；只印有0和占位符，空白单元格未留痕迹，0与占位符各在哪一格无法确定，均按0计，请对照原文核对"


def test_an_entry_names_its_table_as_well_as_its_row():
    """The parser names a row by its label alone (「规章」行…, 「（七）总计」行…): in the 问题清单,
    beside entries of three tables, the auditor could not tell 表二's row from 表三's. Each entry
    names its table before the row, whatever the parser's message said."""
    flags = [Flag("section2.rules", "parse", "「规章」行的数字粘连在一起（226），已按各格都印有数字拆分，请对照原文核对"),
             Flag("section3.total", "parse", "「（七）总计」行印有8个数值，模板为7列，请对照原文核对"),
             Flag("section3.total.natural", "inferred", "未能从原文读出，按勾稽关系推定为5", value=5)]
    groups = group_flags("2021", flags)
    assert [g.message for g in groups] == [
        "表二「规章」行的数字粘连在一起（226），已按各格都印有数字拆分，请对照原文核对",
        "表三「（七）总计」行印有8个数值，模板为7列；自然人：未能从原文读出，按勾稽关系推定为5，请对照原文核对"]
    # one cell's flag alone, as the parser said it, its table named too
    [single] = group_flags("2021", [Flag("section3.total.natural", "parse", "「（七）总计」行的自然人一格印为「1 2」，请对照原文核对")])
    assert single.message == "表三「（七）总计」行的自然人一格印为「1 2」，请对照原文核对"
