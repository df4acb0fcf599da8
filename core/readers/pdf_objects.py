"""A page's objects (``page.objects``) as pdfplumber builds them, built with less work.

pdfplumber interprets a page through pdfminer, which makes an ``LTChar`` object for every
character; pdfplumber then turns each into a dict by walking the object's attributes and
resolving every value. For the characters — nearly all of a report's objects — ``page_objects``
builds that same dict at once while pdfminer renders the character: the same fields, computed by
the same arithmetic in the same order, with each font's glyph lookups remembered for the page.
Lines, rectangles and curves keep pdfminer's objects, turned into pdfplumber's dicts without
resolve_all's calls for plain values; images and vertical text keep pdfplumber's own conversion.
The content streams are run by an interpreter that takes their objects from
``FastContentParser.objects`` and looks up each operator's method once per page.

Like ``pdf_content`` it reproduces the internals of one release of each library: it is used only
with the releases it was checked against (``is_supported``); any other runs pdfplumber's own code.
"""
from __future__ import annotations

import re

import pdfminer.pdfinterp as _pdfinterp
from pdfminer import pdfdevice as _pdfdevice, settings
from pdfminer.layout import LTContainer, LTCurve
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFInterpreterError, PDFPageInterpreter
from pdfminer.pdftypes import stream_value
from pdfminer.psparser import PSEOF, PSKeyword, keyword_name
from pdfplumber.page import ALL_ATTRS, PDFPageAggregatorWithMarkedContent, fix_fontname_bytes, lt_pat
from pdfplumber.utils.exceptions import PdfminerException
from pdfplumber.utils.pdfinternals import resolve_all, resolve_and_decode

from core.readers import pdf_releases
from core.readers.pdf_content import FastContentParser

_PLAIN = frozenset((int, float, str, bool, type(None)))


def is_supported(pdf) -> bool:
    """Whether ``pdf`` (a pdfplumber PDF) may have its pages' objects built here: the checked
    releases, and pdfplumber's default options (no layout analysis, no Unicode normalisation)."""
    return pdf_releases.pdfplumber_checked() \
        and pdf.laparams is None and pdf.unicode_norm is None


def page_objects(page) -> dict[str, list[dict]]:
    """What ``page.objects`` returns (pdfplumber's ``Page.parse_objects``), equal in every field."""
    device = _Device(page)
    interpreter = _Interpreter(page.pdf.rsrcmgr, device)
    try:
        interpreter.process_page(page.page_obj)
    except Exception as exc:  # as pdfplumber's Page.layout wraps it
        raise PdfminerException(exc)
    objects: dict[str, list[dict]] = {}
    _collect(page, device.get_result()._objs, objects)
    return objects


def _collect(page, items, objects: dict[str, list[dict]]) -> None:
    """pdfplumber's iter_layout_objects + parse_objects, without layout analysis (laparams None):
    a container (a figure) is not an object itself, its children are."""
    for item in items:
        if type(item) is dict:  # a character built by _Device
            objects.setdefault("char", []).append(item)
        elif isinstance(item, LTContainer):
            _collect(page, item._objs, objects)
        else:
            obj = _curve_object(page, item) if isinstance(item, LTCurve) else page.process_object(item)
            if obj["object_type"] != "anno":
                objects.setdefault(obj["object_type"], []).append(obj)


def _curve_object(page, curve) -> dict:
    """Page.process_object for a line, rectangle or curve (no text, no colour space)."""
    kind = _KINDS.get(type(curve))
    if kind is None:
        kind = _KINDS[type(curve)] = re.sub(lt_pat, "", type(curve).__name__).lower()
    attr = {k: _resolved(v) for k, v in curve.__dict__.items() if k in ALL_ATTRS}
    attr["object_type"] = kind
    attr["page_number"] = page.page_number
    for cs in ("ncs", "scs"):
        if hasattr(curve, cs):
            attr[cs] = resolve_and_decode(getattr(curve, cs).name)
    point2coord = page.point2coord
    attr["pts"] = list(map(point2coord, attr["pts"]))
    attr["path"] = [(cmd, *map(point2coord, pts)) for cmd, *pts in curve.original_path]
    attr["dash"] = curve.dashing_style
    mb_x0, mb_top = page.mediabox[:2]
    if "y0" in attr:
        attr["top"] = (page.height - attr["y1"]) + mb_top
        attr["bottom"] = (page.height - attr["y0"]) + mb_top
        attr["doctop"] = page.initial_doctop + attr["top"]
    if "x0" in attr and mb_x0 != 0:
        attr["x0"] = attr["x0"] + mb_x0
        attr["x1"] = attr["x1"] + mb_x0
    return attr


