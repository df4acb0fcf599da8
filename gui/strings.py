"""Every user-facing string of the GUI, in Chinese. (Qt's own dialogs are translated by
qtbase_zh_CN; see gui/app.py.)"""
from core.template import TEMPLATE_NAMES

APP_NAME = "政府信息公开年度报告审核工作台"
ORGANIZATION = "GongkaiShenhe"

# --- menus and actions ---------------------------------------------------------------------
MENU_FILE = "文件(&F)"
MENU_EDIT = "编辑(&E)"
MENU_VIEW = "视图(&V)"
MENU_EXPORT = "导出(&X)"
MENU_HELP = "帮助(&H)"
MENU_RECENT = "最近打开(&R)"
ACTION_OPEN = "打开文件夹(&O)…"
ACTION_RELOAD = "重新载入(&L)"
ACTION_CLEAR_RECENT = "清除列表(&C)"
ACTION_QUIT = "退出(&Q)"
ACTION_UNDO = "撤销"
ACTION_REDO = "重做"
NOTHING_TO_UNDO = "没有可撤销的操作：撤销只能撤回本次打开以来的修改；以前保存的修改仍在，可在单元格中直接改回（修改记录见导出的 Excel）"
# Ctrl+Z in a report with no step while others have some: each report keeps its own steps
NOTHING_TO_UNDO_HERE = "本报告没有可撤销的操作：撤销按报告分开记录，本次修改过的 {names} 可在打开该报告后按 Ctrl+Z 撤销"
UNDO_ELSEWHERE_MORE = "{names} 等 {count} 份报告"
NOTHING_TO_REDO = "没有可重做的操作：重做（Ctrl+Y）恢复本报告刚用 Ctrl+Z 撤销的步骤"
ACTION_COPY = "复制(&C)"
ACTION_PASTE = "粘贴(&P)"
ACTION_EDIT_CELL = "修改单元格(&E)"
ACTION_APPLY_SUGGESTION = "采用建议值(&A)"
ACTION_CONFIRM_FINDING = "确认问题(&K)…"
ACTION_DISMISS_FINDING = "忽略问题(&I)…"
ACTION_NEXT_PROBLEM = "下一个问题(&N)"
ACTION_PREVIOUS_PROBLEM = "上一个问题(&P)"
ACTION_NEXT_TABLE = "下一张表(&T)"
ACTION_PREVIOUS_TABLE = "上一张表(&B)"
ACTION_FOCUS_MODE = "专注模式(&M)（隐藏报告列表）"
MENU_LAYOUT = "调整布局(&Y)"
MENU_SORT = "报告列表排序(&R)"  # the list's headings sort it by a click; this, by keyboard
SORT_BY = ((0, "文件(&F)"), (1, "单位(&A)"), (2, "年度(&N)"), (3, "模板(&M)"), (4, "错误(&E)"), (5, "警告(&J)"),
           (6, "存疑(&D)"), (7, "已处理(&H)"), (8, "状态(&Z)"), (9, "问题(&W)"))  # dashboard columns, every one
