"""Word export: each report's corrected values filled into a copy of the official 2021 template.

The template's cells are found by their labels, not by fixed indices: in T2 by the block
heading (第二十条第（X）项), the row label and the 信息内容 header row; in T3 by the row label
(and its group) and the column headers above; in T4 by the two header rows over each column.
python-docx repeats a merged cell at every grid position it covers, so a row's ``cells`` line
up with the header rows' ``cells`` column by column.

The prose is the report's own: its title (else 单位+年度), the lines between the title and
section 一 (where reports state the 统计期限), and the text of sections 一, 五 and 六 replace
the template's title and its placeholders （文字描述）.

Reports in the 2019 trial format are not written (the Word template is the 2021 format, whose
T2 has different columns), nor files from which no table could be read; they are listed, with
the reason, in a note file in the folder.
"""
from __future__ import annotations

from collections import Counter
import copy
from functools import lru_cache, partial
from io import BytesIO
import re
from pathlib import Path
from typing import Callable, Iterable, NamedTuple, Optional

from docx import Document
from docx.enum.table import WD_ALIGN_VERTICAL
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.shared import Pt

from core.review.edits import ReportReview
from core.export.common import (CopyNote, ExportFormat, Exported, atomic_write, copy_notes, write_unique, format_value, report_title,
                                safe_file_name, shown_value, unreadable_reason, writing_into)
from core.model import BLANK_TEMPLATE, Report
from core.template import Table, all_paths, tables

TEMPLATE_DOCX = Path(__file__).resolve().parents[2] / "resources" / "2021-official-template.docx"
WORD_VERSION = "2021"
TEMPLATE_TITLE = "年度报告格式模板"  # part of the template's title paragraph, replaced by ours
SKIPPED_NOTE_NAME = "未导出Word的报告说明.txt"
SKIPPED_REASON = ("该报告使用2019年试行模板（国办公开办函〔2019〕60号），而Word导出使用的是2021年正式模板"
                  "（国办公开办函〔2021〕30号），两者表二的栏目不同，无法对应填写，因此未导出Word文件。"
                  "请使用Excel、CSV或JSON导出该报告。")
T2_CONTENT = "信息内容"
T3_APPLICANTS = "申请人情况"
PLACEHOLDER = "（文字描述"  # the start of the template's placeholder paragraphs
PROSE_SECTIONS = {1: "一、总体情况", 5: "五、存在的主要问题及改进情况", 6: "六、其他需要报告的事项"}
NO_TEXT = "（原报告中未找到本部分的文字）"
# under the title of a report whose agency filed its year more than once: which copy counts
COPY_LINE = "审核说明：{line}"
PERIOD_WORDS = ("统计期限", "统计时限", "统计期间")


def write_docx_folder(reviews: Iterable[ReportReview], folder: Path, template: Path = TEMPLATE_DOCX,
                      progress: Optional[Callable[[int, int], None]] = None) -> Exported:
    """One .docx per report into ``folder`` (never overwriting a file: name（2）.docx...).
    Reports the 2021 template cannot take (word_refusal) are left out and explained in a note
    file: the files, the note and the reports left out, returned apart.
    ``progress(done, total)``: called before each report is written and once all are."""
    folder = Path(folder)
    with writing_into(folder.parent):
        folder.mkdir(parents=True, exist_ok=True)
    reviews = list(reviews)
    sources = _source_names([review.report.file for review in reviews])
    notes = copy_notes(reviews)
    written: list[Path] = []
    skipped: list[ReportReview] = []
    names: set[str] = set()
    note: Optional[Path] = None
    try:
        for done, review in enumerate(reviews):
            if progress:
                progress(done, len(reviews))
            if word_refusal(review.report):
                skipped.append(review)
                continue
            name = word_name(review.report)
            if name in names:  # another report of the agency and year: say which source this one is
                name += f"（{sources[review.report.file]}）"
            names.add(name)
            name = safe_file_name(name)
            written.append(write_unique(folder / f"{name}.docx", partial(_save_docx, review, template=template,
                                                                         note=notes.get(id(review)))))
        if skipped:
            note = _write_skipped_note(folder, skipped)
    except BaseException:
        # a failed export writes nothing, as one to .xlsx does: 「导出失败」 over a folder already
        # holding 50 of its 80 files left the auditor unsure what there was to use
        for path in written:
            path.unlink(missing_ok=True)
        raise
    if progress:
        progress(len(reviews), len(reviews))
    return Exported(tuple(written), ExportFormat.WORD, note,
                    tuple((review.report.file, word_refusal(review.report) or "") for review in skipped))


