"""A verdict on a cross-year finding (X-1..X-4) stands for both years' values: an edit of last year's
cell the finding compares, after the verdict, makes it lapse (the finding open again), and the
undo brings it back; kept across a restart and read from a database saved before (core/review)."""
from __future__ import annotations

import json
import sqlite3

from core.compare.comparison import Comparison
from core.review.edits import CONFIRMED, DISMISSED, CellEdit, ReportReview, verdict_on
from core.review.store import SCHEMA_VERSION, ReviewStore
from tests.core.review.test_edits import VALUES_2021, make_report

CARRIED_FORWARD = "section3.carried_forward.natural"  # last year's 结转下年度, compared by X-1
CARRIED_OVER = "section3.carried_over.natural"  # this year's 上年结转 (0)
PREVIOUS_HASH, CURRENT_HASH = "cd" * 32, "ab" * 32


def last_year():
    """2022: 3 applications carried forward, where 2023 says none were carried over (X-1)."""
    return make_report(file="/data/reports/某某区人民政府办公室2022.txt", year=2022, content_hash=PREVIOUS_HASH,
                       values={**VALUES_2021, CARRIED_FORWARD: 3})


def this_year():
    return make_report(content_hash=CURRENT_HASH)


def paired(before: ReportReview, now: ReportReview) -> ReportReview:
    now.previous_year = before
    return now


def x_finding(review: ReportReview, rule: str, cell: str):
    (finding,) = [f for f in review.findings() if f.rule == rule and cell in f.cells]
    return finding


def test_editing_last_years_compared_cell_makes_the_verdict_lapse_and_the_undo_brings_it_back():
    """X-1 dismissed 「上年报告结转数有误」 on 0 against last year's 3; the auditor then corrects last
    year's 结转下年度 to 4: 0 against 4 is another discrepancy, open again, counted open, the verdict
    kept as lapsed. Ctrl+Z in last year's report gives the verdict back."""
    before = ReportReview(last_year())
    now = paired(before, ReportReview(this_year()))
    x1 = x_finding(now, "X-1", CARRIED_OVER)
    now.set_verdict(verdict_on(x1, DISMISSED, "上年报告结转数有误"))
    assert now.verdict_of(x1).note == "上年报告结转数有误"
    handled = now.counts(now.findings())[3]

    edit = CellEdit(CARRIED_FORWARD, 3, 4)
    before.apply(edit)
    x1 = x_finding(now, "X-1", CARRIED_OVER)
    assert "4件" in x1.message
    assert now.verdict_of(x1) is None and not now.is_dismissed(x1)
    assert now.lapsed_verdict_of(x1).lapsed_label == "已忽略（已失效）"
    assert now.counts(now.findings())[3] == handled - 1
    assert x1 in now.open_findings(now.findings())
    assert now.resolved_verdicts(now.findings()) == []  # open again, not 已消除

    before.revert(edit)  # Ctrl+Z in last year's report
    x1 = x_finding(now, "X-1", CARRIED_OVER)
    assert now.verdict_of(x1).note == "上年报告结转数有误" and now.lapsed_verdict_of(x1) is None


def test_an_edit_of_another_cell_of_last_year_keeps_the_verdict_and_x2_follows_its_own_cell():
    """X-2 compares last year's 现行有效件数 of the same row: an edit of it makes X-2's verdict lapse;
    X-1's stands (last year's 结转下年度 untouched), and so does X-2's on the other row."""
    before = ReportReview(last_year())
    now = paired(before, ReportReview(this_year()))
    x1 = x_finding(now, "X-1", CARRIED_OVER)
    rules = x_finding(now, "X-2", "section2.rules.in_force")
    normative = x_finding(now, "X-2", "section2.normative_docs.in_force")
    for finding in (x1, rules, normative):
        now.set_verdict(verdict_on(finding, CONFIRMED, "请单位核实"))
    before.apply(CellEdit("section2.rules.in_force", 10, 8))
    before.apply(CellEdit("section3.granted.natural", 8, 3))  # compared by no X rule
    assert now.verdict_of(x_finding(now, "X-1", CARRIED_OVER)) is not None
    assert now.verdict_of(x_finding(now, "X-2", "section2.normative_docs.in_force")) is not None
    rules = x_finding(now, "X-2", "section2.rules.in_force")
    assert now.verdict_of(rules) is None and now.lapsed_verdict_of(rules).note == "请单位核实"


def test_this_years_edit_still_makes_it_lapse_and_a_verdict_given_after_last_years_edit_stands():
    before = ReportReview(last_year())
    now = paired(before, ReportReview(this_year()))
    before.apply(CellEdit(CARRIED_FORWARD, 3, 4))
    x1 = x_finding(now, "X-1", CARRIED_OVER)
    now.set_verdict(verdict_on(x1, DISMISSED, "以上年为准"))  # given on 4
    assert now.verdict_of(x1) is not None
    now.apply(CellEdit(CARRIED_OVER, 0, 1))
    x1 = x_finding(now, "X-1", CARRIED_OVER)
    assert now.verdict_of(x1) is None and now.lapsed_verdict_of(x1) is not None


