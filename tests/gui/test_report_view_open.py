"""Opening reports one after another: what is laid out and painted, and when."""
import shutil

from core.pipeline import load_report
from core.review.edits import ReportReview
from gui import strings
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
    # The pictures are kept for the whole process and emptied when MAX_LABELS are reached: the
    # windows of earlier tests may have left the cache so full that it was emptied during this
    # warm-up, and the labels painted before that made again (the test failed now and then).
    CellDelegate._labels.clear()
    window = make_window(store)
    qtbot.waitUntil(lambda: window.report_view.warmed, timeout=10000)
    pictures = len(CellDelegate._labels)
    assert pictures < CellDelegate.MAX_LABELS  # one warm-up does not fill it
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


def test_the_problem_list_is_first_painted_with_its_rows_sized(qtbot, make_window, store, report_folder):
    # Its rows are sized a turn after the table is painted: still, the list the auditor first
    # sees has every row as high as its wrapped text (nothing moves once it shows).
    from gui.qt import QEvent, QObject

    window = make_window(store)
    view = window.report_view
    view.resize(900, 700)  # the list below the tables, narrow enough for long messages to wrap
    findings = view.findings.view
    first_paint = []

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and not first_paint:
                first_paint.append([findings.rowHeight(r) for r in range(findings.model().rowCount())])
            return False

    spy = FirstPaint()
    findings.viewport().installEventFilter(spy)
    session = ReportSession(ReportReview(load_report(report_folder / PLANTED)), store)
    view.set_session(session)
    qtbot.waitUntil(lambda: bool(first_paint), timeout=5000)
    qtbot.wait(100)  # whatever sizing is left would be done by now
    settled = [findings.rowHeight(r) for r in range(findings.model().rowCount())]
    assert settled and first_paint[0] == settled
    one_line = findings.fontMetrics().height()
    assert max(settled) > 2 * one_line  # a message wraps: the sizing did something


def test_the_warm_up_readies_the_numbers_and_leaves_the_window_without_a_report(qtbot, make_window,
                                                                                  store):
    # Before any report: the numbers a table shows are laid out, and the window still shows
    # no report (no tables, an empty 原文: the pane the warm-up fills is another, never shown).
    window = make_window(store)
    view = window.report_view
    qtbot.waitUntil(lambda: view.warmed, timeout=10000)
    assert "12" in CellDelegate._texts and "299" in CellDelegate._texts
    assert view.session is None and not view.tabs.isVisible()
    assert view.source.editor.toPlainText() == "" and view.title.text() == strings.NO_REPORT


def test_the_first_report_of_the_2019_template_opens_on_rows_measured_before(qtbot, make_window, store,
                                                                              tmp_path, monkeypatch):
    # The warm-up lays each table out for each template: a 2019 report, the first of the window,
    # is not measured as it opens (its three tables' rows took most of a long turn) and is laid
    # out as a fresh view of it is.
    monkeypatch.setattr(TemplateTableView, "_row_heights", {})  # none left by earlier windows
    window = make_window(store)
    qtbot.waitUntil(lambda: window.report_view.warmed, timeout=10000)
    measured = []
    monkeypatch.setattr(TemplateTableView, "resizeRowsToContents", lambda self: measured.append(self))
    shutil.copy(FIXTURES / "report-2019.txt", tmp_path / "report-2019.txt")
    session = ReportSession(ReportReview(load_report(tmp_path / "report-2019.txt")), store)
    assert session.version == "2019"
    window.report_view.set_session(session)
    assert measured == []
    monkeypatch.undo()
    for section, view in window.report_view.views.items():
        fresh = TemplateTableView(MODELS[section](session))
        qtbot.addWidget(fresh)
        fresh.setFont(view.font())
        fresh.apply_layout()
        assert layout_of(view) == layout_of(fresh), section


def test_a_report_chosen_in_the_list_is_filled_at_once_and_painted_on_the_next_turn(qtbot, make_window,
                                                                                    store, report_folder):
    from tests.gui.helpers import open_folder

    window = make_window(store)
    open_folder(qtbot, window, report_folder)
    view = window.report_view
    qtbot.waitUntil(lambda: view.session is not None and view.updatesEnabled() and view.bottom.updatesEnabled())
    file = str(report_folder / PLANTED)
    assert window.dashboard.select_file(file)
    # what it shows is there at once: the title, the tables, the 问题清单, the 原文
    assert view.session.report.file == file and PLANTED in view.title.text()
    assert all(model.session is view.session for model in view.models.values())
    assert view.findings.model.rowCount() > 0 and view.source.editor.toPlainText() == view.session.report.text
    assert not view.updatesEnabled()  # the report before stays on screen for this turn
    qtbot.waitUntil(view.updatesEnabled, timeout=5000)
    qtbot.waitUntil(view.bottom.updatesEnabled, timeout=5000)  # then the 问题清单 and 原文


def test_a_report_opened_after_one_scrolled_down_shows_its_column_headings(qtbot, make_window, store,
                                                                          report_folder):
    # Seed 003 opens on a cell near the foot of 表三 (the table scrolls down); seed 004 opens on
    # 一、本年新收 × 自然人, which fits under the headings: the table is back at its top, with
    # 申请人情况 / 自然人 … 总计 in sight, not scrolled just far enough to show the cell.
    from tests.gui.helpers import open_folder, select_report
    window = make_window(store)
    window.resize(1366, 697)
    open_folder(qtbot, window, report_folder)
    select_report(qtbot, window, "003_2385a1ea8664f14a.txt")
    view = window.report_view.views["section3"]
    qtbot.waitUntil(lambda: view.verticalScrollBar().value() > 0)
    select_report(qtbot, window, "004_a91be580dd15950d.txt")
    assert view.currentIndex().data(view.model().PathRole) == "section3.new.natural"
    assert view.verticalScrollBar().value() == 0
    assert view.rowViewportPosition(0) == 0  # the headings' first row
    # the same when the keyboard comes back up to 一、本年新收 from the table's foot
    view.setCurrentIndex(view.model().index_of("section3.total.natural"))
    assert view.verticalScrollBar().value() > 0
    view.setCurrentIndex(view.model().index_of("section3.new.natural"))
    assert view.verticalScrollBar().value() == 0
