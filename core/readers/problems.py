"""Each problem text a file may get, with the short label (2–4 characters) the report list's
问题 column shows for it: the column is ~4 characters wide at 1366, and 「不是文…」 said nothing.

The texts stay as the readers (and the parser) make them: exports, JSON and the report pane show
them whole. A text not listed here gets the label of its kind (``_KINDS``), never none.
"""
from __future__ import annotations

from core.readers import docx, legacy, pdf, text
from core.readers.dispatch import (FOLDER_CLOSED_PROBLEM, FOLDER_PROBLEM, GONE_PROBLEM, LINK_LOOP_PROBLEM,
                                   NOT_REGULAR_PROBLEM, NOT_WORD_PROBLEM)
from core.readers.encoding import DAMAGED_UTF8_PROBLEM, LOSSY_PROBLEM, UTF8_READ_AS_GBK
from core.readers.html import TOO_MANY_ELEMENTS

# The whole text -> its label.
_LABELS = {
    # reading the bytes (dispatch)
    FOLDER_PROBLEM: "是文件夹",
    FOLDER_CLOSED_PROBLEM: "无权限",
    NOT_REGULAR_PROBLEM: "特殊文件",
    GONE_PROBLEM: "不存在",
    LINK_LOOP_PROBLEM: "链接循环",
    "无法读取文件：没有读取权限": "无权限",
    "文件为空": "空文件",
    NOT_WORD_PROBLEM: "已损坏",
    # text, csv
    text.BINARY_PROBLEM: "非文本",
    text.MOJIBAKE_PROBLEM: "乱码",
    text.UTF8_MOJIBAKE_PROBLEM: "乱码",
    text.UTF8_READ_AS_LATIN1: "乱码",
    text.GBK_READ_AS_UTF8: "乱码",
    text.UTF8_READ_AS_GB2312: "乱码",
    LOSSY_PROBLEM: "乱码",
    DAMAGED_UTF8_PROBLEM: "个别乱码",
    UTF8_READ_AS_GBK: "乱码",  # (said by the parser of a text holding no report)
    "CSV格式有误，已按普通文本逐行读取": "格式有误",
    # web pages
    TOO_MANY_ELEMENTS: "结构过大",
    "网页内容为空": "空网页",
    "网页无法解析": "无法解析",
    "网页中没有找到文字内容": "无文字",
    "MHT文件中没有找到网页内容": "无网页",
    # Word
    docx.CORRUPT_PROBLEM: "已损坏",
    docx.BOMB_PROBLEM: "文件过大",
    legacy.NO_OFFICE_PROBLEM: "需装软件",
    legacy.CONVERT_FAILED: "转换失败",
    legacy.CANCELLED: "已取消",
    legacy.DAMAGED_PROBLEM: "已损坏",
    legacy.ENCRYPTED_PROBLEM: "已加密",
    # PDF
    pdf.SCANNED_PROBLEM: "需OCR",
    pdf.UNMAPPED_PROBLEM: "需OCR",
    pdf.ENCRYPTED_PROBLEM: "已加密",
    pdf.CORRUPT_PROBLEM: "已损坏",
    "PDF文件中没有可读取的页面": "无页面",
    # the parser (core.parse.parser, core.pipeline) and the review store: readers do not import them
    "文件没有可读取的文字内容": "无文字",
    "不是政府信息公开工作年度报告（未找到报告的章节和统计表）": "非年报",
    "文字为乱码，读不出报告的章节和统计表": "乱码",
    "文件中在第六部分之后还有一份报告的章节和统计表（如同一页面上的另一年度报告），只读取了第一份，请核对原文件": "多份报告",
    "第四部分统计表没有可读的数值": "表无数值",
    "空白模板（找到三张统计表，但没有填写任何数字）": "空白模板",
    "文件或文件夹不存在": "不存在",
}

# Texts made with a detail in them (a size, a page, an error): their start -> the label.
_STARTS = (
    ("不支持的文件类型：", "不支持"),
    ("无法读取文件：系统错误", "无法读取"),
    ("文件过大（", "文件过大"),
    ("读取文件时出错：", "读取出错"),
    ("LibreOffice 转换超时", "转换超时"),
    ("PDF第", "缺页"),
    ("文档中嵌入的其他格式内容", "内容未读"),
    ("第三部分统计表不完整：", "表不完整"),
    ("未找到第", "缺统计表"),
    ("解析统计表时出现内部错误", "内部错误"),
    ("规则检查时出现内部错误", "内部错误"),
    ("无法读取已保存的审核记录", "记录出错"),
)

# A text in neither list: the first kind whose word it has, else 其他问题.
_KINDS = (("加密", "已加密"), ("损坏", "已损坏"), ("乱码", "乱码"), ("内部错误", "内部错误"),
          ("统计表", "统计表"), ("无法", "无法读取"), ("未读取", "无法读取"))
OTHER_LABEL = "其他问题"


def problem_label(problem: str) -> str:
    """The short label of one problem text (「非文本」 for 「不是文本文件（疑似二进制内容）」)."""
    label = _LABELS.get(problem)
    if label:
        return label
    for start, label in _STARTS:
        if problem.startswith(start):
            return label
    for word, label in _KINDS:
        if word in problem:
            return label
    return OTHER_LABEL


def problem_labels(problems) -> str:
    """The labels of a file's problems, each once, in order: 「乱码、缺页」."""
    return "、".join(dict.fromkeys(problem_label(problem) for problem in problems))
