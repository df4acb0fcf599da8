"""A save name typed on Linux that Windows cannot hold (*.xlsx, CON.xlsx) is refused, with why:
the exported files go to auditors' Windows PCs."""
from __future__ import annotations

from core.export.common import windows_name_refusal


def test_a_name_with_a_character_windows_forbids_is_refused_naming_it():
    assert windows_name_refusal("*") == ("文件名“*”含有 Windows 不允许的字符 *\n"
                                         "名称里不能有 \\ / : * ? \" < > | ，否则审核人员的 Windows 电脑上打不开这样的文件。请换一个名称。")
    assert "字符 : ?\n" in windows_name_refusal("结果:第1批?.xlsx")  # each character once, as typed
    assert "字符 \\ < > | \"\n" in windows_name_refusal("a\\b<c>|\"d")  # all of them, in the order typed
    assert windows_name_refusal("导出\t结果.xlsx") == "文件名含有看不见的控制字符，Windows 不允许。请重新输入名称。"


def test_a_device_name_is_refused_with_any_extension():
    assert windows_name_refusal("CON.xlsx") == \
        "“CON”是 Windows 保留给设备的名称，不能用作文件名（Windows 电脑上打不开）。请换一个名称。"
    assert windows_name_refusal("com1") and windows_name_refusal("Lpt9.docx") and windows_name_refusal("nul .csv")
    assert windows_name_refusal("CONSOLE.xlsx") == windows_name_refusal("COM10.xlsx") == ""


def test_names_windows_takes_pass():
    for name in ("结果.xlsx", "某某县人民政府办公室2023-2024年比对.xlsx", "结果 ", "（第1批）汇总.csv", "a.b.c.json"):
        assert windows_name_refusal(name) == "", name


def test_a_folder_ending_in_a_space_or_dot_is_refused_a_file_is_not():
    """Windows drops a folder name's last dots and spaces; a file's name gets its extension after them."""
    assert windows_name_refusal("Word 导出.", folder=True) == \
        "文件夹名“Word 导出.”以空格或句点结尾，Windows 会去掉它们（文件就对不上了）。请去掉结尾的空格或句点。"
    assert windows_name_refusal("Word 导出.") == ""
    assert windows_name_refusal("Word?", folder=True).startswith("文件夹名“Word?”含有")
