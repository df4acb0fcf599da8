"""Compile the parser with mypyc, to measure it (a spike that was a no-go: bench/MYPYC.md).

    python bench/mypyc_compile.py [--typed | --keep-types MODULE ...] [--jobs N]
    python bench/mypyc_compile.py --clean        remove the compiled modules: pure Python again

A compiled module (core/parse/NAME.cpython-*.so) is imported in place of its .py while it is
there, by everything: the tests, bench/count_instructions.py, a PyInstaller build. So measure,
then --clean (.gitignore keeps the .so files out of git). Needs `pip install mypy` and gcc;
about 5 minutes on an idle core (one 600 000-line C file), 11 at load 7.

By default the modules are compiled from copies with their annotations removed (build/mypyc/src):
the code's hints are documentation that mypy does not check (337 mypy errors in core/parse: a
`float` that holds an int, a tuple of one shape assigned another), and mypyc turns a hint into a
conversion or a check at run time (an int passed as `float` comes back 3.0; an `int` given True
comes back 1; a wrong tuple shape raises TypeError). Untyped, every value stays the object Python
would have made; mypyc still compiles the control flow and the calls between compiled functions.
`--typed` compiles the sources as they are (it fails at run time today); `--keep-types` keeps
the annotations of the modules named (once their hints are right).
"""
from __future__ import annotations

import argparse
import ast
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build" / "mypyc"
GROUP = "gongkai_parse"  # the shared library of the compiled modules: gongkai_parse__mypyc.*.so
# What is compiled: the parser, but not its result cache (SQLite and file reading: nothing to gain).
SKIP = {"core/parse/__init__.py", "core/parse/cache.py"}
PACKAGES = ("core/parse",)

MYPY_CONFIG = """\
[mypy]
ignore_missing_imports = True
follow_imports = silent
[mypy-core.*]
ignore_errors = True
"""


def modules() -> list[str]:
    found = [p.relative_to(ROOT).as_posix() for package in PACKAGES for p in sorted((ROOT / package).glob("*.py"))]
    return [m for m in found if m not in SKIP]


def compiled_files() -> list[Path]:
    """The compiled modules and their shared library, where Python imports them from."""
    found = [p for package in PACKAGES for p in (ROOT / package).glob("*.so")]
    found += [p for package in PACKAGES for p in (ROOT / package).glob("*.pyd")]
    return found + list(ROOT.glob(f"{GROUP}__mypyc.*"))


class _Untyped(ast.NodeTransformer):
    """Removes the annotations of functions and makes those of variables Any; a class body's
    field annotations stay (dataclasses and NamedTuples are made from them)."""

    def _function(self, node):
        for arg in node.args.posonlyargs + node.args.args + node.args.kwonlyargs:
            arg.annotation = None
        for arg in (node.args.vararg, node.args.kwarg):
            if arg is not None:
                arg.annotation = None
        # (mypyc needs a property's type: Any, which makes no conversion)
        is_property = any(isinstance(d, ast.Name) and d.id == "property" for d in node.decorator_list)
        node.returns = ast.Name("_Any") if is_property else None
        self.generic_visit(node)
        return node

    visit_FunctionDef = visit_AsyncFunctionDef = _function

    def visit_ClassDef(self, node):
        for n, statement in enumerate(node.body):
            if not isinstance(statement, ast.AnnAssign):
                node.body[n] = self.visit(statement)
        return node

    def visit_AnnAssign(self, node):
        # Any, not no annotation: mypy would infer the variable's type from its first value
        # (a module's `_LAST: tuple[str, Optional[Table], dict] = ("", None, {})` would hold None only)
        node.annotation = ast.Name("_Any")
        return node


def untyped_copy(module: str, into: Path) -> None:
    tree = ast.parse((ROOT / module).read_text(encoding="utf-8"), module)
    tree = _Untyped().visit(tree)
    after_future = next(n for n, s in enumerate(tree.body)
                        if not (isinstance(s, ast.ImportFrom) and s.module == "__future__")
                        and not (n == 0 and isinstance(s, ast.Expr)))  # (the docstring)
    tree.body.insert(after_future, ast.parse("from typing import Any as _Any").body[0])
    tree = ast.fix_missing_locations(tree)
    out = into / module
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(ast.unparse(tree) + "\n", encoding="utf-8")


def clean() -> None:
    for path in compiled_files():
        path.unlink()
        print(f"removed {path.relative_to(ROOT)}")
    shutil.rmtree(BUILD, ignore_errors=True)


def compile_modules(typed: bool, jobs: int, keep_types: tuple[str, ...] = ()) -> None:
    if importlib.util.find_spec("mypyc") is None:
        raise SystemExit("mypyc comes with mypy: pip install mypy")

    clean()
    src = ROOT if typed else BUILD / "src"
    if not typed:
        # the whole core package (what the compiled modules import is type-analysed, not compiled)
        for path in (ROOT / "core").rglob("*.py"):
            module = path.relative_to(ROOT).as_posix()
            if module in modules() and module not in keep_types:
                untyped_copy(module, src)
            else:
                (src / module).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, src / module)
    BUILD.mkdir(parents=True, exist_ok=True)
    config = BUILD / "mypy.ini"
    config.write_text(MYPY_CONFIG, encoding="utf-8")
    setup = BUILD / "setup_mypyc.py"
    setup.write_text(
        "import sys\n"
        "from setuptools import setup\n"
        "from mypyc.build import mypycify\n"
        f"setup(name='gongkai-parse-compiled', ext_modules=mypycify({[f'--config-file={config}'] + modules()!r}, "
        f"opt_level='3', group_name={GROUP!r}))\n",
        encoding="utf-8")
    command = [sys.executable, str(setup), "build_ext", "--inplace", f"--parallel={jobs}",
               f"--build-temp={BUILD / 'temp'}"]
    print(f"compiling {len(modules())} modules ({'typed' if typed else 'untyped copies'}) in {src}")
    subprocess.run(command, cwd=src, check=True, env={**os.environ, "MYPY_CACHE_DIR": str(BUILD / "mypy-cache")})
    if not typed:
        for built in list(src.glob("core/**/*.so")) + list(src.glob("core/**/*.pyd")) + list(src.glob(f"{GROUP}__mypyc.*")):
            target = ROOT / built.relative_to(src)
            shutil.copy2(built, target)
    for path in compiled_files():
        print(f"compiled: {path.relative_to(ROOT)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clean", action="store_true", help="remove the compiled modules")
    parser.add_argument("--typed", action="store_true", help="compile the annotated sources as they are")
    parser.add_argument("--keep-types", nargs="*", default=[], metavar="MODULE",
                        help="compile these (core/parse/NAME.py) with their annotations, the others untyped")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="parallel C compilations")
    args = parser.parse_args()
    if args.clean:
        clean()
    else:
        compile_modules(args.typed, args.jobs, tuple(args.keep_types))


if __name__ == "__main__":
    main()
