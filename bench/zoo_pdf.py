"""A report drawn straight to PDF with reportlab (the zoo's `rl-pdf` converter), the ways Word, WPS
and print-to-PDF drivers draw one, not LibreOffice's way.

Each output draws its traits from the seed (`PdfVariant`):
- font: `cid` a non-embedded Adobe CID font (STSong-Light, as many government PDFs) or `ttf` an
  embedded TrueType subset (WenQuanYi Micro Hei);
- borders: `rect` every cell edge a thin filled rectangle (as Word draws them), `line` stroked lines,
  or (one output in ten) `none`: a table without ruling lines, its columns only in its words' places;
- numbers: `right` right-aligned in their cells or `centre` centred; label cells wrap over 2-3 lines;
- vertical: 表三's narrow header cells print one character per line (Word's vertical text) or wrap;
- header: `repeat` a table broken across pages repeats its header rows, `once` does not;
- glyphs: `plain` text runs, `tc` runs with character spacing (Tc), `placed` every glyph put
  on its own (no space characters in the file at all);
- header cells: `distributed` their one-line texts spread over the cell's width (Word's 分散对齐),
  `shaded` filled grey under the text, or `plain`;
- running head: every page after the first prints the report's title (its year in it) or its
  agency in the page header, above a table continued from the page before, or none.
Every page has a page number in its footer. bench-only: the app never imports reportlab.
"""
from __future__ import annotations

import io
import os
import random
from dataclasses import dataclass, replace
from pathlib import Path

from bench.zoo_render import FOOTERS, Cell, grids
from bench.zoo_tables import PLACEHOLDERS, ZooReport, number_text
from core.template import SECTION_TITLES

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
PAGE_W, PAGE_H = 595.0, 842.0  # A4 in points
LEFT, RIGHT, TOP, BOTTOM = 56.0, 56.0, 64.0, 72.0
TABLE_SIZE, TEXT_SIZE, PAD = 9.0, 10.5, 3.0
# Column widths per table, as shares of the text width (表三 as the official template's 1.2/1.4/3.4 cm + 7 x 1.45)
WIDTHS = {"section2": (0.40, 0.20, 0.20, 0.20), "section3": (1.2, 1.4, 3.4) + (1.45,) * 7, "section4": (1,) * 15}


@dataclass(frozen=True)
class PdfVariant:
    font: str  # cid | ttf
    borders: str  # rect | line | none
    numbers: str  # right | centre
    vertical: bool  # 表三's narrow headers one character per line
    header: str  # repeat | once
    glyphs: str  # plain | tc | placed
    heads: str = "plain"  # plain | distributed | shaded
    running: str = "none"  # none | title | agency

    def traits(self) -> list[str]:
        return [f"font:{self.font}", f"borders:{self.borders}", f"numbers:{self.numbers}",
                f"vertical:{'yes' if self.vertical else 'no'}", f"header:{self.header}", f"glyphs:{self.glyphs}",
                f"heads:{self.heads}", f"running:{self.running}"]


def pdf_variant(rng: random.Random) -> PdfVariant:
    """The seed's traits; ZOO_RL_BORDERS=rect|line|none forces the borders (to build a zoo of one
    kind: the other traits and the seed's stream stay as drawn)."""
    variant = _drawn_variant(rng)
    forced = os.environ.get("ZOO_RL_BORDERS")
    return replace(variant, borders=forced) if forced in ("rect", "line", "none") else variant


def _drawn_variant(rng: random.Random) -> PdfVariant:
    return PdfVariant(rng.choice(("cid", "ttf")), rng.choices(("rect", "line", "none"), (0.45, 0.45, 0.1))[0],
                      rng.choice(("right", "centre")),
                      rng.random() < 0.5, rng.choice(("repeat", "once")), rng.choice(("plain", "tc", "placed")),
                      rng.choice(("plain", "distributed", "shaded")), rng.choice(("none", "title", "agency")))


def _font(kind: str) -> str:
    from reportlab.pdfbase import pdfmetrics
    if kind == "cid":
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        return "STSong-Light"
    from reportlab.pdfbase.ttfonts import TTFont
    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", str(WQY), subfontIndex=0))
    return "WQY"


