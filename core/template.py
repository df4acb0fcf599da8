"""The official template: tables, rows, columns and their stable keys.

One source of truth for cell paths (``section3.granted.total``), the official Chinese labels,
the group labels the template prints, and the words that identify each row in real files.
Parser, rules, GUI and export all read from here; a Chinese label is never a dictionary key.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Optional

SECTIONS = ("section2", "section3", "section4")
VERSIONS = ("2021", "2019")
TEMPLATE_NAMES = {"2021": "2021版", "2019": "2019版", "unknown": "未识别"}  # as people name them


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: str = "count"  # count (integer >= 0) | amount (number >= 0) | signed (integer)


@dataclass(frozen=True)
class Row:
    key: str
    label: str  # official label, as printed in the template
    columns: tuple[Column, ...]
    group: str = ""  # the merged group label the template prints left of the row
    block: str = ""  # T2 only: the block heading (第二十条第（一）项)
    keywords: tuple[str, ...] = ()  # words that identify the row in real text (normalised)


@dataclass(frozen=True)
class Table:
    section: str
    title: str
    rows: tuple[Row, ...]

    def __hash__(self) -> int:
        # the tables are caches' keys: hashing every row and column each time cost 35 us a call
        try:
            return self.__dict__["_hash"]
        except KeyError:
            value = self.__dict__["_hash"] = hash((self.section, self.title, self.rows))
            return value

    def __getstate__(self) -> dict:
        # a string's hash differs between processes: the cached hash is not carried over
        return {k: v for k, v in self.__dict__.items() if k != "_hash"}

    def row(self, key: str) -> Row:
        try:
            return self._rows_by_key[key]
        except KeyError:
            raise KeyError(key) from None

    @cached_property  # row() is asked for on every cell the parser stores: looked up, not searched
    def _rows_by_key(self) -> dict[str, Row]:
        out: dict[str, Row] = {}
        for row in self.rows:
            out.setdefault(row.key, row)
        return out

    def paths(self) -> list[str]:
        return list(self._paths)

    def row_paths(self, key: str) -> tuple[str, ...]:
        """The cell paths of the row `row(key)` finds, in column order (worked out once a table)."""
        return self._row_paths[key]

    @cached_property
    def _row_paths(self) -> dict[str, tuple[str, ...]]:
        return {key: tuple(cell_path(self.section, key, c.key) for c in row.columns) for key, row in self._rows_by_key.items()}

    @cached_property  # every parse starts from every cell path of its tables
    def _paths(self) -> tuple[str, ...]:
        return tuple(cell_path(self.section, r.key, c.key) for r in self.rows for c in r.columns)


# --- T3 -------------------------------------------------------------------------------------

T3_COLUMNS = (
    Column("natural", "自然人"),
    Column("commercial", "商业企业"),
    Column("research", "科研机构"),
    Column("social", "社会公益组织"),
    Column("legal", "法律服务机构"),
    Column("other", "其他"),
    Column("total", "总计"),
)
T3_PARTS = tuple(c.key for c in T3_COLUMNS[:-1])

RESULTS = "三、本年度办理结果"
DENIED = "（三）不予公开"
UNABLE = "（四）无法提供"
NOT_PROCESSED = "（五）不予处理"
OTHER = "（六）其他处理"


def _t3(key, label, group="", keywords=()):
    return Row(key, label, T3_COLUMNS, group=group, keywords=tuple(keywords))


_T3_HEAD = (
    _t3("new", "一、本年新收政府信息公开申请数量", keywords=("本年新收", "本年度新收")),
    _t3("carried_over", "二、上年结转政府信息公开申请数量", keywords=("上年结转", "上年度结转")),
    _t3("granted", "（一）予以公开", RESULTS, ("予以公开",)),
    _t3("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", RESULTS, ("部分公开",)),
    _t3("denied_state_secret", "1.属于国家秘密", DENIED, ("国家秘密",)),
    _t3("denied_law_forbidden", "2.其他法律行政法规禁止公开", DENIED, ("禁止公开", "法规禁止")),
    _t3("denied_safety_stability", "3.危及“三安全一稳定”", DENIED, ("三安全一稳定", "危及")),
    _t3("denied_third_party", "4.保护第三方合法权益", DENIED, ("第三方合法权益", "保护第三方")),
    _t3("denied_internal_affairs", "5.属于三类内部事务信息", DENIED, ("内部事务",)),
    _t3("denied_process_info", "6.属于四类过程性信息", DENIED, ("过程性信息",)),
    _t3("denied_law_enforcement_file", "7.属于行政执法案卷", DENIED, ("执法案卷",)),
    _t3("denied_admin_query", "8.属于行政查询事项", DENIED, ("行政查询",)),
    _t3("unable_not_held", "1.本机关不掌握相关政府信息", UNABLE, ("不掌握",)),
    _t3("unable_need_creation", "2.没有现成信息需要另行制作", UNABLE, ("另行制作", "没有现成信息")),
    _t3("unable_unclear", "3.补正后申请内容仍不明确", UNABLE, ("仍不明确", "补正后申请内容", "申请内容不明确")),
    _t3("not_processed_complaint", "1.信访举报投诉类申请", NOT_PROCESSED, ("信访举报投诉", "信访举报")),
    _t3("not_processed_duplicate", "2.重复申请", NOT_PROCESSED, ("重复申请",)),
    _t3("not_processed_publication", "3.要求提供公开出版物", NOT_PROCESSED, ("公开出版物",)),
    _t3("not_processed_massive", "4.无正当理由大量反复申请", NOT_PROCESSED, ("大量反复",)),
    _t3("not_processed_confirm", "5.要求行政机关确认或重新出具已获取信息", NOT_PROCESSED,
        ("重新出具", "确认或重新")),
)
_T3_OTHER_2021 = (
    _t3("other_no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", OTHER,
        ("逾期不补正",)),
    _t3("other_no_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", OTHER,
        ("缴纳费用", "收费通知")),
    _t3("other_other", "3.其他", OTHER, ()),  # matched by position: the bare word 其他 is ambiguous
)
_T3_OTHER_2019 = (_t3("other_processing", "（六）其他处理", RESULTS, ("其他处理",)),)
_T3_TAIL = (
    _t3("total", "（七）总计", RESULTS, ("总计", "合计")),
    _t3("carried_forward", "四、结转下年度继续办理", keywords=("结转下年度", "继续办理", "结转下一年度")),
)

# Rows that sum to （七）总计 (rule T3-2), per version.
RESULT_ROWS_2021 = tuple(r.key for r in _T3_HEAD[2:] + _T3_OTHER_2021)
RESULT_ROWS_2019 = tuple(r.key for r in _T3_HEAD[2:] + _T3_OTHER_2019)

# --- T4 -------------------------------------------------------------------------------------

T4_COLUMNS = (
    Column("maintained", "结果维持"),
    Column("corrected", "结果纠正"),
    Column("other", "其他结果"),
    Column("pending", "尚未审结"),
    Column("total", "总计"),
)
T4 = Table("section4", "四、政府信息公开行政复议、行政诉讼情况", (
    Row("review", "行政复议", T4_COLUMNS),
    Row("litigation_direct", "未经复议直接起诉", T4_COLUMNS, group="行政诉讼"),
    Row("litigation_after_review", "复议后起诉", T4_COLUMNS, group="行政诉讼"),
))

# --- T2 -------------------------------------------------------------------------------------

_DOCS_2021 = (Column("issued", "本年制发件数"), Column("repealed", "本年废止件数"),
              Column("in_force", "现行有效件数"))
_DECISIONS_2021 = (Column("decisions", "本年处理决定数量"),)
B1, B5, B6, B8, B9 = ("第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项",
                      "第二十条第（八）项", "第二十条第（九）项")

T2_2021 = Table("section2", "二、主动公开政府信息情况", (
    Row("rules", "规章", _DOCS_2021, block=B1, keywords=("规章",)),
    Row("normative_docs", "行政规范性文件", _DOCS_2021, block=B1, keywords=("规范性文件",)),
    Row("licensing", "行政许可", _DECISIONS_2021, block=B5, keywords=("行政许可",)),
    Row("punishment", "行政处罚", _DECISIONS_2021, block=B6, keywords=("行政处罚",)),
    Row("coercion", "行政强制", _DECISIONS_2021, block=B6, keywords=("行政强制",)),
    Row("fees", "行政事业性收费", (Column("amount", "本年收费金额（单位：万元）", "amount"),),
        block=B8, keywords=("事业性收费",)),
))

_DOCS_2019 = (Column("new_made", "本年新制作数量"), Column("new_published", "本年新公开数量"),
              Column("total_published", "对外公开总数量"))
_ITEMS_2019 = (Column("prev_items", "上一年项目数量"), Column("change", "本年增/减", "signed"),
               Column("decisions", "处理决定数量"))
T2_2019 = Table("section2", "二、主动公开政府信息情况", (
    Row("rules", "规章", _DOCS_2019, block=B1, keywords=("规章",)),
    Row("normative_docs", "规范性文件", _DOCS_2019, block=B1, keywords=("规范性文件",)),
    Row("licensing", "行政许可", _ITEMS_2019, block=B5, keywords=("行政许可",)),
    Row("other_services", "其他对外管理服务事项", _ITEMS_2019, block=B5, keywords=("对外管理服务",)),
    Row("punishment", "行政处罚", _ITEMS_2019, block=B6, keywords=("行政处罚",)),
    Row("coercion", "行政强制", _ITEMS_2019, block=B6, keywords=("行政强制",)),
    Row("fees", "行政事业性收费", _ITEMS_2019[:2], block=B8, keywords=("事业性收费",)),
    Row("procurement", "政府集中采购", (Column("count", "采购项目数量"),
                                    Column("amount", "采购总金额", "amount")),
        block=B9, keywords=("集中采购",)),
))

T3_TITLE = "三、收到和处理政府信息公开申请情况"
T3_2021 = Table("section3", T3_TITLE, _T3_HEAD + _T3_OTHER_2021 + _T3_TAIL)
T3_2019 = Table("section3", T3_TITLE, _T3_HEAD + _T3_OTHER_2019 + _T3_TAIL)

TEMPLATES: dict[str, dict[str, Table]] = {
    "2021": {"section2": T2_2021, "section3": T3_2021, "section4": T4},
    "2019": {"section2": T2_2019, "section3": T3_2019, "section4": T4},
}

SECTION_TITLES = {
    1: "一、总体情况",
    2: "二、主动公开政府信息情况",
    3: "三、收到和处理政府信息公开申请情况",
    4: "四、政府信息公开行政复议、行政诉讼情况",
    5: "五、存在的主要问题及改进情况",
    6: "六、其他需要报告的事项",
}
TABLE_NAMES = {"section2": "表二 主动公开", "section3": "表三 依申请公开", "section4": "表四 复议诉讼"}


def tables(version: str) -> dict[str, Table]:
    """Tables of a template version; 'unknown' reads as 2021, the current format."""
    return TEMPLATES.get(version, TEMPLATES["2021"])


def all_paths(version: str) -> list[str]:
    return [p for t in tables(version).values() for p in t.paths()]


def cell_path(section: str, row: str, column: str) -> str:
    """A cell's path, the same string object wherever the template builds it (interned): the
    dicts keyed by paths then find a path by identity, without comparing its characters."""
    return sys.intern(f"{section}.{row}.{column}")


def split_path(path: str) -> tuple[str, str, str]:
    section, row, column = path.split(".")
    return section, row, column


@lru_cache(maxsize=4)
def _columns_by_path(version: str) -> dict[str, Column]:
    return {cell_path(t.section, r.key, c.key): c for t in tables(version).values() for r in t.rows for c in r.columns}


def column_of(version: str, path: str) -> Column:
    try:
        return _columns_by_path(version)[path]
    except KeyError:
        raise KeyError(path) from None


WHOLE_DOCUMENT = "document"  # the cell of a flag about the whole text (a converter lost part of it)


def describe(version: str, path: str) -> str:
    """A Chinese name for a cell, for messages: 表三「（一）予以公开」×「总计」; 全文 for a flag on
    the whole document ("document")."""
    if path == WHOLE_DOCUMENT:
        return "全文"
    parts = path.split(".")
    table = tables(version)[parts[0]]
    name = {"section2": "表二", "section3": "表三", "section4": "表四"}[parts[0]]
    if len(parts) == 1:
        return name
    try:
        row = table.row(parts[1])
    except KeyError:
        return path
    if len(parts) == 2:
        return f"{name}「{row.label}」"
    column = next((c for c in row.columns if c.key == parts[2]), None)
    row_label = f"{row.group}·{row.label}" if parts[0] == "section4" and row.group else row.label
    return f"{name}「{row_label}」×「{column.label if column else parts[2]}」"


# --- the two versions side by side -------------------------------------------------------------

# 2019 trial cell → 2021 cell of the same meaning, where the key differs.
# 本年新制作数量 and 本年制发件数 both count the documents the agency issued that year.
SAME_MEANING = {
    "section2.rules.new_made": "section2.rules.issued",
    "section2.normative_docs.new_made": "section2.normative_docs.issued",
}


def counterpart(path: str, version: str, other_version: str) -> Optional[str]:
    """The cell of ``other_version``'s template that means what ``path`` means in ``version``'s
    (the same key, or its ``SAME_MEANING`` pair across versions); None when that template has none
    (a cell only one version has)."""
    if version == "2019" and other_version != "2019":
        path = SAME_MEANING.get(path, path)
    elif other_version == "2019" and version != "2019":
        path = next((old for old, new in SAME_MEANING.items() if new == path), path)
    return path if path in set(all_paths(other_version)) else None
