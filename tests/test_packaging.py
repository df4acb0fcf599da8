"""Packaging: the self-test from source, the spec's inputs, and (when PyInstaller is there) the
frozen build itself.

The build test runs ``bash packaging/build.sh`` into a temporary folder (about 20-40 s of
PyInstaller plus a minute of checks on two cores) and the frozen program's --self-test. It runs
when PyInstaller is importable (``pip install -e .[build]``) and skips, saying why, when it is
not. GONGKAI_BUILD_TEST=1 makes a missing PyInstaller a failure; GONGKAI_BUILD_TEST=0 skips it.
"""
from __future__ import annotations

import ast
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Optional

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "gongkai.spec"
BUILD_ENV = "GONGKAI_BUILD_TEST"
MAX_SIZE_MB = 250


def project_version() -> str:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    return re.search(r'(?m)^version\s*=\s*"([^"]+)"', text).group(1)


def spec_constant(name: str):
    """A literal assigned at the top of the spec (EXCLUDES, NAME...)."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise KeyError(name)


def imported_modules(folder: Path) -> set[str]:
    """Every module name imported anywhere under ``folder`` (absolute imports)."""
    names: set[str] = set()
    for path in folder.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


# --- the self-test, from source ---------------------------------------------------------------

@pytest.mark.slow
def test_self_test_passes_from_source(tmp_path, monkeypatch, qapp):
    """What build.sh runs on the frozen program, here in-process (about 2-5 s)."""
    from gui.selftest import PASSED, run_self_test

    log = tmp_path / "selftest.log"
    monkeypatch.setenv("GONGKAI_SELFTEST_LOG", str(log))
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    before = dict(os.environ)

    assert run_self_test([]) == 0, log.read_text(encoding="utf-8")

    text = log.read_text(encoding="utf-8")
    assert PASSED in text
    for step in ("Qt 中文翻译", "主窗口", "示例报告", "已写入临时数据库并读回", "导出 Excel", "导出 Word"):
        assert step in text, step
    assert dict(os.environ) == before  # the data-folder variables were put back


def test_self_test_startup_only_through_main_py(tmp_path):
    """``main.py --self-test --startup-only``: the dispatch, a fresh process, and the timing line."""
    log = tmp_path / "startup.log"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GONGKAI_SELFTEST_LOG=str(log),
               HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), LOCALAPPDATA=str(tmp_path / "local"))
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--self-test", "--startup-only"],
                            cwd=tmp_path, env=env, capture_output=True, text=True, encoding="utf-8",
                            timeout=120)
    text = log.read_text(encoding="utf-8")
    assert result.returncode == 0, text + result.stderr
    assert "自检通过" in text and "仅启动" in text
    assert re.search(r"窗口显示用时：\d+\.\d+ 秒", text)
    assert "示例报告" not in text  # startup only: no sample was parsed
    # Nothing was written to the user's data folders of this (fake) profile.
    assert not (tmp_path / "data").exists() and not (tmp_path / "config").exists()


def test_self_test_reports_a_failure(tmp_path, monkeypatch, qapp):
    """A broken step logs 自检失败 with the reason and returns 1 (and keeps the work folder)."""
    import gui.paths
    from gui.selftest import FAILED, run_self_test

    log = tmp_path / "selftest.log"
    monkeypatch.setenv("GONGKAI_SELFTEST_LOG", str(log))
    monkeypatch.setattr(gui.paths, "samples_dir", lambda: tmp_path / "no-such-folder")

    assert run_self_test([]) == 1

    text = log.read_text(encoding="utf-8")
    assert f"{FAILED}：找不到示例文件夹" in text
    kept = Path(re.search(r"临时目录已保留以便检查：(.+)", text).group(1).strip())
    assert kept.is_dir()
    shutil.rmtree(kept)


def test_process_age_is_plausible():
    from gui.selftest import process_age

    age = process_age()
    if sys.platform.startswith("linux") or sys.platform == "win32":
        assert age is not None and 0 <= age < 24 * 3600


# --- what the spec builds from ----------------------------------------------------------------

def test_version_resource_carries_the_project_version():
    """version_info.txt, filled in as the spec does, is a VSVersionInfo with pyproject's version
    and the Chinese names (checked here without pefile, which exists only on Windows)."""
    version = project_version()
    numbers = tuple(int(n) for n in re.findall(r"\d+", version)[:4])
    numbers += (0,) * (4 - len(numbers))
    template = (PACKAGING / "version_info.txt").read_text(encoding="utf-8")
    text = template.replace("{version_tuple}", repr(numbers)).replace("{version}", version)

    strings: dict[str, str] = {}
    captured: dict[str, tuple] = {}

    def record(kind):
        def make(*args, **kwargs):
            if kind == "StringStruct":
                strings[args[0]] = args[1]
            if kind == "FixedFileInfo":
                captured["ffi"] = kwargs
            return (kind, args, kwargs)
        return make

    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
             "VarFileInfo", "VarStruct"]
    eval(compile(text, "version_info.txt", "eval"), {n: record(n) for n in names})  # noqa: S307

    assert captured["ffi"]["filevers"] == numbers == captured["ffi"]["prodvers"]
    assert strings["FileVersion"] == strings["ProductVersion"] == version
    assert strings["OriginalFilename"] == f"{spec_constant('NAME')}.exe"
    from gui import strings as gui_strings
    assert strings["ProductName"] == gui_strings.APP_NAME
    for key in ("CompanyName", "FileDescription", "ProductName"):
        assert re.search(r"[\u4e00-\u9fff]", strings[key]), key


def test_icons_exist_in_the_sizes_windows_uses():
    from PIL import Image

    icons = ROOT / "resources" / "icons"
    with Image.open(icons / "app.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    with Image.open(icons / "app.png") as png:
        assert png.size == (256, 256)


def test_excluded_modules_are_not_imported_by_the_program():
    """The spec excludes scipy, unused Qt modules...: core/, gui/ and main.py must not
    import any of them (if one is needed now, take it out of EXCLUDES in packaging/gongkai.spec)."""
    excludes = set(spec_constant("EXCLUDES"))
    imported = imported_modules(ROOT / "core") | imported_modules(ROOT / "gui")
    imported |= imported_modules_of_file(ROOT / "main.py")
    clash = sorted(name for name in imported
                   if any(name == x or name.startswith(x + ".") for x in excludes))
    assert not clash, f"imported by the program but excluded from the build: {clash}"


def spec_keep():
    """The spec's ``keep`` (which collected files stay in the build), with the constants it reads;
    the spec's PyInstaller calls (Analysis, EXE...) are not run."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    wanted = {"keep", "_qt_relative"}
    body = [node for node in tree.body
            if isinstance(node, (ast.Import, ast.ImportFrom))
            or (isinstance(node, ast.FunctionDef) and node.name in wanted)
            or (isinstance(node, ast.Assign) and all(isinstance(t, ast.Name) and t.id.isupper()
                                                     for t in node.targets)
                and not any(isinstance(n, ast.Name) and n.id in ("version_file", "workpath")
                            for n in ast.walk(node.value)))]
    names: dict = {"SPECPATH": str(PACKAGING)}
    exec(compile(ast.Module(body=body, type_ignores=[]), str(SPEC), "exec"), names)  # noqa: S102
    return names["keep"]


