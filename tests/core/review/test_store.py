"""The review database (core/review/store.py): persistence, fidelity, crash safety, two processes."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from core.review.edits import UNDO_NOTE, CellEdit
from core.review.store import DB_NAME, SCHEMA_VERSION, ReviewStore, default_db_path
from tests.core.review.test_edits import make_report

ROOT = Path(__file__).resolve().parents[3]
HASH = "ab" * 32
GRANTED = "section3.granted.natural"
T0 = "2024-03-05T10:00:00+08:00"


@pytest.fixture
def db(tmp_path):
    return tmp_path / "data" / DB_NAME


def test_round_trip_across_a_new_store_instance(db):
    store = ReviewStore(db)
    store.add_edit(HASH, CellEdit(GRANTED, 8, 3, "核对原文", T0), "/data/a.txt")
    store.add_edit(HASH, CellEdit("section2.fees.amount", 12.5, None, "", T0))
    store.set_reviewed(HASH, True)
    store.close()

    restarted = ReviewStore(db)  # the program was restarted
    edits, reviewed = restarted.load(HASH)
    assert edits == [CellEdit(GRANTED, 8, 3, "核对原文", T0),
                     CellEdit("section2.fees.amount", 12.5, None, "", T0)]
    assert reviewed is True
    assert restarted.load("cd" * 32) == ([], False)


def test_values_keep_their_type(db):
    values = [0, 7, 123456789012, 12.5, 0.1, 1e-7, 30.0, -417, None]
    with ReviewStore(db) as store:
        for i, v in enumerate(values):
            store.add_edit(HASH, CellEdit(f"section3.new.c{i}", v, v, "", T0))
    with ReviewStore(db) as store:
        loaded = [e.new for e in store.load(HASH)[0]]
    assert loaded == values
    assert [type(v) for v in loaded] == [type(v) for v in values]  # 30.0 stays float, 7 int


def test_reviewed_mark_can_be_cleared(db):
    with ReviewStore(db) as store:
        store.set_reviewed(HASH, True)
        store.set_reviewed(HASH, False)
    with ReviewStore(db) as store:
        assert store.load(HASH) == ([], False)


def test_an_undo_gives_back_the_mark_its_edit_dropped(db):
    """An edit clears 已审核; its undo, saved with the mark to restore, leaves the report 已审核
    after a restart (one transaction: the values and the mark never disagree on disk)."""
    with ReviewStore(db) as store:
        store.set_reviewed(HASH, True)
        edit = CellEdit(GRANTED, 8, 3, "", T0)
        store.add_edits(HASH, [edit])
        assert store.load(HASH)[1] is False
        store.add_edits(HASH, [edit.inverse()], reviewed=True)
    with ReviewStore(db) as store:
        edits, reviewed = store.load(HASH)
        assert [(e.old, e.new) for e in edits] == [(8, 3), (3, 8)] and reviewed is True


def test_work_stored_for_the_same_path_under_other_content_is_counted(db):
    """A report re-saved by an editor (line ends, a BOM) or replaced by a new download has another
    content hash: its corrections and verdicts, kept under the content they were made on, no
    longer show. The count lets the window say so instead of showing the file as untouched."""
    from core.review.edits import DISMISSED, Verdict
    other = "cd" * 32
    with ReviewStore(db) as store:
        store.add_edit(HASH, CellEdit(GRANTED, 8, 3, "核对原文", T0), "/data/报告.txt")
        store.add_edit(HASH, CellEdit(GRANTED, 3, 8, UNDO_NOTE, T0, undo=True), "/data/报告.txt")
        store.add_verdict(HASH, Verdict("T3-2", (GRANTED,), DISMISSED, "原件如此", T0), "/data/报告.txt")
        store.add_edit(other, CellEdit(GRANTED, 1, 2, "", T0), "/data/另一份.txt")
        # the file changed: the edit was undone, the dismissal stands
        assert store.work_on_earlier_contents("/data/报告.txt", "ef" * 32) == 1
        assert store.work_on_earlier_contents("/data/报告.txt", HASH) == 0  # the same content
        assert store.work_on_earlier_contents("/data/新的.txt", "ef" * 32) == 0  # nothing there


def test_earlier_work_counts_what_the_auditor_left_standing(db):
    """The notice says how many corrections and verdicts are not applied: an edit undone or a
    verdict taken back is nothing to redo, and a cell edited twice or a verdict changed is one
    piece of work (a trail of 7 entries here, 3 standing across two earlier contents)."""
    from core.review.edits import CLEARED, CONFIRMED, DISMISSED, Verdict
    older, newer, now_there = "cd" * 32, HASH, "ef" * 32
    total = "section3.granted.total"
    with ReviewStore(db) as store:
        store.add_edit(older, CellEdit(GRANTED, 8, 3, "", T0), "/data/报告.txt")
        store.add_edit(older, CellEdit(GRANTED, 3, 5, "", T0), "/data/报告.txt")  # one cell: 8 -> 5
        store.add_verdict(older, Verdict("T3-2", (GRANTED,), CONFIRMED, "", T0), "/data/报告.txt")
        store.add_verdict(older, Verdict("T3-2", (GRANTED,), CLEARED, "", T0), "/data/报告.txt")
        store.add_edit(newer, CellEdit(total, 10, 12, "", T0), "/data/报告.txt")
        store.add_verdict(newer, Verdict("T3-1", (total,), CONFIRMED, "", T0), "/data/报告.txt")
        store.add_verdict(newer, Verdict("T3-1", (total,), DISMISSED, "原件如此", T0), "/data/报告.txt")
        assert store.work_on_earlier_contents("/data/报告.txt", now_there) == 3
        store.add_edit(older, CellEdit(GRANTED, 5, 8, UNDO_NOTE, T0, undo=True), "/data/报告.txt")  # back to 8
        assert store.work_on_earlier_contents("/data/报告.txt", now_there) == 2


def test_earlier_work_counts_a_confirmation_like_a_correction(db):
    """A value in doubt the auditor typed again unchanged (确认原值) is work like a correction: the
    file changed on disk, the notice counted only the cells left at another value and said there
    was nothing to redo (the report list showed no 内容已变)."""
    from core.review.edits import CONFIRM_NOTE
    older, now_there, file = "cd" * 32, "ef" * 32, "/data/报告.txt"
    total = "section3.granted.total"
    with ReviewStore(db) as store:
        store.add_edit(older, CellEdit(GRANTED, 3, 3, CONFIRM_NOTE, T0), file)
        assert store.work_on_earlier_contents(file, now_there) == 1
        assert store.files_with_earlier_work({file: now_there}) == {file: 1}
        # changed and changed back by Ctrl+Z: the confirmation still stands
        store.add_edit(older, CellEdit(GRANTED, 3, 5, "", T0), file)
        store.add_edit(older, CellEdit(GRANTED, 5, 3, UNDO_NOTE, T0, undo=True), file)
        assert store.work_on_earlier_contents(file, now_there) == 1
        store.add_edit(older, CellEdit(GRANTED, 3, 3, UNDO_NOTE, T0, undo=True), file)  # confirmation undone
        assert store.work_on_earlier_contents(file, now_there) == 0
        # corrected, noted, and typed back as parsed: the note went with the value, nothing stands
        store.add_edit(older, CellEdit(total, 10, 12, "", T0), file)
        store.add_edit(older, CellEdit(total, 12, 12, "核对原文", T0), file)
        store.add_edit(older, CellEdit(total, 12, 10, "", T0), file)
        assert store.work_on_earlier_contents(file, now_there) == 0


def test_keyed_by_content_hash_not_by_path(tmp_path, db):
    first = tmp_path / "2023" / "报告.txt"
    first.parent.mkdir()
    first.write_bytes("某某区2023年政府信息公开工作年度报告".encode("utf-8"))
    digest = hashlib.sha256(first.read_bytes()).hexdigest()
    with ReviewStore(db) as store:
        review = store.review_for(make_report(file=str(first), content_hash=digest))
        store.apply(review, CellEdit(GRANTED, 8, 3, "核对原文", T0))
        store.mark_reviewed(review)

    moved = tmp_path / "归档" / "改名.txt"  # the folder was moved and the file renamed
    moved.parent.mkdir()
    shutil.move(str(first), moved)
    digest2 = hashlib.sha256(moved.read_bytes()).hexdigest()
    with ReviewStore(db) as store:
        review = store.review_for(make_report(file=str(moved), content_hash=digest2))
    assert review.value(GRANTED) == 3
    assert review.original(GRANTED) == 8
    assert review.status == "已审核"
    assert review.edits[0].note == "核对原文"


def test_an_unreadable_report_has_an_empty_review_but_cannot_be_edited(db):
    """No content hash (the file could not be read): nothing is stored for it, nothing can be."""
    with ReviewStore(db) as store:
        review = store.review_for(make_report(content_hash=""))
        assert review.edits == [] and not review.reviewed
        with pytest.raises(ValueError, match="内容哈希"):
            store.apply(review, CellEdit(GRANTED, 8, 3, "核对原文", T0))


def test_persisted_undo_replays(db):
    with ReviewStore(db) as store:
        review = store.review_for(make_report())
        edit = CellEdit(GRANTED, 8, 3, "核对原文", T0)
        store.apply(review, edit)
        undo = store.revert(review, edit)
        assert review.value(GRANTED) == 8 and undo.note == UNDO_NOTE
    with ReviewStore(db) as store:
        review = store.review_for(make_report())
    assert [(e.old, e.new, e.note, e.undo) for e in review.edits] == [(8, 3, "核对原文", False), (3, 8, UNDO_NOTE, True)]
    assert review.value(GRANTED) == 8
    assert review.status == "未审核"


def test_an_undo_is_saved_as_one_and_a_note_reading_cheche_as_a_note(db):
    """Whether an edit is an undo is saved with it, not read from its note: the auditor's note 撤销
    on a corrected cell, saved and loaded, stays a note (it took a confirmation back when read
    as an undo)."""
    from tests.core.review.test_edits import _inferred_report

    report = _inferred_report()
    with ReviewStore(db) as store:
        review = store.review_for(report)
        store.apply(review, review.confirmation_for(GRANTED, 3))
        edit = review.edit_for(GRANTED, 4)
        store.apply(review, edit)
        note = CellEdit(GRANTED, 4, 4, UNDO_NOTE)
        store.apply(review, note)
        store.revert(review, note)
        store.revert(review, edit)
    with ReviewStore(db) as store:  # the program was restarted
        again = store.review_for(report)
    assert [(e.note, e.undo) for e in again.edits] == [
        ("确认原值", False), ("", False), (UNDO_NOTE, False), (UNDO_NOTE, True), (UNDO_NOTE, True)]
    assert again.value(GRANTED) == 3 and again.is_confirmed(GRANTED) and again.open_flags() == []


def test_edits_saved_before_undos_were_marked_still_load_as_they_meant(db):
    """A database saved by an earlier version has no undo column: an edit noted 撤销 there was an
    undo (only an undo was noted so, and it was read as one) and still is; the database gains the
    column, and what is saved next keeps its own mark."""
    from tests.core.review.test_edits import _inferred_report

    db.parent.mkdir(parents=True)
    old = sqlite3.connect(str(db))
    old.executescript("""
        CREATE TABLE edits (hash TEXT NOT NULL, seq INTEGER NOT NULL, cell TEXT NOT NULL, old TEXT NOT NULL,
            new TEXT NOT NULL, note TEXT NOT NULL, time TEXT NOT NULL, file TEXT NOT NULL, PRIMARY KEY (hash, seq));
        CREATE TABLE verdicts (hash TEXT NOT NULL, seq INTEGER NOT NULL, rule TEXT NOT NULL, cells TEXT NOT NULL,
            verdict TEXT NOT NULL, note TEXT NOT NULL, time TEXT NOT NULL, file TEXT NOT NULL,
            PRIMARY KEY (hash, seq));
        CREATE TABLE reviews (hash TEXT PRIMARY KEY, reviewed INTEGER NOT NULL, updated TEXT NOT NULL);
        PRAGMA user_version=2;
    """)
    rows = [(1, 3, 3, "确认原值"), (2, 3, 4, ""), (3, 4, 3, UNDO_NOTE), (4, 3, 3, UNDO_NOTE)]
    old.executemany("INSERT INTO edits VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [(HASH, seq, GRANTED, json.dumps(a), json.dumps(b), note, T0, "/data/报告.txt")
                     for seq, a, b, note in rows])
    old.commit()
    old.close()
    report = _inferred_report()
    with ReviewStore(db) as store:
        review = store.review_for(report)
        # confirmed, changed, changed back (Ctrl+Z), confirmation undone (Ctrl+Z): in doubt again
        assert [e.undo for e in review.edits] == [False, False, True, True]
        assert review.value(GRANTED) == 3 and not review.is_confirmed(GRANTED)
        store.apply(review, CellEdit(GRANTED, 3, 5, UNDO_NOTE))  # the auditor's word, saved now
    with ReviewStore(db) as store:
        assert [e.undo for e in store.load(HASH)[0]] == [False, False, True, True, False]
    assert sqlite3.connect(str(db)).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_multi_cell_paste_is_one_transaction(db):
    with ReviewStore(db) as store:
        store.add_edits(HASH, [CellEdit("section3.new.natural", 5, 6, "", T0),
                               CellEdit("section3.new.total", 5, 6, "", T0)])
        store.add_edit(HASH, CellEdit(GRANTED, 8, 3, "", T0))
        assert [e.cell for e in store.load(HASH)[0]] == [
            "section3.new.natural", "section3.new.total", GRANTED]


def test_sqlite_settings_wal_and_full_sync(db):
    with ReviewStore(db) as store:
        assert store._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store._db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_two_stores_on_one_file_interleave(db):
    a, b = ReviewStore(db), ReviewStore(db)
    a.add_edit(HASH, CellEdit(GRANTED, 8, 3, "a", T0))
    b.add_edit(HASH, CellEdit(GRANTED, 3, 4, "b", T0))
    a.add_edit(HASH, CellEdit(GRANTED, 4, 5, "a", T0))
    assert [e.note for e in b.load(HASH)[0]] == ["a", "b", "a"]
    a.close()
    b.close()


def test_a_writer_waits_for_another_processes_lock(db):
    with ReviewStore(db, timeout=10) as store:
        other = sqlite3.connect(str(db), isolation_level=None, check_same_thread=False)
        other.execute("BEGIN IMMEDIATE")  # another process holds the write lock ...
        threading.Timer(0.5, lambda: other.execute("COMMIT")).start()  # ... for half a second
        started = time.monotonic()
        store.add_edit(HASH, CellEdit(GRANTED, 8, 3, "", T0))
        assert time.monotonic() - started >= 0.3
        assert len(store.load(HASH)[0]) == 1
    other.close()


def _python(code: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_edit_survives_sigkill_right_after_add_edit_returns(db):
    writer = _python(f"""