# a heading can sort by; a second choice turns the order round
SORT_FOLDER_ORDER = "文件夹中的顺序(&O)"
SORTED = "报告列表按「{column}」{order}排列（再选一次则反过来）"
SORT_UP = "从小到大"
SORT_DOWN = "从大到小"
SORTED_PROBLEMS = "报告列表按「问题」排列，有问题的文件在{where}（再选一次则反过来）"
SORT_PROBLEMS_FIRST = "前"
SORT_PROBLEMS_LAST = "后"
SORTED_FOLDER = "报告列表按文件夹中的顺序排列"
ACTION_WIDEN_LIST = "加宽报告列表"
ACTION_NARROW_LIST = "收窄报告列表"
ACTION_GROW_PANELS = "放大问题清单和原文"
ACTION_SHRINK_PANELS = "缩小问题清单和原文"
ACTION_RESET_LAYOUT = "恢复默认布局(&D)"
ACTION_ADD_NOTE = "添加备注(&B)…"
ACTION_MARK_REVIEWED = "标记为已审核(&R)"
REVIEWED_DONE = "✓ 已审核(&R)"  # the button once the report is marked (a click takes it back)
ACTION_FIND = "查找(&F)"
MENU_ONLY_PROBLEMS = "只看有问题的(&O)"  # the 视图 menu's entry, and the check box over the list (Alt+O)
ACTION_SHOW_SOURCE = "显示原文(&S)"
ACTION_SHOW_FINDINGS = "显示问题清单(&L)"
ACTION_WRAP_SOURCE = "原文自动换行(&W)"
ACTION_EXPORT_XLSX = "导出为 Excel(&E)…"
ACTION_EXPORT_CSV = "导出为 CSV(&C)…"
ACTION_EXPORT_JSON = "导出为 JSON(&J)…"
ACTION_EXPORT_WORD = "导出为 Word(&W)（每份报告一个文件）…"
ACTION_EXPORT_WORD_ONE = "导出本报告为 Word(&R)…"
ACTION_EXPORT_WORD_ONE_TIP = "只把正在审核的这一份报告（含修改）填入2021年正式模板，存为一个 Word 文件"
ACTION_ABOUT = "关于(&A)"
ABOUT_TITLE = "关于"
ACTION_LEGEND = "颜色与快捷键(&L)"
LEGEND_DIALOG_TITLE = "颜色与快捷键"
ACTION_LOCATE = "定位到单元格(&L)"
# on the 问题清单's entry with a verdict (also one whose finding is gone, 已消除): F2 and Delete there
ACTION_EDIT_VERDICT_NOTE = "编辑说明(&N)…"
ACTION_WITHDRAW_VERDICT = "撤销审核意见(&D)"
ACTION_CANCEL = "取消"
ACTION_CANCEL_EXPORT = "取消正在进行的导出(&Q)"
ACTION_CANCEL_EXPORT_BUTTON = "取消导出"
EMPTY_RECENT = "（无）"

# --- dashboard -----------------------------------------------------------------------------
DASHBOARD_COLUMNS = ("文件", "单位", "年度", "模板", "错误", "警告", "存疑", "已处理", "状态", "问题")
# over each title of the report list: what the column shows and how it counts (edits.counts)
DASHBOARD_COLUMN_TIPS = (
    "报告文件（相对于所打开的文件夹）",
    "报告标题中的单位名称",
    "报告所属年度",
    "统计表格式：2021版（国办公开办函〔2021〕30号）、2019版（2019年试行格式）或未识别",
    "违反模板勾稽关系的错误数（已忽略的不计）",
    "需要核对的警告数（已忽略的不计）",
    "存疑数：解析不确定的行（改正或确认单元格后消除）及其他读取问题",
    "已给出处理意见（确认或忽略）的问题数；悬停可见待处理的问题和修正后已消除的审核意见",
    "审核状态：未审核、已修改、已审核；无法读取的文件标为无法读取",
    "文件的读取问题；同一单位同一年度有多份报告时，标出年度对照、比对和汇总采用哪一份（采用／未采用）",
)
DASHBOARD_VERDICTS_TIP = "已确认 {confirmed} 项，已忽略 {dismissed} 项"
DASHBOARD_WAITING_TIP = "，待处理 {count} 项"  # findings with no verdict yet (存疑 takes none)
DASHBOARD_RESOLVED_TIP = "\n另有 {count} 项审核意见的问题修正后已消除，意见保留（见问题清单末尾，随导出）"
SEARCH_PLACEHOLDER = "搜索单位、年度、文件名或问题（Ctrl+F）"
LOADING = "正在载入 {done}/{total} 份报告…"
LOADED = "已载入 {count} 份报告（{folder}）"
# the window closed while a value was typed, never confirmed: dropped as Esc drops it; the next start says so
DROPPED_TYPING = "上次关闭窗口时，{name} {cell} 正在输入的「{text}」还没有确认（回车或 Tab），没有保存"
# the program was killed, crashed or lost its power last time (its database lock was left behind)
UNCLEAN_EXIT = "上次程序没有正常关闭（被强制结束或断电）：已保存的修改和审核意见都在，未确认的输入没有保存，撤销从本次启动重新记录"
LOADED_SHORT = "已载入 {count} 份报告"  # the folder's name left to the title bar when the rest would be cut
LOADED_RED_ROWS = "，其中 {counts}（红色的行，原因见“问题”列）"
LOADED_UNREADABLE = "{count} 份无法读取"
LOADED_INCOMPLETE = "{count} 份未能完整读取"  # (a table missing or cut short: red rows too)
LOAD_CANCELLED = "已取消载入，已载入 {count} 份报告"
NO_REPORTS = "该文件夹中没有可识别的报告文件：{folder}"
STORE_READ_FAILED = "无法读取已保存的审核记录：{error}"
FOLDER_MISSING = "文件夹不存在：{folder}"
DASHBOARD_COUNT = "共 {total} 份，显示 {shown} 份"
# after DASHBOARD_COUNT when rows are hidden: what hides them (a folder with no problem under 只看有问题的
# opened as an empty list, nothing saying why)
DASHBOARD_HIDDEN_BY = "（{why}）"
HIDDEN_BY_SEARCH = "搜索“{text}”"
HIDDEN_BY_ONLY_PROBLEMS = "只看有问题的"
NOT_READ_COUNT = "；另有 {count} 个文件不是报告格式，未载入"  # after DASHBOARD_COUNT (its tooltip names them)
NOT_READ_TIP = "以下文件不是可读取的报告格式（可读取 Word、WPS、RTF、ODT、PDF、网页和文本），未载入、未核对：\n{names}"
NOT_READ_MORE = "……等共 {count} 个"
NOT_READ_ETC = "等"
TEMPLATE_UNKNOWN = TEMPLATE_NAMES["unknown"]
OPEN_FOLDER_TITLE = "选择报告所在的文件夹"
DROP_HINT = "可将文件夹拖放到窗口中打开"

