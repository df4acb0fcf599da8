"""Qt fixtures for the GUI tests: offscreen platform, settings and database under tmp_path.

No test touches the real user profile: QSettings' user scope, $XDG_DATA_HOME and $GONGKAI_DB
all point into the test's temporary folder.
"""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from core.review.store import ReviewStore  # noqa: E402
from gui.paths import samples_dir  # noqa: E402
from gui.qt import QSettings  # noqa: E402
from gui.settings import Settings  # noqa: E402
from tests.gui.helpers import PLANTED, SEED_003, plant_error  # noqa: E402


def pytest_collection_modifyitems(items):
    # The offscreen platform says these (once per top-level window; on raise()): not our warnings.
    for item in items:
        if "tests/gui" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise"))


@pytest.fixture(autouse=True)
def _fresh_profile(tmp_path, monkeypatch):
    profile = tmp_path / "profile"
    profile.mkdir()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(profile))
    # Qt's own file dialog keeps its state (places, history, side bar width) in the native format's
    # QtProject.conf: on Linux ~/.config, another path than the Ini format's
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(profile))
    monkeypatch.setenv("XDG_DATA_HOME", str(profile))
    monkeypatch.setenv("LOCALAPPDATA", str(profile))
    monkeypatch.setenv("GONGKAI_DB", str(tmp_path / "reviews.sqlite3"))
    yield


@pytest.fixture
def report_folder(tmp_path) -> Path:
    """The five seed reports plus a copy of seed 003 with one wrong cell."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for seed in sorted(samples_dir().glob("[0-9][0-9][0-9]_*.txt")):  # the seeds, not the 示例 with an error
        shutil.copy(seed, folder / seed.name)
    text = (samples_dir() / SEED_003).read_text(encoding="utf-8")
    (folder / PLANTED).write_text(plant_error(text), encoding="utf-8")
    return folder


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "reviews.sqlite3"


@pytest.fixture
def store(db_path):
    store = ReviewStore(db_path)
    yield store
    store.close()


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def make_window(qtbot, settings):
    """A MainWindow factory (several windows may share one database)."""
    from gui.main_window import MainWindow

    windows = []

    def make(store):
        window = MainWindow(store, settings)
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.stop_loading()
