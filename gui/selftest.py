"""``main.py --self-test``: prove that this copy of the program works, without a screen.

Meant for the frozen build (packaging/build.sh and build.ps1 run it on the folder they built)
but runs from source too. In order:

1. Qt starts offscreen (QT_QPA_PLATFORM=offscreen unless already set); Qt's Chinese
   translation (qtbase_zh_CN.qm) loads; the main window is constructed and shown.
2. Every bundled sample (resources/samples, found like the GUI finds it) is read, parsed and
   checked.
3. One correction is saved through core.store into a temporary database, and read back.
4. The review is exported to .xlsx (and Word, for a 2021-format report) in a temporary
   folder; the workbook is re-opened with openpyxl and must hold the corrected value.

Prints and logs "自检通过" and returns 0, or logs the reason and returns 1. Nothing touches the
user's real database or settings: the database is in the temporary folder, the data-folder
variables (LOCALAPPDATA, XDG_DATA_HOME, XDG_CONFIG_HOME) point into it, and QSettings' user and
system scopes are redirected there.

The log goes to stdout when there is one (a windowed Windows exe has none) and always to a
file: $GONGKAI_SELFTEST_LOG, or gongkai-selftest.log in the system temp folder, beside the
work folder gongkai-selftest-XXXX (kept when the test fails, removed when it passes).

``--self-test --startup-only`` stops right after the window is shown: build.sh times it as
the frozen program's start-to-window time. The time from process start to the shown window is
logged either way ("窗口显示用时").
"""
from __future__ import annotations

import time

_IMPORTED_AT = time.perf_counter()  # fallback start time when the OS cannot tell us

import os  # noqa: E402
import shutil  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import traceback  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Callable, Optional  # noqa: E402

PASSED = "自检通过"
FAILED = "自检失败"
LOG_ENV = "GONGKAI_SELFTEST_LOG"
LOG_NAME = "gongkai-selftest.log"
STARTUP_ONLY = "--startup-only"
NOTE = "自检"
LOAD_TIMEOUT = 120  # seconds for the window to list the samples
_MANY = 40  # reports in the folder that makes the window start its worker processes


class SelfTestError(Exception):
    """A check failed; the message says which, in Chinese."""


# --- process age ------------------------------------------------------------------------------

def process_age() -> Optional[float]:
    """Seconds since this process was created, or None if the OS does not say.

    Linux: /proc/self/stat's start time against /proc/uptime (10 ms resolution). Windows:
    GetProcessTimes' creation time against the clock. A one-folder PyInstaller build runs
    Python inside the process the user started, so this includes the bootloader's work.
    """
    try:
        if sys.platform.startswith("linux"):
            with open("/proc/self/stat", "rb") as f:
                stat = f.read().decode("ascii", "replace")
            fields = stat[stat.rindex(")") + 2:].split()
            start_ticks = int(fields[19])  # field 22 of proc(5), counted after "(comm) "
            with open("/proc/uptime", "rb") as f:
                uptime = float(f.read().split()[0])
            return max(0.0, uptime - start_ticks / os.sysconf("SC_CLK_TCK"))
        if sys.platform == "win32":
            import ctypes
            from ctypes import wintypes

            creation, exited, kernel, user = (wintypes.FILETIME() for _ in range(4))
            kernel32 = ctypes.windll.kernel32
            kernel32.GetCurrentProcess.restype = wintypes.HANDLE
            if not kernel32.GetProcessTimes(kernel32.GetCurrentProcess(), ctypes.byref(creation),
                                            ctypes.byref(exited), ctypes.byref(kernel),
                                            ctypes.byref(user)):
                return None
            now = wintypes.FILETIME()
            kernel32.GetSystemTimePreciseAsFileTime(ctypes.byref(now))

            def ticks(ft) -> int:  # 100 ns units
                return (ft.dwHighDateTime << 32) | ft.dwLowDateTime
            return max(0.0, (ticks(now) - ticks(creation)) / 1e7)
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    return None


