"""Render a ZooReport as a government web page (HTML, rowspan/colspan) and as a Word document.

2021 reports fill the official template (resources/2021-official-template.docx) by row label;
2019 reports get a Word document of the 2019 layout built from the same grid as the web page.

A `PageLayout` (opt-in, `zoo.py build --pages`) makes the Word document print the way government
Word files do when a table crosses a page: a page number in the footer ("- 3 -", "— 3 —",
"第 3 页 共 8 页", "3"), the tables' header rows repeated on every page (Word's 重复标题行,
w:tblHeader), in some a running header (页眉: the title, or the agency and year), and prose without numbers plus space before the headings so that the tables break
at varied rows.
"""
from __future__ import annotations

import copy
import html
import random
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import _Cell

from bench.zoo_tables import ZooReport
from core.template import B1, B5, B6, B8, B9, SECTION_TITLES, T3_COLUMNS, T4, tables

ROOT = Path(__file__).resolve().parent.parent
OFFICIAL_TEMPLATE = ROOT / "resources" / "2021-official-template.docx"
T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


@dataclass
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1
    header: bool = False


# Label drift seen in real files (TEMPLATE.md): the parser must match labels by meaning
_DRIFT = (("社会公益组织", "社会组织"), ("只计这一情形", "只计这一情况"), ("其他法律行政法规禁止公开", "其他法律法规禁止公开"),
          ("危及“三安全一稳定”", "危及\"三安全一稳定\""))


def drift(label: str, on: bool) -> str:
    if not on:
        return label
    for official, seen in _DRIFT:
        label = label.replace(official, seen)
    if len(label) > 2 and label[0].isdigit() and label[1] == ".":
        label = label[0] + "、" + label[2:]
    return label


# --- the tables as grids of merged cells (the layout the template prints) -------------------------

def _t2_grid(r: ZooReport) -> list[list[Cell]]:
    t2 = tables(r.version)["section2"]
    grid: list[list[Cell]] = []
    block_heads = {
        B1: [c.label for c in t2.rows[0].columns],
        B5: [c.label for c in t2.row("licensing").columns],
        B6: [c.label for c in t2.row("punishment").columns],
        B8: [c.label for c in t2.row("fees").columns],
        B9: [c.label for c in t2.rows[-1].columns] if r.version == "2019" else [],
    }
    block = None
    for row in t2.rows:
        if row.block != block:
            block = row.block
            grid.append([Cell(block, colspan=4, header=True)])
            grid.append([Cell("信息内容", header=True)] + _spread([Cell(h, header=True) for h in block_heads[block]]))
        values = [Cell(r.printed[f"section2.{row.key}.{c.key}"]) for c in row.columns]
        grid.append([Cell(row.label)] + _spread(values))
    return grid


def _spread(cells: list[Cell]) -> list[Cell]:
    """Fill three value columns: the last cell spans what is left."""
    cells[-1].colspan = 4 - len(cells)
    return cells


def _reshape(values: list, shape: tuple[str, str], make) -> list:
    """A 表三 row's seven value cells as the row prints them with 6 or 8 (ZooReport.row_shapes)."""
    kind, what = shape
    if kind == "drop":
        return [v for v, c in zip(values, T3_COLUMNS) if c.key != what]
    if kind == "subtotal":
        return values[:1] + [make(what)] + values[1:]
    return values + [make(what)]


