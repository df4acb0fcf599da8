"""The machine-readable shape of a report (../shared/spec/OUTPUT.md)."""
from __future__ import annotations

import math
from typing import Iterable, Optional

from core.model import Finding, Report
from core.template import tables


def tables_json(report: Report) -> dict:
    """section2/section3/section4 as nested dicts; blank, '/' and missing print as null."""
    out: dict = {}
    for section, table in tables(report.template).items():
        out[section] = {
            row.key: {col.key: report.value(f"{section}.{row.key}.{col.key}") for col in row.columns}
            for row in table.rows
        }
    return out


def report_json(report: Report, findings: Optional[Iterable[Finding]] = None) -> dict:
    out: dict[str, object] = {
        "file": report.file,
        "format": report.format,
        "encoding": report.encoding,
        "agency": report.agency,
        "year": report.year,
        "template": report.template,
    }
    out.update(tables_json(report))
    out["flags"] = [f.to_json() for f in report.flags] + unread_sections(report)
    out["findings"] = [f.to_json() for f in (findings or [])]
    out["problems"] = list(report.problems)
    return finite(out)


def unread_sections(report: Report) -> list[dict]:
    """A flag for each section of a file none of whose tables could be read (a scanned PDF, a garbled
    text, a damaged file, a text holding no report): its cells print as null, and null is no reading
    of them — OUTPUT.md lists a cell the parser could not read in `flags`, and a flag on a section
    covers its every cell. None for a file a table of which was read (a missing one is flagged by the
    parser), nor for a blank template (its tables read, holding nothing)."""
    if report.tables or not report.problems:
        return []
    flagged = {flag.cell for flag in report.flags}
    why = report.problems[-1]  # (the parser's conclusion, or the reader's one problem)
    return [{"cell": section, "kind": "missing", "message": f"未能读出统计表：{why}"}
            for section in ("section2", "section3", "section4") if section not in flagged]


def finite(value):
    """The same JSON data with any infinite or NaN number as null: the output is always valid
    JSON (json.dumps(..., allow_nan=False) succeeds), whatever a value turned out to be."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: finite(item) for key, item in value.items()}
    if isinstance(value, list):
        return [finite(item) for item in value]
    return value
