"""Web pages as real sites publish a report: the HTML of Word, of WPS, of a CMS editor, and pages
whose tables are split (issue html27). Each renders the report's grids (zoo_render.grids) in that
producer's markup, with the producer's furniture around them: Office's conditional comments and
mso- styles, a spreadsheet's x:num cells and <col> widths, a site's header, nav and footer full of
numbers (dates, phone numbers, visit counters) that must never land in a cell.

Pure Python, drawn from a random stream of the report's own: the default zoo draws nothing here.
"""
from __future__ import annotations

import html
import random

from bench.zoo_render import Cell, grids
from bench.zoo_tables import ZooReport
from core.template import SECTION_TITLES

SITE_ROUTES = ("word-html", "wps-html", "cms-html", "split-html")

# A page declared in one charset and written in another, or not declared at all (UTF-8 only: the
# reader trusts the bytes over the label)
_UTF8_METAS = ("utf-8", "utf-8", "gb2312", "gbk", "iso-8859-1", None)


def _meta(charset: str | None, html5: bool) -> str:
    if charset is None:
        return ""
    if html5:
        return f'<meta charset="{charset}">\n'
    return f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">\n'


def _declared(encoding: str, rng: random.Random) -> str | None:
    if encoding == "gbk":
        return rng.choice(("gb2312", "gbk", "GB2312", "gb2312", "gbk", "utf-8", None))
    return rng.choice(_UTF8_METAS)


def _vertical(text: str, how: str) -> str:
    """A column header printed top to bottom: one character a paragraph, or <br> between them."""
    chars = [html.escape(ch) for ch in text]
    if how == "p":
        return "".join(f"<p>{ch}</p>" for ch in chars)
    return "<br>".join(chars)


def _is_vertical(c: Cell) -> bool:
    """The 表三 group cells spanning many rows: Word prints them vertically."""
    return c.rowspan >= 3 and not c.header and 2 <= len(c.text) <= 12


def _split_digits(text: str, rng: random.Random) -> str:
    """A number an editor's spans cut in pieces: 1<span>2</span>3."""
    if len(text) < 2 or not text.isdigit() or rng.random() > 0.15:
        return html.escape(text)
    cut = rng.randrange(1, len(text))
    return f"{text[:cut]}<span>{text[cut:]}</span>"


# --- (a) Word: "save as web page" and "save as filtered web page" --------------------------------

