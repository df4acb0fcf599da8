"""A faster tokenizer for the page content streams pdfminer interprets (through pdfplumber).

pdfminer reads a content stream through a character-class state machine and a stack parser:
a dozen Python calls per token, most of a PDF's reading time. ``FastContentParser`` takes each
common complete token (a number, an operator, a name, a simple string, a hex string, a bracket)
with one regular expression and builds exactly the token the state machine builds; an operand or
operator outside arrays and dictionaries is returned as the object it is, as the stack parser
would return it. Anything else (comments, escapes in a string or a name, a token that may
continue in the next buffer or stream, the end of the stream, arrays, dictionaries, inline
images) goes through pdfminer's own code, from the same position and state. ``install()`` makes
pdfminer's interpreter use it.
"""
from __future__ import annotations

import re
from types import MethodType

import pdfminer
import pdfminer.cmapdb
import pdfminer.pdffont
import pdfminer.pdfinterp
import pdfminer.pdfparser
import pdfplumber.pdf
from pdfminer.psparser import KWD, LIT, PSEOF, SPC, PSBaseParser, PSBaseParserToken, PSKeyword, PSKeywordTable

from core.readers import pdf_releases

# One token after optional white space, each alternative consuming exactly what pdfminer's state
# machine consumes for it (the character classes are those of pdfminer.psparser's END_* patterns).
_TOKEN = re.compile(rb"""[ \t\n\r\f\v]*(?:
      (?P<dict><<|>>)
    | (?P<number>(?:[-+0-9])[0-9]*(?:\.[0-9]*)?|\.[0-9]*)
    | (?P<keyword>[A-Za-z][^#/%\[\]()<>{}\s]*)
    | /(?P<name>[^#/%\[\]()<>{}\s]*)
    | \((?P<string>[^()\\]*)\)
    | <(?P<hex>[0-9A-Fa-f\s]*)>
    | (?P<bracket>[\[\]{}])
)""", re.X)

# The same with anything else as one character: a scan that stops where _TOKEN fails.
_SCAN = re.compile(_TOKEN.pattern[:_TOKEN.pattern.rindex(b")")] + b"| (?P<other>[\\s\\S])\n)", re.X)

_NOTHING = object()  # a lexeme the state machine drops ("-", "." alone)
_GT, _HASH = ord(">"), ord("#")


def _number(lexeme: bytes):
    try:
        return float(lexeme) if b"." in lexeme else int(lexeme)
    except ValueError:  # "-", "+.", a number too long for int(): no token, as in pdfminer
        return _NOTHING


def _name(lexeme: bytes):
    try:
        return LIT(str(lexeme, "utf-8"))
    except UnicodeDecodeError:
        return LIT(lexeme)


def _hex(lexeme: bytes) -> bytes:
    """pdfminer's hex string: white space dropped, pairs of digits read as bytes, an odd last
    digit read alone (<4> is 0x04)."""
    digits = SPC.sub(b"", lexeme) if not lexeme.isalnum() else lexeme  # only hex digits matched
    if len(digits) % 2:
        return bytes.fromhex(digits[:-1].decode("ascii")) + bytes((int(digits[-1:], 16),))
    return bytes.fromhex(digits.decode("ascii"))


class FastTokens(PSBaseParser):
    """pdfminer's tokenizer (PSBaseParser.nexttoken) with common complete tokens taken at once;
    for any of pdfminer's parsers, put before it among the bases."""

    _parse1: MethodType  # the state's method: pdfminer sets it to one of its own, bound

    def nexttoken(self):
        found = self._fast_token() if self._ready() else None
        return found if found is not None else super().nexttoken()

    def _ready(self) -> bool:
        """Between tokens, with none pending: where the fast path may start."""
        return not self._tokens and not self.eof and self._parse1.__func__ is PSBaseParser._parse_main

    def _fast_token(self):
        """The next token read at once, or None where pdfminer's own code must read on (the
        position is then at a token start, after any white space or dropped lexeme)."""
        buf = self.buf
        size = len(buf)
        while self.charpos < size:
            m = _TOKEN.match(buf, self.charpos)
            if m is None:
                return None
            kind, end = m.lastgroup, m.end()
            start = m.start(kind)
            if kind == "number":
                if end >= size:  # the number may go on in the next buffer
                    return None
                token = _number(m.group(kind))
            elif kind == "keyword":
                if end >= size:
                    return None
                lexeme = m.group(kind)
                token = True if lexeme == b"true" else False if lexeme == b"false" else KWD(lexeme)
            elif kind == "name":
                if end >= size or buf[end] == _HASH:  # #xx escapes: pdfminer's own code
                    return None
                start -= 1
                token = _name(m.group(kind))
            elif kind == "string":
                start -= 1
                token = m.group(kind)
            elif kind == "hex":
                if end >= size or buf[end] == _GT:  # "<..>>": pdfminer reads a dictionary end there
                    return None
                start -= 1
                token = _hex(m.group(kind))
            else:  # << >> [ ] { }
                token = KWD(m.group(kind))
            self.charpos = end
            if token is not _NOTHING:
                return self.bufpos + start, token
        return None


