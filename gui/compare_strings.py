"""The Chinese text of the comparison views (年度对照, 两年比对)."""
from __future__ import annotations

COMPARE_TITLE = "{agency} {previous}年 ↔ {current}年 比对"
YEARLY_TITLE = "年度对照"
YEARLY_HINT = "双击某一年度（或按回车）：与上一年度比对；选中同一单位的两个年度后按 Ctrl+D：比对这两年；同一年度有多份报告时先选择其中一份"
YEARLY_MISSING = "缺"
YEARLY_MORE_RIGHT = "右侧还有{years}（按 → 或 End 查看）"  # years out of sight, right of the grid
YEARLY_MORE_LEFT = "左侧还有{years}（按 ← 或 Home 查看）"
YEARLY_YEAR_SPAN = "{first}—{last}年共{count}个年度"
YEARLY_HELP_TITLE = "年度对照的快捷键"
YEARLY_HELP = ("<p>方向键移动；在某一年度上按回车（或双击）：与上一年度比对（缺上一年度时与之前最近的年度比对，之前都没有时与之后最近的年度比对）；"
               "选中同一单位的两个年度（Shift+方向键；不相邻的两年：Ctrl+方向键移到另一年后按 Ctrl+空格）"
               "后按 Ctrl+D：比对这两年。同一年度有多份报告时先弹出菜单，按份序号或方向键加回车选择其中一份，"
               "Esc 不比对。</p>"
               "<p>Ctrl+Enter（标记为已审核）只用于主窗口中打开的报告。Esc、Ctrl+W 或 Ctrl+F4 关闭本窗口，F1 本说明。</p>")
YEARLY_CTRL_ENTER = "Ctrl+Enter 标记为已审核，只用于主窗口中打开的报告；在此按回车（不按 Ctrl）与上一年度比对"
YEARLY_CELL = "错误{errors} 警告{warnings} 存疑{doubts}"
YEARLY_CELL_TIP = "{file}\n模板：{template}　状态：{status}"
YEARLY_NOTHING = "没有可比对的报告：单位或年度无法识别"
YEARLY_NO_PAIR = "{agency}没有{year}年前后相邻年度的报告"
YEARLY_NO_REPORT = "{agency}没有{year}年的报告，无法比对"
# a year filed twice (a .doc and a .pdf, a re-download): the cell counts the copy that stands for
# the year (core.compare.years.copy_rank: the one the auditor reviewed, else the first; the one
# the cross-year checks pair and the 汇总's 年度合计 adds) and says whether the others hold the
# same numbers (on a line of their own under the counts: the five years of a grid still fit at 1366×768)
YEARLY_COPIES_SAME = "\n{count}份，数据相同"
YEARLY_COPIES_DIFFER = "\n{count}份，{cells}处数据不同"
# a copy whose tables were not read whole (core.compare.years.read_whole: 表不完整, 缺统计表) is no
# second version of the report: its blanks are what the reader lost; no differences are counted
# against it (qa27: 「2份，23处数据不同」 read as two versions filed, one of them cut off after 表三)
YEARLY_COPIES_UNREAD = "\n{count}份（{unread}份无法完整读取）"
YEARLY_COPIES_UNREAD_ALL = "\n{count}份（均无法完整读取）"
YEARLY_COPIES_UNREAD_SAME = "，其余数据相同"
YEARLY_COPIES_UNREAD_DIFFER = "，其余{cells}处数据不同"
COPIES_UNREAD = "第{numbers}份无法完整读取（{labels}），不与其他副本逐格比较"
COPIES_UNREAD_BRIEFLY = "第{numbers}份无法完整读取"
TABLE_READ_IN_PART = "统计表不完整"  # (a table lost with no problem said of it)
YEARLY_COPY_SHOWN = "所示为第{number}份的计数（{why}）："
YEARLY_COPY_LINE = "第{number}份：{file}（{status}，错误{errors} 警告{warnings} 存疑{doubts}）"
YEARLY_COPIES_DIFFER_TIP = "各份数据不同之处（{cells}处，按份序）："
YEARLY_COPIES_SAME_TIP = "各份的统计表数据相同"
YEARLY_COPY_DIFFERENCE = "{cell}：{values}"
YEARLY_MORE_DIFFERENCES = "……另有{count}处"
# why that copy: the auditor marked it 已审核, or corrected it or gave a verdict on it (its 状态 may
# still read 未审核: "审核过" beside it read as a contradiction), or none of them was touched
COPY_STANDS_CHOSEN = "已设为采用的副本"
COPY_STANDS_MARKED = "以已审核的一份为准"
COPY_STANDS_WORKED = "以有修改或处理意见的一份为准"
COPY_STANDS_FIRST = "均未处理，以第1份为准"
COPY_STANDS_COMPLETE = "均未处理，前面的副本统计表不完整，以统计表完整的一份为准"
# the rule whole, last in the tooltips that name the copies
COPY_RULE = ("同一年度有多份报告时，以设为采用的副本（Ctrl+Shift+U）为准，其次是已审核的一份、有修改或处理意见的一份，"
             "否则以统计表完整的第1份为准；\n"
             "年度对照、两年比对（Ctrl+D）、跨年度检查与汇总宽表的年度合计都取这一份")
