"""Readers: what a reviewer sees in the source pane, and the rows the parser gets.

Expected values are read off the fixtures by hand (tests/fixtures/README.md describes them).
"""
from __future__ import annotations

import base64
import io
import json
import os
import quopri
import random
import stat
from pathlib import Path

import pytest

import core.readers.dispatch as readers
from core.readers.dispatch import read_document
from core.readers.encoding import decode
from core.readers.pdf import SCANNED_PROBLEM, is_page_marker

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "tests" / "fixtures"
CORPUS = FIXTURES / "corpus"  # copies of the shared corpus files these tests read
SEED_000 = CORPUS / "000_f621d1f2d2e52411.txt"
SEED_001 = CORPUS / "001_2b6e7661ff84f527.txt"
HUAIAN = CORPUS / "huaian-2024.pdf"
TEMPLATE = ROOT / "resources" / "2021-official-template.docx"
PAGE = FIXTURES / "page-gb2312.html"
FILLED = FIXTURES / "filled-2021.docx"


def assert_offsets(doc):
    """Every cell points at its own text in the display text (the source pane relies on it)."""
    for line in doc.lines:
        for cell in line.cells:
            assert doc.text[cell.start:cell.end] == cell.text, (cell, line)


def rows(doc, grid=None):
    return [[c.text for c in line.cells] for line in doc.lines if grid is None or line.grid == grid]


def row_starting(doc, label):
    matches = [r for r in rows(doc) if r and r[0].startswith(label)]
    assert matches, f"no line starts with {label!r}"
    return matches[0]