def _t3_grid(r: ZooReport, shaped: bool = True) -> list[list[Cell]]:
    """表三's grid; `shaped`: its rows printing 6 or 8 values as the report's row_shapes say (the web
    page; a Word table is reshaped after it is made, _reshape_word_rows)."""
    t3 = tables(r.version)["section3"]
    parts = [drift(c.label, r.label_drift) for c in T3_COLUMNS[1:-1]]
    grid = [[Cell(T3_NOTE, rowspan=3, colspan=3, header=True), Cell("申请人情况", colspan=7, header=True)],
            [Cell("自然人", rowspan=2, header=True), Cell("法人或其他组织", colspan=5, header=True),
             Cell("总计", rowspan=2, header=True)],
            [Cell(p, header=True) for p in parts]]
    result_rows = [row for row in t3.rows if row.group]
    seen_groups = set()
    for row in t3.rows:
        values = [Cell(r.printed[f"section3.{row.key}.{c.key}"]) for c in T3_COLUMNS]
        if shaped and row.key in r.row_shapes:
            values = _reshape(values, r.row_shapes[row.key], lambda text: Cell(text))
        if not row.group:
            grid.append([Cell(row.label, colspan=3)] + values)
            continue
        lead = []
        if row is result_rows[0]:
            lead.append(Cell(row.group, rowspan=len(result_rows)))
        label = drift(row.label, r.label_drift)
        if row.label.startswith("（"):
            lead.append(Cell(label, colspan=2))
        else:
            group = row.group
            if group not in seen_groups:
                seen_groups.add(group)
                lead.append(Cell(group, rowspan=sum(1 for x in t3.rows if x.group == group)))
            lead.append(Cell(label))
        grid.append(lead + values)
    return grid


def _t4_grid(r: ZooReport) -> list[list[Cell]]:
    heads = [c.label for c in T4.rows[0].columns]
    grid = [[Cell("行政复议", colspan=5, header=True), Cell("行政诉讼", colspan=10, header=True)],
            [Cell(h, rowspan=2, header=True) for h in heads] + [Cell(T4.rows[1].label, colspan=5, header=True),
                                                                Cell(T4.rows[2].label, colspan=5, header=True)],
            [Cell(h, header=True) for h in heads * 2],
            [Cell(r.printed[f"section4.{g.key}.{c.key}"]) for g in T4.rows for c in g.columns]]
    return grid


def grids(r: ZooReport, shaped: bool = True) -> dict[str, list[list[Cell]]]:
    return {"section2": _t2_grid(r), "section3": _t3_grid(r, shaped), "section4": _t4_grid(r)}


# --- the web page ---------------------------------------------------------------------------------

_NAV = ("首页", "政务公开", "政府信息公开", "政府信息公开年报")


def web_page(r: ZooReport, charset: str, rng: random.Random) -> str:
    """A government site's article page: nav, title, prose paragraphs and the three tables."""
    blank = rng.choice(("", "&nbsp;", "\u3000"))
    wrap_p = rng.random() < 0.5  # Word-published pages put a <p><span> in every cell
    use_th = rng.random() < 0.3  # some site editors mark the header cells as <th>

    def cell(c: Cell) -> str:
        tag = "th" if use_th and c.header else "td"
        span = (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "") + (f' colspan="{c.colspan}"' if c.colspan > 1 else "")
        text = html.escape(c.text) if c.text else blank
        if wrap_p:
            text = f'<p style="text-align:center"><span style="font-size:12px">{text}</span></p>'
        return f"<{tag}{span}>{text}</{tag}>"

    def table(grid) -> str:
        rows = "\n".join("<tr>" + "".join(cell(c) for c in row) + "</tr>" for row in grid)
        return f'<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse" width="100%">\n<tbody>\n{rows}\n</tbody>\n</table>'

    body = [f'<h1 class="title">{html.escape(r.title)}</h1>',
            f'<div class="info">发布机构：{html.escape(r.agency)}　发布日期：{r.year + 1}-01-{rng.randint(10, 28)}</div>']
    tabs = grids(r)
    for n in range(1, 7):
        body.append(f'<p style="text-indent:2em"><strong>{SECTION_TITLES[n]}</strong></p>')
        for paragraph in r.prose.get(n, []):
            body.append(f'<p style="text-indent:2em">{html.escape(paragraph)}</p>')
        if n in (2, 3, 4):
            body.append(table(tabs[f"section{n}"]))
    nav = " &gt; ".join(f'<a href="/{i}/">{t}</a>' for i, t in enumerate(_NAV))
    return (f'<!DOCTYPE html>\n<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset={charset}">\n'
            f"<title>{html.escape(r.title)}</title>\n<style>body{{font-family:SimSun}} td{{text-align:center}}</style>\n"
            f"<script>var siteId=\"gov\";</script>\n</head>\n<body>\n"
            f'<div class="header"><a href="/">{html.escape(r.agency)}门户网站</a></div>\n<div class="nav">当前位置：{nav}</div>\n'
            f'<div class="article">\n' + "\n".join(body) + "\n</div>\n"
            f'<div class="footer">主办单位：{html.escape(r.agency)}　网站标识码：{rng.randint(1000000000, 9999999999)}</div>\n'
            "</body>\n</html>\n")


