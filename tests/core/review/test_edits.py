"""Edits, the audit trail, review status and typed input (core/review/edits.py)."""
from __future__ import annotations

import re
import time

import pytest

import core.review.edits as edits_module
from core.review.edits import (CONFIRM_NOTE, STATUS_MODIFIED, STATUS_REVIEWED, STATUS_UNREVIEWED, UNDO_NOTE, CellEdit,
                        ReportReview, local_time, now, parse_cell_input, parse_input, restamped)
from core.model import BLANK, NUMBER, SLASH, CellValue, Finding, Report
from core.template import all_paths

# A small consistent 2021 report: 5 applications from natural persons, 3 granted, 2 partial.
# The parser misread （一）予以公开 × 自然人 as 8 (true value 3): the auditor corrects it.
VALUES_2021 = {
    "section2.rules.issued": 1, "section2.rules.in_force": 10,
    "section2.normative_docs.issued": 4, "section2.normative_docs.repealed": 2,
    "section2.normative_docs.in_force": 37,
    "section2.licensing.decisions": 120, "section2.punishment.decisions": 56,
    "section2.coercion.decisions": 7, "section2.fees.amount": 12.5,
    "section3.new.natural": 5, "section3.new.total": 5,
    "section3.granted.natural": 8, "section3.granted.total": 3,
    "section3.partial.natural": 2, "section3.partial.total": 2,
    "section3.total.natural": 5, "section3.total.total": 5,
    "section4.review.maintained": 1, "section4.review.total": 1,
    "section4.litigation_direct.pending": 2, "section4.litigation_direct.total": 2,
}


def make_report(file="/data/reports/某某区人民政府办公室2023.txt", agency="某某区人民政府办公室",
                year=2023, template="2021", content_hash="ab" * 32, values=None) -> Report:
    """Every template cell filled: the given values, 0 elsewhere."""
    values = VALUES_2021 if values is None else values
    cells = {p: CellValue(values.get(p, 0), NUMBER, str(values.get(p, 0))) for p in all_paths(template)}
    return Report(file=file, format="txt", agency=agency, year=year, title_year=year,
                  period_year=year, template=template, cells=cells, content_hash=content_hash,
                  sections=[1, 2, 3, 4, 5, 6], tables=["section2", "section3", "section4"])


GRANTED = "section3.granted.natural"


def test_now_is_iso_local_time_with_seconds():
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", now())


def test_apply_sets_value_and_keeps_original():
    review = ReportReview(make_report())
    review.apply(CellEdit(GRANTED, 8, 3, "核对原文"))
    assert review.value(GRANTED) == 3
    assert review.original(GRANTED) == 8
    assert review.is_corrected(GRANTED)
    assert not review.is_corrected("section3.granted.total")
    assert review.report.cells[GRANTED].value == 8  # the parsed report is never touched


def test_revert_records_the_undo_in_the_trail():
    review = ReportReview(make_report())
    edit = CellEdit(GRANTED, 8, 3, "核对原文", "2024-03-05T10:00:00+08:00")
    review.apply(edit)
    undo = review.revert(edit)
    assert (undo.cell, undo.old, undo.new, undo.note, undo.undo) == (GRANTED, 3, 8, UNDO_NOTE, True)
    assert not edit.undo
    assert review.value(GRANTED) == 8
    assert not review.is_corrected(GRANTED)
    assert review.edits == [edit, undo]
    redo = restamped(edit)
    review.apply(redo)
    assert review.value(GRANTED) == 3
    assert [e.new for e in review.edits] == [3, 8, 3]


def test_two_edits_of_one_cell_then_back_to_the_original():
    review = ReportReview(make_report())
    review.apply(CellEdit(GRANTED, 8, 4))
    review.apply(CellEdit(GRANTED, 4, 3, "第二次"))
    assert review.corrections()[GRANTED].note == "第二次"
    review.apply(CellEdit(GRANTED, 3, 8))
    assert review.corrections() == {}
    assert len(review.edits) == 3


