"""The opened folder as a pandas DataFrame: one row per report, one column per template cell.

It stands behind the 年度对照 grid (agencies × years) and the 汇总 export. pandas is imported here
only, never by the readers or the parser: loading a folder does not pay for it.
"""
from __future__ import annotations

from typing import Callable, Iterable, Optional

import pandas as pd

from core.compare.pairing import normalise_agency
from core.compare.years import copy_rank
from core.model import Finding
from core.review.edits import ReportReview
from core.template import all_paths, describe

# "rank": which copy of a year filed twice stands for it (core.compare.years.copy_rank)
INFO_COLUMNS = ["file", "agency", "agency_key", "year", "template", "status", "errors", "warnings", "doubts",
                "problems", "rank"]
INFO_LABELS = {"file": "文件", "agency": "单位", "year": "年度", "template": "模板", "status": "状态",
               "errors": "错误", "warnings": "警告", "doubts": "存疑", "problems": "文件问题"}


def cell_columns() -> list[str]:
    """Every cell of both template versions: the 2021 cells in template order, then the 2019-only ones."""
    current = all_paths("2021")
    return current + [p for p in all_paths("2019") if p not in set(current)]


def cell_label(path: str) -> str:
    version = "2021" if path in set(all_paths("2021")) else "2019"
    label = describe(version, path)
    return label + ("（2019试行模板）" if version == "2019" else "")


def folder_frame(reviews: Iterable[ReportReview],
                 findings_of: Optional[Callable[[ReportReview], list[Finding]]] = None) -> pd.DataFrame:
    """One row per report with its current (corrected) values; cells a template lacks are NaN.
    ``findings_of`` gives a review's findings (default: run the checks)."""
    findings_of = findings_of or (lambda review: review.findings())
    columns = cell_columns()
    info, values = [], []
    for review in reviews:
        report = review.report
        findings = findings_of(review) if report.cells else []
        # as the report list counts: a dismissed error is handled, a doubt is 存疑 (with open flags)
        errors, warnings, doubts, _handled = review.counts(findings)
        info.append({"file": report.file, "agency": report.agency, "agency_key": normalise_agency(report.agency),
                     "year": report.year, "template": report.template, "status": review.status,
                     "errors": errors, "warnings": warnings, "doubts": doubts,
                     "problems": "；".join(report.problems), "rank": copy_rank(review)})
        paths = set(all_paths(report.template)) if report.cells else set()
        values.append([review.value(p) if p in paths else None for p in columns])
    info_frame = pd.DataFrame(info, columns=INFO_COLUMNS)
    info_frame["year"] = info_frame["year"].astype("Int64")
    cells = pd.DataFrame(values, columns=columns, dtype=object).apply(pd.to_numeric, errors="coerce")
    return pd.concat([info_frame, cells], axis=1)


def refresh_rows(frame: pd.DataFrame, changed: dict[int, ReportReview],
                 findings_of: Optional[Callable[[ReportReview], list[Finding]]] = None) -> None:
    """Rows of ``frame`` (``folder_frame``'s) computed again in place, ``changed`` mapping a row
    number to its report: an edit, its undo, a verdict or the 已审核 mark changes that report's
    values, counts and rank, not the folder's other rows. Building the whole frame again costs
    every report's every cell; a view standing on the frame keeps its rows and their order."""
    if not changed:
        return
    fresh = folder_frame(list(changed.values()), findings_of)
    fresh.index = list(changed.keys())
    for column in fresh.columns:
        old, new = frame[column].dtype, fresh[column].dtype
        if old != new:  # an int column taking a blank, or a float column a whole number
            both_numeric = pd.api.types.is_numeric_dtype(old) and pd.api.types.is_numeric_dtype(new)
            frame[column] = frame[column].astype("float64" if both_numeric else object)
    frame.loc[fresh.index, list(fresh.columns)] = fresh