def _elapsed() -> tuple[float, str]:
    age = process_age()
    if age is not None:
        return age, "自进程启动"
    return time.perf_counter() - _IMPORTED_AT, "自载入自检模块"


# --- logging ----------------------------------------------------------------------------------

class _Log:
    """Lines to stdout (when there is one) and to the log file, flushed at once."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._file = open(path, "w", encoding="utf-8")

    def __call__(self, message: str) -> None:
        stamp = time.strftime("%H:%M:%S")
        self._file.write(f"{stamp} {message}\n")
        self._file.flush()
        stream = sys.stdout
        if stream is not None:
            try:
                stream.write(message + "\n")
                stream.flush()
            except (OSError, UnicodeEncodeError, ValueError):
                pass

    def close(self) -> None:
        self._file.close()


def log_path() -> Path:
    explicit = os.environ.get(LOG_ENV, "")
    return Path(explicit) if explicit else Path(tempfile.gettempdir()) / LOG_NAME


# --- the test ---------------------------------------------------------------------------------

def run_self_test(argv: Optional[list[str]] = None) -> int:
    """0 when every check passed, 1 otherwise (the reason is in the log)."""
    argv = sys.argv[1:] if argv is None else list(argv)
    startup_only = STARTUP_ONLY in argv
    saved_environment = {name: os.environ.get(name) for name in _ENVIRONMENT}
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = Path(tempfile.mkdtemp(prefix="gongkai-selftest-"))
    log = _Log(log_path())
    log(f"政府信息公开年度报告审核工作台 自检：{'仅启动' if startup_only else '完整'}")
    log(f"程序：{sys.executable}（{'打包版' if getattr(sys, 'frozen', False) else '源码'}，"
        f"Python {sys.version.split()[0]}，{sys.platform}）")
    log(f"临时目录：{work}")
    log(f"日志文件：{log.path}")
    ok = False
    try:
        _isolate_user_data(work)
        _run(work, log, startup_only)
        ok = True
    except SelfTestError as exc:
        log(f"{FAILED}：{exc}")
    except BaseException as exc:  # noqa: BLE001 - any crash is a failed self-test, with its trace
        log(f"{FAILED}：{type(exc).__name__}: {exc}")
        for line in traceback.format_exc().rstrip().splitlines():
            log("    " + line)
    if ok:
        log(PASSED)
        shutil.rmtree(work, ignore_errors=True)
    else:
        log(f"临时目录已保留以便检查：{work}")
    log.close()
    for name, value in saved_environment.items():  # matters when run inside another program
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    return 0 if ok else 1


_ENVIRONMENT = ("QT_QPA_PLATFORM", "LOCALAPPDATA", "APPDATA", "XDG_DATA_HOME", "XDG_CONFIG_HOME",
                "XDG_CACHE_HOME", "GONGKAI_DB")


def _isolate_user_data(work: Path) -> None:
    """Point every user-data location the program uses into ``work``."""
    data = work / "userdata"
    os.environ["LOCALAPPDATA"] = str(data / "LocalAppData")  # core.store on Windows
    os.environ["APPDATA"] = str(data / "AppData")
    os.environ["XDG_DATA_HOME"] = str(data / "xdg-data")  # core.store elsewhere
    os.environ["XDG_CONFIG_HOME"] = str(data / "xdg-config")  # QSettings on Linux
    os.environ["XDG_CACHE_HOME"] = str(data / "xdg-cache")
    os.environ["GONGKAI_DB"] = str(data / "GONGKAI_DB.sqlite3")  # gui/app.py's override


def _run(work: Path, log: Callable[[str], None], startup_only: bool) -> None:
    from gui.qt import QApplication, QSettings, QtCore

    # Settings: INI files under the work folder, in both scopes, whatever names are used.
    settings_dir = str(work / "settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, settings_dir)
    QApplication.setOrganizationName("GongkaiShenhe-selftest")
    QApplication.setApplicationName("selftest")

    previous_handler = QtCore.qInstallMessageHandler(_qt_messages_to(log))
    try:
        _run_with_qt(work, log, startup_only)
    finally:
        QtCore.qInstallMessageHandler(previous_handler)


def _qt_messages_to(log: Callable[[str], None]):
    """Qt's own messages go to the log (offscreen prints harmless ones such as
    "This plugin does not support propagateSizeHints()")."""
    from gui.qt import QtCore

    names = {QtCore.QtMsgType.QtDebugMsg: "调试", QtCore.QtMsgType.QtInfoMsg: "信息",
             QtCore.QtMsgType.QtWarningMsg: "警告", QtCore.QtMsgType.QtCriticalMsg: "严重",
             QtCore.QtMsgType.QtFatalMsg: "致命"}

    def handler(kind, context, message) -> None:
        log(f"Qt {names.get(kind, kind)}：{message}")
    return handler


def _run_with_qt(work: Path, log: Callable[[str], None], startup_only: bool) -> None:
    from gui.qt import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    log(f"Qt 平台插件：{app.platformName()}")
    _check_translation(app, log)
    window = _show_main_window(work, log)
    seconds, since = _elapsed()
    log(f"窗口显示用时：{seconds:.2f} 秒（{since}）")
    try:
        if startup_only:
            return
        from gui.paths import samples_dir

        reviews = _check_samples(samples_dir(), log)
        _check_worker_process(samples_dir(), log, work / "formats")
        _load_in_window(window, samples_dir(), len(reviews), log)
        _load_in_window(window, _many_copies(samples_dir(), work / "many"), _MANY, log)
        review = _correct_one(reviews, work / "reviews.sqlite3", log)
        _export_and_verify(review, work / "export", log)
    finally:
        window.close()  # stops its loader thread, saves its settings into the work folder
        window.store.close()  # or Windows keeps the database file locked
        window.deleteLater()
        app.processEvents()
        _check_settings_stayed_in(work, log)


def _check_translation(app, log: Callable[[str], None]) -> None:
    """Qt's Chinese strings are part of the build, installed the way gui/app.py does it."""
    from gui.app import install_translations

    installed = install_translations(app)
    cancel = app.translate("QPlatformTheme", "Cancel")
    if not installed or cancel != "取消":
        from gui.qt import QLibraryInfo
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        raise SelfTestError(f"Qt 中文翻译 qtbase_zh_CN.qm 未能载入（查找位置：{folder}；"
                            f"“Cancel”译为“{cancel}”）")
    log(f"Qt 中文翻译：{', '.join(t.filePath() for t in installed)}（Cancel → {cancel}）")


