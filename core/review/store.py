"""Persisting review work: the edits and the reviewed mark of every report, in SQLite.

The database lives in the user's data folder, never beside the reports, and is keyed by the
report file's content hash (sha256), so that moving or renaming the folder keeps the work.
Every write commits before it returns (WAL journal, synchronous=FULL): when ``add_edit``
returns, the edit survives a crash or a power cut, and the GUI may show "已保存".

``ReportReview`` (core/review/edits.py) holds the state and knows nothing of SQLite; this store
persists and replays it.
"""
from __future__ import annotations

import json
import os
import sqlite3
import sys
from pathlib import Path
from typing import Iterable, Optional

from core.review.edits import UNDO_NOTE, CellEdit, ReportReview, Verdict, changes_value, now, place_by_time
from core.model import Report
from core.review.carry import standing_edits, standing_verdicts

APP_FOLDER_WINDOWS = "GongkaiShenhe"
APP_FOLDER = "gongkai-shenhe"
DB_NAME = "reviews.sqlite3"
SCHEMA_VERSION = 5  # 2: verdicts; 3: edits.undo; 4: verdicts.position; 5: verdicts.previous

_SCHEMA = """
CREATE TABLE IF NOT EXISTS edits (
    hash TEXT NOT NULL,      -- sha256 hex of the report file's bytes
    seq  INTEGER NOT NULL,   -- 1, 2, 3 ... per report, in the order applied
    cell TEXT NOT NULL,      -- cell path, e.g. section3.granted.total
    old  TEXT NOT NULL,      -- JSON: 12, 12.5 or null
    new  TEXT NOT NULL,      -- JSON
    note TEXT NOT NULL,
    time TEXT NOT NULL,      -- ISO-8601 local time
    file TEXT NOT NULL,      -- the report's path when the edit was made
    undo INTEGER,            -- 1: an undo (Ctrl+Z), 0: not; NULL: saved before version 3 (see _is_undo)
    PRIMARY KEY (hash, seq)
);
CREATE TABLE IF NOT EXISTS verdicts (
    hash    TEXT NOT NULL,
    seq     INTEGER NOT NULL,   -- per report, in the order given
    rule    TEXT NOT NULL,      -- the finding's rule, e.g. T3-2
    cells   TEXT NOT NULL,      -- JSON list of the finding's cell paths, sorted
    verdict TEXT NOT NULL,      -- confirmed | dismissed | '' (taken back)
    note    TEXT NOT NULL,
    time    TEXT NOT NULL,
    file    TEXT NOT NULL,
    position INTEGER,           -- how many of the report's edits came before it; NULL: saved before version 4
    previous TEXT,              -- a cross-year verdict's: JSON [[cell, value], ...] of last year's cells
                                -- compared, as they were; NULL: none, or saved before version 5
    PRIMARY KEY (hash, seq)
);
CREATE TABLE IF NOT EXISTS reviews (
    hash     TEXT PRIMARY KEY,
    reviewed INTEGER NOT NULL,
    updated  TEXT NOT NULL
);
-- 设为采用的副本: the copy the auditor chose to stand for its agency's year (a newer table: an
-- older version of the program opening the database leaves it alone)
CREATE TABLE IF NOT EXISTS chosen (
    hash    TEXT PRIMARY KEY,
    chosen  INTEGER NOT NULL,  -- 1: chosen, 0: not (chosen once, then another copy was)
    updated TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS edits_file ON edits (file);
CREATE INDEX IF NOT EXISTS verdicts_file ON verdicts (file);
"""


# SQLite's own words for what stops a write, and what the auditor is told (its words follow in
# brackets, for IT staff)
_STORE_ERRORS = (
    (("locked", "busy"), "审核数据库正被其他程序占用，请稍后再试"),
    (("readonly", "read-only"), "审核数据库为只读，请检查文件权限"),
    (("disk i/o", "full", "no space"), "无法写入磁盘（磁盘已满或不可写）"),
    (("malformed", "not a database"), "审核数据库已损坏"),
)


def store_error_text(exc: Exception) -> str:
    """Why the review database refused a read or a write, in Chinese, with SQLite's words after it."""
    text = str(exc)
    if any("\u4e00" <= ch <= "\u9fff" for ch in text):
        return text  # raised in Chinese already
    reason = next((words for keys, words in _STORE_ERRORS if any(k in text.lower() for k in keys)),
                  "审核数据库出错")
    return f"{reason}（{text}）" if text else reason


