"""Reading truth files (keys of OUTPUT.md) the way ../shared/tools/score.py does."""
from __future__ import annotations


def leaves(tree: dict, prefix: str):
    """(dotted path, value) for every cell of a nested section dict."""
    for key, value in tree.items():
        if isinstance(value, dict):
            yield from leaves(value, f"{prefix}.{key}")
        else:
            yield f"{prefix}.{key}", value


def covered(path: str, marks: set[str]) -> bool:
    """A flag or finding on a row or section covers every cell inside it."""
    parts = path.split(".")
    return any(".".join(parts[:i]) in marks for i in range(1, len(parts) + 1))
