"""沿用以前的审核 (core/review/carry.py): work stored for a file's earlier content, carried onto
the content it holds now, without Qt."""
from __future__ import annotations

from core.review.carry import carried_edits, carried_verdicts, standing_edits
from core.review.edits import CLEARED, CONFIRMED, DISMISSED, CellEdit, ReportReview, Verdict, verdict_on
from core.review.store import ReviewStore
from tests.core.review.test_edits import make_report

GRANTED = "section3.granted.natural"  # parsed as 8, true value 3: T3-2 and T3-3 fail
EARLIER, NOW = "ab" * 32, "cd" * 32


def by_rule(review: ReportReview) -> dict:
    return {f.rule: f for f in review.findings()}


def test_an_undone_edit_is_not_carried_and_a_redone_one_is():
    trail = [CellEdit(GRANTED, 8, 3, "核对原文"), CellEdit(GRANTED, 3, 8, "撤销", undo=True)]
    assert standing_edits(trail) == {}
    trail.append(CellEdit(GRANTED, 8, 3, "重做：核对原文"))
    assert standing_edits(trail) == {GRANTED: (3, "重做：核对原文")}


def test_a_correction_is_carried_unless_the_new_content_holds_the_value():
    earlier = [CellEdit(GRANTED, 8, 3, "核对原文")]
    review = ReportReview(make_report(content_hash=NOW))
    [edit] = carried_edits(review, earlier)
    assert (edit.cell, edit.old, edit.new, edit.note) == (GRANTED, 8, 3, "核对原文")
    fixed = make_report(content_hash=NOW, values={GRANTED: 3})  # the agency's corrected version
    assert carried_edits(ReportReview(fixed), earlier) == []


def test_a_verdict_is_carried_onto_the_same_finding_only():
    review = ReportReview(make_report(content_hash=NOW))
    t3_2 = by_rule(review)["T3-2"]
    earlier = [verdict_on(t3_2, DISMISSED, "原件如此"), verdict_on(by_rule(review)["T3-3"], CONFIRMED),
               Verdict("T3-3", tuple(sorted(by_rule(review)["T3-3"].cells)), CLEARED),  # taken back
               Verdict("T4-1", ("section4.review.total",), CONFIRMED)]  # not a finding now
    carried = carried_verdicts(review, review.findings(), earlier)
    assert [(finding.rule, verdict.verdict, verdict.note) for finding, verdict in carried] == \
        [("T3-2", DISMISSED, "原件如此")]
    review.set_verdict(carried[0][1])
    assert carried_verdicts(review, review.findings(), earlier) == []  # given already


def test_the_store_finds_the_latest_earlier_content_with_work_standing(tmp_path):
    file = "/data/reports/某某区人民政府办公室2023.txt"
    with ReviewStore(tmp_path / "r.sqlite3") as store:
        assert store.latest_earlier_content(file, NOW) is None
        store.add_edit(EARLIER, CellEdit(GRANTED, 8, 3, "核对原文", "2026-01-01T10:00:00+08:00"), file)
        assert store.latest_earlier_content(file, NOW) == EARLIER
        assert store.latest_earlier_content(file, EARLIER) is None  # its own content is not earlier
        undone = "ef" * 32  # a later content whose only edit was undone: nothing stands there
        store.add_edit(undone, CellEdit(GRANTED, 8, 5, "", "2026-02-01T10:00:00+08:00"), file)
        store.add_edit(undone, CellEdit(GRANTED, 5, 8, "撤销", "2026-02-01T10:01:00+08:00", undo=True), file)
        assert store.latest_earlier_content(file, NOW) == EARLIER
        assert store.latest_earlier_content("/elsewhere.txt", NOW) is None


def test_a_verdict_lapsed_on_the_earlier_content_is_neither_carried_nor_counted(tmp_path):
    """Dismissed, then a cell of the finding edited: the verdict no longer stood on the earlier
    content, so 沿用以前的审核 does not bring it back on the new one."""
    earlier = ReportReview(make_report(content_hash=EARLIER))
    dismissal = verdict_on(by_rule(earlier)["T3-3"], DISMISSED, "原文如此")
    earlier.set_verdict(dismissal)
    earlier.apply(CellEdit(GRANTED, 8, 9))
    review = ReportReview(make_report(content_hash=NOW))
    findings = review.findings()
    assert carried_verdicts(review, findings, earlier.verdict_trail) != []  # (the trail alone: it stands)
    assert carried_verdicts(review, findings, earlier.verdict_trail, earlier.edits) == []
    with ReviewStore(tmp_path / "r.sqlite") as store:
        stored = store.review_for(make_report(content_hash=EARLIER))
        store.give_verdict(stored, dismissal)
        store.apply(stored, CellEdit(GRANTED, 8, 9))
        assert store.work_on_earlier_contents(stored.report.file, NOW) == 1  # the correction alone
