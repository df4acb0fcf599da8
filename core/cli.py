"""Command line: ``extract`` prints JSON Lines; ``export`` writes corrected data.

Exit codes: 0 done; 1 a path that does not exist (reported after the other files are processed)
or an export that could not be written; 2 a usage error (unknown command or option, an
unsupported export format).

Each sub-command is an ``add_<name>(commands)`` function that declares its arguments (in Chinese,
for ``--help``) and sets its handler, ``handler(args) -> exit code``: adding one is a new pair of
functions and a line in ``SUBCOMMANDS``. Heavy modules are imported inside the handlers, so that
main.py can ask ``is_command`` without loading the parser.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import sys
import unicodedata
from pathlib import Path

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
PROG = "main.py"  # from source; a frozen build calls itself by its executable's name
MISSING_PROBLEM = "文件或文件夹不存在"
EXPORT_SUFFIXES = (".xlsx", ".csv", ".json")
EXPORT_DEFAULT_STEM = "年度报告审核结果"  # the window's default export name too (gui.strings.EXPORT_DEFAULT_NAME)


# --- a parser that speaks Chinese -----------------------------------------------------------

class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


# argparse's own messages (Python 3.10–3.12), in Chinese; anything else keeps a Chinese prefix.
_MESSAGES = [
    (r"the following arguments are required: (.*)", "缺少必需的参数：{0}"),
    (r"unrecognized arguments: (.*)", "无法识别的参数：{0}"),
    (r"argument (.*?): invalid choice: '?(.*?)'? \(choose from (.*)\)", "未知{0}“{1}”（可用：{2}）"),
    (r"argument (.*?): expected one argument", "参数 {0} 需要一个值"),
    (r"argument (.*?): expected at least one argument", "参数 {0} 至少需要一个值"),
    (r"ambiguous option: (.*?) could match (.*)", "选项 {0} 有歧义，可能是：{1}"),
    (r"argument (.*?): ignored explicit argument '?(.*?)'?", "参数 {0} 不接受值“{1}”"),
]


def _in_chinese(message: str) -> str:
    for pattern, template in _MESSAGES:
        m = re.fullmatch(pattern, message)
        if m:
            return template.format(*(g.replace("'", "").replace(", ", "、") for g in m.groups()))
    return f"参数有误（{message}）"


class ChineseArgumentParser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="显示本帮助并退出")

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}：错误：{_in_chinese(message)}\n")


def program_name() -> str:
    """What the user typed to run this: main.py from source, the executable's file name
    (GongkaiShenhe, GongkaiShenhe-cli.exe) in a frozen build, which has no main.py and no Python."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).name
    return PROG


def _fail(message: str, code: int = EXIT_FAILED) -> int:
    print(f"{program_name()}：错误：{message}", file=sys.stderr)
    return code


NO_REPORT_FILES = "没有找到报告文件：{target}"
NOT_READ_NOTE = "另有 {count} 个文件不是可读取的报告格式（可读取 Word、WPS、RTF、ODT、PDF、网页和文本），未读取、未核对：{names}"


def _report_files(target, not_read: list[str], say_none: bool = True) -> list[Path]:
    """The report files of ``target`` (core.pipeline.report_files); the files of a folder left out
    for their format (an OFD, a scan as .jpg, a .zip) are added to ``not_read``: the window lists
    them, the command line said nothing of them, nor of a folder holding no report at all."""
    from core.pipeline import report_paths
    files = [Path(p) for p in report_paths(target, not_reports=not_read)]
    if not files and say_none:
        _note(NO_REPORT_FILES.format(target=target))
    return files


WORD_LEFT_OUT_NOTE = "{count} 份报告未导出为 Word 文件，原因见：{note}"


def _say_not_read(not_read: list[str], most: int = 10) -> None:
    if not_read:
        names = "、".join(not_read[:most]) + (f"……等共 {len(not_read)} 个" if len(not_read) > most else "")
        _note(NOT_READ_NOTE.format(count=len(not_read), names=names))


def _note(message: str) -> None:
    print(f"{program_name()}：注意：{message}", file=sys.stderr)


