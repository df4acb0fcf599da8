"""The table models over a review: template shape, roles, colours, editing (no window)."""
from pathlib import Path

import pytest

from core.pipeline import load_report
from gui import palette
from gui.dashboard import DashboardModel
from gui.findings import FindingsModel
from gui.qt import QColor, QModelIndex, Qt
from gui.session import ReportSession, run_checks
from gui.table_models import MODELS, T3TableModel, TemplateTableModel
from tests.gui.helpers import PLANTED, PLANTED_CELL

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture
def planted_session(report_folder, store, qtbot):
    report = load_report(report_folder / PLANTED)
    return ReportSession(store.review_for(report), store)


@pytest.fixture
def session_2019(store, qtbot):
    report = load_report(FIXTURES / "report-2019.txt")
    assert report.template == "2019"
    return ReportSession(store.review_for(report), store)


@pytest.mark.parametrize("section", ["section2", "section3", "section4"])
def test_models_pass_the_model_tester(qtmodeltester, planted_session, section):
    model = MODELS[section](planted_session)
    qtmodeltester.check(model)


@pytest.mark.parametrize("section", ["section2", "section3", "section4"])
def test_models_pass_the_model_tester_on_2019(qtmodeltester, session_2019, section):
    model = MODELS[section](session_2019)
    qtmodeltester.check(model)
    assert model.rowCount() == {"section2": 18, "section3": 26, "section4": 4}[section]


def test_empty_model_passes_the_model_tester(qtmodeltester):
    qtmodeltester.check(T3TableModel(None))


def test_findings_and_dashboard_models_pass_the_model_tester(qtmodeltester, planted_session):
    findings = FindingsModel()
    findings.set_session(planted_session)
    qtmodeltester.check(findings)
    assert findings.rowCount() >= 2
    dashboard = DashboardModel()
    dashboard.add_batch([(planted_session.review, planted_session.findings)])
    qtmodeltester.check(dashboard)


def test_the_wrong_cell_is_red_and_its_tooltip_says_rule_sides_and_suggestion(planted_session):
    model = T3TableModel(planted_session)
    index = model.index_of(PLANTED_CELL)
    assert index.data(Qt.ItemDataRole.DisplayRole) == "15"
    assert index.data(TemplateTableModel.StateRole) == palette.ERROR
    brush = index.data(Qt.ItemDataRole.BackgroundRole)
    assert brush.color() == QColor(palette.BACKGROUNDS[palette.ERROR])
    rules = {f.rule for f in index.data(TemplateTableModel.FindingsRole)}
    assert rules == {"T3-2", "T3-3"}
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "T3-3" in tip and "总计为12" in tip and "之和为15" in tip and "建议值：12" in tip
    # The other cells of the failing row sum are marked as involved, not as the culprit.
    total = model.index_of("section3.granted.total")
    assert total.data(TemplateTableModel.StateRole) == palette.ERROR_INVOLVED
    assert model.index_of("section3.new.natural").data(TemplateTableModel.StateRole) == palette.NORMAL


def test_labels_are_read_only_and_values_editable(planted_session):
    model = T3TableModel(planted_session)
    corner = model.index(0, 0)
    assert corner.data().startswith("（本列数据的勾稽关系为")
    assert not corner.flags() & Qt.ItemFlag.ItemIsEditable
    assert not corner.flags() & Qt.ItemFlag.ItemIsSelectable
    assert not model.setData(corner, "3")
    assert model.index_of(PLANTED_CELL).flags() & Qt.ItemFlag.ItemIsEditable
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags
    covered = model.index(1, 0)  # inside the corner's span
    assert model.flags(covered) == Qt.ItemFlag.NoItemFlags and covered.data() is None


