"""What the parser's flags say ends in what the auditor is to do, in one of three phrases
(core.model.CLOSINGS): a cell placed, split or inferred with a doubt 请对照原文核对, a cell left
empty 请对照原文填写, text the converter lost 请核对原文件. The messages once ended in 请核对 (49
places), 请核对原文 (13), 请对照原文核对 (14) and the like, and some in nothing; this reads every
fixture so that a new message cannot drift again."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.model import CLOSINGS, Flag, closing_of, number_text
from core.pipeline import load_report, report_files

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
# (.doc and .wps need LibreOffice: their text is read as that of the other formats)
FILES = [p for p in report_files(str(FIXTURES)) if p.suffix.lower() not in (".doc", ".wps")]
# whole tables the parser found no trace of, or a file it could not read: the 问题清单 and the
# unreadable notice say what follows (缺少统计表, 需OCR), and nothing was read to compare
NOTHING_READ = ("未找到统计表：", "未能读出统计表：")


def _needs_no_closing(flag: Flag) -> bool:
    if flag.kind == "unit":  # a unit converted surely: it says why the cell differs from the text
        return True
    if flag.value is not None and flag.message.endswith(number_text(flag.value)):
        return True  # …推定为0: the 问题清单 says the value after it, then the row's closing once
    return flag.message.startswith(NOTHING_READ)


@pytest.fixture(scope="module")
def messages() -> dict[str, str]:
    """Each message the fixtures' flags say (and a file saying it)."""
    out: dict[str, str] = {}
    for path in FILES:
        for flag in load_report(str(path)).flags:
            if not _needs_no_closing(flag):
                out.setdefault(flag.message, path.name)
    return out


def test_the_fixtures_hold_flags_of_every_kind_of_closing(messages):
    assert len(FILES) > 500
    assert {closing_of(m) for m in messages} == set(CLOSINGS)


def test_every_flag_message_ends_in_what_the_auditor_is_to_do(messages):
    unclosed = {m: f for m, f in messages.items() if not closing_of(m)}
    assert unclosed == {}


def test_no_flag_message_doubles_its_punctuation(messages):
    doubled = {m: f for m, f in messages.items() if re.search(r"[，。；：、]{2}|））[，。]|（（", m)}
    assert doubled == {}
