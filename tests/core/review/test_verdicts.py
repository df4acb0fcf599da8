"""Verdicts on findings and the reviewed mark's transitions (core/review), without Qt."""
from __future__ import annotations

import pytest

from core.model import Finding
from core.review.edits import (CLEARED, CONFIRMED, DISMISSED, STATUS_MODIFIED, STATUS_REVIEWED,
                               CellEdit, ReportReview, Verdict, finding_key, renoted, verdict_on, withdrawn)
from core.review.store import ReviewStore
from tests.core.review.test_edits import make_report

GRANTED = "section3.granted.natural"  # parsed as 8, true value 3: T3-2 and T3-3 fail


def by_rule(review: ReportReview) -> dict:
    return {f.rule: f for f in review.findings()}


def test_a_dismissal_needs_a_reason():
    finding = by_rule(ReportReview(make_report()))["T3-2"]
    with pytest.raises(ValueError, match="理由"):
        verdict_on(finding, DISMISSED, "  ")
    assert verdict_on(finding, CONFIRMED).note == ""  # a confirmation may go without a note


def test_verdicts_leave_only_the_other_error_open():
    review = ReportReview(make_report())
    findings = review.findings()
    assert [f.rule for f in review.open_errors(findings)] == ["T3-2", "T3-3"]
    review.set_verdict(verdict_on(by_rule(review)["T3-2"], DISMISSED, "原件如此"))
    assert [f.rule for f in review.open_errors(findings)] == ["T3-3"]
    review.set_verdict(verdict_on(by_rule(review)["T3-3"], CONFIRMED, "请单位更正"))
    assert review.open_errors(findings) == []
    assert review.verdict_of(by_rule(review)["T3-3"]).label == "确认问题"
    assert review.verdict_of(by_rule(review)["T3-2"]).label == "已忽略"


def test_a_verdict_is_keyed_by_rule_and_cells_not_position():
    review = ReportReview(make_report())
    review.set_verdict(verdict_on(by_rule(review)["T3-3"], CONFIRMED, "请更正"))
    # A re-parsed report (a new Report object) with its findings in another order.
    again = ReportReview(make_report(), verdicts=review.verdict_trail)
    findings = list(reversed(again.findings()))
    assert [again.verdict_of(f) is not None for f in findings] == [True, False]  # T3-3, T3-2


# --- a verdict stands for the values it was given on -------------------------------------------

def test_an_edit_of_a_finding_cell_after_its_verdict_opens_the_finding_again():
    """Dismissed 「原文如此」 on 3 ≠ 8, then the auditor types 9 into one of its cells: the finding
    (same rule, same cells, 3 ≠ 9 now) is another discrepancy, open again; the trail keeps the
    verdict, lapsed."""
    review = ReportReview(make_report())
    dismissal = verdict_on(by_rule(review)["T3-3"], DISMISSED, "原文如此")
    review.set_verdict(dismissal)
    assert review.counts(review.findings())[3] == 1
    review.apply(CellEdit(GRANTED, 8, 9))
    t3_3 = by_rule(review)["T3-3"]
    assert "为9" in t3_3.message
    assert review.verdict_of(t3_3) is None and not review.is_dismissed(t3_3)
    assert review.lapsed_verdict_of(t3_3).note == "原文如此"
    assert [f.rule for f in review.open_errors(review.findings())] == ["T3-2", "T3-3"]
    assert review.counts(review.findings()) == (2, 0, 0, 0)
    assert [(v.verdict, v.position) for v in review.verdict_trail] == [(DISMISSED, 0)]
    assert review.resolved_verdicts(review.findings()) == []  # open, not 已消除


def test_undoing_the_edit_brings_the_verdict_back():
    review = ReportReview(make_report())
    review.set_verdict(verdict_on(by_rule(review)["T3-3"], CONFIRMED, "请更正"))
    edit = CellEdit(GRANTED, 8, 9)
    review.apply(edit)
    assert review.verdict_of(by_rule(review)["T3-3"]) is None
    review.revert(edit)  # Ctrl+Z
    assert review.verdict_of(by_rule(review)["T3-3"]).note == "请更正"
    assert review.lapsed_verdict_of(by_rule(review)["T3-3"]) is None
    review.apply(CellEdit(GRANTED, 8, 9))
    review.apply(CellEdit(GRANTED, 9, 8))  # typed back by hand: the values it was given on
    assert review.verdict_of(by_rule(review)["T3-3"]).note == "请更正"


