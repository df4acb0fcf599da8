"""Parse results kept between runs, so that a folder opened again is on screen at once.

Each file's ``Report`` as the parser made it (before any correction, with its flags and
problems) is stored in SQLite, keyed by ``parse_key``: the file's content hash and the format its
extension names (the readers see the bytes and that format, nothing else of the path: the same
bytes saved as .txt and as .html are read differently), and by the parser's version. A file whose
bytes changed has another hash, and a changed parser has another version, so a stale result is
never returned. The cache is only a cache: deleting it loses nothing, and a
damaged one (not a database, the wrong schema, an unreadable row) is rebuilt without a word;
a database with tables of its own there (the review database) is another program's: left alone.

Beside each report the cache keeps the findings of the uncorrected report (``Finding`` is
shared vocabulary in core.model), as the loader computed them: a folder opened again then runs
no rule either. Reports with corrections are checked afresh.

The version is ``PARSER_VERSION`` (bump it with any change to what the readers, the parser or
the checks produce) plus a digest of their source files, or in a frozen build of the program's
executable: a parser edit never meets a result of the code before it, even if nobody bumped
the number.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import marshal
import operator
import os
import sqlite3
import struct
import sys
import zlib
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence

from core import model
from core.model import Finding, Report
from core.readers.dispatch import document_format
from core.template import TEMPLATES, all_paths

PARSER_VERSION = 3  # 2: Flag.causes; 3: Flag.value
CACHE_NAME = "parse-cache.sqlite3"
CACHE_ENV = "GONGKAI_PARSE_CACHE"  # another path for the cache, or "off"
# 2: the dashboard's row of each report (summary); 3: keyed by parse_key; 4: a report's cells, flags
# and text packed apart from the rest (``lazy form``): an older cache is rebuilt, its rows parsed again
SCHEMA_VERSION = 4
BUSY_TIMEOUT = 10.0  # seconds a write waits for another program's lock on the cache

_CORE = Path(__file__).resolve().parent.parent
# What decides a result: the readers, the parser, the checks and the vocabulary they share
# (read as files, never imported: this stage does not depend on the checks).
_SOURCES = ("readers", "parse", "check", "model.py", "template.py", "equations.py")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS parses (
    parse_key TEXT PRIMARY KEY, -- parse_key(): sha256 hex of the file's bytes, ":", its format (and LibreOffice's stamp)
    version  TEXT NOT NULL,     -- parser_version() that made the result
    data     BLOB NOT NULL,     -- the Report without its path (dumps: its head, then its cells, flags and text compressed)
    findings BLOB,              -- the same of the uncorrected report's findings (a list)
    summary  TEXT               -- JSON: the loader's dashboard row of the unreviewed report
);
"""


def parse_key(content_hash: str, path) -> str:
    """What a file's parse is kept under: its bytes' hash and the reader's format its name picks
    (``document_format``: the extension, lower-cased, .htm and .html alike). The readers are
    given the path besides, only to name the Document; the review database keeps the hash
    alone. "" without a hash.

    An old Word file (.doc/.wps, and every .rtf/.odt) may be read by LibreOffice, which is not part of the parser's
    version: its key names the LibreOffice found as well, so that a failure kept from one
    LibreOffice is tried again once another is installed or it is updated."""
    if not content_hash:
        return ""
    fmt = document_format(path)
    if fmt in ("doc", "wps", "rtf", "odt"):
        from core.readers.legacy import find_office

        return f"{content_hash}:{fmt}:{_office_stamp(find_office())}"
    return f"{content_hash}:{fmt}"


@lru_cache(maxsize=4)
def _office_stamp(office: Optional[str]) -> str:
    """A short name for this LibreOffice: where its program really is, its size and its time."""
    if office is None:
        return "-"
    try:
        real = os.path.realpath(office)
        stat = os.stat(real)
    except OSError:
        return "-"
    return hashlib.sha256(f"{real}\0{stat.st_size}\0{stat.st_mtime_ns}".encode()).hexdigest()[:12]


def report_key(report: Report) -> str:
    """``parse_key`` of a loaded report (its ``file`` is the path it was read from)."""
    return parse_key(report.content_hash, report.file)


