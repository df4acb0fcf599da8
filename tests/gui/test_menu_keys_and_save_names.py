"""the 问题清单's context menu names its keys; a save name Windows cannot hold is refused;
the 文件 column's room."""
from __future__ import annotations

import pytest

from gui.qt import Qt
from tests.gui.helpers import PLANTED, select_report, window_on_folder
from tests.gui.test_polish import menu_of_key, offscreen_menu


@pytest.fixture
def window(make_window, store, report_folder, qtbot):
    return window_on_folder(qtbot, make_window, store, report_folder, 6, active=True)


def shown_keys(entries) -> dict:
    """{entry's text: the key shown beside it} of a menu's (text, shortcut) pairs; a key written
    after a tab in the text is shown by the menu as its key too."""
    keys = {}
    for text, shortcut in entries:
        name, _tab, written = text.partition("\t")
        keys[name] = shortcut or written
    return keys


@offscreen_menu
def test_the_findings_menu_shows_the_key_of_each_item(window, qtbot):
    """The 问题清单's menu showed Ctrl+C and F2 but not Ctrl+Shift+A beside 采用建议值 (the
    button's tooltip alone named it) nor Enter beside 定位到单元格: the mouse user never learnt them."""
    select_report(qtbot, window, PLANTED)
    panel = window.report_view.findings
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    shown = shown_keys(menu_of_key(qtbot, panel.view, keys=True))
    assert shown["采用建议值(&A)"] == "Ctrl+Shift+A"
    assert shown["定位到单元格(&L)"] == "Enter"
    assert shown["复制(&C)"] == "Ctrl+C"
    assert shown["确认问题(&K)…"] == "Ctrl+Shift+K"


@offscreen_menu
def test_the_findings_menus_locate_does_what_enter_does(window, qtbot):
    """定位到单元格 shows Enter beside it: chosen, it does what Enter does, the keyboard in the
    table on the entry's cell (it left the keyboard in the list)."""
    from gui.qt import QApplication, QTimer

    select_report(qtbot, window, PLANTED)
    panel = window.report_view.findings
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(0, 0))

    def choose_locate():
        menu = QApplication.activePopupWidget()
        if menu is not None:
            next(a for a in menu.actions() if a.text().startswith("定位到单元格")).trigger()
            menu.close()

    QTimer.singleShot(0, choose_locate)
    # (offscreen, a closed menu leaves the window with no focus widget: the request is what is seen)
    with qtbot.waitSignals([panel.locate, panel.goToTable]):
        qtbot.keyClick(panel.view, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
        qtbot.wait(20)
        choose_locate()


def type_in_save_dialog(qtbot, names: list, said: list) -> None:
    """Answers the save dialog once it shows: each of ``names`` typed and Enter pressed; a message
    box a name brings up is read into ``said`` and closed; the dialog is left when it closes."""
    from gui.qt import QApplication, QFileDialog, QLineEdit, QMessageBox, QTimer

    def step():
        modal = QApplication.activeModalWidget()
        if modal is None and not names:
            return
        QTimer.singleShot(50, step)  # (first: Enter returns once the message box it brings is closed)
        if isinstance(modal, QMessageBox):
            said.append(modal.text())
            modal.close()
        elif isinstance(modal, QFileDialog) and modal.isVisible() and names:
            edit = modal.findChild(QLineEdit, "fileNameEdit")
            edit.setText(names.pop(0))
            qtbot.keyClick(edit, Qt.Key.Key_Return)

    QTimer.singleShot(50, step)


def test_a_save_name_windows_forbids_is_refused_with_why_and_asked_again(window, qtbot, tmp_path,
                                                                               monkeypatch):
    """「*」 typed as the Excel export's name wrote a file named *.xlsx, which the auditors' Windows
    PCs cannot open: a message says why and the dialog asks again; the name typed next is written."""
    from gui import file_dialogs

    monkeypatch.setattr(window, "_export_start", lambda kind: tmp_path)
    said: list = []
    shown = []
    monkeypatch.setattr(file_dialogs, "fit_once_shown", lambda: shown.append(1))
    type_in_save_dialog(qtbot, ["*", "CON", "结果"], said)
    with qtbot.waitSignal(window.exportFinished, timeout=120000):
        window.export_actions[".xlsx"].trigger()
    window.message_box.close()
    assert said == [
        "文件名“*”含有 Windows 不允许的字符 *\n名称里不能有 \\ / : * ? \" < > | ，否则审核人员的 Windows 电脑上打不开这样的文件。请换一个名称。",
        "“CON”是 Windows 保留给设备的名称，不能用作文件名（Windows 电脑上打不开）。请换一个名称。"]
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".xlsx") == ["结果.xlsx"]
    assert shown == [1, 1, 1]  # asked again after each refusal