def word_page(r: ZooReport, encoding: str, rng: random.Random) -> str:
    filtered = rng.random() < 0.5
    vertical = rng.choice(("p", "br", "none"))
    font = rng.choice(("仿宋_GB2312", "宋体", "仿宋"))
    grid_class = rng.choice(("MsoNormalTable", "MsoTableGrid"))
    ghost_row = rng.random() < 0.5
    op = "" if filtered else "<o:p></o:p>"

    def para(text: str, style: str = "", size: str = "16.0pt") -> str:
        spaced = html.escape(text)
        if not filtered and rng.random() < 0.3 and len(text) > 8:  # Word's runs of spaces
            spaced = "<span style='mso-spacerun:yes'>&nbsp; </span>" + spaced
        return (f"<p class=MsoNormal{style}><span style='font-size:{size};font-family:{font}'>"
                f"{spaced}{op}</span></p>")

    def cell(c: Cell, width: int) -> str:
        span = (f" colspan={c.colspan}" if c.colspan > 1 else "") + (f" rowspan={c.rowspan}" if c.rowspan > 1 else "")
        style = ("border:solid windowtext 1.0pt;border-top:none;padding:0cm 5.4pt 0cm 5.4pt" if filtered else
                 "border:solid windowtext 1.0pt;border-top:none;mso-border-top-alt:solid windowtext .5pt;"
                 "mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt")
        lang = " lang=EN-US" if c.text[:1].isdigit() or not c.text else ""
        if not c.text:
            body = f"<p class=MsoNormal align=center style='text-align:center'><span{lang}>&nbsp;{op}</span></p>"
        elif vertical != "none" and _is_vertical(c):
            if vertical == "p":
                body = "".join(f"<p class=MsoNormal align=center style='text-align:center'><span "
                               f"style='font-size:10.5pt;font-family:{font}'>{html.escape(ch)}</span></p>"
                               for ch in c.text)
            else:
                body = (f"<p class=MsoNormal align=center style='text-align:center'><span style='font-size:10.5pt;"
                        f"font-family:{font}'>{_vertical(c.text, 'br')}{op}</span></p>")
        else:
            body = (f"<p class=MsoNormal align=center style='text-align:center'><span{lang}\n"
                    f"  style='font-size:10.5pt;font-family:{font}'>{html.escape(c.text)}{op}</span></p>")
        return f"  <td width={width * c.colspan}{span} valign=top style='{style}'>\n  {body}\n  </td>"

    def table(grid: list[list[Cell]]) -> str:
        width = sum(c.colspan for c in grid[0])
        unit = 553 // width
        rows = []
        for i, row in enumerate(grid):
            attrs = f" style='mso-yfti-irow:{i};height:20.0pt'" if not filtered else " style='height:20.0pt'"
            rows.append(f" <tr{attrs}>\n" + "\n".join(cell(c, unit) for c in row) + "\n </tr>")
        if ghost_row and any(c.colspan > 1 or c.rowspan > 1 for row in grid for c in row):
            # Word's row of no height under a table with merged cells, fixing its columns' widths
            rows.append(("" if filtered else " <![if !supportMisc]>\n") + " <tr height=0>\n"
                        + "".join(f"  <td width={unit} style='border:none'></td>\n" for _ in range(width))
                        + " </tr>" + ("" if filtered else "\n <![endif]>"))
        table_style = ("width:415.0pt;border-collapse:collapse;border:none" if filtered else
                       "width:415.0pt;border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;"
                       "mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt")
        return (f"<div align=center>\n<table class={grid_class} border=1 cellspacing=0 cellpadding=0 width=553\n"
                f" style='{table_style}'>\n" + "\n".join(rows) + "\n</table>\n</div>\n"
                + ("" if filtered else "<![if !supportMisc]><span style='display:none'>&nbsp;</span><![endif]>\n"))

    declared = _declared(encoding, rng)
    head = ("<html xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\"\n"
            "xmlns:w=\"urn:schemas-microsoft-com:office:word\" xmlns=\"http://www.w3.org/TR/REC-html40\">\n"
            if not filtered else "<html>\n")
    head += "\n<head>\n" + _meta(declared, False) + f"<meta name=Generator content=\"Microsoft Word 15{' (filtered)' if filtered else ''}\">\n"
    if not filtered:
        head += ("<!--[if gte mso 9]><xml>\n <o:DocumentProperties>\n  <o:Author>admin</o:Author>\n"
                 f"  <o:Created>{r.year + 1}-01-12T02:13:00Z</o:Created>\n  <o:Pages>8</o:Pages>\n"
                 "  <o:Words>1203</o:Words>\n  <o:Characters>6859</o:Characters>\n  <o:Version>16.00</o:Version>\n"
                 " </o:DocumentProperties>\n</xml><![endif]-->\n"
                 "<!--[if gte mso 9]><xml>\n <w:WordDocument>\n  <w:SpellingState>Clean</w:SpellingState>\n"
                 "  <w:DrawingGridVerticalSpacing>7.8 磅</w:DrawingGridVerticalSpacing>\n </w:WordDocument>\n</xml><![endif]-->\n")
    head += ("<style>\n<!--\n /* Font Definitions */\n @font-face\n\t{font-family:宋体;\n\tpanose-1:2 1 6 0 3 1 1 1 1 1;}\n"
             "p.MsoNormal\n\t{margin:0cm;\n\ttext-align:justify;\n\tfont-size:10.5pt;}\n"
             "@page WordSection1\n\t{size:595.3pt 841.9pt;\n\tmargin:72.0pt 90.0pt 72.0pt 90.0pt;}\n"
             "div.WordSection1\n\t{page:WordSection1;}\n-->\n</style>\n</head>\n")
    body = [f"<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:22.0pt;"
            f"font-family:方正小标宋简体'>{html.escape(r.title)}{op}</span></b></p>"]
    tabs = grids(r)
    for n in range(1, 7):
        body.append(para(SECTION_TITLES[n], " style='text-indent:32.0pt'"))
        for paragraph in r.prose.get(n, []):
            body.append(para(paragraph, " style='text-indent:32.0pt'"))
        if n in (2, 3, 4):
            body.append(table(tabs[f"section{n}"]))
        if n == 3 and not filtered and rng.random() < 0.5:  # a page break before the next table
            body.append("<span lang=EN-US style='font-size:16.0pt;font-family:仿宋_GB2312'><br clear=all "
                        "style='page-break-before:always'>\n</span>")
    return (head + "<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>\n\n"
            "<div class=WordSection1 style='layout-grid:15.6pt'>\n\n" + "\n\n".join(body) + "\n\n</div>\n\n</body>\n\n</html>\n")