def write(tmp_path, name, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def seed_text(path=SEED_001) -> str:
    return path.read_text(encoding="utf-8")


# --- encodings ------------------------------------------------------------------------------

@pytest.mark.parametrize("codec, prefix, expected", [
    ("utf-8", b"", "utf-8"),
    ("utf-8", b"\xef\xbb\xbf", "utf-8-sig"),
    ("gbk", b"", "gb18030"),
    ("gb18030", b"", "gb18030"),
    ("utf-16-le", b"\xff\xfe", "utf-16-le"),
    ("utf-16-le", b"", "utf-16-le"),
    ("utf-16-be", b"\xfe\xff", "utf-16-be"),
])
@pytest.mark.parametrize("seed", [SEED_000, SEED_001], ids=["seed000", "seed001"])
def test_seed_reencoded_reads_back_identically(tmp_path, seed, codec, prefix, expected):
    original = seed_text(seed)
    path = write(tmp_path, "report.txt", prefix + original.encode(codec))
    doc = read_document(path)
    assert doc.problems == []
    assert doc.encoding == expected
    assert doc.format == "txt"
    # every line is kept; the reader ends the last line with a newline like all others
    assert doc.text == original + "\n"
    assert_offsets(doc)


def test_windows_newlines_do_not_leak_into_cells(tmp_path):
    original = seed_text(SEED_000)
    path = write(tmp_path, "report.txt", original.replace("\n", "\r\n").encode("gbk"))
    doc = read_document(path)
    assert "\r" not in doc.text
    # seed 000 prints the row as label, an empty merged field, seven zeros and a trailing tab
    assert row_starting(doc, "一、本年新收") == ["一、本年新收政府信息公开申请数量", ""] + ["0"] * 7 + [""]


def test_zero_width_spaces_copied_from_a_web_page_do_not_split_numbers(tmp_path):
    # a page's zero-width spaces survive a browser's copy; inside "110" one would make two values
    original = seed_text(SEED_000).replace("数量\t\t0\t0\t0", "数量\t\t1\u200b10\t\u200b0\t0\u200b", 1)
    path = write(tmp_path, "report.txt", original.encode("utf-8"))
    doc = read_document(path)
    assert row_starting(doc, "一、本年新收") == ["一、本年新收政府信息公开申请数量", "", "110", "0", "0"] \
        + ["0"] * 4 + [""]
    assert "\u200b" not in doc.text
    assert_offsets(doc)


def test_decode_evidence_order():
    assert decode("年度报告".encode("utf-8")) == ("年度报告", "utf-8")
    assert decode("喆安区年度报告".encode("gbk")) == ("喆安区年度报告", "gb18030")
    assert decode(b"\xef\xbb\xbf\xe5\xb9\xb4\r\n") == ("年\n", "utf-8-sig")
    assert decode("总计\r\n3\r".encode("utf-16-le")) == ("总计\n3\n", "utf-16-le")
    assert decode(b"\xff\xfe" + "总计".encode("utf-16-le")) == ("总计", "utf-16-le")
    assert decode(b"plain ascii") == ("plain ascii", "utf-8")


def test_big5_mirror_is_recognised():
    text = ("政府資訊公開工作年度報告。本機關依據《政府資訊公開條例》規定，全年主動公開政府資訊"
            "共計一千二百件，收到政府資訊公開申請一百三十二件，均已依法辦理並按時答覆。"
            "結轉下年度繼續辦理九件。行政復議四件，行政訴訟一件。\n") * 3
    assert decode(text.encode("big5")) == (text, "big5")


def test_strict_gb18030_needs_no_detector(monkeypatch):
    """chardet is slow; UTF-8 and GB18030 files must be decoded without it."""
    import chardet

    def refuse(data):
        raise AssertionError("chardet called")
    monkeypatch.setattr(chardet, "detect", refuse)
    text = "一、本年新收政府信息公开申请数量\t110\t0\t0\t0\t0\t0\t110\n" * 20
    assert decode(text.encode("gbk")) == (text, "gb18030")
    assert decode(text.encode("utf-8")) == (text, "utf-8")


def test_sparsely_damaged_gb18030_needs_no_detector(monkeypatch):
    """Chinese GBK text with a few undecodable bytes (a damaged file, a page lynx mangled) is read
    as lossy GB18030 without chardet, whose first call loads its models (~400 M instructions)."""
    import chardet

    from core.readers.encoding import LOSSY_PROBLEM, decode_with_problems

    def refuse(data):
        raise AssertionError("chardet called")
    monkeypatch.setattr(chardet, "detect", refuse)
    line = "一、本年新收政府信息公开申请数量\t110\t0\t0\t0\t0\t0\t110\n"
    data = (line.encode("gbk") + b"\x80") * 5  # one bad byte a line: 1 for 14 Chinese characters
    text, encoding, problems = decode_with_problems(data)
    assert (encoding, problems) == ("gb18030", [LOSSY_PROBLEM])
    assert text == (line + "\ufffd") * 5


def test_densely_damaged_bytes_still_ask_the_detector(monkeypatch):
    import chardet

    asked = []
    monkeypatch.setattr(chardet, "detect", lambda data: asked.append(data) or {"encoding": None})
    line = "一、本年新收政府信息公开申请数量\n"
    data = (line.encode("gbk") + b"\x80\x80") * 5  # 2 bad bytes for 14 Chinese characters: too many
    assert decode(data)[1] == "gb18030" and len(asked) == 1


def test_undecodable_bytes_still_give_text_and_a_problem(tmp_path):
    data = "总计".encode("gbk") + b"\x81\x20\xff\xfe\x80 ok\n"  # no encoding accepts this
    doc = read_document(write(tmp_path, "odd.txt", data))
    assert doc.text.startswith("总计")
    assert doc.text.rstrip("\n").endswith("ok")
    assert len(doc.problems) == 1 and "编码" in doc.problems[0]


# --- plain text -----------------------------------------------------------------------------

def test_tab_fields_become_cells_and_empty_fields_stay(tmp_path):
    data = "二、主动公开\n规章\t\t0\t\t3\n\n".encode("utf-8")
    doc = read_document(write(tmp_path, "t.md", data))
    assert doc.format == "md"
    assert rows(doc) == [["二、主动公开"], ["规章", "", "0", "", "3"], [""]]
    assert not any(line.grid for line in doc.lines)
    assert_offsets(doc)


def test_last_line_without_a_newline_and_edge_tabs_keep_their_cells(tmp_path):
    doc = read_document(write(tmp_path, "t.txt", "总计\t5\t\n\t末行".encode("utf-8")))
    assert rows(doc) == [["总计", "5", ""], ["", "末行"]]
    assert doc.text == "总计\t5\t\n\t末行\n"  # the source pane shows the file's own text
    assert_offsets(doc)


def test_markdown_pipe_row_among_prose_is_a_grid_row_with_its_blank_cell(tmp_path):
    doc = read_document(write(tmp_path, "t.md", "二、主动公开\n| 规章 | 0 |  | 3 |\n说明\t文字\n|||\n".encode("utf-8")))
    assert rows(doc) == [["二、主动公开"], [" 规章 ", " 0 ", "  ", " 3 "], ["说明", "文字"], ["|||"]]
    assert [line.grid for line in doc.lines] == [False, True, False, False]
    assert doc.text == "二、主动公开\n| 规章 | 0 |  | 3 |\n说明\t文字\n|||\n"
    assert_offsets(doc)


# html2text's table of rows [标签A, 1, <br/>, 2], [标签B, <br/>, 3, <br/>], [<br/>, 4, 5, 6],
# [&nbsp;, 7, 8, &nbsp;], [标签C, 9, &nbsp;, <br/>] (each cell a <p>): a <br/> breaks the line
HTML2TEXT_BARE = ("标签A| 1|   \n| 2  \n---|---|---|---  \n标签B|   \n| 3|   \n  \n  \n| 4| 5| 6  \n"
                  " | 7| 8|    \n标签C| 9|  |   \n")
HTML2TEXT_PADDED = ("| 标签A | 1  |    |\n|     | 2  |\n|-----|----|----|----|\n| 标签B |    |\n|     | 3  |    |\n"
                    "|     |\n|     |\n|     | 4  | 5  | 6  |\n|     | 7  | 8  |    |\n| 标签C | 9  |    |    |\n")


def test_html2text_row_broken_at_a_blank_cell_goes_on_at_the_next_line(tmp_path):
    # a line opening with a pipe right under a row ending in a cell just opened is that row's
    doc = read_document(write(tmp_path, "t.md", HTML2TEXT_BARE.encode("utf-8")))
    grid = [[c.strip() for c in cells] for cells, line in zip(rows(doc), doc.lines) if line.grid]
    assert grid == [["标签A", "1", "", "2"], ["标签B", "", "3", ""], ["", "4", "5", "6"], ["", "7", "8", ""],
                    ["标签C", "9", "", ""]]
    assert doc.text == HTML2TEXT_BARE  # the source pane shows the file's own lines
    assert_offsets(doc)


def test_html2text_padded_row_broken_at_a_blank_cell_goes_on_at_the_next_line(tmp_path):
    # padded, each physical line was padded as a row: a blank line is one blank cell, a line going
    # on with a row opens with a blank cell (a table whose rows hold varying numbers of cells)
    doc = read_document(write(tmp_path, "t.md", HTML2TEXT_PADDED.encode("utf-8")))
    grid = [[c.strip() for c in cells] for cells, line in zip(rows(doc), doc.lines) if line.grid]
    assert grid == [["标签A", "1", "", "2"], ["-----", "----", "----", "----"], ["标签B", "", "3", ""],
                    ["", "4", "5", "6"], ["", "7", "8", ""], ["标签C", "9", "", ""]]
    assert doc.text == HTML2TEXT_PADDED
    assert_offsets(doc)


def test_html2text_open_row_is_not_continued_by_a_framed_line(tmp_path):
    # a site's layout table padded round the report (its lines closed by a pipe) after a bare row
    # ending on a blank cell: the framed lines are the layout's, not the row's (w1304 cms-html-
    # html2text r0006: its whole text joined to the row, 表二 not found)
    text = ("| 索引号：| 1712/2024| 发文日期：| 2024-01-15  \n---|---|---|---  \n发布机构：| 公安局| 文号：|  \n"
            "|                    |\n| **一、总体情况**        |\n")
    doc = read_document(write(tmp_path, "t.md", text.encode("utf-8")))
    assert row_starting(doc, "发布机构") == ["发布机构：", " 公安局", " 文号：", "  "]
    assert len(doc.lines) == 5


def test_pandoc_grid_rows_with_blank_edge_cells_stay_rows(tmp_path):
    # a framed table whose rows all hold as many cells: a blank first cell is a merged one above
    text = "| 项目 | 一 | 二 |\n|---|---|---|\n| 三、结果 | 1 |  |\n|  | 2 | 3 |\n"
    doc = read_document(write(tmp_path, "t.md", text.encode("utf-8")))
    assert [[c.strip() for c in cells] for cells in rows(doc)][2:] == [["三、结果", "1", ""], ["", "2", "3"]]


def test_csv_uses_commas_and_quotes(tmp_path):
    data = ('项目,自然人,总计\n"（二）部分公开（区分处理的，只计这一情形,不计其他情形）",7,"1,234"\n'
            "四、结转下年度继续办理,,9\n").encode("gbk")
    doc = read_document(write(tmp_path, "t.CSV", data))
    assert doc.format == "csv" and doc.encoding == "gb18030"
    assert rows(doc) == [
        ["项目", "自然人", "总计"],
        ["（二）部分公开（区分处理的，只计这一情形,不计其他情形）", "7", "1,234"],
        ["四、结转下年度继续办理", "", "9"],
    ]
    assert_offsets(doc)


def test_form_feed_from_pdftotext_is_a_line_break(tmp_path):
    doc = read_document(write(tmp_path, "x.text", "第一页末行\f第二页首行\n".encode("utf-8")))
    assert doc.format == "txt"
    assert rows(doc) == [["第一页末行"], ["第二页首行"]]
    assert doc.page_starts == (1,)  # the second line begins page 2


def test_page_breaks_are_kept_in_a_text_holding_a_pipe(tmp_path):
    # a stray "|" sends the text down the table-row path: the page breaks (which tell a page
    # number in a footer from a cell) must still be known there
    text = "申请人 | 自然人\n第一页末行\n3\f第二页首行\n总计\n"
    doc = read_document(write(tmp_path, "x.txt", text.encode("utf-8")))
    assert rows(doc)[2:4] == [["3"], ["第二页首行"]]
    assert doc.page_starts == (3,)


# --- HTML -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def page():
    return read_document(PAGE)


def test_page_declared_gb2312_saved_as_gbk(page):
    assert page.problems == []
    assert page.format == "html"
    assert page.encoding == "gb18030"
    assert "喆安区人民政府办公室2023年政府信息公开工作年度报告" in page.text  # 喆 is GBK only
    assert_offsets(page)


def test_page_drops_scripts_styles_and_keeps_prose_lines(page):
    assert "不应出现在正文中" not in page.text and "脚本输出" not in page.text
    assert "font-family" not in page.text
    assert ["一、总体情况"] in rows(page, grid=False)
    prose = row_starting(page, "2023年，区政府办公室共收到")
    assert prose == ["2023年，区政府办公室共收到政府信息公开申请132件，上年结转6件，"
                     "结转下年度继续办理9件。 全年政府信息公开行政复议4件，行政诉讼1件。"]
    # the site's layout table around the article is not one giant grid cell
    assert all(len(c.text) < 300 for line in page.lines if line.grid for c in line.cells)


def test_page_t3_merged_cells_once_and_blanks_kept(page):
    grid = rows(page, grid=True)
    start = grid.index(["（本列数据的勾稽关系为：第一项加第二项之和， 等于第三项加第四项之和）", "申请人情况"])
    t3 = grid[start:start + 28]
    assert t3[1] == ["自然人", "法人或其他组织", "总计"]
    assert t3[2] == ["商业 企业", "科研 机构", "社会公益组织", "法律服务机构", "其他"]
    assert t3[3] == ["一、本年新收政府信息公开申请数量", "120", "8", "0", "1", "3", "0", "132"]
    assert t3[5] == ["三、本年度办理结果", "（一）予以公开", "60", "4", "0", "1", "1", "0", "66"]
    assert t3[6] == ["（二）部分公开 （区分处理的，只计这一情形，不计其他情形）",
                     "10", "1", "0", "0", "0", "0", "11"]
    assert t3[7] == ["（三）不予公开", "1.属于国家秘密", "1", "0", "0", "0", "0", "0", "1"]
    assert t3[8] == ["2.其他法律行政法规禁止公开"] + ["0"] * 7
    assert t3[21] == ["4.无正当理由大量反复申请"] + [""] * 7  # &nbsp; cells
    assert t3[24][2:4] == ["0", ""]  # U+3000 in the 科研机构 cell is a blank
    assert t3[26] == ["（七）总计", "118", "8", "0", "1", "2", "0", "129"]
    assert t3[27] == ["四、结转下年度继续办理", "7", "1", "0", "0", "1", "0", "9"]


def test_page_tables_in_document_order(page):
    texts = [line.text for line in page.lines]
    order = [texts.index("二、主动公开政府信息情况"), texts.index("规章 0 0 2"),
             texts.index("三、收到和处理政府信息公开申请情况"),
             texts.index("一、本年新收政府信息公开申请数量 120 8 0 1 3 0 132"),
             texts.index("四、政府信息公开行政复议、行政诉讼情况"),
             texts.index("2 1 0 1 4 1 0 0 0 1 0 0 0 0 0"),
             texts.index("五、存在的主要问题及改进情况")]
    assert order == sorted(order)
    assert row_starting(page, "行政许可") == ["行政许可", "1250"]
    assert row_starting(page, "行政事业性收费") == ["行政事业性收费", "12.5"]


def test_page_meta_says_utf8_but_bytes_are_gbk(tmp_path):
    html = ('<html><head><meta charset="utf-8"><title>年度报告</title></head><body>'
            "<p>二、上年结转政府信息公开申请数量</p>"
            "<table><tr><td>（一）予以公开</td><td>12</td><td>&nbsp;</td></tr></table></body></html>")
    doc = read_document(write(tmp_path, "p.htm", html.encode("gbk")))
    assert doc.format == "html" and doc.encoding == "gb18030"
    assert rows(doc) == [["年度报告"], ["二、上年结转政府信息公开申请数量"], ["（一）予以公开", "12", ""]]
    assert_offsets(doc)


def test_page_meta_says_gb2312_but_bytes_are_utf8(tmp_path):
    html = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>结转下年度继续办理</p>'
    doc = read_document(write(tmp_path, "p.html", html.encode("utf-8")))
    assert doc.encoding == "utf-8"
    assert rows(doc) == [["结转下年度继续办理"]]


@pytest.mark.parametrize("codec", ["utf-8", "gbk", "utf-16"])
def test_page_control_characters_are_dropped_in_any_encoding(tmp_path, codec):
    """Stray control characters (a form feed, an escape, DEL) vanish from the text whatever the
    page's encoding; tabs and line breaks stay what they were."""
    html = "<p>本年度\x0c共\x1b收到\x7f申请</p><table><tr><td>12\x01</td><td>\t3\x08</td></tr></table>"
    doc = read_document(write(tmp_path, "p.html", html.encode(codec)))
    assert rows(doc) == [["本年度共收到申请"], ["12", "3"]]
    assert "\x0c" not in doc.text and "\x7f" not in doc.text and "\x01" not in doc.text
    assert_offsets(doc)


def test_small_table_nested_in_a_cell_is_flattened(tmp_path):
    html = ("<table><tr><td>（三）不予公开</td><td><table><tr><td>1.属于</td><td>国家秘密</td></tr>"
            "</table></td><td>2</td></tr><tr><td colspan=2>合计</td><td>2</td></tr></table>")
    doc = read_document(write(tmp_path, "n.html", html.encode("utf-8")))
    assert rows(doc) == [["（三）不予公开", "1.属于 国家秘密", "2"], ["合计", "2"]]
    assert all(line.grid for line in doc.lines)


def test_line_and_cell_texts_are_squashed_and_the_renderers_marks_in_a_page_are_text(tmp_path):
    """Lines and cells lose their white space (U+3000, nbsp, line breaks) and zero-width spaces;
    a page holding the characters the renderer marks lines with (U+FDD0, &#xFDD1;) keeps them."""
    html = ("<p> a\u200b b\u3000c </p><table><tr><td>\n\t12 \n</td><td>\xa0x\xa0</td><td> </td></tr></table>"
            "<p>d\ufdd0e &#xFDD1;f</p>")
    doc = read_document(write(tmp_path, "s.html", html.encode("utf-8")))
    assert rows(doc) == [["a b c"], ["12", "x", ""], ["d\ufdd0e \ufdd1f"]]
    assert [line.grid for line in doc.lines] == [False, True, False]
    assert_offsets(doc)


def test_page_character_reference_1_stays_in_its_cell(tmp_path):
    html = "<table><tr><td>a&#1;b</td><td> c &#x200b; d </td><td>&#1;</td><td>7</td></tr></table>"
    doc = read_document(write(tmp_path, "c.html", html.encode("utf-8")))
    assert rows(doc) == [["a\x01b", "c d", "\x01", "7"]]
    assert_offsets(doc)


def test_table_cell_of_an_article_is_layout_and_padded_short_cells_are_not(tmp_path):
    """A cell whose paragraphs hold more than 300 characters is an article in a layout table: its
    paragraphs become lines. A cell of short paragraphs padded with white space stays a cell."""
    sentence = "本机关严格落实政府信息公开各项制度要求。"  # 20 characters
    article = "".join(f"<p>{sentence * 4}</p>" for _ in range(4))  # 320 characters
    html = f"<table><tr><td>年度报告</td><td>{article}</td></tr></table>"
    doc = read_document(write(tmp_path, "a.html", html.encode("utf-8")))
    assert not any(line.grid for line in doc.lines)
    assert rows(doc) == [["年度报告"]] + [[sentence * 4]] * 4
    padded = "<p>一、</p>" + " " * 400 + "<p>总体情况</p>"
    html = f"<table><tr><td>{padded}</td><td>5</td></tr></table>"
    doc = read_document(write(tmp_path, "b.html", html.encode("utf-8")))
    assert rows(doc) == [["一、 总体情况", "5"]] and doc.lines[0].grid


def _mht(html: bytes, transfer: str) -> bytes:
    """A web archive as Internet Explorer saves it: the page is a transfer-encoded MIME part."""
    body = quopri.encodestring(html) if transfer == "quoted-printable" else base64.encodebytes(html)
    return (b"From: <Saved by Windows Internet Explorer 8>\r\n"
            b"Subject: =?gb2312?B?xOq2yLGouOY=?=\r\n"
            b"MIME-Version: 1.0\r\n"
            b'Content-Type: multipart/related; type="text/html"; boundary="----=_NextPart_000"\r\n'
            b"\r\nThis is a multi-part message in MIME format.\r\n\r\n"
            b"------=_NextPart_000\r\n"
            b'Content-Type: text/html; charset="gb2312"\r\n'
            b"Content-Transfer-Encoding: " + transfer.encode() + b"\r\n"
            b"Content-Location: http://www.example.gov.cn/art/2024/1/1/art_1.html\r\n\r\n"
            + body.replace(b"\n", b"\r\n") +
            b"\r\n------=_NextPart_000\r\n"
            b"Content-Type: text/css\r\nContent-Location: http://www.example.gov.cn/a.css\r\n\r\n"
            b"td { border: 1px solid }\r\n"
            b"------=_NextPart_000--\r\n")


@pytest.mark.parametrize("transfer, name", [("quoted-printable", "page.mht"), ("base64", "page.MHTML")])
def test_mht_archive_reads_like_the_page(tmp_path, page, transfer, name):
    data = _mht(PAGE.read_bytes(), transfer)
    assert "喆".encode("gbk") not in data  # the page really is transfer-encoded
    doc = read_document(write(tmp_path, name, data))
    assert doc.format == "mht"
    assert doc.encoding == "gb18030"
    assert doc.problems == []
    assert rows(doc) == rows(page)
    assert_offsets(doc)


# --- DOCX -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def filled():
    return read_document(FILLED)


def test_docx_paragraphs_and_tables_in_document_order(filled):
    assert filled.problems == [] and filled.format == "docx" and filled.encoding is None
    texts = [line.text for line in filled.lines]
    assert texts[0] == "测试市测试局2023年政府信息公开工作年度报告"
    order = [texts.index(t) for t in ("二、主动公开政府信息情况", "规章 11 12 13",
                                      "三、收到和处理政府信息公开申请情况",
                                      "一、本年新收政府信息公开申请数量 101 102 103 104 105 106 107",
                                      "四、政府信息公开行政复议、行政诉讼情况",
                                      "五、存在的主要问题及改进情况")]
    assert order == sorted(order)
    assert_offsets(filled)


def test_docx_t2_rows(filled):
    grid = rows(filled, grid=True)
    assert grid[:14] == [
        ["第二十条第（一）项"],  # gridSpan 4: once
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "11", "12", "13"],
        ["行政规范性文件", "21", "22", "23"],
        ["第二十条第（五）项"],
        ["信息内容", "本年处理决定数量"],
        ["行政许可", "30"],
        ["第二十条第（六）项"],
        ["信息内容", "本年处理决定数量"],
        ["行政处罚", "40"],
        ["行政强制", "50"],
        ["第二十条第（八）项"],
        ["信息内容", "本年收费金额（单位：万元）"],
        ["行政事业性收费", "60.25"],
    ]


