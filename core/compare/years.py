"""Link each report of a folder to the same agency's report of the year before, so that its
checks include the cross-year rules (``ReportReview.previous_year``)."""
from __future__ import annotations

from typing import Iterable

from core.compare.pairing import normalise_agency
from core.review.edits import ReportReview


def link_previous_years(reviews: Iterable[ReportReview]) -> list[ReportReview]:
    """Set ``previous_year`` on every review whose agency's year N−1 is among ``reviews``;
    returns the reviews whose link changed (their findings must be recomputed).

    The pairs of ``consecutive_pairs`` (a year filed twice: its first file, in the order given),
    found by one dictionary look-up a review: this runs on the GUI thread as a folder's first
    report opens, over every report of the folder (names keyed once, ``normalise_agency``)."""
    keyed = []  # (review, agency key, year) of the reviews that can pair
    first: dict[tuple[str, int], ReportReview] = {}  # (agency key, year) → its first review
    for review in reviews:
        report = review.report
        if not report.cells:
            continue
        key, year = normalise_agency(report.agency), report.year
        if key and year:
            first.setdefault((key, year), review)
        keyed.append((review, key, year))
    changed = []
    for review, key, year in keyed:
        previous = None
        if key and year and first[key, year] is review:
            previous = first.get((key, year - 1))
        if review.previous_year is not previous:
            review.previous_year = previous
            changed.append(review)
    return changed


def next_years(review: ReportReview, reviews: Iterable[ReportReview]) -> list[ReportReview]:
    """The reviews whose year before is ``review`` (their X findings follow its values)."""
    return [r for r in reviews if r.previous_year is review]


def copies_of(review: ReportReview, reviews: Iterable[ReportReview]) -> list[ReportReview]:
    """``review``'s agency's reports of its year among ``reviews`` whose tables were read, in the
    order given (a year filed twice: a .doc beside its .pdf, a re-download). The first is the one
    ``link_previous_years`` pairs; [] for a report whose agency or year was not read."""
    key, year = normalise_agency(review.report.agency), review.report.year
    if not (key and year):
        return []
    return [r for r in reviews if r.report.cells and r.report.year == year
            and normalise_agency(r.report.agency) == key]
