"""Link each report of a folder to the same agency's report of the year before, so that its
checks include the cross-year rules (``ReportReview.previous_year``)."""
from __future__ import annotations

from typing import Iterable

from core.compare.pairing import consecutive_pairs
from core.review.edits import ReportReview


def link_previous_years(reviews: Iterable[ReportReview]) -> list[ReportReview]:
    """Set ``previous_year`` on every review whose agency's year N−1 is among ``reviews``;
    returns the reviews whose link changed (their findings must be recomputed)."""
    reviews = [r for r in reviews if r.report.cells]
    pairs = {id(current): previous for previous, current in
             consecutive_pairs(reviews, lambda r: r.report.agency, lambda r: r.report.year)}
    changed = []
    for review in reviews:
        previous = pairs.get(id(review))
        if review.previous_year is not previous:
            review.previous_year = previous
            changed.append(review)
    return changed


def next_years(review: ReportReview, reviews: Iterable[ReportReview]) -> list[ReportReview]:
    """The reviews whose year before is ``review`` (their X findings follow its values)."""
    return [r for r in reviews if r.previous_year is review]
