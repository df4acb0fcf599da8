"""The 汇总 export: every report of the folder in wide form (one row each, one column per template
cell, current values), and the totals per year. Built on the folder's DataFrame (core/compare/frame.py).
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Optional

import pandas as pd
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from core.compare.frame import INFO_LABELS, cell_columns, cell_label, folder_frame, totals_per_year
from core.export.common import atomic_write
from core.model import Finding
from core.review.edits import ReportReview
from core.template import TEMPLATE_NAMES

WIDE, TOTALS = "汇总", "年度合计"
LEFT_OUT = "未计入（同一单位同一年度的另一份报告）"
_HEADER_FILL = PatternFill("solid", fgColor="E7E6E6")
_SHOWN_INFO = ["file", "agency", "year", "template", "status", "errors", "warnings", "doubts", "problems"]


def summary_frames(reviews: Iterable[ReportReview],
                   findings_of: Optional[Callable[[ReportReview], list[Finding]]] = None
                   ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(wide, totals) with Chinese column titles, as written to the two sheets."""
    frame = folder_frame(reviews, findings_of)
    labels = {p: cell_label(p) for p in cell_columns()}
    wide = frame[_SHOWN_INFO + cell_columns()].rename(columns={**INFO_LABELS, **labels})
    # the template as the report list and the 审核结果 workbook name it (2021版, not 2021)
    template = INFO_LABELS["template"]
    wide[template] = wide[template].map(lambda name: TEMPLATE_NAMES.get(name, name))
    totals = totals_per_year(frame).reset_index().rename(
        columns={"year": "年度", "reports": "报告数", "left_out": LEFT_OUT, **labels})
    return wide, totals


def write_summary(reviews: Iterable[ReportReview], target: Path,
                  findings_of: Optional[Callable[[ReportReview], list[Finding]]] = None) -> None:
    wide, totals = summary_frames(reviews, findings_of)

    def write(path: Path) -> None:
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            for name, frame, fixed in ((WIDE, wide, 3), (TOTALS, totals, 2)):
                frame.to_excel(writer, sheet_name=name, index=False)
                sheet = writer.sheets[name]
                for cell in sheet[1]:
                    cell.font = Font(bold=True)
                    cell.fill = _HEADER_FILL
                for column in range(1, sheet.max_column + 1):
                    sheet.column_dimensions[get_column_letter(column)].width = 40 if column == 1 and name == WIDE \
                        else 14
                sheet.freeze_panes = sheet.cell(2, fixed + 1)

    atomic_write(Path(target), write)