def test_a_correction_keeps_its_note_when_a_later_edit_is_undone():
    """Corrected with a note, typed over, Ctrl+Z: the value is the corrected one again, and so are
    its note and time (the correction read 备注：撤销 in Excel and JSON, at the undo's time, and the
    note prompt offered 撤销 to edit)."""
    review = ReportReview(make_report())
    review.apply(CellEdit(GRANTED, 8, 3, "核对原文", "2024-03-05T10:00:00+08:00"))
    later = CellEdit(GRANTED, 3, 5, "", "2024-03-05T10:05:00+08:00")
    review.apply(later)
    review.revert(later)
    assert review.corrections()[GRANTED] == (8, 3, "核对原文", "2024-03-05T10:00:00+08:00")
    assert ReportReview(review.report, list(review.edits)).corrections()[GRANTED].note == "核对原文"


def test_replay_from_a_trail():
    trail = [CellEdit(GRANTED, 8, 3, "a", "2024-03-05T10:00:00+08:00"),
             CellEdit("section2.fees.amount", 12.5, None, "b", "2024-03-05T10:01:00+08:00")]
    review = ReportReview(make_report(), trail, reviewed=True)
    assert review.value(GRANTED) == 3
    assert review.value("section2.fees.amount") is None
    assert review.edits == trail
    assert review.reviewed


def test_status_transitions():
    review = ReportReview(make_report())
    assert review.status == STATUS_UNREVIEWED == "未审核"
    edit = CellEdit(GRANTED, 8, 3)
    review.apply(edit)
    assert review.status == STATUS_MODIFIED == "已修改"
    review.reviewed = True
    assert review.status == STATUS_REVIEWED == "已审核"
    review.reviewed = False
    review.revert(edit)  # back to the parsed value: nothing is modified any more
    assert review.status == "未审核"


def test_corrections_in_template_order_with_last_note_and_time():
    review = ReportReview(make_report())
    review.apply(CellEdit("section4.review.total", 1, 2, "x", "2024-03-05T10:00:00+08:00"))
    review.apply(CellEdit(GRANTED, 8, 3, "核对原文", "2024-03-05T10:02:00+08:00"))
    review.apply(CellEdit("section3.new.total", 5, 5, "无变化", "2024-03-05T10:03:00+08:00"))
    corrections = review.corrections()
    assert list(corrections) == [GRANTED, "section4.review.total"]
    assert corrections[GRANTED] == (8, 3, "核对原文", "2024-03-05T10:02:00+08:00")


def test_current_is_a_copy_with_corrected_cells():
    report = make_report()
    report.cells["section2.fees.amount"] = CellValue(None, SLASH, "/")
    review = ReportReview(report)
    review.apply(CellEdit(GRANTED, 8, 3))
    review.apply(CellEdit("section2.fees.amount", None, 12.5))
    review.apply(CellEdit("section3.new.natural", 5, None))
    current = review.current()
    assert current is not report
    assert current.cells[GRANTED] == CellValue(3, NUMBER, "3")
    assert current.cells["section2.fees.amount"] == CellValue(12.5, NUMBER, "12.5")
    assert current.cells["section3.new.natural"].state == BLANK
    assert current.cells["section3.granted.total"] is report.cells["section3.granted.total"]
    assert report.cells[GRANTED].value == 8
    assert report.cells["section2.fees.amount"].state == SLASH


def test_findings_run_on_current_values(monkeypatch):
    seen = []

    def fake_check(report):
        seen.append(report.value(GRANTED))
        return [Finding("T3-3", "error", [GRANTED], "x")]

    monkeypatch.setattr(edits_module, "_check", fake_check)
    review = ReportReview(make_report())
    review.apply(CellEdit(GRANTED, 8, 3))
    assert [f.rule for f in review.findings()] == ["T3-3"]
    assert seen == [3]


def test_the_real_rules_see_the_correction():
    pytest.importorskip("core.check.rules")
    review = ReportReview(make_report())
    assert any(f.severity == "error" and GRANTED in f.cells for f in review.findings())
    review.apply(CellEdit(GRANTED, 8, 3))
    assert not any(GRANTED in f.cells for f in review.findings())


