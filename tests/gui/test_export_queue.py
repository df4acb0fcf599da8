"""Exports asked for back to back: the second waits for the first instead of being dropped."""
import json

import openpyxl
import pytest

from core.review.edits import CONFIRMED, CellEdit, ReportReview, verdict_on
from gui import strings
from gui.exporter import ExportQueue
from gui.qt import QFileDialog
from tests.core.review.test_edits import make_report
from tests.gui.helpers import window_on_folder

GRANTED = "section3.granted.natural"


def test_queue_runs_two_exports_in_the_order_asked(qtbot, tmp_path):
    review = ReportReview(make_report(file=str(tmp_path / "报告.txt")))
    queue = ExportQueue()
    written = []
    queue.done.connect(written.append)
    first, second = tmp_path / "一.json", tmp_path / "二.xlsx"

    assert queue.submit([review], first) is True  # starts at once
    review.apply(CellEdit(GRANTED, 8, 3, "核对原文"))  # after asking: not in the first export
    assert queue.submit([review], second) is False  # waits for the first
    assert queue.busy()
    # done reaches us before the thread has returned; busy until the last one has
    qtbot.waitUntil(lambda: len(written) == 2 and not queue.busy(), timeout=60000)

    assert [w.paths for w in written] == [[first], [second]]
    assert json.loads(first.read_text(encoding="utf-8"))[0]["section3"]["granted"]["natural"] == 8
    sheet = openpyxl.load_workbook(second)["修改记录"]
    assert [c.value for c in sheet[2]][4:6] == [8, 3]


def test_an_export_from_the_window_keeps_the_auditors_verdicts(qtbot, tmp_path):
    """The verdict given in the window reaches the exported 问题清单 (the queue exports a copy)."""
    review = ReportReview(make_report(file=str(tmp_path / "报告.txt")))
    review.apply(CellEdit(GRANTED, 8, 30, ""))  # 予以公开 no longer adds up: two findings
    finding = review.findings()[0]
    review.set_verdict(verdict_on(finding, CONFIRMED, "请单位核实"))
    queue = ExportQueue()
    written = []
    queue.done.connect(written.append)
    target = tmp_path / "结果.json"
    queue.submit([review], target)
    qtbot.waitUntil(lambda: bool(written) and not queue.busy(), timeout=60000)

    exported = json.loads(target.read_text(encoding="utf-8"))[0]["findings"]
    judged = [f for f in exported if f["rule"] == finding.rule and f.get("verdict")]
    assert [(f["verdict"], f["verdict_note"]) for f in judged] == [("confirmed", "请单位核实")]


def test_queue_wait_writes_every_export_asked_for(tmp_path):
    review = ReportReview(make_report(file=str(tmp_path / "报告.txt")))
    queue = ExportQueue()
    targets = [tmp_path / f"结果{n}.csv" for n in range(3)]
    for target in targets:
        queue.submit([review], target)
    queue.wait()  # as the window does when it closes
    assert all(t.exists() for t in targets) and not queue.busy()


@pytest.fixture
def window(make_window, store, report_folder, qtbot):
    return window_on_folder(qtbot, make_window, store, report_folder, 6)


def test_two_exports_started_back_to_back_both_finish(window, qtbot, tmp_path, monkeypatch):
    finished = []
    window.exportFinished.connect(finished.append)
    targets = {".xlsx": tmp_path / "结果.xlsx", ".csv": tmp_path / "结果.csv"}
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda _parent, _title, start, _filter: (
                            str(targets[".xlsx"] if start.endswith(".xlsx") else targets[".csv"]), "")))

    window.export_actions[".xlsx"].trigger()
    window.export_actions[".csv"].trigger()  # the first is still running
    assert window.statusBar().currentMessage() == strings.EXPORT_BUSY  # said, not silent

    qtbot.waitUntil(lambda: len(finished) == 2, timeout=120000)
    assert finished == [[targets[".xlsx"]], [targets[".csv"]]]
    assert all(t.exists() for t in targets.values())


@pytest.mark.parametrize("name", ["结果.xlsx", "结果.csv", "结果.json", "Word"])
def test_a_failed_export_says_why_in_chinese(qtbot, tmp_path, name):
    """A place the export cannot write to (here a path through a file; at an auditor's desk, most
    often the .xlsx still open in Excel or WPS) is explained in Chinese, with the file's name,
    not as Python's English "[Errno 17] File exists: ..."."""
    review = ReportReview(make_report(file=str(tmp_path / "报告.txt")))
    blocker = tmp_path / "不是文件夹"
    blocker.write_text("", encoding="utf-8")
    queue = ExportQueue()
    failures = []
    queue.failed.connect(failures.append)
    queue.submit([review], blocker / name)
    qtbot.waitUntil(lambda: bool(failures) and not queue.busy(), timeout=60000)

    assert "Errno" not in failures[0] and "exists" not in failures[0], failures[0]
    assert failures[0].startswith("无法写入“") and "不是文件夹" in failures[0], failures[0]


def test_the_file_a_save_dialogs_name_means():
    """结果 gets .xlsx; a name that is only an extension gets the default name before it (else the
    file .xlsx, having no suffix, was taken for a folder); the comparison's .docx stays Word."""
    from gui.exporter import file_to_write
    assert file_to_write("/审核/结果", (".xlsx",), "汇总") == "/审核/结果.xlsx"
    assert file_to_write("/审核/结果.XLSX", (".xlsx",), "汇总") == "/审核/结果.XLSX"
    assert file_to_write("/审核/.xlsx", (".xlsx",), "汇总") == "/审核/汇总.xlsx"
    assert file_to_write("/审核/.docx", (".docx", ".xlsx"), "淮安2023-2024比对") == "/审核/淮安2023-2024比对.docx"
    assert file_to_write("/审核/比对", (".docx", ".xlsx"), "x") == "/审核/比对.docx"