def test_another_copy_of_last_year_standing_with_other_values_makes_it_lapse():
    """The verdict was given on last year's 3; another copy of last year (another hash) stands for
    it now and holds 5: the values compared are not those the verdict was given on."""
    before = ReportReview(last_year())
    now = paired(before, ReportReview(this_year()))
    now.set_verdict(verdict_on(x_finding(now, "X-1", CARRIED_OVER), DISMISSED, "上年有误"))
    other = make_report(file="/data/reports/某某区2022.docx", year=2022, content_hash="ef" * 32,
                        values={**VALUES_2021, CARRIED_FORWARD: 5})
    now.previous_year = ReportReview(other)
    assert now.lapsed_verdict_of(x_finding(now, "X-1", CARRIED_OVER)) is not None
    now.previous_year = before  # back to the copy it was given on
    assert now.verdict_of(x_finding(now, "X-1", CARRIED_OVER)) is not None


def test_the_lapse_survives_a_restart_and_so_does_its_undo(tmp_path):
    db = tmp_path / "reviews.sqlite3"
    with ReviewStore(db) as store:
        before = store.review_for(last_year())
        now = paired(before, store.review_for(this_year()))
        store.give_verdict(now, verdict_on(x_finding(now, "X-1", CARRIED_OVER),
                                           DISMISSED, "上年报告结转数有误"))
        edit = CellEdit(CARRIED_FORWARD, 3, 4)
        store.apply(before, edit)
    with ReviewStore(db) as store:
        before = store.review_for(last_year())
        now = paired(before, store.review_for(this_year()))
        assert now.verdict_trail[-1].previous == ((CARRIED_FORWARD, 3),)
        x1 = x_finding(now, "X-1", CARRIED_OVER)
        assert now.verdict_of(x1) is None and now.lapsed_verdict_of(x1).note == "上年报告结转数有误"
        store.revert(before, edit)
    with ReviewStore(db) as store:
        now = paired(store.review_for(last_year()), store.review_for(this_year()))
        assert now.verdict_of(x_finding(now, "X-1", CARRIED_OVER)).note == "上年报告结转数有误"


def test_the_comparison_shows_the_verdict_lapsed_as_the_review_does():
    """年度对照's 比对 draws copies of both reviews: the copy of this year is paired with the copy of
    last year, so its X cards and exports see last year's edit too."""
    before = ReportReview(last_year())
    now = paired(before, ReportReview(this_year()))
    now.set_verdict(verdict_on(x_finding(now, "X-1", CARRIED_OVER), DISMISSED, "上年有误"))
    before.apply(CellEdit(CARRIED_FORWARD, 3, 4))
    comparison = Comparison(before, now)
    (x1,) = [f for f in comparison.findings if f.rule == "X-1" and CARRIED_OVER in f.cells]
    assert comparison.current.verdict_of(x1) is None
    assert comparison.current.lapsed_verdict_of(x1).note == "上年有误"


V4_SCHEMA = """
    CREATE TABLE edits (hash TEXT NOT NULL, seq INTEGER NOT NULL, cell TEXT NOT NULL, old TEXT NOT NULL,
        new TEXT NOT NULL, note TEXT NOT NULL, time TEXT NOT NULL, file TEXT NOT NULL, undo INTEGER,
        PRIMARY KEY (hash, seq));
    CREATE TABLE verdicts (hash TEXT NOT NULL, seq INTEGER NOT NULL, rule TEXT NOT NULL, cells TEXT NOT NULL,
        verdict TEXT NOT NULL, note TEXT NOT NULL, time TEXT NOT NULL, file TEXT NOT NULL, position INTEGER,
        PRIMARY KEY (hash, seq));
    CREATE TABLE reviews (hash TEXT PRIMARY KEY, reviewed INTEGER NOT NULL, updated TEXT NOT NULL);
    PRAGMA user_version=4;
"""


def test_cross_year_verdicts_of_a_version_4_database_are_kept_and_lapse_only_on_a_later_edit(tmp_path):
    """Saved before last year's values were recorded: the verdicts are all read back, and one lapses
    only on an edit of last year's compared cell stamped after it (to the second, as the places of
    version 3's verdicts are read); the column is added (version 5)."""
    db = tmp_path / "reviews.sqlite3"
    old = sqlite3.connect(str(db))
    old.executescript(V4_SCHEMA)
    old.executemany("INSERT INTO verdicts VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)", [
        (CURRENT_HASH, 1, "X-1", json.dumps([CARRIED_OVER]), DISMISSED, "上年有误",
         "2024-03-05T10:00:00+08:00", "/data/a.txt"),
        (CURRENT_HASH, 2, "X-2", json.dumps(["section2.rules.in_force"]), CONFIRMED, "请核实",
         "2024-03-05T10:10:00+08:00", "/data/a.txt")])
    old.executemany("INSERT INTO edits VALUES (?, ?, ?, ?, ?, '', ?, '/data/b.txt', 0)", [
        (PREVIOUS_HASH, 1, "section2.rules.in_force", "10", "8", "2024-03-05T10:05:00+08:00"),
        (PREVIOUS_HASH, 2, CARRIED_FORWARD, "3", "4", "2024-03-05T10:05:00+08:00")])
    old.commit()
    old.close()
    with ReviewStore(db) as store:
        now = paired(store.review_for(last_year()), store.review_for(this_year()))
        assert [(v.rule, v.note, v.previous) for v in now.verdict_trail] == \
            [("X-1", "上年有误", None), ("X-2", "请核实", None)]
        x1 = x_finding(now, "X-1", CARRIED_OVER)
        assert now.verdict_of(x1) is None and now.lapsed_verdict_of(x1).note == "上年有误"  # edited after it
        assert now.verdict_of(x_finding(now, "X-2", "section2.rules.in_force")).note == "请核实"  # before it
    columns = [row[1] for row in sqlite3.connect(str(db)).execute("PRAGMA table_info(verdicts)")]
    assert "previous" in columns
    assert sqlite3.connect(str(db)).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 5
