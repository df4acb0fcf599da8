"""The work of loading one report for the dashboard, free of Qt so that it can run in a worker
process: core reads and parses the file (or takes it from the parse cache), replays the stored
review, runs the checks (or takes the uncorrected report's findings from the cache).
(This module must not import Qt: worker processes import it.)"""
from __future__ import annotations

import contextlib
import dataclasses
import gc
import logging
import multiprocessing
import multiprocessing.connection
import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from core.model import Finding, Report
from core.parse.cache import ParseCache, loads, pack, parse_key, report_key
from core.pipeline import HashedFile, read_report
from core.readers.legacy import Conversions, use as use_conversions
from core.review.edits import ReportReview, unreadable_reason
from core.review.store import ReviewStore
from gui import strings  # plain text, no Qt: safe in worker processes

log = logging.getLogger(__name__)

_stores: dict[str, ReviewStore] = {}  # one connection per database, per process
_caches: dict[str, ParseCache] = {}


def store_for(db_path: Optional[str]) -> Optional[ReviewStore]:
    return _opened(_stores, db_path, ReviewStore)


def cache_for(cache_path: Optional[str], version: Optional[str] = None) -> Optional[ParseCache]:
    """``version``: the window's parser version (a worker computing its own from the source files
    could meet files changed since, and store results the window then never finds)."""
    if not cache_path:
        return None
    return _opened(_caches, (cache_path, version), lambda key: ParseCache(*key))


def _opened(pool: dict, key, open_it):
    """The process's one open object for ``key`` (opened on first use); None without one."""
    if not key:
        return None
    if key not in pool:
        pool[key] = open_it(key)
    return pool[key]


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
    key = report_key(review.report)
    if cache is None or review.edits or not key:
        return run_checks(review)
    findings = cache.get_findings(key)
    if findings is None:
        findings = _checked(review)
        if findings is None:
            return []
        cache.put_findings(key, findings)
    return findings


@dataclass(frozen=True)
class RowSummary:
    """What the dashboard lists of one report, computed once (not on every repaint), and kept in
    the parse cache so that a folder opened again is listed before any report is decoded."""
    agency: Optional[str]
    year: Optional[int]
    template: str
    errors: int  # findings not dismissed, by severity; flags count as 存疑
    warnings: int
    others: int
    handled: int  # findings with a verdict
    status: str  # as Excel's 汇总 says it: 无法读取 for a file no table could be read from
    problems: tuple[str, ...]
    unreadable: bool  # no table could be read from the file (core.review.edits.unreadable_reason)
    has_problems: bool  # open findings, flags or a file problem
    waiting: int  # findings with no verdict yet (已处理's tooltip)
    resolved: int  # verdicts kept though their finding is gone (已消除: in no count of the row)

    # another with any change to the fields or to what they mean (2: 状态 无法读取; 3: waiting, resolved)
    FORMAT = "row-3"

    def to_json(self) -> list:
        return [self.FORMAT, *map(self.__getattribute__, _SUMMARY_FIELDS)]  # astuple copied deeply

    @classmethod
    def from_json(cls, value) -> Optional["RowSummary"]:
        """The summary kept in the cache, or None when it is not one (a miss)."""
        if not isinstance(value, list) or not value or value[0] != cls.FORMAT:
            return None
        try:
            fields = value[1:]
            fields[8] = tuple(fields[8])  # problems
            return cls(*fields)
        except (IndexError, TypeError):
            return None


_SUMMARY_FIELDS = tuple(field.name for field in dataclasses.fields(RowSummary))


@dataclass(frozen=True)
class Listed:
    """A report listed from its row in the parse cache; its review follows later."""
    file: str
    content_hash: str
    summary: RowSummary


@dataclass(frozen=True)
class Parsed(Listed):
    """A report a worker process parsed afresh, sent as its row with the report and its findings
    packed (``core.parse.cache.pack``): the window decodes them once every row is shown, and
    stores them in the parse cache once every report is loaded (compressing and storing them
    was a tenth of a worker's time a report, on the way to the dashboard)."""
    data: bytes = b""
    findings: bytes = b""


class Loaded(tuple):
    """A report as (review, findings), with the dashboard row a worker process summarized for it
    (the window does not work it out again)."""

    def __new__(cls, review: ReportReview, findings: list[Finding], summary: RowSummary) -> "Loaded":
        loaded = super().__new__(cls, (review, findings))
        loaded.summary = summary
        return loaded


