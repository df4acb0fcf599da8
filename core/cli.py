"""Command line: `extract` prints JSON Lines; `export` writes corrected data."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from core.export.report_json import report_json
from core.pipeline import load_report, report_files
from core.check.rules import check


def extract(targets: list[str]) -> int:
    out = sys.stdout
    for target in targets:
        if not Path(target).exists():
            out.write(json.dumps({"file": target, "problems": ["文件或文件夹不存在"]}, ensure_ascii=False) + "\n")
            continue
        for path in report_files(target):
            report = load_report(path)
            out.write(json.dumps(report_json(report, check(report)), ensure_ascii=False) + "\n")
            out.flush()
    return 0


def export(folder: str, to: str, db: str | None) -> int:
    from core.export.dispatch import export as export_reviews
    from core.review.store import ReviewStore, default_db_path

    store = ReviewStore(Path(db) if db else default_db_path())
    reviews = [store.review_for(load_report(p)) for p in report_files(folder)]
    written = export_reviews(reviews, Path(to))
    for path in written:
        print(path)
    return 0


def compare(targets: list[str], db: str | None) -> int:
    """Two files: one JSON object. Folders: every consecutive-year pair of one agency, JSON Lines."""
    from core.compare.comparison import Comparison, PairError
    from core.compare.pairing import consecutive_pairs

    missing = [t for t in targets if not Path(t).exists()]
    if missing:
        print(f"文件或文件夹不存在：{'、'.join(missing)}", file=sys.stderr)
        return 2
    store = None
    if db:
        from core.review.store import ReviewStore
        store = ReviewStore(Path(db))
    review = (lambda report: store.review_for(report)) if store else (lambda report: report)
    if len(targets) == 2 and all(Path(t).is_file() for t in targets):
        try:
            comparison = Comparison(*(review(load_report(t)) for t in targets))
        except PairError as error:
            print(error, file=sys.stderr)
            return 2
        sys.stdout.write(json.dumps(comparison.to_json(), ensure_ascii=False) + "\n")
        return 0
    reports = [review(load_report(p)) for t in targets for p in report_files(t)]
    report_of = lambda r: getattr(r, "report", r)  # noqa: E731 - a Report or a ReportReview
    pairs = consecutive_pairs(reports, lambda r: report_of(r).agency, lambda r: report_of(r).year)
    if not pairs:
        print("未找到同一单位相邻年度的两份报告", file=sys.stderr)
    for previous, current in pairs:
        try:
            comparison = Comparison(previous, current)
        except PairError as error:  # e.g. one year's tables could not be read
            print(error, file=sys.stderr)
            continue
        sys.stdout.write(json.dumps(comparison.to_json(), ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="main.py", description="政府信息公开工作年度报告审核工作台")
    sub = parser.add_subparsers(dest="command", required=True)
    p_extract = sub.add_parser("extract", help="解析报告，每份报告输出一行 JSON")
    p_extract.add_argument("targets", nargs="+")
    p_export = sub.add_parser("export", help="导出修正后的数据（.xlsx/.csv/.json，或文件夹→Word）")
    p_export.add_argument("folder")
    p_export.add_argument("--to", required=True)
    p_export.add_argument("--db", help="审核数据库（默认在用户数据目录）")
    p_compare = sub.add_parser("compare", help="比对同一单位两个年度的报告：两个文件输出一个 JSON；"
                                                "文件夹输出其中每一对相邻年度（JSON Lines）")
    p_compare.add_argument("targets", nargs="+", metavar="OLD_NEW_OR_FOLDER")
    p_compare.add_argument("--db", help="审核数据库：使用其中的修正值（默认不使用）")
    args = parser.parse_args(argv)
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    if args.command == "extract":
        return extract(args.targets)
    if args.command == "compare":
        return compare(args.targets, args.db)
    return export(args.folder, args.to, args.db)
