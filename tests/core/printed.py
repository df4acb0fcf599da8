"""A workbook as LibreOffice Calc prints it (to PDF): what the auditor holds on paper."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest


def printed_pdf(document: Path, tmp_path: Path) -> Path:
    """``document`` (a workbook or a Word file) printed to PDF by LibreOffice, with its own
    profile; skips when LibreOffice or poppler is absent."""
    for tool in ("soffice", "pdftotext"):
        if not shutil.which(tool):
            pytest.skip(f"{tool} is not installed (Debian: libreoffice-calc, poppler-utils)")
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(document)], check=True, capture_output=True, timeout=240)
    return document.with_suffix(".pdf")


def printed_pages(document: Path, tmp_path: Path) -> list[str]:
    """The text of each printed page of ``document``, laid out as on paper."""
    text = subprocess.run(["pdftotext", "-layout", str(printed_pdf(document, tmp_path)), "-"], check=True,
                          capture_output=True, text=True, timeout=60).stdout
    return text.split("\f")[:-1]


def printed_words(xlsx: Path, tmp_path: Path) -> list[list[tuple[str, float]]]:
    """Each printed page of ``xlsx``: its words, each with its height on paper in points (about
    the font size it prints at)."""
    boxes = subprocess.run(["pdftotext", "-bbox", str(printed_pdf(xlsx, tmp_path)), "-"], check=True,
                           capture_output=True, text=True, timeout=60).stdout
    word = re.compile(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>')
    return [[(w, float(bottom) - float(top)) for top, bottom, w in word.findall(page)]
            for page in boxes.split("<page ")[1:]]
