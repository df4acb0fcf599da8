"""Which report of a folder is linked to its agency's year before (``link_previous_years``):
names written differently by punctuation, spaces or width still pair; other agencies, gaps
between years and a year's second file do not."""
from __future__ import annotations

import dataclasses
import random

from core.compare.pairing import consecutive_pairs
from core.compare.years import link_previous_years
from core.model import CellValue, Report
from core.review.edits import ReportReview


def review(agency, year, cells=True) -> ReportReview:
    found = {"section3.new.total": CellValue(1)} if cells else {}
    return ReportReview(Report(file=f"{agency}{year}.txt", format="txt", agency=agency, year=year, cells=found))


def test_names_that_differ_by_spaces_punctuation_or_width_link_their_years():
    pairs = [  # (year N−1, year N): one agency each, written two ways
        (review("淮安市 人民政府办公室", 2023), review("淮安市人民政府办公室", 2024)),
        (review("某市(自然资源)局", 2021), review("某市（自然资源）局", 2022)),
        (review("某市·交通运输局", 2020), review("某市交通运输局", 2021)),
        (review("某县第２中学", 2022), review("某县第2中学", 2023)),
        (review("“某区”\u3000财政局", 2019), review("某区-财政局", 2020)),
    ]
    folder = [r for pair in pairs for r in reversed(pair)]  # later years first: order must not matter
    changed = link_previous_years(folder)
    for before, now in pairs:
        assert now.previous_year is before
        assert before.previous_year is None
    assert set(map(id, changed)) == {id(now) for _before, now in pairs}


def test_other_agencies_gaps_and_a_years_second_file_are_not_linked():
    government, office = review("某区人民政府", 2021), review("某区人民政府办公室", 2022)
    shortened = review("某区人民政府办", 2023)  # not the office's 2023 report
    early, late = review("某市审计局", 2019), review("某市审计局", 2021)  # 2020 is missing
    nameless_before, nameless = review("", 2020), review(None, 2021)
    unread = review("某市统计局", 2020, cells=False)  # no cells: it is not a year before
    after_unread = review("某市统计局", 2021)
    first_2022, second_2022 = review("某市税务局", 2022), review("某市 税务局", 2022)
    base_2021 = review("某市税务局", 2021)
    folder = [government, office, shortened, early, late, nameless_before, nameless, unread,
              after_unread, first_2022, second_2022, base_2021]
    assert link_previous_years(folder) == [first_2022]
    assert first_2022.previous_year is base_2021
    for other in folder:
        if other is not first_2022:
            assert other.previous_year is None


def test_a_link_that_no_longer_holds_is_undone_and_reported():
    before, now = review("某市民政局", 2021), review("某市民政局", 2022)
    assert link_previous_years([before, now]) == [now]
    assert link_previous_years([before, now]) == []  # nothing changed
    assert link_previous_years([now]) == [now] and now.previous_year is None


def test_the_links_are_the_folders_consecutive_pairs():
    """Any folder: each report's year before is the pair ``consecutive_pairs`` makes for it."""
    rng = random.Random(3)
    forms = [["某市公安局", "某市 公安局", "某市·公安局"], ["某县(水利)局", "某县（水利）局"],
             ["某区人民政府", "某区人民政府 "], ["某区人民政府办公室"], [""], [None]]
    for _round in range(50):
        folder = [review(rng.choice(rng.choice(forms)), rng.choice([2019, 2020, 2021, 2022, None]),
                         cells=rng.random() > 0.1) for _ in range(rng.randint(0, 25))]
        readable = [r for r in folder if r.report.cells]
        expected = {id(now): before for before, now in
                    consecutive_pairs(readable, lambda r: r.report.agency, lambda r: r.report.year)}
        link_previous_years(folder)
        for r in readable:
            assert r.previous_year is expected.get(id(r))


def test_the_copies_of_a_year_are_its_agencys_read_reports_of_that_year_the_linked_one_first():
    """Ctrl+D names the copy of a year filed twice that it compares, and the others."""
    from core.compare.years import copies_of
    before = review("某市审计局", 2022)
    first, again = review("某市审计局", 2023), review("某市 审计局", 2023)  # its .doc and its .pdf
    unread = review("某市审计局", 2023, cells=False)  # no tables read: not a copy to compare
    other = review("某市统计局", 2023)
    folder = [before, other, first, unread, again]
    link_previous_years(folder)
    assert first.previous_year is before
    assert [r.report.file for r in copies_of(again, folder)] == ["某市审计局2023.txt", "某市 审计局2023.txt"]
    assert copies_of(before, folder) == [before]
    assert copies_of(review(None, 2023), folder) == []


