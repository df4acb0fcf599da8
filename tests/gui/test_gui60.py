"""gui60: what an auditor met driving the real window on a zoo folder at 1366×768 and 1920×1080."""
from gui.app import install_translations
from gui.qt import QLineEdit, Qt
from tests.gui.helpers import PLANTED_CELL, select_report, start_typing, window_on_folder


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
