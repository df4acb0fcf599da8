"""The layering the product card fixes: core/ never imports Qt; only gui/qt.py names the binding."""
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
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


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