def yearly_grid(frame: pd.DataFrame) -> pd.DataFrame:
    """Agencies × years: the row numbers (in ``frame``) of each agency's report of each year.
    Index: the agency as first printed; a missing year is an empty list."""
    known = frame[(frame["agency_key"] != "") & frame["year"].notna()]
    if known.empty:
        return pd.DataFrame()
    names = known.groupby("agency_key", sort=False)["agency"].first()
    years = list(range(int(known["year"].min()), int(known["year"].max()) + 1))
    rows = {key: [int(i) for i in index] for key, index in known.groupby(["agency_key", "year"]).groups.items()}
    order = sorted(names.index, key=lambda key: names[key])
    grid = {year: [rows.get((key, year), []) for key in order] for year in years}
    return pd.DataFrame(grid, index=[names[key] for key in order])


def standing_row(frame: pd.DataFrame, rows: list[int]) -> int:
    """Of ``rows`` (copies of one agency's year, in the folder's order): the one that stands for
    the year, as the cross-year links pair it (core.compare.years.copy_rank)."""
    return min(rows, key=lambda row: int(frame.at[row, "rank"]))  # (min keeps the first of equals)


def copy_differences(frame: pd.DataFrame, rows: list[int]) -> list[tuple[str, list[Optional[float]]]]:
    """The cells whose values differ among ``rows`` of ``frame`` (copies of one agency's year: a
    .doc beside its .pdf, a re-download): (cell, its value in each row, None for blank), in
    template order. A blank beside a 0 is no difference (the template's blank means 0, and
    converters drop or keep blank cells as they please: one report through six of them differed in
    ~100 cells that way, hiding the one number that differed); a blank beside another number is."""
    if len(rows) < 2:
        return []
    part = frame.loc[rows, cell_columns()]
    # a cell differs where a copy's value is not the first's: one array comparison (the columns'
    # nunique, one pandas call a column, took ~0.2 s a year filed twice as 年度对照 opened)
    values = part.fillna(0).to_numpy(dtype=float)
    differing = part.columns[(values != values[0]).any(axis=0)]
    return [(str(column), [None if pd.isna(v) else float(v) for v in part[column]]) for column in differing]


def totals_per_year(frame: pd.DataFrame) -> pd.DataFrame:
    """Per year: how many reports, and the sum of every cell over them (blank cells count 0).

    An agency's report of a year counts once: a folder often holds it twice (.doc and .pdf, a
    re-download). The one counted is the copy that stands for the year, as the cross-year checks
    pair it and 年度对照 shows it (core.compare.years.copy_rank): one whose tables were read, the
    one the auditor reviewed (marked, corrected, a verdict given), else the first.
    "left_out" names the files not counted (blank when none)."""
    columns = cell_columns()
    ranked, again = _ranked_copies(frame)
    counted = ranked[~again].sort_index()
    sums = counted.groupby("year")[columns].sum(min_count=1)
    totals = pd.concat([counted.groupby("year").size().rename("reports"), sums], axis=1)
    left_out = ranked[again].sort_index().groupby("year")["file"].agg("、".join)
    totals.insert(1, "left_out", left_out.reindex(totals.index).fillna(""))
    return totals


def _ranked_copies(frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series]:
    """The dated rows, the copy that stands for each agency's year first (core.compare.years.
    copy_rank; folder order otherwise), and which of them are another copy of a year (not counted)."""
    dated = frame[frame["year"].notna()]
    ranked = dated.loc[dated["rank"].sort_values(kind="stable").index]  # stable: folder order otherwise
    return ranked, (ranked["agency_key"] != "") & ranked.duplicated(["agency_key", "year"], keep="first")


def left_out_copies(frame: pd.DataFrame) -> pd.DataFrame:
    """The copies ``totals_per_year`` does not count, one row each, by year then folder order:
    year, agency, file, and "counted", the file of the copy counted for that agency's year."""
    ranked, again = _ranked_copies(frame)
    standing = ranked[~again & (ranked["agency_key"] != "")].set_index(["agency_key", "year"])["file"]
    copies = ranked[again].sort_index()
    copies = copies.loc[copies["year"].sort_values(kind="stable").index]
    counted = [standing.get((key, year), "") for key, year in zip(copies["agency_key"], copies["year"])]
    return pd.DataFrame({"year": copies["year"].to_numpy(), "agency": copies["agency"].to_numpy(),
                         "file": copies["file"].to_numpy(), "counted": counted})
