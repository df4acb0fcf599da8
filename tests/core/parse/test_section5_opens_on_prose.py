"""Section 五 opening on a sentence: the lines after its heading hold no piece of 表四, and
_under_section5 says so without tokenizing the sentence (a paragraph of prose costs tokenize most
of what t4_partly_under_section5 costs a report), while a piece of 表四 there is still read."""
from __future__ import annotations

import core.parse.pdfblocks as pdfblocks
from core.parse.pdfblocks import _under_section5
from core.readers.document import Cell, Line


def _lines(*texts: str, grid: bool = False) -> list[Line]:
    lines, at = [], 0
    for text in texts:
        lines.append(Line([Cell(text, at, at + len(text))], grid))
        at += len(text) + 1
    return lines


def _tokenized(monkeypatch) -> list[tuple[int, int]]:
    asked: list[tuple[int, int]] = []
    tokenize = pdfblocks.tokenize

    def counting(lines, first=0, last=None):
        asked.append((first, last))
        return tokenize(lines, first, last)
    monkeypatch.setattr(pdfblocks, "tokenize", counting)
    return asked


HEADING = "五、政府信息公开工作存在的主要问题及改进情况"


def test_a_sentence_after_the_heading_is_not_tokenized(monkeypatch):
    asked = _tokenized(monkeypatch)
    lines = _lines(HEADING, "", "本机关2023年共收到申请12件，均已按时答复。", "六、其他需要报告的事项")
    assert _under_section5(lines, (0, 3)) == ([], [])
    assert asked == []  # (before: the sentence tokenized, to find it is no piece)


def test_a_piece_of_t4_after_the_heading_is_read(monkeypatch):
    asked = _tokenized(monkeypatch)
    lines = _lines(HEADING, "复议后起诉 3 1", "0 4", "", "本机关将进一步改进工作。", "六、其他需要报告的事项")
    after, foreign = _under_section5(lines, (0, 5))
    assert [t.value for t in after] == [3, 1, 0, 4] and foreign == []
    assert asked  # (its lines tokenized as before)


def test_prose_a_tag_may_blank_is_tokenized(monkeypatch):
    # an ideograph inside an HTML tag is blanked by tokenize: the line is looked at as before
    asked = _tokenized(monkeypatch)
    lines = _lines(HEADING, '<span title="说明">3 1</span>', "六、其他需要报告的事项")
    _under_section5(lines, (0, 2))
    assert asked == [(1, 2)]
