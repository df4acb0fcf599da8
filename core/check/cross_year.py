"""Two years of one agency: the cross-year rules X-1..X-4, text reuse and the prose's numbers.

Callers pass the reports as the auditor sees them (``ReportReview.current()``), so corrections
made in the review count here too.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Optional

from core.model import Finding, Number, Report, known
from core.check.rules import WARNING, _CARRIED, _OTHER_MATTERS, _RECEIVED, _fmt, unfilled_columns
from core.parse.prose_counts import ISSUED, LITIGATION, REVIEW
from core.template import T3_COLUMNS, counterpart, describe, tables

# X-3 fires when at least this share of this year's prose (sections 一, 五, 六; sentences weighted
# by length, numbers masked, the template's fixed wording left out) repeats last year's word for
# word. Why 0.8: sections 五 and 六 are stock text agencies legitimately keep from year to year
# (problems "still" to solve, "无其他需要报告的事项"); on the six reports of the corpus they are 21-42 %
# of the counted text (median 30 %). Even with 五 and 六 copied whole, reaching 80 % needs two
# thirds or more of 一、总体情况 — the account of the year's own work — copied too ((0.8 − 0.42) /
# 0.58 = 66 % in the worst case), and a re-dated copy (same text, new figures) scores 100 %.
REUSE_THRESHOLD = 0.8
REUSE_MIN_CHARS = 120  # less masked text than this is too little to call a copy
REUSE_SECTIONS = {1: "一", 5: "五", 6: "六"}
_MIN_SENTENCE = 6  # shorter pieces ("无", "（一）") say nothing about copying

_SENTENCE_END = re.compile(r"(?<=[。；;！!？?])")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# Wording the template or the 条例 prescribes: the same in every report, so never evidence of copying.
_FIXED_WORDING = [re.compile(p) for p in (
    r"^[一二三四五六]、", r"^（文字描述", r"统计期限", r"本报告(?:根据|依据|是根据|按照|由)",
    r"如对本(?:年度)?报告有任何疑问", r"电子版可在", r"(?:联系|咨询)电话", r"^无。?$",
    r"^本(?:机关|单位|部门)?(?:本年度)?无其他需要报告的事项", r"收取信息处理费",
)]


def _num(report: Report, path: str) -> Optional[Number]:
    cell = report.cells.get(path)
    return cell.arithmetic if cell else None


def _unfilled(*reports: Report) -> set[str]:
    """The cells of a column a report left empty as a whole (its 表三 总计 unfilled: the rules'
    unfilled_columns): unknown, not 0, so no year is compared through them."""
    return {path for report in reports for _said, paths in unfilled_columns(report).values() for path in paths}


def cross_year(previous: Report, current: Report) -> list[Finding]:
    """Findings on `current` (year N) given `previous` (year N−1) of the same agency."""
    findings = carried_over_rule(previous, current)
    if current.template != "2019" and previous.template != "2019":
        findings += in_force_rule(previous, current)
    copy = copy_rule(previous, current)
    if copy:
        findings.append(copy)
    findings += stated_change_rule(previous, current)
    return findings


def previous_cells(finding: Finding, previous_version: Optional[str] = None,
                   current_version: Optional[str] = None) -> list[str]:
    """The cells of last year's report a cross-year finding compares with (for showing both);
    given both years' template versions, in last year's version (2019's 本年新制作数量 for
    2021's 本年制发件数)."""
    return compared_cells(finding.rule, finding.cells, previous_version, current_version)


def compared_cells(rule: str, cells, previous_version: Optional[str] = None,
                   current_version: Optional[str] = None) -> list[str]:
    """``previous_cells`` of the finding of ``rule`` on these cells of this year (a verdict names
    its finding so: core.review.edits records last year's values it was given on)."""
    if rule == "X-1":
        return [c.replace(".carried_over.", ".carried_forward.") for c in cells]
    if previous_version is None or current_version is None:
        return list(cells)
    return [_before(c, previous_version, current_version) for c in cells]


def _before(cell: str, previous_version: str, current_version: str) -> str:
    """``cell`` of this year's template as last year's template names it (itself when it has none)."""
    if cell.count(".") != 2:
        return cell
    return counterpart(cell, current_version, previous_version) or cell


# --- X-1, X-2 -----------------------------------------------------------------------------------

def carried_over_rule(previous: Report, current: Report) -> list[Finding]:
    out = []
    unfilled = _unfilled(previous, current)
    for column in T3_COLUMNS:
        if {f"section3.carried_over.{column.key}", f"section3.carried_forward.{column.key}"} & unfilled:
            continue  # an empty 总计 column said "本年报告「上年结转」0件" of a total the report never gave
        now, before = (_num(current, f"section3.carried_over.{column.key}"),
                       _num(previous, f"section3.carried_forward.{column.key}"))
        if now is None or before is None or now == before:
            continue
        out.append(Finding("X-1", WARNING, [f"section3.carried_over.{column.key}"],
                           f"「{column.label}」列：本年报告「上年结转」{now}件，上年报告「结转下年度」{before}件，两者应相等",
                           expected=before, actual=now))
    return out


def in_force_rule(previous: Report, current: Report) -> list[Finding]:
    out = []
    for row in ("rules", "normative_docs"):
        values = [_num(current, f"section2.{row}.in_force"), _num(previous, f"section2.{row}.in_force"),
                  _num(current, f"section2.{row}.issued"), _num(current, f"section2.{row}.repealed")]
        if not known(values):
            continue
        now, before, issued, repealed = values
        expected = before + issued - repealed
        if now != expected:
            name = describe(current.template, f"section2.{row}").split("「")[-1].rstrip("」")
            if expected < 0:  # no count can be it: 「= -3件」 and 「应为 -3」 were no help
                out.append(Finding("X-2", WARNING, [f"section2.{row}.in_force"],
                                   f"「{name}」本年废止{repealed}件，多于上年现行有效{before}件与本年制发{issued}件之和"
                                   f"（{before + issued}件），三者至少有一个有误", actual=now))
                continue
            out.append(Finding("X-2", WARNING, [f"section2.{row}.in_force"],
                               f"「{name}」现行有效{now}件，上年{before}件 + 本年制发{issued}件 − 本年废止{repealed}件"
                               f" = {expected}件", expected=expected, actual=now))
    return out


# --- text reuse ------------------------------------------------------------------------------

def section_text(report: Report, number: int) -> str:
    """The section's text without its heading line."""
    span = report.section_spans.get(number)
    if not span:
        return ""
    text = report.text[span[0]:span[1]]
    return text.split("\n", 1)[1] if "\n" in text else ""


def sentences(text: str) -> list[str]:
    """The text's sentences, in order. Line ends are layout (a PDF wraps mid-sentence), so lines
    are joined first; a sentence ends at its punctuation."""
    joined = re.sub(r"[ \t\u3000]*\n\s*", "", text)
    return [s.strip() for s in _SENTENCE_END.split(joined) if s.strip()]


def masked(sentence: str) -> str:
    """A sentence as compared: full/half width folded, spaces dropped, every number → #."""
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", sentence))
    return _NUMBER.sub("#", text)


def is_fixed_wording(sentence: str) -> bool:
    key = masked(sentence)
    return len(key) < _MIN_SENTENCE or any(p.search(key) for p in _FIXED_WORDING)


@dataclass
class SectionReuse:
    section: str  # 一 | 五 | 六
    share: Optional[float]  # None when this year's section has no own text
    weight: int  # masked characters of this year's own text
    repeated: int  # ...of which repeat last year's
    current: list[tuple[str, bool]] = field(default_factory=list)  # (sentence, repeated)
    previous: list[tuple[str, bool]] = field(default_factory=list)


@dataclass
class Reuse:
    overall: Optional[float]
    sections: dict[str, SectionReuse]

    def to_json(self) -> dict:
        rounded = lambda v: None if v is None else round(v, 2)  # noqa: E731
        return {"overall": rounded(self.overall),
                "sections": {k: rounded(s.share) for k, s in self.sections.items()}}


# A share not counted, said where the share would be (the 正文 view, the comparison's exports): a
# bare 「—」 left the auditor guessing why
REUSE_NO_TEXT = "本年无此部分正文，不计"
REUSE_FIXED_ONLY = "只有固定表述，不计"
REUSE_NONE_AT_ALL = "三部分均无可比正文，不计"


def share_text(share: Optional[float], sentences: Optional[list] = None) -> str:
    """A share of text reuse as shown: 「37%」, or why it is not counted: the section holds no text
    this year, or (``sentences``, this year's, given) only the template's fixed wording; the
    overall share (``sentences`` None) of three sections none of which has any."""
    if share is not None:
        return f"{share:.0%}"
    if sentences is None:
        return REUSE_NONE_AT_ALL
    return REUSE_FIXED_ONLY if sentences else REUSE_NO_TEXT


METHOD = ("重复率＝本年正文中与上年逐字相同的句子所占的字数比例：按句比较，数字一律视为相同，"
          "模板和条例规定的固定表述（章节标题、统计期限、信息处理费等）不计；"
          f"第一、五、六部分合计达到{REUSE_THRESHOLD:.0%}时提示疑似照抄（X-3）。")


def text_reuse(previous: Report, current: Report) -> Reuse:
    sections: dict[str, SectionReuse] = {}
    weight = repeated = 0
    for number, name in REUSE_SECTIONS.items():
        before = sentences(section_text(previous, number))
        now = sentences(section_text(current, number))
        before_keys = {masked(s) for s in before if not is_fixed_wording(s)}
        now_keys = {masked(s) for s in now if not is_fixed_wording(s)}
        own = [(s, masked(s) in before_keys) for s in now if not is_fixed_wording(s)]
        w = sum(len(masked(s)) for s, _ in own)
        r = sum(len(masked(s)) for s, same in own if same)
        sections[name] = SectionReuse(name, r / w if w else None, w, r,
                                      [(s, not is_fixed_wording(s) and masked(s) in before_keys) for s in now],
                                      [(s, not is_fixed_wording(s) and masked(s) in now_keys) for s in before])
        weight, repeated = weight + w, repeated + r
    return Reuse(repeated / weight if weight else None, sections)


def copy_rule(previous: Report, current: Report) -> Optional[Finding]:
    paths = [p for t in tables(current.template).values() for p in t.paths()]
    one_version = current.template == previous.template
    # across versions (a 2021 report beside its 2020 one in the 2019 trial template) the cells both
    # templates hold, each with last year's cell of the same meaning
    pairs = [(p, p) for p in paths] if one_version else \
        [(p, q) for p in paths for q in [counterpart(p, current.template, previous.template)] if q]
    same_tables = bool(pairs) and any(current.value(p) for p, _ in pairs) and \
        all(current.value(p) == previous.value(q) for p, q in pairs)
    reuse = text_reuse(previous, current)
    copied = reuse.overall is not None and reuse.overall >= REUSE_THRESHOLD and \
        sum(s.weight for s in reuse.sections.values()) >= REUSE_MIN_CHARS
    if not same_tables and not copied:
        return None
    reasons = []
    if same_tables:
        reasons.append("三张统计表的数据与上年完全相同" if one_version
                       else "三张统计表中两版模板共有的单元格，数据与上年完全相同")
    if copied:
        reasons.append(f"第一、五、六部分正文有{reuse.overall:.0%}（按字数）与上年相同")
    return Finding("X-3", WARNING, ["section2", "section3", "section4"] if same_tables else [],
                   "疑似照抄上年报告：" + "；".join(reasons),
                   actual=round(reuse.overall, 2) if copied and reuse.overall is not None else None)


# --- the prose's numbers, and X-4: changes the prose states -----------------------------------------

_WRAPPED_LINE = 20  # a line this long that ends without punctuation goes on in the next line
_CLOSED = re.compile(r"办结[^。；;，,\d]{0,10}?(\d+)\s*件")


@dataclass(frozen=True)
class Topic:
    key: str
    label: str
    cells: tuple[str, ...]  # the table cells whose sum the prose states
    keyword: re.Pattern  # how the prose names it before a stated change
    pattern: Optional[re.Pattern] = None  # how the prose states the number itself
    exclude: Optional[re.Pattern] = None


TOPICS = (
    Topic("received", "收到申请", ("section3.new.total",), re.compile(r"(?<!复议)申请"), _RECEIVED, _OTHER_MATTERS),
    Topic("closed", "办结", ("section3.total.total",), re.compile(r"办结"), _CLOSED),
    Topic("carried_forward", "结转下年度", ("section3.carried_forward.total",), re.compile(r"结转"),
          _CARRIED[0]),
    Topic("review", "行政复议", ("section4.review.total",), re.compile(r"复议"), REVIEW),
    Topic("litigation", "行政诉讼", ("section4.litigation_direct.total", "section4.litigation_after_review.total"),
          re.compile(r"诉讼"), LITIGATION),
    Topic("normative_docs", "制发规范性文件", ("section2.normative_docs.issued",), re.compile(r"规范性文件"),
          ISSUED),
    Topic("licensing", "行政许可", ("section2.licensing.decisions",), re.compile(r"行政许可")),
    Topic("punishment", "行政处罚", ("section2.punishment.decisions",), re.compile(r"行政处罚")),
    Topic("coercion", "行政强制", ("section2.coercion.decisions",), re.compile(r"行政强制")),
)


@dataclass
class ProseNumber:
    topic: str  # Topic.label
    value: int
    sentence: str


def _flat_prose(report: Report) -> str:
    """The prose without spaces; a long line that stops mid-sentence (a PDF's wrap) is joined to
    the next, other line ends stay (they end headings)."""
    lines = re.sub(r"[^\S\n]+", "", report.prose()).split("\n")
    out: list[str] = []
    for line in lines:
        if out and len(out[-1]) >= _WRAPPED_LINE and out[-1][-1] not in "。；;！!？?：:":
            out[-1] += line
        else:
            out.append(line)
    return "\n".join(out)


def _sentence_at(text: str, position: int) -> str:
    start = max(text.rfind(mark, 0, position) for mark in "。；;！？\n") + 1
    ends = [i for i in (text.find(mark, position) for mark in "。；;！？\n") if i >= 0]
    return text[start:(min(ends) + 1 if ends else len(text))]


def prose_numbers(report: Report) -> list[ProseNumber]:
    """What the text states for each topic (the first statement), with its sentence."""
    prose = _flat_prose(report)
    out = []
    for topic in TOPICS:
        if topic.pattern is None:
            continue
        for m in topic.pattern.finditer(prose):
            if topic.exclude is None or not topic.exclude.search(m.group(0)):
                out.append(ProseNumber(topic.label, int(m.group(1)), _sentence_at(prose, m.start())))
                break
    return out


_CHANGE = re.compile(r"(?:同比|较上年度?|比上年度?|较去年|比去年|与上年(?:度|同期)?相比|较\d{4}年)(?:同期)?"
                     r"[^。；;，,\d]{0,4}?(增长|增加|上升|提高|多|下降|减少|降低|少)了?"
                     r"(\d+(?:\.\d+)?)(%|个百分点|件|起|个|项)")
_LEVEL = re.compile(r"(?:与上年度?|同比|与去年)(?:基本)?持平")
_UP = {"增长", "增加", "上升", "提高", "多"}


def _topic_before(prose: str, position: int) -> Optional[Topic]:
    """The topic named last before a stated change, in its clause or the clause before."""
    start = max(prose.rfind(mark, 0, position) for mark in "。；;！？") + 1
    window = "，".join(re.split(r"[，,]", prose[start:position])[-2:])
    best, where = None, -1
    for topic in TOPICS:
        for m in topic.keyword.finditer(window):
            if m.start() > where:
                best, where = topic, m.start()
    return best


def stated_change_rule(previous: Report, current: Report) -> list[Finding]:
    prose = _flat_prose(current)
    out = []
    unfilled: Optional[set[str]] = None
    for m in list(_CHANGE.finditer(prose)) + list(_LEVEL.finditer(prose)):
        topic = _topic_before(prose, m.start())
        if topic is None:
            continue
        if unfilled is None:
            unfilled = _unfilled(previous, current)
        # last year's cells in its own template: a 2020 report (2019 trial template) names
        # 制发规范性文件 本年新制作数量, its 2021 report 本年制发件数; a cell of an empty column is unknown
        earlier = [_before(c, previous.template, current.template) for c in topic.cells]
        before = [None if c in unfilled else _num(previous, c) for c in earlier]
        now = [None if c in unfilled else _num(current, c) for c in topic.cells]
        if not known(before) or not known(now):
            continue
        p, c = sum(before), sum(now)
        expected: Number
        actual: Number
        if m.re is _LEVEL:
            if p == c:
                continue
            problem = f"表中上年{_fmt(p)}件、本年{_fmt(c)}件，并不持平"
            expected, actual = c - p, 0
        else:
            sign = 1 if m.group(1) in _UP else -1
            amount, unit = float(m.group(2)), m.group(3)
            if unit == "个百分点":
                continue
            if unit == "%":
                if p == 0:
                    continue
                decimals = len(m.group(2).split(".")[1]) if "." in m.group(2) else 0
                real = (c - p) / p * 100
                if abs(real - sign * amount) <= 0.5 * 10 ** -decimals + 1e-9:
                    continue
                problem = f"表中上年{_fmt(p)}件、本年{_fmt(c)}件，实际变化{real:+.{max(decimals, 1)}f}%"
                expected, actual = round(real, max(decimals, 2)), sign * amount
            else:
                if c - p == sign * amount:
                    continue
                problem = f"表中上年{_fmt(p)}件、本年{_fmt(c)}件，实际变化{c - p:+}件"
                expected, actual = c - p, int(sign * amount)
        out.append(Finding("X-4", WARNING, list(topic.cells),
                           f"正文称{topic.label}“{_sentence_piece(prose, m)}”，{problem}",
                           expected=expected, actual=actual))
    return out


def _sentence_piece(prose: str, m: re.Match) -> str:
    start = max(prose.rfind(mark, 0, m.start()) for mark in "。；;！？，,") + 1
    return prose[start:m.end()]