def test_docx_t3_header_and_vertical_merges_once(filled):
    grid = rows(filled, grid=True)
    t3 = grid[14:42]
    assert t3[0] == ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"]
    assert t3[1] == ["自然人", "法人或其他组织", "总计"]
    assert t3[2] == ["商业 企业", "科研 机构", "社会公益组织", "法律服务机构", "其他"]
    # group labels (vMerge) appear only in the first row of their group
    assert t3[5][:2] == ["三、本年度办理结果", "（一）予以公开"]
    assert t3[6][0] == "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    assert t3[7][:2] == ["（三）不予公开", "1.属于国家秘密"]
    assert t3[8][0] == "2.其他法律行政法规禁止公开"
    assert t3[15][:2] == ["（四）无法提供", "1.本机关不掌握相关政府信息"]
    assert t3[18][:2] == ["（五）不予处理", "1.信访举报投诉类申请"]
    assert t3[23][:2] == ["（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"]
    assert t3[25][0] == "3.其他"
    assert t3[26] == ["（七）总计", "2401", "2402", "2403", "2404", "2405", "2406", "2407"]
    assert t3[27] == ["四、结转下年度继续办理", "2501", "2502", "2503", "2504", "2505", "2506", "2507"]


def test_docx_values_match_expected_json(filled):
    expected = json.loads((FIXTURES / "filled-2021.expected.json").read_text(encoding="utf-8"))
    grid = rows(filled, grid=True)
    t3_values = [row[-7:] for row in grid[17:42]]
    t3_expected = [[str(v) for v in row.values()] for row in expected["section3"].values()]
    assert t3_values == t3_expected
    t4_values = grid[45]
    assert t4_values == [str(v) for group in expected["section4"].values() for v in group.values()]
    assert grid[43] == ["结果维持", "结果 纠正", "其他 结果", "尚未 审结", "总计", "未经复议直接起诉", "复议后起诉"]
    assert expected["section2"]["fees"]["amount"] == 60.25 and ["行政事业性收费", "60.25"] in grid


