"""The work of loading one report for the dashboard, free of Qt so that it can run in a worker
process: core reads and parses the file (or takes it from the parse cache), replays the stored
review, runs the checks (or takes the uncorrected report's findings from the cache).
(This module must not import Qt: worker processes import it.)"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Optional

from core.model import Finding
from core.parse.cache import ParseCache
from core.pipeline import load_report
from core.readers.legacy import Conversions, use as use_conversions
from core.review.edits import ReportReview
from core.review.store import ReviewStore
from gui import strings  # plain text, no Qt: safe in worker processes

log = logging.getLogger(__name__)

_stores: dict[str, ReviewStore] = {}  # one connection per database, per process
_caches: dict[str, ParseCache] = {}


def store_for(db_path: Optional[str]) -> Optional[ReviewStore]:
    if not db_path:
        return None
    if db_path not in _stores:
        _stores[db_path] = ReviewStore(db_path)
    return _stores[db_path]


def cache_for(cache_path: Optional[str]) -> Optional[ParseCache]:
    if not cache_path:
        return None
    if cache_path not in _caches:
        _caches[cache_path] = ParseCache(cache_path)
    return _caches[cache_path]


def run_checks(review: ReportReview) -> list[Finding]:
    """The review's findings; a crash in a rule must not lose the report."""
    return _checked(review) or []


def _checked(review: ReportReview) -> Optional[list[Finding]]:
    """The review's findings, or None when a rule crashed (logged)."""
    try:
        return review.findings()
    except Exception:  # noqa: BLE001 - logged; the report is listed without findings
        log.exception("checking %s failed", review.report.file)
        return None


def findings_for(review: ReportReview, cache: Optional[ParseCache]) -> list[Finding]:
    """Findings of the review; an uncorrected report's come from (and go to) the cache."""
    content_hash = review.report.content_hash
    if cache is None or review.edits or not content_hash:
        return run_checks(review)
    findings = cache.get_findings(content_hash)
    if findings is None:
        findings = _checked(review)
        if findings is None:
            return []
        cache.put_findings(content_hash, findings)
    return findings


def load_one(path, store: Optional[ReviewStore], store_error: str = "",
             cache: Optional[ParseCache] = None) -> tuple[ReportReview, list[Finding]]:
    """One report with its stored review replayed (``store_error``: why there is no store)."""
    report = load_report(Path(path), cache)
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
    return review, findings_for(review, cache)


def load_chunk(paths: list[str], db_path: Optional[str], cache_path: Optional[str] = None,
               conversions: Optional[Conversions] = None) -> list[tuple[ReportReview, list[Finding]]]:
    """Load several files (in a worker process): their reviews and findings, in order.
    ``conversions``: the folder's old Word files, converted by one LibreOffice run."""
    store = store_for(db_path)
    cache = cache_for(cache_path)
    with use_conversions(conversions or Conversions()):
        return [load_one(path, store, cache=cache) for path in paths]
