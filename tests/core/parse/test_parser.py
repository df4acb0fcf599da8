"""The parser on real reports and on variants of them that real files show."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.readers.document import Document, TextBuilder
from core.model import BLANK, INFERRED, PLACEHOLDER
from core.export.report_json import report_json
from core.parse.parser import parse
from core.pipeline import load_report
from core.check.rules import check
from tests.core.truth import leaves

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
CORPUS = FIXTURES / "corpus"
SEED_001 = CORPUS / "001_2b6e7661ff84f527.txt"
SEED_003 = CORPUS / "003_2385a1ea8664f14a.txt"


def wrong_cells(report, truth: dict) -> list[str]:
    out = report_json(report, check(report))
    wrong = []
    for section in ("section2", "section3", "section4"):
        for path, want in leaves(truth[section], section):
            got = report.value(path)
            if not (got == want or (want is None and got in (None, 0))):
                wrong.append(f"{path}: truth {want}, got {got}")
    assert out["file"] == report.file
    return wrong


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.iterdir() if p.suffix != ".json"))
def test_every_cell_of_the_real_reports_is_read_as_printed(name):
    path = CORPUS / name
    truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    report = load_report(path)
    assert wrong_cells(report, truth) == []
    assert report.year == truth["year"]
    assert report.template == truth["template"]
    assert report.agency == truth["agency"]
    assert report.problems == []


def flagged(report) -> set[str]:
    return {f.cell for f in report.flags}


def test_row_printing_six_of_seven_values_is_flagged():
    report = load_report(SEED_001)
    assert "section3.not_processed_complaint" in flagged(report)
    # its neighbours are untouched
    assert report.value("section3.not_processed_duplicate.total") == 0
    assert report.value("section3.total.natural") == 112


SEED_002 = CORPUS / "002_8be41c244005adf4.txt"
# 表三 rows of seed 002 that print eleven 0s beside their label for seven columns (counted in the text)
_ELEVEN_ZEROS = ["denied_safety_stability", "denied_third_party", "denied_internal_affairs", "denied_process_info",
                 "denied_law_enforcement_file", "denied_admin_query", "unable_not_held", "unable_need_creation",
                 "unable_unclear", "not_processed_complaint", "not_processed_duplicate", "not_processed_publication",
                 "not_processed_massive", "not_processed_confirm", "other_no_correction", "other_no_fee",
                 "other_other", "total", "carried_forward"]


def test_garbled_section_three_flags_only_rows_whose_values_are_unsure():
    report = load_report(SEED_002)
    # the rows printing no value beside their label are inferred: flagged
    assert {"section3.granted", "section3.partial", "section3.denied_state_secret"} <= flagged(report)
    # a row printing eleven 0s for seven columns is 0 in each cell whichever seven are its
    # cells: no flag for how many it printed
    assert not [f for f in report.flags if "印有" in f.message]
    assert not flagged(report) & {f"section3.{key}" for key in _ELEVEN_ZEROS}
    assert {report.value(f"section3.{key}.{column}") for key in _ELEVEN_ZEROS
            for column in ("natural", "commercial", "research", "social", "legal", "other", "total")} == {0}
    assert check(report) == []


def test_a_row_printing_too_many_values_not_all_0_stays_flagged(tmp_path):
    # one of the eleven 0s of 重复申请 printed as 3: which seven are its cells now matters
    row = "2.重复申请" + "\t0" * 11
    path = _variant(tmp_path, SEED_002, row, "2.重复申请\t3" + "\t0" * 10)
    report = load_report(path)
    assert [f.message for f in report.flags if f.cell == "section3.not_processed_duplicate"] == \
        ["「2.重复申请」行印有11个数值，模板为7列，请对照原文核对"]
    assert "section3.not_processed_complaint" not in flagged(report)  # its neighbour is still all 0s


def test_a_row_whose_0s_run_on_past_its_label_line_stays_flagged(tmp_path):
    # 重复申请's eleven 0s, five of them on a line of their own: they may be another row's cells
    row = "2.重复申请" + "\t0" * 11
    path = _variant(tmp_path, SEED_002, row, "2.重复申请" + "\t0" * 6 + "\n\t\t" + "\t0" * 5)
    report = load_report(path)
    assert "section3.not_processed_duplicate" in flagged(report)
    assert "section3.not_processed_complaint" not in flagged(report)


def test_extra_values_in_total_rows_are_dropped_by_the_rules_and_flagged():
    report = load_report(SEED_003)
    # （七）总计 prints 23 0 0 0 0 0 0 23 for seven columns: which seven are its cells matters
    assert "section3.total" in flagged(report)
    # 结转下年度继续办理 prints eight 0s: each of its cells is 0 whichever seven they are
    assert "section3.carried_forward" not in flagged(report)
    assert {report.value(f"section3.carried_forward.{c}") for c in ("natural", "other", "total")} == {0}
    assert [report.value(f"section3.total.{c}") for c in ("natural", "other", "total")] == [23, 0, 23]


def _variant(tmp_path, source: Path, old: str, new: str, name="variant.txt") -> Path:
    text = source.read_text(encoding="utf-8")
    assert old in text, old
    target = tmp_path / name
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def test_one_missing_value_does_not_shift_the_rest_of_the_table(tmp_path):
    # 予以公开 prints 12 (自然人) … 12 (总计); drop the 总计 value: the row sum gives it back
    path = _variant(tmp_path, SEED_003, "予以公开→→12→0→0→0→0→0→12→".replace("→", "\t"),
                    "予以公开→→12→0→0→0→0→0→".replace("→", "\t"))
    report = load_report(path)
    assert "section3.granted" in flagged(report)
    assert report.value("section3.granted.total") == 12
    assert report.cells["section3.granted.total"].state == INFERRED
    assert report.value("section3.partial.natural") == 2  # next row unchanged
    assert check(report) == []


def test_a_missing_middle_value_is_placed_by_the_column_sums(tmp_path):
    # 不掌握 row: 5 0 0 0 0 0 5 -> print 5 0 0 0 0 5 (one of the zeros lost)
    path = _variant(tmp_path, SEED_003, "不掌握相关政府信息→→5→0→0→0→0→0→5".replace("→", "\t"),
                    "不掌握相关政府信息→→5→0→0→0→0→5".replace("→", "\t"))
    report = load_report(path)
    assert "section3.unable_not_held" in flagged(report)
    assert report.value("section3.unable_not_held.natural") == 5
    assert report.value("section3.unable_not_held.total") == 5


def _row_flags(report, row: str) -> list[str]:
    return [f.message for f in report.flags if f.cell == row]


def test_a_row_printing_a_number_too_long_for_a_cell_says_so(tmp_path):
    """予以公开 printing one run of 70 digits (no cell holds over 60): the row said 「未印出数值」,
    untrue. It says its number is too long to read, and its cells are worked out from the other
    rows (12 0 0 0 0 0 12 as printed in the seed), never read as printed."""
    path = _variant(tmp_path, SEED_003, "予以公开→→12→0→0→0→0→0→12→".replace("→", "\t"),
                    "予以公开→→".replace("→", "\t") + "3" * 70 + "\t")
    report = load_report(path)
    messages = _row_flags(report, "section3.granted")
    assert messages and "「（一）予以公开」行" in messages[0] and "70位" in messages[0] and "过长" in messages[0]
    assert not any("未印出数值" in f.message for f in report.flags)
    cells = [f"section3.granted.{c}" for c in ("natural", "commercial", "research", "social", "legal", "other",
                                                "total")]
    assert [report.value(c) for c in cells] == [12, 0, 0, 0, 0, 0, 12]
    assert {report.cells[c].state for c in cells} == {INFERRED}


def test_a_laid_out_row_printing_a_number_too_long_for_a_cell_is_not_blank(tmp_path):
    """The same in pdftotext -layout text: the row was stored blank with no flag at all (the
    blanks then failed T3-2 with nothing saying why). Its printed values: 1288 21 0 0 50 3 1362."""
    source = FIXTURES / "converters" / "consistent-2021.pdf.pdftotext-layout.txt"
    path = _variant(tmp_path, source, "1288 21      0     0    50   3    1362", "9" * 75)
    report = load_report(path)
    messages = _row_flags(report, "section3.granted")
    assert messages and "75位" in messages[0] and "过长" in messages[0]
    cells = [f"section3.granted.{c}" for c in ("natural", "commercial", "research", "social", "legal", "other",
                                                "total")]
    assert not any(report.cells[c].state == BLANK for c in cells)
    assert [report.value(c) for c in cells] == [1288, 21, 0, 0, 50, 3, 1362]


def test_a_table_whose_values_print_as_one_overlong_run_says_so_on_each_row(tmp_path):
    """表三's labels, then all its values glued into one run of digits: every row said
    「未印出数值」, untrue. Each row says its values were not read, the table holding a number of
    183 digits (its 25 rows' values, counted by hand) too long to read; no cell is read as 0."""
    text = SEED_003.read_text(encoding="utf-8")
    start = text.index("一、本年新收")
    end = text.index("\n", text.index("四、结转下年度继续办理"))
    labels, digits = [], []
    for line in text[start:end].split("\n"):
        cells = [c.strip() for c in line.split("\t") if c.strip()]
        labels.append(" ".join(c for c in cells if not c.isdigit()))
        digits += [c for c in cells if c.isdigit()]
    run = "".join(digits)
    assert len(run) == 183
    path = tmp_path / "glued.txt"
    path.write_text(text[:start] + "\n".join(labels) + "\n" + run + text[end:], encoding="utf-8")
    report = load_report(path)
    rows = {f.cell: f.message for f in report.flags if f.cell.count(".") == 1 and f.cell.startswith("section3.")}
    assert len(rows) == 25 and "section3.carried_forward" in rows
    assert all("行未读出数值" in m and "183位" in m and "过长" in m for m in rows.values())
    assert not any("未印出数值" in f.message for f in report.flags)
    assert [p for p, c in report.cells.items() if p.startswith("section3.") and c.value == 0] == []


def test_truncated_section_three_gets_a_problem_and_no_invented_numbers(tmp_path):
    text = SEED_003.read_text(encoding="utf-8")
    cut = text[: text.index("（四）无法提供") if "（四）无法提供" in text else text.index("(四) 无法提供")]
    path = tmp_path / "truncated.txt"
    path.write_text(cut, encoding="utf-8")
    report = load_report(path)
    assert any("第三部分统计表不完整" in p for p in report.problems)
    for row in ("unable_not_held", "not_processed_duplicate", "total", "carried_forward"):
        assert report.value(f"section3.{row}.natural") is None
    assert report.value("section3.granted.natural") == 12


def test_rows_a_later_reader_reads_are_not_called_missing():
    """docx2txt glues a blank-zero 表三's rows (zoo r0018): the rows printing nothing beside their
    labels are read (their placeholders) once the glued digits are split, and the problem line no
    longer says 「统计表不完整：缺少4行」 of a table shown whole."""
    path = Path(__file__).resolve().parents[2] / "fixtures" / "zoo" / "r0018-docx2txt.txt"
    report = load_report(path)
    assert not any("不完整" in p for p in report.problems), report.problems
    assert report.value("section3.granted.natural") == 4
    assert all(report.cells[f"section3.carried_over.{c}"].state == PLACEHOLDER
               for c in ("natural", "commercial", "research", "social", "legal", "other", "total"))


def test_label_drift_is_tolerated(tmp_path):
    text = SEED_003.read_text(encoding="utf-8")
    text = text.replace("1.属于国家秘密", "1、属于 国家秘密").replace("社会公益组织", "社会组织")
    text = text.replace("4.保护第三方合法权益", "4．保护第三方 合法权益")
    path = tmp_path / "drift.txt"
    path.write_text(text, encoding="utf-8")
    report = load_report(path)
    assert report.value("section3.denied_third_party.natural") == 3
    assert report.flags == load_report(SEED_003).flags


def test_full_width_digits_thousands_and_units(tmp_path):
    text = SEED_003.read_text(encoding="utf-8")
    text = text.replace("行政许可\t10292", "行政许可\t１０，２９２件").replace("行政事业性收费\t882", "行政事业性收费\t8820000元")
    path = tmp_path / "units.txt"
    path.write_text(text, encoding="utf-8")
    report = load_report(path)
    assert report.value("section2.licensing.decisions") == 10292
    assert report.value("section2.fees.amount") == 882
    assert "section2.fees.amount" in flagged(report)
    assert load_report(_variant(tmp_path, SEED_003, "行政事业性收费\t882", "行政事业性收费\t3.2万",
                                "wan.txt")).value("section2.fees.amount") == 3.2
    assert any(f.rule == "T2-3" for f in check(report))


def _grid_document(rows: list[list[str]], prose: list[str]) -> Document:
    builder = TextBuilder()
    for line in prose:
        builder.add_line([line])
    for row in rows:
        builder.add_line(row, grid=True)
    return Document("grid.html", "html", "utf-8", builder.text, builder.lines)


def test_blank_slash_and_zero_stay_distinct_in_a_table_grid():
    seed = load_report(SEED_003)
    rows = []
    for row in ("new", "carried_over", "granted"):
        label = {"new": "一、本年新收政府信息公开申请数量", "carried_over": "二、上年结转政府信息公开申请数量",
                 "granted": "（一）予以公开"}[row]
        values = [str(seed.value(f"section3.{row}.{c}")) for c in
                  ("natural", "commercial", "research", "social", "legal", "other", "total")]
        rows.append([label] + values)
    rows[2][2] = ""    # 商业企业 printed blank
    rows[2][3] = "/"   # 科研机构 printed "/"
    doc = _grid_document(rows, ["某某区人民政府2021年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况"])
    report = parse(doc)
    assert report.cells["section3.granted.commercial"].state == BLANK
    assert report.cells["section3.granted.research"].state == PLACEHOLDER  # "/" in 表三: none
    assert report.value("section3.granted.commercial") is None
    assert report.value("section3.granted.social") == 0
    assert report_json(report)["section3"]["granted"]["research"] is None


def test_every_cell_remembers_where_it_came_from():
    report = load_report(SEED_003)
    cell = report.cells["section3.granted.natural"]
    start, end = cell.span
    assert report.text[start:end] == "12"
    line = report.text[report.text.rfind("\n", 0, start) + 1: report.text.find("\n", start)]
    assert "予以公开" in line


def test_the_2019_trial_template_is_recognised(tmp_path):
    report = load_report(FIXTURES / "report-2019.txt")
    assert report.template == "2019"
    assert report.year == 2020
    assert report.value("section2.licensing.change") == -5
    assert report.value("section2.other_services.change") == 2
    assert report.value("section2.procurement.amount") == 356.8
    assert report.value("section3.other_processing.total") == 1
    assert "section3.other_no_correction.total" not in report.cells
    assert check(report) == []


def test_a_text_that_is_not_a_report_says_so(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("会议纪要\n今天讨论了食堂菜单和停车位安排。\n", encoding="utf-8")
    report = load_report(path)
    assert any("不是政府信息公开工作年度报告" in p for p in report.problems)
    assert check(report) == [] or all(f.rule.startswith("D-") for f in check(report))


def test_agency_and_year_from_title_variants(tmp_path):
    text = SEED_003.read_text(encoding="utf-8").replace(
        "鼓楼区人民政府2021年政府信息公开工作年度报告", "鼓楼区人民政府办公室关于2021年度政府信息公开工作年度报告")
    path = tmp_path / "title.txt"
    path.write_text(text, encoding="utf-8")
    report = load_report(path)
    assert report.agency == "鼓楼区人民政府办公室" and report.year == 2021 and report.period_year == 2021


def test_an_empty_padding_cell_between_label_and_values_is_layout_not_a_blank():
    seed = load_report(SEED_003)
    columns = ("natural", "commercial", "research", "social", "legal", "other", "total")
    rows = [["一、本年新收政府信息公开申请数量", ""] + [str(seed.value(f"section3.new.{c}")) for c in columns],
            ["二、上年结转政府信息公开申请数量", ""] + [str(seed.value(f"section3.carried_over.{c}")) for c in columns]]
    report = parse(_grid_document(rows, ["某区人民政府2021年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况"]))
    assert report.value("section3.new.natural") == 22 and report.value("section3.new.total") == 22
    assert "section3.new" not in flagged(report)


def test_row_over_lines_with_a_typo_is_read_in_the_order_the_table_holds():
    # pdfplumber prints 「（二）部分公开」's 总计 on its label's first line ("2"), its parts on the
    # next ("9 2 1 - - -"); the 总计 is misprinted (12 in the report's truth), so no order of the
    # lines adds up. Read as printed, 2 would be 自然人 and every part a column off; the table's
    # column sums put the 9 under 自然人 and the 2 last, and the row is flagged.
    report = load_report(FIXTURES / "converters" / "zoo702-r0046.pdfplumber.txt")
    row = [report.value(f"section3.partial.{c}") for c in ("natural", "commercial", "research", "total")]
    assert row == [9, 2, 1, 2]
    assert any(f.cell == "section3.partial" and "已按表内勾稽关系排列各行" in f.message for f in report.flags)
    findings = report_json(report, check(report))["findings"]
    suggested = {f["suggestion"]["cell"]: f["suggestion"]["value"] for f in findings if f.get("suggestion")}
    assert suggested.get("section3.partial.total") == 12


@pytest.mark.parametrize("name, row, printed, total", [
    # plain pdftotext, one value a line: 「（一）予以公开」 49 2 0 0 0 0 47, its 总计 misprinted (51)
    ("pt5s802-r0030.pdftotext-gbk.txt", "granted", [49, 2, 0, 0, 0, 0, 47], 51),
    # mammoth's Markdown, one cell a paragraph: 「3.其他」 12 4 / / 1 / 7, its 总计 misprinted (17)
    ("sugg41-r0013.mammoth-md.md", "other_other", [12, 4, 0, 0, 1, 0, 7], 17),
])
def test_row_over_lines_that_adds_up_only_reordered_by_chance_is_read_as_printed(name, row, printed, total):
    # Taken with its first line last, the row adds up by chance (49 = 2 + 47; 12 = 4 + 1 + 7): so
    # read, every value sits a column off and four column sums fail. As printed, only the row's sum
    # and its 总计's column fail, crossing at the 总计: the misprint, whose true value both give.
    report = load_report(FIXTURES / "converters" / name)
    columns = ("natural", "commercial", "research", "social", "legal", "other", "total")
    assert [report.cells[f"section3.{row}.{c}"].arithmetic for c in columns] == printed
    # (flagged: its lines, one value a line, are kept in the cells' order, which the misprint
    # leaves in doubt)
    assert any(f.cell == f"section3.{row}" and "次序无法确定" in f.message for f in report.flags)
    assert not any(f.cell == f"section3.{row}" and "已按各行合计关系排列" in f.message for f in report.flags)
    findings = report_json(report, check(report))["findings"]
    suggested = {f["suggestion"]["cell"]: f["suggestion"]["value"] for f in findings if f.get("suggestion")}
    assert suggested == {f"section3.{row}.total": total}


def test_a_short_row_one_cell_a_paragraph_is_read_in_the_cells_order():
    # mammoth's Markdown, one cell a paragraph, a blank cell leaving nothing: 「5.属于三类内部事务信息」
    # prints 15 1 0 — — 14 (six values for seven cells), its 总计 misprinted 14 (true 16). Taken
    # with its first paragraph last (1 0 — — 14 15) it adds up by chance, which would hide the
    # misprint and move 15 out of 自然人; the paragraphs of a Word table are its cells in order.
    report = load_report(FIXTURES / "converters" / "md61-r0008.mammoth-md.md")
    columns = ("natural", "commercial", "research", "social", "legal", "other", "total")
    assert [report.cells[f"section3.denied_internal_affairs.{c}"].arithmetic for c in columns] == [15, 1, 0, 0, 0, 0, 14]
    assert "section3.denied_internal_affairs" in {f.cell for f in report.flags}
    findings = report_json(report, check(report))["findings"]
    suggested = {f["suggestion"]["cell"]: f["suggestion"]["value"] for f in findings if f.get("suggestion")}
    assert suggested == {"section3.denied_internal_affairs.total": 16}


def test_a_misprinted_total_is_read_where_the_failing_sums_cross_at_a_printed_value():
    # mammoth's raw text, zeros blank (empty paragraphs): 「四、结转下年度继续办理」 prints 2 under
    # 法律服务机构 and its 总计 misprinted "0" (truth 2). No order of its lines adds up; with the 2
    # taken last, the failing sums (the row's, 法律服务机构's column) cross at a blank cell, which
    # would need a value the report never printed; as printed, they (the row's, 总计's column)
    # cross at the printed 0: as many sums hold, and the misprint is a printed value.
    report = load_report(FIXTURES / "converters" / "guard777-r0008.mammoth-raw.txt")
    assert report.cells["section3.carried_forward.legal"].arithmetic == 2
    assert report.cells["section3.carried_forward.total"].arithmetic == 0
    findings = report_json(report, check(report))["findings"]
    suggested = {f["suggestion"]["cell"]: f["suggestion"]["value"] for f in findings if f.get("suggestion")}
    assert suggested == {"section3.carried_forward.total": 2}
