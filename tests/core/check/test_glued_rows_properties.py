"""Random consistent 表三 tables glued as docx2txt prints them (a row's cells run together, a
zero printed as 0, as nothing, or as a placeholder), one slip of the hand planted or none: the
value core.check.glued_rows suggests for a row no cut makes add up is the cell's true value, and a
table printed as it is gets no such suggestion. The rest of the report is a committed zoo output."""
from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from bench.glued_suggestions import BASE, GROUPS, HEAD, OUTER  # the tables the bench script glues, the same way
from core.check.glued_rows import glued_row_suggestion
from core.model import GLUED_NO_CUT
from core.pipeline import load_report
from core.template import tables

count = st.one_of(st.just(0), st.just(0), st.integers(1, 9), st.integers(10, 99), st.integers(100, 2000))


@st.composite
def tables_glued(draw, slip: bool):
    version = draw(st.sampled_from(["2021", "2019"]))
    table = tables(version)["section3"]
    keys = [row.key for row in table.rows]
    results = [k for k in keys if k not in OUTER]
    values = {k: [0] * 7 for k in keys}
    used = [True] + [draw(st.booleans()) for _ in range(5)]  # (most reports' 法人 columns are mostly 0)
    for k in results:
        values[k][:6] = [draw(count) if used[c] else 0 for c in range(6)]
    for c in range(6):
        values["total"][c] = sum(values[k][c] for k in results)
        values["carried_forward"][c] = draw(count) if used[c] else 0
        went = values["total"][c] + values["carried_forward"][c]
        values["carried_over"][c] = draw(st.one_of(st.just(0), st.integers(0, went)))
        values["new"][c] = went - values["carried_over"][c]
    for k in keys:
        values[k][6] = sum(values[k][:6])
    printed = {k: [str(v) for v in values[k]] for k in keys}
    if slip:
        key, c = draw(st.sampled_from(keys)), draw(st.integers(0, 6))
        text = printed[key][c]
        kind = draw(st.sampled_from(["plus_one", "minus_one", "drop", "swap"] + (["other_total"] if c == 6 else [])))
        at = draw(st.integers(0, len(text) - 1))
        if kind == "plus_one":
            text = str(int(text) + 1)
        elif kind == "minus_one" and text != "0":
            text = str(int(text) - 1)
        elif kind == "drop" and len(text) > 1 and (at > 0 or text[1] != "0"):
            text = text[:at] + text[at + 1:]
        elif kind == "swap" and at + 1 < len(text) and text[at] != text[at + 1] and (at > 0 or text[1] != "0"):
            text = text[:at] + text[at + 1] + text[at] + text[at + 2:]
        elif kind == "other_total":
            text = str(draw(st.integers(0, 3 * values[key][6] + 10).filter(lambda n: n != values[key][6])))
        printed[key][c] = text
    zero = draw(st.sampled_from(["0", "", "-", "--", "mixed"]))
    body = HEAD
    for row in table.rows:
        if row.key in GROUPS and not (version == "2019" and row.key == "other_no_correction"):
            body += GROUPS[row.key] + "\n"
        cells = [p if p != "0" else draw(st.sampled_from(["0", "", "-", "--"])) if zero == "mixed" else zero
                 for p in printed[row.key]]
        body += row.label + "\n" + "".join(cells) + draw(st.sampled_from(["", "\n\n"]))  # glued to the next label, or not
    base = BASE[version].read_text(encoding="utf-8")
    text = base[:base.index("三、收到和处理政府信息公开申请情况")] + body + "\n" + base[base.index("四、政府信息公开行政复议"):]
    truth = {f"section3.{k}.{col.key}": values[k][n] for k in keys for n, col in enumerate(table.rows[0].columns)}
    return text, truth


def _glued_suggestions(text: str, tmp_path: Path) -> list:
    path = tmp_path / "report.docx2txt.txt"
    path.write_text(text, encoding="utf-8")
    report = load_report(path)
    flagged = {f.cell.split(".")[1] for f in report.flags if GLUED_NO_CUT in f.causes}
    return [s for s in (glued_row_suggestion(report, key) for key in sorted(flagged)) if s]


_SETTINGS = settings(max_examples=40, deadline=None, derandomize=True,
                     suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@_SETTINGS
@given(tables_glued(slip=True))
def test_a_suggested_value_is_the_true_value(tmp_path, case):
    text, truth = case
    for suggestion in _glued_suggestions(text, tmp_path):
        assert suggestion.value == truth[suggestion.cell], suggestion


@_SETTINGS
@given(tables_glued(slip=False))
def test_a_table_printed_as_it_is_gets_no_suggestion(tmp_path, case):
    text, _ = case
    assert _glued_suggestions(text, tmp_path) == []
