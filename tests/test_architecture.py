"""The layering the product card fixes: core/ never imports Qt; only gui/qt.py names the binding;
core/ is a pipeline of stages and a stage never imports a later one."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QT_BINDINGS = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "qtpy")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.add(absolute_module(path, node))
    return names


def absolute_module(path: Path, node: ast.ImportFrom) -> str:
    """``from ..model import X`` in core/parse/parser.py is core.model."""
    if node.level == 0:
        return node.module or ""
    package = list(path.relative_to(ROOT).with_suffix("").parts[:-1])
    base = package[:len(package) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def qt_imports(path: Path) -> list[str]:
    return sorted(m for m in imported_modules(path) if m.split(".")[0] in QT_BINDINGS)


def test_core_never_imports_qt():
    offenders = {str(p.relative_to(ROOT)): qt_imports(p) for p in (ROOT / "core").rglob("*.py") if qt_imports(p)}
    assert offenders == {}


def test_core_never_imports_the_gui():
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "core").rglob("*.py")
                 if any(m == "gui" or m.startswith("gui.") for m in imported_modules(p))]
    assert offenders == []


def test_only_gui_qt_names_the_binding():
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "gui").rglob("*.py")
                 if p.name != "qt.py" and qt_imports(p)]
    assert offenders == []


# The pipeline, in order: a stage may import earlier stages and the shared vocabulary at the top
# of core/ (template, model, equations), never a later stage.
STAGES = ["readers", "parse", "check", "review", "compare", "export"]
VOCABULARY = ["template", "model", "equations"]


def core_stage(module: str):
    parts = module.split(".")
    if parts[0] != "core" or len(parts) < 2:
        return None
    return parts[1]


def test_a_stage_never_imports_a_later_stage():
    offenders = []
    for stage_index, stage in enumerate(STAGES):
        for path in (ROOT / "core" / stage).rglob("*.py"):
            for module in imported_modules(path):
                target = core_stage(module)
                if target in STAGES and STAGES.index(target) > stage_index:
                    offenders.append(f"{path.relative_to(ROOT)} imports {module}")
    assert offenders == []


def test_the_shared_vocabulary_imports_no_stage():
    offenders = [f"{name}.py imports {module}" for name in VOCABULARY
                 for module in imported_modules(ROOT / "core" / f"{name}.py")
                 if core_stage(module) in STAGES]
    assert offenders == []


def test_the_rule_sees_a_violation(tmp_path):
    """The checker itself: a parse module importing the rules is caught, relative or absolute."""
    fake = ROOT / "core" / "parse" / "parser.py"
    tree = ast.parse("from ..check.rules import check\nfrom core.review import edits\n")
    found = {absolute_module(fake, node) for node in tree.body}
    assert found == {"core.check.rules", "core.review"}
    assert {core_stage(m) for m in found} == {"check", "review"}
