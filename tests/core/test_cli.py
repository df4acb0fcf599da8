"""`python main.py …` as an auditor's script would run it: output, messages and every exit code.

Exit codes: 0 done; 1 a path that does not exist (after the other files) or a failed export;
2 a usage error (unknown command or option, unsupported export format).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
GOOD = CORPUS / "003_2385a1ea8664f14a.txt"


def run_main(*args, timeout: int = 120) -> subprocess.CompletedProcess:
    """main.py in a fresh process. A window would never return: the timeout fails the test."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", timeout=timeout, env=env, cwd=ROOT)


def run_extract(*targets) -> tuple[int, list[dict], str]:
    proc = run_main("extract", *targets)
    return proc.returncode, [json.loads(line) for line in proc.stdout.splitlines() if line.strip()], proc.stderr


def is_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def assert_one_chinese_line(stderr: str) -> None:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert "Traceback" not in stderr
    assert lines and is_chinese(lines[-1]) and "错误" in lines[-1], stderr


# --- extract --------------------------------------------------------------------------------

def test_extract_prints_one_object_per_report_and_goes_on_past_bad_files(tmp_path):
    shutil.copy(GOOD, tmp_path / "b-good.txt")
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
    assert by_name["c-junk.pdf"]["problems"] and all(is_chinese(p) for p in by_name["c-junk.pdf"]["problems"])
    good = by_name["b-good.txt"]
    assert good["problems"] == [] and good["format"] == "txt" and good["encoding"] == "utf-8"
    assert good["section3"]["granted"]["natural"] == 12
    assert good["section4"]["litigation_direct"] == {"maintained": 5, "corrected": 0, "other": 1,
                                                     "pending": 0, "total": 6}
    flagged_rows = {f["cell"] for f in by_name["d-good.txt"]["flags"]}
    assert "section3.not_processed_complaint" in flagged_rows


def test_a_missing_path_is_exit_1_after_the_other_files(tmp_path):
    shutil.copy(GOOD, tmp_path / "good.txt")
    code, objects, stderr = run_extract(tmp_path / "nowhere.txt", tmp_path / "good.txt")
    assert code == 1
    assert objects[0]["problems"] == ["文件或文件夹不存在"]
    assert objects[1]["section3"]["granted"]["natural"] == 12  # still processed
    assert "文件或文件夹不存在" in stderr and "nowhere.txt" in stderr and "Traceback" not in stderr


@pytest.mark.skipif(sys.platform != "linux", reason="file names that are not UTF-8: a Linux file system")
def test_a_file_name_that_is_not_utf8_prints_and_the_rest_of_the_folder_too(tmp_path):
    folder = os.fsencode(tmp_path)
    with open(folder + b"/a-\xff\xfe.txt", "wb") as handle:  # Latin-1 / GBK bytes, not UTF-8
        handle.write(GOOD.read_bytes())
    shutil.copy(GOOD, tmp_path / "b-good.txt")
    proc = run_main("extract", tmp_path)
    assert proc.returncode == 0, proc.stderr
    objects = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(objects) == 2
    # the undecodable bytes are \udcXX escapes: valid JSON that gives the name back to os.fsencode
    assert os.fsencode(objects[0]["file"]).endswith(b"/a-\xff\xfe.txt")
    assert objects[0]["section3"]["granted"]["natural"] == 12
    assert Path(objects[1]["file"]).name == "b-good.txt"


# --- usage ----------------------------------------------------------------------------------

def test_help_is_chinese_and_exit_0():
    proc = run_main("--help")
    assert proc.returncode == 0
    assert proc.stdout.startswith("用法：main.py")
    for word in ("extract", "export", "--version", "打开审核窗口", "退出码"):
        assert word in proc.stdout


def test_the_packaged_program_names_itself_not_python_main_py(monkeypatch, capsys, tmp_path):
    """An auditor runs GongkaiShenhe (no Python, no main.py): the help's examples, the usage line,
    --version and the error messages say the program's own name (they said `python main.py`)."""
    from core import cli

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "GongkaiShenhe"))
    assert cli.main(["--help"]) == 0
    help_text = capsys.readouterr().out
    assert help_text.startswith("用法：GongkaiShenhe [-h]")
    assert "  GongkaiShenhe --self-test " in help_text and "main.py" not in help_text
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("GongkaiShenhe ")
    assert cli.main(["extract"]) == 2
    assert "GongkaiShenhe extract：错误：缺少必需的参数" in capsys.readouterr().err


@pytest.mark.parametrize("command, words", [
    ("extract", ["用法：main.py extract", "文件或文件夹", "JSON"]),
    ("export", ["用法：main.py export", "--to", "--db", ".xlsx", "文件夹"]),
])
def test_each_command_describes_its_arguments(command, words):
    proc = run_main(command, "--help")
    assert proc.returncode == 0
    for word in words:
        assert word in proc.stdout