# --- (b) WPS: a spreadsheet's web export (x:num cells, <col> widths, <font> tags) ----------------

def wps_page(r: ZooReport, encoding: str, rng: random.Random) -> str:
    font_tags = rng.random() < 0.5

    def cell(c: Cell) -> str:
        span = (f" colspan={c.colspan}" if c.colspan > 1 else "") + (f" rowspan={c.rowspan}" if c.rowspan > 1 else "")
        if not c.text:
            return f'<td class="xl67"{span}></td>'
        if c.text.replace(".", "", 1).isdigit():
            return f'<td class="xl66"{span} x:num>{html.escape(c.text)}</td>'
        text = html.escape(c.text)
        if _is_vertical(c):
            text = "<br>".join(html.escape(ch) for ch in c.text) if rng.random() < 0.5 else text
        if font_tags:
            text = f'<font class="font{rng.choice((1, 2, 3))}">{text}</font>'
        return f'<td class="xl65"{span} x:str>{text}</td>'

    def table(grid: list[list[Cell]], title: str) -> str:
        width = sum(c.colspan for c in grid[0])
        top = []
        if rng.random() < 0.4:  # the sheet's title and unit in merged rows above the table
            top.append(Cell(title, colspan=width, header=True))
        if rng.random() < 0.3:
            top.append(Cell("单位：件", colspan=width, header=True))
        grid = [[c] for c in top] + grid
        cols = f'<col width="{rng.choice((108, 144, 216))}" style="mso-width-source:userset;mso-width-alt:4608;"/>\n'
        cols += f'<col width="72" span="{width - 1}" style="mso-width-source:userset;mso-width-alt:3072;"/>\n'
        rows = []
        for row in grid:
            height = rng.choice((18, 27, 36))
            rows.append(f'<tr height="{height}" style="height:{height * 0.75:.2f}pt;">\n'
                        + "\n".join(cell(c) for c in row) + "\n</tr>")
        if rng.random() < 0.3:  # the sheet's empty row under the table, printed
            rows.append('<tr height="18" style="height:13.50pt;">\n' + '<td class="xl67"></td>' * width + "\n</tr>")
        return (f'<table width="{72 * width}" border="0" cellpadding="0" cellspacing="0" '
                f'style="width:{54 * width}pt;border-collapse:collapse;table-layout:fixed;">\n'
                + cols + "\n".join(rows) + "\n<![if supportMisc]>\n<tr width=\"0\" style=\"display:none;\">\n"
                + "".join('<td width="72" style="width:54pt;"></td>' for _ in range(width))
                + "\n</tr>\n<![endif]>\n</table>\n")

    def one_sheet(tabs: dict[str, list[list[Cell]]]) -> str:
        """The three tables in one sheet: a row for each section's title, then the table's rows, each
        padded with empty cells to the sheet's width (the widest table's)."""
        width = max(sum(c.colspan for c in grid[0]) for grid in tabs.values())
        rows = []
        for n in (2, 3, 4):
            grid = tabs[f"section{n}"]
            own = sum(c.colspan for c in grid[0])
            rows.append(f'<td class="xl68" x:str>{html.escape(SECTION_TITLES[n])}</td>' + '<td class="xl67"></td>' * (width - 1))
            for row in grid:
                rows.append("".join(cell(c) for c in row) + '<td class="xl69"></td>' * (width - own))
            rows.append('<td class="xl69"></td>' * width)
        body = "\n".join(f'<tr height="18" style="height:13.50pt;">\n{row}\n</tr>' for row in rows)
        return (f'<table width="{72 * width}" border="0" cellpadding="0" cellspacing="0" style="border-collapse:collapse;'
                f'table-layout:fixed;">\n<col width="72" span="{width}" style="width:54.00pt;"/>\n{body}\n</table>\n')

    declared = _declared(encoding, rng)
    head = ('<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"\n'
            'xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">\n<head>\n'
            + _meta(declared, False) + '<meta name="ProgId" content="Excel.Sheet"/>\n<meta name="Generator" content="WPS Office ET"/>\n'
            '<!--[if gte mso 9]>\n<xml>\n<o:DocumentProperties>\n<o:Author>Administrator</o:Author>\n'
            f'<o:Created>{r.year + 1}-01-08T09:11:00</o:Created>\n</o:DocumentProperties>\n'
            '<o:CustomDocumentProperties>\n<o:ICV dt:dt="string">B7C2E4D0F1A94C3E8E3F3A1D5D2B1234</o:ICV>\n'
            '<o:KSOProductBuildVer dt:dt="string">2052-11.1.0.12313</o:KSOProductBuildVer>\n</o:CustomDocumentProperties>\n'
            '</xml>\n<![endif]-->\n<style>\n<!-- @page\n\t{margin:0.75in 0.70in 0.75in 0.70in;\n\tmso-header-margin:0.30in;}\n'
            '.font1\n\t{color:#000000;\n\tfont-size:11.0pt;\n\tfont-family:宋体;}\n'
            '.xl65\n\t{mso-style-parent:style0;\n\ttext-align:center;\n\tborder:.5pt solid #000000;\n\tmso-number-format:"\\@";}\n'
            '.xl66\n\t{mso-style-parent:style0;\n\ttext-align:center;\n\tborder:.5pt solid #000000;}\n-->\n</style>\n'
            '<!--[if gte mso 9]>\n<xml>\n<x:ExcelWorkbook>\n<x:ExcelWorksheets>\n<x:ExcelWorksheet>\n<x:Name>Sheet1</x:Name>\n'
            '<x:WorksheetOptions>\n<x:DefaultRowHeight>270</x:DefaultRowHeight>\n<x:Selected/>\n</x:WorksheetOptions>\n'
            '</x:ExcelWorksheet>\n</x:ExcelWorksheets>\n<x:ProtectStructure>False</x:ProtectStructure>\n'
            '<x:WindowHeight>12600</x:WindowHeight>\n<x:WindowWidth>28695</x:WindowWidth>\n</x:ExcelWorkbook>\n</xml>\n<![endif]-->\n'
            '</head>\n')
    body = [f'<p align="center"><font size="5"><b>{html.escape(r.title)}</b></font></p>']
    tabs = grids(r)
    # (a sheet's rows are as wide as the sheet: a row printing 6 or 8 values, --quirks, cannot be one)
    sheet = rng.random() < 0.3 and not r.row_shapes
    for n in range(1, 7):
        if sheet and n in (2, 3, 4):  # the tables' sections printed in the sheet, their prose in 一's
            if n == 2:
                body.append(one_sheet(tabs))
            continue
        if sheet and n == 1:
            for paragraph in r.prose.get(2, []) + r.prose.get(3, []) + r.prose.get(4, []):
                body.append(f'<p>&nbsp;&nbsp;&nbsp;&nbsp;<font face="仿宋_GB2312">{html.escape(paragraph)}</font></p>')
        body.append(f'<p><font face="仿宋_GB2312" size="4">{html.escape(SECTION_TITLES[n])}</font></p>')
        for paragraph in r.prose.get(n, []):
            body.append(f'<p>&nbsp;&nbsp;&nbsp;&nbsp;<font face="仿宋_GB2312">{html.escape(paragraph)}</font></p>')
        if n in (2, 3, 4):
            body.append(table(tabs[f"section{n}"], SECTION_TITLES[n]))
    return head + '<body link="blue" vlink="purple">\n' + "\n".join(body) + "\n</body>\n</html>\n"