def test_edit_for_builds_from_the_current_value():
    review = ReportReview(make_report())
    edit = review.edit_for(GRANTED, 3, "核对")
    assert (edit.old, edit.new, edit.note) == (8, 3, "核对")
    assert review.edits == []  # not applied
    assert review.edit_for(GRANTED, 8) is None  # no change
    with pytest.raises(KeyError):
        review.edit_for("section3.other_processing.total", 1)  # a 2019 row


def test_cell_edit_rejects_text_values():
    with pytest.raises(TypeError):
        CellEdit(GRANTED, 8, "3")


@pytest.mark.parametrize("text, kind, expected", [
    ("1,234", "count", 1234),
    ("１２", "count", 12),
    ("１，２３４", "count", 1234),
    (" 7 ", "count", 7),
    ("0", "count", 0),
    ("", "count", None),
    ("  ", "amount", None),
    ("-417", "signed", -417),
    ("+1,036", "signed", 1036),
    ("12.5", "amount", 12.5),
    ("1,234.50", "amount", 1234.5),
    ("30", "amount", 30),
    ("/", "count", None),  # qa21: as the table shows a "/" cell; it said 请输入不小于0的整数
    ("／", "amount", None),
])
def test_parse_input_accepts(text, kind, expected):
    value = parse_input(text, kind)
    assert value == expected and type(value) is type(expected)