class _Writer:
    """Draws text the variant's way; measures it the same way."""

    def __init__(self, canvas, font: str, glyphs: str, rng: random.Random):
        from reportlab.pdfbase.pdfmetrics import stringWidth
        self.canvas, self.font, self.glyphs = canvas, font, glyphs
        self.width_of = stringWidth
        self.spacing = round(rng.uniform(0.4, 1.6), 2) if glyphs != "plain" else 0.0

    def width(self, text: str, size: float) -> float:
        return self.width_of(text, self.font, size) + self.spacing * max(len(text) - 1, 0)

    def draw(self, x: float, y: float, text: str, size: float) -> None:
        c = self.canvas
        if self.glyphs == "placed":
            for ch in text:
                if not ch.isspace():
                    c.setFont(self.font, size)
                    c.drawString(x, y, ch)
                x += self.width_of(ch, self.font, size) + self.spacing
            return
        t = c.beginText(x, y)
        t.setFont(self.font, size)
        if self.spacing:
            t.setCharSpace(self.spacing)
        t.textOut(text)
        c.drawText(t)


def _wrap(writer: _Writer, text: str, width: float, size: float) -> list[str]:
    """Lines of at most width, broken between characters but never inside a number."""
    lines, line = [], ""
    for i, ch in enumerate(text):
        if line and writer.width(line + ch, size) > width:
            cut = len(line)
            while cut > 0 and _joined(line[cut - 1], line[cut] if cut < len(line) else ch):
                cut -= 1
            if cut == 0:
                cut = len(line)
            lines.append(line[:cut])
            line = line[cut:]
        line += ch
    return lines + ([line] if line else [])


def _joined(a: str, b: str) -> bool:
    return (a.isdigit() or a in ".,") and (b.isdigit() or b in ".,%")


@dataclass
class _Placed:
    cell: Cell
    row: int
    col: int


def _layout(grid: list[list[Cell]]) -> tuple[list[_Placed], int]:
    taken: set[tuple[int, int]] = set()
    placed = []
    width = 0
    for i, row in enumerate(grid):
        j = 0
        for c in row:
            while (i, j) in taken:
                j += 1
            placed.append(_Placed(c, i, j))
            for di in range(c.rowspan):
                for dj in range(c.colspan):
                    taken.add((i + di, j + dj))
            j += c.colspan
        width = max(width, j)
    return placed, width


def _is_number(text: str) -> bool:
    """A value cell's text: a number (full-width, with a unit or separators too) or a placeholder."""
    body = number_text(text)[0].lstrip("+-")
    return text in PLACEHOLDERS or body.replace(",", "").replace(".", "").isdigit()