# --- report view ---------------------------------------------------------------------------
TAB_T2 = "表二"
TAB_T3 = "表三"
TAB_T4 = "表四"
TAB_TOOLTIPS = {
    "section2": "二、主动公开政府信息情况",
    "section3": "三、收到和处理政府信息公开申请情况",
    "section4": "四、政府信息公开行政复议、行政诉讼情况",
}
T2_CONTENT = "信息内容"
T3_CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_APPLICANTS = "申请人情况"
T3_LEGAL_PERSONS = "法人或其他组织"
NO_REPORT = "请在左侧列表中选择一份报告"
REPORT_HEADER = "{agency}　{year}　{template}模板　状态：{status}"
REPORT_FILE = "{name}　（{folder}）"  # beside the heading: the name first, a long folder elided in its middle
UNKNOWN_AGENCY = "（未识别单位）"
UNKNOWN_YEAR = "（年度不详）"
YEAR = "{year}年"
COMPARE_NEAREST_YEAR = "{agency}没有与{year}年相邻年度的报告，与最近的{other}年比对"  # Ctrl+D, one report
ALREADY_RUNNING = ("审核工作台已在另一个窗口中运行。\n\n两个窗口同时审核时，一个窗口的修改和审核意见另一个窗口看不到，"
                   "导出的结果可能缺少修改。请回到已打开的窗口继续工作。")
ALREADY_RUNNING_OPEN = "仍然打开"
ALREADY_RUNNING_QUIT = "退出"
CRASH_TITLE = "程序内部出错"
CRASH_TEXT = ("刚才的操作可能没有完成：程序遇到了意外的错误（{error}）。\n\n"
              "已显示“已保存”的修改和审核意见都已存入审核数据库，不受影响；可以继续工作，"
              "如再次出现请重新启动程序。\n\n详细信息已记录在：{log}\n请将此文件发给技术支持。")
CRASH_NOT_LOGGED = "（无法写入错误记录文件，请复制下方的详细信息）"
FILE_PROBLEMS_READ = "读取时发现问题：{problems}"  # its tables were read, with something missing
ACTION_CARRY_EARLIER = "沿用以前的审核(&W)"
CARRIED = "已沿用以前的审核：{cells} 处修改、{verdicts} 条审核意见（Ctrl+Z 可撤销）"
CARRIED_NOTHING = "没有可沿用的以前审核：以前的修改在现在的内容中已是原值，或以前的问题已不存在"
CARRY_NONE_STORED = "此文件没有以前内容的审核记录"
EARLIER_WORK_LABEL = "内容已变"  # the 问题 column: EARLIER_WORK is its tooltip
EARLIER_WORK_COUNT = "；{count} 份报告的内容与上次审核时不同，以前的修改未应用（「问题」栏：内容已变）"
EARLIER_WORK = ("此文件的内容与上次审核时不同（已被另存或替换）：当时保存的 {count} 条修改、确认或审核意见未应用"
                "到现在的内容，仍保存在审核数据库中；「编辑 → 沿用以前的审核」可应用到现在的内容。")
