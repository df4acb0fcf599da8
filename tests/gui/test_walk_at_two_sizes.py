"""What an auditor met driving the real window on a zoo folder at 1366×768 and 1920×1080."""
import shutil

from gui.app import install_translations
from gui.qt import QLineEdit, QPoint, Qt
from tests.gui.helpers import (PLANTED, PLANTED_CELL, open_folder, read_next_message_box, select_report, start_typing,
                              window_on_folder)
from tests.gui.test_compare_view import COMPARE, HUAIAN_2023, ctrl_d_on


def menu_texts(menu) -> list[str]:
    return [action.text().split("\t")[0] for action in menu.actions() if not action.isSeparator()]


def test_a_text_boxs_context_menu_says_undo_as_the_program_does(make_window, store, report_folder, qapp, qtbot):
    """The cell editor's and the search box's context menu (Qt's own, qtbase_zh_CN) said 撤消(&U)
    while the 编辑 menu, the status bar and F1 say 撤销: one program, two words for Ctrl+Z."""
    install_translations(qapp)
    window = window_on_folder(qtbot, make_window, store, report_folder, 6)
    search_menu = window.dashboard.search.createStandardContextMenu()
    assert menu_texts(search_menu)[:2] == ["撤销(&U)", "重做(&R)"]
    select_report(qtbot, window, "planted_003.txt")
    editor, _index = start_typing(qtbot, window.report_view.views["section3"], PLANTED_CELL, "12")
    assert isinstance(editor, QLineEdit)
    editor_menu = editor.createStandardContextMenu()
    texts = menu_texts(editor_menu)
    assert "撤销(&U)" in texts and not any("撤消" in t for t in texts)
    # the source pane (a read-only text box) and the 编辑 menu say it alike
    source_menu = window.report_view.source.editor.createStandardContextMenu()
    assert not any("撤消" in t for t in menu_texts(source_menu))
    assert window.undo_action.text().startswith("撤销")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)


def test_ctrl_d_on_a_year_filed_many_times_says_one_of_the_others_not_the_other(
        make_window, store, tmp_path, qtbot):
    """2023 filed four times (a .doc, its .pdf, two re-downloads): Ctrl+D on 2024 compared the first
    copy and its status bar said 「另一份请在年度对照中选择」, as if one other copy were left."""
    folder = tmp_path / "copies"
    shutil.copytree(COMPARE / "huaian", folder)
    text = HUAIAN_2023.read_text(encoding="utf-8")
    for n, value in ((1, "1089"), (2, "1090"), (3, "1088")):
        (folder / f"淮安市人民政府办公室2023年报告（{n}）.txt").write_text(
            text.replace("1088\t21", f"{value}\t21") + "\n" * n, encoding="utf-8")
    window = window_on_folder(qtbot, make_window, store, folder, 5)
    compare = ctrl_d_on(qtbot, window, "2024年报告.txt")
    qtbot.waitExposed(compare)
    note = compare.copies_label
    qtbot.waitUntil(note.isVisible)
    assert note.text().startswith("2023年有4份报告，比对的是第1份")
    assert "另一份" not in note.text()
    assert note.text().endswith("其余3份中的一份请在年度对照中选择") or \
        note.text().endswith("要比对其余3份中的一份，请在年度对照（Ctrl+Shift+Y）中选择")


def test_the_note_on_a_changed_file_keeps_clear_of_the_windows_edge(make_window, store, report_folder, qtbot):
    """A corrected report replaced on disk: its red note (此文件的内容与上次审核时不同…) ran to the
    window's right edge, its last characters flush with it, at 1366 and at 1920 alike. It keeps
    the gap the dashboard keeps from the report, and starts where the heading starts."""
    window = window_on_folder(qtbot, make_window, store, report_folder, 6, active=True)
    window.resize(1366, 728)
    select_report(qtbot, window, PLANTED).edit_cell(PLANTED_CELL, 12)
    with open(report_folder / PLANTED, "ab") as f:
        f.write(b"\r\n")
    open_folder(qtbot, window, report_folder)  # (F5)
    view = window.report_view
    select_report(qtbot, window, PLANTED)
    qtbot.waitUntil(view.problems.isVisible)
    assert view.problems.text().startswith("此文件的内容与上次审核时不同")

    def left_right(widget):
        left = widget.mapTo(window, QPoint(0, 0)).x()
        return left, left + widget.width()

    note_left, note_right = left_right(view.problems)
    dashboard_right = left_right(window.dashboard)[1]
    heading_left = left_right(view.title)[0]
    gap = heading_left - dashboard_right
    assert gap > 0
    assert note_left == heading_left
    assert window.width() - note_right >= gap