@pytest.mark.parametrize("dest, kept", [
    # PySide6 6.9's Wayland platform plugins (6.12 had one libqwayland.so): they need
    # libwayland-cursor and libwayland-egl, which build.sh then reports as unbundled and, for that,
    # skips its start on X
    ("PySide6/Qt/plugins/platforms/libqwayland-egl.so", False),
    ("PySide6/Qt/plugins/platforms/libqwayland-generic.so", False),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6/plugins/platforms/qdirect2d.dll", False),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/plugins/platforms/qwindows.dll", True),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
    ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
    ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
])
def test_the_build_keeps_only_the_qt_plugins_it_uses(dest, kept):
    keep = spec_keep()
    assert keep((dest, "/somewhere/" + Path(dest).name, "BINARY")) is kept


def imported_modules_of_file(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


# --- the frozen build -------------------------------------------------------------------------

def _build_wanted() -> None:
    """Skip (with the reason) unless the build test should run here."""
    flag = os.environ.get(BUILD_ENV, "").strip()
    if flag == "0":
        pytest.skip(f"{BUILD_ENV}=0")
    if sys.platform != "linux":
        pytest.skip("packaging/build.sh is the Linux build (Windows: packaging/build.ps1)")
    if importlib.util.find_spec("PyInstaller") is None:
        if flag == "1":
            pytest.fail(f"{BUILD_ENV}=1 but PyInstaller is not installed: pip install -e .[build]")
        pytest.skip("PyInstaller is not installed (pip install -e .[build]); "
                    f"set {BUILD_ENV}=1 to make this a failure")


@pytest.mark.slow
def test_frozen_build_passes_its_self_test(tmp_path):
    """bash packaging/build.sh into tmp_path: PyInstaller, the frozen --self-test (offscreen, and
    on Xvfb when installed), the folder's size and its start-to-window time."""
    _build_wanted()
    env = dict(os.environ, DIST_DIR=str(tmp_path / "dist"), BUILD_DIR=str(tmp_path / "build"))
    env.pop("QT_QPA_PLATFORM", None)  # build.sh sets offscreen / xcb itself
    result = subprocess.run(["bash", str(PACKAGING / "build.sh"), "--no-archive", "--runs", "3"],
                            cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8",
                            errors="replace", timeout=1200)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-6000:]
    assert "自检通过" in output

    metrics = dict(line.split("=", 1) for line in
                   (tmp_path / "build" / "packaging-metrics.txt").read_text().splitlines())
    print("packaging metrics:", metrics)
    assert int(metrics["size_kb"]) <= MAX_SIZE_MB * 1024, metrics["size_human"]
    # start-up time is a figure (printed above, and in build.sh's output), not a test: on two
    # shared cores (load 7-9) its best was 1.51 s and 1.53 s in two builds of the same code, and
    # the 1.5 s limit failed this test with nothing changed
    internal = tmp_path / "dist" / "GongkaiShenhe" / "_internal"
    assert (internal / "PySide6" / "Qt" / "translations" / "qtbase_zh_CN.qm").is_file()
    # pandas is a runtime dependency (core/compare/frame.py: 年度对照 and the 汇总 export)
    assert (internal / "pandas").is_dir() and (internal / "numpy").is_dir()
    assert sorted(p.name for p in (internal / "resources" / "samples").iterdir()) == \
        sorted(p.name for p in (ROOT / "resources" / "samples").iterdir())
    program = tmp_path / "dist" / "GongkaiShenhe" / ("GongkaiShenhe.exe" if os.name == "nt" else "GongkaiShenhe")
    version = subprocess.run([str(program), "--version"], capture_output=True, text=True, encoding="utf-8",
                             timeout=120)
    assert version.returncode == 0 and project_version() in version.stdout, version.stdout + version.stderr


