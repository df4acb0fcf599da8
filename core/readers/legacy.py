"""Old binary Word (.doc) and WPS (.wps) files: read natively, else through LibreOffice; RTF
(.rtf: Word's 另存为 RTF) and OpenDocument text (.odt: LibreOffice and WPS on Kylin or UOS) through
LibreOffice always.

A Word 97-2003 document (what Word, WPS and LibreOffice write as .doc) is read by
core.readers.word97 in a few milliseconds, without LibreOffice. Anything else in a compound file
(an encrypted document, Word 6/95, an old Works .wps, RTF, a container word97 cannot make sense
of) is converted to .docx by LibreOffice in a temporary folder (never beside the source, which
may be read-only or someone else's) and read by the docx reader. Without LibreOffice the user is
told what to install, or that the file is damaged or encrypted when word97 found so.

LibreOffice takes a second or more to start, so a folder's old Word files that need it
(``needs_office``) are converted by one ``soffice`` process: ``convert_batch`` converts them all,
and ``read_legacy`` reads a file from that batch when it is there (the batch's ``Conversions``
is in use), else converts it alone.
"""
from __future__ import annotations

import os
import shutil
import stat
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, Optional

from core.readers.document import Document

NO_OFFICE_PROBLEM = "需要安装 LibreOffice 才能读取 .doc/.wps/.rtf/.odt 文件"
CONVERT_FAILED = "LibreOffice 无法转换此文件，文件可能已损坏"
CANCELLED = "已取消转换"
CRASHED = "LibreOffice 转换时异常退出，下次打开时将重试"
DAMAGED_PROBLEM = "Word文档已损坏（内部结构不完整），无法读取"
ENCRYPTED_PROBLEM = "Word文档设有打开密码（已加密），无法读取"
TIMEOUT = 120  # seconds for one file; a batch gets this plus PER_FILE for each file
PER_FILE = 10
MAX_NATIVE = 32 * 1024 * 1024  # the dispatcher's size cap for .doc/.wps
LEGACY_SUFFIXES = (".doc", ".wps")
OFFICE_ONLY_SUFFIXES = (".rtf", ".odt")  # no native reader: LibreOffice converts each

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def find_office() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def needs_office(path) -> bool:
    """A .doc/.wps that really is an old binary document (not a renamed .docx or web page) and
    that the native reader does not read (its container and FIB are checked, not its text), or
    an .rtf/.odt that really is RTF/OpenDocument text. Never a pipe or device so named: opening
    one waited for a writer, and the folder's load stopped there (reading it says why)."""
    suffix = Path(path).suffix.lower()
    if suffix not in OFFICE_ONLY_SUFFIXES and suffix not in LEGACY_SUFFIXES:
        return False
    from core.readers.dispatch import is_odf_text, open_without_blocking

    try:
        with open(path, "rb", opener=open_without_blocking) as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return False
            if suffix in OFFICE_ONLY_SUFFIXES:
                head = handle.read(128)
                return head.startswith(b"{\\rtf") if suffix == ".rtf" else is_odf_text(head)
            if handle.read(len(_OLE)) != _OLE:
                return False
            data = _OLE + handle.read(MAX_NATIVE)
    except OSError:
        return False
    from core.readers.word97 import Damaged, NotWord97, probe  # imported once a folder holds a .doc

    try:
        probe(data)
    except (NotWord97, Damaged):  # Damaged: LibreOffice may still make something of it
        return True
    return len(data) > MAX_NATIVE


class Conversions:
    """The .docx files one batch made: source path -> converted file, or the reason there is none."""

    def __init__(self) -> None:
        self.converted: dict[str, Path] = {}
        self.problems: dict[str, str] = {}


_current: Optional[Conversions] = None


@contextmanager
def use(conversions: Conversions) -> Iterator[None]:
    """Let ``read_legacy`` take files from ``conversions`` inside the block."""
    global _current
    previous, _current = _current, conversions
    try:
        yield
    finally:
        _current = previous


def _run_office(office: str, sources: list[Path], work: Path,
                stop: Optional[Callable[[], bool]] = None) -> Optional[str]:
    """Convert ``sources`` into work/out in one process; a problem for them all, or None.
    ``stop()`` returning True ends the run early (the folder's loading was cancelled)."""
    profile = (work / "profile").as_uri()  # own profile: works while Office is open
    command = [office, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "docx",
               "--outdir", str(work / "out")] + [str(s) for s in sources]
    timeout = TIMEOUT + PER_FILE * (len(sources) - 1)
    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
    except OSError as exc:
        return f"无法启动 LibreOffice：{exc}"
    deadline = time.monotonic() + timeout
    while True:
        try:
            # killed by a signal (a crash, out of memory; on Windows an NTSTATUS error code): not
            # the file's fault, so not a failure to keep (the cache keeps "cannot convert" until
            # the file changes)
            code = process.wait(timeout=0.2)
            return CRASHED if code < 0 or code >= 0xC0000000 else None
        except subprocess.TimeoutExpired:
            problem = CANCELLED if stop is not None and stop() else None
            if problem is None and time.monotonic() > deadline:
                problem = f"LibreOffice 转换超时（超过{timeout}秒），未读取"
            if problem:
                process.kill()
                process.wait()
                return problem


