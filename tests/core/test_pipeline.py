"""core/pipeline.py: a file hashed once by a folder's listing is not hashed again to be loaded."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

import core.pipeline as pipeline
import core.readers.dispatch
from core.parse.cache import ParseCache, parse_key
from core.pipeline import hash_file, load_report
from core.readers.legacy import DAMAGED_PROBLEM, find_office
SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
SEED = "000_f621d1f2d2e52411.txt"


@pytest.fixture
def report(tmp_path):
    path = tmp_path / SEED
    path.write_bytes((SAMPLES / SEED).read_bytes())
    return path


@pytest.fixture
def hashings(monkeypatch):
    """Every sha256 the pipeline computes, by the bytes hashed."""
    done = []
    real = pipeline._digest
    monkeypatch.setattr(pipeline, "_digest", lambda data, problem: done.append(data) or real(data, problem))
    return done


def test_a_hashed_file_is_parsed_under_the_same_key_without_hashing_it_again(report, tmp_path, hashings):
    hashed = hash_file(report)
    assert hashed.digest == hashlib.sha256(report.read_bytes()).hexdigest()  # the cache key as before
    hashings.clear()
    with ParseCache(tmp_path / "cache.sqlite3") as cache:
        loaded = load_report(report, cache, hashed)
        assert hashings == []
        assert loaded.content_hash == hashed.digest and loaded.agency
        assert cache.holds(parse_key(hashed.digest, report))


def test_a_hashed_file_whose_parse_is_cached_is_not_read_again(report, tmp_path, hashings, monkeypatch):
    with ParseCache(tmp_path / "cache.sqlite3") as cache:
        first = load_report(report, cache)
        hashed = hash_file(report)
        hashings.clear()

        def refuse(path):
            raise AssertionError("read again")
        monkeypatch.setattr(core.readers.dispatch, "read_bytes", refuse)
        again = load_report(report, cache, hashed)
    assert hashings == []
    assert repr(again) == repr(first)


def test_a_file_changed_since_its_hash_is_hashed_anew(report, tmp_path):
    """Same size, new content: the listing's hash would file the new parse under the old key."""
    hashed = hash_file(report)
    text = report.read_bytes()
    changed = text.replace("(一) 予以公开\t0\t".encode(), "(一) 予以公开\t7\t".encode(), 1)
    assert changed != text and len(changed) == len(text)
    report.write_bytes(changed)
    os.utime(report, ns=(hashed.mtime_ns + 10**9, hashed.mtime_ns + 10**9))
    with ParseCache(tmp_path / "cache.sqlite3") as cache:
        loaded = load_report(report, cache, hashed)
    assert loaded.content_hash == hashlib.sha256(changed).hexdigest()
    assert loaded.value("section3.granted.natural") == 7


def test_an_unreadable_file_hashes_to_nothing_and_still_says_why(tmp_path):
    missing = tmp_path / "gone.txt"
    hashed = hash_file(missing)
    assert hashed.digest == ""
    assert load_report(missing, None, hashed).problems == ["无法读取文件：文件不存在"]


DAMAGED_DOC = Path(__file__).resolve().parents[1] / "fixtures" / "damaged.doc"


@pytest.mark.skipif(find_office() is None, reason="LibreOffice (soffice) is not installed")
def test_a_damaged_old_word_file_is_tried_once_until_its_bytes_change(tmp_path, monkeypatch):
    # LibreOffice spends seconds failing on it: the failure is kept like a parse, with its reason
    damaged = tmp_path / "损坏.doc"
    damaged.write_bytes(DAMAGED_DOC.read_bytes())
    with ParseCache(tmp_path / "cache.sqlite3") as cache:
        first = load_report(damaged, cache)
        assert first.problems == [DAMAGED_PROBLEM] and not first.cells
        tried = []
        real = pipeline._parse_file
        monkeypatch.setattr(pipeline, "_parse_file", lambda path, *read: tried.append(path) or real(path, *read))
        again = load_report(damaged, cache, hash_file(damaged))
        assert tried == [] and again.problems == [DAMAGED_PROBLEM]
        damaged.write_bytes(DAMAGED_DOC.read_bytes() + b"\0")  # another file now: read again
        assert load_report(damaged, cache).problems == [DAMAGED_PROBLEM]
        assert tried == [damaged]


def test_a_failure_kept_from_one_libreoffice_is_tried_again_with_another(tmp_path, monkeypatch):
    # an old Word file that LibreOffice could not convert is kept as 无法转换 until its bytes
    # change - or until the auditor installs or updates LibreOffice, which may read it
    from tests.core.readers.test_legacy import OLE_HEADER, _OUT_DIR, _converted, _office

    old = tmp_path / "reports" / "旧.doc"
    old.parent.mkdir()
    old.write_bytes(OLE_HEADER)  # not a Word file the native reader takes: LibreOffice must
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    _office(tmp_path / "old", monkeypatch, "exit 1\n")  # converts nothing
    with ParseCache(tmp_path / "cache.sqlite3") as cache:
        failed = load_report(old, cache)
        assert failed.problems and not failed.cells
        assert cache.holds(parse_key(hash_file(old).digest, old))  # kept: not tried at every open
        assert load_report(old, cache).problems == failed.problems
        _office(tmp_path / "new", monkeypatch, _OUT_DIR + f"for f in \"$@\"; do {_converted('$f')}; done\n")
        read = load_report(old, cache)
        assert read.problems == [] and read.cells  # the new LibreOffice read it


def test_a_problem_that_may_pass_is_not_kept(tmp_path, monkeypatch):
    # without LibreOffice an old Word file the native reader cannot read is tried at every open
    import core.readers.legacy as legacy
    from tests.core.readers.test_legacy import OLE_HEADER
    monkeypatch.setattr(legacy, "find_office", lambda: None)
    old = tmp_path / "旧.doc"
    old.write_bytes(OLE_HEADER)
    with ParseCache(tmp_path / "cache.sqlite3") as cache:
        assert load_report(old, cache).problems == [legacy.NO_OFFICE_PROBLEM]
        assert not cache.holds(parse_key(hash_file(old).digest, old))


def test_a_file_only_the_native_reader_called_damaged_is_tried_again_once_libreoffice_is_there(tmp_path, monkeypatch):
    # the word97 reader gives up on it, but LibreOffice may still read it: without LibreOffice
    # its failure must not be kept (else installing LibreOffice changes nothing until the file does)
    import core.readers.legacy as legacy
    monkeypatch.setattr(legacy, "find_office", lambda: None)
    damaged = tmp_path / "损坏.doc"
    damaged.write_bytes(DAMAGED_DOC.read_bytes())
    with ParseCache(tmp_path / "cache.sqlite3") as cache:
        report = load_report(damaged, cache)
        assert DAMAGED_PROBLEM in report.problems and legacy.NO_OFFICE_PROBLEM in report.problems
        assert not cache.holds(parse_key(hash_file(damaged).digest, damaged))
        # the same through a folder's LibreOffice run that found no LibreOffice
        with legacy.use(legacy.convert_batch([str(damaged)], tmp_path / "work")):
            report = load_report(damaged, cache)
        assert DAMAGED_PROBLEM in report.problems and legacy.NO_OFFICE_PROBLEM in report.problems
        assert not cache.holds(parse_key(hash_file(damaged).digest, damaged))


def test_every_lasting_problem_names_a_reader_s_problem():
    # a renamed constant would silently stop its failures being kept
    import importlib
    for module, names in pipeline.LASTING_PROBLEMS.items():
        for name in names:
            assert isinstance(getattr(importlib.import_module(module), name), str), (module, name)
