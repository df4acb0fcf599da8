"""labels._hits finds each row's keywords by one pattern a row and its label's starts in a set:
the rows it names for a run are those the plain reading names (each keyword found by str.find,
the label's start by startswith), kept here as its oracle. A row named wrongly reads a table's
values into another row's cells."""
from __future__ import annotations

import re

import pytest

from core.parse import labels
from core.template import tables


def _hits_by_find(matchers, run: str, next_row: int) -> tuple[int, ...]:
    """labels._hits as it read before the patterns: every keyword found by str.find."""
    text, bare = labels.label_forms(run)
    prefix = len(bare) >= labels._PREFIX_MIN
    numbered = ((labels._INNER_OWN_NUMBER.search(run) if labels._DIGIT_MARK.search(run, 1) else None)
                or labels._OWN_NUMBER.match(run)) if not prefix and len(bare) >= labels._NUMBERED_PREFIX_MIN else None
    own_number = numbered.group(1) if numbered else None
    in_group = labels._GROUP_NUMBER_IN_RUN.search(run) if "）" in run or ")" in run else None
    group_words = labels.LABEL_NOISE.sub("", run[in_group.end():]) if in_group else ""
    hits = []
    for r in range(next_row, min(len(matchers), next_row + labels.MAX_SKIP + 1)):
        keywords, official, head, number = matchers[r][:4]
        if keywords is None:
            if "其他" not in run and "其它" not in run:
                continue
            alone = labels.NUMBERING.sub("", run).strip(" .、")
            if run[:1] in labels._OTHER_GROUP_LETTERS and run[1:2].isdigit():
                alone = labels.NUMBERING.sub("", run[1:]).strip(" .、")
            if alone[:2] in ("其他", "其它") and alone[2:] in labels._UNIT_CELLS and next_row >= r - 2 \
                    and not labels._GROUP_NUMBER.match(run):
                hits.append((len(text), r))
            continue
        starts = [at for at in map(text.find, keywords) if at >= 0]
        if starts:
            hits.append((min(starts), r))
        elif prefix and (official.startswith(bare) or bare.startswith(official[:8])):
            hits.append((0, r))
        elif own_number == number and official.startswith(bare):
            hits.append((0, r))
        elif in_group and number == f"（{in_group.group(1)}）" and number not in labels._GROUP_LABEL_NUMBERS \
                and official.startswith(group_words) \
                and (group_words or r == next_row and len(official) > labels._PREFIX_MIN):
            hits.append((in_group.start(), r))
    return tuple(r for _, r in sorted(hits))


def _runs(table) -> list[str]:
    """Runs as reports print a table's labels: whole, renumbered (「1、」「1.」), cut where a narrow
    column wraps, two labels run together, a header's words, prose."""
    runs = ["申请人情况", "自然人", "商业企业", "总计", "社会公益组织", "本机关", "（七）总计", "(二)", "（六）其他",
            "其他", "理3.其他", "3.其他件", "其他项目", "年度办(二)部", "收到和处理政府信息公开申请情况", "单位：件"]
    for row in table.rows:
        label = row.label
        flat = re.sub(r"^[（(]?[0-9一二三四五六七八九十]{1,2}[)）.、]", "", label)
        runs += [label, flat, f"1、{flat}", f"8.{flat}", label[:7], label[3:12], flat[:5], flat[:4], flat[2:],
                 f"{flat} 0", label + table.rows[0].label]
    return runs


@pytest.mark.parametrize("version", ["2021", "2019"])
@pytest.mark.parametrize("section", ["section2", "section3"])
def test_each_run_names_the_rows_the_plain_reading_names(version, section):
    table = tables(version)[section]
    matchers, _ = labels.row_matchers(table)
    runs = _runs(table)
    named = 0
    for run in runs:
        for next_row in range(len(table.rows)):
            expected = _hits_by_find(matchers, run, next_row)
            assert labels._hits(matchers, run, next_row) == expected, (run, next_row)
            named += bool(expected)
    assert named > len(table.rows)  # (the runs name rows: the comparison is not of empty answers alone)