class _Doc:
    def __init__(self, report: ZooReport, variant: PdfVariant, rng: random.Random):
        from reportlab.pdfgen import canvas
        self.buffer = io.BytesIO()
        self.canvas = canvas.Canvas(self.buffer, pagesize=(PAGE_W, PAGE_H), pageCompression=1)
        self.variant, self.rng = variant, rng
        self.writer = _Writer(self.canvas, _font(variant.font), variant.glyphs, rng)
        self.y = PAGE_H - TOP
        self.page = 1
        self.report = report
        self.footer = FOOTERS[rng.randrange(len(FOOTERS))]
        self.footer_centred = rng.random() < 0.7
        self.carried: dict[int, list[str]] = {}  # a merged cell's lines left for the next page

    # --- pages ---
    def new_page(self) -> None:
        self._footer()
        self.canvas.showPage()
        self.page += 1
        self.y = PAGE_H - TOP
        if self.variant.running != "none":
            text = self.report.title if self.variant.running == "title" else self.report.agency
            self.writer.draw((PAGE_W - self.writer.width(text, 9)) / 2, PAGE_H - TOP / 2, text, 9)
            self.canvas.setLineWidth(0.5)
            self.canvas.line(LEFT, PAGE_H - TOP / 2 - 4, PAGE_W - RIGHT, PAGE_H - TOP / 2 - 4)

    def _footer(self) -> None:
        parts = ["{page}" if p == "PAGE" else "{pages}" if p == "NUMPAGES" else p for p in self.footer]
        text = "".join(parts).format(page=self.page, pages=self.pages_total)
        w = self.writer.width(text, TEXT_SIZE)
        x = (PAGE_W - w) / 2 if self.footer_centred else PAGE_W - RIGHT - w
        self.writer.draw(x, BOTTOM / 2, text, TEXT_SIZE)

    # --- prose ---
    def paragraph(self, text: str, size: float = TEXT_SIZE, indent: bool = True, centred: bool = False) -> None:
        width = PAGE_W - LEFT - RIGHT
        spacing = self.writer.spacing
        if size > TEXT_SIZE:  # the title's glyphs at their own widths
            self.writer.spacing = 0.0
        lead = size * 1.6
        lines = _wrap(self.writer, ("\u3000\u3000" if indent else "") + text, width, size)
        for line in lines:
            if self.y - lead < BOTTOM:
                self.new_page()
            self.y -= lead
            x = (PAGE_W - self.writer.width(line, size)) / 2 if centred else LEFT
            self.writer.draw(x, self.y + size * 0.3, line.lstrip("\u3000") if not indent else line, size)
        self.writer.spacing = spacing

    # --- tables ---
    def table(self, key: str, grid: list[list[Cell]]) -> None:
        size = TABLE_SIZE if key != "section4" else 8.0
        placed, ncols = _layout(grid)
        shares = WIDTHS[key]
        total = PAGE_W - LEFT - RIGHT
        widths = [total * s / sum(shares) for s in shares]
        while len(widths) < ncols:  # a 表三 row printing 8 values runs past the table's right edge
            widths.append(widths[-1])
        xs = [LEFT]
        for w in widths:
            xs.append(xs[-1] + w)
        lines_of, sizes = {}, {}
        for p in placed:
            w = xs[p.col + p.cell.colspan] - xs[p.col] - 2 * PAD
            vertical = (self.variant.vertical and key == "section3" and p.cell.colspan == 1
                        and (p.col == 0 or (p.cell.header and p.row > 0)))
            text = p.cell.text
            sizes[id(p)] = size
            if _is_number(text):  # as people do: a long number gets a smaller font, not a second line
                while self.writer.width(text, sizes[id(p)]) > w and sizes[id(p)] > 5:
                    sizes[id(p)] -= 0.5
            lines_of[id(p)] = list(text) if vertical else _wrap(self.writer, text, w, sizes[id(p)]) if text else []
        lead = size * 1.25
        heights = [0.0] * len(grid)
        for p in placed:
            if p.cell.rowspan == 1:
                heights[p.row] = max(heights[p.row], len(lines_of[id(p)]) * lead + 2 * PAD, size + 2 * PAD + 4)
        for p in sorted(placed, key=lambda p: p.cell.rowspan):
            if p.cell.rowspan > 1:
                need = len(lines_of[id(p)]) * lead + 2 * PAD
                have = sum(heights[p.row:p.row + p.cell.rowspan])
                if need > have:
                    for r in range(p.row, p.row + p.cell.rowspan):
                        heights[r] += (need - have) / p.cell.rowspan
        head = 0
        while head < len(grid) and all(c.header for c in grid[head]):
            head += 1
        if self.y - sum(heights[:head + 1]) < BOTTOM:  # not even the header and a row fit: the table starts on the next page
            self.new_page()
        pages: list[list[int]] = [[]]  # the rows each page prints
        y = self.y
        for r in range(len(grid)):
            if y - heights[r] < BOTTOM and pages[-1] and r > head:
                pages.append([])
                y = PAGE_H - TOP
                if self.variant.header == "repeat":
                    pages[-1].extend(range(head))
                    y -= sum(heights[:head])
            pages[-1].append(r)
            y -= heights[r]
        for n, rows in enumerate(pages):
            if n:
                self.new_page()
            self._draw_rows(placed, rows, heights, xs, lines_of, sizes, lead, self.y)
            self.y -= sum(heights[r] for r in rows)
        self.y -= 8

    def _draw_rows(self, placed, rows: list[int], heights, xs, lines_of, sizes, lead, top: float) -> None:
        row_top = {}
        y = top
        for r in rows:
            row_top[r] = y
            y -= heights[r]
        shown = set(rows)
        for p in placed:
            span = [r for r in range(p.row, p.row + p.cell.rowspan) if r in shown]
            if not span:
                continue
            x0, x1 = xs[p.col], xs[p.col + p.cell.colspan]
            y_top = row_top[span[0]]
            y_bottom = row_top[span[-1]] - heights[span[-1]]
            if p.cell.header and self.variant.heads == "shaded":
                self.canvas.setFillGray(0.85)
                self.canvas.rect(x0, y_bottom, x1 - x0, y_top - y_bottom, stroke=0, fill=1)
                self.canvas.setFillGray(0)
            self._box(x0, y_bottom, x1, y_top)
            # a merged cell broken by the page: its text from its top on, the lines that do not
            # fit continued at the top of its part on the next page (as Word flows it)
            lines = lines_of[id(p)] if p.row in shown else self.carried.pop(id(p), [])
            if not lines:
                continue
            size = sizes[id(p)]
            fit = max(1, int((y_top - y_bottom - 2 * PAD) // lead))
            if len(lines) > fit and p.cell.rowspan > 1:
                lines, self.carried[id(p)] = lines[:fit], lines[fit:]
                y_text = y_top - PAD - size
            else:
                y_text = (y_top + y_bottom) / 2 + len(lines) * lead / 2 - size
            number = _is_number(p.cell.text) and not p.cell.header
            for line in lines:
                w = self.writer.width(line, size)
                if p.cell.header and self.variant.heads == "distributed" and len(lines) == 1 and len(line) > 1:
                    self._distributed(x0 + PAD, x1 - PAD, y_text + size * 0.15, line, size)
                    continue
                if number and self.variant.numbers == "right":
                    x = x1 - PAD - 2 - w
                elif number or p.cell.header or len(lines) == 1 and w < (x1 - x0) * 0.5 and p.col > 0:
                    x = (x0 + x1 - w) / 2
                else:
                    x = x0 + PAD
                self.writer.draw(x, y_text + size * 0.15, line, size)
                y_text -= lead

    def _distributed(self, x0: float, x1: float, y: float, line: str, size: float) -> None:
        """Word's 分散对齐: the characters spread evenly from the cell's left edge to its right."""
        widths = [self.writer.width_of(ch, self.writer.font, size) for ch in line]
        gap = max(0.0, (x1 - x0 - sum(widths)) / (len(line) - 1))
        for ch, w in zip(line, widths):
            self.canvas.setFont(self.writer.font, size)
            self.canvas.drawString(x0, y, ch)
            x0 += w + gap

    def _box(self, x0: float, y0: float, x1: float, y1: float) -> None:
        c = self.canvas
        t = 0.5
        if self.variant.borders == "none":
            return
        if self.variant.borders == "rect":  # Word: each edge a filled rectangle
            c.setFillGray(0)
            for rect in ((x0 - t / 2, y1 - t / 2, x1 - x0 + t, t), (x0 - t / 2, y0 - t / 2, x1 - x0 + t, t),
                         (x0 - t / 2, y0 - t / 2, t, y1 - y0 + t), (x1 - t / 2, y0 - t / 2, t, y1 - y0 + t)):
                c.rect(*rect, stroke=0, fill=1)
        else:
            c.setLineWidth(t)
            c.lines([(x0, y1, x1, y1), (x0, y0, x1, y0), (x0, y0, x0, y1), (x1, y0, x1, y1)])

    def finish(self) -> bytes:
        self._footer()
        self.canvas.save()
        return self.buffer.getvalue()


def _draw(report: ZooReport, variant: PdfVariant, seed: int, pages_total: int) -> tuple[bytes, int]:
    doc = _Doc(report, variant, random.Random(seed))
    doc.pages_total = pages_total
    doc.paragraph(report.title, size=16, indent=False, centred=True)
    doc.y -= 10
    tabs = grids(report)
    for n in range(1, 7):
        doc.paragraph(SECTION_TITLES[n], indent=True)
        for text in report.prose.get(n, []):
            doc.paragraph(text)
        if n in (2, 3, 4):
            doc.table(f"section{n}", tabs[f"section{n}"])
    return doc.finish(), doc.page


def rl_pdf(report: ZooReport, variant: PdfVariant, seed: int) -> bytes:
    """The report's PDF; drawn twice so that a footer can print the number of pages."""
    _, pages = _draw(report, variant, seed, 0)
    data, _ = _draw(report, variant, seed, pages)
    return data
