"""The parse cache: a reopened file comes back exactly as a fresh parse, never stale, and a
damaged cache is rebuilt without a word."""
from __future__ import annotations

import dataclasses
import shutil
import sqlite3
from pathlib import Path

import pytest

import core.pipeline
from core.parse.cache import ParseCache, cache_path_beside, parse_key, report_key
from core.pipeline import load_report, report_files
from core.review.edits import ReportReview

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "samples"
# One file of every format the fixtures hold: text, Markdown, HTML, Word, PDF.
FILES = [FIXTURES / "filled-2021.docx", FIXTURES / "page-gb2312.html", FIXTURES / "report-2019.txt",
         FIXTURES / "corpus" / "huaian-2024.pdf", FIXTURES / "exports" / "consistent-2021.pandoc.md",
         FIXTURES / "exports" / "filled-2021.docx2txt.txt", next(SAMPLES.glob("*.txt"))]


@pytest.fixture
def cache(tmp_path):
    with ParseCache(tmp_path / "cache.sqlite3") as opened:
        yield opened


def _no_parsing(monkeypatch):
    def refuse(*_args):
        raise AssertionError("parsed although the cache holds the file")
    monkeypatch.setattr(core.pipeline, "_parse_file", refuse)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_a_cached_report_is_exactly_the_fresh_parse(path, cache, monkeypatch):
    fresh = load_report(path)
    assert fresh.cells and not fresh.problems  # a real report, worth caching
    load_report(path, cache)
    _no_parsing(monkeypatch)
    cached = load_report(path, cache)
    assert cached == fresh
    # repr tells 3 from 3.0 and a tuple from a list, which == does not
    assert repr(cached) == repr(fresh)


def test_a_copy_under_another_name_is_served_with_its_own_path(tmp_path, cache, monkeypatch):
    original = tmp_path / "甲.txt"
    shutil.copy(FIXTURES / "report-2019.txt", original)
    load_report(original, cache)
    copy = tmp_path / "乙.txt"
    shutil.copy(original, copy)
    _no_parsing(monkeypatch)
    assert load_report(copy, cache).file == str(copy)


def _same_bytes_as(folder: Path, *names: str) -> list[Path]:
    """The text fixture saved under each of these names."""
    paths = [folder / name for name in names]
    for path in paths:
        shutil.copy(FIXTURES / "report-2019.txt", path)
    return paths


def marked_text(fixture: Path) -> bytes:
    """A text export whose first line keeps a tag (「<p>根据…」): as .html a web page (a text with no
    tag at all is read as text whatever its name, qa26), as .txt the text it is."""
    return b"<p>" + fixture.read_bytes()


def test_the_same_bytes_under_names_of_other_formats_are_each_read_as_their_own(tmp_path, cache, monkeypatch):
    # The reader follows the extension: the bytes of a text export (a tag kept) saved as .html are
    # a web page, whose line breaks are spaces (one line, 第三部分's table not found), as .csv split
    # on commas.
    paths = _same_bytes_as(tmp_path, "a.csv", "a.html", "a.md", "a.txt")
    for path in paths:
        path.write_bytes(marked_text(FIXTURES / "report-2019.txt"))
    fresh = {path: load_report(path) for path in paths}  # each read alone, no cache
    assert [fresh[p].format for p in paths] == ["csv", "html", "md", "txt"]
    assert "\n" in fresh[paths[3]].text and not fresh[paths[3]].problems
    assert "\n" not in fresh[paths[1]].text.rstrip("\n")  # one line
    assert any("未找到第三部分统计表" in problem for problem in fresh[paths[1]].problems)
    first = [load_report(p, cache) for p in paths]  # one folder: each stored beside the others
    _no_parsing(monkeypatch)
    again = [load_report(p, cache) for p in paths]  # opened again: all from the cache
    assert [repr(r) for r in first] == [repr(r) for r in again] == [repr(fresh[p]) for p in paths]
    assert len({r.content_hash for r in again}) == 1  # the review database's key: the bytes alone


