"""Reports saved as RTF (Word's 另存为 RTF) or OpenDocument text (.odt, LibreOffice and WPS on
Kylin or UOS): listed in a folder, converted by the folder's one LibreOffice run and read like the
Word file they were saved from; without LibreOffice each says what to install."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from core.export.report_json import tables_json
from core.pipeline import load_report, report_paths
from core.readers import legacy
from core.readers.dispatch import read_document
from core.readers.legacy import NO_OFFICE_PROBLEM, convert_batch, needs_office

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
RTF = FIXTURES / "filled-2021.rtf"
ODT = FIXTURES / "filled-2021.odt"
EXPECTED = json.loads((FIXTURES / "filled-2021.expected.json").read_text(encoding="utf-8"))
no_office = pytest.mark.skipif(not legacy.find_office(), reason="LibreOffice (soffice) is not installed")


def folder_of(tmp_path: Path) -> Path:
    """A folder holding the two files under Chinese names, and a .docx under an .odt name."""
    folder = tmp_path / "年报"
    folder.mkdir()
    (folder / "甲局2023年报告.rtf").write_bytes(RTF.read_bytes())
    (folder / "乙局2023年报告.odt").write_bytes(ODT.read_bytes())
    (folder / "丙局2023年报告.odt").write_bytes((FIXTURES / "filled-2021.docx").read_bytes())
    return folder


def test_a_folder_lists_rtf_and_odt_as_reports(tmp_path):
    not_reports: list[str] = []
    names = [Path(p).name for p in report_paths(folder_of(tmp_path), not_reports)]
    assert names == ["丙局2023年报告.odt", "乙局2023年报告.odt", "甲局2023年报告.rtf"]
    assert not_reports == []  # not 「不支持的文件类型」


def test_only_real_rtf_and_odt_go_to_libreoffice(tmp_path):
    folder = folder_of(tmp_path)
    assert needs_office(folder / "甲局2023年报告.rtf") and needs_office(folder / "乙局2023年报告.odt")
    assert not needs_office(folder / "丙局2023年报告.odt")  # a .docx renamed: read natively


def test_a_docx_named_odt_is_read_without_libreoffice(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    report = load_report(folder_of(tmp_path) / "丙局2023年报告.odt")
    assert report.problems == []
    assert tables_json(report)["section3"]["total"]["total"] == 2407


def test_without_libreoffice_each_file_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    paths = [str(p) for p in sorted(folder_of(tmp_path).iterdir()) if needs_office(p)]
    assert len(paths) == 2
    conversions = convert_batch(paths, tmp_path / "work")
    with legacy.use(conversions):
        problems = [read_document(p).problems for p in paths]
    assert problems == [[NO_OFFICE_PROBLEM]] * 2
    assert ".rtf" in NO_OFFICE_PROBLEM and ".odt" in NO_OFFICE_PROBLEM


@no_office
def test_one_libreoffice_run_reads_every_cell_as_the_word_file(tmp_path):
    paths = [str(p) for p in sorted(folder_of(tmp_path).iterdir()) if needs_office(p)]
    conversions = convert_batch(paths, tmp_path / "work")
    assert conversions.problems == {}
    with legacy.use(conversions):
        reports = [load_report(p) for p in paths]
    for report in reports:
        tables = tables_json(report)
        assert report.problems == [] and report.format in ("rtf", "odt")
        assert tables["section3"] == EXPECTED["section3"]
        assert tables["section4"] == EXPECTED["section4"]
        assert tables["section2"] == EXPECTED["section2"]
    assert len(os.listdir(Path(paths[0]).parent)) == 3  # nothing written beside the reports
