"""Loading a folder off the GUI thread: read, parse and check every report, in batches.

``FolderLoader`` is a QThread. It lists the folder and hashes its files (once: the hash goes on
with each file, to the worker processes too, so loading it does not hash it again); a file whose row is in
the parse cache (and has nothing stored in the review database) is listed from there at once
(``Listed``), in a few queries for each slice of the folder. The others go to core, a slice at a
time as it is hashed: in the window's worker processes (gui/workers.py, started warm with the window)
when there are many (parsing is CPU work, and in a thread of the GUI's own process it would
hold Python's GIL against every paint of the window), else in the thread itself; each comes
back with its stored review replayed and its findings. Rows reach the GUI thread in batches
through queued signals, so the window inserts many rows at once and stays responsive. Once
every file has its row (``listed``), the thread decodes the listed rows' reports from the cache
and sends them too (``hydrated``). Worker processes send a report they parsed afresh as its row
too, with the report and its findings packed (``Parsed``): its head and findings are decoded here
a few at a time while the workers parse on (its cells, flags and text stay packed until the report
is opened: core.parse.cache), its row sent with its report (``Loaded``), and stored in the parse
cache once every report is loaded (the compression and the SQL off the workers' way to the
dashboard; a crash before only costs parsing those files again). ``cancel()`` stops after the
files under way.
"""
from __future__ import annotations

import contextlib
import gc
import tempfile
import threading
import time
from contextlib import contextmanager
from concurrent.futures import BrokenExecutor, Executor, TimeoutError as FutureTimeout
from pathlib import Path
from typing import Optional

# Every reader imported with the window, not by the loader thread while the window paints
# (importing them holds the GIL for a few hundred milliseconds); worker processes import the
# readers of other formats than text only when a file needs them (core.readers.dispatch).
import core.readers.docx  # noqa: F401
import core.readers.html  # noqa: F401
import core.readers.pdf  # noqa: F401
import core.readers.word97  # noqa: F401
import core.readers.dispatch  # noqa: F401
from core.compare.pairing import normalise_agency
from core.compare.years import read_whole_of
from core.parse.cache import ParseCache, cache_path_beside, parse_key
from core.pipeline import HashedFile, hash_file, report_paths
from core.readers.legacy import Conversions, convert_batch, needs_office, use as use_conversions
from core.review.store import ReviewStore
from gui.folder_job import Listed, Parsed, RowSummary, load_chunk, load_one, unpacked, with_row
from gui import strings
from gui.workers import PROCESSES_ENV, Workers, process_count  # noqa: F401 - PROCESSES_ENV: said here too
from gui.qt import QThread, Signal

BATCH_SIZE = 250  # reports per batch at most...
BATCH_SECONDS = 0.25  # ...or whatever is ready after this long (each batch repaints the view)
PROCESS_MIN_FILES = 40  # fewer files load in the thread: starting processes costs more
# Each task is a hand-off both ways, 2-6 ms of a worker's time on a busy machine (at 16 files a
# task, 0.14-0.31 s of each worker's ~6 s for 2 000 reports).
CHUNK = 32  # files per task sent to a worker process...
FIRST_CHUNK = 16  # ...in the first slice sent (the first rows come no later), after a ramp:
# each worker's first task holds one file, its next two, then four... up to the chunk's size. A
# chunk comes back whole: a first chunk of 16 kept the first row and the progress at 0 until a
# worker had parsed 16 files (0.35-0.45 s of CPU, the first docx and PDF readers imported on the
# way; 1.2-1.5 s on a busy machine, after the workers' start-up). The ramp costs a few tasks.
TAIL_CHUNK = 4  # ...and in the folder's last slice, so that both workers finish about together
HASH_SLICE = 128  # files hashed and looked up in the cache at a time
READ_AHEAD = 64  # listed rows whose reports are read from the cache in one query
STORE_SLICE = 200  # fresh parses stored in the cache in one transaction, once the folder is loaded