# --- extract --------------------------------------------------------------------------------

def add_extract(commands) -> None:
    p = commands.add_parser(
        "extract", help="解析报告，每份报告输出一行 JSON",
        description="解析报告文件（或文件夹中的全部报告），每份报告向标准输出写一行 JSON（JSON Lines，UTF-8）。\n"
                    "读不了的文件也输出一行，problems 中写明原因；不存在的路径在其余文件处理完后以退出码 1 报告。")
    p.add_argument("targets", nargs="+", metavar="文件或文件夹", help="报告文件，或包含报告的文件夹（递归查找）")
    p.set_defaults(handler=run_extract)


def run_extract(args) -> int:
    from core.export.report_json import report_json
    from core.pipeline import check_report, load_report

    missing: list[str] = []
    not_read: list[str] = []
    for target in args.targets:
        if not os.path.lexists(target):
            missing.append(target)
            _write_json_line({"file": target, "problems": [MISSING_PROBLEM]})
            continue
        for path in _report_files(target, not_read):
            try:
                report = load_report(path)
                line = report_json(report, check_report(report))
            except Exception as exc:  # one file's failure is that file's problem, never the batch's
                line = {"file": str(path), "problems": [f"处理文件时出现内部错误（{type(exc).__name__}）"]}
            _write_json_line(line)
    _say_not_read(not_read)
    for target in missing:
        _fail(f"{MISSING_PROBLEM}：{target}")
    return EXIT_FAILED if missing else EXIT_OK


def _write_json_line(data: dict) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, allow_nan=False) + "\n")
    sys.stdout.flush()


# --- export ---------------------------------------------------------------------------------

def add_export(commands) -> None:
    p = commands.add_parser(
        "export", help="导出修正后的数据（.xlsx/.csv/.json，或文件夹→Word）",
        description="按审核数据库中的修改导出文件夹中全部报告的数据。\n"
                    "目标以 .xlsx、.csv、.json 结尾时写一个文件；目标是文件夹（已存在、以斜杠结尾或没有扩展名）时，"
                    "每份报告写一个 Word 文件。从不覆盖原始报告。")
    p.add_argument("folder", metavar="文件夹", help="报告所在的文件夹（或单个报告文件）")
    p.add_argument("--to", required=True, metavar="目标", help="导出到：结果.xlsx、结果.csv、结果.json 或一个文件夹")
    p.add_argument("--db", metavar="数据库", help="审核数据库（默认与窗口相同：环境变量 GONGKAI_DB，或用户数据目录中的）")
    p.set_defaults(handler=run_export)


def run_export(args) -> int:
    target = _export_target(args.to)
    if not _is_export_target(target):
        return _fail(f"不支持的导出格式“{Path(target).suffix}”：请使用 .xlsx、.csv、.json 文件或一个文件夹",
                     EXIT_USAGE)
    if not os.path.exists(args.folder):
        return _fail(f"{MISSING_PROBLEM}：{args.folder}")

    from core.export.dispatch import export as export_reviews
    from core.pipeline import load_report
    from core.review.store import ReviewStore, review_db_path, store_error_text

    not_read: list[str] = []
    files = _report_files(args.folder, not_read, say_none=False)
    _say_not_read(not_read)
    if not files:  # (the window refuses too: 没有可导出的报告) an empty workbook, said to be written
        return _fail(f"没有可导出的报告：{args.folder}")
    try:
        with ReviewStore(review_db_path(args.db)) as store:
            reviews = [store.review_for(load_report(path)) for path in files]
        written = export_reviews(reviews, Path(target))
    except ValueError as exc:  # the export's own Chinese refusals (onto a source file, ...)
        return _fail(f"导出失败：{exc}")
    except OSError as exc:
        return _fail(f"导出失败：{os_error_text(exc)}")
    except sqlite3.Error as exc:
        return _fail(f"无法打开审核数据库：{store_error_text(exc)}")
    for path in written.paths:
        print(path)
    if written.left_out:  # (the note's path alone, among the Word files, read as one more report's)
        _note(WORD_LEFT_OUT_NOTE.format(count=len(written.left_out), note=written.note))
    return EXIT_OK


