"""Properties of read → parse → check → JSON over random and mutated bytes under every extension.

For any input: no exception escapes, the JSON is strict (no NaN, no Infinity), every problem is in
Chinese, no safety net had to catch a bug (内部错误), the Python memory it takes stays bounded, no
network connection is opened and the source file is neither changed nor joined by another file.
A few dozen examples per property, derandomized (the same examples on every run: never flaky);
bench/fuzz.py runs ten thousand.
"""
from __future__ import annotations

import json
import os
import socket
import tempfile
import tracemalloc
from datetime import timedelta
from pathlib import Path
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.export.report_json import report_json
from core.pipeline import check_report, load_report

ROOT = Path(__file__).resolve().parent.parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
EXTENSIONS = [".txt", ".md", ".csv", ".html", ".mht", ".docx", ".pdf", ".doc", ".wps"]
SEEDS = {
    ".txt": (FIXTURES / "corpus" / "003_2385a1ea8664f14a.txt").read_bytes(),
    ".md": (FIXTURES / "exports" / "filled-2021.pandoc.md").read_bytes(),
    ".csv": (FIXTURES / "corpus" / "001_2b6e7661ff84f527.txt").read_bytes().replace(b"\t", b","),
    ".html": (FIXTURES / "page-gb2312.html").read_bytes(),
    ".mht": b"MIME-Version: 1.0\r\nContent-Type: text/html; charset=gb2312\r\n\r\n"
            + (FIXTURES / "page-gb2312.html").read_bytes(),
    ".docx": (FIXTURES / "filled-2021.docx").read_bytes(),
    ".pdf": b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>"
            b"\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
}
SEEDS[".doc"] = SEEDS[".wps"] = SEEDS[".docx"]  # a .docx saved as .doc: the commonest lie
MEMORY_LIMIT = 256 * 1024 * 1024  # Python allocations for one input of at most a few hundred KB

HOSTILE = st.sampled_from([b"9" * 320 + b".5", b"9" * 4301, b"7" * 30_000, b"\t", b"\n", b"\x00", b"/", b"-",
                           "总计".encode(), "一、本年新收".encode("gb18030"), "（七）".encode(), b"<td>",
                           b"</tr>", b"{#", b"[bookmark:", b"\xff\xfe", b"\r", b"1,234,567", b"-0.0"])

PROPERTY = settings(max_examples=30, derandomize=True, deadline=timedelta(seconds=20),
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def through_extract(name: str, data: bytes) -> dict:
    """What `extract` does with one file; asserts the properties every input must have."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        offline = mock.patch.object(socket.socket, "connect", side_effect=AssertionError("opened a network connection"))
        tracemalloc.start()
        try:
            with offline:
                report = load_report(path)
                out = report_json(report, check_report(report))
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert os.listdir(folder) == [name]  # nothing written beside the source
        assert path.read_bytes() == data  # and the source untouched
    text = json.dumps(out, ensure_ascii=False, allow_nan=False)  # raises on NaN / Infinity
    assert json.loads(text) == out
    for problem in out["problems"]:
        assert any("\u4e00" <= ch <= "\u9fff" for ch in problem), problem
        assert "内部错误" not in problem and "读取文件时出错" not in problem, problem
    assert peak < MEMORY_LIMIT, f"{peak / 2**20:.0f} MB"
    return out


@PROPERTY
@given(ext=st.sampled_from(EXTENSIONS), data=st.binary(max_size=8192))
def test_random_bytes_under_every_extension(ext, data):
    through_extract("input" + ext, data)


@PROPERTY
@given(ext=st.sampled_from(EXTENSIONS), data=st.binary(min_size=1, max_size=4096))
def test_random_bytes_behind_each_formats_signature(ext, data):
    magic = {".docx": b"PK\x03\x04", ".pdf": b"%PDF-1.7\n", ".mht": b"MIME-Version: 1.0\r\n", ".html": b"<html>",
             ".doc": b"PK\x03\x04", ".wps": b"<html>"}.get(ext, b"\xef\xbb\xbf")  # no LibreOffice runs: CI time
    through_extract("input" + ext, magic + data)


@st.composite
def mutated(draw):
    ext = draw(st.sampled_from(EXTENSIONS))
    data = bytearray(SEEDS[ext])
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        operation = draw(st.sampled_from(["insert", "delete", "replace", "truncate", "repeat"]))
        if operation == "insert":
            data[at:at] = draw(st.one_of(HOSTILE, st.binary(min_size=1, max_size=64)))
        elif operation == "delete":
            del data[at:at + draw(st.integers(1, 512))]
        elif operation == "replace":
            data[at:at + 1] = draw(st.binary(min_size=1, max_size=1))
        elif operation == "truncate":
            del data[at:]
        else:
            data[at:at] = bytes(data[at:at + draw(st.integers(1, 256))]) * draw(st.integers(2, 20))
    return ext, bytes(data)


@PROPERTY
@given(mutated())
def test_mutated_reports(case):
    ext, data = case
    through_extract("input" + ext, data)


@PROPERTY
@given(st.lists(st.tuples(st.integers(0, 10_000), HOSTILE), min_size=1, max_size=8))
def test_hostile_pieces_in_a_real_report_keep_the_rest(insertions):
    """Text inserted into a readable report: it stays a report (tables or a Chinese reason)."""
    text = bytearray(SEEDS[".txt"])
    for at, piece in sorted(insertions, reverse=True):
        text[at:at] = piece
    out = through_extract("report.txt", bytes(text))
    assert out["template"] != "unknown" or out["problems"]