@pytest.mark.parametrize("before, after", [
    ({"LD_LIBRARY_PATH": "/opt/GongkaiShenhe/_internal:/usr/local/lib", "LD_LIBRARY_PATH_ORIG": "/usr/local/lib"},
     {"LD_LIBRARY_PATH": "/usr/local/lib"}),
    ({"LD_LIBRARY_PATH": "/opt/GongkaiShenhe/_internal"}, {}),
])
def test_programs_the_build_starts_get_the_desktops_library_path(monkeypatch, before, after):
    """LibreOffice, started by the frozen program for a .doc it cannot read natively, must not
    inherit the library path PyInstaller's loader set (the build's _internal first): it would
    load the build machine's zlib, ICU... and fail to convert on another desktop."""
    import main

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    for name in ("LD_LIBRARY_PATH", "LD_LIBRARY_PATH_ORIG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in before.items():
        monkeypatch.setenv(name, value)
    main.restore_library_path()
    assert {n: os.environ[n] for n in ("LD_LIBRARY_PATH", "LD_LIBRARY_PATH_ORIG") if n in os.environ} == after
    child = subprocess.run(["sh", "-c", 'printf %s "$LD_LIBRARY_PATH"'], capture_output=True, text=True)
    assert "_internal" not in child.stdout


def _fake_office(folder: Path) -> Path:
    """soffice.exe in ``folder``, which shutil.which finds as on Windows (sys.platform win32 and
    PATHEXT set by the test)."""
    folder.mkdir(parents=True)
    program = folder / "soffice.exe"
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    return program


def test_libreoffice_is_found_where_its_windows_installer_puts_it(tmp_path, monkeypatch):
    """LibreOffice's Windows installer does not put its program folder on PATH: an auditor with
    LibreOffice installed must not be told to install it (a .doc the native reader cannot read)."""
    import main
    from core.readers import legacy

    program = _fake_office(tmp_path / "Program Files" / "LibreOffice" / "program")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("PATHEXT", ".exe")
    monkeypatch.setenv("ProgramFiles", str(tmp_path / "Program Files"))
    monkeypatch.delenv("ProgramW6432", raising=False)
    monkeypatch.delenv("ProgramFiles(x86)", raising=False)
    assert legacy.find_office() is None
    main.find_office_folder()
    assert legacy.find_office() == str(program)


def test_libreoffice_on_path_comes_first(tmp_path, monkeypatch):
    import main
    from core.readers import legacy

    on_path = _fake_office(tmp_path / "bin")
    _fake_office(tmp_path / "Program Files" / "LibreOffice" / "program")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("PATHEXT", ".exe")
    monkeypatch.setenv("ProgramFiles", str(tmp_path / "Program Files"))
    main.find_office_folder()
    assert os.environ["PATH"] == str(tmp_path / "bin")
    assert legacy.find_office() == str(on_path)


def test_the_newest_of_libreoffice_org_s_linux_installs_is_taken(tmp_path, monkeypatch):
    # its packages install /opt/libreofficeX.Y/program, off PATH; 24.8 is newer than 7.6 (which
    # sorts after it by letter)
    import main
    from core.readers import legacy

    for version in ("7.6", "24.8", "24.2"):
        program = tmp_path / "opt" / f"libreoffice{version}" / "program" / "soffice"
        program.parent.mkdir(parents=True)
        program.write_text("#!/bin/sh\n")
        program.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.setattr(sys, "platform", "linux")
    main.find_office_folder(opt=str(tmp_path / "opt"))
    assert legacy.find_office() == str(tmp_path / "opt" / "libreoffice24.8" / "program" / "soffice")


def test_source_run_leaves_the_library_path_alone(monkeypatch):
    import main

    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setenv("LD_LIBRARY_PATH", "/somewhere/lib")
    main.restore_library_path()
    assert os.environ["LD_LIBRARY_PATH"] == "/somewhere/lib"


def _program_files() -> list[Path]:
    return sorted((ROOT / "core").rglob("*.py")) + sorted((ROOT / "gui").rglob("*.py")) + [ROOT / "main.py"]


def test_every_module_is_imported_where_pyinstaller_can_see_it():
    """The readers of .docx, .pdf, .html and .doc are imported in the worker processes when a
    file first needs them. PyInstaller collects a module it sees in an import statement, at any
    depth of a function; one named at run time (importlib.import_module, __import__) would be
    missing from the build, and every such file 无法读取 in the packaged program only."""
    dynamic = []
    for path in _program_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Call):
                name = ast.unparse(node.func)
                if name in ("__import__", "importlib.import_module", "import_module", "importlib.__import__"):
                    dynamic.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}")
    assert not dynamic, f"imports PyInstaller cannot follow (add them to hiddenimports in gongkai.spec): {dynamic}"