# a file whose bytes another file of the folder has: the store keys the review by content
TWINS_NOTE = "与 {names} 内容相同，共用一份审核记录和撤销历史"
TWINS_MORE = "{names} 等 {count} 个文件"
# the report on screen when the list's search hides it: it stays (and the cell being typed in),
# but no longer looks like the list's choice (qa27); the link clears the search
FILTERED_OUT = ("搜索「{search}」没有找到这份报告，它仍显示在这里，未保存的输入不受影响；"
                "在列表中选择即打开找到的报告，<a href=\"clear\">清除搜索</a>回到这一份")
FILTERED_OUT_TIP = "在搜索框中按 Esc 也可清除搜索（Ctrl+F 到搜索框）"
LEGEND_TITLE = "图例："
LEGEND_ERROR = "错误（建议修改处）"
LEGEND_ERROR_INVOLVED = "与错误相关"
LEGEND_WARNING = "警告"
LEGEND_CORRECTED = "已修改"
LEGEND_FLAGGED = "存疑（解析不确定）"
LEGEND_FLAG_MARK = "蓝色角标：存疑"
LEGEND_FLAG_MARK_TIP = "蓝色角标：该格解析不确定；蓝色虚框：已修改的格上仍有未处理的存疑问题"
READ_ONLY_REPORT = "该文件没有可保存的内容，不能修改"
EDIT_NOT_A_VALUE = "表头不能修改：请用方向键选中一个数值单元格，再按 F2 或直接输入"
# why 标记为已审核 is greyed (its tooltip, the status bar on Ctrl+Enter, the note in the tables' place)
CANNOT_MARK_NO_CONTENT = "无法标记为已审核：未读到此文件的内容（空文件、管道、文件过大或读取失败），而已审核标记是按文件内容保存的"
CANNOT_MARK_NO_STORE = "无法标记为已审核：审核记录数据库未能打开，标记无法保存"
# In the tables' place, for a file no table could be read from: why, and what the auditor can do
NO_TABLES_TITLE = "未能从此文件读出统计表，无法核对数据"
NO_TABLES_REASON = "原因：{reason}"
NO_TABLES_CAN = "可以："
NO_TABLES_LOOK = "在「原文」栏查看文件内容，确认它是不是年度报告；"
NO_TABLES_ASK = ("如这是年度报告，请向报送单位索取能读取的文件（Word、WPS 或可复制文字的 PDF，而非扫描件），"
                 "放入同一文件夹后按 F5 重新载入；")
# ...for a blank template (its tables read, nothing filled in: core.parse.parser.BLANK_TEMPLATE)
BLANK_TEMPLATE_TITLE = "此文件的统计表没有填写任何数字，不是可核对的年度报告"
BLANK_TEMPLATE_ASK = "如这是某单位报送的年度报告（未填写的草稿），请向报送单位索取填写完整的报告，放入同一文件夹后按 F5 重新载入；"
NO_TABLES_INSTALL = "安装 LibreOffice 后按 F5 重新载入，即可读取此文件；"
NO_TABLES_GONE = "文件已被移动、改名或删除：把报告文件放回文件夹后按 F5 重新载入；"
NO_TABLES_LINK_LOOP = "把报告文件本身（而不是快捷方式）放入文件夹后按 F5 重新载入；"
NO_TABLES_MARK = "看过后按 Ctrl+Enter 标记为已审核，导出的 Excel「汇总」会记下状态「{status}」和原因。"

# --- cell tooltips -------------------------------------------------------------------------
TIP_VALUE = "当前值：{value}"
TIP_ORIGINAL = "原值：{value}"
TIP_RAW = "原文：「{raw}」"
TIP_NOTE = "备注：{note}"
TIP_CONFIRMED = "审核人已核对原文，确认此值"
TIP_SUGGESTED = "建议值：{value}"
TIP_SUGGESTED_OTHER = "建议修改：{cell} 改为 {value}"
TIP_FLAG = "存疑：{message}"
TIP_VERDICT = "审核意见：{verdict}　{note}"
# a verdict an edit of one of its finding's cells made lapse: the finding is open again
TIP_LAPSED = "审核意见（{verdict}）因单元格已修改而失效，请重新审核"
TIP_NO_SOURCE = "原文中没有该单元格的文字"
BLANK_VALUE = "空白"
SLASH_VALUE = "/"
PLACEHOLDER_VALUE = "—"  # a "none" mark of 表三/表四 whose text was lost

