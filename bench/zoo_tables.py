"""The zoo's reports: seeded, consistent 2021 and 2019 tables, one planted typo in a share of them.

A `ZooReport` holds the true values of every cell (they satisfy every equation of
core/equations.py), the text each cell prints (zeros as `0`, blank or a placeholder such as `—`),
the prose of sections 一、五、六 (whose numbers agree with the tables), and, for a share of the
reports, one planted typo: the printed value of one cell of 表三/表四 changed the way people
mistype (a swapped digit, a dropped digit, ±1, a wrong 总计).

The truth JSON (`truth()`) is what the report prints, as ../shared/tools/score.py expects: a cell
printed as a number holds that number (the typo included), a blank or placeholder cell holds null
(the scorer accepts null or 0 for it), and "injected" names the typo with the true value.

`add_quirks` (opt-in, `zoo.py build --quirks`) gives a report traits of real files the plain zoo
does not make (../shared/spec/TEMPLATE.md, "What real files look like"): units inside cells
("12件"; the 2021 fee in 元, "251000元", whose truth is 25.1 万元 as OUTPUT.md keeps the fee),
full-width digits ("１２３"), thousands separators in 表三/表四, 表三's 总计 column left empty
(blank cells: null), 表三 rows printing 6 values (a zero cell left out of the row) or 8 (a
法人或其他组织 subtotal after 自然人, or a stray empty cell at the row's end), and a footnote's mark
after one to three counts of 表三/表四 ("207*", or "207①" "56②", or a remark "207（其中网上申请120件）":
the count is the truth).
"""
from __future__ import annotations

import math
import random
import re
from dataclasses import dataclass, field
from typing import Optional

from core.equations import equations
from core.template import RESULT_ROWS_2019, RESULT_ROWS_2021, T3_PARTS, T4, tables

PLACEHOLDERS = ("—", "/", "-", "－", "无")
TYPO_KINDS = ("swap", "drop", "plus_minus_one", "wrong_total")

_CITIES = ("江州", "临川", "青河", "安平", "东陵", "西宁", "南浔", "北辰", "云阳", "泰和", "长乐", "永安")
_DISTRICTS = ("城关", "新华", "和平", "高新", "滨江", "开发", "龙华", "金水", "凤凰", "双桥")
_OFFICES = ("人民政府办公室", "发展和改革委员会", "教育局", "公安局", "民政局", "财政局", "人力资源和社会保障局",
            "自然资源和规划局", "生态环境局", "住房和城乡建设局", "交通运输局", "农业农村局", "商务局",
            "卫生健康委员会", "应急管理局", "市场监督管理局", "医疗保障局", "城市管理局", "人民政府")


@dataclass
class ZooReport:
    name: str
    version: str  # 2021 | 2019
    year: int
    agency: str
    values: dict[str, float]  # every cell's true value; consistent
    printed: dict[str, str]  # what each cell prints ("0", "", "—", "12", "+3", "12.50")
    zero_style: str  # zero | blank | placeholder | mixed
    injected: Optional[dict] = None  # {"cell", "true_value", "printed", "kind"}
    prose: dict[int, list[str]] = field(default_factory=dict)  # section number -> paragraphs
    label_drift: bool = False  # the web page (and 2019 Word) prints labels as real files drift: 社会组织, 1、
    quirks: tuple[str, ...] = ()  # add_quirks: the traits of real files this report carries
    # add_quirks: 表三 rows printed with 6 or 8 values, row key -> ("drop", column key) | ("subtotal", text)
    # | ("extra", text): a cell left out, a 法人或其他组织 subtotal after 自然人, a cell after the last
    row_shapes: dict[str, tuple[str, str]] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return f"{self.agency}{self.year}年政府信息公开工作年度报告"

    def printed_value(self, path: str):
        """The number a cell prints, or None for a blank or placeholder cell (the 2021 fee printed in
        元 in 万元, the unit OUTPUT.md keeps it in)."""
        text = self.printed[path]
        if not text or text in PLACEHOLDERS:
            return None
        text, unit = number_text(text)
        number = float(text.replace(",", ""))
        if unit == "元" and path == FEE:
            return round(number / 10000, 6)
        return int(number) if "." not in text else number

    def truth(self, layout: str) -> dict:
        out: dict = {"agency": self.agency, "year": self.year, "template": self.version, "layout": layout}
        for section, table in tables(self.version).items():
            out[section] = {row.key: {c.key: self.printed_value(f"{section}.{row.key}.{c.key}") for c in row.columns}
                            for row in table.rows}
        if self.injected:
            out["injected"] = dict(self.injected)
        return out

    def nonzero_printed(self) -> list[str]:
        """The printed number (ASCII digits, no unit) of every cell that prints a non-zero number (the
        numbers a converter must keep)."""
        return [number_text(text)[0] for path, text in self.printed.items()
                if self.printed_value(path) not in (None, 0)]