def test_flagged_cells_carry_their_row_flag(report_folder, store, qtbot):
    report = load_report(report_folder / "003_2385a1ea8664f14a.txt")
    session = ReportSession(store.review_for(report), store)
    model = T3TableModel(session)
    index = model.index_of("section3.total.natural")
    flags = index.data(TemplateTableModel.FlagsRole)
    assert flags and flags[0].cell == "section3.total"  # a row flag covers each of its cells
    assert index.data(TemplateTableModel.StateRole) == palette.FLAGGED
    assert "存疑" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(TemplateTableModel.FlaggedRole)  # the blue corner


def test_a_corrected_cell_loses_the_corner_of_its_flagged_row(report_folder, store, qtbot):
    # The auditor's value is sure (core: Report.corrected): the cell shows 已修改, not 存疑's
    # corner, while the row's other cells keep theirs.
    report = load_report(report_folder / "003_2385a1ea8664f14a.txt")
    session = ReportSession(store.review_for(report), store)
    model = T3TableModel(session)
    index = model.index_of("section3.total.natural")
    assert model.setData(index, "24")
    assert index.data(TemplateTableModel.CorrectedRole)
    assert not index.data(TemplateTableModel.FlaggedRole)
    assert model.index_of("section3.total.legal").data(TemplateTableModel.FlaggedRole)


def test_set_data_edits_rechecks_and_saves(planted_session, store, qtbot):
    model = T3TableModel(planted_session)
    index = model.index_of(PLANTED_CELL)
    with qtbot.waitSignal(model.dataChanged):
        assert model.setData(index, "12")
    assert index.data() == "12"
    assert index.data(TemplateTableModel.StateRole) == palette.CORRECTED
    assert index.data(TemplateTableModel.CorrectedRole)
    assert index.data(TemplateTableModel.OriginalRole) == 15
    assert "原值：15" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert not [f for f in planted_session.findings if f.severity == "error"]
    edits, _reviewed = store.load(planted_session.report.content_hash)
    assert [(e.cell, e.old, e.new) for e in edits] == [(PLANTED_CELL, 15, 12)]


def test_bad_input_is_refused_with_a_chinese_message(planted_session, qtbot):
    model = T3TableModel(planted_session)
    index = model.index_of(PLANTED_CELL)
    with qtbot.waitSignal(model.inputRejected) as blocker:
        assert not model.setData(index, "-3")
    assert "不小于0的整数" in blocker.args[0]
    assert index.data() == "15"
    assert planted_session.undo_stack.count() == 0


def test_2019_change_column_takes_signed_values(session_2019, qtbot):
    model = MODELS["section2"](session_2019)
    index = model.index_of("section2.licensing.change")
    assert index.data() == "-5"
    assert model.setData(index, "+7")
    assert index.data() == "7"
    assert session_2019.review.value("section2.licensing.change") == 7


def test_run_checks_survives_a_crashing_rule(planted_session, monkeypatch):
    def boom(self):
        raise RuntimeError("rule bug")
    monkeypatch.setattr(type(planted_session.review), "findings", boom)
    assert run_checks(planted_session.review) == []


def test_a_report_s_none_marks_show_as_printed_and_count_as_zero(store, qtbot):
    # 表三 prints its zeros as "—"; one row holds a typo (自然人 1, 总计 "—")
    report = load_report(FIXTURES / "converters" / "dash-typo.w3m.txt")
    session = ReportSession(store.review_for(report), store)
    model = T3TableModel(session)
    assert model.index_of("section3.new.research").data() == "—"
    typo = model.index_of("section3.denied_law_forbidden.natural")
    assert typo.data() == "1" and typo.data(TemplateTableModel.StateRole) == palette.ERROR
    assert "建议值：0" in typo.data(Qt.ItemDataRole.ToolTipRole)