class FolderLoader(QThread):
    """Every signal carries the loader's ``token``, so that the window can drop what a loader it
    has cancelled still had on its way."""
    counted = Signal(int, int)  # token, number of report files found
    batchReady = Signal(int, object)  # token, list of (ReportReview, list[Finding]) or Listed
    progress = Signal(int, int, int)  # token, done, total
    listed = Signal(int)  # token: every file has its row
    hydrated = Signal(int, object)  # token, list[tuple[ReportReview, list[Finding]]] of Listed rows
    failed = Signal(int, str)  # token, message (the folder, or the review database, unreadable)
    done = Signal(int, bool)  # token, cancelled: the last signal of a run

    def __init__(self, folder: str, db_path: Optional[Path], token: int = 0, parent=None,
                 processes: Optional[int] = None, paced: bool = False,
                 workers: Optional[Workers] = None) -> None:
        """``paced``: decode the listed rows' reports only after ``rows_shown()``: both threads
        running Python at once take turns at the GIL, and the window painting its new rows would
        wait for each turn (a stall of a few hundred milliseconds); and send each batch of them once
        the window has taken the one before (``batch_taken()``): decoded from their packed heads, a
        folder's 2 000 reports were ready within ~0.1 s, and the window took their eight batches in
        one turn (a stall of ~100 ms of GUI-thread CPU where it had taken them a turn each).
        ``workers``: the window's worker processes (it releases them once loaded); without them the
        loader starts its own (``processes`` of them) when the folder is big, and ends them."""
        super().__init__(parent)
        self.token = token
        self.folder = folder
        self.db_path = str(db_path) if db_path else None
        self.workers = workers
        self.processes = workers.processes if workers is not None \
            else process_count() if processes is None else processes
        self._cancel = threading.Event()
        self._rows_shown = threading.Event()
        self._paced = paced
        self._taken = threading.Event()  # the window has taken the last batch of listed rows' reports
        self._taken.set()
        if not paced:
            self._rows_shown.set()
        self.loaded = 0
        self.total = 0
        self._batch: list = []
        self._decoded = 0  # the batch's items before this one have no fresh parse left to decode
        self._listed_paths: list[str] = []  # rows sent without their report, which follows
        self._last_emit = 0.0
        self._store: Optional[ReviewStore] = None  # this thread's own connection
        self._store_error = ""
        cache = cache_path_beside(self.db_path)
        self.cache_path = str(cache) if cache else None
        self._cache: Optional[ParseCache] = None
        self._hashed: dict[str, HashedFile] = {}  # each file read and hashed once, in the listing
        self._parsed: dict[str, Parsed] = {}  # fresh parses from the workers, stored once loaded
        self._unreviewed: set[str] = set()  # hashes with nothing in the review database
        self.not_read: list[str] = []  # files of the folder not a report's format, once it is listed
        self._contents: dict[str, str] = {}  # each file loaded -> the hash of its content
        # the files with work stored for content they no longer hold (path -> how much), looked
        # up here once every report is loaded (before ``done``): the window marks them 内容已变
        self.earlier_work: dict[str, int] = {}

    def cancel(self) -> None:
        self._cancel.set()

    def rows_shown(self) -> None:
        """The window has shown every row: the reports of listed rows may be decoded now."""
        self._rows_shown.set()

    def batch_taken(self) -> None:
        """The window has taken the last ``hydrated`` batch: a paced loader sends the next one."""
        self._taken.set()

    def _send_hydrated(self, batch: list) -> bool:
        """Send a batch of listed rows' reports (a paced loader once the window took the one
        before); False when cancelled meanwhile."""
        if self._paced:
            while not self._taken.wait(0.05):
                if self.cancelled:
                    return False
            self._taken.clear()
        self.hydrated.emit(self.token, batch)
        return True

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            self._run()
        finally:
            self._flush()
            self.done.emit(self.token, self.cancelled)
            try:
                self._store_parsed()
            finally:
                if self._cache is not None:
                    self._cache.close()
                self._cache = None

    def _run(self) -> None:
        try:
            not_read: list[str] = []
            files = list(report_paths(self.folder, not_reports=not_read))
        except OSError as exc:
            self.failed.emit(self.token, str(exc))
            return
        self.not_read = not_read
        self.total = len(files)
        self.counted.emit(self.token, self.total)
        self._last_emit = time.monotonic()
        # Open the database here first (it is created, and switched to WAL, once), so that
        # worker processes only ever open an existing one.
        if self.db_path:
            try:
                self._store = ReviewStore(self.db_path)
            except Exception as exc:  # noqa: BLE001 - reports still load, each one says why
                self._store_error = str(exc)
                self.failed.emit(self.token, strings.STORE_READ_FAILED.format(error=exc))
        if self.cache_path:
            self._cache = ParseCache(self.cache_path)  # never raises: rebuilt, or not used
        pool, own_workers = None, None  # own: workers started for this folder only, ended with it
        try:
            with tempfile.TemporaryDirectory(prefix="gongkai-office-") as office_work:
                listed, pending, legacy = {}, [], []
                # Hashed and looked up a slice at a time: the workers parse the first files
                # while the rest are hashed (they waited for the whole folder's hashes).
                for start in range(0, len(files), HASH_SLICE):
                    if self.cancelled:
                        return
                    part = files[start:start + HASH_SLICE]
                    hashed = self._hashes(part)
                    self._hashed.update(hashed)
                    listed.update(self._listed({path: known.digest for path, known in hashed.items()}))
                    fresh = [p for p in part if p not in listed]
                    pending += fresh
                    legacy += [p for p in fresh if needs_office(p) and not self._is_cached(p)]
                    if pool is None and len(pending) >= PROCESS_MIN_FILES and self.processes > 1 \
                            and not self._store_error:
                        workers = self.workers
                        if workers is None:
                            workers = own_workers = Workers(self.processes)
                        pool = _Pool(workers, self.db_path, self.cache_path,
                                     self._cache.version if self._cache is not None else None)
                        fresh, size, ramp = pending, FIRST_CHUNK, True
                    elif pool is not None:
                        size, ramp = CHUNK, False
                    if pool is not None:
                        pool.add(fresh, self._hashed, self._unreviewed_hash, deferred=set(legacy),
                                 size=TAIL_CHUNK if start + HASH_SLICE >= len(files) else size,
                                 ramp=ramp)
                conversion = _Conversion(legacy, office_work, self._cancel.is_set)
                if pool is not None:
                    pool.conversion = conversion
                try:
                    self._load(files, pool, conversion, listed)
                    if not self.cancelled:
                        self._flush()
                        self.listed.emit(self.token)
                        # A listed row whose parse is not in the cache after all (another
                        # process rebuilt it, a busy moment) is parsed here: an old Word file
                        # among them is read from this folder's LibreOffice run, never a new one.
                        conversion.wait(self._cancel.is_set)
                        with use_conversions(conversion.result):
                            self._hydrate(self._listed_paths)
                        self.earlier_work = self._earlier_work()
                finally:
                    conversion.end()  # before its folder is removed
        finally:
            if pool is not None:
                pool.close()
            if own_workers is not None:
                own_workers.stop()
            if self._store is not None:
                self._store.close()
            self._store = None  # the cache stays open: the workers' fresh parses go to it (run)

    def _earlier_work(self) -> dict[str, int]:
        """The folder's files whose corrections or verdicts were made on content they no longer
        hold (core.review.store.files_with_earlier_work); none when the database cannot be asked
        (only a notice: each report's view still says it when opened)."""
        if self._store is None or self.cancelled:
            return {}
        try:
            return self._store.files_with_earlier_work(self._contents)
        except Exception:  # noqa: BLE001 - a busy or damaged database
            return {}

    def _hashes(self, files: list[str]) -> dict[str, HashedFile]:
        """Each file's content hash, when there is a cache to look them up in (passed on with the
        file, so that loading it does not read and hash it again)."""
        if self._cache is None:
            return {}
        hashes = {}
        for path in files:
            if self.cancelled:
                return {}
            try:
                hashes[path] = hash_file(path)
            except OSError:
                pass
        return hashes

    def _listed(self, hashes: dict[str, str]) -> dict[str, Listed]:
        """The files whose dashboard row is in the cache, with nothing stored for them in the
        review database (whose rows may differ): a few queries for the whole folder. The
        hashes with nothing stored are kept (``_unreviewed``): loading those files skips the
        database (while the rows are listed, before anyone can edit them here)."""
        if not hashes or self._store_error or self._store is None:
            return {}
        keys = {path: parse_key(digest, path) for path, digest in hashes.items()}
        rows = self._cache.summaries(keys.values())
        reviewed = self._with_review(hashes.values())
        if reviewed is None:  # a busy database: load every file the long way
            return {}
        self._unreviewed |= {digest for digest in hashes.values() if digest and digest not in reviewed}
        listed = {}
        for path, digest in hashes.items():
            key = keys[path]
            summary = RowSummary.from_json(rows[key]) if key in rows and digest not in reviewed else None
            if summary is not None:
                listed[path] = Listed(path, digest, summary)
        return listed

    def _load(self, files: list[str], pool: Optional["_Pool"], conversion: "_Conversion",
              listed: dict[str, Listed]) -> None:
        """Listed files at once; the others in worker processes (``pool``) when there are many,
        else here; old Word files after one LibreOffice run for all those not cached. Rows go
        out in the folder's order."""
        for path in files:
            if self.cancelled:
                return
            if path in listed:
                self._add([listed[path]])
                continue
            item = pool.take(path, self.cancelled_or_due) if pool is not None else None
            if item is None and not self.cancelled:  # no pool, or it broke: load it here
                if path in conversion.paths:
                    conversion.wait(self.cancelled_or_due)
                with use_conversions(conversion.result):
                    item = load_one(path, self._store, self._store_error, self._cache,
                                    hashed=self._hashed.get(path), unreviewed=self._unreviewed_hash(path))
            if item is not None:
                self._add([item])

    def _hydrate(self, paths: list[str]) -> None:
        """The reports of the listed rows, from the cache (decoding them is most of a folder
        opened again: it runs after every row is on the dashboard)."""
        while paths and not self._rows_shown.wait(0.05):
            if self.cancelled:
                return
        batch, last = [], time.monotonic()
        for start in range(0, len(paths), READ_AHEAD):
            part = paths[start:start + READ_AHEAD]
            digests = [self._digest(path) for path in part]
            # a few reports' parses and findings in one query (those the workers sent are here),
            # and which have anything in the review database looked up again (the auditor may
            # have edited them by now)
            unreviewed = self._unreviewed_now(digests)
            keys = [parse_key(digest, path) for path, digest in zip(part, digests) if path not in self._parsed]
            with self._cache.read_ahead(keys) if self._cache is not None else contextlib.nullcontext():
                for path, digest in zip(part, digests):
                    if self.cancelled:
                        return
                    with _kept():
                        bare = digest if digest in unreviewed else ""
                        parsed = self._parsed.get(path)
                        item = unpacked(parsed, self._store, bare) if parsed is not None else None
                        if item is None:
                            item = load_one(path, self._store, cache=self._cache, keep_row=False,
                                            hashed=self._hashed.get(path), unreviewed=bare)
                    _key_agency(item)
                    batch.append(item)
                    if len(batch) >= BATCH_SIZE or time.monotonic() - last >= BATCH_SECONDS:
                        if not self._send_hydrated(batch):
                            return
                        batch, last = [], time.monotonic()
        if batch:
            self._send_hydrated(batch)

    def fresh_parse(self, file: str) -> Optional[Parsed]:
        """A worker's fresh parse of this file, while its report is on its way to the window (not
        in the parse cache yet): a row clicked meanwhile is decoded from it, not read again."""
        return self._parsed.get(file)

    def _store_parsed(self) -> None:
        """The workers' fresh parses into the cache, now that the window has every report (a
        crash before costs parsing them again; a cancelled load stores those it got)."""
        parsed, self._parsed = list(self._parsed.values()), {}
        if self._cache is None:
            return
        for start in range(0, len(parsed), STORE_SLICE):
            part = parsed[start:start + STORE_SLICE]
            if not self._cache.put_packed([(parse_key(item.content_hash, item.file), item.data, item.findings,
                                            item.summary.to_json()) for item in part]):
                return  # locked by another program (each slice would wait its turn), full, failing
            parsed[start:start + STORE_SLICE] = [None] * len(part)  # their bytes freed as they go

    def _unreviewed_now(self, digests: list[Optional[str]]) -> set[str]:
        """Which of these hashes have nothing in the review database now (one query; none
        when it cannot be asked: each report is then looked up on its own)."""
        reviewed = self._with_review(digests) if self._store is not None else None
        if reviewed is None:  # a busy database: each report asks on its own
            return set()
        return {digest for digest in digests if digest and digest not in reviewed}

    def _with_review(self, digests) -> Optional[set[str]]:
        """Which of these hashes have anything in the review database (one query per few
        hundred); None when it cannot be asked now."""
        try:
            return self._store.hashes_with_review(digests)
        except Exception:  # noqa: BLE001 - a busy or damaged database: the caller's fallback
            return None

    def _digest(self, path: str) -> Optional[str]:
        known = self._hashed.get(path)
        return known.digest if known is not None else None

    def _unreviewed_hash(self, path: str) -> str:
        """The file's hash if the listing found nothing stored for it in the review database."""
        known = self._hashed.get(path)
        return known.digest if known is not None and known.digest in self._unreviewed else ""

    def cancelled_or_due(self) -> bool:
        """Called while waiting: sends what is ready; True to stop waiting (cancelled)."""
        self._flush_if_due()
        return self.cancelled

    def _is_cached(self, path: str) -> bool:
        digest = self._digest(path)
        return self._cache is not None and bool(digest) and self._cache.holds(parse_key(digest, path))

    def _add(self, items: list) -> None:
        for item in items:
            if isinstance(item, tuple):
                self._contents[item[0].report.file] = item[0].report.content_hash
            else:
                self._contents[item.file] = item.content_hash
            if isinstance(item, Parsed):  # decoded before its row goes out, a few at a time
                self._parsed[item.file] = item  # stored in the cache once the folder is loaded
            else:
                _key_agency(item)
                if isinstance(item, Listed):
                    self._listed_paths.append(item.file)
        self._batch.extend(items)
        self.loaded += len(items)
        if len(self._batch) - self._decoded >= CHUNK:
            self._decode()
        self._flush_if_due()

    def _decode(self) -> None:
        """The workers' fresh parses in the batch, decoded here while the workers parse the next
        files (this thread waits for them anyway): their rows go out with their reports, and
        nothing is left to decode once every row is listed (decoding 2 000 then took ~0.3 s
        between the last row and the last report). Their hashes are looked up in the review
        database again (one query): a copy of the same bytes may have been edited meanwhile."""
        at = [n for n in range(self._decoded, len(self._batch)) if isinstance(self._batch[n], Parsed)]
        self._decoded = len(self._batch)
        if not at:
            return
        if self.cancelled:  # no one waits for these reports: their rows only
            for n in at:
                parsed = self._batch[n]
                self._batch[n] = Listed(parsed.file, parsed.content_hash, parsed.summary)
            return
        unreviewed = self._unreviewed_now([self._batch[n].content_hash for n in at])
        with _kept():
            for n in at:
                parsed = self._batch[n]
                bare = parsed.content_hash if parsed.content_hash in unreviewed else ""
                item = with_row(parsed, self._store, bare)
                if item is None:  # its bytes unreadable: listed now, loaded from its file after
                    item = Listed(parsed.file, parsed.content_hash, parsed.summary)
                    self._listed_paths.append(parsed.file)
                self._batch[n] = item
                _key_agency(item)
                time.sleep(0)  # the GIL let go between reports: a paint of the window waits for one at most

    def _flush_if_due(self) -> None:
        """Send the batch when it is full or due. An empty one is not sent: sent, it set the
        clock again, and the first rows, due since the listing, waited another 0.25 s when the
        workers' first files came just after it."""
        if self._batch and (len(self._batch) >= BATCH_SIZE or time.monotonic() - self._last_emit >= BATCH_SECONDS):
            self._flush()

    def _flush(self) -> None:
        self._decode()
        self._last_emit = time.monotonic()
        if self._batch:
            batch, self._batch, self._decoded = self._batch, [], 0
            self.batchReady.emit(self.token, batch)
        self.progress.emit(self.token, self.loaded, self.total)


