"""Link each report of a folder to the same agency's report of the year before, so that its
checks include the cross-year rules (``ReportReview.previous_year``); and which copy of a year
filed more than once stands for it (``copy_rank``), in the links, the 年度对照 grid and the 汇总."""
from __future__ import annotations

from typing import Callable, Iterable, Optional, Sequence

from core.compare.pairing import normalise_agency
from core.model import Report, lacks_a_table
from core.readers.problems import problem_label
from core.review.edits import CLEARED, ReportReview

CHOSEN, MARKED, WORKED, UNTOUCHED, PARTIAL, UNREAD = range(6)  # copy_rank's ranks, the copy that stands first
# standing_reason's word for an untouched copy standing though a copy before it lacks a table
FIRST_COMPLETE = UNREAD + 1


def copy_rank(review: ReportReview) -> int:
    """Which of the copies of one agency's year (a .doc beside its .pdf, a re-download) stands for
    the year: the one of lowest rank, the first in the folder among equals (``standing_copy``).
    CHOSEN: the auditor chose it (设为采用的副本, ``choose_copy``), whatever the others' work;
    MARKED: the auditor marked it 已审核; WORKED: they corrected (or confirmed) a cell or gave a
    verdict on a finding of it; UNTOUCHED; PARTIAL: untouched, and its tables were not read whole
    (``read_whole``: a web page whose 表二 and 表三 were lost beside the .doc that holds them, a
    copy cut off after 表三: its blanks would stand for the year's numbers); UNREAD: no table was read from it (no numbers to count
    or pair). The cross-year checks pair it, 年度对照 shows its counts and the 汇总's 年度合计 adds
    its numbers: one year, one set of numbers, the one the auditor looked at."""
    if not review.report.has_cells():
        return UNREAD
    if review.chosen:
        return CHOSEN
    if review.reviewed:
        return MARKED
    # (each asked only when there is work: the report list ranks a year's copies again as each
    # loading batch brings more, thousands of untouched copies in a big folder)
    if review.edits and any(review.is_sure(edit.cell) for edit in review.edits) \
            or review.verdict_trail and _has_verdict(review):
        return WORKED
    return PARTIAL if not read_whole_of(review) else UNTOUCHED


def read_whole_of(review: ReportReview) -> bool:
    """``read_whole`` of the review's report, worked out once (the report never changes): the
    report list ranks a year's copies again as each loading batch brings more of them, and
    ``lacks_a_table`` goes through every cell (a folder of 2 000 reports, many copies a year,
    spent 16 s of the GUI thread in it while loading). The folder's loading thread works it out
    for each report before the report list gets it (gui/loader.py): on the GUI thread it was
    still 0.2 s of a folder of 2 000 reopened, up to 30 ms in one turn."""
    whole = review.__dict__.get("_read_whole")
    if whole is None:
        whole = review.__dict__["_read_whole"] = read_whole(review.report)
    return whole


# the labels of the parser's problems of a table read in part (core.readers.problems)
_TABLE_READ_IN_PART = frozenset(("表不完整", "缺统计表", "表无数值"))


def read_whole(report: Report) -> bool:
    """Every table of the report was read whole: none lacking (``lacks_a_table``), none with rows
    or values the parser could not read (its problem 表不完整 or 表无数值). A copy of a year filed
    twice that is not is no second version of the report: 年度对照 counts no differences against
    it (its blanks are what the reader lost, not what the agency filed)."""
    if not report.has_cells():
        return False
    lacks = report.known_lacks_a_table()  # (a report still packed: not decoded for this)
    if lacks if lacks is not None else lacks_a_table(report):
        return False
    return not any(problem_label(problem) in _TABLE_READ_IN_PART for problem in report.problems)


def standing_reason(copies: Sequence[ReportReview]) -> int:
    """Why ``standing_copy(copies)`` stands, as the window and the exports say it: its rank, or
    FIRST_COMPLETE when it is untouched but not the first (a copy before it lacks a table: "the
    first" would name another copy)."""
    return standing_and_reason(copies)[1]


def standing_and_reason(copies: Sequence[ReportReview]) -> tuple[ReportReview, int]:
    """``standing_copy`` and ``standing_reason`` of ``copies``, each copy ranked once (the report
    list marks a year's copies again as each loading batch brings more of them)."""
    ranks = [copy_rank(copy) for copy in copies]
    first = min(range(len(ranks)), key=ranks.__getitem__)  # (min keeps the first of equals)
    rank = ranks[first]
    return copies[first], FIRST_COMPLETE if rank == UNTOUCHED and first != 0 else rank