_KINDS: dict[type, str] = {}


def _resolved(value):
    """resolve_all's result (equal to it), without its calls for plain values and tuples of them."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is tuple and _PLAIN.issuperset(map(type, value)):
        return value
    if kind is list:
        return [_resolved(item) for item in value]
    return resolve_all(value)


def _plain(value):
    """resolve_all's result, without its calls for a plain value."""
    return value if type(value) in _PLAIN else resolve_all(value)


class _Device(PDFPageAggregatorWithMarkedContent):
    def __init__(self, page) -> None:
        super().__init__(page.pdf.rsrcmgr, pageno=page.page_number, laparams=None)
        self.page_number = page.page_number
        self.height = page.height
        self.mb_x0, self.mb_top = page.mediabox[:2]
        self.initial_doctop = page.initial_doctop
        self.glyphs: dict[object, dict[int, tuple]] = {}  # font -> cid -> (text, width)
        self.color_spaces: dict[object, object] = {}  # name -> decoded name

    def tag_cur_item(self) -> None:
        """pdfplumber tags the last object after every image and path, also when the path made
        none: the character before it is then re-tagged."""
        if self.cur_item._objs and type(self.cur_item._objs[-1]) is dict:
            self.cur_item._objs[-1]["mcid"] = _plain(self.cur_mcid)
            self.cur_item._objs[-1]["tag"] = _plain(self.cur_tag)
        else:
            super().tag_cur_item()

    def render_string_horizontal(self, seq, matrix, pos, font, fontsize, scaling, charspace, wordspace,
                                 rise, dxscale, ncs, graphicstate):
        """pdfminer's loop over a string's characters with, for each, its render_char, LTChar and
        pdfplumber's process_object inlined: the same arithmetic in the same order. What is the
        same for the whole string (font, colours, tag) is worked out at its first character."""
        (x, y) = pos
        needcharspace = False
        (a, b, c, d, e, f) = matrix
        common = None
        for obj in seq:
            if isinstance(obj, (int, float)):
                x -= obj * dxscale
                needcharspace = True
            elif isinstance(obj, bytes):
                for cid in font.decode(obj):
                    if needcharspace:
                        x += charspace
                    if common is None:
                        common = self._string_fields(matrix, font, fontsize, rise, ncs, graphicstate, scaling)
                        (glyphs, low, high, upright, fontname, mcid, tag, ncs_name, scolor, ncolor,
                         plain_matrix) = common
                        page_height, mb_top, mb_x0, doctop = self.height, self.mb_top, self.mb_x0, \
                            self.initial_doctop
                        objs = self.cur_item._objs
                    glyph = glyphs.get(cid)
                    if glyph is None:
                        glyph = glyphs[cid] = self._glyph(font, cid)
                    # translate_matrix, then LTChar.__init__ (horizontal) with apply_matrix_rect
                    me, mf = x * a + y * c + e, x * b + y * d + f
                    adv = glyph[1] * fontsize * scaling
                    left1, bottom1 = a * 0 + c * low + me, b * 0 + d * low + mf
                    right1, bottom2 = a * adv + c * low + me, b * adv + d * low + mf
                    right2, top1 = a * adv + c * high + me, b * adv + d * high + mf
                    left2, top2 = a * 0 + c * high + me, b * 0 + d * high + mf
                    x0, y0 = min(left1, left2, right1, right2), min(bottom1, bottom2, top1, top2)
                    x1, y1 = max(left1, left2, right1, right2), max(bottom1, bottom2, top1, top2)
                    if x1 < x0:
                        (x0, x1) = (x1, x0)
                    if y1 < y0:
                        (y0, y1) = (y1, y0)
                    height = y1 - y0
                    top = (page_height - y1) + mb_top
                    char = {
                        "matrix": (a, b, c, d, me, mf) if plain_matrix else resolve_all((a, b, c, d, me, mf)),
                        "fontname": fontname, "adv": adv, "upright": upright,
                        "x0": x0, "y0": y0, "x1": x1, "y1": y1, "width": x1 - x0, "height": height,
                        "size": height, "mcid": mcid, "tag": tag, "object_type": "char",
                        "page_number": self.page_number, "ncs": ncs_name, "text": glyph[0],
                        "stroking_color": scolor, "non_stroking_color": ncolor,
                        "top": top, "bottom": (page_height - y0) + mb_top, "doctop": doctop + top}
                    if mb_x0 != 0:
                        char["x0"] = x0 + mb_x0
                        char["x1"] = x1 + mb_x0
                    objs.append(char)
                    x += adv
                    if cid == 32 and wordspace:
                        x += wordspace
                    needcharspace = True
            else:
                _pdfdevice.logger.warning(
                    "Cannot render horizontal string because %r is not a valid int, float or bytes.", obj)
        return (x, y)

    def _string_fields(self, matrix, font, fontsize, rise, ncs, graphicstate, scaling) -> tuple:
        """What every character of one string shares: the font's glyphs, the bottom and top of
        the glyph box, uprightness, and pdfplumber's fields that come from the text state."""
        glyphs = self.glyphs.get(font)
        if glyphs is None:
            glyphs = self.glyphs[font] = {}
        descent = font.get_descent() * fontsize
        (a, b, c, d, _e, _f) = matrix
        upright = a * d * scaling > 0 and b * c <= 0
        fontname = _plain(font.fontname)
        if isinstance(fontname, bytes):
            fontname = fix_fontname_bytes(fontname)
        name = ncs.name
        if type(name) in _PLAIN:
            decoded = self.color_spaces.get(name, self)
            if decoded is self:
                decoded = self.color_spaces[name] = resolve_and_decode(name)
        else:
            decoded = resolve_and_decode(name)
        scolor, ncolor = graphicstate.scolor, graphicstate.ncolor
        return (glyphs, descent + rise, descent + rise + fontsize, upright, fontname,
                _plain(self.cur_mcid), _plain(self.cur_tag), decoded,
                scolor if isinstance(scolor, tuple) else (scolor,),
                ncolor if isinstance(ncolor, tuple) else (ncolor,),
                _PLAIN.issuperset(map(type, matrix)))

    def _glyph(self, font, cid: int) -> tuple[str, float]:
        """pdfminer's render_char: the character's text and width."""
        try:
            text = font.to_unichr(cid)
            assert isinstance(text, str), str(type(text))
        except PDFUnicodeNotDefined:
            text = self.handle_undefined_char(font, cid)
        return text, font.char_width(cid)