def unpacked(item: Parsed, store: Optional[ReviewStore], unreviewed: str = "") -> Optional[tuple[ReportReview, list[Finding]]]:
    """The review and findings of a ``Parsed`` report (its stored review replayed, unless
    ``unreviewed`` is its hash); None if its bytes cannot be read (then load the file)."""
    try:
        report = loads(item.data, Report)
        findings = loads(item.findings, list)
    except Exception:  # noqa: BLE001 - as a cache's unreadable row
        return None
    report.file, report.content_hash = item.file, item.content_hash
    review = _review_of(report, store, unreviewed)
    return review, (run_checks(review) if review.edits else findings)


def with_row(item: Parsed, store: Optional[ReviewStore], unreviewed: str = ""):
    """``unpacked``, as a ``Loaded`` report with the row the worker summarized when nothing is
    stored for it (else as (review, findings): its row follows its stored review)."""
    loaded = unpacked(item, store, unreviewed)
    if loaded is None or not _untouched(loaded[0]):
        return loaded
    return Loaded(*loaded, item.summary)


def summarize(review: ReportReview, findings: list[Finding]) -> RowSummary:
    report = review.report
    errors, warnings, others, handled = review.counts(findings)
    flags = review.open_flags()
    open_findings = any(review.verdict_of(f) is None for f in findings)
    return RowSummary(report.agency, report.year, report.template, errors, warnings, others, handled,
                      review.status_text, tuple(report.problems), bool(unreadable_reason(report)),
                      bool(report.problems or flags or open_findings), len(review.open_findings(findings)),
                      len(review.resolved_verdicts(findings)))


def _untouched(review: ReportReview) -> bool:
    """Nothing stored for it: its row is the same whoever opens the folder."""
    return not review.edits and not review.verdict_trail and not review.reviewed and not review.chosen


def load_one(path, store: Optional[ReviewStore], store_error: str = "",
             cache: Optional[ParseCache] = None, keep_row: bool = True,
             hashed: Optional[HashedFile] = None, unreviewed: str = "") -> tuple[ReportReview, list[Finding]]:
    """One report with its stored review replayed (``store_error``: why there is no store).
    ``keep_row``: store its dashboard row in the cache (not when it was listed from there).
    ``hashed``: the file's hash from the folder's listing (it is not hashed again).
    ``unreviewed``: a content hash the listing found nothing stored for (one query for the
    folder): a report with these bytes is not looked up in the review database again."""
    review, findings, _row = _load_one(path, store, store_error, cache, keep_row, hashed, unreviewed)
    return review, findings


def _load_one(path, store: Optional[ReviewStore], store_error: str, cache: Optional[ParseCache],
              keep_row: bool, hashed: Optional[HashedFile], unreviewed: str,
              uncached: bool = False, behind: bool = False):
    """``load_one``, with the dashboard row it stored in the cache (None if it stored none).
    ``uncached``: the cache was found not to hold this file's parse (``load_report``).
    ``behind``: a fresh parse of an untouched report is not stored but returned ``Parsed``,
    for the window to store once the folder is loaded."""
    report, fresh = read_report(Path(path), cache, hashed, uncached)
    if store_error:
        report.problems.append(strings.STORE_READ_FAILED.format(error=store_error))
    review = _review_of(report, store, unreviewed)
    if fresh and cache is not None:
        if behind and keep_row and not store_error and _untouched(review):
            findings = _checked(review)
            if findings is not None:
                bare = dataclasses.replace(report, file="")  # the same bytes may live anywhere
                return Parsed(report.file, report.content_hash, summarize(review, findings),
                              pack(bare), pack(findings))
        cache.put(report)
    findings = findings_for(review, cache)
    row = None
    if keep_row and cache is not None and not store_error and report.content_hash and _untouched(review):
        row = summarize(review, findings)
        cache.put_summary(report_key(report), row.to_json())
    return review, findings, row


def _review_of(report: Report, store: Optional[ReviewStore], unreviewed: str) -> ReportReview:
    """The report with its stored review replayed (none is looked up when ``unreviewed`` is its
    hash: the listing found nothing stored for those bytes)."""
    if store is not None and report.content_hash and report.content_hash != unreviewed:
        try:
            review = store.review_for(report)
        except Exception as exc:  # noqa: BLE001 - a damaged trail must not hide the report
            report.problems.append(strings.STORE_READ_FAILED.format(error=exc))
        else:
            if review is not None:
                return review
    return ReportReview(report)


WORKER_NICENESS = 5  # below the window's process where there is no batch policy (macOS)


_ending = None  # in a worker process: its pool's multiprocessing Event, set as the window ends it