def _key_agency(item) -> None:
    """What the GUI thread looks up of a report as it arrives, worked out here: its agency's
    key (linking the folder's years there as its first report opens looks the keys up, memoised
    in core/compare/pairing.py), and whether its tables were read whole (memoised on the review:
    the report list ranks each year's copies by it as the rows' reports arrive)."""
    if isinstance(item, tuple):  # (review, findings); a Listed row gets its report later
        review = item[0]
        normalise_agency(review.report.agency)
        if review.report.has_cells():  # (copy_rank asks no more of a report without cells)
            read_whole_of(review)


@contextmanager
def _kept():
    """Objects made in the block are kept for the folder's life (a decoded report): they go
    straight to the cyclic collector's permanent generation, never scanned. Left to it, each was
    scanned as young and again as middle-aged before the window froze its batch: 0.5-0.9 s of the
    window's process over 2 000 reports, in passes of up to 25-77 ms holding the GIL."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()  # as the window does with each batch it keeps (gui/main_window.py)
        if enabled:
            gc.enable()


class _Conversion:
    """The folder's old Word files, converted by one LibreOffice process in a thread of its own
    (waiting for soffice holds no lock), started at once and waited for when first needed."""

    def __init__(self, paths: list[str], work: str, stop) -> None:
        self.paths = set(paths)
        self.result = Conversions()
        self._thread = None
        if paths:
            def convert() -> None:
                self.result = convert_batch(paths, work, stop)
            self._thread = threading.Thread(target=convert, name="office-batch", daemon=True)
            self._thread.start()

    def wait(self, stop) -> None:
        while self._thread is not None and self._thread.is_alive():
            self._thread.join(0.05)
            if stop():
                return

    def end(self) -> None:
        """Wait for the conversion thread (a cancelled run stops LibreOffice within a moment)."""
        if self._thread is not None:
            self._thread.join()


def chunked(paths: list[str], size: int, ramp: int = 0) -> list[list[str]]:
    """``paths`` in chunks of ``size``; with ``ramp`` (the number of workers), the first
    ``ramp`` chunks hold one file each, the next ``ramp`` two each, and so on up to ``size``:
    each worker sends its first row back after one file, not after a whole chunk."""
    chunks, at, step = [], 0, 1 if ramp else size
    while at < len(paths):
        chunks.append(paths[at:at + step])
        at += step
        if ramp and len(chunks) % ramp == 0:
            step = min(step * 2, size)
    return chunks


class _Pool:
    """Worker processes loading the paths given to ``add`` in chunks; ``take(path)`` waits for
    a path's result. A chunk holding an old Word file to convert is sent once ``conversion``
    (the LibreOffice batch, set once every file is listed) is done."""

    def __init__(self, workers: Workers, db_path, cache_path, version: Optional[str] = None) -> None:
        self._chunks: list[list[str]] = []
        self._sent_along: list[tuple] = []  # each chunk's hashes, and which have nothing stored
        self._chunk_of: dict[str, int] = {}
        self._args = (db_path, cache_path)
        self._version = version  # the loader's parser version: the workers' results are its
        self.conversion: Optional[_Conversion] = None
        self._results: dict[str, object] = {}
        self._futures: dict[int, object] = {}
        self._workers = workers
        self._executor: Optional[Executor] = workers.start()

    def add(self, paths: list[str], hashed: dict[str, HashedFile], unreviewed, deferred: set[str],
            size: int = CHUNK, ramp: bool = False) -> None:
        """Send ``paths`` in chunks of ``size`` (``ramp``: the first ones smaller, see
        ``chunked``), but those with a path in ``deferred`` (old Word files to convert first).
        ``unreviewed(path)``: the file's hash if nothing is stored for it, else ""."""
        for chunk in chunked(paths, size, self._workers.processes if ramp else 0):
            n = len(self._chunks)
            self._chunks.append(chunk)
            self._sent_along.append(([hashed.get(p) for p in chunk], [unreviewed(p) for p in chunk]))
            self._chunk_of.update((p, n) for p in chunk)
            if self._executor is not None and not deferred.intersection(chunk):
                try:
                    self._futures[n] = self._executor.submit(load_chunk, chunk, *self._args, None,
                                                             self._version, *self._sent_along[n])
                except (OSError, RuntimeError):  # a broken pool (a worker killed), or no processes
                    self._broke()

    def take(self, path: str, stop):
        """The path's (review, findings); None if its chunk failed or ``stop()`` said so."""
        if path in self._results:
            return self._results.pop(path)
        n = self._chunk_of.get(path)
        if n is None or (self._executor is None and n not in self._futures):
            return None
        if n not in self._futures:  # old Word files in it: after their conversion
            self.conversion.wait(stop)
            try:
                self._futures[n] = self._executor.submit(load_chunk, self._chunks[n], *self._args,
                                                         self.conversion.result, self._version,
                                                         *self._sent_along[n])
            except (OSError, RuntimeError):
                self._broke()
                return None
        future = self._futures[n]
        while True:
            if stop():
                return None
            try:
                items = future.result(timeout=0.05)
                break
            except FutureTimeout:
                continue
            except BrokenExecutor:  # a worker died: load it here
                self._broke()
                return None
            except Exception:  # noqa: BLE001 - a busy database: load it here
                return None
        self._results.update(zip(self._chunks[n], items))
        return self._results.pop(path, None)

    def _broke(self) -> None:
        """The pool broke: its workers are replaced for the next folder; these files load here."""
        if self._executor is not None:
            self._workers.discard(self._executor)
            self._executor = None

    def close(self) -> None:
        """Cancel the chunks not started (the workers stay, for the next folder)."""
        for future in self._futures.values():
            future.cancel()
        self._executor = None
