"""设为采用的副本: the auditor chooses which copy of an agency's year filed twice (a .docx beside its
.pdf) stands for it. Before, the copy only followed from the work done on it (已审核, an edit, a
verdict, else the first in the folder): there was no way to say "this one" without marking it."""
from __future__ import annotations

import pytest

from core.compare.frame import folder_frame, standing_row, totals_per_year
from core.compare.years import (CHOSEN, MARKED, UNTOUCHED, choose_copy, copies_of, copy_rank,
                                link_previous_years, standing_copy)
from core.review.edits import CellEdit, ReportReview
from core.review.store import DB_NAME, ReviewStore
from tests.core.review.test_edits import make_report

GRANTED = "section3.granted.natural"


def copy(name: str, year: int, content_hash: str, granted: int = 0) -> ReportReview:
    return ReportReview(make_report(file=f"/data/{name}", year=year, content_hash=content_hash,
                                    values={GRANTED: granted}))


@pytest.fixture
def folder():
    """2022, then 2023 filed three times: a .pdf, a .docx (another number), and the .pdf copied
    into another folder (the same bytes: a twin)."""
    before = copy("2022.txt", 2022, "11" * 32)
    pdf, docx = copy("2023.pdf", 2023, "22" * 32, 5), copy("2023.docx", 2023, "33" * 32, 7)
    twin = copy("copy/2023.pdf", 2023, "22" * 32, 5)
    return before, pdf, docx, twin


def test_the_chosen_copy_outranks_the_reviewed_one_in_links_grid_and_totals(folder):
    before, pdf, docx, twin = folder
    reviews = [before, pdf, docx, twin]
    copies = copies_of(pdf, reviews)
    assert copies == [pdf, docx, twin]
    pdf.reviewed = True  # the auditor marked the .pdf 已审核 ...
    assert standing_copy(copies) is pdf
    marks = choose_copy(docx, copies)  # ... then chose the .docx
    assert marks == [(docx, True)]
    for review, chosen in marks:
        review.chosen = chosen
    assert [copy_rank(r) for r in copies] == [MARKED, CHOSEN, UNTOUCHED]
    assert standing_copy(copies) is docx
    link_previous_years(reviews)
    assert docx.previous_year is before and pdf.previous_year is None
    frame = folder_frame(reviews, lambda _review: [])
    assert standing_row(frame, [1, 2, 3]) == 2
    totals = totals_per_year(frame)
    assert totals.loc[2023, GRANTED] == 7  # the .docx's number counted once, not the .pdf's 5
    assert totals.loc[2023, "left_out"] == "/data/2023.pdf、/data/copy/2023.pdf"
    # choosing the .pdf again un-chooses the .docx; its twin shares the .pdf's review, and its mark
    marks = choose_copy(pdf, copies)
    assert marks == [(pdf, True), (docx, False)]
    for review, chosen in marks:
        review.chosen = chosen
    twin.chosen = True  # (as the window shares the work of a twin)
    assert choose_copy(pdf, copies) == []  # chosen already (its twin's mark is its own): nothing changes
    assert choose_copy(twin, copies) == []
    assert choose_copy(docx, copies) == [(docx, True), (pdf, False), (twin, False)]


def test_the_chosen_mark_is_saved_with_the_review_and_survives_a_restart(tmp_path):
    db = tmp_path / DB_NAME
    pdf, docx = make_report(file="/d/a.pdf", content_hash="22" * 32), make_report(file="/d/a.docx", content_hash="33" * 32)
    with ReviewStore(db) as store:
        first, second = store.review_for(pdf), store.review_for(docx)
        assert not first.chosen and not second.chosen
        assert store.hashes_with_review(["22" * 32, "33" * 32]) == set()
        store.mark_chosen([(second, True)])
        assert second.chosen
    with ReviewStore(db) as store:  # the program restarted
        first, second = store.review_for(pdf), store.review_for(docx)
        assert (first.chosen, second.chosen) == (False, True)
        # a report with nothing but the mark is looked up as a folder opens (not taken as untouched)
        assert store.hashes_with_review(["22" * 32, "33" * 32]) == {"33" * 32}
        store.mark_chosen([(first, True), (second, False)])  # one transaction: the other copy chosen
    with ReviewStore(db) as store:
        assert (store.review_for(pdf).chosen, store.review_for(docx).chosen) == (True, False)
        assert store.hashes_with_review(["22" * 32, "33" * 32]) == {"22" * 32}
        with pytest.raises(ValueError):
            store.set_chosen({"": True})


def test_copies_and_twins_carry_the_mark():
    review = ReportReview(make_report(), chosen=True)
    review.apply(CellEdit(GRANTED, 0, 3))
    assert review.copy().chosen
    twin = ReportReview(make_report(file="/other/a.txt"))
    assert twin.share_work(review) and twin.chosen
    assert not twin.share_work(review)
