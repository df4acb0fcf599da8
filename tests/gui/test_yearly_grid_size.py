"""qa31: 年度对照 opens showing the whole grid when the screen has room for it. The window took its
size before Qt made its status bar (on the first message): the bar's height came off the grid's,
whose last rows then scrolled, and the vertical scroll bar's width pushed the last year's column
under a horizontal one (two scroll bars at 1366×768 on a grid of 23 agencies that fitted)."""
from __future__ import annotations

from tests.gui.helpers import window_on_folder
from tests.gui.test_compare_view import HUAIAN_2024

AGENCIES = 24  # more rows than the smallest window (900×500) holds, fewer than an 800-pixel screen
PLACES = "东南西北春夏秋冬金木水火土山川河湖海江松柏桃李梅"


def test_the_grid_opens_without_scroll_bars_when_the_screen_holds_it(make_window, store, qtbot, tmp_path):
    text = HUAIAN_2024.read_text(encoding="utf-8")
    for number in range(AGENCIES):
        agency = f"{PLACES[number]}县人民政府办公室"
        (tmp_path / f"{agency}2024年报告.txt").write_text(text.replace("淮安市人民政府办公室", agency),
                                                        encoding="utf-8")
    window = window_on_folder(qtbot, make_window, store, tmp_path, AGENCIES)
    grid = window.show_yearly_grid()
    qtbot.addWidget(grid)
    qtbot.waitExposed(grid)
    assert grid.model.rowCount() == AGENCIES
    room = grid.screen().availableGeometry().height() - 48  # (a title bar's room)
    assert grid.sizeHint().height() < room  # the screen holds the whole grid
    qtbot.wait(50)
    assert not grid.view.verticalScrollBar().isVisible()
    assert not grid.view.horizontalScrollBar().isVisible()