import os, signal
from core.review.edits import CellEdit
from core.review.store import ReviewStore
store = ReviewStore({str(db)!r})
store.add_edit({HASH!r}, CellEdit({GRANTED!r}, 8, 3, "核对原文", {T0!r}))
os.kill(os.getpid(), signal.SIGKILL)
""")
    assert writer.returncode == -signal.SIGKILL, writer.stderr
    reader = _python(f"""
import json
from core.review.store import ReviewStore
edits, reviewed = ReviewStore({str(db)!r}).load({HASH!r})
print(json.dumps([[e.cell, e.old, e.new, e.note, e.time] for e in edits], ensure_ascii=False))
""")
    assert reader.returncode == 0, reader.stderr
    assert json.loads(reader.stdout) == [[GRANTED, 8, 3, "核对原文", T0]]


def test_default_db_path_is_in_the_user_data_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_db_path() == tmp_path / "xdg" / "gongkai-shenhe" / "reviews.sqlite3"
    assert (tmp_path / "xdg" / "gongkai-shenhe").is_dir()

    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_db_path() == tmp_path / "home" / ".local" / "share" / "gongkai-shenhe" / DB_NAME

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    assert default_db_path() == tmp_path / "Local" / "GongkaiShenhe" / "reviews.sqlite3"


def test_which_reports_have_anything_stored_is_one_read(db):
    from core.review.edits import CONFIRMED, Verdict
    edited, judged, marked, unmarked = ("a" * 64, "b" * 64, "c" * 64, "d" * 64)
    with ReviewStore(db) as store:
        store.add_edit(edited, CellEdit(GRANTED, 1, 2))
        store.add_verdict(judged, Verdict("T3-2", (GRANTED,), CONFIRMED))
        store.set_reviewed(marked, True)
        store.set_reviewed(unmarked, False)  # a mark taken back: loaded the long way too
        assert store.hashes_with_review([edited, judged, marked, unmarked, "e" * 64, ""]) == {
            edited, judged, marked, unmarked}
        many = [f"{n:064x}" for n in range(1000)] + [edited]  # more than one query's worth
        assert store.hashes_with_review(many) == {edited}


def test_what_stops_a_write_is_said_in_chinese_with_sqlites_words_kept():
    from core.review.store import store_error_text
    assert store_error_text(sqlite3.OperationalError("database is locked")) == \
        "审核数据库正被其他程序占用，请稍后再试（database is locked）"
    assert store_error_text(sqlite3.OperationalError("attempt to write a readonly database")) == \
        "审核数据库为只读，请检查文件权限（attempt to write a readonly database）"
    assert store_error_text(sqlite3.DatabaseError("file is not a database")) == "审核数据库已损坏（file is not a database）"
    assert store_error_text(OSError(28, "No space left on device")) == \
        "无法写入磁盘（磁盘已满或不可写）（[Errno 28] No space left on device）"
    assert store_error_text(ValueError("数值过长")) == "数值过长"  # our own refusals, as they are


def test_a_verdict_on_a_file_whose_name_is_not_utf8_is_saved(db):
    """A GBK-named file from an unzipped archive reaches Python with lone surrogates in its name;
    its edits were saved (the name escaped), its verdicts failed with UnicodeEncodeError, and the
    changed-on-disk notice must find both under the escaped name."""
    from core.review.edits import DISMISSED, Verdict
    name = "/data/" + b"\xb1\xa8\xb8\xe6.txt".decode("utf-8", "surrogateescape")  # 报告 in GBK
    with ReviewStore(db) as store:
        store.add_edit(HASH, CellEdit(GRANTED, 8, 3, "", T0), name)
        store.add_verdict(HASH, Verdict("T3-2", (GRANTED,), DISMISSED, "原件如此", T0), name)
        assert [v.verdict for v in store.load_verdicts(HASH)] == [DISMISSED]
        assert store.work_on_earlier_contents(name, "ef" * 32) == 2


def test_a_confirmation_is_saved_and_stands_when_the_report_is_opened_again(db):
    from tests.core.review.test_edits import _inferred_report

    report = _inferred_report()
    with ReviewStore(db) as store:
        review = store.review_for(report)
        store.apply(review, review.confirmation_for(GRANTED, 3))
    with ReviewStore(db) as store:  # the program was restarted
        again = store.review_for(report)
    assert [(e.old, e.new, e.note) for e in again.edits] == [(3, 3, "确认原值")]
    assert again.is_confirmed(GRANTED) and again.open_flags() == []
