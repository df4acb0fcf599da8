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


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="main.py", description="政府信息公开工作年度报告审核工作台")
    sub = parser.add_subparsers(dest="command", required=True)
    p_extract = sub.add_parser("extract", help="解析报告，每份报告输出一行 JSON")
    p_extract.add_argument("targets", nargs="+")
    p_export = sub.add_parser("export", help="导出修正后的数据（.xlsx/.csv/.json，或文件夹→Word）")
    p_export.add_argument("folder")
    p_export.add_argument("--to", required=True)
    p_export.add_argument("--db", help="审核数据库（默认在用户数据目录）")
    args = parser.parse_args(argv)
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    if args.command == "extract":
        return extract(args.targets)
    return export(args.folder, args.to, args.db)