# --- Word ---------------------------------------------------------------------------------------

def _own_cells(table, row_index: int) -> list[_Cell]:
    """The row's real cells: each w:tc once, vertical-merge continuations left out."""
    cells = []
    for tc in table._tbl.tr_lst[row_index].tc_lst:
        tc_pr = tc.tcPr
        merge = tc_pr.find(qn("w:vMerge")) if tc_pr is not None else None
        if merge is not None and merge.get(qn("w:val"), "continue") != "restart":
            continue
        cells.append(_Cell(tc, table))
    return cells


def _fill(cells: list[_Cell], texts: list[str]) -> None:
    assert len(cells) == len(texts), (len(cells), texts)
    for cell, text in zip(cells, texts):
        cell.text = text
        if len(text) >= 5:  # as people do, so that a long number fits the narrow column
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(8)


def _put_paragraphs(anchor, texts: list[str]) -> None:
    """Replace the anchor paragraph's text with the first text, and add the rest after it."""
    anchor.text = texts[0]
    last = anchor._p
    for text in texts[1:]:
        new = copy.deepcopy(anchor._p)
        last.addnext(new)
        last = new
        for run in new.findall(qn("w:r"))[1:]:
            new.remove(run)
        new.findall(qn("w:r"))[0].find(qn("w:t")).text = text


def _label(text: str) -> str:
    return "".join(text.split())


def _fill_official(r: ZooReport, document) -> None:
    t2, t3, t4 = document.tables
    t2_rows = {row.label: row for row in tables("2021")["section2"].rows}
    for i in range(len(t2.rows)):
        cells = _own_cells(t2, i)
        row = t2_rows.get(_label(cells[0].text))
        if row:
            _fill(cells[1:], [r.printed[f"section2.{row.key}.{c.key}"] for c in row.columns])
    filled = set()
    t3_rows = tables("2021")["section3"].rows
    for i in range(len(t3.rows)):
        cells = _own_cells(t3, i)
        label = _label(cells[-8].text) if len(cells) >= 8 else ""
        row = next((x for x in t3_rows if _label(x.label) == label and x.key not in filled), None)
        if row:
            filled.add(row.key)
            _fill(cells[-7:], [r.printed[f"section3.{row.key}.{c.key}"] for c in T3_COLUMNS])
            if row.key in r.row_shapes:
                _reshape_word_row(t3, i, r.row_shapes[row.key])
    assert len(filled) == len(t3_rows), f"official template: rows not found {set(x.key for x in t3_rows) - filled}"
    _fill(_own_cells(t4, len(t4.rows) - 1), [r.printed[f"section4.{g.key}.{c.key}"] for g in T4.rows for c in g.columns])


def _fill_prose(r: ZooReport, document, filler=()) -> None:
    paragraphs = document.paragraphs
    title = next(p for p in paragraphs if p.text == "政府信息公开工作年度报告格式模板")
    title.text = r.title
    placeholders = [p for p in paragraphs if p.text.startswith("（文字描述")]
    for anchor, n in zip(placeholders, (1, 5, 6)):
        _put_paragraphs(anchor, r.prose[n] + (list(filler) if n == 1 else []))


