"""The type hints of core/ say what the code really passes and returns: mypy, with the settings
in pyproject.toml's [tool.mypy], finds nothing to say of them, in every module of core/."""
from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
def _checked_files() -> list[str]:
    """What [tool.mypy] is meant to check: every module of core/."""
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "core").rglob("*.py"))


@pytest.mark.slow
def test_hints_hold(tmp_path):
    if importlib.util.find_spec("mypy") is None:
        pytest.skip("mypy is not installed (pip install -e .[test]): the type hints go unchecked")
    # (a fresh cache: nothing left from another checkout; a cold run takes some 10 s)
    run = subprocess.run([sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"),
                          "--cache-dir", str(tmp_path / "mypy-cache")],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    errors = [line for line in run.stdout.splitlines() if ": error:" in line]
    assert run.returncode == 0 and errors == [], (
        f"mypy finds {len(errors)} hint(s) the code does not keep (or could not run):\n"
        + run.stdout + run.stderr)
    # every module meant was checked: a package left out of the settings would pass unseen
    checked = re.search(r"no issues found in (\d+) source files", run.stdout)
    assert checked is not None and int(checked.group(1)) == len(_checked_files()), run.stdout
