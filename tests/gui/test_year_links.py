"""A folder holding several agencies' two years: once it is loaded, every later year shows its
cross-year (X) findings, checked again a slice at a time with the window's events in between."""
from __future__ import annotations

from pathlib import Path

from gui.qt import QAbstractEventDispatcher
from tests.gui.helpers import open_folder

HUAIAN_2023 = Path(__file__).resolve().parents[1] / "fixtures" / "compare" / "huaian" / "淮安市人民政府办公室2023年报告.txt"
COUNTIES = "甲乙丙丁"


def two_years_each(folder: Path) -> None:
    """Each county's 2023 report, and as 2024 a re-dated copy of it: a copy carries last year's
    上年结转 and 现行有效件数 (X-1, X-2) and repeats its text (X-3)."""
    text = HUAIAN_2023.read_text(encoding="utf-8")
    folder.mkdir()
    for county in COUNTIES:
        own = text.replace("淮安市人民政府办公室", f"{county}县人民政府办公室").replace("淮安市", f"{county}县")
        (folder / f"{county}县2023.txt").write_text(own, encoding="utf-8")
        (folder / f"{county}县2024.txt").write_text(own.replace("2023", "2024"), encoding="utf-8")


def test_every_later_year_has_its_x_findings_once_loaded_checked_a_slice_at_a_time(
        make_window, store, tmp_path, qtbot, monkeypatch):
    import gui.main_window

    monkeypatch.setattr(gui.main_window, "RECHECK_SLICE_SECONDS", 0.0)  # one report a turn
    two_years_each(tmp_path / "folder")
    window = make_window(store)
    qtbot.waitExposed(window)
    model = window.dashboard.model
    events: list[str] = []  # passes of the event loop and rows checked again, in order
    # Each pass of the event loop (where the window reads its input) wakes the dispatcher. (A
    # zero timer counted them only by chance: the first report is checked again in the linking
    # turn, itself a timer's, which may come after the zero timer in the same pass of the timers.)
    dispatcher = QAbstractEventDispatcher.instance()

    def note_pass():
        events.append("pass")

    window.loadListed.connect(lambda _count: dispatcher.awake.connect(note_pass))
    model.dataChanged.connect(lambda top, _bottom, _roles=(): events.append(model.file_at(top.row())))
    assert open_folder(qtbot, window, tmp_path / "folder") == 8
    dispatcher.awake.disconnect(note_pass)

    for row in range(model.rowCount()):
        rules = {finding.rule for finding in model.findings_at(row)}
        review = model.review_at(row)
        if review.report.year == 2024:
            assert {"X-1", "X-2", "X-3"} <= rules, review.report.file
            assert review.previous_year.report.agency == review.report.agency
        else:
            assert not any(rule.startswith("X-") for rule in rules), review.report.file
    rechecked = [n for n, event in enumerate(events) if event.endswith("2024.txt")]
    assert len({events[n] for n in rechecked}) == 4  # every later year, once loaded
    # the window's events ran between the reports checked again
    assert all("pass" in events[a:b] for a, b in zip(rechecked, rechecked[1:]))
