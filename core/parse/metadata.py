"""The report's metadata read from its head: its title (the agency and the year it names, not a
link to another report), the compiler the text names, the year of the statistics' period."""
from __future__ import annotations

import re
from pathlib import PurePath
from typing import Iterator, Optional

from core.model import Report
from core.parse.tokens import normalise
from core.readers.document import Document, Line

# The title's last words may wrap anywhere (a web page printed to PDF: "…工作年" / "度报告"): the
# head's lines are joined by line breaks, which the agency never spans.
_TITLE_FROM_YEAR = r"(?P<year>(?:19|20)\d{2})\s*年\s*度?\s*(?:政\s*府\s*)?信\s*息\s*公\s*开\s*(?:工\s*作\s*)?年\s*度\s*报\s*告"
# (60: an office named with the bodies it also is runs to 45, 「…人民政府办公室（…局、…办公室）」, cut at 40
# to 「区人民政府办公室（…」; in 11 934 zoo texts no other agency read differs)
_AGENCY_MAX = 60
# An agency's name is Chinese, but for a number after 第 (「第17街道办事处」, 「第2中学」): without it
# the name began after the number, and every 街道 of a district was read as one agency
_AGENCY_PART = r"(?:[\u4e00-\u9fa5（）()·、]|(?<=第)\d{1,4})"
_TITLE = re.compile(rf"(?P<agency>{_AGENCY_PART}{{2,{_AGENCY_MAX}}}?)\s*{_TITLE_FROM_YEAR}")
# The title from its year on: a search skips ahead to a "1" or a "2" (_TITLE, opening on a
# repeat, is tried from every character of the head, and most of a head is Chinese)
_TITLE_YEAR = re.compile(_TITLE_FROM_YEAR)
_COMPILER = re.compile(r"本报告由\s*(?P<agency>(?:[\u4e00-\u9fa5（）()·]|(?<=第)\d{1,4}){2,40}?)\s*(?:根据|依据|按照|编制)")
_PERIOD = re.compile(r"统计(?:期限|时限|期间|时间|周期|区间)[^。\d]{0,15}?((?:19|20)\d{2})\s*年")
_LEADING = re.compile(r"^(?:.*?规定[,，]?)?(?:现将|现予公布|现公布|特公布|公布|发布|特发布|印发)?")
# A title naming the year before the agency (「2023年度北辰市住房和城乡建设局政府信息公开工作年度报告」): the agency is
# what lies between the year and 政府信息公开 / 信息公开, not 「政府」 alone (「2023年政府信息公开工作年度报告」 names none)
_TITLE_YEAR_FIRST = re.compile(
    rf"(?P<year>(?:19|20)\d{{2}})\s*年\s*度?\s*(?P<agency>{_AGENCY_PART}{{2,{_AGENCY_MAX}}}?)\s*"
    r"(?:政\s*府\s*)?信\s*息\s*公\s*开\s*(?:工\s*作\s*)?年\s*度\s*报\s*告")
# What a site's breadcrumb or column name prints on the line above a title naming no agency (「当前位置：首页 >
# 政务公开 > 年度报告」 / 「2023年政府信息公开工作年度报告」): the words of a report's kind, never an agency's name;
# nor the prose's 「本机关」 「我局」 (「现将2023年本机关政府信息公开工作年度报告公布如下」)
_NO_AGENCY = re.compile(r"^(?:本|我|政府$)|(?:年报|报告|公开|专栏|专题|栏目|目录|首页|位置|正文|详情|年度)$")
# The signature closing a report (落款): the agency's name alone on a line, the date alone on the next
# (「北辰市住房和城乡建设局」 / 「2023年1月20日」 or 「二〇二三年一月二十日」); a name ends as an agency's does
_SIGNED_DATE = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
                          r"|[〇○零一二三四五六七八九]{4}\s*年\s*[一二三四五六七八九十]{1,2}\s*月\s*[一二三四五六七八九十]{1,3}\s*日")
_SIGNED_NAME = re.compile(r"(?:[\u4e00-\u9fa5()·]|(?<=第)\d{1,4}){3,40}"
                          r"[局委会府室厅部院处所站心办署司社馆队镇乡道校学团行庭台厂场园区县市省组]")


# A title that is a link to another report on a site's page: a list item, a title followed by
# its date of publication, or the page's 上一篇/下一篇 (html2text's and pandoc's list marks are
# stripped with Markdown's: the date tells those)
_LISTED_BEFORE = re.compile(r"\s*(?:[-+•·◆◇■□▪▫●○►▶]|上一篇|下一篇|上一条|下一条)[\s:：【\[]*")
_DATED_AFTER = re.compile(r"[\s\]】)）]*(?:\([^()\s]*\))?\s*[\[(（【]?\s*(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")


def _titles(head: str) -> Iterator[re.Match]:
    """_TITLE.finditer(head), each title found from its year. The agency's characters are neither
    white space nor digits (but a number after 第), so a title's agency ends where the white space before its year
    begins, at most _AGENCY_MAX characters back: _TITLE is searched from there (or from the last
    title's end), up to that year's title's end, and finds the same title finditer finds, if any."""
    searched = 0  # (finditer goes on from the end of the last title)
    for year in _TITLE_YEAR.finditer(head):
        agency_end = year.start()
        while agency_end > searched and head[agency_end - 1].isspace():
            agency_end -= 1
        title = _TITLE.search(head, max(searched, agency_end - _AGENCY_MAX), year.end())
        if title is not None:
            searched = title.end()
            yield title


