"""The parser's flags as the auditor reads them: one 存疑 entry per table row.

A row the text prints nothing beside has a flag of its own and one flag for each of its cells
that the equations filled in ("按勾稽关系推定为0"); listed flag by flag, three such rows made 24
entries in the 问题清单 that all said one thing. The flags themselves stay one per cell (the
export's ``flags`` and each cell's tooltip read them); the 问题清单 and its 存疑 count read
their groups: every flag of one row in one entry naming its cells, a flag on a whole table or
the whole text an entry of its own.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Optional

from core.model import Flag, closing_of, number_text, without_closing
from core.template import column_of, describe, tables


@dataclass(frozen=True)
class FlagGroup:
    """The flags of one row (or of a table, or the whole text), as one entry."""
    row: str  # the row's path ("section3.granted"), or the table's ("section4"), or "document"
    flags: tuple[Flag, ...]
    message: str  # what the entry says, naming the row and its cells

    @property
    def cells(self) -> list[str]:
        """The paths the flags are on (a row's own path first when it has a flag)."""
        return list(dict.fromkeys(f.cell for f in sorted(self.flags, key=lambda f: f.cell.count("."))))


def row_of(path: str) -> str:
    """The row a flag is on ("section3.granted" for a cell or the row), or the path itself for a
    table or the whole text."""
    parts = path.split(".")
    return ".".join(parts[:2]) if len(parts) >= 2 else path


def count_groups(flags: list[Flag]) -> int:
    """``len(group_flags(template, flags))`` without the entries' messages (the report list's
    存疑 count of every report: building the messages was two thirds of a report's row)."""
    return len({row_of(flag.cell) for flag in flags})


def group_flags(template: str, flags: list[Flag]) -> list[FlagGroup]:
    """The flags by row, in the order their first flag came."""
    by_row: dict[str, list[Flag]] = {}
    for flag in flags:
        by_row.setdefault(row_of(flag.cell), []).append(flag)
    return [FlagGroup(row, tuple(row_flags), _message(template, row, row_flags)) for row, row_flags in by_row.items()]


def _message(template: str, row: str, flags: list[Flag]) -> str:
    """The row's own flags' messages, then what its cells' flags say, each message once with the
    cells it is about: 「（一）予以公开」行未印出数值；全行7格：未能从原文读出，按勾稽关系推定为0，请对照原文核对."""
    own = _said_once(template, row, list(dict.fromkeys(f.message for f in flags if f.cell.count(".") < 2)))
    by_stem: dict[str, dict[str, Optional[str]]] = {}  # message less its value -> cell -> value
    for flag in flags:
        if flag.cell.count(".") >= 2:
            stem, value = _stem_and_value(flag)
            by_stem.setdefault(stem, {}).setdefault(flag.cell, value)
    if not own and len(by_stem) == 1 and len(cells := next(iter(by_stem.values()))) == 1:
        cell, value = next(iter(cells.items()))
        return _named(template, cell, next(iter(by_stem)) + (value or ""))  # one cell, as the parser said it
    parts = [_cells_part(template, row, stem, values) for stem, values in by_stem.items()]
    if not own:
        return f"{_name(template, row)}的" + _joined(parts)
    return _named(template, row, _joined(own + parts))


def _joined(messages: list[str]) -> str:
    """The messages one after another, what they ask of the auditor said once at the end:
    「…」行未印出数值；全行7格：…推定为0，请对照原文核对 (the first said it before the second);
    messages asking different things each keep theirs."""
    closings = list(dict.fromkeys(c for c in map(closing_of, messages) if c))
    if len(closings) != 1:
        return "；".join(messages)
    return "；".join(map(without_closing, messages)) + "，" + closings[0]


def _said_once(template: str, row: str, messages: list[str]) -> list[str]:
    """The row's messages, its name said by the first one only: 「3.其他」行印有3个数值，模板为7列；
    只印有0和占位符… (the second said 「3.其他」行 again)."""
    name = _name(template, row)
    start, end = name.find("「"), name.find("」")
    if not 0 <= start < end:
        return messages
    said = name[start:end + 1] + "行"
    return messages[:1] + [m[len(said):].lstrip("：") if m.startswith(said) and len(m) > len(said) + 1 else m
                           for m in messages[1:]]


def _stem_and_value(flag: Flag) -> tuple[str, Optional[str]]:
    """The flag's message less the value it gives its cell (Flag.value), and that value as said:
    ("未能从原文读出，按勾稽关系推定为", "0"); the whole message and None for a flag without one."""
    if flag.value is not None:
        said = number_text(flag.value)
        if flag.message.endswith("为" + said):
            return flag.message[:-len(said)], said
    return flag.message, None


def _cells_part(template: str, row: str, stem: str, values: dict[str, Optional[str]]) -> str:
    """What one message says of the row's cells: 全行7格：…推定为0, or 自然人、总计（2格）…推定：
    自然人为5，总计为7 (the value most of them share said once, as 其余为0)."""
    cells = _in_column_order(template, list(values))
    labels = {p: _column_label(template, p) for p in cells}
    whole = len(cells) > 1 and set(cells) == set(_paths(template, row))
    who = f"全行{len(cells)}格" if whole else "、".join(labels.values()) + (f"（{len(cells)}格）" if len(cells) > 1 else "")
    shown = [values[p] for p in cells]
    if shown[0] is None or len(set(shown)) == 1:
        return f"{who}：{stem}{shown[0] or ''}"
    common, times = Counter(shown).most_common(1)[0]
    listed = [f"{labels[p]}为{values[p]}" for p in cells if times < 2 or values[p] != common]
    if times >= 2:
        listed.append(f"其余为{common}")
    return f"{who}{stem[:-1]}：{'，'.join(listed)}"


def _named(template: str, path: str, text: str) -> str:
    """The text with the row's (or cell's, table's) name before it; a text naming its row gets
    its table's name alone: 表三「（七）总计」行印有8个数值 (the parser's 「（七）总计」行… left the
    auditor to guess which of 表二, 表三 and 表四 it meant)."""
    name = _name(template, path)
    start, end = name.find("「"), name.find("」")
    if not 0 <= start < end:
        return text if text.startswith(name) else f"{name}：{text}"
    if name[start + 1:end] not in text:
        return f"{name}：{text}"
    table = name[:start]
    if not table or text.startswith(table):
        return text
    return table + text if text.startswith("「") else f"{table}：{text}"


def _name(template: str, path: str) -> str:
    try:
        return describe(template, path)
    except (KeyError, ValueError):
        return path


def _column_label(template: str, path: str) -> str:
    try:
        return column_of(template, path).label
    except (KeyError, ValueError):
        return path


def _in_column_order(template: str, cells: list[str]) -> list[str]:
    """The cells of one row in the table's column order (unknown paths last, as they came)."""
    def position(path: str) -> int:
        try:
            column = column_of(template, path)
        except (KeyError, ValueError):
            return 1 << 20
        return _columns(template, row_of(path)).index(column.key)
    return sorted(cells, key=position)


def _columns(template: str, row: str) -> list[str]:
    section, key = row.split(".")
    return [c.key for c in tables(template)[section].row(key).columns]


def _paths(template: str, row: str) -> list[str]:
    """The row's cell paths (none for a path that is no row of the template)."""
    try:
        return [f"{row}.{key}" for key in _columns(template, row)]
    except (KeyError, ValueError):
        return []
