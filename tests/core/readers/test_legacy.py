"""Old Word files of a folder converted by one LibreOffice process, and a clear problem per file
without LibreOffice."""
from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from core.readers import legacy
from core.readers.dispatch import read_document
from core.readers.legacy import NO_OFFICE_PROBLEM, convert_batch, needs_office
from tests.core.readers.test_readers import OLE_HEADER  # a compound file header the reader accepts

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
FILLED = FIXTURES / "filled-2021.docx"
T3_TOTAL_ROW = "（七）总计 2401 2402 2403 2404 2405 2406 2407"


_OUT_DIR = ("while [ \"$1\" != \"--outdir\" ]; do shift; done\n"
            "out=\"$2\"; shift 2; mkdir -p \"$out\"\n")


def _converted(source: str) -> str:
    """Shell: the filled template copied out as ``source``'s .docx."""
    return f"cp '{FILLED}' \"$out/$(basename \"{source}\" | sed 's/\\.[^.]*$//').docx\""


def _office(tmp_path, monkeypatch, body: str) -> Path:
    """A stand-in soffice first on PATH that logs each run, then runs ``body`` (shell) on its
    arguments; the log's path."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "soffice-runs.log"
    soffice = bin_dir / "soffice"
    soffice.write_text(f"#!/bin/sh\necho run >> '{log}'\n" + body)
    soffice.chmod(soffice.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", str(bin_dir) + os.pathsep + os.environ.get("PATH", ""))
    return log


def stand_in_office(tmp_path, monkeypatch) -> Path:
    """A soffice that "converts" every file it is given to the filled template."""
    return _office(tmp_path, monkeypatch, _OUT_DIR + f"for f in \"$@\"; do {_converted('$f')}; done\n")


def old_word_files(folder: Path) -> list[str]:
    """Three old Word files, two of them of one name in different folders."""
    paths = [folder / "甲" / "报告.doc", folder / "乙" / "报告.doc", folder / "乙" / "另一份.wps"]
    for path in paths:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(OLE_HEADER)
    return [str(p) for p in paths]


def test_a_folder_of_old_word_files_takes_one_office_run(tmp_path, monkeypatch):
    log = stand_in_office(tmp_path, monkeypatch)
    paths = old_word_files(tmp_path / "reports")
    conversions = convert_batch(paths, tmp_path / "work")
    assert log.read_text().count("run") == 1
    assert conversions.problems == {}
    with legacy.use(conversions):
        docs = [read_document(p) for p in paths]
    assert log.read_text().count("run") == 1  # reading took no further run
    for path, doc in zip(paths, docs):
        assert doc.problems == [] and doc.path == path
        assert T3_TOTAL_ROW in [line.text for line in doc.lines]
    assert sorted(os.listdir(tmp_path / "reports" / "乙")) == ["另一份.wps", "报告.doc"]  # nothing written beside


def test_without_libreoffice_each_file_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    paths = old_word_files(tmp_path / "reports")
    conversions = convert_batch(paths, tmp_path / "work")
    with legacy.use(conversions):
        assert [read_document(p).problems for p in paths] == [[NO_OFFICE_PROBLEM]] * 3


def failing_office(tmp_path, monkeypatch) -> Path:
    """A soffice that writes nothing (a file it cannot convert)."""
    return _office(tmp_path, monkeypatch, "")


def test_a_file_libreoffice_cannot_convert_says_so(tmp_path, monkeypatch):
    log = failing_office(tmp_path, monkeypatch)
    paths = old_word_files(tmp_path / "reports")
    conversions = convert_batch(paths[:1], tmp_path / "work")
    assert conversions.problems == {paths[0]: legacy.CONVERT_FAILED}
    with legacy.use(conversions):
        assert read_document(paths[0]).problems == ["LibreOffice 无法转换此文件，文件可能已损坏"]
    assert log.read_text().count("run") == 2  # the batch, then the file alone to be sure


def test_a_file_a_dying_batch_left_unconverted_is_converted_alone(tmp_path, monkeypatch):
    # LibreOffice that dies midway leaves the files after it without output; the failure is
    # cached until the file changes, so each such file is tried alone before it is called so
    log = stand_in_office(tmp_path, monkeypatch)
    paths = old_word_files(tmp_path / "reports")
    conversions = convert_batch(paths[:1], tmp_path / "work")
    conversions.converted.clear()
    conversions.problems[paths[0]] = legacy.CONVERT_FAILED
    with legacy.use(conversions):
        doc = read_document(paths[0])
    assert doc.problems == [] and T3_TOTAL_ROW in [line.text for line in doc.lines]
    assert log.read_text().count("run") == 2


def test_a_file_the_native_reader_calls_damaged_that_a_dying_batch_left_is_converted_alone(tmp_path, monkeypatch):
    # the same for a file the word97 reader gives up on (which is why it went to LibreOffice):
    # its failure would be cached as 已损坏 though LibreOffice never tried it alone
    log = stand_in_office(tmp_path, monkeypatch)
    data = (FIXTURES / "filled-2021.doc").read_bytes()
    half = tmp_path / "半.doc"
    half.write_bytes(data[:len(data) // 2])
    assert needs_office(half)
    conversions = convert_batch([str(half)], tmp_path / "work")
    conversions.converted.clear()
    conversions.problems[str(half)] = legacy.CONVERT_FAILED
    with legacy.use(conversions):
        doc = read_document(half)
    assert doc.problems == [] and T3_TOTAL_ROW in [line.text for line in doc.lines]
    assert log.read_text().count("run") == 2


def test_only_real_old_binaries_need_office(tmp_path):
    old = tmp_path / "old.doc"
    old.write_bytes(OLE_HEADER)
    renamed = tmp_path / "renamed.doc"
    renamed.write_bytes(FILLED.read_bytes())
    text = tmp_path / "plain.txt"
    text.write_bytes(OLE_HEADER)
    assert [needs_office(p) for p in (old, renamed, text)] == [True, False, False]


@pytest.mark.skipif(not legacy.find_office(), reason="LibreOffice (soffice) is not installed")
def test_real_libreoffice_converts_a_batch(tmp_path):
    made = tmp_path / "made"
    profile = (tmp_path / "profile").as_uri()
    subprocess.run([legacy.find_office(), f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "doc", "--outdir", str(made), str(FILLED)],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180, check=False)
    source = made / "filled-2021.doc"
    if not source.is_file():
        pytest.skip("LibreOffice could not make a .doc here")
    paths = []
    for name in ("一.doc", "二.wps"):
        shutil.copy(source, tmp_path / name)
        paths.append(str(tmp_path / name))
    conversions = convert_batch(paths, tmp_path / "work")
    assert conversions.problems == {}
    with legacy.use(conversions):
        for path in paths:
            doc = read_document(path)
            assert doc.problems == []
            assert T3_TOTAL_ROW in [" ".join(line.text.split()) for line in doc.lines]


def test_a_cancelled_batch_stops_libreoffice(tmp_path, monkeypatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    soffice = bin_dir / "soffice"
    soffice.write_text("#!/bin/sh\nexec sleep 60\n")  # a conversion that would take a minute
    soffice.chmod(soffice.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", str(bin_dir) + os.pathsep + os.environ.get("PATH", ""))
    paths = old_word_files(tmp_path / "reports")
    asked = []
    conversions = convert_batch(paths, tmp_path / "work", stop=lambda: asked.append(1) or True)
    assert asked  # asked at once, and stopped: the test does not wait a minute
    assert set(conversions.problems.values()) == {legacy.CANCELLED}


def crashing_office(tmp_path, monkeypatch) -> Path:
    """A soffice that converts the first file it is given, then dies of a signal (a crash)."""
    return _office(tmp_path, monkeypatch, _OUT_DIR + _converted("$1") + "\nkill -9 $$\n")


def test_a_libreoffice_that_crashes_is_no_verdict_on_the_file(tmp_path, monkeypatch):
    # the folder's run dies after its first file: that file is read, each other file is tried
    # alone, and a crash there says so - a problem the parse cache does not keep (tried again at
    # the next open), unlike 无法转换 (kept until the file changes)
    from core.pipeline import lasting

    log = crashing_office(tmp_path, monkeypatch)
    paths = old_word_files(tmp_path / "reports")
    conversions = convert_batch(paths, tmp_path / "work")
    assert list(conversions.converted) == [paths[0]]
    with legacy.use(conversions):
        docs = [read_document(p) for p in paths]
    assert docs[0].problems == [] and T3_TOTAL_ROW in [line.text for line in docs[0].lines]
    assert [d.problems for d in docs[1:]] == [[legacy.CRASHED]] * 2
    assert not lasting(docs[1].problems)
    assert log.read_text().count("run") == 3  # the folder's run, then the two files alone