def _report_title(head: str, period_year: Optional[int]) -> Optional[re.Match]:
    """The report's own title among the titles the head prints: not a link to another report
    (_LISTED_BEFORE, _DATED_AFTER: a site's lists of related reports, printed before or after
    it); of several, the first of the year the statistics' period states, else the first. (The
    head is searched on only past a title that is a link or of another year: most heads print
    their own title first.)"""
    first = own = None
    for title in _titles(head):
        first = first or title
        if _LISTED_BEFORE.fullmatch(head, head.rfind("\n", 0, title.start()) + 1, title.start()) \
                or _DATED_AFTER.match(head, title.end()):
            continue
        if period_year is None or int(title.group("year")) == period_year:
            return title
        own = own or title
    return own or first


def read_metadata(doc: Document, report: Report) -> None:
    head = "\n".join([l for l in _head_lines(doc.first_lines(40)) if l])
    report.period_year = _period_year(doc.text[:20000])
    title = _report_title(head, report.period_year) or _year_first_title(head)
    if title:
        report.agency = _agency_named(title)
        report.title_year = int(title.group("year"))
    compiler = _COMPILER.search(head.replace("\n", ""))
    if compiler:
        named = compiler.group("agency")
        if not report.agency or (named.startswith(report.agency) and named != report.agency):
            report.agency = named
    if not report.agency:  # a title naming no agency, or a picture: the signature, else the file's name
        report.agency = _signed_agency(doc.text) or _agency_in_file_name(doc.path)
    report.year = report.title_year or report.period_year
    if report.year is None:
        first = re.search(r"((?:19|20)\d{2})\s*年", head)
        report.year = int(first.group(1)) if first else None


def _year_first_title(head: str) -> Optional[re.Match]:
    """The first title naming its year before its agency, not a link to another report, where
    the head prints none naming its agency first (「2023年政府信息公开…」 names none: not one)."""
    for title in _TITLE_YEAR_FIRST.finditer(head):
        if _agency_named(title) and not _LISTED_BEFORE.fullmatch(head, head.rfind("\n", 0, title.start()) + 1,
                                                                   title.start()) \
                and not _DATED_AFTER.match(head, title.end()):
            return title
    return None


def _agency_named(title: re.Match) -> Optional[str]:
    """The agency a title names: without the words that announce it (「现将…」), nor a site's
    words of the report's kind on the line above a title naming none (_NO_AGENCY)."""
    agency = _LEADING.sub("", title.group("agency")).strip("（(")
    agency = re.sub(r"(?:关于|的)$", "", agency)
    return agency if agency and not _NO_AGENCY.search(agency) else None


def _signed_agency(text: str) -> Optional[str]:
    """The agency signing the report: the last line of its text's end that is a name alone, the
    next line holding a date alone (a web page's footer may follow: its lines are not names alone)."""
    lines = [line.strip(" #*|\t") for line in normalise(text[-4000:]).split("\n")]
    lines = [line for line in lines if line]
    for at in range(len(lines) - 1, 0, -1):
        if _SIGNED_DATE.fullmatch(lines[at]) and _SIGNED_NAME.fullmatch(lines[at - 1]) \
                and not _NO_AGENCY.search(lines[at - 1]):
            return lines[at - 1]
    return None


def _agency_in_file_name(path: str) -> Optional[str]:
    """The agency the file's name gives as a title does (「北辰市住房和城乡建设局2023年政府信息公开工作年度报告.pdf」)."""
    stem = normalise(PurePath(path.replace("\\", "/")).stem) if path else ""
    title = _TITLE.search(stem) or _TITLE_YEAR_FIRST.search(stem)
    return _agency_named(title) if title else None


def _head_lines(lines: list[Line]) -> list[str]:
    """Each line's text normalised, without the Markdown marks around it. Normalised in one call:
    a line break splits normalising (NFKC neither composes nor decomposes it, and each character
    normalise() replaces stands alone), so the text normalised whole, cut at its line breaks, is
    each line normalised, unless a line's text holds a line break itself."""
    texts = [cells[0].text if len(cells := line.cells) == 1 else " ".join([c.text for c in cells])
             for line in lines]  # (line_text, inline: a call a line cost as much)
    parts = normalise("\n".join(texts)).split("\n")
    if len(parts) != len(texts):  # a line break inside a line's text
        parts = [normalise(text) for text in texts]
    return [part.strip(" #*") for part in parts]


def _period_year(head: str) -> Optional[int]:
    """The year of the first statement of the statistics' period (统计期限…2023年) in the head of
    the text, normalised, its lines joined. The match starts at a 统, which normalising makes of no
    other character, and cannot cross a 。: only the stretch from each 统 to the next 。 is
    normalised and tried (a 统 and a 。 leave what lies beside them as it is), in order."""
    at = head.find("统")
    while at >= 0:
        end = head.find("。", at)
        period = _PERIOD.match(normalise(head[at:end if end >= 0 else len(head)]).replace("\n", ""))
        if period:
            return int(period.group(1))
        at = head.find("统", at + 1)
    return None
