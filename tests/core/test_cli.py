"""`python main.py extract` as an auditor's script would run it."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "corpus"


def run_extract(*targets) -> tuple[int, list[dict], str]:
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "extract", *map(str, targets)],
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    return proc.returncode, [json.loads(line) for line in proc.stdout.splitlines() if line.strip()], proc.stderr


def test_extract_prints_one_object_per_report_and_goes_on_past_bad_files(tmp_path):
    shutil.copy(CORPUS / "003_2385a1ea8664f14a.txt", tmp_path / "b-good.txt")
    (tmp_path / "a-empty.txt").write_bytes(b"")
    (tmp_path / "c-junk.pdf").write_bytes(b"%PDF-1.4 garbage \x00\x01\x02" * 50)
    (tmp_path / "sub").mkdir()
    shutil.copy(CORPUS / "001_2b6e7661ff84f527.txt", tmp_path / "sub" / "d-good.txt")
    (tmp_path / "notes.xyz").write_text("ignored: not a report format", encoding="utf-8")

    code, objects, stderr = run_extract(tmp_path)
    assert code == 0, stderr
    by_name = {Path(o["file"]).name: o for o in objects}
    assert sorted(by_name) == ["a-empty.txt", "b-good.txt", "c-junk.pdf", "d-good.txt"]
    assert by_name["a-empty.txt"]["problems"] == ["文件为空"]
    assert by_name["c-junk.pdf"]["problems"] and all(any("\u4e00" <= ch <= "\u9fff" for ch in p)
                                                     for p in by_name["c-junk.pdf"]["problems"])
    good = by_name["b-good.txt"]
    assert good["problems"] == [] and good["format"] == "txt" and good["encoding"] == "utf-8"
    assert good["section3"]["granted"]["natural"] == 12
    assert good["section4"]["litigation_direct"] == {"maintained": 5, "corrected": 0, "other": 1,
                                                     "pending": 0, "total": 6}
    flagged_rows = {f["cell"] for f in by_name["d-good.txt"]["flags"]}
    assert "section3.not_processed_complaint" in flagged_rows


def test_extract_names_a_missing_path(tmp_path):
    code, objects, _ = run_extract(tmp_path / "nowhere.txt")
    assert code == 1 and objects[0]["problems"] == ["文件或文件夹不存在"]