# --- findings list -------------------------------------------------------------------------
FINDINGS_TITLE = "问题清单"
FINDINGS_COLUMNS = ("级别", "规则", "说明", "建议", "审核意见")
FINDINGS_SUMMARY = "错误 {errors}，警告 {warnings}，存疑 {flags}"  # short: whole beside 采用建议值 at 1366
FINDINGS_HANDLED = "；已处理 {handled}"
VERDICT_TEXT = "{verdict}：{note}"
RESOLVED_TEXT = "{message}（{cells}）"  # a verdict whose finding the correction made go away
CONFIRM_TITLE = "确认问题"
CONFIRM_PROMPT = "{rule} {message}\n\n给报送单位的说明（可不填）："
DISMISS_TITLE = "忽略问题"
DISMISS_PROMPT = "{rule} {message}\n\n忽略的理由（必填）："
NO_FINDING = "请先在问题清单中选择一个问题"
NO_VERDICT = "该项还没有审核意见：可先确认问题（Ctrl+Shift+K）或忽略（Ctrl+Shift+I）"
# Ctrl+Shift+K / I on a grey 已消除 row: no finding left to judge, but its verdict can be changed
NO_VERDICT_ON_RESOLVED = "此问题修正后已消除，无需再确认或忽略；可编辑说明（F2）或撤销审核意见（Del）"
EDIT_NOTE_TITLE = "编辑说明"
NO_VERDICT_ON_DOUBT = "存疑项是读取原文时的不确定，不能确认或忽略：请核对原文，必要时修改单元格"
NO_MORE_PROBLEMS = "已是最后一个问题，后面没有其他有问题的报告"
NO_EARLIER_PROBLEMS = "已是第一个问题，前面没有其他有问题的报告"
NONE_HERE_NOR_LATER = "本报告没有问题，后面也没有其他有问题的报告"  # F8 on a report with none
NONE_HERE_NOR_EARLIER = "本报告没有问题，前面也没有其他有问题的报告"
# 采用建议值 of the report's last open finding, taken from the 问题清单: the keyboard goes back to the table
LAST_PROBLEM_HANDLED = "{saved}。本报告的问题已全部处理，光标回到表格；按 F8 转到下一份有问题的报告"
PROBLEM_AT = "第 {number} 个问题，共 {count} 个"  # F8 / Shift+F8 in the report
PROBLEM_NEXT_REPORT = "已转到下一份有问题的报告 {name}：第 {number} 个问题，共 {count} 个"  # F8 past the last
PROBLEM_PREVIOUS_REPORT = "已转到上一份有问题的报告 {name}：第 {number} 个问题，共 {count} 个"
PROBLEM_NEXT_UNREADABLE = "已转到下一份有问题的报告 {name}：无法读取（{reason}），没有可核对的数据"  # no entries to count
PROBLEM_PREVIOUS_UNREADABLE = "已转到上一份有问题的报告 {name}：无法读取（{reason}），没有可核对的数据"
# F8 past the list's last report with problems goes on from its top (Shift+F8: from its foot)
PROBLEM_FROM_TOP = "后面没有有问题的报告，从列表开头继续："
PROBLEM_FROM_FOOT = "前面没有有问题的报告，从列表末尾继续："
PROBLEM_POSITION = "第 {n}/{total} 个问题：{text}"
FINDINGS_NONE = "未发现问题"
FINDINGS_UNREADABLE = "未能读出统计表，无法核对"  # a file with no table: nothing was checked
FINDINGS_BLANK_TEMPLATE = "统计表没有填写任何数字，无法核对"  # a blank template: nothing was checked
SEVERITY_LABELS = {"error": "错误", "warning": "警告", "doubt": "存疑", "flag": "存疑"}
SEVERITY_OTHER = "存疑"  # a severity this version does not know
FLAG_RULE = "解析"
SUGGESTION_TEXT = "{cell} 改为 {value}"
SUGGESTION_NOTE = "采用建议值（{rule}）"