# --- (c) a CMS rich-text editor inside the site's page ------------------------------------------

def _site_frame(r: ZooReport, article: str, rng: random.Random, charset: str | None, layout_table: bool) -> str:
    """The site around an article: header, nav, the article's info line, sidebar and footer, with
    the numbers such pages carry (dates, times, phone numbers, counters, record numbers)."""
    year = r.year + 1
    published = f"{year}-0{rng.randint(1, 3)}-{rng.randint(10, 28)} {rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    visits = rng.randint(12, 98765)
    phone = f"0{rng.randint(10, 999)}-{rng.randint(2000000, 89999999)}"
    header = (f'<div class="top"><span>今天是：{year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日 星期{rng.choice("一二三四五六日")}</span>'
              f'<a href="/wza/">无障碍</a><a href="/en/">English</a></div>\n'
              f'<div class="header"><a href="/"><img src="/images/logo.png" alt="{html.escape(r.agency)}"></a></div>\n'
              '<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>'
              '<li><a href="/hdjl/">互动交流</a></li><li><a href="/bsfw/">办事服务</a></li></ul></div>\n'
              '<div class="position">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; '
              '<a href="/zwgk/ndbg/">政府信息公开年度报告</a></div>\n')
    info = (f'<div class="info"><span>来源：{html.escape(r.agency)}</span> <span>发布时间：{published}</span> '
            f'<span>浏览次数：<em id="visits">{visits}</em></span> <span>字号：【<a>大</a> <a>中</a> <a>小</a>】</span></div>\n')
    index = f'<table class="xxgk-index"><tr><td>索引号：</td><td>{rng.randint(10000000, 99999999)}/{year}-{rng.randint(10, 999):05d}</td><td>发文日期：</td><td>{year}-01-{rng.randint(10, 28)}</td></tr>' \
            f'<tr><td>发布机构：</td><td>{html.escape(r.agency)}</td><td>文号：</td><td></td></tr></table>\n' if rng.random() < 0.5 else ""
    side = "".join(f'<li><a href="/art/{year - k}/{rng.randint(1, 12)}/{rng.randint(1, 28)}/art_{rng.randint(1000, 9999)}_{rng.randint(100000, 999999)}.html">'
                   f'{html.escape(r.agency)}{r.year - k}年政府信息公开工作年度报告</a><span>{year - k}-01-{rng.randint(10, 28)}</span></li>'
                   for k in range(1, 4))
    sidebar = f'<div class="related"><h3>相关文章</h3><ul>{side}</ul></div>\n'
    neighbours = (f'<div class="pages"><p>上一篇：<a href="/art/{year - 1}/">{html.escape(r.agency)}{r.year - 1}年政府信息公开工作年度报告</a></p>'
                  f'<p>下一篇：<a href="/art/{year}/">关于{year}年第{rng.randint(1, 4)}季度政务公开工作情况的通报</a></p></div>\n')
    tools = neighbours + '<div class="tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>\n'
    footer = (f'<div class="footer"><p>主办：{html.escape(r.agency)} 地址：人民路{rng.randint(1, 399)}号 邮编：{rng.randint(100000, 860000)}</p>'
              f'<p>联系电话：{phone} 传真：{phone[:-2]}{rng.randint(10, 99)}</p>'
              f'<p>网站标识码：{rng.randint(1000000000, 9999999999)} <a href="https://beian.miit.gov.cn/">ICP备{rng.randint(10000000, 99999999)}号-{rng.randint(1, 9)}</a> '
              f'公网安备 {rng.randint(10000000000000, 99999999999999)}号</p>'
              f'<p>您是本站第<span id="counter">{rng.randint(100000, 9999999)}</span>位访问者 建议使用1920×1080分辨率</p></div>\n')
    html5 = rng.random() < 0.5
    head = ("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n" if html5 else
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
            '<html xmlns="http://www.w3.org/1999/xhtml">\n')
    head += ("<head>\n" + _meta(charset, html5) + f"<title>{html.escape(r.title)}_{html.escape(r.agency)}</title>\n"
             f'<meta name="PubDate" content="{published}">\n<meta name="ColumnName" content="政府信息公开年度报告">\n'
             '<link rel="stylesheet" href="/css/style.css">\n'
             '<script type="text/javascript">var _hmt = _hmt || []; var siteid = 1234; var total = "0";</script>\n</head>\n')
    main = f'<div class="title"><h1>{html.escape(r.title)}</h1></div>\n' + info + index + article + tools
    if rng.random() < 0.15:  # the article again, hidden: the print version some sites keep in the page
        main += f'<div id="printContent" style="display: none;">{article}</div>\n'
    side_first = rng.random() < 0.5  # the sidebar printed before the article (a left column)
    if layout_table:  # an old site: the whole page in a layout table
        cells = [f'<td width="240" valign="top">{sidebar}</td>', f'<td valign="top">\n{main}</td>']
        page = (f'<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">\n<tr><td colspan="2">{header}</td></tr>\n'
                f'<tr>{"".join(cells if side_first else cells[::-1])}</tr>\n'
                f'<tr><td colspan="2">{footer}</td></tr>\n</table>\n')
    else:
        parts = [f'<div class="side">{sidebar}</div>', f'<div class="content">\n{main}</div>']
        page = header + f'<div class="main">{"".join(parts if side_first else parts[::-1])}</div>\n' + footer
    script = ('<script type="text/javascript">document.getElementById("visits").innerHTML = '
              f'"{visits + 1}"; var _bdhmProtocol = "https://"; </script>\n')
    return head + "<body>\n" + page + script + "</body>\n</html>\n"