def test_a_failure_through_an_unsure_reading_is_shown_as_doubt_not_error(store, qtbot):
    report = load_report(FIXTURES / "converters" / "zoo-r0019.pdftotext.txt")
    session = ReportSession(store.review_for(report), store)
    doubts = [f for f in session.findings if f.severity == "doubt"]
    assert doubts and not [f for f in session.findings if f.severity == "error"]
    model = T3TableModel(session) if doubts[0].rule.startswith("T3") else MODELS["section4"](session)
    index = model.index_of(doubts[0].cells[0])
    assert index.data(TemplateTableModel.StateRole) == palette.FLAGGED
    assert f"【存疑 {doubts[0].rule}】" in index.data(Qt.ItemDataRole.ToolTipRole)
    findings = FindingsModel()
    findings.set_session(session)
    errors, warnings, unsure, _handled = findings.counts()
    assert errors == 0 and unsure >= len(doubts)
    severity_column = [findings.index(row, column).data() for row in range(findings.rowCount())
                       for column in range(findings.columnCount())]
    assert "存疑" in severity_column and "错误" not in severity_column


def test_row_heights_are_those_measured_for_the_template_whichever_report_came_before(
        session_2019, planted_session, qtbot):
    """Row heights are measured once per template table and reused: a 2019 report opened after a
    2021 one is laid out exactly as when it is the first report opened."""
    from gui.report_view import ReportView, TemplateTableView

    def heights(view: ReportView) -> dict:
        return {section: [table.rowHeight(row) for row in range(table.model().rowCount())]
                for section, table in view.views.items()}

    TemplateTableView._row_heights.clear()  # measured afresh for this view
    first = ReportView()
    qtbot.addWidget(first)
    first.set_session(session_2019)
    measured = heights(first)

    second = ReportView()
    qtbot.addWidget(second)
    second.set_session(planted_session)
    second.set_session(session_2019)
    assert heights(second) == measured
    # the two templates' 表二 differ (five blocks in 2019): the heights are not one shared list
    second.set_session(planted_session)
    assert len(heights(second)["section2"]) != len(measured["section2"])


def _painted(option) -> tuple:
    """What a user sees of a cell's style option: text, boldness, alignment, colours."""
    from gui.qt import QPalette
    return (option.text, option.font.bold(), int(option.displayAlignment),
            option.backgroundBrush.color().name() if option.backgroundBrush.style() != Qt.BrushStyle.NoBrush else None,
            option.palette.brush(QPalette.ColorRole.Text).color().name())


def test_cells_painted_from_looks_look_as_qt_paints_them_from_data(planted_session, qtbot):
    """LooksDelegate asks the model once per cell; every cell must come out as Qt's own
    delegate makes it from data(), role by role (labels, headers, the red cell, the dashboard)."""
    from gui.looks import LooksDelegate
    from gui.qt import QStyledItemDelegate, QStyleOptionViewItem, QTableView
    dashboard = DashboardModel()
    dashboard.add_batch([(planted_session.review, planted_session.findings)])
    findings = FindingsModel()
    findings.set_session(planted_session)
    models = [MODELS[section](planted_session) for section in MODELS] + [dashboard, findings]
    ours, qts = LooksDelegate(), QStyledItemDelegate()
    compared = set()
    for model in models:
        view = QTableView()  # the palette and font the options start from
        qtbot.addWidget(view)
        view.setModel(model)
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                index = model.index(row, column)
                options = []
                for delegate in (ours, qts):
                    option = QStyleOptionViewItem()
                    option.initFrom(view)
                    delegate.initStyleOption(option, index)
                    options.append(_painted(option))
                assert options[0] == options[1], (type(model).__name__, row, column)
                compared.add(options[0][3])
    assert palette.BACKGROUNDS[palette.ERROR] in compared  # the planted cell was among them


def test_every_entry_of_the_findings_list_fits_its_text_even_those_sized_later(planted_session, qtbot,
                                                                              monkeypatch):
    import gui.findings
    from gui.findings import FindingsPanel

    panels = []

    def panel_heights() -> tuple:
        panel = FindingsPanel()
        panels.append(panel)
        qtbot.addWidget(panel)
        panel.resize(1100, 400)  # (wide enough that the flag says its message on one line, the findings on two)
        panel.show()
        panel.set_session(planted_session)
        view = panel.view
        return lambda: [view.rowHeight(r) for r in range(view.model().rowCount())]
    at_once = panel_heights()  # every row sized as the report opens
    wanted = at_once()
    assert len(wanted) >= 2 and len(set(wanted)) > 1  # wrapped messages: rows of several heights
    monkeypatch.setattr(gui.findings, "ROWS_SIZED_PER_TURN", 1)  # all but the first row later
    later = panel_heights()
    qtbot.waitUntil(lambda: later() == wanted)