def word_name(report: Report) -> str:
    """The Word file's name without its extension: 某某区人民政府2023年政府信息公开工作年度报告."""
    return f"{report_title(report)}政府信息公开工作年度报告"


def word_refusal(report: Report) -> Optional[str]:
    """Why the report gets no Word file (its tables unread, or the 2019 format the 2021 template
    cannot take); None when it gets one."""
    reason = unreadable_reason(report)
    if BLANK_TEMPLATE in report.problems:  # its tables were read: they hold nothing
        return f"{reason}，不是报告。"
    if reason:
        return f"未能读出报告的统计表（{reason}）。"
    return SKIPPED_REASON if report.template == "2019" else None


def _source_names(files: list[str]) -> dict[str, str]:
    """How a Word file's name tells its source from the export's other files: the stem; the
    name with its extension when another file has that stem (报告.txt, 报告.md); the folder too
    when another has that name (报告.txt, 副本/报告.txt)."""
    paths = {file: Path(file) for file in files}
    stems = Counter(p.stem for p in paths.values())
    names = Counter(p.name for p in paths.values())
    return {file: p.stem if stems[p.stem] == 1 else p.name if names[p.name] == 1
            else f"{p.parent.name}／{p.name}" for file, p in paths.items()}


def write_docx(review: ReportReview, target: Path, template: Path = TEMPLATE_DOCX,
               note: Optional[CopyNote] = None) -> None:
    atomic_write(target, lambda p: _save_docx(review, p, template, note))


def _save_docx(review: ReportReview, target: Path, template: Path, note: Optional[CopyNote] = None) -> None:
    prepared = _prepared(Path(template))
    document = Document(BytesIO(prepared.data))
    body = document.element.body
    for path, address, size, room in prepared.cells:
        value = shown_value(review, path)
        text = "" if value is None else value if value == "/" else format_value(value)
        run = body
        for index in address:
            run = run[index]
        run.text = text
        if size is not None:
            if text and room:
                size = _fitting_size(text, size, room)
            run.get_or_add_rPr().sz_val = Pt(size)
    report = review.report
    title = _set_title(document, own_title(report))
    _fill_prose(document, title, report, COPY_LINE.format(line=note.line()) if note else "")
    document.save(str(target))


class _Prepared(NamedTuple):
    """The template made ready once for every report it is filled for: its value cells emptied
    into one run, centred (``_set_text``), 表三 starting a page and 表二/表四 kept whole. What is
    left to each report is its own text: the values, the title and the prose."""
    data: bytes  # the prepared .docx
    # for each value cell: its path, where its run is (the child indices from the body down to
    # it), its table's text size (pt; None: sizes left alone) and its room for text (pt)
    cells: tuple[tuple[str, tuple[int, ...], Optional[float], Optional[float]], ...]


def _prepared(template: Path) -> _Prepared:
    """The prepared template, made once per template file (as long as it is unchanged): finding
    the cells through python-docx's merged-cell grid took most of a second a report."""
    stat = template.stat()
    return _prepare(str(template), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4)
def _prepare(template: str, _mtime_ns: int, _size: int) -> _Prepared:
    document = Document(template)
    # the tables' text size, read before any cell is written into
    text_sizes = {table._tbl: _table_text_size(table._tbl) for table in document.tables}
    found = []
    for path, cell in template_cells(document).items():
        _set_text(cell, "")
        table = cell._tc.getparent().getparent()
        size = text_sizes.get(table)
        found.append((path, cell.paragraphs[0].runs[0]._r, size,
                      _text_room_pt(cell, table) if size is not None else None))
    _table_three_on_a_page(document)
    for table in document.tables:
        texts = {_norm(cell.text) for row in table.rows for cell in row.cells}
        if T3_APPLICANTS not in texts:  # 表二 and 表四: each on one page, under its heading
            _keep_together(table)
    body = document.element.body
    cells = tuple((path, _address(run, body), size, room) for path, run, size, room in found)
    data = BytesIO()
    document.save(data)
    return _Prepared(data.getvalue(), cells)