@pytest.mark.parametrize("text, kind, message", [
    ("-1", "count", "请输入不小于0的整数"),
    ("abc", "count", "请输入不小于0的整数"),
    ("1.5", "count", "请输入不小于0的整数"),
    ("1,23", "count", "请输入不小于0的整数"),
    ("5元", "count", "请输入不小于0的整数"),
    ("1.5", "signed", "请输入整数（可带正负号）"),
    ("-3", "amount", "请输入不小于0的数字"),
    ("万元", "amount", "请输入不小于0的数字"),
    ("9" * 61, "count", "数字过长"),  # beyond what any report holds (and the parser reads)
    ("9" * 400 + ".5", "amount", "数字过长"),  # float() of it would be inf
])
def test_parse_input_rejects(text, kind, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_input(text, kind)


def test_parse_cell_input_uses_the_column_kind():
    assert parse_cell_input("2021", "section2.fees.amount", "0.5") == 0.5
    assert parse_cell_input("2019", "section2.licensing.change", "-417") == -417
    with pytest.raises(ValueError):
        parse_cell_input("2021", "section3.new.total", "-417")


def test_a_cell_the_auditor_corrected_is_sure_though_its_row_was_flagged():
    # The parser flagged （一）予以公开's row (it printed too few values) and misread 自然人 as 8.
    # While the 8 stands, the failing column and row sums run through a flagged cell: 存疑. The
    # auditor then types 4, which still breaks both (自然人 column 5 ≠ 4 + 2; the row's 总计 3 ≠ 4).
    # The cell now holds the auditor's value, sure, and 3 alone mends both sums: 错误 with 3
    # suggested, as for any cell read surely.
    from core.model import Flag

    report = make_report()
    report.flags.append(Flag("section3.granted", "parse", "「（一）予以公开」行印有6个数值，模板为7列，请对照原文核对"))
    review = ReportReview(report)
    before = {f.rule: f.severity for f in review.findings() if f.rule in ("T3-2", "T3-3")}
    assert before == {"T3-2": "doubt", "T3-3": "doubt"}
    review.apply(CellEdit(GRANTED, 8, 4))
    after = [f for f in review.findings() if f.rule in ("T3-2", "T3-3")]
    assert {(f.rule, f.severity) for f in after} == {("T3-2", "error"), ("T3-3", "error")}
    assert {(f.suggestion.cell, f.suggestion.value) for f in after} == {(GRANTED, 3)}
    assert review.current().corrected == (GRANTED,)
    assert review.report.corrected == ()  # the parsed report is never touched


def test_a_flag_on_a_cell_the_auditor_corrected_is_no_longer_open():
    from core.model import Flag

    report = make_report()
    on_cell = Flag(GRANTED, "parse", "数字粘连，无法唯一拆分")
    on_row = Flag("section3.partial", "parse", "「（二）部分公开」行印有6个数值，模板为7列，请对照原文核对")
    report.flags += [on_cell, on_row]
    review = ReportReview(report)
    assert review.open_flags() == [on_cell, on_row]
    review.apply(CellEdit(GRANTED, 8, 3))
    assert review.open_flags() == [on_row]  # 存疑 counts one now; the row's flag still stands
    undo = review.revert(review.edits[-1])  # back to the parsed value: the doubt is back
    assert review.open_flags() == [on_cell, on_row]
    review.apply(undo.inverse("重做"))  # the 3 again (a redo), then the parsed 8 typed over it
    review.apply(CellEdit(GRANTED, 3, 8))
    assert review.open_flags() == [on_row]  # the auditor set the 8: sure, though the parse's


def test_local_time_reads_a_stamp_off_this_computers_clock(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        assert local_time("2026-12-01T17:24:27+00:00") == "2026-12-02 01:24:27"
        assert local_time("2024-03-05T10:00:00+08:00") == "2024-03-05 10:00:00"
        assert local_time("不是时间") == "不是时间"  # shown as stored, never an error
    finally:
        monkeypatch.undo()
        time.tzset()


def test_correcting_the_planted_typo_of_the_showcase_sample_leaves_no_odd_sum():
    # The first start's sample prints 表三（一）予以公开 × 自然人 15 for 12: the printed counts of
    # 表三 sum to the odd 141 (each row prints twice its 总计, so 138 once corrected). After
    # 采用建议值 the table adds up; the odd sum must count the auditor's 12, not the 15 it replaced,
    # or a 存疑 「表中必有笔误」 blames the innocent rows 「（七）总计」 and 「四、结转下年度继续办理」
    from pathlib import Path
    from core.pipeline import load_report

    sample = Path(__file__).resolve().parents[3] / "resources" / "samples" / "0-示例-含一处错误_鼓楼区人民政府2021.txt"
    review = ReportReview(load_report(sample))
    assert review.report.t3_printed_sum == 141
    assert any("是奇数" not in f.message and f.suggestion for f in review.findings())
    review.apply(review.edit_for("section3.granted.natural", 12))
    assert review.current().t3_printed_sum == 138
    assert not [f for f in review.findings() if "是奇数" in f.message]
    # a wrong correction makes the counts odd again (its row's T3-3 error says where)
    review.apply(review.edit_for("section3.partial.natural", 3))
    assert review.current().t3_printed_sum == 139
    assert [f.rule for f in review.findings() if f.severity == "error"] == ["T3-2", "T3-3"]


def test_a_sum_broken_by_the_auditors_own_values_stays_an_error_though_its_total_row_was_read_in_doubt():
    # The first start's sample's 「（七）总计」 row prints 8 values for 7 columns (flagged). After
    # 12 (the suggested value) the 自然人 column adds up: 23 = 12 + 2 + 0 + ... with the flagged 23.
    # Typing 3 for 部分公开 (2 read) and 7 for 危及"三安全一稳定" (0 read) makes the column 31:
    # the reading agreed with itself, the auditor's two values break it, so the column's T3-2
    # is 错误, not 存疑 「可能是读取问题」.
    from pathlib import Path
    from core.pipeline import load_report

    sample = Path(__file__).resolve().parents[3] / "resources" / "samples" / "0-示例-含一处错误_鼓楼区人民政府2021.txt"
    review = ReportReview(load_report(sample))
    for path, value in (("section3.granted.natural", 12), ("section3.partial.natural", 3),
                        ("section3.denied_safety_stability.natural", 7)):
        review.apply(review.edit_for(path, value))
    column = [f for f in review.findings() if f.rule == "T3-2"]
    assert len(column) == 1 and "各项办理结果之和为31" in column[0].message
    assert column[0].severity == "error"
    assert "可能是读取问题" not in column[0].message
    # taking back the two typed values leaves no failing sum (the flagged total was read right)
    review.apply(review.edit_for("section3.partial.natural", 2))
    review.apply(review.edit_for("section3.denied_safety_stability.natural", 0))
    assert not [f for f in review.findings() if f.rule == "T3-2"]


def _inferred_report():
    """（一）予以公开's row printed nothing beside its label: the parser filled 自然人 in from the
    sums as 3 (推定) and flagged the row; 法人 is an ordinary cell read as printed."""
    from core.model import INFERRED, Flag

    report = make_report(values={**VALUES_2021, GRANTED: 3})
    report.cells[GRANTED] = CellValue(3, INFERRED, "")
    report.flags.append(Flag(GRANTED, "inferred", "未能从原文读出，按勾稽关系推定为3", value=3))
    return report


def test_typing_an_inferred_value_again_confirms_it_until_undone():
    review = ReportReview(_inferred_report())
    assert review.open_flags() and not review.is_sure(GRANTED)
    assert review.edit_for(GRANTED, 3) is None  # (no change of value)
    confirm = review.confirmation_for(GRANTED, 3)
    assert (confirm.cell, confirm.old, confirm.new, confirm.note) == (GRANTED, 3, 3, CONFIRM_NOTE)
    review.reviewed = True
    review.apply(confirm)
    assert review.edits == [confirm]  # in the trail, as the store saves it
    assert review.is_sure(GRANTED) and review.is_confirmed(GRANTED) and not review.is_corrected(GRANTED)
    assert review.open_flags() == []  # its 存疑 is gone
    assert review.current().corrected == (GRANTED,)  # the checks take it as the auditor's
    assert review.current().cells[GRANTED].state == NUMBER
    assert review.corrections() == {}  # no value changed: not a correction, the status stays
    assert review.status == STATUS_REVIEWED
    assert review.confirmation_for(GRANTED, 3) is None  # confirmed once is enough
    review.revert(confirm)  # Ctrl+Z: the doubt is back
    assert not review.is_sure(GRANTED) and len(review.open_flags()) == 1
    assert review.current().corrected == ()
    review.apply(restamped(confirm))  # Ctrl+Y
    assert review.is_confirmed(GRANTED)
    # replayed from the stored trail, it stands as it was left
    assert ReportReview(review.report, list(review.edits)).is_confirmed(GRANTED)


def test_undoing_an_edit_of_a_confirmed_cell_leaves_it_confirmed():
    review = ReportReview(_inferred_report())
    review.apply(review.confirmation_for(GRANTED, 3))
    edit = review.edit_for(GRANTED, 4)
    review.apply(edit)
    assert review.is_corrected(GRANTED) and not review.is_confirmed(GRANTED)
    review.revert(edit)
    assert review.value(GRANTED) == 3 and review.is_confirmed(GRANTED)


def test_an_auditors_note_reading_cheche_is_not_an_undo():
    """The trail notes an undo 撤销, and the confirmation bookkeeping took any edit noted 撤销 for
    one: an auditor's own note 撤销 on a corrected cell took a confirmation back, and once the note
    and the correction were undone (Ctrl+Z twice) the cell the auditor had confirmed was 存疑 again."""
    review = ReportReview(_inferred_report())
    review.apply(review.confirmation_for(GRANTED, 3))
    edit = review.edit_for(GRANTED, 4)
    review.apply(edit)
    note = CellEdit(GRANTED, 4, 4, UNDO_NOTE)  # 添加备注: the auditor's word, as typed
    review.apply(note)
    assert not note.undo and review.value(GRANTED) == 4 and review.is_corrected(GRANTED)
    review.revert(note)
    review.revert(edit)
    assert review.value(GRANTED) == 3 and review.is_confirmed(GRANTED) and review.open_flags() == []
    # replayed from the trail (the window opened again), it stands as it was left
    assert ReportReview(review.report, list(review.edits)).is_confirmed(GRANTED)


def test_typing_an_ordinary_value_again_records_nothing():
    review = ReportReview(_inferred_report())
    ordinary = "section3.new.natural"
    assert review.confirmation_for(ordinary, 5) is None
    assert review.edit_for(ordinary, 5) is None
    assert review.confirmation_for(GRANTED, 4) is None  # another value is an edit, not a confirmation