def test_the_copy_the_auditor_reviewed_stands_for_its_year_in_the_links():
    """qa17: a year filed twice paired its first copy for the X- rules while the 汇总 counted the
    copy the auditor had reviewed: two numbers for one year. The copy the auditor has worked on
    (an edit, a verdict, the 已审核 mark) stands, else the first; an undone edit gives it back."""
    from core.compare.years import MARKED, UNREAD, UNTOUCHED, WORKED, copies_of, copy_rank, standing_copy
    from core.review.edits import CLEARED, DISMISSED, CellEdit, Verdict
    before, after = review("某市审计局", 2022), review("某市审计局", 2024)
    first, second = review("某市审计局", 2023), review("某市 审计局", 2023)
    folder = [before, first, second, after]
    link_previous_years(folder)
    assert first.previous_year is before and after.previous_year is first and second.previous_year is None
    edit = CellEdit("section3.new.total", 1, 2)
    second.apply(edit)  # the auditor corrects the second copy
    assert [copy_rank(r) for r in (first, second)] == [UNTOUCHED, WORKED]
    assert set(map(id, link_previous_years(folder))) == {id(first), id(second), id(after)}
    assert second.previous_year is before and after.previous_year is second and first.previous_year is None
    assert copies_of(first, folder) == [first, second]  # the folder's order: the copies keep their numbers
    assert standing_copy(copies_of(first, folder)) is second
    second.revert(edit)  # undone: nobody has looked at either, the first stands again
    link_previous_years(folder)
    assert first.previous_year is before and after.previous_year is first and second.previous_year is None
    # a verdict alone is the auditor's work too; taken back, it is not
    verdict = Verdict("T3-1", ("section3.new.total",), DISMISSED, "以纸质版为准")
    second.set_verdict(verdict)
    link_previous_years(folder)
    assert after.previous_year is second
    second.set_verdict(Verdict("T3-1", ("section3.new.total",), CLEARED))
    link_previous_years(folder)
    assert after.previous_year is first
    # the 已审核 mark outranks work on another copy; a copy with no tables never stands
    first.apply(CellEdit("section3.new.total", 1, 5))
    second.reviewed = True
    assert [copy_rank(r) for r in (first, second)] == [WORKED, MARKED]
    assert standing_copy([first, second]) is second
    assert copy_rank(review("某市审计局", 2023, cells=False)) == UNREAD


def test_a_copy_missing_a_table_does_not_stand_for_its_year():
    """qa26: 001.txt saved again as 网页.html (tags lost) read no 表二 or 表三; first in the folder,
    that copy stood for 南通 2023 in 年度对照 (存疑 9), the cross-year checks and the 汇总's
    年度合计, beside two copies read whole. Untouched, a copy with a table of which no cell was
    read stands after every copy read whole, and the reason no longer says "the first"; the
    auditor's work on it still makes it stand."""
    from core.compare.years import FIRST_COMPLETE, PARTIAL, UNTOUCHED, WORKED, copy_rank, standing_copy, standing_reason
    from core.export.common import copy_notes
    from core.model import MISSING
    from core.review.edits import CellEdit

    lost = {"section2.rules.issued": CellValue(None, MISSING), "section3.new.total": CellValue(None, MISSING),
            "section4.review.total": CellValue(7)}
    whole = {"section2.rules.issued": CellValue(4), "section3.new.total": CellValue(110),
             "section4.review.total": CellValue(0)}
    broken, first_whole, second_whole = (
        ReportReview(Report(file=name, format="txt", agency="南通市崇川区人民政府办公室", year=2023, cells=dict(cells)))
        for name, cells in (("网页.html", lost), ("样例/001.txt", whole), ("语料/001.txt", whole)))
    copies = [broken, first_whole, second_whole]
    assert [copy_rank(r) for r in copies] == [PARTIAL, UNTOUCHED, UNTOUCHED]
    assert standing_copy(copies) is first_whole and standing_reason(copies) == FIRST_COMPLETE
    assert standing_reason(copies[1:]) == UNTOUCHED  # the first copy stands: "the first" is right
    notes = copy_notes(copies)
    assert notes[id(first_whole)].counted and notes[id(first_whole)].reason == "均未处理，前面的副本统计表不完整，以统计表完整的一份为准"
    assert not notes[id(broken)].counted and notes[id(broken)].counted_file == "样例/001.txt"
    following = review("南通市崇川区人民政府办公室", 2024)
    link_previous_years(copies + [following])
    assert following.previous_year is first_whole
    broken.apply(CellEdit("section3.new.total", None, 110))  # the auditor works on the broken copy
    assert copy_rank(broken) == WORKED and standing_copy(copies) is broken
    # a table not found (D-2's 缺少统计表), though a run-on line gave its cells numbers
    run_on = Report(file="网页.html", format="html", agency="南通市崇川区人民政府办公室", year=2023,
                    cells=dict(whole), tables=["section2", "section4"])
    assert copy_rank(ReportReview(run_on)) == PARTIAL
    assert copy_rank(ReportReview(dataclasses.replace(run_on, tables=["section2", "section3", "section4"]))) == UNTOUCHED