def convert_batch(paths: list[str], work: os.PathLike,
                  stop: Optional[Callable[[], bool]] = None) -> Conversions:
    """Convert every file of ``paths`` to .docx under ``work`` with one LibreOffice process.

    The files are copied in under plain ASCII names first (soffice and odd paths; two sources
    of one name in different folders), so the sources are never touched.
    """
    conversions = Conversions()
    if not paths:
        return conversions
    office = find_office()
    if office is None:
        conversions.problems = {p: NO_OFFICE_PROBLEM for p in paths}
        return conversions
    work = Path(work)
    (work / "in").mkdir(parents=True, exist_ok=True)
    sources: dict[str, Path] = {}
    for n, path in enumerate(paths):
        source = work / "in" / f"r{n:05d}{Path(path).suffix.lower()}"
        try:
            shutil.copyfile(path, source)
        except OSError as exc:
            conversions.problems[path] = f"无法读取文件：{exc.strerror or exc}"
            continue
        sources[path] = source
    problem = _run_office(office, list(sources.values()), work, stop) if sources else None
    if problem == CRASHED:
        problem = None  # what it converted before it died is read; the rest are tried alone
    for path, source in sources.items():
        converted = work / "out" / (source.stem + ".docx")
        if problem:
            conversions.problems[path] = problem
        elif converted.is_file():
            conversions.converted[path] = converted
        else:
            conversions.problems[path] = CONVERT_FAILED
    return conversions


def _read_native(path: str, data: bytes, fmt: str) -> tuple[Optional[Document], Optional[str]]:
    """The word97 reader's Document, or None and the problem to give when LibreOffice cannot
    help (None: ask for LibreOffice)."""
    from core.readers.word97 import Damaged, Encrypted, NotWord97, read_word97

    if fmt in ("rtf", "odt"):
        return None, None
    try:
        return read_word97(path, data, fmt), None
    except Encrypted:
        return None, ENCRYPTED_PROBLEM
    except Damaged:
        return None, DAMAGED_PROBLEM
    except NotWord97:
        return None, None


def _without_office(native_problem: Optional[str]) -> list[str]:
    """The problems of a file the native reader could not read, with no LibreOffice to try: a
    file it calls damaged may still be one LibreOffice reads, so LibreOffice's absence is said
    too (and the failure is not kept in the parse cache: it passes once LibreOffice is there).
    An encrypted one LibreOffice cannot open either."""
    if native_problem == DAMAGED_PROBLEM:
        return [DAMAGED_PROBLEM, NO_OFFICE_PROBLEM]
    return [native_problem or NO_OFFICE_PROBLEM]


def read_legacy(path: str, data: bytes, fmt: str) -> Document:
    from core.readers.docx import read_docx  # the readers of Word files: imported when first needed

    document, native_problem = _read_native(path, data, fmt)
    if document is not None:
        return document
    batch = _current
    # A file the batch left unconverted is converted alone before it is called unconvertible
    # (damaged too: the native reader's verdict is why it went to LibreOffice): the failure is
    # cached until the file changes, and a LibreOffice that died midway through the batch leaves
    # every file after the one it died on without output too.
    if batch is not None and path in batch.problems and batch.problems[path] != CONVERT_FAILED:
        problem = batch.problems[path]
        if problem == NO_OFFICE_PROBLEM and native_problem:
            return Document(path, fmt, problems=_without_office(native_problem))
        return Document(path, fmt, problems=[problem])
    if batch is not None and path in batch.converted:
        try:
            return read_docx(path, batch.converted[path].read_bytes(), fmt)
        except OSError:
            pass  # the batch's folder is gone: convert this one alone
    office = find_office()
    if office is None:
        return Document(path, fmt, problems=_without_office(native_problem))
    with tempfile.TemporaryDirectory(prefix="gongkai-") as tmp:
        source = Path(tmp, "in", "report." + fmt)  # a plain ASCII name: soffice and odd paths
        source.parent.mkdir()
        source.write_bytes(data)
        failed = _run_office(office, [source], Path(tmp))
        if failed:
            return Document(path, fmt, problems=[failed])
        converted = Path(tmp, "out", "report.docx")
        if not converted.is_file():
            return Document(path, fmt, problems=[native_problem or CONVERT_FAILED])
        return read_docx(path, converted.read_bytes(), fmt)
