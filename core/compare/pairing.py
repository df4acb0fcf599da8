"""Which reports belong to one agency, and which years of it follow each other."""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import lru_cache
from typing import Callable, Iterable, Optional, TypeVar

T = TypeVar("T")

# Punctuation that varies between copies of one name (full/half width is folded by NFKC first).
_NOISE = re.compile(r"[\s·•・\-—_\"'“”‘’《》<>]+")


def normalise_agency(name: Optional[str]) -> str:
    """The agency name as a pairing key: full/half width folded, spaces and decorative punctuation
    dropped, brackets unified. Suffixes stay: 某区人民政府办公室 (the office) is not 某区人民政府."""
    if not name:
        return ""
    return _agency_key(name)


@lru_cache(maxsize=1 << 15)
def _agency_key(name: str) -> str:
    """Memoised: a folder's names are keyed again at every linking of its years (on the GUI
    thread), and the loader thread keys each report as it arrives (gui/loader.py)."""
    text = unicodedata.normalize("NFKC", name)
    text = text.replace("(", "（").replace(")", "）")
    return _NOISE.sub("", text)


def same_agency(a: Optional[str], b: Optional[str]) -> bool:
    key = normalise_agency(a)
    return bool(key) and key == normalise_agency(b)


def by_agency(items: Iterable[T], agency: Callable[[T], Optional[str]],
              year: Callable[[T], Optional[int]]) -> dict[str, dict[int, list[T]]]:
    """agency key → year → the items of that year (several when a year was filed twice)."""
    out: dict[str, dict[int, list[T]]] = defaultdict(lambda: defaultdict(list))
    for item in items:
        key, when = normalise_agency(agency(item)), year(item)
        if key and when:
            out[key][when].append(item)
    return {k: dict(sorted(v.items())) for k, v in sorted(out.items())}


def consecutive_pairs(items: Iterable[T], agency: Callable[[T], Optional[str]],
                      year: Callable[[T], Optional[int]]) -> list[tuple[T, T]]:
    """Every (year N−1, year N) pair of one agency, agencies in name order, years ascending.
    A year filed twice pairs its first file (in the order given)."""
    pairs = []
    for years in by_agency(items, agency, year).values():
        for when, found in years.items():
            before = years.get(when - 1)
            if before:
                pairs.append((before[0], found[0]))
    return pairs