def painted(view, path: str):
    """The colour the auditor sees inside a cell of the review's table (away from its text and
    from the selection's frame)."""
    model = view.model()
    view.setCurrentIndex(model.index_of("section3.new.research"))  # (the selection tints the current cell)
    view.scrollTo(model.index_of(path))
    rect = view.visualRect(model.index_of(path))
    return view.viewport().grab().toImage().pixelColor(rect.left() + 5, rect.bottom() - 5).name()


def test_the_colours_follow_the_values_stored_after_an_edit_its_undo_and_its_redo(
        make_window, store, report_folder, qtbot):
    """Item 2 of gui60's brief: 「an edited value that makes a sum hold still shows pink」. The colours
    follow the values stored: while 12 is still being typed the sum's cells keep their pink (the
    value is not stored until Enter, Tab or a click elsewhere), once confirmed the cell is green and
    the sum's other cells plain, and Ctrl+Z / Ctrl+Y bring back each state as painted."""
    from gui import palette
    window = window_on_folder(qtbot, make_window, store, report_folder, 6, active=True)
    window.resize(1366, 728)
    select_report(qtbot, window, PLANTED)
    view = window.report_view.views["section3"]
    window.report_view.show_section("section3")
    other = "section3.granted.total"  # in the failing row (T3-3), not the cell to fix
    error, involved = palette.BACKGROUNDS[palette.ERROR], palette.BACKGROUNDS[palette.ERROR_INVOLVED]
    assert (painted(view, PLANTED_CELL), painted(view, other)) == (error, involved)
    editor, _index = start_typing(qtbot, view, PLANTED_CELL, "12")
    rect = view.visualRect(view.model().index_of(other))  # (the editor open: the current cell stays)
    seen = view.viewport().grab().toImage().pixelColor(rect.left() + 5, rect.bottom() - 5).name()
    assert seen == involved  # typed, not stored yet
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(20)  # (the editor closed is deleted by the event loop)
    assert painted(view, PLANTED_CELL) == palette.BACKGROUNDS[palette.CORRECTED]
    plain = painted(view, other)
    assert plain not in (error, involved)
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert (painted(view, PLANTED_CELL), painted(view, other)) == (error, involved)
    qtbot.keyClick(view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert (painted(view, PLANTED_CELL), painted(view, other)) == (palette.BACKGROUNDS[palette.CORRECTED], plain)


def test_a_second_word_export_into_the_same_folder_still_says_how_many_were_left_out(
        make_window, store, report_folder, qtbot, tmp_path, monkeypatch):
    """导出为 Word twice into one folder: the second export's note is 未导出Word的报告说明（2）.txt,
    which the box took for a Word file: 「导出完成，共写入 7 个文件…共导出 7 份报告」, the report
    left out unsaid (and its note listed as if it were one). It says it as the first export does."""
    from gui import folder_prompt
    (report_folder / "空的报告.txt").write_bytes(b"")
    window = window_on_folder(qtbot, make_window, store, report_folder, 7)
    out = tmp_path / "word"
    out.mkdir()
    monkeypatch.setattr(folder_prompt, "ask_export_folder", lambda *a, **k: str(out))
    texts = []
    for _ in range(2):
        with qtbot.waitSignal(window.exportFinished, timeout=120000):
            window.export_actions["word"].trigger()
        texts.append(window.message_box.text())
        window.message_box.close()
    assert (out / "未导出Word的报告说明（2）.txt").exists()
    assert texts[1].startswith("导出完成：7 份报告中 6 份已导出为 Word 文件，其余 1 份未导出，原因见：\n"
                               + str(out / "未导出Word的报告说明（2）.txt"))
    assert "共写入" not in texts[1]


def test_f1_says_when_a_corrected_cell_stays_red_and_when_the_colours_follow_a_typed_value(
        make_window, store, qtbot):
    """Item 2: an auditor who typed a value that makes a sum hold saw the sum's pink stay (the value
    not yet confirmed), or saw a corrected cell pink (another sum through it still failing) while
    F1 said only 「绿色：已修改」. F1 says both."""
    window = make_window(store)
    qtbot.waitExposed(window)
    said = []

    read_next_message_box(said)
    window.legend_action.trigger()  # (F1)
    assert said
    assert "已修改（改后的数值所在的算式仍不成立时，显示为红色或浅红）" in said[0]
    assert "按回车、Tab 或点击别处后才保存并重新核对" in said[0]