@pytest.mark.parametrize("section", ["section2", "section3", "section4"])
def test_cells_drawn_from_kept_texts_and_pictures_look_as_the_style_draws_them(planted_session, qtbot, monkeypatch,
                                                                        section):
    from gui.report_view import CellDelegate, TemplateTableView
    view = TemplateTableView(MODELS[section](planted_session))
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    drawn_directly, labels_from_pictures = [], []
    draw_value, draw_label = CellDelegate._draw_value, CellDelegate._draw_label
    monkeypatch.setattr(CellDelegate, "_draw_value",
                        lambda *args: drawn_directly.append(draw_value(*args)) or drawn_directly[-1])
    monkeypatch.setattr(CellDelegate, "_draw_label",
                        lambda *args: labels_from_pictures.append(draw_label(*args)) or labels_from_pictures[-1])
    CellDelegate._labels.clear()
    view.viewport().grab()  # the labels' pictures are painted
    ours = view.viewport().grab().toImage()  # and drawn
    assert any(drawn_directly) and any(labels_from_pictures)
    monkeypatch.setattr(CellDelegate, "_draw_value", lambda *args: False)  # the style draws every cell
    monkeypatch.setattr(CellDelegate, "_draw_label", lambda *args: False)
    assert view.viewport().grab().toImage() == ours


def test_a_report_that_cannot_be_saved_stays_read_only_after_one_that_can(report_folder, store):
    # The cells' flags are kept per template table: a report of the same template without a
    # review database (not editable) must not inherit the editable cells of the one before.
    from core.review.edits import ReportReview

    report = load_report(report_folder / PLANTED)
    editable = ReportSession(ReportReview(report), store)
    read_only = ReportSession(ReportReview(report), None)
    assert editable.editable and not read_only.editable
    model = T3TableModel(None)
    for session, can_edit in ((editable, True), (read_only, False), (editable, True)):
        model.set_session(session)
        value = model.index_of(PLANTED_CELL)
        assert bool(model.flags(value) & Qt.ItemFlag.ItemIsEditable) is can_edit
        assert model.flags(value) & Qt.ItemFlag.ItemIsSelectable
        label = model.index(value.row(), 0)
        assert not model.flags(label) & Qt.ItemFlag.ItemIsEditable


def test_undoing_dismiss_all_names_the_whole_step_in_the_status_bar(planted_session, qtbot):
    """忽略 of every open error is one undo step: Ctrl+Z names that step, not one of its findings
    (the last message out was the first error's, as if only it had been taken back)."""
    from core.review.edits import DISMISSED
    session = planted_session
    errors = [f for f in session.findings if f.severity == "error"]
    assert len(errors) >= 2  # the planted 15 breaks a row and a column sum
    messages = []
    session.saved.connect(messages.append)
    assert session.dismiss_and_mark_reviewed([(f, "原文如此") for f in errors])
    assert all(session.review.verdict_of(f).verdict == DISMISSED for f in errors)
    session.undo_stack.undo()
    assert all(session.review.verdict_of(f) is None or session.review.verdict_of(f).verdict != DISMISSED
               for f in errors)
    assert messages[-1] == f"已撤销：忽略 {len(errors)} 个错误并标记为已审核"
    session.undo_stack.redo()
    assert messages[-1] == f"已重做：忽略 {len(errors)} 个错误并标记为已审核"


