"""No cell of a table the parser found may end unread (or read from nonsense) with nothing saying so."""
from __future__ import annotations

from pathlib import Path

from core.model import BLANK, MISSING, CellValue, Flag
from core.parse.unread import unread_cell_flags
from core.pipeline import load_report
from tests.core.truth import covered, read_against_truth

CONVERTERS = Path(__file__).resolve().parents[2] / "fixtures" / "converters"


def test_rows_whose_digits_docx2txt_glued_to_their_labels_are_not_read_as_blank_rows():
    # docx2txt glues a table's cells with no separator: 「1.属于国家秘密117684643013272.其他…」,
    # 「2.重复申请\n836400933.要求提供公开出版物」. Those rows printed numbers; they came out as rows
    # of blanks (0) with no flag (11 silent cells: 国家秘密 自然人 1176, 本机关不掌握 2122, …).
    report, wrong, silent = read_against_truth(CONVERTERS / "lossy4242-r0016.docx2txt.txt")
    assert silent == []
    assert report.value("section3.denied_state_secret.natural") == 1176
    for key in ("unable_not_held", "unable_need_creation", "not_processed_duplicate", "not_processed_publication"):
        row = f"section3.{key}"
        assert any(covered(f"{row}.natural", {f.cell}) for f in report.flags), row


def test_a_glued_run_no_cut_adds_up_is_no_cells_value_nor_a_source_of_inferred_ones():
    # 「（七）总计\n172531234949240021300」: seven cells run together (17253 1234 949 24 0 0 21300,
    # its 总计 a planted typo, so no cut adds up). Read whole into 自然人, the 21-digit number was
    # carried by the column sums into 「二、上年结转」自然人 as 172531234949240004809.
    report = load_report(CONVERTERS / "lossy4242-r0016.docx2txt.txt")
    too_big = {p: c.value for p, c in report.cells.items() if c.value is not None and c.value >= 10 ** 9}
    assert too_big == {}
    assert report.value("section3.total.natural") is None
    assert report.value("section3.carried_over.natural") is None
    assert any(f.cell == "section3.total" for f in report.flags)


def test_zero_only_groups_of_a_t4_gathered_from_other_sections_are_flagged():
    # plain pdftotext printed 表四 in pieces, the heading 五、 in the middle of it and the last values
    # at the end of the document; read in printed order a 「－」 landed where the report printed 0
    # (未经复议直接起诉 总计, 复议后起诉 结果纠正), and nothing said the order was a guess.
    report, wrong, silent = read_against_truth(CONVERTERS / "pt11s1111-r0073.pdftotext-gbk.txt")
    assert silent == []
    assert {"section4.litigation_direct", "section4.litigation_after_review"} <= {f.cell for f in report.flags}


def test_a_cell_left_unread_in_a_found_table_is_named_by_a_flag():
    report = load_report(CONVERTERS / "zoo-r0013.pdftotext.txt")
    assert "section3" in report.tables
    report.flags = [Flag("section3.new", "parse", "…")]
    report.cells["section3.granted.natural"] = CellValue(None, MISSING)
    report.cells["section3.granted.legal"] = CellValue(None, MISSING)
    report.cells["section3.partial.natural"] = CellValue(None, BLANK)  # printed blank: read, not unread
    report.cells["section3.new.natural"] = CellValue(None, MISSING)  # its row already says why
    flags = unread_cell_flags(report)
    assert [(f.cell, f.kind) for f in flags] == [("section3.granted", "missing")]
    assert "「自然人」" in flags[0].message and "「法律服务机构」" in flags[0].message


def test_no_converter_fixture_leaves_a_cell_of_a_found_table_unread_unsaid():
    for path in sorted(CONVERTERS.glob("*.json")):
        outputs = [p for p in CONVERTERS.glob(path.stem + ".*") if p.suffix != ".json"]
        if len(outputs) != 1:
            continue
        report = load_report(outputs[0])
        marks = {f.cell for f in report.flags}
        unsaid = [p for p, c in report.cells.items() if p.split(".")[0] in report.tables
                  and c.value is None and c.state == MISSING and not covered(p, marks)]
        assert unsaid == [], outputs[0].name