def _show_main_window(work: Path, log: Callable[[str], None]):
    """The GUI's own MainWindow, over a database and a settings file in the work folder."""
    from core.review.store import ReviewStore
    from gui.main_window import MainWindow
    from gui.qt import QApplication, QIcon
    from gui.paths import resources_dir
    from gui.settings import Settings

    icon = resources_dir() / "icons" / "app.png"
    if not icon.is_file() or QIcon(str(icon)).isNull():
        raise SelfTestError(f"无法载入程序图标：{icon}")
    window = MainWindow(ReviewStore(work / "window.sqlite3"), Settings(work / "settings.ini"))
    window.setWindowIcon(QIcon(str(icon)))
    window.show()
    QApplication.processEvents()
    if not window.isVisible():
        raise SelfTestError("主窗口未能显示")
    log(f"主窗口：{type(window).__name__}“{window.windowTitle()}”已显示")
    return window


def _load_in_window(window, folder: Path, expected: int, log: Callable[[str], None]) -> None:
    """The window lists the sample folder through its own loader thread."""
    from gui.qt import QApplication

    rows = []
    window.loadFinished.connect(rows.append)
    if not window.open_folder(str(folder)):
        raise SelfTestError(f"主窗口无法打开示例文件夹：{folder}")
    deadline = time.monotonic() + LOAD_TIMEOUT
    while not rows:
        if time.monotonic() > deadline:
            raise SelfTestError(f"主窗口 {LOAD_TIMEOUT} 秒内未载入示例文件夹")
        QApplication.processEvents()
        time.sleep(0.01)
    if rows[0] != expected:
        raise SelfTestError(f"主窗口列出 {rows[0]} 份报告，应为 {expected} 份")
    log(f"主窗口已载入示例文件夹：{rows[0]} 份报告")


