"""Opening reports one after another: what is laid out and painted, and when."""
import shutil

from core.pipeline import load_report
from core.review.edits import ReportReview
from gui.report_view import CellDelegate, TemplateTableView
from gui.session import ReportSession
from gui.table_models import MODELS
from tests.gui.helpers import PLANTED

from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def layout_of(view):
    grid = view.model().grid
    return ([view.rowHeight(r) for r in range(grid.rows)], [view.columnWidth(c) for c in range(grid.columns)],
            [(c.row, c.column, view.rowSpan(c.row, c.column), view.columnSpan(c.row, c.column))
             for c in grid.spans()])


def test_each_report_gets_the_layout_of_its_own_template(qtbot, report_folder, store, tmp_path):
    # 2021, 2019, 2021 again: a report of the template shown before keeps the laid-out table
    # (nothing is measured again), another template's is laid out anew, as a fresh view does.
    shutil.copy(FIXTURES / "report-2019.txt", tmp_path / "report-2019.txt")
    reports = [load_report(report_folder / PLANTED), load_report(tmp_path / "report-2019.txt"),
               load_report(report_folder / PLANTED)]
    assert [r.template for r in reports] == ["2021", "2019", "2021"]
    for section in ("section2", "section3", "section4"):
        view = TemplateTableView(MODELS[section](None))
        qtbot.addWidget(view)
        for report in reports:
            session = ReportSession(ReportReview(report), store)
            view.model().set_session(session)
            fresh = TemplateTableView(MODELS[section](session))
            qtbot.addWidget(fresh)
            assert layout_of(view) == layout_of(fresh), (section, report.template)


def test_the_first_report_opens_on_tables_painted_before(qtbot, make_window, store, report_folder,
                                                          monkeypatch):
    window = make_window(store)
    qtbot.waitUntil(lambda: window.report_view.warmed, timeout=10000)
    pictures = len(CellDelegate._labels)
    assert pictures > 0
    painted_labels = []
    monkeypatch.setattr(CellDelegate, "_draw_label",
                        lambda *args, draw=CellDelegate._draw_label: painted_labels.append(1) or draw(*args))
    session = ReportSession(ReportReview(load_report(report_folder / PLANTED)), store)
    window.report_view.set_session(session)
    view = window.report_view.current_view()
    view.viewport().repaint()
    assert painted_labels and len(CellDelegate._labels) == pictures  # every label was ready


def test_the_problem_list_and_source_are_painted_a_turn_after_the_table(qtbot, make_window, store,
                                                                         report_folder):
    window = make_window(store)
    view = window.report_view
    session = ReportSession(ReportReview(load_report(report_folder / PLANTED)), store)
    view.set_session(session)
    # what they show is there at once (only their painting waits)
    assert view.findings.model.rowCount() > 0 and view.source.editor.toPlainText() == session.report.text
    qtbot.waitUntil(lambda: view.bottom.updatesEnabled(), timeout=5000)
    assert view.findings.view.updatesEnabled() and view.source.editor.updatesEnabled()
