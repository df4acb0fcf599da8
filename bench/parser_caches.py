"""The parser's caches that a report's own text fills, for benches that measure a report met for the
first time (count_instructions.py --cold, slowest_reports.py)."""
from __future__ import annotations


def forget_documents() -> None:
    """Empty the parser's caches keyed by what a report prints (its digit runs, cell texts, lines
    and label runs), as a session has them before it opens a report it has not read. Kept: the
    caches keyed by the template (its version, tables, rows and equations) or by a few small
    counts (column and row counts: arrangements, compositions, placements), which the first report
    of a session fills once for all; the imports and compiled patterns stay warm too."""
    from core.parse import columns, glued, labels, memo, reconcile
    for cached in (glued._adding_to, glued._last_digit_sums, glued._sum_residues, glued._digit_sum,
                   glued._group_adds_up, glued.completes, glued.row_completes, glued._fits,
                   labels.label_forms, columns.display_width, columns._line_candidates, reconcile._span_sums):
        cached.cache_clear()
    memo.forget_documents()  # (labels' and t3_anchored's memos by table: emptied, the table's own part kept)