def default_db_path() -> Path:
    """reviews.sqlite3 in the user's data folder (created if needed).

    Windows: %LOCALAPPDATA%\\GongkaiShenhe; elsewhere $XDG_DATA_HOME (or ~/.local/share)/gongkai-shenhe.
    """
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        folder = Path(base) / APP_FOLDER_WINDOWS
    else:
        xdg = os.environ.get("XDG_DATA_HOME", "")
        base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".local" / "share"
        folder = base / APP_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    return folder / DB_NAME


DB_ENV = "GONGKAI_DB"  # overrides the review database's path (tests, portable use; README 备份)


def review_db_path(explicit: Optional[os.PathLike] = None) -> Path:
    """The database the window and the command line share: the explicit path, else $GONGKAI_DB,
    else the user's data folder."""
    if explicit:
        return Path(explicit)
    env = os.environ.get(DB_ENV, "").strip()
    return Path(env) if env else default_db_path()


def _to_json(value) -> str:
    return json.dumps(value)


def _from_json(text: str):
    return json.loads(text)


_BULK = 240  # hashes per query (four IN lists stay under SQLite's 999 parameters)


class ReviewStore:
    """The review database. Safe to open from two processes at once (writers wait, up to
    ``timeout`` seconds, for each other's lock)."""

    def __init__(self, db_path: Optional[os.PathLike] = None, timeout: float = 15.0) -> None:
        self.path = Path(db_path) if db_path else default_db_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Autocommit mode: transactions are opened explicitly with BEGIN IMMEDIATE.
        self._db = sqlite3.connect(str(self.path), timeout=timeout, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(_SCHEMA)  # idempotent: IF NOT EXISTS
        if self._db.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
            with self._transaction():  # (another process may be upgrading the same file)
                if not self._has_column("edits", "undo"):
                    self._db.execute("ALTER TABLE edits ADD COLUMN undo INTEGER")
                if not self._has_column("verdicts", "position"):
                    self._db.execute("ALTER TABLE verdicts ADD COLUMN position INTEGER")
                if not self._has_column("verdicts", "previous"):
                    self._db.execute("ALTER TABLE verdicts ADD COLUMN previous TEXT")
                self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def _has_column(self, table: str, column: str) -> bool:
        return any(row[1] == column for row in self._db.execute(f"PRAGMA table_info({table})"))

    # --- writing ----------------------------------------------------------------------------

    def add_edit(self, content_hash: str, edit: CellEdit, file: str = "") -> None:
        """Append one edit to the report's trail; committed when this returns."""
        self.add_edits(content_hash, [edit], file)

    def add_edits(self, content_hash: str, edits: Iterable[CellEdit], file: str = "",
                  reviewed: Optional[bool] = None) -> None:
        """Append several edits in one transaction (a multi-cell paste): all or none.

        An edit that changes a value clears the reviewed mark in the same transaction (as
        ``ReportReview.apply`` does in memory). ``reviewed``: the mark to store after the edits
        instead (an undo giving back the mark its edit had dropped), in the same transaction.
        """
        _require_hash(content_hash)
        edits = list(edits)
        with self._transaction():
            if reviewed is not None:
                self._store_reviewed(content_hash, reviewed)
            elif any(changes_value(edit) for edit in edits):
                self._db.execute("UPDATE reviews SET reviewed = 0, updated = ? WHERE hash = ?"
                                 " AND reviewed = 1", (now(), content_hash))
            seq = self._db.execute("SELECT COALESCE(MAX(seq), 0) FROM edits WHERE hash = ?",
                                   (content_hash,)).fetchone()[0]
            for edit in edits:
                seq += 1
                self._db.execute(
                    "INSERT INTO edits (hash, seq, cell, old, new, note, time, file, undo)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (content_hash, seq, edit.cell, _to_json(edit.old), _to_json(edit.new),
                     edit.note, edit.time, _storable(file), int(edit.undo)))

    def add_verdict(self, content_hash: str, verdict: Verdict, file: str = "") -> None:
        """Append one verdict to the report's verdict trail; committed when this returns. Its
        place in the edit trail is stored as given (``ReportReview.placed``; None: read back by time),
        and so are last year's values a cross-year verdict was given on."""
        _require_hash(content_hash)
        with self._transaction():
            seq = self._db.execute("SELECT COALESCE(MAX(seq), 0) FROM verdicts WHERE hash = ?",
                                   (content_hash,)).fetchone()[0]
            self._db.execute(
                "INSERT INTO verdicts (hash, seq, rule, cells, verdict, note, time, file, position, previous)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (content_hash, seq + 1, verdict.rule, _to_json(list(verdict.cells)),
                 verdict.verdict, verdict.note, verdict.time, _storable(file), verdict.position,
                 None if verdict.previous is None else _to_json([list(pair) for pair in verdict.previous])))

    def set_reviewed(self, content_hash: str, reviewed: bool) -> None:
        """Mark the report reviewed (or not); committed when this returns."""
        _require_hash(content_hash)
        with self._transaction():
            self._store_reviewed(content_hash, reviewed)

    def set_chosen(self, marks: dict[str, bool]) -> None:
        """Content hash -> whether that copy is the one chosen to stand for its year (设为采用的副本),
        all in one transaction: choosing one copy un-chooses the others at once or not at all."""
        for content_hash in marks:
            _require_hash(content_hash)
        with self._transaction():
            for content_hash, chosen in marks.items():
                self._db.execute(
                    "INSERT INTO chosen (hash, chosen, updated) VALUES (?, ?, ?)"
                    " ON CONFLICT(hash) DO UPDATE SET chosen = excluded.chosen, updated = excluded.updated",
                    (content_hash, int(bool(chosen)), now()))

    def _store_reviewed(self, content_hash: str, reviewed: bool) -> None:
        self._db.execute(
            "INSERT INTO reviews (hash, reviewed, updated) VALUES (?, ?, ?)"
            " ON CONFLICT(hash) DO UPDATE SET reviewed = excluded.reviewed,"
            " updated = excluded.updated",
            (content_hash, int(bool(reviewed)), now()))

    # --- reading ----------------------------------------------------------------------------

    def load(self, content_hash: str) -> tuple[list[CellEdit], bool]:
        """The report's stored trail, in order, and its reviewed mark."""
        rows = self._db.execute(
            "SELECT cell, old, new, note, time, undo FROM edits WHERE hash = ? ORDER BY seq",
            (content_hash,)).fetchall()
        edits = [CellEdit(cell, _from_json(old), _from_json(new), note, time, _is_undo(undo, note))
                 for cell, old, new, note, time, undo in rows]
        row = self._db.execute("SELECT reviewed FROM reviews WHERE hash = ?",
                               (content_hash,)).fetchone()
        return edits, bool(row and row[0])

    def is_chosen(self, content_hash: str) -> bool:
        """Whether the auditor chose this copy to stand for its year (set_chosen)."""
        row = self._db.execute("SELECT chosen FROM chosen WHERE hash = ?", (content_hash,)).fetchone()
        return bool(row and row[0])

    def load_verdicts(self, content_hash: str) -> list[Verdict]:
        """The report's stored verdict trail, in order, each with its place in the edit trail (one
        saved before places were stored: after the edits stamped no later than it, place_by_time) and,
        a cross-year one, last year's values it was given on (None: saved before they were)."""
        rows = self._db.execute(
            "SELECT rule, cells, verdict, note, time, position, previous FROM verdicts WHERE hash = ? ORDER BY seq",
            (content_hash,)).fetchall()
        times: list[str] = []
        if any(row[5] is None for row in rows):
            times = [row[0] for row in self._db.execute(
                "SELECT time FROM edits WHERE hash = ? ORDER BY seq", (content_hash,))]
        return [Verdict(rule, tuple(_from_json(cells)), verdict, note, time,
                        position if position is not None else place_by_time(time, times),
                        None if previous is None else tuple((cell, value) for cell, value in _from_json(previous)))
                for rule, cells, verdict, note, time, position, previous in rows]

    def hashes_with_review(self, content_hashes: Iterable[str]) -> set[str]:
        """Which of these reports have anything stored (edits, verdicts, the reviewed or chosen mark):
        one query per few hundred hashes, for a folder opened again."""
        hashes = list(dict.fromkeys(h for h in content_hashes if h))
        found: set[str] = set()
        for start in range(0, len(hashes), _BULK):
            chunk = hashes[start:start + _BULK]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT hash FROM edits WHERE hash IN ({marks}) UNION "
                f"SELECT hash FROM verdicts WHERE hash IN ({marks}) UNION "
                f"SELECT hash FROM reviews WHERE hash IN ({marks}) UNION "
                f"SELECT hash FROM chosen WHERE hash IN ({marks}) AND chosen = 1", chunk * 4).fetchall()
            found.update(row[0] for row in rows)
        return found

    def work_on_earlier_contents(self, file: str, content_hash: str) -> int:
        """How many corrections, confirmations (确认原值) and verdicts stand for ``file`` (this
        path) as it held other content. A report re-saved (line ends, a BOM) or replaced has
        another hash: that work stays with the content it was made on and no longer shows.
        Counted as the auditor left it: an edit undone, or a verdict taken back or given again,
        is not work to redo."""
        path = _storable(file)
        earlier = self._db.execute(
            "SELECT hash FROM edits WHERE file = ? AND hash != ? UNION "
            "SELECT hash FROM verdicts WHERE file = ? AND hash != ?",
            (path, content_hash, path, content_hash)).fetchall()
        return sum(_standing_work(self.load(digest)[0], self.load_verdicts(digest))
                   for (digest,) in earlier)

    def latest_earlier_content(self, file: str, content_hash: str) -> Optional[str]:
        """The hash of the content ``file`` (this path) held when the auditor last worked on it, if
        other than ``content_hash`` and work of it still stands (沿用以前的审核 carries it); None
        when there is none."""
        path = _storable(file)
        rows = self._db.execute(
            "SELECT hash, MAX(time) FROM (SELECT hash, time FROM edits WHERE file = ? AND hash != ? UNION ALL "
            "SELECT hash, time FROM verdicts WHERE file = ? AND hash != ?) GROUP BY hash ORDER BY 2 DESC",
            (path, content_hash, path, content_hash)).fetchall()
        for digest, _time in rows:
            if _standing_work(self.load(digest)[0], self.load_verdicts(digest)):
                return digest
        return None

    def files_with_earlier_work(self, current: dict[str, str]) -> dict[str, int]:
        """Of a folder's files (path -> the hash of its content now), those with corrections or
        verdicts standing for content they no longer hold (work_on_earlier_contents) and nothing
        stored for the content they hold: the report list says so before the file is opened."""
        stored = {row[0] for row in self._db.execute("SELECT file FROM edits UNION SELECT file FROM verdicts")}
        candidates = {file: digest for file, digest in current.items() if digest and _storable(file) in stored}
        with_work = self.hashes_with_review(candidates.values())
        found = {}
        for file, digest in candidates.items():
            if digest not in with_work and (count := self.work_on_earlier_contents(file, digest)):
                found[file] = count
        return found

    def review_for(self, report: Report) -> ReportReview:
        """The report's review with its stored edits and verdicts replayed. A file that could not
        be read has no content hash and nothing stored: its review is empty (so that an export of
        a folder lists it with its problem and goes on with the rest)."""
        if not report.content_hash:
            return ReportReview(report)
        edits, reviewed = self.load(report.content_hash)
        return ReportReview(report, edits, reviewed, self.load_verdicts(report.content_hash),
                            self.is_chosen(report.content_hash))

    # --- persist-then-apply helpers for the GUI ---------------------------------------------

    def apply(self, review: ReportReview, edit: CellEdit) -> None:
        """Save the edit, then apply it (if saving fails, the review is unchanged)."""
        self.add_edit(review.report.content_hash, edit, review.report.file)
        review.apply(edit)

    def revert(self, review: ReportReview, edit: CellEdit) -> CellEdit:
        """Undo ``edit``: save its inverse (an undo, noted "撤销"), apply it, return it."""
        undo = edit.inverse()
        self.apply(review, undo)
        return undo

    def give_verdict(self, review: ReportReview, verdict: Verdict) -> None:
        """Save the verdict with its place in the review's trail, then record it on the review."""
        verdict = review.placed(verdict)
        self.add_verdict(review.report.content_hash, verdict, review.report.file)
        review.set_verdict(verdict)

    def mark_chosen(self, marks: list[tuple[ReportReview, bool]]) -> None:
        """Save the chosen marks of these copies (one transaction), then set them."""
        self.set_chosen({review.report.content_hash: chosen for review, chosen in marks})
        for review, chosen in marks:
            review.chosen = chosen

    def mark_reviewed(self, review: ReportReview, reviewed: bool = True) -> None:
        self.set_reviewed(review.report.content_hash, reviewed)
        review.reviewed = reviewed

    # --- plumbing ---------------------------------------------------------------------------

    def _transaction(self):
        return _Transaction(self._db)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "ReviewStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT (ROLLBACK on error): takes the write lock up front, so that
    two processes wait for each other instead of failing halfway."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, exc, tb) -> None:
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")


def _standing_work(edits: list[CellEdit], verdicts: list[Verdict]) -> int:
    """The cells the auditor left set, and the verdicts standing (core.review.carry)."""
    return len(standing_edits(edits)) + len(standing_verdicts(verdicts, edits))


def _is_undo(flag: Optional[int], note: str) -> bool:
    """Whether a stored edit is an undo: its mark; for an edit saved before the mark existed
    (NULL), its note, as it was read then (an undo was noted 撤销, and only that note was read)."""
    return bool(flag) if flag is not None else note == UNDO_NOTE


def _storable(text: str) -> str:
    """SQLite stores UTF-8: a file name that is not (a lone surrogate from the file system) is
    kept with \\udcXX escapes instead of failing the save."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _require_hash(content_hash: str) -> None:
    if not content_hash:
        raise ValueError("报告缺少内容哈希（content_hash），无法保存审核记录")