def _grid_table(document, grid: list[list[Cell]]):
    """A Word table of the grid's merged cells."""
    width = sum(c.colspan for c in grid[0])
    table = document.add_table(rows=len(grid), cols=width)
    table.style = "Table Grid"
    taken: set[tuple[int, int]] = set()
    placed: list[tuple[int, int, Cell]] = []
    for i, row in enumerate(grid):
        j = 0
        for c in row:
            while (i, j) in taken:
                j += 1
            if c.rowspan > 1 or c.colspan > 1:  # merges swallow only cells still empty
                table.cell(i, j).merge(table.cell(i + c.rowspan - 1, j + c.colspan - 1))
            placed.append((i, j, c))
            for di in range(c.rowspan):
                for dj in range(c.colspan):
                    taken.add((i + di, j + dj))
            j += c.colspan
    cells = table._cells  # one pass over the merged grid: table.cell() walks the whole table each call
    for i, j, c in placed:
        target = cells[i * width + j]
        target.text = c.text
        if len(c.text) >= 5 and c.text[0].isdigit():
            target.paragraphs[0].runs[0].font.size = Pt(8)
    if width == 10:  # 表三: room for the labels and for five digits in the value columns
        table.autofit = False
        widths = (1.2, 1.4, 3.4) + (1.45,) * 7
        for column, cm in zip(table.columns, widths):
            column.width = Cm(cm)
        for row in table.rows:
            for tc, cm in zip(row._tr.tc_lst, _spans(row._tr, widths)):
                tc.get_or_add_tcPr().get_or_add_tcW().w = Cm(cm)
    return table


def _spans(tr, widths) -> list[float]:
    """The width of each w:tc of a row: the sum of the grid columns it spans."""
    out, col = [], 0
    for tc in tr.tc_lst:
        out.append(sum(widths[col:col + tc.grid_span]))
        col += tc.grid_span
    return out


def _layout_document(r: ZooReport, filler=()):
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.size = Pt(10.5)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    document.add_paragraph(r.title)
    tabs = grids(r, shaped=False)
    for n in range(1, 7):
        document.add_paragraph(SECTION_TITLES[n])
        for text in r.prose.get(n, []) + (list(filler) if n == 1 else []):
            document.add_paragraph(text)
        if n in (2, 3, 4):
            table = _grid_table(document, tabs[f"section{n}"])
            if n == 3:
                for i, row in enumerate(tables(r.version)["section3"].rows):
                    if row.key in r.row_shapes:
                        _reshape_word_row(table, 3 + i, r.row_shapes[row.key])  # below the 3 header rows
    return document


def _reshape_word_row(table, row_index: int, shape: tuple[str, str]) -> None:
    """A Word table's 表三 row printing 6 or 8 values: a value cell taken out, or one added (a copy of
    a value cell with the text); the row is then shorter or longer than the table, as in real files."""
    tr = table._tbl.tr_lst[row_index]
    tcs = tr.tc_lst[-7:]
    kind, what = shape
    if kind == "drop":
        tr.remove(tcs[[c.key for c in T3_COLUMNS].index(what)])
        return
    new = copy.deepcopy(tcs[1])
    (tcs[0] if kind == "subtotal" else tcs[-1]).addnext(new)
    _Cell(new, table).text = what

def word_document(r: ZooReport, target: Path, layout: "PageLayout | None" = None) -> None:
    if r.version == "2021":
        document = docx.Document(str(OFFICIAL_TEMPLATE))
        _fill_official(r, document)
        _fill_prose(r, document, layout.filler if layout else ())
    else:
        document = _layout_document(r, layout.filler if layout else ())
    if layout:
        _lay_out_pages(document, layout)
        if layout.running_header:
            text = r.title if layout.running_header == "title" else f"{r.agency}\u3000{r.year}年度"
            for section in document.sections:
                section.header.is_linked_to_previous = False
                section.header.paragraphs[0].text = text
    document.save(str(target))


# --- pages: footers, repeated header rows, tables broken at varied rows ---------------------------