def test_version():
    proc = run_main("--version")
    version = re.search(r'(?m)^version\s*=\s*"([^"]+)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert proc.returncode == 0 and proc.stdout.strip() == f"main.py {version.group(1)}"


@pytest.mark.parametrize("args, message", [
    (["frobnicate"], "未知命令“frobnicate”"),
    (["--frobnicate"], "无法识别的参数：--frobnicate"),
    (["extract", "--nope", "x.txt"], "无法识别的参数：--nope"),
    (["extract"], "缺少必需的参数"),
    (["export", "folder"], "缺少必需的参数：--to"),
])
def test_a_usage_error_is_exit_2_and_never_the_window(args, message):
    proc = run_main(*args)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert_one_chinese_line(proc.stderr)
    assert proc.stdout == ""


# --- export ---------------------------------------------------------------------------------

@pytest.fixture
def folder(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    shutil.copy(GOOD, reports / "good.txt")
    return reports


def test_export_writes_and_exit_0(folder, tmp_path):
    proc = run_main("export", folder, "--to", tmp_path / "out.csv", "--db", tmp_path / "db.sqlite3")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == str(tmp_path / "out.csv")


@pytest.mark.parametrize("name", [".xlsx", ".csv", ".json"])
def test_export_to_a_bare_suffix_writes_the_default_name_there_as_the_window_does(folder, tmp_path, name):
    """``--to out/.xlsx``: Path(".xlsx").suffix is "", so the name read as a folder and a hidden
    .xlsx folder of Word files was written. The window writes 年度报告审核结果.xlsx for that name
    (gui.exporter.file_to_write); the command line now does the same."""
    out = tmp_path / "out"
    out.mkdir()
    proc = run_main("export", folder, "--to", out / name, "--db", tmp_path / "db.sqlite3")
    assert proc.returncode == 0, proc.stderr
    written = out / f"年度报告审核结果{name}"
    assert proc.stdout.strip() == str(written)
    assert sorted(p.name for p in out.iterdir()) == [written.name]
    assert written.stat().st_size > 0


def test_an_unsupported_export_format_is_one_line_and_exit_2(folder, tmp_path):
    proc = run_main("export", folder, "--to", tmp_path / "out.pdf", "--db", tmp_path / "db.sqlite3")
    assert proc.returncode == 2
    assert "不支持的导出格式“.pdf”" in proc.stderr
    assert_one_chinese_line(proc.stderr)
    assert len(proc.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out.pdf").exists()


def test_export_of_a_missing_folder_is_exit_1(tmp_path):
    proc = run_main("export", tmp_path / "nowhere", "--to", tmp_path / "out.csv", "--db", tmp_path / "db.sqlite3")
    assert proc.returncode == 1 and "文件或文件夹不存在" in proc.stderr
    assert_one_chinese_line(proc.stderr)


def test_export_of_a_folder_holding_no_report_is_one_line_and_exit_1(tmp_path):
    """qa26: a folder with no report in it (the wrong folder typed) wrote an empty workbook, said
    it was written and exited 0; the window refuses (没有可导出的报告). Nothing is written."""
    empty = tmp_path / "空"
    empty.mkdir()
    (empty / "扫描件.jpg").write_bytes(b"\xff\xd8\xff")
    proc = run_main("export", empty, "--to", tmp_path / "out.xlsx", "--db", tmp_path / "db.sqlite3")
    assert proc.returncode == 1 and f"没有可导出的报告：{empty}" in proc.stderr
    assert_one_chinese_line(proc.stderr)
    assert proc.stdout == "" and not (tmp_path / "out.xlsx").exists()


def test_files_left_out_for_their_format_are_named_on_stderr(tmp_path):
    """qa26: the window lists a folder's OFD, scans and archives as 未载入、未核对; the command line
    left them out unsaid, so a script's user took the folder as checked whole."""
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(GOOD, folder / "good.txt")
    (folder / "报告.ofd").write_bytes(b"PK")
    (folder / "扫描件.jpg").write_bytes(b"\xff\xd8\xff")
    code, lines, stderr = run_extract(folder)
    assert code == 0 and [Path(line["file"]).name for line in lines] == ["good.txt"]
    said = [line for line in stderr.splitlines() if line.strip()]
    assert len(said) == 1 and "另有 2 个文件不是可读取的报告格式" in said[0] and "未核对" in said[0]
    assert str(folder / "报告.ofd") in said[0] and str(folder / "扫描件.jpg") in said[0]
    assert "RTF、ODT" in said[0]  # (the formats it does read, .rtf and .odt among them, are named)
    proc = run_main("export", folder, "--to", tmp_path / "out.csv", "--db", tmp_path / "db.sqlite3")
    assert proc.returncode == 0 and "另有 2 个文件" in proc.stderr
    assert proc.stdout.strip() == str(tmp_path / "out.csv")
    empty = tmp_path / "空"
    empty.mkdir()
    code, lines, stderr = run_extract(empty)
    assert code == 0 and lines == [] and f"没有找到报告文件：{empty}" in stderr


def test_export_onto_a_source_file_is_one_line_and_exit_1(folder, tmp_path):
    source = folder / "copy.csv"
    source.write_bytes(GOOD.read_bytes())
    before = source.read_bytes()
    proc = run_main("export", folder, "--to", source, "--db", tmp_path / "db.sqlite3")
    assert proc.returncode == 1
    assert "不能导出到原始报告文件" in proc.stderr
    assert_one_chinese_line(proc.stderr)
    assert source.read_bytes() == before


def test_export_where_nothing_can_be_written_is_one_line_and_exit_1(folder, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    for target in (blocker / "out.xlsx", blocker / "word"):  # below a file: no one can write there
        proc = run_main("export", folder, "--to", target, "--db", tmp_path / "db.sqlite3")
        assert proc.returncode == 1, proc.stderr
        assert "导出失败" in proc.stderr
        assert_one_chinese_line(proc.stderr)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a read-only folder (root writes anywhere)")
def test_export_into_a_read_only_folder_is_one_line_and_exit_1(folder, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        proc = run_main("export", folder, "--to", locked / "out.xlsx", "--db", tmp_path / "db.sqlite3")
    finally:
        locked.chmod(0o755)
    assert proc.returncode == 1 and "导出失败" in proc.stderr
    assert_one_chinese_line(proc.stderr)


def test_export_of_a_folder_with_unreadable_files_exports_the_rest(folder, tmp_path):
    (folder / "empty.txt").write_bytes(b"")  # read as nothing: no content hash
    (folder / "folder.docx").mkdir()
    proc = run_main("export", folder, "--to", tmp_path / "out.json", "--db", tmp_path / "db.sqlite3")
    assert proc.returncode == 0, proc.stderr
    exported = {Path(o["file"]).name: o for o in json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))}
    assert sorted(exported) == ["empty.txt", "folder.docx", "good.txt"]
    assert exported["good.txt"]["section3"]["granted"]["natural"] == 12
    assert exported["empty.txt"]["problems"] == ["文件为空"]
    assert exported["folder.docx"]["problems"] == ["无法读取文件：这是一个文件夹"]


def test_a_word_export_says_on_stderr_how_many_reports_it_left_out_and_where_why(folder, tmp_path):
    """The Word export printed its files and the note among them, the report left out unsaid."""
    (folder / "empty.txt").write_bytes(b"")
    out = tmp_path / "word"
    proc = run_main("export", folder, "--to", out, "--db", tmp_path / "db.sqlite3")
    assert proc.returncode == 0, proc.stderr
    note = out / "未导出Word的报告说明.txt"
    assert proc.stdout.splitlines() == [str(p) for p in sorted(out.glob("*.docx"))] + [str(note)]
    assert f"注意：1 份报告未导出为 Word 文件，原因见：{note}" in proc.stderr


def test_an_unusable_review_database_is_one_line_and_exit_1(folder, tmp_path):
    proc = run_main("export", folder, "--to", tmp_path / "out.csv", "--db", tmp_path)  # a folder, not a file
    assert proc.returncode == 1 and "无法打开审核数据库" in proc.stderr
    assert_one_chinese_line(proc.stderr)


# --- window or command line -------------------------------------------------------------------

def test_the_window_opens_for_no_arguments_or_existing_paths_only(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT))
    from main import opens_window

    report = tmp_path / "r.txt"
    report.write_text("x", encoding="utf-8")
    assert opens_window([])
    assert opens_window([str(tmp_path)]) and opens_window([str(report)]) and opens_window([str(tmp_path), str(report)])
    monkeypatch.chdir(tmp_path)
    (tmp_path / "extract").mkdir()  # a folder named like a command: the command wins
    for argv in (["extract"], ["extract", str(report)], ["--help"], ["--version"], ["nowhere"],
                 [str(tmp_path), "--bogus"]):
        assert not opens_window(argv), argv


def test_an_os_error_on_a_chinese_path_is_said_in_chinese():
    """The system's English reason is put in Chinese even when the path is Chinese (as an
    auditor's paths are); a message raised in Chinese is kept as it is."""
    import errno

    from core.cli import os_error_text

    assert os_error_text(PermissionError(errno.EACCES, "Permission denied", "D:/年报/审核结果.xlsx")) \
        == "无法写入“D:/年报/审核结果.xlsx”：没有写入权限"
    assert os_error_text(FileExistsError(errno.EEXIST, "File exists", "/年报/不是文件夹")) \
        == "无法写入“/年报/不是文件夹”：已存在同名文件"
    assert os_error_text(OSError("磁盘已满，未写入")) == "磁盘已满，未写入"
    # a Chinese Windows words the reason itself (WinError 32: the file is open in Excel)
    held = PermissionError(errno.EACCES, "另一个程序正在使用此文件，进程无法访问。", "D:/年报/审核结果.xlsx")
    assert os_error_text(held) == "无法写入“D:/年报/审核结果.xlsx”：另一个程序正在使用此文件，进程无法访问"


def test_a_name_too_long_for_the_drive_is_said_in_chinese():
    """An export named after a long file name stopped with 「系统错误（File name too long）」 (qa27)."""
    import errno

    from core.cli import os_error_text

    too_long = OSError(errno.ENAMETOOLONG, "File name too long", "/年报/Word/很长的名字.docx")
    assert os_error_text(too_long) == "无法写入“/年报/Word/很长的名字.docx”：文件名或路径太长，请换一个短一些的名字或文件夹"
