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
    out["flags"] = [f.to_json() for f in report.flags]
    out["findings"] = [f.to_json() for f in (findings or [])]
    out["problems"] = list(report.problems)
    return finite(out)


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
