"""Text of a PDF page or table cell as pdfplumber reads it by default, with less work.

pdfplumber (``extract_text``, ``extract_text_lines``) groups the characters by uprightness, each
group into lines by their tops, sorts each line and cuts it into words, then lays the words out
in a text map of every character before reading the text off it; every call builds a word
extractor and the map. Here the same words, in the same order, are built once and read directly:

- ``cell_lines(chars)``: the lines of ``extract_text(chars)``, each squashed — a table cell's lines;
- ``page_text(chars)``: ``page.extract_text()`` for a page's characters;
- ``text_lines(chars)``: the (top, text) of each line of ``page.extract_text_lines()``.

``is_supported()``: only with the pdfplumber release this was checked against.
"""
from __future__ import annotations

import re
from itertools import groupby
from operator import itemgetter

from pdfplumber.utils.clustering import cluster_objects
from pdfplumber.utils.geometry import objects_to_bbox
from pdfplumber.utils.text import LIGATURES

from core.readers import pdf_releases

TOLERANCE = 3  # pdfplumber's default x and y tolerance, in points
_TOP, _X0, _FIRST = itemgetter("top"), itemgetter("x0"), itemgetter(0)
_LINE = re.compile(r" *([^\n]+?) *(\n|$)")  # TextMap.extract_text_lines(strip=True)


def is_supported() -> bool:
    return pdf_releases.pdfplumber_checked()


def cell_lines(chars: list[dict]) -> list[str]:
    """``squashed_lines(extract_text(chars))``: the words grouped into lines by their tops."""
    words = _words(chars)
    if not words:  # nothing but spaces
        return []
    return squashed_lines("\n".join(" ".join(_text(word[1]) for word in line) for line in _clusters(words, _FIRST)))


def squashed_lines(text: str) -> list[str]:
    """The text's lines that hold more than white space, each with its white space squashed."""
    return [squashed for line in text.split("\n") if (squashed := " ".join(line.split()))]


def line_words(chars: list[dict]) -> list[list[tuple]]:
    """The words of each line, (top, characters) of each, as the text is laid out: made once for a
    page whose text and words are both read (``page_text``/``text_lines`` and ``word_lines``)."""
    words = _words(chars)
    return _clusters(words, _FIRST, preserve_order=True) if words else []


def page_text(chars: list[dict], lines: list[list[tuple]] | None = None) -> str:
    """``lines``: ``line_words(chars)``, when made already."""
    return "".join(_text_map(chars, lines)[0])


def text_lines(chars: list[dict], lines: list[list[tuple]] | None = None) -> list[tuple[float, str]]:
    """Each line's top and text, as ``extract_text_lines(return_chars=False)`` gives them
    (``lines``: ``line_words(chars)``, when made already)."""
    letters, owners = _text_map(chars, lines)
    found = []
    for m in _LINE.finditer("".join(letters)):
        text = m.group(1)
        if text.strip():  # pdfplumber drops blank matches
            start, end = m.span(1)
            found.append((objects_to_bbox([c for c in owners[start:end] if c is not None])[1], text))
    return found


def _text_map(chars: list[dict], lines: list[list[tuple]] | None = None) -> tuple[list[str], list]:
    """WordMap.to_textmap without layout, presorted: each letter and the character it comes from
    (None for the spaces and line breaks put between words and lines)."""
    letters: list[str] = []
    owners: list = []
    for i, line in enumerate(line_words(chars) if lines is None else lines):
        if i > 0:
            letters.append("\n")
            owners.append(None)
        line_len = 0
        for _, word_chars in line:
            if line_len:
                letters.append(" ")
                owners.append(None)
                line_len += 1
            for c in word_chars:
                for letter in LIGATURES.get(c["text"], c["text"]):
                    letters.append(letter)
                    owners.append(c)
                    line_len += 1
    return letters, owners


def _by_x0(char):  # pdfplumber's character order in an upright line ("ltr")
    return (char["x0"], char["x0"])


def _by_top(char):  # ... and in a rotated one ("ttb")
    return (char["top"], char["bottom"])


def _words(chars: list[dict]) -> list[tuple]:
    """WordExtractor.iter_extract_tuples with the defaults: (top, characters) of each word."""
    words: list[tuple] = []
    for upright, group in groupby(chars, key=itemgetter("upright")):
        run = list(group)
        if upright:
            for line in _clusters(run, _TOP):
                _cut(sorted(line, key=_by_x0), "x0", "x1", "top", words)
        else:
            for line in _clusters(run, _X0):
                _cut(sorted(line, key=_by_top), "top", "bottom", "x0", words)
    return words


def _clusters(items: list, key, preserve_order: bool = False) -> list[list]:
    """pdfplumber's cluster_objects(items, key, 3); at once when every key is the same."""
    first = key(items[0])
    if all(key(item) == first for item in items):  # also False for a NaN
        return [items]
    return cluster_objects(items, key, TOLERANCE, preserve_order=preserve_order)


def _cut(line: list[dict], start: str, end: str, across: str, words: list[tuple]) -> None:
    """pdfplumber's iter_chars_to_words + merge_chars' top: a space ends a word; an empty
    character is a word of its own; a character that starts before the last one, or more than
    3 points after its end, or more than 3 points off its line, starts a new word."""
    current: list[dict] = []
    for char in line:
        text = char["text"]
        if text.isspace():
            if current:
                words.append(_word(current))
            current = []
        elif text == "":  # `"" in ""`: pdfplumber's split_at_punctuation takes it alone
            if current:
                words.append(_word(current))
            words.append(_word([char]))
            current = []
        elif current and (char[start] < current[-1][start]
                          or char[start] > current[-1][end] + TOLERANCE
                          or abs(char[across] - current[-1][across]) > TOLERANCE):
            words.append(_word(current))
            current = [char]
        else:
            current.append(char)
    if current:
        words.append(_word(current))


def _word(chars: list[dict]) -> tuple:
    return (min([c["top"] for c in chars]), chars)


def _text(chars: list[dict]) -> str:
    """merge_chars' text: ligatures spelt out."""
    return "".join(LIGATURES.get(c["text"], c["text"] or "") for c in chars)


def word_lines(chars: list[dict], lines: list[list[tuple]] | None = None) -> list[list[tuple[float, float, str]]]:
    """The words of each line of ``page_text(chars)``, in the same order: (x0, x1, text) of each
    (upright words; a line's words joined by spaces are its text). ``lines``: ``line_words(chars)``,
    when made already."""
    return [[(min(c["x0"] for c in word_chars), max(c["x1"] for c in word_chars), _text(word_chars))
             for _, word_chars in line]
            for line in (line_words(chars) if lines is None else lines)]
