"""The 问题清单 (gui/findings.py) as the auditor reads and clicks it."""
from pathlib import Path

import pytest

from core.pipeline import load_report
from gui import palette
from gui.findings import FindingsModel, FindingsPanel
from gui.qt import Qt
from gui.session import ReportSession
from gui.table_models import T3TableModel, TemplateTableModel

SEED_002 = Path(__file__).resolve().parent.parent / "fixtures" / "corpus" / "002_8be41c244005adf4.txt"
T3_COLUMNS = ("natural", "commercial", "research", "social", "legal", "other", "total")


@pytest.fixture
def session_002(store, qtbot):
    return ReportSession(store.review_for(load_report(SEED_002)), store)


def shown_panel(qtbot, session) -> FindingsPanel:
    """The 问题清单 on screen, showing ``session``'s findings."""
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.resize(900, 500)
    panel.show()
    panel.set_session(session)
    return panel


def test_a_row_printing_nothing_is_one_entry_and_a_click_selects_all_its_cells(session_002, qtbot):
    # seed 002 prints nothing beside three rows of 表三; the sums make their 21 cells 0
    panel = shown_panel(qtbot, session_002)
    model = panel.model
    texts = [model.index(row, 2).data() for row in range(model.rowCount())]
    assert len(texts) == 3, texts  # not 24: the row's flag and each of its cells' apart
    # its table named: beside 表二's and 表四's entries 「（一）予以公开」行… did not say which (gui60)
    assert texts[0] == "表三「（一）予以公开」行未印出数值；全行7格：未能从原文读出，按勾稽关系推定为0，请对照原文核对"
    assert all(model.index(row, 0).data() == "存疑" for row in range(3))
    assert "存疑 3" in panel.summary.text()

    with qtbot.waitSignal(panel.locate) as located:
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton,
                         pos=panel.view.visualRect(model.index(1, 2)).center())
    cells, focus = located.args
    assert set(cells) >= {f"section3.partial.{c}" for c in T3_COLUMNS}
    assert focus.startswith("section3.partial")

    # every inferred cell stays marked in the table, and its tooltip still says why
    table = T3TableModel(session_002)
    for row in ("granted", "partial", "denied_state_secret"):
        for column in T3_COLUMNS:
            index = table.index_of(f"section3.{row}.{column}")
            assert index.data(TemplateTableModel.StateRole) == palette.FLAGGED
            assert "按勾稽关系推定为0" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_the_findings_model_passes_the_model_tester_with_grouped_flags(qtmodeltester, session_002):
    model = FindingsModel()
    model.set_session(session_002)
    qtmodeltester.check(model)


def test_the_entry_of_a_row_filled_from_a_misprint_names_the_misprint(store, tmp_path, qtbot):
    from tests.core.check.test_filled_from_a_misprint import write_report

    # 「（一）予以公开」 prints no value, （七）总计×自然人 prints 12 for 11: the row's 自然人 is filled
    # 7 from the column's sum, and the row's own sum fails through the filled cells
    path = write_report(tmp_path, {"(七) 总计": (12, 1, 0, 0, 0, 0, 12)})
    session = ReportSession(store.review_for(load_report(path)), store)
    panel = shown_panel(qtbot, session)
    model = panel.model
    row = next(r for r in range(model.rowCount())
               if model.index(r, 2).data().startswith("表三「（一）予以公开」行"))
    assert model.index(row, 0).data() == "错误"
    assert "表三「（七）总计」×「自然人」所印的12" in model.index(row, 2).data()
    assert model.index(row, 3).data() == "表三「（七）总计」×「自然人」 改为 11"
    with qtbot.waitSignal(panel.locate) as located:
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton,
                         pos=panel.view.visualRect(model.index(row, 2)).center())
    cells, focus = located.args
    assert focus == "section3.total.natural" and "section3.granted.natural" in cells
    assert panel.apply_button.isEnabled()


def test_an_explanation_is_rewrapped_when_the_list_gets_narrower(session_002, qtbot):
    # the list is sized for its width as the report opens; the window, the splitter or Alt+[
    # then narrows it, and each 说明 needs more lines: rows kept their first height and cut
    # the explanation off (a …), which the keyboard cannot bring back
    panel = shown_panel(qtbot, session_002)
    view = panel.view
    qtbot.waitUntil(lambda: all(view.rowHeight(r) >= view.sizeHintForRow(r)
                                for r in range(panel.model.rowCount())))
    wide = [view.rowHeight(r) for r in range(panel.model.rowCount())]
    panel.resize(420, 500)
    qtbot.waitUntil(lambda: all(view.rowHeight(r) >= view.sizeHintForRow(r)
                                for r in range(panel.model.rowCount())))
    assert sum(view.rowHeight(r) for r in range(panel.model.rowCount())) > sum(wide)


def test_a_file_with_no_table_does_not_say_no_problem_was_found(store, tmp_path, qtbot):
    # an empty file: nothing could be checked, which is not the same as nothing wrong
    empty = tmp_path / "空文件.txt"
    empty.write_bytes(b"")
    session = ReportSession(store.review_for(load_report(empty)), store)
    panel = shown_panel(qtbot, session)
    assert panel.model.rowCount() == 0
    assert "未发现问题" not in panel.summary.text()
    assert "无法核对" in panel.summary.text()


def test_home_and_end_go_to_the_first_and_last_entry(session_002, qtbot):
    """End in the 问题清单 highlighted the same entry (QTableView went to the row's last column);
    it goes to the last entry now, Home back to the first, as in the report list."""
    panel = shown_panel(qtbot, session_002)
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    qtbot.keyClick(panel.view, Qt.Key.Key_End)
    assert panel.current_row() == panel.model.rowCount() - 1 == 2
    qtbot.keyClick(panel.view, Qt.Key.Key_Home)
    assert panel.current_row() == 0