def _address(element, ancestor) -> tuple[int, ...]:
    """The child indices that lead from ``ancestor`` down to ``element``."""
    address = []
    while element is not ancestor:
        parent = element.getparent()
        address.append(parent.index(element))
        element = parent
    return tuple(reversed(address))


def _write_skipped_note(folder: Path, skipped: list[ReportReview]) -> Path:
    lines = ["以下报告未导出Word文件：", ""]
    for review in skipped:
        reason = word_refusal(review.report)
        title = report_title(review.report)
        named = "" if title == Path(review.report.file).stem else f"（{title}）"  # not the name again
        lines.append(f"{review.report.file}{named}：{reason}")
    return write_unique(folder / SKIPPED_NOTE_NAME,
                        lambda p: p.write_text("\n".join(lines) + "\n", encoding="utf-8-sig"))


# --- finding the template's cells -----------------------------------------------------------

def template_cells(document) -> dict:
    """Cell path -> python-docx cell, for every value cell of the 2021 template."""
    template = tables(WORD_VERSION)
    found: dict = {}
    for table in document.tables:
        grid = [[_norm(cell.text) for cell in row.cells] for row in table.rows]
        texts = {text for line in grid for text in line}
        if T2_CONTENT in texts:
            found.update(_t2_cells(table, grid, template["section2"]))
        elif T3_APPLICANTS in texts:
            found.update(_t3_cells(table, grid, template["section3"]))
        elif all(_norm(row.label) in texts for row in template["section4"].rows):
            found.update(_t4_cells(table, grid, template["section4"]))
    missing = [p for p in all_paths(WORD_VERSION) if p not in found]
    if missing:
        raise ValueError(f"Word模板与2021年格式不符，找不到以下单元格：{'、'.join(missing[:5])}")
    return found


def _t2_cells(table, grid: list[list[str]], t2: Table) -> dict:
    blocks = {_norm(row.block) for row in t2.rows}
    found, block, header = {}, "", []
    for row, texts in zip(table.rows, grid):
        if texts[0] in blocks:
            block = texts[0]
        elif texts[0] == T2_CONTENT:
            header = texts
        else:
            template_row = next((r for r in t2.rows
                                 if _norm(r.block) == block and _norm(r.label) == texts[0]), None)
            if template_row is None:
                continue
            for column in template_row.columns:
                index = _index(header, _norm(column.label))
                if index is not None:
                    found[f"{t2.section}.{template_row.key}.{column.key}"] = row.cells[index]
    return found


def _t3_cells(table, grid: list[list[str]], t3: Table) -> dict:
    matches = [_t3_row(texts, t3) for texts in grid]
    first_data = next((i for i, m in enumerate(matches) if m), len(grid))
    headers = _column_headers(grid[:first_data])
    found = {}
    for row, template_row in zip(table.rows, matches):
        if template_row is None:
            continue
        for column in template_row.columns:
            index = _index_in_headers(headers, _norm(column.label))
            if index is not None:
                found[f"{t3.section}.{template_row.key}.{column.key}"] = row.cells[index]
    return found


def _t3_row(texts: list[str], t3: Table):
    """The template row printed on this table row: its label is there, and its group if any."""
    for row in t3.rows:
        if _norm(row.label) in texts and (not row.group or _norm(row.group) in texts):
            return row
    return None