@lru_cache(maxsize=1)
def parser_version() -> str:
    digest = hashlib.sha256(str(PARSER_VERSION).encode())
    for name in _SOURCES:
        target = _CORE / name
        files = sorted(target.rglob("*.py")) if target.is_dir() else [target]
        for path in files:
            try:
                digest.update(path.name.encode() + b"\0" + path.read_bytes())
            except OSError:
                pass
    if getattr(sys, "frozen", False):  # no sources in a build: each build is another version
        try:
            built = os.stat(sys.executable)
            digest.update(f"{built.st_size}-{built.st_mtime_ns}".encode())
        except OSError:
            pass
    return f"{PARSER_VERSION}-{digest.hexdigest()[:16]}"


def cache_path_beside(db_path: Optional[os.PathLike]) -> Optional[Path]:
    """Where the cache lives: $GONGKAI_PARSE_CACHE, else beside the review database (in the
    user's data folder); None when caching is off or there is no database."""
    setting = os.environ.get(CACHE_ENV, "").strip()
    if setting.lower() == "off":
        return None
    if setting:
        return Path(setting)
    if not db_path or Path(db_path).name == CACHE_NAME:  # (reviews kept under the cache's name)
        return None
    return Path(db_path).with_name(CACHE_NAME)


# --- serialisation: dataclasses of core.model, tuples and int-keyed dicts, exactly ----------------