def test_blank_template_keeps_empty_cells(tmp_path):
    doc = read_document(TEMPLATE)
    assert doc.problems == []
    assert row_starting(doc, "规章") == ["规章", "", "", ""]  # cells hold only U+3000
    assert row_starting(doc, "行政许可") == ["行政许可", ""]
    assert row_starting(doc, "一、本年新收") == ["一、本年新收政府信息公开申请数量"] + [""] * 7
    assert [""] * 15 in rows(doc, grid=True)  # the T4 value row
    assert_offsets(doc)


def test_docx_nested_table_is_flattened_into_its_cell(tmp_path):
    import docx
    document = docx.Document()
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "（一）予以公开"
    inner = table.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "5"
    inner.cell(0, 1).text = "6"
    document.add_paragraph("四、结转下年度继续办理\t3")
    path = tmp_path / "nested.docx"
    document.save(str(path))
    doc = read_document(path)
    assert rows(doc) == [["三、收到和处理政府信息公开申请情况"], ["（一）予以公开", "5 6"],
                         ["四、结转下年度继续办理", "3"]]
    assert [line.grid for line in doc.lines] == [False, True, False]


def test_truncated_docx_is_reported(tmp_path):
    data = FILLED.read_bytes()
    doc = read_document(write(tmp_path, "half.docx", data[: len(data) // 2]))
    assert doc.problems == ["文件已损坏或不完整，无法打开（docx）"]
    assert doc.lines == [] and doc.format == "docx"


def test_doc_that_is_really_docx_is_read(tmp_path):
    doc = read_document(write(tmp_path, "renamed.DOC", FILLED.read_bytes()))
    assert doc.format == "doc" and doc.problems == []
    assert "一、本年新收政府信息公开申请数量 101 102 103 104 105 106 107" in [l.text for l in doc.lines]


def test_doc_that_is_really_a_web_page_is_read(tmp_path):
    doc = read_document(write(tmp_path, "saved-as-web.doc", PAGE.read_bytes()))
    assert doc.format == "doc" and doc.encoding == "gb18030"
    assert row_starting(doc, "（七）总计") == ["（七）总计", "118", "8", "0", "1", "2", "0", "129"]


def test_docx_that_is_really_a_web_page_is_read(tmp_path):
    html = "<html><body><table><tr><td>（七）总计</td><td>5</td></tr></table></body></html>"
    doc = read_document(write(tmp_path, "downloaded.docx", html.encode("utf-8")))
    assert doc.format == "docx" and doc.problems == []
    assert rows(doc) == [["（七）总计", "5"]]


def test_page_without_text_is_reported(tmp_path):
    doc = read_document(write(tmp_path, "blank.html", b"<html><body><img src=scan.png></body></html>"))
    assert doc.problems == ["网页中没有找到文字内容"]


def test_mht_without_a_web_page_is_reported(tmp_path):
    data = (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n"
            b"--b\r\nContent-Type: image/png\r\n\r\nxxxx\r\n--b--\r\n")
    doc = read_document(write(tmp_path, "empty.mht", data))
    assert doc.problems == ["MHT文件中没有找到网页内容"]


# --- PDF ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def huaian():
    return read_document(HUAIAN)


def test_pdf_text_lines(huaian):
    assert huaian.problems == [] and huaian.format == "pdf" and huaian.encoding is None
    texts = [line.text for line in huaian.lines]
    assert "一、本年新收政府信息公开申请数量 3001 53 0 0 61 4 3119" in texts
    assert "72 64 178 37 351 13 4 8 1 26 12 1 1 6 20" in texts  # the T4 value row
    # table rows come from the ruled tables as rows of cells; the prose stays plain lines
    row = next(line for line in huaian.lines if line.text.startswith("一、本年新收"))
    assert row.grid and [c.text for c in row.cells][-3:] == ["61", "4", "3119"]
    assert not any(line.grid for line in huaian.lines if "统计期限" in line.text)
    assert_offsets(huaian)


def test_pdf_page_markers_are_gone(huaian):
    texts = [line.text for line in huaian.lines]
    for n in range(1, 7):
        assert f"- {n} -" not in texts
    # page 4 ends in the middle of （四）无法提供; page 5 continues on the very next line
    i = texts.index("（四）无 1.本机关不掌握相关政府信息 746 12 0 0 10 1 769")
    assert texts[i + 1].strip() == "法提供 2.没有现成信息需要另行制作 11 0 0 0 0 0 11"


@pytest.mark.parametrize("line, marker", [
    ("- 4 -", True), ("— 4 —", True), ("—4—", True), ("－ 12 －", True),
    ("第 4 页 共 6 页", True), ("第4页", True), ("4/6", True), ("4 / 6", True), ("Page 2 of 9", True),
    ("4", False), ("3 0 0", False), ("2024-12-31", False), ("- 4 - 5", False), ("第4页共6页的内容", False),
])
def test_page_marker_patterns(line, marker):
    assert is_page_marker(line) is marker


def test_pdf_without_text_layer_needs_ocr(tmp_path):
    from PIL import Image, ImageDraw
    image = Image.new("RGB", (600, 800), "white")
    ImageDraw.Draw(image).rectangle((50, 50, 550, 300), outline="black", width=3)
    path = tmp_path / "scan.pdf"
    image.save(path, "PDF", resolution=100)
    doc = read_document(path)
    assert doc.problems == [SCANNED_PROBLEM] == ["扫描件，无文字层，需OCR"]
    assert doc.format == "pdf"


def _pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, trailer, xref))
    return out.getvalue()


_PAGES = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
          b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"]


def test_encrypted_pdf_is_reported(tmp_path):
    # Standard security handler whose user password is not empty: cannot be opened
    encrypt = b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -4 >>"
    data = _pdf(_PAGES + [encrypt], b"/Encrypt 4 0 R /ID [<" + b"33" * 16 + b"> <" + b"33" * 16 + b">]")
    doc = read_document(write(tmp_path, "locked.pdf", data))
    assert doc.problems == ["PDF文件已加密，无法读取"]


def test_corrupt_pdf_is_reported(tmp_path):
    doc = read_document(write(tmp_path, "broken.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type"))
    assert doc.problems == ["PDF文件已损坏或不完整，无法打开"]
    assert doc.lines == []


# --- DOC / WPS ------------------------------------------------------------------------------

# A compound file's header: signature, byte order FFFE, 512-byte sectors, 64-byte mini sectors.
OLE_HEADER = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff\x09\x00\x06\x00"
              + b"\x00" * 478)