class FastContentParser(FastTokens, pdfminer.pdfinterp.PDFContentParser):
    def nextobject(self):
        """An operand or an operator outside arrays and dictionaries is its own object: it is
        returned as pdfminer's stack parser would return it, without the stack."""
        if self._ready() and not self.context and not self.curstack and not self.results:
            found = self._fast_token()
            if found is not None:
                if found[1] not in _STRUCTURE:
                    return found
                if found[1] is _ARRAY_BEGIN:
                    array = self._flat_array(found[0])
                    if array is not None:
                        return array
                self._tokens.append(found)  # pdfminer's nexttoken hands it back first
        return super().nextobject()

    def objects(self):
        """What nextobject() returns, call after call, to the end of the streams — for a caller
        that reads them all (the interpreter). Runs of plain operands and operators are read
        here, one regular-expression scan over the buffer, each token built as _fast_token
        builds it (numbers and operators remembered by their bytes); anything else goes through
        nextobject()."""
        keywords, numbers = PSKeywordTable.dict, {}
        while True:
            token = None
            if self._ready() and not self.context and not self.curstack and not self.results:
                buf, bufpos = self.buf, self.bufpos
                size = len(buf)
                for m in _SCAN.finditer(buf, self.charpos):
                    kind, end = m.lastgroup, m.end()
                    if kind == "number":
                        if end >= size:  # the number may go on in the next buffer
                            break
                        lexeme = m.group(kind)
                        token = numbers.get(lexeme)
                        if token is None:
                            token = numbers[lexeme] = _number(lexeme)
                        self.charpos = end
                        if token is not _NOTHING:
                            yield bufpos + m.start(kind), token
                        continue
                    if kind == "keyword":
                        if end >= size:
                            break
                        lexeme = m.group(kind)
                        if lexeme == b"true" or lexeme == b"false":
                            token = lexeme == b"true"
                        else:
                            token = keywords.get(lexeme) or KWD(lexeme)
                            if token in _STRUCTURE:  # BI, ID: an inline image
                                break
                        self.charpos = end
                        yield bufpos + m.start(kind), token
                        continue
                    if kind == "hex":
                        if end >= size or buf[end] == _GT:  # "<..>>": a dictionary end there
                            break
                        token = _hex(m.group(kind))
                    elif kind == "name":
                        if end >= size or buf[end] == _HASH:  # #xx escapes: pdfminer's own code
                            break
                        token = _name(m.group(kind))
                    elif kind == "string":
                        token = m.group(kind)
                    else:  # << >> [ ] { }: the stack parser's, but for a flat array
                        if kind == "other":
                            break
                        start = m.start(kind)
                        token = KWD(m.group(kind))
                        self.charpos = end
                        if token is _ARRAY_BEGIN:
                            array = self._flat_array(bufpos + start)
                            if array is not None:
                                yield array
                                break  # and scan on from after it
                        self._tokens.append((bufpos + start, token))  # nexttoken hands it back first
                        break
                    self.charpos = end
                    yield bufpos + m.start(kind) - 1, token  # after its "<", "/" or "("
                if token is _ARRAY_BEGIN and not self._tokens:
                    continue
            try:
                found = super().nextobject()
            except PSEOF:
                return
            yield found

    def _flat_array(self, pos: int):
        """An array of plain operands ("[<01>-24<02>] TJ") read at once, as (its position, the
        list) like pdfminer's stack parser returns it; None, with the position back after the
        "[", for anything else (a keyword or bracket inside, a token at the buffer's end)."""
        restart = self.charpos
        items: list[PSBaseParserToken] = []
        while True:
            found = self._fast_token()
            if found is None:
                break
            token = found[1]
            if token is _ARRAY_END:
                return pos, items
            if isinstance(token, PSKeyword):
                break
            items.append(token)
        self.charpos = restart
        return None


class FastPDFParser(FastTokens, pdfminer.pdfparser.PDFParser):
    """The file's own parser (cross-reference table, objects: fonts, resources)."""


class FastCMapParser(FastTokens, pdfminer.cmapdb.CMapParser):
    """The parser of a font's ToUnicode map."""


# Tokens that open or close an array, a dictionary, a procedure or an inline image: the stack
# parser's business.
_ARRAY_BEGIN, _ARRAY_END = KWD(b"["), KWD(b"]")
_STRUCTURE = {KWD(b"["), KWD(b"]"), KWD(b"<<"), KWD(b">>"), KWD(b"{"), KWD(b"}"), KWD(b"BI"), KWD(b"ID")}


# The fast parsers lean on pdfminer's private parser state (_tokens, _parse1, context,
# curstack): it is used only with the pdfminer release it was checked against, token for token.
def is_supported() -> bool:
    return pdf_releases.pdfminer_checked()


def install() -> None:
    """Have pdfminer's page interpreter read content streams with FastContentParser, fonts read
    their ToUnicode maps and pdfplumber its files with the same fast tokens — only with the
    pdfminer release it was checked against; any other keeps pdfminer's own (slower) code."""
    if is_supported():
        # (setattr: a module's class replaced, which a type checker rightly refuses as an assignment)
        setattr(pdfminer.pdfinterp, "PDFContentParser", FastContentParser)
        setattr(pdfminer.pdffont, "CMapParser", FastCMapParser)
        setattr(pdfplumber.pdf, "PDFParser", FastPDFParser)