def test_an_edit_of_another_cell_or_a_note_keeps_the_verdict():
    review = ReportReview(make_report())
    review.set_verdict(verdict_on(by_rule(review)["T3-3"], DISMISSED, "原文如此"))
    review.apply(CellEdit("section3.total.natural", 5, 10))  # T3-2's cell, not T3-3's
    review.apply(CellEdit(GRANTED, 8, 8, "核对过"))  # a note: the value stays
    (granted_row,) = [f for f in review.findings() if f.rule == "T3-3" and GRANTED in f.cells]
    assert "T3-2" not in by_rule(review)
    assert review.verdict_of(granted_row).note == "原文如此"


def test_a_verdict_given_after_the_edit_stands_until_the_next_edit_of_its_cells():
    review = ReportReview(make_report())
    review.set_verdict(verdict_on(by_rule(review)["T3-3"], DISMISSED, "原文如此"))
    review.apply(CellEdit(GRANTED, 8, 9))
    review.set_verdict(verdict_on(by_rule(review)["T3-3"], DISMISSED, "复核后仍如此"))
    assert review.verdict_of(by_rule(review)["T3-3"]).note == "复核后仍如此"
    review.apply(CellEdit(GRANTED, 9, 7))
    assert review.verdict_of(by_rule(review)["T3-3"]) is None
    # an undo of the new verdict restores the one before it as it was: lapsed, given on 8
    undo = review.restoring(finding_key(by_rule(review)["T3-3"]))
    review.set_verdict(verdict_on(by_rule(review)["T3-3"], CONFIRMED, "请更正"))
    assert review.verdict_of(by_rule(review)["T3-3"]).note == "请更正"
    review.set_verdict(undo)
    assert review.lapsed_verdict_of(by_rule(review)["T3-3"]).note == "复核后仍如此"


def test_a_lapsed_verdict_survives_a_restart_and_its_undo_too(tmp_path):
    db = tmp_path / "reviews.sqlite3"
    with ReviewStore(db) as store:
        review = store.review_for(make_report())
        store.give_verdict(review, verdict_on(by_rule(review)["T3-3"], DISMISSED, "原文如此"))
        edit = CellEdit(GRANTED, 8, 9)
        store.apply(review, edit)
        store.give_verdict(review, verdict_on(by_rule(review)["T3-2"], CONFIRMED, "请更正"))
    with ReviewStore(db) as store:
        review = store.review_for(make_report())
        assert [v.position for v in review.verdict_trail] == [0, 1]
        assert review.verdict_of(by_rule(review)["T3-3"]) is None
        assert review.verdict_of(by_rule(review)["T3-2"]).note == "请更正"
        store.revert(review, edit)
    with ReviewStore(db) as store:
        review = store.review_for(make_report())
        assert review.verdict_of(by_rule(review)["T3-3"]).note == "原文如此"
        # T3-2 names the cell too: given on 9, the undo back to 8 made it lapse
        assert review.lapsed_verdict_of(by_rule(review)["T3-2"]).note == "请更正"


def test_taking_a_verdict_back_reopens_the_finding():
    review = ReportReview(make_report())
    finding = by_rule(review)["T3-2"]
    undo = review.restoring(finding_key(finding))
    assert undo.verdict == CLEARED
    review.set_verdict(verdict_on(finding, DISMISSED, "原件如此"))
    review.set_verdict(undo)
    assert review.verdict_of(finding) is None
    assert [v.verdict for v in review.verdict_trail] == [DISMISSED, CLEARED]


def test_an_edit_that_changes_a_cell_drops_the_reviewed_mark_a_note_does_not():
    review = ReportReview(make_report(), reviewed=True)
    assert review.status == STATUS_REVIEWED
    review.apply(CellEdit(GRANTED, 8, 8, "核对过"))  # a note: the values are those reviewed
    assert review.status == STATUS_REVIEWED
    review.apply(CellEdit(GRANTED, 8, 3))
    assert not review.reviewed and review.status == STATUS_MODIFIED


