"""`python main.py compare` as another tool would call it: the JSON contract and the refusals."""
from __future__ import annotations

import json
import os
import subprocess
import tempfile
import sys
from pathlib import Path

from core.pipeline import load_report
from core.review.edits import CellEdit
from core.review.store import ReviewStore

ROOT = Path(__file__).resolve().parent.parent.parent
COMPARE = ROOT / "tests" / "fixtures" / "compare"
HUAIAN_2023 = COMPARE / "huaian" / "淮安市人民政府办公室2023年报告.txt"
HUAIAN_2024 = COMPARE / "huaian" / "淮安市人民政府办公室2024年报告.txt"
COUNTY_2021 = COMPARE / "county" / "某某县人民政府办公室2021年报告.txt"


def run_compare(*args, db=None) -> subprocess.CompletedProcess:
    """The CLI with a profile of its own: no test reads the developer's review database (the
    default one, in the user data folder, or $GONGKAI_DB's: ``db``, else one that does not exist)."""
    with tempfile.TemporaryDirectory(prefix="compare-cli-") as profile:  # (left behind, 250 piled up in /tmp)
        env = {**os.environ, "XDG_DATA_HOME": profile, "LOCALAPPDATA": profile,
               "GONGKAI_DB": str(db or Path(profile) / "none.sqlite3")}
        return subprocess.run([sys.executable, str(ROOT / "main.py"), "compare", *map(str, args)],
                              capture_output=True, text=True, encoding="utf-8", timeout=120, env=env)


def test_two_files_give_one_object_in_the_documented_shape():
    proc = run_compare(HUAIAN_2024, HUAIAN_2023)  # either order
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 1
    out = json.loads(lines[0])
    assert list(out) == ["previous", "current", "cells", "changed", "only_one_version", "findings", "reuse"]
    assert out["only_one_version"] == {"previous": [], "current": []}  # one template version: none
    assert out["previous"] == {"file": str(HUAIAN_2023), "agency": "淮安市人民政府办公室", "year": 2023}
    assert out["current"]["year"] == 2024
    # every cell of the 2021 template (10 + 175 + 15), in template order
    assert len(out["cells"]) == 200
    assert out["cells"][0] == {"cell": "section2.rules.issued", "previous": 2, "current": 1}
    assert {"cell": "section3.new.total", "previous": 2834, "current": 3119} in out["cells"]
    assert out["changed"] == {"section2": 7, "section3": 10, "section4": 2}
    assert out["findings"] == []
    assert set(out["reuse"]) == {"overall", "sections"}
    assert set(out["reuse"]["sections"]) == {"一", "五", "六"}


def test_a_folder_gives_every_consecutive_pair_as_json_lines():
    proc = run_compare(COMPARE)
    assert proc.returncode == 0, proc.stderr
    objects = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [(o["previous"]["year"], o["current"]["year"], o["current"]["agency"]) for o in objects] == [
        (2020, 2021, "某某县人民政府办公室"), (2023, 2024, "淮安市人民政府办公室")]


def test_different_agencies_and_the_same_year_are_refused_in_chinese():
    for pair, words in (((COUNTY_2021, HUAIAN_2024), "不是同一单位"), ((HUAIAN_2024, HUAIAN_2024), "同一年度")):
        proc = run_compare(*pair)
        assert proc.returncode != 0 and proc.stdout == ""
        assert words in proc.stderr


def test_a_missing_file_is_refused():
    proc = run_compare(HUAIAN_2023, COMPARE / "nowhere.txt")
    assert proc.returncode != 0 and "不存在" in proc.stderr


def test_corrections_from_the_review_database_are_compared(tmp_path):
    db = tmp_path / "reviews.sqlite3"
    store = ReviewStore(db)
    report = load_report(HUAIAN_2024)
    store.add_edits(report.content_hash, [CellEdit("section3.carried_over.total", 34, 40)], report.file)
    store.close()
    proc = run_compare(HUAIAN_2023, HUAIAN_2024, "--db", db)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert [(f["rule"], f["cells"], f["expected"], f["actual"]) for f in out["findings"]] == [
        ("X-1", ["section3.carried_over.total"], 34, 40)]


def test_the_windows_database_is_compared_unless_the_original_is_asked_for(tmp_path):
    """qa27: `compare` ignored the auditor's corrections unless given --db, while `export` and the
    window use them: the same two reports compared in the window and on the command line differed."""
    db = tmp_path / "reviews.sqlite3"
    store = ReviewStore(db)
    report = load_report(HUAIAN_2024)
    store.add_edits(report.content_hash, [CellEdit("section3.carried_over.total", 34, 40)], report.file)
    store.close()
    corrected = json.loads(run_compare(HUAIAN_2023, HUAIAN_2024, db=db).stdout)  # $GONGKAI_DB, as the window
    current = {c["cell"]: c["current"] for c in corrected["cells"]}
    assert current["section3.carried_over.total"] == 40
    assert [f["rule"] for f in corrected["findings"]] == ["X-1"]
    proc = run_compare(HUAIAN_2023, HUAIAN_2024, "--original", db=db)
    assert proc.returncode == 0, proc.stderr
    printed = json.loads(proc.stdout)
    assert {c["cell"]: c["current"] for c in printed["cells"]}["section3.carried_over.total"] == 34
    assert printed["findings"] == []
    assert not (Path(tmp_path) / "none.sqlite3").exists()


def test_a_year_filed_twice_pairs_the_copy_reviewed_in_the_database(tmp_path):
    """qa17: the window pairs the copy of a year the auditor reviewed (core.compare.years.copy_rank);
    `compare FOLDER --db` paired the first copy whatever the database held."""
    folder = tmp_path / "twice"
    folder.mkdir()
    for source in (HUAIAN_2023, HUAIAN_2024):
        (folder / source.name).write_bytes(source.read_bytes())
    revised = folder / "淮安市人民政府办公室2024年报告（修订）.txt"
    revised.write_text(HUAIAN_2024.read_text(encoding="utf-8").replace("1288\t21", "1289\t21"), encoding="utf-8")
    proc = run_compare(folder)
    assert [json.loads(line)["current"]["file"] for line in proc.stdout.splitlines()] == [
        str(folder / HUAIAN_2024.name)]  # nothing reviewed: the first copy
    db = tmp_path / "reviews.sqlite3"
    store = ReviewStore(db)
    report = load_report(revised)
    store.add_edits(report.content_hash, [CellEdit("section3.granted.natural", 1289, 1288)], report.file)
    store.close()
    proc = run_compare(folder, "--db", db)
    assert proc.returncode == 0, proc.stderr
    [out] = [json.loads(line) for line in proc.stdout.splitlines()]
    assert out["current"]["file"] == str(revised)
    assert {"cell": "section3.granted.natural", "previous": 1088, "current": 1288} in out["cells"]