def test_names_that_pick_the_same_reader_share_one_cached_parse(tmp_path, cache, monkeypatch):
    # What of a name decides the reader: its last extension, in any case (.htm is .html, .text is .txt)
    names = ["a.txt", "B.TXT", "c.text", "d.html", "e.HTM", "f.x.html"]
    paths = _same_bytes_as(tmp_path, *names)
    fresh = {path: repr(load_report(path)) for path in paths}
    load_report(paths[0], cache)
    load_report(paths[3], cache)
    _no_parsing(monkeypatch)
    assert [repr(load_report(p, cache)) for p in paths] == [fresh[p] for p in paths]
    assert len({parse_key("f" * 64, name) for name in names}) == 2
    assert parse_key("", "a.txt") == ""


def test_a_cache_keyed_by_the_bytes_alone_is_rebuilt(tmp_path, capfd, monkeypatch):
    # the schema before the format was in the key: its rows may be another format's parse
    cache_file = tmp_path / "cache.sqlite3"
    html, = _same_bytes_as(tmp_path, "a.html")
    db = sqlite3.connect(cache_file)
    db.execute("CREATE TABLE parses (hash TEXT PRIMARY KEY, version TEXT NOT NULL, data BLOB NOT NULL, "
               "findings BLOB, summary TEXT)")
    db.execute("PRAGMA user_version=2")
    db.commit()
    db.close()
    fresh = repr(load_report(html))
    with ParseCache(cache_file) as cache:
        assert repr(load_report(html, cache)) == fresh
    _no_parsing(monkeypatch)
    with ParseCache(cache_file) as cache:
        assert repr(load_report(html, cache)) == fresh
    assert capfd.readouterr() == ("", "")


def test_a_changed_file_is_parsed_again(tmp_path, cache):
    path = tmp_path / "report.txt"
    text = (FIXTURES / "report-2019.txt").read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    before = load_report(path, cache)
    assert before.agency == "某某县人民政府办公室"
    path.write_text(text.replace("某某县", "某某市"), encoding="utf-8")
    after = load_report(path, cache)
    assert after.agency == "某某市人民政府办公室"
    assert after.content_hash != before.content_hash


def test_a_new_parser_version_parses_again(tmp_path, monkeypatch):
    path = FIXTURES / "report-2019.txt"
    with ParseCache(tmp_path / "cache.sqlite3", version="1-old") as old:
        load_report(path, old)
        assert old.get(report_key(load_report(path))) is not None
    with ParseCache(tmp_path / "cache.sqlite3", version="2-new") as new:
        assert new.get(report_key(load_report(path))) is None
        calls = []
        real = core.pipeline._parse_file
        monkeypatch.setattr(core.pipeline, "_parse_file", lambda p, *read: calls.append(p) or real(p, *read))
        load_report(path, new)
        assert calls == [path]


def test_a_file_with_a_problem_is_not_kept(tmp_path, cache):
    empty = tmp_path / "空.txt"
    empty.write_bytes(b"")
    assert load_report(empty, cache).problems
    assert cache.get(load_report(empty).content_hash) is None


def _assert_rebuilt_silently(cache_file: Path, capfd, monkeypatch):
    path = FIXTURES / "report-2019.txt"
    with ParseCache(cache_file) as cache:
        first = load_report(path, cache)
        assert not first.problems
    _no_parsing(monkeypatch)
    with ParseCache(cache_file) as cache:  # the rebuilt cache works again
        assert load_report(path, cache) == first
    assert capfd.readouterr() == ("", "")


def test_a_file_that_is_not_a_database_is_rebuilt(tmp_path, capfd, monkeypatch):
    cache_file = tmp_path / "cache.sqlite3"
    cache_file.write_bytes(b"\x00garbage" * 500)
    _assert_rebuilt_silently(cache_file, capfd, monkeypatch)


def test_a_database_of_another_schema_is_rebuilt(tmp_path, capfd, monkeypatch):
    cache_file = tmp_path / "cache.sqlite3"
    db = sqlite3.connect(cache_file)
    db.execute("CREATE TABLE parses (something TEXT)")
    db.commit()
    db.close()
    _assert_rebuilt_silently(cache_file, capfd, monkeypatch)


