"""SIGTERM (a logout, ``kill``) and SIGINT (Ctrl+C in a terminal) close the window as Ctrl+Q does:
the window's state is saved and the program ends normally. A real process, offscreen."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from gui.qt import QSettings

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

# run_app on an empty folder; "ready" once the event loop runs (the window is shown by then)
DRIVER = """
import sys
from gui.qt import QApplication, QTimer
app = QApplication([sys.argv[0]])
QTimer.singleShot(0, lambda: print("ready", flush=True))
from gui.app import run_app
sys.exit(run_app([sys.argv[1]], db_path=sys.argv[2], settings_path=sys.argv[3]))
"""


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_closes_the_window_and_its_state_is_saved(tmp_path, number):
    folder = tmp_path / "reports"
    folder.mkdir()
    settings = tmp_path / "settings.ini"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    process = subprocess.Popen([sys.executable, "-c", DRIVER, str(folder), str(tmp_path / "r.sqlite3"),
                                str(settings)], cwd=Path(__file__).resolve().parents[2], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline().strip() == "ready"
        process.send_signal(number)
        _out, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err  # closed, not killed (-15) nor interrupted (a traceback)
    saved = QSettings(str(settings), QSettings.Format.IniFormat)
    assert saved.allKeys(), "the window's state was not saved"
    assert any("geometry" in key for key in saved.allKeys()), saved.allKeys()