FEE = "section2.fees.amount"
FULL_WIDTH = str.maketrans("０１２３４５６７８９，．＋－", "0123456789,.+-")
UNITS = ("万元", "元", "件", "个", "项")


_REMARK = re.compile("（[^（）]*）$")  # add_quirks' remark after a count


def number_text(text: str) -> tuple[str, str]:
    """A printed number as ASCII without its unit (nor a footnote's mark or a remark after it), and
    the unit: "１２,３４５件" -> ("12,345", "件"), "207①" and "207（其中网上申请120件）" -> ("207", "")."""
    text = _REMARK.sub("", text.translate(FULL_WIDTH)).rstrip("".join(NOTE_MARKS))
    for unit in UNITS:
        if text.endswith(unit):
            return text[:-len(unit)], unit
    return text, ""


# --- true values ----------------------------------------------------------------------------------

def _log_uniform(rng: random.Random, low: float, high: float) -> float:
    return math.exp(rng.uniform(math.log(low), math.log(high)))


def _some(rng: random.Random, chance: float, low: int, high: int) -> int:
    """0 most of the time, else an integer between low and high (log-uniform: small ones more likely)."""
    return int(round(_log_uniform(rng, max(low, 1), high))) if rng.random() < chance else 0


def _split(rng: random.Random, total: int, weights: dict[str, float]) -> dict[str, int]:
    """Split a whole number over keys in proportion to their weights (the rest placed at random)."""
    out = {k: 0 for k in weights}
    live = {k: w for k, w in weights.items() if w > 0}
    if total <= 0 or not live:
        return out
    s = sum(live.values())
    for k, w in live.items():
        out[k] = int(total * w / s)
    keys, ws = list(live), list(live.values())
    for _ in range(total - sum(out.values())):
        out[rng.choices(keys, ws)[0]] += 1
    return out


def _t3_values(rng: random.Random, version: str) -> dict[str, int]:
    results = RESULT_ROWS_2019 if version == "2019" else RESULT_ROWS_2021
    scale = rng.choices(("none", "small", "medium", "large"), (0.12, 0.38, 0.35, 0.15))[0]
    new_total = {"none": 0, "small": rng.randint(1, 30), "medium": rng.randint(30, 900),
                 "large": rng.randint(900, 40000)}[scale]
    # natural persons dominate; companies next; the other applicants are rare
    shares = {"natural": rng.uniform(0.6, 0.98), "commercial": rng.uniform(0, 0.25)}
    for part in ("research", "social", "legal", "other"):
        shares[part] = rng.uniform(0, 0.05) if rng.random() < 0.3 else 0.0
    new = _split(rng, new_total, shares)
    weights = {"granted": rng.uniform(0.3, 0.7), "partial": rng.uniform(0, 0.2),
               "unable_not_held": rng.uniform(0.05, 0.3)}
    for row in results:
        weights.setdefault(row, rng.uniform(0.005, 0.08) if rng.random() < 0.3 else 0.0)
    values: dict[str, int] = {}
    for part in T3_PARTS:
        carried = int(round(new[part] * rng.uniform(0, 0.1))) if rng.random() < 0.5 else 0
        arrived = new[part] + carried
        forward = int(round(arrived * rng.uniform(0, 0.12))) if rng.random() < 0.5 else 0
        values[f"section3.new.{part}"] = new[part]
        values[f"section3.carried_over.{part}"] = carried
        values[f"section3.carried_forward.{part}"] = forward
        for row, count in _split(rng, arrived - forward, weights).items():
            values[f"section3.{row}.{part}"] = count
        values[f"section3.total.{part}"] = arrived - forward
    for row in tables(version)["section3"].rows:
        values[f"section3.{row.key}.total"] = sum(values[f"section3.{row.key}.{p}"] for p in T3_PARTS)
    return values