def test_an_unreadable_row_is_parsed_again_and_replaced(cache, capfd, monkeypatch):
    path = FIXTURES / "report-2019.txt"
    fresh = load_report(path)
    cache._db.execute("INSERT INTO parses (parse_key, version, data) VALUES (?, ?, ?)",
                      (report_key(fresh), cache.version, b"not zlib"))
    assert load_report(path, cache) == fresh
    _no_parsing(monkeypatch)
    assert load_report(path, cache) == fresh
    assert capfd.readouterr() == ("", "")


def test_the_cache_lives_beside_the_review_database(tmp_path, monkeypatch):
    monkeypatch.delenv("GONGKAI_PARSE_CACHE", raising=False)
    assert cache_path_beside(tmp_path / "reviews.sqlite3") == tmp_path / "parse-cache.sqlite3"
    monkeypatch.setenv("GONGKAI_PARSE_CACHE", "off")
    assert cache_path_beside(tmp_path / "reviews.sqlite3") is None


def test_a_whole_folder_reopened_equals_the_first_open(tmp_path):
    files = list(report_files(FIXTURES))
    with ParseCache(tmp_path / "cache.sqlite3") as cache:
        first = [load_report(p, cache) for p in files]
    with ParseCache(tmp_path / "cache.sqlite3") as cache:
        again = [load_report(p, cache) for p in files]
    assert [repr(r) for r in again] == [repr(r) for r in first]


def test_findings_are_kept_beside_the_report(tmp_path):
    from core.check.rules import check
    path = FIXTURES / "page-gb2312.html"
    with ParseCache(tmp_path / "cache.sqlite3") as cache:
        report = load_report(path, cache)
        assert cache.get_findings(report_key(report)) is None  # not checked yet
        findings = check(report)
        cache.put_findings(report_key(report), findings)
    with ParseCache(tmp_path / "cache.sqlite3") as cache:
        assert repr(cache.get_findings(report_key(report))) == repr(findings)