def _t4_cells(table, grid: list[list[str]], t4: Table) -> dict:
    """Header rows on top, one row of values at the bottom; each column's headers name its
    group (行政复议 / 未经复议直接起诉 / 复议后起诉) and its result (结果维持 … 总计)."""
    headers = _column_headers(grid[:-1])
    values = table.rows[len(grid) - 1].cells
    found = {}
    for index, names in enumerate(headers):
        group = next((r for r in t4.rows if _norm(r.label) in names), None)
        column = group and next((c for c in group.columns if _norm(c.label) in names), None)
        if group and column:
            found[f"{t4.section}.{group.key}.{column.key}"] = values[index]
    return found


def _column_headers(rows: list[list[str]]) -> list[set]:
    """For each grid column, the set of texts printed above it in the header rows."""
    width = max((len(r) for r in rows), default=0)
    return [{r[i] for r in rows if i < len(r)} for i in range(width)]


def _index(texts: list[str], text: str) -> Optional[int]:
    return texts.index(text) if text in texts else None


def _index_in_headers(headers: list[set], text: str) -> Optional[int]:
    return next((i for i, names in enumerate(headers) if text in names), None)


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


# --- the report's own words -----------------------------------------------------------------

def own_title(report: Report) -> str:
    """The title the report prints above section 一 (on one line, or split over two as PDFs
    do: 淮安市人民政府 / 2024 年政府信息公开工作年度报告); else 单位+年度+政府信息公开工作年度报告."""
    lines = [line for line in _lines(_front_matter(report)) if line]
    at = _title_index(lines)
    if at is None:
        return f"{report_title(report)}政府信息公开工作年度报告"
    title = lines[at]
    before = lines[at - 1] if at else ""
    if title[:1].isdigit() and before and before[-1] not in _STOPS and len(before) <= 30:
        title = before + title  # the agency on the line above the year
    return re.sub(r"\s+", "", title)


def front_paragraphs(report: Report) -> list[str]:
    """What the report prints between its title and section 一 (the basis and the 统计期限),
    or, when that holds no 统计期限, the report's sentence that states it (if any)."""
    lines = _lines(_front_matter(report))
    at = _title_index(lines)
    paragraphs = _paragraphs(lines[at + 1:] if at is not None else lines)
    shown = "".join(paragraphs) + section_text(report, 1)
    if not any(word in shown for word in PERIOD_WORDS):
        sentence = re.search(r"[^。\n]*(?:%s)[^。\n]*。?" % "|".join(PERIOD_WORDS), report.text)
        if sentence:
            paragraphs.append(re.sub(r"\s+", "", sentence.group(0)))
    return paragraphs


def _title_index(lines: list[str]) -> Optional[int]:
    """The index of the title line: among the first four lines with text, one that reads
    …信息公开…年度报告 and is short enough to be a title (not a sentence that names the report,
    nor a web page's breadcrumb 首页 > 政务公开 > 年度报告)."""
    with_text = [i for i, line in enumerate(lines) if line][:4]
    return next((i for i in with_text if lines[i].endswith("年度报告") and "信息公开" in lines[i]
                 and len(lines[i]) <= 60), None)


def section_paragraphs(report: Report, number: int) -> list[str]:
    """The paragraphs of section ``number`` (its heading left out)."""
    return _paragraphs(_lines(section_text(report, number))[1:])


def section_text(report: Report, number: int) -> str:
    span = report.section_spans.get(number)
    return report.text[span[0]:span[1]] if span else ""


def _front_matter(report: Report) -> str:
    if not report.section_spans:
        return ""
    return report.text[:min(start for start, _end in report.section_spans.values())]


def _lines(text: str) -> list[str]:
    """Lines without markdown heading marks or outer blanks; a blank line stays as ""."""
    return [re.sub(r"^#+\s*", "", line.strip()).strip() for line in text.split("\n")]


_STOPS = "。！？；：:;!?"
_LIST_START = re.compile(r"^(?:[一二三四五六七八九十]+[、是]|（[一二三四五六七八九十\d]+）|\(\d+\)|\d+[.、．])")