def _editor_table(grid: list[list[Cell]], rng: random.Random, font: str) -> str:
    """One table as UEditor / KindEditor keep it."""
    def cell(c: Cell) -> str:
        span = (f' colspan="{c.colspan}"' if c.colspan > 1 else "") + (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "")
        if not c.text:
            inner = "<br/>" if rng.random() < 0.5 else "&nbsp;"
        elif _is_vertical(c) and rng.random() < 0.5:
            inner = "<br/>".join(html.escape(ch) for ch in c.text)
        elif len(c.text) > 10 and not c.text[:1].isdigit() and rng.random() < 0.2:  # a label broken in two
            cut = rng.randrange(4, len(c.text) - 3)
            inner = f"{html.escape(c.text[:cut])}<br/>{html.escape(c.text[cut:])}"
        else:
            inner = _split_digits(c.text, rng)
        return (f'<td style="word-break: break-all;" valign="middle"{span}><p style="text-align:center;">'
                f'<span style="font-family:{font};font-size:16px">{inner}</span></p></td>')
    rows = "\n".join("<tr>" + "".join(cell(c) for c in row) + "</tr>" for row in grid)
    return ('<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;width:100%" width="100%">\n'
            f"<tbody>\n{rows}\n</tbody>\n</table>")


def _editor_article(r: ZooReport, rng: random.Random, tables: dict[str, list[str]]) -> str:
    font = rng.choice(("仿宋", "仿宋_GB2312", "宋体", "微软雅黑"))
    parts = ['<div class="TRS_Editor"><style type="text/css">.TRS_Editor P{margin-top:0;margin-bottom:12px;line-height:2;'
             'font-family:仿宋;font-size:16pt;}.TRS_Editor TD{font-size:12pt;}</style>']
    for n in range(1, 7):
        parts.append(f'<p style="text-indent:2em;"><strong><span style="font-family:黑体">{html.escape(SECTION_TITLES[n])}</span></strong></p>')
        for paragraph in r.prose.get(n, []):
            parts.append(f'<p style="text-indent:2em;"><span style="font-family:{font};font-size:16px">{html.escape(paragraph)}</span></p>')
        for table in tables.get(f"section{n}", []):
            parts.append(table)
    parts.append(f'<p style="text-align:right;"><span>{html.escape(r.agency)}</span></p>'
                 f'<p style="text-align:right;"><span>{r.year + 1}年1月{rng.randint(10, 28)}日</span></p></div>')
    return '<div class="article_con" id="zoom">\n' + "\n".join(parts) + "\n</div>\n"