YEARLY_COPIES_NOTE = "{agency}{year}年有{count}份报告，所示为第{number}份 {file} 的计数（{why}）；{differ}；按回车选择其中一份比对"
YEARLY_COPIES_NOTE_SAME = "各份数据相同"
YEARLY_COPIES_NOTE_DIFFER = "{cells}处数据不同，如 {first}"
YEARLY_COPIES_NOTE_CELLS = "{cells}处数据不同"
# the same, shorter, for a status bar too narrow for the whole (the cell names its agency and year;
# the tooltip keeps the files and every difference)
YEARLY_COPIES_NOTE_SHORT = "{count}份报告，所示为第{number}份 {file} 的计数（{why}）；{differ}；回车选择一份比对"
YEARLY_COPIES_NOTE_SHORTER = "{count}份报告，所示为第{number}份的计数（{why}）；{differ}；回车选择一份比对"
# Ctrl+D on one report compares it with a year of its agency filed twice: which copy is the other
# side (the one that stands, as above), and whether the others hold other numbers (the longest
# that fits the status bar; the tooltip names every copy and every difference)
COMPARE_COPIES_NOTE = ("{year}年有{count}份报告，比对的是第{number}份 {file}（{why}）；{differ}；"
                       "要比对{other}，请在年度对照（Ctrl+Shift+Y）中选择")
COMPARE_COPIES_NOTE_SHORT = "{year}年有{count}份报告，比对的是第{number}份 {file}（{why}）；{differ}；{other}请在年度对照中选择"
COMPARE_COPIES_NOTE_SHORTER = "{year}年有{count}份报告，比对的是第{number}份（{why}）；{differ}；{other}请在年度对照中选择"
# {other} of the notes above: the copy not compared, or one of those (8 copies of one year said 另一份)
OTHER_COPY = "另一份"
OTHER_COPIES = "其余{count}份中的一份"
COMPARE_COPY_LINE = "第{number}份：{file}"
COMPARE_COPY_LINE_SHOWN = "第{number}份：{file}（比对的是这一份）"
PICK_COPY = "{agency}{year}年有{count}份报告，请选择要比对的一份："
PICK_COPY_ITEM = "&{number}　{file}（{mark}，{status}，错误{errors} 警告{warnings} 存疑{doubts}）"
PICK_COPY_NONE = "未选择报告，未比对"

