"""Where the program's own files are: the resources folder, in the source tree or a frozen build."""
from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """resources/ beside gui/; inside a PyInstaller bundle, under sys._MEIPASS."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def samples_dir() -> Path:
    return resources_dir() / "samples"