def _check_worker_process(samples: Path, log: Callable[[str], None], formats: Path) -> None:
    """A worker process starts and parses, as the window's loader needs for big folders.

    The loader falls back to its own thread if workers cannot start, which would hide a frozen
    build that cannot run them; so the self-test asks a worker directly. It gives it a file of
    each format whose reader the worker imports only when a file needs it (a web page, a Word
    file, a PDF): a reader missing from the build would make each such file 无法读取 there only.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from core.readers.dispatch import READ_FAILED
    from gui.folder_job import load_chunk

    files = [str(p) for p in sorted(samples.iterdir()) if p.is_file()][:2]
    files += [str(p) for p in _files_of_each_format(Path(files[0]), formats)]
    try:
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
            loaded = pool.submit(load_chunk, files, None).result(timeout=LOAD_TIMEOUT)
    except Exception as exc:  # noqa: BLE001 - reported as the self-test's failure
        raise SelfTestError(f"无法启动解析工作进程：{type(exc).__name__}: {exc}") from exc
    if [review.report.file for review, _ in loaded] != files:
        raise SelfTestError("解析工作进程返回的报告与所给文件不符")
    for review, _ in loaded:  # a reader that could not be imported: the dispatcher's catch-all
        failed = [p for p in review.report.problems if p.startswith(("读取文件时出错", READ_FAILED))]
        if failed:
            raise SelfTestError(f"解析工作进程无法读取 {Path(review.report.file).name}：{failed[0]}")
    log(f"解析工作进程：已在子进程中解析 {len(loaded)} 份报告")


def _files_of_each_format(sample: Path, folder: Path) -> list[Path]:
    """A web page of ``sample``'s text, the bundled Word template and a one-line PDF."""
    from gui.paths import resources_dir

    folder.mkdir(parents=True, exist_ok=True)
    page = folder / "示例网页.html"
    text = sample.read_text(encoding="utf-8").replace("&", "&amp;").replace("<", "&lt;")
    page.write_text(f"<html><head><meta charset='utf-8'></head><body><pre>{text}</pre></body></html>",
                    encoding="utf-8")
    word = folder / "模板.docx"
    shutil.copyfile(resources_dir() / "2021-official-template.docx", word)
    pdf = folder / "单行.pdf"
    pdf.write_bytes(_one_line_pdf("2021 annual report"))
    return [page, word, pdf]


def _one_line_pdf(line: str) -> bytes:
    """A valid PDF of one page showing ``line`` (ASCII) in Helvetica."""
    stream = f"BT /F1 12 Tf 72 720 Td ({line}) Tj ET".encode("ascii")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _many_copies(samples: Path, target: Path) -> Path:
    """A folder big enough that the window loads it in worker processes (as a real one is).

    A frozen program must be able to start those workers; the samples alone are too few.
    """
    from gui.loader import PROCESS_MIN_FILES

    files = sorted(p for p in samples.iterdir() if p.is_file())
    target.mkdir(parents=True, exist_ok=True)
    for n in range(_MANY):
        source = files[n % len(files)]
        shutil.copyfile(source, target / f"{n:03d}_{source.name}")
    assert _MANY >= PROCESS_MIN_FILES
    return target