def start_worker(warm: bool = False, ending=None) -> None:
    """First thing in each worker process: it leaves the CPU to the window's process whenever
    that wants it (parsing is background work; the window must paint at once), and it ends when
    the window's process ends, however that ends (killed, it cannot stop its workers itself).
    ``warm``: import now what loading a file needs, before the first file comes.
    ``ending``: an Event set as the window ends its workers: a chunk under way ends after its file."""
    global _ending
    _ending = ending
    try:
        _lower_priority()
    except Exception:  # noqa: BLE001 - not allowed here: the same work at the same priority
        pass
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_end_with, args=(parent.sentinel,), name="end-with-parent",
                         daemon=True).start()
    if warm:
        import core.check.rules  # noqa: F401 - imported by the first file's checks else
        import core.readers.dispatch  # noqa: F401 - ...and by its reading
    collect_less()


WORKER_GC_THRESHOLD = 20_000  # new objects between young collections (Python's default: 700)


def collect_less() -> None:
    """The cyclic collector in a worker: what is imported stays out of it (frozen), and it runs
    on every 20 000 new objects rather than every 700. A parse makes and drops many objects,
    rarely in cycles (those are freed all the same, a little later); at the default the collector
    took 0.6 ms of a report's ~6 (0.07 ms so)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(WORKER_GC_THRESHOLD, *gc.get_threshold()[1:])


def _lower_priority() -> None:
    """Linux: the batch policy, not a nice value. A woken window still preempts a batch worker
    at once, but the workers keep a full share of the CPU against other busy programs: at nice 5
    they got a quarter of it, and a folder of 2 000 reports took 114 s instead of 52 s to list
    beside four busy processes (bench_gui.py; the stalls of the window were no longer)."""
    if hasattr(os, "SCHED_BATCH"):
        os.sched_setscheduler(0, os.SCHED_BATCH, os.sched_param(0))
    elif sys.platform == "win32":
        import ctypes
        below_normal = 0x4000  # BELOW_NORMAL_PRIORITY_CLASS
        kernel32 = ctypes.windll.kernel32
        kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), below_normal)
    else:
        os.nice(WORKER_NICENESS)


def _end_with(parent_sentinel) -> None:
    """Wait (without using the CPU) until the parent process has ended, then end this one."""
    multiprocessing.connection.wait([parent_sentinel])
    os._exit(1)


def load_chunk(paths: list[str], db_path: Optional[str], cache_path: Optional[str] = None,
               conversions: Optional[Conversions] = None, version: Optional[str] = None,
               hashed: Optional[list[Optional[HashedFile]]] = None,
               unreviewed: Optional[list[str]] = None) -> list:
    """Load several files (in a worker process): their reviews and findings, or their rows
    when the cache keeps them, in order.
    ``conversions``: the folder's old Word files, converted by one LibreOffice run.
    ``version``: the parser version of the window's cache (None: this process's own).
    ``hashed``: each file's hash from the window's listing (None where it has none).
    ``unreviewed``: each file's hash when the listing found nothing stored for it, else ""."""
    store = store_for(db_path)
    cache = cache_for(cache_path, version)
    hashed = hashed or [None] * len(paths)
    unreviewed = unreviewed or [""] * len(paths)
    keys = [parse_key(known.digest, path) if known is not None else "" for path, known in zip(paths, hashed)]
    # the files' parses the cache holds, asked at once (a first open: none of them)
    stored = cache.stored(keys) if cache is not None else set()
    # the chunk's parses, findings and rows go to the cache in one transaction, at its end
    with use_conversions(conversions or Conversions()), \
            (cache.held_writes() if cache is not None else contextlib.nullcontext()):
        items, made = [], {}  # made: the chunk's fresh parses (Parsed), by parse_key
        for path, known, key, bare in zip(paths, hashed, keys, unreviewed):
            if _ending is not None and _ending.is_set():
                break  # the window ends its workers (quits, or the load is over): no one waits for the rest
            if key in made and known.still_fits(path):  # a copy of a file parsed in this chunk
                items.append(dataclasses.replace(made[key], file=path))
                continue
            uncached = bool(key) and key not in stored
            item = _load_one(path, store, "", cache, True, known, bare, uncached, behind=True)
            items.append(item)
            if isinstance(item, Parsed) and key == parse_key(item.content_hash, path):
                made[key] = item
            elif uncached:
                stored.add(key)  # held now: a copy of the file later in the chunk takes it
    return [_row_if_kept(item, cache) for item in items]  # once written: only rows it holds


def _row_if_kept(item: tuple[ReportReview, list[Finding], Optional[RowSummary]], cache: Optional[ParseCache]):
    """A report the cache now holds goes back as its row only (``Listed``): the window's process
    decodes it from the cache once every row is shown, rather than unpickling it while the
    rows are painted."""
    if isinstance(item, Parsed):
        return item
    review, findings, row = item
    report = review.report
    if cache is None or not _untouched(review) or not cache.holds(report_key(report)):
        return review, findings
    return Listed(report.file, report.content_hash, row or summarize(review, findings))