def _export_target(target: str) -> str:
    """The target as the window names it: a name that is only a suffix (``out/.xlsx``) gets the
    default name before it (as gui.exporter.file_to_write does for the window's save dialog)."""
    from core.export.common import named_if_only_suffix
    return named_if_only_suffix(target, EXPORT_SUFFIXES, EXPORT_DEFAULT_STEM)


def _is_export_target(target: str) -> bool:
    suffix = Path(target).suffix.lower()
    return suffix in EXPORT_SUFFIXES or suffix == "" or target.endswith(("/", "\\")) or os.path.isdir(target)


_OS_ERRORS = {"EACCES": "没有写入权限", "EPERM": "没有写入权限", "EROFS": "磁盘或文件夹为只读",
              "ENOSPC": "磁盘空间不足", "ENOENT": "路径不存在", "ENOTDIR": "路径中有一段不是文件夹",
              "EEXIST": "已存在同名文件", "EISDIR": "这是一个文件夹",
              "ENAMETOOLONG": "文件名或路径太长，请换一个短一些的名字或文件夹"}


def os_error_text(exc: OSError) -> str:
    """An operating-system error as a Chinese sentence (the messages raised in Chinese as they are)."""
    def chinese(text: str) -> bool:
        return any("\u4e00" <= ch <= "\u9fff" for ch in text)

    if not exc.strerror and chinese(str(exc)):  # raised in Chinese by the program itself
        return str(exc)
    if exc.strerror and chinese(exc.strerror):  # a Chinese Windows' own words ([WinError 32] ...)
        reason = exc.strerror.rstrip("。")
    else:  # judged by the reason only: the file's name may well be Chinese
        import errno
        reason = _OS_ERRORS.get(errno.errorcode.get(exc.errno or 0, ""), f"系统错误（{exc.strerror or type(exc).__name__}）")
    return f"无法写入“{exc.filename}”：{reason}" if exc.filename else reason


# --- compare --------------------------------------------------------------------------------

def add_compare(commands) -> None:
    p = commands.add_parser(
        "compare", help="比对同一单位两个年度的报告",
        description="比对同一单位相邻两个年度的报告。\n"
                    "给出两个文件：输出一个 JSON 对象；给出文件夹：输出其中每一对相邻年度（JSON Lines）。\n"
                    "两份报告不是同一单位或同一年度时拒绝比对，以退出码 1 说明原因。")
    p.add_argument("targets", nargs="+", metavar="文件或文件夹", help="上一年和本年的报告文件，或包含报告的文件夹")
    p.add_argument("--db", metavar="数据库", help="审核数据库：使用其中的修正值（默认与窗口相同：环境变量 GONGKAI_DB，或用户数据目录中的）")
    p.add_argument("--original", action="store_true", help="比对报告原有的数值，不使用任何修正值")
    p.set_defaults(handler=run_compare)