def test_a_copy_whose_tables_were_read_in_part_is_not_read_whole_and_stands_after_a_whole_one():
    """qa27: a copy cut off inside 表三 (the parser's 表不完整) or with 表四 lost (缺统计表) is no
    second version of its year: ``read_whole`` says so (年度对照 counts no differences against
    it), and untouched it stands after a copy read whole."""
    from core.compare.years import PARTIAL, UNTOUCHED, copy_rank, read_whole, standing_copy

    cells = {"section2.rules.issued": CellValue(4), "section3.new.total": CellValue(110),
             "section4.review.total": CellValue(0)}
    tables = ["section2", "section3", "section4"]
    whole = Report(file="001.txt", format="txt", agency="某某县人民政府办公室", year=2021, cells=dict(cells), tables=tables)
    assert read_whole(whole)
    for problem in ("第三部分统计表不完整：缺少2行（（七）总计、四、结转下年度继续办理）",
                    "未找到第四部分统计表（行政复议、行政诉讼情况）", "第四部分统计表没有可读的数值"):
        cut = dataclasses.replace(whole, file="网页.html", problems=[problem])
        assert not read_whole(cut), problem
        copies = [ReportReview(cut), ReportReview(whole)]
        assert [copy_rank(r) for r in copies] == [PARTIAL, UNTOUCHED]
        assert standing_copy(copies).report is whole
    # a problem of another kind (a lossy encoding) leaves the tables whole
    assert read_whole(dataclasses.replace(whole, problems=["文件中有无法解码的字符，已用替代字符显示"]))


def test_a_table_with_some_cells_unread_is_found_and_one_with_none_read_is_lacking():
    """``lacks_a_table`` asks, of each table, whether any cell of it was read: a lost row (its
    cells MISSING) before or after read ones leaves the table found; a table all of whose cells
    are MISSING, in any place among the others, is lacking."""
    from core.compare.years import lacks_a_table
    from core.model import MISSING

    lost = CellValue(None, MISSING)
    read = {"section2.rules.issued": CellValue(4), "section3.new.total": CellValue(110),
            "section3.new.natural": CellValue(100), "section4.review.total": CellValue(0),
            "section4.review.kept": CellValue(0)}
    assert not lacks_a_table(Report(file="001.txt", format="txt", cells=dict(read)))
    for path in read:  # one cell lost: its table still has another (but 表二's only cell)
        cells = {**read, path: lost}
        assert lacks_a_table(Report(file="001.txt", format="txt", cells=cells)) == path.startswith("section2"), path
    for section in ("section2", "section3", "section4"):  # every cell of one table lost
        cells = {path: lost if path.startswith(section) else cell for path, cell in read.items()}
        assert lacks_a_table(Report(file="001.txt", format="txt", cells=cells)), section
    # cells in no template order: section4's lost cell first, its read one last
    shuffled = {"section4.review.kept": lost, **{p: c for p, c in read.items() if p != "section4.review.kept"}}
    assert not lacks_a_table(Report(file="001.txt", format="txt", cells=shuffled))
