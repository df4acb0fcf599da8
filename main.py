"""政府信息公开工作年度报告审核工作台 — entry point.

    python main.py [FOLDER_OR_FILE…]        open the review window (the folder, the last one, or the samples)
    python main.py extract FILE_OR_FOLDER…  print one JSON object per report (JSON Lines)
    python main.py export FOLDER --to OUT   export corrected data (.xlsx, .csv, .json, or a folder of .docx)
    python main.py compare OLD NEW | FOLDER…  compare two years of one agency (JSON; JSON Lines for folders)
    python main.py --self-test              prove a (frozen) build works, offscreen
    python main.py --help | --version       the command line's usage (in Chinese) and version

Anything else on the command line is the command line's business: an unknown command or option
is a usage error (exit 2), never a window.
"""
import multiprocessing
import os
import sys


def opens_window(argv: list[str]) -> bool:
    """No arguments, or only existing folders or files (a folder opened from Explorer or a shell)."""
    from core.cli import is_command

    return not argv or (not is_command(argv[0])
                        and all(not arg.startswith("-") and os.path.exists(arg) for arg in argv))


def restore_library_path() -> None:
    """In a frozen Linux build, give the programs this one starts (LibreOffice, for .doc/.wps
    files the native reader cannot read) the desktop's library path, not the build's.

    PyInstaller's loader puts the build's _internal folder first on LD_LIBRARY_PATH (and keeps
    the user's in LD_LIBRARY_PATH_ORIG); inherited, it makes soffice load the build machine's
    copies of zlib, expat, freetype, ICU... instead of its own, and fail to convert on a desktop
    whose LibreOffice needs others. This process has loaded its libraries by now (the dynamic
    loader reads the variable once, at start), and the worker processes are this program again:
    its loader sets the variable anew for them.
    """
    if not getattr(sys, "frozen", False) or not sys.platform.startswith("linux"):
        return
    original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if original is not None:
        os.environ["LD_LIBRARY_PATH"] = original
    else:
        os.environ.pop("LD_LIBRARY_PATH", None)


def find_office_folder(opt: str = "/opt") -> None:
    """Put LibreOffice's program folder on PATH when LibreOffice is installed where its installer
    puts it but cannot be found on PATH (core.readers.legacy looks for soffice there, for the
    .doc/.wps files the native reader cannot read).

    The Windows installer never adds C:\\Program Files\\LibreOffice\\program to PATH; the Linux
    packages of libreoffice.org install /opt/libreofficeX.Y/program with only a versioned
    launcher (libreofficeX.Y) on PATH. Without this the program would ask an auditor who has
    LibreOffice to install it.
    """
    import re
    import shutil
    from pathlib import Path

    if shutil.which("soffice") or shutil.which("libreoffice"):
        return
    if sys.platform == "win32":
        bases = [os.environ.get(name) for name in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")]
        folders = [Path(base, "LibreOffice", "program") for base in bases if base]
    else:
        # the newest first: libreoffice24.8 before libreoffice7.6 (by number, not by letter)
        folders = sorted(Path(opt).glob("libreoffice*/program"), reverse=True,
                         key=lambda folder: [int(n) for n in re.findall(r"\d+", folder.parent.name)])
    for folder in folders:
        if shutil.which("soffice", path=str(folder)):
            os.environ["PATH"] = os.pathsep.join(p for p in (os.environ.get("PATH"), str(folder)) if p)
            return


def chinese_dates(environ=os.environ) -> None:
    """On Linux, Qt's own file dialog dates its files by the system's time locale: under LANG=C
    (some Kylin and UOS set-ups, and no desktop) its 修改日期 read 「4 Dec 2026 21:27:47」 beside
    Chinese headings. LC_TIME is made Chinese unless it (or LANG) already is, or LC_ALL is set
    (which wins over LC_TIME, and is the user's word). Before Qt is imported: it reads it once."""
    if not sys.platform.startswith("linux") or environ.get("LC_ALL"):
        return
    chosen = environ.get("LC_TIME") or environ.get("LANG") or ""
    if not chosen.startswith("zh"):
        environ["LC_TIME"] = "zh_CN.UTF-8"


def main(argv: list[str]) -> int:
    restore_library_path()
    find_office_folder()
    # A frozen build starts its loader's worker processes by running itself again: let them run
    # their job and exit before anything else happens.
    multiprocessing.freeze_support()
    if argv and argv[0] == "--self-test":
        from gui.selftest import run_self_test
        return run_self_test()
    if opens_window(argv):
        chinese_dates()
        from gui.app import run_app
        return run_app(argv)
    from core.cli import main as cli_main
    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
