"""Word documents (.docx): paragraphs and tables in document order.

python-docx's ``row.cells`` repeats a merged cell in every grid position it covers, and its
``_tc`` proxies cannot be compared reliably by identity, so the table XML is read directly:
a horizontally merged cell is one ``w:tc`` with ``w:gridSpan`` (emitted once), a vertically
merged cell is a ``w:tc`` whose ``w:vMerge`` restarts the merge followed by continuation
``w:tc``s in the rows below (dropped). Empty cells are printed blanks and are kept.
"""
from __future__ import annotations

import io
import zipfile

import docx
from docx.oxml.ns import qn
from lxml import etree

from core.readers.document import Document, TextBuilder
from core.readers.html import TOO_MANY_ELEMENTS, squash, too_many_elements

CORRUPT_PROBLEM = "文件已损坏或不完整，无法打开（docx）"
BOMB_PROBLEM = "文件解压后过大（疑似压缩炸弹），未读取（docx）"

# A .docx is a zip archive: its members are bounded by their declared inflated size before any
# is read (zipfile never inflates a member past the size it declares). Real documents inflate to
# a few MB of XML (parsed into a tree) plus their pictures (kept as bytes), at ratios well under
# 100:1.
MAX_XML = 8 * 1024 * 1024
MAX_TOTAL = 128 * 1024 * 1024
MAX_RATIO = 200
MAX_MEMBERS = 10_000

W_P, W_TBL, W_TR, W_TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
W_SDT, W_SDT_CONTENT, W_CUSTOM_XML = qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")
W_TC_PR, W_VMERGE, W_HMERGE, W_VAL = qn("w:tcPr"), qn("w:vMerge"), qn("w:hMerge"), qn("w:val")
MC_FALLBACK, W_TXBX = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback", qn("w:txbxContent")

# Run content in document order: text, tabs and line breaks of the runs of a paragraph, not of
# text boxes anchored in it (they have paragraphs of their own) nor of the legacy VML copy of
# drawings (mc:Fallback duplicates mc:Choice), nor text moved away by tracked changes (w:moveFrom;
# deleted text is w:delText). Runs inside w:ins, w:hyperlink and fields are included.
_RUN_CONTENT = etree.XPath(
    "(.//w:r/w:t | .//w:r/w:tab | .//w:r/w:br | .//w:r/w:cr)"
    "[not(ancestor::w:txbxContent) and not(ancestor::mc:Fallback) and not(ancestor::w:moveFrom)]",
    namespaces={"w": qn("w:p").split("}")[0][1:],
                "mc": MC_FALLBACK.split("}")[0][1:]},
)
_TEXT_FOR = {qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n"}


def read_docx(path: str, data: bytes, fmt: str = "docx") -> Document:
    problem = archive_problem(data)
    if problem:
        return Document(path, fmt, problems=[problem])
    try:
        body = docx.Document(io.BytesIO(data)).element.body
    except Exception:  # BadZipFile, KeyError, XMLSyntaxError, PackageNotFoundError, ...
        return Document(path, fmt, problems=[CORRUPT_PROBLEM])
    if too_many_elements(body):
        return Document(path, fmt, problems=[TOO_MANY_ELEMENTS])
    builder = TextBuilder()
    for el in _content(body, (W_P, W_TBL)):
        if el.tag == W_P:
            for line in paragraph_text(el).split("\n"):
                if line.strip():
                    builder.add_line(line.split("\t"))
        else:
            _table(el, builder)
    return Document(path, fmt, None, builder.text, builder.lines)


def archive_problem(data: bytes) -> str | None:
    """Why the archive must not be opened (damaged, or inflating beyond the bounds), or None."""
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except Exception:  # BadZipFile, a damaged central directory, ...
        return CORRUPT_PROBLEM
    if len(members) > MAX_MEMBERS:
        return BOMB_PROBLEM
    total = 0
    for member in members:
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        xml = member.filename.lower().endswith((".xml", ".rels"))
        if total > MAX_TOTAL or (xml and member.file_size > MAX_XML) \
                or (ratio > MAX_RATIO and member.file_size > 1024 * 1024):
            return BOMB_PROBLEM
    return None


def _content(parent, tags):
    """Children with the given tags, looking through content controls and custom XML."""
    for child in parent:
        if child.tag in tags:
            yield child
        elif child.tag in (W_SDT, W_SDT_CONTENT, W_CUSTOM_XML):
            yield from _content(child, tags)


def paragraph_text(p) -> str:
    return "".join(_TEXT_FOR.get(el.tag, el.text or "") for el in _RUN_CONTENT(p))


def _table(tbl, builder: TextBuilder) -> None:
    for tr in _content(tbl, (W_TR,)):
        cells = [_cell_text(tc) for tc in _content(tr, (W_TC,)) if not _is_continuation(tc)]
        if cells:
            builder.add_line(cells, grid=True)


def _is_continuation(tc) -> bool:
    """A grid position covered by a merge that started above (vMerge) or left (old hMerge)."""
    tc_pr = tc.find(W_TC_PR)
    if tc_pr is None:
        return False
    for merge in (tc_pr.find(W_VMERGE), tc_pr.find(W_HMERGE)):
        if merge is not None and merge.get(W_VAL, "continue") != "restart":
            return True
    return False


def _cell_text(tc) -> str:
    """The cell's paragraphs (and those of a table nested in it) joined by a space."""
    paragraphs = (p for p in tc.iter(W_P) if not _in_fallback(p, tc))
    return squash(" ".join(paragraph_text(p) for p in paragraphs))


def _in_fallback(el, stop) -> bool:
    while el is not None and el is not stop:
        if el.tag == MC_FALLBACK:
            return True
        el = el.getparent()
    return False