def run_compare(args) -> int:
    """Two files: one JSON object. Folders: every consecutive-year pair of one agency, JSON Lines."""
    from core.compare.comparison import Comparison, PairError
    from core.compare.pairing import consecutive_pairs
    from core.compare.years import copy_rank
    from core.pipeline import load_report
    from core.review.edits import ReportReview

    missing = [t for t in args.targets if not os.path.lexists(t)]
    if missing:
        return _fail(f"{MISSING_PROBLEM}：{'、'.join(missing)}")
    # the auditor's corrections, as export and the window compare them; the default database only
    # when it exists (comparing writes nothing); --original: the reports as printed
    from core.review.store import ReviewStore, review_db_path, store_error_text
    db = None if args.original else review_db_path(args.db)
    store = None
    if db is not None and (args.db or db.exists()):
        try:
            store = ReviewStore(db)
        except sqlite3.Error as exc:
            return _fail(f"无法打开审核数据库：{store_error_text(exc)}")
    review = store.review_for if store else (lambda report: report)
    try:
        if len(args.targets) == 2 and all(Path(t).is_file() for t in args.targets):
            try:
                comparison = Comparison(*(review(load_report(t)) for t in args.targets))
            except PairError as error:
                return _fail(str(error))
            _write_json_line(comparison.to_json())
            return EXIT_OK
        not_read: list[str] = []
        reports = [review(load_report(p)) for t in args.targets for p in _report_files(t, not_read)]
        _say_not_read(not_read)
        report_of = lambda r: r.report if isinstance(r, ReportReview) else r  # noqa: E731 - a Report or a ReportReview
        # a year filed twice pairs the copy that stands for it, as the window does: the one
        # reviewed (in the database), else the first read (stable: the folder's order otherwise)
        reports.sort(key=lambda r: copy_rank(r if isinstance(r, ReportReview) else ReportReview(r)))
        pairs = consecutive_pairs(reports, lambda r: report_of(r).agency, lambda r: report_of(r).year)
        if not pairs:
            print("未找到同一单位相邻年度的两份报告", file=sys.stderr)
        for previous, current in pairs:
            try:
                comparison = Comparison(previous, current)
            except PairError as error:  # e.g. one year's tables could not be read
                print(error, file=sys.stderr)
                continue
            _write_json_line(comparison.to_json())
        return EXIT_OK
    finally:
        if store is not None:
            store.close()


# --- the parser -----------------------------------------------------------------------------

SUBCOMMANDS = (add_extract, add_export, add_compare)

DESCRIPTION = """政府信息公开工作年度报告审核工作台

不带参数运行，或给出一个文件夹或报告文件：打开审核窗口。
{examples}"""


def _description() -> str:
    run = program_name() if getattr(sys, "frozen", False) else f"python {PROG}"
    examples = ((run, "上次打开的文件夹（或示例）"), (f"{run} D:\\年报\\2023", "该文件夹"),
                (f"{run} --self-test", "自检（无窗口），打包后的程序用来证明能运行"))
    lines = []
    for command, meaning in examples:  # aligned on screen: a Chinese character is two columns wide
        width = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in command)
        lines.append(f"  {command}{' ' * max(1, 39 - width)}{meaning}")
    return DESCRIPTION.format(examples="\n".join(lines))

EPILOG = "退出码：0 完成；1 路径不存在、导出失败或两份报告不能比对；2 用法错误（未知命令或选项、不支持的导出格式）。"


def build_parser() -> tuple[ChineseArgumentParser, argparse._SubParsersAction]:
    """The parser and its sub-command action (whose ``choices`` are the command names)."""
    parser = ChineseArgumentParser(prog=program_name(), description=_description(), epilog=EPILOG)
    parser.add_argument("--version", action="version", version=f"%(prog)s {app_version()}",
                        help="显示版本号并退出")
    commands = parser.add_subparsers(title="命令", metavar="命令", dest="command", help="可用的命令：",
                                     parser_class=ChineseArgumentParser)
    for add in SUBCOMMANDS:
        add(commands)
    return parser, commands


def is_command(word: str) -> bool:
    return word in build_parser()[1].choices


def app_version() -> str:
    try:
        from importlib.metadata import version
        return version("gongkai-shenhe")
    except Exception:  # a frozen build without metadata: read pyproject.toml if it is there
        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        try:
            match = re.search(r'(?m)^version\s*=\s*"([^"]+)"', pyproject.read_text(encoding="utf-8"))
        except OSError:
            match = None
        return match.group(1) if match else "（版本未知）"


def _speak_utf8() -> None:
    """UTF-8 out, whatever the console; a file name that is not valid UTF-8 (a lone surrogate
    from the file system) is written as a \\udcXX escape: valid JSON, and never a crash."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")


def main(argv: list[str]) -> int:
    _speak_utf8()
    parser, _ = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:  # checked here, not by argparse: an unknown option is named first
            parser.error("the following arguments are required: 命令")
        return args.handler(args)
    except SystemExit as exit_:  # --help, --version and usage errors end here
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    except BrokenPipeError:  # the reader went away (| head): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED
    except Exception as exc:  # a bug: one line, not a traceback (each file's errors are its own)
        return _fail(f"内部错误（{type(exc).__name__}: {exc}）")
