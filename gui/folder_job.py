"""The work of loading one report for the dashboard, free of Qt so that it can run in a worker
process: core reads and parses the file, replays the stored review, runs the checks.
(This module must not import Qt: worker processes import it.)"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Optional

from core.review.edits import ReportReview
from core.model import Finding
from core.pipeline import load_report
from core.review.store import ReviewStore
from gui import strings  # plain text, no Qt: safe in worker processes

log = logging.getLogger(__name__)

_stores: dict[str, ReviewStore] = {}  # one connection per database, per process


def store_for(db_path: Optional[str]) -> Optional[ReviewStore]:
    if not db_path:
        return None
    if db_path not in _stores:
        _stores[db_path] = ReviewStore(db_path)
    return _stores[db_path]


def run_checks(review: ReportReview) -> list[Finding]:
    """The review's findings; a crash in a rule must not lose the report."""
    try:
        return review.findings()
    except Exception:  # noqa: BLE001 - logged; the report is listed without findings
        log.exception("checking %s failed", review.report.file)
        return []


def load_one(path, store: Optional[ReviewStore],
             store_error: str = "") -> tuple[ReportReview, list[Finding]]:
    """One report with its stored review replayed (``store_error``: why there is no store)."""
    report = load_report(Path(path))
    if store_error:
        report.problems.append(strings.STORE_READ_FAILED.format(error=store_error))
    review = None
    if store is not None and report.content_hash:
        try:
            review = store.review_for(report)
        except Exception as exc:  # noqa: BLE001 - a damaged trail must not hide the report
            report.problems.append(strings.STORE_READ_FAILED.format(error=exc))
    if review is None:
        review = ReportReview(report)
    return review, run_checks(review)


def load_chunk(paths: list[str], db_path: Optional[str]) -> list[tuple[ReportReview, list[Finding]]]:
    """Load several files (in a worker process): their reviews and findings, in order."""
    store = store_for(db_path)
    return [load_one(path, store) for path in paths]
