"""Old binary Word (.doc) and WPS (.wps) files, through LibreOffice when it is installed.

There is no pure-Python reader for these OLE formats worth trusting with tables, so the file is
converted to .docx in a temporary folder (never beside the source, which may be read-only or
someone else's) and read by the docx reader. Without LibreOffice the user is told what to install.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from core.readers.document import Document
from core.readers.docx import read_docx

NO_OFFICE_PROBLEM = "需要安装 LibreOffice 才能读取 .doc/.wps 文件"
TIMEOUT = 120  # seconds


def find_office() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_legacy(path: str, data: bytes, fmt: str) -> Document:
    office = find_office()
    if office is None:
        return Document(path, fmt, problems=[NO_OFFICE_PROBLEM])
    with tempfile.TemporaryDirectory(prefix="gongkai-") as tmp:
        source = Path(tmp, "in", "report." + fmt)  # a plain ASCII name: soffice and odd paths
        source.parent.mkdir()
        source.write_bytes(data)
        profile = Path(tmp, "profile").as_uri()  # own profile: works while Office is open
        command = [office, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                   "docx", "--outdir", os.path.join(tmp, "out"), str(source)]
        try:
            subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            return Document(path, fmt, problems=[f"LibreOffice 转换超时（超过{TIMEOUT}秒），未读取"])
        except OSError as exc:
            return Document(path, fmt, problems=[f"无法启动 LibreOffice：{exc}"])
        converted = Path(tmp, "out", "report.docx")
        if not converted.is_file():
            return Document(path, fmt, problems=["LibreOffice 无法转换此文件，文件可能已损坏"])
        doc = read_docx(path, converted.read_bytes(), fmt)
    return doc