# --- source pane ---------------------------------------------------------------------------
SOURCE_TITLE = "原文"
SOURCE_CELL = "{cell}：原文「{raw}」"
SOURCE_NO_SPAN = "{cell}：原文中没有对应文字"
SOURCE_WRAP = "自动换行"
SOURCE_EMPTY = "（没有可显示的原文）"

# --- editing -------------------------------------------------------------------------------
UNDO_EDIT = "修改 {cell}"
UNDO_CARRY = "沿用以前的审核"
UNDO_PASTE = "粘贴 {count} 个单元格"
UNDO_SUGGESTION = "采用建议值 {cell}"
UNDO_NOTE = "备注 {cell}"
UNDO_CONFIRM = "确认 {cell}"  # a value in doubt typed again unchanged
SAVED = "已保存：{cell} {old} → {new}"
UNDONE = "已撤销：{what}"  # the status bar after Ctrl+Z (the step's own name)
REDONE = "已重做：{what}"  # after Ctrl+Y
REDO_NOTE = "重做"  # the 修改记录 note of a redone edit, as core notes an undo 撤销
REDO_NOTE_WITH = "重做：{note}"  # ...of one that carried a note of its own (采用建议值, 备注)
STEP_VALUES = "（{old} → {new}）"
SAVED_MANY = "已保存：{count} 个单元格"
SAVED_NOTE = "已保存备注：{cell}"
SAVED_CONFIRM = "已确认：{cell} 为 {value}，不再存疑"
SAVED_REVIEWED = "已标记为已审核：{name}"
SAVED_UNREVIEWED = "已取消已审核标记：{name}"
REVIEWED_DROPPED = "。数据已改动，{name} 回到“已修改”，请重新审核"
# the verdicts an edit made lapse (their findings open again), and those an undo brought back
VERDICTS_LAPSED = "。{rules} 的审核意见因单元格已修改而失效，请重新审核"
VERDICTS_BACK = "。{rules} 的审核意见恢复有效"
# ...of the next year's report, whose cross-year findings compare the cell edited here
NEXT_YEAR_VERDICTS_LAPSED = "。{name} 的 {rules} 审核意见因本报告单元格已修改而失效，请重新审核"
NEXT_YEAR_VERDICTS_BACK = "。{name} 的 {rules} 审核意见恢复有效"
REVIEWED_REOPENED = "。错误重新待处理，{name} 已取消已审核标记，请重新审核"
SAVED_VERDICT = "已保存：{rule} {verdict}"
# the words of the action done: 编辑说明 / 撤销审核意见 (not the verdict the note stayed under)
SAVED_RENOTE = "已保存：编辑 {rule} 的说明"
SAVED_VERDICT_CLEARED = "已保存：撤销对 {rule} 的审核意见"
VERDICT_UNDO = "{verdict} {rule}"
UNDO_RENOTE = "编辑说明 {rule}"
UNDO_WITHDRAW = "撤销审核意见 {rule}"
UNDO_DISMISS_ALL = "忽略 {count} 个错误并标记为已审核"
UNDO_MARK_REVIEWED = "标记为已审核"
UNDO_UNMARK_REVIEWED = "取消已审核标记"
REVIEW_DIALOG_TITLE = "标记为已审核"
REVIEW_DIALOG_TEXT = ("{name} 还有 {count} 个未处理的错误。\n"
                      "要标记为已审核，请逐条写明忽略的理由；或取消，先修改数据或确认问题。")
REVIEW_REASON_PLACEHOLDER = "忽略的理由"
REVIEW_SAME_REASON = "这 {count} 个错误使用同一理由（填在第一条）(&S)"
REVIEW_DIALOG_OK = "忽略这些错误并标记为已审核(&R)"
DIALOG_CANCEL = "取消(&C)"
REVIEW_CANCELLED = "未标记：{name} 还有未处理的错误"
SAVE_FAILED = "保存失败，修改未生效：{error}"
INPUT_REJECTED = "{cell}：{message}，已保留原值"
PASTE_REJECTED = "无法粘贴：{cell}：{message}"
PASTE_NOTHING = "剪贴板中没有可粘贴的数据"
PASTE_NO_TARGET = "请先选择要粘贴到的单元格"
NOTE_TITLE = "添加备注"
NOTE_PROMPT = "{cell} 的备注："
NOTE_NOT_CORRECTED = "只能为已修改的单元格添加备注"
NO_SUGGESTION = "该问题没有建议值"
NO_SUGGESTION_CHOSEN = "请先在问题清单中选择一个有建议值的问题（或选中其单元格）"
NO_SUGGESTION_LEFT = "本报告没有待采用的建议值"
COPIED = "已复制 {count} 个单元格"