def test_a_redo_is_noted_in_the_trail_and_keeps_the_edits_own_note(planted_session, store):
    """The 修改记录 said 撤销 for an undo but nothing for a redo (it read as a new edit); the
    redone suggestion still names the rule it came from."""
    session = planted_session
    finding = next(f for f in session.findings if f.suggestion is not None)
    assert session.apply_suggestion(finding)
    note = store.load(session.report.content_hash)[0][-1].note
    assert note.startswith("采用建议值")
    session.undo_stack.undo()
    session.undo_stack.redo()
    notes = [e.note for e in store.load(session.report.content_hash)[0]]
    assert notes == [note, "撤销", f"重做：{note}"]
    assert session.review.edits[-1].note == f"重做：{note}"  # in memory as on disk
    session.undo_stack.undo()
    session.undo_stack.redo()  # a second redo is noted once, not 重做：重做：
    assert [e.note for e in session.review.edits][-2:] == ["撤销", f"重做：{note}"]


def test_a_redone_edit_shows_no_note_the_auditor_did_not_write(planted_session):
    """The trail notes a redo 重做, but the cell's tooltip said 「备注：重做」 after Ctrl+Z, Ctrl+Y
    of an edit given no note (and 添加备注 opened with 重做 in it); a note of the auditor's own
    shows as they wrote it."""
    session = planted_session
    model = T3TableModel(None)
    model.set_session(session)
    cell = model.index_of(PLANTED_CELL)
    assert session.edit_cell(PLANTED_CELL, 12)
    session.undo_stack.undo()
    session.undo_stack.redo()
    assert session.review.is_corrected(PLANTED_CELL)
    assert session.note_of(PLANTED_CELL) == ""
    assert "备注" not in model.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert session.edit_cell(PLANTED_CELL, 13, "原文第3页")
    session.undo_stack.undo()
    session.undo_stack.redo()
    assert session.note_of(PLANTED_CELL) == "原文第3页"
    assert "备注：原文第3页" in model.data(cell, Qt.ItemDataRole.ToolTipRole)


def test_undoing_a_paste_on_a_reviewed_report_leaves_it_as_it_was(planted_session, store):
    """A paste of two cells is one step: it drops 已审核, its undo gives the mark back (with the
    dismissals standing), its redo drops it again, in memory and on disk alike."""
    session = planted_session
    errors = session.open_errors()
    assert session.dismiss_and_mark_reviewed([(f, "原文如此") for f in errors])
    assert session.review.status == "已审核"
    assert session.edit_cells([(PLANTED_CELL, 12), ("section3.new.natural", 5)]) == 2
    assert session.review.status == "已修改"
    session.undo_stack.undo()
    assert session.review.status == "已审核" and session.open_errors() == []
    assert store.review_for(session.report).status == "已审核"
    session.undo_stack.redo()
    assert session.review.status == "已修改"
    assert store.review_for(session.report).status == "已修改"


def test_a_corrected_cell_stays_green_when_a_doubt_covers_its_column(planted_session):
    # The auditor's own edit must stay visible: a 存疑 finding through the corrected cell (a
    # doubtful reading of another cell of its sum) frames it in 存疑's blue instead of painting
    # over 已修改's green; a cell the auditor did not touch still turns 存疑's light blue.
    from core.model import Finding
    model = T3TableModel(planted_session)
    index = model.index_of(PLANTED_CELL)
    assert model.setData(index, "12")
    column = [PLANTED_CELL, "section3.total.natural"]
    planted_session._index([Finding("T3-2", "doubt", column, "可能是读取问题而非报告错误，请对照原文核对")])
    model._forget_painted()  # (the session's changed signal does so in the window)
    assert index.data(TemplateTableModel.StateRole) == palette.CORRECTED
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == QColor(palette.BACKGROUNDS[palette.CORRECTED])
    assert index.data(TemplateTableModel.DoubtRole)
    assert "【存疑 T3-2】" in index.data(Qt.ItemDataRole.ToolTipRole)
    total = model.index_of("section3.total.natural")
    assert total.data(TemplateTableModel.StateRole) == palette.FLAGGED
    assert not total.data(TemplateTableModel.DoubtRole)  # its background says it already