def _has_verdict(review: ReportReview) -> bool:
    """A verdict stands on some finding (the trail's last word on it is not a take-back)."""
    last = {verdict.key: verdict.verdict for verdict in review.verdict_trail}
    return any(verdict != CLEARED for verdict in last.values())


def standing_copy(copies: Sequence[ReportReview]) -> ReportReview:
    """The copy that stands for their year (``copy_rank``); ``copies`` in the folder's order."""
    return min(copies, key=copy_rank)  # (min keeps the first of equals)


def choose_copy(review: ReportReview, copies: Sequence[ReportReview]) -> list[tuple[ReportReview, bool]]:
    """The chosen marks that make ``review`` the copy that stands for its year (设为采用的副本):
    (copy, its mark) for each of ``copies`` (``copies_of``) whose mark changes. ``review`` chosen,
    every other copy not, but for its twins (the same bytes share one review and so its mark)."""
    marks = [(review, True)] if not review.chosen else []
    own = review.report.content_hash
    for other in copies:
        if other is not review and other.chosen and not (own and other.report.content_hash == own):
            marks.append((other, False))
    return marks


def link_previous_years(reviews: Iterable[ReportReview]) -> list[ReportReview]:
    """Set ``previous_year`` on every review whose agency's year N−1 is among ``reviews``;
    returns the reviews whose link changed (their findings must be recomputed).

    The pairs of ``consecutive_pairs`` (a year filed twice: its copy that stands, ``copy_rank``:
    the one the auditor reviewed, else the first in the order given), found by one dictionary
    look-up a review: this runs on the GUI thread as a folder's first report opens, over every
    report of the folder (names keyed once, ``normalise_agency``), and again as the auditor's
    work on a copy makes it the one that stands."""
    keyed = []  # (review, agency key, year) of the reviews that can pair
    standing: dict[tuple[str, int], tuple[int, ReportReview]] = {}  # (agency key, year) → its rank and copy
    for review in reviews:
        report = review.report
        if not report.has_cells():  # (a packed report is not decoded for this)
            continue
        key, year = normalise_agency(report.agency), report.year
        if key and year:
            rank = copy_rank(review)
            if (key, year) not in standing or rank < standing[key, year][0]:
                standing[key, year] = rank, review
        keyed.append((review, key, year))
    changed = []
    for review, key, year in keyed:
        previous = None
        if key and year and standing[key, year][1] is review:
            before = standing.get((key, year - 1))
            previous = before[1] if before else None
        if review.previous_year is not previous:
            review.previous_year = previous
            changed.append(review)
    return changed


def next_years(review: ReportReview, reviews: Iterable[ReportReview]) -> list[ReportReview]:
    """The reviews whose year before is ``review`` (their X findings follow its values)."""
    return [r for r in reviews if r.previous_year is review]


def copies_key(report: Report, normalised: Callable[[str], str] = normalise_agency) -> Optional[tuple[str, int]]:
    """(agency key, year) that the copies of one agency's year share (``copies_of``); None for a
    report whose tables, agency or year were not read. ``normalised``: normalise_agency, or a
    cache of it."""
    if not (report.year and report.has_cells()):
        return None
    key = normalised(report.agency) if report.agency else ""
    return (key, report.year) if key else None


def copies_of(review: ReportReview, reviews: Iterable[ReportReview]) -> list[ReportReview]:
    """``review``'s agency's reports of its year among ``reviews`` whose tables were read, in the
    order given (a year filed twice: a .doc beside its .pdf, a re-download). ``standing_copy`` of
    them is the one ``link_previous_years`` pairs; [] for a report whose agency or year was not read."""
    key, year = normalise_agency(review.report.agency), review.report.year
    if not (key and year):
        return []
    return [r for r in reviews if copies_key(r.report) == (key, year)]


def nearest_year(review: ReportReview, reviews: Iterable[ReportReview]) -> Optional[ReportReview]:
    """The copy that stands for ``review``'s agency's nearest other year among ``reviews``: the
    latest year before it, else the earliest after it; None when the agency has no other year
    whose tables were read. Ctrl+D on one report pairs it so when the year just before or after
    is missing (2019 and 2021 with no 2020): the folder holds another year, which is worth
    comparing, not "no other year"."""
    own = copies_key(review.report)
    if own is None:
        return None
    by_year: dict[int, list[ReportReview]] = {}
    for other in reviews:
        key = copies_key(other.report)
        if key is not None and key[0] == own[0] and key[1] != own[1]:
            by_year.setdefault(key[1], []).append(other)
    earlier = [year for year in by_year if year < own[1]]
    later = [year for year in by_year if year > own[1]]
    if not earlier and not later:
        return None
    year = max(earlier) if earlier else min(later)
    return standing_copy(by_year[year])