def test_every_lazy_import_of_the_programs_own_modules_exists():
    """An import inside a function runs only when its path is taken (a worker reading the
    folder's first PDF): a module it names that does not exist fails there, not at start."""
    missing = []
    for path in _program_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                if name.split(".")[0] not in ("core", "gui"):
                    continue
                module = ROOT / Path(*name.split("."))
                if not (module.with_suffix(".py").is_file() or (module / "__init__.py").is_file()):
                    missing.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}")
    assert not missing, missing


# --- files the program reads beside its code ------------------------------------------------------

def spec_bundled_paths() -> list[Path]:
    """Where the spec's data_files() puts each entry in the build, relative to its top (_internal):
    a folder under its destination, a file under its destination with its own name."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    function = next(node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name == "data_files")
    scope = {"Path": Path, "ROOT": ROOT, "RESOURCES": ROOT / "resources", "SPECPATH": str(PACKAGING)}
    exec(compile(ast.Module([function], []), str(SPEC), "exec"), scope)
    out = []
    for source, dest in scope["data_files"]():
        source = Path(source)
        out.append(Path(dest) if source.is_dir() else Path(dest) / source.name)
    return out


def _anchored_path(node: ast.expr, module: Path, anchors: dict[str, Path]) -> Optional[Path]:
    """The source-tree path an expression names when it starts at the module's own file
    (``Path(__file__).resolve().parent.parent / "resources"``), at a module-level name bound to
    such a path, or at gui.paths' resources_dir() / samples_dir(); None for anything else."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
        left = _anchored_path(node.left, module, anchors)
        if left is not None and isinstance(node.right, ast.Constant) and isinstance(node.right.value, str):
            return left / node.right.value
        return None
    if isinstance(node, ast.Name):
        return anchors.get(node.id)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        if node.func.id in ("resources_dir", "samples_dir") and not node.args:
            return ROOT / "resources" / ("samples" if node.func.id == "samples_dir" else "")
        if node.func.id == "Path" and len(node.args) == 1 and ast.unparse(node.args[0]) == "__file__":
            return module
        return None
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "resolve":
        return _anchored_path(node.func.value, module, anchors)
    if isinstance(node, ast.Attribute) and node.attr == "parent":
        inner = _anchored_path(node.value, module, anchors)
        return inner.parent if inner is not None else None
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) and node.value.attr == "parents":
        inner = _anchored_path(node.value.value, module, anchors)
        if inner is not None and isinstance(node.slice, ast.Constant):
            return inner.parents[node.slice.value]
    return None


