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


def main(argv: list[str]) -> int:
    # A frozen build starts its loader's worker processes by running itself again: let them run
    # their job and exit before anything else happens.
    multiprocessing.freeze_support()
    if argv and argv[0] == "--self-test":
        from gui.selftest import run_self_test
        return run_self_test()
    if opens_window(argv):
        from gui.app import run_app
        return run_app(argv)
    from core.cli import main as cli_main
    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
