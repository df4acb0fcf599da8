"""The 文件 column's cut (gui/file_column.py)."""
from __future__ import annotations

from gui.file_column import elide_keeping_end
from gui.qt import QApplication, QFontMetrics, Qt


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


def test_two_hundred_names_alike_but_in_their_middle_are_told_apart_at_1366(qtbot):
    """A district's 200 reports named 南京市鼓楼区第N街道办事处2021年政府信息公开工作年度报告.docx were
    all 「南京…告.docx」 in the ~90 px the 文件 column has at 1366: what every name of the folder
    shares (南京市鼓楼区第 … 街道办事处2021年…报告.docx) goes first, the number stays."""
    from gui.file_column import elide_shared, shared_affixes
    metrics = QFontMetrics(QApplication.font())
    width = metrics.horizontalAdvance("中") * 7 + 6
    names = [f"南京市鼓楼区第{n}街道办事处2021年政府信息公开工作年度报告.docx" for n in range(1, 201)]
    shared = shared_affixes(names)
    assert shared[:2] == (len("南京市鼓楼区第"), len("街道办事处2021年政府信息公开工作年度报告.docx"))
    shown = [elide_shared(name, metrics, width, *shared) for name in names]
    assert len(set(shown)) == 200
    assert all(metrics.horizontalAdvance(text) <= width for text in shown)
    assert "第17街道" in shown[16] and shown[16].startswith("…")
    # two numbers alike in their start (001_, 002_) lose nothing of them: the cut is between words
    assert shared_affixes(["001_甲.txt", "002_乙.txt"]) == (0, 0, False)  # .txt alone is kept too
    # the extensions differ (.doc, .docx): each keeps its own, the shared stem's end goes
    mixed = ["某某县教育局2021年政府信息公开工作年度报告.doc", "某某县民政局2021年政府信息公开工作年度报告.docx"]
    start, end, on_stems = shared_affixes(mixed)
    assert (start, on_stems) == (len("某某县"), True)
    shown = [elide_shared(name, metrics, width * 2, start, end, on_stems) for name in mixed]
    assert shown[0].endswith(".doc") and shown[1].endswith(".docx") and "教育局" in shown[0] and "民政局" in shown[1]
    # one name alone shares nothing: cut as before
    assert shared_affixes(names[:1]) == (0, 0, False)


def test_a_reports_copies_through_converters_are_told_apart_in_the_list_at_1366(qtbot, store, settings, tmp_path):
    """The converter zoo's copies of a report (r0012-docx2txt.txt, r0012-lynx.txt, …) were all
    「r0012…xt.txt」-like in the ~90 px 文件 has at 1366, what told them apart (the converter) cut
    away, while 单位 and 年度 beside them say which report they are: the first word a name shares
    with others goes first now, and the rest is shown. (The zoo's q3001: copies of one agency's
    year shown alike 26 → 5.)"""
    from gui.dashboard import FILE
    from gui.main_window import MainWindow
    from gui.paths import samples_dir
    from tests.gui.helpers import open_folder
    from tests.gui.test_layout import shown_cell
    sample = sorted(samples_dir().glob("[0-9][0-9][0-9]_*.txt"))[0].read_bytes()
    folder = tmp_path / "zoo"
    folder.mkdir()
    converters = ["docx2txt.txt", "lynx.txt", "w3m.txt", "html2text.md", "lo-web-pdf.pdf", "mammoth-md.md"]
    for number in ("r0012", "r0013"):
        for converter in converters:
            (folder / f"{number}-{converter}").write_bytes(sample)
    window = MainWindow(store, settings)
    qtbot.addWidget(window)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(1366, 697)
    window.show()
    qtbot.waitExposed(window)
    assert open_folder(qtbot, window, folder) == 12
    QApplication.processEvents()
    view = window.dashboard.view
    assert view.columnWidth(FILE) < 110  # (the room it has beside 表三 at 1366)
    shown = {window.dashboard.model.names()[window.dashboard.proxy.mapToSource(view.model().index(row, 0)).row()]:
             shown_cell(view, row, FILE) for row in range(view.model().rowCount())}
    for number in ("r0012", "r0013"):
        copies = [shown[f"{number}-{converter}"] for converter in converters]
        assert len(set(copies)) == len(converters), copies
    for word in ("lynx", "w3m", "docx2txt"):
        assert word in shown[f"r0012-{word}.txt"]
    assert shown["r0012-lo-web-pdf.pdf"].endswith("pdf.pdf") and "lo" in shown["r0012-lo-web-pdf.pdf"]