# --- export --------------------------------------------------------------------------------
EXPORT_TITLE = "导出"
EXPORT_FOLDER_TITLE = "选择存放 Word 文件的文件夹"
NEW_FOLDER_FAILED = "无法使用文件夹“{folder}”：{reason}\n请换一个文件夹，或输入别的名称。"
NEW_FOLDER_IS_FILE = "已有同名的文件，它不是文件夹。"
NEW_FOLDER_NO_RIGHT = "没有在这里新建文件夹的权限。"
NEW_FOLDER_OTHER = "新建文件夹失败（{error}）。"
EXPORT_FILTERS = {
    ".xlsx": "Excel 工作簿 (*.xlsx)",
    ".csv": "CSV 文件 (*.csv)",
    ".json": "JSON 文件 (*.json)",
}
EXPORT_DEFAULT_NAME = "年度报告审核结果"
EXPORT_WORD_FILTER = "Word 文档 (*.docx)"
EXPORT_NO_REPORT = "请先在报告列表中打开一份报告"
EXPORT_REPLACE = "“{name}”已存在。\n要替换它吗？"
EXPORT_RUNNING = "正在导出…"
EXPORT_PROGRESS = "正在导出：{done}/{total} 份报告…"
EXPORT_SAVING = "正在保存文件…（报告已全部处理，大的工作簿要保存数十秒）"
EXPORT_CANCELLING = "正在取消导出…"
EXPORT_CANCELLED = "导出已取消，没有写入任何文件"
EXPORT_CANCEL_TIP = "停止正在进行的导出：目标位置保持原样，不留下写了一半的文件"
EXPORT_REPORTS = "共导出 {count} 份报告"
# a file no table was read from is one row of Excel / CSV / JSON with its reason: "共导出 16 份报告" read
# as 16 reports' data when 6 of them had none
EXPORT_UNREADABLE = "{count} 份无法读取（只列出原因，没有数据）"
EXPORT_HIDDEN = "其中 {hidden} 份在列表中未显示（导出总是包括文件夹中的全部报告，不受搜索和「只看有问题的」影响）"
# what an export wrote, by core.export.common.ExportFormat's value (the box and the status bar name it)
EXPORT_FORMAT_NAMES = {"xlsx": "Excel 工作簿", "csv": "CSV 文件", "json": "JSON 文件", "docx": "Word 文件"}
EXPORT_DONE = "导出完成，已写入 {format}：\n{paths}"
EXPORT_DONE_STATUS = "导出完成（{format}）：{path}"
# a folder's Word files: the reports written, the note on the others apart (「7 个文件」 read as 7
# reports' files when one was the note); not the first file alone, read as one report exported
EXPORT_DONE_STATUS_WORD = "导出完成：{count} 份报告的 Word 文件{note}，在 {folder}"
EXPORT_NOTE_TOO = "，另附未导出报告的说明 1 份"
# Word: each count said once (the box said 4 份报告已导出 above and 共 12 份报告（8 份未导出…） below)
EXPORT_WORD_DONE = "导出完成：{count} 份报告已导出为 Word 文件。"
EXPORT_WORD_LEFT_OUT = "导出完成：{total} 份报告中 {count} 份已导出为 Word 文件，其余 {left} 份未导出，原因见：\n{note}"
EXPORT_LEFT_OUT_LINE = "· {names}：{reason}"
EXPORT_LEFT_OUT_MORE = " 等 {count} 份"
EXPORT_LEFT_OUT_REST = "· 另有 {count} 份，原因见说明文件"
EXPORT_FAILED = "导出失败：{error}"
EXPORT_NOTHING = "没有可导出的报告，请先打开文件夹"
EXPORT_WHILE_LOADING = "文件夹还在载入，载入完成后再导出（现在导出会缺少尚未载入的报告）"
EXPORT_INTO_FOLDER = ("这个位置在正在审核的文件夹“{folder}”之内：下次打开这个文件夹时，导出的文件会被当作报告一并读入。\n"
                      "仍要导出到这里吗？（建议选文件夹之外的位置）")