def _t4_values(rng: random.Random) -> dict[str, int]:
    values = {}
    busy = rng.random() < 0.4
    for row, chance in zip(T4.rows, (0.7, 0.5, 0.3)):
        active = busy and rng.random() < chance
        parts = {"maintained": _some(rng, 0.8, 1, 20), "corrected": _some(rng, 0.3, 1, 3),
                 "other": _some(rng, 0.4, 1, 6), "pending": _some(rng, 0.4, 1, 5)} if active else \
            dict.fromkeys(("maintained", "corrected", "other", "pending"), 0)
        for col, v in parts.items():
            values[f"section4.{row.key}.{col}"] = v
        values[f"section4.{row.key}.total"] = sum(parts.values())
    return values


def _fee(rng: random.Random) -> tuple[float, str]:
    if rng.random() < 0.45:
        return 0, "0"
    decimals = rng.choice((1, 2, 2, 4))
    value = round(_log_uniform(rng, 0.05, 60000), decimals)
    text = f"{value:.{decimals}f}"
    return float(text), text


def _t2_values(rng: random.Random, version: str) -> tuple[dict[str, float], dict[str, str]]:
    """True values and, where the number is not printed plainly (decimals, signs), the text."""
    v: dict[str, float] = {}
    text: dict[str, str] = {}
    if version == "2021":
        for row, chance, high in (("rules", 0.15, 30), ("normative_docs", 0.7, 300)):
            in_force = _some(rng, chance, 1, high)
            issued = min(in_force, _some(rng, 0.6, 1, 40))  # T2-2: issued <= in_force + repealed
            repealed = _some(rng, 0.4, 1, 20)
            v.update({f"section2.{row}.issued": issued, f"section2.{row}.repealed": repealed,
                      f"section2.{row}.in_force": in_force})
        v["section2.licensing.decisions"] = _some(rng, 0.75, 1, 1_000_000)
        v["section2.punishment.decisions"] = _some(rng, 0.7, 1, 300_000)
        v["section2.coercion.decisions"] = _some(rng, 0.4, 1, 5_000)
        v["section2.fees.amount"], text["section2.fees.amount"] = _fee(rng)
        return v, text
    for row, chance, high in (("rules", 0.15, 30), ("normative_docs", 0.7, 200)):
        made = _some(rng, chance, 1, 60)
        v.update({f"section2.{row}.new_made": made, f"section2.{row}.new_published": made,
                  f"section2.{row}.total_published": made + _some(rng, chance, 1, high)})
    for row, high in (("licensing", 1_000_000), ("other_services", 50_000), ("punishment", 300_000),
                      ("coercion", 5_000), ("fees", None)):
        prev = _some(rng, 0.7, 1, 800)
        change = rng.randint(-prev, max(prev // 2, 3)) if prev and rng.random() < 0.6 else 0
        v[f"section2.{row}.prev_items"], v[f"section2.{row}.change"] = prev, change
        if change:
            text[f"section2.{row}.change"] = f"+{change}" if change > 0 and rng.random() < 0.6 else str(change)
        if high:
            v[f"section2.{row}.decisions"] = _some(rng, 0.7, 1, high)
    v["section2.procurement.count"] = _some(rng, 0.5, 1, 300)
    amount, amount_text = _fee(rng) if v["section2.procurement.count"] else (0, "0")
    v["section2.procurement.amount"], text["section2.procurement.amount"] = amount, amount_text
    return v, text


# --- how cells print ------------------------------------------------------------------------------

def _print_cells(rng: random.Random, values: dict[str, float], texts: dict[str, str], style: str) -> dict[str, str]:
    placeholder = rng.choice(PLACEHOLDERS)
    separators = rng.random() < 0.15  # 表二 counts with thousands separators: 12,345
    printed = {}
    for path, value in values.items():
        if value != 0:
            text = texts.get(path, str(int(value)))
            if separators and path.startswith("section2") and path not in texts:
                text = f"{int(value):,}"
            printed[path] = text
            continue
        in_t2 = path.startswith("section2")
        mode = style
        if style == "mixed":
            mode = rng.choice(("zero", "placeholder", "blank"))
        if in_t2 and mode == "placeholder" and rng.random() < 0.5:
            mode = "zero"
        printed[path] = {"zero": "0", "blank": "", "placeholder": placeholder}[mode]
    return printed


# --- planted typos --------------------------------------------------------------------------------

def _swap(rng: random.Random, text: str) -> Optional[str]:
    spots = [i for i in range(len(text) - 1) if text[i] != text[i + 1] and not (i == 0 and text[1] == "0")]
    if not spots:
        return None
    i = rng.choice(spots)
    return text[:i] + text[i + 1] + text[i] + text[i + 2:]


def _drop(rng: random.Random, text: str) -> Optional[str]:
    spots = [i for i in range(len(text)) if not (i == 0 and len(text) > 1 and text[1] == "0")]
    if len(text) < 2 or not spots:
        return None
    i = rng.choice(spots)
    return text[:i] + text[i + 1:]


def plant_typo(rng: random.Random, report: ZooReport, kind: str) -> None:
    """Change the printed value of one cell of 表三/表四; record it as injected."""
    paths = [p for p in report.values if p.startswith(("section3", "section4"))]
    totals = [p for p in paths if p.endswith(".total") or p.startswith("section3.total.")]
    nonzero = [p for p in paths if report.values[p] > 0]
    typo = None
    if kind in ("swap", "drop"):
        multi = [p for p in nonzero if report.values[p] >= 10]
        rng.shuffle(multi)
        for path in multi:
            typo = (_swap if kind == "swap" else _drop)(rng, str(int(report.values[path])))
            if typo is not None and int(typo) != report.values[path]:
                break
            typo = None
        if typo is None:
            kind = "plus_minus_one"
    if kind == "wrong_total":
        path = rng.choice([p for p in totals if report.values[p] > 0] or totals)
        true = int(report.values[path])
        delta = rng.choice((-1, 1)) * rng.randint(1, max(2, true // 10))
        typo = str(true + delta if true + delta >= 0 else true - delta)
    elif typo is None:
        pool = nonzero if nonzero and rng.random() < 0.7 else paths
        path = rng.choice(pool)
        true = int(report.values[path])
        typo = str(true + 1 if true == 0 or rng.random() < 0.5 else true - 1)
    report.printed[path] = typo
    report.injected = {"cell": path, "true_value": int(report.values[path]), "printed": int(typo), "kind": kind}


# --- prose ----------------------------------------------------------------------------------------

def _prose(rng: random.Random, r: ZooReport) -> dict[int, list[str]]:
    v = r.values
    y = r.year
    new, carried = int(v["section3.new.total"]), int(v["section3.carried_over.total"])
    forward = int(v["section3.carried_forward.total"])
    review = int(v["section4.review.total"])
    litigation = int(v["section4.litigation_direct.total"] + v["section4.litigation_after_review.total"])
    corrected = sum(v[f"section4.{g.key}.corrected"] for g in T4.rows)
    one = [f"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制。所列数据的统计期限自{y}年1月1日起至"
           f"{y}年12月31日止。"]
    one.append(f"{y}年，{r.agency}坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《条例》和上级关于政务公开"
               f"工作的部署要求，全年通过门户网站主动公开政府信息{rng.randint(20, 4000)}条，"
               f"召开新闻发布会{rng.randint(0, 30)}场。")
    if r.version == "2021":
        docs = int(v["section2.normative_docs.issued"])
        one.append(f"（一）主动公开。全年制发规范性文件{docs}件，均按规定在门户网站公开。" if docs else
                   "（一）主动公开。围绕重点领域信息公开，及时更新政策文件、财政预决算等栏目。")
        fee = r.printed["section2.fees.amount"]
        if v["section2.fees.amount"] and rng.random() < 0.5:
            one.append(f"本年度行政事业性收费{fee}万元，收费项目及标准已在门户网站公开。")
    else:
        one.append("（一）主动公开。围绕重点领域信息公开，及时更新政策文件、财政预决算等栏目。")
    if new == 0:
        one.append("（二）依申请公开。本年度未收到政府信息公开申请。")
    elif carried and rng.random() < 0.5:
        one.append(f"（二）依申请公开。全年共受理政府信息公开申请{new + carried}件（含上年结转{carried}件），"
                   f"均在法定期限内答复。" + (f"结转下年度继续办理{forward}件。" if forward else ""))
    else:
        one.append(f"（二）依申请公开。全年共收到政府信息公开申请{new}件，上年结转{carried}件，"
                   f"结转下年度继续办理{forward}件。")
    if review or litigation:
        one.append(f"全年发生政府信息公开行政复议{review}件、行政诉讼{litigation}件。"
                   + ("复议诉讼案件均获维持。" if corrected == 0 and rng.random() < 0.5 else ""))
    else:
        one.append("全年未发生因政府信息公开引起的行政复议、行政诉讼案件。")
    one.append(f"（三）平台建设。优化门户网站政府信息公开专栏，全年网站访问量{rng.randint(10, 900)}万人次。")
    five = [f"{y}年，我单位政府信息公开工作取得了一定成效，但仍存在一些不足：一是公开内容不够全面；"
            "二是政策解读形式较为单一；三是工作人员业务能力有待提高。",
            f"下一步，我们将加强业务培训，全年计划开展培训{rng.randint(1, 6)}次，进一步提升政务公开工作水平。"]
    six = ["本年度未收取信息处理费。" if rng.random() < 0.7 else
           "本机关依据《政府信息公开信息处理费管理办法》收取信息处理费，本年度未发出收费通知。",
           "无其他需要报告的事项。"]
    return {1: one, 5: five, 6: six}


# --- one report -----------------------------------------------------------------------------------

def _agency(rng: random.Random) -> str:
    city, office = rng.choice(_CITIES), rng.choice(_OFFICES)
    if rng.random() < 0.5:
        return f"{city}市{rng.choice(_DISTRICTS)}区{office}"
    return f"{city}市{office}"


def make_report(rng: random.Random, name: str, version: str, typo: Optional[str]) -> ZooReport:
    values: dict[str, float] = {}
    t2, texts = _t2_values(rng, version)
    values.update(t2)
    values.update(_t3_values(rng, version))
    values.update(_t4_values(rng))
    style = rng.choices(("zero", "blank", "placeholder", "mixed"), (0.45, 0.15, 0.3, 0.1))[0]
    year = rng.choice((2019, 2020)) if version == "2019" else rng.randint(2021, 2025)
    report = ZooReport(name, version, year, _agency(rng), values, _print_cells(rng, values, texts, style), style,
                       label_drift=rng.random() < 0.3)
    report.prose = _prose(rng, report)
    if typo:
        plant_typo(rng, report, typo)
    return report


def failing_equations(version: str, values: dict[str, float]) -> list:
    """The equations of core/equations.py that the values break (none, for a consistent report)."""
    return [e for e in equations(version)
            if abs(sum(values[p] for p in e.left) - sum(values[p] for p in e.right)) > 1e-9]


def printed_numbers(report: ZooReport) -> dict[str, float]:
    """Every cell's value as printed, a blank or placeholder counted as 0."""
    return {p: report.printed_value(p) or 0 for p in report.printed}


# --- traits of real files (opt-in) -----------------------------------------------------------------

QUIRKS = ("units", "full_width", "separators", "empty_total", "row_shape", "marks")
NOTE_MARKS = ("*", "①", "②", "③")  # a footnote's mark after a count: 「207*」, 「207①」


def _full_width(text: str) -> str:
    return text.translate(str.maketrans("0123456789,.+-", "０１２３４５６７８９，．＋－"))


def add_quirks(rng: random.Random, report: ZooReport) -> None:
    """Give the report some traits of real files (each with its own chance), changing what its cells
    print; the truth follows (printed_value). Every report draws the same number of random values
    from rng, so one report's traits do not change the next one's."""
    draws = [rng.random() for _ in range(8)]
    unit = rng.choice(("件", "个", "项"))
    fee_in_yuan = rng.random() < 0.5
    shapes = [(rng.random(), rng.random(), rng.random()) for _ in range(2)]
    printed, values = report.printed, report.values
    typo = (report.injected or {}).get("cell")
    quirks = []
    t3_rows = [row.key for row in tables(report.version)["section3"].rows]
    if draws[0] < 0.35:  # units inside cells: 表二's counts (表三's too in some), the fee in 元 or 万元
        in_t3 = draws[1] < 0.3
        for path, text in printed.items():
            if report.printed_value(path) in (None, 0) or text.startswith(("+", "-")):
                continue
            if path == FEE:
                if report.version == "2021":
                    printed[path] = f"{int(round(values[path] * 10000))}元" if fee_in_yuan else text + "万元"
            elif path.startswith("section2") and ("amount" not in path) or (in_t3 and path.startswith("section3")):
                printed[path] = text + unit
            if printed[path] != text and "units" not in quirks:
                quirks.append("units")
    if draws[2] < 0.2:  # full-width digits in every cell of the tables
        quirks.append("full_width")
        for path, text in printed.items():
            printed[path] = _full_width(text)
    if draws[3] < 0.35:  # thousands separators in 表三 and 表四 (表二's are the plain zoo's), where a count has 4 digits
        for path, text in printed.items():
            if path.startswith(("section3", "section4")) and report.printed_value(path) not in (None, 0) \
                    and report.printed_value(path) >= 1000:
                core, rest = number_text(text)
                formatted = f"{int(core.replace(',', '')):,}" + rest
                printed[path] = _full_width(formatted) if "full_width" in quirks else formatted
                if "separators" not in quirks:
                    quirks.append("separators")
    if draws[4] < 0.15 and not (typo or "").endswith(".total"):  # 表三's 总计 column left empty
        quirks.append("empty_total")
        for row in t3_rows:
            printed[f"section3.{row}.total"] = ""
    if draws[5] < 0.35:  # 表三 rows printing 6 or 8 values
        for pick, kind, which in shapes[:1 + (draws[6] < 0.3)]:
            row = t3_rows[int(pick * len(t3_rows))]
            if row in report.row_shapes:
                continue
            if kind < 0.5:  # a zero cell left out of a row that counts something
                # (in a row of zeros the cell left out cannot be told from a blank one at the row's
                # end once a converter pads the row, as pandoc and LibreOffice do: no reading is right)
                zeros = [c for c in ("natural", "commercial", "research", "social", "legal", "other", "total")
                         if values[f"section3.{row}.{c}"] == 0 and f"section3.{row}.{c}" != typo] \
                    if values[f"section3.{row}.total"] else []
                if not zeros:
                    continue
                column = zeros[int(which * len(zeros))]
                printed[f"section3.{row}.{column}"] = ""  # printed nowhere: the truth is null
                report.row_shapes[row] = ("drop", column)
            elif kind < 0.8:  # a 法人或其他组织 subtotal after 自然人
                subtotal = sum(int(values[f"section3.{row}.{c}"])
                               for c in ("commercial", "research", "social", "legal", "other"))
                text = printed[f"section3.{row}.commercial"] if not subtotal else str(subtotal)
                if subtotal and "full_width" in quirks:
                    text = _full_width(text)
                report.row_shapes[row] = ("subtotal", text)
            else:  # a stray empty cell after the last
                report.row_shapes[row] = ("extra", "")
        if report.row_shapes:
            quirks.append("row_shape")
    if draws[7] < 0.15:  # a footnote's mark or a remark after one to three counts of 表三/表四 (「207①」, 「56*」)
        marks = random.Random(draws[7])  # (its own draws: rng draws as many as before for each report)
        counted = sorted(p for p in printed if p.startswith(("section3", "section4")) and p != typo
                         and report.printed_value(p) not in (None, 0))
        style = marks.choice(("*", "circled", "remark"))
        for n, path in enumerate(sorted(marks.sample(counted, min(len(counted), marks.randint(1, 3))))):
            if style == "remark":  # a remark in brackets: 「207（其中网上申请120件）」
                printed[path] += f"（其中网上申请{marks.randint(0, int(values[path]))}件）"
            else:
                printed[path] += "*" if style == "*" else NOTE_MARKS[1 + n]
        if counted:
            quirks.append("marks")
    report.quirks = tuple(quirks)


def generate(seed: int, count: int, typo_share: float = 0.5, share_2019: float = 0.3) -> list[ZooReport]:
    rng = random.Random(seed)
    reports = []
    for n in range(count):
        version = "2019" if rng.random() < share_2019 else "2021"
        typo = rng.choice(TYPO_KINDS) if rng.random() < typo_share else None
        report = make_report(rng, f"r{n + 1:04d}", version, typo)
        if failing_equations(version, report.values):
            raise AssertionError(f"generator bug: {report.name} is not consistent")
        reports.append(report)
    return reports