# 设为采用的副本: the auditor chooses the copy of a year filed twice that stands for it
ACTION_CHOOSE_COPY = "设为采用的副本(&U)"
ACTION_CHOOSE_COPY_TIP = "同一单位同一年度有多份报告时，以这一份为准（年度对照、两年比对、跨年度检查和汇总宽表的年度合计）"
CHOSE_COPY = "已设为采用的副本：{name}（{agency}{year}年共{count}份，其余不再计入）"
CHOOSE_COPY_STEP = "设为采用的副本：{name}"
CHOOSE_COPY_ALREADY = "{name} 已是{agency}{year}年采用的副本"
CHOOSE_COPY_ALONE = "{agency}{year}年只有这一份报告（{name}），无需选择采用的副本"
CHOOSE_COPY_NOTHING = "请先在报告列表中选中一份报告"
# the review's heading, on a copy of a year filed twice (the same bytes are twins: not counted apart):
# a few words after the file's name, the sentence in its tooltip
COPIES_TAG_THIS = "（{count}份之一，采用）"
COPIES_TAG_OTHER = "（{count}份之一，未采用）"
COPIES_THIS = "{year}年共{count}份报告，年度对照、比对和汇总采用这一份（{why}）"
COPIES_OTHER = "{year}年共{count}份报告，采用的是另一份 {file}（{why}）；按 Ctrl+Shift+U 改用这一份"
COPIES_OTHER_MENU = "{year}年共{count}份报告，采用的是另一份 {file}（{why}）"  # (the key is the main window's)

ACTION_YEARLY = "年度对照(&G)…"
ACTION_COMPARE_SELECTED = "比对所选的两份报告(&C)"
ACTION_EXPORT_SUMMARY = "导出汇总宽表(&S)（.xlsx）…"
COMPARE_NEED_TWO = "请在报告列表中选中一份报告（与同一单位上一年度比对），或按住 Ctrl 点选同一单位两个年度的报告，再按 Ctrl+D"
COMPARE_NO_OTHER_YEAR = "文件夹中没有{agency}其他年度的报告，无法比对"
THIS_AGENCY = "该单位"  # a report whose agency was not read
SUMMARY_TITLE = "导出汇总宽表"
SUMMARY_DEFAULT = "汇总.xlsx"

SHOW_DELTA = "显示差值(&D)"
SHOW_DELTA_TIP = "本年一侧显示与上年的差值（及百分比）而不是数值"
ONLY_CHANGES = "只看变化(&C)"
ONLY_CHANGES_TIP = "隐藏两年相同（或均为0）的行"
NEXT_CHANGE = "下一处变化"
NO_CHANGE = "两年的统计表没有变化"  # F8 with nothing to go to
CHANGE_AT = "第 {number} 处变化，共 {count} 处"  # F8 / Shift+F8
CHANGES_FROM_START = "已从头开始：第 {number} 处变化，共 {count} 处"  # F8 past the last change
CHANGES_FROM_END = "已从末尾开始：第 {number} 处变化，共 {count} 处"  # Shift+F8 past the first
# after each of the three: the place in the table on screen, where the 变化 count above it is of
# that table only (F8's first key on 表三 said 第 8 处 with no word of 表二's 7 before it)
CHANGE_IN_TABLE = "（{table}第 {number} 处，共 {count} 处）"
PREVIOUS_CHANGE = "上一处变化"
OPEN_IN_REVIEW = "在审核中打开(&O)"
OPEN_IN_REVIEW_TIP = "在主窗口中打开所选单元格所在的报告（比对本身只读）"
EXPORT_COMPARE = "导出比对(&E)…"
EXPORT_COMPARE_TITLE = "导出比对结果"
EXPORT_COMPARE_TIP = "导出两年对照（.xlsx）或 Word 比对报告（.docx）（Ctrl+E）"
EXPORT_COMPARE_FILTER = "Excel 工作簿：两年对照 (*.xlsx);;Word 比对报告 (*.docx)"
EXPORT_COMPARE_DONE = "已导出：{path}"
EXPORT_COMPARE_FAILED = "导出失败：{error}"

SIDE_TITLE = "{year}年（{template}）　{file}"
PREVIOUS_SIDE = "上年"
CURRENT_SIDE = "本年"
COUNTS = "变化 {changed} · 未变 {unchanged} · 0→n {became_nonzero} · n→0 {became_zero}"
COUNTS_TIP = "两年均为0的单元格不计入"
# cells one template version has (2020's （六）其他处理 beside 2021's （六）1–3): grey, never counted
COUNTS_ONLY = " · 仅一版模板有 {count}（灰色，不比较）"
TAB_PROSE = "正文"
FINDINGS_TITLE = "跨年度检查（{count}）"
CARD_VALUES = "上年 {previous} → 本年 {current}"
CARD_DELTA = "（差 {delta}）"
CARD_EXPECTED = "应为 {expected}，本年为 {current}"  # the count the rule expects (no arrow: not a change over time)
# what each cross-year rule checks: the cards and the tip named only X-1～X-4, which no auditor knows
CROSS_YEAR_RULES = ("X-1 本年表三「二、上年结转」应等于上年表三「四、结转下年度继续办理」（逐列）；"
                    "X-2 表二现行有效件数应等于上年的现行有效件数加本年制发、减本年废止（2021版模板）；"
                    "X-3 本年报告不应照搬上年（统计表完全相同或正文几乎相同）；"
                    "X-4 正文所说的同比变化（如“较上年减少12件”）应与两年的统计表相符。")