@pytest.mark.parametrize("name, fmt", [("old.doc", "doc"), ("old.wps", "wps")])
def test_doc_without_libreoffice_asks_for_it(tmp_path, monkeypatch, name, fmt):
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    doc = read_document(write(tmp_path, name, OLE_HEADER))
    assert doc.format == fmt
    assert doc.problems == ["需要安装 LibreOffice 才能读取 .doc/.wps/.rtf/.odt 文件"]


def test_doc_is_converted_by_libreoffice_in_a_temporary_folder(tmp_path, monkeypatch):
    """With a stand-in soffice that "converts" to the filled template."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    soffice = bin_dir / "soffice"
    soffice.write_text(
        "#!/bin/sh\n"
        "while [ \"$1\" != \"--outdir\" ]; do shift; done\n"
        f"mkdir -p \"$2\" && cp '{FILLED}' \"$2/$(basename \"$3\" | sed 's/\\.[^.]*$//').docx\"\n")
    soffice.chmod(soffice.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", str(bin_dir) + os.pathsep + os.environ.get("PATH", ""))
    source_dir = tmp_path / "reports"
    source_dir.mkdir()
    path = write(source_dir, "老格式报告.doc", OLE_HEADER)
    doc = read_document(path)
    assert doc.problems == [] and doc.format == "doc" and doc.path == str(path)
    assert "（七）总计 2401 2402 2403 2404 2405 2406 2407" in [line.text for line in doc.lines]
    assert os.listdir(source_dir) == ["老格式报告.doc"]  # nothing written beside the source


# --- bad input ------------------------------------------------------------------------------

def test_empty_file(tmp_path):
    doc = read_document(write(tmp_path, "empty.txt", b""))
    assert doc.problems == ["文件为空"] and doc.text == "" and doc.lines == []


@pytest.mark.parametrize("data", [
    random.Random(7).randbytes(4096),
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
], ids=["random", "png"])
def test_binary_junk_named_txt(tmp_path, data):
    doc = read_document(write(tmp_path, "junk.txt", data))
    assert doc.problems == ["不是文本文件（疑似二进制内容）"]
    assert doc.lines == []


def test_unknown_extension(tmp_path):
    doc = read_document(write(tmp_path, "report.xyz", b"abc"))
    assert doc.problems == ["不支持的文件类型：.xyz"]
    assert read_document(write(tmp_path, "README", b"abc")).problems == ["不支持的文件类型：（无扩展名）"]


def test_file_over_its_formats_cap_is_not_read(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(2 * 1024 * 1024 + 1)  # sparse: costs no disk
    assert read_document(path).problems == ["文件过大（超过2MB），未读取"]


def test_unreadable_missing_and_folder(tmp_path, monkeypatch):
    path = write(tmp_path, "locked.txt", b"abc")

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(readers, "open_without_blocking", denied)  # (how it opens a file) works even as root
    assert read_document(path).problems == ["无法读取文件：没有读取权限"]
    monkeypatch.undo()
    assert read_document(tmp_path / "gone.txt").problems == ["无法读取文件：文件不存在"]
    (tmp_path / "folder.txt").mkdir()
    assert read_document(tmp_path / "folder.txt").problems == ["无法读取文件：这是一个文件夹"]


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name != "posix", reason="symbolic links: POSIX")
def test_a_link_that_leads_back_to_itself_says_so(tmp_path):
    """a.txt → b.txt → a.txt (an auditor's folder, qa27): 「无法读取文件：系统错误（40）」 said
    nothing a user could act on."""
    os.symlink("b.txt", tmp_path / "a.txt")
    os.symlink("a.txt", tmp_path / "b.txt")
    [problem] = read_document(tmp_path / "a.txt").problems
    assert problem == "无法读取文件：这是一个指向自身的符号链接，没有内容可读"
    assert "系统错误" not in problem
    from core.readers.problems import problem_label
    assert problem_label(problem) == "链接循环"


def test_a_reader_bug_becomes_a_problem(tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")
    monkeypatch.setattr(readers, "read_text", broken)
    doc = read_document(write(tmp_path, "a.txt", b"abc"))
    assert doc.problems == ["读取文件时出错：RuntimeError: boom"]
    assert doc.format == "txt"


# --- every fixture --------------------------------------------------------------------------

def _all_inputs():
    mine = [p for folder in (FIXTURES, FIXTURES / "exports") for pattern in ("filled-2021.*", "page*.*")
            for p in folder.glob(pattern)]
    files = sorted(p for p in mine if p.suffix.lower() in readers.FORMATS)
    return files + [SEED_000, SEED_001, HUAIAN, TEMPLATE]


@pytest.mark.parametrize("path", _all_inputs(), ids=lambda p: p.name)
def test_every_fixture_reads_cleanly_with_consistent_offsets(path):
    before = sorted(os.listdir(path.parent))
    doc = read_document(path)
    assert doc.problems == []
    assert doc.lines and doc.text
    assert doc.text.endswith("\n")
    assert_offsets(doc)
    assert sorted(os.listdir(path.parent)) == before


def test_page_of_more_than_100000_elements_is_not_read_and_a_long_one_is(tmp_path):
    """The element bound of a web page: 100 001 elements (few enough "<" to be parsed) are
    refused; a page of 3 000 table rows (too many "<" to spare the count, too few elements to be
    refused) is read row by row."""
    from core.readers.html import TOO_MANY_ELEMENTS
    huge = read_document(write(tmp_path, "huge.html", b"<html><body>" + b"<b>1</b>" * 100_001 + b"</body></html>"))
    assert huge.problems == [TOO_MANY_ELEMENTS]
    rows_html = "".join(f"<tr><td>第{i}行</td><td>{i}</td></tr>" for i in range(3_000))
    long = read_document(write(tmp_path, "long.html", f"<html><body><table>{rows_html}</table></body></html>".encode()))
    assert not long.problems and rows(long, grid=True)[2999] == ["第2999行", "2999"]