def _encode(value):
    if type(value) is model.CellValue and _plain_span(value.span):  # most objects: kept short
        return {"@c": [value.value, value.state, value.raw, value.span and list(value.span)]}
    if dataclasses.is_dataclass(value):  # its fields in order (the version covers model.py)
        return {"@": type(value).__name__,
                "f": [_encode(getattr(value, f.name)) for f in dataclasses.fields(value)]}
    if isinstance(value, tuple):
        return {"@t": [_encode(v) for v in value]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        if value and all(type(k) is str and type(v) is model.CellValue and _plain_span(v.span)
                         for k, v in value.items()):  # a report's cells: one flat row each
            return {"@C": [[k, v.value, v.state, v.raw, *(v.span or (None, None))]
                           for k, v in value.items()]}
        if all(isinstance(k, str) for k in value):
            return {k: _encode(v) for k, v in value.items()}
        return {"@d": [[k, _encode(v)] for k, v in value.items()]}
    if value is None or isinstance(value, (str, int, float)):
        return value
    raise TypeError(f"cannot cache a {type(value).__name__}")


# Cell paths, states and short raw texts recur in every report: one string object each, as a
# fresh parse shares them, keeps a folder of cached reports as small as a freshly parsed one.
_INTERN_MAX = 40
_DATACLASSES = {name: cls for name, cls in vars(model).items()
                if isinstance(cls, type) and dataclasses.is_dataclass(cls)}


def _plain_span(span) -> bool:
    return span is None or (type(span) is tuple and len(span) == 2
                            and all(type(offset) is int for offset in span))


def _decode(value):
    if isinstance(value, str):
        return sys.intern(value) if len(value) <= _INTERN_MAX else value
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    if "@C" in value:
        intern = sys.intern
        return {intern(path): model.CellValue(number, intern(state),
                                              intern(raw) if len(raw) <= _INTERN_MAX else raw,
                                              None if start is None else (start, end))
                for path, number, state, raw, start, end in value["@C"]}
    if "@c" in value:
        number, state, raw, span = value["@c"]
        return model.CellValue(number, sys.intern(state),
                               sys.intern(raw) if len(raw) <= _INTERN_MAX else raw,
                               span if span is None else (span[0], span[1]))
    if "@" in value:
        return _DATACLASSES[value["@"]](*[_decode(v) for v in value["f"]])
    if "@t" in value:
        return tuple(_decode(v) for v in value["@t"])
    if "@d" in value:
        return {k: _decode(v) for k, v in value["@d"]}
    return {sys.intern(k): _decode(v) for k, v in value.items()}


# --- the fast form: a report (or a list of findings) as plain tuples, in marshal -----------------------
# Most of a first open's caching and a reopen's decoding was the generic form above (walking every
# object, then JSON): ~1 ms a report each way. A report's cells go column by column, its flags and
# findings as rows, in marshal (which keeps tuples, lists, int keys and bools as they are, and
# refuses anything else: such a value takes the generic form). The bytes start with _FAST (a zlib
# stream never does); zlib's checksum catches a damaged row before marshal reads it.
_FAST = b"M"
_MARSHAL_VERSION = 4
# The fields of a report in the lazy form's body (decoded when first asked for), and in its head
_BODY_FIELDS = ("cells", "flags", "text", "section_spans", "read_values")
_HEAD_FIELDS = tuple(f.name for f in dataclasses.fields(Report) if f.name not in _BODY_FIELDS)
_FLAG_FIELDS = tuple(f.name for f in dataclasses.fields(model.Flag))
_FINDING_FIELDS = tuple(f.name for f in dataclasses.fields(Finding))


# A report's cell paths are nearly always its template's, in the template's order: a third of
# the packed bytes. Such a report keeps the template's name instead (the version covers the
# template); the paths come back as one shared tuple, not 200 strings made and interned a report.
_LAYOUTS = {name: tuple(map(sys.intern, all_paths(name))) for name in TEMPLATES}


def _layout_of(report: Report, paths: tuple):
    """The name of the template whose paths ``paths`` are, in order; else the paths themselves."""
    for name in (report.template, *_LAYOUTS):
        if _LAYOUTS.get(name) == paths:
            return name
    return paths


def _report_parts(report: Report):
    """A report as the lazy form's head and body, plain values for marshal; None when it is not
    a form this packs. The head: the fields but those of the body, whether it has cells and
    whether it lacks a table (``model.lacks_a_table``: whether its tables were read whole, what
    the copies of a year are ranked by, core.compare.years.read_whole)."""
    cells = report.cells
    if type(cells) is not dict or type(report.flags) is not list:
        return None
    # one pass of C per check, one comprehension per column (a Python call per cell was half
    # the cost of caching a first open's report, in the worker processes; a comprehension
    # reads a slot faster than attrgetter's zip of rows: 19 against 33 us a report)
    cell_values = list(cells.values())
    if not set(map(type, cell_values)) <= _CELL_TYPE or not set(map(type, report.flags)) <= _FLAG_TYPE:
        return None
    intern = sys.intern
    texts = [cell.raw for cell in cell_values]
    raws = tuple(map(intern, texts)) if max(map(len, texts), default=0) <= _INTERN_MAX \
        else tuple(intern(raw) if len(raw) <= _INTERN_MAX else raw for raw in texts)
    columns = (tuple([cell.value for cell in cell_values]), tuple([intern(cell.state) for cell in cell_values]),
               raws, tuple([cell.span for cell in cell_values]))
    head = (_interned(_head_row(report)), bool(cells), bool(cells) and model.lacks_a_table(report))
    body = (_layout_of(report, tuple(cells)), columns, [_interned(_flag_row(flag)) for flag in report.flags],
            _interned(_body_row(report)))
    return head, body


def _packed(value):
    """A list of findings as plain values for marshal, or None when it is not a form this packs."""
    if type(value) is list and all(type(f) is Finding and (f.suggestion is None or type(f.suggestion) is model.Suggestion)
                                   for f in value):
        return ("F", [_interned(_finding_row(f) + ((f.suggestion.cell, f.suggestion.value)
                                                   if f.suggestion is not None else None,))
                      for f in value])
    return None


_CELL_TYPE, _FLAG_TYPE = {model.CellValue}, {model.Flag}
_flag_row = operator.attrgetter(*_FLAG_FIELDS)
_head_row = operator.attrgetter(*_HEAD_FIELDS)
_body_row = operator.attrgetter(*_BODY_FIELDS[2:])
_finding_row = operator.attrgetter(*_FINDING_FIELDS[:-1])


def _unpacked(value):
    """The packed form's objects. Its short strings were interned as it was packed: marshal keeps
    that mark and interns them as it reads them (no pass over them here, on the window's thread
    that decodes a folder's reports)."""
    kind = value[0]
    if kind == "F":
        findings = []
        for row in value[1]:
            *fields, suggestion = row
            findings.append(Finding(*fields, model.Suggestion(*suggestion) if suggestion is not None else None))
        return findings
    raise ValueError("not a packed form")


def _interned(value):
    """Short strings shared, as the generic form shares them (inside lists, tuples and dicts too)."""
    kind = type(value)
    if kind is str:
        return sys.intern(value) if len(value) <= _INTERN_MAX else value
    if kind is list or kind is tuple:
        # a report's and its findings' rows: mostly strings and numbers, interned or kept here
        # without a call each (a call per value was a third of packing them, in the workers)
        intern = sys.intern
        items = [(intern(v) if len(v) <= _INTERN_MAX else v) if type(v) is str
                 else v if type(v) in _PLAIN else _interned(v) for v in value]
        return items if kind is list else tuple(items)
    if kind is dict:
        return {_interned(k): _interned(v) for k, v in value.items()}
    return value


_PLAIN = {int, float, bool, type(None)}  # kept as they are


# A worker process hands a fresh parse to the window in the fast form uncompressed (_RAW): the
# window decodes it from there, and compresses it for the cache only once every report is loaded.
_RAW = b"m"

# The lazy form of a report: its head (the fields but cells, flags, text, section_spans and read_values,
# and two facts of its cells: whether it has any, whether it lacks a table) decoded at once,
# its body kept packed in the Report (``_Packed``) and decoded when one of its fields is first asked for:
# the window lists a folder's reports, links their years and marks their copies from the heads, and
# decodes a report as it is opened (decoding each one's ~200 cells was most of the window's work
# beside painting, for reports the auditor may never open). _LAZY_RAW + the head's length + the head +
# the body, as a worker hands it over; _LAZY + the head's length + the head + the compressed body's
# CRC-32 + the compressed body, as the cache keeps it (the CRC checked as it is read: a damaged row is a
# miss then, never an error as the report opens).
_LAZY_RAW, _LAZY = b"l", b"L"
_LENGTH = struct.Struct("<I")


class _Packed:
    """The body of a report in the lazy form (``Report.__getattr__`` decodes it), and what the
    window asks of its cells before then (``Report.has_cells``, ``Report.known_lacks_a_table``)."""
    __slots__ = ("body", "compressed", "has_cells", "lacks_a_table")
    fields = frozenset(_BODY_FIELDS)

    def __init__(self, body: bytes, compressed: bool, has_cells: bool, lacks_a_table: bool) -> None:
        self.body, self.compressed, self.has_cells, self.lacks_a_table = body, compressed, has_cells, lacks_a_table

    def unpack(self) -> dict:
        """The body's fields. Its short strings were interned as it was packed: marshal keeps that
        mark and interns them as it reads them."""
        body = marshal.loads(zlib.decompress(self.body) if self.compressed else self.body)
        paths, (numbers, states, raws, spans), flags, (text, section_spans, read_values) = body
        paths = _LAYOUTS[paths] if type(paths) is str else map(sys.intern, paths)
        return {"cells": dict(zip(paths, map(model.CellValue, numbers, states, raws, spans))),
                "flags": [model.Flag(*flag) for flag in flags],
                "text": text, "section_spans": section_spans, "read_values": read_values}


def _lazy_report(data: bytes) -> Report:
    """A report in the lazy form, its head decoded (its body when first asked for)."""
    view = memoryview(data)
    end = 5 + _LENGTH.unpack_from(view, 1)[0]
    fields, has_cells, lacks = marshal.loads(view[5:end])
    if data[:1] == _LAZY:
        body = data[end + 4:]
        if zlib.crc32(body) != _LENGTH.unpack_from(view, end)[0]:
            raise ValueError("a damaged report")
        packed = _Packed(body, True, has_cells, lacks)
    else:
        packed = _Packed(data[end:], False, has_cells, lacks)
    report = Report.__new__(Report)  # (its fields set here: __init__ would make empty body fields)
    attributes = report.__dict__
    attributes.update(zip(_HEAD_FIELDS, fields))
    attributes["_packed"] = packed
    return report


def pack(value) -> bytes:
    """``value`` in the form ``loads`` reads, uncompressed where it is a fast form (quick to
    make and to read; ``stored_form`` compresses it for the cache)."""
    if type(value) is Report:
        parts = _report_parts(value)
        if parts is not None:
            try:
                head, body = (marshal.dumps(part, _MARSHAL_VERSION) for part in parts)
                return b"".join((_LAZY_RAW, _LENGTH.pack(len(head)), head, body))
            except ValueError:  # something marshal does not keep (a subclass, an object): the generic form
                pass
    else:
        packed = _packed(value)
        if packed is not None:
            try:
                return _RAW + marshal.dumps(packed, _MARSHAL_VERSION)
            except ValueError:
                pass
    return zlib.compress(json.dumps(_encode(value), ensure_ascii=False).encode("utf-8"), 1)


def stored_form(data: bytes) -> bytes:
    """``pack``'s bytes as the cache keeps them (``dumps``'s): a fast form compressed."""
    if data[:1] == _RAW:
        return _FAST + zlib.compress(memoryview(data)[1:], 1)
    if data[:1] == _LAZY_RAW:
        end = 5 + _LENGTH.unpack_from(data, 1)[0]
        body = zlib.compress(memoryview(data)[end:], 1)
        return b"".join((_LAZY, memoryview(data)[1:end], _LENGTH.pack(zlib.crc32(body)), body))
    return data


def dumps(value) -> bytes:
    return stored_form(pack(value))


def loads(data: bytes, kind: type = Report):
    """The value ``pack`` or ``dumps`` made; a report in the lazy form decoded in part (the rest
    as it is first asked for)."""
    marker = data[:1]
    if marker == _LAZY_RAW or marker == _LAZY:
        value = _lazy_report(data)
    elif marker == _FAST:
        value = _unpacked(marshal.loads(zlib.decompress(data[1:])))
    elif marker == _RAW:
        value = _unpacked(marshal.loads(memoryview(data)[1:]))
    else:
        value = _decode(json.loads(zlib.decompress(data).decode("utf-8")))
    if not isinstance(value, kind):
        raise TypeError(f"not a {kind.__name__}")
    return value


_BULK = 500  # keys per query (SQLite allows 999 parameters)
_AHEAD_COLUMNS = ("data", "findings")


def _busy(exc: sqlite3.Error) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)