def test_replayed_edits_do_not_drop_a_mark_given_after_them():
    review = ReportReview(make_report(), [CellEdit(GRANTED, 8, 3)], reviewed=True)
    assert review.status == STATUS_REVIEWED


def test_store_keeps_verdicts_and_clears_the_mark_on_a_later_edit(tmp_path):
    db = tmp_path / "reviews.sqlite3"
    report = make_report()
    with ReviewStore(db) as store:
        review = store.review_for(report)
        store.give_verdict(review, verdict_on(by_rule(review)["T3-2"], DISMISSED, "原件如此"))
        store.mark_reviewed(review)
    with ReviewStore(db) as store:
        review = store.review_for(make_report())  # parsed again
        assert review.status == STATUS_REVIEWED
        assert [f.rule for f in review.open_errors(review.findings())] == ["T3-3"]
        assert review.verdict_of(by_rule(review)["T3-2"]).note == "原件如此"
        store.add_edit(report.content_hash, CellEdit(GRANTED, 8, 8, "只是备注"))
        assert store.load(report.content_hash)[1] is True
        store.add_edit(report.content_hash, CellEdit(GRANTED, 8, 3))
        assert store.load(report.content_hash)[1] is False
    with ReviewStore(db) as store:
        assert store.review_for(make_report()).status == STATUS_MODIFIED


def test_exports_carry_each_verdict_with_its_reason(tmp_path):
    import json

    from core.export.flat import write_json
    from core.export.xlsx import build_workbook

    review = ReportReview(make_report())
    review.set_verdict(verdict_on(by_rule(review)["T3-2"], DISMISSED, "原件如此"))
    review.set_verdict(verdict_on(by_rule(review)["T3-3"], CONFIRMED, "请单位更正"))
    sheet = build_workbook([review])["问题清单"]
    header, *rows = list(sheet.values)
    problems = {row["规则"]: row for row in (dict(zip(header, r)) for r in rows)}
    assert (problems["T3-2"]["审核意见"], problems["T3-2"]["意见说明"]) == ("已忽略", "原件如此")
    assert (problems["T3-3"]["审核意见"], problems["T3-3"]["意见说明"]) == ("确认问题", "请单位更正")

    target = tmp_path / "out.json"
    write_json([review], target)
    findings = {f["rule"]: f for f in json.loads(target.read_text(encoding="utf-8"))[0]["findings"]}
    assert (findings["T3-2"]["verdict"], findings["T3-2"]["verdict_note"]) == ("dismissed", "原件如此")
    assert findings["T3-3"]["verdict"] == "confirmed"


def test_a_verdict_whose_finding_went_away_is_resolved_and_a_cross_year_one_only_when_looked_for():
    """A confirmed T4-1 whose total the auditor then corrected is a resolved verdict (its note is
    exported); an X-4 verdict is not, while no previous year is paired (its rule was not checked)."""
    review = ReportReview(make_report())
    total = Finding("T4-1", "error", ["section4.review.total", "section4.review.maintained"], "总计不符")
    topic = Finding("X-4", "warning", ["section4.review.total"], "与上年差异较大")
    review.set_verdict(verdict_on(total, CONFIRMED, "请单位更正总计"))
    review.set_verdict(verdict_on(topic, CONFIRMED, ""))
    assert review.resolved_verdicts([total, topic]) == []
    assert [(v.rule, v.note) for v in review.resolved_verdicts([])] == [("T4-1", "请单位更正总计")]
    review.previous_year = ReportReview(make_report(year=2022))
    assert [v.rule for v in review.resolved_verdicts([])] == ["T4-1", "X-4"]


