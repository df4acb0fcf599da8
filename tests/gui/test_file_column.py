"""The 文件 column's cut (gui/file_column.py)."""
from __future__ import annotations

from gui.file_column import elide_keeping_end
from gui.qt import QApplication, QFontMetrics


def test_a_stub_of_the_folder_gives_its_room_to_the_name_s_end(qtbot):
    metrics = QFontMetrics(QApplication.font())
    path = "2023年/某某县人民政府2023年政府信息公开工作年度报告（空白）.txt"
    width = metrics.horizontalAdvance("…空白）.txt") + 1
    shown = elide_keeping_end(path, metrics, width)
    assert shown == "…空白）.txt"  # not "2…白）.txt": a "2" of 2023年 says nothing
    root = "000_f621d1f2d2e52411.txt"  # no folder: the name's start is worth its room
    shown = elide_keeping_end(root, metrics, metrics.horizontalAdvance("000…2411.txt"))
    assert shown.startswith("00") and shown.endswith("11.txt")


def test_two_years_of_one_agency_named_alike_but_for_the_year_are_told_apart(qtbot):
    # at 1366 the column holds about nine characters: both were shown 「某某…报告.txt」
    metrics = QFontMetrics(QApplication.font())
    width = metrics.horizontalAdvance("某某县人民…报告.txt")
    shown = [elide_keeping_end(f"某某县人民政府办公室{year}年报告.txt", metrics, width) for year in (2020, 2021)]
    assert shown[0] != shown[1]
    assert shown[0].endswith("2020年报告.txt") and shown[1].endswith("2021年报告.txt")
    # a number that is not a year near the end is cut as before
    assert elide_keeping_end("000_f621d1f2d2e52411.txt", metrics, width).endswith("11.txt")