def test_an_edit_of_the_parser_source_is_another_version(tmp_path, monkeypatch):
    import core.parse.cache as cache_module
    core_copy = tmp_path / "core"
    shutil.copytree(Path(cache_module.__file__).resolve().parents[1], core_copy)
    monkeypatch.setattr(cache_module, "_CORE", core_copy)
    cache_module.parser_version.cache_clear()
    before = cache_module.parser_version()
    parser_source = core_copy / "parse" / "parser.py"
    parser_source.write_text(parser_source.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    cache_module.parser_version.cache_clear()
    try:
        assert cache_module.parser_version() != before
    finally:
        cache_module.parser_version.cache_clear()


def test_the_rows_of_a_folder_come_in_one_read_and_only_for_this_version(tmp_path):
    files = [FIXTURES / "page-gb2312.html", FIXTURES / "report-2019.txt"]
    with ParseCache(tmp_path / "cache.sqlite3") as cache:
        reports = [load_report(p, cache) for p in files]
        cache.put_summary(report_key(reports[0]), ["row", 1, "一"])
        cache.put_summary("f" * 64, ["never parsed"])  # no parse stored for it: not kept
        assert cache.summaries([report_key(r) for r in reports] + ["f" * 64]) == {
            report_key(reports[0]): ["row", 1, "一"]}
    with ParseCache(tmp_path / "cache.sqlite3", version="another parser") as cache:
        assert cache.summaries([report_key(r) for r in reports]) == {}
    with ParseCache(tmp_path / "cache.sqlite3") as cache:  # a fresh parse forgets the old row
        cache.put(reports[0])
        assert cache.summaries([report_key(reports[0])]) == {}


def test_which_parses_are_stored_is_asked_for_many_files_at_once(tmp_path):
    files = [FIXTURES / "page-gb2312.html", FIXTURES / "report-2019.txt"]
    with ParseCache(tmp_path / "cache.sqlite3") as cache:
        stored = load_report(files[0], cache)
        fresh = load_report(files[1])  # parsed without the cache: not in it
        assert cache.stored([report_key(stored), report_key(fresh), ""]) == {report_key(stored)}
        with cache.held_writes():  # a parse held for the block's transaction counts as stored
            cache.put(fresh)
            assert cache.stored([report_key(fresh)]) == {report_key(fresh)}
    with ParseCache(tmp_path / "cache.sqlite3", version="another parser") as cache:
        assert cache.stored([report_key(stored), report_key(fresh)]) == set()


def test_reports_read_ahead_come_back_as_stored_and_a_write_replaces_them(tmp_path):
    files = [FIXTURES / "page-gb2312.html", FIXTURES / "report-2019.txt"]
    with ParseCache(tmp_path / "cache.sqlite3") as cache:
        reports = [load_report(p, cache) for p in files]
        cache.put_findings(report_key(reports[0]), [])
        keys = [report_key(r) for r in reports]
        with cache.read_ahead(keys + ["f" * 64]):
            stored = [repr(dataclasses.replace(r, file="")) for r in reports]  # kept without its path
            assert [repr(cache.get(k)) for k in keys] == stored
            assert cache.get_findings(keys[0]) == [] and cache.get_findings(keys[1]) is None
            assert cache.get("f" * 64) is None
            cache.put_findings(keys[1], [])  # written in the block: read as written
            assert cache.get_findings(keys[1]) == []
        assert repr(cache.get(keys[0])) == stored[0]


def test_many_cells_survive_the_compact_form_exactly():
    from core.model import CellValue
    from core.parse.cache import dumps, loads
    report = load_report(FIXTURES / "report-2019.txt")
    report.cells["section3.x"] = CellValue(1.5, "number", "1.5", None)
    report.cells["section3.y"] = CellValue(None, "blank", "", (3, 3))
    assert repr(loads(dumps(report))) == repr(report)


def test_cells_in_the_template_s_order_or_not_survive_exactly():
    """Cells as the parser lays them out (the template's paths, in order), a 2021 report stored
    as a 2019 one, cells in another order and a cell missing: each comes back as it was, in its
    order."""
    from core.parse.cache import dumps, loads
    for path in (FIXTURES / "report-2019.txt", next(SAMPLES.glob("*.txt"))):
        report = load_report(path)
        assert list(loads(dumps(report)).cells) == list(report.cells)
        assert repr(loads(dumps(report))) == repr(report)
        other = dataclasses.replace(report, template="2019" if report.template == "2021" else "2021")
        assert repr(loads(dumps(other))) == repr(other)
        shuffled = dataclasses.replace(report, cells=dict(reversed(report.cells.items())))
        assert list(loads(dumps(shuffled)).cells) == list(reversed(report.cells))
        fewer = dataclasses.replace(report, cells=dict(list(report.cells.items())[1:]))
        assert repr(loads(dumps(fewer))) == repr(fewer)


def test_reports_read_from_the_cache_share_their_short_texts():
    """A folder of cached reports takes no more memory than freshly parsed ones: the same cell
    path, state or printed value is one string object in every report read back."""
    from core.parse.cache import dumps, loads
    first, second = (loads(dumps(load_report(path))) for path in (next(SAMPLES.glob("*.txt")),
                                                                   FIXTURES / "exports" / "filled-2021.docx2txt.txt"))
    shared = [path for path in first.cells if path in second.cells]
    assert shared
    for path in shared:
        key = next(k for k in second.cells if k == path)
        assert key is path
        for mine, theirs in ((first.cells[path].state, second.cells[path].state),
                             (first.cells[path].raw, second.cells[path].raw)):
            assert mine is theirs or mine != theirs
    findings = [loads(dumps(list(ReportReview(report).findings())), list) for report in (first, second)]
    rules = {f.rule: f.rule for f in findings[0]}
    assert all(rules.get(f.rule, f.rule) is f.rule for f in findings[1])


def test_findings_with_suggestions_and_odd_values_survive_exactly():
    from core.model import Finding, Suggestion
    from core.parse.cache import dumps, loads
    findings = [Finding("t3.sum", "error", ["t3.a", "t3.b"], "合计不等", 12, 11.5, Suggestion("t3.b", 12)),
                Finding("t2.x", "doubt", [], "存疑", None, True, None)]
    assert repr(loads(dumps(findings), list)) == repr(findings)


def test_a_value_the_fast_form_cannot_hold_takes_the_generic_one():
    from core.parse.cache import dumps, loads

    class Note(str):  # e.g. a str subclass: marshal refuses it
        pass
    report = load_report(FIXTURES / "report-2019.txt")
    report.problems.append(Note("某个问题"))
    report.section_spans[9] = (1, 2)
    back = loads(dumps(report))
    assert back.problems[-1] == "某个问题" and type(back.problems[-1]) is str
    assert repr(back) == repr(report)


def test_the_causes_of_flags_survive_both_forms():
    """The rules read a flag's causes (core.model): a report read back from the cache keeps them,
    in the fast form and in the generic one."""
    from core.model import GLUED_NO_CUT, GLUED_UNDECIDED, Flag
    from core.parse.cache import dumps, loads

    class Note(str):  # marshal refuses it: the report takes the generic form
        pass
    report = load_report(FIXTURES / "report-2019.txt")
    report.flags += [Flag("section4", "parse", "表四的数字粘连在一起", (GLUED_NO_CUT, GLUED_UNDECIDED)),
                     Flag("section3.granted", "parse", "「（一）予以公开」行印有6个数值，模板为7列，请对照原文核对")]
    generic = dataclasses.replace(report, problems=[*report.problems, Note("某个问题")])
    for original in (report, generic):
        back = loads(dumps(original))
        assert [f.causes for f in back.flags[-2:]] == [(GLUED_NO_CUT, GLUED_UNDECIDED), ()]
        assert repr(back) == repr(original)


def test_held_writes_are_seen_at_once_here_and_by_others_when_the_block_ends(tmp_path):
    # A worker loads its files with the writes held: one transaction for all of them.
    from core.check.rules import check
    files = [FIXTURES / "page-gb2312.html", FIXTURES / "report-2019.txt"]
    with ParseCache(tmp_path / "cache.sqlite3") as cache, ParseCache(tmp_path / "cache.sqlite3") as other:
        old = load_report(FIXTURES / "exports" / "filled-2021.docx2txt.txt", cache)  # stored before
        with cache.held_writes():
            reports = [load_report(p, cache) for p in files]
            findings = check(reports[0])
            cache.put_findings(report_key(reports[0]), findings)
            cache.put_summary(report_key(reports[0]), ["row", 1, "一"])
            cache.put_summary(report_key(old), ["old row"])
            cache.put_summary("f" * 64, ["never parsed"])
            assert all(cache.holds(report_key(r)) for r in reports)  # seen here...
            assert repr(cache.get_findings(report_key(reports[0]))) == repr(findings)
            assert cache.get_findings(report_key(reports[1])) is None
            assert not any(other.holds(report_key(r)) for r in reports)  # ...not yet elsewhere
        stored = other.get(report_key(reports[1]))
        stored.file = str(files[1])
        assert repr(stored) == repr(load_report(files[1]))
        assert repr(other.get_findings(report_key(reports[0]))) == repr(findings)
        assert other.summaries([report_key(reports[0]), report_key(old), "f" * 64]) == {
            report_key(reports[0]): ["row", 1, "一"], report_key(old): ["old row"]}


def _review_database(path: Path, user_version: int) -> None:
    """The auditor's review database (its edits table and one edit), of the given schema."""
    from core.review.edits import CellEdit
    from core.review.store import ReviewStore
    with ReviewStore(path) as store:
        store.add_edit("abc", CellEdit("section3.new.total", 1, 2, "核对原文", "2026-12-01T10:00:00"))
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version={user_version}")
    db.commit()
    db.close()


@pytest.mark.parametrize("user_version", [2, 3])
def test_another_programs_database_at_the_caches_path_is_neither_deleted_nor_changed(tmp_path, user_version):
    """A review database where the cache would live ($GONGKAI_PARSE_CACHE pointing at it, or
    reviews kept under the cache's name) is not the cache's to rebuild: it keeps its edits (a
    later schema, 3, was deleted as 'another schema'), gains no table, and the cache goes without."""
    target = tmp_path / "parse-cache.sqlite3"
    _review_database(target, user_version)
    with ParseCache(target) as cache:
        assert load_report(FIXTURES / "report-2019.txt", cache).cells  # read all the same
    db = sqlite3.connect(target)
    tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    edits = db.execute("SELECT new FROM edits WHERE hash = 'abc'").fetchall()
    db.close()
    assert "parses" not in tables and edits == [("2",)]


def test_a_review_database_named_like_the_cache_gets_no_cache_beside_it(tmp_path, monkeypatch):
    monkeypatch.delenv("GONGKAI_PARSE_CACHE", raising=False)
    assert cache_path_beside(tmp_path / "parse-cache.sqlite3") is None


def test_a_cache_of_the_schema_before_packed_reports_is_rebuilt_without_a_word(tmp_path, capfd, monkeypatch):
    """first71: a report is stored in two parts now (the window reads its row's facts and decodes
    its cells only when it is opened). A cache written before, its row for report-2019.txt in the
    old form (under this parser's version, as if nothing else had changed), is rebuilt as it opens:
    the report is parsed again, the same as a fresh parse, and taken from the cache after."""
    cache_file = tmp_path / "parse-cache.sqlite3"
    shutil.copy(FIXTURES / "cache" / "parse-cache-schema3.sqlite3", cache_file)
    path = FIXTURES / "report-2019.txt"
    db = sqlite3.connect(cache_file)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 3
    (key, data), = db.execute("SELECT parse_key, data FROM parses").fetchall()
    assert key == report_key(load_report(path)) and data[:1] == b"M"  # the old fast form
    with ParseCache(cache_file) as probe:
        version = probe.version
    shutil.copy(FIXTURES / "cache" / "parse-cache-schema3.sqlite3", cache_file)  # (the probe rebuilt it)
    db = sqlite3.connect(cache_file)
    db.execute("UPDATE parses SET version = ?", (version,))
    db.commit()
    db.close()
    fresh = load_report(path)
    with ParseCache(cache_file) as cache:
        assert not cache.holds(key)
        assert load_report(path, cache) == fresh
    _no_parsing(monkeypatch)
    with ParseCache(cache_file) as cache:
        assert load_report(path, cache) == fresh
    assert sqlite3.connect(cache_file).execute("PRAGMA user_version").fetchone()[0] == 4
    assert capfd.readouterr() == ("", "")


def test_a_report_whose_stored_cells_were_damaged_is_parsed_again_not_failed_as_it_opens(cache, monkeypatch):
    """The cells of a report read from the cache are decoded when it is opened: a row damaged on the
    disk (a byte of its cells changed) is found as the row is read, and the file parsed again."""
    path = FIXTURES / "report-2019.txt"
    fresh = load_report(path, cache)
    data, = cache._db.execute("SELECT data FROM parses").fetchone()
    damaged = data[:-10] + bytes([data[-10] ^ 0xFF]) + data[-9:]
    cache._db.execute("UPDATE parses SET data = ?", (damaged,))
    parsed = []
    real = core.pipeline._parse_file
    monkeypatch.setattr(core.pipeline, "_parse_file", lambda *args: parsed.append(1) or real(*args))
    assert load_report(path, cache) == fresh and parsed == [1]


def test_reports_from_the_cache_are_linked_and_ranked_before_their_cells_are_decoded(tmp_path):
    """The window links a folder's years and ranks each year's copies from what the cache keeps
    beside a report's cells (whether it has any, whether its tables were read whole), decoding no
    report; their cross-year findings are then those of freshly parsed reports."""
    from core.compare.years import UNTOUCHED, copies_key, copy_rank, link_previous_years
    from core.parse.cache import dumps, loads
    folder = FIXTURES / "compare" / "huaian"
    fresh = [ReportReview(load_report(path)) for path in sorted(folder.glob("*.txt"))]
    packed = []
    for review in fresh:
        report = loads(dumps(review.report))
        report.file = review.report.file
        packed.append(ReportReview(report))
    assert link_previous_years(packed) == [packed[1]] and packed[1].previous_year is packed[0]
    assert [copies_key(r.report) for r in packed] == [("淮安市人民政府办公室", 2023), ("淮安市人民政府办公室", 2024)]
    assert [copy_rank(r) for r in packed] == [UNTOUCHED, UNTOUCHED]
    assert all("_packed" in vars(r.report) for r in packed)  # nothing decoded for it
    link_previous_years(fresh)
    assert fresh[1].previous_year is fresh[0]
    assert packed[1].findings() == fresh[1].findings() and packed[1].report == fresh[1].report
