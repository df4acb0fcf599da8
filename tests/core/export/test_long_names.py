"""An auditor's folder held a report saved under a long Chinese name (80 characters, 240 bytes
in UTF-8). The Word export names a second copy of an agency's year after its source file, and
the name went past what a Linux drive takes (255 bytes a name, a Chinese character 3): the whole
export stopped with 「导出失败：…（File name too long）」 after 50 of its 80 files (qa27)."""
from __future__ import annotations

from core.export.common import safe_file_name, write_unique
from core.export.docx import write_docx_folder
from core.review.edits import ReportReview
from tests.core.review.test_edits import make_report

LONG_STEM = "某某市某某区人民政府办公室关于二〇二四年度政府信息公开工作年度报告的公开发布稿最终修订版本确认无误可以上网公开请各位领导审阅" * 2


def test_a_second_copy_with_a_very_long_file_name_is_exported_to_word(tmp_path):
    first = ReportReview(make_report(file=str(tmp_path / "某区2023.txt"), content_hash="ab" * 32))
    second = ReportReview(make_report(file=str(tmp_path / f"{LONG_STEM[:80]}.txt"), content_hash="cd" * 32))
    written = write_docx_folder([first, second], tmp_path / "Word").files
    assert len(written) == 2 and all(path.exists() for path in written)
    assert written[0].name == "某某区人民政府办公室2023年政府信息公开工作年度报告.docx"
    long_name = written[1].name
    assert long_name.startswith("某某区人民政府办公室2023年政府信息公开工作年度报告（某某市")
    assert long_name.endswith("….docx")  # cut, and seen to be cut
    assert len(long_name.encode("utf-8")) <= 255


def test_a_safe_name_leaves_room_for_the_hidden_temporary_name_and_a_number(tmp_path):
    name = safe_file_name(LONG_STEM)
    assert len(name.encode("utf-8")) <= 200 and name.endswith("…")
    assert LONG_STEM.startswith(name[:-1])  # cut between two characters, never inside one
    for _ in range(3):  # the third is name(3).docx: still a name the drive takes
        path = write_unique(tmp_path / f"{name}.docx", lambda p: p.write_bytes(b"x"))
        assert path.exists()
    assert safe_file_name("某区2023年报告") == "某区2023年报告"  # a short name as it was
    assert safe_file_name("a" * 300) == "a" * 120  # (120 characters, as before)


def test_a_word_export_that_fails_midway_leaves_none_of_its_files(tmp_path, monkeypatch):
    """The Word export stopped at its 51st report (a name too long, a full disk) with 「导出失败」
    and left the first 50 files in the folder: the window says a failed export wrote nothing, as
    one to .xlsx (written whole or not at all). What it wrote is taken away; what was there stays."""
    import pytest

    import core.export.docx as word
    folder = tmp_path / "Word"
    folder.mkdir()
    (folder / "上次导出.docx").write_bytes(b"earlier")
    reviews = [ReportReview(make_report(file=str(tmp_path / f"{n}.txt"), agency=f"第{n}区",
                                        content_hash=f"{n:02d}" * 32)) for n in range(3)]
    real_save = word._save_docx

    def full_disk_at_the_third(review, target, *args, **kwargs):
        if review is reviews[2]:
            raise OSError(28, "No space left on device", str(target))
        return real_save(review, target, *args, **kwargs)
    monkeypatch.setattr(word, "_save_docx", full_disk_at_the_third)
    with pytest.raises(OSError):
        write_docx_folder(reviews, folder)
    assert sorted(p.name for p in folder.iterdir()) == ["上次导出.docx"]
