"""A workbook as LibreOffice Calc prints it (to PDF): what the auditor holds on paper."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest


def printed_words(xlsx: Path, tmp_path: Path) -> list[list[tuple[str, float]]]:
    """Each page of ``xlsx`` printed to PDF by LibreOffice (its own profile): its words, each with
    its height on paper in points (about the font size it prints at)."""
    for tool in ("soffice", "pdftotext"):
        if not shutil.which(tool):
            pytest.skip(f"{tool} is not installed (Debian: libreoffice-calc, poppler-utils)")
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(xlsx)], check=True, capture_output=True, timeout=240)
    boxes = subprocess.run(["pdftotext", "-bbox", str(xlsx.with_suffix(".pdf")), "-"], check=True,
                           capture_output=True, text=True, timeout=60).stdout
    word = re.compile(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>')
    return [[(w, float(bottom) - float(top)) for top, bottom, w in word.findall(page)]
            for page in boxes.split("<page ")[1:]]

