"""The short labels of the 问题 column (core.readers.problems)."""
from pathlib import Path

from core.parse.parser import ANOTHER_REPORT, NOT_A_REPORT
from core.pipeline import CHECK_FAILED, PARSE_FAILED
from core.readers import problems
from core.readers.dispatch import read_document
from core.readers.problems import OTHER_LABEL, problem_label, problem_labels

ROOT = Path(__file__).resolve().parents[3]


def test_each_label_is_two_to_four_characters():
    labels = set(problems._LABELS.values()) | {label for _start, label in problems._STARTS} \
        | {label for _word, label in problems._KINDS} | {OTHER_LABEL}
    assert all(2 <= len(label) <= 4 for label in labels), labels


def test_each_listed_text_is_one_the_program_makes():
    """A text reworded in a reader would silently fall back to its kind's label: each listed text
    and start is found, as written, in the code that makes it."""
    source = "".join(path.read_text(encoding="utf-8") for folder in ("core", "gui")
                     for path in (ROOT / folder).rglob("*.py") if path.name != "problems.py")
    for text in [*problems._LABELS, *(start for start, _label in problems._STARTS)]:
        assert text in source, text


def test_files_read_as_bad_get_their_word(tmp_path):
    (tmp_path / "二进制.txt").write_bytes(bytes(range(256)) * 16)
    (tmp_path / "空.txt").write_bytes(b"")
    (tmp_path / "坏.pdf").write_bytes(b"%PDF-1.4 not really")
    (tmp_path / "坏.docx").write_bytes(b"PK\x03\x04 cut")
    shown = {name: problem_labels(read_document(tmp_path / name).problems)
             for name in ("二进制.txt", "空.txt", "坏.pdf", "坏.docx")}
    assert shown == {"二进制.txt": "非文本", "空.txt": "空文件", "坏.pdf": "已损坏", "坏.docx": "已损坏"}


def test_texts_with_details_and_the_parsers_get_their_word():
    assert problem_label("文件过大（超过50MB），未读取") == "文件过大"
    assert problem_label("PDF第3页无法读取，已跳过") == "缺页"
    assert problem_label("不支持的文件类型：.xyz") == "不支持"
    assert problem_label(NOT_A_REPORT) == "非年报"
    assert problem_label(ANOTHER_REPORT) == "多份报告"
    assert problem_label(PARSE_FAILED.format(error="KeyError")) == "内部错误"
    assert problem_label(CHECK_FAILED.format(error="KeyError")) == "内部错误"
    assert problem_label("未找到第三部分统计表（收到和处理政府信息公开申请情况）") == "缺统计表"


def test_a_text_not_listed_gets_its_kinds_word_never_none():
    assert problem_label("附件已损坏") == "已损坏"
    assert problem_label("某种新的情况") == OTHER_LABEL
    assert problem_labels(["PDF第3页无法读取，已跳过", "PDF第5页无法读取，已跳过", "扫描件，无文字层，需OCR"]) \
        == "缺页、需OCR"
    assert problem_labels([]) == ""