def cms_page(r: ZooReport, encoding: str, rng: random.Random) -> str:
    font = rng.choice(("仿宋", "仿宋_GB2312", "宋体"))
    tables = {key: [_editor_table(grid, rng, font)] for key, grid in grids(r).items()}
    return _site_frame(r, _editor_article(r, rng, tables), rng, _declared(encoding, rng), rng.random() < 0.3)


# --- (d) tables split: one table a block, or one a printed page with the header rows repeated ----

def _placed(grid: list[list[Cell]]) -> list[tuple[int, int, Cell]]:
    """Every cell with its top-left (row, column) in the table."""
    taken: set[tuple[int, int]] = set()
    out = []
    for i, row in enumerate(grid):
        j = 0
        for c in row:
            while (i, j) in taken:
                j += 1
            out.append((i, j, c))
            taken.update((i + di, j + dj) for di in range(c.rowspan) for dj in range(c.colspan))
            j += c.colspan
    return out


def _rows(placed: list[tuple[int, int, Cell]], count: int) -> list[list[Cell]]:
    rows: list[list[Cell]] = [[] for _ in range(count)]
    for i, _, c in sorted(placed, key=lambda x: (x[0], x[1])):
        rows[i].append(c)
    return rows


def _cut_grid(grid: list[list[Cell]], at: int) -> tuple[list[list[Cell]], list[list[Cell]]]:
    """The grid cut before row ``at``: a cell spanning the cut ends at it, and the rows below get
    a cell of the rest, empty (as Word leaves a merged cell its table break splits)."""
    top, bottom = [], []
    for i, j, c in _placed(grid):
        if i < at:
            top.append((i, j, Cell(c.text, min(c.rowspan, at - i), c.colspan, c.header)))
            if i + c.rowspan > at:
                bottom.append((0, j, Cell("", i + c.rowspan - at, c.colspan, c.header)))
        else:
            bottom.append((i - at, j, Cell(c.text, c.rowspan, c.colspan, c.header)))
    return _rows(top, at), _rows(bottom, len(grid) - at)