NOT_CONSECUTIVE = "两份报告不是相邻年度：不做跨年度检查（X-1～X-4）"
# with nothing to show, the findings' panel gives its width to the tables: one line beside the tabs
FINDINGS_NONE_LINE = "跨年度检查：未发现问题"
FINDINGS_NONE_TIP = "已做跨年度检查，未发现问题：\n" + CROSS_YEAR_RULES.replace("；", "；\n")
# F1 in the 比对 window: it had no help of its own, and the review's F1 does not reach it
HELP_TITLE = "比对窗口的快捷键"
HELP = ("<p>F8 / Shift+F8 下一处 / 上一处变化（状态栏说明是全部变化中的第几处，和本表中的第几处），"
        "Ctrl+PgDn / Ctrl+PgUp 切换表二、表三、表四和正文，Alt+D 显示差值，Alt+C 只看变化，"
        "Alt+O 在审核中打开，Ctrl+E 导出比对，Esc、Ctrl+W 或 Ctrl+F4 关闭本窗口，F1 本说明。</p>"
        "<p>相邻两个年度的报告做跨年度检查：" + CROSS_YEAR_RULES + "</p>")
NOT_CONSECUTIVE_LINE = "跨年度检查：未做（不是相邻年度）"

TIP_PREVIOUS = "{year}年：{value}"
TIP_DELTA = "差值：{delta}"
TIP_PERCENT = "变化：{percent}"
TIP_KIND = "{kind}"
TIP_ONLY = "仅{year}年所用的{template}模板有此单元格，不参与比较"
TIP_CORRECTED = "{year}年已修正（原值 {original}）"  # (both years' corrections, from either side)
# the cell under the keyboard, in one line under the tables: the tooltip's lines after the name
CELL_LINE = "当前单元格　{name}：{facts}"
CELL_LINE_SHORT = "{name}：{facts}"  # (where the whole does not fit; its tooltip keeps it whole)

PROSE_COLUMNS = ("事项", "上年正文数字", "上年原句", "本年正文数字", "本年原句")
REUSE_LINE = "正文重复率：第一部分 {一} · 第五部分 {五} · 第六部分 {六} · 合计 {overall}"
REUSE_SECTION = "第{section}部分（重复 {share}）"
REUSE_SECTION_UNCOUNTED = "第{section}部分（{share}）"  # why its share is not counted: 只有固定表述，不计
LEGEND_TITLE = "图例："
LEGEND_ONLY = "仅一个模板版本有"
LEGEND_CORRECTED = "◥ 审核中已修正"
# the report list's 文件 column and 年度对照's copy menu: after the name of a copy of a year filed twice
COPY_MARK_THIS = "采用"
COPY_MARK_OTHER = "未采用"


def why_this_copy(rank: int) -> str:
    """Why a year filed twice is shown or compared through the copy of this rank, the one that
    stands for it (core.compare.years.copy_rank): the auditor marked it 已审核, or worked on it
    (an edit, a verdict), or touched none of the copies. Here, not with the comparison's models:
    the report list words its rows' 采用 / 未采用 with it while a folder loads, and importing
    those models on the GUI thread then took a turn of 30 ms on a busy machine."""
    from core.compare.years import CHOSEN, FIRST_COMPLETE, MARKED, WORKED
    return {CHOSEN: COPY_STANDS_CHOSEN, MARKED: COPY_STANDS_MARKED, WORKED: COPY_STANDS_WORKED,
            FIRST_COMPLETE: COPY_STANDS_COMPLETE}.get(rank, COPY_STANDS_FIRST)
