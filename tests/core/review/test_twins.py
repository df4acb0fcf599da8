"""Files with the same bytes share one review (core/review/twins.py, ReportReview.share_work)."""
from __future__ import annotations

import pytest

from core.review.edits import CONFIRMED, STATUS_MODIFIED, STATUS_REVIEWED, STATUS_UNREVIEWED, ReportReview, Verdict
from core.review.store import ReviewStore
from core.review.twins import Twins
from tests.core.review.test_edits import GRANTED, make_report

FIRST, SECOND = "/data/一处/报告.txt", "/data/二处/报告.txt"


def test_twins_are_the_other_files_with_the_same_hash():
    twins = Twins()
    twins.add(FIRST, "aa")
    twins.add("/data/other.txt", "bb")
    twins.add(SECOND, "aa")
    twins.add("/data/empty.txt", "")  # no content: nothing stored, no twin
    twins.add("/data/pipe", "")
    assert twins.of(FIRST) == [SECOND]
    assert twins.of(SECOND) == [FIRST]
    assert twins.of("/data/other.txt") == []
    assert twins.of("/data/empty.txt") == []
    assert twins.of("/data/unknown.txt") == []
    twins.add(SECOND, "cc")  # re-saved since it was listed: no longer the first's twin
    assert twins.of(FIRST) == [] and twins.of(SECOND) == []


def test_a_twin_takes_the_edits_verdicts_and_mark_as_the_store_replays_them(tmp_path):
    first = ReportReview(make_report(file=FIRST))
    second = ReportReview(make_report(file=SECOND))
    with ReviewStore(tmp_path / "reviews.sqlite3") as store:
        store.apply(first, first.edit_for(GRANTED, 3))
        store.give_verdict(first, Verdict("T3-2", ("section3.granted.total",), CONFIRMED, "请核实"))
        assert second.share_work(first)
        assert second.value(GRANTED) == 3 and second.original(GRANTED) == 8
        assert second.status == STATUS_MODIFIED
        assert [v.note for v in second.verdict_trail] == ["请核实"]
        # the same as opening the folder again, which reads the twin's review from the store
        stored = store.review_for(second.report)
        assert (stored.edits, stored.verdict_trail) == (second.edits, second.verdict_trail)
        assert not second.share_work(first)  # nothing new

        store.mark_reviewed(first)
        assert second.share_work(first) and second.status == STATUS_REVIEWED
    # the twin's own lists: a later change to the first is not the second's until shared
    first.revert(first.edits[0])
    assert second.value(GRANTED) == 3
    assert second.share_work(first) and second.value(GRANTED) == 8 and second.status == STATUS_UNREVIEWED


def test_only_a_review_of_the_same_bytes_is_shared():
    first = ReportReview(make_report(file=FIRST))
    other = ReportReview(make_report(file=SECOND, content_hash="cd" * 32))
    unread = ReportReview(make_report(file=SECOND, content_hash=""))
    with pytest.raises(ValueError):
        other.share_work(first)
    with pytest.raises(ValueError):
        unread.share_work(ReportReview(make_report(file=FIRST, content_hash="")))