# The footer's page number: text around the fields PAGE and NUMPAGES
FOOTERS = (("- ", "PAGE", " -"), ("— ", "PAGE", " —"), ("第 ", "PAGE", " 页 共 ", "NUMPAGES", " 页"),
           ("", "PAGE", ""), ("第", "PAGE", "页"), ("-", "PAGE", "-"))
# Prose with no number in it: it moves the tables down the pages and cannot stand in for a cell
_FILLER = ("本机关坚持以公开为常态、不公开为例外，进一步健全政府信息公开工作机制，明确责任分工，加强统筹协调。",
           "围绕群众关切，及时发布政策文件及解读材料，通过门户网站、政务新媒体等渠道扩大公开覆盖面。",
           "严格执行政府信息公开保密审查制度，做到先审查、后公开，一事一审、全面审查。",
           "加强依申请公开办理工作，规范受理、审查、答复等环节，确保在法定期限内答复申请人。",
           "持续优化政府信息公开专栏，对栏目设置进行梳理整合，方便公众查阅。",
           "组织开展政务公开业务培训，提升工作人员的公开意识和业务能力。",
           "做好政策解读工作，采用图文、音视频等多种形式解读重要政策，增强解读的针对性和实效性。",
           "加强政府信息管理，对已公开信息进行动态调整，及时清理过期信息。")


@dataclass(frozen=True)
class PageLayout:
    footer: tuple[str, ...] | None  # one of FOOTERS, or no page number
    centred: bool  # the footer centred (else right-aligned)
    repeat_header: bool  # the tables' header rows repeat on every page
    filler: tuple[str, ...]  # paragraphs added to 一、总体情况
    space_before: float  # points before the 三、 heading
    # a running header (页眉) atop every page: the report's title, or its agency and year
    # (「北辰市…局　2022年度」), whose year prints amid a table crossing a page; drawn from its own stream,
    # so a seed's other draws are those of the zoos built before it
    running_header: str | None = None  # None | "title" | "agency-year"


def page_layout(rng: random.Random) -> PageLayout:
    """A Word document's pages, drawn from its own random stream (the default zoo draws none)."""
    footer = FOOTERS[rng.randrange(len(FOOTERS))] if rng.random() < 0.85 else None
    centred = rng.random() < 0.7
    repeat = rng.random() < 0.75
    filler = tuple(_FILLER[rng.randrange(len(_FILLER))] for _ in range(rng.randrange(0, 24)))
    space_before = round(rng.uniform(0, 240), 1)
    header = random.Random(space_before).random()  # (its own draw: rng draws as many as before for each document)
    running = "title" if header < 0.15 else "agency-year" if header < 0.3 else None
    return PageLayout(footer, centred, repeat, filler, space_before, running)


def _field(paragraph, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) at the paragraph's end, as Word writes one."""
    for kind, text in (("begin", None), (None, f" {code} "), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run()
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text.strip() == code:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def _lay_out_pages(document, layout: PageLayout) -> None:
    if layout.footer:
        for section in document.sections:
            section.footer.is_linked_to_previous = False
            paragraph = section.footer.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if layout.centred else WD_ALIGN_PARAGRAPH.RIGHT
            for i, part in enumerate(layout.footer):
                if i % 2:
                    _field(paragraph, part)
                elif part:
                    paragraph.add_run(part)
    heading = next((p for p in document.paragraphs if p.text == SECTION_TITLES[3]), None)
    if heading is not None:
        heading.paragraph_format.space_before = Pt(layout.space_before)
    if layout.repeat_header:
        for table in document.tables:
            for tr in table._tbl.tr_lst[:_header_rows(table)]:
                tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def _header_rows(table) -> int:
    """The rows above the first row holding a value column's number or blank: 表三's three, 表四's three."""
    rows = table._tbl.tr_lst
    for i, tr in enumerate(rows):
        texts = ["".join(t.text or "" for t in tc.iter(qn("w:t"))) for tc in tr.tc_lst]
        if any(text.startswith(("一、", "二、", "规章")) for text in texts) or i == len(rows) - 1:
            return i
    return 0