class _Interpreter(PDFPageInterpreter):
    """pdfminer's interpreter, each operator's method and argument count looked up once."""

    def execute(self, streams) -> None:
        valid_streams = []
        self.stream_ids.clear()
        for obj in streams:
            stream = stream_value(obj)
            if stream.objid is None:
                _pdfinterp.log.warning("Execute called on non-indirect object (inline image?) %r", stream)
                continue
            if stream.objid in self.parent_stream_ids:
                _pdfinterp.log.warning("Refusing to execute circular reference to content stream %d",
                                       stream.objid)
            else:
                valid_streams.append(stream)
                self.stream_ids.add(stream.objid)
        try:
            parser = FastContentParser(valid_streams)
        except PSEOF:
            return
        methods: dict[object, tuple] = {}
        push, pop = self.push, self.pop
        for (_, obj) in parser.objects():
            if isinstance(obj, PSKeyword):
                found = methods.get(obj)
                if found is None:
                    found = methods[obj] = self._operator(obj)
                func, nargs = found
                if func is None:
                    continue
                if nargs:
                    args = pop(nargs)
                    if len(args) == nargs:
                        func(*args)
                else:
                    func()
            else:
                push(obj)

    def _operator(self, keyword) -> tuple:
        """(bound method, argument count) of an operator, (None, 0) for an unknown one."""
        name = keyword_name(keyword)
        method = "do_{}".format(name.replace("*", "_a").replace('"', "_w").replace("'", "_q"))
        if hasattr(self, method):
            func = getattr(self, method)
            return func, func.__code__.co_argcount - 1
        if settings.STRICT:
            raise PDFInterpreterError(f"Unknown operator: {name!r}")
        return None, 0