def files_read_beside_the_code() -> dict[Path, str]:
    """Every data path the program names relative to its own files (the resources folder,
    pyproject.toml...), with where it is named: what a build must carry as data, since only the
    modules PyInstaller follows from the imports get into it by themselves."""
    found: dict[Path, str] = {}
    for path in _program_files():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        anchors: dict[str, Path] = {}
        for node in tree.body:  # module-level names bound to a path (TEMPLATE_DOCX, _CORE...)
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                anchor = _anchored_path(node.value, path, {})
                if anchor is not None:
                    anchors[node.targets[0].id] = anchor
        for node in ast.walk(tree):
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
                named = _anchored_path(node, path, anchors)
                if named is not None and named.suffix != ".py":
                    found.setdefault(named, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_every_file_the_program_reads_beside_its_code_is_in_the_build():
    """A file the code opens by its place beside the code (the Word template of the export, the
    icon, the samples, pyproject.toml for --version) exists in the source tree, and the spec's
    datas put it in the build: a file missing there fails in the packaged program only (an
    auditor's 导出 Word or --version), never from source."""
    bundled = spec_bundled_paths()
    found = files_read_beside_the_code()
    relative = {named.relative_to(ROOT): where for named, where in found.items()}
    # the scan sees what it should (else it would pass by finding nothing)
    assert {Path("resources", "2021-official-template.docx"), Path("resources", "icons", "app.png"),
            Path("pyproject.toml")} <= set(relative), sorted(map(str, relative))
    missing = [f"{where} {rel}" for rel, where in relative.items() if not (ROOT / rel).exists()]
    assert not missing, f"named by the code but not in the source tree: {missing}"
    unbundled = [f"{where} {rel}" for rel, where in relative.items()
                 if not any(rel == b or b in rel.parents for b in bundled)]
    assert not unbundled, f"read beside the code but not in gongkai.spec's data_files(): {unbundled}"


def _compare_frozen():
    spec = importlib.util.spec_from_file_location("compare_frozen", PACKAGING / "compare_frozen.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_compare_frozen_feeds_every_format_and_tells_a_workbook_by_its_parts(tmp_path):
    """packaging/compare_frozen.py (the frozen program's command line against the source's): its
    folder holds a file of each format the readers know, and two workbooks differing only in the
    time they were written (docProps/core.xml) are the same, one differing in a sheet is not."""
    from core.readers.dispatch import FORMATS as READER_FORMATS

    module = _compare_frozen()
    inputs = module.gather_inputs(tmp_path / "reports")
    suffixes = {p.suffix.lower() for p in inputs.iterdir()}
    assert suffixes == module.FORMATS
    assert {READER_FORMATS[suffix] for suffix in suffixes} == set(READER_FORMATS.values())

    def workbook(folder: Path, written: str, cell: str) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(folder / "out.xlsx", "w") as archive:
            archive.writestr("docProps/core.xml", written)
            archive.writestr("xl/worksheets/sheet1.xml", cell)

    workbook(tmp_path / "a", "2026-12-05T02:47:41Z", "<c>12</c>")
    workbook(tmp_path / "b", "2026-12-05T02:49:54Z", "<c>12</c>")
    workbook(tmp_path / "c", "2026-12-05T02:49:54Z", "<c>15</c>")
    (tmp_path / "c" / "extract.log").write_text("exit 0\n")
    assert module.differences(tmp_path / "a", tmp_path / "b") == []
    assert module.differences(tmp_path / "a", tmp_path / "c") == [
        "extract.log: only in the frozen run", "out.xlsx: parts differ: xl/worksheets/sheet1.xml"]
    # each says its messages with its own name: the Word export's note differed on that alone
    note = "{}：注意：35 份报告未导出为 Word 文件，原因见：{}/word/未导出Word的报告说明.txt"
    source = module.logged(note.format("main.py", "/tmp/s").encode(), Path("/tmp/s"), "main.py")
    frozen = module.logged(note.format("GongkaiShenhe", "/tmp/f").encode(), Path("/tmp/f"), "GongkaiShenhe")
    assert source == frozen == note.format("PROGRAM", "OUT").encode()
