"""The comparison of two years as a Word 比对报告: what was compared, the cross-year findings, each
table's cells side by side (cells 0 in both years left out) with the changes shaded as in the
window, the numbers the prose states, and the text reuse with its method."""
from __future__ import annotations

from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from core.check.cross_year import METHOD, share_text
from core.compare.comparison import Comparison
from core.compare.diff import CHANGE_COLOURS, CHANGE_LABELS, ONLY_ONE_VERSION_COLOUR, ONLY_ONE_VERSION_LABEL, ZERO_BOTH
from core.export.common import SEVERITY_LABELS, atomic_write, format_value, opinion_line
from core.template import TABLE_NAMES, describe

CELLS_HEADER = ("单元格", "上年", "本年", "差值", "变化")
# The cell's name gets most of A4's 16 cm text width; the numbers and the kind share the rest.
CELLS_WIDTHS_CM = (7.6, 2.2, 2.2, 2.0, 2.0)


def write_compare_docx(comparison: Comparison, target: Path) -> None:
    document = build_compare_document(comparison)
    atomic_write(Path(target), lambda path: document.save(str(path)))


def build_compare_document(comparison: Comparison) -> WordDocument:
    before, now = comparison.previous.report, comparison.current.report
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.size = Pt(10.5)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    document.add_heading(f"{now.agency}{before.year}年与{now.year}年政府信息公开工作年度报告比对报告", level=1)
    document.add_paragraph(f"{comparison.sided('上年')}报告：{before.file}（{before.template}版模板）")
    document.add_paragraph(f"{comparison.sided('本年')}报告：{now.file}（{now.template}版模板）")
    document.add_paragraph("数值为审核修正后的值；两年均为0的单元格不列出。")

    document.add_heading("一、跨年度检查", level=2)
    if not comparison.consecutive:
        document.add_paragraph("两份报告不是相邻年度：不做跨年度检查（X-1～X-4）。")
    elif not comparison.findings:
        document.add_paragraph("未发现跨年度问题。")
    for finding in comparison.findings:
        severity = SEVERITY_LABELS.get(finding.severity, finding.severity)
        said = opinion_line(comparison.current, finding)  # the X rules are the current year's findings
        document.add_paragraph(f"【{finding.rule} {severity}】{finding.message}" + (f"（{said}）" if said else ""),
                               style="List Bullet")

    document.add_heading("二、统计表变化", level=2)
    for section, counts in comparison.counts.items():
        document.add_heading(TABLE_NAMES[section], level=3)
        document.add_paragraph(f"变化{counts.changed}个单元格（0→n {counts.became_nonzero}，n→0 {counts.became_zero}），"
                               f"未变{counts.unchanged}个。")
        # cells one template version has (2020's （六）其他处理, 2021's （六）1–3): listed grey
        # after the compared ones when they hold a number, never counted as changes
        only = [(side, path, number) for side in ("previous", "current")
                for path, number in comparison.one_version_cells(side, section) if number]
        if only:
            document.add_paragraph(f"另有{len(only)}个有数值的单元格仅一个模板版本有（灰色），不比较、不计入变化。")
        rows = [c for c in comparison.cells if c.section == section and c.kind != ZERO_BOTH]
        table = document.add_table(rows=1, cols=len(CELLS_HEADER))
        table.style = "Table Grid"
        for cell, title in zip(table.rows[0].cells, CELLS_HEADER):
            cell.text = comparison.sided(title)
        for change in rows:
            cells = table.add_row().cells
            values = [describe(now.template, change.path), format_value(change.previous),
                      format_value(change.current), "" if not change.changed or change.delta is None
                      else format_value(change.delta), CHANGE_LABELS.get(change.kind, change.kind)]
            for cell, value in zip(cells, values):
                cell.text = value
            for cell in cells[1:4]:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            colour = CHANGE_COLOURS.get(change.kind)
            if colour:
                for cell in cells[1:]:
                    _shade(cell, colour)
        for side, path, number in only:
            version = (before if side == "previous" else now).template
            cells = table.add_row().cells
            values = [f"{describe(version, path)}（仅{version}版模板）",
                      format_value(number) if side == "previous" else "—",
                      format_value(number) if side == "current" else "—", "", ONLY_ONE_VERSION_LABEL]
            for cell, text in zip(cells, values):
                cell.text = text
            for cell in cells[1:4]:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            for cell in cells[1:]:
                _shade(cell, ONLY_ONE_VERSION_COLOUR)
        _set_widths(table, CELLS_WIDTHS_CM)
        _rows_whole(table)

    document.add_heading("三、正文数字与文字重复", level=2)
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, ("事项", f"{before.year}年正文", f"{now.year}年正文")):
        cell.text = title
    for row in comparison.prose:
        cells = table.add_row().cells
        cells[0].text = row.topic
        cells[1].text = f"{row.previous.value}：{row.previous.sentence}" if row.previous else ""
        cells[2].text = f"{row.current.value}：{row.current.sentence}" if row.current else ""
    _rows_whole(table)
    reuse = comparison.reuse
    document.add_paragraph("正文重复率：" + "，".join(f"第{name}部分 {share_text(s.share, s.current)}"
                                                for name, s in reuse.sections.items())
                           + f"，合计 {share_text(reuse.overall)}。")
    document.add_paragraph(METHOD)
    return document


def _set_widths(table, widths_cm) -> None:
    """Fixed column widths (Word reads them from every cell, LibreOffice from the grid)."""
    table.autofit = False
    for column, width in zip(table.columns, widths_cm):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)


def _rows_whole(table) -> None:
    """Over a page break the heading row is repeated and no row is cut in two."""
    for number, row in enumerate(table.rows):
        properties = row._tr.get_or_add_trPr()
        properties.append(OxmlElement("w:cantSplit"))
        if number == 0:
            properties.append(OxmlElement("w:tblHeader"))


def _shade(cell, colour: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    properties.append(shading)
