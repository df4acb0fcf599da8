"""政府信息公开工作年度报告审核工作台 — entry point.

    python main.py [FOLDER]                 open the review window (the last folder, or the samples)
    python main.py extract FILE_OR_FOLDER…  print one JSON object per report (JSON Lines)
    python main.py export FOLDER --to OUT   export corrected data (.xlsx, .csv, .json, or a folder of .docx)
    python main.py compare OLD NEW | FOLDER…  compare two years of one agency (JSON; JSON Lines for folders)
    python main.py --self-test              prove a (frozen) build works, offscreen
"""
import multiprocessing
import sys

COMMANDS = {"extract", "export", "compare"}


def main(argv: list[str]) -> int:
    # A frozen build starts its loader's worker processes by running itself again: let them run
    # their job and exit before anything else happens.
    multiprocessing.freeze_support()
    if argv and argv[0] in COMMANDS:
        from core.cli import main as cli_main
        return cli_main(argv)
    if argv and argv[0] == "--self-test":
        from gui.selftest import run_self_test
        return run_self_test()
    from gui.app import run_app
    return run_app(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