def test_a_resolved_verdict_is_renoted_and_withdrawn_by_its_key_and_both_survive_a_restart(tmp_path):
    """编辑说明 and 撤销审核意见 on a verdict whose finding is gone (已消除): there is no finding to
    give a verdict on, so the change goes by the verdict's key. The new note replaces the old in
    resolved_verdicts; withdrawn, it leaves them; ``restoring`` gives what an undo puts back (also
    with no finding); the stored trail replays to the same state."""
    report = make_report()
    total = Finding("T4-1", "error", ["section4.review.total", "section4.review.maintained"], "总计不符")
    with ReviewStore(tmp_path / "r.sqlite") as store:
        review = store.review_for(report)
        store.give_verdict(review, verdict_on(total, CONFIRMED, "请单位更正总计"))
        (kept,) = review.resolved_verdicts([])  # corrected away: the finding is not in the list
        before = review.restoring(kept.key)
        assert (before.verdict, before.note) == (CONFIRMED, "请单位更正总计")

        store.give_verdict(review, renoted(kept, "  已电话告知单位 "))
        assert [(v.rule, v.verdict, v.note) for v in review.resolved_verdicts([])] == \
            [("T4-1", CONFIRMED, "已电话告知单位")]
        with pytest.raises(ValueError, match="理由"):
            renoted(Verdict("T4-1", kept.cells, DISMISSED, "原件如此"), " ")  # a dismissal keeps a reason

        store.give_verdict(review, withdrawn(kept))
        assert review.resolved_verdicts([]) == [] and review.verdict_of(total) is None
        assert review.restoring(kept.key).verdict == CLEARED  # what undoing a fresh verdict puts back

        store.give_verdict(review, before)  # the undo of the withdrawal: the first note back
        assert [v.note for v in review.resolved_verdicts([])] == ["请单位更正总计"]
        store.give_verdict(review, withdrawn(kept))
    with ReviewStore(tmp_path / "r.sqlite") as store:
        assert store.review_for(make_report()).resolved_verdicts([]) == []


def test_verdicts_saved_before_their_place_was_stored_are_placed_by_time(tmp_path):
    """A version 3 database: verdicts with no place in the edit trail. Read back after the edits
    stamped no later than them (to the second: an edit in the verdict's own second counts as
    before it, so that no old verdict lapses on a guess); the column is added (version 4)."""
    import json
    import sqlite3

    from core.review.store import SCHEMA_VERSION

    db = tmp_path / "reviews.sqlite3"
    old = sqlite3.connect(str(db))
    old.executescript("""
        CREATE TABLE edits (hash TEXT NOT NULL, seq INTEGER NOT NULL, cell TEXT NOT NULL, old TEXT NOT NULL,
            new TEXT NOT NULL, note TEXT NOT NULL, time TEXT NOT NULL, file TEXT NOT NULL, undo INTEGER,
            PRIMARY KEY (hash, seq));
        CREATE TABLE verdicts (hash TEXT NOT NULL, seq INTEGER NOT NULL, rule TEXT NOT NULL, cells TEXT NOT NULL,
            verdict TEXT NOT NULL, note TEXT NOT NULL, time TEXT NOT NULL, file TEXT NOT NULL,
            PRIMARY KEY (hash, seq));
        CREATE TABLE reviews (hash TEXT PRIMARY KEY, reviewed INTEGER NOT NULL, updated TEXT NOT NULL);
        PRAGMA user_version=3;
    """)
    report = make_report()
    review = ReportReview(report)
    t3_2, t3_3 = (finding_key(by_rule(review)[rule]) for rule in ("T3-2", "T3-3"))
    old.executemany("INSERT INTO verdicts VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [
        (report.content_hash, 1, t3_3[0], json.dumps(list(t3_3[1])), DISMISSED, "原文如此",
         "2024-03-05T10:00:00+08:00", report.file),
        (report.content_hash, 2, t3_2[0], json.dumps(list(t3_2[1])), DISMISSED, "原件如此",
         "2024-03-05T10:05:00+08:00", report.file)])
    old.execute("INSERT INTO edits VALUES (?, 1, ?, '8', '9', '', '2024-03-05T10:05:00+08:00', ?, 0)",
                (report.content_hash, GRANTED, report.file))
    old.commit()
    old.close()
    with ReviewStore(db) as store:
        review = store.review_for(make_report())
        assert [v.position for v in review.verdict_trail] == [0, 1]
        assert review.lapsed_verdict_of(by_rule(review)["T3-3"]).note == "原文如此"  # edited after it
        assert review.verdict_of(by_rule(review)["T3-2"]).note == "原件如此"  # the same second
        store.give_verdict(review, verdict_on(by_rule(review)["T3-3"], DISMISSED, "复核后仍如此"))
    with ReviewStore(db) as store:
        assert [v.position for v in store.load_verdicts(report.content_hash)] == [0, 1, 1]
    assert sqlite3.connect(str(db)).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
