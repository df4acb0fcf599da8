"""表二's values printed inside section 三, before 表三's header.

Plain pdftotext prints the page's columns as blocks in turn, so 表二's last values (its 本年增/减
among them) may come after section 三's heading and the labels of 表三's first rows, before 表三's
header ("申请人情况"...). 表三 counts are never signed, so a signed number there proves that 表二
prints there, and 表三's own values after its header: the numbers before the header are no count
of 表三's (the sum of its counts leaves them out, whatever cells the rows read them into).
"""
from __future__ import annotations

from core.parse.tokens import NUM, TEXT, Token

# 表三's header: the words over its columns (not its note "勾稽关系", printed by its heading)
_HEADER = ("申请人情况", "自然人")


def t2_values(tokens: list[Token]) -> list[Token]:
    """The numbers of 表三's tokens printed before its header where one of them is signed."""
    header = next((i for i, t in enumerate(tokens) if t.kind == TEXT and any(w in t.text for w in _HEADER)), None)
    if header is None:
        return []
    if not any(t.kind == NUM and t.text[:1] in "+-" for t in tokens[:header]):
        return []
    return [t for t in tokens[:header] if t.kind == NUM]