class _Foreign(sqlite3.OperationalError):
    """A database with tables of its own (another program's: the review database) where the cache
    would live: never rebuilt, never written to; the cache goes without."""


class ParseCache:
    """The cache file. Never raises: a cache that fails is rebuilt, or else simply not used."""

    def __init__(self, path: os.PathLike, version: Optional[str] = None) -> None:
        self.path = Path(path)
        self.version = version or parser_version()
        self._db: Optional[sqlite3.Connection] = None
        self._held: Optional[dict[str, dict[str, object]]] = None  # hash -> column -> value
        self._ahead: dict[str, tuple] = {}  # hash -> (data, findings) read ahead (``read_ahead``)
        try:
            self._db = self._open()
        except _Foreign:
            pass
        except sqlite3.OperationalError as exc:
            if not _busy(exc):  # a locked cache is in use elsewhere: go without, keep it
                self._rebuild()
        except (sqlite3.Error, OSError):
            self._rebuild()

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT, isolation_level=None,
                             check_same_thread=False)
        try:
            if db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name != 'parses' "
                          "AND name NOT LIKE 'sqlite!_%' ESCAPE '!' LIMIT 1").fetchone():
                raise _Foreign("not a parse cache")
            if db.execute("PRAGMA user_version").fetchone()[0] not in (0, SCHEMA_VERSION):
                raise sqlite3.DatabaseError("another schema")
            # a cache: losing the last writes costs nothing. Set before WAL: a new cache's switch to
            # WAL else waited for the disk twice (25-30 ms of a first open's start, its first
            # files not yet sent to the workers; 1 ms so)
            db.execute("PRAGMA synchronous=OFF")
            db.execute("PRAGMA journal_mode=WAL")
            db.executescript(_SCHEMA)
            db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            db.execute("SELECT parse_key, version, data, findings, summary FROM parses LIMIT 1").fetchall()
        except sqlite3.Error:
            db.close()
            raise
        return db

    def _rebuild(self) -> None:
        """Throw the damaged file away and start an empty cache (or go without one)."""
        self.close()
        for suffix in ("", "-wal", "-shm", "-journal"):
            try:
                os.remove(str(self.path) + suffix)
            except OSError:
                pass
        try:
            self._db = self._open()
        except (sqlite3.Error, OSError):
            self._db = None

    def get(self, key: str) -> Optional[Report]:
        """The stored parse of a file with this ``parse_key`` by this parser version, or None."""
        report = self._load(key, "data", Report)
        if report is not None:
            report.content_hash = key.partition(":")[0]
        return report

    def holds(self, key: str) -> bool:
        """Whether the parse under this key by this version is stored (without reading it)."""
        if self._db is None or not key:
            return False
        if "data" in self._held_row(key):
            return True
        try:
            return self._db.execute("SELECT 1 FROM parses WHERE parse_key = ? AND version = ?",
                                    (key, self.version)).fetchone() is not None
        except sqlite3.DatabaseError:
            return False

    def get_findings(self, key: str) -> Optional[list[Finding]]:
        """The stored findings of the uncorrected report, or None."""
        return self._load(key, "findings", list)

    def _load(self, key: str, column: str, kind: type):
        if self._db is None or not key:
            return None
        held = self._held_row(key)
        if column in held or "data" in held:  # a held parse replaces the whole stored row
            try:
                return loads(held[column], kind) if held.get(column) is not None else None
            except Exception:  # noqa: BLE001 - as an unreadable row
                return None
        ahead = self._ahead.get(key)
        if ahead is not None:
            try:
                value = ahead[_AHEAD_COLUMNS.index(column)]
                return loads(value, kind) if value is not None else None
            except Exception:  # noqa: BLE001 - as an unreadable row
                return None
        try:
            row = self._db.execute(f"SELECT {column} FROM parses WHERE parse_key = ? AND version = ?",
                                   (key, self.version)).fetchone()
        except sqlite3.DatabaseError as exc:
            if not _busy(exc):
                self._rebuild()
            return None
        if row is None or row[0] is None:
            return None
        try:
            return loads(row[0], kind)
        except Exception:  # noqa: BLE001 - an unreadable row is a miss; the parse replaces it
            return None

    def summaries(self, keys) -> dict[str, list]:
        """The stored dashboard rows under these keys (a JSON list each), read in a few queries."""
        keys = list(dict.fromkeys(k for k in keys if k))
        found: dict[str, list] = {}
        if self._db is None:
            return found
        try:
            for start in range(0, len(keys), _BULK):
                chunk = keys[start:start + _BULK]
                rows = self._db.execute(
                    f"SELECT parse_key, summary FROM parses WHERE version = ? AND summary IS NOT NULL "
                    f"AND parse_key IN ({','.join('?' * len(chunk))})", [self.version, *chunk]).fetchall()
                for key, text in rows:
                    try:
                        summary = json.loads(text)
                    except ValueError:  # an unreadable row is a miss
                        continue
                    if isinstance(summary, list):
                        found[key] = summary
        except sqlite3.DatabaseError as exc:
            if not _busy(exc):
                self._rebuild()
            return {}
        return found

    @contextmanager
    def read_ahead(self, keys):
        """Within the block, these reports' stored parses and findings are read from rows
        fetched in one query as it starts (a folder's reports decoded one after another asked
        twice a report)."""
        keys = list(dict.fromkeys(k for k in keys if k))[:_BULK]
        self._ahead = {}
        if self._db is not None and keys:
            try:
                self._ahead = {key: (data, findings) for key, data, findings in self._db.execute(
                    f"SELECT parse_key, data, findings FROM parses WHERE version = ? "
                    f"AND parse_key IN ({','.join('?' * len(keys))})", [self.version, *keys])}
            except sqlite3.DatabaseError:  # each report asks on its own
                self._ahead = {}
        try:
            yield
        finally:
            self._ahead = {}

    def stored(self, keys) -> set[str]:
        """The keys among these whose parse by this version is stored (or held), in a few
        queries: a loader asks once for many files rather than once for each."""
        keys = list(dict.fromkeys(k for k in keys if k))
        found = {k for k in keys if "data" in self._held_row(k)}
        if self._db is None:
            return found
        try:
            for start in range(0, len(keys), _BULK):
                chunk = keys[start:start + _BULK]
                found.update(row[0] for row in self._db.execute(
                    f"SELECT parse_key FROM parses WHERE version = ? AND parse_key IN ({','.join('?' * len(chunk))})",
                    [self.version, *chunk]))
        except sqlite3.DatabaseError as exc:
            if not _busy(exc):
                self._rebuild()
            return set(keys)  # as if all were stored: each file asks the cache again
        return found

    def put_summary(self, key: str, summary: list) -> None:
        """Keep the unreviewed report's dashboard row (plain JSON values) beside its parse."""
        if self._db is None or not key:
            return
        try:
            text = json.dumps(summary, ensure_ascii=False)
        except (TypeError, ValueError):
            return
        if not self._hold(key, "summary", text):
            self._write("UPDATE parses SET summary = ? WHERE parse_key = ? AND version = ?",
                        (text, key, self.version))

    def put(self, report: Report) -> None:
        """Store a fresh parse under its ``report_key`` (its path is not stored: the same bytes
        may live anywhere, under a name of the same format)."""
        key = report_key(report)
        if self._db is None or not key:
            return
        try:
            data = dumps(dataclasses.replace(report, file=""))
        except (TypeError, ValueError):
            return
        self._ahead.pop(key, None)  # read ahead before this write
        if self._held is not None:
            self._held[key] = {"data": data}  # as INSERT OR REPLACE: a new row
            return
        self._write("INSERT OR REPLACE INTO parses (parse_key, version, data) VALUES (?, ?, ?)",
                    (key, self.version, data))

    def put_findings(self, key: str, findings: list[Finding]) -> None:
        """Keep the uncorrected report's findings beside its stored parse."""
        if self._db is None or not key:
            return
        try:
            data = dumps(list(findings))
        except (TypeError, ValueError):
            return
        self._ahead.pop(key, None)
        if not self._hold(key, "findings", data):
            self._write("UPDATE parses SET findings = ? WHERE parse_key = ? AND version = ?",
                        (data, key, self.version))

    def put_packed(self, rows) -> bool:
        """Store fresh parses handed over packed (``pack``): (parse_key, report, findings,
        dashboard row as JSON values) each, in one transaction; compressed here (zlib lets other
        threads run meanwhile). False when they could not be written (locked, full, failing)."""
        if self._db is None:
            return False
        entries = []
        for key, data, findings, summary in rows:
            try:
                text = json.dumps(summary, ensure_ascii=False) if summary is not None else None
            except (TypeError, ValueError):
                text = None
            if key:
                entries.append((key, self.version, stored_form(data),
                                stored_form(findings) if findings is not None else None, text))
        return self._write_rows(entries)

    # --- writes held for one transaction -----------------------------------------------------------

    @contextmanager
    def held_writes(self):
        """Within the block writes are kept in memory (reads see them), then made in one
        transaction as it ends: a parse, its findings and its row were three commits a file,
        with the write lock taken three times (other processes write the same cache)."""
        if self._held is not None:  # already held by an outer block
            yield
            return
        self._held = {}
        try:
            yield
        finally:
            held, self._held = self._held, None
            self._write_held(held)

    def _held_row(self, key: str) -> dict:
        return self._held.get(key, {}) if self._held is not None else {}

    def _hold(self, key: str, column: str, value) -> bool:
        """Keep a column's new value for the held transaction (False: not holding writes)."""
        if self._held is None:
            return False
        self._held.setdefault(key, {})[column] = value
        return True

    def _write_held(self, held: dict[str, dict[str, object]]) -> None:
        if self._db is None or not held:
            return
        rows = [(key, self.version, row["data"], row.get("findings"), row.get("summary"))
                for key, row in held.items() if "data" in row]
        updates = [(row.get("findings"), row.get("summary"), key, self.version)
                   for key, row in held.items() if "data" not in row]
        self._write_rows(rows, updates)

    def _write_rows(self, rows: list[tuple], updates: Sequence[tuple] = ()) -> bool:
        """New rows (parse_key, version, data, findings, summary) and updates of stored ones'
        (findings, summary, parse_key, version), in one transaction; whether they were written."""
        if self._db is None:
            return False
        if not (rows or updates):
            return True
        try:
            self._db.execute("BEGIN IMMEDIATE")  # the write lock at once: never a stale snapshot
            try:
                self._db.executemany("INSERT OR REPLACE INTO parses (parse_key, version, data, findings, summary) "
                                     "VALUES (?, ?, ?, ?, ?)", rows)
                self._db.executemany("UPDATE parses SET findings = COALESCE(?, findings), "
                                     "summary = COALESCE(?, summary) WHERE parse_key = ? AND version = ?", updates)
                self._db.execute("COMMIT")
            except BaseException:
                try:
                    self._db.execute("ROLLBACK")
                except sqlite3.Error:  # already rolled back (a full disk)
                    pass
                raise
        except sqlite3.DatabaseError as exc:
            if not _busy(exc) and "full" not in str(exc):
                self._rebuild()  # busy or a full disk: the next open parses these files again
            return False
        return True

    def _write(self, sql: str, parameters: tuple) -> None:
        if self._db is None:
            return
        try:
            self._db.execute(sql, parameters)
        except sqlite3.DatabaseError as exc:
            if not _busy(exc) and "full" not in str(exc):
                self._rebuild()  # busy or a full disk: the next open parses this file again

    def close(self) -> None:
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
            self._db = None

    def __enter__(self) -> "ParseCache":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