def _check_samples(folder: Path, log: Callable[[str], None]):
    from core.review.edits import ReportReview
    from core.pipeline import load_report, report_files
    from core.check.rules import check

    if not folder.is_dir():
        raise SelfTestError(f"找不到示例文件夹：{folder}")
    files = list(report_files(folder))
    if not files:
        raise SelfTestError(f"示例文件夹中没有报告：{folder}")
    reviews = []
    for path in files:
        report = load_report(path)
        internal = [p for p in report.problems if "内部错误" in p]
        if internal:
            raise SelfTestError(f"{path.name}：{internal[0]}")
        if not report.cells:
            raise SelfTestError(f"{path.name}：没有读出任何表格数据（{'；'.join(report.problems)}）")
        findings = check(report)
        log(f"示例 {path.name}：{report.agency or '（单位未识别）'} {report.year or ''}年，"
            f"模板 {report.template}，{len(report.cells)} 个单元格，{len(findings)} 条问题")
        reviews.append(ReportReview(report))
    log(f"示例报告：{len(reviews)} 份均已解析并检查")
    return reviews


def _correction_target(review) -> tuple[str, object]:
    """A cell and a new value for it: the first suggestion of a finding, else the first numeric
    cell plus one."""
    from core.template import all_paths

    for finding in review.findings():
        if finding.suggestion is not None and finding.suggestion.value != review.value(finding.suggestion.cell):
            return finding.suggestion.cell, finding.suggestion.value
    for path in all_paths(review.report.template):
        value = review.value(path)
        if isinstance(value, int):
            return path, value + 1
    path = all_paths(review.report.template)[0]
    return path, 7


def _correct_one(reviews, db: Path, log: Callable[[str], None]):
    from core.review.store import ReviewStore

    report = reviews[0].report
    with ReviewStore(db) as store:
        review = store.review_for(report)
        path, new = _correction_target(review)
        edit = review.edit_for(path, new, NOTE)
        if edit is None:
            raise SelfTestError(f"无法构造修改：{path} 已是 {new}")
        store.apply(review, edit)
    with ReviewStore(db) as store:  # a new connection, as after a restart
        reopened = store.review_for(report)
    if reopened.value(path) != new or not reopened.is_corrected(path):
        raise SelfTestError(f"数据库中未找到修改：{path} 应为 {new}，读回 {reopened.value(path)}")
    log(f"修改：{Path(report.file).name} {path}：{edit.old} → {new}，已写入临时数据库并读回")
    return reopened


def _export_and_verify(review, folder: Path, log: Callable[[str], None]) -> None:
    from openpyxl import load_workbook

    from core.export.dispatch import export
    from core.export.xlsx import CHANGES
    from core.template import describe

    path, _ = next(iter(review.corrections().items()))
    new = review.value(path)
    xlsx = folder / "自检导出.xlsx"
    export([review], xlsx)
    workbook = load_workbook(xlsx)
    label = describe(review.report.template, path)
    changes = list(workbook[CHANGES].iter_rows(min_row=2, values_only=True))
    if not any(label in row and _same(row[5], new) for row in changes):
        raise SelfTestError(f"导出的 Excel“{CHANGES}”表中没有 {label} = {new}")
    commented = [cell for sheet in workbook.worksheets[3:] for row in sheet.iter_rows()
                 for cell in row if cell.comment is not None and _same(cell.value, new)]
    if not commented:
        raise SelfTestError(f"导出的 Excel 报告表中没有带批注的修正值 {new}")
    log(f"导出 Excel：{xlsx.name}，修正值 {new} 位于 {commented[0].parent.title}!{commented[0].coordinate}")
    if review.report.template == "2021":
        written = export([review], folder / "word").files
        if not written or not all(p.is_file() and p.stat().st_size > 0 for p in written):
            raise SelfTestError("未能按 2021 年官方模板导出 Word 文件")
        log(f"导出 Word：{', '.join(p.name for p in written)}")


def _same(a, b) -> bool:
    try:
        return a is not None and b is not None and float(a) == float(b)
    except (TypeError, ValueError):
        return False


def _check_settings_stayed_in(work: Path, log: Callable[[str], None]) -> None:
    from gui.qt import QSettings

    probe = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "GongkaiShenhe", "workbench")
    location = Path(probe.fileName()).resolve()
    if work.resolve() not in location.parents:
        raise SelfTestError(f"设置文件不在临时目录中：{location}")