def test_a_new_word_folder_windows_forbids_is_refused_and_not_made(qtbot, tmp_path, monkeypatch):
    """The Word export's folder typed new is made: 「Word*」 was made, and the files in it could
    not be copied to a Windows PC. It is refused, with why, and the dialog stays open."""
    from gui import folder_prompt
    from gui.qt import QApplication, QLineEdit, QMessageBox, QTimer

    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append(text))
    chosen = []

    def answer():
        dialog = QApplication.activeModalWidget()
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        for name in ("Word*", "导出/Word 文件.", "Word文件"):
            edit.setText(name)
            qtbot.keyClick(edit, Qt.Key.Key_Return)
            chosen.append(dialog.isVisible())

    place = tmp_path / "导出到"
    place.mkdir()
    QTimer.singleShot(100, answer)
    folder = folder_prompt.ask_export_folder(None, "导出为 Word", str(place))
    assert said[0].startswith("文件夹名“Word*”含有 Windows 不允许的字符 *\n")
    assert said[1].startswith("文件夹名“Word 文件.”以空格或句点结尾")
    assert chosen == [True, True, False] and folder == str(place / "Word文件")
    assert sorted(p.name for p in place.iterdir()) == ["Word文件"]  # neither 导出 nor Word* made


ZOO_NAMES = ["r0001-cms-html-w3m.txt", "r0001-word-html-lynx.txt", "r0002-split-docx-w3m.txt",
             "r0002-wps-html-w3m.txt", "r0003-wps-docx-lynx.txt"]


def folder_of_zoo_names(tmp_path):
    """Five sample reports named as a converter zoo names its outputs (w2803): names that share
    their start and differ in the middle."""
    from gui.paths import samples_dir

    folder = tmp_path / "w2803"
    folder.mkdir()
    sample = sorted(samples_dir().glob("[0-9][0-9][0-9]_*.txt"))[0].read_bytes()
    for name in ZOO_NAMES:
        (folder / name).write_bytes(sample)
    return folder


def test_at_1920_the_file_column_shows_the_names_whole(qtbot, store, settings, tmp_path, monkeypatch):
    """At 1920×1080 the zoo's names were 「r0001-cms…3m.txt」: 文件 (~125 px) and 单位 shared the
    room beyond their own widths 3:2. 文件 now takes what its widest name needs first, 单位 the
    rest. (w2803's names of 23-24 characters are whole; its longer ones, 25-37, are cut in the
    middle still: the list is not widened, the 问题清单 beside the tables would lose its room.)"""
    from gui.dashboard import AGENCY, FILE
    from gui.main_window import MainWindow
    from gui.qt import QApplication, QSize
    from tests.gui.helpers import open_folder
    from tests.gui.test_layout import shown_cell, shown_window

    monkeypatch.setattr(MainWindow, "screen_size", lambda self: QSize(1920, 1080))
    window = shown_window(qtbot, store, settings, 1920, 1009)
    assert open_folder(qtbot, window, folder_of_zoo_names(tmp_path)) == len(ZOO_NAMES)
    QApplication.processEvents()
    view = window.dashboard.view
    shown = sorted(shown_cell(view, row, FILE) for row in range(len(ZOO_NAMES)))
    assert shown == sorted(ZOO_NAMES)
    header = view.horizontalHeader()
    assert header.sectionSize(AGENCY) >= view.fontMetrics().horizontalAdvance("鼓楼…政府") + 6  # 单位 keeps its own
    assert not view.horizontalScrollBar().isVisible()
    assert window.report_view.findings.width() >= 400  # the panels still beside the tables


def test_the_columns_widths_dragged_are_kept_for_the_next_start(qtbot, store, settings, tmp_path, monkeypatch):
    """A 文件 column dragged wider was back at the list's own width at the next start."""
    from gui.dashboard import FILE
    from gui.main_window import MainWindow
    from gui.qt import QApplication, QSize
    from tests.gui.test_layout import shown_window

    monkeypatch.setattr(MainWindow, "screen_size", lambda self: QSize(1366, 768))

    def run(drag: int = 0) -> int:
        window = shown_window(qtbot, store, settings, 1366, 697)
        QApplication.processEvents()
        header = window.dashboard.view.horizontalHeader()
        if drag:
            header.resizeSection(FILE, drag)  # as a drag of the heading's edge does
        width = header.sectionSize(FILE)
        window.close()
        return width

    own = run()
    assert run(drag=own + 80) == own + 80
    assert run() == own + 80
