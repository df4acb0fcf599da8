"""What the walk of the packaged program (2026-12-07) found: the report list at 1920×1080 cut
every agency to eight characters, and a pandoc Markdown file's placeholder showed its escape."""
from __future__ import annotations

import shutil
from pathlib import Path

from core.pipeline import load_report
from core.review.edits import ReportReview
from gui.dashboard import AGENCY, FILE
from gui.paths import samples_dir
from gui.session import shown_text
from tests.gui.test_layout import shown_cell, shown_window

PANDOC_DASHES = Path(__file__).parents[1] / "fixtures" / "zoo" / "pq2304-r0003-pandoc-docx-gfm.md"


def test_at_1920_the_list_shows_twelve_characters_of_an_agency(qtbot, store, settings, tmp_path):
    """A folder of converted reports (long file names, several agencies) at 1920: every agency was
    cut to eight characters, 「南通市…办公室」, while the panels beside the tables had 65 px more
    than their least. The list takes all but 50 of them (问题清单's 说明 keeps a line of 20
    characters beside a verdict) and 单位 three parts of four of what it adds: 12 characters
    of an agency in sight (a longer one cut in the middle), and each file still its own end."""
    folder = tmp_path / "q3401"
    folder.mkdir()
    names = []
    for number, seed in enumerate(sorted(samples_dir().glob("[0-9][0-9][0-9]_*.txt"))):
        name = f"r000{number}-pandoc-docx-markdown-utf-8-sig-{number}.txt"
        shutil.copy(seed, folder / name)
        names.append(name)
    window = shown_window(qtbot, store, settings, 1920, 1009)
    with qtbot.waitSignal(window.loadFinished, timeout=60000):
        assert window.open_folder(folder)
    view = window.dashboard.view
    model = view.model()
    shown = {model.index(r, AGENCY).data(): shown_cell(view, r, AGENCY) for r in range(len(names))}
    assert shown["南通市崇川区人民政府办公室"] == "南通市崇川…政府办公室"  # 「南通市…办公室」 before
    assert shown["东风区人民政府办公室"] == "东风区人民政府办公室"  # (10 characters)
    assert shown["顺河回族区政务服务和大数据管理局"] == "顺河回族区…数据管理局"
    files = [shown_cell(view, r, FILE) for r in range(len(names))]
    assert len({text[-6:] for text in files}) == len(names), files
    report = window.report_view
    assert report.side_by_side and report.findings.width() >= 460  # 问题清单 and 原文 beside the tables


def test_the_window_shows_a_pandoc_placeholder_as_the_report_printed_it():
    """pandoc writes a cell's 「-」 as 「\\-」: the table showed 「\\-」."""
    review = ReportReview(load_report(PANDOC_DASHES))
    assert review.report.cells["section3.new.research"].raw == "\\-"
    assert shown_text(review, "section3.new.research") == "-"
