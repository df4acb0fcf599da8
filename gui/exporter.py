"""Exporting off the GUI thread: core.export.dispatch.export in a QThread, on a snapshot of the reviews."""
from __future__ import annotations

from pathlib import Path

from core.review.edits import ReportReview
from gui.qt import QThread, Signal


def snapshot(reviews: list[ReportReview]) -> list[ReportReview]:
    """Copies that later edits in the window cannot change while the export runs."""
    copies = {id(r): ReportReview(r.report, list(r.edits), r.reviewed) for r in reviews}
    for r in reviews:  # the year before, as it is now (its X findings go into the export)
        previous = r.previous_year
        if previous is not None:
            copies[id(r)].previous_year = copies.get(id(previous)) or \
                ReportReview(previous.report, list(previous.edits), previous.reviewed)
    return [copies[id(r)] for r in reviews]


class ExportJob(QThread):
    done = Signal(object)  # list[Path] written
    failed = Signal(str)  # Chinese message

    def __init__(self, reviews: list[ReportReview], target: Path, parent=None) -> None:
        super().__init__(parent)
        self.reviews = snapshot(reviews)
        self.target = target

    def run(self) -> None:
        from core.export.dispatch import export  # imported here: a missing optional library fails the job only
        try:
            written = export(self.reviews, self.target)
        except Exception as exc:  # noqa: BLE001 - reported to the user, never a crash
            self.failed.emit(str(exc) or type(exc).__name__)
            return
        self.done.emit([Path(p) for p in written])
