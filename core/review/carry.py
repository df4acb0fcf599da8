"""沿用以前的审核: the corrections and verdicts stored for a file while it held other content
(re-saved with other line ends, re-downloaded, replaced by the agency's new version), carried onto
the content it holds now. The store keys work by the bytes' hash, so that work no longer shows; the
auditor asks for it, and gets it as edits and verdicts of their own (one undo step in the GUI)."""
from __future__ import annotations

from typing import NamedTuple, Optional

from core.model import Finding
from core.review.edits import (CLEARED, CellEdit, ReportReview, Value, Verdict, changes_value, finding_key,
                               has_lapsed, same_value)
from core.template import all_paths


class Standing(NamedTuple):
    """A cell the auditor left set: its value, and the note of the edit that set it."""
    value: Value
    note: str


def standing_edits(edits: list[CellEdit]) -> dict[str, Standing]:
    """The cells a trail leaves set by the auditor, in the order first edited: left at another
    value than the first edit found (a correction), or at that value by an edit that kept it and
    was not undone since (确认原值: a value in doubt typed again unchanged)."""
    first: dict[str, Value] = {}
    last: dict[str, Value] = {}
    standing: dict[str, list[CellEdit]] = {}  # per cell, its edits not undone (an undo takes the last back)
    for edit in edits:
        first.setdefault(edit.cell, edit.old)
        last[edit.cell] = edit.new
        stack = standing.setdefault(edit.cell, [])
        if not edit.undo:
            stack.append(edit)
        elif stack:
            stack.pop()
    result = {}
    for cell, value in last.items():
        kept = [e for e in standing[cell] if same_value(e.new, value)]
        if not same_value(first[cell], value) or any(not changes_value(e) for e in kept):
            result[cell] = Standing(value, kept[-1].note if kept else "")
    return result


def standing_verdicts(verdicts: list[Verdict], edits: Optional[list[CellEdit]] = None) -> list[Verdict]:
    """The verdicts a trail leaves standing: each finding's last, unless it was taken back, or,
    given ``edits`` (the same report's edit trail), lapsed (a cell of it edited since)."""
    last: dict[tuple, Verdict] = {}
    for verdict in verdicts:
        last[verdict.key] = verdict
    return [v for v in last.values() if v.verdict != CLEARED and not (edits is not None and has_lapsed(v, edits))]


def carried_edits(review: ReportReview, earlier: list[CellEdit]) -> list[CellEdit]:
    """The edits that set ``review``'s cells as the ``earlier`` trail (of the file's other content)
    left them: a correction whose cell holds another value now, a confirmation whose cell is still
    in doubt. Cells the template of ``review`` lacks, or that already hold the value (the agency
    fixed it), are left alone."""
    paths = set(all_paths(review.report.template))
    edits = []
    for cell, (value, note) in standing_edits(earlier).items():
        if cell not in paths:
            continue
        edit: Optional[CellEdit] = review.edit_for(cell, value, note) or review.confirmation_for(cell, value)
        if edit is not None:
            edits.append(edit)
    return edits


def carried_verdicts(review: ReportReview, findings: list[Finding], earlier: list[Verdict],
                     earlier_edits: Optional[list[CellEdit]] = None) -> list[tuple[Finding, Verdict]]:
    """The ``earlier`` trail's standing verdicts on findings the content holds now (same rule,
    same cells; ``findings`` checked after ``carried_edits``), each with its finding: a finding the
    new content no longer has, or one with a verdict already, is left alone, and so is a verdict
    lapsed on the earlier content (``earlier_edits``: its edit trail)."""
    by_key = {finding_key(finding): finding for finding in findings}
    carried = []
    for verdict in standing_verdicts(earlier, earlier_edits):
        finding = by_key.get(verdict.key)
        if finding is not None and review.verdict_of(finding) is None:
            carried.append((finding, verdict))
    return carried