def split_page(r: ZooReport, encoding: str, rng: random.Random) -> str:
    font = rng.choice(("仿宋", "仿宋_GB2312", "宋体"))
    repeat = rng.random() < 0.6
    page = rng.randint(2, 4)  # the printed file's page numbers, rising through the tables
    tables: dict[str, list[str]] = {}
    for key, grid in grids(r).items():
        heads = 3 if key in ("section3", "section4") else 0
        pieces, cuts = [grid], []
        if key == "section2" and rng.random() < 0.5:  # one table a block of 表二
            starts = [i for i, row in enumerate(grid) if len(row) == 1 and row[0].colspan == 4]
            pieces = [grid[a:b] for a, b in zip(starts, starts[1:] + [len(grid)])]
        elif key == "section4":  # its heads at a page's foot, its values on the next
            cuts = [3]
        elif len(grid) > 6:  # the printed pages' breaks
            cuts = sorted(rng.sample(range(max(heads, 2) + 1, len(grid) - 1), rng.randint(1, 2)))
        if cuts:
            pieces, rest, base, prefix = [], grid, 0, 0  # rest's row prefix + k is the grid's row base + k
            for cut in cuts:
                top, rest = _cut_grid(rest, cut - base + prefix)
                pieces.append(top)
                base, prefix = cut, 0
                if repeat and heads:
                    rest = [[Cell(c.text, c.rowspan, c.colspan, c.header) for c in row] for row in grid[:heads]] + rest
                    prefix = heads
            pieces.append(rest)
        between = rng.choice(("", "", "<p>续表</p>", '<p style="text-align:center;">（续表）</p>', "page"))
        html_pieces = []
        for k, piece in enumerate(pieces):
            if k and between == "page":  # the Word original's page number, pasted along
                html_pieces.append(f'<p style="text-align:center;">- {page} -</p>')
            if k:
                page += 1
            elif k and between:
                html_pieces.append(between)
            html_pieces.append(_editor_table(piece, rng, font))
        tables[key] = html_pieces
    article = _editor_article(r, rng, tables)
    if rng.random() < 0.5:
        return _site_frame(r, article, rng, _declared(encoding, rng), rng.random() < 0.3)
    return ("<html>\n<head>\n" + _meta(_declared(encoding, rng), False) + f"<title>{html.escape(r.title)}</title>\n</head>\n<body>\n"
            f"<h2 style=\"text-align:center\">{html.escape(r.title)}</h2>\n" + article + "</body>\n</html>\n")


RENDERERS = {"word-html": word_page, "wps-html": wps_page, "cms-html": cms_page, "split-html": split_page}


def site_page(route: str, r: ZooReport, encoding: str, seed_text: str) -> str:
    """The report as the site route publishes it, from a random stream of its own."""
    return RENDERERS[route](r, encoding, random.Random(f"{route}:{seed_text}"))