EXPORT_SOURCE = "不能写到报告的原文件上，请换一个位置"
EXPORT_BUSY = "上一次导出尚未完成，本次导出将在其完成后开始"

# --- about ---------------------------------------------------------------------------------
ABOUT_TEXT = (
    f"<h3>{APP_NAME}</h3>"  # the title bar's and the packaged program's name
    "<p>版本 {version}</p>"
    "<p>离线读取年度报告，按官方模板核对表二、表三、表四，修正数据并导出。</p>"
    "<p>所有修改和审核状态保存在本机：<br>{db}</p>"
)
LEGEND_HELP = (
    "<p><b>红色</b>：错误，建议修改的单元格；<b>浅红</b>：参与出错算式的单元格；"
    "<b>黄色</b>：警告；<b>绿色</b>：已修改（改后的数值所在的算式仍不成立时，显示为红色或浅红）；"
    "<b>浅蓝</b>或蓝色角标：解析不确定，请对照原文。输入的数值按回车、Tab 或点击别处后才保存并重新核对，"
    "颜色随之更新。</p>"
    "<p>Ctrl+O 打开报告文件夹，F5 重新载入（文件夹中的文件有增删或改动后），Ctrl+E 导出为 Excel"
    "（CSV、JSON、Word 在「导出」菜单），Ctrl+Q 退出；修改随时保存，不必另行保存。</p>"
    "<p>双击或按 F2 修改单元格（在行名上按 F2 或输入数字，修改该行第一个数值），回车确认、Esc 取消，Ctrl+Z 撤销，Ctrl+Y 重做，"
    "Ctrl+C / Ctrl+V 与 Excel、WPS 互相复制粘贴，Shift+F10 或菜单键打开右键菜单。"
    "Ctrl+Enter 标记为已审核。F8 / Shift+F8 下一个 / 上一个问题，Ctrl+Shift+A 采用建议值，"
    "Ctrl+Shift+K 确认问题（可写给报送单位的说明），Ctrl+Shift+I 忽略问题（须写理由）。"
    "Ctrl+PgDn / Ctrl+PgUp 切换表二、表三、表四，Tab 在报告列表、表格、问题清单、原文和「只看有问题的」（Alt+O）之间切换"
    "（有键盘焦点的一栏带蓝框；在报告列表中按回车转到表格），Ctrl+F 搜索单位、年度、文件名或问题（按 ↓ 或回车进入报告列表，Esc 清除搜索），视图 → 报告列表排序（如错误多的在前），F11 专注模式。"
    "在问题清单中按 ↑ / ↓ 逐条阅读，空格在表格和原文中显示该问题的单元格，回车显示并转到表格，Ctrl+C 复制所选问题；已有审核意见的一项（含灰色的“已消除”）按 F2 编辑说明、Del 撤销审核意见。"
    "Ctrl+] / Ctrl+[ 加宽 / 收窄报告列表，Alt+] / Alt+[ 放大 / 缩小问题清单和原文（视图 → 调整布局）。</p>"
    "<p>F1 再次打开本说明。Ctrl+Shift+Y 年度对照（在某一年度上按回车，与上一年度比对）；在报告列表中选中一份报告按 Ctrl+D，"
    "与同一单位上一年度（没有则最近的年度）比对，选中同一单位的两份报告则比对这两份；在比对或年度对照窗口中按 Esc 或 Ctrl+W 关闭该窗口，按 F1 查看它的快捷键（比对窗口的还有跨年度检查的规则）。"
    "同一年度有多份报告（如 .pdf 和 .docx）时，Ctrl+Shift+U 把选中的一份设为采用的副本（可撤销）。</p>"
)
DB_OPEN_FAILED = "无法打开审核记录数据库（{path}）：{error}。\n\n审核记录无法保存，程序不能启动：请检查该文件夹的权限，或联系信息技术人员。"
DB_DAMAGED = ("审核记录数据库已损坏，无法打开：{path}\n\n请联系信息技术人员从备份恢复该文件；"
              "或把它移到别处后重新启动程序（将从空白的审核记录开始）。")