def _paragraphs(lines: list[str]) -> list[str]:
    """Lines joined into paragraphs: a line that ends a sentence, a short line (a heading) and a
    blank line end a paragraph; a PDF's line broken mid-sentence is joined to the next."""
    out: list[str] = []
    open_paragraph = False
    for line in lines:
        if not line:
            open_paragraph = False
            continue
        if open_paragraph and not _LIST_START.match(line):
            out[-1] += line
        else:
            out.append(line)
        open_paragraph = line[-1] not in _STOPS and len(out[-1]) >= 20
    return out


# --- writing into the template --------------------------------------------------------------

def _set_text(cell, text: str) -> None:
    """Replace the cell's text, keeping the font of its first run (or of its paragraph mark),
    centred both ways: the template's value cells are half top-aligned, half centred, so in a
    row of two or three lines the 总计 printed on its first line beside values in the middle."""
    paragraph = cell.paragraphs[0]
    for extra in cell.paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    _replace_runs(paragraph, text)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER


# A digit is half an em wide in 宋体; 0.64 em leaves room for the wider digits of the fonts a
# machine without 宋体 draws instead (LibreOffice on Linux: DejaVu, 0.636 em), so no number
# breaks over two lines. Below 5 pt a number would no longer be read.
DIGIT_EM = 0.64
SMALLEST_PT = 5.0
WORD_DEFAULT_MARGIN = 108  # twips, left and right, when neither the cell nor its table says


def _fitting_size(text: str, size: float, room: float) -> float:
    """``size``, its table's own text size (the template's empty value cells carry a bigger
    paragraph mark than their labels), shrunk in half points where ``text`` would not fit the
    cell's ``room`` (pt) on one line."""
    while size > SMALLEST_PT and len(text) * DIGIT_EM * size > room:
        size -= 0.5
    return size


def _table_text_size(table) -> Optional[float]:
    """The size (pt) most of the table's runs are set in: the labels' and headers'."""
    sizes = [int(v) for v in table.xpath(".//w:r/w:rPr/w:sz/@w:val")]
    return max(set(sizes), key=sizes.count) / 2 if sizes else None


def _text_room_pt(cell, table) -> Optional[float]:
    """The cell's width less its left and right margins, in points (None if unknown).

    The width is the narrower of the cell's own (tcW) and the grid columns it spans: Word and
    LibreOffice draw a fixed table by its grid, and the template's 表三 value cells claim 714
    twips where the grid gives 685."""
    widths = [w for w in (cell.width.pt if cell.width is not None else None, _grid_width_pt(cell, table))
              if w]
    if not widths:
        return None
    margins = 0
    for side in ("left", "right"):
        own = cell._tc.xpath(f"./w:tcPr/w:tcMar/w:{side}/@w:w")
        table_wide = table.xpath(f"./w:tblPr/w:tblCellMar/w:{side}/@w:w")
        margins += int((own or table_wide or [WORD_DEFAULT_MARGIN])[0])
    return min(widths) - margins / 20


def _grid_width_pt(cell, table) -> Optional[float]:
    """The width (pt) of the table grid's columns under ``cell`` (None if the grid says none)."""
    grid = [int(w) for w in table.xpath("./w:tblGrid/w:gridCol/@w:w")]
    row = cell._tc.getparent()
    before = row.xpath("./w:trPr/w:gridBefore/@w:val")
    first = int(before[0]) if before else 0
    for tc in row.xpath("./w:tc"):
        if tc is cell._tc:
            columns = grid[first:first + tc.grid_span]
            return sum(columns) / 20 if len(columns) == tc.grid_span else None
        first += tc.grid_span
    return None


