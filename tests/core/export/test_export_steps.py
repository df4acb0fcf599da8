"""Every export that writes one file says when it saves it, and a cancel leaves its target alone."""
import pytest

from core.export.common import ExportCancelled, ExportSteps
from core.export.dispatch import export
from core.export.summary import write_summary
from core.review.edits import ReportReview
from tests.core.review.test_edits import make_report


def reviews(tmp_path, count=3):
    return [ReportReview(make_report(file=str(tmp_path / f"报告{n}.txt"))) for n in range(count)]


@pytest.mark.parametrize("name", ["结果.xlsx", "结果.json", "汇总.xlsx"])
def test_the_save_is_announced_after_the_last_count_and_before_the_file_is_there(tmp_path, name):
    said = []
    target = tmp_path / name
    steps = ExportSteps(counted=lambda done, total: said.append((done, total)),
                        saving=lambda: said.append(("saving", target.exists())))
    if name.startswith("汇总"):
        write_summary(reviews(tmp_path), target, steps=steps)
    else:
        export(reviews(tmp_path), target, steps=steps)
    assert said[-2:] == [(3, 3), ("saving", False)]
    assert target.exists()


@pytest.mark.parametrize("name", ["结果.xlsx", "结果.csv", "结果.json", "汇总.xlsx", "word"])
def test_a_cancel_during_the_save_keeps_the_target_as_it_was(tmp_path, name):
    out = tmp_path / "out"
    out.mkdir()
    target = out / name
    if name != "word":
        target.write_bytes(b"earlier")
    cancelled = []
    # cancelled as the last report is counted (a file's save follows), or Word's second report
    steps = ExportSteps(counted=lambda done, total: cancelled.append(done == (1 if name == "word" else total)),
                        go_on=lambda: not any(cancelled))
    with pytest.raises(ExportCancelled):
        if name.startswith("汇总"):
            write_summary(reviews(tmp_path), target, steps=steps)
        else:
            export(reviews(tmp_path), target, steps=steps)
    if name == "word":
        assert list(target.iterdir()) == []  # the reports' files written before the cancel removed
    else:
        assert target.read_bytes() == b"earlier"
        assert [p.name for p in out.iterdir()] == [name]  # no temporary file left