def _table_three_on_a_page(document) -> None:
    """表三 starts a page, as in the template, whatever the length of the report's section 一:
    the template gets there with empty paragraphs after 表二, which a longer text pushes onto the
    next page (三 then started a fifth of the way down and 表三 broke inside a row). Its heading
    rows repeat, and no row breaks, where other fonts still make it run over."""
    t3 = tables(WORD_VERSION)["section3"]
    for table in document.tables:
        grid = [[_norm(cell.text) for cell in row.cells] for row in table.rows]
        if T3_APPLICANTS in {text for line in grid for text in line}:
            break
    else:
        return
    first_data = next((i for i, texts in enumerate(grid) if _t3_row(texts, t3)), len(grid))
    for number, row in enumerate(table.rows):
        properties = row._tr.get_or_add_trPr()
        properties.append(OxmlElement("w:cantSplit"))
        if number < first_data:
            properties.append(OxmlElement("w:tblHeader"))
    element = table._tbl.getprevious()
    while element is not None and element.tag == qn("w:p") and not _norm("".join(element.itertext())):
        element = element.getprevious()  # the empty paragraphs between the heading and the table
    if element is None or element.tag != qn("w:p"):
        return
    heading = Paragraph(element, table._parent)
    heading.paragraph_format.page_break_before = True
    element = element.getprevious()
    while element is not None and element.tag == qn("w:p") and not _norm("".join(element.itertext())) \
            and not element.xpath(".//w:sectPr"):
        before = element.getprevious()
        element.getparent().remove(element)  # the template's way down to the next page
        element = before


def _keep_together(table) -> None:
    """The table on one page with its heading: after a report's own section 一, 表二 began at the
    foot of a page and ran on to the next, a block of rows parted from the others. Word and
    LibreOffice keep a table whole when every row but the last is kept with the next, and no row
    breaks; the heading and the empty paragraphs under it are kept with the table."""
    rows = table.rows
    for number, row in enumerate(rows):
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        if number < len(rows) - 1:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True
    element = table._tbl.getprevious()
    while element is not None and element.tag == qn("w:p"):
        Paragraph(element, table._parent).paragraph_format.keep_with_next = True
        if _norm("".join(element.itertext())):
            break  # the heading
        element = element.getprevious()


def _set_title(document, title: str):
    """Write the title over the template's; returns its paragraph."""
    for paragraph in document.paragraphs:
        if TEMPLATE_TITLE in paragraph.text:
            _replace_runs(paragraph, title)
            return paragraph
    raise ValueError("Word模板中找不到标题段落")


def _fill_prose(document, title, report: Report, copy_line: str = "") -> None:
    """The report's own text in place of the placeholders under 一, 五 and 六, and its front
    matter under the title (in the placeholders' body style); ``copy_line`` first, in bold, when
    the agency filed the year more than once (a reader adding the copies up would count it twice)."""
    placeholders = {}
    heading = None
    for paragraph in document.paragraphs:
        text = _norm(paragraph.text)
        number = next((n for n, name in PROSE_SECTIONS.items() if text == name), None)
        if number is not None:
            heading = number
        elif heading is not None and text.startswith(PLACEHOLDER):
            placeholders[heading] = paragraph
            heading = None
    if set(placeholders) != set(PROSE_SECTIONS):
        raise ValueError("Word模板与2021年格式不符，找不到“（文字描述）”段落")
    body = placeholders[1]
    anchor = title
    if copy_line:
        anchor = _paragraph_after(anchor, body, copy_line)
        for run in anchor.runs:
            run.bold = True
    for text in front_paragraphs(report):
        anchor = _paragraph_after(anchor, body, text)
    for number, placeholder in placeholders.items():
        paragraphs = section_paragraphs(report, number) or [NO_TEXT]
        _replace_runs(placeholder, paragraphs[0])
        anchor = placeholder
        for text in paragraphs[1:]:
            anchor = _paragraph_after(anchor, placeholder, text)


def _paragraph_after(anchor, model, text: str):
    """A copy of paragraph ``model`` holding ``text``, placed right after ``anchor``."""
    element = copy.deepcopy(model._p)
    anchor._p.addnext(element)
    paragraph = type(model)(element, model._parent)
    _replace_runs(paragraph, text)
    return paragraph


def _replace_runs(paragraph, text: str) -> None:
    runs = paragraph.runs
    if runs:
        runs[0].text = text
        for run in runs[1:]:
            run._r.getparent().remove(run._r)
        return
    run = paragraph.add_run(text)
    p_pr = paragraph._p.pPr
    mark_format = p_pr.find(qn("w:rPr")) if p_pr is not None else None
    if mark_format is not None:
        run._r.insert(0, copy.deepcopy(mark_format))
